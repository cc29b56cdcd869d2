"""Every export of the sample corpus, read by independent readers: Debian's
networkx (GraphML, GEXF), python-igraph (GraphML), the csv module (Gephi's
spreadsheet CSV) and the json module (graphology JSON), must show the same
nodes, labels, types, edges and weights. An alias line gives one node a
label full of characters that need escaping (quotes, <, &, a comma, a
control character, decomposed accents) to see it come back intact.

usage: test_export_networkx.py WARDGRAPH SOURCE_DIR SCRATCH_DIR
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import unicodedata

import networkx as nx

exe, src, scratch = sys.argv[1], sys.argv[2], os.path.join(sys.argv[3], "networkx")
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
failures = 0
checks = 0


def check(cond, what):
    global failures, checks
    checks += 1
    if not cond:
        failures += 1
        print("FAIL:", what)


# A label that needs every kind of escaping; written decomposed (NFD), with
# a control character that no XML file can carry.
tricky_written = unicodedata.normalize("NFD", 'Tô Thị "Bích" <Châu> & Co, Ltd\x01')
tricky_expected = unicodedata.normalize("NFC", 'Tô Thị "Bích" <Châu> & Co, Ltd\ufffd')
# the official with most mentions gets it (keys are the extraction's: look it up)
plain = subprocess.run([exe, "build", "--quiet", "--format", "json", "tests/corpus/seeds"], cwd=src,
                       capture_output=True, text=True)
officials = [n for n in json.loads(plain.stdout)["nodes"] if n["attributes"]["entity_type"] == "official"]
check(len(officials) > 0, "the sample corpus has officials")
target = max(officials, key=lambda n: (n["attributes"]["mentions"], n["key"]))["key"] if officials else "official:x"
aliases = os.path.join(scratch, "aliases.tsv")
with open(aliases, "w", encoding="utf-8") as f:
    f.write("# test aliases\n" + target + "\t" + tricky_written + "\n")

out = os.path.join(scratch, "seeds.graphml")
report = os.path.join(scratch, "report.tsv")
run = subprocess.run([exe, "build", "--quiet", "--all-formats", "--aliases", aliases, "--report", report,
                      "-o", out, "tests/corpus/seeds"], cwd=src, capture_output=True, text=True)
check(run.returncode == 0, "build failed: " + run.stderr)
base = out[: -len(".graphml")]
for ext in (".graphml", ".gexf", ".json", ".nodes.csv", ".edges.csv"):
    check(os.path.exists(base + ext), "missing " + base + ext)

if shutil.which("xmllint"):
    for ext in (".graphml", ".gexf"):
        r = subprocess.run(["xmllint", "--noout", base + ext], capture_output=True, text=True)
        check(r.returncode == 0, "xmllint " + ext + ": " + r.stderr)

# The reference: the graphology JSON read with the json module.
with open(base + ".json", encoding="utf-8") as f:
    ref = json.load(f)
ref_nodes = {n["key"]: n["attributes"] for n in ref["nodes"]}
ref_edges = {frozenset((e["source"], e["target"])): e["attributes"]["weight"] for e in ref["edges"]}
check(len(ref_nodes) > 5 and len(ref_edges) > 5, "the sample corpus gives a real graph (%d nodes, %d edges)"
      % (len(ref_nodes), len(ref_edges)))
check(len(ref_edges) == len(ref["edges"]), "one edge per pair in JSON")
check(ref["options"]["type"] == "undirected", "JSON options.type")
tricky_keys = [k for k, a in ref_nodes.items() if a["label"] == tricky_expected]
check(len(tricky_keys) == 1, "the aliased label survives JSON: %r" % [a["label"] for a in ref_nodes.values()][:3])
for k, a in ref_nodes.items():
    check(unicodedata.is_normalized("NFC", a["label"]), "NFC label " + k)
    check(a["entity_type"] in ("official", "ward", "committee", "project"), "type of " + k)
    check(a["color"].startswith("#") and len(a["color"]) == 7, "color of " + k)


def same_graph(name, nodes, edges):
    """nodes: key -> (label, type); edges: frozenset pair -> weight."""
    check(set(nodes) == set(ref_nodes), name + ": node ids differ: %r" % (set(nodes) ^ set(ref_nodes)))
    for k, (label, typ) in nodes.items():
        if k in ref_nodes:
            check(label == ref_nodes[k]["label"], "%s: label of %s: %r" % (name, k, label))
            check(typ == ref_nodes[k]["entity_type"], "%s: type of %s: %r" % (name, k, typ))
    check(edges == ref_edges, name + ": edges or weights differ")


# networkx GraphML
g = nx.read_graphml(base + ".graphml")
check(not g.is_directed(), "GraphML undirected")
same_graph("networkx GraphML", {n: (d["label"], d["type"]) for n, d in g.nodes(data=True)},
           {frozenset((u, v)): d["weight"] for u, v, d in g.edges(data=True)})
check(all(isinstance(d["weight"], float) for _, _, d in g.edges(data=True)), "GraphML weight is a double")
check(all(isinstance(d["mentions"], int) for _, d in g.nodes(data=True)), "GraphML mentions is an int")
for n, d in g.nodes(data=True):
    check(all(k in d for k in ("x", "y", "size", "r", "g", "b")), "Gephi drawing attributes on " + n)

# networkx GEXF, unpatched: Debian's networkx 2.8 reads GEXF 1.2 (its
# "1.2draft"), the version wardgraph writes by default.
with open(base + ".gexf", encoding="utf-8") as f:
    head = f.read(600)
check('version="1.2"' in head and 'xmlns="http://www.gexf.net/1.2draft"' in head, "GEXF 1.2 by default: " + head)
g = nx.read_gexf(base + ".gexf")
check(g.graph.get("mode") == "dynamic", "GEXF is dynamic")
same_graph("networkx GEXF", {n: (d["label"], d["type"]) for n, d in g.nodes(data=True)},
           {frozenset((u, v)): d["weight"] for u, v, d in g.edges(data=True)})
with_spells = 0
for n, d in g.nodes(data=True):
    a = ref_nodes[n]
    c = d["viz"]["color"]
    check("#%02x%02x%02x" % (c["r"], c["g"], c["b"]) == a["color"], "viz:color of " + n)
    check(abs(d["viz"]["size"] - a["size"]) < 1e-9, "viz:size of " + n)
    check(abs(d["viz"]["position"]["x"] - a["x"]) < 1e-9, "viz:position of " + n)
    full = sorted({x for x in a.get("dates", "").split(";") if len(x) == 10 and x[0] != "-"})
    if full:
        with_spells += 1
        check([s for s, _ in d.get("spells", [])] == full and all(s == e for s, e in d["spells"]),
              "spells of %s: %r vs dates %r" % (n, d.get("spells"), full))
    else:
        check("spells" not in d, "no spell without a dated meeting: " + n)
check(with_spells > 0, "some nodes carry spells")

# GEXF 1.3 on request: what Gephi, Gephi Lite and networkx >= 3 read; the
# same graph, the namespace and time representation of 1.3
texts = {}
for v in ("1.2", "1.3"):
    r = subprocess.run([exe, "build", "--quiet", "--gexf-version", v, "--format", "gexf", "tests/corpus/seeds"],
                       cwd=src, capture_output=True, text=True)
    check(r.returncode == 0, "build --gexf-version " + v + ": " + r.stderr)
    texts[v] = r.stdout
t12, t13 = texts["1.2"], texts["1.3"]
check('xmlns="http://gexf.net/1.3"' in t13 and 'version="1.3"' in t13 and 'timerepresentation="interval"' in t13,
      "GEXF 1.3 header")
check(t13[t13.index("<meta>"):] == t12[t12.index("<meta>"):].replace(' timeformat="date"',
                                                                       ' timeformat="date" timerepresentation="interval"', 1),
      "GEXF 1.3 and 1.2 carry the same graph")
r = subprocess.run([exe, "build", "--quiet", "--gexf-version", "2.0", "tests/corpus/seeds"], cwd=src,
                   capture_output=True, text=True)
check(r.returncode == 2 and "1.2 or 1.3" in r.stderr, "an unknown GEXF version is a usage error")

# CSV, Gephi's spreadsheet format
with open(base + ".nodes.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
check(list(rows[0].keys())[:2] == ["Id", "Label"], "nodes.csv header")
nodes_csv = {r["Id"]: (r["Label"], r["type"]) for r in rows}
with open(base + ".edges.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
check(list(rows[0].keys())[:6] == ["Source", "Target", "Type", "Id", "Label", "Weight"], "edges.csv header")
check(all(r["Type"] == "Undirected" for r in rows), "edges.csv Type")
same_graph("csv", nodes_csv, {frozenset((r["Source"], r["Target"])): float(r["Weight"]) for r in rows})
with open(base + ".nodes.csv", "rb") as f:
    raw = f.read()
check(b"\r\n" in raw and not raw.startswith(b"\xef\xbb\xbf"), "CSV: CRLF, no BOM")

# python-igraph's GraphML reader: the ids are the keys
try:
    import igraph
    ig = igraph.Graph.Read_GraphML(base + ".graphml")
    same_graph("python-igraph GraphML", {v["id"]: (v["label"], v["type"]) for v in ig.vs},
               {frozenset((ig.vs[e.source]["id"], ig.vs[e.target]["id"])): e["weight"] for e in ig.es})
except ImportError:
    print("python3-igraph not installed: its reader was not tried")

# the same bytes whatever the number of threads
outs = []
for jobs in ("1", "2"):
    d = os.path.join(scratch, "j" + jobs)
    os.makedirs(d)
    r = subprocess.run([exe, "build", "--quiet", "-j", jobs, "--all-formats", "-o", os.path.join(d, "s.graphml"),
                        "tests/corpus/seeds"], cwd=src, capture_output=True, text=True)
    check(r.returncode == 0, "build -j " + jobs + ": " + r.stderr)
    outs.append({f: open(os.path.join(d, f), "rb").read() for f in sorted(os.listdir(d))})
check(len(outs[0]) == 5 and outs[0] == outs[1], "-j 1 and -j 2 write the same five files byte for byte")

# the report lists the alias line and how many entities it rewrote
with open(report, encoding="utf-8") as f:
    text = f.read()
check(("\n2\t" + target + "\t") in text and "group\treason" in text, "report: alias line and header")

print("networkx/igraph/csv/json readers: %d nodes, %d edges; %d checks" % (len(ref_nodes), len(ref_edges), checks))
print("%d passed, %d failed" % (checks - failures, failures))
sys.exit(1 if failures else 0)
