`resetall
`default_nettype none

// vmq_rx_front: the receive front end that vmq_core instantiates (issue 3):
// MAC stream -> vmq_l2_sorter (classification, one decision per frame) ->
// vmq_rx_pktbuf (store and forward, buffer drops) -> accepted frames with
// their metadata on m_*. The packet buffer's one stat_* report per frame
// feeds the SPEC §6 global receive counters: rx_frames counts every report,
// a drop report also counts once under its reason (SPEC §3 admission); a
// delivered frame counts in no drop counter.
//
// soft_reset_i (global soft reset, RESET.SOFT) resets the sorter (and so its
// filter table), the packet buffer and the counters, exactly as rst_i does.
// Counter latency: a frame counts one cycle after its stat_* report.
module vmq_rx_front #(
  parameter int unsigned DataW         = 64,
  parameter int unsigned NumQueues     = 16,
  parameter int unsigned NumFilters    = 64,
  parameter int unsigned MaxFrameBytes = 9216,
  parameter int unsigned PktBufBytes   = 65536,
  parameter int unsigned FrameSlots    = 64
) (
  input  logic                  clk_i,
  input  logic                  rst_i,
  input  logic                  soft_reset_i,

  // MAC receive stream (never backpressured except by sorter credits)
  input  logic [DataW-1:0]      s_tdata_i,
  input  logic [DataW/8-1:0]    s_tkeep_i,
  input  logic                  s_tvalid_i,
  output logic                  s_tready_o,
  input  logic                  s_tlast_i,
  input  logic                  s_tuser_i,

  // Configuration (from the register block), see vmq_l2_sorter
  input  logic [15:0]           cfg_tpid_i,
  input  logic [15:0]           cfg_min_frame_i,
  input  logic [15:0]           cfg_max_frame_i,
  input  logic                  cfg_default_queue_i,
  input  logic [NumQueues-1:0]  cfg_bcast_i,
  input  logic [NumQueues-1:0]  cfg_mcast_i,
  input  logic [NumQueues-1:0]  cfg_promisc_i,
  input  logic [NumQueues-1:0]  cfg_rx_enable_i,

  // Filter table write and read-back, see vmq_l2_sorter
  input  logic                  tbl_we_i,
  input  logic [15:0]           tbl_idx_i,
  input  logic                  tbl_valid_i,
  input  logic [1:0]            tbl_type_i,
  input  logic [47:0]           tbl_mac_i,
  input  logic [11:0]           tbl_vid_i,
  input  logic [NumQueues-1:0]  tbl_qmask_i,
  output logic                  tbl_rd_valid_o,
  output logic [1:0]            tbl_rd_type_o,
  output logic [47:0]           tbl_rd_mac_o,
  output logic [NumFilters-1:0]                tbl_valid_o,
  output logic [NumFilters-1:0][1:0]           tbl_type_o,
  output logic [NumFilters-1:0][47:0]          tbl_mac_o,
  output logic [NumFilters-1:0][11:0]          tbl_vid_o,
  output logic [NumFilters-1:0][NumQueues-1:0] tbl_qmask_o,
  output logic [11:0]           tbl_rd_vid_o,
  output logic [NumQueues-1:0]  tbl_rd_qmask_o,

  // Accepted frames, in arrival order; metadata stable for the whole frame
  output logic [DataW-1:0]      m_tdata_o,
  output logic [DataW/8-1:0]    m_tkeep_o,
  output logic                  m_tvalid_o,
  input  logic                  m_tready_i,
  output logic                  m_tlast_o,
  output logic [NumQueues-1:0]  m_qmask_o,
  output logic [15:0]           m_len_o,
  output logic                  m_tagged_o,
  output logic [15:0]           m_tci_o,
  output logic                  m_bcast_o,
  output logic                  m_mcast_o,

  // Packet-buffer flow status
  output logic [31:0]           free_bytes_o,
  output logic                  room_for_max_o,

  // SPEC §6 global receive counters (64 bits, cleared by reset and soft reset)
  output logic [63:0]           cnt_rx_frames_o,
  output logic [63:0]           cnt_rx_err_drops_o,
  output logic [63:0]           cnt_rx_runt_drops_o,
  output logic [63:0]           cnt_rx_oversize_drops_o,
  output logic [63:0]           cnt_rx_unmatched_drops_o,
  output logic [63:0]           cnt_rx_buffer_drops_o
);

  import vmq_pkg::*;

  logic rst;
  assign rst = rst_i || soft_reset_i;

  // sorter -> packet buffer
  logic [DataW-1:0]     so_tdata;
  logic [DataW/8-1:0]   so_tkeep;
  logic                 so_tvalid, so_tready, so_tlast, so_tuser;
  logic                 dec_valid, dec_ready, dec_tagged, dec_bcast, dec_mcast;
  logic [NumQueues-1:0] dec_qmask;
  logic [2:0]           dec_drop;
  logic [15:0]          dec_len, dec_tci;

  vmq_l2_sorter #(
    .DataW         (DataW),
    .NumQueues     (NumQueues),
    .NumFilters    (NumFilters),
    .MaxFrameBytes (MaxFrameBytes)
  ) u_sorter (
    .clk_i               (clk_i),
    .rst_i               (rst),
    .s_tdata_i           (s_tdata_i),
    .s_tkeep_i           (s_tkeep_i),
    .s_tvalid_i          (s_tvalid_i),
    .s_tready_o          (s_tready_o),
    .s_tlast_i           (s_tlast_i),
    .s_tuser_i           (s_tuser_i),
    .m_tdata_o           (so_tdata),
    .m_tkeep_o           (so_tkeep),
    .m_tvalid_o          (so_tvalid),
    .m_tready_i          (so_tready),
    .m_tlast_o           (so_tlast),
    .m_tuser_o           (so_tuser),
    .dec_valid_o         (dec_valid),
    .dec_ready_i         (dec_ready),
    .dec_qmask_o         (dec_qmask),
    .dec_drop_o          (dec_drop),
    .dec_len_o           (dec_len),
    .dec_tagged_o        (dec_tagged),
    .dec_tci_o           (dec_tci),
    .dec_bcast_o         (dec_bcast),
    .dec_mcast_o         (dec_mcast),
    .cfg_tpid_i          (cfg_tpid_i),
    .cfg_min_frame_i     (cfg_min_frame_i),
    .cfg_max_frame_i     (cfg_max_frame_i),
    .cfg_default_queue_i (cfg_default_queue_i),
    .cfg_bcast_i         (cfg_bcast_i),
    .cfg_mcast_i         (cfg_mcast_i),
    .cfg_promisc_i       (cfg_promisc_i),
    .cfg_rx_enable_i     (cfg_rx_enable_i),
    .tbl_we_i            (tbl_we_i),
    .tbl_idx_i           (tbl_idx_i),
    .tbl_valid_i         (tbl_valid_i),
    .tbl_type_i          (tbl_type_i),
    .tbl_mac_i           (tbl_mac_i),
    .tbl_vid_i           (tbl_vid_i),
    .tbl_qmask_i         (tbl_qmask_i),
    .tbl_rd_valid_o      (tbl_rd_valid_o),
    .tbl_rd_type_o       (tbl_rd_type_o),
    .tbl_rd_mac_o        (tbl_rd_mac_o),
    .tbl_valid_o         (tbl_valid_o),
    .tbl_type_o          (tbl_type_o),
    .tbl_mac_o           (tbl_mac_o),
    .tbl_vid_o           (tbl_vid_o),
    .tbl_qmask_o         (tbl_qmask_o),
    .tbl_rd_vid_o        (tbl_rd_vid_o),
    .tbl_rd_qmask_o      (tbl_rd_qmask_o)
  );

  logic        stat_valid, stat_bcast, stat_mcast;
  logic [2:0]  stat_drop;
  logic [15:0] stat_len;

  vmq_rx_pktbuf #(
    .DataW         (DataW),
    .NumQueues     (NumQueues),
    .PktBufBytes   (PktBufBytes),
    .MaxFrameBytes (MaxFrameBytes),
    .FrameSlots    (FrameSlots)
  ) u_pktbuf (
    .clk_i          (clk_i),
    .rst_i          (rst),
    .s_tdata_i      (so_tdata),
    .s_tkeep_i      (so_tkeep),
    .s_tvalid_i     (so_tvalid),
    .s_tready_o     (so_tready),
    .s_tlast_i      (so_tlast),
    .s_tuser_i      (so_tuser),
    .dec_valid_i    (dec_valid),
    .dec_ready_o    (dec_ready),
    .dec_qmask_i    (dec_qmask),
    .dec_drop_i     (dec_drop),
    .dec_len_i      (dec_len),
    .dec_tagged_i   (dec_tagged),
    .dec_tci_i      (dec_tci),
    .dec_bcast_i    (dec_bcast),
    .dec_mcast_i    (dec_mcast),
    .m_tdata_o      (m_tdata_o),
    .m_tkeep_o      (m_tkeep_o),
    .m_tvalid_o     (m_tvalid_o),
    .m_tready_i     (m_tready_i),
    .m_tlast_o      (m_tlast_o),
    .m_qmask_o      (m_qmask_o),
    .m_len_o        (m_len_o),
    .m_tagged_o     (m_tagged_o),
    .m_tci_o        (m_tci_o),
    .m_bcast_o      (m_bcast_o),
    .m_mcast_o      (m_mcast_o),
    .stat_valid_o   (stat_valid),
    .stat_drop_o    (stat_drop),
    .stat_len_o     (stat_len),
    .stat_bcast_o   (stat_bcast),
    .stat_mcast_o   (stat_mcast),
    .free_bytes_o   (free_bytes_o),
    .room_for_max_o (room_for_max_o)
  );

  // ---------------------------------------------------------------------------
  // Counters: index 0 rx_frames, 1..5 the drop reasons (drop_e order).
  // ---------------------------------------------------------------------------
  localparam int unsigned NumCnt = 6;
  logic [NumCnt-1:0]            inc;
  logic [NumCnt-1:0][63:0]      cnt;

  always_comb begin
    inc    = '0;
    inc[0] = stat_valid;
    unique case (drop_e'(stat_drop))
      DropErr:       inc[1] = stat_valid;
      DropRunt:      inc[2] = stat_valid;
      DropOversize:  inc[3] = stat_valid;
      DropUnmatched: inc[4] = stat_valid;
      DropBuffer:    inc[5] = stat_valid;
      default:       ;  // DropNone: delivered, no drop counter
    endcase
  end

  vmq_counters #(
    .Num  (NumCnt),
    .IncW (1)
  ) u_counters (
    .clk_i (clk_i),
    .rst_i (rst_i),
    .clr_i (soft_reset_i),
    .inc_i (inc),
    .cnt_o (cnt)
  );

  assign cnt_rx_frames_o          = cnt[0];
  assign cnt_rx_err_drops_o       = cnt[1];
  assign cnt_rx_runt_drops_o      = cnt[2];
  assign cnt_rx_oversize_drops_o  = cnt[3];
  assign cnt_rx_unmatched_drops_o = cnt[4];
  assign cnt_rx_buffer_drops_o    = cnt[5];

  // Per-frame length and broadcast/multicast flags are for later per-class
  // counters (not in SPEC §6 yet).
  logic unused_ok;
  assign unused_ok = ^{stat_len, stat_bcast, stat_mcast};

endmodule : vmq_rx_front

`resetall
