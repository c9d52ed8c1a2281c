// Type-checked with `tsc --noEmit`: scoreColumns' declarations (typed columns in,
// typed result columns out), so a change of shape fails here.
import { scoreColumns } from "../../spbe-wasm/pkg/web/spbe_wasm.js";
import type { Columns, ColumnsOptions, ColumnsResult, LevelColumn, RowError } from "../../spbe-wasm/pkg/web/spbe_wasm.js";

const col: LevelColumn = new Uint8Array([3, 255]);
const cols: Columns = { "1": col, "2": new Float64Array([3, NaN]), "3": [3, null], "35.1": new Float32Array([1.5, 2]) };
const opts: ColumnsOptions = { missing: "lowest", year: 2024, errors: "collect", extra: "ignore" };
const res: ColumnsResult = scoreColumns("permenpanrb-59-2020", cols, opts);
const index: Float64Array = res.index;
const predicate: Uint8Array = res.predicate;
const name: string = res.predicates[res.predicate[0]];
const domain: Float64Array | undefined = res.domains["1"];
const aspect: Float64Array | undefined = res.aspects["1"];
const errs: RowError[] = res.errors;
const row: number = errs[0].row;
const where: string | null = errs[0].indicator;
const rows: number = scoreColumns("permenpanrb-8-2026", cols).rows;
const official: Uint8Array = res.official;
const lacking: string[] | undefined = res.missing.get(1);
// @ts-expect-error: missing is keyed by row number
res.missing.get("1");
// @ts-expect-error: errors is "raise" or "collect"
scoreColumns("permenpanrb-59-2020", cols, { errors: "skip" });
// @ts-expect-error: a column is numbers, not strings
scoreColumns("permenpanrb-59-2020", { "1": ["3"] });
void [index, predicate, name, domain, aspect, row, where, rows, official, lacking];
