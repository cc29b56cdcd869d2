#!/usr/bin/env python3
"""Extraction sharded on a real distributed engine (issue 13, item 4):
src/cli/wardgraph-dask maps `wardgraph extract` over shards of a corpus on
a Dask distributed LocalCluster of 2 worker processes; `wardgraph add`
of the shards' JSONL (the reduce) gives the same store, table for table,
as one `add` of the articles, and `build` of the store and of the shards
the same network, byte for byte, as `build` of the articles.

usage: test_distributed.py WARDGRAPH SOURCE_DIR SCRATCH_DIR"""
import os
import subprocess
import sys

from storetest import Checks, data, dump

try:
    import distributed  # noqa: F401  (Debian: python3-distributed)
except ImportError:
    print("skipped: Dask distributed (python3-distributed) is not installed")
    sys.exit(77)
suite = Checks("distributed")
check, run, p, exe, src = suite.check, suite.run, suite.path, suite.exe, suite.src
corpus = ["tests/corpus/seeds", "tests/corpus/heldout", "tests/corpus/synthetic", "tests/corpus/html"]

# the single-process run
r = run("add", "-q", p("single.sqlite"), *corpus)
check(r.returncode == 0, "single add: %s" % r.stderr)
run("build", "-q", "-o", p("single.graphml"), *corpus)

# the sharded run: 2 worker processes, 6 shards
driver = os.path.join(src, "src/cli/wardgraph-dask")
r = subprocess.run(["/usr/bin/python3", driver, "--workers", "2", "--shards", "6", "--wardgraph", exe,
                    "--out", p("shards"), *corpus], capture_output=True, text=True, timeout=600, cwd=src)
check(r.returncode == 0, "wardgraph-dask exits 0: %s" % r.stderr[-2000:])
shards = r.stdout.split()
check(len(shards) == 6 and all(os.path.getsize(s) > 0 for s in shards), "6 shards written: %r" % shards)
r = run("add", "-q", p("sharded.sqlite"), *shards)
check(r.returncode == 0, "add of the shards: %s" % r.stderr)
a, b = dump(p("single.sqlite")), dump(p("sharded.sqlite"))
check(sorted(a) == sorted(b), "the same tables")
for t in a:
    check(a[t] == b.get(t), "table %s identical (%d rows)" % (t, len(a[t])))
run("build", "-q", "-o", p("sharded_store.graphml"), p("sharded.sqlite"))
run("build", "-q", "-o", p("sharded_jsonl.graphml"), *shards)
check(data(p("single.graphml")) == data(p("sharded_store.graphml")), "build of the sharded store == single build")
check(data(p("single.graphml")) == data(p("sharded_jsonl.graphml")), "build of the shards' JSONL == single build")

# a second run with fewer shards into the same directory leaves no shard of the first for shard-*.jsonl
r = subprocess.run(["/usr/bin/python3", driver, "--workers", "2", "--shards", "3", "--wardgraph", exe,
                    "--out", p("shards"), *corpus], capture_output=True, text=True, timeout=600, cwd=src)
left = sorted(n for n in os.listdir(p("shards")) if n.startswith("shard-") and n.endswith(".jsonl"))
check(r.returncode == 0 and len(r.stdout.split()) == 3 and len(left) == 3,
      "a rerun with 3 shards leaves 3 shard files: %r" % left)

suite.done()
