// Every conformance vector in tests/vectors gives the same result through the
// wasm package (spbe-wasm/pkg/node) as in Rust; errors are Error objects with codes.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const spbe = createRequire(import.meta.url)(path.join(root, "spbe-wasm/pkg/node/spbe_wasm.js"));
const dir = path.join(root, "tests/vectors");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

test("the vector set is there", () => assert.ok(files.length >= 50, `${files.length} vectors`));

for (const f of files) {
  test(`vector ${f}`, () => {
    const c = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
    const opts = c.options;
    const e = c.expect;
    if (e.error) {
      assert.throws(() => spbe.score(c.input, opts), (err) => {
        assert.ok(err instanceof Error);
        assert.equal(err.code, e.error, err.message);
        if (e.indicator) assert.equal(err.indicator, e.indicator);
        if (err.indicator) assert.ok(err.message.includes(err.indicator), err.message);
        return true;
      });
      const res = spbe.check(c.input, opts);
      assert.equal(res.ok, false);
      assert.ok(res.issues.some((i) => i.code === e.error), JSON.stringify(res.issues));
      return;
    }
    const r = spbe.score(c.input, opts);
    assert.equal(r.index, e.index);
    assert.equal(r.index_text, e.index_text);
    assert.equal(r.index_exact, e.index_exact);
    assert.equal(r.predicate, e.predicate);
    if (e.predicate_basis !== undefined) assert.equal(r.predicate_rule.basis, e.predicate_basis);
    if (e.predicate_reason !== undefined) assert.equal(r.predicate_rule.reason, e.predicate_reason);
    assert.deepEqual(Object.fromEntries(r.domains.map((d) => [d.id, d.index])), e.domains);
    assert.deepEqual(Object.fromEntries(r.aspects.map((a) => [a.id, a.index])), e.aspects);
    const ok = spbe.check(c.input, opts);
    assert.equal(ok.ok, true);
    assert.deepEqual(ok.report, r);
  });
}
