`resetall
`default_nettype none

// vmq_axi_addr_arb: round-robin arbiter for AXI address channels (AR or AW)
// of N requesters, each holding its request (valid, payload) until ready.
// The grant is locked while the chosen request waits for m_ready_i, so the
// output obeys AXI (valid and payload stable until the handshake).
// grant_o / grant_idx_o name the requester handshaking this cycle (for a
// W-order FIFO). Combinational from requests to the output.
module vmq_axi_addr_arb #(
  parameter int unsigned N = 2,
  parameter int unsigned W = 8,      // payload bits (id, addr, len, ...)
  localparam int unsigned NW = (N > 1) ? $clog2(N) : 1
) (
  input  logic                 clk_i,
  input  logic                 rst_i,
  input  logic [N-1:0]         s_valid_i,
  output logic [N-1:0]         s_ready_o,
  input  logic [N-1:0][W-1:0]  s_payload_i,
  output logic                 m_valid_o,
  input  logic                 m_ready_i,
  output logic [W-1:0]         m_payload_o,
  output logic                 grant_o,
  output logic [NW-1:0]        grant_idx_o
);
  logic [NW-1:0] last_q, lock_idx_q, sel;
  logic          lock_q, found;

  always_comb begin
    logic [NW-1:0] k;
    found = 1'b0;
    sel   = lock_idx_q;
    k     = '0;
    if (!lock_q) begin
      for (int unsigned i = 1; i <= N; i++) begin
        k = NW'((32'(last_q) + i) % N);
        if (!found && s_valid_i[k]) begin
          found = 1'b1;
          sel   = k;
        end
      end
    end else begin
      found = 1'b1;
    end
  end

  assign m_valid_o   = found && s_valid_i[sel];
  assign m_payload_o = s_payload_i[sel];
  always_comb begin
    s_ready_o = '0;
    s_ready_o[sel] = found && m_ready_i;
  end
  assign grant_o     = m_valid_o && m_ready_i;
  assign grant_idx_o = sel;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      last_q     <= NW'(N - 1);
      lock_q     <= 1'b0;
      lock_idx_q <= '0;
    end else begin
      lock_q     <= m_valid_o && !m_ready_i;
      lock_idx_q <= sel;
      if (grant_o) last_q <= sel;
    end
  end
endmodule

`resetall
