// Reference side of the MAC tests (plain C++, no Verilator): XGMII characters,
// the Ethernet FCS through zlib (independent of the RTL CRC), a checker of
// what the transmit MAC may put on the XGMII, the receive rules of
// docs/eth-mac.md as a lane-by-lane model, the deficit idle count, and a
// builder of hand-made XGMII streams.
//
// Positions are absolute lane numbers on the wire: 8 * cycle + lane.
#pragma once

#include <fmt/core.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace vmq::mac {

constexpr uint8_t kIdle = 0x07, kStart = 0xFB, kTerm = 0xFD, kError = 0xFE, kSeq = 0x9C;
constexpr uint8_t kPre = 0x55, kSfd = 0xD5;

struct Lane {
  uint8_t d = kIdle;
  bool c = true;
};

// IEEE 802.3 FCS as zlib computes it (crc32 = reflected 0xEDB88320, init and
// final xor all ones); on the wire least significant byte first.
inline uint32_t crc_of(const uint8_t* p, size_t n) {
  return uint32_t(crc32(crc32(0L, Z_NULL, 0), p, uInt(n)));
}
inline void append_fcs(std::vector<uint8_t>& v) {
  uint32_t c = crc_of(v.data(), v.size());
  for (int i = 0; i < 4; ++i) v.push_back(uint8_t(c >> (8 * i)));
}
// frame bytes with their FCS at the end
inline bool fcs_ok(const std::vector<uint8_t>& f) {
  if (f.size() < 4) return false;
  const size_t n = f.size() - 4;
  uint32_t c = crc_of(f.data(), n);
  for (int i = 0; i < 4; ++i)
    if (f[n + i] != uint8_t(c >> (8 * i))) return false;
  return true;
}

inline std::string lane_str(const Lane& l) {
  if (!l.c) return fmt::format("{:02x}", l.d);
  switch (l.d) {
    case kIdle:
      return "/I/";
    case kStart:
      return "/S/";
    case kTerm:
      return "/T/";
    case kError:
      return "/E/";
    default:
      return fmt::format("/{:02x}/", l.d);
  }
}

// ---------------------------------------------------------------------------
// Deficit idle count (docs/eth-mac.md): after a /T/ at position t the next
// /S/ may go at the first multiple of 4 with gap (s - t) >= 9 + d; then
// d = max(0, d + 12 - gap).
struct Dic {
  int d = 0;
  static uint64_t round4(uint64_t p) { return (p + 3) & ~uint64_t(3); }
  uint64_t min_gap(uint64_t t_pos) const { return round4(t_pos + 9 + d) - t_pos; }
  void update(uint64_t gap) { d = std::max<int>(0, d + 12 - int(std::min<uint64_t>(gap, 100))); }
};

// ---------------------------------------------------------------------------
// What the transmit MAC may put on the XGMII: /I/ between frames; /S/ on a
// lane that is a multiple of 4; 6 x 0x55 and 0xD5; data; then /T/, or /E/
// (one or more) then /T/. Anything else is a violation. Each frame is
// reported when its /T/ is seen.
struct WireFrame {
  uint64_t index = 0;  // 0, 1, ... in wire order
  uint64_t s_pos = 0, t_pos = 0;
  uint64_t s_cycle = 0;
  std::vector<uint8_t> bytes;  // data lanes between the SFD and /T/ or the first /E/
  unsigned n_err = 0;          // /E/ characters before the /T/
};

class TxWireChecker {
 public:
  std::function<void(const WireFrame&)> on_frame;
  // called at each /S/ with (frame index, s_pos); before on_frame of that frame
  std::function<void(uint64_t, uint64_t)> on_start;

  // returns the frame byte offset of a data lane (for corruption), or -1
  int64_t lane(const Lane& l, uint64_t pos) {
    int64_t off = -1;
    auto bad = [&](const char* what) {
      throw std::runtime_error(
          fmt::format("TX XGMII: {} at cycle {} lane {}: {} (wire frame {}, state {})", what,
                      pos / 8, pos % 8, lane_str(l), cur_.index, int(st_)));
    };
    switch (st_) {
      case St::Idle:
        if (l.c && l.d == kStart) {
          if (pos % 4 != 0) bad("/S/ not on lane 0 or 4");
          cur_ = WireFrame{};
          cur_.index = next_index_++;
          cur_.s_pos = pos;
          cur_.s_cycle = pos / 8;
          if (on_start) on_start(cur_.index, pos);
          st_ = St::Pre;
          pre_i_ = 0;
          off = -2;  // preamble
        } else if (!(l.c && l.d == kIdle)) {
          bad("expected /I/ between frames");
        }
        break;
      case St::Pre:
        if (l.c || l.d != (pre_i_ < 6 ? kPre : kSfd)) bad("bad preamble/SFD");
        if (++pre_i_ == 7) st_ = St::Data;
        off = -2;
        break;
      case St::Data:
        if (!l.c) {
          off = int64_t(cur_.bytes.size());
          cur_.bytes.push_back(l.d);
        } else if (l.d == kTerm) {
          end(pos);
        } else if (l.d == kError) {
          cur_.n_err = 1;
          st_ = St::Err;
        } else {
          bad("control character other than /T/ or /E/ inside a frame");
        }
        break;
      case St::Err:
        if (l.c && l.d == kError) {
          ++cur_.n_err;
        } else if (l.c && l.d == kTerm) {
          end(pos);
        } else {
          bad("after /E/ only /E/ or /T/");
        }
        break;
    }
    return off;
  }
  bool in_frame() const { return st_ != St::Idle; }
  uint64_t frames() const { return next_index_; }

 private:
  enum class St { Idle, Pre, Data, Err } st_ = St::Idle;
  int pre_i_ = 0;
  uint64_t next_index_ = 0;
  WireFrame cur_;
  void end(uint64_t pos) {
    cur_.t_pos = pos;
    st_ = St::Idle;
    if (on_frame) on_frame(cur_);
  }
};

// ---------------------------------------------------------------------------
// The receive rules of docs/eth-mac.md, lane by lane: what vmq_mac_rx must
// output for any XGMII stream.
enum class RxKind { Good, Fcs, Code };
inline const char* kind_name(RxKind k) {
  return k == RxKind::Good ? "good" : k == RxKind::Fcs ? "fcs-error" : "code-error";
}

struct RxExpect {
  uint64_t index = 0;
  uint64_t s_pos = 0;
  std::vector<uint8_t> data;  // AXI-Stream bytes
  bool tuser = false;
  RxKind kind = RxKind::Good;
  size_t frame_bytes = 0;  // bytes between SFD and the end (FCS included)
};

class RxRef {
 public:
  std::deque<RxExpect> out;
  uint64_t frames = 0, bytes = 0, fcs_errors = 0, code_errors = 0, starts = 0;

  void lane(const Lane& l) {
    switch (st_) {
      case St::Idle:
        if (l.c && l.d == kStart && pos_ % 4 == 0) begin();
        break;
      case St::Pre:
        if (l.c || l.d != (pre_i_ < 6 ? kPre : kSfd)) pre_ok_ = false;
        if (++pre_i_ == 7) st_ = St::Data;
        break;
      case St::Data:
        if (!l.c) {
          f_.push_back(l.d);
        } else {
          end(l.d == kTerm);
          if (l.d == kStart && pos_ % 4 == 0) begin();  // an /S/ that cuts a frame starts one
        }
        break;
    }
    ++pos_;
  }
  bool in_frame() const { return st_ != St::Idle; }

 private:
  enum class St { Idle, Pre, Data } st_ = St::Idle;
  uint64_t pos_ = 0;
  int pre_i_ = 0;
  bool pre_ok_ = true;
  uint64_t s_pos_ = 0;
  std::vector<uint8_t> f_;

  void begin() {
    st_ = St::Pre;
    pre_i_ = 0;
    pre_ok_ = true;
    s_pos_ = pos_;
    f_.clear();
    ++starts;
  }
  void end(bool by_term) {
    RxExpect e;
    e.index = starts - 1;
    e.s_pos = s_pos_;
    e.frame_bytes = f_.size();
    const bool code = !pre_ok_ || !by_term;
    if (f_.size() <= 4) {
      e.data = {0};
      e.tuser = true;
      e.kind = code ? RxKind::Code : RxKind::Fcs;
    } else {
      const bool crc = fcs_ok(f_);
      e.data.assign(f_.begin(), f_.end() - 4);
      e.tuser = code || !crc;
      e.kind = code ? RxKind::Code : !crc ? RxKind::Fcs : RxKind::Good;
    }
    switch (e.kind) {
      case RxKind::Good:
        ++frames;
        bytes += e.data.size();
        break;
      case RxKind::Fcs:
        ++fcs_errors;
        break;
      case RxKind::Code:
        ++code_errors;
        break;
    }
    out.push_back(std::move(e));
    st_ = St::Idle;
  }
};

// ---------------------------------------------------------------------------
// Builds XGMII streams by hand, lane by lane (RX-only tests).
class WireBuilder {
 public:
  std::vector<Lane> lanes;
  void put(uint8_t d, bool c) { lanes.push_back({d, c}); }
  void idle(size_t n) {
    for (size_t i = 0; i < n; ++i) put(kIdle, true);
  }
  // idles up to the next lane that is a multiple of 4 (plus `extra` x 4 more)
  void align4(unsigned extra = 0) {
    while (lanes.size() % 4) put(kIdle, true);
    idle(4 * extra);
  }
  void start_lane(unsigned lane) {  // idles up to the given lane (0 or 4)
    while (lanes.size() % 8 != lane) put(kIdle, true);
  }
  void preamble(uint8_t sfd = kSfd) {
    put(kStart, true);
    for (int i = 0; i < 6; ++i) put(kPre, false);
    put(sfd, false);
  }
  void bytes(const std::vector<uint8_t>& b) {
    for (uint8_t x : b) put(x, false);
  }
  // preamble, bytes (FCS included by the caller), /T/
  void frame(const std::vector<uint8_t>& b) {
    preamble();
    bytes(b);
    put(kTerm, true);
  }
  size_t words() const { return (lanes.size() + 7) / 8; }
  Lane at(size_t pos) const { return pos < lanes.size() ? lanes[pos] : Lane{}; }
};

}  // namespace vmq::mac
