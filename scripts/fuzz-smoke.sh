#!/usr/bin/env bash
# A short fuzzing pass over every target in fuzz/: installs cargo-fuzz if it is
# missing, writes the seed corpora, builds the targets (stable toolchain, no
# sanitizer) and runs each for FUZZ_SECONDS (default 15). Prints the number of
# executions per target; exits non-zero if any target crashed, timed out or
# failed to build. Safe to run again.
#
#   FUZZ_SECONDS=60 ./scripts/fuzz-smoke.sh          # longer runs
#   FUZZ_TARGETS="vector batch" ./scripts/fuzz-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH="${FUZZ_SECONDS:-15}"
TARGETS="${FUZZ_TARGETS:-parse_score vector rubric batch}"
# a single input slower than this is reported as a failure (a hang)
TIMEOUT="${FUZZ_TIMEOUT:-30}"
LOGS="fuzz/artifacts/logs"

step() { printf '\n== %s\n' "$*"; }
now() { date +%s; }
command -v cargo >/dev/null || { echo "cargo is required" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is required (fuzz/seed.sh)" >&2; exit 1; }

t0=$(now)
if ! cargo fuzz --version >/dev/null 2>&1; then
  step "installing cargo-fuzz (crates.io)"
  cargo install cargo-fuzz --locked
fi
cargo fuzz --version
t_install=$(( $(now) - t0 ))

step "seed corpora"
fuzz/seed.sh

step "build (release, debug assertions and overflow checks, no sanitizer)"
t1=$(now)
# fuzz/Cargo.lock is committed: refuse to build if it would have to change
cargo metadata --locked --format-version 1 --manifest-path fuzz/Cargo.toml >/dev/null
# -s none needs no nightly features, so the stable toolchain builds it as is
cargo fuzz build -s none
t_build=$(( $(now) - t1 ))

mkdir -p "$LOGS"
t2=$(now)
failed=()
summary=()
for t in $TARGETS; do
  step "run $t for ${SECONDS_EACH}s"
  log="$LOGS/$t.log"
  mkdir -p "fuzz/artifacts/$t"
  set +e
  cargo fuzz run "$t" -s none -- \
    -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" -print_final_stats=1 \
    >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  if [ "$rc" -ne 0 ]; then
    failed+=("$t")
    summary+=("$(printf '%-12s FAILED (exit %s) after %s executions; log %s' "$t" "$rc" "${execs:-?}" "$log")")
    # the panic message, then cargo-fuzz's commands to reproduce and minimise
    grep -m1 -A2 "panicked at" "$log" || grep -m3 -E "ERROR: libFuzzer|SUMMARY" "$log" || true
    grep -A2 -E "^(Reproduce with|Minimize test case with):" "$log" | grep -v '^--$' || true
  else
    summary+=("$(printf '%-12s %10s executions (%s/s)' "$t" "${execs:-?}" "${rate:-?}")")
  fi
done
t_run=$(( $(now) - t2 ))

step "summary"
printf '%s\n' "${summary[@]}"
printf 'time: install %ss, build %ss, runs %ss (total %ss)\n' \
  "$t_install" "$t_build" "$t_run" "$(( $(now) - t0 ))"
if [ "${#failed[@]}" -ne 0 ]; then
  echo "crashed: ${failed[*]}; inputs in fuzz/artifacts/<target>/ (see fuzz/README.md to reproduce)" >&2
  exit 1
fi
