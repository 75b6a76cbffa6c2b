// Cross-check stimulus for vmq_mac_10g (both clocks tied to clk_i by
// synth_xcheck.py). TX: frames of random length (1..300 bytes, tkeep
// contiguous on the last beat) on the AXI4-Stream, with random gaps, random
// tvalid drops inside a frame (underruns) and rare tuser aborts; tready is
// honoured. RX, in phases: the TX XGMII output looped back (one cycle late,
// sometimes with a flipped data bit -> FCS errors, or a control bit -> code
// errors), or random XGMII words built from idles, start, terminate, error
// and data bytes. Resets (tx and rx separately) at the start and rarely later.
#include "xcheck.hpp"

namespace xc {
namespace {

class MacStim : public Stimulus {
 public:
  MacStim(Vxcheck_top* t, uint64_t seed) : t_(t), rng_(seed) {}

  void drive(uint64_t cycle) override {
    // resets
    t_->tx_rst_i = cycle < 4 || tx_rst_left_ > 0;
    t_->rx_rst_i = cycle < 4 || rx_rst_left_ > 0;
    if (tx_rst_left_ > 0) --tx_rst_left_;
    if (rx_rst_left_ > 0) --rx_rst_left_;
    if (cycle >= 4 && rng_.below(40000) == 0) tx_rst_left_ = 1 + int(rng_.below(3));
    if (cycle >= 4 && rng_.below(40000) == 0) rx_rst_left_ = 1 + int(rng_.below(3));
    if (t_->tx_rst_i) {
      left_ = 0;
      t_->s_tx_tvalid_i = 0;
    }
    if (cycle % 3000 == 0) {
      mode_ = unsigned(rng_.below(4));  // 0..2 loopback, 3 random XGMII
      gap_pct_ = unsigned(rng_.pick(std::vector<unsigned>{0, 5, 30, 80}));
    }

    // TX stream: keep the beat while it waits for tready
    if (!t_->s_tx_tvalid_i || hold_ == false) {
      if (left_ == 0 && !t_->tx_rst_i && !rng_.chance(gap_pct_)) left_ = int(rng_.range(1, 300));
      if (left_ > 0 && (rng_.below(400) != 0)) {  // rare drop inside a frame: underrun
        const int n = left_ > 8 ? 8 : left_;
        uint64_t d = rng_.next();
        t_->s_tx_tdata_i = d;
        t_->s_tx_tkeep_i = uint8_t((1u << n) - 1);
        t_->s_tx_tlast_i = left_ <= 8;
        t_->s_tx_tuser_i = t_->s_tx_tlast_i && rng_.below(50) == 0;
        t_->s_tx_tvalid_i = 1;
        left_ -= n;
      } else {
        t_->s_tx_tvalid_i = 0;
        randomize(t_->s_tx_tdata_i, 64, rng_);
      }
    }

    // RX XGMII
    if (mode_ < 3) {
      uint64_t d = last_txd_;
      uint8_t c = last_txc_;
      if (rng_.below(3000) == 0) d ^= uint64_t(1) << rng_.below(64);
      if (rng_.below(20000) == 0) c ^= uint8_t(1u << rng_.below(8));
      t_->xgmii_rxd_i = d;
      t_->xgmii_rxc_i = c;
    } else {
      static const uint8_t kCtl[] = {0x07, 0xFB, 0xFD, 0xFE, 0x9C};
      uint64_t d = 0;
      uint8_t c = 0;
      for (int lane = 0; lane < 8; ++lane) {
        uint8_t b;
        if (rng_.chance(40)) {
          b = kCtl[rng_.below(5)];
          c |= uint8_t(1u << lane);
        } else {
          b = uint8_t(rng_.next());
        }
        d |= uint64_t(b) << (8 * lane);
      }
      if (rng_.chance(30)) {  // a plausible start word
        d = 0xD555555555555500ull | 0xFB;
        c = 0x01;
      }
      t_->xgmii_rxd_i = d;
      t_->xgmii_rxc_i = c;
    }
  }

  void sample(uint64_t) override {
    hold_ = t_->s_tx_tvalid_i && !t_->rtl_s_tx_tready_o && !t_->tx_rst_i;
    if (t_->s_tx_tvalid_i && t_->rtl_s_tx_tready_o && t_->s_tx_tlast_i && !t_->tx_rst_i) ++tx_frames_;
    if (t_->rtl_m_rx_tvalid_o && t_->rtl_m_rx_tlast_o) ++rx_frames_;
    last_txd_ = t_->rtl_xgmii_txd_o;
    last_txc_ = t_->rtl_xgmii_txc_o;
  }

  std::string summary() const override {
    return std::to_string(tx_frames_) + " TX frames accepted, " + std::to_string(rx_frames_) +
           " RX frames out (MAC rx_frames " + std::to_string(t_->rtl_rx_frames_o) + ", fcs errors " +
           std::to_string(t_->rtl_rx_fcs_errors_o) + ")";
  }

 private:
  Vxcheck_top* t_;
  Rng rng_;
  int tx_rst_left_ = 0, rx_rst_left_ = 0, left_ = 0;
  bool hold_ = false;
  unsigned mode_ = 0, gap_pct_ = 5;
  uint64_t last_txd_ = 0x0707070707070707ull;
  uint8_t last_txc_ = 0xFF;
  uint64_t tx_frames_ = 0, rx_frames_ = 0;
};

}  // namespace

std::unique_ptr<Stimulus> make_stimulus(Vxcheck_top* t, uint64_t seed) {
  return std::make_unique<MacStim>(t, seed);
}

}  // namespace xc
