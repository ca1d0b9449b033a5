#!/usr/bin/env bash
# The performance benchmark: sets up what is missing, builds the release
# into dist/ and a generated archive of N statements (tools/gen-archive.mjs,
# 10,000 unless KASIPODAQ_BENCH_N says otherwise) into dist-archive-N/, then
# measures them (sizes, the first view of a statement, Lighthouse on twelve
# pages and each as plain HTML, the language switch, the archive search, and
# the archive and its search at N beside N = 5). Prints the report and writes
# bench-report/report.md and bench-report/report.json. At 10,000 the two
# builds take long (docs/performance.md, "Decisions in the code, measured").
#   tools/bench.sh            report only
#   tools/bench.sh --check    and fail when a budget is breached
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
tools/setup.sh
n="${KASIPODAQ_BENCH_N:-10000}"
tools/build-release.sh
node tools/gen-archive.mjs --count "$n" --seed 13 --out "target/archive-$n"
KASIPODAQ_CONTENT_DIR="$PWD/target/archive-$n" DIST="dist-archive-$n" tools/build-release.sh
node tests/browser/bench.mjs dist --archive "dist-archive-$n" --archive-content "target/archive-$n" "$@"
