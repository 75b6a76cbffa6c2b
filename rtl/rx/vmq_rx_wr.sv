`resetall
`default_nettype none

// vmq_rx_wr: receive write engine (SPEC §2 DMA, §3 Delivery, §7;
// docs/rx-dma.md). Takes copies from vmq_rx_repl and writes them into host
// memory over the AXI4 write channels:
//
//   copy stream -> strip (VLAN tag out) -> beat FIFO -> byte accumulator -> W beats
//   copy meta   -> segmenter (descriptor pops, 4 KiB-safe bursts) -> AW + W commands
//   B           -> per-queue response counts -> write-back issuer -> AW + W commands
//
// The segmenter and the write-back issuer push {AW, W command} pairs into two
// FIFOs, so AW and W stay in the same order; the W generator serves payload
// commands from the accumulator (any start alignment, exact wstrb), write-back
// commands from the command itself, and discard commands (an abandoned copy's
// bytes) by dropping bytes. A copy's write-back entry waits until the queue's
// write responses have caught up with its last payload burst (same-ID B are
// in order), then one 8-byte write per descriptor (RX_WB format); rx_packets
// and rx_bytes count there. A queue in error (qerr_i) gets no more writes:
// its copies are abandoned and counted in dma_errors.
module vmq_rx_wr #(
  parameter int unsigned DataW     = 64,
  parameter int unsigned AxiDataW  = 128,
  parameter int unsigned NumQueues = 16,
  parameter int unsigned MaxWrOut  = 32,   // AXI write transactions outstanding (all queues)
  localparam int unsigned QW       = (NumQueues > 1) ? $clog2(NumQueues) : 1,
  localparam int unsigned IdW      = QW + 2   // {kind, queue}; kind 00 = receive (docs/tx-dma.md)
) (
  input  logic                        clk_i,
  input  logic                        rst_i,

  // Copies from vmq_rx_repl (metadata stable for the copy)
  input  logic [DataW-1:0]            s_tdata_i,
  input  logic [DataW/8-1:0]          s_tkeep_i,
  input  logic                        s_tvalid_i,
  output logic                        s_tready_o,
  input  logic                        s_tlast_i,
  input  logic [QW-1:0]               s_queue_i,
  input  logic [15:0]                 s_len_i,
  input  logic [15:0]                 s_tci_i,
  input  logic                        s_bcast_i,
  input  logic                        s_mcast_i,
  input  logic [12:0]                 s_ndesc_i,
  input  logic [15:0]                 s_bytes_i,
  input  logic                        s_strip_i,

  // Ring geometry (register block)
  input  logic [NumQueues-1:0][63:0]  cfg_base_i,
  input  logic [NumQueues-1:0][11:0]  cfg_mask_i,   // ring size - 1, from vmq_rx_qm

  // Queue manager
  input  logic [NumQueues-1:0]        dq_avail_i,
  output logic                        dq_pop_o,
  output logic [QW-1:0]               dq_queue_o,
  input  logic [63:0]                 dq_addr_i,
  input  logic [11:0]                 dq_idx_i,
  input  logic [NumQueues-1:0]        qerr_i,
  output logic                        copy_done_o,
  output logic [QW-1:0]               copy_done_q_o,
  output logic [NumQueues-1:0]        wr_idle_o,
  output logic                        wr_err_o,
  output logic [QW-1:0]               wr_err_q_o,

  // Events
  output logic                        pkt_o,        // a copy's write-backs issued
  output logic [QW-1:0]               pkt_q_o,
  output logic [15:0]                 pkt_bytes_o,
  output logic                        abandon_o,    // a copy abandoned (dma_errors)
  output logic                        wb_err_o,     // a write-back answered with an error (dma_errors)
  output logic [NumQueues-1:0]        rx_irq_o,     // pulse: a write-back is visible
  output logic                        idle_o,

  // AXI4 write channels
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
  output logic                        m_axi_bready_o
);

  import vmq_reg_pkg::*;

  localparam int unsigned K    = DataW / 8;       // stream bytes per beat
  localparam int unsigned A    = AxiDataW / 8;    // AXI bytes per beat
  localparam int unsigned AW_  = $clog2(A);
  localparam int unsigned S    = A + K;           // accumulator bytes
  localparam int unsigned SW   = $clog2(S + 1);
  localparam int unsigned Bnd  = (256 * A < 4096) ? 256 * A : 4096;  // burst boundary
  localparam int unsigned BndW = $clog2(Bnd);
  // Per-queue write counters (pushed AWs, returned Bs) and the marks of
  // copies waiting to issue write-backs, compared mod 2^CntW. Between a
  // copy's mark and the moment its write-back entry is judged, its queue may
  // push the write-backs of the copies ahead of it and the payload of the
  // copies behind it: up to the 16 entries of the write-back FIFO plus the
  // copy being segmented, each at most 4095 descriptors (one ring) with one
  // write-back and at most two bursts per descriptor plus the 4 KiB splits.
  // Half the counter range must exceed that, or an entry looks "not yet
  // ready" forever (issue 16: CntW 10 hung receive DMA on a copy of more
  // than ~512 descriptors, Q_RX_BUF.BYTES 1 or 7).
  localparam int unsigned MaxPushPerCopy = 3 * 4095 + 64;
  localparam int unsigned CntW = $clog2(17 * MaxPushPerCopy) + 1;

  if (MaxWrOut > 256) begin : gen_bad_out
    $fatal(1, "vmq_rx_wr: MaxWrOut must be <= 256");
  end

  // ===========================================================================
  // Input: strip, copy metadata
  // ===========================================================================
  // Copy metadata FIFO (one entry per copy, pushed with its first beat)
  localparam int unsigned MetaW = QW + 16 + 16 + 1 + 1 + 13 + 16 + 1;
  logic             in_first_q;      // next beat is a copy's first
  logic [15:0]      in_off_q;        // byte offset of the beat in the frame
  logic             mf_push, mf_full, mf_pop, mf_empty;
  logic [MetaW-1:0] mf_rdata;
  logic [$clog2(8):0] mf_cnt_unused;
  logic             in_take;         // a beat enters (the beat FIFO)
  logic [SW-1:0]    acc_c_q;         // bytes in the accumulator
  logic [SW-1:0]    out_n;           // bytes leaving it this cycle
  logic [S*8-1:0]   acc_q;
  logic [DataW-1:0] in_data;
  logic [SW-1:0]    in_n;

  assign mf_push = in_take && in_first_q;
  vmq_sync_fifo #(.Width(MetaW), .Depth(8)) u_meta (
    .clk_i   (clk_i),
    .rst_i   (rst_i),
    .push_i  (mf_push),
    .wdata_i ({s_queue_i, s_len_i, s_tci_i, s_bcast_i, s_mcast_i, s_ndesc_i, s_bytes_i, s_strip_i}),
    .full_o  (mf_full),
    .pop_i   (mf_pop),
    .rdata_o (mf_rdata),
    .empty_o (mf_empty),
    .count_o (mf_cnt_unused)
  );

  // Beat -> bytes: tkeep is a run from lane 0; the count comes from the length.
  always_comb begin
    logic [DataW-1:0] d, keepmask;
    logic [15:0]      nb;
    int unsigned      lo;
    nb       = s_tlast_i ? (s_len_i - in_off_q) : 16'(K);
    d        = s_tdata_i;
    keepmask = '0;
    lo       = 0;
    if (s_strip_i && in_off_q <= 16'd12 && in_off_q + 16'(K) > 16'd12) begin
      lo = 32'(16'd12) - 32'(in_off_q);              // lane of the TPID
      for (int unsigned i = 0; i < K; i++) begin
        if (i >= lo) d[8*i +: 8] = (i + 4 < K) ? s_tdata_i[8*(i+4) +: 8] : 8'h00;
      end
      nb = nb - 16'd4;
    end
    for (int unsigned i = 0; i < K; i++) keepmask[8*i +: 8] = (16'(i) < nb) ? 8'hFF : 8'h00;
    in_data = d & keepmask;
    in_n    = SW'(nb);
  end

  // Stripped beats wait in a small FIFO before the accumulator, so that the
  // stream keeps moving while the segmenter starts a copy (its metadata is
  // queued with the copy's first beat, ahead of the bytes).
  localparam int unsigned BfDepth = 8;
  logic                 bf_full, bf_empty, bf_pop;
  logic [DataW+SW-1:0]  bf_rdata;
  logic [DataW-1:0]     acc_in_data;
  logic [SW-1:0]        acc_in_n;
  logic [$clog2(BfDepth):0] bf_cnt_unused;

  assign s_tready_o = !bf_full && !(in_first_q && mf_full);
  assign in_take    = s_tvalid_i && s_tready_o;

  vmq_sync_fifo #(.Width(DataW + SW), .Depth(BfDepth)) u_beats (
    .clk_i   (clk_i),
    .rst_i   (rst_i),
    .push_i  (in_take),
    .wdata_i ({in_n, in_data}),
    .full_o  (bf_full),
    .pop_i   (bf_pop),
    .rdata_o (bf_rdata),
    .empty_o (bf_empty),
    .count_o (bf_cnt_unused)
  );
  assign {acc_in_n, acc_in_data} = bf_rdata;
  assign bf_pop = !bf_empty && (32'(acc_c_q) - 32'(out_n) + K <= S);

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      in_first_q <= 1'b1;
      in_off_q   <= '0;
    end else if (in_take) begin
      in_first_q <= s_tlast_i;
      in_off_q   <= s_tlast_i ? 16'd0 : in_off_q + 16'(K);
    end
  end

  logic unused_keep;
  assign unused_keep = ^s_tkeep_i;

  // Accumulator: bytes [0, acc_c_q) valid, the rest zero.
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      acc_q   <= '0;
      acc_c_q <= '0;
    end else begin
      logic [S*8-1:0] shifted;
      logic [SW-1:0]  c;
      shifted = acc_q >> (8 * 32'(out_n));
      c       = acc_c_q - out_n;
      if (bf_pop) begin
        shifted = shifted | ((S*8)'(acc_in_data) << (8 * 32'(c)));
        c       = c + acc_in_n;
      end
      acc_q   <= shifted;
      acc_c_q <= c;
    end
  end

  // ===========================================================================
  // Per-queue write counters (pushed AWs, returned Bs), write-back marks
  // ===========================================================================
  logic             aw_push;            // an AW enters the AW FIFO
  logic [QW-1:0]    aw_push_q;
  logic             b_hs;
  logic [QW-1:0]    b_q;
  logic [NumQueues-1:0][CntW-1:0] push_cnt_a, done_cnt_a;
  logic             irq_arm;            // last write-back of a copy pushed
  logic [QW-1:0]    irq_arm_q;

  assign b_hs = m_axi_bvalid_i;
  assign b_q  = m_axi_bid_i[QW-1:0];
  assign m_axi_bready_o = 1'b1;

  // Which outstanding writes of a queue are write-backs: one bit per write,
  // indexed by its sequence number (AWs pushed; same-ID B return in order).
  localparam int unsigned SeqW = 6;
  if (MaxWrOut + 8 >= (1 << SeqW)) begin : gen_bad_seq
    $fatal(1, "vmq_rx_wr: MaxWrOut + AW FIFO must stay below 64 writes per queue");
  end
  logic [NumQueues-1:0] wb_b_a;   // the B of queue q's oldest write is a write-back's
  logic                 wb_go;    // a write-back command is pushed (issuer granted)

  for (genvar q = 0; q < NumQueues; q++) begin : gen_q
    logic [CntW-1:0] push_q, done_q, mark_q;
    logic [(1<<SeqW)-1:0] is_wb_q;
    logic            pend_q;
    logic            is_push, is_b;
    assign is_push = aw_push && aw_push_q == QW'(q);
    assign is_b    = b_hs && b_q == QW'(q);
    assign wb_b_a[q] = is_wb_q[done_q[SeqW-1:0]];
    always_ff @(posedge clk_i) begin
      if (rst_i) begin
        push_q <= '0;
        done_q <= '0;
        mark_q <= '0;
        pend_q <= 1'b0;
      end else begin
        if (is_push) push_q <= push_q + 1'b1;
        if (is_b) done_q <= done_q + 1'b1;
        if (irq_arm && irq_arm_q == QW'(q)) begin
          mark_q <= push_q + CntW'(is_push);   // includes the write-back pushed now
          pend_q <= 1'b1;
        end else if (pend_q && done_q == mark_q) begin
          pend_q <= 1'b0;
        end
      end
    end
    always_ff @(posedge clk_i) begin
      if (is_push) is_wb_q[push_q[SeqW-1:0]] <= wb_go;
    end
    assign rx_irq_o[q]   = pend_q && done_q == mark_q && !(irq_arm && irq_arm_q == QW'(q));
    assign wr_idle_o[q]  = push_q == done_q;
    assign push_cnt_a[q] = push_q;
    assign done_cnt_a[q] = done_q;
  end

  assign wr_err_o   = b_hs && m_axi_bresp_i != 2'b00;
  assign wb_err_o   = wr_err_o && wb_b_a[b_q];
  assign wr_err_q_o = b_q;

  // ===========================================================================
  // Command FIFOs: AW and W, pushed together (DISCARD has no AW)
  // ===========================================================================
  typedef enum logic [1:0] {CPay = 2'd0, CCpl = 2'd1, CDisc = 2'd2} cmd_e;
  localparam int unsigned AwW = IdW + 64 + 8;
  localparam int unsigned WcW = 2 + AW_ + 16 + 64;

  logic           awf_push, awf_full, awf_pop, awf_empty;
  logic [AwW-1:0] awf_wdata, awf_rdata;
  logic           wcf_push, wcf_full, wcf_pop, wcf_empty;
  logic [WcW-1:0] wcf_wdata, wcf_rdata;
  logic [$clog2(8):0] awf_cnt_unused, wcf_cnt_unused;

  vmq_sync_fifo #(.Width(AwW), .Depth(8)) u_awf (
    .clk_i (clk_i), .rst_i (rst_i),
    .push_i (awf_push), .wdata_i (awf_wdata), .full_o (awf_full),
    .pop_i (awf_pop), .rdata_o (awf_rdata), .empty_o (awf_empty), .count_o (awf_cnt_unused)
  );
  vmq_sync_fifo #(.Width(WcW), .Depth(8)) u_wcf (
    .clk_i (clk_i), .rst_i (rst_i),
    .push_i (wcf_push), .wdata_i (wcf_wdata), .full_o (wcf_full),
    .pop_i (wcf_pop), .rdata_o (wcf_rdata), .empty_o (wcf_empty), .count_o (wcf_cnt_unused)
  );

  logic cmd_room;
  assign cmd_room = !awf_full && !wcf_full;

  // Two sources: the write-back issuer (priority) and the segmenter.
  logic          wb_req;                 // issuer has a write-back command
  logic [QW-1:0] wb_q;
  logic [63:0]   wb_addr, wb_data;
  logic          sg_req, sg_disc;        // segmenter has a payload / discard command
  logic [QW-1:0] sg_q;
  logic [63:0]   sg_addr;
  logic [15:0]   sg_n;
  logic          sg_go;

  assign wb_go = wb_req && cmd_room;
  assign sg_go = sg_req && cmd_room && !wb_req;

  always_comb begin
    awf_push  = 1'b0;
    wcf_push  = 1'b0;
    awf_wdata = '0;
    wcf_wdata = '0;
    aw_push   = 1'b0;
    aw_push_q = '0;
    if (wb_go) begin
      awf_push  = 1'b1;
      wcf_push  = 1'b1;
      awf_wdata = {{2'b00, wb_q}, wb_addr, 8'd0};
      wcf_wdata = {CCpl, AW_'(wb_addr[AW_-1:0]), 16'd8, wb_data};
      aw_push   = 1'b1;
      aw_push_q = wb_q;
    end else if (sg_go) begin
      awf_push  = !sg_disc;
      wcf_push  = 1'b1;
      awf_wdata = {{2'b00, sg_q}, sg_addr,
                   8'((32'(sg_addr[AW_-1:0]) + 32'(sg_n) + A - 1) / A - 1)};
      wcf_wdata = {sg_disc ? CDisc : CPay, AW_'(sg_addr[AW_-1:0]), sg_n, 64'd0};
      aw_push   = !sg_disc;
      aw_push_q = sg_q;
    end
  end

  // ===========================================================================
  // AW channel (bounded outstanding writes)
  // ===========================================================================
  logic [8:0] out_q;    // AWs issued without B
  logic       aw_hs;
  assign m_axi_awvalid_o = !awf_empty && out_q < 9'(MaxWrOut);
  assign {m_axi_awid_o, m_axi_awaddr_o, m_axi_awlen_o} = awf_rdata;
  assign m_axi_awsize_o  = 3'(AW_);
  assign m_axi_awburst_o = 2'b01;
  assign aw_hs   = m_axi_awvalid_o && m_axi_awready_i;
  assign awf_pop = aw_hs;
  always_ff @(posedge clk_i) begin
    if (rst_i) out_q <= '0;
    else out_q <= out_q + 9'(aw_hs) - 9'(b_hs);
  end

  // ===========================================================================
  // W generator
  // ===========================================================================
  cmd_e          wc_type;
  logic [AW_-1:0] wc_off;
  logic [15:0]   wc_n;
  logic [63:0]   wc_data;
  logic          wc_first_q;
  logic [15:0]   wc_left_q, left;
  assign {wc_type, wc_off, wc_n, wc_data} = wcf_rdata;
  assign left = wc_first_q ? wc_n : wc_left_q;

  always_comb begin
    logic [SW-1:0]   o, need, n;
    logic [A*8-1:0]  shifted;
    n              = '0;  // default: a local assigned in one case branch only is a latch to Yosys
    m_axi_wvalid_o = 1'b0;
    m_axi_wdata_o  = '0;
    m_axi_wstrb_o  = '0;
    m_axi_wlast_o  = 1'b0;
    out_n          = '0;
    wcf_pop        = 1'b0;
    o    = wc_first_q ? SW'(wc_off) : '0;
    need = (32'(left) < A - 32'(o)) ? SW'(left) : SW'(A - 32'(o));
    shifted = (A*8)'(acc_q) << (8 * 32'(o));
    if (!wcf_empty) begin
      unique case (wc_type)
        CPay: begin
          m_axi_wvalid_o = acc_c_q >= need;
          // only the strobed lanes carry data (stable while W is stalled)
          for (int unsigned i = 0; i < A; i++) begin
            m_axi_wstrb_o[i] = 32'(i) >= 32'(o) && 32'(i) < 32'(o) + 32'(need);
            m_axi_wdata_o[8*i +: 8] = m_axi_wstrb_o[i] ? shifted[8*i +: 8] : 8'h00;
          end
          m_axi_wlast_o = 32'(left) == 32'(need);
          if (m_axi_wvalid_o && m_axi_wready_i) begin
            out_n   = need;
            wcf_pop = m_axi_wlast_o;
          end
        end
        CCpl: begin
          m_axi_wvalid_o = 1'b1;
          m_axi_wdata_o  = (A*8)'(wc_data) << (8 * 32'(wc_off));
          for (int unsigned i = 0; i < A; i++) begin
            m_axi_wstrb_o[i] = 32'(i) >= 32'(wc_off) && 32'(i) < 32'(wc_off) + 8;
          end
          m_axi_wlast_o = 1'b1;
          wcf_pop       = m_axi_wready_i;
        end
        default: begin  // CDisc: drop bytes of an abandoned copy
          n = (32'(left) < A) ? SW'(left) : SW'(A);
          if (acc_c_q < n) n = acc_c_q;
          out_n   = n;
          wcf_pop = 32'(n) == 32'(left);
        end
      endcase
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      wc_first_q <= 1'b1;
      wc_left_q  <= '0;
    end else if (wcf_pop) begin
      wc_first_q <= 1'b1;
    end else if (!wcf_empty && wc_type != CCpl && out_n != '0) begin
      wc_first_q <= 1'b0;
      wc_left_q  <= left - 16'(out_n);
    end
  end

  // ===========================================================================
  // Segmenter: descriptors and bursts of each copy
  // ===========================================================================
  typedef enum logic [2:0] {GMeta, GPop, GAddr, GBurst, GEntry} seg_e;
  seg_e          sg_state_q;
  logic [QW-1:0] m_q;
  logic [15:0]   m_len, m_tci, m_bytes;
  logic          m_bcast, m_mcast, m_strip;
  logic [12:0]   m_ndesc;
  assign {m_q, m_len, m_tci, m_bcast, m_mcast, m_ndesc, m_bytes, m_strip} = mf_rdata;

  logic [15:0]   sg_rem_q;       // copy bytes not yet given to a buffer
  logic [15:0]   sg_buf_left_q;  // bytes left for the current buffer
  logic [63:0]   sg_cur_q;       // next address in the current buffer
  logic [12:0]   sg_k_q;         // descriptors popped for this copy
  logic [11:0]   sg_first_idx_q;
  logic [15:0]   sg_last_len_q;
  logic          sg_abandon_q;
  logic [15:0]   clen, bl_new;
  logic [63:0]   cur;
  logic [15:0]   bl;
  logic [15:0]   chunk;
  logic          err_now;

  assign clen    = m_len - (m_strip ? 16'd4 : 16'd0);
  assign err_now = qerr_i[m_q];
  assign bl_new  = (sg_rem_q < m_bytes) ? sg_rem_q : m_bytes;
  assign cur     = (sg_state_q == GAddr) ? dq_addr_i : sg_cur_q;
  assign bl      = (sg_state_q == GAddr) ? bl_new : sg_buf_left_q;
  always_comb begin
    logic [BndW:0] to_bnd;
    to_bnd = (BndW+1)'(Bnd) - (BndW+1)'(cur[BndW-1:0]);
    chunk  = (32'(bl) < 32'(to_bnd)) ? bl : 16'(to_bnd);
  end

  // entry of the write-back FIFO
  localparam int unsigned WbW = 1 + QW + 12 + 13 + 16 + 16 + 16 + 16 + 1 + 1 + 1 + CntW;
  logic           wbf_push, wbf_full, wbf_pop, wbf_empty;
  logic [WbW-1:0] wbf_wdata, wbf_rdata;
  logic [$clog2(16):0] wbf_cnt_unused;

  always_comb begin
    sg_req   = 1'b0;
    sg_disc  = 1'b0;
    sg_q     = m_q;
    sg_addr  = cur;
    sg_n     = chunk;
    dq_pop_o = 1'b0;
    mf_pop   = 1'b0;
    wbf_push = 1'b0;
    unique case (sg_state_q)
      GPop: begin
        if (err_now || sg_abandon_q) begin
          sg_req  = sg_rem_q != '0;    // discard what is left of the copy
          sg_disc = 1'b1;
          sg_n    = sg_rem_q;
        end else begin
          dq_pop_o = dq_avail_i[m_q] && sg_rem_q != '0;
        end
      end
      GAddr, GBurst: begin
        sg_req  = 1'b1;
        sg_disc = err_now;
        if (err_now) sg_n = bl;        // rest of this buffer; GPop discards the others
      end
      GEntry: begin
        wbf_push = !wbf_full;
        mf_pop   = !wbf_full;
      end
      default: ;
    endcase
  end
  assign dq_queue_o = m_q;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      sg_state_q   <= GMeta;
      sg_abandon_q <= 1'b0;
    end else begin
      unique case (sg_state_q)
        GMeta: if (!mf_empty) begin
          sg_rem_q     <= clen;
          sg_k_q       <= '0;
          sg_abandon_q <= 1'b0;
          sg_state_q   <= GPop;
        end
        GPop: begin
          if (err_now || sg_abandon_q) begin
            sg_abandon_q <= 1'b1;
            if (sg_rem_q == '0 || sg_go) begin
              sg_rem_q   <= '0;
              sg_state_q <= GEntry;
            end
          end else if (sg_rem_q == '0) begin
            sg_state_q <= GEntry;
          end else if (dq_avail_i[m_q]) begin
            sg_state_q <= GAddr;
          end
        end
        GAddr, GBurst: begin
          if (sg_state_q == GAddr) begin
            sg_k_q <= sg_k_q + 1'b1;
            if (sg_k_q == '0) sg_first_idx_q <= dq_idx_i;
            sg_last_len_q <= bl_new;
            sg_rem_q      <= sg_rem_q - bl_new;
          end
          if (sg_go) begin
            if (err_now) begin
              sg_abandon_q <= 1'b1;
              sg_state_q   <= GPop;
            end else begin
              sg_cur_q      <= cur + 64'(chunk);
              sg_buf_left_q <= bl - chunk;
              sg_state_q    <= (bl == chunk) ? GPop : GBurst;
            end
          end else begin
            sg_cur_q      <= cur;
            sg_buf_left_q <= bl;
            sg_state_q    <= GBurst;
          end
        end
        GEntry: if (!wbf_full) sg_state_q <= GMeta;
        default: sg_state_q <= GMeta;
      endcase
    end
  end

  // The write-back entry remembers how many AWs the queue had pushed after
  // the copy's last payload burst: its write responses must all be back.
  logic [CntW-1:0] mark_now;
  assign mark_now  = push_cnt_a[m_q];
  assign wbf_wdata = {sg_abandon_q, m_q, sg_first_idx_q, sg_k_q, sg_last_len_q, m_bytes, clen, m_tci,
                      m_strip, m_bcast, m_mcast, mark_now};

  vmq_sync_fifo #(.Width(WbW), .Depth(16)) u_wbf (
    .clk_i (clk_i), .rst_i (rst_i),
    .push_i (wbf_push), .wdata_i (wbf_wdata), .full_o (wbf_full),
    .pop_i (wbf_pop), .rdata_o (wbf_rdata), .empty_o (wbf_empty), .count_o (wbf_cnt_unused)
  );

  // ===========================================================================
  // Write-back issuer
  // ===========================================================================
  logic            e_abandon, e_vp, e_bcast, e_mcast;
  logic [QW-1:0]   e_q;
  logic [11:0]     e_first;
  logic [12:0]     e_ndesc;
  logic [15:0]     e_last_len, e_bytes, e_len, e_tci;
  logic [CntW-1:0] e_mark;
  logic [12:0]     wb_k_q;
  logic            e_ready;
  assign {e_abandon, e_q, e_first, e_ndesc, e_last_len, e_bytes, e_len, e_tci, e_vp, e_bcast, e_mcast,
          e_mark} = wbf_rdata;

  // responses caught up with the mark: (done - mark) mod 2^CntW < 2^(CntW-1)
  logic [CntW-1:0] e_diff;
  assign e_diff  = done_cnt_a[e_q] - e_mark;
  assign e_ready = !wbf_empty && !e_diff[CntW-1];

  logic        e_drop;                   // abandoned, or the queue is in error
  logic        e_last;
  logic [11:0] e_idx;
  assign e_drop = e_abandon || qerr_i[e_q];
  assign e_last = wb_k_q + 1'b1 == e_ndesc;
  assign e_idx  = (e_first + 12'(wb_k_q)) & cfg_mask_i[e_q];

  assign wb_req  = e_ready && !e_drop && e_ndesc != '0;
  assign wb_q    = e_q;
  assign wb_addr = {cfg_base_i[e_q][63:4], 4'b0} + {48'b0, e_idx, 4'b0} + 64'd8;
  always_comb begin
    wb_data = '0;
    wb_data[RX_WB_DD_LSB]                          = 1'b1;
    wb_data[RX_WB_EOP_LSB]                         = e_last;
    wb_data[RX_WB_VP_LSB]                          = e_vp;
    wb_data[RX_WB_BCAST_LSB]                       = e_bcast;
    wb_data[RX_WB_MCAST_LSB]                       = e_mcast;
    wb_data[RX_WB_LEN_LSB +: RX_WB_LEN_W]          = e_last ? e_last_len : e_bytes;
    wb_data[RX_WB_TCI_LSB +: RX_WB_TCI_W]          = e_vp ? e_tci : 16'd0;
    wb_data[RX_WB_FRAME_LEN_LSB +: RX_WB_FRAME_LEN_W] = e_len;
  end

  assign wbf_pop  = (e_ready && (e_drop || e_ndesc == '0)) || (wb_go && e_last);
  assign irq_arm  = wb_go && e_last;
  assign irq_arm_q = e_q;
  assign pkt_o       = wb_go && e_last;
  assign pkt_q_o     = e_q;
  assign pkt_bytes_o = e_len;
  assign abandon_o   = e_ready && e_drop;
  assign copy_done_o   = wbf_pop;
  assign copy_done_q_o = e_q;

  always_ff @(posedge clk_i) begin
    if (rst_i) wb_k_q <= '0;
    else if (wbf_pop) wb_k_q <= '0;
    else if (wb_go) wb_k_q <= wb_k_q + 1'b1;
  end

  logic unused;
  assign unused = ^{m_axi_bid_i[IdW-1:QW]};

`ifndef SYNTHESIS
  // A copy that was not abandoned pops exactly the descriptors it claimed.
  always_ff @(posedge clk_i) begin
    if (!rst_i && wbf_push && !sg_abandon_q && sg_k_q != m_ndesc) begin
      $error("vmq_rx_wr: queue %0d copy popped %0d descriptors, claimed %0d", m_q, sg_k_q, m_ndesc);
    end
  end
`endif

  assign idle_o = !s_tvalid_i && in_first_q && bf_empty && mf_empty && sg_state_q == GMeta &&
                  awf_empty && wcf_empty && wbf_empty && out_q == '0 && acc_c_q == '0;

endmodule

`resetall
