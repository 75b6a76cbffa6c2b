#include "apply.hpp"

#include <algorithm>

namespace vmq::sim {

vmq::QueueConfig queue_config(const QueueSpec& q) {
  vmq::QueueConfig c;
  c.rx_ring_size = q.ring_size;
  c.rx_buffer_size = q.buffer_size;
  c.tx_ring_size = q.ring_size;
  c.bcast = q.bcast;
  c.mcast = q.mcast;
  c.promisc = q.promisc;
  c.strip_vlan = q.strip_vlan;
  if (q.spoof_mac) c.spoof_mac = vmq::MacAddr{*q.spoof_mac};
  c.port_vid = q.port_vid;
  c.weight = q.weight;
  return c;
}

bool scenario_drr(const Scenario& s) {
  for (const auto& [id, q] : s.queues)
    if (q.weight) return true;
  return false;
}

std::vector<unsigned> apply_scenario(vmq::Device& dev, const Scenario& s) {
  dev.configure_port({s.default_queue, s.tpid, s.min_frame, s.max_frame, s.loopback, scenario_drr(s)});
  for (const auto& [id, q] : s.queues) dev.alloc_queue(queue_config(q), id);
  // Identical matches are allowed (SPEC §3: their queue masks OR together);
  // the driver keeps one entry per match, so they become one entry here.
  std::vector<unsigned> ids;
  for (std::size_t i = 0; i < s.filters.size(); ++i) {
    const FilterSpec& f = s.filters[i];
    uint64_t mask = f.qmask;
    std::size_t first = i;
    for (std::size_t j = 0; j < s.filters.size(); ++j) {
      const FilterSpec& g = s.filters[j];
      if (g.type == f.type && g.mac == f.mac && g.vid == f.vid) {
        mask |= g.qmask;
        first = std::min(first, j);
      }
    }
    if (first < i)
      ids.push_back(ids[first]);
    else
      ids.push_back(dev.set_filter({vmq::FilterType(unsigned(f.type)), vmq::MacAddr{f.mac}, f.vid}, mask));
  }
  return ids;
}

}  // namespace vmq::sim
