# KCU105 bitstream, Vivado non-project batch flow (docs/fpga-kcu105.md).
#   vivado -mode batch -source build.tcl -tclargs <out_dir>
# (the Makefile's `bitstream` target). Steps: parameters (config.tcl) ->
# in-memory project for the part -> RTL from sources.f, XDC -> IP from
# ip/*.tcl (create_ip -dir, generate_target, synth_ip) -> synth_design with
# the generics from config.tcl -> CDC constraints (xdc/kcu105_cdc.xdc, on
# the synthesized netlist) -> opt/place/phys_opt/route -> reports ->
# write_bitstream. Checkpoints after synthesis and routing.

set board_dir [file dirname [file normalize [info script]]]
set repo_dir  [file normalize [file join $board_dir .. .. ..]]
set out_dir   [file normalize [expr {[llength $argv] > 0 ? [lindex $argv 0] : [file join $board_dir out]}]]
set ip_dir    [file join $out_dir ip]
set rpt_dir   [file join $out_dir reports]
file mkdir $out_dir $ip_dir $rpt_dir

source [file join $board_dir config.tcl]
source [file join $board_dir tcl util.tcl]

# --- project --------------------------------------------------------------
create_project -in_memory -part $vmq(part)
set_part $vmq(part)
set_property target_language Verilog [current_project]

# --- RTL: sources.f, one path per line relative to the repository root -----
proc vmq_read_filelist {path} {
  set fh [open $path r]
  set files {}
  foreach line [split [read $fh] "\n"] {
    set line [string trim $line]
    if {$line eq "" || [string index $line 0] eq "#"} continue
    lappend files $line
  }
  close $fh
  return $files
}
foreach f [vmq_read_filelist [file join $board_dir sources.f]] {
  read_verilog -sv [file join $repo_dir $f]
}

# --- constraints: pins, clocks, configuration, IO timing -------------------
read_xdc [file join $board_dir xdc kcu105.xdc]

# --- IP: one Tcl per IP, generated and synthesized out of context ----------
set vmq_ips {
  clk_wiz_core            clk_wiz_core.tcl
  axi_pcie3_0             axi_pcie3.tcl
  gtwizard_10gbaser       gtwizard_10gbaser.tcl
  axi_cc_bar              axi_clock_converter_bar.tcl
  axi_cc_dma              axi_clock_converter_dma.tcl
}
foreach {ip script} $vmq_ips {
  source [file join $board_dir ip $script]
  set xci [get_files [file join $ip_dir $ip $ip.xci]]
  generate_target {instantiation_template synthesis implementation} $xci
  synth_ip $xci
}

# --- synthesis ------------------------------------------------------------
synth_design -top $vmq(top) -part $vmq(part) {*}[vmq_generics]
# Clock-domain crossings of the vmq FIFOs and the board's synchronisers:
# Tcl loops over the synthesized hierarchy, so applied here (not as a
# managed XDC before synthesis).
source [file join $board_dir xdc kcu105_cdc.xdc]
write_checkpoint -force [file join $out_dir post_synth.dcp]
report_utilization -file [file join $rpt_dir post_synth_util.rpt]
report_cdc -details -file [file join $rpt_dir post_synth_cdc.rpt]

# --- implementation -------------------------------------------------------
opt_design
place_design
phys_opt_design
route_design
write_checkpoint -force [file join $out_dir post_route.dcp]

report_timing_summary -max_paths 20 -report_unconstrained -file [file join $rpt_dir timing_summary.rpt]
report_utilization -hierarchical -file [file join $rpt_dir utilization.rpt]
report_clock_interaction -file [file join $rpt_dir clock_interaction.rpt]
report_cdc -details -file [file join $rpt_dir cdc.rpt]
report_methodology -file [file join $rpt_dir methodology.rpt]
report_drc -file [file join $rpt_dir drc.rpt]

# A bitstream that fails timing is not written: the card would misbehave.
set wns [get_property SLACK [get_timing_paths -max_paths 1 -nworst 1 -setup]]
set whs [get_property SLACK [get_timing_paths -max_paths 1 -nworst 1 -hold]]
if {$wns ne "" && ($wns < 0 || $whs < 0)} {
  error "timing not met: WNS $wns ns, WHS $whs ns (see [file join $rpt_dir timing_summary.rpt])"
}

write_bitstream -force [file join $out_dir fpga.bit]
puts "vmq: wrote [file join $out_dir fpga.bit]"
