// Linux PCI backends (pci.hpp): sysfs resource0 + hugepages, and VFIO.
// Needs only libc and the kernel uapi headers (linux/vfio.h); no extra
// libraries to link.
#include "vmq/pci.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <linux/vfio.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include "vmq/error.hpp"
#include "vmq/vmq_board_regs.hpp"

#ifndef MAP_HUGE_SHIFT
#define MAP_HUGE_SHIFT 26
#endif
#ifndef MAP_HUGE_2MB
#define MAP_HUGE_2MB (21 << MAP_HUGE_SHIFT)
#endif

namespace vmq {
namespace {

constexpr std::size_t kHugePage = 2u << 20;
constexpr uint16_t kPciCommandMem = 0x2;
constexpr uint16_t kPciCommandMaster = 0x4;
constexpr uint64_t kSpinBelowNs = 50'000;

[[noreturn]] void fail(Errc c, const std::string& msg) { throw Error(c, msg); }

std::string os_reason(int e) {
  return std::string(std::strerror(e)) + " (errno " + std::to_string(e) + ")";
}

std::string hex(uint64_t v, int digits = 0) {
  char b[32];
  std::snprintf(b, sizeof b, "0x%0*llx", digits, static_cast<unsigned long long>(v));
  return b;
}

std::string ids_str(uint16_t vendor, uint16_t device) {
  char b[16];
  std::snprintf(b, sizeof b, "%04x:%04x", vendor, device);
  return b;
}

std::string human_bytes(uint64_t n) {
  if (n >= (1u << 20) && n % (1u << 20) == 0) return std::to_string(n >> 20) + " MiB";
  if (n >= 1024 && n % 1024 == 0) return std::to_string(n >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}

std::string join(const std::string& a, const std::string& b) {
  if (!a.empty() && a.back() == '/') return a + b;
  return a + "/" + b;
}

bool is_pow2(uint64_t v) { return v != 0 && (v & (v - 1)) == 0; }

uint64_t round_up(uint64_t v, uint64_t a) { return (v + a - 1) & ~(a - 1); }

// Whole small file (sysfs attributes), or nullopt with errno in *err.
std::optional<std::string> read_text(const std::string& path, int* err = nullptr) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (err) *err = errno;
    return std::nullopt;
  }
  std::string s;
  char buf[512];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      if (err) *err = errno;
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    s.append(buf, static_cast<std::size_t>(n));
    if (s.size() > 65536) break;
  }
  ::close(fd);
  return s;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return s.substr(i);
}

// sysfs "0x10ee\n" -> 0x10ee.
std::optional<uint16_t> parse_id(const std::string& text) {
  std::string s = trim(text);
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s = s.substr(2);
  if (s.empty() || s.size() > 4) return std::nullopt;
  unsigned v = 0;
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                                                                                   : (std::tolower(c) - 'a' + 10));
  }
  return static_cast<uint16_t>(v);
}

// Last path component of a symlink's target ("../../../bus/pci/drivers/vfio-pci"
// -> "vfio-pci"), or "" if `path` is not a readable symlink.
std::string link_basename(const std::string& path) {
  char buf[PATH_MAX];
  ssize_t n = ::readlink(path.c_str(), buf, sizeof buf - 1);
  if (n <= 0) return "";
  std::string t(buf, static_cast<std::size_t>(n));
  while (!t.empty() && t.back() == '/') t.pop_back();
  auto slash = t.rfind('/');
  return slash == std::string::npos ? t : t.substr(slash + 1);
}

bool path_exists(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0;
}

uint64_t mono_ns() {
  timespec ts;
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000ull + static_cast<uint64_t>(ts.tv_nsec);
}

void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

void delay_impl(uint64_t ns) {
  if (ns == 0) return;
  const uint64_t end = mono_ns() + ns;
  if (ns < kSpinBelowNs) {
    while (mono_ns() < end) cpu_relax();
    return;
  }
  for (;;) {
    uint64_t now = mono_ns();
    if (now >= end) return;
    uint64_t left = end - now;
    timespec ts{static_cast<time_t>(left / 1'000'000'000ull), static_cast<long>(left % 1'000'000'000ull)};
    ::nanosleep(&ts, nullptr);  // EINTR: loop recomputes what is left
  }
}

void check_reg_offset(uint32_t off, const char* who) {
  if (off >= kBar0Bytes || (off & 3u) != 0)
    fail(Errc::InvalidArgument, std::string(who) + ": register offset " + hex(off) +
                                    " is outside the 1 MiB BAR0 window or not 4-byte aligned (must be < " +
                                    hex(kBar0Bytes) + " and a multiple of 4)");
}

void check_dma_args(std::size_t bytes, std::size_t align, const char* who) {
  if (bytes == 0) fail(Errc::InvalidArgument, std::string(who) + ": bytes must be > 0");
  if (align < 16 || !is_pow2(align))
    fail(Errc::InvalidArgument,
         std::string(who) + ": align " + std::to_string(align) + " is not a power of two >= 16");
}

std::string canonical_or_throw(const std::string& bdf, const char* who) {
  try {
    return pci_canonical_bdf(bdf);
  } catch (const Error& e) {
    fail(e.code(), std::string(who) + ": " + e.what());
  }
}

// The device directory exists and carries our ids; returns the directory.
std::string check_device(const std::string& bdf, const std::string& sysfs_root, const char* who) {
  const std::string dir = join(sysfs_root, bdf);
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0) {
    int e = errno;
    if (e == EACCES)
      fail(Errc::Permission, std::string(who) + ": stat " + dir + ": " + os_reason(e) + "; run as root");
    fail(Errc::NoDevice, std::string(who) + ": no PCI device " + bdf + " (ls " + sysfs_root +
                             "; lspci -D -d " + ids_str(kPciVendorId, kPciDeviceId) +
                             " lists vmq cards; is the FPGA programmed and the host rebooted or the bus rescanned?)");
  }
  uint16_t ids[2] = {0, 0};
  const char* names[2] = {"vendor", "device"};
  for (int i = 0; i < 2; ++i) {
    const std::string p = join(dir, names[i]);
    int e = 0;
    auto text = read_text(p, &e);
    if (!text)
      fail(Errc::NoDevice, std::string(who) + ": cannot read " + p + ": " + os_reason(e));
    auto v = parse_id(*text);
    if (!v) fail(Errc::NoDevice, std::string(who) + ": " + p + " holds '" + trim(*text) + "', not a PCI id");
    ids[i] = *v;
  }
  if (ids[0] != kPciVendorId || ids[1] != kPciDeviceId)
    fail(Errc::NoDevice, std::string(who) + ": PCI device " + bdf + " is " + ids_str(ids[0], ids[1]) +
                             ", not a vmq core (" + ids_str(kPciVendorId, kPciDeviceId) +
                             "); pick one from pci_find_devices() or lspci -D -d " +
                             ids_str(kPciVendorId, kPciDeviceId));
  return dir;
}

uint64_t memlock_limit_kib() {
  rlimit rl{};
  if (::getrlimit(RLIMIT_MEMLOCK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) return UINT64_MAX;
  return static_cast<uint64_t>(rl.rlim_cur) / 1024;
}

std::string memlock_str() {
  uint64_t k = memlock_limit_kib();
  return k == UINT64_MAX ? std::string("unlimited") : std::to_string(k) + " KiB";
}

std::string meminfo_field(const char* key) {
  std::ifstream f("/proc/meminfo");
  std::string line;
  const std::string k = std::string(key) + ":";
  while (std::getline(f, line))
    if (line.compare(0, k.size(), k) == 0) return trim(line.substr(k.size()));
  return "?";
}

}  // namespace

// ---------------------------------------------------------------------------
// Discovery

std::string pci_canonical_bdf(const std::string& bdf) {
  auto bad = [&]() {
    fail(Errc::InvalidArgument, "bad PCI address '" + bdf +
                                    "': expected DDDD:BB:DD.F or BB:DD.F in hex (device <= 1f, function <= 7), "
                                    "e.g. 0000:01:00.0 (lspci -D shows them)");
  };
  auto hexval = [&](const std::string& s, std::size_t min_digits, std::size_t max_digits) -> uint64_t {
    if (s.size() < min_digits || s.size() > max_digits) bad();
    uint64_t v = 0;
    for (char c : s) {
      if (!std::isxdigit(static_cast<unsigned char>(c))) bad();
      v = v * 16 + static_cast<uint64_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                                                                                     : std::tolower(c) - 'a' + 10);
    }
    return v;
  };
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    auto colon = bdf.find(':', start);
    parts.push_back(bdf.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (parts.size() != 2 && parts.size() != 3) bad();
  uint64_t domain = parts.size() == 3 ? hexval(parts[0], 4, 8) : 0;
  uint64_t bus = hexval(parts[parts.size() - 2], 2, 2);
  const std::string& df = parts.back();
  if (df.size() != 4 || df[2] != '.') bad();
  uint64_t dev = hexval(df.substr(0, 2), 2, 2);
  uint64_t fn = hexval(df.substr(3, 1), 1, 1);
  if (dev > 0x1f || fn > 7) bad();
  char out[32];
  std::snprintf(out, sizeof out, "%04llx:%02llx:%02llx.%llx", static_cast<unsigned long long>(domain),
                static_cast<unsigned long long>(bus), static_cast<unsigned long long>(dev),
                static_cast<unsigned long long>(fn));
  return out;
}

std::vector<PciDeviceInfo> pci_find_devices(const std::string& sysfs_root) {
  std::vector<PciDeviceInfo> out;
  DIR* d = ::opendir(sysfs_root.c_str());
  if (!d) {
    int e = errno;
    if (e == ENOENT) return out;  // no PCI bus (container, other OS): no devices
    fail(e == EACCES ? Errc::Permission : Errc::NoDevice,
         "pci_find_devices: opendir " + sysfs_root + ": " + os_reason(e));
  }
  while (dirent* ent = ::readdir(d)) {
    std::string name = ent->d_name;
    if (name == "." || name == "..") continue;
    const std::string dir = join(sysfs_root, name);
    auto v = read_text(join(dir, "vendor"));
    auto dv = read_text(join(dir, "device"));
    if (!v || !dv) continue;
    auto vi = parse_id(*v), di = parse_id(*dv);
    if (!vi || !di || *vi != kPciVendorId || *di != kPciDeviceId) continue;
    PciDeviceInfo info;
    try {
      info.bdf = pci_canonical_bdf(name);
    } catch (const Error&) {
      info.bdf = name;
    }
    info.vendor = *vi;
    info.device = *di;
    info.driver = link_basename(join(dir, "driver"));
    info.iommu_group = link_basename(join(dir, "iommu_group"));
    out.push_back(std::move(info));
  }
  ::closedir(d);
  std::sort(out.begin(), out.end(), [](const PciDeviceInfo& a, const PciDeviceInfo& b) { return a.bdf < b.bdf; });
  return out;
}

// ---------------------------------------------------------------------------
// PciResource0Io

PciResource0Io::PciResource0Io(const std::string& bdf, const std::string& sysfs_root) {
  static const char* who = "PciResource0Io";
  bdf_ = canonical_or_throw(bdf, who);
  const std::string dir = check_device(bdf_, sysfs_root, who);

  // Memory decoding: the COMMAND register (config offset 4) is the truth; the
  // `enable` file (the kernel's enable count) is 0 whenever no driver is bound
  // even though firmware usually left decoding on, so it only decides when
  // config cannot be read. Read only: we never write config space here.
  const std::string enable_path = join(dir, "enable");
  const std::string fix = "enable it: echo 1 > " + enable_path + " (as root)";
  bool decided = false;
  if (auto cfg = read_text(join(dir, "config")); cfg && cfg->size() >= 6) {
    uint16_t cmd = static_cast<uint16_t>(static_cast<uint8_t>((*cfg)[4]) | (static_cast<uint8_t>((*cfg)[5]) << 8));
    if (!(cmd & kPciCommandMem))
      fail(Errc::DeviceError, std::string(who) + ": memory decoding is off for " + bdf_ + " (config COMMAND = " +
                                  hex(cmd, 4) + "): register reads would return all ones; " + fix +
                                  ", or setpci -s " + bdf_ + " COMMAND=0x06");
    bus_master_ = (cmd & kPciCommandMaster) != 0;
    decided = true;
  }
  if (!decided) {
    if (auto en = read_text(enable_path); en && trim(*en) == "0")
      fail(Errc::DeviceError, std::string(who) + ": " + bdf_ + " is not enabled (" + enable_path +
                                  " reads 0): register reads would return all ones; " + fix);
  }

  path_ = join(dir, "resource0");
  struct stat st;
  if (::stat(path_.c_str(), &st) != 0) {
    int e = errno;
    fail(Errc::DeviceError, std::string(who) + ": stat " + path_ + ": " + os_reason(e) +
                                ": BAR0 of " + bdf_ +
                                " is not assigned (see dmesg | grep " + bdf_ +
                                "; the bitstream must expose a 1 MiB memory BAR0)");
  }
  if (static_cast<uint64_t>(st.st_size) < kBar0Bytes)
    fail(Errc::DeviceError, std::string(who) + ": " + path_ + " is " + std::to_string(st.st_size) +
                                " bytes; BAR0 must be at least " + std::to_string(kBar0Bytes) + " (" +
                                hex(kBar0Bytes) + ") bytes: wrong bitstream or BAR configuration");

  fd_ = ::open(path_.c_str(), O_RDWR | O_SYNC | O_CLOEXEC);
  if (fd_ < 0) {
    int e = errno;
    if (e == EACCES || e == EPERM)
      fail(Errc::Permission, std::string(who) + ": open " + path_ + ": " + os_reason(e) +
                                 "; run as root (sudo). As root, EPERM means kernel lockdown (Secure Boot) "
                                 "forbids BAR mmap: use VfioDevice");
    fail(Errc::NoDevice, std::string(who) + ": open " + path_ + ": " + os_reason(e));
  }
  void* p = ::mmap(nullptr, kBar0Bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, 0);
  if (p == MAP_FAILED) {
    int e = errno;
    ::close(fd_);
    fd_ = -1;
    fail(e == EACCES || e == EPERM ? Errc::Permission : Errc::DeviceError,
         std::string(who) + ": mmap " + path_ + " (" + std::to_string(kBar0Bytes) + " bytes): " + os_reason(e) +
             (e == EPERM ? "; kernel lockdown (Secure Boot) or iomem=strict forbids it: use VfioDevice" : ""));
  }
  base_ = static_cast<volatile uint8_t*>(p);
}

PciResource0Io::~PciResource0Io() {
  if (base_) ::munmap(const_cast<uint8_t*>(base_), kBar0Bytes);
  if (fd_ >= 0) ::close(fd_);
}

uint32_t PciResource0Io::read32(uint32_t off) {
  check_reg_offset(off, "PciResource0Io::read32");
  return *reinterpret_cast<volatile uint32_t*>(base_ + off);
}

void PciResource0Io::write32(uint32_t off, uint32_t v) {
  check_reg_offset(off, "PciResource0Io::write32");
  *reinterpret_cast<volatile uint32_t*>(base_ + off) = v;
}

uint64_t PciResource0Io::now_ns() { return mono_ns(); }

void PciResource0Io::delay_ns(uint64_t ns) { delay_impl(ns); }

std::string PciResource0Io::describe() const {
  std::string s = "pci " + bdf_ + " resource0 (polling)";
  if (!bus_master_) s += ", bus master off: DMA will not work (setpci -s " + bdf_ + " COMMAND=0x06)";
  return s;
}

// ---------------------------------------------------------------------------
// Pagemap + HugepageDma

std::optional<uint64_t> pagemap_entry_to_phys(uint64_t entry, uint64_t vaddr, uint64_t page_size) {
  if (!is_pow2(page_size)) return std::nullopt;
  if (!(entry >> 63 & 1)) return std::nullopt;  // not present (maybe swapped: bit 62)
  const uint64_t pfn = entry & ((1ull << 55) - 1);
  if (pfn == 0) return std::nullopt;  // hidden (no CAP_SYS_ADMIN)
  return pfn * page_size + (vaddr & (page_size - 1));
}

HugepageDma::HugepageDma() : HugepageDma("/proc/self/pagemap", false) {}

HugepageDma::HugepageDma(const std::string& pagemap_path, bool small_pages)
    : pagemap_path_(pagemap_path), small_pages_(small_pages) {
  long bp = ::sysconf(_SC_PAGESIZE);
  base_page_ = bp > 0 ? static_cast<std::size_t>(bp) : 4096;
  page_ = small_pages ? base_page_ : kHugePage;
  // The kernel decides at open() whether this file shows PFNs (CAP_SYS_ADMIN
  // of the opener), so open once and probe one page we surely have.
  pagemap_fd_ = ::open(pagemap_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (pagemap_fd_ < 0) {
    int e = errno;
    fail(e == EACCES || e == EPERM ? Errc::Permission : Errc::NoDevice,
         "HugepageDma: open " + pagemap_path_ + ": " + os_reason(e) +
             (e == ENOENT ? "; is /proc mounted?" : "; run as root"));
  }
  try {
    volatile uint64_t probe = 0x766d71;  // on the stack: present
    (void)virt_to_phys(const_cast<const uint64_t*>(&probe));
  } catch (...) {
    ::close(pagemap_fd_);
    pagemap_fd_ = -1;
    throw;
  }
}

HugepageDma::~HugepageDma() {
  for (auto& [cpu, c] : chunks_) ::munmap(c->cpu, c->bytes);
  if (pagemap_fd_ >= 0) ::close(pagemap_fd_);
}

uint64_t HugepageDma::virt_to_phys(const void* p) const {
  const uint64_t v = reinterpret_cast<uintptr_t>(p);
  const off_t off = static_cast<off_t>((v / base_page_) * 8);
  uint64_t entry = 0;
  ssize_t n;
  do {
    n = ::pread(pagemap_fd_, &entry, sizeof entry, off);
  } while (n < 0 && errno == EINTR);
  if (n != static_cast<ssize_t>(sizeof entry)) {
    int e = n < 0 ? errno : EIO;
    fail(e == EACCES || e == EPERM ? Errc::Permission : Errc::DeviceError,
         "HugepageDma: read " + pagemap_path_ + " at offset " + hex(static_cast<uint64_t>(off)) + " (address " +
             hex(v) + "): " + (n < 0 ? os_reason(e) : "short read of " + std::to_string(n) + " bytes"));
  }
  if (auto phys = pagemap_entry_to_phys(entry, v, base_page_)) return *phys;
  if (entry >> 63 & 1)
    fail(Errc::Permission, "HugepageDma: " + pagemap_path_ + " hides physical addresses (PFN 0 for address " +
                               hex(v) + "): reading them needs CAP_SYS_ADMIN; run as root, or use VfioDevice "
                               "(IOMMU addresses, no physical addresses needed)");
  fail(Errc::DeviceError, "HugepageDma: page at " + hex(v) + " is not present in RAM (pagemap entry " +
                              hex(entry, 16) + ")");
}

HugepageDma::Chunk* HugepageDma::map_chunk(std::size_t bytes, std::size_t requested) {
  int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE | MAP_LOCKED;
  if (!small_pages_) flags |= MAP_HUGETLB | MAP_HUGE_2MB;
  const std::string what = "HugepageDma::alloc: mmap of " + human_bytes(bytes) +
                           (small_pages_ ? " of " + human_bytes(page_) + " pages" : " of 2 MiB hugepages");
  void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, flags, -1, 0);
  if (p == MAP_FAILED) {
    int e = errno;
    if (e == ENOMEM && !small_pages_)
      fail(Errc::NoResources, what + ": " + os_reason(e) + ": not enough free 2 MiB hugepages (HugePages_Free " +
                                  meminfo_field("HugePages_Free") + " of " + meminfo_field("HugePages_Total") +
                                  "); reserve some as root: echo 64 > /proc/sys/vm/nr_hugepages (or "
                                  "/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages if 2 MiB is not the "
                                  "default hugepage size)");
    if (e == EAGAIN || e == ENOMEM)
      fail(Errc::NoResources, what + ": " + os_reason(e) + ": cannot lock the memory (locked-memory limit " +
                                  memlock_str() + "); raise it (ulimit -l unlimited, /etc/security/limits.conf) "
                                  "or run as root");
    fail(e == EPERM || e == EACCES ? Errc::Permission : Errc::NoResources, what + ": " + os_reason(e));
  }
  auto* cpu = static_cast<uint8_t*>(p);
  ::madvise(p, bytes, MADV_DONTFORK);  // a fork() must not copy-on-write our DMA pages away
  uint64_t phys0 = 0;
  try {
    for (std::size_t i = 0; i < bytes; i += page_) {
      uint64_t ph = virt_to_phys(cpu + i);
      if (i == 0) {
        phys0 = ph;
      } else if (ph != phys0 + i) {
        fail(Errc::NoResources, "HugepageDma::alloc: " + human_bytes(requested) +
                                    (requested != bytes ? " (rounded up to " + human_bytes(bytes) + ")" : "") +
                                    " need " +
                                    std::to_string(bytes / page_) + " physically contiguous pages of " +
                                    human_bytes(page_) + ", the kernel gave scattered ones (page " +
                                    std::to_string(i / page_) + " at " + hex(ph) + ", expected " +
                                    hex(phys0 + i) + "); allocate at most " + human_bytes(page_) +
                                    " per region, or use VfioDevice");
      }
    }
  } catch (...) {
    ::munmap(p, bytes);
    throw;
  }
  auto c = std::make_unique<Chunk>();
  c->cpu = cpu;
  c->phys = phys0;
  c->bytes = bytes;
  Chunk* raw = c.get();
  chunks_.emplace(cpu, std::move(c));
  return raw;
}

void HugepageDma::unmap_chunk(Chunk* c) {
  if (c == current_) current_ = nullptr;
  ::munmap(c->cpu, c->bytes);
  chunks_.erase(c->cpu);
}

DmaRegion HugepageDma::alloc(std::size_t bytes, std::size_t align) {
  check_dma_args(bytes, align, "HugepageDma::alloc");
  if (align > page_)
    fail(Errc::InvalidArgument, "HugepageDma::alloc: align " + std::to_string(align) + " exceeds the page size " +
                                    human_bytes(page_) + "; physical alignment beyond a page is not guaranteed");
  if (bytes > (std::size_t{1} << 40))
    fail(Errc::InvalidArgument, "HugepageDma::alloc: " + std::to_string(bytes) + " bytes is not a sane DMA size");
  std::lock_guard<std::mutex> lock(mu_);
  Chunk* c = nullptr;
  std::size_t off = 0;
  if (bytes <= page_) {
    if (current_) {
      off = round_up(current_->used, align);
      if (off + bytes <= current_->bytes) c = current_;
    }
    if (!c) {
      Chunk* fresh = map_chunk(page_, bytes);
      if (current_ && current_->live == 0) unmap_chunk(current_);
      current_ = c = fresh;
      off = 0;
    }
    c->used = off + bytes;
  } else {
    c = map_chunk(round_up(bytes, page_), bytes);
    c->used = c->bytes;
  }
  c->live++;
  DmaRegion r;
  r.cpu = c->cpu + off;
  r.iova = c->phys + off;
  r.bytes = bytes;
  std::memset(r.cpu, 0, bytes);  // a reused chunk holds old data
  live_.emplace(r.cpu, Live{c, r.iova, bytes});
  return r;
}

void HugepageDma::free(const DmaRegion& r) {
  if (!r) return;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = live_.find(r.cpu);
  if (it == live_.end())
    fail(Errc::InvalidArgument, "HugepageDma::free: region cpu=" + hex(reinterpret_cast<uintptr_t>(r.cpu)) +
                                    " iova=" + hex(r.iova) + " (" + std::to_string(r.bytes) +
                                    " bytes) was not allocated by this allocator or is already freed");
  if (it->second.iova != r.iova || it->second.bytes != r.bytes)
    fail(Errc::InvalidArgument, "HugepageDma::free: region cpu=" + hex(reinterpret_cast<uintptr_t>(r.cpu)) +
                                    " says iova=" + hex(r.iova) + ", " + std::to_string(r.bytes) +
                                    " bytes, but was allocated as iova=" + hex(it->second.iova) + ", " +
                                    std::to_string(it->second.bytes) + " bytes");
  Chunk* c = it->second.chunk;
  live_.erase(it);
  if (--c->live == 0) {
    if (c == current_)
      c->used = 0;  // keep the current chunk mapped for the next requests
    else
      unmap_chunk(c);
  }
}

std::string HugepageDma::describe() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string s = small_pages_ ? "pagemap dma " + human_bytes(page_) + " pages, TEST MODE (" + pagemap_path_ + ")"
                               : "hugepage dma 2 MiB pages (" + pagemap_path_ + ")";
  return s + ": " + std::to_string(chunks_.size()) + (chunks_.size() == 1 ? " chunk, " : " chunks, ") +
         std::to_string(live_.size()) + (live_.size() == 1 ? " region" : " regions");
}

// ---------------------------------------------------------------------------
// Board registers

bool has_board_regs(RegIo& regs) { return regs.read32(board_regs::BRD_MAGIC) == board_regs::BOARD_MAGIC; }

uint64_t take_board_irq_causes(RegIo& regs, uint64_t queue_mask) {
  uint64_t taken = 0;
  const uint32_t reg[2] = {board_regs::BRD_IRQ_CAUSE_LO, board_regs::BRD_IRQ_CAUSE_HI};
  for (unsigned half = 0; half < 2; ++half) {
    const uint32_t want = static_cast<uint32_t>(queue_mask >> (32 * half));
    if (!want) continue;
    const uint32_t set = regs.read32(reg[half]) & want;
    if (!set) continue;
    regs.write32(reg[half], set);  // W1C: only our queues' bits
    taken |= uint64_t{set} << (32 * half);
  }
  return taken;
}

// ---------------------------------------------------------------------------
// IovaAllocator

namespace {
using u128 = unsigned __int128;
}

void IovaAllocator::add_range(uint64_t start, uint64_t end_inclusive) {
  if (end_inclusive < start)
    fail(Errc::InvalidArgument, "IovaAllocator::add_range: end " + hex(end_inclusive) + " below start " + hex(start));
  uint64_t bytes = end_inclusive - start + 1;
  if (bytes == 0) bytes = UINT64_MAX;  // the whole 64-bit space, less one byte
  auto u = used_.lower_bound(start);
  if (u != used_.begin()) --u;
  for (; u != used_.end() && u->first <= end_inclusive; ++u)
    if (static_cast<u128>(u->first) + u->second > start)
      fail(Errc::InvalidArgument, "IovaAllocator::add_range: [" + hex(start) + ", " + hex(end_inclusive) +
                                      "] overlaps allocated iova " + hex(u->first));
  insert_free(start, bytes, "IovaAllocator::add_range");
}

std::optional<uint64_t> IovaAllocator::alloc(uint64_t bytes, uint64_t align) {
  if (bytes == 0 || !is_pow2(align))
    fail(Errc::InvalidArgument, "IovaAllocator::alloc: bytes " + std::to_string(bytes) + " / align " +
                                    std::to_string(align) + ": bytes must be > 0 and align a power of two");
  for (auto it = free_.begin(); it != free_.end(); ++it) {
    const uint64_t s = it->first, n = it->second;
    const u128 a = (static_cast<u128>(s) + align - 1) & ~static_cast<u128>(align - 1);
    const u128 end = static_cast<u128>(s) + n;
    if (a + bytes > end) continue;
    free_.erase(it);
    if (a > s) free_.emplace(s, static_cast<uint64_t>(a - s));
    if (a + bytes < end) free_.emplace(static_cast<uint64_t>(a + bytes), static_cast<uint64_t>(end - (a + bytes)));
    used_.emplace(static_cast<uint64_t>(a), bytes);
    return static_cast<uint64_t>(a);
  }
  return std::nullopt;
}

void IovaAllocator::free(uint64_t iova, uint64_t bytes) {
  auto u = used_.find(iova);
  if (u == used_.end() || u->second != bytes)
    fail(Errc::InvalidArgument,
         "IovaAllocator::free: " + hex(iova) + " + " + std::to_string(bytes) + " bytes was not handed out by alloc() " +
             (u == used_.end() ? std::string("(freed twice, or never allocated)")
                               : "(allocated as " + std::to_string(u->second) + " bytes)"));
  used_.erase(u);
  insert_free(iova, bytes, "IovaAllocator::free");
}

void IovaAllocator::insert_free(uint64_t iova, uint64_t bytes, const char* who) {
  const u128 end = static_cast<u128>(iova) + bytes;
  if (bytes == 0 || end > (static_cast<u128>(1) << 64))
    fail(Errc::InvalidArgument, std::string(who) + ": range " + hex(iova) + " + " + std::to_string(bytes) +
                                    " bytes is empty or wraps");
  auto next = free_.lower_bound(iova);
  auto overlap = [&]() {
    fail(Errc::InvalidArgument, std::string(who) + ": range " + hex(iova) + " + " + std::to_string(bytes) +
                                    " bytes overlaps free space");
  };
  if (next != free_.end() && next->first < end) overlap();
  if (next != free_.begin()) {
    auto prev = std::prev(next);
    if (static_cast<u128>(prev->first) + prev->second > iova) overlap();
  }
  uint64_t s = iova;
  u128 e = end;
  if (next != free_.begin()) {
    auto prev = std::prev(next);
    if (static_cast<u128>(prev->first) + prev->second == iova) {
      s = prev->first;
      free_.erase(prev);
    }
  }
  if (next != free_.end() && next->first == end) {
    e = static_cast<u128>(next->first) + next->second;
    free_.erase(next);
  }
  u128 n = e - s;
  free_.emplace(s, n > UINT64_MAX ? UINT64_MAX : static_cast<uint64_t>(n));
}

uint64_t IovaAllocator::free_bytes() const {
  u128 sum = 0;
  for (auto& [s, n] : free_) sum += n;
  return sum > UINT64_MAX ? UINT64_MAX : static_cast<uint64_t>(sum);
}

// ---------------------------------------------------------------------------
// VfioDevice

struct VfioDevice::Impl {
  class Regs : public RegIo {
   public:
    explicit Regs(Impl& d) : d_(d) {}
    uint32_t read32(uint32_t off) override;
    void write32(uint32_t off, uint32_t v) override;
    uint64_t now_ns() override { return mono_ns(); }
    void delay_ns(uint64_t ns) override { delay_impl(ns); }
    bool has_irq() const override { return !d_.efds.empty(); }
    uint64_t wait_irq(uint64_t queue_mask, uint64_t timeout_ns) override;
    std::string describe() const override;

   private:
    Impl& d_;
  };
  class Dma : public DmaAllocator {
   public:
    explicit Dma(Impl& d) : d_(d) {}
    DmaRegion alloc(std::size_t bytes, std::size_t align) override;
    void free(const DmaRegion& r) override;
    std::string describe() const override;

   private:
    Impl& d_;
  };
  struct Mapping {
    uint64_t iova;
    std::size_t map_bytes;  // page-rounded
    std::size_t bytes;      // as requested
  };

  Impl(const std::string& bdf, const VfioOptions& opt);
  ~Impl() { close_all(); }
  void open_all();
  void setup_iova();
  void setup_bar0();
  void enable_bus_master();
  void setup_irqs();
  void close_all();
  uint64_t queues_of_vector(std::size_t v) const;
  std::string group_members() const;

  VfioOptions opt;
  std::string bdf, dir, group, group_path;
  int container = -1, group_fd = -1, device = -1;
  volatile uint8_t* bar = nullptr;  // mmap'ed BAR0, or null: pread/pwrite at bar_offset
  uint64_t bar_offset = 0;
  std::vector<int> efds;  // one eventfd per vector
  uint32_t irq_index = 0;
  const char* irq_mode = "none";
  bool board_causes = false;  // BAR0 has the board's per-queue cause register
  std::size_t dma_page = 4096;
  std::mutex mu;
  IovaAllocator iova;
  std::map<uint8_t*, Mapping> maps;
  Regs regs{*this};
  Dma dma{*this};
};

VfioDevice::Impl::Impl(const std::string& b, const VfioOptions& o) : opt(o) {
  static const char* who = "VfioDevice";
  bdf = canonical_or_throw(b, who);
  try {
    open_all();
  } catch (...) {
    close_all();
    throw;
  }
}

std::string VfioDevice::Impl::group_members() const {
  std::string out;
  const std::string gdir = join(join(dir, "iommu_group"), "devices");
  if (DIR* d = ::opendir(gdir.c_str())) {
    while (dirent* ent = ::readdir(d)) {
      std::string n = ent->d_name;
      if (n == "." || n == "..") continue;
      std::string drv = link_basename(join(join(gdir, n), "driver"));
      out += (out.empty() ? "" : ", ") + n + " (" + (drv.empty() ? "no driver" : drv) + ")";
    }
    ::closedir(d);
  }
  return out.empty() ? "(cannot list " + gdir + ")" : out;
}

void VfioDevice::Impl::open_all() {
  static const std::string who = "VfioDevice";
  dir = check_device(bdf, opt.sysfs_root, "VfioDevice");

  const std::string driver = link_basename(join(dir, "driver"));
  if (driver != "vfio-pci") {
    std::string fix = "bind it (as root): modprobe vfio-pci; ";
    if (!driver.empty()) fix += "echo " + bdf + " > " + join(dir, "driver/unbind") + "; ";
    fix += "echo vfio-pci > " + join(dir, "driver_override") + "; echo " + bdf +
           " > /sys/bus/pci/drivers/vfio-pci/bind";
    fail(Errc::NoDevice, who + ": " + bdf + " is " +
                             (driver.empty() ? std::string("not bound to any driver")
                                             : "bound to " + driver) +
                             ", not to vfio-pci; " + fix);
  }
  group = link_basename(join(dir, "iommu_group"));
  if (group.empty())
    fail(Errc::NoDevice, who + ": " + bdf + " has no IOMMU group (" + join(dir, "iommu_group") +
                             " missing): the IOMMU is off; enable it on the kernel command line (intel_iommu=on "
                             "or amd_iommu=on) and reboot, or use PciResource0Io + HugepageDma");

  // Container.
  const std::string cpath = join(opt.vfio_dir, "vfio");
  container = ::open(cpath.c_str(), O_RDWR | O_CLOEXEC);
  if (container < 0) {
    int e = errno;
    if (e == EACCES || e == EPERM)
      fail(Errc::Permission, who + ": open " + cpath + ": " + os_reason(e) + "; run as root");
    fail(Errc::NoDevice, who + ": open " + cpath + ": " + os_reason(e) +
                             (e == ENOENT ? "; VFIO is not available: load it (modprobe vfio-pci) on a kernel "
                                            "with the VFIO container API (CONFIG_VFIO_CONTAINER or iommufd's "
                                            "VFIO compatibility)"
                                          : ""));
  }
  int api = ::ioctl(container, VFIO_GET_API_VERSION);
  if (api != VFIO_API_VERSION) {
    int e = errno;
    fail(Errc::NoDevice, who + ": " + cpath + " is not a VFIO container (VFIO_GET_API_VERSION: " +
                             (api < 0 ? os_reason(e) : "version " + std::to_string(api) + ", expected " +
                                                           std::to_string(VFIO_API_VERSION)) +
                             ")");
  }
  int iommu_type = 0;
  if (::ioctl(container, VFIO_CHECK_EXTENSION, VFIO_TYPE1v2_IOMMU) > 0)
    iommu_type = VFIO_TYPE1v2_IOMMU;
  else if (::ioctl(container, VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU) > 0)
    iommu_type = VFIO_TYPE1_IOMMU;
  else
    fail(Errc::Unsupported, who + ": " + cpath + " offers no type1 IOMMU (VFIO_CHECK_EXTENSION); this backend "
                                  "needs the vfio_iommu_type1 module (x86 VT-d / AMD-Vi)");

  // Group.
  group_path = join(opt.vfio_dir, group);
  group_fd = ::open(group_path.c_str(), O_RDWR | O_CLOEXEC);
  if (group_fd < 0) {
    int e = errno;
    if (e == ENOENT && path_exists(join(opt.vfio_dir, "noiommu-" + group)))
      fail(Errc::Unsupported, who + ": " + bdf + " is in VFIO no-IOMMU mode (" +
                                  join(opt.vfio_dir, "noiommu-" + group) +
                                  "): this backend needs a real IOMMU; use PciResource0Io + HugepageDma instead");
    if (e == EACCES || e == EPERM)
      fail(Errc::Permission, who + ": open " + group_path + ": " + os_reason(e) +
                                 "; run as root, or give your user the group: chown $USER " + group_path +
                                 " (and raise ulimit -l for pinned DMA memory)");
    if (e == EBUSY)
      fail(Errc::Busy, who + ": open " + group_path + ": " + os_reason(e) +
                           ": IOMMU group " + group + " is in use by another process (another vmq program, or a VM)");
    fail(Errc::NoDevice, who + ": open " + group_path + ": " + os_reason(e) + "; is " + bdf +
                             " still bound to vfio-pci? (ls " + opt.vfio_dir + ")");
  }
  vfio_group_status st{};
  st.argsz = sizeof st;
  if (::ioctl(group_fd, VFIO_GROUP_GET_STATUS, &st) != 0) {
    int e = errno;
    fail(Errc::DeviceError, who + ": VFIO_GROUP_GET_STATUS on " + group_path + ": " + os_reason(e));
  }
  if (!(st.flags & VFIO_GROUP_FLAGS_VIABLE))
    fail(Errc::Busy, who + ": IOMMU group " + group + " is not viable: every device in it must be bound to "
                         "vfio-pci (or to no driver); members: " + group_members());
  if (::ioctl(group_fd, VFIO_GROUP_SET_CONTAINER, &container) != 0) {
    int e = errno;
    fail(Errc::DeviceError, who + ": VFIO_GROUP_SET_CONTAINER (" + group_path + "): " + os_reason(e));
  }
  if (::ioctl(container, VFIO_SET_IOMMU, iommu_type) != 0) {
    int e = errno;
    fail(e == EPERM ? Errc::Permission : Errc::DeviceError,
         who + ": VFIO_SET_IOMMU type " + std::to_string(iommu_type) + ": " + os_reason(e));
  }
  setup_iova();

  // Device.
  device = ::ioctl(group_fd, VFIO_GROUP_GET_DEVICE_FD, bdf.c_str());
  if (device < 0) {
    int e = errno;
    fail(Errc::DeviceError, who + ": VFIO_GROUP_GET_DEVICE_FD " + bdf + " (" + group_path + "): " + os_reason(e));
  }
  vfio_device_info di{};
  di.argsz = sizeof di;
  if (::ioctl(device, VFIO_DEVICE_GET_INFO, &di) != 0) {
    int e = errno;
    fail(Errc::DeviceError, who + ": VFIO_DEVICE_GET_INFO " + bdf + ": " + os_reason(e));
  }
  if (!(di.flags & VFIO_DEVICE_FLAGS_PCI) || di.num_regions <= VFIO_PCI_CONFIG_REGION_INDEX)
    fail(Errc::DeviceError, who + ": " + bdf + " is not a VFIO PCI device (flags " + hex(di.flags) + ", " +
                                std::to_string(di.num_regions) + " regions)");
  setup_bar0();
  enable_bus_master();
  setup_irqs();
  board_causes = !efds.empty() && has_board_regs(regs);
}

void VfioDevice::Impl::setup_iova() {
  const std::string who = "VfioDevice";
  // Ask for the info with room for a capability chain (IOVA ranges).
  std::vector<uint64_t> buf(64);
  auto* info = reinterpret_cast<vfio_iommu_type1_info*>(buf.data());
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::memset(buf.data(), 0, buf.size() * 8);
    info->argsz = static_cast<uint32_t>(buf.size() * 8);
    if (::ioctl(container, VFIO_IOMMU_GET_INFO, info) != 0) {
      int e = errno;
      fail(Errc::DeviceError, who + ": VFIO_IOMMU_GET_INFO: " + os_reason(e));
    }
    if (info->argsz <= buf.size() * 8) break;
    buf.resize((info->argsz + 7) / 8);
    info = reinterpret_cast<vfio_iommu_type1_info*>(buf.data());
  }
  long bp = ::sysconf(_SC_PAGESIZE);
  dma_page = bp > 0 ? static_cast<std::size_t>(bp) : 4096;
  if (info->flags & VFIO_IOMMU_INFO_PGSIZES) {
    uint64_t min = info->iova_pgsizes & (~info->iova_pgsizes + 1);
    if (min > dma_page)
      fail(Errc::Unsupported, who + ": the IOMMU's smallest page is " + human_bytes(min) +
                                  ", larger than the CPU page; not supported");
  }
  bool have_ranges = false;
  const std::size_t total = buf.size() * 8;
  if ((info->flags & VFIO_IOMMU_INFO_CAPS) && info->cap_offset != 0) {
    uint32_t off = info->cap_offset;
    const auto* base = reinterpret_cast<const uint8_t*>(buf.data());
    for (int guard = 0; off != 0 && off + sizeof(vfio_info_cap_header) <= total && guard < 64; ++guard) {
      vfio_info_cap_header h;
      std::memcpy(&h, base + off, sizeof h);
      if (h.id == VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE &&
          off + sizeof(vfio_iommu_type1_info_cap_iova_range) <= total) {
        vfio_iommu_type1_info_cap_iova_range cap;
        std::memcpy(&cap, base + off, sizeof cap);
        const std::size_t first = off + sizeof cap;
        for (uint32_t i = 0; i < cap.nr_iovas && first + (i + 1) * sizeof(vfio_iova_range) <= total; ++i) {
          vfio_iova_range r;
          std::memcpy(&r, base + first + i * sizeof r, sizeof r);
          have_ranges = true;
          uint64_t s = std::max<uint64_t>(round_up(r.start, dma_page), opt.iova_base);
          if (r.end >= s && r.end - s + 1 >= dma_page) iova.add_range(s, r.end);
        }
      }
      off = h.next;
    }
  }
  if (!have_ranges) iova.add_range(opt.iova_base, opt.iova_base + (64ull << 30) - 1);  // 64 GiB of iova
  if (iova.free_bytes() < dma_page)
    fail(Errc::NoResources, who + ": the IOMMU offers no iova range at or above iova_base " + hex(opt.iova_base) +
                                "; lower VfioOptions::iova_base");
}

void VfioDevice::Impl::setup_bar0() {
  const std::string who = "VfioDevice";
  vfio_region_info ri{};
  ri.argsz = sizeof ri;
  ri.index = VFIO_PCI_BAR0_REGION_INDEX;
  if (::ioctl(device, VFIO_DEVICE_GET_REGION_INFO, &ri) != 0) {
    int e = errno;
    fail(Errc::DeviceError, who + ": VFIO_DEVICE_GET_REGION_INFO BAR0 of " + bdf + ": " + os_reason(e));
  }
  if (ri.size < kBar0Bytes || !(ri.flags & VFIO_REGION_INFO_FLAG_READ) || !(ri.flags & VFIO_REGION_INFO_FLAG_WRITE))
    fail(Errc::DeviceError, who + ": BAR0 of " + bdf + " is " + std::to_string(ri.size) + " bytes (flags " +
                                hex(ri.flags) + "); it must be a read/write memory BAR of at least " +
                                std::to_string(kBar0Bytes) + " bytes: wrong bitstream or BAR configuration");
  bar_offset = ri.offset;
  if (ri.flags & VFIO_REGION_INFO_FLAG_MMAP) {
    void* p = ::mmap(nullptr, kBar0Bytes, PROT_READ | PROT_WRITE, MAP_SHARED, device, static_cast<off_t>(ri.offset));
    if (p != MAP_FAILED) bar = static_cast<volatile uint8_t*>(p);
  }
  // No mmap (not allowed, or failed): Regs falls back to pread/pwrite.
}

void VfioDevice::Impl::enable_bus_master() {
  const std::string who = "VfioDevice";
  vfio_region_info ri{};
  ri.argsz = sizeof ri;
  ri.index = VFIO_PCI_CONFIG_REGION_INDEX;
  if (::ioctl(device, VFIO_DEVICE_GET_REGION_INFO, &ri) != 0) {
    int e = errno;
    fail(Errc::DeviceError, who + ": VFIO_DEVICE_GET_REGION_INFO config of " + bdf + ": " + os_reason(e));
  }
  uint16_t cmd = 0;
  if (::pread(device, &cmd, 2, static_cast<off_t>(ri.offset + 4)) != 2) {
    int e = errno;
    fail(Errc::DeviceError, who + ": read COMMAND register of " + bdf + ": " + os_reason(e));
  }
  if ((cmd & (kPciCommandMem | kPciCommandMaster)) == (kPciCommandMem | kPciCommandMaster)) return;
  cmd |= kPciCommandMem | kPciCommandMaster;
  if (::pwrite(device, &cmd, 2, static_cast<off_t>(ri.offset + 4)) != 2) {
    int e = errno;
    fail(Errc::DeviceError, who + ": set bus mastering in the COMMAND register of " + bdf + ": " + os_reason(e));
  }
}

void VfioDevice::Impl::setup_irqs() {
  const std::string who = "VfioDevice";
  if (opt.max_irq_vectors == 0) return;
  std::string errors;
  const struct {
    uint32_t index;
    const char* name;
  } kinds[] = {{VFIO_PCI_MSIX_IRQ_INDEX, "msix"}, {VFIO_PCI_MSI_IRQ_INDEX, "msi"}};
  for (const auto& k : kinds) {
    vfio_irq_info ii{};
    ii.argsz = sizeof ii;
    ii.index = k.index;
    if (::ioctl(device, VFIO_DEVICE_GET_IRQ_INFO, &ii) != 0 || ii.count == 0 || !(ii.flags & VFIO_IRQ_INFO_EVENTFD))
      continue;
    const uint32_t n = std::min<uint32_t>({ii.count, opt.max_irq_vectors, 64u});
    std::vector<int> fds;
    for (uint32_t i = 0; i < n; ++i) {
      int fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
      if (fd < 0) {
        int e = errno;
        for (int f : fds) ::close(f);
        fail(Errc::NoResources, who + ": eventfd for interrupt vector " + std::to_string(i) + ": " + os_reason(e));
      }
      fds.push_back(fd);
    }
    std::vector<uint8_t> set(sizeof(vfio_irq_set) + n * sizeof(int32_t));
    auto* s = reinterpret_cast<vfio_irq_set*>(set.data());
    s->argsz = static_cast<uint32_t>(set.size());
    s->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
    s->index = k.index;
    s->start = 0;
    s->count = n;
    for (uint32_t i = 0; i < n; ++i) {
      int32_t fd = fds[i];
      std::memcpy(set.data() + sizeof(vfio_irq_set) + i * sizeof(int32_t), &fd, sizeof fd);
    }
    if (::ioctl(device, VFIO_DEVICE_SET_IRQS, s) == 0) {
      efds = std::move(fds);
      irq_index = k.index;
      irq_mode = k.name;
      return;
    }
    int e = errno;
    for (int f : fds) ::close(f);
    errors += std::string(errors.empty() ? "" : "; ") + k.name + " with " + std::to_string(n) +
              " vectors: " + os_reason(e);
  }
  if (!errors.empty())
    fail(Errc::DeviceError, who + ": VFIO_DEVICE_SET_IRQS for " + bdf + " failed (" + errors +
                                "); set VfioOptions::max_irq_vectors = 0 to poll instead");
  // No MSI-X or MSI capability: polling (has_irq() false).
}

void VfioDevice::Impl::close_all() {
  if (device >= 0 && !efds.empty()) {
    vfio_irq_set s{};
    s.argsz = sizeof s;
    s.flags = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER;
    s.index = irq_index;
    s.start = 0;
    s.count = 0;
    ::ioctl(device, VFIO_DEVICE_SET_IRQS, &s);
  }
  for (int f : efds) ::close(f);
  efds.clear();
  for (auto& [cpu, m] : maps) {
    vfio_iommu_type1_dma_unmap um{};
    um.argsz = sizeof um;
    um.iova = m.iova;
    um.size = m.map_bytes;
    if (container >= 0) ::ioctl(container, VFIO_IOMMU_UNMAP_DMA, &um);
    ::munmap(cpu, m.map_bytes);
  }
  maps.clear();
  if (bar) ::munmap(const_cast<uint8_t*>(bar), kBar0Bytes);
  bar = nullptr;
  if (device >= 0) ::close(device);
  if (group_fd >= 0) ::close(group_fd);  // detaches the group from the container
  if (container >= 0) ::close(container);
  device = group_fd = container = -1;
}

uint64_t VfioDevice::Impl::queues_of_vector(std::size_t v) const {
  uint64_t m = 0;
  if (efds.empty()) return 0;
  for (std::size_t q = v; q < 64; q += efds.size()) m |= 1ull << q;
  return m;
}

uint32_t VfioDevice::Impl::Regs::read32(uint32_t off) {
  check_reg_offset(off, "VfioDevice::read32");
  if (d_.bar) return *reinterpret_cast<volatile uint32_t*>(d_.bar + off);
  uint32_t v = 0;
  if (::pread(d_.device, &v, 4, static_cast<off_t>(d_.bar_offset + off)) != 4) {
    int e = errno;
    fail(Errc::DeviceError, "VfioDevice::read32 " + hex(off) + " of " + d_.bdf + ": " + os_reason(e));
  }
  return v;
}

void VfioDevice::Impl::Regs::write32(uint32_t off, uint32_t v) {
  check_reg_offset(off, "VfioDevice::write32");
  if (d_.bar) {
    *reinterpret_cast<volatile uint32_t*>(d_.bar + off) = v;
    return;
  }
  if (::pwrite(d_.device, &v, 4, static_cast<off_t>(d_.bar_offset + off)) != 4) {
    int e = errno;
    fail(Errc::DeviceError, "VfioDevice::write32 " + hex(off) + " of " + d_.bdf + ": " + os_reason(e));
  }
}

uint64_t VfioDevice::Impl::Regs::wait_irq(uint64_t queue_mask, uint64_t timeout_ns) {
  if (d_.efds.empty() || queue_mask == 0) return RegIo::wait_irq(queue_mask, timeout_ns);
  std::vector<pollfd> pfds;
  std::vector<std::size_t> vec;
  for (std::size_t v = 0; v < d_.efds.size(); ++v) {
    if (d_.queues_of_vector(v) & queue_mask) {
      pfds.push_back({d_.efds[v], POLLIN, 0});
      vec.push_back(v);
    }
  }
  const uint64_t deadline = mono_ns() + timeout_ns;
  for (;;) {
    uint64_t now = mono_ns();
    uint64_t left = deadline > now ? deadline - now : 0;
    timespec ts{static_cast<time_t>(left / 1'000'000'000ull), static_cast<long>(left % 1'000'000'000ull)};
    for (auto& p : pfds) p.revents = 0;
    int r = ::ppoll(pfds.data(), pfds.size(), &ts, nullptr);
    if (r < 0) {
      int e = errno;
      if (e == EINTR) continue;
      fail(Errc::DeviceError, "VfioDevice::wait_irq: ppoll on " + std::to_string(pfds.size()) +
                                  " interrupt eventfds: " + os_reason(e));
    }
    uint64_t fired = 0;
    for (std::size_t i = 0; i < pfds.size(); ++i) {
      if (!(pfds[i].revents & POLLIN)) continue;
      uint64_t count = 0;
      if (::read(pfds[i].fd, &count, sizeof count) == static_cast<ssize_t>(sizeof count) && count != 0)
        fired |= d_.queues_of_vector(vec[i]);
    }
    fired &= queue_mask;
    if (fired && d_.board_causes) {
      // A shared vector: the board's cause bits say which of its queues
      // raised it. None set (an earlier wait took them, or a board without
      // working causes): report the vector's queues, Q_INT_CAUSE decides.
      const uint64_t c = take_board_irq_causes(*this, queue_mask);
      if (c) fired = c;
    }
    if (fired || left == 0) return fired;
  }
}

std::string VfioDevice::Impl::Regs::describe() const {
  std::string s = "vfio " + d_.bdf + " group " + d_.group;
  s += d_.efds.empty() ? " (polling)"
                       : " (" + std::string(d_.irq_mode) + ", " + std::to_string(d_.efds.size()) + " vectors)";
  if (!d_.bar) s += ", BAR0 by pread/pwrite";
  if (d_.board_causes) s += ", board interrupt causes";
  return s;
}

DmaRegion VfioDevice::Impl::Dma::alloc(std::size_t bytes, std::size_t align) {
  check_dma_args(bytes, align, "VfioDevice::dma().alloc");
  if (bytes > (std::size_t{1} << 40))
    fail(Errc::InvalidArgument,
         "VfioDevice::dma().alloc: " + std::to_string(bytes) + " bytes is not a sane DMA size");
  const std::size_t map_bytes = round_up(bytes, d_.dma_page);
  void* p = ::mmap(nullptr, map_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
  if (p == MAP_FAILED) {
    int e = errno;
    fail(Errc::NoResources, "VfioDevice::dma().alloc: mmap " + human_bytes(map_bytes) + ": " + os_reason(e));
  }
  ::madvise(p, map_bytes, MADV_DONTFORK);
  std::lock_guard<std::mutex> lock(d_.mu);
  auto iova = d_.iova.alloc(map_bytes, std::max<std::size_t>(align, d_.dma_page));
  if (!iova) {
    ::munmap(p, map_bytes);
    fail(Errc::NoResources, "VfioDevice::dma().alloc: no free iova range of " + human_bytes(map_bytes) +
                                " aligned to " + std::to_string(align) + " (" +
                                std::to_string(d_.iova.free_bytes()) + " bytes of iova space free)");
  }
  vfio_iommu_type1_dma_map m{};
  m.argsz = sizeof m;
  m.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
  m.vaddr = reinterpret_cast<uintptr_t>(p);
  m.iova = *iova;
  m.size = map_bytes;
  if (::ioctl(d_.container, VFIO_IOMMU_MAP_DMA, &m) != 0) {
    int e = errno;
    d_.iova.free(*iova, map_bytes);
    ::munmap(p, map_bytes);
    if (e == ENOMEM)
      fail(Errc::NoResources, "VfioDevice::dma().alloc: VFIO_IOMMU_MAP_DMA of " + human_bytes(map_bytes) +
                                  " at iova " + hex(*iova) + ": " + os_reason(e) +
                                  ": pinned memory exceeds the locked-memory limit (" + memlock_str() +
                                  "); raise it (ulimit -l unlimited, /etc/security/limits.conf) or run as root");
    fail(e == EPERM ? Errc::Permission : Errc::DeviceError,
         "VfioDevice::dma().alloc: VFIO_IOMMU_MAP_DMA of " + human_bytes(map_bytes) + " at iova " + hex(*iova) +
             ": " + os_reason(e));
  }
  auto* cpu = static_cast<uint8_t*>(p);  // fresh anonymous memory: already zero
  d_.maps.emplace(cpu, Mapping{*iova, map_bytes, bytes});
  return DmaRegion{cpu, *iova, bytes};
}

void VfioDevice::Impl::Dma::free(const DmaRegion& r) {
  if (!r) return;
  std::lock_guard<std::mutex> lock(d_.mu);
  auto it = d_.maps.find(r.cpu);
  if (it == d_.maps.end() || it->second.iova != r.iova || it->second.bytes != r.bytes)
    fail(Errc::InvalidArgument, "VfioDevice::dma().free: region cpu=" + hex(reinterpret_cast<uintptr_t>(r.cpu)) +
                                    " iova=" + hex(r.iova) + " (" + std::to_string(r.bytes) +
                                    " bytes) was not allocated here or is already freed");
  vfio_iommu_type1_dma_unmap um{};
  um.argsz = sizeof um;
  um.iova = it->second.iova;
  um.size = it->second.map_bytes;
  if (::ioctl(d_.container, VFIO_IOMMU_UNMAP_DMA, &um) != 0) {
    int e = errno;
    // Keep the memory: the device may still reach it.
    fail(Errc::DeviceError, "VfioDevice::dma().free: VFIO_IOMMU_UNMAP_DMA iova " + hex(um.iova) + " (" +
                                human_bytes(um.size) + "): " + os_reason(e));
  }
  d_.iova.free(it->second.iova, it->second.map_bytes);
  ::munmap(it->first, it->second.map_bytes);
  d_.maps.erase(it);
}

std::string VfioDevice::Impl::Dma::describe() const {
  std::lock_guard<std::mutex> lock(d_.mu);
  uint64_t total = 0;
  for (auto& [cpu, m] : d_.maps) total += m.map_bytes;
  return "vfio dma " + d_.bdf + " (type1 IOMMU): " + std::to_string(d_.maps.size()) +
         (d_.maps.size() == 1 ? " region, " : " regions, ") + human_bytes(total);
}

VfioDevice::VfioDevice(const std::string& bdf, const VfioOptions& opt) : impl_(std::make_unique<Impl>(bdf, opt)) {}
VfioDevice::~VfioDevice() = default;
RegIo& VfioDevice::regs() { return impl_->regs; }
DmaAllocator& VfioDevice::dma() { return impl_->dma; }
const std::string& VfioDevice::bdf() const { return impl_->bdf; }
const std::string& VfioDevice::iommu_group() const { return impl_->group; }
unsigned VfioDevice::irq_vectors() const { return static_cast<unsigned>(impl_->efds.size()); }
const char* VfioDevice::irq_mode() const { return impl_->irq_mode; }

}  // namespace vmq
