// The "sim:" scheme of vmq::open (sw/include/vmq/open.hpp): the simulated
// core of this platform as a named device.
//   sim:        a fresh core (default PlatformConfig)
//   sim:FILE    the same, set up from a scenario file (SPEC §9): its port
//               settings, queues and filters programmed through the driver
//               (vmq_simlib's apply_scenario), as vmq-sim does before traffic
#pragma once

#include <vmq/open.hpp>

#include "platform.hpp"

namespace vmq::sim {

// Adds "sim:" to vmq::open's schemes; `base` is the platform configuration
// each opened core gets. Programs that link the platform call it once.
void register_sim_backend(const PlatformConfig& base = {});

}  // namespace vmq::sim
