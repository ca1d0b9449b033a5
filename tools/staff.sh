#!/usr/bin/env bash
# The press office's command (staff/): check, status, new, stamp.
# `tools/staff.sh --help` (in Russian: `tools/staff.sh --help ru`).
# Built once in release mode (a few minutes the first time, then instant):
# checking 10,000 statements in a debug build takes much longer.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/tools/env.sh"
exec cargo run --quiet --release --manifest-path "$root/Cargo.toml" -p kasipodaq-staff -- "$@"
