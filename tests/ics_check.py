#!/usr/bin/python3
"""iCalendar export checked with an independent reader (Debian's
python3-icalendar): every event's times against the JSON plan of the same
query, the RFC 5545 details (CRLF, 75-octet lines that do not split UTF-8,
escaped TEXT, exclusive all-day DTEND, UTC times), UIDs that stay the same
across runs, DTSTAMP from SOURCE_DATE_EPOCH, and exact golden files.

usage: ics_check.py ADVISE GOLDEN_DIR   (ADVISE_UPDATE=1 rewrites the goldens)
"""
import datetime as dt
import json
import os
import subprocess
import sys

from icalendar import Calendar

ADVISE, GOLDEN = sys.argv[1], sys.argv[2]
STAMP = "1767225600"  # 2026-01-01T00:00:00Z
failures = []


def run(args, tz="UTC", stamp=STAMP, expect=0):
    env = dict(os.environ, TZ=tz, LC_ALL="C.UTF-8")
    env.pop("SOURCE_DATE_EPOCH", None)
    if stamp is not None:
        env["SOURCE_DATE_EPOCH"] = stamp
    r = subprocess.run([ADVISE] + args, capture_output=True, env=env, timeout=30)
    if r.returncode != expect:
        failures.append(f"{args}: exit {r.returncode}, expected {expect}: {r.stderr.decode()}")
    return r


def check(cond, what):
    if not cond:
        failures.append(what)


def utc(iso):
    """An ISO 8601 time from the JSON (with offset) as an aware UTC datetime."""
    return dt.datetime.fromisoformat(iso).astimezone(dt.timezone.utc)


def check_bytes(name, raw):
    check(raw.endswith(b"\r\n"), f"{name}: the file does not end with CRLF")
    for i, physical in enumerate(raw.split(b"\r\n")[:-1]):
        check(b"\n" not in physical and b"\r" not in physical, f"{name}: line {i + 1}: bare LF or CR")
        check(len(physical) <= 75, f"{name}: line {i + 1} has {len(physical)} octets")
        try:
            physical.decode("utf-8")
        except UnicodeDecodeError:
            failures.append(f"{name}: line {i + 1} splits a UTF-8 character")


def check_against_plan(name, args, tz="UTC"):
    """Every event's times agree with the JSON plan of the same query."""
    raw = run(args + ["--format", "ics"], tz=tz).stdout
    plan = json.loads(run(args + ["--format", "json"], tz=tz).stdout)
    check_bytes(name, raw)
    cal = Calendar.from_ical(raw)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    check(len(events) == len(cal.walk("VEVENT")), f"{name}: duplicate UIDs")
    kinds = {"pre-race-session": "pre-race-session", "blackout": "blackout",
             "light-flush": "light-flush", "moderate-after": "moderate-from", "deep-after": "deep-window"}
    expected = 0
    for race in plan["races"]:
        for a in race["advice"]:
            kind = next((k for k, v in kinds.items() if v == a["item"]), None)
            if kind is None or a["cancelled"] or a["passed"]:
                continue
            expected += 1
            key = race["date"]
            if race["timed"]:
                key += "T" + race["start"][11:13] + race["start"][14:16]
            if race["priority"] != "A":
                key += "-" + race["priority"]
            uid = next((u for u in events if u.startswith(f"{kind}-{key}-")), None)
            if uid is None:
                failures.append(f"{name}: no event for {a['item']} of {race['date']}")
                continue
            start, end = events[uid]["DTSTART"].dt, events[uid]["DTEND"].dt
            if a["item"] == "blackout" and plan["zone"]:
                check(start == utc(a["at"]), f"{name}: {uid} starts {start}, plan says {a['at']}")
                check(end == utc(race["start"]), f"{name}: {uid} ends {end}, race starts {race['start']}")
            elif a["item"] == "moderate-from" and a["at"] and plan["zone"]:
                check(start == utc(a["at"]), f"{name}: {uid} starts {start}, plan says {a['at']}")
                check(end - start == dt.timedelta(minutes=a["minutes"]), f"{name}: {uid} length")
            else:
                first = dt.date.fromisoformat(a["from"])
                last = dt.date.fromisoformat(a["to"])
                check(start == first, f"{name}: {uid} starts {start}, plan says {first}")
                check(end == last + dt.timedelta(days=1), f"{name}: {uid} ends {end} (exclusive)")
            check(str(events[uid]["DTSTAMP"].to_ical(), "ascii") == "20260101T000000Z",
                  f"{name}: {uid} DTSTAMP")
    nxt = plan["next_session"]
    if nxt and nxt["race"] is None:  # a race's own session has its event already
        expected += 1
        uid = next((u for u in events if u.startswith("next-session-")), None)
        check(uid is not None and events[uid]["DTSTART"].dt == dt.date.fromisoformat(nxt["from"]),
              f"{name}: next session event")
    check(len(events) == expected, f"{name}: {len(events)} events, expected {expected}")
    return cal, raw


def golden(name, raw):
    path = os.path.join(GOLDEN, name)
    if os.environ.get("ADVISE_UPDATE") == "1":
        with open(path, "wb") as f:
            f.write(raw)
        return
    with open(path, "rb") as f:
        check(f.read() == raw, f"{name}: output differs from {path}")


# A DST weekend in Berlin, a 09:00 start: the blackout starts 08:00 CET.
berlin = ["--race", "2026-03-29T09:00", "--tz", "Europe/Berlin", "--today", "2026-03-20",
          "--last-massage", "2026-03-15"]
cal, raw = check_against_plan("berlin-dst", berlin)
golden("berlin-dst.ics", raw)
blackout = next(e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("blackout-"))
check(blackout["DTSTART"].dt == dt.datetime(2026, 3, 27, 7, 0, tzinfo=dt.timezone.utc),
      "berlin-dst: the blackout starts 2026-03-27 07:00 UTC (08:00 CET)")

# The runner in New York asks about the same Berlin race: the same bytes.
check(run(berlin + ["--format", "ics"], tz="America/New_York").stdout == raw,
      "asked from New York with --tz Europe/Berlin: different output")
# Asked in New York's own zone (03:00 EDT is 09:00 CEST): the same instants.
ny = ["--race", "2026-03-29T03:00", "--tz", "America/New_York", "--today", "2026-03-20",
      "--last-massage", "2026-03-15"]
ny_cal, _ = check_against_plan("new-york", ny, tz="Europe/Berlin")
ny_blackout = next(e for e in ny_cal.walk("VEVENT") if str(e["UID"]).startswith("blackout-"))
check(ny_blackout["DTSTART"].dt == blackout["DTSTART"].dt and
      ny_blackout["DTEND"].dt == blackout["DTEND"].dt, "New York and Berlin: different instants")

# A name with commas, semicolons, quotes, a backslash and non-ASCII letters,
# long enough to fold inside multi-byte characters.
name = 'Ødegaard-Müller, Åsa; "the fast one" \\ Björn Jürgensen-Sánchez, Zoë Ñúñez'
named = ["--race", "2026-10-25T10:00", "--tz", "Europe/Berlin", "--today", "2026-10-10",
         "--last-massage", "2026-10-01", "--name", name]
named_cal, named_raw = check_against_plan("name", named)
golden("name-escaping.ics", named_raw)
for e in named_cal.walk("VEVENT"):
    check(str(e["SUMMARY"]).startswith(name + ": "), f"name: SUMMARY {e['SUMMARY']!r}")
check(b"\\, " in named_raw and b"\\;" in named_raw and b"\\\\" in named_raw,
      "name: commas, semicolons and backslashes are not escaped")

# Importing again: the same runner, race and sessions keep their UIDs on a later day.
later = run(named[:4] + ["--today", "2026-10-12", "--last-massage", "2026-10-01", "--name", name,
                         "--format", "ics"]).stdout
uids = lambda c: {str(e["UID"]) for e in c.walk("VEVENT")}
check(uids(Calendar.from_ical(later)) == uids(named_cal), "UIDs change between runs")
other = run(named[:-1] + ["Someone Else", "--format", "ics"]).stdout
check(not (uids(Calendar.from_ical(other)) & uids(named_cal)), "two runners share UIDs")

# A date-only race without a zone: an all-day blackout on the two days before.
plain_cal, _ = check_against_plan("date-only", ["--race", "2026-04-12", "--today", "2026-04-01"])
b = next(e for e in plain_cal.walk("VEVENT") if str(e["UID"]).startswith("blackout-"))
check(b["DTSTART"].dt == dt.date(2026, 4, 10) and b["DTEND"].dt == dt.date(2026, 4, 12),
      "date-only: blackout Fri-Sat, DTEND exclusive")

# DTSTAMP: reproducible with SOURCE_DATE_EPOCH, refused when malformed.
check(run(berlin + ["--format", "ics"]).stdout == raw, "the same input gives different bytes")
bad = run(berlin + ["--format", "ics"], stamp="12abc", expect=2)
check(bad.stderr == b"advise: error: SOURCE_DATE_EPOCH, '12abc', is not a number of seconds "
                    b"since 1970-01-01 UTC from 0 to 253402300799 (the end of 9999), in decimal "
                    b"digits\n", f"bad stamp: {bad.stderr!r}")
for stamp, ok in (("0", True), ("0001767225600", True), ("253402300799", True),
                  ("253402300800", False), ("-1", False), (" 5", False), ("", True)):
    r = run(berlin + ["--format", "ics"], stamp=stamp, expect=0 if ok else 2)
    if ok and stamp:
        dtstamp = Calendar.from_ical(r.stdout).walk("VEVENT")[0]["DTSTAMP"].dt
        check(int(dtstamp.timestamp()) == int(stamp), f"SOURCE_DATE_EPOCH={stamp}: DTSTAMP {dtstamp}")

# Two races on one day (a C race in the morning, the A race at night): no UID twice.
two = run(["--race", "2026-06-07T08:00@C", "--race", "2026-06-07T18:00", "--tz", "Europe/Berlin",
           "--today", "2026-06-01", "--format", "ics"]).stdout
two_uids = [str(e["UID"]) for e in Calendar.from_ical(two).walk("VEVENT")]
check(len(two_uids) == len(set(two_uids)), f"two races on one day share UIDs: {two_uids}")

# Two A races a day apart share their pre-race session: one event, which
# names both races (two events on one day until 2026-12-05).
shared = run(["--race", "2026-08-31", "--race", "2026-08-30", "--today", "2026-08-09", "--format", "ics"]).stdout
pre = [e for e in Calendar.from_ical(shared).walk("VEVENT") if str(e["UID"]).startswith("pre-race-session-")]
check(len(pre) == 1 and pre[0]["DTSTART"].dt == dt.date(2026, 8, 27), f"shared pre-race session: {[(str(e['UID']), e['DTSTART'].dt) for e in pre]}")
check(len(pre) == 1 and "The same session serves the race on Mon 2026-08-31 too." in str(pre[0]["DESCRIPTION"]),
      f"shared pre-race session: {[str(e['DESCRIPTION']) for e in pre]}")

# A blackout starting in the repeated autumn hour: 48 real hours before the start.
autumn = Calendar.from_ical(run(["--race", "2026-10-27T02:30", "--tz", "Europe/Berlin", "--today",
                                 "2026-10-01", "--format", "ics"]).stdout)
ab = next(e for e in autumn.walk("VEVENT") if str(e["UID"]).startswith("blackout-"))
check(ab["DTEND"].dt - ab["DTSTART"].dt == dt.timedelta(hours=48), f"autumn blackout {ab['DTSTART'].dt}")
check(bad.stdout == b"", "bad stamp: something was written")
now = run(berlin + ["--format", "ics"], stamp=None).stdout
check(Calendar.from_ical(now).walk("VEVENT")[0]["DTSTAMP"].dt.year >= 2026, "DTSTAMP from the clock")

for f in failures:
    print("FAIL:", f)
print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
