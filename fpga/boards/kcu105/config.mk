# Local make settings for the KCU105 build (tools and hardware, not design
# parameters: those are in config.tcl). Override on the command line, e.g.
#   make VIVADO=/opt/Xilinx/Vivado/2023.2/bin/vivado HW_SERVER=lab-pc:3121
VIVADO     ?= vivado
HW_SERVER  ?= localhost:3121
FLASH_PART ?=
PYTHON     ?= python3
OUT        ?= out
