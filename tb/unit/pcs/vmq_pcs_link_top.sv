`resetall
`default_nettype none

// Test top for pcs_link_test: vmq_pcs_10gbaser with both user clocks and
// resets driven from one clk_i / rst_i (the bench's serial link model runs
// TX and RX at the same rate), and GtBitReverse as an int parameter so that
// CMake can set it with -G.
module vmq_pcs_link_top #(
  parameter int unsigned SlipWaitCycles  = 32,
  parameter int unsigned BerWindowCycles = 19531,
  parameter int unsigned GtRev           = 0
) (
  input  logic        clk_i,
  input  logic        rst_i,
  input  logic [63:0] xgmii_txd_i,
  input  logic [7:0]  xgmii_txc_i,
  output logic [63:0] gt_txdata_o,
  output logic [1:0]  gt_txheader_o,
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

  if (GtRev > 1) begin : gen_bad_rev
    $fatal(1, "vmq_pcs_link_top: GtRev must be 0 or 1");
  end

  vmq_pcs_10gbaser #(
    .SlipWaitCycles  (SlipWaitCycles),
    .BerWindowCycles (BerWindowCycles),
    .GtBitReverse    (GtRev[0])
  ) u_dut (
    .tx_clk_i           (clk_i),
    .tx_rst_i           (rst_i),
    .xgmii_txd_i        (xgmii_txd_i),
    .xgmii_txc_i        (xgmii_txc_i),
    .gt_txdata_o        (gt_txdata_o),
    .gt_txheader_o      (gt_txheader_o),
    .rx_clk_i           (clk_i),
    .rx_rst_i           (rst_i),
    .gt_rxdata_i        (gt_rxdata_i),
    .gt_rxheader_i      (gt_rxheader_i),
    .gt_rxgearboxslip_o (gt_rxgearboxslip_o),
    .xgmii_rxd_o        (xgmii_rxd_o),
    .xgmii_rxc_o        (xgmii_rxc_o),
    .rx_block_lock_o    (rx_block_lock_o),
    .rx_high_ber_o      (rx_high_ber_o),
    .rx_link_up_o       (rx_link_up_o),
    .rx_err_blocks_o    (rx_err_blocks_o),
    .rx_ber_count_o     (rx_ber_count_o),
    .rx_lock_losses_o   (rx_lock_losses_o)
  );

endmodule : vmq_pcs_link_top

`resetall
