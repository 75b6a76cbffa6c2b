// vmq::Device (SPEC §8) against the Verilated vmq_core on the simulation
// platform: capabilities, argument checking, the queue lifecycle (also with
// traffic in flight), byte-exact receive and transmit, interrupts and
// statistics. Every test builds its own Platform (default PlatformConfig:
// 250 MHz core, 10 GbE wire, lossless pacing) and Device.
//
// Failure messages name the frame, the queue and the simulated cycle.
#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>
#include <vmq/device.hpp>
#include <vmq/open.hpp>
#include <vmq/vmq_regs.hpp>

#include "platform.hpp"
#include "sim_backend.hpp"

namespace {

namespace vs = vmq::sim;
using vmq::Device;
using vmq::Errc;
using vmq::Filter;
using vmq::FilterType;
using vmq::MacAddr;
using vmq::QueueConfig;

constexpr uint64_t kMacA = 0x020000000001ULL;  // unicast MACs of the "VMs"
constexpr uint64_t kMacB = 0x020000000002ULL;
constexpr uint64_t kMacC = 0x020000000003ULL;
constexpr uint64_t kMacOther = 0x02aa00000077ULL;  // matches no filter
constexpr uint64_t kSrc = 0x02ff00000001ULL;
constexpr uint64_t kBcast = 0xffffffffffffULL;

// A DmaAllocator in front of the platform that remembers what the driver
// holds and, after a region is freed, fills it with a pattern: a DMA write
// that lands after free_queue() returned shows up as a changed byte.
class TrackingDma final : public vmq::DmaAllocator {
 public:
  explicit TrackingDma(vs::Platform& p) : p_(p) {}
  vmq::DmaRegion alloc(std::size_t bytes, std::size_t align) override {
    const vmq::DmaRegion r = p_.alloc(bytes, align);
    live_.push_back(r);
    return r;
  }
  void free(const vmq::DmaRegion& r) override {
    p_.free(r);
    std::memset(r.cpu, kPattern, r.bytes);  // still mapped: the arena is one mapping
    std::erase_if(live_, [&](const vmq::DmaRegion& x) { return x.cpu == r.cpu; });
    freed_.push_back(r);
  }
  std::string describe() const override { return "tracking " + p_.describe(); }
  std::size_t live() const { return live_.size(); }
  // Bytes of freed regions that no longer hold the pattern.
  std::size_t written_after_free() const {
    std::size_t n = 0;
    for (const auto& r : freed_)
      for (std::size_t i = 0; i < r.bytes; ++i) n += r.cpu[i] != kPattern;
    return n;
  }
  void forget_freed() { freed_.clear(); }

 private:
  static constexpr uint8_t kPattern = 0x5a;
  vs::Platform& p_;
  std::vector<vmq::DmaRegion> live_, freed_;
};

struct Rig {
  Rig() = default;
  explicit Rig(Device::Options o) : dev(plat, dma, o) {}
  vs::Platform plat{vs::PlatformConfig{}};
  TrackingDma dma{plat};
  Device dev{plat, dma};
  std::string at() const { return fmt::format("cycle {}", plat.cycle()); }
};

// DA, SA, optional 802.1Q tag, EtherType 0x88b5, a 4-byte id, then bytes
// derived from the id; cut or extended to `len`.
std::vector<uint8_t> make(uint64_t da, uint64_t sa, int tci, std::size_t len, uint32_t id) {
  std::vector<uint8_t> f;
  for (int i = 5; i >= 0; --i) f.push_back(uint8_t(da >> (8 * i)));
  for (int i = 5; i >= 0; --i) f.push_back(uint8_t(sa >> (8 * i)));
  if (tci >= 0) {
    f.push_back(0x81);
    f.push_back(0x00);
    f.push_back(uint8_t(tci >> 8));
    f.push_back(uint8_t(tci));
  }
  f.push_back(0x88);
  f.push_back(0xb5);
  for (int i = 3; i >= 0; --i) f.push_back(uint8_t(id >> (8 * i)));
  uint32_t x = id * 2654435761u + 1;
  while (f.size() < len) {
    x = x * 1664525u + 1013904223u;
    f.push_back(uint8_t(x >> 24));
  }
  f.resize(len);
  return f;
}

struct Got {
  std::vector<uint8_t> bytes;
  vmq::RxPacket p;
  uint64_t cycle = 0;
};

// One rx_burst on q (with release), every packet copied out.
std::size_t receive(Rig& r, unsigned q, std::vector<Got>& out) {
  std::array<vmq::RxPacket, 32> pk;
  const std::size_t n = r.dev.rx_burst(q, pk);
  for (std::size_t i = 0; i < n; ++i) {
    Got g;
    g.bytes.resize(pk[i].len);
    EXPECT_EQ(r.dev.rx_copy(q, pk[i], g.bytes.data()), pk[i].len);
    g.p = pk[i];
    g.cycle = r.plat.cycle();
    out.push_back(std::move(g));
  }
  return n;
}

// Runs the clock in steps of `step` cycles, calling body() after each, until
// done() or `max_cycles` have passed; returns done().
bool run_until(Rig& r, const std::function<bool()>& done, uint64_t max_cycles,
               const std::function<void()>& body = {}, unsigned step = 32) {
  const uint64_t end = r.plat.cycle() + max_cycles;
  while (!done()) {
    if (r.plat.cycle() >= end) return false;
    r.plat.run(step);
    if (body) body();
  }
  return true;
}

// Lets the core finish whatever is in flight (wire empty, AXI idle).
void settle(Rig& r, const std::function<void()>& body = {}) {
  uint64_t quiet = 0;
  run_until(
      r, [&] { return quiet >= 2000; }, 400000,
      [&] {
        if (body) body();
        quiet = r.plat.quiet() ? quiet + 32 : 0;
      });
}

QueueConfig small_queue() {
  QueueConfig c;
  c.rx_ring_size = 32;
  c.rx_buffer_size = 2048;
  c.tx_ring_size = 32;
  return c;
}

Filter mac_filter(uint64_t mac) { return Filter{FilterType::Mac, MacAddr{mac}, 0}; }

// Expects f() to throw vmq::Error with `code` and a message containing every
// string of `names`.
void expect_error(const std::string& what, const std::function<void()>& f, Errc code,
                  const std::vector<std::string>& names) {
  try {
    f();
    ADD_FAILURE() << what << ": accepted, expected vmq::Error(" << vmq::errc_name(code) << ")";
  } catch (const vmq::Error& e) {
    EXPECT_EQ(e.code(), code) << what << ": code \"" << vmq::errc_name(e.code())
                              << "\", expected \"" << vmq::errc_name(code) << "\" (message: "
                              << e.what() << ")";
    for (const auto& n : names)
      EXPECT_NE(std::string(e.what()).find(n), std::string::npos)
          << what << ": the message \"" << e.what() << "\" does not name \"" << n << "\"";
  } catch (const std::exception& e) {
    ADD_FAILURE() << what << ": threw a non-vmq::Error: " << e.what();
  }
}

uint64_t sum_rx(const vmq::Stats& s, auto field) {
  uint64_t n = 0;
  for (const auto& q : s.queues) n += q.*field;
  return n;
}

// ------------------------------------------------------------------ capabilities
TEST(Driver, Capabilities) {
  Rig r;
  const vmq::Capabilities& c = r.dev.caps();
  const vs::ModelInfo mi = vs::model_info();
  EXPECT_EQ(c.num_queues, mi.num_queues) << mi.name;
  EXPECT_EQ(c.num_filters, mi.num_filters) << mi.name;
  EXPECT_EQ(c.data_w, mi.data_w) << mi.name;
  EXPECT_EQ(c.axi_data_w, mi.axi_data_w) << mi.name;
  EXPECT_EQ(c.max_frame_bytes, mi.max_frame_bytes) << mi.name;
  EXPECT_EQ(c.version_major, 1u);  // map 1.x: the 1024-queue layout (issue 17)
  EXPECT_EQ(c.version_minor, 2u);  // 1.1: ID_RX_CAPS, ID_TX_CAPS, ID_TX_STAGE_BYTES; 1.2: no HI latches
  EXPECT_GE(c.pktbuf_bytes, c.max_frame_bytes) << "the packet buffer must hold a maximum frame";
  // the core's build parameters (vmq_core defaults; the sim core does not override them)
  EXPECT_EQ(c.rx_desc_cache, 32u) << mi.name;
  EXPECT_EQ(c.tx_desc_per_frame, 32u) << mi.name;
  EXPECT_EQ(c.tx_stage_bytes, 16384u) << mi.name;
  EXPECT_GE(c.tx_stage_bytes, c.max_frame_bytes) << "a queue must stage a maximum frame";
  // A fresh device: no filter, no queue allocated, nothing counted.
  EXPECT_TRUE(r.dev.filters().empty());
  for (unsigned q = 0; q < c.num_queues; ++q) EXPECT_FALSE(r.dev.allocated(q)) << "queue " << q;
  const vmq::Stats s = r.dev.stats();
  EXPECT_EQ(s.queues.size(), c.num_queues);
  EXPECT_EQ(s.global.rx_frames, 0u);
  EXPECT_EQ(s.global.csr_unmapped, 0u) << "the driver touched an unmapped register, " << r.at();
}

// The simulated register window is the card's 1 MiB BAR0: the board half
// (no board in the simulation) reads all ones and ignores writes without
// reaching the core; offsets beyond the window are refused, not aliased
// onto the core's 19-bit address port (an offset of 0x100000 + ID_MAGIC
// reached ID_MAGIC before).
TEST(Driver, SimRegisterWindow) {
  Rig r;
  namespace regs = vmq::regs;
  const uint64_t unmapped0 = r.dev.stats().global.csr_unmapped;
  EXPECT_EQ(r.plat.read32(regs::ADDR_SPACE_BYTES + regs::ID_MAGIC), 0xFFFFFFFFu);
  r.plat.write32(regs::ADDR_SPACE_BYTES + regs::SCRATCH, 0x12345678u);
  EXPECT_NE(r.plat.read32(regs::SCRATCH), 0x12345678u) << "a board-half write reached the core";
  EXPECT_EQ(r.dev.stats().global.csr_unmapped, unmapped0) << "the board half is not the core's";
  for (uint32_t off : {2 * regs::ADDR_SPACE_BYTES, 2 * regs::ADDR_SPACE_BYTES + regs::ID_MAGIC, 0xFFFFFFFCu}) {
    expect_error("read32 beyond BAR0", [&] { r.plat.read32(off); }, Errc::InvalidArgument,
                 {fmt::format("{:#x}", off), "1 MiB"});
    expect_error("write32 beyond BAR0", [&] { r.plat.write32(off, 1); }, Errc::InvalidArgument,
                 {fmt::format("{:#x}", off)});
  }
  EXPECT_EQ(r.plat.read32(regs::ID_MAGIC), regs::MAGIC);
}

// ------------------------------------------------------------------ naming a device
// vmq::open("sim:..."): the simulated core by URI (sim_backend.hpp), as
// vmqctl --device opens it; a scenario's filters are in the hardware table
// when it returns, and a bad scenario is refused with the reason. Three
// platforms in one process, the third destroyed first (it hung in
// Verilator's scope teardown before ~Platform restored its context).
TEST(Driver, OpenByUri) {
  vs::register_sim_backend();
  auto b = vmq::open("sim:");
  Device dev(b->regs(), b->dma());
  EXPECT_EQ(dev.caps().num_queues, vs::model_info().num_queues);
  EXPECT_TRUE(dev.filters().empty());

  const std::string scenario = VMQ_SOURCE_DIR "/sim/examples/basic/scenario.json";
  auto b2 = vmq::open("sim:" + scenario, {.need_dma = false});
  Device d2(b2->regs(), b2->dma(), {.reset = false});
  bool vid20 = false;
  for (const auto& f : d2.filters())
    vid20 |= f.filter.vid == 20 && f.queue_mask == (1ull << 4 | 1ull << 5);
  EXPECT_TRUE(vid20) << "the example's VLAN 20 filter to queues 4,5 is not in the core";

  try {
    vmq::open("sim:/nonexistent/scenario.json");
    ADD_FAILURE() << "a missing scenario file was accepted";
  } catch (const vmq::Error& e) {
    EXPECT_EQ(e.code(), Errc::InvalidArgument);
    EXPECT_NE(std::string(e.what()).find("scenario refused"), std::string::npos) << e.what();
  }
}

// ------------------------------------------------------------------ argument checks
TEST(Driver, ArgumentMisuse) {
  Rig r;
  Device& d = r.dev;
  const Errc IA = Errc::InvalidArgument;
  auto alloc_with = [&](std::function<void(QueueConfig&)> edit, std::optional<unsigned> q = {}) {
    return [&d, edit, q] {
      QueueConfig c = small_queue();
      edit(c);
      d.alloc_queue(c, q);
    };
  };
  // Ring and buffer sizes.
  for (unsigned n : {0u, 8u, 15u, 100u, 8192u})
    expect_error(fmt::format("rx_ring_size {}", n),
                 alloc_with([n](QueueConfig& c) { c.rx_ring_size = n; }), IA,
                 {"rx_ring_size", std::to_string(n)});
  expect_error("tx_ring_size 24", alloc_with([](QueueConfig& c) { c.tx_ring_size = 24; }), IA,
               {"tx_ring_size", "24"});
  for (unsigned n : {100u, 192u, 300u, 16448u, 20000u})
    expect_error(fmt::format("rx_buffer_size {}", n),
                 alloc_with([n](QueueConfig& c) { c.rx_buffer_size = n; }), IA,
                 {"rx_buffer_size", std::to_string(n)});
  expect_error("port_vid 4095", alloc_with([](QueueConfig& c) { c.port_vid = 4095; }), IA,
               {"port_vid", "4095"});
  expect_error("spoof_mac multicast",
               alloc_with([](QueueConfig& c) { c.spoof_mac = MacAddr{0x030000000001ULL}; }), IA,
               {"03:00:00:00:00:01"});
  // Ring too small for a maximum frame (max_frame 9000: 36 buffers of 256 B + 1).
  {
    vmq::PortConfig pc;
    pc.max_frame = 9000;
    d.configure_port(pc);
    expect_error("ring 16 x 256 B for 9000-byte frames", alloc_with([](QueueConfig& c) {
                   c.rx_ring_size = 16;
                   c.rx_buffer_size = 256;
                 }),
                 IA, {"16", "9000", "256"});
    d.configure_port(vmq::PortConfig{});
  }
  // Queue ids.
  for (unsigned q : {16u, 63u, 64u, 1000u})
    expect_error(fmt::format("alloc_queue({})", q), alloc_with([](QueueConfig&) {}, q), IA,
                 {"queue " + std::to_string(q)});
  std::array<vmq::RxPacket, 4> pk;
  const std::vector<uint8_t> f60 = make(kMacA, kSrc, -1, 60, 0);
  const std::span<const uint8_t> one[] = {f60};
  expect_error("free_queue(16)", [&] { d.free_queue(16); }, IA, {"queue 16"});
  expect_error("rx_burst(16)", [&] { d.rx_burst(16, pk); }, IA, {"queue 16"});
  expect_error("tx_burst(16)", [&] { d.tx_burst(16, one); }, IA, {"queue 16"});
  // Not allocated.
  expect_error("free_queue(3) unallocated", [&] { d.free_queue(3); }, IA, {"queue 3", "not allocated"});
  expect_error("rx_burst(3) unallocated", [&] { d.rx_burst(3, pk); }, IA, {"queue 3", "not allocated"});
  expect_error("tx_burst(3) unallocated", [&] { d.tx_burst(3, one); }, IA, {"queue 3", "not allocated"});
  expect_error("irq_enable(3) unallocated", [&] { d.irq_enable(3, true); }, IA, {"queue 3"});
  expect_error("set_filter to unallocated queue 3",
               [&] { d.set_filter(mac_filter(kMacA), 1ULL << 3); }, IA, {"queue 3", "not allocated"});

  ASSERT_EQ(d.alloc_queue(small_queue(), 1), 1u) << r.at();
  for (unsigned bit : {16u, 40u, 63u})
    expect_error(fmt::format("set_filter mask bit {}", bit),
                 [&] { d.set_filter(mac_filter(kMacA), 1ULL << 1 | 1ULL << bit); }, IA,
                 {"queue " + std::to_string(bit)});
  // MAC strings.
  for (const char* s : {"02:00:00:00:00", "zz:00:00:00:00:01", "02-00-00-00-00-01", "",
                        "02:00:00:00:00:001", "2:0:0:0:0:1", "02:00:00:00:00:0g"})
    expect_error(fmt::format("MacAddr::parse(\"{}\")", s), [s] { MacAddr::parse(s); }, IA,
                 {fmt::format("\"{}\"", s)});
  EXPECT_EQ(MacAddr::parse("02:aB:cd:EF:00:01").value, 0x02abcdef0001ULL);
  EXPECT_EQ(MacAddr{0x02abcdef0001ULL}.str(), "02:ab:cd:ef:00:01");
  // Filters.
  for (FilterType t : {FilterType::MacVlan, FilterType::Vlan})
    for (unsigned vid : {0u, 4095u})
      expect_error(fmt::format("{} filter vid {}", vmq::filter_type_name(t), vid),
                   [&] {
                     Filter f{t, MacAddr{t == FilterType::Vlan ? 0 : kMacA}, uint16_t(vid)};
                     d.set_filter(f, 1ULL << 1);
                   },
                   IA, {"vid " + std::to_string(vid)});
  expect_error("vid on a mac filter",
               [&] { d.set_filter(Filter{FilterType::Mac, MacAddr{kMacA}, 10}, 1ULL << 1); }, IA,
               {"mac", "10"});
  expect_error("vid on a mac_untagged filter",
               [&] { d.set_filter(Filter{FilterType::MacUntagged, MacAddr{kMacA}, 7}, 1ULL << 1); },
               IA, {"mac_untagged", "7"});
  expect_error("empty queue mask", [&] { d.set_filter(mac_filter(kMacA), 0); }, IA, {"empty"});
  const unsigned id = d.set_filter(mac_filter(kMacA), 1ULL << 1);
  expect_error("duplicate filter", [&] { d.set_filter(mac_filter(kMacA), 1ULL << 1); }, Errc::Busy,
               {"id " + std::to_string(id)});
  expect_error("clear_filter(5) unset", [&] { d.clear_filter(5); }, IA, {"5", "not set"});
  expect_error("clear_filter(64) out of range", [&] { d.clear_filter(64); }, IA, {"64"});
  // Transmit frames and port settings.
  const std::vector<uint8_t> f13(13, 0x11);
  const std::span<const uint8_t> short_burst[] = {f13};
  expect_error("tx frame of 13 bytes", [&] { d.tx_burst(1, short_burst); }, IA, {"13"});
  // the upper limit is the core's staging per queue, read from ID_TX_STAGE_BYTES
  const std::vector<uint8_t> too_long(d.caps().tx_stage_bytes + 1, 0x22);
  const std::span<const uint8_t> long_burst[] = {too_long};
  expect_error("tx frame one byte over the staging", [&] { d.tx_burst(1, long_burst); }, IA,
               {std::to_string(too_long.size()), "14.." + std::to_string(d.caps().tx_stage_bytes)});
  auto port_with = [&](std::function<void(vmq::PortConfig&)> edit) {
    return [&d, edit] {
      vmq::PortConfig pc;
      edit(pc);
      d.configure_port(pc);
    };
  };
  expect_error("max_frame 9217", port_with([](vmq::PortConfig& p) { p.max_frame = 9217; }), IA,
               {"max_frame", "9217"});
  expect_error("max_frame 63", port_with([](vmq::PortConfig& p) { p.max_frame = 63; }), IA,
               {"max_frame", "63"});
  expect_error("min_frame 17", port_with([](vmq::PortConfig& p) { p.min_frame = 17; }), IA,
               {"min_frame", "17"});
  // With a queue whose ring (16 x 256 B) cannot hold a 9000-byte frame,
  // configure_port refuses max_frame 9000 and names the queue.
  {
    QueueConfig c = small_queue();
    c.rx_ring_size = 16;
    c.rx_buffer_size = 256;
    ASSERT_EQ(d.alloc_queue(c, 2), 2u);
    expect_error("max_frame 9000 with queue 2's ring 16 x 256 B",
                 port_with([](vmq::PortConfig& p) { p.max_frame = 9000; }), IA, {"queue 2", "9000"});
    EXPECT_EQ(d.port().max_frame, 1518u) << "a refused configure_port changed the port settings";
    d.free_queue(2);
  }

  // Nothing refused left anything behind: queue 1 alone is allocated with its
  // four DMA regions, the filter table holds the one filter, and the device
  // still works.
  for (unsigned q = 0; q < d.caps().num_queues; ++q)
    EXPECT_EQ(d.allocated(q), q == 1) << "queue " << q;
  EXPECT_EQ(r.dma.live(), 4u) << "DMA regions held after the refused calls";
  const auto fs = d.filters();
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].id, id);
  EXPECT_EQ(fs[0].queue_mask, 1ULL << 1);
  EXPECT_EQ(fs[0].filter.mac.value, kMacA);
  r.plat.rx_offer(make(kMacA, kSrc, -1, 100, 1));
  std::vector<Got> got;
  EXPECT_TRUE(run_until(r, [&] { return !got.empty(); }, 20000, [&] { receive(r, 1, got); }))
      << "queue 1 received nothing, " << r.at();
  if (!got.empty()) {
    EXPECT_EQ(got[0].bytes, make(kMacA, kSrc, -1, 100, 1)) << "frame 1 queue 1";
  }
  EXPECT_EQ(d.stats().global.csr_unmapped, 0u);
}

// ------------------------------------------------------------------ lifecycle
TEST(Driver, Lifecycle) {
  Rig r;
  Device& d = r.dev;
  ASSERT_EQ(d.alloc_queue(small_queue(), 2), 2u);
  ASSERT_EQ(d.alloc_queue(small_queue(), 1), 1u);
  // Five filters on queue 2 first, so queue 1's filter gets id 5.
  for (unsigned i = 0; i < 5; ++i) d.set_filter(mac_filter(0x020000000100ULL + i), 1ULL << 2);
  const unsigned fid = d.set_filter(mac_filter(kMacA), 1ULL << 1);
  ASSERT_EQ(fid, 5u);
  expect_error("free_queue(1) with a filter", [&] { d.free_queue(1); }, Errc::Busy,
               {"filter(s) 5", "queue 1"});
  EXPECT_TRUE(d.allocated(1));
  // A filter feeding queues 1 and 2 also blocks freeing either.
  const unsigned both = d.set_filter(mac_filter(kMacC), 1ULL << 1 | 1ULL << 2);
  expect_error("free_queue(2) with filters", [&] { d.free_queue(2); }, Errc::Busy,
               {std::to_string(both), "queue 2"});
  d.clear_filter(both);
  d.clear_filter(fid);
  EXPECT_NO_THROW(d.free_queue(1)) << r.at();
  EXPECT_FALSE(d.allocated(1));
  EXPECT_EQ(r.dma.live(), 4u) << "queue 1's memory was not released";
  expect_error("free_queue(1) twice", [&] { d.free_queue(1); }, Errc::InvalidArgument,
               {"queue 1", "not allocated"});
  expect_error("alloc_queue(2) twice", [&] { d.alloc_queue(small_queue(), 2); }, Errc::Busy,
               {"queue 2", "already allocated"});

  // Reallocated with another buffer size, it receives again.
  QueueConfig c = small_queue();
  c.rx_buffer_size = 512;
  ASSERT_EQ(d.alloc_queue(c, 1), 1u) << r.at();
  EXPECT_EQ(d.set_filter(mac_filter(kMacA), 1ULL << 1), fid) << "the lowest free filter id";
  std::vector<std::vector<uint8_t>> sent;
  for (uint32_t i = 0; i < 20; ++i) {
    sent.push_back(make(kMacA, kSrc, -1, 60 + 76 * i, 1000 + i));  // 60..1504 B
    r.plat.rx_offer(sent.back());
  }
  std::vector<Got> got;
  EXPECT_TRUE(run_until(r, [&] { return got.size() >= sent.size(); }, 100000,
                        [&] { receive(r, 1, got); }))
      << "queue 1 received " << got.size() << " of " << sent.size() << " frames, " << r.at();
  settle(r, [&] { receive(r, 1, got); });
  ASSERT_EQ(got.size(), sent.size()) << "queue 1, " << r.at();
  for (std::size_t i = 0; i < sent.size(); ++i) {
    EXPECT_EQ(got[i].bytes, sent[i]) << "frame " << i << " queue 1 cycle " << got[i].cycle;
    EXPECT_EQ(got[i].p.nseg, (sent[i].size() + 511) / 512)
        << "frame " << i << " queue 1 cycle " << got[i].cycle;
  }
  const vmq::Stats st = d.stats();
  EXPECT_EQ(st.queues[1].rx_packets, sent.size());
  EXPECT_EQ(st.queues[2].rx_packets, 0u);

  // alloc_queue() without an id: the lowest free queue, never 0, until none is left.
  std::vector<unsigned> ids;
  QueueConfig tiny;
  tiny.rx_ring_size = 16;
  tiny.rx_buffer_size = 256;
  tiny.tx_ring_size = 16;
  for (unsigned n = 0; n < d.caps().num_queues - 3; ++n) ids.push_back(d.alloc_queue(tiny));
  std::vector<unsigned> want;
  for (unsigned q = 3; q < d.caps().num_queues; ++q) want.push_back(q);
  EXPECT_EQ(ids, want);
  expect_error("alloc_queue() with every queue but 0 taken", [&] { d.alloc_queue(tiny); },
               Errc::NoResources, {std::to_string(d.caps().num_queues)});
  EXPECT_FALSE(d.allocated(0));
  d.free_queue(7);
  EXPECT_EQ(d.alloc_queue(tiny), 7u) << "a freed queue is handed out again";
  EXPECT_EQ(d.alloc_queue(tiny, 0), 0u) << "queue 0 when asked for";
  expect_error("alloc_queue(0) twice", [&] { d.alloc_queue(tiny, 0); }, Errc::Busy, {"queue 0"});
  EXPECT_EQ(r.plat.dma_faults(), 0u) << r.at();
}

// ------------------------------------------------------------------ disable under traffic
// free_queue(1) with 200 frames to it streaming in: it returns in time, no
// DMA write lands in its memory after it returned, and every frame is
// accounted for: written to queue 1, dropped for queue 1 (it stopped taking
// copies after classification: rx_no_desc_drops), or, once its filter is
// gone, delivered to the default queue 0 / counted unmatched.
class DisableDuringTraffic : public testing::TestWithParam<bool> {};

TEST_P(DisableDuringTraffic, FreeQueueMidStream) {
  const bool default_queue = GetParam();
  Rig r;
  Device& d = r.dev;
  vmq::PortConfig pc;
  pc.default_queue = default_queue;
  d.configure_port(pc);
  if (default_queue) {
    ASSERT_EQ(d.alloc_queue(small_queue(), 0), 0u);
  }
  QueueConfig c = small_queue();
  c.rx_buffer_size = 256;  // several descriptors per frame: copies are long
  ASSERT_EQ(d.alloc_queue(c, 1), 1u);
  const unsigned fid = d.set_filter(mac_filter(kMacA), 1ULL << 1);
  constexpr uint32_t kFrames = 200;
  std::vector<std::vector<uint8_t>> sent;
  for (uint32_t i = 0; i < kFrames; ++i) {
    sent.push_back(make(kMacA, kSrc, -1, 200 + (i * 37) % 600, i));
    r.plat.rx_offer(sent.back());
  }
  std::vector<Got> got1, got0;
  auto poll = [&] {
    if (d.allocated(1)) receive(r, 1, got1);
    if (default_queue) receive(r, 0, got0);
  };
  ASSERT_TRUE(run_until(r, [&] { return r.plat.rx_started() >= kFrames / 2; }, 200000, poll))
      << "the wire did not get to frame " << kFrames / 2 << ", " << r.at();
  const std::size_t before = got1.size();
  d.clear_filter(fid);
  r.dma.forget_freed();
  const uint64_t t0 = r.plat.now_ns(), c0 = r.plat.cycle();
  try {
    d.free_queue(1);
  } catch (const vmq::Error& e) {
    FAIL() << "free_queue(1) at cycle " << c0 << " (frame " << r.plat.rx_started()
           << " on the wire): " << e.what();
  }
  const uint64_t took = r.plat.now_ns() - t0;
  EXPECT_LT(took, 10'000'000u) << "free_queue took " << took << " ns from cycle " << c0;
  settle(r, poll);
  EXPECT_EQ(r.plat.rx_queued(), 0u) << r.at();
  EXPECT_EQ(r.plat.dma_faults(), 0u) << r.at();
  for (const auto& f : r.plat.fault_log()) ADD_FAILURE() << f;
  EXPECT_EQ(r.dma.written_after_free(), 0u)
      << "bytes of queue 1's freed memory changed after free_queue returned at cycle " << r.plat.cycle();

  const vmq::Stats st = d.stats();
  const auto& g = st.global;
  EXPECT_EQ(g.rx_frames, kFrames) << r.at();
  EXPECT_EQ(g.rx_err_drops + g.rx_runt_drops + g.rx_oversize_drops + g.rx_buffer_drops, 0u);
  EXPECT_EQ(g.dma_errors, 0u);
  const auto& q0 = st.queues[0];
  const auto& q1 = st.queues[1];
  EXPECT_EQ(q1.rx_packets + q1.rx_no_desc_drops + q0.rx_packets + q0.rx_no_desc_drops +
                g.rx_unmatched_drops,
            kFrames)
      << "queue 1: " << q1.rx_packets << " written + " << q1.rx_no_desc_drops
      << " dropped; queue 0: " << q0.rx_packets << " + " << q0.rx_no_desc_drops
      << "; unmatched " << g.rx_unmatched_drops << "; " << r.at();
  EXPECT_GE(q1.rx_packets, before) << "queue 1 counted fewer copies than the host saw";
  EXPECT_LE(got1.size(), q1.rx_packets);
  EXPECT_EQ(got0.size(), q0.rx_packets) << "queue 0: the host saw a different count, " << r.at();
  EXPECT_EQ(q0.rx_no_desc_drops, 0u);
  if (default_queue) {
    EXPECT_EQ(g.rx_unmatched_drops, 0u);
    EXPECT_GT(q0.rx_packets, 0u) << "nothing reached the default queue after the filter went";
  } else {
    EXPECT_GT(g.rx_unmatched_drops, 0u) << "frames after the filter went must count as unmatched";
  }
  // What the host saw: queue 1 a prefix of the frames, queue 0 a suffix, in
  // order, each byte-exact, no frame twice.
  for (std::size_t i = 0; i < got1.size(); ++i)
    EXPECT_EQ(got1[i].bytes, sent[i]) << "frame " << i << " queue 1 cycle " << got1[i].cycle;
  if (!got0.empty()) {
    uint32_t first = 0;
    std::memcpy(&first, got0[0].bytes.data() + 14, 4);
    first = __builtin_bswap32(first);
    ASSERT_LT(first, kFrames) << "queue 0 first frame cycle " << got0[0].cycle;
    EXPECT_GE(first, got1.size()) << "queue 0 got frame " << first << " that queue 1 also got";
    EXPECT_EQ(first + got0.size(), kFrames) << "queue 0's frames are not the tail of the stream";
    for (std::size_t i = 0; i < got0.size() && first + i < kFrames; ++i)
      EXPECT_EQ(got0[i].bytes, sent[first + i])
          << "frame " << first + i << " queue 0 cycle " << got0[i].cycle;
  }
}

INSTANTIATE_TEST_SUITE_P(Driver, DisableDuringTraffic, testing::Values(true, false),
                         [](const auto& i) { return i.param ? "DefaultQueue" : "NoDefaultQueue"; });

// free_queue with transmit frames in flight: it returns, the wire carries a
// prefix of the posted frames (each whole and byte-exact), nothing touches
// the freed memory afterwards, and the counters agree with the wire.
TEST(Driver, FreeQueueWithTransmitInFlight) {
  Rig r;
  Device& d = r.dev;
  QueueConfig c = small_queue();
  c.tx_ring_size = 256;
  ASSERT_EQ(d.alloc_queue(c, 1), 1u);
  std::vector<std::vector<uint8_t>> frames;
  for (uint32_t i = 0; i < 120; ++i) frames.push_back(make(kMacOther, kSrc, -1, 64 + (i * 53) % 1400, i));
  std::vector<vs::WireFrame> wire;
  r.plat.on_wire_tx = [&](const vs::WireFrame& f) { wire.push_back(f); };
  std::vector<std::span<const uint8_t>> burst(frames.begin(), frames.end());
  ASSERT_EQ(d.tx_burst(1, burst), frames.size()) << r.at();
  ASSERT_TRUE(run_until(r, [&] { return wire.size() >= 30; }, 200000)) << r.at();
  r.dma.forget_freed();
  const uint64_t c0 = r.plat.cycle();
  try {
    d.free_queue(1);
  } catch (const vmq::Error& e) {
    FAIL() << "free_queue(1) at cycle " << c0 << " with " << wire.size() << " of " << frames.size()
           << " frames sent: " << e.what();
  }
  const std::size_t at_free = wire.size();
  settle(r);
  EXPECT_EQ(r.plat.dma_faults(), 0u) << r.at();
  EXPECT_EQ(r.dma.written_after_free(), 0u) << "freed memory changed after free_queue, " << r.at();
  EXPECT_LT(wire.size(), frames.size()) << "every frame went out: free_queue stopped nothing";
  EXPECT_LE(wire.size(), at_free + 1) << "frames started after free_queue returned at cycle " << c0;
  for (std::size_t i = 0; i < wire.size(); ++i)
    EXPECT_TRUE(wire[i].data == frames[i]) << "frame " << i << " queue 1 cycle " << wire[i].start_cycle;
  const vmq::Stats st = d.stats();
  EXPECT_EQ(st.queues[1].tx_packets, wire.size()) << r.at();
}

// ------------------------------------------------------------------ transmit
TEST(Driver, TransmitRoundTrip) {
  Rig r;
  Device& d = r.dev;
  vmq::PortConfig pc;
  pc.max_frame = 9018;
  d.configure_port(pc);
  QueueConfig c;  // 256-slot rings
  ASSERT_EQ(d.alloc_queue(c, 1), 1u);
  std::vector<std::size_t> sizes = {14,   15,   16,   17,   18,   31,   59,   60,   61,   63,
                                    64,   65,   127,  128,  129,  1514, 1518, 1519, 2047, 2048,
                                    2049, 4095, 4096, 4097, 6144, 8191, 8192, 8999, 9000};
  std::mt19937 rng(7);
  for (int i = 0; i < 20; ++i) sizes.push_back(std::uniform_int_distribution<std::size_t>(14, 9000)(rng));
  std::vector<std::vector<uint8_t>> frames;
  for (std::size_t i = 0; i < sizes.size(); ++i)
    frames.push_back(make(kMacOther, kSrc, -1, sizes[i], uint32_t(i)));
  std::vector<vs::WireFrame> wire;
  r.plat.on_wire_tx = [&](const vs::WireFrame& f) { wire.push_back(f); };
  std::vector<vmq::TxStatus> status;
  std::size_t posted = 0;
  ASSERT_TRUE(run_until(
      r, [&] { return status.size() == frames.size(); }, 2'000'000,
      [&] {
        if (posted < frames.size()) {
          std::vector<std::span<const uint8_t>> burst;
          for (std::size_t i = posted; i < frames.size() && burst.size() < 8; ++i)
            burst.emplace_back(frames[i]);
          posted += d.tx_burst(1, burst);
        }
        d.tx_reap(1, &status);
      },
      64))
      << "queue 1: " << status.size() << " of " << frames.size() << " completions, " << r.at();
  settle(r);
  EXPECT_EQ(d.tx_in_flight(1), 0u);
  for (std::size_t i = 0; i < status.size(); ++i)
    EXPECT_EQ(status[i], vmq::TxStatus::Sent)
        << "frame " << i << " (" << sizes[i] << " B) queue 1: " << vmq::tx_status_name(status[i]);
  ASSERT_EQ(wire.size(), frames.size()) << "frames on the wire, " << r.at();
  uint64_t bytes = 0;
  for (std::size_t i = 0; i < frames.size(); ++i) {
    std::vector<uint8_t> want = frames[i];
    if (want.size() < 60) want.resize(60, 0);
    bytes += want.size();
    EXPECT_EQ(wire[i].data.size(), want.size())
        << "frame " << i << " queue 1 cycle " << wire[i].start_cycle;
    EXPECT_TRUE(wire[i].data == want) << "frame " << i << " (" << sizes[i] << " B) queue 1 cycle "
                                      << wire[i].start_cycle << ": bytes differ";
  }
  const vmq::Stats st = d.stats();
  EXPECT_EQ(st.queues[1].tx_packets, frames.size());
  EXPECT_EQ(st.queues[1].tx_bytes, bytes);
  EXPECT_EQ(st.queues[1].tx_spoof_drops + st.queues[1].tx_oversize_drops, 0u);
  EXPECT_EQ(r.plat.dma_faults(), 0u);
}

// ------------------------------------------------------------------ receive
TEST(Driver, ReceiveRoundTrip) {
  Rig r;
  Device& d = r.dev;
  vmq::PortConfig pc;
  pc.max_frame = 9018;
  d.configure_port(pc);
  QueueConfig c;
  c.rx_ring_size = 256;
  c.rx_buffer_size = 2048;
  ASSERT_EQ(d.alloc_queue(c, 1), 1u);
  d.set_filter(mac_filter(kMacA), 1ULL << 1);
  std::vector<std::size_t> sizes = {60,   61,   63,   64,   65,   127,  128,  1514, 1518, 1522,
                                    2047, 2048, 2049, 4095, 4096, 4097, 6144, 6145, 8191, 8192,
                                    8193, 9000, 9017, 9018};
  std::mt19937 rng(11);
  for (int i = 0; i < 20; ++i) sizes.push_back(std::uniform_int_distribution<std::size_t>(60, 9018)(rng));
  std::vector<std::vector<uint8_t>> sent;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    sent.push_back(make(kMacA, kSrc, -1, sizes[i], uint32_t(i)));
    r.plat.rx_offer(sent.back());
  }
  std::vector<Got> got;
  run_until(r, [&] { return got.size() >= sent.size(); }, 2'000'000, [&] { receive(r, 1, got); });
  settle(r, [&] { receive(r, 1, got); });
  ASSERT_EQ(got.size(), sent.size()) << "queue 1, " << r.at();
  bool multi = false;
  for (std::size_t i = 0; i < sent.size(); ++i) {
    const std::string where = fmt::format("frame {} ({} B) queue 1 cycle {}", i, sizes[i], got[i].cycle);
    EXPECT_EQ(got[i].p.len, sizes[i]) << where;
    EXPECT_EQ(got[i].p.frame_len, sizes[i]) << where;
    EXPECT_EQ(got[i].p.nseg, (sizes[i] + 2047) / 2048) << where;
    EXPECT_FALSE(got[i].p.vlan_stripped) << where;
    EXPECT_TRUE(got[i].bytes == sent[i]) << where << ": bytes differ";
    // The segments are the buffers in ring order, all full but the last.
    std::size_t off = 0;
    for (unsigned s = 0; s < got[i].p.nseg; ++s) off += d.rx_segment(1, got[i].p, s).size();
    EXPECT_EQ(off, sizes[i]) << where;
    multi |= got[i].p.nseg > 1;
  }
  EXPECT_TRUE(multi);
  const vmq::Stats st = d.stats();
  uint64_t bytes = 0;
  for (auto n : sizes) bytes += n;
  EXPECT_EQ(st.global.rx_frames, sent.size());
  EXPECT_EQ(st.queues[1].rx_packets, sent.size());
  EXPECT_EQ(st.queues[1].rx_bytes, bytes);
  EXPECT_EQ(st.queues[1].rx_no_desc_drops, 0u);
  EXPECT_EQ(r.plat.dma_faults(), 0u);
}

// Tag stripping on one queue, not on the other (SPEC §3 Delivery).
TEST(Driver, ReceiveStripVlan) {
  Rig r;
  Device& d = r.dev;
  QueueConfig strip = small_queue();
  strip.strip_vlan = true;
  ASSERT_EQ(d.alloc_queue(strip, 1), 1u);
  ASSERT_EQ(d.alloc_queue(small_queue(), 2), 2u);
  d.set_filter(Filter{FilterType::Vlan, MacAddr{}, 100}, 1ULL << 1 | 1ULL << 2);
  const int tci = 5 << 13 | 100;
  std::vector<std::vector<uint8_t>> sent;
  for (uint32_t i = 0; i < 10; ++i) {
    sent.push_back(make(kMacOther, kSrc, tci, 64 + 150 * i, i));
    r.plat.rx_offer(sent.back());
  }
  std::vector<Got> g1, g2;
  run_until(r, [&] { return g1.size() >= sent.size() && g2.size() >= sent.size(); }, 200000, [&] {
    receive(r, 1, g1);
    receive(r, 2, g2);
  });
  ASSERT_EQ(g1.size(), sent.size()) << r.at();
  ASSERT_EQ(g2.size(), sent.size()) << r.at();
  for (std::size_t i = 0; i < sent.size(); ++i) {
    std::vector<uint8_t> stripped = sent[i];
    stripped.erase(stripped.begin() + 12, stripped.begin() + 16);
    const std::string w1 = fmt::format("frame {} queue 1 cycle {}", i, g1[i].cycle);
    EXPECT_TRUE(g1[i].bytes == stripped) << w1;
    EXPECT_TRUE(g1[i].p.vlan_stripped) << w1;
    EXPECT_EQ(g1[i].p.tci, tci) << w1;
    EXPECT_EQ(g1[i].p.len, sent[i].size() - 4) << w1;
    // docs/registers.md RX_WB.FRAME_LEN: the whole copy after stripping.
    EXPECT_EQ(g1[i].p.frame_len, sent[i].size() - 4) << w1;
    const std::string w2 = fmt::format("frame {} queue 2 cycle {}", i, g2[i].cycle);
    EXPECT_TRUE(g2[i].bytes == sent[i]) << w2;
    EXPECT_FALSE(g2[i].p.vlan_stripped) << w2;
  }
}

// ------------------------------------------------------------------ large rings
// A backend that, like 2 MiB hugepages, has no region larger than 2 MiB:
// a 4096-slot ring of 1 KiB buffers (4 MiB) must still allocate, and frames
// whose buffers sit in the second chunk must arrive byte-exact.
class ChunkLimitedDma final : public vmq::DmaAllocator {
 public:
  explicit ChunkLimitedDma(vs::Platform& p) : p_(p) {}
  vmq::DmaRegion alloc(std::size_t bytes, std::size_t align) override {
    if (bytes > vmq::kDmaChunkBytes)
      throw vmq::Error(Errc::NoResources, fmt::format("{} bytes: more than one hugepage", bytes));
    largest = std::max(largest, bytes);
    ++regions;
    return p_.alloc(bytes, align);
  }
  void free(const vmq::DmaRegion& r) override { p_.free(r); }
  std::string describe() const override { return "chunk-limited " + p_.describe(); }
  std::size_t largest = 0, regions = 0;

 private:
  vs::Platform& p_;
};

TEST(Driver, LargeRingInHugepageSizedChunks) {
  vs::Platform plat{vs::PlatformConfig{}};
  ChunkLimitedDma dma(plat);
  Device dev(plat, dma);
  dev.configure_port({false, 0x8100, 60, 1518, false, false});
  QueueConfig c;
  c.rx_ring_size = 4096;
  c.rx_buffer_size = 1024;  // 4 MiB of buffers: two chunks of 2048
  c.tx_ring_size = 4096;     // 8 MiB of transmit buffers: four chunks
  const unsigned q = dev.alloc_queue(c, 1u);
  EXPECT_LE(dma.largest, vmq::kDmaChunkBytes);
  EXPECT_GE(dma.regions, 8u) << "two rings, two receive and four transmit chunks";
  dev.set_filter(mac_filter(kMacA), 1ULL << q);
  // 2100 frames of 100 bytes fill slots 0..2099: the last 52 in chunk 2;
  // a 1500-byte frame then takes two buffers.
  std::vector<std::vector<uint8_t>> sent;
  for (uint32_t i = 0; i < 2100; ++i) sent.push_back(make(kMacA, kSrc, -1, 100, i));
  sent.push_back(make(kMacA, kSrc, -1, 1500, 9999));
  for (const auto& f : sent) plat.rx_offer(f);
  std::vector<std::vector<uint8_t>> got;
  std::array<vmq::RxPacket, 64> pk;
  const uint64_t end = plat.cycle() + 400000;
  while (got.size() < sent.size() && plat.cycle() < end) {
    plat.run(64);
    const std::size_t n = dev.rx_burst(q, pk);
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<uint8_t> b(pk[i].len);
      dev.rx_copy(q, pk[i], b.data());
      got.push_back(std::move(b));
    }
  }
  ASSERT_EQ(got.size(), sent.size()) << "cycle " << plat.cycle() << ": frames received of "
                                     << sent.size();
  for (std::size_t i = 0; i < sent.size(); ++i)
    ASSERT_EQ(got[i], sent[i]) << "frame " << i << " (ring slot " << (i < 2100 ? i : 2100)
                               << ") differs, queue " << q << ", cycle " << plat.cycle();
  // Transmit from a 4096-slot ring: the first descriptor read covers the
  // ring's end at 4096 slots (a 12-bit count once made it 0: no frame left).
  std::vector<std::vector<uint8_t>> wire;
  plat.on_wire_tx = [&](const vs::WireFrame& f) { wire.push_back(f.data); };
  std::vector<std::vector<uint8_t>> out;
  for (uint32_t i = 0; i < 40; ++i) out.push_back(make(kMacOther, kMacA, -1, 60 + 37 * i, 50000 + i));
  std::vector<std::span<const uint8_t>> burst(out.begin(), out.end());
  ASSERT_EQ(dev.tx_burst(q, burst), out.size());
  const uint64_t tend = plat.cycle() + 100000;
  while (wire.size() < out.size() && plat.cycle() < tend) plat.run(64);
  ASSERT_EQ(wire.size(), out.size()) << "cycle " << plat.cycle() << ": frames on the wire from queue " << q;
  for (std::size_t i = 0; i < out.size(); ++i)
    EXPECT_EQ(wire[i], out[i]) << "wire frame " << i << ", queue " << q << ", cycle " << plat.cycle();
  EXPECT_EQ(plat.dma_faults(), 0u);
}

// ------------------------------------------------------------------ interrupts
TEST(Driver, Interrupts) {
  Rig r;
  Device& d = r.dev;
  ASSERT_EQ(d.alloc_queue(small_queue(), 1), 1u);
  ASSERT_EQ(d.alloc_queue(small_queue(), 2), 2u);
  d.set_filter(mac_filter(kMacA), 1ULL << 1);
  d.irq_enable(1, true);
  d.irq_enable(2, true);
  uint64_t lines_seen = 0;
  r.plat.on_cycle = [&] { lines_seen |= r.plat.irq_lines(); };
  const uint64_t mask = 1ULL << 1 | 1ULL << 2;

  // Nothing to do: 0 after the timeout, simulated time advanced by about it.
  constexpr uint64_t kTimeout = 20'000;  // ns
  uint64_t t0 = r.plat.now_ns();
  EXPECT_EQ(d.wait(mask, kTimeout), 0u) << r.at();
  uint64_t el = r.plat.now_ns() - t0;
  EXPECT_GE(el, kTimeout) << r.at();
  EXPECT_LE(el, kTimeout + 2000) << r.at();
  EXPECT_EQ(lines_seen, 0u);

  // A frame for queue 1: wait returns queue 1's bit well before the timeout
  // (the interrupt woke it), and the line was raised.
  const auto f = make(kMacA, kSrc, -1, 300, 1);
  r.plat.rx_offer(f);
  constexpr uint64_t kLong = 200'000;
  t0 = r.plat.now_ns();
  const uint64_t c0 = r.plat.cycle();
  EXPECT_EQ(d.wait(mask, kLong), 1ULL << 1) << "wait from cycle " << c0 << " to " << r.at();
  el = r.plat.now_ns() - t0;
  EXPECT_LT(el, 10'000u) << "woken only after " << el << " ns, " << r.at();
  EXPECT_EQ(lines_seen & mask, 1ULL << 1) << "interrupt lines seen, " << r.at();
  std::vector<Got> got;
  receive(r, 1, got);
  ASSERT_EQ(got.size(), 1u) << "queue 1 after wait, " << r.at();
  EXPECT_EQ(got[0].bytes, f) << "frame 1 queue 1 cycle " << got[0].cycle;
  // Consumed: nothing to do again.
  t0 = r.plat.now_ns();
  EXPECT_EQ(d.wait(mask, kTimeout), 0u) << r.at();
  EXPECT_GE(r.plat.now_ns() - t0, kTimeout);

  // A transmit completion on queue 2 wakes a wait on queue 2.
  lines_seen = 0;
  const auto t = make(kMacOther, kSrc, -1, 100, 2);
  const std::span<const uint8_t> burst[] = {t};
  ASSERT_EQ(d.tx_burst(2, burst), 1u);
  t0 = r.plat.now_ns();
  EXPECT_EQ(d.wait(1ULL << 2, kLong), 1ULL << 2) << r.at();
  EXPECT_LT(r.plat.now_ns() - t0, 10'000u) << r.at();
  EXPECT_EQ(lines_seen & mask, 1ULL << 2) << "interrupt lines seen, " << r.at();
  EXPECT_EQ(d.tx_reap(2).sent, 1u) << r.at();

  // Masked (irq_enable off): wait still finds the work, by its timeout at the latest.
  d.irq_enable(1, false);
  lines_seen = 0;
  r.plat.rx_offer(make(kMacA, kSrc, -1, 300, 3));
  EXPECT_EQ(d.wait(1ULL << 1, kTimeout), 1ULL << 1) << r.at();
  EXPECT_EQ(lines_seen & (1ULL << 1), 0u) << "queue 1's line rose while masked, " << r.at();
  expect_error("wait on an unallocated queue", [&] { d.wait(1ULL << 5, 1000); },
               Errc::InvalidArgument, {"queue 5"});
}

// ------------------------------------------------------------------ statistics
TEST(Driver, Stats) {
  Rig r;
  Device& d = r.dev;
  ASSERT_EQ(d.alloc_queue(small_queue(), 0), 0u);  // default queue
  ASSERT_EQ(d.alloc_queue(small_queue(), 1), 1u);
  QueueConfig c2 = small_queue();
  c2.bcast = true;
  c2.spoof_mac = MacAddr{kMacB};
  ASSERT_EQ(d.alloc_queue(c2, 2), 2u);
  d.set_filter(mac_filter(kMacA), 1ULL << 1);
  d.set_filter(mac_filter(kMacB), 1ULL << 2);

  // Receive: 10 x 100 B to A (queue 1), 5 x 200 B to B (queue 2), 3 x 64 B
  // broadcast (queue 2 accepts broadcast), 3 x 80 B unmatched unicast
  // (queue 0), 4 runts of 50 B, 2 oversize of 1600 B, 2 with a frame error.
  uint32_t id = 0;
  for (int i = 0; i < 10; ++i) r.plat.rx_offer(make(kMacA, kSrc, -1, 100, id++));
  for (int i = 0; i < 5; ++i) r.plat.rx_offer(make(kMacB, kSrc, -1, 200, id++));
  for (int i = 0; i < 3; ++i) r.plat.rx_offer(make(kBcast, kSrc, -1, 64, id++));
  for (int i = 0; i < 3; ++i) r.plat.rx_offer(make(kMacOther, kSrc, -1, 80, id++));
  for (int i = 0; i < 4; ++i) r.plat.rx_offer(make(kMacA, kSrc, -1, 50, id++));
  for (int i = 0; i < 2; ++i) r.plat.rx_offer(make(kMacA, kSrc, -1, 1600, id++));
  for (int i = 0; i < 2; ++i) r.plat.rx_offer(make(kMacA, kSrc, -1, 100, id++), true);
  // Transmit: queue 1 sends 7 x 200 B; queue 2 sends 3 x 150 B from its MAC,
  // 2 spoofed ones and 1 of 2000 B (above max_frame 1518).
  std::vector<std::vector<uint8_t>> t1, t2;
  for (int i = 0; i < 7; ++i) t1.push_back(make(kMacOther, kMacA, -1, 200, 100 + i));
  for (int i = 0; i < 3; ++i) t2.push_back(make(kMacOther, kMacB, -1, 150, 200 + i));
  for (int i = 0; i < 2; ++i) t2.push_back(make(kMacOther, kMacC, -1, 150, 210 + i));
  t2.push_back(make(kMacOther, kMacB, -1, 2000, 220));
  auto post = [&](unsigned q, const std::vector<std::vector<uint8_t>>& fs) {
    std::vector<std::span<const uint8_t>> b(fs.begin(), fs.end());
    ASSERT_EQ(d.tx_burst(q, b), fs.size()) << "queue " << q << ", " << r.at();
  };
  post(1, t1);
  post(2, t2);
  std::map<unsigned, std::vector<Got>> got;
  std::vector<vmq::TxStatus> s1, s2;
  settle(r, [&] {
    for (unsigned q : {0u, 1u, 2u}) receive(r, q, got[q]);
    d.tx_reap(1, &s1);
    d.tx_reap(2, &s2);
  });
  ASSERT_EQ(s1.size(), t1.size()) << r.at();
  ASSERT_EQ(s2.size(), t2.size()) << r.at();
  const std::vector<vmq::TxStatus> want2 = {
      vmq::TxStatus::Sent,      vmq::TxStatus::Sent,      vmq::TxStatus::Sent,
      vmq::TxStatus::SpoofDrop, vmq::TxStatus::SpoofDrop, vmq::TxStatus::OversizeDrop};
  for (std::size_t i = 0; i < want2.size(); ++i)
    EXPECT_EQ(s2[i], want2[i]) << "frame " << i << " queue 2: " << vmq::tx_status_name(s2[i]);

  const vmq::Stats st = d.stats();
  const auto& g = st.global;
  EXPECT_EQ(g.rx_frames, 29u);
  EXPECT_EQ(g.rx_err_drops, 2u);
  EXPECT_EQ(g.rx_runt_drops, 4u);
  EXPECT_EQ(g.rx_oversize_drops, 2u);
  EXPECT_EQ(g.rx_unmatched_drops, 0u);
  EXPECT_EQ(g.rx_buffer_drops, 0u);
  EXPECT_EQ(g.dma_errors, 0u);
  EXPECT_EQ(g.csr_unmapped, 0u);
  struct Want {
    uint64_t rx_packets, rx_bytes, tx_packets, tx_bytes, spoof, oversize;
  };
  const Want want[3] = {{3, 3 * 80, 0, 0, 0, 0},
                        {10, 10 * 100, 7, 7 * 200, 0, 0},
                        {5 + 3, 5 * 200 + 3 * 64, 3, 3 * 150, 2, 1}};
  for (unsigned q = 0; q < 3; ++q) {
    const auto& s = st.queues[q];
    EXPECT_EQ(s.rx_packets, want[q].rx_packets) << "queue " << q << ", " << r.at();
    EXPECT_EQ(s.rx_bytes, want[q].rx_bytes) << "queue " << q;
    EXPECT_EQ(s.rx_no_desc_drops, 0u) << "queue " << q;
    EXPECT_EQ(s.tx_packets, want[q].tx_packets) << "queue " << q;
    EXPECT_EQ(s.tx_bytes, want[q].tx_bytes) << "queue " << q;
    EXPECT_EQ(s.tx_spoof_drops, want[q].spoof) << "queue " << q;
    EXPECT_EQ(s.tx_oversize_drops, want[q].oversize) << "queue " << q;
    EXPECT_EQ(got[q].size(), want[q].rx_packets) << "queue " << q << ": frames the host saw";
  }
  for (unsigned q = 3; q < d.caps().num_queues; ++q) {
    const auto& s = st.queues[q];
    EXPECT_EQ(s.rx_packets + s.rx_bytes + s.rx_no_desc_drops + s.tx_packets + s.tx_bytes +
                  s.tx_spoof_drops + s.tx_oversize_drops,
              0u)
        << "queue " << q;
  }
  EXPECT_EQ(sum_rx(st, &vmq::QueueStats::rx_packets), 21u);
  // Counters hold still: a second read gives the same values.
  const vmq::Stats again = d.stats();
  EXPECT_EQ(again.global.rx_frames, g.rx_frames);
  EXPECT_EQ(again.queues[2].rx_bytes, st.queues[2].rx_bytes);
}

// ------------------------------------------------------------------ loopback
// VM-to-VM loopback (SPEC §5) into a queue that also receives from the wire:
// queue 2 sends `ntx` frames to queue 1's MAC (posted `delay` cycles after
// the first wire frame was offered) while `nrx` frames arrive for queue 1
// from the wire. Queue 1 must get all of them, each byte-exact, the wire
// frames in wire order and the looped ones in send order. Returns the first
// failure ("" when none).
std::string loopback_case(uint64_t delay, std::size_t rx_len, std::size_t tx_len, unsigned nrx,
                          unsigned ntx) {
  // A short device timeout: when the core hangs, freeing the queues at the
  // end (~Device) gives up after 200 us instead of 10 ms per wait.
  Rig r(Device::Options{true, 200'000});
  Device& d = r.dev;
  vmq::PortConfig pc;
  pc.loopback = true;
  pc.default_queue = false;
  d.configure_port(pc);
  d.alloc_queue(small_queue(), 1);
  d.alloc_queue(small_queue(), 2);
  d.set_filter(mac_filter(kMacA), 1ULL << 1);
  std::vector<std::vector<uint8_t>> rx, tx;
  for (uint32_t i = 0; i < nrx; ++i) {
    rx.push_back(make(kMacA, kSrc, -1, rx_len, 0x10000 + i));
    r.plat.rx_offer(rx.back());
  }
  for (uint32_t i = 0; i < ntx; ++i) tx.push_back(make(kMacA, kMacB, -1, tx_len, 0x20000 + i));
  std::vector<Got> got;
  std::vector<vmq::TxStatus> st;
  std::size_t wire = 0, posted = 0;
  r.plat.on_wire_tx = [&](const vs::WireFrame&) { ++wire; };
  const uint64_t c0 = r.plat.cycle();
  auto body = [&] {
    receive(r, 1, got);
    if (posted < tx.size() && r.plat.cycle() >= c0 + delay) {
      std::vector<std::span<const uint8_t>> burst(tx.begin() + long(posted), tx.end());
      posted += d.tx_burst(2, burst);
    }
    d.tx_reap(2, &st);
  };
  // About 3 us of traffic: 60000 cycles is plenty; a core that hangs stops here.
  const bool done = run_until(
      r, [&] { return got.size() >= rx.size() + tx.size() && st.size() == tx.size(); }, 60000, body,
      16);
  if (done) settle(r, body);
  std::string why;
  std::size_t nr = 0, nt = 0;
  for (std::size_t i = 0; i < got.size() && why.empty(); ++i) {
    if (nr < rx.size() && got[i].bytes == rx[nr])
      ++nr;
    else if (nt < tx.size() && got[i].bytes == tx[nt])
      ++nt;
    else
      why = fmt::format("queue 1 frame {} ({} B, cycle {}) is neither wire frame {} nor looped frame {}",
                        i, got[i].bytes.size(), got[i].cycle, nr, nt);
  }
  if (why.empty() && got.size() != rx.size() + tx.size())
    why = fmt::format("queue 1 got {} frames of {} ({} from the wire, {} looped), {}", got.size(),
                      rx.size() + tx.size(), nr, nt, r.at());
  if (why.empty() && st.size() != tx.size())
    why = fmt::format("{} of {} transmit completions, {}", st.size(), tx.size(), r.at());
  if (why.empty() && wire) why = fmt::format("{} local unicast frames went to the wire", wire);
  if (!why.empty())
    why += fmt::format(" [queue 1 got {} of {} frames, {} of {} transmit completions by {}{}]",
                       got.size(), rx.size() + tx.size(), st.size(), tx.size(), r.at(),
                       done ? "" : ", then nothing for the rest of 60000 cycles");
  return why;
}

// This found a core bug (fixed in vmq_rx_lb_mux): the mux could switch
// source while its output was valid but stalled, pairing a looped frame's
// length and queue decision with a wire frame's bytes; later copies were
// shifted by 64 bytes and the core hung.
TEST(Driver, LoopbackInterleavedWithReceive) {
  EXPECT_EQ(loopback_case(0, 200, 60, 30, 20), "") << "rx 30 x 200 B, tx 20 x 60 B at once";
  EXPECT_EQ(loopback_case(400, 200, 60, 30, 20), "") << "tx 20 x 60 B posted 400 cycles later";
}

}  // namespace
