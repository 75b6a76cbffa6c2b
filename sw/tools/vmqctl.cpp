// vmqctl: what a vmq device holds — capabilities, queues, filters, counters.
//
//   vmqctl --device pci:0000:01:00.0     the card (BAR0 through sysfs resource0; root)
//   vmqctl --device vfio:0000:01:00.0    the card bound to vfio-pci
//   vmqctl --device sim:FILE             a simulated core, set up from a scenario
//   vmqctl --list                        vmq PCI functions on this machine
//          [--show caps,queues,filters,stats]   (default: all)
//
// Devices are named as for every program (vmq::open, docs/driver.md "Naming
// a device"). It only reads (plus what a sim: scenario programs into the
// simulated core): on the card it neither resets nor reprograms anything
// and reserves no DMA memory, so it can inspect a device another program
// drives.
#include <fmt/core.h>

#include <set>
#include <string>
#include <vector>
#include <vmq/device.hpp>
#include <vmq/open.hpp>
#include <vmq/pci.hpp>
#include <vmq/vmq_regs.hpp>

#include "cli.hpp"
#include "sim_backend.hpp"

namespace {

std::string status_str(uint32_t s) {
  std::string o;
  if (s & vmq::regs::Q_RX_STATUS_RUNNING_MASK) o += "running ";
  if (s & vmq::regs::Q_RX_STATUS_STOPPED_MASK) o += "stopped ";
  if (s & vmq::regs::Q_RX_STATUS_ERROR_MASK) o += fmt::format("ERROR({}) ", vmq::error_cause_name(s));
  if (s & vmq::regs::Q_RX_STATUS_RESETTING_MASK) o += "resetting ";
  if (!o.empty()) o.pop_back();
  return o;
}

void show_device(vmq::Device& dev, const std::set<std::string>& what) {
  const vmq::Capabilities& c = dev.caps();
  if (what.count("caps")) {
    fmt::print("device: {}\n", dev.io().describe());
    fmt::print("core version {}.{}.{}: {} queues, {} filters, DataW {}, AxiDataW {}, max frame {} B, "
               "packet buffer {} B\n\n",
               c.version_major, c.version_minor, c.version_patch, c.num_queues, c.num_filters,
               c.data_w, c.axi_data_w, c.max_frame_bytes, c.pktbuf_bytes);
  }
  if (what.count("queues")) {
    fmt::print("{:>3} {:<20} {:<20} {:>5} {:>6} {:>11} {:>11} {:<18} {}\n", "q", "rx", "tx",
               "ring", "buf", "rx head/tl", "tx head/tl", "accept", "tx policy");
    for (unsigned q = 0; q < c.num_queues; ++q) {
      const vmq::QueueState s = dev.queue_state(q);
      if (!s.rx_enabled && !s.tx_enabled && !(s.rx_status & 4) && !(s.tx_status & 4)) continue;
      std::string acc;
      if (s.bcast) acc += "bcast ";
      if (s.mcast) acc += "mcast ";
      if (s.promisc) acc += "promisc ";
      if (s.strip_vlan) acc += "strip ";
      std::string pol;
      if (s.spoof_mac) pol += "spoof=" + s.spoof_mac->str() + " ";
      if (s.port_tci & 0xfff) pol += fmt::format("port-vid={} ", s.port_tci & 0xfff);
      pol += fmt::format("weight={}", s.weight);
      fmt::print("{:>3} {:<20} {:<20} {:>5} {:>6} {:>5}/{:<5} {:>5}/{:<5} {:<18} {}\n", q,
                 (s.rx_enabled ? "on " : "off ") + status_str(s.rx_status),
                 (s.tx_enabled ? "on " : "off ") + status_str(s.tx_status), s.rx_ring, s.rx_buffer,
                 s.rx_head, s.rx_tail, s.tx_head, s.tx_tail, acc, pol);
    }
    fmt::print("\n");
  }
  if (what.count("filters")) {
    const auto fs = dev.filters();
    fmt::print("filters ({} of {} entries):\n", fs.size(), c.num_filters);
    for (const auto& f : fs) {
      std::string qs;
      for (unsigned q = 0; q < 64; ++q)
        if (f.queue_mask >> q & 1) qs += fmt::format("{}{}", qs.empty() ? "" : ",", q);
      const std::string mac = f.filter.type == vmq::FilterType::Vlan ? "-" : f.filter.mac.str();
      const std::string vid = f.filter.vid ? std::to_string(f.filter.vid) : "-";
      fmt::print("  {:>3} {:<13} {:<17} vid {:<4} -> queues {}\n", f.id,
                 vmq::filter_type_name(f.filter.type), mac, vid, qs);
    }
    fmt::print("\n");
  }
  if (what.count("stats")) {
    const vmq::Stats st = dev.stats();
    for (const auto& [name, field] : vmq::kGlobalCounters) fmt::print("{} {}  ", name, st.global.*field);
    fmt::print("\n");
    fmt::print("{:>3} {:>12} {:>14} {:>9} {:>12} {:>14} {:>7} {:>9}\n", "q", "rx_packets",
               "rx_bytes", "no_desc", "tx_packets", "tx_bytes", "spoof", "oversize");
    for (unsigned q = 0; q < st.queues.size(); ++q) {
      const auto& s = st.queues[q];
      if (!(s.rx_packets | s.rx_no_desc_drops | s.tx_packets | s.tx_spoof_drops |
            s.tx_oversize_drops))
        continue;
      fmt::print("{:>3} {:>12} {:>14} {:>9} {:>12} {:>14} {:>7} {:>9}\n", q, s.rx_packets,
                 s.rx_bytes, s.rx_no_desc_drops, s.tx_packets, s.tx_bytes, s.tx_spoof_drops,
                 s.tx_oversize_drops);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  vmq::sim::register_sim_backend();
  CLI::App app{"vmqctl: what a vmq device holds - capabilities, queues, filters, counters"};
  vmq::cli::init(app);
  std::string uri;
  bool list = false;
  std::vector<std::string> show{"caps", "queues", "filters", "stats"};
  app.add_option("-d,--device", uri, vmq::cli::device_help())->type_name("URI");
  app.add_flag("--list", list, "list the vmq PCI functions on this machine");
  app.add_option("--show", show, "what to print (default: all)")
      ->type_name("WHAT,...")
      ->delimiter(',')
      ->check(CLI::IsMember({"caps", "queues", "filters", "stats"}));
  app.footer("It only reads: on a card it neither resets nor reprograms anything.");
  if (const int rc = vmq::cli::parse(app, argc, argv); rc >= 0) return rc;
  if (uri.empty() == !list) {
    fmt::print(stderr, "vmqctl: name a device with --device URI, or give --list\nRun with --help for more information.\n");
    return 2;
  }
  try {
    if (list) {
      const auto devs = vmq::pci_find_devices();
      if (devs.empty())
        fmt::print("no vmq PCI functions (vendor 0x{:04x} device 0x{:04x})\n", vmq::kPciVendorId,
                   vmq::kPciDeviceId);
      for (const auto& d : devs)
        fmt::print("pci:{} driver={} iommu_group={}\n", d.bdf, d.driver.empty() ? "-" : d.driver,
                   d.iommu_group.empty() ? "-" : d.iommu_group);
      return 0;
    }
    auto b = vmq::open(uri, {.need_dma = false});
    vmq::Device dev(b->regs(), b->dma(), {.reset = false});
    show_device(dev, std::set<std::string>(show.begin(), show.end()));
  } catch (const vmq::Error& e) {
    fmt::print(stderr, "vmqctl: {}: {}\n", vmq::errc_name(e.code()), e.what());
    return e.code() == vmq::Errc::InvalidArgument ? 2 : 1;
  }
  return 0;
}
