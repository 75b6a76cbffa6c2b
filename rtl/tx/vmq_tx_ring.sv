`resetall
`default_nettype none

// vmq_tx_ring: transmit queue manager (SPEC §4, §5, §7; docs/tx-dma.md).
//
// Per queue: ring state, a cache of DescCache descriptors filled by
// descriptor reads (AXI ID {01, q}), the frame walker that turns the
// descriptors of one frame into payload reads (AXI ID {11, q}) plus burst
// tags for vmq_tx_stage, the frame records (FrameRecs per queue) that carry a
// frame from the walker through vmq_tx_out to its completion write, the
// completion writer (AW/W, ID {01, q}), the lifecycle status and the
// per-queue reset.
//
// Frame record life: the walker writes it once the frame's EOP descriptor is
// walked (rec_wr); vmq_tx_out takes the oldest unsent record of a queue from
// hd_*_o, reports `taken` when the frame's staged bytes have been read
// (rec_out: its staging space is freed) and `verdict` once the frame was
// sent or dropped (rec_vd); the completion writer writes the verdict into
// the frame's EOP descriptor (rec_cmp) and the write response advances HEAD
// and raises the TX interrupt cause (rec_ack).
//
// Oversize (SPEC §5): the walker sums the descriptor lengths; once the sum
// plus the port tag exceeds max_frame it issues no more reads for the frame,
// which then carries the oversize flag and is completed with an error.
module vmq_tx_ring #(
  parameter int unsigned NumQueues     = 16,
  parameter int unsigned AxiDataW      = 128,
  parameter int unsigned MaxFrameBytes = 9216,
  parameter int unsigned StageBytes    = 16384,  // staging per queue (vmq_tx_stage)
  parameter int unsigned DescCache     = 16,     // cached descriptors per queue
  parameter int unsigned FrameRecs     = 16,     // frame records per queue
  parameter int unsigned TagDepth      = 32,     // payload bursts in flight per queue
  localparam int unsigned QW           = (NumQueues > 1) ? $clog2(NumQueues) : 1,
  localparam int unsigned IdW          = QW + 2,
  localparam int unsigned AB           = AxiDataW / 8,
  localparam int unsigned LB           = $clog2(AB),
  localparam int unsigned SW           = $clog2(StageBytes) + 1
) (
  input  logic                        clk_i,
  input  logic                        rst_i,
  input  logic                        hold_i,       // global soft reset pending

  // Configuration
  input  logic [NumQueues-1:0]        cfg_enable_i,
  input  logic [NumQueues-1:0][63:0]  cfg_base_i,
  input  logic [NumQueues-1:0][3:0]   cfg_log2_i,
  input  logic [NumQueues-1:0][11:0]  cfg_tail_i,
  input  logic [NumQueues-1:0]        cfg_ins_i,    // port VLAN set: a 4-byte tag is inserted
  input  logic [15:0]                 cfg_max_frame_i,
  input  logic [NumQueues-1:0]        q_reset_i,

  // Status
  output logic [NumQueues-1:0][11:0]  head_o,
  output logic [NumQueues-1:0]        running_o,
  output logic [NumQueues-1:0]        stopped_o,
  output logic [NumQueues-1:0]        error_o,
  output logic [NumQueues-1:0]        resetting_o,
  output logic [NumQueues-1:0]        err_event_o,  // pulse: queue entered the error state
  output logic [NumQueues-1:0][2:0]   cause_o,      // why it is in error (Q_TX_STATUS.CAUSE)
  output logic [1:0]                  host_fault_o, // queues entering error by a host fault this cycle (queue_errors)
  output logic [NumQueues-1:0]        tx_irq_o,     // pulse: a completion's write response came back
  output logic [1:0]                  dma_err_o,    // dma_errors to add this cycle
  output logic                        idle_o,       // no AXI transaction outstanding
  output logic [NumQueues-1:0]        qrst_o,       // pulse: per-queue reset applied (stage, out)

  // Walker -> vmq_tx_stage: burst tags
  output logic                        tag_push_o,
  output logic [QW-1:0]               tag_q_o,
  output logic [LB-1:0]               tag_lo_o,     // first byte lane of the burst
  output logic [12:0]                 tag_n_o,      // bytes of the burst (1..4096)
  output logic                        tag_sof_o,    // first burst of a frame
  input  logic [NumQueues-1:0][15:0]  bursts_done_i,

  // Frame records -> vmq_tx_out
  output logic [NumQueues-1:0]        hd_valid_o,
  output logic [NumQueues-1:0][15:0]  hd_bend_o,    // ready when bursts_done reaches this
  output logic [NumQueues-1:0][15:0]  hd_len_o,     // host bytes (sum of descriptor lengths, saturated)
  output logic [NumQueues-1:0][SW-1:0] hd_staged_o, // bytes staged
  output logic [NumQueues-1:0]        hd_ovs_o,     // oversize: drop
  output logic [NumQueues-1:0]        rec_avail_o,  // records not yet taken (head one included)
  input  logic                        taken_i,      // oldest record of taken_q_i read out
  input  logic [QW-1:0]               taken_q_i,
  input  logic                        vd_i,         // verdict of the oldest unjudged record
  input  logic [QW-1:0]               vd_q_i,
  input  logic [1:0]                  vd_code_i,    // 0 sent, 1 spoof, 2 oversize
  input  logic [15:0]                 vd_len_i,     // bytes sent (after insertion and padding)
  input  logic [NumQueues-1:0]        out_busy_i,   // vmq_tx_out holds a frame of the queue

  // AXI4 read address (descriptor reads and payload reads; two sources)
  output logic                        dar_valid_o,
  input  logic                        dar_ready_i,
  output logic [IdW-1:0]              dar_id_o,
  output logic [63:0]                 dar_addr_o,
  output logic [7:0]                  dar_len_o,
  output logic                        par_valid_o,
  input  logic                        par_ready_i,
  output logic [IdW-1:0]              par_id_o,
  output logic [63:0]                 par_addr_o,
  output logic [7:0]                  par_len_o,
  // descriptor read data (ID kind 01 only)
  input  logic                        dr_valid_i,
  output logic                        dr_ready_o,
  input  logic [IdW-1:0]              dr_id_i,
  input  logic [AxiDataW-1:0]         dr_data_i,
  input  logic [1:0]                  dr_resp_i,
  input  logic                        dr_last_i,
  input  logic                        pl_err_i,     // a payload burst of pl_err_q_i failed
  input  logic [QW-1:0]               pl_err_q_i,

  // AXI4 completion writes
  output logic                        aw_valid_o,
  input  logic                        aw_ready_i,
  output logic [IdW-1:0]              aw_id_o,
  output logic [63:0]                 aw_addr_o,
  output logic                        w_valid_o,
  input  logic                        w_ready_i,
  output logic [AxiDataW-1:0]         w_data_o,
  output logic [AxiDataW/8-1:0]       w_strb_o,
  input  logic                        b_valid_i,
  input  logic [IdW-1:0]              b_id_i,
  input  logic [1:0]                  b_resp_i
);
  import vmq_reg_pkg::*;

  localparam int unsigned DCW  = $clog2(DescCache);
  localparam int unsigned FRW  = $clog2(FrameRecs);
  localparam int unsigned Resv = ((MaxFrameBytes + AB - 1) / AB) * AB;
  localparam bit          Narrow = AB == 8;   // a descriptor spans two R beats

  if ((1 << DCW) != DescCache || DescCache < 4 || (1 << FRW) != FrameRecs ||
      FrameRecs < 2 || (1 << (SW - 1)) != StageBytes || StageBytes < Resv ||
      AB < 8 || TagDepth > 32768) begin : gen_bad
    $fatal(1, "vmq_tx_ring: bad parameters");
  end

  // ---------------------------------------------------------------------------
  // Storage: descriptor cache, frame records, verdicts (async-read arrays)
  // ---------------------------------------------------------------------------
  typedef struct packed {
    logic        eop;
    logic [15:0] len;
    logic [63:0] addr;
  } desc_t;
  typedef struct packed {
    logic [15:0]   bend;
    logic [15:0]   len;
    logic [SW-1:0] staged;
    logic          ovs;
    logic [11:0]   hafter;   // ring index after the frame's EOP descriptor
  } rec_t;
  typedef struct packed {
    logic [1:0]  code;
    logic [15:0] len;
  } vd_t;

  desc_t dcache [NumQueues * DescCache];
  rec_t  recs   [NumQueues * FrameRecs];
  vd_t   vds    [NumQueues * FrameRecs];

  // ---------------------------------------------------------------------------
  // Per-queue state
  // ---------------------------------------------------------------------------
  logic [NumQueues-1:0][11:0]    mask_a, fetch_a, by_tail_a;
  logic [NumQueues-1:0][DCW:0]   dcw_a, dcr_a, eopc_a, incache_a;
  logic [NumQueues-1:0][FRW:0]   rwr_a, rout_a, rvd_a, rcmp_a, rack_a;
  logic [NumQueues-1:0][SW-1:0]  used_a;
  logic [NumQueues-1:0][15:0]    bi_a;
  logic [NumQueues-1:0][63:0]    base_a;
  logic [NumQueues-1:0][3:0]     l2_a;
  logic [NumQueues-1:0]          err_a, rstp_a, rdbusy_a, walk_ok_a, fetch_ok_a, cmp_ok_a;
  logic [NumQueues-1:0]          ldp_a, rerr_first_a, err_ev_a, apply_a, ring_ev_a, gath_ev_a;
  logic [NumQueues-1:0][2:0]     cause_a;
  logic [NumQueues-1:0][8:0]     fetch_n_a;
  logic [NumQueues-1:0][LB-1:0]  rdp_a;
  logic [NumQueues-1:0][8:0]     rdleft_a;
  logic [NumQueues-1:0]          rdhalf_a;
  logic [NumQueues-1:0][63:0]    loword_a;
  logic [NumQueues-1:0]          walking_a;

  // Walker
  typedef enum logic [1:0] { WIdle, WLoad, WBurst } wst_e;
  wst_e          w_st_q;
  logic [QW-1:0] w_q_q;
  logic [63:0]   w_addr_q;
  logic [16:0]   w_rem_q;
  logic          w_eop_q, w_ovs_q;
  logic [16:0]   w_acc_q;
  logic [SW-1:0] w_staged_q, w_staged_fin;
  logic [11:0]   w_cons_q [NumQueues];  // ring index of the next descriptor the walker takes

  // events (decoded per queue below)
  logic          w_pick, w_pop, w_rec, w_burst;
  logic [QW-1:0] w_pick_q;
  logic          dar_issue, dr_hs, dr_desc, dr_write;
  logic [QW-1:0] dar_q, dr_q;
  logic          cmp_issue, b_hs;
  logic [QW-1:0] cmp_q, b_q;
  logic          ld_go;
  logic [QW-1:0] ld_q;
  logic [63:0]   dar_a;     // address of the descriptor read about to issue
  desc_t         dr_desc_v;

  assign dr_q = dr_id_i[QW-1:0];
  assign b_q  = b_id_i[QW-1:0];
  assign b_hs = b_valid_i;

  for (genvar q = 0; q < NumQueues; q++) begin : gen_q
    logic [63:0] base_q;
    logic [3:0]  log2_q, l2;
    logic [11:0] head_q, fetch_q, faddr, room;
    logic [11:0] whead_q;  // the slot after the last completion issued: the host may reuse up to here
    logic [12:0] to_end;  // up to 4096: a 4096-slot ring read from slot 0
    logic [12:0] by_page;
    logic [DCW:0] dcw_q, dcr_q, eopc_q;
    logic [FRW:0] rwr_q, rout_q, rvd_q, rcmp_q, rack_q;
    logic [SW-1:0] used_q;
    logic [15:0] bi_q;
    logic        err_q, rstp_q, rdbusy_q, rderr_q, ldp_q, half_q;
    logic [LB-1:0] rdp_q;
    logic [8:0]  rdleft_q;
    logic [63:0] lo_q;
    logic        is_dar, is_dr, is_drlast, is_pop, is_rec, is_burst, is_taken, is_vd;
    logic        is_cmp, is_b, is_ld, derr_now, perr_now, berr_now, quiet, apply;
    logic        gather_bad;   // the cache is full and holds no EOP: a frame too long to gather
    logic        tail_bad;     // TAIL moved behind descriptors already fetched (host fault)
    logic [2:0]  cause_q;      // Q_TX_STATUS.CAUSE: the first fault, held until the reset

    assign is_dar    = dar_issue && dar_q == QW'(q);
    assign is_dr     = dr_hs && dr_q == QW'(q);
    assign is_drlast = is_dr && dr_last_i && dr_ready_o;
    assign is_pop    = w_pop && w_q_q == QW'(q);
    assign is_rec    = w_rec && w_q_q == QW'(q);
    assign is_burst  = w_burst && w_q_q == QW'(q);
    assign is_taken  = taken_i && taken_q_i == QW'(q);
    assign is_vd     = vd_i && vd_q_i == QW'(q);
    assign is_cmp    = cmp_issue && cmp_q == QW'(q);
    assign is_b      = b_hs && b_q == QW'(q);
    assign is_ld     = ld_go && ld_q == QW'(q);
    assign derr_now  = is_dr && dr_resp_i != 2'b00;
    assign perr_now  = pl_err_i && pl_err_q_i == QW'(q);
    assign berr_now  = is_b && b_resp_i != 2'b00;

    // Nothing of the queue in flight: no descriptor read, payload burst or
    // completion write outstanding, walker and vmq_tx_out not on it.
    assign quiet = !rdbusy_q && bi_q == bursts_done_i[q] && rcmp_q == rack_q &&
                   !walking_a[q] && !out_busy_i[q];
    // not in the cycle a completion of the queue is issued: the reset would
    // clear the issue count while the write goes out, and its response would
    // leave the queue never quiet again (issue 16, a reset during traffic)
    assign apply = rstp_q && quiet && !is_cmp;

    always_ff @(posedge clk_i) begin
      if (rst_i) begin
        base_q <= '0;
        log2_q <= 4'd8;
      end else if (quiet && rwr_q == rack_q && head_q == '0 && fetch_q == '0 &&
                   cfg_tail_i[q] == '0 && incache_a[q] == '0) begin
        // (TAIL 0 in all 12 bits, not only modulo the ring: a TAIL that is 0
        // modulo the old size may post slots modulo the new one; issue 16)
        // only while the ring is empty at index 0 (after a reset, before the
        // first post): a ring moved or resized later keeps the old ring until
        // the queue is reset (docs/tx-dma.md)
        base_q <= cfg_base_i[q];
        log2_q <= cfg_log2_i[q];
      end
    end
    assign l2 = (log2_q < 4'd4) ? 4'd4 : (log2_q > 4'd12) ? 4'd12 : log2_q;
    assign mask_a[q] = 12'((13'd1 << l2) - 13'd1);
    assign base_a[q] = base_q;
    assign l2_a[q]   = l2;

    always_ff @(posedge clk_i) begin
      if (rst_i) begin
        head_q   <= '0;
        whead_q  <= '0;
        fetch_q  <= '0;
        dcw_q    <= '0;
        dcr_q    <= '0;
        eopc_q   <= '0;
        rwr_q    <= '0;
        rout_q   <= '0;
        rvd_q    <= '0;
        rcmp_q   <= '0;
        rack_q   <= '0;
        used_q   <= '0;
        bi_q     <= '0;
        err_q    <= 1'b0;
        cause_q  <= Q_TX_STATUS_CAUSE_NONE;
        rstp_q   <= 1'b0;
        rdbusy_q <= 1'b0;
        rderr_q  <= 1'b0;
        rdp_q    <= '0;
        rdleft_q <= '0;
        half_q   <= 1'b0;
        lo_q     <= '0;
        ldp_q    <= 1'b1;
      end else begin
        if (q_reset_i[q]) rstp_q <= 1'b1;
        if (derr_now || perr_now || berr_now || gather_bad || tail_bad) err_q <= 1'b1;
        // an AXI error response names the cause before a host fault of the same cycle
        if (!err_q)
          cause_q <= derr_now ? Q_TX_STATUS_CAUSE_DESC_READ :
                     perr_now ? Q_TX_STATUS_CAUSE_PAYLOAD_READ :
                     berr_now ? Q_TX_STATUS_CAUSE_WRITE :
                     tail_bad ? Q_TX_STATUS_CAUSE_RING :
                     gather_bad ? Q_TX_STATUS_CAUSE_GATHER : Q_TX_STATUS_CAUSE_NONE;
        // descriptor reads
        if (is_dar) begin
          fetch_q  <= (fetch_q + 12'(fetch_n_a[q])) & mask_a[q];
          rdbusy_q <= 1'b1;
          rdleft_q <= fetch_n_a[q];
          rdp_q    <= dar_a[LB-1:0];
          half_q   <= 1'b0;
          rderr_q  <= 1'b0;
        end
        if (is_dr) begin
          if (dr_resp_i != 2'b00) rderr_q <= 1'b1;
          if (Narrow) begin
            half_q <= !half_q;
            if (!half_q) lo_q <= dr_data_i[63:0];
          end else begin
            rdp_q <= LB'(32'(rdp_q) + 16);
          end
          if (dr_desc) rdleft_q <= rdleft_q - 9'd1;
        end
        if (is_dr && dr_write) dcw_q <= dcw_q + 1'b1;
        eopc_q <= eopc_q + (DCW+1)'(is_dr && dr_write && dr_desc_v.eop)
                         - (DCW+1)'(is_pop && w_eop_q);
        if (is_drlast) rdbusy_q <= 1'b0;
        // walker
        if (is_burst) bi_q <= bi_q + 16'd1;
        if (is_pop) dcr_q <= dcr_q + 1'b1;
        // staging space: reserved when the record is written, freed when taken
        used_q <= used_q + (is_rec ? SW'((32'(w_staged_fin) + AB - 1) / AB * AB) : '0)
                         - (is_taken ? SW'((32'(hd_staged_o[q]) + AB - 1) / AB * AB) : '0);
        if (is_rec) rwr_q <= rwr_q + 1'b1;
        if (is_taken) begin
          rout_q <= rout_q + 1'b1;
          ldp_q  <= 1'b1;
        end
        if (is_ld) ldp_q <= 1'b0;
        if (is_vd) rvd_q <= rvd_q + 1'b1;
        if (is_cmp) begin
          rcmp_q  <= rcmp_q + 1'b1;
          whead_q <= recs[{QW'(q), rcmp_q[FRW-1:0]}].hafter;
        end
        if (is_b) begin
          rack_q <= rack_q + 1'b1;
          head_q <= recs[{QW'(q), rack_q[FRW-1:0]}].hafter;
        end
        if (apply) begin
          head_q   <= '0;
          whead_q  <= '0;
          fetch_q  <= '0;
          dcw_q    <= '0;
          dcr_q    <= '0;
          eopc_q   <= '0;
          rwr_q    <= '0;
          rout_q   <= '0;
          rvd_q    <= '0;
          rcmp_q   <= '0;
          rack_q   <= '0;
          used_q   <= '0;
          bi_q     <= '0;
          err_q    <= 1'b0;
          cause_q  <= Q_TX_STATUS_CAUSE_NONE;
          rstp_q   <= 1'b0;
          ldp_q    <= 1'b1;
        end
      end
    end

    assign head_o[q]      = head_q;
    assign fetch_a[q]     = fetch_q;
    assign dcw_a[q]       = dcw_q;
    assign dcr_a[q]       = dcr_q;
    assign eopc_a[q]      = eopc_q;
    assign rwr_a[q]       = rwr_q;
    assign rout_a[q]      = rout_q;
    assign rvd_a[q]       = rvd_q;
    assign rcmp_a[q]      = rcmp_q;
    assign rack_a[q]      = rack_q;
    assign used_a[q]      = used_q;
    assign bi_a[q]        = bi_q;
    assign err_a[q]       = err_q;
    assign rstp_a[q]      = rstp_q;
    assign rdbusy_a[q]    = rdbusy_q;
    assign rdp_a[q]       = rdp_q;
    assign rdleft_a[q]    = rdleft_q;
    assign rdhalf_a[q]    = half_q;
    assign loword_a[q]    = lo_q;
    assign ldp_a[q]       = ldp_q;
    assign apply_a[q]     = apply;
    assign rerr_first_a[q] = is_drlast && (rderr_q || derr_now);
    assign err_ev_a[q]    = !err_q && (derr_now || perr_now || berr_now || gather_bad || tail_bad);
    assign ring_ev_a[q]   = !err_q && !derr_now && !perr_now && !berr_now && tail_bad;
    assign gath_ev_a[q]   = !err_q && !derr_now && !perr_now && !berr_now && !tail_bad && gather_bad;
    assign cause_a[q]     = cause_q;
    assign gather_bad     = 32'(incache_a[q]) == DescCache && eopc_q == '0 && !rdbusy_q;
    // Posted below fetched, both counted from the last completion issued (the
    // host may reuse a slot once its DD is written, before HEAD passes it at
    // the write response): the host moved TAIL back over descriptors the
    // core already read. Taken modulo the ring it would look like a huge post
    // and the core would fetch slots the host never posted (issue 16); the
    // queue enters ERROR instead, as on receive.
    assign tail_bad       = !rstp_q && !hold_i &&
                            (((cfg_tail_i[q] & mask_a[q]) - whead_q) & mask_a[q]) <
                            ((fetch_q - whead_q) & mask_a[q]);

    // descriptor prefetch: one read per queue outstanding, up to the cache
    // size, never past the ring's end or across 4 KiB
    assign incache_a[q] = dcw_q - dcr_q;
    assign by_tail_a[q] = ((cfg_tail_i[q] & mask_a[q]) - fetch_q) & mask_a[q];
    assign to_end  = (13'd1 << l2) - 13'(fetch_q);
    assign room    = 12'(DescCache) - 12'(incache_a[q]);
    assign faddr   = {base_q[11:4], 4'b0} + {fetch_q[7:0], 4'b0};
    assign by_page = 13'((13'd4096 - 13'(faddr)) >> 4);
    always_comb begin
      logic [12:0] n;
      n = 13'(by_tail_a[q]);
      if (to_end < n) n = to_end;
      if (13'(room) < n) n = 13'(room);
      if (by_page < n) n = by_page;
      fetch_n_a[q] = 9'(n);
    end
    assign running_o[q]   = cfg_enable_i[q] && !err_q && !rstp_q && !hold_i;
    assign fetch_ok_a[q]  = running_o[q] && !tail_bad && !rdbusy_q && by_tail_a[q] != '0 &&
                            32'(incache_a[q]) < DescCache;
    // the walker starts a frame when its EOP descriptor is cached, a frame
    // record is free and the staging region has room for a maximum frame
    assign walk_ok_a[q]   = running_o[q] && eopc_q != '0 &&
                            32'(16'(bi_q - bursts_done_i[q])) < TagDepth / 2 &&
                            (rwr_q - rack_q) != (FRW+1)'(FrameRecs) &&
                            32'(used_q) + Resv <= StageBytes;
    assign cmp_ok_a[q]    = rcmp_q != rvd_q && !err_q;

    assign hd_valid_o[q]  = !ldp_q;
    assign rec_avail_o[q] = rwr_q != rout_q;
    assign stopped_o[q]   = !running_o[q] && quiet && (err_q || rwr_q == rack_q);
    assign error_o[q]     = err_q;
    assign resetting_o[q] = rstp_q;
  end

  assign err_event_o = err_ev_a;
  assign cause_o     = cause_a;
  // A ring fault rises only in the cycle the host writes the queue's TAIL, a
  // gather fault only with a descriptor read beat of the queue: each at most
  // one queue per cycle.
  assign host_fault_o = 2'(|ring_ev_a) + 2'(|gath_ev_a);
  assign qrst_o      = apply_a;

  // ---------------------------------------------------------------------------
  // Round-robin pick helper: first set bit of v at or after position `from`
  // ---------------------------------------------------------------------------
  function automatic logic [QW:0] rr_pick(input logic [NumQueues-1:0] v, input logic [QW-1:0] from);
    logic [QW-1:0] k;
    rr_pick = '0;
    for (int unsigned i = 0; i < NumQueues; i++) begin
      k = QW'((32'(from) + i) % NumQueues);
      if (!rr_pick[QW] && v[k]) rr_pick = {1'b1, k};
    end
  endfunction

  // ---------------------------------------------------------------------------
  // Descriptor fetch (AR, ID {01, q})
  // ---------------------------------------------------------------------------
  logic [QW-1:0] dar_rr_q;
  logic [QW:0]   dar_pk;
  assign dar_a = {base_a[dar_q][63:4], 4'b0} + {48'b0, fetch_a[dar_q], 4'b0};
  assign dar_pk    = rr_pick(fetch_ok_a, dar_rr_q);
  assign dar_q     = dar_pk[QW-1:0];
  assign dar_issue = dar_pk[QW] && (!dar_valid_o || dar_ready_i);
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      dar_valid_o <= 1'b0;
      dar_rr_q    <= '0;
      dar_id_o    <= '0;
      dar_addr_o  <= '0;
      dar_len_o   <= '0;
    end else begin
      if (dar_valid_o && dar_ready_i) dar_valid_o <= 1'b0;
      if (dar_issue) begin
        dar_valid_o <= 1'b1;
        dar_rr_q    <= QW'((32'(dar_q) + 1) % NumQueues);
        dar_id_o    <= {2'b01, dar_q};
        dar_addr_o  <= dar_a;
        dar_len_o   <= 8'((32'(dar_a[LB-1:0]) + 32'(fetch_n_a[dar_q]) * 16 + AB - 1) / AB - 1);
      end
    end
  end

  // Descriptor read data: one descriptor per cycle; a beat with several is
  // held (ready low) until its last one is taken.
  always_comb begin
    logic [127:0] d;
    d          = '0;
    dr_ready_o = 1'b1;
    dr_desc    = 1'b0;
    dr_desc_v  = '0;
    if (dr_valid_i) begin
      if (Narrow) begin
        dr_desc   = rdhalf_a[dr_q];
        dr_desc_v = '{eop: dr_data_i[TX_DESC_EOP_LSB], len: dr_data_i[TX_DESC_LEN_LSB +: 16],
                      addr: loword_a[dr_q]};
      end else begin
        d = 128'({128'b0, dr_data_i} >> (8 * 32'(rdp_a[dr_q])));
        dr_desc   = 1'b1;
        dr_desc_v = '{eop: d[64 + TX_DESC_EOP_LSB], len: d[64 + TX_DESC_LEN_LSB +: 16],
                      addr: d[63:0]};
        // more descriptors of this read in the same beat: hold the beat
        if (32'(rdp_a[dr_q]) + 16 < AB && rdleft_a[dr_q] > 9'd1) dr_ready_o = 1'b0;
      end
    end
  end
  assign dr_hs    = dr_valid_i;   // a cycle of work on the beat (ready or held)
  assign dr_write = dr_desc && dr_resp_i == 2'b00 && !err_a[dr_q] && rdleft_a[dr_q] != '0;
  always_ff @(posedge clk_i) begin
    if (dr_hs && dr_write) dcache[{dr_q, dcw_a[dr_q][DCW-1:0]}] <= dr_desc_v;
  end

  // ---------------------------------------------------------------------------
  // Walker: one frame at a time
  // ---------------------------------------------------------------------------
  logic [QW-1:0] w_rr_q;
  logic [QW:0]   w_pk;
  desc_t         w_d;
  logic [15:0]   limit;
  logic [12:0]   chunk;
  logic [NumQueues-1:0] walk_cand;

  assign walk_cand = walk_ok_a & ~{NumQueues{hold_i}};
  assign w_pk     = rr_pick(walk_cand, w_rr_q);
  assign w_pick   = w_st_q == WIdle && w_pk[QW];
  assign w_pick_q = w_pk[QW-1:0];
  assign w_d      = dcache[{w_q_q, dcr_a[w_q_q][DCW-1:0]}];
  assign limit    = cfg_max_frame_i - (cfg_ins_i[w_q_q] ? 16'd4 : 16'd0);
  always_comb begin
    logic [12:0] to_page;
    logic [31:0] by_burst;   // 256 beats from the first lane (16 KiB at AB 64)
    to_page  = 13'(13'd4096 - 13'(w_addr_q[11:0]));
    by_burst = 256 * AB - 32'(w_addr_q[LB-1:0]);
    chunk = (w_rem_q < 17'(to_page)) ? 13'(w_rem_q) : to_page;
    if (by_burst < 32'(chunk)) chunk = 13'(by_burst);
  end
  assign w_burst = w_st_q == WBurst && w_rem_q != '0 && (!par_valid_o || par_ready_i) &&
                   (bi_a[w_q_q] - bursts_done_i[w_q_q]) < 16'(TagDepth);
  // the descriptor is done with its last burst (or at once when it has none)
  assign w_pop   = w_st_q == WBurst && (w_rem_q == '0 || (w_burst && 17'(chunk) == w_rem_q));
  assign w_rec   = w_pop && w_eop_q;
  assign w_staged_fin = w_staged_q + (w_burst ? SW'(chunk) : '0);
  for (genvar q = 0; q < NumQueues; q++) begin : gen_walking
    assign walking_a[q] = w_st_q != WIdle && w_q_q == QW'(q);
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      w_st_q     <= WIdle;
      w_q_q      <= '0;
      w_rr_q     <= '0;
      w_addr_q   <= '0;
      w_rem_q    <= '0;
      w_eop_q    <= 1'b0;
      w_ovs_q    <= 1'b0;
      w_acc_q    <= '0;
      w_staged_q <= '0;
      for (int unsigned q = 0; q < NumQueues; q++) w_cons_q[q] <= '0;
    end else begin
      for (int unsigned q = 0; q < NumQueues; q++) if (apply_a[q]) w_cons_q[q] <= '0;
      unique case (w_st_q)
        WIdle: if (w_pick) begin
          w_q_q      <= w_pick_q;
          w_rr_q     <= QW'((32'(w_pick_q) + 1) % NumQueues);
          w_acc_q    <= '0;
          w_ovs_q    <= 1'b0;
          w_staged_q <= '0;
          w_st_q     <= WLoad;
        end
        WLoad: if (dcw_a[w_q_q] != dcr_a[w_q_q]) begin
          logic [16:0] acc;
          acc = w_acc_q + 17'(w_d.len);
          if (acc[16]) acc = 17'h0ffff;   // saturate
          w_acc_q  <= acc;
          w_addr_q <= w_d.addr;
          w_eop_q  <= w_d.eop;
          if (w_ovs_q || acc > 17'(limit) || cfg_max_frame_i < (cfg_ins_i[w_q_q] ? 16'd4 : 16'd0)) begin
            w_ovs_q <= 1'b1;
            w_rem_q <= '0;
          end else begin
            w_rem_q <= 17'(w_d.len);
          end
          w_st_q <= WBurst;
        end
        WBurst: begin
          if (w_burst) begin
            w_addr_q   <= w_addr_q + 64'(chunk);
            w_rem_q    <= w_rem_q - 17'(chunk);
            w_staged_q <= w_staged_q + SW'(chunk);
          end
          if (w_pop) begin
            w_cons_q[w_q_q] <= (w_cons_q[w_q_q] + 12'd1) & mask_a[w_q_q];
            w_st_q <= w_eop_q ? WIdle : WLoad;
          end
        end
        default: w_st_q <= WIdle;
      endcase
    end
  end

  // payload AR (ID {11, q}) and its tag
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      par_valid_o <= 1'b0;
      par_id_o    <= '0;
      par_addr_o  <= '0;
      par_len_o   <= '0;
    end else begin
      if (par_valid_o && par_ready_i) par_valid_o <= 1'b0;
      if (w_burst) begin
        par_valid_o <= 1'b1;
        par_id_o    <= {2'b11, w_q_q};
        par_addr_o  <= w_addr_q;
        par_len_o   <= 8'((32'(w_addr_q[LB-1:0]) + 32'(chunk) + AB - 1) / AB - 1);
      end
    end
  end
  assign tag_push_o = w_burst;
  assign tag_q_o    = w_q_q;
  assign tag_lo_o   = w_addr_q[LB-1:0];
  assign tag_n_o    = chunk;
  assign tag_sof_o  = w_staged_q == '0;

  // frame record
  always_ff @(posedge clk_i) begin
    if (w_rec) begin
      recs[{w_q_q, rwr_a[w_q_q][FRW-1:0]}] <= '{
        bend:   bi_a[w_q_q] + 16'(w_burst),
        len:    w_acc_q[15:0],
        staged: w_staged_fin,
        ovs:    w_ovs_q,
        hafter: (w_cons_q[w_q_q] + 12'd1) & mask_a[w_q_q]};
    end
  end

  // ---------------------------------------------------------------------------
  // Head record per queue for vmq_tx_out: loaded one queue per cycle
  // ---------------------------------------------------------------------------
  logic [11:0]          d_unused_q;   // (hafter is read at completion)
  logic                 d_unused;
  assign d_unused = ^d_unused_q;
  logic [NumQueues-1:0] ld_cand;
  logic [QW:0]          ld_pk;
  for (genvar q = 0; q < NumQueues; q++) begin : gen_ld
    assign ld_cand[q] = ldp_a[q] && rwr_a[q] != rout_a[q] && !apply_a[q] &&
                        !(taken_i && taken_q_i == QW'(q));
  end
  assign ld_pk = rr_pick(ld_cand, '0);
  assign ld_go = ld_pk[QW];
  assign ld_q  = ld_pk[QW-1:0];
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      hd_bend_o   <= '0;
      hd_len_o    <= '0;
      hd_staged_o <= '0;
      hd_ovs_o    <= '0;
    end else if (ld_go) begin
      rec_t r;
      r = recs[{ld_q, rout_a[ld_q][FRW-1:0]}];
      d_unused_q <= r.hafter;
      hd_bend_o[ld_q]   <= r.bend;
      hd_len_o[ld_q]    <= r.len;
      hd_staged_o[ld_q] <= r.staged;
      hd_ovs_o[ld_q]    <= r.ovs;
    end
  end

  always_ff @(posedge clk_i) begin
    if (vd_i) vds[{vd_q_i, rvd_a[vd_q_i][FRW-1:0]}] <= '{code: vd_code_i, len: vd_len_i};
  end

  // ---------------------------------------------------------------------------
  // Completion writer: the frame's verdict into word 1 of its EOP descriptor
  // ---------------------------------------------------------------------------
  logic [QW-1:0] c_rr_q;
  logic [QW:0]   c_pk;
  assign c_pk      = rr_pick(cmp_ok_a, c_rr_q);
  assign cmp_q     = c_pk[QW-1:0];
  assign cmp_issue = c_pk[QW] && (!aw_valid_o || aw_ready_i) && (!w_valid_o || w_ready_i);
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      aw_valid_o <= 1'b0;
      w_valid_o  <= 1'b0;
      c_rr_q     <= '0;
      aw_id_o    <= '0;
      aw_addr_o  <= '0;
      w_data_o   <= '0;
      w_strb_o   <= '0;
    end else begin
      if (aw_valid_o && aw_ready_i) aw_valid_o <= 1'b0;
      if (w_valid_o && w_ready_i) w_valid_o <= 1'b0;
      if (cmp_issue) begin
        logic [11:0] r_hafter;
        logic [15:0] r_len;
        vd_t         v;
        logic [63:0] a, wb;
        logic [11:0] idx;
        r_hafter = recs[{cmp_q, rcmp_a[cmp_q][FRW-1:0]}].hafter;
        r_len    = recs[{cmp_q, rcmp_a[cmp_q][FRW-1:0]}].len;
        v   = vds[{cmp_q, rcmp_a[cmp_q][FRW-1:0]}];
        idx = (r_hafter - 12'd1) & mask_a[cmp_q];
        a   = {base_a[cmp_q][63:4], 4'b0} + {48'b0, idx, 4'b0} + 64'd8;
        wb  = '0;
        wb[TX_WB_DD_LSB]       = 1'b1;
        wb[TX_WB_ERR_LSB]      = v.code != 2'd0;
        wb[TX_WB_SPOOF_LSB]    = v.code == 2'd1;
        wb[TX_WB_OVERSIZE_LSB] = v.code == 2'd2;
        wb[TX_WB_LEN_LSB +: 16]      = v.len;
        wb[TX_WB_HOST_LEN_LSB +: 16] = r_len;
        aw_valid_o <= 1'b1;
        w_valid_o  <= 1'b1;
        c_rr_q     <= QW'((32'(cmp_q) + 1) % NumQueues);
        aw_id_o    <= {2'b01, cmp_q};
        aw_addr_o  <= a;
        w_data_o   <= AxiDataW'(AxiDataW'(wb) << (8 * 32'(a[LB-1:0])));
        for (int unsigned i = 0; i < AB; i++)
          w_strb_o[i] <= 32'(i) >= 32'(a[LB-1:0]) && 32'(i) < 32'(a[LB-1:0]) + 8;
      end
    end
  end

  always_comb begin
    tx_irq_o = '0;
    if (b_hs && b_resp_i == 2'b00) tx_irq_o[b_q] = 1'b1;
  end

  assign dma_err_o = 2'(|rerr_first_a) + 2'(pl_err_i) + 2'(b_hs && b_resp_i != 2'b00);
  assign idle_o    = rdbusy_a == '0 && !dar_valid_o && !par_valid_o && !aw_valid_o &&
                     !w_valid_o && w_st_q == WIdle && bi_a == bursts_done_i && rcmp_a == rack_a;

  logic unused;
  assign unused = ^{l2_a, dr_id_i[IdW-1:QW], b_id_i[IdW-1:QW], eopc_a, used_a, rstp_a,
                    d_unused};
endmodule

`resetall
