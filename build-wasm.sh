#!/usr/bin/env bash
# Joined-Up build driver. Run on Debian 12 as root (or with sudo available).
#   ./build-wasm.sh serve   install what is missing, build the app, serve it on http://127.0.0.1:8080
#   ./build-wasm.sh test    native unit tests, content checks, wasm build, browser tests, sanitizers,
#                           fuzzing (fixed seed, so a run is repeatable)
#   ./build-wasm.sh build   install and build only
#   ./build-wasm.sh native  native build and unit tests only
#   ./build-wasm.sh bench   build, then print the benchmark table and write bench/results.json
#   ./build-wasm.sh fuzz [seconds]   unseeded fuzzing campaign, each target for seconds (default 600)
# Chatty tool output goes to build-wasm/build.log; on any failure the script names the step and
# the command that failed and shows the end of that log.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "$0")" && pwd)"
CACHE="${JOINEDUP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/joined-up}"
OUT="$ROOT/build-wasm"
NATIVE="$ROOT/build-native"
PORT="${PORT:-8080}"
JOBS="$(nproc)"
LOG="$OUT/build.log"
source "$ROOT/tools/apt-mirror.sh"

IMGUI_VERSION=1.90.1+ds-1
SDL2_VERSION=2.26.5+dfsg-1
QRENCODE_VERSION=4.1.1-2

# Debian binary packages the build and the tests need.
DEB_PACKAGES=(cmake make g++ pkg-config emscripten node-acorn nlohmann-json3-dev catch2
  libsdl2-dev libgl-dev fonts-inter fonts-dejavu-core chromium nodejs npm librsvg2-bin
  debian-archive-keyring ca-certificates xz-utils dpkg-dev fonttools clang-14 libclang-rt-14-dev lld-14)

STEP="starting"
log() { STEP="$*"; printf '\033[1m== %s\033[0m\n' "$*" >&2; }
die() { printf '\033[1;31m== %s\033[0m\n' "$*" >&2; exit 1; }

# Every failure that stops the script is reported here (set -E: also inside functions), once,
# by the top-level shell; a failing subshell is reported as the subshell's command.
QUIET_CMD="" QUIET_AT=1
on_err() {
  local rc=$? cmd=$BASH_COMMAND line=${BASH_LINENO[0]} quieted=""
  [[ $- == *e* ]] && [ "$BASH_SUBSHELL" = 0 ] || return 0
  if [ "$cmd" = 'return "$rc"' ] && [ -n "$QUIET_CMD" ]; then cmd=$QUIET_CMD quieted=1; fi
  printf '\033[1;31m== FAILED during "%s": `%s` exited with status %s (build-wasm.sh line %s)\033[0m\n' \
    "$STEP" "$cmd" "$rc" "$line" >&2
  if [ -n "$quieted" ]; then
    echo "   last lines of its output (all of it in $LOG):" >&2
    tail -c +"$QUIET_AT" "$LOG" | tail -n 30 | sed 's/^/   | /' >&2
  fi
}
trap on_err ERR

# Runs a chatty command with its output appended to $LOG instead of the terminal.
quiet() {
  local rc=0
  mkdir -p "$OUT" && touch "$LOG"
  QUIET_CMD="" QUIET_AT=$(($(wc -c <"$LOG") + 1))
  printf '\n== %s\n$ %s\n' "$STEP" "$*" >>"$LOG"
  "$@" >>"$LOG" 2>&1 || rc=$?
  [ "$rc" = 0 ] || QUIET_CMD="$*"
  return "$rc"
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Node 18 (Debian 12's nodejs) is enough; a newer node from elsewhere is accepted too.
node_ok() {
  command -v node >/dev/null && command -v npm >/dev/null || return 1
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" || return 1
  [ "${major:-0}" -ge 18 ] 2>/dev/null
}

install_debs() {
  local missing=()
  for p in "${DEB_PACKAGES[@]}"; do
    if { [ "$p" = nodejs ] || [ "$p" = npm ]; } && node_ok; then continue; fi
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]} (output in $LOG)"
    quiet as_root apt-get update
    quiet as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  fi
  node_ok || die "need Node >= 18 with npm, found $(command -v node || echo 'no node') $(node --version 2>/dev/null || true)" \
    "and $(command -v npm || echo 'no npm'): install Debian's (apt-get install nodejs npm) or put a newer one first on PATH"
}

# Fetch the pinned Debian source packages of Dear ImGui and SDL2 into the cache,
# through a private apt source list so the system's apt setup is untouched.
fetch_sources() {
  local src="$CACHE/src"
  if [ -f "$src/.imgui-$IMGUI_VERSION" ] && [ -f "$src/.sdl2-$SDL2_VERSION" ] && [ -f "$src/.qrencode-$QRENCODE_VERSION" ]; then return; fi
  local mirror
  mirror="$(apt_mirror)"
  log "fetching Debian source packages imgui=$IMGUI_VERSION libsdl2=$SDL2_VERSION qrencode=$QRENCODE_VERSION from $mirror"
  mkdir -p "$src" "$CACHE/apt/sources" "$CACHE/apt/lists/partial"
  cat >"$CACHE/apt/sources/joinedup.sources" <<EOF
Types: deb-src
URIs: $mirror
Suites: bookworm trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  local aptopts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$CACHE/apt/sources"
    -o "Dir::State::Lists=$CACHE/apt/lists" -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  quiet apt-get "${aptopts[@]}" --error-on=any update
  cd "$src"
  quiet apt-get "${aptopts[@]}" source --download-only "imgui=$IMGUI_VERSION" "libsdl2=$SDL2_VERSION" \
    "qrencode=$QRENCODE_VERSION"
  rm -rf imgui SDL2 qrencode && mkdir imgui SDL2 qrencode
  tar -xf imgui_*.orig.tar.* -C imgui --strip-components=1
  tar -xf libsdl2_*.orig.tar.* -C SDL2 --strip-components=1
  tar -xf qrencode_*.orig.tar.* -C qrencode --strip-components=1
  cd "$ROOT"
  touch "$src/.imgui-$IMGUI_VERSION" "$src/.sdl2-$SDL2_VERSION" "$src/.qrencode-$QRENCODE_VERSION"
}

# Debian's emscripten uses its own prebuilt (frozen) cache: do not point EM_CACHE elsewhere.
emenv() { env NODE_PATH=/usr/share/nodejs "$@"; }

# SDL2 for wasm, built once per version into the cache.
build_sdl2_wasm() {
  local prefix="$CACHE/sdl2-wasm-$SDL2_VERSION"
  if [ -f "$prefix/lib/libSDL2.a" ]; then return; fi
  log "building SDL2 $SDL2_VERSION for wasm (once; about 5 minutes)"
  local b="$CACHE/sdl2-wasm-build"
  rm -rf "$b" && mkdir -p "$b"
  cd "$b"
  quiet emenv emcmake cmake "$CACHE/src/SDL2" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix.tmp" -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
    -DSDL_AUDIO=OFF -DSDL_HAPTIC=OFF -DSDL_SENSOR=OFF -DSDL_POWER=OFF -DSDL_JOYSTICK=OFF
  quiet emenv emmake make -j"$JOBS"
  quiet emenv emmake make install
  cd "$ROOT"
  mv "$prefix.tmp" "$prefix"
}

configure_native() {
  quiet cmake -S "$ROOT" -B "$NATIVE" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIMGUI_DIR="$CACHE/src/imgui" \
    -DQRENCODE_DIR="$CACHE/src/qrencode"
}

build_native() {
  log "native build"
  configure_native
  cmake --build "$NATIVE" -j"$JOBS"
}

build_wasm() {
  log "wasm build"
  quiet emenv emcmake cmake -S "$ROOT" -B "$OUT/obj" -DCMAKE_BUILD_TYPE=Release \
    -DIMGUI_DIR="$CACHE/src/imgui" -DSDL2_WASM_PREFIX="$CACHE/sdl2-wasm-$SDL2_VERSION" \
    -DQRENCODE_DIR="$CACHE/src/qrencode"
  emenv cmake --build "$OUT/obj" -j"$JOBS" --target joinedup joinedup_single answer-core
  log "assembling site in $OUT/site"
  rm -rf "$OUT/site" && mkdir -p "$OUT/site/data"
  find "$ROOT/web" -maxdepth 1 -type f -exec cp {} "$OUT/site/" \;   # web/text/ goes into text/ below
  cp "$OUT/obj/joinedup.js" "$OUT/obj/joinedup.wasm" "$OUT/site/"
  cp -r "$ROOT"/data/. "$OUT/site/data/"
  node "$ROOT/tools/single-file.mjs" "$ROOT/web" "$OUT/obj/joinedup_single.js" "$OUT/site/joinedup-offline.html"
  for size in 192 512; do rsvg-convert -w $size -h $size "$ROOT/web/icon.svg" -o "$OUT/site/icon-$size.png"; done
  log "text edition in $OUT/site/text"
  configure_native
  quiet cmake --build "$NATIVE" -j"$JOBS" --target joinedup-text
  "$NATIVE/joinedup-text" "$ROOT/data" "$OUT/site/text"
  cp "$ROOT"/web/text/* "$OUT/obj/answer-core.js" "$OUT/obj/answer-core.wasm" "$OUT/site/text/"
  node "$ROOT/tools/site-manifest.mjs" "$OUT/site"
}

# npm ci in $1 unless its node_modules already holds exactly the versions in its package-lock.json,
# so a changed pin is installed even where an older node_modules exists.
npm_ci() {
  local dir="$1"
  if node -e '
    const fs = require("fs"), path = require("path"), dir = process.argv[1];
    const lock = JSON.parse(fs.readFileSync(path.join(dir, "package-lock.json"), "utf8"));
    for (const [p, { version }] of Object.entries(lock.packages || {})) {
      if (!p) continue;
      let have;
      try { have = JSON.parse(fs.readFileSync(path.join(dir, p, "package.json"), "utf8")).version; } catch (e) {}
      if (have !== version) process.exit(1);
    }' "$dir"; then return; fi
  log "installing npm packages pinned in ${dir#"$ROOT"/}/package-lock.json"
  cd "$dir"
  quiet npm ci --no-audit --no-fund
  cd "$ROOT"
}

npm_deps() { npm_ci "$ROOT/tests/browser"; }

prepare() { install_debs; fetch_sources; build_sdl2_wasm; }

mkdir -p "$OUT" && : >"$LOG"
cmd="${1:-build}"
case "$cmd" in
  build)  prepare; build_wasm ;;
  native) install_debs; fetch_sources; build_native; log "native unit tests"; (cd "$NATIVE" && ctest --output-on-failure) ;;
  serve)
    prepare; build_wasm
    log "serving $OUT/site"
    exec node "$ROOT/tools/serve.mjs" "$OUT/site" "$PORT" ;;
  test)
    prepare; npm_deps
    build_native
    log "native unit tests (ctest)"
    mkdir -p "$OUT/test-artifacts"
    set +e
    (cd "$NATIVE" && ctest --output-on-failure 2>&1 | tee "$OUT/test-artifacts/ctest.log")
    native_rc=${PIPESTATUS[0]}
    set -e
    build_wasm
    log "browser tests"
    set +e
    node "$ROOT/tests/browser/run.mjs" "$OUT/site" 2>&1 | tee "$OUT/test-artifacts/browser.log"
    browser_rc=${PIPESTATUS[0]}
    set -e
    # Hardening: the native tests under ASan + UBSan, then each libFuzzer target from its seed
    # corpus with a fixed seed, so the run is bounded and a failure can be replayed.
    # Each writes a "<name>: N passed, N failed" log line.
    log "sanitizers and fuzzing"
    set +e
    "$ROOT/tools/sanitize.sh" "$OUT/test-artifacts"
    sanitize_rc=$?
    FUZZ_SEED=1 "$ROOT/tools/fuzz.sh" "$OUT/test-artifacts"
    fuzz_rc=$?
    set -e
    node "$ROOT/tools/summary.mjs" "$OUT/test-artifacts/ctest.log" "$OUT/test-artifacts/browser.log" \
      "$OUT/test-artifacts/sanitize.log" "$OUT/test-artifacts/fuzz.log"
    [ "$native_rc$browser_rc$sanitize_rc$fuzz_rc" = 0000 ] ||
      die "test failed (exit status: native $native_rc, browser $browser_rc, sanitize $sanitize_rc, fuzz $fuzz_rc; logs in $OUT/test-artifacts)" ;;
  fuzz)
    # Longer campaigns, unseeded so each run explores differently; see tests/fuzz/README.md.
    install_debs; fetch_sources
    log "fuzzing, unseeded, ${2:-600} s per target"
    FUZZ_SEED=random FUZZ_SECONDS="${2:-600}" "$ROOT/tools/fuzz.sh" "$OUT/fuzz-artifacts" ;;
  bench)
    # Figures only (bench/README.md says what each one means); nothing here passes or fails.
    prepare; npm_deps; build_wasm
    log "benchmark build (Release) in $ROOT/build-bench"
    quiet cmake -S "$ROOT" -B "$ROOT/build-bench" -DCMAKE_BUILD_TYPE=Release -DJOINEDUP_BENCH=ON \
      -DIMGUI_DIR="$CACHE/src/imgui" -DQRENCODE_DIR="$CACHE/src/qrencode"
    quiet cmake --build "$ROOT/build-bench" -j"$JOBS" --target bench_core synth-pack
    # 100 times the bundled content: synth-pack's money lines (33 boroughs x 185 = 6,105 rows
    # against the bundled 61), in a copy of the site the browser benchmark serves.
    # Benchmark a snapshot of the site, so a concurrent rebuild of build-wasm/site cannot disturb it.
    rm -rf "$ROOT/build-bench/pack-100x" "$ROOT/build-bench/site-100x" "$ROOT/build-bench/site"
    cp -r "$OUT/site" "$ROOT/build-bench/site"
    quiet "$ROOT/build-bench/synth-pack" "$ROOT/build-bench/pack-100x" --base "$ROOT/data" --boroughs 33 --lines 185
    mkdir -p "$ROOT/build-bench/site-100x"
    (cd "$ROOT/build-bench/site" && cp -r $(ls | grep -vx -e data -e text) "$ROOT/build-bench/site-100x/")
    cp -r "$ROOT/build-bench/pack-100x" "$ROOT/build-bench/site-100x/data"
    quiet node "$ROOT/tools/site-manifest.mjs" "$ROOT/build-bench/site-100x"
    npm_ci "$ROOT/tools/bench"   # the benchmark peer, d3-geo
    log "core benchmarks (native)"
    "$ROOT/build-bench/bench_core" "$ROOT/data" "$ROOT/build-bench/pack-100x" --json "$ROOT/build-bench/core.json" >&2
    log "browser benchmarks (headless Chromium)"
    node "$ROOT/tools/bench/bench.mjs" "$ROOT/build-bench/site" "$ROOT/build-bench/site-100x" "$ROOT/build-bench/core.json" \
      "$ROOT/bench/results.json" ;;
  *) echo "usage: $0 [build|serve|test|native|bench|fuzz [seconds]]" >&2; exit 2 ;;
esac
