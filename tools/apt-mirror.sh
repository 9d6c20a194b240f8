# shellcheck shell=bash
# Sourced by build-wasm.sh (and tests/scripts/test-apt-mirror.sh); defines apt_mirror.
#
#   apt_mirror [root-dir]
#
# Prints the Debian mirror this machine's apt already uses, so the pinned source packages come
# from the same place (a local or proxied mirror keeps working offline from the internet).
# Reads both formats apt accepts: deb822 stanzas ("URIs:") in etc/apt/sources.list.d/*.sources
# and one-line "deb [options] URI suite components" entries in etc/apt/sources.list and
# etc/apt/sources.list.d/*.list, under root-dir (default /). Skips comments, disabled stanzas,
# cdrom:, security mirrors (they hold only security updates) and third-party repositories (an
# entry counts as Debian when its suite is a Debian suite and it has the "main" component).
# Prints http://deb.debian.org/debian when nothing fits. Never fails.
apt_mirror() {
  local etc="${1:-}/etc/apt" files=() f found=""
  for f in "$etc/sources.list" "$etc"/sources.list.d/*.list "$etc"/sources.list.d/*.sources; do
    if [ -f "$f" ] && [ -r "$f" ]; then files+=("$f"); fi
  done
  if [ ${#files[@]} -gt 0 ]; then
    found="$(awk '
      function debian_suite(s) {
        return s ~ /^(bookworm|trixie|forky|bullseye|buster|sid|stable|testing|unstable|oldstable|oldoldstable)(-updates|-backports|-proposed-updates)?$/
      }
      # One candidate entry: print its first usable URI and stop.
      function consider(types, uris, suites, comps,   n, u, i, j, ns, s, ok) {
        if (done || (" " types " ") !~ / deb(-src)? / || (" " comps " ") !~ / main /) return
        ns = split(suites, s, " "); ok = 0
        for (j = 1; j <= ns; j++) if (debian_suite(s[j])) ok = 1
        if (!ok) return
        n = split(uris, u, " ")
        for (i = 1; i <= n; i++)
          if (u[i] !~ /^cdrom:/ && u[i] !~ /security/) { print u[i]; done = 1; exit }
      }
      function flush() {
        if (tolower(enabled) != "no") consider(types, uris, suites, comps)
        types = uris = suites = comps = enabled = ""; key = ""
      }
      FNR == 1 { flush() }
      { sub(/\r$/, "") }
      /^[ \t]*#/ { next }
      FILENAME ~ /\.sources$/ {
        if ($0 ~ /^[ \t]*$/) { flush(); next }
        if ($0 ~ /^[ \t]/) { val = $0 }              # continuation of the previous field
        else if (match($0, /^[A-Za-z0-9-]+:/)) { key = tolower(substr($0, 1, RLENGTH - 1)); val = substr($0, RLENGTH + 1) }
        else next
        gsub(/^[ \t]+|[ \t]+$/, "", val)
        if (key == "types") types = types " " val
        else if (key == "uris") uris = uris " " val
        else if (key == "suites") suites = suites " " val
        else if (key == "components") comps = comps " " val
        else if (key == "enabled") enabled = val
        next
      }
      {
        line = $0
        sub(/#.*/, "", line)
        gsub(/\[[^]]*\]/, " ", line)                 # [arch=amd64 signed-by=...]
        n = split(line, w, " ")
        if (n < 3) next
        c = ""; for (i = 4; i <= n; i++) c = c " " w[i]
        consider(w[1], w[2], w[3], c)
      }
      END { flush() }
    ' "${files[@]}" 2>/dev/null)" || found=""
  fi
  printf '%s\n' "${found:-http://deb.debian.org/debian}"
}
