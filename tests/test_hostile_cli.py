"""Hostile input on the command line: exit code 2, exactly one line on stderr, never a traceback.

Every corpus entry is tried.  Entries that survive being one line of stdin unchanged go through
batch mode (``symdiff - --wrt x``), about 50 per subprocess, where each failing line gives one
``symdiff: error: line N: ...`` line.  The others (newlines, NUL bytes, which no argument vector
can carry, surrounding whitespace) run in-process through ``main``; a sample of them also runs
as a real subprocess.  Invalid UTF-8 on stdin is reported, not a crash.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile_corpus import ARITY, CORPUS
from symdiff.cli import main

ROOT = Path(__file__).resolve().parent.parent
ENTRIES = [text for text, _, _ in CORPUS + ARITY]
BATCHABLE = [
    t
    for t in ENTRIES
    if t == t.strip() and t and not t.startswith("#") and not set(t) & set("\r\n")
]
SINGLE = [t for t in ENTRIES if t not in BATCHABLE]
BATCH = 50


def run(
    args: list[str], stdin: bytes | None = None, **env: str
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "symdiff", *args],
        input=stdin,
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, **env},
    )


def test_every_entry_is_tried() -> None:
    assert len(BATCHABLE) + len(SINGLE) == len(ENTRIES) >= 150
    assert len(BATCHABLE) > len(SINGLE)


@pytest.mark.parametrize("start", range(0, len(BATCHABLE), BATCH))
def test_batch_of_hostile_lines(start: int) -> None:
    lines = BATCHABLE[start : start + BATCH]
    done = run(["-", "--wrt", "x"], "\n".join(lines).encode("utf-8", "surrogatepass") + b"\n")
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, stderr[-3000:]
    assert "Traceback" not in stderr
    shown = done.stdout.decode("utf-8").splitlines()  # one error record per input, in order
    assert len(shown) == len(lines) and all(s.startswith("error: ") for s in shown)
    errors = stderr.splitlines()
    assert [e.split(": ")[2] for e in errors] == [f"line {n}" for n in range(1, len(lines) + 1)]
    assert all(e.startswith("symdiff: error: line ") for e in errors)


@pytest.mark.parametrize("text", SINGLE, ids=[ascii(t[:20]) for t in SINGLE])
def test_single_hostile_argument(text: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([text, "--wrt", "x"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("symdiff: error: ")
    assert "Traceback" not in captured.err


ARGUMENTS = [t for t in BATCHABLE if t.strip() != "-"]  # "-" alone names stdin
SAMPLE = [t for t in SINGLE if "\0" not in t][:10] + ARGUMENTS[:: max(1, len(ARGUMENTS) // 10)][:10]


@pytest.mark.parametrize("text", SAMPLE, ids=[ascii(t[:20]) for t in SAMPLE])
def test_sample_as_a_real_command(text: str) -> None:
    done = run([text, "--wrt", "x"])
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, stderr
    assert stderr.count("\n") == 1 and stderr.startswith("symdiff: error: ")
    assert "Traceback" not in stderr and done.stdout == b""


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"PYTHONIOENCODING": "utf-8"},  # a strict decoder, as in a UTF-8 locale
    ],
    ids=["default", "strict-decoder"],
)
def test_invalid_utf8_on_stdin(env: dict[str, str]) -> None:
    done = run(["-", "--wrt", "x"], b"x^2\nx + \xff\xfe\n3x\n", **env)
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, stderr
    assert stderr.count("\n") == 1 and "line 2" in stderr and "UTF-8" in stderr, stderr
    assert "Traceback" not in stderr


OPTIONS = [  # hostile option values: each is exit 2 with one line
    ["x^2001", "--at", "x=123456789"],  # an exact value too long to print
    ["x^3", "--at", "x=1e999999999"],
    ["x^3", "--at", "x=1/0"],
    ["x^3", "--at", "x=__import__('os')"],
    ["x^3", "--order", "999999"],
    ["x^3", "--order", "1000000000"],  # refused before a list of 10^9 names is built
    ["x^3", "--order", "100000000000000000000"],  # more than an index can hold
    ["x^3", "--wrt", ",".join(["x"] * 21)],
    ["x^3", "--timeout", "nan"],
    ["x^3", "--format", "svg"],
    ["check", "x^3", "--wrt", "x", "--answer", "3x^"],
]


@pytest.mark.parametrize("argv", OPTIONS, ids=[" ".join(a)[:30] for a in OPTIONS])
def test_hostile_options(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and captured.err.startswith("symdiff: error: ")
    assert "Traceback" not in captured.err
