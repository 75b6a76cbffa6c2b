// csr_test: vmq_csr through AXI4-Lite against a C++ shadow of the register map.
//
// Every offset, mask and reset value comes from the generated vmq/vmq_regs.hpp
// (REG_TABLE for the generic part), so a register added to rtl/csr/vmq_regs.toml
// is covered by the reset, read-back and unmapped checks without a test edit.
// The bus master randomises AW/W order and valid delays, bready/rready
// backpressure, and sometimes runs a read and a write at the same time.
// Checks (docs/registers.md, "Access rules"): ID registers vs. parameters,
// reset values, random writes with random WSTRB read back, unmapped holes /
// q >= NumQueues / top of the 512 KiB space read 0xFFFFFFFF with OKAY and are
// counted exactly in csr_unmapped, read-only writes ignored and not counted,
// w1p pulses exactly once per write (per-queue pulses only on the addressed
// queue), hardware-driven ro registers (scalar and per queue) reflect their
// random inputs, 64-bit counters read their halves as they are (no latch);
// per-queue counters (held in RAM in the core) are read through the counter
// read port, one request {id, queue} per read, answered here 0..5 cycles
// later with the value the test holds for that queue's counter, so the
// request must name the right counter and queue, and no read may be answered
// early or lost; hardware ports follow the registers, soft reset restores
// reset values.
//
// Usage: csr_test [--seed N] [--ops N] [--trace file.fst]
#include VMQ_MODEL_HEADER

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include <vmq/vmq_regs.hpp>

#include "vmq_tb.hpp"

#ifndef VMQ_PARAM_NumQueues
#define VMQ_PARAM_NumQueues 16
#endif
#ifndef VMQ_PARAM_NumFilters
#define VMQ_PARAM_NumFilters 64
#endif
#ifndef VMQ_PARAM_DataW
#define VMQ_PARAM_DataW 64
#endif
#ifndef VMQ_PARAM_AxiDataW
#define VMQ_PARAM_AxiDataW 128
#endif
#ifndef VMQ_PARAM_MaxFrameBytes
#define VMQ_PARAM_MaxFrameBytes 9216
#endif
#ifndef VMQ_PARAM_PktBufBytes
#define VMQ_PARAM_PktBufBytes 65536
#endif
#ifndef VMQ_PARAM_DescCache
#define VMQ_PARAM_DescCache 32
#endif
#ifndef VMQ_PARAM_TxDescCache
#define VMQ_PARAM_TxDescCache 32
#endif
#ifndef VMQ_PARAM_TxStageBytes
#define VMQ_PARAM_TxStageBytes 16384
#endif

namespace {

namespace regs = vmq::regs;
using vmq::tb::get_bit;
using vmq::tb::set_bit;

constexpr unsigned kNumQueues = VMQ_PARAM_NumQueues;
constexpr uint32_t kOkay = 0;
constexpr uint64_t kTimeout = 2000;  // cycles for one access before "hang"

uint32_t byte_mask(uint32_t strb) {
  uint32_t m = 0;
  for (unsigned b = 0; b < 4; ++b)
    if (strb >> b & 1) m |= 0xFFu << (8 * b);
  return m;
}

uint32_t field(uint32_t v, uint32_t shift, uint32_t mask) { return (v & mask) >> shift; }

// Bits [lsb +: n] (n <= 64) of a port of any width: per-queue ports are packed
// [NumQueues-1:0][W-1:0], entry q at bit q * W.
template <class T>
void put_bits(T& p, unsigned lsb, unsigned n, uint64_t v) {
  uint64_t m = (n >= 64 ? ~uint64_t(0) : (uint64_t(1) << n) - 1) << lsb;
  p = T((uint64_t(p) & ~m) | ((v << lsb) & m));
}
template <class T>
uint64_t get_bits(const T& p, unsigned lsb, unsigned n) {
  uint64_t m = n >= 64 ? ~uint64_t(0) : (uint64_t(1) << n) - 1;
  return (uint64_t(p) >> lsb) & m;
}
template <std::size_t N>
void put_bits(VlWide<N>& p, unsigned lsb, unsigned n, uint64_t v) {
  for (unsigned i = 0; i < n;) {
    unsigned b = lsb + i, o = b % 32, k = std::min(32 - o, n - i);
    uint32_t m = (k == 32 ? ~0u : (1u << k) - 1) << o;
    p[b / 32] = (p[b / 32] & ~m) | ((uint32_t(v >> i) << o) & m);
    i += k;
  }
}
template <std::size_t N>
uint64_t get_bits(const VlWide<N>& p, unsigned lsb, unsigned n) {
  uint64_t v = 0;
  for (unsigned i = 0; i < n;) {
    unsigned b = lsb + i, o = b % 32, k = std::min(32 - o, n - i);
    uint32_t m = k == 32 ? ~0u : (1u << k) - 1;
    v |= uint64_t((p[b / 32] >> o) & m) << i;
    i += k;
  }
  return v;
}

struct Loc {
  const regs::RegInfo* r;
  unsigned q;
};

struct Write {
  uint32_t addr, data, strb;
};

class CsrTest {
 public:
  CsrTest(vmq::tb::Clocked<VMQ_MODEL>& clk, vmq::tb::Rng& rng, uint64_t seed)
      : clk_(clk), d_(clk.dut()), rng_(rng), seed_(seed) {}

  void run(uint64_t ops) {
    idle_inputs();
    clk_.reset();
    reset_shadow();
    set_hw_inputs();
    check_ports("after reset");
    check_identification();
    check_all_registers("reset values");
    check_unmapped_sweep();
    check_soft_reset();
    check_queue_pulses();
    for (uint64_t i = 0; i < ops; ++i) {
      if (i % 500 == 0) {
        // Backpressure/idle profile for the next stretch: none .. heavy.
        static constexpr double kP[] = {1.0, 0.9, 0.6, 0.3, 0.1};
        p_valid_ = kP[rng_.range(0, 4)];
        p_ready_ = kP[rng_.range(0, 4)];
        set_hw_inputs(true);
      }
      random_op();
    }
    // End: everything the shadow believes is still true.
    p_valid_ = p_ready_ = 1.0;
    check_all_registers("final read-back");
    check_counter(true);
  }

  uint64_t accesses() const { return accesses_; }

 private:
  // ------------------------------------------------------------------ register map
  static uint32_t count(const regs::RegInfo& r) { return r.count ? kNumQueues : 1; }
  static uint32_t addr_of(const regs::RegInfo& r, unsigned q) { return r.offset + q * r.stride; }

  static std::optional<Loc> lookup(uint32_t addr) {
    uint32_t w = addr & ~3u;
    for (const auto& r : regs::REG_TABLE) {
      if (!r.stride) {
        if (w == r.offset) return Loc{&r, 0};
      } else if (w >= r.offset && (w - r.offset) % r.stride == 0 &&
                 (w - r.offset) / r.stride < count(r)) {
        return Loc{&r, (w - r.offset) / r.stride};
      }
    }
    return std::nullopt;
  }

  // Expected value of every constant/parameter register, by offset.
  static const std::map<uint32_t, uint32_t>& fixed() {
    static const std::map<uint32_t, uint32_t> f = {
        {regs::ID_MAGIC, regs::MAGIC},
        {regs::ID_VERSION, regs::VERSION_MAJOR << regs::ID_VERSION_MAJOR_SHIFT |
                               regs::VERSION_MINOR << regs::ID_VERSION_MINOR_SHIFT |
                               regs::VERSION_PATCH << regs::ID_VERSION_PATCH_SHIFT},
        {regs::ID_NUM_QUEUES, VMQ_PARAM_NumQueues},
        {regs::ID_NUM_FILTERS, VMQ_PARAM_NumFilters},
        {regs::ID_DATA_W, VMQ_PARAM_DataW},
        {regs::ID_AXI_DATA_W, VMQ_PARAM_AxiDataW},
        {regs::ID_MAX_FRAME_BYTES, VMQ_PARAM_MaxFrameBytes},
        {regs::ID_PKTBUF_BYTES, uint32_t(VMQ_PARAM_PktBufBytes)},
        {regs::ID_RX_CAPS, uint32_t(VMQ_PARAM_DescCache) << regs::ID_RX_CAPS_DESC_CACHE_SHIFT},
        {regs::ID_TX_CAPS, uint32_t(VMQ_PARAM_TxDescCache) << regs::ID_TX_CAPS_DESC_PER_FRAME_SHIFT},
        {regs::ID_TX_STAGE_BYTES, uint32_t(VMQ_PARAM_TxStageBytes)},
    };
    return f;
  }

  // ------------------------------------------------------------------ shadow
  void reset_shadow() {
    rw_.clear();
    for (const auto& r : regs::REG_TABLE)
      if (r.rw_mask)
        for (unsigned q = 0; q < count(r); ++q) rw_[addr_of(r, q)] = r.reset & r.rw_mask;
    unmapped_ = 0;
  }

  // 64-bit counter whose _LO register is at lo: csr_unmapped, or the value the
  // test drives on the counter's <name>_i input (source = "hw").
  uint64_t counter_value(uint32_t lo) const {
    if (lo == regs::CSR_UNMAPPED_LO) return unmapped_;
    auto it = hw_cnt_.find(lo);
    if (it == hw_cnt_.end()) fail(lo, 0, 0, "test drives no value for this counter");
    return it->second;
  }

  uint32_t hw_value(uint32_t off) const {
    auto it = hw_.find(off);
    if (it == hw_.end())
      fail(off, 0, 0, "test does not know this hardware-driven register (extend drive_hw)");
    return it->second;
  }

  // Expected read data, and the read's side effects on the shadow.
  uint32_t expect_read(uint32_t addr) {
    auto loc = lookup(addr);
    if (!loc) {
      ++unmapped_;
      return regs::UNMAPPED_READ;
    }
    const auto& r = *loc->r;
    uint32_t w = addr_of(r, loc->q);
    uint32_t v = 0;
    if (r.rw_mask) v |= rw_.at(w) & r.rw_mask;
    if (r.const_mask) {
      auto it = fixed().find(w);
      if (it == fixed().end()) fail(w, 0, 0, "test does not know this constant register");
      v |= it->second & r.const_mask;
    }
    if (r.kind == regs::Kind::COUNTER_LO) {
      v |= uint32_t(counter_value(w));
      if (ram_counter(r)) ++qcnt_reqs_expected_;
    } else if (r.kind == regs::Kind::COUNTER_HI) {
      v |= uint32_t(counter_value(w - 4) >> 32);
      if (ram_counter(r)) ++qcnt_reqs_expected_;
    } else if (r.hw_mask) {
      v |= hw_value(w) & r.hw_mask;
    }
    return v;  // w1p bits and reserved bits read 0
  }

  void apply_write(uint32_t addr, uint32_t data, uint32_t strb) {
    auto loc = lookup(addr);
    if (!loc) {
      ++unmapped_;
      return;
    }
    const auto& r = *loc->r;
    uint32_t w = addr_of(r, loc->q);
    uint32_t bm = byte_mask(strb);
    if (r.rw_mask) {
      uint32_t m = bm & r.rw_mask;
      rw_[w] = (rw_[w] & ~m) | (data & m);
    }
    if (data & bm & r.w1p_mask) {
      if (w == regs::RESET && (data & bm & regs::RESET_SOFT_MASK)) {
        ++soft_resets_expected_;
        reset_shadow();
      } else if (w == regs::FILT_CMD && (data & bm & regs::FILT_CMD_WRITE_MASK)) {
        ++filt_writes_expected_;
        commits_.push_back({rw_.at(regs::FILT_IDX), rw_.at(regs::FILT_CFG),
                            rw_.at(regs::FILT_MAC_LO), rw_.at(regs::FILT_MAC_HI),
                            rw_.at(regs::FILT_QMASK_LO), rw_.at(regs::FILT_QMASK_HI)});
      } else if (r.stride) {
        // Per-queue pulses (monitor() counts them per entry and bit).
        for (unsigned b = 0; b < 32; ++b)
          if ((data & bm & r.w1p_mask) >> b & 1) ++q_pulses_expected_[{w, b}];
      } else {
        fail(w, 0, 0, "test does not know this w1p field (extend apply_write)");
      }
    }
  }

  // ------------------------------------------------------------------ bus model
  void idle_inputs() {
    // hardware clears of TAIL / ENABLE (per-queue reset applied): never here
    d_.q_rx_ctrl_enable_clr_i = 0;
    d_.q_rx_tail_idx_clr_i = 0;
    d_.q_tx_ctrl_enable_clr_i = 0;
    d_.q_tx_tail_idx_clr_i = 0;
    d_.qcnt_rd_valid_i = 0;  // (no answer is due between accesses)
    d_.s_axil_awvalid_i = 0;
    d_.s_axil_wvalid_i = 0;
    d_.s_axil_arvalid_i = 0;
    d_.s_axil_bready_i = 0;
    d_.s_axil_rready_i = 0;
  }

  // Runs one write and/or one read to completion, AW/W/AR with random start
  // delays (so AW and W come in any order) and random B/R backpressure.
  // Returns the read data. Checks OKAY and AXI handshake rules.
  // hold_w: W waits for the read response, hold_ar: AR waits for the write
  // response (AXI allows such master-side dependencies; the slave must not
  // make reads wait for writes or the reverse).
  uint32_t bus(std::optional<Write> wr, std::optional<uint32_t> rd_addr, bool hold_w = false,
               bool hold_ar = false) {
    bool aw = wr.has_value(), w = aw, b = aw, ar = rd_addr.has_value(), r = ar;
    auto delay = [&] { return rng_.chance(p_valid_) ? 0 : rng_.range(1, 6); };
    uint64_t aw_at = delay(), w_at = delay(), ar_at = delay();
    uint32_t rdata = 0;
    bool b_prev = false, r_prev = false;
    uint32_t r_prev_data = 0;
    uint64_t t = 0;
    for (; aw || w || b || ar || r; ++t) {
      if (t > kTimeout) fail(wr ? wr->addr : *rd_addr, 0, 0, "access hangs (no response)");
      // Drive; payloads are random while not valid, to catch sampling bugs.
      d_.s_axil_awvalid_i = aw && t >= aw_at;
      d_.s_axil_awaddr_i = d_.s_axil_awvalid_i ? wr->addr : uint16_t(rng_.u64());
      d_.s_axil_wvalid_i = w && t >= w_at && !(hold_w && r);
      d_.s_axil_wdata_i = d_.s_axil_wvalid_i ? wr->data : uint32_t(rng_.u64());
      d_.s_axil_wstrb_i = d_.s_axil_wvalid_i ? wr->strb : uint8_t(rng_.u64() & 15);
      d_.s_axil_arvalid_i = ar && t >= ar_at && !(hold_ar && b);
      d_.s_axil_araddr_i = d_.s_axil_arvalid_i ? *rd_addr : uint16_t(rng_.u64());
      d_.s_axil_bready_i = rng_.chance(p_ready_);
      d_.s_axil_rready_i = rng_.chance(p_ready_);
      clk_.settle();
      qcnt_cycle();
      monitor();
      // Handshake rules: responses only after their requests, held until taken.
      if (d_.s_axil_bvalid_o && (!wr || aw || w))
        fail(wr ? wr->addr : 0, 0, 1, "BVALID without a completed write request");
      if (d_.s_axil_rvalid_o && (!rd_addr || ar))
        fail(rd_addr ? *rd_addr : 0, 0, 1, "RVALID without a read request");
      if (b_prev && !d_.s_axil_bvalid_o) fail(wr->addr, 1, 0, "BVALID dropped before BREADY");
      if (r_prev && !d_.s_axil_rvalid_o) fail(*rd_addr, 1, 0, "RVALID dropped before RREADY");
      if (r_prev && d_.s_axil_rdata_o != r_prev_data)
        fail(*rd_addr, r_prev_data, d_.s_axil_rdata_o, "RDATA changed while stalled");
      if (d_.s_axil_awvalid_i && d_.s_axil_awready_o) aw = false;
      if (d_.s_axil_wvalid_i && d_.s_axil_wready_o) w = false;
      if (d_.s_axil_arvalid_i && d_.s_axil_arready_o) ar = false;
      b_prev = r_prev = false;
      if (b && d_.s_axil_bvalid_o) {
        if (d_.s_axil_bready_i) {
          if (d_.s_axil_bresp_o != kOkay)
            fail(wr->addr, kOkay, d_.s_axil_bresp_o, "BRESP not OKAY");
          b = false;
        } else {
          b_prev = true;
        }
      }
      if (r && d_.s_axil_rvalid_o) {
        if (d_.s_axil_rready_i) {
          if (d_.s_axil_rresp_o != kOkay)
            fail(*rd_addr, kOkay, d_.s_axil_rresp_o, "RRESP not OKAY");
          rdata = d_.s_axil_rdata_o;
          r = false;
        } else {
          r_prev = true;
          r_prev_data = d_.s_axil_rdata_o;
        }
      }
      clk_.edge();
    }
    idle_inputs();
    // Random idle cycles between accesses.
    if (!rng_.chance(p_valid_))
      for (uint64_t i = rng_.range(1, 4); i; --i) {
        clk_.settle();
        qcnt_cycle();
        monitor();
        clk_.edge();
      }
    accesses_ += (wr ? 1 : 0) + (rd_addr ? 1 : 0);
    check_pulses(wr ? wr->addr : *rd_addr);
    check_ports(wr ? "after write" : "after read");
    return rdata;
  }

  void write(uint32_t addr, uint32_t data, uint32_t strb = 0xF) {
    last_op_ = "write";
    apply_write(addr, data, strb);
    bus(Write{addr, data, strb}, std::nullopt);
  }

  void read_check(uint32_t addr, const char* what) {
    last_op_ = what;
    uint32_t exp = expect_read(addr);
    uint32_t got = bus(std::nullopt, addr);
    if (got != exp) fail(addr, exp, got, what);
  }

  // ------------------------------------------------------------------ hardware side
  // Per-queue counter held in RAM (its _LO or _HI register)?
  static bool ram_counter(const regs::RegInfo& r) {
    const uint32_t lo = r.kind == regs::Kind::COUNTER_HI ? r.offset - 4 : r.offset;
    return r.stride && std::find(std::begin(regs::QCNT_LO_BASE), std::end(regs::QCNT_LO_BASE), lo) !=
                           std::end(regs::QCNT_LO_BASE);
  }

  // The statistics RAMs' side of the counter read port, once per cycle after
  // settle: takes a request, answers it 0..5 cycles later (0: in the
  // request's own cycle) with the value of the counter and queue it names.
  void qcnt_cycle() {
    if (d_.qcnt_rd_valid_i) {  // last cycle's answer has been taken at the edge
      d_.qcnt_rd_valid_i = 0;
      clk_.settle();
    }
    if (d_.qcnt_rd_req_o) {
      ++qcnt_reqs_seen_;
      const uint32_t id = d_.qcnt_rd_id_o, q = d_.qcnt_rd_queue_o;
      if (qcnt_pending_)
        fail(regs::QCNT_LO_BASE[qcnt_id_], 0, 1, "second counter read request while one is outstanding");
      if (id >= regs::QCNT_NUM) fail(0, regs::QCNT_NUM, id, "counter read port: id out of range");
      if (q >= kNumQueues) fail(regs::QCNT_LO_BASE[id], kNumQueues, q, "counter read port: queue out of range");
      qcnt_pending_ = true;
      qcnt_id_ = id;
      qcnt_q_ = q;
      qcnt_wait_ = unsigned(rng_.range(0, 5));
    }
    if (!qcnt_pending_) return;
    if (qcnt_wait_ > 0) {
      --qcnt_wait_;
      return;
    }
    const auto& r = *lookup(regs::QCNT_LO_BASE[qcnt_id_])->r;
    d_.qcnt_rd_valid_i = 1;
    d_.qcnt_rd_data_i = counter_value(addr_of(r, qcnt_q_));
    qcnt_pending_ = false;
    clk_.settle();
  }

  // Samples hardware outputs once per cycle (before the edge).
  void monitor() {
    if (d_.soft_reset_o) ++soft_resets_seen_;
    // Per-queue w1p ports, [NumQueues-1:0]: one pulse per written 1, on the
    // addressed queue only.
    auto pulses = [&](const auto& port, uint32_t reg0, uint32_t stride, uint32_t shift) {
      if (!port) return;
      for (unsigned q = 0; q < kNumQueues; ++q)
        if (get_bit(port, q)) ++q_pulses_seen_[{reg0 + q * stride, shift}];
    };
    pulses(d_.q_rx_cmd_reset_o, regs::Q_RX_CMD_BASE, regs::Q_RX_CMD_STRIDE,
           regs::Q_RX_CMD_RESET_SHIFT);
    pulses(d_.q_tx_cmd_reset_o, regs::Q_TX_CMD_BASE, regs::Q_TX_CMD_STRIDE,
           regs::Q_TX_CMD_RESET_SHIFT);
    pulses(d_.q_int_clear_rx_o, regs::Q_INT_CLEAR_BASE, regs::Q_INT_CLEAR_STRIDE,
           regs::Q_INT_CLEAR_RX_SHIFT);
    pulses(d_.q_int_clear_tx_o, regs::Q_INT_CLEAR_BASE, regs::Q_INT_CLEAR_STRIDE,
           regs::Q_INT_CLEAR_TX_SHIFT);
    pulses(d_.q_int_clear_err_o, regs::Q_INT_CLEAR_BASE, regs::Q_INT_CLEAR_STRIDE,
           regs::Q_INT_CLEAR_ERR_SHIFT);
    if (d_.filt_cmd_write_o) {
      ++filt_writes_seen_;
      if (commits_.empty()) {
        fail(regs::FILT_CMD, 0, 1, "filt_cmd_write_o pulse without a write");
      } else {
        // The staging outputs at the pulse are what the commit writes.
        const auto c = commits_.front();
        commits_.pop_front();
        uint32_t cfg = uint32_t(d_.filt_cfg_valid_o) << regs::FILT_CFG_VALID_SHIFT |
                       uint32_t(d_.filt_cfg_type_o) << regs::FILT_CFG_TYPE_SHIFT |
                       uint32_t(d_.filt_cfg_vid_o) << regs::FILT_CFG_VID_SHIFT;
        expect_eq(regs::FILT_IDX, c[0], d_.filt_idx_idx_o, "filt_idx_idx_o at commit");
        expect_eq(regs::FILT_CFG, c[1], cfg, "filt_cfg_*_o at commit");
        expect_eq(regs::FILT_MAC_LO, c[2], d_.filt_mac_lo_mac_o, "filt_mac_lo_mac_o at commit");
        expect_eq(regs::FILT_MAC_HI, c[3], d_.filt_mac_hi_mac_o, "filt_mac_hi_mac_o at commit");
        expect_eq(regs::FILT_QMASK_LO, c[4], d_.filt_qmask_lo_qmask_o,
                  "filt_qmask_lo_qmask_o at commit");
        expect_eq(regs::FILT_QMASK_HI, c[5], d_.filt_qmask_hi_qmask_o,
                  "filt_qmask_hi_qmask_o at commit");
      }
    }
  }

  // After an access has completed, every pulse it caused has been seen.
  void check_pulses(uint32_t addr) {
    if (qcnt_reqs_seen_ != qcnt_reqs_expected_ || qcnt_pending_)
      fail(addr, uint32_t(qcnt_reqs_expected_), uint32_t(qcnt_reqs_seen_),
           qcnt_pending_ ? "counter read request not answered by the end of the access"
                         : "counter read port requests (one per read of a counter in RAM)");
    if (soft_resets_seen_ != soft_resets_expected_)
      fail(addr, uint32_t(soft_resets_expected_), uint32_t(soft_resets_seen_),
           "soft_reset_o pulse count");
    if (filt_writes_seen_ != filt_writes_expected_)
      fail(addr, uint32_t(filt_writes_expected_), uint32_t(filt_writes_seen_),
           "filt_cmd_write_o pulse count");
    if (q_pulses_seen_ != q_pulses_expected_) {
      // Report the first (entry, bit) whose counts differ.
      std::map<std::pair<uint32_t, uint32_t>, uint64_t> all = q_pulses_expected_;
      all.insert(q_pulses_seen_.begin(), q_pulses_seen_.end());
      for (const auto& [k, _] : all) {
        auto e = q_pulses_expected_.find(k), s = q_pulses_seen_.find(k);
        uint64_t ne = e == q_pulses_expected_.end() ? 0 : e->second;
        uint64_t ns = s == q_pulses_seen_.end() ? 0 : s->second;
        if (ne != ns)
          fail(k.first, uint32_t(ne), uint32_t(ns),
               fmt::format("per-queue w1p pulse count of bit {}", k.second).c_str());
      }
    }
  }

  // Every hardware output port follows its register.
  void check_ports(const char* when) {
    auto f = [&](uint32_t reg, uint32_t shift, uint32_t mask) {
      return field(rw_.at(reg), shift, mask);
    };
    std::string w = std::string("port ") + when + ": ";
    expect_eq(regs::CTRL,
              f(regs::CTRL, regs::CTRL_DEFAULT_QUEUE_EN_SHIFT, regs::CTRL_DEFAULT_QUEUE_EN_MASK),
              d_.ctrl_default_queue_en_o, (w + "ctrl_default_queue_en_o").c_str());
    expect_eq(regs::CTRL, f(regs::CTRL, regs::CTRL_LOOPBACK_EN_SHIFT, regs::CTRL_LOOPBACK_EN_MASK),
              d_.ctrl_loopback_en_o, (w + "ctrl_loopback_en_o").c_str());
    expect_eq(regs::CTRL, f(regs::CTRL, regs::CTRL_TX_DRR_SHIFT, regs::CTRL_TX_DRR_MASK),
              d_.ctrl_tx_drr_o, (w + "ctrl_tx_drr_o").c_str());
    expect_eq(regs::RX_TPID, f(regs::RX_TPID, regs::RX_TPID_TPID_SHIFT, regs::RX_TPID_TPID_MASK),
              d_.rx_tpid_tpid_o, (w + "rx_tpid_tpid_o").c_str());
    expect_eq(regs::RX_MIN_FRAME,
              f(regs::RX_MIN_FRAME, regs::RX_MIN_FRAME_BYTES_SHIFT, regs::RX_MIN_FRAME_BYTES_MASK),
              d_.rx_min_frame_bytes_o, (w + "rx_min_frame_bytes_o").c_str());
    expect_eq(regs::RX_MAX_FRAME,
              f(regs::RX_MAX_FRAME, regs::RX_MAX_FRAME_BYTES_SHIFT, regs::RX_MAX_FRAME_BYTES_MASK),
              d_.rx_max_frame_bytes_o, (w + "rx_max_frame_bytes_o").c_str());
    expect_eq(regs::FILT_IDX, f(regs::FILT_IDX, regs::FILT_IDX_IDX_SHIFT, regs::FILT_IDX_IDX_MASK),
              d_.filt_idx_idx_o, (w + "filt_idx_idx_o").c_str());
    expect_eq(regs::FILT_CFG,
              f(regs::FILT_CFG, regs::FILT_CFG_VALID_SHIFT, regs::FILT_CFG_VALID_MASK),
              d_.filt_cfg_valid_o, (w + "filt_cfg_valid_o").c_str());
    expect_eq(regs::FILT_CFG,
              f(regs::FILT_CFG, regs::FILT_CFG_TYPE_SHIFT, regs::FILT_CFG_TYPE_MASK),
              d_.filt_cfg_type_o, (w + "filt_cfg_type_o").c_str());
    expect_eq(regs::FILT_CFG, f(regs::FILT_CFG, regs::FILT_CFG_VID_SHIFT, regs::FILT_CFG_VID_MASK),
              d_.filt_cfg_vid_o, (w + "filt_cfg_vid_o").c_str());
    expect_eq(regs::FILT_MAC_LO, rw_.at(regs::FILT_MAC_LO), d_.filt_mac_lo_mac_o,
              (w + "filt_mac_lo_mac_o").c_str());
    expect_eq(regs::FILT_MAC_HI, rw_.at(regs::FILT_MAC_HI), d_.filt_mac_hi_mac_o,
              (w + "filt_mac_hi_mac_o").c_str());
    expect_eq(regs::FILT_QMASK_LO, rw_.at(regs::FILT_QMASK_LO), d_.filt_qmask_lo_qmask_o,
              (w + "filt_qmask_lo_qmask_o").c_str());
    expect_eq(regs::FILT_QMASK_HI, rw_.at(regs::FILT_QMASK_HI), d_.filt_qmask_hi_qmask_o,
              (w + "filt_qmask_hi_qmask_o").c_str());
    for (unsigned q = 0; q < kNumQueues; ++q) {
      uint32_t a = regs::Q_RX_CTRL(q);
      uint32_t v = rw_.at(a);
      uint32_t got = uint32_t(get_bit(d_.q_rx_ctrl_enable_o, q)) << regs::Q_RX_CTRL_ENABLE_SHIFT |
                     uint32_t(get_bit(d_.q_rx_ctrl_bcast_o, q)) << regs::Q_RX_CTRL_BCAST_SHIFT |
                     uint32_t(get_bit(d_.q_rx_ctrl_mcast_o, q)) << regs::Q_RX_CTRL_MCAST_SHIFT |
                     uint32_t(get_bit(d_.q_rx_ctrl_promisc_o, q)) << regs::Q_RX_CTRL_PROMISC_SHIFT |
                     uint32_t(get_bit(d_.q_rx_ctrl_strip_vlan_o, q))
                         << regs::Q_RX_CTRL_STRIP_VLAN_SHIFT;
      expect_eq(a, v, got, (w + "q_rx_ctrl_*_o[q]").c_str());
      // Packed [NumQueues-1:0][W-1:0] outputs: entry q at bit q * W.
      auto pq = [&](const auto& port, uint32_t reg, uint32_t shift, uint32_t width,
                    uint32_t mask, const char* name) {
        expect_eq(reg, field(rw_.at(reg), shift, mask),
                  uint32_t(get_bits(port, q * width, width)), (w + name + "[q]").c_str());
      };
      pq(d_.q_rx_base_lo_addr_o, regs::Q_RX_BASE_LO(q), regs::Q_RX_BASE_LO_ADDR_SHIFT,
         regs::Q_RX_BASE_LO_ADDR_WIDTH, regs::Q_RX_BASE_LO_ADDR_MASK, "q_rx_base_lo_addr_o");
      pq(d_.q_rx_base_hi_addr_o, regs::Q_RX_BASE_HI(q), regs::Q_RX_BASE_HI_ADDR_SHIFT,
         regs::Q_RX_BASE_HI_ADDR_WIDTH, regs::Q_RX_BASE_HI_ADDR_MASK, "q_rx_base_hi_addr_o");
      pq(d_.q_rx_size_log2_o, regs::Q_RX_SIZE(q), regs::Q_RX_SIZE_LOG2_SHIFT,
         regs::Q_RX_SIZE_LOG2_WIDTH, regs::Q_RX_SIZE_LOG2_MASK, "q_rx_size_log2_o");
      pq(d_.q_rx_buf_bytes_o, regs::Q_RX_BUF(q), regs::Q_RX_BUF_BYTES_SHIFT,
         regs::Q_RX_BUF_BYTES_WIDTH, regs::Q_RX_BUF_BYTES_MASK, "q_rx_buf_bytes_o");
      pq(d_.q_rx_tail_idx_o, regs::Q_RX_TAIL(q), regs::Q_RX_TAIL_IDX_SHIFT,
         regs::Q_RX_TAIL_IDX_WIDTH, regs::Q_RX_TAIL_IDX_MASK, "q_rx_tail_idx_o");
      pq(d_.q_int_mask_rx_o, regs::Q_INT_MASK(q), regs::Q_INT_MASK_RX_SHIFT,
         regs::Q_INT_MASK_RX_WIDTH, regs::Q_INT_MASK_RX_MASK, "q_int_mask_rx_o");
      pq(d_.q_int_mask_tx_o, regs::Q_INT_MASK(q), regs::Q_INT_MASK_TX_SHIFT,
         regs::Q_INT_MASK_TX_WIDTH, regs::Q_INT_MASK_TX_MASK, "q_int_mask_tx_o");
      pq(d_.q_int_mask_err_o, regs::Q_INT_MASK(q), regs::Q_INT_MASK_ERR_SHIFT,
         regs::Q_INT_MASK_ERR_WIDTH, regs::Q_INT_MASK_ERR_MASK, "q_int_mask_err_o");
      pq(d_.q_int_itr_cycles_o, regs::Q_INT_ITR(q), regs::Q_INT_ITR_CYCLES_SHIFT,
         regs::Q_INT_ITR_CYCLES_WIDTH, regs::Q_INT_ITR_CYCLES_MASK, "q_int_itr_cycles_o");
      const uint32_t ta = regs::Q_TX_CTRL(q);
      const uint32_t tgot =
          uint32_t(get_bit(d_.q_tx_ctrl_enable_o, q)) << regs::Q_TX_CTRL_ENABLE_SHIFT |
          uint32_t(get_bit(d_.q_tx_ctrl_spoof_mac_o, q)) << regs::Q_TX_CTRL_SPOOF_MAC_SHIFT |
          uint32_t(get_bit(d_.q_tx_ctrl_spoof_vlan_o, q)) << regs::Q_TX_CTRL_SPOOF_VLAN_SHIFT;
      expect_eq(ta, rw_.at(ta), tgot, (w + "q_tx_ctrl_*_o[q]").c_str());
      pq(d_.q_tx_base_lo_addr_o, regs::Q_TX_BASE_LO(q), regs::Q_TX_BASE_LO_ADDR_SHIFT,
         regs::Q_TX_BASE_LO_ADDR_WIDTH, regs::Q_TX_BASE_LO_ADDR_MASK, "q_tx_base_lo_addr_o");
      pq(d_.q_tx_base_hi_addr_o, regs::Q_TX_BASE_HI(q), regs::Q_TX_BASE_HI_ADDR_SHIFT,
         regs::Q_TX_BASE_HI_ADDR_WIDTH, regs::Q_TX_BASE_HI_ADDR_MASK, "q_tx_base_hi_addr_o");
      pq(d_.q_tx_size_log2_o, regs::Q_TX_SIZE(q), regs::Q_TX_SIZE_LOG2_SHIFT,
         regs::Q_TX_SIZE_LOG2_WIDTH, regs::Q_TX_SIZE_LOG2_MASK, "q_tx_size_log2_o");
      pq(d_.q_tx_tail_idx_o, regs::Q_TX_TAIL(q), regs::Q_TX_TAIL_IDX_SHIFT,
         regs::Q_TX_TAIL_IDX_WIDTH, regs::Q_TX_TAIL_IDX_MASK, "q_tx_tail_idx_o");
      pq(d_.q_tx_port_vlan_tci_o, regs::Q_TX_PORT_VLAN(q), regs::Q_TX_PORT_VLAN_TCI_SHIFT,
         regs::Q_TX_PORT_VLAN_TCI_WIDTH, regs::Q_TX_PORT_VLAN_TCI_MASK, "q_tx_port_vlan_tci_o");
      pq(d_.q_tx_mac_lo_mac_o, regs::Q_TX_MAC_LO(q), regs::Q_TX_MAC_LO_MAC_SHIFT,
         regs::Q_TX_MAC_LO_MAC_WIDTH, regs::Q_TX_MAC_LO_MAC_MASK, "q_tx_mac_lo_mac_o");
      pq(d_.q_tx_mac_hi_mac_o, regs::Q_TX_MAC_HI(q), regs::Q_TX_MAC_HI_MAC_SHIFT,
         regs::Q_TX_MAC_HI_MAC_WIDTH, regs::Q_TX_MAC_HI_MAC_MASK, "q_tx_mac_hi_mac_o");
      pq(d_.q_tx_weight_weight_o, regs::Q_TX_WEIGHT(q), regs::Q_TX_WEIGHT_WEIGHT_SHIFT,
         regs::Q_TX_WEIGHT_WEIGHT_WIDTH, regs::Q_TX_WEIGHT_WEIGHT_MASK, "q_tx_weight_weight_o");
    }
  }

  // New random values for the hardware-driven registers (between accesses):
  // every ro register with hardware bits and every hw counter of REG_TABLE
  // (all entries q < NumQueues of per-queue ones), or the counters only.
  void set_hw_inputs(bool counters_only = false) {
    for (const auto& r : regs::REG_TABLE)
      for (unsigned q = 0; q < count(r); ++q) {
        uint32_t a = addr_of(r, q);
        if (r.kind == regs::Kind::COUNTER_LO) {
          if (a != regs::CSR_UNMAPPED_LO) hw_cnt_[a] = rng_.u64();
        } else if (r.kind == regs::Kind::PLAIN && r.hw_mask && !counters_only) {
          hw_[a] = uint32_t(rng_.u64()) & r.hw_mask;
        }
      }
    drive_hw();
  }

  // The values of hw_ and hw_cnt_ onto the input ports, field by field. A
  // hardware-driven register the test does not drive fails in hw_value().
  void drive_hw() {
    auto f = [&](uint32_t reg, uint32_t shift, uint32_t mask) {
      return field(hw_value(reg), shift, mask);
    };
    d_.status_reset_busy_i =
        f(regs::STATUS, regs::STATUS_RESET_BUSY_SHIFT, regs::STATUS_RESET_BUSY_MASK);
    d_.filt_rd_cfg_valid_i =
        f(regs::FILT_RD_CFG, regs::FILT_RD_CFG_VALID_SHIFT, regs::FILT_RD_CFG_VALID_MASK);
    d_.filt_rd_cfg_type_i =
        f(regs::FILT_RD_CFG, regs::FILT_RD_CFG_TYPE_SHIFT, regs::FILT_RD_CFG_TYPE_MASK);
    d_.filt_rd_cfg_vid_i =
        f(regs::FILT_RD_CFG, regs::FILT_RD_CFG_VID_SHIFT, regs::FILT_RD_CFG_VID_MASK);
    d_.filt_rd_mac_lo_mac_i = hw_value(regs::FILT_RD_MAC_LO);
    d_.filt_rd_mac_hi_mac_i = hw_value(regs::FILT_RD_MAC_HI);
    d_.filt_rd_qmask_lo_qmask_i = hw_value(regs::FILT_RD_QMASK_LO);
    d_.filt_rd_qmask_hi_qmask_i = hw_value(regs::FILT_RD_QMASK_HI);
    d_.rx_frames_i = counter_value(regs::RX_FRAMES_LO);
    d_.rx_err_drops_i = counter_value(regs::RX_ERR_DROPS_LO);
    d_.rx_runt_drops_i = counter_value(regs::RX_RUNT_DROPS_LO);
    d_.rx_oversize_drops_i = counter_value(regs::RX_OVERSIZE_DROPS_LO);
    d_.rx_unmatched_drops_i = counter_value(regs::RX_UNMATCHED_DROPS_LO);
    d_.rx_buffer_drops_i = counter_value(regs::RX_BUFFER_DROPS_LO);
    d_.dma_errors_i = counter_value(regs::DMA_ERRORS_LO);
    d_.queue_errors_i = counter_value(regs::QUEUE_ERRORS_LO);
    for (unsigned q = 0; q < kNumQueues; ++q) {
      // Packed [NumQueues-1:0][W-1:0] inputs: entry q at bit q * W.
      put_bits(d_.q_rx_head_idx_i, q * regs::Q_RX_HEAD_IDX_WIDTH, regs::Q_RX_HEAD_IDX_WIDTH,
               f(regs::Q_RX_HEAD(q), regs::Q_RX_HEAD_IDX_SHIFT, regs::Q_RX_HEAD_IDX_MASK));
      uint32_t st = regs::Q_RX_STATUS(q);
      set_bit(d_.q_rx_status_running_i, q,
              f(st, regs::Q_RX_STATUS_RUNNING_SHIFT, regs::Q_RX_STATUS_RUNNING_MASK));
      set_bit(d_.q_rx_status_stopped_i, q,
              f(st, regs::Q_RX_STATUS_STOPPED_SHIFT, regs::Q_RX_STATUS_STOPPED_MASK));
      set_bit(d_.q_rx_status_error_i, q,
              f(st, regs::Q_RX_STATUS_ERROR_SHIFT, regs::Q_RX_STATUS_ERROR_MASK));
      set_bit(d_.q_rx_status_resetting_i, q,
              f(st, regs::Q_RX_STATUS_RESETTING_SHIFT, regs::Q_RX_STATUS_RESETTING_MASK));
      put_bits(d_.q_rx_status_cause_i, q * regs::Q_RX_STATUS_CAUSE_WIDTH, regs::Q_RX_STATUS_CAUSE_WIDTH,
               f(st, regs::Q_RX_STATUS_CAUSE_SHIFT, regs::Q_RX_STATUS_CAUSE_MASK));
      uint32_t ic = regs::Q_INT_CAUSE(q);
      set_bit(d_.q_int_cause_rx_i, q,
              f(ic, regs::Q_INT_CAUSE_RX_SHIFT, regs::Q_INT_CAUSE_RX_MASK));
      set_bit(d_.q_int_cause_tx_i, q,
              f(ic, regs::Q_INT_CAUSE_TX_SHIFT, regs::Q_INT_CAUSE_TX_MASK));
      set_bit(d_.q_int_cause_err_i, q,
              f(ic, regs::Q_INT_CAUSE_ERR_SHIFT, regs::Q_INT_CAUSE_ERR_MASK));
      put_bits(d_.q_tx_head_idx_i, q * regs::Q_TX_HEAD_IDX_WIDTH, regs::Q_TX_HEAD_IDX_WIDTH,
               f(regs::Q_TX_HEAD(q), regs::Q_TX_HEAD_IDX_SHIFT, regs::Q_TX_HEAD_IDX_MASK));
      uint32_t ts = regs::Q_TX_STATUS(q);
      set_bit(d_.q_tx_status_running_i, q,
              f(ts, regs::Q_TX_STATUS_RUNNING_SHIFT, regs::Q_TX_STATUS_RUNNING_MASK));
      set_bit(d_.q_tx_status_stopped_i, q,
              f(ts, regs::Q_TX_STATUS_STOPPED_SHIFT, regs::Q_TX_STATUS_STOPPED_MASK));
      set_bit(d_.q_tx_status_error_i, q,
              f(ts, regs::Q_TX_STATUS_ERROR_SHIFT, regs::Q_TX_STATUS_ERROR_MASK));
      set_bit(d_.q_tx_status_resetting_i, q,
              f(ts, regs::Q_TX_STATUS_RESETTING_SHIFT, regs::Q_TX_STATUS_RESETTING_MASK));
      put_bits(d_.q_tx_status_cause_i, q * regs::Q_TX_STATUS_CAUSE_WIDTH, regs::Q_TX_STATUS_CAUSE_WIDTH,
               f(ts, regs::Q_TX_STATUS_CAUSE_SHIFT, regs::Q_TX_STATUS_CAUSE_MASK));
    }
  }

  // ------------------------------------------------------------------ directed checks
  void check_identification() {
    // Independent of the header: the values the driver will compare against.
    read_check(regs::ID_MAGIC, "ID_MAGIC");
    expect_eq(regs::ID_MAGIC, 0x564D5143u, regs::MAGIC, "MAGIC constant is 'VMQC'");
    for (const auto& [off, v] : fixed()) read_check(off, "identification register");
  }

  void check_all_registers(const char* what) {
    for (const auto& r : regs::REG_TABLE)
      for (unsigned q = 0; q < count(r); ++q) read_check(addr_of(r, q), what);
  }

  // Every 64-bit counter read as the driver does, _HI, _LO, _HI. Per-queue
  // counters: all queues (and then every _HI again, in reverse), or one
  // random queue each.
  void check_counter(bool all_queues) {
    read_check(regs::CSR_UNMAPPED_LO, "CSR_UNMAPPED_LO");
    read_check(regs::CSR_UNMAPPED_HI, "CSR_UNMAPPED_HI");
    std::vector<uint32_t> los;
    for (const auto& r : regs::REG_TABLE) {
      if (r.kind != regs::Kind::COUNTER_LO || r.offset == regs::CSR_UNMAPPED_LO) continue;
      if (!r.stride || all_queues) {
        for (unsigned q = 0; q < count(r); ++q) los.push_back(addr_of(r, q));
      } else {
        los.push_back(random_addr(r));
      }
    }
    for (uint32_t lo : los) {
      read_check(lo + 4, "counter _HI before _LO");
      read_check(lo, "counter _LO");
      read_check(lo + 4, "counter _HI after _LO");
    }
    if (all_queues)
      for (auto it = los.rbegin(); it != los.rend(); ++it)
        read_check(*it + 4, "counter _HI after other counters");
  }

  // Per-queue w1p registers: on every queue, all ones pulse every field of
  // that queue once; 1s without their byte strobe, and 0s, pulse nothing.
  void check_queue_pulses() {
    for (const auto& r : regs::REG_TABLE) {
      if (r.access != regs::Access::W1P || !r.stride) continue;
      for (unsigned q = 0; q < count(r); ++q) {
        write(addr_of(r, q), 0xFFFFFFFFu, 0xF);
        write(addr_of(r, q), 0xFFFFFFFFu, 0x0);
        write(addr_of(r, q), 0, 0xF);
      }
    }
    for (const auto& [k, n] : q_pulses_seen_)
      if (n != 1) fail(k.first, 1, uint32_t(n), "per-queue w1p pulses after one write of 1s");
  }

  std::vector<uint32_t> holes() const {
    std::vector<uint32_t> h = {regs::ADDR_SPACE_BYTES - 4};
    for (const auto& r : regs::REG_TABLE) {
      for (uint32_t d : {4u, 8u, 0x40u})
        if (r.offset + d < regs::ADDR_SPACE_BYTES && !lookup(r.offset + d))
          h.push_back(r.offset + d);
      if (r.offset >= 4 && !lookup(r.offset - 4)) h.push_back(r.offset - 4);
      for (unsigned q = count(r); q < r.max_count; ++q) h.push_back(addr_of(r, q));
    }
    return h;
  }

  uint32_t random_unmapped() {
    if (rng_.chance(0.7)) {
      auto h = holes();
      return h[rng_.range(0, h.size() - 1)] | uint32_t(rng_.range(0, 3) * rng_.chance(0.2));
    }
    for (;;) {
      uint32_t a = uint32_t(rng_.range(0, regs::ADDR_SPACE_BYTES - 1));
      if (!lookup(a)) return a;
    }
  }

  void check_unmapped_sweep() {
    for (uint32_t a : holes()) {
      read_check(a, "unmapped read");
      write(a, uint32_t(rng_.u64()), 0xF);
    }
    for (uint32_t a = regs::ADDR_SPACE_BYTES - 4; a < regs::ADDR_SPACE_BYTES; ++a)
      read_check(a, "unmapped read (top, unaligned)");
    check_counter(true);
    // Read-only writes are ignored and not counted.
    for (const auto& r : regs::REG_TABLE)
      if (r.access == regs::Access::RO) write(addr_of(r, 0), uint32_t(rng_.u64()), 0xF);
    check_counter(false);
    check_all_registers("after read-only writes");
  }

  void check_soft_reset() {
    for (const auto& r : regs::REG_TABLE)
      if (r.rw_mask)
        for (unsigned q = 0; q < count(r); ++q) write(addr_of(r, q), uint32_t(rng_.u64()), 0xF);
    write(regs::RESET, regs::RESET_SOFT_MASK, 0x1);
    if (soft_resets_expected_ != 1)
      fail(regs::RESET, 1, uint32_t(soft_resets_expected_), "soft reset not modelled");
    check_all_registers("after soft reset");
    // Writing 0, or 1 with the byte strobe off, does nothing.
    write(regs::RESET, 0, 0xF);
    write(regs::RESET, regs::RESET_SOFT_MASK, 0xE);
    check_pulses(regs::RESET);
  }

  // ------------------------------------------------------------------ random mix
  const regs::RegInfo& random_reg(bool rw_only) {
    for (;;) {
      const auto& r = regs::REG_TABLE[rng_.range(0, std::size(regs::REG_TABLE) - 1)];
      if (!rw_only || r.rw_mask) return r;
    }
  }
  uint32_t random_addr(const regs::RegInfo& r) {
    return addr_of(r, unsigned(rng_.range(0, count(r) - 1)));
  }
  uint32_t random_strb() { return rng_.chance(0.5) ? 0xF : uint32_t(rng_.range(0, 15)); }

  void random_op() {
    unsigned k = unsigned(rng_.range(0, 999));
    if (k < 300) {  // rw write, sometimes unaligned
      uint32_t a =
          random_addr(random_reg(true)) | uint32_t(rng_.chance(0.1) ? rng_.range(1, 3) : 0);
      write(a, uint32_t(rng_.u64()), random_strb());
    } else if (k < 550) {  // any mapped read
      read_check(random_addr(random_reg(false)) | uint32_t(rng_.chance(0.1) ? rng_.range(1, 3) : 0),
                 "read");
    } else if (k < 620) {
      read_check(random_unmapped(), "unmapped read");
    } else if (k < 680) {
      write(random_unmapped(), uint32_t(rng_.u64()), random_strb());
    } else if (k < 720) {  // read-only write: ignored, not counted
      const regs::RegInfo* r;
      do r = &random_reg(false);
      while (r->access != regs::Access::RO);
      write(random_addr(*r), uint32_t(rng_.u64()), random_strb());
    } else if (k < 760) {
      check_counter(false);
    } else if (k < 780) {  // filter commit (bit 0 random, strobe random)
      write(regs::FILT_CMD, uint32_t(rng_.u64()), random_strb());
    } else if (k < 800) {  // per-queue w1p (random bits, strobe, queue)
      const regs::RegInfo* r;
      do r = &random_reg(false);
      while (r->access != regs::Access::W1P || !r->stride);
      write(random_addr(*r), uint32_t(rng_.u64()), random_strb());
    } else if (k < 803) {  // soft reset, rarely (and only if bit 0 and strobe 0 are set)
      write(regs::RESET, uint32_t(rng_.u64()), random_strb());
    } else if (k < 950) {  // write and read at the same time (independent rw registers)
      uint32_t wa = rng_.chance(0.2) ? regs::FILT_CMD : random_addr(random_reg(true));
      uint32_t ra;
      do ra = random_addr(random_reg(true));
      while (ra == wa);
      Write w{wa, uint32_t(rng_.u64()), random_strb()};
      last_op_ = "concurrent read";
      uint32_t exp = expect_read(ra);
      apply_write(w.addr, w.data, w.strb);
      unsigned hold = unsigned(rng_.range(0, 4));  // 0: W waits for R, 1: AR waits for B
      uint32_t got = bus(w, ra, hold == 0, hold == 1);
      if (got != exp) fail(ra, exp, got, "read concurrent with a write");
    } else {
      set_hw_inputs();
      read_check(random_addr(random_reg(false)), "read after hw input change");
    }
  }

  // ------------------------------------------------------------------ reporting
  void expect_eq(uint32_t addr, uint32_t exp, uint32_t got, const char* what) {
    if (exp != got) fail(addr, exp, got, what);
  }
  [[noreturn]] void fail(uint32_t addr, uint32_t exp, uint32_t got, const char* what) const {
    auto loc = lookup(addr);
    fmt::print(stderr,
               "{}: FAIL {}: addr 0x{:04x} ({}{}) expected 0x{:08x} got 0x{:08x} at cycle {} "
               "(last op: {}, seed {})\n",
               VMQ_TEST_NAME, what, addr, loc ? loc->r->name : "unmapped",
               loc && loc->r->stride ? fmt::format("[{}]", loc->q) : std::string(), exp, got,
               clk_.cycle(), last_op_, seed_);
    fmt::print("{}: {} accesses, 1 errors\n", VMQ_TEST_NAME, accesses_);
    std::exit(1);
  }

  vmq::tb::Clocked<VMQ_MODEL>& clk_;
  VMQ_MODEL& d_;
  vmq::tb::Rng& rng_;
  uint64_t seed_;
  double p_valid_ = 1.0, p_ready_ = 1.0;
  uint64_t accesses_ = 0;
  const char* last_op_ = "reset";
  std::map<uint32_t, uint32_t> rw_;
  uint64_t unmapped_ = 0;
  std::map<uint32_t, uint32_t> hw_;       // hardware-driven ro registers, by address
  std::map<uint32_t, uint64_t> hw_cnt_;   // hw counter inputs, by _LO address
  // counter read port: the request being answered, and requests seen/expected
  bool qcnt_pending_ = false;
  uint32_t qcnt_id_ = 0, qcnt_q_ = 0;
  unsigned qcnt_wait_ = 0;
  uint64_t qcnt_reqs_seen_ = 0, qcnt_reqs_expected_ = 0;
  uint64_t soft_resets_expected_ = 0, soft_resets_seen_ = 0;
  uint64_t filt_writes_expected_ = 0, filt_writes_seen_ = 0;
  // Per-queue w1p pulses by (entry address, bit).
  std::map<std::pair<uint32_t, uint32_t>, uint64_t> q_pulses_expected_, q_pulses_seen_;
  std::deque<std::array<uint32_t, 6>> commits_;
};

}  // namespace

int main(int argc, char** argv) {
  vmq::tb::Args args(argc, argv, VMQ_TEST_NAME);
  vmq::tb::Rng rng(args.seed);
  vmq::tb::Clocked<VMQ_MODEL> clk(args, "csr");
  CsrTest t(clk, rng, args.seed);
  t.run(args.get("ops", 50000));
  fmt::print("{}: {} accesses, 0 errors ({} cycles)\n", VMQ_TEST_NAME, t.accesses(), clk.cycle());
  return 0;
}
