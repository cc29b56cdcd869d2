#!/bin/sh
# Runs every libFuzzer target of a WG_FUZZ build for a bounded time, seeded
# with its corpus and the test fixtures of its kind. New inputs go to a
# scratch directory; a crash, leak or timeout is copied into
# tests/fuzz/corpus/NAME/ (replayed by ctest from then on: commit it with
# the fix) and fails the run.
#   tests/fuzz/run_libfuzzer.sh BUILD_DIR SECONDS_PER_TARGET
set -eu
build=${1:?usage: run_libfuzzer.sh BUILD_DIR SECONDS}
secs=${2:?usage: run_libfuzzer.sh BUILD_DIR SECONDS}
src=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for bin in "$build"/tests/libfuzzer_*; do
  name=${bin##*/libfuzzer_}
  case $name in
    graphs) seeds="tests/corpus/graphs tests/corpus/gephi tests/golden/graphml exports" ;;
    html) seeds="tests/corpus/html tests/corpus/encodings" ;;
    jsonl) seeds="" ;;
    *) seeds="tests/corpus/seeds tests/corpus/heldout tests/corpus/synthetic" ;;
  esac
  dirs="$src/tests/fuzz/corpus/$name"
  for d in $seeds; do [ -d "$src/$d" ] && dirs="$dirs $src/$d"; done
  mkdir -p "$scratch/$name/new" "$scratch/$name/artifacts"
  echo "libfuzzer_$name: ${secs}s from $dirs"
  if ! "$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$scratch/$name/artifacts/" "$scratch/$name/new" $dirs \
       >"$scratch/$name/log" 2>&1; then
    tail -40 "$scratch/$name/log"
    for f in "$scratch/$name/artifacts"/*; do
      [ -f "$f" ] || continue
      cp "$f" "$src/tests/fuzz/corpus/$name/"
      echo "libfuzzer_$name: kept $(basename "$f") in tests/fuzz/corpus/$name/ as a regression input"
    done
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$scratch/$name/log" | sed "s/^/libfuzzer_$name: /" || true
done
exit $status
