`resetall
`default_nettype none

// vmq_mac_tx: 10 GbE transmit MAC, AXI4-Stream (64-bit) to 64-bit SDR XGMII
// (IEEE 802.3 clauses 4 and 46; docs/eth-mac.md).
//
//   s_t* -> beat register -> word generator (CRC, pad, FCS, /T/, DIC) -> lane-4 shift -> XGMII
//
// Each frame goes out as /S/ + 6 x 0x55 + 0xD5, the data, zeros up to
// MinDataBytes data bytes, the FCS (CRC-32, least significant byte first),
// /T/, then /I/. /S/ lands on lane 0 or 4; the word generator always builds
// the frame as if /S/ were on lane 0 and the last stage delays the whole
// stream by four lanes while the frame has to start on lane 4.
//
// Inter-packet gap (IPG): counted in bytes from the /T/ (inclusive) to the
// next /S/ (exclusive), as clause 46 counts it. With the deficit idle count
// d (0..3) the next /S/ goes on the first lane 0/4 position with
// IPG >= 9 + d, and then d <- max(0, d + 12 - IPG). Back to back, every IPG
// is 9..15 bytes and the sum over N frames is 12 N - (d_N - d_0): the
// average is 12 bytes. A frame that is not ready yet only makes the gap
// longer (and d falls to 0).
//
// Input: one beat per cycle while a frame is sent (s_tready_o is high in
// every data cycle). The first beat of the next frame is taken early and
// held; s_tready_o is low while it waits. Once a frame has started, a cycle
// without a beat is an underrun: the frame ends at once with /E/ /T/ and the
// rest of its beats are taken and dropped up to its tlast. s_tuser_i on the
// tlast beat sends the frame with /E/ in place of the FCS.
//
// Latency: beat accepted -> its first byte on the XGMII 3 cycles later
// (3.5 with the lane-4 shift). Throughput: full line rate for any size.
module vmq_mac_tx #(
  parameter int unsigned MinDataBytes = 60   // pad target (data bytes before the FCS)
) (
  input  logic        clk_i,
  input  logic        rst_i,

  input  logic [63:0] s_tdata_i,
  input  logic [7:0]  s_tkeep_i,
  input  logic        s_tvalid_i,
  output logic        s_tready_o,
  input  logic        s_tlast_i,
  input  logic        s_tuser_i,   // on tlast: abort, send the frame with an error

  output logic [63:0] xgmii_txd_o,
  output logic [7:0]  xgmii_txc_o,

  // one pulse per frame, to the counters
  output logic        stat_frame_o,     // sent with a good FCS
  output logic [31:0] stat_bytes_o,     // its data bytes after padding (valid with stat_frame_o)
  output logic        stat_error_o,     // sent with /E/ in place of the FCS (s_tuser_i)
  output logic        stat_underrun_o   // cut short by an underrun
);
  import vmq_eth_pkg::*;

  if (MinDataBytes > 9600) begin : gen_bad_min
    $fatal(1, "vmq_mac_tx: MinDataBytes must be 0..9600");
  end

  typedef enum logic [1:0] {
    StIdle,  // idles; start the held beat's frame when the gap allows
    StData,  // one data beat per cycle
    StPad,   // zero words up to MinDataBytes
    StTail   // the FCS bytes that did not fit in the last word, /T/
  } state_e;

  localparam logic [63:0] IdleWord = {8{XgmiiIdle}};
  localparam logic [63:0] PreWord  = {EthSfd, {6{EthPreamble}}, XgmiiStart};
  localparam logic [63:0] UnderrunWord = {{6{XgmiiIdle}}, XgmiiTerm, XgmiiError};
  // The gap counter holds IPG bytes so far + 8 (the IPG is -3..8 at the end
  // of the cycle with /T/), saturating: anything >= 15 is "long enough".
  localparam logic [4:0] GapSat = 5'd31;

  // ---------------------------------------------------------------- state
  state_e      st_q, st_d;
  logic        beat_valid_q, beat_valid_d;
  logic [63:0] beat_data_q, beat_data_d;
  logic [3:0]  beat_n_q, beat_n_d;       // its byte count (tkeep length), data zeroed past it
  logic        beat_last_q, beat_last_d;
  logic        beat_user_q, beat_user_d;
  logic        drop_q, drop_d;          // dropping the rest of an underrun frame
  logic [31:0] crc_q, crc_d;
  logic [31:0] cnt_q, cnt_d;            // data bytes of this frame so far (padding included)
  logic [13:0] need_q, need_d;          // bytes still missing to MinDataBytes
  logic        err_q, err_d;            // the frame is aborted (tuser), padding still to do
  logic [31:0] tail_fcs_q, tail_fcs_d;
  logic [2:0]  tail_k_q, tail_k_d;      // FCS bytes left for StTail (0..4)
  logic        tail_err_q, tail_err_d;
  logic [4:0]  gap_q, gap_d;            // IPG so far + 8
  logic [1:0]  dic_q, dic_d;            // deficit idle count
  logic        swap_q, swap_d;          // this frame starts on lane 4
  logic [63:0] u_q, u_d;                // generated word (frame as if /S/ on lane 0)
  logic [7:0]  uc_q, uc_d;
  logic [31:0] hold_q, hold_d;          // upper half of the previous generated word
  logic [3:0]  holdc_q, holdc_d;
  logic [63:0] txd_q, txd_d;
  logic [7:0]  txc_q, txc_d;
  logic        st_frame_q, st_frame_d;
  logic [31:0] st_bytes_q, st_bytes_d;
  logic        st_error_q, st_error_d;
  logic        st_under_q, st_under_d;

  // ------------------------------------------------------------- datapath
  logic        take, underrun, dropping, acc;
  logic        w_last, w_user, w_fin;
  logic [63:0] w_data;
  logic [3:0]  w_n;
  logic [3:0]  pad_n;
  logic [31:0] crc_nx, fcs;
  logic        can0, can4, start;
  logic [5:0]  g_eff;
  logic        t_emit;
  logic [3:0]  tu;                      // lane of /T/ in the generated word

  // Length of a tkeep: index of the highest set bit + 1 (holes count as data).
  function automatic logic [3:0] keep_len(logic [7:0] k);
    logic [3:0] n;
    n = '0;
    for (int unsigned i = 0; i < 8; i++) begin
      if (k[i]) n = 4'(i + 1);
    end
    return n;
  endfunction

  function automatic logic [63:0] mask_bytes(logic [63:0] d, logic [3:0] n);
    logic [63:0] r;
    for (int unsigned i = 0; i < 8; i++) r[8*i +: 8] = (4'(i) < n) ? d[8*i +: 8] : 8'h00;
    return r;
  endfunction

  vmq_crc32 #(
    .Bytes (8)
  ) u_crc (
    .crc_i  (crc_q),
    .data_i (w_data),
    .len_i  (w_n),
    .crc_o  (crc_nx)
  );

  always_comb begin
    // ---- input register: holds the next beat; empty during an underrun drop
    take       = (st_q == StData) && beat_valid_q;
    underrun   = (st_q == StData) && !beat_valid_q;
    s_tready_o = !beat_valid_q || take;
    acc        = s_tvalid_i && s_tready_o;
    dropping   = drop_q || underrun;
    beat_valid_d = beat_valid_q && !take;
    beat_data_d  = beat_data_q;
    beat_n_d     = beat_n_q;
    beat_last_d  = beat_last_q;
    beat_user_d  = beat_user_q;
    if (acc && !dropping) begin
      beat_valid_d = 1'b1;
      // only the tlast beat may be partial; the bytes past it are padding
      beat_n_d     = s_tlast_i ? keep_len(s_tkeep_i) : 4'd8;
      beat_data_d  = mask_bytes(s_tdata_i, beat_n_d);
      beat_last_d  = s_tlast_i;
      beat_user_d  = s_tuser_i;
    end
    drop_d = dropping && !(acc && s_tlast_i);

    // ---- the data word of StData / StPad: n bytes, padded, final or not
    pad_n  = (need_q >= 14'd8) ? 4'd8 : 4'(need_q);
    if (st_q == StPad) begin
      w_last = 1'b1;
      w_user = err_q;
      w_n    = pad_n;
      w_data = '0;
    end else begin
      w_last = beat_last_q;
      w_user = beat_user_q;
      w_n    = !beat_last_q ? 4'd8 : (beat_n_q > pad_n ? beat_n_q : pad_n);
      w_data = beat_data_q;
    end
    w_fin = w_last && need_q <= 14'd8;
  end

  always_comb begin
    fcs = ~crc_nx;

    // ---- start of the next frame: first lane 0/4 position with IPG >= 9 + d
    can0  = gap_q >= 5'd17 + 5'(dic_q);
    can4  = gap_q >= 5'd13 + 5'(dic_q);
    start = (st_q == StIdle) && beat_valid_q && (can0 || can4);
    g_eff = 6'(gap_q) + (can0 ? 6'd0 : 6'd4);

    // ---- word generator
    st_d       = st_q;
    crc_d      = crc_q;
    cnt_d      = cnt_q;
    need_d     = need_q;
    err_d      = err_q;
    tail_fcs_d = tail_fcs_q;
    tail_k_d   = tail_k_q;
    tail_err_d = tail_err_q;
    gap_d      = gap_q;
    dic_d      = dic_q;
    swap_d     = swap_q;
    u_d        = IdleWord;
    uc_d       = '1;
    t_emit     = 1'b0;
    tu         = '0;
    st_frame_d = 1'b0;
    st_bytes_d = st_bytes_q;
    st_error_d = 1'b0;
    st_under_d = 1'b0;

    unique case (st_q)
      StIdle: begin
        if (start) begin
          u_d    = PreWord;
          uc_d   = 8'h01;
          st_d   = StData;
          swap_d = !can0;
          // d <- max(0, d + 12 - IPG), IPG = g_eff - 8
          dic_d  = (g_eff >= 6'd20 + 6'(dic_q)) ? 2'd0 : 2'(6'd20 + 6'(dic_q) - g_eff);
          crc_d  = '1;
          cnt_d  = '0;
          need_d = 14'(MinDataBytes);
          err_d  = 1'b0;
        end else begin
          gap_d = (gap_q > GapSat - 5'd8) ? GapSat : gap_q + 5'd8;
        end
      end
      StData, StPad: begin
        if (underrun) begin
          u_d        = UnderrunWord;
          t_emit     = 1'b1;
          tu         = 4'd1;
          st_d       = StIdle;
          st_under_d = 1'b1;
        end else begin
          crc_d  = crc_nx;
          cnt_d  = cnt_q + 32'(w_n);
          need_d = (need_q > 14'(w_n)) ? need_q - 14'(w_n) : '0;
          if (!w_fin) begin
            u_d  = w_data;
            uc_d = '0;
            if (w_last) begin
              st_d  = StPad;
              err_d = w_user;
            end
          end else begin
            // last word: data, 4 FCS bytes (or /E/), /T/, /I/; what does
            // not fit goes to StTail
            for (int unsigned i = 0; i < 8; i++) begin
              if (4'(i) < w_n) begin
                u_d[8*i +: 8] = w_data[8*i +: 8];
                uc_d[i]       = 1'b0;
              end else if (5'(i) < 5'(w_n) + 5'd4) begin
                u_d[8*i +: 8] = w_user ? XgmiiError : fcs[8*(i - 32'(w_n)) +: 8];
                uc_d[i]       = w_user;
              end else if (5'(i) == 5'(w_n) + 5'd4) begin
                u_d[8*i +: 8] = XgmiiTerm;
              end
            end
            if (w_n >= 4'd4) begin
              st_d       = StTail;
              tail_k_d   = 3'(w_n - 4'd4);
              tail_fcs_d = fcs;
              tail_err_d = w_user;
            end else begin
              st_d   = StIdle;
              t_emit = 1'b1;
              tu     = w_n + 4'd4;
            end
            st_frame_d = !w_user;
            st_error_d = w_user;
            st_bytes_d = cnt_q + 32'(w_n);
          end
        end
      end
      StTail: begin
        for (int unsigned i = 0; i < 8; i++) begin
          if (3'(i) < tail_k_q) begin
            u_d[8*i +: 8] = tail_err_q ? XgmiiError
                                       : tail_fcs_q[8*(i + 4 - 32'(tail_k_q)) +: 8];
            uc_d[i]       = tail_err_q;
          end else if (3'(i) == tail_k_q) begin
            u_d[8*i +: 8] = XgmiiTerm;
          end
        end
        st_d   = StIdle;
        t_emit = 1'b1;
        tu     = 4'(tail_k_q);
      end
      default: st_d = StIdle;
    endcase
    // IPG bytes up to the end of the cycle the /T/ goes out in: the /T/ sits
    // on output lane tu + 4 * swap of this cycle's generated word.
    if (t_emit) gap_d = 5'd16 - 5'(tu) - (swap_q ? 5'd4 : 5'd0);

    // ---- lane-4 shift: the generated stream is delayed by half a word
    // while swap is set. It only changes at a start, after at least 4 idle
    // lanes (the half word dropped or repeated is always idle).
    hold_d  = u_q[63:32];
    holdc_d = uc_q[7:4];
    txd_d   = swap_q ? {u_q[31:0], hold_q} : u_q;
    txc_d   = swap_q ? {uc_q[3:0], holdc_q} : uc_q;
  end

  // Control state and everything the wire sees reset; beat/CRC data do not.
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      st_q         <= StIdle;
      beat_valid_q <= 1'b0;
      drop_q       <= 1'b0;
      err_q        <= 1'b0;
      tail_k_q     <= '0;
      tail_err_q   <= 1'b0;
      gap_q        <= GapSat;
      dic_q        <= '0;
      swap_q       <= 1'b0;
      u_q          <= IdleWord;
      uc_q         <= '1;
      hold_q       <= IdleWord[31:0];
      holdc_q      <= '1;
      txd_q        <= IdleWord;
      txc_q        <= '1;
      st_frame_q   <= 1'b0;
      st_error_q   <= 1'b0;
      st_under_q   <= 1'b0;
    end else begin
      st_q         <= st_d;
      beat_valid_q <= beat_valid_d;
      drop_q       <= drop_d;
      err_q        <= err_d;
      tail_k_q     <= tail_k_d;
      tail_err_q   <= tail_err_d;
      gap_q        <= gap_d;
      dic_q        <= dic_d;
      swap_q       <= swap_d;
      u_q          <= u_d;
      uc_q         <= uc_d;
      hold_q       <= hold_d;
      holdc_q      <= holdc_d;
      txd_q        <= txd_d;
      txc_q        <= txc_d;
      st_frame_q   <= st_frame_d;
      st_error_q   <= st_error_d;
      st_under_q   <= st_under_d;
    end
  end

  always_ff @(posedge clk_i) begin
    beat_data_q <= beat_data_d;
    beat_n_q    <= beat_n_d;
    beat_last_q <= beat_last_d;
    beat_user_q <= beat_user_d;
    crc_q       <= crc_d;
    cnt_q       <= cnt_d;
    need_q      <= need_d;
    tail_fcs_q  <= tail_fcs_d;
    st_bytes_q  <= st_bytes_d;
  end

  assign xgmii_txd_o     = txd_q;
  assign xgmii_txc_o     = txc_q;
  assign stat_frame_o    = st_frame_q;
  assign stat_bytes_o    = st_bytes_q;
  assign stat_error_o    = st_error_q;
  assign stat_underrun_o = st_under_q;

endmodule

`resetall
