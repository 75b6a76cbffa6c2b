#include "pcap.hpp"

#include <pcap/pcap.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

namespace vmq::sim {
namespace {

constexpr uint32_t kMaxFrame = 65535;  // vmq-sim's limit; far above MaxFrameBytes
constexpr uint64_t kNsPerSec = 1'000'000'000;

std::string link_name(int dlt) {
  const char* n = pcap_datalink_val_to_name(dlt);
  return std::to_string(dlt) + (n ? " (" + std::string(n) + ")" : "");
}

}  // namespace

std::vector<PcapFrame> read_pcap(const std::filesystem::path& p) {
  const std::string name = p.string();
  char err[PCAP_ERRBUF_SIZE] = {};
  // Asking for nanoseconds makes libpcap scale microsecond files for us.
  std::unique_ptr<pcap_t, decltype(&pcap_close)> h(
      pcap_open_offline_with_tstamp_precision(p.c_str(),
                                              PCAP_TSTAMP_PRECISION_NANO, err),
      &pcap_close);
  if (!h) {
    // libpcap names the file itself in some messages, not in others.
    std::string e = err;
    throw PcapError("pcap " + (e.starts_with(name) ? e : name + ": " + e));
  }
  if (int dlt = pcap_datalink(h.get()); dlt != DLT_EN10MB)
    throw PcapError("pcap " + name + ": link type " + link_name(dlt) +
                    " is not Ethernet (EN10MB)");

  std::vector<PcapFrame> frames;
  for (;;) {
    pcap_pkthdr* hdr = nullptr;
    const u_char* data = nullptr;
    int rc = pcap_next_ex(h.get(), &hdr, &data);
    if (rc == PCAP_ERROR_BREAK) break;  // end of file
    auto rec = [&] {
      return "pcap " + name + ": record " + std::to_string(frames.size()) +
             " (from 0)";
    };
    if (rc != 1) throw PcapError(rec() + ": " + pcap_geterr(h.get()));
    if (hdr->len > kMaxFrame)
      throw PcapError(rec() + ": frame of " + std::to_string(hdr->len) +
                      " bytes is longer than " + std::to_string(kMaxFrame));
    // A frame cut by the capture's snaplen is not the frame that was on the
    // wire; replaying it would test something else.
    if (hdr->caplen < hdr->len)
      throw PcapError(rec() + ": truncated capture (" + std::to_string(hdr->caplen) +
                      " of " + std::to_string(hdr->len) + " bytes)");
    PcapFrame f;
    f.data.assign(data, data + hdr->caplen);
    f.ts_ns = static_cast<uint64_t>(hdr->ts.tv_sec) * kNsPerSec +
              static_cast<uint64_t>(hdr->ts.tv_usec);
    f.orig_len = hdr->len;
    frames.push_back(std::move(f));
  }
  return frames;
}

PcapWriter::PcapWriter(const std::filesystem::path& p) : path_(p) {
  dead_ = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, kMaxFrame,
                                               PCAP_TSTAMP_PRECISION_NANO);
  if (!dead_) throw PcapError("pcap " + p.string() + ": out of memory");
  dumper_ = pcap_dump_open(dead_, p.c_str());
  if (!dumper_) {
    std::string msg = "pcap " + p.string() + ": " + pcap_geterr(dead_);
    release();
    throw PcapError(msg);
  }
}

PcapWriter::PcapWriter(PcapWriter&& o) noexcept
    : path_(std::move(o.path_)),
      dead_(std::exchange(o.dead_, nullptr)),
      dumper_(std::exchange(o.dumper_, nullptr)),
      count_(o.count_) {}

PcapWriter& PcapWriter::operator=(PcapWriter&& o) noexcept {
  if (this != &o) {
    release();
    path_ = std::move(o.path_);
    dead_ = std::exchange(o.dead_, nullptr);
    dumper_ = std::exchange(o.dumper_, nullptr);
    count_ = o.count_;
  }
  return *this;
}

PcapWriter::~PcapWriter() { release(); }

void PcapWriter::release() noexcept {
  if (dumper_) pcap_dump_close(dumper_);
  if (dead_) pcap_close(dead_);
  dumper_ = nullptr;
  dead_ = nullptr;
}

void PcapWriter::write(std::span<const uint8_t> frame, uint64_t ts_ns) {
  if (!dumper_) throw PcapError("pcap " + path_.string() + ": write after close");
  if (frame.size() > kMaxFrame)
    throw PcapError("pcap " + path_.string() + ": frame of " +
                    std::to_string(frame.size()) + " bytes is longer than " +
                    std::to_string(kMaxFrame));
  pcap_pkthdr hdr{};
  hdr.ts.tv_sec = static_cast<time_t>(ts_ns / kNsPerSec);
  hdr.ts.tv_usec = static_cast<suseconds_t>(ts_ns % kNsPerSec);  // ns: nano file
  hdr.caplen = hdr.len = static_cast<uint32_t>(frame.size());
  pcap_dump(reinterpret_cast<u_char*>(dumper_), &hdr, frame.data());
  // pcap_dump() reports nothing; the stream's error flag does.
  if (std::ferror(pcap_dump_file(dumper_)))
    throw PcapError("pcap " + path_.string() + ": write error: " +
                    std::strerror(errno));
  ++count_;
}

void PcapWriter::close() {
  if (!dumper_) return;
  bool failed = pcap_dump_flush(dumper_) != 0 || std::ferror(pcap_dump_file(dumper_));
  int e = errno;
  release();
  if (failed)
    throw PcapError("pcap " + path_.string() + ": write error: " + std::strerror(e));
}

}  // namespace vmq::sim
