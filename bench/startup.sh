#!/usr/bin/env bash
# Start-up benchmark (issue 22): runs `search QUERY --json`, `log` and `--help` through a launcher N times each as
# child processes and prints the median and p90 wall time of each, with the machine's load average before and after.
#   bench/startup.sh [-n N] [-l LAUNCHER] DATA_FOLDER [QUERY]
# LAUNCHER defaults to ./ltrr (the repository's); the data folder must hold an indexed catalog (ltrr index --data D).
# The first run of each command is a warm-up, not counted (it fills the OS file cache and, with ./ltrr, the
# ahead-of-time cache).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n=10
launcher="$ROOT/ltrr"
while getopts "n:l:" opt; do
  case "$opt" in
    n) n="$OPTARG" ;;
    l) launcher="$OPTARG" ;;
    *) echo "usage: $0 [-n N] [-l LAUNCHER] DATA_FOLDER [QUERY]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: $0 [-n N] [-l LAUNCHER] DATA_FOLDER [QUERY]" >&2; exit 2; }
data="$1"
query="${2:-miles davis kind of blue}"

# One wall time in seconds (3 decimals) of one run; a failing run stops the benchmark.
wall() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>/tmp/ltrr-startup-bench.err || { echo "failed: $*" >&2; cat /tmp/ltrr-startup-bench.err >&2; exit 1; }
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}

# Median and p90 (nearest rank) of the numbers on stdin.
stats() {
  sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    p = int(0.9 * NR + 0.999); printf "median %.2f s  p90 %.2f s  (n=%d; %s … %s)\n", m, v[p], NR, v[1], v[NR] }'
}

echo "launcher: $launcher   data: $data   runs: $n (+1 warm-up)   $(date -u +%FT%TZ)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)   cores: $(nproc)"
for name in search log help; do
  case "$name" in
    search) cmd=("$launcher" search "$query" --json --data "$data") ;;
    log) cmd=("$launcher" log --data "$data") ;;
    help) cmd=("$launcher" --help) ;;
  esac
  wall "${cmd[@]}" >/dev/null
  printf '%-7s ' "$name"
  for _ in $(seq "$n"); do wall "${cmd[@]}"; done | stats
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
