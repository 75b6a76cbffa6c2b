`resetall
`default_nettype none

// fpga_core_tb_top (test bench): fpga_core with a far end on its GT side:
// fe_* stream (gt_clk_i) -> far-end MAC TX -> far-end PCS TX ->
// vmq_gt_channel (bit offset, slip delay) -> fpga_core's GT RX; fpga_core's
// GT TX -> vmq_gt_channel -> far-end PCS RX (lock only; the far end's
// received frames are not observed). The GT's TX and RX user clocks are
// both gt_clk_i (the channel model has one clock). Every other fpga_core
// port is a port of this top. link_up_o: both PCSs have link.
/* verilator lint_off PINCONNECTEMPTY */
module fpga_core_tb_top #(
  parameter int unsigned NumQueues    = 16,
  parameter bit          GtBitReverse = 1'b1,
  parameter int unsigned LinkOffset   = 23,
  localparam int unsigned AxiDataW    = 256,
  localparam int unsigned DmaIdW      = $clog2(NumQueues) + 2,
  localparam int unsigned BarIdW      = 4,
  localparam int unsigned BarAddrW    = 20
) (
  input  logic                        gt_clk_i,
  input  logic                        gt_rst_i,
  input  logic [63:0]                 fe_tdata_i,
  input  logic [7:0]                  fe_tkeep_i,
  input  logic                        fe_tvalid_i,
  output logic                        fe_tready_o,
  input  logic                        fe_tlast_i,
  output logic                        link_up_o,
  output logic                        dut_link_up_o,
  output logic                        dut_block_lock_o,
  input  logic                        clk_i,
  input  logic                        rst_i,
  input  logic [BarIdW-1:0]           s_axi_awid_i,
  input  logic [BarAddrW-1:0]         s_axi_awaddr_i,
  input  logic [7:0]                  s_axi_awlen_i,
  input  logic [2:0]                  s_axi_awsize_i,
  input  logic [1:0]                  s_axi_awburst_i,
  input  logic                        s_axi_awvalid_i,
  output logic                        s_axi_awready_o,
  input  logic [AxiDataW-1:0]         s_axi_wdata_i,
  input  logic [AxiDataW/8-1:0]       s_axi_wstrb_i,
  input  logic                        s_axi_wlast_i,
  input  logic                        s_axi_wvalid_i,
  output logic                        s_axi_wready_o,
  output logic [BarIdW-1:0]           s_axi_bid_o,
  output logic [1:0]                  s_axi_bresp_o,
  output logic                        s_axi_bvalid_o,
  input  logic                        s_axi_bready_i,
  input  logic [BarIdW-1:0]           s_axi_arid_i,
  input  logic [BarAddrW-1:0]         s_axi_araddr_i,
  input  logic [7:0]                  s_axi_arlen_i,
  input  logic [2:0]                  s_axi_arsize_i,
  input  logic [1:0]                  s_axi_arburst_i,
  input  logic                        s_axi_arvalid_i,
  output logic                        s_axi_arready_o,
  output logic [BarIdW-1:0]           s_axi_rid_o,
  output logic [AxiDataW-1:0]         s_axi_rdata_o,
  output logic [1:0]                  s_axi_rresp_o,
  output logic                        s_axi_rlast_o,
  output logic                        s_axi_rvalid_o,
  input  logic                        s_axi_rready_i,
  output logic [DmaIdW-1:0]           m_axi_awid_o,
  output logic [63:0]                 m_axi_awaddr_o,
  output logic [7:0]                  m_axi_awlen_o,
  output logic [2:0]                  m_axi_awsize_o,
  output logic [1:0]                  m_axi_awburst_o,
  output logic                        m_axi_awvalid_o,
  input  logic                        m_axi_awready_i,
  output logic [AxiDataW-1:0]         m_axi_wdata_o,
  output logic [AxiDataW/8-1:0]       m_axi_wstrb_o,
  output logic                        m_axi_wlast_o,
  output logic                        m_axi_wvalid_o,
  input  logic                        m_axi_wready_i,
  input  logic [DmaIdW-1:0]           m_axi_bid_i,
  input  logic [1:0]                  m_axi_bresp_i,
  input  logic                        m_axi_bvalid_i,
  output logic                        m_axi_bready_o,
  output logic [DmaIdW-1:0]           m_axi_arid_o,
  output logic [63:0]                 m_axi_araddr_o,
  output logic [7:0]                  m_axi_arlen_o,
  output logic [2:0]                  m_axi_arsize_o,
  output logic [1:0]                  m_axi_arburst_o,
  output logic                        m_axi_arvalid_o,
  input  logic                        m_axi_arready_i,
  input  logic [DmaIdW-1:0]           m_axi_rid_i,
  input  logic [AxiDataW-1:0]         m_axi_rdata_i,
  input  logic [1:0]                  m_axi_rresp_i,
  input  logic                        m_axi_rlast_i,
  input  logic                        m_axi_rvalid_i,
  output logic                        m_axi_rready_o,
  input  logic                        pcie_clk_i,
  input  logic                        pcie_rst_i,
  input  logic                        msi_enable_i,
  input  logic [2:0]                  msi_vector_width_i,
  output logic                        intx_msi_request_o,
  output logic [4:0]                  msi_vector_num_o,
  input  logic                        intx_msi_grant_i
);
  logic [63:0] fe_txd, fe_rxd, fe_gt_txdata, fe_gt_rxdata, dut_gt_txdata, dut_gt_rxdata;
  logic [7:0]  fe_txc, fe_rxc;
  logic [1:0]  fe_gt_txheader, fe_gt_rxheader, dut_gt_txheader, dut_gt_rxheader;
  logic        fe_slip, dut_slip, fe_link;

  vmq_mac_10g u_fe_mac (
    .tx_clk_i(gt_clk_i), .tx_rst_i(gt_rst_i),
    .s_tx_tdata_i(fe_tdata_i), .s_tx_tkeep_i(fe_tkeep_i), .s_tx_tvalid_i(fe_tvalid_i),
    .s_tx_tready_o(fe_tready_o), .s_tx_tlast_i(fe_tlast_i), .s_tx_tuser_i(1'b0),
    .xgmii_txd_o(fe_txd), .xgmii_txc_o(fe_txc),
    .rx_clk_i(gt_clk_i), .rx_rst_i(gt_rst_i),
    .xgmii_rxd_i(fe_rxd), .xgmii_rxc_i(fe_rxc),
    .m_rx_tdata_o(), .m_rx_tkeep_o(), .m_rx_tvalid_o(), .m_rx_tlast_o(), .m_rx_tuser_o(),
    .tx_frames_o(), .tx_bytes_o(), .tx_underruns_o(), .tx_errors_o(),
    .rx_frames_o(), .rx_bytes_o(), .rx_fcs_errors_o(), .rx_code_errors_o()
  );
  vmq_pcs_10gbaser #(.SlipWaitCycles(32), .BerWindowCycles(19531), .GtBitReverse(GtBitReverse)) u_fe_pcs (
    .tx_clk_i(gt_clk_i), .tx_rst_i(gt_rst_i),
    .xgmii_txd_i(fe_txd), .xgmii_txc_i(fe_txc),
    .gt_txdata_o(fe_gt_txdata), .gt_txheader_o(fe_gt_txheader),
    .rx_clk_i(gt_clk_i), .rx_rst_i(gt_rst_i),
    .gt_rxdata_i(fe_gt_rxdata), .gt_rxheader_i(fe_gt_rxheader), .gt_rxgearboxslip_o(fe_slip),
    .xgmii_rxd_o(fe_rxd), .xgmii_rxc_o(fe_rxc),
    .rx_block_lock_o(), .rx_high_ber_o(), .rx_link_up_o(fe_link),
    .rx_err_blocks_o(), .rx_ber_count_o(), .rx_lock_losses_o()
  );
  vmq_gt_channel #(.InitOffset(LinkOffset), .SlipDelay(8)) u_ch_to_dut (
    .clk_i(gt_clk_i), .rst_i(gt_rst_i),
    .tx_data_i(fe_gt_txdata), .tx_header_i(fe_gt_txheader),
    .rx_data_o(dut_gt_rxdata), .rx_header_o(dut_gt_rxheader), .rx_slip_i(dut_slip)
  );
  vmq_gt_channel #(.InitOffset((LinkOffset * 7 + 3) % 66), .SlipDelay(8)) u_ch_to_fe (
    .clk_i(gt_clk_i), .rst_i(gt_rst_i),
    .tx_data_i(dut_gt_txdata), .tx_header_i(dut_gt_txheader),
    .rx_data_o(fe_gt_rxdata), .rx_header_o(fe_gt_rxheader), .rx_slip_i(fe_slip)
  );

  fpga_core #(
    .NumQueues(NumQueues),
    .GtBitReverse(GtBitReverse),
    .SlipWaitCycles(32)
  ) u_dut (
    .clk_i(clk_i),
    .rst_i(rst_i),
    .s_axi_awid_i(s_axi_awid_i),
    .s_axi_awaddr_i(s_axi_awaddr_i),
    .s_axi_awlen_i(s_axi_awlen_i),
    .s_axi_awsize_i(s_axi_awsize_i),
    .s_axi_awburst_i(s_axi_awburst_i),
    .s_axi_awvalid_i(s_axi_awvalid_i),
    .s_axi_awready_o(s_axi_awready_o),
    .s_axi_wdata_i(s_axi_wdata_i),
    .s_axi_wstrb_i(s_axi_wstrb_i),
    .s_axi_wlast_i(s_axi_wlast_i),
    .s_axi_wvalid_i(s_axi_wvalid_i),
    .s_axi_wready_o(s_axi_wready_o),
    .s_axi_bid_o(s_axi_bid_o),
    .s_axi_bresp_o(s_axi_bresp_o),
    .s_axi_bvalid_o(s_axi_bvalid_o),
    .s_axi_bready_i(s_axi_bready_i),
    .s_axi_arid_i(s_axi_arid_i),
    .s_axi_araddr_i(s_axi_araddr_i),
    .s_axi_arlen_i(s_axi_arlen_i),
    .s_axi_arsize_i(s_axi_arsize_i),
    .s_axi_arburst_i(s_axi_arburst_i),
    .s_axi_arvalid_i(s_axi_arvalid_i),
    .s_axi_arready_o(s_axi_arready_o),
    .s_axi_rid_o(s_axi_rid_o),
    .s_axi_rdata_o(s_axi_rdata_o),
    .s_axi_rresp_o(s_axi_rresp_o),
    .s_axi_rlast_o(s_axi_rlast_o),
    .s_axi_rvalid_o(s_axi_rvalid_o),
    .s_axi_rready_i(s_axi_rready_i),
    .m_axi_awid_o(m_axi_awid_o),
    .m_axi_awaddr_o(m_axi_awaddr_o),
    .m_axi_awlen_o(m_axi_awlen_o),
    .m_axi_awsize_o(m_axi_awsize_o),
    .m_axi_awburst_o(m_axi_awburst_o),
    .m_axi_awvalid_o(m_axi_awvalid_o),
    .m_axi_awready_i(m_axi_awready_i),
    .m_axi_wdata_o(m_axi_wdata_o),
    .m_axi_wstrb_o(m_axi_wstrb_o),
    .m_axi_wlast_o(m_axi_wlast_o),
    .m_axi_wvalid_o(m_axi_wvalid_o),
    .m_axi_wready_i(m_axi_wready_i),
    .m_axi_bid_i(m_axi_bid_i),
    .m_axi_bresp_i(m_axi_bresp_i),
    .m_axi_bvalid_i(m_axi_bvalid_i),
    .m_axi_bready_o(m_axi_bready_o),
    .m_axi_arid_o(m_axi_arid_o),
    .m_axi_araddr_o(m_axi_araddr_o),
    .m_axi_arlen_o(m_axi_arlen_o),
    .m_axi_arsize_o(m_axi_arsize_o),
    .m_axi_arburst_o(m_axi_arburst_o),
    .m_axi_arvalid_o(m_axi_arvalid_o),
    .m_axi_arready_i(m_axi_arready_i),
    .m_axi_rid_i(m_axi_rid_i),
    .m_axi_rdata_i(m_axi_rdata_i),
    .m_axi_rresp_i(m_axi_rresp_i),
    .m_axi_rlast_i(m_axi_rlast_i),
    .m_axi_rvalid_i(m_axi_rvalid_i),
    .m_axi_rready_o(m_axi_rready_o),
    .pcie_clk_i(pcie_clk_i),
    .pcie_rst_i(pcie_rst_i),
    .msi_enable_i(msi_enable_i),
    .msi_vector_width_i(msi_vector_width_i),
    .intx_msi_request_o(intx_msi_request_o),
    .msi_vector_num_o(msi_vector_num_o),
    .intx_msi_grant_i(intx_msi_grant_i),
    .gt_tx_clk_i(gt_clk_i),
    .gt_tx_rst_i(gt_rst_i),
    .gt_txdata_o(dut_gt_txdata),
    .gt_txheader_o(dut_gt_txheader),
    .gt_rx_clk_i(gt_clk_i),
    .gt_rx_rst_i(gt_rst_i),
    .gt_rxdata_i(dut_gt_rxdata),
    .gt_rxheader_i(dut_gt_rxheader),
    .gt_rxgearboxslip_o(dut_slip),
    .link_up_o(dut_link_up_o),
    .block_lock_o(dut_block_lock_o)
  );
  assign link_up_o = fe_link && dut_link_up_o;
endmodule
/* verilator lint_on PINCONNECTEMPTY */

`resetall
