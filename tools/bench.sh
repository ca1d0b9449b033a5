#!/usr/bin/env bash
# The performance benchmark: sets up what is missing, builds the release
# into dist/, then measures it (sizes, the first view of a statement,
# Lighthouse on nine pages and on a statement as plain HTML, the language
# switch, the archive search). Prints the report and writes
# bench-report/report.md and bench-report/report.json.
#   tools/bench.sh            report only
#   tools/bench.sh --check    and fail when a budget is breached
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
tools/setup.sh
tools/build-release.sh
node tests/browser/bench.mjs dist "$@"
