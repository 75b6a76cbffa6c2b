// Unit test (no RTL) of what rx_core_test relies on: the SPEC §3 Delivery
// part of the reference model (sim/model) and the host ring helper
// (tb/common/host_rx.hpp) against a fake core written in C++.
#include "host_rx.hpp"

#include <gtest/gtest.h>

#include <vmq/vmq_regs.hpp>

#include "axi_mem.hpp"
#include "vmq_model.hpp"

using namespace vmq;
using namespace vmq::tb;

namespace {

model::RxConfig open_cfg(unsigned nq) {
  model::RxConfig c(8);
  c.num_queues = nq;
  c.enabled = (1ULL << nq) - 1;
  return c;
}

TEST(RxDeliveryModel, DescriptorsNeeded) {
  EXPECT_EQ(model::descriptors_needed(60, 2048), 1u);
  EXPECT_EQ(model::descriptors_needed(2048, 2048), 1u);
  EXPECT_EQ(model::descriptors_needed(2049, 2048), 2u);
  EXPECT_EQ(model::descriptors_needed(9000, 256), 36u);
  EXPECT_EQ(model::descriptors_needed(9000, 320), 29u);
  EXPECT_EQ(model::descriptors_needed(60, 0), ~0ULL);
}

TEST(RxDeliveryModel, StripAndWriteBacks) {
  const auto tagged = model::make_frame(model::kBroadcast, 0x020000000001ULL, 0x6005, 0x0800, 60);
  const auto prio = model::make_frame(0x020000000001ULL, 0x020000000002ULL, 0xa000, 0x0800, 70);
  const auto untagged = model::make_frame(0x010203040506ULL, 0x020000000002ULL, -1, 0x0800, 64);
  model::RxConfig c = open_cfg(2);
  const auto dt = model::classify(c, {tagged, false});
  const auto s = model::rx_copy_bytes(tagged, dt, true);
  ASSERT_EQ(s.size(), 56u);  // not padded
  EXPECT_TRUE(std::equal(s.begin(), s.begin() + 12, tagged.begin()));
  EXPECT_TRUE(std::equal(s.begin() + 12, s.end(), tagged.begin() + 16));
  EXPECT_EQ(model::rx_copy_bytes(tagged, dt, false), tagged);
  const auto dp = model::classify(c, {prio, false});
  EXPECT_EQ(model::rx_copy_bytes(prio, dp, true).size(), 66u);  // VID 0 is stripped too
  const auto du = model::classify(c, {untagged, false});
  EXPECT_EQ(model::rx_copy_bytes(untagged, du, true), untagged);

  const auto wb = model::rx_write_backs(dt, true, 56, 256);
  ASSERT_EQ(wb.size(), 1u);
  EXPECT_TRUE(wb[0].eop && wb[0].vp && wb[0].bcast && !wb[0].mcast);
  EXPECT_EQ(wb[0].tci, 0x6005);
  EXPECT_EQ(wb[0].len, 56);
  EXPECT_EQ(wb[0].frame_len, 56);
  const auto wm = model::rx_write_backs(du, false, 700, 256);
  ASSERT_EQ(wm.size(), 3u);
  EXPECT_EQ(wm[0].len, 256);
  EXPECT_FALSE(wm[0].eop);
  EXPECT_EQ(wm[2].len, 700 - 512);
  EXPECT_TRUE(wm[2].eop && wm[2].mcast && !wm[2].vp);
  EXPECT_EQ(wm[1].frame_len, 700);
  EXPECT_EQ(wm[1].tci, 0);
}

TEST(RxDeliveryModel, NoDescriptorDropsInOrder) {
  model::RxConfig c = open_cfg(3);
  c.bcast = 0b111;
  model::RxDelivery d(3);
  d.queues[0].buf_bytes = 256;
  d.queues[1].buf_bytes = 2048;
  d.queues[2].buf_bytes = 0;  // refuses everything
  d.post(0, 3);
  d.post(1, 1);
  d.post(2, 100);
  const auto big = model::make_frame(model::kBroadcast, 2, -1, 0x0800, 1000);  // 4 x 256
  const auto small = model::make_frame(model::kBroadcast, 2, 0x0010, 0x0800, 200);
  auto r1 = d.receive(c, {big, false});
  EXPECT_EQ(r1.copies.size(), 1u);  // only queue 1; queue 0 lacks 1 descriptor
  EXPECT_EQ(r1.no_desc_mask, 0b101u);
  auto r2 = d.receive(c, {small, false});  // a later, smaller copy still fits on queue 0
  ASSERT_EQ(r2.copies.size(), 1u);
  EXPECT_EQ(r2.copies[0].queue, 0u);
  EXPECT_EQ(r2.no_desc_mask, 0b110u);
  EXPECT_EQ(d.free(0), 2u);
  EXPECT_EQ(d.queue_stats(0), (model::RxQueueStats{1, 200, 1}));
  EXPECT_EQ(d.queue_stats(1), (model::RxQueueStats{1, 1000, 1}));
  EXPECT_EQ(d.queue_stats(2), (model::RxQueueStats{0, 0, 2}));
  d.buffer_drop(r2);
  EXPECT_EQ(d.free(0), 3u);
  EXPECT_EQ(d.queue_stats(0), (model::RxQueueStats{0, 0, 1}));
  EXPECT_EQ(d.global().frames, 2u);
  EXPECT_EQ(d.global().buffer_drops, 1u);
  auto r3 = d.receive(c, {model::make_frame(model::kBroadcast, 2, -1, 0x0800, 10), false});
  EXPECT_EQ(r3.dec.drop, model::Drop::Runt);
  EXPECT_EQ(d.global().runt_drops, 1u);
}

// Host memory for the helper: the SparseMem behind AxiMem, little-endian.
struct FakeMem {
  SparseMem m{0xdeadbeefdeadbeefULL};
  uint64_t read_u64(uint64_t a) const {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= uint64_t(m.get(a + i)) << (8 * i);
    return v;
  }
  void write_u64(uint64_t a, uint64_t v) {
    for (int i = 0; i < 8; ++i) m.set(a + i, uint8_t(v >> (8 * i)));
  }
  std::vector<uint8_t> read_bytes(uint64_t a, size_t n) const {
    std::vector<uint8_t> v(n);
    m.read(a, v);
    return v;
  }
};

// A fake core: fills descriptors from `head` with a copy, the way
// docs/rx-dma.md says (payload, then word 1 of each slot).
struct FakeCore {
  FakeMem& mem;
  HostRxLayout l;
  uint32_t head = 0;
  void deliver(const std::vector<uint8_t>& bytes, uint16_t tci = 0, bool vp = false,
               int bad_len = -1) {
    size_t off = 0;
    const size_t n = (bytes.size() + l.buf_bytes - 1) / l.buf_bytes;
    for (size_t i = 0; i < n; ++i) {
      const uint64_t slot = l.ring_base + head * 16;
      const uint64_t buf = mem.read_u64(slot);
      const size_t len = std::min<size_t>(l.buf_bytes, bytes.size() - off);
      mem.m.write(buf, std::span(bytes.data() + off, len));
      model::RxWriteBack w;
      w.eop = i + 1 == n;
      w.len = uint16_t(bad_len >= 0 && i == 0 ? bad_len : int(len));
      w.frame_len = uint16_t(bytes.size());
      w.vp = vp;
      w.tci = tci;
      mem.write_u64(slot + 8, encode_rx_wb(w));
      off += len;
      head = (head + 1) % (1u << l.log2);
    }
  }
};

TEST(HostRx, PostReapRepostAndOwnership) {
  FakeMem mem;
  Rng rng(5);
  HostRxLayout l;
  l.ring_base = 0x4000000080ULL;
  l.log2 = 4;
  l.buf_bytes = 256;
  l.buf_region = 0x8000000000ULL;
  HostRxQueue<FakeMem> h(mem, rng, 3, l);
  EXPECT_EQ(h.post(100), 15u);  // a ring holds size - 1
  EXPECT_EQ(h.tail(), 15u);
  EXPECT_EQ(h.space(), 0u);
  bool odd = false, aligned = false;
  for (uint32_t s = 0; s < 15; ++s) {
    const uint64_t a = h.buf_addr(s);
    odd |= a % 2 == 1;
    aligned |= a % 64 == 0;
    EXPECT_EQ(mem.read_u64(l.ring_base + s * 16), a);
    EXPECT_EQ(mem.read_u64(l.ring_base + s * 16 + 8), 0u);
    EXPECT_TRUE(h.may_write(a));
    EXPECT_TRUE(h.may_write(a + 255));
    EXPECT_FALSE(h.may_write(a + 256));  // past the end
    EXPECT_FALSE(h.may_write(a - 1));
    EXPECT_TRUE(h.may_write(l.ring_base + s * 16 + 8));
    EXPECT_FALSE(h.may_write(l.ring_base + s * 16));  // word 0 is the host's
  }
  EXPECT_TRUE(odd && aligned);
  EXPECT_FALSE(h.may_write(l.ring_base + 15 * 16 + 8));  // not posted

  FakeCore core{mem, l};
  std::vector<RxDone> got;
  auto on = [&](RxDone&& d) { got.push_back(std::move(d)); };
  std::vector<uint8_t> f1(700), f2(60);
  for (size_t i = 0; i < f1.size(); ++i) f1[i] = uint8_t(i * 7);
  for (size_t i = 0; i < f2.size(); ++i) f2[i] = uint8_t(i + 100);
  core.deliver(f1);
  core.deliver(f2, 0x1234, true);
  EXPECT_EQ(h.poll(on), 4u);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].bytes, f1);
  EXPECT_EQ(got[0].wb.size(), 3u);
  EXPECT_TRUE(got[0].error.empty()) << got[0].error;
  EXPECT_EQ(got[1].bytes, f2);
  EXPECT_EQ(got[1].wb[0].tci, 0x1234);
  EXPECT_TRUE(got[1].wb[0].vp);
  EXPECT_EQ(h.owned(), 11u);
  EXPECT_FALSE(h.may_write(h.buf_addr(0)));  // reaped: the host's again
  EXPECT_FALSE(h.may_write(l.ring_base + 8));
  EXPECT_EQ(h.post(4), 4u);  // repost into slots 15, 0, 1, 2
  EXPECT_EQ(h.tail(), 3u);
  EXPECT_TRUE(h.may_write(h.buf_addr(0)));
  EXPECT_EQ(h.poll(on), 0u);  // nothing new

  // a non-EOP descriptor with a short LEN is reported
  core.deliver(std::vector<uint8_t>(600, 1), 0, false, 100);
  h.poll(on);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_NE(got[2].error.find("non-EOP"), std::string::npos) << got[2].error;

  h.reset();
  EXPECT_EQ(h.owned(), 0u);
  EXPECT_EQ(h.tail(), 0u);
}

TEST(HostRx, WriteBackCodec) {
  model::RxWriteBack w;
  w.eop = true;
  w.vp = true;
  w.mcast = true;
  w.len = 0x1234;
  w.tci = 0xabcd;
  w.frame_len = 0x2345;
  const uint64_t v = encode_rx_wb(w);
  EXPECT_EQ(v & 1, 1u);  // DD in bit 0
  EXPECT_EQ(decode_rx_wb(v), w);
  EXPECT_EQ(v >> 48, 0x2345u);
}

}  // namespace
