`resetall
`default_nettype none

// vmq_eth_pkg: constants of the 10 GbE path (rtl/eth): the XGMII control
// characters (IEEE 802.3 clause 46, table 46-3), preamble and SFD, and the
// clause 49 64b/66b sync headers, control codes (table 49-1) and block type
// fields (figure 49-7). One copy for the MAC, the encoder and the decoder.
//
// The XGMII here is the 64-bit single-data-rate form used inside FPGAs:
// per 156.25 MHz cycle, d[63:0] carries lanes 0..7 (lane i = d[8i+7:8i],
// lane 0 first on the wire) and c[7:0] flags each lane as a control
// character (c[i] = 1) or data (c[i] = 0).
package vmq_eth_pkg;

  // XGMII control characters
  localparam logic [7:0] XgmiiIdle  = 8'h07;
  localparam logic [7:0] XgmiiStart = 8'hFB;
  localparam logic [7:0] XgmiiTerm  = 8'hFD;
  localparam logic [7:0] XgmiiError = 8'hFE;
  localparam logic [7:0] XgmiiSeq   = 8'h9C;  // ordered set (link fault signalling)

  // Frame delimiters (clause 4, 22): after the Start character, 6 bytes of
  // preamble and the start frame delimiter.
  localparam logic [7:0] EthPreamble = 8'h55;
  localparam logic [7:0] EthSfd      = 8'hD5;

  // Clause 49 sync headers, as the 2-bit value {bit1, bit0} with bit 0 the
  // first transmitted: data 01 on the wire (bit0 = 0, bit1 = 1) = 2'b10,
  // control 10 on the wire = 2'b01.
  localparam logic [1:0] SyncData = 2'b10;
  localparam logic [1:0] SyncCtrl = 2'b01;

  // The rest of table 46-3 (LPI, reserved characters, signal ordered set).
  localparam logic [7:0] XgmiiLpi  = 8'h06;
  localparam logic [7:0] XgmiiRes0 = 8'h1C;
  localparam logic [7:0] XgmiiRes1 = 8'h3C;
  localparam logic [7:0] XgmiiRes2 = 8'h7C;
  localparam logic [7:0] XgmiiRes3 = 8'hBC;
  localparam logic [7:0] XgmiiRes4 = 8'hDC;
  localparam logic [7:0] XgmiiRes5 = 8'hF7;
  localparam logic [7:0] XgmiiFsig = 8'h5C;  // signal ordered set

  // 7-bit control codes of 64b/66b control blocks (table 49-1).
  localparam logic [6:0] CodeIdle  = 7'h00;
  localparam logic [6:0] CodeError = 7'h1E;

  // Block type fields (figure 49-7): payload bits 7:0 of a control block.
  localparam logic [7:0] BtCtrl      = 8'h1E;  // C0..C7
  localparam logic [7:0] BtOs4       = 8'h2D;  // C0..C3 O4 D5..D7
  localparam logic [7:0] BtStart4    = 8'h33;  // C0..C3 S4 D5..D7
  localparam logic [7:0] BtOs0Start4 = 8'h66;  // O0 D1..D3 S4 D5..D7
  localparam logic [7:0] BtOs0Os4    = 8'h55;  // O0 D1..D3 O4 D5..D7
  localparam logic [7:0] BtStart0    = 8'h78;  // S0 D1..D7
  localparam logic [7:0] BtOs0       = 8'h4B;  // O0 D1..D3 C4..C7
  localparam logic [7:0] BtTerm0     = 8'h87;  // T0 C1..C7
  localparam logic [7:0] BtTerm1     = 8'h99;  // D0 T1 C2..C7
  localparam logic [7:0] BtTerm2     = 8'hAA;
  localparam logic [7:0] BtTerm3     = 8'hB4;
  localparam logic [7:0] BtTerm4     = 8'hCC;
  localparam logic [7:0] BtTerm5     = 8'hD2;
  localparam logic [7:0] BtTerm6     = 8'hE1;
  localparam logic [7:0] BtTerm7     = 8'hFF;  // D0..D6 T7

endpackage
