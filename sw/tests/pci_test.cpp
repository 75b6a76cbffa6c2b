// Unit tests of the Linux PCI backends (pci.hpp) without a card: BDF parsing,
// discovery and resource0 mmap against a fake sysfs tree in a temp dir, the
// real sysfs (no card: nothing found, NoDevice), pagemap translation against
// the real /proc/self/pagemap (4 KiB test mode), hugepages if the machine has
// them, the iova allocator, and the VFIO error paths up to the first ioctl.
// Paths that depend on privileges are run both ways where possible: as root,
// a forked child drops the capability and checks the Permission error.
#include "vmq/pci.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <linux/capability.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "vmq/error.hpp"
#include "vmq/vmq_board_regs.hpp"

namespace fs = std::filesystem;
using vmq::Errc;

namespace {

// Runs `fn`, expects vmq::Error with `code` whose message contains every
// string of `parts`; returns the message.
std::string expect_error(const std::function<void()>& fn, Errc code, std::initializer_list<std::string> parts) {
  try {
    fn();
  } catch (const vmq::Error& e) {
    EXPECT_EQ(static_cast<int>(e.code()), static_cast<int>(code))
        << "got '" << vmq::errc_name(e.code()) << "', want '" << vmq::errc_name(code) << "': " << e.what();
    for (const auto& p : parts) EXPECT_NE(std::string(e.what()).find(p), std::string::npos)
        << "message lacks '" << p << "': " << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no vmq::Error thrown (wanted " << vmq::errc_name(code) << ")";
  return "";
}

// --- capabilities (no libcap) -----------------------------------------------
bool has_cap(int cap) {
  __user_cap_header_struct h{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct d[2]{};
  if (syscall(SYS_capget, &h, d) != 0) return false;
  return (d[cap / 32].effective >> (cap % 32)) & 1u;
}

bool drop_caps(std::initializer_list<int> caps) {
  __user_cap_header_struct h{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct d[2]{};
  if (syscall(SYS_capget, &h, d) != 0) return false;
  for (int c : caps) d[c / 32].effective &= ~(1u << (c % 32));
  return syscall(SYS_capset, &h, d) == 0;
}

// Runs fn in a forked child after dropping `caps`; fn's return value is the
// exit status (0 = pass). 77 = could not drop the capabilities.
int in_child_without(std::initializer_list<int> caps, const std::function<int()>& fn) {
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    int rc = 99;
    if (!drop_caps(caps)) _exit(77);
    try {
      rc = fn();
    } catch (...) {
      rc = 98;
    }
    std::fflush(nullptr);
    _exit(rc);
  }
  int st = 0;
  waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

// In a child: expect `fn` to throw vmq::Error(code) mentioning `needle`.
int child_expect(const std::function<void()>& fn, Errc code, const std::string& needle) {
  try {
    fn();
  } catch (const vmq::Error& e) {
    std::fprintf(stderr, "  [child] %s: %s\n", vmq::errc_name(e.code()), e.what());
    if (e.code() != code) return 2;
    if (std::string(e.what()).find(needle) == std::string::npos) return 3;
    return 0;
  }
  std::fprintf(stderr, "  [child] no error thrown\n");
  return 1;
}

void write_file(const fs::path& p, const std::string& data) {
  std::ofstream f(p, std::ios::binary);
  f << data;
  ASSERT_TRUE(f.good()) << p;
}

std::string config_with_command(uint16_t cmd) {
  std::string c(64, '\0');
  c[0] = static_cast<char>(0xee);
  c[1] = 0x10;
  c[2] = 0x51;
  c[3] = static_cast<char>(0x9e);
  c[4] = static_cast<char>(cmd & 0xff);
  c[5] = static_cast<char>(cmd >> 8);
  return c;
}

}  // namespace

// ---------------------------------------------------------------------------
TEST(PciBdf, CanonicalGood) {
  EXPECT_EQ(vmq::pci_canonical_bdf("0000:01:00.0"), "0000:01:00.0");
  EXPECT_EQ(vmq::pci_canonical_bdf("01:00.0"), "0000:01:00.0");
  EXPECT_EQ(vmq::pci_canonical_bdf("0000:AF:1F.7"), "0000:af:1f.7");
  EXPECT_EQ(vmq::pci_canonical_bdf("00a0:7f:1f.7"), "00a0:7f:1f.7");
  EXPECT_EQ(vmq::pci_canonical_bdf("10000:00:02.0"), "10000:00:02.0");  // VMD domain
  EXPECT_EQ(vmq::pci_canonical_bdf("ff:1f.0"), "0000:ff:1f.0");
}

TEST(PciBdf, CanonicalBad) {
  for (const char* s : {"", "1:00.0", "0000:01:00", "0000:01:20.0", "0000:01:00.8", "zz:00.0", "0000:01:00.0 ",
                        " 01:00.0", "000:01:00.0", "0000:001:00.0", "0000:01:00.0.1", "0000:01:0.0", "a:b:c:d",
                        "0000:01:00:0", "0000:01:00.", "0000:01:00.00", "123456789:01:00.0", "0000-01-00.0"}) {
    SCOPED_TRACE(s);
    expect_error([&] { vmq::pci_canonical_bdf(s); }, Errc::InvalidArgument,
                 {"'" + std::string(s) + "'", "DDDD:BB:DD.F"});
  }
}

// ---------------------------------------------------------------------------
// Fake sysfs: <tmp>/devices/<bdf>/{vendor,device,enable,config,resource0},
// drivers and IOMMU groups next to it, reached through relative symlinks as in
// the real /sys.
class FakeSysfs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    char tmpl[] = "/tmp/vmq_pci_test.XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr) << std::strerror(errno);
    root_ = tmpl;
    fs::create_directories(root_ / "drivers/vfio-pci");
    fs::create_directories(root_ / "drivers/ixgbe");
    fs::create_directories(root_ / "kernel/iommu_groups/7/devices");
    fs::create_directories(root_ / "devices");
    struct Dev {
      const char* bdf;
      const char* vendor;
      const char* device;
      int resource0;      // bytes, -1: none
      int command;        // config COMMAND, -1: no config file
      const char* enable;
      const char* driver;  // "" none
      const char* group;   // "" none
    };
    const Dev devs[] = {
        {"0000:01:00.0", "0x10ee\n", "0x9e51\n", 0x100000, 0x0006, "1\n", "", ""},
        {"0000:02:00.0", "0x8086\n", "0x1533\n", 0x100000, 0x0006, "1\n", "", ""},
        {"0000:03:00.0", "0x10ee\n", "0x9e51\n", 4096, 0x0006, "1\n", "", ""},
        {"0000:04:00.0", "0x10ee\n", "0x9e51\n", -1, 0x0006, "1\n", "", ""},
        {"0000:05:00.0", "0x10ee\n", "0x9e51\n", 0x100000, 0x0006, "1\n", "vfio-pci", "7"},
        {"0000:06:00.0", "0x10ee\n", "0x9e51\n", 0x100000, 0x0000, "0\n", "", ""},
        {"0000:07:00.0", "0x10ee\n", "0x9e51\n", 0x100000, -1, "0\n", "", ""},
        {"0000:08:00.0", "0x10ee\n", "0x9e51\n", 0x100000, 0x0002, "0\n", "", ""},
        {"0000:09:00.0", "0x10ee\n", "0x9e51\n", 0x100000, 0x0006, "1\n", "ixgbe", "3"},
        {"0000:0a:00.0", "0x10ee\n", "0x9e51\n", 0x100000, 0x0006, "1\n", "vfio-pci", ""},
    };
    for (const auto& d : devs) {
      fs::path p = root_ / "devices" / d.bdf;
      fs::create_directories(p);
      write_file(p / "vendor", d.vendor);
      write_file(p / "device", d.device);
      write_file(p / "enable", d.enable);
      if (d.command >= 0) write_file(p / "config", config_with_command(static_cast<uint16_t>(d.command)));
      if (d.resource0 >= 0) {
        write_file(p / "resource0", "");
        fs::resize_file(p / "resource0", static_cast<uintmax_t>(d.resource0));
      }
      if (*d.driver) fs::create_symlink(std::string("../../drivers/") + d.driver, p / "driver");
      if (*d.group) fs::create_symlink(std::string("../../kernel/iommu_groups/") + d.group, p / "iommu_group");
    }
    fs::create_directories(root_ / "devices/not-a-device");  // no vendor file: ignored
    fs::create_directories(root_ / "vfio_regular_file");
    write_file(root_ / "vfio_regular_file/vfio", "not a character device\n");
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  static std::string sysfs() { return (root_ / "devices").string(); }
  static std::string dev(const char* bdf) { return (root_ / "devices" / bdf).string(); }
  static fs::path root_;
};
fs::path FakeSysfs::root_;

TEST_F(FakeSysfs, FindDevices) {
  auto found = vmq::pci_find_devices(sysfs());
  std::vector<std::string> bdfs;
  for (auto& d : found) {
    bdfs.push_back(d.bdf);
    EXPECT_EQ(d.vendor, vmq::kPciVendorId);
    EXPECT_EQ(d.device, vmq::kPciDeviceId);
  }
  EXPECT_EQ(bdfs, (std::vector<std::string>{"0000:01:00.0", "0000:03:00.0", "0000:04:00.0", "0000:05:00.0",
                                            "0000:06:00.0", "0000:07:00.0", "0000:08:00.0", "0000:09:00.0",
                                            "0000:0a:00.0"}));
  ASSERT_EQ(found.size(), 9u);
  EXPECT_EQ(found[0].driver, "");
  EXPECT_EQ(found[0].iommu_group, "");
  EXPECT_EQ(found[3].driver, "vfio-pci");
  EXPECT_EQ(found[3].iommu_group, "7");
  EXPECT_EQ(found[7].driver, "ixgbe");
  EXPECT_EQ(found[7].iommu_group, "3");
  EXPECT_TRUE(vmq::pci_find_devices((root_ / "no/such/dir").string()).empty());
}

TEST_F(FakeSysfs, Resource0ReadWriteRoundTrip) {
  vmq::PciResource0Io io("0000:01:00.0", sysfs());
  EXPECT_EQ(io.describe(), "pci 0000:01:00.0 resource0 (polling)");
  EXPECT_EQ(io.bdf(), "0000:01:00.0");
  EXPECT_TRUE(io.bus_master_enabled());
  EXPECT_FALSE(io.has_irq());
  EXPECT_EQ(io.read32(0), 0u);
  EXPECT_EQ(io.read32(0xfffc), 0u);
  for (uint32_t off = 0; off < vmq::kBar0Bytes; off += 4) io.write32(off, off * 0x9e3779b1u ^ 0x766d7100u);
  for (uint32_t off = 0; off < vmq::kBar0Bytes; off += 4)
    ASSERT_EQ(io.read32(off), off * 0x9e3779b1u ^ 0x766d7100u) << "offset " << off;
  io.write32(0x10, 0xdeadbeef);
  io.write32(0xfffc, 0x01020304);
  // The bytes really are in the file, little-endian, at the offsets.
  int fd = ::open((dev("0000:01:00.0") + "/resource0").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  unsigned char b[4];
  ASSERT_EQ(::pread(fd, b, 4, 0x10), 4);
  EXPECT_EQ(b[0], 0xef);
  EXPECT_EQ(b[1], 0xbe);
  EXPECT_EQ(b[2], 0xad);
  EXPECT_EQ(b[3], 0xde);
  ASSERT_EQ(::pread(fd, b, 4, 0xfffc), 4);
  EXPECT_EQ(b[0], 0x04);
  EXPECT_EQ(b[3], 0x01);
  ::close(fd);
  // A second mapping (a new instance, short BDF form) sees the same registers.
  vmq::PciResource0Io io2("01:00.0", sysfs());
  EXPECT_EQ(io2.read32(0x10), 0xdeadbeefu);
  EXPECT_EQ(io2.describe(), "pci 0000:01:00.0 resource0 (polling)");
}

TEST_F(FakeSysfs, Resource0BadOffsets) {
  vmq::PciResource0Io io("0000:01:00.0", sysfs());
  expect_error([&] { io.read32(0x100000); }, Errc::InvalidArgument, {"read32", "0x100000"});
  expect_error([&] { io.read32(0xffffffffu); }, Errc::InvalidArgument, {"read32", "0xffffffff"});
  expect_error([&] { io.read32(2); }, Errc::InvalidArgument, {"0x2", "aligned"});
  expect_error([&] { io.write32(0xffffe, 1); }, Errc::InvalidArgument, {"write32", "0xffffe"});
  expect_error([&] { io.write32(0x100000, 1); }, Errc::InvalidArgument, {"write32"});
}

TEST_F(FakeSysfs, Resource0Time) {
  vmq::PciResource0Io io("0000:01:00.0", sysfs());
  uint64_t t0 = io.now_ns();
  io.delay_ns(10'000);  // spin
  uint64_t t1 = io.now_ns();
  EXPECT_GE(t1 - t0, 10'000u);
  io.delay_ns(2'000'000);  // sleep
  uint64_t t2 = io.now_ns();
  EXPECT_GE(t2 - t1, 2'000'000u);
  EXPECT_LT(t2 - t1, 1'000'000'000u);
  EXPECT_EQ(io.wait_irq(1, 1'000'000), 0u);  // no interrupts: waits, returns 0
  EXPECT_GE(io.now_ns() - t2, 1'000'000u);
}

TEST_F(FakeSysfs, Resource0Refusals) {
  expect_error([&] { vmq::PciResource0Io("0000:02:00.0", sysfs()); }, Errc::NoDevice,
               {"0000:02:00.0", "8086:1533", "10ee:9e51"});
  expect_error([&] { vmq::PciResource0Io("0000:03:00.0", sysfs()); }, Errc::DeviceError,
               {"resource0", "4096 bytes", "1048576"});
  expect_error([&] { vmq::PciResource0Io("0000:04:00.0", sysfs()); }, Errc::DeviceError,
               {"resource0", "No such file", "not assigned"});
  expect_error([&] { vmq::PciResource0Io("0000:0b:00.0", sysfs()); }, Errc::NoDevice,
               {"no PCI device 0000:0b:00.0", "ls " + sysfs()});
  expect_error([&] { vmq::PciResource0Io("0000:06:00.0", sysfs()); }, Errc::DeviceError,
               {"memory decoding is off", "echo 1 > " + dev("0000:06:00.0") + "/enable"});
  expect_error([&] { vmq::PciResource0Io("0000:07:00.0", sysfs()); }, Errc::DeviceError,
               {"reads 0", "echo 1 > " + dev("0000:07:00.0") + "/enable"});
  expect_error([&] { vmq::PciResource0Io("bogus", sysfs()); }, Errc::InvalidArgument, {"PciResource0Io", "'bogus'"});
}

TEST_F(FakeSysfs, Resource0BusMasterOffStillMaps) {
  // `enable` reads 0 (no driver bound) but decoding is on: usable; DMA not.
  vmq::PciResource0Io io("0000:08:00.0", sysfs());
  EXPECT_FALSE(io.bus_master_enabled());
  EXPECT_NE(io.describe().find("pci 0000:08:00.0 resource0 (polling), bus master off"), std::string::npos)
      << io.describe();
  io.write32(4, 7);
  EXPECT_EQ(io.read32(4), 7u);
}

TEST_F(FakeSysfs, Resource0PermissionDenied) {
  const std::string res = dev("0000:01:00.0") + "/resource0";
  ASSERT_EQ(::chmod(res.c_str(), 0), 0);
  auto check = [&] {
    return child_expect([&] { vmq::PciResource0Io("0000:01:00.0", sysfs()); }, Errc::Permission, "run as root");
  };
  // As root, drop the capabilities that bypass file permissions.
  int rc = in_child_without({CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER}, check);
  ::chmod(res.c_str(), 0644);
  if (rc == 77) GTEST_SKIP() << "cannot drop CAP_DAC_OVERRIDE here";
  EXPECT_EQ(rc, 0) << "child: 1 no error, 2 wrong code, 3 message lacks 'run as root'";
}

// ---------------------------------------------------------------------------
// The real sysfs of this machine (no vmq card expected).
TEST(PciRealSysfs, FindAndMissingDevice) {
  auto found = vmq::pci_find_devices();
  for (auto& d : found) {
    EXPECT_EQ(d.vendor, vmq::kPciVendorId);
    EXPECT_EQ(d.device, vmq::kPciDeviceId);
  }
  std::cout << "[ note     ] vmq cards in /sys/bus/pci/devices: " << found.size() << "\n";
  expect_error([] { vmq::PciResource0Io("0000:7f:1f.7"); }, Errc::NoDevice, {"0000:7f:1f.7"});
}

// ---------------------------------------------------------------------------
TEST(Pagemap, EntryToPhys) {
  const uint64_t present = 1ull << 63;
  EXPECT_EQ(vmq::pagemap_entry_to_phys(present | 0x12345, 0x7f0000001abc, 4096), 0x12345abcull);
  EXPECT_EQ(vmq::pagemap_entry_to_phys(present | 0x12345, 0x7f0000001000, 4096), 0x12345000ull);
  // Flag bits 55..62 (soft-dirty, exclusive, uffd-wp, file/shared) are not PFN.
  EXPECT_EQ(vmq::pagemap_entry_to_phys(present | (0xffull << 55) | 0x1, 0xfff, 4096), 0x1fffull);
  // Largest PFN: bits 54:0.
  const uint64_t maxpfn = (1ull << 55) - 1;
  EXPECT_EQ(vmq::pagemap_entry_to_phys(present | maxpfn, 0, 4096), maxpfn * 4096);
  // 16 KiB base pages (arm64 kernels): PFN in 16 KiB units.
  EXPECT_EQ(vmq::pagemap_entry_to_phys(present | 0x10, 0x3fff, 16384), 0x40000ull + 0x3fff);
  EXPECT_FALSE(vmq::pagemap_entry_to_phys(0x12345, 0x1000, 4096));                   // not present
  EXPECT_FALSE(vmq::pagemap_entry_to_phys((1ull << 62) | 0x12345, 0x1000, 4096));    // swapped
  EXPECT_FALSE(vmq::pagemap_entry_to_phys(present, 0x1000, 4096));                   // PFN hidden
  EXPECT_FALSE(vmq::pagemap_entry_to_phys(present | (1ull << 55), 0x1000, 4096));    // flags only, PFN 0
  EXPECT_FALSE(vmq::pagemap_entry_to_phys(present | 0x12345, 0x1000, 3000));         // bad page size
  EXPECT_FALSE(vmq::pagemap_entry_to_phys(present | 0x12345, 0x1000, 0));
}

// HugepageDma in 4 KiB test mode against the real /proc/self/pagemap.
TEST(HugepageDmaSmall, RealPagemap) {
  if (!has_cap(CAP_SYS_ADMIN)) {
    std::string msg = expect_error([] { vmq::HugepageDma dma("/proc/self/pagemap", true); }, Errc::Permission,
                                   {"CAP_SYS_ADMIN", "/proc/self/pagemap"});
    GTEST_SKIP() << "no CAP_SYS_ADMIN: checked the Permission error instead of translating: " << msg;
  }
  vmq::HugepageDma dma("/proc/self/pagemap", true);
  const std::size_t page = dma.page_bytes();
  EXPECT_EQ(page, static_cast<std::size_t>(sysconf(_SC_PAGESIZE)));
  auto a = dma.alloc(100, 64);
  ASSERT_TRUE(a);
  EXPECT_EQ(a.bytes, 100u);
  EXPECT_NE(a.iova, 0u);
  EXPECT_EQ(a.iova % 64, 0u);
  EXPECT_EQ(a.iova & (page - 1), reinterpret_cast<uintptr_t>(a.cpu) & (page - 1));
  for (std::size_t i = 0; i < a.bytes; ++i) ASSERT_EQ(a.cpu[i], 0) << i;
  EXPECT_EQ(dma.virt_to_phys(a.cpu), a.iova);
  EXPECT_EQ(dma.virt_to_phys(a.cpu + 99), a.iova + 99);
  std::memset(a.cpu, 0x5a, a.bytes);
  usleep(20'000);
  EXPECT_EQ(dma.virt_to_phys(a.cpu), a.iova) << "physical address moved";
  // Sub-allocation from the same page: same offset in cpu and iova space.
  auto b = dma.alloc(200, 128);
  EXPECT_EQ(b.iova % 128, 0u);
  EXPECT_EQ(b.iova - a.iova, static_cast<uint64_t>(b.cpu - a.cpu));
  EXPECT_GE(b.cpu, a.cpu + a.bytes);
  EXPECT_NE(dma.describe().find("TEST MODE"), std::string::npos) << dma.describe();
  EXPECT_NE(dma.describe().find("2 regions"), std::string::npos) << dma.describe();
  // A full page does not fit: a new chunk.
  auto c = dma.alloc(page, 16);
  EXPECT_EQ(c.iova & (page - 1), 0u);
  EXPECT_EQ(dma.virt_to_phys(c.cpu + page - 1), c.iova + page - 1);
  std::memset(c.cpu, 0xa5, page);
  // Errors.
  expect_error([&] { dma.alloc(0, 64); }, Errc::InvalidArgument, {"bytes must be > 0"});
  expect_error([&] { dma.alloc(64, 8); }, Errc::InvalidArgument, {"align 8"});
  expect_error([&] { dma.alloc(64, 48); }, Errc::InvalidArgument, {"align 48"});
  expect_error([&] { dma.alloc(64, page * 2); }, Errc::InvalidArgument, {"exceeds the page size"});
  vmq::DmaRegion bogus{a.cpu + 1, a.iova + 1, 10};
  expect_error([&] { dma.free(bogus); }, Errc::InvalidArgument, {"not allocated"});
  vmq::DmaRegion wrong = a;
  wrong.bytes = 99;
  expect_error([&] { dma.free(wrong); }, Errc::InvalidArgument, {"was allocated as"});
  dma.free(vmq::DmaRegion{});  // empty: no-op
  dma.free(a);
  expect_error([&] { dma.free(a); }, Errc::InvalidArgument, {"already freed"});
  dma.free(b);
  dma.free(c);
  // Memory handed out again is zeroed.
  auto d = dma.alloc(page, 16);
  for (std::size_t i = 0; i < page; ++i) ASSERT_EQ(d.cpu[i], 0) << i;
  dma.free(d);
  EXPECT_NE(dma.describe().find("0 regions"), std::string::npos) << dma.describe();
  // More than a page: accepted only if physically contiguous.
  try {
    auto big = dma.alloc(3 * page, 64);
    for (std::size_t i = 0; i < big.bytes; i += page) EXPECT_EQ(dma.virt_to_phys(big.cpu + i), big.iova + i);
    dma.free(big);
    std::cout << "[ note     ] 3-page request: the kernel happened to give contiguous pages\n";
  } catch (const vmq::Error& e) {
    EXPECT_EQ(e.code(), Errc::NoResources) << e.what();
    EXPECT_NE(std::string(e.what()).find("physically contiguous"), std::string::npos) << e.what();
    std::cout << "[ note     ] 3-page request refused as expected: " << e.what() << "\n";
  }
}

// The non-root path: without CAP_SYS_ADMIN the kernel shows PFN 0.
TEST(HugepageDmaSmall, HiddenPfnIsPermissionError) {
  int rc = in_child_without({CAP_SYS_ADMIN}, [] {
    return child_expect([] { vmq::HugepageDma dma("/proc/self/pagemap", true); }, Errc::Permission,
                        "CAP_SYS_ADMIN");
  });
  if (rc == 77) GTEST_SKIP() << "cannot drop CAP_SYS_ADMIN here";
  EXPECT_EQ(rc, 0) << "child: 1 no error, 2 wrong code, 3 message lacks 'CAP_SYS_ADMIN'";
}

TEST(HugepageDmaSmall, MissingPagemap) {
  expect_error([] { vmq::HugepageDma dma("/nonexistent/pagemap", true); }, Errc::NoDevice,
               {"/nonexistent/pagemap", "No such file"});
}

// Real 2 MiB hugepages: works if the machine has some, else NoResources with the fix.
TEST(HugepageDma, HugepagesOrClearError) {
  std::unique_ptr<vmq::HugepageDma> dma;
  try {
    dma = std::make_unique<vmq::HugepageDma>();
  } catch (const vmq::Error& e) {
    ASSERT_EQ(e.code(), Errc::Permission) << e.what();
    GTEST_SKIP() << "no CAP_SYS_ADMIN: " << e.what();
  }
  EXPECT_EQ(dma->page_bytes(), 2u << 20);
  vmq::DmaRegion r;
  try {
    r = dma->alloc(4096, 4096);
  } catch (const vmq::Error& e) {
    EXPECT_EQ(e.code(), Errc::NoResources) << e.what();
    EXPECT_NE(std::string(e.what()).find("echo 64 > /proc/sys/vm/nr_hugepages"), std::string::npos) << e.what();
    GTEST_SKIP() << "no free 2 MiB hugepages here; checked the error instead: " << e.what();
  }
  EXPECT_EQ(r.iova % 4096, 0u);
  EXPECT_EQ(r.iova & ((2u << 20) - 1), reinterpret_cast<uintptr_t>(r.cpu) & ((2u << 20) - 1));
  EXPECT_EQ(dma->virt_to_phys(r.cpu + 4095), r.iova + 4095);
  auto r2 = dma->alloc(1 << 20, 1 << 20);
  EXPECT_EQ(r2.iova % (1 << 20), 0u);
  EXPECT_EQ(r2.iova - r.iova, static_cast<uint64_t>(r2.cpu - r.cpu));
  dma->free(r);
  dma->free(r2);
  // More than one hugepage: accepted only if the hugepages are contiguous.
  try {
    auto big = dma->alloc(3u << 20, 4096);
    EXPECT_EQ(dma->virt_to_phys(big.cpu + (2u << 20)), big.iova + (2u << 20));
    dma->free(big);
  } catch (const vmq::Error& e) {
    EXPECT_EQ(e.code(), Errc::NoResources) << e.what();
    std::cout << "[ note     ] 3 MiB request refused: " << e.what() << "\n";
  }
  std::cout << "[ note     ] hugepages available: " << dma->describe() << "\n";
}

// ---------------------------------------------------------------------------
TEST(IovaAllocator, FirstFitAlignCoalesce) {
  vmq::IovaAllocator a;
  a.add_range(0x100000000ull, 0x100ffffffull);  // 16 MiB
  EXPECT_EQ(a.free_bytes(), 16u << 20);
  auto x = a.alloc(4096, 4096);
  ASSERT_TRUE(x);
  EXPECT_EQ(*x, 0x100000000ull);
  auto y = a.alloc(8192, 1 << 20);  // aligned up: leaves a hole
  ASSERT_TRUE(y);
  EXPECT_EQ(*y, 0x100100000ull);
  auto z = a.alloc(4096, 4096);  // first fit: into the hole
  ASSERT_TRUE(z);
  EXPECT_EQ(*z, 0x100001000ull);
  EXPECT_EQ(a.free_bytes(), (16u << 20) - 16384);
  EXPECT_FALSE(a.alloc(32u << 20, 4096));  // too big
  EXPECT_EQ(a.allocated(), 3u);
  expect_error([&] { a.free(*x, 4096 * 2); }, Errc::InvalidArgument, {"allocated as 4096 bytes"});
  expect_error([&] { a.free(*x + 4096 * 4, 4096); }, Errc::InvalidArgument, {"never allocated"});
  a.free(*y, 8192);
  a.free(*x, 4096);
  expect_error([&] { a.free(*x, 4096); }, Errc::InvalidArgument, {"freed twice"});
  a.free(*z, 4096);
  EXPECT_EQ(a.allocated(), 0u);
  EXPECT_EQ(a.free_ranges(), 1u);
  EXPECT_EQ(a.free_bytes(), 16u << 20);
  expect_error([&] { a.alloc(0, 4096); }, Errc::InvalidArgument, {"bytes 0"});
  expect_error([&] { a.alloc(4096, 3000); }, Errc::InvalidArgument, {"align 3000"});
  expect_error([&] { a.add_range(10, 5); }, Errc::InvalidArgument, {"below start"});
  expect_error([&] { a.add_range(0x100000000ull, 0x100000fffull); }, Errc::InvalidArgument, {"overlaps free space"});
  auto w = a.alloc(4096, 4096);
  expect_error([&] { a.add_range(*w, *w + 4095); }, Errc::InvalidArgument, {"overlaps allocated iova"});
  EXPECT_EQ(*w, 0x100000000ull);
  a.add_range(0x200000000ull, 0x2000fffffull);  // a separate range
  EXPECT_EQ(a.free_ranges(), 2u);  // [w+4K, 0x100ffffff] and [0x200000000, 0x2000fffff]
  a.add_range(0x101000000ull, 0x101ffffffull);  // adjacent: coalesces with the first
  EXPECT_EQ(a.free_ranges(), 2u);
  EXPECT_EQ(a.free_bytes(), (32u << 20) - 4096 + (1u << 20));
}

TEST(IovaAllocator, SeveralRangesAndEdges) {
  vmq::IovaAllocator a;
  a.add_range(0x1000, 0x1fff);
  a.add_range(0x10000, 0xfedfffff);             // x86: below the MSI window
  a.add_range(0xfef00000, 0xffffffffffffffffull);  // to the top
  EXPECT_EQ(a.free_ranges(), 3u);
  EXPECT_EQ(*a.alloc(0x1000, 0x1000), 0x1000u);
  EXPECT_EQ(*a.alloc(0x1000, 0x1000), 0x10000u);
  auto big = a.alloc(1ull << 32, 1ull << 32);  // only the top range has it
  ASSERT_TRUE(big);
  EXPECT_EQ(*big, 1ull << 32);
  auto top = a.alloc(0x1000, 1ull << 63);
  ASSERT_TRUE(top);
  EXPECT_EQ(*top, 1ull << 63);
  a.free(*top, 0x1000);
  a.free(*big, 1ull << 32);
  EXPECT_EQ(a.allocated(), 2u);
  expect_error([&] { a.free(0xfffffffffffff000ull, 0x2000); }, Errc::InvalidArgument, {"never allocated"});
}

// ---------------------------------------------------------------------------
// VFIO: everything up to the first ioctl can be checked without a device.
TEST(Vfio, RealSysfsMissingDevice) {
  expect_error([] { vmq::VfioDevice d("0000:7f:1f.7"); }, Errc::NoDevice, {"VfioDevice", "no PCI device 0000:7f:1f.7"});
  expect_error([] { vmq::VfioDevice d("7f:1f.9"); }, Errc::InvalidArgument, {"VfioDevice", "'7f:1f.9'"});
}

TEST_F(FakeSysfs, VfioNotBoundToVfioPci) {
  vmq::VfioOptions o;
  o.sysfs_root = sysfs();
  expect_error([&] { vmq::VfioDevice d("0000:01:00.0", o); }, Errc::NoDevice,
               {"not bound to any driver", "echo vfio-pci > " + dev("0000:01:00.0") + "/driver_override",
                "echo 0000:01:00.0 > /sys/bus/pci/drivers/vfio-pci/bind", "modprobe vfio-pci"});
  expect_error([&] { vmq::VfioDevice d("0000:09:00.0", o); }, Errc::NoDevice,
               {"bound to ixgbe", "echo 0000:09:00.0 > " + dev("0000:09:00.0") + "/driver/unbind",
                "vfio-pci/bind"});
  expect_error([&] { vmq::VfioDevice d("0000:02:00.0", o); }, Errc::NoDevice, {"8086:1533"});
  expect_error([&] { vmq::VfioDevice d("0000:0a:00.0", o); }, Errc::NoDevice,
               {"no IOMMU group", "intel_iommu=on"});
}

TEST_F(FakeSysfs, VfioDirMissing) {
  vmq::VfioOptions o;
  o.sysfs_root = sysfs();
  o.vfio_dir = (root_ / "no-vfio-here").string();
  expect_error([&] { vmq::VfioDevice d("0000:05:00.0", o); }, Errc::NoDevice,
               {"open " + o.vfio_dir + "/vfio", "No such file", "modprobe vfio-pci"});
}

TEST_F(FakeSysfs, VfioRealDevVfio) {
  if (fs::exists("/dev/vfio/vfio"))
    GTEST_SKIP() << "/dev/vfio/vfio exists on this machine: not opening real VFIO groups for a fake device";
  vmq::VfioOptions o;
  o.sysfs_root = sysfs();
  expect_error([&] { vmq::VfioDevice d("0000:05:00.0", o); }, Errc::NoDevice,
               {"open /dev/vfio/vfio", "modprobe vfio-pci"});
}

TEST_F(FakeSysfs, VfioContainerNotVfio) {
  vmq::VfioOptions o;
  o.sysfs_root = sysfs();
  o.vfio_dir = (root_ / "vfio_regular_file").string();
  expect_error([&] { vmq::VfioDevice d("0000:05:00.0", o); }, Errc::NoDevice,
               {o.vfio_dir + "/vfio is not a VFIO container", "VFIO_GET_API_VERSION"});
}

// The KCU105 board's interrupt cause register as fpga_core implements it
// (BRD_IRQ_CAUSE_LO/HI, write 1 to clear): the driver's side of a shared MSI
// vector, without a card.
class FakeBoardRegs : public vmq::RegIo {
 public:
  uint64_t cause = 0;
  bool board = true;
  std::vector<std::pair<uint32_t, uint32_t>> writes;
  unsigned reads = 0;
  uint32_t read32(uint32_t off) override {
    ++reads;
    namespace br = vmq::board_regs;
    if (off == br::BRD_MAGIC) return board ? br::BOARD_MAGIC : 0xFFFFFFFFu;
    if (off == br::BRD_IRQ_CAUSE_LO) return static_cast<uint32_t>(cause);
    if (off == br::BRD_IRQ_CAUSE_HI) return static_cast<uint32_t>(cause >> 32);
    return 0xFFFFFFFFu;
  }
  void write32(uint32_t off, uint32_t v) override {
    writes.emplace_back(off, v);
    if (off == vmq::board_regs::BRD_IRQ_CAUSE_LO) cause &= ~uint64_t{v};
    if (off == vmq::board_regs::BRD_IRQ_CAUSE_HI) cause &= ~(uint64_t{v} << 32);
  }
  uint64_t now_ns() override { return 0; }
  void delay_ns(uint64_t) override {}
  std::string describe() const override { return "fake board"; }
};

TEST(BoardRegs, Magic) {
  FakeBoardRegs r;
  EXPECT_TRUE(vmq::has_board_regs(r));
  r.board = false;  // a BAR0 without the board window reads all ones there
  EXPECT_FALSE(vmq::has_board_regs(r));
}

TEST(BoardRegs, TakeCausesOnlyOfTheMask) {
  namespace br = vmq::board_regs;
  FakeBoardRegs r;
  // queues 0, 1, 3, 33 and 63 raised; a waiter for queues 0..2 and 33
  r.cause = (1ull << 0) | (1ull << 1) | (1ull << 3) | (1ull << 33) | (1ull << 63);
  const uint64_t mask = 0x7ull | (1ull << 33);
  EXPECT_EQ(vmq::take_board_irq_causes(r, mask), (1ull << 0) | (1ull << 1) | (1ull << 33));
  // only the taken bits were written back; 3 and 63 stay for their waiters
  EXPECT_EQ(r.cause, (1ull << 3) | (1ull << 63));
  ASSERT_EQ(r.writes.size(), 2u);
  EXPECT_EQ(r.writes[0], std::make_pair(br::BRD_IRQ_CAUSE_LO, 0x3u));
  EXPECT_EQ(r.writes[1], std::make_pair(br::BRD_IRQ_CAUSE_HI, 0x2u));
  // again: nothing left in the mask, nothing written
  EXPECT_EQ(vmq::take_board_irq_causes(r, mask), 0u);
  EXPECT_EQ(r.writes.size(), 2u);
  // a mask of low queues only never touches the high half
  r.reads = 0;
  EXPECT_EQ(vmq::take_board_irq_causes(r, 0x8), 0x8u);
  EXPECT_EQ(r.reads, 1u);
  EXPECT_EQ(r.cause, 1ull << 63);
  EXPECT_EQ(vmq::take_board_irq_causes(r, ~0ull), 1ull << 63);
  EXPECT_EQ(r.cause, 0u);
  EXPECT_EQ(vmq::take_board_irq_causes(r, 0), 0u);
}
