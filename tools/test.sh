#!/usr/bin/env bash
# Every test of the portal, in the order that fails fastest: setup, host rules,
# one release build (reused by every later stage), its size budget, component
# tests in the browser, browser tests against the built site, then the
# performance benchmark of that same build against its budgets.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh

started=$SECONDS
# Each stage says when it began, to see where the command's time goes.
stage() { printf '\n\033[1m=== %s\033[0m (at %d s)\n' "$*" "$((SECONDS - started))"; }

stage "setup"
tools/setup.sh

stage "lint: rustfmt, clippy with warnings as errors (host, prerender, WebAssembly), ESLint on the tools and the browser tests"
cargo fmt --all --check
# eslint.config.mjs: ESLint's recommended rules, no warning allowed.
tools/node_modules/.bin/eslint --max-warnings 0 .
# The app is linted where it runs: in the prerender (ssr) and in the
# WebAssembly, its component tests included; its browser build on the host
# would only compile it once more.
cargo clippy --quiet --workspace --exclude kasipodaq-portal --all-targets -- -D warnings
cargo clippy --quiet -p kasipodaq-portal --no-default-features --features ssr --all-targets -- -D warnings
# The WebAssembly as the release builds it, its split point included
# (tools/build-release.sh); the component tests compile it without.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --cfg kasipodaq_split" \
  cargo clippy --quiet -p kasipodaq-portal --target wasm32-unknown-unknown --all-targets -- -D warnings

stage "Rust tests on the host: languages, URLs, calendar, content, archive, translations, the staff command"
cargo test -p kasipodaq-core -p kasipodaq-build
cargo test -p kasipodaq-staff

stage "the staff command's check of 10,000 statements, in at most 5 s (tools/gen-archive.mjs)"
node tools/gen-archive.mjs --count 10000 --seed 1 --out target/archive-10000
tools/staff.sh --help > /dev/null # built before it is timed
check_started=$EPOCHREALTIME
tools/staff.sh check --content target/archive-10000 > /dev/null
awk -v a="$check_started" -v b="$EPOCHREALTIME" \
  'BEGIN { printf "staff check, 10,000 statements: %.2f s (at most 5 s)\n", b - a; exit (b - a > 5) }'

stage "release build into dist/"
tools/build-release.sh

stage "size budget"
node tools/size-check.mjs dist

stage "component tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p kasipodaq-portal --test components

stage "release build for a sub-path (/portal) into dist-portal/, for the sub-path tests"
KASIPODAQ_BASE_PATH=/portal DIST=dist-portal tools/build-release.sh

stage "a generated archive of 300 statements (tools/gen-archive.mjs) built into dist-archive/, for the archive-at-scale tests"
node tools/gen-archive.mjs --count 300 --seed 13 --out target/archive-300
# Its search in two indexes, as at the federation's scale: the newest 100 of each language, then the older ones.
KASIPODAQ_SEARCH_RECENT=100 KASIPODAQ_CONTENT_DIR="$PWD/target/archive-300" DIST=dist-archive tools/build-release.sh

stage "the next release (one statement's text changed) into dist-next/, for the test of a release published under open tabs"
rm -rf target/content-next && cp -r content target/content-next
perl -0pi -e 's/\n\+\+\+\n\n/\n+++\n\nRevised after publication: /' target/content-next/2019-06-12-general-council-congratulates-president/en.md
KASIPODAQ_CONTENT_DIR="$PWD/target/content-next" DIST=dist-next tools/build-release.sh

stage "browser tests against dist/ and dist-portal/ (Playwright + Debian's Chromium, nginx, python3 -m http.server)"
DIST="$PWD/dist" DIST_PORTAL="$PWD/dist-portal" DIST_ARCHIVE="$PWD/dist-archive" CONTENT_ARCHIVE="$PWD/target/archive-300" DIST_NEXT="$PWD/dist-next" CONTENT_NEXT="$PWD/target/content-next" node --test --test-reporter=spec --test-concurrency=1 tests/browser/

stage "performance benchmark of dist/ behind nginx and a host that compresses nothing (Lighthouse against plain HTML, first view, language switch, archive search; the archive and its search beside dist-archive/'s 300 statements) against its budgets"
node tests/browser/bench.mjs dist --archive dist-archive --archive-content target/archive-300 --check

stage "all tests passed in $((SECONDS - started)) s"
