// Random numbers and byte/bit access to Verilator ports of any width: the
// pieces of the core rig (sim/rig) that the tests share with product code
// (the simulation platform). Needs verilated.h (VlWide).
#pragma once

#include <verilated.h>

#include <cstddef>
#include <cstdint>
#include <random>

namespace vmq::rig {

class Rng {
 public:
  explicit Rng(uint64_t seed) : g_(seed) {}
  uint64_t u64() { return g_(); }
  // uniform in [lo, hi]
  uint64_t range(uint64_t lo, uint64_t hi) { return lo + g_() % (hi - lo + 1); }
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(g_) < p; }
  template <class C>
  auto pick(const C& c) -> decltype(c[0]) {
    return c[range(0, c.size() - 1)];
  }

 private:
  std::mt19937_64 g_;
};

// Byte i of a Verilator port (little-endian: byte 0 in bits 7:0).
inline void set_byte(uint64_t& p, unsigned i, uint8_t v) {
  p = (p & ~(0xffULL << (8 * i))) | (uint64_t(v) << (8 * i));
}
inline void set_byte(uint32_t& p, unsigned i, uint8_t v) {
  p = (p & ~(0xffU << (8 * i))) | (uint32_t(v) << (8 * i));
}
inline void set_byte(uint16_t& p, unsigned i, uint8_t v) {
  p = uint16_t((p & ~(0xffU << (8 * i))) | (uint32_t(v) << (8 * i)));
}
inline void set_byte(uint8_t& p, unsigned, uint8_t v) { p = v; }
template <std::size_t N>
inline void set_byte(VlWide<N>& p, unsigned i, uint8_t v) {
  uint32_t& w = p[i / 4];
  w = (w & ~(0xffU << (8 * (i % 4)))) | (uint32_t(v) << (8 * (i % 4)));
}
template <class T>
inline uint8_t get_byte(const T& p, unsigned i) {
  return uint8_t(uint64_t(p) >> (8 * i));
}
template <std::size_t N>
inline uint8_t get_byte(const VlWide<N>& p, unsigned i) {
  return uint8_t(p[i / 4] >> (8 * (i % 4)));
}

// Bit i of a port of any width.
template <class T>
inline void set_bit(T& p, unsigned i, bool v) {
  if (v)
    p |= T(1) << i;
  else
    p &= ~(T(1) << i);
}
template <class T>
inline bool get_bit(const T& p, unsigned i) {
  return (uint64_t(p) >> i) & 1;
}
template <std::size_t N>
inline void set_bit(VlWide<N>& p, unsigned i, bool v) {
  if (v)
    p[i / 32] |= 1U << (i % 32);
  else
    p[i / 32] &= ~(1U << (i % 32));
}
template <std::size_t N>
inline bool get_bit(const VlWide<N>& p, unsigned i) {
  return (p[i / 32] >> (i % 32)) & 1;
}

}  // namespace vmq::rig
