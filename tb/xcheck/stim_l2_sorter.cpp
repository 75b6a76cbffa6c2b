// Cross-check stimulus for vmq_l2_sorter: random but protocol-valid traffic
// that hits the filter table. Destination MACs and VIDs come from small pools
// that the random table writes also use, so exact matches, broadcast,
// multicast, tagged / untagged / VID 0 and out-of-range indices all occur.
// AXI-Stream rules are kept: a presented beat is held until accepted; idles,
// backpressure on m_tready and dec_ready, rare tkeep holes, random tuser,
// random configuration changes and rare mid-run resets.
#include <array>
#include <vector>

#include "xcheck.hpp"

#ifndef XC_DataW
#define XC_DataW 64
#endif
#ifndef XC_NumQueues
#define XC_NumQueues 16
#endif
#ifndef XC_NumFilters
#define XC_NumFilters 64
#endif

namespace xc {
namespace {

constexpr int kDataW = XC_DataW;
constexpr int kKeepW = kDataW / 8;
constexpr int kQueues = XC_NumQueues;
constexpr int kFilters = XC_NumFilters;

// DA as a 48-bit number, byte 0 of the frame most significant.
const std::vector<uint64_t> kMacs = {
    0xffffffffffffull,  // broadcast
    0x01005e000001ull,  // IPv4 multicast
    0x333300000001ull,  // IPv6 multicast
    0x020000000001ull, 0x020000000002ull, 0x001122334455ull, 0x0a0b0c0d0e0full,
};
const std::vector<uint16_t> kVids = {0, 1, 5, 100, 4094, 4095};
const std::vector<uint16_t> kTpids = {0x8100, 0x88a8};

class SorterStim : public Stimulus {
 public:
  SorterStim(Vxcheck_top* t, uint64_t seed) : t_(t), rng_(seed) { new_config(true); }

  void drive(uint64_t cycle) override {
    // Reset for the first cycles, and rarely later (it must also match).
    if (cycle < 5 || rst_left_ > 0) {
      if (rst_left_ > 0) --rst_left_;
      t_->rst_i = 1;
      frame_.clear();
      pos_ = 0;
      presenting_ = false;
    } else {
      t_->rst_i = 0;
      if (rng_.below(40000) == 0) rst_left_ = 3;
    }

    // Readiness comes in phases so the decision FIFO fills and the credit
    // stall is exercised, then drains.
    if (cycle % 1000 == 0) {
      static constexpr unsigned kReady[] = {100, 90, 60, 20, 3};
      m_ready_pct_ = kReady[rng_.below(5)];
      dec_ready_pct_ = kReady[rng_.below(5)];
      idle_pct_ = unsigned(rng_.below(4)) * 15;
    }
    t_->m_tready_i = rng_.chance(m_ready_pct_);
    t_->dec_ready_i = rng_.chance(dec_ready_pct_);

    if (rng_.below(500) == 0) new_config(false);
    if (t_->rst_i) first_fill_ = 0;  // the table is cleared: fill it again
    table_write();

    // Input stream: a presented beat stays until the handshake.
    if (!presenting_ && !rng_.chance(idle_pct_)) {
      if (frame_.empty() || pos_ >= frame_.size()) new_frame();
      load_beat();
      presenting_ = true;
    }
    t_->s_tvalid_i = presenting_;
    if (!presenting_) {  // data lines are don't-care while idle: make them random
      randomize(t_->s_tdata_i, kDataW, rng_);
      randomize(t_->s_tkeep_i, kKeepW, rng_);
      t_->s_tlast_i = rng_.below(2);
      t_->s_tuser_i = rng_.below(2);
    }
  }

  void sample(uint64_t) override {
    if (t_->rst_i) return;
    if (presenting_ && t_->rtl_s_tready_o) {
      presenting_ = false;
      ++beats_;
      pos_ += kKeepW;
      if (pos_ >= frame_.size()) ++frames_;
    }
    if (t_->rtl_dec_valid_o && t_->dec_ready_i) {
      ++decisions_;
      if (t_->rtl_dec_drop_o == 0) ++accepted_;
      if (t_->rtl_dec_drop_o == 4) ++unmatched_;
      if (t_->rtl_dec_tagged_o) ++tagged_;
      if (t_->rtl_dec_bcast_o) ++bcast_;
      if (t_->rtl_dec_mcast_o) ++mcast_;
      // more than one queue: several filters (or acceptance bits) matched
      if (__builtin_popcountll(uint64_t(t_->rtl_dec_qmask_o)) > 1) ++multi_;
    }
  }

  std::string summary() const override {
    return std::to_string(frames_) + " frames, " + std::to_string(beats_) + " beats, " +
           std::to_string(decisions_) + " decisions (" + std::to_string(accepted_) + " accepted, " +
           std::to_string(multi_) + " to >1 queue, " + std::to_string(unmatched_) + " unmatched, " +
           std::to_string(tagged_) + " tagged, " + std::to_string(bcast_) + " bcast, " +
           std::to_string(mcast_) + " mcast), " + std::to_string(tbl_writes_) + " table writes";
  }

 private:
  void new_config(bool first) {
    if (first || rng_.chance(30))
      tpid_ = rng_.chance(80) ? 0x8100 : (rng_.chance(50) ? 0x88a8 : rng_.next());
    t_->cfg_tpid_i = tpid_;
    static constexpr uint16_t kMin[] = {0, 18, 20, 60, 64, 100};
    static constexpr uint16_t kMax[] = {40, 64, 100, 150, 1518, 9216, 65535};
    t_->cfg_min_frame_i = kMin[rng_.below(6)];
    t_->cfg_max_frame_i = kMax[rng_.below(7)];
    t_->cfg_default_queue_i = rng_.below(2);
    // Mostly everything enabled so matches show on dec_qmask.
    randomize(t_->cfg_bcast_i, kQueues, rng_);
    randomize(t_->cfg_mcast_i, kQueues, rng_);
    randomize(t_->cfg_promisc_i, kQueues, rng_);
    if (rng_.chance(70)) t_->cfg_promisc_i = 0;
    randomize(t_->cfg_rx_enable_i, kQueues, rng_);
    if (rng_.chance(60)) set_bits(t_->cfg_rx_enable_i, 0, kQueues, ~uint64_t(0));
  }

  void table_write() {
    t_->tbl_we_i = first_fill_ < kFilters || rng_.chance(3);
    if (first_fill_ < kFilters) {
      t_->tbl_idx_i = first_fill_;
      if (!t_->rst_i) ++first_fill_;
    } else {
      const uint64_t r = rng_.below(20);
      t_->tbl_idx_i = r == 0 ? uint16_t(rng_.next()) : uint16_t(rng_.below(kFilters + 3));
    }
    if (t_->tbl_we_i) ++tbl_writes_;
    t_->tbl_valid_i = rng_.chance(85);
    t_->tbl_type_i = rng_.below(4);
    t_->tbl_mac_i = rng_.chance(90) ? rng_.pick(kMacs) : (rng_.next() & 0xffffffffffffull);
    t_->tbl_vid_i = rng_.pick(kVids);
    randomize(t_->tbl_qmask_i, kQueues, rng_);
  }

  void new_frame() {
    const size_t len = rng_.chance(10) ? rng_.range(1, 17) : rng_.range(1, 200);
    frame_.assign(len, 0);
    std::array<uint8_t, 200> b{};
    for (auto& x : b) x = uint8_t(rng_.next());
    const uint64_t da = rng_.chance(90) ? rng_.pick(kMacs) : (rng_.next() & 0xffffffffffffull);
    for (int i = 0; i < 6; ++i) b[i] = uint8_t(da >> (8 * (5 - i)));
    if (rng_.chance(60)) {  // tagged: current TPID mostly, sometimes the other one
      const uint16_t tpid = rng_.chance(85) ? tpid_ : rng_.pick(kTpids);
      const uint16_t tci = uint16_t(rng_.below(8) << 13) | rng_.pick(kVids);
      b[12] = uint8_t(tpid >> 8);
      b[13] = uint8_t(tpid);
      b[14] = uint8_t(tci >> 8);
      b[15] = uint8_t(tci);
    }
    for (size_t i = 0; i < len; ++i) frame_[i] = b[i];
    pos_ = 0;
  }

  void load_beat() {
    const size_t n = std::min<size_t>(kKeepW, frame_.size() - pos_);
    const bool last = pos_ + n >= frame_.size();
    for (int i = 0; i < kKeepW; ++i) {
      const uint8_t v = size_t(i) < n ? frame_[pos_ + i] : uint8_t(rng_.next());
      set_bits(t_->s_tdata_i, 8 * i, 8, v);
      set_bits(t_->s_tkeep_i, i, 1, size_t(i) < n);
    }
    if (rng_.below(200) == 0)
      set_bits(t_->s_tkeep_i, int(rng_.below(kKeepW)), 1, rng_.below(2));  // hole
    t_->s_tlast_i = last;
    t_->s_tuser_i = last ? rng_.chance(5) : rng_.below(2);
  }

  Vxcheck_top* t_;
  Rng rng_;
  std::vector<uint8_t> frame_;
  size_t pos_ = 0;
  bool presenting_ = false;
  int rst_left_ = 0;
  int first_fill_ = 0;
  uint16_t tpid_ = 0x8100;
  unsigned m_ready_pct_ = 100, dec_ready_pct_ = 100, idle_pct_ = 0;
  uint64_t frames_ = 0, beats_ = 0, decisions_ = 0, accepted_ = 0, unmatched_ = 0, multi_ = 0;
  uint64_t tagged_ = 0, bcast_ = 0, mcast_ = 0, tbl_writes_ = 0;
};

}  // namespace

std::unique_ptr<Stimulus> make_stimulus(Vxcheck_top* t, uint64_t seed) {
  return std::make_unique<SorterStim>(t, seed);
}

}  // namespace xc
