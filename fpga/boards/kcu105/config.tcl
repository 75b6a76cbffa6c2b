# KCU105 build parameters: the ONE place (docs/fpga-kcu105.md).
#
# build.tcl pushes these into both the HDL (synth_design -generic, see
# vmq_generics below) and the IP Tcl in ip/ (PCIe IDs, class code, BAR0,
# MSI vectors), so the two cannot disagree. scripts/fpga_check.py checks the
# PCI IDs and the BAR0 size against the driver (sw/include/vmq/pci.hpp).
# Plain Tcl only (set, expr, proc): the check evaluates this file in tclsh.

# --- device and board -------------------------------------------------------
set vmq(part)            xcku040-ffva1156-2-e
set vmq(top)             fpga
# cfgmem part of the dual quad-SPI flash (2 x 256 Mb, SPIx8). Older boards
# carry n25q256, newer ones MT25QU256 (verify on your board revision; see
# the docs' verify list). Override: make flash FLASH_PART=mt25qu256-spi-x1_x2_x4_x8
set vmq(flash_part)      n25q256-1.8v-spi-x1_x2_x4_x8
set vmq(flash_size_mb)   64

# --- core generics (fpga -> fpga_core -> vmq_top) ---------------------------
set vmq(NumQueues)       16
set vmq(NumFilters)      64
set vmq(MaxFrameBytes)   9216
set vmq(GtBitReverse)    1     ;# GTH numbers header/data bits opposite to IEEE (docs/eth-pcs.md)
set vmq(SlipWaitCycles)  32

# --- PCI identity (must equal sw/include/vmq/pci.hpp) -----------------------
set vmq(pci_vendor_id)     0x10ee   ;# kPciVendorId (Xilinx)
set vmq(pci_device_id)     0x9e51   ;# kPciDeviceId ("vmq", provisional)
set vmq(pci_subsys_vendor) 0x10ee
set vmq(pci_subsys_id)     0x9e51
set vmq(pci_revision_id)   0x00
set vmq(pci_class_base)    0x02     ;# network controller
set vmq(pci_class_sub)     0x00     ;# Ethernet controller
set vmq(pci_class_if)      0x00

# --- BAR0: the register window (docs/registers.md) --------------------------
set vmq(bar0_bytes)        0x100000 ;# kBar0Bytes, 1 MiB, 64-bit, non-prefetchable

# --- MSI: one vector per queue up to 32 (axi_pcie3: at most 32, a power of 2)
set vmq(msi_vectors)       16

# ---------------------------------------------------------------------------
# Derived values (do not edit below)
# ---------------------------------------------------------------------------
proc vmq_clog2 {n} {
  set r 0
  while {(1 << $r) < $n} { incr r }
  return $r
}
# BAR address bits seen by fpga_core (BarAddrW) and the AXI ID width of the
# core's DMA master (DmaIdW = $clog2(NumQueues) + 2, as fpga_core computes it).
set vmq(BarAddrW) [vmq_clog2 $vmq(bar0_bytes)]
set vmq(DmaIdW)   [expr {[vmq_clog2 $vmq(NumQueues)] + 2}]
set vmq(BarIdW)   4

# 4-digit upper-case hex without 0x, as the PCIe IP wants IDs ("10EE").
proc vmq_hex {v digits} { return [format "%0${digits}X" [expr {$v}]] }

# BAR size as the IP's scale + size pair (pf0_bar0_scale/pf0_bar0_size).
proc vmq_bar_scale_size {bytes} {
  if {$bytes >= (1 << 30)} { return [list Gigabytes [expr {$bytes >> 30}]] }
  if {$bytes >= (1 << 20)} { return [list Megabytes [expr {$bytes >> 20}]] }
  return [list Kilobytes [expr {$bytes >> 10}]]
}

# synth_design -generic arguments: the parameters of module fpga.
proc vmq_generics {} {
  global vmq
  set g {}
  foreach p {NumQueues NumFilters MaxFrameBytes GtBitReverse SlipWaitCycles BarAddrW} {
    lappend g -generic "$p=$vmq($p)"
  }
  return $g
}

# Sanity of the parameters themselves (the check and build.tcl both call it).
proc vmq_config_check {} {
  global vmq
  set b $vmq(bar0_bytes)
  if {$b < 4096 || ($b & ($b - 1)) != 0} { error "config.tcl: bar0_bytes $b is not a power of two >= 4 KiB" }
  set m $vmq(msi_vectors)
  if {$m < 1 || $m > 32 || ($m & ($m - 1)) != 0} { error "config.tcl: msi_vectors $m must be 1, 2, 4, 8, 16 or 32" }
  if {$vmq(DmaIdW) > 8} { error "config.tcl: DmaIdW $vmq(DmaIdW) too wide for the S_AXI ID of axi_pcie3" }
  return 1
}
vmq_config_check
