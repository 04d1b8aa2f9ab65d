#!/usr/bin/env bash
# Builds berth in Release, times the `berth` binary end to end on a generated 1000-service
# project (and peers on the same file), then runs the per-stage convert benchmark.
#   bench/run_convert_bench.sh [SERVICES...]     (default: 100 1000; BUILD_DIR overrides build-release)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$repo/build-release}"
work="$(mktemp -d "${TMPDIR:-/tmp}/berth-convert-bench-run.XXXXXX")"
trap 'rm -rf "$work"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)
largest="${sizes[-1]}"

# Build output goes to a log, shown only when the build fails.
if ! { cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBERTH_TESTS=OFF &&
       cmake --build "$build" --target convert_bench berth -j2; } >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  exit 1
fi

echo "== machine: $(nproc) cores; uptime:$(uptime | sed 's/.*up[^,]*,//')"
project="$work/project"
"$build/convert_bench" --services "$largest" --keep "$project" --generate-only

# Prints "seconds peakRSS-MB" of a command (wall time includes process start-up).
measure() {
  local out="$work/time.txt" rc=0
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$out" "$@" >/dev/null 2>"$work/cmd.err" || rc=$?
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
                                            for (i = 1; i <= n; ++i) s = s * 60 + p[i] }
                /Maximum resident set size/ { kb = $2 }
                END { printf "%10.3f %16.1f\n", s, kb / 1024 }' "$out"
  else
    local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>"$work/cmd.err" || rc=$?; t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%10.3f %16s\n", b - a, "n/a" }'
  fi
  if [ "$rc" != 0 ]; then echo "  (exit $rc: $(tail -n 3 "$work/cmd.err"))"; fi
}

# The CLI first: on ext4 without a journal, creating inodes right after many were deleted is
# slow for a minute or more (the allocator skips recently freed inodes), and the stage
# benchmark below deletes every tree it writes. Three runs each, into fresh directories.
echo
echo "== end to end on the same $largest-service project ($(wc -c <"$project/compose.yaml") bytes)"
echo "   load average now:$(uptime | sed 's/.*load average://')"
printf "%-52s %10s %16s\n" "command" "seconds" "peak RSS (MB)"
shm="$(mktemp -d /dev/shm/berth-convert-bench-cli.XXXXXX)"
for run in 1 2 3; do
  printf "%-52s " "berth convert (CLI, fresh dir, disk) #$run"
  measure "$build/berth" convert -f "$project/compose.yaml" -o "$work/tree-disk-$run"
done
for run in 1 2 3; do
  printf "%-52s " "berth convert (CLI, fresh dir, /dev/shm) #$run"
  measure "$build/berth" convert -f "$project/compose.yaml" -o "$shm/tree-$run"
done
rm -rf "$shm"
printf "%-52s " "berth config (load + normalize only)"
measure "$build/berth" config -f "$project/compose.yaml"

if command -v kompose >/dev/null; then
  printf "%-52s " "kompose convert (peer: full conversion)"
  measure kompose convert -f "$project/compose.yaml" -o "$work/kompose"
else
  echo "kompose: not installed (SKIPPED)"
fi
if command -v docker-compose >/dev/null; then
  printf "%-52s " "docker-compose $(docker-compose version --short 2>/dev/null) config (peer: LOADER ONLY)"
  measure docker-compose --project-directory "$project" -f "$project/compose.yaml" config
else
  echo "docker-compose: not installed (SKIPPED)"
fi

for n in "${sizes[@]}"; do
  echo
  echo "== berth convert_bench --services $n"
  "$build/convert_bench" --services "$n"
  echo "-- same, trees written to tmpfs (/dev/shm: no disk in the figures)"
  "$build/convert_bench" --services "$n" --out-dir /dev/shm | sed -n '/^stage/,$p'
done
