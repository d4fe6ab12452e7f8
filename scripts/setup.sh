#!/usr/bin/env bash
# Installs what CoopZone needs beyond Swift, only when it is missing: the SQLite headers GRDB
# builds against (Debian's libsqlite3-dev), libyaml with its headers and pkg-config file, which
# the loader and the variant exporter link (Debian's libyaml-dev), pkg-config, which SwiftPM asks
# for libyaml's flags, libxlsxwriter with its headers, which writes the Excel workbooks
# (Debian's libxlsxwriter-dev), and python3 for the example evaluator and the tests.
set -euo pipefail
need=()
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need+=(libsqlite3-dev)
dpkg -s libyaml-dev >/dev/null 2>&1 || need+=(libyaml-dev)
dpkg -s libxlsxwriter-dev >/dev/null 2>&1 || need+=(libxlsxwriter-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ "${#need[@]}" -gt 0 ]; then
  echo "setup: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
