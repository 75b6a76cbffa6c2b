// Generated from rtl/csr/vmq_regs.toml by scripts/reggen.py -- DO NOT EDIT.
// Regenerate: python3 scripts/reggen.py   (CI: python3 scripts/reggen.py --check)
//
// Register offsets, field positions and constants of the vmq register map
// (docs/registers.md). Byte addresses within the 512 KiB BAR0.
`resetall
`default_nettype none

package vmq_reg_pkg;

  localparam int unsigned REG_ADDR_W = 19;
  localparam logic [31:0] UNMAPPED_READ = 32'hFFFFFFFF;

  // Per-queue counters held in RAM (source = "ram"), read through the
  // register block's counter read port: qcnt_rd_id_o names one of them.
  localparam int unsigned QCNT_NUM = 7;
  localparam int unsigned QCNT_ID_W = 3;
  localparam int unsigned QCNT_QUEUE_W = 10;
  localparam int unsigned QCNT_Q_RX_PACKETS = 0;
  localparam int unsigned QCNT_Q_RX_BYTES = 1;
  localparam int unsigned QCNT_Q_RX_NO_DESC_DROPS = 2;
  localparam int unsigned QCNT_Q_TX_PACKETS = 3;
  localparam int unsigned QCNT_Q_TX_BYTES = 4;
  localparam int unsigned QCNT_Q_TX_SPOOF_DROPS = 5;
  localparam int unsigned QCNT_Q_TX_OVERSIZE_DROPS = 6;

  localparam logic [31:0] MAGIC = 32'h564D5143;
  localparam logic [15:0] VERSION_PATCH = 16'h0000;
  localparam logic [7:0] VERSION_MINOR = 8'h02;
  localparam logic [7:0] VERSION_MAJOR = 8'h01;

  // ID_MAGIC (ro): Identification magic.
  localparam logic [18:0] REG_ID_MAGIC = 19'h00000;
  localparam logic [31:0] ID_MAGIC_RESET = 32'h564D5143;
  localparam int unsigned ID_MAGIC_MAGIC_LSB = 0;
  localparam int unsigned ID_MAGIC_MAGIC_WIDTH = 32;
  localparam logic [31:0] ID_MAGIC_MAGIC_MASK = 32'hFFFFFFFF;

  // ID_VERSION (ro): Register-map version.
  localparam logic [18:0] REG_ID_VERSION = 19'h00004;
  localparam logic [31:0] ID_VERSION_RESET = 32'h01020000;
  localparam int unsigned ID_VERSION_PATCH_LSB = 0;
  localparam int unsigned ID_VERSION_PATCH_WIDTH = 16;
  localparam logic [31:0] ID_VERSION_PATCH_MASK = 32'h0000FFFF;
  localparam int unsigned ID_VERSION_MINOR_LSB = 16;
  localparam int unsigned ID_VERSION_MINOR_WIDTH = 8;
  localparam logic [31:0] ID_VERSION_MINOR_MASK = 32'h00FF0000;
  localparam int unsigned ID_VERSION_MAJOR_LSB = 24;
  localparam int unsigned ID_VERSION_MAJOR_WIDTH = 8;
  localparam logic [31:0] ID_VERSION_MAJOR_MASK = 32'hFF000000;

  // ID_NUM_QUEUES (ro): Number of queues built into this core.
  localparam logic [18:0] REG_ID_NUM_QUEUES = 19'h00008;
  localparam logic [31:0] ID_NUM_QUEUES_RESET = 32'h00000000;
  localparam int unsigned ID_NUM_QUEUES_VALUE_LSB = 0;
  localparam int unsigned ID_NUM_QUEUES_VALUE_WIDTH = 16;
  localparam logic [31:0] ID_NUM_QUEUES_VALUE_MASK = 32'h0000FFFF;

  // ID_NUM_FILTERS (ro): Number of L2 filter-table entries.
  localparam logic [18:0] REG_ID_NUM_FILTERS = 19'h0000C;
  localparam logic [31:0] ID_NUM_FILTERS_RESET = 32'h00000000;
  localparam int unsigned ID_NUM_FILTERS_VALUE_LSB = 0;
  localparam int unsigned ID_NUM_FILTERS_VALUE_WIDTH = 16;
  localparam logic [31:0] ID_NUM_FILTERS_VALUE_MASK = 32'h0000FFFF;

  // ID_DATA_W (ro): MAC stream data width in bits.
  localparam logic [18:0] REG_ID_DATA_W = 19'h00010;
  localparam logic [31:0] ID_DATA_W_RESET = 32'h00000000;
  localparam int unsigned ID_DATA_W_VALUE_LSB = 0;
  localparam int unsigned ID_DATA_W_VALUE_WIDTH = 16;
  localparam logic [31:0] ID_DATA_W_VALUE_MASK = 32'h0000FFFF;

  // ID_AXI_DATA_W (ro): DMA AXI data width in bits.
  localparam logic [18:0] REG_ID_AXI_DATA_W = 19'h00014;
  localparam logic [31:0] ID_AXI_DATA_W_RESET = 32'h00000000;
  localparam int unsigned ID_AXI_DATA_W_VALUE_LSB = 0;
  localparam int unsigned ID_AXI_DATA_W_VALUE_WIDTH = 16;
  localparam logic [31:0] ID_AXI_DATA_W_VALUE_MASK = 32'h0000FFFF;

  // ID_MAX_FRAME_BYTES (ro): Largest frame the core can be configured to accept (upper bound of RX_MAX_FRAME).
  localparam logic [18:0] REG_ID_MAX_FRAME_BYTES = 19'h00018;
  localparam logic [31:0] ID_MAX_FRAME_BYTES_RESET = 32'h00000000;
  localparam int unsigned ID_MAX_FRAME_BYTES_VALUE_LSB = 0;
  localparam int unsigned ID_MAX_FRAME_BYTES_VALUE_WIDTH = 16;
  localparam logic [31:0] ID_MAX_FRAME_BYTES_VALUE_MASK = 32'h0000FFFF;

  // ID_PKTBUF_BYTES (ro): RX packet-buffer size in bytes.
  localparam logic [18:0] REG_ID_PKTBUF_BYTES = 19'h0001C;
  localparam logic [31:0] ID_PKTBUF_BYTES_RESET = 32'h00000000;
  localparam int unsigned ID_PKTBUF_BYTES_VALUE_LSB = 0;
  localparam int unsigned ID_PKTBUF_BYTES_VALUE_WIDTH = 32;
  localparam logic [31:0] ID_PKTBUF_BYTES_VALUE_MASK = 32'hFFFFFFFF;

  // SCRATCH (rw): Scratch register for the driver's bus sanity check; no hardware effect.
  localparam logic [18:0] REG_SCRATCH = 19'h00020;
  localparam logic [31:0] SCRATCH_RESET = 32'h00000000;
  localparam int unsigned SCRATCH_VALUE_LSB = 0;
  localparam int unsigned SCRATCH_VALUE_WIDTH = 32;
  localparam logic [31:0] SCRATCH_VALUE_MASK = 32'hFFFFFFFF;

  // ID_RX_CAPS (ro): Receive capacities of this build, for the driver.
  localparam logic [18:0] REG_ID_RX_CAPS = 19'h00024;
  localparam logic [31:0] ID_RX_CAPS_RESET = 32'h00000000;
  localparam int unsigned ID_RX_CAPS_DESC_CACHE_LSB = 0;
  localparam int unsigned ID_RX_CAPS_DESC_CACHE_WIDTH = 8;
  localparam logic [31:0] ID_RX_CAPS_DESC_CACHE_MASK = 32'h000000FF;

  // ID_TX_CAPS (ro): Transmit capacities of this build, for the driver (it refuses frames the core cannot take instead of copying these as constants).
  localparam logic [18:0] REG_ID_TX_CAPS = 19'h00028;
  localparam logic [31:0] ID_TX_CAPS_RESET = 32'h00000000;
  localparam int unsigned ID_TX_CAPS_DESC_PER_FRAME_LSB = 0;
  localparam int unsigned ID_TX_CAPS_DESC_PER_FRAME_WIDTH = 8;
  localparam logic [31:0] ID_TX_CAPS_DESC_PER_FRAME_MASK = 32'h000000FF;

  // ID_TX_STAGE_BYTES (ro): Transmit staging bytes per queue: the longest frame (after any port-VLAN tag) a queue can stage (TxStageBytes parameter).
  localparam logic [18:0] REG_ID_TX_STAGE_BYTES = 19'h0002C;
  localparam logic [31:0] ID_TX_STAGE_BYTES_RESET = 32'h00000000;
  localparam int unsigned ID_TX_STAGE_BYTES_VALUE_LSB = 0;
  localparam int unsigned ID_TX_STAGE_BYTES_VALUE_WIDTH = 32;
  localparam logic [31:0] ID_TX_STAGE_BYTES_VALUE_MASK = 32'hFFFFFFFF;

  // RESET (w1p): Global soft reset.
  localparam logic [18:0] REG_RESET = 19'h00030;
  localparam logic [31:0] RESET_RESET = 32'h00000000;
  localparam int unsigned RESET_SOFT_LSB = 0;
  localparam int unsigned RESET_SOFT_WIDTH = 1;
  localparam logic [31:0] RESET_SOFT_MASK = 32'h00000001;

  // STATUS (ro): Global status.
  localparam logic [18:0] REG_STATUS = 19'h00034;
  localparam logic [31:0] STATUS_RESET = 32'h00000000;
  localparam int unsigned STATUS_RESET_BUSY_LSB = 0;
  localparam int unsigned STATUS_RESET_BUSY_WIDTH = 1;
  localparam logic [31:0] STATUS_RESET_BUSY_MASK = 32'h00000001;

  // CTRL (rw): Global receive/transmit control.
  localparam logic [18:0] REG_CTRL = 19'h00040;
  localparam logic [31:0] CTRL_RESET = 32'h00000002;
  localparam int unsigned CTRL_DEFAULT_QUEUE_EN_LSB = 1;
  localparam int unsigned CTRL_DEFAULT_QUEUE_EN_WIDTH = 1;
  localparam logic [31:0] CTRL_DEFAULT_QUEUE_EN_MASK = 32'h00000002;
  localparam int unsigned CTRL_LOOPBACK_EN_LSB = 2;
  localparam int unsigned CTRL_LOOPBACK_EN_WIDTH = 1;
  localparam logic [31:0] CTRL_LOOPBACK_EN_MASK = 32'h00000004;
  localparam int unsigned CTRL_TX_DRR_LSB = 3;
  localparam int unsigned CTRL_TX_DRR_WIDTH = 1;
  localparam logic [31:0] CTRL_TX_DRR_MASK = 32'h00000008;

  // RX_TPID (rw): TPID that marks a frame as VLAN-tagged (bytes 12-13).
  localparam logic [18:0] REG_RX_TPID = 19'h00044;
  localparam logic [31:0] RX_TPID_RESET = 32'h00008100;
  localparam int unsigned RX_TPID_TPID_LSB = 0;
  localparam int unsigned RX_TPID_TPID_WIDTH = 16;
  localparam logic [31:0] RX_TPID_TPID_MASK = 32'h0000FFFF;

  // RX_MIN_FRAME (rw): Shortest accepted receive frame (bytes, without FCS).
  localparam logic [18:0] REG_RX_MIN_FRAME = 19'h00048;
  localparam logic [31:0] RX_MIN_FRAME_RESET = 32'h0000003C;
  localparam int unsigned RX_MIN_FRAME_BYTES_LSB = 0;
  localparam int unsigned RX_MIN_FRAME_BYTES_WIDTH = 16;
  localparam logic [31:0] RX_MIN_FRAME_BYTES_MASK = 32'h0000FFFF;

  // RX_MAX_FRAME (rw): Longest accepted receive frame (bytes, without FCS).
  localparam logic [18:0] REG_RX_MAX_FRAME = 19'h0004C;
  localparam logic [31:0] RX_MAX_FRAME_RESET = 32'h000005EE;
  localparam int unsigned RX_MAX_FRAME_BYTES_LSB = 0;
  localparam int unsigned RX_MAX_FRAME_BYTES_WIDTH = 16;
  localparam logic [31:0] RX_MAX_FRAME_BYTES_MASK = 32'h0000FFFF;

  // CSR_UNMAPPED_LO (ro): csr_unmapped: accesses (reads and writes) to addresses that are not registers.
  localparam logic [18:0] REG_CSR_UNMAPPED_LO = 19'h00080;
  localparam logic [31:0] CSR_UNMAPPED_LO_RESET = 32'h00000000;
  localparam int unsigned CSR_UNMAPPED_LO_VALUE_LSB = 0;
  localparam int unsigned CSR_UNMAPPED_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] CSR_UNMAPPED_LO_VALUE_MASK = 32'hFFFFFFFF;

  // CSR_UNMAPPED_HI (ro): csr_unmapped: accesses (reads and writes) to addresses that are not registers.
  localparam logic [18:0] REG_CSR_UNMAPPED_HI = 19'h00084;
  localparam logic [31:0] CSR_UNMAPPED_HI_RESET = 32'h00000000;
  localparam int unsigned CSR_UNMAPPED_HI_VALUE_LSB = 0;
  localparam int unsigned CSR_UNMAPPED_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] CSR_UNMAPPED_HI_VALUE_MASK = 32'hFFFFFFFF;

  // FILT_IDX (rw): Filter-table entry selected for commit (FILT_CMD) and read-back (FILT_RD_*).
  localparam logic [18:0] REG_FILT_IDX = 19'h00100;
  localparam logic [31:0] FILT_IDX_RESET = 32'h00000000;
  localparam int unsigned FILT_IDX_IDX_LSB = 0;
  localparam int unsigned FILT_IDX_IDX_WIDTH = 16;
  localparam logic [31:0] FILT_IDX_IDX_MASK = 32'h0000FFFF;

  // FILT_CFG (rw): Staging: filter entry configuration.
  localparam logic [18:0] REG_FILT_CFG = 19'h00104;
  localparam logic [31:0] FILT_CFG_RESET = 32'h00000000;
  localparam int unsigned FILT_CFG_VALID_LSB = 0;
  localparam int unsigned FILT_CFG_VALID_WIDTH = 1;
  localparam logic [31:0] FILT_CFG_VALID_MASK = 32'h00000001;
  localparam int unsigned FILT_CFG_TYPE_LSB = 1;
  localparam int unsigned FILT_CFG_TYPE_WIDTH = 2;
  localparam logic [31:0] FILT_CFG_TYPE_MASK = 32'h00000006;
  localparam logic [1:0] FILT_CFG_TYPE_MAC = 2'd0;
  localparam logic [1:0] FILT_CFG_TYPE_MAC_VLAN = 2'd1;
  localparam logic [1:0] FILT_CFG_TYPE_MAC_UNTAGGED = 2'd2;
  localparam logic [1:0] FILT_CFG_TYPE_VLAN = 2'd3;
  localparam int unsigned FILT_CFG_VID_LSB = 16;
  localparam int unsigned FILT_CFG_VID_WIDTH = 12;
  localparam logic [31:0] FILT_CFG_VID_MASK = 32'h0FFF0000;

  // FILT_MAC_LO (rw): Staging: MAC octets 2..5.
  localparam logic [18:0] REG_FILT_MAC_LO = 19'h00108;
  localparam logic [31:0] FILT_MAC_LO_RESET = 32'h00000000;
  localparam int unsigned FILT_MAC_LO_MAC_LSB = 0;
  localparam int unsigned FILT_MAC_LO_MAC_WIDTH = 32;
  localparam logic [31:0] FILT_MAC_LO_MAC_MASK = 32'hFFFFFFFF;

  // FILT_MAC_HI (rw): Staging: MAC octets 0..1.
  localparam logic [18:0] REG_FILT_MAC_HI = 19'h0010C;
  localparam logic [31:0] FILT_MAC_HI_RESET = 32'h00000000;
  localparam int unsigned FILT_MAC_HI_MAC_LSB = 0;
  localparam int unsigned FILT_MAC_HI_MAC_WIDTH = 16;
  localparam logic [31:0] FILT_MAC_HI_MAC_MASK = 32'h0000FFFF;

  // FILT_QMASK_LO (rw): Staging: queue mask, queues 0..31.
  localparam logic [18:0] REG_FILT_QMASK_LO = 19'h00110;
  localparam logic [31:0] FILT_QMASK_LO_RESET = 32'h00000000;
  localparam int unsigned FILT_QMASK_LO_QMASK_LSB = 0;
  localparam int unsigned FILT_QMASK_LO_QMASK_WIDTH = 32;
  localparam logic [31:0] FILT_QMASK_LO_QMASK_MASK = 32'hFFFFFFFF;

  // FILT_QMASK_HI (rw): Staging: queue mask, queues 32..63.
  localparam logic [18:0] REG_FILT_QMASK_HI = 19'h00114;
  localparam logic [31:0] FILT_QMASK_HI_RESET = 32'h00000000;
  localparam int unsigned FILT_QMASK_HI_QMASK_LSB = 0;
  localparam int unsigned FILT_QMASK_HI_QMASK_WIDTH = 32;
  localparam logic [31:0] FILT_QMASK_HI_QMASK_MASK = 32'hFFFFFFFF;

  // FILT_CMD (w1p): Filter-table command.
  localparam logic [18:0] REG_FILT_CMD = 19'h00118;
  localparam logic [31:0] FILT_CMD_RESET = 32'h00000000;
  localparam int unsigned FILT_CMD_WRITE_LSB = 0;
  localparam int unsigned FILT_CMD_WRITE_WIDTH = 1;
  localparam logic [31:0] FILT_CMD_WRITE_MASK = 32'h00000001;

  // FILT_RD_CFG (ro): Read-back of entry FILT_IDX: configuration (all zeros when FILT_IDX >= NumFilters).
  localparam logic [18:0] REG_FILT_RD_CFG = 19'h00120;
  localparam logic [31:0] FILT_RD_CFG_RESET = 32'h00000000;
  localparam int unsigned FILT_RD_CFG_VALID_LSB = 0;
  localparam int unsigned FILT_RD_CFG_VALID_WIDTH = 1;
  localparam logic [31:0] FILT_RD_CFG_VALID_MASK = 32'h00000001;
  localparam int unsigned FILT_RD_CFG_TYPE_LSB = 1;
  localparam int unsigned FILT_RD_CFG_TYPE_WIDTH = 2;
  localparam logic [31:0] FILT_RD_CFG_TYPE_MASK = 32'h00000006;
  localparam logic [1:0] FILT_RD_CFG_TYPE_MAC = 2'd0;
  localparam logic [1:0] FILT_RD_CFG_TYPE_MAC_VLAN = 2'd1;
  localparam logic [1:0] FILT_RD_CFG_TYPE_MAC_UNTAGGED = 2'd2;
  localparam logic [1:0] FILT_RD_CFG_TYPE_VLAN = 2'd3;
  localparam int unsigned FILT_RD_CFG_VID_LSB = 16;
  localparam int unsigned FILT_RD_CFG_VID_WIDTH = 12;
  localparam logic [31:0] FILT_RD_CFG_VID_MASK = 32'h0FFF0000;

  // FILT_RD_MAC_LO (ro): Read-back of entry FILT_IDX: MAC octets 2..5.
  localparam logic [18:0] REG_FILT_RD_MAC_LO = 19'h00124;
  localparam logic [31:0] FILT_RD_MAC_LO_RESET = 32'h00000000;
  localparam int unsigned FILT_RD_MAC_LO_MAC_LSB = 0;
  localparam int unsigned FILT_RD_MAC_LO_MAC_WIDTH = 32;
  localparam logic [31:0] FILT_RD_MAC_LO_MAC_MASK = 32'hFFFFFFFF;

  // FILT_RD_MAC_HI (ro): Read-back of entry FILT_IDX: MAC octets 0..1.
  localparam logic [18:0] REG_FILT_RD_MAC_HI = 19'h00128;
  localparam logic [31:0] FILT_RD_MAC_HI_RESET = 32'h00000000;
  localparam int unsigned FILT_RD_MAC_HI_MAC_LSB = 0;
  localparam int unsigned FILT_RD_MAC_HI_MAC_WIDTH = 16;
  localparam logic [31:0] FILT_RD_MAC_HI_MAC_MASK = 32'h0000FFFF;

  // FILT_RD_QMASK_LO (ro): Read-back of entry FILT_IDX: queue mask, queues 0..31.
  localparam logic [18:0] REG_FILT_RD_QMASK_LO = 19'h0012C;
  localparam logic [31:0] FILT_RD_QMASK_LO_RESET = 32'h00000000;
  localparam int unsigned FILT_RD_QMASK_LO_QMASK_LSB = 0;
  localparam int unsigned FILT_RD_QMASK_LO_QMASK_WIDTH = 32;
  localparam logic [31:0] FILT_RD_QMASK_LO_QMASK_MASK = 32'hFFFFFFFF;

  // FILT_RD_QMASK_HI (ro): Read-back of entry FILT_IDX: queue mask, queues 32..63.
  localparam logic [18:0] REG_FILT_RD_QMASK_HI = 19'h00130;
  localparam logic [31:0] FILT_RD_QMASK_HI_RESET = 32'h00000000;
  localparam int unsigned FILT_RD_QMASK_HI_QMASK_LSB = 0;
  localparam int unsigned FILT_RD_QMASK_HI_QMASK_WIDTH = 32;
  localparam logic [31:0] FILT_RD_QMASK_HI_QMASK_MASK = 32'hFFFFFFFF;

  // RX_FRAMES_LO (ro): rx_frames (SPEC 6): every frame that arrives on the MAC receive stream, dropped or not (SPEC 3, Admission).
  localparam logic [18:0] REG_RX_FRAMES_LO = 19'h00200;
  localparam logic [31:0] RX_FRAMES_LO_RESET = 32'h00000000;
  localparam int unsigned RX_FRAMES_LO_VALUE_LSB = 0;
  localparam int unsigned RX_FRAMES_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] RX_FRAMES_LO_VALUE_MASK = 32'hFFFFFFFF;

  // RX_FRAMES_HI (ro): rx_frames (SPEC 6): every frame that arrives on the MAC receive stream, dropped or not (SPEC 3, Admission).
  localparam logic [18:0] REG_RX_FRAMES_HI = 19'h00204;
  localparam logic [31:0] RX_FRAMES_HI_RESET = 32'h00000000;
  localparam int unsigned RX_FRAMES_HI_VALUE_LSB = 0;
  localparam int unsigned RX_FRAMES_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] RX_FRAMES_HI_VALUE_MASK = 32'hFFFFFFFF;

  // RX_ERR_DROPS_LO (ro): rx_err_drops (SPEC 6): frames dropped for tuser[0] on the tlast beat or a tkeep error (SPEC 3 admission reason 1).
  localparam logic [18:0] REG_RX_ERR_DROPS_LO = 19'h00208;
  localparam logic [31:0] RX_ERR_DROPS_LO_RESET = 32'h00000000;
  localparam int unsigned RX_ERR_DROPS_LO_VALUE_LSB = 0;
  localparam int unsigned RX_ERR_DROPS_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] RX_ERR_DROPS_LO_VALUE_MASK = 32'hFFFFFFFF;

  // RX_ERR_DROPS_HI (ro): rx_err_drops (SPEC 6): frames dropped for tuser[0] on the tlast beat or a tkeep error (SPEC 3 admission reason 1).
  localparam logic [18:0] REG_RX_ERR_DROPS_HI = 19'h0020C;
  localparam logic [31:0] RX_ERR_DROPS_HI_RESET = 32'h00000000;
  localparam int unsigned RX_ERR_DROPS_HI_VALUE_LSB = 0;
  localparam int unsigned RX_ERR_DROPS_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] RX_ERR_DROPS_HI_VALUE_MASK = 32'hFFFFFFFF;

  // RX_RUNT_DROPS_LO (ro): rx_runt_drops (SPEC 6): frames dropped as shorter than RX_MIN_FRAME (SPEC 3 admission reason 2).
  localparam logic [18:0] REG_RX_RUNT_DROPS_LO = 19'h00210;
  localparam logic [31:0] RX_RUNT_DROPS_LO_RESET = 32'h00000000;
  localparam int unsigned RX_RUNT_DROPS_LO_VALUE_LSB = 0;
  localparam int unsigned RX_RUNT_DROPS_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] RX_RUNT_DROPS_LO_VALUE_MASK = 32'hFFFFFFFF;

  // RX_RUNT_DROPS_HI (ro): rx_runt_drops (SPEC 6): frames dropped as shorter than RX_MIN_FRAME (SPEC 3 admission reason 2).
  localparam logic [18:0] REG_RX_RUNT_DROPS_HI = 19'h00214;
  localparam logic [31:0] RX_RUNT_DROPS_HI_RESET = 32'h00000000;
  localparam int unsigned RX_RUNT_DROPS_HI_VALUE_LSB = 0;
  localparam int unsigned RX_RUNT_DROPS_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] RX_RUNT_DROPS_HI_VALUE_MASK = 32'hFFFFFFFF;

  // RX_OVERSIZE_DROPS_LO (ro): rx_oversize_drops (SPEC 6): frames dropped as longer than RX_MAX_FRAME (SPEC 3 admission reason 3).
  localparam logic [18:0] REG_RX_OVERSIZE_DROPS_LO = 19'h00218;
  localparam logic [31:0] RX_OVERSIZE_DROPS_LO_RESET = 32'h00000000;
  localparam int unsigned RX_OVERSIZE_DROPS_LO_VALUE_LSB = 0;
  localparam int unsigned RX_OVERSIZE_DROPS_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] RX_OVERSIZE_DROPS_LO_VALUE_MASK = 32'hFFFFFFFF;

  // RX_OVERSIZE_DROPS_HI (ro): rx_oversize_drops (SPEC 6): frames dropped as longer than RX_MAX_FRAME (SPEC 3 admission reason 3).
  localparam logic [18:0] REG_RX_OVERSIZE_DROPS_HI = 19'h0021C;
  localparam logic [31:0] RX_OVERSIZE_DROPS_HI_RESET = 32'h00000000;
  localparam int unsigned RX_OVERSIZE_DROPS_HI_VALUE_LSB = 0;
  localparam int unsigned RX_OVERSIZE_DROPS_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] RX_OVERSIZE_DROPS_HI_VALUE_MASK = 32'hFFFFFFFF;

  // RX_UNMATCHED_DROPS_LO (ro): rx_unmatched_drops (SPEC 6): frames dropped because classification gave no queue (SPEC 3 admission reason 4, step 5).
  localparam logic [18:0] REG_RX_UNMATCHED_DROPS_LO = 19'h00220;
  localparam logic [31:0] RX_UNMATCHED_DROPS_LO_RESET = 32'h00000000;
  localparam int unsigned RX_UNMATCHED_DROPS_LO_VALUE_LSB = 0;
  localparam int unsigned RX_UNMATCHED_DROPS_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] RX_UNMATCHED_DROPS_LO_VALUE_MASK = 32'hFFFFFFFF;

  // RX_UNMATCHED_DROPS_HI (ro): rx_unmatched_drops (SPEC 6): frames dropped because classification gave no queue (SPEC 3 admission reason 4, step 5).
  localparam logic [18:0] REG_RX_UNMATCHED_DROPS_HI = 19'h00224;
  localparam logic [31:0] RX_UNMATCHED_DROPS_HI_RESET = 32'h00000000;
  localparam int unsigned RX_UNMATCHED_DROPS_HI_VALUE_LSB = 0;
  localparam int unsigned RX_UNMATCHED_DROPS_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] RX_UNMATCHED_DROPS_HI_VALUE_MASK = 32'hFFFFFFFF;

  // RX_BUFFER_DROPS_LO (ro): rx_buffer_drops (SPEC 6): frames dropped for lack of room in the RX packet buffer (SPEC 3 admission reason 5).
  localparam logic [18:0] REG_RX_BUFFER_DROPS_LO = 19'h00228;
  localparam logic [31:0] RX_BUFFER_DROPS_LO_RESET = 32'h00000000;
  localparam int unsigned RX_BUFFER_DROPS_LO_VALUE_LSB = 0;
  localparam int unsigned RX_BUFFER_DROPS_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] RX_BUFFER_DROPS_LO_VALUE_MASK = 32'hFFFFFFFF;

  // RX_BUFFER_DROPS_HI (ro): rx_buffer_drops (SPEC 6): frames dropped for lack of room in the RX packet buffer (SPEC 3 admission reason 5).
  localparam logic [18:0] REG_RX_BUFFER_DROPS_HI = 19'h0022C;
  localparam logic [31:0] RX_BUFFER_DROPS_HI_RESET = 32'h00000000;
  localparam int unsigned RX_BUFFER_DROPS_HI_VALUE_LSB = 0;
  localparam int unsigned RX_BUFFER_DROPS_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] RX_BUFFER_DROPS_HI_VALUE_MASK = 32'hFFFFFFFF;

  // DMA_ERRORS_LO (ro): dma_errors (SPEC 6, 7): one per AXI transaction answered with an error (SLVERR or DECERR), in either direction: descriptor reads, transmit payload reads, receive payload and write-back writes, transmit completions.
  localparam logic [18:0] REG_DMA_ERRORS_LO = 19'h00230;
  localparam logic [31:0] DMA_ERRORS_LO_RESET = 32'h00000000;
  localparam int unsigned DMA_ERRORS_LO_VALUE_LSB = 0;
  localparam int unsigned DMA_ERRORS_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] DMA_ERRORS_LO_VALUE_MASK = 32'hFFFFFFFF;

  // DMA_ERRORS_HI (ro): dma_errors (SPEC 6, 7): one per AXI transaction answered with an error (SLVERR or DECERR), in either direction: descriptor reads, transmit payload reads, receive payload and write-back writes, transmit completions.
  localparam logic [18:0] REG_DMA_ERRORS_HI = 19'h00234;
  localparam logic [31:0] DMA_ERRORS_HI_RESET = 32'h00000000;
  localparam int unsigned DMA_ERRORS_HI_VALUE_LSB = 0;
  localparam int unsigned DMA_ERRORS_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] DMA_ERRORS_HI_VALUE_MASK = 32'hFFFFFFFF;

  // QUEUE_ERRORS_LO (ro): queue_errors (SPEC 6, 7): one per queue put in error by the host's own fault, not by an AXI error response: a ring fault (RX: Q_RX_TAIL moved behind descriptors claimed by copies; TX: Q_TX_TAIL moved behind descriptors already fetched) or, on transmit, a frame with more descriptors than the core caches.
  localparam logic [18:0] REG_QUEUE_ERRORS_LO = 19'h00238;
  localparam logic [31:0] QUEUE_ERRORS_LO_RESET = 32'h00000000;
  localparam int unsigned QUEUE_ERRORS_LO_VALUE_LSB = 0;
  localparam int unsigned QUEUE_ERRORS_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] QUEUE_ERRORS_LO_VALUE_MASK = 32'hFFFFFFFF;

  // QUEUE_ERRORS_HI (ro): queue_errors (SPEC 6, 7): one per queue put in error by the host's own fault, not by an AXI error response: a ring fault (RX: Q_RX_TAIL moved behind descriptors claimed by copies; TX: Q_TX_TAIL moved behind descriptors already fetched) or, on transmit, a frame with more descriptors than the core caches.
  localparam logic [18:0] REG_QUEUE_ERRORS_HI = 19'h0023C;
  localparam logic [31:0] QUEUE_ERRORS_HI_RESET = 32'h00000000;
  localparam int unsigned QUEUE_ERRORS_HI_VALUE_LSB = 0;
  localparam int unsigned QUEUE_ERRORS_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] QUEUE_ERRORS_HI_VALUE_MASK = 32'hFFFFFFFF;

  // Q_RX_CTRL (rw): Receive control of queue q.
  localparam logic [18:0] REG_Q_RX_CTRL = 19'h10000;
  localparam logic [18:0] Q_RX_CTRL_STRIDE = 19'h00040;
  localparam int unsigned Q_RX_CTRL_MAX_COUNT = 1024;
  localparam logic [31:0] Q_RX_CTRL_RESET = 32'h00000000;
  localparam int unsigned Q_RX_CTRL_ENABLE_LSB = 0;
  localparam int unsigned Q_RX_CTRL_ENABLE_WIDTH = 1;
  localparam logic [31:0] Q_RX_CTRL_ENABLE_MASK = 32'h00000001;
  localparam int unsigned Q_RX_CTRL_BCAST_LSB = 1;
  localparam int unsigned Q_RX_CTRL_BCAST_WIDTH = 1;
  localparam logic [31:0] Q_RX_CTRL_BCAST_MASK = 32'h00000002;
  localparam int unsigned Q_RX_CTRL_MCAST_LSB = 2;
  localparam int unsigned Q_RX_CTRL_MCAST_WIDTH = 1;
  localparam logic [31:0] Q_RX_CTRL_MCAST_MASK = 32'h00000004;
  localparam int unsigned Q_RX_CTRL_PROMISC_LSB = 3;
  localparam int unsigned Q_RX_CTRL_PROMISC_WIDTH = 1;
  localparam logic [31:0] Q_RX_CTRL_PROMISC_MASK = 32'h00000008;
  localparam int unsigned Q_RX_CTRL_STRIP_VLAN_LSB = 4;
  localparam int unsigned Q_RX_CTRL_STRIP_VLAN_WIDTH = 1;
  localparam logic [31:0] Q_RX_CTRL_STRIP_VLAN_MASK = 32'h00000010;

  // Q_RX_BASE_LO (rw): RX ring base address of queue q, bits 31:0 (docs/rx-dma.md).
  localparam logic [18:0] REG_Q_RX_BASE_LO = 19'h10004;
  localparam logic [18:0] Q_RX_BASE_LO_STRIDE = 19'h00040;
  localparam int unsigned Q_RX_BASE_LO_MAX_COUNT = 1024;
  localparam logic [31:0] Q_RX_BASE_LO_RESET = 32'h00000000;
  localparam int unsigned Q_RX_BASE_LO_ADDR_LSB = 4;
  localparam int unsigned Q_RX_BASE_LO_ADDR_WIDTH = 28;
  localparam logic [31:0] Q_RX_BASE_LO_ADDR_MASK = 32'hFFFFFFF0;

  // Q_RX_BASE_HI (rw): RX ring base address of queue q, bits 63:32.
  localparam logic [18:0] REG_Q_RX_BASE_HI = 19'h10008;
  localparam logic [18:0] Q_RX_BASE_HI_STRIDE = 19'h00040;
  localparam int unsigned Q_RX_BASE_HI_MAX_COUNT = 1024;
  localparam logic [31:0] Q_RX_BASE_HI_RESET = 32'h00000000;
  localparam int unsigned Q_RX_BASE_HI_ADDR_LSB = 0;
  localparam int unsigned Q_RX_BASE_HI_ADDR_WIDTH = 32;
  localparam logic [31:0] Q_RX_BASE_HI_ADDR_MASK = 32'hFFFFFFFF;

  // Q_RX_SIZE (rw): RX ring size of queue q.
  localparam logic [18:0] REG_Q_RX_SIZE = 19'h1000C;
  localparam logic [18:0] Q_RX_SIZE_STRIDE = 19'h00040;
  localparam int unsigned Q_RX_SIZE_MAX_COUNT = 1024;
  localparam logic [31:0] Q_RX_SIZE_RESET = 32'h00000008;
  localparam int unsigned Q_RX_SIZE_LOG2_LSB = 0;
  localparam int unsigned Q_RX_SIZE_LOG2_WIDTH = 4;
  localparam logic [31:0] Q_RX_SIZE_LOG2_MASK = 32'h0000000F;

  // Q_RX_BUF (rw): RX buffer size of queue q.
  localparam logic [18:0] REG_Q_RX_BUF = 19'h10010;
  localparam logic [18:0] Q_RX_BUF_STRIDE = 19'h00040;
  localparam int unsigned Q_RX_BUF_MAX_COUNT = 1024;
  localparam logic [31:0] Q_RX_BUF_RESET = 32'h00000800;
  localparam int unsigned Q_RX_BUF_BYTES_LSB = 0;
  localparam int unsigned Q_RX_BUF_BYTES_WIDTH = 16;
  localparam logic [31:0] Q_RX_BUF_BYTES_MASK = 32'h0000FFFF;

  // Q_RX_TAIL (rw): RX ring tail (producer index) of queue q: the doorbell.
  localparam logic [18:0] REG_Q_RX_TAIL = 19'h10014;
  localparam logic [18:0] Q_RX_TAIL_STRIDE = 19'h00040;
  localparam int unsigned Q_RX_TAIL_MAX_COUNT = 1024;
  localparam logic [31:0] Q_RX_TAIL_RESET = 32'h00000000;
  localparam int unsigned Q_RX_TAIL_IDX_LSB = 0;
  localparam int unsigned Q_RX_TAIL_IDX_WIDTH = 12;
  localparam logic [31:0] Q_RX_TAIL_IDX_MASK = 32'h00000FFF;

  // Q_RX_HEAD (ro): RX ring head (consumer index) of queue q.
  localparam logic [18:0] REG_Q_RX_HEAD = 19'h10018;
  localparam logic [18:0] Q_RX_HEAD_STRIDE = 19'h00040;
  localparam int unsigned Q_RX_HEAD_MAX_COUNT = 1024;
  localparam logic [31:0] Q_RX_HEAD_RESET = 32'h00000000;
  localparam int unsigned Q_RX_HEAD_IDX_LSB = 0;
  localparam int unsigned Q_RX_HEAD_IDX_WIDTH = 12;
  localparam logic [31:0] Q_RX_HEAD_IDX_MASK = 32'h00000FFF;

  // Q_RX_STATUS (ro): RX state of queue q (SPEC 4 lifecycle, SPEC 7 faults).
  localparam logic [18:0] REG_Q_RX_STATUS = 19'h1001C;
  localparam logic [18:0] Q_RX_STATUS_STRIDE = 19'h00040;
  localparam int unsigned Q_RX_STATUS_MAX_COUNT = 1024;
  localparam logic [31:0] Q_RX_STATUS_RESET = 32'h00000000;
  localparam int unsigned Q_RX_STATUS_RUNNING_LSB = 0;
  localparam int unsigned Q_RX_STATUS_RUNNING_WIDTH = 1;
  localparam logic [31:0] Q_RX_STATUS_RUNNING_MASK = 32'h00000001;
  localparam int unsigned Q_RX_STATUS_STOPPED_LSB = 1;
  localparam int unsigned Q_RX_STATUS_STOPPED_WIDTH = 1;
  localparam logic [31:0] Q_RX_STATUS_STOPPED_MASK = 32'h00000002;
  localparam int unsigned Q_RX_STATUS_ERROR_LSB = 2;
  localparam int unsigned Q_RX_STATUS_ERROR_WIDTH = 1;
  localparam logic [31:0] Q_RX_STATUS_ERROR_MASK = 32'h00000004;
  localparam int unsigned Q_RX_STATUS_RESETTING_LSB = 3;
  localparam int unsigned Q_RX_STATUS_RESETTING_WIDTH = 1;
  localparam logic [31:0] Q_RX_STATUS_RESETTING_MASK = 32'h00000008;
  localparam int unsigned Q_RX_STATUS_CAUSE_LSB = 4;
  localparam int unsigned Q_RX_STATUS_CAUSE_WIDTH = 3;
  localparam logic [31:0] Q_RX_STATUS_CAUSE_MASK = 32'h00000070;
  localparam logic [2:0] Q_RX_STATUS_CAUSE_NONE = 3'd0;
  localparam logic [2:0] Q_RX_STATUS_CAUSE_DESC_READ = 3'd1;
  localparam logic [2:0] Q_RX_STATUS_CAUSE_PAYLOAD_READ = 3'd2;
  localparam logic [2:0] Q_RX_STATUS_CAUSE_WRITE = 3'd3;
  localparam logic [2:0] Q_RX_STATUS_CAUSE_RING = 3'd4;
  localparam logic [2:0] Q_RX_STATUS_CAUSE_GATHER = 3'd5;

  // Q_RX_CMD (w1p): RX commands of queue q.
  localparam logic [18:0] REG_Q_RX_CMD = 19'h10020;
  localparam logic [18:0] Q_RX_CMD_STRIDE = 19'h00040;
  localparam int unsigned Q_RX_CMD_MAX_COUNT = 1024;
  localparam logic [31:0] Q_RX_CMD_RESET = 32'h00000000;
  localparam int unsigned Q_RX_CMD_RESET_LSB = 0;
  localparam int unsigned Q_RX_CMD_RESET_WIDTH = 1;
  localparam logic [31:0] Q_RX_CMD_RESET_MASK = 32'h00000001;

  // Q_INT_MASK (rw): Interrupt mask of queue q (1 = cause may raise irq_o[q]).
  localparam logic [18:0] REG_Q_INT_MASK = 19'h10024;
  localparam logic [18:0] Q_INT_MASK_STRIDE = 19'h00040;
  localparam int unsigned Q_INT_MASK_MAX_COUNT = 1024;
  localparam logic [31:0] Q_INT_MASK_RESET = 32'h00000000;
  localparam int unsigned Q_INT_MASK_RX_LSB = 0;
  localparam int unsigned Q_INT_MASK_RX_WIDTH = 1;
  localparam logic [31:0] Q_INT_MASK_RX_MASK = 32'h00000001;
  localparam int unsigned Q_INT_MASK_TX_LSB = 1;
  localparam int unsigned Q_INT_MASK_TX_WIDTH = 1;
  localparam logic [31:0] Q_INT_MASK_TX_MASK = 32'h00000002;
  localparam int unsigned Q_INT_MASK_ERR_LSB = 2;
  localparam int unsigned Q_INT_MASK_ERR_WIDTH = 1;
  localparam logic [31:0] Q_INT_MASK_ERR_MASK = 32'h00000004;

  // Q_INT_CAUSE (ro): Interrupt causes of queue q (sticky, cleared by Q_INT_CLEAR).
  localparam logic [18:0] REG_Q_INT_CAUSE = 19'h10028;
  localparam logic [18:0] Q_INT_CAUSE_STRIDE = 19'h00040;
  localparam int unsigned Q_INT_CAUSE_MAX_COUNT = 1024;
  localparam logic [31:0] Q_INT_CAUSE_RESET = 32'h00000000;
  localparam int unsigned Q_INT_CAUSE_RX_LSB = 0;
  localparam int unsigned Q_INT_CAUSE_RX_WIDTH = 1;
  localparam logic [31:0] Q_INT_CAUSE_RX_MASK = 32'h00000001;
  localparam int unsigned Q_INT_CAUSE_TX_LSB = 1;
  localparam int unsigned Q_INT_CAUSE_TX_WIDTH = 1;
  localparam logic [31:0] Q_INT_CAUSE_TX_MASK = 32'h00000002;
  localparam int unsigned Q_INT_CAUSE_ERR_LSB = 2;
  localparam int unsigned Q_INT_CAUSE_ERR_WIDTH = 1;
  localparam logic [31:0] Q_INT_CAUSE_ERR_MASK = 32'h00000004;

  // Q_INT_CLEAR (w1p): Clear interrupt causes of queue q (write 1 to clear the matching Q_INT_CAUSE bit).
  localparam logic [18:0] REG_Q_INT_CLEAR = 19'h1002C;
  localparam logic [18:0] Q_INT_CLEAR_STRIDE = 19'h00040;
  localparam int unsigned Q_INT_CLEAR_MAX_COUNT = 1024;
  localparam logic [31:0] Q_INT_CLEAR_RESET = 32'h00000000;
  localparam int unsigned Q_INT_CLEAR_RX_LSB = 0;
  localparam int unsigned Q_INT_CLEAR_RX_WIDTH = 1;
  localparam logic [31:0] Q_INT_CLEAR_RX_MASK = 32'h00000001;
  localparam int unsigned Q_INT_CLEAR_TX_LSB = 1;
  localparam int unsigned Q_INT_CLEAR_TX_WIDTH = 1;
  localparam logic [31:0] Q_INT_CLEAR_TX_MASK = 32'h00000002;
  localparam int unsigned Q_INT_CLEAR_ERR_LSB = 2;
  localparam int unsigned Q_INT_CLEAR_ERR_WIDTH = 1;
  localparam logic [31:0] Q_INT_CLEAR_ERR_MASK = 32'h00000004;

  // Q_INT_ITR (rw): Interrupt moderation of queue q.
  localparam logic [18:0] REG_Q_INT_ITR = 19'h10030;
  localparam logic [18:0] Q_INT_ITR_STRIDE = 19'h00040;
  localparam int unsigned Q_INT_ITR_MAX_COUNT = 1024;
  localparam logic [31:0] Q_INT_ITR_RESET = 32'h00000000;
  localparam int unsigned Q_INT_ITR_CYCLES_LSB = 0;
  localparam int unsigned Q_INT_ITR_CYCLES_WIDTH = 24;
  localparam logic [31:0] Q_INT_ITR_CYCLES_MASK = 32'h00FFFFFF;

  // Q_TX_CTRL (rw): Transmit control of queue q.
  localparam logic [18:0] REG_Q_TX_CTRL = 19'h20000;
  localparam logic [18:0] Q_TX_CTRL_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_CTRL_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_CTRL_RESET = 32'h00000000;
  localparam int unsigned Q_TX_CTRL_ENABLE_LSB = 0;
  localparam int unsigned Q_TX_CTRL_ENABLE_WIDTH = 1;
  localparam logic [31:0] Q_TX_CTRL_ENABLE_MASK = 32'h00000001;
  localparam int unsigned Q_TX_CTRL_SPOOF_MAC_LSB = 1;
  localparam int unsigned Q_TX_CTRL_SPOOF_MAC_WIDTH = 1;
  localparam logic [31:0] Q_TX_CTRL_SPOOF_MAC_MASK = 32'h00000002;
  localparam int unsigned Q_TX_CTRL_SPOOF_VLAN_LSB = 2;
  localparam int unsigned Q_TX_CTRL_SPOOF_VLAN_WIDTH = 1;
  localparam logic [31:0] Q_TX_CTRL_SPOOF_VLAN_MASK = 32'h00000004;

  // Q_TX_BASE_LO (rw): TX ring base address of queue q, bits 31:0.
  localparam logic [18:0] REG_Q_TX_BASE_LO = 19'h20004;
  localparam logic [18:0] Q_TX_BASE_LO_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_BASE_LO_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_BASE_LO_RESET = 32'h00000000;
  localparam int unsigned Q_TX_BASE_LO_ADDR_LSB = 4;
  localparam int unsigned Q_TX_BASE_LO_ADDR_WIDTH = 28;
  localparam logic [31:0] Q_TX_BASE_LO_ADDR_MASK = 32'hFFFFFFF0;

  // Q_TX_BASE_HI (rw): TX ring base address of queue q, bits 63:32.
  localparam logic [18:0] REG_Q_TX_BASE_HI = 19'h20008;
  localparam logic [18:0] Q_TX_BASE_HI_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_BASE_HI_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_BASE_HI_RESET = 32'h00000000;
  localparam int unsigned Q_TX_BASE_HI_ADDR_LSB = 0;
  localparam int unsigned Q_TX_BASE_HI_ADDR_WIDTH = 32;
  localparam logic [31:0] Q_TX_BASE_HI_ADDR_MASK = 32'hFFFFFFFF;

  // Q_TX_SIZE (rw): TX ring size of queue q.
  localparam logic [18:0] REG_Q_TX_SIZE = 19'h2000C;
  localparam logic [18:0] Q_TX_SIZE_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_SIZE_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_SIZE_RESET = 32'h00000008;
  localparam int unsigned Q_TX_SIZE_LOG2_LSB = 0;
  localparam int unsigned Q_TX_SIZE_LOG2_WIDTH = 4;
  localparam logic [31:0] Q_TX_SIZE_LOG2_MASK = 32'h0000000F;

  // Q_TX_TAIL (rw): TX ring tail (producer index) of queue q: the doorbell.
  localparam logic [18:0] REG_Q_TX_TAIL = 19'h20014;
  localparam logic [18:0] Q_TX_TAIL_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_TAIL_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_TAIL_RESET = 32'h00000000;
  localparam int unsigned Q_TX_TAIL_IDX_LSB = 0;
  localparam int unsigned Q_TX_TAIL_IDX_WIDTH = 12;
  localparam logic [31:0] Q_TX_TAIL_IDX_MASK = 32'h00000FFF;

  // Q_TX_HEAD (ro): TX ring head (completion index) of queue q.
  localparam logic [18:0] REG_Q_TX_HEAD = 19'h20018;
  localparam logic [18:0] Q_TX_HEAD_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_HEAD_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_HEAD_RESET = 32'h00000000;
  localparam int unsigned Q_TX_HEAD_IDX_LSB = 0;
  localparam int unsigned Q_TX_HEAD_IDX_WIDTH = 12;
  localparam logic [31:0] Q_TX_HEAD_IDX_MASK = 32'h00000FFF;

  // Q_TX_STATUS (ro): TX state of queue q (SPEC 4 lifecycle, SPEC 7 faults).
  localparam logic [18:0] REG_Q_TX_STATUS = 19'h2001C;
  localparam logic [18:0] Q_TX_STATUS_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_STATUS_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_STATUS_RESET = 32'h00000000;
  localparam int unsigned Q_TX_STATUS_RUNNING_LSB = 0;
  localparam int unsigned Q_TX_STATUS_RUNNING_WIDTH = 1;
  localparam logic [31:0] Q_TX_STATUS_RUNNING_MASK = 32'h00000001;
  localparam int unsigned Q_TX_STATUS_STOPPED_LSB = 1;
  localparam int unsigned Q_TX_STATUS_STOPPED_WIDTH = 1;
  localparam logic [31:0] Q_TX_STATUS_STOPPED_MASK = 32'h00000002;
  localparam int unsigned Q_TX_STATUS_ERROR_LSB = 2;
  localparam int unsigned Q_TX_STATUS_ERROR_WIDTH = 1;
  localparam logic [31:0] Q_TX_STATUS_ERROR_MASK = 32'h00000004;
  localparam int unsigned Q_TX_STATUS_RESETTING_LSB = 3;
  localparam int unsigned Q_TX_STATUS_RESETTING_WIDTH = 1;
  localparam logic [31:0] Q_TX_STATUS_RESETTING_MASK = 32'h00000008;
  localparam int unsigned Q_TX_STATUS_CAUSE_LSB = 4;
  localparam int unsigned Q_TX_STATUS_CAUSE_WIDTH = 3;
  localparam logic [31:0] Q_TX_STATUS_CAUSE_MASK = 32'h00000070;
  localparam logic [2:0] Q_TX_STATUS_CAUSE_NONE = 3'd0;
  localparam logic [2:0] Q_TX_STATUS_CAUSE_DESC_READ = 3'd1;
  localparam logic [2:0] Q_TX_STATUS_CAUSE_PAYLOAD_READ = 3'd2;
  localparam logic [2:0] Q_TX_STATUS_CAUSE_WRITE = 3'd3;
  localparam logic [2:0] Q_TX_STATUS_CAUSE_RING = 3'd4;
  localparam logic [2:0] Q_TX_STATUS_CAUSE_GATHER = 3'd5;

  // Q_TX_CMD (w1p): TX commands of queue q.
  localparam logic [18:0] REG_Q_TX_CMD = 19'h20020;
  localparam logic [18:0] Q_TX_CMD_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_CMD_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_CMD_RESET = 32'h00000000;
  localparam int unsigned Q_TX_CMD_RESET_LSB = 0;
  localparam int unsigned Q_TX_CMD_RESET_WIDTH = 1;
  localparam logic [31:0] Q_TX_CMD_RESET_MASK = 32'h00000001;

  // Q_TX_PORT_VLAN (rw): Port VLAN of queue q (82599 VMVIR, SPEC 5).
  localparam logic [18:0] REG_Q_TX_PORT_VLAN = 19'h20024;
  localparam logic [18:0] Q_TX_PORT_VLAN_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_PORT_VLAN_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_PORT_VLAN_RESET = 32'h00000000;
  localparam int unsigned Q_TX_PORT_VLAN_TCI_LSB = 0;
  localparam int unsigned Q_TX_PORT_VLAN_TCI_WIDTH = 16;
  localparam logic [31:0] Q_TX_PORT_VLAN_TCI_MASK = 32'h0000FFFF;

  // Q_TX_MAC_LO (rw): Allowed source MAC of queue q for anti-spoofing, octets 2..5 (as FILT_MAC_LO).
  localparam logic [18:0] REG_Q_TX_MAC_LO = 19'h20028;
  localparam logic [18:0] Q_TX_MAC_LO_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_MAC_LO_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_MAC_LO_RESET = 32'h00000000;
  localparam int unsigned Q_TX_MAC_LO_MAC_LSB = 0;
  localparam int unsigned Q_TX_MAC_LO_MAC_WIDTH = 32;
  localparam logic [31:0] Q_TX_MAC_LO_MAC_MASK = 32'hFFFFFFFF;

  // Q_TX_MAC_HI (rw): Allowed source MAC of queue q, octets 0..1 (as FILT_MAC_HI).
  localparam logic [18:0] REG_Q_TX_MAC_HI = 19'h2002C;
  localparam logic [18:0] Q_TX_MAC_HI_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_MAC_HI_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_MAC_HI_RESET = 32'h00000000;
  localparam int unsigned Q_TX_MAC_HI_MAC_LSB = 0;
  localparam int unsigned Q_TX_MAC_HI_MAC_WIDTH = 16;
  localparam logic [31:0] Q_TX_MAC_HI_MAC_MASK = 32'h0000FFFF;

  // Q_TX_WEIGHT (rw): DRR weight of queue q (used when CTRL.TX_DRR = 1).
  localparam logic [18:0] REG_Q_TX_WEIGHT = 19'h20030;
  localparam logic [18:0] Q_TX_WEIGHT_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_WEIGHT_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_WEIGHT_RESET = 32'h00000018;
  localparam int unsigned Q_TX_WEIGHT_WEIGHT_LSB = 0;
  localparam int unsigned Q_TX_WEIGHT_WEIGHT_WIDTH = 16;
  localparam logic [31:0] Q_TX_WEIGHT_WEIGHT_MASK = 32'h0000FFFF;

  // Q_RX_PACKETS_LO (ro): rx_packets of queue q (SPEC 6): copies written to the queue's buffers (counted when their write-backs are issued).
  localparam logic [18:0] REG_Q_RX_PACKETS_LO = 19'h30000;
  localparam logic [18:0] Q_RX_PACKETS_LO_STRIDE = 19'h00040;
  localparam int unsigned Q_RX_PACKETS_LO_MAX_COUNT = 1024;
  localparam logic [31:0] Q_RX_PACKETS_LO_RESET = 32'h00000000;
  localparam int unsigned Q_RX_PACKETS_LO_VALUE_LSB = 0;
  localparam int unsigned Q_RX_PACKETS_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] Q_RX_PACKETS_LO_VALUE_MASK = 32'hFFFFFFFF;

  // Q_RX_PACKETS_HI (ro): rx_packets of queue q (SPEC 6): copies written to the queue's buffers (counted when their write-backs are issued).
  localparam logic [18:0] REG_Q_RX_PACKETS_HI = 19'h30004;
  localparam logic [18:0] Q_RX_PACKETS_HI_STRIDE = 19'h00040;
  localparam int unsigned Q_RX_PACKETS_HI_MAX_COUNT = 1024;
  localparam logic [31:0] Q_RX_PACKETS_HI_RESET = 32'h00000000;
  localparam int unsigned Q_RX_PACKETS_HI_VALUE_LSB = 0;
  localparam int unsigned Q_RX_PACKETS_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] Q_RX_PACKETS_HI_VALUE_MASK = 32'hFFFFFFFF;

  // Q_RX_BYTES_LO (ro): rx_bytes of queue q (SPEC 6): bytes of those copies (after VLAN stripping).
  localparam logic [18:0] REG_Q_RX_BYTES_LO = 19'h30008;
  localparam logic [18:0] Q_RX_BYTES_LO_STRIDE = 19'h00040;
  localparam int unsigned Q_RX_BYTES_LO_MAX_COUNT = 1024;
  localparam logic [31:0] Q_RX_BYTES_LO_RESET = 32'h00000000;
  localparam int unsigned Q_RX_BYTES_LO_VALUE_LSB = 0;
  localparam int unsigned Q_RX_BYTES_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] Q_RX_BYTES_LO_VALUE_MASK = 32'hFFFFFFFF;

  // Q_RX_BYTES_HI (ro): rx_bytes of queue q (SPEC 6): bytes of those copies (after VLAN stripping).
  localparam logic [18:0] REG_Q_RX_BYTES_HI = 19'h3000C;
  localparam logic [18:0] Q_RX_BYTES_HI_STRIDE = 19'h00040;
  localparam int unsigned Q_RX_BYTES_HI_MAX_COUNT = 1024;
  localparam logic [31:0] Q_RX_BYTES_HI_RESET = 32'h00000000;
  localparam int unsigned Q_RX_BYTES_HI_VALUE_LSB = 0;
  localparam int unsigned Q_RX_BYTES_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] Q_RX_BYTES_HI_VALUE_MASK = 32'hFFFFFFFF;

  // Q_RX_NO_DESC_DROPS_LO (ro): rx_no_desc_drops of queue q (SPEC 6): copies dropped whole because the queue had fewer posted descriptors than the copy needs when its turn came, or had stopped taking copies (disabled or in error) after the frame was classified.
  localparam logic [18:0] REG_Q_RX_NO_DESC_DROPS_LO = 19'h30010;
  localparam logic [18:0] Q_RX_NO_DESC_DROPS_LO_STRIDE = 19'h00040;
  localparam int unsigned Q_RX_NO_DESC_DROPS_LO_MAX_COUNT = 1024;
  localparam logic [31:0] Q_RX_NO_DESC_DROPS_LO_RESET = 32'h00000000;
  localparam int unsigned Q_RX_NO_DESC_DROPS_LO_VALUE_LSB = 0;
  localparam int unsigned Q_RX_NO_DESC_DROPS_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] Q_RX_NO_DESC_DROPS_LO_VALUE_MASK = 32'hFFFFFFFF;

  // Q_RX_NO_DESC_DROPS_HI (ro): rx_no_desc_drops of queue q (SPEC 6): copies dropped whole because the queue had fewer posted descriptors than the copy needs when its turn came, or had stopped taking copies (disabled or in error) after the frame was classified.
  localparam logic [18:0] REG_Q_RX_NO_DESC_DROPS_HI = 19'h30014;
  localparam logic [18:0] Q_RX_NO_DESC_DROPS_HI_STRIDE = 19'h00040;
  localparam int unsigned Q_RX_NO_DESC_DROPS_HI_MAX_COUNT = 1024;
  localparam logic [31:0] Q_RX_NO_DESC_DROPS_HI_RESET = 32'h00000000;
  localparam int unsigned Q_RX_NO_DESC_DROPS_HI_VALUE_LSB = 0;
  localparam int unsigned Q_RX_NO_DESC_DROPS_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] Q_RX_NO_DESC_DROPS_HI_VALUE_MASK = 32'hFFFFFFFF;

  // Q_TX_PACKETS_LO (ro): tx_packets of queue q (SPEC 6): frames sent (counted when their last beat leaves for the MAC).
  localparam logic [18:0] REG_Q_TX_PACKETS_LO = 19'h30018;
  localparam logic [18:0] Q_TX_PACKETS_LO_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_PACKETS_LO_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_PACKETS_LO_RESET = 32'h00000000;
  localparam int unsigned Q_TX_PACKETS_LO_VALUE_LSB = 0;
  localparam int unsigned Q_TX_PACKETS_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] Q_TX_PACKETS_LO_VALUE_MASK = 32'hFFFFFFFF;

  // Q_TX_PACKETS_HI (ro): tx_packets of queue q (SPEC 6): frames sent (counted when their last beat leaves for the MAC).
  localparam logic [18:0] REG_Q_TX_PACKETS_HI = 19'h3001C;
  localparam logic [18:0] Q_TX_PACKETS_HI_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_PACKETS_HI_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_PACKETS_HI_RESET = 32'h00000000;
  localparam int unsigned Q_TX_PACKETS_HI_VALUE_LSB = 0;
  localparam int unsigned Q_TX_PACKETS_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] Q_TX_PACKETS_HI_VALUE_MASK = 32'hFFFFFFFF;

  // Q_TX_BYTES_LO (ro): tx_bytes of queue q (SPEC 6): bytes of those frames as sent (after tag insertion and padding, without FCS).
  localparam logic [18:0] REG_Q_TX_BYTES_LO = 19'h30020;
  localparam logic [18:0] Q_TX_BYTES_LO_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_BYTES_LO_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_BYTES_LO_RESET = 32'h00000000;
  localparam int unsigned Q_TX_BYTES_LO_VALUE_LSB = 0;
  localparam int unsigned Q_TX_BYTES_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] Q_TX_BYTES_LO_VALUE_MASK = 32'hFFFFFFFF;

  // Q_TX_BYTES_HI (ro): tx_bytes of queue q (SPEC 6): bytes of those frames as sent (after tag insertion and padding, without FCS).
  localparam logic [18:0] REG_Q_TX_BYTES_HI = 19'h30024;
  localparam logic [18:0] Q_TX_BYTES_HI_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_BYTES_HI_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_BYTES_HI_RESET = 32'h00000000;
  localparam int unsigned Q_TX_BYTES_HI_VALUE_LSB = 0;
  localparam int unsigned Q_TX_BYTES_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] Q_TX_BYTES_HI_VALUE_MASK = 32'hFFFFFFFF;

  // Q_TX_SPOOF_DROPS_LO (ro): tx_spoof_drops of queue q (SPEC 5, 6).
  localparam logic [18:0] REG_Q_TX_SPOOF_DROPS_LO = 19'h30028;
  localparam logic [18:0] Q_TX_SPOOF_DROPS_LO_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_SPOOF_DROPS_LO_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_SPOOF_DROPS_LO_RESET = 32'h00000000;
  localparam int unsigned Q_TX_SPOOF_DROPS_LO_VALUE_LSB = 0;
  localparam int unsigned Q_TX_SPOOF_DROPS_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] Q_TX_SPOOF_DROPS_LO_VALUE_MASK = 32'hFFFFFFFF;

  // Q_TX_SPOOF_DROPS_HI (ro): tx_spoof_drops of queue q (SPEC 5, 6).
  localparam logic [18:0] REG_Q_TX_SPOOF_DROPS_HI = 19'h3002C;
  localparam logic [18:0] Q_TX_SPOOF_DROPS_HI_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_SPOOF_DROPS_HI_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_SPOOF_DROPS_HI_RESET = 32'h00000000;
  localparam int unsigned Q_TX_SPOOF_DROPS_HI_VALUE_LSB = 0;
  localparam int unsigned Q_TX_SPOOF_DROPS_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] Q_TX_SPOOF_DROPS_HI_VALUE_MASK = 32'hFFFFFFFF;

  // Q_TX_OVERSIZE_DROPS_LO (ro): tx_oversize_drops of queue q (SPEC 5, 6): frames longer than min(RX_MAX_FRAME, MaxFrameBytes) after tag insertion, dropped unread.
  localparam logic [18:0] REG_Q_TX_OVERSIZE_DROPS_LO = 19'h30030;
  localparam logic [18:0] Q_TX_OVERSIZE_DROPS_LO_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_OVERSIZE_DROPS_LO_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_OVERSIZE_DROPS_LO_RESET = 32'h00000000;
  localparam int unsigned Q_TX_OVERSIZE_DROPS_LO_VALUE_LSB = 0;
  localparam int unsigned Q_TX_OVERSIZE_DROPS_LO_VALUE_WIDTH = 32;
  localparam logic [31:0] Q_TX_OVERSIZE_DROPS_LO_VALUE_MASK = 32'hFFFFFFFF;

  // Q_TX_OVERSIZE_DROPS_HI (ro): tx_oversize_drops of queue q (SPEC 5, 6): frames longer than min(RX_MAX_FRAME, MaxFrameBytes) after tag insertion, dropped unread.
  localparam logic [18:0] REG_Q_TX_OVERSIZE_DROPS_HI = 19'h30034;
  localparam logic [18:0] Q_TX_OVERSIZE_DROPS_HI_STRIDE = 19'h00040;
  localparam int unsigned Q_TX_OVERSIZE_DROPS_HI_MAX_COUNT = 1024;
  localparam logic [31:0] Q_TX_OVERSIZE_DROPS_HI_RESET = 32'h00000000;
  localparam int unsigned Q_TX_OVERSIZE_DROPS_HI_VALUE_LSB = 0;
  localparam int unsigned Q_TX_OVERSIZE_DROPS_HI_VALUE_WIDTH = 32;
  localparam logic [31:0] Q_TX_OVERSIZE_DROPS_HI_VALUE_MASK = 32'hFFFFFFFF;

  // Descriptor formats in host memory (docs/registers.md, "Descriptor formats"):
  // little-endian 64-bit words; field <F> of format <D> is bits
  // [<D>_<F>_LSB +: <D>_<F>_W] of 64-bit word <D>_<F>_WORD.
  // RX_DESC: RX descriptor as the host posts it (read format).
  localparam int unsigned RX_DESC_BYTES = 16;
  localparam int unsigned RX_DESC_ADDR_WORD = 0;
  localparam int unsigned RX_DESC_ADDR_LSB = 0;
  localparam int unsigned RX_DESC_ADDR_W = 64;
  localparam int unsigned RX_DESC_ZERO_WORD = 1;
  localparam int unsigned RX_DESC_ZERO_LSB = 0;
  localparam int unsigned RX_DESC_ZERO_W = 64;

  // RX_WB: RX write-back: the core rewrites word 1 of a descriptor once its buffer is filled (word 0, the address, is left as posted).
  localparam int unsigned RX_WB_BYTES = 16;
  localparam int unsigned RX_WB_DD_WORD = 1;
  localparam int unsigned RX_WB_DD_LSB = 0;
  localparam int unsigned RX_WB_DD_W = 1;
  localparam int unsigned RX_WB_EOP_WORD = 1;
  localparam int unsigned RX_WB_EOP_LSB = 1;
  localparam int unsigned RX_WB_EOP_W = 1;
  localparam int unsigned RX_WB_VP_WORD = 1;
  localparam int unsigned RX_WB_VP_LSB = 2;
  localparam int unsigned RX_WB_VP_W = 1;
  localparam int unsigned RX_WB_BCAST_WORD = 1;
  localparam int unsigned RX_WB_BCAST_LSB = 3;
  localparam int unsigned RX_WB_BCAST_W = 1;
  localparam int unsigned RX_WB_MCAST_WORD = 1;
  localparam int unsigned RX_WB_MCAST_LSB = 4;
  localparam int unsigned RX_WB_MCAST_W = 1;
  localparam int unsigned RX_WB_LEN_WORD = 1;
  localparam int unsigned RX_WB_LEN_LSB = 16;
  localparam int unsigned RX_WB_LEN_W = 16;
  localparam int unsigned RX_WB_TCI_WORD = 1;
  localparam int unsigned RX_WB_TCI_LSB = 32;
  localparam int unsigned RX_WB_TCI_W = 16;
  localparam int unsigned RX_WB_FRAME_LEN_WORD = 1;
  localparam int unsigned RX_WB_FRAME_LEN_LSB = 48;
  localparam int unsigned RX_WB_FRAME_LEN_W = 16;

  // TX_DESC: TX descriptor as the host posts it.
  localparam int unsigned TX_DESC_BYTES = 16;
  localparam int unsigned TX_DESC_ADDR_WORD = 0;
  localparam int unsigned TX_DESC_ADDR_LSB = 0;
  localparam int unsigned TX_DESC_ADDR_W = 64;
  localparam int unsigned TX_DESC_ZERO_WORD = 1;
  localparam int unsigned TX_DESC_ZERO_LSB = 0;
  localparam int unsigned TX_DESC_ZERO_W = 32;
  localparam int unsigned TX_DESC_LEN_WORD = 1;
  localparam int unsigned TX_DESC_LEN_LSB = 32;
  localparam int unsigned TX_DESC_LEN_W = 16;
  localparam int unsigned TX_DESC_EOP_WORD = 1;
  localparam int unsigned TX_DESC_EOP_LSB = 48;
  localparam int unsigned TX_DESC_EOP_W = 1;

  // TX_WB: TX completion: the core rewrites word 1 of a frame's EOP descriptor once the frame is sent or dropped (EOP reads back 0); HEAD passes it when the write has had its response.
  localparam int unsigned TX_WB_BYTES = 16;
  localparam int unsigned TX_WB_DD_WORD = 1;
  localparam int unsigned TX_WB_DD_LSB = 0;
  localparam int unsigned TX_WB_DD_W = 1;
  localparam int unsigned TX_WB_ERR_WORD = 1;
  localparam int unsigned TX_WB_ERR_LSB = 1;
  localparam int unsigned TX_WB_ERR_W = 1;
  localparam int unsigned TX_WB_SPOOF_WORD = 1;
  localparam int unsigned TX_WB_SPOOF_LSB = 2;
  localparam int unsigned TX_WB_SPOOF_W = 1;
  localparam int unsigned TX_WB_OVERSIZE_WORD = 1;
  localparam int unsigned TX_WB_OVERSIZE_LSB = 3;
  localparam int unsigned TX_WB_OVERSIZE_W = 1;
  localparam int unsigned TX_WB_LEN_WORD = 1;
  localparam int unsigned TX_WB_LEN_LSB = 16;
  localparam int unsigned TX_WB_LEN_W = 16;
  localparam int unsigned TX_WB_HOST_LEN_WORD = 1;
  localparam int unsigned TX_WB_HOST_LEN_LSB = 32;
  localparam int unsigned TX_WB_HOST_LEN_W = 16;

endpackage : vmq_reg_pkg

`resetall
