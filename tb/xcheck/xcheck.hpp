// Netlist-vs-RTL cross-check core (docs/sv-subset.md, "Synthesis cross-check").
//
// scripts/synth_xcheck.py generates, per block and parameter set, an SV wrapper
// `xcheck_top` that instantiates the RTL top (u_rtl) and the Yosys netlist
// `<top>_syn` (u_syn) on the same inputs, exposing each output twice as
// rtl_<name> / syn_<name>; plus xcheck_ports.cpp, which lists those pairs for
// the Comparator. Per-block stimulus implements xc::Stimulus; xcheck_main.cpp
// is the same for every block.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "Vxcheck_top.h"

namespace xc {

// xoshiro256** seeded through splitmix64: fast, and the same sequence on every
// machine for a given seed.
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (auto& w : s_) {
      seed += 0x9e3779b97f4a7c15ull;
      uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
      w = z ^ (z >> 31);
    }
  }
  uint64_t next() {
    const uint64_t r = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return r;
  }
  uint64_t below(uint64_t n) { return n ? next() % n : 0; }                     // [0, n)
  uint64_t range(uint64_t lo, uint64_t hi) { return lo + below(hi - lo + 1); }  // [lo, hi]
  bool chance(unsigned percent) { return below(100) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// ---- access to Verilated signals of any width --------------------------------
// Verilator stores 1..8 bits in CData, ..16 SData, ..32 IData, ..64 QData and
// wider signals as VlWide (32-bit words, least significant first).
inline size_t storage_bytes(int width) {
  return width <= 8    ? 1
         : width <= 16 ? 2
         : width <= 32 ? 4
         : width <= 64 ? 8
                       : 4 * ((width + 31) / 32);
}
// The value of a signal as 32-bit words, bits above `width` cleared.
inline std::vector<uint32_t> read_words(const void* p, int width) {
  std::vector<uint32_t> w((width + 31) / 32, 0);
  if (width <= 64) {
    uint64_t v = 0;
    std::memcpy(&v, p, storage_bytes(width));  // little-endian host
    if (width < 64) v &= (uint64_t(1) << width) - 1;
    w[0] = uint32_t(v);
    if (w.size() > 1) w[1] = uint32_t(v >> 32);
  } else {
    std::memcpy(w.data(), p, 4 * w.size());
    if (width % 32) w.back() &= (uint32_t(1) << (width % 32)) - 1;
  }
  return w;
}
inline std::string hex(const std::vector<uint32_t>& w, int width) {
  std::string s = std::to_string(width) + "'h";
  char buf[16];
  for (size_t i = w.size(); i-- > 0;) {
    std::snprintf(buf, sizeof buf, i + 1 == w.size() ? "%x" : "%08x", w[i]);
    s += buf;
  }
  return s;
}

// Set bits [lsb, lsb+n) (n <= 64) of a signal of any storage type.
template <class T>
inline void set_bits(T& sig, int lsb, int n, uint64_t v) {
  const uint64_t m = n >= 64 ? ~uint64_t(0) : ((uint64_t(1) << n) - 1);
  sig = T((uint64_t(sig) & ~(m << lsb)) | ((v & m) << lsb));
}
template <std::size_t W>
inline void set_bits(VlWide<W>& sig, int lsb, int n, uint64_t v) {
  for (int i = 0; i < n; ++i) {
    const int b = lsb + i;
    const uint32_t bit = uint32_t(1) << (b % 32);
    if ((v >> i) & 1)
      sig[b / 32] |= bit;
    else
      sig[b / 32] &= ~bit;
  }
}
template <class T>
inline uint64_t get_bits(const T& sig, int lsb, int n) {
  const uint64_t m = n >= 64 ? ~uint64_t(0) : ((uint64_t(1) << n) - 1);
  return (uint64_t(sig) >> lsb) & m;
}
template <std::size_t W>
inline uint64_t get_bits(const VlWide<W>& sig, int lsb, int n) {
  uint64_t v = 0;
  for (int i = 0; i < n; ++i) v |= uint64_t((sig[(lsb + i) / 32] >> ((lsb + i) % 32)) & 1) << i;
  return v;
}
// Fill a whole signal of `width` bits with random bits.
template <class T>
inline void randomize(T& sig, int width, Rng& rng) {
  for (int b = 0; b < width; b += 64) set_bits(sig, b, width - b < 64 ? width - b : 64, rng.next());
}

// ---- comparison core ----------------------------------------------------------
struct Port {
  const char* name;
  int width;
  const void* rtl;
  const void* syn;
};
std::vector<Port> ports(Vxcheck_top* top);  // generated: xcheck_ports.cpp

class Comparator {
 public:
  Comparator(std::vector<Port> ports, uint64_t seed) : ports_(std::move(ports)), seed_(seed) {}
  // Compares every output; prints each mismatch (up to a few) and returns false
  // if any differs.
  bool check(uint64_t cycle, const char* phase) {
    bool ok = true;
    for (const Port& p : ports_) {
      const auto a = read_words(p.rtl, p.width), b = read_words(p.syn, p.width);
      if (a != b) {
        ok = false;
        std::printf("MISMATCH cycle %llu (%s) output %s: rtl=%s netlist=%s seed=%llu\n",
                    (unsigned long long)cycle, phase, p.name, hex(a, p.width).c_str(),
                    hex(b, p.width).c_str(), (unsigned long long)seed_);
      }
    }
    ++checks_;
    return ok;
  }
  uint64_t checks() const { return checks_; }
  size_t size() const { return ports_.size(); }

 private:
  std::vector<Port> ports_;
  uint64_t seed_;
  uint64_t checks_ = 0;
};

// ---- per-block stimulus ---------------------------------------------------------
// Per cycle, with the clock low: drive() sets the inputs, the model is
// evaluated, the outputs are compared, then sample() sees the settled
// outputs (to track handshakes that happen at the coming edge); then the
// clock rises and the outputs are compared again.
class Stimulus {
 public:
  virtual ~Stimulus() = default;
  virtual void drive(uint64_t cycle) = 0;
  virtual void sample(uint64_t cycle) {}
  // Printed at the end (frames sent, decisions seen, ...).
  virtual std::string summary() const { return ""; }
};
std::unique_ptr<Stimulus> make_stimulus(Vxcheck_top* top, uint64_t seed);  // per block

}  // namespace xc
