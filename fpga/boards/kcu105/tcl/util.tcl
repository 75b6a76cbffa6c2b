# Helpers shared by the IP Tcl in ip/ (sourced by build.tcl before them).

# Set CONFIG.* properties of an IP, failing with a message that names any
# property the IP does not have (the names marked "verify" in
# docs/fpga-kcu105.md are the likely ones). Under the check's dry run
# (::vmq_dry_run) the existence test is skipped and only set_property runs.
proc vmq_ip_config {ip_name props} {
  set ip [get_ips $ip_name]
  if {![info exists ::vmq_dry_run]} {
    set have [list_property $ip]
    set missing {}
    foreach {k v} $props {
      if {[lsearch -exact -nocase $have $k] < 0} { lappend missing $k }
    }
    if {[llength $missing] > 0} {
      error "IP $ip_name has no property [join $missing {, }] (see the verify list in docs/fpga-kcu105.md; list_property \[get_ips $ip_name\] CONFIG.* shows the real names)"
    }
  }
  set_property -dict $props $ip
}
