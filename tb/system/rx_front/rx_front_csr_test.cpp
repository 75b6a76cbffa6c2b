// System test: the receive front end (sorter -> packet buffer -> SPEC §6
// counters) behind the register block (tb_rx_front_csr.sv).
//
// Every setting and filter entry is written over AXI4-Lite, random frames
// (SorterStimulus) go in with random idles, and the packet buffer's output is
// stalled at random, sometimes for thousands of cycles so that the buffer
// fills and drops at ingress. Checks:
//   - every delivered frame is byte-exact, in wire order, with the queue mask
//     and metadata of the reference model (vmq_model classify);
//   - no frame with a drop decision is ever delivered;
//   - after the traffic has drained, the six global receive counters read
//     over AXI4-Lite (LO then HI) equal exactly: rx_frames = frames sent,
//     err/runt/oversize/unmatched = the model's decisions, buffer drops =
//     frames the model delivers that did not come out;
//   - RESET.SOFT clears every counter (and the configuration).
//
//   rx_front_csr_test --seed N [--phases N] [--frames N]
#include VMQ_MODEL_HEADER

#include <deque>
#include <stdexcept>
#include <vector>
#include <vmq/vmq_regs.hpp>

#include "axil_master.hpp"
#include "rx_regs.hpp"
#include "sorter_stimulus.hpp"
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
#define VMQ_PARAM_MaxFrameBytes 8192
#endif
#ifndef VMQ_PARAM_PktBufBytes
#define VMQ_PARAM_PktBufBytes 16384
#endif

using namespace vmq;
using namespace vmq::tb;
namespace regs = vmq::regs;

namespace {

constexpr unsigned kDataW = VMQ_PARAM_DataW;
constexpr unsigned kKeepW = kDataW / 8;
constexpr unsigned kNumQueues = VMQ_PARAM_NumQueues;
constexpr unsigned kNumFilters = VMQ_PARAM_NumFilters;
constexpr unsigned kMaxFrameBytes = VMQ_PARAM_MaxFrameBytes;
constexpr uint32_t kPktBufBytes = VMQ_PARAM_PktBufBytes;

// Counter index = model::Drop value; 0 is rx_frames.
constexpr int kNumCnt = 6;
const char* const kCntName[kNumCnt] = {"rx_frames",          "rx_err_drops",
                                       "rx_runt_drops",      "rx_oversize_drops",
                                       "rx_unmatched_drops", "rx_buffer_drops"};
const uint32_t kCntLo[kNumCnt] = {regs::RX_FRAMES_LO,          regs::RX_ERR_DROPS_LO,
                                  regs::RX_RUNT_DROPS_LO,      regs::RX_OVERSIZE_DROPS_LO,
                                  regs::RX_UNMATCHED_DROPS_LO, regs::RX_BUFFER_DROPS_LO};
const uint32_t kCntHi[kNumCnt] = {regs::RX_FRAMES_HI,          regs::RX_ERR_DROPS_HI,
                                  regs::RX_RUNT_DROPS_HI,      regs::RX_OVERSIZE_DROPS_HI,
                                  regs::RX_UNMATCHED_DROPS_HI, regs::RX_BUFFER_DROPS_HI};

class Sys {
 public:
  using Dut = VMQ_MODEL;

 private:
  Clocked<Dut> clk_;  // constructed before bus, which needs it and rng_
  Rng rng_;

 public:
  Sys(const Args& args, uint64_t seed)
      : clk_(args, "rx_front"), rng_(seed), bus(clk_.dut(), rng_), cfg_(kNumFilters) {
    Dut& d = clk_.dut();
    d.s_tvalid_i = 0;
    d.s_tlast_i = 0;
    d.s_tuser_i = 0;
    d.m_tready_i = 1;
    clk_.reset();
    set_model_config(model::RxConfig(kNumFilters));
  }

  Dut& dut() { return clk_.dut(); }
  Rng& rng() { return rng_; }
  uint64_t cycle() const { return clk_.cycle(); }

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(fmt::format("cycle {}: {}", cycle(), what));
  }

  // ------------------------------------------------------------------ registers
  void wr(uint32_t a, uint32_t v) {
    bus.write_wait(a, v, [this] { step(); });
  }
  uint32_t rd(uint32_t a) {
    return bus.read_wait(a, [this] { step(); });
  }
  void expect(uint32_t a, uint32_t want, const char* what) {
    const uint32_t got = rd(a);
    if (got != want)
      fail(fmt::format("register 0x{:04x} ({}): read 0x{:08x}, expected 0x{:08x}", a, what, got,
                       want));
  }
  uint64_t rd64(uint32_t lo, uint32_t hi) {
    if (hi != lo + 4) fail(fmt::format("rd64: 0x{:x} is not the _HI of 0x{:x}", hi, lo));
    return vmq::regs::read_counter64([this](uint32_t a) { return rd(a); }, lo);
  }

  void program(const model::RxConfig& c) {
    program_rx_regs([this](uint32_t a, uint32_t v) { wr(a, v); }, c, kNumQueues, kNumFilters);
  }

  // The configuration now in force (programmed with no frame in flight).
  void set_model_config(const model::RxConfig& c) {
    cfg_ = c;
    cfg_.num_queues = kNumQueues;
    cfg_.max_frame_bytes = kMaxFrameBytes;
  }

  // Global soft reset: the front end and its counters start over.
  void soft_reset() {
    wr(regs::RESET, regs::RESET_SOFT_MASK);
    for (auto& c : want_) c = 0;
    set_model_config(model::RxConfig(kNumFilters));
  }

  // Read all six counters (LO then HI) and compare with the expectation.
  void check_counters(const char* when) {
    for (int i = 0; i < kNumCnt; ++i) {
      const uint64_t got = rd64(kCntLo[i], kCntHi[i]);
      if (got != want_[i])
        fail(fmt::format("{}: counter {} (0x{:04x}) reads {}, expected {}", when, kCntName[i],
                         kCntLo[i], got, want_[i]));
    }
  }
  const uint64_t* expected_counts() const { return want_; }

  // ------------------------------------------------------------------ traffic
  void send(const SorterStimulus::Frame& f) {
    Tx t;
    t.index = next_index_++;
    const size_t n = f.bytes.size();
    const size_t nbeats = n == 0 ? 1 : (n + kKeepW - 1) / kKeepW;
    for (size_t b = 0; b < nbeats; ++b) {
      Beat bt;
      for (unsigned i = 0; i < kKeepW; ++i) {
        const size_t at = b * kKeepW + i;
        bt.data.push_back(at < n ? f.bytes[at] : uint8_t(rng_.u64()));
        bt.keep.push_back(at < n);
      }
      t.beats.push_back(bt);
    }
    if (n == 0) t.beats[0].keep.assign(kKeepW, false);
    bool kerr = n == 0;
    if (f.keep_fault == 1 && nbeats >= 2) {
      t.beats[rng_.range(0, nbeats - 2)].keep[rng_.range(0, kKeepW - 1)] = false;
      kerr = true;
    } else if (f.keep_fault == 2) {
      auto& k = t.beats.back().keep;
      unsigned ones = 0;
      for (bool x : k) ones += x;
      if (ones >= 2)
        k[rng_.range(0, ones - 2)] = false;  // a gap inside the run
      else
        k.assign(kKeepW, false);  // or empty
      kerr = true;
    } else if (f.keep_fault == 3) {
      Beat bt;
      bt.data.assign(kKeepW, 0);
      bt.keep.assign(kKeepW, false);
      t.beats.push_back(bt);
      kerr = true;
    }
    for (auto& bt : t.beats) bt.user = rng_.chance(0.2);  // tuser counts on tlast only
    t.beats.back().last = true;
    t.beats.back().user = f.tuser;

    model::RxFrame mf{f.bytes, f.tuser || kerr};
    const model::RxDecision dec = model::classify(cfg_, mf);
    ++want_[0];  // rx_frames: every frame that arrives
    if (dec.drop != model::Drop::None) ++want_[size_t(dec.drop)];
    if (dec.drop == model::Drop::None) {
      ++sent_deliverable_;
      expect_.push_back({t.index, f.bytes, dec});
    } else {
      ++sent_dropped_;
    }
    ++sent_;
    tx_.push_back(std::move(t));
  }

  // Output stall profile: chance of m_tready low per cycle, and the chance per
  // cycle of starting a long stall (the buffer fills and drops at ingress).
  double p_stall = 0.2, p_long = 1.0 / 4000;
  unsigned long_min = 500, long_max = 6000;
  double p_idle = 0.1;

  void step() {
    Dut& d = dut();
    if (!presenting_ && !tx_.empty() && !rng_.chance(p_idle)) {
      const Beat& bt = tx_.front().beats[beat_pos_];
      for (unsigned i = 0; i < kKeepW; ++i) {
        set_byte(d.s_tdata_i, i, bt.data[i]);
        set_bit(d.s_tkeep_i, i, bt.keep[i]);
      }
      d.s_tlast_i = bt.last;
      d.s_tuser_i = bt.user;
      presenting_ = true;
    }
    if (!presenting_) {
      for (unsigned i = 0; i < kKeepW; ++i) {
        set_byte(d.s_tdata_i, i, uint8_t(rng_.u64()));
        set_bit(d.s_tkeep_i, i, rng_.chance(0.5));
      }
      d.s_tlast_i = rng_.chance(0.5);
      d.s_tuser_i = rng_.chance(0.5);
    }
    d.s_tvalid_i = presenting_;
    if (long_left_ == 0 && !drain_mode_ && rng_.chance(p_long)) {
      long_left_ = unsigned(rng_.range(long_min, long_max));
      ++long_stalls_;
    }
    if (long_left_) {
      --long_left_;
      d.m_tready_i = 0;
    } else {
      d.m_tready_i = drain_mode_ || !rng_.chance(p_stall);
    }
    bus.drive();
    clk_.settle();
    bus.sample();

    if (presenting_ && d.s_tready_o) {
      presenting_ = false;
      if (tx_.front().beats[beat_pos_].last) {
        tx_.pop_front();
        beat_pos_ = 0;
        ++frames_in_;
      } else {
        ++beat_pos_;
      }
    }
    if (m_stalled_ && !d.m_tvalid_o) fail("m_tvalid dropped while m_tready was low");
    m_stalled_ = d.m_tvalid_o && !d.m_tready_i;
    if (d.m_tvalid_o) ++busy_;
    if (d.m_tvalid_o && d.m_tready_i) on_out_beat();
    clk_.edge();
  }

  // Run until every frame went in and the buffer is empty and quiet: then
  // every frame the model delivers either came out or was dropped.
  void drain() {
    uint64_t quiet = 0, start = cycle();
    // first every frame goes in, under the phase's stall profile
    while (!tx_.empty() || presenting_) {
      step();
      if (cycle() - start > 20000000) fail("input did not drain (hang)");
    }
    // then the output runs free until the buffer is empty and quiet
    drain_mode_ = true;
    long_left_ = 0;
    while (quiet < 64) {
      step();
      const bool idle = !dut().m_tvalid_o && dut().free_bytes_o == kPktBufBytes;
      quiet = (tx_.empty() && !presenting_ && idle) ? quiet + 1 : 0;
      if (cycle() - start > 5000000) fail("drain did not finish (hang)");
    }
    drain_mode_ = false;
    if (!out_.empty()) fail("buffer idle in the middle of an output frame");
    // whatever the model delivers and did not come out was dropped for room
    while (!expect_.empty()) {
      expect_.pop_front();
      ++want_[size_t(model::Drop::Buffer)];
      ++buffer_dropped_;
    }
    if (!dut().room_for_max_o) fail("empty buffer reports no room for a MaxFrameBytes frame");
  }

  uint64_t sent() const { return sent_; }
  uint64_t delivered() const { return delivered_; }
  uint64_t buffer_dropped() const { return buffer_dropped_; }
  uint64_t long_stalls() const { return long_stalls_; }

  AxilMaster<Dut> bus;

 private:
  struct Beat {
    std::vector<uint8_t> data;
    std::vector<bool> keep;
    bool last = false;
    bool user = false;
  };
  struct Tx {
    uint64_t index;
    std::vector<Beat> beats;
  };
  struct Expect {
    uint64_t index;
    std::vector<uint8_t> bytes;
    model::RxDecision dec;
  };
  struct Meta {
    uint64_t qmask;
    uint16_t len, tci;
    bool tagged, bcast, mcast;
    bool operator==(const Meta&) const = default;
  };

  Meta read_meta() {
    Dut& d = dut();
    return {uint64_t(d.m_qmask_o), uint16_t(d.m_len_o), uint16_t(d.m_tci_o),
            bool(d.m_tagged_o),    bool(d.m_bcast_o),   bool(d.m_mcast_o)};
  }

  void on_out_beat() {
    Dut& d = dut();
    const Meta m = read_meta();
    if (out_.empty())
      out_meta_ = m;
    else if (!(m == out_meta_))
      fail(fmt::format("metadata changed inside output frame (after {} bytes)", out_.size()));
    unsigned ones = 0;
    bool run = true;
    for (unsigned i = 0; i < kKeepW; ++i) {
      const bool k = get_bit(d.m_tkeep_o, i);
      if (k) {
        run &= ones == i;
        ++ones;
        out_.push_back(get_byte(d.m_tdata_o, i));
      }
    }
    if (!d.m_tlast_o && ones != kKeepW) fail("output beat before tlast is not full");
    if (d.m_tlast_o && (ones == 0 || !run)) fail("output tlast beat tkeep is not a run from bit 0");
    if (d.m_tlast_o) {
      on_out_frame();
      out_.clear();
    }
  }

  static bool same(const Expect& e, const std::vector<uint8_t>& bytes, const Meta& m) {
    return e.bytes == bytes && m.qmask == e.dec.qmask && m.len == e.dec.len &&
           m.tagged == e.dec.tagged && m.tci == e.dec.tci && m.bcast == e.dec.bcast &&
           m.mcast == e.dec.mcast;
  }

  void on_out_frame() {
    size_t k = 0;
    while (k < expect_.size() && !same(expect_[k], out_, out_meta_)) ++k;
    if (k == expect_.size()) {
      std::string bytes;
      for (size_t i = 0; i < std::min<size_t>(out_.size(), 18); ++i)
        bytes += fmt::format("{:02x}", out_[i]);
      std::string near = "none pending";
      if (!expect_.empty()) {
        const Expect& e = expect_.front();
        size_t diff = 0;
        while (diff < std::min(e.bytes.size(), out_.size()) && e.bytes[diff] == out_[diff]) ++diff;
        near = fmt::format(
            "next expected frame #{} (len {}, want {}); got qmask 0x{:x} len {} tagged {} tci "
            "0x{:04x}; bytes equal up to {}",
            e.index, e.bytes.size(), model::describe(e.dec), out_meta_.qmask, out_meta_.len,
            out_meta_.tagged, out_meta_.tci, diff);
      }
      fail(fmt::format(
          "delivered frame #{} on the output (len {}, first bytes {}) matches no frame the "
          "model delivers (a dropped frame delivered, corruption or reordering): {}",
          delivered_, out_.size(), bytes, near));
    }
    // frames before the match were dropped by the buffer
    for (size_t i = 0; i < k; ++i) {
      expect_.pop_front();
      ++want_[size_t(model::Drop::Buffer)];
      ++buffer_dropped_;
    }
    expect_.pop_front();
    ++delivered_;
  }

  model::RxConfig cfg_;
  std::deque<Tx> tx_;
  std::deque<Expect> expect_;
  size_t beat_pos_ = 0;
  bool presenting_ = false, m_stalled_ = false, drain_mode_ = false;
  unsigned long_left_ = 0;
  std::vector<uint8_t> out_;
  Meta out_meta_{};
  uint64_t want_[kNumCnt] = {};
  uint64_t next_index_ = 0, sent_ = 0, sent_deliverable_ = 0, sent_dropped_ = 0;
  uint64_t frames_in_ = 0, delivered_ = 0, buffer_dropped_ = 0, long_stalls_ = 0, busy_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Verilated::commandArgs(argc, argv);
  Args args(argc, argv, VMQ_TEST_NAME);
  const uint64_t phases = args.get("phases", 6), frames = args.get("frames", 2500);
  try {
    Sys s(args, args.seed);
    Rng& r = s.rng();
    const SorterStimulus stim{kNumQueues, kMaxFrameBytes};

    s.expect(regs::ID_MAGIC, regs::MAGIC, "ID_MAGIC");
    s.expect(regs::ID_NUM_QUEUES, kNumQueues, "ID_NUM_QUEUES");
    s.expect(regs::ID_PKTBUF_BYTES, kPktBufBytes, "ID_PKTBUF_BYTES");
    s.check_counters("out of reset");

    // Out of reset every queue is disabled: good frames are unmatched.
    for (int i = 0; i < 50; ++i) s.send(stim.frame(r));
    s.drain();
    s.check_counters("after reset-config traffic");

    for (uint64_t ph = 0; ph < phases; ++ph) {
      model::RxConfig c = stim.ports(r, model::RxConfig(kNumFilters));
      for (auto& f : c.filters) f = stim.filter(r);
      // every other phase: many queues open, so most frames are delivered
      if (ph % 2 == 1) c.enabled = stim.qbits();
      s.program(c);
      s.set_model_config(c);
      // stall profile of this phase: none, light, heavy with long stalls
      static constexpr double kLong[] = {0.0, 1.0 / 8000, 1.0 / 2000};
      s.p_long = kLong[ph % 3];
      s.p_stall = r.chance(0.5) ? 0.1 : 0.5;
      s.p_idle = r.chance(0.5) ? 0.0 : 0.2;
      for (uint64_t i = 0; i < frames; ++i) {
        s.send(stim.frame(r));
        // a counter read while traffic runs: never ahead of the frames sent
        if (i % 200 == 0) {
          const uint64_t sent = s.sent();
          s.bus.read(regs::RX_FRAMES_LO, [&s, sent](uint32_t v) {
            if (v > sent)
              s.fail(fmt::format("rx_frames read {} while only {} frames were sent", v, sent));
          });
        }
        for (int k = 0; k < 64 && !s.bus.idle(); ++k) s.step();
      }
      s.drain();
      s.check_counters(fmt::format("end of phase {}", ph).c_str());
      const uint64_t* w = s.expected_counts();
      fmt::print(
          "phase {}: sent {} delivered {} | rx_frames {} err {} runt {} oversize {} unmatched {} "
          "buffer {} | {} long stalls\n",
          ph, s.sent(), s.delivered(), w[0], w[1], w[2], w[3], w[4], w[5], s.long_stalls());
    }
    if (s.buffer_dropped() == 0) s.fail("no buffer drop happened: the stalls are too short");

    // Global soft reset clears the counters and the configuration.
    s.soft_reset();
    s.check_counters("after soft reset");
    s.expect(regs::CTRL, regs::CTRL_RESET, "CTRL after soft reset");
    for (int i = 0; i < 50; ++i) s.send(stim.frame(r));
    s.drain();
    s.check_counters("after soft reset and traffic");
    const uint64_t* w = s.expected_counts();
    fmt::print("after soft reset: rx_frames {} err {} runt {} oversize {} unmatched {} buffer {}\n",
               w[0], w[1], w[2], w[3], w[4], w[5]);
    fmt::print(
        "{}: {} frames sent, {} delivered, {} buffer drops, {} register accesses, {} cycles\n"
        "PASS (seed {})\n",
        VMQ_TEST_NAME, s.sent(), s.delivered(), s.buffer_dropped(), s.bus.completed(), s.cycle(),
        args.seed);
    return 0;
  } catch (const std::exception& e) {
    fmt::print("FAIL (seed {}): {}\n", args.seed, e.what());
    return 1;
  }
}
