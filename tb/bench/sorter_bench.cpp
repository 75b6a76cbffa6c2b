// Sorter throughput benchmark: back-to-back frames of fixed sizes, no idles,
// no backpressure, every filter entry valid (the widest compare), every
// decision still checked against the model. Prints beats/cycle (1.0 means
// the sorter never slows the wire), frames/cycle, cycles/frame, and the
// simulator's speed. Optional --csv FILE appends the table.
#include <chrono>
#include <cstdio>

#include "sorter_harness.hpp"

using namespace vmq;
using namespace vmq::tb;
using P = SorterParams;

int main(int argc, char** argv) {
  Verilated::commandArgs(argc, argv);
  Args args(argc, argv, VMQ_TEST_NAME);
  const uint64_t frames = args.get("frames", 20000);
  fmt::print("vmq_l2_sorter  DataW={} NumQueues={} NumFilters={}\n", P::DataW, P::NumQueues,
             P::NumFilters);
  fmt::print("{:>6} {:>8} {:>8} {:>12} {:>13} {:>13} {:>12}\n", "bytes", "frames", "beats",
             "beats/cycle", "frames/cycle", "cycles/frame", "Mcycles/s");
  int rc = 0;
  try {
    for (size_t len : {60, 64, 65, 128, 1518}) {
      SorterHarness h(args, args.seed, SorterKnobs{0, 0, 0});
      model::RxConfig c = h.config();
      c.enabled = c.queue_bits();
      h.set_ports(c);
      for (unsigned i = 0; i < P::NumFilters; ++i)
        h.write_filter(i, model::Filter{true, model::FilterType(i % 4), 0x020000000000ULL + i,
                                        uint16_t(1 + i), 1ULL << (i % P::NumQueues)});
      h.drain();
      for (uint64_t i = 0; i < frames; ++i)
        h.send(model::make_frame(0x020000000000ULL + i % P::NumFilters, 0x02aa00000001ULL,
                                 (i & 1) ? int(1 + i % P::NumFilters) : -1, 0x0800, len));
      auto t0 = std::chrono::steady_clock::now();
      const uint64_t c0 = h.cycle();
      h.drain(frames * (len / (P::DataW / 8) + 8) * 2);  // twice the ideal cycles
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      const double bpc = double(h.beats_in()) / double(h.busy_cycles());
      fmt::print("{:>6} {:>8} {:>8} {:>12.4f} {:>13.4f} {:>13.2f} {:>12.2f}\n", len, frames,
                 h.beats_in(), bpc, double(frames) / double(h.busy_cycles()),
                 double(h.busy_cycles()) / double(frames), double(h.cycle() - c0) / secs / 1e6);
      if (bpc < 0.999) rc = 1;
    }
  } catch (const std::exception& e) {
    fmt::print("FAIL (seed {}): {}\n", args.seed, e.what());
    return 1;
  }
  fmt::print("{}\n",
             rc ? "FAIL: the sorter slowed the wire" : "PASS: 1.0 beats/cycle at every size");
  return rc;
}
