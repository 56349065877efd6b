#!/usr/bin/env python3
r"""Runs one end-to-end case against the built binary and compares stdout,
stderr and the exit status exactly.

A case file:

    args: --race 2026-04-12 --today 2026-04-01      (shell-quoted arguments)
    env: TZ=America/New_York                        (optional; TZ is UTC otherwise)
    status: 0
    --- stdout
    ...exact bytes...
    --- stderr
    ...exact bytes...

With ADVISE_UPDATE=1 the case file is rewritten with what the binary printed
(for reviewing a deliberate change with `git diff`).

In args, \xNN stands for the character U+00NN (for control characters) and
\uNNNN for U+NNNN (for characters a file would hide, such as bidi controls). When stdout
is meant to be JSON (--format json), it must also parse.
"""
import json
import os
import re
import shlex
import subprocess
import sys


def parse(path):
    text = open(path, encoding="utf-8").read()
    head, rest = text.split("--- stdout\n", 1)
    stdout, stderr = rest.split("--- stderr\n", 1)
    fields = dict(line.split(": ", 1) for line in head.splitlines() if line and not line.startswith("#"))
    comments = [line for line in head.splitlines() if line.startswith("#")]
    env = dict(item.split("=", 1) for item in shlex.split(fields.get("env", "")))
    return comments, fields["args"], env, int(fields["status"]), stdout, stderr


def main():
    binary, path = sys.argv[1], sys.argv[2]
    comments, args, extra_env, status, stdout, stderr = parse(path)
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC")
    env.pop("SOURCE_DATE_EPOCH", None)
    env.update(extra_env)
    argv = [re.sub(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4}))", lambda m: chr(int(m.group(1) or m.group(2), 16)), a)
            for a in shlex.split(args)]
    run = subprocess.run([binary] + argv, capture_output=True, env=env, timeout=30)
    got_out = run.stdout.decode("utf-8", "replace")
    got_err = run.stderr.decode("utf-8", "replace")
    if os.environ.get("ADVISE_UPDATE") == "1":
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(c + "\n" for c in comments))
            env_line = "".join(f"env: {' '.join(f'{k}={v}' for k, v in extra_env.items())}\n" for _ in [0] if extra_env)
            f.write(f"args: {args}\n{env_line}status: {run.returncode}\n--- stdout\n{got_out}--- stderr\n{got_err}")
        return 0
    ok = True
    if run.returncode != status:
        print(f"exit status: expected {status}, got {run.returncode}")
        ok = False
    for name, want, got in (("stdout", stdout, got_out), ("stderr", stderr, got_err)):
        if want != got:
            print(f"--- {name} expected\n{want}--- {name} got\n{got}---")
            ok = False
    if "--format json" in args and run.returncode != 2:
        try:
            json.loads(got_out)
        except ValueError as e:
            print(f"stdout is not JSON: {e}")
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
