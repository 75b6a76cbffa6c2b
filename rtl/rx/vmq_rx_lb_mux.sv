`resetall
`default_nettype none

// vmq_rx_lb_mux: joins looped transmit frames (SPEC §5 VM-to-VM loopback)
// into the receive delivery path, in front of vmq_rx_repl: whole frames
// from the receive front end (packet-buffer output) or from the loopback
// buffer of vmq_tx_out, alternating when both wait. A looped frame is
// offered only once all of it is in the loopback buffer (its metadata entry
// is written with its last beat), so it streams without gaps; looped frames
// never pass the packet buffer, so they are never buffer drops and not
// counted in rx_frames.
module vmq_rx_lb_mux #(
  parameter int unsigned DataW     = 64,
  parameter int unsigned NumQueues = 16,
  localparam int unsigned MetaW    = NumQueues + 16 + 1 + 16 + 1 + 1
) (
  input  logic                 clk_i,
  input  logic                 rst_i,
  // receive front end
  input  logic [DataW-1:0]     a_tdata_i,
  input  logic [DataW/8-1:0]   a_tkeep_i,
  input  logic                 a_tvalid_i,
  output logic                 a_tready_o,
  input  logic                 a_tlast_i,
  input  logic [MetaW-1:0]     a_meta_i,     // {qmask, len, tagged, tci, bcast, mcast}
  // loopback buffer: beats, and one metadata entry per complete frame
  input  logic [DataW-1:0]     b_tdata_i,
  input  logic [DataW/8-1:0]   b_tkeep_i,
  input  logic                 b_tvalid_i,
  output logic                 b_tready_o,
  input  logic                 b_tlast_i,
  input  logic                 b_meta_valid_i,
  input  logic [MetaW-1:0]     b_meta_i,
  output logic                 b_meta_pop_o,
  // to vmq_rx_repl
  output logic [DataW-1:0]     m_tdata_o,
  output logic [DataW/8-1:0]   m_tkeep_o,
  output logic                 m_tvalid_o,
  input  logic                 m_tready_i,
  output logic                 m_tlast_o,
  output logic [MetaW-1:0]     m_meta_o,
  output logic                 idle_o
);
  logic busy_q, sel_q, last_b_q, sel;
  logic held_q, held_sel_q;

  // a new frame: the loop buffer when it holds a frame and the front end
  // either has none or went last. Once the output is valid the choice holds
  // until the first beat is taken (held_q), then for the frame (busy_q):
  // vmq_rx_repl decides on a frame's metadata while it waits for the first
  // beat, so switching sources under a stalled valid would pair one frame's
  // decision with another frame's data (AXI4-Stream: valid payload is stable).
  always_comb begin
    sel = sel_q;
    if (!busy_q) sel = held_q ? held_sel_q : (b_meta_valid_i && (!a_tvalid_i || !last_b_q));
  end

  assign m_tdata_o  = sel ? b_tdata_i : a_tdata_i;
  assign m_tkeep_o  = sel ? b_tkeep_i : a_tkeep_i;
  assign m_tlast_o  = sel ? b_tlast_i : a_tlast_i;
  assign m_meta_o   = sel ? b_meta_i  : a_meta_i;
  assign m_tvalid_o = sel ? (b_tvalid_i && b_meta_valid_i) : a_tvalid_i;
  assign a_tready_o = !sel && m_tready_i;
  assign b_tready_o = sel && b_meta_valid_i && m_tready_i;
  assign b_meta_pop_o = sel && m_tvalid_o && m_tready_i && m_tlast_o;

  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      busy_q     <= 1'b0;
      sel_q      <= 1'b0;
      last_b_q   <= 1'b0;
      held_q     <= 1'b0;
      held_sel_q <= 1'b0;
    end else if (m_tvalid_o && m_tready_i) begin
      busy_q <= !m_tlast_o;
      sel_q  <= sel;
      held_q <= 1'b0;
      if (m_tlast_o) last_b_q <= sel;
    end else if (!busy_q && m_tvalid_o) begin
      held_q     <= 1'b1;
      held_sel_q <= sel;
    end
  end

`ifndef SYNTHESIS
  // A stalled output keeps its frame (the bug this module once had).
  logic             past_stall_q;
  logic [MetaW-1:0] past_meta_q;
  always_ff @(posedge clk_i) begin
    past_stall_q <= !rst_i && m_tvalid_o && !m_tready_i;
    past_meta_q  <= m_meta_o;
    if (!rst_i && past_stall_q)
      assert (m_tvalid_o && m_meta_o == past_meta_q)
        else $error("vmq_rx_lb_mux: output changed under a stalled valid");
  end
`endif
  assign idle_o = !busy_q;
endmodule

`resetall
