#!/usr/bin/env python3
"""Writes the example's pcaps (deterministic; standard libpcap format). Payloads
are random bytes under the local experimental EtherType 0x88B5, which
Wireshark shows as plain data.

wire_in.pcap: 300 frames arriving from the wire - unicast to each VM, a
tagged frame for VM 2 on VLAN 10, broadcast, VLAN 20 traffic, runts below
min_frame, oversize frames, and unicast nobody owns (to the default queue).
vm1_out.pcap: 60 frames VM 1 sends - to the wire, one with a spoofed source
MAC (dropped by anti-spoofing), and some to VM 3 (looped inside the core).
"""
import random
import struct


def pcap(path, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))  # DLT_EN10MB
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", i // 1000000, i % 1000000, len(fr), len(fr)))
            f.write(fr)


def mac(s):
    return bytes(int(x, 16) for x in s.split(":"))


def frame(rng, da, sa, n, vid=None, ethertype=0x88B5):
    h = mac(da) + mac(sa)
    if vid is not None:
        h += struct.pack(">HH", 0x8100, vid)
    h += struct.pack(">H", ethertype)
    return h + bytes(rng.randrange(256) for _ in range(max(0, n - len(h))))


def main():
    rng = random.Random(1)
    peer = "02:aa:00:00:00:01"
    wire = []
    for i in range(300):
        k = i % 8
        if k == 0:
            wire.append(frame(rng, "02:00:00:00:00:01", peer, rng.randrange(60, 1519)))
        elif k == 1:
            wire.append(frame(rng, "02:00:00:00:00:02", peer, rng.randrange(64, 1519), vid=10))
        elif k == 2:
            wire.append(frame(rng, "02:00:00:00:00:03", peer, rng.randrange(60, 1519)))
        elif k == 3:
            wire.append(frame(rng, "ff:ff:ff:ff:ff:ff", peer, rng.randrange(60, 200)))
        elif k == 4:
            wire.append(frame(rng, "02:00:00:00:00:77", peer, rng.randrange(64, 600), vid=20))
        elif k == 5:
            wire.append(frame(rng, "02:00:00:00:00:55", peer, rng.randrange(20, 60)))  # runt
        elif k == 6:
            wire.append(frame(rng, "02:00:00:00:00:01", peer, rng.randrange(1519, 2000)))  # oversize
        else:
            wire.append(frame(rng, "02:00:00:00:00:99", peer, rng.randrange(60, 400)))  # default queue
    pcap("wire_in.pcap", wire)
    out = [frame(rng, peer, "02:00:00:00:00:01", rng.randrange(60, 1515)) for _ in range(50)]
    out.append(frame(rng, peer, "02:00:00:00:00:09", 100))  # spoofed SA
    out += [frame(rng, "02:00:00:00:00:03", "02:00:00:00:00:01", rng.randrange(60, 500)) for _ in range(9)]
    pcap("vm1_out.pcap", out)


if __name__ == "__main__":
    main()
