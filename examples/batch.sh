#!/usr/bin/env bash
# A coach advises a small athlete list: CSV out, the rejected rows (none
# here) on stderr, and a summary line. The formula-looking club cell comes
# out prefixed with ' so that a spreadsheet shows it instead of running it.
set -euo pipefail
here=$(dirname "$0")
advise batch "$here/athletes.csv" --today 2026-04-01 2>&1
