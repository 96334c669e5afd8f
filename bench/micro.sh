#!/usr/bin/env bash
# Builds and runs the Google Benchmark programs, then prints each function's speed as a ratio
# to its reference measured in the same run (BM_x beside BM_x_reference_*).
#   bench/micro.sh            (build dir: build-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DTOASOAN_BENCH=ON -DTOASOAN_TESTS=OFF >/dev/null
cmake --build build-bench --target text_bench page_cache_bench >/dev/null
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for program in text_bench page_cache_bench; do
  build-bench/bench/$program --benchmark_format=json --benchmark_repetitions=3 \
    --benchmark_report_aggregates_only=true >"$out"
  python3 - "$out" <<'PY'
import json, sys
runs = {b["run_name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("aggregate_name") == "median"}
def speed(b):
    if "bytes_per_second" in b:
        return b["bytes_per_second"], f'{b["bytes_per_second"] / 1e6:8.1f} MB/s'
    return b["items_per_second"], f'{b["items_per_second"] / 1e6:8.1f} M/s '
for name, b in runs.items():
    if "_reference_" in name:
        continue
    # "BM_get/real_time/threads:2" is compared with "BM_get_reference_x/real_time/threads:2".
    base, _, variant = name.partition("/")
    refs = [r for n, r in runs.items() if n.startswith(base + "_reference_") and n.partition("/")[2] == variant]
    value, shown = speed(b)
    if not refs:
        print(f"{name:30s} {shown}")
    for ref in refs:
        label = ref["run_name"].partition("/")[0].split("_reference_")[1]
        print(f"{name:30s} {shown}   {value / speed(ref)[0]:6.1f}x {label}")
PY
done
