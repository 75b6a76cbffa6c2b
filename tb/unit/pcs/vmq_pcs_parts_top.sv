`resetall
`default_nettype none

// Test top for the PCS parts (tb/unit/pcs): the encoder, decoder, scrambler,
// descrambler, block lock and BER monitor side by side on one clock, each with
// its own flat ports, so that pcs_kat_test, pcs_scrambler_test and
// pcs_lock_ber_test drive them directly (the unscrambled blocks are not
// visible at vmq_pcs_10gbaser's ports).
module vmq_pcs_parts_top #(
  parameter int unsigned SlipWaitCycles  = 5,
  parameter int unsigned BerWindowCycles = 200
) (
  input  logic        clk_i,
  input  logic        rst_i,
  // vmq_pcs_enc
  input  logic [63:0] enc_txd_i,
  input  logic [7:0]  enc_txc_i,
  output logic [63:0] enc_block_o,
  output logic [1:0]  enc_header_o,
  // vmq_pcs_dec
  input  logic [63:0] dec_block_i,
  input  logic [1:0]  dec_header_i,
  input  logic        dec_init_i,
  output logic [63:0] dec_rxd_o,
  output logic [7:0]  dec_rxc_o,
  output logic        dec_err_o,
  // vmq_pcs_scrambler, Descramble = 0
  input  logic [63:0] scr_data_i,
  input  logic [1:0]  scr_header_i,
  output logic [63:0] scr_data_o,
  output logic [1:0]  scr_header_o,
  // vmq_pcs_scrambler, Descramble = 1
  input  logic [63:0] dsc_data_i,
  input  logic [1:0]  dsc_header_i,
  output logic [63:0] dsc_data_o,
  output logic [1:0]  dsc_header_o,
  // vmq_pcs_lock
  input  logic [1:0]  lock_header_i,
  output logic        lock_slip_o,
  output logic        lock_lock_o,
  // vmq_pcs_ber
  input  logic        ber_lock_i,
  input  logic        ber_sh_valid_i,
  output logic        ber_hi_ber_o
);

  vmq_pcs_enc u_enc (
    .clk_i    (clk_i),
    .rst_i    (rst_i),
    .txd_i    (enc_txd_i),
    .txc_i    (enc_txc_i),
    .block_o  (enc_block_o),
    .header_o (enc_header_o)
  );

  vmq_pcs_dec u_dec (
    .clk_i    (clk_i),
    .rst_i    (rst_i),
    .block_i  (dec_block_i),
    .header_i (dec_header_i),
    .init_i   (dec_init_i),
    .rxd_o    (dec_rxd_o),
    .rxc_o    (dec_rxc_o),
    .err_o    (dec_err_o)
  );

  vmq_pcs_scrambler #(
    .Descramble (1'b0)
  ) u_scr (
    .clk_i    (clk_i),
    .rst_i    (rst_i),
    .data_i   (scr_data_i),
    .header_i (scr_header_i),
    .data_o   (scr_data_o),
    .header_o (scr_header_o)
  );

  vmq_pcs_scrambler #(
    .Descramble (1'b1)
  ) u_dsc (
    .clk_i    (clk_i),
    .rst_i    (rst_i),
    .data_i   (dsc_data_i),
    .header_i (dsc_header_i),
    .data_o   (dsc_data_o),
    .header_o (dsc_header_o)
  );

  vmq_pcs_lock #(
    .SlipWaitCycles (SlipWaitCycles)
  ) u_lock (
    .clk_i    (clk_i),
    .rst_i    (rst_i),
    .header_i (lock_header_i),
    .slip_o   (lock_slip_o),
    .lock_o   (lock_lock_o)
  );

  vmq_pcs_ber #(
    .WindowCycles (BerWindowCycles)
  ) u_ber (
    .clk_i      (clk_i),
    .rst_i      (rst_i),
    .lock_i     (ber_lock_i),
    .sh_valid_i (ber_sh_valid_i),
    .hi_ber_o   (ber_hi_ber_o)
  );

endmodule : vmq_pcs_parts_top

`resetall
