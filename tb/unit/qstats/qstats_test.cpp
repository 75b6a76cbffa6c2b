// Constrained-random test of vmq_qstats (rtl/csr/vmq_qstats.sv): per-queue
// 64-bit counters in RAM with a read-modify-write pipeline.
//
// Events: random queues with runs of back-to-back events for one queue (the
// forwarding paths: distance 1, 2, 3 and 4 cycles), idle gaps, increments
// from 0 to the maximum. Reads: random queue and counter, every cycle or
// sparse. Checks, every read: the value equals the sum of the events the
// bench sent to that queue and counter up to 4 cycles before the read's
// request (the documented read latency: a read sees every event sampled at
// least 4 edges before its own request, none after), so a lost, doubled or
// stale increment anywhere in the pipeline fails with the cycle, queue and
// counter. Increments of 0 and of 2^IncW - 1 are frequent; the IncW 32 run
// (1 queue, a million cycles) carries each counter past 2^48. Resets:
// power-up with random RAM contents (the sweep must clear them), and clear_i
// in the middle of traffic: busy_o for exactly NumQueues cycles, events
// during the sweep (one on every cycle of it) not counted, every counter 0
// afterwards.
#include VMQ_MODEL_HEADER

#include <cstdint>
#include <array>
#include <deque>
#include <type_traits>
#include <vector>

#include "vmq_tb.hpp"

#ifndef VMQ_PARAM_NumQueues
#define VMQ_PARAM_NumQueues 16
#endif
#ifndef VMQ_PARAM_NumCnt
#define VMQ_PARAM_NumCnt 2
#endif
#ifndef VMQ_PARAM_IncW
#define VMQ_PARAM_IncW 16
#endif

namespace {
using namespace vmq::tb;
constexpr unsigned kQ = VMQ_PARAM_NumQueues;
constexpr unsigned kC = VMQ_PARAM_NumCnt;
constexpr unsigned kIncW = VMQ_PARAM_IncW;
static_assert(kC * kIncW <= 64, "the bench packs ev_inc_i into 64 bits");
constexpr unsigned kReadLag = 4;   // a read sees events sampled >= 4 edges before its request
constexpr unsigned kReadLatency = 4;  // rd_valid_o 4 cycles after the request is presented

struct Ev {
  uint64_t edge;  // edge at which the DUT sampled it
  unsigned q;
  uint64_t inc[kC];
};
struct Rd {
  uint64_t edge;  // edge at which the request was sampled
  unsigned q, c;
};

int run(const Args& args) {
  Rng rng(args.seed);
  const uint64_t cycles = args.get("cycles", 200000);
  Clocked<VMQ_MODEL> tb(args, "qstats");
  auto& d = tb.dut();
  // committed[q][c]: the sum of events sampled at or before `upto`
  std::vector<std::array<uint64_t, kC>> committed(kQ);
  std::deque<Ev> pending;    // sent, not yet folded into `committed`
  std::deque<Rd> reads;      // requested, response not yet checked
  uint64_t upto = 0, checked = 0, events = 0, errors = 0;

  auto fold = [&](uint64_t edge) {  // fold events sampled at edges <= edge
    while (!pending.empty() && pending.front().edge <= edge) {
      for (unsigned c = 0; c < kC; ++c) committed[pending.front().q][c] += pending.front().inc[c];
      pending.pop_front();
    }
    upto = edge;
  };
  auto idle_inputs = [&] {
    d.ev_valid_i = 0;
    d.rd_req_i = 0;
    d.clear_i = 0;
  };
  auto wait_sweep = [&](const char* why) {
    // busy_o for exactly NumQueues cycles after the reset or clear edge; an
    // event on every one of those cycles, none of which may count
    unsigned busy = 0;
    for (;;) {
      idle_inputs();
      d.ev_valid_i = 1;
      d.ev_queue_i = unsigned(rng.range(0, kQ - 1));
      d.ev_inc_i = static_cast<std::remove_reference_t<decltype(d.ev_inc_i)>>(rng.u64());
      tb.settle();
      if (!d.busy_o) break;
      if (++busy > kQ) {
        fmt::print("FAIL cycle {}: busy_o still high {} cycles after {}\n", tb.cycle(), busy, why);
        std::exit(1);
      }
      tb.edge();
    }
    if (busy != kQ) {
      fmt::print("FAIL cycle {}: busy_o high for {} cycles after {}, expected NumQueues = {}\n", tb.cycle(), busy,
                 why, kQ);
      std::exit(1);
    }
  };
  auto zero_all = [&] {
    for (auto& a : committed) a.fill(0);
    pending.clear();
  };

  idle_inputs();
  tb.reset(2);
  wait_sweep("reset");
  zero_all();

  unsigned run_q = 0, run_left = 0;
  uint64_t next_clear = cycles / 3 + rng.range(0, 1000);
  for (uint64_t i = 0; i < cycles; ++i) {
    idle_inputs();
    const uint64_t edge = tb.cycle() + 1;  // the edge that samples these inputs
    // events: runs for one queue (forwarding), random gaps
    if (run_left == 0 && rng.chance(0.05)) {
      run_q = unsigned(rng.range(0, kQ - 1));
      run_left = unsigned(rng.range(2, 12));
    }
    const bool burst = (i / 5000) % 3 == 0;  // phases: every cycle, or sparse
    if (burst || rng.chance(0.4) || run_left) {
      Ev e{edge, run_left ? run_q : unsigned(rng.range(0, kQ - 1)), {}};
      if (run_left) --run_left;
      uint64_t packed = 0;
      for (unsigned c = 0; c < kC; ++c) {
        const uint64_t mx = (1ULL << kIncW) - 1;
        e.inc[c] = rng.chance(0.1) ? mx : rng.chance(0.1) ? 0 : rng.range(0, mx);
        packed |= e.inc[c] << (c * kIncW);
      }
      d.ev_valid_i = 1;
      d.ev_queue_i = e.q;
      d.ev_inc_i = static_cast<std::remove_reference_t<decltype(d.ev_inc_i)>>(packed);
      pending.push_back(e);
      ++events;
    }
    if (rng.chance(burst ? 0.9 : 0.2)) {
      Rd r{edge, unsigned(rng.range(0, kQ - 1)), unsigned(rng.range(0, kC - 1))};
      d.rd_req_i = 1;
      d.rd_queue_i = r.q;
      d.rd_cnt_i = r.c;
      reads.push_back(r);
    }
    tb.settle();
    // a response now belongs to the read sampled kReadLatency edges ago
    if (d.rd_valid_o) {
      if (reads.empty() || reads.front().edge + kReadLatency - 1 != tb.cycle()) {
        fmt::print("FAIL cycle {}: rd_valid_o without a read requested {} cycles before\n", tb.cycle(),
                   kReadLatency);
        return 1;
      }
      const Rd r = reads.front();
      reads.pop_front();
      fold(r.edge - kReadLag);
      const uint64_t want = committed[r.q][r.c], got = d.rd_data_o;
      if (got != want) {
        fmt::print("FAIL cycle {}: queue {} counter {} read {} (requested at edge {}), expected {} "
                   "(events sampled up to edge {})\n",
                   tb.cycle(), r.q, r.c, got, r.edge, want, r.edge - kReadLag);
        if (++errors >= 5) return 1;
      }
      ++checked;
    } else if (!reads.empty() && reads.front().edge + kReadLatency - 1 < tb.cycle()) {
      fmt::print("FAIL cycle {}: no response for the read of queue {} counter {} requested at edge {}\n",
                 tb.cycle(), reads.front().q, reads.front().c, reads.front().edge);
      return 1;
    }
    tb.edge();
    if (i == next_clear) {  // clear in the middle of traffic
      idle_inputs();
      d.clear_i = 1;
      // an event and a read in the clear cycle: neither may count
      d.ev_valid_i = 1;
      d.ev_queue_i = 0;
      d.ev_inc_i = static_cast<std::remove_reference_t<decltype(d.ev_inc_i)>>(1);
      tb.settle();
      tb.edge();
      wait_sweep("clear_i");
      zero_all();
      reads.clear();
      for (unsigned k = 0; k < kReadLatency + 1; ++k) {  // drain responses of reads before the clear
        idle_inputs();
        tb.settle();
        tb.edge();
      }
      next_clear = i + cycles / 3;
    }
  }
  // Afterwards: every counter read once, quietly
  for (int k = 0; k < 8; ++k) {
    idle_inputs();
    tb.settle();
    tb.edge();
  }
  fold(tb.cycle() + 1);
  for (unsigned q = 0; q < kQ; ++q)
    for (unsigned c = 0; c < kC; ++c) {
      idle_inputs();
      d.rd_req_i = 1;
      d.rd_queue_i = q;
      d.rd_cnt_i = c;
      tb.settle();
      tb.edge();
      idle_inputs();
      for (unsigned k = 0; k < kReadLatency; ++k) {
        tb.settle();
        if (d.rd_valid_o) break;
        tb.edge();
      }
      if (!d.rd_valid_o || d.rd_data_o != committed[q][c]) {
        fmt::print("FAIL final read: queue {} counter {}: {} expected {}\n", q, c, uint64_t(d.rd_data_o),
                   committed[q][c]);
        return 1;
      }
      tb.edge();
    }
  if (errors) return 1;
  fmt::print("PASS: {} events, {} reads checked over {} cycles (NumQueues {}, NumCnt {}, IncW {})\n", events,
             checked, tb.cycle(), kQ, kC, kIncW);
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  vmq::tb::Args args(argc, argv, "qstats_test");
  return run(args);
}
