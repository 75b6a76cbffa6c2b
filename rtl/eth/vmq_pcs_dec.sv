`resetall
`default_nettype none

// vmq_pcs_dec: IEEE 802.3 clause 49 64b/66b decoder (block formats of figure
// 49-7) with the receive state machine of 49.2.13.2 (RX_INIT, RX_C, RX_D,
// RX_T, RX_E), for descrambled blocks, one per cycle. Latency 2 cycles: the
// machine looks one block ahead (R_TYPE_NEXT) before it passes a terminate
// block.
//
// Bit order as vmq_pcs_enc: block_i[i] = payload bit i (bit 0 first on the
// wire, block type field = block_i[7:0]), header_i = {bit 1, bit 0}.
//
// - init_i high (no block lock, or hi_ber), or rst_i: RX_INIT, the output is
//   LBLOCK_R (local fault ordered set in lanes 0 and 4: 9C 00 00 01 twice).
// - Blocks that are not valid (R_TYPE = E: bad sync header, unknown type
//   field, invalid 7-bit or O code, /E/ in a type 0x1E block) and valid
//   blocks out of order (data with no start, start in a frame, terminate
//   not followed by a control or start block, ...) leave as EBLOCK_R: eight
//   /E/ characters. err_o marks each such output word (RX_E).
// - The unused bits of terminate and start blocks are ignored.
module vmq_pcs_dec (
  input  logic        clk_i,
  input  logic        rst_i,
  input  logic [63:0] block_i,
  input  logic [1:0]  header_i,
  input  logic        init_i,
  output logic [63:0] rxd_o,
  output logic [7:0]  rxc_o,
  output logic        err_o
);
  import vmq_eth_pkg::*;

  localparam logic [63:0] EBlockD = {8{XgmiiError}};
  localparam logic [7:0]  EBlockC = 8'hFF;
  localparam logic [63:0] LBlockD = {8'h01, 8'h00, 8'h00, XgmiiSeq, 8'h01, 8'h00, 8'h00, XgmiiSeq};
  localparam logic [7:0]  LBlockC = 8'h11;

  // R_TYPE of a block (49.2.13.2.3)
  typedef enum logic [2:0] {TypC, TypS, TypT, TypD, TypE} blk_type_e;
  typedef enum logic [2:0] {RxInit, RxC, RxD, RxT, RxE} rx_state_e;

  // {valid, XGMII character} of a 7-bit control code (table 49-1)
  function automatic logic [8:0] code_char(input logic [6:0] code);
    unique case (code)
      7'h00:     return {1'b1, XgmiiIdle};
      7'h06:     return {1'b1, XgmiiLpi};
      CodeError: return {1'b1, XgmiiError};
      7'h2D:     return {1'b1, XgmiiRes0};
      7'h33:     return {1'b1, XgmiiRes1};
      7'h4B:     return {1'b1, XgmiiRes2};
      7'h55:     return {1'b1, XgmiiRes3};
      7'h66:     return {1'b1, XgmiiRes4};
      7'h78:     return {1'b1, XgmiiRes5};
      default:   return 9'h000;
    endcase
  endfunction

  // {valid, XGMII character} of an O code
  function automatic logic [8:0] o_char(input logic [3:0] oc);
    unique case (oc)
      4'h0:    return {1'b1, XgmiiSeq};
      4'hF:    return {1'b1, XgmiiFsig};
      default: return 9'h000;
    endcase
  endfunction

  // ---- stage 1: classify and decode the incoming block ----
  logic [7:0][8:0] cch;      // {valid, char} of the 7-bit code at payload bits 8+7j
  logic [7:0]      cv;       // ... valid
  logic [7:0]      cerr;     // ... is /E/
  logic [8:0]      och0, och4;  // {valid, char} of the O codes at bits 32 and 36
  logic [7:0]      btype;
  logic [7:0][7:0] pb;       // payload bytes
  blk_type_e       in_type;
  logic [63:0]     in_rxd;
  logic [7:0]      in_rxc;

  always_comb begin
    pb    = block_i;
    btype = pb[0];
    for (int j = 0; j < 8; j++) begin
      cch[j]  = code_char(block_i[8+7*j +: 7]);
      cv[j]   = cch[j][8];
      cerr[j] = block_i[8+7*j +: 7] == CodeError;
    end
    och0 = o_char(block_i[35:32]);
    och4 = o_char(block_i[39:36]);

    in_type = TypE;
    in_rxd  = EBlockD;
    in_rxc  = EBlockC;
    if (header_i == SyncData) begin
      in_type = TypD;
      in_rxd  = block_i;
      in_rxc  = 8'h00;
    end else if (header_i == SyncCtrl) begin
      unique case (btype)
        BtCtrl: if (&cv && !(|cerr)) begin
          in_type = TypC;
          in_rxd  = {cch[7][7:0], cch[6][7:0], cch[5][7:0], cch[4][7:0],
                     cch[3][7:0], cch[2][7:0], cch[1][7:0], cch[0][7:0]};
          in_rxc  = 8'hFF;
        end
        BtOs4: if (&cv[3:0] && och4[8]) begin
          in_type = TypC;
          in_rxd  = {pb[7], pb[6], pb[5], och4[7:0],
                     cch[3][7:0], cch[2][7:0], cch[1][7:0], cch[0][7:0]};
          in_rxc  = 8'h1F;
        end
        BtStart4: if (&cv[3:0]) begin
          in_type = TypS;
          in_rxd  = {pb[7], pb[6], pb[5], XgmiiStart,
                     cch[3][7:0], cch[2][7:0], cch[1][7:0], cch[0][7:0]};
          in_rxc  = 8'h1F;
        end
        BtOs0Start4: if (och0[8]) begin
          in_type = TypS;
          in_rxd  = {pb[7], pb[6], pb[5], XgmiiStart, pb[3], pb[2], pb[1], och0[7:0]};
          in_rxc  = 8'h11;
        end
        BtOs0Os4: if (och0[8] && och4[8]) begin
          in_type = TypC;
          in_rxd  = {pb[7], pb[6], pb[5], och4[7:0], pb[3], pb[2], pb[1], och0[7:0]};
          in_rxc  = 8'h11;
        end
        BtStart0: begin
          in_type = TypS;
          in_rxd  = {block_i[63:8], XgmiiStart};
          in_rxc  = 8'h01;
        end
        BtOs0: if (&cv[7:4] && och0[8]) begin
          in_type = TypC;
          in_rxd  = {cch[7][7:0], cch[6][7:0], cch[5][7:0], cch[4][7:0],
                     pb[3], pb[2], pb[1], och0[7:0]};
          in_rxc  = 8'hF1;
        end
        BtTerm0: if (&cv[7:1]) begin
          in_type = TypT;
          in_rxd  = {cch[7][7:0], cch[6][7:0], cch[5][7:0], cch[4][7:0],
                     cch[3][7:0], cch[2][7:0], cch[1][7:0], XgmiiTerm};
          in_rxc  = 8'hFF;
        end
        BtTerm1: if (&cv[7:2]) begin
          in_type = TypT;
          in_rxd  = {cch[7][7:0], cch[6][7:0], cch[5][7:0], cch[4][7:0],
                     cch[3][7:0], cch[2][7:0], XgmiiTerm, pb[1]};
          in_rxc  = 8'hFE;
        end
        BtTerm2: if (&cv[7:3]) begin
          in_type = TypT;
          in_rxd  = {cch[7][7:0], cch[6][7:0], cch[5][7:0], cch[4][7:0],
                     cch[3][7:0], XgmiiTerm, pb[2], pb[1]};
          in_rxc  = 8'hFC;
        end
        BtTerm3: if (&cv[7:4]) begin
          in_type = TypT;
          in_rxd  = {cch[7][7:0], cch[6][7:0], cch[5][7:0], cch[4][7:0],
                     XgmiiTerm, pb[3], pb[2], pb[1]};
          in_rxc  = 8'hF8;
        end
        BtTerm4: if (&cv[7:5]) begin
          in_type = TypT;
          in_rxd  = {cch[7][7:0], cch[6][7:0], cch[5][7:0], XgmiiTerm, pb[4], pb[3], pb[2], pb[1]};
          in_rxc  = 8'hF0;
        end
        BtTerm5: if (&cv[7:6]) begin
          in_type = TypT;
          in_rxd  = {cch[7][7:0], cch[6][7:0], XgmiiTerm, pb[5], pb[4], pb[3], pb[2], pb[1]};
          in_rxc  = 8'hE0;
        end
        BtTerm6: if (cv[7]) begin
          in_type = TypT;
          in_rxd  = {cch[7][7:0], XgmiiTerm, pb[6], pb[5], pb[4], pb[3], pb[2], pb[1]};
          in_rxc  = 8'hC0;
        end
        BtTerm7: begin
          in_type = TypT;
          in_rxd  = {XgmiiTerm, pb[7], pb[6], pb[5], pb[4], pb[3], pb[2], pb[1]};
          in_rxc  = 8'h80;
        end
        default: ;  // unknown block type field: E
      endcase
    end
  end

  // stage 1 registers: the block now being decided ("current"); the block
  // on block_i is then the next one (R_TYPE_NEXT)
  blk_type_e   cur_type_q;
  logic [63:0] cur_rxd_q;
  logic [7:0]  cur_rxc_q;
  logic        cur_init_q;

  // ---- stage 2: receive state machine, output register ----
  rx_state_e   state_q, state_d;
  logic [63:0] rxd_q, rxd_d;
  logic [7:0]  rxc_q, rxc_d;
  logic        err_q, err_d;
  logic        next_ok;  // R_TYPE_NEXT is S or C

  always_comb begin
    next_ok = in_type == TypS || in_type == TypC;
    state_d = RxE;
    unique case (state_q)
      RxInit, RxC, RxT: begin
        if (cur_type_q == TypC)      state_d = RxC;
        else if (cur_type_q == TypS) state_d = RxD;
      end
      RxD: begin
        if (cur_type_q == TypD)                 state_d = RxD;
        else if (cur_type_q == TypT && next_ok) state_d = RxT;
      end
      RxE: begin
        unique case (cur_type_q)
          TypC:       state_d = RxC;
          TypS, TypD: state_d = RxD;
          TypT:       state_d = next_ok ? RxT : RxE;
          default:    state_d = RxE;
        endcase
      end
      default: state_d = RxE;
    endcase
    // RX_INIT also in reset, so the output is defined from the first reset edge
    if (cur_init_q || rst_i) state_d = RxInit;

    rxd_d = cur_rxd_q;
    rxc_d = cur_rxc_q;
    err_d = 1'b0;
    if (state_d == RxInit) begin
      rxd_d = LBlockD;
      rxc_d = LBlockC;
    end else if (state_d == RxE) begin
      rxd_d = EBlockD;
      rxc_d = EBlockC;
      err_d = 1'b1;
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      cur_init_q <= 1'b1;
      state_q    <= RxInit;
      err_q      <= 1'b0;
    end else begin
      cur_init_q <= init_i;
      state_q    <= state_d;
      err_q      <= err_d;
    end
  end

  // datapath: no reset (cur_init_q covers the first cycles)
  always_ff @(posedge clk_i) begin
    cur_type_q <= in_type;
    cur_rxd_q  <= in_rxd;
    cur_rxc_q  <= in_rxc;
    rxd_q      <= rxd_d;
    rxc_q      <= rxc_d;
  end

  assign rxd_o = rxd_q;
  assign rxc_o = rxc_q;
  assign err_o = err_q;

endmodule : vmq_pcs_dec

`resetall
