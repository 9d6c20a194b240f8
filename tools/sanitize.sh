#!/usr/bin/env bash
# Builds the native code and unit tests with clang-14 under AddressSanitizer and
# UndefinedBehaviorSanitizer into build-asan/, and runs ctest there (unit tests, the validator
# over every fixture, the text edition). Writes <log-dir>/sanitize.log ending with
# "sanitize: N passed, N failed" (read by tools/summary.mjs).
#   tools/sanitize.sh [log-dir]      (default build-wasm/test-artifacts)
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${JOINEDUP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/joined-up}"
LOGDIR="${1:-$ROOT/build-wasm/test-artifacts}"
B="$ROOT/build-asan"
mkdir -p "$LOGDIR"
LOG="$LOGDIR/sanitize.log"
: >"$LOG"

source "$ROOT/tools/clang-env.sh"

echo "== sanitizers: building with clang-14 -fsanitize=address,undefined into $B" >&2
cmake -S "$ROOT" -B "$B" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_CXX_FLAGS=-O1 -DCMAKE_C_FLAGS=-O1 -DJOINEDUP_SANITIZE=ON \
  -DIMGUI_DIR="$CACHE/src/imgui" -DQRENCODE_DIR="$CACHE/src/qrencode" >>"$LOG" 2>&1 &&
  cmake --build "$B" -j"$(nproc)" --target unit_tests joinedup-check joinedup-text >>"$LOG" 2>&1
if [ $? != 0 ]; then
  tail -30 "$LOG" >&2
  echo "sanitize: build failed" | tee -a "$LOG"
  echo "sanitize: 0 passed, 1 failed" | tee -a "$LOG"
  exit 1
fi
# Any sanitizer report fails the test that triggered it.
export ASAN_OPTIONS="abort_on_error=0:halt_on_error=1:detect_leaks=1:strict_string_checks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
(cd "$B" && ctest --output-on-failure -j"$(nproc)" 2>&1) | tee -a "$LOG" | grep -E "tests passed|Failed|\*\*\*" >&2
res="$(grep -Eo '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$LOG" | tail -1)"
if [ -z "$res" ]; then echo "sanitize: 0 passed, 1 failed" | tee -a "$LOG"; exit 1; fi
failed="$(echo "$res" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+)/\1/')"
total="$(echo "$res" | sed -E 's/.* out of ([0-9]+)/\1/')"
echo "sanitize: $((total - failed)) passed, $failed failed" | tee -a "$LOG"
[ "$failed" = 0 ]
