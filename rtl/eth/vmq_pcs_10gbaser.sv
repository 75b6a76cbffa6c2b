`resetall
`default_nettype none

// vmq_pcs_10gbaser: IEEE 802.3 clause 49 10GBASE-R PCS for a GT in
// asynchronous-gearbox mode (one 64-bit block + 2-bit header per 156.25 MHz
// user cycle, no pauses, no valid/ready): vmq_pcs_tx on the TX user clock,
// vmq_pcs_rx on the RX (recovered) user clock; nothing crosses between them.
// docs/eth-pcs.md describes the bit order, lock, BER monitor and tests.
//
// Latency: XGMII TX -> gt_tx* 2 cycles; gt_rx* -> XGMII RX 4 cycles.
// Status outputs and counters are on rx_clk_i; rx_link_up_o =
// rx_block_lock_o && !rx_high_ber_o. The counters wrap at 2^32.
module vmq_pcs_10gbaser #(
  parameter int unsigned SlipWaitCycles  = 32,     // cycles after a slip pulse before headers count again (verify on the GT)
  parameter int unsigned BerWindowCycles = 19531,  // 125 us at 156.25 MHz (49.2.14 timer); tests shrink it
  parameter bit          GtBitReverse    = 1'b0    // 1: the GT numbers bits opposite to IEEE (docs/eth-pcs.md)
) (
  input  logic        tx_clk_i,
  input  logic        tx_rst_i,
  input  logic [63:0] xgmii_txd_i,
  input  logic [7:0]  xgmii_txc_i,
  output logic [63:0] gt_txdata_o,
  output logic [1:0]  gt_txheader_o,
  input  logic        rx_clk_i,
  input  logic        rx_rst_i,
  input  logic [63:0] gt_rxdata_i,
  input  logic [1:0]  gt_rxheader_i,
  output logic        gt_rxgearboxslip_o,
  output logic [63:0] xgmii_rxd_o,
  output logic [7:0]  xgmii_rxc_o,
  output logic        rx_block_lock_o,
  output logic        rx_high_ber_o,
  output logic        rx_link_up_o,
  output logic [31:0] rx_err_blocks_o,
  output logic [31:0] rx_ber_count_o,
  output logic [31:0] rx_lock_losses_o
);

  vmq_pcs_tx #(
    .GtBitReverse (GtBitReverse)
  ) u_tx (
    .clk_i         (tx_clk_i),
    .rst_i         (tx_rst_i),
    .xgmii_txd_i   (xgmii_txd_i),
    .xgmii_txc_i   (xgmii_txc_i),
    .gt_txdata_o   (gt_txdata_o),
    .gt_txheader_o (gt_txheader_o)
  );

  vmq_pcs_rx #(
    .SlipWaitCycles  (SlipWaitCycles),
    .BerWindowCycles (BerWindowCycles),
    .GtBitReverse    (GtBitReverse)
  ) u_rx (
    .clk_i              (rx_clk_i),
    .rst_i              (rx_rst_i),
    .gt_rxdata_i        (gt_rxdata_i),
    .gt_rxheader_i      (gt_rxheader_i),
    .gt_rxgearboxslip_o (gt_rxgearboxslip_o),
    .xgmii_rxd_o        (xgmii_rxd_o),
    .xgmii_rxc_o        (xgmii_rxc_o),
    .block_lock_o       (rx_block_lock_o),
    .hi_ber_o           (rx_high_ber_o),
    .err_blocks_o       (rx_err_blocks_o),
    .ber_count_o        (rx_ber_count_o),
    .lock_losses_o      (rx_lock_losses_o)
  );

  assign rx_link_up_o = rx_block_lock_o && !rx_high_ber_o;

endmodule : vmq_pcs_10gbaser

`resetall
