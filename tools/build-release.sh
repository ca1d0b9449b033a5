#!/usr/bin/env bash
# Builds the release site into dist/ (never a folder `trunk serve` wrote):
# Trunk builds the app (offline: it finds wasm-bindgen, the Cargo.lock
# version, on PATH), the search's code is split off it, wasm-opt and esbuild
# make its files smaller, then the prerender writes every page in every
# language,
# 404.html, the sitemap, robots.txt, the feeds and the offline worker.
#
# Build settings (docs/deployment.md):
#   KASIPODAQ_SITE_URL   the public address, e.g. https://portal.example.kz
#   KASIPODAQ_BASE_PATH  the folder the site is served under, e.g. /portal
#                        (unset at the top of a host)
#   KASIPODAQ_CONTACTS_URL  where the contacts page reads contacts.json: an
#                        https:// address or a path starting with / (default: the
#                        contacts.json beside the site); read by the prerender
#   KASIPODAQ_CONTENT_DIR  the content folder instead of content/, for tests and
#                        measurements only (tools/gen-archive.mjs writes one)
#   DIST                 the output folder (default: dist)
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
out="${DIST:-dist}"
rm -rf "$out"
# Each stage's time, printed at the end (docs/performance.md, "Build time").
stages=()
timed() {
  local name=$1 started=$EPOCHREALTIME
  shift
  "$@"
  stages+=("$name $(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s")
}
# The content's rules first (the staff command, the build's own rules): a
# broken statement or contacts file stops the build before the app compiles.
# Without the base path, which the command does not use: the rules crate reads
# it when compiled, so each value would compile the command again.
timed check env -u KASIPODAQ_BASE_PATH tools/staff.sh check
# The release's WebAssembly keeps its relocations and symbols for the split
# (tools/split.mjs), and `kasipodaq_split` marks its split point. This
# variable replaces .cargo/config.toml's flags, so it repeats them.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --cfg kasipodaq_split -C link-args=--emit-relocs -C strip=none"
timed app trunk build --release --offline --dist "$out" --public-url "${KASIPODAQ_BASE_PATH:-}/" "$@"
# The search's code split off the main module (wasm-split, wasm-bindgen).
timed split node tools/split.mjs "$out"
# The loader script and the stylesheet minified (esbuild), their integrity
# hashes in index.html updated, before the prerender copies it into every page.
timed minify node tools/minify.mjs "$out"
# A debug build of the host tool: it compiles much faster than a release one
# (docs/performance.md, "Decisions in the code, measured").
timed prerender cargo run --quiet --no-default-features --features ssr --bin prerender -- "$out"
timed minify-worker node tools/minify.mjs "$out" --worker
# The archive's search index (Pagefind) of the statement pages just written.
timed index node tools/search-index.mjs "$out"
# Brotli and gzip copies for servers that send them as they are (deploy/nginx.conf).
timed compression node tools/precompress.mjs "$out"
printf -v joined '%s, ' "${stages[@]}"
echo "build-release: ${joined%, }"
# Kept for the bench's report (tests/browser/bench.mjs), outside the site.
mkdir -p target/build-stages
echo "${joined%, }" > "target/build-stages/$(basename "$out").txt"
