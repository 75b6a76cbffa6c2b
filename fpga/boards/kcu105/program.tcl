# Load a bitstream into the FPGA over JTAG (volatile; lost at power-off).
#   vivado -mode batch -source program.tcl -tclargs <fpga.bit> [hw_server url]
# After loading, the host must rescan the PCI bus (or reboot warm) to see the
# card: echo 1 > /sys/bus/pci/devices/<bdf>/remove; echo 1 > /sys/bus/pci/rescan.
set board_dir [file dirname [file normalize [info script]]]
source [file join $board_dir config.tcl]

set bit [lindex $argv 0]
set url [expr {[llength $argv] > 1 ? [lindex $argv 1] : "localhost:3121"}]
if {$bit eq "" || ![file exists $bit]} { error "program.tcl: bitstream '$bit' not found (make bitstream first)" }

open_hw_manager
connect_hw_server -url $url
open_hw_target
set dev [lindex [get_hw_devices -filter {PART =~ xcku040*}] 0]
if {$dev eq ""} { error "program.tcl: no xcku040 on the JTAG chain at $url" }
current_hw_device $dev
set_property PROGRAM.FILE $bit $dev
program_hw_devices $dev
refresh_hw_device $dev
puts "vmq: programmed $dev with $bit"
close_hw_manager
