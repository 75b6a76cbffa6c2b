// Scenario validation (SPEC §9). Each refusal message starts with the key
// path ("queues[0].ring_size") and quotes the value as written, so a user can
// find the line to fix without knowing the schema.
#include "scenario.hpp"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <set>
#include <utility>

namespace vmq::sim {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& msg) { throw ScenarioError(msg); }

// A value as the user wrote it, shortened so that one bad entry cannot flood
// the message.
std::string show(const json& v) {
  std::string s = v.dump();
  return s.size() <= 48 ? s : s.substr(0, 45) + "...";
}

std::string quote(const std::string& s) { return json(s).dump(); }

std::string where(const std::string& path) {
  return path.empty() ? "top level" : path;
}
std::string member(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}
std::string element(const std::string& path, size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

void check_keys(const json& obj, const std::string& path,
                std::initializer_list<std::string_view> allowed) {
  for (const auto& item : obj.items())
    if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end())
      fail("unknown key " + quote(item.key()) +
           (path.empty() ? " at top level" : " in " + path));
}

const json& object(const json& v, const std::string& path) {
  if (!v.is_object()) fail(where(path) + ": " + show(v) + " is not an object");
  return v;
}
const json& array(const json& v, const std::string& path) {
  if (!v.is_array()) fail(path + ": " + show(v) + " is not an array");
  return v;
}
bool boolean(const json& v, const std::string& path) {
  if (!v.is_boolean()) fail(path + ": " + show(v) + " is not true or false");
  return v.get<bool>();
}
double number(const json& v, const std::string& path) {
  if (!v.is_number()) fail(path + ": " + show(v) + " is not a number");
  return v.get<double>();
}
const std::string& string(const json& v, const std::string& path) {
  if (!v.is_string()) fail(path + ": " + show(v) + " is not a string");
  return v.get_ref<const std::string&>();
}
// Integers only: 256.0 is refused rather than silently truncated. Huge
// unsigned values saturate, which keeps every range check below correct.
int64_t integer(const json& v, const std::string& path) {
  if (!v.is_number_integer()) fail(path + ": " + show(v) + " is not an integer");
  if (v.is_number_unsigned())
    return static_cast<int64_t>(std::min<uint64_t>(
        v.get<uint64_t>(), std::numeric_limits<int64_t>::max()));
  return v.get<int64_t>();
}
int64_t in_range(const json& v, const std::string& path, int64_t lo, int64_t hi,
                 const std::string& note = "") {
  int64_t x = integer(v, path);
  if (x < lo || x > hi)
    fail(path + ": " + show(v) + " is outside " + std::to_string(lo) + ".." +
         std::to_string(hi) + note);
  return x;
}

// Calls f(value, path) when the optional key is present.
template <class F>
void optional_key(const json& obj, const std::string& path, const char* key,
                  F&& f) {
  if (auto it = obj.find(key); it != obj.end()) f(*it, member(path, key));
}
const json& required_key(const json& obj, const std::string& path,
                         const char* key, const std::string& why = "") {
  auto it = obj.find(key);
  if (it == obj.end())
    fail(path + ": missing key " + quote(key) + why);
  return *it;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Exactly "xx:xx:xx:xx:xx:xx"; other spellings (dashes, single digits) are
// refused so that a typo cannot turn into a different address.
uint64_t mac_value(const json& v, const std::string& path) {
  const std::string& s = string(v, path);
  bool ok = s.size() == 17;
  uint64_t mac = 0;
  for (size_t i = 0; ok && i < s.size(); ++i) {
    if (i % 3 == 2) {
      ok = s[i] == ':';
    } else {
      int d = hex_digit(s[i]);
      ok = d >= 0;
      mac = mac << 4 | static_cast<uint64_t>(d);
    }
  }
  if (!ok)
    fail(path + ": " + show(v) +
         " is not a MAC address (six two-digit hex bytes like "
         "\"02:00:00:00:00:01\")");
  return mac;
}

// Below 0x0600 bytes 12-13 are an 802.3 length, never an EtherType.
uint16_t tpid_value(const json& v, const std::string& path) {
  int64_t t = 0;
  if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    bool ok = s.size() >= 3 && s.size() <= 6 && s[0] == '0' &&
              (s[1] == 'x' || s[1] == 'X');
    for (size_t i = 2; ok && i < s.size(); ++i) {
      int d = hex_digit(s[i]);
      ok = d >= 0;
      t = t * 16 + d;
    }
    if (!ok)
      fail(path + ": " + show(v) +
           " is neither a hex string like \"0x8100\" nor an integer");
  } else {
    t = integer(v, path);
  }
  if (t < 0x0600 || t > 0xffff)
    fail(path + ": " + show(v) + " is outside 0x0600..0xffff");
  return static_cast<uint16_t>(t);
}

unsigned queue_id(const json& v, const std::string& path, const Limits& lim) {
  return static_cast<unsigned>(
      in_range(v, path, 0, lim.num_queues - 1,
               " (the core has " + std::to_string(lim.num_queues) + " queues)"));
}

// Only checks that the file opens for reading; read_pcap checks the content.
fs::path pcap_path(const json& v, const std::string& path,
                   const fs::path& base_dir) {
  const std::string& s = string(v, path);
  if (s.empty()) fail(path + ": \"\" is not a file name");
  fs::path p = fs::path(s).is_absolute() ? fs::path(s) : base_dir / s;
  std::error_code ec;
  if (fs::is_directory(p, ec))
    fail(path + ": " + show(v) + " is a directory (" + p.string() + ")");
  std::FILE* f = std::fopen(p.c_str(), "rb");
  if (!f)
    fail(path + ": " + show(v) + " cannot be read (" + p.string() + ": " +
         std::strerror(errno) + ")");
  std::fclose(f);
  return p;
}

QueueSpec parse_queue(const json& v, const std::string& path, const Limits& lim) {
  object(v, path);
  check_keys(v, path,
             {"id", "bcast", "mcast", "promisc", "strip_vlan", "ring_size",
              "buffer_size", "spoof_mac", "port_vid", "weight"});
  QueueSpec q;
  q.id = queue_id(required_key(v, path, "id"), path + ".id", lim);
  auto flag = [&](const char* key, bool& dst) {
    optional_key(v, path, key,
                 [&](const json& x, const std::string& p) { dst = boolean(x, p); });
  };
  flag("bcast", q.bcast);
  flag("mcast", q.mcast);
  flag("promisc", q.promisc);
  flag("strip_vlan", q.strip_vlan);
  optional_key(v, path, "ring_size", [&](const json& x, const std::string& p) {
    int64_t n = integer(x, p);
    if (n < 16 || n > 4096 || !std::has_single_bit(static_cast<uint64_t>(n)))
      fail(p + ": " + show(x) + " is not a power of two in 16..4096");
    q.ring_size = static_cast<unsigned>(n);
  });
  optional_key(v, path, "buffer_size", [&](const json& x, const std::string& p) {
    int64_t n = integer(x, p);
    if (n < 256 || n > 16384 || n % 64 != 0)
      fail(p + ": " + show(x) + " is not a multiple of 64 in 256..16384");
    q.buffer_size = static_cast<unsigned>(n);
  });
  optional_key(v, path, "spoof_mac", [&](const json& x, const std::string& p) {
    uint64_t mac = mac_value(x, p);
    if (mac >> 40 & 1)  // I/G bit of the first byte
      fail(p + ": " + show(x) +
           " is a multicast address, which no VM sends from");
    q.spoof_mac = mac;
  });
  optional_key(v, path, "port_vid", [&](const json& x, const std::string& p) {
    q.port_vid = static_cast<uint16_t>(in_range(x, p, 0, 4094, " (0 = none)"));
  });
  optional_key(v, path, "weight", [&](const json& x, const std::string& p) {
    q.weight = static_cast<unsigned>(in_range(x, p, 0, 65535));
  });
  return q;
}

constexpr std::pair<std::string_view, FilterType> kFilterTypes[] = {
    {"mac", FilterType::Mac},
    {"mac_vlan", FilterType::MacVlan},
    {"mac_untagged", FilterType::MacUntagged},
    {"vlan", FilterType::Vlan},
};

bool has_mac(FilterType t) { return t != FilterType::Vlan; }
bool has_vid(FilterType t) {
  return t == FilterType::MacVlan || t == FilterType::Vlan;
}

FilterSpec parse_filter(const json& v, const std::string& path,
                        const Limits& lim) {
  object(v, path);
  check_keys(v, path, {"type", "mac", "vid", "queues"});
  FilterSpec f;
  const json& tv = required_key(v, path, "type");
  const std::string& name = string(tv, path + ".type");
  auto t = std::find_if(std::begin(kFilterTypes), std::end(kFilterTypes),
                        [&](const auto& e) { return e.first == name; });
  if (t == std::end(kFilterTypes))
    fail(path + ".type: " + show(tv) +
         " is not one of \"mac\", \"mac_vlan\", \"mac_untagged\", \"vlan\"");
  f.type = t->second;

  // A key the type ignores is refused: a user who writes "vid" on a "mac"
  // filter expects VLAN matching that would silently not happen.
  for (auto [key, needed] : {std::pair{"mac", has_mac(f.type)},
                             std::pair{"vid", has_vid(f.type)}}) {
    if (v.contains(key) && !needed)
      fail(path + ": key " + quote(key) + " does not belong to a " +
           quote(name) + " filter");
    if (needed) required_key(v, path, key, " (a " + quote(name) + " filter needs it)");
  }
  if (has_mac(f.type)) f.mac = mac_value(v.at("mac"), path + ".mac");
  if (has_vid(f.type))
    f.vid = static_cast<uint16_t>(in_range(v.at("vid"), path + ".vid", 1, 4094));

  const std::string qpath = path + ".queues";
  const json& qs = array(required_key(v, path, "queues"), qpath);
  if (qs.empty()) fail(qpath + ": [] is empty (a filter feeds at least one queue)");
  for (size_t i = 0; i < qs.size(); ++i) {
    unsigned id = queue_id(qs[i], element(qpath, i), lim);
    if (f.qmask >> id & 1)
      fail(element(qpath, i) + ": " + show(qs[i]) + " is listed twice");
    f.qmask |= uint64_t{1} << id;
    f.queues.push_back(id);
  }
  return f;
}

HostSpec parse_host(const json& v, const std::string& path) {
  object(v, path);
  check_keys(v, path, {"poll_interval_ns", "repost_delay_ns", "rx_budget"});
  HostSpec h;
  optional_key(v, path, "poll_interval_ns", [&](const json& x, const std::string& p) {
    h.poll_interval_ns = number(x, p);
    if (!(h.poll_interval_ns > 0)) fail(p + ": " + show(x) + " is not above 0");
  });
  optional_key(v, path, "repost_delay_ns", [&](const json& x, const std::string& p) {
    h.repost_delay_ns = number(x, p);
    if (!(h.repost_delay_ns >= 0)) fail(p + ": " + show(x) + " is negative");
  });
  optional_key(v, path, "rx_budget", [&](const json& x, const std::string& p) {
    h.rx_budget = static_cast<unsigned>(in_range(
        x, p, 0, std::numeric_limits<unsigned>::max(), " (0 = unlimited)"));
  });
  return h;
}

// Tracks the key path while nlohmann parses, so that a key written twice in
// one object (which nlohmann would silently resolve to the last value) is
// refused with the object's path.
class DuplicateKeyCheck {
 public:
  bool operator()(int, json::parse_event_t ev, json& parsed) {
    using E = json::parse_event_t;
    switch (ev) {
      case E::object_start:
      case E::array_start:
        stack_.push_back({ev == E::object_start, child_path(), {}, {}, 0});
        break;
      case E::object_end:
      case E::array_end:
        stack_.pop_back();
        next_element();
        break;
      case E::key: {
        Frame& f = stack_.back();
        f.key = parsed.get<std::string>();
        if (!f.keys.insert(f.key).second)
          fail("key " + quote(f.key) + " appears twice " +
               (f.path.empty() ? "at top level" : "in " + f.path));
        break;
      }
      case E::value:
        next_element();
        break;
    }
    return true;
  }

 private:
  struct Frame {
    bool is_object;
    std::string path;
    std::set<std::string> keys;
    std::string key;  // of the member being parsed
    size_t index;     // of the array element being parsed
  };
  std::string child_path() const {
    if (stack_.empty()) return "";
    const Frame& f = stack_.back();
    return f.is_object ? member(f.path, f.key) : element(f.path, f.index);
  }
  void next_element() {
    if (!stack_.empty() && !stack_.back().is_object) ++stack_.back().index;
  }
  std::vector<Frame> stack_;
};

}  // namespace

std::string_view to_string(FilterType t) {
  for (const auto& [name, type] : kFilterTypes)
    if (type == t) return name;
  return "?";
}

std::string format_mac(uint64_t mac) {
  char buf[18];
  std::snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x",
                unsigned(mac >> 40 & 0xff), unsigned(mac >> 32 & 0xff),
                unsigned(mac >> 24 & 0xff), unsigned(mac >> 16 & 0xff),
                unsigned(mac >> 8 & 0xff), unsigned(mac & 0xff));
  return buf;
}

Scenario parse_scenario(const json& j, const fs::path& base_dir,
                        const Limits& lim) {
  if (lim.num_queues < 1 || lim.num_queues > 64)
    throw std::invalid_argument("vmq::sim::Limits: num_queues must be 1..64");
  object(j, "");
  check_keys(j, "",
             {"version", "port_gbps", "default_queue", "max_frame", "min_frame",
              "tpid", "loopback", "lossless", "filters", "queues", "rx_pcap",
              "tx", "host"});
  Scenario s;
  optional_key(j, "", "version", [&](const json& v, const std::string& p) {
    if (integer(v, p) != 1)
      fail(p + ": " + show(v) + " is not supported (only version 1 is)");
  });
  optional_key(j, "", "port_gbps", [&](const json& v, const std::string& p) {
    s.port_gbps = number(v, p);
    if (!(s.port_gbps > 0 && s.port_gbps <= 400))
      fail(p + ": " + show(v) + " is not above 0 and at most 400");
  });
  optional_key(j, "", "default_queue", [&](const json& v, const std::string& p) {
    s.default_queue = boolean(v, p);
  });
  optional_key(j, "", "max_frame", [&](const json& v, const std::string& p) {
    s.max_frame = static_cast<unsigned>(in_range(
        v, p, 64, lim.max_frame_bytes,
        " (MaxFrameBytes of the core is " + std::to_string(lim.max_frame_bytes) + ")"));
  });
  // The hardware treats anything below 18 bytes as 18 (RX_MIN_FRAME), so a
  // smaller value would describe a core that does not exist.
  optional_key(j, "", "min_frame", [&](const json& v, const std::string& p) {
    s.min_frame = static_cast<unsigned>(in_range(v, p, 18, s.max_frame));
  });
  optional_key(j, "", "tpid", [&](const json& v, const std::string& p) {
    s.tpid = tpid_value(v, p);
  });
  optional_key(j, "", "loopback", [&](const json& v, const std::string& p) {
    s.loopback = boolean(v, p);
  });
  optional_key(j, "", "lossless", [&](const json& v, const std::string& p) {
    s.lossless = boolean(v, p);
  });
  optional_key(j, "", "host", [&](const json& v, const std::string& p) {
    if (s.lossless)
      fail(p + ": only allowed with \"lossless\": false (a lossless host "
               "returns every buffer at once)");
    s.host = parse_host(v, p);
  });

  // Where each queue was listed, to name it in later messages.
  std::map<unsigned, std::string> listed;
  optional_key(j, "", "queues", [&](const json& v, const std::string& p) {
    array(v, p);
    for (size_t i = 0; i < v.size(); ++i) {
      QueueSpec q = parse_queue(v[i], element(p, i), lim);
      auto [it, fresh] = listed.emplace(q.id, element(p, i));
      if (!fresh)
        fail(element(p, i) + ".id: " + show(v[i]["id"]) +
             " is listed twice (also " + it->second + ")");
      s.queues[q.id] = q;
    }
  });

  // A queue not listed gets the defaults.
  auto enable = [&](unsigned id) {
    if (auto [it, fresh] = s.queues.try_emplace(id); fresh) it->second.id = id;
  };
  optional_key(j, "", "filters", [&](const json& v, const std::string& p) {
    array(v, p);
    if (v.size() > lim.num_filters)
      fail(p + ": " + std::to_string(v.size()) + " filters, the core has " +
           std::to_string(lim.num_filters));
    for (size_t i = 0; i < v.size(); ++i) {
      s.filters.push_back(parse_filter(v[i], element(p, i), lim));
      for (unsigned id : s.filters.back().queues) enable(id);
    }
  });
  if (s.default_queue) enable(0);

  // One ring entry always stays empty (full and empty must differ), so a
  // maximum-size frame needs ceil(max_frame / buffer_size) + 1 entries.
  for (const auto& [id, q] : s.queues) {
    unsigned need = (s.max_frame + q.buffer_size - 1) / q.buffer_size + 1;
    if (q.ring_size < need) {
      auto it = listed.find(id);
      std::string p = it != listed.end() ? it->second + ".ring_size"
                                         : "queue " + std::to_string(id);
      fail(p + ": " + std::to_string(q.ring_size) + " cannot hold a " +
           std::to_string(s.max_frame) + "-byte frame in " +
           std::to_string(q.buffer_size) + "-byte buffers (needs at least " +
           std::to_string(need) + ")");
    }
  }

  optional_key(j, "", "rx_pcap", [&](const json& v, const std::string& p) {
    s.rx_pcap = pcap_path(v, p, base_dir);
  });

  // A queue only transmits when it is enabled; a tx entry does not enable one
  // (SPEC §9 enables only listed queues, filter targets and queue 0).
  optional_key(j, "", "tx", [&](const json& v, const std::string& p) {
    array(v, p);
    std::map<unsigned, size_t> seen;
    for (size_t i = 0; i < v.size(); ++i) {
      const std::string e = element(p, i);
      object(v[i], e);
      check_keys(v[i], e, {"queue", "pcap"});
      const json& qv = required_key(v[i], e, "queue");
      TxSpec t;
      t.queue = queue_id(qv, e + ".queue", lim);
      if (!s.queues.contains(t.queue))
        fail(e + ".queue: " + show(qv) +
             " is not an enabled queue (list it under \"queues\")");
      if (auto [it, fresh] = seen.emplace(t.queue, i); !fresh)
        fail(e + ".queue: " + show(qv) + " is listed twice (also " +
             element(p, it->second) + ")");
      t.pcap = pcap_path(required_key(v[i], e, "pcap"), e + ".pcap", base_dir);
      s.tx.push_back(std::move(t));
    }
  });
  return s;
}

Scenario load_scenario(const fs::path& file, const Limits& lim) {
  const std::string name = file.string();
  std::error_code ec;
  if (fs::is_directory(file, ec))
    throw ScenarioError(name + ": is a directory, not a scenario file");
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw ScenarioError(name + ": cannot read: " + std::strerror(errno));
  std::string text{std::istreambuf_iterator<char>(in), {}};
  if (in.bad())
    throw ScenarioError(name + ": read error: " + std::strerror(errno));
  // Relative pcap paths name files beside the scenario, wherever vmq-sim runs.
  fs::path base = fs::absolute(file).parent_path();
  if (fs::path c = fs::weakly_canonical(base, ec); !ec) base = c;
  try {
    return parse_scenario(json::parse(text, DuplicateKeyCheck{}), base, lim);
  } catch (const json::parse_error& e) {
    // Drop nlohmann's "[json.exception.parse_error.101] " prefix; keep the
    // "parse error at line L, column C: ..." part.
    std::string msg = e.what();
    if (auto pos = msg.find("] "); pos != std::string::npos) msg.erase(0, pos + 2);
    throw ScenarioError(name + ": invalid JSON: " + msg);
  } catch (const ScenarioError& e) {
    throw ScenarioError(name + ": " + e.what());
  }
}

json scenario_to_json(const Scenario& s) {
  char tpid[8];
  std::snprintf(tpid, sizeof tpid, "0x%04x", unsigned(s.tpid));
  json j = {{"version", s.version},         {"port_gbps", s.port_gbps},
            {"default_queue", s.default_queue}, {"max_frame", s.max_frame},
            {"min_frame", s.min_frame},     {"tpid", tpid},
            {"loopback", s.loopback},       {"lossless", s.lossless}};
  j["filters"] = json::array();
  for (const FilterSpec& f : s.filters) {
    json e = {{"type", to_string(f.type)}, {"queues", f.queues}};
    if (has_mac(f.type)) e["mac"] = format_mac(f.mac);
    if (has_vid(f.type)) e["vid"] = f.vid;
    j["filters"].push_back(std::move(e));
  }
  j["queues"] = json::array();
  for (const auto& [id, q] : s.queues) {
    json e = {{"id", q.id},
              {"bcast", q.bcast},
              {"mcast", q.mcast},
              {"promisc", q.promisc},
              {"strip_vlan", q.strip_vlan},
              {"ring_size", q.ring_size},
              {"buffer_size", q.buffer_size},
              {"port_vid", q.port_vid},
              {"weight", q.weight}};
    if (q.spoof_mac) e["spoof_mac"] = format_mac(*q.spoof_mac);
    j["queues"].push_back(std::move(e));
  }
  if (s.rx_pcap) j["rx_pcap"] = s.rx_pcap->string();
  j["tx"] = json::array();
  for (const TxSpec& t : s.tx)
    j["tx"].push_back({{"queue", t.queue}, {"pcap", t.pcap.string()}});
  if (!s.lossless)
    j["host"] = {{"poll_interval_ns", s.host.poll_interval_ns},
                 {"repost_delay_ns", s.host.repost_delay_ns},
                 {"rx_budget", s.host.rx_budget}};
  return j;
}

}  // namespace vmq::sim
