# AXI Bridge for PCI Express Gen3 (xilinx.com:ip:axi_pcie3:3.0, PG194), free
# with Vivado. Gen3 x8, 256-bit AXI at 250 MHz, BAR0 = the vmq register
# window, one AXI BAR for the core's DMA, MSI. IDs, BAR0 size and the MSI
# vector count come from config.tcl (array vmq). Property names: the facts
# sheet lists the ones seen in public scripts; every other one is in the
# verify list of docs/fpga-kcu105.md.
# Needs: vmq(), ip_dir (output directory), vmq_ip_config (tcl/util.tcl).

create_ip -name axi_pcie3 -vendor xilinx.com -library ip -version 3.0 \
  -module_name axi_pcie3_0 -dir $ip_dir

lassign [vmq_bar_scale_size $vmq(bar0_bytes)] bar0_scale bar0_size

vmq_ip_config axi_pcie3_0 [list \
  CONFIG.device_port_type          {PCI_Express_Endpoint_device} \
  CONFIG.pcie_blk_locn             {X0Y0} \
  CONFIG.select_quad               {GTH_Quad_225} \
  CONFIG.plltype                   {QPLL1} \
  CONFIG.pl_link_cap_max_link_width {X8} \
  CONFIG.pl_link_cap_max_link_speed {8.0_GT/s} \
  CONFIG.ref_clk_freq              {100_MHz} \
  CONFIG.axi_data_width            {256_bit} \
  CONFIG.axisten_freq              {250} \
  CONFIG.axi_addr_width            {64} \
  CONFIG.vendor_id                 [vmq_hex $vmq(pci_vendor_id) 4] \
  CONFIG.pf0_device_id             [vmq_hex $vmq(pci_device_id) 4] \
  CONFIG.pf0_subsystem_vendor_id   [vmq_hex $vmq(pci_subsys_vendor) 4] \
  CONFIG.pf0_subsystem_id          [vmq_hex $vmq(pci_subsys_id) 4] \
  CONFIG.pf0_revision_id           [vmq_hex $vmq(pci_revision_id) 2] \
  CONFIG.pf0_class_code_base       [vmq_hex $vmq(pci_class_base) 2] \
  CONFIG.pf0_class_code_sub        [vmq_hex $vmq(pci_class_sub) 2] \
  CONFIG.pf0_class_code_interface  [vmq_hex $vmq(pci_class_if) 2] \
  CONFIG.pf0_bar0_64bit            {true} \
  CONFIG.pf0_bar0_scale            $bar0_scale \
  CONFIG.pf0_bar0_size             $bar0_size \
  CONFIG.pciebar2axibar_0          {0x0000000000000000} \
  CONFIG.axibar_num                {1} \
  CONFIG.axibar_0                  {0x0000000000000000} \
  CONFIG.axibar_highaddr_0         {0xFFFFFFFFFFFFFFFF} \
  CONFIG.axibar2pciebar_0          {0x0000000000000000} \
  CONFIG.s_axi_id_width            $vmq(DmaIdW) \
  CONFIG.pf0_msi_enabled           {true} \
  CONFIG.pf0_msi_cap_multimsgcap   "$vmq(msi_vectors)_vectors" \
]
# BAR0 hits arrive on M_AXI at 0x0 + offset (pciebar2axibar_0 = 0): fpga.sv
# hands the low BarAddrW bits to fpga_core.
# DMA: the AXI BAR spans the whole 64-bit AXI space and translates 1:1
# (axibar2pciebar_0 = 0), so the core's DMA addresses are host bus
# addresses. If the IP refuses a 2^64 aperture, use axibar_highaddr_0
# 0x0000FFFFFFFFFFFF (48 bits: every x86-64 physical address and the IOVAs
# the driver hands out) -- see the docs' verify list.
