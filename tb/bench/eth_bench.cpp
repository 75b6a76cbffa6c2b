// Line rate of the 10 GbE path: vmq_mac_10g + vmq_pcs_10gbaser looped
// through a modelled serial link (eth_link_top.sv). For each frame size,
// back-to-back frames (the AXI4-Stream source never idles) from TX to RX:
// frames lost, frames with errors, cycles per frame against the ideal
// (frame + FCS + 8 preamble + 12 average gap) / 8 bytes per 156.25 MHz
// cycle, and the data rate. Every received frame is compared byte by byte.
//
//   eth_bench [--seed N] [--frames N] [--check 1] [--json FILE]
// --check 1: exit 1 unless every size lost nothing and ran within 0.1 % of
// line rate (the CTest case eth_linerate runs the minimum size this way).
#include VMQ_MODEL_HEADER

#include <fmt/core.h>

#include <cmath>
#include <deque>
#include <fstream>
#include <vector>

#include "json_out.hpp"
#include "vmq_tb.hpp"

using namespace vmq::tb;

namespace {

struct Row {
  unsigned size;
  uint64_t sent, received, bad, lost;
  double cycles_per_frame, ideal, gbps, line_pct;
};

}  // namespace

int main(int argc, char** argv) {
  Verilated::commandArgs(argc, argv);
  Args args(argc, argv, VMQ_TEST_NAME);
  const uint64_t frames = args.get("frames", 20000);
  const bool check = args.get("check", 0) != 0;
  std::vector<unsigned> sizes;
  for (uint64_t b : args.get_list("sizes", {60, 64, 128, 256, 512, 1024, 1514, 9000})) {
    if (b < 1 || b > 16383) {
      fmt::print(stderr, "eth_bench: --sizes {}: frame sizes are 1..16383 bytes (the MAC's range)\n", b);
      return 2;
    }
    sizes.push_back(unsigned(b));
  }
  Rng rng(args.seed);
  Clocked<VMQ_MODEL> clk(args, "eth");
  auto& d = clk.dut();
  d.s_tvalid_i = 0;
  clk.reset(8);
  // Link up first (block lock on the modelled offset).
  uint64_t lock_cycles = 0;
  while (!d.link_up_o) {
    clk.settle();
    clk.edge();
    if (++lock_cycles > 200000) {
      fmt::print(stderr, "FAIL: no link after {} cycles\n", lock_cycles);
      return 2;
    }
  }
  fmt::print("10 GbE MAC + PCS loop through a modelled link (bit offset 29, slip): link up after {} "
             "cycles\n",
             lock_cycles);
  fmt::print("{:>6} {:>8} {:>8} {:>5} {:>5} {:>11} {:>8} {:>8} {:>7}\n", "bytes", "sent", "recvd", "bad",
             "lost", "cycles/frm", "ideal", "Gb/s", "line%");
  std::vector<Row> rows;
  bool ok = true;
  for (unsigned size : sizes) {
    // frames to send, expected at RX in order
    std::deque<std::vector<uint8_t>> exp;
    uint64_t sent = 0, received = 0, bad = 0, sent_beat = 0;
    std::vector<uint8_t> cur, got;
    uint64_t first_rx = 0, last_rx = 0, rx_in_window = 0;
    const uint64_t warm = frames / 10;  // steady state: frames after this many
    auto next_frame = [&] {
      cur.resize(size);
      for (auto& b : cur) b = uint8_t(rng.u64());
      cur[0] = 0x02;  // unicast
      for (int k = 0; k < 4; ++k) cur[12 + std::size_t(k)] = uint8_t(sent >> (8 * k));
      sent_beat = 0;
    };
    next_frame();
    const uint64_t t0 = clk.cycle();
    while (received < frames) {
      const uint64_t nbeats = (size + 7) / 8;
      if (sent < frames) {
        d.s_tvalid_i = 1;
        d.s_tdata_i = 0;
        unsigned keep = 0;
        for (unsigned i = 0; i < 8; ++i) {
          const uint64_t at = sent_beat * 8 + i;
          if (at < size) {
            set_byte(d.s_tdata_i, i, cur[at]);
            keep |= 1u << i;
          }
        }
        d.s_tkeep_i = uint8_t(keep);
        d.s_tlast_i = sent_beat + 1 == nbeats;
      } else {
        d.s_tvalid_i = 0;
      }
      clk.settle();
      const bool take = d.s_tvalid_i && d.s_tready_o;
      if (d.m_tvalid_o) {
        for (unsigned i = 0; i < 8; ++i)
          if ((d.m_tkeep_o >> i) & 1) got.push_back(get_byte(d.m_tdata_o, i));
        if (d.m_tlast_o) {
          if (exp.empty()) {
            fmt::print(stderr, "FAIL size {}: cycle {}: a frame arrived that was never sent\n", size,
                       clk.cycle());
            return 2;
          }
          if (d.m_tuser_o || got != exp.front()) ++bad;
          exp.pop_front();
          got.clear();
          ++received;
          if (received == warm) first_rx = clk.cycle();
          if (received > warm) {
            last_rx = clk.cycle();
            ++rx_in_window;
          }
        }
      }
      clk.edge();
      if (take) {
        if (++sent_beat == nbeats) {
          exp.push_back(cur);
          ++sent;
          next_frame();
        }
      }
      if (clk.cycle() - t0 > frames * (size / 8 + 40) + 100000) break;  // frames were lost
    }
    d.s_tvalid_i = 0;
    for (int i = 0; i < 200; ++i) {  // let the pipeline empty between sizes
      clk.settle();
      clk.edge();
    }
    Row r;
    r.size = size;
    r.sent = sent;
    r.received = received;
    r.bad = bad;
    r.lost = sent - received;
    r.cycles_per_frame = rx_in_window ? double(last_rx - first_rx) / double(rx_in_window) : 0;
    r.ideal = double(std::max(size, 60u) + 4 + 8 + 12) / 8.0;
    r.gbps = r.cycles_per_frame > 0 ? double(size) * 8 * 156.25e6 / r.cycles_per_frame / 1e9 : 0;
    r.line_pct = r.cycles_per_frame > 0 ? 100.0 * r.ideal / r.cycles_per_frame : 0;
    rows.push_back(r);
    fmt::print("{:6} {:8} {:8} {:5} {:5} {:11.4f} {:8.3f} {:8.3f} {:6.2f}%\n", size, sent, received, bad,
               r.lost, r.cycles_per_frame, r.ideal, r.gbps, r.line_pct);
    if (r.lost || r.bad || std::fabs(r.line_pct - 100.0) > 0.1) ok = false;
  }
  fmt::print("MAC TX underruns {}, RX FCS errors {}, RX code errors {}, PCS error blocks {}\n",
             d.tx_underruns_o, d.rx_fcs_errors_o, d.rx_code_errors_o, d.rx_err_blocks_o);
  if (d.tx_underruns_o || d.rx_fcs_errors_o || d.rx_code_errors_o || d.rx_err_blocks_o) ok = false;
  if (args.kv.count("json")) {
    vmq::tb::ojson rj = vmq::tb::ojson::array();
    for (const Row& r : rows)
      rj.push_back({{"bytes", r.size},
                    {"sent", r.sent},
                    {"received", r.received},
                    {"bad", r.bad},
                    {"lost", r.lost},
                    {"cycles_per_frame", vmq::tb::r(r.cycles_per_frame, 5)},
                    {"ideal", vmq::tb::r(r.ideal, 3)},
                    {"gbps", vmq::tb::r(r.gbps, 4)},
                    {"line_pct", vmq::tb::r(r.line_pct, 3)}});
    std::ofstream j(args.kv.at("json"));
    j << vmq::tb::ojson{{"lock_cycles", lock_cycles}, {"rows", rj}}.dump() << "\n";
    if (!j) {
      fmt::print(stderr, "eth_bench: cannot write {}\n", args.kv.at("json"));
      return 2;
    }
  }
  fmt::print("{}\n", ok ? "every size at line rate, nothing lost" : "SHORT of line rate or frames lost");
  return check && !ok ? 1 : 0;
}
