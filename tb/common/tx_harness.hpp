// Transmit-side harness for vmq_core (SPEC §5, §4, §6, §7; docs/tx-dma.md),
// shared by tb/system/tx_core (tests) and tb/bench/tx_bench (benchmark).
//
// - Host side: per queue a TX ring in AxiMem host memory kept the way a
//   driver keeps it (HostTxQueue): frames are split into fragments at random
//   byte alignments, posted as TX_DESC entries, announced by a TAIL write;
//   completions are reaped from memory (TX_WB in the EOP descriptor) and
//   checked against the reference model (vmq_model tx rules).
// - MAC side: a sink on m_tx_* that paces frame starts at a line rate
//   (wire bytes = frame + FCS + preamble + IFG = L + 24, L >= 60) and can add
//   random tready stalls; each frame must equal the next expected wire frame
//   of exactly one queue (frames carry a unique marker), in order per queue.
// - Everything a failure needs is in the message: queue, frame id, cycle.
#pragma once

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>
#include <vmq/vmq_regs.hpp>

#include "core_rig.hpp"
#include "vmq_model.hpp"
#include "vmq_tb.hpp"

namespace vmq::tb {

// Host memory layout: rings and buffers of every queue apart.
inline uint64_t tx_ring_base(unsigned q) { return 0x20000000ULL + uint64_t(q) * 0x100000ULL; }
inline uint64_t tx_buf_base(unsigned q) { return 0x0000009000000000ULL + uint64_t(q) * 0x10000000ULL; }
constexpr uint64_t kTxArenaBytes = 4ULL << 20;  // per queue, circular

struct TxPending {
  uint64_t id = 0;        // frame id (unique per harness)
  unsigned ndesc = 0;
  uint64_t eop_slot = 0;  // ring index (total, not wrapped) of the EOP descriptor
  size_t host_len = 0;
  uint64_t arena_end = 0; // arena position after the frame's buffers
  model::TxResult exp;
  uint64_t post_cycle = 0;
};

struct TxQueueState {
  unsigned log2 = 9;
  uint64_t posted = 0;    // descriptors posted (total)
  uint64_t reaped = 0;    // descriptors reclaimed (total)
  uint64_t arena_head = 0, arena_tail = 0;  // bytes allocated / freed (total)
  std::deque<TxPending> pend;               // posted, not reaped (in ring order)
  std::deque<std::pair<uint64_t, std::vector<uint8_t>>> wire;  // expected on the wire: id, bytes
  uint64_t tail_written = 0;                // last TAIL value queued
  // measured
  uint64_t wire_frames = 0, wire_bytes = 0;  // frames seen on the wire and their L + 24
  uint64_t completions = 0, err_completions = 0;
  uint64_t win_wire_bytes = 0;               // inside the measurement window
  unsigned size() const { return 1u << log2; }
  unsigned in_ring() const { return unsigned(posted - reaped); }
};

template <class Dut>
class TxSys {
 public:
  struct Opt {
    unsigned num_queues = 16;
    unsigned data_bytes = 8;       // DataW / 8
    unsigned max_frame_bytes = 9216;
    double line_gbps = 10.0;       // MAC pacing (0: accept as fast as the core sends)
    double clock_mhz = 250.0;      // core clock the pacing assumes
    double p_mac_stall = 0.0;      // random tready low inside frames
  };

  TxSys(const Args& args, uint64_t seed, const char* name, Opt o)
      : opt(o),
        clk_(args, name),
        rng_(seed),
        rig_(clk_.dut(), rng_, rig_options(args, o),
             {[this] { step(); }, [this] { return cycle(); },
              [this](const std::string& m) { fail(m); }}),
        bus(rig_.bus),
        mem(rig_.mem),
        own(rig_.own),
        txc(o.num_queues),
        tdl(o.num_queues),
        rdl(o.num_queues),
        qs(o.num_queues) {
    Dut& d = clk_.dut();
    d.s_rx_tvalid_i = 0;
    d.s_rx_tlast_i = 0;
    d.s_rx_tuser_i = 0;
    d.m_tx_tready_i = 0;
    rxc.num_queues = o.num_queues;
    rxc.max_frame_bytes = o.max_frame_bytes;
    progress_watchdog = args.get("watchdog", progress_watchdog);
    cpb_ = o.line_gbps > 0 ? 8.0 / (o.line_gbps * 1e3 / o.clock_mhz) : 0.0;  // cycles per byte
    clk_.reset();
    rig_.wait_reset_done();
  }

  Opt opt;

 private:
  Clocked<Dut> clk_;
  Rng rng_;
  vmq::rig::CoreRig<Dut> rig_;  // host memory, register master, ownership checker
  // --mem card: the card's bridge (SPEC §2): 8 reads / 8 writes in flight,
  // contiguous strobes, 48-bit addresses
  static typename vmq::rig::CoreRig<Dut>::Options rig_options(const Args& args, const Opt& o) {
    typename vmq::rig::CoreRig<Dut>::Options r;
    r.num_queues = o.num_queues;
    r.axil_p_delay = 0.0;
    r.axil_p_stall = 0.05;
    vmq::rig::apply_mem_profile(r.mem, args.kv.count("mem") ? args.kv.at("mem") : "");
    return r;
  }

 public:
  AxilMaster<Dut>& bus;
  AxiMem<Dut>& mem;
  vmq::rig::DmaOwnership& own;  // every DMA access against what the host posted
  model::TxConfig txc;
  model::RxConfig rxc;
  model::TxDelivery tdl;
  model::RxDelivery rdl;
  std::vector<TxQueueState> qs;
  std::vector<unsigned> served;            // queue of every wire frame, in order
  std::vector<uint64_t> served_cycle;
  bool measuring = false;
  uint64_t win_start = 0, win_end = 0;
  std::function<void()> on_cycle;          // extra per-cycle work of a test
  // every posted frame with the model's verdict (looped copies included)
  std::function<void(unsigned, uint64_t, const model::TxDelivery::Result&)> on_post;

  Dut& dut() { return clk_.dut(); }
  Rng& rng() { return rng_; }
  uint64_t cycle() const { return clk_.cycle(); }
  double cycles_per_byte() const { return cpb_; }

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(fmt::format("cycle {}: {}", cycle(), what));
  }

  // ------------------------------------------------------------ registers
  // (the rig's helpers: sim/rig/core_rig.hpp)
  void wr(uint32_t a, uint32_t v) { rig_.wr(a, v); }
  uint32_t rd(uint32_t a) { return rig_.rd(a); }
  uint64_t rd64(uint32_t lo, uint32_t hi) { return rig_.rd64(lo, hi); }
  uint32_t poll_reg(uint32_t a, uint32_t mask, uint32_t want, const std::string& what,
                    uint64_t timeout = 400000) {
    return rig_.poll_reg(a, mask, want, what, timeout);
  }
  // global soft reset, waited for (STATUS.RESET_BUSY)
  void soft_reset() { rig_.soft_reset(); }

  // After a queue's reset: the model's per-queue counters restart from what
  // the hardware holds (a queue reset keeps its counters). `drops`: the spoof
  // and oversize counters too (otherwise the model expects them 0).
  void resync_queue_stats(unsigned q, bool drops = false) {
    model::TxQueueStats& m = tdl.queue_stats(q);
    m = {};
    m.packets = rd64(regs::Q_TX_PACKETS_LO(q), regs::Q_TX_PACKETS_HI(q));
    m.bytes = rd64(regs::Q_TX_BYTES_LO(q), regs::Q_TX_BYTES_HI(q));
    if (drops) {
      m.spoof_drops = rd64(regs::Q_TX_SPOOF_DROPS_LO(q), regs::Q_TX_SPOOF_DROPS_HI(q));
      m.oversize_drops = rd64(regs::Q_TX_OVERSIZE_DROPS_LO(q), regs::Q_TX_OVERSIZE_DROPS_HI(q));
    }
  }

  // Global settings the transmit rules read (RX_TPID, RX_MAX_FRAME, CTRL).
  void program_global(bool drr) {
    wr(regs::RX_TPID, rxc.tpid);
    wr(regs::RX_MAX_FRAME, rxc.max_frame);
    wr(regs::CTRL, (txc.loopback ? regs::CTRL_LOOPBACK_EN_MASK : 0u) |
                       (drr ? regs::CTRL_TX_DRR_MASK : 0u));
  }

  // Per-queue transmit settings from txc.queues[q]: port VLAN, anti-spoofing, weight.
  void program_queue_cfg(unsigned q, bool enable) {
    const model::TxQueueConfig& c = txc.queues[q];
    wr(regs::Q_TX_PORT_VLAN(q), c.port_tci);
    const uint64_t mac = c.spoof_mac.value_or(0);
    wr(regs::Q_TX_MAC_LO(q), uint32_t(mac));
    wr(regs::Q_TX_MAC_HI(q), uint32_t(mac >> 32));
    wr(regs::Q_TX_WEIGHT(q), c.weight);
    wr(regs::Q_TX_CTRL(q), (enable ? regs::Q_TX_CTRL_ENABLE_MASK : 0u) |
                               (c.spoof_mac ? regs::Q_TX_CTRL_SPOOF_MAC_MASK : 0u) |
                               (c.vlan_spoof ? regs::Q_TX_CTRL_SPOOF_VLAN_MASK : 0u));
  }

  // Driver sequence: disable, wait STOPPED, reset, program the ring, enable.
  void setup_queue(unsigned q, unsigned log2, bool enable = true) {
    wr(regs::Q_TX_CTRL(q), 0);
    poll_reg(regs::Q_TX_STATUS(q), regs::Q_TX_STATUS_STOPPED_MASK, regs::Q_TX_STATUS_STOPPED_MASK,
             fmt::format("tx queue {} disable", q));
    rig_.queue_reset(true, q);  // waits for RESETTING; CAUSE must read 0 after it
    TxQueueState& s = qs[q];
    s = TxQueueState{};
    s.log2 = log2;
    wr(regs::Q_TX_BASE_LO(q), uint32_t(tx_ring_base(q)));
    wr(regs::Q_TX_BASE_HI(q), uint32_t(tx_ring_base(q) >> 32));
    wr(regs::Q_TX_SIZE(q), log2);
    wr(regs::Q_TX_TAIL(q), 0);
    program_queue_cfg(q, enable);
    if (enable)
      poll_reg(regs::Q_TX_STATUS(q), regs::Q_TX_STATUS_RUNNING_MASK,
               regs::Q_TX_STATUS_RUNNING_MASK, fmt::format("tx queue {} enable", q));
  }

  // ------------------------------------------------------------ frames
  // A frame from queue q: DA, SA (the queue's allowed MAC unless `sa`),
  // optional own tag, random payload, and a unique marker after the header.
  std::vector<uint8_t> make(unsigned q, size_t len, std::optional<model::MacAddr> sa = {},
                            int own_tci = -1) {
    const model::MacAddr src =
        sa ? *sa : txc.queues[q].spoof_mac.value_or(0x020000000000ULL | (uint64_t(q) << 8) | 1);
    const model::MacAddr dst = 0x020000a00000ULL | rng_.range(0, 0xffff);
    std::vector<uint8_t> f = model::make_frame(dst, src, own_tci, 0x88b5, std::max<size_t>(len, 14),
                                               rxc.tpid);
    f.resize(len);
    const size_t hdr = own_tci >= 0 ? 18 : 14;
    for (size_t i = hdr; i < f.size(); ++i) f[i] = uint8_t(rng_.u64());
    const uint64_t id = next_id_++;
    for (size_t i = 0; i < 8 && hdr + i < f.size(); ++i) f[hdr + i] = uint8_t(id >> (8 * i));
    return f;
  }

  // Post one frame (fragments at random cut points, random alignments).
  // Returns false (nothing posted) when the ring or the buffer arena is full.
  // `cuts`: explicit fragment boundaries inside the frame (may repeat: empty
  // fragments); otherwise 1..max_frags fragments at random boundaries.
  bool post(unsigned q, const std::vector<uint8_t>& f, unsigned max_frags = 1,
            bool doorbell = true, std::vector<size_t> cuts = {}) {
    TxQueueState& s = qs[q];
    if (cuts.empty()) {
      const unsigned n = unsigned(rng_.range(1, std::max(1u, max_frags)));
      for (unsigned i = 1; i < n; ++i) cuts.push_back(rng_.range(0, f.size()));
    }
    cuts.push_back(0);
    cuts.push_back(f.size());
    std::sort(cuts.begin(), cuts.end());
    const unsigned nf = unsigned(cuts.size() - 1);
    if (s.in_ring() + nf > s.size() - 1) return false;
    const uint64_t need = f.size() + 64 * nf + 64;
    if (s.arena_head + need - s.arena_tail > kTxArenaBytes) return false;
    TxPending p;
    p.id = frame_seq_++;
    p.ndesc = nf;
    p.host_len = f.size();
    p.post_cycle = cycle();
    for (unsigned i = 0; i < nf; ++i) {
      const size_t n = cuts[i + 1] - cuts[i];
      uint64_t off = s.arena_head % kTxArenaBytes;
      uint64_t align = align_any ? rng_.range(0, 63) : 0;
      uint64_t start = (off + 63) / 64 * 64 + align;
      if (start + n > kTxArenaBytes) {  // wrap: skip to the arena start
        s.arena_head += kTxArenaBytes - off;
        off = 0;
        start = align;
      }
      s.arena_head += (start - off) + n;
      const uint64_t a = tx_buf_base(q) + start;
      mem.write_bytes(a, std::span<const uint8_t>(f.data() + cuts[i], n));
      const uint64_t slot = s.posted + i;
      const uint64_t da = tx_ring_base(q) + (slot % s.size()) * 16;
      uint64_t w1 = 0;
      w1 = regs::fmt::put(w1, regs::fmt::TX_DESC_LEN, n);
      w1 = regs::fmt::put(w1, regs::fmt::TX_DESC_EOP, i + 1 == nf);
      mem.write_u64(da, a);
      mem.write_u64(da + 8, w1);
    }
    p.eop_slot = s.posted + nf - 1;
    p.arena_end = s.arena_head;
    s.posted += nf;
    auto r = tdl.transmit(txc, rxc, rdl, q, f);
    p.exp = r.tx;
    if (on_post) on_post(q, p.id, r);
    if (r.tx.to_wire) s.wire.push_back({p.id, r.tx.frame});
    s.pend.push_back(std::move(p));
    if (doorbell) ring(q);
    return true;
  }
  void ring(unsigned q) {
    TxQueueState& s = qs[q];
    const uint32_t t = uint32_t(s.posted % s.size());
    if (s.posted != s.tail_written) {
      bus.write(regs::Q_TX_TAIL(q), t);
      s.tail_written = s.posted;
    }
  }
  bool align_any = true;

  // Reap completions from memory (as a driver polls DD) and check them.
  void reap(unsigned q) {
    TxQueueState& s = qs[q];
    while (!s.pend.empty()) {
      TxPending& p = s.pend.front();
      const uint64_t da = tx_ring_base(q) + (p.eop_slot % s.size()) * 16;
      const uint64_t w1 = mem.read_u64(da + 8);
      if (!regs::fmt::get(w1, regs::fmt::TX_WB_DD)) return;
      const bool err = regs::fmt::get(w1, regs::fmt::TX_WB_ERR);
      const bool spoof = regs::fmt::get(w1, regs::fmt::TX_WB_SPOOF);
      const bool ovs = regs::fmt::get(w1, regs::fmt::TX_WB_OVERSIZE);
      const unsigned len = unsigned(regs::fmt::get(w1, regs::fmt::TX_WB_LEN));
      const unsigned hlen = unsigned(regs::fmt::get(w1, regs::fmt::TX_WB_HOST_LEN));
      const bool want_spoof = p.exp.drop == model::TxDrop::Spoof;
      const bool want_ovs = p.exp.drop == model::TxDrop::Oversize;
      const unsigned want_len = unsigned(p.exp.frame.size());
      if (err != p.exp.error || spoof != want_spoof || ovs != want_ovs || len != want_len ||
          hlen != std::min<size_t>(p.host_len, 65535))
        fail(fmt::format("queue {} frame {} (host {} bytes, {} descriptors, posted at cycle {}): "
                         "completion 0x{:016x} = ERR {} SPOOF {} OVERSIZE {} LEN {} HOST_LEN {}, "
                         "model {}",
                         q, p.id, p.host_len, p.ndesc, p.post_cycle, w1, err, spoof, ovs, len,
                         hlen, model::describe(p.exp)));
      // the frame must have left before its completion (sent frames)
      if (p.exp.to_wire) {
        for (const auto& [id, b] : s.wire)
          if (id == p.id)
            fail(fmt::format("queue {} frame {}: completed (DD) before it was seen on the wire",
                             q, p.id));
      }
      ++s.completions;
      last_done_[q] = cycle();
      if (err) ++s.err_completions;
      s.reaped += p.ndesc;
      s.arena_tail = p.arena_end;
      s.pend.pop_front();
    }
  }

  // ------------------------------------------------------------ MAC sink
  void drive_mac() {
    Dut& d = dut();
    bool rdy = true;
    if (!in_frame_ && cpb_ > 0 && double(cycle()) < wire_t_) rdy = false;
    if (opt.p_mac_stall > 0 && rng_.chance(opt.p_mac_stall)) rdy = false;
    d.m_tx_tready_i = rdy;
  }
  void sample_mac() {
    Dut& d = dut();
    if (!(d.m_tx_tvalid_o && d.m_tx_tready_i)) return;
    if (!in_frame_) {
      in_frame_ = true;
      frame_start_ = cycle();
      cur_.clear();
    }
    unsigned nk = 0;
    for (unsigned i = 0; i < opt.data_bytes; ++i) {
      const bool k = get_bit(d.m_tx_tkeep_o, i);
      if (k && nk != i) fail("m_tx_tkeep_o not contiguous from lane 0");
      if (k) ++nk;
    }
    if (nk == 0) fail("m_tx beat with tkeep 0");
    if (!d.m_tx_tlast_o && nk != opt.data_bytes) fail("m_tx beat before tlast not full");
    if (d.m_tx_tuser_o) fail("m_tx_tuser_o set (the core never underruns)");
    for (unsigned i = 0; i < nk; ++i) cur_.push_back(get_byte(d.m_tx_tdata_o, i));
    if (d.m_tx_tlast_o) {
      in_frame_ = false;
      frame_done(cur_);
    }
  }
  void frame_done(const std::vector<uint8_t>& f) {
    if (f.size() < 60) fail(fmt::format("wire frame of {} bytes (< 60: not padded)", f.size()));
    for (unsigned q = 0; q < qs.size(); ++q) {
      TxQueueState& s = qs[q];
      if (!s.wire.empty() && s.wire.front().second == f) {
        const uint64_t wb = f.size() + 24;
        ++s.wire_frames;
        s.wire_bytes += wb;
        if (measuring) s.win_wire_bytes += wb;
        served.push_back(q);
        served_cycle.push_back(cycle());
        s.wire.pop_front();
        // the wire is a byte-time credit: a frame that started on the first
        // whole cycle after the wire became free loses nothing to rounding
        if (cpb_ > 0) wire_t_ = std::max(wire_t_, double(frame_start_) - 1.0) + double(wb) * cpb_;
        return;
      }
    }
    if (hostile_mask) {  // a frame of a queue a hostile host drives: not checked
      // ... unless it carries the source address of a protected queue's
      // frames: then a protected frame left corrupted
      for (unsigned q = 0; q < qs.size(); ++q) {
        if ((hostile_mask >> q) & 1 || qs[q].wire.empty()) continue;
        const auto& e = qs[q].wire.front().second;
        if (f.size() >= 12 && e.size() >= 12 && std::equal(e.begin() + 6, e.begin() + 12, f.begin() + 6))
          fail(fmt::format("wire frame of {} bytes (started at cycle {}) has protected queue {}'s "
                           "source address but is not its next frame {} ({} bytes){}",
                           f.size(), frame_start_, q, qs[q].wire.front().first, e.size(),
                           first_diff(e, f)));
      }
      ++hostile_frames;
      if (std::getenv("VMQ_TX_DEBUG")) {
        fmt::print("cycle {}: unmatched (hostile) wire frame of {} bytes: {:02x}\n", cycle(), f.size(),
                   fmt::join(std::vector<uint8_t>(f.begin(), f.begin() + std::min<size_t>(f.size(), 18)), " "));
        for (unsigned q = 0; q < qs.size(); ++q)
          if (!((hostile_mask >> q) & 1) && !qs[q].wire.empty())
            fmt::print("    queue {} next frame {} ({} bytes)\n", q, qs[q].wire.front().first,
                       qs[q].wire.front().second.size());
      }
      if (cpb_ > 0)
        wire_t_ = std::max(wire_t_, double(frame_start_) - 1.0) + double(f.size() + 24) * cpb_;
      return;
    }
    std::string heads;
    for (unsigned q = 0; q < qs.size(); ++q)
      if (!qs[q].wire.empty())
        heads += fmt::format("\n    queue {}: next frame {} ({} bytes){}", q,
                             qs[q].wire.front().first, qs[q].wire.front().second.size(),
                             first_diff(qs[q].wire.front().second, f));
    fail(fmt::format("wire frame of {} bytes (ended this cycle, started at {}) matches no "
                     "queue's next expected frame:{}",
                     f.size(), frame_start_, heads.empty() ? " (none expected)" : heads));
  }
  static std::string first_diff(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b) {
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i)
      if (a[i] != b[i])
        return fmt::format(", first difference at byte {}: expected 0x{:02x}, got 0x{:02x}", i,
                           a[i], b[i]);
    return a.size() == b.size() ? ", identical" : ", lengths differ";
  }

  // Queues a hostile host drives (tests of misbehaving hosts): their frames on
  // the wire and their counters are not checked; the others' are, exactly.
  uint64_t hostile_mask = 0;
  uint64_t hostile_frames = 0;

  // Progress watchdog (docs/testing.md "Rules"): a queue with frames posted
  // completes one within this many cycles of its previous completion (or of
  // the post of its oldest frame). 0: off.
  uint64_t progress_watchdog = 300000;
  void watchdog() {
    for (unsigned q = 0; q < qs.size(); ++q) {
      const TxQueueState& s = qs[q];
      if (s.pend.empty() || ((hostile_mask >> q) & 1)) continue;
      const uint64_t since = std::max(s.pend.front().post_cycle, last_done_[q]);
      if (cycle() - since > progress_watchdog)
        fail(fmt::format("watchdog: queue {} made no progress for {} cycles: frame {} ({} host "
                         "bytes, {} descriptors, posted at cycle {}) not completed; {} frames "
                         "pending",
                         q, cycle() - since, s.pend.front().id, s.pend.front().host_len,
                         s.pend.front().ndesc, s.pend.front().post_cycle, s.pend.size()));
    }
  }

  // ------------------------------------------------------------ clock
  void step() {
    drive_mac();
    bus.drive();
    mem.drive();
    clk_.settle();
    bus.sample();
    mem.sample();
    sample_mac();
    clk_.edge();
    for (unsigned q = 0; q < qs.size(); ++q) reap(q);
    if (progress_watchdog && (cycle() & 1023) == 0) watchdog();
    if (on_cycle) on_cycle();
  }
  void idle(uint64_t n) {
    for (uint64_t i = 0; i < n; ++i) step();
  }

  bool drained() const {
    for (const auto& s : qs)
      if (!s.pend.empty() || !s.wire.empty()) return false;
    return true;
  }
  // Run until every posted frame is completed and every expected wire frame seen.
  void drain(uint64_t timeout = 2000000) {
    const uint64_t t0 = cycle();
    while (!drained()) {
      if (cycle() - t0 > timeout) {
        std::string m;
        for (unsigned q = 0; q < qs.size(); ++q) {
          const auto& s = qs[q];
          if (!s.pend.empty() || !s.wire.empty())
            m += fmt::format("\n    queue {}: {} frames not completed (oldest {}, posted at cycle "
                             "{}), {} expected on the wire; Q_TX_STATUS 0x{:x}, Q_TX_HEAD {}, "
                             "{} posted",
                             q, s.pend.size(), s.pend.empty() ? 0 : s.pend.front().id,
                             s.pend.empty() ? 0 : s.pend.front().post_cycle, s.wire.size(),
                             rd(regs::Q_TX_STATUS(q)), rd(regs::Q_TX_HEAD(q)), s.posted);
        }
        fail(fmt::format("drain: not finished after {} cycles:{}", timeout, m));
      }
      step();
    }
    idle(64);
  }

  // Counters and HEAD against the model after a drain.
  // dma_errors counts every AXI transaction answered with an error (SPEC §6):
  // exactly those host memory answered so, since the last global soft reset
  // (which clears the counter; dma_err_base then takes the memory's count).
  uint64_t dma_err_base = 0;
  // queue_errors: queues put in error by the host's own faults (SPEC §6); the
  // tests that make such faults say how many (nullopt: a hostile host's test
  // bounds it itself)
  std::optional<uint64_t> expect_queue_errors = 0;
  uint32_t cause(unsigned q) {
    return (rd(regs::Q_TX_STATUS(q)) & regs::Q_TX_STATUS_CAUSE_MASK) >> regs::Q_TX_STATUS_CAUSE_SHIFT;
  }
  uint64_t mem_errors() const { return mem.stats().read_errors + mem.stats().write_errors; }
  void check_counters() {
    const uint64_t de = rd64(regs::DMA_ERRORS_LO, regs::DMA_ERRORS_HI);
    if (de != mem_errors() - dma_err_base)
      fail(fmt::format("dma_errors {}, but host memory answered {} transactions with an error", de,
                       mem_errors() - dma_err_base));
    if (expect_queue_errors) {
      const uint64_t qe = rd64(regs::QUEUE_ERRORS_LO, regs::QUEUE_ERRORS_HI);
      if (qe != *expect_queue_errors)
        fail(fmt::format("queue_errors {}, expected {}", qe, *expect_queue_errors));
    }
    for (unsigned q = 0; q < qs.size(); ++q) {
      if ((hostile_mask >> q) & 1) continue;  // a hostile host's counters are its own
      const model::TxQueueStats& m = tdl.queue_stats(q);
      const uint64_t pk = rd64(regs::Q_TX_PACKETS_LO(q), regs::Q_TX_PACKETS_HI(q));
      const uint64_t by = rd64(regs::Q_TX_BYTES_LO(q), regs::Q_TX_BYTES_HI(q));
      const uint64_t sp = rd64(regs::Q_TX_SPOOF_DROPS_LO(q), regs::Q_TX_SPOOF_DROPS_HI(q));
      const uint64_t ov = rd64(regs::Q_TX_OVERSIZE_DROPS_LO(q), regs::Q_TX_OVERSIZE_DROPS_HI(q));
      if (pk != m.packets || by != m.bytes || sp != m.spoof_drops || ov != m.oversize_drops)
        fail(fmt::format("queue {} counters: tx_packets {} tx_bytes {} tx_spoof_drops {} "
                         "tx_oversize_drops {}; model {} {} {} {}",
                         q, pk, by, sp, ov, m.packets, m.bytes, m.spoof_drops, m.oversize_drops));
      // DD is in memory once the W data lands; HEAD moves with the write
      // response, which may come later
      poll_reg(regs::Q_TX_HEAD(q), regs::Q_TX_HEAD_IDX_MASK,
               uint32_t(qs[q].posted % qs[q].size()),
               fmt::format("queue {}: Q_TX_HEAD after the drain ({} descriptors posted)", q,
                           qs[q].posted),
               20000);
    }
  }

  void start_window() {
    measuring = true;
    win_start = cycle();
    for (auto& s : qs) s.win_wire_bytes = 0;
  }
  void stop_window() {
    measuring = false;
    win_end = cycle();
  }
  // Wire utilisation of queue q (or all: q < 0) in the window, as a fraction of line rate.
  double utilisation(int q = -1) const {
    uint64_t b = 0;
    for (unsigned i = 0; i < qs.size(); ++i)
      if (q < 0 || unsigned(q) == i) b += qs[i].win_wire_bytes;
    return double(b) * cpb_ / double(std::max<uint64_t>(1, win_end - win_start));
  }

 private:
  double cpb_ = 0, wire_t_ = 0;
  bool in_frame_ = false;
  uint64_t frame_start_ = 0;
  std::vector<uint8_t> cur_;
  uint64_t next_id_ = 1, frame_seq_ = 1;
  std::vector<uint64_t> last_done_ = std::vector<uint64_t>(qs.size(), 0);  // per queue: last completion
};

}  // namespace vmq::tb
