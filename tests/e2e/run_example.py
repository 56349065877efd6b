#!/usr/bin/env python3
"""Runs an example from examples/ and compares its output with the .out file
beside it: a shell script runs with the built advise first on PATH; for a .cpp
example, the binary given is the example itself, built from it."""
import os
import subprocess
import sys


def main():
    binary, script = sys.argv[1], sys.argv[2]
    expected = open(os.path.splitext(script)[0] + ".out", encoding="utf-8").read()
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC",
               PATH=os.path.dirname(os.path.abspath(binary)) + os.pathsep + os.environ["PATH"])
    command = [binary] if script.endswith(".cpp") else ["bash", script]
    run = subprocess.run(command, capture_output=True, env=env, timeout=60)
    got = run.stdout.decode("utf-8", "replace")
    if run.returncode != 0 or got != expected:
        print(f"exit status {run.returncode}\nstderr:\n{run.stderr.decode()}")
        print(f"--- expected\n{expected}--- got\n{got}---")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
