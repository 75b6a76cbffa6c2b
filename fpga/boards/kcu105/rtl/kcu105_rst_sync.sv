`resetall
`default_nettype none

// kcu105_rst_sync: takes a reset from any clock domain (or a pin) into
// clk_i's domain. Asserts asynchronously (so a reset reaches the flops even
// while clk_i is stopped, e.g. an MMCM not yet locked or a GT user clock
// during GT reset) and releases synchronously after Stages clk_i edges.
// The output is meant as the synchronous, active-high reset of clk_i's
// domain (house style). The stages are named *_sync_q with ASYNC_REG;
// xdc/kcu105_cdc.xdc puts a false path on their asynchronous clear.
module kcu105_rst_sync #(
  parameter int unsigned Stages = 4
) (
  input  wire logic clk_i,
  input  wire logic rst_async_i,  // active high, any domain
  output      logic rst_o         // active high, synchronous to clk_i
);
  if (Stages < 2) begin : gen_bad_stages
    $fatal(1, "kcu105_rst_sync: Stages must be >= 2 (Stages = %0d)", Stages);
  end

  (* ASYNC_REG = "TRUE" *) logic [Stages-1:0] rst_sync_q;

  always_ff @(posedge clk_i or posedge rst_async_i) begin
    if (rst_async_i) rst_sync_q <= '1;
    else             rst_sync_q <= {rst_sync_q[Stages-2:0], 1'b0};
  end

  assign rst_o = rst_sync_q[Stages-1];
endmodule

`resetall
