`resetall
`default_nettype none
// vmq_qstats: one bank of per-queue 64-bit statistics counters held in RAM
// (SPEC section 6 and 11; docs/architecture.md "The register plane").
//
// A bank holds NumCnt counters per queue (for example rx_packets and
// rx_bytes), each a NumQueues x 64-bit RAM. Its one source sends at most one
// event per cycle, {queue, one increment per counter}; events are never
// stalled and never lost. A read-modify-write pipeline applies them:
//
//   s0  event registered; RAM read address = its queue
//   s1  RAM read (block RAM latch)
//   s2  RAM read register (data starts at depth 0: a block RAM output
//       register; Yosys keeps it as a fabric flip-flop); the sum is formed from
//       the RAM data or, when one of the three writes the RAM data cannot
//       have seen yet is for the same queue, the newest of those (forwarding)
//   s3  sum registered, written to the RAM (both copies)
//
// The register plane reads through a second copy of every RAM (written with
// the first), so reads never take a cycle from the events: rd_req_i with
// {queue, counter}; rd_valid_o with the 64-bit value 4 cycles later (a new
// request may follow every cycle). A read returns the whole 64-bit word as
// it was at one instant; the register plane's read protocol for the two
// 32-bit halves is HI, LO, HI (docs/architecture.md "The register plane").
//
// Reset: rst_i (and clear_i) start a sweep that writes zero to every queue,
// one per cycle; busy_o is high until it is done. Events during the sweep
// are not counted: vmq_core keeps new work waiting (hold) until busy_o falls.
module vmq_qstats #(
  parameter int unsigned NumQueues = 16,
  parameter int unsigned NumCnt    = 2,
  parameter int unsigned IncW      = 16,
  localparam int unsigned QW       = (NumQueues > 1) ? $clog2(NumQueues) : 1,
  localparam int unsigned CW       = (NumCnt > 1) ? $clog2(NumCnt) : 1
) (
  input  logic                       clk_i,
  input  logic                       rst_i,
  input  logic                       clear_i,
  output logic                       busy_o,
  // events from the bank's source: one per cycle at most
  input  logic                       ev_valid_i,
  input  logic [QW-1:0]              ev_queue_i,
  input  logic [NumCnt-1:0][IncW-1:0] ev_inc_i,
  // register read port
  input  logic                       rd_req_i,
  input  logic [QW-1:0]              rd_queue_i,
  input  logic [CW-1:0]              rd_cnt_i,
  output logic                       rd_valid_o,
  output logic [63:0]                rd_data_o
);
  if (NumQueues < 1 || NumQueues > 4096) begin : gen_bad_nq
    $fatal(1, "vmq_qstats: NumQueues must be 1..4096");
  end
  if (NumCnt < 1 || NumCnt > 8 || IncW < 1 || IncW > 32) begin : gen_bad_cnt
    $fatal(1, "vmq_qstats: NumCnt must be 1..8 and IncW 1..32");
  end

  // ---------------------------------------------------------------- sweep
  logic          sweep_q;
  logic [QW-1:0] sweep_idx_q;
  always_ff @(posedge clk_i) begin
    if (rst_i || clear_i) begin
      sweep_q     <= 1'b1;
      sweep_idx_q <= '0;
    end else if (sweep_q) begin
      sweep_idx_q <= sweep_idx_q + QW'(1);
      if (sweep_idx_q == QW'(NumQueues - 1)) sweep_q <= 1'b0;
    end
  end
  assign busy_o = sweep_q;

  // ---------------------------------------------------------------- pipeline
  logic                        s0_v_q, s1_v_q, s2_v_q, s3_v_q;
  logic [QW-1:0]               s0_q_q, s1_q_q, s2_q_q, s3_q_q, h1_q_q;
  logic                        h1_v_q;
  logic [NumCnt-1:0][IncW-1:0] s0_inc_q, s1_inc_q, s2_inc_q;
  logic [NumCnt-1:0][63:0]     s3_val_q, h1_val_q, h2_val_q, s2_ram;

  always_ff @(posedge clk_i) begin
    if (rst_i || clear_i) begin
      s0_v_q <= 1'b0;
      s1_v_q <= 1'b0;
      s2_v_q <= 1'b0;
      s3_v_q <= 1'b0;
      h1_v_q <= 1'b0;
    end else begin
      s0_v_q <= ev_valid_i && !sweep_q;
      s1_v_q <= s0_v_q;
      s2_v_q <= s1_v_q;
      s3_v_q <= s2_v_q;
      h1_v_q <= s3_v_q;
    end
  end
  always_ff @(posedge clk_i) begin
    s0_q_q   <= ev_queue_i;
    s0_inc_q <= ev_inc_i;
    s1_q_q   <= s0_q_q;
    s1_inc_q <= s0_inc_q;
    s2_q_q   <= s1_q_q;
    s2_inc_q <= s1_inc_q;
    h1_q_q   <= s3_q_q;
    h1_val_q <= s3_val_q;
    h2_val_q <= h1_val_q;
  end

  // The RAM data an event sees at s2 misses the writes of the three cycles
  // before (s3 now, h1 and h2 before): it takes the newest of those that is
  // for its queue. The choice is made at s1 (comparing with the entries that
  // will be s3, h1 and h2 one cycle later) and registered, so s2 is a mux
  // and an adder.
  logic fwd3_q, fwd1_q, fwd2_q;
  always_ff @(posedge clk_i) begin
    if (rst_i || clear_i) begin
      fwd3_q <= 1'b0;
      fwd1_q <= 1'b0;
      fwd2_q <= 1'b0;
    end else begin
      fwd3_q <= s2_v_q && s2_q_q == s1_q_q;
      fwd1_q <= s3_v_q && s3_q_q == s1_q_q;
      fwd2_q <= h1_v_q && h1_q_q == s1_q_q;
    end
  end
  logic [NumCnt-1:0][63:0] s2_base, s2_sum;
  always_comb begin
    for (int c = 0; c < NumCnt; c++) begin
      if (fwd3_q)      s2_base[c] = s3_val_q[c];
      else if (fwd1_q) s2_base[c] = h1_val_q[c];
      else if (fwd2_q) s2_base[c] = h2_val_q[c];
      else             s2_base[c] = s2_ram[c];
      s2_sum[c] = s2_base[c] + 64'(s2_inc_q[c]);
    end
  end
  always_ff @(posedge clk_i) begin
    s3_q_q   <= s2_q_q;
    s3_val_q <= s2_sum;
  end

  // ---------------------------------------------------------------- RAMs
  // write port: the pipeline's s3, or the sweep
  logic          wr_en;
  logic [QW-1:0] wr_addr;
  always_comb begin
    wr_en   = sweep_q || s3_v_q;
    wr_addr = sweep_q ? sweep_idx_q : s3_q_q;
  end

  logic [QW-1:0] rd_q_q;
  logic [CW-1:0] rd_c_q, rd_c1_q, rd_c2_q;
  logic          rd_v_q, rd_v1_q, rd_v2_q;
  logic [NumCnt-1:0][63:0] rd_ram;

  for (genvar c = 0; c < NumCnt; c++) begin : gen_cnt
    // copy A: read by the pipeline; copy B: read by the register plane
    logic [63:0] mem_a [NumQueues];
    logic [63:0] mem_b [NumQueues];
    logic [63:0] a_lat_q, a_out_q, b_lat_q, b_out_q;
    logic [63:0] wr_data;
    assign wr_data = sweep_q ? 64'd0 : s3_val_q[c];
    always_ff @(posedge clk_i) begin
      if (wr_en) begin
        mem_a[wr_addr] <= wr_data;
        mem_b[wr_addr] <= wr_data;
      end
      a_lat_q <= mem_a[s0_q_q];
      a_out_q <= a_lat_q;
      b_lat_q <= mem_b[rd_q_q];
      b_out_q <= b_lat_q;
    end
    assign s2_ram[c] = a_out_q;
    assign rd_ram[c] = b_out_q;
  end

  // ---------------------------------------------------------------- read port
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      rd_v_q  <= 1'b0;
      rd_v1_q <= 1'b0;
      rd_v2_q <= 1'b0;
    end else begin
      rd_v_q  <= rd_req_i;
      rd_v1_q <= rd_v_q;
      rd_v2_q <= rd_v1_q;
    end
  end
  always_ff @(posedge clk_i) begin
    rd_q_q  <= rd_queue_i;
    rd_c_q  <= rd_cnt_i;
    rd_c1_q <= rd_c_q;
    rd_c2_q <= rd_c1_q;
  end
  // rd_valid_o four cycles after the request: address register, RAM latch,
  // RAM output register, then the counter select registered.
  logic [63:0] rd_data_q;
  logic        rd_valid_q;
  always_ff @(posedge clk_i) begin
    if (rst_i) rd_valid_q <= 1'b0;
    else       rd_valid_q <= rd_v2_q;
    rd_data_q <= rd_ram[rd_c2_q];
  end
  assign rd_valid_o = rd_valid_q;
  assign rd_data_o  = rd_data_q;
endmodule
`default_nettype wire
