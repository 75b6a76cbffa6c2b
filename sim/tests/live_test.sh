#!/usr/bin/env bash
# CTest `live` (docs/live.md): unmodified ping, arping and iperf3 across the
# simulated NIC. Four VMs (two untagged, two on VLANs 30 and 40) in network
# namespaces, a peer on the wire; checks that every VM answers, that TCP
# reaches all four at once, that no VM's TAP saw another VM's unicast, and
# that the core's counters agree with what the TAPs saw (live_check.py).
#
#   sim/tests/live_test.sh BUILD_DIR [OUT_DIR]      (root; exit 77 = skipped)
# Env: LIVE_IPERF_S (default 4) seconds of iperf3, LIVE_PORT_GBPS (default 10) port speed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:?usage: live_test.sh BUILD_DIR [OUT_DIR]}
out=${2:-$build/live_out}

skip() { echo "SKIPPED: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "not root: TAP devices and network namespaces need root"
[ -c /dev/net/tun ] || skip "/dev/net/tun does not exist (no TUN/TAP in this kernel or container)"
probe=vmqprobe$$
ip netns add "$probe" 2>/dev/null || skip "'ip netns add' fails here (no network namespaces)"
ip netns del "$probe"
for t in ping arping iperf3 tcpdump ip; do
  command -v "$t" >/dev/null || { echo "FAIL: $t is missing (scripts/setup.sh installs it)"; exit 1; }
done

rm -rf "$out"
mkdir -p "$out"
echo "live test: outputs in $out"
set +e
"$root/scripts/live_netns.sh" run --build "$build" --prefix vmqt --vlans "0 0 30 40" --port-gbps "${LIVE_PORT_GBPS:-10}" \
  --stats "$out/stats_exit.json" -- "$here/live_traffic.sh" "$out"
rc=$?
set -e
if ((rc)); then
  echo "FAIL: the traffic phase failed (exit $rc); logs in $out"
  for f in "$out"/*.log; do [ -s "$f" ] && { echo "--- $f"; tail -5 "$f"; }; done
  exit 1
fi
python3 "$here/live_check.py" "$out"
