#!/usr/bin/env python3
"""What the network promises whatever the corpus looks like.

usage: test_network_invariants.py WARDGRAPH SOURCE_DIR SCRATCH_DIR

- The same articles in any order, and with any -j, give byte-identical
  exports (every format).
- The same articles given twice (a copy under another name, and a copy
  inside other page chrome) give the same edges, weights and meetings as
  once, and the report lists every duplicate.
- By default no article contributes more than a tenth of the total edge
  weight, and no cited-only body is a tie in the queries (networkx reads
  the file; edges of typed relations only are left out as the queries do).
"""
import os
import random
import shutil
import subprocess
import sys
import networkx as nx

exe, src, scratch = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(scratch, exist_ok=True)
checks = failures = 0
corpus = [os.path.join(src, "tests/corpus", d, f)
          for d in ("seeds", "heldout", "synthetic")
          for f in sorted(os.listdir(os.path.join(src, "tests/corpus", d))) if f.endswith(".txt")]


def check(ok, what):
    global checks, failures
    checks += 1
    if not ok:
        failures += 1
        print("FAIL:", what)


def build(out, inputs, *opts):
    os.makedirs(os.path.dirname(out), exist_ok=True)
    p = subprocess.run([exe, "build", "--quiet", *opts, "-o", out, *inputs], capture_output=True, text=True)
    check(p.returncode == 0, f"build {out}: exit {p.returncode}: {p.stderr.strip()}")
    return p.stderr


def files(d):
    return {f: open(os.path.join(d, f), "rb").read() for f in sorted(os.listdir(d))}


# any order, any -j: the same bytes
base = os.path.join(scratch, "order")
shutil.rmtree(base, ignore_errors=True)
rnd = random.Random(7)
shuffled = corpus[:]
rnd.shuffle(shuffled)
runs = {"forward": (corpus, "-j1"), "reverse": (corpus[::-1], "-j2"), "shuffled": (shuffled, "-j2")}
for name, (inputs, jobs) in runs.items():
    build(os.path.join(base, name, "g.graphml"), inputs, "--all-formats", jobs)
ref = files(os.path.join(base, "forward"))
check(len(ref) == 5, f"all formats written: {sorted(ref)}")
for name in ("reverse", "shuffled"):
    other = files(os.path.join(base, name))
    for f, data in ref.items():
        check(other.get(f) == data, f"{name} order: {f} differs")


def edges(path):
    g = nx.read_graphml(path)
    return g, {tuple(sorted((u, v))): (d["weight"], d["relation"], d["meetings"]) for u, v, d in g.edges(data=True)}


# each meeting once
dup = os.path.join(scratch, "dup")
shutil.rmtree(dup, ignore_errors=True)
os.makedirs(os.path.join(dup, "copies"))
os.makedirs(os.path.join(dup, "chrome"))
for i, path in enumerate(corpus):
    text = open(path, encoding="utf-8").read()
    shutil.copy(path, os.path.join(dup, "copies", f"c{i:03d}.txt"))
    with open(os.path.join(dup, "chrome", f"p{i:03d}.txt"), "w", encoding="utf-8") as f:
        f.write("Trang chủ | Thời sự | Chính trị\n\n" + text + "\n\nChia sẻ\nTin liên quan\n")
_, once = edges(os.path.join(base, "forward", "g.graphml"))
report = os.path.join(dup, "report.tsv")
err = build(os.path.join(dup, "out", "g.graphml"), corpus + [os.path.join(dup, "copies"), os.path.join(dup, "chrome")],
            "--report", report)
_, twice = edges(os.path.join(dup, "out", "g.graphml"))
check(once == twice, f"copies change the network: {len(once)} vs {len(twice)} edges, "
      f"{sum(1 for k in once if once[k] != twice.get(k))} differ")
rows = [l.split("\t") for l in open(report, encoding="utf-8").read().split("\n# Duplicates")[1].splitlines()[3:] if l]
check(len(rows) == 2 * len(corpus), f"report lists {len(rows)} duplicates, want {2 * len(corpus)}")
check(all(r[0] in ("exact", "near", "same_meeting") for r in rows), "report rows say how")
check(sum(r[0] == "exact" for r in rows) == len(corpus), "plain copies are exact duplicates")
build(os.path.join(dup, "kept", "g.graphml"), corpus + [os.path.join(dup, "copies")], "--keep-duplicates")
_, kept = edges(os.path.join(dup, "kept", "g.graphml"))
check(any(float(kept[k][0]) == 2 * float(once[k][0]) for k in once), "--keep-duplicates counts copies")

# no article dominates; typed-only edges are no tie
g, es = edges(os.path.join(base, "forward", "g.graphml"))
total, share = 0.0, {}
for (u, v), (w, rel, meetings) in es.items():
    ms = meetings.split(";")
    total += float(w)
    for m in ms:
        share[m] = share.get(m, 0.0) + float(w) / len(ms)
top = max(share.items(), key=lambda kv: kv[1])
check(top[1] <= 0.10 * total, f"article {top[0]} holds {100 * top[1] / total:.1f} % of the edge weight")
typed = {"holds_title_in", "committee_of", "cites"}
ties = nx.Graph()
ties.add_nodes_from(g.nodes)
ties.add_edges_from((u, v) for u, v, d in g.edges(data=True) if not set(d["relation"].split(";")) <= typed)
p = subprocess.run([exe, "rank", os.path.join(base, "forward", "g.graphml"), "--by", "degree", "--format", "tsv"],
                   capture_output=True, text=True)
ours = {l.split("\t")[0]: float(l.split("\t")[3]) for l in p.stdout.splitlines()[1:]}
check(all(ours.get(n) == ties.degree(n) for n in g.nodes), "rank's degree counts meeting ties only")
for n, d in g.nodes(data=True):
    if d.get("presence") == "cited":
        check(ties.degree(n) == 0, f"cited-only {n} has a co-mention tie")

print(f"network invariants: {checks} checks")
print(f"{checks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
