// Known-answer test of the 64b/66b encoder (vmq_pcs_enc) and decoder
// (vmq_pcs_dec) against blocks worked out by hand from IEEE 802.3 clause 49
// (figure 49-7 block formats, table 49-1 control codes), through
// vmq_pcs_parts_top. A loopback through our own encoder and decoder cannot
// catch a bit-order mistake that both share; these constants can.
//
// Conventions (docs/eth-pcs.md): a block is written as its sync header
// {bit 1, bit 0} (data 2'b10 = "01" on the wire, control 2'b01 = "10") and
// its 64 payload bits, payload bit i = block bit i+2, bit 0 first on the
// wire. The block type field is payload bits 0..7 (its LSB first on the
// wire); an XGMII lane j data byte in a block sits at payload bits 8j..8j+7
// (start/ordered-set blocks) or 8+8j.. (terminate blocks: shifted by the
// type byte), a 7-bit control code of lane j at payload bits 8+7j..14+7j,
// O codes at bits 32..35 (lane 0) and 36..39 (lane 4).
//
// Part 1: one sequence of XGMII words through the encoder, each output
// compared with its constant; the same constants through the decoder, each
// output compared with the word (or /E/ where the receive state machine must
// reject it). Part 2: decoder-only sequences (invalid headers, unknown type
// fields, bad codes, T followed by a bad block, ...).
#include VMQ_MODEL_HEADER

#include <stdexcept>
#include <string>
#include <vector>

#include "pcs_common.hpp"

namespace {

using namespace vmq::tb;
using namespace vmq::pcs;

constexpr uint8_t C = kSyncCtrl;
constexpr uint8_t D = kSyncData;

// EBLOCK_T: type 0x1E and eight /E/ codes 0x1E: 0x1E | sum_j 0x1E << (8+7j)
constexpr uint64_t kEBlock = 0x3C78F1E3C78F1E1EULL;
// LBLOCK_T (the encoder's output in reset): type 0x55, D1 D2 D3 = 00 00 01
// (bits 8..31), O0 = O4 = 0 (bits 32..39), D5 D6 D7 = 00 00 01 (bits 40..63)
constexpr uint64_t kLBlock = 0x0100000001000055ULL;

struct Row {
  const char* name;
  uint64_t d;  // XGMII word into the encoder
  uint8_t c;
  uint8_t hdr;  // expected block
  uint64_t payload;
  bool enc_err;  // the encoder must send EBLOCK_T (hdr/payload are then C / kEBlock)
  bool dec_err;  // the decoder must give eight /E/ for this block
};

// clang-format off
const Row kSeq[] = {
  // idle: type 0x1E (bits 0..7); C0..C7 = /I/ 0x00 at bits 8+7j
  {"idle",        0x0707070707070707ULL, 0xFF, C, 0x000000000000001EULL, false, false},
  // 0x4B O0 D1 D2 D3 C4..C7: /Q/ 00 00 01 (local fault) + 4 idles:
  // D1=00 bits 8..15, D2=00 16..23, D3=01 24..31, O0=0 32..35, C4..C7=0 36..63
  {"os0 0x4B",    0x070707070100009CULL, 0xF1, C, 0x000000000100004BULL, false, false},
  // 0x2D C0..C3 O4 D5 D6 D7: 4 idles, /Fsig/ (0x5C -> O=0xF at bits 36..39), 00 00 02
  {"os4 0x2D",    0x0200005C07070707ULL, 0x1F, C, 0x020000F00000002DULL, false, false},
  // 0x55 O0 D1..D3 O4 D5..D7: /Fsig/ 11 22 33, /Q/ 44 55 66:
  // D1..D3 bits 8..31 = 0x332211, O0=F bits 32..35, O4=0 bits 36..39, D5..D7 bits 40..63
  {"os0os4 0x55", 0x6655449C3322115CULL, 0x11, C, 0x6655440F33221155ULL, false, false},
  // 0x78 S0 D1..D7: D1=0x11 at bits 8..15 ... D7=0x77 at 56..63
  {"start0 0x78", 0x77665544332211FBULL, 0x01, C, 0x7766554433221178ULL, false, false},
  // data block: sync 01 on the wire, lane 0 (0x78) at payload bits 0..7
  {"data",        0x0F1E2D3C4B5A6978ULL, 0x00, D, 0x0F1E2D3C4B5A6978ULL, false, false},
  // 0xFF D0..D6 T7: D0=0x80 at bits 8..15 ... D6=0x86 at 56..63
  {"term7 0xFF",  0xFD86858483828180ULL, 0x80, C, 0x86858483828180FFULL, false, false},
  // 0x1E with every other control code: lanes 07 1C 3C 7C BC DC F7 06 ->
  // codes 00 2D 33 4B 55 66 78 06 at bits 8+7j: sum = 0x0DE335596CD68000
  {"ctl codes",   0x06F7DCBC7C3C1C07ULL, 0xFF, C, 0x0DE335596CD6801EULL, false, false},
  // 0x33 C0..C3 S4 D5..D7: lanes 07 07 1C 07, /S/, A5 B6 C7: C2=0x2D at bits
  // 22..28 (0x2D<<22 = 0xB400000), bits 36..39 = 0, D5..D7 at bits 40..63
  {"start4 0x33", 0xC7B6A5FB071C0707ULL, 0x1F, C, 0xC7B6A5000B400033ULL, false, false},
  {"data2",       0x0123456789ABCDEFULL, 0x00, D, 0x0123456789ABCDEFULL, false, false},
  // 0x87 T0 C1..C7: bits 8..14 unused (0), C1..C6 idle, C7 = /R/ 0x1C -> 0x2D
  // at bits 57..63 (0x2D<<57 = 0x5A00000000000000)
  {"term0 0x87",  0x1C070707070707FDULL, 0xFF, C, 0x5A00000000000087ULL, false, false},
  // 0x66 O0 D1..D3 S4 D5..D7: /Q/ 00 00 01, /S/, 55 55 55: O0=0 bits 32..35,
  // bits 36..39 = 0, D5..D7 bits 40..63
  {"os0start4 0x66", 0x555555FB0100009CULL, 0x11, C, 0x5555550001000066ULL, false, false},
  // 0x99 D0 T1 C2..C7: D0=0xD1 at bits 8..15, bits 16..21 unused, C2..C7 idle
  {"term1 0x99",  0x070707070707FDD1ULL, 0xFE, C, 0x000000000000D199ULL, false, false},
  {"start0 b",    0xD5555555555555FBULL, 0x01, C, 0xD555555555555578ULL, false, false},
  // 0xAA D0 D1 T2 C3..C7: D0=A0 bits 8..15, D1=A1 16..23, bits 24..28 unused
  {"term2 0xAA",  0x0707070707FDA1A0ULL, 0xFC, C, 0x0000000000A1A0AAULL, false, false},
  {"start0 c",    0xEEDDCCBBAA9988FBULL, 0x01, C, 0xEEDDCCBBAA998878ULL, false, false},
  // 0xB4 D0..D2 T3 C4..C7: D0..D2 at bits 8..31, bits 32..35 unused
  {"term3 0xB4",  0x07070707FDB2B1B0ULL, 0xF8, C, 0x00000000B2B1B0B4ULL, false, false},
  {"start0 d",    0x11111111111111FBULL, 0x01, C, 0x1111111111111178ULL, false, false},
  // 0xCC D0..D3 T4 C5..C7: D0..D3 bits 8..39, bits 40..42 unused, C5 C6 idle,
  // C7 = /E/ 0x1E at bits 57..63 (0x1E<<57 = 0x3C00000000000000)
  {"term4 0xCC",  0xFE0707FDC3C2C1C0ULL, 0xF0, C, 0x3C0000C3C2C1C0CCULL, false, false},
  {"start0 e",    0x22222222222222FBULL, 0x01, C, 0x2222222222222278ULL, false, false},
  // 0xD2 D0..D4 T5 C6 C7: D0..D4 bits 8..47, bits 48..49 unused, C6 idle,
  // C7 = 0xBC -> 0x55 at bits 57..63 (0x55<<57 = 0xAA00000000000000)
  {"term5 0xD2",  0xBC07FDD4D3D2D1D0ULL, 0xE0, C, 0xAA00D4D3D2D1D0D2ULL, false, false},
  {"start0 f",    0x33333333333333FBULL, 0x01, C, 0x3333333333333378ULL, false, false},
  // 0xE1 D0..D5 T6 C7: D0..D5 bits 8..55, bit 56 unused, C7 = 0xF7 -> 0x78 at
  // bits 57..63 (0x78<<57 = 0xF000000000000000)
  {"term6 0xE1",  0xF7FDE5E4E3E2E1E0ULL, 0xC0, C, 0xF0E5E4E3E2E1E0E1ULL, false, false},
  {"idle",        0x0707070707070707ULL, 0xFF, C, 0x000000000000001EULL, false, false},
  // ---- words the encoder must turn into error blocks (T_TYPE = E, or out of order)
  // lane 3 = 0x55 flagged as control: not a control character
  {"bad char",    0x0707070755070707ULL, 0xFF, C, kEBlock, true, true},
  {"idle",        0x0707070707070707ULL, 0xFF, C, 0x000000000000001EULL, false, false},
  // data after idle (TX_C, D -> TX_E)
  {"data in C",   0x0123456789ABCDEFULL, 0x00, C, kEBlock, true, true},
  // data after an error block (TX_E, D -> TX_D): sent as data
  {"data in E",   0xFEDCBA9876543210ULL, 0x00, D, 0xFEDCBA9876543210ULL, false, false},
  {"term7 b",     0xFD66554433221100ULL, 0x80, C, 0x66554433221100FFULL, false, false},
  {"start0 g",    0x44444444444444FBULL, 0x01, C, 0x4444444444444478ULL, false, false},
  // start inside a frame (TX_D, S -> TX_E)
  {"start in D",  0x44444444444444FBULL, 0x01, C, kEBlock, true, true},
  {"data in E",   0x5555555555555555ULL, 0x00, D, 0x5555555555555555ULL, false, false},
  // idle inside a frame (TX_D, C -> TX_E)
  {"idle in D",   0x0707070707070707ULL, 0xFF, C, kEBlock, true, true},
  {"idle",        0x0707070707070707ULL, 0xFF, C, 0x000000000000001EULL, false, false},
  // terminate outside a frame (TX_C, T -> TX_E)
  {"term in C",   0x07070707FDB2B1B0ULL, 0xF8, C, kEBlock, true, true},
  // all /E/: a type 0x1E block may not carry /E/ (T_TYPE = E)
  {"all /E/",     0xFEFEFEFEFEFEFEFEULL, 0xFF, C, kEBlock, true, true},
  {"idle",        0x0707070707070707ULL, 0xFF, C, 0x000000000000001EULL, false, false},
  // /S/ in lane 2: no block format
  {"start lane2", 0x5555555555FB0707ULL, 0x07, C, kEBlock, true, true},
  {"idle",        0x0707070707070707ULL, 0xFF, C, 0x000000000000001EULL, false, false},
  {"start0 h",    0x66666666666666FBULL, 0x01, C, 0x6666666666666678ULL, false, false},
  // /T/ in lane 3 with data in lane 5 after it
  {"data after T", 0x07079907FDB2B1B0ULL, 0xD8, C, kEBlock, true, true},
  {"idle",        0x0707070707070707ULL, 0xFF, C, 0x000000000000001EULL, false, false},
  {"start0 i",    0x77777777777777FBULL, 0x01, C, 0x7777777777777778ULL, false, false},
  // /E/ in lane 3 of a data word
  {"/E/ in data", 0x01234567FEABCDEFULL, 0x08, C, kEBlock, true, true},
  // terminate after an error block (TX_E, T -> TX_T): 0x87, C1..C7 idle
  {"term0 in E",  0x07070707070707FDULL, 0xFF, C, 0x0000000000000087ULL, false, false},
  {"idle",        0x0707070707070707ULL, 0xFF, C, 0x000000000000001EULL, false, false},
  // /Q/ in lane 1: ordered sets only in lanes 0 and 4
  {"os lane1",    0x0707070700009C07ULL, 0xF3, C, kEBlock, true, true},
  {"idle",        0x0707070707070707ULL, 0xFF, C, 0x000000000000001EULL, false, false},
  // eight /LI/: code 0x06 at bits 8+7j
  {"all /LI/",    0x0606060606060606ULL, 0xFF, C, 0x0C183060C183061EULL, false, false},
  {"start0 j",    0x5A5A5A5A5A5A5AFBULL, 0x01, C, 0x5A5A5A5A5A5A5A78ULL, false, false},
  // a valid terminate followed by an invalid block: the encoder sends it (no
  // look-ahead in transmit), the decoder must not (R_TYPE_NEXT = E)
  {"term5 b",     0x0707FD5A5A5A5A5AULL, 0xE0, C, 0x00005A5A5A5A5AD2ULL, false, true},
  {"bad char",    0x0707070755070707ULL, 0xFF, C, kEBlock, true, true},
  {"idle",        0x0707070707070707ULL, 0xFF, C, 0x000000000000001EULL, false, false},
  {"idle",        0x0707070707070707ULL, 0xFF, C, 0x000000000000001EULL, false, false},
};
// clang-format on

// decoder-only: one block in, the word expected out
struct DecStep {
  uint8_t hdr;
  uint64_t payload;
  bool init;
  Xgmii want;
};
struct DecCase {
  const char* name;
  std::vector<DecStep> steps;
};

constexpr uint64_t kIdleP = 0x000000000000001EULL;
constexpr uint64_t kStart0P = 0x7766554433221178ULL;  // S0 11 22 .. 77
constexpr Xgmii kStart0W{0x77665544332211FBULL, 0x01};
constexpr uint64_t kTerm3P = 0x00000000B2B1B0B4ULL;  // B0 B1 B2 T3 idles
constexpr Xgmii kTerm3W{0x07070707FDB2B1B0ULL, 0xF8};
constexpr uint64_t kTerm2P = 0x0000000000A1A0AAULL;
constexpr Xgmii kTerm2W{0x0707070707FDA1A0ULL, 0xFC};
constexpr uint64_t kTerm7P = 0x86858483828180FFULL;
constexpr Xgmii kTerm7W{0xFD86858483828180ULL, 0x80};
constexpr uint64_t kDataP = 0x0123456789ABCDEFULL;
constexpr Xgmii kDataW{0x0123456789ABCDEFULL, 0x00};
constexpr Xgmii kE = kErrorWord;
constexpr Xgmii kI = kIdleWord;

std::vector<DecCase> dec_cases() {
  std::vector<DecCase> v;
  auto idle = DecStep{C, kIdleP, false, kI};
  auto bad = [](uint8_t h, uint64_t p) { return DecStep{h, p, false, kE}; };
  v.push_back({"sync header 00", {idle, bad(0b00, kIdleP), idle}});
  v.push_back({"sync header 11", {idle, bad(0b11, kIdleP), idle}});
  // unknown type fields, one bit away from valid ones: 0x1E^0x02, 0x78^0x01, 0xFF^0x01, 0x00
  v.push_back({"type 0x1C", {idle, bad(C, 0x000000000000001CULL), idle}});
  v.push_back({"type 0x79", {idle, bad(C, 0x7766554433221179ULL), idle}});
  v.push_back({"type 0xFE", {idle, bad(C, 0x86858483828180FEULL), idle}});
  v.push_back({"type 0x00", {idle, bad(C, 0), idle}});
  // idle block with code 0x01 (not in table 49-1) in lane 3: bits 29..35
  v.push_back({"bad 7-bit code", {idle, bad(C, kIdleP | (1ULL << 29)), idle}});
  // idle block with /E/ (0x1E) in lane 2 (bits 22..28): R_TYPE = E, all /E/ out
  v.push_back({"/E/ in 0x1E block", {idle, bad(C, kIdleP | (0x1EULL << 22)), idle}});
  // O code 0x5 in 0x4B (bits 32..35), 0x3 in 0x2D (bits 36..39), bad O4 in 0x55, O0 in 0x66
  v.push_back({"bad O code 0x4B", {idle, bad(C, 0x000000050100004BULL), idle}});
  v.push_back({"bad O code 0x2D", {idle, bad(C, 0x020000300000002DULL), idle}});
  v.push_back({"bad O4 0x55", {idle, bad(C, 0x6655443F33221155ULL), idle}});
  v.push_back({"bad O0 0x66", {idle, bad(C, 0x5555550901000066ULL), idle}});
  // terminate followed by data: T -> E (look-ahead); D after E is data again
  // (RX_E, D -> RX_D); the idle in RX_D is then out of place -> E
  v.push_back({"T then D",
               {idle,
                {C, kStart0P, false, kStart0W},
                {C, kTerm3P, false, kE},
                {D, kDataP, false, kDataW},
                {C, kIdleP, false, kE},
                idle}});
  v.push_back(
      {"T then bad header",
       {idle, {C, kStart0P, false, kStart0W}, {C, kTerm3P, false, kE}, bad(0b00, kIdleP), idle}});
  // T then T: first T -> E; second T in RX_E with an idle next -> RX_T, passes
  v.push_back({"T then T",
               {idle,
                {C, kStart0P, false, kStart0W},
                {C, kTerm3P, false, kE},
                {C, kTerm2P, false, kTerm2W},
                idle}});
  v.push_back({"D after C", {idle, {D, kDataP, false, kE}, idle}});
  v.push_back({"S in frame",
               {idle,
                {C, kStart0P, false, kStart0W},
                {C, kStart0P, false, kE},
                {D, kDataP, false, kDataW},
                {C, kTerm7P, false, kTerm7W},
                idle}});
  v.push_back({"T in C", {idle, {C, kTerm3P, false, kE}, idle}});
  // S after an error block: RX_E, S -> RX_D
  v.push_back({"S after E",
               {idle,
                {D, kDataP, false, kE},
                {C, kStart0P, false, kStart0W},
                {C, kTerm7P, false, kTerm7W},
                idle}});
  // T3 with code 0x01 for C5 (bits 43..49): not a valid terminate block
  v.push_back(
      {"T bad code",
       {idle, {C, kStart0P, false, kStart0W}, {C, kTerm3P | (1ULL << 43), false, kE}, idle}});
  // unused bits set: 0x33's bits 36..39, 0x87's bits 8..14 are ignored
  v.push_back({"unused bits",
               {idle,
                {C, 0xC7B6A5F00B400033ULL, false, {0xC7B6A5FB071C0707ULL, 0x1F}},
                {C, 0x5A00000000007F87ULL, false, {0x1C070707070707FDULL, 0xFF}},
                idle}});
  // RX_INIT while init_i (no lock / hi_ber): local fault ordered sets
  v.push_back(
      {"init",
       {{C, kIdleP, true, kLocalFaultWord}, {D, kDataP, true, kLocalFaultWord}, idle, idle}});
  return v;
}

class Bench {
 public:
  explicit Bench(const Args& args) : clk_(args, "pcs_parts") {
    auto& d = clk_.dut();
    d.enc_txd_i = kIdleWord.d;
    d.enc_txc_i = kIdleWord.c;
    d.dec_block_i = kIdleP;
    d.dec_header_i = C;
    d.dec_init_i = 0;
    d.scr_data_i = 0;
    d.scr_header_i = 0;
    d.dsc_data_i = 0;
    d.dsc_header_i = 0;
    d.lock_header_i = 0;
    d.ber_lock_i = 0;
    d.ber_sh_valid_i = 0;
  }

  void encoder() {
    auto& d = clk_.dut();
    clk_.reset();
    clk_.settle();
    // the last reset cycle registered LBLOCK_T
    check_block("LBLOCK_T in reset", -1, C, kLBlock);
    const size_t n = std::size(kSeq);
    for (size_t i = 0; i <= n; ++i) {
      const Row& r = kSeq[std::min(i, n - 1)];
      d.enc_txd_i = i < n ? r.d : kIdleWord.d;
      d.enc_txc_i = i < n ? r.c : kIdleWord.c;
      clk_.settle();
      if (i > 0) {
        const Row& p = kSeq[i - 1];
        check_block(p.name, int(i - 1), p.enc_err ? C : p.hdr, p.enc_err ? kEBlock : p.payload);
      }
      clk_.edge();
    }
    fmt::print("{}: encoder: {} known-answer blocks match\n", VMQ_TEST_NAME, n);
  }

  void decoder_seq() {
    std::vector<DecStep> steps;
    for (const Row& r : kSeq) {
      uint8_t h = r.enc_err ? C : r.hdr;
      uint64_t p = r.enc_err ? kEBlock : r.payload;
      steps.push_back({h, p, false, r.dec_err ? kErrorWord : Xgmii{r.d, r.c}});
    }
    run_dec("known-answer sequence", steps);
    fmt::print("{}: decoder: {} known-answer blocks map back\n", VMQ_TEST_NAME, steps.size());
  }

  void decoder_cases() {
    auto cases = dec_cases();
    for (const auto& c : cases) run_dec(c.name, c.steps);
    fmt::print("{}: decoder: {} receive state machine / invalid block cases pass\n", VMQ_TEST_NAME,
               cases.size());
  }

 private:
  Clocked<VMQ_MODEL> clk_;

  void check_block(const char* name, int idx, uint8_t hdr, uint64_t payload) {
    auto& d = clk_.dut();
    uint8_t h = d.enc_header_o;
    uint64_t p = d.enc_block_o;
    if (h != hdr || p != payload)
      throw std::runtime_error(fmt::format("encoder, block {} ({}), cycle {}: expected {} got {}",
                                           idx, name, clk_.cycle(), fmt_block(hdr, payload),
                                           fmt_block(h, p)));
  }

  // feeds the blocks, then idles; output for block i appears 2 cycles later
  void run_dec(const char* name, const std::vector<DecStep>& steps) {
    auto& d = clk_.dut();
    clk_.reset();
    // a few idles so the machine is in RX_C
    std::vector<DecStep> all(3, DecStep{C, kIdleP, false, kIdleWord});
    all.insert(all.end(), steps.begin(), steps.end());
    const size_t n = all.size();
    for (size_t i = 0; i < n + 2; ++i) {
      const DecStep& s = all[std::min(i, n - 1)];
      d.dec_header_i = i < n ? s.hdr : C;
      d.dec_block_i = i < n ? s.payload : kIdleP;
      d.dec_init_i = i < n ? s.init : 0;
      clk_.settle();
      if (i >= 2 + 3) {
        const DecStep& e = all[i - 2];
        Xgmii got{d.dec_rxd_o, uint8_t(d.dec_rxc_o)};
        bool want_err = e.want == kErrorWord;
        if (got != e.want || bool(d.dec_err_o) != want_err)
          throw std::runtime_error(fmt::format(
              "decoder, case '{}', block {}, cycle {}: block {} expected {}{} got {}{}", name,
              i - 2 - 3, clk_.cycle(), fmt_block(e.hdr, e.payload), fmt_xgmii(e.want),
              want_err ? " err" : "", fmt_xgmii(got), d.dec_err_o ? " err" : ""));
      }
      clk_.edge();
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  Args args(argc, argv, VMQ_TEST_NAME);
  try {
    Bench b(args);
    b.encoder();
    b.decoder_seq();
    b.decoder_cases();
    fmt::print("{}: PASS\n", VMQ_TEST_NAME);
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: FAIL: {} (seed {})\n", VMQ_TEST_NAME, e.what(), args.seed);
    return 1;
  }
}
