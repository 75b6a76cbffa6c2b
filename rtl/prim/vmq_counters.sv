`resetall
`default_nettype none

// vmq_counters: Num free-running 64-bit statistics counters (SPEC §6: at
// least 48 bits, so the host never sees one wrap). Counter n adds inc_i[n]
// (IncW bits, 1 = one event per cycle; wider for byte counts) every cycle;
// clr_i (global soft reset) and rst_i set every counter to zero, and win
// over a simultaneous increment. Values are registered: an increment in
// cycle c shows on cnt_o from cycle c+1.
module vmq_counters #(
  parameter int unsigned Num  = 1,
  parameter int unsigned IncW = 1
) (
  input  logic                       clk_i,
  input  logic                       rst_i,
  input  logic                       clr_i,
  input  logic [Num-1:0][IncW-1:0]   inc_i,
  output logic [Num-1:0][63:0]       cnt_o
);

  if (Num < 1) begin : gen_bad_num
    $fatal(1, "vmq_counters: Num must be >= 1");
  end
  if (IncW < 1 || IncW > 32) begin : gen_bad_incw
    $fatal(1, "vmq_counters: IncW must be 1..32");
  end

  for (genvar n = 0; n < Num; n++) begin : gen_cnt
    logic [63:0] cnt_q;
    always_ff @(posedge clk_i) begin
      if (rst_i || clr_i) cnt_q <= '0;
      else                cnt_q <= cnt_q + 64'(inc_i[n]);
    end
    assign cnt_o[n] = cnt_q;
  end

endmodule : vmq_counters

`resetall
