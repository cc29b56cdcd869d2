#!/usr/bin/python3
"""The store's benchmark (issue 13), run by `cmake --build B --target bench`:
on a generated corpus (WG_BENCH_ARTICLES, default 100,000 articles of the
sample's length, with generated officials so that the network grows) it
measures `add` of 99 % of it into an empty store, then the cost of adding
the last 1 % to the full store plus one build, against extracting that 1 %
alone plus one build (the target: within 2x), `build` from the store, the
store's size per article and the peak memory of every step (each step is a
child process: its ru_maxrss).

usage: bench_store.py WARDGRAPH SEEDS_DIR [SCRATCH_DIR]"""
import os
import random
import shutil
import subprocess
import sys
import time

exe, seeds = sys.argv[1], sys.argv[2]
scratch = sys.argv[3] if len(sys.argv) > 3 else "/tmp/wg-bench-store"
# the same variables as bench.c, which takes lists: the store is measured at the largest size
n = max(int(x) for x in os.environ.get("WG_BENCH_ARTICLES", "100000").split(","))
jobs = os.environ.get("WG_BENCH_JOBS", str(os.cpu_count() or 1)).split(",")[-1]

SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split()
MIDDLES = "Văn Thị Minh Hữu Đức Thành Quốc Ngọc Thanh Xuân".split()
GIVENS = ("An Bình Cường Dũng Giang Hà Hải Hiếu Hòa Hùng Khoa Lâm Linh Long Mai Nam Nga Phong Phúc Quang "
          "Sơn Tâm Thảo Thắng Trung Tuấn Việt Vinh Yến Hạnh").split()
PLACES = "Bến Nghé|Bến Thành|Cầu Kho|Cô Giang|Đa Kao|Tân Định|Nguyễn Thái Bình|Phạm Ngũ Lão|Cầu Ông Lãnh|Thanh Sơn".split("|")


def generate(dest, first, count, paragraphs, rnd):
    """Articles first..first+count-1: a headline and six paragraphs drawn from
    the seeds (so that articles are not near copies of each other), four
    generated attendees, a closing line; about the seeds' length."""
    os.makedirs(dest, exist_ok=True)
    size = 0
    for i in range(first, first + count):
        body = "\n\n".join([rnd.choice(paragraphs[0])] + rnd.sample(paragraphs[1], 6))
        body += "".join(
            "\n\nTham dự có đồng chí %s %s %s, Bí thư Đảng ủy phường %s." %
            (rnd.choice(SURNAMES), rnd.choice(MIDDLES), rnd.choice(GIVENS), rnd.choice(PLACES)) for _ in range(4))
        body += "\n\nBài số %d.\n\nPV\n" % i
        data = body.encode()
        size += len(data)
        sub = os.path.join(dest, "%03d" % (i // 10000))
        if i % 10000 == 0 or i == first:
            os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, "%07d.txt" % i), "wb") as f:
            f.write(data)
    return size


def step(*args):
    """Runs wardgraph as a child: seconds, that child's peak MB, its stderr."""
    err = open(os.path.join(scratch, "stderr"), "w+")
    t = time.monotonic()
    proc = subprocess.Popen([exe, *args], stdout=subprocess.DEVNULL, stderr=err)
    _, status, usage = os.wait4(proc.pid, 0)
    dt = time.monotonic() - t
    err.seek(0)
    text = err.read()
    err.close()
    if status != 0:
        sys.exit("bench_store: wardgraph %s failed: %s" % (" ".join(args), text[-2000:]))
    return dt, usage.ru_maxrss / 1024, text


def main():
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    texts = [open(os.path.join(seeds, f), encoding="utf-8").read() for f in sorted(os.listdir(seeds))
             if f.endswith(".txt")]
    heads = [t.split("\n", 1)[0] for t in texts]
    paras = [p.strip() for t in texts for p in t.split("\n", 1)[1].split("\n") if len(p.strip()) > 80]
    texts = (heads, paras)
    rnd = random.Random(1)
    extra = max(1, n // 100)
    base = n - extra
    t = time.monotonic()
    size_base = generate(os.path.join(scratch, "base"), 0, base, texts, rnd)
    size_new = generate(os.path.join(scratch, "new"), base, extra, texts, rnd)
    gen = time.monotonic() - t
    mb = (size_base + size_new) / 1e6
    print("store bench: %d articles, %.1f MB (generated in %.0f s), -j %s" % (n, mb, gen, jobs))
    store = os.path.join(scratch, "corpus.sqlite")

    # the 1 % alone: extract it, and one build of everything (from the store, below)
    t_x1, m_x1, _ = step("extract", "-q", "-j", jobs, "-o", os.path.join(scratch, "new.jsonl"),
                         os.path.join(scratch, "new"))
    t_add, m_add, _ = step("add", "-q", "-j", jobs, store, os.path.join(scratch, "base"))
    print("add         %7.1f s  %6.0f articles/s  %5.1f MB/s  peak %4.0f MB  (%d articles into an empty store)"
          % (t_add, base / t_add, size_base / 1e6 / t_add, m_add, base))
    t_add1, m_add1, _ = step("add", "-q", "-j", jobs, store, os.path.join(scratch, "new"))
    t_b1, m_b1, err = step("build", "-o", os.path.join(scratch, "g1.graphml"), store)
    net = [l for l in err.splitlines() if "network:" in l]
    db1 = os.path.getsize(store)
    print("add 1 %%     %7.1f s  (%d articles into the store of %d)  peak %4.0f MB" % (t_add1, extra, base, m_add1))
    print("build       %7.1f s  from the store  peak %4.0f MB  %s" % (t_b1, m_b1, net[0].split(": ", 1)[1] if net else ""))
    print("extract 1 %% %7.1f s  (the same %d articles, extraction alone)" % (t_x1, extra))
    ratio = (t_add1 + t_b1) / (t_x1 + t_b1)
    print("incremental (add 1 %% + build) / (extract 1 %% + build) = (%.1f + %.1f) / (%.1f + %.1f) = %.2f  (target <= 2)"
          % (t_add1, t_b1, t_x1, t_b1, ratio))
    print("store       %.0f MB, %.1f KB per article (%.1f KB of text)" % (db1 / 1e6, db1 / n / 1e3, mb * 1e3 / n))
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
