#!/usr/bin/env bash
# Builds the libFuzzer targets in tests/fuzz with clang-14 (+ ASan and UBSan) into build-fuzz/,
# replays every regression input in tests/fuzz/regressions/<target>/, then fuzzes each target
# for FUZZ_SECONDS (default 60) from its seed corpus tests/fuzz/corpus/<target>/.
# New corpus entries go to build-fuzz/corpus/<target>/ (the checked-in seeds are not touched).
# A crash is saved as build-fuzz/crashes/<target>/crash-*; copy it into
# tests/fuzz/regressions/<target>/ once fixed so it is replayed on every run.
# Writes <log-dir>/fuzz.log ending with "fuzz: N passed, N failed" (read by tools/summary.mjs).
#   tools/fuzz.sh [log-dir] [target...]     (default build-wasm/test-artifacts; all targets)
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${JOINEDUP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/joined-up}"
LOGDIR="${1:-$ROOT/build-wasm/test-artifacts}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(content session share tally)
SECONDS_PER_TARGET="${FUZZ_SECONDS:-60}"
B="$ROOT/build-fuzz"
mkdir -p "$LOGDIR"
LOG="$LOGDIR/fuzz.log"
: >"$LOG"

source "$ROOT/tools/clang-env.sh"

echo "== fuzz: building ${TARGETS[*]} with clang-14 -fsanitize=fuzzer,address,undefined into $B" >&2
cmake -S "$ROOT" -B "$B" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DJOINEDUP_FUZZ=ON -DIMGUI_DIR="$CACHE/src/imgui" -DQRENCODE_DIR="$CACHE/src/qrencode" >>"$LOG" 2>&1 &&
  cmake --build "$B" -j"$(nproc)" --target $(printf 'fuzz_%s ' "${TARGETS[@]}") >>"$LOG" 2>&1
if [ $? != 0 ]; then
  tail -30 "$LOG" >&2
  echo "fuzz: build failed" | tee -a "$LOG"
  echo "fuzz: 0 passed, ${#TARGETS[@]} failed" | tee -a "$LOG"
  exit 1
fi

export ASAN_OPTIONS="abort_on_error=0:halt_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
passed=0 failed=0
for t in "${TARGETS[@]}"; do
  bin="$B/fuzz_$t"
  seeds="$ROOT/tests/fuzz/corpus/$t"
  regress="$ROOT/tests/fuzz/regressions/$t"
  work="$B/corpus/$t"
  crashes="$B/crashes/$t"
  mkdir -p "$work" "$crashes"
  ok=1
  # 1. every saved regression input must now pass
  if [ -d "$regress" ] && [ -n "$(ls -A "$regress" 2>/dev/null)" ]; then
    if "$bin" -rss_limit_mb=4096 "$regress"/* >>"$LOG" 2>&1; then
      echo "fuzz_$t: $(ls "$regress" | wc -l) regression inputs pass" | tee -a "$LOG" >&2
    else
      echo "fuzz_$t: a regression input fails again (see $LOG)" | tee -a "$LOG" >&2
      ok=0
    fi
  fi
  # 2. bounded fuzzing from the seeds
  out="$B/fuzz_$t.out"
  "$bin" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$crashes/" "$work" "$seeds" >"$out" 2>&1
  rc=$?
  stats="$(grep -Eo "number_of_executed_units: *[0-9]+" "$out" | grep -Eo "[0-9]+$" | tail -1)"
  cov="$(grep -Eo 'cov: [0-9]+' "$out" | tail -1)"
  if [ $rc = 0 ]; then
    echo "fuzz_$t: ok, ${stats:-?} runs in ${SECONDS_PER_TARGET} s, ${cov:-cov: ?}, corpus $(ls "$work" | wc -l) files" | tee -a "$LOG" >&2
  else
    ok=0
    echo "fuzz_$t: FAILED (exit $rc); artifacts: $(ls "$crashes" | tr '\n' ' ')" | tee -a "$LOG" >&2
    grep -E 'ERROR|SUMMARY|runtime error|==[0-9]+==|#[0-9]+ 0x' "$out" | head -30 | tee -a "$LOG" >&2
  fi
  if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "fuzz: $passed passed, $failed failed" | tee -a "$LOG"
[ "$failed" = 0 ]
