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
