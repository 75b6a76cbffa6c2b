`resetall
`default_nettype none

// vmq_eth_sys_top (test bench): vmq_top with its 10GBASE-R path (EthPhy = 1)
// behind a modelled link, with the ports of vmq_core, so that the receive
// system test (tb/system/rx_core/rx_core_test.cpp) runs through it
// unchanged:
//
//   s_rx_* --> store-and-forward FIFO --> far-end MAC TX --> far-end PCS TX
//     --> vmq_gt_channel (bit offset, slip) --> vmq_top: PCS RX --> MAC RX
//     --> async FIFO --> vmq_core
//   vmq_core --> async FIFO --> MAC TX --> PCS TX --> vmq_gt_channel
//     --> far-end PCS RX --> far-end MAC RX --> m_tx_* (no backpressure)
//
// One clock drives every domain (the FIFOs' synchronisers are still in the
// path; tb/unit/async_fifo tests them across real clock ratios). The far
// end pads to 60 bytes, so the test sends frames of at least 60 bytes
// (--phy 1). rx_room_for_max_o is the core's, held low while a frame is
// between s_rx and the core, so a test that starts frames only on room
// never has two maximum frames in flight. link_up_o: both PCSs locked.
// The far end's and the DUT's counters that this bench does not observe are
// left open on purpose; m_tx_tready_i exists only for vmq_core's port list
// (a MAC's receive side cannot be stalled).
/* verilator lint_off PINCONNECTEMPTY */
module vmq_eth_sys_top #(
  parameter int unsigned NumQueues     = 16,
  parameter int unsigned NumFilters    = 64,
  parameter int unsigned AxiDataW      = 128,
  parameter int unsigned MaxFrameBytes = 9216,
  parameter int unsigned LinkOffset    = 17,  // the channel's initial bit offset
  localparam int unsigned DataW        = 64,
  localparam int unsigned QW           = (NumQueues > 1) ? $clog2(NumQueues) : 1,
  localparam int unsigned IdW          = QW + 2
) (
  input  logic                      clk_i,
  input  logic                      rst_i,
  input  logic [DataW-1:0]          s_rx_tdata_i,
  input  logic [DataW/8-1:0]        s_rx_tkeep_i,
  input  logic                      s_rx_tvalid_i,
  output logic                      s_rx_tready_o,
  input  logic                      s_rx_tlast_i,
  input  logic                      s_rx_tuser_i,
  output logic [DataW-1:0]          m_tx_tdata_o,
  output logic [DataW/8-1:0]        m_tx_tkeep_o,
  output logic                      m_tx_tvalid_o,
  /* verilator lint_off UNUSEDSIGNAL */
  input  logic                      m_tx_tready_i,
  /* verilator lint_on UNUSEDSIGNAL */
  output logic                      m_tx_tlast_o,
  output logic                      m_tx_tuser_o,
  input  logic [vmq_reg_pkg::REG_ADDR_W-1:0]               s_axil_awaddr_i,
  input  logic                      s_axil_awvalid_i,
  output logic                      s_axil_awready_o,
  input  logic [31:0]               s_axil_wdata_i,
  input  logic [3:0]                s_axil_wstrb_i,
  input  logic                      s_axil_wvalid_i,
  output logic                      s_axil_wready_o,
  output logic [1:0]                s_axil_bresp_o,
  output logic                      s_axil_bvalid_o,
  input  logic                      s_axil_bready_i,
  input  logic [vmq_reg_pkg::REG_ADDR_W-1:0]               s_axil_araddr_i,
  input  logic                      s_axil_arvalid_i,
  output logic                      s_axil_arready_o,
  output logic [31:0]               s_axil_rdata_o,
  output logic [1:0]                s_axil_rresp_o,
  output logic                      s_axil_rvalid_o,
  input  logic                      s_axil_rready_i,
  output logic [IdW-1:0]            m_axi_awid_o,
  output logic [63:0]               m_axi_awaddr_o,
  output logic [7:0]                m_axi_awlen_o,
  output logic [2:0]                m_axi_awsize_o,
  output logic [1:0]                m_axi_awburst_o,
  output logic                      m_axi_awvalid_o,
  input  logic                      m_axi_awready_i,
  output logic [AxiDataW-1:0]       m_axi_wdata_o,
  output logic [AxiDataW/8-1:0]     m_axi_wstrb_o,
  output logic                      m_axi_wlast_o,
  output logic                      m_axi_wvalid_o,
  input  logic                      m_axi_wready_i,
  input  logic [IdW-1:0]            m_axi_bid_i,
  input  logic [1:0]                m_axi_bresp_i,
  input  logic                      m_axi_bvalid_i,
  output logic                      m_axi_bready_o,
  output logic [IdW-1:0]            m_axi_arid_o,
  output logic [63:0]               m_axi_araddr_o,
  output logic [7:0]                m_axi_arlen_o,
  output logic [2:0]                m_axi_arsize_o,
  output logic [1:0]                m_axi_arburst_o,
  output logic                      m_axi_arvalid_o,
  input  logic                      m_axi_arready_i,
  input  logic [IdW-1:0]            m_axi_rid_i,
  input  logic [AxiDataW-1:0]       m_axi_rdata_i,
  input  logic [1:0]                m_axi_rresp_i,
  input  logic                      m_axi_rlast_i,
  input  logic                      m_axi_rvalid_i,
  output logic                      m_axi_rready_o,
  output logic [NumQueues-1:0]      irq_o,
  output logic                      rx_room_for_max_o,
  // observation
  output logic                      link_up_o,
  output logic [31:0]               far_tx_underruns_o,
  output logic [31:0]               dut_rx_fcs_errors_o,
  output logic [31:0]               dut_rx_code_errors_o,
  output logic [31:0]               dut_rx_fifo_drops_o,
  output logic [31:0]               dut_lock_losses_o
);
  // ------------------------------------------------------------ far end, TX
  logic [63:0] fe_tdata;
  logic [7:0]  fe_tkeep;
  logic        fe_tvalid, fe_tready, fe_tlast, fe_tuser;
  logic [63:0] fe_txd, fe_rxd;
  logic [7:0]  fe_txc, fe_rxc;
  logic [63:0] fe_gt_txdata, fe_gt_rxdata, dut_gt_txdata, dut_gt_rxdata;
  logic [1:0]  fe_gt_txheader, fe_gt_rxheader, dut_gt_txheader, dut_gt_rxheader;
  logic        fe_slip, dut_slip, fe_link, dut_link;
  logic        core_rx_beat_last, core_room, fifo_tready, linked_q;

  vmq_axis_async_fifo #(
    .DataW(64), .Depth(2048), .SyncStages(2), .DropOnOverflow(1'b0), .StoreAndForward(1'b1),
    .MaxFrameBytes(MaxFrameBytes + 64)
  ) u_fe_fifo (
    .s_clk_i(clk_i), .s_rst_i(rst_i),
    .s_tdata_i(s_rx_tdata_i), .s_tkeep_i(s_rx_tkeep_i), .s_tvalid_i(s_rx_tvalid_i && linked_q),
    .s_tready_o(fifo_tready), .s_tlast_i(s_rx_tlast_i), .s_tuser_i(s_rx_tuser_i),
    .s_drop_o(), .s_drops_o(),
    .m_clk_i(clk_i), .m_rst_i(rst_i),
    .m_tdata_o(fe_tdata), .m_tkeep_o(fe_tkeep), .m_tvalid_o(fe_tvalid), .m_tready_i(fe_tready),
    .m_tlast_o(fe_tlast), .m_tuser_o(fe_tuser)
  );

  vmq_mac_10g u_fe_mac (
    .tx_clk_i(clk_i), .tx_rst_i(rst_i),
    .s_tx_tdata_i(fe_tdata), .s_tx_tkeep_i(fe_tkeep), .s_tx_tvalid_i(fe_tvalid),
    .s_tx_tready_o(fe_tready), .s_tx_tlast_i(fe_tlast), .s_tx_tuser_i(fe_tuser),
    .xgmii_txd_o(fe_txd), .xgmii_txc_o(fe_txc),
    .rx_clk_i(clk_i), .rx_rst_i(rst_i),
    .xgmii_rxd_i(fe_rxd), .xgmii_rxc_i(fe_rxc),
    .m_rx_tdata_o(m_tx_tdata_o), .m_rx_tkeep_o(m_tx_tkeep_o), .m_rx_tvalid_o(m_tx_tvalid_o),
    .m_rx_tlast_o(m_tx_tlast_o), .m_rx_tuser_o(m_tx_tuser_o),
    .tx_frames_o(), .tx_bytes_o(), .tx_underruns_o(far_tx_underruns_o), .tx_errors_o(),
    .rx_frames_o(), .rx_bytes_o(), .rx_fcs_errors_o(), .rx_code_errors_o()
  );

  vmq_pcs_10gbaser #(.SlipWaitCycles(32), .BerWindowCycles(19531), .GtBitReverse(1'b0)) u_fe_pcs (
    .tx_clk_i(clk_i), .tx_rst_i(rst_i),
    .xgmii_txd_i(fe_txd), .xgmii_txc_i(fe_txc),
    .gt_txdata_o(fe_gt_txdata), .gt_txheader_o(fe_gt_txheader),
    .rx_clk_i(clk_i), .rx_rst_i(rst_i),
    .gt_rxdata_i(fe_gt_rxdata), .gt_rxheader_i(fe_gt_rxheader), .gt_rxgearboxslip_o(fe_slip),
    .xgmii_rxd_o(fe_rxd), .xgmii_rxc_o(fe_rxc),
    .rx_block_lock_o(), .rx_high_ber_o(), .rx_link_up_o(fe_link),
    .rx_err_blocks_o(), .rx_ber_count_o(), .rx_lock_losses_o()
  );

  // ------------------------------------------------------------ the link
  vmq_gt_channel #(.InitOffset(LinkOffset), .SlipDelay(8)) u_ch_to_dut (
    .clk_i(clk_i), .rst_i(rst_i),
    .tx_data_i(fe_gt_txdata), .tx_header_i(fe_gt_txheader),
    .rx_data_o(dut_gt_rxdata), .rx_header_o(dut_gt_rxheader), .rx_slip_i(dut_slip)
  );
  vmq_gt_channel #(.InitOffset((LinkOffset * 7 + 3) % 66), .SlipDelay(8)) u_ch_to_fe (
    .clk_i(clk_i), .rst_i(rst_i),
    .tx_data_i(dut_gt_txdata), .tx_header_i(dut_gt_txheader),
    .rx_data_o(fe_gt_rxdata), .rx_header_o(fe_gt_rxheader), .rx_slip_i(fe_slip)
  );

  // ------------------------------------------------------------ the NIC
  vmq_top #(
    .NumQueues(NumQueues), .NumFilters(NumFilters), .DataW(DataW), .AxiDataW(AxiDataW),
    .MaxFrameBytes(MaxFrameBytes), .EthPhy(1'b1)
  ) u_dut (
    .clk_i(clk_i), .rst_i(rst_i),
    .mac_rx_clk_i(clk_i), .mac_rx_rst_i(rst_i),
    .s_mac_rx_tdata_i('0), .s_mac_rx_tkeep_i('0), .s_mac_rx_tvalid_i(1'b0),
    .s_mac_rx_tlast_i(1'b0), .s_mac_rx_tuser_i(1'b0),
    .mac_tx_clk_i(clk_i), .mac_tx_rst_i(rst_i),
    .m_mac_tx_tdata_o(), .m_mac_tx_tkeep_o(), .m_mac_tx_tvalid_o(), .m_mac_tx_tready_i(1'b1),
    .m_mac_tx_tlast_o(), .m_mac_tx_tuser_o(),
    .gt_tx_clk_i(clk_i), .gt_tx_rst_i(rst_i),
    .gt_txdata_o(dut_gt_txdata), .gt_txheader_o(dut_gt_txheader),
    .gt_rx_clk_i(clk_i), .gt_rx_rst_i(rst_i),
    .gt_rxdata_i(dut_gt_rxdata), .gt_rxheader_i(dut_gt_rxheader), .gt_rxgearboxslip_o(dut_slip),
    .rx_block_lock_o(), .rx_high_ber_o(), .rx_link_up_o(dut_link),
    .mac_tx_frames_o(), .mac_tx_bytes_o(), .mac_tx_underruns_o(), .mac_tx_errors_o(),
    .mac_rx_frames_o(), .mac_rx_bytes_o(), .mac_rx_fcs_errors_o(dut_rx_fcs_errors_o),
    .mac_rx_code_errors_o(dut_rx_code_errors_o),
    .pcs_rx_err_blocks_o(), .pcs_rx_ber_count_o(), .pcs_rx_lock_losses_o(dut_lock_losses_o),
    .rx_fifo_drops_o(dut_rx_fifo_drops_o), .tx_fifo_drops_o(),
    .s_axil_awaddr_i, .s_axil_awvalid_i, .s_axil_awready_o, .s_axil_wdata_i, .s_axil_wstrb_i,
    .s_axil_wvalid_i, .s_axil_wready_o, .s_axil_bresp_o, .s_axil_bvalid_o, .s_axil_bready_i,
    .s_axil_araddr_i, .s_axil_arvalid_i, .s_axil_arready_o, .s_axil_rdata_o, .s_axil_rresp_o,
    .s_axil_rvalid_o, .s_axil_rready_i,
    .m_axi_awid_o, .m_axi_awaddr_o, .m_axi_awlen_o, .m_axi_awsize_o, .m_axi_awburst_o,
    .m_axi_awvalid_o, .m_axi_awready_i, .m_axi_wdata_o, .m_axi_wstrb_o, .m_axi_wlast_o,
    .m_axi_wvalid_o, .m_axi_wready_i, .m_axi_bid_i, .m_axi_bresp_i, .m_axi_bvalid_i,
    .m_axi_bready_o, .m_axi_arid_o, .m_axi_araddr_o, .m_axi_arlen_o, .m_axi_arsize_o,
    .m_axi_arburst_o, .m_axi_arvalid_o, .m_axi_arready_i, .m_axi_rid_i, .m_axi_rdata_i,
    .m_axi_rresp_i, .m_axi_rlast_i, .m_axi_rvalid_i, .m_axi_rready_o,
    .irq_o, .rx_room_for_max_o(core_room)
  );
  assign link_up_o = fe_link && dut_link;

  // s_rx takes nothing until both ends have had their link up once (the
  // test's frames wait instead of going into a link that is not there yet).
  assign s_rx_tready_o = fifo_tready && linked_q;
  always_ff @(posedge clk_i) begin
    if (rst_i) linked_q <= 1'b0;
    else if (link_up_o) linked_q <= 1'b1;
  end

  // Frames between s_rx and the core: + at s_rx's last beat, - at the
  // core's (a frame the far end or the link loses would hold this up: the
  // test then stalls and says so).
  logic [15:0] inflight_q;
  assign core_rx_beat_last = u_dut.u_core.s_rx_tvalid_i && u_dut.u_core.s_rx_tready_o
                             && u_dut.u_core.s_rx_tlast_i;
  always_ff @(posedge clk_i) begin
    if (rst_i) inflight_q <= '0;
    else inflight_q <= inflight_q + 16'(s_rx_tvalid_i && s_rx_tready_o && s_rx_tlast_i)
                                  - 16'(core_rx_beat_last);
  end
  assign rx_room_for_max_o = core_room && inflight_q == '0;
endmodule
/* verilator lint_on PINCONNECTEMPTY */
