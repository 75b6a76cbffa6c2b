// vmq reference model: receive classification and delivery (SPEC §3) and
// per-frame transmit rules (SPEC §5), in plain C++.
//
// No Verilator headers and no knowledge of the RTL's structure: this is the
// spec written as code, used by every test that checks classification and
// later by vmq-sim's self-check. It works on whole frames as byte vectors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vmq::model {

constexpr unsigned kMaxQueues = 64;
constexpr unsigned kMinFrameFloor = 18;  // SPEC §3: min_frame never below 18

// MAC address as a 48-bit number, first octet on the wire most significant:
// 02:00:00:00:00:01 == 0x020000000001.
using MacAddr = uint64_t;
constexpr MacAddr kBroadcast = 0xffffffffffffULL;

enum class FilterType : uint8_t { Mac = 0, MacVlan = 1, MacUntagged = 2, Vlan = 3 };

// Drop reasons in SPEC §3 priority order. Buffer is the packet buffer's.
enum class Drop : uint8_t { None = 0, Err = 1, Runt = 2, Oversize = 3, Unmatched = 4, Buffer = 5 };

const char* to_string(FilterType t);
const char* to_string(Drop d);
std::string mac_to_string(MacAddr m);

struct Filter {
  bool valid = false;
  FilterType type = FilterType::Mac;
  MacAddr mac = 0;
  uint16_t vid = 0;
  uint64_t qmask = 0;
};

struct RxConfig {
  unsigned num_queues = 16;
  unsigned max_frame_bytes = 9216;  // build-time bound on max_frame
  uint16_t tpid = 0x8100;
  uint16_t min_frame = 60;
  uint16_t max_frame = 1518;
  bool default_queue = true;
  uint64_t bcast = 0;  // per-queue accept bits
  uint64_t mcast = 0;
  uint64_t promisc = 0;
  uint64_t enabled = 0;  // queues enabled for receive (running, not in error)
  std::vector<Filter> filters;

  explicit RxConfig(unsigned num_filters = 64) : filters(num_filters) {}
  uint64_t queue_bits() const { return num_queues >= 64 ? ~0ULL : ((1ULL << num_queues) - 1); }
};

struct RxFrame {
  std::vector<uint8_t> data;  // as the MAC delivers it: no preamble, no FCS
  bool err = false;           // tuser[0] on tlast, or a tkeep error
};

struct RxDecision {
  uint64_t qmask = 0;  // 0 when dropped
  Drop drop = Drop::None;
  uint16_t len = 0;     // saturates at 65535
  bool tagged = false;  // outermost tag == TPID (VID 0 included)
  uint16_t tci = 0;     // 0 when untagged
  bool bcast = false;
  bool mcast = false;

  bool operator==(const RxDecision&) const = default;
};

// Header fields as SPEC §3 "Parsing" defines them (valid for >= 16 bytes).
struct L2Header {
  MacAddr da = 0;
  MacAddr sa = 0;
  bool tagged = false;
  uint16_t tci = 0;
  uint16_t vid() const { return tci & 0xfff; }
  bool vlan_tagged() const { return tagged && vid() != 0; }  // VID 0 is untagged for matching
};

L2Header parse(const std::vector<uint8_t>& frame, uint16_t tpid);
bool filter_matches(const Filter& f, const L2Header& h);
// SPEC §3 "Queue mask" steps 1-4 only: no default-queue fallback (step 5)
// and no admission. *mac_hit (if given) is set when a valid `mac`,
// `mac_vlan` or `mac_untagged` entry matched, whatever its queue mask
// (SPEC §5 loopback needs that). classify() and tx_process() both use it.
uint64_t queue_mask(const RxConfig& cfg, const L2Header& h, bool* mac_hit = nullptr);
RxDecision classify(const RxConfig& cfg, const RxFrame& frame);
std::string describe(const RxDecision& d);

// Frame construction helpers for tests and examples.
std::vector<uint8_t> make_frame(MacAddr da, MacAddr sa, int vlan_tci /* <0: untagged */,
                                uint16_t ethertype, size_t total_len, uint16_t tpid = 0x8100,
                                uint8_t fill = 0);

}  // namespace vmq::model

// ---------------------------------------------------------------------------
// SPEC §3 "Delivery" and the per-queue receive counters of §6: what each
// queue's copy of an accepted frame looks like, how many descriptors it
// takes, and which copies are written or dropped for want of descriptors.
// Descriptor write-back fields follow the RX_WB format (docs/rx-dma.md), but
// as plain values: the model knows no bit positions.
namespace vmq::model {

struct RxQueueConfig {
  bool strip_vlan = false;
  uint32_t buf_bytes = 2048;  // every buffer of the queue; 0 refuses every copy
};

// Descriptors a copy of `len` bytes needs: ceil(len / buf_bytes); a huge
// number when buf_bytes is 0 (no descriptor count is ever enough).
uint64_t descriptors_needed(size_t len, uint32_t buf_bytes);

// Queue's copy of a frame: the 4-byte tag (bytes 12..15) removed when the
// queue strips and the frame is tagged (VID 0 included); never padded.
std::vector<uint8_t> rx_copy_bytes(const std::vector<uint8_t>& frame, const RxDecision& d,
                                   bool strip_vlan);

// One descriptor's write-back (RX_WB word 1) as values.
struct RxWriteBack {
  bool dd = true;
  bool eop = false;
  bool vp = false;  // tag stripped; tci holds it
  bool bcast = false;
  bool mcast = false;
  uint16_t len = 0;        // bytes in this buffer
  uint16_t tci = 0;        // 0 unless vp
  uint16_t frame_len = 0;  // whole copy, after stripping
  bool operator==(const RxWriteBack&) const = default;
};
std::string describe(const RxWriteBack& w);

// Write-backs of one copy: all buffers full but the last, EOP on the last.
std::vector<RxWriteBack> rx_write_backs(const RxDecision& d, bool stripped, size_t copy_len,
                                        uint32_t buf_bytes);

struct RxCopy {
  unsigned queue = 0;
  std::vector<uint8_t> bytes;  // exactly what lands in the queue's buffers
  bool stripped = false;
  std::vector<RxWriteBack> wb;  // one per descriptor used
};

struct RxQueueStats {
  uint64_t packets = 0, bytes = 0, no_desc_drops = 0;
  bool operator==(const RxQueueStats&) const = default;
};

// Global counters of SPEC §6 (receive side and dma_errors).
struct RxGlobalStats {
  uint64_t frames = 0, err_drops = 0, runt_drops = 0, oversize_drops = 0, unmatched_drops = 0,
           buffer_drops = 0, dma_errors = 0;
  bool operator==(const RxGlobalStats&) const = default;
};

// Delivery of classified frames, frame by frame in wire order and within a
// frame in ascending queue order (SPEC §3): a copy is written when the queue
// has ceil(len / buffer) free descriptors at its turn, else it is dropped
// whole and counted once in the queue's rx_no_desc_drops. "Free" is what the
// host has posted (post()) minus what earlier copies took.
class RxDelivery {
 public:
  explicit RxDelivery(unsigned num_queues = 16);

  std::vector<RxQueueConfig> queues;  // one per queue

  void post(unsigned q, uint64_t n) { free_[q] += n; }
  void set_free(unsigned q, uint64_t n) { free_[q] = n; }
  uint64_t free(unsigned q) const { return free_[q]; }

  struct Result {
    RxDecision dec;
    std::vector<RxCopy> copies;  // ascending queue order
    uint64_t no_desc_mask = 0;   // queues of M whose copy was dropped
  };
  // Counts the frame (rx_frames and its drop reason, if any) and delivers it.
  Result receive(const RxConfig& cfg, const RxFrame& frame);
  // Delivers an already classified frame to every queue of d.qmask (strip,
  // descriptors, per-queue counters) without touching any global counter:
  // receive() after counting, and looped transmit copies (SPEC §5: not in
  // rx_frames, never a buffer drop).
  Result deliver(const RxDecision& d, const std::vector<uint8_t>& frame);
  // The frame of `r` turned out to be dropped by the packet buffer (SPEC §3
  // admission 5): undo its copies (counters and descriptors), count the drop.
  void buffer_drop(const Result& r);

  const RxQueueStats& queue_stats(unsigned q) const { return qs_[q]; }
  RxQueueStats& queue_stats(unsigned q) { return qs_[q]; }
  const RxGlobalStats& global() const { return gs_; }
  RxGlobalStats& global() { return gs_; }
  unsigned num_queues() const { return unsigned(queues.size()); }

 private:
  std::vector<uint64_t> free_;
  std::vector<RxQueueStats> qs_;
  RxGlobalStats gs_;
};

}  // namespace vmq::model

// ---------------------------------------------------------------------------
// SPEC §5 "Transmit", per frame: port-VLAN insertion, anti-spoofing, padding,
// oversize, VM-to-VM loopback and the per-queue TX counters of §6. No timing
// and no scheduling (the round-robin / DRR order is not modelled here).
//
// Decisions (docs/testing.md, "Transmit rules in the reference model"):
// - TPID and max_frame are the receive registers RX_TPID and RX_MAX_FRAME
//   (one register each in hardware), so they are read from the RxConfig
//   passed in; max_frame is min(max_frame, max_frame_bytes) as on receive.
// - Short host frames: the driver refuses frames below 14 bytes, but a
//   hostile host may post them (down to no byte at all). Their missing header
//   bytes read as zero for the rules; on a port-VLAN queue a frame of 12
//   bytes or fewer (no byte 12 to put the tag before) is a VLAN spoof, so no
//   frame leaves a port-VLAN queue untagged. tx_process throws
//   std::out_of_range for a queue outside TxConfig::queues.
// - Check order: oversize first, then spoof; each dropped frame counts once.
//   Oversize is judged on the length after port-VLAN insertion (what the
//   wire would carry) and before padding; it is known from the descriptor
//   lengths alone, so hardware need not stage a frame that cannot be sent.
// - Insertion: with a port VLAN (VID of port_tci != 0) the tag TPID + TCI
//   goes after SA into every frame, also one that carries its own tag (the
//   port tag becomes the outer one). Then zeros pad to 60 bytes.
// - A looped frame is classified as the receiver would see it: the bytes as
//   sent (after insertion and padding), by RX_TPID, SPEC §3 steps 1-4, the
//   sender's queue removed, no default-queue fallback, no receive admission.
// - tx_packets / tx_bytes count every frame that is not dropped (to the
//   wire, looped, or both), with its bytes as sent; looped copies count in
//   the receiving queues' rx_packets/rx_bytes/rx_no_desc_drops only.
namespace vmq::model {

constexpr size_t kTxMinHostFrame = 14;  // the driver refuses shorter frames (tx_process models them)
constexpr size_t kTxPadTo = 60;         // SPEC §5: shorter frames padded with zeros

struct TxQueueConfig {
  uint16_t port_tci = 0;             // port VLAN TCI (PCP, DEI, VID); VID 0 = no port VLAN
  std::optional<MacAddr> spoof_mac;  // MAC anti-spoofing: allowed SA; none = off
  bool vlan_spoof = false;           // with a port VLAN: a frame with its own tag is a spoof
  uint32_t weight = 0;               // DRR weight (0 = plain round-robin); unused per frame
  uint16_t port_vid() const { return port_tci & 0xfff; }
  bool port_vlan() const { return port_vid() != 0; }
};

struct TxConfig {
  bool loopback = false;  // CTRL.LOOPBACK_EN
  std::vector<TxQueueConfig> queues;
  explicit TxConfig(unsigned num_queues = 16) : queues(num_queues) {}
};

// Drop reasons in the order they are checked.
enum class TxDrop : uint8_t { None = 0, Oversize = 1, Spoof = 2 };
const char* to_string(TxDrop d);

struct TxResult {
  TxDrop drop = TxDrop::None;
  bool error = false;          // completion error status: exactly when dropped
  bool inserted = false;       // port tag inserted
  std::vector<uint8_t> frame;  // as sent (tag inserted, padded); empty when dropped
  bool to_wire = false;
  uint64_t loop_mask = 0;      // queues that get a looped copy (M)
  bool local_unicast = false;  // loopback on, unicast DA, a mac-type filter matched
  RxDecision loop_dec;         // the sent frame as the receivers classify it; qmask == loop_mask

  bool operator==(const TxResult&) const = default;
};

// The bytes after port-VLAN insertion (if the queue has a port VLAN) and
// padding to 60: exactly what goes to the wire and into looped copies.
std::vector<uint8_t> tx_frame_bytes(const TxQueueConfig& qc, uint16_t tpid,
                                    const std::vector<uint8_t>& frame);

// One frame from queue q: pure, no counters.
TxResult tx_process(const TxConfig& tx, const RxConfig& rx, unsigned q,
                    const std::vector<uint8_t>& frame);
std::string describe(const TxResult& r);

struct TxQueueStats {
  uint64_t packets = 0, bytes = 0, spoof_drops = 0, oversize_drops = 0;
  bool operator==(const TxQueueStats&) const = default;
};

// tx_process plus its counter effects: the sender's TX counters here, the
// looped copies through RxDelivery::deliver() (receiving queue's strip_vlan,
// descriptors, rx_packets/rx_bytes/rx_no_desc_drops; not rx_frames).
class TxDelivery {
 public:
  explicit TxDelivery(unsigned num_queues = 16) : qs_(num_queues) {}

  struct Result {
    TxResult tx;
    RxDelivery::Result loop;  // looped copies; loop.dec.qmask == tx.loop_mask
  };
  Result transmit(const TxConfig& tx, const RxConfig& rxc, RxDelivery& rx, unsigned q,
                  const std::vector<uint8_t>& frame);

  const TxQueueStats& queue_stats(unsigned q) const { return qs_[q]; }
  TxQueueStats& queue_stats(unsigned q) { return qs_[q]; }
  unsigned num_queues() const { return unsigned(qs_.size()); }

 private:
  std::vector<TxQueueStats> qs_;
};

}  // namespace vmq::model
