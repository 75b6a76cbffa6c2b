// Receive throughput benchmark of vmq_core (SPEC §9 "Pacing", §10 Budgets).
//
// The MAC side is driven at line rate with a byte-credit wire model: at a
// 250 MHz core clock, 10 GbE carries 5 bytes per cycle and 25 GbE 12.5; a
// frame of L bytes occupies the wire for L + 24 bytes (FCS, preamble, gap,
// as SPEC §10 counts them). A frame starts only when the wire schedule allows
// (never faster than line rate) and its beats are then presented back to back:
// a real MAC cannot pause mid-frame, so every cycle s_rx_tready_o is low while
// a beat waits is counted as a stall (the frame is held, not lost, and the
// schedule moves on from the late start: a stall shows as lost rate).
//
// Four VM queues (1..4), one `mac` filter each, frames round-robin over their
// four DAs; ring of 1024 descriptors per queue, 2048-byte buffers. The host
// memory is ideal but far: read latency 1 µs (250 cycles), write-response
// latency 100 cycles, no backpressure, no jitter. The host reposts every
// buffer as soon as its write-back (DD) is written (seen with
// AxiMem::on_write_beat), and rings the Q_RX_TAIL doorbell over AXI4-Lite
// whenever 8 buffers are pending or 64 cycles after the first pending one.
//
// Every delivered frame is checked in full: write-back fields (DD, EOP, LEN,
// FRAME_LEN), every payload byte (the frame carries its sequence number and a
// pattern derived from it), per-queue wire order; the counters read at the
// end must agree with what the host saw.
//
// Measurement: after a warm-up, a window of N delivered frames, from the
// write-back of one delivered frame to the write-back N frames later. Figures
// per frame size: delivered payload Gb/s at 250 MHz, fraction of the offered
// payload rate L/(L+24) x port rate, drops (rx_buffer_drops and the queues'
// rx_no_desc_drops, whole run), cycles per delivered frame vs the budget
// (L+24)/bytes-per-cycle, MAC-side stalls, AXI W-channel utilisation.
//
// Replication (--bcast N[,N...], a second table): queues 0..N-1 (queue 0
// included, so N = 16 is every queue of the build) have Q_RX_CTRL.ENABLE and
// BCAST and no filter; every frame goes to ff:ff:ff:ff:ff:ff, so each frame is
// delivered N times (ascending queue order, SPEC §3) and every queue checks
// every frame, in wire order. With --bcast-lossless 1 (default) the wire is
// paced as in SPEC §9: it does not start a frame while rx_room_for_max_o is
// low (a link partner honouring PAUSE); the cycles in which a frame was due
// but held back are counted as *paused*. The rate then settles at what the
// core sustains with zero drops. The window of those rows starts after the
// first pause (the packet buffer full, steady state) or after the warm-up,
// whichever is later, and counts copies: frame rate = copies / N / time,
// copy rate = copies x L x 8 / time (Gb/s summed over the queues).
// --bcast-sizes (default 64,512,1514), --bcast-window-cycles (default 1 M),
// --bcast-min-frames (default 100). --sizes none: replication table only.
//
// Options: --sizes 60,64,... --frames N (cap on the window, default 20000)
// --window-cycles C (default 1.5 M; N = clamp(C / budget, --min-frames (500),
// --frames)); the rings (1024) wrap several times at every size but 9000.
// --port-gbps G --read-latency C --write-latency C --json FILE.
// Exit code: 0 every row at 100 % (>= 99.9 %) of line rate with zero drops
// (replication rows: lossless ones with zero drops and no stalls; they are
// not held to line rate); 1 some row short of that; 2 a correctness or
// protocol failure.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include VMQ_MODEL_HEADER
#ifdef VMQ_RX_BENCH_DIAG
#include VMQ_MODEL_ROOT_HEADER
#endif
#include <vmq/vmq_regs.hpp>

#include "core_rig.hpp"
#include "json_out.hpp"
#include "vmq_tb.hpp"

using namespace vmq::tb;
namespace regs = vmq::regs;
namespace rf = vmq::regs::fmt;
using Dut = VMQ_MODEL;
using vmq::tb::ojson;

namespace {

constexpr unsigned kDataW = VMQ_PARAM_DataW;
constexpr unsigned kAxiDataW = VMQ_PARAM_AxiDataW;
constexpr unsigned kNumQueues = VMQ_PARAM_NumQueues;
#ifndef VMQ_PARAM_PktBufBytes
#define VMQ_PARAM_PktBufBytes 65536  // vmq_core's default; checked against ID_PKTBUF_BYTES
#endif
constexpr unsigned kBeatBytes = kDataW / 8;
constexpr double kCoreMhz = 250.0;
constexpr unsigned kOverhead = 24;  // FCS + preamble + inter-frame gap (SPEC §10)

constexpr unsigned kQueues = 4;       // queues 1..4
constexpr unsigned kRingLog2 = 10;    // 1024 descriptors
constexpr unsigned kRing = 1u << kRingLog2;
constexpr unsigned kBufBytes = 2048;  // a 9000-byte frame takes 5 buffers
constexpr uint64_t kRingBase = 0x10000000ULL;  // queue q's ring: kRingBase + q * kRing * 16
constexpr uint64_t kRingEnd = kRingBase + uint64_t(kNumQueues) * kRing * 16;
constexpr uint64_t kBufBase = 0x40000000ULL;  // queue q slot s: kBufBase + (q*kRing + s)*kBufBytes
constexpr unsigned kTailBatch = 8, kTailEvery = 64;

uint64_t ring_addr(unsigned q) { return kRingBase + uint64_t(q) * kRing * 16; }
uint64_t buf_addr(unsigned q, unsigned s) {
  return kBufBase + (uint64_t(q) * kRing + s) * kBufBytes;
}
uint64_t mac_of(unsigned q) { return 0x020000000000ULL | q; }
constexpr uint64_t kBcastMac = 0xffffffffffffULL;

// Byte i of frame `seq` (L bytes): DA of its queue (broadcast in the
// replication mode), SA, IPv4 ethertype, the sequence number, its length,
// then a pattern that depends on seq.
uint8_t frame_byte(uint32_t seq, unsigned len, unsigned i, bool bcast) {
  const uint64_t da = bcast ? kBcastMac : mac_of(1 + seq % kQueues);
  if (i < 6) return uint8_t(da >> (8 * (5 - i)));
  if (i < 12) return uint8_t(0x02aa00000001ULL >> (8 * (11 - i)));
  if (i == 12) return 0x08;
  if (i == 13) return 0x00;
  if (i < 18) return uint8_t(seq >> (8 * (i - 14)));
  if (i < 20) return uint8_t(len >> (8 * (i - 18)));
  const uint32_t h = (seq * 0x9E3779B1u) >> 24;
  return uint8_t(h + i * 7 + (i >> 8));
}

// Diagnostic build only: cycles counted inside vmq_core (names of internal
// signals; --public-flat-rw). Index = meaning, see kDiagNames.
constexpr unsigned kDiag = 14;
constexpr const char* kDiagNames[kDiag] = {
    "copy stream held by vmq_rx_wr (c_tvalid && !c_tready)",
    "packet buffer output held by vmq_rx_repl (f_tvalid && !f_tready)",
    "packet buffer has nothing to deliver (!f_tvalid)",
    "wr segmenter in GMeta",
    "wr segmenter in GPop",
    "wr segmenter in GAddr",
    "wr segmenter in GBurst",
    "wr segmenter in GEntry",
    "  GMeta with no copy metadata (mf_empty)",
    "  GPop waiting for a descriptor (!dq_avail)",
    "  GAddr/GBurst command not pushed (write-back priority or FIFO full)",
    "write-back command pushed (wb_go)",
    "W idle while the accumulator holds bytes",
    "packet buffer: mean bytes stored (not per frame)",
};
struct Snap {  // cumulative per-cycle counters, snapshotted at each delivery
  uint64_t cycle = 0, stall_start = 0, stall_mid = 0, w_beats = 0, w_valid = 0, aw = 0, ar = 0,
           r_beats = 0, wire_paused = 0;
  uint64_t diag[kDiag] = {};
};
struct Delivery {
  uint32_t seq;
  Snap at;
};

// Replication mode of a run: copies = 0 is the unicast bench (queues 1..4).
struct Mode {
  unsigned copies = 0;
  bool lossless = false;
};

struct Row {
  double port_gbps;
  unsigned len;
  Mode mode;
  // replication rows: copies measured, frame rates, copy rate, wire paused
  uint64_t copies_measured = 0;
  double line_mfps = 0, frame_mfps = 0, copy_gbps = 0, paused = 0;
  unsigned model_repl = 0, model_w = 0;  // cycles / W beats per frame (formula)
  uint64_t frames_sent = 0, frames_measured = 0, frames_delivered = 0, frames_verified = 0;
  double offered_gbps = 0, delivered_gbps = 0, fraction = 0, cycles_per_frame = 0, budget = 0;
  uint64_t drop_buffer = 0, drop_no_desc = 0, drop_other = 0;
  uint64_t sim_cycles = 0, window_cycles = 0, buffers_reposted = 0;
  double wall_seconds = 0;
  Snap win;  // counter deltas over the window
  bool ok() const {
    const bool clean =
        drop_buffer == 0 && drop_no_desc == 0 && win.stall_start == 0 && win.stall_mid == 0;
    if (mode.copies) return !mode.lossless || clean;  // not held to line rate
    return fraction >= 0.999 && clean;
  }
};

struct BenchFail : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class RxBench {
 public:
  RxBench(const Args& args, double port_gbps, unsigned len, uint64_t warm, uint64_t measure,
          uint64_t read_lat, uint64_t write_lat, Mode mode = {})
      : clk_(args, "dut"),
        d_(clk_.dut()),
        rng_(args.seed + len),
        // the core rig: host memory, register master and the ownership
        // checker on every DMA access (sim/rig/core_rig.hpp)
        rig_(d_, rng_,
             {.num_queues = kNumQueues, .mem = mem_cfg(read_lat, write_lat),
              .axil_p_delay = 0.0, .axil_p_stall = 0.0, .check_ownership = true},
             {[this] { step(); }, [this] { return clk_.cycle(); },
              [](const std::string& m) { throw BenchFail(m); }}),
        mem_(rig_.mem),
        axil_(rig_.bus),
        own_(rig_.own),
        len_(len),
        warm_(warm),
        measure_(measure),
        bytes_per_cycle_(port_gbps * 1e3 / 8.0 / kCoreMhz),
        wire_cycles_(double(len + kOverhead) / bytes_per_cycle_),
        bcast_(mode.copies != 0),
        lossless_(mode.lossless),
        copies_(bcast_ ? mode.copies : 1),
        stride_(bcast_ ? 1 : kQueues) {
    row_.port_gbps = port_gbps;
    row_.len = len;
    row_.mode = mode;
    if (bcast_ && (copies_ < 1 || copies_ > kNumQueues))
      throw BenchFail(fmt::format("--bcast {}: 1..{}", copies_, kNumQueues));
    for (unsigned i = 0; i < (bcast_ ? copies_ : kQueues); ++i) {
      const unsigned q = bcast_ ? i : 1 + i;
      qs_.push_back(q);
      active_[q] = true;
      wb_seen_[q].assign(kRing, false);
      next_seq_[q] = bcast_ ? 0 : i;
    }
    // Replication rows: the wire keeps going until the window's last frame
    // is delivered (it is that many frames ahead: a full packet buffer), so
    // that its pauses are counted over the whole window.
    tail_frames_ = bcast_ ? 16 + std::min<uint64_t>(80, VMQ_PARAM_PktBufBytes / len_ + 8) : 16;
    total_ = warm_ + measure_ + tail_frames_;
    d_.s_rx_tvalid_i = 0;
    d_.s_rx_tlast_i = 0;
    d_.s_rx_tuser_i = 0;
    d_.m_tx_tready_i = 1;
    mem_.on_write_beat([this](const AxiWriteBeat& b) { on_write(b); });
  }

  Row run() {
    const auto t0 = std::chrono::steady_clock::now();
    clk_.reset();
    rig_.wait_reset_done();
    program();
    // Traffic, then drain until every frame is delivered or counted as dropped.
    // (The wire is silent while the registers are programmed: a frame sent
    // before the filters and queues are set up would be unmatched.)
    next_start_ = double(clk_.cycle()) + 8;
    wire_on_ = true;
    uint64_t quiet = 0, seen = 0;
    while (true) {
      step();
      if (sent_ == total_ && !in_frame_) {
        if (delivered_ + lost_host_ >= total_ * copies_ && axil_.idle()) break;
        // Trailing drops are invisible to the host: stop once nothing moves.
        const uint64_t act = cnt_.w_beats + cnt_.r_beats + cnt_.aw + cnt_.ar;
        quiet = act == seen ? quiet + 1 : 0;
        seen = act;
        if (quiet > 5000 && mem_.idle()) break;
      }
    }
    for (unsigned i = 0; i < 500; ++i) step();  // last write responses, doorbells
    finish();
    row_.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    row_.sim_cycles = clk_.cycle();
    return row_;
  }

 private:
  static AxiMemConfig mem_cfg(uint64_t read_lat, uint64_t write_lat) {
    AxiMemConfig c;
    c.p_aw_stall = c.p_w_stall = c.p_ar_stall = 0;
    c.p_b_delay = c.p_r_delay = 0;
    c.read_latency = read_lat;
    c.read_jitter = 0;
    c.write_latency = write_lat;
    c.write_jitter = 0;
    return c;
  }

  void wr(uint32_t a, uint32_t v) {
    axil_.write_wait(a, v, [this] { step(); });
  }
  uint32_t rd(uint32_t a) {
    return axil_.read_wait(a, [this] { step(); });
  }
  uint64_t rd64(uint32_t lo) {
    return regs::read_counter64([this](uint32_t a) { return rd(a); }, lo);
  }

  void program() {
    if (rd(regs::ID_MAGIC) != regs::MAGIC) throw BenchFail("ID_MAGIC mismatch");
    if (rd(regs::ID_DATA_W) != kDataW || rd(regs::ID_AXI_DATA_W) != kAxiDataW)
      throw BenchFail("ID_DATA_W / ID_AXI_DATA_W do not match the build");
    if (rd(regs::ID_PKTBUF_BYTES) != VMQ_PARAM_PktBufBytes)
      throw BenchFail(fmt::format("ID_PKTBUF_BYTES {} is not the {} this bench assumes",
                                  rd(regs::ID_PKTBUF_BYTES), VMQ_PARAM_PktBufBytes));
    if (len_ > 1518) wr(regs::RX_MAX_FRAME, 9216);
    for (unsigned i = 0; i < qs_.size(); ++i) {
      const unsigned q = qs_[i];
      if (!bcast_) {  // replication mode: no filter, Q_RX_CTRL.BCAST
        wr(regs::FILT_IDX, i);
        wr(regs::FILT_CFG, 1u << regs::FILT_CFG_VALID_SHIFT |
                               regs::FILT_CFG_TYPE_MAC << regs::FILT_CFG_TYPE_SHIFT);
        wr(regs::FILT_MAC_LO, uint32_t(mac_of(q)));
        wr(regs::FILT_MAC_HI, uint32_t(mac_of(q) >> 32));
        wr(regs::FILT_QMASK_LO, 1u << q);
        wr(regs::FILT_QMASK_HI, 0);
        wr(regs::FILT_CMD, regs::FILT_CMD_WRITE_MASK);
      }
      wr(regs::Q_RX_BASE_LO(q), uint32_t(ring_addr(q)));
      wr(regs::Q_RX_BASE_HI(q), uint32_t(ring_addr(q) >> 32));
      wr(regs::Q_RX_SIZE(q), kRingLog2);
      wr(regs::Q_RX_BUF(q), kBufBytes);
      for (unsigned s = 0; s < kRing - 1; ++s) post(q, s);
      tail_[q] = kRing - 1;
      wr(regs::Q_RX_TAIL(q), tail_[q]);
      wr(regs::Q_RX_CTRL(q), regs::Q_RX_CTRL_ENABLE_MASK |
                                 (bcast_ ? regs::Q_RX_CTRL_BCAST_MASK : 0u));
    }
    for (const unsigned q : qs_) {
      unsigned n = 0;
      while (!(rd(regs::Q_RX_STATUS(q)) & regs::Q_RX_STATUS_RUNNING_MASK))
        if (++n > 1000) throw BenchFail(fmt::format("queue {} never reports RUNNING", q));
    }
    for (unsigned i = 0; i < 1000; ++i) step();  // descriptor caches fill (1 µs reads)
  }

  void post(unsigned q, unsigned s) {
    const uint64_t a = ring_addr(q) + 16ULL * s;
    mem_.write_u64(a, rf::put(0, rf::RX_DESC_ADDR, buf_addr(q, s)));
    mem_.write_u64(a + 8, 0);
  }

  // ---- one clock cycle of the whole bench ----
  void step() {
    const uint64_t now = clk_.cycle();
    // Wire: start the next frame when the schedule allows.
    if (wire_on_ && !in_frame_ && sent_ < total_) {
      // Lossless (SPEC §9): no frame starts while the packet buffer lacks
      // room for a maximum-size frame, like a link partner honouring PAUSE.
      const bool due = double(now) >= next_start_;
      if (due && lossless_ && !d_.rx_room_for_max_o) {
        ++cnt_.wire_paused;
        // Steady state from the first pause on: the measured window starts
        // there if that is later than the warm-up (and still in the run).
        if (!paused_once_) {
          paused_once_ = true;
          if (sent_ > warm_ && sent_ < warm_ + measure_) {
            warm_ = sent_;
            total_ = warm_ + measure_ + tail_frames_;
          }
        }
      } else if (due) {
        in_frame_ = true;
        beat_ = 0;
        cur_seq_ = uint32_t(sent_);
        // Late by more than rounding (the previous frame was held): the
        // schedule restarts from now, never faster than line rate.
        if (double(now) >= next_start_ + 1.0) next_start_ = double(now);
        next_start_ += wire_cycles_;
      }
    }
    if (in_frame_) {
      const unsigned off = beat_ * kBeatBytes;
      const unsigned n = std::min(kBeatBytes, len_ - off);
      for (unsigned i = 0; i < kBeatBytes; ++i) {
        set_byte(d_.s_rx_tdata_i, i, i < n ? frame_byte(cur_seq_, len_, off + i, bcast_) : 0);
        set_bit(d_.s_rx_tkeep_i, i, i < n);
      }
      d_.s_rx_tlast_i = off + n == len_;
      d_.s_rx_tvalid_i = 1;
    } else {
      d_.s_rx_tvalid_i = 0;
      d_.s_rx_tlast_i = 0;
    }
    // Host: doorbells for reposted buffers.
    if (axil_.idle()) {
      const unsigned nq = unsigned(qs_.size());
      for (unsigned i = 0; i < nq; ++i) {
        const unsigned q = qs_[(i + rr_) % nq];
        if (pending_[q] && (pending_[q] >= kTailBatch || now - pend_since_[q] >= kTailEvery)) {
          axil_.write(regs::Q_RX_TAIL(q), tail_[q]);
          pending_[q] = 0;
          rr_ = (rr_ + i + 1) % nq;
          break;
        }
      }
    }
    axil_.drive();
    mem_.drive();
    clk_.settle();
    axil_.sample();
    cyc_now_ = now;
    mem_.sample();  // write-backs are handled here (on_write)
    // Counters (cumulative).
    if (in_frame_) {
      if (d_.s_rx_tready_o) {
        if (d_.s_rx_tlast_i) {
          in_frame_ = false;
          ++sent_;
        } else {
          ++beat_;
        }
      } else {
        ++(beat_ ? cnt_.stall_mid : cnt_.stall_start);
      }
    }
    if (d_.m_axi_wvalid_o) ++cnt_.w_valid;
    if (d_.m_axi_wvalid_o && d_.m_axi_wready_i) ++cnt_.w_beats;
    if (d_.m_axi_awvalid_o && d_.m_axi_awready_i) ++cnt_.aw;
    if (d_.m_axi_arvalid_o && d_.m_axi_arready_i) ++cnt_.ar;
    if (d_.m_axi_rvalid_i && d_.m_axi_rready_o) ++cnt_.r_beats;
#ifdef VMQ_RX_BENCH_DIAG
    {
      const auto* r = d_.rootp;
      uint64_t* g = cnt_.diag;
      g[0] += r->vmq_core__DOT__c_tvalid && !r->vmq_core__DOT__c_tready;
      g[1] += r->vmq_core__DOT__f_tvalid && !r->vmq_core__DOT__f_tready;
      g[2] += !r->vmq_core__DOT__f_tvalid;
      const unsigned st = r->vmq_core__DOT__u_wr__DOT__sg_state_q;
      if (st < 5) ++g[3 + st];
      g[8] += st == 0 && r->vmq_core__DOT__u_wr__DOT__mf_empty;
      g[9] += st == 1 && r->vmq_core__DOT__u_wr__DOT__sg_rem_q != 0 &&
              !((r->vmq_core__DOT__u_wr__DOT__dq_avail_i >> r->vmq_core__DOT__u_wr__DOT__m_q) & 1);
      g[10] += (st == 2 || st == 3) && !r->vmq_core__DOT__u_wr__DOT__sg_go;
      g[11] += r->vmq_core__DOT__u_wr__DOT__wb_go;
      g[12] += !d_.m_axi_wvalid_o && r->vmq_core__DOT__u_wr__DOT__acc_c_q != 0;
      g[13] += VMQ_PARAM_PktBufBytes - r->vmq_core__DOT__free_bytes_unused;
    }
#endif
    clk_.edge();
  }

  // ---- host: write-backs ----
  void on_write(const AxiWriteBeat& b) {
    if (b.lo >= kBufBase) {
      payload_bytes_ += b.nbytes;
      return;
    }
    if (b.lo < kRingBase || b.lo >= kRingEnd || b.lo == b.hi)
      throw BenchFail(fmt::format("DMA write outside rings and buffers: 0x{:x}", b.lo));
    for (uint64_t a = b.lo & ~15ULL; a < b.hi; a += 16) {
      // Word 1 of the slot at a must be written whole; word 0 never.
      unsigned n0 = 0, n1 = 0;
      for (unsigned i = 0; i < 16; ++i) {
        const uint64_t x = a + i;
        if (x < b.base || x >= b.base + b.bus_bytes || !((b.strb >> (x - b.base)) & 1)) continue;
        ++(i < 8 ? n0 : n1);
      }
      if (n0 || (n1 && n1 != 8))
        throw BenchFail(fmt::format("partial or word-0 descriptor write at 0x{:x} strb 0x{:x}",
                                    a, b.strb));
      const bool m1 = n1 == 8;
      if (!m1) continue;
      const unsigned q = unsigned((a - kRingBase) / (kRing * 16));
      const unsigned s = unsigned((a - ring_addr(q)) / 16);
      if (q >= kNumQueues || !active_[q])
        throw BenchFail(fmt::format("write-back to queue {}", q));
      wb_seen_[q][s] = true;
      while (wb_seen_[q][expect_slot_[q]]) {
        wb_seen_[q][expect_slot_[q]] = false;
        writeback(q, expect_slot_[q]);
        expect_slot_[q] = (expect_slot_[q] + 1) % kRing;
      }
    }
  }

  void writeback(unsigned q, unsigned s) {
    const uint64_t a = ring_addr(q) + 16ULL * s;
    const uint64_t w = mem_.read_u64(a + 8);
    const unsigned l = unsigned(rf::get(w, rf::RX_WB_LEN));
    const bool eop = rf::get(w, rf::RX_WB_EOP);
    auto bad = [&](const std::string& m) {
      throw BenchFail(fmt::format("queue {} slot {} (wb 0x{:016x}, cycle {}): {}", q, s, w,
                                  cyc_now_, m));
    };
    if (!rf::get(w, rf::RX_WB_DD)) bad("DD clear");
    if (rf::get(w, rf::RX_WB_VP)) bad("VP set on an untagged frame");
    if (l == 0 || l > kBufBytes || (!eop && l != kBufBytes)) bad(fmt::format("LEN {}", l));
    FrameAsm& f = asm_[q];
    const uint64_t ba = buf_addr(q, s);
    if (f.bytes == 0) {
      if (l < 20) bad("first buffer shorter than the header");
      uint32_t seq = 0;
      for (unsigned i = 0; i < 4; ++i) seq |= uint32_t(mem_.mem().get(ba + 14 + i)) << (8 * i);
      if ((!bcast_ && seq % kQueues != q - 1) || seq < next_seq_[q] || seq >= total_)
        bad(fmt::format("sequence {} (expected {} or later, on this queue)", seq, next_seq_[q]));
      lost_host_ += (seq - next_seq_[q]) / stride_;
      f.seq = seq;
    }
    if (f.bytes + l > len_) bad("copy longer than the frame");
    for (unsigned i = 0; i < l; ++i)
      if (mem_.mem().get(ba + i) != frame_byte(f.seq, len_, f.bytes + i, bcast_))
        bad(fmt::format("frame {} byte {} differs", f.seq, f.bytes + i));
    f.bytes += l;
    if (eop) {
      if (rf::get(w, rf::RX_WB_FRAME_LEN) != len_ || f.bytes != len_)
        bad(fmt::format("FRAME_LEN {} / {} bytes for a {}-byte frame",
                        rf::get(w, rf::RX_WB_FRAME_LEN), f.bytes, len_));
      next_seq_[q] = f.seq + stride_;
      ++delivered_;
      Snap sn = cnt_;
      sn.cycle = cyc_now_;
      deliveries_.push_back({f.seq, sn});
      f = FrameAsm{};
    }
    // Repost: the slot after the last posted one gets its buffer back.
    post(q, tail_[q]);
    ++reposted_;
    tail_[q] = (tail_[q] + 1) % kRing;
    if (!pending_[q]) pend_since_[q] = cyc_now_;
    ++pending_[q];
  }

  void finish() {
    const uint64_t frames = rd64(regs::RX_FRAMES_LO);
    row_.drop_buffer = rd64(regs::RX_BUFFER_DROPS_LO);
    row_.drop_other = rd64(regs::RX_ERR_DROPS_LO) + rd64(regs::RX_RUNT_DROPS_LO) +
                      rd64(regs::RX_OVERSIZE_DROPS_LO) + rd64(regs::RX_UNMATCHED_DROPS_LO) +
                      rd64(regs::DMA_ERRORS_LO);
    // Every frame is well formed and matches once the queues are set up.
    if (row_.drop_other)
      throw BenchFail(fmt::format("{} frames dropped as errored, runt, oversize or unmatched, "
                                  "or DMA errors",
                                  row_.drop_other));
    uint64_t pk = 0;
    for (const unsigned q : qs_) {
      row_.drop_no_desc += rd64(regs::Q_RX_NO_DESC_DROPS_LO(q));
      pk += rd64(regs::Q_RX_PACKETS_LO(q));
      if (rd(regs::Q_RX_STATUS(q)) & regs::Q_RX_STATUS_ERROR_MASK)
        throw BenchFail(fmt::format("queue {} in error state", q));
      if (asm_[q].bytes) throw BenchFail(fmt::format("queue {}: a copy never ended", q));
    }
    if (frames != sent_)
      throw BenchFail(fmt::format("rx_frames {} but {} frames sent", frames, sent_));
    if (pk != delivered_)
      throw BenchFail(fmt::format("rx_packets {} but the host saw {} frames", pk, delivered_));
    // A frame dropped before replication loses all its copies; a no-descriptor
    // drop is one copy (counted in its queue).
    if (delivered_ + copies_ * (row_.drop_buffer + row_.drop_other) + row_.drop_no_desc !=
        sent_ * copies_)
      throw BenchFail(fmt::format("{} sent x {} copies, {} delivered, {}+{}+{} dropped", sent_,
                                  copies_, delivered_, row_.drop_buffer, row_.drop_no_desc,
                                  row_.drop_other));
    if (payload_bytes_ != delivered_ * len_)
      throw BenchFail(fmt::format("{} payload bytes written for {} frames of {}", payload_bytes_,
                                  delivered_, len_));
    row_.frames_sent = sent_;
    row_.frames_delivered = delivered_;
    row_.frames_verified = delivered_;
    row_.buffers_reposted = reposted_;

    // Window: from the write-back of the first delivered frame at or after
    // the warm-up to the one `measure_` deliveries later (or the last).
    size_t k = 0;
    while (k < deliveries_.size() && deliveries_[k].seq < warm_) ++k;
    if (k + 1 >= deliveries_.size()) throw BenchFail("no frame delivered after the warm-up");
    const size_t e = std::min(deliveries_.size() - 1, k + measure_ * copies_);
    const Snap& a = deliveries_[k].at;
    const Snap& z = deliveries_[e].at;
    row_.copies_measured = e - k;
    row_.frames_measured = (e - k) / copies_;
    row_.window_cycles = z.cycle - a.cycle;
    row_.win = Snap{z.cycle - a.cycle,     z.stall_start - a.stall_start,
                    z.stall_mid - a.stall_mid, z.w_beats - a.w_beats,
                    z.w_valid - a.w_valid, z.aw - a.aw,
                    z.ar - a.ar,           z.r_beats - a.r_beats,
                    z.wire_paused - a.wire_paused, {}};
    for (unsigned i = 0; i < kDiag; ++i) row_.win.diag[i] = z.diag[i] - a.diag[i];
    const double bytes = double(row_.frames_measured) * len_;
    const double ns = double(row_.window_cycles) * 1e3 / kCoreMhz;
    row_.delivered_gbps = bytes * 8 / ns;
    row_.offered_gbps = row_.port_gbps * len_ / double(len_ + kOverhead);
    row_.fraction = row_.delivered_gbps / row_.offered_gbps;
    row_.cycles_per_frame = double(row_.window_cycles) / double(row_.frames_measured);
    row_.budget = wire_cycles_;
    if (bcast_) {  // rates from copies (the window need not end on a whole frame)
      const double copies = double(row_.copies_measured);
      row_.copy_gbps = copies * len_ * 8 / ns;
      row_.frame_mfps = copies / copies_ / ns * 1e3;
      row_.line_mfps = kCoreMhz / wire_cycles_;
      row_.delivered_gbps = row_.frame_mfps * len_ * 8 / 1e3;  // per-frame payload rate
      row_.fraction = row_.frame_mfps / row_.line_mfps;
      row_.cycles_per_frame = double(row_.window_cycles) * copies_ / copies;
      row_.paused = double(row_.win.wire_paused) / double(row_.window_cycles);
      const unsigned bufs = (len_ + kBufBytes - 1) / kBufBytes;
      row_.model_repl = copies_ * (1 + (len_ + kBeatBytes - 1) / kBeatBytes);
      row_.model_w = copies_ * ((len_ + kAxiDataW / 8 - 1) / (kAxiDataW / 8) + bufs);
    }
    // Whole-run stalls count too (a stall in warm-up is still a stall).
    row_.win.stall_start = cnt_.stall_start;
    row_.win.stall_mid = cnt_.stall_mid;
    mem_.check_idle();
  }

  struct FrameAsm {
    uint32_t seq = 0;
    unsigned bytes = 0;
  };

  Clocked<Dut> clk_;
  Dut& d_;
  Rng rng_;
  vmq::rig::CoreRig<Dut> rig_;
  AxiMem<Dut>& mem_;
  AxilMaster<Dut>& axil_;
  vmq::rig::DmaOwnership& own_;
  unsigned len_;
  uint64_t warm_, measure_, total_ = 0, tail_frames_ = 16;
  double bytes_per_cycle_, wire_cycles_;
  bool bcast_, lossless_, paused_once_ = false;
  unsigned copies_, stride_;  // copies per frame; sequence step per queue
  std::vector<unsigned> qs_;  // queues in use
  bool active_[kNumQueues] = {};
  Row row_{};
  // wire
  bool wire_on_ = false, in_frame_ = false;
  unsigned beat_ = 0;
  uint32_t cur_seq_ = 0;
  uint64_t sent_ = 0;
  double next_start_ = 0;
  // host
  unsigned tail_[kNumQueues] = {}, expect_slot_[kNumQueues] = {}, pending_[kNumQueues] = {};
  uint64_t pend_since_[kNumQueues] = {};
  std::vector<bool> wb_seen_[kNumQueues];
  FrameAsm asm_[kNumQueues];
  uint64_t next_seq_[kNumQueues] = {};
  unsigned rr_ = 0;
  uint64_t delivered_ = 0, lost_host_ = 0, payload_bytes_ = 0, reposted_ = 0;
  uint64_t cyc_now_ = 0;
  Snap cnt_;
  std::vector<Delivery> deliveries_;
};

std::vector<unsigned> parse_sizes(const std::string& s) {
  std::vector<unsigned> v;
  if (s == "none") return v;
  std::stringstream ss(s);
  std::string t;
  while (std::getline(ss, t, ','))
    if (!t.empty()) v.push_back(unsigned(std::stoul(t)));
  return v;
}

ojson json_row(const Row& r, uint64_t read_lat, uint64_t write_lat) {
  ojson j;
  if (r.mode.copies) {
    j["mode"] = "bcast";
    j["copies"] = r.mode.copies;
    j["queues"] = fmt::format("0..{}", r.mode.copies - 1);
    j["lossless"] = r.mode.lossless;
  }
  j["port_gbps"] = r.port_gbps;
  j["data_w"] = kDataW;
  j["axi_data_w"] = kAxiDataW;
  j["num_queues"] = kNumQueues;
  j["frame_bytes"] = r.len;
  j["offered_gbps"] = vmq::tb::r(r.offered_gbps, 4);
  j["delivered_gbps"] = vmq::tb::r(r.delivered_gbps, 4);
  j["fraction"] = vmq::tb::r(r.fraction, 5);
  j["drops"] = {{"buffer", r.drop_buffer}, {"no_desc", r.drop_no_desc}};
  j["cycles_per_frame"] = vmq::tb::r(r.cycles_per_frame, 3);
  j["budget_cycles_per_frame"] = vmq::tb::r(r.budget, 3);
  j["frames_measured"] = r.frames_measured;
  j["frames_sent"] = r.frames_sent;
  j["frames_verified"] = r.mode.copies ? r.frames_verified / r.mode.copies : r.frames_verified;
  j["buffers_reposted"] = r.buffers_reposted;
  if (r.mode.copies) {
    j["line_mfps"] = vmq::tb::r(r.line_mfps, 4);
    j["frame_mfps"] = vmq::tb::r(r.frame_mfps, 4);
    j["copy_gbps"] = vmq::tb::r(r.copy_gbps, 4);
    j["copies_measured"] = r.copies_measured;
    j["copies_verified"] = r.frames_verified;
    j["wire_paused_fraction"] = vmq::tb::r(r.paused, 5);
    j["model_repl_cycles_per_frame"] = r.model_repl;
    j["model_w_beats_per_frame"] = r.model_w;
  }
  j["mac_stall_cycles"] = r.win.stall_start + r.win.stall_mid;
  j["axi_w_utilisation"] = vmq::tb::r(double(r.win.w_beats) / double(r.window_cycles), 4);
  j["core_mhz"] = kCoreMhz;
  j["read_latency_cycles"] = read_lat;
  j["write_latency_cycles"] = write_lat;
  j["sim_cycles"] = r.sim_cycles;
  j["wall_seconds"] = vmq::tb::r(r.wall_seconds, 2);
  return j;
}

}  // namespace

int main(int argc, char** argv) {
  Verilated::commandArgs(argc, argv);
  Args args(argc, argv, VMQ_TEST_NAME);
  const double port = args.getf("port-gbps", kDataW >= 128 ? 25.0 : 10.0);
  const uint64_t max_frames = args.get("frames", 20000);
  const uint64_t min_frames = args.get("min-frames", 500);
  const double win_cycles = args.getf("window-cycles", 1500000);
  const uint64_t read_lat = args.get("read-latency", 250);
  const uint64_t write_lat = args.get("write-latency", 100);
  auto opt = [&](const char* k, const char* d) {
    return args.kv.count(k) ? args.kv.at(k) : std::string(d);
  };
  const auto sizes = parse_sizes(opt("sizes", "60,64,128,256,512,1024,1514,9000"));
  const auto bcast = parse_sizes(opt("bcast", "none"));
  const auto bcast_sizes = parse_sizes(opt("bcast-sizes", "64,512,1514"));
  const bool bcast_lossless = args.get("bcast-lossless", 1) != 0;
  const double bcast_win_cycles = args.getf("bcast-window-cycles", 1000000);
  const uint64_t bcast_min_frames = args.get("bcast-min-frames", 100);
  const std::string json = opt("json", "");
  const double bpc = port * 1e3 / 8.0 / kCoreMhz;
  if (double(kDataW) / 8.0 < bpc)
    fmt::print("note: DataW {} at {} MHz carries {:.1f} bytes/cycle, less than {} GbE needs\n",
               kDataW, kCoreMhz, kDataW / 8.0, port);

  std::vector<Row> rows;
  int rc = 0;
  auto diag = [](const Row& r) {
#ifdef VMQ_RX_BENCH_DIAG
    fmt::print("      per frame in the window ({} frames, {} cycles):\n", r.frames_measured,
               r.window_cycles);
    for (unsigned i = 0; i < kDiag; ++i)
      fmt::print("      {:>9.3f}  {}\n",
                 double(r.win.diag[i]) /
                     double(i == kDiag - 1 ? r.window_cycles : r.frames_measured),
                 kDiagNames[i]);
    fmt::print("      AXI per frame: {:.3f} W beats, {:.3f} AW, {:.3f} AR, {:.3f} R beats\n",
               double(r.win.w_beats) / double(r.frames_measured),
               double(r.win.aw) / double(r.frames_measured),
               double(r.win.ar) / double(r.frames_measured),
               double(r.win.r_beats) / double(r.frames_measured));
#else
    (void)r;
#endif
  };
  auto run_row = [&](unsigned len, uint64_t warm, uint64_t measure, Mode mode, Row& r) {
    try {
      RxBench b(args, port, len, warm, measure, read_lat, write_lat, mode);
      r = b.run();
    } catch (const std::exception& e) {
      fmt::print("FAIL ({} bytes{}, seed {}): {}\n", len,
                 mode.copies ? fmt::format(", {} copies", mode.copies) : "", args.seed, e.what());
      return false;
    }
    return true;
  };

  if (!sizes.empty()) {
  fmt::print(
      "vmq_core RX  {} GbE  DataW={} AxiDataW={} NumQueues={}  core {} MHz ({:.2f} B/cycle)\n"
      "4 queues, ring {} x {}-byte buffers, host read latency {} cycles, write response {}\n",
      port, kDataW, kAxiDataW, kNumQueues, kCoreMhz, bpc, kRing, kBufBytes, read_lat, write_lat);
  fmt::print("{:>5} {:>6} {:>8} {:>9} {:>9} {:>9} {:>6} {:>7} {:>9} {:>8} {:>7} {:>6} {:>8} {:>7}\n",
             "bytes", "frames", "offered", "delivered", "fraction", "drops", "(buf", "nodesc)",
             "cyc/frame", "budget", "stalls", "W util", "Mcyc", "wall s");
  fmt::print("{:>5} {:>6} {:>8} {:>9}\n", "", "", "Gb/s", "Gb/s");
  int rc1 = 0;
  for (unsigned len : sizes) {
    const double budget = double(len + kOverhead) / bpc;
    const uint64_t measure =
        std::clamp<uint64_t>(uint64_t(std::ceil(win_cycles / budget)), min_frames, max_frames);
    const uint64_t warm = std::max<uint64_t>(8, uint64_t(std::ceil(5000.0 / budget)));
    Row r{};
    if (!run_row(len, warm, measure, Mode{}, r)) return 2;
    const uint64_t drops = r.drop_buffer + r.drop_no_desc;
    fmt::print(
        "{:>5} {:>6} {:>8.3f} {:>9.3f} {:>8.2f}% {:>9} {:>6} {:>7} {:>9.2f} {:>8.2f} {:>7} "
        "{:>5.1f}% {:>8.2f} {:>7.1f}{}\n",
        len, r.frames_measured, r.offered_gbps, r.delivered_gbps, 100 * r.fraction, drops,
        r.drop_buffer, r.drop_no_desc, r.cycles_per_frame, r.budget,
        r.win.stall_start + r.win.stall_mid,
        100.0 * double(r.win.w_beats) / double(r.window_cycles), r.sim_cycles / 1e6,
        r.wall_seconds, r.ok() ? "" : "  <- short of target");
    std::fflush(stdout);
    if (!r.ok()) rc1 = 1;
    diag(r);
    rows.push_back(r);
  }
  fmt::print("{}\n", rc1 ? "SHORT: some sizes below 100 % of line rate or with drops"
                         : "PASS: 100 % of line rate, zero drops, at every size");
  rc = rc1;
  }

  if (!bcast.empty()) {
    fmt::print(
        "\nReplication: {} GbE offered, every frame to ff:ff:ff:ff:ff:ff, queues 0..N-1 with "
        "Q_RX_CTRL.BCAST\n(N copies per frame), {}; same host as above.\n",
        port,
        bcast_lossless ? "lossless wire (no frame starts while rx_room_for_max_o is low)"
                       : "wire at line rate regardless of the core (drops expected)");
    fmt::print(
        "{:>2} {:>5} {:>6} {:>8} {:>7} {:>7} {:>8} {:>9} {:>7} {:>7} {:>9} {:>8} {:>6} {:>6} "
        "{:>6} {:>7} {:>6}\n",
        "N", "bytes", "frames", "offered", "line", "core", "fraction", "copies", "drops",
        "paused", "cyc/frame", "budget", "repl", "W", "W util", "Mcyc", "wall s");
    fmt::print("{:>2} {:>5} {:>6} {:>8} {:>7} {:>7} {:>8} {:>9} {:>7} {:>7} {:>9} {:>8} {:>6} {:>6}\n",
               "", "", "", "Gb/s", "Mf/s", "Mf/s", "", "Gb/s", "", "", "", "", "model",
               "model");
    int rc2 = 0;
    for (unsigned n : bcast) {
      if (n < 1 || n > kNumQueues) {
        fmt::print("--bcast {}: copies must be 1..{}\n", n, kNumQueues);
        return 2;
      }
      for (unsigned len : bcast_sizes) {
        const double budget = double(len + kOverhead) / bpc;
        const double model = std::max<double>(
            {budget, double(n * (1 + (len + kBeatBytes - 1) / kBeatBytes)),
             double(n * ((len + kAxiDataW / 8 - 1) / (kAxiDataW / 8) + 1))});
        const uint64_t measure = std::clamp<uint64_t>(
            uint64_t(std::ceil(bcast_win_cycles / model)), bcast_min_frames, max_frames);
        // Enough frames to fill the packet buffer (64 slots or 64 KiB) first.
        const uint64_t warm = std::max<uint64_t>(
            {80, uint64_t(std::ceil(5000.0 / model)),
             uint64_t(2 * VMQ_PARAM_PktBufBytes / (len + 8))});
        Row r{};
        if (!run_row(len, warm, measure, Mode{n, bcast_lossless}, r)) return 2;
        const uint64_t drops = r.drop_buffer + r.drop_no_desc;
        fmt::print(
            "{:>2} {:>5} {:>6} {:>8.3f} {:>7.3f} {:>7.3f} {:>7.2f}% {:>9.3f} {:>7} {:>6.1f}% "
            "{:>9.2f} {:>8.2f} {:>6} {:>6} {:>5.1f}% {:>7.2f} {:>6.1f}{}\n",
            n, len, r.frames_measured, r.offered_gbps, r.line_mfps, r.frame_mfps,
            100 * r.fraction, r.copy_gbps, drops, 100 * r.paused, r.cycles_per_frame, r.budget,
            r.model_repl, r.model_w, 100.0 * double(r.win.w_beats) / double(r.window_cycles),
            r.sim_cycles / 1e6, r.wall_seconds,
            r.ok() ? "" : (r.win.stall_start + r.win.stall_mid ? "  <- stalls" : "  <- drops"));
        std::fflush(stdout);
        if (!r.ok()) rc2 = 1;
        diag(r);
        rows.push_back(r);
      }
    }
    if (bcast_lossless)
      fmt::print("{}\n", rc2 ? "SHORT: a lossless replication row dropped or stalled"
                             : "PASS: replication rows lossless (zero drops, no stalls)");
    rc = std::max(rc, rc2);
  }

  if (!json.empty()) {
    ojson out = ojson::array();
    for (const Row& row : rows) out.push_back(json_row(row, read_lat, write_lat));
    if (!vmq::tb::write_rows(json, out)) {
      fmt::print("cannot write {}\n", json);
      return 2;
    }
  }
  return rc;
}
