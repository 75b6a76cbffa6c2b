// Shared test-bench helpers: arguments and seeds, random numbers, byte access
// to Verilator ports of any width, failure reporting, optional FST tracing.
#pragma once

#include <fmt/core.h>
#include <verilated.h>
#include <verilated_fst_c.h>

#include "verilated_bits.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <utility>
#include <memory>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

namespace vmq::tb {

// --seed N (default: from the clock), --trace FILE.fst, and --key value pairs
// for the test's own knobs. The seed is printed first, always, so that any
// run can be repeated exactly.
struct Args {
  uint64_t seed = 0;
  std::string trace;
  std::map<std::string, std::string> kv;

  // A program that parses its own command line (CLI11) hands over the seed
  // and the waveform file; the seed is printed the same way.
  Args(const char* prog, uint64_t seed_, std::string trace_) : seed(seed_), trace(std::move(trace_)), name_(prog) {
    fmt::print("{}: seed={}  (repeat with --seed {})\n", prog, seed, seed);
    std::fflush(stdout);
  }

  Args(int argc, char** argv, const char* test_name) : name_(test_name) {
    bool have_seed = false;
    for (int i = 1; i < argc; ++i) {
      std::string a = argv[i];
      if (a.rfind("--", 0) != 0 || i + 1 >= argc) {
        fmt::print(stderr, "{}: bad argument '{}' (expected --key value)\n", test_name, a);
        std::exit(2);
      }
      std::string v = argv[++i];
      if (a == "--seed") {
        seed = number("seed", v);
        have_seed = true;
      } else if (a == "--trace") {
        trace = v;
      } else {
        kv[a.substr(2)] = v;
      }
    }
    if (!have_seed)
      seed = uint64_t(std::chrono::steady_clock::now().time_since_epoch().count()) % 1000000007ULL;
    fmt::print("{}: seed={}  (repeat with --seed {})\n", test_name, seed, seed);
    std::fflush(stdout);
  }
  // Numbers are whole: "--frames 10k" or "--seed -1" stop the test with a
  // message (exit 2) instead of running with 10 or 2^64-1.
  uint64_t get(const std::string& k, uint64_t dflt) const {
    auto it = kv.find(k);
    return it == kv.end() ? dflt : number(k, it->second);
  }
  double getf(const std::string& k, double dflt) const {
    auto it = kv.find(k);
    if (it == kv.end()) return dflt;
    std::size_t pos = 0;
    double d = 0;
    try {
      d = std::stod(it->second, &pos);
    } catch (const std::exception&) {
      pos = 0;
    }
    if (pos == 0 || pos != it->second.size()) refuse(k, it->second);
    return d;
  }
  // "60,64,1514": comma-separated whole numbers.
  std::vector<uint64_t> get_list(const std::string& k, std::vector<uint64_t> dflt) const {
    auto it = kv.find(k);
    if (it == kv.end()) return dflt;
    std::vector<uint64_t> out;
    std::size_t s = 0;
    const std::string& v = it->second;
    for (std::size_t c; (c = v.find(',', s)) != std::string::npos; s = c + 1) out.push_back(number(k, v.substr(s, c - s)));
    out.push_back(number(k, v.substr(s)));
    return out;
  }

 private:
  std::string name_;
  [[noreturn]] void refuse(const std::string& k, const std::string& v) const {
    fmt::print(stderr, "{}: --{} '{}' is not a number\n", name_, k, v);
    std::exit(2);
  }
  uint64_t number(const std::string& k, const std::string& v) const {
    std::size_t pos = 0;
    uint64_t x = 0;
    try {
      if (!v.empty() && v[0] != '-') x = std::stoull(v, &pos, 0);
    } catch (const std::exception&) {
      pos = 0;
    }
    if (pos == 0 || pos != v.size()) refuse(k, v);
    return x;
  }
};

// Rng and the port byte/bit helpers live in the rig (sim/rig/verilated_bits.hpp),
// as do the host-memory model, the AXI4-Lite master and the ownership
// checker; the tests name them as vmq::tb:: too.
using namespace vmq::rig;

// Clock driver for a Verilated model with clk_i and rst_i. Inputs are set
// between tick()s; tick() settles them with the clock low, calls sample()
// (outputs as the registers see them at the edge), then makes the edge.
template <class M>
class Clocked {
  // Models verilated with NO_TRACE (cmake/VmqVerilator.cmake) have no trace()
  // and no FST runtime linked in; their waveform writer is a stand-in.
  static constexpr bool kTrace = requires(M& m, VerilatedFstC* t) { m.trace(t, 99); };
  struct NoFst {
    void dump(uint64_t) {}
    void close() {}
  };
  using Fst = std::conditional_t<kTrace, VerilatedFstC, NoFst>;

 public:
  Clocked(const Args& args, const char* name) : ctx_(std::make_unique<VerilatedContext>()) {
    // Random power-up values in every register and memory (seeded by the
    // test's seed): the design must not depend on anything but its reset.
    ctx_->randReset(2);
    ctx_->randSeed(int(args.seed % 2147483647));
    // The test's --key value knobs are also the model's plusargs (+key=value)
    // for $value$plusargs in test tops (tb/xcheck: --xc_inject N).
    std::vector<std::string> plus{"vmq_tb"};
    for (const auto& [k, v] : args.kv) plus.push_back("+" + k + "=" + v);
    std::vector<const char*> argv;
    for (const auto& p : plus) argv.push_back(p.c_str());
    ctx_->commandArgs(int(argv.size()), argv.data());
    ctx_->traceEverOn(!args.trace.empty());
    m_ = std::make_unique<M>(ctx_.get(), name);
    if (!args.trace.empty()) {
      if constexpr (kTrace) {
        tfp_ = std::make_unique<Fst>();
        m_->trace(tfp_.get(), 99);
        tfp_->open(args.trace.c_str());
      } else {
        fmt::print(stderr, "{}: --trace: this model was built without waveform support\n", name);
        std::exit(2);
      }
    }
    m_->clk_i = 0;
  }
  ~Clocked() {
    if (tfp_) tfp_->close();
    m_->final();
  }
  M& dut() { return *m_; }
  uint64_t cycle() const { return cycle_; }
  // settle combinational logic with the current inputs, clock low
  void settle() {
    m_->clk_i = 0;
    m_->eval();
  }
  void edge() {
    if (tfp_) tfp_->dump(2 * cycle_);
    m_->clk_i = 1;
    m_->eval();
    if (tfp_) tfp_->dump(2 * cycle_ + 1);
    ++cycle_;
  }
  void reset(unsigned cycles = 4) {
    m_->rst_i = 1;
    for (unsigned i = 0; i < cycles; ++i) {
      settle();
      edge();
    }
    m_->rst_i = 0;
  }

 private:
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<M> m_;
  std::unique_ptr<Fst> tfp_;
  uint64_t cycle_ = 0;
};

}  // namespace vmq::tb
