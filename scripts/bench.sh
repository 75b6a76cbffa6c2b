#!/usr/bin/env bash
# Builds and runs the benchmarks and writes their tables into docs/bench/.
# Not part of the test run: figures, not pass/fail. Usage: scripts/bench.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VMQ_BUILD:-$root/build}
source "$root/scripts/lib.sh"
"$root/scripts/setup.sh" "$build"
benches=(sorter_bench_d64_q16_f128 sorter_bench_d128_q16_f128 sorter_bench_d512_q64_f128)
stage "build benchmarks"
cmake --build "$build" --target "${benches[@]}"
stage "run sorter benchmarks"
out="$root/docs/bench/sorter.md"
{
  echo "# L2 sorter throughput"
  echo
  echo "Written by \`scripts/bench.sh\` ($(date -u +%Y-%m-%d), commit $(git -C "$root" rev-parse --short HEAD),"
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))."
  echo "Back-to-back frames of one size, no idles, no backpressure, every filter entry"
  echo "valid; every decision checked against the reference model. beats/cycle = 1.0"
  echo "means the sorter never slows the wire. Mcycles/s is the Verilated model with"
  echo "the checking test bench (simulation speed, not hardware speed)."
  for b in "${benches[@]}"; do
    echo
    echo '```'
    "$build/tb/bench/$b" --seed 1 --frames 20000
    echo '```'
  done
} | tee "$out"
stage_done
echo "wrote $out"
