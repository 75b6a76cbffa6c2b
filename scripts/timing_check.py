#!/usr/bin/env python3
"""Logic-depth timing check of vmq (SPEC section 11, docs/timing.md).

No open tool places and routes the KCU105's UltraScale part, so this is the
logic-depth proxy of ../shared/TIMING.md on the open synthesis netlist: Yosys
(`read_slang`, `synth_xilinx -family xcu -flatten -noiopad -noclkbuf`,
`write_json`), then the depth of every register-to-register path counted in
Vivado's "logic levels": a LUT or MUXF is 1, a carry cell 1/4, buffers and
inverters 0; a LUT-RAM or shift-register read is 1 from its address; a block
RAM read without its output register starts at 2; a DSP without its output
register adds 4; a net with more than 64 loads adds 1; paths between clock
domains are not counted. Endpoints are the inputs of sequential cells and the
top's outputs, grouped by the register they feed.

  timing_check.py                      the default run: the negative controls
                                       must fail, every card-ready block of
                                       rtl/manifest.json must pass at every
                                       timing corner (rtl/corners.json)
  timing_check.py --block B [--corner C ...]
                                       measure blocks (repeatable), print the
                                       histogram and the worst endpoints
  timing_check.py --all                every block with a timing entry, every
                                       timing corner (not the whole core)
  timing_check.py --core [--corner C]  the whole vmq_core (minutes, > 1 GB)
  timing_check.py ... --report         merge the results into
                                       docs/synth/timing.json and rewrite
                                       docs/synth/timing.md
  timing_check.py --controls           only the negative controls
  --budget N (default 8)  --worst N (endpoint groups shown, default 12)
  --jobs N (parallel Yosys runs, default 1)  --keep DIR (keep netlists)

Exit status: 0 when every enforced block is within budget and every negative
control is caught, 1 otherwise, 2 for bad arguments.
"""
import argparse
import concurrent.futures as cf
import json
import math
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corners as corner_table  # noqa: E402
import manifest  # noqa: E402
import synth_report as sr  # noqa: E402  (cell classes)
import synth_xcheck as sx  # noqa: E402  (yosys_cmd, staging)
from progress import Progress  # noqa: E402

ROOT = manifest.ROOT
REPORT_JSON = ROOT / "docs" / "synth" / "timing.json"
REPORT_MD = ROOT / "docs" / "synth" / "timing.md"
CONTROLS_DIR = ROOT / "fpga" / "synth" / "timing_controls"
BUDGET = 8
FANOUT_LIMIT = 64
FF_ARRAY_BITS = 1024  # a memory of 1 kbit or more must not end up as flip-flops

# ---------------------------------------------------------------- cell classes
# Sequential cells start and end paths; the rest is combinational.
# (the cell classes of the resource report, scripts/synth_report.py)
SEQ_FF = sr.FF
SEQ_BRAM = re.compile(r"^(RAMB(18|36)E[12]|URAM288(_BASE)?|FIFO(18|36)E[12])$")
SEQ_LUTRAM = sr.LUTRAM
SEQ_SRL = sr.SRL
SEQ_DSP = sr.DSP
COMB_LUT = re.compile(r"^LUT[1-6](_2)?$")  # INV is a free inverter here, not a LUT
COMB_MUX = sr.MUXF
COMB_CARRY = sr.CARRY
COMB_FREE = re.compile(r"^(INV|BUF|BUFG\w*|IBUF\w*|OBUF\w*|GND|VCC)$")
CLOCK_PINS = {"C", "CLK", "WCLK", "CLKARDCLK", "CLKBWRCLK", "CLKA", "CLKB", "RDCLK", "WRCLK"}
LUTRAM_ADDR = re.compile(r"^(ADDR[A-H]|A\d*|DPRA\d*|A)$")
SRL_ADDR = re.compile(r"^A\d*$")


def weight(ctype):
    if COMB_LUT.match(ctype) or COMB_MUX.match(ctype):
        return 1.0
    if COMB_CARRY.match(ctype):
        return 0.25
    if COMB_FREE.match(ctype):
        return 0.0
    return None


def seq_kind(ctype):
    for kind, rx in (("ff", SEQ_FF), ("bram", SEQ_BRAM), ("lutram", SEQ_LUTRAM), ("srl", SEQ_SRL),
                     ("dsp", SEQ_DSP)):
        if rx.match(ctype):
            return kind
    return None


def pint(v):
    """A Yosys JSON parameter value (binary string or int) as int."""
    if isinstance(v, int):
        return v
    v = str(v).strip()
    if re.fullmatch(r"[01xz]+", v):
        return int(v.replace("x", "0").replace("z", "0"), 2)
    try:
        return int(v)
    except ValueError:
        return 0


def readable(name):
    """Register group name: generate and array indices collapsed to [*]."""
    name = name.lstrip("\\")
    return re.sub(r"\[\d+\]", "[*]", name)


# ---------------------------------------------------------------- depth analysis
def analyse(netlist, top, budget=BUDGET, worst=12, fanout_limit=FANOUT_LIMIT):
    """Logic depth of every endpoint of `top` in a flattened Yosys JSON netlist.

    Returns a dict: max, histogram (floor of depth -> endpoints), over (endpoints
    deeper than budget), groups (register group -> max depth, endpoints),
    cells (by class), ff_arrays (flip-flop arrays of >= 1 kbit).
    """
    mod = netlist["modules"][top]
    cells = mod["cells"]
    driver = {}        # bit -> (cell name, port) or ("<in>", port)
    loads = Counter()  # bit -> number of sink pins
    for name, c in cells.items():
        pd = c.get("port_directions", {})
        for port, bits in c["connections"].items():
            d = pd.get(port, "input")
            for b in bits:
                if not isinstance(b, int):
                    continue
                if d == "output":
                    driver[b] = (name, port)
                else:
                    loads[b] += 1
    for port, p in mod["ports"].items():
        for b in p["bits"]:
            if not isinstance(b, int):
                continue
            if p["direction"] == "input":
                driver[b] = ("<in>", port)
            else:
                loads[b] += 1

    # names of nets: prefer visible names
    bitname = {}
    for n, w in mod["netnames"].items():
        hidden = w.get("hide_name", 0)
        for i, b in enumerate(w["bits"]):
            if not isinstance(b, int):
                continue
            nm = n if len(w["bits"]) == 1 else f"{n}[{i + w.get('offset', 0)}]"
            if b not in bitname or (bitname[b][0] and not hidden):
                bitname[b] = (hidden, nm)

    # clock domains of each sequential cell: the nets on its clock pins
    domain = {}
    kinds = {}
    classes = Counter()
    unknown = Counter()
    for name, c in cells.items():
        k = seq_kind(c["type"])
        kinds[name] = k
        if k:
            classes[k] += 1
            # every clock net of the cell (a true dual-port block RAM has two)
            domain[name] = {b for p, bits in c["connections"].items() if p in CLOCK_PINS
                            for b in bits if isinstance(b, int)}
        else:
            w = weight(c["type"])
            if w is None:
                unknown[c["type"]] += 1
            classes["lut" if COMB_LUT.match(c["type"]) else
                    "carry" if COMB_CARRY.match(c["type"]) else
                    "mux" if COMB_MUX.match(c["type"]) else "other"] += 1
    domains = sorted({d for ds in domain.values() for d in ds}) or [None]

    NEG = float("-inf")

    def run_domain(dom):
        """Arrival time (depth) of every bit for paths ending in domain `dom`."""

        def penalty(b):
            return 1.0 if loads[b] > fanout_limit else 0.0

        def cell_inputs(c, only=None):
            pd = c.get("port_directions", {})
            for port, bits in c["connections"].items():
                if pd.get(port, "input") == "output" or port in CLOCK_PINS:
                    continue
                if only is not None and not only(port):
                    continue
                for b in bits:
                    if isinstance(b, int):
                        yield b

        def source_value(b):
            """Arrival of bit b if it needs no recursion, else None."""
            drv = driver.get(b)
            if drv is None:
                return 0.0
            name, port = drv
            if name == "<in>":
                return 0.0 + penalty(b)
            c = cells[name]
            k = kinds[name]
            if k is None:
                return None
            # A start point of another clock domain is not counted (a crossing).
            # LUT-RAM and SRL reads and unregistered DSP outputs are not start
            # points: they follow their inputs' domain (below, through deps).
            start = k in ("ff", "bram") or (k == "srl" and port == "Q31") or \
                (k == "dsp" and pint(c["parameters"].get("PREG", 1)) == 1)
            if start and multi and domain[name] and dom not in domain[name]:
                return NEG
            if k == "ff":
                return 0.0 + penalty(b)
            if k == "bram":
                reg = True
                if c["type"].startswith("RAMB"):
                    if "DOUTA" in port or "DOUTPA" in port or port.startswith("DOA"):
                        reg = pint(c["parameters"].get("DOA_REG", 0)) == 1
                    else:
                        reg = pint(c["parameters"].get("DOB_REG", 0)) == 1
                return (0.0 if reg else 2.0) + penalty(b)
            if k == "srl" and port == "Q31":
                return 0.0 + penalty(b)
            if k == "dsp" and pint(c["parameters"].get("PREG", 1)) == 1:
                return 0.0 + penalty(b)
            return None  # lutram / srl Q / unregistered dsp: depends on inputs

        def deps(name):
            c = cells[name]
            k = kinds[name]
            if k == "lutram":
                return list(cell_inputs(c, lambda p: bool(LUTRAM_ADDR.match(p))))
            if k == "srl":
                return list(cell_inputs(c, lambda p: bool(SRL_ADDR.match(p))))
            return list(cell_inputs(c))

        def own(name):
            k = kinds[name]
            if k in ("lutram", "srl"):
                return 1.0
            if k == "dsp":
                return 4.0
            w = weight(cells[name]["type"])
            return 1.0 if w is None else w

        cell_arr = {}

        def bit_arrival(b):
            v = source_value(b)
            if v is not None:
                return v
            name = driver[b][0]
            if name not in cell_arr:
                # iterative depth-first evaluation of the combinational cone
                stack = [(name, False)]
                onstack = set()
                while stack:
                    cur, expanded = stack.pop()
                    if cur in cell_arr:
                        continue
                    ds = deps(cur)
                    if not expanded:
                        onstack.add(cur)
                        stack.append((cur, True))
                        for d in ds:
                            if source_value(d) is None:
                                dn = driver[d][0]
                                if dn not in cell_arr and dn not in onstack:
                                    stack.append((dn, False))
                        continue
                    best = NEG if multi else 0.0
                    for d in ds:
                        v = source_value(d)
                        if v is None:
                            v = cell_arr.get(driver[d][0], 0.0)  # 0 only on a combinational loop
                            if v != NEG:
                                v += penalty(d)
                        best = max(best, v)
                    if best == NEG and not ds:
                        best = 0.0
                    cell_arr[cur] = best + own(cur) if best != NEG else NEG
                    onstack.discard(cur)
            v = cell_arr[name]
            return v + penalty(b) if v != NEG else NEG

        ends = []  # (depth, group, endpoint)
        for name, c in cells.items():
            k = kinds[name]
            if not k or (multi and (dom not in domain[name] if domain[name] else dom != domains[0])):
                continue
            if k == "ff":
                q = c["connections"].get("Q", [None])[0]
                nm = bitname.get(q, (1, name))[1] if isinstance(q, int) else name
            else:
                nm = name
            best = NEG
            for b in cell_inputs(c):
                best = max(best, bit_arrival(b))
            if best == NEG:
                continue
            ends.append((best, readable(nm), nm))
        if dom == domains[0]:
            for port, p in mod["ports"].items():
                if p["direction"] != "output":
                    continue
                best = NEG
                for b in p["bits"]:
                    if isinstance(b, int):
                        best = max(best, bit_arrival(b))
                if best != NEG:
                    ends.append((best, f"<out> {port}", port))
        return ends

    multi = len(domains) > 1
    ends = []
    for dom in domains:
        ends += run_domain(dom)

    hist = Counter(int(math.floor(d)) for d, _, _ in ends)
    groups = defaultdict(lambda: [0.0, 0, 0])  # max, endpoints, over budget
    for d, g, _ in ends:
        e = groups[g]
        e[0] = max(e[0], d)
        e[1] += 1
        e[2] += d > budget
    top_groups = sorted(groups.items(), key=lambda kv: (-kv[1][0], -kv[1][2], kv[0]))[:worst]

    # flip-flop arrays: registers of 1 kbit or more under one name (indices
    # collapsed): a memory, or per-queue copies of state, left in flip-flops
    ff_bits = Counter()
    for name, c in cells.items():
        if kinds[name] != "ff":
            continue
        q = c["connections"].get("Q", [None])[0]
        nm = bitname.get(q, (1, name))[1] if isinstance(q, int) else name
        if nm.lstrip("\\").startswith("$"):
            continue  # no name of its own: not attributable
        ff_bits[readable(re.sub(r"\[\d+\]$", "", nm))] += 1
    ff_arrays = sorted(((g, n) for g, n in ff_bits.items() if n >= FF_ARRAY_BITS), key=lambda x: -x[1])

    return {
        "max": max((d for d, _, _ in ends), default=0.0),
        "endpoints": len(ends),
        "over": sum(1 for d, _, _ in ends if d > budget),
        "histogram": {str(k): hist[k] for k in sorted(hist)},
        "worst": [{"group": g, "max": v[0], "endpoints": v[1], "over": v[2]} for g, v in top_groups],
        "cells": dict(classes),
        "unknown_cells": dict(unknown),
        "ff_arrays": [{"group": g, "bits": n} for g, n in ff_arrays[:worst]],
        "clock_domains": len(domains) if domains != [None] else 0,
    }


# ---------------------------------------------------------------- synthesis
YS = """read_slang --std 1800-2017 --threads 1 -D SYNTHESIS --ignore-assertions --top {top} {params} {rtl}
hierarchy -check -top {top}
synth_xilinx -family xcu -flatten -noiopad -noclkbuf -top {top}
tee -q -o stat.txt stat
{ltp}write_json netlist.json
"""


def block_params(block, corner):
    """The parameters `block` takes at `corner`: the corner's core parameters
    the block declares, then the manifest's own overrides."""
    info = manifest.blocks()[block]
    t = info.get("timing", {})
    declared = set()
    for f in info["files"]:
        declared |= set(re.findall(r"parameter\s+(?:int\s+(?:unsigned\s+)?|bit\s+|logic\s+)?(\w+)\s*=",
                                   (ROOT / f).read_text()))
    full = corner_table.full(corner)
    out = {k: v for k, v in full.items() if k in declared}
    # a block parameter that follows a core parameter under another name
    out.update({k: full[v] for k, v in t.get("from_corner", {}).items()})
    out.update(t.get("params", {}))
    return out


def synth(top, files, params, keep=None, ltp=False):
    """Runs Yosys; returns (netlist dict, seconds, peak MiB, ltp, error text)."""
    with tempfile.TemporaryDirectory(prefix="vmq-timing-", dir=sx.stage_root()) as tmp:
        st = Path(tmp)
        srtl = [p.name for p in sx.stage_files(files, st)]
        script = YS.format(top=top, params=" ".join(f"-G {k}={v}" for k, v in params.items()),
                           rtl=" ".join(srtl), ltp="tee -q -o ltp.txt ltp -noff\n" if ltp else "")
        (st / "synth.ys").write_text(script)
        t0 = time.monotonic()
        cmd = sx.yosys_cmd() + ["-q", "-l", "yosys.log", "-s", "synth.ys"]
        # peak memory of this child alone: run it through a tiny wrapper
        wrap = [sys.executable, "-c",
                "import resource,subprocess,sys;r=subprocess.run(sys.argv[1:]);"
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,file=open('maxrss','w'));"
                "sys.exit(r.returncode)"] + cmd
        r = subprocess.run(wrap, cwd=st, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        dt = time.monotonic() - t0
        peak = int((st / "maxrss").read_text()) / 1024 if (st / "maxrss").exists() else 0
        if keep:
            kd = Path(keep) / f"{top}"
            kd.mkdir(parents=True, exist_ok=True)
            for f in ("synth.ys", "yosys.log", "netlist.json", "stat.txt"):
                if (st / f).exists():
                    shutil.copyfile(st / f, kd / f)
        if r.returncode != 0:
            log = (st / "yosys.log").read_text(errors="replace") if (st / "yosys.log").exists() else r.stdout
            errs = [l.strip() for l in log.splitlines() if "rror" in l or "fatal" in l.lower()]
            return None, dt, peak, None, errs[-1] if errs else f"yosys exited {r.returncode}"
        lt = None
        if ltp and (st / "ltp.txt").exists():
            m = re.search(r"Longest topological path in \S+ \(length=(\d+)\)", (st / "ltp.txt").read_text())
            lt = int(m.group(1)) if m else None
        return json.loads((st / "netlist.json").read_text()), dt, peak, lt, None


def measure(block, corner_name, budget, worst, keep=None, ltp=False, files=None, top=None, params=None):
    skip = manifest.blocks().get(block, {}).get("timing", {}).get("skip", {})
    if corner_name in skip:
        return {"block": block, "corner": corner_name, "params": {}, "seconds": 0, "peak_mib": 0,
                "skipped": skip[corner_name]}
    corner = corner_table.corner(corner_name) if corner_name else {"params": {}}
    params = block_params(block, corner) if params is None else params
    files = files or manifest.files(block)
    top = top or block
    net, dt, peak, lt, err = synth(top, files, params, keep=keep, ltp=ltp)
    row = {"block": block, "corner": corner_name, "params": params, "seconds": round(dt, 1),
           "peak_mib": round(peak)}
    if err:
        row["error"] = err
        return row
    row.update(analyse(net, top, budget, worst))
    waive = manifest.blocks().get(block, {}).get("timing", {}).get("ff_waive", {})
    row["ff_waived"] = [dict(a, reason=waive[a["group"]]) for a in row["ff_arrays"] if a["group"] in waive]
    row["ff_arrays"] = [a for a in row["ff_arrays"] if a["group"] not in waive]
    if lt is not None:
        row["ltp"] = lt
    return row


# ---------------------------------------------------------------- output
def fmt_depth(d):
    return f"{d:g}"


def print_row(row, budget):
    head = f"{row['block']} @ {row['corner'] or '-'}"
    if "skipped" in row:
        print(f"{head}: skipped: {row['skipped']}", flush=True)
        return
    if "error" in row:
        print(f"{head}: NOT BUILT ({row['seconds']} s): {row['error']}", flush=True)
        return
    print(f"{head}: max {fmt_depth(row['max'])} levels, {row['over']} of {row['endpoints']} endpoints "
          f"deeper than {budget} ({row['seconds']} s, Yosys peak {row['peak_mib']} MiB"
          + (f", ltp {row['ltp']} cells" if "ltp" in row else "") + ")", flush=True)
    print("   histogram: " + " · ".join(f"{k}: {v}" for k, v in row["histogram"].items()))
    for w in row["worst"]:
        if w["max"] <= budget and w is not row["worst"][0]:
            break
        print(f"   {fmt_depth(w['max']):>6}  {w['group']}  ({w['endpoints']} endpoints, {w['over']} over)")
    for a in row["ff_arrays"]:
        print(f"   flip-flop array of {a['bits']} bits (>= {FF_ARRAY_BITS}: belongs in RAM): {a['group']}")
    if row["unknown_cells"]:
        print(f"   cells of unknown class counted as 1 level: {row['unknown_cells']}")


def verdict(row, budget):
    """None when the row passes the budget, else the reason."""
    if "skipped" in row:
        return f"skipped: {row['skipped']}"
    if "error" in row:
        return f"not built: {row['error']}"
    if row["max"] > budget:
        return f"{fmt_depth(row['max'])} levels > {budget} ({row['worst'][0]['group']})"
    if row["ff_arrays"]:
        a = row["ff_arrays"][0]
        return f"memory of {a['bits']} bits in flip-flops ({a['group']})"
    return None


# ---------------------------------------------------------------- controls
# Tiny designs in fpga/synth/timing_controls/ that show the check measures
# what it claims: a deep chain and a memory in flip-flops must fail, and the
# block RAM and fan-out rules must add exactly what docs/timing.md says.
def control_netlist(f, top, params=None):
    net, _, _, _, err = synth(top, [CONTROLS_DIR / f], params or {})
    if err:
        raise SystemExit(f"timing_check: control {top} did not synthesise: {err}")
    return net


def run_controls(budget, worst):
    results = []

    r = analyse(control_netlist("ctl_chain.sv", "ctl_chain"), "ctl_chain", budget, worst)
    results.append(("chain", "24 dependent stages between two registers fail the budget",
                    r["max"] > budget, f"{fmt_depth(r['max'])} levels"))

    r = analyse(control_netlist("ctl_mem_ff.sv", "ctl_mem_ff"), "ctl_mem_ff", budget, worst)
    bits = sum(a["bits"] for a in r["ff_arrays"])
    results.append(("mem_ff", "a 2 kbit memory cleared by reset is reported as flip-flops",
                    bits >= 2048, f"{bits} bits in flip-flop arrays"))

    unreg = analyse(control_netlist("ctl_bram_unreg.sv", "ctl_bram_unreg", {"OutReg": 0}), "ctl_bram_unreg")
    reg = analyse(control_netlist("ctl_bram_unreg.sv", "ctl_bram_unreg", {"OutReg": 1}), "ctl_bram_unreg")
    results.append(("bram", "a block RAM read without its output register starts at 2",
                    unreg["max"] == reg["max"] + 2 and unreg["cells"].get("bram") == 1,
                    f"{fmt_depth(unreg['max'])} without, {fmt_depth(reg['max'])} with the output register"))

    net = control_netlist("ctl_fanout.sv", "ctl_fanout")
    with_p = analyse(net, "ctl_fanout")
    without = analyse(net, "ctl_fanout", fanout_limit=1 << 30)
    results.append(("fanout", "a net with more than 64 loads adds 1",
                    with_p["max"] == without["max"] + 1,
                    f"{fmt_depth(with_p['max'])} with, {fmt_depth(without['max'])} without the fan-out rule"))

    ok = True
    for name, what, good, got in results:
        print(f"control {name}: {what}: {'yes' if good else 'NO'} ({got})", flush=True)
        ok &= good
    return ok


# ---------------------------------------------------------------- report
def write_report(rows, budget):
    data = json.loads(REPORT_JSON.read_text()) if REPORT_JSON.exists() else {"rows": []}
    keep = {(r["block"], r["corner"]): r for r in data["rows"]}
    # the commit each row was measured at ("-dirty": with uncommitted changes)
    commit = subprocess.run(["git", "describe", "--always", "--dirty", "--abbrev=12"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    for r in rows:
        keep[(r["block"], r["corner"])] = dict(r, commit=commit)
    ver = subprocess.run(sx.yosys_cmd() + ["-V"], capture_output=True, text=True).stdout.strip()
    ver = re.sub(r",.*", ")", ver) if "(" in ver else ver  # "Yosys 0.70 (git sha1 ...)"
    data = {"budget": budget, "commit": commit, "yosys": ver,
            "rows": sorted(keep.values(), key=lambda r: (r["block"] != "vmq_core", r["block"], r["corner"] or ""))}
    REPORT_JSON.parent.mkdir(parents=True, exist_ok=True)
    REPORT_JSON.write_text(json.dumps(data, indent=1) + "\n")
    table = manifest.blocks()
    md = [
        "<!-- GENERATED by `scripts/timing_check.py --report` - do not edit by hand; docs/timing.md says how to regenerate. -->",
        f"_Last written at commit `{commit}` with {ver} (`synth_xilinx -family xcu -flatten`). "
        "Each row keeps the commit it was measured at (`commit` in timing.json)._",
        "",
        "# Logic depth of vmq (SPEC section 11)",
        "",
        f"Budget: **{budget} levels** (LUT/MUXF 1, carry 1/4, LUT-RAM/SRL read 1, block RAM read without its "
        "output register 2, net over 64 loads +1). *Enforced* blocks fail the default test run above it. "
        "How it is measured: [docs/timing.md](../timing.md).",
        "",
        "| block | corner | enforced | max levels | endpoints > 8 / all | FF arrays ≥ 1 kbit | LUT | FF | Yosys s | peak MiB |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in data["rows"]:
        enforced = table.get(r["block"], {}).get("timing", {}).get("card_ready", False)
        if "skipped" in r:
            md.append(f"| {r['block']} | {r['corner']} | {'yes' if enforced else '—'} | skipped | | | | | | |")
            continue
        if "error" in r:
            md.append(f"| {r['block']} | {r['corner'] or '-'} | {'yes' if enforced else '—'} | not built | | | | | "
                      f"{r['seconds']} | {r['peak_mib']} |")
            continue
        md.append(f"| {r['block']} | {r['corner'] or '-'} | {'yes' if enforced else '—'} | **{fmt_depth(r['max'])}** | "
                  f"{r['over']} / {r['endpoints']} | {sum(a['bits'] for a in r['ff_arrays']) or ''} | "
                  f"{r['cells'].get('lut', 0)} | {r['cells'].get('ff', 0)} | {r['seconds']} | {r['peak_mib']} |")
    md += ["", "## Worst endpoints per block", ""]
    for r in data["rows"]:
        if "skipped" in r:
            md.append(f"- **{r['block']} @ {r['corner']}**: skipped: {r['skipped']}")
            continue
        if "error" in r:
            md.append(f"- **{r['block']} @ {r['corner']}**: not built: `{r['error']}`")
            continue
        deep = [w for w in r["worst"] if w["max"] > budget][:6]
        hist = ", ".join(f"{k}: {v}" for k, v in r["histogram"].items())
        md.append(f"- **{r['block']} @ {r['corner']}** (max {fmt_depth(r['max'])}; histogram {hist})"
                  + ("" if deep else ": every endpoint within budget"))
        for w in deep:
            md.append(f"  - {fmt_depth(w['max'])}: `{w['group']}` ({w['over']} of {w['endpoints']} endpoints over)")
        for a in r["ff_arrays"][:4]:
            md.append(f"  - flip-flop array `{a['group']}`: {a['bits']} bits")
    REPORT_MD.write_text("\n".join(md) + "\n")
    print(f"timing_check: wrote {REPORT_MD.relative_to(ROOT)} and {REPORT_JSON.relative_to(ROOT)}")


# ---------------------------------------------------------------- main
def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--block", action="append", default=[])
    ap.add_argument("--corner", action="append", default=[])
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--core", action="store_true")
    ap.add_argument("--controls", action="store_true")
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--budget", type=float, default=BUDGET)
    ap.add_argument("--worst", type=int, default=12)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--keep")
    ap.add_argument("--ltp", action="store_true", help="also run Yosys' ltp (longest path by cells)")
    a = ap.parse_args(argv)

    table = manifest.blocks()
    timing_corners = [c["name"] for c in corner_table.load() if c.get("timing")]
    for c in a.corner:
        if c not in timing_corners:
            ap.error(f"--corner {c}: not a timing corner of rtl/corners.json (they are {', '.join(timing_corners)})")
    for b in a.block:
        if b not in table or "timing" not in table[b]:
            ap.error(f"--block {b}: no timing entry in rtl/manifest.json "
                     f"(blocks with one: {', '.join(k for k, v in table.items() if 'timing' in v)})")
    corners = a.corner or timing_corners

    default_run = not (a.block or a.all or a.core or a.controls)
    ok = True
    if default_run or a.controls:
        ok &= run_controls(a.budget, a.worst)
        if a.controls:
            return 0 if ok else 1

    if a.block:
        names = a.block
    elif a.all:
        names = [k for k, v in table.items() if "timing" in v and not v["timing"].get("whole_core")]
    elif a.core:
        names = ["vmq_core"]
    else:
        names = [k for k, v in table.items() if v.get("timing", {}).get("card_ready")]
    jobs = [(b, c) for b in names for c in corners]
    print(f"timing_check: {len(jobs)} runs ({', '.join(names)} at {', '.join(corners)}), budget {a.budget:g} levels",
          flush=True)
    rows = []

    def job_key(b, c):
        """Equal for two corners at which block b is built identically."""
        if c in table[b].get("timing", {}).get("skip", {}):
            return (b, "skip:" + c)
        return (b, json.dumps(block_params(b, corner_table.corner(c)), sort_keys=True))

    # a block whose parameters are the same at two corners is measured once
    first = {}
    unique = []
    for b, c in jobs:
        key = job_key(b, c)
        if key in first:
            continue
        first[key] = c
        unique.append((b, c))
    with cf.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex, \
            Progress("timing_check", total=len(unique)) as prog:
        def safe(*args):
            label = f"{args[0]} @ {args[1]}"
            prog.start(label)
            try:
                return measure(*args)
            except Exception as e:  # a bug of the check itself must not lose the other rows
                return {"block": args[0], "corner": args[1], "params": {}, "seconds": 0, "peak_mib": 0,
                        "error": f"timing_check internal error: {type(e).__name__}: {e}"}
            finally:
                prog.finish(label)
        futs = {(b, c): ex.submit(safe, b, c, a.budget, a.worst, a.keep and f"{a.keep}/{c}", a.ltp)
                for b, c in unique}
        for b, c in jobs:
            key = job_key(b, c)
            row = dict(futs[(b, first[key])].result())
            with prog.paused():
                if first[key] != c:
                    row = dict(row, corner=c, same_as=first[key])
                    print(f"{b} @ {c}: same parameters as at {first[key]}")
                else:
                    print_row(row, a.budget)
            rows.append(row)
    failures = []
    for r in rows:
        enforced = table[r["block"]].get("timing", {}).get("card_ready", False)
        v = verdict(r, a.budget)
        if v and enforced:
            failures.append(f"{r['block']} @ {r['corner']}: {v}")
    if a.report:
        write_report(rows, a.budget)
    for f in failures:
        print(f"FAIL (card-ready block over budget): {f}")
    ok &= not failures
    print("timing_check: " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
