#!/usr/bin/env python3
"""Writes a synthetic meeting network as GraphML in wardgraph's layout, for
benchmarks and reference tests of the query commands.

    gen_graph.py NODES OUT.graphml [--seed S] [--meetings M]

Each meeting mentions 2 to 6 entities drawn with a heavy-tailed popularity
(a few officials are everywhere, most appear once or twice), so the network
has hubs, a giant component, small components and weights > 1, as the real
one does. Same arguments, same file."""
import argparse
import random

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Hùng", "Hưng", "Lan", "Mai", "Nam", "Phú", "Quân", "Sơn", "Tâm", "Tuấn", "Yến"]
TYPES = [("official", 0.55), ("committee", 0.15), ("ward", 0.2), ("project", 0.1)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("nodes", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--meetings", type=int, default=0, help="default: 0.6 x nodes")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    n = a.nodes
    meetings = a.meetings or int(n * 0.6)
    nodes = []
    for i in range(n):
        r, acc = rnd.random(), 0.0
        for typ, p in TYPES:
            acc += p
            if r < acc:
                break
        if typ == "official":
            label = f"{rnd.choice(SURNAMES)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)} {i}"
        elif typ == "ward":
            label = f"phường {i}"
        elif typ == "committee":
            label = f"Đảng ủy phường {i}"
        else:
            label = f"dự án {i}"
        nodes.append((f"{typ}:n{i}", label, typ))
    # popularity ~ 1 / rank^0.8: hubs and a long tail
    weights = [1.0 / (k + 1) ** 0.8 for k in range(n)]
    order = list(range(n))
    rnd.shuffle(order)
    popularity = [0.0] * n
    for rank, v in enumerate(order):
        popularity[v] = weights[rank]
    cum, acc = [], 0.0
    for w in popularity:
        acc += w
        cum.append(acc)
    population = range(n)
    edges = {}
    for m in range(meetings):
        size = rnd.randint(2, 6)
        members = set()
        # one newcomer per meeting, uniformly, keeps the tail connected
        members.add(rnd.randrange(n))
        while len(members) < size:
            members.update(rnd.choices(population, cum_weights=cum, k=size - len(members)))
        ms = sorted(members)
        for i in range(len(ms)):
            for j in range(i + 1, len(ms)):
                edges.setdefault((ms[i], ms[j]), []).append(f"m{m:06d}")
    with open(a.out, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        f.write('  <key id="v_label" for="node" attr.name="label" attr.type="string"/>\n')
        f.write('  <key id="v_type" for="node" attr.name="type" attr.type="string"/>\n')
        f.write('  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>\n')
        f.write('  <key id="e_meetings" for="edge" attr.name="meetings" attr.type="string"/>\n')
        f.write('  <graph id="wardgraph" edgedefault="undirected">\n')
        for key, label, typ in nodes:
            f.write(f'    <node id="{key}"><data key="v_label">{label}</data><data key="v_type">{typ}</data></node>\n')
        for k, ((u, v), ms) in enumerate(edges.items()):
            f.write(f'    <edge id="e{k}" source="{nodes[u][0]}" target="{nodes[v][0]}">'
                    f'<data key="e_weight">{len(ms)}</data><data key="e_meetings">{";".join(ms)}</data></edge>\n')
        f.write('  </graph>\n</graphml>\n')


if __name__ == "__main__":
    main()
