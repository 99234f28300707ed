#!/usr/bin/env bash
# Installs what is missing, configures build/ (Ninja, Release) and builds everything.
# Extra arguments are passed to the CMake configure step (e.g. -DDERMASIM_BUILD_BENCH=OFF).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup-debian.sh

echo "build: configuring build/ (Release, Ninja)"
cmake -G Ninja -S . -B build -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
echo "build: building with 2 jobs"
cmake --build build --parallel 2
echo "build: done (programs in build/)"
