"""The checker's verdicts: a table of student answers, each with the one right verdict.

For every row, ``check_answer`` (the API), ``check_report`` (what ``symdiff check``
prints; a sample also through the command) and ``verify`` (the finite-difference
check of ``--verify``, given the answer as the computed derivative) must say exactly
the expected thing: ``yes``, ``no``, or ``undecided`` (a "cannot decide" naming its
reason).  Rows: right answers in many forms (expanded, factored, trigonometric
identities, log rules), answers wrong by tiny amounts (down to 1e-12 and below),
wrong only beyond a kink, in narrow domains, with huge and tiny constants.  Then two
Hypothesis properties over random expressions: ``verify(f, diff(f))`` holds and
``check_answer(f, diff(f) + c)`` is "no" for c down to 1e-12.
"""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from contextlib import redirect_stdout
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import symdiff
from strategies import exprs
from symdiff.check.numeric import verify
from symdiff.check.points import candidates
from symdiff.check.precise import enclose
from symdiff.check.symbolic import check_with_sympy
from symdiff.cli import main
from symdiff.core.expr import Expr, Num, Var, add
from symdiff.errors import DomainError, UnsupportedError
from symdiff.results import check_report

Y, N, U = "yes", "no", "undecided"

# source, answer (d/dx), verdict of check/check_answer, verdict of verify
RIGHT = [
    ("x^3", "3x^2", Y, Y),
    ("x^3", "3*x*x", Y, Y),
    ("x^3", "x^2 + 2x^2", Y, Y),
    ("x^5", "5x^4", Y, Y),
    ("x^5", "5*x^2*x^2", Y, Y),
    ("(x+1)^2", "2(x+1)", Y, Y),
    ("(x+1)^2", "2x + 2", Y, Y),
    ("(x+1)^3", "3(x+1)^2", Y, Y),
    ("(x+1)^3", "3x^2 + 6x + 3", Y, Y),
    ("(x-1)^10", "10x^9 - 90x^8 + 360x^7 - 840x^6 + 1260x^5 - 1260x^4 + 840x^3 - 360x^2 + 90x - 10",
     Y, Y),
    ("(x+e)^10", "10(x+e)^9", Y, Y),
    ("(x+e)^10", "10x^9 + 90e x^8 + 360e^2 x^7 + 840e^3 x^6 + 1260e^4 x^5 + 1260e^5 x^4"
                 " + 840e^6 x^3 + 360e^7 x^2 + 90e^8 x + 10e^9", Y, Y),
    ("(x+pi)^6", "6x^5 + 30pi x^4 + 60pi^2 x^3 + 60pi^3 x^2 + 30pi^4 x + 6pi^5", Y, Y),
    ("1/x", "-1/x^2", Y, Y),
    ("1/x", "-x^-2", Y, Y),
    ("1/x", "-(1/x)^2", Y, Y),
    ("1/(x+1)", "-1/(x+1)^2", Y, Y),
    ("1/(x+1)", "-1/(x^2 + 2x + 1)", Y, Y),
    ("(x^2+1)/(x-3)", "(2x(x-3) - (x^2+1))/(x-3)^2", Y, Y),
    ("(x^2+1)/(x-3)", "(x^2 - 6x - 1)/(x-3)^2", Y, Y),
    ("(x^2+1)/(x-3)", "1 - 10/(x-3)^2", Y, Y),
    ("x/(x+1)", "1/(x+1)^2", Y, Y),
    ("x/(x+1)", "((x+1) - x)/(x+1)^2", Y, Y),
    ("sqrt(x)", "1/(2sqrt(x))", Y, Y),
    ("sqrt(x)", "x^(-1/2)/2", Y, Y),
    ("sqrt(x)", "0.5x^-0.5", Y, Y),
    ("sqrt(x)", "sqrt(x)/(2x)", Y, Y),
    ("x^(3/2)", "(3/2)sqrt(x)", Y, Y),
    ("x^(3/2)", "1.5x^0.5", Y, Y),
    ("x sqrt(x)", "1.5 sqrt(x)", Y, Y),
    ("sin(x)", "cos(x)", Y, Y),
    ("sin(x)^2", "2sin(x)cos(x)", Y, Y),
    ("sin(x)^2", "sin(2x)", Y, Y),
    ("cos(x)^2", "-sin(2x)", Y, Y),
    ("cos(x)^2", "-2sin(x)cos(x)", Y, Y),
    ("sin(x)cos(x)", "cos(x)^2 - sin(x)^2", Y, Y),
    ("sin(x)cos(x)", "cos(2x)", Y, Y),
    ("sin(x)cos(x)", "1 - 2sin(x)^2", Y, Y),
    ("sin(x)cos(x)", "2cos(x)^2 - 1", Y, Y),
    ("sin(x)^2 + cos(x)^2", "0", Y, Y),
    ("tan(x)", "sec(x)^2", Y, Y),
    ("tan(x)", "1 + tan(x)^2", Y, Y),
    ("tan(x)", "cos(x)^-2", Y, Y),
    ("tan(x)", "1/cos(x)^2", Y, Y),
    ("sec(x)", "sec(x)tan(x)", Y, Y),
    ("sec(x)", "sin(x)/cos(x)^2", Y, Y),
    ("sin(3x)", "3cos(3x)", Y, Y),
    ("sin(x^2)", "2x cos(x^2)", Y, Y),
    ("sin(1000000 x)", "1000000 cos(1000000 x)", Y, Y),
    ("log(x)", "1/x", Y, Y),
    ("log(x^2)", "2/x", Y, Y),
    ("log(x^3)", "3/x", Y, Y),
    ("log(2x)", "1/x", Y, Y),
    ("log(x/3)", "1/x", Y, Y),
    ("log(x)", "1/abs(x)", Y, Y),
    ("log(sqrt(x))", "1/(2x)", Y, Y),
    ("log(log(x))", "1/(x log(x))", Y, Y),
    ("log(x^2 + 1)", "2x/(x^2 + 1)", Y, Y),
    ("exp(x)", "exp(x)", Y, Y),
    ("exp(2x)", "2exp(2x)", Y, Y),
    ("exp(2x)", "2exp(x)^2", Y, Y),
    ("exp(2x)", "2exp(x)exp(x)", Y, Y),
    ("exp(x+1)", "e exp(x)", Y, Y),
    ("exp(x)^2", "2exp(2x)", Y, Y),
    ("x exp(x)", "(x+1)exp(x)", Y, Y),
    ("x exp(x)", "exp(x) + x exp(x)", Y, Y),
    ("exp(exp(x))", "exp(exp(x))exp(x)", Y, Y),
    ("exp(exp(x))", "exp(exp(x) + x)", Y, Y),
    ("exp(x^2)", "2x exp(x^2)", Y, Y),
    ("sin(exp(x))", "cos(exp(x))exp(x)", Y, Y),
    ("2^x", "log(2)*2^x", Y, Y),
    ("x^x", "x^x (log(x) + 1)", Y, Y),
    ("tanh(x)", "1 - tanh(x)^2", Y, Y),
    ("tanh(x)", "4/(exp(x) + exp(-x))^2", Y, Y),
    ("sigmoid(x)", "sigmoid(x)(1 - sigmoid(x))", Y, Y),
    ("sigmoid(x)", "exp(-x)/(1 + exp(-x))^2", Y, Y),
    ("sigmoid(x)", "1/(2 + exp(x) + exp(-x))", Y, Y),
    ("relu(x)", "1(x > 0)", Y, Y),
    ("relu(x)", "(sign(x) + 1)/2", Y, Y),
    ("abs(x)", "sign(x)", Y, Y),
    ("abs(x)", "x/abs(x)", Y, Y),
    ("abs(x)", "abs(x)/x", Y, Y),
    ("abs(x - 1000)", "sign(x - 1000)", Y, Y),
    ("x abs(x)", "2abs(x)", Y, Y),
    ("max(x, 0)", "(sign(x) + 1)/2", Y, Y),
    ("max(x^2, 1)", "x(sign(x^2 - 1) + 1)", Y, Y),
    ("min(x, 1000)", "(1 - sign(x - 1000))/2", Y, Y),
    ("relu(x - 1000)", "1(x > 1000)", Y, Y),
    ("x^2 y", "2x y", Y, Y),
    ("sin(x y)", "y cos(x y)", Y, Y),
    ("exp(x y) + x^2", "y exp(x y) + 2x", Y, Y),
    ("log(x y)", "1/x", Y, Y),
]  # fmt: skip

TINY = [  # wrong by tiny amounts
    ("sin(x)", "cos(x) + 1e-10", N, N),
    ("sin(x)", "cos(x) + 1e-12", N, N),
    ("sin(x)", "cos(x)(1 + 1e-12)", N, N),
    ("sin(x)", "cos(x + 1e-12)", N, N),
    ("sin(x)", "cos(x) + 1e-12 x", N, N),
    ("exp(x)", "exp(x) + 1e-12", N, N),
    ("exp(x)", "exp(x)(1 + 1e-12)", N, N),
    ("exp(x)", "exp(x + 1e-12)", N, N),
    ("x^2", "2x + 1e-12", N, N),
    ("x^2", "2.000000000001x", N, N),
    ("x^2", "2x + 1e-12x^2", N, N),
    ("x^3", "3x^2 + 1e-12", N, N),
    ("x^3", "3x^2 + 10^-30", N, N),
    ("log(x)", "1/x + 1e-12", N, N),
    ("log(x)", "1/(x + 1e-12)", N, N),
    ("tan(x)", "sec(x)^2 + 1e-12", N, N),
    ("tan(x)", "1 + tan(x)^2 + 1e-12", N, N),
    ("exp(exp(x))", "exp(exp(x))exp(x)(1 + 1e-12)", N, N),
    ("(x+e)^10", "10x^9 + 90e x^8 + 360e^2 x^7 + 840e^3 x^6 + 1260e^4 x^5 + 1260e^5 x^4"
                 " + 840e^6 x^3 + 360e^7 x^2 + 90e^8 x + 10e^9 + 1e-12", N, N),
    ("sin(x)^2", "sin(2x) + 1e-12", N, N),
    ("sigmoid(x)", "sigmoid(x)(1 - sigmoid(x)) + 1e-12", N, N),
    ("tanh(x)", "1 - tanh(x)^2 + 1e-12", N, N),
    ("sqrt(x)", "1/(2sqrt(x)) + 1e-12", N, N),
    ("1/x", "-1/x^2 + 1e-12", N, N),
    ("(x^2+1)/(x-3)", "(x^2 - 6x - 1)/(x-3)^2 + 1e-12", N, N),
    ("x^2 y", "2x y + 1e-12", N, N),
    ("x^2", "2x + 1e-15", N, N),
    ("x^2", "2x + 1e-20", N, N),
    ("sin(x)", "cos(x) + 1e-20", N, N),
    ("exp(x)", "exp(x) + 1e-20 exp(x)", N, N),
    ("pi x", "3.14159265358979", N, N),
    ("e^x", "2.718281828459045^x", N, N),
]  # fmt: skip

KINKS = [  # wrong only beyond a kink
    ("x^2", "2x + max(x - 1000, 0)", N, N),
    ("x^2", "2x + relu(x - 1000)", N, N),
    ("x^2", "2x + relu(x - 1000000)", N, N),
    ("x^2", "2x + relu(x - 10^9)", N, N),
    ("x^2", "2x + relu(-x - 1000000)", N, N),
    ("x^2", "2x + 1e-12 relu(x - 1000)", N, N),
    ("x^2", "2x + (sign(x - 5000) + 1)/2", N, N),
    ("x^2", "2x + 1(x > 12345)", N, N),
    ("x^2", "max(2x, 3x - 1000)", N, N),
    ("x^2", "min(2x, 10^7)", N, N),
    ("x^2", "2x + abs(x - 1000) - (1000 - x)", N, N),
    ("relu(x)", "(sign(x) + 1)/2 + relu(x - 1000)", N, N),
    ("abs(x)", "sign(x) + relu(abs(x) - 100000)", N, N),
    ("sin(x)", "cos(x) + relu(x - 2^40)", N, N),
    ("exp(x)", "max(exp(x), 1e300)", N, N),
    ("relu(x - 1000)", "1(x > 1001)", N, N),
    ("abs(x - 1000)", "sign(x - 999)", N, N),
    ("x^2 y", "2x y + relu(y - 1000)", N, N),
]  # fmt: skip

DOMAINS = [  # narrow domains
    ("sqrt(x - 20)", "1/(2sqrt(x - 20))", Y, Y),
    ("sqrt(x - 20)", "(x - 20)^(-1/2)/2", Y, Y),
    ("sqrt(x - 20)", "sqrt(x - 20)/(2x - 40)", Y, Y),
    ("sqrt(x - 20)", "1/sqrt(x - 20)", N, N),
    ("sqrt(x - 20)", "1/(2sqrt(x - 20)) + 1e-12", N, N),
    ("sqrt(x - 20)", "1/(2sqrt(x - 20)) + 1e-12x", N, N),
    ("sqrt(x - 20)", "1/(2sqrt(x - 20.000000000001))", N, N),
    ("log(x - 1000)", "1/(x - 1000)", Y, Y),
    ("log(x - 1000)", "(x - 1000)^-1", Y, Y),
    ("log(x - 1000)", "1/x", N, N),
    ("log(x - 1000)", "1/(x - 1000) + 1e-12", N, N),
    ("log(x - 1000)", "1/(x - 1000.000001)", N, N),
    ("sqrt(20 - x)", "-1/(2sqrt(20 - x))", Y, Y),
    ("sqrt(20 - x)", "1/(2sqrt(20 - x))", N, N),
    ("sqrt(x - 1000000)", "1/(2sqrt(x - 1000000))", Y, Y),
    ("sqrt(x - 1000000)", "1/(2sqrt(x - 1000000)) + 1e-12", N, N),
    ("log(x^2 - 1000000)", "2x/(x^2 - 1000000)", Y, Y),
    ("log(x^2 - 1000000)", "2x/(x^2 - 1000000) + 1e-12", N, N),
    ("log(1e-6 - x^2)", "-2x/(1e-6 - x^2)", Y, Y),
    ("log(1e-6 - x^2)", "2x/(1e-6 - x^2)", N, N),
    ("sqrt(x - 20) sqrt(30 - x)", "(50 - 2x)/(2sqrt(x - 20)sqrt(30 - x))", Y, Y),
    ("sqrt(x - 20) sqrt(30 - x)", "(50 - 2x)/(2sqrt(x - 20)sqrt(30 - x)) + 1e-12", N, N),
    ("(x - 20)^(1/3)", "(1/3)(x - 20)^(-2/3)", Y, Y),
    ("(x - 20)^(1/3)", "(1/3)(x - 20)^(-1/3)", N, N),
    ("log(x - 2^70)", "1/(x - 2^70)", Y, Y),
    ("log(x - 2^70)", "1/(x - 2^70 + 1)", N, N),
    ("log(sqrt(x - 20) - 3)", "1/(2sqrt(x - 20)(sqrt(x - 20) - 3))", Y, Y),
    ("log(sqrt(x - 20) - 3)", "1/(2sqrt(x - 20)(sqrt(x - 20) - 3)) + 1e-12", N, N),
    ("log(x)", "1/abs(x) + relu(-x)", Y, Y),  # differs only where log(x) is undefined
    ("sqrt(-x^2 - 1)", "0", U, U),  # defined nowhere
]  # fmt: skip

CONSTANTS = [  # huge and tiny constants
    ("10^30 x", "10^30", Y, Y),
    ("10^30 x", "10^30 + 1", N, N),
    ("10^30 x^2", "2*10^30 x", Y, Y),
    ("10^30 x^2", "2*10^30 x + 1", N, N),
    ("10^-30 x^2", "2*10^-30 x", Y, Y),
    ("10^-30 x^2", "2*10^-30 x + 10^-42", N, N),
    ("1e300 x", "1e300", Y, Y),
    ("1e300 x^2", "2e300 x (1 + 1e-12)", N, N),
    ("1e-300 x^2", "2e-300 x", Y, Y),
    ("1e-300 x^2", "2e-300 x (1 + 1e-12)", N, N),
    ("1e-300 sin(x)", "1e-300 cos(x)", Y, Y),
    ("1e-300 sin(x)", "1e-300 cos(x) + 1e-312", N, N),
    ("exp(1000 x)", "1000 exp(1000 x)", Y, Y),
    ("exp(1000 x)", "1000 exp(1000 x)(1 + 1e-12)", N, N),
    ("exp(-1000 x)", "-1000 exp(-1000 x)", Y, Y),
    ("2^(10^10) x", "2^(10^10)", Y, Y),
    ("2^(10^10) x", "2^(10^10) + 1", N, U),
    ("9^9^9^9 x", "9^9^9^9", Y, U),
    ("9^9^9^9 x", "9^9^9^9 + 1", N, U),
    ("9^9^9^9 x", "2 * 9^9^9^9", N, U),
    ("9^9^9^9 x", "9^9^9^9 + sin(x)", U, U),
    ("x^1000", "1000x^999", Y, Y),
    ("x^1000", "1000x^999 + 1e-12", N, N),
    ("(1 + 1e-12) x", "1", N, N),
    ("(1 + 1e-12) x", "1 + 1e-12", Y, Y),
]  # fmt: skip

TABLE = RIGHT + TINY + KINKS + DOMAINS + CONSTANTS


def test_the_table_is_large_and_each_row_once() -> None:
    assert len(TABLE) >= 150
    assert len({(s, a) for s, a, _, _ in TABLE}) == len(TABLE)


def check_verdict(source: str, answer: str) -> str:
    """``check_answer``'s verdict in one word; "undecided" needs a reason."""
    try:
        v = symdiff.check_answer(source, answer, "x")
    except UnsupportedError as exc:
        assert str(exc).startswith("cannot decide: ") and len(str(exc)) > 30
        return U
    return Y if v else N


def verify_verdict(source: str, answer: str) -> str:
    """``verify``'s verdict, the answer taken as the derivative to check."""
    v = verify(symdiff.parse(source), symdiff.parse(answer), "x")
    if not v.decided:
        assert v.how.startswith("cannot decide: ")
        return U
    return Y if v else N


@pytest.mark.parametrize(("source", "answer", "expected", "verified"), TABLE)
def test_verdict(source: str, answer: str, expected: str, verified: str) -> None:
    assert (check_verdict(source, answer), verify_verdict(source, answer)) == (expected, verified)


@pytest.mark.parametrize(("source", "answer", "expected", "verified"), TABLE[::7])
def test_the_check_report_agrees(source: str, answer: str, expected: str, verified: str) -> None:
    if expected == U:
        with pytest.raises(UnsupportedError, match="cannot decide"):
            check_report(source, answer, ["x"])
        return
    first = check_report(source, answer, ["x"]).render("text").splitlines()[0]
    assert first.startswith(f"{expected}: ")


COMMAND = [  # the command: exit status 0 right, 3 wrong, 2 cannot decide (one line)
    ("x^2", "2x + max(x-1000, 0)", 3),
    ("sin(x)", "cos(x) + 1e-10", 3),
    ("exp(x)", "exp(x) + 1e-12", 3),
    ("sqrt(x-20)", "1/(2sqrt(x-20))", 0),
    ("sqrt(x-20)", "1/sqrt(x-20)", 3),
    ("sqrt(-x^2 - 1)", "0", 2),
]


@pytest.mark.parametrize(("source", "answer", "status"), COMMAND)
def test_the_command(source: str, answer: str, status: int) -> None:
    with redirect_stdout(io.StringIO()):
        assert main(["check", source, "--wrt", "x", "--answer", answer]) == status


VERIFY_COMMAND = ["x^5", "1/x", "tan(x)", "exp(exp(x))", "(x^2+1)/(x-3)", "x/(x^2 + 1)"]


@pytest.mark.parametrize("source", VERIFY_COMMAND)
def test_verify_passes_correct_derivatives(source: str) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main([source, "--verify"]) == 0
    assert "finite differences check: ok, agree at 40 points" in out.getvalue()


def test_verify_by_a_variable_the_expression_lacks() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["y^2", "--wrt", "x", "--verify"]) == 0
    assert out.getvalue() == "0\nfinite differences check: ok, agree at 40 points\n"


def test_check_refuses_constants_too_large_for_sympy() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["9^9^9^9*x", "--check"]) == 0
    assert "SymPy check: cannot decide: " in out.getvalue()
    assert "too large to hand to SymPy" in out.getvalue()


# ----- properties ---------------------------------------------------------------------------
CONSTANTS_C = (Fraction(1, 10**12), Fraction(-1, 10**12), Fraction(1, 10**6), Fraction(3))


@settings(max_examples=40)
@given(exprs(("x",), max_leaves=8))
def test_verify_accepts_every_derivative(f: Expr) -> None:
    try:
        derivative = symdiff.diff(f, "x")
    except DomainError:  # f is nowhere defined ((-0^2)^-1): refused before differentiating
        return
    v = verify(f, derivative, "x")
    if not v.decided:  # only where f itself is undefined about everywhere (0/0^2)
        undefined = [enclose([f], p, 64).values[f] is None for p in candidates([f], ["x"])]
        assert v.how.startswith("cannot decide: ") and sum(undefined) >= len(undefined) - 2
        return
    assert v, (str(f), v.how, v.point)


@settings(max_examples=40)
@given(exprs(("x",), max_leaves=8), st.sampled_from(CONSTANTS_C))
def test_check_answer_rejects_a_derivative_off_by_a_constant(f: Expr, c: Fraction) -> None:
    try:
        answer = symdiff.diff(f, "x") + Num(c)
    except DomainError:  # f is nowhere defined ((0^2)^-1): refused before differentiating
        return
    try:
        v = symdiff.check_answer(f, answer, "x")
    except (UnsupportedError, DomainError) as exc:  # f defined nowhere it could be compared
        assert isinstance(exc, DomainError) or str(exc).startswith("cannot decide")
        return
    assert not v, (str(f), str(answer))


def test_check_refuses_expressions_too_large_for_sympy() -> None:
    big = add(*(Var(f"x{i}") * i for i in range(1, 10_001)))
    v = check_with_sympy(big, Num(1), ["x1"])
    assert not v.decided and v.how.startswith("cannot decide: ") and "SymPy" in v.how


def test_verdicts_are_the_same_on_threads() -> None:
    """Each thread has its own mpmath contexts: no thread changes another's precision."""
    rows = [r for r in TINY + KINKS + DOMAINS if r[2] != U][::3]  # numeric verdicts

    def run(row: tuple[str, str, str, str]) -> str:
        return check_verdict(row[0], row[1])

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(run, rows)) == [r[2] for r in rows]
