# KCU105 board constraints for vmq (docs/fpga-kcu105.md): pins, IO
# standards, clocks, configuration. Pins and standards are those of
# /work/shared/FPGA_FACTS.md; scripts/fpga_check.py compares every
# PACKAGE_PIN here with that table. Plain XDC (no Tcl loops): the
# clock-domain crossings, which loop over the synthesized hierarchy, are in
# kcu105_cdc.xdc (build.tcl sources it after synth_design).

# --- configuration: dual quad-SPI (SPIx8), 1.8 V config bank ----------------
set_property CFGBVS GND [current_design]
set_property CONFIG_VOLTAGE 1.8 [current_design]
set_property CONFIG_MODE SPIx8 [current_design]
set_property BITSTREAM.CONFIG.SPI_BUSWIDTH 8 [current_design]
set_property BITSTREAM.CONFIG.SPI_32BIT_ADDR YES [current_design]
set_property BITSTREAM.CONFIG.SPI_FALL_EDGE YES [current_design]
set_property BITSTREAM.CONFIG.CONFIGRATE 50.0 [current_design]
set_property BITSTREAM.GENERAL.COMPRESS TRUE [current_design]
set_property BITSTREAM.CONFIG.UNUSEDPIN PULLNONE [current_design]

# --- 125 MHz system clock (LVDS) -> clk_wiz_core ----------------------------
set_property -dict {PACKAGE_PIN G10 IOSTANDARD LVDS} [get_ports sysclk_p_i]
set_property -dict {PACKAGE_PIN F10 IOSTANDARD LVDS} [get_ports sysclk_n_i]
create_clock -period 8.000 -name sysclk [get_ports sysclk_p_i]

# --- CPU_RESET button (active high) -----------------------------------------
set_property -dict {PACKAGE_PIN AN8 IOSTANDARD LVCMOS18} [get_ports cpu_reset_i]
set_false_path -from [get_ports cpu_reset_i]

# --- LEDs 0..7 --------------------------------------------------------------
set_property -dict {PACKAGE_PIN AP8 IOSTANDARD LVCMOS18 SLEW SLOW DRIVE 8} [get_ports {led_o[0]}]
set_property -dict {PACKAGE_PIN H23 IOSTANDARD LVCMOS18 SLEW SLOW DRIVE 8} [get_ports {led_o[1]}]
set_property -dict {PACKAGE_PIN P20 IOSTANDARD LVCMOS18 SLEW SLOW DRIVE 8} [get_ports {led_o[2]}]
set_property -dict {PACKAGE_PIN P21 IOSTANDARD LVCMOS18 SLEW SLOW DRIVE 8} [get_ports {led_o[3]}]
set_property -dict {PACKAGE_PIN N22 IOSTANDARD LVCMOS18 SLEW SLOW DRIVE 8} [get_ports {led_o[4]}]
set_property -dict {PACKAGE_PIN M22 IOSTANDARD LVCMOS18 SLEW SLOW DRIVE 8} [get_ports {led_o[5]}]
set_property -dict {PACKAGE_PIN R23 IOSTANDARD LVCMOS18 SLEW SLOW DRIVE 8} [get_ports {led_o[6]}]
set_property -dict {PACKAGE_PIN P23 IOSTANDARD LVCMOS18 SLEW SLOW DRIVE 8} [get_ports {led_o[7]}]
set_false_path -to [get_ports {led_o[*]}]
set_output_delay 0 [get_ports {led_o[*]}]

# --- PCIe edge: refclk 100 MHz (MGTREFCLK0_225), PERST#, lanes --------------
set_property PACKAGE_PIN AB6 [get_ports pcie_refclk_p_i]
set_property PACKAGE_PIN AB5 [get_ports pcie_refclk_n_i]
create_clock -period 10.000 -name pcie_refclk [get_ports pcie_refclk_p_i]

set_property -dict {PACKAGE_PIN K22 IOSTANDARD LVCMOS18 PULLUP true} [get_ports pcie_perst_n_i]
set_false_path -from [get_ports pcie_perst_n_i]

# Lane pins (GT serial pins: no IOSTANDARD). The IP also places its GT
# channels (pcie_blk_locn X0Y0, select_quad GTH_Quad_225): these must agree.
set_property PACKAGE_PIN AB2 [get_ports {pcie_rx_p_i[0]}]
set_property PACKAGE_PIN AB1 [get_ports {pcie_rx_n_i[0]}]
set_property PACKAGE_PIN AD2 [get_ports {pcie_rx_p_i[1]}]
set_property PACKAGE_PIN AD1 [get_ports {pcie_rx_n_i[1]}]
set_property PACKAGE_PIN AF2 [get_ports {pcie_rx_p_i[2]}]
set_property PACKAGE_PIN AF1 [get_ports {pcie_rx_n_i[2]}]
set_property PACKAGE_PIN AH2 [get_ports {pcie_rx_p_i[3]}]
set_property PACKAGE_PIN AH1 [get_ports {pcie_rx_n_i[3]}]
set_property PACKAGE_PIN AJ4 [get_ports {pcie_rx_p_i[4]}]
set_property PACKAGE_PIN AJ3 [get_ports {pcie_rx_n_i[4]}]
set_property PACKAGE_PIN AK2 [get_ports {pcie_rx_p_i[5]}]
set_property PACKAGE_PIN AK1 [get_ports {pcie_rx_n_i[5]}]
set_property PACKAGE_PIN AM2 [get_ports {pcie_rx_p_i[6]}]
set_property PACKAGE_PIN AM1 [get_ports {pcie_rx_n_i[6]}]
set_property PACKAGE_PIN AP2 [get_ports {pcie_rx_p_i[7]}]
set_property PACKAGE_PIN AP1 [get_ports {pcie_rx_n_i[7]}]
set_property PACKAGE_PIN AC4 [get_ports {pcie_tx_p_o[0]}]
set_property PACKAGE_PIN AC3 [get_ports {pcie_tx_n_o[0]}]
set_property PACKAGE_PIN AE4 [get_ports {pcie_tx_p_o[1]}]
set_property PACKAGE_PIN AE3 [get_ports {pcie_tx_n_o[1]}]
set_property PACKAGE_PIN AG4 [get_ports {pcie_tx_p_o[2]}]
set_property PACKAGE_PIN AG3 [get_ports {pcie_tx_n_o[2]}]
set_property PACKAGE_PIN AH6 [get_ports {pcie_tx_p_o[3]}]
set_property PACKAGE_PIN AH5 [get_ports {pcie_tx_n_o[3]}]
set_property PACKAGE_PIN AK6 [get_ports {pcie_tx_p_o[4]}]
set_property PACKAGE_PIN AK5 [get_ports {pcie_tx_n_o[4]}]
set_property PACKAGE_PIN AL4 [get_ports {pcie_tx_p_o[5]}]
set_property PACKAGE_PIN AL3 [get_ports {pcie_tx_n_o[5]}]
set_property PACKAGE_PIN AM6 [get_ports {pcie_tx_p_o[6]}]
set_property PACKAGE_PIN AM5 [get_ports {pcie_tx_n_o[6]}]
set_property PACKAGE_PIN AN4 [get_ports {pcie_tx_p_o[7]}]
set_property PACKAGE_PIN AN3 [get_ports {pcie_tx_n_o[7]}]

# --- SFP+ cage 0: refclk 156.25 MHz (MGTREFCLK0_227, Si570), GTH X0Y10 ------
set_property PACKAGE_PIN P6 [get_ports sfp_refclk_p_i]
set_property PACKAGE_PIN P5 [get_ports sfp_refclk_n_i]
create_clock -period 6.400 -name sfp_refclk [get_ports sfp_refclk_p_i]

set_property PACKAGE_PIN U4 [get_ports sfp0_tx_p_o]
set_property PACKAGE_PIN U3 [get_ports sfp0_tx_n_o]
set_property PACKAGE_PIN T2 [get_ports sfp0_rx_p_i]
set_property PACKAGE_PIN T1 [get_ports sfp0_rx_n_i]

set_property -dict {PACKAGE_PIN AL8 IOSTANDARD LVCMOS18 SLEW SLOW DRIVE 8} [get_ports sfp0_tx_disable_o]
set_property -dict {PACKAGE_PIN K21 IOSTANDARD LVCMOS18} [get_ports sfp0_los_i]
set_false_path -to [get_ports sfp0_tx_disable_o]
set_false_path -from [get_ports sfp0_los_i]

# --- clocks made inside the IPs ----------------------------------------------
# clk_wiz_core's MMCM outputs, the bridge's axi_aclk and the GT's
# TXOUTCLK/RXOUTCLK-derived user clocks are generated or created by the
# IPs' own XDC from the clocks above. No set_clock_groups: every crossing
# is constrained explicitly (IP XDC for the IPs' converters and
# synchronisers, kcu105_cdc.xdc for ours), so report_clock_interaction /
# report_cdc show any crossing we missed instead of hiding it.
