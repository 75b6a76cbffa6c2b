#!/usr/bin/env bash
# The test command (README, .ci/run): installs what is missing, builds, runs
# every test of the default run (labels: unit, system, lint, synth, live), and
# prints how long each stage took. Extra arguments go to ctest, e.g.
#   scripts/test.sh -L slow        # the long soaks
#   scripts/test.sh -R sorter      # tests whose name matches
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VMQ_BUILD:-$root/build}
source "$root/scripts/lib.sh"
t0=$(date +%s)
"$root/scripts/setup.sh" "$build"
stage "ctest"
cd "$build"
if (($#)); then
  ctest --output-on-failure -j "$(nproc)" "$@"
else
  ctest --output-on-failure -j "$(nproc)" -LE '^(slow|bench)$'
fi
stage_done
echo "total: $(( $(date +%s) - t0 ))s"
