// Non-blocking AXI4-Lite master for system tests: queued reads and writes,
// random valid delays (AW and W in either order), random BREADY/RREADY
// backpressure, OKAY checked on every response, and a watchdog. It runs
// alongside other traffic: call drive() before the combinational settle and
// sample() after it, once per cycle (e.g. from SorterHarnessT's hooks).
#pragma once

#include <fmt/core.h>

#include <deque>
#include <functional>
#include <stdexcept>

#include "verilated_bits.hpp"

namespace vmq::rig {

template <class Dut>
class AxilMaster {
 public:
  AxilMaster(Dut& d, Rng& rng, double p_delay = 0.3, double p_stall = 0.3)
      : d_(d), rng_(rng), p_delay_(p_delay), p_stall_(p_stall) {
    d_.s_axil_awvalid_i = 0;
    d_.s_axil_wvalid_i = 0;
    d_.s_axil_arvalid_i = 0;
    d_.s_axil_bready_i = 0;
    d_.s_axil_rready_i = 0;
  }

  // Observers of the host's register traffic (the DMA ownership checker):
  // every write as it is queued, every read with the value it returned.
  std::function<void(uint32_t, uint32_t, uint8_t)> observe_write;
  std::function<void(uint32_t, uint32_t)> observe_read;

  void write(uint32_t addr, uint32_t data, uint8_t strb = 0xf) {
    if (observe_write) observe_write(addr, data, strb);
    ops_.push_back({true, addr, data, strb, nullptr});
  }
  void read(uint32_t addr, std::function<void(uint32_t)> done) {
    ops_.push_back({false, addr, 0, 0, std::move(done)});
  }
  bool idle() const { return ops_.empty() && !busy_; }

  // Blocking accesses for tests: `step` runs one clock cycle of the whole
  // bench (which calls drive()/sample()); throws if the access never ends.
  template <class Step>
  void write_wait(uint32_t addr, uint32_t data, Step&& step) {
    write(addr, data);
    wait_idle(step);
  }
  template <class Step>
  uint32_t read_wait(uint32_t addr, Step&& step) {
    uint32_t v = 0;
    read(addr, [&v](uint32_t x) { v = x; });
    wait_idle(step);
    return v;
  }
  template <class Step>
  void wait_idle(Step&& step) {
    for (uint64_t n = 0; !idle(); ++n) {
      if (n > 100000) throw std::runtime_error("register access did not complete");
      step();
    }
  }
  uint64_t completed() const { return completed_; }

  void drive() {
    if (!busy_ && !ops_.empty()) {
      cur_ = ops_.front();
      ops_.pop_front();
      busy_ = true;
      a_done_ = w_done_ = false;
      a_wait_ = delay();
      w_wait_ = delay();
      age_ = 0;
    }
    d_.s_axil_awvalid_i = busy_ && cur_.write && !a_done_ && a_wait_ == 0;
    d_.s_axil_wvalid_i = busy_ && cur_.write && !w_done_ && w_wait_ == 0;
    d_.s_axil_arvalid_i = busy_ && !cur_.write && !a_done_ && a_wait_ == 0;
    d_.s_axil_awaddr_i = cur_.addr;
    d_.s_axil_araddr_i = cur_.addr;
    d_.s_axil_wdata_i = cur_.data;
    d_.s_axil_wstrb_i = cur_.strb;
    d_.s_axil_bready_i = !rng_.chance(p_stall_);
    d_.s_axil_rready_i = !rng_.chance(p_stall_);
    if (a_wait_) --a_wait_;
    if (w_wait_) --w_wait_;
  }

  void sample() {
    if (!busy_) return;
    if (++age_ > 1000)
      throw std::runtime_error(
          fmt::format("AXI4-Lite {} of 0x{:04x} got no response in 1000 cycles",
                      cur_.write ? "write" : "read", cur_.addr));
    if (d_.s_axil_awvalid_i && d_.s_axil_awready_o) a_done_ = true;
    if (d_.s_axil_arvalid_i && d_.s_axil_arready_o) a_done_ = true;
    if (d_.s_axil_wvalid_i && d_.s_axil_wready_o) w_done_ = true;
    if (cur_.write && d_.s_axil_bvalid_o && d_.s_axil_bready_i) {
      if (!a_done_ || !w_done_) throw std::runtime_error("BVALID before AW and W were accepted");
      if (d_.s_axil_bresp_o != 0)
        throw std::runtime_error(
            fmt::format("BRESP {} for 0x{:04x}", d_.s_axil_bresp_o, cur_.addr));
      finish();
    } else if (!cur_.write && d_.s_axil_rvalid_o && d_.s_axil_rready_i) {
      if (!a_done_) throw std::runtime_error("RVALID before AR was accepted");
      if (d_.s_axil_rresp_o != 0)
        throw std::runtime_error(
            fmt::format("RRESP {} for 0x{:04x}", d_.s_axil_rresp_o, cur_.addr));
      const uint32_t v = d_.s_axil_rdata_o;
      auto cb = cur_.done;
      const uint32_t a = cur_.addr;
      finish();
      if (observe_read) observe_read(a, v);
      if (cb) cb(v);
    }
  }

 private:
  struct Op {
    bool write;
    uint32_t addr, data;
    uint8_t strb;
    std::function<void(uint32_t)> done;
  };
  unsigned delay() { return rng_.chance(p_delay_) ? unsigned(rng_.range(1, 4)) : 0; }
  void finish() {
    busy_ = false;
    ++completed_;
  }

  Dut& d_;
  Rng& rng_;
  double p_delay_, p_stall_;
  std::deque<Op> ops_;
  Op cur_{};
  bool busy_ = false, a_done_ = false, w_done_ = false;
  unsigned a_wait_ = 0, w_wait_ = 0;
  uint64_t age_ = 0, completed_ = 0;
};

}  // namespace vmq::rig
