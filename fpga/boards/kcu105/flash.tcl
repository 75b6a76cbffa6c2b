# Write the bitstream into the dual quad-SPI flash (SPIx8) so the card
# configures at power-up (needed for the host to enumerate it at boot).
#   vivado -mode batch -source flash.tcl -tclargs <fpga.bit> <out_dir> [hw_server url] [cfgmem part]
# write_cfgmem -interface SPIx8 splits the image into a primary and a
# secondary MCS file (one per flash chip); both are programmed through the
# indirect programming core Vivado loads into the FPGA.
set board_dir [file dirname [file normalize [info script]]]
source [file join $board_dir config.tcl]

set bit     [lindex $argv 0]
set out_dir [lindex $argv 1]
set url     [expr {[llength $argv] > 2 ? [lindex $argv 2] : "localhost:3121"}]
set part    [expr {[llength $argv] > 3 && [lindex $argv 3] ne "" ? [lindex $argv 3] : $vmq(flash_part)}]
if {$bit eq "" || ![file exists $bit]} { error "flash.tcl: bitstream '$bit' not found (make bitstream first)" }

set mcs [file join $out_dir fpga.mcs]
write_cfgmem -force -format mcs -size $vmq(flash_size_mb) -interface SPIx8 \
  -loadbit "up 0x00000000 $bit" -file $mcs
set mcs_primary   [file join $out_dir fpga_primary.mcs]
set mcs_secondary [file join $out_dir fpga_secondary.mcs]

open_hw_manager
connect_hw_server -url $url
open_hw_target
set dev [lindex [get_hw_devices -filter {PART =~ xcku040*}] 0]
if {$dev eq ""} { error "flash.tcl: no xcku040 on the JTAG chain at $url" }
current_hw_device $dev
refresh_hw_device -update_hw_probes false $dev
set cfgmem_part [lindex [get_cfgmem_parts $part] 0]
if {$cfgmem_part eq ""} { error "flash.tcl: unknown cfgmem part '$part' (get_cfgmem_parts *25q*256* lists candidates)" }
create_hw_cfgmem -hw_device $dev $cfgmem_part
set mem [get_property PROGRAM.HW_CFGMEM $dev]
set_property PROGRAM.ADDRESS_RANGE  {use_file} $mem
set_property PROGRAM.FILES          [list $mcs_primary $mcs_secondary] $mem
set_property PROGRAM.PRM_FILES      {} $mem
set_property PROGRAM.UNUSED_PIN_TERMINATION {pull-none} $mem
set_property PROGRAM.BLANK_CHECK    0 $mem
set_property PROGRAM.ERASE          1 $mem
set_property PROGRAM.CFG_PROGRAM    1 $mem
set_property PROGRAM.VERIFY         1 $mem
set_property PROGRAM.CHECKSUM       0 $mem
# Load the indirect flash programming core, then write both chips.
create_hw_bitstream -hw_device $dev [get_property PROGRAM.HW_CFGMEM_BITFILE $dev]
program_hw_devices $dev
refresh_hw_device $dev
program_hw_cfgmem -hw_cfgmem $mem
puts "vmq: flash programmed ($cfgmem_part): $mcs_primary $mcs_secondary; power-cycle the host (or boot_hw_device) to load it"
close_hw_manager
