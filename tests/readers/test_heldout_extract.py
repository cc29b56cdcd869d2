"""Held-out evaluation of `wardgraph extract` on articles written for it.

tests/corpus/synthetic/ (20 articles) and tests/corpus/heldout/ (16) were
invented for evaluation, each set with its gold (tests/corpus/NAME.gold.json)
following SPEC.md. The heldout set was written apart from the checkout and
scored before any rule could be tuned on it (entity F1 0.950 then); the
synthetic set was later used in unit tests of the officials rules.
This scores the extraction with the same matching rules as the project's
reference scorer (names after NFC, case folding and tone normalisation; a
project's leading trigger word dropped; `optional` gold entities neither
counted when missed nor when found; titles matched with or without a scope
resolved from context; pairwise cross-article merges on gold `id` versus
predicted `key`), prints per-type precision / recall / F1, titles, roles,
dates, bylines and merge precision / recall, lists the errors, and fails
when entity micro F1 or merge precision is below the thresholds below.

usage: test_heldout_extract.py WARDGRAPH SOURCE_DIR SCRATCH_DIR
"""
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

# Floors, not targets: raise them as the extractor improves so that a
# regression on articles nobody tuned on fails the suite. Per set: the
# entity micro F1 it must keep (measured when committed: synthetic 0.981,
# heldout 0.950).
MIN_ENTITY_F1 = {"synthetic": 0.95, "heldout": 0.92}
# Two different people or bodies must never share a key (e.g. the two
# Nguyễn Văn Hùng of Quảng Trị and Cà Mau, the bare Thành ủy of two cities).
MIN_MERGE_PRECISION = 1.0

TYPES = ["official", "ward", "committee", "project"]
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
PROJECT_TRIGGERS = ["dự án", "công trình", "đề án", "chương trình", "mô hình",
                    "phong trào", "cuộc vận động", "khu đô thị"]
# A title without a resolved scope matches the gold title with it when the
# shorter one ends at one of these organ or unit words.
SCOPE_END = {"ủy", "ubnd", "hđnd", "mttq", "huyện", "tỉnh", "quận", "phường",
             "xã", "trấn", "phố", "dân", "quốc"}


def move_tone(word):
    """Old tone placement (`uỷ`, `hoà`) -> the keys' one (`ủy`, `hòa`)."""
    d = list(unicodedata.normalize("NFD", word))
    marks = [i for i, c in enumerate(d) if c in TONES]
    if len(marks) != 1:
        return word
    low = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES)).lower()
    if not any(low.endswith(p) for p in ("oa", "oe", "uy")) or low.endswith("quy"):
        return word
    letters = [i for i, c in enumerate(d) if unicodedata.category(c)[0] == "L"]
    if len(letters) < 2 or marks[0] < letters[-1]:
        return word
    mark = d.pop(marks[0])
    j = letters[-2] + 1
    while j < len(d) and unicodedata.combining(d[j]) and d[j] not in TONES:
        j += 1
    d.insert(j, mark)
    return unicodedata.normalize("NFC", "".join(d))


def norm(s, project=False):
    s = unicodedata.normalize("NFC", s or "").replace("\u00a0", " ")
    s = re.sub(r"[\u201c\u201d\"'«»]", " ", s)
    s = re.sub(r"\s+", " ", s).strip(" .,;:–-").strip()
    s = " ".join(move_tone(w) for w in s.split(" ")).casefold()
    if project:
        for t in PROJECT_TRIGGERS:
            if s.startswith(t + " "):
                return s[len(t) + 1:].strip()
    return s


def same_title(a, b):
    short, long_ = sorted((a, b), key=len)
    return a == b or (long_.startswith(short + " ") and short.rsplit(" ", 1)[-1] in SCOPE_END)


def title_counts(gold, pred):
    left, tp = list(gold), 0
    for t in pred:
        hit = next((g for g in left if same_title(t, g)), None)
        if hit is not None:
            left.remove(hit)
            tp += 1
    return tp, len(pred) - tp, len(left)


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def as_list(x):
    return x if isinstance(x, list) else [x]


def score(gold, preds):
    counts = {t: [0, 0, 0] for t in TYPES}
    roles, titles, dates, bylines = [0, 0, 0], [0, 0, 0], 0, 0
    matched, errors = [], []
    for art in gold["articles"]:
        f, p = art["file"], preds.get(art["file"])
        if p is None:
            errors.append(f"{f}: no prediction")
            p = {}
        if (p.get("date") or "") in as_list(art.get("date", "")):
            dates += 1
        else:
            errors.append(f"{f}: date {p.get('date')!r}, gold {art.get('date')!r}")
        if norm(p.get("byline") or "") in {norm(b) for b in as_list(art.get("byline", ""))}:
            bylines += 1
        else:
            errors.append(f"{f}: byline {p.get('byline')!r}, gold {art.get('byline')!r}")
        for t in TYPES:
            gold_t = [g for g in art["entities"] if g["type"] == t]
            names = [{norm(n, t == "project") for n in [g["name"]] + g.get("aliases", [])} for g in gold_t]
            used = set()
            for e in (x for x in p.get("entities", []) if x.get("type") == t):
                n = norm(e.get("name", ""), t == "project")
                hit = next((i for i in range(len(gold_t)) if i not in used and n in names[i]), None)
                if hit is None:  # includes a second prediction of one gold entity
                    counts[t][1] += 1
                    errors.append(f"{f}: FP {t} {e.get('name')!r}")
                    continue
                used.add(hit)
                g = gold_t[hit]
                if g.get("optional"):
                    continue
                counts[t][0] += 1
                matched.append((f, g["id"], e.get("key")))
                if t != "official":
                    continue
                gr, pr = set(g.get("roles", [])), set(e.get("roles") or [])
                roles = [roles[0] + len(gr & pr), roles[1] + len(pr - gr), roles[2] + len(gr - pr)]
                gt = sorted({norm(x) for x in g.get("titles") or []}, key=len, reverse=True)
                pt = sorted({norm(x) for x in e.get("titles") or []}, key=len, reverse=True)
                tc = title_counts(gt, pt)
                if g.get("titles", []) is not None:
                    titles = [x + y for x, y in zip(titles, tc)]
                if gr != pr or (g.get("titles", []) is not None and tc[1:] != (0, 0)):
                    errors.append(f"{f}: {g['name']}: roles {sorted(pr)}, gold {sorted(gr)}; "
                                  f"titles {pt}, gold {gt}")
            for i, g in enumerate(gold_t):
                if i not in used and not g.get("optional"):
                    counts[t][2] += 1
                    errors.append(f"{f}: FN {t} {g['name']!r}")
    both = gs = ps = 0
    for i, a in enumerate(matched):
        for b in matched[i + 1:]:
            if a[0] == b[0]:
                continue
            same_g, same_p = a[1] == b[1], a[2] is not None and a[2] == b[2]
            gs += same_g
            ps += same_p
            both += same_g and same_p
            if same_p and not same_g:
                errors.append(f"{a[0]}/{b[0]}: wrong merge {a[1]} + {b[1]} under {a[2]}")
    n = len(gold["articles"])
    return dict(counts=counts, roles=roles, titles=titles, errors=errors,
                merge=(both / ps if ps else 1.0, both / gs if gs else 1.0, gs, ps),
                dates=dates / n if n else 1.0, bylines=bylines / n if n else 1.0)


def evaluate(exe, src, name):
    files = sorted(glob.glob(os.path.join(src, "tests", "corpus", name, "*.txt")))
    gold = json.load(open(os.path.join(src, "tests", "corpus", name + ".gold.json"), encoding="utf-8"))
    print(f"== {name}: {len(files)} articles")
    if len(files) != len(gold["articles"]) or not files:
        print(f"FAIL: {len(files)} articles, {len(gold['articles'])} in the gold")
        return False
    run = subprocess.run([exe, "extract", "--quiet"] + files, capture_output=True, text=True)
    if run.returncode != 0:
        print(f"FAIL: wardgraph extract exited {run.returncode}\n{run.stderr}")
        return False
    preds = {}
    for line in run.stdout.splitlines():
        if line.strip():
            obj = json.loads(line)
            preds[os.path.basename(obj.get("source", ""))] = obj
    r = score(gold, preds)
    for e in r["errors"]:
        print(e)
    print(f"\n{'type':<10} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    tot = [0, 0, 0]
    for t in TYPES:
        tp, fp, fn = r["counts"][t]
        tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
        print(f"{t:<10} {prf(tp, fp, fn)[0]:6.3f} {prf(tp, fp, fn)[1]:6.3f} {prf(tp, fp, fn)[2]:6.3f}  {tp:3d} {fp:3d} {fn:3d}")
    micro = prf(*tot)
    print(f"{'all':<10} {micro[0]:6.3f} {micro[1]:6.3f} {micro[2]:6.3f}")
    for k in ("titles", "roles"):
        print(f"{k:<10} {prf(*r[k])[0]:6.3f} {prf(*r[k])[1]:6.3f} {prf(*r[k])[2]:6.3f}")
    mp, mr, gs, ps = r["merge"]
    print(f"merge      P {mp:.3f} R {mr:.3f} ({gs} gold pairs, {ps} predicted)")
    print(f"dates {r['dates']:.3f}  bylines {r['bylines']:.3f}")
    ok = True
    if micro[2] < MIN_ENTITY_F1[name]:
        print(f"FAIL: {name}: entity micro F1 {micro[2]:.3f} < {MIN_ENTITY_F1[name]}")
        ok = False
    if mp < MIN_MERGE_PRECISION:
        print(f"FAIL: {name}: merge precision {mp:.3f} < {MIN_MERGE_PRECISION}")
        ok = False
    return ok


def main():
    exe, src = sys.argv[1], sys.argv[2]
    ok = all([evaluate(exe, src, name) for name in MIN_ENTITY_F1])
    print("ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
