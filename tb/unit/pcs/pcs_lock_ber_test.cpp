// Directed, cycle-exact tests of the block lock (vmq_pcs_lock, figure 49-14)
// and BER monitor (vmq_pcs_ber, figure 49-15) through vmq_pcs_parts_top,
// with the small parameters of the build (SlipWaitCycles, BerWindowCycles).
//
// Lock: 63 valid headers do not lock and the 64th does; an invalid header
// while unlocked slips at once (one-cycle pulse); the headers of the slip
// cycle and the SlipWaitCycles after it are ignored (invalid ones there do
// nothing) and the next one is tested; 63 valid + 1 invalid slips; locked,
// 15 invalid headers in a 64-header window keep lock (also 15 + 15 back to
// back across a window boundary: the windows do not slide), 16 in one window
// lose it with a slip right after the 16th; 00 and 11 are invalid, 01 and 10
// valid.
// BER: 15 invalid in a window leave hi_ber low; the 16th sets it at once; it
// stays set to the end of that window and through the next one, and clears
// after the first window with fewer than 16; 16 in the last cycle of a
// window; loss of lock clears it; not locked, nothing is counted.
#include VMQ_MODEL_HEADER

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "pcs_common.hpp"

#ifndef VMQ_PARAM_SlipWaitCycles
#define VMQ_PARAM_SlipWaitCycles 5
#endif
#ifndef VMQ_PARAM_BerWindowCycles
#define VMQ_PARAM_BerWindowCycles 200
#endif

namespace {

using namespace vmq::tb;
using namespace vmq::pcs;

constexpr unsigned kWait = VMQ_PARAM_SlipWaitCycles;
constexpr unsigned kWin = VMQ_PARAM_BerWindowCycles;

class Bench {
 public:
  explicit Bench(const Args& args) : clk_(args, "pcs_parts"), rng_(args.seed) {
    auto& d = clk_.dut();
    d.enc_txd_i = kIdleWord.d;
    d.enc_txc_i = kIdleWord.c;
    d.dec_block_i = 0;
    d.dec_header_i = 0;
    d.dec_init_i = 1;
    d.scr_data_i = 0;
    d.scr_header_i = 0;
    d.dsc_data_i = 0;
    d.dsc_header_i = 0;
    d.lock_header_i = 0;
    d.ber_lock_i = 0;
    d.ber_sh_valid_i = 0;
  }

  // ---------------- block lock ----------------
  void lock() {
    clk_.reset();
    hdr_n_ = 0;
    // 63 valid: no lock; the 64th: lock
    for (int i = 0; i < 63; ++i) expect_lock(feed(good()), false, false, "acquire, header < 64");
    expect_lock(feed(good()), true, false, "acquire, 64th valid header");

    // locked; window 1: 15 invalid at random places
    window({}, 15, "locked, 15 invalid in a window");
    // window 2: 15 invalid at the end, window 3: 15 at the start (30 in a row)
    std::set<unsigned> tail, head;
    for (unsigned i = 49; i < 64; ++i) tail.insert(i);
    for (unsigned i = 0; i < 15; ++i) head.insert(i);
    window(tail, 0, "locked, 15 invalid at the end of a window");
    window(head, 0, "locked, 15 invalid at the start of the next (30 in a row)");
    // window 4: 16 invalid -> lock lost and slip right after the 16th
    std::set<unsigned> pos;
    while (pos.size() < 16) pos.insert(unsigned(rng_.range(0, 63)));
    unsigned last = *pos.rbegin();
    for (unsigned i = 0; i <= last; ++i) {
      auto o = feed(pos.count(i) ? bad() : good());
      if (i < last)
        expect_lock(o, true, false, "locked, fewer than 16 invalid so far");
      else
        expect_lock(o, false, true, "16th invalid header in a window");
    }
    slip_wait("after losing lock");

    // unlocked: 63 valid then 1 invalid -> slip, no lock
    for (int i = 0; i < 63; ++i) expect_lock(feed(good()), false, false, "63 valid after a slip");
    expect_lock(feed(bad()), false, true, "invalid header at 64 while unlocked");
    slip_wait("after a slip at 64");
    for (int i = 0; i < 63; ++i) expect_lock(feed(good()), false, false, "re-acquire, < 64");
    expect_lock(feed(good()), true, false, "re-acquire, 64th valid header");
    fmt::print(
        "{}: block lock: acquire at exactly 64, slip and wait of {} cycles, windows of 64 "
        "(15 keep lock, 30 across a boundary keep lock, 16 lose it) ({} headers)\n",
        VMQ_TEST_NAME, kWait, hdr_n_);
  }

  // ---------------- BER monitor ----------------
  void ber() {
    clk_.reset();
    // not locked: nothing counts
    for (unsigned i = 0; i < 3 * kWin; ++i) expect_ber(feedb(false, false), false, "not locked");
    // window 0: 15 invalid
    ber_window(15, -1, false, false, "15 invalid");
    // window 1: 16 invalid, the 16th at a random place: hi_ber from the 16th on
    ber_window(16, -1, false, true, "16 invalid");
    // window 2: clean; hi_ber stays set to its last cycle and clears with it
    ber_window(0, -1, true, false, "clean window after hi_ber");
    // window 3: 16, window 4: 20, window 5: clean -> clears at the end of 5
    ber_window(16, -1, false, true, "16 invalid");
    ber_window(20, -1, true, true, "20 invalid while hi_ber");
    ber_window(0, -1, true, false, "clean window after two bad ones");
    // window 6: the 16th invalid header in the window's last cycle
    ber_window(16, int(kWin - 1), false, true, "16th invalid in the last cycle");
    ber_window(0, -1, true, false, "clean window after a last-cycle hi_ber");
    // window 7: 16 invalid, then lock lost: hi_ber clears the next cycle
    for (unsigned i = 0; i < 16; ++i) feedb(true, false);
    expect_ber(cur_hi(), true, "16 invalid in a row");
    expect_ber(feedb(false, true), false, "lock lost while hi_ber");
    // lock back: a new window starts
    ber_window(15, -1, false, false, "15 invalid after re-lock");
    fmt::print(
        "{}: BER monitor: windows of {} cycles, 16 invalid sets hi_ber at once, clears "
        "after a window with < 16, cleared by loss of lock ({} cycles)\n",
        VMQ_TEST_NAME, kWin, clk_.cycle());
  }

 private:
  Clocked<VMQ_MODEL> clk_;
  Rng rng_;
  uint64_t hdr_n_ = 0;

  struct LockOut {
    bool lock, slip;
  };
  uint8_t good() { return rng_.chance(0.5) ? 0b01 : 0b10; }
  uint8_t bad() { return rng_.chance(0.5) ? 0b00 : 0b11; }

  // one header in; the outputs after the edge (what this header caused)
  LockOut feed(uint8_t hdr) {
    auto& d = clk_.dut();
    d.lock_header_i = hdr;
    clk_.settle();
    clk_.edge();
    clk_.settle();
    ++hdr_n_;
    return {bool(d.lock_lock_o), bool(d.lock_slip_o)};
  }
  void expect_lock(LockOut o, bool lock, bool slip, const std::string& what) {
    if (o.lock != lock || o.slip != slip)
      throw std::runtime_error(fmt::format(
          "lock, header {} ({}), cycle {}: expected lock={} slip={}, got lock={} slip={}",
          hdr_n_ - 1, what, clk_.cycle(), lock, slip, o.lock, o.slip));
  }
  // a locked window of 64 headers: invalid at the positions in `at`, plus
  // `extra` more at random positions; lock must hold throughout
  void window(std::set<unsigned> at, unsigned extra, const std::string& what) {
    while (at.size() < extra) at.insert(unsigned(rng_.range(0, 63)));
    for (unsigned i = 0; i < 64; ++i)
      expect_lock(feed(at.count(i) ? bad() : good()), true, false, what);
  }
  // after the header that caused a slip: the slip cycle and kWait more are
  // ignored (invalid headers there do nothing); the next invalid one slips
  void slip_wait(const std::string& what) {
    for (unsigned i = 0; i <= kWait; ++i)
      expect_lock(feed(bad()), false, false, "ignored after slip (" + what + ")");
    expect_lock(feed(bad()), false, true, "first tested header after the wait (" + what + ")");
    for (unsigned i = 0; i <= kWait; ++i)
      expect_lock(feed(i % 2 ? bad() : good()), false, false, "ignored after slip (" + what + ")");
  }

  bool cur_hi() { return clk_.dut().ber_hi_ber_o; }
  bool feedb(bool lock, bool valid) {
    auto& d = clk_.dut();
    d.ber_lock_i = lock;
    d.ber_sh_valid_i = valid;
    clk_.settle();
    clk_.edge();
    clk_.settle();
    return d.ber_hi_ber_o;
  }
  void expect_ber(bool hi, bool want, const std::string& what) {
    if (hi != want)
      throw std::runtime_error(fmt::format("BER, cycle {} ({}): expected hi_ber={} got {}",
                                           clk_.cycle(), what, want, hi));
  }
  // one window, locked, with n invalid headers (the last at `last_at` if >= 0);
  // hi_ber expected: `hi_before` until the n>=16th invalid, then high; at the
  // window's end: stays high if n >= 16, else clears (GOOD_BER) -- except
  // that a window ending in HI_BER hold is left as set
  void ber_window(unsigned n, int last_at, bool hi_before, bool hi_end, const std::string& what) {
    std::set<unsigned> pos;
    if (last_at >= 0) pos.insert(unsigned(last_at));
    while (pos.size() < n)
      pos.insert(unsigned(rng_.range(0, last_at >= 0 ? last_at - 1 : kWin - 1)));
    unsigned seen = 0;
    bool hi = hi_before;
    for (unsigned i = 0; i < kWin; ++i) {
      bool valid = !pos.count(i);
      if (!valid) ++seen;
      if (seen >= 16) hi = true;
      bool got = feedb(true, valid);
      if (i + 1 == kWin) hi = hi_end;  // the window's end decides
      expect_ber(got, hi, fmt::format("{}: window cycle {}, {} invalid so far", what, i, seen));
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  Args args(argc, argv, VMQ_TEST_NAME);
  try {
    Bench b(args);
    b.lock();
    b.ber();
    fmt::print("{}: PASS\n", VMQ_TEST_NAME);
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: FAIL: {} (seed {})\n", VMQ_TEST_NAME, e.what(), args.seed);
    return 1;
  }
}
