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

printf '\nall tests passed\n'
