// Constrained-random test of vmq_rx_pktbuf (docs/pktbuf.md).
//
// The frame stream and the decisions are driven directly (no sorter): random
// lengths 1..MaxFrameBytes with the right tkeep on every beat, random idles,
// decisions 3..20 cycles after their frame's tlast (in order, so they lag
// several frames when frames are short), random drop reasons, and m_tready
// with random and long (hundreds of cycles) stalls so that the buffer fills
// and has to drop at ingress. Segments alternate between this stress mode and
// a full-rate mode (no idles, m_tready always high) in which no buffer drop
// is allowed; between segments the bench drains and checks that free_bytes_o
// is back at PktBufBytes.
//
// Checks: each delivered frame byte-exact with its tkeep, tlast and metadata,
// in order, held stable while stalled; no frame with a drop decision is ever
// delivered; one stat report per frame, in order, with the decision's reason
// first and DropBuffer only for frames whose decision said none; and an
// occupancy model built from what the bench sees entering and leaving flags a
// buffer drop when the frame provably fitted and a delivery when it provably
// could not fit (bounds and slack: see Occupancy below).
#include VMQ_MODEL_HEADER

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <deque>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "vmq_tb.hpp"

#ifndef VMQ_PARAM_DataW
#define VMQ_PARAM_DataW 64
#endif
#ifndef VMQ_PARAM_NumQueues
#define VMQ_PARAM_NumQueues 16
#endif
#ifndef VMQ_PARAM_PktBufBytes
#define VMQ_PARAM_PktBufBytes 65536
#endif
#ifndef VMQ_PARAM_MaxFrameBytes
#define VMQ_PARAM_MaxFrameBytes 9216
#endif
#ifndef VMQ_PARAM_FrameSlots
#define VMQ_PARAM_FrameSlots 64
#endif
#ifndef VMQ_PARAM_PendDepth
#define VMQ_PARAM_PendDepth 32
#endif

namespace {

using namespace vmq::tb;

constexpr unsigned kDataW = VMQ_PARAM_DataW;
constexpr unsigned kKeepW = kDataW / 8;
constexpr unsigned kNumQueues = VMQ_PARAM_NumQueues;
constexpr unsigned kBufBytes = VMQ_PARAM_PktBufBytes;
constexpr unsigned kMaxFrame = VMQ_PARAM_MaxFrameBytes;
constexpr unsigned kSlots = VMQ_PARAM_FrameSlots;
constexpr unsigned kPendDepth = VMQ_PARAM_PendDepth;
constexpr unsigned kWords = kBufBytes / kKeepW;
constexpr unsigned kMaxWords = (kMaxFrame + kKeepW - 1) / kKeepW;
// Occupancy slack. The DUT decides on last cycle's space (a read in the same
// cycle is not counted): SlackW words. Words already read from the RAM but not
// yet on m_* (4-entry output FIFO + 1 read in flight) are free in the DUT but
// not yet seen by the bench: SkidW words, and as many whole frames.
constexpr int64_t kSlackW = 2;
constexpr int64_t kSkidW = 5;
// The bench starts no new frame while this many decisions are outstanding
// (the sorter has 8 decision credits; the DUT's pending FIFO holds PendDepth).
constexpr unsigned kMaxPending = kPendDepth - 8;
static_assert(kPendDepth >= 16, "the bench needs PendDepth >= 16 for its decision lag");

enum : uint8_t { kNone = 0, kErr, kRunt, kOversize, kUnmatched, kBuffer };
const char* const kReasonName[] = {"none", "err", "runt", "oversize", "unmatched", "buffer"};

struct Frame {
  std::vector<uint8_t> data;  // released once the frame is out or dropped
  unsigned len = 0;
  unsigned words = 0;
  uint8_t reason = kNone;  // the decision's drop reason
  uint64_t qmask = 0;
  uint16_t tci = 0;
  bool tagged = false, bcast = false, mcast = false;
  bool full_rate = false;  // sent in a full-rate segment: must not be buffer-dropped
  int64_t c_first = -1, c_last = -1, c_dec = -1, c_stat = -1, out_last = -1;
  int64_t fb = -1;  // bound on the cycle the reader skips it (decision drops)
  uint8_t stat = 0xff;
  // what the DUT reported while the frame came in (free_bytes_o, room_for_max_o)
  int64_t used_first = -1, used_last = -1;  // Words - free words at the first / last beat
  bool saw_full = false;                    // a beat arrived while free_bytes_o was 0
  bool slots_full = false;                  // first beat: room_for_max_o low with free words
};

struct Knobs {
  double idle = 0;        // chance of an idle cycle on the input
  double stall = 0;       // chance m_tready is low in a cycle
  double long_stall = 0;  // chance per cycle that a long stall (100..1500 cycles) starts
  bool tiny = false;      // single-beat frames only
  bool full_rate = false;
};

class Bench {
 public:
  explicit Bench(const Args& args) : clk_(args, "pktbuf"), rng_(args.seed) {
    auto& d = clk_.dut();
    d.s_tvalid_i = 0;
    d.dec_valid_i = 0;
    d.m_tready_i = 0;
    clk_.reset();
    out_before_.assign(clk_.cycle() + 1, 0);
    outf_before_.assign(clk_.cycle() + 1, 0);
  }

  int run(uint64_t nframes) {
    auto t0 = std::chrono::steady_clock::now();
    uint64_t seg = 0;
    while (frames_.size() < nframes) {
      Knobs k;
      // every third segment runs at full rate with m_tready high
      k.full_rate = seg % 3 == 2;
      if (k.full_rate) {
        drain();
        k.tiny = rng_.chance(0.4);
      } else {
        const double idles[] = {0.0, 0.05, 0.3, 0.6};
        const double stalls[] = {0.0, 0.1, 0.4, 0.8};
        k.idle = idles[rng_.range(0, 3)];
        k.stall = stalls[rng_.range(0, 3)];
        k.long_stall = rng_.chance(0.6) ? 0.001 : 0.0;
        k.tiny = rng_.chance(0.15);
      }
      knobs_ = k;
      uint64_t target = std::min<uint64_t>(nframes, frames_.size() + rng_.range(200, 1500));
      while (frames_.size() < target || in_frame_) step(true);
      ++seg;
    }
    drain();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    fmt::print(
        "{}: frames={} delivered={} drops: err={} runt={} oversize={} unmatched={} buffer={} "
        "(buffer drops with decision none; full-rate frames {} with 0 buffer drops) "
        "beats_in={} beats_out={} cycles={} no_room_cycles={} ({:.2f} Mcycles/s)\n",
        VMQ_TEST_NAME, frames_.size(), count_[kNone], count_[kErr], count_[kRunt],
        count_[kOversize], count_[kUnmatched], count_[kBuffer], full_rate_frames_, beats_in_,
        out_beats_, clk_.cycle(), no_room_cycles_, clk_.cycle() / secs / 1e6);
    if (count_[kBuffer] == 0) fail("the buffer never dropped a frame: stress too weak");
    return 0;
  }

 private:
  Clocked<VMQ_MODEL> clk_;
  Rng rng_;
  Knobs knobs_;
  std::vector<Frame> frames_;

  // input
  bool in_frame_ = false;
  size_t in_idx_ = 0;
  unsigned in_beat_ = 0;
  bool stop_input_ = false;
  uint64_t beats_in_ = 0;
  // decisions
  struct DecDue {
    size_t idx;
    int64_t due;
  };
  std::deque<DecDue> dec_q_;
  bool dec_presenting_ = false;
  size_t decided_ = 0;
  int64_t dec_wait_ = 0;
  // stats and output
  size_t next_stat_ = 0;
  std::deque<size_t> expect_;  // delivered frames not yet fully output
  unsigned out_beat_ = 0;
  bool out_stalled_ = false;
  uint64_t out_beats_ = 0, out_frames_ = 0;
  // [c - hist_base_]: beats / frames output in cycles < c (trimmed at each drain)
  std::vector<uint64_t> out_before_, outf_before_;
  int64_t hist_base_ = 0;
  uint64_t out_before(int64_t c) const { return out_before_.at(size_t(c - hist_base_)); }
  uint64_t outf_before(int64_t c) const { return outf_before_.at(size_t(c - hist_base_)); }
  int64_t long_left_ = 0;
  uint64_t count_[6] = {};
  uint64_t full_rate_frames_ = 0, no_room_cycles_ = 0;
  // occupancy model (sums over frames before the one being judged)
  int64_t deliv_words_ = 0, deliv_cnt_ = 0, drop_words_ = 0, drop_cnt_ = 0;
  int64_t freed_words_ = 0, freed_cnt_ = 0, rfb_ = 0;
  size_t chain_ = 0;           // frames whose skip bound is known
  std::vector<size_t> drops_;  // decision-dropped frames, in order
  size_t freed_ptr_ = 0;       // drops_[..freed_ptr_) skipped before the judged frame

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(fmt::format("cycle {}: {}", clk_.cycle(), what));
  }
  std::string fdesc(size_t i) const {
    const Frame& f = frames_[i];
    return fmt::format("frame {} (len {}, {} words, decision {})", i, f.len, f.words,
                       kReasonName[f.reason]);
  }

  Frame make_frame() {
    Frame f;
    unsigned len;
    const unsigned r = unsigned(rng_.range(0, 99));
    if (knobs_.tiny)
      len = unsigned(rng_.range(1, kKeepW));
    else if (r < 25)
      len = unsigned(rng_.range(1, 2 * kKeepW + 8));
    else if (r < 50)
      len = unsigned(rng_.range(60, 200));
    else if (r < 75)
      len = unsigned(rng_.range(201, std::min(1518u, kMaxFrame)));
    else if (r < 93)
      len = unsigned(rng_.range(1, kMaxFrame));
    else
      len = kMaxFrame - unsigned(rng_.range(0, kKeepW));
    f.len = len;
    f.data.resize(len);
    for (auto& b : f.data) b = uint8_t(rng_.u64());
    f.words = (len + kKeepW - 1) / kKeepW;
    f.reason = rng_.chance(0.3) ? uint8_t(rng_.range(kErr, kUnmatched)) : uint8_t(kNone);
    f.qmask = rng_.u64() & (kNumQueues >= 64 ? ~0ULL : ((1ULL << kNumQueues) - 1));
    f.tci = uint16_t(rng_.u64());
    f.tagged = rng_.chance(0.5);
    f.bcast = rng_.chance(0.3);
    f.mcast = rng_.chance(0.3);
    f.full_rate = knobs_.full_rate;
    return f;
  }

  void drive_input() {
    auto& d = clk_.dut();
    const size_t pending = frames_.size() - decided_ - (in_frame_ ? 1 : 0);
    bool present = false;
    if (!in_frame_ && !stop_input_ && pending < kMaxPending && !rng_.chance(knobs_.idle)) {
      frames_.push_back(make_frame());
      if (knobs_.full_rate) ++full_rate_frames_;
      in_idx_ = frames_.size() - 1;
      in_beat_ = 0;
      in_frame_ = true;
      present = true;
    } else if (in_frame_ && !rng_.chance(knobs_.idle)) {
      present = true;
    }
    d.s_tvalid_i = present;
    if (present) {
      const Frame& f = frames_[in_idx_];
      for (unsigned i = 0; i < kKeepW; ++i) {
        const size_t at = size_t(in_beat_) * kKeepW + i;
        set_byte(d.s_tdata_i, i, at < f.len ? f.data[at] : uint8_t(rng_.u64()));
        set_bit(d.s_tkeep_i, i, at < f.len);
      }
      d.s_tlast_i = in_beat_ + 1 == f.words;
    } else {
      for (unsigned i = 0; i < kKeepW; ++i) {
        set_byte(d.s_tdata_i, i, uint8_t(rng_.u64()));
        set_bit(d.s_tkeep_i, i, rng_.chance(0.5));
      }
      d.s_tlast_i = rng_.chance(0.5);
    }
    d.s_tuser_i = rng_.chance(0.2);  // ignored by the DUT
  }

  void drive_decision() {
    auto& d = clk_.dut();
    if (!dec_presenting_ && !dec_q_.empty() && int64_t(clk_.cycle()) >= dec_q_.front().due)
      dec_presenting_ = true;
    d.dec_valid_i = dec_presenting_;
    if (dec_presenting_) {
      const Frame& f = frames_[dec_q_.front().idx];
      d.dec_qmask_i = std::remove_reference_t<decltype(d.dec_qmask_i)>(f.qmask);
      d.dec_drop_i = f.reason;
      d.dec_len_i = uint16_t(f.len);
      d.dec_tagged_i = f.tagged;
      d.dec_tci_i = f.tci;
      d.dec_bcast_i = f.bcast;
      d.dec_mcast_i = f.mcast;
    } else {
      d.dec_qmask_i = std::remove_reference_t<decltype(d.dec_qmask_i)>(rng_.u64());
      d.dec_drop_i = uint8_t(rng_.range(0, 7));
      d.dec_len_i = uint16_t(rng_.u64());
      d.dec_tagged_i = rng_.chance(0.5);
      d.dec_tci_i = uint16_t(rng_.u64());
      d.dec_bcast_i = rng_.chance(0.5);
      d.dec_mcast_i = rng_.chance(0.5);
    }
  }

  void drive_ready(bool random) {
    auto& d = clk_.dut();
    bool ready = true;
    if (random && !knobs_.full_rate) {
      if (long_left_ > 0) {
        ready = false;
        --long_left_;
      } else if (rng_.chance(knobs_.long_stall)) {
        long_left_ = int64_t(rng_.range(100, 1500));
        ready = false;
      } else {
        ready = !rng_.chance(knobs_.stall);
      }
    }
    d.m_tready_i = ready;
  }

  void step(bool random_ready) {
    auto& d = clk_.dut();
    const int64_t c = int64_t(clk_.cycle());
    drive_input();
    drive_decision();
    drive_ready(random_ready);
    clk_.settle();

    if (!d.s_tready_o) fail("s_tready_o is low: the buffer must never backpressure the MAC");
    // input beat
    if (d.s_tvalid_i) {
      Frame& f = frames_[in_idx_];
      ++beats_in_;
      const int64_t used = int64_t(kWords) - int64_t(d.free_bytes_o / kKeepW);
      if (used == int64_t(kWords)) f.saw_full = true;
      if (in_beat_ == 0) {
        f.c_first = c;
        f.used_first = used;
        f.slots_full = !d.room_for_max_o && used + kMaxWords <= kWords;
      }
      if (++in_beat_ == f.words) {
        f.c_last = c;
        f.used_last = used;
        in_frame_ = false;
        dec_q_.push_back({in_idx_, c + int64_t(rng_.range(3, 20))});
      }
    }
    // decision handshake
    if (d.dec_valid_i) {
      if (d.dec_ready_o) {
        frames_[dec_q_.front().idx].c_dec = c;
        dec_q_.pop_front();
        dec_presenting_ = false;
        ++decided_;
        dec_wait_ = 0;
      } else if (++dec_wait_ > 2000) {
        fail(fmt::format("dec_ready_o low for 2000 cycles with the decision of {} waiting",
                         fdesc(dec_q_.front().idx)));
      }
    }
    check_stat(c);
    check_output(c);
    // flow status
    const uint64_t freeb = d.free_bytes_o;
    if (freeb > kBufBytes || freeb % kKeepW) fail(fmt::format("free_bytes_o = {}", freeb));
    if (d.room_for_max_o && freeb < uint64_t(kMaxWords) * kKeepW)
      fail(fmt::format("room_for_max_o high with free_bytes_o = {}", freeb));
    if (!d.room_for_max_o) ++no_room_cycles_;

    out_before_.push_back(out_beats_);
    outf_before_.push_back(out_frames_);
    clk_.edge();
  }

  void check_stat(int64_t c) {
    auto& d = clk_.dut();
    if (!d.stat_valid_o) return;
    const size_t i = next_stat_++;
    if (i >= frames_.size() || frames_[i].c_dec < 0 || frames_[i].c_dec >= c)
      fail(fmt::format("stat report #{} before that frame's decision was taken", i));
    Frame& f = frames_[i];
    const uint8_t s = d.stat_drop_o;
    if (d.stat_len_o != f.len || bool(d.stat_bcast_o) != f.bcast || bool(d.stat_mcast_o) != f.mcast)
      fail(fmt::format("stat of {}: len {} bcast {} mcast {}, expected {} {} {}", fdesc(i),
                       d.stat_len_o, d.stat_bcast_o, d.stat_mcast_o, f.len, f.bcast, f.mcast));
    if (f.reason != kNone ? s != f.reason : (s != kNone && s != kBuffer))
      fail(
          fmt::format("stat of {} says {} (decision {}: its reason comes first, buffer only "
                      "when it said none)",
                      fdesc(i), s < 6 ? kReasonName[s] : "?", kReasonName[f.reason]));
    f.stat = s;
    f.c_stat = c;
    ++count_[s];
    if (s == kBuffer && f.full_rate)
      fail(fmt::format("{} dropped for buffer space at full rate with m_tready high", fdesc(i)));
    judge_occupancy(i);
    // add it to the sums seen by later frames
    if (s != kNone) std::vector<uint8_t>().swap(f.data);
    if (s == kNone) {
      deliv_words_ += f.words;
      ++deliv_cnt_;
      expect_.push_back(i);
    } else if (s != kBuffer) {
      drop_words_ += f.words;
      ++drop_cnt_;
      drops_.push_back(i);
    }
  }

  // Occupancy model. For frame i (all earlier frames' fates known):
  //  upper bound on the DUT's used words at i's first beat c_s = words of
  //  delivered earlier frames not yet seen on m_* + words of decision-dropped
  //  earlier frames whose skip is not provably done (may still be stored;
  //  the reader skips a dropped frame at the latest 1 cycle after both its
  //  decision+2 and the previous delivered frame's last beat+2);
  //  lower bound at i's tlast c_e = delivered earlier words not yet seen on
  //  m_* minus SkidW (decision-dropped frames count 0: they may have
  //  overflowed). Frame slots are bounded the same way.
  // Checked: free_bytes_o within these bounds at the frame's first beat and
  // tlast; a buffer drop only if free_bytes_o was 0 at one of its beats or a
  // frame slot was missing (room_for_max_o low with free words, or the model
  // cannot exclude it); never stored if either was the case; and, from the
  // model alone, a drop only if the frame could not fit with SlackW words to
  // spare, a delivery only if it fitted with SkidW words of doubt.
  void judge_occupancy(size_t i) {
    const Frame& f = frames_[i];
    // extend the chain of skip bounds as far as the known outputs allow
    while (chain_ < i) {
      Frame& g = frames_[chain_];
      if (g.stat == kNone) {
        if (g.out_last < 0) break;
        rfb_ = std::max(rfb_, g.out_last + 2);
      } else if (g.stat != kBuffer) {
        g.fb = std::max(rfb_, g.c_dec + 2) + 1;
        rfb_ = g.fb;
      }
      ++chain_;
    }
    const int64_t cs = f.c_first, ce = f.c_last;
    while (freed_ptr_ < drops_.size() && drops_[freed_ptr_] < chain_ &&
           frames_[drops_[freed_ptr_]].fb < cs) {
      freed_words_ += frames_[drops_[freed_ptr_]].words;
      ++freed_cnt_;
      ++freed_ptr_;
    }
    const int64_t ub_words = deliv_words_ - int64_t(out_before(cs)) + drop_words_ - freed_words_;
    const int64_t ub_slots = deliv_cnt_ - int64_t(outf_before(cs)) + drop_cnt_ - freed_cnt_;
    // 1. free_bytes_o must agree with the model's bounds
    const int64_t lb_first = deliv_words_ - int64_t(out_before(cs)) - kSkidW;
    if (f.used_first > ub_words || f.used_first < lb_first)
      fail(
          fmt::format("{}: at its first beat (cycle {}) free_bytes_o says {} of {} words used; "
                      "the model says {}..{}",
                      fdesc(i), cs, f.used_first, kWords, lb_first, ub_words));
    // 2. a buffer drop needs a full buffer at one of its beats, or no free slot
    // (room_for_max_o shows the slot state only while free words >= MaxWords)
    const bool slots_unseen = f.used_first + int64_t(kMaxWords) > int64_t(kWords);
    if (f.stat == kBuffer && !f.saw_full && !f.slots_full &&
        !(slots_unseen && ub_slots + 1 > int64_t(kSlots)))
      fail(
          fmt::format("{} (cycles {}..{}) dropped for buffer space although free_bytes_o was "
                      "never 0 at its beats and room_for_max_o did not report a slot shortage",
                      fdesc(i), cs, ce));
    if (f.stat == kBuffer && f.slots_full && ub_slots + 1 <= kSlots)
      fail(
          fmt::format("{} (cycle {}): room_for_max_o reported no free frame slot, but at most "
                      "{} of {} slots were in use",
                      fdesc(i), cs, ub_slots, kSlots));
    if (f.stat == kNone && (f.saw_full || f.slots_full))
      fail(fmt::format("{} (cycles {}..{}) was stored although {}", fdesc(i), cs, ce,
                       f.saw_full ? "a beat arrived while free_bytes_o was 0"
                                  : "room_for_max_o reported no free slot at its first beat"));
    // 3. the model's own view: a drop only when it could not fit (slack SlackW)
    if (f.stat == kBuffer && ub_words + f.words + kSlackW <= kWords && ub_slots + 1 <= kSlots)
      fail(
          fmt::format("{} (cycles {}..{}) dropped for buffer space although it fitted: at most "
                      "{} of {} words and {} of {} slots were in use at its first beat",
                      fdesc(i), cs, ce, ub_words, kWords, ub_slots, kSlots));
    if (f.stat == kNone) {
      const int64_t lb_words = deliv_words_ - int64_t(out_before(ce)) - kSkidW;
      const int64_t lb_slots = deliv_cnt_ - int64_t(outf_before(cs)) - kSkidW;
      if (lb_words + f.words > kWords)
        fail(
            fmt::format("{} (cycles {}..{}) was stored although it could not fit: at least {} "
                        "of {} words were held by earlier frames at its tlast",
                        fdesc(i), cs, ce, lb_words, kWords));
      if (f.used_last < lb_words + f.words - 1)
        fail(
            fmt::format("{}: at its tlast (cycle {}) free_bytes_o says {} of {} words used; "
                        "the model says at least {}",
                        fdesc(i), ce, f.used_last, kWords, lb_words + f.words - 1));
      if (lb_slots + 1 > kSlots)
        fail(fmt::format("{} (cycle {}) was stored although all {} frame slots were in use",
                         fdesc(i), cs, kSlots));
    }
  }

  void check_output(int64_t c) {
    auto& d = clk_.dut();
    if (!d.m_tvalid_o) {
      if (out_stalled_) fail("m_tvalid_o dropped while m_tready_i was low");
      out_stalled_ = false;
      return;
    }
    if (expect_.empty())
      fail(
          "m_tvalid_o high with no delivered frame due (a dropped frame leaked, or a "
          "frame was output twice)");
    const size_t i = expect_.front();
    const Frame& f = frames_[i];
    const size_t n = f.len;
    const bool last = out_beat_ + 1 == f.words;
    for (unsigned b = 0; b < kKeepW; ++b) {
      const size_t at = size_t(out_beat_) * kKeepW + b;
      const bool keep = at < n;
      if (get_bit(d.m_tkeep_o, b) != keep)
        fail(fmt::format("{}: beat {} tkeep bit {} is {}", fdesc(i), out_beat_, b, !keep));
      if (keep && get_byte(d.m_tdata_o, b) != f.data[at])
        fail(fmt::format("{}: byte {} is {:#04x}, expected {:#04x}", fdesc(i), at,
                         get_byte(d.m_tdata_o, b), f.data[at]));
    }
    if (bool(d.m_tlast_o) != last)
      fail(
          fmt::format("{}: beat {} of {} has tlast {}", fdesc(i), out_beat_, f.words, d.m_tlast_o));
    if (uint64_t(d.m_qmask_o) != f.qmask || d.m_len_o != n || bool(d.m_tagged_o) != f.tagged ||
        d.m_tci_o != f.tci || bool(d.m_bcast_o) != f.bcast || bool(d.m_mcast_o) != f.mcast)
      fail(fmt::format(
          "{}: beat {} metadata qmask {:#x} len {} tagged {} tci {:#x} bcast {} "
          "mcast {}, expected {:#x} {} {} {:#x} {} {}",
          fdesc(i), out_beat_, uint64_t(d.m_qmask_o), d.m_len_o, d.m_tagged_o, d.m_tci_o,
          d.m_bcast_o, d.m_mcast_o, f.qmask, n, f.tagged, f.tci, f.bcast, f.mcast));
    out_stalled_ = !d.m_tready_i;
    if (!d.m_tready_i) return;
    ++out_beats_;
    if (last) {
      frames_[i].out_last = c;
      std::vector<uint8_t>().swap(frames_[i].data);
      expect_.pop_front();
      ++out_frames_;
      out_beat_ = 0;
    } else {
      ++out_beat_;
    }
  }

  // Stop the input, let everything out with m_tready high, check the buffer
  // is empty again.
  void drain() {
    stop_input_ = true;
    const uint64_t start = clk_.cycle();
    while (in_frame_ || next_stat_ < frames_.size() || !expect_.empty()) {
      step(false);
      if (clk_.cycle() - start > 200000)
        fail(fmt::format("drain: no progress ({} of {} stats, {} frames still to output{})",
                         next_stat_, frames_.size(), expect_.size(),
                         expect_.empty() ? "" : ", next " + fdesc(expect_.front())));
    }
    for (int k = 0; k < 8; ++k) step(false);
    auto& d = clk_.dut();
    if (d.free_bytes_o != kBufBytes || !d.room_for_max_o || d.m_tvalid_o || d.stat_valid_o)
      fail(
          fmt::format("idle after drain: free_bytes_o {} (expected {}), room_for_max_o {}, "
                      "m_tvalid_o {}, stat_valid_o {}",
                      d.free_bytes_o, kBufBytes, d.room_for_max_o, d.m_tvalid_o, d.stat_valid_o));
    stop_input_ = false;
  }
};

}  // namespace

int main(int argc, char** argv) {
  Args args(argc, argv, VMQ_TEST_NAME);
  try {
    Bench b(args);
    return b.run(args.get("frames", 20000));
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: FAIL: {} (seed {})\n", VMQ_TEST_NAME, e.what(), args.seed);
    return 1;
  }
}
