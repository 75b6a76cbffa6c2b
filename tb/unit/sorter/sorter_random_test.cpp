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

#include "progress.hpp"
#include "sorter_harness.hpp"
#include "sorter_stimulus.hpp"

using namespace vmq;
using namespace vmq::tb;
using P = SorterParams;

int main(int argc, char** argv) {
  Verilated::commandArgs(argc, argv);
  Args args(argc, argv, VMQ_TEST_NAME);
  const uint64_t frames = args.get("frames", 20000);
  SorterKnobs knobs{args.getf("idle", 0.2), args.getf("stall", 0.2), args.getf("stall", 0.2)};
  try {
    SorterHarness h(args, args.seed, knobs);
    Rng& r = h.rng();
    const SorterStimulus stim{P::NumQueues, P::MaxFrameBytes};

    h.set_ports(stim.ports(r, h.config()));
    for (unsigned i = 0; i < P::NumFilters; ++i) h.write_filter(i, stim.filter(r));

    uint64_t sent = 0;
    Progress prog(VMQ_TEST_NAME, frames, "frames");
    while (sent < frames) {
      prog.update(sent);
      // keep frames queued so that the source can run back to back, and more
      // than DecFifoDepth (8) so that a slow decision consumer exhausts the
      // credits
      while (h.frames_pending() < 32 && sent < frames) {
        auto f = stim.frame(r);
        h.send(f.bytes, f.tuser, f.keep_fault);
        ++sent;
      }
      // configuration changes while traffic runs
      if (r.chance(0.01)) h.set_ports(stim.ports(r, h.config()));
      if (r.chance(0.03)) h.write_filter(unsigned(r.range(0, P::NumFilters + 1)), stim.filter(r));
      // phases: calm (full rate), the default mix, a slow decision consumer
      // (fills the decision FIFO: the credit path), a slow data consumer
      if (r.chance(0.0005)) {
        const SorterKnobs profiles[] = {{0, 0, 0}, knobs, {0, 0, 0.97}, {0.1, 0.9, 0.1}};
        h.knobs() = profiles[r.range(0, 3)];
      }
      h.step();
    }
    h.drain();
    prog.done();
    fmt::print(
        "{}: {} frames, {} beats, {} cycles, drops: err {} runt {} oversize {} unmatched {}"
        ", delivered {}\n",
        VMQ_TEST_NAME, h.decisions(), h.beats_in(), h.cycle(), h.drops(model::Drop::Err),
        h.drops(model::Drop::Runt), h.drops(model::Drop::Oversize), h.drops(model::Drop::Unmatched),
        h.drops(model::Drop::None));
    fmt::print("{}: {} cycles stalled on decision credits\n", VMQ_TEST_NAME, h.credit_stalls());
    if (h.credit_stalls() == 0) {
      fmt::print("FAIL: the decision FIFO never filled - back-pressure path not exercised\n");
      return 1;
    }
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
