#!/usr/bin/env python3
"""reggen: vmq register map (rtl/csr/vmq_regs.toml) -> SV package, SV CSR block,
C++ header and Markdown reference. Besides registers, the map describes the
in-memory descriptor formats ([[format]]), generated as constants only.
A second map, the KCU105 board registers (fpga/boards/kcu105/board_regs.toml),
is generated as constants only (SV package, C++ header, Markdown reference):
fpga_core.sv keeps its own decode logic.

  python3 scripts/reggen.py          regenerate every output in place
  python3 scripts/reggen.py --check  regenerate into a temp dir; exit 1 with a
                                     diff if a checked-in output is stale

Standard library only (Python >= 3.11 for tomllib). Outputs are deterministic
(no dates, no absolute paths) so the check is a plain text comparison.
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = "rtl/csr/vmq_regs.toml"
OUT_PKG = "rtl/pkg/vmq_reg_pkg.sv"
OUT_CSR = "rtl/csr/vmq_csr.sv"
OUT_HPP = "sw/include/vmq/vmq_regs.hpp"
OUT_DOC = "docs/registers.md"
ADAPTER = "vmq_axil_reg_if"
PKG = "vmq_reg_pkg"
MODULE = "vmq_csr"
NAMESPACE = "vmq::regs"

# The board register map: constants only, no CSR block.
BOARD_SRC = "fpga/boards/kcu105/board_regs.toml"
BOARD_OUT_PKG = "rtl/pkg/vmq_board_reg_pkg.sv"
BOARD_OUT_HPP = "sw/include/vmq/vmq_board_regs.hpp"
BOARD_OUT_DOC = "docs/board-registers.md"
BOARD_PKG = "vmq_board_reg_pkg"
BOARD_NAMESPACE = "vmq::board_regs"

# w1c (write 1 to clear) exists for constants-only maps: the generated CSR
# block has no such access (validate_csr rejects it).
FIELD_ACCESS = {"rw", "ro", "const", "param", "w1p", "w1c"}
REG_ACCESS = {"rw", "ro", "w1p", "w1c"}
NAME_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")


class MapError(Exception):
    pass


@dataclass
class Field:
    name: str
    msb: int
    lsb: int
    access: str
    reset: int
    desc: str
    enum: dict[str, int] = field(default_factory=dict)
    param: str | None = None
    export: str | None = None
    port: bool = True
    role: str | None = None
    hw_clear: bool = False  # an input <reg>_<field>_clr_i returns it to its reset value

    @property
    def width(self) -> int:
        return self.msb - self.lsb + 1

    @property
    def mask(self) -> int:
        return ((1 << self.width) - 1) << self.lsb

    @property
    def bits(self) -> str:
        return str(self.lsb) if self.msb == self.lsb else f"{self.msb}:{self.lsb}"


@dataclass
class Array:
    count: str
    max: int
    stride: int


@dataclass
class Counter:
    base: str  # counter name, e.g. CSR_UNMAPPED
    source: str  # "unmapped" | "hw" | "ram"
    half: str  # "lo" | "hi"


@dataclass
class Reg:
    name: str
    offset: int
    access: str
    desc: str
    fields: list[Field]
    array: Array | None = None
    counter: Counter | None = None

    def mask_of(self, *acc: str) -> int:
        m = 0
        for f in self.fields:
            if f.access in acc:
                m |= f.mask
        return m

    @property
    def reset(self) -> int:
        """Reset value of rw and const bits (param bits read as 0 here)."""
        v = 0
        for f in self.fields:
            if f.access in ("rw", "const"):
                v |= f.reset << f.lsb
        return v


@dataclass
class FmtField:
    """A field of a descriptor format: bits msb:lsb of 64-bit word `word`."""
    name: str
    word: int
    msb: int
    lsb: int
    desc: str

    @property
    def width(self) -> int:
        return self.msb - self.lsb + 1

    @property
    def mask(self) -> int:
        return ((1 << self.width) - 1) << self.lsb

    @property
    def bits(self) -> str:
        return str(self.lsb) if self.msb == self.lsb else f"{self.msb}:{self.lsb}"


@dataclass
class Format:
    """An in-memory descriptor format: little-endian 64-bit words."""
    name: str
    bytes: int
    desc: str
    fields: list[FmtField]

    @property
    def words(self) -> int:
        return self.bytes // 8


@dataclass
class Param:
    name: str
    default: int
    min: int
    max: int
    desc: str


@dataclass
class RegMap:
    name: str
    desc: str
    addr_width: int
    unmapped_read: int
    params: list[Param]
    regs: list[Reg]
    formats: list[Format] = field(default_factory=list)
    base: int = 0  # lowest offset of the block's window (board map)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise MapError(f"unknown parameter {name!r}")

    def exports(self) -> list[tuple[str, int, int]]:
        out = []
        for r in self.regs:
            for f in r.fields:
                if f.export:
                    out.append((f.export, f.width, f.reset))
        return out


# --------------------------------------------------------------------------- parse


def _bits(s: object, where: str, top: int = 31) -> tuple[int, int]:
    if isinstance(s, bool):
        raise MapError(f"{where}: bad bits {s!r}")
    if isinstance(s, int):
        msb = lsb = s
    else:
        m = re.fullmatch(r"\s*(\d+)\s*(?::\s*(\d+)\s*)?", str(s))
        if not m:
            raise MapError(f"{where}: bad bits {s!r}")
        msb = int(m.group(1))
        lsb = int(m.group(2)) if m.group(2) is not None else msb
    if not (0 <= lsb <= msb <= top):
        raise MapError(f"{where}: bits {s!r} out of {top}..0 or reversed")
    return msb, lsb


def _uint(v: object, where: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise MapError(f"{where}: {v!r} is not a non-negative integer")
    return v


def _known(d: dict, keys: set[str], where: str) -> None:
    extra = set(d) - keys
    if extra:
        raise MapError(f"{where}: unknown keys {sorted(extra)}")


def parse_field(d: dict, reg: str) -> Field:
    where = f"{reg}.{d.get('name', '?')}"
    _known(d, {"name", "bits", "access", "reset", "description", "enum", "param",
               "export", "port", "role", "hw_clear"}, where)
    for k in ("name", "bits", "access", "description"):
        if k not in d:
            raise MapError(f"{where}: missing {k!r}")
    msb, lsb = _bits(d["bits"], where)
    f = Field(name=d["name"], msb=msb, lsb=lsb, access=d["access"],
              reset=int(d.get("reset", 0)), desc=d["description"],
              enum=dict(d.get("enum", {})), param=d.get("param"),
              export=d.get("export"), port=bool(d.get("port", True)), role=d.get("role"),
              hw_clear=bool(d.get("hw_clear", False)))
    if not NAME_RE.match(f.name):
        raise MapError(f"{where}: field names are UPPER_SNAKE")
    if f.access not in FIELD_ACCESS:
        raise MapError(f"{where}: access {f.access!r} not in {sorted(FIELD_ACCESS)}")
    if f.reset >> f.width:
        raise MapError(f"{where}: reset 0x{f.reset:x} does not fit {f.width} bits")
    if (f.access == "param") != (f.param is not None):
        raise MapError(f"{where}: 'param' goes with access 'param' and only there")
    if f.role not in (None, "soft_reset"):
        raise MapError(f"{where}: unknown role {f.role!r}")
    if f.role == "soft_reset" and (f.access != "w1p" or f.width != 1):
        raise MapError(f"{where}: role soft_reset needs a 1-bit w1p field")
    if f.hw_clear and f.access != "rw":
        raise MapError(f"{where}: hw_clear needs an rw field")
    if "reset" in d and f.access in ("ro", "w1p", "w1c", "param"):
        raise MapError(f"{where}: access {f.access} has no reset value")
    for en, ev in f.enum.items():
        if not NAME_RE.match(en) or not (0 <= int(ev) < (1 << f.width)):
            raise MapError(f"{where}: bad enum {en}={ev}")
    if len(set(f.enum.values())) != len(f.enum):
        raise MapError(f"{where}: duplicate enum values")
    return f


def parse_format(d: dict) -> Format:
    name = d.get("name", "?")
    where = f"format {name}"
    _known(d, {"name", "bytes", "description", "field"}, where)
    for k in ("name", "bytes", "description", "field"):
        if k not in d:
            raise MapError(f"{where}: missing {k!r}")
    if not NAME_RE.match(name):
        raise MapError(f"{where}: format names are UPPER_SNAKE")
    nbytes = _uint(d["bytes"], f"{where}.bytes")
    if nbytes == 0 or nbytes % 8:
        raise MapError(f"{where}: bytes {nbytes} is not a positive multiple of 8")
    fields: list[FmtField] = []
    for fd in d["field"]:
        fw = f"{where}.{fd.get('name', '?')}"
        _known(fd, {"name", "word", "bits", "description"}, fw)
        for k in ("name", "word", "bits", "description"):
            if k not in fd:
                raise MapError(f"{fw}: missing {k!r}")
        if not NAME_RE.match(fd["name"]):
            raise MapError(f"{fw}: field names are UPPER_SNAKE")
        word = _uint(fd["word"], f"{fw}.word")
        if word >= nbytes // 8:
            raise MapError(f"{fw}: word {word} beyond the {nbytes} bytes "
                           f"(words 0..{nbytes // 8 - 1})")
        msb, lsb = _bits(fd["bits"], fw, 63)
        fields.append(FmtField(fd["name"], word, msb, lsb, fd["description"]))
    if not fields:
        raise MapError(f"{where}: no fields")
    return Format(name, nbytes, d["description"], fields)


def parse(path: Path) -> RegMap:
    with path.open("rb") as fh:
        t = tomllib.load(fh)
    _known(t, {"block", "param", "reg", "format"}, "top level")
    b = t["block"]
    _known(b, {"name", "description", "addr_width", "unmapped_read", "base"}, "[block]")
    aw = int(b["addr_width"])
    params = []
    for p in t.get("param", []):
        _known(p, {"name", "default", "min", "max", "description"}, f"param {p.get('name')}")
        params.append(Param(p["name"], int(p["default"]), int(p["min"]), int(p["max"]),
                            p["description"]))
    raw = {r["name"]: r for r in t.get("reg", [])}
    regs: list[Reg] = []
    for r in t.get("reg", []):
        name = r.get("name", "?")
        _known(r, {"name", "offset", "access", "description", "field", "fields_from",
                   "kind", "source", "array"}, name)
        for k in ("name", "offset", "access", "description"):
            if k not in r:
                raise MapError(f"{name}: missing {k!r}")
        if not NAME_RE.match(name):
            raise MapError(f"{name}: register names are UPPER_SNAKE")
        if r["access"] not in REG_ACCESS:
            raise MapError(f"{name}: access {r['access']!r} not in {sorted(REG_ACCESS)}")
        arr = None
        if "array" in r:
            a = r["array"]
            _known(a, {"count", "max", "stride"}, f"{name}.array")
            arr = Array(a["count"], int(a["max"]), int(a["stride"]))
        off = int(r["offset"])
        if r.get("kind") == "counter64":
            src = r.get("source")
            if src not in ("unmapped", "hw", "ram") or r["access"] != "ro" or "field" in r:
                raise MapError(f"{name}: counter64 needs access ro, source unmapped|hw|ram, "
                               "no fields")
            if (arr is not None) != (src == "ram"):
                raise MapError(f"{name}: a per-queue counter64 needs source ram, and source "
                               "ram needs an array")
            qs = "(q)" if arr else ""
            for half, o in (("lo", 0), ("hi", 4)):
                desc = (f"{r['description']} Bits 31:0 of the 64-bit counter (read "
                        f"{name}_HI{qs}, _LO, _HI: docs/registers.md, \"Access rules\")."
                        if half == "lo" else
                        f"{r['description']} Bits 63:32 of the 64-bit counter.")
                regs.append(Reg(f"{name}_{half.upper()}", off + o, "ro", desc,
                                [Field("VALUE", 31, 0, "ro", 0,
                                       f"Counter bits {'31:0' if half == 'lo' else '63:32'}.",
                                       port=False)],
                                arr, counter=Counter(name, src, half)))
            continue
        if "kind" in r:
            raise MapError(f"{name}: unknown kind {r['kind']!r}")
        if "fields_from" in r:
            if "field" in r:
                raise MapError(f"{name}: fields_from and fields are exclusive")
            srcr = raw.get(r["fields_from"])
            if srcr is None:
                raise MapError(f"{name}: fields_from unknown register {r['fields_from']!r}")
            fields = []
            for fd in srcr.get("field", []):
                f = parse_field(fd, name)
                f.access = r["access"]
                f.reset = 0
                f.export = None
                f.port = True
                fields.append(f)
        else:
            fields = [parse_field(fd, name) for fd in r.get("field", [])]
        if not fields:
            raise MapError(f"{name}: no fields")
        regs.append(Reg(name, off, r["access"], r["description"], fields, arr))
    regs.sort(key=lambda r: r.offset)  # outputs in address order, whatever the TOML order
    formats = [parse_format(f) for f in t.get("format", [])]
    m = RegMap(b["name"], b["description"], aw, int(b["unmapped_read"]), params, regs, formats,
               _uint(b.get("base", 0), "[block].base"))
    validate(m)
    return m


def validate(m: RegMap) -> None:
    size = 1 << m.addr_width
    if m.base % 4 or m.base >= size:
        raise MapError(f"[block].base 0x{m.base:x} not word aligned or beyond the address space")
    used: dict[int, str] = {}
    soft = 0
    for r in m.regs:
        if r.offset % 4:
            raise MapError(f"{r.name}: offset 0x{r.offset:x} not word aligned")
        if r.offset < m.base:
            raise MapError(f"{r.name}: offset 0x{r.offset:x} below the block base 0x{m.base:x}")
        bits = 0
        for f in r.fields:
            if bits & f.mask:
                raise MapError(f"{r.name}.{f.name}: overlaps another field")
            bits |= f.mask
            if f.param:
                p = m.param(f.param)
                if p.max >> f.width:
                    raise MapError(f"{r.name}.{f.name}: {p.name} max {p.max} does not fit")
            if f.role == "soft_reset":
                soft += 1
                if r.array:
                    raise MapError(f"{r.name}: soft reset cannot be per queue")
        if len({f.name for f in r.fields}) != len(r.fields):
            raise MapError(f"{r.name}: duplicate field names")
        acc = {f.access for f in r.fields}
        if r.access == "rw" and not acc & {"rw"}:
            raise MapError(f"{r.name}: access rw but no rw field")
        if r.access == "ro" and acc - {"ro", "const", "param"}:
            raise MapError(f"{r.name}: access ro with writable fields")
        if r.access == "w1p" and acc != {"w1p"}:
            raise MapError(f"{r.name}: access w1p needs only w1p fields")
        if r.access == "w1c" and ("w1c" not in acc or acc - {"w1c", "ro", "const"}):
            raise MapError(f"{r.name}: access w1c needs a w1c field and no writable others")
        if r.access != "w1c" and "w1c" in acc:
            raise MapError(f"{r.name}: w1c fields need register access w1c")
        n = 1
        if r.array:
            a = r.array
            p = m.param(a.count)
            if a.max < p.max:
                raise MapError(f"{r.name}: array max {a.max} < {p.name} max {p.max}")
            if a.stride < 4 or a.stride & (a.stride - 1):
                raise MapError(f"{r.name}: stride must be a power of two >= 4")
            n = a.max
        for i in range(n):
            o = r.offset + i * (r.array.stride if r.array else 0)
            if o >= size:
                raise MapError(f"{r.name}: entry {i} at 0x{o:x} beyond the address space")
            if o in used:
                raise MapError(f"{r.name}: 0x{o:x} already used by {used[o]}")
            used[o] = r.name
    if soft > 1:
        raise MapError("more than one soft_reset field")
    if sum(1 for r in m.regs if r.counter and r.counter.source == "unmapped") > 2:
        raise MapError("only one counter may count unmapped accesses")
    names: dict[str, str] = {}

    def claim(ident: str, what: str) -> None:
        if ident in names:
            raise MapError(f"identifier {ident} of {what} clashes with {names[ident]}")
        names[ident] = what

    for e, _, _ in m.exports():
        claim(e, "export")
    fnames: set[str] = set()
    for fm in m.formats:
        if fm.name in fnames:
            raise MapError(f"format {fm.name} twice")
        fnames.add(fm.name)
        if len({f.name for f in fm.fields}) != len(fm.fields):
            raise MapError(f"format {fm.name}: duplicate field names")
        used_bits = [0] * fm.words
        for f in fm.fields:
            if used_bits[f.word] & f.mask:
                raise MapError(f"format {fm.name}.{f.name}: overlaps another field "
                               f"in word {f.word}")
            used_bits[f.word] |= f.mask
        # vmq_reg_pkg is one flat name space: format constants must not clash with
        # register constants.
        claim(f"{fm.name}_BYTES", f"format {fm.name}")
        for f in fm.fields:
            for sfx in ("WORD", "LSB", "W"):
                claim(f"{fm.name}_{f.name}_{sfx}", f"format {fm.name}.{f.name}")
    for r in m.regs:
        claim(r.name, r.name)
        claim(f"{r.name}_RESET", r.name)
        if r.array:
            claim(f"{r.name}_STRIDE", r.name)
        for f in r.fields:
            for sfx in ("LSB", "SHIFT", "WIDTH", "MASK"):
                claim(f"{r.name}_{f.name}_{sfx}", f"{r.name}.{f.name}")
            for en in f.enum:
                claim(f"{r.name}_{f.name}_{en}", f"{r.name}.{f.name}")
    ports: set[str] = set()
    for r in m.regs:
        for f in r.fields:
            p = port_name(r, f)
            if p and p in ports:
                raise MapError(f"port {p} twice")
            if p:
                ports.add(p)


# --------------------------------------------------------------------------- helpers


def ram_counters(m: RegMap) -> list[Reg]:
    """The _LO registers of the counters held in RAM, in address order (their ids)."""
    return [r for r in m.regs if r.counter and r.counter.source == "ram" and r.counter.half == "lo"]


def qcnt_queue_w(m: RegMap) -> int:
    return max(1, (max(r.array.max for r in ram_counters(m)) - 1).bit_length())

def banner_lines(src: str) -> list[str]:
    return [
        f"Generated from {src} by scripts/reggen.py -- DO NOT EDIT.",
        "Regenerate: python3 scripts/reggen.py   (CI: python3 scripts/reggen.py --check)",
    ]


BANNER_LINES = banner_lines(SRC)


def banner(prefix: str, src: str = SRC) -> str:
    return "".join(f"{prefix} {line}\n" for line in banner_lines(src))


def port_name(r: Reg, f: Field) -> str | None:
    if r.counter:
        if r.counter.source == "hw" and r.counter.half == "lo":
            return f"{r.counter.base.lower()}_i"
        return None
    if f.role == "soft_reset":
        return "soft_reset_o"
    if f.access == "rw" and f.port:
        return f"{r.name.lower()}_{f.name.lower()}_o"
    if f.access == "ro":
        return f"{r.name.lower()}_{f.name.lower()}_i"
    if f.access == "w1p":
        return f"{r.name.lower()}_{f.name.lower()}_o"
    return None


def sig(r: Reg, f: Field) -> str:
    return f"{r.name.lower()}_{f.name.lower()}"


def hexw(v: int, w: int) -> str:
    return f"{w}'h{v:0{(w + 3) // 4}X}"


def sv_shape(r: Reg, f: Field) -> str:
    """Packed dimensions of a field's signal."""
    w = f"[{f.width - 1}:0]" if f.width > 1 else ""
    if r.array:
        return f"[{r.array.count}-1:0]{w}"
    return w


def counter_shape(r: Reg) -> str:
    """Packed dimensions of a hardware counter input (64 bits per entry)."""
    return f"[{r.array.count}-1:0][63:0]" if r.array else "[63:0]"


def sv_reset(r: Reg, f: Field) -> str:
    v = hexw(f.reset, f.width)
    return f"{{{r.array.count}{{{v}}}}}" if r.array else v


def q_idx(r: Reg) -> str:
    return "[q]" if r.array else ""


# --------------------------------------------------------------------------- SV package


def sv_field_consts(r) -> list[str]:
    """Package constants of a register's fields (vmq_reg_pkg, vmq_board_reg_pkg)."""
    o = []
    for f in r.fields:
        p = f"{r.name}_{f.name}"
        o.append(f"  localparam int unsigned {p}_LSB = {f.lsb};\n")
        o.append(f"  localparam int unsigned {p}_WIDTH = {f.width};\n")
        o.append(f"  localparam logic [31:0] {p}_MASK = {hexw(f.mask, 32)};\n")
        for en, ev in f.enum.items():
            o.append(f"  localparam logic [{f.width - 1}:0] {p}_{en} = {f.width}'d{ev};\n")
    return o


def hpp_field_consts(r) -> list[str]:
    """C++ constants of a register's fields (vmq_regs.hpp, vmq_board_regs.hpp)."""
    o = []
    for f in r.fields:
        p = f"{r.name}_{f.name}"
        o.append(f"inline constexpr uint32_t {p}_SHIFT = {f.lsb}u;\n"
                 f"inline constexpr uint32_t {p}_WIDTH = {f.width}u;\n"
                 f"inline constexpr uint32_t {p}_MASK = 0x{f.mask:08X}u;\n")
        for en, ev in f.enum.items():
            o.append(f"inline constexpr uint32_t {p}_{en} = {ev}u;\n")
    return o


def gen_pkg(m: RegMap) -> str:
    aw = m.addr_width
    o = [banner("//")]
    o.append("//\n// Register offsets, field positions and constants of the vmq register map\n"
             f"// (docs/registers.md). Byte addresses within the {1 << aw >> 10} KiB BAR0.\n")
    o.append("`resetall\n`default_nettype none\n\n")
    o.append(f"package {PKG};\n\n")
    o.append(f"  localparam int unsigned REG_ADDR_W = {aw};\n")
    o.append(f"  localparam logic [31:0] UNMAPPED_READ = {hexw(m.unmapped_read, 32)};\n\n")
    rc = ram_counters(m)
    if rc:
        o.append("  // Per-queue counters held in RAM (source = \"ram\"), read through the\n"
                 "  // register block's counter read port: qcnt_rd_id_o names one of them.\n")
        o.append(f"  localparam int unsigned QCNT_NUM = {len(rc)};\n")
        o.append(f"  localparam int unsigned QCNT_ID_W = {max(1, (len(rc) - 1).bit_length())};\n")
        o.append(f"  localparam int unsigned QCNT_QUEUE_W = {qcnt_queue_w(m)};\n")
        for i, r in enumerate(rc):
            o.append(f"  localparam int unsigned QCNT_{r.counter.base} = {i};\n")
        o.append("\n")
    for e, w, v in m.exports():
        o.append(f"  localparam logic [{w - 1}:0] {e} = {hexw(v, w)};\n")
    o.append("\n")
    for r in m.regs:
        o.append(f"  // {r.name} ({r.access}): {first_sentence(r.desc)}\n")
        o.append(f"  localparam logic [{aw - 1}:0] REG_{r.name} = {hexw(r.offset, aw)};\n")
        if r.array:
            o.append(f"  localparam logic [{aw - 1}:0] {r.name}_STRIDE = "
                     f"{hexw(r.array.stride, aw)};\n")
            o.append(f"  localparam int unsigned {r.name}_MAX_COUNT = {r.array.max};\n")
        o.append(f"  localparam logic [31:0] {r.name}_RESET = {hexw(r.reset, 32)};\n")
        o += sv_field_consts(r)
        o.append("\n")
    if m.formats:
        o.append("  // Descriptor formats in host memory (docs/registers.md, \"Descriptor formats\"):\n"
                 "  // little-endian 64-bit words; field <F> of format <D> is bits\n"
                 "  // [<D>_<F>_LSB +: <D>_<F>_W] of 64-bit word <D>_<F>_WORD.\n")
    for fm in m.formats:
        o.append(f"  // {fm.name}: {first_sentence(fm.desc)}\n")
        o.append(f"  localparam int unsigned {fm.name}_BYTES = {fm.bytes};\n")
        for f in fm.fields:
            p = f"{fm.name}_{f.name}"
            o.append(f"  localparam int unsigned {p}_WORD = {f.word};\n")
            o.append(f"  localparam int unsigned {p}_LSB = {f.lsb};\n")
            o.append(f"  localparam int unsigned {p}_W = {f.width};\n")
        o.append("\n")
    o.append(f"endpackage : {PKG}\n\n`resetall\n")
    return "".join(o)


def first_sentence(s: str) -> str:
    s = " ".join(s.split())
    i = s.find(". ")
    return s if i < 0 else s[: i + 1]


# --------------------------------------------------------------------------- SV CSR block


def read_expr(r: Reg, idx: str) -> str:
    """32-bit read value of register r as a concatenation."""
    parts: list[str] = []
    pos = 31
    for f in sorted(r.fields, key=lambda f: -f.msb):
        if f.msb < pos:
            parts.append(f"{pos - f.msb}'b0")
        if r.counter:
            c = r.counter.base.lower()
            if r.counter.source == "ram":  # answered by the counter read port
                parts.append("32'b0")
            else:
                src = "csr_unmapped_q" if r.counter.source == "unmapped" else f"{c}_i"
                parts.append(f"{src}[{'31:0' if r.counter.half == 'lo' else '63:32'}]")
        elif f.access == "rw" or f.access == "ro":
            s = f"{sig(r, f)}_q" if f.access == "rw" else f"{sig(r, f)}_i"
            parts.append(f"{s}{idx}")
        elif f.access == "const":
            parts.append(hexw(f.reset, f.width))
        elif f.access == "param":
            parts.append(f"{f.width}'({f.param})")
        else:  # w1p reads 0
            parts.append(f"{f.width}'b0")
        pos = f.lsb - 1
    if pos >= 0:
        parts.append(f"{pos + 1}'b0")
    return parts[0] if len(parts) == 1 else "{" + ", ".join(parts) + "}"


def gen_csr(m: RegMap) -> str:
    aw = m.addr_width
    regs = m.regs
    soft = next(((r, f) for r in regs for f in r.fields if f.role == "soft_reset"), None)
    rc = ram_counters(m)
    o: list[str] = [banner("//")]
    o.append(f"""//
// {MODULE}: the register block. {m.desc}
// An AXI4-Lite slave ({ADAPTER}) feeds a one-cycle register bus; this block
// decodes it, holds the software-writable fields, drives one port per field
// and answers a read the next cycle from a registered read mux, or, for the
// per-queue counters held in RAM, when the counter read port answers
// (qcnt_rd_*: request registered here, answer any number of cycles later,
// exactly one per request). 64-bit counters have no latches: _LO and _HI
// read the value's halves as they are; software reads _HI, _LO, _HI.
// Every access completes with OKAY;
// unmapped addresses read {hexw(m.unmapped_read, 32)}, ignore writes and count in
// csr_unmapped (docs/registers.md, "Access rules"; SPEC 2). Latency: a write
// takes effect (and its pulse fires) the cycle after the register-bus request.
`resetall
`default_nettype none

module {MODULE}
  import {PKG}::*;
#(
""")
    ps = [f"  parameter int unsigned {p.name} = {p.default}" for p in m.params]
    o.append(",\n".join(ps) + "\n) (\n")
    ports = [
        "  input  logic clk_i",
        "  input  logic rst_i",
        "  // AXI4-Lite slave",
        f"  input  logic [{aw - 1}:0] s_axil_awaddr_i",
        "  input  logic s_axil_awvalid_i",
        "  output logic s_axil_awready_o",
        "  input  logic [31:0] s_axil_wdata_i",
        "  input  logic [3:0] s_axil_wstrb_i",
        "  input  logic s_axil_wvalid_i",
        "  output logic s_axil_wready_o",
        "  output logic [1:0] s_axil_bresp_o",
        "  output logic s_axil_bvalid_o",
        "  input  logic s_axil_bready_i",
        f"  input  logic [{aw - 1}:0] s_axil_araddr_i",
        "  input  logic s_axil_arvalid_i",
        "  output logic s_axil_arready_o",
        "  output logic [31:0] s_axil_rdata_o",
        "  output logic [1:0] s_axil_rresp_o",
        "  output logic s_axil_rvalid_o",
        "  input  logic s_axil_rready_i",
    ]
    for r in regs:
        first = True
        for f in r.fields:
            p = port_name(r, f)
            if not p:
                continue
            if first:
                ports.append(f"  // {r.name}")
                first = False
            if r.counter:
                ports.append(f"  input  logic {counter_shape(r)} {p}")
                continue
            d = "output" if p.endswith("_o") else "input "
            shape = sv_shape(r, f)
            ports.append(f"  {d} logic {shape + ' ' if shape else ''}{p}")
            if f.hw_clear:
                cshape = f"[{r.array.count}-1:0] " if r.array else ""
                ports.append(f"  input  logic {cshape}{sig(r, f)}_clr_i")
    if rc:
        ports += [
            "  // per-queue counters in RAM (QCNT_* in the package): one read at a time",
            "  output logic qcnt_rd_req_o",
            "  output logic [QCNT_ID_W-1:0] qcnt_rd_id_o",
            "  output logic [QCNT_QUEUE_W-1:0] qcnt_rd_queue_o",
            "  input  logic qcnt_rd_valid_i",
            "  input  logic [63:0] qcnt_rd_data_i",
        ]
    # align names, join with commas (not after comment lines)
    def split(p: str) -> tuple[str, str]:
        head, _, name = p.rpartition(" ")
        return head.rstrip(), name
    width = max(len(split(p)[0]) for p in ports if not p.lstrip().startswith("//"))
    ports = [p if p.lstrip().startswith("//") else
             f"{split(p)[0]:<{width}} {split(p)[1]}" for p in ports]
    out_ports = []
    real = [i for i, p in enumerate(ports) if not p.lstrip().startswith("//")]
    for i, p in enumerate(ports):
        out_ports.append(p + ("," if i in real and i != real[-1] else ""))
    o.append("\n".join(out_ports) + "\n);\n\n")

    # parameter checks
    o.append("  // Parameter checks at elaboration.\n")
    for p in m.params:
        lo = f"{p.name} < {p.min}" if p.min > 0 else None
        hi = f"{p.name} > {p.max}" if p.max < 0xFFFFFFFF else None
        cond = " || ".join(c for c in (lo, hi) if c)
        if not cond:
            continue
        o.append(f"  if ({cond}) begin : gen_bad_{snake(p.name)}\n"
                 f"    $fatal(1, \"{MODULE}: {p.name} must be {p.min}..{p.max}\");\n"
                 f"  end\n")
    o.append(f"""
  // ---------------------------------------------------------------- bus adapter
  logic        reg_req;
  logic        reg_we;
  logic [{aw - 1}:0] reg_addr;
  logic [31:0] reg_wdata;
  logic [3:0]  reg_wstrb;
  logic        reg_rvalid;
  logic [31:0] reg_rdata;

  {ADAPTER} #(
    .AddrW({aw})
  ) u_axil_reg_if (
    .clk_i           (clk_i),
    .rst_i           (rst_i),
    .s_axil_awaddr_i (s_axil_awaddr_i),
    .s_axil_awvalid_i(s_axil_awvalid_i),
    .s_axil_awready_o(s_axil_awready_o),
    .s_axil_wdata_i  (s_axil_wdata_i),
    .s_axil_wstrb_i  (s_axil_wstrb_i),
    .s_axil_wvalid_i (s_axil_wvalid_i),
    .s_axil_wready_o (s_axil_wready_o),
    .s_axil_bresp_o  (s_axil_bresp_o),
    .s_axil_bvalid_o (s_axil_bvalid_o),
    .s_axil_bready_i (s_axil_bready_i),
    .s_axil_araddr_i (s_axil_araddr_i),
    .s_axil_arvalid_i(s_axil_arvalid_i),
    .s_axil_arready_o(s_axil_arready_o),
    .s_axil_rdata_o  (s_axil_rdata_o),
    .s_axil_rresp_o  (s_axil_rresp_o),
    .s_axil_rvalid_o (s_axil_rvalid_o),
    .s_axil_rready_i (s_axil_rready_i),
    .reg_req_o       (reg_req),
    .reg_we_o        (reg_we),
    .reg_addr_o      (reg_addr),
    .reg_wdata_o     (reg_wdata),
    .reg_wstrb_o     (reg_wstrb),
    .reg_rvalid_i    (reg_rvalid),
    .reg_rdata_i     (reg_rdata)
  );

  // ---------------------------------------------------------------- decode
  logic [{aw - 1}:0] word_addr;  // unaligned addresses act on their aligned word
  logic [31:0] wmask;      // byte strobes as a bit mask
  logic        wr;
  logic        rd;
  assign word_addr = {{reg_addr[{aw - 1}:2], 2'b00}};
  assign wmask     = {{{{8{{reg_wstrb[3]}}}}, {{8{{reg_wstrb[2]}}}}, {{8{{reg_wstrb[1]}}}}, {{8{{reg_wstrb[0]}}}}}};
  assign wr        = reg_req & reg_we;
  assign rd        = reg_req & ~reg_we;

  logic unused_addr_bits;
  assign unused_addr_bits = ^reg_addr[1:0];

""")
    for r in regs:
        if r.array:
            c = r.array.count
            o.append(f"  logic [{c}-1:0] hit_{r.name.lower()};\n")
    o.append("  always_comb begin\n")
    for r in regs:
        if r.array:
            n = r.name.lower()
            o.append(f"    hit_{n} = '0;\n"
                     f"    for (int unsigned q = 0; q < {r.array.count}; q++) begin\n"
                     f"      hit_{n}[q] = (word_addr == REG_{r.name} + {aw}'(q) * {r.name}_STRIDE);\n"
                     f"    end\n")
    o.append("  end\n\n")
    for r in regs:
        if not r.array:
            o.append(f"  logic hit_{r.name.lower()};\n")
    for r in regs:
        if not r.array:
            o.append(f"  assign hit_{r.name.lower()} = (word_addr == REG_{r.name});\n")
    # Entry index of each array register from the address (strides are powers
    # of two), so the read mux selects one entry by index instead of OR-ing
    # every entry's term in turn (a chain NumQueues x registers long, which
    # Yosys cannot even sort at NumQueues = 64).
    counts = sorted({r.array.count for r in regs if r.array})
    for c in counts:
        o.append(f"  localparam int unsigned {c}IdxW = ({c} > 1) ? $clog2({c}) : 1;\n")
    for r in regs:
        if r.array and ("[@]" in read_expr(r, "[@]") or r.counter):  # (w1p-only read 0)
            n = r.name.lower()
            sh = r.array.stride.bit_length() - 1
            o.append(f"  logic [{r.array.count}IdxW-1:0] ridx_{n};\n"
                     f"  assign ridx_{n} = {r.array.count}IdxW'((word_addr - REG_{r.name}) >> {sh});\n")
    hits = [f"|hit_{r.name.lower()}" if r.array else f"hit_{r.name.lower()}" for r in regs]
    o.append("\n  logic mapped;\n  assign mapped = " + wrap(hits, " | ", "                  ")
             + ";\n\n")

    # soft reset
    o.append("  // ---------------------------------------------------------------- soft reset\n")
    o.append("  logic soft_reset_req;\n")
    if soft:
        r, f = soft
        o.append(f"  assign soft_reset_req = wr & hit_{r.name.lower()} & wmask[{f.lsb}] & "
                 f"reg_wdata[{f.lsb}];\n\n")
    else:
        o.append("  assign soft_reset_req = 1'b0;\n\n")

    # rw fields
    o.append("  // ---------------------------------------------------------------- rw fields\n")
    for r in regs:
        rw = [f for f in r.fields if f.access == "rw" and not r.counter]
        if not rw:
            continue
        for f in rw:
            s = sig(r, f)
            shape = sv_shape(r, f)
            o.append(f"  logic {shape + ' ' if shape else ''}{s}_q, {s}_d;\n")
        o.append("  always_comb begin\n")
        for f in rw:
            o.append(f"    {sig(r, f)}_d = {sig(r, f)}_q;\n")
        ind = "    "
        if r.array:
            o.append(f"    for (int unsigned q = 0; q < {r.array.count}; q++) begin\n")
            ind = "      "
        o.append(f"{ind}if (wr && hit_{r.name.lower()}{q_idx(r)}) begin\n")
        for f in rw:
            s = f"{sig(r, f)}{q_idx(r)}"
            rng = f"[{f.bits}]"
            o.append(f"{ind}  {sig(r, f)}_d{q_idx(r)} = ({sig(r, f)}_q{q_idx(r)} & ~wmask{rng}) | "
                     f"(reg_wdata{rng} & wmask{rng});\n")
            del s
        o.append(f"{ind}end\n")
        for f in rw:
            if f.hw_clear:  # hardware clear wins over a write in the same cycle
                o.append(f"{ind}if ({sig(r, f)}_clr_i{q_idx(r)}) {sig(r, f)}_d{q_idx(r)} = "
                         f"{hexw(f.reset, f.width)};\n")
        if r.array:
            o.append("    end\n")
        o.append("    if (soft_reset_req) begin\n")
        for f in rw:
            o.append(f"      {sig(r, f)}_d = {sv_reset(r, f)};\n")
        o.append("    end\n  end\n")
        o.append("  always_ff @(posedge clk_i) begin\n    if (rst_i) begin\n")
        for f in rw:
            o.append(f"      {sig(r, f)}_q <= {sv_reset(r, f)};\n")
        o.append("    end else begin\n")
        for f in rw:
            o.append(f"      {sig(r, f)}_q <= {sig(r, f)}_d;\n")
        o.append("    end\n  end\n")
        for f in rw:
            p = port_name(r, f)
            if p:
                o.append(f"  assign {p} = {sig(r, f)}_q;\n")
        o.append("\n")

    # w1p fields
    o.append("  // ---------------------------------------------------------------- write-1 pulses\n")
    for r in regs:
        for f in r.fields:
            if f.access != "w1p":
                continue
            s = "soft_reset" if f.role == "soft_reset" else sig(r, f)
            if f.role == "soft_reset":
                o.append("  logic soft_reset_q;\n  always_ff @(posedge clk_i) begin\n"
                         "    if (rst_i) soft_reset_q <= 1'b0;\n"
                         "    else       soft_reset_q <= soft_reset_req;\n  end\n"
                         "  assign soft_reset_o = soft_reset_q;\n\n")
                continue
            shape = sv_shape(r, f)
            o.append(f"  logic {shape + ' ' if shape else ''}{s}_q, {s}_d;\n  always_comb begin\n")
            if r.array:
                o.append(f"    {s}_d = '0;\n"
                         f"    for (int unsigned q = 0; q < {r.array.count}; q++) begin\n"
                         f"      {s}_d[q] = {{{f.width}{{wr & hit_{r.name.lower()}[q]}}}} & "
                         f"reg_wdata[{f.bits}] & wmask[{f.bits}];\n    end\n")
            else:
                o.append(f"    {s}_d = {{{f.width}{{wr & hit_{r.name.lower()}}}}} & "
                         f"reg_wdata[{f.bits}] & wmask[{f.bits}];\n")
            o.append(f"  end\n  always_ff @(posedge clk_i) begin\n"
                     f"    if (rst_i) {s}_q <= '0;\n    else       {s}_q <= {s}_d;\n  end\n"
                     f"  assign {port_name(r, f)} = {s}_q;\n\n")

    # counters
    if any(r.counter and r.counter.source == "unmapped" for r in regs):
        o.append("  // ---------------------------------------------------------------- csr_unmapped\n"
                 "  logic [63:0] csr_unmapped_q, csr_unmapped_d;\n  always_comb begin\n"
                 "    csr_unmapped_d = csr_unmapped_q;\n"
                 "    if (reg_req && !mapped) csr_unmapped_d = csr_unmapped_q + 64'd1;\n"
                 "    if (soft_reset_req) csr_unmapped_d = '0;\n  end\n"
                 "  always_ff @(posedge clk_i) begin\n"
                 "    if (rst_i) csr_unmapped_q <= '0;\n"
                 "    else       csr_unmapped_q <= csr_unmapped_d;\n  end\n\n")
    if rc:
        o.append("  // ---------------------------------------------------------------- counters in RAM\n"
                 "  // A read of a per-queue counter held in RAM becomes one request {id, queue}\n"
                 "  // on the counter read port; the half is remembered for the answer.\n"
                 "  logic                    qcnt_hit, qcnt_hi;\n"
                 "  logic [QCNT_ID_W-1:0]    qcnt_id;\n"
                 "  logic [QCNT_QUEUE_W-1:0] qcnt_queue;\n"
                 "  always_comb begin\n"
                 "    qcnt_hit   = 1'b0;\n    qcnt_hi    = 1'b0;\n"
                 "    qcnt_id    = '0;\n    qcnt_queue = '0;\n")
        for r in regs:
            if not (r.counter and r.counter.source == "ram"):
                continue
            n = r.name.lower()
            o.append(f"    if (|hit_{n}) begin\n"
                     f"      qcnt_hit   = 1'b1;\n"
                     f"      qcnt_hi    = 1'b{1 if r.counter.half == 'hi' else 0};\n"
                     f"      qcnt_id    = QCNT_ID_W'(QCNT_{r.counter.base});\n"
                     f"      qcnt_queue = QCNT_QUEUE_W'(ridx_{n});\n"
                     f"    end\n")
        o.append("  end\n"
                 "  logic                    qcnt_req_q, qcnt_hi_q;\n"
                 "  logic [QCNT_ID_W-1:0]    qcnt_id_q;\n"
                 "  logic [QCNT_QUEUE_W-1:0] qcnt_queue_q;\n"
                 "  always_ff @(posedge clk_i) begin\n"
                 "    if (rst_i) qcnt_req_q <= 1'b0;\n"
                 "    else       qcnt_req_q <= rd & qcnt_hit;\n"
                 "    if (rd & qcnt_hit) begin\n"
                 "      qcnt_hi_q    <= qcnt_hi;\n"
                 "      qcnt_id_q    <= qcnt_id;\n"
                 "      qcnt_queue_q <= qcnt_queue;\n"
                 "    end\n  end\n"
                 "  assign qcnt_rd_req_o   = qcnt_req_q;\n"
                 "  assign qcnt_rd_id_o    = qcnt_id_q;\n"
                 "  assign qcnt_rd_queue_o = qcnt_queue_q;\n\n")

    # read mux
    o.append("  // ---------------------------------------------------------------- read mux\n")
    o.append("  // Hits are one-hot, so the mux is an AND-OR; unmapped reads return UNMAPPED_READ.\n")
    o.append("  logic [31:0] rdata;\n  always_comb begin\n    rdata = '0;\n")
    for r in regs:
        n = r.name.lower()
        if r.counter and r.counter.source == "ram":
            continue  # answered by the counter read port
        if r.array and "[@]" in read_expr(r, "[@]"):
            o.append(f"    if (|hit_{n}) rdata = rdata | {read_expr(r, f'[ridx_{n}]')};\n")
        elif r.array:
            o.append(f"    if (|hit_{n}) rdata = rdata | {read_expr(r, '')};\n")
        else:
            o.append(f"    if (hit_{n}) rdata = rdata | {read_expr(r, '')};\n")
    o.append("  end\n\n")
    o.append("  // ---------------------------------------------------------------- read answer\n"
             "  // Registers in flip-flops answer the cycle after the request from the\n"
             "  // registered mux.\n"
             "  logic        rsp_v_q;\n  logic [31:0] rsp_data_q;\n"
             "  always_ff @(posedge clk_i) begin\n"
             "    if (rst_i) rsp_v_q <= 1'b0;\n"
             f"    else       rsp_v_q <= rd{' & ~qcnt_hit' if rc else ''};\n"
             "    rsp_data_q <= mapped ? rdata : UNMAPPED_READ;\n  end\n")
    if rc:
        o.append("  assign reg_rvalid = rsp_v_q | qcnt_rd_valid_i;\n"
                 "  assign reg_rdata  = rsp_v_q ? rsp_data_q :\n"
                 "                      qcnt_hi_q ? qcnt_rd_data_i[63:32] : qcnt_rd_data_i[31:0];\n\n")
    else:
        o.append("  assign reg_rvalid = rsp_v_q;\n  assign reg_rdata  = rsp_data_q;\n\n")
    o.append(f"endmodule : {MODULE}\n\n`resetall\n")
    return "".join(o)


def snake(s: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", s).lower()


def wrap(items: list[str], sep: str, cont: str, width: int = 90) -> str:
    lines, cur = [], ""
    for it in items:
        piece = it if not cur else sep + it
        if cur and len(cont) + len(cur) + len(piece) > width:
            lines.append(cur + sep.rstrip())
            cur = it
        else:
            cur += piece
    lines.append(cur)
    return ("\n" + cont).join(lines)


# --------------------------------------------------------------------------- C++ header


def gen_hpp(m: RegMap) -> str:
    o = [banner("//")]
    o.append(f"""//
// vmq register map for the host driver and the tests: byte offsets within
// BAR0, field shifts/masks/widths, enum values, reset values and identification
// constants. Reference: docs/registers.md. Dependencies: <cstdint> only.
#pragma once

#include <cstdint>

namespace {NAMESPACE} {{

inline constexpr uint32_t ADDR_SPACE_BYTES = 0x{1 << m.addr_width:X}u;
inline constexpr uint32_t UNMAPPED_READ = 0x{m.unmapped_read:08X}u;
""")
    for e, _, v in m.exports():
        o.append(f"inline constexpr uint32_t {e} = 0x{v:X}u;\n")
    o.append("\n")
    for r in m.regs:
        o.append(f"// {r.name} ({r.access}): {first_sentence(r.desc)}\n")
        if r.array:
            a = r.array
            o.append(f"inline constexpr uint32_t {r.name}_BASE = 0x{r.offset:04X}u;\n"
                     f"inline constexpr uint32_t {r.name}_STRIDE = 0x{a.stride:X}u;\n"
                     f"inline constexpr uint32_t {r.name}_MAX_COUNT = {a.max}u;  "
                     f"// entries: ID_{snake(a.count).upper()} (the {a.count} parameter)\n"
                     f"constexpr uint32_t {r.name}(unsigned q) {{ return {r.name}_BASE + "
                     f"q * {r.name}_STRIDE; }}\n")
        else:
            o.append(f"inline constexpr uint32_t {r.name} = 0x{r.offset:04X}u;\n")
        o.append(f"inline constexpr uint32_t {r.name}_RESET = 0x{r.reset:08X}u;\n")
        o += hpp_field_consts(r)
        o.append("\n")
    # table
    o.append("""// Table of every register, for generic code (register dumps, tests).
enum class Access : uint8_t { RW, RO, W1P };
// COUNTER_LO/_HI: a half of a 64-bit counter (kind = "counter64"); _HI is at
// the _LO offset + 4. Both read the counter as it is (no latch): read _HI,
// _LO, _HI (docs/registers.md, "Access rules").
enum class Kind : uint8_t { PLAIN, COUNTER_LO, COUNTER_HI };
struct RegInfo {
  const char* name;
  uint32_t offset;      // entry 0 for per-queue registers
  uint32_t stride;      // 0 for scalar registers
  uint32_t max_count;   // 1 for scalar registers
  const char* count;    // parameter giving the number of entries, or nullptr
  Access access;
  uint32_t reset;       // reset value of rw and const bits
  uint32_t rw_mask;     // software read/write bits
  uint32_t hw_mask;     // hardware-driven read-only bits (and counters)
  uint32_t const_mask;  // constant bits (const and param fields)
  uint32_t w1p_mask;    // write-1-to-pulse bits (read as 0)
  Kind kind;            // PLAIN, or which half of a 64-bit counter
};
inline constexpr RegInfo REG_TABLE[] = {
""")
    for r in m.regs:
        a = r.array
        hw = r.mask_of("ro") | (0xFFFFFFFF if r.counter else 0)
        cnt = f'"{a.count}"' if a else "nullptr"
        kind = f"COUNTER_{r.counter.half.upper()}" if r.counter else "PLAIN"
        o.append(f'    {{"{r.name}", 0x{r.offset:04X}u, 0x{a.stride if a else 0:X}u, '
                 f"{a.max if a else 1}u, {cnt}, "
                 f"Access::{r.access.upper()}, 0x{r.reset:08X}u, 0x{r.mask_of('rw'):08X}u, "
                 f"0x{hw:08X}u, 0x{r.mask_of('const', 'param'):08X}u, "
                 f"0x{r.mask_of('w1p'):08X}u, Kind::{kind}}},\n")
    o.append("};\n")
    o.append("""
// A 64-bit counter (kind = "counter64") as one value, given a 32-bit register
// read and the counter's _LO offset: HI, LO, HI; if the high half moved, LO
// again with the second HI (it cannot carry into bit 32 twice within two
// register reads). docs/registers.md, "Access rules".
template <class Read32>
uint64_t read_counter64(Read32&& read32, uint32_t lo) {
  const uint32_t hi = read32(lo + 4);
  uint32_t l = read32(lo);
  const uint32_t hi2 = read32(lo + 4);
  if (hi2 != hi) l = read32(lo);
  return uint64_t(l) | uint64_t(hi2) << 32;
}
""")
    rc = ram_counters(m)
    if rc:
        o.append("\n// Per-queue counters held in RAM, by their id on the register block's counter\n"
                 "// read port (QCNT_<NAME> in the SV package): the _LO register of entry 0.\n"
                 f"inline constexpr uint32_t QCNT_NUM = {len(rc)}u;\n"
                 "inline constexpr uint32_t QCNT_LO_BASE[QCNT_NUM] = {"
                 + ", ".join(f"{r.name}_BASE" for r in rc) + "};\n")
    if m.formats:
        o.append(gen_hpp_formats(m))
    o.append(f"\n}}  // namespace {NAMESPACE}\n")
    return "".join(o)


def cpp_u64(v: int) -> str:
    return f"0x{v:016X}ull"


def gen_hpp_formats(m: RegMap) -> str:
    o = ["""
// Descriptor formats in host memory (docs/registers.md, "Descriptor formats"):
// little-endian 64-bit words, word w at byte offset 8 * w. A field is bits
// [lsb + width - 1 : lsb] of word `word`; get()/put() act on that word.
namespace fmt {

struct Field {
  uint32_t word;   // 64-bit word index within the descriptor
  uint32_t lsb;    // lowest bit within the word
  uint32_t width;  // bits
  uint64_t mask;   // the field's bits within the word
};
constexpr uint64_t get(uint64_t word, Field f) { return (word & f.mask) >> f.lsb; }
constexpr uint64_t put(uint64_t word, Field f, uint64_t value) {
  return (word & ~f.mask) | ((value << f.lsb) & f.mask);
}
"""]
    for fm in m.formats:
        o.append(f"\n// {fm.name}: {first_sentence(fm.desc)}\n")
        o.append(f"inline constexpr uint32_t {fm.name}_BYTES = {fm.bytes}u;\n")
        for f in fm.fields:
            o.append(f"inline constexpr Field {fm.name}_{f.name}{{{f.word}u, {f.lsb}u, "
                     f"{f.width}u, {cpp_u64(f.mask)}}};\n")
    o.append("\n}  // namespace fmt\n")
    return "".join(o)


# --------------------------------------------------------------------------- Markdown


def md_esc(s: str) -> str:
    return " ".join(s.split()).replace("|", "\\|")


def gen_doc(m: RegMap) -> str:
    aw = m.addr_width
    o = [f"<!-- {BANNER_LINES[0]} -->\n<!-- {BANNER_LINES[1]} -->\n\n"]
    magic = next(v for e, _, v in m.exports() if e == "MAGIC")
    o.append(f"""# vmq register reference

{m.desc} Byte addresses; every register is one 32-bit word. Offsets,
field positions and reset values come from `{SRC}` — the C++ header
`{OUT_HPP}` (namespace `{NAMESPACE}`) and the SV package
`{OUT_PKG}` (`{PKG}`) carry the same names.

## Access rules

- Every access gets response OKAY (`BRESP`/`RRESP` = 0), always (an error
  response would become a PCIe completer abort; SPEC 2).
- An address that is not a register — holes, per-queue entries with
  q >= NumQueues, anything beyond the last register up to 0x{(1 << aw) - 4:X} —
  reads 0x{m.unmapped_read:08X}, ignores writes, and increments the 64-bit
  `csr_unmapped` counter (`CSR_UNMAPPED_LO/_HI`); reads and writes both count.
- Unaligned addresses (`addr[1:0] != 0`) act on the aligned word: the low two
  address bits are ignored.
- `WSTRB` is honoured byte-wise: a rw bit changes only when the strobe of its
  byte is set; a w1p bit pulses only when its byte strobe is set and the bit
  is written 1.
- Writes to read-only registers (and to read-only bits of any register) are
  ignored and are *not* counted as unmapped. Reserved bits read 0. Write-1-pulse
  (w1p) fields read 0.
- 64-bit counters are register pairs `_LO`/`_HI` that return bits 31:0 and
  63:32 of the counter as it is when read; nothing is latched. For a
  consistent value read `_HI`, `_LO`, `_HI`: if the two `_HI` values are
  equal, they and `_LO` are one value; otherwise read `_LO` once more and
  take it with the second `_HI` (a counter cannot carry into bit 32 twice
  within a few register reads). The driver does this (`Device::rd64`).
- Per-queue counters are held in the core's statistics RAMs (`source =
  "ram"`): their reads take a few cycles more (the register block requests
  the value on its counter read port and answers when it arrives); reads of
  every other register are answered the cycle after the register-bus request.
- Global soft reset: writing 1 to `RESET.SOFT` pulses `soft_reset_o` for one
  cycle and returns every rw register of the CSR block and the
  `csr_unmapped` counter to their reset values. Identification
  registers are constants.
- The AXI4-Lite adapter holds at most one write and one read at a time and
  issues one access per cycle (a read stays outstanding until it is answered,
  writes go on meanwhile); when a read and a write are both ready they
  alternate, and neither channel ever waits for the other's response. Write effects (and w1p pulses) happen before
  the write response; a read after a write's `BVALID` sees the written value.

Access codes: **rw** read/write; **ro** read-only, driven by hardware;
**const** read-only constant; **param** read-only constant equal to a
build-time parameter of the core; **w1p** write 1 to pulse, reads 0.

## Build parameters

| parameter | default | range | description |
|---|---|---|---|
""")
    for p in m.params:
        o.append(f"| `{p.name}` | {p.default} | {p.min}..{p.max} | {md_esc(p.desc)} |\n")
    o.append(f"""
The driver refuses a core whose `ID_MAGIC` is not 0x{magic:08X} or whose
`ID_VERSION` MAJOR.MINOR differs from the one it was built for (the driver speaks exactly one map).

## Address map

| offset | register | access | reset | description |
|---|---|---|---|---|
""")
    for r in m.regs:
        off = (f"0x{r.offset:04X} + q×0x{r.array.stride:X} (q < {r.array.count})"
               if r.array else f"0x{r.offset:04X}")
        o.append(f"| {off} | [{r.name}](#{r.name.lower()}) | {r.access} | "
                 f"0x{r.reset:08X} | {md_esc(first_sentence(r.desc))} |\n")
    o.append("\nEvery other address up to "
             f"0x{(1 << aw) - 1:X} is unmapped.\n\n## Registers\n")
    for r in m.regs:
        o.append(f"\n### {r.name}\n\n")
        if r.array:
            a = r.array
            o.append(f"- Offset: 0x{r.offset:04X} + q × 0x{a.stride:X}, q = 0..{a.count}-1 "
                     f"(at most {a.max}; C++ `{r.name}(q)`)\n")
        else:
            o.append(f"- Offset: 0x{r.offset:04X}\n")
        o.append(f"- Access: {r.access}\n- Reset: 0x{r.reset:08X}"
                 + (" (param fields: the parameter value)" if r.mask_of("param") else "")
                 + "\n\n")
        o.append(md_esc(r.desc) + "\n\n")
        o.append("| bits | field | access | reset | hardware port | description |\n"
                 "|---|---|---|---|---|---|\n")
        for f in sorted(r.fields, key=lambda f: -f.msb):
            rst = {"param": f"`{f.param}`", "ro": "—", "w1p": "0"}.get(
                f.access, f"0x{f.reset:X}")
            desc = md_esc(f.desc)
            if f.enum:
                desc += " Values: " + ", ".join(f"{ev} = `{en}`" for en, ev in f.enum.items()) + "."
            p = port_name(r, f)
            ps = f"`{p}`" if p else "—"
            o.append(f"| {f.bits} | {f.name} | {f.access} | {rst} | {ps} | {desc} |\n")
    if m.formats:
        o.append(gen_doc_formats(m))
    o.append(f"""
## Hardware ports of `{MODULE}`

Software-writable fields drive `<reg>_<field>_o` (lower case), hardware-driven
read-only fields sample `<reg>_<field>_i`, w1p fields pulse `<reg>_<field>_o`
for one cycle. Per-queue fields are vectors over queues:
`logic [NumQueues-1:0]` for 1-bit fields, `logic [NumQueues-1:0][W-1:0]` for
wider ones. `RESET.SOFT` drives `soft_reset_o`. A hardware-driven 64-bit
counter samples `<name>_i` (`logic [63:0]`; per queue
`logic [NumQueues-1:0][63:0]`), reached through its `_LO` register.

## Editing the map

Edit `{SRC}` (its header describes the schema), run
`python3 scripts/reggen.py`, and commit the TOML together with the four
generated files. CTest `reggen_check` (`python3 scripts/reggen.py --check`)
fails while any generated file is stale. A new per-queue register is a
`[[reg]]` with `array = {{ count = "NumQueues", max = 1024, stride = 0x40 }}` and an
offset inside the first stride; a new 64-bit counter is `kind = "counter64"`
(also per queue, with `array` and `source = "ram"`: it gets a `QCNT_<NAME>` id
and its owner in `vmq_core` answers it on the counter read port); a descriptor format is a
`[[format]]` with `[[format.field]]`s.
""")
    return "".join(o)


def gen_doc_formats(m: RegMap) -> str:
    o = [f"""
## Descriptor formats

Descriptors live in host memory and are little-endian: a descriptor of N
bytes is N/8 64-bit words, word w at byte offset 8·w, bit b of a word in
its byte b/8. Bits are given within the 64-bit word. Constants: C++
`{NAMESPACE}::fmt::<FORMAT>_<FIELD>` (word, lsb, width, mask; `get`/`put`)
and `<FORMAT>_BYTES`; SV `{PKG}::<FORMAT>_<FIELD>_WORD/_LSB/_W` and
`<FORMAT>_BYTES`.
"""]
    for fm in m.formats:
        words = ("words 0 and 1" if fm.words == 2 else
                 "word 0" if fm.words == 1 else f"words 0..{fm.words - 1}")
        o.append(f"\n### {fm.name}\n\n{md_esc(fm.desc)}\n\n"
                 f"In host memory, little-endian: {fm.bytes} bytes = {words} "
                 f"(64 bits each).\n\n"
                 "| word | bits | field | description |\n|---|---|---|---|\n")
        for f in sorted(fm.fields, key=lambda f: (f.word, -f.msb)):
            o.append(f"| {f.word} | {f.bits} | {f.name} | {md_esc(f.desc)} |\n")
    return "".join(o)


# --------------------------------------------------------------------------- board map (constants only)


def validate_board(m: RegMap) -> None:
    """A constants-only map: registers and fields, no CSR-block features."""
    if m.params:
        raise MapError("constants-only map: no [[param]]")
    if m.formats:
        raise MapError("constants-only map: no [[format]]")
    for r in m.regs:
        if r.array or r.counter:
            raise MapError(f"{r.name}: constants-only map: no arrays or counter64")
        for f in r.fields:
            if f.access in ("w1p", "param") or f.role:
                raise MapError(f"{r.name}.{f.name}: constants-only map: no {f.access}/role")
    names = {e for e, _, _ in m.exports()} | {r.name for r in m.regs}
    for ident in ("BOARD_ADDR_W", "BOARD_BASE", "BOARD_UNMAPPED_READ", "ADDR_SPACE_BYTES",
                  "UNMAPPED_READ", "BASE"):
        if ident in names:
            raise MapError(f"identifier {ident} is reserved for the block constants")


def gen_board_pkg(m: RegMap) -> str:
    aw = m.addr_width
    o = [banner("//", BOARD_SRC)]
    o.append("//\n// Register offsets and field positions of the KCU105 board registers\n"
             f"// (docs/board-registers.md): byte addresses within the {1 << aw >> 10} KiB "
             f"BAR0,\n// window 0x{m.base:04X}..0x{(1 << aw) - 1:04X}. Constants only: "
             "fpga_core.sv decodes the\n// registers itself.\n")
    o.append("`resetall\n`default_nettype none\n\n")
    o.append(f"package {BOARD_PKG};\n\n")
    o.append(f"  localparam int unsigned BOARD_ADDR_W = {aw};\n")
    o.append(f"  localparam logic [{aw - 1}:0] BOARD_BASE = {hexw(m.base, aw)};\n")
    o.append(f"  localparam logic [31:0] BOARD_UNMAPPED_READ = {hexw(m.unmapped_read, 32)};\n\n")
    for e, w, v in m.exports():
        o.append(f"  localparam logic [{w - 1}:0] {e} = {hexw(v, w)};\n")
    o.append("\n")
    for r in m.regs:
        o.append(f"  // {r.name} ({r.access}): {first_sentence(r.desc)}\n")
        o.append(f"  localparam logic [{aw - 1}:0] REG_{r.name} = {hexw(r.offset, aw)};\n")
        o.append(f"  localparam logic [31:0] {r.name}_RESET = {hexw(r.reset, 32)};\n")
        o += sv_field_consts(r)
        o.append("\n")
    o.append(f"endpackage : {BOARD_PKG}\n\n`resetall\n")
    return "".join(o)


def gen_board_hpp(m: RegMap) -> str:
    o = [banner("//", BOARD_SRC)]
    o.append(f"""//
// KCU105 board register map (BAR0 0x{m.base:04X}..0x{(1 << m.addr_width) - 1:04X}, served by fpga_core)
// for the host driver and the tests: byte offsets within BAR0, field
// shifts/masks/widths, reset values. Reference: docs/board-registers.md.
// The core's own registers are in vmq_regs.hpp. Dependencies: <cstdint> only.
#pragma once

#include <cstdint>

namespace {BOARD_NAMESPACE} {{

inline constexpr uint32_t BASE = 0x{m.base:04X}u;  // first offset of the board window
inline constexpr uint32_t ADDR_SPACE_BYTES = 0x{1 << m.addr_width:X}u;
inline constexpr uint32_t UNMAPPED_READ = 0x{m.unmapped_read:08X}u;
""")
    for e, _, v in m.exports():
        o.append(f"inline constexpr uint32_t {e} = 0x{v:X}u;\n")
    o.append("\n")
    for r in m.regs:
        o.append(f"// {r.name} ({r.access}): {first_sentence(r.desc)}\n")
        o.append(f"inline constexpr uint32_t {r.name} = 0x{r.offset:04X}u;\n")
        o.append(f"inline constexpr uint32_t {r.name}_RESET = 0x{r.reset:08X}u;\n")
        o += hpp_field_consts(r)
        o.append("\n")
    o.append("""// Table of every board register, for generic code (register dumps, tests).
enum class Access : uint8_t { RO, W1C };
struct RegInfo {
  const char* name;
  uint32_t offset;
  Access access;
  uint32_t reset;       // reset value of const bits
  uint32_t hw_mask;     // hardware-driven read-only bits
  uint32_t const_mask;  // constant bits
  uint32_t w1c_mask;    // write-1-to-clear bits (read the hardware value)
};
inline constexpr RegInfo REG_TABLE[] = {
""")
    for r in m.regs:
        if r.access not in ("ro", "w1c"):
            raise MapError(f"{r.name}: the board header knows access ro and w1c only")
        o.append(f'    {{"{r.name}", 0x{r.offset:04X}u, Access::{r.access.upper()}, '
                 f"0x{r.reset:08X}u, 0x{r.mask_of('ro'):08X}u, "
                 f"0x{r.mask_of('const'):08X}u, 0x{r.mask_of('w1c'):08X}u}},\n")
    o.append(f"}};\n\n}}  // namespace {BOARD_NAMESPACE}\n")
    return "".join(o)


def gen_board_doc(m: RegMap) -> str:
    aw = m.addr_width
    bl = banner_lines(BOARD_SRC)
    o = [f"<!-- {bl[0]} -->\n<!-- {bl[1]} -->\n\n"]
    o.append(f"""# KCU105 board register reference

{md_esc(m.desc)}

Byte addresses within BAR0; every register is one 32-bit word. Offsets,
field positions and reset values come from `{BOARD_SRC}`; the C++ header
`{BOARD_OUT_HPP}` (namespace `{BOARD_NAMESPACE}`) and the SV package
`{BOARD_OUT_PKG}` (`{BOARD_PKG}`, which `fpga_core.sv` decodes with) carry
the same names. The generator emits constants only: the decode logic
is written by hand in `fpga_core.sv` (docs/fpga.md, "fpga_core").

## Access rules

- Every access gets response OKAY, always.
- An offset of the window 0x{m.base:04X}..0x{(1 << aw) - 1:04X} that is not a
  register below reads 0x{m.unmapped_read:08X}; writes to it are ignored.
  Writes to read-only registers are ignored.
- The BAR0 bridge (`vmq_axi_to_axil`) turns every host access into aligned
  32-bit word accesses, so an unaligned address acts on its aligned word.
- `WSTRB` is honoured byte-wise: a w1c bit clears only when the strobe of its
  byte is set and the bit is written 1.
- Counters are 32 bits and wrap. Counters of another clock domain reach the
  core clock through `vmq_cdc_snapshot`: the counters of one domain form one
  coherent snapshot, refreshed continuously and a few cycles old; counters of
  two domains are two snapshots.

Access codes: **ro** read-only, driven by hardware; **const** read-only
constant; **w1c** reads the hardware value, writing 1 to a bit clears it
(0 leaves it).

## Address map

| offset | register | access | reset | description |
|---|---|---|---|---|
""")
    for r in m.regs:
        o.append(f"| 0x{r.offset:04X} | [{r.name}](#{r.name.lower()}) | {r.access} | "
                 f"0x{r.reset:08X} | {md_esc(first_sentence(r.desc))} |\n")
    o.append(f"\nEvery other offset from 0x{m.base:04X} to 0x{(1 << aw) - 1:04X} is unmapped.\n"
             "\n## Registers\n")
    for r in m.regs:
        o.append(f"\n### {r.name}\n\n- Offset: 0x{r.offset:04X}\n- Access: {r.access}\n"
                 f"- Reset: 0x{r.reset:08X}\n\n{md_esc(r.desc)}\n\n")
        o.append("| bits | field | access | reset | description |\n|---|---|---|---|---|\n")
        for f in sorted(r.fields, key=lambda f: -f.msb):
            rst = "—" if f.access in ("ro", "w1c") else f"0x{f.reset:X}"
            desc = md_esc(f.desc)
            if f.enum:
                desc += " Values: " + ", ".join(f"{ev} = `{en}`" for en, ev in f.enum.items()) + "."
            o.append(f"| {f.bits} | {f.name} | {f.access} | {rst} | {desc} |\n")
        rsv = 0xFFFFFFFF & ~sum(f.mask for f in r.fields)
        if rsv:
            o.append(f"\nOther bits (mask 0x{rsv:08X}) read 0.\n")
    o.append(f"""
## Editing the map

Edit `{BOARD_SRC}` (its header describes the schema), run
`python3 scripts/reggen.py`, and commit the TOML together with the three
generated files. CTest `reggen_check` (`python3 scripts/reggen.py --check`)
fails while any generated file is stale. The decode in `fpga_core.sv` uses
the package's `REG_<NAME>` offsets, so a moved register moves in the RTL too;
a new register or field also needs its line in `fpga_core.sv`'s decode.
""")
    return "".join(o)


# --------------------------------------------------------------------------- main


def generate(m: RegMap) -> dict[str, str]:
    validate_csr(m)
    return {OUT_PKG: gen_pkg(m), OUT_CSR: gen_csr(m), OUT_HPP: gen_hpp(m), OUT_DOC: gen_doc(m)}


def validate_csr(m: RegMap) -> None:
    """What the generated CSR block cannot do."""
    if m.base:
        raise MapError("[block].base is for constants-only maps")
    for r in m.regs:
        if r.access == "w1c":
            raise MapError(f"{r.name}: w1c is for constants-only maps (no CSR block support)")


def generate_board(m: RegMap) -> dict[str, str]:
    validate_board(m)
    return {BOARD_OUT_PKG: gen_board_pkg(m), BOARD_OUT_HPP: gen_board_hpp(m),
            BOARD_OUT_DOC: gen_board_doc(m)}


# (source, generator): every map reggen knows, in output order.
MAPS = [(SRC, generate), (BOARD_SRC, generate_board)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="exit 1 (with a diff) if a checked-in output is stale")
    ap.add_argument("--root", type=Path, default=ROOT, help="repository root")
    args = ap.parse_args()
    outs: dict[str, str] = {}
    for src, gen in MAPS:
        try:
            outs.update(gen(parse(args.root / src)))
        except (MapError, tomllib.TOMLDecodeError, KeyError, ValueError) as e:
            print(f"reggen: {src}: {e}", file=sys.stderr)
            return 2
    if not args.check:
        for rel, text in outs.items():
            p = args.root / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            if not p.exists() or p.read_text() != text:
                p.write_text(text)
                print(f"reggen: wrote {rel}")
        return 0
    stale = []
    with tempfile.TemporaryDirectory(prefix="reggen-") as tmp:
        for rel, text in outs.items():
            (Path(tmp) / rel).parent.mkdir(parents=True, exist_ok=True)
            (Path(tmp) / rel).write_text(text)
            cur = args.root / rel
            have = cur.read_text() if cur.exists() else ""
            want = (Path(tmp) / rel).read_text()
            if have != want:
                stale.append(rel)
                sys.stdout.writelines(difflib.unified_diff(
                    have.splitlines(keepends=True), want.splitlines(keepends=True),
                    f"a/{rel}", f"b/{rel} (regenerated)"))
    if stale:
        print("reggen --check: stale generated files (run python3 scripts/reggen.py):")
        for s in stale:
            print(f"  {s}")
        return 1
    print(f"reggen --check: {len(outs)} generated files up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
