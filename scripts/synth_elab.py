#!/usr/bin/env python3
"""Elaborate vmq_core with Yosys' slang front end at the parameter corners.

Fast check (seconds) that the whole core stays inside the SystemVerilog
subset Yosys reads (docs/sv-subset.md): slang is stricter than Verilator
(e.g. it refuses an identifier used before its declaration). The full
netlist-vs-RTL cross-check of single blocks is scripts/synth_xcheck.py.
"""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth_xcheck as sx  # noqa: E402  (yosys_cmd, staging rules)
import corners  # noqa: E402  (the parameter corner table)
import manifest  # noqa: E402  (the RTL file lists)

# the core's sources, in order, from the one file list (rtl/manifest.json)
CORE = manifest.files("vmq_core", absolute=False)
# the corners of rtl/corners.json marked "elab" (docs/corners.md)
CORNERS = {c["name"]: c["params"] for c in corners.load() if c["elab"]}


def main() -> int:
    import os
    import shutil
    import subprocess
    import tempfile
    stage_root = Path(os.environ.get("VMQ_YOSYS_STAGE", "/var/tmp"))
    if not stage_root.is_dir():
        stage_root = Path.home()
    fail = 0
    for name, params in CORNERS.items():
        with tempfile.TemporaryDirectory(prefix="vmq-elab-", dir=stage_root) as tmp:
            st = Path(tmp)
            files = []
            for i, f in enumerate(CORE):
                dst = st / f"{i:02d}_{Path(f).name}"
                shutil.copyfile(sx.ROOT / f, dst)
                files.append(str(dst))
            g = " ".join(f"-G {k}={v}" for k, v in params.items())
            script = (f"read_slang --std 1800-2017 --threads 1 -D SYNTHESIS --ignore-assertions "
                      f"--top vmq_core {g} {' '.join(files)}\nhierarchy -check -top vmq_core\n")
            (st / "elab.ys").write_text(script)
            t0 = time.monotonic()
            r = subprocess.run(sx.yosys_cmd() + ["-q", "-s", str(st / "elab.ys")], cwd=st,
                               capture_output=True, text=True)
            dt = time.monotonic() - t0
            if r.returncode != 0:
                print(f"FAIL {name} ({dt:.1f} s):\n{r.stdout}{r.stderr}")
                fail = 1
            else:
                print(f"ok   {name} ({dt:.1f} s)")
    return fail


if __name__ == "__main__":
    sys.exit(main())
