// vmq reference model: receive classification (SPEC §3), in plain C++.
//
// No Verilator headers and no knowledge of the RTL's structure: this is the
// spec written as code, used by every test that checks classification and
// later by vmq-sim's self-check. It works on whole frames as byte vectors.
#pragma once

#include <cstdint>
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
RxDecision classify(const RxConfig& cfg, const RxFrame& frame);
std::string describe(const RxDecision& d);

// Frame construction helpers for tests and examples.
std::vector<uint8_t> make_frame(MacAddr da, MacAddr sa, int vlan_tci /* <0: untagged */,
                                uint16_t ethertype, size_t total_len, uint16_t tpid = 0x8100,
                                uint8_t fill = 0);

}  // namespace vmq::model
