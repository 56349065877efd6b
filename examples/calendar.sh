#!/usr/bin/env bash
# A runner puts the plan for a Berlin race in a calendar. SOURCE_DATE_EPOCH
# makes the file reproducible; the same --name keeps the event ids, so
# importing a newer plan updates the events instead of duplicating them.
set -euo pipefail
out=$(mktemp)
trap 'rm -f "$out"' EXIT
SOURCE_DATE_EPOCH=1767225600 advise --race 2026-03-29T09:00 --tz Europe/Berlin \
  --today 2026-03-20 --last-massage 2026-03-15 --name "Anna" --format ics > "$out"
echo "events: $(grep -c '^BEGIN:VEVENT' "$out")"
grep -E '^(DTSTART|SUMMARY)' "$out" | tr -d '\r'
