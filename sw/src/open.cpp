// vmq::open(uri) and the backend registry (open.hpp); the pci: and vfio:
// schemes of the driver library.
#include "vmq/open.hpp"

#include <fmt/core.h>

#include <mutex>

#include "vmq/error.hpp"
#include "vmq/pci.hpp"

namespace vmq {
namespace {

struct Entry {
  std::string scheme, syntax;
  BackendFactory make;
};

class PciBackend final : public OpenedBackend {
 public:
  PciBackend(const std::string& bdf, const OpenOptions& opt) : io_(bdf) {
    if (opt.need_dma) {
      if (!io_.bus_master_enabled())
        throw Error(Errc::DeviceError,
                    fmt::format("pci:{}: bus mastering is off, the core cannot reach host memory "
                                "(setpci -s {} COMMAND=0x06)",
                                io_.bdf(), io_.bdf()));
      dma_ = std::make_unique<HugepageDma>();
    } else {
      dma_ = std::make_unique<NoDma>();
    }
  }
  RegIo& regs() override { return io_; }
  DmaAllocator& dma() override { return *dma_; }

 private:
  PciResource0Io io_;
  std::unique_ptr<DmaAllocator> dma_;
};

class VfioBackend final : public OpenedBackend {
 public:
  explicit VfioBackend(const std::string& bdf) : dev_(bdf) {}
  RegIo& regs() override { return dev_.regs(); }
  DmaAllocator& dma() override { return dev_.dma(); }

 private:
  VfioDevice dev_;
};

std::mutex& registry_mutex() {
  static std::mutex m;
  return m;
}

std::vector<Entry>& registry() {
  static std::vector<Entry> r = [] {
    std::vector<Entry> v;
    v.push_back({"pci", "pci:BDF     the card: BAR0 through sysfs resource0 (root), DMA from hugepages, polling",
                 [](const std::string& rest, const OpenOptions& opt) -> std::unique_ptr<OpenedBackend> {
                   return std::make_unique<PciBackend>(rest, opt);
                 }});
    v.push_back({"vfio", "vfio:BDF    the card bound to vfio-pci: DMA through the IOMMU, interrupts",
                 [](const std::string& rest, const OpenOptions&) -> std::unique_ptr<OpenedBackend> {
                   return std::make_unique<VfioBackend>(rest);
                 }});
    return v;
  }();
  return r;
}

}  // namespace

DmaRegion NoDma::alloc(std::size_t bytes, std::size_t) {
  throw Error(Errc::Unsupported,
              fmt::format("no DMA memory: the device was opened for register access only "
                          "(asked for {} bytes)",
                          bytes));
}

void register_backend(const std::string& scheme, const std::string& syntax, BackendFactory f) {
  if (scheme.empty() || scheme.find(':') != std::string::npos)
    throw Error(Errc::InvalidArgument, fmt::format("register_backend: bad scheme \"{}\"", scheme));
  std::lock_guard<std::mutex> lk(registry_mutex());
  for (auto& e : registry())
    if (e.scheme == scheme) {
      e.syntax = syntax;
      e.make = std::move(f);
      return;
    }
  registry().push_back({scheme, syntax, std::move(f)});
}

std::vector<std::pair<std::string, std::string>> backends() {
  std::lock_guard<std::mutex> lk(registry_mutex());
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : registry()) out.emplace_back(e.scheme, e.syntax);
  return out;
}

std::string backends_help() {
  std::string s;
  for (const auto& [scheme, syntax] : backends()) s += "  " + syntax + "\n";
  return s;
}

std::unique_ptr<OpenedBackend> open(const std::string& uri, const OpenOptions& opt) {
  const auto colon = uri.find(':');
  std::string known;
  for (const auto& [scheme, syntax] : backends()) known += (known.empty() ? "" : ", ") + scheme + ":";
  if (colon == std::string::npos || colon == 0)
    throw Error(Errc::InvalidArgument,
                fmt::format("device \"{}\": a device is named <scheme>:<where>; schemes here: {}", uri,
                            known));
  const std::string scheme = uri.substr(0, colon);
  BackendFactory make;
  {
    std::lock_guard<std::mutex> lk(registry_mutex());
    for (const auto& e : registry())
      if (e.scheme == scheme) make = e.make;
  }
  if (!make)
    throw Error(Errc::InvalidArgument,
                fmt::format("device \"{}\": unknown scheme \"{}:\" (schemes here: {})", uri, scheme, known));
  auto b = make(uri.substr(colon + 1), opt);
  b->set_uri(uri);
  return b;
}

}  // namespace vmq
