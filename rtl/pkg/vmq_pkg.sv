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

endpackage

`resetall
