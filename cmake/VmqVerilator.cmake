# vmq_verilated_test(): the one way a Verilated test, benchmark or tool is built.
#
#   vmq_verilated_test(<name>
#     TOP     <module>              top module to verilate
#     RTL     <file.sv>...          SystemVerilog sources (packages first)
#     TB      <file.cpp>...         C++ test bench sources
#     [PARAMS Name=Value ...]       -G overrides; also -DVMQ_PARAM_<Name>=<Value> for the C++ side
#     [MODEL  <lib>]                link a model from vmq_verilated_model() instead of
#                                   verilating TOP/RTL/PARAMS again (several tests, one model)
#     [LABELS unit|system|bench|slow ...]
#     [ARGS   arg ...]              run-time arguments for the CTest case
#     [LIBS   target ...]           extra libraries (e.g. GTest::gtest, vmq_model)
#     [TIMEOUT seconds]
#     [NO_TEST]                     build only, do not register with CTest
#     [EXCLUDE_FROM_ALL])           not built by default (benchmarks: `cmake --build . --target bench`)
#
# Each call gets its own Verilator PREFIX (V<name>), so one bench source builds
# against several parameter sets. The C++ side includes the model through
# VMQ_MODEL_HEADER and names its class VMQ_MODEL (see tb/common/vmq_tb.hpp).
function(vmq_verilated_test name)
  cmake_parse_arguments(A "NO_TEST;EXCLUDE_FROM_ALL" "TOP;TIMEOUT;MODEL" "RTL;TB;PARAMS;LABELS;ARGS;LIBS" ${ARGN})
  if(NOT A_TB OR (NOT A_MODEL AND (NOT A_TOP OR NOT A_RTL)))
    message(FATAL_ERROR "vmq_verilated_test(${name}): TB and either MODEL or TOP and RTL are required")
  endif()
  if(A_EXCLUDE_FROM_ALL)
    add_executable(${name} EXCLUDE_FROM_ALL ${A_TB})
  else()
    add_executable(${name} ${A_TB})
  endif()
  target_compile_features(${name} PRIVATE cxx_std_20)
  target_include_directories(${name} PRIVATE ${VMQ_TB_INCLUDES})
  target_compile_options(${name} PRIVATE ${VMQ_TB_WARNINGS})
  if(A_MODEL)
    target_compile_definitions(${name} PRIVATE VMQ_TEST_NAME="${name}")
    target_link_libraries(${name} PRIVATE ${A_MODEL})
  else()
    _vmq_verilate(${name} PRIVATE ${A_TOP} RTL ${A_RTL} PARAMS ${A_PARAMS}
                  DEFS VMQ_TEST_NAME="${name}")
  endif()
  target_link_libraries(${name} PRIVATE fmt::fmt ${A_LIBS})
  if(NOT A_NO_TEST)
    add_test(NAME ${name} COMMAND ${name} ${A_ARGS})
    if(NOT A_LABELS)
      set(A_LABELS unit)
    endif()
    set_tests_properties(${name} PROPERTIES LABELS "${A_LABELS}")
    if(A_TIMEOUT)
      set_tests_properties(${name} PROPERTIES TIMEOUT ${A_TIMEOUT})
    endif()
  endif()
endfunction()

# vmq_verilated_model(<lib> TOP <module> RTL <file.sv>... [PARAMS Name=Value ...]
#                      [ARGS <extra verilator options>...] [NO_TRACE])
#
# NO_TRACE: no FST waveform support (--trace then stops the test with a
# message); for models whose trace code costs more to compile than it is
# worth (the netlist cross-simulation model).
#
# One Verilated model as a static library that tests and tools link (the
# vmq_core build is the slowest part of the build: verilate each
# configuration once). Consumers get VMQ_MODEL (class V<lib>),
# VMQ_MODEL_HEADER and VMQ_PARAM_<Name> definitions and the Verilator
# include directories.
function(vmq_verilated_model name)
  cmake_parse_arguments(A "NO_TRACE" "TOP" "RTL;PARAMS;ARGS" ${ARGN})
  if(NOT A_TOP OR NOT A_RTL)
    message(FATAL_ERROR "vmq_verilated_model(${name}): TOP and RTL are required")
  endif()
  add_library(${name} STATIC)
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  if(A_NO_TRACE)
    set(trace NO_TRACE)
  else()
    set(trace "")
  endif()
  _vmq_verilate(${name} PUBLIC ${A_TOP} RTL ${A_RTL} PARAMS ${A_PARAMS} ARGS ${A_ARGS} ${trace})
endfunction()

# Verilates TOP from RTL with PARAMS (-G overrides) into <target>, whose
# model class is V<target>; VMQ_MODEL, VMQ_MODEL_HEADER, DEFS and the
# VMQ_PARAM_<Name> macros go on <target> with <scope> (PRIVATE, PUBLIC).
function(_vmq_verilate target scope top)
  cmake_parse_arguments(A "NO_TRACE" "" "RTL;PARAMS;DEFS;ARGS" ${ARGN})
  list(REMOVE_DUPLICATES A_RTL)  # block lists share packages
  if(A_NO_TRACE)
    set(trace "")
  else()
    set(trace TRACE_FST)
  endif()
  set(gargs "")
  set(defs "")
  foreach(p IN LISTS A_PARAMS)
    string(REPLACE "=" ";" kv "${p}")
    list(GET kv 0 k)
    list(GET kv 1 v)
    list(APPEND gargs "-G${k}=${v}")
    list(APPEND defs "VMQ_PARAM_${k}=${v}")
  endforeach()
  target_compile_definitions(${target} ${scope}
    VMQ_MODEL=V${target} "VMQ_MODEL_HEADER=\"V${target}.h\"" ${A_DEFS} ${defs})
  # Variable tracking (part of -g) on Verilator's huge generated functions
  # was most of the build: 90 s for one trace file of vmq_core, 8 s without.
  # Line tables and types stay; only variable locations in optimised code go.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -fno-var-tracking)
  endif()
  verilate(${target}
    SOURCES ${VMQ_VLT_FILES} ${A_RTL}
    TOP_MODULE ${top}
    PREFIX V${target}
    ${trace}
    VERILATOR_ARGS -Wall --assert -O3 --x-assign fast --x-initial unique ${gargs}
                   ${VMQ_EXTRA_VERILATOR_ARGS} ${A_ARGS}
    OPT_FAST -O2)
endfunction()
