#!/usr/bin/env python3
"""Checks of the live test (docs/live.md) on what live_traffic.sh left in OUT:

- every VM got TCP traffic (iperf3 receiver bytes, and the TAP counters);
- unicast isolation: no frame a VM's TAP received (tcpdump, the kernel's
  side) is unicast to another MAC; the peer's port of VLAN V received only
  frames of VMs on V;
- the core's counters agree with the TAPs: per queue rx_packets/rx_bytes
  against the frames written to the VM's TAP (plus other VLANs' broadcasts
  dropped by vmq-live), tx_packets/tx_bytes against the frames the VM's
  kernel sent (tcpdump), global rx_frames against what the peer sent;
- nothing dropped for a bad reason (errors, runts, oversize, buffer, DMA).

Prints the throughput in wall-clock and in simulated time and the
simulated cycles per wall second, and writes OUT/live_summary.json.
"""
import json
import struct
import sys
from pathlib import Path


def read_pcap(path):
    """Frames of a libpcap file (tcpdump -w), as bytes."""
    data = Path(path).read_bytes()
    if len(data) < 24:
        raise SystemExit(f"FAIL: {path}: not a pcap file ({len(data)} bytes)")
    magic = struct.unpack("<I", data[:4])[0]
    if magic in (0xA1B2C3D4, 0xA1B23C4D):
        end = "<"
    elif magic in (0xD4C3B2A1, 0x4D3CB2A1):
        end = ">"
    else:
        raise SystemExit(f"FAIL: {path}: bad pcap magic {magic:#x}")
    linktype = struct.unpack(end + "I", data[20:24])[0]
    if linktype != 1:
        raise SystemExit(f"FAIL: {path}: link type {linktype}, expected Ethernet (1)")
    frames, off = [], 24
    while off + 16 <= len(data):
        incl, orig = struct.unpack(end + "II", data[off + 8:off + 16])
        if incl != orig:
            raise SystemExit(f"FAIL: {path}: frame {len(frames)} truncated in the capture")
        frames.append(data[off + 16:off + 16 + incl])
        off += 16 + incl
    return frames


def mac(b):
    return ":".join(f"{x:02x}" for x in b)


def main():
    out = Path(sys.argv[1])
    final = json.loads((out / "final.json").read_text())
    before = json.loads((out / "before_iperf.json").read_text())
    after = json.loads((out / "after_iperf.json").read_text())
    errors = []

    def check(cond, msg):
        if not cond:
            errors.append(msg)

    vm_macs = {v["mac"]: v for v in final["vms"]}
    summary = {"vms": []}
    for idx, v in enumerate(final["vms"], 1):
        name, q, vid = v["tap"], v["queue"], v["vid"]
        frames = read_pcap(out / f"vm{idx}.pcap")
        own = v["mac"]
        inbound = [f for f in frames if mac(f[6:12]) != own]
        outbound = [f for f in frames if mac(f[6:12]) == own]
        # Isolation: what reached this VM is for it (or broadcast/multicast).
        for k, f in enumerate(inbound):
            da = f[0:6]
            if not (da[0] & 1) and mac(da) != own:
                errors.append(f"{name} (queue {q}): received frame {k} ({len(f)} bytes) is unicast to "
                              f"{mac(da)}, not to this VM ({own})")
        core = v["core"]
        check(v["tap_refused"] == 0, f"{name}: the kernel refused {v['tap_refused']} frames written to the TAP")
        check(len(inbound) == v["to_vm_frames"],
              f"{name}: tcpdump saw {len(inbound)} frames arrive, vmq-live wrote {v['to_vm_frames']}")
        check(sum(map(len, inbound)) == v["to_vm_bytes"],
              f"{name}: tcpdump saw {sum(map(len, inbound))} bytes arrive, vmq-live wrote {v['to_vm_bytes']}")
        check(core["rx_packets"] == v["to_vm_frames"] + v["vlan_drops"],
              f"{name}: core rx_packets {core['rx_packets']} != frames to the TAP {v['to_vm_frames']} "
              f"+ other VLANs' frames dropped {v['vlan_drops']}")
        check(core["rx_bytes"] == v["to_vm_bytes"] + v["vlan_drop_bytes"],
              f"{name}: core rx_bytes {core['rx_bytes']} != bytes to the TAP {v['to_vm_bytes']} "
              f"+ other VLANs' bytes {v['vlan_drop_bytes']}")
        check(core["rx_no_desc_drops"] == 0, f"{name}: {core['rx_no_desc_drops']} rx_no_desc_drops")
        # Transmit: what the VM's kernel sent, all of it through the queue.
        check(len(outbound) == v["from_vm_frames"] + v["tx_too_long"],
              f"{name}: tcpdump saw the VM send {len(outbound)} frames, vmq-live read {v['from_vm_frames']}")
        check(core["tx_packets"] == len(outbound),
              f"{name}: core tx_packets {core['tx_packets']} != frames the VM sent {len(outbound)}")
        want_tx_bytes = sum(max(len(f) + (4 if vid else 0), 60) for f in outbound)
        check(core["tx_bytes"] == want_tx_bytes,
              f"{name}: core tx_bytes {core['tx_bytes']} != {want_tx_bytes} (the VM's frames with "
              f"{'tag and ' if vid else ''}padding)")
        check(v["tx_dropped"] == 0 and core["tx_spoof_drops"] == 0 and core["tx_oversize_drops"] == 0,
              f"{name}: transmit drops (completions {v['tx_dropped']}, spoof {core['tx_spoof_drops']}, "
              f"oversize {core['tx_oversize_drops']})")
        # Traffic during iperf3.
        b = next(x for x in before["vms"] if x["tap"] == name)
        a = next(x for x in after["vms"] if x["tap"] == name)
        ip = json.loads((out / f"iperf_vm{idx}.json").read_text())
        if "error" in ip:
            errors.append(f"{name}: iperf3: {ip['error']}")
            recv_bps, recv_bytes = 0.0, 0
        else:
            recv_bps = ip["end"]["sum_received"]["bits_per_second"]
            recv_bytes = ip["end"]["sum_received"]["bytes"]
        check(recv_bytes > 0, f"{name}: iperf3 delivered nothing")
        check(a["to_vm_bytes"] - b["to_vm_bytes"] > recv_bytes,
              f"{name}: the TAP got {a['to_vm_bytes'] - b['to_vm_bytes']} bytes during iperf3, "
              f"less than iperf3's {recv_bytes} payload bytes")
        summary["vms"].append({"tap": name, "vid": vid, "queue": q, "iperf_mbps": recv_bps / 1e6,
                               "iperf_bytes": recv_bytes, "rx_frames_to_tap": v["to_vm_frames"],
                               "vlan_drops": v["vlan_drops"], "tx_frames": len(outbound)})

    # The wire side: the peer's ports.
    port_vid = {w["tap"]: w["vid"] for w in final["wires"]}
    sent_by_peer = 0
    for w in final["wires"]:
        frames = read_pcap(out / f"peer_{w['tap']}.pcap")
        inbound = [f for f in frames if mac(f[6:12]) in vm_macs]
        outbound = [f for f in frames if mac(f[6:12]) not in vm_macs]
        sent_by_peer += len(outbound)
        check(len(inbound) == w["from_core_frames"],
              f"peer {w['tap']}: tcpdump saw {len(inbound)} frames from the VMs, vmq-live wrote "
              f"{w['from_core_frames']}")
        check(len(outbound) == w["to_core_frames"] + w["too_long"],
              f"peer {w['tap']}: the peer sent {len(outbound)} frames, vmq-live read {w['to_core_frames']}")
        for k, f in enumerate(inbound):
            src = vm_macs[mac(f[6:12])]
            if src["vid"] != port_vid[w["tap"]]:
                errors.append(f"peer {w['tap']} (VLAN {port_vid[w['tap']]}): frame {k} came from "
                              f"{src['tap']} on VLAN {src['vid']}")
    g = final["core"]
    check(g["rx_frames"] == sum(w["to_core_frames"] for w in final["wires"]),
          f"core rx_frames {g['rx_frames']} != frames the peer's ports sent "
          f"{sum(w['to_core_frames'] for w in final['wires'])}")
    for k in ("rx_err_drops", "rx_runt_drops", "rx_oversize_drops", "rx_buffer_drops", "dma_errors",
              "queue_errors", "csr_unmapped"):
        check(g[k] == 0, f"core {k} = {g[k]}")
    check(final["wire_unknown_vlan"] == 0, f"{final['wire_unknown_vlan']} wire frames of a VLAN no port carries")
    check(sum(w["from_core_frames"] for w in final["wires"]) == sum(v["core"]["tx_packets"] for v in final["vms"]),
          "frames on the wire != frames the queues sent (loopback is off)")

    # Throughput during iperf3.
    d = lambda k: after[k] - before[k]
    to_vm = sum(a["to_vm_bytes"] for a in after["vms"]) - sum(b["to_vm_bytes"] for b in before["vms"])
    wall, sim_ns = d("wall_s"), d("sim_ns")
    summary.update({
        "iperf_total_mbps_wall": sum(v["iperf_mbps"] for v in summary["vms"]),
        "tap_bytes_to_vms": to_vm,
        "wall_s": wall,
        "sim_us": sim_ns / 1e3,
        "gbps_to_vms_wall": to_vm * 8 / wall / 1e9 if wall else 0,
        "gbps_to_vms_simulated": to_vm * 8 / sim_ns if sim_ns else 0,
        "mcycles_per_wall_s": d("cycles") / wall / 1e6 if wall else 0,
        "realtime_fraction": d("sim_ns") / (wall * 1e9) if wall else 0,  # simulated time / wall time
        "rx_unmatched_drops": g["rx_unmatched_drops"],
        "port_gbps": final["port_gbps"],
    })
    (out / "live_summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    print("live: iperf3 TCP, peer -> all VMs at once")
    print(f"  {'VM':10} {'VLAN':>4} {'queue':>5} {'Mb/s (wall)':>12} {'frames in':>10} {'other-VLAN':>10} "
          f"{'frames out':>10}")
    for v in summary["vms"]:
        print(f"  {v['tap']:10} {v['vid']:4} {v['queue']:5} {v['iperf_mbps']:12.2f} {v['rx_frames_to_tap']:10} "
              f"{v['vlan_drops']:10} {v['tx_frames']:10}")
    s = summary
    print(f"  total {s['iperf_total_mbps_wall']:.2f} Mb/s of TCP payload in wall-clock time; "
          f"{s['tap_bytes_to_vms'] / 1e6:.2f} MB of frames in {s['wall_s']:.2f} s wall = "
          f"{s['sim_us']:.0f} us simulated: {s['gbps_to_vms_simulated']:.2f} Gb/s in simulated time "
          f"(port {s['port_gbps']:g} GbE); {s['mcycles_per_wall_s']:.3f} Mcycles/s")
    if errors:
        for e in errors[:30]:
            print("FAIL:", e)
        print(f"live: {len(errors)} check(s) failed")
        return 1
    print("live: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
