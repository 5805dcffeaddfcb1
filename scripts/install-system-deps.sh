#!/usr/bin/env bash
# Installs the Debian packages the tests need, only those that are missing.
#   chromium: the end-to-end tests' browser (Playwright never downloads one here)
#   obs-studio, xvfb, libgl1-mesa-dri, libegl-mesa0: a real headless OBS for the OBS tests
#   fonts-dejavu-core, fonts-inter: fonts for OBS text sources (Inter is the overlay page's body font)
#   ffmpeg: the video tests make their own short clips (the repository ships no video)
#   poppler-utils: the print tests look at the PDFs as pictures (pdftoppm, pdfinfo, pdftotext)
#   systemd, desktop-file-utils: the start-at-boot tests verify the unit and desktop files
set -euo pipefail
PKGS=(chromium obs-studio xvfb libgl1-mesa-dri libegl-mesa0 fonts-dejavu-core fonts-inter ffmpeg
  poppler-utils systemd desktop-file-utils)
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
