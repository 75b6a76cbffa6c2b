#!/usr/bin/env bash
# Installs what is missing (Debian packages, the project virtualenv) and
# configures + builds. Idempotent; called by test.sh and run.sh.
# Usage: scripts/setup.sh [--demo] [build-dir]      (default: build)
#   (default)  everything: the tests, their models, the synthesis
#              cross-check (BUILD_TESTING and VMQ_CORE_XCHECK on)
#   --demo     what scripts/run.sh needs and no more: vmq-demo with the
#              driver, the simulation platform and its one core model. A
#              fresh build directory is configured without the tests (their
#              models are verilated at configure time); one that has them
#              keeps them. No virtualenv (only the tests use Python).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
demo=0
if [ "${1:-}" = --demo ]; then demo=1; shift; fi
build=${1:-$root/build}
source "$root/scripts/lib.sh"

stage "install Debian packages"
# What the build, tests and the demo use.
pkgs=(verilator g++ cmake ninja-build ccache googletest libgtest-dev libfmt-dev libcli11-dev
      python3-venv libpcap-dev nlohmann-json3-dev pkg-config gnuplot-nox gtkwave
      tshark zlib1g-dev
      iproute2 iputils-ping iputils-arping iperf3 tcpdump     # the live test (docs/live.md)
      tcl)                                                    # fpga_check (tclsh)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
else
  echo "all present"
fi

if ((!demo)); then
stage "python virtualenv (.venv, requirements.txt)"
if [ ! -x "$root/.venv/bin/python3" ]; then
  # pyenv's python3 if present, else Debian's; either makes a working venv.
  python3 -m venv "$root/.venv" || /usr/bin/python3 -m venv "$root/.venv"
fi
stamp="$root/.venv/.requirements.sha"
want=$(sha256sum "$root/requirements.txt" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$root/.venv/bin/pip" install -q --disable-pip-version-check -r "$root/requirements.txt"
  echo "$want" > "$stamp"
else
  echo "up to date"
fi
fi

stage "configure ($build)"
export CCACHE_DIR=${CCACHE_DIR:-$root/.ccache}
opts=()
if ((demo)); then
  [ -f "$build/CMakeCache.txt" ] || opts=(-DBUILD_TESTING=OFF -DVMQ_CORE_XCHECK=OFF)
else
  opts=(-DBUILD_TESTING=ON -DVMQ_CORE_XCHECK=ON)
fi
mkdir -p "$build"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${opts[@]}" \
  >"$build/configure.log" 2>&1 || { cat "$build/configure.log"; exit 1; }
echo "log: $build/configure.log"

if ((demo)); then
  stage "build vmq-demo only (driver, simulation platform, core model core_sim; test.sh builds the rest)"
  cmake --build "$build" -j "$(nproc)" --target vmq-demo
else
  stage "build"
  cmake --build "$build" -j "$(nproc)"
fi
stage_done
