#!/usr/bin/env python3
"""The query commands' files and their run on every fixture.

usage: test_query_cli.py WARDGRAPH SOURCE_DIR SCRATCH_DIR

`ego -o` and `communities --write` write GraphML that networkx reads back
with the right nodes, edges and attributes; every command runs on the
wardgraph fixture, its Gephi-style re-saves and the sample export, and gives
the same answers on the fixture and its re-saves."""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

exe, src, scratch = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(scratch, exist_ok=True)
checks = failures = 0


def check(ok, what):
    global checks, failures
    checks += 1
    if not ok:
        failures += 1
        print("FAIL:", what)


def run(*args, rc=0):
    p = subprocess.run([exe, *args], capture_output=True, text=True)
    check(p.returncode == rc, f"wardgraph {' '.join(args)}: exit {p.returncode}, want {rc}: {p.stderr.strip()}")
    return p.stdout


def read(path):
    """{node id: {attr: value}}, [(source, target, {attr: value})] via ElementTree."""
    G = "{http://graphml.graphdrawing.org/xmlns}"
    root = ET.parse(path).getroot()
    names = {k.get("id"): k.get("attr.name") for k in root.iter(G + "key")}
    nodes = {n.get("id"): {names[d.get("key")]: d.text for d in n.iter(G + "data")} for n in root.iter(G + "node")}
    edges = [(e.get("source"), e.get("target"), {names[d.get("key")]: d.text for d in e.iter(G + "data")})
             for e in root.iter(G + "edge")]
    return nodes, edges


fixture = os.path.join(src, "tests/corpus/graphs/council.graphml")
gephi = [os.path.join(src, "tests/corpus/gephi", f) for f in ("council_gephi.graphml", "council_directed.graphml")]
seeds = os.path.join(src, "exports/seeds.graphml")

# ego: Tô Thị Bích Châu and her 8 neighbours, every edge among them, all attributes
out = os.path.join(scratch, "ego.graphml")
run("ego", fixture, "to thi bich chau", "--depth", "1", "-o", out)
nodes, edges = read(out)
check(len(nodes) == 9 and "official:tô-thị-bích-châu" in nodes, f"ego nodes: {sorted(nodes)}")
check(len(edges) == 24, f"ego edges: {len(edges)}")
check(nodes["official:tô-thị-bích-châu"].get("label") == "Tô Thị Bích Châu", "ego keeps labels")
check(all("meetings" in a and "weight" in a for _, _, a in edges), "ego keeps edge attributes")
check("official:phạm-minh-tuấn" not in nodes, "ego leaves other components out")
run("ego", fixture, "to thi bich chau", "--depth", "2", "-o", out)
check(len(read(out)[0]) == 10, "ego depth 2: the whole giant component")
out2 = os.path.join(scratch, "ego_again.graphml")
run("ego", out, "Trần Thị Lan", "-o", out2)  # our output reads back as input
check(len(read(out2)[0]) == 3, "ego of an ego network")
try:
    import networkx as nx
    g = nx.read_graphml(out)
    check(g.number_of_nodes() == 10, "networkx reads the ego network")
except ImportError:
    print("SKIP networkx read-back: cannot import networkx")

# communities --write: a community attribute on every node, matching the TSV
for path in [fixture] + gephi:
    out = os.path.join(scratch, "communities.graphml")
    tsv = run("communities", path, "--format", "tsv", "--write", out)
    want = {row.split("\t")[0]: row.split("\t")[3] for row in tsv.splitlines()[1:]}
    nodes, edges = read(out)
    got = {k: a.get("community") for k, a in nodes.items()}
    check(got == want, f"{os.path.basename(path)}: community attribute {got} vs listing {want}")
    check(len(edges) == 27, f"{os.path.basename(path)}: --write keeps all 27 edges, got {len(edges)}")

# every command on every fixture; the re-saves answer like the original
cmds = [["stats", "--format", "json"], ["neighbors", "Tô Thị Bích Châu", "--depth", "2", "--format", "tsv"],
        ["path", "le van duc", "tran thi lan", "--format", "json"], ["communities", "--format", "tsv"]]
cmds += [["rank", "--by", m, "--format", "tsv"] for m in ("degree", "strength", "betweenness", "closeness", "harmonic",
                                                          "pagerank", "eigenvector", "coreness", "clustering")]
for c in cmds:
    base = run(c[0], fixture, *c[1:])
    for path in gephi:
        check(run(c[0], path, *c[1:]) == base, f"{' '.join(c)}: {os.path.basename(path)} differs from the original")
run("ego", gephi[1], "TRẦN THỊ LAN", "-o", os.path.join(scratch, "ego_gephi.graphml"))
check(len(read(os.path.join(scratch, "ego_gephi.graphml"))[0]) == 3, "ego on a Gephi re-save")
run("rank", gephi[0], "--by", "hub", rc=1)

# the sample export: every command runs
for c in (["stats"], ["communities"], ["rank", "--by", "betweenness", "--type", "official", "--top", "5"],
          ["neighbors", "to thi bich chau"]):
    run(c[0], seeds, *c[1:])
nodes, _ = read(seeds)
people = sorted(k for k, a in nodes.items() if a.get("type") == "official")
if len(people) >= 2:
    p = subprocess.run([exe, "path", seeds, people[0], people[1]], capture_output=True, text=True)
    check(p.returncode in (0, 1), f"path on the sample export: exit {p.returncode}: {p.stderr}")
    run("ego", seeds, people[0], "--depth", "2", "-o", os.path.join(scratch, "ego_seeds.graphml"))

print(f"query cli: {checks} checks, {failures} failed")
print(f"{checks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
