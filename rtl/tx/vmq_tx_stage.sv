`resetall
`default_nettype none

// vmq_tx_stage: transmit staging buffer (SPEC §5 store and forward;
// docs/tx-dma.md).
//
// Each queue owns a circular region of StageBytes in a RAM of AxiDataW-wide
// words, split into two banks (even and odd words) so that one R beat, whose
// valid bytes start at any lane, lands at any byte position in one cycle:
// it touches at most two consecutive words, one in each bank.
//
// Payload read data (AXI ID {11, q}) arrive in order per queue; the burst
// tags pushed by vmq_tx_ring at AR time say where the valid bytes of each
// burst start (first lane) and how many there are. The bytes of a queue's
// frames are packed back to back, each frame starting on a word boundary,
// so vmq_tx_out reads frame k from its first word with no realignment.
// bursts_done_o[q] counts the queue's bursts fully written; a frame is
// staged once that count reaches the frame record's burst mark.
module vmq_tx_stage #(
  parameter int unsigned NumQueues  = 16,
  parameter int unsigned AxiDataW   = 128,
  parameter int unsigned StageBytes = 16384,   // per queue, power of two
  parameter int unsigned TagDepth   = 32,      // per queue, power of two
  localparam int unsigned QW        = (NumQueues > 1) ? $clog2(NumQueues) : 1,
  localparam int unsigned IdW       = QW + 2,
  localparam int unsigned AB        = AxiDataW / 8,
  localparam int unsigned LB        = $clog2(AB),
  localparam int unsigned SBW       = $clog2(StageBytes),   // byte offset in a region
  localparam int unsigned WW        = SBW - LB              // word offset in a region
) (
  input  logic                        clk_i,
  input  logic                        rst_i,
  input  logic [NumQueues-1:0]        qrst_i,       // per-queue reset (vmq_tx_ring)

  // burst tags
  input  logic                        tag_push_i,
  input  logic [QW-1:0]               tag_q_i,
  input  logic [LB-1:0]               tag_lo_i,
  input  logic [12:0]                 tag_n_i,
  input  logic                        tag_sof_i,
  output logic [NumQueues-1:0][15:0]  bursts_done_o,

  // payload read data
  input  logic                        r_valid_i,
  output logic                        r_ready_o,
  input  logic [IdW-1:0]              r_id_i,
  input  logic [AxiDataW-1:0]         r_data_i,
  input  logic [1:0]                  r_resp_i,
  input  logic                        r_last_i,
  output logic                        err_o,        // first error beat of a burst
  output logic [QW-1:0]               err_q_o,

  // read port (vmq_tx_out): word `rd_word_i` of queue rd_q_i's region,
  // data on rd_data_o the next cycle
  input  logic                        rd_en_i,
  input  logic [QW-1:0]               rd_q_i,
  input  logic [WW-1:0]               rd_word_i,
  output logic [AxiDataW-1:0]         rd_data_o
);
  localparam int unsigned TW = $clog2(TagDepth);
  localparam int unsigned BankD = NumQueues * (StageBytes / AB) / 2;

  if ((1 << TW) != TagDepth || (1 << SBW) != StageBytes || WW < 2) begin : gen_bad
    $fatal(1, "vmq_tx_stage: bad parameters");
  end

  typedef struct packed {
    logic [LB-1:0] lo;
    logic [12:0]   n;
    logic          sof;
  } tag_t;
  tag_t tags [NumQueues * TagDepth];

  logic [NumQueues-1:0][TW:0]   twr_a, trd_a;
  logic [NumQueues-1:0][SBW-1:0] fptr_a;
  logic [NumQueues-1:0][12:0]   rem_a;
  logic [NumQueues-1:0]         first_a, errseen_a;
  logic [NumQueues-1:0][15:0]   bd_a;

  logic          r_hs;
  logic [QW-1:0] r_q;
  tag_t          t;
  logic [LB:0]   lo, n;
  logic [12:0]   left;
  logic [SBW-1:0] dest, dest_next;
  logic          burst_end;

  assign r_ready_o = 1'b1;
  assign r_hs      = r_valid_i;
  assign r_q       = r_id_i[QW-1:0];
  assign t         = tags[{r_q, trd_a[r_q][TW-1:0]}];
  always_comb begin
    logic [LB:0] avail;
    lo    = first_a[r_q] ? (LB+1)'(t.lo) : '0;
    left  = first_a[r_q] ? t.n : rem_a[r_q];
    avail = (LB+1)'(AB) - lo;
    n     = (13'(avail) < left) ? avail : (LB+1)'(left);
    // a frame's first byte goes to the next word boundary
    dest  = fptr_a[r_q];
    if (first_a[r_q] && t.sof && dest[LB-1:0] != '0)
      dest = SBW'((32'(dest) + AB) & ~(AB - 1));
    dest_next = dest + SBW'(n);
    burst_end = 13'(n) == left;
  end

  always_ff @(posedge clk_i) begin
    if (tag_push_i) tags[{tag_q_i, twr_a[tag_q_i][TW-1:0]}] <= '{lo: tag_lo_i, n: tag_n_i, sof: tag_sof_i};
  end

  for (genvar q = 0; q < NumQueues; q++) begin : gen_q
    logic [TW:0]    twr_q, trd_q;
    logic [SBW-1:0] fptr_q;
    logic [12:0]    rem_q;
    logic           first_q, errseen_q;
    logic [15:0]    bd_q;
    logic           is_r;
    assign is_r = r_hs && r_q == QW'(q);
    always_ff @(posedge clk_i) begin
      if (rst_i || qrst_i[q]) begin
        twr_q     <= '0;
        trd_q     <= '0;
        fptr_q    <= '0;
        rem_q     <= '0;
        first_q   <= 1'b1;
        errseen_q <= 1'b0;
        bd_q      <= '0;
      end else begin
        if (tag_push_i && tag_q_i == QW'(q)) twr_q <= twr_q + 1'b1;
        if (is_r) begin
          fptr_q <= dest_next;
          if (r_resp_i != 2'b00) errseen_q <= 1'b1;
          if (burst_end) begin
            trd_q     <= trd_q + 1'b1;
            bd_q      <= bd_q + 16'd1;
            first_q   <= 1'b1;
            errseen_q <= 1'b0;
          end else begin
            rem_q   <= left - 13'(n);
            first_q <= 1'b0;
          end
        end
      end
    end
    assign twr_a[q]     = twr_q;
    assign trd_a[q]     = trd_q;
    assign fptr_a[q]    = fptr_q;
    assign rem_a[q]     = rem_q;
    assign first_a[q]   = first_q;
    assign errseen_a[q] = errseen_q;
    assign bd_a[q]      = bd_q;
  end
  assign bursts_done_o = bd_a;
  assign err_o   = r_hs && r_resp_i != 2'b00 && !errseen_a[r_q];
  assign err_q_o = r_q;

  // ---------------------------------------------------------------------------
  // Two banks of words with byte enables
  // ---------------------------------------------------------------------------
  logic [AxiDataW-1:0] bank0 [BankD];
  logic [AxiDataW-1:0] bank1 [BankD];
  logic [AxiDataW-1:0] rot;
  logic [AB-1:0]       en_a, en_b;      // word of dest, the word after it
  logic [WW-1:0]       w_a, w_b;
  always_comb begin
    logic [LB-1:0] off, sh;
    off = dest[LB-1:0];
    sh  = LB'(32'(off) - 32'(lo));      // lane i of the beat goes to lane (i + sh) mod AB
    rot = (r_data_i << (8 * 32'(sh))) | (r_data_i >> (8 * (AB - 32'(sh))));
    if (sh == '0) rot = r_data_i;
    for (int unsigned i = 0; i < AB; i++) begin
      en_a[i] = 32'(i) >= 32'(off) && 32'(i) < 32'(off) + 32'(n);
      en_b[i] = 32'(i) + AB < 32'(off) + 32'(n);
    end
    w_a = dest[SBW-1:LB];
    w_b = w_a + 1'b1;
  end

  // bank of each word: bit 0 of its word offset
  logic [AB-1:0]               en0, en1;
  logic [QW+WW-2:0]            a0, a1;
  always_comb begin
    if (!w_a[0]) begin
      en0 = en_a;
      en1 = en_b;
      a0  = {r_q, w_a[WW-1:1]};
      a1  = {r_q, w_b[WW-1:1]};
    end else begin
      en1 = en_a;
      en0 = en_b;
      a1  = {r_q, w_a[WW-1:1]};
      a0  = {r_q, w_b[WW-1:1]};
    end
  end

  always_ff @(posedge clk_i) begin
    if (r_hs) begin
      for (int unsigned i = 0; i < AB; i++) begin
        if (en0[i]) bank0[a0][8*i +: 8] <= rot[8*i +: 8];
        if (en1[i]) bank1[a1][8*i +: 8] <= rot[8*i +: 8];
      end
    end
  end

  logic                rd_bank_q;
  logic [AxiDataW-1:0] rd0_q, rd1_q;
  always_ff @(posedge clk_i) begin
    if (rd_en_i) begin
      rd_bank_q <= rd_word_i[0];
      rd0_q     <= bank0[{rd_q_i, rd_word_i[WW-1:1]}];
      rd1_q     <= bank1[{rd_q_i, rd_word_i[WW-1:1]}];
    end
  end
  assign rd_data_o = rd_bank_q ? rd1_q : rd0_q;

  logic unused;
  assign unused = ^{r_last_i, r_id_i[IdW-1:QW], w_b[0]};
endmodule

`resetall
