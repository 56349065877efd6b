#!/usr/bin/env python3
"""Fails when .ci/run does not run exactly the README's test command."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
readme = (root / "README.md").read_text(encoding="utf-8")
ci = (root / ".ci" / "run").read_text(encoding="utf-8")
blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
tests = [b for b in blocks if "ctest --test-dir" in b]
if len(tests) != 1:
    sys.exit(f"expected one README code block that runs ctest, found {len(tests)}")
if tests[0] not in ci.splitlines():
    sys.exit(f"the README's test command is not a line of .ci/run:\n{tests[0]}")
print("README test command == .ci/run")
