#!/usr/bin/env bash
# Installs the Debian 12 packages dermasim needs to build, test and run. Idempotent: when every
# package is already installed it only asks dpkg and returns (well under a second).
set -euo pipefail

packages=(
  # toolchain
  g++ cmake make ninja-build pkg-config
  # libraries (headers)
  libeigen3-dev libtomlplusplus-dev nlohmann-json3-dev libcli11-dev catch2 libbenchmark-dev
  libimgui-dev libstb-dev libglfw3-dev
  # OpenGL through GLVND, EGL (surfaceless Mesa platform) and Mesa's software rasterizer
  libgl-dev libopengl-dev libegl-dev libegl1 libegl-mesa0 libgbm1 libglx-mesa0 libgl1-mesa-dri
  # a virtual X server for the viewer's tests, and a key pressed in it (viewer_idle_cpu)
  xvfb xauth xdotool
  # the viewer's font
  fonts-dejavu-core
  # the consultation sheet (`--report FILE.pdf`): Cairo's PDF surface and Pango's text layout,
  # and poppler's pdftotext/pdftoppm, with which its tests read the PDF back
  libcairo2-dev libpango1.0-dev poppler-utils
  # video export
  ffmpeg
)

# One dpkg-query for all of them; packages it does not know are simply not listed.
declare -A installed=()
while read -r name status; do
  if [[ "$status" == "installed" ]]; then installed["$name"]=1; fi
done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${packages[@]}" 2>/dev/null || true)
missing=()
for pkg in "${packages[@]}"; do
  [[ -n "${installed[$pkg]:-}" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} Debian packages present"
  exit 0
fi

echo "setup: installing ${#missing[@]} missing Debian package(s): ${missing[*]}"
sudo=()
if ((EUID != 0)); then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "setup: not root and sudo is not available; as root run: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "setup: done"
