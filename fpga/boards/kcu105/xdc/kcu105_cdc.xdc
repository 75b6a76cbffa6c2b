# Clock-domain crossings of vmq on the KCU105 (docs/vmq-top.md, "What to
# constrain on an FPGA"; docs/fpga-kcu105.md). Tcl, sourced by build.tcl
# after synth_design (it walks the synthesized hierarchy, so it cannot be a
# managed XDC read before synthesis). Cell names are as Vivado derives them
# from the RTL (x_q -> x_q_reg); check after the first synthesis that every
# query below finds cells (the script prints its counts and fails on none).
#
# 1. vmq_async_fifo: Gray pointers and the reset handshake -> first
#    synchroniser stage: set_max_delay -datapath_only of the faster clock's
#    period, set_bus_skew of one destination period on the Gray buses.
# 2. vmq_axis_async_fifo (TX, store and forward): the frame counter.
# 3. kcu105_rst_sync: asynchronous assert -> false path into the CLR/PRE of
#    its stages (the release is synchronous through the chain).
# 4. Any other ASYNC_REG first stage (*_sync_q_reg[0]*) below u_core, not
#    in a FIFO (fpga_core's single-bit level synchronisers): false path.

# clock period (ns) of the flop $cell
proc vmq_period {cell} {
  set c [get_cells $cell]
  if {[llength $c] == 0} { error "kcu105_cdc.xdc: no cell $cell" }
  return [get_property PERIOD [get_clocks -of_objects [get_pins -of_objects $c -filter {REF_PIN_NAME == C}]]]
}
# constrain one crossing: source flops -> first synchroniser stage
proc vmq_cdc {srcs dsts maxdelay skew} {
  set s [get_cells $srcs]
  set d [get_cells $dsts]
  if {[llength $s] == 0 || [llength $d] == 0} { error "kcu105_cdc.xdc: no cells for $srcs -> $dsts" }
  set_max_delay -datapath_only -from $s -to $d $maxdelay
  if {$skew > 0} { set_bus_skew -from $s -to $d $skew }
}

set vmq_n_fifo 0
foreach f [get_cells -hier -filter {ORIG_REF_NAME == vmq_async_fifo || REF_NAME == vmq_async_fifo}] {
  set wp [vmq_period "$f/wr_bin_q_reg\[0\]"]
  set rp [vmq_period "$f/rd_bin_q_reg\[0\]"]
  set p  [expr {min($wp, $rp)}]
  vmq_cdc "$f/wr_gray_q_reg\[*\]"      "$f/wr_gray_sync_q_reg\[0\]\[*\]" $p $rp
  vmq_cdc "$f/rd_gray_q_reg\[*\]"      "$f/rd_gray_sync_q_reg\[0\]\[*\]" $p $wp
  vmq_cdc "$f/wr_rreq_q_reg"           "$f/wr_rreq_sync_q_reg\[0\]"      $p 0
  vmq_cdc "$f/rd_rreq_q_reg"           "$f/rd_rreq_sync_q_reg\[0\]"      $p 0
  vmq_cdc "$f/wr_rreq_sync_q_reg\[*\]" "$f/rd_rack_sync_q_reg\[0\]"      $p 0
  vmq_cdc "$f/rd_rreq_sync_q_reg\[*\]" "$f/wr_rack_sync_q_reg\[0\]"      $p 0
  # LUT-RAM storage only (block RAM has both clocks on its ports): the word
  # is read SyncStages read edges after it was written.
  set lut_mem [get_cells -quiet -filter {PRIMITIVE_GROUP == DMEM} "$f/mem_reg*"]
  if {[llength $lut_mem] > 0} {
    set_max_delay -datapath_only -from $lut_mem -to [get_cells "$f/rd_data_q_reg\[*\]"] $rp
  }
  incr vmq_n_fifo
}

set vmq_n_saf 0
foreach f [get_cells -hier -filter {ORIG_REF_NAME == vmq_axis_async_fifo || REF_NAME == vmq_axis_async_fifo}] {
  set d [get_cells -quiet "$f/gen_saf.frames_gray_sync_q_reg\[0\]\[*\]"]
  if {[llength $d] == 0} continue
  set wp [vmq_period "$f/frames_gray_q_reg\[0\]"]
  set rp [vmq_period "$f/gen_saf.done_q_reg\[0\]"]
  vmq_cdc "$f/frames_gray_q_reg\[*\]" $d [expr {min($wp, $rp)}] $rp
  incr vmq_n_saf
}

# vmq_cdc_snapshot (fpga_core's status/counter bundles): req/ack toggles ->
# first stage, and the hold register -> the destination copy dst_q, which is
# taken SyncStages destination edges after the hold register settled.
set vmq_n_snap 0
foreach f [get_cells -hier -filter {ORIG_REF_NAME == vmq_cdc_snapshot || REF_NAME == vmq_cdc_snapshot}] {
  set sp [vmq_period "$f/ack_q_reg"]
  set dp [vmq_period "$f/req_q_reg"]
  set p  [expr {min($sp, $dp)}]
  vmq_cdc "$f/req_q_reg"      "$f/req_sync_q_reg\[0\]" $p 0
  vmq_cdc "$f/ack_q_reg"      "$f/ack_sync_q_reg\[0\]" $p 0
  vmq_cdc "$f/hold_q_reg\[*\]" "$f/dst_q_reg\[*\]"     $dp 0
  incr vmq_n_snap
}

# reset synchronisers: the asynchronous assert path
set vmq_rst_syncs [get_cells -hier -filter {ORIG_REF_NAME == kcu105_rst_sync || REF_NAME == kcu105_rst_sync}]
foreach r $vmq_rst_syncs {
  set_false_path -to [get_pins -of_objects [get_cells "$r/rst_sync_q_reg\[*\]"] -filter {REF_PIN_NAME == PRE || REF_PIN_NAME == CLR}]
}

# fpga_core's own level synchronisers (everything ASYNC_REG named *_sync_q
# below u_core that is not inside a vmq FIFO): single-bit levels, false path
# into the first stage.
set vmq_fifo_cells [concat \
  [get_cells -hier -filter {ORIG_REF_NAME == vmq_async_fifo || REF_NAME == vmq_async_fifo}] \
  [get_cells -hier -filter {ORIG_REF_NAME == vmq_axis_async_fifo || REF_NAME == vmq_axis_async_fifo}]]
set vmq_n_other 0
foreach c [get_cells -hier -filter {ASYNC_REG == TRUE && NAME =~ u_core/*_sync_q_reg[0]*}] {
  set inside 0
  foreach f $vmq_fifo_cells { if {[string first "$f/" $c] == 0} { set inside 1; break } }
  foreach f [get_cells -hier -filter {ORIG_REF_NAME == vmq_cdc_snapshot || REF_NAME == vmq_cdc_snapshot}] {
    if {[string first "$f/" $c] == 0} { set inside 1; break }
  }
  if {$inside} continue
  set_false_path -to $c
  incr vmq_n_other
}

puts "kcu105_cdc.xdc: $vmq_n_fifo vmq_async_fifo, $vmq_n_snap vmq_cdc_snapshot, $vmq_n_saf store-and-forward frame counters, [llength $vmq_rst_syncs] reset synchronisers, $vmq_n_other other synchroniser stages constrained"
if {$vmq_n_fifo < 2} { error "kcu105_cdc.xdc: expected at least the 2 MAC FIFOs of vmq_top, found $vmq_n_fifo" }
if {$vmq_n_saf < 1} { error "kcu105_cdc.xdc: no store-and-forward frame counter found (TX FIFO)" }
