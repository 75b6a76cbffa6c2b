`resetall
`default_nettype none

// fpga_core: the vendor-free core of the KCU105 build (docs/fpga.md,
// "fpga_core"). vmq_top (EthPhy = 1, DataW 64, AxiDataW 256) on SFP+ cage 0
// through the GT wizard's asynchronous gearbox; BAR0 (AXI4, 256-bit, from the
// bridge's M_AXI, already in clk_i) through vmq_axi_to_axil: offsets below
// 0x80000 to vmq_core's registers, 0x80000..0xFFFFF to the board registers;
// DMA straight to the bridge's S_AXI; per-queue interrupts to MSI (vmq_msi)
// in the bridge clock. Board registers: docs/board-registers.md, generated
// with vmq_board_reg_pkg from fpga/boards/kcu105/board_regs.toml; the decode
// below is written by hand with the package's offsets (a new register or
// field needs its line here). Counters of the MAC TX and RX domains come
// over by vmq_cdc_snapshot (coherent per domain, refreshed continuously, a
// few cycles old); the TX FIFO drops are in clk_i and read directly.
module fpga_core #(
  parameter int unsigned NumQueues      = 16,
  parameter int unsigned NumFilters     = 64,
  parameter int unsigned MaxFrameBytes  = 9216,
  parameter bit          GtBitReverse   = 1'b1,
  parameter int unsigned SlipWaitCycles = 32,
  parameter int unsigned BarAddrW       = 20,     // BAR0 = 1 MiB
  localparam int unsigned AxiDataW      = 256,
  localparam int unsigned DmaIdW        = $clog2(NumQueues) + 2,
  localparam int unsigned BarIdW        = 4
) (
  input  logic                  clk_i,
  input  logic                  rst_i,
  // BAR0: AXI4 slave from the bridge's M_AXI (in clk_i)
  input  logic [BarIdW-1:0]     s_axi_awid_i,
  input  logic [BarAddrW-1:0]   s_axi_awaddr_i,
  input  logic [7:0]            s_axi_awlen_i,
  input  logic [2:0]            s_axi_awsize_i,
  input  logic [1:0]            s_axi_awburst_i,
  input  logic                  s_axi_awvalid_i,
  output logic                  s_axi_awready_o,
  input  logic [AxiDataW-1:0]   s_axi_wdata_i,
  input  logic [AxiDataW/8-1:0] s_axi_wstrb_i,
  input  logic                  s_axi_wlast_i,
  input  logic                  s_axi_wvalid_i,
  output logic                  s_axi_wready_o,
  output logic [BarIdW-1:0]     s_axi_bid_o,
  output logic [1:0]            s_axi_bresp_o,
  output logic                  s_axi_bvalid_o,
  input  logic                  s_axi_bready_i,
  input  logic [BarIdW-1:0]     s_axi_arid_i,
  input  logic [BarAddrW-1:0]   s_axi_araddr_i,
  input  logic [7:0]            s_axi_arlen_i,
  input  logic [2:0]            s_axi_arsize_i,
  input  logic [1:0]            s_axi_arburst_i,
  input  logic                  s_axi_arvalid_i,
  output logic                  s_axi_arready_o,
  output logic [BarIdW-1:0]     s_axi_rid_o,
  output logic [AxiDataW-1:0]   s_axi_rdata_o,
  output logic [1:0]            s_axi_rresp_o,
  output logic                  s_axi_rlast_o,
  output logic                  s_axi_rvalid_o,
  input  logic                  s_axi_rready_i,
  // DMA: AXI4 master into the bridge's S_AXI
  output logic [DmaIdW-1:0]     m_axi_awid_o,
  output logic [63:0]           m_axi_awaddr_o,
  output logic [7:0]            m_axi_awlen_o,
  output logic [2:0]            m_axi_awsize_o,
  output logic [1:0]            m_axi_awburst_o,
  output logic                  m_axi_awvalid_o,
  input  logic                  m_axi_awready_i,
  output logic [AxiDataW-1:0]   m_axi_wdata_o,
  output logic [AxiDataW/8-1:0] m_axi_wstrb_o,
  output logic                  m_axi_wlast_o,
  output logic                  m_axi_wvalid_o,
  input  logic                  m_axi_wready_i,
  input  logic [DmaIdW-1:0]     m_axi_bid_i,
  input  logic [1:0]            m_axi_bresp_i,
  input  logic                  m_axi_bvalid_i,
  output logic                  m_axi_bready_o,
  output logic [DmaIdW-1:0]     m_axi_arid_o,
  output logic [63:0]           m_axi_araddr_o,
  output logic [7:0]            m_axi_arlen_o,
  output logic [2:0]            m_axi_arsize_o,
  output logic [1:0]            m_axi_arburst_o,
  output logic                  m_axi_arvalid_o,
  input  logic                  m_axi_arready_i,
  input  logic [DmaIdW-1:0]     m_axi_rid_i,
  input  logic [AxiDataW-1:0]   m_axi_rdata_i,
  input  logic [1:0]            m_axi_rresp_i,
  input  logic                  m_axi_rlast_i,
  input  logic                  m_axi_rvalid_i,
  output logic                  m_axi_rready_o,
  // MSI, bridge clock domain
  input  logic                  pcie_clk_i,
  input  logic                  pcie_rst_i,
  input  logic                  msi_enable_i,
  input  logic [2:0]            msi_vector_width_i,
  output logic                  intx_msi_request_o,
  output logic [4:0]            msi_vector_num_o,
  input  logic                  intx_msi_grant_i,
  // SFP+ cage 0 through the GT wizard (asynchronous gearbox)
  input  logic                  gt_tx_clk_i,
  input  logic                  gt_tx_rst_i,
  output logic [63:0]           gt_txdata_o,
  output logic [1:0]            gt_txheader_o,
  input  logic                  gt_rx_clk_i,
  input  logic                  gt_rx_rst_i,
  input  logic [63:0]           gt_rxdata_i,
  input  logic [1:0]            gt_rxheader_i,
  output logic                  gt_rxgearboxslip_o,
  // board status (LEDs), synchronised to clk_i
  output logic                  link_up_o,
  output logic                  block_lock_o
);
  if (NumQueues < 2 || NumQueues > 64) begin : gen_bad_nq
    $fatal(1, "fpga_core: NumQueues must be 2..64 (cause registers cover 64 queues)");
  end
  if (BarAddrW != vmq_board_reg_pkg::BOARD_ADDR_W) begin : gen_bad_bar
    $fatal(1, "fpga_core: BarAddrW must be BOARD_ADDR_W (BAR0 = 1 MiB: vmq_core's registers and the board's)");
  end

  import vmq_board_reg_pkg::*;

  localparam int unsigned RxCnt = 8;   // counters of the MAC RX domain
  localparam int unsigned TxCnt = 4;   // counters of the MAC TX domain

  // ---------------------------------------------------------------- BAR0
  logic [BarAddrW-1:0] al_awaddr, al_araddr;
  logic        al_awvalid, al_awready, al_wvalid, al_wready, al_bvalid, al_bready;
  logic        al_arvalid, al_arready, al_rvalid, al_rready;
  logic [31:0] al_wdata, al_rdata;
  logic [3:0]  al_wstrb;
  logic [1:0]  al_bresp, al_rresp;

  vmq_axi_to_axil #(
    .DataW(AxiDataW),
    .AddrW(BarAddrW),
    .IdW(BarIdW),
    .AxilAddrW(BarAddrW)
  ) u_axi_to_axil (
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
    .m_axil_awaddr_o(al_awaddr),
    .m_axil_awvalid_o(al_awvalid),
    .m_axil_awready_i(al_awready),
    .m_axil_wdata_o(al_wdata),
    .m_axil_wstrb_o(al_wstrb),
    .m_axil_wvalid_o(al_wvalid),
    .m_axil_wready_i(al_wready),
    .m_axil_bresp_i(al_bresp),
    .m_axil_bvalid_i(al_bvalid),
    .m_axil_bready_o(al_bready),
    .m_axil_araddr_o(al_araddr),
    .m_axil_arvalid_o(al_arvalid),
    .m_axil_arready_i(al_arready),
    .m_axil_rdata_i(al_rdata),
    .m_axil_rresp_i(al_rresp),
    .m_axil_rvalid_i(al_rvalid),
    .m_axil_rready_o(al_rready)
  );

  // Decode by the top bit (19). vmq_axi_to_axil holds the address until B / R, so the
  // responses route by the same bit.
  logic        wr_brd, rd_brd;
  logic        co_awready, co_wready, co_bvalid, co_arready, co_rvalid;
  logic [1:0]  co_bresp, co_rresp;
  logic [31:0] co_rdata;
  logic        br_awready, br_wready, br_bvalid, br_arready, br_rvalid;
  logic [1:0]  br_bresp, br_rresp;
  logic [31:0] br_rdata;
  always_comb begin
    wr_brd     = al_awaddr[BarAddrW-1];
    rd_brd     = al_araddr[BarAddrW-1];
    al_awready = wr_brd ? br_awready : co_awready;
    al_wready  = wr_brd ? br_wready  : co_wready;
    al_bvalid  = wr_brd ? br_bvalid  : co_bvalid;
    al_bresp   = wr_brd ? br_bresp   : co_bresp;
    al_arready = rd_brd ? br_arready : co_arready;
    al_rvalid  = rd_brd ? br_rvalid  : co_rvalid;
    al_rresp   = rd_brd ? br_rresp   : co_rresp;
    al_rdata   = rd_brd ? br_rdata   : co_rdata;
  end

  // ---------------------------------------------------------------- the NIC
  logic [NumQueues-1:0] irq;
  logic                 rx_block_lock, rx_high_ber, rx_link_up;
  logic [31:0]          tx_fifo_drops;
  logic [RxCnt-1:0][31:0] rx_cnt;
  logic [TxCnt-1:0][31:0] tx_cnt;
  logic                 unused_room;
  logic [63:0]          unused_mac_tdata;  // EthPhy = 1: the bare MAC ports are 0
  logic [7:0]           unused_mac_tkeep;
  logic [2:0]           unused_mac_flags;

  vmq_top #(
    .NumQueues(NumQueues),
    .NumFilters(NumFilters),
    .DataW(64),
    .AxiDataW(AxiDataW),
    .MaxFrameBytes(MaxFrameBytes),
    .EthPhy(1'b1),
    .SlipWaitCycles(SlipWaitCycles),
    .GtBitReverse(GtBitReverse)
  ) u_top (
    .clk_i(clk_i),
    .rst_i(rst_i),
    .mac_rx_clk_i(clk_i),
    .mac_rx_rst_i(rst_i),
    .s_mac_rx_tdata_i('0),
    .s_mac_rx_tkeep_i('0),
    .s_mac_rx_tvalid_i(1'b0),
    .s_mac_rx_tlast_i(1'b0),
    .s_mac_rx_tuser_i(1'b0),
    .mac_tx_clk_i(clk_i),
    .mac_tx_rst_i(rst_i),
    .m_mac_tx_tdata_o(unused_mac_tdata),
    .m_mac_tx_tkeep_o(unused_mac_tkeep),
    .m_mac_tx_tvalid_o(unused_mac_flags[0]),
    .m_mac_tx_tready_i(1'b1),
    .m_mac_tx_tlast_o(unused_mac_flags[1]),
    .m_mac_tx_tuser_o(unused_mac_flags[2]),
    .gt_tx_clk_i(gt_tx_clk_i),
    .gt_tx_rst_i(gt_tx_rst_i),
    .gt_txdata_o(gt_txdata_o),
    .gt_txheader_o(gt_txheader_o),
    .gt_rx_clk_i(gt_rx_clk_i),
    .gt_rx_rst_i(gt_rx_rst_i),
    .gt_rxdata_i(gt_rxdata_i),
    .gt_rxheader_i(gt_rxheader_i),
    .gt_rxgearboxslip_o(gt_rxgearboxslip_o),
    .rx_block_lock_o(rx_block_lock),
    .rx_high_ber_o(rx_high_ber),
    .rx_link_up_o(rx_link_up),
    .mac_tx_frames_o(tx_cnt[0]),
    .mac_tx_bytes_o(tx_cnt[1]),
    .mac_tx_underruns_o(tx_cnt[2]),
    .mac_tx_errors_o(tx_cnt[3]),
    .mac_rx_frames_o(rx_cnt[0]),
    .mac_rx_bytes_o(rx_cnt[1]),
    .mac_rx_fcs_errors_o(rx_cnt[2]),
    .mac_rx_code_errors_o(rx_cnt[3]),
    .pcs_rx_err_blocks_o(rx_cnt[4]),
    .pcs_rx_ber_count_o(rx_cnt[5]),
    .pcs_rx_lock_losses_o(rx_cnt[6]),
    .rx_fifo_drops_o(rx_cnt[7]),
    .tx_fifo_drops_o(tx_fifo_drops),
    .s_axil_awaddr_i(al_awaddr[vmq_reg_pkg::REG_ADDR_W-1:0]),
    .s_axil_awvalid_i(al_awvalid && !wr_brd),
    .s_axil_awready_o(co_awready),
    .s_axil_wdata_i(al_wdata),
    .s_axil_wstrb_i(al_wstrb),
    .s_axil_wvalid_i(al_wvalid && !wr_brd),
    .s_axil_wready_o(co_wready),
    .s_axil_bresp_o(co_bresp),
    .s_axil_bvalid_o(co_bvalid),
    .s_axil_bready_i(al_bready && !wr_brd),
    .s_axil_araddr_i(al_araddr[vmq_reg_pkg::REG_ADDR_W-1:0]),
    .s_axil_arvalid_i(al_arvalid && !rd_brd),
    .s_axil_arready_o(co_arready),
    .s_axil_rdata_o(co_rdata),
    .s_axil_rresp_o(co_rresp),
    .s_axil_rvalid_o(co_rvalid),
    .s_axil_rready_i(al_rready && !rd_brd),
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
    .irq_o(irq),
    .rx_room_for_max_o(unused_room)
  );

  // ---------------------------------------------------------------- MSI
  logic [NumQueues-1:0] cause, cause_clear;
  logic [31:0]          msi_sent_pcie;

  vmq_msi #(
    .NumQueues(NumQueues),
    .SyncStages(2)
  ) u_msi (
    .clk_i(clk_i),
    .rst_i(rst_i),
    .irq_i(irq),
    .cause_clear_i(cause_clear),
    .cause_o(cause),
    .pcie_clk_i(pcie_clk_i),
    .pcie_rst_i(pcie_rst_i),
    .msi_enable_i(msi_enable_i),
    .msi_vector_width_i(msi_vector_width_i),
    .intx_msi_request_o(intx_msi_request_o),
    .msi_vector_num_o(msi_vector_num_o),
    .intx_msi_grant_i(intx_msi_grant_i),
    .sent_o(msi_sent_pcie)
  );

  // ---------------------------------------------------------------- crossings
  logic [35:0]            msi_snap;     // {width, enable, sent}
  logic [RxCnt-1:0][31:0] rx_snap;
  logic [TxCnt-1:0][31:0] tx_snap;
  (* ASYNC_REG = "TRUE" *) logic [1:0][2:0] status_sync_q;  // {high_ber, lock, link}

  vmq_cdc_snapshot #(
    .Width(36),
    .SyncStages(2)
  ) u_snap_msi (
    .src_clk_i(pcie_clk_i),
    .src_rst_i(pcie_rst_i),
    .src_data_i({msi_vector_width_i, msi_enable_i, msi_sent_pcie}),
    .dst_clk_i(clk_i),
    .dst_rst_i(rst_i),
    .dst_data_o(msi_snap)
  );
  vmq_cdc_snapshot #(
    .Width(RxCnt * 32),
    .SyncStages(2)
  ) u_snap_rx (
    .src_clk_i(gt_rx_clk_i),
    .src_rst_i(gt_rx_rst_i),
    .src_data_i(rx_cnt),
    .dst_clk_i(clk_i),
    .dst_rst_i(rst_i),
    .dst_data_o(rx_snap)
  );
  vmq_cdc_snapshot #(
    .Width(TxCnt * 32),
    .SyncStages(2)
  ) u_snap_tx (
    .src_clk_i(gt_tx_clk_i),
    .src_rst_i(gt_tx_rst_i),
    .src_data_i(tx_cnt),
    .dst_clk_i(clk_i),
    .dst_rst_i(rst_i),
    .dst_data_o(tx_snap)
  );

  always_ff @(posedge clk_i) begin
    if (rst_i) status_sync_q <= '0;
    else status_sync_q <= {status_sync_q[0], {rx_high_ber, rx_block_lock, rx_link_up}};
  end
  assign link_up_o    = status_sync_q[1][0];
  assign block_lock_o = status_sync_q[1][1];

  // ---------------------------------------------------------------- board registers
  logic        reg_req, reg_we;
  logic [BarAddrW-1:0] reg_addr;
  logic [31:0] reg_wdata, reg_rdata;
  logic [3:0]  reg_wstrb;

  vmq_axil_reg_if #(
    .AddrW(BarAddrW)
  ) u_brd_if (
    .clk_i(clk_i),
    .rst_i(rst_i),
    .s_axil_awaddr_i(al_awaddr),
    .s_axil_awvalid_i(al_awvalid && wr_brd),
    .s_axil_awready_o(br_awready),
    .s_axil_wdata_i(al_wdata),
    .s_axil_wstrb_i(al_wstrb),
    .s_axil_wvalid_i(al_wvalid && wr_brd),
    .s_axil_wready_o(br_wready),
    .s_axil_bresp_o(br_bresp),
    .s_axil_bvalid_o(br_bvalid),
    .s_axil_bready_i(al_bready && wr_brd),
    .s_axil_araddr_i(al_araddr),
    .s_axil_arvalid_i(al_arvalid && rd_brd),
    .s_axil_arready_o(br_arready),
    .s_axil_rdata_o(br_rdata),
    .s_axil_rresp_o(br_rresp),
    .s_axil_rvalid_o(br_rvalid),
    .s_axil_rready_i(al_rready && rd_brd),
    .reg_req_o(reg_req),
    .reg_we_o(reg_we),
    .reg_addr_o(reg_addr),
    .reg_wdata_o(reg_wdata),
    .reg_wstrb_o(reg_wstrb),
    .reg_rvalid_i(reg_req && !reg_we),  // answered in the request's cycle
    .reg_rdata_i(reg_rdata)
  );

  logic [63:0] cause64, clear64;
  logic [31:0] wmask;
  always_comb begin
    cause64 = 64'(cause);
    wmask   = 32'({{8{reg_wstrb[3]}}, {8{reg_wstrb[2]}}, {8{reg_wstrb[1]}}, {8{reg_wstrb[0]}}});
    clear64 = '0;
    if (reg_req && reg_we) begin
      unique case (reg_addr)
        REG_BRD_IRQ_CAUSE_LO: clear64[31:0]  = reg_wdata & wmask & BRD_IRQ_CAUSE_LO_QUEUES_MASK;
        REG_BRD_IRQ_CAUSE_HI: clear64[63:32] = reg_wdata & wmask & BRD_IRQ_CAUSE_HI_QUEUES_MASK;
        default:  clear64 = '0;
      endcase
    end
    cause_clear = clear64[NumQueues-1:0];

    reg_rdata = BOARD_UNMAPPED_READ;
    unique case (reg_addr)
      REG_BRD_MAGIC:              reg_rdata = BOARD_MAGIC;
      REG_BRD_STATUS: begin
        reg_rdata = '0;
        reg_rdata[BRD_STATUS_LINK_UP_LSB]    = status_sync_q[1][0];
        reg_rdata[BRD_STATUS_BLOCK_LOCK_LSB] = status_sync_q[1][1];
        reg_rdata[BRD_STATUS_HIGH_BER_LSB]   = status_sync_q[1][2];
      end
      REG_BRD_MSI_STATUS: begin
        reg_rdata = '0;
        reg_rdata[BRD_MSI_STATUS_ENABLE_LSB] = msi_snap[32];
        reg_rdata[BRD_MSI_STATUS_VECTOR_WIDTH_LSB +: BRD_MSI_STATUS_VECTOR_WIDTH_WIDTH]
          = msi_snap[35:33];
        reg_rdata[BRD_MSI_STATUS_VECTORS_LSB +: BRD_MSI_STATUS_VECTORS_WIDTH]
          = 6'd1 << ((msi_snap[35:33] > 3'd5) ? 3'd5 : msi_snap[35:33]);
      end
      REG_BRD_MSI_SENT:           reg_rdata = msi_snap[31:0];
      REG_BRD_IRQ_CAUSE_LO:       reg_rdata = cause64[31:0];
      REG_BRD_IRQ_CAUSE_HI:       reg_rdata = cause64[63:32];
      REG_BRD_MAC_TX_FRAMES:      reg_rdata = tx_snap[0];
      REG_BRD_MAC_TX_BYTES:       reg_rdata = tx_snap[1];
      REG_BRD_MAC_TX_UNDERRUNS:   reg_rdata = tx_snap[2];
      REG_BRD_MAC_TX_ERRORS:      reg_rdata = tx_snap[3];
      REG_BRD_MAC_RX_FRAMES:      reg_rdata = rx_snap[0];
      REG_BRD_MAC_RX_BYTES:       reg_rdata = rx_snap[1];
      REG_BRD_MAC_RX_FCS_ERRORS:  reg_rdata = rx_snap[2];
      REG_BRD_MAC_RX_CODE_ERRORS: reg_rdata = rx_snap[3];
      REG_BRD_PCS_RX_ERR_BLOCKS:  reg_rdata = rx_snap[4];
      REG_BRD_PCS_RX_BER_COUNT:   reg_rdata = rx_snap[5];
      REG_BRD_PCS_RX_LOCK_LOSSES: reg_rdata = rx_snap[6];
      REG_BRD_RX_FIFO_DROPS:      reg_rdata = rx_snap[7];
      REG_BRD_TX_FIFO_DROPS:      reg_rdata = tx_fifo_drops;
      default:                    reg_rdata = BOARD_UNMAPPED_READ;
    endcase
  end

  logic unused;
  assign unused = unused_room ^ ^clear64 ^ ^unused_mac_tdata ^ ^unused_mac_tkeep
                  ^ ^unused_mac_flags;
endmodule : fpga_core

`resetall
