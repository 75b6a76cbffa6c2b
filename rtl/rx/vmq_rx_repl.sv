`resetall
`default_nettype none

// vmq_rx_repl: replication of accepted frames into per-queue copies (SPEC §3
// "Delivery", docs/rx-dma.md).
//
// For each frame from the packet buffer and each queue q in its mask, in
// ascending order, one decision is asked on cp_* (the queue manager answers
// cp_take_i combinationally in the same cycle and claims the descriptors).
// The first taken copy streams straight from the packet buffer to m_* and is
// written into a replay RAM of MaxFrameBytes; later taken copies of the same
// frame are read back from that RAM. A frame whose copies are all skipped is
// drained from the packet buffer. m_queue_o and the other m_* metadata are
// stable for the whole copy.
//
// Throughput: a frame with one taken copy costs its beats + 1 cycle (the
// decision); a skipped copy costs 1 cycle. hold_i (global soft reset pending)
// lets the current frame finish and then takes no new frame.
module vmq_rx_repl #(
  parameter int unsigned DataW         = 64,
  parameter int unsigned NumQueues     = 16,
  parameter int unsigned MaxFrameBytes = 9216,
  localparam int unsigned QW           = (NumQueues > 1) ? $clog2(NumQueues) : 1
) (
  input  logic                  clk_i,
  input  logic                  rst_i,
  input  logic                  hold_i,

  // Accepted frames from the packet buffer (metadata stable for the frame)
  input  logic [DataW-1:0]      s_tdata_i,
  input  logic [DataW/8-1:0]    s_tkeep_i,
  input  logic                  s_tvalid_i,
  output logic                  s_tready_o,
  input  logic                  s_tlast_i,
  input  logic [NumQueues-1:0]  s_qmask_i,
  input  logic [15:0]           s_len_i,
  input  logic                  s_tagged_i,
  input  logic [15:0]           s_tci_i,
  input  logic                  s_bcast_i,
  input  logic                  s_mcast_i,

  // One decision per (frame, queue): take (stream a copy) or skip
  output logic                  cp_valid_o,
  output logic [QW-1:0]         cp_queue_o,
  output logic [15:0]           cp_len_o,
  output logic                  cp_tagged_o,
  input  logic                  cp_take_i,
  input  logic [12:0]           cp_ndesc_i,
  input  logic [15:0]           cp_bytes_i,
  input  logic                  cp_strip_i,

  // Copies
  output logic [DataW-1:0]      m_tdata_o,
  output logic [DataW/8-1:0]    m_tkeep_o,
  output logic                  m_tvalid_o,
  input  logic                  m_tready_i,
  output logic                  m_tlast_o,
  output logic [QW-1:0]         m_queue_o,
  output logic [15:0]           m_len_o,
  output logic                  m_tagged_o,
  output logic [15:0]           m_tci_o,
  output logic                  m_bcast_o,
  output logic                  m_mcast_o,
  output logic [12:0]           m_ndesc_o,   // from the copy's decision
  output logic [15:0]           m_bytes_o,
  output logic                  m_strip_o,

  output logic                  idle_o   // no frame in progress
);

  localparam int unsigned KeepW = DataW / 8;
  localparam int unsigned Words = (MaxFrameBytes + KeepW - 1) / KeepW;
  localparam int unsigned WIdxW = $clog2(Words + 1);
  localparam int unsigned OutDepth = 4;

  typedef enum logic [1:0] {SIdle, SPass, SDrain, SReplay} state_e;

  state_e               state_q, state_d;
  logic [NumQueues-1:0] rem_q, rem_d, rem_now, rem_next;
  logic                 consumed_q, consumed_d;
  logic [QW-1:0]        q_sel, cur_q_q, cur_q_d;
  logic [15:0]          len_q, tci_q;
  logic                 tagged_q, bcast_q, mcast_q;
  logic [WIdxW-1:0]     widx_q, widx_d, nwords_q, nwords_d;
  logic                 replaying_q, replaying_d;  // a copy is read back from the RAM

  // Lowest queue left to decide
  assign rem_now = (state_q == SIdle) ? s_qmask_i : rem_q;
  always_comb begin
    q_sel = '0;
    for (int i = NumQueues - 1; i >= 0; i--) begin
      if (rem_now[i]) q_sel = QW'(i);
    end
  end
  assign rem_next = rem_now & ~(NumQueues'(1) << q_sel);

  // ---------------------------------------------------------------------------
  // Replay RAM and its read side
  // ---------------------------------------------------------------------------
  logic [DataW+KeepW-1:0] ram [Words];
  logic                   ram_we, rd_en, rd_vld_q, rd_last_q, rd_last;
  logic [WIdxW-1:0]       ridx_q, ridx_d;
  logic [DataW+KeepW-1:0] rd_q;
  logic                   of_pop, of_empty, of_full_unused;
  logic [$clog2(OutDepth):0] of_cnt;
  logic [DataW+KeepW:0]   of_rdata;

  always_ff @(posedge clk_i) begin
    if (ram_we) ram[widx_q[$clog2(Words)-1:0]] <= {s_tkeep_i, s_tdata_i};
    if (rd_en) rd_q <= ram[ridx_q[$clog2(Words)-1:0]];
  end

  vmq_sync_fifo #(.Width(DataW + KeepW + 1), .Depth(OutDepth)) u_out (
    .clk_i   (clk_i),
    .rst_i   (rst_i),
    .push_i  (rd_vld_q),
    .wdata_i ({rd_last_q, rd_q}),
    .full_o  (of_full_unused),
    .pop_i   (of_pop),
    .rdata_o (of_rdata),
    .empty_o (of_empty),
    .count_o (of_cnt)
  );

  // ---------------------------------------------------------------------------
  // Control
  // ---------------------------------------------------------------------------
  logic decide;   // a decision is asked this cycle
  logic s_hs, m_hs;
  assign s_hs = s_tvalid_i && s_tready_o;
  assign m_hs = m_tvalid_o && m_tready_i;
  // a decision is asked: for a new frame's lowest queue, or between copies
  assign decide = (state_q == SIdle && s_tvalid_i && !hold_i && s_qmask_i != '0) ||
                  (state_q == SReplay && !replaying_q && rem_q != '0);

  always_comb begin
    state_d    = state_q;
    rem_d      = rem_q;
    consumed_d = consumed_q;
    cur_q_d    = cur_q_q;
    widx_d     = widx_q;
    nwords_d   = nwords_q;
    ridx_d     = ridx_q;
    ram_we     = 1'b0;
    rd_en      = 1'b0;
    rd_last    = 1'b0;
    s_tready_o = 1'b0;
    of_pop     = 1'b0;

    unique case (state_q)
      SIdle: begin
        // A frame at the head: the decision for its lowest queue happens now.
        if (s_tvalid_i && !hold_i) begin
          if (s_qmask_i == '0) begin
            state_d = SDrain;  // cannot happen for accepted frames; stay safe
          end else begin
            consumed_d = 1'b0;
          end
        end
      end
      SPass: begin
        s_tready_o = m_tready_i;
        if (s_hs) begin
          ram_we = 1'b1;
          widx_d = widx_q + 1'b1;
          if (s_tlast_i) begin
            consumed_d = 1'b1;
            nwords_d   = widx_q + 1'b1;
            state_d    = (rem_q == '0) ? SIdle : SReplay;  // SReplay: decide the next queue
          end
        end
      end
      SDrain: begin
        s_tready_o = 1'b1;
        if (s_hs && s_tlast_i) state_d = SIdle;
      end
      SReplay: begin
        // Between copies (no replay running): decide the next queue.
        if (!replaying_q) begin
          if (rem_q == '0) state_d = consumed_q ? SIdle : SDrain;
        end else begin
          of_pop = m_hs;
          if (m_hs && m_tlast_o && rem_q == '0) state_d = SIdle;
          if (ridx_q != nwords_q && 32'(of_cnt) + 32'(rd_vld_q) < OutDepth) begin
            rd_en   = 1'b1;
            ridx_d  = ridx_q + 1'b1;
            rd_last = (ridx_q + 1'b1 == nwords_q);
          end
        end
      end
      default: state_d = SIdle;
    endcase

    if (decide) begin
      rem_d = rem_next;
      if (cp_take_i) begin
        cur_q_d = q_sel;
        if (state_q == SIdle || !consumed_q) begin
          state_d = SPass;
          widx_d  = '0;
        end else begin
          state_d = SReplay;
          ridx_d  = '0;
        end
      end else if (rem_next == '0) begin
        state_d = (state_q == SIdle || !consumed_q) ? SDrain : SIdle;
      end else begin
        state_d = SReplay;  // decide the next queue in the next cycle
      end
    end
  end

  // replaying_q: a copy is being read back from the RAM (in SReplay)
  always_comb begin
    replaying_d = replaying_q;
    if (decide && cp_take_i && !(state_q == SIdle || !consumed_q)) replaying_d = 1'b1;
    if (replaying_q && m_hs && m_tlast_o) replaying_d = 1'b0;
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      state_q     <= SIdle;
      rem_q       <= '0;
      consumed_q  <= 1'b0;
      cur_q_q     <= '0;
      widx_q      <= '0;
      nwords_q    <= '0;
      ridx_q      <= '0;
      rd_vld_q    <= 1'b0;
      rd_last_q   <= 1'b0;
      replaying_q <= 1'b0;
    end else begin
      state_q     <= state_d;
      rem_q       <= rem_d;
      consumed_q  <= consumed_d;
      cur_q_q     <= cur_q_d;
      widx_q      <= widx_d;
      nwords_q    <= nwords_d;
      ridx_q      <= ridx_d;
      rd_vld_q    <= rd_en;
      rd_last_q   <= rd_last;
      replaying_q <= replaying_d;
    end
  end

  // Copy metadata from its decision
  always_ff @(posedge clk_i) begin
    if (decide && cp_take_i) begin
      m_ndesc_o <= cp_ndesc_i;
      m_bytes_o <= cp_bytes_i;
      m_strip_o <= cp_strip_i;
    end
  end

  // Frame metadata, latched when the frame's first decision is made
  always_ff @(posedge clk_i) begin
    if (state_q == SIdle && decide) begin
      len_q    <= s_len_i;
      tagged_q <= s_tagged_i;
      tci_q    <= s_tci_i;
      bcast_q  <= s_bcast_i;
      mcast_q  <= s_mcast_i;
    end
  end

  assign cp_valid_o  = decide;
  assign cp_queue_o  = q_sel;
  assign cp_len_o    = (state_q == SIdle) ? s_len_i : len_q;
  assign cp_tagged_o = (state_q == SIdle) ? s_tagged_i : tagged_q;

  // ---------------------------------------------------------------------------
  // Output
  // ---------------------------------------------------------------------------
  always_comb begin
    if (state_q == SPass) begin
      m_tvalid_o = s_tvalid_i;
      m_tdata_o  = s_tdata_i;
      m_tkeep_o  = s_tkeep_i;
      m_tlast_o  = s_tlast_i;
    end else begin
      m_tvalid_o = replaying_q && !of_empty;
      {m_tlast_o, m_tkeep_o, m_tdata_o} = of_rdata;
    end
  end

  assign m_queue_o  = cur_q_q;
  assign m_len_o    = len_q;
  assign m_tagged_o = tagged_q;
  assign m_tci_o    = tci_q;
  assign m_bcast_o  = bcast_q;
  assign m_mcast_o  = mcast_q;
  assign idle_o     = state_q == SIdle;

  logic unused;
  assign unused = of_full_unused;

endmodule

`resetall
