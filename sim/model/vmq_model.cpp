// vmq reference model: see vmq_model.hpp. Each rule cites SPEC §3 or §5.
#include "vmq_model.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace vmq::model {

const char* to_string(FilterType t) {
  switch (t) {
    case FilterType::Mac:
      return "mac";
    case FilterType::MacVlan:
      return "mac_vlan";
    case FilterType::MacUntagged:
      return "mac_untagged";
    case FilterType::Vlan:
      return "vlan";
  }
  return "?";
}

const char* to_string(Drop d) {
  switch (d) {
    case Drop::None:
      return "none";
    case Drop::Err:
      return "rx_err_drops";
    case Drop::Runt:
      return "rx_runt_drops";
    case Drop::Oversize:
      return "rx_oversize_drops";
    case Drop::Unmatched:
      return "rx_unmatched_drops";
    case Drop::Buffer:
      return "rx_buffer_drops";
  }
  return "?";
}

std::string mac_to_string(MacAddr m) {
  char b[18];
  std::snprintf(b, sizeof b, "%02x:%02x:%02x:%02x:%02x:%02x", unsigned(m >> 40) & 0xff,
                unsigned(m >> 32) & 0xff, unsigned(m >> 24) & 0xff, unsigned(m >> 16) & 0xff,
                unsigned(m >> 8) & 0xff, unsigned(m) & 0xff);
  return b;
}

static MacAddr get_mac(const std::vector<uint8_t>& f, size_t off) {
  MacAddr m = 0;
  for (size_t i = 0; i < 6; ++i) m = (m << 8) | (off + i < f.size() ? f[off + i] : 0);
  return m;
}

static uint16_t get16(const std::vector<uint8_t>& f, size_t off) {
  if (off + 1 >= f.size()) return 0;
  return uint16_t((f[off] << 8) | f[off + 1]);
}

L2Header parse(const std::vector<uint8_t>& frame, uint16_t tpid) {
  L2Header h;
  h.da = get_mac(frame, 0);                                   // bytes 0-5
  h.sa = get_mac(frame, 6);                                   // bytes 6-11
  h.tagged = frame.size() >= 14 && get16(frame, 12) == tpid;  // outermost tag only
  h.tci = h.tagged ? get16(frame, 14) : 0;
  return h;
}

bool filter_matches(const Filter& f, const L2Header& h) {
  if (!f.valid) return false;
  switch (f.type) {
    case FilterType::Mac:
      return h.da == f.mac;  // tag ignored
    case FilterType::MacVlan:
      return h.da == f.mac && h.vlan_tagged() && h.vid() == f.vid;
    case FilterType::MacUntagged:
      return h.da == f.mac && !h.vlan_tagged();  // untagged or VID 0
    case FilterType::Vlan:
      return h.vlan_tagged() && h.vid() == f.vid;
  }
  return false;
}

static bool is_bcast(MacAddr da) { return da == kBroadcast; }
static bool is_mcast(MacAddr da) { return !is_bcast(da) && (da >> 40) & 1; }  // I/G bit

uint64_t queue_mask(const RxConfig& cfg, const L2Header& h, bool* mac_hit) {
  // SPEC §3 steps 1-4.
  uint64_t m = 0;
  bool hit = false;
  for (const Filter& f : cfg.filters)
    if (filter_matches(f, h)) {  // 1
      m |= f.qmask;
      hit |= f.type != FilterType::Vlan;
    }
  if (is_bcast(h.da))
    m |= cfg.bcast;  // 2
  else if (is_mcast(h.da))
    m |= cfg.mcast;
  m |= cfg.promisc;                     // 3
  m &= cfg.enabled & cfg.queue_bits();  // 4
  if (mac_hit) *mac_hit = hit;
  return m;
}

RxDecision classify(const RxConfig& cfg, const RxFrame& frame) {
  RxDecision d;
  d.len = uint16_t(std::min<size_t>(frame.data.size(), 65535));
  const L2Header h = parse(frame.data, cfg.tpid);
  d.tagged = h.tagged;
  d.tci = h.tci;
  d.bcast = is_bcast(h.da);
  d.mcast = is_mcast(h.da);

  // Queue mask, SPEC §3 steps 1-5.
  uint64_t m = queue_mask(cfg, h);  // 1-4
  bool unmatched = false;
  if (m == 0) {  // 5
    // The default queue takes the frame only while it is itself enabled.
    if (cfg.default_queue && (cfg.enabled & 1))
      m = 1;
    else
      unmatched = true;
  }

  // Admission: the first reason that applies.
  const unsigned min_frame = std::max<unsigned>(cfg.min_frame, kMinFrameFloor);
  const unsigned max_frame = std::min<unsigned>(cfg.max_frame, cfg.max_frame_bytes);
  if (frame.err)
    d.drop = Drop::Err;
  else if (d.len < min_frame)
    d.drop = Drop::Runt;
  else if (d.len > max_frame)
    d.drop = Drop::Oversize;
  else if (unmatched)
    d.drop = Drop::Unmatched;
  d.qmask = d.drop == Drop::None ? m : 0;
  return d;
}

std::string describe(const RxDecision& d) {
  char b[160];
  std::snprintf(b, sizeof b, "{qmask=0x%llx drop=%s len=%u tagged=%d tci=0x%04x bcast=%d mcast=%d}",
                (unsigned long long)d.qmask, to_string(d.drop), d.len, d.tagged, d.tci, d.bcast,
                d.mcast);
  return b;
}

std::vector<uint8_t> make_frame(MacAddr da, MacAddr sa, int vlan_tci, uint16_t ethertype,
                                size_t total_len, uint16_t tpid, uint8_t fill) {
  std::vector<uint8_t> f;
  for (int i = 5; i >= 0; --i) f.push_back(uint8_t(da >> (8 * i)));
  for (int i = 5; i >= 0; --i) f.push_back(uint8_t(sa >> (8 * i)));
  if (vlan_tci >= 0) {
    f.push_back(uint8_t(tpid >> 8));
    f.push_back(uint8_t(tpid));
    f.push_back(uint8_t(vlan_tci >> 8));
    f.push_back(uint8_t(vlan_tci));
  }
  f.push_back(uint8_t(ethertype >> 8));
  f.push_back(uint8_t(ethertype));
  size_t i = 0;
  while (f.size() < total_len) f.push_back(uint8_t(fill + i++));
  f.resize(total_len);
  return f;
}

}  // namespace vmq::model

// ---------------------------------------------------------------------------
// SPEC §3 "Delivery", §6 per-queue counters.
namespace vmq::model {

uint64_t descriptors_needed(size_t len, uint32_t buf_bytes) {
  if (buf_bytes == 0) return ~0ULL;  // 0 refuses every copy
  return (uint64_t(len) + buf_bytes - 1) / buf_bytes;
}

std::vector<uint8_t> rx_copy_bytes(const std::vector<uint8_t>& frame, const RxDecision& d,
                                   bool strip_vlan) {
  if (!(strip_vlan && d.tagged) || frame.size() < 16) return frame;
  std::vector<uint8_t> c(frame.begin(), frame.begin() + 12);  // DA, SA
  c.insert(c.end(), frame.begin() + 16, frame.end());         // tag removed, no padding
  return c;
}

std::string describe(const RxWriteBack& w) {
  char b[160];
  std::snprintf(b, sizeof b,
                "{dd=%d eop=%d vp=%d bcast=%d mcast=%d len=%u tci=0x%04x frame_len=%u}", w.dd,
                w.eop, w.vp, w.bcast, w.mcast, w.len, w.tci, w.frame_len);
  return b;
}

std::vector<RxWriteBack> rx_write_backs(const RxDecision& d, bool stripped, size_t copy_len,
                                        uint32_t buf_bytes) {
  std::vector<RxWriteBack> v;
  const uint64_t n = descriptors_needed(copy_len, buf_bytes);
  if (n == ~0ULL) return v;
  size_t left = copy_len;
  for (uint64_t i = 0; i < n; ++i) {
    RxWriteBack w;
    w.eop = i + 1 == n;
    w.vp = stripped;
    w.tci = stripped ? d.tci : 0;
    w.bcast = d.bcast;
    w.mcast = d.mcast;
    w.len = uint16_t(std::min<size_t>(left, buf_bytes));
    w.frame_len = uint16_t(copy_len);
    left -= w.len;
    v.push_back(w);
  }
  return v;
}

RxDelivery::RxDelivery(unsigned num_queues)
    : queues(num_queues), free_(num_queues, 0), qs_(num_queues) {}

RxDelivery::Result RxDelivery::receive(const RxConfig& cfg, const RxFrame& frame) {
  const RxDecision dec = classify(cfg, frame);
  ++gs_.frames;  // every frame that arrives
  switch (dec.drop) {
    case Drop::None:
      break;
    case Drop::Err:
      ++gs_.err_drops;
      break;
    case Drop::Runt:
      ++gs_.runt_drops;
      break;
    case Drop::Oversize:
      ++gs_.oversize_drops;
      break;
    case Drop::Unmatched:
      ++gs_.unmatched_drops;
      break;
    case Drop::Buffer:
      ++gs_.buffer_drops;
      break;
  }
  return deliver(dec, frame.data);  // nothing when dropped: qmask is 0
}

RxDelivery::Result RxDelivery::deliver(const RxDecision& d, const std::vector<uint8_t>& data) {
  Result r;
  r.dec = d;
  for (unsigned q = 0; q < num_queues(); ++q) {
    if (!((r.dec.qmask >> q) & 1)) continue;
    const RxQueueConfig& qc = queues[q];
    const bool stripped = qc.strip_vlan && r.dec.tagged && data.size() >= 16;
    RxCopy c{q, rx_copy_bytes(data, r.dec, qc.strip_vlan), stripped, {}};
    const uint64_t need = descriptors_needed(c.bytes.size(), qc.buf_bytes);
    if (need > free_[q]) {  // the whole copy is dropped, counted once
      ++qs_[q].no_desc_drops;
      r.no_desc_mask |= 1ULL << q;
      continue;
    }
    free_[q] -= need;
    ++qs_[q].packets;
    qs_[q].bytes += c.bytes.size();
    c.wb = rx_write_backs(r.dec, stripped, c.bytes.size(), qc.buf_bytes);
    r.copies.push_back(std::move(c));
  }
  return r;
}

void RxDelivery::buffer_drop(const Result& r) {
  for (const RxCopy& c : r.copies) {
    free_[c.queue] += c.wb.size();
    --qs_[c.queue].packets;
    qs_[c.queue].bytes -= c.bytes.size();
  }
  for (unsigned q = 0; q < num_queues(); ++q)
    if ((r.no_desc_mask >> q) & 1) --qs_[q].no_desc_drops;
  ++gs_.buffer_drops;
}

}  // namespace vmq::model

// ---------------------------------------------------------------------------
// SPEC §5 "Transmit", §6 per-queue TX counters.
namespace vmq::model {

const char* to_string(TxDrop d) {
  switch (d) {
    case TxDrop::None:
      return "none";
    case TxDrop::Oversize:
      return "tx_oversize_drops";
    case TxDrop::Spoof:
      return "tx_spoof_drops";
  }
  return "?";
}

std::vector<uint8_t> tx_frame_bytes(const TxQueueConfig& qc, uint16_t tpid,
                                    const std::vector<uint8_t>& frame) {
  std::vector<uint8_t> f;
  f.reserve(std::max(frame.size() + 4, kTxPadTo));
  if (qc.port_vlan() && frame.size() >= 12) {
    f.assign(frame.begin(), frame.begin() + 12);  // DA, SA
    f.push_back(uint8_t(tpid >> 8));              // port tag: TPID, then the queue's TCI
    f.push_back(uint8_t(tpid));
    f.push_back(uint8_t(qc.port_tci >> 8));
    f.push_back(uint8_t(qc.port_tci));
    f.insert(f.end(), frame.begin() + 12, frame.end());
  } else {
    f = frame;
  }
  if (f.size() < kTxPadTo) f.resize(kTxPadTo, 0);  // padding after insertion
  return f;
}

TxResult tx_process(const TxConfig& tx, const RxConfig& rx, unsigned q,
                    const std::vector<uint8_t>& frame) {
  if (q >= kMaxQueues) throw std::out_of_range("tx_process: queue " + std::to_string(q));
  const TxQueueConfig& qc = tx.queues.at(q);
  TxResult r;
  // The port tag goes in at byte 12: a host frame of 12 bytes or fewer (the
  // driver refuses frames below 14; a hostile host may post them) has no
  // byte 12 and would leave untagged, past the queue's VLAN: it is dropped
  // as a VLAN spoof (docs/tx-dma.md "Short frames").
  const bool short_untagged = qc.port_vlan() && frame.size() <= 12;
  r.inserted = qc.port_vlan();

  // Oversize: length after insertion, before padding.
  const size_t len = frame.size() + (r.inserted ? 4 : 0);
  const unsigned max_frame = std::min<unsigned>(rx.max_frame, rx.max_frame_bytes);
  // the host's frame, before insertion; header bytes past a short frame's end
  // read as zero (the padding), as the core's header register holds them
  std::vector<uint8_t> hdr(frame.begin(), frame.begin() + std::min<size_t>(frame.size(), 16));
  hdr.resize(16, 0);
  const L2Header h = parse(hdr, rx.tpid);
  if (len > max_frame)
    r.drop = TxDrop::Oversize;
  else if ((qc.spoof_mac && h.sa != *qc.spoof_mac) ||
           (qc.vlan_spoof && qc.port_vlan() && h.tagged) || short_untagged)
    r.drop = TxDrop::Spoof;  // VID 0 priority tags are tags here too
  if (r.drop != TxDrop::None) {
    r.error = true;
    r.inserted = false;
    return r;
  }

  r.frame = tx_frame_bytes(qc, rx.tpid, frame);
  r.to_wire = true;
  if (!tx.loopback) return r;

  // Loopback: the bytes as sent, classified as the receiver would (SPEC §3
  // steps 1-4), sender removed, no default queue, no receive admission.
  const L2Header s = parse(r.frame, rx.tpid);
  bool mac_hit = false;
  const uint64_t m = queue_mask(rx, s, &mac_hit) & ~(1ULL << q);
  RxDecision& d = r.loop_dec;
  d.len = uint16_t(std::min<size_t>(r.frame.size(), 65535));
  d.tagged = s.tagged;
  d.tci = s.tci;
  d.bcast = is_bcast(s.da);
  d.mcast = is_mcast(s.da);
  d.qmask = m;
  r.loop_mask = m;
  r.local_unicast = !d.bcast && !d.mcast && mac_hit;
  r.to_wire = !(r.local_unicast && m != 0);
  return r;
}

std::string describe(const TxResult& r) {
  char b[200];
  std::snprintf(b, sizeof b,
                "{drop=%s error=%d inserted=%d len=%zu to_wire=%d loop_mask=0x%llx "
                "local_unicast=%d loop_dec=",
                to_string(r.drop), r.error, r.inserted, r.frame.size(), r.to_wire,
                (unsigned long long)r.loop_mask, r.local_unicast);
  return b + describe(r.loop_dec) + "}";
}

TxDelivery::Result TxDelivery::transmit(const TxConfig& tx, const RxConfig& rxc, RxDelivery& rx,
                                        unsigned q, const std::vector<uint8_t>& frame) {
  Result r;
  r.tx = tx_process(tx, rxc, q, frame);
  TxQueueStats& s = qs_.at(q);
  switch (r.tx.drop) {
    case TxDrop::None:
      ++s.packets;
      s.bytes += r.tx.frame.size();  // as sent: after insertion and padding
      break;
    case TxDrop::Oversize:
      ++s.oversize_drops;
      break;
    case TxDrop::Spoof:
      ++s.spoof_drops;
      break;
  }
  if (r.tx.loop_mask) r.loop = rx.deliver(r.tx.loop_dec, r.tx.frame);
  return r;
}

}  // namespace vmq::model
