#!/usr/bin/env bash
# Installs what is missing, builds build/ and runs every test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh

echo "test: ctest in build/"
ctest --test-dir build --output-on-failure -j2
