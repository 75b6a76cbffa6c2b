#!/usr/bin/env python3
"""Static checks of the KCU105 Vivado build (fpga/boards/kcu105), runnable
without Vivado (docs/fpga-kcu105.md, "The check"). CTest: fpga_check.

  1. every .tcl/.xdc of the board is complete Tcl (tclsh `info complete`);
  2. build.tcl, program.tcl and flash.tcl run in tclsh with every Vivado
     command stubbed (recorded, returning ""): no Tcl error, and the record
     gives the IP properties, the files read and the synth_design generics;
  3. every file named by the Makefile, build.tcl (as run) and sources.f exists;
     sources.f equals rtl/manifest.json's vmq_top and fpga (manifest.py --sources-f);
  4. every CONFIG.<name> set on an IP, and every port name used on an IP
     instance in rtl/fpga.sv, appears in the facts sheet or in the verify
     list of docs/fpga-kcu105.md;
  5. config.tcl's PCI vendor/device IDs and BAR0 size equal
     sw/include/vmq/pci.hpp's, and what reaches the PCIe IP and the HDL
     generics agrees with them;
  6. the XDC's pins (and IO standards, clock periods, configuration
     properties) match the facts sheet's table.
Exit status 1 with one line per problem; 0 when all pass.
"""
import argparse
import math
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOARD = os.path.join(REPO, "fpga", "boards", "kcu105")
DOC = os.path.join(REPO, "docs", "fpga-kcu105.md")

problems = []


def fail(msg):
    problems.append(msg)
    print(f"FAIL {msg}")


def ok(msg):
    print(f"ok   {msg}")


def rel(p):
    return os.path.relpath(p, REPO)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# ---------------------------------------------------------------------------
# 1. Tcl completeness
# ---------------------------------------------------------------------------
def tcl_files():
    out = []
    for d, _, fs in os.walk(BOARD):
        if os.path.basename(d) == "out" or "/out/" in d + "/":
            continue
        out += [os.path.join(d, f) for f in fs if f.endswith((".tcl", ".xdc"))]
    return sorted(out)


def check_complete(tclsh):
    files = tcl_files()
    script = "foreach f $argv { set h [open $f]; set s [read $h]; close $h; puts \"[info complete $s] $f\" }"
    r = subprocess.run([tclsh, "-"] + files, input=script, capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"tclsh could not read the Tcl files: {r.stderr.strip()}")
        return
    bad = [l.split(" ", 1)[1] for l in r.stdout.splitlines() if l.startswith("0 ")]
    for b in bad:
        fail(f"{rel(b)}: not complete Tcl (unbalanced braces, brackets or quotes)")
    if not bad:
        ok(f"{len(files)} Tcl/XDC files are complete Tcl")


# ---------------------------------------------------------------------------
# 2. Dry run with stubbed Vivado commands
# ---------------------------------------------------------------------------
HARNESS = r"""
# argv: script out_dir ?tclargs...?
set script [lindex $argv 0]
set dry_args [lrange $argv 1 end]
interp create dry
proc rec {args} {
  set clean {}
  foreach a $args { lappend clean [string map [list "\t" " " "\n" " "] $a] }
  puts [join $clean "\t"]
}
interp alias dry _vmq_rec {} rec
dry eval {
  set ::vmq_dry_run 1
  rename exec {}
  rename source _vmq_real_source
  proc source {path} {
    _vmq_rec READ source $path
    if {[string match *.xdc $path]} return
    uplevel #0 [list _vmq_real_source $path]
  }
  rename file _vmq_real_file
  proc file {sub args} {
    if {$sub in {mkdir delete copy rename link}} { _vmq_rec CALL file $sub {*}$args; return "" }
    return [_vmq_real_file $sub {*}$args]
  }
  proc get_ips {args} { return [lindex $args end] }
  proc set_property {args} {
    if {[lindex $args 0] eq "-dict"} {
      set ip [lindex $args 2]
      foreach {k v} [lindex $args 1] { _vmq_rec PROP $ip $k $v }
    } else {
      _vmq_rec CALL set_property {*}$args
    }
    return ""
  }
  proc create_ip {args} {
    set d [dict create]
    foreach {k v} $args { dict set d $k $v }
    _vmq_rec CREATE_IP [dict get $d -module_name] [dict get $d -name] [dict get $d -dir]
    return ""
  }
  foreach c {read_verilog read_xdc read_ip read_vhdl} {
    proc $c {args} [format {_vmq_rec READ %s [lindex $args end]; return ""} $c]
  }
  proc get_hw_devices {args} { return xcku040_0 }
  proc get_cfgmem_parts {args} { return [lindex $args end] }
  proc synth_design {args} { _vmq_rec SYNTH {*}$args; return "" }
  proc unknown {cmd args} { _vmq_rec CALL $cmd {*}$args; return "" }
}
dry eval [list set argv $dry_args]
dry eval [list set argc [llength $dry_args]]
if {[catch {dry eval [list source $script]} msg opts]} {
  puts "ERROR\t[string map [list "\n" " | "] $msg]"
  exit 2
}
dry eval { foreach k [lsort [array names vmq]] { _vmq_rec CFG $k $vmq($k) } }
exit 0
"""


def dry_run(tclsh, script, args):
    with tempfile.NamedTemporaryFile("w", suffix=".tcl", delete=False) as h:
        h.write(HARNESS)
        harness = h.name
    try:
        r = subprocess.run([tclsh, harness, script] + args, capture_output=True, text=True)
    finally:
        os.unlink(harness)
    recs = [l.split("\t") for l in r.stdout.splitlines()]
    errs = [x[1] for x in recs if x and x[0] == "ERROR"]
    if r.returncode != 0 or errs:
        fail(f"dry run of {rel(script)} failed: {'; '.join(errs) or r.stderr.strip()}")
    else:
        ok(f"dry run of {rel(script)} with stubbed Vivado commands ({len(recs)} calls recorded)")
    return recs


# ---------------------------------------------------------------------------
# 3. Files
# ---------------------------------------------------------------------------
def manifest_parts():
    """sources.f as rtl/manifest.json resolves it: part 1 vmq_top, part 2 the rest of fpga."""
    sys.path.insert(0, os.path.join(REPO, "scripts"))
    import manifest
    top = manifest.files("vmq_top", absolute=False)
    board = [f for f in manifest.files("fpga", absolute=False) if f not in top]
    return top, board


def read_sources_f():
    parts, cur = {}, None
    for line in read(os.path.join(BOARD, "sources.f")).splitlines():
        s = line.strip()
        m = re.match(r"#\s*---\s*part\s*(\d)", s)
        if m:
            cur = int(m.group(1))
            parts[cur] = []
            continue
        if not s or s.startswith("#"):
            continue
        parts.setdefault(cur, []).append(s)
    return parts


def check_files(build_recs, other_recs):
    parts = read_sources_f()
    for n, want in zip((1, 2), manifest_parts()):
        got = parts.get(n, [])
        if got != want:
            extra = [f for f in got if f not in want]
            missing = [f for f in want if f not in got]
            detail = []
            if missing:
                detail.append("missing " + ", ".join(missing))
            if extra:
                detail.append("not in rtl/manifest.json " + ", ".join(extra))
            if not detail:
                detail.append("same files, different order")
            fail(f"sources.f part {n} differs from rtl/manifest.json: {'; '.join(detail)} "
                 "(regenerate: scripts/manifest.py --sources-f)")
        else:
            ok(f"sources.f part {n} = rtl/manifest.json ({len(want)} files)")

    named = {}  # path -> who names it
    for f in parts.get(1, []) + parts.get(2, []):
        named.setdefault(os.path.join(REPO, f), "sources.f")
    for r in build_recs + other_recs:
        if r[0] == "READ":
            named.setdefault(os.path.normpath(r[2]), f"build.tcl ({r[1]})")
    mk = read(os.path.join(BOARD, "Makefile"))
    mk_tcl = set()
    for var in ("TCL", "XDC"):
        m = re.search(rf"^{var}\s*:=((?:.*\\\n)*.*)$", mk, re.M)
        if not m:
            fail(f"Makefile: no {var} := list")
            continue
        for f in m.group(1).replace("\\\n", " ").split():
            named.setdefault(os.path.join(BOARD, f), f"Makefile {var}")
            if var == "TCL":
                mk_tcl.add(os.path.join(BOARD, f))
    for f in re.findall(r"\$\(BOARD_DIR\)([\w./-]+\.(?:tcl|mk|f))", mk):
        named.setdefault(os.path.join(BOARD, f), "Makefile")
    ip_tcl = {os.path.join(BOARD, "ip", f) for f in os.listdir(os.path.join(BOARD, "ip")) if f.endswith(".tcl")}
    sourced = {os.path.normpath(r[2]) for r in build_recs if r[0] == "READ" and r[1] == "source"}
    for f in sorted(ip_tcl - sourced):
        fail(f"{rel(f)} is not sourced by build.tcl")
    for f in sorted(ip_tcl - mk_tcl):
        fail(f"{rel(f)} is not in the Makefile's TCL list (bitstream would not rebuild when it changes)")
    missing = sorted(p for p in named if not os.path.isfile(p))
    for p in missing:
        fail(f"{rel(p)} named by {named[p]} does not exist")
    if not missing:
        ok(f"all {len(named)} files named by sources.f, build.tcl and the Makefile exist")


# ---------------------------------------------------------------------------
# 4. Names known from the facts sheet or marked verify
# ---------------------------------------------------------------------------
def facts_names(facts):
    names = set()
    for tok in re.findall(r"`([^`]+)`", facts):
        first = re.sub(r"\[.*?\]", "", tok.split()[0])
        names.add(first)
        if "/" in first:  # pf0_class_code_base/sub/interface
            head, *rest = first.split("/")
            stem = head.rsplit("_", 1)[0]
            names.add(head)
            names.update(f"{stem}_{r}" for r in rest)
    names.update(re.findall(r"`(\w+)`", facts))
    # port/pin names written without backticks in the facts' prose
    names.update(re.findall(r"\b(?:O|ODIV2|axi_aclk|sys_clk_gt|sys_clk)\b", facts))
    return names


def verify_names(doc):
    m = re.search(r"^## Verify[^\n]*\n(.*?)(?=^## |\Z)", doc, re.M | re.S)
    if not m:
        fail("docs/fpga-kcu105.md has no '## Verify ...' section")
        return set()
    names = set()
    for tok in re.findall(r"`([^`]+)`", m.group(1)):
        names.update(tok.split())
    return names


def known(name, allowed):
    import fnmatch
    return any(name == a or ("*" in a and fnmatch.fnmatchcase(name, a)) for a in allowed)


IP_MODULES = ["axi_pcie3_0", "gtwizard_10gbaser", "axi_cc_bar", "axi_cc_dma", "clk_wiz_core"]


def check_names(build_recs, facts, doc):
    allowed = facts_names(facts) | verify_names(doc)
    props = [r for r in build_recs if r[0] == "PROP"]
    scanned = set()
    for f in os.listdir(os.path.join(BOARD, "ip")):
        if f.endswith(".tcl"):
            scanned |= set(re.findall(r"CONFIG\.(\w+)", read(os.path.join(BOARD, "ip", f))))
    names = {r[2].split(".", 1)[1] for r in props if r[2].startswith("CONFIG.")} | scanned
    unknown = sorted(n for n in names if not (known(n, allowed) or known("CONFIG." + n, allowed)))
    for n in unknown:
        fail(f"IP property CONFIG.{n} is neither in the facts sheet nor in the verify list of docs/fpga-kcu105.md")
    if not unknown:
        ok(f"{len(names)} IP property names: each in the facts sheet or the verify list")

    sv = read(os.path.join(BOARD, "rtl", "fpga.sv"))
    nports, nbad = 0, 0
    for mod in IP_MODULES:
        m = re.search(rf"^\s*{mod}\s+(?:#\(.*?\)\s*)?(u_\w+)\s*\((.*?)\);", sv, re.M | re.S)
        if not m:
            fail(f"rtl/fpga.sv: no instance of {mod}")
            continue
        for port in re.findall(r"\.(\w+)\s*\(", m.group(2)):
            nports += 1
            if not (known(port, allowed) or known(f"{mod}.{port}", allowed)):
                nbad += 1
                fail(f"rtl/fpga.sv: port {port} of {mod} is neither in the facts sheet nor in the verify list")
    if not nbad:
        ok(f"{nports} IP instance port connections checked against facts + verify list")


# ---------------------------------------------------------------------------
# 5. PCI identity
# ---------------------------------------------------------------------------
def check_pci(build_recs):
    hpp = read(os.path.join(REPO, "sw", "include", "vmq", "pci.hpp"))
    want = {}
    for name, key in (("kPciVendorId", "pci_vendor_id"), ("kPciDeviceId", "pci_device_id"), ("kBar0Bytes", "bar0_bytes")):
        m = re.search(rf"\b{name}\s*=\s*(0x[0-9a-fA-F]+|\d+)", hpp)
        if not m:
            fail(f"sw/include/vmq/pci.hpp: no {name}")
            return
        want[key] = int(m.group(1), 0)
    cfg = {r[1]: r[2] for r in build_recs if r[0] == "CFG"}
    for key, v in want.items():
        got = cfg.get(key)
        if got is None or int(got, 0) != v:
            fail(f"config.tcl vmq({key}) = {got}, sw/include/vmq/pci.hpp says {v:#x}")
        else:
            ok(f"config.tcl vmq({key}) = {v:#x} = pci.hpp")
    props = {r[2]: r[3] for r in build_recs if r[0] == "PROP" and r[1] == "axi_pcie3_0"}

    def prop_eq(name, expect):
        got = props.get("CONFIG." + name)
        if got is None or got.upper() != expect.upper():
            fail(f"axi_pcie3 CONFIG.{name} = {got}, expected {expect} (from config.tcl / pci.hpp)")

    prop_eq("vendor_id", f"{want['pci_vendor_id']:04X}")
    prop_eq("pf0_device_id", f"{want['pci_device_id']:04X}")
    prop_eq("pf0_class_code_base", "02")
    prop_eq("pf0_class_code_sub", "00")
    prop_eq("pf0_class_code_interface", "00")
    prop_eq("pf0_bar0_64bit", "true")
    scale = {"Kilobytes": 1 << 10, "Megabytes": 1 << 20, "Gigabytes": 1 << 30}
    try:
        bar = int(props["CONFIG.pf0_bar0_size"]) * scale[props["CONFIG.pf0_bar0_scale"]]
    except (KeyError, ValueError):
        bar = None
    if bar != want["bar0_bytes"]:
        fail(f"axi_pcie3 BAR0 = {bar} bytes (pf0_bar0_size x pf0_bar0_scale), pci.hpp kBar0Bytes = {want['bar0_bytes']}")
    else:
        ok(f"axi_pcie3 gets vendor {want['pci_vendor_id']:04x}, device {want['pci_device_id']:04x}, class 02/00/00, BAR0 {bar} bytes")
    synth = [r for r in build_recs if r[0] == "SYNTH"]
    gens = {}
    if synth:
        a = synth[0][1:]
        for i, x in enumerate(a):
            if x == "-generic" and i + 1 < len(a) and "=" in a[i + 1]:
                k, v = a[i + 1].split("=", 1)
                gens[k] = v
    aw = int(math.log2(want["bar0_bytes"]))
    if gens.get("BarAddrW") != str(aw):
        fail(f"synth_design -generic BarAddrW = {gens.get('BarAddrW')}, BAR0 of {want['bar0_bytes']} bytes needs {aw}")
    sv = read(os.path.join(BOARD, "rtl", "fpga.sv"))
    for k in gens:
        if not re.search(rf"parameter\s+(?:int unsigned|bit)\s+{k}\b", sv):
            fail(f"synth_design -generic {k}: rtl/fpga.sv has no parameter {k}")
    if gens:
        ok("synth_design generics: " + ", ".join(f"{k}={v}" for k, v in gens.items()))
    else:
        fail("build.tcl: synth_design got no -generic (config.tcl is not pushed into the HDL)")
    msi = props.get("CONFIG.pf0_msi_cap_multimsgcap", "")
    if cfg.get("msi_vectors") and not msi.startswith(cfg["msi_vectors"] + "_"):
        fail(f"axi_pcie3 MSI vector count {msi} != config.tcl msi_vectors {cfg.get('msi_vectors')}")


# ---------------------------------------------------------------------------
# 6. XDC against the facts sheet
# ---------------------------------------------------------------------------
PIN = r"[A-Z]{1,2}\d{1,2}"


def n_pin(p):  # "N pins one lower": AB2 -> AB1
    m = re.fullmatch(r"([A-Z]+)(\d+)", p)
    return f"{m.group(1)}{int(m.group(2)) - 1}"


def facts_pins(facts):
    rows = {}
    for line in facts.splitlines():
        m = re.match(r"\|\s*([^|]+?)\s*\|\s*(.+?)\s*\|\s*$", line)
        if m:
            rows[m.group(1)] = m.group(2)

    def row(key):
        for k, v in rows.items():
            if k.startswith(key):
                return v
        raise KeyError(key)

    exp = {}  # port -> (pin, iostandard or None)
    rx = re.findall(PIN, row("PCIe RX pins"))
    tx = re.findall(PIN, row("PCIe TX pins"))
    for i in range(8):
        exp[f"pcie_rx_p_i[{i}]"] = (rx[i], None)
        exp[f"pcie_rx_n_i[{i}]"] = (n_pin(rx[i]), None)
        exp[f"pcie_tx_p_o[{i}]"] = (tx[i], None)
        exp[f"pcie_tx_n_o[{i}]"] = (n_pin(tx[i]), None)
    p, n = re.search(rf"({PIN})/({PIN})", row("PCIe refclk")).groups()
    exp["pcie_refclk_p_i"], exp["pcie_refclk_n_i"] = (p, None), (n, None)
    exp["pcie_perst_n_i"] = (re.search(PIN, row("PERST#")).group(0), "LVCMOS18")
    m = re.search(rf"TX ({PIN})/({PIN}), RX ({PIN})/({PIN})", row("SFP+ cage 0"))
    exp["sfp0_tx_p_o"], exp["sfp0_tx_n_o"] = (m.group(1), None), (m.group(2), None)
    exp["sfp0_rx_p_i"], exp["sfp0_rx_n_i"] = (m.group(3), None), (m.group(4), None)
    p, n = re.search(rf"on ({PIN})/({PIN})", row("SFP refclk")).groups()
    exp["sfp_refclk_p_i"], exp["sfp_refclk_n_i"] = (p, None), (n, None)
    m = re.search(rf"^({PIN})\b.*?/\s*({PIN})", row("SFP0 TX_DISABLE"))
    exp["sfp0_tx_disable_o"], exp["sfp0_los_i"] = (m.group(1), "LVCMOS18"), (m.group(2), "LVCMOS18")
    p, n = re.search(rf"({PIN})/({PIN})", row("system clock")).groups()
    exp["sysclk_p_i"], exp["sysclk_n_i"] = (p, "LVDS"), (n, "LVDS")
    for i, pin in enumerate(re.findall(PIN, row("LEDs"))[:8]):
        exp[f"led_o[{i}]"] = (pin, "LVCMOS18")
    exp["cpu_reset_i"] = (re.search(PIN, row("CPU_RESET")).group(0), "LVCMOS18")
    return exp


def xdc_ports(xdc):
    got = {}
    for line in xdc.splitlines():
        line = line.split("#", 1)[0] if not line.lstrip().startswith("set_property -dict") else line
        m = re.match(r"\s*set_property\s+-dict\s+\{([^}]*)\}\s+\[get_ports\s+(\{[^}]*\}|[^\s\]]+)\]", line)
        if m:
            kv = m.group(1).split()
            d = dict(zip(kv[0::2], kv[1::2]))
            got.setdefault(m.group(2).strip("{} "), {}).update(d)
            continue
        m = re.match(r"\s*set_property\s+(\w+)\s+(\S+)\s+\[get_ports\s+(\{[^}]*\}|[^\s\]]+)\]", line)
        if m:
            got.setdefault(m.group(3).strip("{} "), {})[m.group(1)] = m.group(2)
    return got


def check_xdc(facts):
    path = os.path.join(BOARD, "xdc", "kcu105.xdc")
    xdc = read(path)
    try:
        exp = facts_pins(facts)
    except (KeyError, AttributeError, IndexError) as e:
        fail(f"could not read the pin table of the facts sheet ({e})")
        return
    got = xdc_ports(xdc)
    nbad = 0
    for port, (pin, std) in exp.items():
        g = got.get(port, {})
        if g.get("PACKAGE_PIN") != pin:
            nbad += 1
            fail(f"xdc/kcu105.xdc: {port} PACKAGE_PIN {g.get('PACKAGE_PIN')}, facts sheet says {pin}")
        if std and g.get("IOSTANDARD") != std:
            nbad += 1
            fail(f"xdc/kcu105.xdc: {port} IOSTANDARD {g.get('IOSTANDARD')}, facts sheet says {std}")
    for port in sorted(set(got) - set(exp)):
        if "PACKAGE_PIN" in got[port]:
            nbad += 1
            fail(f"xdc/kcu105.xdc: {port} has a PACKAGE_PIN the facts sheet does not give")
    pins = [g["PACKAGE_PIN"] for g in got.values() if "PACKAGE_PIN" in g]
    for dup in sorted({p for p in pins if pins.count(p) > 1}):
        nbad += 1
        fail(f"xdc/kcu105.xdc: pin {dup} used twice")
    if not re.search(r"PULLUP\s+true\}\s+\[get_ports pcie_perst_n_i\]", xdc):
        nbad += 1
        fail("xdc/kcu105.xdc: PERST# needs a pull-up (facts sheet)")
    for port, period in (("sysclk_p_i", "8.000"), ("pcie_refclk_p_i", "10.000"), ("sfp_refclk_p_i", "6.400")):
        if not re.search(rf"create_clock\s+-period\s+{re.escape(period)}\b.*\[get_ports {port}\]", xdc):
            nbad += 1
            fail(f"xdc/kcu105.xdc: no create_clock -period {period} on {port}")
    for prop, val in (("CFGBVS", "GND"), ("CONFIG_VOLTAGE", "1.8"), ("CONFIG_MODE", "SPIx8"),
                      ("BITSTREAM.CONFIG.SPI_BUSWIDTH", "8")):
        if not re.search(rf"set_property\s+{re.escape(prop)}\s+{re.escape(val)}\s+\[current_design\]", xdc):
            nbad += 1
            fail(f"xdc/kcu105.xdc: {prop} must be {val}")
    if not nbad:
        ok(f"xdc/kcu105.xdc: {len(exp)} pins + IO standards, 3 clocks and configuration match the facts sheet")
    cdc = read(os.path.join(BOARD, "xdc", "kcu105_cdc.xdc"))
    for what in ("wr_gray_sync_q_reg", "rd_gray_sync_q_reg", "wr_rreq_sync_q_reg", "rd_rreq_sync_q_reg",
                 "rd_rack_sync_q_reg", "wr_rack_sync_q_reg", "frames_gray_sync_q_reg", "set_bus_skew",
                 "set_max_delay -datapath_only", "rst_sync_q_reg"):
        if what not in cdc:
            fail(f"xdc/kcu105_cdc.xdc does not constrain {what} (docs/vmq-top.md)")


# ---------------------------------------------------------------------------
def check_core_ports():
    core = os.path.join(BOARD, "rtl", "fpga_core.sv")
    if not os.path.isfile(core):
        return  # reported as a missing file already
    txt = read(core)
    m = re.search(r"module\s+fpga_core\b.*?\)\s*\((.*?)\);", txt, re.S)
    if not m:
        fail("rtl/fpga_core.sv: cannot find the port list of module fpga_core")
        return
    decl = set(re.findall(r"\b(\w+_[io])\b", re.sub(r"//.*", "", m.group(1))))
    sv = read(os.path.join(BOARD, "rtl", "fpga.sv"))
    inst = re.search(r"fpga_core\s*#\(.*?\)\s*u_core\s*\((.*?)\);", sv, re.S)
    used = set(re.findall(r"\.(\w+)\s*\(", inst.group(1))) if inst else set()
    srcs = [os.path.join(REPO, f) for part in read_sources_f().values() for f in part]
    defined = set()
    for f in srcs:
        if os.path.isfile(f):
            defined |= set(re.findall(r"^\s*module\s+(\w+)", read(f), re.M))
    for mod in sorted(set(re.findall(r"^\s*(vmq_\w+)\s+(?:#|u_)", txt, re.M)) - defined):
        fail(f"rtl/fpga_core.sv instantiates {mod}, which no file in sources.f defines")
    # packages fpga_core uses (import or pkg::name) must be compiled before it
    before = set()
    for f in srcs:
        if os.path.normpath(f) == os.path.normpath(core):
            break
        if os.path.isfile(f):
            before |= set(re.findall(r"^\s*package\s+(\w+)", read(f), re.M))
    used_pkgs = set(re.findall(r"\b(vmq_\w*pkg)::", re.sub(r"//.*", "", txt)))
    for pkg in sorted(used_pkgs - before):
        fail(f"rtl/fpga_core.sv uses package {pkg}, which no file before it in sources.f defines")
    if used_pkgs and used_pkgs <= before:
        ok(f"sources.f compiles fpga_core's packages before it ({', '.join(sorted(used_pkgs))})")
    if decl != used:
        fail(f"fpga.sv's u_core ports differ from fpga_core.sv: not connected {sorted(decl - used)}, unknown {sorted(used - decl)}")
    else:
        ok(f"fpga.sv connects all {len(used)} ports of fpga_core")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", default=os.path.join(BOARD, "facts.md"),
                    help="facts sheet (default: the board's copy, fpga/boards/kcu105/facts.md)")
    ap.add_argument("--tclsh", default="tclsh")
    a = ap.parse_args()
    facts = read(a.facts)
    # The board keeps a copy of the facts sheet so that the check runs in a
    # clone without ../shared; where the shared sheet is present, the copy
    # must not have drifted from it.
    shared = os.path.join(os.path.dirname(REPO), "shared", "FPGA_FACTS.md")
    if a.facts == os.path.join(BOARD, "facts.md") and os.path.isfile(shared) and read(shared) != facts:
        fail(f"{os.path.relpath(a.facts, REPO)} differs from {shared}: copy the shared facts sheet again "
             "(and re-check every name the build uses)")
    doc = read(DOC) if os.path.isfile(DOC) else ""
    if not doc:
        fail("docs/fpga-kcu105.md missing")
    check_complete(a.tclsh)
    with tempfile.TemporaryDirectory() as tmp:
        bit = os.path.join(tmp, "fpga.bit")
        open(bit, "w").close()
        build = dry_run(a.tclsh, os.path.join(BOARD, "build.tcl"), [os.path.join(tmp, "out")])
        other = dry_run(a.tclsh, os.path.join(BOARD, "program.tcl"), [bit])
        other += dry_run(a.tclsh, os.path.join(BOARD, "flash.tcl"), [bit, tmp])
    check_files(build, other)
    check_names(build, facts, doc)
    check_pci(build)
    check_xdc(facts)
    check_core_ports()
    if problems:
        print(f"fpga_check: {len(problems)} problem(s)")
        return 1
    print("fpga_check: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
