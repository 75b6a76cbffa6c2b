// Generated from fpga/boards/kcu105/board_regs.toml by scripts/reggen.py -- DO NOT EDIT.
// Regenerate: python3 scripts/reggen.py   (CI: python3 scripts/reggen.py --check)
//
// KCU105 board register map (BAR0 0x80000..0xFFFFF, served by fpga_core)
// for the host driver and the tests: byte offsets within BAR0, field
// shifts/masks/widths, reset values. Reference: docs/board-registers.md.
// The core's own registers are in vmq_regs.hpp. Dependencies: <cstdint> only.
#pragma once

#include <cstdint>

namespace vmq::board_regs {

inline constexpr uint32_t BASE = 0x80000u;  // first offset of the board window
inline constexpr uint32_t ADDR_SPACE_BYTES = 0x100000u;
inline constexpr uint32_t UNMAPPED_READ = 0xFFFFFFFFu;
inline constexpr uint32_t BOARD_MAGIC = 0x46504741u;

// BRD_MAGIC (ro): Board identification magic.
inline constexpr uint32_t BRD_MAGIC = 0x80000u;
inline constexpr uint32_t BRD_MAGIC_RESET = 0x46504741u;
inline constexpr uint32_t BRD_MAGIC_MAGIC_SHIFT = 0u;
inline constexpr uint32_t BRD_MAGIC_MAGIC_WIDTH = 32u;
inline constexpr uint32_t BRD_MAGIC_MAGIC_MASK = 0xFFFFFFFFu;

// BRD_STATUS (ro): Link status of the 10GBASE-R PCS (SFP+ cage 0), 2-flop synchronised from the MAC RX clock (GT RXUSRCLK2) to the core clock.
inline constexpr uint32_t BRD_STATUS = 0x80004u;
inline constexpr uint32_t BRD_STATUS_RESET = 0x00000000u;
inline constexpr uint32_t BRD_STATUS_LINK_UP_SHIFT = 0u;
inline constexpr uint32_t BRD_STATUS_LINK_UP_WIDTH = 1u;
inline constexpr uint32_t BRD_STATUS_LINK_UP_MASK = 0x00000001u;
inline constexpr uint32_t BRD_STATUS_BLOCK_LOCK_SHIFT = 1u;
inline constexpr uint32_t BRD_STATUS_BLOCK_LOCK_WIDTH = 1u;
inline constexpr uint32_t BRD_STATUS_BLOCK_LOCK_MASK = 0x00000002u;
inline constexpr uint32_t BRD_STATUS_HIGH_BER_SHIFT = 2u;
inline constexpr uint32_t BRD_STATUS_HIGH_BER_WIDTH = 1u;
inline constexpr uint32_t BRD_STATUS_HIGH_BER_MASK = 0x00000004u;

// BRD_MSI_STATUS (ro): MSI state from the PCIe bridge, a snapshot from the bridge clock (vmq_cdc_snapshot, coherent with BRD_MSI_SENT).
inline constexpr uint32_t BRD_MSI_STATUS = 0x80008u;
inline constexpr uint32_t BRD_MSI_STATUS_RESET = 0x00000000u;
inline constexpr uint32_t BRD_MSI_STATUS_ENABLE_SHIFT = 0u;
inline constexpr uint32_t BRD_MSI_STATUS_ENABLE_WIDTH = 1u;
inline constexpr uint32_t BRD_MSI_STATUS_ENABLE_MASK = 0x00000001u;
inline constexpr uint32_t BRD_MSI_STATUS_VECTOR_WIDTH_SHIFT = 4u;
inline constexpr uint32_t BRD_MSI_STATUS_VECTOR_WIDTH_WIDTH = 3u;
inline constexpr uint32_t BRD_MSI_STATUS_VECTOR_WIDTH_MASK = 0x00000070u;
inline constexpr uint32_t BRD_MSI_STATUS_VECTORS_SHIFT = 8u;
inline constexpr uint32_t BRD_MSI_STATUS_VECTORS_WIDTH = 6u;
inline constexpr uint32_t BRD_MSI_STATUS_VECTORS_MASK = 0x00003F00u;

// BRD_MSI_SENT (ro): MSI messages granted by the bridge (vmq_msi sent_o, bridge clock, snapshot; wraps).
inline constexpr uint32_t BRD_MSI_SENT = 0x8000Cu;
inline constexpr uint32_t BRD_MSI_SENT_RESET = 0x00000000u;
inline constexpr uint32_t BRD_MSI_SENT_VALUE_SHIFT = 0u;
inline constexpr uint32_t BRD_MSI_SENT_VALUE_WIDTH = 32u;
inline constexpr uint32_t BRD_MSI_SENT_VALUE_MASK = 0xFFFFFFFFu;

// BRD_IRQ_CAUSE_LO (w1c): Interrupt causes of queues 0..31: bit q is set by a rising edge of vmq_core irq_o[q] (vmq_msi) and stays set until the driver writes 1 to it.
inline constexpr uint32_t BRD_IRQ_CAUSE_LO = 0x80010u;
inline constexpr uint32_t BRD_IRQ_CAUSE_LO_RESET = 0x00000000u;
inline constexpr uint32_t BRD_IRQ_CAUSE_LO_QUEUES_SHIFT = 0u;
inline constexpr uint32_t BRD_IRQ_CAUSE_LO_QUEUES_WIDTH = 32u;
inline constexpr uint32_t BRD_IRQ_CAUSE_LO_QUEUES_MASK = 0xFFFFFFFFu;

// BRD_IRQ_CAUSE_HI (w1c): Interrupt causes of queues 32..63, as BRD_IRQ_CAUSE_LO.
inline constexpr uint32_t BRD_IRQ_CAUSE_HI = 0x80014u;
inline constexpr uint32_t BRD_IRQ_CAUSE_HI_RESET = 0x00000000u;
inline constexpr uint32_t BRD_IRQ_CAUSE_HI_QUEUES_SHIFT = 0u;
inline constexpr uint32_t BRD_IRQ_CAUSE_HI_QUEUES_WIDTH = 32u;
inline constexpr uint32_t BRD_IRQ_CAUSE_HI_QUEUES_MASK = 0xFFFFFFFFu;

// BRD_MAC_TX_FRAMES (ro): MAC frames sent with a good FCS (vmq_top mac_tx_frames_o; snapshot from the GT TX clock).
inline constexpr uint32_t BRD_MAC_TX_FRAMES = 0x80040u;
inline constexpr uint32_t BRD_MAC_TX_FRAMES_RESET = 0x00000000u;
inline constexpr uint32_t BRD_MAC_TX_FRAMES_VALUE_SHIFT = 0u;
inline constexpr uint32_t BRD_MAC_TX_FRAMES_VALUE_WIDTH = 32u;
inline constexpr uint32_t BRD_MAC_TX_FRAMES_VALUE_MASK = 0xFFFFFFFFu;

// BRD_MAC_TX_BYTES (ro): Data bytes of the frames in BRD_MAC_TX_FRAMES, padding included, FCS excluded (mac_tx_bytes_o; GT TX snapshot).
inline constexpr uint32_t BRD_MAC_TX_BYTES = 0x80044u;
inline constexpr uint32_t BRD_MAC_TX_BYTES_RESET = 0x00000000u;
inline constexpr uint32_t BRD_MAC_TX_BYTES_VALUE_SHIFT = 0u;
inline constexpr uint32_t BRD_MAC_TX_BYTES_VALUE_WIDTH = 32u;
inline constexpr uint32_t BRD_MAC_TX_BYTES_VALUE_MASK = 0xFFFFFFFFu;

// BRD_MAC_TX_UNDERRUNS (ro): MAC frames cut short by an underrun, ended with /E/ (mac_tx_underruns_o; GT TX snapshot).
inline constexpr uint32_t BRD_MAC_TX_UNDERRUNS = 0x80048u;
inline constexpr uint32_t BRD_MAC_TX_UNDERRUNS_RESET = 0x00000000u;
inline constexpr uint32_t BRD_MAC_TX_UNDERRUNS_VALUE_SHIFT = 0u;
inline constexpr uint32_t BRD_MAC_TX_UNDERRUNS_VALUE_WIDTH = 32u;
inline constexpr uint32_t BRD_MAC_TX_UNDERRUNS_VALUE_MASK = 0xFFFFFFFFu;

// BRD_MAC_TX_ERRORS (ro): MAC frames sent with /E/ instead of the FCS because the core marked them bad (mac_tx_errors_o; GT TX snapshot).
inline constexpr uint32_t BRD_MAC_TX_ERRORS = 0x8004Cu;
inline constexpr uint32_t BRD_MAC_TX_ERRORS_RESET = 0x00000000u;
inline constexpr uint32_t BRD_MAC_TX_ERRORS_VALUE_SHIFT = 0u;
inline constexpr uint32_t BRD_MAC_TX_ERRORS_VALUE_WIDTH = 32u;
inline constexpr uint32_t BRD_MAC_TX_ERRORS_VALUE_MASK = 0xFFFFFFFFu;

// BRD_MAC_RX_FRAMES (ro): MAC frames received with a good FCS and no code error (mac_rx_frames_o; snapshot from the GT RX clock).
inline constexpr uint32_t BRD_MAC_RX_FRAMES = 0x80050u;
inline constexpr uint32_t BRD_MAC_RX_FRAMES_RESET = 0x00000000u;
inline constexpr uint32_t BRD_MAC_RX_FRAMES_VALUE_SHIFT = 0u;
inline constexpr uint32_t BRD_MAC_RX_FRAMES_VALUE_WIDTH = 32u;
inline constexpr uint32_t BRD_MAC_RX_FRAMES_VALUE_MASK = 0xFFFFFFFFu;

// BRD_MAC_RX_BYTES (ro): Data bytes of the frames in BRD_MAC_RX_FRAMES, FCS excluded (mac_rx_bytes_o; GT RX snapshot).
inline constexpr uint32_t BRD_MAC_RX_BYTES = 0x80054u;
inline constexpr uint32_t BRD_MAC_RX_BYTES_RESET = 0x00000000u;
inline constexpr uint32_t BRD_MAC_RX_BYTES_VALUE_SHIFT = 0u;
inline constexpr uint32_t BRD_MAC_RX_BYTES_VALUE_WIDTH = 32u;
inline constexpr uint32_t BRD_MAC_RX_BYTES_VALUE_MASK = 0xFFFFFFFFu;

// BRD_MAC_RX_FCS_ERRORS (ro): MAC frames received with a wrong FCS (or no data byte) and no code error (mac_rx_fcs_errors_o; GT RX snapshot).
inline constexpr uint32_t BRD_MAC_RX_FCS_ERRORS = 0x80058u;
inline constexpr uint32_t BRD_MAC_RX_FCS_ERRORS_RESET = 0x00000000u;
inline constexpr uint32_t BRD_MAC_RX_FCS_ERRORS_VALUE_SHIFT = 0u;
inline constexpr uint32_t BRD_MAC_RX_FCS_ERRORS_VALUE_WIDTH = 32u;
inline constexpr uint32_t BRD_MAC_RX_FCS_ERRORS_VALUE_MASK = 0xFFFFFFFFu;

// BRD_MAC_RX_CODE_ERRORS (ro): MAC frames with a bad preamble/SFD or ended by a control character other than /T/ (mac_rx_code_errors_o; GT RX snapshot).
inline constexpr uint32_t BRD_MAC_RX_CODE_ERRORS = 0x8005Cu;
inline constexpr uint32_t BRD_MAC_RX_CODE_ERRORS_RESET = 0x00000000u;
inline constexpr uint32_t BRD_MAC_RX_CODE_ERRORS_VALUE_SHIFT = 0u;
inline constexpr uint32_t BRD_MAC_RX_CODE_ERRORS_VALUE_WIDTH = 32u;
inline constexpr uint32_t BRD_MAC_RX_CODE_ERRORS_VALUE_MASK = 0xFFFFFFFFu;

// BRD_PCS_RX_ERR_BLOCKS (ro): PCS receive words sent to the MAC as /E/ while block-locked and not high BER (pcs_rx_err_blocks_o; GT RX snapshot).
inline constexpr uint32_t BRD_PCS_RX_ERR_BLOCKS = 0x80060u;
inline constexpr uint32_t BRD_PCS_RX_ERR_BLOCKS_RESET = 0x00000000u;
inline constexpr uint32_t BRD_PCS_RX_ERR_BLOCKS_VALUE_SHIFT = 0u;
inline constexpr uint32_t BRD_PCS_RX_ERR_BLOCKS_VALUE_WIDTH = 32u;
inline constexpr uint32_t BRD_PCS_RX_ERR_BLOCKS_VALUE_MASK = 0xFFFFFFFFu;

// BRD_PCS_RX_BER_COUNT (ro): PCS invalid sync headers (00, 11) while block-locked (pcs_rx_ber_count_o; GT RX snapshot).
inline constexpr uint32_t BRD_PCS_RX_BER_COUNT = 0x80064u;
inline constexpr uint32_t BRD_PCS_RX_BER_COUNT_RESET = 0x00000000u;
inline constexpr uint32_t BRD_PCS_RX_BER_COUNT_VALUE_SHIFT = 0u;
inline constexpr uint32_t BRD_PCS_RX_BER_COUNT_VALUE_WIDTH = 32u;
inline constexpr uint32_t BRD_PCS_RX_BER_COUNT_VALUE_MASK = 0xFFFFFFFFu;

// BRD_PCS_RX_LOCK_LOSSES (ro): PCS block-lock losses, falling edges of block lock (pcs_rx_lock_losses_o; GT RX snapshot).
inline constexpr uint32_t BRD_PCS_RX_LOCK_LOSSES = 0x80068u;
inline constexpr uint32_t BRD_PCS_RX_LOCK_LOSSES_RESET = 0x00000000u;
inline constexpr uint32_t BRD_PCS_RX_LOCK_LOSSES_VALUE_SHIFT = 0u;
inline constexpr uint32_t BRD_PCS_RX_LOCK_LOSSES_VALUE_WIDTH = 32u;
inline constexpr uint32_t BRD_PCS_RX_LOCK_LOSSES_VALUE_MASK = 0xFFFFFFFFu;

// BRD_RX_FIFO_DROPS (ro): Received frames dropped, or cut with tuser = 1, by the RX clock-crossing FIFO because they did not fit (rx_fifo_drops_o; GT RX snapshot).
inline constexpr uint32_t BRD_RX_FIFO_DROPS = 0x8006Cu;
inline constexpr uint32_t BRD_RX_FIFO_DROPS_RESET = 0x00000000u;
inline constexpr uint32_t BRD_RX_FIFO_DROPS_VALUE_SHIFT = 0u;
inline constexpr uint32_t BRD_RX_FIFO_DROPS_VALUE_WIDTH = 32u;
inline constexpr uint32_t BRD_RX_FIFO_DROPS_VALUE_MASK = 0xFFFFFFFFu;

// BRD_TX_FIFO_DROPS (ro): Transmit frames cut by the TX clock-crossing FIFO, which only a reset of the MAC TX side mid-frame does (tx_fifo_drops_o; core clock, read directly, no snapshot).
inline constexpr uint32_t BRD_TX_FIFO_DROPS = 0x80070u;
inline constexpr uint32_t BRD_TX_FIFO_DROPS_RESET = 0x00000000u;
inline constexpr uint32_t BRD_TX_FIFO_DROPS_VALUE_SHIFT = 0u;
inline constexpr uint32_t BRD_TX_FIFO_DROPS_VALUE_WIDTH = 32u;
inline constexpr uint32_t BRD_TX_FIFO_DROPS_VALUE_MASK = 0xFFFFFFFFu;

// Table of every board register, for generic code (register dumps, tests).
enum class Access : uint8_t { RO, W1C };
struct RegInfo {
  const char* name;
  uint32_t offset;
  Access access;
  uint32_t reset;       // reset value of const bits
  uint32_t hw_mask;     // hardware-driven read-only bits
  uint32_t const_mask;  // constant bits
  uint32_t w1c_mask;    // write-1-to-clear bits (read the hardware value)
};
inline constexpr RegInfo REG_TABLE[] = {
    {"BRD_MAGIC", 0x80000u, Access::RO, 0x46504741u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u},
    {"BRD_STATUS", 0x80004u, Access::RO, 0x00000000u, 0x00000007u, 0x00000000u, 0x00000000u},
    {"BRD_MSI_STATUS", 0x80008u, Access::RO, 0x00000000u, 0x00003F71u, 0x00000000u, 0x00000000u},
    {"BRD_MSI_SENT", 0x8000Cu, Access::RO, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"BRD_IRQ_CAUSE_LO", 0x80010u, Access::W1C, 0x00000000u, 0x00000000u, 0x00000000u, 0xFFFFFFFFu},
    {"BRD_IRQ_CAUSE_HI", 0x80014u, Access::W1C, 0x00000000u, 0x00000000u, 0x00000000u, 0xFFFFFFFFu},
    {"BRD_MAC_TX_FRAMES", 0x80040u, Access::RO, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"BRD_MAC_TX_BYTES", 0x80044u, Access::RO, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"BRD_MAC_TX_UNDERRUNS", 0x80048u, Access::RO, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"BRD_MAC_TX_ERRORS", 0x8004Cu, Access::RO, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"BRD_MAC_RX_FRAMES", 0x80050u, Access::RO, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"BRD_MAC_RX_BYTES", 0x80054u, Access::RO, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"BRD_MAC_RX_FCS_ERRORS", 0x80058u, Access::RO, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"BRD_MAC_RX_CODE_ERRORS", 0x8005Cu, Access::RO, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"BRD_PCS_RX_ERR_BLOCKS", 0x80060u, Access::RO, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"BRD_PCS_RX_BER_COUNT", 0x80064u, Access::RO, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"BRD_PCS_RX_LOCK_LOSSES", 0x80068u, Access::RO, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"BRD_RX_FIFO_DROPS", 0x8006Cu, Access::RO, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"BRD_TX_FIFO_DROPS", 0x80070u, Access::RO, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
};

}  // namespace vmq::board_regs
