# AXI Clock Converter (xilinx.com:ip:axi_clock_converter, PG164 family),
# free with Vivado: DMA path, fpga_core's m_axi_* (core clock, slave side of
# this converter) -> the bridge's S_AXI (axi_aclk, master side).
# 256-bit AXI4, 64-bit host addresses, DmaIdW ID bits. Asynchronous clocks.
# Property names: verify list.
# Needs: vmq(), ip_dir, vmq_ip_config.

create_ip -name axi_clock_converter -vendor xilinx.com -library ip \
  -module_name axi_cc_dma -dir $ip_dir

vmq_ip_config axi_cc_dma [list \
  CONFIG.PROTOCOL    {AXI4} \
  CONFIG.DATA_WIDTH  {256} \
  CONFIG.ADDR_WIDTH  {64} \
  CONFIG.ID_WIDTH    $vmq(DmaIdW) \
  CONFIG.ACLK_ASYNC  {1} \
]
