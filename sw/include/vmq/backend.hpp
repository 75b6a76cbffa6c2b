// The two things the driver needs from a platform (SPEC §8): register access
// to the card's 1 MiB register window (BAR0), and DMA memory the core can reach.
// The driver (device.hpp) only ever talks to these interfaces, so the same
// code runs on the simulated core (sim/platform) and on the PCIe card
// (pci.hpp: sysfs resource0 mmap + hugepages, or VFIO).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace vmq {

class RegIo {
 public:
  virtual ~RegIo() = default;
  // 32-bit register access at a byte offset in the register window.
  virtual uint32_t read32(uint32_t offset) = 0;
  virtual void write32(uint32_t offset, uint32_t value) = 0;
  // Device time in ns: steady clock on hardware, simulated time in simulation.
  virtual uint64_t now_ns() = 0;
  // Let about `ns` of device time pass (polling loops). Hardware: sleep or
  // spin; simulation: run the clock.
  virtual void delay_ns(uint64_t ns) = 0;
  // Interrupts. Backends that cannot deliver them (resource0: only VFIO
  // delivers interrupts to user space on Linux) return false from has_irq()
  // and the driver polls instead.
  virtual bool has_irq() const { return false; }
  // Wait until an interrupt line of a queue in `queue_mask` is asserted or
  // `timeout_ns` of device time passed; returns the asserted lines in the mask
  // (0 on timeout).
  virtual uint64_t wait_irq(uint64_t queue_mask, uint64_t timeout_ns) {
    (void)queue_mask;
    delay_ns(timeout_ns);
    return 0;
  }
  // One line for logs and vmqctl: "sim vmq_core DataW=128 ...", "pci 0000:01:00.0".
  virtual std::string describe() const = 0;
};

// A block of DMA memory: `cpu` is where the host reads and writes it, `iova`
// the address the core puts on its AXI master for byte 0.
struct DmaRegion {
  uint8_t* cpu = nullptr;
  uint64_t iova = 0;
  std::size_t bytes = 0;
  explicit operator bool() const { return cpu != nullptr; }
};

class DmaAllocator {
 public:
  virtual ~DmaAllocator() = default;
  // Zeroed memory, `align` a power of two (>= 16), physically contiguous for
  // the device. Throws vmq::Error(NoResources / Permission) with the reason.
  virtual DmaRegion alloc(std::size_t bytes, std::size_t align) = 0;
  virtual void free(const DmaRegion& r) = 0;
  virtual std::string describe() const = 0;
};

}  // namespace vmq
