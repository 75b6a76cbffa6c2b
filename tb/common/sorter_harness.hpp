// Harness around the Verilated vmq_l2_sorter: drives frames with random idles,
// random backpressure on both outputs, configuration and filter-table changes
// at any cycle, and checks every decision against the reference model and
// every passed-through beat against what was sent.
//
// Config timing contract (docs/sorter.md): a frame is classified with the
// configuration in force one cycle after the beat that completed its 16-byte
// header (or its tlast, if shorter). cfg_* port values driven in cycle c are
// in force in c; a table write driven in cycle c is in force from c+1.
#pragma once

#include VMQ_MODEL_HEADER

#include <deque>
#include <functional>
#include <optional>
#include <stdexcept>
#include <vector>

#include "vmq_model.hpp"
#include "vmq_tb.hpp"

#ifndef VMQ_PARAM_DataW
#define VMQ_PARAM_DataW 64
#endif
#ifndef VMQ_PARAM_NumQueues
#define VMQ_PARAM_NumQueues 16
#endif
#ifndef VMQ_PARAM_NumFilters
#define VMQ_PARAM_NumFilters 64
#endif
#ifndef VMQ_PARAM_MaxFrameBytes
#define VMQ_PARAM_MaxFrameBytes 9216
#endif

namespace vmq::tb {

struct SorterParams {
  static constexpr unsigned DataW = VMQ_PARAM_DataW;
  static constexpr unsigned KeepW = DataW / 8;
  static constexpr unsigned NumQueues = VMQ_PARAM_NumQueues;
  static constexpr unsigned NumFilters = VMQ_PARAM_NumFilters;
  static constexpr unsigned MaxFrameBytes = VMQ_PARAM_MaxFrameBytes;
  static constexpr unsigned HdrBeats = (16 + KeepW - 1) / KeepW;
};

struct SorterKnobs {
  double idle = 0.0;     // chance the source inserts an idle cycle before a beat
  double m_stall = 0.0;  // chance m_tready is low in a cycle
  double d_stall = 0.0;  // chance dec_ready is low in a cycle
};

// Dut is the Verilated vmq_l2_sorter, or a system top that contains it and
// takes its configuration through registers (no cfg_*/tbl_* ports): then the
// test programs the registers itself and reports the configuration it set
// with set_model_config().
template <class Dut>
class SorterHarnessT {
 public:
  using P = SorterParams;
  static constexpr bool kDirectCfg = requires(Dut & d) {
    d.cfg_tpid_i;
    d.tbl_we_i;
  };

  // Called in every step(): after the harness drove its inputs and before the
  // combinational settle (drive), and after the settle, before the edge
  // (sample). A register bus model runs here, alongside the traffic.
  std::function<void()> on_drive, on_sample;

  struct Sent {
    uint64_t index;
    model::RxFrame frame;
    std::vector<uint32_t> keep_bytes;  // bytes counted per beat (== popcount(tkeep))
    bool keep_err = false;
    uint64_t hdr_cycle = 0;
    uint64_t last_cycle = 0;
  };

  SorterHarnessT(const Args& args, uint64_t seed, SorterKnobs knobs = {})
      : clk_(args, "sorter"), rng_(seed), knobs_(knobs), cfg_(P::NumFilters) {
    cfg_.num_queues = P::NumQueues;
    cfg_.max_frame_bytes = P::MaxFrameBytes;
    if constexpr (kDirectCfg) drive_cfg_ports();
    idle_inputs();
    clk_.reset();
    versions_.push_back({0, cfg_});
  }

  Dut& dut() { return clk_.dut(); }
  uint64_t cycle() const { return clk_.cycle(); }
  const model::RxConfig& config() const { return cfg_; }
  Rng& rng() { return rng_; }
  SorterKnobs& knobs() { return knobs_; }

  // --- configuration -------------------------------------------------------
  // Port-level settings (everything but the table); in force from the next
  // step(). The filter vector of `c` is ignored: use write_filter().
  void set_ports(const model::RxConfig& c) {
    auto filters = cfg_.filters;
    cfg_ = c;
    cfg_.filters = filters;
    cfg_.num_queues = P::NumQueues;
    cfg_.max_frame_bytes = P::MaxFrameBytes;
    port_change_ = true;
  }
  // Queue a table write; one is driven per cycle, in order.
  void write_filter(unsigned idx, const model::Filter& f) { table_writes_.push_back({idx, f}); }
  bool config_pending() const { return port_change_ || !table_writes_.empty(); }
  // System tops: the configuration now in force in the DUT (set through its
  // registers by the test, with no frame in flight).
  void set_model_config(const model::RxConfig& c) {
    cfg_ = c;
    cfg_.num_queues = P::NumQueues;
    cfg_.max_frame_bytes = P::MaxFrameBytes;
    versions_.push_back({cycle(), cfg_});
  }

  // --- traffic -------------------------------------------------------------
  // Queue a frame. keep_fault: 0 none, 1 hole on a non-last beat, 2 bad last
  // tkeep, 3 extra empty last beat. tuser_err sets tuser on the tlast beat.
  void send(const std::vector<uint8_t>& bytes, bool tuser_err = false, int keep_fault = 0) {
    Sent s;
    s.index = next_index_++;
    s.frame.data = bytes;
    Pending p;
    const size_t n = bytes.size();
    const size_t nbeats = n == 0 ? 1 : (n + P::KeepW - 1) / P::KeepW;
    for (size_t b = 0; b < nbeats; ++b) {
      Beat bt;
      for (unsigned i = 0; i < P::KeepW; ++i) {
        size_t at = b * P::KeepW + i;
        bt.data.push_back(at < n ? bytes[at] : uint8_t(rng_.u64()));  // junk beyond tkeep
        bt.keep.push_back(at < n);
      }
      p.beats.push_back(bt);
    }
    if (n == 0) p.beats[0].keep.assign(P::KeepW, false);  // empty frame: a tkeep error
    if (keep_fault == 1 && nbeats >= 2) {
      size_t b = rng_.range(0, nbeats - 2);
      p.beats[b].keep[rng_.range(0, P::KeepW - 1)] = false;
    } else if (keep_fault == 2) {
      auto& k = p.beats.back().keep;
      unsigned ones = 0;
      for (bool x : k) ones += x;
      if (ones >= 2)
        k[rng_.range(0, ones - 2)] = false;  // a gap inside the run
      else
        k.assign(P::KeepW, false);  // or empty
      if (P::KeepW > 1 && ones == 1 && rng_.chance(0.5)) {
        k.assign(P::KeepW, false);
        k[1] = true;
      }
    } else if (keep_fault == 3) {
      Beat bt;
      bt.data.assign(P::KeepW, 0);
      bt.keep.assign(P::KeepW, false);
      p.beats.push_back(bt);
    }
    // tuser counts only on the tlast beat (SPEC §2): put noise on the others
    for (auto& bt : p.beats) bt.user = rng_.chance(0.2);
    p.beats.back().last = true;
    p.beats.back().user = tuser_err;
    bool kerr = false;
    for (size_t b = 0; b < p.beats.size(); ++b) {
      const auto& k = p.beats[b].keep;
      unsigned ones = 0;
      for (bool x : k) ones += x;
      s.keep_bytes.push_back(ones);
      if (!p.beats[b].last) {
        kerr |= ones != P::KeepW;
      } else {
        bool run = ones > 0;
        for (unsigned i = 0; i < ones; ++i) run &= k[i];
        kerr |= !run;
      }
    }
    s.keep_err = kerr;
    s.frame.err = tuser_err || kerr;
    p.index = s.index;
    tx_.push_back(std::move(p));
    sent_.push_back(std::move(s));
  }

  size_t frames_pending() const { return sent_.size(); }
  uint64_t decisions() const { return decisions_; }
  uint64_t beats_in() const { return beats_in_; }
  uint64_t frames_in() const { return frames_in_; }
  // cycles in which the input waited only for decision credits (the
  // decision FIFO was full because dec_ready had been held low)
  uint64_t credit_stalls() const { return credit_stalls_; }
  // cycles from the first accepted beat to the last, inclusive
  uint64_t busy_cycles() const { return beats_in_ ? last_beat_cycle_ - first_beat_cycle_ + 1 : 0; }
  uint64_t drops(model::Drop d) const { return drop_count_[size_t(d)]; }
  // The DUT decision of the most recent frame (directed tests).
  const model::RxDecision& last_decision() const { return last_dut_; }

  // One clock cycle.
  void step() {
    Dut& d = dut();
    // configuration for this cycle
    if constexpr (kDirectCfg) drive_cfg_and_table();
    // stream source: hold a presented beat until it is taken (AXI-Stream)
    if (!presenting_ && !tx_.empty() && !rng_.chance(knobs_.idle)) {
      const Beat& bt = tx_.front().beats[beat_pos_];
      for (unsigned i = 0; i < P::KeepW; ++i) {
        set_byte(d.s_tdata_i, i, bt.data[i]);
        set_bit(d.s_tkeep_i, i, bt.keep[i]);
      }
      d.s_tlast_i = bt.last;
      d.s_tuser_i = bt.user;
      presenting_ = true;
    }
    if (!presenting_) {
      // junk on every stream signal while tvalid is low: nothing may sample it
      for (unsigned i = 0; i < P::KeepW; ++i) {
        set_byte(d.s_tdata_i, i, uint8_t(rng_.u64()));
        set_bit(d.s_tkeep_i, i, rng_.chance(0.5));
      }
      d.s_tlast_i = rng_.chance(0.5);
      d.s_tuser_i = rng_.chance(0.5);
    }
    d.s_tvalid_i = presenting_;
    d.m_tready_i = !rng_.chance(knobs_.m_stall);
    d.dec_ready_i = !rng_.chance(knobs_.d_stall);
    if (on_drive) on_drive();

    clk_.settle();
    if (on_sample) on_sample();

    // the pass-through must mirror the input exactly
    const bool beat = presenting_ && d.s_tready_o;
    if (presenting_ && d.m_tready_i && !d.s_tready_o) ++credit_stalls_;
    if (beat) {
      if (!d.m_tvalid_o || !d.m_tready_i)
        fail("s_tready high without a transfer on m_* (beat of frame " +
             std::to_string(tx_.front().index) + ")");
      for (unsigned i = 0; i < P::KeepW; ++i) {
        if (get_byte(d.m_tdata_o, i) != get_byte(d.s_tdata_i, i) ||
            get_bit(d.m_tkeep_o, i) != get_bit(d.s_tkeep_i, i))
          fail("pass-through changed byte " + std::to_string(i) + " of frame " +
               std::to_string(tx_.front().index));
      }
      if (d.m_tlast_o != d.s_tlast_i || d.m_tuser_o != d.s_tuser_i)
        fail("pass-through changed tlast/tuser of frame " + std::to_string(tx_.front().index));
      on_beat();
    } else if (d.m_tvalid_o && d.m_tready_i) {
      fail("transfer on m_* without one on s_*");
    }
    // handshake rules on the outputs: held until taken, unchanged meanwhile
    const model::RxDecision dec_now = read_decision();
    if (dec_stalled_ && (!d.dec_valid_o || !(dec_now == dec_prev_)))
      fail("dec_* changed or dropped dec_valid while dec_ready was low");
    if (m_stalled_ && !d.m_tvalid_o) fail("m_tvalid dropped while m_tready was low");
    dec_stalled_ = d.dec_valid_o && !d.dec_ready_i;
    dec_prev_ = dec_now;
    m_stalled_ = d.m_tvalid_o && !d.m_tready_i;
    if (d.dec_valid_o && d.dec_ready_i) on_decision();

    clk_.edge();
  }

  // Hold reset for `cycles` with a tlast beat offered all the while: no beat
  // may pass and no decision may come out (a tlast let through during reset
  // would leave the packet buffer with a frame that has no decision).
  void reset_with_traffic(unsigned cycles) {
    if (!sent_.empty() || !tx_.empty()) fail("reset_with_traffic() needs an idle harness");
    Dut& d = dut();
    d.rst_i = 1;
    for (unsigned i = 0; i < cycles; ++i) {
      for (unsigned b = 0; b < P::KeepW; ++b) set_byte(d.s_tdata_i, b, uint8_t(rng_.u64()));
      for (unsigned b = 0; b < P::KeepW; ++b) set_bit(d.s_tkeep_i, b, true);
      d.s_tvalid_i = 1;
      d.s_tlast_i = 1;
      d.m_tready_i = 1;
      d.dec_ready_i = 1;
      clk_.settle();
      if (d.s_tready_o || d.m_tvalid_o) fail("a beat was accepted during reset");
      if (d.dec_valid_o && i > 0) fail("a decision came out during reset");
      clk_.edge();
    }
    d.rst_i = 0;
    d.s_tvalid_i = 0;
    presenting_ = false;
    // reset cleared the filter table; the cfg_* ports are still ours
    for (auto& f : cfg_.filters) f = model::Filter{};
    versions_.push_back({cycle(), cfg_});
  }

  // Run until every queued frame has its decision (and config is applied).
  void drain(uint64_t max_cycles = 1000000) {
    uint64_t start = cycle(), last_progress = cycle(), seen = decisions_;
    while (!sent_.empty() || !tx_.empty() || config_pending()) {
      step();
      if (decisions_ != seen) {
        seen = decisions_;
        last_progress = cycle();
      }
      if (cycle() - last_progress > 20000)
        fail("no decision for 20000 cycles with " + std::to_string(sent_.size()) +
             " frames outstanding (hang)");
      if (cycle() - start > max_cycles) fail("drain exceeded its cycle budget");
    }
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(fmt::format("cycle {}: {}", cycle(), what));
  }

 private:
  struct Beat {
    std::vector<uint8_t> data;
    std::vector<bool> keep;
    bool last = false;
    bool user = false;
  };
  struct Pending {
    uint64_t index;
    std::vector<Beat> beats;
  };
  struct Version {
    uint64_t from_cycle;
    model::RxConfig cfg;
  };

  void drive_cfg_and_table() {
    Dut& d = dut();
    if (port_change_) {
      drive_cfg_ports();
      versions_.push_back({cycle(), cfg_});
      port_change_ = false;
    }
    d.tbl_we_i = 0;
    if (!table_writes_.empty()) {
      auto [idx, f] = table_writes_.front();
      table_writes_.pop_front();
      d.tbl_we_i = 1;
      d.tbl_idx_i = idx;
      d.tbl_valid_i = f.valid;
      d.tbl_type_i = uint8_t(f.type);
      d.tbl_mac_i = f.mac;
      d.tbl_vid_i = f.vid;
      d.tbl_qmask_i = f.qmask;
      if (idx < P::NumFilters) {
        cfg_.filters[idx] = f;
        versions_.push_back({cycle() + 1, cfg_});
      }
    }
  }

  void idle_inputs() {
    Dut& d = dut();
    d.s_tvalid_i = 0;
    d.s_tlast_i = 0;
    d.s_tuser_i = 0;
    d.m_tready_i = 1;
    d.dec_ready_i = 1;
    if constexpr (kDirectCfg) d.tbl_we_i = 0;
  }

  void drive_cfg_ports() {
    Dut& d = dut();
    const uint64_t qm = cfg_.queue_bits();
    d.cfg_tpid_i = cfg_.tpid;
    d.cfg_min_frame_i = cfg_.min_frame;
    d.cfg_max_frame_i = cfg_.max_frame;
    d.cfg_default_queue_i = cfg_.default_queue;
    d.cfg_bcast_i = cfg_.bcast & qm;
    d.cfg_mcast_i = cfg_.mcast & qm;
    d.cfg_promisc_i = cfg_.promisc & qm;
    d.cfg_rx_enable_i = cfg_.enabled & qm;
  }

  void on_beat() {
    if (beats_in_++ == 0) first_beat_cycle_ = cycle();
    last_beat_cycle_ = cycle();
    Pending& p = tx_.front();
    // find the Sent record of this frame (frames go in order)
    Sent* s = nullptr;
    for (auto& x : sent_)
      if (x.index == p.index) {
        s = &x;
        break;
      }
    const bool last = p.beats[beat_pos_].last;
    if (!hdr_done_ && (beat_pos_ + 1 == P::HdrBeats || last)) {
      s->hdr_cycle = cycle();
      hdr_done_ = true;
    }
    presenting_ = false;
    if (last) {
      s->last_cycle = cycle();
      tx_.pop_front();
      beat_pos_ = 0;
      hdr_done_ = false;
      ++frames_in_;
    } else {
      ++beat_pos_;
    }
  }

  model::RxDecision read_decision() {
    Dut& d = dut();
    model::RxDecision got;
    got.qmask = uint64_t(d.dec_qmask_o);
    got.drop = model::Drop(d.dec_drop_o);
    got.len = d.dec_len_o;
    got.tagged = d.dec_tagged_o;
    got.tci = d.dec_tci_o;
    got.bcast = d.dec_bcast_o;
    got.mcast = d.dec_mcast_o;
    return got;
  }

  const model::RxConfig& config_at(uint64_t c) const {
    const Version* v = &versions_.front();
    for (const auto& x : versions_) {
      if (x.from_cycle <= c)
        v = &x;
      else
        break;
    }
    return v->cfg;
  }

  void on_decision() {
    if (sent_.empty() || sent_.front().last_cycle == 0 || sent_.front().last_cycle >= cycle())
      fail("decision before the frame's tlast (or with no frame outstanding)");
    Sent s = std::move(sent_.front());
    sent_.pop_front();
    const model::RxDecision got = read_decision();
    const model::RxConfig& c = config_at(s.hdr_cycle + 1);
    model::RxDecision want = model::classify(c, s.frame);
    if (s.keep_err) {
      uint32_t n = 0;
      for (auto b : s.keep_bytes) n += b;
      want.len = uint16_t(std::min<uint32_t>(n, 65535));
    }
    bool ok = got.drop == want.drop && got.qmask == want.qmask && got.len == want.len;
    // header fields are defined once the 16-byte header is there (SPEC §3)
    if (ok && s.frame.data.size() >= 16)
      ok = got.tagged == want.tagged && got.tci == want.tci && got.bcast == want.bcast &&
           got.mcast == want.mcast;
    if (!ok) {
      std::string bytes;
      for (size_t i = 0; i < std::min<size_t>(s.frame.data.size(), 18); ++i)
        bytes += fmt::format("{:02x}", s.frame.data[i]);
      std::string qdiff;
      for (unsigned q = 0; q < P::NumQueues; ++q)
        if (((got.qmask ^ want.qmask) >> q) & 1)
          qdiff += fmt::format(" q{}:{}", q, (got.qmask >> q) & 1 ? "extra" : "missing");
      fail(
          fmt::format("frame #{} (len {}, err {}, header at cycle {}): decision mismatch\n"
                      "  want {}\n  got  {}\n  queues:{}\n  first bytes {}",
                      s.index, s.frame.data.size(), s.frame.err, s.hdr_cycle, model::describe(want),
                      model::describe(got), qdiff.empty() ? " same" : qdiff, bytes));
    }
    last_dut_ = got;
    ++decisions_;
    ++drop_count_[size_t(got.drop) & 7];
    // forget configuration versions nobody can need any more
    const uint64_t oldest = sent_.empty() ? cycle() : std::min(cycle(), sent_.front().hdr_cycle);
    while (versions_.size() > 1 && versions_[1].from_cycle <= oldest) versions_.pop_front();
  }

  Clocked<Dut> clk_;
  Rng rng_;
  SorterKnobs knobs_;
  model::RxConfig cfg_;
  bool port_change_ = false;
  std::deque<std::pair<unsigned, model::Filter>> table_writes_;
  std::deque<Version> versions_;
  std::deque<Pending> tx_;
  std::deque<Sent> sent_;
  size_t beat_pos_ = 0;
  bool presenting_ = false;
  bool hdr_done_ = false;
  uint64_t next_index_ = 0;
  uint64_t decisions_ = 0, beats_in_ = 0, frames_in_ = 0;
  uint64_t first_beat_cycle_ = 0, last_beat_cycle_ = 0;
  uint64_t drop_count_[8] = {};
  model::RxDecision last_dut_;
  model::RxDecision dec_prev_;
  bool dec_stalled_ = false, m_stalled_ = false;
  uint64_t credit_stalls_ = 0;
};

using SorterHarness = SorterHarnessT<VMQ_MODEL>;

}  // namespace vmq::tb
