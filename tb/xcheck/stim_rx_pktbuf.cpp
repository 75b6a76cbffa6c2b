// Cross-check stimulus for vmq_rx_pktbuf: protocol-valid frames and decisions.
// Frames of 1..MaxFrameBytes+64 bytes with random idles; each frame's
// decision is offered 3..20 cycles after its tlast (so decisions lag several
// frames, as behind the sorter) and held until dec_ready; random drop
// reasons; m_tready in phases from always-ready to nearly stalled so the
// buffer fills and drops at ingress; rare mid-run resets.
#include <deque>
#include <vector>

#include "xcheck.hpp"

#ifndef XC_DataW
#define XC_DataW 64
#endif
#ifndef XC_NumQueues
#define XC_NumQueues 16
#endif
#ifndef XC_MaxFrameBytes
#define XC_MaxFrameBytes 1024
#endif

namespace xc {
namespace {

constexpr int kDataW = XC_DataW;
constexpr int kKeepW = kDataW / 8;
constexpr int kQueues = XC_NumQueues;
constexpr int kMaxFrame = XC_MaxFrameBytes;

class PktbufStim : public Stimulus {
 public:
  PktbufStim(Vxcheck_top* t, uint64_t seed) : t_(t), rng_(seed) {}

  void drive(uint64_t cycle) override {
    if (cycle < 5 || rst_left_ > 0) {
      if (rst_left_ > 0) --rst_left_;
      t_->rst_i = 1;
      len_ = pos_ = 0;
      presenting_ = dec_presenting_ = false;
      pending_.clear();
    } else {
      t_->rst_i = 0;
      if (rng_.below(50000) == 0) rst_left_ = 3;
    }
    if (cycle % 700 == 0) {
      static constexpr unsigned kReady[] = {100, 100, 80, 40, 5};
      m_ready_pct_ = kReady[rng_.below(5)];
      idle_pct_ = unsigned(rng_.below(4)) * 15;
    }
    t_->m_tready_i = rng_.chance(m_ready_pct_);

    // frame data: a presented beat is held until accepted (s_tready is high)
    if (!presenting_ && !t_->rst_i && !rng_.chance(idle_pct_)) {
      if (pos_ >= len_) new_frame();
      load_beat();
      presenting_ = true;
    }
    t_->s_tvalid_i = presenting_;
    if (!presenting_) {
      randomize(t_->s_tdata_i, kDataW, rng_);
      randomize(t_->s_tkeep_i, kKeepW, rng_);
      t_->s_tlast_i = rng_.below(2);
      t_->s_tuser_i = rng_.below(2);
    }

    // decisions: in frame order, each no earlier than its due cycle
    if (!dec_presenting_ && !pending_.empty() && pending_.front().due <= cycle) {
      const Pending p = pending_.front();
      pending_.pop_front();
      t_->dec_drop_i = rng_.chance(55) ? 0 : uint8_t(rng_.range(1, 4));
      t_->dec_len_i = p.len;
      randomize(t_->dec_qmask_i, kQueues, rng_);
      t_->dec_tagged_i = rng_.below(2);
      t_->dec_tci_i = uint16_t(rng_.next());
      t_->dec_bcast_i = rng_.below(2);
      t_->dec_mcast_i = rng_.below(2);
      dec_presenting_ = true;
    }
    t_->dec_valid_i = dec_presenting_;
  }

  void sample(uint64_t cycle) override {
    if (t_->rst_i) return;
    if (presenting_ && t_->rtl_s_tready_o) {
      presenting_ = false;
      ++beats_;
      pos_ += kKeepW;
      if (pos_ >= len_) {
        ++frames_;
        pending_.push_back({cycle + rng_.range(3, 20), uint16_t(len_)});
      }
    }
    if (dec_presenting_ && t_->rtl_dec_ready_o) dec_presenting_ = false;
    if (t_->rtl_m_tvalid_o && t_->m_tready_i && t_->rtl_m_tlast_o) ++delivered_;
    if (t_->rtl_stat_valid_o) {
      ++stats_;
      if (t_->rtl_stat_drop_o == 5) ++buffer_drops_;
    }
  }

  std::string summary() const override {
    return std::to_string(frames_) + " frames, " + std::to_string(beats_) + " beats, " +
           std::to_string(stats_) + " reports, " + std::to_string(delivered_) + " delivered, " +
           std::to_string(buffer_drops_) + " dropped at ingress";
  }

 private:
  struct Pending {
    uint64_t due;
    uint16_t len;
  };

  void new_frame() {
    len_ = rng_.chance(30) ? rng_.range(1, 64) : rng_.range(1, kMaxFrame + 64);
    pos_ = 0;
  }

  void load_beat() {
    const size_t n = std::min<size_t>(kKeepW, len_ - pos_);
    randomize(t_->s_tdata_i, kDataW, rng_);
    for (int i = 0; i < kKeepW; ++i) set_bits(t_->s_tkeep_i, i, 1, size_t(i) < n);
    t_->s_tlast_i = pos_ + n >= len_;
    t_->s_tuser_i = rng_.below(2);
  }

  Vxcheck_top* t_;
  Rng rng_;
  size_t len_ = 0, pos_ = 0;
  bool presenting_ = false, dec_presenting_ = false;
  int rst_left_ = 0;
  unsigned m_ready_pct_ = 100, idle_pct_ = 0;
  std::deque<Pending> pending_;
  uint64_t frames_ = 0, beats_ = 0, stats_ = 0, delivered_ = 0, buffer_drops_ = 0;
};

}  // namespace

std::unique_ptr<Stimulus> make_stimulus(Vxcheck_top* t, uint64_t seed) {
  return std::make_unique<PktbufStim>(t, seed);
}

}  // namespace xc
