`resetall
`default_nettype none

// vmq_pcs_enc: IEEE 802.3 clause 49 64b/66b encoder (49.2.4, block formats of
// figure 49-7) with the transmit state machine of 49.2.13.2 (TX_INIT, TX_C,
// TX_D, TX_T, TX_E). One 64-bit SDR XGMII word in, one unscrambled 66-bit
// block out, every cycle. Latency 1 cycle, no stalls.
//
// Bit order (docs/eth-pcs.md): block_o[i] is payload bit i = block bit i+2,
// block_o[0] is the first payload bit on the wire; the block type field is
// block_o[7:0]; header_o = {block bit 1, block bit 0} (vmq_eth_pkg SyncData /
// SyncCtrl). XGMII lane i = txd_i[8i+7:8i], lane 0 first, bit 0 of a lane first.
//
// A word that is not a valid block (T_TYPE = E), or a valid one out of order
// (data without a start, a start inside a frame, ...), is sent as an error
// block (type 0x1E, eight /E/ codes). While rst_i is high the block is the
// local-fault block LBLOCK_T (type 0x55, two local-fault ordered sets).
module vmq_pcs_enc (
  input  logic        clk_i,
  input  logic        rst_i,
  input  logic [63:0] txd_i,
  input  logic [7:0]  txc_i,
  output logic [63:0] block_o,
  output logic [1:0]  header_o
);
  import vmq_eth_pkg::*;

  // error block: type 0x1E, eight /E/ codes
  localparam logic [63:0] EBlock = {{8{CodeError}}, BtCtrl};
  // LBLOCK_T: two local-fault ordered sets (/Q/ 00 00 01, O code 0)
  localparam logic [63:0] LBlock = {8'h01, 8'h00, 8'h00, 4'h0, 4'h0, 8'h01, 8'h00, 8'h00,
                                    BtOs0Os4};

  // T_TYPE of an XGMII word (49.2.13.2.3)
  typedef enum logic [2:0] {TypC, TypS, TypT, TypD, TypE} blk_type_e;
  typedef enum logic [2:0] {TxInit, TxC, TxD, TxT, TxE} tx_state_e;

  // {valid, 7-bit code} of a control character that has a 7-bit code (49-1)
  function automatic logic [7:0] ctl_code(input logic [7:0] ch);
    unique case (ch)
      XgmiiIdle:  return {1'b1, CodeIdle};
      XgmiiLpi:   return {1'b1, 7'h06};
      XgmiiError: return {1'b1, CodeError};
      XgmiiRes0:  return {1'b1, 7'h2D};
      XgmiiRes1:  return {1'b1, 7'h33};
      XgmiiRes2:  return {1'b1, 7'h4B};
      XgmiiRes3:  return {1'b1, 7'h55};
      XgmiiRes4:  return {1'b1, 7'h66};
      XgmiiRes5:  return {1'b1, 7'h78};
      default:    return 8'h00;
    endcase
  endfunction

  // {valid, O code} of an ordered-set control character (/Q/ or /Fsig/)
  function automatic logic [4:0] o_code(input logic [7:0] ch);
    unique case (ch)
      XgmiiSeq:  return {1'b1, 4'h0};
      XgmiiFsig: return {1'b1, 4'hF};
      default:   return 5'h00;
    endcase
  endfunction

  tx_state_e   state_q, state_d;
  logic [63:0] block_q, block_d;
  logic [1:0]  header_q, header_d;

  logic [7:0][7:0] ch;       // lane characters
  logic [7:0][7:0] cv;       // {valid, code} per lane
  logic [7:0][6:0] code;     // 7-bit codes
  logic [4:0]      ov0, ov4; // {valid, O code} of lanes 0 and 4
  logic [3:0]      oc0, oc4; // O codes of lanes 0 and 4
  logic [7:0]      dat;      // lane carries data
  logic [7:0]      cc;       // lane carries a control character with a 7-bit code
  logic [7:0]      ee;       // lane carries /E/
  logic            oo0, oo4; // lane 0 / 4 carries an ordered-set character (valid O code)
  logic            ss0, ss4; // lane 0 / 4 carries /S/
  logic [7:0]      tt;       // lane carries /T/
  logic [7:0]      term_ok;  // a terminate block with /T/ in lane k is valid
  blk_type_e       typ;
  logic [63:0]     enc;      // the block for the word, if valid

  always_comb begin
    ch = txd_i;
    for (int i = 0; i < 8; i++) begin
      cv[i]   = ctl_code(ch[i]);
      code[i] = cv[i][6:0];
      dat[i]  = !txc_i[i];
      cc[i]   = txc_i[i] && cv[i][7];
      ee[i]   = txc_i[i] && ch[i] == XgmiiError;
      tt[i]   = txc_i[i] && ch[i] == XgmiiTerm;
    end
    ov0 = o_code(ch[0]);
    ov4 = o_code(ch[4]);
    oc0 = ov0[3:0];
    oc4 = ov4[3:0];
    oo0 = txc_i[0] && ov0[4];
    oo4 = txc_i[4] && ov4[4];
    ss0 = txc_i[0] && ch[0] == XgmiiStart;
    ss4 = txc_i[4] && ch[4] == XgmiiStart;
    // /T/ in lane k: data before it, valid control characters after it
    for (int k = 0; k < 8; k++) begin
      term_ok[k] = tt[k];
      for (int j = 0; j < 8; j++) begin
        if (j < k && !dat[j]) term_ok[k] = 1'b0;
        if (j > k && !cc[j])  term_ok[k] = 1'b0;
      end
    end

    // classify and encode (figure 49-7); first match wins, all are exclusive
    typ = TypE;
    enc = EBlock;
    if (&dat) begin
      typ = TypD;
      enc = txd_i;
    end else if (&cc && !(|ee)) begin
      typ = TypC;
      enc = {code[7], code[6], code[5], code[4], code[3], code[2], code[1], code[0], BtCtrl};
    end else if (&cc[3:0] && oo4 && &dat[7:5]) begin
      typ = TypC;
      enc = {ch[7], ch[6], ch[5], oc4, code[3], code[2], code[1], code[0], BtOs4};
    end else if (&cc[3:0] && ss4 && &dat[7:5]) begin
      typ = TypS;
      enc = {ch[7], ch[6], ch[5], 4'h0, code[3], code[2], code[1], code[0], BtStart4};
    end else if (oo0 && &dat[3:1] && ss4 && &dat[7:5]) begin
      typ = TypS;
      enc = {ch[7], ch[6], ch[5], 4'h0, oc0, ch[3], ch[2], ch[1], BtOs0Start4};
    end else if (oo0 && &dat[3:1] && oo4 && &dat[7:5]) begin
      typ = TypC;
      enc = {ch[7], ch[6], ch[5], oc4, oc0, ch[3], ch[2], ch[1], BtOs0Os4};
    end else if (ss0 && &dat[7:1]) begin
      typ = TypS;
      enc = {txd_i[63:8], BtStart0};
    end else if (oo0 && &dat[3:1] && &cc[7:4]) begin
      typ = TypC;
      enc = {code[7], code[6], code[5], code[4], oc0, ch[3], ch[2], ch[1], BtOs0};
    end else if (|term_ok) begin
      typ = TypT;
      unique case (1'b1)
        term_ok[0]: enc = {code[7], code[6], code[5], code[4], code[3], code[2], code[1], 7'h00,
                           BtTerm0};
        term_ok[1]: enc = {code[7], code[6], code[5], code[4], code[3], code[2], 6'h00, ch[0],
                           BtTerm1};
        term_ok[2]: enc = {code[7], code[6], code[5], code[4], code[3], 5'h00, ch[1], ch[0],
                           BtTerm2};
        term_ok[3]: enc = {code[7], code[6], code[5], code[4], 4'h0, ch[2], ch[1], ch[0],
                           BtTerm3};
        term_ok[4]: enc = {code[7], code[6], code[5], 3'h0, ch[3], ch[2], ch[1], ch[0], BtTerm4};
        term_ok[5]: enc = {code[7], code[6], 2'h0, ch[4], ch[3], ch[2], ch[1], ch[0], BtTerm5};
        term_ok[6]: enc = {code[7], 1'b0, ch[5], ch[4], ch[3], ch[2], ch[1], ch[0], BtTerm6};
        term_ok[7]: enc = {ch[6], ch[5], ch[4], ch[3], ch[2], ch[1], ch[0], BtTerm7};
        default:    enc = EBlock;
      endcase
    end

    // transmit state machine: the state reached decides what this word sends
    state_d = TxE;
    unique case (state_q)
      TxInit, TxC, TxT: begin
        if (typ == TypC)      state_d = TxC;
        else if (typ == TypS) state_d = TxD;
      end
      TxD: begin
        if (typ == TypD)      state_d = TxD;
        else if (typ == TypT) state_d = TxT;
      end
      TxE: begin
        unique case (typ)
          TypC:       state_d = TxC;
          TypS, TypD: state_d = TxD;
          TypT:       state_d = TxT;
          default:    state_d = TxE;
        endcase
      end
      default: state_d = TxE;
    endcase

    block_d  = state_d == TxE ? EBlock : enc;
    header_d = (state_d == TxE || typ != TypD) ? SyncCtrl : SyncData;
    if (rst_i) begin
      state_d  = TxInit;
      block_d  = LBlock;
      header_d = SyncCtrl;
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) state_q <= TxInit;
    else       state_q <= state_d;
  end

  // datapath: no reset (block_d is LBLOCK_T while rst_i is high)
  always_ff @(posedge clk_i) begin
    block_q  <= block_d;
    header_q <= header_d;
  end

  assign block_o  = block_q;
  assign header_o = header_q;

endmodule : vmq_pcs_enc

`resetall
