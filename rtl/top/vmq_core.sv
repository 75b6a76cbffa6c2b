`resetall
`default_nettype none

// vmq_core: the NIC core (SPEC §2).
// Receive (docs/rx-dma.md):
//   MAC stream -> vmq_rx_front (sorter, packet buffer, global RX counters)
//   -> vmq_rx_repl (one copy per queue) -> vmq_rx_wr (DMA writes) -> AXI4
//   vmq_rx_qm: rings, descriptor prefetch (AXI4 reads), decisions, status
// Transmit (docs/tx-dma.md):
//   vmq_tx_ring: rings, descriptor prefetch, frame walker (payload reads),
//   completions -> vmq_tx_stage (staging RAM) -> vmq_tx_out (round-robin /
//   DRR, tag insertion, anti-spoofing, padding) -> MAC stream
// vmq_csr: registers (AXI4-Lite); vmq_irq: per-queue interrupts.
// AXI IDs are {kind, queue}: kind 00 receive, 01 transmit descriptors and
// completions, 11 transmit payload; vmq_axi_addr_arb shares AR and AW.
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
  parameter int unsigned TxStageBytes  = 16384,  // transmit staging per queue (>= MaxFrameBytes)
  parameter int unsigned TxDescCache   = 32,
  parameter int unsigned TxFrameRecs   = 32,
  localparam int unsigned QW           = (NumQueues > 1) ? $clog2(NumQueues) : 1,
  localparam int unsigned IdW          = QW + 2
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

  // MAC transmit stream
  output logic [DataW-1:0]          m_tx_tdata_o,
  output logic [DataW/8-1:0]        m_tx_tkeep_o,
  output logic                      m_tx_tvalid_o,
  input  logic                      m_tx_tready_i,
  output logic                      m_tx_tlast_o,
  output logic                      m_tx_tuser_o,

  // Registers (BAR0)
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
  // per-queue counters in RAM (vmq_qstats banks), read by the register block
  logic                          qcnt_req, qcnt_valid, stats_busy;
  logic [vmq_reg_pkg::QCNT_ID_W-1:0]    qcnt_id;
  logic [vmq_reg_pkg::QCNT_QUEUE_W-1:0] qcnt_queue;
  logic [63:0]                   qcnt_data;
  logic                 sr_pend_q;
  logic [NumQueues-1:0]       cause_rx, cause_tx, cause_err;
  logic                       tx_drr;
  logic [NumQueues-1:0]       tq_enable, tq_spoof_mac, tq_spoof_vlan, tq_reset;
  logic [NumQueues-1:0][27:0] tq_base_lo;
  logic [NumQueues-1:0][31:0] tq_base_hi, tq_mac_lo;
  logic [NumQueues-1:0][63:0] tq_base;
  logic [NumQueues-1:0][3:0]  tq_log2;
  logic [NumQueues-1:0][11:0] tq_tail, tq_head;
  logic [NumQueues-1:0][15:0] tq_tci, tq_mac_hi, tq_weight;
  logic [NumQueues-1:0][47:0] tq_mac;
  logic [NumQueues-1:0]       tq_running, tq_stopped, tq_error, tq_resetting, tq_ins;
  logic [NumQueues-1:0]       tx_irq, tx_err_event;
  logic [NumQueues-1:0][2:0]  q_cause, tq_cause;      // Q_RX_STATUS.CAUSE, Q_TX_STATUS.CAUSE
  logic                       rx_ring_fault;
  logic [1:0]                 tx_host_fault;
  logic [63:0]                cnt_queue_errors;
  logic [1:0]                 tx_dma_err;

  assign filt_qmask = {filt_qm_hi, filt_qm_lo};
  assign rd_qmask   = 64'(rd_qmask_nq);
  assign rd_mac_hi  = rd_mac[47:32];
  assign rd_mac_lo  = rd_mac[31:0];
  for (genvar q = 0; q < NumQueues; q++) begin : gen_base
    assign q_base[q] = {q_base_hi[q], q_base_lo[q], 4'b0};
    assign tq_base[q] = {tq_base_hi[q], tq_base_lo[q], 4'b0};
    assign tq_mac[q]  = {tq_mac_hi[q], tq_mac_lo[q]};
    assign tq_ins[q]  = tq_tci[q][11:0] != '0;
  end

  // per-queue resets applied (receive: vmq_rx_qm, transmit: vmq_tx_ring):
  // the register block clears the queue's TAIL and ENABLE (SPEC §4)
  logic [NumQueues-1:0]       q_qrst, t_qrst;

  vmq_csr #(
    .NumQueues     (NumQueues),
    .NumFilters    (NumFilters),
    .DataW         (DataW),
    .AxiDataW      (AxiDataW),
    .MaxFrameBytes (MaxFrameBytes),
    .PktBufBytes   (PktBufBytes),
    .DescCache     (DescCache),
    .TxDescCache   (TxDescCache),
    .TxStageBytes  (TxStageBytes)
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
    .status_reset_busy_i      (sr_pend_q | stats_busy),
    .ctrl_default_queue_en_o  (default_queue_en),
    .ctrl_loopback_en_o       (loopback_en),
    .ctrl_tx_drr_o            (tx_drr),
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
    .queue_errors_i           (cnt_queue_errors),
    .q_rx_ctrl_enable_o       (q_enable),
    .q_rx_ctrl_enable_clr_i   (q_qrst),
    .q_rx_ctrl_bcast_o        (q_bcast),
    .q_rx_ctrl_mcast_o        (q_mcast),
    .q_rx_ctrl_promisc_o      (q_promisc),
    .q_rx_ctrl_strip_vlan_o   (q_strip),
    .q_rx_base_lo_addr_o      (q_base_lo),
    .q_rx_base_hi_addr_o      (q_base_hi),
    .q_rx_size_log2_o         (q_log2),
    .q_rx_buf_bytes_o         (q_buf),
    .q_rx_tail_idx_o          (q_tail),
    .q_rx_tail_idx_clr_i      (q_qrst),
    .q_rx_head_idx_i          (q_head),
    .q_rx_status_running_i    (q_running),
    .q_rx_status_stopped_i    (q_stopped),
    .q_rx_status_error_i      (q_error),
    .q_rx_status_resetting_i  (q_resetting),
    .q_rx_status_cause_i      (q_cause),
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
    .q_tx_ctrl_enable_o       (tq_enable),
    .q_tx_ctrl_enable_clr_i   (t_qrst),
    .q_tx_ctrl_spoof_mac_o    (tq_spoof_mac),
    .q_tx_ctrl_spoof_vlan_o   (tq_spoof_vlan),
    .q_tx_base_lo_addr_o      (tq_base_lo),
    .q_tx_base_hi_addr_o      (tq_base_hi),
    .q_tx_size_log2_o         (tq_log2),
    .q_tx_tail_idx_o          (tq_tail),
    .q_tx_tail_idx_clr_i      (t_qrst),
    .q_tx_head_idx_i          (tq_head),
    .q_tx_status_running_i    (tq_running),
    .q_tx_status_stopped_i    (tq_stopped),
    .q_tx_status_error_i      (tq_error),
    .q_tx_status_resetting_i  (tq_resetting),
    .q_tx_status_cause_i      (tq_cause),
    .q_tx_cmd_reset_o         (tq_reset),
    .q_tx_port_vlan_tci_o     (tq_tci),
    .q_tx_mac_lo_mac_o        (tq_mac_lo),
    .q_tx_mac_hi_mac_o        (tq_mac_hi),
    .q_tx_weight_weight_o     (tq_weight),
    .qcnt_rd_req_o            (qcnt_req),
    .qcnt_rd_id_o             (qcnt_id),
    .qcnt_rd_queue_o          (qcnt_queue),
    .qcnt_rd_valid_i          (qcnt_valid),
    .qcnt_rd_data_i           (qcnt_data)
  );

  // ---------------------------------------------------------------------------
  // Global soft reset sequencer
  // ---------------------------------------------------------------------------
  logic repl_idle, wr_idle, qm_idle, dp_rst, rst_dp, txr_idle, txo_idle, lbm_idle;
  assign dp_rst = sr_pend_q && repl_idle && wr_idle && qm_idle && txr_idle && txo_idle && lbm_idle;
  assign rst_dp = rst_i || dp_rst;
  // New work waits while a soft reset is pending and while the statistics
  // sweep clears the counters after it (and after power-up): every frame is
  // counted (SPEC §6), none is lost (frames wait in the packet buffer).
  logic dp_hold;
  assign dp_hold = sr_pend_q | stats_busy;
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
  logic [NumFilters-1:0]                tb_valid;
  logic [NumFilters-1:0][1:0]           tb_type;
  logic [NumFilters-1:0][47:0]          tb_mac;
  logic [NumFilters-1:0][11:0]          tb_vid;
  logic [NumFilters-1:0][NumQueues-1:0] tb_qmask;

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
    .tbl_valid_o              (tb_valid),
    .tbl_type_o               (tb_type),
    .tbl_mac_o                (tb_mac),
    .tbl_vid_o                (tb_vid),
    .tbl_qmask_o              (tb_qmask),
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

  // looped transmit frames join here (SPEC §5)
  localparam int unsigned LbMetaW = NumQueues + 16 + 1 + 16 + 1 + 1;
  logic [DataW-1:0]     x_tdata, lb_tdata;
  logic [DataW/8-1:0]   x_tkeep, lb_tkeep;
  logic                 x_tvalid, x_tready, x_tlast, x_tagged, x_bcast, x_mcast;
  logic [NumQueues-1:0] x_qmask;
  logic [15:0]          x_len, x_tci;
  logic                 lb_tvalid, lb_tready, lb_tlast, lb_meta_valid, lb_meta_pop;
  logic [LbMetaW-1:0]   lb_meta;

  vmq_rx_lb_mux #(.DataW(DataW), .NumQueues(NumQueues)) u_lb_mux (
    .clk_i          (clk_i),
    .rst_i          (rst_dp),
    .a_tdata_i      (f_tdata),
    .a_tkeep_i      (f_tkeep),
    .a_tvalid_i     (f_tvalid),
    .a_tready_o     (f_tready),
    .a_tlast_i      (f_tlast),
    .a_meta_i       ({f_qmask, f_len, f_tagged, f_tci, f_bcast, f_mcast}),
    .b_tdata_i      (lb_tdata),
    .b_tkeep_i      (lb_tkeep),
    .b_tvalid_i     (lb_tvalid),
    .b_tready_o     (lb_tready),
    .b_tlast_i      (lb_tlast),
    .b_meta_valid_i (lb_meta_valid),
    .b_meta_i       (lb_meta),
    .b_meta_pop_o   (lb_meta_pop),
    .m_tdata_o      (x_tdata),
    .m_tkeep_o      (x_tkeep),
    .m_tvalid_o     (x_tvalid),
    .m_tready_i     (x_tready),
    .m_tlast_o      (x_tlast),
    .m_meta_o       ({x_qmask, x_len, x_tagged, x_tci, x_bcast, x_mcast}),
    .idle_o         (lbm_idle)
  );

  vmq_rx_repl #(
    .DataW         (DataW),
    .NumQueues     (NumQueues),
    .MaxFrameBytes (MaxFrameBytes)
  ) u_repl (
    .clk_i       (clk_i),
    .rst_i       (rst_dp),
    .hold_i      (dp_hold),
    .s_tdata_i   (x_tdata),
    .s_tkeep_i   (x_tkeep),
    .s_tvalid_i  (x_tvalid),
    .s_tready_o  (x_tready),
    .s_tlast_i   (x_tlast),
    .s_qmask_i   (x_qmask),
    .s_len_i     (x_len),
    .s_tagged_i  (x_tagged),
    .s_tci_i     (x_tci),
    .s_bcast_i   (x_bcast),
    .s_mcast_i   (x_mcast),
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

  // receive-side AXI (joined with transmit below)
  logic [IdW-1:0]        rx_arid, rx_rid, rx_awid, rx_bid;
  logic [63:0]           rx_araddr, rx_awaddr;
  logic [7:0]            rx_arlen, rx_awlen;
  logic [2:0]            rx_arsize, rx_awsize;
  logic [1:0]            rx_arburst, rx_awburst, rx_rresp, rx_bresp;
  logic                  rx_arvalid, rx_arready, rx_rlast, rx_rvalid, rx_rready;
  logic                  rx_awvalid, rx_awready, rx_wlast, rx_wvalid, rx_wready, rx_bvalid, rx_bready;
  logic [AxiDataW-1:0]   rx_rdata, rx_wdata;
  logic [AxiDataW/8-1:0] rx_wstrb;

  vmq_rx_qm #(
    .NumQueues (NumQueues),
    .AxiDataW  (AxiDataW),
    .DescCache (DescCache)
  ) u_qm (
    .clk_i           (clk_i),
    .rst_i           (rst_dp),
    .hold_i          (dp_hold),
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
    .cause_o         (q_cause),
    .ring_fault_o    (rx_ring_fault),
    .qrst_o          (q_qrst),
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
    .m_axi_arid_o    (rx_arid),
    .m_axi_araddr_o  (rx_araddr),
    .m_axi_arlen_o   (rx_arlen),
    .m_axi_arsize_o  (rx_arsize),
    .m_axi_arburst_o (rx_arburst),
    .m_axi_arvalid_o (rx_arvalid),
    .m_axi_arready_i (rx_arready),
    .m_axi_rid_i     (rx_rid),
    .m_axi_rdata_i   (rx_rdata),
    .m_axi_rresp_i   (rx_rresp),
    .m_axi_rlast_i   (rx_rlast),
    .m_axi_rvalid_i  (rx_rvalid),
    .m_axi_rready_o  (rx_rready)
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
    .m_axi_awid_o    (rx_awid),
    .m_axi_awaddr_o  (rx_awaddr),
    .m_axi_awlen_o   (rx_awlen),
    .m_axi_awsize_o  (rx_awsize),
    .m_axi_awburst_o (rx_awburst),
    .m_axi_awvalid_o (rx_awvalid),
    .m_axi_awready_i (rx_awready),
    .m_axi_wdata_o   (rx_wdata),
    .m_axi_wstrb_o   (rx_wstrb),
    .m_axi_wlast_o   (rx_wlast),
    .m_axi_wvalid_o  (rx_wvalid),
    .m_axi_wready_i  (rx_wready),
    .m_axi_bid_i     (rx_bid),
    .m_axi_bresp_i   (rx_bresp),
    .m_axi_bvalid_i  (rx_bvalid),
    .m_axi_bready_o  (rx_bready)
  );

  // ---------------------------------------------------------------------------
  // Counters: dma_errors and queue_errors (flip-flops), reset with the
  // datapath; the per-queue counters are in RAM (below, "Statistics")
  // ---------------------------------------------------------------------------
  // dma_errors: one per AXI transaction answered with an error (SPEC §6,
  // docs/rx-dma.md "Faults"): receive descriptor reads (rd_err), receive
  // payload and write-back writes (wr_err: every error B), and the transmit
  // side's descriptor reads, payload reads and completions (tx_dma_err).
  // Copies abandoned because their queue is in error are not transactions
  // and do not count (abandon, wb_err are the receive engine's own view).
  always_ff @(posedge clk_i) begin
    if (rst_dp) cnt_dma_errors <= '0;
    else cnt_dma_errors <= cnt_dma_errors + 64'(rd_err) + 64'(wr_err) + 64'(tx_dma_err);
  end
  // queue_errors: one per queue put in error by the host's own fault (a ring
  // fault on either side, a transmit frame too long to gather), SPEC §6
  always_ff @(posedge clk_i) begin
    if (rst_dp) cnt_queue_errors <= '0;
    else cnt_queue_errors <= cnt_queue_errors + 64'(rx_ring_fault) + 64'(tx_host_fault);
  end
  logic unused_err_views;
  assign unused_err_views = ^{abandon, wb_err};

  // ---------------------------------------------------------------------------
  // Interrupts: causes RX (bit 0), TX (bit 1), ERR (bit 2)
  // ---------------------------------------------------------------------------
  logic [NumQueues-1:0][2:0] int_set, int_clr, int_msk;
  for (genvar q = 0; q < NumQueues; q++) begin : gen_int
    assign int_set[q]   = {err_event[q] | tx_err_event[q], tx_irq[q], rx_irq[q]};
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
  // Transmit
  // ---------------------------------------------------------------------------
  localparam int unsigned TxSW = $clog2(TxStageBytes) + 1;
  localparam int unsigned TxWW = $clog2(TxStageBytes) - $clog2(AxiDataW / 8);
  localparam int unsigned TxTags = 32;
  localparam int unsigned AL = $clog2(AxiDataW / 8);

  logic [15:0]                max_eff;
  logic [NumQueues-1:0]       t_hd_valid, t_hd_ovs, t_out_busy, t_rec_avail;
  logic [NumQueues-1:0][15:0] t_bd, t_hd_bend, t_hd_len;
  logic [NumQueues-1:0][TxSW-1:0] t_hd_staged;
  logic                       t_tag_push, t_tag_sof, t_taken, t_vd, t_pl_err;
  logic [QW-1:0]              t_tag_q, t_taken_q, t_vd_q, t_pl_err_q;
  logic [AL-1:0]              t_tag_lo;
  logic [12:0]                t_tag_n;
  logic [1:0]                 t_vd_code;
  logic [15:0]                t_vd_len;
  logic                       t_dar_v, t_dar_r, t_par_v, t_par_r;
  logic [IdW-1:0]             t_dar_id, t_par_id, t_aw_id;
  logic [63:0]                t_dar_addr, t_par_addr, t_aw_addr;
  logic [7:0]                 t_dar_len, t_par_len;
  logic                       t_dr_v, t_dr_r, t_pr_v, t_pr_r;
  logic                       t_aw_v, t_aw_r, t_w_v, t_w_r, t_b_v;
  logic [AxiDataW-1:0]        t_w_data, t_rd_data;
  logic [AxiDataW/8-1:0]      t_w_strb;
  logic                       t_rd_en;
  logic [QW-1:0]              t_rd_q;
  logic [TxWW-1:0]            t_rd_word;

  assign max_eff = (32'(max_frame) > MaxFrameBytes) ? 16'(MaxFrameBytes) : max_frame;

  vmq_tx_ring #(
    .NumQueues     (NumQueues),
    .AxiDataW      (AxiDataW),
    .MaxFrameBytes (MaxFrameBytes),
    .StageBytes    (TxStageBytes),
    .DescCache     (TxDescCache),
    .FrameRecs     (TxFrameRecs),
    .TagDepth      (TxTags)
  ) u_tx_ring (
    .clk_i           (clk_i),
    .rst_i           (rst_dp),
    .hold_i          (dp_hold),
    .cfg_enable_i    (tq_enable),
    .cfg_base_i      (tq_base),
    .cfg_log2_i      (tq_log2),
    .cfg_tail_i      (tq_tail),
    .cfg_ins_i       (tq_ins),
    .cfg_max_frame_i (max_eff),
    .q_reset_i       (tq_reset),
    .head_o          (tq_head),
    .running_o       (tq_running),
    .stopped_o       (tq_stopped),
    .error_o         (tq_error),
    .resetting_o     (tq_resetting),
    .err_event_o     (tx_err_event),
    .cause_o         (tq_cause),
    .host_fault_o    (tx_host_fault),
    .tx_irq_o        (tx_irq),
    .dma_err_o       (tx_dma_err),
    .idle_o          (txr_idle),
    .qrst_o          (t_qrst),
    .tag_push_o      (t_tag_push),
    .tag_q_o         (t_tag_q),
    .tag_lo_o        (t_tag_lo),
    .tag_n_o         (t_tag_n),
    .tag_sof_o       (t_tag_sof),
    .bursts_done_i   (t_bd),
    .hd_valid_o      (t_hd_valid),
    .hd_bend_o       (t_hd_bend),
    .hd_len_o        (t_hd_len),
    .hd_staged_o     (t_hd_staged),
    .hd_ovs_o        (t_hd_ovs),
    .rec_avail_o     (t_rec_avail),
    .taken_i         (t_taken),
    .taken_q_i       (t_taken_q),
    .vd_i            (t_vd),
    .vd_q_i          (t_vd_q),
    .vd_code_i       (t_vd_code),
    .vd_len_i        (t_vd_len),
    .out_busy_i      (t_out_busy),
    .dar_valid_o     (t_dar_v),
    .dar_ready_i     (t_dar_r),
    .dar_id_o        (t_dar_id),
    .dar_addr_o      (t_dar_addr),
    .dar_len_o       (t_dar_len),
    .par_valid_o     (t_par_v),
    .par_ready_i     (t_par_r),
    .par_id_o        (t_par_id),
    .par_addr_o      (t_par_addr),
    .par_len_o       (t_par_len),
    .dr_valid_i      (t_dr_v),
    .dr_ready_o      (t_dr_r),
    .dr_id_i         (m_axi_rid_i),
    .dr_data_i       (m_axi_rdata_i),
    .dr_resp_i       (m_axi_rresp_i),
    .dr_last_i       (m_axi_rlast_i),
    .pl_err_i        (t_pl_err),
    .pl_err_q_i      (t_pl_err_q),
    .aw_valid_o      (t_aw_v),
    .aw_ready_i      (t_aw_r),
    .aw_id_o         (t_aw_id),
    .aw_addr_o       (t_aw_addr),
    .w_valid_o       (t_w_v),
    .w_ready_i       (t_w_r),
    .w_data_o        (t_w_data),
    .w_strb_o        (t_w_strb),
    .b_valid_i       (t_b_v),
    .b_id_i          (m_axi_bid_i),
    .b_resp_i        (m_axi_bresp_i)
  );

  vmq_tx_stage #(
    .NumQueues  (NumQueues),
    .AxiDataW   (AxiDataW),
    .StageBytes (TxStageBytes),
    .TagDepth   (TxTags)
  ) u_tx_stage (
    .clk_i         (clk_i),
    .rst_i         (rst_dp),
    .qrst_i        (t_qrst),
    .tag_push_i    (t_tag_push),
    .tag_q_i       (t_tag_q),
    .tag_lo_i      (t_tag_lo),
    .tag_n_i       (t_tag_n),
    .tag_sof_i     (t_tag_sof),
    .bursts_done_o (t_bd),
    .r_valid_i     (t_pr_v),
    .r_ready_o     (t_pr_r),
    .r_id_i        (m_axi_rid_i),
    .r_data_i      (m_axi_rdata_i),
    .r_resp_i      (m_axi_rresp_i),
    .r_last_i      (m_axi_rlast_i),
    .err_o         (t_pl_err),
    .err_q_o       (t_pl_err_q),
    .rd_en_i       (t_rd_en),
    .rd_q_i        (t_rd_q),
    .rd_word_i     (t_rd_word),
    .rd_data_o     (t_rd_data)
  );

  vmq_tx_out #(
    .NumQueues     (NumQueues),
    .DataW         (DataW),
    .AxiDataW      (AxiDataW),
    .StageBytes    (TxStageBytes),
    .NumFilters    (NumFilters),
    .MaxFrameBytes (MaxFrameBytes)
  ) u_tx_out (
    .clk_i            (clk_i),
    .rst_i            (rst_dp),
    .qrst_i           (t_qrst),
    .cfg_drr_i        (tx_drr),
    .cfg_weight_i     (tq_weight),
    .cfg_ins_i        (tq_ins),
    .cfg_tci_i        (tq_tci),
    .cfg_spoof_mac_i  (tq_spoof_mac),
    .cfg_spoof_vlan_i (tq_spoof_vlan),
    .cfg_mac_i        (tq_mac),
    .cfg_tpid_i       (tpid),
    .cfg_lb_en_i      (loopback_en),
    .tbl_valid_i      (tb_valid),
    .tbl_type_i       (tb_type),
    .tbl_mac_i        (tb_mac),
    .tbl_vid_i        (tb_vid),
    .tbl_qmask_i      (tb_qmask),
    .cfg_bcast_i      (q_bcast),
    .cfg_mcast_i      (q_mcast),
    .cfg_promisc_i    (q_promisc),
    .cfg_rx_enable_i  (q_running),
    .hd_valid_i       (t_hd_valid),
    .hd_bend_i        (t_hd_bend),
    .hd_len_i         (t_hd_len),
    .hd_staged_i      (t_hd_staged),
    .hd_ovs_i         (t_hd_ovs),
    .rec_avail_i      (t_rec_avail),
    .bursts_done_i    (t_bd),
    .q_error_i        (tq_error),
    .taken_o          (t_taken),
    .taken_q_o        (t_taken_q),
    .vd_o             (t_vd),
    .vd_q_o           (t_vd_q),
    .vd_code_o        (t_vd_code),
    .vd_len_o         (t_vd_len),
    .busy_o           (t_out_busy),
    .idle_o           (txo_idle),
    .rd_en_o          (t_rd_en),
    .rd_q_o           (t_rd_q),
    .rd_word_o        (t_rd_word),
    .rd_data_i        (t_rd_data),
    .m_tdata_o        (m_tx_tdata_o),
    .m_tkeep_o        (m_tx_tkeep_o),
    .m_tvalid_o       (m_tx_tvalid_o),
    .m_tready_i       (m_tx_tready_i),
    .m_tlast_o        (m_tx_tlast_o),
    .m_tuser_o        (m_tx_tuser_o),
    .lb_tdata_o       (lb_tdata),
    .lb_tkeep_o       (lb_tkeep),
    .lb_tvalid_o      (lb_tvalid),
    .lb_tready_i      (lb_tready),
    .lb_tlast_o       (lb_tlast),
    .lb_meta_valid_o  (lb_meta_valid),
    .lb_meta_o        (lb_meta),
    .lb_meta_pop_i    (lb_meta_pop)
  );

  // ---------------------------------------------------------------------------
  // Statistics: the per-queue counters of SPEC §6 in RAM, one vmq_qstats bank
  // per event source (each sends at most one event per cycle, so no bank
  // ever drops an increment): the receive writer's write-backs (rx_packets,
  // rx_bytes), the queue manager's no-descriptor drops, and the transmit
  // formatter's verdicts (tx_packets, tx_bytes, spoof, oversize). The power-up
  // reset and the datapath's soft reset clear them by a sweep (STATUS.
  // RESET_BUSY shows it, and dp_hold keeps new work waiting meanwhile, so
  // no event falls into the sweep); a read in flight survives the soft reset.
  // ---------------------------------------------------------------------------
  localparam int unsigned NumBanks = 3;
  localparam int unsigned CntIdW   = vmq_reg_pkg::QCNT_ID_W;
  logic [NumBanks-1:0]       st_busy, st_rd_req, st_rd_valid;
  logic                      st_rd_cnt_rx;  // counter within the rx bank
  logic [1:0]                st_rd_cnt_tx;  // counter within the tx bank
  logic [NumBanks-1:0][63:0] st_rd_data;
  logic [QW-1:0]             st_rd_q;

  // register read {id, queue} -> {bank, counter within the bank}
  always_comb begin
    st_rd_req    = '0;
    st_rd_cnt_rx = 1'b0;
    st_rd_cnt_tx = 2'd0;
    unique case (qcnt_id)
      CntIdW'(vmq_reg_pkg::QCNT_Q_RX_PACKETS):        begin st_rd_req[0] = qcnt_req; st_rd_cnt_rx = 1'b0; end
      CntIdW'(vmq_reg_pkg::QCNT_Q_RX_BYTES):          begin st_rd_req[0] = qcnt_req; st_rd_cnt_rx = 1'b1; end
      CntIdW'(vmq_reg_pkg::QCNT_Q_RX_NO_DESC_DROPS):  st_rd_req[1] = qcnt_req;
      CntIdW'(vmq_reg_pkg::QCNT_Q_TX_PACKETS):        begin st_rd_req[2] = qcnt_req; st_rd_cnt_tx = 2'd0; end
      CntIdW'(vmq_reg_pkg::QCNT_Q_TX_BYTES):          begin st_rd_req[2] = qcnt_req; st_rd_cnt_tx = 2'd1; end
      CntIdW'(vmq_reg_pkg::QCNT_Q_TX_SPOOF_DROPS):    begin st_rd_req[2] = qcnt_req; st_rd_cnt_tx = 2'd2; end
      CntIdW'(vmq_reg_pkg::QCNT_Q_TX_OVERSIZE_DROPS): begin st_rd_req[2] = qcnt_req; st_rd_cnt_tx = 2'd3; end
      default: ;
    endcase
  end
  assign st_rd_q = QW'(qcnt_queue);
  logic unused_qcnt_queue;
  assign unused_qcnt_queue = ^qcnt_queue;

  // rx_packets += 1, rx_bytes += the copy's length, per write-back issued
  vmq_qstats #(.NumQueues(NumQueues), .NumCnt(2), .IncW(16)) u_stats_rx (
    .clk_i      (clk_i),
    .rst_i      (rst_i),
    .clear_i    (dp_rst),
    .busy_o     (st_busy[0]),
    .ev_valid_i (pkt),
    .ev_queue_i (pkt_q),
    .ev_inc_i   ({pkt_bytes, 16'd1}),
    .rd_req_i   (st_rd_req[0]),
    .rd_queue_i (st_rd_q),
    .rd_cnt_i   (st_rd_cnt_rx),
    .rd_valid_o (st_rd_valid[0]),
    .rd_data_o  (st_rd_data[0])
  );
  // rx_no_desc_drops += 1 per copy dropped for want of descriptors
  vmq_qstats #(.NumQueues(NumQueues), .NumCnt(1), .IncW(1)) u_stats_rxd (
    .clk_i      (clk_i),
    .rst_i      (rst_i),
    .clear_i    (dp_rst),
    .busy_o     (st_busy[1]),
    .ev_valid_i (no_desc),
    .ev_queue_i (cp_queue),
    .ev_inc_i   (1'b1),
    .rd_req_i   (st_rd_req[1]),
    .rd_queue_i (st_rd_q),
    .rd_cnt_i   (1'b0),
    .rd_valid_o (st_rd_valid[1]),
    .rd_data_o  (st_rd_data[1])
  );
  // the formatter's verdict per frame: sent (packets, bytes), spoof, oversize
  logic [3:0][15:0] t_inc;
  always_comb begin
    t_inc    = '0;
    t_inc[0] = 16'(t_vd_code == 2'd0);
    t_inc[1] = (t_vd_code == 2'd0) ? t_vd_len : 16'd0;
    t_inc[2] = 16'(t_vd_code == 2'd1);
    t_inc[3] = 16'(t_vd_code == 2'd2);
  end
  vmq_qstats #(.NumQueues(NumQueues), .NumCnt(4), .IncW(16)) u_stats_tx (
    .clk_i      (clk_i),
    .rst_i      (rst_i),
    .clear_i    (dp_rst),
    .busy_o     (st_busy[2]),
    .ev_valid_i (t_vd),
    .ev_queue_i (t_vd_q),
    .ev_inc_i   (t_inc),
    .rd_req_i   (st_rd_req[2]),
    .rd_queue_i (st_rd_q),
    .rd_cnt_i   (st_rd_cnt_tx),
    .rd_valid_o (st_rd_valid[2]),
    .rd_data_o  (st_rd_data[2])
  );
  // one read in flight at a time: the answering bank's data
  always_comb begin
    qcnt_data = '0;
    for (int b = 0; b < NumBanks; b++)
      if (st_rd_valid[b]) qcnt_data = st_rd_data[b];
  end
  assign qcnt_valid = |st_rd_valid;
  assign stats_busy = |st_busy;

  // ---------------------------------------------------------------------------
  // AXI sharing: AR (receive descriptors, transmit descriptors, transmit
  // payload), R by ID kind; AW/W (receive writes, transmit completions), B by
  // ID kind. Every requester holds its address until accepted.
  // ---------------------------------------------------------------------------
  localparam int unsigned AP = IdW + 64 + 8;
  logic [2:0]         ar_v, ar_r;
  logic [2:0][AP-1:0] ar_p;
  logic               ar_g_unused;
  logic [1:0]         ar_gi_unused;
  assign ar_v = {t_par_v, t_dar_v, rx_arvalid};
  assign ar_p = {{t_par_id, t_par_addr, t_par_len}, {t_dar_id, t_dar_addr, t_dar_len},
                 {rx_arid, rx_araddr, rx_arlen}};
  assign {t_par_r, t_dar_r, rx_arready} = ar_r;
  vmq_axi_addr_arb #(.N(3), .W(AP)) u_ar_arb (
    .clk_i       (clk_i),
    .rst_i       (rst_i),
    .s_valid_i   (ar_v),
    .s_ready_o   (ar_r),
    .s_payload_i (ar_p),
    .m_valid_o   (m_axi_arvalid_o),
    .m_ready_i   (m_axi_arready_i),
    .m_payload_o ({m_axi_arid_o, m_axi_araddr_o, m_axi_arlen_o}),
    .grant_o     (ar_g_unused),
    .grant_idx_o (ar_gi_unused)
  );
  assign m_axi_arsize_o  = 3'(AL);
  assign m_axi_arburst_o = 2'b01;

  // R by kind: 00 receive descriptors, 01 transmit descriptors, 11 payload
  logic [1:0] r_kind;
  assign r_kind   = m_axi_rid_i[IdW-1:QW];
  assign rx_rid   = m_axi_rid_i;
  assign rx_rdata = m_axi_rdata_i;
  assign rx_rresp = m_axi_rresp_i;
  assign rx_rlast = m_axi_rlast_i;
  assign rx_rvalid = m_axi_rvalid_i && r_kind == 2'b00;
  assign t_dr_v    = m_axi_rvalid_i && r_kind == 2'b01;
  assign t_pr_v    = m_axi_rvalid_i && r_kind[1];
  always_comb begin
    unique case (r_kind)
      2'b00:   m_axi_rready_o = rx_rready;
      2'b01:   m_axi_rready_o = t_dr_r;
      default: m_axi_rready_o = t_pr_r;
    endcase
  end

  // AW: receive writes and transmit completions; W follows AW order
  logic [1:0]         aw_v, aw_r;
  logic [1:0][AP-1:0] aw_p;
  logic               aw_g, aw_gi;
  logic               wo_full, wo_empty, wo_src, wo_pop;
  logic [2:0]         wo_count_unused;
  assign aw_v = {t_aw_v, rx_awvalid} & {2{!wo_full}};
  assign aw_p = {{t_aw_id, t_aw_addr, 8'd0}, {rx_awid, rx_awaddr, rx_awlen}};
  assign {t_aw_r, rx_awready} = aw_r;
  vmq_axi_addr_arb #(.N(2), .W(AP)) u_aw_arb (
    .clk_i       (clk_i),
    .rst_i       (rst_i),
    .s_valid_i   (aw_v),
    .s_ready_o   (aw_r),
    .s_payload_i (aw_p),
    .m_valid_o   (m_axi_awvalid_o),
    .m_ready_i   (m_axi_awready_i),
    .m_payload_o ({m_axi_awid_o, m_axi_awaddr_o, m_axi_awlen_o}),
    .grant_o     (aw_g),
    .grant_idx_o (aw_gi)
  );
  assign m_axi_awsize_o  = 3'(AL);
  assign m_axi_awburst_o = 2'b01;

  vmq_sync_fifo #(.Width(1), .Depth(4)) u_w_order (
    .clk_i   (clk_i),
    .rst_i   (rst_i),
    .push_i  (aw_g),
    .wdata_i (aw_gi),
    .full_o  (wo_full),
    .pop_i   (wo_pop),
    .rdata_o (wo_src),
    .empty_o (wo_empty),
    .count_o (wo_count_unused)
  );
  always_comb begin
    m_axi_wvalid_o = 1'b0;
    m_axi_wdata_o  = rx_wdata;
    m_axi_wstrb_o  = rx_wstrb;
    m_axi_wlast_o  = rx_wlast;
    rx_wready      = 1'b0;
    t_w_r          = 1'b0;
    if (!wo_empty) begin
      if (!wo_src) begin
        m_axi_wvalid_o = rx_wvalid;
        rx_wready      = m_axi_wready_i;
      end else begin
        m_axi_wvalid_o = t_w_v;
        m_axi_wdata_o  = t_w_data;
        m_axi_wstrb_o  = t_w_strb;
        m_axi_wlast_o  = 1'b1;
        t_w_r          = m_axi_wready_i;
      end
    end
  end
  assign wo_pop = m_axi_wvalid_o && m_axi_wready_i && m_axi_wlast_o;

  // B by kind: bit 0 of the kind is transmit
  assign rx_bid    = m_axi_bid_i;
  assign rx_bresp  = m_axi_bresp_i;
  assign rx_bvalid = m_axi_bvalid_i && !m_axi_bid_i[QW];
  assign t_b_v     = m_axi_bvalid_i && m_axi_bid_i[QW];
  assign m_axi_bready_o = m_axi_bid_i[QW] ? 1'b1 : rx_bready;

  logic unused;
  assign unused = ^{filt_qmask, free_bytes_unused, c_tkeep, c_tagged, rd_qmask,
                    rx_arsize, rx_arburst, rx_awsize, rx_awburst, ar_g_unused, ar_gi_unused,
                    wo_count_unused};

endmodule

`resetall
