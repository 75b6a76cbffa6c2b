// Cross-check stimulus for vmq_pcs_10gbaser (both clocks tied to clk_i by
// synth_xcheck.py). TX: XGMII words of frames (start in lane 0, data,
// terminate in any lane, idles between; now and then an error or ordered-set
// word or a random control lane). RX, in phases: the TX 66-bit blocks looped
// back through a modelled gearbox with a bit offset that the PCS's slip
// pulses move (so block lock is searched and found), with rare header or data
// bit errors and bursts of bad headers (high BER, lock loss); or random
// blocks. Resets (tx and rx separately) at the start and rarely later.
#include <bitset>

#include "xcheck.hpp"

namespace xc {
namespace {

class PcsStim : public Stimulus {
 public:
  PcsStim(Vxcheck_top* t, uint64_t seed) : t_(t), rng_(seed) { offset_ = unsigned(rng_.below(66)); }

  void drive(uint64_t cycle) override {
    t_->tx_rst_i = cycle < 4 || tx_rst_left_ > 0;
    t_->rx_rst_i = cycle < 4 || rx_rst_left_ > 0;
    if (tx_rst_left_ > 0) --tx_rst_left_;
    if (rx_rst_left_ > 0) --rx_rst_left_;
    if (cycle >= 4 && rng_.below(60000) == 0) tx_rst_left_ = 1 + int(rng_.below(3));
    if (cycle >= 4 && rng_.below(60000) == 0) rx_rst_left_ = 1 + int(rng_.below(3));
    if (cycle % 5000 == 0) {
      mode_ = unsigned(rng_.below(5));  // 0..3 loopback, 4 random blocks
      ber_pct_ = unsigned(rng_.pick(std::vector<unsigned>{0, 0, 1, 20}));
    }
    drive_xgmii();

    // RX: 66-bit stream of the looped TX blocks, seen through a bit offset
    uint64_t rd;
    unsigned rh;
    if (mode_ < 4) {
      const std::bitset<132> w = (window_ >> offset_);
      rh = unsigned(w[0]) | unsigned(w[1]) << 1;
      rd = 0;
      for (int i = 0; i < 64; ++i) rd |= uint64_t(w[2 + i]) << i;
      if (rng_.below(100) < ber_pct_) rh ^= 1u + unsigned(rng_.below(3));
      if (rng_.below(2000) == 0) rd ^= uint64_t(1) << rng_.below(64);
    } else {
      rd = rng_.next();
      rh = unsigned(rng_.below(100) < 90 ? (rng_.chance(50) ? 1 : 2) : rng_.below(4));
    }
    t_->gt_rxdata_i = rd;
    t_->gt_rxheader_i = rh & 3;
  }

  void sample(uint64_t) override {
    // next TX block enters the modelled wire (header bits first)
    std::bitset<132> blk;
    const uint64_t d = t_->rtl_gt_txdata_o;
    const unsigned h = t_->rtl_gt_txheader_o;
    blk[0] = h & 1;
    blk[1] = (h >> 1) & 1;
    for (int i = 0; i < 64; ++i) blk[2 + i] = (d >> i) & 1;
    window_ = (window_ >> 66) | (blk << 66);
    if (t_->rtl_gt_rxgearboxslip_o && !t_->rx_rst_i) {
      offset_ = (offset_ + 1) % 66;
      ++slips_;
    }
    if (t_->rtl_rx_block_lock_o) ++lock_cycles_;
  }

  std::string summary() const override {
    return std::to_string(slips_) + " slips, " + std::to_string(lock_cycles_) + " cycles locked, " +
           std::to_string(frames_) + " TX frames, lock losses " + std::to_string(t_->rtl_rx_lock_losses_o);
  }

 private:
  void put(uint64_t d, uint8_t c) {
    t_->xgmii_txd_i = d;
    t_->xgmii_txc_i = c;
  }
  void drive_xgmii() {
    if (left_ == 0 && idle_ == 0) {
      if (rng_.below(200) == 0) {  // odd word: error, ordered set, random control mix
        const unsigned k = unsigned(rng_.below(3));
        if (k == 0) put(0xFEFEFEFEFEFEFEFEull, 0xFF);
        else if (k == 1) put(0x000000000100009Cull, 0x01);
        else put(rng_.next(), uint8_t(rng_.next()));
        return;
      }
      // start word
      put(0xD555555555555500ull | 0xFB, 0x01);
      left_ = int(rng_.range(8, 200));
      ++frames_;
      return;
    }
    if (left_ > 0) {
      if (left_ >= 8) {
        put(rng_.next(), 0x00);
        left_ -= 8;
        if (left_ == 0) left_ = -1;  // terminate in lane 0 next
        return;
      }
      // last bytes + terminate in lane left_ (or next word in lane 0)
      const int n = left_ < 0 ? 0 : left_;
      uint64_t d = rng_.next();
      uint8_t c = 0;
      for (int lane = n; lane < 8; ++lane) {
        d &= ~(uint64_t(0xFF) << (8 * lane));
        d |= uint64_t(lane == n ? 0xFD : 0x07) << (8 * lane);
        c |= uint8_t(1u << lane);
      }
      put(d, c);
      left_ = 0;
      idle_ = int(rng_.range(0, 3));
      return;
    }
    if (left_ < 0) {  // terminate in lane 0
      put(0x07070707070707FDull, 0xFF);
      left_ = 0;
      idle_ = int(rng_.range(0, 3));
      return;
    }
    put(0x0707070707070707ull, 0xFF);
    --idle_;
  }

  Vxcheck_top* t_;
  Rng rng_;
  int tx_rst_left_ = 0, rx_rst_left_ = 0;
  int left_ = 0, idle_ = 4;
  unsigned mode_ = 0, ber_pct_ = 0, offset_ = 0;
  std::bitset<132> window_;
  uint64_t slips_ = 0, lock_cycles_ = 0, frames_ = 0;
};

}  // namespace

std::unique_ptr<Stimulus> make_stimulus(Vxcheck_top* t, uint64_t seed) {
  return std::make_unique<PcsStim>(t, seed);
}

}  // namespace xc
