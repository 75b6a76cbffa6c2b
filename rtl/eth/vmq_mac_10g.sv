`resetall
`default_nettype none

// vmq_mac_10g: 10 GbE MAC = vmq_mac_tx + vmq_mac_rx + per-MAC counters
// (docs/eth-mac.md). TX and RX run in their own clocks (PCS/GT transmit
// clock and recovered receive clock, 156.25 MHz); each counter lives in the
// clock domain of the path it counts, is 32 bits and wraps.
//
//   tx_frames    frames sent with a good FCS
//   tx_bytes     their data bytes, padding included, FCS excluded
//   tx_underruns frames cut short by an underrun (/E/ /T/)
//   tx_errors    frames sent with /E/ instead of the FCS (s_tx_tuser_i)
//   rx_frames    frames received with a good FCS and no code error
//   rx_bytes     their data bytes, FCS excluded
//   rx_fcs_errors  frames with a wrong FCS (or no data byte) and no code error
//   rx_code_errors frames with a bad preamble/SFD or ended by a control
//                  character other than /T/
// Every transmitted frame counts in exactly one TX counter, every received
// frame (every /S/ that starts one) in exactly one of the three RX frame
// counters.
module vmq_mac_10g #(
  parameter int unsigned MinDataBytes = 60   // pad target before the FCS
) (
  // TX, clock of the PCS/GT transmit side
  input  logic        tx_clk_i,
  input  logic        tx_rst_i,
  input  logic [63:0] s_tx_tdata_i,
  input  logic [7:0]  s_tx_tkeep_i,
  input  logic        s_tx_tvalid_i,
  output logic        s_tx_tready_o,
  input  logic        s_tx_tlast_i,
  input  logic        s_tx_tuser_i,    // 1 on tlast: abort, send the frame with an error
  output logic [63:0] xgmii_txd_o,
  output logic [7:0]  xgmii_txc_o,

  // RX, recovered clock of the PCS/GT receive side
  input  logic        rx_clk_i,
  input  logic        rx_rst_i,
  input  logic [63:0] xgmii_rxd_i,
  input  logic [7:0]  xgmii_rxc_i,
  output logic [63:0] m_rx_tdata_o,
  output logic [7:0]  m_rx_tkeep_o,
  output logic        m_rx_tvalid_o,
  output logic        m_rx_tlast_o,
  output logic        m_rx_tuser_o,    // no tready: a MAC cannot stall the wire

  // counters (32-bit, wrapping), tx_* in tx_clk_i, rx_* in rx_clk_i
  output logic [31:0] tx_frames_o,
  output logic [31:0] tx_bytes_o,
  output logic [31:0] tx_underruns_o,
  output logic [31:0] tx_errors_o,
  output logic [31:0] rx_frames_o,
  output logic [31:0] rx_bytes_o,
  output logic [31:0] rx_fcs_errors_o,
  output logic [31:0] rx_code_errors_o
);
  logic        tx_st_frame, tx_st_error, tx_st_under;
  logic [31:0] tx_st_bytes;
  logic        rx_st_frame, rx_st_fcs, rx_st_code;
  logic [31:0] rx_st_bytes;

  vmq_mac_tx #(
    .MinDataBytes (MinDataBytes)
  ) u_tx (
    .clk_i           (tx_clk_i),
    .rst_i           (tx_rst_i),
    .s_tdata_i       (s_tx_tdata_i),
    .s_tkeep_i       (s_tx_tkeep_i),
    .s_tvalid_i      (s_tx_tvalid_i),
    .s_tready_o      (s_tx_tready_o),
    .s_tlast_i       (s_tx_tlast_i),
    .s_tuser_i       (s_tx_tuser_i),
    .xgmii_txd_o     (xgmii_txd_o),
    .xgmii_txc_o     (xgmii_txc_o),
    .stat_frame_o    (tx_st_frame),
    .stat_bytes_o    (tx_st_bytes),
    .stat_error_o    (tx_st_error),
    .stat_underrun_o (tx_st_under)
  );

  vmq_mac_rx u_rx (
    .clk_i           (rx_clk_i),
    .rst_i           (rx_rst_i),
    .xgmii_rxd_i     (xgmii_rxd_i),
    .xgmii_rxc_i     (xgmii_rxc_i),
    .m_tdata_o       (m_rx_tdata_o),
    .m_tkeep_o       (m_rx_tkeep_o),
    .m_tvalid_o      (m_rx_tvalid_o),
    .m_tlast_o       (m_rx_tlast_o),
    .m_tuser_o       (m_rx_tuser_o),
    .stat_frame_o    (rx_st_frame),
    .stat_bytes_o    (rx_st_bytes),
    .stat_fcs_err_o  (rx_st_fcs),
    .stat_code_err_o (rx_st_code)
  );

  // ------------------------------------------------------------ counters
  logic [31:0] tx_frames_q, tx_bytes_q, tx_under_q, tx_err_q;
  logic [31:0] rx_frames_q, rx_bytes_q, rx_fcs_q, rx_code_q;

  always_ff @(posedge tx_clk_i) begin
    if (tx_rst_i) begin
      tx_frames_q <= '0;
      tx_bytes_q  <= '0;
      tx_under_q  <= '0;
      tx_err_q    <= '0;
    end else begin
      tx_frames_q <= tx_frames_q + 32'(tx_st_frame);
      tx_bytes_q  <= tx_bytes_q + (tx_st_frame ? tx_st_bytes : 32'd0);
      tx_under_q  <= tx_under_q + 32'(tx_st_under);
      tx_err_q    <= tx_err_q + 32'(tx_st_error);
    end
  end

  always_ff @(posedge rx_clk_i) begin
    if (rx_rst_i) begin
      rx_frames_q <= '0;
      rx_bytes_q  <= '0;
      rx_fcs_q    <= '0;
      rx_code_q   <= '0;
    end else begin
      rx_frames_q <= rx_frames_q + 32'(rx_st_frame);
      rx_bytes_q  <= rx_bytes_q + (rx_st_frame ? rx_st_bytes : 32'd0);
      rx_fcs_q    <= rx_fcs_q + 32'(rx_st_fcs);
      rx_code_q   <= rx_code_q + 32'(rx_st_code);
    end
  end

  assign tx_frames_o      = tx_frames_q;
  assign tx_bytes_o       = tx_bytes_q;
  assign tx_underruns_o   = tx_under_q;
  assign tx_errors_o      = tx_err_q;
  assign rx_frames_o      = rx_frames_q;
  assign rx_bytes_o       = rx_bytes_q;
  assign rx_fcs_errors_o  = rx_fcs_q;
  assign rx_code_errors_o = rx_code_q;

endmodule

`resetall
