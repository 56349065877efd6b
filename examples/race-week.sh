#!/usr/bin/env bash
# A runner plans around a spring half marathon: when to book the pre-race
# session, when the blackout starts, and what to book after the race.
set -euo pipefail
advise --race 2026-04-12 --last-massage 2026-03-28 --experience regular --today 2026-03-31
