// vmq-sim: scenarios and pcaps through the Verilated core and the reference
// driver (SPEC §9, docs/vmq-sim.md).
//
//   vmq-sim --scenario FILE --out DIR [--seed N] [--trace FILE.fst] [--progress auto|on|off]
//   vmq-sim --gen --vms N --frame-size B --load PCT --duration-us T
//           [--port-gbps G] --out DIR ...      (traffic generator, no pcaps)
//   vmq-sim --help                             (every option, CLI11)
//
// The host side is the driver (sw/) on the simulation backend
// (sim/platform): the same calls a user program makes on the card. Every
// output frame is also checked against the reference model (sim/model): the
// run fails (exit 3) if the core and the model disagree.
//
// Exit codes: 0 done, 1 run-time failure (stuck, device error), 2 refused
// arguments or scenario (nothing ran), 3 the core disagreed with the model.
#include <fmt/core.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>
#include <vmq/device.hpp>

#include "apply.hpp"
#include "cli.hpp"
#include "pcap.hpp"
#include "platform.hpp"
#include "scenario.hpp"
#include "vmq_model.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
namespace vs = vmq::sim;

namespace {

struct Usage : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Options {
  fs::path scenario, out;
  uint64_t seed = 1;
  std::string trace;
  std::string progress = "auto";
  uint64_t stuck_us = 20000;  // no progress for this long (simulated) = stuck
  // generator mode
  bool gen = false;
  unsigned vms = 4, frame_size = 1514;
  double load = 100, duration_us = 100, port_gbps = 10;
};

// The command line (CLI11, sim/lib/cli.hpp). Throws Usage for what CLI11
// cannot check by itself; returns the exit code when it ends the run (--help,
// --version, a refused command line), -1 to go on.
int parse_args(int argc, char** argv, Options& o) {
  CLI::App app{"vmq-sim: scenarios and pcaps through the Verilated core and the reference driver"};
  vmq::cli::init(app);
  std::string device = "sim:";
  vmq::cli::add_sim_device(app, device);
  app.add_option("--scenario", o.scenario, "scenario file (SPEC §9, docs/vmq-sim.md)")->type_name("FILE");
  app.add_option("--out", o.out, "output directory: one pcap per queue, wire_tx.pcap, stats.json, events.jsonl")
      ->type_name("DIR");
  app.add_option("--seed", o.seed, "power-up register values of the model")->capture_default_str();
  app.add_option("--trace", o.trace, "FST waveform of the whole run")->type_name("FILE.fst");
  app.add_option("--progress", o.progress, "progress line on stderr (auto: when it is a terminal)")
      ->check(CLI::IsMember({"auto", "on", "off"}))
      ->capture_default_str();
  app.add_option("--stuck-us", o.stuck_us, "simulated time without progress that counts as stuck")
      ->capture_default_str();
  auto* gen = app.add_flag("--gen", o.gen, "traffic generator instead of a scenario (no pcaps in)")->group("Generator");
  app.add_option("--vms", o.vms, "VMs behind the port, one queue each")
      ->check(CLI::Range(1, 15))->capture_default_str()->group("Generator")->needs(gen);
  app.add_option("--frame-size", o.frame_size, "frame bytes without FCS")
      ->check(CLI::Range(60, 9000))->capture_default_str()->group("Generator")->needs(gen);
  app.add_option("--load", o.load, "offered load, percent of the port rate")
      ->check(CLI::Range(0.0, 100.0))->capture_default_str()->group("Generator")->needs(gen);
  app.add_option("--duration-us", o.duration_us, "simulated time of traffic")
      ->check(CLI::Range(0.0, 1e6))->capture_default_str()->group("Generator")->needs(gen);
  app.add_option("--port-gbps", o.port_gbps, "port rate")->capture_default_str()->group("Generator")->needs(gen);
  app.footer("Exit codes: 0 done, 1 run-time failure, 2 refused arguments or scenario (nothing ran), "
             "3 the core disagreed with the model.\nScenario format and outputs: docs/vmq-sim.md");
  if (const int rc = vmq::cli::parse(app, argc, argv); rc >= 0) return rc;
  if (const std::string no = vmq::cli::sim_device_refusal(device, "vmq-sim"); !no.empty()) throw Usage(no);
  if (o.out.empty()) throw Usage("--out DIR is required");
  if (!o.gen && o.scenario.empty()) throw Usage("--scenario FILE (or --gen) is required");
  if (o.gen && !o.scenario.empty()) throw Usage("--scenario and --gen: give one of them");
  if (o.gen && !(o.load > 0)) throw Usage(fmt::format("--load {}: (0, 100]", o.load));
  if (o.gen && !(o.duration_us > 0)) throw Usage(fmt::format("--duration-us {}: (0, 1e6]", o.duration_us));
  if (!o.trace.empty() && fs::path(o.trace).extension() != ".fst")
    throw Usage(fmt::format("--trace {}: the waveform is FST, name it *.fst", o.trace));
  return -1;
}

// A frame in a generator run: DA of VM v, unique sequence number.
std::vector<uint8_t> gen_frame(unsigned vm, uint64_t seq, unsigned len) {
  return vmq::model::make_frame(0x020000000000ULL | (vm + 1), 0x02ff00000001ULL, -1, 0x88b5, len,
                                0x8100, uint8_t(seq));
}

// What the model expects a queue to receive, in order, per origin.
struct Expect {
  uint64_t origin;  // rx frame index, or tx (queue << 32 | index) for looped copies
  std::vector<uint8_t> bytes;
};

class Sim {
 public:
  Sim(const Options& opt, vs::Scenario sc) : opt_(opt), sc_(std::move(sc)) {}
  int run();

 private:
  void setup();
  void host_poll();
  void tx_poll();
  void on_wire(const vs::WireFrame& f);
  void delivered(unsigned q, std::vector<uint8_t> bytes);
  void mismatch(const std::string& m);
  void progress(bool final);
  void write_outputs();

  const Options& opt_;
  vs::Scenario sc_;
  std::unique_ptr<vs::Platform> plat_;
  std::unique_ptr<vmq::Device> dev_;
  std::vector<vs::PcapFrame> rx_in_;
  struct TxQ {
    unsigned q;
    std::vector<vs::PcapFrame> frames;
    std::size_t posted = 0, reaped = 0;
    std::vector<vmq::TxStatus> status;
  };
  std::vector<TxQ> tx_;
  std::map<unsigned, std::unique_ptr<vs::PcapWriter>> rxq_pcap_;
  std::unique_ptr<vs::PcapWriter> wire_pcap_;
  std::map<unsigned, uint64_t> held_since_;
  // model
  vmq::model::RxConfig rxc_;
  vmq::model::TxConfig txc_;
  std::unique_ptr<vmq::model::RxDelivery> rdl_;
  std::unique_ptr<vmq::model::TxDelivery> tdl_;
  std::map<unsigned, std::deque<Expect>> exp_rx_;
  // Looped copies per receiving queue, per sender: each sender's copies
  // arrive in its order, but senders interleave as the round-robin decides.
  std::map<unsigned, std::map<unsigned, std::deque<Expect>>> exp_loop_;
  std::map<unsigned, std::deque<std::pair<uint64_t, std::vector<uint8_t>>>> exp_wire_;  // per tx queue
  std::vector<vmq::model::RxDecision> rx_dec_;
  std::vector<std::vector<unsigned>> rx_got_, rx_lost_;  // per rx frame: queues
  std::map<uint64_t, std::vector<unsigned>> loop_got_;
  std::map<uint64_t, vmq::model::TxResult> tx_model_;  // (q << 32 | index)
  std::map<uint64_t, bool> tx_wire_seen_;
  std::vector<std::string> mismatches_;
  uint64_t delivered_ = 0, wire_frames_ = 0, last_progress_cycle_ = 0;
  std::chrono::steady_clock::time_point t0_, last_draw_;
  bool draw_ = false;
  unsigned poll_cycles_ = 16;
};

void Sim::mismatch(const std::string& m) {
  if (mismatches_.size() < 20) fmt::print(stderr, "vmq-sim: MODEL MISMATCH: {}\n", m);
  mismatches_.push_back(m);
}

void Sim::setup() {
  const vs::ModelInfo mi = vs::model_info();
  vs::PlatformConfig pc;
  pc.port_gbps = sc_.port_gbps;
  pc.lossless = sc_.lossless;
  pc.rx_load = opt_.gen ? opt_.load / 100.0 : 1.0;
  pc.seed = opt_.seed;
  pc.trace = opt_.trace;
  plat_ = std::make_unique<vs::Platform>(pc);
  plat_->on_wire_tx = [this](const vs::WireFrame& f) { on_wire(f); };
  dev_ = std::make_unique<vmq::Device>(*plat_, *plat_);
  const std::vector<unsigned> ids = vs::apply_scenario(*dev_, sc_);

  // The reference model with the same settings (filters at the same ids).
  rxc_ = vmq::model::RxConfig(mi.num_filters);
  rxc_.num_queues = mi.num_queues;
  rxc_.max_frame_bytes = mi.max_frame_bytes;
  rxc_.tpid = sc_.tpid;
  rxc_.min_frame = uint16_t(sc_.min_frame);
  rxc_.max_frame = uint16_t(sc_.max_frame);
  rxc_.default_queue = sc_.default_queue;
  txc_ = vmq::model::TxConfig(mi.num_queues);
  txc_.loopback = sc_.loopback;
  rdl_ = std::make_unique<vmq::model::RxDelivery>(mi.num_queues);
  tdl_ = std::make_unique<vmq::model::TxDelivery>(mi.num_queues);
  for (auto& [q, qs] : sc_.queues) {
    const uint64_t bit = 1ULL << q;
    rxc_.enabled |= bit;
    if (qs.bcast) rxc_.bcast |= bit;
    if (qs.mcast) rxc_.mcast |= bit;
    if (qs.promisc) rxc_.promisc |= bit;
    rdl_->queues[q] = {qs.strip_vlan, qs.buffer_size};
    rdl_->set_free(q, 1ULL << 40);  // the model host never runs dry; lossy runs match loosely
    txc_.queues[q].port_tci = qs.port_vid;
    if (qs.spoof_mac) txc_.queues[q].spoof_mac = *qs.spoof_mac;
    txc_.queues[q].weight = qs.weight;
    rxq_pcap_[q] = std::make_unique<vs::PcapWriter>(opt_.out / fmt::format("rxq{}.pcap", q));
  }
  for (std::size_t i = 0; i < sc_.filters.size(); ++i) {
    const auto& f = sc_.filters[i];
    const uint64_t prev = rxc_.filters[ids[i]].valid ? rxc_.filters[ids[i]].qmask : 0;
    rxc_.filters[ids[i]] = {true, vmq::model::FilterType(unsigned(f.type)), f.mac, f.vid, prev | f.qmask};
  }
  wire_pcap_ = std::make_unique<vs::PcapWriter>(opt_.out / "wire_tx.pcap");
  if (!sc_.lossless) poll_cycles_ = std::max(1u, unsigned(sc_.host.poll_interval_ns / plat_->ns_per_cycle()));
}

void Sim::on_wire(const vs::WireFrame& f) {
  ++wire_frames_;
  wire_pcap_->write(f.data, uint64_t(double(f.start_cycle) * plat_->ns_per_cycle()));
  // It must be the next expected wire frame of exactly one transmit queue.
  for (auto& [q, dq] : exp_wire_) {
    if (!dq.empty() && dq.front().second == f.data) {
      tx_wire_seen_[dq.front().first] = true;
      dq.pop_front();
      return;
    }
  }
  mismatch(fmt::format("cycle {}: a {}-byte frame on the wire that no queue was expected to send "
                       "next",
                       f.start_cycle, f.data.size()));
}

void Sim::delivered(unsigned q, std::vector<uint8_t> bytes) {
  ++delivered_;
  last_progress_cycle_ = plat_->cycle();
  rxq_pcap_.at(q)->write(bytes, plat_->now_ns());
  // Match against the head of an origin stream (the wire, or one sender's
  // looped copies); a lossy host may have lost earlier copies (skip forward,
  // counting them lost).
  auto match = [&](std::deque<Expect>& dq, bool from_wire) {
    std::size_t k = 0;
    const std::size_t limit = std::min(sc_.lossless ? std::size_t(1) : dq.size(), dq.size());
    for (; k < limit; ++k)
      if (dq[k].bytes == bytes) break;
    if (k == limit) return false;
    for (std::size_t i = 0; i < k; ++i) {
      if (from_wire) rx_lost_[dq.front().origin].push_back(q);
      dq.pop_front();
    }
    if (from_wire)
      rx_got_[dq.front().origin].push_back(q);
    else
      loop_got_[dq.front().origin].push_back(q);
    dq.pop_front();
    return true;
  };
  if (match(exp_rx_[q], true)) return;
  for (auto& [sender, dq] : exp_loop_[q])
    if (match(dq, false)) return;
  mismatch(fmt::format("cycle {}: queue {} received a {}-byte frame the model did not expect there "
                       "(next expected: {})",
                       plat_->cycle(), q, bytes.size(),
                       exp_rx_[q].empty() ? std::string("none")
                                          : fmt::format("rx frame {}", exp_rx_[q].front().origin)));
}

void Sim::host_poll() {
  std::array<vmq::RxPacket, 64> pk;
  for (auto& [q, qs] : sc_.queues) {
    const bool hold = !sc_.lossless && sc_.host.repost_delay_ns > 0;
    const std::size_t budget = (!sc_.lossless && sc_.host.rx_budget)
                                   ? std::min<std::size_t>(pk.size(), sc_.host.rx_budget)
                                   : pk.size();
    const std::size_t n = dev_->rx_burst(q, std::span(pk.data(), budget), !hold);
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<uint8_t> b(pk[i].len);
      dev_->rx_copy(q, pk[i], b.data());
      delivered(q, std::move(b));
    }
    if (hold) {
      const uint64_t now = plat_->now_ns();
      if (dev_->rx_held(q) && !held_since_[q]) held_since_[q] = now;
      if (held_since_[q] && now - held_since_[q] >= uint64_t(sc_.host.repost_delay_ns)) {
        dev_->rx_release(q);
        held_since_[q] = 0;
      }
    }
  }
}

void Sim::tx_poll() {
  for (auto& t : tx_) {
    if (t.reaped < t.posted) {
      const std::size_t before = t.status.size();
      dev_->tx_reap(t.q, &t.status);
      for (std::size_t i = before; i < t.status.size(); ++i) {
        const uint64_t key = uint64_t(t.q) << 32 | i;
        const auto& m = tx_model_.at(key);
        const vmq::TxStatus want = m.drop == vmq::model::TxDrop::Spoof      ? vmq::TxStatus::SpoofDrop
                                   : m.drop == vmq::model::TxDrop::Oversize ? vmq::TxStatus::OversizeDrop
                                                                             : vmq::TxStatus::Sent;
        if (t.status[i] != want)
          mismatch(fmt::format("tx queue {} frame {}: completion says {}, the model {}", t.q, i,
                               vmq::tx_status_name(t.status[i]), vmq::tx_status_name(want)));
      }
      if (t.status.size() != before) last_progress_cycle_ = plat_->cycle();
      t.reaped = t.status.size();
    }
    if (t.posted < t.frames.size()) {
      std::vector<std::span<const uint8_t>> burst;
      for (std::size_t i = t.posted; i < t.frames.size() && burst.size() < 32; ++i)
        burst.emplace_back(t.frames[i].data);
      const std::size_t n = dev_->tx_burst(t.q, burst);
      for (std::size_t i = 0; i < n; ++i) {
        // The model's verdict at posting time (loopback classifies against
        // the filters as they are now; this run never changes them).
        const uint64_t idx = t.posted + i;
        auto r = tdl_->transmit(txc_, rxc_, *rdl_, t.q, t.frames[idx].data);
        const uint64_t key = uint64_t(t.q) << 32 | idx;
        if (r.tx.to_wire) exp_wire_[t.q].emplace_back(key, r.tx.frame);
        for (auto& c : r.loop.copies) exp_loop_[c.queue][t.q].push_back({key, c.bytes});
        tx_model_[key] = std::move(r.tx);
      }
      t.posted += n;
    }
  }
}

void Sim::progress(bool final) {
  if (!draw_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!final && now - last_draw_ < std::chrono::milliseconds(250)) return;
  last_draw_ = now;
  const double s = std::chrono::duration<double>(now - t0_).count();
  std::size_t txp = 0, txn = 0;
  for (auto& t : tx_) txp += t.reaped, txn += t.frames.size();
  fmt::print(stderr, "\r  rx {}/{} frames in, {} copies out | tx {}/{} | {:.1f} us simulated, "
             "{:.2f} Mcycles/s   {}",
             plat_->rx_started(), rx_in_.size(), delivered_, txp, txn,
             double(plat_->now_ns()) / 1000.0, s > 0 ? double(plat_->cycle()) / s / 1e6 : 0.0,
             final ? "\n" : "");
}

int Sim::run() {
  // Inputs first: a bad pcap is a refused scenario (exit 2) that leaves the
  // out dir as it was, like every other refusal. The message names the key.
  auto read_input = [](const fs::path& p, const std::string& key) {
    try {
      return vs::read_pcap(p);
    } catch (const vs::PcapError& e) {
      throw vs::ScenarioError(fmt::format("{}: {}", key, e.what()));
    }
  };
  if (sc_.rx_pcap) rx_in_ = read_input(*sc_.rx_pcap, "rx_pcap");
  for (const auto& t : sc_.tx) {
    TxQ q{t.queue, read_input(t.pcap, fmt::format("tx[{}].pcap", tx_.size())), 0, 0, {}};
    for (std::size_t i = 0; i < q.frames.size(); ++i)
      if (q.frames[i].data.size() < 14 || q.frames[i].data.size() > 16384)
        throw vs::ScenarioError(fmt::format("tx[{}].pcap {}: frame {} is {} bytes; a host frame is "
                                            "14..16384 bytes",
                                            tx_.size(), t.pcap.string(), i,
                                            q.frames[i].data.size()));
    tx_.push_back(std::move(q));
  }
  fs::create_directories(opt_.out);
  for (const auto& e : fs::directory_iterator(opt_.out)) {  // stale outputs of an earlier run
    const std::string n = e.path().filename().string();
    if ((n.rfind("rxq", 0) == 0 && e.path().extension() == ".pcap") || n == "wire_tx.pcap" ||
        n == "stats.json" || n == "events.jsonl")
      fs::remove(e.path());
  }
  if (opt_.gen) {
    // generator: VM v's frames round-robin, offered at load % of line rate
    const double frame_ns = double(opt_.frame_size + 24) * 8.0 / sc_.port_gbps;
    const uint64_t n = uint64_t(opt_.duration_us * 1000.0 / frame_ns * opt_.load / 100.0);
    for (uint64_t i = 0; i < n; ++i)
      rx_in_.push_back({gen_frame(unsigned(i % opt_.vms), i, opt_.frame_size), 0,
                        opt_.frame_size});
  }
  setup();
  // auto: a terminal, and not CI (the convention of every long run here)
  draw_ = opt_.progress == "on" || (opt_.progress == "auto" && isatty(2) && std::getenv("CI") == nullptr);
  t0_ = last_draw_ = std::chrono::steady_clock::now();

  rx_dec_.resize(rx_in_.size());
  rx_got_.resize(rx_in_.size());
  rx_lost_.resize(rx_in_.size());
  for (std::size_t i = 0; i < rx_in_.size(); ++i) {
    vmq::model::RxFrame f{rx_in_[i].data, false};
    auto r = rdl_->receive(rxc_, f);
    rx_dec_[i] = r.dec;
    for (auto& c : r.copies) exp_rx_[c.queue].push_back({i, c.bytes});
    plat_->rx_offer(rx_in_[i].data);
  }

  const uint64_t stuck = uint64_t(double(opt_.stuck_us) * 1000.0 / plat_->ns_per_cycle());
  uint64_t quiet_since = 0;
  last_progress_cycle_ = plat_->cycle();
  uint64_t last_started = 0;
  for (;;) {
    plat_->run(poll_cycles_);
    host_poll();
    tx_poll();
    progress(false);
    if (plat_->rx_started() != last_started) {
      last_started = plat_->rx_started();
      last_progress_cycle_ = plat_->cycle();
    }
    bool tx_done = true;
    for (auto& t : tx_) tx_done &= t.reaped == t.frames.size();
    const bool in_done = plat_->rx_queued() == 0 && tx_done;
    if (in_done && plat_->quiet()) {
      if (!quiet_since) quiet_since = plat_->cycle();
      // idle for 2 host read latencies with nothing new: every copy is out
      if (plat_->cycle() - quiet_since > 1000 && plat_->cycle() - last_progress_cycle_ > 1000) break;
    } else {
      quiet_since = 0;
    }
    if (plat_->cycle() - last_progress_cycle_ > stuck) {
      progress(true);
      fmt::print(stderr,
                 "vmq-sim: stuck: nothing moved for {} us of simulated time (cycle {}; {} of {} "
                 "frames offered, {} copies delivered)\n",
                 opt_.stuck_us, plat_->cycle(), plat_->rx_started(), rx_in_.size(), delivered_);
      return 1;
    }
  }
  // final reap with release so that held buffers are not counted as lost
  host_poll();
  progress(true);
  write_outputs();
  if (!mismatches_.empty()) {
    fmt::print(stderr, "vmq-sim: the core disagreed with the reference model {} times (first: {})\n",
               mismatches_.size(), mismatches_.front());
    return 3;
  }
  return 0;
}

void Sim::write_outputs() {
  for (auto& [q, w] : rxq_pcap_) w->close();
  wire_pcap_->close();
  const vmq::Stats st = dev_->stats();
  // Expected copies never delivered (lossy runs; in lossless runs a mismatch).
  for (auto& [q, dq] : exp_rx_)
    for (auto& e : dq) {
      rx_lost_[e.origin].push_back(q);
      if (sc_.lossless)
        mismatch(fmt::format("rx frame {}: the model expected a copy in queue {}, none arrived",
                             e.origin, q));
    }
  for (auto& [q, senders] : exp_loop_)
    for (auto& [sender, dq] : senders)
      if (!dq.empty() && sc_.lossless)
        mismatch(fmt::format("queue {}: {} looped copies from queue {} expected, never arrived", q,
                             dq.size(), sender));
  for (auto& [q, dq] : exp_wire_)
    if (!dq.empty())
      mismatch(fmt::format("tx queue {}: {} frames expected on the wire never appeared", q, dq.size()));

  // Hardware counters against the model's (exact in lossless runs).
  const auto& mg = rdl_->global();
  auto cmp = [&](const char* name, uint64_t hw, uint64_t model) {
    if (hw != model && sc_.lossless)
      mismatch(fmt::format("counter {}: core {} model {}", name, hw, model));
  };
  cmp("rx_frames", st.global.rx_frames, mg.frames);
  cmp("rx_err_drops", st.global.rx_err_drops, mg.err_drops);
  cmp("rx_runt_drops", st.global.rx_runt_drops, mg.runt_drops);
  cmp("rx_oversize_drops", st.global.rx_oversize_drops, mg.oversize_drops);
  cmp("rx_unmatched_drops", st.global.rx_unmatched_drops, mg.unmatched_drops);
  for (auto& [q, spec] : sc_.queues) {
    const auto& hw = st.queues[q];
    const auto& mr = rdl_->queue_stats(q);
    const auto& mt = tdl_->queue_stats(q);
    const std::string p = fmt::format("queue {} ", q);
    cmp((p + "rx_packets").c_str(), hw.rx_packets, mr.packets);
    cmp((p + "rx_bytes").c_str(), hw.rx_bytes, mr.bytes);
    cmp((p + "tx_packets").c_str(), hw.tx_packets, mt.packets);
    cmp((p + "tx_bytes").c_str(), hw.tx_bytes, mt.bytes);
    cmp((p + "tx_spoof_drops").c_str(), hw.tx_spoof_drops, mt.spoof_drops);
    cmp((p + "tx_oversize_drops").c_str(), hw.tx_oversize_drops, mt.oversize_drops);
  }

  json g = json::object();
  for (const auto& [name, field] : vmq::kGlobalCounters) g[name] = st.global.*field;
  json qs = json::object();
  for (auto& [q, spec] : sc_.queues) {
    json c = json::object();
    for (const auto& [name, field] : vmq::kQueueCounters) c[name] = st.queues[q].*field;
    qs[std::to_string(q)] = c;
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
  json out = {{"version", 1},
              {"global", g},
              {"queues", qs},
              {"sim",
               {{"cycles", plat_->cycle()},
                {"core_mhz", plat_->core_mhz()},
                {"wire_gbps", sc_.port_gbps},
                {"model", vs::model_info().name},
                {"seed", opt_.seed},
                {"wall_seconds", wall},
                {"cycles_per_second", wall > 0 ? double(plat_->cycle()) / wall : 0.0},
                {"model_mismatches", mismatches_.size()}}}};
  std::ofstream(opt_.out / "stats.json") << out.dump(2) << "\n";
  if (plat_->dma_faults() || st.global.dma_errors || st.global.queue_errors) {
    fmt::print(stderr,
               "vmq-sim: warning: {} DMA bursts outside the driver's memory, dma_errors {}, "
               "queue_errors {}\n",
               plat_->dma_faults(), st.global.dma_errors, st.global.queue_errors);
    for (const auto& f : plat_->fault_log()) fmt::print(stderr, "  {}\n", f);
    for (auto& [q, spec] : sc_.queues) {
      const vmq::QueueState qs = dev_->queue_state(q);
      if ((qs.rx_status | qs.tx_status) & 4)
        fmt::print(stderr,
                   "vmq-sim: queue {} in ERROR (rx status 0x{:x}, cause {}; tx status 0x{:x}, "
                   "cause {})\n",
                   q, qs.rx_status, vmq::error_cause_name(qs.rx_status), qs.tx_status,
                   vmq::error_cause_name(qs.tx_status));
    }
  }


  std::ofstream ev(opt_.out / "events.jsonl");
  for (std::size_t i = 0; i < rx_in_.size(); ++i) {
    json e = {{"dir", "rx"}, {"index", i}, {"len", rx_in_[i].data.size()}};
    if (rx_dec_[i].drop != vmq::model::Drop::None) {
      e["drop"] = vmq::model::to_string(rx_dec_[i].drop);
    } else {
      e["queues"] = rx_got_[i];
      if (!rx_lost_[i].empty()) e["lost"] = rx_lost_[i];  // buffer or no-descriptor drops
      if (rx_got_[i].empty() && !rx_lost_[i].empty()) e["drop"] = "buffer_or_no_desc";
    }
    ev << e.dump() << "\n";
  }
  for (auto& t : tx_)
    for (std::size_t i = 0; i < t.frames.size(); ++i) {
      const uint64_t key = uint64_t(t.q) << 32 | i;
      json e = {{"dir", "tx"}, {"queue", t.q}, {"index", i}, {"len", t.frames[i].data.size()}};
      e["result"] = i < t.status.size() ? vmq::tx_status_name(t.status[i]) : "pending";
      e["wire"] = tx_wire_seen_.count(key) > 0;
      e["loop_queues"] = loop_got_.count(key) ? loop_got_[key] : std::vector<unsigned>{};
      ev << e.dump() << "\n";
    }

  fmt::print("vmq-sim: {} rx frames ({} dropped at admission), {} copies delivered, {} tx frames, "
             "{} on the wire; {} cycles ({:.1f} us) in {:.2f} s ({:.3f} Mcycles/s)\n",
             rx_in_.size(),
             st.global.rx_err_drops + st.global.rx_runt_drops + st.global.rx_oversize_drops +
                 st.global.rx_unmatched_drops + st.global.rx_buffer_drops,
             delivered_, [&] {
               std::size_t n = 0;
               for (auto& t : tx_) n += t.frames.size();
               return n;
             }(),
             wire_frames_, plat_->cycle(), double(plat_->now_ns()) / 1000.0, wall,
             wall > 0 ? double(plat_->cycle()) / wall / 1e6 : 0.0);
  fmt::print("vmq-sim: outputs in {}\n", opt_.out.string());
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  try {
    if (const int rc = parse_args(argc, argv, opt); rc >= 0) return rc;
  } catch (const Usage& u) {
    fmt::print(stderr, "vmq-sim: {}\nRun with --help for more information.\n", u.what());
    return 2;
  }
  const vs::ModelInfo mi = vs::model_info();
  vs::Scenario sc;
  try {
    if (opt.gen) {
      // N VMs behind one port: queue v+1 owns 02:00:00:00:00:0(v+1)
      nlohmann::json j = {{"version", 1}, {"port_gbps", opt.port_gbps}, {"max_frame", 9018}};
      j["filters"] = json::array();
      for (unsigned v = 0; v < opt.vms; ++v)
        j["filters"].push_back({{"type", "mac"},
                                {"mac", fmt::format("02:00:00:00:00:{:02x}", v + 1)},
                                {"queues", {v + 1}}});
      sc = vs::parse_scenario(j, fs::current_path(), {mi.num_queues, mi.num_filters, mi.max_frame_bytes});
    } else {
      sc = vs::load_scenario(opt.scenario, {mi.num_queues, mi.num_filters, mi.max_frame_bytes});
    }
    if (sc.port_gbps > 250.0 * mi.data_w / 1000.0)
      throw vs::ScenarioError(fmt::format("port_gbps: {} is more than this build's core carries "
                                          "(DataW {} at 250 MHz = {} Gb/s)",
                                          sc.port_gbps, mi.data_w, 250.0 * mi.data_w / 1000.0));
  } catch (const vs::ScenarioError& e) {
    fmt::print(stderr, "vmq-sim: scenario refused: {}\n", e.what());
    return 2;
  }
  try {
    Sim sim(opt, std::move(sc));
    return sim.run();
  } catch (const vs::ScenarioError& e) {
    fmt::print(stderr, "vmq-sim: scenario refused: {}\n", e.what());
    return 2;
  } catch (const vs::PcapError& e) {
    fmt::print(stderr, "vmq-sim: scenario refused: {}\n", e.what());
    return 2;
  } catch (const vmq::Error& e) {
    fmt::print(stderr, "vmq-sim: {}: {}\n", vmq::errc_name(e.code()), e.what());
    return e.code() == vmq::Errc::InvalidArgument ? 2 : 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "vmq-sim: error: {}\n", e.what());
    return 1;
  }
}
