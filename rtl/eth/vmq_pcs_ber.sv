`resetall
`default_nettype none

// vmq_pcs_ber: BER monitor of IEEE 802.3 clause 49 (49.2.13.2.6, figure
// 49-15), one sync header per cycle. Headers are counted in consecutive
// windows of WindowCycles cycles (the 125 us timer: 19531 cycles at
// 156.25 MHz). 16 invalid headers in a window set hi_ber_o at once; it stays
// set to the end of that window and clears at the end of the first later
// window with fewer than 16 (figure states HI_BER, GOOD_BER). While the
// headers are not block-locked (lock_i low) the monitor is held in
// BER_MT_INIT: hi_ber_o low, counters zero.
module vmq_pcs_ber #(
  parameter int unsigned WindowCycles = 19531
) (
  input  logic clk_i,
  input  logic rst_i,
  input  logic lock_i,      // rx_block_lock
  input  logic sh_valid_i,  // this cycle's sync header is 01 or 10
  output logic hi_ber_o
);

  if (WindowCycles < 16 || WindowCycles > (1 << 24)) begin : gen_bad_window
    $fatal(1, "vmq_pcs_ber: WindowCycles must be 16..2^24");
  end

  localparam int unsigned TimerW = $clog2(WindowCycles);

  logic              hi_q, hi_d;
  logic              hold_q, hold_d;      // HI_BER: 16 seen, wait for the window's end
  logic [3:0]        cnt_q, cnt_d;        // invalid headers in this window, 0..15
  logic [TimerW-1:0] timer_q, timer_d;    // cycles of the window gone by
  logic              done;

  assign done = timer_q == TimerW'(WindowCycles - 1);

  always_comb begin
    hi_d    = hi_q;
    hold_d  = hold_q;
    cnt_d   = cnt_q;
    timer_d = done ? '0 : timer_q + 1'b1;
    if (!lock_i) begin
      hi_d    = 1'b0;
      hold_d  = 1'b0;
      cnt_d   = '0;
      timer_d = '0;
    end else if (hold_q) begin
      if (done) begin
        hold_d = 1'b0;  // START_TIMER
        cnt_d  = '0;
      end
    end else if (!sh_valid_i && cnt_q == 4'd15) begin
      hi_d   = 1'b1;    // BER_BAD_SH -> HI_BER
      hold_d = !done;   // in the window's last cycle HI_BER ends at once
      cnt_d  = '0;
    end else if (done) begin
      hi_d  = 1'b0;     // GOOD_BER, START_TIMER
      cnt_d = '0;
    end else if (!sh_valid_i) begin
      cnt_d = cnt_q + 1'b1;
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      hi_q    <= 1'b0;
      hold_q  <= 1'b0;
      cnt_q   <= '0;
      timer_q <= '0;
    end else begin
      hi_q    <= hi_d;
      hold_q  <= hold_d;
      cnt_q   <= cnt_d;
      timer_q <= timer_d;
    end
  end

  assign hi_ber_o = hi_q;

endmodule : vmq_pcs_ber

`resetall
