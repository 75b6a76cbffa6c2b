`resetall
`default_nettype none

// vmq_crc32: Ethernet CRC-32 (IEEE 802.3 clause 3.2.9: reflected polynomial
// 0xEDB88320, bits of each byte least significant first) advanced over the
// first len_i bytes of data_i (0..Bytes) in one combinational step.
//
// crc_i/crc_o are the raw register: start a frame with 32'hFFFFFFFF; the FCS
// is ~crc_o, sent least significant byte first. Running the register over a
// frame *and* its FCS leaves the residue 32'hDEBB20E3 when the FCS is right.
//
// The update is linear over GF(2) in {data, crc}, so each output bit is the
// XOR of a fixed subset of the inputs. The subsets (one matrix per byte count)
// are computed at elaboration by a symbolic run of the bit-serial LFSR. In
// hardware each byte count is one XOR tree per output bit (at most 32 +
// 8*Bytes terms, no chain of byte steps) and len_i selects among them; in
// simulation only the selected one is evaluated.
// Docs: docs/eth-mac.md.
module vmq_crc32 #(
  parameter int unsigned Bytes = 8,
  localparam int unsigned LenW = $clog2(Bytes + 1)
) (
  input  logic [31:0]        crc_i,
  input  logic [8*Bytes-1:0] data_i,  // byte i = data_i[8i+7:8i], byte 0 first
  input  logic [LenW-1:0]    len_i,   // bytes to take from byte 0 (values > Bytes = Bytes)
  output logic [31:0]        crc_o
);
  localparam int unsigned InW  = 32 + 8 * Bytes;  // {data_i, crc_i}
  localparam int unsigned NMat = 2 ** LenW;
  localparam logic [31:0] Poly = 32'hEDB88320;

  if (Bytes < 1 || Bytes > 64) begin : gen_bad_bytes
    $fatal(1, "vmq_crc32: Bytes must be 1..64");
  end

  typedef logic [31:0][InW-1:0] mat_t;       // row j: the inputs that make output bit j
  typedef logic [NMat-1:0][31:0][InW-1:0] mats_t;

  // Symbolic LFSR: each state bit is held as the set (bit mask over {data,
  // crc}) of inputs whose XOR it equals. Matrix n is the state after n bytes.
  function automatic mats_t crc_mats();
    mats_t          m;
    mat_t           s;
    logic [InW-1:0] fb;
    for (int unsigned i = 0; i < 32; i++) s[i] = InW'(1) << i;
    m[0] = s;
    for (int unsigned n = 0; n < Bytes; n++) begin
      for (int unsigned b = 0; b < 8; b++) begin
        fb = s[0] ^ (InW'(1) << (32 + 8 * n + b));
        for (int unsigned k = 0; k < 31; k++) s[k] = s[k+1];
        s[31] = '0;
        for (int unsigned k = 0; k < 32; k++) begin
          if (Poly[k]) s[k] = s[k] ^ fb;
        end
      end
      m[n+1] = s;
    end
    for (int unsigned n = Bytes + 1; n < NMat; n++) m[n] = s;
    return m;
  endfunction

  localparam mats_t Mats = crc_mats();

  function automatic logic [31:0] apply(mat_t m, logic [InW-1:0] v);
    logic [31:0] r;
    for (int unsigned j = 0; j < 32; j++) r[j] = ^(v & m[j]);
    return r;
  endfunction

  logic [InW-1:0] in_vec;

  // One constant matrix per byte count, chosen by len_i: plain XOR trees and
  // a 9:1 mux per bit (indexing Mats with len_i makes Yosys build a ROM of
  // 49152-bit matrices instead).
  always_comb begin
    in_vec = {data_i, crc_i};
    crc_o  = crc_i;
    for (int unsigned n = 1; n <= Bytes; n++) begin
      if (len_i == LenW'(n) || (n == Bytes && len_i > LenW'(Bytes))) crc_o = apply(Mats[n], in_vec);
    end
  end

endmodule

`resetall
