// Constrained-random test of vmq_l2_sorter against the reference model.
//
// Random filter tables (MACs and VIDs from small pools so that hits are
// frequent), frames of every class and of every size 1..MaxFrame, random
// tuser errors and tkeep faults, random idles on the input and backpressure
// on both outputs, and configuration / table changes at random cycles while
// traffic runs. Every decision is compared with the model.
//
//   sorter_random_test --seed N [--frames N] [--idle P] [--stall P]
#include <cstdio>

#include "sorter_harness.hpp"

using namespace vmq;
using namespace vmq::tb;
using P = SorterParams;

namespace {

struct Pools {
  std::vector<model::MacAddr> macs;
  std::vector<uint16_t> vids{0, 1, 10, 20, 4094, 4095};
  std::vector<uint16_t> tpids{0x8100, 0x88a8};
};

model::Filter random_filter(Rng& r, const Pools& pools) {
  model::Filter f;
  f.valid = r.chance(0.85);
  f.type = model::FilterType(r.range(0, 3));
  f.mac = r.pick(pools.macs);
  f.vid = uint16_t(r.pick(pools.vids) & 0xfff);
  f.qmask = r.u64() & ((P::NumQueues >= 64) ? ~0ULL : ((1ULL << P::NumQueues) - 1));
  if (r.chance(0.6)) f.qmask &= f.qmask >> 1 & f.qmask >> 2;  // often few bits
  return f;
}

model::RxConfig random_ports(Rng& r, const model::RxConfig& base) {
  model::RxConfig c = base;
  const uint64_t qm = c.queue_bits();
  auto sparse = [&] { return r.u64() & r.u64() & r.u64() & qm; };
  c.bcast = sparse();
  c.mcast = sparse();
  c.promisc = r.chance(0.2) ? sparse() & sparse() : 0;
  c.enabled = r.chance(0.15) ? qm : (r.u64() | r.u64()) & qm;
  c.default_queue = r.chance(0.7);
  c.tpid = r.chance(0.9) ? 0x8100 : 0x88a8;
  c.min_frame = uint16_t(r.chance(0.8) ? 60 : r.range(0, 80));
  c.max_frame = uint16_t(r.chance(0.6) ? 1518 : r.range(60, P::MaxFrameBytes + 100));
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  Verilated::commandArgs(argc, argv);
  Args args(argc, argv, VMQ_TEST_NAME);
  const uint64_t frames = args.get("frames", 20000);
  SorterKnobs knobs{args.getf("idle", 0.2), args.getf("stall", 0.2), args.getf("stall", 0.2)};
  try {
    SorterHarness h(args, args.seed, knobs);
    Rng& r = h.rng();
    Pools pools;
    pools.macs = {model::kBroadcast, 0x01005e000001ULL, 0x333300000001ULL, 0x020000000001ULL,
                  0x020000000002ULL, 0x020000000003ULL, 0x020000000004ULL, 0x0a0b0c0d0e0fULL};

    h.set_ports(random_ports(r, h.config()));
    for (unsigned i = 0; i < P::NumFilters; ++i) h.write_filter(i, random_filter(r, pools));

    uint64_t sent = 0;
    while (sent < frames) {
      // keep a few frames queued so that the source can run back to back
      while (h.frames_pending() < 8 && sent < frames) {
        model::MacAddr da = r.chance(0.9) ? r.pick(pools.macs) : (r.u64() & 0xffffffffffffULL);
        int tci = -1;
        if (r.chance(0.5)) tci = int((r.range(0, 7) << 13) | r.pick(pools.vids));
        const unsigned cls = unsigned(r.range(0, 99));
        size_t len;
        if (cls < 5) len = r.range(1, 17);                       // runts, below the floor
        else if (cls < 12) len = r.range(18, 64);                 // around min_frame
        else if (cls < 80) len = r.range(60, 200);
        else if (cls < 95) len = r.range(200, 1600);
        else len = r.range(1500, P::MaxFrameBytes + 64);          // up to and past MaxFrame
        uint16_t tpid = r.chance(0.9) ? 0x8100 : 0x88a8;
        auto bytes = model::make_frame(da, 0x02aa00000000ULL | r.range(0, 255), tci, 0x0800, len,
                                       tpid, uint8_t(r.u64()));
        const bool tuser = r.chance(0.03);
        const int keep_fault = r.chance(0.03) ? int(r.range(1, 3)) : 0;
        h.send(bytes, tuser, keep_fault);
        ++sent;
      }
      // configuration changes while traffic runs
      if (r.chance(0.01)) h.set_ports(random_ports(r, h.config()));
      if (r.chance(0.03)) h.write_filter(unsigned(r.range(0, P::NumFilters + 1)), random_filter(r, pools));
      // phases with and without stalls, to cover full-rate and starved pipelines
      if (r.chance(0.0005)) {
        const bool calm = r.chance(0.5);
        h.knobs() = calm ? SorterKnobs{0, 0, 0} : knobs;
      }
      h.step();
    }
    h.drain();
    fmt::print("{}: {} frames, {} beats, {} cycles, drops: err {} runt {} oversize {} unmatched {}"
               ", delivered {}\n",
               VMQ_TEST_NAME, h.decisions(), h.beats_in(), h.cycle(), h.drops(model::Drop::Err),
               h.drops(model::Drop::Runt), h.drops(model::Drop::Oversize),
               h.drops(model::Drop::Unmatched), h.drops(model::Drop::None));
    // The run must have exercised every admission outcome.
    for (auto d : {model::Drop::None, model::Drop::Err, model::Drop::Runt, model::Drop::Oversize,
                   model::Drop::Unmatched}) {
      if (h.drops(d) == 0) {
        fmt::print("FAIL: no frame ended as '{}' - the stimulus does not cover it\n",
                   model::to_string(d));
        return 1;
      }
    }
    fmt::print("PASS (seed {})\n", args.seed);
    return 0;
  } catch (const std::exception& e) {
    fmt::print("FAIL (seed {}): {}\n", args.seed, e.what());
    return 1;
  }
}
