// vmq::Device — the reference host driver (SPEC §8): VMQ operations with
// Windows VMQ semantics on top of a RegIo and a DmaAllocator (backend.hpp).
// The same code drives the Verilated core (sim/platform) and the PCIe card
// (pci.hpp). docs/driver.md is the user's guide; the rules the hardware sets
// (descriptor formats, ordering) are in docs/rx-dma.md and docs/tx-dma.md.
//
// Threading: one Device is used by one thread at a time (like a DPDK port).
// Every argument is checked; a bad one throws vmq::Error(InvalidArgument)
// whose message names the operation and the value. Nothing here waits
// without a timeout.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backend.hpp"
#include "error.hpp"

namespace vmq {

// A 48-bit MAC address, first wire byte in bits 47:40.
struct MacAddr {
  uint64_t value = 0;
  // "02:00:00:00:00:01" (hex, either case); throws InvalidArgument.
  static MacAddr parse(std::string_view s);
  std::string str() const;
  bool multicast() const { return (value >> 40) & 1; }
  bool operator==(const MacAddr&) const = default;
};

struct Capabilities {
  unsigned version_major = 0, version_minor = 0, version_patch = 0;
  unsigned num_queues = 0, num_filters = 0;
  unsigned data_w = 0, axi_data_w = 0;
  unsigned max_frame_bytes = 0, pktbuf_bytes = 0;
  // what this build's core can take (ID_RX_CAPS, ID_TX_CAPS, ID_TX_STAGE_BYTES)
  unsigned rx_desc_cache = 0, tx_desc_per_frame = 0, tx_stage_bytes = 0;
};

// Port-wide settings (SPEC §3, §5).
struct PortConfig {
  bool default_queue = true;  // unmatched unicast goes to queue 0 (SPEC §3 step 5)
  uint16_t tpid = 0x8100;
  unsigned min_frame = 60, max_frame = 1518;
  bool loopback = false;      // VM-to-VM frames looped inside the core (SPEC §5)
  bool tx_drr = false;        // transmit by byte-weighted DRR instead of packet round-robin
};

// Documented ranges (refused outside them).
inline constexpr unsigned kMinRing = 16, kMaxRing = 4096;
inline constexpr unsigned kMinBuffer = 256, kMaxBuffer = 16384;  // multiples of 64
inline constexpr unsigned kTxBufferBytes = 2048;  // driver's TX slot buffer; frames span several
inline constexpr std::size_t kDmaChunkBytes = std::size_t(2) << 20;  // largest DMA region asked for

struct QueueConfig {
  unsigned rx_ring_size = 256;      // power of two in 16..4096
  unsigned rx_buffer_size = 2048;   // multiple of 64 in 256..16384
  unsigned tx_ring_size = 256;      // power of two in 16..4096
  bool bcast = false, mcast = false, promisc = false, strip_vlan = false;
  std::optional<MacAddr> spoof_mac; // anti-spoofing: the only SA this queue may send
  uint16_t port_vid = 0;            // port VLAN (inserted on transmit); 0 = none
  uint8_t port_pcp = 0;
  bool vlan_spoof = false;          // with a port VLAN: drop frames carrying their own tag
  unsigned weight = 0;              // DRR weight x 64 B (0: the core's default 24)
  bool rx = true, tx = true;        // which directions to enable
};

enum class FilterType : uint8_t { Mac = 0, MacVlan = 1, MacUntagged = 2, Vlan = 3 };
const char* filter_type_name(FilterType t);

struct Filter {
  FilterType type = FilterType::Mac;
  MacAddr mac;       // Mac, MacVlan, MacUntagged
  uint16_t vid = 0;  // MacVlan, Vlan: 1..4094
};

// A received frame: segments are consecutive ring slots of the queue. The
// bytes stay valid until the next rx_burst()/rx_release() on that queue.
struct RxPacket {
  uint32_t len = 0;        // bytes delivered (after a strip)
  uint32_t frame_len = 0;  // RX_WB.FRAME_LEN: the whole copy's length (after a strip)
  uint16_t tci = 0;        // stripped tag's TCI (vlan_stripped)
  bool vlan_stripped = false, bcast = false, mcast = false;
  uint16_t nseg = 0;
  uint32_t slot = 0;       // ring slot of the first segment
};

enum class TxStatus : uint8_t { Sent, SpoofDrop, OversizeDrop, Error };
const char* tx_status_name(TxStatus s);

struct TxCompletion {
  uint64_t sent = 0, spoof_drops = 0, oversize_drops = 0, errors = 0;
};

struct QueueStats {
  uint64_t rx_packets = 0, rx_bytes = 0, rx_no_desc_drops = 0;
  uint64_t tx_packets = 0, tx_bytes = 0, tx_spoof_drops = 0, tx_oversize_drops = 0;
};
struct GlobalStats {
  uint64_t rx_frames = 0, rx_err_drops = 0, rx_runt_drops = 0, rx_oversize_drops = 0,
           rx_unmatched_drops = 0, rx_buffer_drops = 0, dma_errors = 0, queue_errors = 0,
           csr_unmapped = 0;
};
struct Stats {
  GlobalStats global;
  std::vector<QueueStats> queues;  // one per hardware queue
};

// Every counter under its SPEC §6 name (stats.json, vmqctl): one list, so a
// new counter is added in one place.
inline constexpr std::pair<const char*, uint64_t GlobalStats::*> kGlobalCounters[] = {
    {"rx_frames", &GlobalStats::rx_frames},
    {"rx_err_drops", &GlobalStats::rx_err_drops},
    {"rx_runt_drops", &GlobalStats::rx_runt_drops},
    {"rx_oversize_drops", &GlobalStats::rx_oversize_drops},
    {"rx_unmatched_drops", &GlobalStats::rx_unmatched_drops},
    {"rx_buffer_drops", &GlobalStats::rx_buffer_drops},
    {"dma_errors", &GlobalStats::dma_errors},
    {"queue_errors", &GlobalStats::queue_errors},
    {"csr_unmapped", &GlobalStats::csr_unmapped}};
inline constexpr std::pair<const char*, uint64_t QueueStats::*> kQueueCounters[] = {
    {"rx_packets", &QueueStats::rx_packets},
    {"rx_bytes", &QueueStats::rx_bytes},
    {"rx_no_desc_drops", &QueueStats::rx_no_desc_drops},
    {"tx_packets", &QueueStats::tx_packets},
    {"tx_bytes", &QueueStats::tx_bytes},
    {"tx_spoof_drops", &QueueStats::tx_spoof_drops},
    {"tx_oversize_drops", &QueueStats::tx_oversize_drops}};

// Why a queue is in ERROR: Q_RX_STATUS.CAUSE / Q_TX_STATUS.CAUSE of a status
// word ("none", "desc_read", "payload_read", "write", "ring", "gather").
const char* error_cause_name(uint32_t status);

// What the hardware says about a queue (vmqctl).
struct QueueState {
  bool rx_enabled = false, tx_enabled = false;
  uint32_t rx_status = 0, tx_status = 0;  // Q_RX_STATUS / Q_TX_STATUS
  unsigned rx_ring = 0, tx_ring = 0, rx_buffer = 0;
  unsigned rx_head = 0, rx_tail = 0, tx_head = 0, tx_tail = 0;
  bool bcast = false, mcast = false, promisc = false, strip_vlan = false;
  std::optional<MacAddr> spoof_mac;
  uint16_t port_tci = 0;
  unsigned weight = 0;
  bool allocated = false;  // by this Device
};
struct FilterState {
  unsigned id = 0;
  Filter filter;
  uint64_t queue_mask = 0;
};

class Device {
 public:
  struct Options {
    bool reset = true;                  // soft reset on open (a fresh driver owns the device)
    uint64_t timeout_ns = 10'000'000;   // every wait on the device (10 ms)
  };
  // Reads the identification registers; throws NoDevice / DeviceError when
  // the window does not hold a vmq core.
  Device(RegIo& io, DmaAllocator& dma, Options opt);
  Device(RegIo& io, DmaAllocator& dma) : Device(io, dma, Options{}) {}
  ~Device();  // frees every queue (best effort, no throw)
  Device(const Device&) = delete;
  Device& operator=(const Device&) = delete;

  const Capabilities& caps() const { return caps_; }
  RegIo& io() { return io_; }

  void configure_port(const PortConfig& c);
  const PortConfig& port() const { return port_; }

  // Allocates queue `want` (or the lowest free one, never 0 unless asked):
  // DMA rings and buffers, both directions programmed, every RX buffer posted.
  // Refuses: bad sizes, a ring too small for a max_frame in its buffers,
  // queue out of range or already allocated, no free queue.
  unsigned alloc_queue(const QueueConfig& c, std::optional<unsigned> want = {});
  // Refused (Busy) while a filter still names the queue. Disables both
  // directions, waits for STOPPED (Timeout), resets, frees the memory.
  void free_queue(unsigned q);
  bool allocated(unsigned q) const { return q < qs_.size() && qs_[q].allocated; }
  const QueueConfig& queue_config(unsigned q) const;

  // A filter steering to every queue of `queue_mask` (all allocated).
  // Returns the filter id (hardware entry index). Refuses a duplicate match.
  unsigned set_filter(const Filter& f, uint64_t queue_mask);
  void clear_filter(unsigned id);
  std::vector<FilterState> filters();          // from the hardware table
  QueueState queue_state(unsigned q);          // from the hardware registers

  // Receive: up to out.size() complete frames. With `release` (default) it
  // first hands every earlier burst's buffers back (one TAIL write); without
  // it they stay with the caller until rx_release() (a host that reposts
  // late, vmq-sim's lossy host settings). Never blocks.
  std::size_t rx_burst(unsigned q, std::span<RxPacket> out, bool release = true);
  // Hands every buffer returned by earlier bursts back to the core.
  void rx_release(unsigned q);
  unsigned rx_held(unsigned q) const;  // buffers the caller holds
  std::span<const uint8_t> rx_segment(unsigned q, const RxPacket& p, unsigned i) const;
  // Copies a packet's bytes to dst (at least p.len bytes); returns p.len.
  std::size_t rx_copy(unsigned q, const RxPacket& p, uint8_t* dst) const;

  // Transmit: copies each frame into the queue's DMA buffers, one or more
  // descriptors per frame, and rings the doorbell once per burst. Returns
  // how many frames were accepted (ring full stops the burst). Frames must be
  // 14..caps().tx_stage_bytes bytes, in at most caps().tx_desc_per_frame
  // buffers of kTxBufferBytes (the core drops those above max_frame as
  // oversize and says so in the completion); a bad frame refuses the burst.
  std::size_t tx_burst(unsigned q, std::span<const std::span<const uint8_t>> frames);
  // Reclaims completed descriptors; returns what completed since the last
  // call, and each frame's status in posting order when per_frame is given.
  TxCompletion tx_reap(unsigned q, std::vector<TxStatus>* per_frame = nullptr);
  unsigned tx_free_slots(unsigned q) const;
  unsigned tx_in_flight(unsigned q) const;  // frames posted, not yet reaped

  // Interrupts: enable RX/TX/ERR causes of queue q with moderation (cycles).
  void irq_enable(unsigned q, bool on, uint32_t itr_cycles = 0);
  // Waits until a queue of `mask` has work (interrupt, or polling when the
  // backend has none); returns the queues with a pending cause, 0 on timeout.
  uint64_t wait(uint64_t queue_mask, uint64_t timeout_ns);

  Stats stats();

 private:
  // Buffers of one ring, allocated in chunks of at most kDmaChunkBytes (a
  // hugepage backend hands out physically contiguous regions of 2 MiB at
  // most), each chunk holding whole buffers.
  struct Buffers {
    std::vector<DmaRegion> chunks;
    std::size_t size = 0, per_chunk = 1;
    uint8_t* cpu(unsigned i) const { return chunks[i / per_chunk].cpu + (i % per_chunk) * size; }
    uint64_t iova(unsigned i) const { return chunks[i / per_chunk].iova + (i % per_chunk) * size; }
  };
  struct Q {
    bool allocated = false;
    QueueConfig cfg;
    DmaRegion rx_ring, tx_ring;
    Buffers rx_bufs, tx_bufs;
    // RX (free-running counts): next slot to look at, first slot the caller
    // still holds, TAIL as written (always rx_done - 1: one slot stays empty)
    uint32_t rx_next = 0, rx_done = 0, rx_tail = 0;
    // TX
    uint32_t tx_tail = 0, tx_clean = 0;  // next slot to fill, next to reclaim (free-running)
    std::vector<uint8_t> tx_ndesc;       // per first slot of a posted frame: its descriptors
    unsigned tx_frames = 0;              // frames posted, not reaped
  };
  void check_queue(const char* op, unsigned q, bool need_alloc) const;
  void wait_reg(uint32_t addr, uint32_t mask, uint32_t want, const std::string& what);
  uint64_t rd64(uint32_t lo);
  void write_filter(unsigned id, bool valid, const Filter& f, uint64_t qmask);
  void disable_and_reset(unsigned q);
  void release_memory(Q& s);
  Buffers alloc_buffers(unsigned count, std::size_t size);

  RegIo& io_;
  DmaAllocator& dma_;
  Options opt_;
  Capabilities caps_;
  PortConfig port_;
  std::vector<Q> qs_;
  std::vector<std::optional<std::pair<Filter, uint64_t>>> filt_;
};

}  // namespace vmq
