`resetall
`default_nettype none

// eth_link_top (benchmark top): vmq_mac_10g and vmq_pcs_10gbaser in a loop
// through the modelled serial link (tb/system/eth/vmq_gt_channel.sv, a bit
// offset and RXGEARBOXSLIP): AXI4-Stream in -> MAC TX -> PCS TX -> link ->
// PCS RX -> MAC RX -> AXI4-Stream out, one 156.25 MHz clock.
/* verilator lint_off PINCONNECTEMPTY */
module eth_link_top #(
  parameter int unsigned LinkOffset = 29
) (
  input  logic        clk_i,
  input  logic        rst_i,
  input  logic [63:0] s_tdata_i,
  input  logic [7:0]  s_tkeep_i,
  input  logic        s_tvalid_i,
  output logic        s_tready_o,
  input  logic        s_tlast_i,
  output logic [63:0] m_tdata_o,
  output logic [7:0]  m_tkeep_o,
  output logic        m_tvalid_o,
  output logic        m_tlast_o,
  output logic        m_tuser_o,
  output logic        link_up_o,
  output logic [31:0] tx_underruns_o,
  output logic [31:0] rx_fcs_errors_o,
  output logic [31:0] rx_code_errors_o,
  output logic [31:0] rx_err_blocks_o
);
  logic [63:0] txd, rxd, gt_txdata, gt_rxdata;
  logic [7:0]  txc, rxc;
  logic [1:0]  gt_txheader, gt_rxheader;
  logic        slip;

  vmq_mac_10g u_mac (
    .tx_clk_i(clk_i), .tx_rst_i(rst_i),
    .s_tx_tdata_i(s_tdata_i), .s_tx_tkeep_i(s_tkeep_i), .s_tx_tvalid_i(s_tvalid_i),
    .s_tx_tready_o(s_tready_o), .s_tx_tlast_i(s_tlast_i), .s_tx_tuser_i(1'b0),
    .xgmii_txd_o(txd), .xgmii_txc_o(txc),
    .rx_clk_i(clk_i), .rx_rst_i(rst_i), .xgmii_rxd_i(rxd), .xgmii_rxc_i(rxc),
    .m_rx_tdata_o(m_tdata_o), .m_rx_tkeep_o(m_tkeep_o), .m_rx_tvalid_o(m_tvalid_o),
    .m_rx_tlast_o(m_tlast_o), .m_rx_tuser_o(m_tuser_o),
    .tx_frames_o(), .tx_bytes_o(), .tx_underruns_o(tx_underruns_o), .tx_errors_o(),
    .rx_frames_o(), .rx_bytes_o(), .rx_fcs_errors_o(rx_fcs_errors_o),
    .rx_code_errors_o(rx_code_errors_o)
  );
  vmq_pcs_10gbaser u_pcs (
    .tx_clk_i(clk_i), .tx_rst_i(rst_i), .xgmii_txd_i(txd), .xgmii_txc_i(txc),
    .gt_txdata_o(gt_txdata), .gt_txheader_o(gt_txheader),
    .rx_clk_i(clk_i), .rx_rst_i(rst_i), .gt_rxdata_i(gt_rxdata), .gt_rxheader_i(gt_rxheader),
    .gt_rxgearboxslip_o(slip), .xgmii_rxd_o(rxd), .xgmii_rxc_o(rxc),
    .rx_block_lock_o(), .rx_high_ber_o(), .rx_link_up_o(link_up_o),
    .rx_err_blocks_o(rx_err_blocks_o), .rx_ber_count_o(), .rx_lock_losses_o()
  );
  vmq_gt_channel #(.InitOffset(LinkOffset), .SlipDelay(8)) u_link (
    .clk_i(clk_i), .rst_i(rst_i), .tx_data_i(gt_txdata), .tx_header_i(gt_txheader),
    .rx_data_o(gt_rxdata), .rx_header_o(gt_rxheader), .rx_slip_i(slip)
  );
endmodule
/* verilator lint_on PINCONNECTEMPTY */
