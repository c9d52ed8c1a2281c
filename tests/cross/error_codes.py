#!/usr/bin/env python3
"""Error codes agree across surfaces: every rejected input gets the same stable
code from the `spbe` program, the Python package and the wasm build.

    .venv/bin/python tests/cross/error_codes.py            # all cases
    .venv/bin/python tests/cross/error_codes.py -v         # every case with its codes
    .venv/bin/python tests/cross/error_codes.py --only year   # cases whose name contains "year"

Inputs:
1. every conformance vector in tests/vectors/ whose `expect` has an `error`
   (its `input`, its `options`); the expected code is `expect.error`;
2. the EXTRA list below: bad JSON text, shapes, keys, years, values, vectors,
   options, sizes. Where README states the code, it is expected; otherwise
   (expect=None) the surfaces only have to agree with each other.

Each input goes through every form a surface offers:
  cli:file   `spbe score FILE --format json` (+ flags for the options); the code
             is the one in `spbe: error [code]: ...` on stderr (exit 1; a usage
             error of the argument parser, exit 2, has no code and shows as
             `<no code, exit 2>`)
  cli:stdin  the same text on stdin (`spbe score -`)
  cli:arg    a vector given as the argument itself
  py:text    spbe.score(text, **options)                  -> exception .code
  py:object  spbe.score(json.loads(text, parse_float=Decimal), ...) for JSON
             objects and arrays (not for text whose meaning json.loads would
             change, e.g. a duplicated key)
  js:text    score(text, options) in node (tests/cross/score.mjs) -> Error .code
  js:object  score(JSON.parse(text), options), where a JS value can hold it
A scored input shows as `ok`. For the vectors, the `indicator` of the Python
and JS exceptions is compared with `expect.indicator` as well.

Exit status 1 if any input gets two different codes (or a code other than the
expected one); every such disagreement is listed with the code per form.
Runs in ~3-4 s. Environment: SPBE_CLI (default target/release/spbe),
SPBE_WASM_NODE (default spbe-wasm/pkg/node/spbe_wasm.js), node on PATH.

Found when this test was written (2026-11-25) and fixed in the library since,
so each is a regression case here: Python read any string that was not "{..."
or a vector as a path (io_error for "hello", "[1, 2, 3]", "42", "SPBE1"); the
CLI's --year was not range-checked and a bad --missing / --predicate-basis
value had no code; a 19-decimal Python Decimal went as a string
(invalid_level_type instead of non_integer_level); "tracks" (or the whole
assessment) given as a JSON array was read by position.
"""
from __future__ import annotations

import argparse
import decimal
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cross import ROOT, NodeScorer, cli_path, import_spbe, run_cli  # noqa: E402

# ===================================================================== the extra inputs


def full(edition: str, value: Any = None) -> Dict[str, Any]:
    n, v = {"permenpanrb-5-2018": (35, 3), "permenpanrb-59-2020": (47, 3), "permenpanrb-8-2026": (20, 2)}[edition]
    out: Dict[str, Any] = {str(i): (v if value is None else value) for i in range(1, n + 1)}
    if edition == "permenpanrb-5-2018":
        out["35"] = [out["35"]]
    return out


def doc(edition: str = "permenpanrb-59-2020", **over: Any) -> Dict[str, Any]:
    d: Dict[str, Any] = {"rubric": edition, "levels": full(edition)}
    d.update(over)
    return {k: v for k, v in d.items() if v is not DROP}


DROP = object()


def levels_text(edition: str, replace: Dict[str, str], extra: str = "") -> str:
    """JSON text of a full assessment with some values written literally."""
    lv = full(edition)
    parts = [f'"{k}": {replace.get(k, json.dumps(v))}' for k, v in lv.items()]
    return '{"rubric": "%s", "levels": {%s%s}}' % (edition, ", ".join(parts), extra)


def dumps(d: Any) -> str:
    return json.dumps(d, ensure_ascii=False)


E18, E20, E26 = "permenpanrb-5-2018", "permenpanrb-59-2020", "permenpanrb-8-2026"
L20 = "3" * 47
L26 = "2" * 20
FULL20_TEXT = dumps(doc())

# (name, text, options, expected code | "ok" | None for agree-only, {form: False} to skip forms)
Extra = Tuple[str, str, Optional[Dict[str, Any]], Optional[str], Dict[str, bool]]
NO_DICT = {"py:object": False}          # json.loads would not keep what the text says
NO_JS_OBJ = {"js:object": False}        # a JS number cannot hold what the text says


def extras() -> List[Extra]:
    x: List[Extra] = []
    add = lambda name, text, expect, options=None, skip=None: x.append((name, text, options, expect, skip or {}))  # noqa: E731

    # ---- JSON text and shape
    add("json-truncated", '{"rubric": "permenpanrb-59-2020", "levels": {', "malformed_json")
    add("json-trailing-comma", '{"rubric": "permenpanrb-59-2020", "levels": {"1": 3,}}', "malformed_json")
    add("json-single-quotes", "{'rubric': 'permenpanrb-59-2020'}", "malformed_json")
    add("json-trailing-garbage", FULL20_TEXT + " x", "malformed_json")
    add("json-two-documents", FULL20_TEXT + FULL20_TEXT, "malformed_json")
    add("text-not-json", "hello", None)
    add("text-empty", "", None)
    add("text-whitespace-only", " \n\t ", None)
    add("json-top-level-array", "[1, 2, 3]", None)
    add("json-top-level-array-of-assessment", "[" + FULL20_TEXT + "]", None)
    add("json-top-level-number", "42", None)
    add("json-top-level-string", '"SPBE1.permenpanrb-59-2020.L' + L20 + '"', None)
    add("json-top-level-null", "null", None)
    add("json-bom-prefix", "\ufeff" + FULL20_TEXT, None)
    add("json-raw-nul-in-string", FULL20_TEXT[:-1] + ', "institution": "a\x00b"}', "malformed_json", skip=NO_DICT | NO_JS_OBJ)
    add("json-raw-nul-outside-string", FULL20_TEXT[:-1] + "\x00}", "malformed_json", skip=NO_DICT | NO_JS_OBJ)
    add("json-escaped-nul-in-institution", FULL20_TEXT[:-1] + ', "institution": "a\\u0000b"}', None)
    add("json-lone-surrogate-escape", FULL20_TEXT[:-1] + ', "institution": "a\\ud800b"}', None, skip=NO_DICT)
    add("json-deep-nesting", '{"rubric": "permenpanrb-59-2020", "institution": ' + "[" * 100000 + "]" * 100000 + "}", None,
        skip=NO_DICT | NO_JS_OBJ)
    add("json-too-large", '{"rubric": "permenpanrb-59-2020", "institution": "' + "x" * (17 * 1024 * 1024) + '"}', "input_too_large",
        skip=NO_DICT | NO_JS_OBJ)
    add("unknown-field", dumps(doc(colour="red")), "invalid_assessment")
    add("unknown-field-in-tracks-map", dumps(doc(levels=DROP, tracks={"mandiri": full(E20), "reviu": full(E20)})), None)
    add("rubric-missing", dumps(doc(rubric=DROP)), None)
    add("rubric-not-a-string", dumps(doc(rubric=59)), None)
    add("rubric-unknown", dumps(doc(rubric="permenpanrb-1-1999")), "unknown_rubric")
    add("levels-is-a-list", dumps(doc(levels=[3] * 47)), "invalid_assessment")
    add("levels-and-tracks-missing", dumps(doc(levels=DROP)), None)
    add("tracks-empty", dumps(doc(levels=DROP, tracks={})), None)
    # README: tracks is an object keyed by stage; a wrong shape is invalid_assessment
    add("tracks-not-an-object", dumps(doc(levels=DROP, tracks=[full(E20)])), "invalid_assessment")
    add("tracks-positional-list", dumps(doc(levels=DROP, tracks=[{"1": 1}, {"1": 5}])), "invalid_assessment", {"missing": "lowest"})
    add("notes-unknown-indicator", dumps(doc(notes={"99": "x"})), "unknown_indicator")
    add("evidence-not-a-list", dumps(doc(evidence={"1": "Perbup 1/2024"})), None)
    add("evidence-1001-references", dumps(doc(evidence={"1": ["r"] * 1001})), None)
    add("institution-a-number", dumps(doc(institution=5)), None)

    # ---- duplicated keys (text only: json.loads and JSON.parse keep the last)
    add("duplicate-indicator-key", levels_text(E20, {}, ', "1": 4'), "duplicate_indicator", skip=NO_DICT | NO_JS_OBJ)
    add("duplicate-indicator-key-same-value", levels_text(E20, {}, ', "47": 3'), "duplicate_indicator", skip=NO_DICT | NO_JS_OBJ)
    add("duplicate-indicator-key-in-track",
        '{"rubric": "permenpanrb-59-2020", "tracks": {"mandiri": ' + dumps(full(E20))[:-1] + ', "5": 2}}}', "duplicate_indicator",
        skip=NO_DICT | NO_JS_OBJ)
    add("duplicate-indicator-key-in-notes", FULL20_TEXT[:-1] + ', "notes": {"1": "a", "1": "b"}}', "duplicate_indicator",
        skip=NO_DICT | NO_JS_OBJ)
    add("duplicate-top-level-key", FULL20_TEXT[:-1] + ', "rubric": "permenpanrb-59-2020"}', None, skip=NO_DICT | NO_JS_OBJ)
    add("indicator-key-with-leading-zero", dumps(doc(levels={**{k: v for k, v in full(E20).items() if k != "1"}, "01": 3})), None)

    # ---- years (README: a year is 1900-2999, the same on every surface)
    for y in (99999, 1899, 3000, -5, 0):
        add(f"year-{y}", dumps(doc(year=y)), "invalid_assessment")
    add("year-1900", dumps(doc(year=1900)), "ok")
    add("year-2999", dumps(doc(year=2999)), "ok")
    add("year-a-string", dumps(doc(year="2024")), "invalid_assessment")
    add("year-fractional", dumps(doc(year=2024.5)), "invalid_assessment")
    # (not as objects: Decimal("2024.0") goes in as 2024, and JSON.parse makes 2024.0 the number 2024)
    add("year-whole-float", FULL20_TEXT[:-1] + ', "year": 2024.0}', None, skip=NO_DICT | NO_JS_OBJ)
    add("year-2^53+1", FULL20_TEXT[:-1] + ', "year": 9007199254740993}', "invalid_assessment", skip=NO_JS_OBJ)
    add("year-1e400", FULL20_TEXT[:-1] + ', "year": 1e400}', None, skip=NO_DICT | NO_JS_OBJ)

    # ---- values, whole-level editions
    add("2020-level-string", levels_text(E20, {"12": '"3"'}), "invalid_level_type")
    add("2020-level-string-in-dokumen",
        dumps(doc(levels=DROP, tracks={"mandiri": full(E20), "dokumen": {**full(E20), "4": "4"}})), "invalid_level_type")
    add("2020-level-bool", levels_text(E20, {"3": "true"}), "invalid_level_type")
    add("2020-level-object", levels_text(E20, {"3": '{"v": 3}'}), "invalid_level_type")
    add("2020-level-exponent-whole", levels_text(E20, {"3": "30e-1"}), "ok", skip=NO_JS_OBJ)
    add("2020-level-negative-zero", levels_text(E20, {"3": "-0"}), "level_out_of_range")
    add("2020-level-huge-integer", levels_text(E20, {"3": "123456789012345678901234567890"}), "level_out_of_range", skip=NO_JS_OBJ)
    add("2020-level-1e400", levels_text(E20, {"3": "1e400"}), None, skip=NO_DICT | NO_JS_OBJ)
    add("2020-level-0.1e1", levels_text(E20, {"3": "0.1e1"}), "ok", skip=NO_JS_OBJ)
    add("2020-level-3.0000000000000000001", levels_text(E20, {"3": "3.0000000000000000001"}), "non_integer_level", skip=NO_JS_OBJ)
    add("2020-list-on-single", levels_text(E20, {"3": "[3]"}), "not_repeatable")
    add("2018-ind35-nested-list", levels_text(E18, {"35": "[[3]]"}), None)
    add("2018-ind35-string-item", levels_text(E18, {"35": '[3, "3"]'}), "invalid_level_type")
    add("2018-ind35-null-item", levels_text(E18, {"35": "[3, null]"}), "invalid_level_type")
    add("2018-ind35-level-6-item", levels_text(E18, {"35": "[3, 6]"}), "level_out_of_range")
    add("2018-level-minus-1", levels_text(E18, {"2": "-1"}), "level_out_of_range")

    # ---- values, 8/2026
    add("2026-19-decimals-number", levels_text(E26, {"4": "1.1234567890123456789"}), "too_many_decimals", skip=NO_JS_OBJ)
    add("2026-19-decimals-string", levels_text(E26, {"4": '"1.1234567890123456789"'}), "too_many_decimals")
    add("2026-18-decimals-number", levels_text(E26, {"4": "1.123456789012345678"}), "ok")
    add("2026-19-decimals-trailing-zeros", levels_text(E26, {"4": "1.5000000000000000000"}), None, skip=NO_JS_OBJ)
    add("2026-fraction-zero-denominator", levels_text(E26, {"4": '"7/0"'}), None)
    add("2026-fraction-0-over-0", levels_text(E26, {"4": '"0/0"'}), None)
    add("2026-fraction-above-5", levels_text(E26, {"4": '"11/2"'}), "level_out_of_range")
    add("2026-fraction-negative", levels_text(E26, {"4": '"-7/6"'}), None)
    add("2026-fraction-with-spaces", levels_text(E26, {"4": '"7 / 6"'}), None)
    add("2026-fraction-decimal-parts", levels_text(E26, {"4": '"7.5/2.5"'}), None)
    add("2026-fraction-huge", levels_text(E26, {"4": '"%s/%s"' % ("3" * 60, "1" * 60)}), None)
    add("2026-exponent-string", levels_text(E26, {"4": '"1.5e0"'}), None)
    add("2026-exponent-number", levels_text(E26, {"4": "1.5e0"}), "ok")
    add("2026-empty-string", levels_text(E26, {"4": '""'}), "invalid_level_type")
    add("2026-nan-string", levels_text(E26, {"4": '"NaN"'}), "invalid_level_type")
    add("2026-infinity-string", levels_text(E26, {"4": '"Infinity"'}), "invalid_level_type")
    add("2026-1e400-number", levels_text(E26, {"4": "1e400"}), None, skip=NO_JS_OBJ)
    add("2026-0.99999-number", levels_text(E26, {"4": "0.99999"}), "level_out_of_range")
    add("2026-5.00001-string", levels_text(E26, {"4": '"5.00001"'}), "level_out_of_range")
    add("2026-list", levels_text(E26, {"4": "[2]"}), "not_repeatable")
    add("2026-bool", levels_text(E26, {"4": "false"}), "invalid_level_type")
    add("2026-nul-in-value-string", levels_text(E26, {"4": '"2\\u0000"'}), "invalid_level_type")

    # ---- policies and options
    add("renormalize-no-levels", dumps(doc(levels={})), "no_levels", {"missing": "renormalize"})
    add("error-no-levels", dumps(doc(levels={})), "missing_indicator")
    add("lowest-no-levels", dumps(doc(levels={})), "ok", {"missing": "lowest"})
    add("option-missing-unknown", FULL20_TEXT, "invalid_options", {"missing": "guess"})
    add("option-basis-unknown", FULL20_TEXT, "invalid_options", {"predicate_basis": "rounded"})
    add("option-track-unknown-case", FULL20_TEXT, "unknown_track", {"track": "Mandiri"})
    add("option-track-final-on-levels", FULL20_TEXT, "track_not_present", {"track": "final"})
    add("option-track-levels-on-tracks", dumps(doc(levels=DROP, tracks={"mandiri": full(E20)})), "track_not_present", {"track": "levels"})
    add("option-track-visitasi-absent", dumps(doc(levels=DROP, tracks={"mandiri": full(E20)})), "track_not_present", {"track": "visitasi"})
    for y in (99999, 1899):
        add(f"option-year-{y}", FULL20_TEXT, "invalid_options", {"year": y})

    # ---- vectors
    V = "SPBE1." + E20 + "."
    add("vector-too-short", V + "L1", "invalid_vector")
    add("vector-too-long", V + "L" + L20 + "3", "invalid_vector")
    add("vector-bad-char", V + "L" + L20[:-1] + "!", "invalid_vector")
    add("vector-level-9", V + "L" + L20[:-1] + "9", None)
    add("vector-prefix-only", "SPBE1.", "invalid_vector")
    add("vector-version-only", "SPBE1", None)
    add("vector-unknown-version", "SPBE9." + E20 + ".L" + L20, None)
    add("vector-lowercase-prefix", "spbe1." + E20 + ".L" + L20, None)
    add("vector-unknown-rubric", "SPBE1.permenpanrb-99-2030.L3", "invalid_vector")
    add("vector-no-levels-segment", V.rstrip("."), "invalid_vector")
    add("vector-duplicated-segment", V + "L" + L20 + ".L" + L20, "invalid_vector")
    add("vector-segments-out-of-order", V + "L" + L20 + ".Y2024", "invalid_vector")
    add("vector-year-99999", V + "Y99999.L" + L20, None)
    add("vector-year-garbage", V + "Yabc.L" + L20, "invalid_vector")
    add("vector-name-bad-base64-length", V + "NA.L" + L20, "invalid_vector")
    add("vector-name-not-utf8", V + "N_w.L" + L20, "invalid_vector")
    add("vector-name-bad-base64-char", V + "N+w.L" + L20, "invalid_vector")
    add("vector-name-with-nul", V + "NAA.L" + L20, None)
    add("vector-space-inside", V + "L" + L20[:20] + " " + L20[20:], "invalid_vector")
    add("vector-trailing-newline", V + "L" + L20 + "\n", "ok")
    add("vector-trailing-dot", V + "L" + L20 + ".", "invalid_vector")
    add("vector-2018-four-services", "SPBE1." + E18 + ".L" + "3" * 34 + "~43333", "wrong_item_count")
    add("vector-2018-zero-services", "SPBE1." + E18 + ".L" + "3" * 34 + "~0", "wrong_item_count")
    add("vector-spbe1-with-decimal", "SPBE1." + E26 + ".Lv1p5v" + L26[1:], "invalid_vector")
    # (the same value in JSON is too_many_decimals; a vector says invalid_vector)
    add("vector-spbe2-19-decimals", "SPBE2." + E26 + ".Lv1p1234567890123456789v" + L26[1:], None)
    add("vector-spbe2-zero-denominator", "SPBE2." + E26 + ".Lv7s0v" + L26[1:], None)
    add("vector-spbe2-unterminated", "SPBE2." + E26 + ".Lv1p5" + L26[1:], "invalid_vector")
    add("vector-spbe2-empty-value", "SPBE2." + E26 + ".Lvv" + L26[1:], None)
    add("vector-note-unknown-indicator", V + "L" + L20 + ".C99~YQ", None)
    add("vector-missing-under-error", V + "L" + L20[:-1] + "_", "missing_indicator")
    return x


def vector_cases() -> List[Tuple[str, Any, Optional[Dict[str, Any]], str, Optional[str]]]:
    out = []
    for p in sorted((ROOT / "tests" / "vectors").glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        err = (d.get("expect") or {}).get("error")
        if err:
            out.append((p.name, d["input"], d.get("options"), err, d["expect"].get("indicator")))
    return out


# ===================================================================== running the forms


def is_vector(text: str) -> bool:
    """What spbe-core (and so the CLI's argument) takes for a vector."""
    return text.lstrip().startswith(("SPBE1.", "SPBE2."))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="print every case with its codes")
    ap.add_argument("--only", help="only cases whose name contains this")
    args = ap.parse_args()

    spbe = import_spbe()
    cli = cli_path()
    t_all = time.perf_counter()

    # (name, text, object or MISSING, options, expected, expected indicator, skip)
    cases: List[Dict[str, Any]] = []
    for name, inp, options, err, ind in vector_cases():
        text = inp if isinstance(inp, str) else json.dumps(inp, ensure_ascii=False)
        obj = inp if isinstance(inp, (dict, list)) else None
        cases.append({"name": f"vectors/{name}", "text": text, "obj": obj, "options": options, "expect": err, "indicator": ind, "skip": {}})
    for name, text, options, expect, skip in extras():
        obj = None
        if skip.get("py:object", True):
            try:
                parsed = json.loads(text, parse_float=decimal.Decimal)
                obj = parsed if isinstance(parsed, (dict, list)) else None
            except (ValueError, RecursionError):
                obj = None
        cases.append({"name": f"extra/{name}", "text": text, "obj": obj, "options": options, "expect": expect, "indicator": None, "skip": skip})
    if args.only:
        cases = [c for c in cases if args.only in c["name"]]

    results: List[Dict[str, Any]] = [{} for _ in cases]
    indicators: List[Dict[str, Any]] = [{} for _ in cases]

    with tempfile.TemporaryDirectory(prefix="spbe-errors-") as tmp:
        # ---- CLI
        t0 = time.perf_counter()
        for k, c in enumerate(cases):
            path = os.path.join(tmp, f"{k}.json")
            data = c["text"].encode("utf-8")
            with open(path, "wb") as f:
                f.write(data)
            results[k]["cli:file"] = outcome_cli(run_cli(cli, path, c["options"]))
            results[k]["cli:stdin"] = outcome_cli(run_cli(cli, "-", c["options"], stdin=data))
            if is_vector(c["text"]) and "\x00" not in c["text"]:
                results[k]["cli:arg"] = outcome_cli(run_cli(cli, c["text"], c["options"]))
        t_cli = time.perf_counter() - t0

    # ---- Python
    t0 = time.perf_counter()
    for k, c in enumerate(cases):
        kw = {kk: v for kk, v in (c["options"] or {}).items() if v is not None}
        results[k]["py:text"], indicators[k]["py:text"] = outcome_py(spbe, c["text"], kw)
        if c["obj"] is not None and c["skip"].get("py:object", True):
            results[k]["py:object"], indicators[k]["py:object"] = outcome_py(spbe, c["obj"], kw)
    t_py = time.perf_counter() - t0

    # ---- JS
    t0 = time.perf_counter()
    reqs: List[Tuple[Any, Optional[Dict[str, Any]]]] = []
    where: List[Tuple[int, str]] = []
    for k, c in enumerate(cases):
        reqs.append((c["text"], c["options"]))
        where.append((k, "js:text"))
        if c["skip"].get("js:object", True):
            try:
                parsed = json.loads(c["text"])
            except (ValueError, RecursionError):
                parsed = None
            if isinstance(parsed, (dict, list)):
                reqs.append((parsed, c["options"]))
                where.append((k, "js:object"))
    with NodeScorer() as node:
        answers = node.score_many(reqs)
    for (k, form), ans in zip(where, answers):
        if ans["ok"]:
            results[k][form] = "ok"
        else:
            results[k][form] = ans.get("code") or f"<no code: {ans.get('name')}: {ans.get('message')}>"
            indicators[k][form] = ans.get("indicator")
    t_js = time.perf_counter() - t0

    # ---- verdicts
    problems: List[str] = []
    agreed = 0
    for k, c in enumerate(cases):
        codes = results[k]
        distinct = sorted(set(codes.values()))
        bad = len(distinct) > 1 or (c["expect"] is not None and distinct != [c["expect"]])
        ind_bad = ""
        if c["indicator"] is not None:
            wrong = {f: i for f, i in indicators[k].items() if i != c["indicator"]}
            if wrong:
                ind_bad = f"indicator expected {c['indicator']!r}, got " + ", ".join(f"{f} {i!r}" for f, i in wrong.items())
        line = describe(c, codes)
        if bad or ind_bad:
            problems.append(line + (f"\n    {ind_bad}" if ind_bad else ""))
        else:
            agreed += 1
            if args.verbose:
                print("ok   " + line)

    total = time.perf_counter() - t_all
    n_vec = sum(c["name"].startswith("vectors/") for c in cases)
    forms = sum(len(r) for r in results)
    if problems:
        print(f"\n{len(problems)} DISAGREEMENT(S) (input, expected, code per surface form):\n", file=sys.stderr)
        for p in problems:
            print("FAIL " + p, file=sys.stderr)
        print(file=sys.stderr)
    print(f"error codes: {len(cases)} inputs ({n_vec} error vectors, {len(cases) - n_vec} extra), {forms} runs; "
          f"{agreed} agree, {len(problems)} disagree; time: cli {t_cli:.2f} s, python {t_py:.2f} s, js {t_js:.2f} s, total {total:.2f} s")
    return 1 if problems else 0


def outcome_cli(r: Any) -> str:
    return "ok" if r.rc == 0 else (r.code() or "?")


def outcome_py(spbe: Any, inp: Any, kw: Dict[str, Any]) -> Tuple[str, Any]:
    try:
        spbe.score(inp, **kw)
        return "ok", None
    except spbe.SpbeError as e:
        return e.code, e.indicator
    except Exception as e:  # noqa: BLE001 - anything else is a finding
        return f"<no code: {type(e).__name__}: {str(e)[:120]}>", None


def describe(c: Dict[str, Any], codes: Dict[str, str]) -> str:
    t = c["text"]
    shown = json.dumps(t if len(t) <= 150 else t[:110] + f"...<{len(t)} chars>..." + t[-30:], ensure_ascii=True)
    opts = f" options={json.dumps(c['options'])}" if c["options"] else ""
    exp = c["expect"] if c["expect"] is not None else "(any, but the same)"
    by_code: Dict[str, List[str]] = {}
    for form, code in codes.items():
        by_code.setdefault(code, []).append(form)
    got = "; ".join(f"{code}: {' '.join(forms)}" for code, forms in by_code.items())
    return f"{c['name']}{opts}\n    input {shown}\n    expected {exp} | got {got}"


if __name__ == "__main__":
    sys.exit(main())
