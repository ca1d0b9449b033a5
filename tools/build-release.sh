#!/usr/bin/env bash
# Builds the release site into dist/ (never a folder `trunk serve` wrote).
# Trunk runs offline: it finds wasm-bindgen (the Cargo.lock version) on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
rm -rf dist
trunk build --release --offline --dist dist "$@"
