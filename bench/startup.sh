#!/usr/bin/env bash
# Start-up benchmark: times one `advise` query next to /bin/true and a C++
# hello world, in a single hyperfine run, and prints the ratio to hello world.
#
# usage: bench/startup.sh [BUILD_DIR]      (BUILD_DIR defaults to `build`)
#
# Target (from the issue): an advise query takes at most 1.5 times the hello world.
set -euo pipefail

build_dir=${1:-build}
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
advise="$build_dir/advise"

if ! command -v hyperfine >/dev/null 2>&1; then
    echo "startup.sh: hyperfine not found; install it (Debian package: hyperfine)" >&2
    exit 2
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "startup.sh: python3 not found" >&2
    exit 2
fi
if [[ ! -x $advise ]]; then
    echo "startup.sh: $advise not found or not executable; build it first (ninja -C $build_dir)" >&2
    exit 2
fi
advise=$(cd "$(dirname "$advise")" && pwd)/advise

# The compiler CMake uses for this build dir, else c++.
cxx=c++
if [[ -f $build_dir/CMakeCache.txt ]]; then
    cached=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
    [[ -n $cached ]] && cxx=$cached
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$cxx" -O2 -std=c++20 -o "$tmp/hello" "$bench_dir/hello.cpp"

query=("$advise" --race 2026-04-12 --today 2026-03-24)
check=("$advise" check --race 2026-04-12 --on 2026-04-10 --intensity deep --today 2026-03-24 -q)

# One command line for hyperfine -N, which splits it shell-style itself.
words() { printf '%q ' "$@"; }

echo "compiler: $("$cxx" --version | head -n1)"
echo "advise:   $advise"
echo

# -N: no intermediate shell. -i: `advise check ... -q` exits 1 by design.
hyperfine -N -i --warmup 20 --runs 300 --style basic \
    --export-json "$tmp/startup.json" \
    -n "/bin/true"   "/bin/true" \
    -n "hello"       "$(words "$tmp/hello")" \
    -n "advise --race 2026-04-12 --today 2026-03-24" "$(words "${query[@]}")" \
    -n "advise check --race 2026-04-12 --on 2026-04-10 --intensity deep --today 2026-03-24 -q" \
                     "$(words "${check[@]}")"

echo
python3 - "$tmp/startup.json" <<'PY'
import json, sys

with open(sys.argv[1]) as f:
    results = json.load(f)["results"]

# Order as passed to hyperfine: /bin/true, hello, advise query, advise check.
hello = results[1]["mean"]
query = results[2]["mean"]
rows = [("command", "mean ms", "stddev ms", "x hello")]
for r in results:
    rows.append((r["command"], f"{r['mean'] * 1e3:.3f}", f"{r['stddev'] * 1e3:.3f}",
                 f"{r['mean'] / hello:.2f}"))
widths = [max(len(row[i]) for row in rows) for i in range(4)]
for row in rows:
    print("  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i])
                    for i, c in enumerate(row)))
print()
print(f"advise/hello ratio: {query / hello:.2f} (target <= 1.50)")
PY

if [[ -x /usr/bin/time ]]; then
    rss=$(/usr/bin/time -f %M "${query[@]}" 2>&1 >/dev/null | tail -n1)
    hello_rss=$(/usr/bin/time -f %M "$tmp/hello" 2>&1 >/dev/null | tail -n1)
    echo "peak RSS: advise query ${rss} KiB, hello ${hello_rss} KiB"
else
    echo "peak RSS: skipped (/usr/bin/time not found; Debian package: time)"
fi
