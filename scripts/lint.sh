#!/usr/bin/env bash
# verilator --lint-only -Wall over every RTL file: each module is linted as a
# top of its own with the packages and its sub-modules, at default parameters
# and at the sweep's corner values. Waivers live in rtl/*.vlt, each with a reason.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# vmq_pkg uses vmq_reg_pkg; vmq_board_reg_pkg is fpga_core's (board registers)
pkgs=(rtl/pkg/vmq_reg_pkg.sv rtl/pkg/vmq_pkg.sv rtl/pkg/vmq_eth_pkg.sv rtl/pkg/vmq_board_reg_pkg.sv)
# board cores are vendor-free and linted too; vendor tops (fpga.sv, IP) are not
mapfile -t mods < <(find rtl -name '*.sv' ! -path 'rtl/pkg/*' | sort; ls fpga/boards/*/rtl/fpga_core.sv 2>/dev/null | sort)
vlt=(rtl/*.vlt)
[ -e "${vlt[0]}" ] || vlt=()
fail=0; n=0
lint() {  # top, extra args...
  local top=$1; shift
  if ! out=$(verilator --lint-only -Wall "${vlt[@]}" "${pkgs[@]}" "${mods[@]}" --top-module "$top" "$@" 2>&1); then
    echo "LINT FAIL: $top $*"; echo "$out"; fail=1
  elif [ -n "$out" ]; then
    echo "LINT WARN: $top $*"; echo "$out"; fail=1
  fi
  n=$((n+1))
}
for f in "${mods[@]}"; do
  top=$(basename "$f" .sv)
  lint "$top"
done
# parameter corners of the sorter (SPEC §2 / issue sweep)
for g in "-GDataW=128" "-GDataW=512 -GNumFilters=128 -GNumQueues=64" "-GNumQueues=4"; do
  # shellcheck disable=SC2086
  lint vmq_l2_sorter $g
done
[ -f rtl/csr/vmq_csr.sv ] && { lint vmq_csr -GNumQueues=4; lint vmq_csr -GNumQueues=64; }
# parameter corners of the core: the table rtl/corners.json (docs/corners.md)
mapfile -t corners < <(python3 scripts/corners.py lint)
[ "${#corners[@]}" -gt 0 ] || { echo "lint: no corners from scripts/corners.py"; exit 1; }
for g in "${corners[@]}"; do
  # shellcheck disable=SC2086
  lint vmq_core $g
done
# vmq_top with the 10GBASE-R PCS + MAC path (EthPhy; the default lint above is the bare MAC ports)
if [ -f rtl/top/vmq_top.sv ]; then
  lint vmq_top "-GEthPhy=1'b1"
  lint vmq_top "-GEthPhy=1'b1" -GNumQueues=4 -GMacFifoDepth=4096
fi
# the KCU105 board core at the queue-count corners
if [ -f fpga/boards/kcu105/rtl/fpga_core.sv ]; then
  lint fpga_core -GNumQueues=4
  lint fpga_core -GNumQueues=64
fi
echo "lint: $n runs, $([ $fail = 0 ] && echo clean || echo FAILED)"
exit $fail
