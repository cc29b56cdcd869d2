"""Resolution on the sample corpus, judged on the graph itself: one node per
gold entity id that was found, and no node standing for two gold ids (no
false merge). The bipartite JSON export links each meeting node to what it
mentions, so the graph alone says which node each article's entity became.

usage: test_export_gold.py WARDGRAPH SOURCE_DIR SCRATCH_DIR
"""
import json
import os
import re
import subprocess
import sys
import unicodedata

exe, src = sys.argv[1], sys.argv[2]
checks = failures = 0


def check(cond, what):
    global checks, failures
    checks += 1
    if not cond:
        failures += 1
        print("FAIL:", what)


def norm(s):
    # names compare as SPEC section 6 says: NFC, case folded, quotes and
    # stray punctuation dropped (both sides use SPEC's tone placement)
    s = unicodedata.normalize("NFC", s or "").replace("\u00a0", " ")
    s = re.sub(r"[\u201c\u201d\"'«»]", " ", s)
    return re.sub(r"\s+", " ", s).strip(" .,;:–-").strip().casefold()


run = subprocess.run([exe, "build", "--quiet", "--bipartite", "--format", "json", "tests/corpus/seeds"],
                     cwd=src, capture_output=True, text=True)
check(run.returncode == 0, "build failed: " + run.stderr)
graph = json.loads(run.stdout)
nodes = {n["key"]: n["attributes"] for n in graph["nodes"]}
by_meeting = {}
for e in graph["edges"]:
    s, t = e["source"], e["target"]
    if nodes[t].get("entity_type") == "meeting":
        s, t = t, s
    check(nodes[s].get("entity_type") == "meeting", "bipartite edge from a meeting: %s" % s)
    by_meeting.setdefault(os.path.basename(nodes[s]["source"]), []).append(t)

with open(os.path.join(src, "tests/corpus/seeds.gold.json"), encoding="utf-8") as f:
    gold = json.load(f)

node_of_gold = {}   # gold id -> set of node keys it became
gold_of_node = {}   # node key -> set of gold ids it stands for
for art in gold["articles"]:
    mentioned = by_meeting.get(art["file"], [])
    check(art["file"] in by_meeting or not art["entities"], "meeting node for " + art["file"])
    for ent in art["entities"]:
        if ent.get("optional"):
            continue
        names = {norm(n) for n in [ent["name"]] + ent.get("aliases", [])}
        for key in mentioned:
            a = nodes[key]
            if a.get("entity_type") == ent["type"] and norm(a["label"]) in names:
                node_of_gold.setdefault(ent["id"], set()).add(key)
                gold_of_node.setdefault(key, set()).add(ent["id"])

check(len(node_of_gold) >= 5, "gold entities found in the graph: %d" % len(node_of_gold))
for gid, keys in sorted(node_of_gold.items()):
    check(len(keys) == 1, "gold %s is one node, not %s" % (gid, sorted(keys)))
for key, gids in sorted(gold_of_node.items()):
    check(len(gids) == 1, "node %s merges gold %s" % (key, sorted(gids)))
# the default graph has the same entity nodes as the bipartite one
run = subprocess.run([exe, "build", "--quiet", "--format", "json", "tests/corpus/seeds"],
                     cwd=src, capture_output=True, text=True)
plain = {n["key"] for n in json.loads(run.stdout)["nodes"]}
check(plain == {k for k, a in nodes.items() if a.get("entity_type") != "meeting"},
      "co-mention and bipartite graphs have the same entities")

print("gold resolution: %d gold ids found as nodes, %d nodes matched" % (len(node_of_gold), len(gold_of_node)))
print("%d passed, %d failed" % (checks - failures, failures))
sys.exit(1 if failures else 0)
