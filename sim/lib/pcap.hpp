// libpcap file I/O for vmq-sim (SPEC §9: inputs and outputs are standard
// libpcap files that Wireshark and tshark read). Reading accepts pcap and
// pcapng with Ethernet link type; writing produces nanosecond pcap files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <vector>

struct pcap;         // libpcap's pcap_t, kept out of users' includes
struct pcap_dumper;  // libpcap's pcap_dumper_t

namespace vmq::sim {

struct PcapError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct PcapFrame {
  std::vector<uint8_t> data;
  uint64_t ts_ns = 0;     // microsecond files are scaled to ns
  uint32_t orig_len = 0;  // always == data.size(): truncated records are refused
};

// Whole file into memory. Refuses (PcapError naming the file): a file libpcap
// cannot open, a link type other than Ethernet (DLT_EN10MB), a record captured
// shorter than the frame was (caplen < len), a frame over 65535 bytes, and a
// file cut off mid-record.
std::vector<PcapFrame> read_pcap(const std::filesystem::path& p);

// Ethernet, snaplen 65535, nanosecond timestamps. Creates or truncates the
// file. Call close() to learn about write errors; the destructor closes
// silently.
class PcapWriter {
 public:
  explicit PcapWriter(const std::filesystem::path& p);
  PcapWriter(PcapWriter&& o) noexcept;
  PcapWriter& operator=(PcapWriter&& o) noexcept;
  PcapWriter(const PcapWriter&) = delete;
  PcapWriter& operator=(const PcapWriter&) = delete;
  ~PcapWriter();

  void write(std::span<const uint8_t> frame, uint64_t ts_ns);  // <= 65535 B
  void close();
  size_t count() const { return count_; }  // frames written so far

 private:
  void release() noexcept;
  std::filesystem::path path_;
  struct pcap* dead_ = nullptr;
  struct pcap_dumper* dumper_ = nullptr;
  size_t count_ = 0;
};

}  // namespace vmq::sim
