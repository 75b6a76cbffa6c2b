// AXI4 slave host-memory model for the DMA master of a Verilated DUT (SPEC §2,
// §7; issue 3 "Testbench"). Sparse byte memory, random ready backpressure on
// AW/W/AR, random B/R valid delays, read latency (default 250 cycles = 1 µs at
// 250 MHz) plus jitter, write-response latency, many outstanding transactions,
// responses to different IDs out of order (as PCIe completions), same-ID
// responses in order, error injection and slow regions by address range, and a
// protocol checker that throws std::runtime_error naming channel, ID, address
// and cycle. Call drive() before the DUT's combinational settle and sample()
// after it, once per cycle (like axil_master.hpp). See docs/testing.md.
#pragma once

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dma_ownership.hpp"
#include "verilated_bits.hpp"

namespace vmq::rig {

// Port adapter: static accessors returning references to the DUT's flat AXI4
// master ports. VMQ_AXI_MEM_PORTS(Name, prefix, out_suffix, in_suffix) makes
// one for any naming; MAxiPorts is m_axi_<sig>_o / m_axi_<sig>_i. Any struct
// with the same member names (a plain C++ fake for unit tests) works too.
#define VMQ_AXI_MEM_PORTS(Name, P, O, I) \
  struct Name {                          \
    template <class D>                   \
    static auto& awid(D& d) {            \
      return d.P##awid##O;               \
    }                                    \
    template <class D>                   \
    static auto& awaddr(D& d) {          \
      return d.P##awaddr##O;             \
    }                                    \
    template <class D>                   \
    static auto& awlen(D& d) {           \
      return d.P##awlen##O;              \
    }                                    \
    template <class D>                   \
    static auto& awsize(D& d) {          \
      return d.P##awsize##O;             \
    }                                    \
    template <class D>                   \
    static auto& awburst(D& d) {         \
      return d.P##awburst##O;            \
    }                                    \
    template <class D>                   \
    static auto& awvalid(D& d) {         \
      return d.P##awvalid##O;            \
    }                                    \
    template <class D>                   \
    static auto& awready(D& d) {         \
      return d.P##awready##I;            \
    }                                    \
    template <class D>                   \
    static auto& wdata(D& d) {           \
      return d.P##wdata##O;              \
    }                                    \
    template <class D>                   \
    static auto& wstrb(D& d) {           \
      return d.P##wstrb##O;              \
    }                                    \
    template <class D>                   \
    static auto& wlast(D& d) {           \
      return d.P##wlast##O;              \
    }                                    \
    template <class D>                   \
    static auto& wvalid(D& d) {          \
      return d.P##wvalid##O;             \
    }                                    \
    template <class D>                   \
    static auto& wready(D& d) {          \
      return d.P##wready##I;             \
    }                                    \
    template <class D>                   \
    static auto& bid(D& d) {             \
      return d.P##bid##I;                \
    }                                    \
    template <class D>                   \
    static auto& bresp(D& d) {           \
      return d.P##bresp##I;              \
    }                                    \
    template <class D>                   \
    static auto& bvalid(D& d) {          \
      return d.P##bvalid##I;             \
    }                                    \
    template <class D>                   \
    static auto& bready(D& d) {          \
      return d.P##bready##O;             \
    }                                    \
    template <class D>                   \
    static auto& arid(D& d) {            \
      return d.P##arid##O;               \
    }                                    \
    template <class D>                   \
    static auto& araddr(D& d) {          \
      return d.P##araddr##O;             \
    }                                    \
    template <class D>                   \
    static auto& arlen(D& d) {           \
      return d.P##arlen##O;              \
    }                                    \
    template <class D>                   \
    static auto& arsize(D& d) {          \
      return d.P##arsize##O;             \
    }                                    \
    template <class D>                   \
    static auto& arburst(D& d) {         \
      return d.P##arburst##O;            \
    }                                    \
    template <class D>                   \
    static auto& arvalid(D& d) {         \
      return d.P##arvalid##O;            \
    }                                    \
    template <class D>                   \
    static auto& arready(D& d) {         \
      return d.P##arready##I;            \
    }                                    \
    template <class D>                   \
    static auto& rid(D& d) {             \
      return d.P##rid##I;                \
    }                                    \
    template <class D>                   \
    static auto& rdata(D& d) {           \
      return d.P##rdata##I;              \
    }                                    \
    template <class D>                   \
    static auto& rresp(D& d) {           \
      return d.P##rresp##I;              \
    }                                    \
    template <class D>                   \
    static auto& rlast(D& d) {           \
      return d.P##rlast##I;              \
    }                                    \
    template <class D>                   \
    static auto& rvalid(D& d) {          \
      return d.P##rvalid##I;             \
    }                                    \
    template <class D>                   \
    static auto& rready(D& d) {          \
      return d.P##rready##O;             \
    }                                    \
  }

VMQ_AXI_MEM_PORTS(MAxiPorts, m_axi_, _o, _i);

namespace axi {
enum : uint8_t { OKAY = 0, EXOKAY = 1, SLVERR = 2, DECERR = 3 };
enum : uint8_t { FIXED = 0, INCR = 1, WRAP = 2 };
}  // namespace axi

struct AxiMemConfig {
  unsigned data_bytes = 0;  // 0: the width of the wdata port
  // probability per cycle that a ready is low (slave backpressure)
  double p_aw_stall = 0.2, p_w_stall = 0.2, p_ar_stall = 0.2;
  // probability per cycle that a ready B / R beat is held back
  double p_b_delay = 0.2, p_r_delay = 0.2;
  // read latency from AR handshake to the first R beat, plus uniform jitter
  uint64_t read_latency = 250, read_jitter = 32;
  // write-response latency from the later of AW and the last W beat
  uint64_t write_latency = 16, write_jitter = 8;
  unsigned max_reads = 0, max_writes = 0;  // outstanding limits (0: none)
  bool reorder = true;                     // different IDs may be answered out of order
  bool r_interleave = false;               // R beats of different IDs may interleave
  bool check_strobe_lanes = true;          // wstrb only on the beat's active lanes
  // byte at address a of never-written memory: byte (a % 8) of this, so
  // read_u32 of unwritten memory gives 0xdeadbeef
  uint64_t fill_pattern = 0xdeadbeefdeadbeefULL;
  // Card limits (SPEC §2, the axi_pcie3 bridge): checked when set.
  unsigned addr_bits = 64;          // an address at or above 2^addr_bits is a protocol error
  bool contiguous_strobes = false;  // WSTRB must be one run of ones within a beat

  // The card profile of SPEC §2: at most 8 reads and 8 writes in flight,
  // contiguous strobes, 48-bit addresses (the simulation profile is the
  // default: no outstanding limit).
  static AxiMemConfig card() {
    AxiMemConfig c;
    c.max_reads = c.max_writes = 8;
    c.contiguous_strobes = true;
    c.addr_bits = 48;
    return c;
  }
};

// One W beat as the write hook sees it (called for every beat, error or not).
struct AxiWriteBeat {
  uint64_t id;
  uint64_t base;    // bus-aligned address of lane 0
  uint64_t lo, hi;  // lowest strobed byte address and highest + 1 (lo == hi: no strobe)
  uint64_t strb;    // lanes written (bit i: address base + i)
  unsigned bus_bytes, nbytes, beat;
  uint8_t resp;         // the BRESP this burst will get; data stored only if OKAY
  uint64_t cycle;       // cycle of the W handshake
  const uint8_t* data;  // bus_bytes lanes
};

struct AxiReadRequest {
  uint64_t id, addr;
  uint64_t end;  // one past the last byte addressed by the burst
  unsigned beats, size_bytes;
  uint8_t resp;
  uint64_t cycle, ready_cycle;  // AR handshake; first R beat not before ready_cycle
};

struct AxiMemStats {
  uint64_t reads = 0, writes = 0;  // transactions accepted
  uint64_t read_beats = 0, write_beats = 0;
  uint64_t bytes_read = 0, bytes_written = 0;          // addressed bytes read; strobed bytes stored
  uint64_t read_errors = 0, write_errors = 0;          // bursts answered with SLVERR/DECERR
  uint64_t reordered_reads = 0, reordered_writes = 0;  // answered before an older other-ID one
  unsigned max_reads_outstanding = 0, max_writes_outstanding = 0;
  std::map<uint64_t, uint64_t> reads_per_id, writes_per_id;
};

// Sparse byte-addressable memory: 4 KiB pages allocated on first write.
class SparseMem {
 public:
  static constexpr uint64_t kPage = 4096;
  explicit SparseMem(uint64_t fill = 0) : fill_(fill) {}
  void set_fill(uint64_t f) { fill_ = f; }
  uint8_t fill_byte(uint64_t a) const { return uint8_t(fill_ >> (8 * (a % 8))); }
  uint8_t get(uint64_t a) const {
    if (a - win_base_ < win_len_) return win_[a - win_base_];
    auto it = pages_.find(a / kPage);
    return it == pages_.end() ? fill_byte(a) : (*it->second)[a % kPage];
  }
  void set(uint64_t a, uint8_t v) {
    if (a - win_base_ < win_len_)
      win_[a - win_base_] = v;
    else
      page(a)[a % kPage] = v;
  }
  // Addresses [base, base + len) are the caller's memory at p (a driver's DMA
  // arena, sim/platform): the host and the device then share the bytes.
  void attach_window(uint64_t base, uint8_t* p, std::size_t len) {
    win_base_ = base;
    win_ = p;
    win_len_ = len;
  }
  void write(uint64_t a, std::span<const uint8_t> d) {
    for (std::size_t i = 0; i < d.size(); ++i) set(a + i, d[i]);
  }
  void read(uint64_t a, std::span<uint8_t> d) const {
    for (std::size_t i = 0; i < d.size(); ++i) d[i] = get(a + i);
  }
  std::size_t pages() const { return pages_.size(); }

 private:
  using Page = std::array<uint8_t, kPage>;
  Page& page(uint64_t a) {
    auto& p = pages_[a / kPage];
    if (!p) {
      p = std::make_unique<Page>();
      for (uint64_t i = 0; i < kPage; ++i) (*p)[i] = fill_byte(i);  // kPage % 8 == 0
    }
    return *p;
  }
  uint64_t fill_;
  std::unordered_map<uint64_t, std::unique_ptr<Page>> pages_;
  uint64_t win_base_ = 0;
  uint8_t* win_ = nullptr;
  std::size_t win_len_ = 0;
};

template <class Dut, class Ports = MAxiPorts>
class AxiMem {
  using P = Ports;
  using WDataT = std::remove_reference_t<decltype(P::wdata(std::declval<Dut&>()))>;

 public:
  using WriteHook = std::function<void(const AxiWriteBeat&)>;
  using ReadHook = std::function<void(const AxiReadRequest&)>;

  AxiMem(Dut& d, Rng& rng, AxiMemConfig cfg = {})
      : d_(d), rng_(rng), cfg_(cfg), mem_(cfg.fill_pattern) {
    bus_ = cfg_.data_bytes ? cfg_.data_bytes : unsigned(sizeof(WDataT));
    if (!std::has_single_bit(bus_) || bus_ > 64 || bus_ > sizeof(WDataT))
      throw std::runtime_error(fmt::format("axi_mem: unsupported data width {} bytes", bus_));
    bus_log2_ = unsigned(std::countr_zero(bus_));
    idle_outputs();
  }

  // ---- knobs (may change between cycles) ----
  AxiMemConfig& config() { return cfg_; }
  void add_error_region(uint64_t lo, uint64_t hi, uint8_t resp, bool reads = true,
                        bool writes = true) {
    errors_.push_back({lo, hi, resp, reads, writes});
  }
  void clear_error_regions() { errors_.clear(); }
  void add_slow_region(uint64_t lo, uint64_t hi, uint64_t read_latency) {
    slow_.push_back({lo, hi, read_latency});
  }
  void clear_slow_regions() { slow_.clear(); }
  void on_write_beat(WriteHook h) { write_hook_ = std::move(h); }
  void on_read_request(ReadHook h) { read_hook_ = std::move(h); }
  // The DMA ownership checker (sim/rig/dma_ownership.hpp) sees every W beat
  // and every AR; it throws on a violation.
  void set_ownership(vmq::rig::DmaOwnership* o) { own_ = o; }

  // ---- host side ----
  void write_bytes(uint64_t a, std::span<const uint8_t> d) { mem_.write(a, d); }
  std::vector<uint8_t> read_bytes(uint64_t a, std::size_t n) const {
    std::vector<uint8_t> v(n);
    mem_.read(a, v);
    return v;
  }
  void fill(uint64_t a, std::size_t n, uint8_t v) {
    for (std::size_t i = 0; i < n; ++i) mem_.set(a + i, v);
  }
  uint32_t read_u32(uint64_t a) const { return uint32_t(read_le(a, 4)); }
  uint64_t read_u64(uint64_t a) const { return read_le(a, 8); }
  void write_u32(uint64_t a, uint32_t v) { write_le(a, v, 4); }
  void write_u64(uint64_t a, uint64_t v) { write_le(a, v, 8); }
  SparseMem& mem() { return mem_; }

  // ---- status ----
  const AxiMemStats& stats() const { return st_; }
  uint64_t cycle() const { return cycle_; }
  unsigned bus_bytes() const { return bus_; }
  unsigned reads_outstanding() const { return reads_out_; }
  unsigned writes_outstanding() const { return writes_out_; }
  bool idle() const { return reads_out_ == 0 && writes_out_ == 0 && w_q_.empty(); }
  // At the end of a test: no W data without its AW, nothing half done.
  void check_idle() const {
    if (!w_q_.empty())
      fail("W", 0, 0, fmt::format("{} W beats never matched by an AW", w_q_.size()));
    if (!idle())
      fail("B/R", 0, 0,
           fmt::format("{} reads, {} writes still outstanding", reads_out_, writes_out_));
  }
  // Forget all transactions (e.g. around a DUT reset); memory is kept.
  void reset() {
    aw_q_.clear();
    w_q_.clear();
    b_q_.clear();
    r_q_.clear();
    b_hold_ = r_hold_ = r_busy_ = aw_pend_ = w_pend_ = ar_pend_ = false;
    reads_out_ = writes_out_ = 0;
    idle_outputs();
  }

  // Before the DUT's combinational settle: drive readies and B/R channels.
  void drive() {
    put(P::awready(d_),
        (!cfg_.max_writes || writes_out_ < cfg_.max_writes) && !rng_.chance(cfg_.p_aw_stall));
    put(P::wready(d_), !rng_.chance(cfg_.p_w_stall));
    put(P::arready(d_),
        (!cfg_.max_reads || reads_out_ < cfg_.max_reads) && !rng_.chance(cfg_.p_ar_stall));
    drive_b();
    drive_r();
  }

  // After the settle, before the clock edge: check and take handshakes.
  void sample() {
    check_stable();
    if (get(P::awvalid(d_)) && get(P::awready(d_))) accept_aw();
    if (get(P::wvalid(d_)) && get(P::wready(d_))) accept_w();
    match_w();
    if (get(P::arvalid(d_)) && get(P::arready(d_))) accept_ar();
    if (b_hold_ && get(P::bready(d_))) finish_b();
    if (r_hold_ && get(P::rready(d_))) finish_r();
    ++cycle_;
  }

 private:
  struct Region {
    uint64_t lo, hi;
    uint8_t resp;
    bool reads, writes;
  };
  struct Slow {
    uint64_t lo, hi, latency;
  };
  struct Addr {  // AW or AR payload
    uint64_t id, addr, len, size, burst;
    bool operator==(const Addr&) const = default;
  };
  struct WBurst {
    Addr a;
    uint64_t seq, accept_cycle;
    uint8_t resp;
    unsigned got = 0;
  };
  struct WBeat {
    std::vector<uint8_t> data;
    uint64_t strb;
    bool last;
    uint64_t cycle;
    bool operator==(const WBeat& o) const {
      return data == o.data && strb == o.strb && last == o.last;
    }
  };
  struct BResp {
    uint64_t id, seq, ready;
    uint8_t resp;
  };
  struct RBurst {
    uint64_t id, seq, ready, addr;
    uint8_t resp;
    unsigned beats, sent = 0;
    std::vector<uint8_t> data;  // beats * bus bytes, lane order
  };

  template <class T>
  static uint64_t get(const T& p) {
    return uint64_t(p);
  }
  template <class T>
  static void put(T& p, uint64_t v) {
    p = static_cast<T>(v);
  }

  [[noreturn]] void fail(const char* ch, uint64_t id, uint64_t addr, const std::string& m) const {
    throw std::runtime_error(
        fmt::format("axi_mem: {} id={} addr=0x{:x} cycle={}: {}", ch, id, addr, cycle_, m));
  }

  void idle_outputs() {
    put(P::awready(d_), 0);
    put(P::wready(d_), 0);
    put(P::arready(d_), 0);
    put(P::bvalid(d_), 0);
    put(P::rvalid(d_), 0);
    put(P::rlast(d_), 0);
  }

  uint64_t read_le(uint64_t a, unsigned n) const {
    uint64_t v = 0;
    for (unsigned i = 0; i < n; ++i) v |= uint64_t(mem_.get(a + i)) << (8 * i);
    return v;
  }
  void write_le(uint64_t a, uint64_t v, unsigned n) {
    for (unsigned i = 0; i < n; ++i) mem_.set(a + i, uint8_t(v >> (8 * i)));
  }

  Addr aw_now() const {
    return {get(P::awid(d_)), get(P::awaddr(d_)), get(P::awlen(d_)), get(P::awsize(d_)),
            get(P::awburst(d_))};
  }
  Addr ar_now() const {
    return {get(P::arid(d_)), get(P::araddr(d_)), get(P::arlen(d_)), get(P::arsize(d_)),
            get(P::arburst(d_))};
  }
  WBeat w_now() const {
    WBeat b{std::vector<uint8_t>(bus_), 0, get(P::wlast(d_)) != 0, cycle_};
    const auto& wd = P::wdata(d_);
    const auto& ws = P::wstrb(d_);
    for (unsigned i = 0; i < bus_; ++i) {
      b.data[i] = get_byte(wd, i);
      if (get_bit(ws, i)) b.strb |= 1ULL << i;
    }
    return b;
  }

  // AXI valid/payload rules on the master's channels: once valid, hold it and
  // the payload until ready.
  void check_stable() {
    const bool awv = get(P::awvalid(d_)), wv = get(P::wvalid(d_)), arv = get(P::arvalid(d_));
    if (aw_pend_) {
      if (!awv) fail("AW", aw_prev_.id, aw_prev_.addr, "AWVALID dropped before AWREADY");
      if (!(aw_now() == aw_prev_))
        fail("AW", aw_prev_.id, aw_prev_.addr, "AW payload changed while stalled");
    }
    if (w_pend_) {
      if (!wv) fail("W", 0, 0, "WVALID dropped before WREADY");
      if (!(w_now() == w_prev_)) fail("W", 0, 0, "W payload changed while stalled");
    }
    if (ar_pend_) {
      if (!arv) fail("AR", ar_prev_.id, ar_prev_.addr, "ARVALID dropped before ARREADY");
      if (!(ar_now() == ar_prev_))
        fail("AR", ar_prev_.id, ar_prev_.addr, "AR payload changed while stalled");
    }
    aw_pend_ = awv && !get(P::awready(d_));
    if (aw_pend_) aw_prev_ = aw_now();
    w_pend_ = wv && !get(P::wready(d_));
    if (w_pend_) w_prev_ = w_now();
    ar_pend_ = arv && !get(P::arready(d_));
    if (ar_pend_) ar_prev_ = ar_now();
  }

  // Address of beat n of an INCR burst, and one past the last byte addressed.
  static uint64_t beat_addr(const Addr& a, unsigned n) {
    const uint64_t s = 1ULL << a.size;
    return n == 0 ? a.addr : (a.addr & ~(s - 1)) + n * s;
  }
  static uint64_t burst_end(const Addr& a) {
    return (a.addr & ~((1ULL << a.size) - 1)) + ((a.len + 1) << a.size);
  }
  void check_addr(const char* ch, const Addr& a) const {
    if (cfg_.addr_bits < 64 && (burst_end(a) - 1) >> cfg_.addr_bits)
      fail(ch, a.id, a.addr,
           fmt::format("address beyond {} bits (the card's bridge takes {}-bit addresses)",
                       cfg_.addr_bits, cfg_.addr_bits));
    if (a.burst != axi::INCR)
      fail(ch, a.id, a.addr,
           fmt::format("burst type {} ({}); only INCR is used", a.burst,
                       a.burst == axi::FIXED  ? "FIXED"
                       : a.burst == axi::WRAP ? "WRAP"
                                              : "reserved"));
    if (a.size > bus_log2_)
      fail(
          ch, a.id, a.addr,
          fmt::format("size {} ({} bytes) wider than the {}-byte bus", a.size, 1u << a.size, bus_));
    const uint64_t last = burst_end(a) - 1;
    if ((a.addr >> 12) != (last >> 12))
      fail(ch, a.id, a.addr,
           fmt::format("burst crosses a 4 KiB boundary (len={} size={}, last byte 0x{:x})", a.len,
                       a.size, last));
  }
  uint8_t region_resp(uint64_t lo, uint64_t hi, bool write) const {
    for (const auto& r : errors_)
      if ((write ? r.writes : r.reads) && lo < r.hi && r.lo < hi) return r.resp;
    return axi::OKAY;
  }
  uint64_t jitter(uint64_t j) { return j ? rng_.range(0, j) : 0; }

  void accept_aw() {
    const Addr a = aw_now();
    check_addr("AW", a);
    const uint8_t resp = region_resp(a.addr, burst_end(a), true);
    aw_q_.push_back({a, w_seq_++, cycle_, resp});
    ++writes_out_;
    st_.max_writes_outstanding = std::max(st_.max_writes_outstanding, writes_out_);
    ++st_.writes;
    ++st_.writes_per_id[a.id];
  }
  void accept_w() { w_q_.push_back(w_now()); }

  // W beats follow AW order (AXI4 has no WID); either may come first.
  void match_w() {
    while (!aw_q_.empty() && !w_q_.empty()) {
      WBurst& b = aw_q_.front();
      const WBeat w = std::move(w_q_.front());
      w_q_.pop_front();
      const unsigned n = b.got++;
      const uint64_t ba = beat_addr(b.a, n);
      const bool last = n == b.a.len;
      if (w.last != last)
        fail("W", b.a.id, ba,
             fmt::format("WLAST {} on beat {} of a {}-beat burst from 0x{:x} (W cycle {})",
                         w.last ? "set" : "missing", n, b.a.len + 1, b.a.addr, w.cycle));
      const uint64_t base = ba & ~uint64_t(bus_ - 1);
      const unsigned s = 1u << b.a.size;
      const unsigned lane_lo = unsigned(ba % bus_);
      const unsigned lane_hi = unsigned(((ba & ~uint64_t(s - 1)) % bus_) + s);  // exclusive
      const uint64_t lanes =
          (lane_hi >= 64 ? ~0ULL : (1ULL << lane_hi) - 1) & ~((1ULL << lane_lo) - 1);
      if (cfg_.check_strobe_lanes && (w.strb & ~lanes))
        fail("W", b.a.id, ba,
             fmt::format("WSTRB 0x{:x} outside the beat's lanes 0x{:x} (beat {}, W cycle {})",
                         w.strb, lanes, n, w.cycle));
      if (cfg_.contiguous_strobes && w.strb) {
        const uint64_t run = w.strb >> std::countr_zero(w.strb);
        if (run & (run + 1))
          fail("W", b.a.id, ba,
               fmt::format("WSTRB 0x{:x} has a hole (the card's bridge needs contiguous strobes; "
                           "beat {}, W cycle {})",
                           w.strb, n, w.cycle));
      }
      AxiWriteBeat hb{
          b.a.id, base,   base,    base,         w.strb, bus_, unsigned(std::popcount(w.strb)),
          n,      b.resp, w.cycle, w.data.data()};
      if (w.strb) {
        hb.lo = base + unsigned(std::countr_zero(w.strb));
        hb.hi = base + 64 - unsigned(std::countl_zero(w.strb));
      }
      if (b.resp == axi::OKAY) {
        for (unsigned i = 0; i < bus_; ++i)
          if ((w.strb >> i) & 1) mem_.set(base + i, w.data[i]);
        st_.bytes_written += hb.nbytes;
      }
      ++st_.write_beats;
      if (own_) own_->write_beat(base, w.strb, w.data.data(), w.cycle, b.a.id);
      if (write_hook_) write_hook_(hb);
      if (last) {
        const uint64_t ready = cycle_ + cfg_.write_latency + jitter(cfg_.write_jitter);
        b_q_[b.a.id].push_back({b.a.id, b.seq, ready, b.resp});
        if (b.resp != axi::OKAY) ++st_.write_errors;
        aw_q_.pop_front();
      }
    }
  }

  void accept_ar() {
    const Addr a = ar_now();
    check_addr("AR", a);
    const uint64_t end = burst_end(a);
    const uint8_t resp = region_resp(a.addr, end, false);
    uint64_t lat = cfg_.read_latency;
    for (const auto& s : slow_)
      if (a.addr < s.hi && s.lo < end) lat = std::max(lat, s.latency);
    RBurst r{a.id,   r_seq_++, cycle_ + lat + jitter(cfg_.read_jitter),
             a.addr, resp,     unsigned(a.len + 1),
             0,      {}};
    // Data as memory holds it when the request arrives.
    r.data.resize(size_t(r.beats) * bus_);
    for (unsigned n = 0; n < r.beats; ++n) {
      const uint64_t base = beat_addr(a, n) & ~uint64_t(bus_ - 1);
      for (unsigned i = 0; i < bus_; ++i)
        r.data[size_t(n) * bus_ + i] =
            resp == axi::OKAY ? mem_.get(base + i) : mem_.fill_byte(base + i);
    }
    ++reads_out_;
    st_.max_reads_outstanding = std::max(st_.max_reads_outstanding, reads_out_);
    ++st_.reads;
    ++st_.reads_per_id[a.id];
    st_.bytes_read += end - a.addr;
    if (resp != axi::OKAY) ++st_.read_errors;
    if (own_) own_->read_request(a.addr, end, cycle_, a.id);
    if (read_hook_) read_hook_({a.id, a.addr, end, r.beats, 1u << a.size, resp, cycle_, r.ready});
    r_q_[a.id].push_back(std::move(r));
  }

  // Pick among the heads of the per-ID queues that are due (AXI: same ID in
  // order); without reordering only the globally oldest is eligible.
  template <class Q>
  uint64_t pick(const Q& q, bool& found, bool& reordered) {
    std::vector<uint64_t> due;
    uint64_t oldest_id = 0, oldest_seq = ~0ULL;
    for (const auto& [id, dq] : q) {
      if (dq.empty()) continue;
      if (dq.front().seq < oldest_seq) {
        oldest_seq = dq.front().seq;
        oldest_id = id;
      }
      if (dq.front().ready <= cycle_) due.push_back(id);
    }
    found = false;
    if (due.empty()) return 0;
    uint64_t id;
    if (!cfg_.reorder) {
      if (q.at(oldest_id).front().ready > cycle_) return 0;
      id = oldest_id;
    } else {
      id = due[rng_.range(0, due.size() - 1)];
    }
    found = true;
    reordered = q.at(id).front().seq != oldest_seq;
    return id;
  }

  void drive_b() {
    if (!b_hold_ && !rng_.chance(cfg_.p_b_delay)) {
      bool found, reordered = false;
      const uint64_t id = pick(b_q_, found, reordered);
      if (found) {
        b_hold_ = true;
        b_id_ = id;
        if (reordered) ++st_.reordered_writes;
        put(P::bid(d_), id);
        put(P::bresp(d_), b_q_[id].front().resp);
      }
    }
    put(P::bvalid(d_), b_hold_);
  }
  void finish_b() {
    auto& dq = b_q_[b_id_];
    dq.pop_front();
    if (dq.empty()) b_q_.erase(b_id_);
    b_hold_ = false;
    --writes_out_;
  }

  void drive_r() {
    if (!r_hold_) {
      bool found = false, reordered = false;
      uint64_t id = 0;
      if (r_busy_ && !cfg_.r_interleave) {
        found = true;  // finish the burst in progress first
        id = r_id_;
      } else {
        // In-progress bursts have the oldest seq of their ID, so pick() sees them.
        id = pick(r_q_, found, reordered);
      }
      if (found && !rng_.chance(cfg_.p_r_delay)) {
        RBurst& r = r_q_[id].front();
        if (r.sent == 0 && reordered) ++st_.reordered_reads;
        r_hold_ = true;
        r_busy_ = true;
        r_id_ = id;
        put(P::rid(d_), id);
        put(P::rresp(d_), r.resp);
        put(P::rlast(d_), r.sent + 1 == r.beats);
        auto& rd = P::rdata(d_);
        for (unsigned i = 0; i < bus_; ++i) set_byte(rd, i, r.data[size_t(r.sent) * bus_ + i]);
      }
    }
    put(P::rvalid(d_), r_hold_);
  }
  void finish_r() {
    auto& dq = r_q_[r_id_];
    RBurst& r = dq.front();
    ++st_.read_beats;
    r_hold_ = false;
    if (++r.sent == r.beats) {
      dq.pop_front();
      if (dq.empty()) r_q_.erase(r_id_);
      r_busy_ = false;
      --reads_out_;
    }
  }

  Dut& d_;
  Rng& rng_;
  AxiMemConfig cfg_;
  SparseMem mem_;
  unsigned bus_ = 8, bus_log2_ = 3;
  std::vector<Region> errors_;
  std::vector<Slow> slow_;
  WriteHook write_hook_;
  ReadHook read_hook_;
  vmq::rig::DmaOwnership* own_ = nullptr;
  AxiMemStats st_;
  uint64_t cycle_ = 0, w_seq_ = 0, r_seq_ = 0;
  unsigned reads_out_ = 0, writes_out_ = 0;
  std::deque<WBurst> aw_q_;
  std::deque<WBeat> w_q_;
  std::map<uint64_t, std::deque<BResp>> b_q_;
  std::map<uint64_t, std::deque<RBurst>> r_q_;
  bool b_hold_ = false, r_hold_ = false, r_busy_ = false;
  uint64_t b_id_ = 0, r_id_ = 0;
  bool aw_pend_ = false, w_pend_ = false, ar_pend_ = false;
  Addr aw_prev_{};
  WBeat w_prev_{};
  Addr ar_prev_{};
};

}  // namespace vmq::rig
