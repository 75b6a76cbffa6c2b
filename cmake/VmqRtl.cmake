# RTL file lists, packages first. One list per block; tests and tools use these.
set(_r ${CMAKE_SOURCE_DIR}/rtl)

set(VMQ_RTL_PKG
  ${_r}/pkg/vmq_reg_pkg.sv
  ${_r}/pkg/vmq_pkg.sv)

set(VMQ_RTL_CSR
  ${_r}/pkg/vmq_reg_pkg.sv
  ${_r}/prim/vmq_axil_reg_if.sv
  ${_r}/csr/vmq_csr.sv)

set(VMQ_RTL_SORTER
  ${VMQ_RTL_PKG}
  ${_r}/prim/vmq_sync_fifo.sv
  ${_r}/rx/vmq_l2_sorter.sv)

set(VMQ_RTL_PKTBUF
  ${VMQ_RTL_PKG}
  ${_r}/prim/vmq_sync_fifo.sv
  ${_r}/rx/vmq_rx_pktbuf.sv)

set(VMQ_RTL_RX_FRONT
  ${VMQ_RTL_PKG}
  ${_r}/prim/vmq_sync_fifo.sv
  ${_r}/prim/vmq_counters.sv
  ${_r}/rx/vmq_l2_sorter.sv
  ${_r}/rx/vmq_rx_pktbuf.sv
  ${_r}/rx/vmq_rx_front.sv)

set(VMQ_RTL_CORE
  ${VMQ_RTL_RX_FRONT}
  ${_r}/pkg/vmq_reg_pkg.sv
  ${_r}/prim/vmq_axil_reg_if.sv
  ${_r}/prim/vmq_irq.sv
  ${_r}/csr/vmq_csr.sv
  ${_r}/rx/vmq_rx_repl.sv
  ${_r}/rx/vmq_rx_qm.sv
  ${_r}/rx/vmq_rx_wr.sv
  ${_r}/prim/vmq_axi_addr_arb.sv
  ${_r}/prim/vmq_ram_fifo.sv
  ${_r}/rx/vmq_rx_lb_mux.sv
  ${_r}/tx/vmq_tx_ring.sv
  ${_r}/tx/vmq_tx_loop_cls.sv
  ${_r}/tx/vmq_tx_stage.sv
  ${_r}/tx/vmq_tx_out.sv
  ${_r}/top/vmq_core.sv)

# 10 GbE path (rtl/eth; docs/ethernet.md, eth-mac.md, eth-pcs.md).
set(VMQ_RTL_MAC
  ${_r}/pkg/vmq_eth_pkg.sv
  ${_r}/eth/vmq_crc32.sv
  ${_r}/eth/vmq_mac_tx.sv
  ${_r}/eth/vmq_mac_rx.sv
  ${_r}/eth/vmq_mac_10g.sv)

set(VMQ_RTL_PCS
  ${_r}/pkg/vmq_eth_pkg.sv
  ${_r}/eth/vmq_pcs_enc.sv
  ${_r}/eth/vmq_pcs_scrambler.sv
  ${_r}/eth/vmq_pcs_tx.sv
  ${_r}/eth/vmq_pcs_lock.sv
  ${_r}/eth/vmq_pcs_ber.sv
  ${_r}/eth/vmq_pcs_dec.sv
  ${_r}/eth/vmq_pcs_rx.sv
  ${_r}/eth/vmq_pcs_10gbaser.sv)

# Clock-domain crossing FIFOs and vmq_top (the core with its MAC clock
# domains, optionally the 10GBASE-R PCS + MAC path).
set(VMQ_RTL_ASYNC_FIFO
  ${_r}/prim/vmq_async_fifo.sv
  ${_r}/prim/vmq_axis_async_fifo.sv)

set(VMQ_RTL_TOP
  ${VMQ_RTL_CORE}
  ${VMQ_RTL_MAC}
  ${VMQ_RTL_PCS}
  ${VMQ_RTL_ASYNC_FIFO}
  ${_r}/top/vmq_top.sv)

# The PCIe-side blocks of the FPGA build: BAR0 AXI4 -> AXI4-Lite, MSI,
# snapshot crossing (docs/fpga.md "fpga_core").
set(VMQ_RTL_PCIE
  ${_r}/pcie/vmq_cdc_snapshot.sv
  ${_r}/pcie/vmq_axi_to_axil.sv
  ${_r}/pcie/vmq_msi.sv)

# The vendor-free core of the KCU105 build (vmq_top + BAR0 + MSI + board registers;
# vmq_board_reg_pkg is generated from fpga/boards/kcu105/board_regs.toml).
set(VMQ_RTL_FPGA_CORE
  ${VMQ_RTL_TOP}
  ${VMQ_RTL_PCIE}
  ${_r}/pkg/vmq_board_reg_pkg.sv
  ${CMAKE_SOURCE_DIR}/fpga/boards/kcu105/rtl/fpga_core.sv)
