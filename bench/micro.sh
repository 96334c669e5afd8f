#!/usr/bin/env bash
# Builds and runs the Google Benchmark programs, then prints each function's speed as a ratio
# to its reference measured in the same run (BM_x beside BM_x_reference_*).
#   bench/micro.sh            (build dir: build-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DTOASOAN_BENCH=ON -DTOASOAN_TESTS=OFF >/dev/null
cmake --build build-bench --target text_bench >/dev/null
out=$(mktemp)
trap 'rm -f "$out"' EXIT
build-bench/bench/text_bench --benchmark_format=json --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true >"$out"
python3 - "$out" <<'PY'
import json, sys
runs = {b["run_name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("aggregate_name") == "median"}
for name, b in runs.items():
    if "_reference_" in name:
        continue
    ref = next((r for n, r in runs.items() if n.startswith(name + "_reference_")), None)
    mbps = b["bytes_per_second"] / 1e6
    if ref:
        ratio = b["bytes_per_second"] / ref["bytes_per_second"]
        print(f"{name:16s} {mbps:8.1f} MB/s   {ratio:6.1f}x {ref['run_name'].split('_reference_')[1]}")
    else:
        print(f"{name:16s} {mbps:8.1f} MB/s")
PY
