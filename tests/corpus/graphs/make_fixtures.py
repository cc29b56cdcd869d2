#!/usr/bin/env python3
"""Writes the hand-made query fixtures from the meetings listed below:
council.graphml (as `wardgraph build` writes it), council_bipartite.graphml
(meeting nodes), and ../gephi/council_gephi.graphml and
../gephi/council_directed.graphml (the same network as Gephi re-saves it:
key ids d0, d1 ..., label under another key, extra attributes, a directed
default, capitalised names). Run it from this directory; the files are
committed, so the tests do not need it."""
import itertools
import os

NODES = [  # key, label, type
    ("official:tô-thị-bích-châu", "Tô Thị Bích Châu", "official"),
    ("official:nguyễn-văn-hùng", "Nguyễn Văn Hùng", "official"),
    ("official:nguyễn-văn-hưng", "Nguyễn Văn Hưng", "official"),
    ("official:lê-văn-đức", "Lê Văn Đức", "official"),
    ("official:trần-thị-lan", "Trần Thị Lan", "official"),
    ("committee:quận-ủy-quận-1", "Quận ủy Quận 1", "committee"),
    ("committee:đảng-ủy-phường-cầu-kho", "Đảng ủy phường Cầu Kho", "committee"),
    ("ward:phường-cầu-kho", "phường Cầu Kho", "ward"),
    ("ward:phường-bến-thành", "phường Bến Thành", "ward"),
    ("project:chung-cư-lô-e-võ-văn-kiệt", "chung cư Lô E Võ Văn Kiệt", "project"),
    ("official:phạm-minh-tuấn", "Phạm Minh Tuấn", "official"),
    ("ward:xã-tân-phú", "xã Tân Phú", "ward"),
    ("official:hoàng-thị-mai", "Hoàng Thị Mai", "official"),
]
K = {label: key for key, label, _ in NODES}
MEETINGS = [  # id, date, labels mentioned
    ("a01", "2023-02-24", ["Tô Thị Bích Châu", "Nguyễn Văn Hùng", "Quận ủy Quận 1", "Đảng ủy phường Cầu Kho", "phường Cầu Kho"]),
    ("a02", "2023-03-01", ["Tô Thị Bích Châu", "Nguyễn Văn Hùng", "Lê Văn Đức", "phường Cầu Kho", "chung cư Lô E Võ Văn Kiệt"]),
    ("a03", "2023-03-15", ["Tô Thị Bích Châu", "Nguyễn Văn Hưng", "Quận ủy Quận 1", "phường Bến Thành"]),
    ("a04", "2023-04-02", ["Nguyễn Văn Hưng", "Trần Thị Lan", "phường Bến Thành"]),
    ("a05", "2023-04-20", ["Tô Thị Bích Châu", "Nguyễn Văn Hùng"]),
    ("a06", "2023-05-05", ["Phạm Minh Tuấn", "xã Tân Phú"]),
    ("a07", "2023-05-19", ["Phạm Minh Tuấn", "xã Tân Phú"]),
    ("a08", "2023-06-01", ["Hoàng Thị Mai"]),
]
RELATIONS = [("Tô Thị Bích Châu", "Quận ủy Quận 1", "holds_title_in", ["a01", "a03"]),
             ("Nguyễn Văn Hùng", "Đảng ủy phường Cầu Kho", "holds_title_in", ["a01"])]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def edges():
    pairs = {}
    for mid, _, labels in MEETINGS:
        for a, b in itertools.combinations(labels, 2):
            pairs.setdefault((a, b), []).append(mid)
    out = [(a, b, "co_mention", ms) for (a, b), ms in pairs.items()]
    return out + RELATIONS


def node_stats(label):
    ms = [m for m in MEETINGS if label in m[2]]
    return len(ms), ms[0][1], ms[-1][1]


def wardgraph_file(path, bipartite=False):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
             '  <key id="v_label" for="node" attr.name="label" attr.type="string"/>',
             '  <key id="v_type" for="node" attr.name="type" attr.type="string"/>',
             '  <key id="v_mentions" for="node" attr.name="mentions" attr.type="int"/>',
             '  <key id="v_articles" for="node" attr.name="articles" attr.type="int"/>',
             '  <key id="v_first_date" for="node" attr.name="first_date" attr.type="string"/>',
             '  <key id="v_last_date" for="node" attr.name="last_date" attr.type="string"/>',
             '  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>',
             '  <key id="e_relation" for="edge" attr.name="relation" attr.type="string"/>',
             '  <key id="e_meetings" for="edge" attr.name="meetings" attr.type="string"/>',
             '  <graph id="wardgraph" edgedefault="undirected">']
    for key, label, typ in NODES:
        n, first, last = node_stats(label)
        lines += [f'    <node id="{key}">', f'      <data key="v_label">{esc(label)}</data>',
                  f'      <data key="v_type">{typ}</data>', f'      <data key="v_mentions">{n + 1}</data>',
                  f'      <data key="v_articles">{n}</data>', f'      <data key="v_first_date">{first}</data>',
                  f'      <data key="v_last_date">{last}</data>', '    </node>']
    if bipartite:
        for mid, date, _ in MEETINGS:
            lines += [f'    <node id="meeting:{mid}">', f'      <data key="v_label">{mid}</data>',
                      '      <data key="v_type">meeting</data>', f'      <data key="v_first_date">{date}</data>',
                      f'      <data key="v_last_date">{date}</data>', '    </node>']
        es = [(f"meeting:{mid}", K[label], "mentions", [mid]) for mid, _, labels in MEETINGS for label in labels]
        es = [(a, b, r, ms) for a, b, r, ms in es]
    else:
        es = [(K[a], K[b], r, ms) for a, b, r, ms in edges()]
    for i, (a, b, rel, ms) in enumerate(es):
        lines += [f'    <edge id="e{i}" source="{a}" target="{b}">', f'      <data key="e_weight">{len(ms)}</data>',
                  f'      <data key="e_relation">{rel}</data>', f'      <data key="e_meetings">{";".join(ms)}</data>',
                  '    </edge>']
    lines += ['  </graph>', '</graphml>', '']
    open(path, "w", encoding="utf-8").write("\n".join(lines))


def gephi_file(path, directed=False):
    # Gephi 0.10 "Export > GraphML": its own key ids, label as a plain key,
    # visual attributes as float/int, integer columns as long, an extra
    # computed column; "directed" also capitalises names as some tools do.
    lab, wt = ("Label", "Weight") if directed else ("label", "weight")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
             f'<key attr.name="{lab}" attr.type="string" for="node" id="d3"/>',
             '<key attr.name="Edge Label" attr.type="string" for="edge" id="d4"/>',
             f'<key attr.name="{wt}" attr.type="double" for="edge" id="d5"/>',
             '<key attr.name="type" attr.type="string" for="node" id="d0"/>',
             '<key attr.name="mentions" attr.type="long" for="node" id="d1"/>',
             '<key attr.name="articles" attr.type="long" for="node" id="d2"/>',
             '<key attr.name="r" attr.type="int" for="node" id="d6"/>',
             '<key attr.name="x" attr.type="float" for="node" id="d7"/>',
             '<key attr.name="y" attr.type="float" for="node" id="d8"/>',
             '<key attr.name="size" attr.type="float" for="node" id="d9"/>',
             '<key attr.name="Modularity Class" attr.type="int" for="node" id="d10"/>',
             '<key attr.name="highlighted" attr.type="boolean" for="node" id="d11"/>',
             '<key attr.name="relation" attr.type="string" for="edge" id="d12"/>',
             '<key attr.name="meetings" attr.type="string" for="edge" id="d13"/>',
             f'<graph edgedefault="{"directed" if directed else "undirected"}">']
    for i, (key, label, typ) in enumerate(NODES):
        n, _, _ = node_stats(label)
        lines += [f'<node id="{key}">', f'<data key="d3">{esc(label)}</data>', f'<data key="d0">{typ}</data>',
                  f'<data key="d1">{n + 1}</data>', f'<data key="d2">{n}</data>', f'<data key="d6">{40 + i}</data>',
                  f'<data key="d7">{-120.5 + 17.25 * i}</data>', f'<data key="d8">{88.0 - 9.5 * i}</data>',
                  f'<data key="d9">{10.0 + n}</data>', f'<data key="d10">{i % 3}</data>',
                  f'<data key="d11">{"true" if i == 0 else "false"}</data>', '</node>']
    for i, (a, b, rel, ms) in enumerate(edges()):
        lines += [f'<edge id="{i}" source="{K[a]}" target="{K[b]}">', f'<data key="d5">{float(len(ms))}</data>',
                  f'<data key="d12">{rel}</data>', f'<data key="d13">{";".join(ms)}</data>', '</edge>']
    lines += ['</graph>', '</graphml>', '']
    open(path, "w", encoding="utf-8").write("\n".join(lines))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    wardgraph_file(os.path.join(here, "council.graphml"))
    wardgraph_file(os.path.join(here, "council_bipartite.graphml"), bipartite=True)
    gephi_file(os.path.join(here, "..", "gephi", "council_gephi.graphml"))
    gephi_file(os.path.join(here, "..", "gephi", "council_directed.graphml"), directed=True)
