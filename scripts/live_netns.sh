#!/usr/bin/env bash
# Live Linux traffic through the simulated NIC (docs/live.md): network
# namespaces around vmq-live.
#
#   scripts/live_netns.sh up   [options]            build it, show live counters until Ctrl-C
#   scripts/live_netns.sh run  [options] -- CMD...   build it, run CMD, tear down, exit with CMD's code
#   scripts/live_netns.sh down [--prefix P]          remove what a killed run left behind
#
# Options:
#   --build DIR      build directory holding sim/vmq-live (default: build)
#   --vlans "V..."   one entry per VM: 0 = untagged, else the VM's VLAN (1..254);
#                    the number of entries is the number of VMs (default "0 0 0 0")
#   --stats FILE     vmq-live's counters as JSON (written at exit and on SIGUSR1)
#   --prefix P       names: namespaces P-peer, P-vm1..; TAPs Pw0, Pw<VID>, Pvm1.. (default vmq)
#   --port-gbps G    the simulated port's speed (default 10)
#
# Topology (VM i on queue i; VMs untagged unless --vlans says otherwise):
#   namespace P-peer: TAP Pw0    10.77.0.1/24     the wire (untagged)
#                     TAP Pw<V>  10.77.<V>.1/24   access port of VLAN V (tagged on the wire)
#   namespace P-vm<i>: TAP Pvm<i> 10.77.<V or 0>.<10+i>/24, MAC 02:76:6d:00:00:<i>
# CMD sees LIVE_PREFIX, LIVE_VMS, LIVE_VM<i>_IP / _MAC / _VID / _NS / _TAP,
# LIVE_PEER_NS, LIVE_VMQ_PID and LIVE_STATS in its environment.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

die() { echo "live_netns: $*" >&2; exit 2; }

mode=${1:-}
[ -n "$mode" ] || die "usage: live_netns.sh up|run|down [options] (see the header of this script)"
shift
build=$root/build
vlans="0 0 0 0"
stats=""
prefix=vmq
gbps=10
cmd=()
while (($#)); do
  case $1 in
    --build) build=$2; shift 2 ;;
    --vlans) vlans=$2; shift 2 ;;
    --stats) stats=$2; shift 2 ;;
    --prefix) prefix=$2; shift 2 ;;
    --port-gbps) gbps=$2; shift 2 ;;
    --) shift; cmd=("$@"); break ;;
    *) die "unknown option $1" ;;
  esac
done
[[ $prefix =~ ^[a-z][a-z0-9]{0,5}$ ]] || die "--prefix $prefix: 1..6 lower-case letters and digits, starting with a letter"

peer_ns=$prefix-peer

cleanup() {
  # Stop the simulator first (its TAP devices go with it), then every
  # process left in our namespaces, then the namespaces.
  if [ -n "${vmq_pid:-}" ] && kill -0 "$vmq_pid" 2>/dev/null; then
    kill -TERM "$vmq_pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$vmq_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$vmq_pid" 2>/dev/null || true
    wait "$vmq_pid" 2>/dev/null || true
  fi
  local ns
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E "^$prefix-(peer|vm[0-9]+)$" || true); do
    local pids
    pids=$(ip netns pids "$ns" 2>/dev/null || true)
    [ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
    ip netns del "$ns" 2>/dev/null || true
  done
  # A TAP survives only while vmq-live holds it; persistent leftovers of other tools are not ours.
  [ -z "${tmp:-}" ] || rm -rf "$tmp"
}

if [ "$mode" = down ]; then
  exec 9>"/run/vmq-live-$prefix.lock"
  flock -n 9 || die "a live_netns.sh with prefix $prefix is running: stop it with Ctrl-C (or kill it), not down"
  cleanup
  echo "live_netns: removed namespaces $prefix-*"
  exit 0
fi
[ "$mode" = up ] || [ "$mode" = run ] || die "mode $mode: up, run or down"
[ "$mode" = up ] || ((${#cmd[@]})) || die "run needs a command after --"
[ "$(id -u)" -eq 0 ] || die "needs root (network namespaces and TAP devices)"
[ -c /dev/net/tun ] || die "/dev/net/tun is missing (modprobe tun)"
exe=$build/sim/vmq-live
[ -x "$exe" ] || die "$exe not built (scripts/setup.sh builds it)"
read -r -a vids <<<"$vlans"
n=${#vids[@]}
((n >= 1 && n <= 15)) || die "--vlans \"$vlans\": 1..15 VMs"
for v in "${vids[@]}"; do
  [[ $v =~ ^[0-9]+$ ]] && ((v <= 254)) || die "--vlans: \"$v\" is not 0 (untagged) or a VLAN 1..254"
done

# One run per prefix: a second one would tear down the first one's namespaces.
exec 9>"/run/vmq-live-$prefix.lock"
flock -n 9 || die "another live_netns.sh with prefix $prefix is running (use --prefix)"
cleanup  # leftovers of a run that was killed with SIGKILL
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
tmp=$(mktemp -d)

# vmq-live makes the TAP devices in this namespace, then we move them.
args=(--wire "${prefix}w0" --ready "$tmp/ready")
declare -A seen=()
for v in "${vids[@]}"; do
  if ((v)) && [ -z "${seen[$v]:-}" ]; then args+=(--wire "${prefix}w$v:$v"); seen[$v]=1; fi
done
for i in $(seq 1 "$n"); do
  v=${vids[$((i - 1))]}
  mac=$(printf '02:76:6d:00:00:%02x' "$i")
  if ((v)); then args+=(--vm "${prefix}vm$i,$mac,$v"); else args+=(--vm "${prefix}vm$i,$mac"); fi
done
[ -z "$stats" ] || args+=(--stats "$stats")
counters=off
[ "$mode" = up ] && counters=on
"$exe" "${args[@]}" --port-gbps "$gbps" --counters "$counters" &
vmq_pid=$!
for _ in $(seq 600); do
  [ -e "$tmp/ready" ] && break
  kill -0 "$vmq_pid" 2>/dev/null || { wait "$vmq_pid" || true; die "vmq-live exited before it was ready"; }
  sleep 0.1
done
[ -e "$tmp/ready" ] || die "vmq-live not ready after 60 s"

mkns() {  # name: a namespace with loopback up and no IPv6 (no router solicitations, DAD)
  ip netns add "$1"
  ip netns exec "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip netns exec "$1" ip link set lo up
}
mkns "$peer_ns"
addport() {  # tap vid
  local tap=$1 vid=$2
  ip link set "$tap" netns "$peer_ns"
  ip -n "$peer_ns" link set "$tap" address "$(printf '02:76:6d:ff:%02x:%02x' $((vid >> 8)) $((vid & 255)))"
  ip -n "$peer_ns" addr add "10.77.$vid.1/24" dev "$tap"
  ip -n "$peer_ns" link set "$tap" up
}
addport "${prefix}w0" 0
for v in "${!seen[@]}"; do addport "${prefix}w$v" "$v"; done

export LIVE_PREFIX=$prefix LIVE_VMS=$n LIVE_PEER_NS=$peer_ns LIVE_VMQ_PID=$vmq_pid LIVE_STATS=$stats
for i in $(seq 1 "$n"); do
  v=${vids[$((i - 1))]}
  ns=$prefix-vm$i
  tap=${prefix}vm$i
  ip=10.77.$v.$((10 + i))
  mkns "$ns"
  ip link set "$tap" netns "$ns"
  ip -n "$ns" addr add "$ip/24" dev "$tap"
  ip -n "$ns" link set "$tap" up
  export "LIVE_VM${i}_IP=$ip" "LIVE_VM${i}_MAC=$(printf '02:76:6d:00:00:%02x' "$i")" \
         "LIVE_VM${i}_VID=$v" "LIVE_VM${i}_NS=$ns" "LIVE_VM${i}_TAP=$tap"
done

if [ "$mode" = up ]; then
  echo "live_netns: up. Peer namespace $peer_ns (10.77.0.1$(for v in "${!seen[@]}"; do printf ', 10.77.%s.1' "$v"; done)); VMs:"
  for i in $(seq 1 "$n"); do
    v=LIVE_VM${i}_IP; echo "  $prefix-vm$i  ${!v}  $(printf '02:76:6d:00:00:%02x' "$i")  VLAN ${vids[$((i - 1))]}"
  done
  echo "  try: ip netns exec $peer_ns ping ${LIVE_VM1_IP}     (Ctrl-C here tears everything down)"
  wait "$vmq_pid" || true
  vmq_pid=""
  exit 0
fi
set +e
"${cmd[@]}"
rc=$?
set -e
exit $rc
