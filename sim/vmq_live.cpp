// vmq-live: live Linux traffic through the simulated NIC (docs/live.md).
//
//   vmq-live --wire TAP[:VID] ... --vm TAP,MAC[,VID] ... [--port-gbps G]
//            [--ready FILE] [--stats FILE] [--duration S] [--trace FILE.fst]
//            [--counters auto|on|off]
//
// --stats FILE gets every counter as JSON at exit and whenever the process
// receives SIGUSR1 (a snapshot; the file is replaced atomically).
//
// One TAP device is the wire: frames the kernel sends into it enter the
// core's MAC receive stream, and every frame the core transmits leaves
// through it. Further --wire TAPs are access ports of a VLAN: their frames
// enter the wire tagged with that VID, and wire frames carrying the VID leave
// through them untagged (this kernel has no 802.1Q devices, so the tagging a
// switch would do is done here). Each --vm TAP is one VM's virtual NIC,
// served by its own queue pair through the driver (sw/): its frames go out
// through the queue's transmit ring, and what the sorter steers to the queue
// is written to the TAP. A VM on a VLAN gets a mac_vlan filter, the core
// strips the tag on receive and inserts it on transmit (port VLAN); frames
// of another VLAN that reach the queue (broadcasts: SPEC §3 accepts them per
// queue, whatever their VLAN) are dropped here and counted as vlan_drops.
//
// The tool makes the TAP devices (they vanish when it exits); putting them
// in network namespaces and giving them addresses is scripts/live_netns.sh's
// job. The simulation runs only while there is work; when every queue and
// the wire are idle the clock stops and the tool sleeps in poll().
//
// Exit codes: 0 stopped (SIGINT, SIGTERM or --duration), 1 run-time failure,
// 2 refused arguments.
#include <fcntl.h>
#include <fmt/core.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <net/if_arp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <deque>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>
#include <vmq/device.hpp>

#include "cli.hpp"
#include "platform.hpp"

namespace vs = vmq::sim;
using nlohmann::json;

namespace {

struct Usage : std::runtime_error {
  using std::runtime_error::runtime_error;
};

volatile std::sig_atomic_t g_stop = 0, g_snapshot = 0;
void on_signal(int) { g_stop = 1; }
void on_usr1(int) { g_snapshot = 1; }

struct WireSpec {
  std::string tap;
  uint16_t vid = 0;  // 0: the untagged (native) port
};
struct VmSpec {
  std::string tap;
  vmq::MacAddr mac;
  uint16_t vid = 0;  // 0: untagged
};

struct Options {
  std::vector<WireSpec> wires;
  std::vector<VmSpec> vms;
  double port_gbps = 10;
  std::string ready, stats, trace, counters = "auto";
  double duration_s = 0;  // 0: until a signal
};

unsigned parse_vid(const std::string& what, const std::string& s) {
  std::size_t pos = 0;
  unsigned long v = 0;
  try {
    v = std::stoul(s, &pos, 10);
  } catch (const std::exception&) {
    pos = 0;
  }
  if (pos != s.size() || s.empty() || v < 1 || v > 4094)
    throw Usage(fmt::format("{}: VLAN \"{}\" is not a VID in 1..4094", what, s));
  return unsigned(v);
}

void check_ifname(const std::string& what, const std::string& n) {
  if (n.empty() || n.size() >= IFNAMSIZ)
    throw Usage(fmt::format("{}: interface name \"{}\" must have 1..{} characters", what, n, IFNAMSIZ - 1));
  for (char c : n)
    if (c == '/' || c == ':' || c == ',' || c <= ' ')
      throw Usage(fmt::format("{}: interface name \"{}\" has a character Linux refuses", what, n));
}

// The command line (CLI11, sim/lib/cli.hpp): returns the exit code when it
// ends the run (--help, --version, refused by CLI11), -1 to go on; throws
// Usage for a topology that cannot work.
int parse_args(int argc, char** argv, Options& o) {
  CLI::App app{"vmq-live: Linux TAP devices as the wire and the VMs' NICs of the simulated core"};
  vmq::cli::init(app);
  std::vector<std::string> wires, vms;
  std::string device = "sim:";
  vmq::cli::add_sim_device(app, device);
  app.add_option("--wire", wires, "the wire (untagged frames); TAP:VID an access port of VLAN VID; repeatable")
      ->type_name("TAP[:VID]");
  app.add_option("--vm", vms,
                 "a VM's NIC on queue 1, 2, ... (in order), untagged, or on VLAN VID (tag stripped on "
                 "receive, inserted on transmit); repeatable")
      ->type_name("TAP,MAC[,VID]");
  app.add_option("--port-gbps", o.port_gbps, "wire rate")->check(CLI::Range(1.0, 32.0))->capture_default_str();
  app.add_option("--ready", o.ready, "written when the TAPs are up")->type_name("FILE");
  app.add_option("--stats", o.stats, "counters as JSON at the end")->type_name("FILE");
  app.add_option("--duration", o.duration_s, "stop after this many seconds (default: at a signal)")
      ->check(CLI::PositiveNumber);
  app.add_option("--trace", o.trace, "FST waveform")->type_name("FILE.fst");
  app.add_option("--counters", o.counters, "a counter line each second (auto: on a terminal)")
      ->check(CLI::IsMember({"auto", "on", "off"}))
      ->capture_default_str();
  app.footer("Topology with network namespaces: scripts/live_netns.sh. Details: docs/live.md");
  if (const int rc = vmq::cli::parse(app, argc, argv); rc >= 0) return rc;
  if (const std::string no = vmq::cli::sim_device_refusal(device, "vmq-live"); !no.empty()) throw Usage(no);
  for (const std::string& v : wires) {
    WireSpec w;
    const auto colon = v.find(':');
    w.tap = v.substr(0, colon);
    check_ifname("--wire " + v, w.tap);
    if (colon != std::string::npos) w.vid = uint16_t(parse_vid("--wire " + v, v.substr(colon + 1)));
    o.wires.push_back(w);
  }
  for (const std::string& v : vms) {
    VmSpec m;
    std::vector<std::string> parts;
    std::size_t s = 0;
    for (std::size_t c; (c = v.find(',', s)) != std::string::npos; s = c + 1) parts.push_back(v.substr(s, c - s));
    parts.push_back(v.substr(s));
    if (parts.size() < 2 || parts.size() > 3) throw Usage(fmt::format("--vm {}: expected TAP,MAC[,VID]", v));
    m.tap = parts[0];
    check_ifname("--vm " + v, m.tap);
    try {
      m.mac = vmq::MacAddr::parse(parts[1]);
    } catch (const std::exception& e) {
      throw Usage(fmt::format("--vm {}: {}", v, e.what()));
    }
    if (m.mac.multicast() || m.mac.value == 0)
      throw Usage(fmt::format("--vm {}: {} is not a unicast MAC address", v, parts[1]));
    if (parts.size() == 3) m.vid = uint16_t(parse_vid("--vm " + v, parts[2]));
    o.vms.push_back(m);
  }
  if (o.wires.empty()) throw Usage("--wire TAP is required");
  if (o.vms.empty()) throw Usage("at least one --vm TAP,MAC is required");
  std::set<std::string> names;
  std::set<uint16_t> wire_vids;
  for (auto& w : o.wires) {
    if (!names.insert(w.tap).second) throw Usage(fmt::format("TAP name {} used twice", w.tap));
    if (!wire_vids.insert(w.vid).second)
      throw Usage(w.vid ? fmt::format("two --wire ports for VLAN {}", w.vid)
                        : std::string("two untagged --wire ports (give the second one a :VID)"));
  }
  std::set<uint64_t> macs;
  for (auto& m : o.vms) {
    if (!names.insert(m.tap).second) throw Usage(fmt::format("TAP name {} used twice", m.tap));
    if (!macs.insert(m.mac.value).second)
      throw Usage(fmt::format("--vm {}: MAC {} belongs to another VM", m.tap, m.mac.str()));
    if (!wire_vids.count(m.vid))
      throw Usage(m.vid ? fmt::format("--vm {} is on VLAN {} but no --wire TAP:{} carries that VLAN", m.tap,
                                      m.vid, m.vid)
                        : fmt::format("--vm {} is untagged but every --wire port is a VLAN port", m.tap));
  }
  if (!o.trace.empty() && (o.trace.size() < 4 || o.trace.substr(o.trace.size() - 4) != ".fst"))
    throw Usage(fmt::format("--trace {}: the waveform is FST, name it *.fst", o.trace));
  return -1;
}

// A TAP device of this process (IFF_TAP | IFF_NO_PI: whole Ethernet frames
// without FCS). Non-persistent: it disappears when the descriptor closes,
// wherever it has been moved.
class Tap {
 public:
  explicit Tap(const std::string& name) : name_(name) {
    fd_ = ::open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0)
      throw vmq::Error(errno == ENOENT ? vmq::Errc::NoDevice : vmq::Errc::Permission,
                       fmt::format("open /dev/net/tun: {} (TAP devices need root or CAP_NET_ADMIN)",
                                   std::strerror(errno)));
    ifreq ifr{};
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    std::strncpy(ifr.ifr_name, name.c_str(), IFNAMSIZ - 1);
    if (::ioctl(fd_, TUNSETIFF, &ifr) < 0) {
      const int e = errno;
      ::close(fd_);
      throw vmq::Error(vmq::Errc::Busy, fmt::format("TAP {}: TUNSETIFF: {}{}", name, std::strerror(e),
                                                    e == EBUSY ? " (a device of that name exists: "
                                                                 "a leftover? ip link del it)"
                                                               : ""));
    }
  }
  ~Tap() {
    if (fd_ >= 0) ::close(fd_);
  }
  Tap(const Tap&) = delete;
  Tap& operator=(const Tap&) = delete;

  void set_mac(const vmq::MacAddr& m) {
    const int s = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    ifreq ifr{};
    std::strncpy(ifr.ifr_name, name_.c_str(), IFNAMSIZ - 1);
    ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
    for (int i = 0; i < 6; ++i) ifr.ifr_hwaddr.sa_data[i] = char(m.value >> (40 - 8 * i));
    const int r = s < 0 ? -1 : ::ioctl(s, SIOCSIFHWADDR, &ifr);
    const int e = errno;
    if (s >= 0) ::close(s);
    if (r < 0)
      throw vmq::Error(vmq::Errc::Permission, fmt::format("TAP {}: set MAC {}: {}", name_, m.str(), std::strerror(e)));
  }
  // One frame, or nothing (EAGAIN); an interface that is down reads nothing.
  std::optional<std::vector<uint8_t>> read() {
    const ssize_t n = ::read(fd_, buf_.data(), buf_.size());
    if (n < 0) {
      if (errno == EAGAIN || errno == EINTR) return std::nullopt;
      throw vmq::Error(vmq::Errc::DeviceError, fmt::format("TAP {}: read: {}", name_, std::strerror(errno)));
    }
    return std::vector<uint8_t>(buf_.begin(), buf_.begin() + n);
  }
  // false: the kernel refused the frame (interface down: EIO); the frame is
  // counted as not delivered by the caller.
  bool write(std::span<const uint8_t> f) {
    const ssize_t n = ::write(fd_, f.data(), f.size());
    return n == ssize_t(f.size());
  }
  int fd() const { return fd_; }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  int fd_ = -1;
  std::array<uint8_t, 65536> buf_{};  // one read: a whole frame (reused; most reads find nothing)
};

struct Count {
  uint64_t frames = 0, bytes = 0;
  void add(std::size_t n) {
    ++frames;
    bytes += n;
  }
};

constexpr unsigned kMaxFrame = 1518;  // MTU 1500 + header + one tag (the port's max_frame)

class Live {
 public:
  explicit Live(Options o) : opt_(std::move(o)) {}
  int run();

 private:
  struct Vm {
    VmSpec spec;
    unsigned q = 0;
    std::unique_ptr<Tap> tap;
    Count to_vm, from_vm;        // written to / read from the TAP
    Count vlan_drops;            // another VLAN's frame on this queue
    uint64_t foreign_unicast = 0;  // unicast to another MAC written to the TAP (must stay 0)
    uint64_t tap_refused = 0;    // the kernel refused a write (TAP down)
    uint64_t tx_too_long = 0;    // read from the TAP, longer than the port takes
    uint64_t tx_sent = 0, tx_dropped = 0;  // completions
    std::deque<std::vector<uint8_t>> pending;  // read, not yet posted (ring full)
    Count last_to, last_from;
  };
  struct Wire {
    WireSpec spec;
    std::unique_ptr<Tap> tap;
    Count to_core, from_core;
    uint64_t too_long = 0, tap_refused = 0;
  };
  void setup();
  bool pump_in();
  bool pump_out();
  void on_wire(const vs::WireFrame& f);
  void print_counters(double wall);
  void write_stats(double wall);

  Options opt_;
  std::unique_ptr<vs::Platform> plat_;
  std::unique_ptr<vmq::Device> dev_;
  std::vector<Vm> vms_;
  std::vector<Wire> wires_;
  std::size_t wire_rr_ = 0;         // the wire port read first in the next round
  uint64_t wire_unknown_vlan_ = 0;  // core sent a frame of a VLAN no port carries
  uint64_t last_cycle_ = 0;  // at the last counter line
  bool tty_ = false;
};

void Live::setup() {
  vs::PlatformConfig pc;
  pc.port_gbps = opt_.port_gbps;
  pc.lossless = true;  // the wire pauses (802.3x) rather than overflow the packet buffer
  pc.trace = opt_.trace;
  plat_ = std::make_unique<vs::Platform>(pc);
  plat_->on_wire_tx = [this](const vs::WireFrame& f) { on_wire(f); };
  dev_ = std::make_unique<vmq::Device>(*plat_, *plat_);
  if (opt_.vms.size() + 1 > dev_->caps().num_queues)
    throw Usage(fmt::format("{} VMs: this core has {} queues, queue 0 is the default queue, so at most {} VMs",
                            opt_.vms.size(), dev_->caps().num_queues, dev_->caps().num_queues - 1));
  vmq::PortConfig port;
  port.default_queue = false;  // no management OS here: unmatched frames are dropped and counted
  port.max_frame = kMaxFrame;
  dev_->configure_port(port);
  for (auto& w : opt_.wires) {
    Wire x;
    x.spec = w;
    x.tap = std::make_unique<Tap>(w.tap);
    wires_.push_back(std::move(x));
  }
  unsigned q = 1;
  for (auto& m : opt_.vms) {
    Vm v;
    v.spec = m;
    vmq::QueueConfig qc;
    qc.rx_ring_size = 256;
    qc.tx_ring_size = 256;
    qc.rx_buffer_size = 2048;
    qc.bcast = true;  // ARP
    qc.mcast = true;
    qc.spoof_mac = m.mac;  // a VM sends only as itself
    if (m.vid) {
      qc.strip_vlan = true;
      qc.port_vid = m.vid;
      qc.vlan_spoof = true;
    }
    v.q = dev_->alloc_queue(qc, q++);
    vmq::Filter f;
    f.mac = m.mac;
    f.type = m.vid ? vmq::FilterType::MacVlan : vmq::FilterType::MacUntagged;
    f.vid = m.vid;
    dev_->set_filter(f, 1ULL << v.q);
    v.tap = std::make_unique<Tap>(m.tap);
    v.tap->set_mac(m.mac);
    vms_.push_back(std::move(v));
  }
}

// TAPs -> core. Wire TAPs feed the receive stream (tagged for VLAN ports),
// VM TAPs feed their transmit queue. Returns whether anything moved.
bool Live::pump_in() {
  bool moved = false;
  // Keep a few frames ahead of the wire, no more: the rest waits in the
  // kernel's TAP queues, which is where a real NIC's backlog would be. The
  // ports take turns frame by frame, as a switch's output queue would mix them.
  for (bool any = true; any && plat_->rx_queued() < 16;) {
    any = false;
    for (std::size_t k = 0; k < wires_.size() && plat_->rx_queued() < 16; ++k) {
      Wire& w = wires_[(wire_rr_ + k) % wires_.size()];
      auto f = w.tap->read();
      if (!f) continue;
      any = moved = true;
      if (f->size() < 14 || f->size() + (w.spec.vid ? 4 : 0) > kMaxFrame) {
        ++w.too_long;  // the port's max_frame: the kernel's MTU is 1500, so this is a misconfiguration
        continue;
      }
      // The peer's MAC pads to the 60-byte minimum (IEEE 802.3 4.2.3.3);
      // the kernel hands a TAP frames as short as 42 bytes (ARP).
      if (f->size() < 60) f->resize(60, 0);
      if (w.spec.vid) {
        const uint16_t tci = w.spec.vid;
        const uint8_t tag[4] = {0x81, 0x00, uint8_t(tci >> 8), uint8_t(tci)};
        f->insert(f->begin() + 12, tag, tag + 4);
      }
      w.to_core.add(f->size());
      plat_->rx_offer(std::move(*f));
    }
    wire_rr_ = (wire_rr_ + 1) % wires_.size();
  }
  for (auto& v : vms_) {
    while (v.pending.size() < 64) {
      auto f = v.tap->read();
      if (!f) break;
      moved = true;
      if (f->size() < 14 || f->size() + (v.spec.vid ? 4 : 0) > kMaxFrame) {
        ++v.tx_too_long;
        continue;
      }
      v.from_vm.add(f->size());
      v.pending.push_back(std::move(*f));
    }
    if (!v.pending.empty()) {
      std::vector<std::span<const uint8_t>> burst;
      const unsigned room = dev_->tx_free_slots(v.q);
      for (auto& f : v.pending) {
        if (burst.size() >= 32 || burst.size() >= room) break;
        burst.emplace_back(f);
      }
      if (!burst.empty()) {
        const std::size_t n = dev_->tx_burst(v.q, burst);
        for (std::size_t i = 0; i < n; ++i) v.pending.pop_front();
        moved |= n > 0;
      }
    }
  }
  return moved;
}

// Core -> TAPs: receive queues to the VM TAPs, completions reaped. The wire
// side leaves through on_wire().
bool Live::pump_out() {
  bool moved = false;
  std::array<vmq::RxPacket, 64> pk;
  std::vector<uint8_t> b;
  for (auto& v : vms_) {
    const std::size_t n = dev_->rx_burst(v.q, pk);
    for (std::size_t i = 0; i < n; ++i) {
      moved = true;
      const bool ours = v.spec.vid ? (pk[i].vlan_stripped && (pk[i].tci & 0xFFF) == v.spec.vid)
                                   : !pk[i].vlan_stripped;
      b.resize(pk[i].len);
      dev_->rx_copy(v.q, pk[i], b.data());
      // An untagged VM's queue does not strip: a tagged frame arrives with its tag.
      const bool tagged = b.size() >= 14 && b[12] == 0x81 && b[13] == 0x00;
      if (!ours || (!v.spec.vid && tagged)) {
        v.vlan_drops.add(b.size());
        continue;
      }
      const bool unicast = b.size() >= 6 && !(b[0] & 1);
      if (unicast) {
        uint64_t da = 0;
        for (int k = 0; k < 6; ++k) da = da << 8 | b[std::size_t(k)];
        if (da != v.spec.mac.value) ++v.foreign_unicast;
      }
      if (v.tap->write(b))
        v.to_vm.add(b.size());
      else
        ++v.tap_refused;
    }
    if (dev_->tx_in_flight(v.q)) {
      const auto c = dev_->tx_reap(v.q);
      v.tx_sent += c.sent;
      v.tx_dropped += c.spoof_drops + c.oversize_drops + c.errors;
      moved |= (c.sent + c.spoof_drops + c.oversize_drops + c.errors) > 0;
    }
  }
  return moved;
}

void Live::on_wire(const vs::WireFrame& f) {
  std::vector<uint8_t> b = f.data;
  uint16_t vid = 0;
  if (b.size() >= 18 && b[12] == 0x81 && b[13] == 0x00) {
    vid = uint16_t((b[14] << 8 | b[15]) & 0xFFF);
    if (vid) b.erase(b.begin() + 12, b.begin() + 16);
  }
  for (auto& w : wires_) {
    if (w.spec.vid != vid) continue;
    if (w.tap->write(b))
      w.from_core.add(b.size());
    else
      ++w.tap_refused;
    return;
  }
  ++wire_unknown_vlan_;
}

// One line per second: simulated time so far and the cycles run in this
// second, then per VM the frames and bytes written to its TAP (in) and read
// from it (out) in this second.
void Live::print_counters(double wall) {
  auto human = [](uint64_t b) {
    return b >= 10'000'000 ? fmt::format("{:.1f}MB", double(b) / 1e6)
           : b >= 10'000   ? fmt::format("{:.1f}kB", double(b) / 1e3)
                           : fmt::format("{}B", b);
  };
  std::string line = fmt::format("[{:4.0f} s] sim {:8.3f} ms, {:6.3f} Mcycles this second |", wall,
                                 double(plat_->now_ns()) / 1e6, double(plat_->cycle() - last_cycle_) / 1e6);
  last_cycle_ = plat_->cycle();
  for (auto& v : vms_) {
    line += fmt::format(" {} in {}f {} out {}f {} |", v.spec.tap, v.to_vm.frames - v.last_to.frames,
                        human(v.to_vm.bytes - v.last_to.bytes), v.from_vm.frames - v.last_from.frames,
                        human(v.from_vm.bytes - v.last_from.bytes));
    v.last_to = v.to_vm;
    v.last_from = v.from_vm;
  }
  line.resize(line.size() - 2);
  fmt::print("{}\n", line);
  std::fflush(stdout);
}

void Live::write_stats(double wall) {
  const vmq::Stats st = dev_->stats();
  json j;
  j["wall_s"] = wall;
  j["cycles"] = plat_->cycle();
  j["core_mhz"] = plat_->core_mhz();
  j["sim_ns"] = plat_->now_ns();
  j["mcycles_per_wall_s"] = wall > 0 ? double(plat_->cycle()) / wall / 1e6 : 0.0;
  j["port_gbps"] = opt_.port_gbps;
  j["wire_unknown_vlan"] = wire_unknown_vlan_;
  json g;
  for (auto& [name, m] : vmq::kGlobalCounters) g[name] = st.global.*m;
  j["core"] = g;
  for (auto& w : wires_) {
    j["wires"].push_back({{"tap", w.spec.tap}, {"vid", w.spec.vid},
                          {"to_core_frames", w.to_core.frames}, {"to_core_bytes", w.to_core.bytes},
                          {"from_core_frames", w.from_core.frames}, {"from_core_bytes", w.from_core.bytes},
                          {"too_long", w.too_long}, {"tap_refused", w.tap_refused}});
  }
  for (auto& v : vms_) {
    json q;
    for (auto& [name, m] : vmq::kQueueCounters) q[name] = st.queues[v.q].*m;
    j["vms"].push_back({{"tap", v.spec.tap}, {"mac", v.spec.mac.str()}, {"vid", v.spec.vid}, {"queue", v.q},
                        {"to_vm_frames", v.to_vm.frames}, {"to_vm_bytes", v.to_vm.bytes},
                        {"from_vm_frames", v.from_vm.frames}, {"from_vm_bytes", v.from_vm.bytes},
                        {"vlan_drops", v.vlan_drops.frames}, {"vlan_drop_bytes", v.vlan_drops.bytes},
                        {"foreign_unicast", v.foreign_unicast},
                        {"tap_refused", v.tap_refused}, {"tx_too_long", v.tx_too_long},
                        {"tx_sent", v.tx_sent}, {"tx_dropped", v.tx_dropped}, {"core", q}});
  }
  const std::string tmp = opt_.stats + ".tmp";
  std::ofstream(tmp) << j.dump(2) << "\n";
  if (std::rename(tmp.c_str(), opt_.stats.c_str()) != 0)
    throw vmq::Error(vmq::Errc::DeviceError, fmt::format("--stats {}: {}", opt_.stats, std::strerror(errno)));
}

int Live::run() {
  tty_ = opt_.counters == "on" || (opt_.counters == "auto" && ::isatty(1));
  setup();
  if (!opt_.ready.empty()) {
    std::ofstream r(opt_.ready);
    for (auto& w : wires_) r << "wire " << w.spec.tap << " " << w.spec.vid << "\n";
    for (auto& v : vms_) r << "vm " << v.spec.tap << " " << v.spec.mac.str() << " " << v.spec.vid << " " << v.q << "\n";
    if (!r) throw vmq::Error(vmq::Errc::DeviceError, fmt::format("--ready {}: cannot write", opt_.ready));
  }
  fmt::print("vmq-live: {} | wire {} | {} VMs on queues 1..{} | Ctrl-C stops\n", plat_->describe(),
             [&] {
               std::string s;
               for (auto& w : wires_) s += (s.empty() ? "" : ", ") + w.spec.tap + (w.spec.vid ? fmt::format(":{}", w.spec.vid) : "");
               return s;
             }(),
             vms_.size(), vms_.size());
  std::fflush(stdout);

  std::vector<pollfd> pfd;
  for (auto& w : wires_) pfd.push_back({w.tap->fd(), POLLIN, 0});
  for (auto& v : vms_) pfd.push_back({v.tap->fd(), POLLIN, 0});
  const auto t0 = std::chrono::steady_clock::now();
  auto wall = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  double next_print = 1.0;
  unsigned idle_rounds = 0;
  constexpr uint64_t kChunk = 256;  // cycles per round while busy (~1 us of 10 GbE)
  while (!g_stop && !(opt_.duration_s > 0 && wall() >= opt_.duration_s)) {
    // Busy: something queued in the wire model, in a ring or on the core's
    // buses. Idle: sleep until a TAP has a frame (or the next print).
    bool busy = plat_->rx_queued() > 0 || !plat_->quiet();
    for (auto& v : vms_) busy |= !v.pending.empty() || dev_->tx_in_flight(v.q) > 0;
    if (!busy && idle_rounds > 4) {
      for (auto& p : pfd) p.revents = 0;
      const int r = ::poll(pfd.data(), pfd.size(), 20);
      if (r < 0 && errno != EINTR)
        throw vmq::Error(vmq::Errc::DeviceError, fmt::format("poll: {}", std::strerror(errno)));
    }
    bool moved = pump_in();
    if (busy || moved || idle_rounds <= 4) plat_->run(kChunk);
    moved |= pump_out();
    idle_rounds = (moved || busy) ? 0 : idle_rounds + 1;
    if (g_snapshot && !opt_.stats.empty()) {
      g_snapshot = 0;
      write_stats(wall());
    }
    if (wall() >= next_print) {
      if (tty_) print_counters(wall());
      next_print += 1.0;
    }
  }
  // Drain: what the core holds goes out, then stop (bounded: 4000 rounds,
  // about 4 ms simulated).
  for (int i = 0; i < 4000; ++i) {
    bool busy = plat_->rx_queued() > 0 || !plat_->quiet();
    for (auto& v : vms_) busy |= dev_->tx_in_flight(v.q) > 0;
    bool moved = pump_out();
    if (!busy && !moved) break;
    plat_->run(kChunk);
  }
  const double w = wall();
  if (!opt_.stats.empty()) write_stats(w);
  uint64_t to_vm = 0, from_vm = 0;
  for (auto& v : vms_) {
    to_vm += v.to_vm.bytes;
    from_vm += v.from_vm.bytes;
  }
  const double sim_s = double(plat_->now_ns()) / 1e9;
  fmt::print("vmq-live: stopped after {:.1f} s: {} cycles ({:.3f} ms simulated, {:.3f} Mcycles/s); "
             "to VMs {:.2f} MB = {:.2f} Mb/s wall, {:.2f} Gb/s simulated; from VMs {:.2f} MB\n",
             w, plat_->cycle(), sim_s * 1e3, w > 0 ? double(plat_->cycle()) / w / 1e6 : 0.0, double(to_vm) / 1e6,
             w > 0 ? double(to_vm) * 8 / w / 1e6 : 0.0, sim_s > 0 ? double(to_vm) * 8 / sim_s / 1e9 : 0.0,
             double(from_vm) / 1e6);
  if (plat_->dma_faults()) {
    fmt::print(stderr, "vmq-live: {} DMA faults (first: {})\n", plat_->dma_faults(), plat_->fault_log().front());
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  try {
    if (const int rc = parse_args(argc, argv, opt); rc >= 0) return rc;
  } catch (const Usage& u) {
    fmt::print(stderr, "vmq-live: {}\nRun with --help for more information.\n", u.what());
    return 2;
  }
  struct sigaction sa{};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGHUP, &sa, nullptr);
  sa.sa_handler = on_usr1;
  sigaction(SIGUSR1, &sa, nullptr);
  try {
    Live live(std::move(opt));
    return live.run();
  } catch (const Usage& u) {
    fmt::print(stderr, "vmq-live: {}\n", u.what());
    return 2;
  } catch (const vmq::Error& e) {
    fmt::print(stderr, "vmq-live: {}: {}\n", vmq::errc_name(e.code()), e.what());
    return e.code() == vmq::Errc::InvalidArgument ? 2 : 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "vmq-live: error: {}\n", e.what());
    return 1;
  }
}
