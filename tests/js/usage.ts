// Type-checked with `tsc --noEmit` against the generated spbe_wasm.d.ts: the
// declarations come from the Rust types (tsify), so this fails if they drift.
import { score, check, validate, rubrics, rubric, toVector, fromVector, errorCodes, indexGap, topGains, levelViews, rangeOf, isVector, outline, plan, formState, externalTracks, compare, targetBase } from "../../spbe-wasm/pkg/web/spbe_wasm.js";
import type { Assessment, Report, CheckResult, Issue, IssueKind, SpbeError, RubricSpec, RubricSummary, Options, DomainScore, IndicatorScore, Track, Value, PredicateRule, BandBounds, ErrorCode, LevelView, Place, Plan, PlanRequest, FormState, Level, Comparison } from "../../spbe-wasm/pkg/web/spbe_wasm.js";

const a: Assessment = { rubric: "permenpanrb-5-2018", institution: "Kota Contoh", year: 2019, levels: { "1": 3, "35": [1, 3, 3] }, notes: { "1": "penjelasan" } };
const tracked: Assessment = { rubric: "permenpanrb-59-2020", tracks: { mandiri: { "1": 4 }, target: { "1": 5 } }, evidence: { "1": ["SK"] } };
const opts: Options = { track: "final", missing: "lowest", predicate_basis: "exact" };
const byYear: Options = { year: 2024, predicate_basis: null };
const decimals: Assessment = { rubric: "permenpanrb-8-2026", levels: { "3": 1.26, "13": "7/6" } };
const r: Report = score(a, opts);
const idx: number = r.index;
const pred: string = r.predicate;
const doms: DomainScore[] = r.domains;
const firstDomainIndex: number | null = doms[0].index;
const ind: IndicatorScore = r.indicators[0];
const levels: Value[] = ind.levels;
const one: number | string | null = ind.level;
const rule: PredicateRule = r.predicate_rule;
const basis: "exact" | "reported" = rule.basis;
const reason: "option" | "year" | "edition_default" = rule.reason;
const bounds: BandBounds = rubric("permenpanrb-8-2026").band_bounds;
const src: Track | null = ind.source;
const next: string | undefined = r.next_predicate?.name;
const viaVector: Report = score(toVector(tracked));
const back: Assessment = fromVector("SPBE1.permenpanrb-8-2026.L33333333333333333333");
const res: CheckResult = check(a);
if (res.ok && res.report) {
  const i2: number = res.report.index;
  void i2;
} else {
  const issues: Issue[] = res.issues ?? [];
  const code: string = issues[0].code;
  const where: string | null = issues[0].indicator;
  const kind: IssueKind = issues[0].kind;
  // @ts-expect-error: not a kind of problem
  const notKind: IssueKind = "warning";
  void code; void where; void kind; void notKind;
}
const problems: Issue[] = validate(a);
const list: RubricSummary[] = rubrics();
const spec: RubricSpec = rubric(list[0].id);
const weight: string = spec.domains ? spec.domains[0].weight : spec.aspects![0].weight;
const registry: ErrorCode[] = errorCodes();
const gap: number = indexGap(r.index_exact, r.index_exact);
const topIds: string[] = topGains(r, 5);
const views: LevelView[] = levelViews("permenpanrb-8-2026", "1");
const range: number | undefined = rangeOf("permenpanrb-8-2026", "1", "1.26");
const isV: boolean = isVector("SPBE1.x");
const places: Place[] = outline("permenpanrb-59-2020");
const placeAspect: string = places[0].aspect.id;
const family: string = registry[0].family;
void [places, placeAspect, gap, topIds, views, range, isV, registry, family, idx, pred, firstDomainIndex, levels, one, basis, reason, bounds, byYear, decimals, src, next, viaVector, back, problems, weight];

// the planner's request and result are typed
const planned: Plan = plan(a, { to: "Baik", costs: { "12": 3 }, frozen: ["30"] }, { missing: "error" });
const byIndex: PlanRequest = { to: 3.0, max_levels: { "12": 4 } };
void byIndex;
const firstStep: string | undefined = planned.steps[0]?.indicator;
void firstStep;

// the form's state in one call, typed
const st: FormState = formState(a, ["mandiri", "target"]);
const stages: Track[] = externalTracks(a); // the assessors' stages a file records, then "final"
const staged: FormState = formState(a, ["mandiri", ...stages]);
const cmp: Comparison = compare(a, "mandiri", "final", staged.tracks[0].options);
const cmpDelta: Value = cmp.changes[0].delta;
const base: Track = targetBase(a); // "final" once assessors have scored, else "mandiri"
const stIndex: string | undefined = st.tracks[0].summary?.index_text;
const stGap: number | null = st.gap;
const stLevels: Record<string, Level> | null = st.tracks[1].levels;
void [stIndex, stGap, stLevels];
const stKind: "value" | "missing" | "invalid" | undefined = st.tracks[0].issues[0]?.kind;
const registryKind: IssueKind = registry[0].kind;
try {
  score(a);
} catch (e) {
  const err = e as SpbeError;
  const thrownKind: IssueKind = err.kind;
  void thrownKind;
}
const stOptions: Options = st.tracks[0].options;
const plannedAsScored: Plan = plan(a, { to: "Baik" }, st.tracks[0].options);
void [stKind, registryKind, stOptions, plannedAsScored];
