#!/usr/bin/env bash
# The main job (README): installs what is missing, builds vmq-demo (and only
# what it needs: scripts/setup.sh --demo), and runs it -
# the seed whitepaper's experiment on our core (software switch vs VMDq, 4 VMs,
# 10 and 25 GbE, 1500- and 64-byte frames). Prints the table and writes
# demo_out/demo.json and demo_out/demo.png. Arguments go to vmq-demo
# (e.g. --duration-us 1000 --out DIR); docs/demo.md explains the numbers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VMQ_BUILD:-$root/build}
source "$root/scripts/lib.sh"
"$root/scripts/setup.sh" --demo "$build"
out=$root/demo_out
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [ "${args[$i]}" = "--out" ] && out=${args[$((i + 1))]}
done
stage "run vmq-demo"
"$build/sim/vmq-demo" --out "$out" "$@"
gnuplot -e "dat='$out/demo.dat'; png='$out/demo.png'" "$root/scripts/demo_chart.gp"
echo "chart: $out/demo.png"
stage_done
