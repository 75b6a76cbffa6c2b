// System test: the L2 sorter programmed only through the register block.
//
// Every setting and filter entry is written over AXI4-Lite using the
// generated register header (sw/include/vmq/vmq_regs.hpp), read back through
// FILT_RD_*, and then random traffic is checked frame by frame against the
// reference model configured with the same values. This proves the one
// register source end to end: offsets, field positions, MAC byte order,
// queue-mask halves, the atomic commit, and global soft reset.
//
//   sorter_csr_test --seed N [--phases N] [--frames N]
#include <vmq/vmq_regs.hpp>

#include "axil_master.hpp"
#include "rx_regs.hpp"
#include "sorter_harness.hpp"
#include "sorter_stimulus.hpp"

using namespace vmq;
using namespace vmq::tb;
namespace regs = vmq::regs;
using P = SorterParams;
using Harness = SorterHarnessT<VMQ_MODEL>;

namespace {

class Sys {
 public:
  Sys(const Args& args, uint64_t seed)
      : h(args, seed, SorterKnobs{0.2, 0.2, 0.2}), bus(h.dut(), h.rng()) {
    h.on_drive = [this] { bus.drive(); };
    h.on_sample = [this] { bus.sample(); };
  }

  void wr(uint32_t a, uint32_t v) {
    bus.write_wait(a, v, [this] { h.step(); });
  }
  uint32_t rd(uint32_t a) {
    return bus.read_wait(a, [this] { h.step(); });
  }
  void expect(uint32_t a, uint32_t want, const char* what) {
    const uint32_t got = rd(a);
    if (got != want)
      h.fail(fmt::format("register 0x{:04x} ({}): read 0x{:08x}, expected 0x{:08x}", a, what, got,
                         want));
  }

  // Program everything the sorter uses, the way a driver would.
  void program(const model::RxConfig& c) {
    program_rx_regs([this](uint32_t a, uint32_t v) { wr(a, v); }, c, P::NumQueues, P::NumFilters);
  }

  void check_filter(unsigned i, const model::Filter& f) {
    wr(regs::FILT_IDX, i);
    expect(regs::FILT_RD_CFG, filt_cfg_word(f), "FILT_RD_CFG");
    expect(regs::FILT_RD_MAC_LO, uint32_t(f.mac), "FILT_RD_MAC_LO");
    expect(regs::FILT_RD_MAC_HI, uint32_t(f.mac >> 32), "FILT_RD_MAC_HI");
    expect(regs::FILT_RD_QMASK_LO, uint32_t(f.qmask), "FILT_RD_QMASK_LO");
    expect(regs::FILT_RD_QMASK_HI, uint32_t(f.qmask >> 32), "FILT_RD_QMASK_HI");
  }

  Harness h;
  AxilMaster<VMQ_MODEL> bus;
};

}  // namespace

int main(int argc, char** argv) {
  Verilated::commandArgs(argc, argv);
  Args args(argc, argv, VMQ_TEST_NAME);
  const uint64_t phases = args.get("phases", 6), frames = args.get("frames", 1500);
  try {
    Sys s(args, args.seed);
    Rng& r = s.h.rng();
    const SorterStimulus stim{P::NumQueues, P::MaxFrameBytes};

    // Identification: what a driver checks before it touches anything else.
    s.expect(regs::ID_MAGIC, regs::MAGIC, "ID_MAGIC");
    s.expect(regs::ID_NUM_QUEUES, P::NumQueues, "ID_NUM_QUEUES");
    s.expect(regs::ID_NUM_FILTERS, P::NumFilters, "ID_NUM_FILTERS");
    s.expect(regs::ID_DATA_W, P::DataW, "ID_DATA_W");

    // Out of reset: every queue disabled, so every good frame is unmatched
    // (the default queue needs queue 0 enabled).
    model::RxConfig reset_cfg(P::NumFilters);
    s.h.set_model_config(reset_cfg);
    for (int i = 0; i < 50; ++i) {
      auto f = stim.frame(r);
      s.h.send(f.bytes, f.tuser, f.keep_fault);
    }
    s.h.drain();

    uint64_t checked = 0;
    for (uint64_t ph = 0; ph < phases; ++ph) {
      model::RxConfig c = stim.ports(r, model::RxConfig(P::NumFilters));
      for (auto& f : c.filters) f = stim.filter(r);
      s.program(c);
      for (unsigned k = 0; k < 4; ++k) {
        const unsigned i = unsigned(r.range(0, P::NumFilters - 1));
        s.check_filter(i, c.filters[i]);
      }
      s.h.set_model_config(c);
      for (uint64_t i = 0; i < frames; ++i) {
        auto f = stim.frame(r);
        s.h.send(f.bytes, f.tuser, f.keep_fault);
        if (s.h.frames_pending() > 16) s.h.drain();
      }
      s.h.drain();
      checked = s.h.decisions();
      fmt::print("phase {}: {} filters programmed over AXI4-Lite, {} frames checked so far\n", ph,
                 P::NumFilters, checked);
    }

    // Global soft reset: table and settings back to their reset values.
    s.wr(regs::RESET, regs::RESET_SOFT_MASK);
    s.expect(regs::RX_TPID, regs::RX_TPID_RESET, "RX_TPID after soft reset");
    s.expect(regs::CTRL, regs::CTRL_RESET, "CTRL after soft reset");
    s.check_filter(0, model::Filter{});
    s.check_filter(P::NumFilters - 1, model::Filter{});
    s.h.set_model_config(reset_cfg);
    for (int i = 0; i < 50; ++i) {
      auto f = stim.frame(r);
      s.h.send(f.bytes, f.tuser, f.keep_fault);
    }
    s.h.drain();
    fmt::print("{}: {} frames, {} register accesses, {} cycles\nPASS (seed {})\n", VMQ_TEST_NAME,
               s.h.decisions(), s.bus.completed(), s.h.cycle(), args.seed);
    return 0;
  } catch (const std::exception& e) {
    fmt::print("FAIL (seed {}): {}\n", args.seed, e.what());
    return 1;
  }
}
