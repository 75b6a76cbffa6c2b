// The scrambler and descrambler (vmq_pcs_scrambler, 64 bits per cycle)
// against the bit-serial reference of IEEE 802.3 49.2.6 / 49.2.10 written
// here (pcs_common.hpp: one bit at a time through a 58-bit shift register),
// through vmq_pcs_parts_top.
//
// 1. Scrambler from its reset state (all ones, docs/eth-pcs.md) over
//    --blocks random payloads: every output block equals the reference's,
//    and the sync header goes through unscrambled with the same delay.
// 2. Descrambler from reset over random input: equals the reference.
// 3. Self-synchronisation: a reference scrambler started from a random state
//    feeds the RTL descrambler; from the second block on (58 bits are enough)
//    the RTL gives back the original payloads.
#include VMQ_MODEL_HEADER

#include <stdexcept>
#include <vector>

#include "pcs_common.hpp"

namespace {

using namespace vmq::tb;
using namespace vmq::pcs;

class Bench {
 public:
  explicit Bench(const Args& args) : clk_(args, "pcs_parts"), rng_(args.seed) {
    auto& d = clk_.dut();
    d.enc_txd_i = kIdleWord.d;
    d.enc_txc_i = kIdleWord.c;
    d.dec_block_i = 0;
    d.dec_header_i = 0;
    d.dec_init_i = 1;
    d.lock_header_i = 0;
    d.ber_lock_i = 0;
    d.ber_sh_valid_i = 0;
  }

  void run(uint64_t nblocks) {
    auto& d = clk_.dut();
    clk_.reset();
    SerialScrambler ref_scr;    // from all ones, as the RTL after reset
    SerialDescrambler ref_dsc;  // from all ones
    struct In {
      uint64_t scr_in, dsc_in;
      uint8_t hdr;
    };
    In prev{};
    uint64_t checked = 0;
    for (uint64_t i = 0; i <= nblocks; ++i) {
      In cur{rng_.u64(), rng_.u64(), uint8_t(rng_.range(0, 3))};
      // runs of all-zero / all-one payloads too (idle-like input)
      if (i % 97 < 5) cur.scr_in = 0;
      if (i % 89 < 3) cur.scr_in = ~0ULL;
      if (i % 83 < 4) cur.dsc_in = 0;
      d.scr_data_i = cur.scr_in;
      d.scr_header_i = cur.hdr;
      d.dsc_data_i = cur.dsc_in;
      d.dsc_header_i = uint8_t(3 - cur.hdr);
      clk_.settle();
      if (i > 0) {
        uint64_t want_s = ref_scr.block(prev.scr_in);
        uint64_t want_d = ref_dsc.block(prev.dsc_in);
        uint64_t got_s = d.scr_data_o, got_d = d.dsc_data_o;
        if (got_s != want_s || d.scr_header_o != prev.hdr)
          throw std::runtime_error(
              fmt::format("scrambler, block {}, cycle {}: input {} expected {} got {}", i - 1,
                          clk_.cycle(), fmt_block(prev.hdr, prev.scr_in),
                          fmt_block(prev.hdr, want_s), fmt_block(uint8_t(d.scr_header_o), got_s)));
        if (got_d != want_d || d.dsc_header_o != 3 - prev.hdr)
          throw std::runtime_error(fmt::format(
              "descrambler, block {}, cycle {}: input {} expected {} got {}", i - 1, clk_.cycle(),
              fmt_block(uint8_t(3 - prev.hdr), prev.dsc_in),
              fmt_block(uint8_t(3 - prev.hdr), want_d), fmt_block(uint8_t(d.dsc_header_o), got_d)));
        ++checked;
      }
      prev = cur;
      clk_.edge();
    }
    fmt::print("{}: {} blocks: scrambler and descrambler equal the bit-serial reference\n",
               VMQ_TEST_NAME, checked);
  }

  // part 3: continuous far-end stream into the RTL descrambler after reset
  void self_sync(uint64_t nblocks) {
    auto& d = clk_.dut();
    clk_.reset();
    SerialScrambler far_scr;
    uint64_t st = rng_.u64();
    far_scr.set_state(st);
    std::vector<uint64_t> orig;
    for (uint64_t i = 0; i <= nblocks; ++i) {
      uint64_t o = rng_.u64();
      orig.push_back(o);
      d.dsc_data_i = far_scr.block(o);
      d.dsc_header_i = kSyncData;
      clk_.settle();
      if (i >= 2) {  // output of block i-1; block 0 may differ (58 bits of history)
        uint64_t got = d.dsc_data_o;
        if (got != orig[i - 1])
          throw std::runtime_error(fmt::format(
              "descrambler self-sync (far-end state 0x{:015X}), block {}, cycle {}: expected "
              "{} got {}",
              st & ((1ULL << 58) - 1), i - 1, clk_.cycle(), fmt_block(kSyncData, orig[i - 1]),
              fmt_block(kSyncData, got)));
      }
      clk_.edge();
    }
    fmt::print(
        "{}: descrambler in step with a far-end scrambler from a random state after one "
        "block ({} blocks)\n",
        VMQ_TEST_NAME, nblocks);
  }

 private:
  Clocked<VMQ_MODEL> clk_;
  Rng rng_;
};

}  // namespace

int main(int argc, char** argv) {
  Args args(argc, argv, VMQ_TEST_NAME);
  try {
    Bench b(args);
    uint64_t n = args.get("blocks", 200000);
    b.run(n);
    b.self_sync(n / 4);
    fmt::print("{}: PASS\n", VMQ_TEST_NAME);
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: FAIL: {} (seed {})\n", VMQ_TEST_NAME, e.what(), args.seed);
    return 1;
  }
}
