// Unit test of the reference model's transmit rules (SPEC §5, sim/model):
// port-VLAN insertion, padding, oversize, anti-spoofing, VM-to-VM loopback
// and the TX counters of §6, directed case by case, plus a random
// self-consistency run against classify() (the receive side).
// Seed: --seed N, else VMQ_SEED, else the clock; printed first.
#include <gtest/gtest.h>

#include <bit>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <stdexcept>
#include <string>

#include "vmq_model.hpp"

using namespace vmq::model;

namespace {

uint64_t g_seed = 1;

constexpr MacAddr kMac1 = 0x020000000001ULL;
constexpr MacAddr kMac2 = 0x020000000002ULL;
constexpr MacAddr kMac3 = 0x020000000003ULL;
constexpr MacAddr kMcast = 0x01005e000001ULL;
constexpr uint16_t kIpv4 = 0x0800;

RxConfig rx_cfg(unsigned nq = 8) {
  RxConfig c(8);
  c.num_queues = nq;
  c.enabled = (nq >= 64) ? ~0ULL : (1ULL << nq) - 1;
  return c;
}

void set_filter(RxConfig& c, unsigned i, FilterType t, MacAddr mac, uint16_t vid, uint64_t qmask) {
  c.filters[i] = Filter{true, t, mac, vid, qmask};
}

std::vector<uint8_t> untagged(size_t len, MacAddr da = kMac2, MacAddr sa = kMac1) {
  return make_frame(da, sa, -1, kIpv4, len, 0x8100, 0x11);
}

// ---------------------------------------------------------------------------
// Padding and port-VLAN insertion

TEST(ModelTx, Pad59To60) {
  TxConfig tx(8);
  const RxConfig rx = rx_cfg();
  const auto f = untagged(59);
  const TxResult r = tx_process(tx, rx, 1, f);
  EXPECT_EQ(r.drop, TxDrop::None);
  EXPECT_FALSE(r.error);
  EXPECT_FALSE(r.inserted);
  ASSERT_EQ(r.frame.size(), 60u);
  EXPECT_TRUE(std::equal(f.begin(), f.end(), r.frame.begin()));
  EXPECT_EQ(r.frame[59], 0);
  EXPECT_TRUE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0u);
}

TEST(ModelTx, Exactly60Unchanged) {
  TxConfig tx(8);
  const auto f = untagged(60);
  EXPECT_EQ(tx_process(tx, rx_cfg(), 1, f).frame, f);
  const auto g = untagged(61);
  EXPECT_EQ(tx_process(tx, rx_cfg(), 1, g).frame, g);
}

TEST(ModelTx, ShortestHostFrame) {
  TxConfig tx(8);
  const auto f = untagged(14);
  const TxResult r = tx_process(tx, rx_cfg(), 1, f);
  ASSERT_EQ(r.frame.size(), 60u);
  EXPECT_TRUE(std::equal(f.begin(), f.end(), r.frame.begin()));
  for (size_t i = 14; i < 60; ++i) EXPECT_EQ(r.frame[i], 0) << i;
  EXPECT_THROW(tx_process(tx, rx_cfg(), 8, f), std::out_of_range);
}

// Host frames below 14 bytes (the driver refuses them; a hostile host may
// post them, down to all-empty fragments): sent as given and padded; missing
// header bytes read as zero for the rules; on a port-VLAN queue a frame of 12
// bytes or fewer has no byte 12 to put the tag before and is a VLAN spoof.
TEST(ModelTx, ShortHostFrames) {
  TxConfig tx(8);
  for (size_t n = 0; n < 14; ++n) {
    const auto f = untagged(14);
    const std::vector<uint8_t> g(f.begin(), f.begin() + n);
    const TxResult r = tx_process(tx, rx_cfg(), 1, g);
    EXPECT_EQ(r.drop, TxDrop::None) << n;
    ASSERT_EQ(r.frame.size(), 60u) << n;
    EXPECT_TRUE(std::equal(g.begin(), g.end(), r.frame.begin())) << n;
    for (size_t i = n; i < 60; ++i) EXPECT_EQ(r.frame[i], 0) << n << " " << i;
  }
  tx.queues[2].port_tci = 0x000a;
  for (size_t n = 0; n < 14; ++n) {
    const TxResult r = tx_process(tx, rx_cfg(), 2, std::vector<uint8_t>(n, 0x33));
    EXPECT_EQ(r.drop, n <= 12 ? TxDrop::Spoof : TxDrop::None) << n;
    if (n == 13) {
      ASSERT_EQ(r.frame.size(), 60u);
      EXPECT_EQ(r.frame[12], 0x81);
      EXPECT_EQ(r.frame[16], 0x33);  // byte 12 of the host frame after the tag
      EXPECT_EQ(r.frame[17], 0x00);
    }
  }
  // MAC anti-spoofing reads the SA bytes past the end as zero
  tx.queues[3].spoof_mac = 0x020000000003ULL;
  std::vector<uint8_t> sa_part = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0x00, 0x00, 0x00, 0x00};
  EXPECT_EQ(tx_process(tx, rx_cfg(), 3, sa_part).drop, TxDrop::Spoof);  // SA 02:00:00:00:00:00
  sa_part.push_back(0x03);
  EXPECT_EQ(tx_process(tx, rx_cfg(), 3, sa_part).drop, TxDrop::None);  // 12 bytes: SA complete
}

TEST(ModelTx, InsertionThenPadding) {
  TxConfig tx(8);
  tx.queues[1].port_tci = 0xa00a;  // PCP 5, DEI 0, VID 10
  const RxConfig rx = rx_cfg();
  const auto f = untagged(56);
  const TxResult r = tx_process(tx, rx, 1, f);
  EXPECT_TRUE(r.inserted);
  ASSERT_EQ(r.frame.size(), 60u);  // 56 + 4: no padding
  EXPECT_TRUE(std::equal(f.begin(), f.begin() + 12, r.frame.begin()));
  EXPECT_EQ(r.frame[12], 0x81);
  EXPECT_EQ(r.frame[13], 0x00);
  EXPECT_EQ(r.frame[14], 0xa0);
  EXPECT_EQ(r.frame[15], 0x0a);
  EXPECT_TRUE(std::equal(f.begin() + 12, f.end(), r.frame.begin() + 16));

  // 55 + 4 = 59: padded after insertion, one zero at the end.
  const auto g = untagged(55);
  const TxResult s = tx_process(tx, rx, 1, g);
  ASSERT_EQ(s.frame.size(), 60u);
  EXPECT_TRUE(std::equal(g.begin() + 12, g.end(), s.frame.begin() + 16));
  EXPECT_EQ(s.frame[59], 0);

  // The tag carries the TPID register, and DEI too.
  RxConfig rx2 = rx_cfg();
  rx2.tpid = 0x88a8;
  tx.queues[1].port_tci = 0x1ffe;  // PCP 0, DEI 1, VID 4094
  const TxResult t = tx_process(tx, rx2, 1, untagged(100));
  ASSERT_EQ(t.frame.size(), 104u);
  EXPECT_EQ(t.frame[12], 0x88);
  EXPECT_EQ(t.frame[13], 0xa8);
  EXPECT_EQ(t.frame[14], 0x1f);
  EXPECT_EQ(t.frame[15], 0xfe);
}

TEST(ModelTx, PortVlanOffWhenVidZero) {
  TxConfig tx(8);
  tx.queues[1].port_tci = 0xe000;  // PCP 7 but VID 0: no port VLAN
  const auto f = untagged(64);
  const TxResult r = tx_process(tx, rx_cfg(), 1, f);
  EXPECT_FALSE(r.inserted);
  EXPECT_EQ(r.frame, f);
}

TEST(ModelTx, PortVlanOnTaggedFrameIsOuterTag) {
  TxConfig tx(8);
  tx.queues[1].port_tci = 0x0014;  // VID 20, no VLAN anti-spoofing
  const auto f = make_frame(kMac2, kMac1, 0x0007, kIpv4, 64);
  const TxResult r = tx_process(tx, rx_cfg(), 1, f);
  EXPECT_EQ(r.drop, TxDrop::None);
  ASSERT_EQ(r.frame.size(), 68u);
  const L2Header h = parse(r.frame, 0x8100);
  EXPECT_TRUE(h.tagged);
  EXPECT_EQ(h.tci, 0x0014);
  EXPECT_TRUE(std::equal(f.begin() + 12, f.end(), r.frame.begin() + 16));  // own tag inside
}

// ---------------------------------------------------------------------------
// Oversize: after insertion, before padding; checked before spoofing

TEST(ModelTx, OversizeBoundary) {
  TxConfig tx(8);
  RxConfig rx = rx_cfg();
  rx.max_frame = 1518;
  TxDelivery td(8);
  RxDelivery rd(8);
  EXPECT_EQ(td.transmit(tx, rx, rd, 1, untagged(1518)).tx.drop, TxDrop::None);
  const auto over = td.transmit(tx, rx, rd, 1, untagged(1519)).tx;
  EXPECT_EQ(over.drop, TxDrop::Oversize);
  EXPECT_TRUE(over.error);
  EXPECT_TRUE(over.frame.empty());
  EXPECT_FALSE(over.to_wire);
  EXPECT_EQ(over.loop_mask, 0u);

  // With a port VLAN the limit applies to the frame with its tag.
  tx.queues[2].port_tci = 0x000a;
  const auto at = td.transmit(tx, rx, rd, 2, untagged(1514)).tx;
  EXPECT_EQ(at.drop, TxDrop::None);
  EXPECT_EQ(at.frame.size(), 1518u);
  EXPECT_EQ(td.transmit(tx, rx, rd, 2, untagged(1515)).tx.drop, TxDrop::Oversize);

  // max_frame is bounded by MaxFrameBytes, as on receive.
  rx.max_frame = 9600;
  rx.max_frame_bytes = 9216;
  EXPECT_EQ(td.transmit(tx, rx, rd, 1, untagged(9216)).tx.drop, TxDrop::None);
  EXPECT_EQ(td.transmit(tx, rx, rd, 1, untagged(9217)).tx.drop, TxDrop::Oversize);

  EXPECT_EQ(td.queue_stats(1), (TxQueueStats{2, 1518 + 9216, 0, 2}));
  EXPECT_EQ(td.queue_stats(2), (TxQueueStats{1, 1518, 0, 1}));
}

TEST(ModelTx, OversizeCheckedBeforeSpoof) {
  TxConfig tx(8);
  tx.queues[1].spoof_mac = kMac3;  // SA kMac1 is a spoof
  RxConfig rx = rx_cfg();
  TxDelivery td(8);
  RxDelivery rd(8);
  EXPECT_EQ(td.transmit(tx, rx, rd, 1, untagged(1519)).tx.drop, TxDrop::Oversize);
  EXPECT_EQ(td.transmit(tx, rx, rd, 1, untagged(1518)).tx.drop, TxDrop::Spoof);
  EXPECT_EQ(td.queue_stats(1), (TxQueueStats{0, 0, 1, 1}));  // each drop counted once
}

// ---------------------------------------------------------------------------
// Anti-spoofing

TEST(ModelTx, SpoofBySourceMac) {
  TxConfig tx(8);
  const RxConfig rx = rx_cfg();
  TxDelivery td(8);
  RxDelivery rd(8);
  // Off: any SA goes.
  EXPECT_EQ(td.transmit(tx, rx, rd, 1, untagged(60, kMac2, kMac3)).tx.drop, TxDrop::None);
  tx.queues[1].spoof_mac = kMac1;
  EXPECT_EQ(td.transmit(tx, rx, rd, 1, untagged(60, kMac2, kMac1)).tx.drop, TxDrop::None);
  const auto r = td.transmit(tx, rx, rd, 1, untagged(60, kMac2, kMac3)).tx;
  EXPECT_EQ(r.drop, TxDrop::Spoof);
  EXPECT_TRUE(r.error);
  EXPECT_TRUE(r.frame.empty());
  EXPECT_FALSE(r.to_wire);
  // Another queue's setting does not apply.
  EXPECT_EQ(td.transmit(tx, rx, rd, 2, untagged(60, kMac2, kMac3)).tx.drop, TxDrop::None);
  EXPECT_EQ(td.queue_stats(1), (TxQueueStats{2, 120, 1, 0}));
  EXPECT_EQ(td.queue_stats(2), (TxQueueStats{1, 60, 0, 0}));
}

TEST(ModelTx, VlanSpoofWithPortVlan) {
  TxConfig tx(8);
  tx.queues[1].port_tci = 0x000a;
  tx.queues[1].vlan_spoof = true;
  RxConfig rx = rx_cfg();
  EXPECT_EQ(tx_process(tx, rx, 1, make_frame(kMac2, kMac1, 0x000a, kIpv4, 64)).drop,
            TxDrop::Spoof);  // even its own port VID
  EXPECT_EQ(tx_process(tx, rx, 1, make_frame(kMac2, kMac1, 0x0014, kIpv4, 64)).drop, TxDrop::Spoof);
  EXPECT_EQ(tx_process(tx, rx, 1, make_frame(kMac2, kMac1, 0x6000, kIpv4, 64)).drop,
            TxDrop::Spoof);  // a VID 0 priority tag is a tag
  EXPECT_EQ(tx_process(tx, rx, 1, untagged(64)).drop, TxDrop::None);
  // Only the TPID register marks a tag.
  EXPECT_EQ(tx_process(tx, rx, 1, make_frame(kMac2, kMac1, 0x0014, kIpv4, 64, 0x88a8)).drop,
            TxDrop::None);
  rx.tpid = 0x88a8;
  EXPECT_EQ(tx_process(tx, rx, 1, make_frame(kMac2, kMac1, 0x0014, kIpv4, 64, 0x88a8)).drop,
            TxDrop::Spoof);
  // Independent of MAC anti-spoofing: SA right, tag present -> still a spoof.
  tx.queues[1].spoof_mac = kMac1;
  EXPECT_EQ(tx_process(tx, rx, 1, make_frame(kMac2, kMac1, 0x0014, kIpv4, 64, 0x88a8)).drop,
            TxDrop::Spoof);
}

TEST(ModelTx, NoVlanSpoofWithoutPortVlan) {
  TxConfig tx(8);
  tx.queues[1].vlan_spoof = true;  // but no port VLAN
  const RxConfig rx = rx_cfg();
  const auto f = make_frame(kMac2, kMac1, 0x0014, kIpv4, 64);
  TxResult r = tx_process(tx, rx, 1, f);
  EXPECT_EQ(r.drop, TxDrop::None);
  EXPECT_EQ(r.frame, f);
  tx.queues[1].port_tci = 0xe000;  // PCP only, VID 0: still no port VLAN
  r = tx_process(tx, rx, 1, f);
  EXPECT_EQ(r.drop, TxDrop::None);
  EXPECT_EQ(r.frame, f);
}

// ---------------------------------------------------------------------------
// VM-to-VM loopback

struct Loop : ::testing::Test {
  TxConfig tx{8};
  RxConfig rx = rx_cfg();
  void SetUp() override { tx.loopback = true; }
};

TEST_F(Loop, DisabledGoesToWireOnly) {
  tx.loopback = false;
  set_filter(rx, 0, FilterType::Mac, kMac2, 0, 0b100);
  const TxResult r = tx_process(tx, rx, 1, untagged(60));
  EXPECT_TRUE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0u);
  EXPECT_FALSE(r.local_unicast);
}

TEST_F(Loop, UnicastMacLocalOnly) {
  set_filter(rx, 0, FilterType::Mac, kMac2, 0, 0b100);
  const TxResult r = tx_process(tx, rx, 1, untagged(60));
  EXPECT_FALSE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0b100u);
  EXPECT_TRUE(r.local_unicast);
  EXPECT_EQ(r.loop_dec.qmask, 0b100u);
  EXPECT_EQ(r.loop_dec.drop, Drop::None);
  EXPECT_EQ(r.loop_dec.len, 60);
}

TEST_F(Loop, UnicastMacUntaggedLocalOnly) {
  set_filter(rx, 0, FilterType::MacUntagged, kMac2, 0, 0b1000);
  TxResult r = tx_process(tx, rx, 1, untagged(60));
  EXPECT_FALSE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0b1000u);
  // With a port VLAN the looped frame is tagged: mac_untagged no longer matches.
  tx.queues[1].port_tci = 0x000a;
  r = tx_process(tx, rx, 1, untagged(60));
  EXPECT_TRUE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0u);
}

TEST_F(Loop, ClassifiedAfterPortVlanInsertion) {
  set_filter(rx, 0, FilterType::MacVlan, kMac2, 10, 0b10000);
  TxResult r = tx_process(tx, rx, 1, untagged(60));  // no tag: no match
  EXPECT_TRUE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0u);
  tx.queues[1].port_tci = 0x200a;  // VID 10 inserted
  r = tx_process(tx, rx, 1, untagged(60));
  EXPECT_FALSE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0b10000u);
  EXPECT_TRUE(r.loop_dec.tagged);
  EXPECT_EQ(r.loop_dec.tci, 0x200a);
  EXPECT_EQ(r.loop_dec.len, 64);
}

TEST_F(Loop, UnicastVlanFilterOnlyGoesToWireAndM) {
  set_filter(rx, 0, FilterType::Vlan, 0, 20, 0b110);
  const TxResult r = tx_process(tx, rx, 1, make_frame(kMac2, kMac1, 0x0014, kIpv4, 64));
  EXPECT_TRUE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0b100u);  // sender 1 removed
  EXPECT_FALSE(r.local_unicast);
}

TEST_F(Loop, BroadcastLocalAndWire) {
  rx.bcast = 0b1101;
  set_filter(rx, 0, FilterType::Mac, kBroadcast, 0, 0b10000);  // a mac entry, but not unicast
  const TxResult r = tx_process(tx, rx, 2, untagged(60, kBroadcast));
  EXPECT_TRUE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0b11001u);
  EXPECT_TRUE(r.loop_dec.bcast);
  EXPECT_FALSE(r.local_unicast);
}

TEST_F(Loop, MulticastLocalAndWire) {
  rx.mcast = 0b1010;
  set_filter(rx, 0, FilterType::Mac, kMcast, 0, 0b100);
  const TxResult r = tx_process(tx, rx, 1, untagged(60, kMcast));
  EXPECT_TRUE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0b1100u);
  EXPECT_TRUE(r.loop_dec.mcast);
}

TEST_F(Loop, UnmatchedWireOnly) {
  set_filter(rx, 0, FilterType::Mac, kMac3, 0, 0b100);
  const TxResult r = tx_process(tx, rx, 1, untagged(60, kMac2));
  EXPECT_TRUE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0u);
}

TEST_F(Loop, SenderRemovedFromM) {
  set_filter(rx, 0, FilterType::Mac, kMac2, 0, 0b110);
  TxResult r = tx_process(tx, rx, 1, untagged(60));
  EXPECT_FALSE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0b100u);
  // The filter names only the sender: M is empty, so the wire gets it.
  set_filter(rx, 0, FilterType::Mac, kMac2, 0, 0b10);
  rx.promisc = 0b10;  // sender's own promiscuous bit does not bring it back
  r = tx_process(tx, rx, 1, untagged(60));
  EXPECT_TRUE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0u);
  EXPECT_TRUE(r.local_unicast);  // a mac filter did match
}

TEST_F(Loop, MacFilterOfSenderPlusPromiscIsLocal) {
  // SPEC §5 read literally: a mac filter matched (its queues are the sender's
  // only) and M = {promiscuous queue 3} is not empty -> loopback only.
  set_filter(rx, 0, FilterType::Mac, kMac2, 0, 0b10);
  rx.promisc = 0b1000;
  const TxResult r = tx_process(tx, rx, 1, untagged(60));
  EXPECT_FALSE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0b1000u);
}

TEST_F(Loop, NoDefaultQueueFallback) {
  ASSERT_TRUE(rx.default_queue);
  ASSERT_TRUE(rx.enabled & 1);
  TxResult r = tx_process(tx, rx, 1, untagged(60, kMac3));
  EXPECT_TRUE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0u);  // classify() would give queue 0
  EXPECT_EQ(classify(rx, {r.frame, false}).qmask, 1u);
  // A mac filter whose queue is not enabled: M empty, wire.
  set_filter(rx, 0, FilterType::Mac, kMac3, 0, 0b100);
  rx.enabled &= ~0b100ULL;
  r = tx_process(tx, rx, 1, untagged(60, kMac3));
  EXPECT_TRUE(r.to_wire);
  EXPECT_EQ(r.loop_mask, 0u);
}

TEST_F(Loop, NoReceiveAdmissionOnLoopedFrame) {
  // RX_MIN_FRAME 64 would make a 60-byte frame a runt on the wire; a looped
  // frame only goes through steps 1-4.
  rx.min_frame = 64;
  set_filter(rx, 0, FilterType::Mac, kMac2, 0, 0b100);
  const TxResult r = tx_process(tx, rx, 1, untagged(40));
  EXPECT_EQ(r.loop_mask, 0b100u);
  EXPECT_EQ(r.loop_dec.drop, Drop::None);
  EXPECT_FALSE(r.to_wire);
}

TEST_F(Loop, StripVlanOfReceivingQueue) {
  tx.queues[1].port_tci = 0x300a;  // VID 10, PCP 1
  rx.bcast = 0b1110;
  RxDelivery rd(8);
  rd.queues[2].strip_vlan = true;
  for (unsigned q = 0; q < 8; ++q) rd.post(q, 4);
  TxDelivery td(8);
  const auto f = untagged(56, kBroadcast);
  const auto res = td.transmit(tx, rx, rd, 1, f);
  EXPECT_TRUE(res.tx.to_wire);
  ASSERT_EQ(res.tx.frame.size(), 60u);
  ASSERT_EQ(res.loop.copies.size(), 2u);  // 2, 3 (sender 1 removed)
  const RxCopy& s = res.loop.copies[0];
  EXPECT_EQ(s.queue, 2u);
  EXPECT_TRUE(s.stripped);
  EXPECT_EQ(s.bytes, f);  // tag removed again, 56 bytes, not padded
  ASSERT_EQ(s.wb.size(), 1u);
  EXPECT_TRUE(s.wb[0].vp && s.wb[0].eop && s.wb[0].bcast);
  EXPECT_EQ(s.wb[0].tci, 0x300a);
  EXPECT_EQ(s.wb[0].frame_len, 56);
  const RxCopy& k = res.loop.copies[1];
  EXPECT_EQ(k.queue, 3u);
  EXPECT_FALSE(k.stripped);
  EXPECT_EQ(k.bytes, res.tx.frame);  // 60 bytes with the tag
  EXPECT_EQ(k.wb[0].tci, 0);
  EXPECT_EQ(rd.queue_stats(2), (RxQueueStats{1, 56, 0}));
  EXPECT_EQ(rd.queue_stats(3), (RxQueueStats{1, 60, 0}));
  EXPECT_EQ(rd.queue_stats(1), (RxQueueStats{}));
  EXPECT_EQ(rd.global(), RxGlobalStats{});  // not in rx_frames
  EXPECT_EQ(td.queue_stats(1), (TxQueueStats{1, 60, 0, 0}));
}

TEST_F(Loop, DescriptorRulesAndCounters) {
  set_filter(rx, 0, FilterType::Mac, kMac2, 0, 0b1100);  // queues 2, 3
  RxDelivery rd(8);
  rd.queues[2].buf_bytes = 256;
  rd.post(2, 3);  // a 700-byte copy needs 3
  rd.post(3, 0);  // none
  TxDelivery td(8);
  auto res = td.transmit(tx, rx, rd, 1, untagged(700));
  EXPECT_FALSE(res.tx.to_wire);  // local: the wire never sees it, even if copies are lost
  EXPECT_EQ(res.loop.no_desc_mask, 0b1000u);
  ASSERT_EQ(res.loop.copies.size(), 1u);
  EXPECT_EQ(res.loop.copies[0].wb.size(), 3u);
  EXPECT_EQ(rd.free(2), 0u);
  res = td.transmit(tx, rx, rd, 1, untagged(60));
  EXPECT_EQ(res.loop.no_desc_mask, 0b1100u);
  EXPECT_TRUE(res.loop.copies.empty());
  // The sender counts both frames; the receivers what was written or lost.
  EXPECT_EQ(td.queue_stats(1), (TxQueueStats{2, 760, 0, 0}));
  EXPECT_EQ(rd.queue_stats(2), (RxQueueStats{1, 700, 1}));
  EXPECT_EQ(rd.queue_stats(3), (RxQueueStats{0, 0, 2}));
  EXPECT_EQ(rd.global(), RxGlobalStats{});
  // Dropped frames loop nowhere.
  tx.queues[1].spoof_mac = kMac3;
  res = td.transmit(tx, rx, rd, 1, untagged(60));
  EXPECT_EQ(res.tx.drop, TxDrop::Spoof);
  EXPECT_EQ(res.tx.loop_mask, 0u);
  EXPECT_TRUE(res.loop.copies.empty());
  EXPECT_EQ(rd.queue_stats(3), (RxQueueStats{0, 0, 2}));
  EXPECT_EQ(td.queue_stats(1), (TxQueueStats{2, 760, 1, 0}));
}

TEST(ModelTx, ReceiveStillCountsFrames) {
  // receive() after the deliver() split: unchanged behaviour.
  RxConfig rx = rx_cfg();
  rx.bcast = 0b11;
  RxDelivery rd(8);
  rd.post(0, 1);
  rd.post(1, 1);
  const auto r = rd.receive(rx, {untagged(60, kBroadcast), false});
  EXPECT_EQ(r.copies.size(), 2u);
  EXPECT_EQ(r.dec.qmask, 0b11u);
  const auto d = rd.receive(rx, {untagged(10, kBroadcast), false});
  EXPECT_TRUE(d.copies.empty());
  EXPECT_EQ(rd.global().frames, 2u);
  EXPECT_EQ(rd.global().runt_drops, 1u);
}

// ---------------------------------------------------------------------------
// Random self-consistency: every result against its own definition and the
// loop mask against classify() with the sender disabled and no default queue.

TEST(ModelTx, RandomSelfConsistency) {
  std::printf("[RandomSelfConsistency] seed=%llu (repeat with --seed %llu)\n",
              (unsigned long long)g_seed, (unsigned long long)g_seed);
  std::mt19937_64 rng(g_seed);
  auto pick = [&](uint64_t n) { return n ? rng() % n : 0; };
  const MacAddr macs[] = {kMac1, kMac2, kMac3, 0x020000000004ULL, kMcast, kBroadcast};
  const uint16_t tpids[] = {0x8100, 0x88a8};
  const uint16_t vids[] = {0, 1, 10, 20, 4094};
  unsigned sent = 0, spoofs = 0, oversizes = 0, inserted = 0, local = 0, wire_and_loop = 0,
           copies = 0, no_desc = 0;

  for (int round = 0; round < 40; ++round) {
    const unsigned nq = 2 + unsigned(pick(15));
    RxConfig rx(8);
    rx.num_queues = nq;
    const uint64_t qbits = (1ULL << nq) - 1;
    rx.tpid = tpids[pick(2)];
    rx.max_frame = uint16_t(pick(2) ? 1518 : 60 + pick(200));
    rx.min_frame = uint16_t(pick(2) ? 60 : 64);
    rx.default_queue = pick(2);
    rx.enabled = rng() & qbits;
    rx.bcast = rng() & qbits;
    rx.mcast = rng() & qbits;
    rx.promisc = pick(4) == 0 ? rng() & qbits : 0;
    for (Filter& f : rx.filters) {
      if (pick(2)) continue;
      f = Filter{true, FilterType(pick(4)), macs[pick(6)], uint16_t(1 + pick(30)), rng() & qbits};
      if (f.vid > 20) f.vid = 10;
    }
    TxConfig tx(nq);
    tx.loopback = pick(4) != 0;
    for (TxQueueConfig& qc : tx.queues) {
      qc.port_tci = pick(2) ? uint16_t((rng() & 0xf000) | vids[pick(5)]) : 0;
      if (pick(3) == 0) qc.spoof_mac = macs[pick(4)];
      qc.vlan_spoof = pick(2);
    }
    RxDelivery rd(nq);
    for (unsigned q = 0; q < nq; ++q) {
      rd.queues[q].strip_vlan = pick(2);
      rd.queues[q].buf_bytes = pick(2) ? 2048 : 256;
      rd.post(q, pick(200));
    }
    TxDelivery td(nq);
    std::vector<TxQueueStats> exp_tx(nq);
    std::vector<RxQueueStats> exp_rx(nq);

    for (int i = 0; i < 250; ++i) {
      const unsigned q = unsigned(pick(nq));
      const int tag = pick(3) == 0 ? int(rng() & 0xf000) | vids[pick(5)] : -1;
      const uint16_t ftpid = pick(4) == 0 ? tpids[pick(2)] : rx.tpid;
      const size_t len = kTxMinHostFrame + pick(pick(3) ? 80 : 1600);
      const auto f = make_frame(macs[pick(6)], macs[pick(4)], len >= 18 ? tag : -1,
                                uint16_t(0x0800 + pick(2)), len, ftpid, uint8_t(rng()));
      const std::string ctx = "round " + std::to_string(round) + " frame " + std::to_string(i) +
                              " queue " + std::to_string(q) + " len " + std::to_string(len);
      SCOPED_TRACE(ctx);

      const auto res = td.transmit(tx, rx, rd, q, f);
      const TxResult& r = res.tx;
      ASSERT_EQ(r, tx_process(tx, rx, q, f)) << describe(r);  // pure: same again
      const TxQueueConfig& qc = tx.queues[q];
      const size_t grown = len + (qc.port_vlan() ? 4 : 0);
      const L2Header h = parse(f, rx.tpid);
      const bool oversize = grown > std::min<unsigned>(rx.max_frame, rx.max_frame_bytes);
      const bool spoof =
          (qc.spoof_mac && h.sa != *qc.spoof_mac) || (qc.vlan_spoof && qc.port_vlan() && h.tagged);
      EXPECT_EQ(r.drop, oversize ? TxDrop::Oversize : spoof ? TxDrop::Spoof : TxDrop::None);
      EXPECT_EQ(r.error, r.drop != TxDrop::None);
      if (r.drop != TxDrop::None) {
        EXPECT_TRUE(r.frame.empty());
        EXPECT_FALSE(r.to_wire);
        EXPECT_EQ(r.loop_mask, 0u);
        EXPECT_TRUE(res.loop.copies.empty());
        ++(r.drop == TxDrop::Spoof ? exp_tx[q].spoof_drops : exp_tx[q].oversize_drops);
        ++(r.drop == TxDrop::Spoof ? spoofs : oversizes);
        continue;
      }
      // Bytes: DA SA [port tag] rest, zeros to 60.
      ASSERT_EQ(r.frame.size(), std::max(grown, kTxPadTo));
      EXPECT_LE(r.frame.size(), std::max<size_t>(rx.max_frame, kTxPadTo));
      EXPECT_TRUE(std::equal(f.begin(), f.begin() + 12, r.frame.begin()));
      size_t off = 12;
      if (qc.port_vlan()) {
        EXPECT_EQ(r.frame[12], rx.tpid >> 8);
        EXPECT_EQ(r.frame[13], rx.tpid & 0xff);
        EXPECT_EQ(r.frame[14], qc.port_tci >> 8);
        EXPECT_EQ(r.frame[15], qc.port_tci & 0xff);
        off = 16;
      }
      EXPECT_TRUE(std::equal(f.begin() + 12, f.end(), r.frame.begin() + off));
      for (size_t k = off + len - 12; k < r.frame.size(); ++k) EXPECT_EQ(r.frame[k], 0);
      ++exp_tx[q].packets;
      exp_tx[q].bytes += r.frame.size();
      ++sent;
      inserted += r.inserted;
      local += !r.to_wire;
      wire_and_loop += r.to_wire && r.loop_mask;
      copies += unsigned(res.loop.copies.size());
      no_desc += unsigned(std::popcount(res.loop.no_desc_mask));

      // Destination.
      if (!tx.loopback) {
        EXPECT_TRUE(r.to_wire);
        EXPECT_EQ(r.loop_mask, 0u);
        continue;
      }
      RxConfig rc = rx;  // the receive side's view: sender off, no default queue, no admission
      rc.enabled &= ~(1ULL << q);
      rc.default_queue = false;
      rc.min_frame = 0;
      rc.max_frame = rc.max_frame_bytes = 65535;
      RxDecision d = classify(rc, {r.frame, false});
      if (d.drop == Drop::Unmatched) d.drop = Drop::None;  // M empty: no copy, no drop
      EXPECT_EQ(r.loop_mask, d.qmask);
      EXPECT_EQ(r.loop_dec, d) << describe(r.loop_dec) << " vs " << describe(d);
      EXPECT_EQ(r.loop_mask & (1ULL << q), 0u);
      const L2Header s = parse(r.frame, rx.tpid);
      bool mac_hit = false;
      for (const Filter& fl : rx.filters)
        mac_hit |= fl.type != FilterType::Vlan && filter_matches(fl, s);
      const bool unicast = !((s.da >> 40) & 1);
      EXPECT_EQ(r.to_wire, !(unicast && mac_hit && r.loop_mask != 0));
      // Copies: exactly the receive delivery of the sent bytes.
      unsigned n = 0;
      for (unsigned rq = 0; rq < nq; ++rq) {
        if (!((r.loop_mask >> rq) & 1)) continue;
        const bool written = !((res.loop.no_desc_mask >> rq) & 1);
        if (!written) {
          ++exp_rx[rq].no_desc_drops;
          continue;
        }
        ASSERT_LT(n, res.loop.copies.size());
        const RxCopy& c = res.loop.copies[n++];
        EXPECT_EQ(c.queue, rq);
        EXPECT_EQ(c.bytes, rx_copy_bytes(r.frame, d, rd.queues[rq].strip_vlan));
        ++exp_rx[rq].packets;
        exp_rx[rq].bytes += c.bytes.size();
      }
      EXPECT_EQ(n, res.loop.copies.size());
    }
    for (unsigned q = 0; q < nq; ++q) {
      EXPECT_EQ(td.queue_stats(q), exp_tx[q]) << "round " << round << " queue " << q;
      EXPECT_EQ(rd.queue_stats(q), exp_rx[q]) << "round " << round << " queue " << q;
    }
    EXPECT_EQ(rd.global(), RxGlobalStats{});
    if (HasFailure()) return;
  }
  std::printf(
      "sent %u (tag inserted %u, loop only %u, wire+loop %u; looped copies %u, "
      "no-descriptor drops %u), spoof drops %u, oversize drops %u\n",
      sent, inserted, local, wire_and_loop, copies, no_desc, spoofs, oversizes);
  // The random mix must reach every outcome.
  EXPECT_GT(inserted, 0u);
  EXPECT_GT(local, 0u);
  EXPECT_GT(wire_and_loop, 0u);
  EXPECT_GT(no_desc, 0u);
  EXPECT_GT(spoofs, 0u);
  EXPECT_GT(oversizes, 0u);
}

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  bool have = false;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--seed") == 0) {
      g_seed = std::strtoull(argv[i + 1], nullptr, 0);
      have = true;
    }
  if (!have) {
    if (const char* e = std::getenv("VMQ_SEED"))
      g_seed = std::strtoull(e, nullptr, 0);
    else
      g_seed = uint64_t(std::chrono::steady_clock::now().time_since_epoch().count());
  }
  std::printf("seed=%llu (repeat with --seed %llu)\n", (unsigned long long)g_seed,
              (unsigned long long)g_seed);
  return RUN_ALL_TESTS();
}
