#!/usr/bin/env python3
"""Fails when the README's console examples drift from what advise prints:
for each ```console block, runs the `$ advise ...` command with the built
binary and requires every shown line (a line "  ..." stands for lines left
out) to appear in the output, in order.

usage: readme_example.py ADVISE README
"""
import os
import re
import shlex
import subprocess
import sys


def main():
    binary, readme = sys.argv[1], sys.argv[2]
    text = open(readme, encoding="utf-8").read()
    blocks = re.findall(r"```console\n(.*?)\n```", text, re.S)
    checked = 0
    for block in blocks:
        lines = block.split("\n")
        if not lines[0].startswith("$ advise "):
            continue
        argv = shlex.split(lines[0][2:])[1:]
        env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC")
        run = subprocess.run([binary] + argv, capture_output=True, env=env, timeout=30)
        got = (run.stdout + run.stderr).decode("utf-8").split("\n")
        at = 0
        for want in lines[1:]:
            if want.strip() == "...":
                continue
            try:
                at = got.index(want, at) + 1
            except ValueError:
                sys.exit(f"README: `{lines[0]}` does not print, in this order:\n{want}\n"
                         f"--- it prints:\n" + "\n".join(got))
        checked += 1
    if checked == 0:
        sys.exit("README: no console example of advise found")
    print(f"{checked} README console examples match the binary")


if __name__ == "__main__":
    main()
