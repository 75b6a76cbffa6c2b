// Generated from fpga/boards/kcu105/board_regs.toml by scripts/reggen.py -- DO NOT EDIT.
// Regenerate: python3 scripts/reggen.py   (CI: python3 scripts/reggen.py --check)
//
// Register offsets and field positions of the KCU105 board registers
// (docs/board-registers.md): byte addresses within the 1024 KiB BAR0,
// window 0x80000..0xFFFFF. Constants only: fpga_core.sv decodes the
// registers itself.
`resetall
`default_nettype none

package vmq_board_reg_pkg;

  localparam int unsigned BOARD_ADDR_W = 20;
  localparam logic [19:0] BOARD_BASE = 20'h80000;
  localparam logic [31:0] BOARD_UNMAPPED_READ = 32'hFFFFFFFF;

  localparam logic [31:0] BOARD_MAGIC = 32'h46504741;

  // BRD_MAGIC (ro): Board identification magic.
  localparam logic [19:0] REG_BRD_MAGIC = 20'h80000;
  localparam logic [31:0] BRD_MAGIC_RESET = 32'h46504741;
  localparam int unsigned BRD_MAGIC_MAGIC_LSB = 0;
  localparam int unsigned BRD_MAGIC_MAGIC_WIDTH = 32;
  localparam logic [31:0] BRD_MAGIC_MAGIC_MASK = 32'hFFFFFFFF;

  // BRD_STATUS (ro): Link status of the 10GBASE-R PCS (SFP+ cage 0), 2-flop synchronised from the MAC RX clock (GT RXUSRCLK2) to the core clock.
  localparam logic [19:0] REG_BRD_STATUS = 20'h80004;
  localparam logic [31:0] BRD_STATUS_RESET = 32'h00000000;
  localparam int unsigned BRD_STATUS_LINK_UP_LSB = 0;
  localparam int unsigned BRD_STATUS_LINK_UP_WIDTH = 1;
  localparam logic [31:0] BRD_STATUS_LINK_UP_MASK = 32'h00000001;
  localparam int unsigned BRD_STATUS_BLOCK_LOCK_LSB = 1;
  localparam int unsigned BRD_STATUS_BLOCK_LOCK_WIDTH = 1;
  localparam logic [31:0] BRD_STATUS_BLOCK_LOCK_MASK = 32'h00000002;
  localparam int unsigned BRD_STATUS_HIGH_BER_LSB = 2;
  localparam int unsigned BRD_STATUS_HIGH_BER_WIDTH = 1;
  localparam logic [31:0] BRD_STATUS_HIGH_BER_MASK = 32'h00000004;

  // BRD_MSI_STATUS (ro): MSI state from the PCIe bridge, a snapshot from the bridge clock (vmq_cdc_snapshot, coherent with BRD_MSI_SENT).
  localparam logic [19:0] REG_BRD_MSI_STATUS = 20'h80008;
  localparam logic [31:0] BRD_MSI_STATUS_RESET = 32'h00000000;
  localparam int unsigned BRD_MSI_STATUS_ENABLE_LSB = 0;
  localparam int unsigned BRD_MSI_STATUS_ENABLE_WIDTH = 1;
  localparam logic [31:0] BRD_MSI_STATUS_ENABLE_MASK = 32'h00000001;
  localparam int unsigned BRD_MSI_STATUS_VECTOR_WIDTH_LSB = 4;
  localparam int unsigned BRD_MSI_STATUS_VECTOR_WIDTH_WIDTH = 3;
  localparam logic [31:0] BRD_MSI_STATUS_VECTOR_WIDTH_MASK = 32'h00000070;
  localparam int unsigned BRD_MSI_STATUS_VECTORS_LSB = 8;
  localparam int unsigned BRD_MSI_STATUS_VECTORS_WIDTH = 6;
  localparam logic [31:0] BRD_MSI_STATUS_VECTORS_MASK = 32'h00003F00;

  // BRD_MSI_SENT (ro): MSI messages granted by the bridge (vmq_msi sent_o, bridge clock, snapshot; wraps).
  localparam logic [19:0] REG_BRD_MSI_SENT = 20'h8000C;
  localparam logic [31:0] BRD_MSI_SENT_RESET = 32'h00000000;
  localparam int unsigned BRD_MSI_SENT_VALUE_LSB = 0;
  localparam int unsigned BRD_MSI_SENT_VALUE_WIDTH = 32;
  localparam logic [31:0] BRD_MSI_SENT_VALUE_MASK = 32'hFFFFFFFF;

  // BRD_IRQ_CAUSE_LO (w1c): Interrupt causes of queues 0..31: bit q is set by a rising edge of vmq_core irq_o[q] (vmq_msi) and stays set until the driver writes 1 to it.
  localparam logic [19:0] REG_BRD_IRQ_CAUSE_LO = 20'h80010;
  localparam logic [31:0] BRD_IRQ_CAUSE_LO_RESET = 32'h00000000;
  localparam int unsigned BRD_IRQ_CAUSE_LO_QUEUES_LSB = 0;
  localparam int unsigned BRD_IRQ_CAUSE_LO_QUEUES_WIDTH = 32;
  localparam logic [31:0] BRD_IRQ_CAUSE_LO_QUEUES_MASK = 32'hFFFFFFFF;

  // BRD_IRQ_CAUSE_HI (w1c): Interrupt causes of queues 32..63, as BRD_IRQ_CAUSE_LO.
  localparam logic [19:0] REG_BRD_IRQ_CAUSE_HI = 20'h80014;
  localparam logic [31:0] BRD_IRQ_CAUSE_HI_RESET = 32'h00000000;
  localparam int unsigned BRD_IRQ_CAUSE_HI_QUEUES_LSB = 0;
  localparam int unsigned BRD_IRQ_CAUSE_HI_QUEUES_WIDTH = 32;
  localparam logic [31:0] BRD_IRQ_CAUSE_HI_QUEUES_MASK = 32'hFFFFFFFF;

  // BRD_MAC_TX_FRAMES (ro): MAC frames sent with a good FCS (vmq_top mac_tx_frames_o; snapshot from the GT TX clock).
  localparam logic [19:0] REG_BRD_MAC_TX_FRAMES = 20'h80040;
  localparam logic [31:0] BRD_MAC_TX_FRAMES_RESET = 32'h00000000;
  localparam int unsigned BRD_MAC_TX_FRAMES_VALUE_LSB = 0;
  localparam int unsigned BRD_MAC_TX_FRAMES_VALUE_WIDTH = 32;
  localparam logic [31:0] BRD_MAC_TX_FRAMES_VALUE_MASK = 32'hFFFFFFFF;

  // BRD_MAC_TX_BYTES (ro): Data bytes of the frames in BRD_MAC_TX_FRAMES, padding included, FCS excluded (mac_tx_bytes_o; GT TX snapshot).
  localparam logic [19:0] REG_BRD_MAC_TX_BYTES = 20'h80044;
  localparam logic [31:0] BRD_MAC_TX_BYTES_RESET = 32'h00000000;
  localparam int unsigned BRD_MAC_TX_BYTES_VALUE_LSB = 0;
  localparam int unsigned BRD_MAC_TX_BYTES_VALUE_WIDTH = 32;
  localparam logic [31:0] BRD_MAC_TX_BYTES_VALUE_MASK = 32'hFFFFFFFF;

  // BRD_MAC_TX_UNDERRUNS (ro): MAC frames cut short by an underrun, ended with /E/ (mac_tx_underruns_o; GT TX snapshot).
  localparam logic [19:0] REG_BRD_MAC_TX_UNDERRUNS = 20'h80048;
  localparam logic [31:0] BRD_MAC_TX_UNDERRUNS_RESET = 32'h00000000;
  localparam int unsigned BRD_MAC_TX_UNDERRUNS_VALUE_LSB = 0;
  localparam int unsigned BRD_MAC_TX_UNDERRUNS_VALUE_WIDTH = 32;
  localparam logic [31:0] BRD_MAC_TX_UNDERRUNS_VALUE_MASK = 32'hFFFFFFFF;

  // BRD_MAC_TX_ERRORS (ro): MAC frames sent with /E/ instead of the FCS because the core marked them bad (mac_tx_errors_o; GT TX snapshot).
  localparam logic [19:0] REG_BRD_MAC_TX_ERRORS = 20'h8004C;
  localparam logic [31:0] BRD_MAC_TX_ERRORS_RESET = 32'h00000000;
  localparam int unsigned BRD_MAC_TX_ERRORS_VALUE_LSB = 0;
  localparam int unsigned BRD_MAC_TX_ERRORS_VALUE_WIDTH = 32;
  localparam logic [31:0] BRD_MAC_TX_ERRORS_VALUE_MASK = 32'hFFFFFFFF;

  // BRD_MAC_RX_FRAMES (ro): MAC frames received with a good FCS and no code error (mac_rx_frames_o; snapshot from the GT RX clock).
  localparam logic [19:0] REG_BRD_MAC_RX_FRAMES = 20'h80050;
  localparam logic [31:0] BRD_MAC_RX_FRAMES_RESET = 32'h00000000;
  localparam int unsigned BRD_MAC_RX_FRAMES_VALUE_LSB = 0;
  localparam int unsigned BRD_MAC_RX_FRAMES_VALUE_WIDTH = 32;
  localparam logic [31:0] BRD_MAC_RX_FRAMES_VALUE_MASK = 32'hFFFFFFFF;

  // BRD_MAC_RX_BYTES (ro): Data bytes of the frames in BRD_MAC_RX_FRAMES, FCS excluded (mac_rx_bytes_o; GT RX snapshot).
  localparam logic [19:0] REG_BRD_MAC_RX_BYTES = 20'h80054;
  localparam logic [31:0] BRD_MAC_RX_BYTES_RESET = 32'h00000000;
  localparam int unsigned BRD_MAC_RX_BYTES_VALUE_LSB = 0;
  localparam int unsigned BRD_MAC_RX_BYTES_VALUE_WIDTH = 32;
  localparam logic [31:0] BRD_MAC_RX_BYTES_VALUE_MASK = 32'hFFFFFFFF;

  // BRD_MAC_RX_FCS_ERRORS (ro): MAC frames received with a wrong FCS (or no data byte) and no code error (mac_rx_fcs_errors_o; GT RX snapshot).
  localparam logic [19:0] REG_BRD_MAC_RX_FCS_ERRORS = 20'h80058;
  localparam logic [31:0] BRD_MAC_RX_FCS_ERRORS_RESET = 32'h00000000;
  localparam int unsigned BRD_MAC_RX_FCS_ERRORS_VALUE_LSB = 0;
  localparam int unsigned BRD_MAC_RX_FCS_ERRORS_VALUE_WIDTH = 32;
  localparam logic [31:0] BRD_MAC_RX_FCS_ERRORS_VALUE_MASK = 32'hFFFFFFFF;

  // BRD_MAC_RX_CODE_ERRORS (ro): MAC frames with a bad preamble/SFD or ended by a control character other than /T/ (mac_rx_code_errors_o; GT RX snapshot).
  localparam logic [19:0] REG_BRD_MAC_RX_CODE_ERRORS = 20'h8005C;
  localparam logic [31:0] BRD_MAC_RX_CODE_ERRORS_RESET = 32'h00000000;
  localparam int unsigned BRD_MAC_RX_CODE_ERRORS_VALUE_LSB = 0;
  localparam int unsigned BRD_MAC_RX_CODE_ERRORS_VALUE_WIDTH = 32;
  localparam logic [31:0] BRD_MAC_RX_CODE_ERRORS_VALUE_MASK = 32'hFFFFFFFF;

  // BRD_PCS_RX_ERR_BLOCKS (ro): PCS receive words sent to the MAC as /E/ while block-locked and not high BER (pcs_rx_err_blocks_o; GT RX snapshot).
  localparam logic [19:0] REG_BRD_PCS_RX_ERR_BLOCKS = 20'h80060;
  localparam logic [31:0] BRD_PCS_RX_ERR_BLOCKS_RESET = 32'h00000000;
  localparam int unsigned BRD_PCS_RX_ERR_BLOCKS_VALUE_LSB = 0;
  localparam int unsigned BRD_PCS_RX_ERR_BLOCKS_VALUE_WIDTH = 32;
  localparam logic [31:0] BRD_PCS_RX_ERR_BLOCKS_VALUE_MASK = 32'hFFFFFFFF;

  // BRD_PCS_RX_BER_COUNT (ro): PCS invalid sync headers (00, 11) while block-locked (pcs_rx_ber_count_o; GT RX snapshot).
  localparam logic [19:0] REG_BRD_PCS_RX_BER_COUNT = 20'h80064;
  localparam logic [31:0] BRD_PCS_RX_BER_COUNT_RESET = 32'h00000000;
  localparam int unsigned BRD_PCS_RX_BER_COUNT_VALUE_LSB = 0;
  localparam int unsigned BRD_PCS_RX_BER_COUNT_VALUE_WIDTH = 32;
  localparam logic [31:0] BRD_PCS_RX_BER_COUNT_VALUE_MASK = 32'hFFFFFFFF;

  // BRD_PCS_RX_LOCK_LOSSES (ro): PCS block-lock losses, falling edges of block lock (pcs_rx_lock_losses_o; GT RX snapshot).
  localparam logic [19:0] REG_BRD_PCS_RX_LOCK_LOSSES = 20'h80068;
  localparam logic [31:0] BRD_PCS_RX_LOCK_LOSSES_RESET = 32'h00000000;
  localparam int unsigned BRD_PCS_RX_LOCK_LOSSES_VALUE_LSB = 0;
  localparam int unsigned BRD_PCS_RX_LOCK_LOSSES_VALUE_WIDTH = 32;
  localparam logic [31:0] BRD_PCS_RX_LOCK_LOSSES_VALUE_MASK = 32'hFFFFFFFF;

  // BRD_RX_FIFO_DROPS (ro): Received frames dropped, or cut with tuser = 1, by the RX clock-crossing FIFO because they did not fit (rx_fifo_drops_o; GT RX snapshot).
  localparam logic [19:0] REG_BRD_RX_FIFO_DROPS = 20'h8006C;
  localparam logic [31:0] BRD_RX_FIFO_DROPS_RESET = 32'h00000000;
  localparam int unsigned BRD_RX_FIFO_DROPS_VALUE_LSB = 0;
  localparam int unsigned BRD_RX_FIFO_DROPS_VALUE_WIDTH = 32;
  localparam logic [31:0] BRD_RX_FIFO_DROPS_VALUE_MASK = 32'hFFFFFFFF;

  // BRD_TX_FIFO_DROPS (ro): Transmit frames cut by the TX clock-crossing FIFO, which only a reset of the MAC TX side mid-frame does (tx_fifo_drops_o; core clock, read directly, no snapshot).
  localparam logic [19:0] REG_BRD_TX_FIFO_DROPS = 20'h80070;
  localparam logic [31:0] BRD_TX_FIFO_DROPS_RESET = 32'h00000000;
  localparam int unsigned BRD_TX_FIFO_DROPS_VALUE_LSB = 0;
  localparam int unsigned BRD_TX_FIFO_DROPS_VALUE_WIDTH = 32;
  localparam logic [31:0] BRD_TX_FIFO_DROPS_VALUE_MASK = 32'hFFFFFFFF;

endpackage : vmq_board_reg_pkg

`resetall
