#!/usr/bin/env bash
# Sets up what is missing, builds the release into dist/ and serves it at
# http://127.0.0.1:8080/ (PORT=… to change). For live reload while editing,
# `trunk serve` instead (it builds into target/dev-site, never dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build-release.sh
exec node tests/browser/serve.mjs dist "${PORT:-8080}"
