# Sourced by tools/sanitize.sh and tools/fuzz.sh: installs clang-14 with its sanitizer and
# libFuzzer runtimes from Debian if missing (./build-wasm.sh already lists them; this keeps the
# scripts usable on their own).
need=()
for p in clang-14 libclang-rt-14-dev lld-14; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}" >&2
  if [ "$(id -u)" = 0 ]; then S=; else S=sudo; fi
  $S apt-get update -qq && $S env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
