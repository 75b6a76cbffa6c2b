// Host side of one receive queue, as a driver keeps it (docs/rx-dma.md "Ring
// and buffers"): a descriptor ring and its buffers in the host-memory model,
// buffers posted with fresh random placement each time (64-byte aligned, odd
// or any byte address), completions reaped by polling DD in memory and
// reassembled up to EOP, and the ownership bookkeeping the isolation checker
// needs (which bytes the core may write right now). Register accesses (TAIL)
// stay with the caller: post() returns what to write.
//
// `Mem` is anything with read_u64/write_u64/read_bytes (AxiMem, or a plain
// SparseMem wrapper in unit tests). Ring and buffers of a queue live in two
// address regions the caller keeps apart from every other queue's.
#pragma once

#include <fmt/core.h>

#include <cstdint>
#include <string>
#include <vector>
#include <vmq/vmq_regs.hpp>

#include "vmq_model.hpp"
#include "vmq_tb.hpp"

namespace vmq::tb {

struct HostRxLayout {
  uint64_t ring_base = 0;  // 128-byte aligned (driver's choice; the core needs 16)
  unsigned log2 = 8;       // ring of 2^log2 descriptor slots
  uint32_t buf_bytes = 2048;
  uint64_t buf_region = 0;  // slot i's buffer lives in [buf_region + i * stride, + stride)
  // placement of a freshly posted buffer inside its area
  double p_aligned64 = 0.4, p_odd = 0.3;  // else any byte offset 0..63
};

// One copy as the host finds it in memory.
struct RxDone {
  unsigned queue = 0;
  std::vector<uint8_t> bytes;          // buffers concatenated, LEN bytes each
  std::vector<model::RxWriteBack> wb;  // one per descriptor
  std::vector<uint32_t> slots;         // ring slots used
  std::vector<uint64_t> addrs;         // buffer addresses used
  std::string error;                   // structural problem (empty: none)
};

// RX_WB word 1 <-> model::RxWriteBack, positions from the generated header.
inline model::RxWriteBack decode_rx_wb(uint64_t w1) {
  namespace f = vmq::regs::fmt;
  model::RxWriteBack w;
  w.dd = f::get(w1, f::RX_WB_DD);
  w.eop = f::get(w1, f::RX_WB_EOP);
  w.vp = f::get(w1, f::RX_WB_VP);
  w.bcast = f::get(w1, f::RX_WB_BCAST);
  w.mcast = f::get(w1, f::RX_WB_MCAST);
  w.len = uint16_t(f::get(w1, f::RX_WB_LEN));
  w.tci = uint16_t(f::get(w1, f::RX_WB_TCI));
  w.frame_len = uint16_t(f::get(w1, f::RX_WB_FRAME_LEN));
  return w;
}
inline uint64_t encode_rx_wb(const model::RxWriteBack& w) {
  namespace f = vmq::regs::fmt;
  uint64_t v = 0;
  v = f::put(v, f::RX_WB_DD, w.dd);
  v = f::put(v, f::RX_WB_EOP, w.eop);
  v = f::put(v, f::RX_WB_VP, w.vp);
  v = f::put(v, f::RX_WB_BCAST, w.bcast);
  v = f::put(v, f::RX_WB_MCAST, w.mcast);
  v = f::put(v, f::RX_WB_LEN, w.len);
  v = f::put(v, f::RX_WB_TCI, w.tci);
  v = f::put(v, f::RX_WB_FRAME_LEN, w.frame_len);
  return v;
}

template <class Mem>
class HostRxQueue {
 public:
  static constexpr uint64_t kSlot = vmq::regs::fmt::RX_DESC_BYTES;  // 16

  HostRxQueue(Mem& mem, Rng& rng, unsigned q, HostRxLayout l)
      : mem_(mem), rng_(rng), q_(q), l_(l), buf_addr_(size_t(1) << l.log2, 0) {
    stride_ = (uint64_t(l_.buf_bytes) + 128 + 63) & ~uint64_t(63);  // >= 65 guard bytes
  }

  unsigned queue() const { return q_; }
  const HostRxLayout& layout() const { return l_; }
  unsigned size() const { return 1u << l_.log2; }
  uint64_t stride() const { return stride_; }
  uint64_t ring_end() const { return l_.ring_base + uint64_t(size()) * kSlot; }
  uint64_t bufs_end() const { return l_.buf_region + uint64_t(size()) * stride_; }
  // Posted and not yet reaped: owned by the core.
  unsigned owned() const { return unsigned(tail_seq_ - head_seq_); }
  unsigned space() const { return size() - 1 - owned(); }
  uint32_t tail() const { return uint32_t(tail_seq_ % size()); }
  uint32_t head() const { return uint32_t(head_seq_ % size()); }
  uint64_t posted_total() const { return tail_seq_; }
  uint64_t reaped_total() const { return head_seq_; }
  uint64_t buf_addr(uint32_t slot) const { return buf_addr_[slot]; }
  uint64_t slot_addr(uint32_t slot) const { return l_.ring_base + slot * kSlot; }
  bool mid_copy() const { return !part_.slots.empty(); }

  // Write up to n descriptors (RX_DESC: address, zero word) at the tail;
  // returns how many. The caller then writes Q_RX_TAIL = tail().
  unsigned post(unsigned n) {
    unsigned k = 0;
    for (; k < n && space() > 0; ++k) {
      const uint32_t s = tail();
      const uint64_t area = l_.buf_region + s * stride_;
      uint64_t off;
      if (rng_.chance(l_.p_aligned64))
        off = 0;
      else if (rng_.chance(l_.p_odd / (1.0 - l_.p_aligned64)))
        off = rng_.range(0, 31) * 2 + 1;
      else
        off = rng_.range(0, 63);
      buf_addr_[s] = area + off;
      mem_.write_u64(slot_addr(s), buf_addr_[s]);
      mem_.write_u64(slot_addr(s) + 8, 0);
      ++tail_seq_;
    }
    return k;
  }

  // Reap every descriptor whose DD is set, in ring order; each copy goes to
  // on_copy(RxDone&&) at its EOP. Returns descriptors reaped.
  template <class F>
  unsigned poll(F&& on_copy) {
    unsigned n = 0;
    while (owned() > 0) {
      const uint32_t s = head();
      const uint64_t w1 = mem_.read_u64(slot_addr(s) + 8);
      const model::RxWriteBack w = decode_rx_wb(w1);
      if (!w.dd) break;
      ++head_seq_;
      ++n;
      if (part_.slots.empty()) part_.queue = q_;
      part_.slots.push_back(s);
      part_.addrs.push_back(buf_addr_[s]);
      part_.wb.push_back(w);
      auto err = [&](const std::string& m) {
        if (part_.error.empty())
          part_.error = fmt::format("queue {} slot {} (descriptor {} of the copy, wb {}): {}", q_,
                                    s, part_.wb.size() - 1, model::describe(w), m);
      };
      const uint64_t w0 = mem_.read_u64(slot_addr(s));
      if (w0 != buf_addr_[s])
        err(fmt::format("word 0 changed to 0x{:x} (posted 0x{:x})", w0, buf_addr_[s]));
      if (w.len > l_.buf_bytes)
        err(fmt::format("LEN {} larger than the buffer ({} bytes)", w.len, l_.buf_bytes));
      if (!w.eop && w.len != l_.buf_bytes)
        err(fmt::format("LEN {} in a non-EOP descriptor (buffer {} bytes)", w.len, l_.buf_bytes));
      if (w.frame_len != part_.wb.front().frame_len)
        err(fmt::format("FRAME_LEN {} differs from the copy's first descriptor ({})", w.frame_len,
                        part_.wb.front().frame_len));
      const auto b = mem_.read_bytes(buf_addr_[s], std::min<uint32_t>(w.len, l_.buf_bytes));
      part_.bytes.insert(part_.bytes.end(), b.begin(), b.end());
      if (w.eop) {
        if (part_.bytes.size() != w.frame_len)
          err(fmt::format("LEN sum {} != FRAME_LEN {}", part_.bytes.size(), w.frame_len));
        RxDone d = std::move(part_);
        part_ = RxDone{};
        on_copy(std::move(d));
      }
    }
    return n;
  }

  // Isolation: may the core write byte `a` now? Inside a posted, not yet
  // reaped buffer, or inside word 1 of a slot the core owns.
  bool may_write(uint64_t a) const {
    if (a >= l_.ring_base && a < ring_end()) {
      const uint64_t s = (a - l_.ring_base) / kSlot;
      return (a - l_.ring_base) % kSlot >= 8 && owns_slot(uint32_t(s));
    }
    if (a >= l_.buf_region && a < bufs_end()) {
      const uint32_t s = uint32_t((a - l_.buf_region) / stride_);
      return owns_slot(s) && a >= buf_addr_[s] && a < buf_addr_[s] + l_.buf_bytes;
    }
    return false;
  }
  bool owns_slot(uint32_t s) const { return (s - head()) % size() < owned(); }
  bool in_ring(uint64_t a) const { return a >= l_.ring_base && a < ring_end(); }
  // slot whose word 1 holds byte a (-1: not a word-1 byte of this ring)
  int wb_slot(uint64_t a) const {
    if (!in_ring(a) || (a - l_.ring_base) % kSlot < 8) return -1;
    return int((a - l_.ring_base) / kSlot);
  }
  // slot whose buffer area holds byte a (-1: none)
  int buf_slot(uint64_t a) const {
    if (a < l_.buf_region || a >= bufs_end()) return -1;
    return int((a - l_.buf_region) / stride_);
  }

  // After Q_RX_CMD.RESET (and TAIL = 0): every buffer is the host's again and
  // the ring restarts at slot 0. A half-reaped copy is discarded.
  void reset() {
    head_seq_ = tail_seq_ = 0;
    part_ = RxDone{};
  }

 private:
  Mem& mem_;
  Rng& rng_;
  unsigned q_;
  HostRxLayout l_;
  uint64_t stride_ = 0;
  std::vector<uint64_t> buf_addr_;
  uint64_t head_seq_ = 0, tail_seq_ = 0;  // reaped / posted, ever
  RxDone part_;
};

}  // namespace vmq::tb
