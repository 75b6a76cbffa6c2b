// The rig for vmq_core's host side, one for every harness that drives the
// core on its own ports (the receive and transmit system tests, the receive
// bench, the simulation platform): host memory behind the DMA master
// (AxiMem), the AXI4-Lite master for the registers (AxilMaster), and the DMA
// ownership checker wired to both, so that every register access the host
// makes and every DMA access the core makes are checked the same way
// everywhere. On top: register helpers and the reset helpers (SPEC §4: a
// reset is done when its busy bit reads 0; no caller assumes a one-cycle
// reset, so the rework that clears RAM by sweeps breaks nothing).
//
// The caller owns the model and its clock: it passes how to advance one
// cycle (`step`), read the cycle count and fail. docs/testing.md "Layout".
#pragma once

#include <fmt/core.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vmq/vmq_regs.hpp>

#include "axi_mem.hpp"
#include "axil_master.hpp"
#include "dma_ownership.hpp"
#include "verilated_bits.hpp"

namespace vmq::rig {

// Host-memory profiles (SPEC §2): "sim" (the default: no outstanding limit)
// and "card" (the card's bridge: 8 reads / 8 writes in flight, contiguous
// strobes, 48-bit addresses). Throws on an unknown name.
inline void apply_mem_profile(AxiMemConfig& c, std::string_view profile) {
  if (profile.empty() || profile == "sim") return;
  if (profile != "card")
    throw std::invalid_argument(fmt::format("unknown host-memory profile '{}' (sim, card)", profile));
  const AxiMemConfig k = AxiMemConfig::card();
  c.max_reads = k.max_reads;
  c.max_writes = k.max_writes;
  c.contiguous_strobes = k.contiguous_strobes;
  c.addr_bits = k.addr_bits;
}

template <class Dut>
class CoreRig {
 public:
  struct Hooks {
    std::function<void()> step;                         // one core clock cycle
    std::function<uint64_t()> cycle;                    // cycles so far
    std::function<void(const std::string&)> fail;       // must not return
  };
  struct Options {
    unsigned num_queues = 16;
    AxiMemConfig mem;
    double axil_p_delay = 0.0, axil_p_stall = 0.0;  // AXI4-Lite valid delays, ready stalls
    bool check_ownership = true;
  };

  CoreRig(Dut& d, Rng& rng, const Options& o, Hooks h)
      : bus(d, rng, o.axil_p_delay, o.axil_p_stall),
        mem(d, rng, o.mem),
        own(o.num_queues, mem.bus_bytes(), [this](uint64_t a) { return mem.read_u64(a); }),
        h_(std::move(h)) {
    if (o.check_ownership) {
      mem.set_ownership(&own);
      bus.observe_write = [this](uint32_t a, uint32_t v, uint8_t strb) { own.reg_write(a, v, strb); };
      bus.observe_read = [this](uint32_t a, uint32_t v) { own.reg_read(a, v); };
    }
  }
  CoreRig(const CoreRig&) = delete;
  CoreRig& operator=(const CoreRig&) = delete;

  AxilMaster<Dut> bus;
  AxiMem<Dut> mem;
  DmaOwnership own;  // every DMA access against what the host posted

  // ------------------------------------------------------------ registers
  void wr(uint32_t a, uint32_t v) {
    bus.write(a, v);
    bus.wait_idle([this] { h_.step(); });
  }
  uint32_t rd(uint32_t a) { return bus.read_wait(a, [this] { h_.step(); }); }
  // a 64-bit counter: HI, LO, HI (vmq::regs::read_counter64); hi must be lo + 4
  uint64_t rd64(uint32_t lo, uint32_t hi) {
    if (hi != lo + 4) h_.fail(fmt::format("rd64: 0x{:x} is not the _HI of 0x{:x}", hi, lo));
    return vmq::regs::read_counter64([this](uint32_t a) { return rd(a); }, lo);
  }
  // Read `a` every 16 cycles until (v & mask) == want; fail after `timeout` cycles.
  uint32_t poll_reg(uint32_t a, uint32_t mask, uint32_t want, const std::string& what,
                    uint64_t timeout = 400000) {
    const uint64_t t0 = h_.cycle();
    for (;;) {
      const uint32_t v = rd(a);
      if ((v & mask) == want) return v;
      if (h_.cycle() - t0 > timeout)
        h_.fail(fmt::format("{}: register 0x{:04x} = 0x{:08x} after {} cycles, waiting for "
                            "(v & 0x{:x}) == 0x{:x}",
                            what, a, v, timeout, mask, want));
      for (int i = 0; i < 16; ++i) h_.step();
    }
  }

  // ------------------------------------------------------------ resets (SPEC §4)
  // After power-up: STATUS.RESET_BUSY until it reads 0 (the RAM-held state,
  // the per-queue statistics today, is cleared by a sweep meanwhile, and new
  // work waits for it); a host programs nothing before.
  void wait_reset_done(uint64_t timeout = 400000) {
    namespace r = vmq::regs;
    poll_reg(r::STATUS, r::STATUS_RESET_BUSY_MASK, 0, "power-up reset (STATUS.RESET_BUSY)", timeout);
  }
  // Global soft reset: RESET.SOFT, then STATUS.RESET_BUSY until it reads 0.
  void soft_reset(uint64_t timeout = 400000) {
    namespace r = vmq::regs;
    wr(r::RESET, r::RESET_SOFT_MASK);
    poll_reg(r::STATUS, r::STATUS_RESET_BUSY_MASK, 0, "global soft reset (STATUS.RESET_BUSY)",
             timeout);
  }
  // Per-queue reset of one direction: Q_*_CMD.RESET, then Q_*_STATUS until
  // RESETTING (and ERROR, which the reset clears) read 0; CAUSE must read 0 then.
  void queue_reset(bool tx, unsigned q, uint64_t timeout = 400000) {
    namespace r = vmq::regs;
    const uint32_t st = tx ? r::Q_TX_STATUS(q) : r::Q_RX_STATUS(q);
    wr(tx ? r::Q_TX_CMD(q) : r::Q_RX_CMD(q), r::Q_RX_CMD_RESET_MASK);
    const uint32_t v = poll_reg(st, r::Q_RX_STATUS_RESETTING_MASK | r::Q_RX_STATUS_ERROR_MASK, 0,
                                fmt::format("{} queue {} reset", tx ? "tx" : "rx", q), timeout);
    if (v & r::Q_RX_STATUS_CAUSE_MASK)
      h_.fail(fmt::format("{} queue {}: STATUS 0x{:x} after its reset: CAUSE not cleared",
                          tx ? "tx" : "rx", q, v));
  }
  static_assert(vmq::regs::Q_RX_CMD_RESET_MASK == vmq::regs::Q_TX_CMD_RESET_MASK &&
                    vmq::regs::Q_RX_STATUS_RESETTING_MASK == vmq::regs::Q_TX_STATUS_RESETTING_MASK &&
                    vmq::regs::Q_RX_STATUS_ERROR_MASK == vmq::regs::Q_TX_STATUS_ERROR_MASK &&
                    vmq::regs::Q_RX_STATUS_CAUSE_MASK == vmq::regs::Q_TX_STATUS_CAUSE_MASK,
                "the per-queue reset helper serves both directions");

 private:
  Hooks h_;
};

}  // namespace vmq::rig
