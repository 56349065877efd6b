#!/usr/bin/env bash
# Batch benchmark: `advise batch` on the standard athlete list next to
# `wc -l`, a bare mmap+memchr line count and the Python csv reference, all in
# one hyperfine run so that the ratios hold on a noisy machine.
#
# usage: bench/batch.sh [BUILD_DIR] [ROWS]     (defaults: build, 1000000)
# The list comes from ../shared/bench/gen.py (set SHARED_BENCH to move it).
set -euo pipefail

build_dir=${1:-build}
rows=${2:-1000000}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shared=${SHARED_BENCH:-$here/../../shared/bench}
advise=$(cd "$build_dir" && pwd)/advise

for tool in hyperfine python3 cc; do
  command -v "$tool" >/dev/null || { echo "batch.sh: $tool not found" >&2; exit 2; }
done
[[ -x $advise ]] || { echo "batch.sh: $advise not found; build first" >&2; exit 2; }
[[ -f $shared/gen.py ]] || { echo "batch.sh: $shared/gen.py not found; set SHARED_BENCH" >&2; exit 2; }

work=${BENCH_DIR:-${TMPDIR:-/tmp}/advise-bench}
mkdir -p "$work"
list=$work/athletes_$rows.csv
[[ -f $list ]] || python3 "$shared/gen.py" "$rows" "$list"
cc -O2 -o "$work/linecount" "$here/linecount.c"
bytes=$(stat -c %s "$list")
# The memchr floor depends on how the kernel caches the file: one just
# written in large blocks (as gen.py writes) sits in large page-cache folios
# and mmap faults in few pages (about 7 ms here); one cached long ago, or
# written in small blocks (cp, cat), in small pages (10 to 18 ms). Both are
# timed: the list itself, and a copy written now in 4 MiB blocks.
fresh=$work/fresh_copy.csv
rm -f "$fresh" && dd if="$list" of="$fresh" bs=4M status=none

# --today after every date in the list, so that every row is advised (all
# races past: the plan is the next session only). The mixed run takes a
# today inside the list: races ahead get their whole plan, and the rows whose
# last massage is after today are reported (to a file, as a script would).
run_advise="$advise batch $list --today 2028-01-01 -q -o /dev/null"
run_mixed="$advise batch $list --today 2026-06-01 -q -o /dev/null --errors $work/rejected.csv"
hyperfine -N -i --warmup 1 --runs 5 --export-json "$work/batch.json" \
  -n advise "$run_advise" \
  -n "advise mixed" "$run_mixed" \
  -n "wc -l" "wc -l $list" \
  -n mmap+memchr "$work/linecount $list" \
  -n "memchr fresh" "$work/linecount $fresh" \
  -n "python csv" "python3 $shared/reference_python_csv.py $list" >/dev/null
rm -f "$fresh"

rss=$( { /usr/bin/time -f %M $run_advise; } 2>&1 | tail -1 )
python3 - "$work/batch.json" "$rows" "$bytes" "$rss" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
rows, size, rss = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
a = results["advise"]["mean"]
print(f"file: {rows} rows, {size / 1e6:.1f} MB")
print(f"{'command':<12} {'mean s':>8} {'stddev':>8}  advise is")
for name, r in results.items():
    ratio = "" if name.startswith("advise") else (f"{r['mean'] / a:5.2f}x faster" if r["mean"] > a else f"{a / r['mean']:5.1f}x slower")
    print(f"{name:<12} {r['mean']:8.3f} {r['stddev']:8.3f}  {ratio}")
print(f"advise: {rows / a:,.0f} rows/s, {size / a / 1e6:.0f} MB/s, peak RSS {rss / 1024:.1f} MiB")
m = results["mmap+memchr"]["mean"]
f = results["memchr fresh"]["mean"]
print(f"targets: <= 0.5 s: {a:.3f} s; >= 7x python: {results['python csv']['mean'] / a:.1f}x; "
      f"<= 12x mmap+memchr: {a / m:.1f}x ({a / f:.1f}x the count of a freshly written copy)")
mixed = results["advise mixed"]["mean"]
print(f"mixed (today 2026-06-01, rejected rows to a file): {mixed:.3f} s, "
      f"{results['python csv']['mean'] / mixed:.1f}x python, {mixed / m:.1f}x mmap+memchr")
PY
