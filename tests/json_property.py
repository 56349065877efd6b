#!/usr/bin/env python3
"""Property over generated queries, through the binary: the JSON output
parses, names only dates that exist, and the same input gives the same bytes.

usage: json_property.py ADVISE [CASES]
"""
import datetime as dt
import json
import os
import random
import subprocess
import sys

ADVISE = sys.argv[1]
CASES = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
rng = random.Random(20261124)
ZONES = [None, "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"]
PHASES = [None, "peak", "build", "base", "maintenance", "off-season", "taper", "recovery"]
failures = 0
env = dict(os.environ, TZ="UTC")


def dates(value, path="$"):
    """Every YYYY-MM-DD at the start of a string in the document."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from dates(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from dates(v, f"{path}[{i}]")
    elif isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        yield path, value[:10]


for n in range(CASES):
    today = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(365))
    args = ["--today", today.isoformat(), "--format", "json"]
    zone = rng.choice(ZONES)
    if zone:
        args += ["--tz", zone]
    for _ in range(rng.randrange(4)):
        race = (today + dt.timedelta(days=rng.randrange(-10, 60))).isoformat()
        if zone and rng.random() < 0.5:
            race += "T%02d:%02d" % (rng.randrange(5, 24), rng.choice([0, 30]))
        race += rng.choice(["", "", "@B", "@C"])
        args += ["--race", race]
    phase = rng.choice(PHASES)
    if phase:
        args += ["--phase", phase]
    if rng.random() < 0.7:
        args += ["--last-massage", (today - dt.timedelta(days=rng.randrange(200))).isoformat()]
    if rng.random() < 0.5:
        args += ["--experience", rng.choice(["occasional", "regular"])]
    for _ in range(rng.choice([0, 0, 1, 3])):
        args += ["--hard-workout", (today + dt.timedelta(days=rng.randrange(-3, 30))).isoformat()]
    if rng.random() < 0.25:
        args += ["--symptom", rng.choice(["stiffness", "lingering-ache", "heavy-legs"])]
    if rng.random() < 0.25:
        args += ["--condition", rng.choice(["it-band-acute", "stress-fracture", "hamstring-risk",
                                            "plantar-fasciitis", "other-injury"])]
    if rng.random() < 0.2:
        args += ["--prepare"]
    first = subprocess.run([ADVISE] + args, capture_output=True, env=env)
    second = subprocess.run([ADVISE] + args, capture_output=True, env=env)
    problem = None
    if first.returncode != 0:
        problem = f"exit {first.returncode}: {first.stderr[:200]!r}"
    elif first.stdout != second.stdout:
        problem = "two runs gave different bytes"
    else:
        try:
            doc = json.loads(first.stdout)
            for path, text in dates(doc):
                dt.date.fromisoformat(text)
        except ValueError as e:
            problem = f"{e}"
    if problem:
        failures += 1
        if failures <= 10:
            print(f"case {n}: advise {' '.join(args)}\n  {problem}")
print(f"{CASES - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
