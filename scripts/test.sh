#!/usr/bin/env bash
# Runs every test of the project. Installs what the tests need first; safe to
# run again (every install step is skipped when already done).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

command -v cargo >/dev/null || { echo "cargo is required (Rust toolchain, https://rustup.rs)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 1; }

step "conformance vectors match their independent generator"
python3 tests/vectors/make_vectors.py --check

if cargo fmt --version >/dev/null 2>&1; then
  step "formatting"
  cargo fmt --all --check
fi
if cargo clippy --version >/dev/null 2>&1; then
  step "lints"
  cargo clippy --workspace --all-targets --locked -- -D warnings
fi

step "Rust tests (unit, vectors, properties, CLI, doc)"
cargo test --workspace --locked

step "the README's first command"
cargo run --release --locked --bin spbe -- score examples/kabupaten-sukamaju-2024.json >/dev/null

step "Python: pip install ./spbe-py (maturin from PyPI) into .venv, then pytest"
VENV=.venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
PY="$VENV/bin/python"
"$PY" -m pip install -q --disable-pip-version-check --upgrade pip
"$PY" -m pip install -q --disable-pip-version-check pytest hypothesis pandas polars numpy mypy typing_extensions matplotlib "dask[dataframe]" openpyxl
"$PY" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps ./spbe-py
mkdir -p test-artifacts
SPBE_CLI="$PWD/target/release/spbe" "$PY" -m pytest -q tests/py
"$PY" spbe-py/examples/cohort_analysis.py --institutions 120 --out test-artifacts/cohort-domains.png >/dev/null
"$PY" spbe-py/bench/bench_frame.py --rows 5000 --repeat 1 --loop-sample 100 >/dev/null

step "wasm: ./spbe-wasm/build.sh (installs Debian's rustc-web, wasm-bindgen-cli, binaryen as needed)"
./spbe-wasm/build.sh

step "JS: npm packages for the tests, Debian's chromium for the browser"
if ! [ -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
(cd tests/js && npm install --no-audit --no-fund --silent)

step "JS: every vector and the API through spbe-wasm/pkg/node (node --test)"
SPBE_CLI="$PWD/target/release/spbe" node --test tests/js/

step "cross-surface: identical reports and error codes from the CLI, Python and JS"
"$PY" tests/cross/differential.py --n 300 --seed 1
"$PY" tests/cross/error_codes.py

step "TypeScript: the generated declarations against tests/js/usage.ts (tsc --noEmit)"
tests/js/node_modules/.bin/tsc -p tests/js/tsconfig.json

step "browser: the calculator end to end in headless Chromium (playwright-core)"
node --test tests/browser/

step "fuzzing smoke run: every cargo-fuzz target for ${FUZZ_SECONDS:-15} s (installs cargo-fuzz from crates.io once)"
./scripts/fuzz-smoke.sh

step "benchmark smoke run (numbers are printed, not asserted)"
node spbe-wasm/bench/bench.mjs --n 500

printf '\nall tests passed\n'
