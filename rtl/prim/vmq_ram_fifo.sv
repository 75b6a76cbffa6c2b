`resetall
`default_nettype none

// vmq_ram_fifo: single-clock first-word-fall-through FIFO kept in an
// unpacked memory (a RAM on an FPGA with an asynchronous-read output, LUT RAM
// or registers for small depths; Verilator writes one entry per push instead
// of shifting a packed vector). Same interface as vmq_sync_fifo plus
// free_o, the entries still free.
module vmq_ram_fifo #(
  parameter int unsigned Width = 8,
  parameter int unsigned Depth = 1024,   // power of two, >= 2
  localparam int unsigned PtrW = $clog2(Depth)
) (
  input  logic             clk_i,
  input  logic             rst_i,
  input  logic             push_i,
  input  logic [Width-1:0] wdata_i,
  output logic             full_o,
  input  logic             pop_i,
  output logic [Width-1:0] rdata_o,
  output logic             empty_o,
  output logic [PtrW:0]    free_o
);
  if (Depth < 2 || (1 << PtrW) != Depth) begin : gen_bad_depth
    $fatal(1, "vmq_ram_fifo: Depth must be a power of two >= 2");
  end

  logic [Width-1:0] mem [Depth];
  logic [PtrW:0]    wptr_q, rptr_q;
  logic             do_push, do_pop;

  assign empty_o = wptr_q == rptr_q;
  assign full_o  = (wptr_q - rptr_q) == (PtrW+1)'(Depth);
  assign free_o  = (PtrW+1)'(Depth) - (wptr_q - rptr_q);
  assign do_push = push_i && !full_o;
  assign do_pop  = pop_i && !empty_o;
  assign rdata_o = mem[rptr_q[PtrW-1:0]];

  always_ff @(posedge clk_i) begin
    if (do_push) mem[wptr_q[PtrW-1:0]] <= wdata_i;
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      wptr_q <= '0;
      rptr_q <= '0;
    end else begin
      if (do_push) wptr_q <= wptr_q + 1'b1;
      if (do_pop) rptr_q <= rptr_q + 1'b1;
    end
  end
endmodule

`resetall
