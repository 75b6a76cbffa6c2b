// A scenario's settings through the driver (vmq-sim and vmqctl --sim): port
// settings, every enabled queue allocated with its flags, every filter set.
#pragma once

#include <vector>
#include <vmq/device.hpp>

#include "scenario.hpp"

namespace vmq::sim {

// Driver settings of one scenario queue (both directions on, one ring size).
vmq::QueueConfig queue_config(const QueueSpec& q);
// TX_DRR is on when any queue has a weight (weight 0 = plain round-robin).
bool scenario_drr(const Scenario& s);
// Returns the hardware filter id of each scenario filter, in order
// (identical matches share one entry whose mask is the OR of theirs).
std::vector<unsigned> apply_scenario(vmq::Device& dev, const Scenario& s);

}  // namespace vmq::sim
