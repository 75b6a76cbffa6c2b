// The simulation backend (platform.hpp). One clock cycle is step(): inputs
// driven, combinational settle, outputs sampled, edge — the order every
// Verilated bench in tb/ uses.
#include "platform.hpp"

#include <fmt/core.h>
#include <sys/mman.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <deque>
#include <vmq/error.hpp>
#include <vmq/vmq_regs.hpp>

#include <verilated_fst_c.h>

#include VMQ_MODEL_HEADER
#include "core_rig.hpp"

namespace vmq::sim {
using Dut = VMQ_MODEL;
using rig::get_bit;
using rig::get_byte;
using rig::set_bit;
using rig::set_byte;

namespace {
constexpr unsigned kDataBytes = VMQ_PARAM_DataW / 8;
constexpr uint64_t kArenaIova = 0x0000001000000000ULL;  // above 4 GiB: 64-bit addressing used
}  // namespace

// Frame starts are whole cycles but a wire time is not (88 bytes at 25 GbE
// are 7.04 cycles): the next start is due one wire time after the previous
// frame's *due* time, not its actual start, or rounding would slow a
// back-to-back wire to 8 cycles per frame (88 %). A frame that started late
// for another reason (nothing to send, PAUSE) restarts the schedule.
double next_start(double due, uint64_t started, double wire_cycles) {
  const double base = double(started) - due < 1.0 ? due : double(started);
  return base + wire_cycles;
}

ModelInfo model_info() {
  return {VMQ_PARAM_DataW,
          VMQ_PARAM_AxiDataW,
          VMQ_PARAM_NumQueues,
          VMQ_PARAM_NumFilters,
          VMQ_PARAM_MaxFrameBytes,
          fmt::format("vmq_core DataW={} AxiDataW={} NumQueues={} NumFilters={} MaxFrameBytes={}",
                      VMQ_PARAM_DataW, VMQ_PARAM_AxiDataW, VMQ_PARAM_NumQueues,
                      VMQ_PARAM_NumFilters, VMQ_PARAM_MaxFrameBytes)};
}

struct Platform::Impl {
  std::unique_ptr<VerilatedContext> ctx;
  std::unique_ptr<Dut> dut;
  std::unique_ptr<VerilatedFstC> fst;
  rig::Rng rng;
  // the core rig (sim/rig/core_rig.hpp): host memory, register master and
  // the DMA ownership checker (SPEC §4 isolation, every DMA access)
  std::unique_ptr<rig::CoreRig<Dut>> rig;
  rig::AxilMaster<Dut>* bus = nullptr;
  rig::AxiMem<Dut>* mem = nullptr;
  uint64_t cycle = 0;
  double cpb = 0;  // cycles per wire byte

  // receive wire
  struct RxF {
    std::vector<uint8_t> data;
    bool err;
  };
  std::deque<RxF> rxq;
  std::size_t rx_pos = 0;    // byte offset of the next beat in rxq.front()
  double rx_next = 0;        // cycle the next frame may start
  uint64_t rx_started = 0;
  // transmit wire
  bool tx_in = false;
  double tx_next = 0;
  WireFrame tx_cur;

  explicit Impl(uint64_t seed) : rng(seed) {}
};

Platform::Platform(const PlatformConfig& cfg) : impl_(std::make_unique<Impl>(cfg.seed)), cfg_(cfg) {
  if (!(cfg.core_mhz > 0) || !(cfg.port_gbps > 0))
    throw Error(Errc::InvalidArgument,
                fmt::format("sim platform: core_mhz {} and port_gbps {} must be > 0", cfg.core_mhz,
                            cfg.port_gbps));
  if (!(cfg.rx_load > 0 && cfg.rx_load <= 1))
    throw Error(Errc::InvalidArgument, fmt::format("sim platform: rx_load {} outside (0, 1]", cfg.rx_load));
  if (cfg.port_gbps > cfg.core_mhz * VMQ_PARAM_DataW / 1000.0)
    throw Error(Errc::InvalidArgument,
                fmt::format("sim platform: {} Gb/s is more than DataW {} x {} MHz = {} Gb/s can "
                            "carry",
                            cfg.port_gbps, VMQ_PARAM_DataW, cfg.core_mhz,
                            cfg.core_mhz * VMQ_PARAM_DataW / 1000.0));
  Impl& m = *impl_;
  m.ctx = std::make_unique<VerilatedContext>();
  m.ctx->randReset(2);
  m.ctx->randSeed(int(cfg.seed % 2147483647));
  m.ctx->traceEverOn(!cfg.trace.empty());
  m.dut = std::make_unique<Dut>(m.ctx.get(), "vmq");
  if (!cfg.trace.empty()) {
    m.fst = std::make_unique<VerilatedFstC>();
    m.dut->trace(m.fst.get(), 99);
    m.fst->open(cfg.trace.c_str());
    if (!m.fst->isOpen())
      throw Error(Errc::InvalidArgument, fmt::format("cannot open trace file {}", cfg.trace));
  }
  m.cpb = 8.0 / (cfg.port_gbps * 1e3 / cfg.core_mhz);
  rig::AxiMemConfig mc;
  mc.p_aw_stall = mc.p_w_stall = mc.p_ar_stall = 0;
  mc.p_b_delay = mc.p_r_delay = 0;
  mc.read_latency = uint64_t(std::llround(double(cfg.read_latency_ns) * cfg.core_mhz / 1000.0));
  mc.read_jitter = 0;
  mc.write_latency = uint64_t(std::llround(double(cfg.write_latency_ns) * cfg.core_mhz / 1000.0));
  mc.write_jitter = 0;
  mc.fill_pattern = 0;
  // Every DMA access against what the driver posted (sim/rig/dma_ownership.hpp):
  // a core that touches memory it was not given stops the simulation.
  m.rig = std::make_unique<rig::CoreRig<Dut>>(
      *m.dut, m.rng,
      rig::CoreRig<Dut>::Options{.num_queues = VMQ_PARAM_NumQueues,
                                 .mem = mc,
                                 .axil_p_delay = 0.0,
                                 .axil_p_stall = 0.0,
                                 .check_ownership = cfg.check_ownership},
      rig::CoreRig<Dut>::Hooks{[this] { run(1); }, [this] { return impl_->cycle; },
                               [](const std::string& what) { throw Error(Errc::Timeout, what); }});
  m.bus = &m.rig->bus;
  m.mem = &m.rig->mem;

  // DMA arena: reserved address space, pages appear when touched.
  void* p = mmap(nullptr, cfg.arena_bytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED)
    throw Error(Errc::NoResources, fmt::format("sim platform: cannot reserve a {} MiB DMA arena: {}",
                                               cfg.arena_bytes >> 20, std::strerror(errno)));
  arena_ = static_cast<uint8_t*>(p);
  arena_iova_ = kArenaIova;
  free_[0] = cfg.arena_bytes;
  m.mem->mem().attach_window(arena_iova_, arena_, cfg.arena_bytes);
  m.mem->add_error_region(0, arena_iova_, rig::axi::SLVERR);
  m.mem->add_error_region(arena_iova_ + cfg.arena_bytes, ~0ULL, rig::axi::SLVERR);

  // Remember the first faults with their address, ID and cycle.
  m.mem->on_read_request([this](const rig::AxiReadRequest& r) {
    if (r.resp != rig::axi::OKAY && faults_.size() < 16)
      faults_.push_back(fmt::format("cycle {}: read id 0x{:x} at 0x{:x} ({} beats)", r.cycle, r.id,
                                    r.addr, r.beats));
  });
  m.mem->on_write_beat([this](const rig::AxiWriteBeat& w) {
    if (w.resp != rig::axi::OKAY && w.beat == 0 && faults_.size() < 16)
      faults_.push_back(fmt::format("cycle {}: write id 0x{:x} at 0x{:x}", w.cycle, w.id, w.base));
  });
  Dut& d = *m.dut;
  d.s_rx_tvalid_i = 0;
  d.s_rx_tlast_i = 0;
  d.s_rx_tuser_i = 0;
  d.m_tx_tready_i = 0;
  // Reset with the bus models detached: outputs are random until the first
  // edge (x-initial unique), and AXI says nothing of valid during reset.
  d.clk_i = 0;
  d.rst_i = 1;
  for (int i = 0; i < 8; ++i) {
    d.clk_i = 0;
    d.eval();
    d.clk_i = 1;
    d.eval();
  }
  d.rst_i = 0;
  run(8);
  m.rig->wait_reset_done();  // the power-up sweeps (STATUS.RESET_BUSY)
}

Platform::~Platform() {
  // Verilator 5.006 unregisters a model's scopes in the thread's current
  // context (Verilated::threadContextp()), not in the model's own: with
  // several platforms in one process (vmq::open("sim:...") twice), the
  // current one may be another platform's, or one already destroyed (a
  // use-after-free that hung driver_test). Make it this model's first.
  Verilated::threadContextp(impl_->ctx.get());
  if (impl_->fst) impl_->fst->close();
  impl_->dut->final();
  impl_->fst.reset();
  impl_->dut.reset();
  if (arena_) munmap(arena_, cfg_.arena_bytes);
}

uint64_t Platform::cycle() const { return impl_->cycle; }

// Wall time spent simulating, counted at the outermost call only: a register
// access is many run(1) calls plus bus-model work between them, all of it
// simulator time, none of it host work.
class Platform::SimClock {
 public:
  explicit SimClock(Platform& p) : p_(p), outer_(p.sim_depth_++ == 0) {
    if (outer_) t0_ = std::chrono::steady_clock::now();
  }
  ~SimClock() {
    if (--p_.sim_depth_ == 0 && outer_)
      p_.sim_wall_ns_ += uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                      std::chrono::steady_clock::now() - t0_)
                                      .count());
  }

 private:
  Platform& p_;
  bool outer_;
  std::chrono::steady_clock::time_point t0_;
};

void Platform::run(uint64_t cycles) {
  SimClock sc(*this);
  run_cycles(cycles);
}

void Platform::run_cycles(uint64_t cycles) {
  Impl& m = *impl_;
  Dut& d = *m.dut;
  Verilated::threadContextp(m.ctx.get());  // this model's context (see ~Platform)
  for (uint64_t n = 0; n < cycles; ++n) {
    // receive wire: one beat per cycle while a frame is on, paced starts
    bool rx_valid = false;
    if (!m.rxq.empty()) {
      const bool starting = m.rx_pos == 0;
      if (!starting || (double(m.cycle) >= m.rx_next && (!cfg_.lossless || d.rx_room_for_max_o))) {
        const auto& f = m.rxq.front();
        const std::size_t left = f.data.size() - m.rx_pos;
        const unsigned nb = unsigned(std::min<std::size_t>(left, kDataBytes));
        for (unsigned i = 0; i < kDataBytes; ++i) {
          set_byte(d.s_rx_tdata_i, i, i < nb ? f.data[m.rx_pos + i] : 0);
          set_bit(d.s_rx_tkeep_i, i, i < nb);
        }
        d.s_rx_tlast_i = left <= kDataBytes;
        d.s_rx_tuser_i = f.err && left <= kDataBytes;
        rx_valid = true;
      }
    }
    d.s_rx_tvalid_i = rx_valid;
    // transmit wire: a frame starts only when the previous one has left
    d.m_tx_tready_i = m.tx_in || double(m.cycle) >= m.tx_next;
    m.bus->drive();
    m.mem->drive();
    d.clk_i = 0;
    d.eval();
    m.bus->sample();
    m.mem->sample();
    if (rx_valid && d.s_rx_tready_o) {
      auto& f = m.rxq.front();
      if (m.rx_pos == 0) {
        ++m.rx_started;
        m.rx_next = next_start(m.rx_next, m.cycle, double(f.data.size() + 24) * m.cpb / cfg_.rx_load);
      }
      m.rx_pos += kDataBytes;
      if (m.rx_pos >= f.data.size()) {
        m.rxq.pop_front();
        m.rx_pos = 0;
      }
    }
    if (d.m_tx_tvalid_o && d.m_tx_tready_i) {
      if (!m.tx_in) {
        m.tx_in = true;
        m.tx_cur.data.clear();
        m.tx_cur.start_cycle = m.cycle;
      }
      for (unsigned i = 0; i < kDataBytes; ++i)
        if (get_bit(d.m_tx_tkeep_o, i)) m.tx_cur.data.push_back(get_byte(d.m_tx_tdata_o, i));
      if (d.m_tx_tlast_o) {
        m.tx_in = false;
        m.tx_cur.end_cycle = m.cycle;
        m.tx_next = next_start(m.tx_next, m.tx_cur.start_cycle,
                               double(std::max<std::size_t>(m.tx_cur.data.size(), 60) + 24) * m.cpb);
        if (on_wire_tx) on_wire_tx(m.tx_cur);
      }
    }
    if (m.fst) m.fst->dump(2 * m.cycle);
    d.clk_i = 1;
    d.eval();
    if (m.fst) m.fst->dump(2 * m.cycle + 1);
    ++m.cycle;
    if (on_cycle) on_cycle();
  }
}

// ------------------------------------------------------------------ RegIo
// The register window is the card's 1 MiB BAR0: the core's registers below
// vmq::regs::ADDR_SPACE_BYTES (0x80000), the board's above. The simulation
// has no board, so that half reads as unmapped (all ones) and ignores
// writes, as a card's unmapped offsets do; offsets beyond the window are
// refused like PciResource0Io refuses them (they would alias onto the core's
// 19-bit address port).
namespace {
bool board_half(uint32_t offset, const char* who) {
  if (offset >= 2 * vmq::regs::ADDR_SPACE_BYTES)
    throw Error(Errc::InvalidArgument,
                fmt::format("{}: register offset {:#x} is outside the 1 MiB BAR0 window (must be < {:#x})", who,
                            offset, 2 * vmq::regs::ADDR_SPACE_BYTES));
  return offset >= vmq::regs::ADDR_SPACE_BYTES;
}
}  // namespace

uint32_t Platform::read32(uint32_t offset) {
  if (board_half(offset, "sim platform read32")) return 0xFFFFFFFFu;
  SimClock sc(*this);
  ++reg_accesses_;
  return impl_->bus->read_wait(offset, [this] { run(1); });
}
void Platform::write32(uint32_t offset, uint32_t value) {
  if (board_half(offset, "sim platform write32")) return;
  SimClock sc(*this);
  ++reg_accesses_;
  impl_->bus->write_wait(offset, value, [this] { run(1); });
}
uint64_t Platform::now_ns() { return uint64_t(double(impl_->cycle) * ns_per_cycle()); }
void Platform::delay_ns(uint64_t ns) {
  run(std::max<uint64_t>(1, uint64_t(std::ceil(double(ns) / ns_per_cycle()))));
}
uint64_t Platform::irq_lines() const { return uint64_t(impl_->dut->irq_o); }
uint64_t Platform::wait_irq(uint64_t queue_mask, uint64_t timeout_ns) {
  const uint64_t end = impl_->cycle + uint64_t(std::ceil(double(timeout_ns) / ns_per_cycle()));
  while (impl_->cycle < end) {
    if (const uint64_t m = irq_lines() & queue_mask) return m;
    run(1);
  }
  return irq_lines() & queue_mask;
}
std::string Platform::describe() const {
  return fmt::format("sim {} at {} MHz, {} GbE", model_info().name, cfg_.core_mhz, cfg_.port_gbps);
}

// ------------------------------------------------------------------ DMA arena
DmaRegion Platform::alloc(std::size_t bytes, std::size_t align) {
  if (bytes == 0 || align < 16 || (align & (align - 1)))
    throw Error(Errc::InvalidArgument,
                fmt::format("dma alloc: {} bytes aligned to {} (align: power of two >= 16)", bytes,
                            align));
  for (auto it = free_.begin(); it != free_.end(); ++it) {
    const std::size_t off = it->first, len = it->second;
    const std::size_t start = (off + align - 1) & ~(align - 1);
    if (start + bytes > off + len) continue;
    free_.erase(it);
    if (start > off) free_[off] = start - off;
    if (start + bytes < off + len) free_[start + bytes] = off + len - start - bytes;
    used_[start] = bytes;
    std::memset(arena_ + start, 0, bytes);
    return DmaRegion{arena_ + start, arena_iova_ + start, bytes};
  }
  throw Error(Errc::NoResources,
              fmt::format("dma alloc: no {} free bytes in the {} MiB simulated DMA arena", bytes,
                          cfg_.arena_bytes >> 20));
}

void Platform::free(const DmaRegion& r) {
  const std::size_t off = std::size_t(r.cpu - arena_);
  auto it = used_.find(off);
  if (r.cpu < arena_ || it == used_.end() || it->second != r.bytes)
    throw Error(Errc::InvalidArgument, "dma free: region was not allocated here");
  used_.erase(it);
  // Scribble over freed memory: a DMA that still lands here shows up as garbage.
  std::memset(arena_ + off, 0xa5, r.bytes);
  auto [pos, ok] = free_.emplace(off, r.bytes);
  (void)ok;
  auto nx = std::next(pos);  // merge with neighbours
  if (nx != free_.end() && pos->first + pos->second == nx->first) {
    pos->second += nx->second;
    free_.erase(nx);
  }
  if (pos != free_.begin()) {
    auto pv = std::prev(pos);
    if (pv->first + pv->second == pos->first) {
      pv->second += pos->second;
      free_.erase(pos);
    }
  }
}

// ------------------------------------------------------------------ wire
void Platform::rx_offer(std::vector<uint8_t> frame, bool err) {
  if (frame.empty()) throw Error(Errc::InvalidArgument, "rx_offer: empty frame");
  impl_->rxq.push_back({std::move(frame), err});
}
std::size_t Platform::rx_queued() const { return impl_->rxq.size(); }
uint64_t Platform::rx_started() const { return impl_->rx_started; }
bool Platform::quiet() const {
  return impl_->rxq.empty() && !impl_->tx_in && impl_->mem->idle() && impl_->bus->idle() &&
         !impl_->dut->m_tx_tvalid_o;
}
uint64_t Platform::dma_faults() const {
  return impl_->mem->stats().read_errors + impl_->mem->stats().write_errors;
}

}  // namespace vmq::sim
