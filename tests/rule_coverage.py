#!/usr/bin/env python3
"""Fails when a rule id in the catalogue is not named by any unit test: each
rule needs at least one test in tests/*.cpp that names it (by id or by its
RuleId enumerator). End-to-end goldens do not count: the `advise rules`
listing names every id and would make this check pass by itself."""
import json
import pathlib
import re
import subprocess
import sys


def main():
    binary, tests_dir = sys.argv[1], pathlib.Path(sys.argv[2])
    rules = json.loads(subprocess.run([binary, "rules", "--format", "json"],
                                      capture_output=True, check=True).stdout)
    text = ""
    for path in tests_dir.rglob("*"):
        if path.suffix == ".cpp" and path.is_file():
            text += path.read_text(encoding="utf-8")
    # Unit tests name rules by enumerator (pre_race_no_deep_48h) or by id.
    missing = []
    for rule in rules:
        rid = rule["id"]
        enumerator = re.sub(r"[.-]", "_", rid)
        if rid not in text and not re.search(r"\b" + enumerator + r"\b", text):
            missing.append(rid)
    for rid in missing:
        print(f"rule {rid} is named by no test")
    print(f"{len(rules) - len(missing)} of {len(rules)} rules are named by a test")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
