#!/usr/bin/env python3
"""End-to-end checks of `advise batch` as a coach and a script meet it: each
broken-row kind, read = advised + rejected, round trips through Python's csv
module, atomic -o, output failures, and a split run with GNU parallel.

usage: batch_check.py ADVISE WORKDIR
"""
import bz2
import csv
import gzip
import io
import json
import lzma
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
import zipfile

ADVISE, WORK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
# A clean scratch directory each run; only one this script made is removed.
MARKER = os.path.join(WORK, ".advise-batch-check")
if os.path.isdir(WORK):
    if not os.path.exists(MARKER):
        sys.exit(f"{WORK} exists and was not made by batch_check.py; give another directory")
    shutil.rmtree(WORK)
os.makedirs(WORK)
open(MARKER, "w").close()
ENV = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8")
TODAY = ["--today", "2026-04-01"]
HEADER = b"athlete,race_date,phase,last_massage\n"
failures = []
csv.field_size_limit(1 << 30)
# What a stray quote is told, after its place.
STRAY = ("a quote opened here is not closed on its line, and the lines it runs over go wrong or "
         "read as rows; the lines after this one are read again as records")


def check(cond, what):
    if not cond:
        failures.append(what)


def write(name, data):
    path = os.path.join(WORK, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def run(args, stdin=None, env=ENV):
    return subprocess.run([ADVISE, "batch"] + args, input=stdin, capture_output=True, env=env,
                          timeout=120)


def summary(stderr):
    m = re.search(rb"advise: summary: read=(\d+) advised=(\d+) rejected=(\d+) blank=(\d+)\n$", stderr)
    return tuple(int(x) for x in m.groups()) if m else None


def rows(stdout):
    return list(csv.reader(io.StringIO(stdout.decode("utf-8"), newline="")))


def expect(name, data, status, messages, advised, extra=()):
    """One input: its exit status, the exact error lines, the summary."""
    path = write(name, data)
    r = run([path] + TODAY + list(extra))
    check(r.returncode == status, f"{name}: exit {r.returncode}, expected {status}: {r.stderr!r}")
    lines = r.stderr.decode("utf-8", "replace").splitlines()
    errors = [l for l in lines if not l.startswith("advise: summary:")]
    want = [m.replace("FILE", path) for m in messages]
    check(errors == want, f"{name}: stderr\n  {errors[:5]}\nexpected\n  {want}")
    s = summary(r.stderr)
    if status != 2:
        check(s is not None and s[0] == s[1] + s[2], f"{name}: read != advised + rejected: {s}")
        check(s is not None and s[1] == advised, f"{name}: advised {s}, expected {advised}")
        out = rows(r.stdout)
        check(len(out) == 1 + advised, f"{name}: {len(out) - 1} rows out, {advised} advised")
    else:
        check(r.stdout == b"", f"{name}: a fatal error still wrote output")
    return r


# Each broken-row kind: reported with file, line, column, record and field, and skipped.
expect("field-count.csv", HEADER + b"Anna,2026-04-12,peak\nBen,2026-04-12,peak,2026-03-01,x\nCleo,2026-04-12,peak,2026-03-01\n",
       1, ["FILE:2:1: record 1: has 3 fields, the header has 4",
           "FILE:3:1: record 2: has 5 fields, the header has 4"], 1)
expect("bad-date.csv", HEADER + b"Anna,2026-02-30,peak,2026-03-01\n", 1,
       ["FILE:2:6: record 1: field 'race_date': '2026-02-30' is not a valid date: February 2026 has 28 days"], 0)
expect("unclosed.csv", HEADER + b"Anna,2026-04-12,peak,2026-03-01\n\"Ben,2026-04-12,peak,2026-03-01\n", 1,
       ["FILE:3:1: record 2: a quoted field is not closed before the end of the input"], 1)
expect("empty-race-date.csv", HEADER + b"Anna,,peak,\n", 1,
       ["FILE:2:6: record 1: field 'race_date': '' is empty; every row needs the race's date, as YYYY-MM-DD"], 0)
expect("first-timer-default.csv", b"athlete,race_date,last_massage,experience\nAnna,2026-04-12,2026-03-01,\nBen,2026-04-12,2026-03-01,first-time\n", 1,
       ["FILE:2:17: record 1: field 'last_massage': '2026-03-01' is given for a first-timer (the row has no experience, and --experience is first-time), who has had no massage yet",
        "FILE:3:16: record 2: field 'last_massage': '2026-03-01' is given for a first-timer, who has had no massage yet"], 0,
       ["--experience", "first-time"])
expect("empty-lines.csv", HEADER + b"\nAnna,2026-04-12,peak,2026-03-01\n\r\n\nBen,2026-04-12,,\n\n", 0, [], 2)
expect("utf8.csv", HEADER + b"Ann\xe9,2026-04-12,peak,2026-03-01\n", 1,
       ["FILE:2:4: record 1: field 'athlete': 'Ann\\xe9' is not valid UTF-8; save the list as UTF-8"], 0)
expect("nul.csv", HEADER + b"An\x00na,2026-04-12,peak,2026-03-01\nBen,2026-04-12,peak,2026-03-01\n", 1,
       ["FILE:2:3: record 1: field 'athlete': 'An\\x00na' holds a NUL byte"], 1)
long_ok = b"x" * 900_000
r = expect("long-field.csv", b"athlete,race_date,note\n" + b"Anna,2026-04-12," + long_ok + b"\nBen,2026-04-12," + b"y" * 3_000_000 + b"\nCleo,2026-04-12,z\n",
           1, ["FILE:3:1: record 2: is longer than 1 MiB; records that long are refused"], 2)
check(rows(r.stdout)[1][2] == long_ok.decode(), "long-field: a 900 kB field did not come through intact")
expect("long-line.csv", b"athlete,race_date\n" + b"a," * 2_000_000 + b"\nBen,2026-04-12\n", 1,
       ["FILE:2:1: record 1: is longer than 1 MiB; records that long are refused"], 1)
# A list cut short after the CR of its last CRLF: the CR ends the line.
r = expect("cut-crlf.csv", HEADER.replace(b"\n", b"\r\n") + b"Anna,2026-04-12,peak,2026-03-01\r", 0, [], 1)
check(rows(r.stdout)[1][:4] == ["Anna", "2026-04-12", "peak", "2026-03-01"], f"cut-crlf: {r.stdout!r}")
expect("header-only.csv", HEADER, 0, [], 0)
expect("header-only-bom-crlf.csv", b"\xef\xbb\xbf" + HEADER.replace(b"\n", b"\r\n"), 0, [], 0)
# A start in the hour that comes twice: advised, with a note (not counted).
r = expect("repeated-hour.csv", b"athlete,race_date,race_time,tz,phase\nA,2026-10-25,02:30,Europe/Berlin,peak\n"
           b"B,2026-10-25,02:30,Europe/Berlin,bogus\nC,2026-10-25,03:30,Europe/Berlin,\n", 1,
           ["FILE:2:14: record 1: note: field 'race_time': '02:30' on 2026-10-25 happens twice in Europe/Berlin "
            "as the clocks go back; using the first, 2026-10-25T02:30+02:00",
            "FILE:3:34: record 2: field 'phase': 'bogus' is not a training phase; expected one of "
            "peak|build|base|maintenance|off-season|taper|recovery"], 2)
check(rows(r.stdout)[1][10] == "2026-10-23T02:30+02:00", f"repeated hour: blackout {rows(r.stdout)[1][10]}")
expect("empty.csv", b"", 2, ["advise: error: FILE: the input is empty: no header row"], 0)
expect("blank.csv", b"\n\r\n\n", 2, ["advise: error: FILE: no header row: the input holds only blank lines (3)"], 0)
expect("missing-column.csv", b"athlete,phase\nAnna,peak\n", 2,
       ["advise: error: FILE:1: the header has no 'race_date' column; an athlete list needs athlete and race_date (found: 'athlete', 'phase')"], 0)
expect("missing-both.csv", b"club\nx\n", 2,
       ["advise: error: FILE:1: the header has no 'athlete' and no 'race_date' column; an athlete list needs athlete and race_date (found: 'club')"], 0)
expect("semicolons.csv", b"athlete;race_date\nAnna;2026-04-12\n", 2,
       ["advise: error: FILE:1: the header has no 'athlete' and no 'race_date' column; an athlete list needs athlete and race_date (found: 'athlete;race_date'); the list seems separated by ';' or tabs: batch reads comma-separated values"], 0)
expect("two-boms.csv", b"\xef\xbb\xbf\xef\xbb\xbfathlete,race_date\n", 2,
       ["advise: error: FILE:1: the header has no 'athlete' column; an athlete list needs athlete and race_date (found: '\\xef\\xbb\\xbfathlete', 'race_date')"], 0)
expect("header-quote.csv", b'athlete,race_date,"club\nAnna,2026-04-12,x\n', 2,
       ["advise: error: FILE:1:19: the header row has a quote that is not closed on its line"], 0)
expect("unnamed-jsonl.csv", b"athlete,race_date,,\nAnna,2026-04-12,x,y\n", 2,
       ["advise: error: FILE:1: the header has more than one column without a name, and JSON Lines needs a key for each: name them, or write CSV"], 0, ["--format", "jsonl"])
# A zone spelt as a city, or misspelt: the close IANA names are offered; a
# name far from any is not matched to one. A bad TZ says what fixes a row.
expect("zone-names.csv", b"athlete,race_date,race_time,tz\nAnna,2026-04-12,09:00,Berlin\nBen,2026-04-12,09:00,new york\nCleo,2026-04-12,09:00,Mars/Olympus\nDan,2026-04-12,09:00,Europe/Berlin\n", 1,
       ["FILE:2:23: record 1: field 'tz': 'Berlin' is not a time zone; did you mean Europe/Berlin?",
        "FILE:3:22: record 2: field 'tz': 'new york' is not a time zone; did you mean America/New_York?",
        "FILE:4:23: record 3: field 'tz': 'Mars/Olympus' is not a time zone; expected an IANA name such as Europe/Berlin or America/New_York (the names under /usr/share/zoneinfo)"], 1)
path = write("bad-TZ.csv", b"athlete,race_date,race_time\nAnna,2026-04-12,09:00\n")
r = run([path] + TODAY, env=dict(ENV, TZ="Mars/Olympus"))
check(r.stderr.decode().splitlines()[0] == path + ":2:17: record 1: field 'race_time': '09:00' needs a time zone, and the TZ environment variable, 'Mars/Olympus', is not an IANA time zone name (POSIX rules such as CET-1CEST are not read); give the row a tz, or the batch a --tz",
      f"bad-TZ: {r.stderr!r}")
expect("unnamed-csv.csv", b"athlete,race_date,,\nAnna,2026-04-12,x,y\n", 0, [], 1)
expect("bidi.csv", b"athlete,race_date,phase\nA,2026-04-12,pe\xe2\x80\xaeak\n", 1,
       ["FILE:2:14: record 1: field 'phase': 'pe\\xe2\\x80\\xaeak' is not a training phase; expected one of peak|build|base|maintenance|off-season|taper|recovery"], 0)
expect("text-after-quote.csv", HEADER + b"\"Anna\"x,2026-04-12,peak,2026-03-01\n", 1,
       ["FILE:2:7: record 1: field 'athlete': 'Annax' has text after the closing quote of a field"], 0)
# A name with a terminal's escape is refused (as --name refuses one), shown
# escaped; tabs and line breaks in a quoted name are no control to refuse.
expect("escape.csv", HEADER + b"\x1b[31mAnna,2026-13-01,peak,\n", 1,
       ["FILE:2:1: record 1: field 'athlete': '\\x1b[31mAnna' holds a control character (shown escaped); give the name as plain text"], 0)
# Control bytes past the first eight of a name, and a DEL, are shown escaped
# too (the value is scanned eight bytes at a time).
expect("escape-late.csv", b"athlete,race_date\nAnnabelle Marie\x1b]0;x\x07,2026-04-12\nBartholomew Jo\x7fnes,2026-04-12\n", 1,
       ["FILE:2:1: record 1: field 'athlete': 'Annabelle Marie\\x1b]0;x\\x07' holds a control character (shown escaped); give the name as plain text",
        "FILE:3:1: record 2: field 'athlete': 'Bartholomew Jo\\x7fnes' holds a control character (shown escaped); give the name as plain text"], 0)
expect("escape-name.csv", b"athlete,race_date,phase\n\x1b[2J,2026-04-12,peek\nBob\x7f,2026-04-12,peak\nCid\xc2\x9b,2026-04-12,peak\n\"Di\tna\nX\",2026-04-12,peak\n", 1,
       ["FILE:2:1: record 1: field 'athlete': '\\x1b[2J' holds a control character (shown escaped); give the name as plain text",
        "FILE:3:1: record 2: field 'athlete': 'Bob\\x7f' holds a control character (shown escaped); give the name as plain text",
        "FILE:4:1: record 3: field 'athlete': 'Cid\\xc2\\x9b' holds a control character (shown escaped); give the name as plain text"], 1)

# A value too long to show is cut, with its size.
expect("long-value.csv", b"athlete,race_date\nAnna," + b"9" * 100 + b"\n", 1,
       ["FILE:2:6: record 1: field 'race_date': '" + "9" * 60 + "...' (100 bytes) is not a date in the form YYYY-MM-DD (for example 2026-04-12)"], 0)

# Many bad rows: messages go to stderr in blocks, yet each row once, in
# order, every one before the summary.
many = 5000
r = run([write("many-bad.csv", b"athlete,race_date\n" + b"".join(b"a%d,2026-02-30\n" % i for i in range(many)))] + TODAY)
lines = r.stderr.decode().splitlines()
want = [f"{WORK}/many-bad.csv:{i + 2}:{len(f'a{i}') + 2}: record {i + 1}: field 'race_date': '2026-02-30' is not a valid date: February 2026 has 28 days" for i in range(many)]
check(lines == want + [f"advise: summary: read={many} advised=0 rejected={many} blank=0"],
      f"many-bad: {len(lines)} lines, first differences {[(a, b) for a, b in zip(lines, want) if a != b][:2]}")

# A missing file is one message, exit 2.
r = run([os.path.join(WORK, "no-such.csv")])
check(r.returncode == 2 and r.stderr == f"advise: error: cannot read {WORK}/no-such.csv: No such file or directory\n".encode(),
      f"missing file: {r.returncode} {r.stderr!r}")

# The invariant on a list with every kind of damage mixed in.
gen = subprocess.run([sys.executable, "-c", """
import random, sys
rng = random.Random(7)
out = [b"athlete,race_date,phase,last_massage,club\\n"]
bad = [b"x,2026-02-30,peak,,c\\n", b"x,2026-04-12\\n", b"\\xff,2026-04-12,peak,,c\\n", b"\\n",
       b"x,2026-04-12,peek,,c\\n", b"x,2026-04-12,peak,2027-01-01,c\\n", b"\\"a\\"b,2026-04-12,,,\\n",
       b"x,2026-04-12,,,\\"multi\\nline, \\"\\"quoted\\"\\"\\"\\r\\n", b"a\\x00b,2026-04-12,,,\\n"]
for i in range(20000):
    if rng.random() < 0.1:
        out.append(rng.choice(bad))
    else:
        out.append(("r%d,2026-%02d-%02d,%s,2026-03-%02d,club %d\\n" % (i, rng.randint(4, 12), rng.randint(1, 28),
                    rng.choice(["peak", "build", "base", "", "taper"]), rng.randint(1, 28), i)).encode())
sys.stdout.buffer.write(b"".join(out))
"""], capture_output=True, check=True).stdout
mixed = write("mixed.csv", gen)
r = run([mixed] + TODAY + ["-q"])
reported = len([l for l in r.stderr.splitlines() if b": record " in l])
out_rows = len(rows(r.stdout)) - 1
r2 = run([mixed] + TODAY)
s = summary(r2.stderr)
check(s is not None and s[0] == s[1] + s[2] and s[1] == out_rows and s[2] == reported,
      f"mixed: summary {s}, {out_rows} rows out, {reported} reported")
check(r.returncode == 1, "mixed: exit status")

# --errors FILE: the rejected rows as CSV; stderr keeps only the summary.
errs = os.path.join(WORK, "errors.csv")
r = run([mixed, "--errors", errs] + TODAY)
er = list(csv.reader(open(errs, encoding="utf-8", newline="")))
check(er[0] == ["file", "line", "column", "record", "field", "value", "message"], "errors file header")
check(len(er) - 1 == s[2], f"errors file: {len(er) - 1} rows, {s[2]} rejected")
check(r.stderr.startswith(b"advise: summary:"), "--errors: stderr holds more than the summary")
# A row rejected whole shows the row, to fix it from the file: its line; a
# stray quote's line only; a row refused for its size, cut and marked so.
whole = write("whole-rows.csv", b"athlete,race_date,phase\nAnna,2026-05-01\n\"Ben,2026-05-01,peak\nCy,2026-05-01,peak\n"
              b"Di,2026-05-01,peak,x\r\nEd,2026-05-01," + b"e" * 1_100_000 + b"\n"
              b"Fa\"y,2026-05-01,peak,x\n\"G, H\",2026-05-01,peak,x\n")
run([whole, "--errors", errs] + TODAY)
er = list(csv.reader(open(errs, encoding="utf-8", newline="")))
check([row[1:6] for row in er[1:]] == [["2", "1", "1", "", "Anna,2026-05-01"],
                                       ["3", "1", "2", "", '"Ben,2026-05-01,peak'],
                                       ["5", "1", "4", "", "Di,2026-05-01,peak,x"],
                                       ["6", "1", "5", "", "Ed,2026-05-01," + "e" * 1010 + "... (record cut short)"],
                                       # a quote inside a field is data: the line as read;
                                       ["7", "1", "6", "", 'Fa"y,2026-05-01,peak,x'],
                                       # a quoted field: the fields as CSV again
                                       ["8", "1", "7", "", '"G, H",2026-05-01,peak,x']],
      f"--errors whole rows: {[row[1:6] for row in er[1:]]!r:.600}")

# Passed-through columns round-trip through Python's csv unchanged.
tricky = [["athlete", "race_date", "club", "note"],
          ["Müller, Åsa", "2026-04-12", 'Striders "Berlin"', "two\nlines\r\nand, commas"],
          ["Zoë", "2026-05-03", "", "   spaces   "],
          ["李雷", "2026-06-01", "naïve café", "'quoted'"]]
buf = io.StringIO(newline="")
csv.writer(buf, lineterminator="\r\n").writerows(tricky)
r = run([write("tricky.csv", buf.getvalue().encode())] + TODAY)
back = rows(r.stdout)
check([row[:4] for row in back] == tricky, f"round trip: {[row[:4] for row in back]}")

# Formula cells are neutralised by default, kept with --allow-formulas.
formulas = write("formulas.csv", b"athlete,race_date,club\n=HYPERLINK(\"x\"),2026-04-12,+1\n@SUM(A1),2026-04-12,-2\n")
cells = [row[0] + "|" + row[2] for row in rows(run([formulas] + TODAY).stdout)[1:]]
check(cells == ["'=HYPERLINK(\"x\")|'+1", "'@SUM(A1)|'-2"], f"neutralised: {cells}")
cells = [row[0] for row in rows(run([formulas, "--allow-formulas"] + TODAY).stdout)[1:]]
check(cells == ['=HYPERLINK("x")', "@SUM(A1)"], f"--allow-formulas: {cells}")

# JSONL: one object per athlete, null where there is no advice.
r = run([write("tune-up.csv", b"athlete,race_date,priority\nBen,2026-04-12,C\n"), "--format", "jsonl"] + TODAY)
obj = json.loads(r.stdout)
check(obj["athlete"] == "Ben" and obj["pre_race_session"] is None and obj["blackout_start"] == "2026-04-10T00:00",
      f"jsonl: {obj}")

# -o is atomic: a fatal error leaves an existing file as it was and no stray files.
target = os.path.join(WORK, "advice.csv")
write("advice.csv", b"old contents\n")
run([write("fatal.csv", b"athlete,phase\nA,peak\n"), "-o", target] + TODAY)
check(open(target, "rb").read() == b"old contents\n", "-o: a failed run touched the file")
check(not [f for f in os.listdir(WORK) if f.startswith("advice.csv.")], "-o: a temporary file was left")
r = run([mixed, "-o", target, "-q"] + TODAY)
check(open(target, "rb").read() == run([mixed, "-q"] + TODAY).stdout, "-o: different from stdout")

# Output failures: a full disk is an error and exit 2; a closed pipe ends quietly.
with open("/dev/full", "wb") as full:
    clean = write("clean.csv", HEADER + b"Anna,2026-04-12,peak,2026-03-01\n" * 30000)
    r = subprocess.run([ADVISE, "batch", clean, "-q"] + TODAY, stdout=full, stderr=subprocess.PIPE, env=ENV)
check(r.returncode == 2 and r.stderr == b"advise: error: cannot write the output: No space left on device\n",
      f"/dev/full: {r.returncode} {r.stderr[:300]!r}")
p = subprocess.run(f"'{ADVISE}' batch '{mixed}' --today 2026-04-01 -q 2>{WORK}/pipe.err | head -1 >/dev/null",
                   shell=True, env=ENV)
check(open(f"{WORK}/pipe.err", "rb").read().count(b"advise: error") == 0, "closed pipe: an error message")

# An unwritable or closed stderr: still one exit status, never an abort.
with open("/dev/full", "wb") as full:
    r = subprocess.run([ADVISE, "--race", "2026-02-30"], stdout=subprocess.PIPE, stderr=full, env=ENV)
check(r.returncode == 2, f"stderr on /dev/full: exit {r.returncode}")
r = subprocess.run(f"'{ADVISE}' --race 2026-02-30 2>&-", shell=True, env=ENV)
check(r.returncode == 2, f"stderr closed: exit {r.returncode}")
# A closed stdin is not an empty list.
r = subprocess.run(f"'{ADVISE}' batch - <&-", shell=True, env=ENV, capture_output=True)
check(r.returncode == 2 and r.stderr == b"advise: error: cannot read <stdin>: it is closed; give a file, or the list on stdin\n",
      f"stdin closed: {r.returncode} {r.stderr!r}")

# GNU parallel, 2 jobs: the same bytes as one run.
if shutil.which("parallel") is None:
    failures.append("GNU parallel is not installed (Debian package: parallel)")
else:
    big = write("big.csv", b"athlete,race_date,phase,last_massage,club\n" + b"".join(
        b"r%d,2026-%02d-%02d,build,2026-03-%02d,c\n" % (i, 4 + i % 9, 1 + i % 28, 1 + i % 28) for i in range(50000)))
    single = run([big, "-q"] + TODAY).stdout
    split = subprocess.run(
        f"parallel --pipe --header : --keep-order -j2 --block 200k "
        f"'{ADVISE} batch -q --today 2026-04-01 --chunk {{#}} -' < '{big}'",
        shell=True, capture_output=True, env=ENV).stdout
    check(split == single, f"parallel: {len(split)} bytes, single run {len(single)}")
    # Quoted line breaks: --csv cuts between records; 4 jobs, blocks down to 4 kB.
    ml = write("multiline.csv", b"athlete,race_date,note\n" + b"".join(
        (b'r%d,2026-%02d-%02d,"Long\nIsland, ""NY"""\n' if i % 4 == 0 else b"r%d,2026-%02d-%02d,x\n")
        % (i, 4 + i % 9, 1 + i % 28) for i in range(20000)))
    single_ml = run([ml, "-q"] + TODAY).stdout
    for block in ("4k", "64k"):
        split_ml = subprocess.run(
            f"parallel --csv --pipe --header : --keep-order -j4 --block {block} "
            f"'{ADVISE} batch -q --today 2026-04-01 --chunk {{#}} -' < '{ml}'",
            shell=True, capture_output=True, env=ENV).stdout
        check(split_ml == single_ml, f"parallel --csv, block {block}: {len(split_ml)} bytes, single {len(single_ml)}")
    # Summaries add up across chunks.
    sums = subprocess.run(
        f"parallel --pipe --header : --keep-order -j2 --block 200k "
        f"'{ADVISE} batch --today 2026-04-01 --chunk {{#}} - >/dev/null' < '{mixed}' 2>&1 | "
        "awk -F'[ =]' '/^advise: summary:/ {r+=$4; a+=$6; j+=$8} END {print r, a, j}'",
        shell=True, capture_output=True, env=ENV).stdout.split()
    check([int(x) for x in sums] == list(s[:3]), f"parallel summaries {sums}, single {s[:3]}")

# One stray quote costs its line, not the rest of the file.
lines = [b"athlete,race_date,phase"] + [b"r%d,2026-05-%02d,peak" % (i, 1 + i % 28) for i in range(60000)]
lines[11] = b'"' + lines[11]
lines[40] = b'"Smith, Ann",2026-05-01,peak'
expect("stray-quote.csv", b"\n".join(lines) + b"\n", 1,
       ["FILE:12:1: record 11: " + STRAY], 59999)
# The same after a line already over 1 MiB: its quote is stray too (this lost
# the three rows after it, uncounted, until 2026-12-05).
expect("long-stray-quote.csv", b"athlete,race_date,note\nbig,2026-05-01,\"" + b"w" * 1_100_000 +
       b"\nann,2026-05-01,x\nben,2026-05-01,y\ncy,2026-05-01,\"z\"\ndi,2026-05-01,ok\n", 1,
       ["FILE:2:16: record 1: " + STRAY], 4)
# A quote closed on a later line, in a record without the header's width:
# stray too, and the row between is advised.
expect("stray-closed-later.csv", b"athlete,race_date,priority\nAnn,\"2026-05-10,A\nBob,2026-05-10,A\nCid,2026-05-10,A\"\n", 1,
       ["FILE:2:5: record 1: " + STRAY,
        "FILE:4:16: record 3: field 'priority': 'A\"' is not a priority; expected A, B or C"], 1)
# A quote that closes after swallowing whole rows, with the header's width:
# stray all the same (these two rows vanished into Ann's note, exit 0, until
# 2026-12-05); a note whose lines hold no date where rows have one stays one.
expect("stray-closes-on-rows.csv", b"athlete,race_date,note\nAnn,2026-05-10,\"a\nBob,2026-05-10,b\nCid,2026-05-10,c\"\nDan,2026-05-10,d\n", 1,
       ["FILE:2:16: record 1: " + STRAY], 3)
# ... however few the rows, whatever their width or date format: a quote
# closed on the next line by a quote in the row (5'11"), rows with trailing
# commas, dates in other formats.
expect("stray-closes-next-line.csv", b"athlete,race_date,notes\nAnna,2026-05-10,\"sore calf\nBen,2026-05-11,height 5'11\"\nCara,2026-05-12,ok\n", 1,
       ["FILE:2:17: record 1: " + STRAY], 2)
expect("stray-closes-wide-rows.csv", b"athlete,race_date,notes\nR1,2026-05-10,\"a\nR2,2026-05-11,b,\nR3,2026/05/12,c\"\nR4,2026-05-13,d\n", 1,
       ["FILE:2:15: record 1: " + STRAY,
        "FILE:3:1: record 2: has 4 fields, the header has 3; the last one is empty (a comma at the end of the row?)",
        "FILE:4:4: record 3: field 'race_date': '2026/05/12' is not a date in the form YYYY-MM-DD (for example 2026-04-12)"], 1)
# A row the batch would refuse (a space before its date) is a row all the same.
expect("stray-spaced-date.csv", b"athlete,race_date,notes\nA1,2026-05-10,\"note\nA2, 2026-05-11,y\nend\"\nA3,2026-05-12,z\n", 1,
       ["FILE:2:15: record 1: " + STRAY,
        "FILE:3:4: record 2: field 'race_date': ' 2026-05-11' is not a date in the form YYYY-MM-DD (for example 2026-04-12)",
        "FILE:4:1: record 3: has 1 field, the header has 3"], 1)
# ... however far into the quote the row is: past 64 lines, and past the
# 1 MiB kept (there the quote was taken for a long field, and the rows after
# it, to the end of the list, were lost until 2026-12-05).
far = b"athlete,race_date,notes\nA1,2026-05-10,\"note\n" + b"blah\n" * 64 + b"A2,2026-05-11,y\nend\"\nA3,2026-05-12,z\n"
r = expect("stray-far.csv", far, 1, ["FILE:2:15: record 1: " + STRAY]
           + [f"FILE:{n}:1: record {n - 1}: has 1 field, the header has 3" for n in range(3, 67)] + ["FILE:68:1: record 67: has 1 field, the header has 3"], 2)
check([row[0] for row in rows(r.stdout)[1:]] == ["A2", "A3"], f"stray far: {[row[0] for row in rows(r.stdout)[1:]]}")
lorem = b"athlete,race_date,notes\nA1,2026-05-10,\"note\n" + b"lorem ipsum dolor sit amet\n" * 45000
r = expect("long-open-rows.csv", lorem + b"A2,2026-05-11,y\nA3,2026-05-12,z\n", 1,
           ["FILE:2:1: record 1: is longer than 1 MiB; records that long are refused"], 2)
check([row[0] for row in rows(r.stdout)[1:]] == ["A2", "A3"], f"long open: {[row[0] for row in rows(r.stdout)[1:]]}")
r = expect("long-closed-in-row.csv", lorem + b"A2,2026-05-11,y\"\nA3,2026-05-12,z\n", 1,
           ["FILE:2:1: record 1: is longer than 1 MiB; records that long are refused"], 2)
check([row[0] for row in rows(r.stdout)[1:]] == ["A2", "A3"], f"long closed in a row: {[row[0] for row in rows(r.stdout)[1:]]}")
r = expect("note-with-commas.csv", b"athlete,race_date,note\nAnn,2026-05-10,\"Good week.\nRan 10k, felt good, sore calf\nRest\"\nDan,2026-05-10,d\n", 0, [], 2)
check(rows(r.stdout)[1][2] == "Good week.\nRan 10k, felt good, sore calf\nRest", f"note with commas: {rows(r.stdout)[1]}")
# Rows swallowed whose race_date is not a date (TBD, empty) are rows too,
# by their width with no space after a comma: they vanished, exit 0, until
# 2026-12-05. A sentence's commas have spaces after them: one note.
expect("stray-swallows-undated.csv", b"athlete,race_date,note\nAnn,2026-04-12,\"Marathon PB\nDee,TBD,\nZed,,5'10\"\nCy,2026-04-12,ok\n", 1,
       ["FILE:2:16: record 1: " + STRAY,
        "FILE:3:5: record 2: field 'race_date': 'TBD' is not a date in the form YYYY-MM-DD (for example 2026-04-12)",
        "FILE:4:5: record 3: field 'race_date': '' is empty; every row needs the race's date, as YYYY-MM-DD"], 1)
r = expect("note-sentence-header-width.csv", b"athlete,race_date,note\nAnn,2026-05-10,\"Knee, then ok\nsee physio, fine\"\nDan,2026-05-10,d\n", 0, [], 2)
check(rows(r.stdout)[1][2] == "Knee, then ok\nsee physio, fine", f"note sentence: {rows(r.stdout)[1]}")
# A line break in a quoted cell before race_date (a spreadsheet's Alt+Enter)
# is one field: the date after its closing quote is the row's own. It was
# taken for a swallowed row, and "Smith\"" advised, until 2026-12-05.
r = expect("multiline-before-date.csv", b"athlete,race_date\n\"Anna\nSmith\",2026-04-12\nBob,2026-04-12\n", 0, [], 2)
check(rows(r.stdout)[1][0] == "Anna\nSmith", f"multi-line name: {rows(r.stdout)[1]}")
r = expect("multiline-first-column.csv", b"note,athlete,race_date\n\"Long\nIsland\",Anna,2026-04-12\nx,Bob,2026-04-12\n", 0, [], 2)
check(rows(r.stdout)[1][:2] == ["Long\nIsland", "Anna"], f"multi-line first column: {rows(r.stdout)[1]}")
# Found by a new user, 2026-12-05 (each lost a row, or refused a valid list):
# a quote left open in the header took the rows into a column's name, exit 0;
expect("header-open-quote.csv", b'athlete,race_date,"notes\nAnna,2026-04-12,x\nBen,2026-04-13,y"\nCara,2026-04-14,z\n', 2,
       ["advise: error: FILE:1:19: the header row has a quote that is not closed on its line (a column name cannot hold a line break); close it, or remove it"], 0)
# a quote whose own line holds the row's date inside it ("Anna,2026-04-12):
# Anna advised with Ben's date, Ben gone, exit 0;
expect("stray-opening-line.csv", b'athlete,race_date\n"Anna,2026-04-12\nBen",2026-04-13\nCara,2026-04-14\n', 1,
       ["FILE:2:1: record 1: " + STRAY], 2)
expect("stray-inch-mark.csv", b"athlete,height,race_date\nAnna,\"5'6,2026-04-12\nBen,6'0\",2026-04-13\nCy,5,2026-04-14\n", 1,
       ["FILE:2:6: record 1: " + STRAY], 2)
# and a note's line that starts with a date, or holds one in the row's
# place with words after it, or ",,", is no row: one note.
for name, note in [("note-dated-line.csv", b"Seen by physio on\n2026-03-30 for calf"),
                   ("note-plan-lines.csv", b"Plan:\nwk1,2026-04-05 tempo 5k\nwk2 easy"),
                   ("note-empty-cells.csv", b"a\n,,\nb")]:
    r = expect(name, b"athlete,race_date,notes\nAnna,2026-04-12,\"" + note + b"\"\nBen,2026-04-13,x\n", 0, [], 2)
    check(rows(r.stdout)[1][2] == note.decode(), f"{name}: {rows(r.stdout)[1]}")
r = expect("note-dated-line-first-column.csv", b'race_date,athlete,notes\n2026-04-12,Anna,"Seen by physio on\n2026-03-30 for calf"\n2026-04-13,Ben,x\n', 0, [], 2)
# A quoted field of text over 1 MiB with line breaks in it is one long
# record, not a stray quote whose 120,000 lines are rows.
expect("long-field-lines.csv", b"athlete,race_date,note\nann,2026-05-01,ok\nbig,2026-05-01,\"" +
       b"a line of text\n" * 120_000 + b"\"\nben,2026-05-01,ok\n", 1,
       ["FILE:3:1: record 2: is longer than 1 MiB; records that long are refused"], 2)

# Lists with broken rows of every quote kind mixed among good ones, some of
# them quoted over two lines: each broken row is one rejection at its own
# line, and every good row is advised.
for seed in range(12):
    rnd = random.Random(seed)
    lines, good, bad_lines = [b"athlete,race_date,note"], set(), []
    for i in range(rnd.randint(50, 300)):
        name, k = b"r%d" % i, rnd.random()
        broken = {0.05: b'"' + name + b",2026-05-01,x", 0.08: name + b',2026-05-01,"x',
                  0.10: name + b',"2026-05-01"z,x', 0.11: name + b',2026-05-01,"' + b"w" * rnd.choice([10, 1_100_000])}
        row = next((text for limit, text in broken.items() if k < limit), None)
        if row is not None:
            bad_lines.append(len(lines) + 1)
        elif k < 0.15:
            row = b'"' + name + b', jr",2026-05-01,"two\nlines"'
            good.add(name.decode() + ", jr")
        else:
            row = name + b",2026-05-01,ok"
            good.add(name.decode())
        lines.extend(row.split(b"\n"))
    r = run([write("mixed-quotes.csv", b"\n".join(lines) + rnd.choice([b"\n", b""]))] + TODAY)
    reported = [int(l.split(b":")[1]) for l in r.stderr.splitlines() if not l.startswith(b"advise: summary:")]
    advised = {row[0] for row in rows(r.stdout)[1:]}
    s = summary(r.stderr)
    check(reported == bad_lines and advised == good and s is not None and s[:3] == (len(good) + len(bad_lines), len(good), len(bad_lines)),
          f"mixed quotes, seed {seed}: reported lines {reported[:8]}, broken {bad_lines[:8]}; "
          f"{len(good - advised)} good rows not advised; summary {s}")

# The input is never overwritten; -o and --errors are never one file; --errors - is refused.
victim = write("victim.csv", HEADER + b"Anna,2026-04-12,peak,2026-03-01\n")
for args, message in (
        (["-o", victim], f"advise: error: -o names the input file, {victim}; write to another file\n"),
        (["--errors", victim], f"advise: error: --errors names the input file, {victim}; write to another file\n"),
        (["-o", f"{WORK}/same.csv", "--errors", f"{WORK}/same.csv"],
         "advise: error: --errors and -o name the same file; give them different files\n"),
        (["--errors", "-"], "advise: error: --errors needs a file name; without --errors, bad rows go to stderr\n")):
    r = run([victim] + TODAY + args)
    check(r.returncode == 2 and r.stderr == message.encode(), f"{args}: {r.returncode} {r.stderr!r}")
# Devices are shared: -o /dev/null --errors /dev/null discards both.
r = run([write("one-bad.csv", HEADER + b"Anna,2026-04-12,peak,2026-03-01\nBen,2026-02-30,peak,\n"),
         "-o", "/dev/null", "--errors", "/dev/null"] + TODAY)
check(r.returncode == 1 and r.stdout == b"" and r.stderr == b"advise: summary: read=2 advised=1 rejected=1 blank=0\n",
      f"/dev/null twice: {r.returncode} {r.stderr!r}")
check(open(victim, "rb").read() == HEADER + b"Anna,2026-04-12,peak,2026-03-01\n", "the input was touched")
os.symlink(victim, f"{WORK}/link.csv")
r = run([victim, "-o", f"{WORK}/link.csv"] + TODAY)
check(r.returncode == 2, "-o through a symlink to the input")

# Special files are written in place, never replaced; a symlink stays a symlink.
fifo = f"{WORK}/fifo"
os.mkfifo(fifo)
reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE)
run([victim, "-o", fifo, "-q"] + TODAY)
got = reader.communicate(timeout=30)[0]
check(got.startswith(b"athlete,") and os.path.exists(fifo) and not os.path.isfile(fifo),
      f"fifo: {len(got)} bytes, still a fifo: {not os.path.isfile(fifo)}")
target = write("target.csv", b"old\n")
os.symlink(target, f"{WORK}/out-link.csv")
run([victim, "-o", f"{WORK}/out-link.csv", "-q"] + TODAY)
check(os.path.islink(f"{WORK}/out-link.csv") and open(target, "rb").read().startswith(b"athlete,"),
      "-o through a symlink: the link was replaced or its target not written")
# File names and --columns names cannot drive the terminal; long values in --errors say they were cut.
r = run([f"{WORK}/no\x1b[2Jfile.csv"] + TODAY)
check(r.stderr == f"advise: error: cannot read {WORK}/no\\x1b[2Jfile.csv: No such file or directory\n".encode(),
      f"escaped file name: {r.stderr!r}")
r = run([victim, "--columns", "athlete,race_date,\x01"] + TODAY)
check(r.returncode == 2 and r.stderr == b"advise: error: --columns: names must be UTF-8 text without control "
      b"characters, not 'athlete,race_date,\\x01' (see 'advise batch --help')\n", f"--columns control: {r.stderr!r}")
r = run([victim, "--columns", "club,x"] + TODAY)
check(r.returncode == 2 and r.stderr == b"advise: error: --columns: the list has no 'athlete' and no 'race_date' column; "
      b"an athlete list needs athlete and race_date (found: 'club', 'x')\n", f"--columns missing: {r.stderr!r}")
long_value = write("long-value.csv", b"athlete,race_date\nA," + b"9" * 5000 + b"\n")
run([long_value, "--errors", f"{WORK}/long-errors.csv"] + TODAY)
lv = list(csv.reader(open(f"{WORK}/long-errors.csv", encoding="utf-8", newline="")))
check(lv[1][5] == "9" * 1024 + "... (5000 bytes)", f"--errors long value: {lv[1][5][-30:]!r}")
# One new file spelled two ways is still one file.
os.chdir(WORK)
r = run([victim, "-o", "fresh.csv", "--errors", "./fresh.csv"] + TODAY)
check(r.returncode == 2 and b"name the same file" in r.stderr and not os.path.exists("fresh.csv"),
      f"two spellings: {r.returncode} {r.stderr!r}")
# Standard input read from the file -o names.
with open(victim, "rb") as f:
    r = subprocess.run([ADVISE, "batch", "-", "-o", victim] + TODAY, stdin=f, capture_output=True, env=ENV)
check(r.returncode == 2 and r.stderr == b"advise: error: -o names the file standard input reads; write to another file\n",
      f"stdin is -o: {r.stderr!r}")
# /dev/stdout is the descriptor the shell opened: appending stays appending.
log = write("log.txt", b"keep me\n")
subprocess.run(f"'{ADVISE}' batch -q --today 2026-04-01 '{victim}' -o /dev/stdout >> '{log}'", shell=True, env=ENV)
check(open(log, "rb").read().startswith(b"keep me\nathlete,"), f"-o /dev/stdout >> log: {open(log, 'rb').read()[:40]!r}")
r = subprocess.run(f"'{ADVISE}' batch -q --today 2026-04-01 '{victim}' -o /dev/stdout | cat", shell=True, env=ENV,
                   capture_output=True)
check(r.stdout.startswith(b"athlete,") and r.stderr == b"", f"-o /dev/stdout into a pipe: {r.stderr!r}")
# Root writing a user's file keeps its owner and group.
if os.geteuid() == 0:
    owned = write("owned.csv", b"old\n")
    os.chown(owned, 65534, 65534)
    run([victim, "-o", owned, "-q"] + TODAY)
    st = os.stat(owned)
    check((st.st_uid, st.st_gid) == (65534, 65534), f"owner not kept: {st.st_uid}:{st.st_gid}")
# A link that leads nowhere is refused, not replaced by a file.
os.symlink(f"{WORK}/no-such-dir/x.csv", f"{WORK}/dangling.csv")
r = run([victim, "-o", f"{WORK}/dangling.csv"] + TODAY)
check(r.returncode == 2 and os.path.islink(f"{WORK}/dangling.csv") and r.stderr ==
      f"advise: error: cannot write {WORK}/dangling.csv: it is a symbolic link that does not lead to a file "
      "(No such file or directory); give the file itself\n".encode(), f"dangling link: {r.returncode} {r.stderr!r}")
# A directory that is not there: named.
r = run([victim, "-o", f"{WORK}/no-such-dir/out.csv"] + TODAY)
check(r.returncode == 2 and r.stderr ==
      f"advise: error: cannot write {WORK}/no-such-dir/out.csv: cannot create a file in {WORK}/no-such-dir "
      "(No such file or directory); the file is written there under a temporary name, then renamed\n".encode(),
      f"missing directory: {r.stderr!r}")
# An empty file name is refused, not read as "not given".
for flag, otherwise in (("-o", "--output: needs a file name; without -o, the output goes to stdout"),
                        ("--errors", "--errors: needs a file name; without --errors, bad rows go to stderr")):
    r = run([victim, flag, ""] + TODAY)
    check(r.returncode == 2 and r.stdout == b"" and
          r.stderr == f"advise: error: {otherwise} (see 'advise batch --help')\n".encode(), f"{flag} '': {r.stderr!r}")
# Past a file-size limit: an error, the old file kept, no temporary file left.
limited = write("limited.csv", b"old\n")
big_list = write("big-list.csv", HEADER + b"".join(b"Runner %d,2026-04-12,peak,2026-03-01\n" % i for i in range(20000)))
r = subprocess.run([ADVISE, "batch", big_list, "-o", limited] + TODAY, capture_output=True, env=ENV, timeout=120,
                   preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000)))
check(r.returncode == 2 and r.stderr == f"advise: error: cannot write {limited}: File too large\n".encode()
      and open(limited, "rb").read() == b"old\n" and
      not [f for f in os.listdir(WORK) if f.startswith("limited.csv.")], f"file-size limit: {r.returncode} {r.stderr!r}")
# An existing file keeps its mode.
private = write("private.csv", b"old\n")
os.chmod(private, 0o600)
run([victim, "-o", private, "-q"] + TODAY)
check(os.stat(private).st_mode & 0o777 == 0o600, f"mode {oct(os.stat(private).st_mode & 0o777)}")

# Lines ending in CR alone (classic Mac OS) read as one header: said so.
expect("cr-only.csv", b"athlete,race_date,phase\rAnna,2026-04-12,peak\rBen,2026-04-12,base\r", 2,
       ["advise: error: FILE:1: the header holds a carriage return (\\x0d) that no line feed follows; if the lines end in CR alone (classic Mac OS), convert them first, e.g. tr '\\r' '\\n' <in.csv >fixed.csv"], 0)
expect("cr-only-rows.csv", b"athlete,race_date\nAnn,2026-04-10\rBob,2026-04-11\rCid,2026-04-12\r", 1,
       ["FILE:2:1: record 1: has 4 fields, the header has 2; it holds a carriage return that no line feed follows: if the lines end in CR alone (classic Mac OS), convert them first, e.g. tr '\\r' '\\n' <in.csv >fixed.csv"], 0)
# A no-break space reads as a space on a terminal: shown escaped.
expect("nbsp.csv", b"athlete,race_date\nAnna,2026-04-12\xc2\xa0\n", 1,
       ["FILE:2:6: record 1: field 'race_date': '2026-04-12\\xc2\\xa0' is not a date in the form YYYY-MM-DD (for example 2026-04-12)"], 0)
# A spreadsheet's export: empty rows (,,) are blank, as empty lines are;
# trailing commas on some rows are named as such.
r = expect("sheet-export.csv", b"athlete,race_date,notes\r\nR1,2026-04-12,a,\r\n,,\r\n\"\",,\r\nR2,2026-04-12,b\r\n,,\r\n", 1,
           ["FILE:2:1: record 1: has 4 fields, the header has 3; the last one is empty (a comma at the end of the row?)"], 1)
check(summary(r.stderr) == (2, 1, 1, 3), f"sheet export summary: {summary(r.stderr)}")
# A name of spaces alone (no-break or tab too) is no name.
expect("blank-name.csv", b"athlete,race_date\n \xc2\xa0,2026-04-12\n\t,2026-04-12\nAnn,2026-04-12\n", 1,
       ["FILE:2:1: record 1: field 'athlete': ' \\xc2\\xa0' holds only spaces; every row needs the athlete's name",
        "FILE:3:1: record 2: field 'athlete': '\\x09' holds only spaces; every row needs the athlete's name"], 1)
# Phases, priorities and experience in any case, as spreadsheets write them;
# the advice names the phase as listed.
r = expect("any-case.csv", b"athlete,race_date,phase,priority,experience\nAnna,2026-04-12,PEAK,b,Regular\nBen,2026-04-12,Off-Season,C,first-TIME\n",
           0, [], 2)
check([row[15] for row in rows(r.stdout)[1:]] == ["peak", "off-season"], f"any case: {rows(r.stdout)}")
check([row[:5] for row in rows(r.stdout)[1:]] == [["Anna", "2026-04-12", "PEAK", "b", "Regular"],
      ["Ben", "2026-04-12", "Off-Season", "C", "first-TIME"]], f"any case passed through: {rows(r.stdout)}")
# With --columns, a row of the wrong width is compared with the option's list.
expect("columns-width.csv", b"Anna,2026-04-12\nBen,2026-04-12,x\n", 1,
       ["FILE:2:1: record 2: has 3 fields, --columns names 2"], 1, ["--columns", "athlete,race_date"])

# A list in another encoding: the header says how to convert it.
expect("utf16.csv", "athlete,race_date\nAnna,2026-04-12\n".encode("utf-16"), 2,
       ["advise: error: FILE:1:1: the header row is not valid UTF-8; batch reads UTF-8: save the list as UTF-8 (in a spreadsheet, CSV UTF-8), or convert it, e.g. iconv -f UTF-16 -t UTF-8 <in.csv >out.csv"], 0)
expect("utf16-nomark.csv", "athlete,race_date\n".encode("utf-16-le"), 2,
       ["advise: error: FILE:1:2: the header row holds a NUL byte; batch reads UTF-8: save the list as UTF-8 (in a spreadsheet, CSV UTF-8), or convert it, e.g. iconv -f UTF-16LE -t UTF-8 <in.csv >out.csv"], 0)
# Each wide encoding gets the iconv name that converts it, and that command works.
for enc, name in [("utf-16-be", "UTF-16BE"), ("utf-32", "UTF-32"), ("utf-32-le", "UTF-32LE"), ("utf-32-be", "UTF-32BE")]:
    data = "athlete,race_date\nJosé,2026-04-12\n".encode(enc)
    r = run([write(f"{enc}.csv", data)] + TODAY)
    m = re.search(rb"iconv -f (\S+) -t UTF-8", r.stderr)
    check(r.returncode == 2 and m is not None and m.group(1).decode() == name, f"{enc}: {r.stderr!r}")
    if m:
        conv = subprocess.run(["iconv", "-f", name, "-t", "UTF-8"], input=data, capture_output=True).stdout
        check(conv == "athlete,race_date\nJosé,2026-04-12\n".encode(), f"{enc}: iconv -f {name} gave {conv[:40]!r}")
expect("latin1.csv", "athlete,race_date,Stärke\n".encode("latin-1"), 2,
       ["advise: error: FILE:1:21: the header row is not valid UTF-8; batch reads UTF-8: save the list as UTF-8 (in a spreadsheet, CSV UTF-8), or convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 <in.csv >out.csv"], 0)
# An empty FILE ("$LIST" unset) is no request for stdin; a file the writer
# may not write is not replaced; the errors file's header goes where the
# output's does (found by a new user, 2026-12-05).
r = run(["", "--today", "2026-04-01"], stdin=b"athlete,race_date\nA,2026-05-01\n")
check(r.returncode == 2 and r.stdout == b"" and r.stderr == b"advise: error: FILE: needs a file name; for standard input, give - or no FILE (see 'advise batch --help')\n", f"empty FILE: {r.returncode} {r.stderr!r}")
if os.geteuid() == 0 and shutil.which("setpriv"):
    shared_dir = os.path.join(WORK, "shared-dir")
    os.makedirs(shared_dir, exist_ok=True)
    os.chmod(shared_dir, 0o777)
    locked = os.path.join(shared_dir, "locked.csv")
    with open(locked, "w") as f:
        f.write("protected\n")
    os.chmod(locked, 0o444)
    src = write("for-locked.csv", b"athlete,race_date\nA,2026-05-01\n")
    os.chmod(src, 0o644)
    nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", ADVISE, "batch", src]
    # Only where that user can reach the binary and the list (not in a home
    # directory of mode 700, say).
    can = subprocess.run(nobody + ["-o", "/dev/null"] + TODAY, capture_output=True, env=ENV).returncode == 0
    r = subprocess.run(nobody + ["-o", locked] + TODAY, capture_output=True, env=ENV)
    if can:
        check(r.returncode == 2 and b"cannot write " in r.stderr and b"Permission denied" in r.stderr and open(locked).read() == "protected\n",
              f"read-only -o: {r.returncode} {r.stderr!r} {open(locked).read()!r}")
chunk_errs = os.path.join(WORK, "chunk-errors.csv")
run([write("chunk2.csv", b"athlete,race_date\nA,2026-02-30\n"), "--chunk", "2", "--errors", chunk_errs] + TODAY)
with open(chunk_errs) as f:
    got = f.read()
check(not got.startswith("file,") and got.count("\n") == 1, f"--errors in chunk 2: {got!r}")
# A compressed list or a workbook is not text: said so, with what to do.
plain = b"athlete,race_date\nAnna,2026-04-12\n"
for name, packed, message in [
        ("list.csv.gz", gzip.compress(plain), "FILE:1:2: the header row is not text: the file is compressed with gzip: decompress it first, e.g. zcat list.csv.gz | advise batch -"),
        ("list.csv.bz2", bz2.compress(plain), None),
        ("list.csv.xz", lzma.compress(plain), "FILE:1:1: the header row is not text: the file is compressed with xz: decompress it first, e.g. xzcat list.csv.xz | advise batch -")]:
    r = run([write(name, packed)] + TODAY)
    err = r.stderr.decode("utf-8", "replace")
    if message is not None:
        check(err == "advise: error: " + message.replace("FILE", os.path.join(WORK, name)) + "\n", f"{name}: {err!r}")
    check(r.returncode == 2 and "decompress it first" in err and r.stdout == b"", f"{name}: {r.returncode} {err!r}")
book = io.BytesIO()
with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", "<workbook>" + "x" * 500 + "</workbook>")
r = run([write("list.xlsx", book.getvalue())] + TODAY)
check(r.returncode == 2 and b"a zip archive, as a spreadsheet's workbook (.xlsx, .ods) is: save the sheet as CSV UTF-8" in r.stderr,
      f"workbook: {r.stderr!r}")
# Excel's "sep=," first line: say to delete it.
expect("sep-line.csv", b"sep=,\nathlete,race_date\nAnn,2026-04-12\n", 2,
       ["advise: error: FILE:1: the header has no 'athlete' and no 'race_date' column; an athlete list needs athlete and race_date (found: 'sep=', ''); its first line is a spreadsheet's separator hint (sep=): delete that line, so that the header comes first"], 0)
# --errors gives a stray quote's line without the CR of its CRLF.
errs_cr = os.path.join(WORK, "errors-crlf.csv")
run([write("stray-crlf.csv", b'athlete,race_date,note\r\nA,2026-04-12,"stray\r\nB,2026-04-12,ok\r\n'), "--errors", errs_cr] + TODAY)
with open(errs_cr, newline="") as f:
    got = list(csv.reader(f))
check(len(got) == 2 and got[1][5] == 'A,2026-04-12,"stray', f"--errors of a CRLF stray quote: {got}")
# Header names in any case; spaces after the commas are named.
r = expect("capitals.csv", b"Athlete,RACE_DATE,Phase\nAnna,2026-04-12,Taper\n", 0, [], 1)
check(rows(r.stdout)[0][:3] == ["Athlete", "RACE_DATE", "Phase"] and rows(r.stdout)[1][-2] == "taper",
      f"capitalised header: {rows(r.stdout)}")
expect("spaced.csv", b"athlete, race_date\nAnna, 2026-04-12\n", 2,
       ["advise: error: FILE:1: the header has a column ' race_date', close to race_date but not it (names are exact apart from case, with no spaces around them); write race_date, or rename the column if it holds something else (found: 'athlete', ' race_date')"], 0)
expect("spaced-optional.csv", b"athlete,race_date, phase\nAnna,2026-04-12,taper\n", 2,
       ["advise: error: FILE:1: the header has a column ' phase', close to phase but not it (names are exact apart from case, with no spaces around them); write phase, or rename the column if it holds something else (found: 'athlete', 'race_date', ' phase')"], 0)
expect("zone-est.csv", b"athlete,race_date,race_time,tz\nAnna,2026-07-10,09:00,EST\nBen,2026-07-10,09:00,pst\n", 1,
       ["FILE:2:23: record 1: field 'tz': 'EST' is UTC-5 all year, with no summer time, in the time-zone database, though it usually means a zone that has one; give the place's zone, such as America/New_York, or Etc/GMT+5 for UTC-5 all year",
        "FILE:3:22: record 2: field 'tz': 'pst' looks like an abbreviation, not a time zone: one abbreviation can stand for several places, and changes with summer time; give the place's zone, such as America/Los_Angeles or Europe/Paris"], 0)
expect("near-names.csv", b"athlete,race_date,Race Time,last massage\nA1,2027-01-10,09:00,2026-12-01\n", 2,
       ["advise: error: FILE:1: the header has a column 'Race Time', close to race_time but not it (names are exact apart from case, with no spaces around them); write race_time, or rename the column if it holds something else (found: 'athlete', 'race_date', 'Race Time', 'last massage')"], 0)
expect("twice-cased.csv", b"athlete,race_date,Phase,phase\n", 2,
       ["advise: error: FILE:1: the header names column 'phase' twice (found: 'athlete', 'race_date', 'Phase', 'phase')"], 0)
# Other names for the optional columns, when the list lacks the column
# itself: the start time and last massage were dropped, exit 0, until
# 2026-12-05. With the column present, such a column is passed through.
expect("other-names.csv", b"athlete,race_date,start_time,tz,last_massage_date\nA,2026-04-12,09:00,Europe/Berlin,2026-03-30\n", 2,
       ["advise: error: FILE:1: the header has a column 'start_time' and none named race_time, the only one batch reads a race's start time from: name it race_time, or, if it holds something else, rename it (such names are refused so that a race's start time is never dropped without a word) (found: 'athlete', 'race_date', 'start_time', 'tz', 'last_massage_date')"], 0)
expect("other-names-timezone.csv", b"athlete,race_date,Timezone\nA,2026-04-12,Europe/Berlin\n", 2,
       ["advise: error: FILE:1: the header has a column 'Timezone' and none named tz, the only one batch reads a race's time zone from: name it tz, or, if it holds something else, rename it (such names are refused so that a race's time zone is never dropped without a word) (found: 'athlete', 'race_date', 'Timezone')"], 0)
r = expect("other-names-beside.csv", b"athlete,race_date,race_time,tz,start_time\nA,2026-04-12,09:00,UTC,08:50\n", 0, [], 1)
check(rows(r.stdout)[1][4] == "08:50" and rows(r.stdout)[1][10] == "2026-04-10T09:00+00:00", f"other names beside: {rows(r.stdout)[1]}")
# Zone abbreviations and Z name no zone: said so, not matched to a near name.
expect("zone-abbreviations.csv", b"athlete,race_date,race_time,tz\nAnna,2026-04-12,09:00,PST\nBen,2026-04-12,09:00,Z\n", 1,
       ["FILE:2:23: record 1: field 'tz': 'PST' looks like an abbreviation, not a time zone: one abbreviation can stand for several places, and changes with summer time; give the place's zone, such as America/Los_Angeles or Europe/Paris",
        "FILE:3:22: record 2: field 'tz': 'Z' is not a time zone name; for UTC itself, give UTC"], 0)

# Nothing from the input runs as a formula: header names and the errors CSV too.
evil = write("evil.csv", b'athlete,race_date,=HYPERLINK("x")\nAnna,=2026-02-30,1\n')
r = run([evil, "--errors", f"{WORK}/evil-errors.csv"] + TODAY)
check(rows(run([write("evil-ok.csv", b'athlete,race_date,=H()\nA,2026-04-12,1\n')] + TODAY).stdout)[0][2] == "'=H()",
      "a formula-looking header name is written as is")
ev = list(csv.reader(open(f"{WORK}/evil-errors.csv", encoding="utf-8", newline="")))
check(ev[1][5] == "'=2026-02-30", f"errors CSV value not neutralised: {ev[1]}")

# Empty column names (trailing commas of spreadsheet exports) may repeat.
r = run([write("trailing.csv", b"athlete,race_date,,\nAnna,2026-04-12,,\n")] + TODAY)
check(r.returncode == 0, f"trailing empty columns: {r.returncode} {r.stderr!r}")

# Closed stderr: messages never land in the output file.
# Rejected rows that cannot be reported are lost rows: exit 2, nothing published.
r = subprocess.run(f"'{ADVISE}' batch '{mixed}' --today 2026-04-01 -o '{WORK}/closed.csv' 2>&-", shell=True, env=ENV)
check(r.returncode == 2 and not os.path.exists(f"{WORK}/closed.csv"), f"stderr closed: exit {r.returncode}")
with open("/dev/full", "wb") as full:
    r = subprocess.run([ADVISE, "batch", mixed, "--today", "2026-04-01", "-o", f"{WORK}/full.csv"], stderr=full, env=ENV)
check(r.returncode == 2 and not os.path.exists(f"{WORK}/full.csv"), f"stderr on /dev/full: exit {r.returncode}")
r = subprocess.run([ADVISE, "batch", mixed, "--today", "2026-04-01", "-o", f"{WORK}/closed-e.csv", "-q",
                    "--errors", f"{WORK}/closed-errors.csv"], stderr=subprocess.DEVNULL, env=ENV)
check(r.returncode == 1 and os.path.exists(f"{WORK}/closed-e.csv"), f"--errors, stderr unused: exit {r.returncode}")

# A closed pipe with --errors leaves no temporary file.
before = set(os.listdir(WORK))
subprocess.run(f"'{ADVISE}' batch '{mixed}' --today 2026-04-01 --errors '{WORK}/pipe-errors.csv' | head -1 >/dev/null",
               shell=True, env=ENV)
check(not [f for f in set(os.listdir(WORK)) - before if ".csv." in f], "SIGPIPE left a temporary file")

# Any signal that ends the process and can be caught leaves no temporary file,
# the real-time ones and SIGABRT too; SIGKILL cannot be caught.
for sig in (signal.SIGTERM, signal.SIGABRT, signal.SIGPWR, signal.SIGSYS, signal.SIGRTMIN, signal.SIGRTMAX - 1):
    target = f"{WORK}/signalled.csv"
    p = subprocess.Popen([ADVISE, "batch", "-", "-o", target] + TODAY, stdin=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, env=ENV)
    p.stdin.write(HEADER)
    p.stdin.flush()
    for _ in range(500):  # the temporary file, made when the run starts
        if [f for f in os.listdir(WORK) if f.startswith("signalled.csv.")]:
            break
        time.sleep(0.01)
    p.send_signal(sig)
    code = p.wait()
    p.stdin.close()
    left = [f for f in os.listdir(WORK) if f.startswith("signalled.csv")]
    check(code == -sig and not left, f"signal {sig}: exit {code}, left {left}")

for f in failures:
    print("FAIL:", f)
print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
