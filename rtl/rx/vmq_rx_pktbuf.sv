`resetall
`default_nettype none

// vmq_rx_pktbuf: store-and-forward receive packet buffer after the L2 sorter
// (SPEC §3 admission step 5 "rx_buffer_drops", docs/pktbuf.md).
//
// The MAC-side stream is never backpressured (s_tready_o is high): every beat
// is written into a ring of PktBufBytes/(DataW/8) words (one write port, one
// synchronous read port, so it maps to block RAM), frames start word-aligned.
// A frame that finds no free word for one of its beats, or no free frame slot
// at its first beat, is abandoned at once: its words are given back, its
// remaining beats are discarded. At each tlast a record {overflowed, beats}
// enters the pending FIFO; the frame's decision (dec_*, in frame order) pairs
// with it, produces the frame's one stat_* report and, for a stored frame, an
// entry in the ready FIFO. The reader takes ready entries in order, skips a
// dropped frame in one cycle, and streams a delivered frame through a 4-word
// output FIFO (hides the RAM read latency) with its metadata held on m_*.
//
// Latency: decision handshake -> stat_* 1 cycle; -> first m_* beat 3 cycles
// when the reader is idle. Throughput: 1 beat/cycle in, 1 beat/cycle out
// (also back-to-back single-beat frames), a dropped frame costs 1 cycle.
module vmq_rx_pktbuf #(
  parameter int unsigned DataW         = 64,
  parameter int unsigned NumQueues     = 16,
  parameter int unsigned PktBufBytes   = 65536,  // power of two
  parameter int unsigned MaxFrameBytes = 9216,
  parameter int unsigned FrameSlots    = 64,     // frames stored at once (power of two)
  parameter int unsigned PendDepth     = 32      // frames past tlast awaiting their decision
) (
  input  logic                  clk_i,
  input  logic                  rst_i,

  // Frame data from the sorter (m_* of vmq_l2_sorter); tuser is not used:
  // errors arrive in the decision.
  input  logic [DataW-1:0]      s_tdata_i,
  input  logic [DataW/8-1:0]    s_tkeep_i,
  input  logic                  s_tvalid_i,
  output logic                  s_tready_o,
  input  logic                  s_tlast_i,
  input  logic                  s_tuser_i,

  // Decisions from the sorter, one per frame, in frame order
  input  logic                  dec_valid_i,
  output logic                  dec_ready_o,
  input  logic [NumQueues-1:0]  dec_qmask_i,
  input  logic [2:0]            dec_drop_i,    // vmq_pkg::drop_e
  input  logic [15:0]           dec_len_i,
  input  logic                  dec_tagged_i,
  input  logic [15:0]           dec_tci_i,
  input  logic                  dec_bcast_i,
  input  logic                  dec_mcast_i,

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

  // One report per frame, in frame order, when its fate is known
  output logic                  stat_valid_o,
  output logic [2:0]            stat_drop_o,   // vmq_pkg::drop_e, DropNone = delivered
  output logic [15:0]           stat_len_o,
  output logic                  stat_bcast_o,
  output logic                  stat_mcast_o,

  // Flow status
  output logic [31:0]           free_bytes_o,
  output logic                  room_for_max_o  // room (words and a slot) for a MaxFrameBytes frame
);

  localparam int unsigned KeepW     = DataW / 8;
  localparam int unsigned KeepIdxW  = $clog2(KeepW);
  localparam int unsigned Words     = PktBufBytes / KeepW;
  localparam int unsigned AddrW     = $clog2(Words);
  localparam int unsigned CntW      = AddrW + 1;            // 0..Words
  localparam int unsigned MaxWords  = (MaxFrameBytes + KeepW - 1) / KeepW;
  localparam int unsigned SlotW     = $clog2(FrameSlots) + 1;
  // Metadata carried with a delivered frame: {qmask, len, tagged, tci, bcast, mcast}
  localparam int unsigned MetaW     = NumQueues + 16 + 1 + 16 + 1 + 1;
  localparam int unsigned PendW     = 1 + CntW;              // {overflowed, beats}
  localparam int unsigned RdyW      = CntW + 1 + MetaW;      // {beats, deliver, meta}
  localparam int unsigned OutDepth  = 4;                     // covers 1 read in flight
  localparam int unsigned MetaDepth = 8;                     // frames in the output FIFO + 1

  if (DataW < 64 || (DataW & (DataW - 1)) != 0) begin : gen_bad_dataw
    $fatal(1, "vmq_rx_pktbuf: DataW must be a power of two >= 64");
  end
  if (NumQueues < 1 || NumQueues > 64) begin : gen_bad_nq
    $fatal(1, "vmq_rx_pktbuf: NumQueues must be 1..64");
  end
  if (MaxFrameBytes < 64 || MaxFrameBytes > 65534) begin : gen_bad_mfb
    $fatal(1, "vmq_rx_pktbuf: MaxFrameBytes must be 64..65534");
  end
  if ((PktBufBytes & (PktBufBytes - 1)) != 0 || PktBufBytes > 32'h4000_0000 ||
      PktBufBytes / KeepW < 2 * MaxWords) begin : gen_bad_pbb
    $fatal(1, "vmq_rx_pktbuf: PktBufBytes must be a power of two holding 2 MaxFrameBytes frames");
  end
  if (FrameSlots < 2 || (FrameSlots & (FrameSlots - 1)) != 0) begin : gen_bad_fs
    $fatal(1, "vmq_rx_pktbuf: FrameSlots must be a power of two >= 2");
  end
  if (PendDepth < 8 || (PendDepth & (PendDepth - 1)) != 0) begin : gen_bad_pd
    $fatal(1, "vmq_rx_pktbuf: PendDepth must be a power of two >= 8 (sorter decision credits)");
  end

  assign s_tready_o = 1'b1;

  // ---------------------------------------------------------------------------
  // Space accounting: used_q words and slots_q frames are held from a frame's
  // first written beat until the reader has read (or skipped) it.
  // ---------------------------------------------------------------------------
  logic [CntW-1:0]  used_q, used_d;
  logic [SlotW-1:0] slots_q, slots_d;
  logic [CntW-1:0]  free_words;

  assign free_words     = CntW'(Words) - used_q;
  assign free_bytes_o   = 32'(free_words) * 32'(KeepW);
  assign room_for_max_o = free_words >= CntW'(MaxWords) && slots_q != SlotW'(FrameSlots);

  // ---------------------------------------------------------------------------
  // Writer
  // ---------------------------------------------------------------------------
  logic [DataW-1:0] mem [Words];

  logic             in_frame_q, in_frame_d;  // a frame's non-last beat has been seen
  logic             fr_ovf_q, fr_ovf_d;      // the current frame was abandoned
  logic [CntW-1:0]  fr_cnt_q, fr_cnt_d;      // words of the current frame written
  logic [AddrW-1:0] wr_ptr_q, wr_ptr_d;
  logic             beat, first, ovf_prev, room, slot_ok;
  logic             wr_en, abandon, give_back, slot_take;
  logic             pf_push, pf_full, pf_empty, pf_pop;
  logic [PendW-1:0] pf_wdata, pf_rdata;

  assign beat      = s_tvalid_i && !rst_i;  // no beat is taken during reset
  assign first     = !in_frame_q;
  assign ovf_prev  = in_frame_q && fr_ovf_q;
  assign room      = used_q != CntW'(Words);  // last cycle's view: reads this cycle not counted
  assign slot_ok   = !first || slots_q != SlotW'(FrameSlots);
  assign wr_en     = beat && !ovf_prev && room && slot_ok;
  assign abandon   = beat && !ovf_prev && !(room && slot_ok);
  assign give_back = abandon && in_frame_q;  // the frame had a slot and words: return them
  assign slot_take = wr_en && first;
  assign pf_push   = beat && s_tlast_i;
  assign pf_wdata  = {ovf_prev || abandon, fr_cnt_q + CntW'(wr_en)};

  always_comb begin
    in_frame_d = in_frame_q;
    fr_ovf_d   = fr_ovf_q;
    fr_cnt_d   = fr_cnt_q;
    wr_ptr_d   = wr_ptr_q + AddrW'(wr_en);
    if (give_back) wr_ptr_d = wr_ptr_q - AddrW'(fr_cnt_q);
    if (beat) begin
      in_frame_d = !s_tlast_i;
      fr_ovf_d   = ovf_prev || abandon;
      if (s_tlast_i || abandon) fr_cnt_d = '0;
      else                      fr_cnt_d = fr_cnt_q + CntW'(wr_en);
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      in_frame_q <= 1'b0;
      fr_ovf_q   <= 1'b0;
      fr_cnt_q   <= '0;
      wr_ptr_q   <= '0;
    end else begin
      in_frame_q <= in_frame_d;
      fr_ovf_q   <= fr_ovf_d;
      fr_cnt_q   <= fr_cnt_d;
      wr_ptr_q   <= wr_ptr_d;
    end
  end

  // Data RAM: no reset, read only where used_q says a frame is stored.
  always_ff @(posedge clk_i) begin
    if (wr_en) mem[wr_ptr_q] <= s_tdata_i;
  end

  // ---------------------------------------------------------------------------
  // Pending records meet their decisions (in frame order)
  // ---------------------------------------------------------------------------
  logic               pf_ovf;
  logic [CntW-1:0]    pf_beats;
  logic               pair, rf_push, rf_full, rf_empty, rf_pop;
  logic [RdyW-1:0]    rf_wdata, rf_rdata;
  logic [MetaW-1:0]   dec_meta;
  logic [2:0]         stat_drop_d;
  logic [$clog2(PendDepth):0]  unused_pf_cnt;
  logic [$clog2(FrameSlots):0] unused_rf_cnt;

  assign {pf_ovf, pf_beats} = pf_rdata;
  // A decision never comes before its frame's tlast, so pf_empty only guards.
  // rf_full cannot happen: stored frames (ready entries included) hold a slot.
  assign dec_ready_o = !pf_empty && !rf_full;
  assign pair        = dec_valid_i && dec_ready_o;
  assign pf_pop      = pair;
  assign rf_push     = pair && !pf_ovf;  // an abandoned frame has nothing stored
  assign dec_meta    = {dec_qmask_i, dec_len_i, dec_tagged_i, dec_tci_i, dec_bcast_i, dec_mcast_i};
  assign rf_wdata    = {pf_beats, dec_drop_i == vmq_pkg::DropNone, dec_meta};

  // SPEC §3: the decision's own reason comes first; DropBuffer only otherwise.
  always_comb begin
    stat_drop_d = dec_drop_i;
    if (dec_drop_i == vmq_pkg::DropNone && pf_ovf) stat_drop_d = vmq_pkg::DropBuffer;
  end

  vmq_sync_fifo #(.Width(PendW), .Depth(PendDepth)) u_pend_fifo (
    .clk_i   (clk_i),
    .rst_i   (rst_i),
    .push_i  (pf_push),
    .wdata_i (pf_wdata),
    .full_o  (pf_full),
    .pop_i   (pf_pop),
    .rdata_o (pf_rdata),
    .empty_o (pf_empty),
    .count_o (unused_pf_cnt)
  );

  vmq_sync_fifo #(.Width(RdyW), .Depth(FrameSlots)) u_ready_fifo (
    .clk_i   (clk_i),
    .rst_i   (rst_i),
    .push_i  (rf_push),
    .wdata_i (rf_wdata),
    .full_o  (rf_full),
    .pop_i   (rf_pop),
    .rdata_o (rf_rdata),
    .empty_o (rf_empty),
    .count_o (unused_rf_cnt)
  );

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      stat_valid_o <= 1'b0;
    end else begin
      stat_valid_o <= pair;
    end
  end

  always_ff @(posedge clk_i) begin
    if (pair) begin
      stat_drop_o  <= stat_drop_d;
      stat_len_o   <= dec_len_i;
      stat_bcast_o <= dec_bcast_i;
      stat_mcast_o <= dec_mcast_i;
    end
  end

  // ---------------------------------------------------------------------------
  // Reader
  // ---------------------------------------------------------------------------
  logic [CntW-1:0]    rf_beats;
  logic               rf_deliver;
  logic [MetaW-1:0]   rf_meta;
  logic               active_q, active_d;  // streaming a delivered frame
  logic [CntW-1:0]    left_q, left_d;      // its words not yet read
  logic [AddrW-1:0]   rd_ptr_q, rd_ptr_d;
  logic               rd_en, rd_last, meta_push, slot_rel, space;
  logic [CntW-1:0]    free_rd;             // words given back by the reader this cycle
  logic               rd_vld_q, rd_last_q;
  logic [DataW-1:0]   rd_data_q;
  logic [KeepIdxW-1:0] rem_q, rem_d, rd_rem;  // len mod KeepW of the frame being read
  logic [KeepW-1:0]   rd_keep, rd_keep_q;
  logic [KeepIdxW-1:0] rf_rem;               // len mod KeepW of the ready entry
  logic [$clog2(OutDepth):0] out_cnt;
  logic               out_empty, out_pop, meta_full, meta_empty, meta_pop;
  logic [DataW+KeepW-1:0] out_rdata;
  logic [MetaW-1:0]   out_meta;
  logic               unused_out_full;
  logic [$clog2(MetaDepth):0] unused_meta_cnt;

  assign {rf_beats, rf_deliver, rf_meta} = rf_rdata;
  assign rf_rem = rf_meta[1 + 1 + 16 + 1 +: KeepIdxW];  // low bits of len, see dec_meta
  // room in the output FIFO for this read, the one in flight and the ones held
  assign space = 32'(out_cnt) + 32'(rd_vld_q) < OutDepth;

  always_comb begin
    rd_en     = 1'b0;
    rd_last   = 1'b0;
    rf_pop    = 1'b0;
    meta_push = 1'b0;
    slot_rel  = 1'b0;
    free_rd   = '0;
    active_d  = active_q;
    left_d    = left_q;
    rd_ptr_d  = rd_ptr_q;
    rem_d     = rem_q;
    rd_rem    = rem_q;
    if (active_q) begin
      if (space) begin
        rd_en    = 1'b1;
        rd_ptr_d = rd_ptr_q + 1'b1;
        free_rd  = CntW'(1);
        left_d   = left_q - 1'b1;
        if (left_q == CntW'(1)) begin
          rd_last  = 1'b1;
          active_d = 1'b0;
          slot_rel = 1'b1;
        end
      end
    end else if (!rf_empty) begin
      if (!rf_deliver) begin
        // dropped by its decision: give its words back in one cycle
        rf_pop   = 1'b1;
        rd_ptr_d = rd_ptr_q + AddrW'(rf_beats);
        free_rd  = rf_beats;
        slot_rel = 1'b1;
      end else if (space && !meta_full) begin
        // start a delivered frame and read its first word in the same cycle
        rf_pop    = 1'b1;
        meta_push = 1'b1;
        rd_en     = 1'b1;
        rd_ptr_d  = rd_ptr_q + 1'b1;
        free_rd   = CntW'(1);
        rd_rem    = rf_rem;
        rem_d     = rf_rem;
        if (rf_beats == CntW'(1)) begin
          rd_last  = 1'b1;
          slot_rel = 1'b1;
        end else begin
          active_d = 1'b1;
          left_d   = rf_beats - 1'b1;
        end
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      active_q  <= 1'b0;
      left_q    <= '0;
      rd_ptr_q  <= '0;
      rd_vld_q  <= 1'b0;
      rd_last_q <= 1'b0;
    end else begin
      active_q  <= active_d;
      left_q    <= left_d;
      rd_ptr_q  <= rd_ptr_d;
      rd_vld_q  <= rd_en;
      rd_last_q <= rd_last;
    end
  end

  // tkeep is made here and stored with the word: all ones, except a run
  // covering the frame's length on its last word.
  always_comb begin
    for (int unsigned i = 0; i < KeepW; i++) begin
      rd_keep[i] = !rd_last || rd_rem == '0 || i < 32'(rd_rem);
    end
  end

  always_ff @(posedge clk_i) begin
    if (rd_en) begin
      rd_data_q <= mem[rd_ptr_q];
      rd_keep_q <= rd_keep;
      rem_q     <= rem_d;
    end
  end

  // Space and slots: writer takes, abandonment and reader give back.
  always_comb begin
    used_d  = used_q + CntW'(wr_en) - free_rd;
    if (give_back) used_d = used_d - fr_cnt_q;
    slots_d = slots_q + SlotW'(slot_take) - SlotW'(give_back) - SlotW'(slot_rel);
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      used_q  <= '0;
      slots_q <= '0;
    end else begin
      used_q  <= used_d;
      slots_q <= slots_d;
    end
  end

  // ---------------------------------------------------------------------------
  // Output: data words and per-frame metadata
  // ---------------------------------------------------------------------------
  assign out_pop  = m_tvalid_o && m_tready_i;
  assign meta_pop = out_pop && m_tlast_o;

  // tkeep bit 0 is always set (a last beat holds at least one byte): not stored
  vmq_sync_fifo #(.Width(DataW + KeepW), .Depth(OutDepth)) u_out_fifo (
    .clk_i   (clk_i),
    .rst_i   (rst_i),
    .push_i  (rd_vld_q),
    .wdata_i ({rd_last_q, rd_keep_q[KeepW-1:1], rd_data_q}),
    .full_o  (unused_out_full),
    .pop_i   (out_pop),
    .rdata_o (out_rdata),
    .empty_o (out_empty),
    .count_o (out_cnt)
  );

  vmq_sync_fifo #(.Width(MetaW), .Depth(MetaDepth)) u_meta_fifo (
    .clk_i   (clk_i),
    .rst_i   (rst_i),
    .push_i  (meta_push),
    .wdata_i (rf_meta),
    .full_o  (meta_full),
    .pop_i   (meta_pop),
    .rdata_o (out_meta),
    .empty_o (meta_empty),
    .count_o (unused_meta_cnt)
  );

  assign m_tvalid_o = !out_empty;
  assign {m_tlast_o, m_tkeep_o[KeepW-1:1], m_tdata_o} = out_rdata;
  assign m_tkeep_o[0] = 1'b1;
  assign {m_qmask_o, m_len_o, m_tagged_o, m_tci_o, m_bcast_o, m_mcast_o} = out_meta;

  // Inputs used only for protocol completeness, and guard flags.
  logic unused_inputs;
  assign unused_inputs = ^{s_tkeep_i, s_tuser_i, pf_full, meta_empty, rd_keep_q[0]};

`ifndef SYNTHESIS
  // The sorter's decision credits bound the pending records; the slot count
  // bounds the ready entries. Either overflowing is a sizing error.
  always_ff @(posedge clk_i) begin
    if (!rst_i && pf_push && pf_full) $error("vmq_rx_pktbuf: pending FIFO overflow (PendDepth)");
    if (!rst_i && rf_push && rf_full) $error("vmq_rx_pktbuf: ready FIFO overflow");
    if (!rst_i && m_tvalid_o && meta_empty) $error("vmq_rx_pktbuf: data without metadata");
  end
`endif

endmodule

`resetall
