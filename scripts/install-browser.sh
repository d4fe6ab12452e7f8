#!/usr/bin/env bash
# Installs what the browser tests need, when it is missing, and only then: Debian's chromium
# and chromium-driver (apt-get), and Python's selenium (pip, else Debian's python3-selenium).
# Exits non-zero when something cannot be had.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi; }
apt_updated=0
apt_install() { # packages...
  command -v apt-get >/dev/null 2>&1 || { echo "install-browser: apt-get not found; install $* by hand" >&2; return 1; }
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "install-browser: installing chromium and chromium-driver"
  apt_install chromium chromium-driver
fi
if ! python3 -c 'import selenium' >/dev/null 2>&1; then
  echo "install-browser: installing selenium"
  python3 -m pip install --quiet selenium >/dev/null 2>&1 \
    || python3 -m pip install --quiet --break-system-packages selenium >/dev/null 2>&1 \
    || apt_install python3-selenium
  python3 -c 'import selenium' || { echo "install-browser: cannot import selenium" >&2; exit 1; }
fi
