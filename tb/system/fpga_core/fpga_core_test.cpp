// fpga_core system test (docs/fpga.md "fpga_core"): fpga_core_tb_top with
// C++ models of the PCIe bridge in three clocks: core 250 MHz (BAR0 AXI4
// 256-bit master, host memory AxiMem 256-bit), bridge 270 MHz (MSI: grant
// after a random delay), GT 156.25 MHz (far-end frame source). Programs a
// queue through BAR0 with the generated register header, sends one frame
// from the far end and checks: byte-exact in host memory; the write-back is
// in memory when the MSI request is raised; vector = q mod 2^width; board
// cause register shows q and W1C (single and burst) clears it; BAR0 bursts
// (multi-word read/write, partial strobes) agree with single accesses. Then
// --frames more frames of random sizes through the same path, each
// byte-exact, with buffers reposted. Transmit: --tx-frames frames (60 and
// 1518 bytes first, then random sizes) from TX queue q through the core,
// the TX clock-crossing FIFO, the MAC, the PCS and the link to the far end,
// each byte-exact and in order there with a good FCS; the board's MAC TX
// counters, the core's per-queue TX counters (read through BAR0 with the
// HI, LO, HI protocol), no underrun, FIFO drop or PCS error block. The
// DMA ownership checker
// (sim/rig/dma_ownership.hpp) sees every BAR0 write and read (burst words
// included) and checks every DMA access of the core against them.
#include <fmt/core.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <vmq/vmq_board_regs.hpp>
#include <vmq/vmq_regs.hpp>

#include VMQ_MODEL_HEADER
#include "axi_mem.hpp"
#include "dma_ownership.hpp"
#include "host_rx.hpp"
#include "vmq_tb.hpp"

using namespace vmq::tb;
namespace regs = vmq::regs;
namespace brd = vmq::board_regs;  // board registers of fpga_core (docs/board-registers.md)
using Dut = VMQ_MODEL;

namespace {

// 32-bit word index of a board register within the 256-bit beat at brd::BASE
constexpr unsigned brd_lane(uint32_t off) { return (off - brd::BASE) / 4; }
static_assert(brd::BRD_IRQ_CAUSE_HI < brd::BASE + 32, "cause registers in the first beat");

struct Beat {
  std::array<uint8_t, 32> data{};
  uint32_t strb = 0;
};

class Sim {
 public:
  Sim(const Args& a)
      : args_(a), rng_(a.seed), ctx_(std::make_unique<VerilatedContext>()) {
    ctx_->randReset(2);
    ctx_->randSeed(int(a.seed % 2147483647));
    ctx_->traceEverOn(!a.trace.empty());
    d_ = std::make_unique<Dut>(ctx_.get(), "tb");
    if (!a.trace.empty()) {
      tfp_ = std::make_unique<VerilatedFstC>();
      d_->trace(tfp_.get(), 99);
      tfp_->open(a.trace.c_str());
    }
    AxiMemConfig mc;
    mc.read_latency = 100;
    mc.read_jitter = 16;
    mem_ = std::make_unique<AxiMem<Dut>>(*d_, rng_, mc);
    own_ = std::make_unique<vmq::rig::DmaOwnership>(
        VMQ_PARAM_NumQueues, mem_->bus_bytes(), [this](uint64_t a) { return mem_->read_u64(a); });
    mem_->set_ownership(own_.get());
    mem_->on_write_beat([this](const AxiWriteBeat& b) {
      if (wb_addr_ && b.lo < *wb_addr_ + 8 && b.hi > *wb_addr_ && !wb_cycle_) wb_cycle_ = core_cyc_;
    });
    width_ = unsigned(a.get("msi-width", 0));
    d_->rst_i = d_->gt_rst_i = d_->pcie_rst_i = 1;
    d_->msi_enable_i = 0;
    d_->msi_vector_width_i = width_;
    d_->intx_msi_grant_i = 0;
    d_->fe_tvalid_i = 0;
    idle_bar();
  }
  ~Sim() {
    if (tfp_) tfp_->close();
    d_->final();
  }

  [[noreturn]] void fail(const std::string& m) {
    fmt::print(stderr, "FAIL at core cycle {} (pcie cycle {}, gt cycle {}, {} ps): {}\n", core_cyc_,
               pcie_cyc_, gt_cyc_, t_ps_, m);
    if (tfp_) tfp_->close();
    std::exit(1);
  }
  void check(bool c, const std::string& m) {
    if (!c) fail(m);
  }

  // ---------------------------------------------------------- clocks
  struct Clk {
    uint64_t half, next;
    bool level = false;
  };
  Clk core_{2000, 2000}, gt_{3200, 3300}, pcie_{1850, 2600};

  void event() {
    const uint64_t t = std::min({core_.next, gt_.next, pcie_.next});
    t_ps_ = t;
    bool rc = false, rg = false, rp = false;
    d_->eval();
    auto rising = [&](Clk& c) { return c.next == t && !c.level; };
    rc = rising(core_);
    rg = rising(gt_);
    rp = rising(pcie_);
    if (rc) sample_core();
    if (rg) sample_gt();
    if (rp) sample_pcie();
    for (Clk* c : {&core_, &gt_, &pcie_}) {
      if (c->next == t) {
        c->level = !c->level;
        c->next += c->half;
      }
    }
    d_->clk_i = core_.level;
    d_->gt_clk_i = gt_.level;
    d_->pcie_clk_i = pcie_.level;
    d_->eval();
    if (tfp_) tfp_->dump(t);
    if (rc) {
      ++core_cyc_;
      if (core_cyc_ == 8) d_->rst_i = 0;
      mem_->drive();
    }
    if (rg) {
      ++gt_cyc_;
      if (gt_cyc_ == 8) d_->gt_rst_i = 0;
      drive_gt();
    }
    if (rp) {
      ++pcie_cyc_;
      if (pcie_cyc_ == 8) d_->pcie_rst_i = 0;
      drive_pcie();
    }
    d_->eval();
    core_rose_ = rc;
  }
  // through the next core rising edge; hs_* tell the handshakes at that edge
  void step() {
    do event();
    while (!core_rose_);
    if (core_cyc_ > max_cycles_) fail("time limit");
  }

  // ---------------------------------------------------------- core domain
  bool hs_aw = false, hs_w = false, hs_b = false, hs_ar = false, hs_r = false;
  void sample_core() {
    Dut& d = *d_;
    if (d.rst_i) return;  // outputs are random power-up values until reset
    mem_->sample();
    hs_aw = d.s_axi_awvalid_i && d.s_axi_awready_o;
    hs_w = d.s_axi_wvalid_i && d.s_axi_wready_o;
    hs_b = d.s_axi_bvalid_o && d.s_axi_bready_i;
    hs_ar = d.s_axi_arvalid_i && d.s_axi_arready_o;
    hs_r = d.s_axi_rvalid_o && d.s_axi_rready_i;
    if (hs_r) r_beats_.push_back(r_beat());
  }
  struct RBeat {
    std::array<uint8_t, 32> data;
    unsigned id, resp;
    bool last;
  };
  std::vector<RBeat> r_beats_;
  RBeat r_beat() {
    RBeat b;
    for (unsigned i = 0; i < 32; ++i) b.data[i] = get_byte(d_->s_axi_rdata_o, i);
    b.id = d_->s_axi_rid_o;
    b.resp = d_->s_axi_rresp_o;
    b.last = d_->s_axi_rlast_o;
    return b;
  }
  void idle_bar() {
    Dut& d = *d_;
    d.s_axi_awvalid_i = d.s_axi_wvalid_i = d.s_axi_arvalid_i = 0;
    d.s_axi_bready_i = d.s_axi_rready_i = 0;
  }

  // AXI4 write burst (INCR), beats of 2^size bytes; returns nothing, checks B.
  void bar_write(uint32_t addr, unsigned size, const std::vector<Beat>& beats) {
    Dut& d = *d_;
    // the core's registers as the host writes them, word by word, before the
    // core can act on them (board registers above brd::BASE are not the core's)
    for (size_t i = 0; i < beats.size(); ++i)
      for (unsigned w = 0; w < 8; ++w) {
        const uint8_t strb = uint8_t((beats[i].strb >> (4 * w)) & 0xf);
        const uint32_t a = (addr & ~31u) + uint32_t(32 * i + 4 * w);
        if (strb && a < brd::BASE) own_->reg_write(a, word_of(beats[i], w), strb);
      }
    const unsigned id = unsigned(rng_.range(0, 15));
    d.s_axi_awid_i = id;
    d.s_axi_awaddr_i = addr;
    d.s_axi_awlen_i = unsigned(beats.size() - 1);
    d.s_axi_awsize_i = size;
    d.s_axi_awburst_i = 1;
    bool aw_done = false;
    size_t wi = 0;
    while (!aw_done || wi < beats.size()) {
      if (!aw_done && !d.s_axi_awvalid_i) d.s_axi_awvalid_i = rng_.chance(0.6);
      if (wi < beats.size() && !d.s_axi_wvalid_i && rng_.chance(0.6)) {
        for (unsigned i = 0; i < 32; ++i) set_byte(d.s_axi_wdata_i, i, beats[wi].data[i]);
        d.s_axi_wstrb_i = beats[wi].strb;
        d.s_axi_wlast_i = wi + 1 == beats.size();
        d.s_axi_wvalid_i = 1;
      }
      step();
      if (hs_aw) {
        aw_done = true;
        d.s_axi_awvalid_i = 0;
      }
      if (hs_w) {
        ++wi;
        d.s_axi_wvalid_i = 0;
      }
    }
    for (unsigned n = 0;; ++n) {
      d.s_axi_bready_i = rng_.chance(0.7);
      step();
      if (hs_b) break;
      check(n < 5000, fmt::format("BAR0 write 0x{:x}: no B", addr));
    }
    d.s_axi_bready_i = 0;
    check(d.s_axi_bid_o == id, fmt::format("BAR0 write 0x{:x}: BID {} != AWID {}", addr,
                                           unsigned(d.s_axi_bid_o), id));
    check(d.s_axi_bresp_o == 0, fmt::format("BAR0 write 0x{:x}: BRESP {}", addr,
                                            unsigned(d.s_axi_bresp_o)));
  }
  std::vector<RBeat> bar_read(uint32_t addr, unsigned len, unsigned size) {
    Dut& d = *d_;
    const unsigned id = unsigned(rng_.range(0, 15));
    d.s_axi_arid_i = id;
    d.s_axi_araddr_i = addr;
    d.s_axi_arlen_i = len;
    d.s_axi_arsize_i = size;
    d.s_axi_arburst_i = 1;
    r_beats_.clear();
    bool ar_done = false;
    for (unsigned n = 0; !ar_done || r_beats_.size() < len + 1u; ++n) {
      if (!ar_done && !d.s_axi_arvalid_i) d.s_axi_arvalid_i = rng_.chance(0.6);
      d.s_axi_rready_i = rng_.chance(0.7);
      step();
      if (hs_ar) {
        ar_done = true;
        d.s_axi_arvalid_i = 0;
      }
      check(n < 20000, fmt::format("BAR0 read 0x{:x}: no R", addr));
    }
    d.s_axi_rready_i = 0;
    for (size_t i = 0; i < r_beats_.size(); ++i) {
      const RBeat& b = r_beats_[i];
      check(b.id == id, fmt::format("BAR0 read 0x{:x}: RID {} != ARID {}", addr, b.id, id));
      check(b.resp == 0, fmt::format("BAR0 read 0x{:x}: RRESP {}", addr, b.resp));
      check(b.last == (i == len), fmt::format("BAR0 read 0x{:x}: rlast wrong on beat {}", addr, i));
      // what the host read (STATUS tells the checker of resets and DMA stopped)
      for (unsigned w = 0; w < 8; ++w) {
        const uint32_t a = (addr & ~31u) + uint32_t(32 * i + 4 * w);
        if (a < brd::BASE && (size == 5 || a == (addr & ~3u))) own_->reg_read(a, word_of(b, w));
      }
    }
    return r_beats_;
  }
  void wr(uint32_t addr, uint32_t v) {
    Beat b;
    const unsigned lane = addr & 31;
    for (unsigned i = 0; i < 4; ++i) b.data[lane + i] = uint8_t(v >> (8 * i));
    b.strb = 0xFu << lane;
    bar_write(addr, 2, {b});
  }
  uint32_t rd(uint32_t addr) {
    auto r = bar_read(addr, 0, 2);
    const unsigned lane = addr & 31;
    uint32_t v = 0;
    for (unsigned i = 0; i < 4; ++i) v |= uint32_t(r[0].data[lane + i]) << (8 * i);
    return v;
  }
  template <class B>
  static uint32_t word_of(const B& b, unsigned w) {
    uint32_t v = 0;
    for (unsigned i = 0; i < 4; ++i) v |= uint32_t(b.data[4 * w + i]) << (8 * i);
    return v;
  }
  void poll(uint32_t addr, uint32_t mask, uint32_t want, const char* what) {
    for (unsigned n = 0; (rd(addr) & mask) != want; ++n) check(n < 2000, what);
  }

  // ---------------------------------------------------------- GT domain: far end
  std::vector<uint8_t> frame_;
  size_t fe_pos_ = 0;
  bool fe_send_ = false;
  std::optional<uint64_t> fe_start_ps_;
  // what the far end's MAC received: whole frames, tuser (bad FCS or code)
  struct FeFrame {
    std::vector<uint8_t> bytes;
    bool bad;
  };
  std::vector<FeFrame> fe_rx_;
  std::vector<uint8_t> fe_rx_cur_;
  void sample_gt() {
    Dut& d = *d_;
    if (d.gt_rst_i) return;
    if (d.fe_rx_tvalid_o) {
      for (unsigned i = 0; i < 8; ++i)
        if ((d.fe_rx_tkeep_o >> i) & 1) fe_rx_cur_.push_back(uint8_t(uint64_t(d.fe_rx_tdata_o) >> (8 * i)));
      if (d.fe_rx_tlast_o) {
        fe_rx_.push_back({std::move(fe_rx_cur_), bool(d.fe_rx_tuser_o)});
        fe_rx_cur_.clear();
      }
    }
    if (d.fe_tvalid_i && d.fe_tready_o) {
      if (!fe_start_ps_) fe_start_ps_ = t_ps_;
      if (args_.get("fe-trace", 0))
        fmt::print("gt {}: beat pos {} data {:016x} last {}\n", gt_cyc_, fe_pos_,
                   uint64_t(d.fe_tdata_i), int(d.fe_tlast_i));
      fe_pos_ += 8;
      if (fe_pos_ >= frame_.size()) fe_send_ = false;
    }
  }
  void drive_gt() {
    Dut& d = *d_;
    d.fe_tvalid_i = fe_send_;
    uint64_t w = 0;
    unsigned keep = 0;
    for (unsigned i = 0; i < 8 && fe_pos_ + i < frame_.size(); ++i) {
      w |= uint64_t(frame_[fe_pos_ + i]) << (8 * i);
      keep |= 1u << i;
    }
    d.fe_tdata_i = w;
    d.fe_tkeep_i = keep;
    d.fe_tlast_i = fe_pos_ + 8 >= frame_.size();
  }

  // ---------------------------------------------------------- bridge clock: MSI
  struct Msi {
    unsigned vec;
    uint64_t core_cycle, ps;
    bool wb_in_mem;
  };
  std::vector<Msi> msis_;
  bool msi_busy_ = false;
  uint64_t grant_at_ = 0;
  std::function<bool()> wb_in_mem_;
  void sample_pcie() {
    Dut& d = *d_;
    if (d.intx_msi_request_o && !d.pcie_rst_i) {
      if (!d.msi_enable_i) fail("MSI request while msi_enable is low");
      if (msi_busy_) fail("MSI request before the previous one was granted");
      msis_.push_back({unsigned(d.msi_vector_num_o), core_cyc_, t_ps_,
                       wb_in_mem_ ? wb_in_mem_() : false});
      msi_busy_ = true;
      grant_at_ = pcie_cyc_ + rng_.range(1, 24);
    }
  }
  void drive_pcie() {
    Dut& d = *d_;
    d.intx_msi_grant_i = msi_busy_ && pcie_cyc_ >= grant_at_;
    if (d.intx_msi_grant_i) msi_busy_ = false;
  }

  const Args& args_;
  Rng rng_;
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<Dut> d_;
  std::unique_ptr<VerilatedFstC> tfp_;
  std::unique_ptr<AxiMem<Dut>> mem_;
  std::unique_ptr<vmq::rig::DmaOwnership> own_;  // every DMA access against what the host posted
  std::optional<uint64_t> wb_addr_, wb_cycle_;
  unsigned width_ = 0;
  uint64_t t_ps_ = 0, core_cyc_ = 0, gt_cyc_ = 0, pcie_cyc_ = 0, max_cycles_ = 4000000;
  bool core_rose_ = false;
};

int run(const Args& args) {
  Sim s(args);
  Dut& d = *s.d_;
  const unsigned q = unsigned(args.get("queue", 5));
  const unsigned nq = VMQ_PARAM_NumQueues;
  s.check(q < nq, "queue out of range");
  const unsigned ntx = unsigned(args.get("tx-frames", 12));
  s.check(ntx >= 1 && ntx <= 15, fmt::format("--tx-frames {}: 1 to 15 (one ring of 16)", ntx));
  for (unsigned i = 0; i < 32; ++i) s.step();
  s.poll(regs::STATUS, regs::STATUS_RESET_BUSY_MASK, 0, "power-up reset (STATUS.RESET_BUSY)");

  // ---- BAR0 basics: single and burst accesses
  s.check(s.rd(regs::ID_MAGIC) == regs::MAGIC, "ID_MAGIC");
  s.check(s.rd(brd::BRD_MAGIC) == brd::BOARD_MAGIC, "BRD_MAGIC");
  s.check(s.rd(regs::ID_NUM_QUEUES) == nq, "ID_NUM_QUEUES");
  {
    std::array<uint32_t, 16> single{};
    for (unsigned w = 0; w < 16; ++w) single[w] = s.rd(4 * w);
    auto r = s.bar_read(0x0000, 1, 5);  // 2 beats of 256 bits
    for (unsigned w = 0; w < 16; ++w)
      s.check(Sim::word_of(r[w / 8], w % 8) == single[w],
              fmt::format("burst read word 0x{:x}: 0x{:08x} != single 0x{:08x}", 4 * w,
                          Sim::word_of(r[w / 8], w % 8), single[w]));
    auto rb = s.bar_read(brd::BASE, 0, 5);
    s.check(Sim::word_of(rb[0], brd_lane(brd::BRD_MAGIC)) == brd::BOARD_MAGIC,
            "burst read of the board block: magic lane");
    s.check(Sim::word_of(rb[0], brd_lane(brd::BRD_STATUS)) == s.rd(brd::BRD_STATUS),
            "burst read of the board block: status lane");
  }
  {
    // burst write: 2 beats at 0x0000; only SCRATCH (0x20, beat 1 word 0) strobed, bytes 0..2
    Beat b0, b1;
    b1.data[0] = 0x11, b1.data[1] = 0x22, b1.data[2] = 0x33, b1.data[3] = 0x44;
    b1.strb = 0x7;
    s.wr(regs::SCRATCH, 0xa5a5a5a5u);
    s.bar_write(0x0000, 5, {b0, b1});
    const uint32_t v = s.rd(regs::SCRATCH);
    s.check(v == 0xa5332211u, fmt::format("SCRATCH after a partial-strobe burst: 0x{:08x}", v));
  }

  // ---- queue q through BAR0
  HostRxLayout l;
  l.ring_base = 0x0000001000000000ULL + uint64_t(q) * 0x100000ULL;
  l.log2 = 4;
  l.buf_bytes = 2048;
  l.buf_region = 0x0000002000000000ULL;
  HostRxQueue<AxiMem<Dut>> hq(*s.mem_, s.rng_, q, l);
  s.wr(regs::CTRL, 0);
  s.wr(regs::Q_RX_CTRL(q), 0);
  s.poll(regs::Q_RX_STATUS(q), regs::Q_RX_STATUS_STOPPED_MASK, regs::Q_RX_STATUS_STOPPED_MASK,
         "queue stop");
  s.wr(regs::Q_RX_CMD(q), regs::Q_RX_CMD_RESET_MASK);
  s.poll(regs::Q_RX_STATUS(q), regs::Q_RX_STATUS_RESETTING_MASK | regs::Q_RX_STATUS_ERROR_MASK, 0,
         "queue reset");
  s.wr(regs::Q_RX_BASE_LO(q), uint32_t(l.ring_base));
  s.wr(regs::Q_RX_BASE_HI(q), uint32_t(l.ring_base >> 32));
  s.wr(regs::Q_RX_SIZE(q), l.log2);
  s.wr(regs::Q_RX_BUF(q), l.buf_bytes);
  hq.post(hq.space());
  s.wr(regs::Q_RX_TAIL(q), hq.tail());
  s.wr(regs::Q_INT_ITR(q), 0);
  s.wr(regs::Q_INT_MASK(q), regs::Q_INT_MASK_RX_MASK);
  s.wr(regs::Q_RX_CTRL(q), regs::Q_RX_CTRL_ENABLE_MASK | regs::Q_RX_CTRL_PROMISC_MASK);
  s.poll(regs::Q_RX_STATUS(q), regs::Q_RX_STATUS_RUNNING_MASK, regs::Q_RX_STATUS_RUNNING_MASK,
         "queue enable");
  s.wb_addr_ = hq.slot_addr(0) + 8;
  s.wb_in_mem_ = [&]() { return decode_rx_wb(s.mem_->read_u64(hq.slot_addr(0) + 8)).dd; };

  // ---- MSI on, link up
  d.msi_enable_i = 1;
  for (unsigned i = 0; i < 40; ++i) s.step();
  {
    const uint32_t st = s.rd(brd::BRD_MSI_STATUS);
    const unsigned w = std::min(s.width_, 5u);
    const uint32_t want = brd::BRD_MSI_STATUS_ENABLE_MASK |
                          (s.width_ << brd::BRD_MSI_STATUS_VECTOR_WIDTH_SHIFT) |
                          ((1u << w) << brd::BRD_MSI_STATUS_VECTORS_SHIFT);
    s.check(st == want, fmt::format("BRD_MSI_STATUS 0x{:08x}, want 0x{:08x}", st, want));
  }
  for (unsigned n = 0; !d.link_up_o; ++n) {
    s.step();
    s.check(n < 200000, "no link");
  }
  const uint64_t link_cycle = s.core_cyc_;
  constexpr uint32_t link_lock = brd::BRD_STATUS_LINK_UP_MASK | brd::BRD_STATUS_BLOCK_LOCK_MASK;
  s.poll(brd::BRD_STATUS, link_lock, link_lock, "BRD_STATUS link/lock");
  s.check(d.dut_link_up_o && d.dut_block_lock_o, "link_up_o / block_lock_o");

  // ---- one frame from the far end
  const unsigned len = unsigned(s.rng_.range(60, 1514));
  s.frame_.resize(len);
  for (auto& b : s.frame_) b = uint8_t(s.rng_.u64());
  s.frame_[0] = 0x02;  // unicast, locally administered
  s.fe_send_ = true;
  const uint64_t sent_cycle = s.core_cyc_;
  for (unsigned n = 0; s.msis_.empty(); ++n) {
    s.step();
    s.check(n < 100000, "no MSI request");
  }
  const auto m = s.msis_[0];
  s.check(m.wb_in_mem, fmt::format("MSI request (vector {}) at core cycle {} before the "
                                   "write-back was in host memory",
                                   m.vec, m.core_cycle));
  const unsigned want_vec = q & ((1u << std::min(s.width_, 5u)) - 1u);
  s.check(m.vec == want_vec, fmt::format("MSI vector {} != queue {} mod 2^{} = {}", m.vec, q,
                                         s.width_, want_vec));
  std::vector<RxDone> got;
  hq.poll([&](RxDone&& c) { got.push_back(std::move(c)); });
  s.check(got.size() == 1, fmt::format("{} copies in host memory, want 1", got.size()));
  s.check(got[0].error.empty(), "copy: " + got[0].error);
  if (got[0].bytes != s.frame_) {
    size_t i = 0;
    while (i < got[0].bytes.size() && i < len && got[0].bytes[i] == s.frame_[i]) ++i;
    fmt::print("first difference at byte {}; ethertype/length 0x{:02x}{:02x}\n", i, s.frame_[12],
               s.frame_[13]);
  }
  s.check(got[0].bytes == s.frame_,
          fmt::format("frame of {} bytes differs in host memory (got {} bytes)", len,
                      got[0].bytes.size()));

  // ---- cause register: shows q, W1C
  const uint32_t creg = q < 32 ? brd::BRD_IRQ_CAUSE_LO : brd::BRD_IRQ_CAUSE_HI;
  const uint32_t cbit = 1u << (q % 32);
  s.check(s.rd(creg) == cbit, fmt::format("cause 0x{:08x}, want 0x{:08x}", s.rd(creg), cbit));
  s.wr(creg, ~cbit);  // other bits: no effect
  s.check(s.rd(creg) == cbit, "cause cleared by a write of other bits");
  {
    Beat b;  // one 256-bit beat at brd::BASE, strobes on both cause words
    const unsigned lo = brd::BRD_IRQ_CAUSE_LO - brd::BASE, hi = brd::BRD_IRQ_CAUSE_HI - brd::BASE;
    for (unsigned i = 0; i < 4; ++i) {
      b.data[lo + i] = uint8_t(q < 32 ? cbit >> (8 * i) : 0);
      b.data[hi + i] = uint8_t(q >= 32 ? cbit >> (8 * i) : 0);
    }
    b.strb = (0xfu << lo) | (0xfu << hi);
    s.bar_write(brd::BASE, 5, {b});
  }
  s.check(s.rd(brd::BRD_IRQ_CAUSE_LO) == 0 && s.rd(brd::BRD_IRQ_CAUSE_HI) == 0,
          "cause not cleared by W1C");
  s.wr(regs::Q_INT_CLEAR(q), regs::Q_INT_CLEAR_RX_MASK);
  for (unsigned i = 0; i < 40; ++i) s.step();
  s.check(s.msis_.size() == 1, fmt::format("{} MSI requests, want 1", s.msis_.size()));
  s.check(s.rd(brd::BRD_MSI_SENT) == 1, "BRD_MSI_SENT != 1");
  s.check(s.rd(brd::BRD_MAC_RX_FRAMES) == 1, "MAC RX frames != 1");
  s.check(s.rd(brd::BRD_MAC_RX_BYTES) >= len, "MAC RX bytes < frame length");

  // ---- more frames through the card configuration, each byte-exact
  const unsigned more = unsigned(args.get("frames", 40));
  d.msi_enable_i = 0;  // (the MSI path is checked above; frames are reaped by polling)
  for (unsigned i = 0; i < more; ++i) {
    hq.post(hq.space());
    s.wr(regs::Q_RX_TAIL(q), hq.tail());
    const unsigned n = unsigned(s.rng_.chance(0.3) ? s.rng_.range(60, 128) : s.rng_.range(60, 1514));
    s.frame_.assign(n, 0);
    for (auto& b : s.frame_) b = uint8_t(s.rng_.u64());
    s.frame_[0] = 0x02;
    s.fe_pos_ = 0;
    s.fe_send_ = true;
    std::vector<RxDone> c;
    for (unsigned k = 0; c.empty(); ++k) {
      s.step();
      if (k % 64 == 0) hq.poll([&](RxDone&& x) { c.push_back(std::move(x)); });
      s.check(k < 200000, fmt::format("frame {} ({} bytes) never reached host memory", i, n));
    }
    s.check(c.size() == 1 && c[0].error.empty() && c[0].bytes == s.frame_,
            fmt::format("frame {} of {} bytes: {} copies, {}", i, n, c.size(),
                        c[0].error.empty() ? "bytes differ" : c[0].error));
  }
  s.check(s.rd(brd::BRD_MAC_RX_FRAMES) == 1 + more, "MAC RX frames != frames sent");
  s.check(s.rd(regs::DMA_ERRORS_LO) == 0 && s.rd(regs::QUEUE_ERRORS_LO) == 0,
          "dma_errors or queue_errors not 0");
  fmt::print("{} more frames byte-exact in host memory\n", more);

  // ---- transmit: frames from TX queue q to the far end (the path of
  // vmq_top's TX FIFO, MAC and PCS on the card's clocks)
  {
    constexpr uint64_t kTxRing = 0x0000003000000000ULL, kTxBufs = 0x0000004000000000ULL;
    s.wr(regs::Q_TX_CTRL(q), 0);
    s.poll(regs::Q_TX_STATUS(q), regs::Q_TX_STATUS_STOPPED_MASK, regs::Q_TX_STATUS_STOPPED_MASK,
           "tx queue stop");
    s.wr(regs::Q_TX_BASE_LO(q), uint32_t(kTxRing));
    s.wr(regs::Q_TX_BASE_HI(q), uint32_t(kTxRing >> 32));
    s.wr(regs::Q_TX_SIZE(q), 4);
    s.wr(regs::Q_TX_TAIL(q), 0);
    s.wr(regs::Q_TX_CTRL(q), regs::Q_TX_CTRL_ENABLE_MASK);
    s.poll(regs::Q_TX_STATUS(q), regs::Q_TX_STATUS_RUNNING_MASK, regs::Q_TX_STATUS_RUNNING_MASK,
           "tx queue enable");
    std::vector<std::vector<uint8_t>> sent;
    uint64_t bytes = 0;
    for (unsigned i = 0; i < ntx; ++i) {
      const unsigned n = i == 0 ? 60 : i == 1 ? 1518 : unsigned(s.rng_.range(60, 1518));
      std::vector<uint8_t> f(n);
      for (auto& b : f) b = uint8_t(s.rng_.u64());
      f[0] = 0x02;  // unicast, locally administered
      const uint64_t a = kTxBufs + uint64_t(i) * 0x1000;
      s.mem_->write_bytes(a, f);
      uint64_t w1 = regs::fmt::put(uint64_t{0}, regs::fmt::TX_DESC_LEN, n);
      w1 = regs::fmt::put(w1, regs::fmt::TX_DESC_EOP, 1);
      s.mem_->write_u64(kTxRing + i * 16, a);
      s.mem_->write_u64(kTxRing + i * 16 + 8, w1);
      bytes += n;
      sent.push_back(std::move(f));
    }
    s.fe_rx_.clear();
    s.fe_rx_cur_.clear();
    s.wr(regs::Q_TX_TAIL(q), ntx);
    for (unsigned k = 0; s.fe_rx_.size() < ntx; ++k) {
      s.step();
      s.check(k < 400000, fmt::format("{} of {} transmitted frames reached the far end", s.fe_rx_.size(), ntx));
    }
    for (unsigned i = 0; i < ntx; ++i) {
      const auto& g = s.fe_rx_[i];
      s.check(!g.bad, fmt::format("transmitted frame {} ({} bytes): bad FCS or code at the far end", i,
                                  sent[i].size()));
      if (g.bytes != sent[i]) {
        size_t k = 0;
        while (k < g.bytes.size() && k < sent[i].size() && g.bytes[k] == sent[i][k]) ++k;
        s.fail(fmt::format("transmitted frame {} from TX queue {}: {} bytes at the far end, {} sent; first "
                           "difference at byte {}", i, q, g.bytes.size(), sent[i].size(), k));
      }
    }
    for (unsigned i = 0; i < 200; ++i) s.step();  // into the counters
    auto rd64 = [&](uint32_t lo) { return regs::read_counter64([&](uint32_t a) { return s.rd(a); }, lo); };
    s.check(s.rd(brd::BRD_MAC_TX_FRAMES) == ntx && s.rd(brd::BRD_MAC_TX_BYTES) == bytes,
            fmt::format("board MAC TX counters {} frames / {} bytes, want {} / {}", s.rd(brd::BRD_MAC_TX_FRAMES),
                        s.rd(brd::BRD_MAC_TX_BYTES), ntx, bytes));
    s.check(s.rd(brd::BRD_MAC_TX_UNDERRUNS) == 0 && s.rd(brd::BRD_MAC_TX_ERRORS) == 0,
            "MAC TX underruns or errors");
    s.check(d.fe_rx_fcs_errors_o == 0 && d.fe_rx_code_errors_o == 0, "far end: FCS or code errors");
    s.check(s.rd(brd::BRD_TX_FIFO_DROPS) == 0 && s.rd(brd::BRD_RX_FIFO_DROPS) == 0 &&
                s.rd(brd::BRD_PCS_RX_ERR_BLOCKS) == 0 && s.rd(brd::BRD_PCS_RX_LOCK_LOSSES) == 0,
            "FIFO drops, PCS error blocks or lock losses");
    const uint64_t qp = rd64(regs::Q_TX_PACKETS_LO(q)), qb = rd64(regs::Q_TX_BYTES_LO(q));
    s.check(qp == ntx && qb == bytes,
            fmt::format("Q_TX_PACKETS/BYTES({}) {} / {}, want {} / {}", q, qp, qb, ntx, bytes));
    fmt::print("{} frames ({} bytes) from TX queue {} byte-exact at the far end; MAC and queue "
               "counters agree\n",
               ntx, bytes, q);
  }
  fmt::print("ownership checker: {} posts, every DMA access checked\n", s.own_->stats().posts);

  const double cyc_ps = 2.0 * s.core_.half;
  const double start = double(*s.fe_start_ps_) / cyc_ps;
  fmt::print("link up at core cycle {}; frame {} bytes to queue {} started at the far end at "
             "core cycle {:.0f} (sent at {})\n",
             link_cycle, len, q, start, sent_cycle);
  fmt::print("far-end frame start -> write-back written: {:.0f} core cycles; -> MSI request "
             "(vector {}): {:.0f} core cycles\n",
             double(*s.wb_cycle_) - start, m.vec, double(m.ps) / cyc_ps - start);
  fmt::print("PASS: {} core cycles\n", s.core_cyc_);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args args(argc, argv, "fpga_core_test");
  try {
    return run(args);
  } catch (const std::exception& e) {  // host memory's checks (protocol, ownership) throw
    fmt::print(stderr, "FAIL (seed {}): {}\n", args.seed, e.what());
    return 1;
  }
}
