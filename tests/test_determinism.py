"""The same input gives byte-identical output under any ``PYTHONHASHSEED``.

The worked examples (and a small network loss, and a few inputs that exercise variable order,
abstract functions and errors) are run through the command line in every output format, with
and without steps, in two subprocesses with different hash seeds; the outputs must be equal.
String hashing is what a seed changes, so any iteration over a set or a dict keyed by strings
that leaks into the output would show here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SOURCES = [
    "f(x, y) = x + y",
    "f(x, y) = 2x + 3y^2",
    "f(x, y) = 3x^3 - y^2 + 5x + 2",
    "f(x, y) = x*y",
    "f(x, y, z) = 3x^3z - y^2 + 5z + 2yz",
    "3x^3z - y^2 + 5z + 2yz",
    "f(x, y) = max(x, y)",
    "f(x) = max(x, 0)",
    "f(g(x))",
    "f(g(y, h(x, z)))",
    "h(x) = 3(2x^2)^5",
    "x10*x2 + x1*b_2 + alpha*theta + w_12*w_3",
    "-log(exp(max(0, w1*x1 + w2*x2 + b1)*v1 + c1)"
    " / (exp(max(0, w1*x1 + w2*x2 + b1)*v1 + c1) + exp(max(0, w3*x1 + w4*x2 + b2)*v2 + c2)))",
    "sinh(x) + y",
]
FORMATS = ["text", "unicode", "latex", "json", "markdown", "html"]

SCRIPT = """
import contextlib, io, sys
from symdiff.cli import main
sources, formats = sys.argv[1].split("\\n"), sys.argv[2].split(",")
out = io.StringIO()
for fmt in formats:
    for source in sources:
        for extra in ([], ["--steps"]):
            buffer, errors = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(errors):
                code = main([source, "--format", fmt, *extra])
            shown = buffer.getvalue() + errors.getvalue()
            out.write(f"== {fmt} {extra} {source}\\n{code}\\n{shown}")
sys.stdout.buffer.write(out.getvalue().encode("utf-8"))
"""


def output_with_seed(seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, "\n".join(SOURCES), ",".join(FORMATS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    return done.stdout


def test_output_is_identical_under_two_hash_seeds() -> None:
    first, second = output_with_seed("0"), output_with_seed("1")
    assert len(first) > 10_000
    assert b"Traceback" not in first
    if first != second:
        a, b = first.decode().splitlines(), second.decode().splitlines()
        diff = next(i for i, (p, q) in enumerate(zip(a, b, strict=False)) if p != q)
        raise AssertionError(f"first difference at line {diff}: {a[diff]!r} != {b[diff]!r}")
