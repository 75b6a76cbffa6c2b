// The "sim:" scheme of vmq::open (sim_backend.hpp).
#include "sim_backend.hpp"

#include <fmt/core.h>

#include <memory>

#include <vmq/device.hpp>
#include <vmq/error.hpp>

#include "apply.hpp"
#include "scenario.hpp"

namespace vmq::sim {
namespace {

class SimBackend final : public OpenedBackend {
 public:
  SimBackend(const PlatformConfig& cfg, const std::string& scenario) : plat_(cfg) {
    if (scenario.empty()) return;
    const ModelInfo mi = model_info();
    try {
      const Scenario sc = load_scenario(scenario, {mi.num_queues, mi.num_filters, mi.max_frame_bytes});
      setup_ = std::make_unique<vmq::Device>(plat_, plat_);
      apply_scenario(*setup_, sc);
    } catch (const ScenarioError& e) {
      throw Error(Errc::InvalidArgument, fmt::format("sim:{}: scenario refused: {}", scenario, e.what()));
    }
  }
  RegIo& regs() override { return plat_; }
  DmaAllocator& dma() override { return plat_; }

 private:
  Platform plat_;
  // the driver instance that applied the scenario: it owns the queues'
  // rings and buffers, so it lives as long as the device (a Device opened
  // on this backend with reset = false adopts what it set up)
  std::unique_ptr<vmq::Device> setup_;
};

}  // namespace

void register_sim_backend(const PlatformConfig& base) {
  register_backend("sim",
                   "sim:[FILE]  the simulated core (" + model_info().name +
                       "), set up from scenario FILE if one is named",
                   [base](const std::string& rest, const OpenOptions&) -> std::unique_ptr<OpenedBackend> {
                     return std::make_unique<SimBackend>(base, rest);
                   });
}

}  // namespace vmq::sim
