// Unit tests of the vmq-sim scenario parser (SPEC §9 refusals and defaults)
// and of the pcap reader/writer. Input files live in a fresh temporary
// directory per test, removed afterwards.
#include <gtest/gtest.h>
#include <pcap/pcap.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "pcap.hpp"
#include "scenario.hpp"

namespace vmq::sim {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    static std::atomic<unsigned> n{0};
    path_ = fs::temp_directory_path() /
            ("simlib_test_" + std::to_string(::getpid()) + "_" +
             std::to_string(n++) + "_" + std::to_string(std::random_device{}()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write_file(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

// ---------------------------------------------------------------- scenarios

class ScenarioTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(dir.path() / "in.pcap", "");  // only opened, not read
    write_file(dir.path() / "out.pcap", "");
  }
  Scenario parse(const std::string& text, const Limits& lim = {}) {
    return parse_scenario(json::parse(text), dir.path(), lim);
  }
  // Expects refusal with a message that contains `needle` (key path + value).
  void refused(const std::string& text, const std::string& needle,
               const Limits& lim = {}) {
    SCOPED_TRACE(text);
    std::string msg;
    EXPECT_THROW(
        {
          try {
            parse(text, lim);
          } catch (const ScenarioError& e) {
            msg = e.what();
            throw;
          }
        },
        ScenarioError);
    EXPECT_NE(msg.find(needle), std::string::npos) << "message: " << msg;
  }
  TempDir dir;
};

TEST_F(ScenarioTest, RefusesUnknownKeys) {
  refused(R"({"foo": 1})", R"(unknown key "foo" at top level)");
  refused(R"({"seed": 1})", R"(unknown key "seed" at top level)");
  refused(R"({"queues": [{"id": 1, "colour": 2}]})",
          R"(unknown key "colour" in queues[0])");
  refused(R"({"filters": [{"type": "vlan", "vid": 3, "queues": [1], "x": 0}]})",
          R"(unknown key "x" in filters[0])");
  refused(R"({"queues": [{"id": 1}], "tx": [{"queue": 1, "pcap": "out.pcap", "y": 1}]})",
          R"(unknown key "y" in tx[0])");
  refused(R"({"lossless": false, "host": {"poll_ns": 5}})",
          R"(unknown key "poll_ns" in host)");
}

TEST_F(ScenarioTest, RefusesWrongTypes) {
  refused(R"([])", "top level: [] is not an object");
  refused(R"({"loopback": "yes"})", R"(loopback: "yes" is not true or false)");
  refused(R"({"default_queue": 1})", "default_queue: 1 is not true or false");
  refused(R"({"queues": [{"id": 1, "bcast": 1}]})", "queues[0].bcast: 1 is not true or false");
  refused(R"({"max_frame": 1518.0})", "max_frame: 1518.0 is not an integer");
  refused(R"({"port_gbps": "10"})", R"(port_gbps: "10" is not a number)");
  refused(R"({"filters": {}})", "filters: {} is not an array");
  refused(R"({"queues": [1]})", "queues[0]: 1 is not an object");
  refused(R"({"queues": [{"id": "1"}]})", R"(queues[0].id: "1" is not an integer)");
  refused(R"({"queues": [{"id": 1, "ring_size": "256"}]})",
          R"(queues[0].ring_size: "256" is not an integer)");
  refused(R"({"rx_pcap": 5})", "rx_pcap: 5 is not a string");
  refused(R"({"filters": [{"type": "vlan", "vid": 2, "queues": 1}]})",
          "filters[0].queues: 1 is not an array");
}

TEST_F(ScenarioTest, RefusesBadTopLevelValues) {
  refused(R"({"version": 2})", "version: 2 is not supported");
  refused(R"({"port_gbps": 0})", "port_gbps: 0 is not above 0 and at most 400");
  refused(R"({"port_gbps": 400.5})", "port_gbps: 400.5");
  refused(R"({"max_frame": 9217})", "max_frame: 9217 is outside 64..9216");
  refused(R"({"max_frame": 2001})", "max_frame: 2001 is outside 64..2000",
          Limits{.max_frame_bytes = 2000});
  refused(R"({"max_frame": 63})", "max_frame: 63 is outside 64..9216");
  refused(R"({"min_frame": 17})", "min_frame: 17 is outside 18..1518");
  refused(R"({"min_frame": 14})", "min_frame: 14 is outside 18..1518");
  refused(R"({"max_frame": 100, "min_frame": 101})", "min_frame: 101 is outside 18..100");
  refused(R"({"tpid": "0x0500"})", R"(tpid: "0x0500" is outside 0x0600..0xffff)");
  refused(R"({"tpid": 65536})", "tpid: 65536 is outside 0x0600..0xffff");
  refused(R"({"tpid": "8100"})", R"(tpid: "8100" is neither a hex string)");
  refused(R"({"tpid": "0x81zz"})", R"(tpid: "0x81zz")");
  refused(R"({"tpid": "0x08100"})", R"(tpid: "0x08100")");
}

TEST_F(ScenarioTest, RefusesKeysOutsideFilterType) {
  refused(R"({"filters": [{"type": "mac", "mac": "02:00:00:00:00:01", "vid": 5, "queues": [1]}]})",
          R"(filters[0]: key "vid" does not belong to a "mac" filter)");
  refused(R"({"filters": [{"type": "mac_untagged", "mac": "02:00:00:00:00:01", "vid": 5, "queues": [1]}]})",
          R"(filters[0]: key "vid" does not belong to a "mac_untagged" filter)");
  refused(R"({"filters": [{"type": "vlan", "mac": "02:00:00:00:00:01", "vid": 5, "queues": [1]}]})",
          R"(filters[0]: key "mac" does not belong to a "vlan" filter)");
}

TEST_F(ScenarioTest, RefusesMissingRequiredKeys) {
  refused(R"({"filters": [{"mac": "02:00:00:00:00:01", "queues": [1]}]})",
          R"(filters[0]: missing key "type")");
  refused(R"({"filters": [{"type": "mac_vlan", "vid": 3, "queues": [1]}]})",
          R"(filters[0]: missing key "mac" (a "mac_vlan" filter needs it))");
  refused(R"({"filters": [{"type": "mac_vlan", "mac": "02:00:00:00:00:01", "queues": [1]}]})",
          R"(filters[0]: missing key "vid")");
  refused(R"({"filters": [{"type": "vlan", "queues": [1]}]})", R"(filters[0]: missing key "vid")");
  refused(R"({"filters": [{"type": "vlan", "vid": 3}]})", R"(filters[0]: missing key "queues")");
  refused(R"({"filters": [{"type": "vlan", "vid": 3, "queues": []}]})",
          "filters[0].queues: [] is empty");
  refused(R"({"queues": [{"bcast": true}]})", R"(queues[0]: missing key "id")");
  refused(R"({"tx": [{"pcap": "out.pcap"}]})", R"(tx[0]: missing key "queue")");
  refused(R"({"tx": [{"queue": 0}]})", R"(tx[0]: missing key "pcap")");
}

TEST_F(ScenarioTest, RefusesBadFilterType) {
  refused(R"({"filters": [{"type": "MAC", "mac": "02:00:00:00:00:01", "queues": [1]}]})",
          R"(filters[0].type: "MAC" is not one of)");
}

TEST_F(ScenarioTest, RefusesBadMacs) {
  for (const char* mac : {"02:00:00:00:00", "02-00-00-00-00-01", "2:0:0:0:0:1",
                          "02:00:00:00:00:0g", "02:00:00:00:00:01:", "0200.0000.0001"}) {
    refused(std::string(R"({"filters": [{"type": "mac", "mac": ")") + mac +
                R"(", "queues": [1]}]})",
            std::string("filters[0].mac: \"") + mac + "\" is not a MAC address");
  }
  refused(R"({"filters": [{"type": "mac", "mac": 33, "queues": [1]}]})",
          "filters[0].mac: 33 is not a string");
  refused(R"({"queues": [{"id": 1, "spoof_mac": "02:00:00:00:00"}]})",
          R"(queues[0].spoof_mac: "02:00:00:00:00" is not a MAC address)");
  // A VM never sends from a group address.
  refused(R"({"queues": [{"id": 1, "spoof_mac": "01:00:5e:00:00:01"}]})",
          R"(queues[0].spoof_mac: "01:00:5e:00:00:01" is a multicast address)");
  refused(R"({"queues": [{"id": 1, "spoof_mac": "ff:ff:ff:ff:ff:ff"}]})",
          R"(queues[0].spoof_mac: "ff:ff:ff:ff:ff:ff" is a multicast address)");
}

TEST_F(ScenarioTest, RefusesVidsOutOfRange) {
  refused(R"({"filters": [{"type": "vlan", "vid": 3, "queues": [1]},
                          {"type": "vlan", "vid": 5000, "queues": [1]}]})",
          "filters[1].vid: 5000 is outside 1..4094");
  refused(R"({"filters": [{"type": "mac_vlan", "mac": "02:00:00:00:00:01", "vid": 0, "queues": [1]}]})",
          "filters[0].vid: 0 is outside 1..4094");
  refused(R"({"filters": [{"type": "vlan", "vid": 4095, "queues": [1]}]})",
          "filters[0].vid: 4095 is outside 1..4094");
  refused(R"({"queues": [{"id": 1, "port_vid": 4095}]})",
          "queues[0].port_vid: 4095 is outside 0..4094");
  refused(R"({"queues": [{"id": 1, "port_vid": -1}]})", "queues[0].port_vid: -1 is outside");
  refused(R"({"queues": [{"id": 1, "weight": 65536}]})",
          "queues[0].weight: 65536 is outside 0..65535");
}

TEST_F(ScenarioTest, RefusesQueueIdsOutOfRangeOrTwice) {
  refused(R"({"queues": [{"id": 16}]})", "queues[0].id: 16 is outside 0..15");
  refused(R"({"queues": [{"id": 4}]})", "queues[0].id: 4 is outside 0..3",
          Limits{.num_queues = 4});
  refused(R"({"queues": [{"id": -1}]})", "queues[0].id: -1 is outside 0..15");
  refused(R"({"filters": [{"type": "vlan", "vid": 3, "queues": [1, 16]}]})",
          "filters[0].queues[1]: 16 is outside 0..15");
  refused(R"({"queues": [{"id": 1}, {"id": 2}, {"id": 1}]})",
          "queues[2].id: 1 is listed twice (also queues[0])");
  refused(R"({"filters": [{"type": "vlan", "vid": 3, "queues": [1, 2, 1]}]})",
          "filters[0].queues[2]: 1 is listed twice");
  refused(R"({"tx": [{"queue": 16, "pcap": "out.pcap"}]})", "tx[0].queue: 16 is outside 0..15");
}

TEST_F(ScenarioTest, RefusesTooManyFilters) {
  const std::string f = R"({"type": "vlan", "vid": 3, "queues": [1]})";
  refused(R"({"filters": [)" + f + "," + f + "," + f + "]}",
          "filters: 3 filters, the core has 2", Limits{.num_filters = 2});
  EXPECT_NO_THROW(parse(R"({"filters": [)" + f + "," + f + "]}", Limits{.num_filters = 2}));
}

TEST_F(ScenarioTest, RefusesBadRingAndBufferSizes) {
  for (const char* n : {"100", "8", "8192", "0", "-16"})
    refused(std::string(R"({"queues": [{"id": 0, "ring_size": )") + n + "}]}",
            std::string("queues[0].ring_size: ") + n + " is not a power of two in 16..4096");
  for (const char* n : {"100", "128", "16448", "1000", "0"})
    refused(std::string(R"({"queues": [{"id": 0, "buffer_size": )") + n + "}]}",
            std::string("queues[0].buffer_size: ") + n + " is not a multiple of 64 in 256..16384");
}

TEST_F(ScenarioTest, RefusesRingTooSmallForMaxFrame) {
  // 16 entries hold ceil(max_frame / 256) + 1 <= 16, i.e. max_frame <= 3840.
  refused(R"({"max_frame": 9216, "queues": [{"id": 1, "ring_size": 16, "buffer_size": 256}]})",
          "queues[0].ring_size: 16 cannot hold a 9216-byte frame in 256-byte buffers "
          "(needs at least 37)");
  refused(R"({"max_frame": 3841, "queues": [{"id": 1, "ring_size": 16, "buffer_size": 256}]})",
          "queues[0].ring_size: 16 cannot hold a 3841-byte frame");
  EXPECT_NO_THROW(
      parse(R"({"max_frame": 3840, "queues": [{"id": 1, "ring_size": 16, "buffer_size": 256}]})"));
}

TEST_F(ScenarioTest, RefusesTxOnDisabledOrRepeatedQueue) {
  refused(R"({"tx": [{"queue": 3, "pcap": "out.pcap"}]})",
          "tx[0].queue: 3 is not an enabled queue");
  refused(R"({"default_queue": false, "tx": [{"queue": 0, "pcap": "out.pcap"}]})",
          "tx[0].queue: 0 is not an enabled queue");
  refused(R"({"queues": [{"id": 1}], "tx": [{"queue": 1, "pcap": "out.pcap"},
                                           {"queue": 1, "pcap": "in.pcap"}]})",
          "tx[1].queue: 1 is listed twice (also tx[0])");
  // Enabled by a filter or by default_queue is enough.
  EXPECT_NO_THROW(parse(R"({"filters": [{"type": "vlan", "vid": 7, "queues": [3]}],
                           "tx": [{"queue": 3, "pcap": "out.pcap"}, {"queue": 0, "pcap": "out.pcap"}]})"));
}

TEST_F(ScenarioTest, RefusesMissingOrUnreadablePcaps) {
  refused(R"({"rx_pcap": "nope.pcap"})",
          R"(rx_pcap: "nope.pcap" cannot be read ()" + (dir.path() / "nope.pcap").string() +
              ": No such file or directory)");
  refused(R"({"tx": [{"queue": 0, "pcap": "sub/out.pcap"}]})",
          R"(tx[0].pcap: "sub/out.pcap" cannot be read)");
  refused(R"({"rx_pcap": ""})", R"(rx_pcap: "" is not a file name)");
  fs::create_directory(dir.path() / "d");
  refused(R"({"rx_pcap": "d"})", R"(rx_pcap: "d" is a directory)");
}

TEST_F(ScenarioTest, RefusesUnreadablePcap) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  fs::permissions(dir.path() / "in.pcap", fs::perms::none);
  refused(R"({"rx_pcap": "in.pcap"})", R"(rx_pcap: "in.pcap" cannot be read)");
}

TEST_F(ScenarioTest, RefusesBadHostSettings) {
  refused(R"({"host": {}})", R"(host: only allowed with "lossless": false)");
  refused(R"({"lossless": true, "host": {"rx_budget": 1}})", "host: only allowed");
  refused(R"({"lossless": false, "host": {"poll_interval_ns": 0}})",
          "host.poll_interval_ns: 0 is not above 0");
  refused(R"({"lossless": false, "host": {"repost_delay_ns": -1}})",
          "host.repost_delay_ns: -1 is negative");
  refused(R"({"lossless": false, "host": {"rx_budget": -1}})", "host.rx_budget: -1 is outside");
  refused(R"({"lossless": false, "host": {"rx_budget": 1.5}})",
          "host.rx_budget: 1.5 is not an integer");
  refused(R"({"lossless": false, "host": []})", "host: [] is not an object");
  Scenario s = parse(R"({"lossless": false,
                         "host": {"poll_interval_ns": 250.5, "repost_delay_ns": 2000, "rx_budget": 8}})");
  EXPECT_EQ(s.host, (HostSpec{250.5, 2000, 8}));
  EXPECT_EQ(parse(R"({"lossless": false})").host, HostSpec{});
}

// The SPEC §9 example, verbatim.
const char* const kSpecExample = R"({
  "version": 1,
  "port_gbps": 10,
  "default_queue": true,
  "max_frame": 1518,
  "min_frame": 60,
  "tpid": "0x8100",
  "loopback": false,
  "lossless": true,
  "filters": [
    {"type": "mac",          "mac": "02:00:00:00:00:01", "queues": [1]},
    {"type": "mac_vlan",     "mac": "02:00:00:00:00:02", "vid": 10, "queues": [2]},
    {"type": "mac_untagged", "mac": "02:00:00:00:00:03", "queues": [3]},
    {"type": "vlan",         "vid": 20, "queues": [4, 5]}
  ],
  "queues": [
    {"id": 1, "bcast": true, "mcast": false, "promisc": false,
     "strip_vlan": false, "ring_size": 256, "buffer_size": 2048,
     "spoof_mac": "02:00:00:00:00:01", "port_vid": 0, "weight": 0},
    {"id": 4}
  ],
  "rx_pcap": "wire_in.pcap",
  "tx": [{"queue": 1, "pcap": "vm1_out.pcap"}]
})";

TEST_F(ScenarioTest, AcceptsSpecExampleWithSpecDefaults) {
  write_file(dir.path() / "scn.json", kSpecExample);
  write_file(dir.path() / "wire_in.pcap", "");
  write_file(dir.path() / "vm1_out.pcap", "");
  Scenario s = load_scenario(dir.path() / "scn.json", Limits{});

  EXPECT_EQ(s.version, 1);
  EXPECT_EQ(s.port_gbps, 10);
  EXPECT_TRUE(s.default_queue);
  EXPECT_EQ(s.max_frame, 1518u);
  EXPECT_EQ(s.min_frame, 60u);
  EXPECT_EQ(s.tpid, 0x8100);
  EXPECT_FALSE(s.loopback);
  EXPECT_TRUE(s.lossless);
  EXPECT_EQ(s.host, HostSpec{});

  ASSERT_EQ(s.filters.size(), 4u);
  EXPECT_EQ(s.filters[0], (FilterSpec{FilterType::Mac, 0x020000000001, 0, {1}, 0x2}));
  EXPECT_EQ(s.filters[1], (FilterSpec{FilterType::MacVlan, 0x020000000002, 10, {2}, 0x4}));
  EXPECT_EQ(s.filters[2], (FilterSpec{FilterType::MacUntagged, 0x020000000003, 0, {3}, 0x8}));
  EXPECT_EQ(s.filters[3], (FilterSpec{FilterType::Vlan, 0, 20, {4, 5}, 0x30}));

  std::vector<unsigned> ids;
  for (const auto& [id, q] : s.queues) {
    ids.push_back(id);
    EXPECT_EQ(q.id, id);
  }
  EXPECT_EQ(ids, (std::vector<unsigned>{0, 1, 2, 3, 4, 5}));
  QueueSpec defaults;
  defaults.id = 4;
  EXPECT_EQ(s.queues.at(4), defaults);  // exactly the SPEC defaults
  EXPECT_FALSE(s.queues.at(4).bcast || s.queues.at(4).mcast || s.queues.at(4).promisc ||
               s.queues.at(4).strip_vlan);
  EXPECT_EQ(s.queues.at(4).ring_size, 256u);
  EXPECT_EQ(s.queues.at(4).buffer_size, 2048u);
  EXPECT_FALSE(s.queues.at(4).spoof_mac);
  EXPECT_EQ(s.queues.at(4).port_vid, 0);
  EXPECT_EQ(s.queues.at(4).weight, 0u);
  for (unsigned id : {0u, 2u, 3u, 5u}) {
    defaults.id = id;
    EXPECT_EQ(s.queues.at(id), defaults) << id;
  }
  const QueueSpec& q1 = s.queues.at(1);
  EXPECT_TRUE(q1.bcast);
  EXPECT_EQ(q1.spoof_mac, 0x020000000001u);

  ASSERT_TRUE(s.rx_pcap);
  EXPECT_TRUE(s.rx_pcap->is_absolute());
  EXPECT_TRUE(fs::equivalent(*s.rx_pcap, dir.path() / "wire_in.pcap"));
  ASSERT_EQ(s.tx.size(), 1u);
  EXPECT_EQ(s.tx[0].queue, 1u);
  EXPECT_TRUE(fs::equivalent(s.tx[0].pcap, dir.path() / "vm1_out.pcap"));
}

TEST_F(ScenarioTest, EmptyScenarioIsAllDefaults) {
  Scenario s = parse("{}");
  Scenario want;
  want.queues[0].id = 0;  // default_queue enables queue 0
  EXPECT_EQ(s, want);
}

TEST_F(ScenarioTest, DefaultQueueOffLeavesQueue0Disabled) {
  EXPECT_TRUE(parse(R"({"default_queue": false})").queues.empty());
  EXPECT_TRUE(parse(R"({"default_queue": false, "queues": [{"id": 0, "promisc": true}]})")
                  .queues.at(0)
                  .promisc);
  EXPECT_EQ(parse(R"({"default_queue": false,
                      "filters": [{"type": "vlan", "vid": 9, "queues": [0]}]})")
                .queues.size(),
            1u);
  // Listing queue 0 with default_queue on sets its flags.
  EXPECT_TRUE(parse(R"({"queues": [{"id": 0, "mcast": true}]})").queues.at(0).mcast);
}

TEST_F(ScenarioTest, ParsesValuesAndSpellings) {
  Scenario s = parse(R"({"tpid": "0x88A8", "port_gbps": 25.5, "max_frame": 9216,
    "filters": [{"type": "mac", "mac": "0A:bC:De:f0:12:34", "queues": [63]}],
    "queues": [{"id": 2, "ring_size": 4096, "buffer_size": 16384, "port_vid": 4094,
                "weight": 65535, "strip_vlan": true, "spoof_mac": "FE:00:00:00:00:01"}]})",
                     Limits{.num_queues = 64});
  EXPECT_EQ(s.tpid, 0x88a8);
  EXPECT_EQ(s.port_gbps, 25.5);
  EXPECT_EQ(s.filters[0].mac, 0x0abcdef01234u);
  EXPECT_EQ(s.filters[0].qmask, uint64_t{1} << 63);
  EXPECT_EQ(s.queues.at(2).spoof_mac, 0xfe0000000001u);
  EXPECT_EQ(s.queues.at(2).port_vid, 4094);
  EXPECT_EQ(parse(R"({"tpid": 34984})").tpid, 0x88a8);
  EXPECT_EQ(parse(R"({"min_frame": 18})").min_frame, 18u);
  EXPECT_EQ(format_mac(0x0abcdef01234), "0a:bc:de:f0:12:34");
  EXPECT_EQ(to_string(FilterType::MacUntagged), "mac_untagged");
}

TEST_F(ScenarioTest, CanonicalJsonRoundTrips) {
  write_file(dir.path() / "wire_in.pcap", "");
  write_file(dir.path() / "vm1_out.pcap", "");
  Scenario s = parse(kSpecExample);
  json c = scenario_to_json(s);
  EXPECT_EQ(c["tpid"], "0x8100");
  EXPECT_EQ(c["queues"].size(), 6u);  // implicitly enabled queues listed too
  EXPECT_EQ(c["queues"][4], json::parse(R"({"id": 4, "bcast": false, "mcast": false,
      "promisc": false, "strip_vlan": false, "ring_size": 256, "buffer_size": 2048,
      "port_vid": 0, "weight": 0})"));
  EXPECT_FALSE(c.contains("host"));
  // Paths are absolute, so the base directory no longer matters.
  EXPECT_EQ(parse_scenario(c, "/nonexistent", Limits{}), s);

  Scenario h = parse(R"({"lossless": false, "host": {"rx_budget": 4}, "loopback": true})");
  EXPECT_EQ(parse_scenario(scenario_to_json(h), dir.path(), Limits{}), h);
}

TEST_F(ScenarioTest, RelativePathsResolveAgainstScenarioDirectory) {
  fs::create_directories(dir.path() / "sub");
  write_file(dir.path() / "sub" / "scn.json",
             R"({"rx_pcap": "in.pcap", "queues": [{"id": 1}],
                 "tx": [{"queue": 1, "pcap": "../out.pcap"}]})");
  // Run from elsewhere: the pcaps beside the scenario are meant, not the cwd's.
  struct Cwd {
    fs::path saved = fs::current_path();
    ~Cwd() { fs::current_path(saved); }
  } cwd;
  fs::current_path(dir.path());
  try {
    load_scenario("sub/scn.json", Limits{});
    ADD_FAILURE() << "sub/in.pcap does not exist; ./in.pcap must not be used";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("sub/in.pcap: No such file"), std::string::npos)
        << e.what();
  }
  write_file(dir.path() / "sub" / "in.pcap", "");
  fs::current_path(dir.path() / "sub");
  Scenario s = load_scenario("scn.json", Limits{});
  fs::current_path("/");
  ASSERT_TRUE(s.rx_pcap);
  EXPECT_TRUE(s.rx_pcap->is_absolute());
  EXPECT_TRUE(fs::equivalent(*s.rx_pcap, dir.path() / "sub" / "in.pcap"));
  EXPECT_TRUE(s.tx.at(0).pcap.is_absolute());
  EXPECT_TRUE(fs::equivalent(s.tx.at(0).pcap, dir.path() / "out.pcap"));
}

TEST_F(ScenarioTest, LoadRefusesBadJsonDuplicateKeysAndMissingFile) {
  const fs::path f = dir.path() / "s.json";
  auto load_error = [&](const std::string& text) -> std::string {
    write_file(f, text);
    try {
      load_scenario(f, Limits{});
    } catch (const ScenarioError& e) {
      return e.what();
    }
    return "(accepted)";
  };
  std::string msg = load_error("{\n  \"version\": 1,\n  \"loopback\": tru,\n  \"lossless\": true\n}");
  EXPECT_NE(msg.find(f.string() + ": invalid JSON: parse error at line 3, column"),
            std::string::npos)
      << msg;
  EXPECT_EQ(msg.find("[json.exception"), std::string::npos) << msg;
  EXPECT_EQ(load_error(R"({"version": 1, "version": 1})"),
            f.string() + R"(: key "version" appears twice at top level)");
  EXPECT_EQ(load_error(R"({"queues": [{"id": 1}, {"id": 2, "bcast": true, "bcast": false}]})"),
            f.string() + R"(: key "bcast" appears twice in queues[1])");
  EXPECT_EQ(load_error(R"({"filters": [{"type": "vlan", "vid": 1, "queues": [[1], 2]},
                                        {"type": "vlan", "type": "vlan"}]})"),
            f.string() + R"(: key "type" appears twice in filters[1])");
  EXPECT_EQ(load_error(R"({"max_frame": 20000})"),
            f.string() + ": max_frame: 20000 is outside 64..9216 (MaxFrameBytes of the core is 9216)");
  // Same key in different objects is fine.
  EXPECT_EQ(load_error(R"({"queues": [{"id": 1}, {"id": 2}]})"), "(accepted)");

  EXPECT_THROW(load_scenario(dir.path() / "missing.json", Limits{}), ScenarioError);
  EXPECT_THROW(load_scenario(dir.path(), Limits{}), ScenarioError);
}

// --------------------------------------------------------------------- pcap

std::vector<uint8_t> pattern(size_t len, uint32_t seed) {
  std::vector<uint8_t> v(len);
  for (auto& b : v) {
    seed = seed * 1664525u + 1013904223u;
    b = static_cast<uint8_t>(seed >> 24);
  }
  return v;
}

// Writes records with libpcap directly, to build inputs PcapWriter would not.
void write_raw(const fs::path& p, int dlt, int snaplen,
               const std::vector<std::pair<pcap_pkthdr, std::vector<uint8_t>>>& recs) {
  pcap_t* dead = pcap_open_dead(dlt, snaplen);
  pcap_dumper_t* d = pcap_dump_open(dead, p.c_str());
  ASSERT_NE(d, nullptr) << pcap_geterr(dead);
  for (const auto& [hdr, data] : recs) pcap_dump(reinterpret_cast<u_char*>(d), &hdr, data.data());
  pcap_dump_close(d);
  pcap_close(dead);
}

pcap_pkthdr header(uint32_t caplen, uint32_t len, long sec = 0, long usec = 0) {
  pcap_pkthdr h{};
  h.ts.tv_sec = sec;
  h.ts.tv_usec = usec;
  h.caplen = caplen;
  h.len = len;
  return h;
}

std::string pcap_error(const fs::path& p) {
  try {
    read_pcap(p);
  } catch (const PcapError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(Pcap, WriteReadRoundTrip) {
  TempDir dir;
  const fs::path p = dir.path() / "rt.pcap";
  std::vector<PcapFrame> want;
  for (size_t len = 14; len <= 9216; len += len < 300 ? 1 : 37) {
    PcapFrame f;
    f.data = pattern(len, static_cast<uint32_t>(len));
    // Sub-microsecond digits must survive, and seconds beyond 32-bit ns.
    f.ts_ns = 1'234'567'891'234ull + len * 1'000'003ull;
    f.orig_len = static_cast<uint32_t>(len);
    want.push_back(std::move(f));
  }
  want.push_back({pattern(9216, 7), 5'000'000'001ull, 9216});
  {
    PcapWriter w(p);
    for (const auto& f : want) w.write(f.data, f.ts_ns);
    EXPECT_EQ(w.count(), want.size());
    w.close();
    EXPECT_THROW(w.write(want[0].data, 0), PcapError);
  }
  std::vector<PcapFrame> got = read_pcap(p);
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].data, want[i].data) << i;
    EXPECT_EQ(got[i].ts_ns, want[i].ts_ns) << i;
    EXPECT_EQ(got[i].orig_len, want[i].orig_len) << i;
  }
}

TEST(Pcap, EmptyWriterGivesReadableEmptyFile) {
  TempDir dir;
  { PcapWriter w(dir.path() / "e.pcap"); }  // destructor closes
  EXPECT_TRUE(read_pcap(dir.path() / "e.pcap").empty());
}

TEST(Pcap, WriterMovesAndRefusesOversizeFrames) {
  TempDir dir;
  PcapWriter a(dir.path() / "m.pcap");
  a.write(pattern(60, 1), 1);
  PcapWriter b(std::move(a));
  b.write(pattern(60, 2), 2);
  EXPECT_EQ(b.count(), 2u);
  EXPECT_THROW(b.write(std::vector<uint8_t>(65536), 3), PcapError);
  b.close();
  EXPECT_EQ(read_pcap(dir.path() / "m.pcap").size(), 2u);
}

TEST(Pcap, MicrosecondFilesScaleToNanoseconds) {
  TempDir dir;
  const fs::path p = dir.path() / "us.pcap";
  write_raw(p, DLT_EN10MB, 65535, {{header(60, 60, 3, 250), pattern(60, 1)}});
  auto got = read_pcap(p);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].ts_ns, 3'000'250'000ull);
}

// Wireshark saves pcapng by default; libpcap reads it through the same call.
TEST(Pcap, ReadsPcapng) {
  TempDir dir;
  const fs::path p = dir.path() / "f.pcapng";
  std::vector<uint32_t> w;
  w.insert(w.end(), {0x0A0D0D0A, 28, 0x1A2B3C4D, 0x00000001, 0xffffffff, 0xffffffff, 28});
  w.insert(w.end(), {1, 20, 1 /* LINKTYPE_ETHERNET, reserved 0 */, 65535, 20});
  const std::vector<uint8_t> frame = pattern(62, 9);  // padded to 64 in the block
  const uint64_t ts_us = 1'500'000;                   // default resolution: µs
  w.insert(w.end(), {6, 96, 0, uint32_t(ts_us >> 32), uint32_t(ts_us), 62, 62});
  std::vector<uint8_t> bytes(reinterpret_cast<uint8_t*>(w.data()),
                             reinterpret_cast<uint8_t*>(w.data() + w.size()));
  bytes.insert(bytes.end(), frame.begin(), frame.end());
  bytes.insert(bytes.end(), {0, 0});
  const uint32_t trailer = 96;
  bytes.insert(bytes.end(), reinterpret_cast<const uint8_t*>(&trailer),
               reinterpret_cast<const uint8_t*>(&trailer) + 4);
  std::ofstream(p, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                           static_cast<std::streamsize>(bytes.size()));
  auto got = read_pcap(p);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].data, frame);
  EXPECT_EQ(got[0].ts_ns, 1'500'000'000ull);
}

TEST(Pcap, RefusesNonEthernetLinkType) {
  TempDir dir;
  const fs::path p = dir.path() / "raw.pcap";
  write_raw(p, DLT_RAW, 65535, {{header(40, 40), pattern(40, 1)}});
  std::string msg = pcap_error(p);
  EXPECT_NE(msg.find(p.string()), std::string::npos) << msg;
  EXPECT_NE(msg.find("link type"), std::string::npos) << msg;
  EXPECT_NE(msg.find("RAW"), std::string::npos) << msg;
}

TEST(Pcap, RefusesTruncatedCapture) {
  TempDir dir;
  const fs::path p = dir.path() / "snap.pcap";
  write_raw(p, DLT_EN10MB, 65535,
            {{header(60, 60), pattern(60, 1)}, {header(64, 1514), pattern(64, 2)}});
  std::string msg = pcap_error(p);
  EXPECT_NE(msg.find(p.string() + ": record 1 (from 0): truncated capture (64 of 1514 bytes)"),
            std::string::npos)
      << msg;
}

TEST(Pcap, RefusesFileCutMidRecord) {
  TempDir dir;
  const fs::path p = dir.path() / "cut.pcap";
  {
    PcapWriter w(p);
    w.write(pattern(100, 1), 0);
    w.write(pattern(100, 2), 0);
    w.close();
  }
  fs::resize_file(p, fs::file_size(p) - 10);
  std::string msg = pcap_error(p);
  EXPECT_NE(msg.find(p.string() + ": record 1"), std::string::npos) << msg;
}

TEST(Pcap, RefusesFramesOver65535Bytes) {
  TempDir dir;
  const fs::path p = dir.path() / "big.pcap";
  write_raw(p, DLT_EN10MB, 262144, {{header(70000, 70000), pattern(70000, 1)}});
  std::string msg = pcap_error(p);
  EXPECT_NE(msg.find("record 0 (from 0): frame of 70000 bytes is longer than 65535"),
            std::string::npos)
      << msg;
}

TEST(Pcap, RefusesMissingAndNonPcapFiles) {
  TempDir dir;
  std::string msg = pcap_error(dir.path() / "missing.pcap");
  EXPECT_NE(msg.find((dir.path() / "missing.pcap").string()), std::string::npos) << msg;
  write_file(dir.path() / "text.pcap", "this is not a capture file at all");
  EXPECT_NE(pcap_error(dir.path() / "text.pcap"), "(accepted)");
  write_file(dir.path() / "empty.pcap", "");
  EXPECT_NE(pcap_error(dir.path() / "empty.pcap"), "(accepted)");
}

TEST(Pcap, WriterReportsOpenAndWriteErrors) {
  TempDir dir;
  const fs::path bad = dir.path() / "no" / "such" / "dir.pcap";
  try {
    PcapWriter w(bad);
    ADD_FAILURE() << "opened " << bad;
  } catch (const PcapError& e) {
    EXPECT_NE(std::string(e.what()).find(bad.string()), std::string::npos) << e.what();
  }
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  // Buffered writes fail at the latest when close() flushes.
  try {
    PcapWriter w("/dev/full");
    for (int i = 0; i < 100; ++i) w.write(pattern(1500, i), 0);
    w.close();
    ADD_FAILURE() << "no error writing to /dev/full";
  } catch (const PcapError& e) {
    EXPECT_NE(std::string(e.what()).find("/dev/full: write error"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace vmq::sim
