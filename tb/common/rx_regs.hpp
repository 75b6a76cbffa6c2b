// Receive configuration programmed through the registers the way a driver
// does it, for system tests: every offset and field from the generated
// header (sw/include/vmq/vmq_regs.hpp). `wr` is any callable wr(addr, value).
#pragma once

#include <string>
#include <vmq/vmq_regs.hpp>

#include "vmq_model.hpp"

namespace vmq::tb {

// FILT_CFG / FILT_RD_CFG word of a filter entry.
inline uint32_t filt_cfg_word(const model::Filter& f) {
  namespace regs = vmq::regs;
  return uint32_t(f.valid) << regs::FILT_CFG_VALID_SHIFT |
         uint32_t(f.type) << regs::FILT_CFG_TYPE_SHIFT |
         uint32_t(f.vid & 0xfff) << regs::FILT_CFG_VID_SHIFT;
}

// One filter entry: staging registers, then the atomic commit.
template <class Wr>
void write_filter_regs(Wr&& wr, unsigned i, const model::Filter& f) {
  namespace regs = vmq::regs;
  wr(regs::FILT_IDX, i);
  wr(regs::FILT_CFG, filt_cfg_word(f));
  wr(regs::FILT_MAC_LO, uint32_t(f.mac));
  wr(regs::FILT_MAC_HI, uint32_t(f.mac >> 32));
  wr(regs::FILT_QMASK_LO, uint32_t(f.qmask));
  wr(regs::FILT_QMASK_HI, uint32_t(f.qmask >> 32));
  wr(regs::FILT_CMD, regs::FILT_CMD_WRITE_MASK);
}

// Everything the receive classification uses: TPID, frame limits, default
// queue, per-queue accept/enable bits, and every filter entry.
template <class Wr>
void program_rx_regs(Wr&& wr, const model::RxConfig& c, unsigned num_queues, unsigned num_filters) {
  namespace regs = vmq::regs;
  wr(regs::RX_TPID, c.tpid);
  wr(regs::RX_MIN_FRAME, c.min_frame);
  wr(regs::RX_MAX_FRAME, c.max_frame);
  wr(regs::CTRL, c.default_queue ? regs::CTRL_DEFAULT_QUEUE_EN_MASK : 0);
  for (unsigned q = 0; q < num_queues; ++q) {
    auto bit = [&](uint64_t m) { return uint32_t((m >> q) & 1); };
    wr(regs::Q_RX_CTRL(q), bit(c.enabled) << regs::Q_RX_CTRL_ENABLE_SHIFT |
                               bit(c.bcast) << regs::Q_RX_CTRL_BCAST_SHIFT |
                               bit(c.mcast) << regs::Q_RX_CTRL_MCAST_SHIFT |
                               bit(c.promisc) << regs::Q_RX_CTRL_PROMISC_SHIFT);
  }
  for (unsigned i = 0; i < num_filters; ++i) write_filter_regs(wr, i, c.filters[i]);
}

// Is `off` (its aligned word) a register of the map at this configuration?
// Per-queue and per-filter arrays have num_queues / num_filters entries.
inline bool reg_mapped(uint32_t off, unsigned num_queues, unsigned num_filters) {
  off &= ~3u;
  for (const auto& r : regs::REG_TABLE) {
    if (r.stride == 0) {
      if (off == r.offset) return true;
      continue;
    }
    const std::string count = r.count ? r.count : "";
    const unsigned n = count == "NumQueues"    ? num_queues
                       : count == "NumFilters" ? num_filters
                                               : r.max_count;
    if (off >= r.offset && (off - r.offset) % r.stride == 0 && (off - r.offset) / r.stride < n)
      return true;
  }
  return false;
}

}  // namespace vmq::tb
