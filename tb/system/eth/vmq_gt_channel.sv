`resetall
`default_nettype none

// vmq_gt_channel (test bench): the serial link between two 10GBASE-R PCSs
// as the receiving GT's asynchronous gearbox presents it. The sender's
// 66-bit blocks ({data, header}, bit 0 first on the wire) form one bit
// stream; the receiver cuts it into 66-bit blocks at a bit offset that
// starts at InitOffset and moves one bit per RXGEARBOXSLIP pulse, SlipDelay
// cycles after the pulse (pulses while one is pending are ignored, as the
// GTH ignores slips during its wait). One block per cycle, one cycle of
// latency plus the offset.
module vmq_gt_channel #(
  parameter int unsigned InitOffset = 17,  // 0..65
  parameter int unsigned SlipDelay  = 8
) (
  input  logic        clk_i,
  input  logic        rst_i,
  input  logic [63:0] tx_data_i,
  input  logic [1:0]  tx_header_i,
  output logic [63:0] rx_data_o,
  output logic [1:0]  rx_header_o,
  input  logic        rx_slip_i
);
  if (InitOffset > 65) begin : gen_bad_offset
    $fatal(1, "vmq_gt_channel: InitOffset %0d outside 0..65", InitOffset);
  end

  logic [65:0]  prev_q;
  logic [131:0] stream;
  logic [7:0]   offset_q, offset_d;
  logic [7:0]   wait_q, wait_d;
  logic         pend_q, pend_d;
  logic [65:0]  win;

  assign stream = {tx_data_i, tx_header_i, prev_q};  // earlier bits low
  assign win    = stream[offset_q +: 66];
  assign rx_header_o = win[1:0];
  assign rx_data_o   = win[65:2];

  always_comb begin
    offset_d = offset_q;
    wait_d   = wait_q;
    pend_d   = pend_q;
    if (pend_q) begin
      if (wait_q == 8'd0) begin
        pend_d   = 1'b0;
        offset_d = (offset_q == 8'd65) ? 8'd0 : offset_q + 8'd1;
      end else begin
        wait_d = wait_q - 8'd1;
      end
    end else if (rx_slip_i) begin
      pend_d = 1'b1;
      wait_d = 8'(SlipDelay);
    end
  end

  always_ff @(posedge clk_i) begin
    prev_q <= {tx_data_i, tx_header_i};
    if (rst_i) begin
      offset_q <= 8'(InitOffset);
      wait_q   <= '0;
      pend_q   <= 1'b0;
    end else begin
      offset_q <= offset_d;
      wait_q   <= wait_d;
      pend_q   <= pend_d;
    end
  end
endmodule
