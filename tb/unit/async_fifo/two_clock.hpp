// Two independent clocks for a Verilated model with a write (source) and a
// read (sink) clock domain (docs/vmq-top.md, tests).
//
// Each clock has its own period, phase and per-cycle jitter (times in ps).
// run_edge() advances time to the next clock event. At a rising edge of a
// domain the bench first samples that domain's outputs as its flops see them
// (sample_wr / sample_rd: handshakes fire there), then the clock rises and
// the model is evaluated, then the bench drives that domain's inputs for its
// next edge (drive_wr / drive_rd) and the model settles again. Inputs of a
// domain therefore change only just after that domain's own edge. Edges of
// both clocks at the same instant are one event (both rise in one eval).
#pragma once

#include <fmt/core.h>
#include <verilated.h>
#include <verilated_fst_c.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "vmq_tb.hpp"

namespace vmq::tb {

struct ClockPair {
  const char* name;
  uint64_t wr_period_ps;  // write (source) clock
  uint64_t rd_period_ps;  // read (sink) clock
  uint64_t rd_phase_ps;   // first read edge after this (write: at its half period)
  double jitter;          // each half period * (1 +- jitter), 0 = none
};

// The ratios every CDC test runs (wr:rd).
inline const std::vector<ClockPair>& clock_pairs() {
  static const std::vector<ClockPair> p = {
      {"1:1 phase 0", 4000, 4000, 2000, 0.0},  // edges coincide
      {"1:1 phase 0.3", 4000, 4000, 3200, 0.0},
      {"156.25:250 MHz", 6400, 4000, 1700, 0.0},  // slow writer, fast reader
      {"250:156.25 MHz", 4000, 6400, 1100, 0.0},  // fast writer, slow reader
      {"3:7", 7000, 3000, 500, 0.0},              // frequencies 3:7
      {"7:3", 3000, 7000, 2900, 0.0},
      {"1:1 jitter 25%", 5000, 5000, 1234, 0.25},
  };
  return p;
}

template <class M>
class TwoClockSim {
 public:
  // set_clk(model, wr_level, rd_level) sets both clock inputs.
  TwoClockSim(const Args& args, const ClockPair& cp, uint64_t seed, const std::string& trace)
      : ctx_(std::make_unique<VerilatedContext>()), cp_(cp), rng_(seed ^ 0x5eedc10cULL) {
    ctx_->randReset(2);
    ctx_->randSeed(int(seed % 2147483647));
    ctx_->traceEverOn(!trace.empty());
    m_ = std::make_unique<M>(ctx_.get(), "dut");
    if (!trace.empty()) {
      tfp_ = std::make_unique<VerilatedFstC>();
      m_->trace(tfp_.get(), 99);
      tfp_->open(trace.c_str());
    }
    next_[0] = half(0);  // write clock rises at its first half period
    next_[1] = cp_.rd_phase_ps;
    level_[0] = level_[1] = false;
    (void)args;
  }
  ~TwoClockSim() {
    if (tfp_) tfp_->close();
    m_->final();
  }
  M& dut() { return *m_; }
  const M& dut() const { return *m_; }
  uint64_t now() const { return now_; }
  uint64_t wr_cycle() const { return cyc_[0]; }
  uint64_t rd_cycle() const { return cyc_[1]; }
  const ClockPair& pair() const { return cp_; }

  // One event: returns bit 0 = write clock rose, bit 1 = read clock rose.
  // pre(rise_mask) runs before either sample (checks that need the state
  // before any handshake of this instant is counted).
  template <class SetClk, class Pre, class SampleWr, class SampleRd, class DriveWr, class DriveRd>
  unsigned run_edge(SetClk set_clk, Pre pre, SampleWr sample_wr, SampleRd sample_rd,
                    DriveWr drive_wr, DriveRd drive_rd) {
    if (!started_) {
      // both clocks low in a first evaluation, so that the first rise is an edge
      started_ = true;
      set_clk(*m_, false, false);
      m_->eval();
    }
    const uint64_t t = std::min(next_[0], next_[1]);
    now_ = t;
    bool rise[2] = {false, false}, any_fall = false;
    for (int d = 0; d < 2; ++d) {
      if (next_[d] != t) continue;
      if (level_[d]) {
        level_[d] = false;
        any_fall = true;
      } else {
        rise[d] = true;
      }
      next_[d] = t + half(d);
    }
    if (any_fall) {
      set_clk(*m_, level_[0], level_[1]);
      m_->eval();
      dump();
    }
    if (!rise[0] && !rise[1]) return 0;
    pre((rise[0] ? 1u : 0u) | (rise[1] ? 2u : 0u));
    if (rise[0]) sample_wr();
    if (rise[1]) sample_rd();
    for (int d = 0; d < 2; ++d)
      if (rise[d]) level_[d] = true;
    set_clk(*m_, level_[0], level_[1]);
    m_->eval();
    dump();
    for (int d = 0; d < 2; ++d)
      if (rise[d]) ++cyc_[d];
    if (rise[0]) drive_wr();
    if (rise[1]) drive_rd();
    m_->eval();
    return (rise[0] ? 1u : 0u) | (rise[1] ? 2u : 0u);
  }

 private:
  uint64_t half(int d) {
    const uint64_t p = d == 0 ? cp_.wr_period_ps : cp_.rd_period_ps;
    uint64_t h = p / 2;
    if (cp_.jitter > 0) {
      const double j = (double(rng_.range(0, 2000)) / 1000.0 - 1.0) * cp_.jitter;
      h = uint64_t(double(h) * (1.0 + j));
      if (h < 10) h = 10;
    }
    return h;
  }
  void dump() {
    if (tfp_) tfp_->dump(now_);
  }

  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<M> m_;
  std::unique_ptr<VerilatedFstC> tfp_;
  ClockPair cp_;
  Rng rng_;
  uint64_t next_[2] = {0, 0};
  bool level_[2] = {false, false};
  uint64_t cyc_[2] = {0, 0};
  uint64_t now_ = 0;
  bool started_ = false;
};

// Per-segment random traffic shape: probability of a valid (or ready) per
// cycle, and how likely a long stall starts.
struct Shape {
  double p = 1.0;
  double stall_p = 0.0;
  unsigned stall_max = 0;
};

inline Shape random_shape(Rng& r, bool allow_stalls) {
  static const double ps[] = {1.0, 1.0, 0.95, 0.7, 0.5, 0.2, 0.05};
  Shape s;
  s.p = ps[r.range(0, 6)];
  if (allow_stalls && r.chance(0.4)) {
    s.stall_p = 0.002;
    s.stall_max = unsigned(r.range(20, 400));
  }
  return s;
}

// A valid or ready generator that follows a Shape.
class Pacer {
 public:
  bool next(Rng& r, const Shape& s) {
    if (stall_ > 0) {
      --stall_;
      return false;
    }
    if (s.stall_p > 0 && r.chance(s.stall_p)) {
      stall_ = unsigned(r.range(1, s.stall_max));
      return false;
    }
    return s.p >= 1.0 || r.chance(s.p);
  }
  void clear() { stall_ = 0; }  // at a change of shape: no stall carried over

 private:
  unsigned stall_ = 0;
};

}  // namespace vmq::tb
