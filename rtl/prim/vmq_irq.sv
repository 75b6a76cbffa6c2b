`resetall
`default_nettype none

// vmq_irq: per-queue interrupt causes, mask and moderation (SPEC §2,
// docs/rx-dma.md "Interrupts"). Cause bits are sticky: set by event pulses,
// cleared by clear pulses (a set and a clear in the same cycle: set wins).
// irq_o[q] = |(cause & mask), except that after irq_o[q] falls it stays low
// for itr_i[q] cycles (moderation).
module vmq_irq #(
  parameter int unsigned NumLines = 16,
  parameter int unsigned Causes   = 3
) (
  input  logic                             clk_i,
  input  logic                             rst_i,
  input  logic [NumLines-1:0][Causes-1:0]  set_i,
  input  logic [NumLines-1:0][Causes-1:0]  clear_i,
  input  logic [NumLines-1:0][Causes-1:0]  mask_i,
  input  logic [NumLines-1:0][23:0]        itr_i,
  output logic [NumLines-1:0][Causes-1:0]  cause_o,
  output logic [NumLines-1:0]              irq_o
);
  for (genvar q = 0; q < NumLines; q++) begin : gen_line
    logic [Causes-1:0] cause_q;
    logic [23:0]       hold_q;
    logic              irq_q, want;
    assign want = |(cause_q & mask_i[q]) && hold_q == '0;
    always_ff @(posedge clk_i) begin
      if (rst_i) begin
        cause_q <= '0;
        hold_q  <= '0;
        irq_q   <= 1'b0;
      end else begin
        cause_q <= (cause_q & ~clear_i[q]) | set_i[q];
        irq_q   <= want;
        if (irq_q && !want) hold_q <= itr_i[q];
        else if (hold_q != '0) hold_q <= hold_q - 1'b1;
      end
    end
    assign cause_o[q] = cause_q;
    assign irq_o[q]   = irq_q;
  end
endmodule

`resetall
