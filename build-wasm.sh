#!/usr/bin/env bash
# Joined-Up build driver. Run on Debian 12 as root (or with sudo available).
#   ./build-wasm.sh serve   install what is missing, build the app, serve it on http://127.0.0.1:8080
#   ./build-wasm.sh test    native unit tests, content checks, wasm build, browser tests
#   ./build-wasm.sh build   install and build only
#   ./build-wasm.sh native  native build and unit tests only
#   ./build-wasm.sh bench   build, then print the benchmark table and write bench/results.json
set -euo pipefail

ROOT="$(cd "$(dirname "$0")" && pwd)"
CACHE="${JOINEDUP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/joined-up}"
OUT="$ROOT/build-wasm"
NATIVE="$ROOT/build-native"
PORT="${PORT:-8080}"
JOBS="$(nproc)"

IMGUI_VERSION=1.90.1+ds-1
SDL2_VERSION=2.26.5+dfsg-1
QRENCODE_VERSION=4.1.1-2

# Debian binary packages the build and the tests need.
DEB_PACKAGES=(cmake make g++ pkg-config emscripten node-acorn nlohmann-json3-dev catch2
  libsdl2-dev libgl-dev fonts-inter fonts-dejavu-core chromium nodejs npm librsvg2-bin
  debian-archive-keyring ca-certificates xz-utils dpkg-dev fonttools clang-14 libclang-rt-14-dev lld-14)

log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_debs() {
  local missing=()
  for p in "${DEB_PACKAGES[@]}"; do
    # node and npm may come from outside Debian on some machines: accept them if present.
    if [ "$p" = nodejs ] && command -v node >/dev/null; then continue; fi
    if [ "$p" = npm ] && command -v npm >/dev/null; then continue; fi
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Fetch the pinned Debian source packages of Dear ImGui and SDL2 into the cache,
# through a private apt source list so the system's apt setup is untouched.
fetch_sources() {
  local src="$CACHE/src"
  if [ -f "$src/.imgui-$IMGUI_VERSION" ] && [ -f "$src/.sdl2-$SDL2_VERSION" ] && [ -f "$src/.qrencode-$QRENCODE_VERSION" ]; then return; fi
  log "fetching Debian source packages imgui=$IMGUI_VERSION libsdl2=$SDL2_VERSION qrencode=$QRENCODE_VERSION"
  mkdir -p "$src" "$CACHE/apt/sources" "$CACHE/apt/lists/partial"
  local mirror
  mirror="$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)"
  [ -n "$mirror" ] || mirror="$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null)"
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  cat >"$CACHE/apt/sources/joinedup.sources" <<EOF
Types: deb-src
URIs: $mirror
Suites: bookworm trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  local aptopts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$CACHE/apt/sources"
    -o "Dir::State::Lists=$CACHE/apt/lists" -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  apt-get "${aptopts[@]}" update -qq
  (cd "$src" && apt-get "${aptopts[@]}" source --download-only -qq "imgui=$IMGUI_VERSION" "libsdl2=$SDL2_VERSION" \
    "qrencode=$QRENCODE_VERSION")
  (cd "$src" && rm -rf imgui SDL2 qrencode && mkdir imgui SDL2 qrencode &&
    tar -xf imgui_*.orig.tar.* -C imgui --strip-components=1 &&
    tar -xf libsdl2_*.orig.tar.* -C SDL2 --strip-components=1 &&
    tar -xf qrencode_*.orig.tar.* -C qrencode --strip-components=1)
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
  (cd "$b" && emenv emcmake cmake "$CACHE/src/SDL2" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix.tmp" -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
    -DSDL_AUDIO=OFF -DSDL_HAPTIC=OFF -DSDL_SENSOR=OFF -DSDL_POWER=OFF -DSDL_JOYSTICK=OFF >/dev/null &&
    emenv emmake make -j"$JOBS" >/dev/null && emenv emmake make install >/dev/null)
  mv "$prefix.tmp" "$prefix"
}

build_native() {
  log "native build"
  cmake -S "$ROOT" -B "$NATIVE" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIMGUI_DIR="$CACHE/src/imgui" \
    -DQRENCODE_DIR="$CACHE/src/qrencode" >/dev/null
  cmake --build "$NATIVE" -j"$JOBS"
}

build_wasm() {
  log "wasm build"
  emenv emcmake cmake -S "$ROOT" -B "$OUT/obj" -DCMAKE_BUILD_TYPE=Release \
    -DIMGUI_DIR="$CACHE/src/imgui" -DSDL2_WASM_PREFIX="$CACHE/sdl2-wasm-$SDL2_VERSION" \
    -DQRENCODE_DIR="$CACHE/src/qrencode" >/dev/null
  emenv cmake --build "$OUT/obj" -j"$JOBS" --target joinedup joinedup_single
  log "assembling site in $OUT/site"
  rm -rf "$OUT/site" && mkdir -p "$OUT/site/data"
  cp "$ROOT"/web/* "$OUT/site/"
  cp "$OUT/obj/joinedup.js" "$OUT/obj/joinedup.wasm" "$OUT/site/"
  cp -r "$ROOT"/data/. "$OUT/site/data/"
  node "$ROOT/tools/single-file.mjs" "$ROOT/web" "$OUT/obj/joinedup_single.js" "$OUT/site/joinedup-offline.html"
  for size in 192 512; do rsvg-convert -w $size -h $size "$ROOT/web/icon.svg" -o "$OUT/site/icon-$size.png"; done
  log "text edition in $OUT/site/text"
  cmake -S "$ROOT" -B "$NATIVE" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIMGUI_DIR="$CACHE/src/imgui" \
    -DQRENCODE_DIR="$CACHE/src/qrencode" >/dev/null
  cmake --build "$NATIVE" -j"$JOBS" --target joinedup-text >/dev/null
  "$NATIVE/joinedup-text" "$ROOT/data" "$OUT/site/text"
  node "$ROOT/tools/site-manifest.mjs" "$OUT/site"
}

npm_deps() {
  if [ ! -d "$ROOT/tests/browser/node_modules/playwright-core" ]; then
    log "installing browser-test packages from npm"
    (cd "$ROOT/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

prepare() { install_debs; fetch_sources; build_sdl2_wasm; }

cmd="${1:-build}"
case "$cmd" in
  build)  prepare; build_wasm ;;
  native) install_debs; fetch_sources; build_native; (cd "$NATIVE" && ctest --output-on-failure) ;;
  serve)
    prepare; build_wasm
    log "serving $OUT/site"
    exec node "$ROOT/tools/serve.mjs" "$OUT/site" "$PORT" ;;
  test)
    prepare; npm_deps
    build_native
    mkdir -p "$OUT/test-artifacts"
    set +e
    (cd "$NATIVE" && ctest --output-on-failure 2>&1 | tee "$OUT/test-artifacts/ctest.log")
    native_rc=${PIPESTATUS[0]}
    set -e
    build_wasm
    set +e
    node "$ROOT/tests/browser/run.mjs" "$OUT/site" 2>&1 | tee "$OUT/test-artifacts/browser.log"
    browser_rc=${PIPESTATUS[0]}
    set -e
    # Hardening: the native tests under ASan + UBSan, then each libFuzzer target for FUZZ_SECONDS
    # (default 60) from its seed corpus. Each writes a "<name>: N passed, N failed" log line.
    set +e
    "$ROOT/tools/sanitize.sh" "$OUT/test-artifacts"
    sanitize_rc=$?
    "$ROOT/tools/fuzz.sh" "$OUT/test-artifacts"
    fuzz_rc=$?
    set -e
    node "$ROOT/tools/summary.mjs" "$OUT/test-artifacts/ctest.log" "$OUT/test-artifacts/browser.log" \
      "$OUT/test-artifacts/sanitize.log" "$OUT/test-artifacts/fuzz.log"
    [ "$native_rc" = 0 ] && [ "$browser_rc" = 0 ] && [ "$sanitize_rc" = 0 ] && [ "$fuzz_rc" = 0 ] ;;
  bench)
    # Figures only (bench/README.md says what each one means); nothing here passes or fails.
    prepare; npm_deps; build_wasm
    log "benchmark build (Release) in $ROOT/build-bench"
    cmake -S "$ROOT" -B "$ROOT/build-bench" -DCMAKE_BUILD_TYPE=Release -DJOINEDUP_BENCH=ON \
      -DIMGUI_DIR="$CACHE/src/imgui" -DQRENCODE_DIR="$CACHE/src/qrencode" >/dev/null
    cmake --build "$ROOT/build-bench" -j"$JOBS" --target bench_core synth-pack >/dev/null
    # 100 times the bundled content: synth-pack's money lines (33 boroughs x 185 = 6,105 rows
    # against the bundled 61), in a copy of the site the browser benchmark serves.
    # Benchmark a snapshot of the site, so a concurrent rebuild of build-wasm/site cannot disturb it.
    rm -rf "$ROOT/build-bench/pack-100x" "$ROOT/build-bench/site-100x" "$ROOT/build-bench/site"
    cp -r "$OUT/site" "$ROOT/build-bench/site"
    "$ROOT/build-bench/synth-pack" "$ROOT/build-bench/pack-100x" --base "$ROOT/data" --boroughs 33 --lines 185 >/dev/null
    mkdir -p "$ROOT/build-bench/site-100x"
    (cd "$ROOT/build-bench/site" && cp -r $(ls | grep -vx -e data -e text) "$ROOT/build-bench/site-100x/")
    cp -r "$ROOT/build-bench/pack-100x" "$ROOT/build-bench/site-100x/data"
    node "$ROOT/tools/site-manifest.mjs" "$ROOT/build-bench/site-100x" >/dev/null
    if [ ! -d "$ROOT/tools/bench/node_modules/d3-geo" ]; then
      log "installing the benchmark peer (d3-geo) from npm"
      (cd "$ROOT/tools/bench" && npm ci --no-audit --no-fund --loglevel=error)
    fi
    log "core benchmarks (native)"
    "$ROOT/build-bench/bench_core" "$ROOT/data" "$ROOT/build-bench/pack-100x" --json "$ROOT/build-bench/core.json" >&2
    log "browser benchmarks (headless Chromium)"
    node "$ROOT/tools/bench/bench.mjs" "$ROOT/build-bench/site" "$ROOT/build-bench/site-100x" "$ROOT/build-bench/core.json" \
      "$ROOT/bench/results.json" ;;
  *) echo "usage: $0 [build|serve|test|native|bench]" >&2; exit 2 ;;
esac
