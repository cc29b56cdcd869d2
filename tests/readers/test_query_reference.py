#!/usr/bin/env python3
"""Our query values against python-igraph's and networkx's (Debian packages).

usage: test_query_reference.py WARDGRAPH SOURCE_DIR SCRATCH_DIR

For each graph (the sample export, the hand-made fixture and its Gephi-style
re-save, and a generated graph of 10,000 nodes) the GraphML is read here
with xml.etree, independently of both libraries, into the view every query
uses: one undirected tie per node pair at the largest weight of its parallel
edges, no loops. Every measure of `wardgraph rank --format tsv` must equal
the references to 1e-9 (relative for values > 1): networkx and python-igraph
for every measure on every node of the small graphs and of a generated
1,000-node graph; on a generated 10,000-node graph every measure but the
all-pairs ones (exact betweenness, closeness, harmonic: minutes in Python),
and betweenness from the same sampled sources as `--approx` (our sampler is
re-implemented below) against networkx's subset betweenness (python-igraph
0.10.2's betweenness() takes no sources). Communities: the modularity
we print equals both libraries' modularity of our partition. Paths and
stats: lengths, components, density and diameter equal networkx's.
A library that cannot be imported is skipped with a message; if neither
can be, the test fails."""
import json
import math
import os
import random
import subprocess
import time
import sys
import xml.etree.ElementTree as ET

exe, src, scratch = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(scratch, exist_ok=True)
try:
    import networkx as nx
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
    from networkx.algorithms.link_analysis.hits_alg import _hits_python
except ImportError as e:  # pragma: no cover
    nx = None
    print(f"SKIP networkx comparisons: cannot import networkx ({e}); apt-get install python3-networkx")
try:
    import igraph
except ImportError as e:  # pragma: no cover
    igraph = None
    print(f"SKIP python-igraph comparisons: cannot import igraph ({e}); apt-get install python3-igraph")
if nx is None and igraph is None:
    print("FAIL: neither networkx nor python-igraph can be imported: nothing to compare with")
    sys.exit(1)

checks = failures = 0
START = time.time()


def check(ok, what):
    global checks, failures
    checks += 1
    if not ok:
        failures += 1
        print("FAIL:", what)


def close(a, b):
    if a is None or b is None:
        return a is b
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def run(*args):
    p = subprocess.run([exe, *args], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"FAIL: wardgraph {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p.stdout


def rank(path, measure, *opts):
    out = run("rank", path, "--by", measure, "--format", "tsv", *opts)
    lines = out.splitlines()
    assert lines[0] == "key\tlabel\ttype\tscore", lines[0]
    return {row.split("\t")[0]: float(row.split("\t")[3]) for row in lines[1:]}


def read_view(path, min_weight=0.0):
    """(node keys, node types, {(u, v): weight}) as queries see the file."""
    G = "{http://graphml.graphdrawing.org/xmlns}"
    root = ET.parse(path).getroot()
    keys = {}
    for k in root.iter(G + "key"):
        keys[k.get("id")] = k.get("attr.name").lower()
    nodes, types, ties = [], {}, {}
    graph = root.find(G + "graph")
    for n in graph.iter(G + "node"):
        nodes.append(n.get("id"))
        types[n.get("id")] = ""
        for d in n.iter(G + "data"):
            if keys.get(d.get("key")) == "type":
                types[n.get("id")] = d.text or ""
    typed = {"holds_title_in", "committee_of", "cites"}
    for e in graph.iter(G + "edge"):
        w, rel = 1.0, ""
        for d in e.iter(G + "data"):
            if keys.get(d.get("key")) == "weight":
                w = float(d.text)
            elif keys.get(d.get("key")) == "relation":
                rel = d.text or ""
        a, b = e.get("source"), e.get("target")
        if a == b or not w > 0 or w < min_weight:
            continue
        # an edge of typed relations only (a post in, or a citation of, a
        # body that was not in the room) is no tie of who met whom
        if rel and set(rel.split(";")) <= typed:
            continue
        pair = (a, b) if a < b else (b, a)
        ties[pair] = max(w, ties.get(pair, 0.0))
    return nodes, types, ties


def dist_scale(ties):
    """L such that L / w is an integer for every weight w (they are meeting
    counts), or None. networkx compares path lengths exactly, igraph within
    a relative epsilon: with 1/w in floating point, 1/3 + 1/3 + 1/3 != 1 and
    networkx would miss ties that igraph (rightly) counts. Integer distances
    L/w have the same shortest paths and exact ties."""
    L = 1
    for w in ties.values():
        if w != int(w) or w > 1000:
            return None
        L = L * int(w) // math.gcd(L, int(w))
    return L


def nx_graph(nodes, ties, weighted=True):
    g = nx.Graph()
    g.add_nodes_from(nodes)
    L = dist_scale(ties) if weighted else 1
    g.graph["L"] = L or 1
    for (a, b), w in ties.items():
        w = w if weighted else 1.0
        g.add_edge(a, b, weight=w, dist=(L // int(w)) if L else 1.0 / w)
    return g


def ig_graph(nodes, ties, weighted=True):
    idx = {k: i for i, k in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(idx[a], idx[b]) for a, b in ties])
    g.vs["name"] = nodes
    g.es["weight"] = [w if weighted else 1.0 for w in ties.values()]
    g.es["dist"] = [1.0 / x for x in g.es["weight"]]
    return g


def compare(name, ours, ref, keys=None):
    keys = keys if keys is not None else list(ref)
    bad = [k for k in keys if not close(ours.get(k), ref[k])]
    check(not bad, f"{name}: {len(bad)} of {len(keys)} differ, e.g. "
          + ", ".join(f"{k}: ours {ours.get(k)!r} ref {ref[k]!r}" for k in bad[:3]))
    check(len(ours) == len(ref) or keys is not None, f"{name}: {len(ours)} rows, reference {len(ref)}")


def scale_max(d):
    m = max(d.values(), default=0.0)
    return {k: (v / m if m else 0.0) for k, v in d.items()}


def barrat(g):
    """Barrat's weighted clustering, from its definition."""
    res = {}
    for i in g:
        nb = list(g[i])
        k = len(nb)
        s = sum(g[i][j]["weight"] for j in nb)
        if k < 2:
            res[i] = 0.0
            continue
        tot = 0.0
        for x in range(k):
            for y in range(x + 1, k):
                j, h = nb[x], nb[y]
                if g.has_edge(j, h):
                    tot += g[i][j]["weight"] + g[i][h]["weight"]
        res[i] = tot / (s * (k - 1))
    return res


def splitmix_sample(n, k, seed):
    """The --approx sample: splitmix64 driving a partial Fisher-Yates shuffle."""
    mask = (1 << 64) - 1
    state = seed & mask
    perm = list(range(n))
    for i in range(k):
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        z ^= z >> 31
        j = i + z % (n - i)
        perm[i], perm[j] = perm[j], perm[i]
    return perm[:k]


def reference_measures(nodes, types, ties, weighted, big=False):
    """{measure: (library, {key: value}, keys compared or None)} for one view."""
    out = {}
    has_meetings = any(t == "meeting" for t in types.values())
    if nx is not None:
        g = nx_graph(nodes, ties, weighted)
        dist = "dist" if weighted else None
        w = "weight" if weighted else None
        lap = time.time()
        out["degree"] = ("networkx", dict(g.degree()), None)
        out["strength"] = ("networkx", dict(g.degree(weight=w)), None)
        out["pagerank"] = ("networkx", _pagerank_python(g, alpha=0.85, weight=w, tol=1e-13, max_iter=100000), None)
        if not has_meetings:
            # networkx's power iteration needs the dominant component to be unique; fine on these graphs
            ev = nx.eigenvector_centrality(g, weight=w, tol=1e-13, max_iter=100000)
            out["eigenvector"] = ("networkx", scale_max(ev), None)
        out["coreness"] = ("networkx", nx.core_number(g), None)
        out["clustering"] = ("networkx" if not weighted else "Barrat's formula",
                             nx.clustering(g) if not weighted else barrat(g), None)
        if not big:
            L = g.graph["L"]  # distances in the graph are L times ours
            out["betweenness"] = ("networkx", nx.betweenness_centrality(g, normalized=False, weight=dist), None)
            clo = {}
            for v in g:
                d = nx.single_source_dijkstra_path_length(g, v, weight=dist) if weighted else \
                    nx.single_source_shortest_path_length(g, v)
                tot = sum(d.values())
                clo[v] = (L / tot) if tot > 0 else 0.0
                clo[v, "reached"] = len(d) - 1
            out["closeness"] = ("networkx", clo, [v for v in g])
            out["harmonic"] = ("networkx", {k: v * L for k, v in nx.harmonic_centrality(g, distance=dist).items()},
                               None)
        if has_meetings:
            d = nx.DiGraph()
            d.add_nodes_from(nodes)
            for (a, b), x in ties.items():
                if (types[a] == "meeting") != (types[b] == "meeting"):
                    m, e = (a, b) if types[a] == "meeting" else (b, a)
                    d.add_edge(m, e, weight=x if weighted else 1.0)
            h, a = _hits_python(d, max_iter=100000, tol=1e-15)
            out["hub"] = ("networkx", scale_max(h), None)
            out["authority"] = ("networkx", scale_max(a), None)
        print(f"  networkx references in {time.time() - lap:.1f}s", flush=True)
    return out


def igraph_measures(nodes, types, ties, weighted, big=False):
    g = ig_graph(nodes, ties, weighted)
    w = "weight" if weighted else None
    dist = "dist" if weighted else None
    name = g.vs["name"]
    as_dict = lambda vals: {name[i]: (0.0 if v is None or (isinstance(v, float) and math.isnan(v)) else float(v))
                            for i, v in enumerate(vals)}
    out = {
        "degree": as_dict(g.degree()),
        "strength": as_dict(g.strength(weights=w)),
        "pagerank": as_dict(g.pagerank(weights=w, damping=0.85)),
        "coreness": as_dict(g.coreness()),
        "clustering": as_dict(g.transitivity_local_undirected(weights=w, mode="zero")),
    }
    if not any(t == "meeting" for t in types.values()):
        out["eigenvector"] = as_dict(g.eigenvector_centrality(weights=w, scale=True))
    if not big:
        out["betweenness"] = as_dict(g.betweenness(weights=dist))
        out["closeness"] = as_dict(g.closeness(weights=dist, normalized=False))
        out["harmonic"] = as_dict(g.harmonic_centrality(weights=dist, normalized=False))
    return out


def check_graph(label, path, big=False, approx=None):
    """big: all-pairs measures (exact betweenness, closeness, harmonic) are
    left to the smaller graphs; --approx betweenness is compared instead."""
    nodes, types, ties = read_view(path)
    print(f"{label}: {len(nodes)} nodes, {len(ties)} ties", flush=True)
    rnd = random.Random(7)
    cache = {}
    # unweighted runs are the same code with weights 1: the smaller graphs cover them
    for weighted in ((True,) if big else (True, False)):
        flag = () if weighted else ("--unweighted",)
        tag = f"{label} {'weighted' if weighted else 'unweighted'}"
        ours = {}
        refs = reference_measures(nodes, types, ties, weighted, big)
        for m, (lib, ref, keys) in refs.items():
            if weighted:
                cache[m] = ref
            if m not in ours:
                ours[m] = rank(path, m, *flag)
            compare(f"{tag} {m} vs {lib}", ours[m], ref, keys)
        if igraph is not None:
            for m, ref in igraph_measures(nodes, types, ties, weighted, big).items():
                if m not in ours:
                    ours[m] = rank(path, m, *flag)
                compare(f"{tag} {m} vs python-igraph", ours[m], ref)
        print(f"  {tag}: {len(ours)} measures compared ({time.time() - START:.1f}s)", flush=True)
    if nx is not None:
        g = nx_graph(nodes, ties)
        n = len(nodes)
        # normalisations
        if not big:
            # the scalings, on the unscaled references computed above
            ref = cache["betweenness"]
            k = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
            compare(f"{label} betweenness --normalized vs networkx", rank(path, "betweenness", "--normalized"),
                    {v: x * k for v, x in ref.items()})
            compare(f"{label} harmonic --normalized vs networkx", rank(path, "harmonic", "--normalized"),
                    {v: x / (n - 1) for v, x in cache["harmonic"].items()})
            clo = cache["closeness"]
            compare(f"{label} closeness --normalized vs networkx", rank(path, "closeness", "--normalized"),
                    {v: clo[v] * clo[v, "reached"] for v in nodes})
        compare(f"{label} degree --normalized vs networkx", rank(path, "degree", "--normalized"),
                nx.degree_centrality(g) if n > 1 else {})
        # --min-weight 2 drops lighter ties
        _, _, heavy = read_view(path, 2.0)
        compare(f"{label} strength --min-weight 2 vs networkx", rank(path, "strength", "--min-weight", "2"),
                dict(nx_graph(nodes, heavy).degree(weight="weight")))
        # --approx K: the same sources, exact subset betweenness, scaled by n / K
        if approx and approx < n:
            src_keys = [nodes[i] for i in splitmix_sample(n, approx, 1)]
            sub = nx.betweenness_centrality_subset(g, src_keys, nodes, normalized=False, weight="dist")
            # networkx halves undirected subset sums, as the exact sum does
            ref = {k: v * n / approx for k, v in sub.items()}
            ours = rank(path, "betweenness", "--approx", str(approx))
            compare(f"{label} betweenness --approx {approx} vs networkx subset", ours, ref)
        # communities: our modularity is the libraries' modularity of our partition
        for method, res in (("leiden", "1"), ("louvain", "1.5")):
            out = json.loads(run("communities", path, "--method", method, "--resolution", res, "--format", "json",
                                 "--members", "0"))
            parts = [[m["key"] for m in c["members"]] for c in out["communities"]]
            check(sorted(k for p in parts for k in p) == sorted(nodes), f"{label} {method}: every node in one community")
            q = nx.algorithms.community.modularity(g, [set(p) for p in parts], weight="weight", resolution=float(res))
            check(close(out["modularity"], q), f"{label} {method} modularity {out['modularity']} vs networkx {q}")
            if igraph is not None and res == "1":  # python-igraph 0.10.2's modularity() ignores its resolution
                ig = ig_graph(nodes, ties)
                where = {k: i for i, p in enumerate(parts) for k in p}
                qi = ig.modularity([where[k] for k in nodes], weights="weight", resolution=float(res))
                check(close(out["modularity"], qi), f"{label} {method} modularity vs python-igraph {qi}")
        # stats
        st = json.loads(run("stats", path, "--format", "json"))
        check(st["nodes"] == n and st["ties"] == len(ties), f"{label} stats nodes/ties {st['nodes']}/{st['ties']}")
        comps = list(nx.connected_components(g))
        check(st["components"] == len(comps), f"{label} stats components {st['components']} vs {len(comps)}")
        check(close(st["density"], nx.density(g)), f"{label} stats density {st['density']} vs {nx.density(g)}")
        giant = max(comps, key=len)
        check(st["giant_nodes"] == len(giant), f"{label} stats giant {st['giant_nodes']} vs {len(giant)}")
        if len(giant) <= 3000:
            dia = nx.diameter(g.subgraph(giant))
            check(st["diameter"] == dia and st["diameter_exact"], f"{label} stats diameter {st['diameter']} vs {dia}")
        # paths between sampled pairs of the giant component
        members = sorted(giant)
        for _ in range(5 if n > 1000 else 3):
            a, b = rnd.sample(members, 2)
            p = json.loads(run("path", path, a, b, "--format", "json"))
            length = sum(1.0 / h["weight"] for h in p["hops"])
            ref = nx.dijkstra_path_length(g, a, b, weight="dist") / g.graph["L"]
            check(close(length, ref), f"{label} path {a} {b}: length {length} vs networkx {ref}")
            check(p["hops"][0]["from"] == a and p["hops"][-1]["to"] == b, f"{label} path ends")
            p = json.loads(run("path", path, a, b, "--format", "json", "--unweighted"))
            ref = nx.shortest_path_length(g, a, b)
            check(len(p["hops"]) == ref, f"{label} unweighted path {a} {b}: {len(p['hops'])} hops vs {ref}")


def main():
    graphs = [("fixture", os.path.join(src, "tests/corpus/graphs/council.graphml"), False, 4),
              ("fixture re-saved by Gephi", os.path.join(src, "tests/corpus/gephi/council_gephi.graphml"), False, 4),
              ("bipartite fixture", os.path.join(src, "tests/corpus/graphs/council_bipartite.graphml"), False, None),
              ("sample export", os.path.join(src, "exports/seeds.graphml"), False, None)]
    gen = os.path.join(src, "tests/bench/gen_graph.py")
    medium = os.path.join(scratch, "generated_1000.graphml")
    subprocess.run([sys.executable, gen, "1000", medium, "--seed", "5"], check=True)
    graphs.append(("generated 1,000", medium, False, 50))
    big = os.path.join(scratch, "generated_10000.graphml")
    subprocess.run([sys.executable, gen, "10000", big, "--seed", "3", "--meetings", "4000"], check=True)
    graphs.append(("generated 10,000", big, True, 32))
    for label, path, big, approx in graphs:
        check_graph(label, path, big, approx)
    print(f"query reference: {checks} checks, {failures} failed")
    print(f"{checks - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
