// Unit test of the DMA ownership checker (sim/rig/dma_ownership.hpp) without
// RTL: the host's register accesses and the core's DMA accesses are played
// by hand. Every legal access of a driver-like sequence passes, and one
// negative control per violation kind must throw with the access, the
// address, the queue and the cycle in its message.
#include "dma_ownership.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>
#include <vmq/vmq_regs.hpp>

namespace {

namespace r = vmq::regs;
using vmq::rig::DmaOwnership;

constexpr unsigned kQueues = 4, kBus = 16;

struct Host {
  std::map<uint64_t, uint64_t> words;  // 8-byte aligned words
  DmaOwnership own{kQueues, kBus, [this](uint64_t a) { return words.count(a) ? words[a] : 0; }};
  uint64_t cycle = 100;

  static uint64_t rx_ring(unsigned q) { return 0x10000 + q * 0x1000; }
  static uint64_t tx_ring(unsigned q) { return 0x20000 + q * 0x1000; }
  static uint64_t rx_buf(unsigned q, unsigned s) { return 0x100000 + q * 0x10000 + s * 0x400 + 3; }
  static uint64_t tx_buf(unsigned q, unsigned s) { return 0x200000 + q * 0x10000 + s * 0x100; }

  // RX ring of 16 slots, 256-byte buffers, `n` posted.
  void rx_setup(unsigned q, unsigned n, uint32_t buf = 256) {
    own.reg_write(r::Q_RX_BASE_LO(q), uint32_t(rx_ring(q)));
    own.reg_write(r::Q_RX_BASE_HI(q), 0);
    own.reg_write(r::Q_RX_SIZE(q), 4);
    own.reg_write(r::Q_RX_BUF(q), buf);
    for (unsigned s = 0; s < n; ++s) {
      words[rx_ring(q) + 16 * s] = rx_buf(q, s);
      words[rx_ring(q) + 16 * s + 8] = 0;
    }
    own.reg_write(r::Q_RX_TAIL(q), n);
    own.reg_write(r::Q_RX_CTRL(q), r::Q_RX_CTRL_ENABLE_MASK);
  }
  // TX ring of 16 slots; frame k is one fragment of `len` bytes (EOP).
  void tx_setup(unsigned q, unsigned n, uint16_t len = 100) {
    own.reg_write(r::Q_TX_BASE_LO(q), uint32_t(tx_ring(q)));
    own.reg_write(r::Q_TX_BASE_HI(q), 0);
    own.reg_write(r::Q_TX_SIZE(q), 4);
    for (unsigned s = 0; s < n; ++s) {
      words[tx_ring(q) + 16 * s] = tx_buf(q, s);
      words[tx_ring(q) + 16 * s + 8] = uint64_t(len) << 32 | (1ULL << 48);
    }
    own.reg_write(r::Q_TX_TAIL(q), n);
    own.reg_write(r::Q_TX_CTRL(q), r::Q_TX_CTRL_ENABLE_MASK);
  }
  // The core writes [a, a + n) (within one bus beat) with byte value v.
  void write(uint64_t a, unsigned n, uint8_t v = 0x5a) {
    const uint64_t base = a & ~uint64_t(kBus - 1);
    ASSERT_LE(a + n, base + kBus) << "test bug: write crosses a beat";
    uint8_t data[kBus] = {};
    uint64_t strb = 0;
    for (unsigned i = 0; i < n; ++i) {
      data[a - base + i] = v;
      strb |= 1ULL << (a - base + i);
    }
    own.write_beat(base, strb, data, ++cycle, 7);
  }
  // The core writes back slot s of an RX or TX ring (word 1, DD set).
  void write_back(uint64_t ring, unsigned s) { write(ring + 16 * s + 8, 8, 0x01); }
  void read(uint64_t a, uint64_t end) { own.read_request(a, end, ++cycle, 9); }
};

// What a violation says: the access, the address, the cycle.
std::string violation(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}
#define EXPECT_VIOLATION(stmt, ...)                                                     \
  do {                                                                                  \
    const std::string m_ = violation([&] { stmt; });                                    \
    EXPECT_NE(m_.find("ownership: DMA"), std::string::npos) << "no violation: " #stmt;  \
    for (const char* s_ : {__VA_ARGS__})                                                \
      EXPECT_NE(m_.find(s_), std::string::npos) << "missing '" << s_ << "' in: " << m_; \
    std::printf("  caught: %s\n", m_.c_str());                                          \
  } while (0)

TEST(DmaOwnership, DriverSequencePasses) {
  Host h;
  h.rx_setup(1, 3);
  h.tx_setup(2, 2);
  // descriptor fetch of the posted RX slots (a 16-byte bus: 3 beats)
  h.read(Host::rx_ring(1), Host::rx_ring(1) + 48);
  // payload into buffer 0, its last byte, then the write-back
  h.write(Host::rx_buf(1, 0), 13);
  h.write(Host::rx_buf(1, 0) + 255, 1);
  h.write_back(Host::rx_ring(1), 0);
  // TX: descriptors, gather read up to the end of the last beat, completion
  h.read(Host::tx_ring(2), Host::tx_ring(2) + 32);
  h.read(Host::tx_buf(2, 0), (Host::tx_buf(2, 0) + 100 + kBus - 1) & ~uint64_t(kBus - 1));
  h.write_back(Host::tx_ring(2), 0);
  EXPECT_GE(h.own.stats().posts, 5u);
  EXPECT_EQ(h.own.stats().releases, 2u);
}

TEST(DmaOwnership, WriteOutsideAnyBuffer) {
  Host h;
  h.rx_setup(0, 2);
  EXPECT_VIOLATION(h.write(0x7770, 4), "write", "0x7770", "cycle 101", "nearest");
}

TEST(DmaOwnership, WritePastBufferEnd) {
  Host h;
  h.rx_setup(3, 2);
  const uint64_t end = Host::rx_buf(3, 1) + 256;
  EXPECT_VIOLATION(h.write(end - 2, 4), "write", fmt::format("byte 0x{:x}", end).c_str());
}

TEST(DmaOwnership, WriteDescriptorWord0) {
  Host h;
  h.rx_setup(1, 2);
  EXPECT_VIOLATION(h.write(Host::rx_ring(1) + 16, 8), "queue 1 RX", "descriptor word 0");
}

TEST(DmaOwnership, WriteBackOfUnpostedSlot) {
  Host h;
  h.rx_setup(1, 2);
  EXPECT_VIOLATION(h.write_back(Host::rx_ring(1), 5), "write",
                   fmt::format("0x{:x}", Host::rx_ring(1) + 5 * 16 + 8).c_str());
}

TEST(DmaOwnership, WriteAfterWriteBack) {
  Host h;
  h.rx_setup(2, 2);
  h.write(Host::rx_buf(2, 0), 8);
  h.write_back(Host::rx_ring(2), 0);
  EXPECT_VIOLATION(h.write(Host::rx_buf(2, 0), 8), "write");
  h.write(Host::rx_buf(2, 1), 8);  // the other buffer is still the core's
}

TEST(DmaOwnership, WriteIntoTransmitFragment) {
  Host h;
  h.tx_setup(0, 2);
  EXPECT_VIOLATION(h.write(Host::tx_buf(0, 1), 4), "queue 0 TX", "transmit fragment");
}

TEST(DmaOwnership, ReadOfReceiveBuffer) {
  Host h;
  h.rx_setup(1, 2);
  EXPECT_VIOLATION(h.read(Host::rx_buf(1, 0), Host::rx_buf(1, 0) + 16), "read",
                   "not a posted descriptor slot");
}

TEST(DmaOwnership, DescriptorReadOfUnpostedSlot) {
  Host h;
  h.rx_setup(1, 2);
  EXPECT_VIOLATION(h.read(Host::rx_ring(1) + 32, Host::rx_ring(1) + 48), "read");
}

TEST(DmaOwnership, DescriptorReadPastRingEnd) {
  Host h;
  h.tx_setup(3, 15);
  const uint64_t last = Host::tx_ring(3) + 14 * 16;
  h.read(last, last + 32);  // through the ring's last slot
  EXPECT_VIOLATION(h.read(last, last + 64), "queue 3 TX", "outside its ring");
}

TEST(DmaOwnership, GatherReadPastPostedLength) {
  Host h;
  h.tx_setup(2, 1, 100);
  const uint64_t b = Host::tx_buf(2, 0);
  h.read(b + 50, b + 112);  // the rest of the beat holding byte 99
  EXPECT_VIOLATION(h.read(b, b + 128), "queue 2", "past its posted fragment");
}

TEST(DmaOwnership, GatherReadOfAdjacentFragmentsMerged) {
  Host h;
  h.tx_setup(1, 3, 0x100);  // fragments 0x100 apart and 0x100 long: adjacent
  h.read(Host::tx_buf(1, 0), Host::tx_buf(1, 0) + 0x300);
  EXPECT_VIOLATION(h.read(Host::tx_buf(1, 0), Host::tx_buf(1, 0) + 0x310), "read");
}

TEST(DmaOwnership, GatherReadAfterCompletion) {
  Host h;
  h.tx_setup(0, 3);
  h.write_back(Host::tx_ring(0), 1);  // completes frames 0 and 1 (in order)
  EXPECT_VIOLATION(h.read(Host::tx_buf(0, 0), Host::tx_buf(0, 0) + 16), "read");
  EXPECT_VIOLATION(h.read(Host::tx_buf(0, 1), Host::tx_buf(0, 1) + 16), "read");
  h.read(Host::tx_buf(0, 2), Host::tx_buf(0, 2) + 16);
}

TEST(DmaOwnership, AccessAfterDmaStopped) {
  Host h;
  h.rx_setup(2, 4);
  h.tx_setup(2, 2);
  h.own.reg_write(r::Q_RX_CTRL(2), 0);
  h.own.reg_read(r::Q_RX_STATUS(2), r::Q_RX_STATUS_STOPPED_MASK);
  EXPECT_VIOLATION(h.write(Host::rx_buf(2, 1), 4), "queue 2 RX", "DMA stopped");
  EXPECT_VIOLATION(h.read(Host::rx_ring(2) + 16, Host::rx_ring(2) + 32), "DMA stopped");
  h.read(Host::tx_buf(2, 0), Host::tx_buf(2, 0) + 16);  // TX of the queue still runs
  h.own.reg_write(r::Q_RX_CTRL(2), r::Q_RX_CTRL_ENABLE_MASK);
  h.write(Host::rx_buf(2, 1), 4);  // re-enabled: the buffers are the core's again
  h.own.reg_write(r::Q_TX_CTRL(2), 0);
  h.own.reg_read(r::Q_TX_STATUS(2), r::Q_TX_STATUS_STOPPED_MASK);
  EXPECT_VIOLATION(h.read(Host::tx_buf(2, 1), Host::tx_buf(2, 1) + 16), "queue 2 TX",
                   "DMA stopped");
}

TEST(DmaOwnership, QueueResetReleasesEverything) {
  Host h;
  h.rx_setup(1, 4);
  h.own.reg_write(r::Q_RX_CMD(1), r::Q_RX_CMD_RESET_MASK);
  h.own.reg_read(r::Q_RX_STATUS(1), r::Q_RX_STATUS_RESETTING_MASK);  // still resetting
  h.write(Host::rx_buf(1, 0), 4);                                    // in-flight copies may finish
  h.own.reg_read(r::Q_RX_STATUS(1), 0);
  EXPECT_VIOLATION(h.write(Host::rx_buf(1, 1), 4), "write");
  // reposting starts again at slot 0
  h.own.reg_write(r::Q_RX_TAIL(1), 1);
  h.write(Host::rx_buf(1, 0), 4);
  EXPECT_VIOLATION(h.write(Host::rx_buf(1, 1), 4), "write");
}

TEST(DmaOwnership, SoftResetReleasesEverything) {
  Host h;
  h.rx_setup(0, 3);
  h.tx_setup(1, 3);
  h.own.reg_write(r::RESET, r::RESET_SOFT_MASK);
  h.own.reg_read(r::STATUS, r::STATUS_RESET_BUSY_MASK);
  h.write(Host::rx_buf(0, 2), 4);
  h.own.reg_read(r::STATUS, 0);
  EXPECT_VIOLATION(h.write(Host::rx_buf(0, 2), 4), "write");
  EXPECT_VIOLATION(h.read(Host::tx_buf(1, 0), Host::tx_buf(1, 0) + 16), "read");
}

// A TAIL that moves backwards revokes nothing; moving forward again posts
// what memory holds then.
TEST(DmaOwnership, TailBackwardsRevokesNothing) {
  Host h;
  h.rx_setup(3, 6);
  h.own.reg_write(r::Q_RX_TAIL(3), 2);
  h.write(Host::rx_buf(3, 5), 4);
  h.words[Host::rx_ring(3) + 16 * 6] = 0x900000;  // a new buffer for slot 6
  h.own.reg_write(r::Q_RX_TAIL(3), 7);
  h.write(0x900000, 4);
  EXPECT_VIOLATION(h.write(0x900000 + 256, 1), "write");
}

TEST(DmaOwnership, PartialTailWriteMerges) {
  Host h;
  h.rx_setup(0, 2);
  for (unsigned s = 2; s < 4; ++s) h.words[Host::rx_ring(0) + 16 * s] = Host::rx_buf(0, s);
  h.own.reg_write(r::Q_RX_TAIL(0), 0xab04, 0x1);  // low byte only: TAIL 4
  h.write(Host::rx_buf(0, 3), 4);
  EXPECT_VIOLATION(h.write(Host::rx_buf(0, 4), 4), "write");
}

// Q_RX_BUF is the size of every buffer of the queue (the register's
// meaning), those already posted too: growing it lets the core fill posted
// buffers up to the new size, never further; shrinking it does not shrink
// them (a copy at the old size may be under way); buffers posted afterwards
// have the size of their post.
TEST(DmaOwnership, BufferSizeIsTheLargestSincePost) {
  Host h;
  h.rx_setup(2, 2, 256);
  EXPECT_VIOLATION(h.write(Host::rx_buf(2, 0) + 256, 4), "write");
  h.own.reg_write(r::Q_RX_BUF(2), 1024);
  h.own.reg_write(r::Q_RX_BUF(2), 512);
  h.write(Host::rx_buf(2, 1) + 1023, 1);
  EXPECT_VIOLATION(h.write(Host::rx_buf(2, 1) + 1024, 1), "write");  // (slot 2 not posted yet)
  h.words[Host::rx_ring(2) + 16 * 2] = Host::rx_buf(2, 2);
  h.own.reg_write(r::Q_RX_TAIL(2), 3);
  h.write(Host::rx_buf(2, 2) + 511, 1);
  EXPECT_VIOLATION(h.write(Host::rx_buf(2, 2) + 512, 1), "write");
}

}  // namespace

namespace {

// A ring moved while the queue runs: the core keeps the old ring until it is
// stopped, so until the checker has seen STOPPED a TAIL posts in both rings;
// afterwards only the new one counts.
TEST(DmaOwnership, RingMovedWhileRunning) {
  Host h;
  h.rx_setup(1, 2);
  const uint64_t nr = 0x50000;  // the new ring, its descriptors name other buffers
  for (unsigned s = 0; s < 16; ++s) h.words[nr + 16 * s] = 0x600000 + s * 0x400;
  for (unsigned s = 2; s < 4; ++s) h.words[Host::rx_ring(1) + 16 * s] = Host::rx_buf(1, s);
  h.own.reg_write(r::Q_RX_BASE_LO(1), uint32_t(nr));
  h.own.reg_write(r::Q_RX_TAIL(1), 4);
  h.write(Host::rx_buf(1, 2), 4);     // old ring's slot 2
  h.write(0x600000 + 3 * 0x400, 4);   // new ring's slot 3
  h.write_back(Host::rx_ring(1), 0);  // old ring, posted before the move
  h.own.reg_write(r::Q_RX_CTRL(1), 0);
  h.own.reg_read(r::Q_RX_STATUS(1), r::Q_RX_STATUS_STOPPED_MASK);
  h.own.reg_write(r::Q_RX_CMD(1), r::Q_RX_CMD_RESET_MASK);
  h.own.reg_read(r::Q_RX_STATUS(1), r::Q_RX_STATUS_STOPPED_MASK);
  h.own.reg_write(r::Q_RX_TAIL(1), 1);
  h.own.reg_write(r::Q_RX_CTRL(1), r::Q_RX_CTRL_ENABLE_MASK);
  h.write(0x600000, 4);  // the new ring's slot 0 after the reset
  EXPECT_VIOLATION(h.write(Host::rx_buf(1, 0), 4), "write");
  EXPECT_VIOLATION(h.read(Host::rx_ring(1), Host::rx_ring(1) + 16), "read");
}

// A per-queue reset clears TAIL in the core: a partial TAIL write afterwards
// merges with 0, not with the old value.
TEST(DmaOwnership, ResetClearsTail) {
  Host h;
  h.rx_setup(0, 0x12);  // 18 slots on a 16-slot ring: TAIL 0x12 posts 2
  h.own.reg_write(r::Q_RX_CMD(0), r::Q_RX_CMD_RESET_MASK);
  h.own.reg_read(r::Q_RX_STATUS(0), 0);
  h.own.reg_write(r::Q_RX_TAIL(0), 0x0001, 0x1);  // low byte: TAIL 1, not 0x11
  h.write(Host::rx_buf(0, 0), 4);
  EXPECT_VIOLATION(h.write(Host::rx_buf(0, 1), 4), "write");
}

}  // namespace

namespace {

// TAIL written while a per-queue reset is pending lands before or after the
// reset applies: the checker counts it both ways and keeps it past the reset.
TEST(DmaOwnership, TailWhileResetting) {
  Host h;
  h.rx_setup(1, 4);
  for (unsigned s = 4; s < 8; ++s) h.words[Host::rx_ring(1) + 16 * s] = Host::rx_buf(1, s);
  h.own.reg_write(r::Q_RX_CMD(1), r::Q_RX_CMD_RESET_MASK);
  h.own.reg_write(r::Q_RX_TAIL(1), 6);
  h.own.reg_read(r::Q_RX_STATUS(1), 0);  // reset done
  h.write(Host::rx_buf(1, 0), 4);        // the reset applied first: the ring restarted at 0
  h.write(Host::rx_buf(1, 5), 4);
  EXPECT_VIOLATION(h.write(Host::rx_buf(1, 7), 4), "write");
}

}  // namespace

namespace {

// A partial write of Q_RX_CMD without byte 0 commands no reset (issue 16,
// found by TxCore.UnrestrictedRegisters: the checker merged the byte from
// an earlier CMD write and took the queue for reset): the ring keeps what
// was posted, and a BASE write afterwards does not move it.
TEST(DmaOwnership, PartialCmdWriteIsNoReset) {
  Host h;
  h.rx_setup(2, 3);
  h.own.reg_write(r::Q_RX_CMD(2), 0x0000abcd);  // bit 0 set... (a reset, applied)
  h.own.reg_read(r::Q_RX_STATUS(2), 0);
  h.own.reg_write(r::Q_RX_TAIL(2), 3);
  h.own.reg_write(r::Q_RX_CMD(2), 0x12345600, 0x2);  // byte 1 only: no reset
  h.own.reg_read(r::Q_RX_STATUS(2), 0);
  h.own.reg_write(r::Q_RX_BASE_LO(2), 0x70000);       // not fresh: the old ring stays in use
  h.write(Host::rx_buf(2, 2), 4);
  EXPECT_VIOLATION(h.write(Host::rx_buf(2, 3), 4), "write");
}

}  // namespace
