`resetall
`default_nettype none

// vmq_core: the NIC core (SPEC §2). Receive path (issue 3):
//   MAC stream -> vmq_rx_front (sorter, packet buffer, global RX counters)
//   -> vmq_rx_repl (one copy per queue) -> vmq_rx_wr (DMA writes) -> AXI4
//   vmq_rx_qm: rings, descriptor prefetch (AXI4 reads), decisions, status
//   vmq_csr: registers (AXI4-Lite); vmq_irq: per-queue interrupts
// Transmit (issue 4) is not built yet: m_tx_tvalid_o stays 0.
//
// Global soft reset (RESET.SOFT): the register block resets at once; the
// datapath stops taking frames, finishes its copy in progress and waits for
// every outstanding AXI transaction (STATUS.RESET_BUSY), then all datapath
// blocks reset together. See docs/rx-dma.md.
module vmq_core #(
  parameter int unsigned NumQueues     = 16,
  parameter int unsigned NumFilters    = 64,
  parameter int unsigned DataW         = 64,
  parameter int unsigned AxiDataW      = 128,
  parameter int unsigned MaxFrameBytes = 9216,
  parameter int unsigned PktBufBytes   = 65536,
  parameter int unsigned FrameSlots    = 64,
  parameter int unsigned DescCache     = 32,
  localparam int unsigned QW           = (NumQueues > 1) ? $clog2(NumQueues) : 1,
  localparam int unsigned IdW          = QW + 1
) (
  input  logic                      clk_i,
  input  logic                      rst_i,

  // MAC receive stream
  input  logic [DataW-1:0]          s_rx_tdata_i,
  input  logic [DataW/8-1:0]        s_rx_tkeep_i,
  input  logic                      s_rx_tvalid_i,
  output logic                      s_rx_tready_o,
  input  logic                      s_rx_tlast_i,
  input  logic                      s_rx_tuser_i,

  // MAC transmit stream (issue 4)
  output logic [DataW-1:0]          m_tx_tdata_o,
  output logic [DataW/8-1:0]        m_tx_tkeep_o,
  output logic                      m_tx_tvalid_o,
  input  logic                      m_tx_tready_i,
  output logic                      m_tx_tlast_o,
  output logic                      m_tx_tuser_o,

  // Registers (BAR0)
  input  logic [15:0]               s_axil_awaddr_i,
  input  logic                      s_axil_awvalid_i,
  output logic                      s_axil_awready_o,
  input  logic [31:0]               s_axil_wdata_i,
  input  logic [3:0]                s_axil_wstrb_i,
  input  logic                      s_axil_wvalid_i,
  output logic                      s_axil_wready_o,
  output logic [1:0]                s_axil_bresp_o,
  output logic                      s_axil_bvalid_o,
  input  logic                      s_axil_bready_i,
  input  logic [15:0]               s_axil_araddr_i,
  input  logic                      s_axil_arvalid_i,
  output logic                      s_axil_arready_o,
  output logic [31:0]               s_axil_rdata_o,
  output logic [1:0]                s_axil_rresp_o,
  output logic                      s_axil_rvalid_o,
  input  logic                      s_axil_rready_i,

  // DMA master
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
  output logic                      rx_room_for_max_o
);

  // ---------------------------------------------------------------------------
  // Registers
  // ---------------------------------------------------------------------------
  logic                 csr_soft_reset, default_queue_en, loopback_en;
  logic [15:0]          tpid, min_frame, max_frame, filt_idx, filt_mac_hi, rd_mac_hi;
  logic                 filt_valid, filt_cmd_write, rd_valid;
  logic [1:0]           filt_type, rd_type;
  logic [11:0]          filt_vid, rd_vid;
  logic [31:0]          filt_mac_lo, filt_qm_lo, filt_qm_hi, rd_mac_lo;
  logic [63:0]          filt_qmask, rd_qmask;
  logic [NumQueues-1:0] q_enable, q_bcast, q_mcast, q_promisc, q_strip, rd_qmask_nq;
  logic [47:0]          rd_mac;
  logic [63:0]          cnt_frames, cnt_err, cnt_runt, cnt_oversize, cnt_unmatched, cnt_buffer;
  logic [63:0]          cnt_dma_errors;
  logic [NumQueues-1:0][27:0] q_base_lo;
  logic [NumQueues-1:0][31:0] q_base_hi;
  logic [NumQueues-1:0][63:0] q_base, q_act_base;
  logic [NumQueues-1:0][11:0] q_act_mask;
  logic [NumQueues-1:0][3:0]  q_log2;
  logic [NumQueues-1:0][15:0] q_buf;
  logic [NumQueues-1:0][11:0] q_tail, q_head;
  logic [NumQueues-1:0]       q_running, q_stopped, q_error, q_resetting, q_reset;
  logic [NumQueues-1:0]       int_mask_rx, int_mask_tx, int_mask_err;
  logic [NumQueues-1:0]       int_clr_rx, int_clr_tx, int_clr_err;
  logic [NumQueues-1:0][2:0]  int_cause;
  logic [NumQueues-1:0][23:0] int_itr;
  logic [NumQueues-1:0][63:0] cnt_q_packets, cnt_q_bytes, cnt_q_no_desc;
  logic                 sr_pend_q;
  logic [NumQueues-1:0]       cause_rx, cause_tx, cause_err;

  assign filt_qmask = {filt_qm_hi, filt_qm_lo};
  assign rd_qmask   = 64'(rd_qmask_nq);
  assign rd_mac_hi  = rd_mac[47:32];
  assign rd_mac_lo  = rd_mac[31:0];
  for (genvar q = 0; q < NumQueues; q++) begin : gen_base
    assign q_base[q] = {q_base_hi[q], q_base_lo[q], 4'b0};
  end

  vmq_csr #(
    .NumQueues     (NumQueues),
    .NumFilters    (NumFilters),
    .DataW         (DataW),
    .AxiDataW      (AxiDataW),
    .MaxFrameBytes (MaxFrameBytes),
    .PktBufBytes   (PktBufBytes)
  ) u_csr (
    .clk_i                    (clk_i),
    .rst_i                    (rst_i),
    .s_axil_awaddr_i              (s_axil_awaddr_i),
    .s_axil_awvalid_i             (s_axil_awvalid_i),
    .s_axil_awready_o             (s_axil_awready_o),
    .s_axil_wdata_i               (s_axil_wdata_i),
    .s_axil_wstrb_i               (s_axil_wstrb_i),
    .s_axil_wvalid_i              (s_axil_wvalid_i),
    .s_axil_wready_o              (s_axil_wready_o),
    .s_axil_bresp_o               (s_axil_bresp_o),
    .s_axil_bvalid_o              (s_axil_bvalid_o),
    .s_axil_bready_i              (s_axil_bready_i),
    .s_axil_araddr_i              (s_axil_araddr_i),
    .s_axil_arvalid_i             (s_axil_arvalid_i),
    .s_axil_arready_o             (s_axil_arready_o),
    .s_axil_rdata_o               (s_axil_rdata_o),
    .s_axil_rresp_o               (s_axil_rresp_o),
    .s_axil_rvalid_o              (s_axil_rvalid_o),
    .s_axil_rready_i              (s_axil_rready_i),
    .soft_reset_o             (csr_soft_reset),
    .status_reset_busy_i      (sr_pend_q),
    .ctrl_default_queue_en_o  (default_queue_en),
    .ctrl_loopback_en_o       (loopback_en),
    .rx_tpid_tpid_o           (tpid),
    .rx_min_frame_bytes_o     (min_frame),
    .rx_max_frame_bytes_o     (max_frame),
    .filt_idx_idx_o           (filt_idx),
    .filt_cfg_valid_o         (filt_valid),
    .filt_cfg_type_o          (filt_type),
    .filt_cfg_vid_o           (filt_vid),
    .filt_mac_lo_mac_o        (filt_mac_lo),
    .filt_mac_hi_mac_o        (filt_mac_hi),
    .filt_qmask_lo_qmask_o    (filt_qm_lo),
    .filt_qmask_hi_qmask_o    (filt_qm_hi),
    .filt_cmd_write_o         (filt_cmd_write),
    .filt_rd_cfg_valid_i      (rd_valid),
    .filt_rd_cfg_type_i       (rd_type),
    .filt_rd_cfg_vid_i        (rd_vid),
    .filt_rd_mac_lo_mac_i     (rd_mac_lo),
    .filt_rd_mac_hi_mac_i     (rd_mac_hi),
    .filt_rd_qmask_lo_qmask_i (rd_qmask[31:0]),
    .filt_rd_qmask_hi_qmask_i (rd_qmask[63:32]),
    .rx_frames_i              (cnt_frames),
    .rx_err_drops_i           (cnt_err),
    .rx_runt_drops_i          (cnt_runt),
    .rx_oversize_drops_i      (cnt_oversize),
    .rx_unmatched_drops_i     (cnt_unmatched),
    .rx_buffer_drops_i        (cnt_buffer),
    .dma_errors_i             (cnt_dma_errors),
    .q_rx_ctrl_enable_o       (q_enable),
    .q_rx_ctrl_bcast_o        (q_bcast),
    .q_rx_ctrl_mcast_o        (q_mcast),
    .q_rx_ctrl_promisc_o      (q_promisc),
    .q_rx_ctrl_strip_vlan_o   (q_strip),
    .q_rx_base_lo_addr_o      (q_base_lo),
    .q_rx_base_hi_addr_o      (q_base_hi),
    .q_rx_size_log2_o         (q_log2),
    .q_rx_buf_bytes_o         (q_buf),
    .q_rx_tail_idx_o          (q_tail),
    .q_rx_head_idx_i          (q_head),
    .q_rx_status_running_i    (q_running),
    .q_rx_status_stopped_i    (q_stopped),
    .q_rx_status_error_i      (q_error),
    .q_rx_status_resetting_i  (q_resetting),
    .q_rx_cmd_reset_o         (q_reset),
    .q_int_mask_rx_o          (int_mask_rx),
    .q_int_mask_tx_o          (int_mask_tx),
    .q_int_mask_err_o         (int_mask_err),
    .q_int_cause_rx_i         (cause_rx),
    .q_int_cause_tx_i         (cause_tx),
    .q_int_cause_err_i        (cause_err),
    .q_int_clear_rx_o         (int_clr_rx),
    .q_int_clear_tx_o         (int_clr_tx),
    .q_int_clear_err_o        (int_clr_err),
    .q_int_itr_cycles_o       (int_itr),
    .q_rx_packets_i           (cnt_q_packets),
    .q_rx_bytes_i             (cnt_q_bytes),
    .q_rx_no_desc_drops_i     (cnt_q_no_desc)
  );

  // ---------------------------------------------------------------------------
  // Global soft reset sequencer
  // ---------------------------------------------------------------------------
  logic repl_idle, wr_idle, qm_idle, dp_rst, rst_dp;
  assign dp_rst = sr_pend_q && repl_idle && wr_idle && qm_idle;
  assign rst_dp = rst_i || dp_rst;
  always_ff @(posedge clk_i) begin
    if (rst_i) sr_pend_q <= 1'b0;
    else if (csr_soft_reset) sr_pend_q <= 1'b1;
    else if (dp_rst) sr_pend_q <= 1'b0;
  end

  // ---------------------------------------------------------------------------
  // Receive front end
  // ---------------------------------------------------------------------------
  logic [DataW-1:0]     f_tdata;
  logic [DataW/8-1:0]   f_tkeep;
  logic                 f_tvalid, f_tready, f_tlast, f_tagged, f_bcast, f_mcast;
  logic [NumQueues-1:0] f_qmask;
  logic [15:0]          f_len, f_tci;
  logic [31:0]          free_bytes_unused;

  vmq_rx_front #(
    .DataW         (DataW),
    .NumQueues     (NumQueues),
    .NumFilters    (NumFilters),
    .MaxFrameBytes (MaxFrameBytes),
    .PktBufBytes   (PktBufBytes),
    .FrameSlots    (FrameSlots)
  ) u_front (
    .clk_i                    (clk_i),
    .rst_i                    (rst_i),
    .soft_reset_i             (dp_rst),
    .s_tdata_i                (s_rx_tdata_i),
    .s_tkeep_i                (s_rx_tkeep_i),
    .s_tvalid_i               (s_rx_tvalid_i),
    .s_tready_o               (s_rx_tready_o),
    .s_tlast_i                (s_rx_tlast_i),
    .s_tuser_i                (s_rx_tuser_i),
    .cfg_tpid_i               (tpid),
    .cfg_min_frame_i          (min_frame),
    .cfg_max_frame_i          (max_frame),
    .cfg_default_queue_i      (default_queue_en),
    .cfg_bcast_i              (q_bcast),
    .cfg_mcast_i              (q_mcast),
    .cfg_promisc_i            (q_promisc),
    .cfg_rx_enable_i          (q_running),
    .tbl_we_i                 (filt_cmd_write),
    .tbl_idx_i                (filt_idx),
    .tbl_valid_i              (filt_valid),
    .tbl_type_i               (filt_type),
    .tbl_mac_i                ({filt_mac_hi, filt_mac_lo}),
    .tbl_vid_i                (filt_vid),
    .tbl_qmask_i              (filt_qmask[NumQueues-1:0]),
    .tbl_rd_valid_o           (rd_valid),
    .tbl_rd_type_o            (rd_type),
    .tbl_rd_mac_o             (rd_mac),
    .tbl_rd_vid_o             (rd_vid),
    .tbl_rd_qmask_o           (rd_qmask_nq),
    .m_tdata_o                (f_tdata),
    .m_tkeep_o                (f_tkeep),
    .m_tvalid_o               (f_tvalid),
    .m_tready_i               (f_tready),
    .m_tlast_o                (f_tlast),
    .m_qmask_o                (f_qmask),
    .m_len_o                  (f_len),
    .m_tagged_o               (f_tagged),
    .m_tci_o                  (f_tci),
    .m_bcast_o                (f_bcast),
    .m_mcast_o                (f_mcast),
    .free_bytes_o             (free_bytes_unused),
    .room_for_max_o           (rx_room_for_max_o),
    .cnt_rx_frames_o          (cnt_frames),
    .cnt_rx_err_drops_o       (cnt_err),
    .cnt_rx_runt_drops_o      (cnt_runt),
    .cnt_rx_oversize_drops_o  (cnt_oversize),
    .cnt_rx_unmatched_drops_o (cnt_unmatched),
    .cnt_rx_buffer_drops_o    (cnt_buffer)
  );

  // ---------------------------------------------------------------------------
  // Replication and copy decisions
  // ---------------------------------------------------------------------------
  logic          cp_valid, cp_tagged, cp_take, cp_strip, no_desc;
  logic [QW-1:0] cp_queue;
  logic [15:0]   cp_len, cp_bytes;
  logic [12:0]   cp_ndesc;
  logic [DataW-1:0]   c_tdata;
  logic [DataW/8-1:0] c_tkeep;
  logic          c_tvalid, c_tready, c_tlast, c_tagged, c_bcast, c_mcast, c_strip;
  logic [QW-1:0] c_queue;
  logic [15:0]   c_len, c_tci, c_bytes;
  logic [12:0]   c_ndesc;

  vmq_rx_repl #(
    .DataW         (DataW),
    .NumQueues     (NumQueues),
    .MaxFrameBytes (MaxFrameBytes)
  ) u_repl (
    .clk_i       (clk_i),
    .rst_i       (rst_dp),
    .hold_i      (sr_pend_q),
    .s_tdata_i   (f_tdata),
    .s_tkeep_i   (f_tkeep),
    .s_tvalid_i  (f_tvalid),
    .s_tready_o  (f_tready),
    .s_tlast_i   (f_tlast),
    .s_qmask_i   (f_qmask),
    .s_len_i     (f_len),
    .s_tagged_i  (f_tagged),
    .s_tci_i     (f_tci),
    .s_bcast_i   (f_bcast),
    .s_mcast_i   (f_mcast),
    .cp_valid_o  (cp_valid),
    .cp_queue_o  (cp_queue),
    .cp_len_o    (cp_len),
    .cp_tagged_o (cp_tagged),
    .cp_take_i   (cp_take),
    .cp_ndesc_i  (cp_ndesc),
    .cp_bytes_i  (cp_bytes),
    .cp_strip_i  (cp_strip),
    .m_tdata_o   (c_tdata),
    .m_tkeep_o   (c_tkeep),
    .m_tvalid_o  (c_tvalid),
    .m_tready_i  (c_tready),
    .m_tlast_o   (c_tlast),
    .m_queue_o   (c_queue),
    .m_len_o     (c_len),
    .m_tagged_o  (c_tagged),
    .m_tci_o     (c_tci),
    .m_bcast_o   (c_bcast),
    .m_mcast_o   (c_mcast),
    .m_ndesc_o   (c_ndesc),
    .m_bytes_o   (c_bytes),
    .m_strip_o   (c_strip),
    .idle_o      (repl_idle)
  );

  logic [NumQueues-1:0] dq_avail, wr_idle_q, err_event, rx_irq;
  logic          dq_pop, copy_done, wr_err, rd_err, pkt, abandon, wb_err;
  logic [QW-1:0] dq_queue, copy_done_q, wr_err_q, pkt_q;
  logic [63:0]   dq_addr;
  logic [11:0]   dq_idx;
  logic [15:0]   pkt_bytes;

  vmq_rx_qm #(
    .NumQueues (NumQueues),
    .AxiDataW  (AxiDataW),
    .DescCache (DescCache)
  ) u_qm (
    .clk_i           (clk_i),
    .rst_i           (rst_dp),
    .hold_i          (sr_pend_q),
    .cfg_enable_i    (q_enable),
    .cfg_strip_i     (q_strip),
    .cfg_base_i      (q_base),
    .cfg_log2_i      (q_log2),
    .cfg_buf_i       (q_buf),
    .cfg_tail_i      (q_tail),
    .q_reset_i       (q_reset),
    .act_base_o      (q_act_base),
    .act_mask_o      (q_act_mask),
    .head_o          (q_head),
    .running_o       (q_running),
    .stopped_o       (q_stopped),
    .error_o         (q_error),
    .resetting_o     (q_resetting),
    .err_event_o     (err_event),
    .rd_err_o        (rd_err),
    .idle_o          (qm_idle),
    .cp_valid_i      (cp_valid),
    .cp_queue_i      (cp_queue),
    .cp_len_i        (cp_len),
    .cp_tagged_i     (cp_tagged),
    .cp_take_o       (cp_take),
    .cp_ndesc_o      (cp_ndesc),
    .cp_bytes_o      (cp_bytes),
    .cp_strip_o      (cp_strip),
    .no_desc_o       (no_desc),
    .dq_avail_o      (dq_avail),
    .dq_pop_i        (dq_pop),
    .dq_queue_i      (dq_queue),
    .dq_addr_o       (dq_addr),
    .dq_idx_o        (dq_idx),
    .copy_done_i     (copy_done),
    .copy_done_q_i   (copy_done_q),
    .wr_idle_i       (wr_idle_q),
    .wr_err_i        (wr_err),
    .wr_err_q_i      (wr_err_q),
    .m_axi_arid_o    (m_axi_arid_o),
    .m_axi_araddr_o  (m_axi_araddr_o),
    .m_axi_arlen_o   (m_axi_arlen_o),
    .m_axi_arsize_o  (m_axi_arsize_o),
    .m_axi_arburst_o (m_axi_arburst_o),
    .m_axi_arvalid_o (m_axi_arvalid_o),
    .m_axi_arready_i (m_axi_arready_i),
    .m_axi_rid_i     (m_axi_rid_i),
    .m_axi_rdata_i   (m_axi_rdata_i),
    .m_axi_rresp_i   (m_axi_rresp_i),
    .m_axi_rlast_i   (m_axi_rlast_i),
    .m_axi_rvalid_i  (m_axi_rvalid_i),
    .m_axi_rready_o  (m_axi_rready_o)
  );

  vmq_rx_wr #(
    .DataW     (DataW),
    .AxiDataW  (AxiDataW),
    .NumQueues (NumQueues)
  ) u_wr (
    .clk_i           (clk_i),
    .rst_i           (rst_dp),
    .s_tdata_i       (c_tdata),
    .s_tkeep_i       (c_tkeep),
    .s_tvalid_i      (c_tvalid),
    .s_tready_o      (c_tready),
    .s_tlast_i       (c_tlast),
    .s_queue_i       (c_queue),
    .s_len_i         (c_len),
    .s_tci_i         (c_tci),
    .s_bcast_i       (c_bcast),
    .s_mcast_i       (c_mcast),
    .s_ndesc_i       (c_ndesc),
    .s_bytes_i       (c_bytes),
    .s_strip_i       (c_strip),
    .cfg_base_i      (q_act_base),
    .cfg_mask_i      (q_act_mask),
    .dq_avail_i      (dq_avail),
    .dq_pop_o        (dq_pop),
    .dq_queue_o      (dq_queue),
    .dq_addr_i       (dq_addr),
    .dq_idx_i        (dq_idx),
    .qerr_i          (q_error),
    .copy_done_o     (copy_done),
    .copy_done_q_o   (copy_done_q),
    .wr_idle_o       (wr_idle_q),
    .wr_err_o        (wr_err),
    .wr_err_q_o      (wr_err_q),
    .pkt_o           (pkt),
    .pkt_q_o         (pkt_q),
    .pkt_bytes_o     (pkt_bytes),
    .abandon_o       (abandon),
    .wb_err_o        (wb_err),
    .rx_irq_o        (rx_irq),
    .idle_o          (wr_idle),
    .m_axi_awid_o    (m_axi_awid_o),
    .m_axi_awaddr_o  (m_axi_awaddr_o),
    .m_axi_awlen_o   (m_axi_awlen_o),
    .m_axi_awsize_o  (m_axi_awsize_o),
    .m_axi_awburst_o (m_axi_awburst_o),
    .m_axi_awvalid_o (m_axi_awvalid_o),
    .m_axi_awready_i (m_axi_awready_i),
    .m_axi_wdata_o   (m_axi_wdata_o),
    .m_axi_wstrb_o   (m_axi_wstrb_o),
    .m_axi_wlast_o   (m_axi_wlast_o),
    .m_axi_wvalid_o  (m_axi_wvalid_o),
    .m_axi_wready_i  (m_axi_wready_i),
    .m_axi_bid_i     (m_axi_bid_i),
    .m_axi_bresp_i   (m_axi_bresp_i),
    .m_axi_bvalid_i  (m_axi_bvalid_i),
    .m_axi_bready_o  (m_axi_bready_o)
  );

  // ---------------------------------------------------------------------------
  // Counters: per queue (SPEC §6) and dma_errors; reset with the datapath
  // ---------------------------------------------------------------------------
  for (genvar q = 0; q < NumQueues; q++) begin : gen_qcnt
    logic [63:0] pk_q, by_q, nd_q;
    always_ff @(posedge clk_i) begin
      if (rst_dp) begin
        pk_q <= '0;
        by_q <= '0;
        nd_q <= '0;
      end else begin
        if (pkt && pkt_q == QW'(q)) begin
          pk_q <= pk_q + 64'd1;
          by_q <= by_q + 64'(pkt_bytes);
        end
        if (no_desc && cp_queue == QW'(q)) nd_q <= nd_q + 64'd1;
      end
    end
    assign cnt_q_packets[q] = pk_q;
    assign cnt_q_bytes[q]   = by_q;
    assign cnt_q_no_desc[q] = nd_q;
  end

  always_ff @(posedge clk_i) begin
    if (rst_dp) cnt_dma_errors <= '0;
    else cnt_dma_errors <= cnt_dma_errors + 64'(rd_err) + 64'(abandon) + 64'(wb_err);
  end

  // ---------------------------------------------------------------------------
  // Interrupts: causes RX (bit 0), TX (bit 1, issue 4), ERR (bit 2)
  // ---------------------------------------------------------------------------
  logic [NumQueues-1:0][2:0] int_set, int_clr, int_msk;
  for (genvar q = 0; q < NumQueues; q++) begin : gen_int
    assign int_set[q]   = {err_event[q], 1'b0, rx_irq[q]};
    assign int_clr[q]   = {int_clr_err[q], int_clr_tx[q], int_clr_rx[q]};
    assign int_msk[q]   = {int_mask_err[q], int_mask_tx[q], int_mask_rx[q]};
    assign cause_rx[q]  = int_cause[q][0];
    assign cause_tx[q]  = int_cause[q][1];
    assign cause_err[q] = int_cause[q][2];
  end

  vmq_irq #(.NumLines(NumQueues), .Causes(3)) u_irq (
    .clk_i   (clk_i),
    .rst_i   (rst_dp),
    .set_i   (int_set),
    .clear_i (int_clr),
    .mask_i  (int_msk),
    .itr_i   (int_itr),
    .cause_o (int_cause),
    .irq_o   (irq_o)
  );

  // ---------------------------------------------------------------------------
  // Transmit: issue 4
  // ---------------------------------------------------------------------------
  assign m_tx_tdata_o  = '0;
  assign m_tx_tkeep_o  = '0;
  assign m_tx_tvalid_o = 1'b0;
  assign m_tx_tlast_o  = 1'b0;
  assign m_tx_tuser_o  = 1'b0;

  logic unused;
  assign unused = ^{loopback_en, filt_qmask, free_bytes_unused, m_tx_tready_i,
                    c_tkeep, c_tagged, rd_qmask};

endmodule

`resetall
