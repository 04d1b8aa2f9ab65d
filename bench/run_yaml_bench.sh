#!/usr/bin/env bash
# Builds berth in Release and runs the YAML benchmark, then times peers on the same file:
# PyYAML with libyaml (CSafeLoader) and libfyaml's fy-tool, when available.
#   bench/run_yaml_bench.sh [SIZE_MB]      (default 50; BUILD_DIR overrides build-release)
set -euo pipefail

size_mb="${1:-50}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$repo/build-release}"
work="$(mktemp -d "${TMPDIR:-/tmp}/berth-yaml-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
file="$work/manifests.yaml"

# Build output goes to a log, shown only when the build fails.
if ! { cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBERTH_TESTS=OFF &&
       cmake --build "$build" --target yaml_bench -j2; } >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  exit 1
fi

echo "== berth"
"$build/yaml_bench" --size-mb "$size_mb" --write "$file"
mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')

# Installs a Debian package only when absent, running as root and apt-get exists.
ensure_pkg() { # ensure_pkg PACKAGE CHECK-COMMAND...
  local pkg="$1"; shift
  "$@" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq "$pkg" >/dev/null 2>&1 || true
  fi
  "$@" >/dev/null 2>&1
}

# Prints "seconds MB/s peakRSS-MB" for a command, via GNU time when present.
measure() {
  local out="$work/time.txt"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %M' -o "$out" "$@" >/dev/null
    awk -v mb="$mb" '{ s = $1 < 0.01 ? 0.01 : $1; printf "%10.3f %10.1f %16.1f\n", s, mb / s, $2 / 1024 }' "$out"
  else
    local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" -v mb="$mb" 'BEGIN { s = b - a; printf "%10.3f %10.1f %16s\n", s, mb / s, "n/a" }'
  fi
}

echo
echo "== peers on the same $mb MB file (one run each, wall time includes process start)"
printf "%-40s %10s %10s %16s\n" "peer" "seconds" "MB/s" "peak RSS (MB)"

py="$(command -v python3 || true)"
if [ -n "$py" ] && ensure_pkg python3-yaml "$py" -c 'import yaml; yaml.CSafeLoader'; then
  printf "%-40s " "PyYAML CSafeLoader load_all"
  measure "$py" -c 'import sys, yaml
docs = list(yaml.load_all(open(sys.argv[1], "rb"), Loader=yaml.CSafeLoader))' "$file"
  printf "%-40s " "PyYAML CSafeLoader+CSafeDumper"
  measure "$py" -c 'import sys, yaml
docs = list(yaml.load_all(open(sys.argv[1], "rb"), Loader=yaml.CSafeLoader))
yaml.dump_all(docs, open("/dev/null", "w"), Dumper=yaml.CSafeDumper)' "$file"
else
  echo "SKIPPED: PyYAML with libyaml (python3-yaml) not available"
fi

if ensure_pkg libfyaml-utils command -v fy-tool; then
  printf "%-40s " "fy-tool --testsuite (events only)"
  measure fy-tool --testsuite "$file"
  printf "%-40s " "fy-tool --dump -m block (tree+emit)"
  measure fy-tool --dump -m block "$file"
else
  echo "SKIPPED: fy-tool (libfyaml-utils) not available"
fi
