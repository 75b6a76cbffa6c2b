#!/usr/bin/env python3
"""Rules of scripts/timing_check.py's depth analysis on hand-made netlists
(no Yosys: each rule of docs/timing.md "What it measures" on the smallest
netlist that shows it). The Yosys-built controls of the default run
(fpga/synth/timing_controls/) check the same rules on real synthesis."""
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "scripts"))
import timing_check as tc  # noqa: E402

IN, OUT = "input", "output"


class Net:
    """A flat module under construction: cells(type, pins{name: (dir, [bits])})."""

    def __init__(self):
        self.cells, self.ports, self.names, self.n = {}, {}, {}, 10

    def bit(self, name=None):
        self.n += 1
        if name:
            self.names[name] = {"hide_name": 0, "bits": [self.n]}
        return self.n

    def port(self, name, direction):
        b = self.bit()
        self.ports[name] = {"direction": direction, "bits": [b]}
        return b

    def cell(self, name, ctype, params=None, **pins):
        self.cells[name] = {
            "type": ctype, "parameters": params or {},
            "port_directions": {p: d for p, (d, _) in pins.items()},
            "connections": {p: bits if isinstance(bits, list) else [bits] for p, (_, bits) in pins.items()},
        }

    def ff(self, name, d, clk):
        q = self.bit(name)
        self.cell("ff_" + name, "FDRE", C=(IN, clk), D=(IN, d), CE=(IN, "1"), R=(IN, "0"), Q=(OUT, q))
        return q

    def lut(self, name, *ins):
        o = self.bit()
        self.cell(name, f"LUT{len(ins)}", **{f"I{i}": (IN, b) for i, b in enumerate(ins)}, O=(OUT, o))
        return o

    def json(self):
        return {"modules": {"t": {"ports": self.ports, "cells": self.cells, "netnames": self.names}}}


def analyse(n):
    return tc.analyse(n.json(), "t")


class Rules(unittest.TestCase):
    def test_lut_chain_counts_one_per_lut(self):
        n = Net()
        clk = n.port("clk", IN)
        x = n.ff("a_q", n.port("d", IN), clk)
        for i in range(5):
            x = n.lut(f"l{i}", x)
        n.ff("b_q", x, clk)
        r = analyse(n)
        self.assertEqual(r["max"], 5)
        self.assertEqual(r["worst"][0]["group"], "b_q")

    def test_carry_counts_a_quarter(self):
        n = Net()
        clk = n.port("clk", IN)
        x = n.ff("a_q", n.port("d", IN), clk)
        for i in range(8):
            o = n.bit()
            n.cell(f"c{i}", "CARRY8", CI=(IN, x), S=(IN, [x]), CO=(OUT, [o]))
            x = o
        n.ff("b_q", x, clk)
        self.assertEqual(analyse(n)["max"], 2.0)

    def test_lutram_read_is_one_from_its_address(self):
        n = Net()
        clk = n.port("clk", IN)
        a = n.lut("addr_logic", n.ff("a_q", n.port("d", IN), clk))
        data_in = n.lut("data_logic", n.lut("data_logic0", n.ff("w_q", n.port("w", IN), clk)))
        o = n.bit()
        n.cell("ram", "RAM64X1D", WCLK=(IN, clk), D=(IN, data_in), WE=(IN, "1"), A0=(IN, a),
               DPRA0=(IN, a), SPO=(OUT, o), DPO=(OUT, n.bit()))
        n.ff("b_q", o, clk)
        r = analyse(n)
        groups = {w["group"]: w["max"] for w in r["worst"]}
        self.assertEqual(groups["b_q"], 2)   # address LUT 1 + RAM read 1
        self.assertEqual(groups["ram"], 2)   # the write side is an endpoint: data 2 levels

    def test_block_ram_output_register(self):
        for reg, want in ((0, 3), (1, 1)):
            n = Net()
            clk = n.port("clk", IN)
            o = n.bit()
            n.cell("bram", "RAMB36E2", {"DOA_REG": reg, "DOB_REG": reg}, CLKARDCLK=(IN, clk),
                   ADDRARDADDR=(IN, n.port("a", IN)), DOUTADOUT=(OUT, o))
            n.ff("b_q", n.lut("use", o), clk)
            self.assertEqual(analyse(n)["max"], want, f"DOA_REG={reg}")

    def test_unregistered_dsp_adds_four(self):
        for preg, want in ((0, 5), (1, 1)):
            n = Net()
            clk = n.port("clk", IN)
            o = n.bit()
            n.cell("dsp", "DSP48E2", {"PREG": preg}, CLK=(IN, clk), A=(IN, n.ff("a_q", n.port("d", IN), clk)),
                   P=(OUT, o))
            n.ff("b_q", n.lut("use", o), clk)
            self.assertEqual(analyse(n)["max"], want, f"PREG={preg}")

    def test_paths_between_clock_domains_are_not_counted(self):
        n = Net()
        ca, cb = n.port("clk_a", IN), n.port("clk_b", IN)
        x = n.ff("a_q", n.port("d", IN), ca)
        for i in range(12):
            x = n.lut(f"l{i}", x)
        n.ff("b_q", x, cb)              # crossing: not counted
        n.ff("c_q", n.lut("m", x), ca)  # same domain: 13 levels
        r = analyse(n)
        groups = {w["group"]: w["max"] for w in r["worst"]}
        self.assertNotIn("b_q", groups)
        self.assertEqual(groups["c_q"], 13)
        self.assertEqual(r["clock_domains"], 2)

    def test_lutram_read_follows_its_address_domain(self):
        # written on clk_w, read with an address registered on clk_r into a
        # clk_r register: a same-domain path through the RAM, counted
        n = Net()
        cw, cr = n.port("clk_w", IN), n.port("clk_r", IN)
        w = n.ff("w_q", n.port("d", IN), cw)
        a = n.lut("addr_logic", n.ff("ra_q", n.port("a", IN), cr))
        o = n.bit()
        n.cell("ram", "RAM64X1D", WCLK=(IN, cw), D=(IN, w), WE=(IN, "1"), A0=(IN, w), DPRA0=(IN, a),
               SPO=(OUT, n.bit()), DPO=(OUT, o))
        n.ff("rd_q", n.lut("use", o), cr)
        groups = {g["group"]: g["max"] for g in analyse(n)["worst"]}
        self.assertEqual(groups["rd_q"], 3)  # address LUT 1 + RAM read 1 + LUT 1

    def test_fanout_over_64_adds_one(self):
        n = Net()
        clk = n.port("clk", IN)
        x = n.lut("en", n.ff("a_q", n.port("d", IN), clk))
        for i in range(65):
            n.ff(f"o{i}_q", x, clk)
        self.assertEqual(analyse(n)["max"], 2)
        self.assertEqual(tc.analyse(n.json(), "t", fanout_limit=1000)["max"], 1)

    def test_flip_flop_array_of_1_kbit_is_reported(self):
        n = Net()
        clk = n.port("clk", IN)
        d = n.port("d", IN)
        for q in range(16):
            for b in range(64):
                n.ff(f"gen_q[{q}].base_q[{b}]", d, clk)
        r = analyse(n)
        self.assertEqual(r["ff_arrays"], [{"group": "gen_q[*].base_q", "bits": 1024}])


if __name__ == "__main__":
    unittest.main(verbosity=2)
