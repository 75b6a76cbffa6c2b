// Directed tests of vmq_l2_sorter: every row of the SPEC §3 tables and every
// admission reason. Each case states its expected result explicitly; the
// harness also checks the DUT against the reference model on every frame, so
// a case passes only when spec, model and RTL agree.
#include <gtest/gtest.h>

#include "sorter_harness.hpp"

using namespace vmq;
using namespace vmq::tb;
using model::Drop;
using model::FilterType;
using P = SorterParams;

namespace {

constexpr model::MacAddr kMac1 = 0x020000000001ULL, kMac2 = 0x020000000002ULL,
                         kMac3 = 0x020000000003ULL, kOther = 0x02000000ffffULL,
                         kMcast = 0x01005e000001ULL, kSa = 0x02aa000000aaULL;
constexpr uint64_t Q(unsigned q) { return 1ULL << q; }
constexpr uint64_t kAllQ = P::NumQueues >= 64 ? ~0ULL : (1ULL << P::NumQueues) - 1;

char arg0[] = "sorter_directed_test", arg1[] = "--seed", arg2[] = "1";
char* argvv[] = {arg0, arg1, arg2};

class Sorter : public ::testing::Test {
 protected:
  Args args{3, argvv, VMQ_TEST_NAME};
  SorterHarness h{args, 1, SorterKnobs{0.3, 0.3, 0.3}};
  model::RxConfig ports{P::NumFilters};
  unsigned next_filter = 0;

  void SetUp() override {
    ports.enabled = kAllQ;  // every queue running
    ports.default_queue = true;
    h.set_ports(ports);
  }
  void apply() { h.set_ports(ports); }
  void filter(FilterType t, model::MacAddr mac, uint16_t vid, uint64_t qmask) {
    model::Filter f{true, t, mac, vid, qmask};
    h.write_filter(next_filter++, f);
  }
  model::RxDecision rx(const std::vector<uint8_t>& frame, bool tuser = false, int keep_fault = 0) {
    h.drain();  // let queued configuration and table writes take effect first
    h.send(frame, tuser, keep_fault);
    h.drain();
    return h.last_decision();
  }
  static std::vector<uint8_t> untagged(model::MacAddr da, size_t len = 64) {
    return model::make_frame(da, kSa, -1, 0x0800, len);
  }
  static std::vector<uint8_t> tagged(model::MacAddr da, uint16_t vid, size_t len = 64,
                                     uint16_t pcp = 0) {
    return model::make_frame(da, kSa, int((pcp << 13) | vid), 0x0800, len);
  }
};

// --- filter types (SPEC §3 table) ------------------------------------------

TEST_F(Sorter, MacMatchesTaggedAndUntagged) {
  filter(FilterType::Mac, kMac1, 0, Q(1));
  EXPECT_EQ(rx(untagged(kMac1)).qmask, Q(1));
  EXPECT_EQ(rx(tagged(kMac1, 10)).qmask, Q(1));
  EXPECT_EQ(rx(tagged(kMac1, 0)).qmask, Q(1));
  EXPECT_EQ(rx(untagged(kOther)).qmask, Q(0));  // default queue
}

TEST_F(Sorter, MacVlanNeedsTagAndVid) {
  filter(FilterType::MacVlan, kMac2, 10, Q(2));
  EXPECT_EQ(rx(tagged(kMac2, 10)).qmask, Q(2));
  EXPECT_EQ(rx(tagged(kMac2, 10, 64, 5)).qmask, Q(2));  // PCP is not part of the VID
  EXPECT_EQ(rx(tagged(kMac2, 11)).qmask, Q(0));
  EXPECT_EQ(rx(untagged(kMac2)).qmask, Q(0));
  EXPECT_EQ(rx(tagged(kMac2, 0)).qmask, Q(0));  // VID 0 counts as untagged
  EXPECT_EQ(rx(tagged(kMac1, 10)).qmask, Q(0));
}

TEST_F(Sorter, MacUntaggedTakesUntaggedOrVid0) {
  filter(FilterType::MacUntagged, kMac3, 0, Q(3));
  EXPECT_EQ(rx(untagged(kMac3)).qmask, Q(3));
  EXPECT_EQ(rx(tagged(kMac3, 0)).qmask, Q(3));
  EXPECT_EQ(rx(tagged(kMac3, 10)).qmask, Q(0));
}

TEST_F(Sorter, VlanAnyDa) {
  filter(FilterType::Vlan, 0, 20, Q(2) | Q(3));
  EXPECT_EQ(rx(tagged(kOther, 20)).qmask, Q(2) | Q(3));
  EXPECT_EQ(rx(tagged(model::kBroadcast, 20)).qmask, Q(2) | Q(3));
  EXPECT_EQ(rx(untagged(kOther)).qmask, Q(0));
  EXPECT_EQ(rx(tagged(kOther, 0)).qmask, Q(0));
  EXPECT_EQ(rx(tagged(kOther, 21)).qmask, Q(0));
}

TEST_F(Sorter, Vid4095IsAnOrdinaryTag) {
  filter(FilterType::Mac, kMac1, 0, Q(1));
  filter(FilterType::Vlan, 0, 4095, Q(2));  // the driver refuses 4095; the table does not
  auto d = rx(tagged(kMac1, 4095));
  EXPECT_EQ(d.qmask, Q(1) | Q(2));
  EXPECT_TRUE(d.tagged);
  EXPECT_EQ(d.tci & 0xfff, 4095);
  EXPECT_EQ(rx(tagged(kOther, 4095)).qmask, Q(2));
}

TEST_F(Sorter, TagReportedAndTpidProgrammable) {
  auto d = rx(tagged(kOther, 0x123, 64, 3));
  EXPECT_TRUE(d.tagged);
  EXPECT_EQ(d.tci, (3 << 13) | 0x123);
  EXPECT_FALSE(rx(untagged(kOther)).tagged);
  filter(FilterType::Vlan, 0, 30, Q(1));
  auto qinq = model::make_frame(kOther, kSa, 30, 0x0800, 64, 0x88a8);
  EXPECT_EQ(rx(qinq).qmask, Q(0));  // 0x88a8 is not the TPID yet
  ports.tpid = 0x88a8;
  apply();
  d = rx(qinq);
  EXPECT_EQ(d.qmask, Q(1));
  EXPECT_TRUE(d.tagged);
  EXPECT_FALSE(rx(tagged(kOther, 30)).tagged);  // 0x8100 no longer a tag
}

// --- broadcast, multicast, promiscuous -------------------------------------

TEST_F(Sorter, BroadcastWithAndWithoutAcceptors) {
  auto d = rx(untagged(model::kBroadcast));
  EXPECT_EQ(d.qmask, Q(0));  // nobody accepts: default queue
  EXPECT_TRUE(d.bcast);
  ports.bcast = Q(1) | Q(3);
  apply();
  EXPECT_EQ(rx(untagged(model::kBroadcast)).qmask, Q(1) | Q(3));
  ports.default_queue = false;
  ports.bcast = 0;
  apply();
  EXPECT_EQ(rx(untagged(model::kBroadcast)).drop, Drop::Unmatched);
}

TEST_F(Sorter, MulticastAcceptAndListedInTable) {
  auto d = rx(untagged(kMcast));
  EXPECT_TRUE(d.mcast);
  EXPECT_FALSE(d.bcast);
  EXPECT_EQ(d.qmask, Q(0));
  ports.mcast = Q(2);
  apply();
  EXPECT_EQ(rx(untagged(kMcast)).qmask, Q(2));
  filter(FilterType::Mac, kMcast, 0, Q(3));  // exact multicast address in the table
  EXPECT_EQ(rx(untagged(kMcast)).qmask, Q(2) | Q(3));
  ports.bcast = Q(1);  // broadcast acceptance does not apply to multicast
  apply();
  EXPECT_EQ(rx(untagged(kMcast)).qmask, Q(2) | Q(3));
}

TEST_F(Sorter, PromiscuousTakesEverything) {
  ports.promisc = Q(3);
  apply();
  filter(FilterType::Mac, kMac1, 0, Q(1));
  EXPECT_EQ(rx(untagged(kMac1)).qmask, Q(1) | Q(3));
  EXPECT_EQ(rx(untagged(kOther)).qmask, Q(3));  // no default queue: M is not empty
  EXPECT_EQ(rx(untagged(model::kBroadcast)).qmask, Q(3));
}

// --- masks, default queue, overlap ------------------------------------------

TEST_F(Sorter, OverlappingFiltersOr) {
  filter(FilterType::Mac, kMac1, 0, Q(1));
  filter(FilterType::Mac, kMac1, 0, Q(1));  // identical
  filter(FilterType::MacUntagged, kMac1, 0, Q(2));
  filter(FilterType::MacVlan, kMac1, 7, Q(3));
  EXPECT_EQ(rx(untagged(kMac1)).qmask, Q(1) | Q(2));
  EXPECT_EQ(rx(tagged(kMac1, 7)).qmask, Q(1) | Q(3));
}

TEST_F(Sorter, AllFiltersMatchFullTable) {
  for (unsigned i = 0; i < P::NumFilters; ++i)
    filter(FilterType::Mac, kMac1, 0, Q(i % P::NumQueues));
  EXPECT_EQ(rx(untagged(kMac1)).qmask, kAllQ & (P::NumFilters >= P::NumQueues ? kAllQ : 0));
  EXPECT_EQ(rx(untagged(kOther)).qmask, Q(0));
}

TEST_F(Sorter, LastEntryOfFullTableMatches) {
  for (unsigned i = 0; i + 1 < P::NumFilters; ++i) filter(FilterType::Mac, kOther + 1 + i, 0, Q(1));
  filter(FilterType::Vlan, 0, 99, Q(2));  // entry NumFilters-1
  EXPECT_EQ(rx(tagged(kMac1, 99)).qmask, Q(2));
}

TEST_F(Sorter, InvalidEntryAndOutOfRangeWriteIgnored) {
  model::Filter f{false, FilterType::Mac, kMac1, 0, Q(1)};
  h.write_filter(0, f);
  h.write_filter(P::NumFilters, model::Filter{true, FilterType::Mac, kMac2, 0, Q(2)});
  h.write_filter(0xffff, model::Filter{true, FilterType::Mac, kMac2, 0, Q(2)});
  EXPECT_EQ(rx(untagged(kMac1)).qmask, Q(0));
  EXPECT_EQ(rx(untagged(kMac2)).qmask, Q(0));
}

TEST_F(Sorter, NoMatchDefaultOnAndOff) {
  EXPECT_EQ(rx(untagged(kOther)).qmask, Q(0));
  ports.default_queue = false;
  apply();
  auto d = rx(untagged(kOther));
  EXPECT_EQ(d.drop, Drop::Unmatched);
  EXPECT_EQ(d.qmask, 0u);
  // with the setting off, queue 0 is an ordinary queue
  filter(FilterType::Mac, kMac1, 0, Q(0));
  EXPECT_EQ(rx(untagged(kMac1)).qmask, Q(0));
}

TEST_F(Sorter, DisabledQueuesMaskedOut) {
  filter(FilterType::Mac, kMac1, 0, Q(1) | Q(2));
  ports.enabled = kAllQ & ~Q(2);
  apply();
  EXPECT_EQ(rx(untagged(kMac1)).qmask, Q(1));
  ports.enabled = Q(0);
  apply();
  EXPECT_EQ(rx(untagged(kMac1)).qmask, Q(0));  // all targets disabled: default queue
  ports.enabled = 0;
  apply();
  EXPECT_EQ(rx(untagged(kMac1)).drop, Drop::Unmatched);  // queue 0 disabled too
}

// --- admission (SPEC §3, in priority order) ----------------------------------

TEST_F(Sorter, ErrorFromTuserAndTkeep) {
  filter(FilterType::Mac, kMac1, 0, Q(1));
  EXPECT_EQ(rx(untagged(kMac1), true).drop, Drop::Err);
  EXPECT_EQ(rx(untagged(kMac1, 200), false, 1).drop, Drop::Err);  // hole mid-frame
  EXPECT_EQ(rx(untagged(kMac1, 61), false, 2).drop, Drop::Err);   // ragged last beat
  EXPECT_EQ(rx(untagged(kMac1, 64), false, 3).drop, Drop::Err);   // empty last beat
  EXPECT_EQ(rx(untagged(kMac1), false).drop, Drop::None);
}

TEST_F(Sorter, ErrorBeatsRuntBeatsOversize) {
  EXPECT_EQ(rx(untagged(kOther, 20), true).drop, Drop::Err);  // errored runt is an error
  EXPECT_EQ(rx(untagged(kOther, 2000), true).drop, Drop::Err);
  ports.default_queue = false;
  apply();
  EXPECT_EQ(rx(untagged(kOther, 30)).drop, Drop::Runt);  // runt before unmatched
  EXPECT_EQ(rx(untagged(kOther, 1600)).drop, Drop::Oversize);
}

TEST_F(Sorter, MinAndMaxFrameBoundaries) {
  EXPECT_EQ(rx(untagged(kOther, 59)).drop, Drop::Runt);
  EXPECT_EQ(rx(untagged(kOther, 60)).drop, Drop::None);
  EXPECT_EQ(rx(untagged(kOther, 1518)).drop, Drop::None);
  auto d = rx(untagged(kOther, 1519));
  EXPECT_EQ(d.drop, Drop::Oversize);
  EXPECT_EQ(d.len, 1519);
  EXPECT_EQ(rx(untagged(kOther, 1)).drop, Drop::Runt);
}

TEST_F(Sorter, MinFrameFloorAndMaxFrameCeiling) {
  ports.min_frame = 10;      // hardware never honours less than 18
  ports.max_frame = 0xffff;  // nor more than MaxFrameBytes
  apply();
  EXPECT_EQ(rx(untagged(kOther, 17)).drop, Drop::Runt);
  EXPECT_EQ(rx(untagged(kOther, 18)).drop, Drop::None);
  EXPECT_EQ(rx(untagged(kOther, P::MaxFrameBytes)).drop, Drop::None);
  EXPECT_EQ(rx(untagged(kOther, P::MaxFrameBytes + 1)).drop, Drop::Oversize);
}

TEST_F(Sorter, LengthSaturatesOnEndlessFrame) {
  auto d = rx(untagged(kOther, 70000));
  EXPECT_EQ(d.drop, Drop::Oversize);
  EXPECT_EQ(d.len, 65535);
}

// --- reset ------------------------------------------------------------------

TEST_F(Sorter, NoBeatPassesDuringReset) {
  filter(FilterType::Mac, kMac1, 0, Q(1));
  EXPECT_EQ(rx(untagged(kMac1)).qmask, Q(1));
  h.reset_with_traffic(5);                     // fails inside if a beat or a decision slips through
  EXPECT_EQ(rx(untagged(kMac1)).qmask, Q(0));  // the table was cleared
  filter(FilterType::Mac, kMac1, 0, Q(2));
  EXPECT_EQ(rx(untagged(kMac1)).qmask, Q(2));
}

// --- table read-back -------------------------------------------------------

TEST_F(Sorter, TableReadBack) {
  model::Filter f{true, FilterType::MacVlan, 0x0a0b0c0d0e0fULL, 0xabc, Q(1) | Q(P::NumQueues - 1)};
  h.write_filter(P::NumFilters - 1, f);
  h.drain();
  auto& d = h.dut();
  d.tbl_idx_i = P::NumFilters - 1;
  h.step();  // the queue-mask half lands one cycle after the rest
  h.step();
  EXPECT_TRUE(d.tbl_rd_valid_o);
  EXPECT_EQ(d.tbl_rd_type_o, 1);
  EXPECT_EQ(uint64_t(d.tbl_rd_mac_o), 0x0a0b0c0d0e0fULL);
  EXPECT_EQ(d.tbl_rd_vid_o, 0xabc);
  EXPECT_EQ(uint64_t(d.tbl_rd_qmask_o), f.qmask);
  d.tbl_idx_i = P::NumFilters;  // out of range reads zero
  h.step();
  EXPECT_FALSE(d.tbl_rd_valid_o);
  EXPECT_EQ(uint64_t(d.tbl_rd_mac_o), 0u);
}

}  // namespace
