#!/usr/bin/env bash
# A script reads the JSON plan and prints the next session's date, intensity
# and the rules behind it.
set -euo pipefail
advise --phase build --last-massage 2026-03-20 --today 2026-03-24 --format json |
  python3 -c '
import json, sys
plan = json.load(sys.stdin)
n = plan["next_session"]
print(n["from"], n["intensity"], n["minutes"], "min:", ", ".join(n["rules"]))
'
