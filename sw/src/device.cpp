// The reference host driver (device.hpp). Register offsets, fields and
// descriptor formats come only from the generated vmq_regs.hpp.
#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstring>
#include <vmq/device.hpp>
#include <vmq/vmq_regs.hpp>

namespace vmq {
namespace r = vmq::regs;

namespace {

[[noreturn]] void bad(const std::string& msg) { throw Error(Errc::InvalidArgument, msg); }

bool pow2_in(unsigned v, unsigned lo, unsigned hi) {
  return v >= lo && v <= hi && std::has_single_bit(v);
}

// 64-bit little-endian words in DMA memory. The acquire/release fences order
// them against the device: DD is read before the data it announces, and
// descriptors are written before the doorbell.
inline uint64_t ld64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline void st64(uint8_t* p, uint64_t v) { std::memcpy(p, &v, 8); }
inline uint64_t ld64_acquire(const uint8_t* p) {
  const uint64_t v = reinterpret_cast<const std::atomic<uint64_t>*>(p)->load(std::memory_order_acquire);
  return v;
}

constexpr uint64_t kMac48 = (1ULL << 48) - 1;

}  // namespace

// ------------------------------------------------------------------ MacAddr
MacAddr MacAddr::parse(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  uint64_t v = 0;
  bool ok = s.size() == 17;
  for (unsigned i = 0; ok && i < 6; ++i) {
    const int h = hex(s[3 * i]), l = hex(s[3 * i + 1]);
    ok = h >= 0 && l >= 0 && (i == 5 || s[3 * i + 2] == ':');
    v = v << 8 | unsigned(h << 4 | l);
  }
  if (!ok) bad(fmt::format("bad MAC address \"{}\" (expected six hex bytes like 02:00:00:00:00:01)", s));
  return MacAddr{v};
}

std::string MacAddr::str() const {
  return fmt::format("{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}", (value >> 40) & 0xff,
                     (value >> 32) & 0xff, (value >> 24) & 0xff, (value >> 16) & 0xff,
                     (value >> 8) & 0xff, value & 0xff);
}

const char* filter_type_name(FilterType t) {
  switch (t) {
    case FilterType::Mac: return "mac";
    case FilterType::MacVlan: return "mac_vlan";
    case FilterType::MacUntagged: return "mac_untagged";
    case FilterType::Vlan: return "vlan";
  }
  return "?";
}

// ------------------------------------------------------------------ Device
Device::Device(RegIo& io, DmaAllocator& dma, Options opt) : io_(io), dma_(dma), opt_(opt) {
  const uint32_t magic = io_.read32(r::ID_MAGIC);
  if (magic != r::MAGIC)
    throw Error(Errc::NoDevice,
                fmt::format("no vmq core behind {}: ID_MAGIC reads 0x{:08x}, expected 0x{:08x}",
                            io_.describe(), magic, r::MAGIC));
  const uint32_t ver = io_.read32(r::ID_VERSION);
  caps_.version_major = (ver & r::ID_VERSION_MAJOR_MASK) >> r::ID_VERSION_MAJOR_SHIFT;
  caps_.version_minor = (ver & r::ID_VERSION_MINOR_MASK) >> r::ID_VERSION_MINOR_SHIFT;
  caps_.version_patch = (ver & r::ID_VERSION_PATCH_MASK) >> r::ID_VERSION_PATCH_SHIFT;
  if (caps_.version_major != r::VERSION_MAJOR || caps_.version_minor != r::VERSION_MINOR)
    throw Error(Errc::DeviceError,
                fmt::format("{}: core version {}.{}.{}, this driver speaks {}.{}.x", io_.describe(),
                            caps_.version_major, caps_.version_minor, caps_.version_patch,
                            r::VERSION_MAJOR, r::VERSION_MINOR));
  caps_.num_queues = io_.read32(r::ID_NUM_QUEUES);
  caps_.num_filters = io_.read32(r::ID_NUM_FILTERS);
  caps_.data_w = io_.read32(r::ID_DATA_W);
  caps_.axi_data_w = io_.read32(r::ID_AXI_DATA_W);
  caps_.max_frame_bytes = io_.read32(r::ID_MAX_FRAME_BYTES);
  caps_.pktbuf_bytes = io_.read32(r::ID_PKTBUF_BYTES);
  caps_.rx_desc_cache = (io_.read32(r::ID_RX_CAPS) & r::ID_RX_CAPS_DESC_CACHE_MASK) >> r::ID_RX_CAPS_DESC_CACHE_SHIFT;
  caps_.tx_desc_per_frame =
      (io_.read32(r::ID_TX_CAPS) & r::ID_TX_CAPS_DESC_PER_FRAME_MASK) >> r::ID_TX_CAPS_DESC_PER_FRAME_SHIFT;
  caps_.tx_stage_bytes = io_.read32(r::ID_TX_STAGE_BYTES);
  if (caps_.tx_desc_per_frame == 0 || caps_.tx_stage_bytes < caps_.max_frame_bytes)
    throw Error(Errc::DeviceError,
                fmt::format("{}: implausible transmit capacities: {} descriptors per frame, {} staging bytes per "
                            "queue for frames of up to {} bytes (ID_TX_CAPS, ID_TX_STAGE_BYTES)",
                            io_.describe(), caps_.tx_desc_per_frame, caps_.tx_stage_bytes, caps_.max_frame_bytes));
  if (caps_.num_queues < 1 || caps_.num_queues > 64 || caps_.num_filters < 1 ||
      caps_.num_filters > 4096 || caps_.max_frame_bytes < 64)
    throw Error(Errc::DeviceError,
                fmt::format("{}: implausible identification registers (queues {}, filters {}, "
                            "max frame {})",
                            io_.describe(), caps_.num_queues, caps_.num_filters,
                            caps_.max_frame_bytes));
  qs_.resize(caps_.num_queues);
  filt_.resize(caps_.num_filters);
  if (opt_.reset) {
    io_.write32(r::RESET, r::RESET_SOFT_MASK);
    wait_reg(r::STATUS, r::STATUS_RESET_BUSY_MASK, 0, "soft reset");
    configure_port(port_);
  } else {
    // Adopt what the hardware holds so that filters() and free_queue() agree.
    for (const FilterState& f : filters()) filt_[f.id] = std::make_pair(f.filter, f.queue_mask);
  }
}

Device::~Device() {
  for (unsigned q = 0; q < qs_.size(); ++q) {
    if (!qs_[q].allocated) continue;
    try {
      disable_and_reset(q);
      release_memory(qs_[q]);
    } catch (...) {
      // The device did not stop: leak the memory rather than let DMA hit freed pages.
    }
  }
}

void Device::wait_reg(uint32_t addr, uint32_t mask, uint32_t want, const std::string& what) {
  const uint64_t t0 = io_.now_ns();
  for (;;) {
    const uint32_t v = io_.read32(addr);
    if ((v & mask) == want) return;
    if (io_.now_ns() - t0 > opt_.timeout_ns)
      throw Error(Errc::Timeout,
                  fmt::format("{}: register 0x{:04x} = 0x{:08x} after {} us (waiting for bits "
                              "0x{:x} = 0x{:x})",
                              what, addr, v, opt_.timeout_ns / 1000, mask, want));
    io_.delay_ns(200);
  }
}

uint64_t Device::rd64(uint32_t lo) {
  return r::read_counter64([this](uint32_t a) { return io_.read32(a); }, lo);
}

void Device::check_queue(const char* op, unsigned q, bool need_alloc) const {
  if (q >= caps_.num_queues)
    bad(fmt::format("{}: queue {} out of range (the core has queues 0..{})", op, q,
                    caps_.num_queues - 1));
  if (need_alloc && !qs_[q].allocated)
    bad(fmt::format("{}: queue {} is not allocated", op, q));
}

void Device::configure_port(const PortConfig& c) {
  if (c.max_frame < 64 || c.max_frame > caps_.max_frame_bytes)
    bad(fmt::format("configure_port: max_frame {} outside 64..{} (the core's MaxFrameBytes)",
                    c.max_frame, caps_.max_frame_bytes));
  if (c.min_frame < 18 || c.min_frame > c.max_frame)
    bad(fmt::format("configure_port: min_frame {} outside 18..max_frame ({})", c.min_frame,
                    c.max_frame));
  if (c.tpid < 0x0600)
    bad(fmt::format("configure_port: tpid 0x{:04x} is a length, not an EtherType (>= 0x0600)",
                    c.tpid));
  for (unsigned q = 0; q < qs_.size(); ++q)
    if (qs_[q].allocated &&
        qs_[q].cfg.rx_ring_size < (c.max_frame + qs_[q].cfg.rx_buffer_size - 1) /
                                          qs_[q].cfg.rx_buffer_size + 1)
      bad(fmt::format("configure_port: max_frame {} does not fit queue {}'s ring ({} buffers of "
                      "{} B)",
                      c.max_frame, q, qs_[q].cfg.rx_ring_size, qs_[q].cfg.rx_buffer_size));
  io_.write32(r::RX_TPID, c.tpid);
  io_.write32(r::RX_MIN_FRAME, c.min_frame);
  io_.write32(r::RX_MAX_FRAME, c.max_frame);
  io_.write32(r::CTRL, (c.default_queue ? r::CTRL_DEFAULT_QUEUE_EN_MASK : 0u) |
                           (c.loopback ? r::CTRL_LOOPBACK_EN_MASK : 0u) |
                           (c.tx_drr ? r::CTRL_TX_DRR_MASK : 0u));
  port_ = c;
}

const QueueConfig& Device::queue_config(unsigned q) const {
  check_queue("queue_config", q, true);
  return qs_[q].cfg;
}

unsigned Device::alloc_queue(const QueueConfig& c, std::optional<unsigned> want) {
  if (!pow2_in(c.rx_ring_size, kMinRing, kMaxRing))
    bad(fmt::format("alloc_queue: rx_ring_size {} is not a power of two in {}..{}", c.rx_ring_size,
                    kMinRing, kMaxRing));
  if (!pow2_in(c.tx_ring_size, kMinRing, kMaxRing))
    bad(fmt::format("alloc_queue: tx_ring_size {} is not a power of two in {}..{}", c.tx_ring_size,
                    kMinRing, kMaxRing));
  if (c.rx_buffer_size < kMinBuffer || c.rx_buffer_size > kMaxBuffer || c.rx_buffer_size % 64)
    bad(fmt::format("alloc_queue: rx_buffer_size {} is not a multiple of 64 in {}..{}",
                    c.rx_buffer_size, kMinBuffer, kMaxBuffer));
  const unsigned need = (port_.max_frame + c.rx_buffer_size - 1) / c.rx_buffer_size + 1;
  if (c.rx_ring_size < need)
    bad(fmt::format("alloc_queue: rx_ring_size {} cannot hold a {}-byte frame in {}-byte buffers "
                    "(needs at least {} slots)",
                    c.rx_ring_size, port_.max_frame, c.rx_buffer_size, need));
  const unsigned tx_need = (port_.max_frame + kTxBufferBytes - 1) / kTxBufferBytes + 1;
  if (c.tx_ring_size < tx_need)
    bad(fmt::format("alloc_queue: tx_ring_size {} cannot hold a {}-byte frame (needs {} slots)",
                    c.tx_ring_size, port_.max_frame, tx_need));
  if (c.port_vid > 4094)
    bad(fmt::format("alloc_queue: port_vid {} outside 0..4094 (0 = no port VLAN)", c.port_vid));
  if (c.port_pcp > 7) bad(fmt::format("alloc_queue: port_pcp {} outside 0..7", c.port_pcp));
  if (c.vlan_spoof && c.port_vid == 0)
    bad("alloc_queue: vlan_spoof needs a port VLAN (port_vid 1..4094)");
  if (c.spoof_mac && (c.spoof_mac->multicast() || c.spoof_mac->value > kMac48))
    bad(fmt::format("alloc_queue: spoof_mac {} is a multicast address; a VM sends from a "
                    "unicast one",
                    c.spoof_mac->str()));
  if (c.weight > 0xffff) bad(fmt::format("alloc_queue: weight {} outside 0..65535", c.weight));
  unsigned q;
  if (want) {
    check_queue("alloc_queue", *want, false);
    if (qs_[*want].allocated)
      throw Error(Errc::Busy, fmt::format("alloc_queue: queue {} is already allocated", *want));
    q = *want;
  } else {
    q = 1;
    while (q < qs_.size() && qs_[q].allocated) ++q;
    if (q >= qs_.size())
      throw Error(Errc::NoResources,
                  fmt::format("alloc_queue: all {} queues are allocated", caps_.num_queues));
  }
  Q& s = qs_[q];
  Q fresh;
  fresh.cfg = c;
  // Memory first: a failure here leaves the hardware untouched.
  try {
    fresh.rx_ring = dma_.alloc(size_t(c.rx_ring_size) * r::fmt::RX_DESC_BYTES, 4096);
    fresh.rx_bufs = alloc_buffers(c.rx_ring_size, c.rx_buffer_size);
    fresh.tx_ring = dma_.alloc(size_t(c.tx_ring_size) * r::fmt::TX_DESC_BYTES, 4096);
    fresh.tx_bufs = alloc_buffers(c.tx_ring_size, kTxBufferBytes);
  } catch (...) {
    release_memory(fresh);
    throw;
  }
  fresh.tx_ndesc.assign(c.tx_ring_size, 0);
  s = std::move(fresh);
  try {
    disable_and_reset(q);
    // Receive ring: every slot but one posted, slot i always owns buffer i.
    const unsigned n = c.rx_ring_size;
    for (unsigned i = 0; i + 1 < n; ++i) {
      st64(s.rx_ring.cpu + 16 * i, s.rx_bufs.iova(i));
      st64(s.rx_ring.cpu + 16 * i + 8, 0);
    }
    s.rx_next = s.rx_done = 0;
    s.rx_tail = n - 1;
    std::atomic_thread_fence(std::memory_order_release);
    io_.write32(r::Q_RX_BASE_LO(q), uint32_t(s.rx_ring.iova));
    io_.write32(r::Q_RX_BASE_HI(q), uint32_t(s.rx_ring.iova >> 32));
    io_.write32(r::Q_RX_SIZE(q), unsigned(std::countr_zero(n)));
    io_.write32(r::Q_RX_BUF(q), c.rx_buffer_size);
    io_.write32(r::Q_RX_TAIL(q), n - 1);
    io_.write32(r::Q_INT_MASK(q), 0);
    io_.write32(r::Q_INT_CLEAR(q), r::Q_INT_CLEAR_RX_MASK | r::Q_INT_CLEAR_TX_MASK |
                                       r::Q_INT_CLEAR_ERR_MASK);
    // Transmit ring: empty.
    io_.write32(r::Q_TX_BASE_LO(q), uint32_t(s.tx_ring.iova));
    io_.write32(r::Q_TX_BASE_HI(q), uint32_t(s.tx_ring.iova >> 32));
    io_.write32(r::Q_TX_SIZE(q), unsigned(std::countr_zero(c.tx_ring_size)));
    io_.write32(r::Q_TX_TAIL(q), 0);
    io_.write32(r::Q_TX_PORT_VLAN(q), c.port_vid ? (uint32_t(c.port_pcp) << 13 | c.port_vid) : 0);
    const uint64_t mac = c.spoof_mac ? c.spoof_mac->value : 0;
    io_.write32(r::Q_TX_MAC_LO(q), uint32_t(mac));
    io_.write32(r::Q_TX_MAC_HI(q), uint32_t(mac >> 32));
    io_.write32(r::Q_TX_WEIGHT(q), c.weight ? c.weight : r::Q_TX_WEIGHT_RESET);
    s.tx_tail = s.tx_clean = 0;
    s.tx_frames = 0;
    // Enable.
    io_.write32(r::Q_RX_CTRL(q), (c.rx ? r::Q_RX_CTRL_ENABLE_MASK : 0u) |
                                     (c.bcast ? r::Q_RX_CTRL_BCAST_MASK : 0u) |
                                     (c.mcast ? r::Q_RX_CTRL_MCAST_MASK : 0u) |
                                     (c.promisc ? r::Q_RX_CTRL_PROMISC_MASK : 0u) |
                                     (c.strip_vlan ? r::Q_RX_CTRL_STRIP_VLAN_MASK : 0u));
    io_.write32(r::Q_TX_CTRL(q), (c.tx ? r::Q_TX_CTRL_ENABLE_MASK : 0u) |
                                     (c.spoof_mac ? r::Q_TX_CTRL_SPOOF_MAC_MASK : 0u) |
                                     (c.vlan_spoof ? r::Q_TX_CTRL_SPOOF_VLAN_MASK : 0u));
  } catch (...) {
    // The queue never started DMA on this memory unless it was enabled;
    // disable_and_reset failed before that, or the enable writes threw.
    release_memory(s);
    s = Q{};
    throw;
  }
  s.allocated = true;
  return q;
}

void Device::disable_and_reset(unsigned q) {
  io_.write32(r::Q_RX_CTRL(q), 0);
  io_.write32(r::Q_TX_CTRL(q), 0);
  io_.write32(r::Q_INT_MASK(q), 0);
  wait_reg(r::Q_RX_STATUS(q), r::Q_RX_STATUS_STOPPED_MASK, r::Q_RX_STATUS_STOPPED_MASK,
           fmt::format("queue {}: receive DMA did not stop", q));
  wait_reg(r::Q_TX_STATUS(q), r::Q_TX_STATUS_STOPPED_MASK, r::Q_TX_STATUS_STOPPED_MASK,
           fmt::format("queue {}: transmit DMA did not stop", q));
  io_.write32(r::Q_RX_CMD(q), r::Q_RX_CMD_RESET_MASK);
  io_.write32(r::Q_TX_CMD(q), r::Q_TX_CMD_RESET_MASK);
  wait_reg(r::Q_RX_STATUS(q), r::Q_RX_STATUS_RESETTING_MASK | r::Q_RX_STATUS_ERROR_MASK, 0,
           fmt::format("queue {}: receive reset", q));
  wait_reg(r::Q_TX_STATUS(q), r::Q_TX_STATUS_RESETTING_MASK | r::Q_TX_STATUS_ERROR_MASK, 0,
           fmt::format("queue {}: transmit reset", q));
  io_.write32(r::Q_RX_TAIL(q), 0);
  io_.write32(r::Q_TX_TAIL(q), 0);
}

void Device::release_memory(Q& s) {
  for (DmaRegion* m : {&s.rx_ring, &s.tx_ring}) {
    if (*m) dma_.free(*m);
    *m = DmaRegion{};
  }
  for (Buffers* b : {&s.rx_bufs, &s.tx_bufs}) {
    for (const DmaRegion& r : b->chunks) dma_.free(r);
    b->chunks.clear();
  }
}

Device::Buffers Device::alloc_buffers(unsigned count, std::size_t size) {
  Buffers b;
  b.size = size;
  b.per_chunk = std::max<std::size_t>(1, kDmaChunkBytes / size);
  // A chunk that cannot be had frees the ones already taken.
  for (unsigned done = 0; done < count;) {
    const unsigned n = unsigned(std::min<std::size_t>(b.per_chunk, count - done));
    try {
      b.chunks.push_back(dma_.alloc(n * size, 4096));
    } catch (...) {
      for (const DmaRegion& r : b.chunks) dma_.free(r);
      throw;
    }
    done += n;
  }
  return b;
}

void Device::free_queue(unsigned q) {
  check_queue("free_queue", q, true);
  std::string ids;
  for (unsigned i = 0; i < filt_.size(); ++i)
    if (filt_[i] && (filt_[i]->second >> q & 1)) ids += fmt::format("{}{}", ids.empty() ? "" : ", ", i);
  if (!ids.empty())
    throw Error(Errc::Busy, fmt::format("free_queue: filter(s) {} still steer to queue {}; clear "
                                        "them first",
                                        ids, q));
  // A timeout throws here and keeps the queue allocated: its memory may still
  // be the target of DMA.
  disable_and_reset(q);
  release_memory(qs_[q]);
  qs_[q] = Q{};
}

// ------------------------------------------------------------------ filters
void Device::write_filter(unsigned id, bool valid, const Filter& f, uint64_t qmask) {
  io_.write32(r::FILT_IDX, id);
  io_.write32(r::FILT_CFG, uint32_t(valid) << r::FILT_CFG_VALID_SHIFT |
                               uint32_t(f.type) << r::FILT_CFG_TYPE_SHIFT |
                               uint32_t(f.vid & 0xfff) << r::FILT_CFG_VID_SHIFT);
  io_.write32(r::FILT_MAC_LO, uint32_t(f.mac.value));
  io_.write32(r::FILT_MAC_HI, uint32_t(f.mac.value >> 32));
  io_.write32(r::FILT_QMASK_LO, uint32_t(qmask));
  io_.write32(r::FILT_QMASK_HI, uint32_t(qmask >> 32));
  io_.write32(r::FILT_CMD, r::FILT_CMD_WRITE_MASK);
}

unsigned Device::set_filter(const Filter& f, uint64_t queue_mask) {
  const bool has_mac = f.type != FilterType::Vlan;
  const bool has_vid = f.type == FilterType::MacVlan || f.type == FilterType::Vlan;
  if (unsigned(f.type) > 3) bad(fmt::format("set_filter: unknown filter type {}", unsigned(f.type)));
  if (has_vid && (f.vid < 1 || f.vid > 4094))
    bad(fmt::format("set_filter: vid {} outside 1..4094", f.vid));
  if (!has_vid && f.vid != 0)
    bad(fmt::format("set_filter: a {} filter takes no vid (got {})", filter_type_name(f.type), f.vid));
  if (has_mac && f.mac.value > kMac48)
    bad(fmt::format("set_filter: MAC 0x{:x} wider than 48 bits", f.mac.value));
  if (!has_mac && f.mac.value != 0)
    bad(fmt::format("set_filter: a vlan filter takes no MAC (got {})", f.mac.str()));
  if (queue_mask == 0) bad("set_filter: empty queue mask");
  for (unsigned q = 0; q < 64; ++q) {
    if (!(queue_mask >> q & 1)) continue;
    check_queue("set_filter", q, true);
  }
  unsigned free_id = unsigned(filt_.size());
  for (unsigned i = 0; i < filt_.size(); ++i) {
    if (!filt_[i]) {
      free_id = std::min(free_id, i);
      continue;
    }
    const Filter& o = filt_[i]->first;
    if (o.type == f.type && o.mac == f.mac && o.vid == f.vid)
      throw Error(Errc::Busy, fmt::format("set_filter: the same {} filter is already set as id {}",
                                          filter_type_name(f.type), i));
  }
  if (free_id >= filt_.size())
    throw Error(Errc::NoResources,
                fmt::format("set_filter: all {} filter entries are in use", filt_.size()));
  write_filter(free_id, true, f, queue_mask);
  filt_[free_id] = std::make_pair(f, queue_mask);
  return free_id;
}

void Device::clear_filter(unsigned id) {
  if (id >= filt_.size())
    bad(fmt::format("clear_filter: filter id {} out of range (0..{})", id, filt_.size() - 1));
  if (!filt_[id]) bad(fmt::format("clear_filter: filter id {} is not set", id));
  write_filter(id, false, Filter{}, 0);
  filt_[id].reset();
}

std::vector<FilterState> Device::filters() {
  std::vector<FilterState> out;
  for (unsigned i = 0; i < caps_.num_filters; ++i) {
    io_.write32(r::FILT_IDX, i);
    const uint32_t cfg = io_.read32(r::FILT_RD_CFG);
    if (!(cfg & r::FILT_RD_CFG_VALID_MASK)) continue;
    FilterState s;
    s.id = i;
    s.filter.type = FilterType((cfg & r::FILT_RD_CFG_TYPE_MASK) >> r::FILT_RD_CFG_TYPE_SHIFT);
    s.filter.vid = uint16_t((cfg & r::FILT_RD_CFG_VID_MASK) >> r::FILT_RD_CFG_VID_SHIFT);
    s.filter.mac.value = io_.read32(r::FILT_RD_MAC_LO) |
                         uint64_t(io_.read32(r::FILT_RD_MAC_HI) & 0xffff) << 32;
    s.queue_mask = io_.read32(r::FILT_RD_QMASK_LO) | uint64_t(io_.read32(r::FILT_RD_QMASK_HI)) << 32;
    out.push_back(s);
  }
  return out;
}

QueueState Device::queue_state(unsigned q) {
  check_queue("queue_state", q, false);
  QueueState s;
  const uint32_t rc = io_.read32(r::Q_RX_CTRL(q)), tc = io_.read32(r::Q_TX_CTRL(q));
  s.rx_enabled = rc & r::Q_RX_CTRL_ENABLE_MASK;
  s.bcast = rc & r::Q_RX_CTRL_BCAST_MASK;
  s.mcast = rc & r::Q_RX_CTRL_MCAST_MASK;
  s.promisc = rc & r::Q_RX_CTRL_PROMISC_MASK;
  s.strip_vlan = rc & r::Q_RX_CTRL_STRIP_VLAN_MASK;
  s.tx_enabled = tc & r::Q_TX_CTRL_ENABLE_MASK;
  s.rx_status = io_.read32(r::Q_RX_STATUS(q));
  s.tx_status = io_.read32(r::Q_TX_STATUS(q));
  s.rx_ring = 1u << (io_.read32(r::Q_RX_SIZE(q)) & r::Q_RX_SIZE_LOG2_MASK);
  s.tx_ring = 1u << (io_.read32(r::Q_TX_SIZE(q)) & r::Q_TX_SIZE_LOG2_MASK);
  s.rx_buffer = io_.read32(r::Q_RX_BUF(q));
  s.rx_head = io_.read32(r::Q_RX_HEAD(q));
  s.rx_tail = io_.read32(r::Q_RX_TAIL(q));
  s.tx_head = io_.read32(r::Q_TX_HEAD(q));
  s.tx_tail = io_.read32(r::Q_TX_TAIL(q));
  if (tc & r::Q_TX_CTRL_SPOOF_MAC_MASK)
    s.spoof_mac = MacAddr{io_.read32(r::Q_TX_MAC_LO(q)) |
                          uint64_t(io_.read32(r::Q_TX_MAC_HI(q)) & 0xffff) << 32};
  s.port_tci = uint16_t(io_.read32(r::Q_TX_PORT_VLAN(q)));
  s.weight = io_.read32(r::Q_TX_WEIGHT(q));
  s.allocated = qs_[q].allocated;
  return s;
}

// ------------------------------------------------------------------ receive
std::size_t Device::rx_burst(unsigned q, std::span<RxPacket> out, bool release) {
  check_queue("rx_burst", q, true);
  Q& s = qs_[q];
  if (release) rx_release(q);
  const unsigned n = s.cfg.rx_ring_size, mask = n - 1;
  std::size_t got = 0;
  while (got < out.size()) {
    // A frame: consecutive slots with DD, the last with EOP, all posted.
    uint32_t k = 0;
    uint64_t wb = 0;
    for (;;) {
      const uint32_t slot = s.rx_next + k;
      if (int32_t(s.rx_tail - slot) <= 0) return got;  // not posted (cannot be written yet)
      wb = ld64_acquire(s.rx_ring.cpu + 16 * (slot & mask) + 8);
      if (!r::fmt::get(wb, r::fmt::RX_WB_DD)) return got;
      ++k;
      if (r::fmt::get(wb, r::fmt::RX_WB_EOP)) break;
      if (k >= n) throw Error(Errc::DeviceError, fmt::format("rx_burst: queue {}: no EOP in the whole ring", q));
    }
    RxPacket& p = out[got++];
    p.slot = s.rx_next & mask;
    p.nseg = uint16_t(k);
    p.len = uint32_t((k - 1) * s.cfg.rx_buffer_size + r::fmt::get(wb, r::fmt::RX_WB_LEN));
    p.frame_len = uint32_t(r::fmt::get(wb, r::fmt::RX_WB_FRAME_LEN));
    p.vlan_stripped = r::fmt::get(wb, r::fmt::RX_WB_VP);
    p.tci = uint16_t(r::fmt::get(wb, r::fmt::RX_WB_TCI));
    p.bcast = r::fmt::get(wb, r::fmt::RX_WB_BCAST);
    p.mcast = r::fmt::get(wb, r::fmt::RX_WB_MCAST);
    s.rx_next += k;
  }
  return got;
}

void Device::rx_release(unsigned q) {
  check_queue("rx_release", q, true);
  Q& s = qs_[q];
  if (s.rx_done == s.rx_next) return;
  const unsigned n = s.cfg.rx_ring_size, mask = n - 1;
  // Slots [rx_tail, rx_next + n - 1) are free: repost each with its own buffer.
  const uint32_t new_tail = s.rx_next + n - 1;
  for (uint32_t slot = s.rx_tail; slot != new_tail; ++slot) {
    const unsigned i = slot & mask;
    st64(s.rx_ring.cpu + 16 * i, s.rx_bufs.iova(i));
    st64(s.rx_ring.cpu + 16 * i + 8, 0);
  }
  std::atomic_thread_fence(std::memory_order_release);
  io_.write32(r::Q_RX_TAIL(q), new_tail & mask);
  s.rx_tail = new_tail;
  s.rx_done = s.rx_next;
}

unsigned Device::rx_held(unsigned q) const {
  check_queue("rx_held", q, true);
  return qs_[q].rx_next - qs_[q].rx_done;
}

std::span<const uint8_t> Device::rx_segment(unsigned q, const RxPacket& p, unsigned i) const {
  check_queue("rx_segment", q, true);
  const Q& s = qs_[q];
  if (i >= p.nseg) bad(fmt::format("rx_segment: segment {} of a {}-segment packet", i, p.nseg));
  const unsigned slot = (p.slot + i) & (s.cfg.rx_ring_size - 1);
  const std::size_t len = i + 1 < p.nseg ? s.cfg.rx_buffer_size
                                         : p.len - std::size_t(p.nseg - 1) * s.cfg.rx_buffer_size;
  return {s.rx_bufs.cpu(slot), len};
}

std::size_t Device::rx_copy(unsigned q, const RxPacket& p, uint8_t* dst) const {
  std::size_t off = 0;
  for (unsigned i = 0; i < p.nseg; ++i) {
    const auto seg = rx_segment(q, p, i);
    std::memcpy(dst + off, seg.data(), seg.size());
    off += seg.size();
  }
  return off;
}

// ------------------------------------------------------------------ transmit
unsigned Device::tx_free_slots(unsigned q) const {
  check_queue("tx_free_slots", q, true);
  const Q& s = qs_[q];
  return s.cfg.tx_ring_size - 1 - (s.tx_tail - s.tx_clean);
}

unsigned Device::tx_in_flight(unsigned q) const {
  check_queue("tx_in_flight", q, true);
  return qs_[q].tx_frames;
}

std::size_t Device::tx_burst(unsigned q, std::span<const std::span<const uint8_t>> frames) {
  check_queue("tx_burst", q, true);
  Q& s = qs_[q];
  const unsigned n = s.cfg.tx_ring_size, mask = n - 1;
  // the longest frame the core stages, in at most as many descriptors as it
  // takes per frame (ID_TX_CAPS) and the ring holds
  const std::size_t max_len = std::min<std::size_t>(
      caps_.tx_stage_bytes, std::size_t(std::min<unsigned>(n - 1, caps_.tx_desc_per_frame)) * kTxBufferBytes);
  // Check the whole burst first: a refused frame must not leave earlier ones
  // written but never announced.
  for (std::size_t i = 0; i < frames.size(); ++i)
    if (frames[i].size() < 14 || frames[i].size() > max_len)
      bad(fmt::format("tx_burst: queue {}: frame {} of the burst is {} bytes (allowed 14..{}); "
                      "nothing of this burst was queued",
                      q, i, frames[i].size(), max_len));
  std::size_t sent = 0;
  for (const auto& f : frames) {
    const unsigned nd = unsigned((f.size() + kTxBufferBytes - 1) / kTxBufferBytes);
    if (tx_free_slots(q) < nd) break;
    const uint32_t first = s.tx_tail;
    for (unsigned d = 0; d < nd; ++d) {
      const unsigned i = (first + d) & mask;
      const std::size_t off = std::size_t(d) * kTxBufferBytes;
      const std::size_t len = std::min<std::size_t>(kTxBufferBytes, f.size() - off);
      uint8_t* buf = s.tx_bufs.cpu(i);
      std::memcpy(buf, f.data() + off, len);
      uint64_t w1 = r::fmt::put(0, r::fmt::TX_DESC_LEN, len);
      if (d + 1 == nd) w1 = r::fmt::put(w1, r::fmt::TX_DESC_EOP, 1);
      st64(s.tx_ring.cpu + 16 * i, s.tx_bufs.iova(i));
      st64(s.tx_ring.cpu + 16 * i + 8, w1);
    }
    s.tx_ndesc[first & mask] = uint8_t(nd);
    s.tx_tail += nd;
    ++s.tx_frames;
    ++sent;
  }
  if (sent) {
    std::atomic_thread_fence(std::memory_order_release);
    io_.write32(r::Q_TX_TAIL(q), s.tx_tail & mask);  // one doorbell per burst
  }
  return sent;
}

const char* tx_status_name(TxStatus s) {
  switch (s) {
    case TxStatus::Sent: return "sent";
    case TxStatus::SpoofDrop: return "spoof";
    case TxStatus::OversizeDrop: return "oversize";
    case TxStatus::Error: return "error";
  }
  return "?";
}

static_assert(r::Q_RX_STATUS_CAUSE_MASK == r::Q_TX_STATUS_CAUSE_MASK &&
                  r::Q_RX_STATUS_CAUSE_RING == r::Q_TX_STATUS_CAUSE_RING &&
                  r::Q_RX_STATUS_CAUSE_GATHER == r::Q_TX_STATUS_CAUSE_GATHER,
              "receive and transmit share the CAUSE field");
const char* error_cause_name(uint32_t status) {
  switch ((status & r::Q_RX_STATUS_CAUSE_MASK) >> r::Q_RX_STATUS_CAUSE_SHIFT) {
    case r::Q_RX_STATUS_CAUSE_NONE: return "none";
    case r::Q_RX_STATUS_CAUSE_DESC_READ: return "desc_read";
    case r::Q_RX_STATUS_CAUSE_PAYLOAD_READ: return "payload_read";
    case r::Q_RX_STATUS_CAUSE_WRITE: return "write";
    case r::Q_RX_STATUS_CAUSE_RING: return "ring";
    case r::Q_RX_STATUS_CAUSE_GATHER: return "gather";
  }
  return "?";
}

TxCompletion Device::tx_reap(unsigned q, std::vector<TxStatus>* per_frame) {
  check_queue("tx_reap", q, true);
  Q& s = qs_[q];
  const unsigned mask = s.cfg.tx_ring_size - 1;
  TxCompletion c;
  while (s.tx_frames) {
    const unsigned nd = s.tx_ndesc[s.tx_clean & mask];
    const uint64_t wb = ld64_acquire(s.tx_ring.cpu + 16 * ((s.tx_clean + nd - 1) & mask) + 8);
    if (!r::fmt::get(wb, r::fmt::TX_WB_DD)) break;
    TxStatus st = TxStatus::Sent;
    if (r::fmt::get(wb, r::fmt::TX_WB_SPOOF)) {
      ++c.spoof_drops;
      st = TxStatus::SpoofDrop;
    } else if (r::fmt::get(wb, r::fmt::TX_WB_OVERSIZE)) {
      ++c.oversize_drops;
      st = TxStatus::OversizeDrop;
    } else if (r::fmt::get(wb, r::fmt::TX_WB_ERR)) {
      ++c.errors;
      st = TxStatus::Error;
    } else {
      ++c.sent;
    }
    if (per_frame) per_frame->push_back(st);
    s.tx_clean += nd;
    --s.tx_frames;
  }
  return c;
}

// ------------------------------------------------------------------ interrupts
void Device::irq_enable(unsigned q, bool on, uint32_t itr_cycles) {
  check_queue("irq_enable", q, true);
  if (itr_cycles > r::Q_INT_ITR_CYCLES_MASK)
    bad(fmt::format("irq_enable: moderation {} cycles above {}", itr_cycles,
                    r::Q_INT_ITR_CYCLES_MASK));
  io_.write32(r::Q_INT_ITR(q), itr_cycles);
  io_.write32(r::Q_INT_MASK(q), on ? (r::Q_INT_MASK_RX_MASK | r::Q_INT_MASK_TX_MASK |
                                      r::Q_INT_MASK_ERR_MASK)
                                   : 0u);
}

uint64_t Device::wait(uint64_t queue_mask, uint64_t timeout_ns) {
  for (unsigned q = 0; q < 64; ++q)
    if (queue_mask >> q & 1) check_queue("wait", q, true);
  // Work is decided from memory (DD bits); interrupts only wake us up, so a
  // backend without them polls and gets the same answer.
  auto work = [&] {
    uint64_t m = 0;
    for (unsigned q = 0; q < qs_.size(); ++q) {
      if (!(queue_mask >> q & 1)) continue;
      const Q& s = qs_[q];
      const unsigned rmask = s.cfg.rx_ring_size - 1, tmask = s.cfg.tx_ring_size - 1;
      const bool rx = int32_t(s.rx_tail - s.rx_next) > 0 &&
                      (ld64_acquire(s.rx_ring.cpu + 16 * (s.rx_next & rmask) + 8) & 1);
      bool tx = false;
      if (s.tx_frames) {
        const unsigned nd = s.tx_ndesc[s.tx_clean & tmask];
        tx = ld64_acquire(s.tx_ring.cpu + 16 * ((s.tx_clean + nd - 1) & tmask) + 8) & 1;
      }
      if (rx || tx) m |= 1ULL << q;
    }
    return m;
  };
  const uint64_t t0 = io_.now_ns();
  for (;;) {
    if (io_.has_irq())
      for (unsigned q = 0; q < qs_.size(); ++q)
        if (queue_mask >> q & 1)
          io_.write32(r::Q_INT_CLEAR(q), r::Q_INT_CLEAR_RX_MASK | r::Q_INT_CLEAR_TX_MASK |
                                             r::Q_INT_CLEAR_ERR_MASK);
    if (const uint64_t m = work()) return m;
    const uint64_t el = io_.now_ns() - t0;
    if (el >= timeout_ns) return 0;
    if (io_.has_irq())
      io_.wait_irq(queue_mask, timeout_ns - el);
    else
      io_.delay_ns(std::min<uint64_t>(1000, timeout_ns - el));
  }
}

// ------------------------------------------------------------------ statistics
Stats Device::stats() {
  Stats st;
  GlobalStats& g = st.global;
  g.rx_frames = rd64(r::RX_FRAMES_LO);
  g.rx_err_drops = rd64(r::RX_ERR_DROPS_LO);
  g.rx_runt_drops = rd64(r::RX_RUNT_DROPS_LO);
  g.rx_oversize_drops = rd64(r::RX_OVERSIZE_DROPS_LO);
  g.rx_unmatched_drops = rd64(r::RX_UNMATCHED_DROPS_LO);
  g.rx_buffer_drops = rd64(r::RX_BUFFER_DROPS_LO);
  g.dma_errors = rd64(r::DMA_ERRORS_LO);
  g.queue_errors = rd64(r::QUEUE_ERRORS_LO);
  g.csr_unmapped = rd64(r::CSR_UNMAPPED_LO);
  st.queues.resize(caps_.num_queues);
  for (unsigned q = 0; q < caps_.num_queues; ++q) {
    QueueStats& s = st.queues[q];
    s.rx_packets = rd64(r::Q_RX_PACKETS_LO(q));
    s.rx_bytes = rd64(r::Q_RX_BYTES_LO(q));
    s.rx_no_desc_drops = rd64(r::Q_RX_NO_DESC_DROPS_LO(q));
    s.tx_packets = rd64(r::Q_TX_PACKETS_LO(q));
    s.tx_bytes = rd64(r::Q_TX_BYTES_LO(q));
    s.tx_spoof_drops = rd64(r::Q_TX_SPOOF_DROPS_LO(q));
    s.tx_oversize_drops = rd64(r::Q_TX_OVERSIZE_DROPS_LO(q));
  }
  return st;
}

}  // namespace vmq
