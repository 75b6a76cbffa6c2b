#!/usr/bin/env bash
# The main job (README): installs what is missing, builds, and runs the sorter
# demo - the L2 sorter RTL classifying a built-in example, printing what went
# where. Arguments go to the demo (e.g. --seed 7 --trace sorter.fst).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VMQ_BUILD:-$root/build}
source "$root/scripts/lib.sh"
"$root/scripts/setup.sh" "$build"
stage "run vmq-sorter-demo"
"$build/sim/vmq-sorter-demo" "$@"
stage_done
