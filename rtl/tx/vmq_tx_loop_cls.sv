`resetall
`default_nettype none

// vmq_tx_loop_cls: VM-to-VM loopback classification of a transmitted frame
// (SPEC §5): SPEC §3 steps 1-4 on the frame as sent (DA, outermost tag after
// port-VLAN insertion) against the receive filter table, with the sender's
// queue removed and no default-queue fallback. Inputs are registered by the
// caller; the result is combinational.
//   qmask_o     M: queues that get a looped copy
//   local_o     DA unicast and a mac / mac_vlan / mac_untagged filter matched
//   to_wire_o   !(local_o && M != 0): the frame also (or only) goes to the wire
module vmq_tx_loop_cls #(
  parameter int unsigned NumQueues  = 16,
  parameter int unsigned NumFilters = 64,
  localparam int unsigned QW        = (NumQueues > 1) ? $clog2(NumQueues) : 1
) (
  // filter table (vmq_l2_sorter) and per-queue receive settings
  input  logic [NumFilters-1:0]                tbl_valid_i,
  input  logic [NumFilters-1:0][1:0]           tbl_type_i,
  input  logic [NumFilters-1:0][47:0]          tbl_mac_i,
  input  logic [NumFilters-1:0][11:0]          tbl_vid_i,
  input  logic [NumFilters-1:0][NumQueues-1:0] tbl_qmask_i,
  input  logic [NumQueues-1:0]                 cfg_bcast_i,
  input  logic [NumQueues-1:0]                 cfg_mcast_i,
  input  logic [NumQueues-1:0]                 cfg_promisc_i,
  input  logic [NumQueues-1:0]                 cfg_rx_enable_i,   // receive queues running
  // the frame
  input  logic [47:0]                          da_i,
  input  logic                                 tagged_i,          // outermost TPID matched
  input  logic [11:0]                          vid_i,             // VID of that tag
  input  logic [QW-1:0]                        src_q_i,
  output logic [NumQueues-1:0]                 qmask_o,
  output logic                                 local_o,
  output logic                                 to_wire_o,
  output logic                                 bcast_o,
  output logic                                 mcast_o
);
  logic                  vtag;
  logic [NumFilters-1:0] match, mac_type;
  assign vtag    = tagged_i && vid_i != '0;
  assign bcast_o = &da_i;
  assign mcast_o = da_i[40] && !bcast_o;

  for (genvar f = 0; f < NumFilters; f++) begin : gen_match
    assign match[f] = tbl_valid_i[f] &&
                      vmq_pkg::filt_type_ok(tbl_type_i[f], tbl_mac_i[f] == da_i,
                                            tbl_vid_i[f] == vid_i, vtag);
    assign mac_type[f] = tbl_type_i[f] != vmq_reg_pkg::FILT_CFG_TYPE_VLAN;
  end

  always_comb begin
    logic [NumQueues-1:0] m;
    m = '0;
    for (int unsigned f = 0; f < NumFilters; f++) if (match[f]) m = m | tbl_qmask_i[f];
    if (bcast_o) m = m | cfg_bcast_i;
    else if (mcast_o) m = m | cfg_mcast_i;
    m = m | cfg_promisc_i;
    m = m & cfg_rx_enable_i;
    m[src_q_i] = 1'b0;
    qmask_o = m;
  end
  assign local_o   = !bcast_o && !mcast_o && |(match & mac_type);
  assign to_wire_o = !(local_o && qmask_o != '0);
endmodule

`resetall
