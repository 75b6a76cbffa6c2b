// Control of scripts/timing_check.py: one LUT (an AND of two registers)
// drives 100 register inputs. A net with more than 64 loads adds a level:
// the check must report 2, not 1.
`default_nettype none
module ctl_fanout (
  input  wire logic        clk_i,
  input  wire logic [1:0]  d_i,
  input  wire logic [99:0] x_i,
  output logic [99:0]      q_o
);
  logic [1:0] in_q;
  logic       en;
  assign en = in_q[0] & in_q[1];
  always_ff @(posedge clk_i) begin
    in_q <= d_i;
    for (int i = 0; i < 100; i++) q_o[i] <= x_i[i] ^ en;
  end
endmodule
`default_nettype wire
