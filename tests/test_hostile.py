"""Hostile and malformed input through the API: the right error, where and what, in bounded time.

* Every row of the corpus (``hostile_corpus.py``) raises exactly its error class, with a one-line
  message containing the position and the problem, within ``CASE_SECONDS``.
* Evaluation and simplification report domain errors naming the sub-expression.
* Resource cases (deep, huge, explosive constants) run in a subprocess capped at 2 GB of address
  space, with a wall-clock timeout; each must succeed or raise ``LimitError`` within its CPU-time
  bound (CPU time, because the test machine may be shared; the wall clock only guards hangs).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import symdiff
from hostile_corpus import ARITY, CORPUS
from symdiff.errors import DomainError, LimitError, ParseError, SymdiffError, UnsupportedError
from timing import time_bound

CASE_SECONDS = 5.0
ROOT = Path(__file__).resolve().parent.parent
KNOWN = "(symdiff --functions lists the known functions)"  # where they are, not all of them


def row_id(row: tuple[str, type, tuple[str, ...]]) -> str:
    text = row[0]
    shown = text if len(text) <= 24 else f"{text[:16]}...({len(text)} chars)"
    return ascii(shown)


def test_the_corpus_is_large_and_has_no_duplicates() -> None:
    texts = [text for text, _, _ in CORPUS + ARITY]
    assert len(texts) >= 150
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize(
    ("text", "error", "words"), CORPUS + ARITY, ids=map(row_id, CORPUS + ARITY)
)
def test_hostile_input_raises_its_error(
    text: str, error: type[SymdiffError], words: tuple[str, ...]
) -> None:
    with time_bound(CASE_SECONDS), pytest.raises(SymdiffError) as info:
        symdiff.diff(text, "x")
    err = info.value
    message = str(err)
    assert type(err) is error, f"{type(err).__name__}: {message}"
    assert "\n" not in message and message.strip() == message
    missing = [w for w in words if w not in message]
    assert not missing, f"{missing} not in {message!r}"
    if isinstance(err, ParseError):
        assert message.startswith(f"line {err.line}, column {err.column}: ")
        caret = err.excerpt.splitlines()[-1]
        assert caret.endswith("^"), err.excerpt


@pytest.mark.parametrize(
    "text", [t for t, e, w in CORPUS if e is UnsupportedError and "unknown function" in w[1]]
)
def test_unknown_functions_are_named_with_the_known_ones(text: str) -> None:
    with pytest.raises(UnsupportedError) as info:
        symdiff.parse(text)
    message = str(info.value)
    assert KNOWN in message and ("did you mean" in message or "for a product" in message)


EVALUATE = [  # expression, point, error, words naming the problem and the sub-expression
    ("log(x)", {"x": 0}, DomainError, ("logarithm", "log(x)")),
    ("ln(x - 1) + 1", {"x": 1}, DomainError, ("logarithm", "log(x - 1)")),
    ("log(x)", {"x": -2}, DomainError, ("non-positive", "log(x)")),
    ("sqrt(x)", {"x": -4}, DomainError, ("square root", "sqrt(x)")),
    ("1/x", {"x": 0}, DomainError, ("division by zero", "x^-1")),
    ("x^(-2) + 1", {"x": 0}, DomainError, ("division by zero",)),
    ("x^(1/2)", {"x": -1}, DomainError, ("negative base",)),
    ("exp(x)", {"x": 10**6}, LimitError, ("too large", "exp(x)")),
    ("x^99999999", {"x": 2}, LimitError, ("too large",)),
    ("2^(10^10)", {}, LimitError, ("too large",)),
    ("9^9^9^9", {}, LimitError, ("too large",)),
    ("x + y", {"x": 1}, UnsupportedError, ("no value given for y",)),
    ("f(x)", {"x": 1}, UnsupportedError, ("abstract function", "f(x)")),
]


@pytest.mark.parametrize(("text", "point", "error", "words"), EVALUATE)
def test_evaluation_errors_name_the_subexpression(
    text: str, point: dict[str, int], error: type[SymdiffError], words: tuple[str, ...]
) -> None:
    expr = symdiff.parse(text)
    with time_bound(CASE_SECONDS), pytest.raises(error) as info:
        expr.evaluate(point)
    assert all(w in str(info.value) for w in words), str(info.value)


SIMPLIFY = [  # division by zero that only shows once the arithmetic is done
    ("1/(1 - 1)", "division by zero"),
    ("0^(1 - 2)", "division by zero"),
    ("x/(2 - 2) + 1", "division by zero"),
    ("(x - x)^-1", "division by zero"),
]


@pytest.mark.parametrize(("text", "words"), SIMPLIFY)
def test_simplifying_a_division_by_zero(text: str, words: str) -> None:
    with time_bound(CASE_SECONDS), pytest.raises(DomainError, match=words) as info:
        symdiff.simplify(text)
    assert "0^" in str(info.value)  # the sub-expression is named


def test_an_expr_with_a_zero_divisor_is_refused_when_simplified() -> None:
    x = symdiff.var("x")
    with pytest.raises(DomainError):
        symdiff.simplify(x / (x - x))


# ----- resources: subprocess, 2 GB cap ---------------------------------------------------------
SCRIPT = r"""
import json, resource, sys, time
cap = 2 * 1024**3
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
import symdiff
from symdiff.printers import render
symdiff.parse("x")  # build the parser outside the measurement
head, unit, count, tail = json.loads(sys.stdin.read())
text, op = head + unit * count + tail, sys.argv[1]
start, wall = time.process_time(), time.monotonic()
try:
    e = symdiff.parse(text)
    if "simplify" in op:
        e = symdiff.simplify(e)
    if "diff" in op:
        e = symdiff.diff(e, "x")
    if "print" in op:
        printed = str(e) + render(e, "unicode") + render(e, "latex")
    outcome, message = "ok", str(e)[:200] if "print" in op else type(e).__name__
except symdiff.SymdiffError as exc:
    outcome, message = type(exc).__name__, str(exc)
cpu, wall = time.process_time() - start, time.monotonic() - wall
print(json.dumps({"outcome": outcome, "message": message, "cpu": cpu, "wall": wall}))
"""

R = tuple[str, tuple[str, str, int, str], str, str, float]
RESOURCE: list[R] = [  # id, input = head + unit * count + tail, operation, outcome, CPU seconds
    ("parens-100000", ("(" * 100_000, "x", 1, ")" * 100_000), "diff+print", "ok", 5),
    ("parens-100001", ("(" * 100_001, "x", 1, ")" * 100_001), "diff", "LimitError", 5),
    ("1MB-sum", ("", "x*y + ", 166_666, "x"), "parse", "ok", 5),
    ("1MB-sum-diff", ("", "x*y + ", 166_666, "x"), "diff+print", "ok", 15),
    ("1MB-letters", ("", "x", 1_000_000, ""), "parse", "ok", 5),
    ("1MB-calls", ("", "max(x, sin(x)) + ", 55_555, "x"), "parse", "ok", 5),
    ("1MB-parens", ("", "(", 1_000_000, ""), "parse", "LimitError", 5),
    ("1MB-literal", ("", "9", 1_000_000, ""), "parse", "LimitError", 5),
    ("1MB-and-1", ("", "x", 1_000_001, ""), "parse", "LimitError", 5),
    ("2^(10^10)", ("", "2^(10^10)", 1, ""), "diff+print", "ok", 1),
    ("2^(10^10)*x", ("", "2^(10^10)*x", 1, ""), "diff+print", "ok", 1),
    ("9^9^9^9", ("", "9^9^9^9", 1, ""), "simplify+print", "ok", 1),
    ("9^9^9^9*x", ("", "9^9^9^9*x", 1, ""), "diff+print", "ok", 1),
    ("10^10^10", ("", "10^10^10 * x^(10^10^10)", 1, ""), "diff+print", "ok", 1),
    ("literal-1000-digits", ("", "9", 1000, "*x^2"), "diff+print", "ok", 1),
    ("big-literals-folded", ("", "1e999 * ", 5, "x"), "diff+print", "ok", 1),
    ("x^99999999", ("", "x^99999999", 1, ""), "diff+print", "ok", 1),
    ("power-of-power", ("((((x", "^1e999)", 4, "^1e999"), "diff+print", "ok", 2),
    ("nested-sin-100000", ("sin(" * 100_000, "x", 1, ")" * 100_000), "parse", "ok", 5),
    ("nested-sin-2000", ("sin(" * 2_000, "x", 1, ")" * 2_000), "diff", "ok", 5),
    ("nested-exp-sqrt-log", ("exp(sqrt(log(" * 3000, "x", 1, ")))" * 3000), "diff", "ok", 5),
    ("power-tower-100000", ("", "x^", 100_000, "x"), "parse", "ok", 5),
    ("minus-100000", ("", "-", 100_000, "x"), "diff+print", "ok", 5),
    ("max-100000-args", ("max(", "x, ", 99_999, "x)"), "diff+print", "ok", 5),
]


@pytest.mark.parametrize(
    ("build", "op", "outcome", "cpu_bound"),
    [r[1:] for r in RESOURCE],
    ids=[r[0] for r in RESOURCE],
)
def test_resource_case_in_a_capped_subprocess(
    build: tuple[str, str, int, str], op: str, outcome: str, cpu_bound: float
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, op],
        input=json.dumps(build),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    result = json.loads(done.stdout)
    print(f"{op}: {result['outcome']} in {result['cpu']:.2f} s CPU, {result['wall']:.2f} s wall")
    assert result["outcome"] == outcome, result["message"][:500]
    assert result["cpu"] < cpu_bound, result
