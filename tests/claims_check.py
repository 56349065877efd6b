#!/usr/bin/env python3
"""The program states timing, not physiology (claims.timing-only): nothing it
prints may say that massage flushes lactic acid, toxins or waste from the
muscles. Runs every subcommand and format over every condition, symptom and
option that adds words, and searches all that output, every e2e golden and
the docs for the claim.

usage: claims_check.py ADVISE SOURCE_DIR
"""
import json
import os
import pathlib
import re
import subprocess
import sys

CLAIM = re.compile(r"lactic|toxin|waste product|metabolic waste|flush(es|ing)?\s+out",
                   re.IGNORECASE)


def run(binary, args, ok=(0,)):
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC", SOURCE_DATE_EPOCH="0")
    done = subprocess.run([binary] + args, capture_output=True, env=env, timeout=60)
    if done.returncode not in ok:
        # An error message instead of advice would make the search pass by itself.
        sys.exit(f"advise {' '.join(args)}: exit {done.returncode}: {done.stderr.decode()}")
    return done.stdout.decode("utf-8") + done.stderr.decode("utf-8")


def main():
    binary, source = sys.argv[1], pathlib.Path(sys.argv[2])
    rules = json.loads(run(binary, ["rules", "--format", "json"]))
    conditions = [c["name"] for c in json.loads(run(binary, ["conditions", "--format", "json"]))]
    outputs = {}
    for sub in ([], ["check"], ["rules"], ["explain"], ["conditions"], ["batch"]):  # all exit 0
        outputs[f"{' '.join(sub)} --help"] = run(binary, sub + ["--help"])
    for fmt in ("text", "json", "markdown"):
        outputs[f"rules {fmt}"] = run(binary, ["rules", "--format", fmt])
    for rule in rules:
        for fmt in ("text", "json"):
            outputs[f"explain {rule['id']} {fmt}"] = run(binary, ["explain", rule["id"], "--format", fmt])
    everything = ["--today", "2026-11-24", "--last-massage", "2026-11-10", "--prepare",
                  "--race", "2026-12-20", "--race", "2026-11-23@B"]
    # Every condition but ankle-sprain-after, which cannot hold with -acute;
    # it gets a run of its own below.
    for c in conditions:
        if c != "ankle-sprain-after":
            everything += ["--condition", c]
    for s in ("stiffness", "lingering-ache", "heavy-legs"):
        everything += ["--symptom", s]
    everything += ["--hard-workout", "2026-11-25"]
    for phase in ("peak", "build", "base", "maintenance", "off-season", "taper", "recovery"):
        for fmt in ("text", "json", "ics"):
            outputs[f"query {phase} {fmt}"] = run(binary, everything + ["--phase", phase, "--format", fmt])
    outputs["query ankle-sprain-after"] = run(binary, ["--race", "2026-12-20", "--today", "2026-11-24",
                                                       "--condition", "ankle-sprain-after", "--prepare"])
    for intensity in ("light", "moderate", "deep"):
        for day in range(15, 28):
            args = ["check", "--race", "2026-12-20", "--hard-workout", "2026-12-18", "--on",
                    f"2026-12-{day:02}", "--intensity", intensity, "--today", "2026-11-24"]
            for c in conditions:
                if c != "ankle-sprain-after":
                    args += ["--condition", c]
            for fmt in ("text", "json"):
                outputs[f"check {day} {intensity} {fmt}"] = run(binary, args + ["--format", fmt], ok=(0, 1))
    for path in list((source / "tests" / "e2e").glob("*.case")) + list((source / "docs").glob("*.md")) \
            + [source / "README.md"] + list((source / "examples").glob("*.out")):
        outputs[str(path.relative_to(source))] = path.read_text(encoding="utf-8")

    found = 0
    for name, text in outputs.items():
        for m in CLAIM.finditer(text):
            found += 1
            print(f"{name}: makes the claim: ...{text[max(0, m.start() - 60):m.end() + 60]!r}...")
    words = sum(len(t.split()) for t in outputs.values())
    print(f"searched {len(outputs)} outputs and files ({words} words): {found} claims")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
