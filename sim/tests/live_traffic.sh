#!/usr/bin/env bash
# The traffic phase of the live test, run by live_netns.sh inside the
# topology (LIVE_* variables describe it). Writes captures, iperf3 JSON and
# counter snapshots to OUT for live_check.py.
set -uo pipefail
out=${1:?usage: live_traffic.sh OUT_DIR}
n=$LIVE_VMS
peer=$LIVE_PEER_NS
fail=0
note() { echo "live: $*"; }
bad() { echo "live: FAIL: $*"; fail=1; }

snapshot() {  # name: vmq-live writes its counters on SIGUSR1
  rm -f "$LIVE_STATS"
  kill -USR1 "$LIVE_VMQ_PID"
  for _ in $(seq 200); do [ -e "$LIVE_STATS" ] && break; sleep 0.05; done
  [ -e "$LIVE_STATS" ] || { bad "vmq-live wrote no counter snapshot"; return; }
  cp "$LIVE_STATS" "$out/$1.json"
}
peer_port() {  # VM i -> the peer's TAP on that VM's VLAN
  local v=LIVE_VM$1_VID
  echo "${LIVE_PREFIX}w${!v}"
}

# Captures on every TAP, from the kernel's side (independent of vmq-live's counters).
cap_pids=()
capture() {  # ns iface file
  ip netns exec "$1" tcpdump -i "$2" -U -n -s 0 -w "$out/$3.pcap" 2>"$out/$3.tcpdump.log" &
  cap_pids+=($!)
  for _ in $(seq 100); do grep -q "listening on" "$out/$3.tcpdump.log" 2>/dev/null && return; sleep 0.05; done
  bad "tcpdump on $2 did not start"
}
for i in $(seq 1 "$n"); do
  ns=LIVE_VM${i}_NS tap=LIVE_VM${i}_TAP
  capture "${!ns}" "${!tap}" "vm$i"
done
for p in $(ip -n "$peer" -o link show | awk -F': ' '{print $2}' | grep "^${LIVE_PREFIX}w"); do
  capture "$peer" "$p" "peer_$p"
done

# 1. ARP: a broadcast request reaches the VM (and every VM that takes broadcast).
for i in $(seq 1 "$n"); do
  ip=LIVE_VM${i}_IP
  if ip netns exec "$peer" arping -c 2 -w 10 -I "$(peer_port "$i")" "${!ip}" >"$out/arping_vm$i.log" 2>&1; then
    note "arping vm$i (${!ip}): $(grep -c 'reply from' "$out/arping_vm$i.log") replies"
  else
    bad "arping vm$i (${!ip}) got no reply"
  fi
done

# 2. ping every VM from the peer, all at once.
pids=()
for i in $(seq 1 "$n"); do
  ip=LIVE_VM${i}_IP
  ip netns exec "$peer" ping -c 5 -i 0.2 -W 10 "${!ip}" >"$out/ping_vm$i.log" 2>&1 &
  pids+=($!)
done
for i in $(seq 1 "$n"); do
  if wait "${pids[$((i - 1))]}"; then
    note "ping vm$i: $(grep -o '[0-9]* received' "$out/ping_vm$i.log"), $(grep -o 'rtt.*' "$out/ping_vm$i.log")"
  else
    bad "ping vm$i: $(grep -o '[0-9]* received.*loss' "$out/ping_vm$i.log")"
  fi
done

# 3. iperf3 TCP from the peer to all VMs at once.
snapshot before_iperf
srv=()
for i in $(seq 1 "$n"); do
  ns=LIVE_VM${i}_NS
  ip netns exec "${!ns}" iperf3 -s -1 -J >"$out/iperf_server_vm$i.json" 2>"$out/iperf_server_vm$i.log" &
  srv+=($!)
done
for i in $(seq 1 "$n"); do  # wait for the servers to listen
  ns=LIVE_VM${i}_NS
  for _ in $(seq 100); do ip netns exec "${!ns}" ss -ltn 2>/dev/null | grep -q ':5201' && break; sleep 0.05; done
done
cli=()
for i in $(seq 1 "$n"); do
  ip=LIVE_VM${i}_IP
  ip netns exec "$peer" iperf3 -c "${!ip}" -t "${LIVE_IPERF_S:-4}" -J >"$out/iperf_vm$i.json" 2>"$out/iperf_vm$i.log" &
  cli+=($!)
done
for i in $(seq 1 "$n"); do
  wait "${cli[$((i - 1))]}" || bad "iperf3 to vm$i failed (see $out/iperf_vm$i.json)"
  wait "${srv[$((i - 1))]}" || true
done
snapshot after_iperf

# 4. Quiet, stop the captures, then the final counters.
sleep 1
for p in "${cap_pids[@]}"; do kill -INT "$p" 2>/dev/null; done
for p in "${cap_pids[@]}"; do wait "$p" 2>/dev/null; done
snapshot final
exit $fail
