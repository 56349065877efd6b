#!/usr/bin/env bash
# A script asks before booking: `advise check -q` answers with its exit status
# (0 ok or caution, 1 avoid, 2 a usage or input error).
set -euo pipefail
race=2026-04-12
for day in 2026-04-08 2026-04-09 2026-04-10 2026-04-11; do
  if advise check -q --race "$race" --on "$day" --intensity deep --today 2026-04-01; then
    echo "$day: deep work is fine"
  else
    status=$?
    [ "$status" -eq 1 ] || exit "$status"
    echo "$day: avoid deep work"
  fi
done
