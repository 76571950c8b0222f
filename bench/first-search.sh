#!/usr/bin/env bash
# Time to the first search on a fresh data folder (issue 22): starts the window on an empty folder (it indexes the
# sample catalog) with a demo query, N times, and prints for each run the seconds from the window appearing to the
# query's answer, and from the process start; then the median of each. The window is headless (xvfb-run) and exits
# after its screenshot; the start-up trace (LTRR_STARTUP_TRACE=1) marks "gui: window shown" and "gui: search
# answered". With -c it also times the command line: `ltrr index` on a fresh folder, and when its stderr says the
# lexical phase is done (a launcher without phases prints only the total).
#   bench/first-search.sh [-n N] [-l LAUNCHER] [-c] [QUERY]
# LAUNCHER defaults to ./ltrr (the repository's). Each run's folder is made under /tmp and deleted after it;
# KEEP_TRACE=FILE keeps each run's start-up trace as FILE.runN.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n=3
launcher="$ROOT/ltrr"
cli=false
while getopts "n:l:c" opt; do
  case "$opt" in
    n) n="$OPTARG" ;;
    l) launcher="$OPTARG" ;;
    c) cli=true ;;
    *) echo "usage: $0 [-n N] [-l LAUNCHER] [-c] [QUERY]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
query="${1:-love song}"
command -v xvfb-run >/dev/null || { echo "first-search: xvfb-run is needed (apt-get install xvfb)" >&2; exit 1; }

# The milliseconds-since-start of a trace mark, or nothing.
mark() { sed -n "s/^ltrr-trace: *\([0-9.]*\) ms since start  $2\$/\1/p" "$1" | head -n 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit }
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m }'; }

echo "launcher: $launcher   query: \"$query\"   runs: $n   $(date -u +%FT%TZ)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)   cores: $(nproc)"
window_to_answer=()
start_to_answer=()
for i in $(seq "$n"); do
  data="$(mktemp -d /tmp/ltrr-first-search-XXXXXX)"
  trace="$data.trace"
  LTRR_STARTUP_TRACE=1 xvfb-run -a -s "-screen 0 1400x900x24" "$launcher" --data "$data" --demo-query "$query" \
      --screenshot "$data.png" >/dev/null 2>"$trace" || { echo "run $i failed:" >&2; tail -n 20 "$trace" >&2; exit 1; }
  shown=$(mark "$trace" "gui: window shown")
  answered=$(mark "$trace" "gui: search answered")
  [ -n "$shown" ] && [ -n "$answered" ] || { echo "run $i: no trace marks (a launcher without them?)" >&2; exit 1; }
  w=$(awk -v a="$answered" -v s="$shown" 'BEGIN { printf "%.1f", (a - s) / 1000 }')
  t=$(awk -v a="$answered" 'BEGIN { printf "%.1f", a / 1000 }')
  echo "run $i: window shown → search answered ${w} s   (process start → answered ${t} s)"
  window_to_answer+=("$w"); start_to_answer+=("$t")
  [ -n "${KEEP_TRACE:-}" ] && cp "$trace" "$KEEP_TRACE.run$i"  # KEEP_TRACE=FILE keeps each run's trace
  rm -rf "$data" "$data.png" "$trace"
done
echo "median: window → answer $(printf '%s\n' "${window_to_answer[@]}" | median) s   start → answer $(printf '%s\n' "${start_to_answer[@]}" | median) s"

if $cli; then
  data="$(mktemp -d /tmp/ltrr-first-search-XXXXXX)"
  start=$(date +%s%N)
  lexical=""
  while IFS= read -r line; do
    if [ -z "$lexical" ] && [[ "$line" == *"phase 2/3"* ]]; then
      lexical=$(awk -v ns=$(($(date +%s%N) - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')
    fi
  done < <("$launcher" index --data "$data" 2>&1 >/dev/null)
  total=$(awk -v ns=$(($(date +%s%N) - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')
  echo "cli: ltrr index on a fresh folder: ${total} s in all$([ -n "$lexical" ] && echo ", lexical phase done at ${lexical} s")"
  rm -rf "$data"
fi
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
