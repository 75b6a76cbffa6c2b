// vmq_pcs_10gbaser TX -> serial link -> RX (docs/eth-pcs.md, tests 3-5),
// through vmq_pcs_link_top. The link model (pcs_common.hpp, GtLink) turns
// each 66-bit TX block into bits in the GT's order, delivers 66 bits per
// cycle from an arbitrary bit offset, and implements RXGEARBOXSLIP (one-bit
// shift after a latency, garbage with invalid headers while it settles,
// pulses ignored while one is pending).
//
// Every cycle, whatever the mode:
// - wire check, independent of the RTL's conventions: the bits on the wire
//   are descrambled one by one (bit-serial reference) and every block whose
//   XGMII word was all idles must be sync "10" + type 0x1E + eight 0x00 codes,
//   every all-data word sync "01" + the 8 bytes in lane order, every other
//   word a control block that is not an error block;
// - once the link is up and the latency found, every XGMII word out equals
//   the word sent `latency` cycles before (no lost, duplicated or changed
//   block) -- in the error mode, differences are attributed to injected
//   errors instead;
// - rx_err_blocks_o counts exactly the /E/ words that come out.
//
// --mode lock     every initial bit offset 0..65: lock found with exactly
//                 `offset` slips, held for --hold cycles with exact round
//                 trip; lock acquisition time (blocks) min/avg/max printed;
//                 then a GT that needs one cycle more than SlipWaitCycles
//                 after a slip must never lock (the wait matters).
// --mode traffic  --blocks words of random traffic (frames with /S/ in lanes
//                 0 and 4, /T/ in every lane, ordered sets, control codes)
//                 at one block per cycle, all compared exactly.
// --mode errors   payload bit flips (classified: /E/ out, or data-only
//                 damage of <= 3 bits that the MAC's CRC-32 detects, or no
//                 effect), header flips (each counted in rx_ber_count_o, its
//                 word /E/), 15 bad headers in a row (lock kept), hi_ber from
//                 >= 16 in a BER window (set and cleared per figure 49-15,
//                 local fault out meanwhile), 15 spread (no hi_ber), bursts of
//                 31..200 bad headers (lock lost once each, regained).
#include VMQ_MODEL_HEADER

#include <algorithm>
#include <chrono>
#include <deque>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "pcs_common.hpp"
#include "progress.hpp"

#ifndef VMQ_PARAM_SlipWaitCycles
#define VMQ_PARAM_SlipWaitCycles 32
#endif
#ifndef VMQ_PARAM_BerWindowCycles
#define VMQ_PARAM_BerWindowCycles 19531
#endif
#ifndef VMQ_PARAM_GtRev
#define VMQ_PARAM_GtRev 0
#endif

namespace {

using namespace vmq::tb;
using namespace vmq::pcs;

constexpr unsigned kSlipWait = VMQ_PARAM_SlipWaitCycles;
constexpr unsigned kBerWin = VMQ_PARAM_BerWindowCycles;
constexpr bool kGtRev = VMQ_PARAM_GtRev != 0;
constexpr unsigned kTxLat = 2;  // XGMII word -> gt_tx* (vmq_pcs_tx)
constexpr unsigned kRxLat = 4;  // gt_rx* -> XGMII word (vmq_pcs_rx)
constexpr size_t kHist = 1 << 15;

struct Mismatch {
  uint64_t word;  // index of the TX word (cycle it was sent)
  uint64_t cycle;
  Xgmii want, got;
};

// keeps the last kHist entries of a per-cycle history
template <class T>
class History {
 public:
  void push(const T& v) {
    q_.push_back(v);
    if (q_.size() > kHist) {
      q_.pop_front();
      ++base_;
    }
  }
  const T& at(uint64_t i) const {
    if (i < base_ || i - base_ >= q_.size())
      throw std::runtime_error(
          fmt::format("history: {} out of [{}, {})", i, base_, base_ + q_.size()));
    return q_[size_t(i - base_)];
  }
  bool has(uint64_t i) const { return i >= base_ && i - base_ < q_.size(); }
  void clear() {
    q_.clear();
    base_ = 0;
  }

 private:
  std::deque<T> q_;
  uint64_t base_ = 0;
};

struct Blk {
  uint8_t hdr;
  uint64_t payload;
};

class Bench {
 public:
  explicit Bench(const Args& args) : clk_(args, "pcs_link"), rng_(args.seed) {}

  // ---------------------------------------------------------------- lock
  void lock_sweep(uint64_t hold) {
    std::vector<uint64_t> t;
    uint64_t compared = 0;
    for (unsigned x = 0; x < 66; ++x) {
      GtLink::Cfg cfg;
      cfg.gt_rev = kGtRev;
      cfg.prefill = 132 + (66 - x) % 66;
      // the GT's slip latency and settling time: a third of the offsets at
      // the limit the PCS allows (latency + unstable = SlipWaitCycles + 1)
      cfg.unstable = unsigned(rng_.range(0, 4));
      cfg.latency = x % 3 == 0 ? kSlipWait + 1 - cfg.unstable
                               : unsigned(rng_.range(1, kSlipWait + 1 - cfg.unstable));
      cfg.latency = std::max(cfg.latency, 1u);
      restart(cfg, Traffic::Knobs{});
      if (link_->misalignment() != x)
        throw std::runtime_error(
            fmt::format("bench: offset {} gives misalignment {}", x, link_->misalignment()));
      const uint64_t limit = 66ull * (kSlipWait + 12) + 400;
      while (!clk_.dut().rx_block_lock_o) {
        if (cyc_ > limit)
          throw std::runtime_error(fmt::format(
              "offset {} (slip latency {}, unstable {}): no block lock after {} cycles ({} slips)",
              x, cfg.latency, cfg.unstable, cyc_, link_->slips()));
        step();
      }
      uint64_t tl = cyc_;
      if (link_->slips() != x || link_->ignored() != 0 || link_->misalignment() != 0)
        throw std::runtime_error(fmt::format(
            "offset {}: locked at cycle {} after {} slips ({} pulses ignored), misalignment {}", x,
            tl, link_->slips(), link_->ignored(), link_->misalignment()));
      uint64_t slips0 = slip_cycles_, c0 = compared_;
      for (uint64_t i = 0; i < hold; ++i) {
        step();
        if (!clk_.dut().rx_block_lock_o || !clk_.dut().rx_link_up_o)
          throw std::runtime_error(
              fmt::format("offset {}: lock or link lost at cycle {} while holding", x, cyc_));
      }
      if (slip_cycles_ != slips0)
        throw std::runtime_error(fmt::format("offset {}: slip pulse while locked", x));
      if (compared_ - c0 + 100 < hold)
        throw std::runtime_error(fmt::format("offset {}: only {} of {} words compared after lock",
                                             x, compared_ - c0, hold));
      compared += compared_ - c0;
      t.push_back(tl);
    }
    uint64_t mn = *std::min_element(t.begin(), t.end());
    uint64_t mx = *std::max_element(t.begin(), t.end());
    double avg = 0;
    for (auto v : t) avg += double(v);
    avg /= double(t.size());
    fmt::print(
        "{}: lock acquisition over bit offsets 0..65 (GtBitReverse={}, SlipWaitCycles={}): "
        "min {} / avg {:.1f} / max {} blocks from reset (offset x needs x slips); "
        "held {} cycles each, {} words round-tripped exactly\n",
        VMQ_TEST_NAME, int(kGtRev), kSlipWait, mn, avg, mx, hold, compared);
    std::string per;
    for (unsigned x = 0; x < 66; ++x) per += fmt::format("{}{}", x ? " " : "", t[x]);
    fmt::print("{}: lock time per offset: {}\n", VMQ_TEST_NAME, per);

    // a GT that needs one cycle more than the PCS waits: never locks
    GtLink::Cfg cfg;
    cfg.gt_rev = kGtRev;
    cfg.prefill = 132 + 66 - 5;
    cfg.unstable = 2;
    cfg.latency = kSlipWait + 2 - cfg.unstable;
    restart(cfg, Traffic::Knobs{});
    const uint64_t n = 3 * 66ull * (kSlipWait + 4);
    for (uint64_t i = 0; i < n; ++i) {
      step();
      if (clk_.dut().rx_block_lock_o)
        throw std::runtime_error(fmt::format(
            "negative check: locked at cycle {} although the GT model settles {} cycles after "
            "a slip pulse and the PCS waits {}: the wait is not what docs/eth-pcs.md says",
            cyc_, cfg.latency + cfg.unstable, kSlipWait));
    }
    fmt::print(
        "{}: negative check: with a GT that settles SlipWaitCycles+2 cycles after the "
        "pulse, no lock in {} cycles ({} slips, as expected)\n",
        VMQ_TEST_NAME, n, link_->slips());
  }

  // ------------------------------------------------------------- traffic
  void traffic(uint64_t nblocks) {
    GtLink::Cfg cfg;
    cfg.gt_rev = kGtRev;
    cfg.prefill = 132 + unsigned(rng_.range(0, 65));
    cfg.unstable = 2;
    cfg.latency = 6;
    Traffic::Knobs k;
    k.long_frame = 0.25;  // many MTU-size frames: long runs of data blocks
    k.max_gap_chunks = 3;
    restart(cfg, k);
    auto t0 = std::chrono::steady_clock::now();
    wait_aligned(20000);
    uint64_t c0 = compared_, f0 = traffic_->frames(), d0 = data_words_;
    Progress prog(VMQ_TEST_NAME, nblocks, "blocks");
    while (compared_ - c0 < nblocks) {
      step();
      prog.update(compared_ - c0);
      if (!aligned_) throw std::runtime_error(fmt::format("link lost at cycle {}", cyc_));
    }
    prog.done();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    fmt::print(
        "{}: line rate: {} consecutive blocks (one per cycle, no idle cycles) round-tripped "
        "exactly: {} frames, {} all-data blocks; latency XGMII TX -> XGMII RX {} cycles; "
        "{} wire blocks checked bit-serially ({:.2f} Mcycles/s)\n",
        VMQ_TEST_NAME, compared_ - c0, traffic_->frames() - f0, data_words_ - d0, lat_,
        wire_checked_, double(cyc_) / s / 1e6);
  }

  // -------------------------------------------------------------- errors
  void errors(unsigned nflips, unsigned nhdr) {
    GtLink::Cfg cfg;
    cfg.gt_rev = kGtRev;
    cfg.prefill = 132 + unsigned(rng_.range(0, 65));
    cfg.unstable = 2;
    cfg.latency = 10;
    restart(cfg, Traffic::Knobs{});
    classify_ = true;
    wait_aligned(20000);
    auto& d = clk_.dut();
    const unsigned spacing = std::max(150u, kBerWin / 10 + 1);
    uint32_t ber0 = d.rx_ber_count_o, loss0 = d.rx_lock_losses_o;
    const uint64_t hi0 = hi_cycles_;

    // A: payload bit flips
    unsigned no_effect = 0, flagged = 0, crc = 0, os_data = 0, flagged_words = 0;
    for (unsigned k = 0; k < nflips; ++k) {
      uint64_t n = link_->tx_blocks() + 5;
      unsigned bit = unsigned(rng_.range(2, 65));
      link_->inject(n, bit);
      auto ms = run_and_collect(n - kTxLat, spacing, 1, 1,
                                fmt::format("payload flip {} (bit {})", k, bit));
      if (ms.empty()) {
        ++no_effect;
        continue;
      }
      bool e = false;
      unsigned bits = 0;
      bool in_os = false;
      for (const auto& m : ms) {
        if (has_error_char(m.got)) {
          e = true;
          ++flagged_words;
          continue;
        }
        if (m.got.c != m.want.c) fail_mismatch(m, "control lanes changed without /E/");
        for (unsigned i = 0; i < 8; ++i) {
          if (lane(m.got, i) == lane(m.want, i)) continue;
          if (is_ctl(m.want, i)) fail_mismatch(m, "control character changed without /E/");
          bits += unsigned(__builtin_popcount(lane(m.got, i) ^ lane(m.want, i)));
          if (os_lane(m.want, i)) in_os = true;
        }
      }
      if (e) {
        ++flagged;
      } else {
        if (bits > 3)
          fail_mismatch(ms[0], fmt::format("{} data bits changed by one flipped bit", bits));
        if (in_os)
          ++os_data;
        else
          ++crc;
      }
    }
    fmt::print(
        "{}: {} single payload bit flips: {} gave /E/ ({} words), {} changed only frame data "
        "(<= 3 bits: CRC-32 detects), {} changed only ordered-set data, {} had no effect; "
        "no control character ever changed silently\n",
        VMQ_TEST_NAME, nflips, flagged, flagged_words, crc, os_data, no_effect);

    // B: single header bit flips, spaced so no window fills
    for (unsigned k = 0; k < nhdr; ++k) {
      uint64_t n = link_->tx_blocks() + 5;
      link_->inject(n, unsigned(rng_.range(0, 1)));
      uint64_t w = n - kTxLat;
      auto ms = run_and_collect(w, spacing, 1, 0, fmt::format("header flip {}", k));
      bool hit = false;
      for (const auto& m : ms) {
        if (m.got != kErrorWord) fail_mismatch(m, "a bad sync header must give an /E/ word");
        if (m.word == w) hit = true;
      }
      if (!hit) throw std::runtime_error(fmt::format("header flip {}: word {} not /E/", k, w));
      expect_locked("header flips");
    }
    uint32_t ber1 = d.rx_ber_count_o;
    if (hi_cycles_ != hi0) throw std::runtime_error("hi_ber during single header flips");
    if (ber1 - ber0 != nhdr)
      throw std::runtime_error(
          fmt::format("{} header flips but rx_ber_count_o moved by {}", nhdr, ber1 - ber0));
    fmt::print(
        "{}: {} single header flips: each word /E/, rx_ber_count_o +{}, lock and "
        "hi_ber unaffected\n",
        VMQ_TEST_NAME, nhdr, ber1 - ber0);

    // C: 15 bad headers in a row, 8 times at random places in the 64-header
    // windows (a burst that straddles two windows proves little): lock kept,
    // no hi_ber, each counted
    for (unsigned r = 0; r < 8; ++r) {
      run_clean(2 * kBerWin + 200);
      uint32_t b0 = d.rx_ber_count_o;
      uint64_t h0 = hi_cycles_;
      uint64_t n = link_->tx_blocks() + 5 + rng_.range(0, 63);
      for (unsigned i = 0; i < 15; ++i) link_->inject(n + i, 0);
      auto ms = run_and_collect(n - kTxLat, 2 * kBerWin, 1, 14, "15 bad headers in a row");
      expect_locked("15 bad headers in a row");
      if (hi_cycles_ != h0) throw std::runtime_error("hi_ber from 15 bad headers in a row");
      if (ms.size() < 15) throw std::runtime_error("15 bad headers: fewer than 15 /E/ words");
      for (const auto& m : ms)
        if (m.got != kErrorWord) fail_mismatch(m, "a bad sync header must give an /E/ word");
      if (d.rx_ber_count_o - b0 != 15)
        throw std::runtime_error(
            fmt::format("15 bad headers counted as {}", d.rx_ber_count_o - b0));
    }
    fmt::print("{}: 15 bad headers in a row (8 times): lock kept, no hi_ber, 15 counted each\n",
               VMQ_TEST_NAME);

    // D: 40 bad headers 8 apart (<= 8 per 64-window): hi_ber, lock kept
    run_clean(2 * kBerWin + 200);
    {
      uint64_t n = link_->tx_blocks() + 5;
      for (unsigned i = 0; i < 40; ++i) link_->inject(n + 8 * i, 1);
      uint64_t set_at = 0, clr_at = 0, lf_words = 0, lat_before = lat_;
      uint64_t end = cyc_ + 320 + 3 * kBerWin;
      while (cyc_ < end) {
        step();
        expect_locked("hi_ber test");
        bool hi = d.rx_high_ber_o;
        if (hi && !set_at) set_at = cyc_;
        if (set_at && !hi && !clr_at) clr_at = cyc_;
        if (hi && d.rx_link_up_o) throw std::runtime_error("link up while hi_ber");
        if (set_at && !clr_at && cyc_ > set_at + 4) {
          Xgmii r{d.xgmii_rxd_o, uint8_t(d.xgmii_rxc_o)};
          if (r != kLocalFaultWord)
            throw std::runtime_error(fmt::format(
                "cycle {}: hi_ber but XGMII out {} is not local fault", cyc_, fmt_xgmii(r)));
          ++lf_words;
        }
      }
      if (!set_at) throw std::runtime_error("40 bad headers 8 apart: hi_ber never set");
      if (!clr_at) throw std::runtime_error("hi_ber never cleared");
      if (clr_at - set_at < kBerWin || clr_at - set_at > 2 * kBerWin + 330)
        throw std::runtime_error(
            fmt::format("hi_ber set at cycle {}, cleared at {}: {} cycles, expected {}..{}", set_at,
                        clr_at, clr_at - set_at, kBerWin, 2 * kBerWin + 330));
      // before hi_ber was set, each bad header gave an /E/ word
      for (const auto& m : mismatches_)
        if (m.got != kErrorWord) fail_mismatch(m, "a bad sync header must give an /E/ word");
      mismatches_.clear();
      run_clean(200);
      if (!aligned_ || lat_ != lat_before)
        throw std::runtime_error("round trip did not resume with the same latency after hi_ber");
      fmt::print(
          "{}: 40 bad headers 8 apart: hi_ber set (cycle {}), lock kept, {} local-fault words "
          "out, cleared {} cycles later (window {}), traffic resumed\n",
          VMQ_TEST_NAME, set_at, lf_words, clr_at - set_at, kBerWin);
    }

    // E: 15 bad headers spread over a window: no hi_ber
    run_clean(2 * kBerWin + 200);
    {
      uint64_t n = link_->tx_blocks() + 5;
      for (unsigned i = 0; i < 15; ++i) link_->inject(n + 8 * i, 0);
      uint64_t end = cyc_ + 2 * kBerWin;
      while (cyc_ < end) {
        step();
        expect_locked("15 spread bad headers");
        if (d.rx_high_ber_o) throw std::runtime_error("hi_ber from 15 bad headers");
      }
      mismatches_.clear();
      fmt::print("{}: 15 bad headers spread out: no hi_ber\n", VMQ_TEST_NAME);
    }

    // F: bursts of bad headers: lock lost once each, then found again
    std::vector<uint64_t> relock;
    const unsigned bursts[] = {31, 40, 64, 100, 200};
    for (unsigned len : bursts) {
      run_clean(2 * kBerWin + 200);
      uint32_t l0 = d.rx_lock_losses_o;
      uint64_t n = link_->tx_blocks() + 5;
      for (unsigned i = 0; i < len; ++i) link_->inject(n + i, unsigned(rng_.range(0, 1)));
      uint64_t lost_at = 0, back_at = 0;
      const uint64_t limit = cyc_ + len + 66ull * (kSlipWait + 12) + 600;
      while (cyc_ < limit && !back_at) {
        step();
        bool l = d.rx_block_lock_o;
        if (!l && !lost_at) lost_at = cyc_;
        if (l && lost_at) back_at = cyc_;
      }
      if (!lost_at) throw std::runtime_error(fmt::format("burst of {}: lock not lost", len));
      if (!back_at)
        throw std::runtime_error(
            fmt::format("burst of {}: lock not regained by cycle {}", len, cyc_));
      if (d.rx_lock_losses_o - l0 != 1)
        throw std::runtime_error(
            fmt::format("burst of {}: rx_lock_losses_o moved by {}", len, d.rx_lock_losses_o - l0));
      relock.push_back(back_at - lost_at);
      mismatches_.clear();
      wait_aligned(5000);
      run_clean(500);
    }
    std::string rl;
    for (size_t i = 0; i < relock.size(); ++i)
      rl += fmt::format("{}{}: {}", i ? ", " : "", bursts[i], relock[i]);
    fmt::print(
        "{}: bursts of bad headers (length: cycles from loss to lock): {}; "
        "rx_lock_losses_o {} in all\n",
        VMQ_TEST_NAME, rl, d.rx_lock_losses_o - loss0);
  }

  void finish() {
    auto& d = clk_.dut();
    if (d.rx_err_blocks_o != err_words_)
      throw std::runtime_error(fmt::format("rx_err_blocks_o = {} but {} /E/ words came out",
                                           d.rx_err_blocks_o, err_words_));
    fmt::print(
        "{}: rx_err_blocks_o = {} = /E/ words out; {} cycles since the last reset, {} "
        "wire blocks checked\n",
        VMQ_TEST_NAME, d.rx_err_blocks_o, cyc_, wire_checked_);
  }

 private:
  Clocked<VMQ_MODEL> clk_;
  Rng rng_;
  std::unique_ptr<GtLink> link_;
  std::unique_ptr<Traffic> traffic_;
  History<Xgmii> tx_;  // XGMII word sent in cycle i
  History<Xgmii> rx_;  // XGMII word out in cycle i
  History<Blk> txb_;   // block the DUT put on the wire in cycle i (IEEE view)
  History<Blk> rxb_;   // block the GT gave the DUT in cycle i (IEEE view)
  SerialDescrambler wire_dsc_;
  uint64_t cyc_ = 0;
  bool aligned_ = false, classify_ = false;
  uint64_t lat_ = 0, up_run_ = 0, align_tries_ = 0;
  uint64_t compared_ = 0, wire_checked_ = 0, data_words_ = 0, slip_cycles_ = 0, err_words_ = 0;
  uint64_t hi_cycles_ = 0;  // cycles with rx_high_ber_o
  std::vector<Mismatch> mismatches_;

  void restart(const GtLink::Cfg& cfg, const Traffic::Knobs& k) {
    auto& d = clk_.dut();
    d.xgmii_txd_i = kIdleWord.d;
    d.xgmii_txc_i = kIdleWord.c;
    // what the GT shows before the first modelled cycle (its input register
    // takes it in reset): a valid control header, as the prefill
    d.gt_rxheader_i = kGtRev ? 0b10 : 0b01;
    d.gt_rxdata_i = rng_.u64();
    clk_.reset();
    link_ = std::make_unique<GtLink>(rng_, cfg);
    traffic_ = std::make_unique<Traffic>(rng_, k);
    tx_.clear();
    rx_.clear();
    txb_.clear();
    rxb_.clear();
    wire_dsc_ = SerialDescrambler{};
    cyc_ = 0;
    aligned_ = false;
    lat_ = up_run_ = align_tries_ = 0;
    err_words_ = 0;
    mismatches_.clear();
  }

  void step() {
    auto& d = clk_.dut();
    Xgmii w = traffic_->next();
    tx_.push(w);
    if (w.c == 0) ++data_words_;
    d.xgmii_txd_i = w.d;
    d.xgmii_txc_i = w.c;
    uint8_t gh;
    uint64_t gd;
    link_->rx_block(cyc_, gh, gd);
    d.gt_rxheader_i = gh;
    d.gt_rxdata_i = gd;
    Blk rb;
    link_->ieee(gh, gd, rb.hdr, rb.payload);
    rxb_.push(rb);
    clk_.settle();
    link_->push_tx(uint8_t(d.gt_txheader_o), uint64_t(d.gt_txdata_o));
    txb_.push({link_->last_hdr(), link_->last_payload()});
    wire_check();
    bool slip = d.gt_rxgearboxslip_o;
    link_->sample_slip(cyc_, slip);
    if (slip) ++slip_cycles_;
    if (d.rx_high_ber_o) ++hi_cycles_;
    Xgmii r{d.xgmii_rxd_o, uint8_t(d.xgmii_rxc_o)};
    rx_.push(r);
    if (r == kErrorWord) ++err_words_;
    compare(r, d.rx_link_up_o);
    clk_.edge();
    ++cyc_;
  }

  // the block on the wire, read bit by bit in IEEE order and descrambled here
  void wire_check() {
    uint8_t h = link_->last_hdr();
    uint64_t p = wire_dsc_.block(link_->last_payload());
    if (cyc_ < kTxLat + 2) return;  // reset residue; the descrambler needs a block
    const Xgmii& w = tx_.at(cyc_ - kTxLat);
    const char* bad = nullptr;
    if (w == kIdleWord) {
      if (h != kSyncCtrl || p != 0x1E) bad = "idle word: expected sync 10, type 0x1E, codes 0";
    } else if (w.c == 0) {
      if (h != kSyncData || p != w.d) bad = "data word: expected sync 01 and the bytes in order";
    } else if (h != kSyncCtrl || p == 0x3C78F1E3C78F1E1EULL) {
      bad = "control word: expected a control block that is not an error block";
    }
    if (bad)
      throw std::runtime_error(fmt::format(
          "wire check, block {} (XGMII word {} {}), cycle {}: {}; descrambled from the wire: {}",
          cyc_, cyc_ - kTxLat, fmt_xgmii(w), cyc_, bad, fmt_block(h, p)));
    ++wire_checked_;
  }

  void compare(const Xgmii& r, bool up) {
    if (!up) {
      aligned_ = false;
      up_run_ = 0;
      return;
    }
    ++up_run_;
    if (!aligned_) {
      if (up_run_ >= 48) try_align();
      return;
    }
    const Xgmii& e = tx_.at(cyc_ - lat_);
    ++compared_;
    if (r == e) return;
    Mismatch m{cyc_ - lat_, cyc_, e, r};
    if (!classify_) fail_mismatch(m, "round trip");
    mismatches_.push_back(m);
  }

  // the latency: the one shift that makes the last 32 words out equal words sent
  void try_align() {
    const unsigned k = 32;
    unsigned data = 0;
    for (unsigned i = 0; i < k; ++i) data += rx_.at(cyc_ - i).c == 0;
    if (data < 4) return;
    unsigned found = 0;
    uint64_t lat = 0;
    for (uint64_t dl = kTxLat + kRxLat; dl + k < cyc_ && dl < 8192; ++dl) {
      bool ok = true;
      for (unsigned i = 0; i < k && ok; ++i) ok = rx_.at(cyc_ - i) == tx_.at(cyc_ - i - dl);
      if (ok) {
        ++found;
        lat = dl;
      }
    }
    if (found == 1) {
      aligned_ = true;
      lat_ = lat;
    } else if (++align_tries_ > 2000) {
      throw std::runtime_error(fmt::format(
          "cycle {}: link up for {} cycles but the output matches no delay of the input "
          "({} candidates)",
          cyc_, up_run_, found));
    }
  }

  void wait_aligned(uint64_t limit) {
    uint64_t end = cyc_ + limit;
    while (!aligned_) {
      if (cyc_ > end)
        throw std::runtime_error(fmt::format("no lock and round trip by cycle {}", cyc_));
      step();
    }
  }

  // runs `cycles`, then returns the mismatches of words [w - before, w + after]
  // and fails on any other
  std::vector<Mismatch> run_and_collect(uint64_t w, uint64_t cycles, unsigned before,
                                        unsigned after, const std::string& what) {
    uint64_t end = cyc_ + cycles;
    while (cyc_ < end || cyc_ < w + after + lat_ + 4) step();
    if (!aligned_) throw std::runtime_error(what + ": link lost");
    std::vector<Mismatch> in;
    for (const auto& m : mismatches_) {
      if (m.word + before < w || m.word > w + after)
        fail_mismatch(
            m, what + fmt::format(": difference outside words {}..{}", w - before, w + after));
      in.push_back(m);
    }
    mismatches_.clear();
    return in;
  }

  void run_clean(uint64_t cycles) {
    for (uint64_t i = 0; i < cycles; ++i) step();
    if (!mismatches_.empty()) fail_mismatch(mismatches_[0], "difference with no error injected");
  }

  void expect_locked(const std::string& what) {
    auto& d = clk_.dut();
    if (!d.rx_block_lock_o)
      throw std::runtime_error(fmt::format("{}: lock lost at {}", what, cyc_));
  }

  bool os_lane(const Xgmii& w, unsigned i) const {
    auto is_o = [&](unsigned l) {
      return is_ctl(w, l) && (lane(w, l) == 0x9C || lane(w, l) == 0x5C);
    };
    return (i >= 1 && i <= 3 && is_o(0)) || (i >= 5 && is_o(4));
  }

  [[noreturn]] void fail_mismatch(const Mismatch& m, const std::string& what) {
    std::string blocks;
    uint64_t tb = m.word + kTxLat, rb = m.cycle - kRxLat;
    if (txb_.has(tb))
      blocks +=
          fmt::format("; sent as block {} {}", tb, fmt_block(txb_.at(tb).hdr, txb_.at(tb).payload));
    if (rxb_.has(rb))
      blocks += fmt::format("; received (at the GT port, cycle {}) {}", rb,
                            fmt_block(rxb_.at(rb).hdr, rxb_.at(rb).payload));
    throw std::runtime_error(fmt::format(
        "{}: block (XGMII word) {}, cycle {}: expected {} got {} (latency {}){} (66-bit blocks "
        "scrambled, IEEE bit order)",
        what, m.word, m.cycle, fmt_xgmii(m.want), fmt_xgmii(m.got), lat_, blocks));
  }
};

bool has_mode(const std::string& modes, const std::string& m) {
  std::stringstream ss(modes);
  std::string t;
  while (std::getline(ss, t, ','))
    if (t == m || t == "all") return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  Args args(argc, argv, VMQ_TEST_NAME);
  try {
    std::string modes = args.kv.count("mode") ? args.kv.at("mode") : "all";
    Bench b(args);
    auto t0 = std::chrono::steady_clock::now();
    if (has_mode(modes, "lock")) {
      b.lock_sweep(args.get("hold", 3000));
      b.finish();
    }
    if (has_mode(modes, "traffic")) {
      b.traffic(args.get("blocks", 200000));
      b.finish();
    }
    if (has_mode(modes, "errors")) {
      b.errors(unsigned(args.get("flips", 400)), unsigned(args.get("hdr-flips", 100)));
      b.finish();
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    fmt::print("{}: PASS ({:.1f} s)\n", VMQ_TEST_NAME, s);
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: FAIL: {} (seed {})\n", VMQ_TEST_NAME, e.what(), args.seed);
    return 1;
  }
}
