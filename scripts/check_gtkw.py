#!/usr/bin/env python3
"""Check that every signal of a GTKWave save file exists, with its width, in an
FST trace (so sim/gtkwave/vmq.gtkw keeps opening cleanly as the RTL changes).

    check_gtkw.py SAVEFILE TRACE.fst

Needs fst2vcd (Debian package gtkwave, installed by scripts/setup.sh).
Exit 0: all present; 1: some missing (listed); 2: usage or tool problem.
"""
import re
import shutil
import subprocess
import sys


def fst_signals(fst):
    """{hierarchical name: width} from the trace header."""
    proc = subprocess.Popen(["fst2vcd", fst], stdout=subprocess.PIPE, text=True)
    sigs, stack = {}, []
    for line in proc.stdout:
        t = line.split()
        if not t:
            continue
        if t[0] == "$enddefinitions":
            break
        if t[0] == "$scope":
            stack.append(t[2])
        elif t[0] == "$upscope":
            stack.pop()
        elif t[0] == "$var":
            sigs[".".join(stack + [t[4]])] = int(t[2])
    proc.kill()
    proc.wait()
    return sigs


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    if not shutil.which("fst2vcd"):
        print("check_gtkw: fst2vcd not found (apt-get install gtkwave)", file=sys.stderr)
        return 2
    save, fst = sys.argv[1:]
    sigs = fst_signals(fst)
    if not sigs:
        print(f"check_gtkw: no signals in {fst}", file=sys.stderr)
        return 2
    bad, n = [], 0
    for line in open(save):
        line = line.strip()
        if not line or line[0] in "[@-*":
            continue
        n += 1
        m = re.fullmatch(r"(.+?)(?:\[(\d+):0\])?", line)
        name, msb = m.group(1), m.group(2)
        width = int(msb) + 1 if msb else 1
        if name not in sigs:
            bad.append(f"{name}: not in the trace")
        elif sigs[name] != width:
            bad.append(f"{name}: {width} bits in the save file, {sigs[name]} in the trace")
    for b in bad:
        print(f"check_gtkw: {b}")
    print(f"check_gtkw: {n - len(bad)} of {n} signals of {save} found in {fst}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
