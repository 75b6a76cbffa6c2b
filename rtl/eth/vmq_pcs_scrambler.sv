`resetall
`default_nettype none

// vmq_pcs_scrambler: the self-synchronising scrambler of IEEE 802.3 clause 49
// (49.2.6, G(x) = 1 + x^39 + x^58), 64 payload bits per cycle, or with
// Descramble = 1 the matching descrambler (49.2.10). The 2-bit sync header
// is not scrambled: it goes through with the same one-cycle delay.
//
// Bit i of data_i / data_o is the i-th payload bit on the wire (bit 0
// first). Serially, with s the scrambled stream:
//   scrambler:   s[n]   = d[n] ^ s[n-39] ^ s[n-58]
//   descrambler: d[n]   = s[n] ^ s[n-39] ^ s[n-58]
// Both keep the last 58 scrambled bits, state_q[57] the newest. Reset state:
// all ones (the standard leaves it open; the descrambler is in step with any
// scrambler after 58 received bits, i.e. from the second block).
//
// Latency 1 cycle (registered output), one block per cycle.
module vmq_pcs_scrambler #(
  parameter bit Descramble = 1'b0
) (
  input  logic        clk_i,
  input  logic        rst_i,
  input  logic [63:0] data_i,
  input  logic [1:0]  header_i,
  output logic [63:0] data_o,
  output logic [1:0]  header_o
);

  logic [57:0]  state_q, state_d;
  logic [63:0]  data_q, data_d;
  logic [1:0]   header_q;
  // ext[k]: the scrambled stream, ext[57:0] = state (older bits), ext[58+i] = bit i of this block
  logic [121:0] ext;

  always_comb begin
    ext = {64'h0, state_q};
    for (int i = 0; i < 64; i++) begin
      if (Descramble) begin
        ext[58+i] = data_i[i];
        data_d[i] = data_i[i] ^ ext[i+19] ^ ext[i];
      end else begin
        data_d[i] = data_i[i] ^ ext[i+19] ^ ext[i];
        ext[58+i] = data_d[i];
      end
    end
    state_d = ext[121:64];
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) state_q <= '1;
    else       state_q <= state_d;
  end

  always_ff @(posedge clk_i) begin
    data_q   <= data_d;
    header_q <= header_i;
  end

  assign data_o   = data_q;
  assign header_o = header_q;

endmodule : vmq_pcs_scrambler

`resetall
