# Shared by check-rules and check-live (sourced, not run).

# find_prometheus_tool NAME WORKDIR: prints the path of NAME (prometheus or promtool). Uses
# $PROMETHEUS / $PROMTOOL, then the PATH, else unpacks Debian's prometheus package into WORKDIR
# with `apt-get download` + `dpkg -x` (running `apt-get update` first when the download fails and
# we are root). Never installs the package system-wide, so no prometheus service is ever started.
find_prometheus_tool() {
  local name="$1" dir="$2" override
  if [ "$name" = prometheus ]; then override="${PROMETHEUS:-}"; else override="${PROMTOOL:-}"; fi
  if [ -n "$override" ]; then echo "$override"; return 0; fi
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
  if [ ! -x "$dir/prometheus-deb/usr/bin/$name" ]; then
    echo "  $name is not installed: unpacking Debian's prometheus package into $dir" >&2
    mkdir -p "$dir/apt"
    if ! (cd "$dir/apt" && apt-get download -q prometheus) >"$dir/apt/log" 2>&1; then
      [ "$(id -u)" -eq 0 ] && apt-get update -q >>"$dir/apt/log" 2>&1
      (cd "$dir/apt" && apt-get download -q prometheus) >>"$dir/apt/log" 2>&1 || { tail -5 "$dir/apt/log" >&2; return 1; }
    fi
    dpkg -x "$dir"/apt/prometheus_*.deb "$dir/prometheus-deb" || return 1
  fi
  echo "$dir/prometheus-deb/usr/bin/$name"
}

# ensure_validate_modules DIR: the npm packages of deploy/kubernetes/.validate, pinned by its
# package-lock.json (same rule as deploy/kubernetes/check).
ensure_validate_modules() {
  local v="$1"
  if ! cmp -s "$v/package-lock.json" "$v/node_modules/.limber-lock" 2>/dev/null; then
    (cd "$v" && npm ci --no-audit --no-fund --loglevel=error) >&2 || return 1
    cp "$v/package-lock.json" "$v/node_modules/.limber-lock"
  fi
}
