// Negative control of scripts/timing_check.py: a chain of 24 dependent
// stages between two registers. Each stage mixes the previous one with five
// register bits; synthesis packs about two stages into a LUT, so the path is
// about 12 levels deep and the check must fail it (budget 8).
`default_nettype none
module ctl_chain (
  input  wire logic         clk_i,
  input  wire logic [127:0] d_i,
  output logic              q_o
);
  logic [127:0] in_q;
  logic [23:0]  lvl;
  always_comb begin
    lvl[0] = ^in_q[5:0];
    for (int i = 1; i < 24; i++) begin
      lvl[i] = (lvl[i-1] ^ in_q[5*i]) & (in_q[5*i+1] | in_q[5*i+2]) ^ (in_q[5*i+3] & in_q[5*i+4]);
    end
  end
  always_ff @(posedge clk_i) begin
    in_q <= d_i;
    q_o  <= lvl[23];
  end
endmodule
`default_nettype wire
