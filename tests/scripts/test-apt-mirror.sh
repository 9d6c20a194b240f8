#!/usr/bin/env bash
# Checks apt_mirror (tools/apt-mirror.sh) against apt source layouts built in a temporary root:
# deb822 only, one-line only, both, neither, options in brackets, and entries it must skip.
# Run by ctest (apt_mirror_detection) or directly: bash tests/scripts/test-apt-mirror.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../../tools/apt-mirror.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failed=0 n=0

# layout NAME: a fresh root $tmp/NAME with an empty etc/apt; prints its path.
layout() { mkdir -p "$tmp/$1/etc/apt/sources.list.d" && echo "$tmp/$1"; }

expect() {
  local name=$1 root=$2 want=$3 got
  n=$((n + 1))
  # Under the same shell options as build-wasm.sh: it must print and succeed, never abort.
  if got="$(set -euo pipefail; apt_mirror "$root")" && [ "$got" = "$want" ]; then
    echo "ok - $name"
  else
    echo "not ok - $name: expected '$want', got '${got:-}'"
    failed=$((failed + 1))
  fi
}

r="$(layout deb822)"
cat >"$r/etc/apt/sources.list.d/debian.sources" <<'S'
Types: deb
# http://snapshot.debian.org/archive/debian/20250520T000000Z
URIs: http://mirror.example/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://mirror.example/debian-security
Suites: bookworm-security
Components: main
S
expect "deb822 debian.sources only" "$r" http://mirror.example/debian

r="$(layout deb822-security-first)"
cat >"$r/etc/apt/sources.list.d/debian.sources" <<'S'
Types: deb
URIs: http://security.debian.org/debian-security
Suites: bookworm-security
Components: main

Types: deb deb-src
URIs: http://mirror.example/debian
Suites: bookworm
Components: main contrib
S
expect "deb822: security stanza first is skipped" "$r" http://mirror.example/debian

r="$(layout oneline)"
cat >"$r/etc/apt/sources.list" <<'S'
# deb cdrom:[Debian GNU/Linux 12.5.0 _Bookworm_ - Official amd64 DVD Binary-1]/ bookworm main

deb cdrom:[Debian GNU/Linux 12.5.0 _Bookworm_ - Official amd64 DVD Binary-1]/ bookworm contrib main
deb http://security.debian.org/debian-security bookworm-security main contrib
#deb http://commented.example/debian bookworm main
deb http://ftp.example.org/debian/ bookworm main non-free-firmware
deb-src http://ftp.example.org/debian/ bookworm main non-free-firmware
S
expect "classic one-line sources.list only (no debian.sources)" "$r" http://ftp.example.org/debian/

r="$(layout signed-by)"
echo 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://x/debian bookworm main' >"$r/etc/apt/sources.list"
expect "one-line with [signed-by=...] options" "$r" http://x/debian

r="$(layout options-spaced)"
echo 'deb [ arch=amd64 signed-by=/k.gpg ] http://y/debian trixie main' >"$r/etc/apt/sources.list.d/mirror.list"
expect "one-line .list in sources.list.d with spaced options" "$r" http://y/debian

r="$(layout neither)"
expect "neither layout: falls back to deb.debian.org" "$r" http://deb.debian.org/debian
expect "root that does not exist: falls back" "$tmp/no-such-root" http://deb.debian.org/debian

r="$(layout both)"
printf '# See /etc/apt/sources.list.d/debian.sources\n' >"$r/etc/apt/sources.list"
printf 'Types: deb\nURIs: http://deb822.example/debian\nSuites: bookworm\nComponents: main\n' \
  >"$r/etc/apt/sources.list.d/debian.sources"
expect "both: comment-only sources.list and debian.sources" "$r" http://deb822.example/debian

r="$(layout third-party)"
echo 'deb [arch=amd64 signed-by=/k.gpg] https://download.docker.com/linux/debian bookworm stable' \
  >"$r/etc/apt/sources.list.d/docker.list"
echo 'deb https://packages.cloud.google.com/apt cloud-sdk-bookworm main' >"$r/etc/apt/sources.list.d/google.list"
printf 'Types: deb\nURIs: https://deb.nodesource.com/node_20.x\nSuites: nodistro\nComponents: main\n' \
  >"$r/etc/apt/sources.list.d/nodesource.sources"
printf 'Types: deb\nURIs: http://off.example/debian\nSuites: bookworm\nComponents: main\nEnabled: no\n\n' \
  >"$r/etc/apt/sources.list.d/debian.sources"
printf 'Types: deb\nURIs: http://on.example/debian\nSuites: bookworm\nComponents: main\n' \
  >>"$r/etc/apt/sources.list.d/debian.sources"
expect "third-party repositories and an Enabled: no stanza are skipped" "$r" http://on.example/debian

r="$(layout only-third-party)"
echo 'deb https://download.docker.com/linux/debian bookworm stable' >"$r/etc/apt/sources.list"
expect "only a third-party repository: falls back" "$r" http://deb.debian.org/debian

n=$((n + 1))
if got="$(apt_mirror)" && [ -n "$got" ]; then echo "ok - this machine: $got"; else echo "not ok - this machine"; failed=$((failed + 1)); fi

echo "apt_mirror: $((n - failed)) passed, $failed failed"
[ "$failed" = 0 ]
