#!/usr/bin/env python3
"""Deterministic athlete lists that use every column advise batch reads.

usage: gen_athletes.py ROWS OUT.csv [SEED]

Columns: athlete,race_date,race_time,tz,priority,phase,last_massage,experience,club.
Dates fall in 2026-2027 (use --today 2028-01-01 to make every row valid);
a quarter of the races have a start time and a zone, a fifth are B or C
races, one name in 20 is quoted and holds a comma, some names are non-ASCII,
one club in 50 holds a quoted line break. The same ROWS and SEED always give
the same bytes (random.Random with integer calls only).
"""
import random
import sys
from datetime import date, timedelta

FIRST = ["Anna", "Ben", "Chloé", "David", "Emma", "Felix", "Grace", "Hugo", "Ida", "Jonas",
         "Kira", "Leo", "Mia", "Noah", "Olga", "Søren", "Zoë", "José", "Björn", "Aiko"]
LAST = ["Schmidt", "Nowak", "Smith", "Rossi", "Dubois", "Müller", "García", "Ødegaard",
        "Kipchoge", "Tanaka", "Okafor", "Petrov", "Larsen", "Brown", "Weber", "Kim"]
ZONES = ["Europe/Berlin", "Europe/London", "America/New_York", "Asia/Tokyo",
         "Australia/Sydney", "America/Sao_Paulo"]
PHASES = ["", "peak", "build", "base", "maintenance", "off-season", "taper", "recovery"]
EXPERIENCE = ["", "occasional", "regular", "first-time"]


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: gen_athletes.py ROWS OUT.csv [SEED]")
    rows, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261124)
    start = date(2026, 1, 1)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("athlete,race_date,race_time,tz,priority,phase,last_massage,experience,club\n")
        for i in range(rows):
            race = start + timedelta(days=rng.randrange(700))
            first, last = FIRST[rng.randrange(len(FIRST))], LAST[rng.randrange(len(LAST))]
            name = f'"{last}, {first} {i}"' if rng.randrange(20) == 0 else f"{first} {last} {i}"
            timed = rng.randrange(4) == 0
            clock = f"{rng.randrange(5, 20):02}:{rng.choice([0, 15, 30, 45]):02}" if timed else ""
            # Skip the spring-forward hour everywhere by starting at 05:00 or later.
            zone = ZONES[rng.randrange(len(ZONES))] if timed else ""
            priority = ["", "", "", "", "B", "C"][rng.randrange(6)]
            experience = EXPERIENCE[rng.randrange(len(EXPERIENCE))]
            massage = "" if experience == "first-time" or rng.randrange(8) == 0 else \
                (race - timedelta(days=1 + rng.randrange(120))).isoformat()
            club = '"Harriers\nNorth"' if rng.randrange(50) == 0 else f"club {rng.randrange(300)}"
            f.write(f"{name},{race.isoformat()},{clock},{zone},{priority},"
                    f"{PHASES[rng.randrange(len(PHASES))]},{massage},{experience},{club}\n")


if __name__ == "__main__":
    main()
