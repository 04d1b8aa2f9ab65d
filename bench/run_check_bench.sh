#!/usr/bin/env bash
# Builds berth in Release, runs the check benchmark (YAML parsing and check::run in-process on a
# generated 3,000-resource file and a 50,000-resource tree), then times the `berth check` CLI end
# to end on the same inputs and PyYAML (libyaml CSafeLoader) as a parsing peer.
#   bench/run_check_bench.sh [RESOURCES [TREE_RESOURCES]]   (defaults 3000 50000)
#   BUILD_DIR overrides build-release; KEEP=DIR keeps the generated inputs in DIR.
set -euo pipefail

resources="${1:-3000}"
tree_resources="${2:-50000}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$repo/build-release}"
work="${KEEP:-$(mktemp -d "${TMPDIR:-/tmp}/berth-check-bench.XXXXXX")}"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

# Build output goes to a log, shown only when the build fails.
if ! { cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBERTH_TESTS=OFF &&
       cmake --build "$build" --target check_bench berth -j2; } >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  exit 1
fi

echo "== machine: $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/check_bench" --resources "$resources" --tree-resources "$tree_resources" --keep "$work"
file="$work/manifests.yaml"
tree="$work/tree"
file_mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')
tree_mb=$(find "$tree" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1048576 }')

# Prints "wall-seconds MB/s user+sys-seconds peak-RSS-MB" for a command (GNU time when present).
# berth check exits 1 when it finds errors; that is a result here, not a failure.
measure() { # measure MB COMMAND...
  local mb="$1"; shift
  local out="$work/time.txt"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %U %S %M' -o "$out" "$@" >/dev/null 2>&1 || true
    awk -v mb="$mb" '{ s = $1 < 0.01 ? 0.01 : $1; c = $2 + $3; printf "%8.2f %8.1f %8.2f %8.1f\n", s, mb / s, c, $4 / 1024 }' "$out"
  else
    local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" -v mb="$mb" 'BEGIN { s = b - a; printf "%8.2f %8.1f %8s %8s\n", s, mb / s, "n/a", "n/a" }'
  fi
}

echo
echo "== CLI end to end (one run each; wall time includes process start and output)"
printf "%-52s %8s %8s %8s %8s\n" "command" "wall s" "MB/s" "CPU s" "RSS MB"
printf "%-52s " "berth check FILE ($file_mb MB) -o json"
measure "$file_mb" "$build/berth" check "$file" -o json
printf "%-52s " "berth check FILE -o text"
measure "$file_mb" "$build/berth" check "$file"
printf "%-52s " "berth check - < FILE (stdin)"
measure "$file_mb" sh -c "\"$build/berth\" check - -o json < \"$file\""
printf "%-52s " "berth check TREE ($tree_mb MB) -o json"
measure "$tree_mb" "$build/berth" check "$tree" -o json

echo
echo "== peers on the same file"
py="$(command -v python3 || true)"
if [ -n "$py" ] && "$py" -c 'import yaml; yaml.CSafeLoader' >/dev/null 2>&1; then
  printf "%-52s " "PyYAML CSafeLoader load_all (parse only)"
  measure "$file_mb" "$py" -c 'import sys, yaml
docs = list(yaml.load_all(open(sys.argv[1], "rb"), Loader=yaml.CSafeLoader))' "$file"
else
  echo "SKIPPED: PyYAML with libyaml (python3-yaml) not available"
fi
for peer in kubeconform kube-linter; do
  if command -v "$peer" >/dev/null; then
    printf "%-52s " "$peer FILE"
    case "$peer" in
      kubeconform) measure "$file_mb" kubeconform -summary "$file" ;;
      kube-linter) measure "$file_mb" kube-linter lint "$file" ;;
    esac
  else
    echo "SKIPPED: $peer not installed"
  fi
done
echo
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
