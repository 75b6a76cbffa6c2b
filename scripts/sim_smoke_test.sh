#!/usr/bin/env bash
# CTest `sim_smoke`: the user programs on their shipped inputs.
#  - vmq-sim on sim/examples/basic with --trace: exit 0 (its own model check
#    passed), every output written, the waveform holds every signal of the
#    GTKWave save file (scripts/check_gtkw.py).
#  - vmqctl --device sim:SCENARIO: the example's filters and queues read back.
#  - vmq-demo --quick: eight runs, demo.json with a delivered rate for each VM.
#  - Wireshark's reader (tshark) opens every output pcap and counts the frames
#    events.jsonl says each queue and the wire got.
# Usage: sim_smoke_test.sh BUILD_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "sim_smoke: FAIL: $*"; exit 1; }

"$build/sim/vmq-sim" --scenario "$root/sim/examples/basic/scenario.json" --out "$tmp/out" \
  --trace "$tmp/trace.fst" --progress off || fail "vmq-sim exited $?"
for f in rxq0 rxq1 rxq2 rxq3 rxq4 rxq5 wire_tx; do
  [ -s "$tmp/out/$f.pcap" ] || fail "$f.pcap missing or empty"
done
[ "$(wc -l < "$tmp/out/events.jsonl")" -eq 360 ] || fail "events.jsonl: want 300 rx + 60 tx lines"
# Wireshark opens what we wrote: frame counts per pcap against events.jsonl
for f in "$tmp"/out/*.pcap; do
  n=$(tshark -r "$f" -T fields -e frame.len 2>"$tmp/tshark.err" | wc -l) \
    || fail "tshark cannot read $(basename "$f"): $(cat "$tmp/tshark.err")"
  grep -v "Running as user" "$tmp/tshark.err" > "$tmp/tshark.err2" || true
  [ ! -s "$tmp/tshark.err2" ] || fail "tshark on $(basename "$f"): $(cat "$tmp/tshark.err2")"
  want=$(python3 - "$tmp/out/events.jsonl" "$(basename "$f" .pcap)" <<'PY'
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])]
name = sys.argv[2]
if name == "wire_tx":
    print(sum(1 for e in ev if e["dir"] == "tx" and e["wire"]))
else:
    q = int(name[3:])
    print(sum(e.get("queues", []).count(q) for e in ev if e["dir"] == "rx")
          + sum(e["loop_queues"].count(q) for e in ev if e["dir"] == "tx"))
PY
)
  [ "$n" -eq "$want" ] || fail "$(basename "$f"): tshark reads $n frames, events.jsonl says $want"
done
echo "sim_smoke: tshark reads every output pcap with the frame counts of events.jsonl"
python3 "$root/scripts/check_gtkw.py" "$root/sim/gtkwave/vmq.gtkw" "$tmp/trace.fst" \
  || fail "GTKWave save file does not match the trace"

"$build/sim/vmqctl" --device "sim:$root/sim/examples/basic/scenario.json" > "$tmp/ctl.txt" \
  || fail "vmqctl exited $?"
grep -q "vlan .* vid 20 .* -> queues 4,5" "$tmp/ctl.txt" || fail "vmqctl: vlan filter 20 -> 4,5 not shown"
grep -q "spoof=02:00:00:00:00:01" "$tmp/ctl.txt" || fail "vmqctl: queue 1 anti-spoofing not shown"
# vmqctl refuses what does not name a device, with the reason (exit 2)
ctl_refused() {  # expected message part, args...
  local want=$1; shift
  set +e; "$build/sim/vmqctl" "$@" > "$tmp/ctl_bad.txt" 2>&1; local rc=$?; set -e
  [ $rc -eq 2 ] || fail "vmqctl $*: exit $rc, expected 2 (refused)"
  grep -q -- "$want" "$tmp/ctl_bad.txt" || { cat "$tmp/ctl_bad.txt"; fail "vmqctl $*: message lacks \"$want\""; }
}
ctl_refused 'unknown scheme "bogus:"' --device bogus:x
ctl_refused "bad PCI address" --device pci:zz
ctl_refused "scenario refused" --device sim:/nonexistent.json
ctl_refused "--show: " --device sim: --show caps,bogus
ctl_refused "name a device" --show caps
ctl_refused "name a device" --device sim: --list
"$build/sim/vmqctl" --version | grep -q "register map" || fail "vmqctl --version"
echo "sim_smoke: vmqctl reads the example back and refuses 6 bad command lines"

"$build/sim/vmq-demo" --quick --out "$tmp/demo" > "$tmp/demo.txt" 2>&1 || { cat "$tmp/demo.txt"; fail "vmq-demo exited"; }
python3 - "$tmp/demo/demo.json" <<'PY' || fail "demo.json"
import json, sys
d = json.load(open(sys.argv[1]))
runs = d["runs"]
assert len(runs) == 8, f"{len(runs)} runs"
for r in runs:
    assert all(g > 0 for g in r["vm_gbps"]), f"a VM got nothing: {r}"
    assert r["delivered_frames"] <= r["offered_frames"], r
print("sim_smoke: demo.json has 8 runs, every VM received")
PY
# every program refuses a command line it cannot run, naming the flag (exit 2)
refused() {  # program, expected message part, args...
  local prog=$1 want=$2; shift 2
  set +e; "$build/sim/$prog" "$@" > "$tmp/refused.txt" 2>&1; local rc=$?; set -e
  [ $rc -eq 2 ] || fail "$prog $*: exit $rc, expected 2 (refused)"
  grep -q -- "$want" "$tmp/refused.txt" || { cat "$tmp/refused.txt"; fail "$prog $*: message lacks \"$want\""; }
}
refused vmq-demo "--reps" --reps 99
refused vmq-demo "runs on are: sim:" --device pci:0000:01:00.0
refused vmq-demo "not expected" --bogus
refused vmq-sim "--vms requires --gen" --out "$tmp/o" --vms 3
refused vmq-sim "runs on are: sim:" --gen --out "$tmp/o" --device vfio:0000:01:00.0
refused vmq-live "runs on are: sim:" --device sim:x.json --wire w0 --vm v1,02:00:00:00:00:01
refused vmq-live "--port-gbps" --port-gbps 99 --wire w0 --vm v1,02:00:00:00:00:01
for p in vmq-sim vmq-demo vmq-live vmqctl; do
  "$build/sim/$p" --version | grep -q "register map" || fail "$p --version"
  "$build/sim/$p" --help | grep -q -- "--device" || fail "$p --help does not list --device"
done
echo "sim_smoke: vmq-sim, vmq-demo, vmq-live refuse 7 bad command lines; all four programs have --version and --device"
# vmq-live refuses bad topologies before it touches a TAP (no root needed).
live_refused() {  # expected message part, args...
  local want=$1; shift
  set +e; "$build/sim/vmq-live" "$@" > "$tmp/live.txt" 2>&1; local rc=$?; set -e
  [ $rc -eq 2 ] || fail "vmq-live $*: exit $rc, expected 2 (refused)"
  grep -q -- "$want" "$tmp/live.txt" || { cat "$tmp/live.txt"; fail "vmq-live $*: message lacks \"$want\""; }
}
live_refused "--wire TAP is required" --vm v1,02:00:00:00:00:01
live_refused "no --wire TAP:7 carries" --wire w0 --vm v1,02:00:00:00:00:01,7
live_refused "not a unicast MAC" --wire w0 --vm v1,01:00:5e:00:00:01
live_refused "belongs to another VM" --wire w0 --vm v1,02:00:00:00:00:01 --vm v2,02:00:00:00:00:01
live_refused "not a VID in 1..4094" --wire w0:4095 --vm v1,02:00:00:00:00:01
live_refused "must have 1..15 characters" --wire w0 --vm vm-with-a-long-name,02:00:00:00:00:01
live_refused "used twice" --wire w0 --vm w0,02:00:00:00:00:01
live_refused "expected TAP,MAC" --wire w0 --vm v1
echo "sim_smoke: vmq-live refuses 8 bad topologies with a message naming the problem"
echo "sim_smoke: PASS"
