#!/usr/bin/env python3
"""Queries at scale: sampled closeness and harmonic centrality, and the
warning before an exact path-based measure on a large graph.

usage: test_rank_scale.py WARDGRAPH SOURCE_DIR SCRATCH_DIR

`rank --by closeness|harmonic --approx K --seed S` is checked against the
estimator computed here from python-igraph's distances, with the sample
drawn the way wardgraph draws it (splitmix64, partial Fisher-Yates), on a
generated graph, weighted and unweighted, normalized or not; K >= n is the
exact measure; the same seed gives the same answer. The warning is checked
on real files generated here: 50,001 nodes (warns, exact or not sampled),
50,000 nodes (does not); they are pairs of nodes, so that even the exact
measures take well under a second."""
import math
import os
import subprocess
import sys

import igraph

exe, src = sys.argv[1], sys.argv[2]
scratch = os.path.join(sys.argv[3], "rank_scale")
os.makedirs(scratch, exist_ok=True)
checks = failures = 0
M64 = (1 << 64) - 1


def check(ok, what):
    global checks, failures
    checks += 1
    if not ok:
        failures += 1
        print("FAIL:", what)


def run(*args):
    p = subprocess.run([exe, *args], capture_output=True, text=True, env=dict(os.environ, WARDGRAPH_CACHE="off"))
    check(p.returncode == 0, f"wardgraph {' '.join(args)}: exit {p.returncode}: {p.stderr.strip()}")
    return p.stdout, p.stderr


def scores(*args):
    out, _ = run(*args, "--format", "tsv")
    rows = [l.split("\t") for l in out.splitlines()[1:]]
    return {r[0]: float(r[3]) for r in rows}


def sample(n, k, seed):
    """wardgraph's sample: splitmix64 driving a partial Fisher-Yates shuffle."""
    perm, state = list(range(n)), seed
    for i in range(k):
        state = (state + 0x9E3779B97F4A7C15) & M64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        z ^= z >> 31
        j = i + z % (n - i)
        perm[i], perm[j] = perm[j], perm[i]
    return perm[:k]


def estimate(g, measure, k, seed, weighted, normalized):
    n = g.vcount()
    src_ids = sample(n, k, seed)
    d = g.distances(source=src_ids, weights=[1.0 / w for w in g.es["weight"]] if weighted else None)
    out = {}
    for v in range(n):
        ds = [d[i][v] for i, s in enumerate(src_ids) if s != v and math.isfinite(d[i][v]) and d[i][v] > 0]
        if measure == "harmonic":
            x = sum(1.0 / x for x in ds) * n / k
            out[g.vs[v]["id"]] = x / (n - 1) if normalized else x
        else:
            total = sum(ds)
            out[g.vs[v]["id"]] = 0.0 if total == 0 else (len(ds) / total if normalized else 1.0 / (total * n / k))
    return out


def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


graph = os.path.join(scratch, "g400.graphml")
subprocess.run([sys.executable, os.path.join(src, "tests/bench/gen_graph.py"), "400", graph, "--seed", "7"],
               check=True)
g = igraph.Graph.Read_GraphML(graph)
check(g.is_simple() and g.vcount() == 400, "the generated graph is simple")
n = g.vcount()
for measure in ("closeness", "harmonic"):
    for weighted in (True, False):
        for normalized in (False, True):
            for k, seed in ((17, 5), (1, 3), (200, 11)):
                args = ["rank", graph, "--by", measure, "--approx", str(k), "--seed", str(seed)]
                args += [] if weighted else ["--unweighted"]
                args += ["--normalized"] if normalized else []
                got, want = scores(*args), estimate(g, measure, k, seed, weighted, normalized)
                bad = [key for key in want if not close(got.get(key, math.nan), want[key])]
                check(not bad and len(got) == n,
                      f"{' '.join(args[2:])}: {len(bad)} scores differ, e.g. {bad[:1]} "
                      f"{[(got.get(b), want[b]) for b in bad[:1]]}")
    # K >= n: the exact measure
    exact, _ = run("rank", graph, "--by", measure)
    full, err = run("rank", graph, "--by", measure, "--approx", str(n))
    check(full == exact and err == "", f"{measure} --approx n is exact")
    a, _ = run("rank", graph, "--by", measure, "--approx", "50", "--seed", "9")
    b, _ = run("rank", graph, "--by", measure, "--approx", "50", "--seed", "9")
    c, _ = run("rank", graph, "--by", measure, "--approx", "50", "--seed", "10")
    check(a == b and a != c, f"{measure}: same seed same answer, another seed another")
    check(f"(approximate: {measure} from 50 sampled sources of {n}, seed 9)" in a, f"{measure}: says approximate")


def pairs(path, nodes):
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
                '<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n<graph edgedefault="undirected">\n')
        f.writelines(f'<node id="n{i}"/>\n' for i in range(nodes))
        f.writelines(f'<edge source="n{i}" target="n{i + 1}"><data key="w">1</data></edge>\n'
                     for i in range(0, nodes - 1, 2))
        f.write("</graph>\n</graphml>\n")


big, small = os.path.join(scratch, "n50001.graphml"), os.path.join(scratch, "n50000.graphml")
pairs(big, 50001)
pairs(small, 50000)
for measure in ("betweenness", "closeness", "harmonic"):
    _, err = run("rank", big, "--by", measure, "--top", "1")
    check(f"warning: exact {measure} on 50001 nodes and 25000 edges" in err and "--approx K" in err,
          f"{measure} warns above 50,000 nodes: {err!r}")
    _, err = run("rank", big, "--by", measure, "--top", "1", "--approx", "8")
    check("warning" not in err, f"{measure} --approx does not warn: {err!r}")
    _, err = run("rank", small, "--by", measure, "--top", "1")
    check(err == "", f"{measure} on 50,000 nodes does not warn: {err!r}")
_, err = run("rank", big, "--by", "pagerank", "--top", "1")
check(err == "", f"pagerank does not warn: {err!r}")

print(f"{checks} checks, {failures} failures")
sys.exit(1 if failures else 0)
