"""The page `wardgraph view` writes, opened in headless Chromium (Debian's
chromium): a screenshot whose pixels show the four type colours on the
canvas (the side panel hidden, so the legend's swatches cannot count), and
scripts that drive the page's own controls (the search box typed into
without accents, the type checkboxes, the weight and time sliders) with the
DOM dumped afterwards. A generated network of 10^4 nodes must draw too.

Exit 77 (reported as skipped, never passed) when Chromium is not installed
or cannot start here; any failure of the page itself fails.

usage: test_view_page.py WARDGRAPH SOURCE_DIR SCRATCH_DIR
"""
import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import time
import zlib

exe, src, scratch = sys.argv[1], sys.argv[2], os.path.abspath(os.path.join(sys.argv[3], "view"))
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
failures = 0
checks = 0


def check(cond, what):
    global failures, checks
    checks += 1
    if not cond:
        failures += 1
        print("FAIL:", what)


def run(args, **kw):
    return subprocess.run(args, cwd=src, capture_output=True, text=True, **kw)


# ---- the page, without a browser ----
graph = os.path.join(scratch, "seeds.graphml")
r = run([exe, "build", "--quiet", "-o", graph, "tests/corpus/seeds"])
check(r.returncode == 0, "build: " + r.stderr)
page = os.path.join(scratch, "seeds.html")
r = run([exe, "view", graph, "-o", page])
check(r.returncode == 0 and "wrote " + page in r.stderr, "view: %d %s" % (r.returncode, r.stderr))
with open(page, encoding="utf-8") as f:
    text = f.read()
check(text.startswith("<!DOCTYPE html>") and "<title>seeds</title>" in text, "an HTML page titled by the graph")
# self-contained: nothing to fetch (no src/href to a URL, no fetch or XHR)
check(not re.search(r'\b(src|href)\s*=\s*["\']?(https?:)?//', text), "no external resource")
check(not re.search(r"\bfetch\s*\(|XMLHttpRequest|importScripts|\bimport\s*\(", text), "no network call in the code")
data = json.loads(re.search(r'<script type="application/json" id="wg-data">(.*?)</script>', text, re.S).group(1))
# the reference: this build's graphology JSON
r = run([exe, "build", "--quiet", "--format", "json", "tests/corpus/seeds"])
ref = json.loads(r.stdout)
check(data["nodes"]["count"] == len(ref["nodes"]) and data["edges"]["count"] == len(ref["edges"]),
      "the page carries every node and edge")
check(data["nodes"]["key"] == [n["key"] for n in ref["nodes"]], "node keys in order")
check(data["nodes"]["columns"]["label"] == [n["attributes"]["label"] for n in ref["nodes"]], "labels")
check(data["nodes"]["color"] == [n["attributes"]["color"] for n in ref["nodes"]], "colours")
check(data["nodes"]["columns"]["x"] == [n["attributes"]["x"] for n in ref["nodes"]], "layout x")
keys = data["nodes"]["key"]
ref_pairs = sorted(tuple(sorted((e["source"], e["target"]))) for e in ref["edges"])
page_pairs = sorted(tuple(sorted((keys[s], keys[t]))) for s, t in zip(data["edges"]["source"], data["edges"]["target"]))
check(page_pairs == ref_pairs, "edges join the same nodes")

# a label that tries to end the script element stays data
tricky = os.path.join(scratch, "tricky.graphml")
with open(tricky, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
            '<key id="l" for="node" attr.name="label" attr.type="string"/>'
            '<graph edgedefault="undirected"><node id="a"><data key="l">&lt;/script&gt;&lt;!-- x \u2028</data></node>'
            '<node id="b"/><edge source="a" target="b"/></graph></graphml>\n')
r = run([exe, "view", tricky, "--title", "<b>&"])
check(r.returncode == 0, "view of a graph without layout: " + r.stderr)
m = re.search(r'<script type="application/json" id="wg-data">(.*?)</script>', r.stdout, re.S)
check(m and json.loads(m.group(1))["nodes"]["columns"]["label"][0] == "</script><!-- x \u2028",
      "a label with </script> is escaped")
check("<title>&lt;b&gt;&amp;</title>" in r.stdout, "the title is HTML-escaped")
r = run([exe, "view"])
check(r.returncode == 2 and "no GRAPH given" in r.stderr, "view without GRAPH is a usage error")
r = run([exe, "view", os.path.join(scratch, "missing.graphml"), "-o", os.path.join(scratch, "x.html")])
check(r.returncode == 1 and not os.path.exists(os.path.join(scratch, "x.html")), "a missing GRAPH fails, no page")

# ---- Chromium ----
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
if not chromium:
    print("SKIP: chromium is not installed (apt-get install chromium): the page was not drawn")
    print("%d passed, %d failed" % (checks - failures, failures))
    sys.exit(1 if failures else 77)
profile = os.path.join(scratch, "profile")
BASE = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
        "--user-data-dir=" + profile, "--hide-scrollbars", "--force-device-scale-factor=1",
        # no network: a page that needed one would show it
        "--host-resolver-rules=MAP * ~NOTFOUND"]


def chrome(args, timeout=120):
    return subprocess.run(BASE + args, capture_output=True, text=True, timeout=timeout)


def page_copy(name, head="", body=""):
    """The page with test code added: CSS in <head>, a script before </body>."""
    out = os.path.join(scratch, name)
    t = text.replace("</head>", head + "</head>", 1)
    t = t[: t.rindex("</body>")] + body + t[t.rindex("</body>"):]
    with open(out, "w", encoding="utf-8") as f:
        f.write(t)
    return "file://" + out


probe = os.path.join(scratch, "probe.html")
with open(probe, "w") as f:
    f.write("<!DOCTYPE html><p id=x></p><script>document.getElementById('x').textContent='ran'+(1+1)</script>")
try:
    r = chrome(["--dump-dom", "file://" + probe], timeout=60)
    ok = r.returncode == 0 and "ran2" in r.stdout
except (OSError, subprocess.TimeoutExpired) as e:
    r, ok = None, False
if not ok:
    print("SKIP: chromium cannot run here:", (r.stderr[-500:] if r else "timeout"))
    print("%d passed, %d failed" % (checks - failures, failures))
    sys.exit(1 if failures else 77)


def read_png(path):
    """(width, height, rows of (r, g, b)) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as f:
        raw = f.read()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w = 8, b"", 0
    while pos < len(raw):
        n, kind = struct.unpack(">I4s", raw[pos:pos + 8])
        body = raw[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and not interlace, "unexpected PNG format"
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    px, stride, prev, rows = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
    for y in range(h):
        ft, line = px[y * (stride + 1)], bytearray(px[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, bpp)])
        prev = line
    return w, h, rows


# 1. the screenshot: every type's colour is drawn on the canvas
type_color = {}
for n in ref["nodes"]:
    type_color.setdefault(n["attributes"]["entity_type"], n["attributes"]["color"])
check(sorted(type_color) == ["committee", "official", "project", "ward"], "four types in the sample")
url = page_copy("shot.html", head="<style>#side, #zoom { display: none !important; }</style>")
shot = os.path.join(scratch, "shot.png")
t0 = time.time()
r = chrome(["--window-size=1000,700", "--virtual-time-budget=5000", "--screenshot=" + shot, url])
check(r.returncode == 0 and os.path.exists(shot), "screenshot: " + r.stderr[-500:])
if os.path.exists(shot):
    w, h, rows = read_png(shot)
    counts = {}
    for row in rows:
        for p in row:
            counts[p] = counts.get(p, 0) + 1
    for typ, c in sorted(type_color.items()):
        rgb = tuple(int(c[i:i + 2], 16) for i in (1, 3, 5))
        check(counts.get(rgb, 0) >= 20, "the %s colour %s covers %d pixels" % (typ, c, counts.get(rgb, 0)))
    white = counts.get((255, 255, 255), 0)
    check(0.3 * w * h < white < w * h, "a white background with a drawing on it (%d of %d white)" % (white, w * h))
    print("screenshot %dx%d in %.1f s: %s" % (w, h, time.time() - t0, ", ".join(
        "%s %d px" % (t, counts.get(tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)), 0)) for t, c in sorted(type_color.items()))))

# 2. the controls, driven through their own events; results written as JSON into the DOM
DRIVE = """<script>
window.addEventListener('load', function () { setTimeout(function () {
  var out = {}, s = document.getElementById('search'), b = document.body;
  function type(q) { s.value = q; s.dispatchEvent(new Event('input')); }
  function slide(id, v) { var x = document.getElementById(id); x.value = String(v); x.dispatchEvent(new Event('input')); }
  type('to thi bich chau');
  out.first = (document.querySelector('#results li') || {}).getAttribute ? document.querySelector('#results li').getAttribute('data-key') : null;
  out.matches = +b.getAttribute('data-matches');
  s.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));
  out.selected = b.getAttribute('data-selected');
  out.info = document.getElementById('info-label').textContent;
  out.fields = document.getElementById('info-fields').textContent;
  out.neighbours = document.querySelectorAll('#info-neighbours li').length;
  type('PHUONG cau kho');
  out.ward = document.querySelector('#results li').getAttribute('data-key');
  type('zzzz qqq');
  out.none = +b.getAttribute('data-matches');
  out.all = document.getElementById('counts').textContent;
  var box = document.querySelector('#legend li[data-type=official] input');
  box.checked = false; box.dispatchEvent(new Event('change'));
  out.noOfficials = document.getElementById('counts').textContent;
  box.checked = true; box.dispatchEvent(new Event('change'));
  slide('weight', document.getElementById('weight').max);
  out.heavy = document.getElementById('counts').textContent;
  slide('weight', 1);
  out.timeShown = !document.getElementById('time').hidden;
  slide('to', 0);
  out.early = document.getElementById('counts').textContent;
  out.toDate = document.getElementById('to-value').textContent;
  out.drawMs = +b.getAttribute('data-draw-ms');
  var pre = document.createElement('pre'); pre.id = 'test-out'; pre.textContent = JSON.stringify(out);
  b.appendChild(pre);
}, 0); });
</script>"""


def drive(url, budget=5000, timeout=120):
    r = chrome(["--window-size=1000,700", "--virtual-time-budget=%d" % budget, "--dump-dom", url], timeout=timeout)
    m = re.search(r'<pre id="test-out">(.*?)</pre>', r.stdout, re.S)
    if not m:
        check(False, "the page script did not finish: " + r.stderr[-800:])
        return None
    return json.loads(html.unescape(m.group(1)))


out = drive(page_copy("drive.html", body=DRIVE))
if out:
    chau = [n for n in ref["nodes"] if n["attributes"]["label"] == "Tô Thị Bích Châu"]
    check(chau and out["first"] == chau[0]["key"], "search without accents finds Tô Thị Bích Châu: %r" % out["first"])
    check(out["matches"] == 1, "one match: %r" % out["matches"])
    check(chau and out["selected"] == chau[0]["key"] and out["info"] == "Tô Thị Bích Châu", "Enter selects it: %r" % out)
    check("Bí thư Quận ủy Quận 1" in out["fields"] and "mentions7" in out["fields"].replace(" ", ""),
          "details show titles and mentions: %r" % out["fields"])
    check("meetings3:" in out["fields"].replace(" ", ""), "details list its 3 meetings: %r" % out["fields"])
    check(out["neighbours"] == 17, "17 neighbours listed: %r" % out["neighbours"])
    check(out["ward"] and out["ward"].startswith("ward:phường-cầu-kho"), "upper case, no accents: %r" % out["ward"])
    check(out["none"] == 0, "no match for nonsense")
    n_off = sum(1 for n in ref["nodes"] if n["attributes"]["entity_type"] == "official")
    N, M = len(ref["nodes"]), len(ref["edges"])
    check(out["all"] == "%d of %d nodes, %d of %d edges shown" % (N, N, M, M), "counts: %r" % out["all"])
    check(out["noOfficials"].startswith("%d of %d nodes" % (N - n_off, N)), "type filter: %r" % out["noOfficials"])
    maxw = max(e["attributes"]["weight"] for e in ref["edges"])
    heavy = sum(1 for e in ref["edges"] if e["attributes"]["weight"] >= maxw)
    check(out["heavy"].endswith("%d of %d edges shown" % (heavy, M)), "weight filter: %r" % out["heavy"])
    check(out["timeShown"], "the time slider is shown for a dated graph")
    dated = sorted({d for n in ref["nodes"] for d in n["attributes"].get("dates", "").split(";")
                    if re.match(r"^\d{4}-\d{2}-\d{2}$", d)})
    check(out["toDate"] == dated[0], "the slider runs over the meeting dates: %r" % out["toDate"])
    check(out["early"] != out["all"], "an early date range hides later meetings: %r" % out["early"])

# 3. 10^4 nodes. The page's data is made here in the writer's format (see
# src/export/html.c) from a generated network rather than by `view` from a
# GraphML file: igraph's GraphML reader is quadratic under AddressSanitizer,
# and what is measured is the page. No layout: the page places the nodes.
import random
rnd = random.Random(7)
N, TYPES = 10000, [("official", "#e41a1c"), ("ward", "#4daf4a"), ("committee", "#377eb8"), ("project", "#ff7f00")]
pick = [rnd.randrange(4) for _ in range(N)]
pairs = set()
for m in range(6000):  # meetings of 2 to 6 entities, a few hubs
    members = {rnd.randrange(N)} | {int(N * rnd.random() ** 3) for _ in range(rnd.randint(1, 5))}
    ms = sorted(members)
    pairs.update((ms[i], ms[j]) for i in range(len(ms)) for j in range(i + 1, len(ms)))
pairs = sorted(pairs)
bigdata = {"title": "big", "nodes": {"count": N, "key": ["%s:n%d" % (TYPES[t][0], i) for i, t in enumerate(pick)],
                                     "color": [TYPES[t][1] for t in pick],
                                     "columns": {"label": ["node %d" % i for i in range(N)],
                                                 "type": [TYPES[t][0] for t in pick],
                                                 "mentions": [1 + int(20 * rnd.random() ** 4) for _ in range(N)],
                                                 "dates": ["2024-%02d-%02d" % (1 + i % 12, 1 + i % 28) for i in range(N)]}},
           "edges": {"count": len(pairs), "source": [u for u, _ in pairs], "target": [v for _, v in pairs],
                     "columns": {"weight": [1 + (u * v) % 3 for u, v in pairs]}}}
m = [None, None, str(len(pairs))]
text = re.sub(r'(<script type="application/json" id="wg-data">).*?(</script>)',
              lambda g: g.group(1) + json.dumps(bigdata, ensure_ascii=False).replace("<", "\\u003c") + g.group(2),
              text, count=1, flags=re.S)
PERF = """<script>
window.addEventListener('load', function () { setTimeout(function () {
  var b = document.body, s = document.getElementById('search'), t0 = performance.now();
  s.value = '4242'; s.dispatchEvent(new Event('input'));
  var out = {ready: b.getAttribute('data-ready'), counts: document.getElementById('counts').textContent,
             first: document.querySelector('#results li').getAttribute('data-key'), matches: +b.getAttribute('data-matches'),
             drawMs: +b.getAttribute('data-draw-ms'), searchMs: performance.now() - t0};
  var pre = document.createElement('pre'); pre.id = 'test-out'; pre.textContent = JSON.stringify(out);
  b.appendChild(pre);
}, 0); });
</script>"""
t0 = time.time()
out = drive(page_copy("big-drive.html", body=PERF), budget=20000, timeout=300)
elapsed = time.time() - t0
if out and m:
    check(out["ready"] == "1" and out["counts"].startswith("10000 of 10000 nodes, %s of %s edges" % (m[2], m[2])),
          "10^4 nodes drawn: %r" % out)
    check(out["first"].endswith(":n4242") and out["matches"] == 1, "search in 10^4 nodes: %r" % out)
    check(elapsed < 120, "opening 10^4 nodes took %.1f s" % elapsed)
    print("10^4 nodes, %s edges: page %.1f MB, opened and searched in %.1f s (one frame %d ms)"
          % (m[2], len(text) / 1e6, elapsed, out["drawMs"]))

print("view page: %d checks" % checks)
print("%d passed, %d failed" % (checks - failures, failures))
sys.exit(1 if failures else 0)
