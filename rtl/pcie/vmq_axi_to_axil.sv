`resetall
`default_nettype none

// vmq_axi_to_axil: AXI4 slave (IDs, INCR/FIXED bursts, WRAP treated as INCR,
// any size up to DataW, wstrb) -> AXI4-Lite 32-bit master (docs/fpga.md,
// "fpga_core"). It sits behind the PCIe bridge's BAR0 master.
//
// One transaction at a time (reads and writes alternate when both wait).
// Write: every 32-bit word of a beat with a non-zero strobe becomes one
// AXI4-Lite write (AW and W together, then B); the worst BRESP of the burst
// goes back on B with the burst's ID. Read: every word the beat covers
// (per arsize: the aligned 2^arsize bytes, at least the addressed word)
// becomes one AXI4-Lite read; the data lands in its byte lanes (other lanes
// 0), RRESP is the worst of the beat, rlast on beat arlen. An access with
// no strobes (or any other oddity) still gets its beat/response: nothing
// hangs. The AXI4-Lite address is held from AW/AR until B/R, so a decoder
// behind this block may route the response by the address.
// Throughput: one AXI4-Lite access per 2 cycles + target latency.
module vmq_axi_to_axil #(
  parameter int unsigned DataW     = 256,
  parameter int unsigned AddrW     = 16,
  parameter int unsigned IdW       = 4,
  parameter int unsigned AxilAddrW = 16,
  localparam int unsigned Words    = DataW / 32,
  localparam int unsigned WordW    = (Words > 1) ? $clog2(Words) : 1,
  localparam int unsigned LaneW    = $clog2(DataW / 8)
) (
  input  logic                 clk_i,
  input  logic                 rst_i,
  // AXI4 slave
  input  logic [IdW-1:0]       s_axi_awid_i,
  input  logic [AddrW-1:0]     s_axi_awaddr_i,
  input  logic [7:0]           s_axi_awlen_i,
  input  logic [2:0]           s_axi_awsize_i,
  input  logic [1:0]           s_axi_awburst_i,
  input  logic                 s_axi_awvalid_i,
  output logic                 s_axi_awready_o,
  input  logic [DataW-1:0]     s_axi_wdata_i,
  input  logic [DataW/8-1:0]   s_axi_wstrb_i,
  input  logic                 s_axi_wlast_i,
  input  logic                 s_axi_wvalid_i,
  output logic                 s_axi_wready_o,
  output logic [IdW-1:0]       s_axi_bid_o,
  output logic [1:0]           s_axi_bresp_o,
  output logic                 s_axi_bvalid_o,
  input  logic                 s_axi_bready_i,
  input  logic [IdW-1:0]       s_axi_arid_i,
  input  logic [AddrW-1:0]     s_axi_araddr_i,
  input  logic [7:0]           s_axi_arlen_i,
  input  logic [2:0]           s_axi_arsize_i,
  input  logic [1:0]           s_axi_arburst_i,
  input  logic                 s_axi_arvalid_i,
  output logic                 s_axi_arready_o,
  output logic [IdW-1:0]       s_axi_rid_o,
  output logic [DataW-1:0]     s_axi_rdata_o,
  output logic [1:0]           s_axi_rresp_o,
  output logic                 s_axi_rlast_o,
  output logic                 s_axi_rvalid_o,
  input  logic                 s_axi_rready_i,
  // AXI4-Lite master
  output logic [AxilAddrW-1:0] m_axil_awaddr_o,
  output logic                 m_axil_awvalid_o,
  input  logic                 m_axil_awready_i,
  output logic [31:0]          m_axil_wdata_o,
  output logic [3:0]           m_axil_wstrb_o,
  output logic                 m_axil_wvalid_o,
  input  logic                 m_axil_wready_i,
  input  logic [1:0]           m_axil_bresp_i,
  input  logic                 m_axil_bvalid_i,
  output logic                 m_axil_bready_o,
  output logic [AxilAddrW-1:0] m_axil_araddr_o,
  output logic                 m_axil_arvalid_o,
  input  logic                 m_axil_arready_i,
  input  logic [31:0]          m_axil_rdata_i,
  input  logic [1:0]           m_axil_rresp_i,
  input  logic                 m_axil_rvalid_i,
  output logic                 m_axil_rready_o
);
  if (DataW < 64 || DataW > 1024 || (DataW & (DataW - 1)) != 0) begin : gen_bad_dataw
    $fatal(1, "vmq_axi_to_axil: DataW must be a power of two 64..1024");
  end
  if (AddrW < LaneW || AxilAddrW < 2) begin : gen_bad_addrw
    $fatal(1, "vmq_axi_to_axil: AddrW must cover a data beat, AxilAddrW >= 2");
  end

  typedef enum logic [2:0] {
    StIdle,    // wait for AW or AR
    StWData,   // wait for the next W beat
    StWWord,   // AXI4-Lite write of the lowest pending word (AW/W, then B)
    StBResp,   // B to the AXI4 master
    StRWord,   // AXI4-Lite read of the lowest pending word
    StRBeat    // R beat to the AXI4 master
  } state_e;

  state_e                   state_q, state_d;
  logic [IdW-1:0]           id_q, id_d;
  logic [AddrW-1:0]         addr_q, addr_d;        // address of the current beat
  logic [7:0]               len_q, len_d;
  logic [7:0]               beat_q, beat_d;
  logic [2:0]               size_q, size_d;        // clamped to the data width
  logic                     fixed_q, fixed_d;
  logic [Words-1:0]         todo_q, todo_d;        // words of the beat still to access
  logic [DataW-1:0]         data_q, data_d;        // W beat / R beat being assembled
  logic [DataW/8-1:0]       strb_q, strb_d;
  logic [1:0]               resp_q, resp_d;        // worst response so far
  logic                     aw_done_q, aw_done_d;  // AXI4-Lite AW (write) or AR (read) taken
  logic                     w_done_q, w_done_d;
  logic                     rd_prio_q, rd_prio_d;

  // lowest pending word
  logic [WordW-1:0] word;
  logic             any_todo;
  always_comb begin
    word     = '0;
    any_todo = 1'b0;
    for (int i = Words - 1; i >= 0; i--) begin
      if (todo_q[i]) begin
        word     = WordW'(i);
        any_todo = 1'b1;
      end
    end
  end

  // words covered by a read beat at addr_q of 2^size_q bytes
  logic [Words-1:0] rd_words;
  logic [LaneW-1:0] lane_lo;
  logic [LaneW:0]   nbytes;
  always_comb begin
    nbytes   = (LaneW + 1)'(1) << size_q;
    lane_lo  = addr_q[LaneW-1:0] & ~LaneW'(nbytes - (LaneW + 1)'(1));
    rd_words = '0;
    for (int i = 0; i < Words; i++) begin
      // word i spans lanes [4i, 4i+4); the beat [lane_lo, lane_lo + nbytes)
      if ((LaneW + 1)'(4 * i + 4) > (LaneW + 1)'(lane_lo)
          && (LaneW + 1)'(4 * i) < (LaneW + 1)'(lane_lo) + nbytes) begin
        rd_words[i] = 1'b1;
      end
    end
  end

  // beat address after this one: INCR (and WRAP) to the next size boundary
  logic [AddrW-1:0] next_addr, step;
  always_comb begin
    step      = AddrW'(nbytes);
    next_addr = addr_q;
    if (!fixed_q) next_addr = (addr_q & ~(step - AddrW'(1))) + step;
  end

  function automatic logic [1:0] worst(input logic [1:0] a, input logic [1:0] b);
    return (b > a) ? b : a;
  endfunction

  function automatic logic [2:0] clamp_size(input logic [2:0] s);
    return (32'(s) > LaneW) ? 3'(LaneW) : s;
  endfunction

  logic [31:0] wword;
  logic [3:0]  wstrb4;
  always_comb begin
    wword  = data_q[32*word +: 32];
    wstrb4 = strb_q[4*word +: 4];
  end

  always_comb begin
    state_d   = state_q;
    id_d      = id_q;
    addr_d    = addr_q;
    len_d     = len_q;
    beat_d    = beat_q;
    size_d    = size_q;
    fixed_d   = fixed_q;
    todo_d    = todo_q;
    data_d    = data_q;
    strb_d    = strb_q;
    resp_d    = resp_q;
    aw_done_d = aw_done_q;
    w_done_d  = w_done_q;
    rd_prio_d = rd_prio_q;

    s_axi_awready_o = 1'b0;
    s_axi_arready_o = 1'b0;
    s_axi_wready_o  = 1'b0;
    s_axi_bvalid_o  = 1'b0;
    s_axi_rvalid_o  = 1'b0;
    m_axil_awvalid_o = 1'b0;
    m_axil_wvalid_o  = 1'b0;
    m_axil_bready_o  = 1'b0;
    m_axil_arvalid_o = 1'b0;
    m_axil_rready_o  = 1'b0;

    unique case (state_q)
      StIdle: begin
        if (s_axi_arvalid_i && (rd_prio_q || !s_axi_awvalid_i)) begin
          s_axi_arready_o = 1'b1;
          id_d      = s_axi_arid_i;
          addr_d    = s_axi_araddr_i;
          len_d     = s_axi_arlen_i;
          size_d    = clamp_size(s_axi_arsize_i);
          fixed_d   = s_axi_arburst_i == 2'b00;
          beat_d    = '0;
          todo_d    = '0;   // computed in StRWord's first cycle (rd_words needs addr_q)
          data_d    = '0;
          resp_d    = 2'b00;
          aw_done_d = 1'b0;
          rd_prio_d = 1'b0;
          state_d   = StRBeat;  // passes through StRBeat's "start" branch
        end else if (s_axi_awvalid_i) begin
          s_axi_awready_o = 1'b1;
          id_d      = s_axi_awid_i;
          addr_d    = s_axi_awaddr_i;
          len_d     = s_axi_awlen_i;
          size_d    = clamp_size(s_axi_awsize_i);
          fixed_d   = s_axi_awburst_i == 2'b00;
          beat_d    = '0;
          resp_d    = 2'b00;
          rd_prio_d = 1'b1;
          state_d   = StWData;
        end
      end
      StWData: begin
        s_axi_wready_o = 1'b1;
        if (s_axi_wvalid_i) begin
          data_d = s_axi_wdata_i;
          strb_d = s_axi_wstrb_i;
          for (int i = 0; i < Words; i++) todo_d[i] = |s_axi_wstrb_i[4*i +: 4];
          aw_done_d = 1'b0;
          w_done_d  = 1'b0;
          state_d   = StWWord;
        end
      end
      StWWord: begin
        if (!any_todo) begin
          // beat done
          if (beat_q == len_q) begin
            state_d = StBResp;
          end else begin
            beat_d  = beat_q + 8'd1;
            addr_d  = next_addr;
            state_d = StWData;
          end
        end else begin
          m_axil_awvalid_o = !aw_done_q;
          m_axil_wvalid_o  = !w_done_q;
          m_axil_bready_o  = aw_done_q && w_done_q;
          if (m_axil_awready_i) aw_done_d = 1'b1;
          if (m_axil_wready_i) w_done_d = 1'b1;
          if (aw_done_q && w_done_q && m_axil_bvalid_i) begin
            resp_d       = worst(resp_q, m_axil_bresp_i);
            todo_d[word] = 1'b0;
            aw_done_d    = 1'b0;
            w_done_d     = 1'b0;
          end
        end
      end
      StBResp: begin
        s_axi_bvalid_o = 1'b1;
        if (s_axi_bready_i) state_d = StIdle;
      end
      StRWord: begin
        if (!any_todo) begin
          state_d = StRBeat;
          aw_done_d = 1'b1;  // marks "beat assembled"
        end else begin
          m_axil_arvalid_o = !aw_done_q;
          m_axil_rready_o  = aw_done_q;
          if (m_axil_arready_i) aw_done_d = 1'b1;
          if (aw_done_q && m_axil_rvalid_i) begin
            resp_d                = worst(resp_q, m_axil_rresp_i);
            data_d[32*word +: 32] = m_axil_rdata_i;
            todo_d[word]          = 1'b0;
            aw_done_d             = 1'b0;
          end
        end
      end
      StRBeat: begin
        if (!aw_done_q) begin
          // start of a beat: which words it covers
          todo_d  = rd_words;
          data_d  = '0;
          resp_d  = 2'b00;
          state_d = StRWord;
        end else begin
          s_axi_rvalid_o = 1'b1;
          if (s_axi_rready_i) begin
            aw_done_d = 1'b0;
            if (beat_q == len_q) begin
              state_d = StIdle;
            end else begin
              beat_d = beat_q + 8'd1;
              addr_d = next_addr;  // stays in StRBeat: starts the next beat
            end
          end
        end
      end
      default: state_d = StIdle;
    endcase
  end

  always_comb begin
    s_axi_bid_o     = id_q;
    s_axi_bresp_o   = resp_q;
    s_axi_rid_o     = id_q;
    s_axi_rdata_o   = data_q;
    s_axi_rresp_o   = resp_q;
    s_axi_rlast_o   = beat_q == len_q;
    m_axil_awaddr_o = AxilAddrW'({addr_q[AddrW-1:LaneW], word, 2'b00});
    m_axil_araddr_o = m_axil_awaddr_o;
    m_axil_wdata_o  = wword;
    m_axil_wstrb_o  = wstrb4;
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      state_q   <= StIdle;
      rd_prio_q <= 1'b0;
      aw_done_q <= 1'b0;
      w_done_q  <= 1'b0;
      todo_q    <= '0;
    end else begin
      state_q   <= state_d;
      rd_prio_q <= rd_prio_d;
      aw_done_q <= aw_done_d;
      w_done_q  <= w_done_d;
      todo_q    <= todo_d;
    end
  end

  always_ff @(posedge clk_i) begin
    id_q    <= id_d;
    addr_q  <= addr_d;
    len_q   <= len_d;
    beat_q  <= beat_d;
    size_q  <= size_d;
    fixed_q <= fixed_d;
    data_q  <= data_d;
    strb_q  <= strb_d;
    resp_q  <= resp_d;
  end

  // wlast is not needed: the burst length comes from awlen.
  logic unused_wlast;
  assign unused_wlast = s_axi_wlast_i;
endmodule : vmq_axi_to_axil

`resetall
