// vmq::open(uri): one way to name a device, for every program and backend
// (docs/driver.md "Naming a device").
//
//   pci:0000:01:00.0    the card: BAR0 through sysfs resource0 (root), DMA
//                       memory from 2 MiB hugepages; the driver polls
//   vfio:0000:01:00.0   the card through VFIO (bound to vfio-pci): DMA
//                       through the IOMMU, MSI/MSI-X interrupts
//   sim:                the simulated core (sim/platform); sim:FILE also sets
//                       it up from a scenario file (SPEC §9)
//
// The driver library knows pci: and vfio:. Backends that live elsewhere (the
// simulation platform; later the SystemC model and the QEMU guest's card)
// add their scheme with register_backend(), so a program that links them
// accepts their URIs through the same call and the same --device flag.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "backend.hpp"

namespace vmq {

// What a backend hands the driver, alive as long as this object:
//   vmq::Device dev(b->regs(), b->dma(), ...)
class OpenedBackend {
 public:
  virtual ~OpenedBackend() = default;
  virtual RegIo& regs() = 0;
  // Throws Unsupported from alloc() when opened with need_dma = false.
  virtual DmaAllocator& dma() = 0;
  // The URI it was opened with, as given.
  const std::string& uri() const { return uri_; }
  void set_uri(std::string u) { uri_ = std::move(u); }

 private:
  std::string uri_;
};

struct OpenOptions {
  // false: register access only (inspection, vmqctl): no DMA memory is
  // reserved, so pci: needs no hugepages.
  bool need_dma = true;
};

// rest: the URI after "<scheme>:". Throws vmq::Error naming what is wrong.
using BackendFactory =
    std::function<std::unique_ptr<OpenedBackend>(const std::string& rest, const OpenOptions& opt)>;

// Adds (or replaces) a scheme. syntax is the one-line help: "sim:[FILE]  the
// simulated core ...".
void register_backend(const std::string& scheme, const std::string& syntax, BackendFactory f);

// Opens the device a URI names. Throws vmq::Error: InvalidArgument for a URI
// without a known scheme (the message lists the known ones), and whatever
// the backend throws (NoDevice, Permission, ...).
std::unique_ptr<OpenedBackend> open(const std::string& uri, const OpenOptions& opt = {});

// The registered schemes with their syntax lines, in registration order.
std::vector<std::pair<std::string, std::string>> backends();
// Those lines as a help paragraph ("  pci:BDF    ...\n").
std::string backends_help();

// A DmaAllocator that has none to give (need_dma = false).
class NoDma final : public DmaAllocator {
 public:
  DmaRegion alloc(std::size_t bytes, std::size_t align) override;
  void free(const DmaRegion&) override {}
  std::string describe() const override { return "no DMA memory (opened for register access)"; }
};

}  // namespace vmq
