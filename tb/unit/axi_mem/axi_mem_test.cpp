// Unit test of the AXI4 host-memory model (sim/rig/axi_mem.hpp) without
// Verilator: a C++ AXI4 master drives a fake port struct whose members are
// typed as Verilator types them (uint64_t up to 64 bits, VlWide above), at
// AxiDataW 64, 128 and 512. Seed: VMQ_SEED (default 1), printed per test.
#include "axi_mem.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

namespace {

using namespace vmq::rig;

template <unsigned W>
using DataT = std::conditional_t<(W <= 64), uint64_t, VlWide<W / 32>>;
template <unsigned B>
using StrbT = std::conditional_t<
    (B <= 8), uint8_t,
    std::conditional_t<(B <= 16), uint16_t, std::conditional_t<(B <= 32), uint32_t, uint64_t>>>;

// The DUT's flat master ports, as a Verilated model would declare them.
template <unsigned W>
struct FakeDut {
  static constexpr unsigned kBytes = W / 8;
  uint8_t m_axi_awid_o = 0;
  uint64_t m_axi_awaddr_o = 0;
  uint8_t m_axi_awlen_o = 0, m_axi_awsize_o = 0, m_axi_awburst_o = 1, m_axi_awvalid_o = 0;
  uint8_t m_axi_awready_i = 0;
  DataT<W> m_axi_wdata_o{};
  StrbT<W / 8> m_axi_wstrb_o = 0;
  uint8_t m_axi_wlast_o = 0, m_axi_wvalid_o = 0, m_axi_wready_i = 0;
  uint8_t m_axi_bid_i = 0, m_axi_bresp_i = 0, m_axi_bvalid_i = 0, m_axi_bready_o = 0;
  uint8_t m_axi_arid_o = 0;
  uint64_t m_axi_araddr_o = 0;
  uint8_t m_axi_arlen_o = 0, m_axi_arsize_o = 0, m_axi_arburst_o = 1, m_axi_arvalid_o = 0;
  uint8_t m_axi_arready_i = 0;
  uint8_t m_axi_rid_i = 0;
  DataT<W> m_axi_rdata_i{};
  uint8_t m_axi_rresp_i = 0, m_axi_rlast_i = 0, m_axi_rvalid_i = 0, m_axi_rready_o = 0;
};

uint64_t seed_for(unsigned salt) {
  const char* e = std::getenv("VMQ_SEED");
  const uint64_t s = (e ? std::stoull(e, nullptr, 0) : 1) * 1000003ULL + salt;
  fmt::print("seed={} (VMQ_SEED={} reproduces)\n", s, e ? e : "1");
  return s;
}

struct Txn {
  bool write = false;
  uint64_t id = 0, addr = 0, end = 0;  // end: one past the last byte addressed
  unsigned len = 0, size = 0;          // AXI encodings
  std::vector<uint8_t> data;           // writes: beats * bus lanes
  std::vector<uint64_t> strb;          // writes: per beat
  std::vector<uint8_t> expect;         // reads: bytes [addr, end)
  uint8_t resp = 0;
  uint64_t min_latency = 0, seq = 0;
  uint64_t a_cycle = 0, w_cycle = 0;
  bool a_done = false, w_first = false;  // w_first: AW only after the first W beat
  unsigned w_sent = 0, r_got = 0;
};
using TxnP = std::shared_ptr<Txn>;

// A cycle-based AXI4 master with random valid delays and random ready.
template <class Dut>
class Master {
 public:
  Master(Dut& d, Rng& rng, unsigned bus, bool interleave_ok)
      : d_(d), rng_(rng), bus_(bus), interleave_ok_(interleave_ok) {}

  double p_delay = 0.3, p_aw_delay = 0.3, p_stall = 0.3;
  uint64_t write_latency = 0;
  uint64_t ooo_reads = 0, ooo_writes = 0, interleaved = 0, w_before_aw = 0;
  uint64_t done_reads = 0, done_writes = 0;
  std::map<uint64_t, unsigned> issued_bytes;  // every strobed byte issued (error or not)

  void write(TxnP t) {
    t->write = true;
    t->w_first = rng_.chance(0.2);
    t->seq = seq_++;
    aw_q_.push_back(t);
    w_q_.push_back(t);
    for (unsigned n = 0; n <= t->len; ++n)
      for (unsigned i = 0; i < bus_; ++i)
        if ((t->strb[n] >> i) & 1) ++issued_bytes[beat_base(*t, n) + i];
  }
  void read(TxnP t) {
    t->seq = seq_++;
    ar_q_.push_back(t);
  }
  unsigned writes_in_flight() const { return unsigned(aw_q_.size() + w_out_.size()); }
  unsigned reads_in_flight() const { return unsigned(ar_q_.size() + r_out_.size()); }
  bool idle() const { return writes_in_flight() == 0 && reads_in_flight() == 0 && w_q_.empty(); }

  uint64_t beat_base(const Txn& t, unsigned n) const {
    const uint64_t s = 1ULL << t.size;
    const uint64_t a = n == 0 ? t.addr : (t.addr & ~(s - 1)) + n * s;
    return a & ~uint64_t(bus_ - 1);
  }

  void drive() {
    if (!aw_show_ && !aw_q_.empty() && !rng_.chance(p_aw_delay) &&
        !(aw_q_.front()->w_first && aw_q_.front()->w_sent == 0))
      aw_show_ = true;
    if (aw_show_) {
      const Txn& t = *aw_q_.front();
      d_.m_axi_awid_o = uint8_t(t.id);
      d_.m_axi_awaddr_o = t.addr;
      d_.m_axi_awlen_o = uint8_t(t.len);
      d_.m_axi_awsize_o = uint8_t(t.size);
      d_.m_axi_awburst_o = 1;
    }
    d_.m_axi_awvalid_o = aw_show_;
    if (!w_show_ && !w_q_.empty() && !rng_.chance(p_delay)) w_show_ = true;
    if (w_show_) {
      const Txn& t = *w_q_.front();
      const unsigned n = t.w_sent;
      for (unsigned i = 0; i < bus_; ++i) {
        set_byte(d_.m_axi_wdata_o, i, t.data[size_t(n) * bus_ + i]);
        set_bit(d_.m_axi_wstrb_o, i, (t.strb[n] >> i) & 1);
      }
      d_.m_axi_wlast_o = n == t.len;
    }
    d_.m_axi_wvalid_o = w_show_;
    if (!ar_show_ && !ar_q_.empty() && !rng_.chance(p_delay)) ar_show_ = true;
    if (ar_show_) {
      const Txn& t = *ar_q_.front();
      d_.m_axi_arid_o = uint8_t(t.id);
      d_.m_axi_araddr_o = t.addr;
      d_.m_axi_arlen_o = uint8_t(t.len);
      d_.m_axi_arsize_o = uint8_t(t.size);
      d_.m_axi_arburst_o = 1;
    }
    d_.m_axi_arvalid_o = ar_show_;
    d_.m_axi_bready_o = !rng_.chance(p_stall);
    d_.m_axi_rready_o = !rng_.chance(p_stall);
  }

  void sample() {
    if (d_.m_axi_awvalid_o && d_.m_axi_awready_i) {
      TxnP t = aw_q_.front();
      aw_q_.pop_front();
      aw_show_ = false;
      t->a_done = true;
      t->a_cycle = cycle_;
      if (t->w_sent > 0) ++w_before_aw;
      w_id_[t->id].push_back(t);
      w_out_[t->seq] = t;
    }
    if (d_.m_axi_wvalid_o && d_.m_axi_wready_i) {
      TxnP t = w_q_.front();
      w_show_ = false;
      if (t->w_sent++ == t->len) {
        t->w_cycle = cycle_;
        w_q_.pop_front();
      }
    }
    if (d_.m_axi_arvalid_o && d_.m_axi_arready_i) {
      TxnP t = ar_q_.front();
      ar_q_.pop_front();
      ar_show_ = false;
      t->a_done = true;
      t->a_cycle = cycle_;
      r_id_[t->id].push_back(t);
      r_out_[t->seq] = t;
    }
    if (d_.m_axi_bvalid_i && d_.m_axi_bready_o) on_b();
    if (d_.m_axi_rvalid_i && d_.m_axi_rready_o) on_r();
    ++cycle_;
  }
  uint64_t cycle() const { return cycle_; }

 private:
  [[noreturn]] void fail(const std::string& m) const {
    throw std::runtime_error(fmt::format("master cycle {}: {}", cycle_, m));
  }
  void on_b() {
    const uint64_t id = d_.m_axi_bid_i;
    auto& q = w_id_[id];
    if (q.empty()) fail(fmt::format("B for id {} with no write outstanding", id));
    TxnP t = q.front();
    if (t->w_sent != t->len + 1) fail(fmt::format("B id {} before its last W beat", id));
    if (d_.m_axi_bresp_i != t->resp)
      fail(fmt::format("BRESP {} for id {} addr 0x{:x}, expected {}", d_.m_axi_bresp_i, id, t->addr,
                       t->resp));
    const uint64_t from = std::max(t->a_cycle, t->w_cycle);
    if (cycle_ - from < write_latency)
      fail(fmt::format("B id {} after {} cycles < {}", id, cycle_ - from, write_latency));
    if (w_out_.begin()->first != t->seq) ++ooo_writes;
    w_out_.erase(t->seq);
    q.pop_front();
    ++done_writes;
  }
  void on_r() {
    const uint64_t id = d_.m_axi_rid_i;
    auto& q = r_id_[id];
    if (q.empty()) fail(fmt::format("R for id {} with no read outstanding", id));
    TxnP t = q.front();
    if (r_cur_ && r_cur_ != t) {
      if (!interleave_ok_)
        fail(fmt::format("R burst id {} interleaved into id {}", id, r_cur_->id));
      ++interleaved;
    }
    const unsigned n = t->r_got++;
    if (n == 0) {
      if (cycle_ - t->a_cycle < t->min_latency)
        fail(fmt::format("R id {} addr 0x{:x} after {} cycles < {}", id, t->addr,
                         cycle_ - t->a_cycle, t->min_latency));
      if (r_out_.begin()->first != t->seq) ++ooo_reads;
    }
    if (d_.m_axi_rresp_i != t->resp)
      fail(fmt::format("RRESP {} for id {} addr 0x{:x}, expected {}", d_.m_axi_rresp_i, id, t->addr,
                       t->resp));
    if (bool(d_.m_axi_rlast_i) != (n == t->len))
      fail(fmt::format("RLAST wrong on beat {} of {} (id {})", n, t->len + 1, id));
    const uint64_t base = beat_base(*t, n);
    for (unsigned i = 0; i < bus_; ++i) {
      const uint64_t a = base + i;
      const uint64_t s = 1ULL << t->size;
      const uint64_t beat_lo = n == 0 ? t->addr : (t->addr & ~(s - 1)) + n * s;
      const uint64_t beat_hi = (beat_lo & ~(s - 1)) + s;
      if (a < beat_lo || a >= beat_hi) continue;  // lane not part of this beat
      const uint8_t got = get_byte(d_.m_axi_rdata_i, i);
      const uint8_t exp = t->expect[a - t->addr];
      if (got != exp)
        fail(fmt::format("read id {} addr 0x{:x}: byte 0x{:x} is 0x{:02x}, expected 0x{:02x}", id,
                         t->addr, a, got, exp));
    }
    r_cur_ = t;
    if (n == t->len) {
      r_cur_ = nullptr;
      r_out_.erase(t->seq);
      q.pop_front();
      ++done_reads;
    }
  }

  Dut& d_;
  Rng& rng_;
  unsigned bus_;
  bool interleave_ok_;
  uint64_t cycle_ = 0, seq_ = 0;
  std::deque<TxnP> aw_q_, w_q_, ar_q_;
  bool aw_show_ = false, w_show_ = false, ar_show_ = false;
  std::map<uint64_t, std::deque<TxnP>> w_id_, r_id_;
  std::map<uint64_t, TxnP> w_out_, r_out_;  // by seq: accepted, not answered
  TxnP r_cur_;
};

// A random INCR burst inside [base, base + pages * 4 KiB), often ending right
// at a 4 KiB boundary, with an unaligned start and a ragged end.
template <class Rng_>
void random_burst(Rng_& rng, Txn& t, unsigned bus, uint64_t base, unsigned pages) {
  const unsigned bus_log2 = unsigned(std::countr_zero(bus));
  t.size = rng.chance(0.2) ? unsigned(rng.range(0, bus_log2)) : bus_log2;
  const uint64_t s = 1ULL << t.size;
  const uint64_t max_beats = std::min<uint64_t>(256, 4096 / s);
  const uint64_t beats =
      rng.chance(0.25) ? rng.range(1, max_beats) : rng.range(1, std::min<uint64_t>(max_beats, 8));
  const uint64_t span = beats * s;
  const uint64_t page = base + rng.range(0, pages - 1) * 4096;
  const uint64_t off = rng.chance(0.5) ? 4096 - span : rng.range(0, (4096 - span) / s) * s;
  t.len = unsigned(beats - 1);
  t.addr = page + off + rng.range(0, s - 1);
  const uint64_t aligned_end = page + off + span;
  const uint64_t last_lo = beats == 1 ? t.addr : aligned_end - s;
  t.end = rng.chance(0.5) ? aligned_end : rng.range(last_lo + 1, aligned_end);
}

void random_write_data(Rng& rng, Txn& t, unsigned bus) {
  const uint64_t s = 1ULL << t.size;
  t.data.resize(size_t(t.len + 1) * bus);
  for (auto& b : t.data) b = uint8_t(rng.u64());
  t.strb.assign(t.len + 1, 0);
  const bool holes = rng.chance(0.1);
  for (unsigned n = 0; n <= t.len; ++n) {
    const uint64_t lo = n == 0 ? t.addr : (t.addr & ~(s - 1)) + n * s;
    const uint64_t hi = std::min((lo & ~(s - 1)) + s, t.end);
    const uint64_t base = lo & ~uint64_t(bus - 1);
    for (uint64_t a = lo; a < hi; ++a)
      if (!holes || rng.chance(0.7)) t.strb[n] |= 1ULL << (a - base);
  }
}

struct Shadow {
  uint64_t fill;
  std::unordered_map<uint64_t, uint8_t> m;
  uint8_t get(uint64_t a) const {
    auto it = m.find(a);
    return it == m.end() ? uint8_t(fill >> (8 * (a % 8))) : it->second;
  }
};

bool overlaps(uint64_t lo, uint64_t hi, uint64_t rlo, uint64_t rhi) { return lo < rhi && rlo < hi; }

template <class T>
class AxiMemTest : public ::testing::Test {};
using Widths =
    ::testing::Types<std::integral_constant<unsigned, 64>, std::integral_constant<unsigned, 128>,
                     std::integral_constant<unsigned, 512>>;
TYPED_TEST_SUITE(AxiMemTest, Widths);

struct Variant {
  const char* name;
  bool reorder, interleave;
};

// Random traffic: writes to one region while reads run in another (prefilled
// by the host API), then reads of everything written; error and slow regions.
TYPED_TEST(AxiMemTest, RandomTraffic) {
  constexpr unsigned W = TypeParam::value;
  using Dut = FakeDut<W>;
  constexpr unsigned B = Dut::kBytes;
  const uint64_t RBase = 0x0000000812340000ULL, WBase = 0xfffffff000000000ULL;
  const unsigned Pages = 16;
  const uint64_t RErrLo = RBase + 3 * 4096 + 100, RErrHi = RErrLo + 1500;
  const uint64_t WErrLo = WBase + 5 * 4096 + 1000, WErrHi = WErrLo + 1500;
  const uint64_t SlowLo = RBase + 14 * 4096, SlowHi = RBase + 16 * 4096, SlowLat = 1200;

  for (const Variant v : {Variant{"reorder", true, false}, Variant{"interleave", true, true},
                          Variant{"in-order", false, false}}) {
    SCOPED_TRACE(fmt::format("AxiDataW={} variant={}", W, v.name));
    Rng rng(seed_for(W + 7 * unsigned(v.interleave) + 13 * unsigned(v.reorder)));
    Dut d;
    AxiMemConfig cfg;
    cfg.reorder = v.reorder;
    cfg.r_interleave = v.interleave;
    AxiMem<Dut> mem(d, rng, cfg);
    ASSERT_EQ(mem.bus_bytes(), B);
    mem.add_error_region(RErrLo, RErrHi, axi::DECERR, true, false);
    mem.add_error_region(WErrLo, WErrHi, axi::SLVERR, false, true);
    mem.add_slow_region(SlowLo, SlowHi, SlowLat);
    std::map<uint64_t, unsigned> hooked;
    uint64_t hook_beats = 0;
    mem.on_write_beat([&](const AxiWriteBeat& b) {
      ++hook_beats;
      for (unsigned i = 0; i < b.bus_bytes; ++i)
        if ((b.strb >> i) & 1) ++hooked[b.base + i];
      if (b.nbytes && (b.lo != b.base + unsigned(std::countr_zero(b.strb)) || b.hi <= b.lo))
        throw std::runtime_error("write hook: lo/hi inconsistent");
    });
    uint64_t read_reqs = 0;
    mem.on_read_request([&](const AxiReadRequest&) { ++read_reqs; });

    Shadow sh{cfg.fill_pattern, {}};
    // Host prefill of the read region, except pages 0 and 9 (fill pattern).
    for (unsigned p = 0; p < Pages; ++p) {
      if (p == 0 || p == 9) continue;
      std::vector<uint8_t> buf(4096);
      for (auto& b : buf) b = uint8_t(rng.u64());
      mem.write_bytes(RBase + p * 4096, buf);
      for (unsigned i = 0; i < 4096; ++i) sh.m[RBase + p * 4096 + i] = buf[i];
    }

    Master<Dut> m(d, rng, B, v.interleave);
    m.write_latency = cfg.write_latency;
    uint64_t ok_bytes = 0, n_writes = 0, n_reads = 0;
    auto make_read = [&](uint64_t base) {
      auto t = std::make_shared<Txn>();
      random_burst(rng, *t, B, base, Pages);
      t->end = (t->addr & ~((1ULL << t->size) - 1)) + (uint64_t(t->len + 1) << t->size);
      t->id = rng.range(0, 7);
      t->resp = overlaps(t->addr, t->end, RErrLo, RErrHi) ? axi::DECERR : axi::OKAY;
      t->min_latency = overlaps(t->addr, t->end, SlowLo, SlowHi) ? SlowLat : cfg.read_latency;
      for (uint64_t a = t->addr; a < t->end; ++a)
        t->expect.push_back(t->resp ? uint8_t(cfg.fill_pattern >> (8 * (a % 8))) : sh.get(a));
      ++n_reads;
      m.read(t);
    };
    auto make_write = [&]() {
      auto t = std::make_shared<Txn>();
      random_burst(rng, *t, B, WBase, Pages);
      random_write_data(rng, *t, B);
      t->id = rng.range(0, 7);
      const uint64_t foot =
          (t->addr & ~((1ULL << t->size) - 1)) + (uint64_t(t->len + 1) << t->size);
      t->resp = overlaps(t->addr, foot, WErrLo, WErrHi) ? axi::SLVERR : axi::OKAY;
      if (t->resp == axi::OKAY)
        for (unsigned n = 0; n <= t->len; ++n)
          for (unsigned i = 0; i < B; ++i)
            if ((t->strb[n] >> i) & 1) {
              sh.m[m.beat_base(*t, n) + i] = t->data[size_t(n) * B + i];
              ++ok_bytes;
            }
      ++n_writes;
      m.write(t);
    };
    auto run = [&](unsigned writes, unsigned reads, uint64_t rbase) {
      unsigned w = 0, r = 0;
      for (uint64_t c = 0; !(w == writes && r == reads && m.idle() && mem.idle()); ++c) {
        if (c > 2000000) FAIL() << "no progress";
        if (w < writes && m.writes_in_flight() < 24) make_write(), ++w;
        if (r < reads && m.reads_in_flight() < 24) make_read(rbase), ++r;
        mem.drive();
        m.drive();
        mem.sample();
        m.sample();
      }
    };
    std::string err;  // the checkers throw; show their message
    try {
      run(800, 800, RBase);
      run(0, 800, WBase);
      mem.check_idle();
    } catch (const std::exception& e) {
      err = e.what();
    }
    ASSERT_EQ(err, "");

    const auto& st = mem.stats();
    fmt::print(
        "  W={} {}: {} cycles, {} writes ({} beats, {} B stored, {} err), {} reads ({} beats, {} "
        "err), max outstanding r/w {}/{}, out of order r/w {}/{} (model {}/{}), interleaved {}, W "
        "before AW {}\n",
        W, v.name, m.cycle(), st.writes, st.write_beats, st.bytes_written, st.write_errors,
        st.reads, st.read_beats, st.read_errors, st.max_reads_outstanding,
        st.max_writes_outstanding, m.ooo_reads, m.ooo_writes, st.reordered_reads,
        st.reordered_writes, m.interleaved, m.w_before_aw);
    EXPECT_EQ(m.done_writes, n_writes);
    EXPECT_EQ(m.done_reads, n_reads);
    EXPECT_EQ(st.writes, n_writes);
    EXPECT_EQ(st.reads, n_reads);
    EXPECT_EQ(read_reqs, n_reads);
    EXPECT_EQ(st.bytes_written, ok_bytes);
    EXPECT_GT(st.write_errors, 0u);
    EXPECT_GT(st.read_errors, 0u);
    EXPECT_GT(st.max_reads_outstanding, 4u);
    EXPECT_GT(st.max_writes_outstanding, 4u);
    EXPECT_GT(m.w_before_aw, 0u);
    EXPECT_EQ(hook_beats, st.write_beats);
    EXPECT_EQ(hooked, m.issued_bytes);  // the hook sees every strobed byte, errors too
    uint64_t per_id = 0;
    for (const auto& [id, n] : st.reads_per_id) per_id += n;
    EXPECT_EQ(per_id, n_reads);
    if (v.reorder) {
      EXPECT_GT(m.ooo_reads, 0u);
      EXPECT_GT(m.ooo_writes, 0u);
      EXPECT_GT(st.reordered_reads, 0u);
    } else {
      EXPECT_EQ(m.ooo_reads, 0u);
      EXPECT_EQ(m.ooo_writes, 0u);
    }
    if (v.interleave) {
      EXPECT_GT(m.interleaved, 0u);
    }
    // Host view of the write region: the shadow, fill where never written,
    // and nothing stored in the error range.
    const auto host = mem.read_bytes(WBase, Pages * 4096);
    for (uint64_t i = 0; i < host.size(); ++i) {
      ASSERT_EQ(host[i], sh.get(WBase + i)) << fmt::format("host byte 0x{:x}", WBase + i);
      if (WBase + i >= WErrLo && WBase + i < WErrHi) {
        ASSERT_EQ(host[i], uint8_t(cfg.fill_pattern >> (8 * ((WBase + i) % 8))));
      }
    }
  }
}

// Issue 4's head-of-line case: a slow region on ID 0; ID 1 overtakes it, a
// second ID-0 read to fast memory still waits for the first (same-ID order).
TYPED_TEST(AxiMemTest, SlowRegionAndSameIdOrder) {
  constexpr unsigned W = TypeParam::value;
  using Dut = FakeDut<W>;
  constexpr unsigned B = Dut::kBytes;
  Rng rng(seed_for(W + 100));
  Dut d;
  AxiMemConfig cfg;
  cfg.read_latency = 50;
  cfg.read_jitter = 0;
  AxiMem<Dut> mem(d, rng, cfg);
  mem.add_slow_region(0x10000, 0x20000, 3000);
  Master<Dut> m(d, rng, B, false);
  std::vector<uint64_t> done;
  std::vector<TxnP> ts;
  for (auto [id, addr] : {std::pair<uint64_t, uint64_t>{0, 0x10000}, {0, 0x30000}, {1, 0x40000}}) {
    auto t = std::make_shared<Txn>();
    t->id = id;
    t->addr = addr;
    t->size = unsigned(std::countr_zero(B));
    t->len = 3;
    t->end = addr + 4 * B;
    t->expect.assign(4 * B, 0);
    for (unsigned i = 0; i < 4 * B; ++i)
      t->expect[i] = uint8_t(cfg.fill_pattern >> (8 * ((addr + i) % 8)));
    t->min_latency = addr == 0x10000 ? 3000 : 50;
    ts.push_back(t);
    m.read(t);
  }
  std::vector<uint64_t> finish(3, 0);
  for (uint64_t c = 0; c < 10000 && !(m.idle() && mem.idle()); ++c) {
    mem.drive();
    m.drive();
    mem.sample();
    m.sample();
    for (unsigned i = 0; i < 3; ++i)
      if (!finish[i] && ts[i]->r_got == ts[i]->len + 1) finish[i] = m.cycle();
  }
  ASSERT_TRUE(m.idle());
  EXPECT_LT(finish[2], finish[0]);  // ID 1 not held up by the slow ID-0 read
  EXPECT_GT(finish[1], finish[0]);  // same ID: in order
  EXPECT_GE(finish[0], 3000u);
  EXPECT_LT(finish[2], 500u);
}

// Host-side API: fill pattern, byte/word access across pages.
TYPED_TEST(AxiMemTest, HostApi) {
  constexpr unsigned W = TypeParam::value;
  using Dut = FakeDut<W>;
  Rng rng(seed_for(W + 200));
  Dut d;
  AxiMem<Dut> mem(d, rng);
  EXPECT_EQ(mem.read_u32(0x1234560), 0xdeadbeefu);
  EXPECT_EQ(mem.read_u64(0x8), 0xdeadbeefdeadbeefULL);
  mem.write_u64(0xffc, 0x0123456789abcdefULL);  // straddles a page
  EXPECT_EQ(mem.read_u64(0xffc), 0x0123456789abcdefULL);
  EXPECT_EQ(mem.read_u32(0x1000), 0x01234567u);
  mem.fill(0x2000, 10, 0x5a);
  const auto v = mem.read_bytes(0x1ffe, 14);
  EXPECT_EQ(v[0], 0xad);  // 0x1ffe % 8 == 6: byte 6 of the pattern
  EXPECT_EQ(v[2], 0x5a);
  EXPECT_EQ(v[11], 0x5a);
  EXPECT_EQ(v[12], uint8_t(0xdeadbeefdeadbeefULL >> 16));
  const std::array<uint8_t, 3> b{1, 2, 3};
  mem.write_bytes(0x7fff'ffff'ffff'fffeULL, b);
  EXPECT_EQ(mem.read_bytes(0x7fff'ffff'ffff'fffeULL, 3), std::vector<uint8_t>({1, 2, 3}));
}

// Protocol checker: each violation throws, naming the channel.
template <unsigned W>
struct Bench {
  using Dut = FakeDut<W>;
  static constexpr unsigned B = Dut::kBytes, L = unsigned(std::countr_zero(B));
  Rng rng{seed_for(W + 300)};
  Dut d;
  AxiMem<Dut> mem;
  explicit Bench(double stall = 0) : mem(d, rng, cfg(stall)) {}
  static AxiMemConfig cfg(double stall) {
    AxiMemConfig c;
    c.p_aw_stall = c.p_w_stall = c.p_ar_stall = stall;
    return c;
  }
  void step() {
    mem.drive();
    mem.sample();
  }
  void aw(uint64_t addr, unsigned len, unsigned size, unsigned burst = 1) {
    d.m_axi_awvalid_o = 1;
    d.m_axi_awaddr_o = addr;
    d.m_axi_awlen_o = uint8_t(len);
    d.m_axi_awsize_o = uint8_t(size);
    d.m_axi_awburst_o = uint8_t(burst);
  }
  void w(bool last, uint64_t strb_lo = 0, unsigned n = B) {
    d.m_axi_wvalid_o = 1;
    d.m_axi_wlast_o = last;
    for (unsigned i = 0; i < B; ++i) set_bit(d.m_axi_wstrb_o, i, i >= strb_lo && i < strb_lo + n);
  }
  std::string expect_throw() {
    try {
      for (int i = 0; i < 10; ++i) step();
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "no throw";
  }
};

TYPED_TEST(AxiMemTest, ProtocolChecker) {
  constexpr unsigned W = TypeParam::value;
  using Bn = Bench<W>;
  constexpr unsigned B = Bn::B, L = Bn::L;
  auto has = [](const std::string& s, const char* what) {
    EXPECT_NE(s.find(what), std::string::npos) << s;
  };
  {  // AW crossing 4 KiB: 2 beats from one beat below the boundary, unaligned
    Bn b;
    b.aw(0x5000 - B + 1, 1, L);
    const auto e = b.expect_throw();
    has(e, "AW");
    has(e, "4 KiB");
    has(e, "addr=0x");
  }
  {  // AR crossing 4 KiB
    Bn b;
    b.d.m_axi_arvalid_o = 1;
    b.d.m_axi_arid_o = 5;
    b.d.m_axi_araddr_o = 0x1000 - 4 * B;
    b.d.m_axi_arlen_o = 4;
    b.d.m_axi_arsize_o = uint8_t(L);
    const auto e = b.expect_throw();
    has(e, "AR id=5");
    has(e, "4 KiB");
  }
  {  // the same burst ending exactly at the boundary is fine
    Bn b;
    b.d.m_axi_arvalid_o = 1;
    b.d.m_axi_araddr_o = 0x1000 - 4 * B;
    b.d.m_axi_arlen_o = 3;
    b.d.m_axi_arsize_o = uint8_t(L);
    b.step();
    b.d.m_axi_arvalid_o = 0;
    EXPECT_EQ(b.expect_throw(), "no throw");
  }
  {  // WLAST early
    Bn b;
    b.aw(0x100 * B, 3, L);
    b.w(false);
    b.step();  // both accepted (no stalls)
    b.d.m_axi_awvalid_o = 0;
    b.w(true);
    const auto e = b.expect_throw();
    has(e, "WLAST set on beat 1 of a 4-beat burst");
  }
  {  // WLAST missing, with W before AW
    Bn b;
    b.w(false);
    b.step();
    b.d.m_axi_wvalid_o = 0;
    b.aw(0, 0, L);
    const auto e = b.expect_throw();
    has(e, "WLAST missing");
  }
  {  // FIXED and WRAP bursts
    Bn b;
    b.aw(0, 3, L, 0);
    has(b.expect_throw(), "FIXED");
    Bn c;
    c.aw(0, 3, L, 2);
    has(c.expect_throw(), "WRAP");
  }
  {  // size wider than the bus
    Bn b;
    b.aw(0, 0, L + 1);
    has(b.expect_throw(), "wider than");
  }
  {  // strobe outside the beat's lanes (unaligned start, full strobe)
    Bn b;
    b.aw(3, 0, L);
    b.w(true);
    has(b.expect_throw(), "WSTRB");
  }
  {  // card profile: a strobe with a hole, an address beyond 48 bits
    Bn b;
    b.mem.config() = AxiMemConfig::card();
    b.mem.config().p_aw_stall = b.mem.config().p_w_stall = b.mem.config().p_ar_stall = 0;
    b.aw(0, 0, L);
    b.w(true);
    set_bit(b.d.m_axi_wstrb_o, 1, false);  // lanes 0, 2..: a hole at lane 1
    has(b.expect_throw(), "hole");
    Bn c;
    c.mem.config() = AxiMemConfig::card();
    c.d.m_axi_arvalid_o = 1;
    c.d.m_axi_araddr_o = 1ULL << 48;
    c.d.m_axi_arsize_o = uint8_t(L);
    has(c.expect_throw(), "beyond 48 bits");
    Bn e;  // the same strobe is fine in the simulation profile
    e.aw(0, 0, L);
    e.w(true);
    set_bit(e.d.m_axi_wstrb_o, 1, false);
    e.step();
    e.d.m_axi_awvalid_o = e.d.m_axi_wvalid_o = 0;
    EXPECT_EQ(e.expect_throw(), "no throw");
  }
  {  // AWVALID dropped while stalled, AR payload changed while stalled, W dropped
    Bn b(1.0);
    b.aw(0, 0, L);
    b.step();
    b.d.m_axi_awvalid_o = 0;
    has(b.expect_throw(), "AWVALID dropped");
    Bn c(1.0);
    c.d.m_axi_arvalid_o = 1;
    c.step();
    c.d.m_axi_araddr_o = 0x40;
    has(c.expect_throw(), "AR payload changed");
    Bn e(1.0);
    e.w(true);
    e.step();
    e.d.m_axi_wvalid_o = 0;
    has(e.expect_throw(), "WVALID dropped");
  }
}

// Error ranges: a write touching one gets the code and stores nothing; a
// read gets the code on every beat and the fill pattern.
TYPED_TEST(AxiMemTest, ErrorRanges) {
  constexpr unsigned W = TypeParam::value;
  using Bn = Bench<W>;
  constexpr unsigned B = Bn::B, L = Bn::L;
  Bn b;
  b.mem.config().p_b_delay = b.mem.config().p_r_delay = 0;
  b.mem.config().write_latency = 2;
  b.mem.config().write_jitter = 0;
  b.mem.config().read_latency = 3;
  b.mem.config().read_jitter = 0;
  b.mem.add_error_region(0x2000 + 2 * B, 0x2000 + 2 * B + 1, axi::DECERR, false, true);
  b.mem.add_error_region(0x3000, 0x3001, axi::SLVERR, true, false);
  std::vector<uint8_t> data(4 * B, 0x11);
  b.mem.write_bytes(0x3000, data);
  b.d.m_axi_bready_o = b.d.m_axi_rready_o = 1;
  // 4-beat write over the error byte
  b.aw(0x2000, 3, L);
  b.d.m_axi_awid_o = 2;
  b.step();
  b.d.m_axi_awvalid_o = 0;
  for (unsigned n = 0; n < 4; ++n) {
    b.w(n == 3);
    for (unsigned i = 0; i < B; ++i) set_byte(b.d.m_axi_wdata_o, i, 0x77);
    b.step();
  }
  b.d.m_axi_wvalid_o = 0;
  bool got_b = false;
  for (int i = 0; i < 10 && !got_b; ++i) {
    b.mem.drive();
    if (b.d.m_axi_bvalid_i) {
      got_b = true;
      EXPECT_EQ(b.d.m_axi_bid_i, 2);
      EXPECT_EQ(b.d.m_axi_bresp_i, axi::DECERR);
    }
    b.mem.sample();
  }
  EXPECT_TRUE(got_b);
  EXPECT_EQ(b.mem.read_u32(0x2000), 0xdeadbeefu);  // nothing stored
  EXPECT_EQ(b.mem.stats().bytes_written, 0u);
  // read over the read-error byte: SLVERR on each beat, fill data
  b.d.m_axi_arvalid_o = 1;
  b.d.m_axi_arid_o = 3;
  b.d.m_axi_araddr_o = 0x3000;
  b.d.m_axi_arlen_o = 1;
  b.d.m_axi_arsize_o = uint8_t(L);
  b.step();
  b.d.m_axi_arvalid_o = 0;
  unsigned beats = 0;
  for (int i = 0; i < 20 && beats < 2; ++i) {
    b.mem.drive();
    if (b.d.m_axi_rvalid_i) {
      EXPECT_EQ(b.d.m_axi_rid_i, 3);
      EXPECT_EQ(b.d.m_axi_rresp_i, axi::SLVERR);
      EXPECT_EQ(get_byte(b.d.m_axi_rdata_i, 0), 0xef);
      EXPECT_EQ(bool(b.d.m_axi_rlast_i), beats == 1);
      ++beats;
    }
    b.mem.sample();
  }
  EXPECT_EQ(beats, 2u);
  EXPECT_EQ(b.mem.read_u32(0x3000), 0x11111111u);  // the host still sees its data
  EXPECT_NO_THROW(b.mem.check_idle());
}

}  // namespace
