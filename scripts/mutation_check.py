#!/usr/bin/env python3
"""Mutation check: do the tests fail when the RTL is broken?

Each mutation below breaks one behaviour on purpose in a scratch copy of the
work tree; the named tests are built and run against it, and at least one of
them must fail. A mutation that no test catches means a test that cannot
fail. A mutation whose target text is gone (the RTL changed) is reported as
stale: update it with the RTL.

    scripts/mutation_check.py [--work DIR] [--only M1,M3]

Takes ~1-2 minutes per mutation on 2 cores (a fresh build each, ccache
helps). CTest: `scripts/test.sh -L slow -R mutation`.
"""
import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from progress import Progress  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SORTER = "rtl/rx/vmq_l2_sorter.sv"
SYS_TOP = "tb/system/sorter_csr/tb_sorter_csr.sv"
UNIT = ["sorter_directed_d64_q16_f64", "sorter_random_d64_q16_f64"]
UNIT_TESTS = ["sorter_directed_d64_q16_f64", "sorter_random_d64_q16_f64_s1",
              "sorter_random_d64_q16_f64_s2"]
SYS = ["sorter_csr_d64_q16_f64"]

# name, file, old text, new text, targets, tests
MUTATIONS = [
    ("M1", "mac_untagged ignores the VID-0 rule", SORTER,
     "type_ok = mac_eq && !h_vtag;", "type_ok = mac_eq && !h_tagged;", UNIT, UNIT_TESTS),
    ("M2", "queue mask written with the match fields (half-entry window)", SORTER,
     "        if (qm_we_q && qm_idx_q == FiltIdxW'(f)) tbl_qmask_q[f] <= qm_data_q;",
     "        if (tbl_we_i && tbl_idx_ok && tbl_idx == FiltIdxW'(f)) tbl_qmask_q[f] <= tbl_qmask_i;",
     UNIT, UNIT_TESTS),
    ("M3", "runt checked before error", SORTER,
     "    if (e2_err_q)                   d_drop = vmq_pkg::DropErr;\n"
     "    else if (e2_len_q < k_min)      d_drop = vmq_pkg::DropRunt;",
     "    if (e2_len_q < k_min)           d_drop = vmq_pkg::DropRunt;\n"
     "    else if (e2_err_q)              d_drop = vmq_pkg::DropErr;", UNIT, UNIT_TESTS),
    ("M4", "MAC halves mis-wired between registers and sorter", SYS_TOP,
     ".tbl_mac_i           ({filt_mac_hi, filt_mac_lo}),",
     ".tbl_mac_i           ({filt_mac_lo[15:0], filt_mac_lo[31:16], filt_mac_hi}),", SYS, SYS),
    ("M5", "multicast taken from the wrong bit", SORTER,
     "assign h_mcast  = h_da[40] && !h_bcast;", "assign h_mcast  = h_da[47] && !h_bcast;",
     UNIT, UNIT_TESTS),
    ("M6", "no decision flow control", SORTER,
     "  assign credit_ok  = credits_used_q < CreditW'(DecFifoDepth) && !rst_i;",
     "  assign credit_ok  = !rst_i;", UNIT, UNIT_TESTS),
    ("M7", "tuser latched on any beat", SORTER,
     "        kerr_d     = kerr_q || kerr_now;", "        kerr_d     = kerr_q || kerr_now || s_tuser_i;",
     UNIT, UNIT_TESTS),
    ("M8", "beats accepted during reset", SORTER,
     "  assign credit_ok  = credits_used_q < CreditW'(DecFifoDepth) && !rst_i;",
     "  assign credit_ok  = credits_used_q < CreditW'(DecFifoDepth);", UNIT, UNIT_TESTS),
]

# Lint is part of the build (-Wall): a mutation that leaves a signal unused
# must not fail as a lint error instead of a test, so lint warnings are
# demoted to non-fatal in the scratch build.
LINT_RELAX = "-Wno-fatal"


def tree_copy(dst):
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                           capture_output=True, check=True).stdout.split(b"\0")
    for f in files:
        if not f:
            continue
        src = ROOT / f.decode()
        if src.is_file():
            d = dst / f.decode()
            d.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, d)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/var/tmp")) / "vmq-mutation")
    ap.add_argument("--only", help="comma-separated mutation names")
    a = ap.parse_args()
    only = set(a.only.split(",")) if a.only else None
    env = dict(os.environ, CCACHE_DIR=str(ROOT / ".ccache"))
    survived, stale = [], []
    todo = [m for m in MUTATIONS if not only or m[0] in only]
    with Progress("mutation_check", total=len(todo)) as prog:
        for m in todo:
            prog.start(m[0])
            try:
                run_one(a, env, m, prog, survived, stale)
            finally:
                prog.finish(m[0])
    shutil.rmtree(a.work, ignore_errors=True)
    if survived or stale:
        print(f"FAIL: not caught: {survived or '-'}; stale: {stale or '-'}")
        return 1
    print("PASS: every mutation was caught")
    return 0


def run_one(a, env, mutation, prog, survived, stale):
    """Build one mutation in a scratch tree and run its tests."""
    name, what, f, old, new, targets, tests = mutation
    t0 = time.monotonic()
    tree, build = a.work / "tree", a.work / "build"
    shutil.rmtree(a.work, ignore_errors=True)
    tree.mkdir(parents=True)
    tree_copy(tree)
    p = tree / f
    text = p.read_text()
    if old not in text:
        with prog.paused():
            print(f"{name} STALE: target text not found in {f}: {old.strip()[:70]}")
        stale.append(name)
        return
    p.write_text(text.replace(old, new))
    cmake = ["cmake", "-S", str(tree), "-B", str(build), "-G", "Ninja",
             f"-DVMQ_EXTRA_VERILATOR_ARGS={LINT_RELAX}"]
    r = subprocess.run(cmake, capture_output=True, text=True, env=env)
    if r.returncode == 0:
        r = subprocess.run(["ninja", "-C", str(build)] + targets, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        with prog.paused():
            print(f"{name} BUILD FAILED (counts as not caught): {what}\n{r.stdout[-1500:]}{r.stderr[-1500:]}")
        survived.append(name)
        return
    failed = []
    for t in tests:
        rr = subprocess.run(["ctest", "--test-dir", str(build), "-R", f"^{t}$"], capture_output=True,
                            text=True, env=env)
        if rr.returncode != 0:
            failed.append(t)
    verdict = "caught by " + ", ".join(failed) if failed else "NOT CAUGHT"
    with prog.paused():
        print(f"{name} {what}: {verdict} ({time.monotonic() - t0:.0f} s)", flush=True)
    if not failed:
        survived.append(name)


if __name__ == "__main__":
    sys.exit(main())
