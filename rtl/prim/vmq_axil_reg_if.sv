`resetall
`default_nettype none

// vmq_axil_reg_if: AXI4-Lite slave (32-bit data) -> register bus.
//
// AW, W and AR are each held in a one-entry skid register, so AW and W may
// arrive in either order or together. A write is issued on the register bus
// once both AW and W are held and no B response is pending; a read once AR is
// held and no R response is pending. At most one request per cycle: when a
// read and a write are both ready they alternate (round-robin), so neither
// starves and nothing deadlocks under any bready/rready backpressure.
//
// Register bus: reg_req_o is high for exactly one cycle per access, with
// reg_we_o/reg_addr_o/reg_wdata_o/reg_wstrb_o. The register block applies the
// write at the end of that cycle. A read is answered by reg_rvalid_i with
// reg_rdata_i, one or more cycles after its request (in the same cycle is
// allowed too): registers in flip-flops answer the next cycle from a
// registered read mux, registers held in RAM when their RAM has been read
// (docs/architecture.md "The register plane"). The answer is captured into
// RDATA here; at most one read is outstanding, and writes go on meanwhile.
// The register block must answer every read request exactly once; nothing
// here times out. Responses are always OKAY (docs/registers.md, "Access
// rules"; SPEC 2).
//
// Latency: request the cycle after the last of AW/W (or AR) is accepted;
// BVALID the cycle after a write request, RVALID the cycle after
// reg_rvalid_i. Throughput: one write per two cycles, one read per (answer
// latency + 2) cycles. Ready signals depend only on flops.

module vmq_axil_reg_if #(
  parameter int unsigned AddrW = 16
) (
  input  logic             clk_i,
  input  logic             rst_i,
  // AXI4-Lite slave
  input  logic [AddrW-1:0] s_axil_awaddr_i,
  input  logic             s_axil_awvalid_i,
  output logic             s_axil_awready_o,
  input  logic [31:0]      s_axil_wdata_i,
  input  logic [3:0]       s_axil_wstrb_i,
  input  logic             s_axil_wvalid_i,
  output logic             s_axil_wready_o,
  output logic [1:0]       s_axil_bresp_o,
  output logic             s_axil_bvalid_o,
  input  logic             s_axil_bready_i,
  input  logic [AddrW-1:0] s_axil_araddr_i,
  input  logic             s_axil_arvalid_i,
  output logic             s_axil_arready_o,
  output logic [31:0]      s_axil_rdata_o,
  output logic [1:0]       s_axil_rresp_o,
  output logic             s_axil_rvalid_o,
  input  logic             s_axil_rready_i,
  // register bus
  output logic             reg_req_o,
  output logic             reg_we_o,
  output logic [AddrW-1:0] reg_addr_o,
  output logic [31:0]      reg_wdata_o,
  output logic [3:0]       reg_wstrb_o,
  input  logic             reg_rvalid_i,
  input  logic [31:0]      reg_rdata_i
);

  localparam logic [1:0] RespOkay = 2'b00;

  logic             aw_valid_q, aw_valid_d;
  logic [AddrW-1:0] aw_addr_q, aw_addr_d;
  logic             w_valid_q, w_valid_d;
  logic [31:0]      w_data_q, w_data_d;
  logic [3:0]       w_strb_q, w_strb_d;
  logic             ar_valid_q, ar_valid_d;
  logic [AddrW-1:0] ar_addr_q, ar_addr_d;
  logic             b_valid_q, b_valid_d;
  logic             r_valid_q, r_valid_d;
  logic             r_wait_q, r_wait_d;    // a read request awaits reg_rvalid_i
  logic [31:0]      r_data_q, r_data_d;
  logic             rd_prio_q, rd_prio_d;  // 1: a read wins the next conflict

  logic wr_ready, rd_ready, do_wr, do_rd;

  always_comb begin
    wr_ready = aw_valid_q & w_valid_q & ~b_valid_q;
    rd_ready = ar_valid_q & ~r_valid_q & ~r_wait_q;
    do_rd    = rd_ready & (~wr_ready | rd_prio_q);
    do_wr    = wr_ready & ~do_rd;
  end

  always_comb begin
    aw_valid_d = aw_valid_q;
    aw_addr_d  = aw_addr_q;
    w_valid_d  = w_valid_q;
    w_data_d   = w_data_q;
    w_strb_d   = w_strb_q;
    ar_valid_d = ar_valid_q;
    ar_addr_d  = ar_addr_q;
    b_valid_d  = b_valid_q;
    r_valid_d  = r_valid_q;
    r_wait_d   = r_wait_q;
    r_data_d   = r_data_q;
    rd_prio_d  = rd_prio_q;

    // Accept into an empty skid register (ready = !valid_q).
    if (s_axil_awvalid_i && !aw_valid_q) begin
      aw_valid_d = 1'b1;
      aw_addr_d  = s_axil_awaddr_i;
    end
    if (s_axil_wvalid_i && !w_valid_q) begin
      w_valid_d = 1'b1;
      w_data_d  = s_axil_wdata_i;
      w_strb_d  = s_axil_wstrb_i;
    end
    if (s_axil_arvalid_i && !ar_valid_q) begin
      ar_valid_d = 1'b1;
      ar_addr_d  = s_axil_araddr_i;
    end

    // Retire responses.
    if (s_axil_bready_i) b_valid_d = 1'b0;
    if (s_axil_rready_i) r_valid_d = 1'b0;

    // Issue. do_wr needs aw/w held (so no accept this cycle) and no B pending.
    if (do_wr) begin
      aw_valid_d = 1'b0;
      w_valid_d  = 1'b0;
      b_valid_d  = 1'b1;
      rd_prio_d  = 1'b1;
    end
    if (do_rd) begin
      ar_valid_d = 1'b0;
      r_wait_d   = 1'b1;
      rd_prio_d  = 1'b0;
    end
    // The answer (never before the request: r_wait_q or do_rd is set).
    if (reg_rvalid_i && (r_wait_q || do_rd)) begin
      r_wait_d  = 1'b0;
      r_valid_d = 1'b1;
      r_data_d  = reg_rdata_i;
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      aw_valid_q <= 1'b0;
      w_valid_q  <= 1'b0;
      ar_valid_q <= 1'b0;
      b_valid_q  <= 1'b0;
      r_valid_q  <= 1'b0;
      r_wait_q   <= 1'b0;
      rd_prio_q  <= 1'b1;
    end else begin
      aw_valid_q <= aw_valid_d;
      w_valid_q  <= w_valid_d;
      ar_valid_q <= ar_valid_d;
      b_valid_q  <= b_valid_d;
      r_valid_q  <= r_valid_d;
      r_wait_q   <= r_wait_d;
      rd_prio_q  <= rd_prio_d;
    end
    // Data path: no reset needed (qualified by the valid flags).
    aw_addr_q <= aw_addr_d;
    w_data_q  <= w_data_d;
    w_strb_q  <= w_strb_d;
    ar_addr_q <= ar_addr_d;
    r_data_q  <= r_data_d;
  end

  assign s_axil_awready_o = ~aw_valid_q;
  assign s_axil_wready_o  = ~w_valid_q;
  assign s_axil_arready_o = ~ar_valid_q;
  assign s_axil_bvalid_o  = b_valid_q;
  assign s_axil_bresp_o   = RespOkay;
  assign s_axil_rvalid_o  = r_valid_q;
  assign s_axil_rdata_o   = r_data_q;
  assign s_axil_rresp_o   = RespOkay;

  assign reg_req_o   = do_wr | do_rd;
  assign reg_we_o    = do_wr;
  assign reg_addr_o  = do_wr ? aw_addr_q : ar_addr_q;
  assign reg_wdata_o = w_data_q;
  assign reg_wstrb_o = w_strb_q;

endmodule : vmq_axil_reg_if

`resetall
