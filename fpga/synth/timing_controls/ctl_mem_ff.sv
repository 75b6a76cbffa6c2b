// Negative control of scripts/timing_check.py: a 64 x 32 memory (2 kbit)
// cleared by reset cannot map to RAM and ends up as flip-flops. SPEC section
// 11 wants such state in RAM (cleared by a sweep): the check must fail.
`default_nettype none
module ctl_mem_ff (
  input  wire logic        clk_i,
  input  wire logic        rst_i,
  input  wire logic        we_i,
  input  wire logic [5:0]  waddr_i,
  input  wire logic [5:0]  raddr_i,
  input  wire logic [31:0] wdata_i,
  output logic [31:0]      rdata_o
);
  logic [31:0] mem_q [64];
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      for (int i = 0; i < 64; i++) mem_q[i] <= '0;
    end else if (we_i) begin
      mem_q[waddr_i] <= wdata_i;
    end
    rdata_o <= mem_q[raddr_i];
  end
endmodule
`default_nettype wire
