// Runs the netlist-vs-RTL cross-check: see xcheck.hpp.
// Usage: xcheck [seed] [cycles]
// Built with --trace (synth_xcheck.py --trace) it writes xcheck.vcd: RTL
// internals under u_rtl, netlist nets under u_syn.
#include <chrono>
#include <cstdlib>

#include "verilated.h"
#include "xcheck.hpp"
#if VM_TRACE
#include "verilated_vcd_c.h"
#endif

int main(int argc, char** argv) {
  const uint64_t seed = argc > 1 ? std::strtoull(argv[1], nullptr, 0) : 1;
  const uint64_t cycles = argc > 2 ? std::strtoull(argv[2], nullptr, 0) : 100000;
  auto ctx = std::make_unique<VerilatedContext>();
  ctx->randReset(0);  // both sides start from zero: reset state is then compared too
  auto top = std::make_unique<Vxcheck_top>(ctx.get(), "xcheck_top");
  xc::Comparator cmp(xc::ports(top.get()), seed);
  auto stim = xc::make_stimulus(top.get(), seed);
  std::printf("xcheck: seed %llu, %llu cycles, %zu outputs compared\n", (unsigned long long)seed,
              (unsigned long long)cycles, cmp.size());
  const auto t0 = std::chrono::steady_clock::now();
#if VM_TRACE
  ctx->traceEverOn(true);
  VerilatedVcdC tfp;
  top->trace(&tfp, 99);
  tfp.open("xcheck.vcd");
  auto dump = [&] {
    tfp.dump(ctx->time());
    ctx->timeInc(1);
  };
#else
  auto dump = [&] { ctx->timeInc(1); };
#endif
  top->clk_i = 0;
  top->eval();
  for (uint64_t c = 0; c < cycles; ++c) {
    top->clk_i = 0;
    stim->drive(c);
    top->eval();
    dump();
    bool ok = cmp.check(c, "before edge");
    stim->sample(c);
    top->clk_i = 1;
    top->eval();
    dump();
    ok = cmp.check(c, "after edge") && ok;
    if (!ok) {
      std::printf("FAIL: netlist differs from RTL at cycle %llu (seed %llu)\n",
                  (unsigned long long)c, (unsigned long long)seed);
      top->final();
#if VM_TRACE
      tfp.close();
#endif
      return 1;
    }
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  top->final();
  const std::string sum = stim->summary();
  std::printf("PASS: %llu cycles, %llu comparisons, %.2f s (%.0f cycles/s)%s%s\n",
              (unsigned long long)cycles, (unsigned long long)cmp.checks(), s, cycles / s,
              sum.empty() ? "" : "; ", sum.c_str());
  return 0;
}
