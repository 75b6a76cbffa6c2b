# AXI Clock Converter (xilinx.com:ip:axi_clock_converter, PG164 family),
# free with Vivado: BAR0 path, the bridge's M_AXI (axi_aclk, slave side of
# this converter) -> fpga_core's s_axi_* (core clock, master side).
# 256-bit AXI4, BarAddrW address bits (pciebar2axibar_0 = 0: BAR offsets),
# BarIdW ID bits. Asynchronous clocks. Property names: verify list.
# Needs: vmq(), ip_dir, vmq_ip_config.

create_ip -name axi_clock_converter -vendor xilinx.com -library ip \
  -module_name axi_cc_bar -dir $ip_dir

vmq_ip_config axi_cc_bar [list \
  CONFIG.PROTOCOL    {AXI4} \
  CONFIG.DATA_WIDTH  {256} \
  CONFIG.ADDR_WIDTH  $vmq(BarAddrW) \
  CONFIG.ID_WIDTH    $vmq(BarIdW) \
  CONFIG.ACLK_ASYNC  {1} \
]
