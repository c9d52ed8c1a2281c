#!/usr/bin/env bash
# Builds the seed corpora fuzz/corpus/<target>/ from the repository's own data:
# the conformance vectors (tests/vectors/*.json, their "input"), the examples,
# and the built-in rubrics (spbe-core/rubrics/*.json). Safe to run again: seeds
# are rewritten under fixed names, and inputs the fuzzer added are kept.
# Needs only python3.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - "$@" <<'PY'
import base64, glob, json, os, struct, sys
from pathlib import Path

ROOT = Path(".")
OUT = ROOT / "fuzz" / "corpus"
RUBRICS = {}
for p in sorted(glob.glob("spbe-core/rubrics/*.json")):
    spec = json.load(open(p, encoding="utf-8"))
    RUBRICS[spec["id"]] = (p, spec)

counts = {}
def put(target, name, data):
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (d / name).write_bytes(data)
    counts[target] = counts.get(target, 0) + 1

def indicators(spec):
    """(id, repeatable, items max) in rubric order."""
    aspects = ([a for d in spec["domains"] for a in d["aspects"]]
               if spec.get("domains") else spec.get("aspects", []))
    out = []
    for a in aspects:
        for i in a["indicators"]:
            items = i.get("items")
            out.append((i["id"], items is not None, (items or {}).get("max", 1)))
    return out

def scale_range(spec):
    lv = [l["level"] for s in spec["scales"] for l in s["levels"]]
    return min(lv), max(lv)

# ---------------------------------------------------------------- vectors
def b64(s):
    return base64.urlsafe_b64encode(s.encode("utf-8")).decode().rstrip("=")

def code(v):
    """One value as a vector code, or None if it has no canonical code."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int) or (isinstance(v, float) and v.is_integer()):
        v = int(v)
        return str(v) if 0 <= v <= 9 else None
    t = repr(v) if isinstance(v, float) else str(v).strip()
    ok = all(c.isdigit() or c in "./" for c in t) and t.count(".") + t.count("/") == 1
    return "v" + t.replace(".", "p").replace("/", "s") + "v" if ok else None

def level_codes(spec, m):
    out = []
    for iid, rep, _ in indicators(spec):
        v = m.get(iid)
        if v is None:
            out.append("_")
        elif isinstance(v, list):
            if not rep or not 1 <= len(v) <= 9 or not all(isinstance(x, int) and 0 <= x <= 9 for x in v):
                return None
            out.append("~%d%s" % (len(v), "".join(map(str, v))))
        else:
            c = code(v)
            if c is None:
                return None
            out.append(c)
    return "".join(out)

def to_vector(a):
    """A compact vector of an assessment, or None where it has none."""
    if not isinstance(a, dict) or a.get("rubric") not in RUBRICS:
        return None
    spec = RUBRICS[a["rubric"]][1]
    segs = [a["rubric"]]
    if isinstance(a.get("year"), int):
        segs.append("Y%d" % a["year"])
    if isinstance(a.get("institution"), str):
        segs.append("N" + b64(a["institution"]))
    if isinstance(a.get("levels"), dict):
        c = level_codes(spec, a["levels"])
        if c is None:
            return None
        segs.append("L" + c)
    elif isinstance(a.get("tracks"), dict):
        for tag, name in zip("MDIVT", ["mandiri", "dokumen", "interviu", "visitasi", "target"]):
            if name in a["tracks"]:
                c = level_codes(spec, a["tracks"][name])
                if c is None:
                    return None
                segs.append(tag + c)
    else:
        return None
    for k, note in sorted((a.get("notes") or {}).items()):
        segs.append("C%s~%s" % (k, b64(note)))
    for k, refs in sorted((a.get("evidence") or {}).items()):
        segs.append("E%s%s" % (k, "".join("~" + b64(r) for r in refs)))
    # SPBE2 only when a level code holds a value that is not whole ('v...v')
    prefix = "SPBE2" if any(s[:1] in "LMDIVT" and "v" in s[1:] for s in segs[1:]) else "SPBE1"
    return ".".join([prefix] + segs)

# ---------------------------------------------------------------- batch
def batch_seed(rubric_pos, cell_type, rows, opt, levels_rows, spec):
    """Header (edition, cell type, rows, options) and cells such that the
    target decodes them to the given levels (i64/u8/f64: byte = level - lo)."""
    lo, _ = scale_range(spec)
    head = rubric_pos + 3 * cell_type   # threaded when head // 12 % 4 == 0
    cells = bytearray()
    for m in levels_rows:
        for iid, rep, mx in indicators(spec):
            v = m.get(iid)
            vals = v if isinstance(v, list) else ([] if v is None else [v])
            for k in range(mx if rep else 1):
                x = vals[k] if k < len(vals) else None
                if x is None or not isinstance(x, int):
                    cells.append(192 if cell_type in (0,) else (160 if cell_type in (1, 3) else 255))
                else:
                    cells.append(max(0, x - lo))
    # the target reads byte 1 as 0-8 rows below 224, and 56-69 rows from 224 up
    rows_byte = rows if rows < 9 else 224 + (rows - 56)
    return bytes([head, rows_byte, opt]) + bytes(cells)

# ---------------------------------------------------------------- gather
assessments = []
for p in sorted(glob.glob("tests/vectors/*.json")):
    name = Path(p).stem
    v = json.load(open(p, encoding="utf-8"))
    inp = v.get("input")
    if isinstance(inp, str):
        put("parse_score", name + ".vec", inp)
        put("vector", name + ".vec", inp)
        continue
    text = json.dumps(inp, ensure_ascii=False)
    put("parse_score", name + ".json", text)
    assessments.append((name, inp))
for p in sorted(glob.glob("examples/*.json")):
    name = Path(p).stem
    text = open(p, encoding="utf-8").read()
    put("parse_score", name + ".json", text)
    assessments.append((name, json.loads(text)))

for name, a in assessments:
    vec = to_vector(a)
    if vec:
        put("vector", name + ".vec", vec)
        put("parse_score", name + ".vec", vec)

# rubrics: as shipped, and small: descriptive text dropped, names shortened
DROP = {"title_en", "legal_basis", "publication", "status_note", "index_name_en",
        "sources", "anomalies", "short_title", "name_en", "criteria", "summary_en",
        "question", "description", "instansi_pembina", "peran_fungsi", "aliases",
        "source", "kind", "external", "label_en", "default_note", "evidence"}
def small(x):
    if isinstance(x, dict):
        short = {"title": "x", "name": x.get("id", x.get("name"))}
        return {k: (short[k] if k in short else small(v)) for k, v in x.items() if k not in DROP}
    if isinstance(x, list):
        return [small(v) for v in x]
    return x
for rid, (p, spec) in RUBRICS.items():
    put("rubric", rid + ".json", open(p, encoding="utf-8").read())
    put("rubric", rid + "-small.json", json.dumps(small(spec), separators=(",", ":")))
# a custom edition with one domain, one aspect and one repeatable indicator
put("rubric", "tiny.json", json.dumps({
    "id": "tiny", "title": "t", "status": "custom",
    "scales": [{"id": "s", "name": "s", "levels": [{"level": l} for l in range(1, 4)]}],
    "band_bounds": "lower_inclusive",
    "predicates": [{"name": "low", "min": "1", "max": "2"}, {"name": "high", "min": "2", "max": "3"}],
    "domains": [{"id": "1", "name": "d", "weight": "100", "aspects": [{"id": "1", "name": "a", "weight": "100",
        "indicators": [{"id": "1", "name": "i", "weight": "60", "scale": "s"},
                       {"id": "2", "name": "j", "weight": "40", "scale": "s", "items": {"min": 1, "max": 2}}]}]}],
}, separators=(",", ":")))

# batch: every edition x cell type, from the vectors' complete level maps
# (file order is the built-in order, spbe_core::builtin_ids())
for pos, rid in enumerate(RUBRICS):
    spec = RUBRICS[rid][1]
    rows = [a["levels"] for _, a in assessments
            if isinstance(a, dict) and a.get("rubric") == rid and isinstance(a.get("levels"), dict)
            and all(isinstance(x, int) or (isinstance(x, list) and all(isinstance(y, int) for y in x))
                    for x in a["levels"].values())][:6]
    if not rows:
        continue
    for ct in range(4):
        put("batch", "%s-type%d-rows%d.bin" % (rid, ct, len(rows)), batch_seed(pos, ct, len(rows), 0, rows, spec))
        put("batch", "%s-type%d-one-row-missing-lowest.bin" % (rid, ct), batch_seed(pos, ct, 1, 1, rows[:1], spec))
    # 65 rows: more than one block of 64 (the cells of one row, repeated)
    put("batch", "%s-65-rows.bin" % rid, batch_seed(pos, 0, 65, 0, rows[:1], spec))

for t in ("parse_score", "vector", "rubric", "batch"):
    print("fuzz/corpus/%s: %d seeds written" % (t, counts.get(t, 0)))
PY
