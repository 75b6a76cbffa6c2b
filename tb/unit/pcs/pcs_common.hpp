// Shared pieces of the 10GBASE-R PCS tests (docs/eth-pcs.md): XGMII words,
// 66-bit block formatting, the bit-serial reference scrambler/descrambler,
// a MAC-like XGMII traffic generator, and the serial link + GT gearbox model.
// Nothing here includes a Verilated model; everything is written from IEEE
// 802.3 clause 49 independently of the RTL.
#pragma once

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <stdexcept>
#include <string>
#include <vector>

#include "vmq_tb.hpp"

namespace vmq::pcs {

// Sync headers as {bit 1, bit 0}, bit 0 first on the wire (as vmq_eth_pkg).
constexpr uint8_t kSyncData = 0b10;  // wire: 0 then 1
constexpr uint8_t kSyncCtrl = 0b01;  // wire: 1 then 0

struct Xgmii {
  uint64_t d = 0;
  uint8_t c = 0;
  bool operator==(const Xgmii&) const = default;
};

constexpr Xgmii kIdleWord{0x0707070707070707ULL, 0xFF};
constexpr Xgmii kErrorWord{0xFEFEFEFEFEFEFEFEULL, 0xFF};
// LBLOCK_R: local fault ordered set (/Q/ 00 00 01) in lanes 0 and 4
constexpr Xgmii kLocalFaultWord{0x0100009C0100009CULL, 0x11};

inline uint8_t lane(const Xgmii& w, unsigned i) { return uint8_t(w.d >> (8 * i)); }
inline bool is_ctl(const Xgmii& w, unsigned i) { return (w.c >> i) & 1; }
inline bool has_error_char(const Xgmii& w) {
  for (unsigned i = 0; i < 8; ++i)
    if (is_ctl(w, i) && lane(w, i) == 0xFE) return true;
  return false;
}

// "ctl 0x1E | 0x000000000000001E" style: the sync header as transmitted
// (bit 0 first) and the 64 payload bits (payload bit i = block bit i + 2).
inline std::string fmt_block(uint8_t hdr, uint64_t payload) {
  const char* kind = hdr == kSyncData ? "data" : hdr == kSyncCtrl ? "ctrl" : "BAD";
  return fmt::format("[sync {}{} ({}), payload 0x{:016X}]", hdr & 1, (hdr >> 1) & 1, kind, payload);
}
inline std::string fmt_xgmii(const Xgmii& w) {
  return fmt::format("[d 0x{:016X} c 0x{:02X}]", w.d, w.c);
}

// Bit-serial scrambler of 49.2.6, G(x) = 1 + x^39 + x^58: s[n] = d[n] ^
// s[n-39] ^ s[n-58]. reg bit k holds s[n-1-k]. Reset state all ones, as the
// RTL (docs/eth-pcs.md).
class SerialScrambler {
 public:
  bool bit(bool d) {
    bool s = d ^ ((reg_ >> 38) & 1) ^ ((reg_ >> 57) & 1);
    reg_ = ((reg_ << 1) | uint64_t(s)) & kMask;
    return s;
  }
  uint64_t block(uint64_t payload) {  // payload bit 0 first
    uint64_t out = 0;
    for (unsigned i = 0; i < 64; ++i) out |= uint64_t(bit((payload >> i) & 1)) << i;
    return out;
  }
  void set_state(uint64_t r) { reg_ = r & kMask; }

 private:
  static constexpr uint64_t kMask = (1ULL << 58) - 1;
  uint64_t reg_ = kMask;
};

// Bit-serial descrambler of 49.2.10: d[n] = s[n] ^ s[n-39] ^ s[n-58].
class SerialDescrambler {
 public:
  bool bit(bool s) {
    bool d = s ^ ((reg_ >> 38) & 1) ^ ((reg_ >> 57) & 1);
    reg_ = ((reg_ << 1) | uint64_t(s)) & kMask;
    return d;
  }
  uint64_t block(uint64_t payload) {
    uint64_t out = 0;
    for (unsigned i = 0; i < 64; ++i) out |= uint64_t(bit((payload >> i) & 1)) << i;
    return out;
  }
  void set_state(uint64_t r) { reg_ = r & kMask; }

 private:
  static constexpr uint64_t kMask = (1ULL << 58) - 1;
  uint64_t reg_ = kMask;
};

// MAC-like XGMII source: frames that start in lane 0 or 4 (/S/ then data,
// /T/ in any lane, idles to the end of that word), idle runs, ordered sets
// (lane 0 or 4, with 3 data bytes) and now and then reserved control
// characters or /LI/ among the idles. Every word it makes is encodable and in
// an order the transmit state machine accepts, so it must round-trip exactly.
class Traffic {
 public:
  struct Knobs {
    unsigned min_len = 7, max_len = 200;  // data bytes after /S/
    double long_frame = 0.02;             // chance of a 64..1600-byte frame instead
    unsigned max_gap_chunks = 6;          // idle 4-lane chunks between frames: 0..max
    double os = 0.03;                     // chance a between-frames chunk is an ordered set
    double odd_ctl = 0.01;                // chance an idle lane carries /R/-style or /LI/
  };
  Traffic(vmq::tb::Rng& rng, Knobs k) : rng_(rng), k_(k) {}

  Xgmii next() {
    Xgmii w;
    unsigned i = 0;
    while (i < 8) {
      if (in_frame_) {
        if (left_ > 0) {
          put(w, i++, uint8_t(rng_.u64()), false);
          --left_;
        } else {
          put(w, i++, 0xFD, true);
          ++frames_;
          in_frame_ = false;
          while (i < 8) put(w, i++, idle_char(), true);
          gap_ = unsigned(rng_.range(0, k_.max_gap_chunks));
        }
        continue;
      }
      // between frames: one 4-lane chunk at lane 0 or 4
      if (gap_ > 0) {
        --gap_;
        if (rng_.chance(k_.os)) {
          put_os(w, i);
        } else {
          for (unsigned j = 0; j < 4; ++j) put(w, i + j, idle_char(), true);
        }
        i += 4;
        continue;
      }
      put(w, i++, 0xFB, true);
      in_frame_ = true;
      unsigned min_len = i == 1 ? 7 : 3;  // lanes after /S/ in its word must be data
      unsigned len = rng_.chance(k_.long_frame) ? unsigned(rng_.range(64, 1600))
                                                : unsigned(rng_.range(k_.min_len, k_.max_len));
      left_ = std::max(len, min_len);
    }
    ++words_;
    return w;
  }
  uint64_t frames() const { return frames_; }

 private:
  vmq::tb::Rng& rng_;
  Knobs k_;
  bool in_frame_ = false;
  unsigned left_ = 0, gap_ = 2;
  uint64_t frames_ = 0, words_ = 0;

  static void put(Xgmii& w, unsigned i, uint8_t ch, bool ctl) {
    w.d = (w.d & ~(0xFFULL << (8 * i))) | (uint64_t(ch) << (8 * i));
    if (ctl)
      w.c = uint8_t(w.c | (1u << i));
    else
      w.c = uint8_t(w.c & ~(1u << i));
  }
  uint8_t idle_char() {
    if (!rng_.chance(k_.odd_ctl)) return 0x07;
    static const uint8_t kOdd[] = {0x06, 0x1C, 0x3C, 0x7C, 0xBC, 0xDC, 0xF7};
    return kOdd[rng_.range(0, 6)];
  }
  void put_os(Xgmii& w, unsigned i) {
    put(w, i, rng_.chance(0.8) ? 0x9C : 0x5C, true);
    if (rng_.chance(0.5)) {  // local / remote fault
      put(w, i + 1, 0, false);
      put(w, i + 2, 0, false);
      put(w, i + 3, uint8_t(rng_.range(1, 2)), false);
    } else {
      for (unsigned j = 1; j < 4; ++j) put(w, i + j, uint8_t(rng_.u64()), false);
    }
  }
};

// The serial link and the receiving GT's gearbox.
//
// TX: each cycle the DUT's gt_txheader/gt_txdata become 66 bits on the wire,
// in the order the GT sends them: with gt_rev = 0 TXHEADER[0], TXHEADER[1],
// TXDATA[0..63]; with gt_rev = 1 TXHEADER[1], TXHEADER[0], TXDATA[63..0]
// (a GT that sends the MSB first, as the PCS's GtBitReverse assumes).
// Either way the wire carries IEEE block bit 0 first if the PCS is right;
// wire_block() lets the bench check that independently.
//
// RX: each cycle 66 wire bits from the read position are handed to the DUT
// in the same GT convention. The read position starts `prefill` bits before
// the first transmitted block (prefill mod 66 is the initial misalignment).
// RXGEARBOXSLIP: a pulse is taken on a rising edge when no slip is pending;
// `latency` cycles later the read position moves back one bit (the stream
// slips by one bit), and the blocks of that cycle and the `unstable - 1`
// after it are garbage with invalid sync headers (00) -- what a PCS that
// tests headers too early would see. Pulses while a slip is pending, or
// without a low cycle before them, are ignored and counted. (UG576 / AM002:
// "RXGEARBOXSLIP must be deasserted for at least one cycle and then
// reasserted", "it takes a specific number of cycles before the bitslip
// operation is processed and the output data is stable"; the numbers are
// not documented: docs/eth-pcs.md, verify on hardware.)
class GtLink {
 public:
  struct Cfg {
    bool gt_rev = false;
    unsigned latency = 8;   // >= 1
    unsigned unstable = 2;  // cycles of garbage from the slip on
    unsigned prefill = 132;
  };
  GtLink(vmq::tb::Rng& rng, Cfg cfg) : rng_(rng), cfg_(cfg) {
    if (cfg_.latency < 1) throw std::runtime_error("GtLink: latency must be >= 1");
    // before the first TX block: control-header blocks of random payload on
    // the same block grid (so the right alignment sees valid headers from
    // the start, as on a live link)
    for (unsigned i = 0; i < cfg_.prefill; ++i) {
      int k = int(i) - int(cfg_.prefill % 66);
      unsigned pos = unsigned((k + 66 * 4) % 66);
      wire_.push_back(pos == 0 ? 1 : pos == 1 ? 0 : uint8_t(rng_.u64() & 1));
    }
  }

  // Flip IEEE bit `bit` (0..65; 0,1 = sync header) of TX block `n` (the n-th
  // push_tx) on the wire.
  void inject(uint64_t n, unsigned bit) { flips_.push_back({n, bit}); }

  // the DUT's TX output of this cycle onto the wire (with any flips injected
  // for this block); last_hdr()/last_payload() give it in IEEE terms as the
  // DUT sent it (before the flips)
  void push_tx(uint8_t gt_hdr, uint64_t gt_data) {
    uint8_t b[66];
    to_ieee(gt_hdr, gt_data, b);
    last_hdr_ = uint8_t(b[0] | (b[1] << 1));
    last_payload_ = 0;
    for (unsigned i = 0; i < 64; ++i) last_payload_ |= uint64_t(b[2 + i]) << i;
    for (auto it = flips_.begin(); it != flips_.end();) {
      if (it->n == tx_blocks_) {
        b[it->bit] ^= 1;
        it = flips_.erase(it);
      } else {
        ++it;
      }
    }
    for (unsigned i = 0; i < 66; ++i) wire_.push_back(b[i]);
    ++tx_blocks_;
    trim();
  }
  // the last pushed block in IEEE terms: header {bit1, bit0}, payload bit i = block bit i+2
  uint8_t last_hdr() const { return last_hdr_; }
  uint64_t last_payload() const { return last_payload_; }
  uint64_t tx_blocks() const { return tx_blocks_; }

  // IEEE view (header {bit1, bit0}, payload) of a GT-side block
  void ieee(uint8_t gt_hdr, uint64_t gt_data, uint8_t& hdr, uint64_t& payload) const {
    uint8_t b[66];
    to_ieee(gt_hdr, gt_data, b);
    hdr = uint8_t(b[0] | (b[1] << 1));
    payload = 0;
    for (unsigned i = 0; i < 64; ++i) payload |= uint64_t(b[2 + i]) << i;
  }

  // the GT's RX output for this cycle
  void rx_block(uint64_t cycle, uint8_t& gt_hdr, uint64_t& gt_data) {
    if (pending_ && cycle == apply_at_) {
      if (rd_ == 0) throw std::runtime_error("GtLink: slip before the first bit");
      --rd_;
      ++slips_;
    }
    if (pending_ && cycle >= apply_at_ && cycle < apply_at_ + cfg_.unstable) {
      gt_hdr = 0;
      gt_data = rng_.u64();
    } else {
      if (rd_ + 66 > wire_.size()) throw std::runtime_error("GtLink: RX ran ahead of TX");
      uint8_t b[66];
      for (unsigned i = 0; i < 66; ++i) b[i] = wire_[rd_ + i];
      from_ieee(b, gt_hdr, gt_data);
    }
    if (pending_ && cycle + 1 >= apply_at_ + std::max(cfg_.unstable, 1u)) pending_ = false;
    rd_ += 66;
  }
  // gt_rxgearboxslip_o as the GT samples it at the end of `cycle`
  void sample_slip(uint64_t cycle, bool slip) {
    if (slip && !slip_prev_) {
      if (pending_) {
        ++ignored_;
      } else {
        pending_ = true;
        apply_at_ = cycle + cfg_.latency;
        ++pulses_;
      }
    } else if (slip && slip_prev_) {
      ++ignored_;
    }
    slip_prev_ = slip;
  }
  uint64_t pulses() const { return pulses_; }
  uint64_t ignored() const { return ignored_; }
  uint64_t slips() const { return slips_; }
  // bits between the RX read position and the start of a TX block (0 = aligned)
  unsigned misalignment() const {
    uint64_t pos = base_ + rd_;
    return unsigned((pos + 66 * 1000000 - cfg_.prefill) % 66);
  }

 private:
  struct Flip {
    uint64_t n;
    unsigned bit;
  };
  vmq::tb::Rng& rng_;
  Cfg cfg_;
  std::deque<uint8_t> wire_;
  uint64_t base_ = 0;  // wire bits trimmed from the front
  uint64_t rd_ = 0;    // read position in wire_
  uint64_t tx_blocks_ = 0;
  std::vector<Flip> flips_;
  bool pending_ = false, slip_prev_ = false;
  uint64_t apply_at_ = 0, pulses_ = 0, ignored_ = 0, slips_ = 0;
  uint8_t last_hdr_ = 0;
  uint64_t last_payload_ = 0;

  void to_ieee(uint8_t gh, uint64_t gd, uint8_t* b) const {
    for (unsigned i = 0; i < 2; ++i) b[i] = (gh >> (cfg_.gt_rev ? 1 - i : i)) & 1;
    for (unsigned i = 0; i < 64; ++i) b[2 + i] = (gd >> (cfg_.gt_rev ? 63 - i : i)) & 1;
  }
  void from_ieee(const uint8_t* b, uint8_t& gh, uint64_t& gd) const {
    gh = 0;
    gd = 0;
    for (unsigned i = 0; i < 2; ++i) gh = uint8_t(gh | (b[i] << (cfg_.gt_rev ? 1 - i : i)));
    for (unsigned i = 0; i < 64; ++i) gd |= uint64_t(b[2 + i]) << (cfg_.gt_rev ? 63 - i : i);
  }
  void trim() {
    if (rd_ > (1u << 16)) {
      uint64_t n = rd_ - 1024;
      wire_.erase(wire_.begin(), wire_.begin() + std::ptrdiff_t(n));
      rd_ -= n;
      base_ += n;
    }
  }
};

}  // namespace vmq::pcs
