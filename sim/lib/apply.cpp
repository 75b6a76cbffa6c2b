#include "apply.hpp"

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
  std::vector<unsigned> ids;
  for (const auto& f : s.filters)
    ids.push_back(dev.set_filter({vmq::FilterType(unsigned(f.type)), vmq::MacAddr{f.mac}, f.vid}, f.qmask));
  return ids;
}

}  // namespace vmq::sim
