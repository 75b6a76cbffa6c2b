`resetall
`default_nettype none

// vmq_tx_out: transmit scheduling and egress (SPEC §5; docs/tx-dma.md).
//
//   scheduler -> reader (staging RAM, vmq_tx_stage) -> entry FIFO -> formatter -> MAC
//
// Scheduler: among queues whose oldest frame is fully staged (ready), picks
// the next frame one step ahead of the reader. Round-robin: one frame per
// ready queue per round, an unready queue is skipped at once. DRR (CTRL
// TX_DRR): each turn adds the queue's quantum (Q_TX_WEIGHT x 64 bytes) to its
// deficit; the queue sends frames while its deficit covers them (cost: the
// bytes the frame will have on the wire without FCS); a queue with nothing
// posted loses its deficit, one whose next frame is still being read keeps
// its turn.
//
// Reader: reads the frame's staged words (one per cycle) into the entry
// FIFO, then reports `taken` (the staging space is free). An oversize frame
// is not read: one marker entry carries its verdict.
//
// Formatter: a byte accumulator. It inserts the port VLAN tag after the SA,
// captures the host frame's bytes 0..15 (DA, SA, the TPID slot and TCI) for
// the anti-spoofing checks and the loopback classification, decides before
// the first beat leaves, pads to 60 bytes and emits DataW beats. A spoofed
// frame is consumed and dropped without a beat. With CTRL.LOOPBACK_EN the
// frame as sent is classified (vmq_tx_loop_cls) and its beats also go into
// the loopback buffer when any queue gets a copy (to vmq_rx_lb_mux). Every
// frame ends in one verdict (sent / spoof / oversize) with its sent length,
// in frame order.
module vmq_tx_out #(
  parameter int unsigned NumQueues  = 16,
  parameter int unsigned DataW      = 64,
  parameter int unsigned AxiDataW   = 128,
  parameter int unsigned StageBytes = 16384,
  parameter int unsigned NumFilters = 64,
  parameter int unsigned MaxFrameBytes = 9216,
  localparam int unsigned QW        = (NumQueues > 1) ? $clog2(NumQueues) : 1,
  localparam int unsigned LbMetaW   = NumQueues + 16 + 1 + 16 + 1 + 1,
  localparam int unsigned AB        = AxiDataW / 8,
  localparam int unsigned DB        = DataW / 8,
  localparam int unsigned LB        = $clog2(AB),
  localparam int unsigned SW        = $clog2(StageBytes) + 1,
  localparam int unsigned WW        = $clog2(StageBytes) - LB
) (
  input  logic                        clk_i,
  input  logic                        rst_i,
  input  logic [NumQueues-1:0]        qrst_i,

  // configuration
  input  logic                        cfg_drr_i,
  input  logic [NumQueues-1:0][15:0]  cfg_weight_i,
  input  logic [NumQueues-1:0]        cfg_ins_i,
  input  logic [NumQueues-1:0][15:0]  cfg_tci_i,
  input  logic [NumQueues-1:0]        cfg_spoof_mac_i,
  input  logic [NumQueues-1:0]        cfg_spoof_vlan_i,
  input  logic [NumQueues-1:0][47:0]  cfg_mac_i,
  input  logic [15:0]                 cfg_tpid_i,
  // VM-to-VM loopback (SPEC §5): CTRL.LOOPBACK_EN, the receive filter table
  // and per-queue receive settings
  input  logic                        cfg_lb_en_i,
  input  logic [NumFilters-1:0]                tbl_valid_i,
  input  logic [NumFilters-1:0][1:0]           tbl_type_i,
  input  logic [NumFilters-1:0][47:0]          tbl_mac_i,
  input  logic [NumFilters-1:0][11:0]          tbl_vid_i,
  input  logic [NumFilters-1:0][NumQueues-1:0] tbl_qmask_i,
  input  logic [NumQueues-1:0]        cfg_bcast_i,
  input  logic [NumQueues-1:0]        cfg_mcast_i,
  input  logic [NumQueues-1:0]        cfg_promisc_i,
  input  logic [NumQueues-1:0]        cfg_rx_enable_i,

  // frame records (vmq_tx_ring) and staging progress (vmq_tx_stage)
  input  logic [NumQueues-1:0]        hd_valid_i,
  input  logic [NumQueues-1:0][15:0]  hd_bend_i,
  input  logic [NumQueues-1:0][15:0]  hd_len_i,
  input  logic [NumQueues-1:0][SW-1:0] hd_staged_i,
  input  logic [NumQueues-1:0]        hd_ovs_i,
  input  logic [NumQueues-1:0]        rec_avail_i,
  input  logic [NumQueues-1:0][15:0]  bursts_done_i,
  input  logic [NumQueues-1:0]        q_error_i,
  output logic                        taken_o,
  output logic [QW-1:0]               taken_q_o,
  output logic                        vd_o,
  output logic [QW-1:0]               vd_q_o,
  output logic [1:0]                  vd_code_o,     // 0 sent, 1 spoof, 2 oversize
  output logic [15:0]                 vd_len_o,
  output logic [NumQueues-1:0]        busy_o,
  output logic                        idle_o,

  // staging read port
  output logic                        rd_en_o,
  output logic [QW-1:0]               rd_q_o,
  output logic [WW-1:0]               rd_word_o,
  input  logic [AxiDataW-1:0]         rd_data_i,

  // MAC transmit stream
  output logic [DataW-1:0]            m_tdata_o,
  output logic [DB-1:0]               m_tkeep_o,
  output logic                        m_tvalid_o,
  input  logic                        m_tready_i,
  output logic                        m_tlast_o,
  output logic                        m_tuser_o,

  // looped frames (to vmq_rx_lb_mux): beats, one metadata entry per frame
  // {qmask, len, tagged, tci, bcast, mcast} written with its last beat
  output logic [DataW-1:0]            lb_tdata_o,
  output logic [DB-1:0]               lb_tkeep_o,
  output logic                        lb_tvalid_o,
  input  logic                        lb_tready_i,
  output logic                        lb_tlast_o,
  output logic                        lb_meta_valid_o,
  output logic [LbMetaW-1:0]          lb_meta_o,
  input  logic                        lb_meta_pop_i
);
  localparam int unsigned FifoD = 8;
  localparam int unsigned LbResv = (MaxFrameBytes + DB - 1) / DB + 1;   // beats of a max frame
  localparam int unsigned LbDepth = 1 << $clog2(LbResv + 1);
  localparam int unsigned Cap   = AB + 4 + DB;          // accumulator bytes
  localparam int unsigned CW    = $clog2(Cap + 1);

  // ---------------------------------------------------------------------------
  // Readiness and scheduling
  // ---------------------------------------------------------------------------
  logic [NumQueues-1:0] ready, busy_v, pipe;
  logic          sch_v_q, sch_take;
  logic [QW-1:0] sch_q_q;
  logic          rd_busy_q;
  logic [QW-1:0] rd_q_q;

  for (genvar q = 0; q < NumQueues; q++) begin : gen_ready
    logic [15:0] d_unused;
    logic        behind;   // bursts_done has not reached the frame's mark
    assign d_unused = bursts_done_i[q] - hd_bend_i[q];
    assign behind   = d_unused[15];
    assign ready[q] = hd_valid_i[q] && !q_error_i[q] && !behind && !qrst_i[q] &&
                      !(sch_v_q && sch_q_q == QW'(q)) && !(rd_busy_q && rd_q_q == QW'(q));
    // its next frame waits only for the one ahead of it to leave the scheduler
    // and reader (or for the record to load): DRR keeps the turn meanwhile
    assign pipe[q] = (sch_v_q && sch_q_q == QW'(q)) || (rd_busy_q && rd_q_q == QW'(q)) ||
                     (rec_avail_i[q] && !hd_valid_i[q]);
  end

  function automatic logic [QW:0] rr_pick(input logic [NumQueues-1:0] v, input logic [QW-1:0] from);
    logic [QW-1:0] k;
    rr_pick = '0;
    for (int unsigned i = 0; i < NumQueues; i++) begin
      k = QW'((32'(from) + i) % NumQueues);
      if (!rr_pick[QW] && v[k]) rr_pick = {1'b1, k};
    end
  endfunction

  // cost of the head frame of q on the wire (no FCS): host bytes + tag, >= 60
  // (an oversize frame is dropped unsent: it costs nothing)
  function automatic logic [19:0] cost(input logic [15:0] len, input logic ins, input logic ovs);
    logic [19:0] c;
    c = 20'(len) + (ins ? 20'd4 : 20'd0);
    cost = ovs ? 20'd0 : (c < 20'd60) ? 20'd60 : c;
  endfunction

  logic [QW-1:0] cur_q;          // RR: last served; DRR: queue whose turn it is
  logic          in_turn_q;
  // deficit: below the head frame's cost (<= 65539) when a quantum (<= 65535
  // x 64) is added, so 23 bits hold it (issue 16: 21 bits truncated the
  // quantum of weights >= 0x8000 to nothing and starved the queue)
  localparam int unsigned DefW = 23;
  logic [NumQueues-1:0][DefW-1:0] deficit_q;
  logic [QW:0]   pk;
  logic          pick;
  logic [QW-1:0] pick_q;
  logic          sch_free;

  assign sch_free = !sch_v_q || sch_take;
  assign pk       = rr_pick(ready, QW'((32'(cur_q) + 1) % NumQueues));
  always_comb begin
    pick   = 1'b0;
    pick_q = pk[QW-1:0];
    if (sch_free) begin
      if (!cfg_drr_i) begin
        pick = pk[QW];
      end else if (in_turn_q && ready[cur_q] &&
                   deficit_q[cur_q] >= DefW'(cost(hd_len_i[cur_q], cfg_ins_i[cur_q], hd_ovs_i[cur_q]))) begin
        pick   = 1'b1;
        pick_q = cur_q;
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      cur_q     <= QW'(NumQueues - 1);
      in_turn_q <= 1'b0;
      deficit_q <= '0;
      sch_v_q   <= 1'b0;
      sch_q_q   <= '0;
    end else begin
      if (sch_take) sch_v_q <= 1'b0;
      if (pick) begin
        sch_v_q <= 1'b1;
        sch_q_q <= pick_q;
      end
      if (!cfg_drr_i) begin
        in_turn_q <= 1'b0;
        deficit_q <= '0;
        if (pick) cur_q <= pick_q;
      end else if (sch_free) begin
        if (pick) begin
          deficit_q[cur_q] <= deficit_q[cur_q] - DefW'(cost(hd_len_i[cur_q], cfg_ins_i[cur_q], hd_ovs_i[cur_q]));
        end else if (in_turn_q && pipe[cur_q]) begin
          // wait for the queue's next frame to become visible
        end else if (in_turn_q || !ready[cur_q]) begin
          // the turn ends; a queue with nothing posted loses its deficit
          if (!ready[cur_q] && !pipe[cur_q] && !rec_avail_i[cur_q]) deficit_q[cur_q] <= '0;
          in_turn_q <= 1'b0;
          if (pk[QW]) cur_q <= pk[QW-1:0];   // the next ready queue (cur_q again if alone)
        end else begin
          // a new turn of a ready queue: add its quantum (weight 0 counts as 1)
          deficit_q[cur_q] <= deficit_q[cur_q] +
                              DefW'({(cfg_weight_i[cur_q] == '0) ? 16'd1 : cfg_weight_i[cur_q], 6'b0});
          in_turn_q <= 1'b1;
        end
      end
      for (int unsigned q = 0; q < NumQueues; q++) if (qrst_i[q]) deficit_q[q] <= '0;
    end
  end

  // ---------------------------------------------------------------------------
  // Reader
  // ---------------------------------------------------------------------------
  typedef struct packed {
    logic [AxiDataW-1:0] data;
    logic [LB:0]         nb;      // valid bytes from lane 0
    logic                first;
    logic                last;
    logic                ovs;
    logic [QW-1:0]       q;
  } ent_t;

  logic [NumQueues-1:0][WW-1:0] optr_q;
  logic [WW:0]    rd_left_q;     // words still to read
  logic [SW-1:0]  rd_bytes_q;    // bytes of the frame not yet read
  logic           rd_first_q, rd_ovs_q;
  logic [WW-1:0]  rd_w_q;
  logic           rdv_q;         // a read is in flight: data next cycle
  ent_t           rdm_q;         // its entry fields (data from the RAM)
  logic           f_push, f_full, f_pop, f_empty;
  ent_t           f_wdata, f_rdata;
  logic [$clog2(FifoD):0] f_count;
  logic           rd_issue, rd_marker;

  // one read per cycle while the FIFO has room for it and the read in flight
  assign rd_issue  = rd_busy_q && !rd_ovs_q && rd_left_q != '0 &&
                     32'(f_count) + 32'(rdv_q) + 32'(f_push) < FifoD - 1;
  assign rd_marker = rd_busy_q && (rd_ovs_q || rd_left_q == '0) && rd_first_q &&
                     32'(f_count) + 32'(rdv_q) < FifoD - 1 && !rdv_q;
  assign rd_en_o   = rd_issue;
  assign rd_q_o    = rd_q_q;
  assign rd_word_o = rd_w_q;
  assign taken_o   = rd_busy_q && ((rd_issue && rd_left_q == (WW+1)'(1)) || rd_marker);
  assign taken_q_o = rd_q_q;
  assign sch_take  = sch_v_q && (!rd_busy_q || taken_o);

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      rd_busy_q  <= 1'b0;
      rd_q_q     <= '0;
      rd_left_q  <= '0;
      rd_bytes_q <= '0;
      rd_first_q <= 1'b0;
      rd_ovs_q   <= 1'b0;
      rd_w_q     <= '0;
      rdv_q      <= 1'b0;
      rdm_q      <= '0;
      optr_q     <= '0;
    end else begin
      rdv_q <= rd_issue;
      if (rd_issue) begin
        logic [SW-1:0] nb;
        nb = (32'(rd_bytes_q) < AB) ? rd_bytes_q : SW'(AB);
        rdm_q      <= '{data: '0, nb: (LB+1)'(nb), first: rd_first_q,
                        last: rd_left_q == (WW+1)'(1), ovs: 1'b0, q: rd_q_q};
        rd_w_q     <= rd_w_q + 1'b1;
        rd_left_q  <= rd_left_q - 1'b1;
        rd_bytes_q <= rd_bytes_q - nb;
        rd_first_q <= 1'b0;
      end
      if (taken_o) begin
        rd_busy_q <= 1'b0;
        optr_q[rd_q_q] <= rd_w_q + WW'(rd_left_q);   // an oversize frame's words are skipped
      end
      if (sch_take) begin
        logic [SW-1:0] st;
        st = hd_staged_i[sch_q_q];
        rd_busy_q  <= 1'b1;
        rd_q_q     <= sch_q_q;
        rd_ovs_q   <= hd_ovs_i[sch_q_q];
        rd_first_q <= 1'b1;
        rd_bytes_q <= st;
        rd_left_q  <= (WW+1)'((32'(st) + AB - 1) / AB);
        rd_w_q     <= optr_q[sch_q_q];
      end
      for (int unsigned q = 0; q < NumQueues; q++) if (qrst_i[q]) optr_q[q] <= '0;
    end
  end

  always_comb begin
    f_push  = 1'b0;
    f_wdata = rdm_q;
    if (rdv_q) begin
      f_push = 1'b1;
      f_wdata.data = rd_data_i;
    end else if (rd_marker) begin
      f_push  = 1'b1;
      f_wdata = '{data: '0, nb: '0, first: 1'b1, last: 1'b1, ovs: rd_ovs_q, q: rd_q_q};
    end
  end

  vmq_sync_fifo #(.Width($bits(ent_t)), .Depth(FifoD)) u_fifo (
    .clk_i   (clk_i),
    .rst_i   (rst_i),
    .push_i  (f_push),
    .wdata_i (f_wdata),
    .full_o  (f_full),
    .pop_i   (f_pop),
    .rdata_o (f_rdata),
    .empty_o (f_empty),
    .count_o (f_count)
  );

  // ---------------------------------------------------------------------------
  // Formatter
  // ---------------------------------------------------------------------------
  logic [Cap*8-1:0] acc_q;
  logic [CW-1:0]    cnt_q;
  logic             act_q;       // a frame is in the formatter
  logic [QW-1:0]    fq_q;
  logic [15:0]      raw_q;       // host bytes taken in
  logic [15:0]      tot_q;       // bytes pushed (incl. tag and padding)
  logic             in_done_q;   // last entry taken
  logic [15:0][7:0] hdr_q;       // host bytes 0..15
  logic             inserted_q;

  logic             spoof, spoof_now, decided, fin, emit, lastb, lb_tvalid_n;
  logic             dec_v_q, spoof_q;   // the frame's spoof decision, held once taken
  logic             take, ovs_e, drop_e, first_ok, sent_end, drop_end;
  logic [CW-1:0]    pop_n;
  logic [15:0]      pad_need;

  assign pad_need = (tot_q < 16'd60) ? 16'd60 - tot_q : 16'd0;
  assign fin      = act_q && in_done_q && pad_need == '0;
  assign decided  = act_q && (in_done_q || raw_q >= 16'd16);
  always_comb begin
    logic [47:0] sa;
    logic [15:0] tp;
    sa = {hdr_q[6], hdr_q[7], hdr_q[8], hdr_q[9], hdr_q[10], hdr_q[11]};
    tp = {hdr_q[12], hdr_q[13]};
    // A port-VLAN queue's frame of 12 host bytes or fewer has no byte 12 to
    // put the tag before and would leave untagged: a VLAN spoof, with or
    // without anti-spoofing (docs/tx-dma.md "Short frames"). Header bytes a
    // short frame lacks read as zero (hdr_q is cleared per frame).
    spoof_now = (cfg_spoof_mac_i[fq_q] && sa != cfg_mac_i[fq_q]) ||
                (cfg_spoof_vlan_i[fq_q] && cfg_ins_i[fq_q] && tp == cfg_tpid_i) ||
                (cfg_ins_i[fq_q] && in_done_q && !inserted_q);
    // Decided once, in the frame's first decided cycle, before its first
    // beat: a host that changes Q_TX_CTRL's anti-spoofing bits, the MAC or
    // the port VLAN while the frame leaves must not turn it into a drop
    // after beats went out (issue 16: the frame was cut without tlast and
    // the next queue's frame appended to it on the wire).
    spoof = dec_v_q ? spoof_q : spoof_now;
  end

  // loopback classification: inputs registered once the header is in, the
  // result one cycle later (emission waits for it while loopback is on)
  logic                 cls_in_q, cls_v_q, cls_lb_q, first_beat_q;
  logic [47:0]          cls_da_q;
  logic                 cls_tagged_q;
  logic [15:0]          cls_tci_q;
  logic [NumQueues-1:0] cls_m, cls_m_q;
  logic                 cls_local_unused, cls_wire, cls_wire_q, cls_bc, cls_mc, cls_bc_q, cls_mc_q;
  logic                 lb_frame, wire_frame, lb_room, fire;
  logic [LbMetaW-1:0]   lb_meta_d;
  logic                 lbf_full, lbm_full, lbm_empty;
  logic [$clog2(LbDepth):0] lbf_free;
  logic [2:0]           lbm_count_unused;

  vmq_tx_loop_cls #(.NumQueues(NumQueues), .NumFilters(NumFilters)) u_cls (
    .tbl_valid_i     (tbl_valid_i),
    .tbl_type_i      (tbl_type_i),
    .tbl_mac_i       (tbl_mac_i),
    .tbl_vid_i       (tbl_vid_i),
    .tbl_qmask_i     (tbl_qmask_i),
    .cfg_bcast_i     (cfg_bcast_i),
    .cfg_mcast_i     (cfg_mcast_i),
    .cfg_promisc_i   (cfg_promisc_i),
    .cfg_rx_enable_i (cfg_rx_enable_i),
    .da_i            (cls_da_q),
    .tagged_i        (cls_tagged_q),
    .vid_i           (cls_tci_q[11:0]),
    .src_q_i         (fq_q),
    .qmask_o         (cls_m),
    .local_o         (cls_local_unused),
    .to_wire_o       (cls_wire),
    .bcast_o         (cls_bc),
    .mcast_o         (cls_mc)
  );

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      cls_in_q     <= 1'b0;
      cls_v_q      <= 1'b0;
      cls_lb_q     <= 1'b0;
      cls_da_q     <= '0;
      cls_tagged_q <= 1'b0;
      cls_tci_q    <= '0;
      cls_m_q      <= '0;
      cls_wire_q   <= 1'b1;
      cls_bc_q     <= 1'b0;
      cls_mc_q     <= 1'b0;
    end else begin
      if (decided && !spoof && !cls_in_q) begin
        logic host_tag;
        host_tag     = {hdr_q[12], hdr_q[13]} == cfg_tpid_i;
        cls_in_q     <= 1'b1;
        cls_da_q     <= {hdr_q[0], hdr_q[1], hdr_q[2], hdr_q[3], hdr_q[4], hdr_q[5]};
        // the frame as sent: the port tag is outermost when inserted
        cls_tagged_q <= inserted_q || host_tag;
        cls_tci_q    <= inserted_q ? cfg_tci_i[fq_q] : host_tag ? {hdr_q[14], hdr_q[15]} : 16'h0;
      end
      if (cls_in_q && !cls_v_q) begin
        cls_v_q    <= 1'b1;
        cls_m_q    <= cls_lb_q ? cls_m : '0;
        cls_wire_q <= !cls_lb_q || cls_wire;
        cls_bc_q   <= cls_bc;
        cls_mc_q   <= cls_mc;
      end
      if (sent_end || drop_end || (take && f_rdata.first)) begin
        cls_in_q <= 1'b0;
        cls_v_q  <= 1'b0;
      end
      // loopback on or off for the whole frame, as it was when it entered
      if (take && f_rdata.first) cls_lb_q <= cfg_lb_en_i;
    end
  end

  // with loopback off a frame goes to the wire without waiting for the
  // classification (no bubble between frames)
  assign lb_frame   = cls_lb_q && cls_m_q != '0;
  assign wire_frame = !cls_lb_q || cls_wire_q;
  // a looped frame starts only with room for a maximum frame in the buffer
  assign lb_room    = !lb_frame || !first_beat_q ||
                      (32'(lbf_free) >= LbResv && !lbm_full);

  // output beats
  assign emit  = decided && !spoof && (cls_v_q || !cls_lb_q) && lb_room &&
                 (32'(cnt_q) >= DB || (fin && cnt_q != '0));
  assign lastb = fin && 32'(cnt_q) <= DB;
  assign fire  = emit && (!wire_frame || m_tready_i);
  assign m_tvalid_o = emit && wire_frame;
  assign m_tlast_o  = lastb;
  assign m_tuser_o  = 1'b0;
  assign m_tdata_o  = acc_q[DataW-1:0];
  always_comb begin
    for (int unsigned i = 0; i < DB; i++) m_tkeep_o[i] = 32'(i) < 32'(cnt_q);
  end
  assign pop_n = fire ? ((32'(cnt_q) >= DB) ? CW'(DB) : cnt_q) : '0;

  // loopback buffer and its frame metadata
  // (written with the last beat: tot_q is the frame's final length)
  assign lb_meta_d = {cls_m_q, tot_q, cls_tagged_q, cls_tci_q, cls_bc_q, cls_mc_q};
  vmq_ram_fifo #(.Width(DataW + DB + 1), .Depth(LbDepth)) u_lb_data (
    .clk_i   (clk_i),
    .rst_i   (rst_i),
    .push_i  (fire && lb_frame),
    .wdata_i ({m_tdata_o, m_tkeep_o, lastb}),
    .full_o  (lbf_full),
    .pop_i   (lb_tvalid_o && lb_tready_i),
    .rdata_o ({lb_tdata_o, lb_tkeep_o, lb_tlast_o}),
    .empty_o (lb_tvalid_n),
    .free_o  (lbf_free)
  );
  assign lb_tvalid_o = !lb_tvalid_n;
  vmq_sync_fifo #(.Width(LbMetaW), .Depth(4)) u_lb_meta (
    .clk_i   (clk_i),
    .rst_i   (rst_i),
    .push_i  (fire && lb_frame && lastb),
    .wdata_i (lb_meta_d),
    .full_o  (lbm_full),
    .pop_i   (lb_meta_pop_i),
    .rdata_o (lb_meta_o),
    .empty_o (lbm_empty),
    .count_o (lbm_count_unused)
  );
  assign lb_meta_valid_o = !lbm_empty;

  // input side
  logic [(AB+4)*8-1:0] chunk;
  logic [CW-1:0] chunk_n;
  logic          ins_now;
  logic [15:0]   off;

  assign off      = f_rdata.first ? 16'd0 : raw_q;
  // a new frame enters once the previous one has left entirely
  assign first_ok = !act_q || (sent_end);
  always_comb begin
    logic [AxiDataW-1:0] d;
    logic [15:0] l12;
    logic [(AB+4)*8-1:0] lowm, tag;
    lowm = '0;
    tag  = '0;
    d = f_rdata.data;
    for (int unsigned i = 0; i < AB; i++) if (32'(i) >= 32'(f_rdata.nb)) d[8*i +: 8] = 8'h00;
    ins_now = cfg_ins_i[f_rdata.q] && off <= 16'd12 && 16'd12 < off + 16'(f_rdata.nb);
    l12     = 16'd12 - off;
    chunk   = ((AB+4)*8)'(d);
    chunk_n = CW'(f_rdata.nb);
    if (ins_now) begin
      lowm    = ((AB+4)*8)'((((AB+4)*8)'(1) << (8 * 32'(l12))) - 1);
      tag     = ((AB+4)*8)'({cfg_tci_i[f_rdata.q][7:0], cfg_tci_i[f_rdata.q][15:8],
                             cfg_tpid_i[7:0], cfg_tpid_i[15:8]}) << (8 * 32'(l12));
      chunk   = (((AB+4)*8)'(d) & lowm) | tag | ((((AB+4)*8)'(d) & ~lowm) << 32);
      chunk_n = CW'(32'(f_rdata.nb) + 4);
    end
  end
  assign ovs_e  = !f_empty && f_rdata.ovs;
  // a spoofed frame: its remaining entries are popped and dropped
  assign drop_e = !f_empty && act_q && decided && spoof && !f_rdata.first;
  logic [CW-1:0] base_c;   // accumulator bytes left after this cycle's beat
  assign base_c = (f_rdata.first && sent_end) ? '0 : cnt_q - pop_n;
  assign take   = !f_empty && !f_rdata.ovs && !drop_e &&
                  (f_rdata.first ? first_ok : (act_q && !in_done_q)) &&
                  32'(base_c) + 32'(chunk_n) <= Cap;
  assign f_pop  = take || drop_e || (ovs_e && !act_q);

  // verdicts
  assign sent_end = act_q && fin && !spoof && fire && lastb;
  assign drop_end = act_q && decided && spoof && in_done_q;
  always_comb begin
    vd_o      = 1'b0;
    vd_q_o    = fq_q;
    vd_code_o = 2'd0;
    vd_len_o  = tot_q;
    if (sent_end) begin
      vd_o = 1'b1;
    end else if (drop_end) begin
      vd_o      = 1'b1;
      vd_code_o = 2'd1;
      vd_len_o  = '0;
    end else if (ovs_e && !act_q) begin
      vd_o      = 1'b1;
      vd_q_o    = f_rdata.q;
      vd_code_o = 2'd2;
      vd_len_o  = '0;
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      acc_q      <= '0;
      cnt_q      <= '0;
      act_q      <= 1'b0;
      fq_q       <= '0;
      raw_q      <= '0;
      tot_q      <= '0;
      in_done_q  <= 1'b0;
      hdr_q      <= '0;
      inserted_q <= 1'b0;
      first_beat_q <= 1'b0;
      dec_v_q    <= 1'b0;
      spoof_q    <= 1'b0;
    end else begin
      logic [Cap*8-1:0] a;
      logic [CW-1:0]    c;
      logic [15:0]      pad;
      if (decided && !dec_v_q) begin
        dec_v_q <= 1'b1;
        spoof_q <= spoof_now;
      end
      a = acc_q >> (8 * 32'(pop_n));
      c = cnt_q - pop_n;
      if (sent_end || drop_end) begin
        act_q   <= 1'b0;
        dec_v_q <= 1'b0;
        a = '0;
        c = '0;
      end
      // padding: the bytes past cnt are zero already
      pad = (32'(Cap) - 32'(c) < 32'(pad_need)) ? 16'(32'(Cap) - 32'(c)) : pad_need;
      if (act_q && in_done_q && !spoof && !sent_end && pad != '0) begin
        c = c + CW'(pad);
        tot_q <= tot_q + pad;
      end
      if (take) begin
        a = a | (Cap*8)'((Cap*8)'(chunk) << (8 * 32'(c)));
        c = c + chunk_n;
        if (f_rdata.first) begin
          act_q      <= 1'b1;
          fq_q       <= f_rdata.q;
          raw_q      <= 16'(f_rdata.nb);
          tot_q      <= 16'(chunk_n);
          inserted_q <= ins_now;
          hdr_q      <= '0;
        end else begin
          raw_q <= raw_q + 16'(f_rdata.nb);
          tot_q <= tot_q + 16'(chunk_n);
          inserted_q <= inserted_q | ins_now;
        end
        in_done_q <= f_rdata.last;
        for (int unsigned j = 0; j < 16; j++) begin
          if (off <= 16'(j) && 16'(j) < off + 16'(f_rdata.nb))
            hdr_q[j] <= f_rdata.data[8 * (j - 32'(off)) +: 8];
        end
      end
      if (drop_e && f_rdata.last) in_done_q <= 1'b1;
      if (fire) first_beat_q <= 1'b0;
      if (take && f_rdata.first) first_beat_q <= 1'b1;
      acc_q <= a;
      cnt_q <= c;
    end
  end

  // ---------------------------------------------------------------------------
  // Frames held per queue (from scheduling to verdict), idle
  // ---------------------------------------------------------------------------
  for (genvar q = 0; q < NumQueues; q++) begin : gen_busy
    logic [3:0] n_q;   // at most scheduler + reader + FIFO + formatter: 11
    always_ff @(posedge clk_i) begin
      if (rst_i) n_q <= '0;
      else n_q <= n_q + 4'(pick && pick_q == QW'(q)) - 4'(vd_o && vd_q_o == QW'(q));
    end
    assign busy_v[q] = n_q != '0;
  end
  assign busy_o = busy_v;
  // Whole looped frames still waiting in the loopback buffer do not count:
  // during a global soft reset the receive side takes no new frame (hold),
  // so waiting for them would never end (issue 16: RESET_BUSY stuck with
  // loopback on); the datapath reset discards them. A frame being written
  // into the buffer keeps the formatter active (act_q), so only whole
  // frames are dropped.
  assign idle_o = busy_v == '0 && f_empty && !act_q && !rd_busy_q && !sch_v_q;

  logic unused;
  assign unused = ^{f_full, lbf_full, lbm_count_unused, cls_local_unused};
endmodule

`resetall
