"""What the store's tests share (test_store.py, test_distributed.py): the
check counter, running wardgraph, and reading a store as data."""
import os
import shutil
import sqlite3
import subprocess
import sys


class Checks:
    def __init__(self, name):
        self.exe, self.src = sys.argv[1], sys.argv[2]
        self.scratch = os.path.join(sys.argv[3], name)
        self.name, self.checks, self.failures = name, 0, 0
        shutil.rmtree(self.scratch, ignore_errors=True)
        os.makedirs(self.scratch)

    def check(self, ok, what):
        self.checks += 1
        if not ok:
            self.failures += 1
            print("FAIL:", what)

    def run(self, *args, timeout=600):
        return subprocess.run([self.exe, *args], capture_output=True, text=True, timeout=timeout, cwd=self.src)

    def path(self, name):
        return os.path.join(self.scratch, name)

    def done(self):
        print("%s: %d checks passed, %d failed" % (self.name, self.checks - self.failures, self.failures))
        sys.exit(1 if self.failures else 0)


def data(path):
    with open(path, "rb") as f:
        return f.read()


def sql(path, *statements):
    """Runs statements on a store (a writer that is not wardgraph)."""
    db = sqlite3.connect(path)
    for s in statements:
        db.execute(s)
    db.commit()
    db.close()


def dump(path):
    """Every table of the store, opened read-only, in order: what must not change."""
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    tables = [r[0] for r in db.execute(
        "select name from sqlite_master where type = 'table' and name not like 'articles_fts%' order by name")]
    out = {t: db.execute("select * from %s order by 1, 2" % t).fetchall() for t in tables}
    out["fts"] = db.execute("select rowid, title, body from articles_fts order by rowid").fetchall()
    db.close()
    return out
