#!/usr/bin/env bash
# expect_mismatch.sh REGEX COMMAND [ARGS...]: passes when COMMAND fails AND its
# output matches REGEX (grep -E). For the fault-injection runs of the netlist
# cross-simulation: the comparison must catch the injected fault and stop the
# test (the Verilated model aborts on $fatal, which CTest's own
# PASS_REGULAR_EXPRESSION would count as a failure).
set -uo pipefail
re=$1
shift
out=$("$@" 2>&1)
rc=$?
printf '%s\n' "$out" | tail -n 20
if ((rc == 0)); then
  echo "expect_mismatch: FAIL: the command passed; the injected fault went unnoticed"
  exit 1
fi
if ! grep -qE "$re" <<<"$out"; then
  echo "expect_mismatch: FAIL: the command failed (exit $rc) but not with /$re/"
  exit 1
fi
echo "expect_mismatch: PASS: the fault was caught (exit $rc, /$re/ matched)"
