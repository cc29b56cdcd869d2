#!/usr/bin/env python3
"""Extraction sharded on a real distributed engine (issue 13, item 4):
src/cli/wardgraph-dask maps `wardgraph extract` over shards of a corpus on
a Dask distributed LocalCluster of 2 worker processes; `wardgraph add`
of the shards' JSONL (the reduce) gives the same store, table for table,
as one `add` of the articles, and `build` of the store and of the shards
the same network, byte for byte, as `build` of the articles.

usage: test_distributed.py WARDGRAPH SOURCE_DIR SCRATCH_DIR"""
import os
import shutil
import sqlite3
import subprocess
import sys

exe, src, scratch = sys.argv[1], sys.argv[2], os.path.join(sys.argv[3], "distributed")
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
try:
    import distributed  # noqa: F401  (Debian: python3-distributed)
except ImportError:
    print("skipped: Dask distributed (python3-distributed) is not installed")
    sys.exit(77)
checks = failures = 0


def check(ok, what):
    global checks, failures
    checks += 1
    if not ok:
        failures += 1
        print("FAIL:", what)


def run(*args):
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=600, cwd=src)


def data(path):
    with open(path, "rb") as f:
        return f.read()


def dump(path):
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    names = [r[0] for r in db.execute("select name from sqlite_master where type = 'table' "
                                      "and name not like 'articles_fts%' order by name")]
    out = {t: db.execute("select * from %s order by 1, 2" % t).fetchall() for t in names}
    out["fts"] = db.execute("select rowid, title, body from articles_fts order by rowid").fetchall()
    db.close()
    return out


p = lambda name: os.path.join(scratch, name)  # noqa: E731
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

print("distributed: %d checks passed, %d failed" % (checks - failures, failures))
sys.exit(1 if failures else 0)
