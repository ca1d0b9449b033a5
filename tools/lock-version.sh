#!/usr/bin/env bash
# Prints the version of a package as Cargo.lock pins it: the single source of
# truth for the wasm-bindgen CLI that the setup installs.
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(awk -v name="$1" '
  $0 == "name = \"" name "\"" { found = 1; next }
  found && /^version = / { gsub(/version = |"/, ""); print; exit }
' Cargo.lock)"
[ -n "$version" ] || { echo "no package '$1' in Cargo.lock" >&2; exit 1; }
echo "$version"
