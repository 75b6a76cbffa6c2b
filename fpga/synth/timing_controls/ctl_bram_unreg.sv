// Control of scripts/timing_check.py: a 36 Kb block RAM whose read data
// feeds a few levels of logic into a register. Without the RAM's output
// register (OutReg 0) the read starts at 2 levels; with it (OutReg 1) at 0.
// The check must report exactly 2 levels more for OutReg 0.
`default_nettype none
module ctl_bram_unreg #(
  parameter int unsigned OutReg = 0
) (
  input  wire logic        clk_i,
  input  wire logic        we_i,
  input  wire logic [9:0]  waddr_i,
  input  wire logic [9:0]  raddr_i,
  input  wire logic [35:0] wdata_i,
  output logic             q_o
);
  (* ram_style = "block" *) logic [35:0] mem [1024];
  logic [35:0] rd_q, rd;
  logic [6:0]  lvl;
  always_ff @(posedge clk_i) begin
    if (we_i) mem[waddr_i] <= wdata_i;
    rd_q <= mem[raddr_i];
  end
  if (OutReg != 0) begin : gen_reg
    logic [35:0] rd2_q;
    always_ff @(posedge clk_i) rd2_q <= rd_q;
    assign rd = rd2_q;
  end else begin : gen_noreg
    assign rd = rd_q;
  end
  always_comb begin
    lvl[0] = ^rd[5:0];
    for (int i = 1; i < 7; i++) begin
      lvl[i] = (lvl[i-1] ^ rd[(5*i) % 36]) & (rd[(5*i+1) % 36] | rd[(5*i+2) % 36])
               ^ (rd[(5*i+3) % 36] & rd[(5*i+4) % 36]);
    end
  end
  always_ff @(posedge clk_i) q_o <= lvl[6];
endmodule
`default_nettype wire
