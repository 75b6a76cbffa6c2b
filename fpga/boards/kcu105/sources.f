# RTL for the KCU105 build, paths relative to the repository root, compile
# order (packages first). Part 1 must equal VMQ_RTL_TOP of cmake/VmqRtl.cmake
# (same files, same order): scripts/fpga_check.py fails if they drift.
# Part 2 is the board: fpga_core's helpers and its board-register package
# (generated from board_regs.toml by scripts/reggen.py), fpga_core, the vendor top.
# --- part 1: VMQ_RTL_TOP
rtl/pkg/vmq_reg_pkg.sv
rtl/pkg/vmq_pkg.sv
rtl/prim/vmq_sync_fifo.sv
rtl/prim/vmq_counters.sv
rtl/rx/vmq_l2_sorter.sv
rtl/rx/vmq_rx_pktbuf.sv
rtl/rx/vmq_rx_front.sv
rtl/prim/vmq_axil_reg_if.sv
rtl/prim/vmq_irq.sv
rtl/csr/vmq_csr.sv
rtl/rx/vmq_rx_repl.sv
rtl/rx/vmq_rx_qm.sv
rtl/rx/vmq_rx_wr.sv
rtl/prim/vmq_axi_addr_arb.sv
rtl/prim/vmq_ram_fifo.sv
rtl/rx/vmq_rx_lb_mux.sv
rtl/tx/vmq_tx_ring.sv
rtl/tx/vmq_tx_loop_cls.sv
rtl/tx/vmq_tx_stage.sv
rtl/tx/vmq_tx_out.sv
rtl/top/vmq_core.sv
rtl/pkg/vmq_eth_pkg.sv
rtl/eth/vmq_crc32.sv
rtl/eth/vmq_mac_tx.sv
rtl/eth/vmq_mac_rx.sv
rtl/eth/vmq_mac_10g.sv
rtl/eth/vmq_pcs_enc.sv
rtl/eth/vmq_pcs_scrambler.sv
rtl/eth/vmq_pcs_tx.sv
rtl/eth/vmq_pcs_lock.sv
rtl/eth/vmq_pcs_ber.sv
rtl/eth/vmq_pcs_dec.sv
rtl/eth/vmq_pcs_rx.sv
rtl/eth/vmq_pcs_10gbaser.sv
rtl/prim/vmq_async_fifo.sv
rtl/prim/vmq_axis_async_fifo.sv
rtl/top/vmq_top.sv
# --- part 2: board (fpga_core and its helpers are written separately)
rtl/pcie/vmq_axi_to_axil.sv
rtl/pcie/vmq_msi.sv
rtl/pcie/vmq_cdc_snapshot.sv
rtl/pkg/vmq_board_reg_pkg.sv
fpga/boards/kcu105/rtl/fpga_core.sv
fpga/boards/kcu105/rtl/kcu105_rst_sync.sv
fpga/boards/kcu105/rtl/fpga.sv
