// Generated from rtl/csr/vmq_regs.toml by scripts/reggen.py -- DO NOT EDIT.
// Regenerate: python3 scripts/reggen.py   (CI: python3 scripts/reggen.py --check)
//
// vmq register map for the host driver and the tests: byte offsets within
// BAR0, field shifts/masks/widths, enum values, reset values and identification
// constants. Reference: docs/registers.md. Dependencies: <cstdint> only.
#pragma once

#include <cstdint>

namespace vmq::regs {

inline constexpr uint32_t ADDR_SPACE_BYTES = 0x80000u;
inline constexpr uint32_t UNMAPPED_READ = 0xFFFFFFFFu;
inline constexpr uint32_t MAGIC = 0x564D5143u;
inline constexpr uint32_t VERSION_PATCH = 0x0u;
inline constexpr uint32_t VERSION_MINOR = 0x2u;
inline constexpr uint32_t VERSION_MAJOR = 0x1u;

// ID_MAGIC (ro): Identification magic.
inline constexpr uint32_t ID_MAGIC = 0x0000u;
inline constexpr uint32_t ID_MAGIC_RESET = 0x564D5143u;
inline constexpr uint32_t ID_MAGIC_MAGIC_SHIFT = 0u;
inline constexpr uint32_t ID_MAGIC_MAGIC_WIDTH = 32u;
inline constexpr uint32_t ID_MAGIC_MAGIC_MASK = 0xFFFFFFFFu;

// ID_VERSION (ro): Register-map version.
inline constexpr uint32_t ID_VERSION = 0x0004u;
inline constexpr uint32_t ID_VERSION_RESET = 0x01020000u;
inline constexpr uint32_t ID_VERSION_PATCH_SHIFT = 0u;
inline constexpr uint32_t ID_VERSION_PATCH_WIDTH = 16u;
inline constexpr uint32_t ID_VERSION_PATCH_MASK = 0x0000FFFFu;
inline constexpr uint32_t ID_VERSION_MINOR_SHIFT = 16u;
inline constexpr uint32_t ID_VERSION_MINOR_WIDTH = 8u;
inline constexpr uint32_t ID_VERSION_MINOR_MASK = 0x00FF0000u;
inline constexpr uint32_t ID_VERSION_MAJOR_SHIFT = 24u;
inline constexpr uint32_t ID_VERSION_MAJOR_WIDTH = 8u;
inline constexpr uint32_t ID_VERSION_MAJOR_MASK = 0xFF000000u;

// ID_NUM_QUEUES (ro): Number of queues built into this core.
inline constexpr uint32_t ID_NUM_QUEUES = 0x0008u;
inline constexpr uint32_t ID_NUM_QUEUES_RESET = 0x00000000u;
inline constexpr uint32_t ID_NUM_QUEUES_VALUE_SHIFT = 0u;
inline constexpr uint32_t ID_NUM_QUEUES_VALUE_WIDTH = 16u;
inline constexpr uint32_t ID_NUM_QUEUES_VALUE_MASK = 0x0000FFFFu;

// ID_NUM_FILTERS (ro): Number of L2 filter-table entries.
inline constexpr uint32_t ID_NUM_FILTERS = 0x000Cu;
inline constexpr uint32_t ID_NUM_FILTERS_RESET = 0x00000000u;
inline constexpr uint32_t ID_NUM_FILTERS_VALUE_SHIFT = 0u;
inline constexpr uint32_t ID_NUM_FILTERS_VALUE_WIDTH = 16u;
inline constexpr uint32_t ID_NUM_FILTERS_VALUE_MASK = 0x0000FFFFu;

// ID_DATA_W (ro): MAC stream data width in bits.
inline constexpr uint32_t ID_DATA_W = 0x0010u;
inline constexpr uint32_t ID_DATA_W_RESET = 0x00000000u;
inline constexpr uint32_t ID_DATA_W_VALUE_SHIFT = 0u;
inline constexpr uint32_t ID_DATA_W_VALUE_WIDTH = 16u;
inline constexpr uint32_t ID_DATA_W_VALUE_MASK = 0x0000FFFFu;

// ID_AXI_DATA_W (ro): DMA AXI data width in bits.
inline constexpr uint32_t ID_AXI_DATA_W = 0x0014u;
inline constexpr uint32_t ID_AXI_DATA_W_RESET = 0x00000000u;
inline constexpr uint32_t ID_AXI_DATA_W_VALUE_SHIFT = 0u;
inline constexpr uint32_t ID_AXI_DATA_W_VALUE_WIDTH = 16u;
inline constexpr uint32_t ID_AXI_DATA_W_VALUE_MASK = 0x0000FFFFu;

// ID_MAX_FRAME_BYTES (ro): Largest frame the core can be configured to accept (upper bound of RX_MAX_FRAME).
inline constexpr uint32_t ID_MAX_FRAME_BYTES = 0x0018u;
inline constexpr uint32_t ID_MAX_FRAME_BYTES_RESET = 0x00000000u;
inline constexpr uint32_t ID_MAX_FRAME_BYTES_VALUE_SHIFT = 0u;
inline constexpr uint32_t ID_MAX_FRAME_BYTES_VALUE_WIDTH = 16u;
inline constexpr uint32_t ID_MAX_FRAME_BYTES_VALUE_MASK = 0x0000FFFFu;

// ID_PKTBUF_BYTES (ro): RX packet-buffer size in bytes.
inline constexpr uint32_t ID_PKTBUF_BYTES = 0x001Cu;
inline constexpr uint32_t ID_PKTBUF_BYTES_RESET = 0x00000000u;
inline constexpr uint32_t ID_PKTBUF_BYTES_VALUE_SHIFT = 0u;
inline constexpr uint32_t ID_PKTBUF_BYTES_VALUE_WIDTH = 32u;
inline constexpr uint32_t ID_PKTBUF_BYTES_VALUE_MASK = 0xFFFFFFFFu;

// SCRATCH (rw): Scratch register for the driver's bus sanity check; no hardware effect.
inline constexpr uint32_t SCRATCH = 0x0020u;
inline constexpr uint32_t SCRATCH_RESET = 0x00000000u;
inline constexpr uint32_t SCRATCH_VALUE_SHIFT = 0u;
inline constexpr uint32_t SCRATCH_VALUE_WIDTH = 32u;
inline constexpr uint32_t SCRATCH_VALUE_MASK = 0xFFFFFFFFu;

// ID_RX_CAPS (ro): Receive capacities of this build, for the driver.
inline constexpr uint32_t ID_RX_CAPS = 0x0024u;
inline constexpr uint32_t ID_RX_CAPS_RESET = 0x00000000u;
inline constexpr uint32_t ID_RX_CAPS_DESC_CACHE_SHIFT = 0u;
inline constexpr uint32_t ID_RX_CAPS_DESC_CACHE_WIDTH = 8u;
inline constexpr uint32_t ID_RX_CAPS_DESC_CACHE_MASK = 0x000000FFu;

// ID_TX_CAPS (ro): Transmit capacities of this build, for the driver (it refuses frames the core cannot take instead of copying these as constants).
inline constexpr uint32_t ID_TX_CAPS = 0x0028u;
inline constexpr uint32_t ID_TX_CAPS_RESET = 0x00000000u;
inline constexpr uint32_t ID_TX_CAPS_DESC_PER_FRAME_SHIFT = 0u;
inline constexpr uint32_t ID_TX_CAPS_DESC_PER_FRAME_WIDTH = 8u;
inline constexpr uint32_t ID_TX_CAPS_DESC_PER_FRAME_MASK = 0x000000FFu;

// ID_TX_STAGE_BYTES (ro): Transmit staging bytes per queue: the longest frame (after any port-VLAN tag) a queue can stage (TxStageBytes parameter).
inline constexpr uint32_t ID_TX_STAGE_BYTES = 0x002Cu;
inline constexpr uint32_t ID_TX_STAGE_BYTES_RESET = 0x00000000u;
inline constexpr uint32_t ID_TX_STAGE_BYTES_VALUE_SHIFT = 0u;
inline constexpr uint32_t ID_TX_STAGE_BYTES_VALUE_WIDTH = 32u;
inline constexpr uint32_t ID_TX_STAGE_BYTES_VALUE_MASK = 0xFFFFFFFFu;

// RESET (w1p): Global soft reset.
inline constexpr uint32_t RESET = 0x0030u;
inline constexpr uint32_t RESET_RESET = 0x00000000u;
inline constexpr uint32_t RESET_SOFT_SHIFT = 0u;
inline constexpr uint32_t RESET_SOFT_WIDTH = 1u;
inline constexpr uint32_t RESET_SOFT_MASK = 0x00000001u;

// STATUS (ro): Global status.
inline constexpr uint32_t STATUS = 0x0034u;
inline constexpr uint32_t STATUS_RESET = 0x00000000u;
inline constexpr uint32_t STATUS_RESET_BUSY_SHIFT = 0u;
inline constexpr uint32_t STATUS_RESET_BUSY_WIDTH = 1u;
inline constexpr uint32_t STATUS_RESET_BUSY_MASK = 0x00000001u;

// CTRL (rw): Global receive/transmit control.
inline constexpr uint32_t CTRL = 0x0040u;
inline constexpr uint32_t CTRL_RESET = 0x00000002u;
inline constexpr uint32_t CTRL_DEFAULT_QUEUE_EN_SHIFT = 1u;
inline constexpr uint32_t CTRL_DEFAULT_QUEUE_EN_WIDTH = 1u;
inline constexpr uint32_t CTRL_DEFAULT_QUEUE_EN_MASK = 0x00000002u;
inline constexpr uint32_t CTRL_LOOPBACK_EN_SHIFT = 2u;
inline constexpr uint32_t CTRL_LOOPBACK_EN_WIDTH = 1u;
inline constexpr uint32_t CTRL_LOOPBACK_EN_MASK = 0x00000004u;
inline constexpr uint32_t CTRL_TX_DRR_SHIFT = 3u;
inline constexpr uint32_t CTRL_TX_DRR_WIDTH = 1u;
inline constexpr uint32_t CTRL_TX_DRR_MASK = 0x00000008u;

// RX_TPID (rw): TPID that marks a frame as VLAN-tagged (bytes 12-13).
inline constexpr uint32_t RX_TPID = 0x0044u;
inline constexpr uint32_t RX_TPID_RESET = 0x00008100u;
inline constexpr uint32_t RX_TPID_TPID_SHIFT = 0u;
inline constexpr uint32_t RX_TPID_TPID_WIDTH = 16u;
inline constexpr uint32_t RX_TPID_TPID_MASK = 0x0000FFFFu;

// RX_MIN_FRAME (rw): Shortest accepted receive frame (bytes, without FCS).
inline constexpr uint32_t RX_MIN_FRAME = 0x0048u;
inline constexpr uint32_t RX_MIN_FRAME_RESET = 0x0000003Cu;
inline constexpr uint32_t RX_MIN_FRAME_BYTES_SHIFT = 0u;
inline constexpr uint32_t RX_MIN_FRAME_BYTES_WIDTH = 16u;
inline constexpr uint32_t RX_MIN_FRAME_BYTES_MASK = 0x0000FFFFu;

// RX_MAX_FRAME (rw): Longest accepted receive frame (bytes, without FCS).
inline constexpr uint32_t RX_MAX_FRAME = 0x004Cu;
inline constexpr uint32_t RX_MAX_FRAME_RESET = 0x000005EEu;
inline constexpr uint32_t RX_MAX_FRAME_BYTES_SHIFT = 0u;
inline constexpr uint32_t RX_MAX_FRAME_BYTES_WIDTH = 16u;
inline constexpr uint32_t RX_MAX_FRAME_BYTES_MASK = 0x0000FFFFu;

// CSR_UNMAPPED_LO (ro): csr_unmapped: accesses (reads and writes) to addresses that are not registers.
inline constexpr uint32_t CSR_UNMAPPED_LO = 0x0080u;
inline constexpr uint32_t CSR_UNMAPPED_LO_RESET = 0x00000000u;
inline constexpr uint32_t CSR_UNMAPPED_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t CSR_UNMAPPED_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t CSR_UNMAPPED_LO_VALUE_MASK = 0xFFFFFFFFu;

// CSR_UNMAPPED_HI (ro): csr_unmapped: accesses (reads and writes) to addresses that are not registers.
inline constexpr uint32_t CSR_UNMAPPED_HI = 0x0084u;
inline constexpr uint32_t CSR_UNMAPPED_HI_RESET = 0x00000000u;
inline constexpr uint32_t CSR_UNMAPPED_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t CSR_UNMAPPED_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t CSR_UNMAPPED_HI_VALUE_MASK = 0xFFFFFFFFu;

// FILT_IDX (rw): Filter-table entry selected for commit (FILT_CMD) and read-back (FILT_RD_*).
inline constexpr uint32_t FILT_IDX = 0x0100u;
inline constexpr uint32_t FILT_IDX_RESET = 0x00000000u;
inline constexpr uint32_t FILT_IDX_IDX_SHIFT = 0u;
inline constexpr uint32_t FILT_IDX_IDX_WIDTH = 16u;
inline constexpr uint32_t FILT_IDX_IDX_MASK = 0x0000FFFFu;

// FILT_CFG (rw): Staging: filter entry configuration.
inline constexpr uint32_t FILT_CFG = 0x0104u;
inline constexpr uint32_t FILT_CFG_RESET = 0x00000000u;
inline constexpr uint32_t FILT_CFG_VALID_SHIFT = 0u;
inline constexpr uint32_t FILT_CFG_VALID_WIDTH = 1u;
inline constexpr uint32_t FILT_CFG_VALID_MASK = 0x00000001u;
inline constexpr uint32_t FILT_CFG_TYPE_SHIFT = 1u;
inline constexpr uint32_t FILT_CFG_TYPE_WIDTH = 2u;
inline constexpr uint32_t FILT_CFG_TYPE_MASK = 0x00000006u;
inline constexpr uint32_t FILT_CFG_TYPE_MAC = 0u;
inline constexpr uint32_t FILT_CFG_TYPE_MAC_VLAN = 1u;
inline constexpr uint32_t FILT_CFG_TYPE_MAC_UNTAGGED = 2u;
inline constexpr uint32_t FILT_CFG_TYPE_VLAN = 3u;
inline constexpr uint32_t FILT_CFG_VID_SHIFT = 16u;
inline constexpr uint32_t FILT_CFG_VID_WIDTH = 12u;
inline constexpr uint32_t FILT_CFG_VID_MASK = 0x0FFF0000u;

// FILT_MAC_LO (rw): Staging: MAC octets 2..5.
inline constexpr uint32_t FILT_MAC_LO = 0x0108u;
inline constexpr uint32_t FILT_MAC_LO_RESET = 0x00000000u;
inline constexpr uint32_t FILT_MAC_LO_MAC_SHIFT = 0u;
inline constexpr uint32_t FILT_MAC_LO_MAC_WIDTH = 32u;
inline constexpr uint32_t FILT_MAC_LO_MAC_MASK = 0xFFFFFFFFu;

// FILT_MAC_HI (rw): Staging: MAC octets 0..1.
inline constexpr uint32_t FILT_MAC_HI = 0x010Cu;
inline constexpr uint32_t FILT_MAC_HI_RESET = 0x00000000u;
inline constexpr uint32_t FILT_MAC_HI_MAC_SHIFT = 0u;
inline constexpr uint32_t FILT_MAC_HI_MAC_WIDTH = 16u;
inline constexpr uint32_t FILT_MAC_HI_MAC_MASK = 0x0000FFFFu;

// FILT_QMASK_LO (rw): Staging: queue mask, queues 0..31.
inline constexpr uint32_t FILT_QMASK_LO = 0x0110u;
inline constexpr uint32_t FILT_QMASK_LO_RESET = 0x00000000u;
inline constexpr uint32_t FILT_QMASK_LO_QMASK_SHIFT = 0u;
inline constexpr uint32_t FILT_QMASK_LO_QMASK_WIDTH = 32u;
inline constexpr uint32_t FILT_QMASK_LO_QMASK_MASK = 0xFFFFFFFFu;

// FILT_QMASK_HI (rw): Staging: queue mask, queues 32..63.
inline constexpr uint32_t FILT_QMASK_HI = 0x0114u;
inline constexpr uint32_t FILT_QMASK_HI_RESET = 0x00000000u;
inline constexpr uint32_t FILT_QMASK_HI_QMASK_SHIFT = 0u;
inline constexpr uint32_t FILT_QMASK_HI_QMASK_WIDTH = 32u;
inline constexpr uint32_t FILT_QMASK_HI_QMASK_MASK = 0xFFFFFFFFu;

// FILT_CMD (w1p): Filter-table command.
inline constexpr uint32_t FILT_CMD = 0x0118u;
inline constexpr uint32_t FILT_CMD_RESET = 0x00000000u;
inline constexpr uint32_t FILT_CMD_WRITE_SHIFT = 0u;
inline constexpr uint32_t FILT_CMD_WRITE_WIDTH = 1u;
inline constexpr uint32_t FILT_CMD_WRITE_MASK = 0x00000001u;

// FILT_RD_CFG (ro): Read-back of entry FILT_IDX: configuration (all zeros when FILT_IDX >= NumFilters).
inline constexpr uint32_t FILT_RD_CFG = 0x0120u;
inline constexpr uint32_t FILT_RD_CFG_RESET = 0x00000000u;
inline constexpr uint32_t FILT_RD_CFG_VALID_SHIFT = 0u;
inline constexpr uint32_t FILT_RD_CFG_VALID_WIDTH = 1u;
inline constexpr uint32_t FILT_RD_CFG_VALID_MASK = 0x00000001u;
inline constexpr uint32_t FILT_RD_CFG_TYPE_SHIFT = 1u;
inline constexpr uint32_t FILT_RD_CFG_TYPE_WIDTH = 2u;
inline constexpr uint32_t FILT_RD_CFG_TYPE_MASK = 0x00000006u;
inline constexpr uint32_t FILT_RD_CFG_TYPE_MAC = 0u;
inline constexpr uint32_t FILT_RD_CFG_TYPE_MAC_VLAN = 1u;
inline constexpr uint32_t FILT_RD_CFG_TYPE_MAC_UNTAGGED = 2u;
inline constexpr uint32_t FILT_RD_CFG_TYPE_VLAN = 3u;
inline constexpr uint32_t FILT_RD_CFG_VID_SHIFT = 16u;
inline constexpr uint32_t FILT_RD_CFG_VID_WIDTH = 12u;
inline constexpr uint32_t FILT_RD_CFG_VID_MASK = 0x0FFF0000u;

// FILT_RD_MAC_LO (ro): Read-back of entry FILT_IDX: MAC octets 2..5.
inline constexpr uint32_t FILT_RD_MAC_LO = 0x0124u;
inline constexpr uint32_t FILT_RD_MAC_LO_RESET = 0x00000000u;
inline constexpr uint32_t FILT_RD_MAC_LO_MAC_SHIFT = 0u;
inline constexpr uint32_t FILT_RD_MAC_LO_MAC_WIDTH = 32u;
inline constexpr uint32_t FILT_RD_MAC_LO_MAC_MASK = 0xFFFFFFFFu;

// FILT_RD_MAC_HI (ro): Read-back of entry FILT_IDX: MAC octets 0..1.
inline constexpr uint32_t FILT_RD_MAC_HI = 0x0128u;
inline constexpr uint32_t FILT_RD_MAC_HI_RESET = 0x00000000u;
inline constexpr uint32_t FILT_RD_MAC_HI_MAC_SHIFT = 0u;
inline constexpr uint32_t FILT_RD_MAC_HI_MAC_WIDTH = 16u;
inline constexpr uint32_t FILT_RD_MAC_HI_MAC_MASK = 0x0000FFFFu;

// FILT_RD_QMASK_LO (ro): Read-back of entry FILT_IDX: queue mask, queues 0..31.
inline constexpr uint32_t FILT_RD_QMASK_LO = 0x012Cu;
inline constexpr uint32_t FILT_RD_QMASK_LO_RESET = 0x00000000u;
inline constexpr uint32_t FILT_RD_QMASK_LO_QMASK_SHIFT = 0u;
inline constexpr uint32_t FILT_RD_QMASK_LO_QMASK_WIDTH = 32u;
inline constexpr uint32_t FILT_RD_QMASK_LO_QMASK_MASK = 0xFFFFFFFFu;

// FILT_RD_QMASK_HI (ro): Read-back of entry FILT_IDX: queue mask, queues 32..63.
inline constexpr uint32_t FILT_RD_QMASK_HI = 0x0130u;
inline constexpr uint32_t FILT_RD_QMASK_HI_RESET = 0x00000000u;
inline constexpr uint32_t FILT_RD_QMASK_HI_QMASK_SHIFT = 0u;
inline constexpr uint32_t FILT_RD_QMASK_HI_QMASK_WIDTH = 32u;
inline constexpr uint32_t FILT_RD_QMASK_HI_QMASK_MASK = 0xFFFFFFFFu;

// RX_FRAMES_LO (ro): rx_frames (SPEC 6): every frame that arrives on the MAC receive stream, dropped or not (SPEC 3, Admission).
inline constexpr uint32_t RX_FRAMES_LO = 0x0200u;
inline constexpr uint32_t RX_FRAMES_LO_RESET = 0x00000000u;
inline constexpr uint32_t RX_FRAMES_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t RX_FRAMES_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t RX_FRAMES_LO_VALUE_MASK = 0xFFFFFFFFu;

// RX_FRAMES_HI (ro): rx_frames (SPEC 6): every frame that arrives on the MAC receive stream, dropped or not (SPEC 3, Admission).
inline constexpr uint32_t RX_FRAMES_HI = 0x0204u;
inline constexpr uint32_t RX_FRAMES_HI_RESET = 0x00000000u;
inline constexpr uint32_t RX_FRAMES_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t RX_FRAMES_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t RX_FRAMES_HI_VALUE_MASK = 0xFFFFFFFFu;

// RX_ERR_DROPS_LO (ro): rx_err_drops (SPEC 6): frames dropped for tuser[0] on the tlast beat or a tkeep error (SPEC 3 admission reason 1).
inline constexpr uint32_t RX_ERR_DROPS_LO = 0x0208u;
inline constexpr uint32_t RX_ERR_DROPS_LO_RESET = 0x00000000u;
inline constexpr uint32_t RX_ERR_DROPS_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t RX_ERR_DROPS_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t RX_ERR_DROPS_LO_VALUE_MASK = 0xFFFFFFFFu;

// RX_ERR_DROPS_HI (ro): rx_err_drops (SPEC 6): frames dropped for tuser[0] on the tlast beat or a tkeep error (SPEC 3 admission reason 1).
inline constexpr uint32_t RX_ERR_DROPS_HI = 0x020Cu;
inline constexpr uint32_t RX_ERR_DROPS_HI_RESET = 0x00000000u;
inline constexpr uint32_t RX_ERR_DROPS_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t RX_ERR_DROPS_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t RX_ERR_DROPS_HI_VALUE_MASK = 0xFFFFFFFFu;

// RX_RUNT_DROPS_LO (ro): rx_runt_drops (SPEC 6): frames dropped as shorter than RX_MIN_FRAME (SPEC 3 admission reason 2).
inline constexpr uint32_t RX_RUNT_DROPS_LO = 0x0210u;
inline constexpr uint32_t RX_RUNT_DROPS_LO_RESET = 0x00000000u;
inline constexpr uint32_t RX_RUNT_DROPS_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t RX_RUNT_DROPS_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t RX_RUNT_DROPS_LO_VALUE_MASK = 0xFFFFFFFFu;

// RX_RUNT_DROPS_HI (ro): rx_runt_drops (SPEC 6): frames dropped as shorter than RX_MIN_FRAME (SPEC 3 admission reason 2).
inline constexpr uint32_t RX_RUNT_DROPS_HI = 0x0214u;
inline constexpr uint32_t RX_RUNT_DROPS_HI_RESET = 0x00000000u;
inline constexpr uint32_t RX_RUNT_DROPS_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t RX_RUNT_DROPS_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t RX_RUNT_DROPS_HI_VALUE_MASK = 0xFFFFFFFFu;

// RX_OVERSIZE_DROPS_LO (ro): rx_oversize_drops (SPEC 6): frames dropped as longer than RX_MAX_FRAME (SPEC 3 admission reason 3).
inline constexpr uint32_t RX_OVERSIZE_DROPS_LO = 0x0218u;
inline constexpr uint32_t RX_OVERSIZE_DROPS_LO_RESET = 0x00000000u;
inline constexpr uint32_t RX_OVERSIZE_DROPS_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t RX_OVERSIZE_DROPS_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t RX_OVERSIZE_DROPS_LO_VALUE_MASK = 0xFFFFFFFFu;

// RX_OVERSIZE_DROPS_HI (ro): rx_oversize_drops (SPEC 6): frames dropped as longer than RX_MAX_FRAME (SPEC 3 admission reason 3).
inline constexpr uint32_t RX_OVERSIZE_DROPS_HI = 0x021Cu;
inline constexpr uint32_t RX_OVERSIZE_DROPS_HI_RESET = 0x00000000u;
inline constexpr uint32_t RX_OVERSIZE_DROPS_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t RX_OVERSIZE_DROPS_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t RX_OVERSIZE_DROPS_HI_VALUE_MASK = 0xFFFFFFFFu;

// RX_UNMATCHED_DROPS_LO (ro): rx_unmatched_drops (SPEC 6): frames dropped because classification gave no queue (SPEC 3 admission reason 4, step 5).
inline constexpr uint32_t RX_UNMATCHED_DROPS_LO = 0x0220u;
inline constexpr uint32_t RX_UNMATCHED_DROPS_LO_RESET = 0x00000000u;
inline constexpr uint32_t RX_UNMATCHED_DROPS_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t RX_UNMATCHED_DROPS_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t RX_UNMATCHED_DROPS_LO_VALUE_MASK = 0xFFFFFFFFu;

// RX_UNMATCHED_DROPS_HI (ro): rx_unmatched_drops (SPEC 6): frames dropped because classification gave no queue (SPEC 3 admission reason 4, step 5).
inline constexpr uint32_t RX_UNMATCHED_DROPS_HI = 0x0224u;
inline constexpr uint32_t RX_UNMATCHED_DROPS_HI_RESET = 0x00000000u;
inline constexpr uint32_t RX_UNMATCHED_DROPS_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t RX_UNMATCHED_DROPS_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t RX_UNMATCHED_DROPS_HI_VALUE_MASK = 0xFFFFFFFFu;

// RX_BUFFER_DROPS_LO (ro): rx_buffer_drops (SPEC 6): frames dropped for lack of room in the RX packet buffer (SPEC 3 admission reason 5).
inline constexpr uint32_t RX_BUFFER_DROPS_LO = 0x0228u;
inline constexpr uint32_t RX_BUFFER_DROPS_LO_RESET = 0x00000000u;
inline constexpr uint32_t RX_BUFFER_DROPS_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t RX_BUFFER_DROPS_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t RX_BUFFER_DROPS_LO_VALUE_MASK = 0xFFFFFFFFu;

// RX_BUFFER_DROPS_HI (ro): rx_buffer_drops (SPEC 6): frames dropped for lack of room in the RX packet buffer (SPEC 3 admission reason 5).
inline constexpr uint32_t RX_BUFFER_DROPS_HI = 0x022Cu;
inline constexpr uint32_t RX_BUFFER_DROPS_HI_RESET = 0x00000000u;
inline constexpr uint32_t RX_BUFFER_DROPS_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t RX_BUFFER_DROPS_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t RX_BUFFER_DROPS_HI_VALUE_MASK = 0xFFFFFFFFu;

// DMA_ERRORS_LO (ro): dma_errors (SPEC 6, 7): one per AXI transaction answered with an error (SLVERR or DECERR), in either direction: descriptor reads, transmit payload reads, receive payload and write-back writes, transmit completions.
inline constexpr uint32_t DMA_ERRORS_LO = 0x0230u;
inline constexpr uint32_t DMA_ERRORS_LO_RESET = 0x00000000u;
inline constexpr uint32_t DMA_ERRORS_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t DMA_ERRORS_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t DMA_ERRORS_LO_VALUE_MASK = 0xFFFFFFFFu;

// DMA_ERRORS_HI (ro): dma_errors (SPEC 6, 7): one per AXI transaction answered with an error (SLVERR or DECERR), in either direction: descriptor reads, transmit payload reads, receive payload and write-back writes, transmit completions.
inline constexpr uint32_t DMA_ERRORS_HI = 0x0234u;
inline constexpr uint32_t DMA_ERRORS_HI_RESET = 0x00000000u;
inline constexpr uint32_t DMA_ERRORS_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t DMA_ERRORS_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t DMA_ERRORS_HI_VALUE_MASK = 0xFFFFFFFFu;

// QUEUE_ERRORS_LO (ro): queue_errors (SPEC 6, 7): one per queue put in error by the host's own fault, not by an AXI error response: a ring fault (RX: Q_RX_TAIL moved behind descriptors claimed by copies; TX: Q_TX_TAIL moved behind descriptors already fetched) or, on transmit, a frame with more descriptors than the core caches.
inline constexpr uint32_t QUEUE_ERRORS_LO = 0x0238u;
inline constexpr uint32_t QUEUE_ERRORS_LO_RESET = 0x00000000u;
inline constexpr uint32_t QUEUE_ERRORS_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t QUEUE_ERRORS_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t QUEUE_ERRORS_LO_VALUE_MASK = 0xFFFFFFFFu;

// QUEUE_ERRORS_HI (ro): queue_errors (SPEC 6, 7): one per queue put in error by the host's own fault, not by an AXI error response: a ring fault (RX: Q_RX_TAIL moved behind descriptors claimed by copies; TX: Q_TX_TAIL moved behind descriptors already fetched) or, on transmit, a frame with more descriptors than the core caches.
inline constexpr uint32_t QUEUE_ERRORS_HI = 0x023Cu;
inline constexpr uint32_t QUEUE_ERRORS_HI_RESET = 0x00000000u;
inline constexpr uint32_t QUEUE_ERRORS_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t QUEUE_ERRORS_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t QUEUE_ERRORS_HI_VALUE_MASK = 0xFFFFFFFFu;

// Q_RX_CTRL (rw): Receive control of queue q.
inline constexpr uint32_t Q_RX_CTRL_BASE = 0x10000u;
inline constexpr uint32_t Q_RX_CTRL_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_CTRL_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_RX_CTRL(unsigned q) { return Q_RX_CTRL_BASE + q * Q_RX_CTRL_STRIDE; }
inline constexpr uint32_t Q_RX_CTRL_RESET = 0x00000000u;
inline constexpr uint32_t Q_RX_CTRL_ENABLE_SHIFT = 0u;
inline constexpr uint32_t Q_RX_CTRL_ENABLE_WIDTH = 1u;
inline constexpr uint32_t Q_RX_CTRL_ENABLE_MASK = 0x00000001u;
inline constexpr uint32_t Q_RX_CTRL_BCAST_SHIFT = 1u;
inline constexpr uint32_t Q_RX_CTRL_BCAST_WIDTH = 1u;
inline constexpr uint32_t Q_RX_CTRL_BCAST_MASK = 0x00000002u;
inline constexpr uint32_t Q_RX_CTRL_MCAST_SHIFT = 2u;
inline constexpr uint32_t Q_RX_CTRL_MCAST_WIDTH = 1u;
inline constexpr uint32_t Q_RX_CTRL_MCAST_MASK = 0x00000004u;
inline constexpr uint32_t Q_RX_CTRL_PROMISC_SHIFT = 3u;
inline constexpr uint32_t Q_RX_CTRL_PROMISC_WIDTH = 1u;
inline constexpr uint32_t Q_RX_CTRL_PROMISC_MASK = 0x00000008u;
inline constexpr uint32_t Q_RX_CTRL_STRIP_VLAN_SHIFT = 4u;
inline constexpr uint32_t Q_RX_CTRL_STRIP_VLAN_WIDTH = 1u;
inline constexpr uint32_t Q_RX_CTRL_STRIP_VLAN_MASK = 0x00000010u;

// Q_RX_BASE_LO (rw): RX ring base address of queue q, bits 31:0 (docs/rx-dma.md).
inline constexpr uint32_t Q_RX_BASE_LO_BASE = 0x10004u;
inline constexpr uint32_t Q_RX_BASE_LO_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_BASE_LO_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_RX_BASE_LO(unsigned q) { return Q_RX_BASE_LO_BASE + q * Q_RX_BASE_LO_STRIDE; }
inline constexpr uint32_t Q_RX_BASE_LO_RESET = 0x00000000u;
inline constexpr uint32_t Q_RX_BASE_LO_ADDR_SHIFT = 4u;
inline constexpr uint32_t Q_RX_BASE_LO_ADDR_WIDTH = 28u;
inline constexpr uint32_t Q_RX_BASE_LO_ADDR_MASK = 0xFFFFFFF0u;

// Q_RX_BASE_HI (rw): RX ring base address of queue q, bits 63:32.
inline constexpr uint32_t Q_RX_BASE_HI_BASE = 0x10008u;
inline constexpr uint32_t Q_RX_BASE_HI_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_BASE_HI_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_RX_BASE_HI(unsigned q) { return Q_RX_BASE_HI_BASE + q * Q_RX_BASE_HI_STRIDE; }
inline constexpr uint32_t Q_RX_BASE_HI_RESET = 0x00000000u;
inline constexpr uint32_t Q_RX_BASE_HI_ADDR_SHIFT = 0u;
inline constexpr uint32_t Q_RX_BASE_HI_ADDR_WIDTH = 32u;
inline constexpr uint32_t Q_RX_BASE_HI_ADDR_MASK = 0xFFFFFFFFu;

// Q_RX_SIZE (rw): RX ring size of queue q.
inline constexpr uint32_t Q_RX_SIZE_BASE = 0x1000Cu;
inline constexpr uint32_t Q_RX_SIZE_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_SIZE_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_RX_SIZE(unsigned q) { return Q_RX_SIZE_BASE + q * Q_RX_SIZE_STRIDE; }
inline constexpr uint32_t Q_RX_SIZE_RESET = 0x00000008u;
inline constexpr uint32_t Q_RX_SIZE_LOG2_SHIFT = 0u;
inline constexpr uint32_t Q_RX_SIZE_LOG2_WIDTH = 4u;
inline constexpr uint32_t Q_RX_SIZE_LOG2_MASK = 0x0000000Fu;

// Q_RX_BUF (rw): RX buffer size of queue q.
inline constexpr uint32_t Q_RX_BUF_BASE = 0x10010u;
inline constexpr uint32_t Q_RX_BUF_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_BUF_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_RX_BUF(unsigned q) { return Q_RX_BUF_BASE + q * Q_RX_BUF_STRIDE; }
inline constexpr uint32_t Q_RX_BUF_RESET = 0x00000800u;
inline constexpr uint32_t Q_RX_BUF_BYTES_SHIFT = 0u;
inline constexpr uint32_t Q_RX_BUF_BYTES_WIDTH = 16u;
inline constexpr uint32_t Q_RX_BUF_BYTES_MASK = 0x0000FFFFu;

// Q_RX_TAIL (rw): RX ring tail (producer index) of queue q: the doorbell.
inline constexpr uint32_t Q_RX_TAIL_BASE = 0x10014u;
inline constexpr uint32_t Q_RX_TAIL_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_TAIL_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_RX_TAIL(unsigned q) { return Q_RX_TAIL_BASE + q * Q_RX_TAIL_STRIDE; }
inline constexpr uint32_t Q_RX_TAIL_RESET = 0x00000000u;
inline constexpr uint32_t Q_RX_TAIL_IDX_SHIFT = 0u;
inline constexpr uint32_t Q_RX_TAIL_IDX_WIDTH = 12u;
inline constexpr uint32_t Q_RX_TAIL_IDX_MASK = 0x00000FFFu;

// Q_RX_HEAD (ro): RX ring head (consumer index) of queue q.
inline constexpr uint32_t Q_RX_HEAD_BASE = 0x10018u;
inline constexpr uint32_t Q_RX_HEAD_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_HEAD_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_RX_HEAD(unsigned q) { return Q_RX_HEAD_BASE + q * Q_RX_HEAD_STRIDE; }
inline constexpr uint32_t Q_RX_HEAD_RESET = 0x00000000u;
inline constexpr uint32_t Q_RX_HEAD_IDX_SHIFT = 0u;
inline constexpr uint32_t Q_RX_HEAD_IDX_WIDTH = 12u;
inline constexpr uint32_t Q_RX_HEAD_IDX_MASK = 0x00000FFFu;

// Q_RX_STATUS (ro): RX state of queue q (SPEC 4 lifecycle, SPEC 7 faults).
inline constexpr uint32_t Q_RX_STATUS_BASE = 0x1001Cu;
inline constexpr uint32_t Q_RX_STATUS_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_STATUS_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_RX_STATUS(unsigned q) { return Q_RX_STATUS_BASE + q * Q_RX_STATUS_STRIDE; }
inline constexpr uint32_t Q_RX_STATUS_RESET = 0x00000000u;
inline constexpr uint32_t Q_RX_STATUS_RUNNING_SHIFT = 0u;
inline constexpr uint32_t Q_RX_STATUS_RUNNING_WIDTH = 1u;
inline constexpr uint32_t Q_RX_STATUS_RUNNING_MASK = 0x00000001u;
inline constexpr uint32_t Q_RX_STATUS_STOPPED_SHIFT = 1u;
inline constexpr uint32_t Q_RX_STATUS_STOPPED_WIDTH = 1u;
inline constexpr uint32_t Q_RX_STATUS_STOPPED_MASK = 0x00000002u;
inline constexpr uint32_t Q_RX_STATUS_ERROR_SHIFT = 2u;
inline constexpr uint32_t Q_RX_STATUS_ERROR_WIDTH = 1u;
inline constexpr uint32_t Q_RX_STATUS_ERROR_MASK = 0x00000004u;
inline constexpr uint32_t Q_RX_STATUS_RESETTING_SHIFT = 3u;
inline constexpr uint32_t Q_RX_STATUS_RESETTING_WIDTH = 1u;
inline constexpr uint32_t Q_RX_STATUS_RESETTING_MASK = 0x00000008u;
inline constexpr uint32_t Q_RX_STATUS_CAUSE_SHIFT = 4u;
inline constexpr uint32_t Q_RX_STATUS_CAUSE_WIDTH = 3u;
inline constexpr uint32_t Q_RX_STATUS_CAUSE_MASK = 0x00000070u;
inline constexpr uint32_t Q_RX_STATUS_CAUSE_NONE = 0u;
inline constexpr uint32_t Q_RX_STATUS_CAUSE_DESC_READ = 1u;
inline constexpr uint32_t Q_RX_STATUS_CAUSE_PAYLOAD_READ = 2u;
inline constexpr uint32_t Q_RX_STATUS_CAUSE_WRITE = 3u;
inline constexpr uint32_t Q_RX_STATUS_CAUSE_RING = 4u;
inline constexpr uint32_t Q_RX_STATUS_CAUSE_GATHER = 5u;

// Q_RX_CMD (w1p): RX commands of queue q.
inline constexpr uint32_t Q_RX_CMD_BASE = 0x10020u;
inline constexpr uint32_t Q_RX_CMD_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_CMD_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_RX_CMD(unsigned q) { return Q_RX_CMD_BASE + q * Q_RX_CMD_STRIDE; }
inline constexpr uint32_t Q_RX_CMD_RESET = 0x00000000u;
inline constexpr uint32_t Q_RX_CMD_RESET_SHIFT = 0u;
inline constexpr uint32_t Q_RX_CMD_RESET_WIDTH = 1u;
inline constexpr uint32_t Q_RX_CMD_RESET_MASK = 0x00000001u;

// Q_INT_MASK (rw): Interrupt mask of queue q (1 = cause may raise irq_o[q]).
inline constexpr uint32_t Q_INT_MASK_BASE = 0x10024u;
inline constexpr uint32_t Q_INT_MASK_STRIDE = 0x40u;
inline constexpr uint32_t Q_INT_MASK_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_INT_MASK(unsigned q) { return Q_INT_MASK_BASE + q * Q_INT_MASK_STRIDE; }
inline constexpr uint32_t Q_INT_MASK_RESET = 0x00000000u;
inline constexpr uint32_t Q_INT_MASK_RX_SHIFT = 0u;
inline constexpr uint32_t Q_INT_MASK_RX_WIDTH = 1u;
inline constexpr uint32_t Q_INT_MASK_RX_MASK = 0x00000001u;
inline constexpr uint32_t Q_INT_MASK_TX_SHIFT = 1u;
inline constexpr uint32_t Q_INT_MASK_TX_WIDTH = 1u;
inline constexpr uint32_t Q_INT_MASK_TX_MASK = 0x00000002u;
inline constexpr uint32_t Q_INT_MASK_ERR_SHIFT = 2u;
inline constexpr uint32_t Q_INT_MASK_ERR_WIDTH = 1u;
inline constexpr uint32_t Q_INT_MASK_ERR_MASK = 0x00000004u;

// Q_INT_CAUSE (ro): Interrupt causes of queue q (sticky, cleared by Q_INT_CLEAR).
inline constexpr uint32_t Q_INT_CAUSE_BASE = 0x10028u;
inline constexpr uint32_t Q_INT_CAUSE_STRIDE = 0x40u;
inline constexpr uint32_t Q_INT_CAUSE_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_INT_CAUSE(unsigned q) { return Q_INT_CAUSE_BASE + q * Q_INT_CAUSE_STRIDE; }
inline constexpr uint32_t Q_INT_CAUSE_RESET = 0x00000000u;
inline constexpr uint32_t Q_INT_CAUSE_RX_SHIFT = 0u;
inline constexpr uint32_t Q_INT_CAUSE_RX_WIDTH = 1u;
inline constexpr uint32_t Q_INT_CAUSE_RX_MASK = 0x00000001u;
inline constexpr uint32_t Q_INT_CAUSE_TX_SHIFT = 1u;
inline constexpr uint32_t Q_INT_CAUSE_TX_WIDTH = 1u;
inline constexpr uint32_t Q_INT_CAUSE_TX_MASK = 0x00000002u;
inline constexpr uint32_t Q_INT_CAUSE_ERR_SHIFT = 2u;
inline constexpr uint32_t Q_INT_CAUSE_ERR_WIDTH = 1u;
inline constexpr uint32_t Q_INT_CAUSE_ERR_MASK = 0x00000004u;

// Q_INT_CLEAR (w1p): Clear interrupt causes of queue q (write 1 to clear the matching Q_INT_CAUSE bit).
inline constexpr uint32_t Q_INT_CLEAR_BASE = 0x1002Cu;
inline constexpr uint32_t Q_INT_CLEAR_STRIDE = 0x40u;
inline constexpr uint32_t Q_INT_CLEAR_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_INT_CLEAR(unsigned q) { return Q_INT_CLEAR_BASE + q * Q_INT_CLEAR_STRIDE; }
inline constexpr uint32_t Q_INT_CLEAR_RESET = 0x00000000u;
inline constexpr uint32_t Q_INT_CLEAR_RX_SHIFT = 0u;
inline constexpr uint32_t Q_INT_CLEAR_RX_WIDTH = 1u;
inline constexpr uint32_t Q_INT_CLEAR_RX_MASK = 0x00000001u;
inline constexpr uint32_t Q_INT_CLEAR_TX_SHIFT = 1u;
inline constexpr uint32_t Q_INT_CLEAR_TX_WIDTH = 1u;
inline constexpr uint32_t Q_INT_CLEAR_TX_MASK = 0x00000002u;
inline constexpr uint32_t Q_INT_CLEAR_ERR_SHIFT = 2u;
inline constexpr uint32_t Q_INT_CLEAR_ERR_WIDTH = 1u;
inline constexpr uint32_t Q_INT_CLEAR_ERR_MASK = 0x00000004u;

// Q_INT_ITR (rw): Interrupt moderation of queue q.
inline constexpr uint32_t Q_INT_ITR_BASE = 0x10030u;
inline constexpr uint32_t Q_INT_ITR_STRIDE = 0x40u;
inline constexpr uint32_t Q_INT_ITR_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_INT_ITR(unsigned q) { return Q_INT_ITR_BASE + q * Q_INT_ITR_STRIDE; }
inline constexpr uint32_t Q_INT_ITR_RESET = 0x00000000u;
inline constexpr uint32_t Q_INT_ITR_CYCLES_SHIFT = 0u;
inline constexpr uint32_t Q_INT_ITR_CYCLES_WIDTH = 24u;
inline constexpr uint32_t Q_INT_ITR_CYCLES_MASK = 0x00FFFFFFu;

// Q_TX_CTRL (rw): Transmit control of queue q.
inline constexpr uint32_t Q_TX_CTRL_BASE = 0x20000u;
inline constexpr uint32_t Q_TX_CTRL_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_CTRL_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_CTRL(unsigned q) { return Q_TX_CTRL_BASE + q * Q_TX_CTRL_STRIDE; }
inline constexpr uint32_t Q_TX_CTRL_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_CTRL_ENABLE_SHIFT = 0u;
inline constexpr uint32_t Q_TX_CTRL_ENABLE_WIDTH = 1u;
inline constexpr uint32_t Q_TX_CTRL_ENABLE_MASK = 0x00000001u;
inline constexpr uint32_t Q_TX_CTRL_SPOOF_MAC_SHIFT = 1u;
inline constexpr uint32_t Q_TX_CTRL_SPOOF_MAC_WIDTH = 1u;
inline constexpr uint32_t Q_TX_CTRL_SPOOF_MAC_MASK = 0x00000002u;
inline constexpr uint32_t Q_TX_CTRL_SPOOF_VLAN_SHIFT = 2u;
inline constexpr uint32_t Q_TX_CTRL_SPOOF_VLAN_WIDTH = 1u;
inline constexpr uint32_t Q_TX_CTRL_SPOOF_VLAN_MASK = 0x00000004u;

// Q_TX_BASE_LO (rw): TX ring base address of queue q, bits 31:0.
inline constexpr uint32_t Q_TX_BASE_LO_BASE = 0x20004u;
inline constexpr uint32_t Q_TX_BASE_LO_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_BASE_LO_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_BASE_LO(unsigned q) { return Q_TX_BASE_LO_BASE + q * Q_TX_BASE_LO_STRIDE; }
inline constexpr uint32_t Q_TX_BASE_LO_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_BASE_LO_ADDR_SHIFT = 4u;
inline constexpr uint32_t Q_TX_BASE_LO_ADDR_WIDTH = 28u;
inline constexpr uint32_t Q_TX_BASE_LO_ADDR_MASK = 0xFFFFFFF0u;

// Q_TX_BASE_HI (rw): TX ring base address of queue q, bits 63:32.
inline constexpr uint32_t Q_TX_BASE_HI_BASE = 0x20008u;
inline constexpr uint32_t Q_TX_BASE_HI_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_BASE_HI_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_BASE_HI(unsigned q) { return Q_TX_BASE_HI_BASE + q * Q_TX_BASE_HI_STRIDE; }
inline constexpr uint32_t Q_TX_BASE_HI_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_BASE_HI_ADDR_SHIFT = 0u;
inline constexpr uint32_t Q_TX_BASE_HI_ADDR_WIDTH = 32u;
inline constexpr uint32_t Q_TX_BASE_HI_ADDR_MASK = 0xFFFFFFFFu;

// Q_TX_SIZE (rw): TX ring size of queue q.
inline constexpr uint32_t Q_TX_SIZE_BASE = 0x2000Cu;
inline constexpr uint32_t Q_TX_SIZE_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_SIZE_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_SIZE(unsigned q) { return Q_TX_SIZE_BASE + q * Q_TX_SIZE_STRIDE; }
inline constexpr uint32_t Q_TX_SIZE_RESET = 0x00000008u;
inline constexpr uint32_t Q_TX_SIZE_LOG2_SHIFT = 0u;
inline constexpr uint32_t Q_TX_SIZE_LOG2_WIDTH = 4u;
inline constexpr uint32_t Q_TX_SIZE_LOG2_MASK = 0x0000000Fu;

// Q_TX_TAIL (rw): TX ring tail (producer index) of queue q: the doorbell.
inline constexpr uint32_t Q_TX_TAIL_BASE = 0x20014u;
inline constexpr uint32_t Q_TX_TAIL_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_TAIL_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_TAIL(unsigned q) { return Q_TX_TAIL_BASE + q * Q_TX_TAIL_STRIDE; }
inline constexpr uint32_t Q_TX_TAIL_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_TAIL_IDX_SHIFT = 0u;
inline constexpr uint32_t Q_TX_TAIL_IDX_WIDTH = 12u;
inline constexpr uint32_t Q_TX_TAIL_IDX_MASK = 0x00000FFFu;

// Q_TX_HEAD (ro): TX ring head (completion index) of queue q.
inline constexpr uint32_t Q_TX_HEAD_BASE = 0x20018u;
inline constexpr uint32_t Q_TX_HEAD_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_HEAD_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_HEAD(unsigned q) { return Q_TX_HEAD_BASE + q * Q_TX_HEAD_STRIDE; }
inline constexpr uint32_t Q_TX_HEAD_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_HEAD_IDX_SHIFT = 0u;
inline constexpr uint32_t Q_TX_HEAD_IDX_WIDTH = 12u;
inline constexpr uint32_t Q_TX_HEAD_IDX_MASK = 0x00000FFFu;

// Q_TX_STATUS (ro): TX state of queue q (SPEC 4 lifecycle, SPEC 7 faults).
inline constexpr uint32_t Q_TX_STATUS_BASE = 0x2001Cu;
inline constexpr uint32_t Q_TX_STATUS_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_STATUS_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_STATUS(unsigned q) { return Q_TX_STATUS_BASE + q * Q_TX_STATUS_STRIDE; }
inline constexpr uint32_t Q_TX_STATUS_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_STATUS_RUNNING_SHIFT = 0u;
inline constexpr uint32_t Q_TX_STATUS_RUNNING_WIDTH = 1u;
inline constexpr uint32_t Q_TX_STATUS_RUNNING_MASK = 0x00000001u;
inline constexpr uint32_t Q_TX_STATUS_STOPPED_SHIFT = 1u;
inline constexpr uint32_t Q_TX_STATUS_STOPPED_WIDTH = 1u;
inline constexpr uint32_t Q_TX_STATUS_STOPPED_MASK = 0x00000002u;
inline constexpr uint32_t Q_TX_STATUS_ERROR_SHIFT = 2u;
inline constexpr uint32_t Q_TX_STATUS_ERROR_WIDTH = 1u;
inline constexpr uint32_t Q_TX_STATUS_ERROR_MASK = 0x00000004u;
inline constexpr uint32_t Q_TX_STATUS_RESETTING_SHIFT = 3u;
inline constexpr uint32_t Q_TX_STATUS_RESETTING_WIDTH = 1u;
inline constexpr uint32_t Q_TX_STATUS_RESETTING_MASK = 0x00000008u;
inline constexpr uint32_t Q_TX_STATUS_CAUSE_SHIFT = 4u;
inline constexpr uint32_t Q_TX_STATUS_CAUSE_WIDTH = 3u;
inline constexpr uint32_t Q_TX_STATUS_CAUSE_MASK = 0x00000070u;
inline constexpr uint32_t Q_TX_STATUS_CAUSE_NONE = 0u;
inline constexpr uint32_t Q_TX_STATUS_CAUSE_DESC_READ = 1u;
inline constexpr uint32_t Q_TX_STATUS_CAUSE_PAYLOAD_READ = 2u;
inline constexpr uint32_t Q_TX_STATUS_CAUSE_WRITE = 3u;
inline constexpr uint32_t Q_TX_STATUS_CAUSE_RING = 4u;
inline constexpr uint32_t Q_TX_STATUS_CAUSE_GATHER = 5u;

// Q_TX_CMD (w1p): TX commands of queue q.
inline constexpr uint32_t Q_TX_CMD_BASE = 0x20020u;
inline constexpr uint32_t Q_TX_CMD_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_CMD_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_CMD(unsigned q) { return Q_TX_CMD_BASE + q * Q_TX_CMD_STRIDE; }
inline constexpr uint32_t Q_TX_CMD_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_CMD_RESET_SHIFT = 0u;
inline constexpr uint32_t Q_TX_CMD_RESET_WIDTH = 1u;
inline constexpr uint32_t Q_TX_CMD_RESET_MASK = 0x00000001u;

// Q_TX_PORT_VLAN (rw): Port VLAN of queue q (82599 VMVIR, SPEC 5).
inline constexpr uint32_t Q_TX_PORT_VLAN_BASE = 0x20024u;
inline constexpr uint32_t Q_TX_PORT_VLAN_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_PORT_VLAN_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_PORT_VLAN(unsigned q) { return Q_TX_PORT_VLAN_BASE + q * Q_TX_PORT_VLAN_STRIDE; }
inline constexpr uint32_t Q_TX_PORT_VLAN_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_PORT_VLAN_TCI_SHIFT = 0u;
inline constexpr uint32_t Q_TX_PORT_VLAN_TCI_WIDTH = 16u;
inline constexpr uint32_t Q_TX_PORT_VLAN_TCI_MASK = 0x0000FFFFu;

// Q_TX_MAC_LO (rw): Allowed source MAC of queue q for anti-spoofing, octets 2..5 (as FILT_MAC_LO).
inline constexpr uint32_t Q_TX_MAC_LO_BASE = 0x20028u;
inline constexpr uint32_t Q_TX_MAC_LO_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_MAC_LO_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_MAC_LO(unsigned q) { return Q_TX_MAC_LO_BASE + q * Q_TX_MAC_LO_STRIDE; }
inline constexpr uint32_t Q_TX_MAC_LO_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_MAC_LO_MAC_SHIFT = 0u;
inline constexpr uint32_t Q_TX_MAC_LO_MAC_WIDTH = 32u;
inline constexpr uint32_t Q_TX_MAC_LO_MAC_MASK = 0xFFFFFFFFu;

// Q_TX_MAC_HI (rw): Allowed source MAC of queue q, octets 0..1 (as FILT_MAC_HI).
inline constexpr uint32_t Q_TX_MAC_HI_BASE = 0x2002Cu;
inline constexpr uint32_t Q_TX_MAC_HI_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_MAC_HI_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_MAC_HI(unsigned q) { return Q_TX_MAC_HI_BASE + q * Q_TX_MAC_HI_STRIDE; }
inline constexpr uint32_t Q_TX_MAC_HI_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_MAC_HI_MAC_SHIFT = 0u;
inline constexpr uint32_t Q_TX_MAC_HI_MAC_WIDTH = 16u;
inline constexpr uint32_t Q_TX_MAC_HI_MAC_MASK = 0x0000FFFFu;

// Q_TX_WEIGHT (rw): DRR weight of queue q (used when CTRL.TX_DRR = 1).
inline constexpr uint32_t Q_TX_WEIGHT_BASE = 0x20030u;
inline constexpr uint32_t Q_TX_WEIGHT_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_WEIGHT_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_WEIGHT(unsigned q) { return Q_TX_WEIGHT_BASE + q * Q_TX_WEIGHT_STRIDE; }
inline constexpr uint32_t Q_TX_WEIGHT_RESET = 0x00000018u;
inline constexpr uint32_t Q_TX_WEIGHT_WEIGHT_SHIFT = 0u;
inline constexpr uint32_t Q_TX_WEIGHT_WEIGHT_WIDTH = 16u;
inline constexpr uint32_t Q_TX_WEIGHT_WEIGHT_MASK = 0x0000FFFFu;

// Q_RX_PACKETS_LO (ro): rx_packets of queue q (SPEC 6): copies written to the queue's buffers (counted when their write-backs are issued).
inline constexpr uint32_t Q_RX_PACKETS_LO_BASE = 0x30000u;
inline constexpr uint32_t Q_RX_PACKETS_LO_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_PACKETS_LO_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_RX_PACKETS_LO(unsigned q) { return Q_RX_PACKETS_LO_BASE + q * Q_RX_PACKETS_LO_STRIDE; }
inline constexpr uint32_t Q_RX_PACKETS_LO_RESET = 0x00000000u;
inline constexpr uint32_t Q_RX_PACKETS_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t Q_RX_PACKETS_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t Q_RX_PACKETS_LO_VALUE_MASK = 0xFFFFFFFFu;

// Q_RX_PACKETS_HI (ro): rx_packets of queue q (SPEC 6): copies written to the queue's buffers (counted when their write-backs are issued).
inline constexpr uint32_t Q_RX_PACKETS_HI_BASE = 0x30004u;
inline constexpr uint32_t Q_RX_PACKETS_HI_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_PACKETS_HI_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_RX_PACKETS_HI(unsigned q) { return Q_RX_PACKETS_HI_BASE + q * Q_RX_PACKETS_HI_STRIDE; }
inline constexpr uint32_t Q_RX_PACKETS_HI_RESET = 0x00000000u;
inline constexpr uint32_t Q_RX_PACKETS_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t Q_RX_PACKETS_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t Q_RX_PACKETS_HI_VALUE_MASK = 0xFFFFFFFFu;

// Q_RX_BYTES_LO (ro): rx_bytes of queue q (SPEC 6): bytes of those copies (after VLAN stripping).
inline constexpr uint32_t Q_RX_BYTES_LO_BASE = 0x30008u;
inline constexpr uint32_t Q_RX_BYTES_LO_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_BYTES_LO_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_RX_BYTES_LO(unsigned q) { return Q_RX_BYTES_LO_BASE + q * Q_RX_BYTES_LO_STRIDE; }
inline constexpr uint32_t Q_RX_BYTES_LO_RESET = 0x00000000u;
inline constexpr uint32_t Q_RX_BYTES_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t Q_RX_BYTES_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t Q_RX_BYTES_LO_VALUE_MASK = 0xFFFFFFFFu;

// Q_RX_BYTES_HI (ro): rx_bytes of queue q (SPEC 6): bytes of those copies (after VLAN stripping).
inline constexpr uint32_t Q_RX_BYTES_HI_BASE = 0x3000Cu;
inline constexpr uint32_t Q_RX_BYTES_HI_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_BYTES_HI_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_RX_BYTES_HI(unsigned q) { return Q_RX_BYTES_HI_BASE + q * Q_RX_BYTES_HI_STRIDE; }
inline constexpr uint32_t Q_RX_BYTES_HI_RESET = 0x00000000u;
inline constexpr uint32_t Q_RX_BYTES_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t Q_RX_BYTES_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t Q_RX_BYTES_HI_VALUE_MASK = 0xFFFFFFFFu;

// Q_RX_NO_DESC_DROPS_LO (ro): rx_no_desc_drops of queue q (SPEC 6): copies dropped whole because the queue had fewer posted descriptors than the copy needs when its turn came, or had stopped taking copies (disabled or in error) after the frame was classified.
inline constexpr uint32_t Q_RX_NO_DESC_DROPS_LO_BASE = 0x30010u;
inline constexpr uint32_t Q_RX_NO_DESC_DROPS_LO_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_NO_DESC_DROPS_LO_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_RX_NO_DESC_DROPS_LO(unsigned q) { return Q_RX_NO_DESC_DROPS_LO_BASE + q * Q_RX_NO_DESC_DROPS_LO_STRIDE; }
inline constexpr uint32_t Q_RX_NO_DESC_DROPS_LO_RESET = 0x00000000u;
inline constexpr uint32_t Q_RX_NO_DESC_DROPS_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t Q_RX_NO_DESC_DROPS_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t Q_RX_NO_DESC_DROPS_LO_VALUE_MASK = 0xFFFFFFFFu;

// Q_RX_NO_DESC_DROPS_HI (ro): rx_no_desc_drops of queue q (SPEC 6): copies dropped whole because the queue had fewer posted descriptors than the copy needs when its turn came, or had stopped taking copies (disabled or in error) after the frame was classified.
inline constexpr uint32_t Q_RX_NO_DESC_DROPS_HI_BASE = 0x30014u;
inline constexpr uint32_t Q_RX_NO_DESC_DROPS_HI_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_NO_DESC_DROPS_HI_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_RX_NO_DESC_DROPS_HI(unsigned q) { return Q_RX_NO_DESC_DROPS_HI_BASE + q * Q_RX_NO_DESC_DROPS_HI_STRIDE; }
inline constexpr uint32_t Q_RX_NO_DESC_DROPS_HI_RESET = 0x00000000u;
inline constexpr uint32_t Q_RX_NO_DESC_DROPS_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t Q_RX_NO_DESC_DROPS_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t Q_RX_NO_DESC_DROPS_HI_VALUE_MASK = 0xFFFFFFFFu;

// Q_TX_PACKETS_LO (ro): tx_packets of queue q (SPEC 6): frames sent (counted when their last beat leaves for the MAC).
inline constexpr uint32_t Q_TX_PACKETS_LO_BASE = 0x30018u;
inline constexpr uint32_t Q_TX_PACKETS_LO_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_PACKETS_LO_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_PACKETS_LO(unsigned q) { return Q_TX_PACKETS_LO_BASE + q * Q_TX_PACKETS_LO_STRIDE; }
inline constexpr uint32_t Q_TX_PACKETS_LO_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_PACKETS_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t Q_TX_PACKETS_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t Q_TX_PACKETS_LO_VALUE_MASK = 0xFFFFFFFFu;

// Q_TX_PACKETS_HI (ro): tx_packets of queue q (SPEC 6): frames sent (counted when their last beat leaves for the MAC).
inline constexpr uint32_t Q_TX_PACKETS_HI_BASE = 0x3001Cu;
inline constexpr uint32_t Q_TX_PACKETS_HI_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_PACKETS_HI_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_PACKETS_HI(unsigned q) { return Q_TX_PACKETS_HI_BASE + q * Q_TX_PACKETS_HI_STRIDE; }
inline constexpr uint32_t Q_TX_PACKETS_HI_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_PACKETS_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t Q_TX_PACKETS_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t Q_TX_PACKETS_HI_VALUE_MASK = 0xFFFFFFFFu;

// Q_TX_BYTES_LO (ro): tx_bytes of queue q (SPEC 6): bytes of those frames as sent (after tag insertion and padding, without FCS).
inline constexpr uint32_t Q_TX_BYTES_LO_BASE = 0x30020u;
inline constexpr uint32_t Q_TX_BYTES_LO_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_BYTES_LO_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_BYTES_LO(unsigned q) { return Q_TX_BYTES_LO_BASE + q * Q_TX_BYTES_LO_STRIDE; }
inline constexpr uint32_t Q_TX_BYTES_LO_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_BYTES_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t Q_TX_BYTES_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t Q_TX_BYTES_LO_VALUE_MASK = 0xFFFFFFFFu;

// Q_TX_BYTES_HI (ro): tx_bytes of queue q (SPEC 6): bytes of those frames as sent (after tag insertion and padding, without FCS).
inline constexpr uint32_t Q_TX_BYTES_HI_BASE = 0x30024u;
inline constexpr uint32_t Q_TX_BYTES_HI_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_BYTES_HI_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_BYTES_HI(unsigned q) { return Q_TX_BYTES_HI_BASE + q * Q_TX_BYTES_HI_STRIDE; }
inline constexpr uint32_t Q_TX_BYTES_HI_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_BYTES_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t Q_TX_BYTES_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t Q_TX_BYTES_HI_VALUE_MASK = 0xFFFFFFFFu;

// Q_TX_SPOOF_DROPS_LO (ro): tx_spoof_drops of queue q (SPEC 5, 6).
inline constexpr uint32_t Q_TX_SPOOF_DROPS_LO_BASE = 0x30028u;
inline constexpr uint32_t Q_TX_SPOOF_DROPS_LO_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_SPOOF_DROPS_LO_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_SPOOF_DROPS_LO(unsigned q) { return Q_TX_SPOOF_DROPS_LO_BASE + q * Q_TX_SPOOF_DROPS_LO_STRIDE; }
inline constexpr uint32_t Q_TX_SPOOF_DROPS_LO_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_SPOOF_DROPS_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t Q_TX_SPOOF_DROPS_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t Q_TX_SPOOF_DROPS_LO_VALUE_MASK = 0xFFFFFFFFu;

// Q_TX_SPOOF_DROPS_HI (ro): tx_spoof_drops of queue q (SPEC 5, 6).
inline constexpr uint32_t Q_TX_SPOOF_DROPS_HI_BASE = 0x3002Cu;
inline constexpr uint32_t Q_TX_SPOOF_DROPS_HI_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_SPOOF_DROPS_HI_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_SPOOF_DROPS_HI(unsigned q) { return Q_TX_SPOOF_DROPS_HI_BASE + q * Q_TX_SPOOF_DROPS_HI_STRIDE; }
inline constexpr uint32_t Q_TX_SPOOF_DROPS_HI_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_SPOOF_DROPS_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t Q_TX_SPOOF_DROPS_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t Q_TX_SPOOF_DROPS_HI_VALUE_MASK = 0xFFFFFFFFu;

// Q_TX_OVERSIZE_DROPS_LO (ro): tx_oversize_drops of queue q (SPEC 5, 6): frames longer than min(RX_MAX_FRAME, MaxFrameBytes) after tag insertion, dropped unread.
inline constexpr uint32_t Q_TX_OVERSIZE_DROPS_LO_BASE = 0x30030u;
inline constexpr uint32_t Q_TX_OVERSIZE_DROPS_LO_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_OVERSIZE_DROPS_LO_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_OVERSIZE_DROPS_LO(unsigned q) { return Q_TX_OVERSIZE_DROPS_LO_BASE + q * Q_TX_OVERSIZE_DROPS_LO_STRIDE; }
inline constexpr uint32_t Q_TX_OVERSIZE_DROPS_LO_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_OVERSIZE_DROPS_LO_VALUE_SHIFT = 0u;
inline constexpr uint32_t Q_TX_OVERSIZE_DROPS_LO_VALUE_WIDTH = 32u;
inline constexpr uint32_t Q_TX_OVERSIZE_DROPS_LO_VALUE_MASK = 0xFFFFFFFFu;

// Q_TX_OVERSIZE_DROPS_HI (ro): tx_oversize_drops of queue q (SPEC 5, 6): frames longer than min(RX_MAX_FRAME, MaxFrameBytes) after tag insertion, dropped unread.
inline constexpr uint32_t Q_TX_OVERSIZE_DROPS_HI_BASE = 0x30034u;
inline constexpr uint32_t Q_TX_OVERSIZE_DROPS_HI_STRIDE = 0x40u;
inline constexpr uint32_t Q_TX_OVERSIZE_DROPS_HI_MAX_COUNT = 1024u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
constexpr uint32_t Q_TX_OVERSIZE_DROPS_HI(unsigned q) { return Q_TX_OVERSIZE_DROPS_HI_BASE + q * Q_TX_OVERSIZE_DROPS_HI_STRIDE; }
inline constexpr uint32_t Q_TX_OVERSIZE_DROPS_HI_RESET = 0x00000000u;
inline constexpr uint32_t Q_TX_OVERSIZE_DROPS_HI_VALUE_SHIFT = 0u;
inline constexpr uint32_t Q_TX_OVERSIZE_DROPS_HI_VALUE_WIDTH = 32u;
inline constexpr uint32_t Q_TX_OVERSIZE_DROPS_HI_VALUE_MASK = 0xFFFFFFFFu;

// Table of every register, for generic code (register dumps, tests).
enum class Access : uint8_t { RW, RO, W1P };
// COUNTER_LO/_HI: a half of a 64-bit counter (kind = "counter64"); _HI is at
// the _LO offset + 4. Both read the counter as it is (no latch): read _HI,
// _LO, _HI (docs/registers.md, "Access rules").
enum class Kind : uint8_t { PLAIN, COUNTER_LO, COUNTER_HI };
struct RegInfo {
  const char* name;
  uint32_t offset;      // entry 0 for per-queue registers
  uint32_t stride;      // 0 for scalar registers
  uint32_t max_count;   // 1 for scalar registers
  const char* count;    // parameter giving the number of entries, or nullptr
  Access access;
  uint32_t reset;       // reset value of rw and const bits
  uint32_t rw_mask;     // software read/write bits
  uint32_t hw_mask;     // hardware-driven read-only bits (and counters)
  uint32_t const_mask;  // constant bits (const and param fields)
  uint32_t w1p_mask;    // write-1-to-pulse bits (read as 0)
  Kind kind;            // PLAIN, or which half of a 64-bit counter
};
inline constexpr RegInfo REG_TABLE[] = {
    {"ID_MAGIC", 0x0000u, 0x0u, 1u, nullptr, Access::RO, 0x564D5143u, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, Kind::PLAIN},
    {"ID_VERSION", 0x0004u, 0x0u, 1u, nullptr, Access::RO, 0x01020000u, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, Kind::PLAIN},
    {"ID_NUM_QUEUES", 0x0008u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000000u, 0x0000FFFFu, 0x00000000u, Kind::PLAIN},
    {"ID_NUM_FILTERS", 0x000Cu, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000000u, 0x0000FFFFu, 0x00000000u, Kind::PLAIN},
    {"ID_DATA_W", 0x0010u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000000u, 0x0000FFFFu, 0x00000000u, Kind::PLAIN},
    {"ID_AXI_DATA_W", 0x0014u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000000u, 0x0000FFFFu, 0x00000000u, Kind::PLAIN},
    {"ID_MAX_FRAME_BYTES", 0x0018u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000000u, 0x0000FFFFu, 0x00000000u, Kind::PLAIN},
    {"ID_PKTBUF_BYTES", 0x001Cu, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, Kind::PLAIN},
    {"SCRATCH", 0x0020u, 0x0u, 1u, nullptr, Access::RW, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"ID_RX_CAPS", 0x0024u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000000u, 0x000000FFu, 0x00000000u, Kind::PLAIN},
    {"ID_TX_CAPS", 0x0028u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000000u, 0x000000FFu, 0x00000000u, Kind::PLAIN},
    {"ID_TX_STAGE_BYTES", 0x002Cu, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, Kind::PLAIN},
    {"RESET", 0x0030u, 0x0u, 1u, nullptr, Access::W1P, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000001u, Kind::PLAIN},
    {"STATUS", 0x0034u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000001u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"CTRL", 0x0040u, 0x0u, 1u, nullptr, Access::RW, 0x00000002u, 0x0000000Eu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"RX_TPID", 0x0044u, 0x0u, 1u, nullptr, Access::RW, 0x00008100u, 0x0000FFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"RX_MIN_FRAME", 0x0048u, 0x0u, 1u, nullptr, Access::RW, 0x0000003Cu, 0x0000FFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"RX_MAX_FRAME", 0x004Cu, 0x0u, 1u, nullptr, Access::RW, 0x000005EEu, 0x0000FFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"CSR_UNMAPPED_LO", 0x0080u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"CSR_UNMAPPED_HI", 0x0084u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
    {"FILT_IDX", 0x0100u, 0x0u, 1u, nullptr, Access::RW, 0x00000000u, 0x0000FFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"FILT_CFG", 0x0104u, 0x0u, 1u, nullptr, Access::RW, 0x00000000u, 0x0FFF0007u, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"FILT_MAC_LO", 0x0108u, 0x0u, 1u, nullptr, Access::RW, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"FILT_MAC_HI", 0x010Cu, 0x0u, 1u, nullptr, Access::RW, 0x00000000u, 0x0000FFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"FILT_QMASK_LO", 0x0110u, 0x0u, 1u, nullptr, Access::RW, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"FILT_QMASK_HI", 0x0114u, 0x0u, 1u, nullptr, Access::RW, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"FILT_CMD", 0x0118u, 0x0u, 1u, nullptr, Access::W1P, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000001u, Kind::PLAIN},
    {"FILT_RD_CFG", 0x0120u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x0FFF0007u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"FILT_RD_MAC_LO", 0x0124u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"FILT_RD_MAC_HI", 0x0128u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x0000FFFFu, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"FILT_RD_QMASK_LO", 0x012Cu, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"FILT_RD_QMASK_HI", 0x0130u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"RX_FRAMES_LO", 0x0200u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"RX_FRAMES_HI", 0x0204u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
    {"RX_ERR_DROPS_LO", 0x0208u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"RX_ERR_DROPS_HI", 0x020Cu, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
    {"RX_RUNT_DROPS_LO", 0x0210u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"RX_RUNT_DROPS_HI", 0x0214u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
    {"RX_OVERSIZE_DROPS_LO", 0x0218u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"RX_OVERSIZE_DROPS_HI", 0x021Cu, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
    {"RX_UNMATCHED_DROPS_LO", 0x0220u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"RX_UNMATCHED_DROPS_HI", 0x0224u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
    {"RX_BUFFER_DROPS_LO", 0x0228u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"RX_BUFFER_DROPS_HI", 0x022Cu, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
    {"DMA_ERRORS_LO", 0x0230u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"DMA_ERRORS_HI", 0x0234u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
    {"QUEUE_ERRORS_LO", 0x0238u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"QUEUE_ERRORS_HI", 0x023Cu, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
    {"Q_RX_CTRL", 0x10000u, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000000u, 0x0000001Fu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_RX_BASE_LO", 0x10004u, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000000u, 0xFFFFFFF0u, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_RX_BASE_HI", 0x10008u, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_RX_SIZE", 0x1000Cu, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000008u, 0x0000000Fu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_RX_BUF", 0x10010u, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000800u, 0x0000FFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_RX_TAIL", 0x10014u, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000000u, 0x00000FFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_RX_HEAD", 0x10018u, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0x00000FFFu, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_RX_STATUS", 0x1001Cu, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0x0000007Fu, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_RX_CMD", 0x10020u, 0x40u, 1024u, "NumQueues", Access::W1P, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000001u, Kind::PLAIN},
    {"Q_INT_MASK", 0x10024u, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000000u, 0x00000007u, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_INT_CAUSE", 0x10028u, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0x00000007u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_INT_CLEAR", 0x1002Cu, 0x40u, 1024u, "NumQueues", Access::W1P, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000007u, Kind::PLAIN},
    {"Q_INT_ITR", 0x10030u, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000000u, 0x00FFFFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_TX_CTRL", 0x20000u, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000000u, 0x00000007u, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_TX_BASE_LO", 0x20004u, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000000u, 0xFFFFFFF0u, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_TX_BASE_HI", 0x20008u, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_TX_SIZE", 0x2000Cu, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000008u, 0x0000000Fu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_TX_TAIL", 0x20014u, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000000u, 0x00000FFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_TX_HEAD", 0x20018u, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0x00000FFFu, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_TX_STATUS", 0x2001Cu, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0x0000007Fu, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_TX_CMD", 0x20020u, 0x40u, 1024u, "NumQueues", Access::W1P, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000001u, Kind::PLAIN},
    {"Q_TX_PORT_VLAN", 0x20024u, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000000u, 0x0000FFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_TX_MAC_LO", 0x20028u, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_TX_MAC_HI", 0x2002Cu, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000000u, 0x0000FFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_TX_WEIGHT", 0x20030u, 0x40u, 1024u, "NumQueues", Access::RW, 0x00000018u, 0x0000FFFFu, 0x00000000u, 0x00000000u, 0x00000000u, Kind::PLAIN},
    {"Q_RX_PACKETS_LO", 0x30000u, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"Q_RX_PACKETS_HI", 0x30004u, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
    {"Q_RX_BYTES_LO", 0x30008u, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"Q_RX_BYTES_HI", 0x3000Cu, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
    {"Q_RX_NO_DESC_DROPS_LO", 0x30010u, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"Q_RX_NO_DESC_DROPS_HI", 0x30014u, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
    {"Q_TX_PACKETS_LO", 0x30018u, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"Q_TX_PACKETS_HI", 0x3001Cu, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
    {"Q_TX_BYTES_LO", 0x30020u, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"Q_TX_BYTES_HI", 0x30024u, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
    {"Q_TX_SPOOF_DROPS_LO", 0x30028u, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"Q_TX_SPOOF_DROPS_HI", 0x3002Cu, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
    {"Q_TX_OVERSIZE_DROPS_LO", 0x30030u, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_LO},
    {"Q_TX_OVERSIZE_DROPS_HI", 0x30034u, 0x40u, 1024u, "NumQueues", Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, Kind::COUNTER_HI},
};

// A 64-bit counter (kind = "counter64") as one value, given a 32-bit register
// read and the counter's _LO offset: HI, LO, HI; if the high half moved, LO
// again with the second HI (it cannot carry into bit 32 twice within two
// register reads). docs/registers.md, "Access rules".
template <class Read32>
uint64_t read_counter64(Read32&& read32, uint32_t lo) {
  const uint32_t hi = read32(lo + 4);
  uint32_t l = read32(lo);
  const uint32_t hi2 = read32(lo + 4);
  if (hi2 != hi) l = read32(lo);
  return uint64_t(l) | uint64_t(hi2) << 32;
}

// Per-queue counters held in RAM, by their id on the register block's counter
// read port (QCNT_<NAME> in the SV package): the _LO register of entry 0.
inline constexpr uint32_t QCNT_NUM = 7u;
inline constexpr uint32_t QCNT_LO_BASE[QCNT_NUM] = {Q_RX_PACKETS_LO_BASE, Q_RX_BYTES_LO_BASE, Q_RX_NO_DESC_DROPS_LO_BASE, Q_TX_PACKETS_LO_BASE, Q_TX_BYTES_LO_BASE, Q_TX_SPOOF_DROPS_LO_BASE, Q_TX_OVERSIZE_DROPS_LO_BASE};

// Descriptor formats in host memory (docs/registers.md, "Descriptor formats"):
// little-endian 64-bit words, word w at byte offset 8 * w. A field is bits
// [lsb + width - 1 : lsb] of word `word`; get()/put() act on that word.
namespace fmt {

struct Field {
  uint32_t word;   // 64-bit word index within the descriptor
  uint32_t lsb;    // lowest bit within the word
  uint32_t width;  // bits
  uint64_t mask;   // the field's bits within the word
};
constexpr uint64_t get(uint64_t word, Field f) { return (word & f.mask) >> f.lsb; }
constexpr uint64_t put(uint64_t word, Field f, uint64_t value) {
  return (word & ~f.mask) | ((value << f.lsb) & f.mask);
}

// RX_DESC: RX descriptor as the host posts it (read format).
inline constexpr uint32_t RX_DESC_BYTES = 16u;
inline constexpr Field RX_DESC_ADDR{0u, 0u, 64u, 0xFFFFFFFFFFFFFFFFull};
inline constexpr Field RX_DESC_ZERO{1u, 0u, 64u, 0xFFFFFFFFFFFFFFFFull};

// RX_WB: RX write-back: the core rewrites word 1 of a descriptor once its buffer is filled (word 0, the address, is left as posted).
inline constexpr uint32_t RX_WB_BYTES = 16u;
inline constexpr Field RX_WB_DD{1u, 0u, 1u, 0x0000000000000001ull};
inline constexpr Field RX_WB_EOP{1u, 1u, 1u, 0x0000000000000002ull};
inline constexpr Field RX_WB_VP{1u, 2u, 1u, 0x0000000000000004ull};
inline constexpr Field RX_WB_BCAST{1u, 3u, 1u, 0x0000000000000008ull};
inline constexpr Field RX_WB_MCAST{1u, 4u, 1u, 0x0000000000000010ull};
inline constexpr Field RX_WB_LEN{1u, 16u, 16u, 0x00000000FFFF0000ull};
inline constexpr Field RX_WB_TCI{1u, 32u, 16u, 0x0000FFFF00000000ull};
inline constexpr Field RX_WB_FRAME_LEN{1u, 48u, 16u, 0xFFFF000000000000ull};

// TX_DESC: TX descriptor as the host posts it.
inline constexpr uint32_t TX_DESC_BYTES = 16u;
inline constexpr Field TX_DESC_ADDR{0u, 0u, 64u, 0xFFFFFFFFFFFFFFFFull};
inline constexpr Field TX_DESC_ZERO{1u, 0u, 32u, 0x00000000FFFFFFFFull};
inline constexpr Field TX_DESC_LEN{1u, 32u, 16u, 0x0000FFFF00000000ull};
inline constexpr Field TX_DESC_EOP{1u, 48u, 1u, 0x0001000000000000ull};

// TX_WB: TX completion: the core rewrites word 1 of a frame's EOP descriptor once the frame is sent or dropped (EOP reads back 0); HEAD passes it when the write has had its response.
inline constexpr uint32_t TX_WB_BYTES = 16u;
inline constexpr Field TX_WB_DD{1u, 0u, 1u, 0x0000000000000001ull};
inline constexpr Field TX_WB_ERR{1u, 1u, 1u, 0x0000000000000002ull};
inline constexpr Field TX_WB_SPOOF{1u, 2u, 1u, 0x0000000000000004ull};
inline constexpr Field TX_WB_OVERSIZE{1u, 3u, 1u, 0x0000000000000008ull};
inline constexpr Field TX_WB_LEN{1u, 16u, 16u, 0x00000000FFFF0000ull};
inline constexpr Field TX_WB_HOST_LEN{1u, 32u, 16u, 0x0000FFFF00000000ull};

}  // namespace fmt

}  // namespace vmq::regs
