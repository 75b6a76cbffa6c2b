// Random filter tables, port settings and frames for the sorter tests: MACs
// and VIDs come from small pools so that filter hits are frequent, and frame
// sizes cover runts below the 18-byte floor up to past MaxFrameBytes.
#pragma once

#include <vector>

#include "vmq_model.hpp"
#include "vmq_tb.hpp"

namespace vmq::tb {

struct SorterStimulus {
  unsigned num_queues;
  unsigned max_frame_bytes;
  std::vector<model::MacAddr> macs{model::kBroadcast, 0x01005e000001ULL, 0x333300000001ULL,
                                   0x020000000001ULL, 0x020000000002ULL, 0x020000000003ULL,
                                   0x020000000004ULL, 0x0a0b0c0d0e0fULL};
  std::vector<uint16_t> vids{0, 1, 10, 20, 4094, 4095};
  // Frames that can cross a real link (a MAC + PCS in front of the core):
  // padded to the 60-byte minimum as the sending MAC pads them, and no tkeep
  // faults (an XGMII cannot carry a hole in a frame). tuser still appears:
  // the sender aborts the frame, the receiving MAC flags it.
  bool phy = false;

  uint64_t qbits() const { return num_queues >= 64 ? ~0ULL : (1ULL << num_queues) - 1; }

  model::Filter filter(Rng& r) const {
    model::Filter f;
    f.valid = r.chance(0.85);
    f.type = model::FilterType(r.range(0, 3));
    f.mac = r.pick(macs);
    f.vid = uint16_t(r.pick(vids) & 0xfff);
    f.qmask = r.u64() & qbits();
    if (r.chance(0.6)) f.qmask &= f.qmask >> 1 & f.qmask >> 2;  // often few bits
    return f;
  }

  // Everything but the filter table.
  model::RxConfig ports(Rng& r, model::RxConfig c) const {
    const uint64_t qm = qbits();
    auto sparse = [&] { return r.u64() & r.u64() & r.u64() & qm; };
    c.bcast = sparse();
    c.mcast = sparse();
    c.promisc = r.chance(0.2) ? sparse() & sparse() : 0;
    c.enabled = r.chance(0.15) ? qm : (r.u64() | r.u64()) & qm;
    c.default_queue = r.chance(0.7);
    c.tpid = r.chance(0.9) ? 0x8100 : 0x88a8;
    c.min_frame = uint16_t(r.chance(0.8) ? 60 : r.range(0, 80));
    c.max_frame = uint16_t(r.chance(0.6) ? 1518 : r.range(60, max_frame_bytes + 100));
    return c;
  }

  struct Frame {
    std::vector<uint8_t> bytes;
    bool tuser = false;
    int keep_fault = 0;  // see SorterHarnessT::send
  };

  Frame frame(Rng& r) const {
    Frame f;
    model::MacAddr da = r.chance(0.9) ? r.pick(macs) : (r.u64() & 0xffffffffffffULL);
    int tci = -1;
    if (r.chance(0.5)) tci = int((r.range(0, 7) << 13) | r.pick(vids));
    const unsigned cls = unsigned(r.range(0, 99));
    size_t len;
    if (cls < 5)
      len = r.range(1, 17);  // below the 18-byte floor
    else if (cls < 12)
      len = r.range(18, 64);  // around min_frame
    else if (cls < 80)
      len = r.range(60, 200);
    else if (cls < 95)
      len = r.range(200, 1600);
    else
      len = r.range(1500, max_frame_bytes + 64);  // up to and past MaxFrameBytes
    const uint16_t tpid = r.chance(0.9) ? 0x8100 : 0x88a8;
    f.bytes = model::make_frame(da, 0x02aa00000000ULL | r.range(0, 255), tci, 0x0800, len, tpid,
                                uint8_t(r.u64()));
    f.tuser = r.chance(0.03);
    f.keep_fault = r.chance(0.03) ? int(r.range(1, 3)) : 0;
    if (phy) {
      if (f.bytes.size() < 60) f.bytes.resize(60, 0);
      f.keep_fault = 0;
    }
    return f;
  }
};

}  // namespace vmq::tb
