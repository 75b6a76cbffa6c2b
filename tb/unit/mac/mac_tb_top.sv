`resetall
`default_nettype none

// Test top of vmq_mac_10g: one clock and reset for both directions (the C++
// bench loops the XGMII from TX to RX, through a delay line, so that it can
// corrupt the wire in between; XGMII has no valid, so both sides run at the
// same rate). Flat ports, the DUT's counters passed through.
module mac_tb_top #(
  parameter int unsigned MinDataBytes = 60
) (
  input  logic        clk_i,
  input  logic        rst_i,
  input  logic [63:0] s_tx_tdata_i,
  input  logic [7:0]  s_tx_tkeep_i,
  input  logic        s_tx_tvalid_i,
  output logic        s_tx_tready_o,
  input  logic        s_tx_tlast_i,
  input  logic        s_tx_tuser_i,
  output logic [63:0] xgmii_txd_o,
  output logic [7:0]  xgmii_txc_o,
  input  logic [63:0] xgmii_rxd_i,
  input  logic [7:0]  xgmii_rxc_i,
  output logic [63:0] m_rx_tdata_o,
  output logic [7:0]  m_rx_tkeep_o,
  output logic        m_rx_tvalid_o,
  output logic        m_rx_tlast_o,
  output logic        m_rx_tuser_o,
  output logic [31:0] tx_frames_o,
  output logic [31:0] tx_bytes_o,
  output logic [31:0] tx_underruns_o,
  output logic [31:0] tx_errors_o,
  output logic [31:0] rx_frames_o,
  output logic [31:0] rx_bytes_o,
  output logic [31:0] rx_fcs_errors_o,
  output logic [31:0] rx_code_errors_o
);
  vmq_mac_10g #(
    .MinDataBytes (MinDataBytes)
  ) u_dut (
    .tx_clk_i         (clk_i),
    .tx_rst_i         (rst_i),
    .s_tx_tdata_i     (s_tx_tdata_i),
    .s_tx_tkeep_i     (s_tx_tkeep_i),
    .s_tx_tvalid_i    (s_tx_tvalid_i),
    .s_tx_tready_o    (s_tx_tready_o),
    .s_tx_tlast_i     (s_tx_tlast_i),
    .s_tx_tuser_i     (s_tx_tuser_i),
    .xgmii_txd_o      (xgmii_txd_o),
    .xgmii_txc_o      (xgmii_txc_o),
    .rx_clk_i         (clk_i),
    .rx_rst_i         (rst_i),
    .xgmii_rxd_i      (xgmii_rxd_i),
    .xgmii_rxc_i      (xgmii_rxc_i),
    .m_rx_tdata_o     (m_rx_tdata_o),
    .m_rx_tkeep_o     (m_rx_tkeep_o),
    .m_rx_tvalid_o    (m_rx_tvalid_o),
    .m_rx_tlast_o     (m_rx_tlast_o),
    .m_rx_tuser_o     (m_rx_tuser_o),
    .tx_frames_o      (tx_frames_o),
    .tx_bytes_o       (tx_bytes_o),
    .tx_underruns_o   (tx_underruns_o),
    .tx_errors_o      (tx_errors_o),
    .rx_frames_o      (rx_frames_o),
    .rx_bytes_o       (rx_bytes_o),
    .rx_fcs_errors_o  (rx_fcs_errors_o),
    .rx_code_errors_o (rx_code_errors_o)
  );
endmodule

`resetall
