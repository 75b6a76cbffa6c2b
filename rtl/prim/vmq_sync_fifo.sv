`resetall
`default_nettype none

// vmq_sync_fifo: single-clock first-word-fall-through FIFO.
// Latency: a pushed word is visible on rdata_o the cycle after the push.
// Throughput: one push and one pop per cycle, also when full (pop frees the
// slot the same cycle's push would need only if Depth allows: push is
// refused while full, so callers that need full throughput size Depth).
module vmq_sync_fifo #(
  parameter int unsigned Width = 8,
  parameter int unsigned Depth = 4   // power of two, >= 2
) (
  input  logic                     clk_i,
  input  logic                     rst_i,
  input  logic                     push_i,
  input  logic [Width-1:0]         wdata_i,
  output logic                     full_o,
  input  logic                     pop_i,
  output logic [Width-1:0]         rdata_o,
  output logic                     empty_o,
  output logic [$clog2(Depth):0]   count_o
);
  localparam int unsigned PtrW = $clog2(Depth);

  if (Depth < 2 || (1 << PtrW) != Depth) begin : gen_bad_depth
    $fatal(1, "vmq_sync_fifo: Depth must be a power of two >= 2");
  end

  logic [Depth-1:0][Width-1:0] mem_q;
  logic [PtrW-1:0]             wptr_q, rptr_q;
  logic [PtrW:0]               count_q;
  logic                        do_push, do_pop;

  assign full_o  = count_q == (PtrW+1)'(Depth);
  assign empty_o = count_q == '0;
  assign count_o = count_q;
  assign rdata_o = mem_q[rptr_q];
  assign do_push = push_i && !full_o;
  assign do_pop  = pop_i && !empty_o;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      wptr_q  <= '0;
      rptr_q  <= '0;
      count_q <= '0;
    end else begin
      if (do_push) wptr_q <= wptr_q + 1'b1;
      if (do_pop)  rptr_q <= rptr_q + 1'b1;
      count_q <= count_q + (PtrW+1)'(do_push) - (PtrW+1)'(do_pop);
    end
  end

  // Data storage has no reset: it is only read where count_q says it is valid.
  always_ff @(posedge clk_i) begin
    if (do_push) mem_q[wptr_q] <= wdata_i;
  end

endmodule

`resetall
