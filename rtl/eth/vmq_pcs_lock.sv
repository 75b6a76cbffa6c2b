`resetall
`default_nettype none

// vmq_pcs_lock: block lock of IEEE 802.3 clause 49 (49.2.9, lock state
// diagram figure 49-14), one sync header per cycle, slipping the GT's
// gearbox (RXGEARBOXSLIP) to search for the block boundary.
//
// - Not locked: 64 consecutive valid headers (01 or 10) give lock; any
//   invalid header (00 or 11) slips.
// - Locked: headers are counted in windows of 64; 16 invalid headers in one
//   window drop lock and slip (a window with fewer starts a new one).
// - Slip: slip_o is high for one cycle; the headers presented on header_i in
//   that cycle and in the SlipWaitCycles cycles after it are not tested (the
//   GT needs time before its output shows the new alignment, see
//   docs/eth-pcs.md); the count then starts again from zero.
//
// The figure's states map to: RESET_CNT = counters zero, TEST_SH/VALID_SH/
// INVALID_SH/64_GOOD = one header tested per cycle, SLIP = slip_o plus the
// wait. Outputs are registered.
module vmq_pcs_lock #(
  parameter int unsigned SlipWaitCycles = 32
) (
  input  logic       clk_i,
  input  logic       rst_i,
  input  logic [1:0] header_i,
  output logic       slip_o,
  output logic       lock_o
);

  if (SlipWaitCycles < 1 || SlipWaitCycles > 65534) begin : gen_bad_wait
    $fatal(1, "vmq_pcs_lock: SlipWaitCycles must be 1..65534");
  end

  localparam int unsigned WaitW = $clog2(SlipWaitCycles + 2);

  logic             lock_q, lock_d;
  logic             slip_q, slip_d;
  logic [5:0]       sh_cnt_q, sh_cnt_d;    // headers tested in this window, 0..63
  logic [3:0]       inv_cnt_q, inv_cnt_d;  // invalid ones among them, 0..15
  logic [WaitW-1:0] wait_q, wait_d;        // headers still to ignore after a slip
  logic             sh_valid;

  assign sh_valid = ^header_i;

  always_comb begin
    lock_d    = lock_q;
    slip_d    = 1'b0;
    sh_cnt_d  = sh_cnt_q;
    inv_cnt_d = inv_cnt_q;
    wait_d    = wait_q;
    if (wait_q != '0) begin
      wait_d = wait_q - 1'b1;
    end else if (sh_valid) begin
      // VALID_SH
      sh_cnt_d = sh_cnt_q + 1'b1;
      if (sh_cnt_q == 6'd63) begin
        if (inv_cnt_q == '0) lock_d = 1'b1;  // 64_GOOD
        inv_cnt_d = '0;                      // RESET_CNT (sh_cnt wraps to 0)
      end
    end else if (!lock_q || inv_cnt_q == 4'd15) begin
      // INVALID_SH -> SLIP
      lock_d    = 1'b0;
      slip_d    = 1'b1;
      sh_cnt_d  = '0;
      inv_cnt_d = '0;
      // this cycle's header is the first of SlipWaitCycles + 1 not tested
      wait_d    = WaitW'(SlipWaitCycles + 1);
    end else begin
      // INVALID_SH, still locked
      sh_cnt_d  = sh_cnt_q + 1'b1;
      inv_cnt_d = sh_cnt_q == 6'd63 ? '0 : inv_cnt_q + 1'b1;
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      lock_q    <= 1'b0;
      slip_q    <= 1'b0;
      sh_cnt_q  <= '0;
      inv_cnt_q <= '0;
      wait_q    <= '0;
    end else begin
      lock_q    <= lock_d;
      slip_q    <= slip_d;
      sh_cnt_q  <= sh_cnt_d;
      inv_cnt_q <= inv_cnt_d;
      wait_q    <= wait_d;
    end
  end

  assign slip_o = slip_q;
  assign lock_o = lock_q;

endmodule : vmq_pcs_lock

`resetall
