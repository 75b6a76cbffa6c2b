// vmq::open(uri) and the backend registry (sw/include/vmq/open.hpp), without
// a card: URIs refused with the reason, the pci: and vfio: schemes reaching
// their backends' own checks, a scheme registered from outside the driver
// library, NoDma. The sim: scheme is tested with the simulated core in
// sim/tests/driver_test.cpp (Driver.OpenByUri).
#include <gtest/gtest.h>

#include <string>
#include <vmq/error.hpp>
#include <vmq/open.hpp>

namespace {

using vmq::Errc;

// The Error a call throws (fails the test if it throws none).
template <class F>
vmq::Error error_of(F f) {
  try {
    f();
  } catch (const vmq::Error& e) {
    return e;
  }
  ADD_FAILURE() << "no vmq::Error thrown";
  return vmq::Error(Errc::DeviceError, "");
}

TEST(Open, RefusesUrisWithoutAKnownScheme) {
  for (const std::string uri : {"", "0000:01:00.0", ":0000:01:00.0", "pcie:0000:01:00.0"}) {
    const vmq::Error e = error_of([&] { vmq::open(uri); });
    EXPECT_EQ(e.code(), Errc::InvalidArgument) << uri;
    const std::string m = e.what();
    EXPECT_NE(m.find("\"" + uri + "\""), std::string::npos) << m;  // names the URI
    EXPECT_NE(m.find("pci:"), std::string::npos) << m;           // and what is known
    EXPECT_NE(m.find("vfio:"), std::string::npos) << m;
  }
}

TEST(Open, PciAndVfioReachTheirBackends) {
  // bad address: the backend's syntax check
  EXPECT_EQ(error_of([] { vmq::open("pci:zz"); }).code(), Errc::InvalidArgument);
  EXPECT_EQ(error_of([] { vmq::open("vfio:01:00"); }).code(), Errc::InvalidArgument);
  // well-formed but absent (no such bus on any machine this runs on)
  const vmq::Error e = error_of([] { vmq::open("pci:0000:fe:1f.7", {.need_dma = false}); });
  EXPECT_EQ(e.code(), Errc::NoDevice) << e.what();
  EXPECT_NE(std::string(e.what()).find("0000:fe:1f.7"), std::string::npos) << e.what();
}

class FakeIo final : public vmq::RegIo {
 public:
  uint32_t read32(uint32_t off) override { return off ^ 0x5a5a5a5au; }
  void write32(uint32_t, uint32_t) override {}
  uint64_t now_ns() override { return 0; }
  void delay_ns(uint64_t) override {}
  std::string describe() const override { return "fake"; }
};

class FakeBackend final : public vmq::OpenedBackend {
 public:
  explicit FakeBackend(std::string rest) : rest(std::move(rest)) {}
  vmq::RegIo& regs() override { return io; }
  vmq::DmaAllocator& dma() override { return dma_; }
  std::string rest;
  FakeIo io;
  vmq::NoDma dma_;
};

TEST(Open, RegisteredSchemes) {
  vmq::register_backend("fake", "fake:WHAT  a test backend",
                        [](const std::string& rest, const vmq::OpenOptions&) {
                          return std::make_unique<FakeBackend>(rest);
                        });
  auto b = vmq::open("fake:a:b");
  EXPECT_EQ(b->uri(), "fake:a:b");
  EXPECT_EQ(dynamic_cast<FakeBackend&>(*b).rest, "a:b");  // everything after the first colon
  EXPECT_EQ(b->regs().read32(4), 4u ^ 0x5a5a5a5au);
  EXPECT_NE(vmq::backends_help().find("fake:WHAT  a test backend"), std::string::npos);
  EXPECT_NE(vmq::backends_help().find("pci:BDF"), std::string::npos);
  // the unknown-scheme message now lists it too
  EXPECT_NE(std::string(error_of([] { vmq::open("nope:x"); }).what()).find("fake:"), std::string::npos);
  // a scheme with a colon, or none, is refused
  EXPECT_EQ(error_of([] { vmq::register_backend("a:b", "", {}); }).code(), Errc::InvalidArgument);
  EXPECT_EQ(error_of([] { vmq::register_backend("", "", {}); }).code(), Errc::InvalidArgument);
}

TEST(Open, NoDmaRefusesWithTheReason) {
  vmq::NoDma d;
  const vmq::Error e = error_of([&] { d.alloc(4096, 64); });
  EXPECT_EQ(e.code(), Errc::Unsupported);
  EXPECT_NE(std::string(e.what()).find("register access only"), std::string::npos) << e.what();
}

}  // namespace
