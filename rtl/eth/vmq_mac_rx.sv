`resetall
`default_nettype none

// vmq_mac_rx: 10 GbE receive MAC, 64-bit SDR XGMII to AXI4-Stream (64-bit)
// (IEEE 802.3 clauses 4 and 46; docs/eth-mac.md).
//
//   XGMII -> input regs -> framer (lane 0/4 alignment, /S/, preamble, end)
//         -> records -> CRC check, FCS strip (one word held back) -> m_t*
//
// Framing rules (the C++ reference in tb/unit/mac implements the same):
// - A frame starts at /S/ on lane 0 or 4 when no frame is in progress at that
//   position. The 7 lanes after /S/ must be 6 x 0x55 and 0xD5 (data); if not,
//   the frame is still received but flagged (code error).
// - Frame bytes are the data lanes after those 8, up to the first control
//   character, which ends the frame. /T/ ends it normally; anything else
//   (/E/, /I/, ordered sets, /S/) ends it with a code error, and an /S/ that
//   cuts a frame short also starts the next frame.
// - The last 4 frame bytes are the FCS: checked (CRC residue) and stripped.
//   A frame of 4 bytes or fewer has no data byte left: it comes out as one
//   beat, tkeep 0x01, tdata 0, tuser 1.
// - tuser (on tlast) = code error | FCS wrong | no data byte. No length
//   limits: the admission logic downstream does that.
//
// Output: the first data byte in tdata[7:0], tkeep all ones but on the last
// beat, bytes outside tkeep are zero. No backpressure; tvalid may have gaps
// between frames, not inside them. Every /S/ that starts a frame gives
// exactly one output frame and one stat pulse.
//
// Latency: data lane on XGMII -> m_t* 4..5 cycles. Throughput: any frame
// size and any gap (even /T/ and /S/ in the same word) at line rate.
module vmq_mac_rx (
  input  logic        clk_i,
  input  logic        rst_i,

  input  logic [63:0] xgmii_rxd_i,
  input  logic [7:0]  xgmii_rxc_i,

  output logic [63:0] m_tdata_o,
  output logic [7:0]  m_tkeep_o,
  output logic        m_tvalid_o,
  output logic        m_tlast_o,
  output logic        m_tuser_o,

  // one pulse per frame (at its end), to the counters
  output logic        stat_frame_o,     // good FCS, no code error
  output logic [31:0] stat_bytes_o,     // its data bytes, FCS excluded (valid with stat_frame_o)
  output logic        stat_fcs_err_o,   // FCS wrong (or no data byte), no code error
  output logic        stat_code_err_o   // bad preamble/SFD, or ended by a control other than /T/
);
  import vmq_eth_pkg::*;

  localparam logic [31:0] CrcResidue = 32'hDEBB20E3;
  localparam logic [63:0] IdleWord   = {8{XgmiiIdle}};

  // ------------------------------------------------------------ framer
  logic [63:0] r0d_q, r1d_q;           // XGMII of the last and the one before
  logic [7:0]  r0c_q, r1c_q;
  logic        in_frame_q, in_frame_d;
  logic        swap_q, swap_d;         // the frame started on lane 4
  logic        first_q, first_d;       // the next record is the frame's first
  logic        ferr_q, ferr_d;         // bad preamble / SFD

  logic [63:0] a0d, a4d, wd;
  logic [63:8] pre_d;                  // the 7 lanes after /S/
  logic [7:0]  a0c, a4c, wc;
  logic [7:1]  pre_c;
  logic [3:0]  j;                      // first control lane of the frame word (8: none)
  logic        ctl_end, is_term, s0, s4, start0, start4, pre_ok;

  // record: one frame word per cycle (data up to the first control lane)
  logic        rec_valid_q, rec_valid_d;
  logic [63:0] rec_data_q, rec_data_d;
  logic [3:0]  rec_n_q, rec_n_d;       // frame bytes in the word (8 unless end)
  logic        rec_end_q, rec_end_d;
  logic        rec_err_q, rec_err_d;
  logic        rec_first_q, rec_first_d;

  always_comb begin
    // The two views of the stream: a frame that started on lane 0 reads its
    // words as a0 (the word before), one that started on lane 4 as a4 (its
    // upper half and the lower half of the next). Both views cover the same
    // slot, so a frame ending in a0 and one starting in a4 meet in one cycle.
    a0d = r1d_q;
    a0c = r1c_q;
    a4d = {r0d_q[31:0], r1d_q[63:32]};
    a4c = {r0c_q[3:0], r1c_q[7:4]};
    wd  = swap_q ? a4d : a0d;
    wc  = swap_q ? a4c : a0c;

    j = 4'd8;
    for (int i = 7; i >= 0; i--) begin
      if (wc[i]) j = 4'(i);
    end
    ctl_end = wc != '0;
    is_term = ctl_end && wd[8*j[2:0] +: 8] == XgmiiTerm;

    s0 = a0c[0] && a0d[7:0] == XgmiiStart;
    s4 = a4c[0] && a4d[7:0] == XgmiiStart;
    start0 = s0 && (!in_frame_q || (!swap_q && ctl_end && j == 4'd0));
    start4 = !start0 && s4 &&
             (!in_frame_q || (!swap_q && ctl_end && j <= 4'd4) || (swap_q && ctl_end && j == 4'd0));
    pre_d  = start0 ? a0d[63:8] : a4d[63:8];
    pre_c  = start0 ? a0c[7:1] : a4c[7:1];
    pre_ok = pre_c == '0 && pre_d == {EthSfd, {6{EthPreamble}}};

    rec_valid_d = in_frame_q;
    rec_data_d  = wd;
    rec_n_d     = j;
    rec_end_d   = ctl_end;
    rec_err_d   = ferr_q || (ctl_end && !is_term);
    rec_first_d = first_q;

    in_frame_d = in_frame_q && !ctl_end;
    first_d    = 1'b0;                 // set only at a start, for one record
    swap_d     = swap_q;
    ferr_d     = ferr_q;
    if (start0 || start4) begin
      in_frame_d = 1'b1;
      first_d    = 1'b1;
      swap_d     = start4;
      ferr_d     = !pre_ok;
    end
  end

  // ------------------------------------------------- CRC, FCS strip, output
  logic [31:0] crc_q, crc_d, crc_in, crc_nx;
  logic [31:0] cnt_q, cnt_d, total;    // frame bytes so far (FCS included)
  logic [3:0]  crc_len;
  logic        hold_valid_q, hold_valid_d;
  logic        hold_last_q, hold_last_d;   // the held word is the frame's last beat
  logic [63:0] hold_data_q, hold_data_d;
  logic [7:0]  hold_keep_q, hold_keep_d;
  logic        hold_user_q, hold_user_d;
  logic        has_hold, bad;
  logic [63:0] tdata_q, tdata_d;
  logic [7:0]  tkeep_q, tkeep_d;
  logic        tvalid_q, tvalid_d;
  logic        tlast_q, tlast_d;
  logic        tuser_q, tuser_d;
  logic        st_frame_q, st_frame_d;
  logic [31:0] st_bytes_q, st_bytes_d;
  logic        st_fcs_q, st_fcs_d;
  logic        st_code_q, st_code_d;

  function automatic logic [7:0] keep_of(logic [3:0] n);
    return 8'((9'd1 << n) - 9'd1);
  endfunction

  function automatic logic [63:0] mask_keep(logic [63:0] d, logic [7:0] k);
    logic [63:0] r;
    for (int unsigned i = 0; i < 8; i++) r[8*i +: 8] = k[i] ? d[8*i +: 8] : 8'h00;
    return r;
  endfunction

  assign crc_in  = rec_first_q ? '1 : crc_q;
  assign crc_len = rec_end_q ? rec_n_q : 4'd8;

  vmq_crc32 #(
    .Bytes (8)
  ) u_crc (
    .crc_i  (crc_in),
    .data_i (rec_data_q),
    .len_i  (crc_len),
    .crc_o  (crc_nx)
  );

  always_comb begin
    total    = (rec_first_q ? 32'd0 : cnt_q) + 32'(crc_len);
    has_hold = hold_valid_q && !rec_first_q;
    bad      = rec_err_q || crc_nx != CrcResidue || total <= 32'd4;

    crc_d        = crc_q;
    cnt_d        = cnt_q;
    hold_valid_d = hold_valid_q;
    hold_last_d  = 1'b0;
    hold_data_d  = hold_data_q;
    hold_keep_d  = hold_keep_q;
    hold_user_d  = hold_user_q;
    tvalid_d     = 1'b0;
    tdata_d      = hold_data_q;
    tkeep_d      = '1;
    tlast_d      = 1'b0;
    tuser_d      = 1'b0;
    st_frame_d   = 1'b0;
    st_bytes_d   = st_bytes_q;
    st_fcs_d     = 1'b0;
    st_code_d    = 1'b0;

    if (hold_last_q) begin
      // the partial last word of a frame that ended with /T/ on lane 5..7
      tvalid_d     = 1'b1;
      tkeep_d      = hold_keep_q;
      tlast_d      = 1'b1;
      tuser_d      = hold_user_q;
      hold_valid_d = 1'b0;
    end else if (rec_valid_q) begin
      crc_d = crc_nx;
      cnt_d = total;
      if (!rec_end_q) begin
        // a full word: send the one held, hold this one (its last 4 bytes
        // may turn out to be FCS)
        tvalid_d     = has_hold;
        hold_valid_d = 1'b1;
        hold_data_d  = rec_data_q;
      end else begin
        st_code_d  = rec_err_q;
        st_fcs_d   = !rec_err_q && bad;
        st_frame_d = !bad;
        st_bytes_d = total - 32'd4;
        tlast_d    = 1'b1;
        tuser_d    = bad;
        hold_valid_d = 1'b0;
        if (total <= 32'd4) begin
          tvalid_d = 1'b1;
          tdata_d  = '0;
          tkeep_d  = 8'h01;
        end else if (has_hold && rec_n_q >= 4'd5) begin
          // held word goes out whole; n - 4 bytes of this one next cycle
          tvalid_d     = 1'b1;
          tlast_d      = 1'b0;
          tuser_d      = 1'b0;
          hold_valid_d = 1'b1;
          hold_last_d  = 1'b1;
          hold_data_d  = mask_keep(rec_data_q, keep_of(rec_n_q - 4'd4));
          hold_keep_d  = keep_of(rec_n_q - 4'd4);
          hold_user_d  = bad;
        end else if (has_hold) begin
          // the FCS starts in the held word
          tvalid_d = 1'b1;
          tkeep_d  = keep_of(rec_n_q + 4'd4);
          tdata_d  = mask_keep(hold_data_q, tkeep_d);
        end else begin
          // first word is also the last, 5..8 bytes
          tvalid_d = 1'b1;
          tkeep_d  = keep_of(rec_n_q - 4'd4);
          tdata_d  = mask_keep(rec_data_q, tkeep_d);
        end
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      r0d_q        <= IdleWord;
      r0c_q        <= '1;
      r1d_q        <= IdleWord;
      r1c_q        <= '1;
      in_frame_q   <= 1'b0;
      swap_q       <= 1'b0;
      first_q      <= 1'b0;
      ferr_q       <= 1'b0;
      rec_valid_q  <= 1'b0;
      hold_valid_q <= 1'b0;
      hold_last_q  <= 1'b0;
      tvalid_q     <= 1'b0;
      st_frame_q   <= 1'b0;
      st_fcs_q     <= 1'b0;
      st_code_q    <= 1'b0;
    end else begin
      r0d_q        <= xgmii_rxd_i;
      r0c_q        <= xgmii_rxc_i;
      r1d_q        <= r0d_q;
      r1c_q        <= r0c_q;
      in_frame_q   <= in_frame_d;
      swap_q       <= swap_d;
      first_q      <= first_d;
      ferr_q       <= ferr_d;
      rec_valid_q  <= rec_valid_d;
      hold_valid_q <= hold_valid_d;
      hold_last_q  <= hold_last_d;
      tvalid_q     <= tvalid_d;
      st_frame_q   <= st_frame_d;
      st_fcs_q     <= st_fcs_d;
      st_code_q    <= st_code_d;
    end
  end

  always_ff @(posedge clk_i) begin
    rec_data_q  <= rec_data_d;
    rec_n_q     <= rec_n_d;
    rec_end_q   <= rec_end_d;
    rec_err_q   <= rec_err_d;
    rec_first_q <= rec_first_d;
    crc_q       <= crc_d;
    cnt_q       <= cnt_d;
    hold_data_q <= hold_data_d;
    hold_keep_q <= hold_keep_d;
    hold_user_q <= hold_user_d;
    tdata_q     <= tdata_d;
    tkeep_q     <= tkeep_d;
    tlast_q     <= tlast_d;
    tuser_q     <= tuser_d;
    st_bytes_q  <= st_bytes_d;
  end

`ifndef SYNTHESIS
  // A frame ending with /T/ on lane 5..7 sends its last beat one cycle late;
  // the next frame's first word cannot come before (its preamble needs that
  // slot), so the two never collide.
  always_ff @(posedge clk_i) begin
    if (!rst_i) begin
      assert (!(hold_last_q && rec_valid_q))
        else $error("vmq_mac_rx: record lost behind a late last beat");
    end
  end
`endif

  assign m_tdata_o       = tdata_q;
  assign m_tkeep_o       = tkeep_q;
  assign m_tvalid_o      = tvalid_q;
  assign m_tlast_o       = tlast_q;
  assign m_tuser_o       = tuser_q;
  assign stat_frame_o    = st_frame_q;
  assign stat_bytes_o    = st_bytes_q;
  assign stat_fcs_err_o  = st_fcs_q;
  assign stat_code_err_o = st_code_q;

endmodule

`resetall
