#!/usr/bin/env bash
# Shows the site exactly as it will be published, from the files on this
# computer, at http://127.0.0.1:8090/ (PORT=… to change), and builds it again
# each time something under content/, locales/ or public/contacts.json
# changes. Run it from anywhere: tools/preview.sh. Stop it with Ctrl+C.
#
# It is the real release build (tools/build-release.sh: prerendered pages,
# search index, feeds), not `trunk serve`, written into target/preview-a or
# target/preview-b in turn, never dist/. target/preview points at the last
# build that worked, so the browser keeps showing it while a new one runs or
# when one fails.
set -uo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh

port="${PORT:-8090}"
address="http://127.0.0.1:$port/"
served=target/preview
log=target/preview-build.log
watched=(content locales public/contacts.json)
# A site under a folder is served from the top here; the preview never is.
unset KASIPODAQ_BASE_PATH

say() { printf '\033[1m[preview %s]\033[0m %s\n' "$(date +%H:%M:%S)" "$*"; }

tools/setup.sh || { say "Setting up the tools failed (see above)."; exit 1; }
mkdir -p target
# A folder (not our link) in the way, from an earlier build into target/preview.
[ -d "$served" ] && [ ! -L "$served" ] && rm -rf "$served"

# What the watched files look like now: each one's time, size and name.
snapshot() { find "${watched[@]}" -printf '%T@ %s %p\n' 2>/dev/null | sort | sha256sum; }

server=
stop() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  exit 0
}
trap stop INT TERM

# Builds into the slot not being served; on success, serves it (an atomic
# switch of the link), else prints the build's error and keeps the old one.
build() {
  local slot=preview-a
  [ "$(readlink "$served" 2>/dev/null)" = preview-a ] && slot=preview-b
  if [ -n "$server" ]; then
    say "Building the site… (the browser keeps showing the previous version meanwhile)"
  else
    say "Building the site… (the first build takes a few minutes)"
  fi
  local started=$SECONDS
  if KASIPODAQ_SITE_URL="http://127.0.0.1:$port" DIST="target/$slot" tools/build-release.sh >"$log" 2>&1; then
    ln -sfn "$slot" "$served.next" && mv -T "$served.next" "$served"
    say "Ready in $((SECONDS - started)) s: $address (reload the page to see the change)"
    return 0
  fi
  if [ -n "$server" ]; then
    say "The build FAILED after $((SECONDS - started)) s; the browser still shows the last version that worked."
  else
    say "The build FAILED after $((SECONDS - started)) s; fix the problem below and save: the preview starts once the site builds."
  fi
  say "What went wrong (the whole output is in $log):"
  # The build's own words: a content or translation file's problem (what
  # build.rs stops with, between "panicked at" and the backtrace), else the
  # lines naming an error, else the end of the output.
  local found
  found=$(awk '/panicked at/ { on = 1; next } on && /stack backtrace|^ *note: / { exit } on { sub(/^ +/, ""); print }' "$log")
  [ -n "$found" ] || found=$(grep -E '^prerender: |(^|[[:space:]])(error|ERROR)[: ]' "$log" | grep -v 'cargo:' | head -20)
  if [ -n "$found" ]; then printf '%s\n' "$found"; else tail -n 30 "$log"; fi
  return 1
}

start_server() {
  [ -n "$server" ] && return
  node tests/browser/serve.mjs "$served" "$port" >target/preview-server.log 2>&1 &
  server=$!
  sleep 1
  if ! kill -0 "$server" 2>/dev/null; then
    say "Could not serve on port $port (is another preview running? try PORT=8091 tools/preview.sh):"
    cat target/preview-server.log
    exit 1
  fi
  say "Open $address in your browser. Watching content/, locales/ and public/contacts.json (Ctrl+C to stop)."
}

seen=$(snapshot)
# The last preview, if any, is shown while the first build runs.
[ -e "$served/index.html" ] && start_server
build && start_server
while sleep 2; do
  [ -n "$server" ] && ! kill -0 "$server" 2>/dev/null && { say "The server stopped:"; cat target/preview-server.log; exit 1; }
  now=$(snapshot)
  [ "$now" = "$seen" ] && continue
  # Changes made while building are seen at the next check, and built then.
  seen=$now
  say "A change was saved; building again."
  build && start_server
done
