`resetall
`default_nettype none

// vmq_pcs_tx: transmit half of the 10GBASE-R PCS (IEEE 802.3 clause 49):
// 64b/66b encoder with the transmit state machine (vmq_pcs_enc), scrambler
// (vmq_pcs_scrambler), and the bit order of the transceiver's TXDATA /
// TXHEADER (docs/eth-pcs.md). For the GT's asynchronous gearbox: one XGMII
// word in and one 66-bit block out every cycle, no pauses.
// Latency: 2 cycles (encoder register, scrambler register).
//
// GtBitReverse = 0: gt_txdata_o[i] = payload bit i (bit 0 first on the wire),
//                   gt_txheader_o = {block bit 1, block bit 0}.
// GtBitReverse = 1: gt_txdata_o[63-i] = payload bit i,
//                   gt_txheader_o = {block bit 0, block bit 1}
//                   (for a GT that sends TXHEADER[1] first, then TXDATA[63]).
module vmq_pcs_tx #(
  parameter bit GtBitReverse = 1'b0
) (
  input  logic        clk_i,
  input  logic        rst_i,
  input  logic [63:0] xgmii_txd_i,
  input  logic [7:0]  xgmii_txc_i,
  output logic [63:0] gt_txdata_o,
  output logic [1:0]  gt_txheader_o
);

  logic [63:0] enc_block, scr_block;
  logic [1:0]  enc_header, scr_header;

  vmq_pcs_enc u_enc (
    .clk_i    (clk_i),
    .rst_i    (rst_i),
    .txd_i    (xgmii_txd_i),
    .txc_i    (xgmii_txc_i),
    .block_o  (enc_block),
    .header_o (enc_header)
  );

  vmq_pcs_scrambler #(
    .Descramble (1'b0)
  ) u_scr (
    .clk_i    (clk_i),
    .rst_i    (rst_i),
    .data_i   (enc_block),
    .header_i (enc_header),
    .data_o   (scr_block),
    .header_o (scr_header)
  );

  if (GtBitReverse) begin : gen_rev
    assign gt_txdata_o   = {<<{scr_block}};
    assign gt_txheader_o = {<<{scr_header}};
  end else begin : gen_fwd
    assign gt_txdata_o   = scr_block;
    assign gt_txheader_o = scr_header;
  end

endmodule : vmq_pcs_tx

`resetall
