`resetall
`default_nettype none

// vmq_pcs_rx: receive half of the 10GBASE-R PCS (IEEE 802.3 clause 49), for
// the GT's asynchronous gearbox (one 66-bit block per cycle, no pauses):
// GT bit order (GtBitReverse, as vmq_pcs_tx), block lock with gearbox slip
// (vmq_pcs_lock), descrambler (vmq_pcs_scrambler), decoder with the receive
// state machine (vmq_pcs_dec), BER monitor (vmq_pcs_ber) and counters.
// Latency gt_rx* -> xgmii_rx*: 4 cycles (input register, descrambler,
// decoder look-ahead, decoder output). See docs/eth-pcs.md.
//
// - Lock: gt_rxgearboxslip_o pulses for one cycle; the headers that arrive
//   in that cycle and the SlipWaitCycles cycles after it are not counted.
// - While !block_lock or hi_ber the XGMII output carries local fault
//   ordered sets (LBLOCK_R).
// - Counters (free-running, wrap at 2^32, reset by rst_i only):
//   err_blocks  words sent to the XGMII as /E/ by the receive state machine
//               (RX_E) while block-locked and not hi_ber;
//   ber_count   invalid sync headers (00, 11) while block-locked;
//   lock_losses falling edges of block_lock.
module vmq_pcs_rx #(
  parameter int unsigned SlipWaitCycles  = 32,
  parameter int unsigned BerWindowCycles = 19531,
  parameter bit          GtBitReverse    = 1'b0
) (
  input  logic        clk_i,
  input  logic        rst_i,
  input  logic [63:0] gt_rxdata_i,
  input  logic [1:0]  gt_rxheader_i,
  output logic        gt_rxgearboxslip_o,
  output logic [63:0] xgmii_rxd_o,
  output logic [7:0]  xgmii_rxc_o,
  output logic        block_lock_o,
  output logic        hi_ber_o,
  output logic [31:0] err_blocks_o,
  output logic [31:0] ber_count_o,
  output logic [31:0] lock_losses_o
);

  // input register (also takes the GT's bit order to the IEEE one)
  logic [63:0] in_data_q, in_data_d;
  logic [1:0]  in_hdr_q, in_hdr_d;

  if (GtBitReverse) begin : gen_rev
    assign in_data_d = {<<{gt_rxdata_i}};
    assign in_hdr_d  = {<<{gt_rxheader_i}};
  end else begin : gen_fwd
    assign in_data_d = gt_rxdata_i;
    assign in_hdr_d  = gt_rxheader_i;
  end

  always_ff @(posedge clk_i) begin
    in_data_q <= in_data_d;
    in_hdr_q  <= in_hdr_d;
  end

  logic lock, hi_ber, sh_valid, dec_err;
  logic [63:0] dsc_data;
  logic [1:0]  dsc_hdr;

  assign sh_valid = ^in_hdr_q;

  // +1: the headers reach the lock machine one cycle after the GT's ports
  vmq_pcs_lock #(
    .SlipWaitCycles (SlipWaitCycles + 1)
  ) u_lock (
    .clk_i    (clk_i),
    .rst_i    (rst_i),
    .header_i (in_hdr_q),
    .slip_o   (gt_rxgearboxslip_o),
    .lock_o   (lock)
  );

  vmq_pcs_ber #(
    .WindowCycles (BerWindowCycles)
  ) u_ber (
    .clk_i      (clk_i),
    .rst_i      (rst_i),
    .lock_i     (lock),
    .sh_valid_i (sh_valid),
    .hi_ber_o   (hi_ber)
  );

  vmq_pcs_scrambler #(
    .Descramble (1'b1)
  ) u_dsc (
    .clk_i    (clk_i),
    .rst_i    (rst_i),
    .data_i   (in_data_q),
    .header_i (in_hdr_q),
    .data_o   (dsc_data),
    .header_o (dsc_hdr)
  );

  vmq_pcs_dec u_dec (
    .clk_i    (clk_i),
    .rst_i    (rst_i),
    .block_i  (dsc_data),
    .header_i (dsc_hdr),
    .init_i   (!lock || hi_ber),
    .rxd_o    (xgmii_rxd_o),
    .rxc_o    (xgmii_rxc_o),
    .err_o    (dec_err)
  );

  // counters
  logic [31:0] err_blocks_q, err_blocks_d;
  logic [31:0] ber_count_q, ber_count_d;
  logic [31:0] lock_losses_q, lock_losses_d;
  logic        lock_prev_q;

  always_comb begin
    err_blocks_d  = err_blocks_q + 32'(dec_err);
    ber_count_d   = ber_count_q + 32'(lock && !sh_valid);
    lock_losses_d = lock_losses_q + 32'(lock_prev_q && !lock);
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      err_blocks_q  <= '0;
      ber_count_q   <= '0;
      lock_losses_q <= '0;
      lock_prev_q   <= 1'b0;
    end else begin
      err_blocks_q  <= err_blocks_d;
      ber_count_q   <= ber_count_d;
      lock_losses_q <= lock_losses_d;
      lock_prev_q   <= lock;
    end
  end

  assign block_lock_o  = lock;
  assign hi_ber_o      = hi_ber;
  assign err_blocks_o  = err_blocks_q;
  assign ber_count_o   = ber_count_q;
  assign lock_losses_o = lock_losses_q;

endmodule : vmq_pcs_rx

`resetall
