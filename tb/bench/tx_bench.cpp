// Transmit-path benchmark of vmq_core (issue 4): 4 backlogged queues (round
// robin), one frame size per row, the MAC sink taking frames at line rate
// (10 GbE with DataW 64, 25 GbE with DataW 128; core clock 250 MHz; a frame
// of L bytes occupies L + 24 bytes of wire time). Reported per row: wire
// utilisation against line rate, delivered Gb/s (frame bytes without FCS,
// preamble and gap), Mpps, cycles per frame against the wire budget, and each
// queue's share. Every frame is still checked against the reference model
// (tb/common/tx_harness.hpp). Exit code 0: every row >= 99 % of line rate;
// 1: some row short (a figure, not a failure); other: a check failed.
// Then the DRR shares: four queues with frames of different sizes under packet
// round-robin and DRR with three weight sets (--drr 0 leaves them out).
// Usage: tx_bench [--seed N] [--frames N] [--json FILE] [--sizes 60,64,...] [--drr 0|1]
#include VMQ_MODEL_HEADER

#include <algorithm>
#include <chrono>
#include <cmath>
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
  std::vector<uint64_t> qframes, qbytes;  // per queue, in the window
  uint64_t frames = 0;
};

// What the four backlogged queues send and how they are served: one frame
// size per queue, packet round-robin or DRR with per-queue weights
// (quantum = weight x 64 bytes, Q_TX_WEIGHT).
struct Mix {
  std::vector<unsigned> size;   // per queue
  std::vector<uint16_t> weight; // per queue, DRR only
  bool drr = false;
};

Row run_mix(const Args& args, const Mix& mix, uint64_t frames);

Row run_size(const Args& args, unsigned size, uint64_t frames) {
  return run_mix(args, Mix{{size, size, size, size}, {}, false}, frames);
}

// DRR shares: byte shares of the wire (frame bytes, no FCS/preamble/gap, the
// bytes DRR counts) against the weights, with very different frame sizes
// per queue, where packet round-robin gives packet shares instead.
struct DrrRow {
  std::string name;
  Mix mix;
  std::vector<double> target, bytes, frames;  // shares, sum 1
  double util = 0;
};

DrrRow run_drr(const Args& args, std::string name, const Mix& mix, uint64_t frames);

Row run_mix(const Args& args, const Mix& mix, uint64_t frames) {
  const unsigned size = *std::max_element(mix.size.begin(), mix.size.end());
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
  s.program_global(mix.drr);
  const std::vector<unsigned> act{0, 1, 2, 3};
  for (unsigned q : act) {
    if (mix.drr) s.txc.queues[q].weight = mix.weight[q];
    s.setup_queue(q, 10);
  }
  const uint64_t warm = 64;
  bool started = false;
  const auto t0 = std::chrono::steady_clock::now();
  const uint64_t c0 = s.cycle();
  while (s.served.size() < warm + frames) {
    for (unsigned q : act) {
      bool any = false;
      while (s.qs[q].pend.size() < 64 && s.post(q, s.make(q, mix.size[q]), 1, false)) any = true;
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
  uint64_t n = 0, bytes = 0;
  for (unsigned q : act) {
    const uint64_t nq = s.qs[q].win_wire_bytes / (mix.size[q] + 24);
    n += nq;
    bytes += nq * mix.size[q];
    r.qframes.push_back(nq);
    r.qbytes.push_back(nq * mix.size[q]);
  }
  r.frames = n;
  const double cycles = double(s.win_end - s.win_start);
  r.gbps = double(bytes) * 8 / (cycles * 4.0);
  r.mpps = double(n) / (cycles * 4.0) * 1e3;
  r.cyc_per_frame = cycles / double(n);
  r.budget = (size + 24) * s.cycles_per_byte();
  for (unsigned q : act) r.share.push_back(s.utilisation(int(q)) / std::max(1e-9, r.util));
  r.mcps = double(s.cycle() - c0) / secs / 1e6;
  s.drain();
  s.check_counters();
  return r;
}

DrrRow run_drr(const Args& args, std::string name, const Mix& mix, uint64_t frames) {
  const Row r = run_mix(args, mix, frames);
  DrrRow d;
  d.name = std::move(name);
  d.mix = mix;
  d.util = r.util;
  uint64_t tb = 0, tf = 0, tw = 0;
  for (unsigned q = 0; q < 4; ++q) {
    tb += r.qbytes[q];
    tf += r.qframes[q];
    tw += mix.drr ? std::max<uint16_t>(1, mix.weight[q]) : 1;
  }
  for (unsigned q = 0; q < 4; ++q) {
    d.bytes.push_back(double(r.qbytes[q]) / double(std::max<uint64_t>(1, tb)));
    d.frames.push_back(double(r.qframes[q]) / double(std::max<uint64_t>(1, tf)));
    // packet round-robin promises equal frame shares, DRR byte shares by weight
    d.target.push_back(mix.drr ? double(std::max<uint16_t>(1, mix.weight[q])) / double(tw) : 0.25);
  }
  return d;
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
  // DRR shares (docs/bench/tx.md): frames of 64, 512, 1514 and 9000 bytes on
  // queues 0..3, all backlogged
  std::vector<DrrRow> drr;
  if (args.get("drr", 1)) {
    const std::vector<unsigned> mixed{64, 512, 1514, 9000};
    fmt::print("\nShares of 4 backlogged queues sending {}-byte frames (queue 0..3): packet round-robin "
               "gives each queue\nthe same frames, DRR gives it its weight's part of the bytes "
               "(quantum = weight x 64 bytes)\n",
               fmt::format("{}/{}/{}/{}", mixed[0], mixed[1], mixed[2], mixed[3]));
    fmt::print("{:<24} {:>7}  {:<25} {:<25} {:<25} {:>9}\n", "arbitration", "% line",
               "target share (%)", "byte share (%)", "frame share (%)", "max dev");
    try {
      drr.push_back(run_drr(args, "round-robin", Mix{mixed, {}, false}, 2 * frames));
      drr.push_back(run_drr(args, "DRR 24:24:24:24", Mix{mixed, {24, 24, 24, 24}, true}, 2 * frames));
      drr.push_back(run_drr(args, "DRR 24:48:72:96", Mix{mixed, {24, 48, 72, 96}, true}, 2 * frames));
      drr.push_back(run_drr(args, "DRR 96:72:48:24", Mix{mixed, {96, 72, 48, 24}, true}, 2 * frames));
    } catch (const std::exception& e) {
      fmt::print(stderr, "tx_bench: check failed: {}\n", e.what());
      return 2;
    }
    for (const DrrRow& d : drr) {
      auto pct = [](const std::vector<double>& v) {
        std::string t;
        for (double x : v) t += fmt::format("{:5.1f} ", 100 * x);
        return t;
      };
      // deviation of what the arbitration promises: frames for RR, bytes for DRR
      const std::vector<double>& got = d.mix.drr ? d.bytes : d.frames;
      double dev = 0;
      for (unsigned q = 0; q < 4; ++q) dev = std::max(dev, std::abs(got[q] - d.target[q]));
      fmt::print("{:<24} {:>6.1f}%  {:<25} {:<25} {:<25} {:>8.2f}%\n", d.name, 100 * d.util, pct(d.target),
                 pct(d.bytes), pct(d.frames), 100 * dev);
    }
    std::fflush(stdout);
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
    for (const DrrRow& d : drr) {
      auto arr = [](const std::vector<double>& v) {
        vmq::tb::ojson a = vmq::tb::ojson::array();
        for (double x : v) a.push_back(vmq::tb::r(x, 4));
        return a;
      };
      vmq::tb::ojson w = vmq::tb::ojson::array();
      for (uint16_t x : d.mix.weight) w.push_back(x);
      out.push_back({{"data_w", VMQ_PARAM_DataW},
                     {"axi_data_w", VMQ_PARAM_AxiDataW},
                     {"line_gbps", kGbps},
                     {"mode", d.mix.drr ? "drr" : "rr"},
                     {"name", d.name},
                     {"queue_frame_bytes", d.mix.size},
                     {"weights", w},
                     {"line_rate_pct", vmq::tb::r(100 * d.util, 2)},
                     {"target_share", arr(d.target)},
                     {"byte_share", arr(d.bytes)},
                     {"frame_share", arr(d.frames)}});
    }
    if (!vmq::tb::write_rows(it->second, out)) {
      fmt::print(stderr, "tx_bench: cannot write {}\n", it->second);
      return 2;
    }
  }
  return short_row ? 1 : 0;
}
