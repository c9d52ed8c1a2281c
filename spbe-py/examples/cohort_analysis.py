#!/usr/bin/env python3
"""Example analysis: a synthetic cohort of institutions over several years and editions.

Builds fictional institutions (ministries, provinces, regencies and cities)
evaluated in 2023 and 2024 (PermenPANRB 59/2020, whole levels) and in 2026
(PermenPANRB 8/2026, values with decimals), all in one frame, and then, with
spbe's helpers and no loop over rows:

- scores every row with the edition in force in its year (``year_column``);
- ranks 2024 nationally and within each type of institution;
- summarises 2024 by type (predicate counts, named domain means);
- shows the year-over-year change, flagging 2024 -> 2026 as not like for like;
- places the cohort's 2024 median among the official 2024 national results;
- plans the cheapest way to Baik for every 2024 institution below it;
- draws the 2024 domain means by type, with the edition's own band edges.

    python spbe-py/examples/cohort_analysis.py [--institutions 600] [--out domains.png]

Needs pandas and numpy; the chart needs matplotlib (skipped with a note if absent).
"""
import argparse

import numpy as np
import pandas as pd

import spbe

KINDS = {"Pusat": 0.6, "Provinsi": 0.2, "Kabupaten": -0.25, "Kota": 0.0}
YEARS = (2023, 2024, 2026)


def synthetic_cohort(n: int, seed: int = 2024) -> pd.DataFrame:
    """One row per institution and year; one column per indicator id of every
    edition used (a row leaves empty the columns its edition does not have)."""
    rng = np.random.default_rng(seed)
    kinds = rng.choice(list(KINDS), size=n, p=[0.15, 0.06, 0.63, 0.16])
    base = 2.5 + np.array([KINDS[k] for k in kinds]) + rng.normal(0, 0.55, n)
    rows = []
    for step, year in enumerate(YEARS):
        rubric = spbe.Rubric.builtin(spbe.rubric_for_year(year))
        continuous = any(lv.min is not None for i in rubric.indicators for lv in i.levels)
        level = base + 0.12 * step  # slowly maturing
        frame = {"institution": [f"{k} {i:03d}" for i, k in enumerate(kinds)], "kind": kinds, "year": year}
        for ind in rubric.indicators:
            raw = level + rng.normal(0, 0.7, n)
            # 59/2020: whole levels 1-5; 8/2026: any value from 1 to 5, here with 2 decimals
            frame[ind.id] = np.clip(np.round(raw, 2) if continuous else np.rint(raw), 1, 5)
        rows.append(pd.DataFrame(frame))
    return pd.concat(rows, ignore_index=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--institutions", type=int, default=600)
    ap.add_argument("--out", default="spbe-cohort-domains.png", help="where to write the chart (PNG)")
    args = ap.parse_args()

    cohort = synthetic_cohort(args.institutions)
    scored = spbe.score_frame(cohort, year_column="year")
    print(f"{args.institutions} institutions x {len(YEARS)} years, scored with the edition in force each year:")
    print(scored.groupby("year")["index"].agg(["count", "mean"]).round(2).to_string(), "\n")

    y24 = spbe.rank_frame(scored[scored["year"] == 2024], by="kind")
    print("Top 5 of 2024 (rank nationally and within its type):")
    print(y24.nsmallest(5, "rank")[["institution", "index", "predicate", "rank", "rank_in_kind"]].to_string(index=False), "\n")

    rubric = spbe.Rubric.builtin("permenpanrb-59-2020")
    summary = spbe.summarize(y24, rubric=rubric, by="kind")
    print("2024 by type of institution (predicate counts and domain means):")
    shown = ["kind", "n", "index_mean"] + [p.name for p in rubric.predicates] + [f"Domain {d.id}. {d.name}" for d in rubric.domains]
    print(summary[shown].to_string(index=False), "\n")

    change = spbe.compare_years(scored)
    like = change[change["comparable"]]
    print(f"Year-over-year change: 2023 -> 2024 mean {like['change'].mean():+.2f} (same edition); "
          f"2024 -> 2026 is across editions ({(~change['comparable']).sum()} pairs flagged comparable=False)\n")

    median = float(y24["index"].median())
    print(f"The cohort's 2024 median, {median:.2f}, is at percentile {spbe.percentile(median, year=2024):.0f} "
          f"of the official 2024 national results ({len(spbe.published_results(2024))} institutions)\n")

    below = y24[y24["predicate"].isin(["Kurang", "Cukup"])]
    if len(below):
        plans = spbe.plan_frame(below.drop(columns=[c for c in below.columns if c not in [str(i.id) for i in rubric.indicators] + ["institution"]]),
                                rubric=rubric, to="Baik")
        print(f"{len(plans)} institutions below Baik in 2024: the cheapest way there takes "
              f"{plans['plan_steps'].median():.0f} one-level rises at the median (max {plans['plan_steps'].max()})")

    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("\n(matplotlib is not installed: no chart)")
        return
    names = [f"Domain {d.id}. {d.name}" for d in rubric.domains]
    fig, ax = plt.subplots(figsize=(9, 4.5))
    width = 0.8 / len(names)
    x = np.arange(len(summary))
    for k, name in enumerate(names):
        ax.bar(x + k * width, summary[name], width, label=name)
    for band in rubric.predicates[1:]:  # the edition's own band edges
        ax.axhline(band.min, color="grey", lw=0.6, ls=":")
        ax.text(len(x) - 0.2, band.min + 0.03, band.name, fontsize=7, color="grey", ha="right")
    ax.set_xticks(x + width * (len(names) - 1) / 2, summary["kind"])
    ax.set_ylim(1, 5)
    ax.set_ylabel("mean domain index")
    ax.set_title("Synthetic cohort, 2024: SPBE domain indices by type of institution (PermenPANRB 59/2020)")
    ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    fig.savefig(args.out, dpi=120)
    print(f"\nchart written to {args.out}")


if __name__ == "__main__":
    main()
