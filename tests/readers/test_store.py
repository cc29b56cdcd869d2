#!/usr/bin/env python3
"""The store (issue 13): `add` then `build STORE` equals `build` of the
articles byte for byte; adding again adds nothing and says so; a time
window keeps exactly the articles of its dates; the JSONL of `extract` is
added and built exactly as the articles; SQLite tools read the store
(Python's sqlite3 and the sqlite3 shell, read-only, with a full-text
query); a store of another schema version or another program's database is
refused and left as it was; a killed `add` leaves the store as it was; a
changed extractor is reported and re-extracts only with --reextract.

usage: test_store.py WARDGRAPH SOURCE_DIR SCRATCH_DIR"""
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

from storetest import Checks, data, dump, sql

suite = Checks("store")
check, run, p, exe, src = suite.check, suite.run, suite.path, suite.exe, suite.src

seeds = "tests/corpus/seeds"
corpora = [seeds, "tests/corpus/heldout", "tests/corpus/synthetic", "tests/corpus/html"]

# 1. add + build from the store == build from the articles, for every option that changes the network
store = p("c.sqlite")
r = run("add", store, *corpora)
check(r.returncode == 0, "add exits 0: %s" % r.stderr)
n_added = int(r.stderr.split(" added, ")[0].split()[-1])
n_copies = r.stderr.count("kept as a copy")
check(n_copies > 0 and " added, %d already in the store (%d of them copies" % (n_copies, n_copies) in r.stderr,
      "first add adds every article, and keeps copies under other names as such: %s" % r.stderr[-300:])
for opts in ([], ["--window", "sentence"], ["--presence", "participant", "--weight", "newman"],
             ["--kind", "all", "--bipartite"], ["--keep-duplicates"]):
    a = run("build", "-q", *opts, "-o", p("raw.graphml"), *corpora)
    b = run("build", "-q", *opts, "-o", p("store.graphml"), store)
    check(a.returncode == 0 and b.returncode == 0, "builds exit 0 %s: %s %s" % (opts, a.stderr, b.stderr))
    check(data(p("raw.graphml")) == data(p("store.graphml")), "build from the store == from the articles %s" % opts)

check(not os.path.exists(store + "-wal") and not os.path.exists(store + "-shm"), "one file at rest (no -wal, -shm)")

# 2. adding the same articles again adds nothing, and says so per article
before = dump(store)
r = run("add", store, seeds)
check(r.returncode == 0 and ": 0 added, 5 already in the store" in r.stderr, "re-add adds nothing: %s" % r.stderr)
check(r.stderr.count("already in the store (the same body); skipped") == 5, "each known article is reported")
check(dump(store) == before, "a re-add changes nothing in the store")
before_rename = before
# the same body under another file name is the same article
os.makedirs(p("renamed"))
shutil.copy(os.path.join(src, seeds, "000_5684c0fd25eaeaaa.txt"), p("renamed/other-name.txt"))
r = run("add", store, p("renamed"))
check(": 0 added, 1 already in the store" in r.stderr, "a renamed copy is known: %s" % r.stderr)
run("build", "-q", "--bipartite", "-o", p("raw.graphml"), *corpora, p("renamed"))
run("build", "-q", "--bipartite", "-o", p("store.graphml"), store)
check(data(p("raw.graphml")) == data(p("store.graphml")), "a copy added last is built in its place too")

# 3. a window keeps exactly the articles of its dates, from the articles and from the store
lines = [json.loads(l) for l in run("extract", "-q", seeds).stdout.splitlines()]
in_2023 = sum(1 for a in lines if a["date"].startswith("2023-"))
undated = sum(1 for a in lines if not a["date"][:1].isdigit())
for what in (seeds, p("seeds.sqlite")):
    if what.endswith(".sqlite"):
        run("add", "-q", what, seeds)
    r = run("build", "--since", "2023-01-01", "--until", "2023-12-31", "-o", p("w.graphml"), what)
    check(r.returncode == 0, "windowed build exits 0: %s" % r.stderr)
    check("kept %d of 5 articles; %d outside 2023-01-01..2023-12-31, %d without a year" %
          (in_2023, 5 - in_2023 - undated, undated) in r.stderr, "the window's summary (%s): %s" % (what, r.stderr))
    g = data(p("w.graphml")).decode()
    dates = set(d for d in re.findall(r'key="e_dates">([^<]*)<', g) for d in d.split(";"))
    check(dates and all(d.startswith("2023-") for d in dates), "only 2023 meetings link: %r" % sorted(dates))
r = run("build", "--since", "2023-13-01", "-o", p("w.graphml"), seeds)
check(r.returncode == 2 and "--since '2023-13-01' is not an ISO date" in r.stderr, "a bad date is a usage error")

# 4. the JSONL of extract is read as the articles: build and add
r = run("extract", "-q", "--text", "-o", p("all.jsonl"), *corpora)
check(r.returncode == 0, "extract --text exits 0")
run("build", "-q", "-o", p("raw.graphml"), *corpora)
run("build", "-q", "-o", p("jsonl.graphml"), p("all.jsonl"))
check(data(p("raw.graphml")) == data(p("jsonl.graphml")), "build of the JSONL == build of the articles")
run("add", "-q", p("j.sqlite"), p("all.jsonl"))
d1, d2 = dump(p("j.sqlite")), before_rename
for t in d2:
    check(d1.get(t) == d2.get(t), "add of the JSONL == add of the articles: table %s" % t)
# a broken line is reported with its file and line, and skipped
with open(p("all.jsonl"), encoding="utf-8") as f:
    jl = f.read().splitlines()
with open(p("broken.jsonl"), "w", encoding="utf-8") as f:
    f.write(jl[0] + "\n" + '{"source": "x", "entities": 3}\n' + "not json\n" + jl[1] + "\n")
r = run("build", "-o", p("b.graphml"), p("broken.jsonl"))
check(r.returncode == 0 and "broken.jsonl:2: " in r.stderr and "broken.jsonl:3: " in r.stderr,
      "malformed JSONL lines are reported by line: %s" % r.stderr)
check("2 inputs read" in r.stderr and "2 malformed JSONL lines" in r.stderr, "and counted: %s" % r.stderr)

# 5. SQLite tools read it, read-only
db = sqlite3.connect("file:%s?mode=ro" % store, uri=True)
tables = {r[0] for r in db.execute("select name from sqlite_master where type in ('table', 'view')")}
for t in ("meta", "articles", "entities", "article_entities", "mentions", "titles", "roles", "articles_fts"):
    check(t in tables, "table %s" % t)
check(db.execute("select count(*) from articles").fetchone()[0] == n_added, "one row per article added")
hits = db.execute("select a.source from articles_fts f join articles a on a.id = f.rowid "
                  "where articles_fts match '\"Cầu Kho\"'").fetchall()
check(any("000_5684c0fd25eaeaaa" in h[0] for h in hits), "FTS finds Cầu Kho: %r" % hits)
hits2 = db.execute("select rowid from articles_fts where articles_fts match 'cau kho'").fetchall()
check(len(hits2) >= len(hits) > 0, "FTS without tones finds it too")
chau = db.execute("select count(distinct m.article) from mentions m join entities e on e.id = m.entity "
                  "where e.label = 'Tô Thị Bích Châu'").fetchone()[0]
check(chau >= 3, "mentions join entities: Tô Thị Bích Châu in %d articles" % chau)
check(db.execute("select value from meta where key = 'schema_version'").fetchone()[0] == "1", "meta holds the version")
db.close()
if shutil.which("sqlite3"):
    r = subprocess.run(["sqlite3", "-readonly", store, "select count(*) from articles_fts where articles_fts "
                        "match 'Cầu Kho'; pragma integrity_check;"], capture_output=True, text=True)
    check(r.returncode == 0 and r.stdout.split() [1:] == ["ok"] and int(r.stdout.split()[0]) >= 1,
          "the sqlite3 shell reads it: %r %r" % (r.stdout, r.stderr))
else:
    check(False, "the sqlite3 shell is installed (the README's test command installs it)")

# 6. another schema version, another program's database, a text file: refused, untouched
shutil.copy(store, p("v99.sqlite"))
sql(p("v99.sqlite"), "pragma user_version = 99")
before = data(p("v99.sqlite"))
r = run("add", p("v99.sqlite"), seeds)
check(r.returncode == 1 and "a store of schema version 99" in r.stderr and "reads version 1" in r.stderr,
      "another schema version is refused: %s" % r.stderr)
check(data(p("v99.sqlite")) == before, "and left as it was")
r = run("build", "-o", p("x.graphml"), p("v99.sqlite"))
check(r.returncode == 1 and "schema version 99" in r.stderr, "build refuses it too: %s" % r.stderr)
sql(p("other.sqlite"), "create table t(x)")
r = run("add", p("other.sqlite"), seeds)
check(r.returncode == 1 and "another program, not a wardgraph store" in r.stderr, "a foreign database: %s" % r.stderr)
with open(p("notes.txt"), "w") as f:
    f.write("some notes\n")
r = run("add", p("notes.txt"), seeds)
check(r.returncode == 1 and "not a wardgraph store" in r.stderr and data(p("notes.txt")) == b"some notes\n",
      "a text file is never made a store: %s" % r.stderr)

# 7. killed mid-add: the store is as it was before the run
big = p("big")
os.makedirs(big)
texts = [data(os.path.join(src, seeds, f)).decode() for f in sorted(os.listdir(os.path.join(src, seeds)))]
for i in range(3000):
    with open(os.path.join(big, "%05d.txt" % i), "w", encoding="utf-8") as f:
        f.write(texts[i % len(texts)] + "\nBài số %d của loạt bài về phường %d.\n" % (i, i))
kill_store = p("kill.sqlite")
run("add", "-q", kill_store, seeds)
before = dump(kill_store)
killed = 0
stopped_before_commit = False
for delay in (0.5, 1.5, 3.0):
    proc = subprocess.Popen([exe, "add", "-q", "-j", "2", kill_store, big], cwd=src,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
        killed += 1
    proc.wait()
    if proc.returncode == 0:
        break  # finished before the kill: nothing more to learn
    now = dump(kill_store)
    if now != before:
        # killed after its commit (cleaning up): then all of it, never a part
        db = sqlite3.connect("file:%s?mode=ro" % kill_store, uri=True)
        n = db.execute("select count(*) from articles").fetchone()[0]
        db.close()
        check(n == 3005, "killed after %.1f s, after the commit: every article there (%d of 3005)" % (delay, n))
        break
    check(now == before, "killed after %.1f s: the store is as it was" % delay)
    stopped_before_commit = True
check(killed >= 1 and stopped_before_commit, "at least one add was killed before its commit (the input is large enough)")
r = run("add", "-q", kill_store, big)
check(r.returncode == 0, "the store takes the next add: %s" % r.stderr)
db = sqlite3.connect("file:%s?mode=ro" % kill_store, uri=True)
check(db.execute("pragma integrity_check").fetchone()[0] == "ok", "integrity_check ok after the kills")
check(db.execute("select count(*) from articles").fetchone()[0] == 3005, "every article added once")
db.close()

# 8. another extractor version: reported, kept, re-extracted only when asked, in place
sql(p("seeds.sqlite"), "update articles set extractor = '0.0.1-old-old' where id in (2, 4)")
before = dump(p("seeds.sqlite"))
r = run("add", p("seeds.sqlite"), seeds)
check(r.returncode == 0 and "2 articles were extracted by another version" in r.stderr and "--reextract" in r.stderr,
      "a stale article is reported: %s" % r.stderr)
check(dump(p("seeds.sqlite")) == before, "and kept without --reextract")
r = run("add", "--reextract", p("seeds.sqlite"), seeds)
check(r.returncode == 0 and "2 re-extracted" in r.stderr, "--reextract re-extracts them: %s" % r.stderr)
after = dump(p("seeds.sqlite"))
check([row[0] for row in after["articles"]] == [1, 2, 3, 4, 5], "in place: same ids")
check(len({row[10] for row in after["articles"]}) == 1, "one extractor version left")
run("build", "-q", "-o", p("raw.graphml"), seeds)
run("build", "-q", "-o", p("store.graphml"), p("seeds.sqlite"))
check(data(p("raw.graphml")) == data(p("store.graphml")), "the re-extracted store builds as the articles")

# 9. rank --per: each period ranked on the network of its articles alone, as build --since --until gives it
ss = p("seeds.sqlite")
r = run("rank", ss, "--by", "degree", "--per", "year", "--format", "tsv")
check(r.returncode == 0 and r.stdout.startswith("period\tkey\tlabel\ttype\tscore\trank\n"), "rank --per tsv: %s" % r.stderr)
rows = [l.split("\t") for l in r.stdout.splitlines()[1:]]
years = sorted({row[0] for row in rows})
check(years == sorted({a["date"][:4] for a in lines if a["date"][:1].isdigit()}), "one period per year: %r" % years)
for y in years:
    run("build", "-q", "--since", y, "--until", y, "-o", p("y.graphml"), seeds)
    want = [l.split("\t") for l in run("rank", p("y.graphml"), "--by", "degree", "--format", "tsv").stdout.splitlines()[1:]]
    got = [row[1:5] for row in rows if row[0] == y]
    check(got == want, "rank --per year %s == rank of build --since %s --until %s" % (y, y, y))
    check([int(row[5]) for row in rows if row[0] == y] == list(range(1, len(want) + 1)), "ranks 1..n in %s" % y)
r = run("rank", ss, "--by", "pagerank", "--per", "quarter", "--top", "1", "--format", "json")
j = json.loads(r.stdout)
check(j["per"] == "quarter" and all(set(x) == {"period", "key", "label", "type", "score", "rank"} for x in j["rows"])
      and len({x["period"] for x in j["rows"]}) == len(j["rows"]), "rank --per quarter --top 1 json: %r" % j)
r = run("rank", ss, "--by", "degree", "--since", "2023", "--until", "2023", "--format", "tsv")
run("build", "-q", "--since", "2023", "--until", "2023", "-o", p("y.graphml"), seeds)
check(r.stdout == run("rank", p("y.graphml"), "--by", "degree", "--format", "tsv").stdout, "rank STORE --since --until")
r = run("rank", "exports/seeds.graphml", "--by", "degree", "--per", "year")
check(r.returncode == 2 and "need a STORE" in r.stderr, "--per on a GraphML is a usage error: %s" % r.stderr)
r = run("stats", ss)
check(r.returncode == 0 and "nodes" in r.stdout, "every query reads a store: %s" % r.stderr)

# 11. a corrected page under the same name replaces the old body, in place
os.makedirs(p("edit"))
for f in sorted(os.listdir(os.path.join(src, seeds))):
    shutil.copy(os.path.join(src, seeds, f), p("edit/" + f))
run("add", "-q", p("edit.sqlite"), p("edit"))
target = p("edit/" + sorted(os.listdir(p("edit")))[1])
with open(target, "a", encoding="utf-8") as f:
    f.write("\nTham dự có đồng chí Nguyễn Văn Mới, Bí thư Đảng ủy phường Bến Nghé.\n")
r = run("add", p("edit.sqlite"), p("edit"))
check(r.returncode == 0 and "1 updated (a new body under a known name)" in r.stderr
      and "it replaces the old one" in r.stderr, "an edited file is an update: %s" % r.stderr)
run("build", "-q", "-o", p("raw.graphml"), p("edit"))
run("build", "-q", "-o", p("store.graphml"), p("edit.sqlite"))
check(data(p("raw.graphml")) == data(p("store.graphml")), "the store builds as the files read now")
db = sqlite3.connect("file:%s?mode=ro" % p("edit.sqlite"), uri=True)
check([r[0] for r in db.execute("select id from articles order by id")] == [1, 2, 3, 4, 5], "in place: same ids")
check(db.execute("select count(*) from articles_fts where articles_fts match '\"Nguyễn Văn Mới\"'").fetchone()[0] == 1,
      "the full-text index has the new body")
db.close()

# 12. nothing to add is a failure, and a first add that fails leaves no store behind
with open(p("bad.jsonl"), "w") as f:
    f.write("not json\n")
r = run("add", p("none.sqlite"), p("bad.jsonl"))
check(r.returncode == 1 and "no input gave an article" in r.stderr and not os.path.exists(p("none.sqlite")),
      "add of only malformed lines: exit 1, no store made: %s" % r.stderr)
r = run("add", p("seeds.sqlite"), p("bad.jsonl"))
check(r.returncode == 1 and os.path.exists(p("seeds.sqlite")), "an existing store is kept: %s" % r.stderr)

# 13. rank --per walks the periods that hold articles, not every period between the first and the last
line = json.loads(open(p("all.jsonl"), encoding="utf-8").readline())
line.update(date="0001-01-01", hash="f" * 32, source="ancient.txt")
with open(p("ancient.jsonl"), "w", encoding="utf-8") as f:
    f.write(json.dumps(line, ensure_ascii=False) + "\n")
shutil.copy(p("seeds.sqlite"), p("ancient.sqlite"))
run("add", "-q", p("ancient.sqlite"), p("ancient.jsonl"))
t0 = time.monotonic()
r = run("rank", p("ancient.sqlite"), "--by", "degree", "--per", "month", "--format", "tsv", timeout=60)
periods = sorted({l.split("\t")[0] for l in r.stdout.splitlines()[1:]})
check(r.returncode == 0 and periods[0] == "0001-01" and len(periods) <= 4, "periods with articles only: %r" % periods)

# 10. a network or a store given as an article is refused, nothing written
for bad, what in ((os.path.join(src, "exports/seeds.graphml"), "a GraphML network"),
                  (os.path.join(src, "exports/seeds.gexf"), "a GEXF network"),
                  (os.path.join(src, "exports/seeds.json"), "a JSON network"),
                  (store, "an SQLite database")):
    for cmd in ("build", "extract"):
        r = run(cmd, "-o", p("refused.out"), bad, seeds)
        said = what in r.stderr and "wardgraph add STORE" in r.stderr
        if cmd == "build" and bad == store:
            said = "is a store: build reads one store alone, or articles" in r.stderr
        check(r.returncode == 2 and said and not os.path.exists(p("refused.out")),
              "%s refuses %s: %s" % (cmd, bad, r.stderr))

# 11. JSONL lines without "hash" are refused, never taken for copies of the first one
with open(p("all.jsonl"), encoding="utf-8") as f:
    lines = [json.loads(l) for l in f if l.strip()][:3]
with open(p("nohash.jsonl"), "w", encoding="utf-8") as f:
    for d in lines:
        d.pop("hash", None)
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
r = run("add", p("nohash.sqlite"), p("nohash.jsonl"))
check(r.returncode == 1 and "no content hash" in r.stderr and "kept as a copy" not in r.stderr,
      "add refuses JSONL articles without a hash: %s" % r.stderr)

# 12. a store locked by another process is said to be locked, not "not a wardgraph store (not an error)"
shutil.copy(store, p("locked.sqlite"))
holder = subprocess.Popen([sys.executable, "-c", "import sqlite3, sys, time\n"
                           "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                           "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(30)",
                           p("locked.sqlite")], stdout=subprocess.PIPE, text=True)
holder.stdout.readline()
r = run("build", "-o", p("locked.graphml"), p("locked.sqlite"))
holder.kill()
holder.wait()
check(r.returncode == 1 and "locked by another process" in r.stderr, "a locked store is said so: %s" % r.stderr)

# 13. the parts Spark and Hadoop write (part-00000: no extension) are read as JSONL, not as one article
shutil.copy(p("all.jsonl"), p("part-00000"))
r = run("build", "-q", "-o", p("part.graphml"), p("part-00000"))
check(r.returncode == 0 and data(p("part.graphml")) == data(p("jsonl.graphml")),
      "build of part-00000 == build of the same JSONL: %s" % r.stderr)

suite.done()
