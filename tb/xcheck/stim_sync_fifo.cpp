// Cross-check stimulus for vmq_sync_fifo: random push/pop (push while full and
// pop while empty included: the FIFO must refuse them) with rates that change
// in phases so the FIFO fills up, runs full with simultaneous push and pop,
// and drains to empty. Random write data every cycle; rst_i at the start and
// rarely later, also with a partly filled FIFO.
#include "xcheck.hpp"

#ifndef XC_Width
#define XC_Width 8
#endif
#ifndef XC_Depth
#define XC_Depth 4
#endif

namespace xc {
namespace {

constexpr int kWidth = XC_Width;
constexpr unsigned kDepth = XC_Depth;

class FifoStim : public Stimulus {
 public:
  FifoStim(Vxcheck_top* t, uint64_t seed) : t_(t), rng_(seed) {}

  void drive(uint64_t cycle) override {
    if (cycle < 3 || rst_left_ > 0) {
      if (rst_left_ > 0) --rst_left_;
      t_->rst_i = 1;
    } else {
      t_->rst_i = 0;
      if (rng_.below(5000) == 0) rst_left_ = 1 + int(rng_.below(2));
    }
    if (cycle % 200 == 0) {
      static constexpr unsigned kPct[] = {100, 90, 50, 20, 3};
      push_pct_ = kPct[rng_.below(5)];
      pop_pct_ = kPct[rng_.below(5)];
    }
    t_->push_i = rng_.chance(push_pct_);
    t_->pop_i = rng_.chance(pop_pct_);
    randomize(t_->wdata_i, kWidth, rng_);
  }

  void sample(uint64_t) override {
    if (t_->rst_i) return;
    const bool full = t_->rtl_full_o, empty = t_->rtl_empty_o;
    if (t_->push_i && !full) ++pushes_;
    if (t_->pop_i && !empty) ++pops_;
    if (full) ++full_cycles_;
    if (full && t_->push_i && t_->pop_i) ++full_push_pop_;
    if (empty) ++empty_cycles_;
  }

  std::string summary() const override {
    return std::to_string(pushes_) + " pushes, " + std::to_string(pops_) + " pops, " +
           std::to_string(full_cycles_) + " cycles full (" + std::to_string(full_push_pop_) +
           " with push+pop), " + std::to_string(empty_cycles_) + " cycles empty, depth " +
           std::to_string(kDepth);
  }

 private:
  Vxcheck_top* t_;
  Rng rng_;
  int rst_left_ = 0;
  unsigned push_pct_ = 50, pop_pct_ = 50;
  uint64_t pushes_ = 0, pops_ = 0, full_cycles_ = 0, full_push_pop_ = 0, empty_cycles_ = 0;
};

}  // namespace

std::unique_ptr<Stimulus> make_stimulus(Vxcheck_top* t, uint64_t seed) {
  return std::make_unique<FifoStim>(t, seed);
}

}  // namespace xc
