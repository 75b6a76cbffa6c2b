`resetall
`default_nettype none

// vmq_pkg: types shared by the vmq blocks that are not register fields.
// Register offsets, field layouts and the filter-type encoding come from the
// generated vmq_reg_pkg (rtl/csr/vmq_regs.toml); this package holds the rest.
package vmq_pkg;

  // Why a receive decision drops a frame (SPEC §3 "Admission", in priority
  // order). DropBuffer is assigned by the packet buffer, never by the sorter.
  typedef enum logic [2:0] {
    DropNone      = 3'd0,
    DropErr       = 3'd1,  // tuser[0] on tlast, or a tkeep error
    DropRunt      = 3'd2,  // length < min_frame
    DropOversize  = 3'd3,  // length > max_frame
    DropUnmatched = 3'd4,  // empty queue mask, no default-queue fallback
    DropBuffer    = 3'd5   // no room in the RX packet buffer
  } drop_e;

  // Lowest min_frame the hardware honours (SPEC §3: "never below 18").
  localparam int unsigned MinFrameFloor = 18;

  // Bytes of the frame the sorter parses: DA, SA, TPID, TCI.
  localparam int unsigned HdrBytes = 16;

  // SPEC §3 filter match of one entry of a valid type, given DA == mac
  // (mac_eq), VID == vid (vid_eq) and "tagged with a VID other than 0"
  // (vtag). Shared by the receive sorter and the transmit loopback classifier.
  function automatic logic filt_type_ok(input logic [1:0] typ, input logic mac_eq,
                                        input logic vid_eq, input logic vtag);
    unique case (typ)
      vmq_reg_pkg::FILT_CFG_TYPE_MAC:          filt_type_ok = mac_eq;
      vmq_reg_pkg::FILT_CFG_TYPE_MAC_VLAN:     filt_type_ok = mac_eq && vtag && vid_eq;
      vmq_reg_pkg::FILT_CFG_TYPE_MAC_UNTAGGED: filt_type_ok = mac_eq && !vtag;
      vmq_reg_pkg::FILT_CFG_TYPE_VLAN:         filt_type_ok = vtag && vid_eq;
      default:                                 filt_type_ok = 1'b0;
    endcase
  endfunction

endpackage

`resetall
