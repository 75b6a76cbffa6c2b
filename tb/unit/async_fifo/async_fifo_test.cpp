// vmq_async_fifo: constrained-random test with two independent clocks
// (docs/vmq-top.md).
//
// For every clock pair of clock_pairs() (1:1 in phase and out of phase,
// 156.25:250, 250:156.25, 3:7, 7:3, 1:1 with 25 % jitter) the writer offers
// numbered random words with random valid and the reader takes them with
// random ready, both changing shape (full rate, sparse, long stalls) every
// few hundred cycles, so the FIFO runs full and empty. With --resets N,
// that many one- to three-cycle resets hit one side or the other at random.
//
// Checks: every word arrives once, in order, intact; words are lost only if
// a reset came after they were written (a reset empties the FIFO: any word
// the write side took while not busy after the last reset must arrive);
// valid/data stay stable while the reader stalls; the counts are
// conservative (wr_count_o >= words in the RAM >= rd_count_o); no deadlock
// (everything written drains at the end). Also reported: the latency of a
// word written into an empty FIFO, in read-clock edges.
#include VMQ_MODEL_HEADER

#include <algorithm>
#include <cstdint>
#include <deque>
#include <stdexcept>
#include <string>
#include <vector>

#include "two_clock.hpp"
#include "vmq_tb.hpp"

#ifndef VMQ_PARAM_Width
#define VMQ_PARAM_Width 8
#endif
#ifndef VMQ_PARAM_Depth
#define VMQ_PARAM_Depth 16
#endif
#ifndef VMQ_PARAM_SyncStages
#define VMQ_PARAM_SyncStages 2
#endif

namespace {

using namespace vmq::tb;
using Model = VMQ_MODEL;

constexpr unsigned kWidth = VMQ_PARAM_Width;
constexpr unsigned kDepth = VMQ_PARAM_Depth;
static_assert(kWidth <= 64, "the bench drives words of up to 64 bits");
constexpr uint64_t kMask = kWidth == 64 ? ~0ULL : ((1ULL << kWidth) - 1);

struct Result {
  uint64_t words = 0, lost = 0, fulls = 0, resets = 0;
  uint64_t lat_min = ~0ULL, lat_max = 0;
};

class Bench {
 public:
  Bench(const Args& args, const ClockPair& cp, uint64_t seed, uint64_t words, unsigned resets)
      : sim_(args, cp, seed, args.trace), rng_(seed), target_(words), resets_left_(resets) {}

  Result run() {
    auto& d = sim_.dut();
    d.wr_rst_i = 1;
    d.rd_rst_i = 1;
    d.wr_valid_i = 0;
    d.rd_ready_i = 0;
    d.wr_data_i = 0;
    wr_rst_cycles_ = 3;
    rd_rst_cycles_ = 3;
    // a reset is planned every so many write cycles
    reset_gap_ = resets_left_ ? std::max<uint64_t>(200, 4 * target_ / (resets_left_ + 1)) : 0;
    next_reset_ = reset_gap_;
    const uint64_t limit = 400 * target_ + 200000;  // events
    uint64_t ev = 0, quiet = 0;
    // run until everything was offered and nothing moved for a while
    while (written_ < target_ || quiet < 2000) {
      if (++ev > limit)
        fail(fmt::format("no progress: {} of {} words delivered (deadlock?)", delivered_, target_));
      const uint64_t before = delivered_;
      sim_.run_edge(
          [](Model& m, bool w, bool r) {
            m.wr_clk_i = w;
            m.rd_clk_i = r;
          },
          [&](unsigned) { check_counts(); }, [&] { sample_wr(); }, [&] { sample_rd(); },
          [&] { drive_wr(); }, [&] { drive_rd(); });
      const auto& d = sim_.dut();
      quiet = (delivered_ == before && !d.rd_valid_o && !d.wr_rst_busy_o && !d.rd_rst_busy_o)
                  ? quiet + 1
                  : 0;
    }
    // words never delivered: only those a reset may have removed
    if (next_seq_ < written_) {
      if (written_ > watermark_)
        fail(fmt::format("word {} never delivered (of {} written; no reset since it was written)",
                         std::max(next_seq_, watermark_), written_));
      lost_ += written_ - next_seq_;
      next_seq_ = written_;
    }
    res_.words = delivered_;
    res_.lost = lost_;
    return res_;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(fmt::format("[{}] t={} ps, wr cycle {}, rd cycle {}: {}",
                                         sim_.pair().name, sim_.now(), sim_.wr_cycle(),
                                         sim_.rd_cycle(), what));
  }

  uint64_t word_of(uint64_t seq) const {
    // sequence number in the low bits, a hash of it above
    uint64_t h = seq * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    return ((seq & 0xffff) | (h << 16)) & kMask;
  }

  // ---- write clock domain
  void sample_wr() {
    auto& d = sim_.dut();
    if (d.wr_rst_busy_o) {
      // everything taken so far may be lost in the reset
      watermark_ = written_;
    }
    if (!d.wr_rst_i && !d.wr_rst_busy_o && !d.wr_ready_o) {
      ++res_.fulls;
      if (d.wr_count_o != kDepth)
        fail(fmt::format("wr_ready_o low with wr_count_o {} (Depth {})", d.wr_count_o, kDepth));
    }
    if (d.wr_valid_i && d.wr_ready_o) {
      if (d.wr_rst_i) fail("wr_ready_o high during wr_rst_i");
      if (watermark_ <= next_seq_ && written_ == next_seq_ && !d.rd_valid_o && !lat_pending_) {
        lat_pending_ = true;  // into an empty FIFO: measure its latency
        lat_seq_ = written_;
        lat_ps_ = sim_.now();
      }
      ++written_;
      taken_ = true;
    }
  }
  void drive_wr() {
    auto& d = sim_.dut();
    // resets
    if (wr_rst_cycles_ > 0) {
      --wr_rst_cycles_;
      d.wr_rst_i = 1;
    } else {
      d.wr_rst_i = 0;
    }
    if (reset_gap_ && sim_.wr_cycle() >= next_reset_ && resets_left_ > 0 && written_ < target_) {
      --resets_left_;
      ++res_.resets;
      next_reset_ += reset_gap_ / 2 + rng_.range(0, reset_gap_);
      const unsigned n = unsigned(rng_.range(1, 3));
      if (rng_.chance(0.5)) {
        wr_rst_cycles_ = n - 1;
        d.wr_rst_i = 1;
      } else {
        rd_rst_req_ = n;  // the read side applies it at its next edge
      }
    }
    if (sim_.wr_cycle() >= shape_end_wr_) {
      wshape_ = random_shape(rng_, true);
      wpace_.clear();
      shape_end_wr_ = sim_.wr_cycle() + rng_.range(50, 2000);
    }
    // hold an offered word until it is taken
    if (!(d.wr_valid_i && !taken_)) d.wr_valid_i = written_ < target_ && wpace_.next(rng_, wshape_);
    d.wr_data_i = word_of(written_);
    taken_ = false;
  }

  // ---- read clock domain
  void sample_rd() {
    auto& d = sim_.dut();
    if (d.rd_valid_o) {
      if (held_valid_ && uint64_t(d.rd_data_o) != held_data_)
        fail(fmt::format("rd_data_o changed while stalled: {:#x} -> {:#x}", held_data_,
                         uint64_t(d.rd_data_o)));
      if (lat_pending_ && uint64_t(d.rd_data_o) == word_of(lat_seq_)) {
        const uint64_t edges =
            (sim_.now() - lat_ps_ + sim_.pair().rd_period_ps / 2) / sim_.pair().rd_period_ps;
        res_.lat_min = std::min(res_.lat_min, edges);
        res_.lat_max = std::max(res_.lat_max, edges);
        lat_pending_ = false;
      }
    }
    if (d.rd_valid_o && d.rd_ready_i) {
      const uint64_t got = uint64_t(d.rd_data_o);
      // the next expected word, skipping those a reset may have removed
      uint64_t seq = next_seq_;
      while (seq < written_ && word_of(seq) != got) {
        if (seq >= watermark_)
          fail(
              fmt::format("word {} missing (got {:#x}, expected {:#x}); no reset since it was "
                          "written",
                          seq, got, word_of(seq)));
        ++seq;
      }
      if (seq >= written_)
        fail(fmt::format("unexpected word {:#x} (next expected: word {} = {:#x}, {} written)", got,
                         next_seq_, word_of(next_seq_), written_));
      lost_ += seq - next_seq_;
      next_seq_ = seq + 1;
      ++delivered_;
      held_valid_ = false;
    } else {
      held_valid_ = d.rd_valid_o;
      held_data_ = uint64_t(d.rd_data_o);
    }
    if (d.rd_rst_busy_o || d.wr_rst_busy_o) {
      held_valid_ = false;
      lat_pending_ = false;
    }
  }
  void drive_rd() {
    auto& d = sim_.dut();
    if (rd_rst_req_ > 0) {
      --rd_rst_req_;
      d.rd_rst_i = 1;
    } else if (rd_rst_cycles_ > 0) {
      --rd_rst_cycles_;
      d.rd_rst_i = 1;
    } else {
      d.rd_rst_i = 0;
    }
    if (sim_.rd_cycle() >= shape_end_rd_) {
      rshape_ = random_shape(rng_, true);
      rpace_.clear();
      shape_end_rd_ = sim_.rd_cycle() + rng_.range(50, 2000);
    }
    // drain at full rate once everything was offered
    d.rd_ready_i = written_ >= target_ ? 1 : rpace_.next(rng_, rshape_);
  }

  // Words in the RAM (taken by the write side, not yet in the read output
  // register): bounds for the two conservative counts.
  uint64_t occupancy() const {
    const auto& d = sim_.dut();
    return written_ - delivered_ - lost_ - (d.rd_valid_o ? 1 : 0);
  }
  void check_counts() {
    const auto& d = sim_.dut();
    if (d.wr_rst_busy_o || d.rd_rst_busy_o) return;
    const uint64_t occ = occupancy();  // an upper bound while a reset's losses are unknown
    if (watermark_ <= next_seq_ && d.wr_count_o < occ)
      fail(fmt::format("wr_count_o {} < {} words in the FIFO", d.wr_count_o, occ));
    if (d.rd_count_o > occ)
      fail(fmt::format("rd_count_o {} > {} words in the FIFO", d.rd_count_o, occ));
  }
  TwoClockSim<Model> sim_;
  Rng rng_;
  Result res_;
  uint64_t target_;
  unsigned resets_left_;
  uint64_t reset_gap_ = 0, next_reset_ = 0;
  unsigned wr_rst_cycles_ = 0, rd_rst_cycles_ = 0, rd_rst_req_ = 0;
  uint64_t written_ = 0, delivered_ = 0, lost_ = 0, next_seq_ = 0, watermark_ = 0;
  bool taken_ = false, held_valid_ = false, lat_pending_ = false;
  uint64_t lat_seq_ = 0, lat_ps_ = 0;
  uint64_t held_data_ = 0;
  Shape wshape_, rshape_;
  Pacer wpace_, rpace_;
  uint64_t shape_end_wr_ = 0, shape_end_rd_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Args args(argc, argv, VMQ_TEST_NAME);
  const uint64_t words = args.get("words", 50000);
  const unsigned resets = unsigned(args.get("resets", 0));
  const uint64_t only = args.get("pair", 99);
  try {
    const auto& pairs = clock_pairs();
    for (size_t i = 0; i < pairs.size(); ++i) {
      if (only != 99 && only != i) continue;
      Bench b(args, pairs[i], args.seed + i, words, resets);
      const Result r = b.run();
      fmt::print(
          "  [{}] {:<16} {} words delivered, {} lost to {} resets, write side full {} "
          "cycles, latency into an empty FIFO {}..{} read edges\n",
          i, pairs[i].name, r.words, r.lost, r.resets, r.fulls, r.lat_min == ~0ULL ? 0 : r.lat_min,
          r.lat_max);
      if (r.fulls == 0) throw std::runtime_error(fmt::format("[{}] never full", pairs[i].name));
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: FAIL: {} (seed {})\n", VMQ_TEST_NAME, e.what(), args.seed);
    return 1;
  }
  fmt::print("{}: PASS\n", VMQ_TEST_NAME);
  return 0;
}
