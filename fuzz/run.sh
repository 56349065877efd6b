#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (Debian's clang-14 and
# libclang-rt-14-dev) and runs each for SECONDS (default 60), starting from
# the seed corpus in fuzz/corpus/. Exits 1 when a target crashes; the input
# that crashed is left in build-fuzz/ (crash-*) to turn into a regression test.
#
# usage: fuzz/run.sh [SECONDS]
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$root/build-fuzz
cxx=${CXX_FUZZ:-clang++-14}
command -v "$cxx" >/dev/null || { echo "fuzz/run.sh: $cxx not found (Debian: clang-14 libclang-rt-14-dev)" >&2; exit 2; }
mkdir -p "$out"

flags=(-std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
       -DFMT_HEADER_ONLY=1 -DUSE_OS_TZDB=1 -DHAS_STRING_VIEW=1 -DONLY_C_LOCALE=1 -I"$root/include")
# The library, once, without the fuzzer's main.
objs=()
for src in "$root"/src/*.cpp; do
  obj=$out/$(basename "${src%.cpp}").o
  "$cxx" "${flags[@]/-fsanitize=fuzzer,/-fsanitize=fuzzer-no-link,}" -c "$src" -o "$obj"
  objs+=("$obj")
done

status=0
for target in dates csv zones batch_row; do
  "$cxx" "${flags[@]}" "$root/fuzz/fuzz_$target.cpp" "${objs[@]}" -ldate-tz -o "$out/fuzz_$target"
  corpus=$out/corpus_$target
  mkdir -p "$corpus"
  cp -n "$root/fuzz/corpus/$target/"* "$corpus/" 2>/dev/null || true
  echo "fuzz/run.sh: fuzz_$target for $seconds s"
  if ! (cd "$out" && "./fuzz_$target" -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 \
          "$corpus" > "$out/fuzz_$target.log" 2>&1); then
    echo "fuzz/run.sh: fuzz_$target found a crash:" >&2
    grep -E "ERROR|SUMMARY|Test unit written" "$out/fuzz_$target.log" >&2 || tail -20 "$out/fuzz_$target.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units" "$out/fuzz_$target.log" | sed "s/^/  /"
  fi
done
exit $status
