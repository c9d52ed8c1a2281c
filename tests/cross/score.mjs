// Line-oriented scoring server for the cross-surface tests (differential.py,
// error_codes.py). One request per stdin line, one answer per stdout line, in order:
//
//   in:  {"id": any, "input": <assessment object | JSON text | vector string>, "options": {...} | null}
//   out: {"id": any, "ok": true, "report": {...}}
//        {"id": any, "ok": false, "code": "...", "indicator": ..., "name": "...", "message": "..."}
//
// A request line that is not JSON gets {"ok": false, "code": "__bad_request__"}.
// The package is spbe-wasm/pkg/node unless SPBE_WASM_NODE names another spbe_wasm.js.
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const pkg = process.env.SPBE_WASM_NODE || path.join(root, "spbe-wasm/pkg/node/spbe_wasm.js");
const spbe = createRequire(import.meta.url)(pkg);

function answer(line) {
  let req;
  try {
    req = JSON.parse(line);
  } catch (e) {
    return { id: null, ok: false, code: "__bad_request__", indicator: null, name: "SyntaxError", message: String(e) };
  }
  const opts = req.options == null ? undefined : req.options;
  try {
    const report = spbe.score(req.input, opts);
    return { id: req.id, ok: true, report };
  } catch (e) {
    const isObj = e !== null && typeof e === "object";
    return {
      id: req.id,
      ok: false,
      code: isObj && typeof e.code === "string" ? e.code : null,
      indicator: isObj && "indicator" in e ? e.indicator : undefined,
      name: isObj ? String(e.name) : typeof e,
      message: isObj ? String(e.message) : String(e),
    };
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on("line", (line) => {
  if (line.trim() !== "") process.stdout.write(JSON.stringify(answer(line)) + "\n");
});
