// Tests of vmq_mac_10g (docs/eth-mac.md) through mac_tb_top: TX and RX on one
// clock, the XGMII looped from TX to RX by the bench (through a delay line,
// where it can corrupt lanes), or RX fed with hand-made XGMII streams.
//
// Every run checks, independently of the RTL's CRC:
// - TX XGMII: only /I/ between frames, /S/ on lane 0 or 4, exact preamble
//   and SFD, each frame's bytes = the input (zero-padded to MinDataBytes)
//   followed by the zlib FCS, >= 64 bytes SFD..T, /E/ /T/ on underrun and
//   4 x /E/ /T/ on abort; the gap before every /S/ against the deficit idle
//   count (>= the DIC minimum; equal to it when the input never starves);
// - RX AXI-Stream: every output frame equals what the lane-by-lane RX model
//   (mac_ref.hpp) derives from the XGMII the RX was given: bytes, tkeep,
//   tuser; in loopback also frame by frame against the input (good frames
//   byte-exact with tuser 0, each error of the kind the bench caused);
// - all eight counters at the end.
//
// Modes (--mode): sizes, errors, underrun, rx, random, gap, linerate.
// A failure names the frame index, the byte offset and the cycle.
#include VMQ_MODEL_HEADER

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "mac_ref.hpp"
#include "vmq_tb.hpp"

#ifndef VMQ_PARAM_MinDataBytes
#define VMQ_PARAM_MinDataBytes 60
#endif

namespace {

using namespace vmq::tb;
using namespace vmq::mac;

constexpr size_t kMin = VMQ_PARAM_MinDataBytes;

struct Job {
  std::vector<uint8_t> data;
  bool abort = false;  // tuser on tlast
  int und_beat = -1;   // this beat is held back und_len cycles (an underrun if the MAC wanted it)
  int und_len = 0;
  int idle_before = 0;  // cycles without tvalid before the first beat
  enum class Corrupt { None, FcsFlip, InjectE, PreFlip } corrupt = Corrupt::None;
  size_t corrupt_off = 0;  // frame byte (FcsFlip, InjectE) or preamble lane 1..7 (PreFlip)
  uint8_t corrupt_mask = 0;
  bool und_seen = false;     // tvalid was low while tready was high mid-frame
  uint64_t beat1_cycle = 0;  // cycle the second beat was taken
  size_t beats() const { return std::max<size_t>(1, (data.size() + 7) / 8); }
  size_t padded() const { return std::max(data.size(), kMin); }
  RxKind expect_kind() const {
    if (und_seen || abort || corrupt == Corrupt::InjectE || corrupt == Corrupt::PreFlip)
      return RxKind::Code;
    if (corrupt == Corrupt::FcsFlip) return RxKind::Fcs;
    return RxKind::Good;
  }
};

struct GapStats {
  uint64_t n = 0, sum = 0, min = ~0ULL, max = 0;
  std::map<uint64_t, uint64_t> hist;
  void add(uint64_t g) {
    ++n;
    sum += g;
    min = std::min(min, g);
    max = std::max(max, g);
    ++hist[g];
  }
  double avg() const { return n ? double(sum) / double(n) : 0; }
};

class Bench {
 public:
  // knobs
  bool loopback = true;
  unsigned delay = 0;       // extra cycles on the TX -> RX loop
  bool strict_gap = false;  // the input never starves: every gap must be the DIC minimum
  uint64_t total_jobs = 0;
  std::function<Job(uint64_t)> gen;
  WireBuilder* direct = nullptr;  // RX fed from here instead of the loop

  Bench(const Args& args, const std::string& name)
      : name_(name), clk_(args, "mac"), rng_(args.seed) {
    auto& d = clk_.dut();
    d.s_tx_tvalid_i = 0;
    d.s_tx_tdata_i = 0;
    d.s_tx_tkeep_i = 0;
    d.s_tx_tlast_i = 0;
    d.s_tx_tuser_i = 0;
    d.xgmii_rxd_i = 0x0707070707070707ULL;
    d.xgmii_rxc_i = 0xff;
    clk_.reset();
    tx_.on_start = [this](uint64_t k, uint64_t pos) { on_tx_start(k, pos); };
    tx_.on_frame = [this](const WireFrame& f) { on_tx_frame(f); };
  }

  Rng& rng() { return rng_; }
  uint64_t cycle() const { return clk_.cycle(); }
  const GapStats& gaps() const { return gaps_; }
  const RxRef& rxref() const { return ref_; }
  uint64_t first_s_pos = 0, last_s_pos = 0, wire_frames = 0;
  uint64_t rx_frames_seen = 0;
  std::vector<RxExpect> received;  // RX-only mode keeps every output frame
  uint64_t count_good = 0, count_abort = 0, count_und = 0, count_fcs = 0, count_code = 0;
  // latencies in cycles: TX second beat taken -> its first byte on the XGMII;
  // RX first data byte on the XGMII -> on m_rx_tdata_o
  GapStats tx_lat, rx_lat;

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(fmt::format("cycle {}: {}", clk_.cycle(), what));
  }

  // Runs until every job is sent and checked (loopback) or the direct stream
  // is consumed, then idles until the RX is quiet; checks the counters.
  void run() {
    auto t0 = std::chrono::steady_clock::now();
    uint64_t quiet = 0;
    const uint64_t limit = 20000000000ULL;  // the 20000-cycle hang check below is the real guard
    while (true) {
      step();
      const bool tx_done = drv_k_ >= total_jobs && tx_k_ >= total_jobs && !tx_.in_frame();
      const bool rx_done = !loopback ? (direct_pos_ >= direct->lanes.size() && ref_.out.empty())
                                     : rx_k_ >= total_jobs;
      if (tx_done && rx_done) {
        if (++quiet > 32) break;
      } else {
        quiet = 0;
      }
      if (clk_.cycle() > limit) fail("no progress: cycle limit reached");
      if (clk_.cycle() - last_progress_ > 20000)
        fail(
            fmt::format("hang: nothing on TX or RX for 20000 cycles (driver job {}, TX wire {}, "
                        "RX {})",
                        drv_k_, tx_k_, rx_k_));
    }
    secs_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    check_counters();
    if (tx_lat.n)
      fmt::print("{}: TX latency: second beat taken -> its first byte on the XGMII {}..{} cycles\n",
                 name_, tx_lat.min, tx_lat.max);
    if (rx_lat.n)
      fmt::print("{}: RX latency: first data byte on the XGMII -> on m_rx_tdata_o {}..{} cycles\n",
                 name_, rx_lat.min, rx_lat.max);
  }
  double secs() const { return secs_; }

 private:
  std::string name_;
  Clocked<VMQ_MODEL> clk_;
  Rng rng_;
  TxWireChecker tx_;
  RxRef ref_;
  Dic dic_;
  GapStats gaps_;
  double secs_ = 0;
  uint64_t last_progress_ = 0;

  // jobs [jobs_base_, jobs_base_ + jobs_.size())
  std::deque<Job> jobs_;
  uint64_t jobs_base_ = 0;
  uint64_t drv_k_ = 0, tx_k_ = 0, rx_k_ = 0;
  // driver
  size_t beat_ = 0;
  int idle_left_ = -1;  // -1: not loaded yet
  int bubble_left_ = -1;
  // wire
  std::deque<std::array<Lane, 8>> loop_;
  uint64_t pre_lane_ = 0;
  bool have_t_ = false;
  uint64_t last_t_ = 0;
  // RX monitor
  std::vector<uint8_t> rx_bytes_;
  std::vector<uint64_t> rx_beat_cycle_;
  size_t direct_pos_ = 0;
  uint64_t rx_in_base_ = ~0ULL;  // cycle of the first RX input word after reset
  // expected counters
  uint64_t e_tx_frames_ = 0, e_tx_bytes_ = 0, e_tx_und_ = 0, e_tx_err_ = 0;

  Job& job(uint64_t k) {
    while (jobs_base_ + jobs_.size() <= k) jobs_.push_back(gen(jobs_base_ + jobs_.size()));
    return jobs_[k - jobs_base_];
  }
  void retire() {
    const uint64_t done = loopback ? std::min(tx_k_, rx_k_) : tx_k_;
    while (jobs_base_ < done && !jobs_.empty() && jobs_base_ < drv_k_) {
      jobs_.pop_front();
      ++jobs_base_;
    }
  }

  // ---------------------------------------------------------- TX driver
  void drive_tx() {
    auto& d = clk_.dut();
    d.s_tx_tvalid_i = 0;
    if (drv_k_ >= total_jobs) return;
    Job& j = job(drv_k_);
    if (idle_left_ < 0) idle_left_ = j.idle_before;
    if (beat_ == 0 && idle_left_ > 0) return;
    if (int(beat_) == j.und_beat) {
      if (bubble_left_ < 0) bubble_left_ = j.und_len;
      if (bubble_left_ > 0) return;
    }
    const size_t n = j.data.size();
    uint64_t w = 0;
    const size_t base = beat_ * 8;
    const size_t cnt = std::min<size_t>(8, n - base);
    for (size_t i = 0; i < cnt; ++i) w |= uint64_t(j.data[base + i]) << (8 * i);
    const bool last = beat_ + 1 == j.beats();
    d.s_tx_tdata_i = w;
    d.s_tx_tkeep_i = uint8_t((1u << cnt) - 1);
    d.s_tx_tlast_i = last;
    d.s_tx_tuser_i = last && j.abort;
    d.s_tx_tvalid_i = 1;
  }
  void sample_tx() {
    auto& d = clk_.dut();
    if (drv_k_ >= total_jobs) return;
    Job& j = job(drv_k_);
    if (d.s_tx_tvalid_i) {
      if (d.s_tx_tready_o) {
        last_progress_ = clk_.cycle();
        if (beat_ == 1) j.beat1_cycle = clk_.cycle();
        if (++beat_ == j.beats()) {
          ++drv_k_;
          beat_ = 0;
          idle_left_ = -1;
          bubble_left_ = -1;
        }
      }
    } else if (beat_ == 0 && idle_left_ > 0) {
      --idle_left_;
    } else if (bubble_left_ > 0) {
      if (d.s_tx_tready_o && beat_ >= 1) j.und_seen = true;
      --bubble_left_;
    }
  }

  // ----------------------------------------------------- TX XGMII checks
  void on_tx_start(uint64_t k, uint64_t pos) {
    if (wire_frames == 0) first_s_pos = pos;
    last_s_pos = pos;
    ++wire_frames;
    pre_lane_ = 0;
    if (k >= total_jobs || k >= drv_k_ + 1)
      fail(
          fmt::format("TX XGMII: /S/ of frame {} at cycle {} lane {} before its first beat was "
                      "given",
                      k, pos / 8, pos % 8));
    if (have_t_) {
      const uint64_t gap = pos - last_t_;
      const uint64_t gmin = dic_.min_gap(last_t_);
      if (gap < gmin || (strict_gap && gap != gmin))
        fail(
            fmt::format("TX XGMII: frame {} /S/ at cycle {} lane {}: gap {} bytes after the /T/ "
                        "at cycle {} lane {}, expected {} {} (deficit idle count {})",
                        k, pos / 8, pos % 8, gap, last_t_ / 8, last_t_ % 8,
                        strict_gap ? "exactly" : "at least", gmin, dic_.d));
      gaps_.add(gap);
      dic_.update(gap);
    }
  }

  void on_tx_frame(const WireFrame& f) {
    const uint64_t k = f.index;
    if (k != tx_k_) fail("TX XGMII: frame index out of step");
    Job& j = job(k);
    last_progress_ = clk_.cycle();
    auto at_cycle = [&](size_t off) { return (f.s_pos + 8 + off) / 8; };
    auto cmp = [&](const std::vector<uint8_t>& exp, const char* what) {
      const size_t n = std::min(exp.size(), f.bytes.size());
      for (size_t i = 0; i < n; ++i)
        if (f.bytes[i] != exp[i])
          fail(
              fmt::format("TX XGMII frame {} ({} bytes in, {}): byte {} is {:#04x}, expected "
                          "{:#04x} (wire cycle {})",
                          k, j.data.size(), what, i, f.bytes[i], exp[i], at_cycle(i)));
      if (f.bytes.size() != exp.size())
        fail(
            fmt::format("TX XGMII frame {} ({} bytes in, {}): {} bytes between SFD and the end, "
                        "expected {} (wire cycle {})",
                        k, j.data.size(), what, f.bytes.size(), exp.size(), f.t_pos / 8));
    };
    std::vector<uint8_t> padded = j.data;
    padded.resize(j.padded(), 0);
    if (j.und_seen) {
      std::vector<uint8_t> exp(j.data.begin(), j.data.begin() + 8 * j.und_beat);
      cmp(exp, "underrun");
      if (f.n_err != 1)
        fail(
            fmt::format("TX XGMII frame {} (underrun at beat {}): {} /E/ before /T/, expected 1 "
                        "(cycle {})",
                        k, j.und_beat, f.n_err, f.t_pos / 8));
      ++e_tx_und_;
      ++count_und;
    } else if (j.abort) {
      cmp(padded, "aborted");
      if (f.n_err != 4)
        fail(
            fmt::format("TX XGMII frame {} (aborted): {} /E/ in place of the FCS, expected 4 "
                        "(cycle {})",
                        k, f.n_err, f.t_pos / 8));
      ++e_tx_err_;
      ++count_abort;
    } else {
      if (f.n_err)
        fail(fmt::format("TX XGMII frame {}: /E/ in a good frame (cycle {})", k, f.t_pos / 8));
      std::vector<uint8_t> exp = padded;
      append_fcs(exp);  // zlib, not the RTL's CRC
      cmp(exp, "good");
      if (kMin >= 60 && f.bytes.size() < 64)
        fail(fmt::format("TX XGMII frame {}: {} bytes between SFD and /T/ (< 64)", k,
                         f.bytes.size()));
      ++e_tx_frames_;
      e_tx_bytes_ += padded.size();
      if (j.beats() >= 2) tx_lat.add((f.s_pos + 16) / 8 - j.beat1_cycle);
    }
    have_t_ = true;
    last_t_ = f.t_pos;
    ++tx_k_;
    retire();
  }

  // corrupt a lane on its way from TX to RX (only good frames are corrupted)
  Lane corrupt(Lane l, int64_t off) {
    const uint64_t k = tx_.frames() - 1;
    if (k >= total_jobs) return l;
    Job& j = job(k);
    if (j.corrupt == Job::Corrupt::None || j.abort || j.und_seen) return l;
    if (off == -2) {  // preamble lane (0 = /S/)
      const uint64_t p = pre_lane_++;
      if (j.corrupt == Job::Corrupt::PreFlip && p == j.corrupt_off) l.d ^= j.corrupt_mask;
      return l;
    }
    if (off < 0 || size_t(off) != j.corrupt_off) return l;
    if (j.corrupt == Job::Corrupt::FcsFlip) l.d ^= j.corrupt_mask;
    if (j.corrupt == Job::Corrupt::InjectE) l = Lane{kError, true};
    return l;
  }

  // ------------------------------------------------------------ RX monitor
  void sample_rx() {
    auto& d = clk_.dut();
    // not required by the interface, but a property of this RX (docs/eth-mac.md)
    if (!d.m_rx_tvalid_o && !rx_bytes_.empty())
      fail(fmt::format("RX frame {}: tvalid low in the middle of a frame (after byte {})",
                       rx_frames_seen, rx_bytes_.size()));
    if (!d.m_rx_tvalid_o) return;
    last_progress_ = clk_.cycle();
    const uint8_t keep = d.m_rx_tkeep_o;
    const bool last = d.m_rx_tlast_o;
    const uint64_t k = rx_frames_seen;
    if (keep == 0 || (keep & (keep + 1)) != 0)
      fail(fmt::format("RX frame {} byte {}: tkeep {:#04x} is not a run of ones from bit 0", k,
                       rx_bytes_.size(), keep));
    if (!last && keep != 0xff)
      fail(fmt::format("RX frame {} byte {}: tkeep {:#04x} on a beat that is not the last", k,
                       rx_bytes_.size(), keep));
    if (!last && d.m_rx_tuser_o)
      fail(fmt::format("RX frame {} byte {}: tuser on a beat that is not the last", k,
                       rx_bytes_.size()));
    for (unsigned i = 0; i < 8; ++i) {
      const uint8_t b = get_byte(d.m_rx_tdata_o, i);
      if (keep >> i & 1) {
        rx_bytes_.push_back(b);
        rx_beat_cycle_.push_back(clk_.cycle());
      } else if (b != 0) {
        fail(
            fmt::format("RX frame {} beat at cycle {}: byte lane {} outside tkeep is {:#04x}, "
                        "not 0",
                        k, clk_.cycle(), i, b));
      }
    }
    if (last) rx_frame_done(d.m_rx_tuser_o);
  }

  void rx_frame_done(bool tuser) {
    const uint64_t k = rx_frames_seen++;
    if (ref_.out.empty())
      fail(fmt::format("RX frame {}: output with no frame on the RX XGMII to account for it", k));
    RxExpect e = std::move(ref_.out.front());
    ref_.out.pop_front();
    auto where = [&](size_t i) {
      return fmt::format("RX frame {} (/S/ at RX input cycle {} lane {}, {} bytes SFD..end, {})", k,
                         e.s_pos / 8, e.s_pos % 8, e.frame_bytes, kind_name(e.kind));
    };
    const size_t n = std::min(e.data.size(), rx_bytes_.size());
    for (size_t i = 0; i < n; ++i)
      if (rx_bytes_[i] != e.data[i])
        fail(fmt::format("{}: byte {} is {:#04x}, expected {:#04x} (output cycle {})", where(i), i,
                         rx_bytes_[i], e.data[i], rx_beat_cycle_[i]));
    if (rx_bytes_.size() != e.data.size())
      fail(fmt::format("{}: {} bytes out, expected {}", where(0), rx_bytes_.size(), e.data.size()));
    if (tuser != e.tuser) fail(fmt::format("{}: tuser {}, expected {}", where(0), tuser, e.tuser));
    if (e.kind == RxKind::Fcs) ++count_fcs;
    if (e.kind == RxKind::Code) ++count_code;
    if (e.kind == RxKind::Good) {
      ++count_good;
      rx_lat.add(rx_beat_cycle_[0] - (rx_in_base_ + (e.s_pos + 8) / 8));
    }
    if (loopback) {
      // end to end: against what went in
      Job& j = job(rx_k_);
      if (e.kind != j.expect_kind())
        fail(fmt::format("{}: loopback of input frame {} ({} bytes{}{}{}) came out {}, expected {}",
                         where(0), rx_k_, j.data.size(), j.abort ? ", aborted" : "",
                         j.und_seen ? ", underrun" : "",
                         j.corrupt != Job::Corrupt::None ? ", corrupted on the wire" : "",
                         kind_name(e.kind), kind_name(j.expect_kind())));
      if (e.kind == RxKind::Good) {
        std::vector<uint8_t> padded = j.data;
        padded.resize(j.padded(), 0);
        for (size_t i = 0; i < std::min(padded.size(), rx_bytes_.size()); ++i)
          if (padded[i] != rx_bytes_[i])
            fail(fmt::format("{}: byte {} is {:#04x}, input frame {} had {:#04x}", where(i), i,
                             rx_bytes_[i], rx_k_, padded[i]));
        if (padded.size() != rx_bytes_.size())
          fail(fmt::format("{}: {} bytes, input frame {} padded is {}", where(0), rx_bytes_.size(),
                           rx_k_, padded.size()));
      }
      ++rx_k_;
      retire();
    } else {
      e.data = rx_bytes_;
      received.push_back(std::move(e));
    }
    rx_bytes_.clear();
    rx_beat_cycle_.clear();
  }

  // ------------------------------------------------------------------ cycle
  void step() {
    auto& d = clk_.dut();
    if (rx_in_base_ == ~0ULL) rx_in_base_ = clk_.cycle();
    drive_tx();
    std::array<Lane, 8> in{};
    if (loopback) {
      if (loop_.size() > delay) {
        in = loop_.front();
        loop_.pop_front();
      }
    } else if (direct) {
      for (unsigned i = 0; i < 8; ++i) in[i] = direct->at(direct_pos_ + i);
      direct_pos_ += 8;
    }
    uint64_t rxd = 0;
    uint8_t rxc = 0;
    for (unsigned i = 0; i < 8; ++i) {
      rxd |= uint64_t(in[i].d) << (8 * i);
      rxc |= uint8_t(in[i].c) << i;
      ref_.lane(in[i]);
    }
    d.xgmii_rxd_i = rxd;
    d.xgmii_rxc_i = rxc;
    clk_.settle();
    sample_tx();
    std::array<Lane, 8> out;
    const uint64_t txd = d.xgmii_txd_o;
    const uint8_t txc = d.xgmii_txc_o;
    for (unsigned i = 0; i < 8; ++i) {
      Lane l{uint8_t(txd >> (8 * i)), bool(txc >> i & 1)};
      const int64_t off = tx_.lane(l, 8 * clk_.cycle() + i);
      out[i] = loopback ? corrupt(l, off) : l;
    }
    if (loopback) loop_.push_back(out);
    sample_rx();
    clk_.edge();
  }

  void check_counters() {
    auto& d = clk_.dut();
    struct C {
      const char* name;
      uint32_t got;
      uint64_t exp;
    } cs[] = {
        {"tx_frames", d.tx_frames_o, e_tx_frames_},
        {"tx_bytes", d.tx_bytes_o, e_tx_bytes_},
        {"tx_underruns", d.tx_underruns_o, e_tx_und_},
        {"tx_errors", d.tx_errors_o, e_tx_err_},
        {"rx_frames", d.rx_frames_o, ref_.frames},
        {"rx_bytes", d.rx_bytes_o, ref_.bytes},
        {"rx_fcs_errors", d.rx_fcs_errors_o, ref_.fcs_errors},
        {"rx_code_errors", d.rx_code_errors_o, ref_.code_errors},
    };
    for (const auto& c : cs)
      if (c.got != uint32_t(c.exp))
        fail(fmt::format("counter {} is {}, expected {} (mod 2^32)", c.name, c.got,
                         uint32_t(c.exp)));
    fmt::print(
        "{}: counters tx_frames={} tx_bytes={} tx_underruns={} tx_errors={} rx_frames={} "
        "rx_bytes={} rx_fcs_errors={} rx_code_errors={} (all as expected)\n",
        name_, d.tx_frames_o, d.tx_bytes_o, d.tx_underruns_o, d.tx_errors_o, d.rx_frames_o,
        d.rx_bytes_o, d.rx_fcs_errors_o, d.rx_code_errors_o);
  }
};

std::vector<uint8_t> random_bytes(Rng& r, size_t n) {
  std::vector<uint8_t> v(n);
  for (auto& b : v) b = uint8_t(r.u64());
  return v;
}

Job plain_job(Rng& r, size_t n) {
  Job j;
  j.data = random_bytes(r, n);
  return j;
}

// a random size: mostly small, some standard, a few jumbo
size_t mixed_size(Rng& r, size_t max) {
  const uint64_t p = r.range(0, 99);
  if (p < 70) return r.range(1, 256);
  if (p < 95) return r.range(257, std::min<size_t>(1518, max));
  return r.range(1, max);
}

void add_corruption(Rng& r, Job& j, double p_fcs, double p_e, double p_pre) {
  const double x = double(r.range(0, 999999)) / 1e6;
  const size_t fb = j.padded() + 4;  // frame bytes on the wire
  if (x < p_fcs) {
    j.corrupt = Job::Corrupt::FcsFlip;
    j.corrupt_off = r.range(0, fb - 1);
    j.corrupt_mask = uint8_t(1u << r.range(0, 7));
    if (r.chance(0.3)) j.corrupt_mask |= uint8_t(r.u64()) | 1;
  } else if (x < p_fcs + p_e) {
    j.corrupt = Job::Corrupt::InjectE;
    j.corrupt_off = r.range(0, fb - 1);
  } else if (x < p_fcs + p_e + p_pre) {
    j.corrupt = Job::Corrupt::PreFlip;
    j.corrupt_off = r.range(1, 7);
    j.corrupt_mask = uint8_t(1u << r.range(0, 7));
  }
}

void add_underrun(Rng& r, Job& j) {
  if (j.beats() < 2) return;
  j.und_beat = int(r.range(1, j.beats() - 1));
  // beat 1 is wanted only once the frame has started (after the gap):
  // a long hold-back makes sure it is an underrun
  j.und_len = j.und_beat == 1 ? int(r.range(20, 40)) : int(r.range(1, 12));
}

void print_gaps(const std::string& name, const GapStats& g) {
  fmt::print(
      "{}: IPG (bytes from /T/ to the next /S/, /T/ counted) over {} gaps: min {} avg "
      "{:.5f} max {}\n",
      name, g.n, g.min, g.avg(), g.max);
  // gaps above 16 only come from an input that was not ready: one bucket
  fmt::print("{}: IPG histogram (bytes:count):", name);
  uint64_t longer = 0;
  for (auto [v, c] : g.hist) {
    if (v <= 16)
      fmt::print(" {}:{}", v, c);
    else
      longer += c;
  }
  if (longer) fmt::print(" >16:{}", longer);
  fmt::print("\n");
}

int run_mode(const Args& args, const std::string& mode, const std::string& name) {
  Bench b(args, name);
  Rng& r = b.rng();
  b.delay = unsigned(args.get("delay", r.range(0, 5)));
  uint64_t n = 0;

  if (mode == "sizes") {
    // every size 1..max, then the oversize ones, back to back
    const size_t max = args.get("max", 9216);
    std::vector<size_t> sizes;
    for (size_t s = 1; s <= max; ++s) sizes.push_back(s);
    for (size_t s : {16000, 16383}) sizes.push_back(s);
    b.total_jobs = sizes.size();
    b.strict_gap = true;
    b.gen = [&](uint64_t k) { return plain_job(r, sizes[k]); };
    b.run();
    if (b.count_good != sizes.size()) b.fail("not every frame came back good");
    fmt::print(
        "{}: {} frames (sizes 1..{}, 16000, 16383) TX -> RX, all byte-exact with FCS "
        "checked by zlib{}; {} cycles, {:.1f} s\n",
        name, sizes.size(), max, kMin >= 60 ? " and >= 64 bytes SFD..T" : "", b.cycle(), b.secs());
    print_gaps(name, b.gaps());
    return 0;
  }
  if (mode == "errors") {
    // aborts (tuser), FCS bit flips, /E/ injected, preamble/SFD bit flips
    n = args.get("frames", 4000);
    b.total_jobs = n;
    b.gen = [&](uint64_t) {
      Job j = plain_job(r, mixed_size(r, 2000));
      j.abort = r.chance(0.15);
      if (!j.abort) add_corruption(r, j, 0.25, 0.2, 0.1);
      j.idle_before = r.chance(0.5) ? 0 : int(r.range(1, 20));
      return j;
    };
    b.run();
    if (b.count_fcs < n / 10 || b.count_code < n / 10 || b.count_abort < n / 20)
      b.fail("too few error frames: stress too weak");
    fmt::print(
        "{}: {} frames: {} good, {} FCS errors, {} code errors ({} aborted by tuser); "
        "delay {}; {} cycles, {:.1f} s\n",
        name, n, b.count_good, b.count_fcs, b.count_code, b.count_abort, b.delay, b.cycle(),
        b.secs());
    return 0;
  }
  if (mode == "underrun") {
    n = args.get("frames", 3000);
    b.total_jobs = n;
    b.gen = [&](uint64_t) {
      Job j = plain_job(r, r.chance(0.5) ? r.range(9, 200) : mixed_size(r, 3000));
      if (r.chance(0.4)) add_underrun(r, j);
      j.idle_before = r.chance(0.7) ? 0 : int(r.range(1, 10));
      return j;
    };
    b.run();
    if (b.count_und < n / 5) b.fail("too few underruns: stress too weak");
    fmt::print(
        "{}: {} frames, {} underruns (/E/ on the XGMII, tuser at RX, rest discarded), the "
        "other {} good; {} cycles, {:.1f} s\n",
        name, n, b.count_und, b.count_good, b.cycle(), b.secs());
    return 0;
  }
  if (mode == "random") {
    n = args.get("frames", 50000);
    b.total_jobs = n;
    b.gen = [&](uint64_t) {
      Job j = plain_job(r, mixed_size(r, 9216));
      const uint64_t p = r.range(0, 99);
      if (p < 3)
        j.abort = true;
      else if (p < 6)
        add_underrun(r, j);
      else
        add_corruption(r, j, 0.02, 0.015, 0.01);
      const uint64_t q = r.range(0, 99);
      j.idle_before = q < 60 ? 0 : q < 90 ? int(r.range(1, 4)) : int(r.range(5, 60));
      return j;
    };
    b.run();
    fmt::print(
        "{}: {} frames: {} good, {} underruns, {} aborted, {} FCS errors, {} code errors; "
        "delay {}; {} cycles, {:.1f} s ({:.2f} Mcycles/s)\n",
        name, n, b.count_good, b.count_und, b.count_abort, b.count_fcs, b.count_code, b.delay,
        b.cycle(), b.secs(), b.cycle() / b.secs() / 1e6);
    print_gaps(name, b.gaps());
    return 0;
  }
  if (mode == "gap") {
    n = args.get("frames", 100000);
    b.total_jobs = n;
    b.strict_gap = true;
    b.gen = [&](uint64_t) { return plain_job(r, mixed_size(r, 9216)); };
    b.run();
    const GapStats& g = b.gaps();
    print_gaps(name, g);
    if (g.min < 9 || g.max > 15)
      b.fail(fmt::format("IPG outside 9..15: min {} max {}", g.min, g.max));
    if (std::abs(g.avg() - 12.0) > 0.01)
      b.fail(fmt::format("average IPG {:.5f}, not 12 +- 0.01", g.avg()));
    fmt::print("{}: {} frames back to back, every IPG the DIC minimum; {} cycles, {:.1f} s\n", name,
               n, b.cycle(), b.secs());
    return 0;
  }
  if (mode == "linerate") {
    n = args.get("frames", 20000);
    const size_t size = args.get("size", 60);
    b.total_jobs = n;
    b.strict_gap = true;
    b.gen = [&](uint64_t) { return plain_job(r, size); };
    b.run();
    if (b.count_good != n) b.fail(fmt::format("{} of {} frames came back good", b.count_good, n));
    const double cpf = double(b.last_s_pos - b.first_s_pos) / 8.0 / double(b.wire_frames - 1);
    const double wire = double(std::max(size, kMin) + 4 + 8 + 12);
    const double want = wire / 8.0;
    const double fps = 156.25e6 / cpf;
    fmt::print(
        "{}: {} frames of {} data bytes back to back: {:.5f} cycles/frame (line rate {:.2f}), "
        "{:.4f} Mframes/s, {:.4f} Gb/s on the wire (preamble+frame+IPG), {:.4f} Gb/s of "
        "frames incl. FCS at 156.25 MHz; all received; {} cycles, {:.1f} s\n",
        name, n, size, cpf, want, fps / 1e6, fps * wire * 8 / 1e9,
        fps * double(std::max(size, kMin) + 4) * 8 / 1e9, b.cycle(), b.secs());
    if (std::abs(cpf / want - 1.0) > 0.001)
      b.fail(fmt::format("{:.5f} cycles per frame, line rate is {:.2f}", cpf, want));
    return 0;
  }
  throw std::runtime_error("unknown --mode " + mode);
}

// ----------------------------------------------------------------- RX only
// Hand-made XGMII: every frame-byte count 0..72 with both start lanes and
// every gap 1..16 lanes (/T/ and /S/ in one word included), runts, oversize,
// bad preamble/SFD, FCS errors, /E/ inside, frames without /T/, frames cut by
// /S/, stray /S/ /T/ /E/, then random garbage; each directed frame is also
// checked against its intended outcome.
int run_rx(const Args& args, const std::string& name) {
  Bench b(args, name);
  Rng& r = b.rng();
  WireBuilder w;
  std::vector<RxExpect> intent;
  auto expect = [&](std::vector<uint8_t> data, bool tuser, RxKind k) {
    RxExpect e;
    e.data = std::move(data);
    e.tuser = tuser;
    e.kind = k;
    intent.push_back(std::move(e));
  };
  auto good_frame = [&](size_t n) {  // n data bytes + FCS
    std::vector<uint8_t> d = random_bytes(r, n), f = d;
    append_fcs(f);
    w.frame(f);
    expect(d, false, RxKind::Good);
  };
  w.idle(16);
  // sizes x start lanes x gaps
  for (size_t fb = 0; fb <= 72; ++fb)
    for (unsigned lane : {0u, 4u})
      for (unsigned gap = 1; gap <= 16; gap += (fb < 12 ? 1 : 5)) {
        // the gap counts the /T/: gap - 1 idles after it, then the start lane
        w.idle(gap - 1);
        if (lane == 4 && w.lanes.size() % 8 > 4) w.idle(8 - w.lanes.size() % 8);
        w.start_lane(lane);
        if (fb >= 4) {
          good_frame(fb - 4);
          if (fb == 4) intent.back() = RxExpect{0, 0, {0}, true, RxKind::Fcs, 0};
        } else {
          w.frame(random_bytes(r, fb));
          expect({0}, true, RxKind::Fcs);
        }
      }
  w.align4(2);
  // oversize
  for (size_t n : {1519, 9216, 16000, 16383}) {
    w.align4(1);
    good_frame(n);
  }
  // bad SFD / preamble, control in the preamble
  for (uint8_t sfd : {0xD4, 0x55, 0xD7, 0x00}) {
    w.align4(1);
    std::vector<uint8_t> d = random_bytes(r, 64), f = d;
    append_fcs(f);
    w.preamble(sfd);
    w.bytes(f);
    w.put(kTerm, true);
    expect(d, true, RxKind::Code);
  }
  for (int lane = 1; lane <= 6; ++lane) {
    w.align4(1);
    std::vector<uint8_t> d = random_bytes(r, 70), f = d;
    append_fcs(f);
    w.put(kStart, true);
    for (int i = 1; i <= 6; ++i) {
      if (i == lane)
        lane % 2 ? w.put(kPre ^ 0x10, false) : w.put(kIdle, true);
      else
        w.put(kPre, false);
    }
    w.put(kSfd, false);
    w.bytes(f);
    w.put(kTerm, true);
    expect(d, true, RxKind::Code);
  }
  // FCS errors: a flipped bit anywhere in data or FCS
  for (int i = 0; i < 40; ++i) {
    w.align4(r.range(0, 2));
    const size_t n = r.range(1, 200);
    std::vector<uint8_t> d = random_bytes(r, n), f = d;
    append_fcs(f);
    f[r.range(0, f.size() - 1)] ^= uint8_t(1u << r.range(0, 7));
    w.frame(f);
    std::vector<uint8_t> out(f.begin(), f.end() - 4);
    expect(out, true, RxKind::Fcs);
  }
  // /E/ (or another control) inside a frame at every offset 0..20 and some later;
  // the frame ends there with a code error
  for (size_t off = 0; off < 40; off += (off < 20 ? 1 : 7)) {
    for (uint8_t ch : {kError, kSeq, kIdle}) {
      w.align4(r.range(0, 1));
      std::vector<uint8_t> d = random_bytes(r, 60), f = d;
      append_fcs(f);
      w.preamble();
      w.bytes(std::vector<uint8_t>(f.begin(), f.begin() + off));
      w.put(ch, true);
      w.bytes(std::vector<uint8_t>(f.begin() + off, f.end()));  // ignored: outside a frame
      w.put(kTerm, true);
      if (off <= 4)
        expect({0}, true, RxKind::Code);
      else
        expect(std::vector<uint8_t>(f.begin(), f.begin() + off - 4), true, RxKind::Code);
    }
  }
  // frames cut by an aligned /S/: the cut one is a code error, the new one good
  for (int i = 0; i < 24; ++i) {
    w.align4(1);
    std::vector<uint8_t> d = random_bytes(r, r.range(0, 30)), f = d;
    w.preamble();
    w.bytes(f);
    while (w.lanes.size() % 4) w.put(uint8_t(r.u64()), false), f.push_back(w.lanes.back().d);
    if (f.size() <= 4)
      expect({0}, true, RxKind::Code);
    else
      expect(std::vector<uint8_t>(f.begin(), f.end() - 4), true, RxKind::Code);
    good_frame(r.range(1, 100));
  }
  // stray characters between frames are ignored
  for (int i = 0; i < 20; ++i) {
    w.align4(1);
    w.put(kTerm, true);
    w.put(kError, true);
    for (int k = 0; k < 3; ++k) w.put(uint8_t(r.u64()), false);
    if (w.lanes.size() % 4 == 0) w.put(kIdle, true);
    w.put(kStart, true);  // not on lane 0/4: ignored
    w.idle(3);
    w.align4(0);
    good_frame(r.range(1, 80));
  }
  const size_t directed = intent.size();
  // random garbage with good frames sprinkled in; only the model judges
  const uint64_t garbage = args.get("garbage", 3000);
  for (uint64_t i = 0; i < garbage; ++i) {
    const uint64_t p = r.range(0, 99);
    if (p < 40) {
      w.put(uint8_t(r.u64()), false);
    } else if (p < 50) {
      w.put(std::array<uint8_t, 5>{kIdle, kTerm, kError, kSeq, uint8_t(r.u64())}[r.range(0, 4)],
            true);
    } else if (p < 60) {
      w.put(kStart, true);
    } else if (p < 70) {
      w.preamble();
    } else if (p < 75) {
      std::vector<uint8_t> f = random_bytes(r, r.range(1, 100));
      append_fcs(f);
      w.align4(0);
      w.frame(f);
    } else {
      w.idle(r.range(1, 8));
    }
  }
  // and it recovers
  w.idle(8);
  for (int i = 0; i < 20; ++i) {
    w.align4(r.range(0, 1));
    std::vector<uint8_t> f = random_bytes(r, r.range(1, 300));
    append_fcs(f);
    w.frame(f);
  }
  w.idle(64);

  b.loopback = false;
  b.direct = &w;
  b.total_jobs = 0;
  b.gen = [](uint64_t) { return Job{}; };
  b.run();
  // the model against the intended outcome of each directed frame
  if (b.received.size() < directed) b.fail("fewer RX frames than directed frames");
  for (size_t i = 0; i < directed; ++i) {
    const RxExpect &g = b.received[i], &e = intent[i];
    if (g.data != e.data || g.tuser != e.tuser || g.kind != e.kind)
      b.fail(
          fmt::format("directed RX frame {} (/S/ at cycle {} lane {}): got {} bytes tuser {} {}, "
                      "intended {} bytes tuser {} {}",
                      i, g.s_pos / 8, g.s_pos % 8, g.data.size(), g.tuser, kind_name(g.kind),
                      e.data.size(), e.tuser, kind_name(e.kind)));
  }
  const auto& ref = b.rxref();
  fmt::print(
      "{}: {} RX frames ({} directed, {} from garbage): {} good, {} FCS errors, {} code "
      "errors; {} cycles, {:.1f} s\n",
      name, b.received.size(), directed, b.received.size() - directed, ref.frames, ref.fcs_errors,
      ref.code_errors, b.cycle(), b.secs());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = "random";
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--mode") mode = argv[i + 1];
  const std::string name = "mac_" + mode + (kMin == 60 ? "" : fmt::format("_min{}", kMin));
  Args args(argc, argv, name.c_str());
  try {
    return mode == "rx" ? run_rx(args, name) : run_mode(args, mode, name);
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: FAIL: {} (seed {})\n", name, e.what(), args.seed);
    return 1;
  }
}
