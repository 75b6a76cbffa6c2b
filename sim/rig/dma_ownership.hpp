// DMA ownership checker (SPEC §4 "Isolation", §7; issue 16; docs/testing.md
// "DMA ownership checker"). It sits in the host-memory model of every rig
// that drives vmq_core (the system tests, the benchmarks, the simulation
// platform) and knows, only from what the host posted, which bytes of host
// memory the core may touch and how:
//
//   write  a receive buffer posted to some queue, never past its end
//          (Q_RX_BUF.BYTES when posted), or word 1 of a ring slot the core
//          owns (RX write-back, TX completion);
//   read   a ring the core has posted slots in, starting at a posted slot
//          (descriptor fetch), or a fragment posted on a transmit ring
//          (gather read), never past its posted length except up to the end
//          of the bus beat that holds its last byte;
//   never  anything after the host saw DMA stopped (Q_*_STATUS.STOPPED) for
//          that queue, until it enables the queue again; a buffer after its
//          descriptor was written back (RX: that slot; TX: every slot up to
//          the completed EOP slot).
//
// The queue is identified by address and by what the host posted, never by
// AXI ID. What the host posted is learnt by snooping its register accesses
// (reg_write/reg_read: ring registers, TAIL doorbells, CTRL, CMD.RESET,
// RESET.SOFT, and the STATUS values the host read) and reading the posted
// descriptors from host memory at the doorbell. Loopback copies are receive
// writes of the receiving queue, like any other.
//
// Rules where the host misbehaves (docs/testing.md "DMA ownership checker"),
// the same the RTL follows:
// - TAIL is a producer index modulo the ring size: a write posts every slot
//   from the previous TAIL up to it, reading each descriptor from memory (a
//   host moving TAIL "back" posts most of the ring by that reading); nothing
//   is revoked (a posted buffer is the core's until written back, reset or
//   stopped);
// - a descriptor fetch also takes the descriptor as memory holds it then
//   (a host that rewrites a posted slot may be taken either way);
// - a per-queue reset (Q_*_CMD.RESET, seen complete as STATUS.RESETTING 0)
//   clears TAIL and ENABLE and gives back everything posted before it; a
//   TAIL written while it is pending counts both ways (before and after the
//   reset applied) and survives it; a global soft reset (STATUS.RESET_BUSY
//   0) clears everything;
// - ring registers take effect while the ring is empty at index 0 (after a
//   reset, before the first post); otherwise a TAIL posts in both rings;
// - a receive buffer is as long as Q_RX_BUF.BYTES was when it was posted (a
//   host that grows BYTES with buffers posted claims they are longer than
//   they are: the core is held to the size posted).
// Debugging: VMQ_OWN_TRACE=q prints queue q's register traffic and posts.
//
// Plain C++ (no Verilator headers): unit-tested on its own
// (tb/unit/dma_ownership), one negative control per violation kind.
#pragma once

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <functional>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>
#include <vmq/vmq_regs.hpp>

namespace vmq::rig {

class DmaOwnership {
 public:
  enum Dir : unsigned { kRx = 0, kTx = 1 };
  using ReadU64 = std::function<uint64_t(uint64_t)>;

  struct Stats {
    uint64_t writes_checked = 0, reads_checked = 0, posts = 0, releases = 0;
  };

  static_assert(vmq::regs::Q_RX_SIZE_RESET == vmq::regs::Q_TX_SIZE_RESET);

  DmaOwnership(unsigned num_queues, unsigned bus_bytes, ReadU64 read_u64)
      : nq_(num_queues), bus_(bus_bytes), rd_(std::move(read_u64)), q_(2 * num_queues) {
    for (auto& d : q_) d = DirState{};
  }

  bool enabled = std::getenv("VMQ_OWN_OFF") == nullptr;  // VMQ_OWN_OFF=1: off (to time it)
  // Debugging: VMQ_OWN_TRACE=q prints queue q's register writes and posts.
  int trace_queue = std::getenv("VMQ_OWN_TRACE") ? std::atoi(std::getenv("VMQ_OWN_TRACE")) : -1;
  const Stats& stats() const { return st_; }

  // ------------------------------------------------------------ registers
  // A register write as the host issues it (before the core may act on it).
  // `strb`: byte lanes written (a partial write merges into what the
  // checker last saw written there).
  void reg_write(uint32_t off, uint32_t v, uint8_t strb = 0xf) {
    namespace r = vmq::regs;
    uint32_t m = 0;  // the bytes written
    for (unsigned i = 0; i < 4; ++i)
      if ((strb >> i) & 1) m |= 0xffu << (8 * i);
    // command bits (RESET.SOFT, Q_*_CMD.RESET) pulse only from bytes written:
    // a partial write without byte 0 commands nothing, whatever was written
    // there before
    const uint32_t pulse = v & m;
    if (strb != 0xf) {
      const auto it = shadow_.find(off);
      const uint32_t old = it != shadow_.end() ? it->second : reset_value(off);
      v = (old & ~m) | (v & m);
    }
    shadow_[off] = v;
    if (off == r::RESET) {
      if (pulse & r::RESET_SOFT_MASK) soft_reset_pending_ = true;
      return;
    }
    unsigned q;
    Dir d;
    uint32_t reg;
    if (!queue_reg(off, q, d, reg)) return;
    DirState& s = st(q, d);
    if (int(q) == trace_queue)
      fmt::print("ownership: queue {} {} reg +0x{:x} <- 0x{:x} (tail {}, {} slots owned{})\n", q,
                 dir_name(d), off & 0x3f, v, s.tail, s.order.size(),
                 s.reset_pending ? ", reset pending" : "");
    if (reg == kCtrl) {
      s.enabled = (v & 1) != 0;  // ENABLE is bit 0 in both directions
      if (s.enabled) s.reclaimed = false;
    } else if (reg == kBaseLo) {
      s.base = (s.base & ~0xffffffffULL) | v;
      maybe_apply(s);
    } else if (reg == kBaseHi) {
      s.base = (s.base & 0xffffffffULL) | uint64_t(v) << 32;
      maybe_apply(s);
    } else if (reg == kSize) {
      s.log2 = v & 0xf;
      maybe_apply(s);
    } else if (reg == kBuf && d == kRx) {
      s.buf = v & r::Q_RX_BUF_BYTES_MASK;
      // Q_RX_BUF is the size of every buffer of the queue, those already
      // posted too: a host that grows it with buffers posted gives the core
      // the larger buffers (a smaller value never shrinks what was posted:
      // the core may still be filling one at the old size)
      for (auto& [k, recs] : s.slots)
        for (Rec& x : recs)
          if (x.kind == Kind::kRxBuf && s.buf > x.len) {
            unindex(x);
            x.len = s.buf;
            x.hi = end_of(x.lo, s.buf);
            index_.emplace(x.lo, x);
            max_len_ = std::max(max_len_, x.hi - x.lo);
          }
    } else if (reg == kTail) {
      post(q, d, v & 0xfff);
    } else if (reg == kCmd) {
      if (pulse & 1) {
        s.reset_pending = true;
        s.reset_id = next_id_;  // posts before this one go with the reset
        s.tail_in_reset = false;
      }
    }
  }
  // A register read as the host saw its value.
  void reg_read(uint32_t off, uint32_t v) {
    namespace r = vmq::regs;
    if (trace_queue >= 0) {
      unsigned tq;
      Dir td;
      uint32_t treg;
      if (queue_reg(off, tq, td, treg) && int(tq) == trace_queue && treg == kStatus)
        fmt::print("ownership: queue {} {} STATUS -> 0x{:x}\n", tq, dir_name(td), v);
    }
    if (off == r::STATUS) {
      if (soft_reset_pending_ && !(v & r::STATUS_RESET_BUSY_MASK)) {
        soft_reset_pending_ = false;
        for (auto& s : q_) {
          release_all(s);
          s = DirState{};
        }
        shadow_.clear();
      }
      return;
    }
    unsigned q;
    Dir d;
    uint32_t reg;
    if (!queue_reg(off, q, d, reg) || reg != kStatus) return;
    DirState& s = st(q, d);
    // STOPPED and RESETTING are bits 1 and 3 in both directions.
    if (v & r::Q_RX_STATUS_STOPPED_MASK) s.reclaimed = true;
    if (s.reset_pending && !(v & r::Q_RX_STATUS_RESETTING_MASK)) {
      s.reset_pending = false;
      // Posts made while the reset was pending survive: a TAIL written then
      // landed before or after the reset applied, and the checker cannot
      // tell which (post() counted it both ways).
      release_before(s, s.reset_id);
      if (!s.tail_in_reset) s.tail = 0;
      s.done_head = 0;
      s.fresh = !s.tail_in_reset;  // HEAD = TAIL = 0 unless a TAIL landed after the reset
      apply_ring(s);
      s.reclaimed = false;  // nothing is posted now; the next TAIL posts anew
      // the reset cleared TAIL and ENABLE in the register block (SPEC §4)
      s.enabled = false;
      shadow_[d == kRx ? r::Q_RX_TAIL(q) : r::Q_TX_TAIL(q)] = 0;
      const uint32_t ctrl = d == kRx ? r::Q_RX_CTRL(q) : r::Q_TX_CTRL(q);
      shadow_[ctrl] = (shadow_.count(ctrl) ? shadow_[ctrl] : 0) & ~1u;
    }
  }

  // ------------------------------------------------------------ DMA
  // One W beat: lanes [base, base + bus) with strobe mask `strb`, data lanes.
  void write_beat(uint64_t base, uint64_t strb, const uint8_t* data, uint64_t cycle,
                  uint64_t axi_id) {
    if (!enabled || !strb) return;
    ++st_.writes_checked;
    // contiguous runs of strobed lanes
    for (unsigned i = 0; i < bus_;) {
      if (!((strb >> i) & 1)) {
        ++i;
        continue;
      }
      unsigned j = i;
      while (j < bus_ && ((strb >> j) & 1)) ++j;
      check_write(base + i, base + j, data + i, cycle, axi_id);
      i = j;
    }
  }
  // One AR: the burst addresses [addr, end) (end: aligned end of its last beat).
  void read_request(uint64_t addr, uint64_t end, uint64_t cycle, uint64_t axi_id) {
    if (!enabled) return;
    ++st_.reads_checked;
    const Hit h = find(addr, [](const Rec& r) { return r.kind != Kind::kRxBuf; });
    if (!h.rec)
      violation("read", addr, end, cycle, axi_id,
                "not a posted descriptor slot nor a posted transmit fragment" + nearest(addr));
    const Rec& r = *h.rec;
    const DirState& s = st(r.q, r.dir);
    if (s.reclaimed)
      violation("read", addr, end, cycle, axi_id,
                fmt::format("queue {} {} after the host saw DMA stopped", r.q, dir_name(r.dir)));
    if (r.kind == Kind::kSlot) {
      // descriptor fetch: the rest of the burst stays in that ring (up to the
      // beat holding the ring's last byte)
      if (end > align_up(r.ring_hi) || addr < r.ring_lo)
        violation("read", addr, end, cycle, axi_id,
                  fmt::format("descriptor read of queue {} {} runs outside its ring 0x{:x}..0x{:x}",
                              r.q, dir_name(r.dir), r.ring_lo, r.ring_hi));
      refresh(addr, std::min(end, r.ring_hi));
      return;
    }
    // gather read: covered by posted fragments (adjacent ones may be merged),
    // the last one up to the end of its beat
    uint64_t cur = r.hi;
    while (cur < end) {
      const Hit n = find(cur, [](const Rec& x) { return x.kind == Kind::kTxBuf; });
      if (n.rec && !st(n.rec->q, kTx).reclaimed) {
        cur = n.rec->hi;
        continue;
      }
      if (end <= align_up(cur)) break;  // the rest of the last beat
      violation("read", addr, end, cycle, axi_id,
                fmt::format("gather read of queue {} runs past its posted fragment 0x{:x}..0x{:x} "
                            "(first byte not posted: 0x{:x})",
                            r.q, r.lo, r.hi, cur));
    }
  }

 private:
  enum class Kind : uint8_t { kSlot, kRxBuf, kTxBuf };
  struct Rec {
    Kind kind;
    unsigned q;
    Dir dir;
    uint32_t slot;
    uint64_t lo, hi;  // bytes the record covers (slot: the 16-byte slot)
    uint64_t len;     // RX buffer: posted size (hi = lo + len)
    uint64_t ring_lo, ring_hi;
    uint64_t id;  // unique, to find it again
  };
  struct DirState {
    uint64_t base = 0;                           // ring registers as written
    unsigned log2 = vmq::regs::Q_RX_SIZE_RESET;  // = Q_TX_SIZE_RESET
    // the ring the core uses: it follows the registers only while the queue
    // is stopped with an empty ring (docs/rx-dma.md); until the checker
    // knows it has, a TAIL posts slots in both
    uint64_t act_base = 0;
    unsigned act_log2 = vmq::regs::Q_RX_SIZE_RESET;
    uint32_t buf = vmq::regs::Q_RX_BUF_RESET;
    uint32_t tail = 0;
    bool enabled = false, reclaimed = false, reset_pending = false;
    uint32_t done_head = 0;      // TX: the slot after the last completion (ring order)
    bool fresh = true;           // ring empty at index 0 since a reset: the ring registers apply
    uint64_t reset_id = 0;       // first record id posted after the pending reset's command
    bool tail_in_reset = false;  // a TAIL was written while the reset was pending
    std::map<uint32_t, std::vector<Rec>> slots;  // owned slot -> its records (slot + buffer)
    std::deque<uint32_t> order;                  // owned slots, oldest first
  };
  struct Hit {
    const Rec* rec = nullptr;
  };
  enum : uint32_t { kCtrl, kBaseLo, kBaseHi, kSize, kBuf, kTail, kStatus, kCmd, kOther };

  // Reset values of the registers whose partial writes matter here.
  uint32_t reset_value(uint32_t off) const {
    unsigned q;
    Dir d;
    uint32_t reg;
    if (!queue_reg(off, q, d, reg)) return 0;
    namespace r = vmq::regs;
    return reg == kSize  ? (d == kRx ? r::Q_RX_SIZE_RESET : r::Q_TX_SIZE_RESET)
           : reg == kBuf ? r::Q_RX_BUF_RESET
                         : 0;
  }
  static const char* dir_name(Dir d) { return d == kRx ? "RX" : "TX"; }
  DirState& st(unsigned q, Dir d) { return q_[2 * q + d]; }
  const DirState& st(unsigned q, Dir d) const { return q_[2 * q + d]; }
  static uint64_t end_of(uint64_t a, uint64_t n) { return a > ~0ULL - n ? ~0ULL : a + n; }
  uint64_t align_up(uint64_t a) const { return (a + bus_ - 1) & ~uint64_t(bus_ - 1); }

  // Which per-queue register an offset is (from the generated map).
  bool queue_reg(uint32_t off, unsigned& q, Dir& d, uint32_t& reg) const {
    namespace r = vmq::regs;
    struct Field {
      uint32_t base;  // entry 0 of the register
      uint32_t kind;
    };
    static constexpr Field kRxRegs[] = {
        {r::Q_RX_CTRL_BASE, kCtrl},      {r::Q_RX_BASE_LO_BASE, kBaseLo},
        {r::Q_RX_BASE_HI_BASE, kBaseHi}, {r::Q_RX_SIZE_BASE, kSize},
        {r::Q_RX_BUF_BASE, kBuf},        {r::Q_RX_TAIL_BASE, kTail},
        {r::Q_RX_STATUS_BASE, kStatus},  {r::Q_RX_CMD_BASE, kCmd}};
    static constexpr Field kTxRegs[] = {
        {r::Q_TX_CTRL_BASE, kCtrl},      {r::Q_TX_BASE_LO_BASE, kBaseLo},
        {r::Q_TX_BASE_HI_BASE, kBaseHi}, {r::Q_TX_SIZE_BASE, kSize},
        {r::Q_TX_TAIL_BASE, kTail},      {r::Q_TX_STATUS_BASE, kStatus},
        {r::Q_TX_CMD_BASE, kCmd}};
    static_assert(r::Q_RX_CTRL_STRIDE == r::Q_TX_CTRL_STRIDE);
    const uint32_t stride = r::Q_RX_CTRL_STRIDE;
    auto decode = [&](std::span<const Field> regs, Dir dir) {
      const uint32_t first = regs.front().base;
      if (off < first || off >= first + nq_ * stride) return false;
      q = (off - first) / stride;
      d = dir;
      const uint32_t o = off - q * stride;
      for (const Field& f : regs)
        if (o == f.base) {
          reg = f.kind;
          return true;
        }
      return false;
    };
    return decode(kRxRegs, kRx) || decode(kTxRegs, kTx);
  }

  // TAIL doorbell: every slot from the last TAIL up to the new one is
  // (re)posted with the descriptor memory holds now; a TAIL that moves
  // backwards (behind the oldest slot still owned) posts nothing.
  void post(unsigned q, Dir d, uint32_t tail) {
    DirState& s = st(q, d);
    maybe_apply(s);
    tail &= 0xfff;  // the register; each ring takes it modulo its size
    const bool pending = s.base != s.act_base || s.log2 != s.act_log2;
    // Slots from `from` up to the new TAIL, in the ring at (base, log2).
    auto walk = [&](uint32_t from, uint64_t base, unsigned log2) {
      const uint32_t mask = (1u << std::clamp(log2, 4u, 12u)) - 1;
      for (uint32_t k = from & mask; k != (tail & mask); k = (k + 1) & mask) {
        if (s.slots[k].empty()) s.order.push_back(k);
        post_slot(s, q, d, k, base, log2);
        ++st_.posts;
      }
    };
    // TAIL is a producer index modulo the ring size, as the core reads it: a
    // write posts every slot from the previous TAIL up to it. A host that
    // means to move it back posts (almost) the whole ring by that reading;
    // the core takes it unless it contradicts what the core already took (it
    // then puts the queue in error), so the checker counts it posted.
    const uint32_t mask = (1u << std::clamp(s.act_log2, 4u, 12u)) - 1;
    if (int(q) == trace_queue)
      fmt::print("ownership: queue {} {} TAIL {} -> {}: ring 0x{:x}/{} ({})\n", q, dir_name(d),
                 s.tail & mask, tail & mask, s.act_base, s.act_log2,
                 pending ? "moved, pending" : "in use");
    walk(s.tail, s.act_base, s.act_log2);
    // a ring moved but not yet known to be in use: its slots count too
    if (pending) walk(s.tail, s.base, s.log2);
    if (s.reset_pending) {  // the reset may have applied already: the ring restarts at 0
      walk(0, s.act_base, s.act_log2);
      if (pending) walk(0, s.base, s.log2);
      s.tail_in_reset = true;
    }
    // the ring registers apply only while TAIL is 0 in all 12 bits (a TAIL
    // that is 0 modulo the old size may post slots modulo a new one)
    if (tail != 0) s.fresh = false;
    s.tail = tail;
  }
  // Slot k of the ring at (base, log2) and the buffer its descriptor names.
  void post_slot(DirState& s, unsigned q, Dir d, uint32_t k, uint64_t base, unsigned log2) {
    const unsigned l2 = std::clamp(log2, 4u, 12u);
    const uint64_t ring_lo = base & ~15ULL, ring_hi = ring_lo + (uint64_t(16) << l2);
    if (k >= (1u << l2)) return;
    const uint64_t sa = ring_lo + uint64_t(k) * 16;
    const uint64_t w0 = rd_(sa), w1 = rd_(sa + 8);
    auto& recs = s.slots[k];
    add(recs, Rec{Kind::kSlot, q, d, k, sa, sa + 16, 16, ring_lo, ring_hi, next_id_++});
    if (d == kRx) {
      add(recs,
          Rec{Kind::kRxBuf, q, d, k, w0, end_of(w0, s.buf), s.buf, ring_lo, ring_hi, next_id_++});
    } else {
      const uint64_t len = vmq::regs::fmt::get(w1, vmq::regs::fmt::TX_DESC_LEN);
      add(recs, Rec{Kind::kTxBuf, q, d, k, w0, end_of(w0, len), len, ring_lo, ring_hi, next_id_++});
    }
  }
  // A descriptor fetch: the core gets what memory holds now (AxiMem takes
  // read data at the AR), which differs from the doorbell's snapshot only if
  // the host (or a completion written into a ring that overlaps another)
  // changed a posted slot. Its buffer as read now counts too.
  void refresh(uint64_t lo, uint64_t hi) {
    for (uint64_t a = lo & ~15ULL; a < hi; a += 16) {
      const Hit h = find(a, [](const Rec& x) { return x.kind == Kind::kSlot; });
      if (!h.rec) continue;
      const Rec slot = *h.rec;
      DirState& s = st(slot.q, slot.dir);
      auto it = s.slots.find(slot.slot);
      if (it == s.slots.end()) continue;
      const uint64_t w0 = rd_(slot.lo), w1 = rd_(slot.lo + 8);
      const uint64_t len =
          slot.dir == kRx ? s.buf : vmq::regs::fmt::get(w1, vmq::regs::fmt::TX_DESC_LEN);
      add(it->second,
          Rec{slot.dir == kRx ? Kind::kRxBuf : Kind::kTxBuf, slot.q, slot.dir, slot.slot, w0,
              end_of(w0, len), len, slot.ring_lo, slot.ring_hi, next_id_++});
    }
  }

  // The core takes the ring registers when the queue is stopped.
  static void apply_ring(DirState& s) {
    s.act_base = s.base;
    s.act_log2 = s.log2;
  }
  // The core takes the ring registers while its ring is empty at index 0:
  // after a reset (or power-up) and before the first post.
  static void maybe_apply(DirState& s) {
    if (s.fresh && s.slots.empty()) apply_ring(s);
  }
  void add(std::vector<Rec>& recs, const Rec& r) {
    for (Rec& x : recs)
      if (x.kind == r.kind && x.lo == r.lo && x.hi == r.hi) {  // posted again: now
        unindex(x);
        x.id = r.id;
        index_.emplace(x.lo, x);
        return;
      }
    recs.push_back(r);
    index_.emplace(r.lo, r);
    max_len_ = std::max(max_len_, r.hi - r.lo);
  }
  void unindex(const Rec& r) {
    auto [b, e] = index_.equal_range(r.lo);
    for (auto it = b; it != e; ++it)
      if (it->second.id == r.id) {
        index_.erase(it);
        return;
      }
  }
  // Give slot k back: its records posted before `before` (all by default;
  // while a reset is pending, only those of the lap the reset ends: a post
  // made after the reset command may be the first of the next lap).
  void release_slot(DirState& s, uint32_t k, uint64_t before = ~0ULL) {
    auto it = s.slots.find(k);
    if (it == s.slots.end()) return;
    auto& recs = it->second;
    for (const Rec& r : recs)
      if (r.id < before) unindex(r);
    recs.erase(
        std::remove_if(recs.begin(), recs.end(), [&](const Rec& r) { return r.id < before; }),
        recs.end());
    if (recs.empty()) {
      s.slots.erase(it);
      s.order.erase(std::remove(s.order.begin(), s.order.end(), k), s.order.end());
    }
    ++st_.releases;
  }
  // Forget the records posted before `id` (a reset applied); keep later ones.
  void release_before(DirState& s, uint64_t id) {
    for (auto it = s.slots.begin(); it != s.slots.end();) {
      auto& recs = it->second;
      for (const Rec& r : recs)
        if (r.id < id) unindex(r);
      recs.erase(std::remove_if(recs.begin(), recs.end(), [&](const Rec& r) { return r.id < id; }),
                 recs.end());
      it = recs.empty() ? s.slots.erase(it) : std::next(it);
    }
    s.order.erase(std::remove_if(s.order.begin(), s.order.end(),
                                 [&](uint32_t k) { return !s.slots.count(k); }),
                  s.order.end());
  }
  void release_all(DirState& s) {
    for (auto& [k, recs] : s.slots)
      for (const Rec& r : recs) unindex(r);
    s.slots.clear();
    s.order.clear();
  }

  // The record (of an owned slot) holding byte a that passes `ok`.
  template <class Ok>
  Hit find(uint64_t a, Ok&& ok) const {
    auto it = index_.upper_bound(a);
    while (it != index_.begin()) {
      --it;
      const Rec& r = it->second;
      if (a - r.lo >= max_len_) break;  // nothing further back can reach a (r.lo <= a)
      if (a >= r.lo && a < r.hi && ok(r)) return {&r};
    }
    return {};
  }

  void check_write(uint64_t lo, uint64_t hi, const uint8_t* data, uint64_t cycle, uint64_t axi_id) {
    uint64_t cur = lo;
    while (cur < hi) {
      const Hit h = find(cur, [&](const Rec& r) {
        return r.kind == Kind::kRxBuf || (r.kind == Kind::kSlot && cur >= r.lo + 8);
      });
      if (!h.rec) {
        const Hit any = find(cur, [](const Rec&) { return true; });
        std::string why = "not inside a posted receive buffer nor word 1 of an owned ring slot";
        if (any.rec)
          why = fmt::format("inside queue {} {}'s {} (slot {}), which the core may not write",
                            any.rec->q, dir_name(any.rec->dir),
                            any.rec->kind == Kind::kSlot    ? "descriptor word 0"
                            : any.rec->kind == Kind::kTxBuf ? "transmit fragment"
                                                            : "buffer",
                            any.rec->slot);
        violation("write", lo, hi, cycle, axi_id,
                  fmt::format("byte 0x{:x}: {}{}", cur, why, any.rec ? "" : nearest(cur)));
      }
      const Rec r = *h.rec;
      const DirState& s = st(r.q, r.dir);
      if (s.reclaimed)
        violation("write", lo, hi, cycle, axi_id,
                  fmt::format("queue {} {} after the host saw DMA stopped", r.q, dir_name(r.dir)));
      const uint64_t end = std::min(hi, r.hi);
      if (r.kind == Kind::kSlot && cur <= r.lo + 8 && end > r.lo + 8 &&
          (data[r.lo + 8 - lo] & 1))  // DD: the core gives the slot back
        complete(r.q, r.dir, r.slot);
      cur = end;
    }
  }
  // A write-back with DD: RX gives back that slot; TX every slot up to it.
  void complete(unsigned q, Dir d, uint32_t slot) {
    DirState& s = st(q, d);
    const uint64_t before = s.reset_pending ? s.reset_id : ~0ULL;
    if (d == kRx) {
      release_slot(s, slot, before);
      return;
    }
    // frames complete in ring order: every slot from the one after the
    // previous completion up to this one is done
    const uint32_t mask = (1u << std::clamp(s.act_log2, 4u, 12u)) - 1;
    const uint32_t span = (slot - s.done_head) & mask;
    std::vector<uint32_t> done;
    for (uint32_t k : s.order)
      if (((k - s.done_head) & mask) <= span) done.push_back(k);
    for (uint32_t k : done) release_slot(s, k, before);
    s.done_head = (slot + 1) & mask;
  }

  // Where the closest posted memory is (a failure hint).
  std::string nearest(uint64_t a) const {
    const Rec* best = nullptr;
    uint64_t dist = ~0ULL;
    auto it = index_.upper_bound(a);
    auto consider = [&](const Rec& r) {
      const uint64_t d = a < r.lo ? r.lo - a : a >= r.hi ? a - r.hi + 1 : 0;
      if (d < dist) {
        dist = d;
        best = &r;
      }
    };
    if (it != index_.end()) consider(it->second);
    for (int k = 0; k < 8 && it != index_.begin(); ++k) consider((--it)->second);
    if (!best) return "; nothing is posted";
    return fmt::format("; nearest posted memory: queue {} {} {} of slot {} at 0x{:x}..0x{:x}",
                       best->q, dir_name(best->dir),
                       best->kind == Kind::kSlot    ? "ring slot"
                       : best->kind == Kind::kRxBuf ? "buffer"
                                                    : "fragment",
                       best->slot, best->lo, best->hi);
  }

  [[noreturn]] void violation(const char* access, uint64_t lo, uint64_t hi, uint64_t cycle,
                              uint64_t axi_id, const std::string& why) const {
    throw std::runtime_error(
        fmt::format("ownership: DMA {} 0x{:x}..0x{:x} at cycle {} (AXI id 0x{:x}): {}", access, lo,
                    hi, cycle, axi_id, why));
  }

  unsigned nq_, bus_;
  ReadU64 rd_;
  std::vector<DirState> q_;
  std::multimap<uint64_t, Rec> index_;
  uint64_t max_len_ = 16, next_id_ = 0;
  bool soft_reset_pending_ = false;
  std::map<uint32_t, uint32_t> shadow_;  // last value written per register
  Stats st_;
};

}  // namespace vmq::rig
