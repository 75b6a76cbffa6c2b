# Clocking Wizard (xilinx.com:ip:clk_wiz, PG065), free with Vivado: one MMCM
# from the 125 MHz LVDS system clock (G10/F10) to
#   clk_out1 250 MHz: the core clock (fpga_core clk_i), free-running;
#   clk_out2 125 MHz: the GT wizard's free-running reset/DRP clock.
# The wizard takes the differential input itself (IBUFDS inside).
# Property names: verify list. Needs: ip_dir, vmq_ip_config.

create_ip -name clk_wiz -vendor xilinx.com -library ip \
  -module_name clk_wiz_core -dir $ip_dir

vmq_ip_config clk_wiz_core [list \
  CONFIG.PRIM_SOURCE                {Differential_clock_capable_pin} \
  CONFIG.PRIM_IN_FREQ               {125.000} \
  CONFIG.CLKOUT1_USED               {true} \
  CONFIG.CLKOUT1_REQUESTED_OUT_FREQ {250.000} \
  CONFIG.CLKOUT2_USED               {true} \
  CONFIG.CLKOUT2_REQUESTED_OUT_FREQ {125.000} \
  CONFIG.USE_RESET                  {true} \
  CONFIG.RESET_TYPE                 {ACTIVE_HIGH} \
  CONFIG.USE_LOCKED                 {true} \
]
