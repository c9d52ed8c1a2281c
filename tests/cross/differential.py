#!/usr/bin/env python3
"""Cross-surface differential test: random valid assessments of every built-in
edition, scored by the `spbe` program, the Python package and the wasm build
under node, must give the same report; and the index must agree with an exact
calculator written here from the rubric files alone.

    .venv/bin/python tests/cross/differential.py --n 300 --seed 1      # CI (a few seconds)
    .venv/bin/python tests/cross/differential.py --n 10000 --seed 7    # long run (minutes)
    .venv/bin/python tests/cross/differential.py --seed 1 --case 123 --show   # one case again

What the generator covers (each case has its own random stream, seed:case):
- the editions in turn: permenpanrb-5-2018, permenpanrb-59-2020, permenpanrb-8-2026;
- the predicate rule: the assessment's `year` (59/2020: 2023 reported, 2024 exact,
  others the edition default), the `year` option, the `predicate_basis` option;
- `tracks` (mandiri, dokumen, interviu, visitasi, target; interviu and visitasi
  partial, as they re-score only some indicators) and the `track` option
  (a stage, `final`, `levels`, or none: the default track);
- the missing policies error, lowest and renormalize, leaving indicators (or a
  whole aspect) out under the non-error ones;
- 5/2018 indicator 35 as a list of 1-3 service levels (sometimes a bare level);
- 8/2026 values as JSON integers, JSON numbers with 1-4 decimals (trailing zeros
  kept in the text), decimal strings and fraction strings ("14/12");
- indices steered onto or next to a band edge (ties at the third decimal,
  a hair above an upper-inclusive edge, ...).

Each surface gets the input in its own natural forms: the CLI a file; Python
the JSON text, a dict from json.loads (floats), a dict with Decimal values, or
int keys; JS an object parsed by JSON.parse or the JSON text. Reports are
compared in full (numbers by exact value, since JS cannot tell 3 from 3.0;
CLI and Python given the same text must agree even in int/float).

The exact calculator (Fraction arithmetic on the weights, scales, bands and
predicate rule read from spbe-core/rubrics/*.json) checks index_exact,
index_text, index, predicate, predicate_rule, every aspect and domain
index_exact, track, missing, official and each indicator's source.

Exit status 1 if any case mismatches (a surface rejects a valid assessment,
two reports differ, or a report disagrees with the calculator): the first
--max-print mismatches are printed with the path of the first difference and
the input, then a count per kind. 0 otherwise. Timings: --n 300 takes ~3-4 s
on a 2-core machine, --n 10000 ~2 min (the CLI is one process per assessment,
one per core at a time). Environment: SPBE_CLI (default target/release/spbe),
SPBE_WASM_NODE (default spbe-wasm/pkg/node/spbe_wasm.js), node on PATH.
"""
from __future__ import annotations

import argparse
import decimal
import json
import os
import random
import sys
import tempfile
import time
from fractions import Fraction as F
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cross import ROOT, NodeScorer, cli_path, first_diff, import_spbe, run_cli_many, run_py  # noqa: E402

EDITION_IDS = ["permenpanrb-5-2018", "permenpanrb-59-2020", "permenpanrb-8-2026"]
STAGES = ["mandiri", "dokumen", "interviu", "visitasi", "target"]
EXTERNAL_NEWEST_FIRST = ["visitasi", "interviu", "dokumen"]


# ===================================================================== the rubric, read independently


class Ind:
    __slots__ = ("id", "aspect", "weight", "lo", "hi", "continuous", "items")

    def __init__(self, iid: str, aspect: str, weight: F, lo: int, hi: int, continuous: bool, items: Optional[Tuple[int, int]]):
        self.id, self.aspect, self.weight = iid, aspect, weight
        self.lo, self.hi, self.continuous, self.items = lo, hi, continuous, items


class Edition:
    """The parts of a rubric file the arithmetic needs, as Fractions."""

    def __init__(self, path: Path):
        d = json.loads(path.read_text(encoding="utf-8"))
        self.id: str = d["id"]
        scales = {s["id"]: s for s in d["scales"]}
        self.upper_inclusive = d["band_bounds"] == "upper_inclusive"
        assert d["band_bounds"] in ("upper_inclusive", "lower_inclusive"), d["band_bounds"]
        self.bands = [(p["name"], F(p["min"]), F(p["max"])) for p in d["predicates"]]
        rule = d["predicate_rule"]
        self.default_basis: str = rule["default"]
        self.year_basis: Dict[int, str] = {int(y["year"]): y["basis"] for y in rule.get("years", [])}
        self.domains: Optional[Dict[str, F]] = None
        self.aspects: Dict[str, Tuple[Optional[str], F, List[str]]] = {}
        self.ind: Dict[str, Ind] = {}
        self.order: List[str] = []
        self.level_mins: Dict[str, List[Tuple[int, Optional[F]]]] = {}
        self.criteria_cumulative: bool = (d.get("criteria_rule") or {}).get("cumulative", True)

        def take_aspect(a: Dict[str, Any], dom: Optional[str]) -> None:
            ids = []
            for i in a["indicators"]:
                sc = scales[i["scale"]]
                lv = [int(x["level"]) for x in sc["levels"]]
                items = (int(i["items"]["min"]), int(i["items"]["max"])) if i.get("items") else None
                self.ind[i["id"]] = Ind(i["id"], a["id"], F(i["weight"]), min(lv), max(lv), bool(sc.get("continuous")), items)
                self.level_mins[i["id"]] = [(int(x["level"]), F(x["min"]) if x.get("min") is not None else None) for x in sc["levels"]]
                self.order.append(i["id"])
                ids.append(i["id"])
            self.aspects[a["id"]] = (dom, F(a["weight"]), ids)

        if d.get("domains"):
            self.domains = {}
            for dm in d["domains"]:
                self.domains[dm["id"]] = F(dm["weight"])
                for a in dm["aspects"]:
                    take_aspect(a, dm["id"])
        else:
            for a in d["aspects"]:
                take_aspect(a, None)
        self.continuous = any(i.continuous for i in self.ind.values())
        self.lo = min(i.lo for i in self.ind.values())
        self.hi = max(i.hi for i in self.ind.values())

    # ---------------------------------------------------------- bands and rounding
    def band(self, x: F) -> str:
        if self.upper_inclusive:
            for name, lo, hi in self.bands:
                if x <= hi:
                    return name
            raise AssertionError(f"{x} above every band of {self.id}")
        out = self.bands[0][0]
        for name, lo, hi in self.bands:
            if x >= lo:
                out = name
        return out

    def edges(self) -> List[F]:
        if self.upper_inclusive:
            return [hi for _, _, hi in self.bands[:-1]]
        return [lo for _, lo, _ in self.bands[1:]]


def round2(x: F) -> F:
    """Half up to 2 decimals (x >= 0)."""
    return F((x * 100 + F(1, 2)).__floor__(), 100)


def text2(x: F) -> str:
    n = (x * 100 + F(1, 2)).__floor__()
    return f"{n // 100}.{n % 100:02d}"


def exact_text(x: F) -> str:
    """As the report writes an exact value: a terminating decimal without
    trailing zeros, else numerator/denominator."""
    den = x.denominator
    k2 = k5 = 0
    while den % 2 == 0:
        den //= 2
        k2 += 1
    while den % 5 == 0:
        den //= 5
        k5 += 1
    if den != 1:
        return f"{x.numerator}/{x.denominator}"
    k = max(k2, k5)
    if k == 0:
        return str(x.numerator)
    digits = str(abs(x.numerator * 10 ** k // x.denominator)).rjust(k + 1, "0")
    return ("-" if x < 0 else "") + digits[:-k] + "." + digits[-k:]


# ===================================================================== values as written


class Num:
    """A JSON number written exactly as `text` (e.g. 2.40, 1.2345, 3.0)."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


def dump(v: Any) -> str:
    """JSON text; Num literals as written."""
    if isinstance(v, Num):
        return v.text
    if isinstance(v, dict):
        return "{" + ", ".join(json.dumps(str(k)) + ": " + dump(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(dump(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def exact(v: Any) -> F:
    if isinstance(v, Num):
        return F(v.text)
    if isinstance(v, bool):
        raise TypeError(v)
    if isinstance(v, (int, str)):
        return F(v)
    raise TypeError(f"not a generated value: {v!r}")


def items_of(v: Any) -> List[Any]:
    return v if isinstance(v, list) else [v]


# ===================================================================== the exact calculator


def resolve(a: Dict[str, Any], options: Dict[str, Any]) -> Tuple[str, Dict[str, Tuple[Any, str]]]:
    """(track, {indicator: (value as written, source stage)}) as the track rule says."""
    if "levels" in a:
        default = "levels"
    else:
        t = a["tracks"]
        default = "final" if any(s in t for s in EXTERNAL_NEWEST_FIRST) else ("mandiri" if "mandiri" in t else "target")
    track = options.get("track") or default
    if track == "levels":
        return track, {k: (v, "levels") for k, v in a["levels"].items()}
    if track == "final":
        out: Dict[str, Tuple[Any, str]] = {}
        for stage in reversed(EXTERNAL_NEWEST_FIRST):  # dokumen, then newer stages override
            for k, v in a["tracks"].get(stage, {}).items():
                out[k] = (v, stage)
        return track, out
    if track == "target":
        # the current levels (final when an assessor stage exists, else mandiri) with the target's changes
        t = a["tracks"]
        if any(s in t for s in EXTERNAL_NEWEST_FIRST):
            _, base = resolve(a, {"track": "final"})
        else:
            base = {k: (v, "mandiri") for k, v in t.get("mandiri", {}).items()}
        base.update({k: (v, "target") for k, v in t["target"].items()})
        return track, base
    return track, {k: (v, track) for k, v in a["tracks"][track].items()}


def compute(ed: Edition, present: Dict[str, Any], missing: str) -> Tuple[Optional[F], Dict[str, Optional[F]], Dict[str, Optional[F]]]:
    """Exact index, domain and aspect indices: each aspect the weighted mean of
    its items (2018 indicator 35: one item per service), each domain the
    weighted mean of its aspects, the index the weighted mean of the domains
    (8/2026: of the aspects). Renormalize leaves missing items out (and empty
    aspects/domains); lowest counts a missing indicator as one item at the
    scale's lowest level."""
    asp: Dict[str, Optional[F]] = {}
    for aid, (_, _, inds) in ed.aspects.items():
        num, den = F(0), F(0)
        for i in inds:
            if i in present:
                xs = [exact(x) for x in items_of(present[i])]
            elif missing == "lowest":
                xs = [F(ed.ind[i].lo)]
            elif missing == "renormalize":
                continue
            else:
                raise ValueError(f"indicator {i} missing under the error policy")
            for x in xs:
                num += ed.ind[i].weight * x
                den += ed.ind[i].weight
        asp[aid] = num / den if den else None

    def mean(parts: List[Tuple[F, Optional[F]]]) -> Optional[F]:
        live = [(w, x) for w, x in parts if x is not None]
        den = sum((w for w, _ in live), F(0))
        return sum((w * x for w, x in live), F(0)) / den if den else None

    dom: Dict[str, Optional[F]] = {}
    if ed.domains is None:
        index = mean([(aw, asp[aid]) for aid, (_, aw, _) in ed.aspects.items()])
    else:
        for did in ed.domains:
            dom[did] = mean([(aw, asp[aid]) for aid, (d, aw, _) in ed.aspects.items() if d == did])
        index = mean([(dw, dom[did]) for did, dw in ed.domains.items()])
    return index, dom, asp


def coefficients(ed: Edition, present: Dict[str, Any], missing: str) -> Dict[str, F]:
    """d index / d (one item of indicator i), all items of i alike; the index is
    linear in each present item once the set of present items is fixed."""
    s_asp: Dict[str, F] = {}
    for aid, (_, _, inds) in ed.aspects.items():
        s = F(0)
        for i in inds:
            if i in present:
                s += ed.ind[i].weight * len(items_of(present[i]))
            elif missing == "lowest":
                s += ed.ind[i].weight
        s_asp[aid] = s
    live = {aid for aid, s in s_asp.items() if s}
    if ed.domains is None:
        top = sum((aw for aid, (_, aw, _) in ed.aspects.items() if aid in live), F(0))
        return {i: ed.ind[i].weight / s_asp[ed.ind[i].aspect] * ed.aspects[ed.ind[i].aspect][1] / top for i in present}
    s_dom = {did: sum((aw for aid, (d, aw, _) in ed.aspects.items() if d == did and aid in live), F(0)) for did in ed.domains}
    top = sum((w for did, w in ed.domains.items() if s_dom[did]), F(0))
    out = {}
    for i in present:
        aid = ed.ind[i].aspect
        did = ed.aspects[aid][0]
        assert did is not None
        out[i] = ed.ind[i].weight / s_asp[aid] * ed.aspects[aid][1] / s_dom[did] * ed.domains[did] / top
    return out


def expected(ed: Edition, a: Dict[str, Any], options: Dict[str, Any]) -> Dict[str, Any]:
    missing = options.get("missing", "error")
    track, resolved = resolve(a, options)
    present = {k: v for k, (v, _) in resolved.items()}
    index, dom, asp = compute(ed, present, missing)
    assert index is not None
    year = a.get("year") if a.get("year") is not None else options.get("year")
    if options.get("predicate_basis"):
        basis, reason = options["predicate_basis"], "option"
    elif year in ed.year_basis:
        basis, reason = ed.year_basis[year], "year"
    else:
        basis, reason = ed.default_basis, "edition_default"
    absent = [i for i in ed.order if i not in present]
    # evidence: the level the met criteria support, and whether the claim is above it
    supported: Dict[str, Tuple[int, bool]] = {}
    for k, met in (a.get("criteria_met") or {}).items():
        lo, hi = ed.ind[k].lo, ed.ind[k].hi
        if ed.criteria_cumulative:
            level = lo
            run = [l for l in range(lo, hi + 1)]
            got = None
            for l in run:
                if l in met:
                    got = l
                else:
                    break
            level = got if got is not None else lo
        else:
            level = max([l for l in met if lo <= l <= hi], default=lo)

        def claim(v: Any) -> int:
            x = exact(v)
            if x.denominator == 1:
                return int(x)
            c = ed.level_mins[k][0][0]
            for lv, mn in ed.level_mins[k]:
                if mn is None or (x > mn if ed.upper_inclusive else x >= mn):
                    c = lv
            return c

        claims = [claim(v) for v in items_of(present[k])] if k in present else []
        supported[k] = (level, bool(claims) and max(claims) > level)
    return {
        "supported": supported,
        "index": index, "domains": dom, "aspects": asp, "track": track,
        "basis": basis, "reason": reason, "year": year,
        "predicate": ed.band(round2(index) if basis == "reported" else index),
        "missing": absent,
        "sources": {k: s for k, (_, s) in resolved.items()},
    }


def check_oracle(ed: Edition, exp: Dict[str, Any], r: Dict[str, Any]) -> Optional[str]:
    """The first disagreement between a report and the exact calculator."""
    x = exp["index"]
    checks: List[Tuple[str, Any, Any]] = [
        ("index_exact", r.get("index_exact"), exact_text(x)),
        ("index_text", r.get("index_text"), text2(x)),
        ("index", r.get("index"), float(text2(x))),
        ("predicate", r.get("predicate"), exp["predicate"]),
        ("predicate_rule.basis", (r.get("predicate_rule") or {}).get("basis"), exp["basis"]),
        ("predicate_rule.reason", (r.get("predicate_rule") or {}).get("reason"), exp["reason"]),
        ("predicate_rule.year", (r.get("predicate_rule") or {}).get("year"), exp["year"]),
        ("track", r.get("track"), exp["track"]),
        ("missing", r.get("missing"), exp["missing"]),
        ("official", r.get("official"), not exp["missing"]),
    ]
    for a in r.get("aspects", []):
        want = exp["aspects"].get(a["id"])
        checks.append((f"aspects[{a['id']}].index_exact", a.get("index_exact"), exact_text(want) if want is not None else None))
    if len(r.get("aspects", [])) != len(exp["aspects"]):
        checks.append(("aspects (count)", len(r.get("aspects", [])), len(exp["aspects"])))
    for d in r.get("domains", []):
        want = exp["domains"].get(d["id"])
        checks.append((f"domains[{d['id']}].index_exact", d.get("index_exact"), exact_text(want) if want is not None else None))
    if len(r.get("domains", [])) != len(exp["domains"]):
        checks.append(("domains (count)", len(r.get("domains", [])), len(exp["domains"])))
    for ind in r.get("indicators", []):
        want = exp["sources"].get(ind["id"])
        checks.append((f"indicators[{ind['id']}].source", ind.get("source"), want))
    for ind in r.get("indicators", []):
        sup = exp["supported"].get(ind["id"])
        checks.append((f"indicators[{ind['id']}].supported_level", ind.get("supported_level"), sup[0] if sup else None))
        checks.append((f"indicators[{ind['id']}].above_evidence", ind.get("above_evidence"), sup[1] if sup else None))
    above = [i for i in ed.order if exp["supported"].get(i, (0, False))[1]]
    checks.append(("above_evidence", r.get("above_evidence", []), above))
    for what, got, want in checks:
        if got != want:
            return f"{what}: report {got!r}, exact calculator {want!r}"
    return None


# ===================================================================== the generator

INSTITUTIONS = ["Pemerintah Kabupaten Contoh", "Kota Uji Coba", "Provinsi Fiktif – Sulawesi Ñ", "Kementerian Contoh 🌏", ""]


def gen_value(ind: Ind, rng: random.Random) -> Any:
    if ind.continuous:
        r = rng.random()
        if r < 0.15:
            return rng.randint(1, 5)
        if r < 0.70:
            d = rng.randint(1, 4)
            k = rng.randint(10 ** d, 5 * 10 ** d)
            return Num(f"{k // 10 ** d}.{k % 10 ** d:0{d}d}")
        if r < 0.88:
            q = rng.randint(2, 12)
            return f"{rng.randint(q, 5 * q)}/{q}"
        d = rng.randint(1, 3)
        k = rng.randint(10 ** d, 5 * 10 ** d)
        return f"{k // 10 ** d}.{k % 10 ** d:0{d}d}"
    if ind.items:
        lo, hi = ind.items
        if rng.random() < 0.1:
            return rng.randint(ind.lo, ind.hi)  # a bare level: one service
        return [rng.randint(ind.lo, ind.hi) for _ in range(rng.randint(lo, hi))]
    if rng.random() < 0.04:
        return Num(f"{rng.randint(ind.lo, ind.hi)}.0")  # a whole JSON float
    return rng.randint(ind.lo, ind.hi)


def full_map(ed: Edition, rng: random.Random, flat: Optional[int] = None) -> Dict[str, Any]:
    if flat is not None and not ed.continuous:  # everything around one level: indices spread over the bands
        out = {}
        for i in ed.order:
            ind = ed.ind[i]
            pick = lambda: max(ind.lo, min(ind.hi, flat + rng.choice((-1, 0, 0, 0, 1))))  # noqa: E731
            out[i] = [pick() for _ in range(rng.randint(*ind.items))] if ind.items else pick()
        return out
    if flat is not None:  # 8/2026: decimals around one value
        out = {}
        for i in ed.order:
            v = gen_value(ed.ind[i], rng)
            if isinstance(v, Num) and rng.random() < 0.7:
                k = min(500, max(100, 100 * flat + rng.randint(-60, 60)))  # hundredths
                v = Num(f"{k // 100}.{k % 100:02d}")
            out[i] = v
        return out
    return {i: gen_value(ed.ind[i], rng) for i in ed.order}


def drop_some(ed: Edition, m: Dict[str, Any], rng: random.Random) -> None:
    mode = rng.random()
    if mode < 0.5:
        victims = rng.sample(list(m), min(len(m), rng.randint(1, 3)))
    elif mode < 0.8:
        victims = rng.sample(list(m), rng.randint(1, max(1, len(m) // 2)))
    else:  # one whole aspect (renormalize: it drops out of its domain)
        aid = rng.choice(list(ed.aspects))
        victims = [i for i in ed.aspects[aid][2] if i in m]
    for v in victims:
        m.pop(v, None)


def as_value(ed: Edition, x: F, decimals_max: int = 4) -> Any:
    """A generated value for an exact x: an int, a Num with at most
    decimals_max decimals, or a fraction string."""
    if x.denominator == 1:
        return int(x)
    for d in range(1, decimals_max + 1):
        if (x * 10 ** d).denominator == 1:
            n = int(x * 10 ** d)
            return Num(f"{n // 10 ** d}.{n % 10 ** d:0{d}d}")
    return f"{x.numerator}/{x.denominator}"


def steer(ed: Edition, m: Dict[str, Any], missing: str, target: F, rng: random.Random, exact_hit: bool) -> None:
    """Moves the values of m so that the index comes as near target as it can
    (whole levels), or onto it (8/2026, exact_hit)."""
    coef = coefficients(ed, m, missing)
    index = compute(ed, m, missing)[0]
    assert index is not None
    slots = [(i, k) for i in m for k in range(len(items_of(m[i])))]
    step = F(1) if not ed.continuous else F(1, 100)

    def get(s: Tuple[str, int]) -> F:
        return exact(items_of(m[s[0]])[s[1]])

    def put(s: Tuple[str, int], x: F) -> None:
        v = as_value(ed, x)
        if isinstance(m[s[0]], list):
            m[s[0]][s[1]] = v
        else:
            m[s[0]] = v

    for _ in range(3):
        rng.shuffle(slots)
        moved = False
        for s in slots:
            gap = target - index
            if gap == 0:
                return
            c = coef[s[0]]
            ind = ed.ind[s[0]]
            v = get(s)
            ideal = v + gap / c
            base = (ideal / step).__floor__() * step
            best = None
            for cand in (base, base + step):
                cand = max(F(ind.lo), min(F(ind.hi), cand))
                err = abs(index + c * (cand - v) - target)
                if best is None or err < best[0]:
                    best = (err, cand)
            assert best is not None
            if best[0] < abs(gap):
                index += coef[s[0]] * (best[1] - v)
                put(s, best[1])
                moved = True
        if not moved:
            break
    if exact_hit and ed.continuous and index != target:
        rng.shuffle(slots)
        for s in slots:
            v = get(s)
            x = v + (target - index) / coef[s[0]]
            if 1 <= x <= 5:
                put(s, x)
                return


def gen_case(eds: Dict[str, Edition], seed: int, case: int) -> Tuple[Edition, Dict[str, Any], Dict[str, Any], Dict[str, Any]]:
    """(edition, assessment, options, facts about the case)."""
    rng = random.Random(f"spbe-differential:{seed}:{case}")
    ed = eds[EDITION_IDS[case % len(EDITION_IDS)]]
    facts: Dict[str, Any] = {}
    a: Dict[str, Any] = {"rubric": ed.id}
    if rng.random() < 0.3:
        a["institution"] = rng.choice(INSTITUTIONS)
    years = {"permenpanrb-5-2018": [2018, 2019, 2020], "permenpanrb-59-2020": [2023, 2024, 2023, 2024, 2021, 2022, 2025],
             "permenpanrb-8-2026": [2026, 2027, 2030]}[ed.id]
    if rng.random() < 0.6:
        a["year"] = rng.choice(years)
    options: Dict[str, Any] = {}
    r = rng.random()
    missing = "error" if r < 0.55 else ("lowest" if r < 0.775 else "renormalize")
    if missing != "error" or rng.random() < 0.2:
        options["missing"] = missing
    r = rng.random()
    if r < 0.25:
        options["predicate_basis"] = "reported"
    elif r < 0.45:
        options["predicate_basis"] = "exact"
    if rng.random() < 0.25:
        options["year"] = rng.choice([2023, 2024, 2022, 2026, 2019])

    flat = rng.randint(ed.lo, ed.hi) if rng.random() < 0.5 else None
    scored_map: Optional[Dict[str, Any]] = None
    if rng.random() < 0.35:
        stages = [s for s in STAGES if rng.random() < 0.5] or [rng.choice(STAGES)]
        has_ext = any(s in stages for s in EXTERNAL_NEWEST_FIRST)
        available = stages + (["final"] if has_ext else [])
        track = rng.choice(available) if rng.random() < 0.4 else None
        if track is not None:
            options["track"] = track
        scored = track or ("final" if has_ext else ("mandiri" if "mandiri" in stages else "target"))
        tracks: Dict[str, Dict[str, Any]] = {}
        for s in stages:
            m = full_map(ed, rng, flat)
            if s in ("interviu", "visitasi") and s != scored:
                keep = set(rng.sample(ed.order, rng.randint(1, 5)))
                m = {k: v for k, v in m.items() if k in keep}
            tracks[s] = m
        if scored == "final":
            oldest = next(s for s in reversed(EXTERNAL_NEWEST_FIRST) if s in tracks)
            tracks[oldest] = full_map(ed, rng, flat)  # complete, the others re-score some
            if missing != "error":
                drop_some(ed, tracks[oldest], rng)
                for s in EXTERNAL_NEWEST_FIRST:
                    if s in tracks and s != oldest and rng.random() < 0.5:
                        drop_some(ed, tracks[s], rng)
        else:
            if missing != "error":
                drop_some(ed, tracks[scored], rng)
            scored_map = tracks[scored]
        a["tracks"] = {s: tracks[s] for s in STAGES if s in tracks}
        facts["tracks"] = True
    else:
        m = full_map(ed, rng, flat)
        if missing != "error":
            drop_some(ed, m, rng)
        if rng.random() < 0.15:
            options["track"] = "levels"
        a["levels"] = m
        scored_map = m
    # never an empty scored track
    _, resolved = resolve(a, options)
    if not resolved:
        m = scored_map if scored_map is not None else a["tracks"][next(s for s in reversed(EXTERNAL_NEWEST_FIRST) if s in a["tracks"])]
        i = rng.choice(ed.order)
        m[i] = gen_value(ed.ind[i], rng)

    if scored_map is not None and scored_map and rng.random() < 0.4:
        edge = rng.choice(ed.edges())
        if ed.upper_inclusive:
            off = rng.choice(["0", "0.001", "0.0049", "0.00001", "-0.005", "0.005", "-0.0001"])
        else:
            off = rng.choice(["0", "-0.005", "-0.0005", "0.0005", "-0.0045", "0.0045", "-0.001", "0.001"])
        steer(ed, scored_map, missing, edge + F(off), rng, exact_hit=rng.random() < 0.6)
        facts["edge"] = True

    # key order: rubric order, or shuffled
    def reorder(m: Dict[str, Any]) -> Dict[str, Any]:
        ks = list(m)
        if rng.random() < 0.25:
            rng.shuffle(ks)
        else:
            ks.sort(key=ed.order.index)
        return {k: m[k] for k in ks}

    if "levels" in a:
        a["levels"] = reorder(a["levels"])
    else:
        a["tracks"] = {s: reorder(m) for s, m in a["tracks"].items()}
    if rng.random() < 0.15:
        some = rng.sample(ed.order, 2)
        a["notes"] = {some[0]: "penjelasan: ✓ ok"}
        a["evidence"] = {some[1]: ["Perbup No. 1 Tahun 2024", "https://contoh.go.id/x"]}
    if rng.random() < 0.25:
        chosen = rng.sample(ed.order, 3)
        a["criteria_met"] = {
            k: sorted(rng.sample(range(ed.ind[k].lo, ed.ind[k].hi + 1), rng.randint(0, ed.ind[k].hi - ed.ind[k].lo + 1)))
            for k in chosen
        }
    facts["py_mode"] = rng.choice(["text", "dict", "dict", "decimal", "intkeys"])
    facts["js_mode"] = rng.choice(["object", "object", "text"])
    return ed, a, options, facts


def py_input(text: str, mode: str) -> Any:
    if mode == "text":
        return text
    if mode == "decimal":
        return json.loads(text, parse_float=decimal.Decimal)
    d = json.loads(text)
    if mode == "intkeys":
        if "levels" in d:
            d["levels"] = {int(k): v for k, v in d["levels"].items()}
        else:
            d["tracks"] = {s: {int(k): v for k, v in m.items()} for s, m in d["tracks"].items()}
    return d


# ===================================================================== main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=300, help="number of assessments (default 300)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--case", type=int, help="run only this case number (with --seed)")
    ap.add_argument("--show", action="store_true", help="print each generated assessment and its options")
    ap.add_argument("--chunk", type=int, default=250, help="assessments per batch (default 250)")
    ap.add_argument("--jobs", type=int, default=0, help="CLI processes at a time (default: one per core)")
    ap.add_argument("--max-print", type=int, default=3, help="mismatches printed in full (default 3)")
    args = ap.parse_args()

    spbe = import_spbe()
    cli = cli_path()
    eds = {i: Edition(ROOT / "spbe-core" / "rubrics" / f"{i}.json") for i in EDITION_IDS}
    cases = [args.case] if args.case is not None else list(range(args.n))

    t = {"gen": 0.0, "cli": 0.0, "py": 0.0, "js": 0.0, "oracle": 0.0}
    per_edition = {i: 0 for i in EDITION_IDS}
    tally: Dict[str, Any] = {"tracks": 0, "edge": 0, "lowest": 0, "renormalize": 0, "reported": 0, "exact": 0, "year_rule": 0, "preds": {}}
    failures: List[str] = []
    t_all = time.perf_counter()

    def fail(case: int, kind: str, detail: str, text: str, options: Dict[str, Any], facts: Dict[str, Any]) -> None:
        failures.append(kind)
        if len(failures) <= args.max_print:
            print(f"MISMATCH ({kind}) in case {case} (rerun: --seed {args.seed} --case {case} --show)\n  {detail}\n"
                  f"  options: {json.dumps(options)}  python input: {facts['py_mode']}  js input: {facts['js_mode']}\n"
                  f"  input: {text}", file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="spbe-cross-") as tmp, NodeScorer() as node:
        t0 = time.perf_counter()
        node.score_many([("SPBE1.permenpanrb-8-2026.L12345123451234512345", None)])  # wasm loaded and warm
        t["js"] += time.perf_counter() - t0
        for start in range(0, len(cases), args.chunk):
            chunk = cases[start:start + args.chunk]
            t0 = time.perf_counter()
            batch = []
            for c in chunk:
                ed, a, options, facts = gen_case(eds, args.seed, c)
                text = dump(a)
                path = os.path.join(tmp, f"{c}.json")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                batch.append((c, ed, a, options, facts, text, path))
                if args.show:
                    print(f"case {c}: options {json.dumps(options)} {facts}\n{text}")
            t["gen"] += time.perf_counter() - t0

            t0 = time.perf_counter()
            cli_out = run_cli_many(cli, [(b[6], b[3]) for b in batch], args.jobs or None)
            t["cli"] += time.perf_counter() - t0

            py_out = []
            for c, ed, a, options, facts, text, path in batch:
                inp = py_input(text, facts["py_mode"])
                t0 = time.perf_counter()
                py_out.append(run_py(spbe, inp, options))
                t["py"] += time.perf_counter() - t0

            t0 = time.perf_counter()
            js_out = node.score_many([(text if facts["js_mode"] == "text" else json.loads(text), options or None)
                                      for c, ed, a, options, facts, text, path in batch])
            t["js"] += time.perf_counter() - t0

            for (c, ed, a, options, facts, text, path), cr, (py_ok, py_val), js in zip(batch, cli_out, py_out, js_out):
                per_edition[ed.id] += 1
                tally["tracks"] += bool(facts.get("tracks"))
                tally["edge"] += bool(facts.get("edge"))
                tally["lowest"] += options.get("missing") == "lowest"
                tally["renormalize"] += options.get("missing") == "renormalize"
                tally["reported"] += options.get("predicate_basis") == "reported"
                tally["exact"] += options.get("predicate_basis") == "exact"
                outcomes = {
                    "cli": "ok" if cr.rc == 0 else f"error [{cr.code()}] {cr.stderr.strip()}",
                    "python": "ok" if py_ok else f"error [{py_val[0]}] {py_val[1]}: {py_val[2]}",
                    "js": "ok" if js["ok"] else f"error [{js.get('code')}] {js.get('name')}: {js.get('message')}",
                }
                if any(v != "ok" for v in outcomes.values()):
                    fail(c, "rejected a valid assessment", "; ".join(f"{k}: {v}" for k, v in outcomes.items()), text, options, facts)
                    continue
                cli_rep = cr.report()
                d = first_diff(cli_rep, py_val, numeric=facts["py_mode"] != "text")
                if d:
                    fail(c, "cli vs python", f"cli vs python: {d}", text, options, facts)
                    continue
                d = first_diff(cli_rep, js["report"])
                if d:
                    fail(c, "cli vs js", f"cli vs js: {d}", text, options, facts)
                    continue
                t0 = time.perf_counter()
                exp = expected(ed, a, options)
                d = check_oracle(ed, exp, cli_rep)
                t["oracle"] += time.perf_counter() - t0
                tally["year_rule"] += exp["reason"] == "year"
                tally["preds"][cli_rep["predicate"]] = tally["preds"].get(cli_rep["predicate"], 0) + 1
                if d:
                    fail(c, "vs exact calculator", d, text, options, facts)

    total = time.perf_counter() - t_all
    n = len(cases)
    eds_txt = ", ".join(f"{k.removeprefix('permenpanrb-')}: {v}" for k, v in per_edition.items())
    preds = ", ".join(f"{k} {v}" for k, v in sorted(tally["preds"].items(), key=lambda kv: -kv[1]))
    print(f"differential: {n} assessments (seed {args.seed}) [{eds_txt}]; tracks {tally['tracks']}, near a band edge {tally['edge']}, "
          f"missing lowest {tally['lowest']} / renormalize {tally['renormalize']}, predicate_basis reported {tally['reported']} / "
          f"exact {tally['exact']}, year rule {tally['year_rule']}; predicates: {preds}")
    jobs = args.jobs or os.cpu_count() or 2
    print(f"time: cli {t['cli']:.2f} s ({jobs} processes at a time, {1000 * t['cli'] / max(n, 1):.1f} ms/assessment wall), "
          f"python {t['py']:.2f} s ({1000 * t['py'] / max(n, 1):.2f} ms each), js {t['js']:.2f} s (one node process, incl. start), "
          f"exact calculator {t['oracle']:.2f} s, generation {t['gen']:.2f} s; total {total:.2f} s")
    if failures:
        kinds: Dict[str, int] = {}
        for k in failures:
            kinds[k] = kinds.get(k, 0) + 1
        print("FAILED: " + ", ".join(f"{v} x {k}" for k, v in kinds.items()) + f" (first {min(len(failures), args.max_print)} printed above)")
        return 1
    print("OK: every report identical on the three surfaces and equal to the exact calculator")
    return 0


if __name__ == "__main__":
    sys.exit(main())
