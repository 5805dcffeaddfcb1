#!/usr/bin/env bash
# Installs the Debian packages the tests need, only those that are missing.
#   chromium: the end-to-end tests' browser (Playwright never downloads one here)
#   poppler-utils: pdfinfo, pdftoppm and pdftotext check the printed PDFs (npm run print)
#   obs-studio, xvfb, libgl1-mesa-dri, libegl-mesa0: a real headless OBS for the OBS tests
#   fonts-dejavu-core, fonts-inter: fonts for OBS text sources (Inter is the overlay page's body font)
set -euo pipefail
PKGS=(chromium poppler-utils obs-studio xvfb libgl1-mesa-dri libegl-mesa0 fonts-dejavu-core fonts-inter)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && { echo "system packages: all present"; exit 0; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
