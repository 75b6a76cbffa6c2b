`resetall
`default_nettype none

// vmq_msi: per-queue interrupt lines (vmq_core irq_o, core clock) -> MSI
// requests on the AXI PCIe bridge's one-at-a-time interface (bridge clock)
// (docs/fpga.md "fpga_core", interrupt scheme).
//
// Core clock: a rising edge of irq_i[q] sets cause_o[q] (cleared by
// cause_clear_i[q], a set wins over a clear in the same cycle) and makes an
// event for queue q. Events cross to the bridge clock by a per-queue toggle
// handshake (req toggles, the bridge side acknowledges by its own toggle;
// each direction through SyncStages flops with ASYNC_REG): no edge is lost
// at any clock ratio, events that come while one is in flight merge into
// one. Bridge clock: an event makes queue q pending; round-robin among
// pending queues; vector = q mod 2^min(msi_vector_width_i, 5); one
// intx_msi_request_o pulse, then nothing until intx_msi_grant_i. While
// msi_enable_i is low nothing is sent and pending stays. sent_o counts
// grants (bridge clock, wraps).
// Latency: irq_i rise -> request = 1 (irq reg) + 1 (req) + SyncStages + 2
// bridge cycles (+ arbitration behind other pending queues).
module vmq_msi #(
  parameter int unsigned NumQueues  = 16,
  parameter int unsigned SyncStages = 2,
  localparam int unsigned QW        = (NumQueues > 1) ? $clog2(NumQueues) : 1
) (
  input  logic                 clk_i,
  input  logic                 rst_i,
  input  logic [NumQueues-1:0] irq_i,
  input  logic [NumQueues-1:0] cause_clear_i,
  output logic [NumQueues-1:0] cause_o,

  input  logic                 pcie_clk_i,
  input  logic                 pcie_rst_i,
  input  logic                 msi_enable_i,
  input  logic [2:0]           msi_vector_width_i,
  output logic                 intx_msi_request_o,
  output logic [4:0]           msi_vector_num_o,
  input  logic                 intx_msi_grant_i,
  output logic [31:0]          sent_o
);
  if (NumQueues < 1 || NumQueues > 64) begin : gen_bad_nq
    $fatal(1, "vmq_msi: NumQueues must be 1..64");
  end
  if (SyncStages < 2) begin : gen_bad_sync
    $fatal(1, "vmq_msi: SyncStages must be >= 2");
  end

  // ------------------------------------------------------------- core clock
  logic [NumQueues-1:0] irq_q, cause_q, cause_d, ev_q, ev_d, req_q, req_d;
  (* ASYNC_REG = "TRUE" *) logic [SyncStages-1:0][NumQueues-1:0] ack_sync_q;
  logic [NumQueues-1:0] ack_synced;

  always_comb begin
    ack_synced = ack_sync_q[SyncStages-1];
    cause_d    = (cause_q & ~cause_clear_i) | (irq_i & ~irq_q);
    ev_d       = ev_q | (irq_i & ~irq_q);
    req_d      = req_q;
    for (int q = 0; q < NumQueues; q++) begin
      // a new toggle only when the last one came back
      if (ev_q[q] && req_q[q] == ack_synced[q]) begin
        req_d[q] = ~req_q[q];
        ev_d[q]  = irq_i[q] & ~irq_q[q];
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      irq_q      <= '0;
      cause_q    <= '0;
      ev_q       <= '0;
      req_q      <= '0;
      ack_sync_q <= '0;
    end else begin
      irq_q      <= irq_i;
      cause_q    <= cause_d;
      ev_q       <= ev_d;
      req_q      <= req_d;
      ack_sync_q <= {ack_sync_q[SyncStages-2:0], ack_q};
    end
  end
  assign cause_o = cause_q;

  // ------------------------------------------------------------- bridge clock
  (* ASYNC_REG = "TRUE" *) logic [SyncStages-1:0][NumQueues-1:0] req_sync_q;
  logic [NumQueues-1:0] req_synced, ack_q, ack_d, pend_q, pend_d;
  logic [QW-1:0]        last_q, last_d;      // queue served last (round-robin)
  logic                 busy_q, busy_d;      // request sent, grant not yet seen
  logic                 msi_req_q, msi_req_d;
  logic [4:0]           vec_q, vec_d;
  logic [31:0]          sent_q, sent_d;

  // next pending queue after last_q, cyclically
  logic [QW-1:0] pick;
  logic          found;
  always_comb begin
    pick  = '0;
    found = 1'b0;
    for (int i = NumQueues - 1; i >= 0; i--) begin
      // candidates after last_q win over those at or before it
      if (pend_q[i] && 32'(i) <= 32'(last_q)) begin
        pick  = QW'(i);
        found = 1'b1;
      end
    end
    for (int i = NumQueues - 1; i >= 0; i--) begin
      if (pend_q[i] && 32'(i) > 32'(last_q)) begin
        pick  = QW'(i);
        found = 1'b1;
      end
    end
  end

  logic [4:0] vec_mask;
  always_comb begin
    unique case (msi_vector_width_i)
      3'd0:    vec_mask = 5'h00;
      3'd1:    vec_mask = 5'h01;
      3'd2:    vec_mask = 5'h03;
      3'd3:    vec_mask = 5'h07;
      3'd4:    vec_mask = 5'h0f;
      default: vec_mask = 5'h1f;
    endcase
  end

  always_comb begin
    req_synced = req_sync_q[SyncStages-1];
    ack_d      = req_synced;
    pend_d     = pend_q | (req_synced ^ ack_q);
    last_d     = last_q;
    busy_d     = busy_q;
    msi_req_d  = 1'b0;
    vec_d      = vec_q;
    sent_d     = sent_q;
    if (busy_q) begin
      if (intx_msi_grant_i) begin
        busy_d = 1'b0;
        sent_d = sent_q + 32'd1;
      end
    end else if (found && msi_enable_i) begin
      busy_d       = 1'b1;
      msi_req_d    = 1'b1;
      vec_d        = 5'(32'(pick) & 32'(vec_mask));
      last_d       = pick;
      pend_d[pick] = req_synced[pick] ^ ack_q[pick];  // an event arriving now stays
    end
  end

  always_ff @(posedge pcie_clk_i) begin
    if (pcie_rst_i) begin
      req_sync_q <= '0;
      ack_q      <= '0;
      pend_q     <= '0;
      last_q     <= QW'(NumQueues - 1);
      busy_q     <= 1'b0;
      msi_req_q  <= 1'b0;
      vec_q      <= '0;
      sent_q     <= '0;
    end else begin
      req_sync_q <= {req_sync_q[SyncStages-2:0], req_q};
      ack_q      <= ack_d;
      pend_q     <= pend_d;
      last_q     <= last_d;
      busy_q     <= busy_d;
      msi_req_q  <= msi_req_d;
      vec_q      <= vec_d;
      sent_q     <= sent_d;
    end
  end

  assign intx_msi_request_o = msi_req_q;
  assign msi_vector_num_o   = vec_q;
  assign sent_o             = sent_q;
endmodule : vmq_msi

`resetall
