// Transmit-path benchmark of vmq_core (issue 4): 4 backlogged queues (round
// robin), one frame size per row, the MAC sink taking frames at line rate
// (10 GbE with DataW 64, 25 GbE with DataW 128; core clock 250 MHz; a frame
// of L bytes occupies L + 24 bytes of wire time). Reported per row: wire
// utilisation against line rate, delivered Gb/s (frame bytes without FCS,
// preamble and gap), Mpps, cycles per frame against the wire budget, and each
// queue's share. Every frame is still checked against the reference model
// (tb/common/tx_harness.hpp). Exit code 0: every row >= 99 % of line rate;
// 1: some row short (a figure, not a failure); other: a check failed.
// Usage: tx_bench [--seed N] [--frames N] [--json FILE] [--sizes 60,64,...]
#include VMQ_MODEL_HEADER

#include <chrono>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "json_out.hpp"
#include "tx_harness.hpp"

#ifndef VMQ_PARAM_DataW
#define VMQ_PARAM_DataW 64
#endif
#ifndef VMQ_PARAM_AxiDataW
#define VMQ_PARAM_AxiDataW 128
#endif
#ifndef VMQ_PARAM_NumQueues
#define VMQ_PARAM_NumQueues 16
#endif

using namespace vmq;
using namespace vmq::tb;
using Dut = VMQ_MODEL;

namespace {
constexpr unsigned kDB = VMQ_PARAM_DataW / 8;
constexpr double kGbps = kDB >= 16 ? 25.0 : 10.0;

struct Row {
  unsigned size = 0;
  double util = 0, gbps = 0, mpps = 0, cyc_per_frame = 0, budget = 0, mcps = 0;
  std::vector<double> share;
  uint64_t frames = 0;
};

Row run_size(const Args& args, unsigned size, uint64_t frames) {
  TxSys<Dut>::Opt o;
  o.num_queues = VMQ_PARAM_NumQueues;
  o.data_bytes = kDB;
  o.line_gbps = kGbps;
  TxSys<Dut> s(args, args.seed + size, "tx_bench", o);
  // host memory as in the receive benchmark: 1 us reads, 400 ns write
  // responses, no random stalls or jitter (the core is measured, not the model)
  AxiMemConfig& mc = s.mem.config();
  mc.p_aw_stall = mc.p_w_stall = mc.p_ar_stall = mc.p_b_delay = mc.p_r_delay = 0;
  mc.read_latency = 250;
  mc.read_jitter = 0;
  mc.write_latency = 100;
  mc.write_jitter = 0;
  s.rxc.max_frame = uint16_t(std::max<unsigned>(1518, size + 4));
  s.align_any = false;  // buffers 64-byte aligned, as a driver allocates them
  s.program_global(false);
  const std::vector<unsigned> act{0, 1, 2, 3};
  for (unsigned q : act) s.setup_queue(q, 10);
  const uint64_t warm = 64;
  bool started = false;
  const auto t0 = std::chrono::steady_clock::now();
  const uint64_t c0 = s.cycle();
  while (s.served.size() < warm + frames) {
    for (unsigned q : act) {
      bool any = false;
      while (s.qs[q].pend.size() < 64 && s.post(q, s.make(q, size), 1, false)) any = true;
      if (any) s.ring(q);
    }
    s.idle(8);
    if (!started && s.served.size() >= warm) {
      started = true;
      s.start_window();
    }
  }
  s.stop_window();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  Row r;
  r.size = size;
  r.util = s.utilisation();
  uint64_t n = 0;
  for (unsigned q : act) n += s.qs[q].win_wire_bytes / (size + 24);
  r.frames = n;
  const double cycles = double(s.win_end - s.win_start);
  r.gbps = double(n) * size * 8 / (cycles * 4.0);
  r.mpps = double(n) / (cycles * 4.0) * 1e3;
  r.cyc_per_frame = cycles / double(n);
  r.budget = (size + 24) * s.cycles_per_byte();
  for (unsigned q : act) r.share.push_back(s.utilisation(int(q)) / std::max(1e-9, r.util));
  r.mcps = double(s.cycle() - c0) / secs / 1e6;
  s.drain();
  s.check_counters();
  return r;
}
}  // namespace

int main(int argc, char** argv) {
  Verilated::commandArgs(argc, argv);
  Args args(argc, argv, VMQ_TEST_NAME);
  const uint64_t frames = args.get("frames", 2000);
  std::vector<unsigned> sizes{60, 64, 128, 256, 512, 1024, 1514, 9000};
  if (auto it = args.kv.find("sizes"); it != args.kv.end()) {
    sizes.clear();
    std::stringstream ss(it->second);
    for (std::string t; std::getline(ss, t, ',');) sizes.push_back(unsigned(std::stoul(t)));
  }
  fmt::print("vmq_core transmit: DataW {}, AxiDataW {}, {} GbE line rate, 4 backlogged queues "
             "(round robin), 1 us host read latency\n",
             VMQ_PARAM_DataW, VMQ_PARAM_AxiDataW, kGbps);
  fmt::print("{:>6} {:>8} {:>9} {:>7} {:>13} {:>8}  {:<27} {:>8}\n", "bytes", "% line", "Gb/s",
             "Mpps", "cyc/frame", "budget", "queue shares (% of sent)", "Mcyc/s");
  std::vector<Row> rows;
  bool short_row = false;
  try {
    for (unsigned sz : sizes) {
      const uint64_t nf = sz >= 9000 ? std::max<uint64_t>(200, frames / 8) : frames;
      Row r = run_size(args, sz, nf);
      std::string sh;
      for (double x : r.share) sh += fmt::format("{:5.1f} ", 100 * x);
      fmt::print("{:>6} {:>7.1f}% {:>9.2f} {:>7.3f} {:>13.2f} {:>8.2f}  {:<27} {:>8.3f}\n", r.size,
                 100 * r.util, r.gbps, r.mpps, r.cyc_per_frame, r.budget, sh, r.mcps);
      std::fflush(stdout);
      if (r.util < 0.99) short_row = true;
      rows.push_back(r);
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "tx_bench: check failed: {}\n", e.what());
    return 2;
  }
  if (auto it = args.kv.find("json"); it != args.kv.end()) {
    vmq::tb::ojson out = vmq::tb::ojson::array();
    for (const Row& r : rows) {
      vmq::tb::ojson sh = vmq::tb::ojson::array();
      for (double x : r.share) sh.push_back(vmq::tb::r(x, 4));
      out.push_back({{"data_w", VMQ_PARAM_DataW},
                     {"axi_data_w", VMQ_PARAM_AxiDataW},
                     {"line_gbps", kGbps},
                     {"frame_bytes", r.size},
                     {"line_rate_pct", vmq::tb::r(100 * r.util, 2)},
                     {"gbps", vmq::tb::r(r.gbps, 3)},
                     {"mpps", vmq::tb::r(r.mpps, 4)},
                     {"cycles_per_frame", vmq::tb::r(r.cyc_per_frame, 3)},
                     {"budget_cycles", vmq::tb::r(r.budget, 3)},
                     {"queue_share", sh},
                     {"frames", r.frames}});
    }
    if (!vmq::tb::write_rows(it->second, out)) {
      fmt::print(stderr, "tx_bench: cannot write {}\n", it->second);
      return 2;
    }
  }
  return short_row ? 1 : 0;
}
