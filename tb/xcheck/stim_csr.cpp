// Cross-check stimulus for vmq_csr: protocol-valid AXI4-Lite traffic.
// Addresses come from the generated register map (REG_TABLE in
// sw/include/vmq/vmq_regs.hpp, nothing hand-typed): real registers mostly,
// per-queue Q_RX_CTRL entries below and past NumQueues, holes between
// registers and inside the per-queue stride, unaligned and fully random
// (unmapped) addresses. AW, W and AR each hold a presented item until its
// handshake; AW and W have independent random delays (either may lead);
// bready/rready are random with phase-changing rates. Writes carry random
// data and wstrb; RESET.SOFT and FILT_CMD writes are issued now and then, and
// CSR_UNMAPPED_LO/HI are read in pairs. The hardware-driven FILT_RD_* inputs
// take random values; rst_i is asserted at the start and rarely later. A
// read of a per-queue counter (held in RAM in the core) is answered on the
// counter read port 1..6 cycles after its request, with random data.
#include <algorithm>
#include <deque>
#include <vector>

#include "../../sw/include/vmq/vmq_regs.hpp"  // the harness is built with -I tb/xcheck only
#include "xcheck.hpp"

#ifndef XC_NumQueues
#define XC_NumQueues 16
#endif

namespace xc {
namespace {

namespace regs = vmq::regs;
constexpr unsigned kQueues = XC_NumQueues;

struct Txn {
  uint32_t addr, data, strb;
};

class CsrStim : public Stimulus {
 public:
  CsrStim(Vxcheck_top* t, uint64_t seed) : t_(t), rng_(seed) {
    // Address pools, all derived from REG_TABLE.
    for (const auto& r : regs::REG_TABLE) {
      if (r.stride == 0) {
        const uint32_t a = r.offset;
        scalar_.push_back(a);
        if (r.offset == regs::RESET) reset_addr_ = a;
        if (r.offset == regs::FILT_CMD) filt_cmd_addr_ = a;
        if (r.offset == regs::CSR_UNMAPPED_LO) unmapped_lo_ = a;
        if (r.offset == regs::CSR_UNMAPPED_HI) unmapped_hi_ = a;
        if (r.access != regs::Access::W1P) plain_.push_back(a);
      } else {
        arrays_.push_back(&r);
      }
    }
    // Holes: words near the scalar registers that are not registers, and
    // words inside an array entry's stride.
    auto is_reg = [&](uint32_t a) {
      for (uint32_t s : scalar_)
        if (s == a) return true;
      for (const auto* r : arrays_)
        if (a >= r->offset && (a - r->offset) % r->stride == 0 &&
            (a - r->offset) / r->stride < r->max_count)
          return true;
      return false;
    };
    uint32_t top = 0;
    for (uint32_t s : scalar_) top = std::max(top, s);
    for (uint32_t a = 0; a <= top + 0x40; a += 4)
      if (!is_reg(a)) holes_.push_back(a);
    for (const auto* r : arrays_)
      for (uint32_t k = 4; k < r->stride; k += 4) stride_holes_.push_back({r, k});
  }

  void drive(uint64_t cycle) override {
    if (cycle < 5 || rst_left_ > 0) {
      if (rst_left_ > 0) --rst_left_;
      t_->rst_i = 1;
      // The slave drops everything it holds: start the channels afresh.
      wq_.clear();
      aw_next_ = w_next_ = 0;
      aw_on_ = w_on_ = ar_on_ = false;
      qcnt_due_ = 0;
    } else {
      t_->rst_i = 0;
      if (rng_.below(60000) == 0) rst_left_ = 1 + int(rng_.below(3));
    }

    if (cycle % 2000 == 0) {
      static constexpr unsigned kReady[] = {100, 95, 70, 40, 10};
      static constexpr unsigned kStart[] = {100, 60, 30, 10, 2};
      b_ready_pct_ = kReady[rng_.below(5)];
      r_ready_pct_ = kReady[rng_.below(5)];
      aw_pct_ = kStart[rng_.below(5)];
      w_pct_ = kStart[rng_.below(5)];
      ar_pct_ = kStart[rng_.below(5)];
    }
    t_->s_axil_bready_i = rng_.chance(b_ready_pct_);
    t_->s_axil_rready_i = rng_.chance(r_ready_pct_);

    // Write address / data: a presented item stays until the handshake.
    if (!aw_on_ && rng_.chance(aw_pct_)) {
      if (aw_next_ == wq_.size()) wq_.push_back(new_write());
      aw_on_ = true;
    }
    if (!w_on_ && rng_.chance(w_pct_)) {
      if (w_next_ == wq_.size()) wq_.push_back(new_write());
      w_on_ = true;
    }
    t_->s_axil_awvalid_i = aw_on_;
    t_->s_axil_wvalid_i = w_on_;
    t_->s_axil_awaddr_i = aw_on_ ? wq_[aw_next_].addr : uint16_t(rng_.next());
    if (w_on_) {
      t_->s_axil_wdata_i = wq_[w_next_].data;
      t_->s_axil_wstrb_i = wq_[w_next_].strb;
    } else {
      t_->s_axil_wdata_i = uint32_t(rng_.next());
      t_->s_axil_wstrb_i = rng_.below(16);
    }

    // Read address.
    if (!ar_on_ && rng_.chance(ar_pct_)) {
      if (pending_hi_read_) {
        ar_addr_ = unmapped_hi_;
        pending_hi_read_ = false;
      } else {
        ar_addr_ = rng_.chance(3) ? unmapped_lo_ : new_addr(false);
        pending_hi_read_ = ar_addr_ == unmapped_lo_;
      }
      ar_on_ = true;
    }
    t_->s_axil_arvalid_i = ar_on_;
    t_->s_axil_araddr_i = ar_on_ ? ar_addr_ : uint16_t(rng_.next());

    // Counter read port: the answer to the last request, when due.
    t_->qcnt_rd_valid_i = qcnt_due_ == 1;
    t_->qcnt_rd_data_i = rng_.next();
    if (qcnt_due_ > 0) --qcnt_due_;

    // Hardware-driven read-back inputs: random, changing often.
    if (rng_.chance(50)) {
      t_->filt_rd_cfg_valid_i = rng_.below(2);
      t_->filt_rd_cfg_type_i = rng_.below(4);
      t_->filt_rd_cfg_vid_i = rng_.below(4096);
      t_->filt_rd_mac_lo_mac_i = uint32_t(rng_.next());
      t_->filt_rd_mac_hi_mac_i = uint16_t(rng_.next());
      t_->filt_rd_qmask_lo_qmask_i = uint32_t(rng_.next());
      t_->filt_rd_qmask_hi_qmask_i = uint32_t(rng_.next());
    }
    // Counter values from the statistics blocks: random 64-bit values, so
    // the LO/HI read path is exercised on every bit.
    if (rng_.chance(30)) {
      t_->rx_frames_i = rng_.next();
      t_->rx_err_drops_i = rng_.next();
      t_->rx_runt_drops_i = rng_.next();
      t_->rx_oversize_drops_i = rng_.next();
      t_->rx_unmatched_drops_i = rng_.next();
      t_->rx_buffer_drops_i = rng_.next();
    }
  }

  void sample(uint64_t) override {
    if (t_->rst_i) return;
    if (t_->rtl_qcnt_rd_req_o) {
      qcnt_due_ = 1 + unsigned(rng_.below(6));
      ++qcnt_reads_;
    }
    if (aw_on_ && t_->rtl_s_axil_awready_o) {
      aw_on_ = false;
      ++aw_next_;
    }
    if (w_on_ && t_->rtl_s_axil_wready_o) {
      w_on_ = false;
      ++w_next_;
    }
    while (aw_next_ > 0 && w_next_ > 0) {
      wq_.pop_front();
      --aw_next_;
      --w_next_;
    }
    if (ar_on_ && t_->rtl_s_axil_arready_o) ar_on_ = false;
    if (t_->rtl_s_axil_bvalid_o && t_->s_axil_bready_i) ++writes_;
    if (t_->rtl_s_axil_rvalid_o && t_->s_axil_rready_i) {
      ++reads_;
      if (t_->rtl_s_axil_rdata_o == regs::UNMAPPED_READ) ++unmapped_reads_;
    }
    if (t_->rtl_soft_reset_o) ++soft_resets_;
    if (t_->rtl_filt_cmd_write_o) ++filt_cmds_;
  }

  std::string summary() const override {
    return std::to_string(writes_) + " writes, " + std::to_string(reads_) + " reads (" +
           std::to_string(unmapped_reads_) + " read 0xFFFFFFFF), " + std::to_string(soft_resets_) +
           " soft resets, " + std::to_string(filt_cmds_) + " FILT_CMD pulses, " +
           std::to_string(qcnt_reads_) + " counter-port reads";
  }

 private:
  // A register address (mostly) or an unmapped one.
  uint32_t new_addr(bool write) {
    const uint64_t r = rng_.below(100);
    uint32_t a;
    if (r < 45) {  // scalar register (writes: not the w1p ones, issued separately)
      a = write ? rng_.pick(plain_) : rng_.pick(scalar_);
    } else if (r < 70) {  // array entry: mostly below NumQueues, some just past, some far past
      const auto* ar = arrays_[rng_.below(arrays_.size())];
      const uint64_t k = rng_.below(10);
      const uint32_t i = k < 7   ? uint32_t(rng_.below(kQueues))
                         : k < 9 ? kQueues + uint32_t(rng_.below(3))
                                 : uint32_t(rng_.below(ar->max_count + 4));
      a = ar->offset + i * ar->stride;
    } else if (r < 80) {  // hole between scalar registers
      a = rng_.pick(holes_);
    } else if (r < 85) {  // hole inside an array entry's stride
      const auto& [ar, k] = rng_.pick(stride_holes_);
      a = ar->offset + uint32_t(rng_.below(kQueues + 2)) * ar->stride + k;
    } else if (r < 92) {  // unaligned access to a register
      a = rng_.pick(scalar_) + uint32_t(rng_.range(1, 3));
    } else {  // anywhere in the 64 KiB space
      a = uint32_t(rng_.below(regs::ADDR_SPACE_BYTES));
    }
    return a & (regs::ADDR_SPACE_BYTES - 1);
  }

  Txn new_write() {
    Txn w;
    const uint64_t r = rng_.below(1000);
    if (r < 3) {  // RESET.SOFT, mostly with the bit set
      w = {reset_addr_, uint32_t(rng_.next()) | (rng_.chance(80) ? 1u : 0u), 0xf};
    } else if (r < 40) {  // FILT_CMD
      w = {filt_cmd_addr_, uint32_t(rng_.next()) | (rng_.chance(80) ? 1u : 0u), 0xf};
    } else {
      w = {new_addr(true), uint32_t(rng_.next()), 0xf};
    }
    if (rng_.chance(30)) w.strb = uint32_t(rng_.below(16));
    return w;
  }

  Vxcheck_top* t_;
  Rng rng_;
  std::vector<uint32_t> scalar_, plain_, holes_;
  std::vector<const regs::RegInfo*> arrays_;
  std::vector<std::pair<const regs::RegInfo*, uint32_t>> stride_holes_;
  uint32_t reset_addr_ = 0, filt_cmd_addr_ = 0, unmapped_lo_ = 0, unmapped_hi_ = 0;

  unsigned qcnt_due_ = 0;  // cycles until the counter read port answers (0: none due)
  uint64_t qcnt_reads_ = 0;
  std::deque<Txn> wq_;  // writes not yet through both AW and W
  size_t aw_next_ = 0, w_next_ = 0;
  bool aw_on_ = false, w_on_ = false, ar_on_ = false, pending_hi_read_ = false;
  uint32_t ar_addr_ = 0;
  int rst_left_ = 0;
  unsigned b_ready_pct_ = 100, r_ready_pct_ = 100, aw_pct_ = 100, w_pct_ = 100, ar_pct_ = 100;
  uint64_t writes_ = 0, reads_ = 0, unmapped_reads_ = 0, soft_resets_ = 0, filt_cmds_ = 0;
};

}  // namespace

std::unique_ptr<Stimulus> make_stimulus(Vxcheck_top* t, uint64_t seed) {
  return std::make_unique<CsrStim>(t, seed);
}

}  // namespace xc
