`resetall
`default_nettype none

// vmq_axis_async_fifo: AXI4-Stream frame FIFO between two clocks, on
// vmq_async_fifo (docs/vmq-top.md). One entry per beat: {tuser, tlast,
// tkeep, tdata}. tuser is 1 bit (frame error, meaningful on tlast).
//
// Modes (parameters):
// - DropOnOverflow = 1 (receive: MAC -> core). The write side has no
//   backpressure (s_tready_o is 1). One entry is always kept free for a
//   frame that is being written: a beat that is not its frame's last is
//   written only while at least two entries are free. When a beat does not
//   fit:
//     * first beat of a frame: the whole frame is dropped (nothing written);
//     * later beat: it is written into the kept entry as the frame's last
//       beat with tuser = 1 (the core drops the frame, rx_err_drops) and the
//       rest of the frame up to its tlast is discarded.
//   Either way the frame counts once in s_drops_o / s_drop_o.
// - StoreAndForward = 1 (transmit: core -> MAC). The read side presents a
//   frame only once all of it is in the FIFO, so its reader, which cannot
//   pause mid-frame, never sees a gap (whatever the clock ratio). The write
//   side counts completed frames (tlast beats written) in a Gray counter; the
//   read side takes it through SyncStages + 1 flops, one more than the data
//   pointer, so a frame is never announced before its last word is visible.
//   Depth * DataW / 8 must be >= MaxFrameBytes (checked at elaboration). A
//   frame longer than Depth beats is cut: its beat number Depth (1-based)
//   is written with tlast = 1, tuser = 1, the rest up to its tlast is
//   accepted and discarded, and it counts in s_drops_o. A frame of at most
//   Depth beats is never cut.
// - Both 0: plain frame FIFO with backpressure on both sides.
//
// A reset on either side empties the FIFO (vmq_async_fifo); no frame comes
// out headless or merged with another:
// - write side: a frame that was partly written is not continued; the rest
//   of it is discarded up to its tlast and it counts in s_drops_o (in
//   receive mode so does every frame that arrives while the FIFO is held in
//   reset);
// - read side: if a frame is open on m_* (a beat without tlast went out)
//   when the write side resets, the beat already presented is still
//   delivered and then one beat with tlast = 1, tuser = 1, tkeep = 1, tdata
//   = 0 closes the frame (the core drops it as an error, the MAC sends it
//   with /E/). A reset of the read side itself just clears it.
// s_drops_o and s_drop_o are in the s_clk_i domain; s_drops_o wraps at 2^32.
//
// Latency (empty FIFO): a beat can be taken at the SyncStages + 1st or
// + 2nd m_clk_i edge after the s_clk_i edge that took it (3..4 measured with
// SyncStages = 2); store and forward: the same, counted from the frame's
// last beat (the frame counter's extra flop meets the RAM read). Throughput:
// one beat per clock on each side.
module vmq_axis_async_fifo #(
  parameter int unsigned DataW           = 64,
  parameter int unsigned Depth           = 2048,   // beats, power of two >= 4
  parameter int unsigned SyncStages      = 2,
  parameter bit          DropOnOverflow  = 1'b0,
  parameter bit          StoreAndForward = 1'b0,
  parameter int unsigned MaxFrameBytes   = 9216,   // StoreAndForward: must fit in Depth beats
  localparam int unsigned KeepW          = DataW / 8,
  localparam int unsigned PtrW           = $clog2(Depth)
) (
  input  logic             s_clk_i,
  input  logic             s_rst_i,
  input  logic [DataW-1:0] s_tdata_i,
  input  logic [KeepW-1:0] s_tkeep_i,
  input  logic             s_tvalid_i,
  output logic             s_tready_o,   // constant 1 with DropOnOverflow
  input  logic             s_tlast_i,
  input  logic             s_tuser_i,
  output logic             s_drop_o,     // one pulse per frame dropped, cut or terminated
  output logic [31:0]      s_drops_o,    // count of those pulses

  input  logic             m_clk_i,
  input  logic             m_rst_i,
  output logic [DataW-1:0] m_tdata_o,
  output logic [KeepW-1:0] m_tkeep_o,
  output logic             m_tvalid_o,
  input  logic             m_tready_i,
  output logic             m_tlast_o,
  output logic             m_tuser_o
);
  if (DataW < 8 || DataW % 8 != 0) begin : gen_bad_width
    $fatal(1, "vmq_axis_async_fifo: DataW must be a multiple of 8");
  end
  if (DropOnOverflow && StoreAndForward) begin : gen_bad_mode
    $fatal(1, "vmq_axis_async_fifo: DropOnOverflow and StoreAndForward are exclusive");
  end
  if (StoreAndForward && Depth * KeepW < MaxFrameBytes) begin : gen_bad_depth
    $fatal(1, "vmq_axis_async_fifo: Depth * DataW / 8 = %0d < MaxFrameBytes = %0d",
           Depth * KeepW, MaxFrameBytes);
  end

  localparam int unsigned EntryW = DataW + KeepW + 2;

  function automatic logic [PtrW:0] bin2gray(input logic [PtrW:0] b);
    return b ^ (b >> 1);
  endfunction

  function automatic logic [PtrW:0] gray2bin(input logic [PtrW:0] g);
    logic [PtrW:0] b;
    b[PtrW] = g[PtrW];
    for (int i = int'(PtrW) - 1; i >= 0; i--) begin
      b[i] = b[i+1] ^ g[i];
    end
    return b;
  endfunction

  logic [EntryW-1:0] wr_data, rd_data;
  logic              wr_valid, wr_ready, wr_busy, rd_valid, rd_ready, rd_busy;
  logic [PtrW:0]     wr_count, rd_count;

  vmq_async_fifo #(
    .Width      (EntryW),
    .Depth      (Depth),
    .SyncStages (SyncStages)
  ) u_fifo (
    .wr_clk_i      (s_clk_i),
    .wr_rst_i      (s_rst_i),
    .wr_data_i     (wr_data),
    .wr_valid_i    (wr_valid),
    .wr_ready_o    (wr_ready),
    .wr_count_o    (wr_count),
    .wr_rst_busy_o (wr_busy),
    .rd_clk_i      (m_clk_i),
    .rd_rst_i      (m_rst_i),
    .rd_data_o     (rd_data),
    .rd_valid_o    (rd_valid),
    .rd_ready_i    (rd_ready),
    .rd_count_o    (rd_count),
    .rd_rst_busy_o (rd_busy)
  );

  // ---------------------------------------------------------------------------
  // Write side (s_clk_i)
  // ---------------------------------------------------------------------------
  logic          wrote_q, wrote_d;        // part of the current frame is in the FIFO
  logic          drop_q, drop_d;          // discarding the rest of the current frame
  logic [PtrW:0] words_q, words_d;        // beats of the current frame written
  logic [PtrW:0] frames_q, frames_d;      // frames completed in the FIFO (Gray below)
  logic [PtrW:0] frames_gray_q, frames_gray_d;
  logic [31:0]   drops_q, drops_d;
  logic          beat, last_out, user_out, drop_pulse, lost;
  logic [PtrW:0] free;

  assign free = (PtrW+1)'(Depth) - wr_count;
  // Receive: no backpressure. Otherwise: discarding takes beats at once, else
  // the FIFO decides (kept out of the process below, which reads s_tvalid_i).
  assign s_tready_o = DropOnOverflow ? 1'b1 : (drop_q || lost || wr_ready);
  assign beat       = s_tvalid_i && s_tready_o;
  // The FIFO was emptied by a reset while it held part of the current frame.
  assign lost = wrote_q && wr_busy;

  always_comb begin
    wrote_d    = wrote_q && !lost;
    drop_d     = drop_q || lost;
    words_d    = words_q;
    wr_valid   = 1'b0;
    last_out   = s_tlast_i;
    user_out   = s_tuser_i;
    drop_pulse = lost;

    if (DropOnOverflow) begin : rx_mode
      if (beat) begin
        if (drop_q || lost) begin
          drop_d = !s_tlast_i;
        end else if (wr_ready && (s_tlast_i || free >= (PtrW+1)'(2))) begin
          wr_valid = 1'b1;
          wrote_d  = !s_tlast_i;
        end else if (wrote_q && wr_ready) begin
          // Into the kept entry: end the frame here as an error.
          wr_valid   = 1'b1;
          last_out   = 1'b1;
          user_out   = 1'b1;
          wrote_d    = 1'b0;
          drop_d     = !s_tlast_i;
          drop_pulse = 1'b1;
        end else begin
          // First beat does not fit (or the FIFO is in reset): drop it all.
          wrote_d    = 1'b0;
          drop_d     = !s_tlast_i;
          drop_pulse = 1'b1;
        end
      end
    end else begin : bp_mode
      if (beat) begin
        if (drop_q || lost) begin
          drop_d = !s_tlast_i;
        end else begin
          wr_valid = 1'b1;
          wrote_d  = !s_tlast_i;
          if (StoreAndForward && !s_tlast_i && words_q == (PtrW+1)'(Depth - 1)) begin
            // Longer than the FIFO: cut it here (it would never be complete).
            last_out   = 1'b1;
            user_out   = 1'b1;
            wrote_d    = 1'b0;
            drop_d     = 1'b1;
            drop_pulse = 1'b1;
          end
        end
      end
    end

    if (wr_valid) words_d = last_out ? '0 : words_q + 1'b1;
    if (wr_busy) words_d = '0;

    frames_d      = frames_q + (PtrW+1)'(wr_valid && last_out);
    if (wr_busy) frames_d = '0;
    frames_gray_d = bin2gray(frames_d);
    drops_d       = drops_q + 32'(drop_pulse);
  end

  assign wr_data  = {user_out, last_out, s_tkeep_i, s_tdata_i};
  assign s_drop_o  = drop_pulse;
  assign s_drops_o = drops_q;

  always_ff @(posedge s_clk_i) begin
    if (s_rst_i) begin
      wrote_q    <= 1'b0;
      drop_q     <= 1'b0;
      drops_q    <= '0;
    end else begin
      wrote_q    <= wrote_d;
      drop_q     <= drop_d;
      drops_q    <= drops_d;
    end
  end

  always_ff @(posedge s_clk_i) begin
    words_q       <= words_d;
    frames_q      <= frames_d;
    frames_gray_q <= frames_gray_d;
  end

  // ---------------------------------------------------------------------------
  // Read side (m_clk_i)
  // ---------------------------------------------------------------------------
  // After a reset of the write side (rd_busy) the rest of the frame in
  // progress on m_* never comes: a beat already presented is still delivered
  // (pre), one not yet presented is dropped, and if the frame is then still
  // open, a beat with tlast = 1, tuser = 1, one byte (term) closes it, so that
  // the next frame is not merged into it.
  logic gate;          // StoreAndForward: the oldest frame in the FIFO is complete
  logic m_mid_q, m_mid_d;      // a beat without tlast went out: a frame is open
  logic m_flush_q, m_flush_d;  // the FIFO was emptied while a frame may be open
  logic m_pre_q, m_pre_d;      // the output holds a beat presented before that
  logic term, pass, shown, pop, fire, silent_pop, rd_last;

  assign rd_last = rd_data[EntryW-2];

  if (StoreAndForward) begin : gen_saf
    // Completed-frame count, one flop more than the data pointer's
    // synchroniser (see the header).
    (* ASYNC_REG = "TRUE" *) logic [SyncStages:0][PtrW:0] frames_gray_sync_q;
    logic [SyncStages:0][PtrW:0] frames_gray_sync_d;
    logic [PtrW:0]               done_q, done_d;  // frames whose tlast was read

    always_comb begin
      frames_gray_sync_d = {frames_gray_sync_q[SyncStages-1:0], frames_gray_q};
      done_d = done_q + (PtrW+1)'(pop && rd_last && !m_pre_q);
      if (rd_busy) begin
        frames_gray_sync_d = '0;
        done_d             = '0;
      end
    end

    always_ff @(posedge m_clk_i) begin
      frames_gray_sync_q <= frames_gray_sync_d;
      done_q             <= done_d;
    end

    assign gate = gray2bin(frames_gray_sync_q[SyncStages]) != done_q;
  end else begin : gen_cut_through
    assign gate = 1'b1;
  end

  // Outputs first (m_tvalid_o must not depend on m_tready_i, also not through
  // a shared process: a sink's tready may depend on tvalid).
  assign term       = m_flush_q && !m_pre_q && m_mid_q;
  assign pass       = m_pre_q || (!m_flush_q && gate);
  assign shown      = rd_valid && pass && !term;
  assign m_tvalid_o = term || shown;
  assign m_tuser_o  = term || rd_data[EntryW-1];
  assign m_tlast_o  = term || rd_last;
  assign m_tkeep_o  = term ? KeepW'(1) : rd_data[DataW +: KeepW];
  assign m_tdata_o  = term ? '0 : rd_data[DataW-1:0];

  always_comb begin
    silent_pop = rd_busy && rd_valid && !m_pre_q && !shown;
    rd_ready   = (m_tready_i && pass && !term) || silent_pop;
    pop        = rd_valid && rd_ready;
    fire       = m_tvalid_o && m_tready_i;
    m_mid_d    = fire ? !m_tlast_o : m_mid_q;
    m_pre_d    = ((rd_busy && shown) || m_pre_q) && rd_valid && !pop;
    m_flush_d  = rd_busy || (m_flush_q && (m_pre_q || m_mid_q) && !(term && fire));
  end

  always_ff @(posedge m_clk_i) begin
    if (m_rst_i) begin
      m_mid_q   <= 1'b0;
      m_flush_q <= 1'b0;
      m_pre_q   <= 1'b0;
    end else begin
      m_mid_q   <= m_mid_d;
      m_flush_q <= m_flush_d;
      m_pre_q   <= m_pre_d;
    end
  end

  logic unused_ok;
  assign unused_ok = ^{rd_count, frames_gray_q};

endmodule

`resetall
