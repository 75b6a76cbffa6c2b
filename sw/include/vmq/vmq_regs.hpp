// Generated from rtl/csr/vmq_regs.toml by scripts/reggen.py -- DO NOT EDIT.
// Regenerate: python3 scripts/reggen.py   (CI: python3 scripts/reggen.py --check)
//
// vmq register map for the host driver and the tests: byte offsets within
// BAR0, field shifts/masks/widths, enum values, reset values and identification
// constants. Reference: docs/registers.md. Dependencies: <cstdint> only.
#pragma once

#include <cstdint>

namespace vmq::regs {

inline constexpr uint32_t ADDR_SPACE_BYTES = 0x10000u;
inline constexpr uint32_t UNMAPPED_READ = 0xFFFFFFFFu;
inline constexpr uint32_t MAGIC = 0x564D5143u;
inline constexpr uint32_t VERSION_PATCH = 0x0u;
inline constexpr uint32_t VERSION_MINOR = 0x1u;
inline constexpr uint32_t VERSION_MAJOR = 0x0u;

// ID_MAGIC (ro): Identification magic.
inline constexpr uint32_t ID_MAGIC = 0x0000u;
inline constexpr uint32_t ID_MAGIC_RESET = 0x564D5143u;
inline constexpr uint32_t ID_MAGIC_MAGIC_SHIFT = 0u;
inline constexpr uint32_t ID_MAGIC_MAGIC_WIDTH = 32u;
inline constexpr uint32_t ID_MAGIC_MAGIC_MASK = 0xFFFFFFFFu;

// ID_VERSION (ro): Register-map version.
inline constexpr uint32_t ID_VERSION = 0x0004u;
inline constexpr uint32_t ID_VERSION_RESET = 0x00010000u;
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

// RESET (w1p): Global soft reset.
inline constexpr uint32_t RESET = 0x0030u;
inline constexpr uint32_t RESET_RESET = 0x00000000u;
inline constexpr uint32_t RESET_SOFT_SHIFT = 0u;
inline constexpr uint32_t RESET_SOFT_WIDTH = 1u;
inline constexpr uint32_t RESET_SOFT_MASK = 0x00000001u;

// CTRL (rw): Global receive/transmit control.
inline constexpr uint32_t CTRL = 0x0040u;
inline constexpr uint32_t CTRL_RESET = 0x00000002u;
inline constexpr uint32_t CTRL_DEFAULT_QUEUE_EN_SHIFT = 1u;
inline constexpr uint32_t CTRL_DEFAULT_QUEUE_EN_WIDTH = 1u;
inline constexpr uint32_t CTRL_DEFAULT_QUEUE_EN_MASK = 0x00000002u;
inline constexpr uint32_t CTRL_LOOPBACK_EN_SHIFT = 2u;
inline constexpr uint32_t CTRL_LOOPBACK_EN_WIDTH = 1u;
inline constexpr uint32_t CTRL_LOOPBACK_EN_MASK = 0x00000004u;

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

// Q_RX_CTRL (rw): Receive control of queue q.
inline constexpr uint32_t Q_RX_CTRL_BASE = 0x1000u;
inline constexpr uint32_t Q_RX_CTRL_STRIDE = 0x40u;
inline constexpr uint32_t Q_RX_CTRL_MAX_COUNT = 64u;  // entries: ID_NUM_QUEUES (the NumQueues parameter)
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

// Table of every register, for generic code (register dumps, tests).
enum class Access : uint8_t { RW, RO, W1P };
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
};
inline constexpr RegInfo REG_TABLE[] = {
    {"ID_MAGIC", 0x0000u, 0x0u, 1u, nullptr, Access::RO, 0x564D5143u, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u},
    {"ID_VERSION", 0x0004u, 0x0u, 1u, nullptr, Access::RO, 0x00010000u, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u},
    {"ID_NUM_QUEUES", 0x0008u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000000u, 0x0000FFFFu, 0x00000000u},
    {"ID_NUM_FILTERS", 0x000Cu, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000000u, 0x0000FFFFu, 0x00000000u},
    {"ID_DATA_W", 0x0010u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000000u, 0x0000FFFFu, 0x00000000u},
    {"ID_AXI_DATA_W", 0x0014u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000000u, 0x0000FFFFu, 0x00000000u},
    {"ID_MAX_FRAME_BYTES", 0x0018u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000000u, 0x0000FFFFu, 0x00000000u},
    {"ID_PKTBUF_BYTES", 0x001Cu, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u},
    {"SCRATCH", 0x0020u, 0x0u, 1u, nullptr, Access::RW, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, 0x00000000u},
    {"RESET", 0x0030u, 0x0u, 1u, nullptr, Access::W1P, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000001u},
    {"CTRL", 0x0040u, 0x0u, 1u, nullptr, Access::RW, 0x00000002u, 0x00000006u, 0x00000000u, 0x00000000u, 0x00000000u},
    {"RX_TPID", 0x0044u, 0x0u, 1u, nullptr, Access::RW, 0x00008100u, 0x0000FFFFu, 0x00000000u, 0x00000000u, 0x00000000u},
    {"RX_MIN_FRAME", 0x0048u, 0x0u, 1u, nullptr, Access::RW, 0x0000003Cu, 0x0000FFFFu, 0x00000000u, 0x00000000u, 0x00000000u},
    {"RX_MAX_FRAME", 0x004Cu, 0x0u, 1u, nullptr, Access::RW, 0x000005EEu, 0x0000FFFFu, 0x00000000u, 0x00000000u, 0x00000000u},
    {"CSR_UNMAPPED_LO", 0x0080u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"CSR_UNMAPPED_HI", 0x0084u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"FILT_IDX", 0x0100u, 0x0u, 1u, nullptr, Access::RW, 0x00000000u, 0x0000FFFFu, 0x00000000u, 0x00000000u, 0x00000000u},
    {"FILT_CFG", 0x0104u, 0x0u, 1u, nullptr, Access::RW, 0x00000000u, 0x0FFF0007u, 0x00000000u, 0x00000000u, 0x00000000u},
    {"FILT_MAC_LO", 0x0108u, 0x0u, 1u, nullptr, Access::RW, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, 0x00000000u},
    {"FILT_MAC_HI", 0x010Cu, 0x0u, 1u, nullptr, Access::RW, 0x00000000u, 0x0000FFFFu, 0x00000000u, 0x00000000u, 0x00000000u},
    {"FILT_QMASK_LO", 0x0110u, 0x0u, 1u, nullptr, Access::RW, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, 0x00000000u},
    {"FILT_QMASK_HI", 0x0114u, 0x0u, 1u, nullptr, Access::RW, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u, 0x00000000u},
    {"FILT_CMD", 0x0118u, 0x0u, 1u, nullptr, Access::W1P, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000001u},
    {"FILT_RD_CFG", 0x0120u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x0FFF0007u, 0x00000000u, 0x00000000u},
    {"FILT_RD_MAC_LO", 0x0124u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"FILT_RD_MAC_HI", 0x0128u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0x0000FFFFu, 0x00000000u, 0x00000000u},
    {"FILT_RD_QMASK_LO", 0x012Cu, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"FILT_RD_QMASK_HI", 0x0130u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"RX_FRAMES_LO", 0x0200u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"RX_FRAMES_HI", 0x0204u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"RX_ERR_DROPS_LO", 0x0208u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"RX_ERR_DROPS_HI", 0x020Cu, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"RX_RUNT_DROPS_LO", 0x0210u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"RX_RUNT_DROPS_HI", 0x0214u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"RX_OVERSIZE_DROPS_LO", 0x0218u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"RX_OVERSIZE_DROPS_HI", 0x021Cu, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"RX_UNMATCHED_DROPS_LO", 0x0220u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"RX_UNMATCHED_DROPS_HI", 0x0224u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"RX_BUFFER_DROPS_LO", 0x0228u, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"RX_BUFFER_DROPS_HI", 0x022Cu, 0x0u, 1u, nullptr, Access::RO, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0x00000000u, 0x00000000u},
    {"Q_RX_CTRL", 0x1000u, 0x40u, 64u, "NumQueues", Access::RW, 0x00000000u, 0x0000001Fu, 0x00000000u, 0x00000000u, 0x00000000u},
};

}  // namespace vmq::regs
