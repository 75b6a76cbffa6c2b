// vmq::sim::Platform — the simulation backend of the driver (SPEC §8): the
// Verilated vmq_core with a host-memory model on its AXI4 master and a
// 10/25 GbE wire on its MAC streams. It is both the driver's RegIo (every
// register access is a real AXI4-Lite transaction on the core's port, and
// waiting runs the clock) and its DmaAllocator (an arena of this process's
// memory that the AXI memory model serves, so the driver and the core share
// bytes the way a host and a card share DRAM; any DMA outside the arena gets
// SLVERR, like an IOMMU fault).
//
// The Verilated model is hidden here (platform.cpp), so users of this header
// need no Verilator headers. One build configuration: kModel below.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>
#include <vmq/backend.hpp>

namespace vmq::sim {

struct PlatformConfig {
  double core_mhz = 250.0;
  double port_gbps = 10.0;           // wire pacing, both directions
  double rx_load = 1.0;              // offered receive load, fraction of port_gbps
  bool lossless = true;              // RX wire starts a frame only with room for a max frame
  uint64_t read_latency_ns = 1000;   // host memory read latency (PCIe round trip)
  uint64_t write_latency_ns = 64;
  uint64_t seed = 1;                 // power-up register values of the model
  std::string trace;                 // FST waveform file ("" = none)
  bool check_ownership = true;       // DMA ownership checker (docs/testing.md): stop on a violation
  std::size_t arena_bytes = std::size_t(1) << 30;  // DMA memory (reserved, touched lazily)
};

// The model's build parameters (the same values its ID registers report).
struct ModelInfo {
  unsigned data_w, axi_data_w, num_queues, num_filters, max_frame_bytes;
  std::string name;  // "vmq_core DataW=128 AxiDataW=128 NumQueues=16 NumFilters=64"
};
ModelInfo model_info();

struct WireFrame {
  std::vector<uint8_t> data;  // as the MAC stream carries it (no FCS)
  uint64_t start_cycle = 0, end_cycle = 0;
};

class Platform final : public RegIo, public DmaAllocator {
 public:
  explicit Platform(const PlatformConfig& cfg);
  ~Platform() override;
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  // RegIo
  uint32_t read32(uint32_t offset) override;
  void write32(uint32_t offset, uint32_t value) override;
  uint64_t now_ns() override;
  void delay_ns(uint64_t ns) override;
  bool has_irq() const override { return true; }
  uint64_t wait_irq(uint64_t queue_mask, uint64_t timeout_ns) override;
  std::string describe() const override;
  // DmaAllocator
  DmaRegion alloc(std::size_t bytes, std::size_t align) override;
  void free(const DmaRegion& r) override;

  // The wire, receive side: frames are offered in order, back to back at
  // port_gbps (frame + 24 bytes of FCS, preamble and gap). err sets tuser.
  void rx_offer(std::vector<uint8_t> frame, bool err = false);
  std::size_t rx_queued() const;      // offered, not yet completely on the stream
  uint64_t rx_started() const;        // frames whose first beat went in
  // The wire, transmit side: every frame the core sends, in wire order.
  std::function<void(const WireFrame&)> on_wire_tx;
  // Called after every clock edge (for example to sample internal state).
  std::function<void()> on_cycle;

  void run(uint64_t cycles);
  uint64_t cycle() const;
  double core_mhz() const { return cfg_.core_mhz; }
  double ns_per_cycle() const { return 1000.0 / cfg_.core_mhz; }
  // Nothing in flight on the AXI master or the MAC streams.
  bool quiet() const;
  // Interrupt lines as the core drives them now.
  uint64_t irq_lines() const;
  uint64_t register_accesses() const { return reg_accesses_; }
  // Wall-clock ns spent inside run() so far: a host model that times its own
  // work subtracts this (a register access inside the timed code runs the
  // simulation, which is not host work).
  uint64_t sim_wall_ns() const { return sim_wall_ns_; }
  uint64_t dma_faults() const;  // DMA bursts outside the arena (answered SLVERR)
  const std::vector<std::string>& fault_log() const { return faults_; }  // the first 16
  const PlatformConfig& config() const { return cfg_; }

 private:
  void run_cycles(uint64_t cycles);
  class SimClock;
  unsigned sim_depth_ = 0;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  PlatformConfig cfg_;
  uint64_t reg_accesses_ = 0;
  uint64_t sim_wall_ns_ = 0;
  std::vector<std::string> faults_;
  uint8_t* arena_ = nullptr;
  uint64_t arena_iova_ = 0;
  std::map<std::size_t, std::size_t> free_;   // offset -> bytes
  std::map<std::size_t, std::size_t> used_;
};

}  // namespace vmq::sim
