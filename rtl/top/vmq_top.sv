`resetall
`default_nettype none

// vmq_top: vmq_core with its MAC-side clock domains (SPEC §2; docs/vmq-top.md).
//
// Everything of vmq_core (registers, DMA, interrupts) stays in clk_i's
// domain with the same port names. The MAC streams cross to their own clocks
// through vmq_axis_async_fifo:
//   transmit: core m_tx -> TX FIFO (store and forward: a frame leaves only
//             when complete, so the MAC never underruns) -> MAC TX clock
//   receive:  MAC RX clock -> RX FIFO (no backpressure: a frame that does not
//             fit is dropped, or cut with tuser = 1, and counted in
//             rx_fifo_drops_o) -> core s_rx
// EthPhy = 0: the FIFOs face bare AXI4-Stream MAC ports (mac_rx_*/mac_tx_*),
//             each with its own clock and reset; the GT outputs, link status
//             and MAC/PCS counters are zero.
// EthPhy = 1: vmq_mac_10g + vmq_pcs_10gbaser sit between the FIFOs and a GT
//             in asynchronous-gearbox mode (64-bit block + 2-bit header per
//             156.25 MHz cycle): TX on gt_tx_clk_i (TXUSRCLK2), RX on
//             gt_rx_clk_i (RXUSRCLK2, recovered); needs DataW == 64. The bare
//             MAC ports are unused (outputs zero).
// Counters and status are in the clock domain of what they count: mac_tx_*
// in the MAC TX clock, mac_rx_*, pcs_*, rx_block_lock_o, rx_high_ber_o,
// rx_link_up_o and rx_fifo_drops_o in the MAC RX clock, tx_fifo_drops_o in
// clk_i. All counters are 32 bits and wrap; a reader in another clock domain
// must synchronise them (e.g. sample twice until equal, or Gray code).
// A reset of clk_i, or of either MAC/GT side, empties the FIFO of that
// direction (vmq_async_fifo: a reset on one side resets both sides).
module vmq_top #(
  // vmq_core, same names and defaults
  parameter int unsigned NumQueues       = 16,
  parameter int unsigned NumFilters      = 64,
  parameter int unsigned DataW           = 64,
  parameter int unsigned AxiDataW        = 128,
  parameter int unsigned MaxFrameBytes   = 9216,
  parameter int unsigned PktBufBytes     = 65536,
  parameter int unsigned FrameSlots      = 64,
  parameter int unsigned DescCache       = 32,
  parameter int unsigned TxStageBytes    = 16384,
  parameter int unsigned TxDescCache     = 32,
  parameter int unsigned TxFrameRecs     = 32,
  // this wrapper
  parameter bit          EthPhy          = 1'b0,   // 1: 10GBASE-R PCS + MAC on the GT interface (DataW == 64)
  parameter int unsigned MacFifoDepth    = 2048,   // entries of DataW bits per direction (TX holds a MaxFrameBytes frame)
  // vmq_pcs_10gbaser, passed through
  parameter int unsigned SlipWaitCycles  = 32,
  parameter int unsigned BerWindowCycles = 19531,
  parameter bit          GtBitReverse    = 1'b0,
  localparam int unsigned QW             = (NumQueues > 1) ? $clog2(NumQueues) : 1,
  localparam int unsigned IdW            = QW + 2,
  localparam int unsigned KeepW          = DataW / 8
) (
  // core clock domain
  input  logic                        clk_i,
  input  logic                        rst_i,

  // bare MAC receive stream (EthPhy == 0), mac_rx_clk_i domain, no tready
  input  logic                        mac_rx_clk_i,
  input  logic                        mac_rx_rst_i,
  input  logic [DataW-1:0]            s_mac_rx_tdata_i,
  input  logic [KeepW-1:0]            s_mac_rx_tkeep_i,
  input  logic                        s_mac_rx_tvalid_i,
  input  logic                        s_mac_rx_tlast_i,
  input  logic                        s_mac_rx_tuser_i,

  // bare MAC transmit stream (EthPhy == 0), mac_tx_clk_i domain
  input  logic                        mac_tx_clk_i,
  input  logic                        mac_tx_rst_i,
  output logic [DataW-1:0]            m_mac_tx_tdata_o,
  output logic [KeepW-1:0]            m_mac_tx_tkeep_o,
  output logic                        m_mac_tx_tvalid_o,
  input  logic                        m_mac_tx_tready_i,
  output logic                        m_mac_tx_tlast_o,
  output logic                        m_mac_tx_tuser_o,

  // GT (EthPhy == 1): TX on TXUSRCLK2, RX on RXUSRCLK2
  input  logic                        gt_tx_clk_i,
  input  logic                        gt_tx_rst_i,
  output logic [63:0]                 gt_txdata_o,
  output logic [1:0]                  gt_txheader_o,
  input  logic                        gt_rx_clk_i,
  input  logic                        gt_rx_rst_i,
  input  logic [63:0]                 gt_rxdata_i,
  input  logic [1:0]                  gt_rxheader_i,
  output logic                        gt_rxgearboxslip_o,

  // link status (GT RX clock), zero when EthPhy == 0
  output logic                        rx_block_lock_o,
  output logic                        rx_high_ber_o,
  output logic                        rx_link_up_o,

  // MAC counters (mac_tx_*: GT TX clock, mac_rx_*: GT RX clock), PCS
  // counters (GT RX clock); zero when EthPhy == 0
  output logic [31:0]                 mac_tx_frames_o,
  output logic [31:0]                 mac_tx_bytes_o,
  output logic [31:0]                 mac_tx_underruns_o,
  output logic [31:0]                 mac_tx_errors_o,
  output logic [31:0]                 mac_rx_frames_o,
  output logic [31:0]                 mac_rx_bytes_o,
  output logic [31:0]                 mac_rx_fcs_errors_o,
  output logic [31:0]                 mac_rx_code_errors_o,
  output logic [31:0]                 pcs_rx_err_blocks_o,
  output logic [31:0]                 pcs_rx_ber_count_o,
  output logic [31:0]                 pcs_rx_lock_losses_o,

  // frames dropped or cut by the RX crossing (mac_rx_clk_i / gt_rx_clk_i
  // domain) and cut by the TX crossing (clk_i domain; only a reset of the
  // MAC TX side mid-frame does that)
  output logic [31:0]                 rx_fifo_drops_o,
  output logic [31:0]                 tx_fifo_drops_o,

  // vmq_core: registers (AXI4-Lite), DMA (AXI4), interrupts, clk_i domain
  input  logic [vmq_reg_pkg::REG_ADDR_W-1:0]                 s_axil_awaddr_i,
  input  logic                        s_axil_awvalid_i,
  output logic                        s_axil_awready_o,
  input  logic [31:0]                 s_axil_wdata_i,
  input  logic [3:0]                  s_axil_wstrb_i,
  input  logic                        s_axil_wvalid_i,
  output logic                        s_axil_wready_o,
  output logic [1:0]                  s_axil_bresp_o,
  output logic                        s_axil_bvalid_o,
  input  logic                        s_axil_bready_i,
  input  logic [vmq_reg_pkg::REG_ADDR_W-1:0]                 s_axil_araddr_i,
  input  logic                        s_axil_arvalid_i,
  output logic                        s_axil_arready_o,
  output logic [31:0]                 s_axil_rdata_o,
  output logic [1:0]                  s_axil_rresp_o,
  output logic                        s_axil_rvalid_o,
  input  logic                        s_axil_rready_i,
  output logic [IdW-1:0]              m_axi_awid_o,
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
  input  logic [IdW-1:0]              m_axi_bid_i,
  input  logic [1:0]                  m_axi_bresp_i,
  input  logic                        m_axi_bvalid_i,
  output logic                        m_axi_bready_o,
  output logic [IdW-1:0]              m_axi_arid_o,
  output logic [63:0]                 m_axi_araddr_o,
  output logic [7:0]                  m_axi_arlen_o,
  output logic [2:0]                  m_axi_arsize_o,
  output logic [1:0]                  m_axi_arburst_o,
  output logic                        m_axi_arvalid_o,
  input  logic                        m_axi_arready_i,
  input  logic [IdW-1:0]              m_axi_rid_i,
  input  logic [AxiDataW-1:0]         m_axi_rdata_i,
  input  logic [1:0]                  m_axi_rresp_i,
  input  logic                        m_axi_rlast_i,
  input  logic                        m_axi_rvalid_i,
  output logic                        m_axi_rready_o,
  output logic [NumQueues-1:0]        irq_o,
  output logic                        rx_room_for_max_o
);
  if (EthPhy && DataW != 64) begin : gen_bad_phy
    $fatal(1, "vmq_top: EthPhy = 1 needs DataW = 64 (DataW = %0d)", DataW);
  end

  // ---------------------------------------------------------------------------
  // The MAC side of both FIFOs: clocks, resets and streams, from the bare
  // ports or from the MAC
  // ---------------------------------------------------------------------------
  logic             rxm_clk, rxm_rst, txm_clk, txm_rst;
  logic [DataW-1:0] rxm_tdata, txm_tdata;
  logic [KeepW-1:0] rxm_tkeep, txm_tkeep;
  logic             rxm_tvalid, rxm_tlast, rxm_tuser;
  logic             txm_tvalid, txm_tready, txm_tlast, txm_tuser;
  logic             rxm_tready_unused;

  if (EthPhy) begin : gen_eth_phy
    logic [63:0] xgmii_txd, xgmii_rxd;
    logic [7:0]  xgmii_txc, xgmii_rxc;

    assign rxm_clk = gt_rx_clk_i;
    assign rxm_rst = gt_rx_rst_i;
    assign txm_clk = gt_tx_clk_i;
    assign txm_rst = gt_tx_rst_i;

    vmq_mac_10g u_mac (
      .tx_clk_i         (gt_tx_clk_i),
      .tx_rst_i         (gt_tx_rst_i),
      .s_tx_tdata_i     (txm_tdata),
      .s_tx_tkeep_i     (txm_tkeep),
      .s_tx_tvalid_i    (txm_tvalid),
      .s_tx_tready_o    (txm_tready),
      .s_tx_tlast_i     (txm_tlast),
      .s_tx_tuser_i     (txm_tuser),
      .xgmii_txd_o      (xgmii_txd),
      .xgmii_txc_o      (xgmii_txc),
      .rx_clk_i         (gt_rx_clk_i),
      .rx_rst_i         (gt_rx_rst_i),
      .xgmii_rxd_i      (xgmii_rxd),
      .xgmii_rxc_i      (xgmii_rxc),
      .m_rx_tdata_o     (rxm_tdata),
      .m_rx_tkeep_o     (rxm_tkeep),
      .m_rx_tvalid_o    (rxm_tvalid),
      .m_rx_tlast_o     (rxm_tlast),
      .m_rx_tuser_o     (rxm_tuser),
      .tx_frames_o      (mac_tx_frames_o),
      .tx_bytes_o       (mac_tx_bytes_o),
      .tx_underruns_o   (mac_tx_underruns_o),
      .tx_errors_o      (mac_tx_errors_o),
      .rx_frames_o      (mac_rx_frames_o),
      .rx_bytes_o       (mac_rx_bytes_o),
      .rx_fcs_errors_o  (mac_rx_fcs_errors_o),
      .rx_code_errors_o (mac_rx_code_errors_o)
    );

    vmq_pcs_10gbaser #(
      .SlipWaitCycles  (SlipWaitCycles),
      .BerWindowCycles (BerWindowCycles),
      .GtBitReverse    (GtBitReverse)
    ) u_pcs (
      .tx_clk_i           (gt_tx_clk_i),
      .tx_rst_i           (gt_tx_rst_i),
      .xgmii_txd_i        (xgmii_txd),
      .xgmii_txc_i        (xgmii_txc),
      .gt_txdata_o        (gt_txdata_o),
      .gt_txheader_o      (gt_txheader_o),
      .rx_clk_i           (gt_rx_clk_i),
      .rx_rst_i           (gt_rx_rst_i),
      .gt_rxdata_i        (gt_rxdata_i),
      .gt_rxheader_i      (gt_rxheader_i),
      .gt_rxgearboxslip_o (gt_rxgearboxslip_o),
      .xgmii_rxd_o        (xgmii_rxd),
      .xgmii_rxc_o        (xgmii_rxc),
      .rx_block_lock_o    (rx_block_lock_o),
      .rx_high_ber_o      (rx_high_ber_o),
      .rx_link_up_o       (rx_link_up_o),
      .rx_err_blocks_o    (pcs_rx_err_blocks_o),
      .rx_ber_count_o     (pcs_rx_ber_count_o),
      .rx_lock_losses_o   (pcs_rx_lock_losses_o)
    );

    // The bare MAC ports are not used.
    assign m_mac_tx_tdata_o  = '0;
    assign m_mac_tx_tkeep_o  = '0;
    assign m_mac_tx_tvalid_o = 1'b0;
    assign m_mac_tx_tlast_o  = 1'b0;
    assign m_mac_tx_tuser_o  = 1'b0;
    logic unused_mac_ports;
    assign unused_mac_ports = ^{mac_rx_clk_i, mac_rx_rst_i, s_mac_rx_tdata_i, s_mac_rx_tkeep_i,
                                s_mac_rx_tvalid_i, s_mac_rx_tlast_i, s_mac_rx_tuser_i,
                                mac_tx_clk_i, mac_tx_rst_i, m_mac_tx_tready_i};
  end else begin : gen_bare_mac
    assign rxm_clk    = mac_rx_clk_i;
    assign rxm_rst    = mac_rx_rst_i;
    assign rxm_tdata  = s_mac_rx_tdata_i;
    assign rxm_tkeep  = s_mac_rx_tkeep_i;
    assign rxm_tvalid = s_mac_rx_tvalid_i;
    assign rxm_tlast  = s_mac_rx_tlast_i;
    assign rxm_tuser  = s_mac_rx_tuser_i;

    assign txm_clk           = mac_tx_clk_i;
    assign txm_rst           = mac_tx_rst_i;
    assign m_mac_tx_tdata_o  = txm_tdata;
    assign m_mac_tx_tkeep_o  = txm_tkeep;
    assign m_mac_tx_tvalid_o = txm_tvalid;
    assign txm_tready        = m_mac_tx_tready_i;
    assign m_mac_tx_tlast_o  = txm_tlast;
    assign m_mac_tx_tuser_o  = txm_tuser;

    // No GT, MAC or PCS: outputs zero, GT inputs not used.
    assign gt_txdata_o          = '0;
    assign gt_txheader_o        = '0;
    assign gt_rxgearboxslip_o   = 1'b0;
    assign rx_block_lock_o      = 1'b0;
    assign rx_high_ber_o        = 1'b0;
    assign rx_link_up_o         = 1'b0;
    assign mac_tx_frames_o      = '0;
    assign mac_tx_bytes_o       = '0;
    assign mac_tx_underruns_o   = '0;
    assign mac_tx_errors_o      = '0;
    assign mac_rx_frames_o      = '0;
    assign mac_rx_bytes_o       = '0;
    assign mac_rx_fcs_errors_o  = '0;
    assign mac_rx_code_errors_o = '0;
    assign pcs_rx_err_blocks_o  = '0;
    assign pcs_rx_ber_count_o   = '0;
    assign pcs_rx_lock_losses_o = '0;
    logic unused_gt_ports;
    assign unused_gt_ports = ^{gt_tx_clk_i, gt_tx_rst_i, gt_rx_clk_i, gt_rx_rst_i,
                               gt_rxdata_i, gt_rxheader_i};
  end

  // ---------------------------------------------------------------------------
  // Clock-domain crossings
  // ---------------------------------------------------------------------------
  logic [DataW-1:0] core_s_rx_tdata, core_m_tx_tdata;
  logic [KeepW-1:0] core_s_rx_tkeep, core_m_tx_tkeep;
  logic             core_s_rx_tvalid, core_s_rx_tready, core_s_rx_tlast, core_s_rx_tuser;
  logic             core_m_tx_tvalid, core_m_tx_tready, core_m_tx_tlast, core_m_tx_tuser;
  logic             rx_drop_unused, tx_drop_unused;

  vmq_axis_async_fifo #(
    .DataW          (DataW),
    .Depth          (MacFifoDepth),
    .DropOnOverflow (1'b1)
  ) u_rx_fifo (
    .s_clk_i    (rxm_clk),
    .s_rst_i    (rxm_rst),
    .s_tdata_i  (rxm_tdata),
    .s_tkeep_i  (rxm_tkeep),
    .s_tvalid_i (rxm_tvalid),
    .s_tready_o (rxm_tready_unused),
    .s_tlast_i  (rxm_tlast),
    .s_tuser_i  (rxm_tuser),
    .s_drop_o   (rx_drop_unused),
    .s_drops_o  (rx_fifo_drops_o),
    .m_clk_i    (clk_i),
    .m_rst_i    (rst_i),
    .m_tdata_o  (core_s_rx_tdata),
    .m_tkeep_o  (core_s_rx_tkeep),
    .m_tvalid_o (core_s_rx_tvalid),
    .m_tready_i (core_s_rx_tready),
    .m_tlast_o  (core_s_rx_tlast),
    .m_tuser_o  (core_s_rx_tuser)
  );

  vmq_axis_async_fifo #(
    .DataW           (DataW),
    .Depth           (MacFifoDepth),
    .StoreAndForward (1'b1),
    .MaxFrameBytes   (MaxFrameBytes)
  ) u_tx_fifo (
    .s_clk_i    (clk_i),
    .s_rst_i    (rst_i),
    .s_tdata_i  (core_m_tx_tdata),
    .s_tkeep_i  (core_m_tx_tkeep),
    .s_tvalid_i (core_m_tx_tvalid),
    .s_tready_o (core_m_tx_tready),
    .s_tlast_i  (core_m_tx_tlast),
    .s_tuser_i  (core_m_tx_tuser),
    .s_drop_o   (tx_drop_unused),
    .s_drops_o  (tx_fifo_drops_o),
    .m_clk_i    (txm_clk),
    .m_rst_i    (txm_rst),
    .m_tdata_o  (txm_tdata),
    .m_tkeep_o  (txm_tkeep),
    .m_tvalid_o (txm_tvalid),
    .m_tready_i (txm_tready),
    .m_tlast_o  (txm_tlast),
    .m_tuser_o  (txm_tuser)
  );

  // ---------------------------------------------------------------------------
  // The core
  // ---------------------------------------------------------------------------
  vmq_core #(
    .NumQueues     (NumQueues),
    .NumFilters    (NumFilters),
    .DataW         (DataW),
    .AxiDataW      (AxiDataW),
    .MaxFrameBytes (MaxFrameBytes),
    .PktBufBytes   (PktBufBytes),
    .FrameSlots    (FrameSlots),
    .DescCache     (DescCache),
    .TxStageBytes  (TxStageBytes),
    .TxDescCache   (TxDescCache),
    .TxFrameRecs   (TxFrameRecs)
  ) u_core (
    .clk_i              (clk_i),
    .rst_i              (rst_i),
    .s_rx_tdata_i       (core_s_rx_tdata),
    .s_rx_tkeep_i       (core_s_rx_tkeep),
    .s_rx_tvalid_i      (core_s_rx_tvalid),
    .s_rx_tready_o      (core_s_rx_tready),
    .s_rx_tlast_i       (core_s_rx_tlast),
    .s_rx_tuser_i       (core_s_rx_tuser),
    .m_tx_tdata_o       (core_m_tx_tdata),
    .m_tx_tkeep_o       (core_m_tx_tkeep),
    .m_tx_tvalid_o      (core_m_tx_tvalid),
    .m_tx_tready_i      (core_m_tx_tready),
    .m_tx_tlast_o       (core_m_tx_tlast),
    .m_tx_tuser_o       (core_m_tx_tuser),
    .s_axil_awaddr_i    (s_axil_awaddr_i),
    .s_axil_awvalid_i   (s_axil_awvalid_i),
    .s_axil_awready_o   (s_axil_awready_o),
    .s_axil_wdata_i     (s_axil_wdata_i),
    .s_axil_wstrb_i     (s_axil_wstrb_i),
    .s_axil_wvalid_i    (s_axil_wvalid_i),
    .s_axil_wready_o    (s_axil_wready_o),
    .s_axil_bresp_o     (s_axil_bresp_o),
    .s_axil_bvalid_o    (s_axil_bvalid_o),
    .s_axil_bready_i    (s_axil_bready_i),
    .s_axil_araddr_i    (s_axil_araddr_i),
    .s_axil_arvalid_i   (s_axil_arvalid_i),
    .s_axil_arready_o   (s_axil_arready_o),
    .s_axil_rdata_o     (s_axil_rdata_o),
    .s_axil_rresp_o     (s_axil_rresp_o),
    .s_axil_rvalid_o    (s_axil_rvalid_o),
    .s_axil_rready_i    (s_axil_rready_i),
    .m_axi_awid_o       (m_axi_awid_o),
    .m_axi_awaddr_o     (m_axi_awaddr_o),
    .m_axi_awlen_o      (m_axi_awlen_o),
    .m_axi_awsize_o     (m_axi_awsize_o),
    .m_axi_awburst_o    (m_axi_awburst_o),
    .m_axi_awvalid_o    (m_axi_awvalid_o),
    .m_axi_awready_i    (m_axi_awready_i),
    .m_axi_wdata_o      (m_axi_wdata_o),
    .m_axi_wstrb_o      (m_axi_wstrb_o),
    .m_axi_wlast_o      (m_axi_wlast_o),
    .m_axi_wvalid_o     (m_axi_wvalid_o),
    .m_axi_wready_i     (m_axi_wready_i),
    .m_axi_bid_i        (m_axi_bid_i),
    .m_axi_bresp_i      (m_axi_bresp_i),
    .m_axi_bvalid_i     (m_axi_bvalid_i),
    .m_axi_bready_o     (m_axi_bready_o),
    .m_axi_arid_o       (m_axi_arid_o),
    .m_axi_araddr_o     (m_axi_araddr_o),
    .m_axi_arlen_o      (m_axi_arlen_o),
    .m_axi_arsize_o     (m_axi_arsize_o),
    .m_axi_arburst_o    (m_axi_arburst_o),
    .m_axi_arvalid_o    (m_axi_arvalid_o),
    .m_axi_arready_i    (m_axi_arready_i),
    .m_axi_rid_i        (m_axi_rid_i),
    .m_axi_rdata_i      (m_axi_rdata_i),
    .m_axi_rresp_i      (m_axi_rresp_i),
    .m_axi_rlast_i      (m_axi_rlast_i),
    .m_axi_rvalid_i     (m_axi_rvalid_i),
    .m_axi_rready_o     (m_axi_rready_o),
    .irq_o              (irq_o),
    .rx_room_for_max_o  (rx_room_for_max_o)
  );

  logic unused_ok;
  assign unused_ok = ^{rxm_tready_unused, rx_drop_unused, tx_drop_unused};

endmodule

`resetall
