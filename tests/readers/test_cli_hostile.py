#!/usr/bin/env python3
"""What goldens cannot set up: a failed run keeps the old outputs, a FIFO in
an input directory is skipped, not waited on, an oversized article is
skipped and counted, and a signal during writing leaves no temporaries and
never a mix of old and new --all-formats files (issue 12 items 2, 7, 8, 10).

usage: test_cli_hostile.py WARDGRAPH SOURCE_DIR SCRATCH_DIR"""
import glob
import os
import shutil
import signal
import subprocess
import sys
import time

exe, src, scratch = sys.argv[1], sys.argv[2], os.path.join(sys.argv[3], "hostile")
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
checks = failures = 0


def check(ok, what):
    global checks, failures
    checks += 1
    if not ok:
        failures += 1
        print("FAIL:", what)


def run(*args, timeout=120):
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=timeout, cwd=src)


def data(path):
    with open(path, "rb") as f:
        return f.read()


seeds = os.path.join(src, "tests/corpus/seeds")
base = os.path.join(scratch, "net.graphml")
formats = [base, base[:-8] + ".gexf", base[:-8] + ".json", base[:-8] + ".nodes.csv", base[:-8] + ".edges.csv"]

# 2. a good network, then runs that fail or find nothing: every file stays
p = run("build", "--quiet", "--all-formats", "-o", base, seeds)
check(p.returncode == 0, f"build seeds: {p.stderr}")
before = {f: data(f) for f in formats}
p = run("build", "--all-formats", "-o", base, "/nonexistent")
check(p.returncode == 1 and "not replaced" in p.stderr, f"build of a missing input: {p.returncode} {p.stderr}")
check(all(data(f) == before[f] for f in formats), "a failed build keeps all five files")
binary = os.path.join(scratch, "binary")
os.makedirs(binary)
with open(os.path.join(binary, "photo.txt"), "wb") as f:
    f.write(b"\x89PNG\x00\x00\x00")
p = run("build", "--all-formats", "-o", base, binary)
check(p.returncode == 1 and "--force" in p.stderr, f"build of binary only: {p.returncode} {p.stderr}")
check(all(data(f) == before[f] for f in formats), "a build with nothing usable keeps all five files")
p = run("build", "--force", "-o", base, binary)
check(p.returncode == 0 and data(base) != before[base], "--force writes the empty network")
jsonl = os.path.join(scratch, "keep.jsonl")
p = run("extract", "-o", jsonl, seeds)
good = data(jsonl)
p = run("extract", "-o", jsonl, "/nonexistent")
check(p.returncode == 1 and data(jsonl) == good, f"extract of a missing input keeps the JSONL: {p.stderr}")
p = run("extract", "-o", jsonl, binary)
check(p.returncode == 1 and data(jsonl) == good, f"extract of binary only keeps the JSONL: {p.stderr}")

# 7. a FIFO in a directory is reported and skipped, never opened
fifo_dir = os.path.join(scratch, "fifo")
os.makedirs(fifo_dir)
os.mkfifo(os.path.join(fifo_dir, "f.txt"))
shutil.copy(glob.glob(os.path.join(seeds, "*.txt"))[0], fifo_dir)
try:
    p = run("extract", fifo_dir, timeout=30)
    check(p.returncode == 0 and p.stdout.count("\n") == 1, f"extract beside a FIFO: {p.returncode}")
    check("f.txt: skipped: not a regular file" in p.stderr and "1 not regular files" in p.stderr,
          f"the FIFO is reported and counted: {p.stderr}")
except subprocess.TimeoutExpired:
    check(False, "extract hangs on a FIFO")

# 8. an article over the limit (8 MiB) is skipped with its name and counted
big_dir = os.path.join(scratch, "big")
os.makedirs(big_dir)
sentence = "Chủ tịch UBND phường Bến Nghé Nguyễn Văn An chủ trì buổi làm việc. "
with open(os.path.join(big_dir, "huge.txt"), "w") as f:
    f.write(sentence * ((9 << 20) // len(sentence.encode())))
shutil.copy(glob.glob(os.path.join(seeds, "*.txt"))[0], big_dir)
t = time.time()
p = run("extract", big_dir, timeout=60)
check(p.returncode == 0 and p.stdout.count("\n") == 1, f"extract beside a huge article: {p.returncode} {p.stderr}")
check("huge.txt: 9.0 MB, over the 8 MB limit for one article; skipped" in p.stderr and "1 too large" in p.stderr,
      f"the huge article is named and counted: {p.stderr}")
check(time.time() - t < 30, "the huge article is not read")

# 10. SIGTERM while writing: no NAME.tmp.XXXXXX left, and the five files are
# all from one run (the old one here: the build is stopped before renaming)
many = os.path.join(scratch, "many.txt")
with open(many, "w") as f:
    for _ in range(3):
        for path in sorted(glob.glob(os.path.join(src, "tests/corpus/*/*.txt"))):
            f.write(path + "\n")
out_before = {f: data(f) for f in formats if os.path.exists(f)}
run("build", "--quiet", "--all-formats", "-o", base, seeds)
out_before = {f: data(f) for f in formats}
for delay in (0.05, 0.3, 0.8):
    proc = subprocess.Popen([exe, "build", "--quiet", "-j", "1", "--all-formats", "-o", base, "--inputs", many],
                            cwd=src, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=120)
    left = glob.glob(os.path.join(scratch, "*.tmp.*"))
    check(not left, f"SIGTERM after {delay}s leaves no temporaries: {left}")
    now = {f: data(f) for f in formats}
    same = [now[f] == out_before[f] for f in formats]
    check(all(same) or not any(same), f"SIGTERM after {delay}s: all five files old or all new, got {same}")
    out_before = now
jsonl2 = os.path.join(scratch, "stopped.jsonl")
proc = subprocess.Popen([exe, "extract", "-j", "1", "-o", jsonl2, "--inputs", many], cwd=src,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(0.3)
proc.send_signal(signal.SIGINT)
proc.wait(timeout=120)
check(not glob.glob(os.path.join(scratch, "stopped.jsonl.tmp.*")), "SIGINT during extract -o leaves no temporary")

print(f"{checks} checks, {failures} failed")
sys.exit(1 if failures else 0)
