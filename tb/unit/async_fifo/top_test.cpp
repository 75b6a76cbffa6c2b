// vmq_top smoke test (EthPhy = 1): the wiring of the core, the two
// clock-domain crossings, the MAC and the PCS (docs/vmq-top.md).
//
// The GT is a loopback: gt_txdata_o/gt_txheader_o feed gt_rxdata_i/
// gt_rxheader_i on one GT clock (156.25 MHz for TX and RX), the core runs on
// its own clock (250 MHz, unrelated phase). Checks:
// 1. after reset the PCS reaches block lock and rx_link_up_o rises within
//    500 GT cycles, without a gearbox slip, and stays up;
// 2. a register read through the AXI4-Lite port answers (ID_VERSION);
// 3. frames sent by the core from TX queue 0 (descriptors in a host-memory
//    model) cross the TX FIFO, the MAC and the PCS, come back through the
//    PCS, MAC and RX FIFO and are counted by the core (RX_FRAMES) with no
//    error drop; the MAC counts them sent and received with a good FCS and
//    the right byte counts; no PCS error block, no FIFO drop.
#include VMQ_MODEL_HEADER

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>
#include <vmq/vmq_regs.hpp>

#include "axi_mem.hpp"
#include "axil_master.hpp"
#include "two_clock.hpp"
#include "vmq_tb.hpp"

namespace {

using namespace vmq::tb;
namespace regs = vmq::regs;
using Model = VMQ_MODEL;

constexpr uint64_t kRing = 0x10000000ULL;
constexpr uint64_t kBufs = 0x20000000ULL;

class Bench {
 public:
  Bench(const Args& args)
      : sim_(args, ClockPair{"gt 156.25 : core 250 MHz", 6400, 4000, 1300, 0.0}, args.seed,
             args.trace),
        rng_(args.seed),
        bus_(sim_.dut(), rng_),
        mem_(sim_.dut(), rng_),
        own_(VMQ_PARAM_NumQueues, mem_.bus_bytes(), [this](uint64_t a) { return mem_.read_u64(a); }) {
    // every DMA access against what the test posted (sim/rig/dma_ownership.hpp)
    mem_.set_ownership(&own_);
    bus_.observe_write = [this](uint32_t a, uint32_t v, uint8_t strb) { own_.reg_write(a, v, strb); };
    bus_.observe_read = [this](uint32_t a, uint32_t v) { own_.reg_read(a, v); };
  }

  int run(unsigned nframes) {
    auto& d = sim_.dut();
    d.rst_i = 1;
    d.gt_tx_rst_i = 1;
    d.gt_rx_rst_i = 1;
    d.mac_rx_clk_i = 0;
    d.mac_rx_rst_i = 1;
    d.mac_tx_clk_i = 0;
    d.mac_tx_rst_i = 1;
    d.s_mac_rx_tvalid_i = 0;
    d.m_mac_tx_tready_i = 0;

    // 1. link up
    for (unsigned i = 0; i < 8; ++i) gt_cycle();
    d.gt_tx_rst_i = 0;
    d.gt_rx_rst_i = 0;
    d.rst_i = 0;
    // a slip pulse seen while the PCS was in reset is its random power-up
    // state (Verilator's x-initial values), not the lock FSM: count from here
    slips_ = 0;
    const uint64_t c0 = sim_.wr_cycle();
    uint64_t lock_at = 0, up_at = 0;
    while (!d.rx_link_up_o) {
      if (sim_.wr_cycle() - c0 > 500)
        fail(fmt::format("no link after 500 GT cycles (block lock {}, high BER {})",
                         int(d.rx_block_lock_o), int(d.rx_high_ber_o)));
      gt_cycle();
      if (d.rx_block_lock_o && !lock_at) lock_at = sim_.wr_cycle() - c0;
    }
    up_at = sim_.wr_cycle() - c0;
    if (!lock_at) lock_at = up_at;
    fmt::print("  block lock after {} GT cycles, link up after {} ({} gearbox slips)\n", lock_at,
               up_at, slips_);
    if (slips_) fail("gearbox slips on an aligned loopback");
    link_watch_ = true;

    // 2. a register
    const uint32_t ver = rd(regs::ID_VERSION);
    if (ver != regs::ID_VERSION_RESET)
      fail(fmt::format("ID_VERSION {:#x}, expected {:#x}", ver, regs::ID_VERSION_RESET));

    // 3. frames around the loop
    wr(regs::Q_TX_BASE_LO(0), uint32_t(kRing));
    wr(regs::Q_TX_BASE_HI(0), uint32_t(kRing >> 32));
    wr(regs::Q_TX_SIZE(0), 4);
    wr(regs::Q_TX_TAIL(0), 0);
    wr(regs::Q_TX_CTRL(0), regs::Q_TX_CTRL_ENABLE_MASK);
    for (unsigned n = 0; !(rd(regs::Q_TX_STATUS(0)) & regs::Q_TX_STATUS_RUNNING_MASK); ++n)
      if (n > 100) fail("TX queue 0 does not run");
    uint64_t bytes = 0;
    for (unsigned i = 0; i < nframes; ++i) {
      const unsigned len = i == 0 ? 60 : i == 1 ? 1518 : unsigned(rng_.range(60, 1518));
      std::vector<uint8_t> f(len);
      for (auto& b : f) b = uint8_t(rng_.u64());
      f[0] = 0x02;  // unicast DA
      const uint64_t a = kBufs + uint64_t(i) * 0x1000;
      mem_.write_bytes(a, f);
      uint64_t w1 = 0;
      w1 = regs::fmt::put(w1, regs::fmt::TX_DESC_LEN, len);
      w1 = regs::fmt::put(w1, regs::fmt::TX_DESC_EOP, 1);
      mem_.write_u64(kRing + i * 16, a);
      mem_.write_u64(kRing + i * 16 + 8, w1);
      bytes += len;
    }
    wr(regs::Q_TX_TAIL(0), nframes);
    const uint64_t t0 = sim_.rd_cycle();
    while (d.mac_rx_frames_o + d.mac_rx_fcs_errors_o + d.mac_rx_code_errors_o < nframes) {
      if (sim_.rd_cycle() - t0 > 200000)
        fail(fmt::format("{} of {} frames came back (MAC sent {})", d.mac_rx_frames_o, nframes,
                         d.mac_tx_frames_o));
      core_cycle();
    }
    for (unsigned i = 0; i < 200; ++i) core_cycle();  // into the core's counters
    const uint32_t rx_frames = rd(regs::RX_FRAMES_LO);
    const uint32_t rx_err = rd(regs::RX_ERR_DROPS_LO);
    const uint32_t rx_runt = rd(regs::RX_RUNT_DROPS_LO);
    fmt::print(
        "  {} frames ({} bytes): MAC tx {} / {} B, rx {} / {} B, fcs errors {}, code "
        "errors {}; core rx_frames {}, rx_err_drops {}; {} core cycles\n",
        nframes, bytes, d.mac_tx_frames_o, d.mac_tx_bytes_o, d.mac_rx_frames_o, d.mac_rx_bytes_o,
        d.mac_rx_fcs_errors_o, d.mac_rx_code_errors_o, rx_frames, rx_err, sim_.rd_cycle() - t0);
    if (d.mac_tx_frames_o != nframes || d.mac_tx_bytes_o != bytes || d.mac_tx_underruns_o ||
        d.mac_tx_errors_o)
      fail(fmt::format("MAC TX counted {} frames / {} bytes, {} underruns, {} errors",
                       d.mac_tx_frames_o, d.mac_tx_bytes_o, d.mac_tx_underruns_o,
                       d.mac_tx_errors_o));
    if (d.mac_rx_frames_o != nframes || d.mac_rx_bytes_o != bytes || d.mac_rx_fcs_errors_o ||
        d.mac_rx_code_errors_o)
      fail("MAC RX counters differ from what was sent");
    if (rx_frames != nframes || rx_err || rx_runt)
      fail(fmt::format("core counted {} frames, {} error drops, {} runts", rx_frames, rx_err,
                       rx_runt));
    if (d.pcs_rx_err_blocks_o || d.pcs_rx_lock_losses_o || d.rx_fifo_drops_o || d.tx_fifo_drops_o)
      fail(fmt::format("PCS error blocks {}, lock losses {}, FIFO drops rx {} tx {}",
                       d.pcs_rx_err_blocks_o, d.pcs_rx_lock_losses_o, d.rx_fifo_drops_o,
                       d.tx_fifo_drops_o));
    return 0;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(fmt::format("t={} ps, GT cycle {}, core cycle {}: {}", sim_.now(),
                                         sim_.wr_cycle(), sim_.rd_cycle(), what));
  }
  unsigned step() {
    return sim_.run_edge(
        [](Model& m, bool g, bool c) {
          m.gt_tx_clk_i = g;
          m.gt_rx_clk_i = g;
          m.clk_i = c;
        },
        [](unsigned) {}, [&] { sample_gt(); },
        [&] {
          if (sim_.dut().rst_i) return;  // the core's outputs mean nothing before its reset
          mem_.sample();
          bus_.sample();
        },
        [&] { drive_gt(); },
        [&] {
          if (sim_.dut().rst_i) return;
          mem_.drive();
          bus_.drive();
        });
  }
  void gt_cycle() {
    while (!(step() & 1)) {
    }
  }
  void core_cycle() {
    while (!(step() & 2)) {
    }
  }
  void sample_gt() {
    auto& d = sim_.dut();
    if (d.gt_rxgearboxslip_o) ++slips_;
    if (link_watch_ && !d.rx_link_up_o) fail("link lost");
  }
  void drive_gt() {
    auto& d = sim_.dut();
    d.gt_rxdata_i = d.gt_txdata_o;  // loopback
    d.gt_rxheader_i = d.gt_txheader_o;
  }
  void wr(uint32_t a, uint32_t v) {
    bus_.write(a, v);
    bus_.wait_idle([this] { core_cycle(); });
  }
  uint32_t rd(uint32_t a) {
    return bus_.read_wait(a, [this] { core_cycle(); });
  }

  TwoClockSim<Model> sim_;
  Rng rng_;
  AxilMaster<Model> bus_;
  AxiMem<Model> mem_;
  vmq::rig::DmaOwnership own_;
  uint64_t slips_ = 0;
  bool link_watch_ = false;
};

}  // namespace

int main(int argc, char** argv) {
  Args args(argc, argv, VMQ_TEST_NAME);
  try {
    Bench b(args);
    b.run(unsigned(args.get("frames", 12)));
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: FAIL: {} (seed {})\n", VMQ_TEST_NAME, e.what(), args.seed);
    return 1;
  }
  fmt::print("{}: PASS\n", VMQ_TEST_NAME);
  return 0;
}
