# Unit test of the Linux PCI backends (sw/include/vmq/pci.hpp, sw/src/pci.cpp).
# Included by sw/CMakeLists.txt (after vmq_driver is defined):
#   include(tests/pci_test.cmake)
#
# sw/src/pci.cpp needs nothing beyond libc and the kernel uapi headers
# (linux/vfio.h, from linux-libc-dev): no extra libraries to link into
# vmq_driver. It is Linux-only.
#
# Runs without a card: fake sysfs tree in /tmp, real /proc/self/pagemap.
# Privilege-dependent cases fork a child that drops capabilities (as root) or
# check the Permission error (not root); the hugepage case skips with a note
# when the machine has no free 2 MiB hugepages.
add_executable(pci_test ${CMAKE_CURRENT_LIST_DIR}/pci_test.cpp)
target_link_libraries(pci_test PRIVATE vmq_driver GTest::gtest_main)
target_compile_options(pci_test PRIVATE ${VMQ_TB_WARNINGS})
add_test(NAME pci_test COMMAND pci_test)
set_tests_properties(pci_test PROPERTIES LABELS unit TIMEOUT 60)

# vmq::open(uri) and the backend registry (sw/include/vmq/open.hpp), no card.
add_executable(open_test ${CMAKE_CURRENT_LIST_DIR}/open_test.cpp)
target_link_libraries(open_test PRIVATE vmq_driver GTest::gtest_main)
target_compile_options(open_test PRIVATE ${VMQ_TB_WARNINGS})
add_test(NAME open_test COMMAND open_test)
set_tests_properties(open_test PROPERTIES LABELS unit TIMEOUT 60)
