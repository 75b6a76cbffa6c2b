// vmq_axi_to_axil (docs/fpga.md "fpga_core"): a C++ AXI4 master with random
// IDs and random valid/ready delays on every channel against a C++ AXI4-Lite
// slave (64 KiB word memory, random ready/valid delays, SLVERR and DECERR on
// marked word ranges, some mixed within one beat).
//
// Traffic: INCR bursts of 1..8 (sometimes 16) beats, FIXED bursts, WRAP
// bursts of 2/4/8 beats (the RTL documents WRAP as treated as INCR: that is
// what is checked), every size 0..5 (and 6/7, clamped to the bus width),
// unaligned start addresses, full, partial and zero strobes. Reads and
// writes are offered concurrently (the block takes one at a time).
//
// Checks (at the cycle they happen, naming the transaction):
// - the exact AXI4-Lite access sequence per transaction: one write per word
//   of a beat with a non-zero strobe (address, data, strobes), one read per
//   word a read beat covers (the aligned 2^size bytes, at least the word);
//   at most one AXI4-Lite access in flight; VALID held and payload stable
//   until READY; the address held until B/R (documented);
// - B: ID, BRESP = worst of the burst, only after the burst's last W beat;
// - R: ID, every byte of RDATA (covered words from the reference memory,
//   other words 0), RRESP = worst of the beat, RLAST on the last beat only;
//   payload stable while stalled;
// - the slave memory equals the reference memory at the end;
// - a watchdog: no handshake on any channel for too long is a hang.
#include <array>
#include <deque>
#include <stdexcept>
#include <vector>

#include VMQ_MODEL_HEADER
#include "vmq_tb.hpp"

using namespace vmq::tb;

namespace {

constexpr unsigned kBeatBytes = 32;  // DataW 256
constexpr unsigned kMemBytes = 65536;
constexpr unsigned kWatchdog = 20000;

uint8_t resp_of(uint32_t a) {
  a &= 0xffff;
  // word-granular ranges, not beat-aligned, so one beat can mix responses
  if (a >= 0xc004 && a < 0xc3f4) return 2;  // SLVERR
  if (a >= 0xd008 && a < 0xd07c) return 3;  // DECERR
  if ((a & ~3u) == 0xe000 || (a & ~3u) == 0xe038) return 3;
  if ((a & ~3u) == 0xe01c || (a & ~3u) == 0xe024) return 2;
  return 0;
}
const char* resp_name(unsigned r) {
  static const char* n[] = {"OKAY", "EXOKAY", "SLVERR", "DECERR"};
  return n[r & 3];
}
const char* burst_name(unsigned b) {
  static const char* n[] = {"FIXED", "INCR", "WRAP", "RSVD"};
  return n[b & 3];
}

struct Txn {
  uint64_t serial = 0;
  bool write = false;
  uint8_t id = 0;
  uint16_t addr = 0;
  uint8_t len = 0;    // beats - 1
  uint8_t size = 0;   // as sent (6, 7 are clamped by the RTL)
  uint8_t burst = 1;
  std::vector<std::array<uint8_t, kBeatBytes>> data;  // write data per beat
  std::vector<uint32_t> strb;                         // write strobes per beat
  // filled at acceptance (AW/AR handshake) from the reference
  uint8_t exp_bresp = 0;
  std::vector<std::array<uint8_t, kBeatBytes>> exp_rdata;
  std::vector<uint8_t> exp_rresp;
  unsigned beat = 0;  // W beats sent / R beats received
  bool accepted = false;

  unsigned nbytes() const { return 1u << (size > 5 ? 5 : size); }
  uint16_t beat_addr(unsigned b) const {
    uint32_t a = addr;
    for (unsigned i = 0; i < b; ++i)
      if (burst != 0) a = ((a & ~(nbytes() - 1)) + nbytes()) & 0xffff;  // INCR, WRAP as INCR
    return uint16_t(a);
  }
  std::string str() const {
    return fmt::format("{} #{} id {} addr {:#06x} {} len {} ({} beats) size {} ({} B)",
                       write ? "write" : "read", serial, id, addr, burst_name(burst), len,
                       len + 1, size, nbytes());
  }
};

struct LiteOp {
  bool write;
  uint16_t addr;
  uint32_t data;
  uint8_t strb;
  uint8_t resp;
  unsigned beat;
};

class Bench {
 public:
  Bench(const Args& args, uint64_t txns) : args_(args), c_(args, "dut"), rng_(args.seed), n_txns_(txns) {
    for (unsigned i = 0; i < kMemBytes; ++i) ref_[i] = uint8_t(rng_.u64());
    for (unsigned i = 0; i < kMemBytes / 4; ++i)
      mem_[i] = uint32_t(ref_[4 * i]) | uint32_t(ref_[4 * i + 1]) << 8 |
                uint32_t(ref_[4 * i + 2]) << 16 | uint32_t(ref_[4 * i + 3]) << 24;
  }

  void run() {
    auto& d = c_.dut();
    idle_inputs();
    c_.reset(5);
    new_shapes();
    uint64_t last_progress = c_.cycle();
    while (done_ < n_txns_) {
      if (c_.cycle() >= shape_end_) new_shapes();
      generate();
      drive();
      c_.settle();
      progress_ = false;
      sample();
      if (progress_) last_progress = c_.cycle();
      if (c_.cycle() - last_progress > kWatchdog) hang();
      c_.edge();
    }
    // drain: nothing may come out afterwards
    for (int i = 0; i < 50; ++i) {
      idle_inputs();
      d.s_axi_bready_i = 1;
      d.s_axi_rready_i = 1;
      c_.settle();
      if (d.s_axi_bvalid_o || d.s_axi_rvalid_o || d.m_axil_awvalid_o || d.m_axil_wvalid_o ||
          d.m_axil_arvalid_o)
        fail("activity after the last transaction completed");
      c_.edge();
    }
    for (unsigned a = 0; a < kMemBytes; a += 4) {
      for (unsigned k = 0; k < 4; ++k)
        if (uint8_t(mem_[a / 4] >> (8 * k)) != ref_[a + k])
          fail(fmt::format("final memory: byte {:#06x} is {:#04x}, reference {:#04x}", a + k,
                           uint8_t(mem_[a / 4] >> (8 * k)), ref_[a + k]));
    }
    fmt::print(
        "  {} transactions ({} writes, {} reads) in {} cycles: {} W beats ({} without strobes), "
        "{} R beats, {} AXI4-Lite writes, {} reads, {} error responses on B, {} on R; bursts "
        "INCR {} FIXED {} WRAP {}; unaligned starts {}; AW/AR both waiting {} times\n",
        done_, n_wr_, n_rd_, c_.cycle(), n_wbeats_, n_zero_strb_, n_rbeats_, n_lite_wr_,
        n_lite_rd_, n_berr_, n_rerr_, n_burst_[1], n_burst_[0], n_burst_[2], n_unaligned_,
        n_both_);
    if (n_berr_ == 0 || n_rerr_ == 0 || n_zero_strb_ == 0 || n_both_ == 0)
      fail("coverage: no error response, zero-strobe beat or AW/AR collision seen");
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(fmt::format("cycle {}: {}", c_.cycle(), what));
  }

  [[noreturn]] void hang() {
    std::string s = fmt::format("watchdog: no handshake on any channel for {} cycles (hang).",
                                kWatchdog);
    if (!wr_.empty()) s += fmt::format(" Oldest write: {} (AW {}, {} W beats sent).", wr_.front().str(),
                                       wr_.front().accepted ? "taken" : "not taken", wr_.front().beat);
    if (!rd_.empty()) s += fmt::format(" Oldest read: {} (AR {}, {} R beats).", rd_.front().str(),
                                       rd_.front().accepted ? "taken" : "not taken", rd_.front().beat);
    auto& d = c_.dut();
    s += fmt::format(" Lite awvalid {} wvalid {} bready {} arvalid {} rready {}; {} Lite ops expected",
                     d.m_axil_awvalid_o, d.m_axil_wvalid_o, d.m_axil_bready_o, d.m_axil_arvalid_o,
                     d.m_axil_rready_o, lite_exp_.size());
    fail(s);
  }

  void idle_inputs() {
    auto& d = c_.dut();
    d.s_axi_awvalid_i = 0;
    d.s_axi_wvalid_i = 0;
    d.s_axi_arvalid_i = 0;
    d.s_axi_bready_i = 0;
    d.s_axi_rready_i = 0;
    d.m_axil_awready_i = 0;
    d.m_axil_wready_i = 0;
    d.m_axil_bvalid_i = 0;
    d.m_axil_arready_i = 0;
    d.m_axil_rvalid_i = 0;
  }

  void new_shapes() {
    static const double ps[] = {1.0, 1.0, 0.9, 0.6, 0.3, 0.1};
    for (double& p : p_) p = ps[rng_.range(0, 5)];
    max_delay_ = rng_.chance(0.3) ? 0 : unsigned(rng_.range(1, 12));
    shape_end_ = c_.cycle() + rng_.range(200, 4000);
  }
  unsigned delay() { return max_delay_ == 0 ? 0 : unsigned(rng_.range(0, max_delay_)); }

  uint16_t pick_addr() {
    const unsigned k = unsigned(rng_.range(0, 99));
    if (k < 60) return uint16_t(rng_.range(0, 0x3ff));               // hot: reads hit writes
    if (k < 70) return uint16_t(rng_.range(0xbfc0, 0xc020));         // SLVERR range start
    if (k < 75) return uint16_t(rng_.range(0xc3e0, 0xc440));         // SLVERR range end
    if (k < 80) return uint16_t(rng_.range(0xcfe0, 0xd0a0));         // DECERR range
    if (k < 83) return uint16_t(rng_.range(0xff80, 0xffff));         // wraps at 64 KiB
    if (k < 88) return uint16_t(rng_.range(0xdfc0, 0xe040));         // mixed responses
    return uint16_t(rng_.range(0, 0xffff));
  }

  Txn make(bool write) {
    Txn t;
    t.serial = serial_++;
    t.write = write;
    t.id = uint8_t(rng_.range(0, 15));
    const unsigned bk = unsigned(rng_.range(0, 3));
    t.burst = bk == 0 ? 0 : bk == 1 ? 2 : 1;  // FIXED 1/4, WRAP 1/4, INCR 1/2
    t.size = uint8_t(rng_.chance(0.03) ? rng_.range(6, 7) : rng_.range(0, 5));
    if (write && rng_.chance(0.7) && t.size < 2) t.size = uint8_t(rng_.range(2, 5));
    t.addr = pick_addr();
    if (t.burst == 2) {
      t.len = uint8_t(rng_.pick(std::array<unsigned, 3>{1, 3, 7}));
      t.addr &= uint16_t(~(t.nbytes() - 1));  // WRAP: aligned start (AXI rule)
    } else {
      t.len = uint8_t(rng_.chance(0.05) ? 15 : rng_.range(0, 7));
      if (rng_.chance(0.4)) t.addr &= uint16_t(~(t.nbytes() - 1));
    }
    if (t.addr & (t.nbytes() - 1)) ++n_unaligned_;
    ++n_burst_[t.burst];
    if (write) {
      for (unsigned b = 0; b <= t.len; ++b) {
        std::array<uint8_t, kBeatBytes> v{};
        for (auto& x : v) x = uint8_t(rng_.u64());
        const uint16_t a = t.beat_addr(b);
        const unsigned n = t.nbytes();
        const unsigned lo = a & 31, hi = (a & 31 & ~(n - 1)) + n;
        uint32_t legal = 0;
        for (unsigned i = lo; i < hi; ++i) legal |= 1u << i;
        uint32_t s = legal;
        const unsigned k = unsigned(rng_.range(0, 99));
        if (k < 25) s = legal & uint32_t(rng_.u64());
        else if (k < 35) s = 0;
        else if (k < 40) s = legal & (1u << rng_.range(lo, hi - 1));
        t.data.push_back(v);
        t.strb.push_back(s);
      }
    }
    return t;
  }

  void generate() {
    if (issued_ >= n_txns_) return;
    if (wr_.size() < 2 && rng_.chance(0.1)) {
      wr_.push_back(make(true));
      ++issued_;
    } else if (rd_.size() < 2 && rng_.chance(0.1)) {
      rd_.push_back(make(false));
      ++issued_;
    }
  }

  // ---------------------------------------------------------------- driving
  void drive() {
    auto& d = c_.dut();
    // AW: the first write whose AW is not taken yet
    Txn* aw = nullptr;
    for (auto& t : wr_)
      if (!t.accepted) { aw = &t; break; }
    if (aw && aw->serial != aw_serial_) { aw_serial_ = aw->serial; aw_wait_ = delay(); }
    d.s_axi_awvalid_i = aw && aw_wait_ == 0;
    if (aw) {
      d.s_axi_awid_i = aw->id;
      d.s_axi_awaddr_i = aw->addr;
      d.s_axi_awlen_i = aw->len;
      d.s_axi_awsize_i = aw->size;
      d.s_axi_awburst_i = aw->burst;
    }
    if (aw_wait_) --aw_wait_;
    // AR
    Txn* ar = nullptr;
    for (auto& t : rd_)
      if (!t.accepted) { ar = &t; break; }
    if (ar && ar->serial != ar_serial_) { ar_serial_ = ar->serial; ar_wait_ = delay(); }
    d.s_axi_arvalid_i = ar && ar_wait_ == 0;
    if (ar) {
      d.s_axi_arid_i = ar->id;
      d.s_axi_araddr_i = ar->addr;
      d.s_axi_arlen_i = ar->len;
      d.s_axi_arsize_i = ar->size;
      d.s_axi_arburst_i = ar->burst;
    }
    if (ar_wait_) --ar_wait_;
    // W: beats of the writes in order (may run ahead of AW, as AXI allows)
    Txn* w = nullptr;
    for (auto& t : wr_)
      if (t.beat <= t.len) { w = &t; break; }
    const uint64_t wkey = w ? (w->serial << 8 | w->beat) : ~0ULL;
    if (w && wkey != w_key_) { w_key_ = wkey; w_wait_ = delay(); }
    d.s_axi_wvalid_i = w && w_wait_ == 0;
    if (w) {
      for (unsigned i = 0; i < kBeatBytes; ++i) set_byte(d.s_axi_wdata_i, i, w->data[w->beat][i]);
      d.s_axi_wstrb_i = w->strb[w->beat];
      d.s_axi_wlast_i = w->beat == w->len;
    }
    if (w_wait_) --w_wait_;
    d.s_axi_bready_i = rng_.chance(p_[0]);
    d.s_axi_rready_i = rng_.chance(p_[1]);

    // AXI4-Lite slave
    d.m_axil_awready_i = rng_.chance(p_[2]);
    d.m_axil_wready_i = rng_.chance(p_[3]);
    d.m_axil_arready_i = rng_.chance(p_[4]);
    if (b_pend_ && b_wait_ == 0) b_valid_ = true;
    if (b_wait_) --b_wait_;
    d.m_axil_bvalid_i = b_valid_;
    d.m_axil_bresp_i = b_valid_ ? b_resp_ : uint8_t(rng_.range(0, 3));
    if (r_pend_ && r_wait_ == 0) r_valid_ = true;
    if (r_wait_) --r_wait_;
    d.m_axil_rvalid_i = r_valid_;
    d.m_axil_rresp_i = r_valid_ ? r_resp_ : uint8_t(rng_.range(0, 3));
    d.m_axil_rdata_i = r_valid_ ? r_data_ : uint32_t(rng_.u64());
  }

  // --------------------------------------------------------------- sampling
  void accept(Txn& t) {
    t.accepted = true;
    const unsigned n = t.nbytes();
    if (t.write) {
      uint8_t worst = 0;
      for (unsigned b = 0; b <= t.len; ++b) {
        const uint16_t a = t.beat_addr(b);
        for (unsigned i = 0; i < kBeatBytes / 4; ++i) {
          const uint8_t s = uint8_t(t.strb[b] >> (4 * i)) & 0xf;
          if (!s) continue;
          const uint16_t wa = uint16_t(((a & ~31u) + 4 * i) & 0xffff);
          uint32_t v = 0;
          for (unsigned k = 0; k < 4; ++k) v |= uint32_t(t.data[b][4 * i + k]) << (8 * k);
          const uint8_t r = resp_of(wa);
          worst = std::max(worst, r);
          lite_exp_.push_back({true, wa, v, s, r, b});
          if (r == 0)
            for (unsigned k = 0; k < 4; ++k)
              if (s >> k & 1) ref_[wa + k] = t.data[b][4 * i + k];
        }
      }
      t.exp_bresp = worst;
    } else {
      for (unsigned b = 0; b <= t.len; ++b) {
        const uint16_t a = t.beat_addr(b);
        const unsigned lane_lo = (a & 31) & ~(n - 1);
        std::array<uint8_t, kBeatBytes> v{};
        uint8_t worst = 0;
        for (unsigned i = 0; i < kBeatBytes / 4; ++i) {
          if (!(4 * i + 4 > lane_lo && 4 * i < lane_lo + n)) continue;
          const uint16_t wa = uint16_t(((a & ~31u) + 4 * i) & 0xffff);
          for (unsigned k = 0; k < 4; ++k) v[4 * i + k] = ref_[wa + k];
          const uint8_t r = resp_of(wa);
          worst = std::max(worst, r);
          lite_exp_.push_back({false, wa, 0, 0, r, b});
        }
        t.exp_rdata.push_back(v);
        t.exp_rresp.push_back(worst);
      }
    }
  }

  void sample() {
    auto& d = c_.dut();
    // ---- AXI4 side
    if (d.s_axi_awvalid_i && d.s_axi_arvalid_i && !cur_) ++n_both_;
    const bool aw_hs = d.s_axi_awvalid_i && d.s_axi_awready_o;
    const bool ar_hs = d.s_axi_arvalid_i && d.s_axi_arready_o;
    if (aw_hs && ar_hs) fail("AWREADY and ARREADY in the same cycle (one transaction at a time)");
    if (aw_hs || ar_hs) {
      if (cur_) fail(fmt::format("{} taken while {} is not finished",
                                 aw_hs ? "AW" : "AR", cur_->str()));
      for (auto& t : aw_hs ? wr_ : rd_)
        if (!t.accepted) { cur_ = &t; break; }
      accept(*cur_);
      progress_ = true;
    }
    if (d.s_axi_wvalid_i && d.s_axi_wready_o) {
      Txn* w = nullptr;
      for (auto& t : wr_)
        if (t.beat <= t.len) { w = &t; break; }
      if (!w->accepted) fail(fmt::format("W beat of {} taken before its AW", w->str()));
      if (w->strb[w->beat] == 0) ++n_zero_strb_;
      ++w->beat;
      ++n_wbeats_;
      progress_ = true;
    }
    // B
    if (d.s_axi_bvalid_o) {
      if (wr_.empty() || !wr_.front().accepted || cur_ != &wr_.front())
        fail("BVALID without a write in progress");
      const Txn& t = wr_.front();
      if (t.beat <= t.len)
        fail(fmt::format("BVALID for {} after only {} of {} W beats", t.str(), t.beat, t.len + 1));
      if (d.s_axi_bid_o != t.id || d.s_axi_bresp_o != t.exp_bresp)
        fail(fmt::format("B for {}: id {} resp {}, expected id {} resp {}", t.str(), d.s_axi_bid_o,
                         resp_name(d.s_axi_bresp_o), t.id, resp_name(t.exp_bresp)));
      if (!lite_exp_.empty() || lw_aw_ || lw_w_)
        fail(fmt::format("B for {} with {} AXI4-Lite writes still to do or in flight", t.str(),
                         lite_exp_.size()));
      if (d.s_axi_bready_i) {
        if (t.exp_bresp) ++n_berr_;
        wr_.pop_front();
        cur_ = nullptr;
        ++done_;
        ++n_wr_;
        progress_ = true;
      }
    } else if (b_held_) {
      fail("BVALID dropped before BREADY");
    }
    b_held_ = d.s_axi_bvalid_o && !d.s_axi_bready_i;
    // R
    if (d.s_axi_rvalid_o) {
      if (rd_.empty() || !rd_.front().accepted || cur_ != &rd_.front())
        fail("RVALID without a read in progress");
      Txn& t = rd_.front();
      const bool last = t.beat == t.len;
      std::string bad;
      for (unsigned i = 0; i < kBeatBytes; ++i) {
        const uint8_t g = get_byte(d.s_axi_rdata_o, i);
        if (g != t.exp_rdata[t.beat][i]) {
          bad += fmt::format(" byte {} (addr {:#06x}) = {:#04x}, expected {:#04x};", i,
                             ((t.beat_addr(t.beat) & ~31u) + i) & 0xffff, g, t.exp_rdata[t.beat][i]);
        }
      }
      if (!bad.empty()) fail(fmt::format("R beat {} of {}:{}", t.beat, t.str(), bad));
      if (d.s_axi_rid_o != t.id || d.s_axi_rresp_o != t.exp_rresp[t.beat] || d.s_axi_rlast_o != last)
        fail(fmt::format("R beat {} of {}: id {} resp {} last {}, expected id {} resp {} last {}",
                         t.beat, t.str(), d.s_axi_rid_o, resp_name(d.s_axi_rresp_o),
                         d.s_axi_rlast_o, t.id, resp_name(t.exp_rresp[t.beat]), last));
      if ((!lite_exp_.empty() && lite_exp_.front().beat == t.beat && !lite_exp_.front().write) || lr_ar_)
        fail(fmt::format("R beat {} of {} before all its AXI4-Lite reads", t.beat, t.str()));
      if (d.s_axi_rready_i) {
        if (t.exp_rresp[t.beat]) ++n_rerr_;
        ++n_rbeats_;
        ++t.beat;
        progress_ = true;
        if (last) {
          rd_.pop_front();
          cur_ = nullptr;
          ++done_;
          ++n_rd_;
        }
      }
    } else if (r_held_) {
      fail("RVALID dropped before RREADY");
    }
    r_held_ = d.s_axi_rvalid_o && !d.s_axi_rready_i;

    // ---- AXI4-Lite side
    // VALID held and payload stable until READY
    if (aw_stall_ && (!d.m_axil_awvalid_o || d.m_axil_awaddr_o != aw_stall_addr_))
      fail(fmt::format("AXI4-Lite AWVALID/AWADDR changed before AWREADY (was {:#06x})", aw_stall_addr_));
    if (w_stall_ && (!d.m_axil_wvalid_o || d.m_axil_wdata_o != w_stall_data_ ||
                     d.m_axil_wstrb_o != w_stall_strb_))
      fail("AXI4-Lite WVALID/WDATA/WSTRB changed before WREADY");
    if (ar_stall_ && (!d.m_axil_arvalid_o || d.m_axil_araddr_o != ar_stall_addr_))
      fail(fmt::format("AXI4-Lite ARVALID/ARADDR changed before ARREADY (was {:#06x})", ar_stall_addr_));
    aw_stall_ = d.m_axil_awvalid_o && !d.m_axil_awready_i;
    aw_stall_addr_ = d.m_axil_awaddr_o;
    w_stall_ = d.m_axil_wvalid_o && !d.m_axil_wready_i;
    w_stall_data_ = d.m_axil_wdata_o;
    w_stall_strb_ = d.m_axil_wstrb_o;
    ar_stall_ = d.m_axil_arvalid_o && !d.m_axil_arready_i;
    ar_stall_addr_ = d.m_axil_araddr_o;
    // the address is held until B / R
    if (lw_aw_ && d.m_axil_awaddr_o != lw_addr_)
      fail(fmt::format("AXI4-Lite write address changed from {:#06x} to {:#06x} before B",
                       lw_addr_, d.m_axil_awaddr_o));
    if (lr_ar_ && d.m_axil_araddr_o != lr_addr_)
      fail(fmt::format("AXI4-Lite read address changed from {:#06x} to {:#06x} before R", lr_addr_,
                       d.m_axil_araddr_o));

    const std::string ctx = cur_ ? cur_->str() : std::string("no transaction");
    if (d.m_axil_awvalid_o && d.m_axil_awready_i) {
      if (lw_aw_ || lr_ar_) fail(fmt::format("second AXI4-Lite AW while an access is in flight ({})", ctx));
      lw_aw_ = true;
      lw_addr_ = d.m_axil_awaddr_o;
      progress_ = true;
    }
    if (d.m_axil_wvalid_o && d.m_axil_wready_i) {
      if (lw_w_ || lr_ar_) fail(fmt::format("second AXI4-Lite W while an access is in flight ({})", ctx));
      lw_w_ = true;
      lw_data_ = d.m_axil_wdata_o;
      lw_strb_ = d.m_axil_wstrb_o;
      progress_ = true;
    }
    if (lw_aw_ && lw_w_ && !b_pend_) {
      if (lite_exp_.empty() || !lite_exp_.front().write)
        fail(fmt::format("unexpected AXI4-Lite write addr {:#06x} data {:#010x} strb {:#x} ({})",
                         lw_addr_, lw_data_, lw_strb_, ctx));
      const LiteOp e = lite_exp_.front();
      if (e.addr != lw_addr_ || e.data != lw_data_ || e.strb != lw_strb_)
        fail(fmt::format("beat {} of {}: AXI4-Lite write addr {:#06x} data {:#010x} strb {:#x}, "
                         "expected addr {:#06x} data {:#010x} strb {:#x}",
                         e.beat, ctx, lw_addr_, lw_data_, lw_strb_, e.addr, e.data, e.strb));
      lite_exp_.pop_front();
      if (e.resp == 0)
        for (unsigned k = 0; k < 4; ++k)
          if (e.strb >> k & 1)
            mem_[e.addr / 4] = (mem_[e.addr / 4] & ~(0xffu << (8 * k))) | (lw_data_ & (0xffu << (8 * k)));
      b_pend_ = true;
      b_valid_ = false;
      b_wait_ = delay();
      b_resp_ = e.resp;
      ++n_lite_wr_;
    }
    if (d.m_axil_bvalid_i && d.m_axil_bready_o) {
      b_pend_ = b_valid_ = false;
      lw_aw_ = lw_w_ = false;
      progress_ = true;
    }
    if (d.m_axil_arvalid_o && d.m_axil_arready_i) {
      if (lr_ar_ || lw_aw_ || lw_w_)
        fail(fmt::format("second AXI4-Lite AR while an access is in flight ({})", ctx));
      const uint16_t a = d.m_axil_araddr_o;
      if (lite_exp_.empty() || lite_exp_.front().write)
        fail(fmt::format("unexpected AXI4-Lite read addr {:#06x} ({})", a, ctx));
      const LiteOp e = lite_exp_.front();
      if (e.addr != a)
        fail(fmt::format("beat {} of {}: AXI4-Lite read addr {:#06x}, expected {:#06x}", e.beat,
                         ctx, a, e.addr));
      lite_exp_.pop_front();
      lr_ar_ = true;
      lr_addr_ = a;
      r_pend_ = true;
      r_valid_ = false;
      r_wait_ = delay();
      r_resp_ = e.resp;
      r_data_ = mem_[a / 4];
      ++n_lite_rd_;
      progress_ = true;
    }
    if (d.m_axil_rvalid_i && d.m_axil_rready_o) {
      r_pend_ = r_valid_ = false;
      lr_ar_ = false;
      progress_ = true;
    }
  }

  const Args& args_;
  Clocked<VMQ_MODEL> c_;
  Rng rng_;
  uint64_t n_txns_;
  std::array<uint8_t, kMemBytes> ref_{};
  std::array<uint32_t, kMemBytes / 4> mem_{};

  std::deque<Txn> wr_, rd_;
  Txn* cur_ = nullptr;
  uint64_t serial_ = 0, issued_ = 0, done_ = 0;
  uint64_t aw_serial_ = ~0ULL, ar_serial_ = ~0ULL, w_key_ = ~0ULL;
  unsigned aw_wait_ = 0, ar_wait_ = 0, w_wait_ = 0;
  double p_[5] = {1, 1, 1, 1, 1};
  unsigned max_delay_ = 0;
  uint64_t shape_end_ = 0;
  bool progress_ = false;
  bool b_held_ = false, r_held_ = false;

  std::deque<LiteOp> lite_exp_;
  bool aw_stall_ = false, w_stall_ = false, ar_stall_ = false;
  uint16_t aw_stall_addr_ = 0, ar_stall_addr_ = 0;
  uint32_t w_stall_data_ = 0;
  uint8_t w_stall_strb_ = 0;
  bool lw_aw_ = false, lw_w_ = false, lr_ar_ = false;
  uint16_t lw_addr_ = 0, lr_addr_ = 0;
  uint32_t lw_data_ = 0;
  uint8_t lw_strb_ = 0;
  bool b_pend_ = false, b_valid_ = false, r_pend_ = false, r_valid_ = false;
  unsigned b_wait_ = 0, r_wait_ = 0;
  uint8_t b_resp_ = 0, r_resp_ = 0;
  uint32_t r_data_ = 0;

  uint64_t n_wr_ = 0, n_rd_ = 0, n_wbeats_ = 0, n_rbeats_ = 0, n_zero_strb_ = 0, n_lite_wr_ = 0,
           n_lite_rd_ = 0, n_berr_ = 0, n_rerr_ = 0, n_unaligned_ = 0, n_both_ = 0;
  uint64_t n_burst_[4] = {0, 0, 0, 0};
};

}  // namespace

int main(int argc, char** argv) {
  Args args(argc, argv, VMQ_TEST_NAME);
  const uint64_t txns = args.get("txns", 5000);
  try {
    Bench b(args, txns);
    b.run();
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: FAIL: {} (seed {})\n", VMQ_TEST_NAME, e.what(), args.seed);
    return 1;
  }
  fmt::print("{}: PASS\n", VMQ_TEST_NAME);
  return 0;
}
