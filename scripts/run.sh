#!/usr/bin/env bash
# The main job: install what is missing, build, then start the viewer when a display is there,
# else run the built-in default scenario headless into out/. Extra arguments go to the program.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  echo "run: build/dermasim-view $*"
  exec build/dermasim-view "$@"
else
  echo "run: no display; build/dermasim run --out out $*"
  exec build/dermasim run --out out "$@"
fi
