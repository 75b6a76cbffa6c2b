`resetall
`default_nettype none

// vmq_async_fifo: dual-clock first-word-fall-through FIFO (docs/vmq-top.md).
//
// Write side (wr_clk_i) and read side (rd_clk_i) are valid/ready streams in
// unrelated clocks. Storage is a plain unpacked array written in the write
// clock and read into an output register in the read clock (block RAM with
// its output register, or distributed RAM + a flop). Pointers are Depth*2
// counters (one extra bit tells full from empty); each side publishes its
// pointer in Gray code from a register, and the other side takes it through
// SyncStages flops. Nothing but those registered Gray values (and the reset
// handshake below) crosses between the clocks, and no output depends
// combinationally on anything of the other clock domain.
//
// Counts (conservative): wr_count_o = words the writer must assume are still
// stored (it sees the reads late), so wr_count_o >= the real count;
// rd_count_o = words the reader may take (it sees the writes late), so
// rd_count_o <= the real count. The word in the read output register is no
// longer counted by either.
//
// Latency: a word written at a write-clock edge can be taken at the
// SyncStages + 1st or + 2nd read-clock edge after it (the +1 is the RAM
// read; measured 3..4 with SyncStages = 2). A word read frees its slot for
// the writer SyncStages + 1..2 write edges later. Throughput: one word per
// clock on each side.
//
// Reset: a reset on either side resets the whole FIFO (contents lost). Each
// side asks the other with a four-phase handshake (request and acknowledge
// each through SyncStages flops), so a pulse of one cycle is enough and the
// clocks may run at any ratio: *_rst_busy_o is high, and the side accepts or
// takes nothing new, from the reset until the other side has seen it. A word
// already in the read output register when only the write side resets stays
// there until it is read (rd_valid_o never falls without a read or a reset
// of the read side itself). Every flop starts from a reset (rst_i for at
// least one cycle on each side after power-up); each reset is synchronous
// to its own clock.
//
// Clock-domain crossing flops are named *_sync_q (first stage [0]) and carry
// (* ASYNC_REG = "TRUE" *) (Verilator ignores it; Yosys/slang and Vivado
// keep it) so that a constraint script finds them. The paths into
// *_sync_q[0] come from wr_gray_q, rd_gray_q, wr_rreq_q, rd_rreq_q and the
// other side's *_rreq_sync_q (docs/vmq-top.md has the constraints). The
// path mem -> rd_data_q crosses too, but a word is read at least SyncStages
// read edges after it was written (block RAM: both clocks are on the RAM).
module vmq_async_fifo #(
  parameter int unsigned Width      = 8,
  parameter int unsigned Depth      = 16,  // power of two, >= 4
  parameter int unsigned SyncStages = 2,   // 2..8 flops per synchroniser
  localparam int unsigned PtrW      = $clog2(Depth)
) (
  // write side
  input  logic             wr_clk_i,
  input  logic             wr_rst_i,
  input  logic [Width-1:0] wr_data_i,
  input  logic             wr_valid_i,
  output logic             wr_ready_o,
  output logic [PtrW:0]    wr_count_o,
  output logic             wr_rst_busy_o,
  // read side
  input  logic             rd_clk_i,
  input  logic             rd_rst_i,
  output logic [Width-1:0] rd_data_o,
  output logic             rd_valid_o,
  input  logic             rd_ready_i,
  output logic [PtrW:0]    rd_count_o,
  output logic             rd_rst_busy_o
);
  if (Depth < 4 || (1 << PtrW) != Depth) begin : gen_bad_depth
    $fatal(1, "vmq_async_fifo: Depth must be a power of two >= 4");
  end
  if (SyncStages < 2 || SyncStages > 8) begin : gen_bad_sync
    $fatal(1, "vmq_async_fifo: SyncStages must be 2..8");
  end

  // Reset handshake state of one side: Idle (running), Req (own reset seen,
  // request raised, waiting for the other side's acknowledge), Wait (request
  // dropped, waiting for the acknowledge to drop).
  typedef enum logic [1:0] {
    RstIdle = 2'd0,
    RstReq  = 2'd1,
    RstWait = 2'd2
  } rst_hs_e;

  function automatic logic [PtrW:0] bin2gray(input logic [PtrW:0] b);
    return b ^ (b >> 1);
  endfunction

  function automatic logic [PtrW:0] gray2bin(input logic [PtrW:0] g);
    logic [PtrW:0] b;
    b[PtrW] = g[PtrW];
    for (int i = int'(PtrW) - 1; i >= 0; i--) begin
      b[i] = b[i+1] ^ g[i];
    end
    return b;
  endfunction

  // ---------------------------------------------------------------------------
  // Storage (no reset: a slot is read only after the pointers say it is
  // written). Written in the write clock, read in the read clock.
  // ---------------------------------------------------------------------------
  logic [Width-1:0] mem [Depth];
  logic [Width-1:0] rd_data_q;
  logic             wr_en, rd_en;
  logic [PtrW:0]    wr_bin_q, rd_bin_q;

  always_ff @(posedge wr_clk_i) begin
    if (wr_en) mem[wr_bin_q[PtrW-1:0]] <= wr_data_i;
  end
  always_ff @(posedge rd_clk_i) begin
    if (rd_en) rd_data_q <= mem[rd_bin_q[PtrW-1:0]];
  end

  // ---------------------------------------------------------------------------
  // Write clock domain
  // ---------------------------------------------------------------------------
  rst_hs_e       wr_hs_q, wr_hs_d;
  logic          wr_rreq_q, wr_rreq_d;
  logic          wr_rst;                  // effective reset of the write side
  logic [PtrW:0] wr_bin_d, wr_gray_q, wr_gray_d, rd_bin_w;
  (* ASYNC_REG = "TRUE" *) logic [SyncStages-1:0]         rd_rreq_sync_q;  // rd's request
  (* ASYNC_REG = "TRUE" *) logic [SyncStages-1:0]         wr_rack_sync_q;  // rd's acknowledge
  (* ASYNC_REG = "TRUE" *) logic [SyncStages-1:0][PtrW:0] rd_gray_sync_q;  // rd's pointer
  logic [SyncStages-1:0]         rd_rreq_sync_d, wr_rack_sync_d;
  logic [SyncStages-1:0][PtrW:0] rd_gray_sync_d;

  // Read side, declared here for the crossing
  rst_hs_e       rd_hs_q, rd_hs_d;
  logic          rd_rreq_q, rd_rreq_d;
  logic          rd_rst, rd_rst_own;
  logic [PtrW:0] rd_bin_d, rd_gray_q, rd_gray_d, wr_bin_r;
  logic          rd_valid_q, rd_valid_d;
  (* ASYNC_REG = "TRUE" *) logic [SyncStages-1:0]         wr_rreq_sync_q;  // wr's request
  (* ASYNC_REG = "TRUE" *) logic [SyncStages-1:0]         rd_rack_sync_q;  // wr's acknowledge
  (* ASYNC_REG = "TRUE" *) logic [SyncStages-1:0][PtrW:0] wr_gray_sync_q;  // wr's pointer
  logic [SyncStages-1:0]         wr_rreq_sync_d, rd_rack_sync_d;
  logic [SyncStages-1:0][PtrW:0] wr_gray_sync_d;

  always_comb begin
    wr_hs_d = wr_hs_q;
    unique case (wr_hs_q)
      RstIdle: if (wr_rst_i) wr_hs_d = RstReq;
      RstReq:  if (!wr_rst_i && wr_rack_sync_q[SyncStages-1]) wr_hs_d = RstWait;
      RstWait: if (!wr_rack_sync_q[SyncStages-1]) wr_hs_d = RstIdle;
      default: wr_hs_d = RstReq;
    endcase
    if (wr_rst_i) wr_hs_d = RstReq;
    wr_rreq_d = wr_hs_d == RstReq;
  end

  assign wr_rst = wr_rst_i || wr_hs_q != RstIdle || rd_rreq_sync_q[SyncStages-1];

  assign rd_bin_w      = gray2bin(rd_gray_sync_q[SyncStages-1]);
  assign wr_count_o    = wr_bin_q - rd_bin_w;
  assign wr_ready_o    = !wr_rst && !wr_count_o[PtrW];  // count == Depth sets the top bit
  assign wr_rst_busy_o = wr_rst;
  assign wr_en         = wr_valid_i && wr_ready_o;

  always_comb begin
    wr_bin_d  = wr_bin_q + (PtrW+1)'(wr_en);
    wr_gray_d = bin2gray(wr_bin_d);
    rd_gray_sync_d = {rd_gray_sync_q[SyncStages-2:0], rd_gray_q};
    rd_rreq_sync_d = {rd_rreq_sync_q[SyncStages-2:0], rd_rreq_q};
    wr_rack_sync_d = {wr_rack_sync_q[SyncStages-2:0], wr_rreq_sync_q[SyncStages-1]};
    if (wr_rst) begin
      wr_bin_d       = '0;
      wr_gray_d      = '0;
      rd_gray_sync_d = '0;
    end
  end

  always_ff @(posedge wr_clk_i) begin
    if (wr_rst_i) begin
      rd_rreq_sync_q <= '0;
      wr_rack_sync_q <= '0;
    end else begin
      rd_rreq_sync_q <= rd_rreq_sync_d;
      wr_rack_sync_q <= wr_rack_sync_d;
    end
  end

  always_ff @(posedge wr_clk_i) begin
    wr_hs_q        <= wr_hs_d;
    wr_rreq_q      <= wr_rreq_d;
    wr_bin_q       <= wr_bin_d;
    wr_gray_q      <= wr_gray_d;
    rd_gray_sync_q <= rd_gray_sync_d;
  end

  // ---------------------------------------------------------------------------
  // Read clock domain
  // ---------------------------------------------------------------------------
  always_comb begin
    rd_hs_d = rd_hs_q;
    unique case (rd_hs_q)
      RstIdle: if (rd_rst_i) rd_hs_d = RstReq;
      RstReq:  if (!rd_rst_i && rd_rack_sync_q[SyncStages-1]) rd_hs_d = RstWait;
      RstWait: if (!rd_rack_sync_q[SyncStages-1]) rd_hs_d = RstIdle;
      default: rd_hs_d = RstReq;
    endcase
    if (rd_rst_i) rd_hs_d = RstReq;
    rd_rreq_d = rd_hs_d == RstReq;
  end

  // A reset of the write side alone keeps the word already in the output
  // register (it may be on rd_data_o, and a stream must not take it back).
  assign rd_rst_own = rd_rst_i || rd_hs_q != RstIdle;
  assign rd_rst     = rd_rst_own || wr_rreq_sync_q[SyncStages-1];

  assign wr_bin_r      = gray2bin(wr_gray_sync_q[SyncStages-1]);
  assign rd_count_o    = wr_bin_r - rd_bin_q;
  assign rd_rst_busy_o = rd_rst;
  // Take the next word into the output register when it is empty or being
  // emptied this cycle.
  assign rd_en      = !rd_rst && rd_count_o != '0 && (!rd_valid_q || rd_ready_i);
  assign rd_valid_o = rd_valid_q;
  assign rd_data_o  = rd_data_q;

  always_comb begin
    rd_bin_d   = rd_bin_q + (PtrW+1)'(rd_en);
    rd_gray_d  = bin2gray(rd_bin_d);
    rd_valid_d = rd_en || (rd_valid_q && !rd_ready_i);
    wr_gray_sync_d = {wr_gray_sync_q[SyncStages-2:0], wr_gray_q};
    wr_rreq_sync_d = {wr_rreq_sync_q[SyncStages-2:0], wr_rreq_q};
    rd_rack_sync_d = {rd_rack_sync_q[SyncStages-2:0], rd_rreq_sync_q[SyncStages-1]};
    if (rd_rst) begin
      rd_bin_d       = '0;
      rd_gray_d      = '0;
      wr_gray_sync_d = '0;
    end
    if (rd_rst_own) rd_valid_d = 1'b0;
  end

  always_ff @(posedge rd_clk_i) begin
    if (rd_rst_i) begin
      wr_rreq_sync_q <= '0;
      rd_rack_sync_q <= '0;
    end else begin
      wr_rreq_sync_q <= wr_rreq_sync_d;
      rd_rack_sync_q <= rd_rack_sync_d;
    end
  end

  always_ff @(posedge rd_clk_i) begin
    rd_hs_q        <= rd_hs_d;
    rd_rreq_q      <= rd_rreq_d;
    rd_bin_q       <= rd_bin_d;
    rd_gray_q      <= rd_gray_d;
    rd_valid_q     <= rd_valid_d;
    wr_gray_sync_q <= wr_gray_sync_d;
  end

endmodule

`resetall
