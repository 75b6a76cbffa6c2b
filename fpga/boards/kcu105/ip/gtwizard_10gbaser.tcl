# UltraScale FPGAs Transceivers Wizard (xilinx.com:ip:gtwizard_ultrascale:1.7,
# PG182), free with Vivado: one GTH channel (SFP+ cage 0, GTHE3_CHANNEL_X0Y10,
# quad 226) at 10.3125 Gb/s, preset GTH-10GBASE-R: the GT's asynchronous
# gearbox (64B66B_ASYNC), 64-bit user / 32-bit internal width, so
# TXUSRCLK2/RXUSRCLK2 = 156.25 MHz and one 64-bit block + 2-bit header per
# cycle. Reference clock 156.25 MHz on MGTREFCLK0 of quad 227 (the quad
# above, hence "clk0+1"). Our PCS and MAC (rtl/eth) sit behind it; no
# Xilinx PCS/MAC IP. Every property name except the preset is in the
# verify list of docs/fpga-kcu105.md (none is in the facts sheet).
# Needs: ip_dir, vmq_ip_config.

create_ip -name gtwizard_ultrascale -vendor xilinx.com -library ip -version 1.7 \
  -module_name gtwizard_10gbaser -dir $ip_dir

# The preset first: it sets the line rate, encoding and widths; the second
# call pins down what we rely on (an error if the preset names differ).
vmq_ip_config gtwizard_10gbaser [list CONFIG.preset {GTH-10GBASE-R}]

vmq_ip_config gtwizard_10gbaser [list \
  CONFIG.CHANNEL_ENABLE          {X0Y10} \
  CONFIG.TX_MASTER_CHANNEL       {X0Y10} \
  CONFIG.RX_MASTER_CHANNEL       {X0Y10} \
  CONFIG.TX_LINE_RATE            {10.3125} \
  CONFIG.RX_LINE_RATE            {10.3125} \
  CONFIG.TX_REFCLK_FREQUENCY     {156.25} \
  CONFIG.RX_REFCLK_FREQUENCY     {156.25} \
  CONFIG.TX_REFCLK_SOURCE        {X0Y10 clk0+1} \
  CONFIG.RX_REFCLK_SOURCE        {X0Y10 clk0+1} \
  CONFIG.TX_DATA_ENCODING        {64B66B_ASYNC} \
  CONFIG.RX_DATA_DECODING        {64B66B_ASYNC} \
  CONFIG.TX_USER_DATA_WIDTH      {64} \
  CONFIG.TX_INT_DATA_WIDTH       {32} \
  CONFIG.RX_USER_DATA_WIDTH      {64} \
  CONFIG.RX_INT_DATA_WIDTH       {32} \
  CONFIG.FREERUN_FREQUENCY       {125} \
  CONFIG.LOCATE_COMMON           {CORE} \
  CONFIG.LOCATE_RESET_CONTROLLER {CORE} \
  CONFIG.LOCATE_TX_USER_CLOCKING {CORE} \
  CONFIG.LOCATE_RX_USER_CLOCKING {CORE} \
  CONFIG.ENABLE_OPTIONAL_PORTS   {rxgearboxslip_in txheader_in txsequence_in rxheader_out rxheadervalid_out rxdatavalid_out} \
]
