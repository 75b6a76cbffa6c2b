// vmq-sim scenario files (SPEC §9): parse, validate and print back in
// canonical form. Everything a scenario can get wrong is refused here, before
// anything runs, with a message naming the key path and the offending value
// (e.g. `filters[1].vid: 5000 is outside 1..4094`); vmq-sim turns a
// ScenarioError into exit code 2.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace vmq::sim {

struct ScenarioError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Values are the hardware filter-type codes.
enum class FilterType { Mac = 0, MacVlan = 1, MacUntagged = 2, Vlan = 3 };

struct FilterSpec {
  FilterType type = FilterType::Mac;
  uint64_t mac = 0;  // 48-bit, first wire byte in bits 47:40; 0 for vlan
  uint16_t vid = 0;  // 0 for mac and mac_untagged
  std::vector<unsigned> queues;  // as listed in the file
  uint64_t qmask = 0;            // the same queues, one bit each
  bool operator==(const FilterSpec&) const = default;
};

struct QueueSpec {
  unsigned id = 0;
  bool bcast = false, mcast = false, promisc = false, strip_vlan = false;
  unsigned ring_size = 256, buffer_size = 2048;
  std::optional<uint64_t> spoof_mac;  // set = MAC anti-spoofing on
  uint16_t port_vid = 0;              // 0 = no port VLAN
  unsigned weight = 0;                // 0 = plain round-robin
  bool operator==(const QueueSpec&) const = default;
};

struct TxSpec {
  unsigned queue = 0;
  std::filesystem::path pcap;  // resolved against the scenario's directory
  bool operator==(const TxSpec&) const = default;
};

// Simulated host timing; only accepted with "lossless": false (a lossless run
// hands buffers back at once by definition).
struct HostSpec {
  double poll_interval_ns = 1000;
  double repost_delay_ns = 0;
  unsigned rx_budget = 0;  // frames taken per poll; 0 = unlimited
  bool operator==(const HostSpec&) const = default;
};

struct Scenario {
  int version = 1;
  double port_gbps = 10;
  bool default_queue = true;
  unsigned max_frame = 1518, min_frame = 60;
  uint16_t tpid = 0x8100;
  bool loopback = false, lossless = true;
  std::vector<FilterSpec> filters;
  // Every enabled queue: the listed ones, those a filter names (with
  // defaults) and queue 0 when default_queue is on.
  std::map<unsigned, QueueSpec> queues;
  std::optional<std::filesystem::path> rx_pcap;  // resolved like tx pcaps
  std::vector<TxSpec> tx;
  HostSpec host;
  bool operator==(const Scenario&) const = default;
};

// Build-time parameters of the core the scenario will run on.
struct Limits {
  unsigned num_queues = 16;  // at most 64 (queue masks are 64 bits)
  unsigned num_filters = 64;
  unsigned max_frame_bytes = 9216;
};

// Relative pcap paths are resolved against base_dir, and every pcap must be
// readable (its content is checked later by read_pcap).
Scenario parse_scenario(const nlohmann::json& j,
                        const std::filesystem::path& base_dir,
                        const Limits& lim);

// Reads and parses the file; JSON syntax errors and keys that appear twice in
// one object are ScenarioErrors too. Messages start with the file name.
Scenario load_scenario(const std::filesystem::path& file, const Limits& lim);

// Canonical form with every default filled in and every enabled queue listed
// (for logs and stats.json). parse_scenario() of it gives back the same
// Scenario.
nlohmann::json scenario_to_json(const Scenario& s);

std::string_view to_string(FilterType t);  // "mac", "mac_vlan", ...
std::string format_mac(uint64_t mac);      // "02:00:00:00:00:01"

}  // namespace vmq::sim
