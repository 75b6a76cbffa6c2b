// Linux PCI backends for the vmq driver (SPEC §8): how the driver reaches the
// core on the PCIe card (AMD KCU105). Two ways, pick one per process:
//
//   1. PciResource0Io + HugepageDma: BAR0 by mmap of sysfs resource0, DMA
//      memory from 2 MiB hugepages with physical addresses from
//      /proc/self/pagemap. No IOMMU involvement (the device gets physical
//      addresses, so the IOMMU must be off or in passthrough for it), no
//      interrupts (the driver polls), needs root. Simple, for bring-up.
//   2. VfioDevice: the device bound to vfio-pci; BAR0 mmap, IOMMU-mapped DMA
//      memory (iova from our own allocator) and MSI-X/MSI interrupts through
//      eventfds. The way to run in production; root or a user given the
//      /dev/vfio/<group> file and enough locked-memory limit.
//
// Every failure throws vmq::Error (error.hpp) whose message names the
// operation, the path or value, the OS reason, and the fix where there is an
// obvious one. docs/driver-pci.md tells how to set a machine up for each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "vmq/backend.hpp"

namespace vmq {

// PCI identity of the core. Provisional: the FPGA build (fpga/) pushes the
// same values into the PCIe IP.
inline constexpr uint16_t kPciVendorId = 0x10ee;  // Xilinx
inline constexpr uint16_t kPciDeviceId = 0x9e51;  // "vmq"
inline constexpr uint64_t kBar0Bytes = 0x100000;  // the register window (BAR0): core 0x00000.., board 0x80000..

inline constexpr const char* kPciSysfsRoot = "/sys/bus/pci/devices";

struct PciDeviceInfo {
  std::string bdf;          // canonical "0000:01:00.0"
  uint16_t vendor = 0;
  uint16_t device = 0;
  std::string driver;       // bound kernel driver ("vfio-pci", ...) or "" if none
  std::string iommu_group;  // IOMMU group number ("7") or "" if none
};

// Every PCI function under sysfs_root with our vendor/device ids, sorted by
// BDF. A missing sysfs_root gives an empty list; an unreadable one throws
// Permission/NoDevice.
std::vector<PciDeviceInfo> pci_find_devices(const std::string& sysfs_root = kPciSysfsRoot);

// "DDDD:BB:DD.F" or "BB:DD.F" (domain 0000 added), hex in either case, device
// <= 1f, function <= 7 -> canonical lower-case "dddd:bb:dd.f" (a domain above
// ffff, as VMD uses, keeps its digits). Anything else: InvalidArgument naming
// the string.
std::string pci_canonical_bdf(const std::string& bdf);

// ---------------------------------------------------------------------------
// BAR0 by mmap of <sysfs_root>/<bdf>/resource0 (needs root). No interrupts
// (has_irq() false: only VFIO delivers them to user space); the driver polls.
// The constructor checks, in order: bdf syntax (InvalidArgument), the device
// directory (NoDevice), vendor/device ids (NoDevice naming what it found),
// memory decoding on (config COMMAND bit 1, or the `enable` file when config
// is unreadable; DeviceError with the fix), resource0 present and at least
// kBar0Bytes (DeviceError), open (Permission for EACCES/EPERM), mmap. It never
// writes config space. Bus mastering off is not an error for register access
// but DMA will not work: bus_master_enabled() tells, describe() says so.
class PciResource0Io : public RegIo {
 public:
  explicit PciResource0Io(const std::string& bdf, const std::string& sysfs_root = kPciSysfsRoot);
  ~PciResource0Io() override;
  PciResource0Io(const PciResource0Io&) = delete;
  PciResource0Io& operator=(const PciResource0Io&) = delete;

  // Volatile 32-bit access; off must be < kBar0Bytes and 4-aligned, else
  // InvalidArgument.
  uint32_t read32(uint32_t off) override;
  void write32(uint32_t off, uint32_t v) override;
  uint64_t now_ns() override;           // CLOCK_MONOTONIC
  void delay_ns(uint64_t ns) override;  // spins below 50 us, nanosleep above
  // "pci 0000:01:00.0 resource0 (polling)"; ", bus master off" appended when
  // the COMMAND register says so.
  std::string describe() const override;

  const std::string& bdf() const { return bdf_; }
  // From config COMMAND bit 2 at construction; true if config was unreadable.
  bool bus_master_enabled() const { return bus_master_; }

 private:
  std::string bdf_;
  std::string path_;
  int fd_ = -1;
  volatile uint8_t* base_ = nullptr;
  bool bus_master_ = true;
};

// Physical address of `vaddr` from its 8-byte /proc/<pid>/pagemap entry: bit
// 63 present, bits 54:0 the page frame number in units of `page_size`, the
// kernel's base page size (4096 on x86-64; the pagemap is indexed and its PFNs
// counted in base pages even inside a hugepage). nullopt if the page is not
// present, the PFN is 0 (the kernel hides PFNs from callers without
// CAP_SYS_ADMIN), or page_size is not a power of two.
std::optional<uint64_t> pagemap_entry_to_phys(uint64_t entry, uint64_t vaddr, uint64_t page_size);

// ---------------------------------------------------------------------------
// DMA memory from 2 MiB hugepages (mmap MAP_HUGETLB|MAP_LOCKED|MAP_POPULATE,
// MADV_DONTFORK), iova = physical address from /proc/self/pagemap (needs
// CAP_SYS_ADMIN: the constructor translates one page and throws Permission if
// the kernel hides PFNs). Requests up to one page are sub-allocated from the
// current page-sized chunk (a hugepage is physically contiguous); a chunk is
// unmapped when its last region is freed (the current one is kept for reuse). Larger requests get their own
// mapping, accepted only if the kernel happened to give physically contiguous
// hugepages (else NoResources). align must be a power of two in 16..page size.
// No hugepages (mmap ENOMEM) -> NoResources with the fix
// ("echo 64 > /proc/sys/vm/nr_hugepages"). Thread-safe.
//
// Testing seam: HugepageDma(pagemap_path, /*small_pages=*/true) uses ordinary
// 4 KiB pages (each one physically contiguous on its own), so the pagemap path
// can be exercised without hugepages. Do not use that mode with the device:
// ordinary pages can be migrated by the kernel (compaction) even when locked.
class HugepageDma : public DmaAllocator {
 public:
  HugepageDma();  // 2 MiB hugepages, /proc/self/pagemap
  HugepageDma(const std::string& pagemap_path, bool small_pages);
  ~HugepageDma() override;
  HugepageDma(const HugepageDma&) = delete;
  HugepageDma& operator=(const HugepageDma&) = delete;

  DmaRegion alloc(std::size_t bytes, std::size_t align) override;
  // Unknown or already freed regions: InvalidArgument. An empty region: no-op.
  void free(const DmaRegion& r) override;
  // "hugepage dma 2 MiB pages (/proc/self/pagemap): 1 chunk, 3 regions"
  std::string describe() const override;

  // Physical address of a byte of this process (reads the pagemap now).
  // Throws Permission (PFN hidden) or DeviceError (page not present).
  uint64_t virt_to_phys(const void* p) const;
  std::size_t page_bytes() const { return page_; }

 private:
  struct Chunk {
    uint8_t* cpu = nullptr;
    uint64_t phys = 0;
    std::size_t bytes = 0;
    std::size_t used = 0;  // bump pointer (sub-allocation)
    std::size_t live = 0;  // regions not yet freed
  };
  struct Live {
    Chunk* chunk;
    uint64_t iova;
    std::size_t bytes;
  };
  Chunk* map_chunk(std::size_t bytes, std::size_t requested);  // throws; lock held
  void unmap_chunk(Chunk* c);           // lock held

  std::string pagemap_path_;
  int pagemap_fd_ = -1;
  bool small_pages_ = false;
  std::size_t page_ = 0;       // chunk page size: 2 MiB or the base page size
  std::size_t base_page_ = 0;  // the kernel's base page size (pagemap unit)
  mutable std::mutex mu_;
  std::map<uint8_t*, std::unique_ptr<Chunk>> chunks_;
  std::map<uint8_t*, Live> live_;
  Chunk* current_ = nullptr;
};

// ---------------------------------------------------------------------------
// KCU105 board registers (BAR0 0x80000.., docs/board-registers.md,
// vmq_board_regs.hpp). Public so they can be tested without a card.
//
// True when BAR0 holds the board registers (BRD_MAGIC reads "FPGA").
bool has_board_regs(RegIo& regs);
// With fewer MSI vectors than queues, one vector serves several queues; the
// board's per-queue cause register (BRD_IRQ_CAUSE_LO/HI, write 1 to clear)
// tells them apart. Reads both halves, clears the set bits that are in
// `queue_mask` and returns them; other queues' bits stay set for their
// waiter. Halves without a queue in the mask are neither read nor written.
uint64_t take_board_irq_causes(RegIo& regs, uint64_t queue_mask);

// ---------------------------------------------------------------------------
// I/O virtual address space manager used by VfioDevice (public so it can be
// tested without a device). Holds free ranges; first fit with alignment.
class IovaAllocator {
 public:
  // Adds [start, end] (inclusive, as VFIO reports ranges) to the free space;
  // overlapping what is already there throws InvalidArgument.
  void add_range(uint64_t start, uint64_t end_inclusive);
  // bytes > 0, align a power of two. nullopt if no free range fits.
  std::optional<uint64_t> alloc(uint64_t bytes, uint64_t align);
  // Returns exactly a range handed out by alloc() (same iova and bytes);
  // anything else (double free, never allocated, other size) throws
  // InvalidArgument.
  void free(uint64_t iova, uint64_t bytes);
  uint64_t free_bytes() const;
  std::size_t free_ranges() const { return free_.size(); }
  std::size_t allocated() const { return used_.size(); }

 private:
  void insert_free(uint64_t start, uint64_t bytes, const char* who);
  std::map<uint64_t, uint64_t> free_;  // start -> bytes, disjoint, coalesced
  std::map<uint64_t, uint64_t> used_;  // start -> bytes handed out
};

// VFIO (legacy container/group API, type1 IOMMU): one VfioDevice owns a
// container, the device's group and the device fd. regs() is BAR0 (mmap'ed
// region, or pread/pwrite on the device fd if the kernel does not allow mmap);
// dma() maps anonymous memory (4 KiB granularity, page-aligned cpu pointer,
// iova aligned to max(align, 4 KiB)) with VFIO_IOMMU_MAP_DMA. The constructor
// sets bus mastering in the COMMAND register (through the VFIO config region)
// and, unless max_irq_vectors is 0, enables MSI-X (or MSI) with one eventfd
// per vector: regs().has_irq() is then true. Queue q is served by vector
// q % irq_vectors() (the FPGA build's vmq_msi sends queue q on vector
// q mod vectors). When BAR0 has the board registers (has_board_regs), wait_irq
// reports the queues whose board cause bit is set and clears those bits
// (take_board_irq_causes), so a shared vector wakes only the queues that
// raised it; without them, or if no cause bit of a fired vector's queues is
// set, it reports every queue of the vector, and the driver's Q_INT_CAUSE
// read tells which had work.
// Both interfaces live as long as the VfioDevice; its destructor disables
// interrupts, unmaps every DMA region still allocated and closes everything.
struct VfioOptions {
  std::string sysfs_root = kPciSysfsRoot;
  std::string vfio_dir = "/dev/vfio";   // container "vfio" and group files
  unsigned max_irq_vectors = 64;        // 0: no interrupts, the driver polls
  uint64_t iova_base = 0x100000000ull;  // lowest iova handed out (above 4 GiB)
};

class VfioDevice {
 public:
  explicit VfioDevice(const std::string& bdf, const VfioOptions& opt = {});
  ~VfioDevice();
  VfioDevice(const VfioDevice&) = delete;
  VfioDevice& operator=(const VfioDevice&) = delete;

  RegIo& regs();
  DmaAllocator& dma();
  const std::string& bdf() const;
  const std::string& iommu_group() const;
  unsigned irq_vectors() const;  // 0 when polling
  const char* irq_mode() const;  // "msix", "msi" or "none"

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vmq
