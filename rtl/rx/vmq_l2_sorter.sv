`resetall
`default_nettype none

// vmq_l2_sorter: layer-2 receive classification (SPEC §3, docs/sorter.md).
//
// The frame data passes through unchanged (combinational, no bubbles) for the
// packet buffer that follows. In parallel the sorter parses DA and the
// outermost tag, matches every filter-table entry, adds broadcast/multicast/
// promiscuous acceptance, masks by enabled queues, falls back to the default
// queue, applies the admission checks, and emits one decision per frame, in
// frame order, on the dec_* handshake.
//
// Pipeline (cycle k = the beat that completes the 16-byte header, or tlast):
//   k   : header bytes captured (hdr_*), end-of-frame token (e1_*) captured
//   k+1 : stage H - DA/VID compared against all NumFilters entries; every
//         configuration input sampled here (the frame's one config snapshot)
//   k+2 : stage C - queue masks of matching entries OR-ed, acceptance, enable
//         mask, default queue, admission; decision pushed into the FIFO
//   k+3 : decision visible on dec_* (latency from tlast: 3 cycles minimum)
// Throughput: one beat per cycle; one frame per cycle at any DataW (a decision
// credit counter stalls the input only when DecFifoDepth decisions are
// outstanding, i.e. only when dec_ready_i has been held low).
//
// Configuration consistency: each frame is classified with the configuration
// present on cfg_* and in the table one cycle after its header completed. A
// table write is atomic per entry: the queue-mask part is applied one cycle
// after the match part, exactly as the pipeline reads them, so no frame ever
// sees half an entry.
module vmq_l2_sorter #(
  parameter int unsigned DataW         = 64,
  parameter int unsigned NumQueues     = 16,
  parameter int unsigned NumFilters    = 64,
  parameter int unsigned MaxFrameBytes = 9216,
  parameter int unsigned DecFifoDepth  = 8
) (
  input  logic                  clk_i,
  input  logic                  rst_i,

  // RX stream from the MAC (SPEC §2): tuser_i = frame error, valid on tlast
  input  logic [DataW-1:0]      s_tdata_i,
  input  logic [DataW/8-1:0]    s_tkeep_i,
  input  logic                  s_tvalid_i,
  output logic                  s_tready_o,
  input  logic                  s_tlast_i,
  input  logic                  s_tuser_i,

  // The same stream, unchanged, towards the packet buffer
  output logic [DataW-1:0]      m_tdata_o,
  output logic [DataW/8-1:0]    m_tkeep_o,
  output logic                  m_tvalid_o,
  input  logic                  m_tready_i,
  output logic                  m_tlast_o,
  output logic                  m_tuser_o,

  // One decision per frame, in frame order
  output logic                  dec_valid_o,
  input  logic                  dec_ready_i,
  output logic [NumQueues-1:0]  dec_qmask_o,   // zero when dropped
  output logic [2:0]            dec_drop_o,    // vmq_pkg::drop_e
  output logic [15:0]           dec_len_o,     // bytes received, saturates at 65535
  output logic                  dec_tagged_o,  // bytes 12-13 == TPID (VID 0 included)
  output logic [15:0]           dec_tci_o,     // bytes 14-15 when tagged, else 0
  output logic                  dec_bcast_o,
  output logic                  dec_mcast_o,

  // Configuration (from the register block)
  input  logic [15:0]           cfg_tpid_i,
  input  logic [15:0]           cfg_min_frame_i,
  input  logic [15:0]           cfg_max_frame_i,
  input  logic                  cfg_default_queue_i,
  input  logic [NumQueues-1:0]  cfg_bcast_i,
  input  logic [NumQueues-1:0]  cfg_mcast_i,
  input  logic [NumQueues-1:0]  cfg_promisc_i,
  input  logic [NumQueues-1:0]  cfg_rx_enable_i,

  // Filter table: one atomic entry write per tbl_we_i; read port shows the
  // entry at tbl_idx_i. Indices >= NumFilters: writes ignored, reads zero.
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
  // whole table (vmq_tx_loop classifies transmitted frames against it)
  output logic [NumFilters-1:0]                tbl_valid_o,
  output logic [NumFilters-1:0][1:0]           tbl_type_o,
  output logic [NumFilters-1:0][47:0]          tbl_mac_o,
  output logic [NumFilters-1:0][11:0]          tbl_vid_o,
  output logic [NumFilters-1:0][NumQueues-1:0] tbl_qmask_o,
  output logic [11:0]           tbl_rd_vid_o,
  output logic [NumQueues-1:0]  tbl_rd_qmask_o
);
  localparam int unsigned KeepW    = DataW / 8;
  localparam int unsigned HdrBytes = vmq_pkg::HdrBytes;
  localparam int unsigned HdrBeats = (HdrBytes + KeepW - 1) / KeepW;
  localparam int unsigned HdrCntW  = $clog2(HdrBeats + 1);
  localparam int unsigned FiltIdxW = $clog2(NumFilters);
  localparam int unsigned CreditW  = $clog2(DecFifoDepth + 1);
  // Decision word: {qmask, drop, len, tagged, tci, bcast, mcast}
  localparam int unsigned DecW     = NumQueues + 3 + 16 + 1 + 16 + 2;

  if (DataW < 64 || (DataW % 64) != 0) begin : gen_bad_dataw
    $fatal(1, "vmq_l2_sorter: DataW must be a multiple of 64");
  end
  if (NumQueues < 1 || NumQueues > 64) begin : gen_bad_nq
    $fatal(1, "vmq_l2_sorter: NumQueues must be 1..64");
  end
  if (NumFilters < 2 || NumFilters > 4096) begin : gen_bad_nf
    $fatal(1, "vmq_l2_sorter: NumFilters must be 2..4096");
  end
  // The length counter saturates at 65535; keeping max_frame below that makes
  // a saturated (longer) frame always oversize.
  if (MaxFrameBytes < 64 || MaxFrameBytes > 65534) begin : gen_bad_mfb
    $fatal(1, "vmq_l2_sorter: MaxFrameBytes must be 64..65534");
  end
  // Decision latency is 3 cycles after tlast: fewer than 4 credits would
  // throttle back-to-back single-beat frames.
  if (DecFifoDepth < 4) begin : gen_bad_dfd
    $fatal(1, "vmq_l2_sorter: DecFifoDepth must be at least 4");
  end

  // ---------------------------------------------------------------------------
  // Pass-through and input acceptance
  // ---------------------------------------------------------------------------
  logic [CreditW-1:0] credits_used_q;  // frames past tlast whose decision is not popped
  logic               credit_ok;
  logic               beat;             // a beat is transferred this cycle

  // No beat moves during reset: a tlast passed on then would have no decision.
  assign credit_ok  = credits_used_q < CreditW'(DecFifoDepth) && !rst_i;
  assign s_tready_o = m_tready_i && credit_ok;
  assign m_tvalid_o = s_tvalid_i && credit_ok;
  assign m_tdata_o  = s_tdata_i;
  assign m_tkeep_o  = s_tkeep_i;
  assign m_tlast_o  = s_tlast_i;
  assign m_tuser_o  = s_tuser_i;
  assign beat       = s_tvalid_i && s_tready_o;

  // ---------------------------------------------------------------------------
  // Per-beat parsing: length, tkeep errors, header capture
  // ---------------------------------------------------------------------------
  logic [HdrCntW-1:0]      hdr_beat_q, hdr_beat_d;  // beats seen, saturates at HdrBeats
  logic                    hdr_done_q, hdr_done_d;  // header token already issued
  logic [HdrBytes*8-1:0]   hdr_buf_q, hdr_buf_d;    // header bytes of earlier beats
  logic [HdrBytes*8-1:0]   hdr_now;                 // header with this beat merged in
  logic [15:0]             len_q, len_d;            // bytes of earlier beats
  logic                    kerr_q, kerr_d;          // tkeep error on an earlier beat
  logic [15:0]             beat_bytes;
  logic [16:0]             len_sum;
  logic [15:0]             len_now;
  logic                    keep_full, keep_run, kerr_now;
  logic                    hdr_fire;

  always_comb begin
    beat_bytes = '0;
    for (int unsigned i = 0; i < KeepW; i++) begin
      beat_bytes = beat_bytes + 16'(s_tkeep_i[i]);
    end
  end

  assign len_sum   = {1'b0, len_q} + {1'b0, beat_bytes};
  assign len_now   = len_sum[16] ? 16'hffff : len_sum[15:0];
  assign keep_full = &s_tkeep_i;
  // last beat: a non-empty run of ones from bit 0
  assign keep_run  = (s_tkeep_i != '0) && ((s_tkeep_i & (s_tkeep_i + 1'b1)) == '0);
  assign kerr_now  = s_tlast_i ? !keep_run : !keep_full;
  assign hdr_fire  = beat && !hdr_done_q &&
                     (s_tlast_i || hdr_beat_q == HdrCntW'(HdrBeats - 1));

  always_comb begin
    hdr_now = hdr_buf_q;
    for (int unsigned i = 0; i < HdrBytes; i++) begin
      if (i / KeepW == 32'(hdr_beat_q)) begin
        hdr_now[i*8 +: 8] = s_tdata_i[(i % KeepW)*8 +: 8];
      end
    end
  end

  always_comb begin
    hdr_beat_d = hdr_beat_q;
    hdr_done_d = hdr_done_q;
    hdr_buf_d  = hdr_buf_q;
    len_d      = len_q;
    kerr_d     = kerr_q;
    if (beat) begin
      if (s_tlast_i) begin
        hdr_beat_d = '0;
        hdr_done_d = 1'b0;
        len_d      = '0;
        kerr_d     = 1'b0;
      end else begin
        if (hdr_beat_q != HdrCntW'(HdrBeats)) hdr_beat_d = hdr_beat_q + 1'b1;
        hdr_done_d = hdr_done_q || hdr_fire;
        hdr_buf_d  = hdr_now;
        len_d      = len_now;
        kerr_d     = kerr_q || kerr_now;
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      hdr_beat_q <= '0;
      hdr_done_q <= 1'b0;
      hdr_buf_q  <= '0;
      len_q      <= '0;
      kerr_q     <= 1'b0;
    end else begin
      hdr_beat_q <= hdr_beat_d;
      hdr_done_q <= hdr_done_d;
      hdr_buf_q  <= hdr_buf_d;
      len_q      <= len_d;
      kerr_q     <= kerr_d;
    end
  end

  // Tokens into stage H: a header token and an end-of-frame token.
  logic                  h_valid_q;
  logic [HdrBytes*8-1:0] h_bytes_q;
  logic                  e1_valid_q, e1_err_q;
  logic [15:0]           e1_len_q;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      h_valid_q  <= 1'b0;
      h_bytes_q  <= '0;
      e1_valid_q <= 1'b0;
      e1_err_q   <= 1'b0;
      e1_len_q   <= '0;
    end else begin
      h_valid_q  <= hdr_fire;
      if (hdr_fire) h_bytes_q <= hdr_now;
      e1_valid_q <= beat && s_tlast_i;
      if (beat && s_tlast_i) begin
        e1_err_q <= kerr_q || kerr_now || s_tuser_i;
        e1_len_q <= len_now;
      end
    end
  end

  // ---------------------------------------------------------------------------
  // Filter table
  // ---------------------------------------------------------------------------
  // Unpacked arrays: one word per entry (a dynamic-index write into a packed
  // NumFilters x 48-bit vector costs Verilator a shift over all of it).
  logic                 tbl_valid_q [NumFilters];
  logic [1:0]           tbl_type_q  [NumFilters];
  logic [47:0]          tbl_mac_q   [NumFilters];
  logic [11:0]          tbl_vid_q   [NumFilters];
  logic [NumQueues-1:0] tbl_qmask_q [NumFilters];
  logic                                 tbl_idx_ok;
  logic [FiltIdxW-1:0]                  tbl_idx;
  // the queue-mask half of a write, applied one cycle later (see header)
  logic                                 qm_we_q;
  logic [FiltIdxW-1:0]                  qm_idx_q;
  logic [NumQueues-1:0]                 qm_data_q;

  assign tbl_idx_ok = 32'(tbl_idx_i) < NumFilters;
  assign tbl_idx    = tbl_idx_i[FiltIdxW-1:0];

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      qm_we_q   <= 1'b0;
      qm_idx_q  <= '0;
      qm_data_q <= '0;
    end else begin
      qm_we_q <= tbl_we_i && tbl_idx_ok;
      if (tbl_we_i && tbl_idx_ok) begin
        qm_idx_q  <= tbl_idx;
        qm_data_q <= tbl_qmask_i;
      end
    end
  end

  // One register set per entry, each with its own write decode.
  for (genvar f = 0; f < NumFilters; f++) begin : gen_tbl
    always_ff @(posedge clk_i) begin
      if (rst_i) begin
        tbl_valid_q[f] <= 1'b0;
        tbl_type_q[f]  <= '0;
        tbl_mac_q[f]   <= '0;
        tbl_vid_q[f]   <= '0;
        tbl_qmask_q[f] <= '0;
      end else begin
        if (tbl_we_i && tbl_idx_ok && tbl_idx == FiltIdxW'(f)) begin
          tbl_valid_q[f] <= tbl_valid_i;
          tbl_type_q[f]  <= tbl_type_i;
          tbl_mac_q[f]   <= tbl_mac_i;
          tbl_vid_q[f]   <= tbl_vid_i;
        end
        if (qm_we_q && qm_idx_q == FiltIdxW'(f)) tbl_qmask_q[f] <= qm_data_q;
      end
    end
  end

  assign tbl_rd_valid_o = tbl_idx_ok ? tbl_valid_q[tbl_idx] : 1'b0;
  assign tbl_rd_type_o  = tbl_idx_ok ? tbl_type_q[tbl_idx]  : '0;
  assign tbl_rd_mac_o   = tbl_idx_ok ? tbl_mac_q[tbl_idx]   : '0;
  assign tbl_rd_vid_o   = tbl_idx_ok ? tbl_vid_q[tbl_idx]   : '0;
  // the queue mask still in flight is shown at once, so a read right after a
  // commit never returns half an entry
  assign tbl_rd_qmask_o = !tbl_idx_ok ? '0 :
                          (qm_we_q && qm_idx_q == tbl_idx) ? qm_data_q : tbl_qmask_q[tbl_idx];

  // ---------------------------------------------------------------------------
  // Stage H: compare against every entry; sample the configuration
  // ---------------------------------------------------------------------------
  logic [47:0]           h_da;
  logic [15:0]           h_tci;
  logic                  h_tagged, h_vtag, h_bcast, h_mcast;
  logic [11:0]           h_vid, h_vid_raw;
  logic [NumFilters-1:0] h_match;
  logic [NumQueues-1:0]  h_accept;

  always_comb begin
    for (int unsigned i = 0; i < 6; i++) begin
      h_da[(5-i)*8 +: 8] = h_bytes_q[i*8 +: 8];  // byte 0 is the most significant
    end
  end
  assign h_tagged = {h_bytes_q[12*8 +: 8], h_bytes_q[13*8 +: 8]} == cfg_tpid_i;
  assign h_tci    = h_tagged ? {h_bytes_q[14*8 +: 8], h_bytes_q[15*8 +: 8]} : 16'h0;
  assign h_vid    = h_tci[11:0];
  assign h_vid_raw = {h_bytes_q[14*8 +: 4], h_bytes_q[15*8 +: 8]};  // used only when tagged
  assign h_vtag   = h_tagged && (h_vid != 12'd0);  // VID 0 is untagged for matching
  assign h_bcast  = &h_da;
  assign h_mcast  = h_da[40] && !h_bcast;        // I/G bit: bit 0 of byte 0

  // Per-entry logic as generate blocks, not always_comb loops: each entry is
  // then static logic to every tool (Verilator does not unroll a 128-entry
  // loop and would re-run it bit by bit on every input change). The wide
  // compares read only registers; only the last AND sees cfg_tpid_i.
  for (genvar f = 0; f < NumFilters; f++) begin : gen_match
    logic mac_eq, vid_eq, type_ok;
    assign mac_eq = tbl_mac_q[f] == h_da;
    assign vid_eq = tbl_vid_q[f] == h_vid_raw;
    assign type_ok = vmq_pkg::filt_type_ok(tbl_type_q[f], mac_eq, vid_eq, h_vtag);
    assign h_match[f] = type_ok && tbl_valid_q[f];
    // the table as it stands, for the transmit loopback classifier
    assign tbl_valid_o[f] = tbl_valid_q[f];
    assign tbl_type_o[f]  = tbl_type_q[f];
    assign tbl_mac_o[f]   = tbl_mac_q[f];
    assign tbl_vid_o[f]   = tbl_vid_q[f];
    assign tbl_qmask_o[f] = tbl_qmask_q[f];
  end

  assign h_accept = (h_bcast ? cfg_bcast_i : h_mcast ? cfg_mcast_i : '0) | cfg_promisc_i;

  // Stage C registers
  logic                  c_valid_q;
  logic [NumFilters-1:0] c_match_q;
  logic [NumQueues-1:0]  c_accept_q, c_enable_q;
  logic                  c_defq_q, c_tagged_q, c_bcast_q, c_mcast_q;
  logic [15:0]           c_tci_q, c_min_q, c_max_q;
  logic                  e2_valid_q, e2_err_q;
  logic [15:0]           e2_len_q;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      c_valid_q  <= 1'b0;
      c_match_q  <= '0;
      c_accept_q <= '0;
      c_enable_q <= '0;
      c_defq_q   <= 1'b0;
      c_tagged_q <= 1'b0;
      c_bcast_q  <= 1'b0;
      c_mcast_q  <= 1'b0;
      c_tci_q    <= '0;
      c_min_q    <= '0;
      c_max_q    <= '0;
      e2_valid_q <= 1'b0;
      e2_err_q   <= 1'b0;
      e2_len_q   <= '0;
    end else begin
      c_valid_q  <= h_valid_q;
      if (h_valid_q) begin
        c_match_q  <= h_match;
        c_accept_q <= h_accept;
        c_enable_q <= cfg_rx_enable_i;
        c_defq_q   <= cfg_default_queue_i;
        c_tagged_q <= h_tagged;
        c_bcast_q  <= h_bcast;
        c_mcast_q  <= h_mcast;
        c_tci_q    <= h_tci;
        c_min_q    <= (cfg_min_frame_i < 16'(vmq_pkg::MinFrameFloor)) ?
                      16'(vmq_pkg::MinFrameFloor) : cfg_min_frame_i;
        c_max_q    <= (cfg_max_frame_i > 16'(MaxFrameBytes)) ? 16'(MaxFrameBytes) : cfg_max_frame_i;
      end
      e2_valid_q <= e1_valid_q;
      if (e1_valid_q) begin
        e2_err_q <= e1_err_q;
        e2_len_q <= e1_len_q;
      end
    end
  end

  // ---------------------------------------------------------------------------
  // Stage C: OR of queue masks, acceptance, enable, default queue, admission
  // ---------------------------------------------------------------------------
  logic [NumQueues-1:0] c_filt_mask, c_mask, c_final_mask;
  logic                 c_unmatched;

  always_comb begin
    c_filt_mask = '0;
    for (int unsigned f = 0; f < NumFilters; f++) begin
      if (c_match_q[f]) c_filt_mask = c_filt_mask | tbl_qmask_q[f];
    end
  end

  always_comb begin
    c_mask      = (c_filt_mask | c_accept_q) & c_enable_q;
    c_unmatched = 1'b0;
    c_final_mask = c_mask;
    if (c_mask == '0) begin
      // Default queue (SPEC §3 step 5); queue 0 must itself be enabled.
      if (c_defq_q && c_enable_q[0]) begin
        c_final_mask = NumQueues'(1);
      end else begin
        c_unmatched = 1'b1;
      end
    end
  end

  // Classification of the current frame: live from stage C, or held when the
  // header finished before tlast. Frame N+1's header can never reach stage C
  // before frame N's end token, so one holding register suffices.
  logic [NumQueues-1:0] k_mask_q, k_mask;
  logic                 k_unm_q, k_unm, k_tag_q, k_tag, k_bc_q, k_bc, k_mc_q, k_mc;
  logic [15:0]          k_tci_q, k_tci, k_min_q, k_min, k_max_q, k_max;

  always_comb begin
    if (c_valid_q) begin
      k_mask = c_final_mask; k_unm = c_unmatched; k_tag = c_tagged_q;
      k_bc   = c_bcast_q;    k_mc  = c_mcast_q;   k_tci = c_tci_q;
      k_min  = c_min_q;      k_max = c_max_q;
    end else begin
      k_mask = k_mask_q;     k_unm = k_unm_q;     k_tag = k_tag_q;
      k_bc   = k_bc_q;       k_mc  = k_mc_q;      k_tci = k_tci_q;
      k_min  = k_min_q;      k_max = k_max_q;
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      k_mask_q <= '0;
      k_unm_q  <= 1'b0;
      k_tag_q  <= 1'b0;
      k_bc_q   <= 1'b0;
      k_mc_q   <= 1'b0;
      k_tci_q  <= '0;
      k_min_q  <= '0;
      k_max_q  <= '0;
    end else if (c_valid_q) begin
      k_mask_q <= c_final_mask;
      k_unm_q  <= c_unmatched;
      k_tag_q  <= c_tagged_q;
      k_bc_q   <= c_bcast_q;
      k_mc_q   <= c_mcast_q;
      k_tci_q  <= c_tci_q;
      k_min_q  <= c_min_q;
      k_max_q  <= c_max_q;
    end
  end

  vmq_pkg::drop_e       d_drop;
  logic [NumQueues-1:0] d_mask;
  logic [DecW-1:0]      d_word, q_word;

  always_comb begin
    // SPEC §3 admission: the first reason that applies
    if (e2_err_q)                   d_drop = vmq_pkg::DropErr;
    else if (e2_len_q < k_min)      d_drop = vmq_pkg::DropRunt;
    else if (e2_len_q > k_max)      d_drop = vmq_pkg::DropOversize;
    else if (k_unm)                 d_drop = vmq_pkg::DropUnmatched;
    else                            d_drop = vmq_pkg::DropNone;
    d_mask = (d_drop == vmq_pkg::DropNone) ? k_mask : '0;
  end

  assign d_word = {d_mask, d_drop, e2_len_q, k_tag, k_tci, k_bc, k_mc};

  // ---------------------------------------------------------------------------
  // Decision FIFO and the credit counter that keeps it from overflowing
  // ---------------------------------------------------------------------------
  logic fifo_empty, fifo_full, dec_pop;
  logic [$clog2(DecFifoDepth):0] fifo_count;

  vmq_sync_fifo #(
    .Width (DecW),
    .Depth (DecFifoDepth)
  ) u_dec_fifo (
    .clk_i   (clk_i),
    .rst_i   (rst_i),
    .push_i  (e2_valid_q),
    .wdata_i (d_word),
    .full_o  (fifo_full),
    .pop_i   (dec_pop),
    .rdata_o (q_word),
    .empty_o (fifo_empty),
    .count_o (fifo_count)
  );

  assign dec_valid_o = !fifo_empty;
  assign dec_pop     = dec_valid_o && dec_ready_i;
  assign {dec_qmask_o, dec_drop_o, dec_len_o, dec_tagged_o, dec_tci_o, dec_bcast_o, dec_mcast_o}
         = q_word;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      credits_used_q <= '0;
    end else begin
      credits_used_q <= credits_used_q + CreditW'(beat && s_tlast_i) - CreditW'(dec_pop);
    end
  end

`ifndef SYNTHESIS
  // A push while full would lose a decision; the credit counter forbids it.
  always_ff @(posedge clk_i) begin
    if (!rst_i) begin
      assert (!(e2_valid_q && fifo_full))
        else $error("vmq_l2_sorter: decision FIFO overflow");
    end
  end
`endif

  logic unused_ok;
  assign unused_ok = ^{fifo_count};

endmodule

`resetall
