`resetall
`default_nettype none

// vmq_rx_qm: receive queue manager (SPEC §3 "Delivery", §4, §7;
// docs/rx-dma.md). Per queue: ring state (head, prefetch pointer, claimed
// descriptors), a cache of DescCache buffer addresses filled by descriptor
// reads on the AXI AR/R channels, the copy decisions, the lifecycle status
// and the per-queue reset.
//
// Decision (cp_*): combinational, same cycle. take = queue running and
// ceil(L / BYTES) <= posted - claimed, with L the copy length after
// stripping; the descriptors are claimed at once. ceil() uses a stored
// reciprocal R = ceil(2^34 / BYTES): ceil(L / B) = ((L + B - 1) * R) >> 34,
// exact for B < 2^17, L < 2^16. A sequential divider refreshes R (36 cycles)
// when Q_RX_BUF changes; the queue is not running meanwhile.
//
// Pops (dq_*): the write engine takes the next descriptor of a queue whose
// cache is not empty (dq_avail_o[q]); address and ring index appear on
// dq_addr_o/dq_idx_o the cycle after the pop.
//
// Prefetch: one outstanding read per queue, round-robin over queues on AR,
// as many descriptors as fit in the cache, never past the ring's end nor
// across 4 KiB. R beats of different IDs may interleave. An error RRESP puts
// the queue in error (the descriptor is not cached) and counts once in
// dma_errors (rd_err_o).
module vmq_rx_qm #(
  parameter int unsigned NumQueues = 16,
  parameter int unsigned AxiDataW  = 128,
  parameter int unsigned DescCache = 32,
  localparam int unsigned QW       = (NumQueues > 1) ? $clog2(NumQueues) : 1,
  localparam int unsigned IdW      = QW + 2   // {kind, queue}; kind 00 = receive (docs/tx-dma.md)
) (
  input  logic                        clk_i,
  input  logic                        rst_i,
  input  logic                        hold_i,      // global soft reset pending

  // Per-queue configuration (register block)
  input  logic [NumQueues-1:0]        cfg_enable_i,
  input  logic [NumQueues-1:0]        cfg_strip_i,
  input  logic [NumQueues-1:0][63:0]  cfg_base_i,
  input  logic [NumQueues-1:0][3:0]   cfg_log2_i,
  input  logic [NumQueues-1:0][15:0]  cfg_buf_i,
  input  logic [NumQueues-1:0][11:0]  cfg_tail_i,
  input  logic [NumQueues-1:0]        q_reset_i,   // Q_RX_CMD.RESET pulse

  // Ring geometry in use: follows cfg_base_i / cfg_log2_i while the ring is
  // empty at index 0 (HEAD = TAIL = 0, nothing in flight: after a reset or
  // power-up, before the first post), and holds otherwise (a
  // global soft reset clears the registers at once; the drain still writes
  // into the ring it started with)
  output logic [NumQueues-1:0][63:0]  act_base_o,
  output logic [NumQueues-1:0][11:0]  act_mask_o,   // ring size - 1 (LOG2 clamped to 4..12)

  // Per-queue status
  output logic [NumQueues-1:0][11:0]  head_o,
  output logic [NumQueues-1:0]        running_o,
  output logic [NumQueues-1:0]        stopped_o,
  output logic [NumQueues-1:0]        error_o,
  output logic [NumQueues-1:0]        resetting_o,
  output logic [NumQueues-1:0]        err_event_o, // pulse: the queue entered the error state
  output logic [NumQueues-1:0][2:0]   cause_o,     // why it is in error (Q_RX_STATUS.CAUSE)
  output logic                        ring_fault_o, // pulse: a queue entered error by a ring fault (queue_errors)
  output logic [NumQueues-1:0]        qrst_o,      // pulse: per-queue reset applied (clears TAIL, ENABLE)
  output logic                        rd_err_o,    // pulse: a descriptor read failed (dma_errors)
  output logic                        idle_o,      // no descriptor read outstanding

  // Copy decisions (vmq_rx_repl)
  input  logic                        cp_valid_i,
  input  logic [QW-1:0]               cp_queue_i,
  input  logic [15:0]                 cp_len_i,
  input  logic                        cp_tagged_i,
  output logic                        cp_take_o,
  output logic [12:0]                 cp_ndesc_o,  // descriptors the copy takes
  output logic [15:0]                 cp_bytes_o,  // buffer size used for it
  output logic                        cp_strip_o,  // the copy loses its VLAN tag
  output logic                        no_desc_o,   // pulse: copy skipped, count for cp_queue_i

  // Descriptor pops (vmq_rx_wr)
  output logic [NumQueues-1:0]        dq_avail_o,
  input  logic                        dq_pop_i,
  input  logic [QW-1:0]               dq_queue_i,
  output logic [63:0]                 dq_addr_o,
  output logic [11:0]                 dq_idx_o,

  // Write-engine reports
  input  logic                        copy_done_i,   // a taken copy finished (written or abandoned)
  input  logic [QW-1:0]               copy_done_q_i,
  input  logic [NumQueues-1:0]        wr_idle_i,     // no write of the queue outstanding
  input  logic                        wr_err_i,      // error BRESP
  input  logic [QW-1:0]               wr_err_q_i,

  // AXI4 read channels (descriptor fetch)
  output logic [IdW-1:0]              m_axi_arid_o,
  output logic [63:0]                 m_axi_araddr_o,
  output logic [7:0]                  m_axi_arlen_o,
  output logic [2:0]                  m_axi_arsize_o,
  output logic [1:0]                  m_axi_arburst_o,
  output logic                        m_axi_arvalid_o,
  input  logic                        m_axi_arready_i,
  input  logic [IdW-1:0]              m_axi_rid_i,
  input  logic [AxiDataW-1:0]         m_axi_rdata_i,
  input  logic [1:0]                  m_axi_rresp_i,
  input  logic                        m_axi_rlast_i,
  input  logic                        m_axi_rvalid_i,
  output logic                        m_axi_rready_o
);
  import vmq_reg_pkg::*;

  localparam int unsigned AB    = AxiDataW / 8;       // bytes per beat
  localparam int unsigned DW    = $clog2(DescCache);  // cache slot index bits
  localparam int unsigned PW    = 8;                  // rd_p width (bytes, < 2 * 80)
  localparam logic [15:0] ResetBuf = 16'd2048;        // Q_RX_BUF.BYTES reset value
  localparam logic [34:0] ResetRecip = 35'd8388608;   // ceil(2^34 / 2048)

  if (DescCache < 4 || DescCache > 64 || (1 << DW) != DescCache) begin : gen_bad_cache
    $fatal(1, "vmq_rx_qm: DescCache must be a power of two in 4..64");
  end
  if (AxiDataW < 64 || AxiDataW > 512 || (AxiDataW & (AxiDataW - 1)) != 0) begin : gen_bad_axi
    $fatal(1, "vmq_rx_qm: AxiDataW must be 64, 128, 256 or 512");
  end

  // ---------------------------------------------------------------------------
  // Per-queue state (one generate instance per queue)
  // ---------------------------------------------------------------------------
  logic [NumQueues-1:0][11:0] mask_a, head_a, fetch_a, rcv_a, posted_a;
  logic [NumQueues-1:0][12:0] claim_a;
  logic [NumQueues-1:0][12:0] free_a;
  logic [NumQueues-1:0]       err_a, rst_pend_a, rd_busy_a, accept_a, ready_a, open_zero_a;
  logic [NumQueues-1:0][PW-1:0] rd_p_a;
  logic [NumQueues-1:0][8:0]  rd_left_a;
  logic [NumQueues-1:0][15:0] bact_a;
  logic [NumQueues-1:0][34:0] recip_a;
  logic [NumQueues-1:0]       fetch_ok_a;
  logic [NumQueues-1:0][8:0]  fetch_n_a;

  // Shared events, decoded per queue below
  logic        take;
  logic [12:0] ndesc;       // descriptors of a copy that is taken (<= 4095: a ring's worth)
  logic [16:0] ndesc_full;  // ceil(L / BYTES) untruncated: up to 65535 with BYTES 1
  logic        ar_issue;            // AR request register loaded this cycle
  logic [QW-1:0] ar_q;
  logic [8:0]  ar_n;
  logic        r_hs, r_desc;        // R beat accepted; a descriptor taken from the beat
  logic [QW-1:0] r_q;
  logic        r_err_beat;
  logic        div_done;
  logic [QW-1:0] div_q;
  logic [15:0] div_b;
  logic [34:0] div_quo;
  logic [PW-1:0] r_p_next;
  logic        r_skip;
  logic        div_busy;
  logic [63:0] m_axi_araddr_d;
  logic [NumQueues-1:0] rd_err_a, err_ev_a, avail_v, ring_ev_a;
  logic [NumQueues-1:0][2:0] cause_a;

  for (genvar q = 0; q < NumQueues; q++) begin : gen_q
    logic [3:0]  l2;
    logic [11:0] head_q, fetch_q, rcv_q;
    logic [12:0] claim_q;
    logic [11:0] open_q;            // copies taken and not yet finished
    logic        err_q, rst_pend_q, rd_busy_q, rd_errseen_q;
    logic [PW-1:0] rd_p_q;
    logic [8:0]  rd_left_q;
    logic [15:0] bact_q;
    logic [34:0] recip_q;
    logic        is_take, is_pop, is_done, is_ar, is_r, is_rlast, wr_err, rd_err_now;
    logic        apply_reset;
    logic        ring_bad;   // TAIL (or the ring size) moved behind claimed descriptors
    logic [2:0]  cause_q;    // Q_RX_STATUS.CAUSE: the first fault, held until the reset
    logic [11:0] incache, room, by_tail;
    logic [12:0] to_end;  // up to 4096: a 4096-slot ring read from slot 0
    logic [12:0] by_page;
    logic [11:0] faddr;  // page offset of the next fetch

    logic [63:0] base_q;
    logic [3:0]  log2_q;
    always_ff @(posedge clk_i) begin
      if (rst_i) begin
        base_q <= '0;
        log2_q <= 4'd8;
      end else if (open_q == '0 && !rd_busy_q && wr_idle_i[q] && head_q == '0 &&
                   fetch_q == '0 && cfg_tail_i[q] == '0) begin
        // (TAIL 0 in all 12 bits, not only modulo the ring: a TAIL that is 0
        // modulo the old size may post slots modulo the new one; issue 16)
        // only while the ring is empty at index 0 (after a reset, before the
        // first post): a ring moved or resized later keeps the old ring until
        // the queue is reset, so HEAD and TAIL never change meaning under the
        // core (docs/rx-dma.md)
        base_q <= cfg_base_i[q];
        log2_q <= cfg_log2_i[q];
      end
    end
    assign act_base_o[q] = base_q;
    assign l2 = (log2_q < 4'd4) ? 4'd4 : (log2_q > 4'd12) ? 4'd12 : log2_q;
    assign mask_a[q] = 12'((13'd1 << l2) - 13'd1);
    assign act_mask_o[q] = mask_a[q];

    assign is_take  = take && cp_queue_i == QW'(q);
    assign is_pop   = dq_pop_i && dq_queue_i == QW'(q);
    assign is_done  = copy_done_i && copy_done_q_i == QW'(q);
    assign is_ar    = ar_issue && ar_q == QW'(q);
    assign is_r     = r_hs && r_q == QW'(q);
    assign is_rlast = is_r && m_axi_rlast_i && m_axi_rready_o;
    assign wr_err   = wr_err_i && wr_err_q_i == QW'(q);
    assign rd_err_now = is_r && r_err_beat;

    // Reset waits until nothing of the queue is in flight.
    assign apply_reset = rst_pend_q && open_q == '0 && !rd_busy_q && wr_idle_i[q];

    always_ff @(posedge clk_i) begin
      if (rst_i) begin
        head_q       <= '0;
        fetch_q      <= '0;
        rcv_q        <= '0;
        claim_q      <= '0;
        open_q       <= '0;
        err_q        <= 1'b0;
        cause_q      <= Q_RX_STATUS_CAUSE_NONE;
        rst_pend_q   <= 1'b0;
        rd_busy_q    <= 1'b0;
        rd_errseen_q <= 1'b0;
        rd_p_q       <= '0;
        rd_left_q    <= '0;
        bact_q       <= ResetBuf;
        recip_q      <= ResetRecip;
      end else begin
        claim_q <= claim_q + (is_take ? ndesc : 13'd0) - 13'(is_pop);
        open_q  <= open_q + 12'(is_take) - 12'(is_done);
        if (is_pop) head_q <= (head_q + 1'b1) & mask_a[q];
        if (wr_err || rd_err_now || ring_bad) err_q <= 1'b1;
        // an AXI error response names the cause before a ring fault of the same cycle
        if (!err_q)
          cause_q <= wr_err ? Q_RX_STATUS_CAUSE_WRITE : rd_err_now ? Q_RX_STATUS_CAUSE_DESC_READ :
                     ring_bad ? Q_RX_STATUS_CAUSE_RING : Q_RX_STATUS_CAUSE_NONE;
        if (q_reset_i[q]) rst_pend_q <= 1'b1;
        // descriptor reads
        if (is_ar) begin
          fetch_q      <= (fetch_q + 12'(ar_n)) & mask_a[q];
          rd_busy_q    <= 1'b1;
          rd_left_q    <= ar_n;
          rd_p_q       <= PW'(m_axi_araddr_d[$clog2(AB)-1:0]);
          rd_errseen_q <= 1'b0;
        end
        if (is_r) begin
          rd_p_q <= r_p_next;
          if (r_desc) rd_left_q <= rd_left_q - 1'b1;
          if (r_desc && !r_err_beat) rcv_q <= (rcv_q + 1'b1) & mask_a[q];
          if (r_err_beat) rd_errseen_q <= 1'b1;
        end
        if (is_rlast) rd_busy_q <= 1'b0;
        if (div_done && div_q == QW'(q)) begin
          bact_q  <= div_b;
          recip_q <= div_quo;
        end
        if (apply_reset) begin
          head_q     <= '0;
          fetch_q    <= '0;
          rcv_q      <= '0;
          claim_q    <= '0;
          err_q      <= 1'b0;
          cause_q    <= Q_RX_STATUS_CAUSE_NONE;
          rst_pend_q <= 1'b0;
        end
      end
    end

    // one dma_errors count per failed read transaction (first error beat)
    logic rd_err_first;
    assign rd_err_first = rd_err_now && !rd_errseen_q;

    assign head_a[q]      = head_q;
    assign fetch_a[q]     = fetch_q;
    assign rcv_a[q]       = rcv_q;
    assign claim_a[q]     = claim_q;
    assign err_a[q]       = err_q;
    assign rst_pend_a[q]  = rst_pend_q;
    assign rd_busy_a[q]   = rd_busy_q;
    assign rd_p_a[q]      = rd_p_q;
    assign rd_left_a[q]   = rd_left_q;
    assign bact_a[q]      = bact_q;
    assign recip_a[q]     = recip_q;
    assign open_zero_a[q] = open_q == '0;
    assign rd_err_a[q]    = rd_err_first;
    assign err_ev_a[q]    = !err_q && (wr_err || rd_err_now || ring_bad);
    assign ring_ev_a[q]   = !err_q && ring_bad && !wr_err && !rd_err_now;
    assign cause_a[q]     = cause_q;
    assign qrst_o[q]      = apply_reset;

    assign posted_a[q] = (cfg_tail_i[q] - head_q) & mask_a[q];
    assign ring_bad    = free_a[q][12];
    assign free_a[q]   = 13'(posted_a[q]) - claim_q;   // negative (bit 12) when TAIL moved back
    assign accept_a[q] = cfg_enable_i[q] && !err_q && !rst_pend_q && !hold_i;
    assign ready_a[q]  = bact_q == cfg_buf_i[q] && bact_q != '0 && !(div_busy && div_q == QW'(q));

    // prefetch candidate
    assign incache = (fetch_q - head_q) & mask_a[q];
    assign by_tail = ((cfg_tail_i[q] & mask_a[q]) - fetch_q) & mask_a[q];
    assign to_end  = (13'd1 << l2) - 13'(fetch_q);
    assign room    = 12'(DescCache) - incache;
    assign faddr   = {base_q[11:4], 4'b0} + {fetch_q[7:0], 4'b0};
    assign by_page = 13'((13'd4096 - 13'(faddr[11:0])) >> 4);
    always_comb begin
      logic [12:0] n;
      n = 13'(by_tail);
      if (to_end < n) n = to_end;
      if (13'(room) < n) n = 13'(room);
      if (by_page < n) n = by_page;
      fetch_n_a[q] = 9'(n);
    end
    // Fetch while the queue takes copies, and also (disabled, reset or global
    // reset pending) while copies already taken still wait for descriptors.
    assign fetch_ok_a[q] = !err_q && !rd_busy_q && by_tail != '0 &&
                           incache < 12'(DescCache) && incache <= posted_a[q] &&
                           ((cfg_enable_i[q] && !rst_pend_q && !hold_i) ||
                            claim_q > 13'(incache));
  end

  assign err_event_o = err_ev_a;
  assign cause_o     = cause_a;
  // A ring fault rises only in the cycle the host writes the queue's TAIL
  // (claims never pass TAIL otherwise; the ring size applies only while the
  // ring is empty): at most one queue per cycle.
  assign ring_fault_o = |ring_ev_a;
  assign rd_err_o    = |rd_err_a;

  // ---------------------------------------------------------------------------
  // Decisions
  // ---------------------------------------------------------------------------
  logic [15:0] l_copy;
  logic [16:0] l_plus;
  logic [51:0] prod;
  always_comb begin
    l_copy = cp_len_i - (cp_strip_o ? 16'd4 : 16'd0);
    l_plus = 17'(l_copy) + 17'(bact_a[cp_queue_i]) - 17'd1;
    prod   = 52'(l_plus) * 52'(recip_a[cp_queue_i]);
    ndesc_full = prod[50:34];  // l_plus < 2^17, R <= 2^34: the product stays below 2^51
    ndesc  = 13'(ndesc_full);
  end
  // The whole count is compared: a copy needing more descriptors than the
  // ring can hold is a no-descriptor drop (issue 16: a 13-bit count let
  // BYTES 1 and a frame of 8193 bytes claim 1 descriptor and hang the engine).
  assign take = cp_valid_i && running_o[cp_queue_i] && !free_a[cp_queue_i][12] &&
                ndesc_full <= 17'(free_a[cp_queue_i]) && ndesc_full != '0;
  assign cp_take_o  = take;
  assign cp_ndesc_o = ndesc;
  assign cp_bytes_o = bact_a[cp_queue_i];
  assign cp_strip_o = cfg_strip_i[cp_queue_i] && cp_tagged_i;
  assign no_desc_o = cp_valid_i && !take;

  // ---------------------------------------------------------------------------
  // Status
  // ---------------------------------------------------------------------------
  assign head_o      = head_a;
  assign running_o   = accept_a & ready_a;
  assign error_o     = err_a;
  assign resetting_o = rst_pend_a;
  for (genvar q = 0; q < NumQueues; q++) begin : gen_status
    assign stopped_o[q] = !(cfg_enable_i[q] && !err_a[q] && !rst_pend_a[q]) &&
                          open_zero_a[q] && !rd_busy_a[q] && wr_idle_i[q];
  end
  assign idle_o = rd_busy_a == '0 && !m_axi_arvalid_o;

  // ---------------------------------------------------------------------------
  // Descriptor cache: NumQueues x DescCache addresses, one write port (R), one
  // registered read port (pops)
  // ---------------------------------------------------------------------------
  logic [63:0] cache [NumQueues * DescCache];
  logic        c_we;
  logic [QW+DW-1:0] c_widx, c_ridx;
  logic [63:0] c_wdata;

  assign dq_avail_o = avail_v;
  for (genvar q = 0; q < NumQueues; q++) begin : gen_avail
    assign avail_v[q] = rcv_a[q] != head_a[q] && !err_a[q];
  end

  assign c_ridx = {dq_queue_i, head_a[dq_queue_i][DW-1:0]};
  always_ff @(posedge clk_i) begin
    if (c_we) cache[c_widx] <= c_wdata;
    if (dq_pop_i) begin
      dq_addr_o <= cache[c_ridx];
      dq_idx_o  <= head_a[dq_queue_i];
    end
  end

  // ---------------------------------------------------------------------------
  // AR: round-robin over queues that want descriptors; one request register
  // ---------------------------------------------------------------------------
  logic [QW-1:0]  rr_q;
  logic           ar_found;
  logic [QW-1:0]  ar_pick;
  always_comb begin
    ar_found = 1'b0;
    ar_pick  = '0;
    for (int unsigned k = 0; k < NumQueues; k++) begin
      logic [QW:0] qq;
      qq = (QW+1)'(rr_q) + (QW+1)'(k);
      if (qq >= (QW+1)'(NumQueues)) qq = qq - (QW+1)'(NumQueues);
      if (!ar_found && fetch_ok_a[qq[QW-1:0]]) begin
        ar_found = 1'b1;
        ar_pick  = qq[QW-1:0];
      end
    end
  end
  assign ar_issue = !m_axi_arvalid_o && ar_found;
  assign ar_q     = ar_pick;
  assign ar_n     = fetch_n_a[ar_pick];
  assign m_axi_araddr_d = {act_base_o[ar_pick][63:4], 4'b0} + {48'b0, fetch_a[ar_pick], 4'b0};

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      m_axi_arvalid_o <= 1'b0;
      rr_q            <= '0;
    end else begin
      if (m_axi_arvalid_o && m_axi_arready_i) m_axi_arvalid_o <= 1'b0;
      if (ar_issue) begin
        m_axi_arvalid_o <= 1'b1;
        rr_q            <= (ar_pick == QW'(NumQueues - 1)) ? '0 : ar_pick + 1'b1;
      end
    end
  end
  always_ff @(posedge clk_i) begin
    if (ar_issue) begin
      m_axi_arid_o   <= {2'b00, ar_pick};
      m_axi_araddr_o <= m_axi_araddr_d;
      m_axi_arlen_o  <= 8'((32'(m_axi_araddr_d[$clog2(AB)-1:0]) + 32'(ar_n) * 16 + AB - 1) / AB - 1);
    end
  end
  assign m_axi_arsize_o  = 3'($clog2(AB));
  assign m_axi_arburst_o = 2'b01;

  // ---------------------------------------------------------------------------
  // R: descriptors out of each beat, one per cycle
  // ---------------------------------------------------------------------------
  logic [PW-1:0] r_p;
  logic [8:0]    r_left;
  assign r_q        = m_axi_rid_i[QW-1:0];
  assign r_p        = rd_p_a[r_q];
  assign r_left     = rd_left_a[r_q];
  assign r_err_beat = m_axi_rresp_i != 2'b00;
  always_comb begin
    r_skip   = r_p >= PW'(AB) || r_left == '0;
    r_desc   = !r_skip;
    r_p_next = r_p;
    m_axi_rready_o = 1'b1;
    if (r_skip) begin
      r_p_next = (r_p >= PW'(AB)) ? r_p - PW'(AB) : r_p;
    end else if (r_p + PW'(16) >= PW'(AB) || r_left == 9'd1) begin
      r_p_next = r_p + PW'(16) - PW'(AB);
    end else begin
      m_axi_rready_o = 1'b0;   // more descriptors in this beat: hold it
      r_p_next       = r_p + PW'(16);
    end
  end
  assign r_hs    = m_axi_rvalid_i && (m_axi_rready_o || r_desc);
  assign c_we    = m_axi_rvalid_i && r_desc && !r_err_beat;
  assign c_widx  = {r_q, rcv_a[r_q][DW-1:0]};
  assign c_wdata = m_axi_rdata_i[8 * r_p[$clog2(AB)-1:0] +: 64];

  // ---------------------------------------------------------------------------
  // Reciprocal divider: R = ceil(2^34 / B) for a queue whose BYTES changed
  // ---------------------------------------------------------------------------
  logic [5:0]  div_i;
  logic [16:0] div_rem;
  logic [34:0] div_num;
  logic        div_found;
  logic [QW-1:0] div_pick;
  always_comb begin
    div_found = 1'b0;
    div_pick  = '0;
    for (int i = NumQueues - 1; i >= 0; i--) begin
      if (bact_a[i] != cfg_buf_i[i] && cfg_buf_i[i] != '0) begin
        div_found = 1'b1;
        div_pick  = QW'(i);
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      div_busy <= 1'b0;
      div_done <= 1'b0;
      div_i    <= '0;
      div_q    <= '0;
    end else begin
      div_done <= 1'b0;
      if (!div_busy) begin
        if (div_found && !div_done) begin
          div_busy <= 1'b1;
          div_q    <= div_pick;
          div_b    <= cfg_buf_i[div_pick];
          div_num  <= 35'h4_0000_0000 + 35'(cfg_buf_i[div_pick]) - 35'd1;
          div_rem  <= '0;
          div_quo  <= '0;
          div_i    <= 6'd34;
        end
      end else begin
        logic [17:0] t;
        t = {div_rem, div_num[div_i]};
        if (t >= 18'(div_b)) begin
          div_rem          <= 17'(t - 18'(div_b));
          div_quo[div_i]   <= 1'b1;
        end else begin
          div_rem          <= 17'(t);
        end
        if (div_i == '0) begin
          div_busy <= 1'b0;
          div_done <= 1'b1;
        end else begin
          div_i <= div_i - 1'b1;
        end
      end
    end
  end

  logic unused;
  assign unused = ^{claim_a, prod[51], prod[33:0], m_axi_rid_i[IdW-1:QW]};

endmodule

`resetall
