#!/usr/bin/env python3
"""The GraphML cache (PATH.wgcache) changes no answer and is never trusted
blindly.

usage: test_graph_cache.py WARDGRAPH SOURCE_DIR SCRATCH_DIR

Every GraphML fixture (good, bad, foreign) is copied to the scratch dir
and queried with the cache off, then twice with it on for every size
(WARDGRAPH_CACHE=0): standard output, standard error and the exit status
must be the same each time. Then the cache of one graph is damaged in
every way a file can be (a flipped byte, truncated, emptied, a stale
copy, a directory in its place, the GraphML changed with its size and
mtime kept) and each query must still give the uncached answer."""
import glob
import os
import shutil
import subprocess
import sys

exe, src = sys.argv[1], sys.argv[2]
scratch = os.path.join(sys.argv[3], "graph_cache")  # the scratch dir is shared with the other reader tests
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
checks = failures = 0


def check(ok, what):
    global checks, failures
    checks += 1
    if not ok:
        failures += 1
        print("FAIL:", what)


def run(args, cache):
    env = dict(os.environ)
    env["WARDGRAPH_CACHE"] = cache
    p = subprocess.run([exe, *args], capture_output=True, text=True, env=env, cwd=scratch)
    return p.stdout, p.stderr, p.returncode


QUERIES = [["rank", None, "--by", "strength"], ["rank", None, "--by", "pagerank", "--top", "3"], ["stats", None]]

fixtures = sorted(glob.glob(os.path.join(src, "tests/golden/graphml/*.graphml")) +
                  glob.glob(os.path.join(src, "tests/corpus/graphs/*.graphml")) +
                  glob.glob(os.path.join(src, "tests/corpus/gephi/*.graphml")) +
                  glob.glob(os.path.join(src, "exports/*.graphml")))
check(len(fixtures) >= 15, f"fixtures found: {len(fixtures)}")
cached = 0
for f in fixtures:
    name = os.path.basename(f)
    shutil.copy(f, os.path.join(scratch, name))
    for k, q in enumerate(QUERIES):
        args = [name if a is None else a for a in q]
        want = run(args, "off")
        if k == 0:
            check(not os.path.exists(os.path.join(scratch, name + ".wgcache")), f"{name}: cache written while off")
        for attempt in ("first", "cached"):
            got = run(args, "0")
            check(got == want, f"{' '.join(args)} ({attempt}): {got} != {want}")
    cached += os.path.exists(os.path.join(scratch, name + ".wgcache"))
check(cached >= 5, f"caches written: {cached}")

# a graph that warns (an edge without a weight): the warning comes from the cache too
g = "multigraph_missing_weight.graphml"
c = os.path.join(scratch, g + ".wgcache")
args = ["rank", g, "--by", "strength"]
want = run(args, "off")
check("without a weight" in want[1], f"the fixture warns: {want[1]}")
run(args, "0")
good = open(c, "rb").read()
before = os.stat(c)
run(args, "0")
check(os.stat(c).st_ino == before.st_ino and os.stat(c).st_mtime_ns == before.st_mtime_ns,
      "a valid cache is read, not rewritten")
check(len(good) > 72, "cache has a payload")


def damaged(what, make):
    make()
    got = run(args, "0")
    check(got == want, f"{what}: {got} != {want}")


def write(data):
    def f():
        if os.path.isdir(c):
            os.rmdir(c)
        with open(c, "wb") as fp:
            fp.write(data)
    return f


for i in (0, 8, 30, 60, len(good) // 2, len(good) - 1):
    flipped = bytearray(good)
    flipped[i] ^= 0x40
    damaged(f"byte {i} flipped", write(bytes(flipped)))
    check(open(c, "rb").read() == good, f"byte {i} flipped: cache rebuilt")
damaged("truncated", write(good[: len(good) // 2]))
damaged("empty", write(b""))
damaged("header only", write(good[:72]))


def as_directory():
    os.remove(c)
    os.mkdir(c)


damaged("a directory", as_directory)
os.rmdir(c)

# the GraphML changes, its size and mtime do not: the checksum tells
path = os.path.join(scratch, g)
run(args, "0")
st = os.stat(path)
text = open(path, encoding="utf-8").read()
changed = text.replace("Trần Thị Bình", "Trần Thị Bính", 1)
check(changed != text and len(changed.encode()) == len(text.encode()), "same-size edit")
open(path, "w", encoding="utf-8").write(changed)
os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
want = run(args, "off")
check("Bính" in want[0], "the edit is read")
damaged("GraphML edited, same size and mtime", lambda: None)

# a directory the cache cannot be written in: the query still answers
ro = os.path.join(scratch, "ro")
os.mkdir(ro)
shutil.copy(path, os.path.join(ro, g))
os.chmod(ro, 0o555)
p = subprocess.run([exe, "rank", os.path.join("ro", g), "--by", "strength"], capture_output=True, text=True,
                   env=dict(os.environ, WARDGRAPH_CACHE="0"), cwd=scratch)
check(p.returncode == 0 and p.stdout == want[0], f"read-only directory: {p.returncode} {p.stderr}")
os.chmod(ro, 0o755)

print(f"{checks} checks, {failures} failures")
sys.exit(1 if failures else 0)
