// vmq_axis_async_fifo: constrained-random frame test with two independent
// clocks (docs/vmq-top.md). --mode rx (DropOnOverflow), tx (StoreAndForward)
// or plain (neither) must match the Verilated parameters.
//
// For every clock pair of clock_pairs() the source sends numbered frames
// (each beat carries its frame and beat number; random lengths, the last
// beat a random tkeep run, random tuser on tlast) with random idles; the
// sink takes them with random tready (full rate, sparse, long stalls) so
// that the FIFO overflows (rx) or backpressures (tx, plain). With
// --resets N, short resets hit one side or the other at random.
//
// Checks, for every delivered frame: it starts at beat 0 of a frame later
// than the previous one, its beats follow in order with the right data, and
// it ends at its own tlast (right tkeep and tuser) or earlier with tlast = 1
// and tuser = 1. Without resets, exactly:
// - rx: a frame whose drop pulse (s_drop_o) came with its beat k is absent
//   if k = 0 and ends at beat k (tlast, tuser) otherwise; a frame without a
//   pulse arrives intact; s_tready_o is always 1; with a sink faster than
//   the source at full rate, no drop at all once the FIFO has drained;
// - tx: no frame is presented before its last beat (or its cut beat) was
//   written; once a frame's first beat is presented, m_tvalid_o stays high
//   until its tlast is taken (no underrun, also while m_tready_i stalls);
//   frames of at most Depth beats arrive intact, longer ones are cut at beat
//   Depth with tuser = 1 and counted;
// - plain: every frame intact, nothing counted.
// s_drops_o equals the number of pulses. With resets, frames may also be
// absent or end early with tuser = 1, but never merged or headless, and every
// frame sent after the last reset arrives intact.
#include VMQ_MODEL_HEADER

#include <algorithm>
#include <cstdint>
#include <deque>
#include <stdexcept>
#include <string>
#include <vector>

#include "two_clock.hpp"
#include "vmq_tb.hpp"

#ifndef VMQ_PARAM_DataW
#define VMQ_PARAM_DataW 64
#endif
#ifndef VMQ_PARAM_Depth
#define VMQ_PARAM_Depth 16
#endif

namespace {

using namespace vmq::tb;
using Model = VMQ_MODEL;

constexpr unsigned kDataW = VMQ_PARAM_DataW;
constexpr unsigned kKeepW = kDataW / 8;
constexpr unsigned kDepth = VMQ_PARAM_Depth;
static_assert(kDataW >= 32 && kDataW <= 64, "the bench drives 32..64-bit beats");
constexpr uint64_t kDataMask = kDataW == 64 ? ~0ULL : ((1ULL << kDataW) - 1);
constexpr uint64_t kKeepAll = (1ULL << kKeepW) - 1;

enum class Mode { kRx, kTx, kPlain };

struct Frame {
  unsigned len = 0;
  uint64_t last_keep = 0;
  bool user = false;
  int pulse_beat = -1;     // beat whose s_drop_o pulse named this frame
  bool reset_hit = false;  // a reset came while it was in the FIFO's hands
  bool complete = false;   // its last (or cut) beat was taken by the source side
};

struct Result {
  uint64_t frames = 0, intact = 0, truncated = 0, absent = 0, pulses = 0, resets = 0;
  uint64_t cut = 0;
  uint64_t lat_min = ~0ULL, lat_max = 0;
};

class Bench {
 public:
  Bench(const Args& args, Mode mode, const ClockPair& cp, uint64_t seed, uint64_t frames,
        unsigned resets)
      : sim_(args, cp, seed, args.trace),
        mode_(mode),
        rng_(seed),
        target_(frames),
        resets_left_(resets) {}

  Result run() {
    auto& d = sim_.dut();
    d.s_rst_i = 1;
    d.m_rst_i = 1;
    d.s_tvalid_i = 0;
    d.m_tready_i = 0;
    s_rst_cycles_ = 3;
    m_rst_cycles_ = 3;
    reset_gap_ = resets_left_ ? std::max<uint64_t>(500, 20 * target_ / (resets_left_ + 1)) : 0;
    next_reset_ = reset_gap_;
    new_frame();
    const uint64_t limit = 4000 * target_ + 200000;
    uint64_t ev = 0, quiet = 0;
    while (sent_ < target_ || quiet < 4000) {
      if (++ev > limit)
        fail(fmt::format("no progress: frame {} of {} next expected at the sink (deadlock?)",
                         next_id_, target_));
      const uint64_t before = beats_out_;
      sim_.run_edge(
          [](Model& m, bool w, bool r) {
            m.s_clk_i = w;
            m.m_clk_i = r;
          },
          [&](unsigned) {}, [&] { sample_s(); }, [&] { sample_m(); }, [&] { drive_s(); },
          [&] { drive_m(); });
      quiet = (beats_out_ == before && !d.m_tvalid_o) ? quiet + 1 : 0;
    }
    if (m_open_) fail(fmt::format("frame {} still open at the end", cur_id_));
    // frames never delivered: only dropped ones
    for (uint64_t id = next_id_; id < sent_; ++id) absent(id);
    if (uint64_t(d.s_drops_o) != pulses_since_rst_)
      fail(fmt::format("s_drops_o {} but {} s_drop_o pulses since the last s_rst_i",
                       uint64_t(d.s_drops_o), pulses_since_rst_));
    res_.frames = sent_;
    return res_;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(fmt::format("[{}] t={} ps, s cycle {}, m cycle {}: {}",
                                         sim_.pair().name, sim_.now(), sim_.wr_cycle(),
                                         sim_.rd_cycle(), what));
  }
  static uint64_t data_of(uint64_t id, unsigned beat) {
    uint64_t h = (id * 0x9E3779B97F4A7C15ULL) ^ (beat * 0xC2B2AE3D27D4EB4FULL);
    h ^= h >> 31;
    return ((id & 0xfffff) | (uint64_t(beat & 0xfff) << 20) | (h << 32)) & kDataMask;
  }
  static uint64_t id_of(uint64_t data) { return data & 0xfffff; }
  static unsigned beat_of(uint64_t data) { return unsigned(data >> 20) & 0xfff; }

  unsigned random_len() {
    const unsigned r = unsigned(rng_.range(0, 99));
    switch (mode_) {
      case Mode::kRx:
        if (r < 45) return unsigned(rng_.range(1, 4));
        if (r < 85) return unsigned(rng_.range(5, kDepth));
        return unsigned(rng_.range(kDepth + 1, 2 * kDepth + 8));
      case Mode::kTx:
        if (r < 40) return unsigned(rng_.range(1, 4));
        if (r < 95) return unsigned(rng_.range(5, kDepth));
        return unsigned(rng_.range(kDepth + 1, kDepth + 12));  // longer than the FIFO: cut
      default:
        if (r < 50) return unsigned(rng_.range(1, 4));
        return unsigned(rng_.range(5, 2 * kDepth + 8));
    }
  }
  void new_frame() {
    Frame f;
    f.len = random_len();
    f.last_keep = (1ULL << rng_.range(1, kKeepW)) - 1;
    f.user = rng_.chance(0.1);
    frames_.push_back(f);
    s_beat_ = 0;
  }
  Frame& frame(uint64_t id) { return frames_[id]; }

  // ---- source (s_clk_i)
  void sample_s() {
    auto& d = sim_.dut();
    if (mode_ == Mode::kRx && !d.s_rst_i && !d.s_tready_o) fail("s_tready_o low in rx mode");
    const bool fire = d.s_tvalid_i && d.s_tready_o && !d.s_rst_i;
    const uint64_t id = sent_;
    if (d.s_rst_i) pulses_since_rst_ = 0;  // s_drops_o clears
    if (d.s_drop_o && !d.s_rst_i) {
      ++res_.pulses;
      ++pulses_since_rst_;
      if (fire) {
        Frame& f = frame(id);
        if (f.pulse_beat >= 0)
          fail(fmt::format("second drop pulse for frame {} (beat {}, first at {})", id, s_beat_,
                           f.pulse_beat));
        f.pulse_beat = int(s_beat_);
        if (!resets_ever_ && rx_calm_ > 4 * kDepth + 60 && calm_pair())
          fail(
              fmt::format("frame {} dropped at beat {} although the sink was faster and always "
                          "ready for {} source cycles",
                          id, s_beat_, rx_calm_));
      } else if (!resets_ever_) {
        fail("drop pulse without a beat and without a reset");
      } else {
        // the FIFO was emptied while part of the current frame was in it
        frame(s_beat_ > 0 ? id : id - 1).reset_hit = true;
      }
    }
    if (fire) {
      Frame& f = frame(id);
      if (sim_.now() < reset_until_ps_) f.reset_hit = true;  // in a reset's flush window
      if (s_beat_ == 0) first_write_ps_[id % kLatRing] = sim_.now();
      const bool last = s_beat_ + 1 == f.len;
      // complete in the FIFO: its last beat, or the beat that cut or ended it
      const bool was_complete = f.complete;
      if (f.pulse_beat == int(s_beat_) && s_beat_ > 0) f.complete = true;
      if (mode_ == Mode::kTx && s_beat_ + 1 == kDepth && f.len > kDepth) f.complete = true;
      if (last) f.complete = true;
      if (f.complete && !was_complete) last_write_ps_[id % kLatRing] = sim_.now();
      if (last) {
        ++sent_;
        if (sent_ < target_ + 1) new_frame();
      } else {
        ++s_beat_;
      }
      taken_ = true;
    }
  }
  // A reset: every frame not yet delivered may be hit, and so may every frame
  // written or read until the flush is over (the reset handshake takes a few
  // cycles of each clock; the window is generous).
  void mark_reset_window() {
    for (uint64_t id = next_id_ > 0 ? next_id_ - 1 : 0; id <= sent_ && id < frames_.size(); ++id)
      frames_[id].reset_hit = true;
    const auto& p = sim_.pair();
    reset_until_ps_ = sim_.now() + 40 * std::max(p.wr_period_ps, p.rd_period_ps);
  }
  bool calm_pair() const {
    const auto& p = sim_.pair();
    return mode_ == Mode::kRx && p.jitter == 0 && p.rd_period_ps < p.wr_period_ps;
  }
  void drive_s() {
    auto& d = sim_.dut();
    if (s_rst_cycles_ > 0) {
      --s_rst_cycles_;
      d.s_rst_i = 1;
    } else {
      d.s_rst_i = 0;
    }
    if (reset_gap_ && sim_.wr_cycle() >= next_reset_ && resets_left_ > 0 && sent_ < target_) {
      --resets_left_;
      ++res_.resets;
      resets_ever_ = true;
      next_reset_ += reset_gap_ / 2 + rng_.range(0, reset_gap_);
      const unsigned n = unsigned(rng_.range(1, 3));
      mark_reset_window();
      if (rng_.chance(0.5)) {
        s_rst_cycles_ = n - 1;
        d.s_rst_i = 1;
        // the source abandons its frame (a MAC reset ends the frame on the
        // wire): it can only arrive cut (tuser) or not at all
        if (s_beat_ > 0) {
          frame(sent_).reset_hit = true;
          frame(sent_).len = 0xfff;
          frame(sent_).complete = true;
          ++sent_;
          new_frame();
        }
        d.s_tvalid_i = 0;
        taken_ = false;
      } else {
        m_rst_req_ = n;
      }
    }
    if (sim_.rd_cycle() > 0 && m_calm_)
      ++rx_calm_;
    else
      rx_calm_ = 0;
    if (sim_.wr_cycle() >= shape_end_s_) {
      sshape_ = random_shape(rng_, mode_ != Mode::kRx);
      if (mode_ == Mode::kRx && rng_.chance(0.3)) sshape_.p = 1.0;  // MAC at line rate
      space_.clear();
      shape_end_s_ = sim_.wr_cycle() + rng_.range(50, 3000);
    }
    if (d.s_rst_i) return;
    // hold an offered beat until it is taken
    if (!(d.s_tvalid_i && !taken_)) d.s_tvalid_i = sent_ < target_ && space_.next(rng_, sshape_);
    taken_ = false;
    const Frame& f = frame(sent_);
    const bool last = s_beat_ + 1 == f.len;
    d.s_tdata_i = data_of(sent_, s_beat_);
    d.s_tkeep_i = last ? f.last_keep : kKeepAll;
    d.s_tlast_i = last;
    d.s_tuser_i = last && f.user;
  }

  // ---- sink (m_clk_i)
  void absent(uint64_t id) {
    const Frame& f = frame(id);
    if (f.pulse_beat == 0 || f.reset_hit) {
      ++res_.absent;
      return;
    }
    if (f.pulse_beat > 0)
      fail(
          fmt::format("frame {} absent, but its drop came at beat {} (expected a truncated "
                      "frame)",
                      id, f.pulse_beat));
    fail(fmt::format("frame {} ({} beats) missing and not counted as dropped", id, f.len));
  }
  void sample_m() {
    auto& d = sim_.dut();
    if (d.m_rst_i) {
      if (m_open_) next_id_ = cur_id_ + 1;  // the sink forgets its open frame
      m_open_ = false;
      m_presented_ = false;
      return;
    }
    if (sim_.now() < reset_until_ps_ && m_open_) frame(cur_id_).reset_hit = true;
    // no underrun: once a frame's first beat is presented, a beat every cycle
    if (mode_ == Mode::kTx && m_presented_ && !d.m_tvalid_o && !resets_ever_)
      fail(fmt::format("underrun: frame {} beat {} not presented", cur_id_, cur_beat_));
    if (d.m_tvalid_o && !m_presented_) {
      m_presented_ = true;
      const uint64_t data = uint64_t(d.m_tdata_o);
      const uint64_t id = m_open_ ? cur_id_ : id_of(data);
      if (!m_open_ && mode_ == Mode::kTx && id < frames_.size() && !frame(id).complete &&
          !resets_ever_)
        fail(fmt::format("frame {} presented before its last beat was written", id));
      if (!m_open_ && id <= sent_ && !resets_ever_ && id + kLatRing / 2 > sent_) {
        const uint64_t t =
            mode_ == Mode::kTx ? last_write_ps_[id % kLatRing] : first_write_ps_[id % kLatRing];
        const uint64_t e =
            (sim_.now() - t + sim_.pair().rd_period_ps / 2) / sim_.pair().rd_period_ps;
        if (was_empty_) {
          res_.lat_min = std::min(res_.lat_min, e);
          res_.lat_max = std::max(res_.lat_max, e);
        }
      }
    }
    if (!(d.m_tvalid_o && d.m_tready_i)) return;
    ++beats_out_;
    const uint64_t data = uint64_t(d.m_tdata_o);
    const uint64_t keep = uint64_t(d.m_tkeep_o);
    const bool last = d.m_tlast_o, user = d.m_tuser_o;
    if (!m_open_) {
      // a new frame: beat 0 of a frame after the previous one
      const uint64_t id = id_of(data);
      if (beat_of(data) != 0 || id < next_id_ || id >= frames_.size())
        fail(fmt::format("frame start {:#x} is not beat 0 of a frame >= {} (headless or merged)",
                         data, next_id_));
      for (uint64_t a = next_id_; a < id; ++a) absent(a);
      cur_id_ = id;
      cur_beat_ = 0;
      m_open_ = true;
    }
    const Frame& f = frame(cur_id_);
    const bool term = resets_ever_ && last && user && keep == 1 && data == 0;
    if (!term && data != data_of(cur_id_, cur_beat_))
      fail(fmt::format("frame {} beat {}: tdata {:#x}, expected {:#x}", cur_id_, cur_beat_, data,
                       data_of(cur_id_, cur_beat_)));
    const bool exp_last = cur_beat_ + 1 == f.len;
    const bool cut_here = f.pulse_beat == int(cur_beat_) && cur_beat_ > 0;
    if (cut_here || (term && f.reset_hit)) {
      if (!last || !user)
        fail(
            fmt::format("frame {} beat {}: the frame was cut here (drop), expected tlast=1 "
                        "tuser=1, got tlast={} tuser={}",
                        cur_id_, cur_beat_, last, user));
      ++res_.truncated;
      if (mode_ == Mode::kTx && f.len > kDepth) ++res_.cut;
    } else if (exp_last) {
      if (!last) fail(fmt::format("frame {} beat {}: tlast missing", cur_id_, cur_beat_));
      if (keep != f.last_keep && !(f.reset_hit && keep == kKeepAll))
        fail(fmt::format("frame {} last beat: tkeep {:#x}, expected {:#x}", cur_id_, keep,
                         f.last_keep));
      if (user != f.user && !(f.reset_hit && user))
        fail(fmt::format("frame {} last beat: tuser {}, expected {}", cur_id_, user, f.user));
      if (f.pulse_beat > 0 && !f.reset_hit)
        fail(fmt::format("frame {} intact, but it was counted as dropped at beat {}", cur_id_,
                         f.pulse_beat));
      if (f.reset_hit && user && !f.user)
        ++res_.truncated;
      else
        ++res_.intact;
    } else {
      if (last) {
        if (!(user && f.reset_hit))
          fail(fmt::format("frame {} ends at beat {} of {} (tuser={}) without a drop pulse",
                           cur_id_, cur_beat_, f.len, user));
        ++res_.truncated;
      } else if (keep != kKeepAll) {
        fail(fmt::format("frame {} beat {}: tkeep {:#x} before the last beat", cur_id_, cur_beat_,
                         keep));
      } else if (user) {
        fail(fmt::format("frame {} beat {}: tuser before the last beat", cur_id_, cur_beat_));
      }
    }
    if (last) {
      if (f.pulse_beat == 0 && !f.reset_hit)
        fail(fmt::format("frame {} delivered although its first beat was dropped", cur_id_));
      m_open_ = false;
      m_presented_ = false;
      next_id_ = cur_id_ + 1;
      was_empty_ = false;
    } else {
      ++cur_beat_;
      m_presented_ = true;  // the next beat must follow at once (tx)
    }
  }
  void drive_m() {
    auto& d = sim_.dut();
    if (m_rst_req_ > 0) {
      --m_rst_req_;
      d.m_rst_i = 1;
    } else if (m_rst_cycles_ > 0) {
      --m_rst_cycles_;
      d.m_rst_i = 1;
    } else {
      d.m_rst_i = 0;
    }
    if (sim_.rd_cycle() >= shape_end_m_) {
      mshape_ = random_shape(rng_, true);
      if (rng_.chance(0.3)) mshape_ = Shape{};  // always ready
      mpace_.clear();
      shape_end_m_ = sim_.rd_cycle() + rng_.range(50, 3000);
    }
    m_calm_ = mshape_.p >= 1.0 && mshape_.stall_p == 0;
    if (!d.m_tvalid_o && !m_open_) was_empty_ = true;
    d.m_tready_i = sent_ >= target_ ? 1 : mpace_.next(rng_, mshape_);
  }

  static constexpr unsigned kLatRing = 4096;
  TwoClockSim<Model> sim_;
  Mode mode_;
  Rng rng_;
  Result res_;
  uint64_t target_;
  unsigned resets_left_;
  bool resets_ever_ = false;
  uint64_t reset_gap_ = 0, next_reset_ = 0, reset_until_ps_ = 0;
  unsigned s_rst_cycles_ = 0, m_rst_cycles_ = 0, m_rst_req_ = 0;
  std::vector<Frame> frames_;
  uint64_t sent_ = 0;  // frames whose last beat the source side took (= id of the current one)
  unsigned s_beat_ = 0;
  bool taken_ = false;
  uint64_t next_id_ = 0, cur_id_ = 0, beats_out_ = 0;
  unsigned cur_beat_ = 0;
  bool m_open_ = false, m_presented_ = false, m_calm_ = false, was_empty_ = true;
  uint64_t rx_calm_ = 0, pulses_since_rst_ = 0;
  uint64_t last_write_ps_[kLatRing] = {}, first_write_ps_[kLatRing] = {};
  Shape sshape_, mshape_;
  Pacer space_, mpace_;
  uint64_t shape_end_s_ = 0, shape_end_m_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Args args(argc, argv, VMQ_TEST_NAME);
  const uint64_t frames = args.get("frames", 3000);
  const unsigned resets = unsigned(args.get("resets", 0));
  const uint64_t only = args.get("pair", 99);
  const std::string ms = args.kv.count("mode") ? args.kv.at("mode") : "plain";
  const Mode mode = ms == "rx" ? Mode::kRx : ms == "tx" ? Mode::kTx : Mode::kPlain;
  try {
    const auto& pairs = clock_pairs();
    for (size_t i = 0; i < pairs.size(); ++i) {
      if (only != 99 && only != i) continue;
      Bench b(args, mode, pairs[i], args.seed + i, frames, resets);
      const Result r = b.run();
      fmt::print(
          "  [{}] {:<16} {} frames: {} intact, {} truncated (tuser), {} absent; {} drops "
          "counted{}; {} resets; latency {}..{} sink edges\n",
          i, pairs[i].name, r.frames, r.intact, r.truncated, r.absent, r.pulses,
          mode == Mode::kTx ? fmt::format(" ({} cut, longer than Depth)", r.cut) : "", r.resets,
          r.lat_min == ~0ULL ? 0 : r.lat_min, r.lat_max);
      if (mode == Mode::kRx && resets == 0 && r.absent == 0)
        throw std::runtime_error(
            fmt::format("[{}] no frame dropped whole: stress too weak", pairs[i].name));
      if (mode == Mode::kRx && resets == 0 && r.truncated == 0)
        throw std::runtime_error(
            fmt::format("[{}] no frame terminated: stress too weak", pairs[i].name));
      if (mode == Mode::kTx && resets == 0 && r.cut == 0)
        throw std::runtime_error(fmt::format("[{}] no frame cut", pairs[i].name));
      if (mode == Mode::kPlain && resets == 0 && r.pulses != 0)
        throw std::runtime_error(fmt::format("[{}] drops in plain mode", pairs[i].name));
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: FAIL: {} (seed {})\n", VMQ_TEST_NAME, e.what(), args.seed);
    return 1;
  }
  fmt::print("{}: PASS\n", VMQ_TEST_NAME);
  return 0;
}
