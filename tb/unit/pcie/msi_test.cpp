// vmq_msi (docs/fpga.md "fpga_core", Interrupts): per-queue irq levels in the
// core clock -> MSI requests on the bridge's one-at-a-time interface in the
// bridge clock. Two clock pairs per run: core 250 MHz : bridge 125 MHz and
// core 250 MHz : bridge 270 MHz (independent clocks, TwoClockSim).
//
// The run is a sequence of segments, each ended by a drain (irqs low, MSI
// enabled, quiet). A segment fixes msi_vector_width (0..7; the RTL uses
// min(width, 5)) and is one of:
//  - ident: random irq patterns (short pulses, long highs, 1-cycle fall-rise)
//    on a set of queues that are distinct mod 2^width, so every vector names
//    one queue; msi_enable toggling or on; grant after 1..Gmax cycles; or
//    trains of 2..4 close edges on one queue, then quiet;
//  - alias: the same on all queues with fewer vectors than queues (several
//    queues share a vector: checks per vector only);
//  - round: msi_enable low, every queue raised, then enabled: exactly
//    NumQueues messages in round-robin order after the last queue served.
// Checks, at the cycle they happen, naming the queue:
//  - no request while the previous one is not granted; none decided while
//    msi_enable was low; vector < 2^min(width,5) and = q mod 2^min(width,5)
//    for a queue q with an interrupt not yet signalled;
//  - no spurious message: a queue's (a vector's) messages never outnumber its
//    rising edges old enough to have crossed (>= 1 core + SyncStages+1
//    bridge periods before the decision);
//  - no lost interrupt: every rising edge is followed by a message for its
//    queue decided after it, within a bound of enabled bridge cycles
//    (events that cross while one is in flight or pending may merge);
//  - round-robin: a message for q after last served L while a queue strictly
//    between L and q is certainly pending (its edge is old enough to have
//    crossed and no message for it since) is a failure; the round order;
//  - cause_o (core clock), exactly each cycle: set by a rise of irq_i, cleared
//    by cause_clear_i only in the written bits, a set wins over a clear in
//    the same cycle (NumQueues 64: the HI word too);
//  - sent_o equals the grants given, every bridge cycle.
#include <algorithm>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include VMQ_MODEL_HEADER
#include "../async_fifo/two_clock.hpp"
#include "vmq_tb.hpp"

using namespace vmq::tb;

namespace {

constexpr unsigned kNQ = VMQ_PARAM_NumQueues;
constexpr unsigned kSS = VMQ_PARAM_SyncStages;
constexpr uint64_t kQMask = kNQ == 64 ? ~0ULL : ((1ULL << kNQ) - 1);

template <class T>
void set_port(T& p, uint64_t v) {
  p = T(v);
}

enum class Seg { Ident, Alias, Round };
const char* seg_name(Seg s) { return s == Seg::Ident ? "ident" : s == Seg::Alias ? "alias" : "round"; }

struct Result {
  uint64_t msgs = 0, edges = 0, segments = 0, rounds = 0, rr_checks = 0, clears = 0,
           set_clear = 0, lat_max = 0, core_cycles = 0, enable_low_with_pending = 0;
};

class Bench {
 public:
  Bench(const Args& args, const ClockPair& cp, uint64_t seed, uint64_t segments)
      : sim_(args, cp, seed, args.trace), rng_(seed), n_segments_(segments), cp_(cp) {
    X_ = cp.wr_period_ps + (kSS + 1) * cp.rd_period_ps;
    Dmax_ = 2 * ((2 * kSS + 4) * cp.rd_period_ps + (kSS + 3) * cp.wr_period_ps);
  }

  Result run() {
    auto& d = sim_.dut();
    d.rst_i = 1;
    d.pcie_rst_i = 1;
    set_port(d.irq_i, 0);
    set_port(d.cause_clear_i, 0);
    d.msi_enable_i = 0;
    d.msi_vector_width_i = 0;
    d.intx_msi_grant_i = 0;
    while (sim_.wr_cycle() < 8 || sim_.rd_cycle() < 8) step();
    for (uint64_t s = 0; s < n_segments_; ++s) segment();
    if (outstanding_) fail("request outstanding at the end");
    if (msgs_total_ != grants_) fail(fmt::format("{} messages but {} grants", msgs_total_, grants_));
    res_.msgs = msgs_total_;
    res_.core_cycles = sim_.wr_cycle();
    return res_;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(fmt::format("[{}] t={} ps, core cycle {}, bridge cycle {}, segment {} ({}, width {}): {}",
                                         cp_.name, sim_.now(), sim_.wr_cycle(), sim_.rd_cycle(), seg_no_,
                                         seg_name(seg_), width_, what));
  }

  unsigned wbits() const { return std::min(width_, 5u); }
  unsigned cls(unsigned q) const { return q & ((1u << wbits()) - 1); }
  bool aliasing() const { return (1u << wbits()) < kNQ; }

  // ------------------------------------------------------------ one event
  void step() {
    sim_.run_edge(
        [](auto& m, bool w, bool r) {
          m.clk_i = w;
          m.pcie_clk_i = r;
        },
        [](unsigned) {}, [this] { sample_core(); }, [this] { sample_bridge(); },
        [this] { drive_core(); }, [this] { drive_bridge(); });
  }

  // ------------------------------------------------------------ core clock
  void drive_core() {
    auto& d = sim_.dut();
    const uint64_t c = sim_.wr_cycle();
    d.rst_i = c < 5;
    uint64_t irq = 0;
    for (unsigned q = 0; q < kNQ; ++q) {
      Q& s = q_[q];
      if (!irq_run_ || !s.active) {
        s.level = irq_hold_ ? s.level : false;
      } else if (s.timer > 0) {
        --s.timer;
      } else {
        switch (s.style) {
          case 0:  // pulses
            s.level = !s.level;
            s.timer = s.level ? unsigned(rng_.range(0, 4)) : unsigned(rng_.range(0, s.gap));
            break;
          case 1:  // long highs
            s.level = !s.level;
            s.timer = s.level ? unsigned(rng_.range(100, 3000)) : unsigned(rng_.range(20, 2000));
            break;
          case 3:  // trains of 2..4 close edges, then quiet (the last edge is checked tightly)
            if (s.level) {
              s.level = false;
              if (s.left > 0) {
                s.timer = unsigned(rng_.range(0, 12));
              } else {
                s.timer = unsigned(rng_.range(400, 900));
                s.left = unsigned(rng_.range(1, 3));
              }
            } else {
              s.level = true;
              s.timer = unsigned(rng_.range(0, 3));
              if (s.left) --s.left;
            }
            break;
          default:  // fast fall-rise: low for exactly one cycle
            s.level = !s.level;
            s.timer = s.level ? unsigned(rng_.range(1, 40)) : 0;
            break;
        }
      }
      if (s.level) irq |= 1ULL << q;
    }
    if (c < 12 || sim_.rd_cycle() < 12) irq = 0;
    uint64_t clr = 0;
    if (rng_.chance(0.05)) clr = rng_.u64() & kQMask;
    const uint64_t rise = irq & ~irq_driven_;
    for (unsigned q = 0; q < kNQ; ++q)
      if ((rise >> q & 1) && rng_.chance(0.3)) clr |= 1ULL << q;  // a set with a clear
    if (rng_.chance(0.02)) clr = kQMask;
    set_port(d.irq_i, irq);
    set_port(d.cause_clear_i, clr);
    irq_driven_ = irq;
  }

  void sample_core() {
    auto& d = sim_.dut();
    const uint64_t cause = uint64_t(d.cause_o) & kQMask;
    if (core_valid_ && cause != cause_) {
      const uint64_t diff = cause ^ cause_;
      const unsigned q = unsigned(__builtin_ctzll(diff));
      fail(fmt::format("cause_o bit {} (queue {}, {} word) is {}, expected {} (last cycle: irq rise {}, clear {})",
                       q, q, q < 32 ? "LO" : "HI", cause >> q & 1, cause_ >> q & 1, last_rise_ >> q & 1,
                       last_clr_ >> q & 1));
    }
    const uint64_t irq = uint64_t(d.irq_i) & kQMask, clr = uint64_t(d.cause_clear_i) & kQMask;
    if (d.rst_i) {
      cause_ = 0;
      irq_prev_ = 0;
      core_valid_ = true;
      return;
    }
    if (!core_valid_) return;
    const uint64_t rise = irq & ~irq_prev_;
    res_.clears += uint64_t(__builtin_popcountll(clr & cause_));
    res_.set_clear += uint64_t(__builtin_popcountll(clr & rise));
    cause_ = (cause_ & ~clr) | rise;
    irq_prev_ = irq;
    last_rise_ = rise;
    last_clr_ = clr;
    for (unsigned q = 0; q < kNQ; ++q) {
      if (!(rise >> q & 1)) continue;
      C& k = c_[cls(q)];
      k.t.push_back(sim_.now());
      k.en.push_back(en_count_);
      k.cyc.push_back(sim_.wr_cycle());
      k.q.push_back(q);
      ++res_.edges;
    }
  }

  // ---------------------------------------------------------- bridge clock
  void drive_bridge() {
    auto& d = sim_.dut();
    d.pcie_rst_i = sim_.rd_cycle() < 5;
    d.intx_msi_grant_i = 0;
    if (outstanding_ && gnt_in_ > 0 && --gnt_in_ == 0) d.intx_msi_grant_i = 1;
    bool en = en_forced_;
    if (!en_fixed_) {
      if (en_timer_ == 0) {
        en_level_ = !en_level_;
        en_timer_ = en_level_ ? unsigned(rng_.range(1, 200)) : unsigned(rng_.range(1, 300));
      } else {
        --en_timer_;
      }
      en = en_level_;
    }
    d.msi_enable_i = en;
    d.msi_vector_width_i = uint8_t(width_);
  }

  void sample_bridge() {
    auto& d = sim_.dut();
    const uint64_t now = sim_.now();
    if (d.pcie_rst_i) {
      bridge_valid_ = true;
      grants_ = 0;
      outstanding_ = false;
      en_dec_ = false;
      prev_rd_t_ = now;
      return;
    }
    if (!bridge_valid_) return;
    if (d.sent_o != uint32_t(grants_))
      fail(fmt::format("sent_o = {}, {} grants given", d.sent_o, grants_));
    if (d.intx_msi_request_o) on_request(d.msi_vector_num_o, prev_rd_t_);
    if (d.intx_msi_grant_i) {
      if (!outstanding_) fail("bench bug: grant without a request");
      outstanding_ = false;
      ++grants_;
    }
    if (d.msi_enable_i) ++en_count_;
    // no lost interrupt: the oldest uncovered edge of every vector has a bound
    for (unsigned c = 0; c < kNQ; ++c) {
      C& k = c_[c];
      if (k.cov < k.t.size() && en_count_ - k.en[k.cov] > bound_)
        fail(fmt::format("queue {} (vector {}): rising edge at core cycle {} got no MSI within {} "
                         "enabled bridge cycles (lost interrupt)",
                         k.q[k.cov], c, k.cyc[k.cov], bound_));
    }
    // the enable and the width this edge samples decide the next request
    en_dec_ = d.msi_enable_i;
    width_dec_ = d.msi_vector_width_i;
    prev_rd_t_ = now;
  }

  void on_request(unsigned v, uint64_t T) {
    auto& d = sim_.dut();
    (void)d;
    const unsigned w = std::min(width_dec_, 5u);
    if (outstanding_) fail(fmt::format("request (vector {}) while the previous one is not granted", v));
    if (!en_dec_) fail(fmt::format("request (vector {}) decided while msi_enable was low", v));
    if (v >> w) fail(fmt::format("vector {} >= 2^{} (msi_vector_width {})", v, w, width_dec_));
    outstanding_ = true;
    gnt_in_ = unsigned(rng_.range(1, gmax_));
    ++msgs_total_;
    ++seg_msgs_;
    C& k = c_[v];
    // messages never outnumber edges that could have crossed
    const size_t crossed = size_t(std::lower_bound(k.t.begin(), k.t.end(), T - X_) - k.t.begin());
    if (k.msgs + 1 > crossed) {
      std::string qs;
      for (unsigned q = 0; q < kNQ; ++q)
        if (cls(q) == v) qs += fmt::format(" {}", q);
      fail(fmt::format("spurious MSI vector {} (queues{}): message {} but only {} rising edges "
                       "({} in all) early enough to cause it",
                       v, qs, k.msgs + 1, crossed, k.t.size()));
    }
    ++k.msgs;
    // latency of the oldest edge it covers
    if (k.cov < crossed) res_.lat_max = std::max(res_.lat_max, (T - k.t[k.cov]) / 1000);
    k.cov = std::max(k.cov, crossed);
    if (seg_ == Seg::Round) {
      round_vecs_.push_back(v);
      return;
    }
    if (seg_ == Seg::Alias) {
      last_known_ = false;
      return;
    }
    // ident: the vector names one active queue
    const int q = rep_[v];
    if (q < 0) fail(fmt::format("vector {} matches no queue with interrupts in this segment", v));
    if (last_known_) {
      ++res_.rr_checks;
      for (unsigned i = (last_ + 1) % kNQ; i != unsigned(q); i = (i + 1) % kNQ) {
        if (!q_[i].active) continue;
        const C& o = c_[cls(i)];
        if (o.cov < o.t.size() && o.t[o.cov] + Dmax_ <= T)
          fail(fmt::format("round-robin: queue {} served after queue {} while queue {} was pending "
                           "(rising edge at core cycle {}, {} ns before the decision)",
                           q, last_, i, o.cyc[o.cov], (T - o.t[o.cov]) / 1000));
      }
    }
    last_ = unsigned(q);
    last_known_ = true;
  }

  // ------------------------------------------------------------- segments
  void run_core_cycles(uint64_t n) {
    const uint64_t end = sim_.wr_cycle() + n;
    while (sim_.wr_cycle() < end) step();
  }

  void segment() {
    ++seg_no_;
    ++res_.segments;
    const unsigned k = unsigned(rng_.range(0, 99));
    seg_ = k < 55 ? Seg::Ident : k < 75 ? Seg::Alias : Seg::Round;
    width_ = unsigned(rng_.range(0, 7));
    if (seg_ == Seg::Alias && !aliasing()) width_ = unsigned(rng_.range(0, kNQ == 16 ? 3 : 5));
    static const unsigned gm[] = {1, 2, 4, 10, 24, 60};
    gmax_ = gm[rng_.range(0, 5)];
    bound_ = Dmax_ / cp_.rd_period_ps + 2 * (kNQ + 2) * (gmax_ + 3) + 100;
    for (auto& c : c_) c = C{};
    for (auto& r : rep_) r = -1;
    for (auto& s : q_) s = Q{};
    seg_msgs_ = 0;
    round_vecs_.clear();
    // active queues
    if (seg_ == Seg::Ident) {
      const double p = rng_.pick(std::array<double, 4>{1.0, 1.0, 0.5, 0.15});
      std::vector<unsigned> order(kNQ);
      for (unsigned q = 0; q < kNQ; ++q) order[q] = q;
      for (unsigned i = kNQ - 1; i > 0; --i) std::swap(order[i], order[rng_.range(0, i)]);
      for (unsigned q : order)
        if (rep_[cls(q)] < 0 && rng_.chance(p)) {
          rep_[cls(q)] = int(q);
          q_[q].active = true;
        }
    } else {
      for (auto& s : q_) s.active = true;
    }
    // trains: one queue alone, quick grants, MSI on: edges that come while
    // one is in flight (and at the very cycle it is sent) must not be lost
    const bool train = seg_ == Seg::Ident && rng_.chance(0.3);
    if (train) {
      gmax_ = 1;
      for (auto& r : rep_) r = -1;
      for (auto& s : q_) s.active = false;
      const unsigned q = unsigned(rng_.range(0, kNQ - 1));
      rep_[cls(q)] = int(q);
      q_[q].active = true;
    }
    for (auto& s : q_) {
      s.style = train ? 3 : unsigned(rng_.range(0, 2));
      s.left = 2;
      s.gap = unsigned(rng_.pick(std::array<uint64_t, 4>{3, 30, 300, 3000}));
      s.timer = unsigned(rng_.range(0, 50));
    }
    if (seg_ == Seg::Round) {
      round();
    } else {
      en_fixed_ = train || rng_.chance(0.5);
      en_forced_ = true;
      irq_run_ = true;
      run_core_cycles(rng_.range(3000, 12000));
    }
    drain();
  }

  void round() {
    // msi_enable low, every queue rises, long enough to cross, then enable
    en_fixed_ = true;
    en_forced_ = false;
    irq_run_ = false;
    irq_hold_ = false;
    run_core_cycles(20);
    while (outstanding_) step();
    run_core_cycles(20);
    for (auto& s : q_) s.level = true;
    irq_hold_ = true;
    run_core_cycles(Dmax_ / cp_.wr_period_ps + 20);
    if (seg_msgs_) fail("a message while msi_enable was low");
    ++res_.enable_low_with_pending;
    en_forced_ = true;
    const bool knew = last_known_;
    const unsigned q0 = (last_ + 1) % kNQ;
    for (uint64_t n = 0; round_vecs_.size() < kNQ; ++n) {
      if (n > 100000000) fail("round: not all queues served");
      step();
    }
    const unsigned mod = std::min(kNQ, 1u << wbits());
    const unsigned v0 = knew ? q0 % mod : round_vecs_[0];
    for (unsigned i = 0; i < kNQ; ++i) {
      const unsigned want = (v0 + i) % mod;
      if (round_vecs_[i] != want) {
        std::string got;
        for (unsigned v : round_vecs_) got += fmt::format(" {}", v);
        fail(fmt::format("round-robin order with all {} queues pending (last served {}): message {} "
                         "has vector {}, expected {}; vectors:{}",
                         kNQ, knew ? fmt::format("{}", last_) : std::string("unknown"), i,
                         round_vecs_[i], want, got));
      }
    }
    ++res_.rounds;
    if (knew) {
      last_ = (q0 + kNQ - 1) % kNQ;
    } else if (!aliasing()) {
      last_ = (round_vecs_[0] + kNQ - 1) % kNQ;
      last_known_ = true;
    }
    irq_hold_ = false;
  }

  void drain() {
    irq_run_ = false;
    irq_hold_ = false;
    en_fixed_ = true;
    en_forced_ = true;
    const uint64_t quiet_need = 3 * Dmax_ / cp_.rd_period_ps + 2 * (gmax_ + 3) + 200;
    uint64_t quiet = 0, last_msgs = msgs_total_, n = 0;
    for (;;) {
      step();
      if (++n > 20000000) fail("drain never finished");
      if (msgs_total_ != last_msgs || outstanding_) {
        quiet = 0;
        last_msgs = msgs_total_;
      } else {
        ++quiet;
      }
      if (quiet < 2 * quiet_need) continue;
      bool owed = false;
      for (const auto& c : c_) owed |= c.cov < c.t.size();
      if (!owed) break;
    }
    if (seg_ == Seg::Round && seg_msgs_ != kNQ)
      fail(fmt::format("round: {} messages for {} queues raised once each", seg_msgs_, kNQ));
  }

  struct Q {
    bool active = false, level = false;
    unsigned style = 0, gap = 0, timer = 0, left = 0;
  };
  struct C {  // per vector (= per queue in ident segments)
    std::vector<uint64_t> t, en, cyc;
    std::vector<unsigned> q;
    size_t cov = 0;   // edges covered by a message decided after them
    size_t msgs = 0;
  };

  TwoClockSim<VMQ_MODEL> sim_;
  Rng rng_;
  uint64_t n_segments_;
  ClockPair cp_;
  uint64_t X_ = 0, Dmax_ = 0, bound_ = 1000;
  Result res_;

  Seg seg_ = Seg::Ident;
  uint64_t seg_no_ = 0, seg_msgs_ = 0;
  unsigned width_ = 0, width_dec_ = 0, gmax_ = 1;
  Q q_[kNQ];
  C c_[kNQ];
  int rep_[kNQ];
  bool irq_run_ = false, irq_hold_ = false;
  uint64_t irq_driven_ = 0;

  bool core_valid_ = false;
  uint64_t cause_ = 0, irq_prev_ = 0, last_rise_ = 0, last_clr_ = 0;

  bool bridge_valid_ = false, outstanding_ = false, en_dec_ = false;
  bool en_fixed_ = true, en_forced_ = false, en_level_ = false;
  unsigned en_timer_ = 0, gnt_in_ = 0;
  uint64_t grants_ = 0, msgs_total_ = 0, en_count_ = 0, prev_rd_t_ = 0;
  unsigned last_ = 0;
  bool last_known_ = false;
  std::vector<unsigned> round_vecs_;
};

}  // namespace

int main(int argc, char** argv) {
  Args args(argc, argv, VMQ_TEST_NAME);
  const uint64_t segments = args.get("segments", 60);
  const std::vector<ClockPair> pairs = {
      {"core 250 : bridge 125 MHz", 4000, 8000, 1300, 0.0},
      {"core 250 : bridge 270 MHz", 4000, 3704, 900, 0.0},
  };
  try {
    for (size_t i = 0; i < pairs.size(); ++i) {
      Bench b(args, pairs[i], args.seed * 7919 + i, segments);
      const Result r = b.run();
      fmt::print("  [{}] {}: {} segments ({} rounds), {} core cycles, {} rising edges -> {} MSIs, "
                 "{} round-robin checks, max edge->request {} ns, cause bits cleared {}, "
                 "set+clear same cycle {}\n",
                 i, pairs[i].name, r.segments, r.rounds, r.core_cycles, r.edges, r.msgs, r.rr_checks,
                 r.lat_max, r.clears, r.set_clear);
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: FAIL: {} (seed {})\n", VMQ_TEST_NAME, e.what(), args.seed);
    return 1;
  }
  fmt::print("{}: PASS\n", VMQ_TEST_NAME);
  return 0;
}
