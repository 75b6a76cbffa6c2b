`resetall
`default_nettype none

// vmq_cdc_snapshot: a bundle of counters/status from a source clock into a
// destination clock, refreshed continuously by a toggle handshake
// (docs/fpga.md "fpga_core"). The destination toggles a request; the source
// sees it through SyncStages flops, captures src_data_i into its hold
// register and toggles its acknowledge; the destination sees the
// acknowledge through SyncStages flops and copies the hold register (stable
// since the capture: the source captures again only on the next request)
// into dst_data_o, then requests again. So dst_data_o is always one coherent
// sample of the whole bundle, at most ~2 * (SyncStages + 1) cycles of each
// clock old. No bit of the hold register is sampled while it changes.
module vmq_cdc_snapshot #(
  parameter int unsigned Width      = 32,
  parameter int unsigned SyncStages = 2
) (
  input  logic             src_clk_i,
  input  logic             src_rst_i,
  input  logic [Width-1:0] src_data_i,
  input  logic             dst_clk_i,
  input  logic             dst_rst_i,
  output logic [Width-1:0] dst_data_o
);
  if (SyncStages < 2) begin : gen_bad_sync
    $fatal(1, "vmq_cdc_snapshot: SyncStages must be >= 2");
  end

  // destination
  logic                                           req_q, req_d, valid_q, valid_d;
  (* ASYNC_REG = "TRUE" *) logic [SyncStages-1:0] ack_sync_q;
  logic [Width-1:0]                               dst_q, dst_d;
  // source
  (* ASYNC_REG = "TRUE" *) logic [SyncStages-1:0] req_sync_q;
  logic                                           ack_q;
  logic [Width-1:0]                               hold_q, hold_d;

  always_comb begin
    req_d   = req_q;
    dst_d   = dst_q;
    valid_d = valid_q;
    if (ack_sync_q[SyncStages-1] == req_q) begin
      dst_d   = hold_q;   // a capture made for the request now acknowledged
      valid_d = 1'b1;
      req_d   = ~req_q;
    end
    hold_d = hold_q;
    if (req_sync_q[SyncStages-1] != ack_q) hold_d = src_data_i;
  end

  always_ff @(posedge dst_clk_i) begin
    if (dst_rst_i) begin
      req_q      <= 1'b1;   // differs from a reset ack: the first request
      ack_sync_q <= '0;
      valid_q    <= 1'b0;
      dst_q      <= '0;
    end else begin
      req_q      <= req_d;
      ack_sync_q <= {ack_sync_q[SyncStages-2:0], ack_q};
      valid_q    <= valid_d;
      dst_q      <= dst_d;
    end
  end

  always_ff @(posedge src_clk_i) begin
    if (src_rst_i) begin
      req_sync_q <= '0;
      ack_q      <= 1'b0;
      hold_q     <= '0;
    end else begin
      req_sync_q <= {req_sync_q[SyncStages-2:0], req_q};
      ack_q      <= req_sync_q[SyncStages-1];
      hold_q     <= hold_d;
    end
  end

  // zero until the first complete handshake
  assign dst_data_o = valid_q ? dst_q : '0;
endmodule : vmq_cdc_snapshot

`resetall
