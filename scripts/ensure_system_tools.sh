#!/usr/bin/env bash
# Install what the tests need from the system: headless LibreOffice (our independent judge of the
# workbook) and poppler's pdftoppm. In CI (CI=true) a missing tool is a failure, never a skip.
set -euo pipefail

need=()
command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && exit 0

echo "Installing ${need[*]} (apt-get)..."
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
fi
if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; }; then
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  msg="cannot install ${need[*]}: no apt-get or no root/sudo. Install LibreOffice Calc and poppler-utils yourself."
  if [ "${CI:-}" = "true" ]; then echo "ERROR: $msg" >&2; exit 1; fi
  echo "WARNING: $msg The LibreOffice tests will be skipped." >&2
fi
