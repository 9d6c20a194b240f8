#!/usr/bin/env bash
# Builds the libFuzzer targets in tests/fuzz with clang-14 (+ ASan and UBSan) into build-fuzz/,
# replays every regression input in tests/fuzz/regressions/<target>/, then fuzzes each target.
#
# Two modes, chosen by FUZZ_SEED:
#   FUZZ_SEED=<number> (default 1): a reproducible, bounded run, as ./build-wasm.sh test does it.
#     Each target runs -seed=<number> for a fixed number of inputs (RUNS below, about 30-60 s each
#     on a 2-core machine; FUZZ_RUNS overrides it for every target) from the checked-in seeds
#     (tests/fuzz/corpus/<target>/) and regressions only, never from a corpus grown by earlier
#     runs, and with address randomisation off (setarch -R), so two runs on a clean clone execute
#     the same inputs. FUZZ_SECONDS (default 300) is a safety cap per target; reaching it is
#     reported but is not a failure.
#   FUZZ_SEED=random: unseeded exploration for FUZZ_SECONDS (default 600) per target, growing
#     build-fuzz/corpus/<target>/ across runs (./build-wasm.sh fuzz [seconds]).
#
# The checked-in seeds are never written to. A crash is saved as build-fuzz/crashes/<target>/crash-*;
# copy it into tests/fuzz/regressions/<target>/ once fixed so it is replayed on every run.
# FUZZ_BUILD_DIR (default build-fuzz) lets concurrent runs use separate build directories;
# FUZZ_JOBS (default nproc) is the build's parallelism.
# Writes <log-dir>/fuzz.log ending with "fuzz: N passed, N failed" (read by tools/summary.mjs).
#   tools/fuzz.sh [log-dir] [target...]     (default build-wasm/test-artifacts; all targets)
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${JOINEDUP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/joined-up}"
LOGDIR="${1:-$ROOT/build-wasm/test-artifacts}"
shift || true
TARGETS=("$@")
# Keep in step with the foreach list in CMakeLists.txt (JOINEDUP_FUZZ) and tests/fuzz/README.md.
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(content pack session share tally apply module)
B="${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
case "$B" in /*) ;; *) B="$ROOT/$B" ;; esac
JOBS="${FUZZ_JOBS:-$(nproc)}"
SEED="${FUZZ_SEED:-1}"

# Inputs per target in a seeded run: chosen so that each takes roughly 30-60 s on the 2-core
# Debian machine (measured with -seed=1; see tests/fuzz/README.md).
declare -A RUNS=([content]=7500 [pack]=9000 [session]=400000 [share]=2500000 [tally]=100000 [apply]=900 [module]=4000)

if [ "$SEED" = random ]; then
  MODE=random
  SECONDS_PER_TARGET="${FUZZ_SECONDS:-600}"
elif [[ "$SEED" =~ ^[0-9]+$ ]]; then
  MODE=seeded
  SECONDS_PER_TARGET="${FUZZ_SECONDS:-300}"
else
  echo "fuzz.sh: FUZZ_SEED must be a number or \"random\", not \"$SEED\"" >&2
  exit 2
fi
for t in "${TARGETS[@]}"; do
  if [ ! -f "$ROOT/tests/fuzz/fuzz_$t.cpp" ]; then
    echo "fuzz.sh: no target \"$t\" (tests/fuzz/fuzz_$t.cpp)" >&2
    exit 2
  fi
done
mkdir -p "$LOGDIR"
LOG="$LOGDIR/fuzz.log"
: >"$LOG"

source "$ROOT/tools/clang-env.sh"

echo "== fuzz: building ${TARGETS[*]} with clang-14 -fsanitize=fuzzer,address,undefined into $B" >&2
cmake -S "$ROOT" -B "$B" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DJOINEDUP_FUZZ=ON -DIMGUI_DIR="$CACHE/src/imgui" -DQRENCODE_DIR="$CACHE/src/qrencode" >>"$LOG" 2>&1 &&
  cmake --build "$B" -j"$JOBS" --target $(printf 'fuzz_%s ' "${TARGETS[@]}") >>"$LOG" 2>&1
if [ $? != 0 ]; then
  tail -30 "$LOG" >&2
  echo "fuzz: build failed" | tee -a "$LOG"
  echo "fuzz: 0 passed, ${#TARGETS[@]} failed" | tee -a "$LOG"
  exit 1
fi

# A seeded run is only reproducible with address randomisation off: libFuzzer feeds the values of
# compared operands (pointers included) back into its mutations, and periodic corpus reloads
# depend on time, so -reload=0 as well.
RUNNER=()
if [ $MODE = seeded ]; then
  if setarch "$(uname -m)" -R true 2>/dev/null; then
    RUNNER=(setarch "$(uname -m)" -R)
  else
    echo "== fuzz: warning: cannot turn address randomisation off (setarch -R); seeded runs may differ" | tee -a "$LOG" >&2
  fi
fi

if [ $MODE = seeded ]; then
  echo "== fuzz: seeded run (FUZZ_SEED=$SEED): fixed inputs per target from the checked-in seeds, cap ${SECONDS_PER_TARGET} s each" | tee -a "$LOG" >&2
else
  echo "== fuzz: random run: ${SECONDS_PER_TARGET} s per target, corpus kept in $B/corpus" | tee -a "$LOG" >&2
fi

export ASAN_OPTIONS="abort_on_error=0:halt_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
passed=0 failed=0
for t in "${TARGETS[@]}"; do
  bin="$B/fuzz_$t"
  seeds="$ROOT/tests/fuzz/corpus/$t"
  regress="$ROOT/tests/fuzz/regressions/$t"
  crashes="$B/crashes/$t"
  mkdir -p "$crashes"
  ok=1
  # 1. every saved regression input must now pass
  inputs=()
  [ -d "$seeds" ] && inputs+=("$seeds")
  if [ -d "$regress" ] && [ -n "$(ls -A "$regress" 2>/dev/null)" ]; then
    if "$bin" -rss_limit_mb=4096 "$regress"/* >>"$LOG" 2>&1; then
      echo "fuzz_$t: $(ls "$regress" | wc -l) regression inputs pass" | tee -a "$LOG" >&2
      inputs+=("$regress")
    else
      # Still fuzz from the seeds (without the failing inputs) so the run says what else is wrong.
      echo "fuzz_$t: a regression input fails again (see $LOG)" | tee -a "$LOG" >&2
      ok=0
    fi
  fi
  # 2. fuzzing. libFuzzer writes new inputs into the first corpus folder: a fresh empty one in
  # a seeded run (so nothing carries over between runs), the kept one in a random run.
  if [ $MODE = seeded ]; then
    work="$B/seeded/$t"
    rm -rf "$work"
    runs="${FUZZ_RUNS:-${RUNS[$t]:-50000}}"
    mode_flags=(-seed="$SEED" -runs="$runs" -reload=0)
  else
    work="$B/corpus/$t"
    runs=
    mode_flags=()
  fi
  mkdir -p "$work"
  out="$B/fuzz_$t.out"
  known="$(ls "$crashes")"
  start=$(date +%s)
  "${RUNNER[@]}" "$bin" "${mode_flags[@]}" -max_total_time="$SECONDS_PER_TARGET" -timeout=25 -rss_limit_mb=4096 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$crashes/" "$work" "${inputs[@]}" >"$out" 2>&1
  rc=$?
  took=$(($(date +%s) - start))
  stats="$(grep -Eo "number_of_executed_units: *[0-9]+" "$out" | grep -Eo "[0-9]+$" | tail -1)"
  cov="$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$out" | tail -1)"
  if [ $rc = 0 ]; then
    note=
    if [ -n "$runs" ] && [ -n "$stats" ] && [ "$stats" -lt "$runs" ]; then
      note=" (stopped by the ${SECONDS_PER_TARGET} s cap before $runs runs: not comparable with other runs)"
    fi
    echo "fuzz_$t: ok, ${stats:-?} runs in ${took} s, ${cov:-cov: ?}, $(ls "$work" | wc -l) new corpus files$note" | tee -a "$LOG" >&2
  else
    ok=0
    new_files="$(comm -13 <(echo "$known") <(ls "$crashes") | sed "s|^|$crashes/|" | tr '\n' ' ')"
    echo "fuzz_$t: FAILED (exit $rc) after ${took} s; new artifacts: ${new_files:-none}" | tee -a "$LOG" >&2
    grep -E 'ERROR|SUMMARY|runtime error|invariant violated|==[0-9]+==|#[0-9]+ 0x' "$out" | head -30 | tee -a "$LOG" >&2
  fi
  if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "fuzz: $passed passed, $failed failed" | tee -a "$LOG"
[ "$failed" = 0 ]
