#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh machine of this
# project's kind, and skips whatever is already there, so a second run takes
# seconds. Nothing comes from GitHub: crates.io, npm and Debian only.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh

note() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. The WebAssembly target of the machine's Rust toolchain.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  note "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The linters the test command runs (part of most toolchains already).
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^${component}"; then
    note "adding the ${component} component"
    rustup component add "${component}"
  fi
done

# 2. Trunk 0.21 (0.22 needs a newer rustc than ours).
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  note "installing Trunk 0.21 (about 10 minutes on 2 cores)"
  cargo install trunk --locked --version "~0.21"
fi

# 3. wasm-bindgen CLI at exactly the version in Cargo.lock, so the two can
#    never drift (a mismatch fails at build or at run time). Not --locked: its
#    lock file pins a webpki-roots release the registry here does not have.
#    Cargo's own answer (`cargo pkgid` reads Cargo.lock; it needs no network).
wasm_bindgen_id="$(cargo pkgid -p wasm-bindgen)"
WASM_BINDGEN_VERSION="${wasm_bindgen_id##*@}"
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  note "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
fi

# 4. Debian packages of the tests: Chromium and ChromeDriver for the browser
#    tests (never a test tool's own browser download: it fails here), python3
#    for the plain static server (`python3 -m http.server`) and nginx with its
#    brotli_static module for the deployment tests of deploy/nginx.conf.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v python3 >/dev/null || missing+=(python3)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
# Java for the Nu Html Checker (npm vnu-jar), and the feed reader library
# (Python's feedparser, Debian's python3) that reads the feeds as readers do.
command -v java >/dev/null || missing+=(default-jre-headless)
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || missing+=(python3-feedparser)
# Firefox ESR, the second browser engine of the tests (tests/browser/firefox.test.mjs).
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  note "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  # RUNLEVEL=1: the package does not start an nginx service (the tests run their own).
  as_root env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq "${missing[@]}"
fi

# 4b. geckodriver from crates.io, which drives Firefox ESR over WebDriver for
#     tests/browser/firefox.test.mjs (Debian has no package of it). 0.37.1 is
#     the newest on crates.io and builds with our Rust; Mozilla supports its
#     0.36+ with Firefox 128 ESR and later (tested here with Debian's 153 ESR).
#     --locked keeps its dependencies as released.
GECKODRIVER_VERSION=0.37.1
if [ "$(geckodriver --version 2>/dev/null | sed -n 1p)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  note "installing geckodriver $GECKODRIVER_VERSION (about 2 minutes on 2 cores)"
  cargo install geckodriver --locked --version "=$GECKODRIVER_VERSION"
fi

# 4c. wasm-split-cli from crates.io, which splits the search's code off the
#     release's WebAssembly (tools/split.mjs): the version whose format the
#     `wasm_split_helpers` in Cargo.lock (through Leptos) writes.
WASM_SPLIT_VERSION=0.2.4
#     It has no --version: cargo's list of installed crates says which.
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  note "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes on 2 cores)"
  cargo install wasm_split_cli_support --locked --version "=$WASM_SPLIT_VERSION" --features build-binary --bin wasm-split-cli
fi

# 5. The npm packages, exactly as each package-lock.json pins them, each
#    folder reinstalled only when its lock file changes: the release's build
#    tools (esbuild, binaryen's wasm-opt, Pagefind, ESLint) and the browser tests.
for folder in tools tests/browser; do
  LOCK_STAMP="$folder/node_modules/.package-lock.sha256"
  LOCK_SUM="$(sha256sum "$folder/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$LOCK_STAMP" 2>/dev/null)" != "$LOCK_SUM" ]; then
    note "installing the npm packages of $folder (npm ci)"
    (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$LOCK_SUM" > "$LOCK_STAMP"
  fi
done

note "ready: $(trunk --version), $(wasm-bindgen --version), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
