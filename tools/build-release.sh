#!/usr/bin/env bash
# Builds the release site into dist/ (never a folder `trunk serve` wrote):
# Trunk builds the app (offline: it finds wasm-bindgen, the Cargo.lock
# version, on PATH), then the prerender writes every page in every language,
# 404.html, the sitemap, robots.txt and the feeds around it.
# The site's public address: KASIPODAQ_SITE_URL (docs/deployment.md).
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
rm -rf dist
trunk build --release --offline --dist dist "$@"
# A debug build of the host tool: it compiles twice as fast as a release one
# and renders the whole site in about a second.
cargo run --quiet --no-default-features --features ssr --bin prerender -- dist
