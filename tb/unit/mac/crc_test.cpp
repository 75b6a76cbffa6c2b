// vmq_crc32 on its own against zlib's crc32 (an independent implementation):
// every length 0..8 from random register states, random data (bytes past
// len_i must not matter), chained over whole frames, and the FCS residue
// 0xDEBB20E3 that vmq_mac_rx checks.
#include VMQ_MODEL_HEADER

#include <memory>
#include <stdexcept>
#include <vector>

#include "mac_ref.hpp"
#include "vmq_tb.hpp"

using namespace vmq::tb;

namespace {

// zlib keeps the register inverted: crc32(~r, ...) continues from register r
uint32_t zlib_step(uint32_t reg, const uint8_t* p, unsigned n) {
  return ~uint32_t(crc32(uLong(~reg), p, n));
}

}  // namespace

int main(int argc, char** argv) {
  Args args(argc, argv, VMQ_TEST_NAME);
  try {
    auto ctx = std::make_unique<VerilatedContext>();
    auto m = std::make_unique<VMQ_MODEL>(ctx.get(), "crc");
    Rng r(args.seed);
    auto step = [&](uint32_t reg, const uint8_t* p, unsigned len, uint64_t junk) {
      uint64_t d = junk;
      for (unsigned i = 0; i < len; ++i) set_byte(d, i, p[i]);
      m->crc_i = reg;
      m->data_i = d;
      m->len_i = len;
      m->eval();
      return uint32_t(m->crc_o);
    };
    const uint64_t n = args.get("n", 200000);
    for (uint64_t t = 0; t < n; ++t) {
      uint8_t b[8];
      for (auto& x : b) x = uint8_t(r.u64());
      const uint32_t reg = t % 4 == 0 ? 0xffffffffu : uint32_t(r.u64());
      const unsigned len = unsigned(t % 9);
      const uint32_t got = step(reg, b, len, r.u64()), exp = zlib_step(reg, b, len);
      if (got != exp)
        throw std::runtime_error(
            fmt::format("case {}: crc_i {:#010x} len {}: crc_o {:#010x}, zlib "
                        "{:#010x}",
                        t, reg, len, got, exp));
    }
    // whole frames in 8-byte steps + a partial last step, then the residue
    unsigned frames = 0;
    for (size_t len = 1; len <= 300; ++len, ++frames) {
      std::vector<uint8_t> f(len);
      for (auto& x : f) x = uint8_t(r.u64());
      vmq::mac::append_fcs(f);
      uint32_t reg = 0xffffffffu;
      for (size_t o = 0; o < len; o += 8)
        reg = step(reg, &f[o], unsigned(std::min<size_t>(8, len - o)), r.u64());
      if (~reg != vmq::mac::crc_of(f.data(), len))
        throw std::runtime_error(fmt::format("frame of {} bytes: FCS {:#010x}, zlib {:#010x}", len,
                                             ~reg, vmq::mac::crc_of(f.data(), len)));
      reg = 0xffffffffu;
      for (size_t o = 0; o < f.size(); o += 8)
        reg = step(reg, &f[o], unsigned(std::min<size_t>(8, f.size() - o)), r.u64());
      if (reg != 0xDEBB20E3u)
        throw std::runtime_error(
            fmt::format("frame of {} bytes + FCS: residue {:#010x}", len, reg));
    }
    fmt::print("{}: {} single steps (len 0..8) and {} frames equal to zlib, residue 0xDEBB20E3\n",
               VMQ_TEST_NAME, n, frames);
    m->final();
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: FAIL: {} (seed {})\n", VMQ_TEST_NAME, e.what(), args.seed);
    return 1;
  }
}
