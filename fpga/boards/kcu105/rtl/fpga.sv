`resetall
`default_nettype none

// fpga: the KCU105 top (docs/fpga-kcu105.md). Everything vendor-specific
// lives here -- clock buffers, the MMCM, reset synchronisers, the PCIe
// bridge, the AXI clock converters, the GT wizard -- around fpga_core,
// which is vendor-free and simulated in tb/.
//
//   PCIe x8 Gen3 -- axi_pcie3_0 --M_AXI (BAR0, axi_aclk)--> axi_cc_bar --> fpga_core s_axi (clk_core)
//                              <--S_AXI (DMA, axi_aclk)--- axi_cc_dma <-- fpga_core m_axi (clk_core)
//                              <--MSI (axi_aclk)------------------------ fpga_core
//   SFP+ 0 ----- gtwizard_10gbaser (TX/RX USRCLK2 156.25 MHz, 64 b + 2 b header) --- fpga_core gt_*
//   125 MHz LVDS -- clk_wiz_core -- 250 MHz clk_core (core), 125 MHz clk_free (GT reset/DRP)
//
// Clock domains: clk_core (MMCM, free-running), axi_aclk (the bridge's user
// clock, 250 MHz, stops when the link/PERST# resets the block), GT TX and
// RX user clocks. Only the IPs' clock converters, the vmq FIFOs inside
// fpga_core and kcu105_rst_sync cross between them (xdc/kcu105_cdc.xdc).
//
// Resets (all active high inside, synchronous release per domain):
//   board   = CPU_RESET button or MMCM not locked
//   core    = board or the bridge's axi_aresetn low (PERST#, hot reset): the
//             core and both sides of both clock converters reset together
//   pcie    = the same, released in axi_aclk
//   GT      = board resets the wizard (gtwiz_reset_all_in); each direction of
//             fpga_core stays in reset until the wizard reports that
//             direction's reset done and its user clock active.
//
// Xilinx IP port names: PG194 (axi_pcie3), PG182 (gtwizard_ultrascale),
// PG164-family (axi_clock_converter), PG065 (clk_wiz); those not in the
// facts sheet are in the verify list of docs/fpga-kcu105.md.
module fpga #(
  // pushed from config.tcl by synth_design -generic (build.tcl)
  parameter int unsigned NumQueues      = 16,
  parameter int unsigned NumFilters     = 64,
  parameter int unsigned MaxFrameBytes  = 9216,
  parameter bit          GtBitReverse   = 1'b1,
  parameter int unsigned SlipWaitCycles = 32,
  parameter int unsigned BarAddrW       = 20,
  localparam int unsigned AxiDataW      = 256,
  localparam int unsigned DmaIdW        = $clog2(NumQueues) + 2,
  localparam int unsigned BarIdW        = 4
) (
  // 125 MHz LVDS system clock (G10/F10) and the CPU_RESET button (AN8)
  input  wire logic       sysclk_p_i,
  input  wire logic       sysclk_n_i,
  input  wire logic       cpu_reset_i,
  output      logic [7:0] led_o,

  // PCIe edge connector: 100 MHz refclk (MGTREFCLK0_225), PERST#, x8 lanes
  input  wire logic       pcie_refclk_p_i,
  input  wire logic       pcie_refclk_n_i,
  input  wire logic       pcie_perst_n_i,
  input  wire logic [7:0] pcie_rx_p_i,
  input  wire logic [7:0] pcie_rx_n_i,
  output      logic [7:0] pcie_tx_p_o,
  output      logic [7:0] pcie_tx_n_o,

  // SFP+ cage 0: 156.25 MHz refclk (MGTREFCLK0_227), GTH X0Y10, control
  input  wire logic       sfp_refclk_p_i,
  input  wire logic       sfp_refclk_n_i,
  input  wire logic       sfp0_rx_p_i,
  input  wire logic       sfp0_rx_n_i,
  output      logic       sfp0_tx_p_o,
  output      logic       sfp0_tx_n_o,
  output      logic       sfp0_tx_disable_o,
  input  wire logic       sfp0_los_i
);
  // ---------------------------------------------------------------------------
  // Clocks and the board reset
  // ---------------------------------------------------------------------------
  logic clk_core, clk_free, mmcm_locked;

  clk_wiz_core u_clk_wiz (
    .clk_in1_p (sysclk_p_i),
    .clk_in1_n (sysclk_n_i),
    .reset     (cpu_reset_i),
    .clk_out1  (clk_core),     // 250 MHz
    .clk_out2  (clk_free),     // 125 MHz
    .locked    (mmcm_locked)
  );

  logic board_rst_async;
  assign board_rst_async = cpu_reset_i || !mmcm_locked;

  // ---------------------------------------------------------------------------
  // PCIe: refclk buffer and the AXI bridge
  // ---------------------------------------------------------------------------
  logic pcie_sys_clk, pcie_sys_clk_gt;

  // O feeds the GT (sys_clk_gt), ODIV2 the fabric (sys_clk); facts sheet.
  IBUFDS_GTE3 u_pcie_refclk_buf (
    .I     (pcie_refclk_p_i),
    .IB    (pcie_refclk_n_i),
    .CEB   (1'b0),
    .O     (pcie_sys_clk_gt),
    .ODIV2 (pcie_sys_clk)
  );

  logic pcie_clk, pcie_aresetn, pcie_rst, pcie_link_up;

  // bridge M_AXI (BAR0 hits) -> axi_cc_bar
  logic [BarIdW-1:0]   br_m_awid, br_m_bid, br_m_arid, br_m_rid;
  logic [63:0]         br_m_awaddr, br_m_araddr;
  logic [7:0]          br_m_awlen, br_m_arlen;
  logic [2:0]          br_m_awsize, br_m_arsize;
  logic [1:0]          br_m_awburst, br_m_arburst, br_m_bresp, br_m_rresp;
  logic                br_m_awvalid, br_m_awready, br_m_wlast, br_m_wvalid, br_m_wready;
  logic                br_m_bvalid, br_m_bready, br_m_arvalid, br_m_arready;
  logic                br_m_rlast, br_m_rvalid, br_m_rready;
  logic [AxiDataW-1:0] br_m_wdata, br_m_rdata;
  logic [AxiDataW/8-1:0] br_m_wstrb;

  // axi_cc_dma -> bridge S_AXI (DMA to host memory)
  logic [DmaIdW-1:0]   br_s_awid, br_s_bid, br_s_arid, br_s_rid;
  logic [63:0]         br_s_awaddr, br_s_araddr;
  logic [7:0]          br_s_awlen, br_s_arlen;
  logic [2:0]          br_s_awsize, br_s_arsize;
  logic [1:0]          br_s_awburst, br_s_arburst, br_s_bresp, br_s_rresp;
  logic                br_s_awvalid, br_s_awready, br_s_wlast, br_s_wvalid, br_s_wready;
  logic                br_s_bvalid, br_s_bready, br_s_arvalid, br_s_arready;
  logic                br_s_rlast, br_s_rvalid, br_s_rready;
  logic [AxiDataW-1:0] br_s_wdata, br_s_rdata;
  logic [AxiDataW/8-1:0] br_s_wstrb;

  // MSI (axi_aclk domain)
  logic       msi_enable, intx_msi_request, intx_msi_grant;
  logic [2:0] msi_vector_width;
  logic [4:0] msi_vector_num;

  axi_pcie3_0 u_pcie (
    .sys_clk            (pcie_sys_clk),
    .sys_clk_gt         (pcie_sys_clk_gt),
    .sys_rst_n          (pcie_perst_n_i),
    .pci_exp_rxp        (pcie_rx_p_i),
    .pci_exp_rxn        (pcie_rx_n_i),
    .pci_exp_txp        (pcie_tx_p_o),
    .pci_exp_txn        (pcie_tx_n_o),
    .axi_aclk           (pcie_clk),
    .axi_aresetn        (pcie_aresetn),
    .user_link_up       (pcie_link_up),
    // MSI, one request at a time
    .intx_msi_request   (intx_msi_request),
    .intx_msi_grant     (intx_msi_grant),
    .msi_enable         (msi_enable),
    .msi_vector_width   (msi_vector_width),
    .msi_vector_num     (msi_vector_num),
    .interrupt_out      (),
    // M_AXI: BAR0 hits, full AXI4 master
    .m_axi_awid         (br_m_awid),
    .m_axi_awaddr       (br_m_awaddr),
    .m_axi_awlen        (br_m_awlen),
    .m_axi_awsize       (br_m_awsize),
    .m_axi_awburst      (br_m_awburst),
    .m_axi_awprot       (),
    .m_axi_awlock       (),
    .m_axi_awcache      (),
    .m_axi_awvalid      (br_m_awvalid),
    .m_axi_awready      (br_m_awready),
    .m_axi_wdata        (br_m_wdata),
    .m_axi_wstrb        (br_m_wstrb),
    .m_axi_wlast        (br_m_wlast),
    .m_axi_wvalid       (br_m_wvalid),
    .m_axi_wready       (br_m_wready),
    .m_axi_bid          (br_m_bid),
    .m_axi_bresp        (br_m_bresp),
    .m_axi_bvalid       (br_m_bvalid),
    .m_axi_bready       (br_m_bready),
    .m_axi_arid         (br_m_arid),
    .m_axi_araddr       (br_m_araddr),
    .m_axi_arlen        (br_m_arlen),
    .m_axi_arsize       (br_m_arsize),
    .m_axi_arburst      (br_m_arburst),
    .m_axi_arprot       (),
    .m_axi_arlock       (),
    .m_axi_arcache      (),
    .m_axi_arvalid      (br_m_arvalid),
    .m_axi_arready      (br_m_arready),
    .m_axi_rid          (br_m_rid),
    .m_axi_rdata        (br_m_rdata),
    .m_axi_rresp        (br_m_rresp),
    .m_axi_rlast        (br_m_rlast),
    .m_axi_rvalid       (br_m_rvalid),
    .m_axi_rready       (br_m_rready),
    // S_AXI: the core's DMA into host memory (axibar2pciebar_0 translation)
    .s_axi_awid         (br_s_awid),
    .s_axi_awaddr       (br_s_awaddr),
    .s_axi_awregion     (4'd0),
    .s_axi_awlen        (br_s_awlen),
    .s_axi_awsize       (br_s_awsize),
    .s_axi_awburst      (br_s_awburst),
    .s_axi_awvalid      (br_s_awvalid),
    .s_axi_awready      (br_s_awready),
    .s_axi_wdata        (br_s_wdata),
    .s_axi_wstrb        (br_s_wstrb),
    .s_axi_wlast        (br_s_wlast),
    .s_axi_wvalid       (br_s_wvalid),
    .s_axi_wready       (br_s_wready),
    .s_axi_bid          (br_s_bid),
    .s_axi_bresp        (br_s_bresp),
    .s_axi_bvalid       (br_s_bvalid),
    .s_axi_bready       (br_s_bready),
    .s_axi_arid         (br_s_arid),
    .s_axi_araddr       (br_s_araddr),
    .s_axi_arregion     (4'd0),
    .s_axi_arlen        (br_s_arlen),
    .s_axi_arsize       (br_s_arsize),
    .s_axi_arburst      (br_s_arburst),
    .s_axi_arvalid      (br_s_arvalid),
    .s_axi_arready      (br_s_arready),
    .s_axi_rid          (br_s_rid),
    .s_axi_rdata        (br_s_rdata),
    .s_axi_rresp        (br_s_rresp),
    .s_axi_rlast        (br_s_rlast),
    .s_axi_rvalid       (br_s_rvalid),
    .s_axi_rready       (br_s_rready),
    // S_AXI_CTL (bridge registers): unused, tied idle
    .s_axi_ctl_awaddr   (32'd0),
    .s_axi_ctl_awvalid  (1'b0),
    .s_axi_ctl_awready  (),
    .s_axi_ctl_wdata    (32'd0),
    .s_axi_ctl_wstrb    (4'd0),
    .s_axi_ctl_wvalid   (1'b0),
    .s_axi_ctl_wready   (),
    .s_axi_ctl_bresp    (),
    .s_axi_ctl_bvalid   (),
    .s_axi_ctl_bready   (1'b1),
    .s_axi_ctl_araddr   (32'd0),
    .s_axi_ctl_arvalid  (1'b0),
    .s_axi_ctl_arready  (),
    .s_axi_ctl_rdata    (),
    .s_axi_ctl_rresp    (),
    .s_axi_ctl_rvalid   (),
    .s_axi_ctl_rready   (1'b1)
  );

  // ---------------------------------------------------------------------------
  // Resets of the core and PCIe domains: any reset of either side resets the
  // core and both sides of both clock converters (PG164 wants the two sides
  // of a converter reset together).
  // ---------------------------------------------------------------------------
  logic core_rst;
  logic sys_rst_async;
  assign sys_rst_async = board_rst_async || !pcie_aresetn;

  kcu105_rst_sync u_core_rst (
    .clk_i       (clk_core),
    .rst_async_i (sys_rst_async),
    .rst_o       (core_rst)
  );

  kcu105_rst_sync u_pcie_rst (
    .clk_i       (pcie_clk),
    .rst_async_i (sys_rst_async),
    .rst_o       (pcie_rst)
  );

  // ---------------------------------------------------------------------------
  // BAR0: bridge M_AXI (axi_aclk) -> fpga_core s_axi (clk_core)
  // ---------------------------------------------------------------------------
  logic [BarIdW-1:0]     bar_awid, bar_bid, bar_arid, bar_rid;
  logic [BarAddrW-1:0]   bar_awaddr, bar_araddr;
  logic [7:0]            bar_awlen, bar_arlen;
  logic [2:0]            bar_awsize, bar_arsize;
  logic [1:0]            bar_awburst, bar_arburst, bar_bresp, bar_rresp;
  logic                  bar_awvalid, bar_awready, bar_wlast, bar_wvalid, bar_wready;
  logic                  bar_bvalid, bar_bready, bar_arvalid, bar_arready;
  logic                  bar_rlast, bar_rvalid, bar_rready;
  logic [AxiDataW-1:0]   bar_wdata, bar_rdata;
  logic [AxiDataW/8-1:0] bar_wstrb;

  // pciebar2axibar_0 = 0: the low BarAddrW bits are the BAR0 offset.
  axi_cc_bar u_cc_bar (
    .s_axi_aclk     (pcie_clk),
    .s_axi_aresetn  (!pcie_rst),
    .s_axi_awid     (br_m_awid),
    .s_axi_awaddr   (br_m_awaddr[BarAddrW-1:0]),
    .s_axi_awlen    (br_m_awlen),
    .s_axi_awsize   (br_m_awsize),
    .s_axi_awburst  (br_m_awburst),
    .s_axi_awlock   (1'b0),
    .s_axi_awcache  (4'b0011),
    .s_axi_awprot   (3'b000),
    .s_axi_awregion (4'd0),
    .s_axi_awqos    (4'd0),
    .s_axi_awvalid  (br_m_awvalid),
    .s_axi_awready  (br_m_awready),
    .s_axi_wdata    (br_m_wdata),
    .s_axi_wstrb    (br_m_wstrb),
    .s_axi_wlast    (br_m_wlast),
    .s_axi_wvalid   (br_m_wvalid),
    .s_axi_wready   (br_m_wready),
    .s_axi_bid      (br_m_bid),
    .s_axi_bresp    (br_m_bresp),
    .s_axi_bvalid   (br_m_bvalid),
    .s_axi_bready   (br_m_bready),
    .s_axi_arid     (br_m_arid),
    .s_axi_araddr   (br_m_araddr[BarAddrW-1:0]),
    .s_axi_arlen    (br_m_arlen),
    .s_axi_arsize   (br_m_arsize),
    .s_axi_arburst  (br_m_arburst),
    .s_axi_arlock   (1'b0),
    .s_axi_arcache  (4'b0011),
    .s_axi_arprot   (3'b000),
    .s_axi_arregion (4'd0),
    .s_axi_arqos    (4'd0),
    .s_axi_arvalid  (br_m_arvalid),
    .s_axi_arready  (br_m_arready),
    .s_axi_rid      (br_m_rid),
    .s_axi_rdata    (br_m_rdata),
    .s_axi_rresp    (br_m_rresp),
    .s_axi_rlast    (br_m_rlast),
    .s_axi_rvalid   (br_m_rvalid),
    .s_axi_rready   (br_m_rready),
    .m_axi_aclk     (clk_core),
    .m_axi_aresetn  (!core_rst),
    .m_axi_awid     (bar_awid),
    .m_axi_awaddr   (bar_awaddr),
    .m_axi_awlen    (bar_awlen),
    .m_axi_awsize   (bar_awsize),
    .m_axi_awburst  (bar_awburst),
    .m_axi_awlock   (),
    .m_axi_awcache  (),
    .m_axi_awprot   (),
    .m_axi_awregion (),
    .m_axi_awqos    (),
    .m_axi_awvalid  (bar_awvalid),
    .m_axi_awready  (bar_awready),
    .m_axi_wdata    (bar_wdata),
    .m_axi_wstrb    (bar_wstrb),
    .m_axi_wlast    (bar_wlast),
    .m_axi_wvalid   (bar_wvalid),
    .m_axi_wready   (bar_wready),
    .m_axi_bid      (bar_bid),
    .m_axi_bresp    (bar_bresp),
    .m_axi_bvalid   (bar_bvalid),
    .m_axi_bready   (bar_bready),
    .m_axi_arid     (bar_arid),
    .m_axi_araddr   (bar_araddr),
    .m_axi_arlen    (bar_arlen),
    .m_axi_arsize   (bar_arsize),
    .m_axi_arburst  (bar_arburst),
    .m_axi_arlock   (),
    .m_axi_arcache  (),
    .m_axi_arprot   (),
    .m_axi_arregion (),
    .m_axi_arqos    (),
    .m_axi_arvalid  (bar_arvalid),
    .m_axi_arready  (bar_arready),
    .m_axi_rid      (bar_rid),
    .m_axi_rdata    (bar_rdata),
    .m_axi_rresp    (bar_rresp),
    .m_axi_rlast    (bar_rlast),
    .m_axi_rvalid   (bar_rvalid),
    .m_axi_rready   (bar_rready)
  );

  // ---------------------------------------------------------------------------
  // DMA: fpga_core m_axi (clk_core) -> bridge S_AXI (axi_aclk)
  // ---------------------------------------------------------------------------
  logic [DmaIdW-1:0]     dma_awid, dma_bid, dma_arid, dma_rid;
  logic [63:0]           dma_awaddr, dma_araddr;
  logic [7:0]            dma_awlen, dma_arlen;
  logic [2:0]            dma_awsize, dma_arsize;
  logic [1:0]            dma_awburst, dma_arburst, dma_bresp, dma_rresp;
  logic                  dma_awvalid, dma_awready, dma_wlast, dma_wvalid, dma_wready;
  logic                  dma_bvalid, dma_bready, dma_arvalid, dma_arready;
  logic                  dma_rlast, dma_rvalid, dma_rready;
  logic [AxiDataW-1:0]   dma_wdata, dma_rdata;
  logic [AxiDataW/8-1:0] dma_wstrb;

  axi_cc_dma u_cc_dma (
    .s_axi_aclk     (clk_core),
    .s_axi_aresetn  (!core_rst),
    .s_axi_awid     (dma_awid),
    .s_axi_awaddr   (dma_awaddr),
    .s_axi_awlen    (dma_awlen),
    .s_axi_awsize   (dma_awsize),
    .s_axi_awburst  (dma_awburst),
    .s_axi_awlock   (1'b0),
    .s_axi_awcache  (4'b0011),
    .s_axi_awprot   (3'b000),
    .s_axi_awregion (4'd0),
    .s_axi_awqos    (4'd0),
    .s_axi_awvalid  (dma_awvalid),
    .s_axi_awready  (dma_awready),
    .s_axi_wdata    (dma_wdata),
    .s_axi_wstrb    (dma_wstrb),
    .s_axi_wlast    (dma_wlast),
    .s_axi_wvalid   (dma_wvalid),
    .s_axi_wready   (dma_wready),
    .s_axi_bid      (dma_bid),
    .s_axi_bresp    (dma_bresp),
    .s_axi_bvalid   (dma_bvalid),
    .s_axi_bready   (dma_bready),
    .s_axi_arid     (dma_arid),
    .s_axi_araddr   (dma_araddr),
    .s_axi_arlen    (dma_arlen),
    .s_axi_arsize   (dma_arsize),
    .s_axi_arburst  (dma_arburst),
    .s_axi_arlock   (1'b0),
    .s_axi_arcache  (4'b0011),
    .s_axi_arprot   (3'b000),
    .s_axi_arregion (4'd0),
    .s_axi_arqos    (4'd0),
    .s_axi_arvalid  (dma_arvalid),
    .s_axi_arready  (dma_arready),
    .s_axi_rid      (dma_rid),
    .s_axi_rdata    (dma_rdata),
    .s_axi_rresp    (dma_rresp),
    .s_axi_rlast    (dma_rlast),
    .s_axi_rvalid   (dma_rvalid),
    .s_axi_rready   (dma_rready),
    .m_axi_aclk     (pcie_clk),
    .m_axi_aresetn  (!pcie_rst),
    .m_axi_awid     (br_s_awid),
    .m_axi_awaddr   (br_s_awaddr),
    .m_axi_awlen    (br_s_awlen),
    .m_axi_awsize   (br_s_awsize),
    .m_axi_awburst  (br_s_awburst),
    .m_axi_awlock   (),
    .m_axi_awcache  (),
    .m_axi_awprot   (),
    .m_axi_awregion (),
    .m_axi_awqos    (),
    .m_axi_awvalid  (br_s_awvalid),
    .m_axi_awready  (br_s_awready),
    .m_axi_wdata    (br_s_wdata),
    .m_axi_wstrb    (br_s_wstrb),
    .m_axi_wlast    (br_s_wlast),
    .m_axi_wvalid   (br_s_wvalid),
    .m_axi_wready   (br_s_wready),
    .m_axi_bid      (br_s_bid),
    .m_axi_bresp    (br_s_bresp),
    .m_axi_bvalid   (br_s_bvalid),
    .m_axi_bready   (br_s_bready),
    .m_axi_arid     (br_s_arid),
    .m_axi_araddr   (br_s_araddr),
    .m_axi_arlen    (br_s_arlen),
    .m_axi_arsize   (br_s_arsize),
    .m_axi_arburst  (br_s_arburst),
    .m_axi_arlock   (),
    .m_axi_arcache  (),
    .m_axi_arprot   (),
    .m_axi_arregion (),
    .m_axi_arqos    (),
    .m_axi_arvalid  (br_s_arvalid),
    .m_axi_arready  (br_s_arready),
    .m_axi_rid      (br_s_rid),
    .m_axi_rdata    (br_s_rdata),
    .m_axi_rresp    (br_s_rresp),
    .m_axi_rlast    (br_s_rlast),
    .m_axi_rvalid   (br_s_rvalid),
    .m_axi_rready   (br_s_rready)
  );

  // ---------------------------------------------------------------------------
  // SFP+ 0: refclk buffer, GT wizard (10GBASE-R preset, asynchronous gearbox)
  // ---------------------------------------------------------------------------
  logic sfp_refclk;

  IBUFDS_GTE3 u_sfp_refclk_buf (
    .I     (sfp_refclk_p_i),
    .IB    (sfp_refclk_n_i),
    .CEB   (1'b0),
    .O     (sfp_refclk),
    .ODIV2 ()
  );

  logic gt_free_rst;
  kcu105_rst_sync u_gt_free_rst (
    .clk_i       (clk_free),
    .rst_async_i (board_rst_async),
    .rst_o       (gt_free_rst)
  );

  logic        gt_tx_clk, gt_rx_clk, gt_tx_active, gt_rx_active;
  logic        gt_tx_done, gt_rx_done, gt_txpmaresetdone, gt_rxpmaresetdone;
  logic [63:0] gt_txdata, gt_rxdata;
  logic [1:0]  gt_txheader;
  logic [5:0]  gt_rxheader;
  logic        gt_rxgearboxslip;

  gtwizard_10gbaser u_gt (
    .gtwiz_userclk_tx_reset_in          (!gt_txpmaresetdone),
    .gtwiz_userclk_tx_srcclk_out        (),
    .gtwiz_userclk_tx_usrclk_out        (),
    .gtwiz_userclk_tx_usrclk2_out       (gt_tx_clk),
    .gtwiz_userclk_tx_active_out        (gt_tx_active),
    .gtwiz_userclk_rx_reset_in          (!gt_rxpmaresetdone),
    .gtwiz_userclk_rx_srcclk_out        (),
    .gtwiz_userclk_rx_usrclk_out        (),
    .gtwiz_userclk_rx_usrclk2_out       (gt_rx_clk),
    .gtwiz_userclk_rx_active_out        (gt_rx_active),
    .gtwiz_reset_clk_freerun_in         (clk_free),
    .gtwiz_reset_all_in                 (gt_free_rst),
    .gtwiz_reset_tx_pll_and_datapath_in (1'b0),
    .gtwiz_reset_tx_datapath_in         (1'b0),
    .gtwiz_reset_rx_pll_and_datapath_in (1'b0),
    .gtwiz_reset_rx_datapath_in         (1'b0),
    .gtwiz_reset_rx_cdr_stable_out      (),
    .gtwiz_reset_tx_done_out            (gt_tx_done),
    .gtwiz_reset_rx_done_out            (gt_rx_done),
    .gtwiz_userdata_tx_in               (gt_txdata),
    .gtwiz_userdata_rx_out              (gt_rxdata),
    .gtrefclk00_in                      (sfp_refclk),
    .qpll0outclk_out                    (),
    .qpll0outrefclk_out                 (),
    .gthrxn_in                          (sfp0_rx_n_i),
    .gthrxp_in                          (sfp0_rx_p_i),
    .gthtxn_out                         (sfp0_tx_n_o),
    .gthtxp_out                         (sfp0_tx_p_o),
    .rxgearboxslip_in                   (gt_rxgearboxslip),
    .txheader_in                        ({4'd0, gt_txheader}),
    .txsequence_in                      (7'd0),  // asynchronous gearbox: unused
    .rxdatavalid_out                    (),      // always 1 at 64/32 bits in 64B66B_ASYNC (verify)
    .rxheader_out                       (gt_rxheader),
    .rxheadervalid_out                  (),
    .gtpowergood_out                    (),
    .rxpmaresetdone_out                 (gt_rxpmaresetdone),
    .txpmaresetdone_out                 (gt_txpmaresetdone)
  );

  logic gt_tx_rst, gt_rx_rst;
  kcu105_rst_sync u_gt_tx_rst (
    .clk_i       (gt_tx_clk),
    .rst_async_i (!(gt_tx_done && gt_tx_active)),
    .rst_o       (gt_tx_rst)
  );
  kcu105_rst_sync u_gt_rx_rst (
    .clk_i       (gt_rx_clk),
    .rst_async_i (!(gt_rx_done && gt_rx_active)),
    .rst_o       (gt_rx_rst)
  );

  // Laser on: maintained KCU105 designs drive TX_DISABLE high (facts sheet).
  assign sfp0_tx_disable_o = 1'b1;

  // ---------------------------------------------------------------------------
  // The vendor-free core
  // ---------------------------------------------------------------------------
  logic link_up, block_lock;

  fpga_core #(
    .NumQueues      (NumQueues),
    .NumFilters     (NumFilters),
    .MaxFrameBytes  (MaxFrameBytes),
    .GtBitReverse   (GtBitReverse),
    .SlipWaitCycles (SlipWaitCycles),
    .BarAddrW       (BarAddrW)
  ) u_core (
    .clk_i              (clk_core),
    .rst_i              (core_rst),
    .s_axi_awid_i       (bar_awid),
    .s_axi_awaddr_i     (bar_awaddr),
    .s_axi_awlen_i      (bar_awlen),
    .s_axi_awsize_i     (bar_awsize),
    .s_axi_awburst_i    (bar_awburst),
    .s_axi_awvalid_i    (bar_awvalid),
    .s_axi_awready_o    (bar_awready),
    .s_axi_wdata_i      (bar_wdata),
    .s_axi_wstrb_i      (bar_wstrb),
    .s_axi_wlast_i      (bar_wlast),
    .s_axi_wvalid_i     (bar_wvalid),
    .s_axi_wready_o     (bar_wready),
    .s_axi_bid_o        (bar_bid),
    .s_axi_bresp_o      (bar_bresp),
    .s_axi_bvalid_o     (bar_bvalid),
    .s_axi_bready_i     (bar_bready),
    .s_axi_arid_i       (bar_arid),
    .s_axi_araddr_i     (bar_araddr),
    .s_axi_arlen_i      (bar_arlen),
    .s_axi_arsize_i     (bar_arsize),
    .s_axi_arburst_i    (bar_arburst),
    .s_axi_arvalid_i    (bar_arvalid),
    .s_axi_arready_o    (bar_arready),
    .s_axi_rid_o        (bar_rid),
    .s_axi_rdata_o      (bar_rdata),
    .s_axi_rresp_o      (bar_rresp),
    .s_axi_rlast_o      (bar_rlast),
    .s_axi_rvalid_o     (bar_rvalid),
    .s_axi_rready_i     (bar_rready),
    .m_axi_awid_o       (dma_awid),
    .m_axi_awaddr_o     (dma_awaddr),
    .m_axi_awlen_o      (dma_awlen),
    .m_axi_awsize_o     (dma_awsize),
    .m_axi_awburst_o    (dma_awburst),
    .m_axi_awvalid_o    (dma_awvalid),
    .m_axi_awready_i    (dma_awready),
    .m_axi_wdata_o      (dma_wdata),
    .m_axi_wstrb_o      (dma_wstrb),
    .m_axi_wlast_o      (dma_wlast),
    .m_axi_wvalid_o     (dma_wvalid),
    .m_axi_wready_i     (dma_wready),
    .m_axi_bid_i        (dma_bid),
    .m_axi_bresp_i      (dma_bresp),
    .m_axi_bvalid_i     (dma_bvalid),
    .m_axi_bready_o     (dma_bready),
    .m_axi_arid_o       (dma_arid),
    .m_axi_araddr_o     (dma_araddr),
    .m_axi_arlen_o      (dma_arlen),
    .m_axi_arsize_o     (dma_arsize),
    .m_axi_arburst_o    (dma_arburst),
    .m_axi_arvalid_o    (dma_arvalid),
    .m_axi_arready_i    (dma_arready),
    .m_axi_rid_i        (dma_rid),
    .m_axi_rdata_i      (dma_rdata),
    .m_axi_rresp_i      (dma_rresp),
    .m_axi_rlast_i      (dma_rlast),
    .m_axi_rvalid_i     (dma_rvalid),
    .m_axi_rready_o     (dma_rready),
    .pcie_clk_i         (pcie_clk),
    .pcie_rst_i         (pcie_rst),
    .msi_enable_i       (msi_enable),
    .msi_vector_width_i (msi_vector_width),
    .intx_msi_request_o (intx_msi_request),
    .msi_vector_num_o   (msi_vector_num),
    .intx_msi_grant_i   (intx_msi_grant),
    .gt_tx_clk_i        (gt_tx_clk),
    .gt_tx_rst_i        (gt_tx_rst),
    .gt_txdata_o        (gt_txdata),
    .gt_txheader_o      (gt_txheader),
    .gt_rx_clk_i        (gt_rx_clk),
    .gt_rx_rst_i        (gt_rx_rst),
    .gt_rxdata_i        (gt_rxdata),
    .gt_rxheader_i      (gt_rxheader[1:0]),
    .gt_rxgearboxslip_o (gt_rxgearboxslip),
    .link_up_o          (link_up),
    .block_lock_o       (block_lock)
  );

  // ---------------------------------------------------------------------------
  // LEDs: 0 link up, 1 block lock, 2 PCIe link up, 3 MMCM locked,
  //       4 SFP signal present (LOS low), 5/6 GT TX/RX reset done, 7 heartbeat
  // ---------------------------------------------------------------------------
  logic [27:0] beat_q, beat_d;
  always_comb beat_d = beat_q + 28'd1;
  always_ff @(posedge clk_core) begin
    if (core_rst) beat_q <= '0;
    else          beat_q <= beat_d;
  end

  assign led_o = {beat_q[27], gt_rx_done, gt_tx_done, !sfp0_los_i,
                  mmcm_locked, pcie_link_up, block_lock, link_up};

  // unused IP outputs (house idiom: consumed so lint does not flag them)
  logic unused_gt;
  assign unused_gt = ^{gt_rxheader[5:2], br_m_awaddr[63:BarAddrW], br_m_araddr[63:BarAddrW]};
endmodule

`resetall
