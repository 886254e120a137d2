"""The trigonometric and hyperbolic rows of the function table, and their inverses.

Each function inside the chain, product and quotient rules, checked against a SymPy
expression written here independently; exact values at the special points; domains;
the inverse notation ``sin^-1(x)``; the checkers' verdicts; compiled code; printed names.
"""

from __future__ import annotations

import io
import math
import re
from contextlib import redirect_stdout
from fractions import Fraction
from typing import Any

import mpmath
import numpy as np
import pytest
import sympy as sp

import symdiff
from symdiff.check.numeric import verify
from symdiff.check.precise import enclose
from symdiff.check.symbolic import check_with_sympy
from symdiff.cli import main
from symdiff.core.evaluate import evaluate
from symdiff.core.expr import Call, Num, Var
from symdiff.core.functions import FUNCTIONS
from symdiff.core.multiple import Multiple
from symdiff.errors import DomainError
from symdiff.parsing.parser import parse
from symdiff.printers.latex import to_latex
from symdiff.printers.unicode import to_unicode
from test_katex import render

X, Y = sp.Symbol("x", real=True), sp.Symbol("y", real=True)
S = sp.sin(X)
F = Fraction
PI = Multiple(F(1))

# ----- derivatives: text, the same function in SymPy, points inside its domain -------------
DERIVATIVES = [
    ("csc(x^2 + 1)", sp.csc(X**2 + 1), ["1/2", "-1"]),
    ("x^2 csc(x)", X**2 * sp.csc(X), ["1/3", "2"]),
    ("csc(2x)/(x + 3)", sp.csc(2 * X) / (X + 3), ["1", "-1/4"]),
    ("cot(3x)", sp.cot(3 * X), ["1/5", "-1/3"]),
    ("sin(x) cot(x)", S * sp.cot(X), ["1/2", "-2"]),
    ("cot(x)/x", sp.cot(X) / X, ["1", "-5/2"]),
    ("asin(x^2)", sp.asin(X**2), ["1/2", "-3/4"]),
    ("x asin(x/2)", X * sp.asin(X / 2), ["1", "-3/2"]),
    ("arcsin(sin(x)/2)/(x^2 + 1)", sp.asin(S / 2) / (X**2 + 1), ["1/3", "3"]),
    ("acos(x/3)", sp.acos(X / 3), ["1", "-2"]),
    ("exp(x) arccos(x)", sp.exp(X) * sp.acos(X), ["1/2", "-1/3"]),
    ("acos(x)/(1 + x)", sp.acos(X) / (1 + X), ["1/4", "-1/2"]),
    ("atan(x^3)", sp.atan(X**3), ["1/2", "-2"]),
    ("x^2 arctan(x)", X**2 * sp.atan(X), ["1", "-3"]),
    ("atan(x)/x", sp.atan(X) / X, ["2", "-1/2"]),
    ("acot(2x + 1)", sp.pi / 2 - sp.atan(2 * X + 1), ["1", "-2", "-1/2"]),
    ("x arccot(x)", X * (sp.pi / 2 - sp.atan(X)), ["1/2", "-3"]),
    ("acot(x)/(x^2 + 1)", (sp.pi / 2 - sp.atan(X)) / (X**2 + 1), ["2", "-1"]),
    ("asec(x^2 + 1)", sp.asec(X**2 + 1), ["1", "-2"]),
    ("x arcsec(x)", X * sp.asec(X), ["2", "-3"]),
    ("asec(x)/x", sp.asec(X) / X, ["3/2", "-5/2"]),
    ("acsc(3x)", sp.acsc(3 * X), ["1", "-2/3"]),
    ("x^2 arccsc(x)", X**2 * sp.acsc(X), ["2", "-3/2"]),
    ("acsc(x)/(x + 4)", sp.acsc(X) / (X + 4), ["5/4", "-3"]),
    ("atan2(x, 2)", sp.atan2(X, 2), ["1", "-3"]),
    ("atan2(sin(x), x^2 + 1)", sp.atan2(S, X**2 + 1), ["1/2", "-2"]),
    ("x atan2(1, x)", X * sp.atan2(1, X), ["2", "-1/2"]),
    ("atan2(x, x + 5)/x", sp.atan2(X, X + 5) / X, ["1", "-2"]),
    ("sinh(x^2)", sp.sinh(X**2), ["1/2", "-1"]),
    ("x sinh(x)", X * sp.sinh(X), ["1", "-2"]),
    ("sinh(x)/x", sp.sinh(X) / X, ["3", "-1/2"]),
    ("cosh(2x + 1)", sp.cosh(2 * X + 1), ["1/2", "-1"]),
    ("sin(x) cosh(x)", S * sp.cosh(X), ["1", "-2"]),
    ("x/cosh(x)", X / sp.cosh(X), ["1", "-3"]),
    ("coth(x^2 + 1)", sp.coth(X**2 + 1), ["1/2", "-1"]),
    ("x coth(x)", X * sp.coth(X), ["1", "-2"]),
    ("coth(x)/(x^2 + 2)", sp.coth(X) / (X**2 + 2), ["3", "-1/2"]),
    ("sech(3x)", sp.sech(3 * X), ["1/3", "-1"]),
    ("x^2 sech(x)", X**2 * sp.sech(X), ["1", "-2"]),
    ("sech(x)/(1 + x^2)", sp.sech(X) / (1 + X**2), ["1/2", "-3"]),
    ("csch(2x)", sp.csch(2 * X), ["1", "-1/2"]),
    ("exp(x) csch(x)", sp.exp(X) * sp.csch(X), ["1", "-2"]),
    ("csch(x)/x", sp.csch(X) / X, ["1/2", "-3"]),
    ("asinh(x^2)", sp.asinh(X**2), ["1/2", "-2"]),
    ("x arsinh(x)", X * sp.asinh(X), ["1", "-3"]),
    ("arcsinh(x)/(x^2 + 1)", sp.asinh(X) / (X**2 + 1), ["2", "-1/2"]),
    ("acosh(x^2 + 1)", sp.acosh(X**2 + 1), ["1/2", "-1"]),
    ("x arcosh(x)", X * sp.acosh(X), ["2", "5/4"]),
    ("arccosh(x)/x", sp.acosh(X) / X, ["3", "3/2"]),
    ("atanh(x/2)", sp.atanh(X / 2), ["1", "-3/2"]),
    ("x artanh(x)", X * sp.atanh(X), ["1/2", "-1/3"]),
    ("arctanh(x)/(x + 2)", sp.atanh(X) / (X + 2), ["1/4", "-1/2"]),
    ("acoth(x^2 + 1)", sp.acoth(X**2 + 1), ["1/2", "-2"]),
    ("x arcoth(x)", X * sp.acoth(X), ["2", "-3"]),
    ("arccoth(x)/x", sp.acoth(X) / X, ["3/2", "-5/2"]),
    ("asech(x/2)", sp.asech(X / 2), ["1", "3/2"]),
    ("x arsech(x)", X * sp.asech(X), ["1/2", "1/3"]),
    ("arcsech(x)/(x + 1)", sp.asech(X) / (X + 1), ["1/4", "3/4"]),
    ("acsch(2x)", sp.acsch(2 * X), ["1", "-1/2"]),
    ("x arcsch(x)", X * sp.acsch(X), ["2", "-1"]),
    ("arccsch(x)/(x^2 + 1)", sp.acsch(X) / (X**2 + 1), ["1/2", "-3"]),
    # the inverse written as textbooks write it, and the reciprocal
    ("sin^-1(x^2)", sp.asin(X**2), ["1/2"]),
    ("cos⁻¹(x) tan^-1(x)", sp.acos(X) * sp.atan(X), ["1/2", "-1/3"]),
    ("sinh^-1(x)/cosh⁻¹(x + 2)", sp.asinh(X) / sp.acosh(X + 2), ["1/2", "3"]),
    ("sin(x)^-1", 1 / S, ["1", "-2"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "function", "points"), DERIVATIVES,
                         ids=[t for t, _, _ in DERIVATIVES])  # fmt: skip
def test_derivative_agrees_with_sympy(text: str, function: sp.Expr, points: list[str]) -> None:
    ours = symdiff.diff(text, "x")
    theirs = sp.diff(function, X)
    for p in points:
        want = float(theirs.evalf(30, subs={X: sp.Rational(p)}))
        got = float(evaluate(ours, {"x": F(p)}))
        assert math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-14), (text, p)


def test_atan2_partial_by_each_argument() -> None:
    """∂atan2(y, x)/∂y = x/(x² + y²) and ∂/∂x = −y/(x² + y²)."""
    source = "atan2(y, x)"
    for var, want in (("y", X / (X**2 + Y**2)), ("x", -Y / (X**2 + Y**2))):
        ours = symdiff.diff(source, var)
        assert sp.simplify(ours.to_sympy() - want) == 0, var


# ----- exact values -----------------------------------------------------------------------
EXACT = [  # text, the exact value
    ("asin(1)", PI / 2), ("asin(-1/2)", -PI / 6), ("asin(0)", F(0)),
    ("acos(0)", PI / 2), ("acos(1)", F(0)), ("acos(-1)", PI), ("acos(1/2)", PI / 3),
    ("atan(1)", PI / 4), ("atan(-1)", -PI / 4), ("atan(0)", F(0)),
    ("acot(0)", PI / 2), ("acot(1)", PI / 4), ("acot(-1)", 3 * PI / 4),
    ("asec(2)", PI / 3), ("asec(-1)", PI), ("asec(1)", F(0)),
    ("acsc(2)", PI / 6), ("acsc(-1)", -PI / 2),
    ("atan2(1, 1)", PI / 4), ("atan2(1, -1)", 3 * PI / 4), ("atan2(0, -1)", PI),
    ("atan2(-1, 0)", -PI / 2), ("atan2(0, 3)", F(0)), ("atan2(-2, -2)", -3 * PI / 4),
    ("csc(pi/6)", F(2)), ("csc(pi/2)", F(1)), ("csc(-pi/2)", F(-1)),
    ("cot(pi/4)", F(1)), ("cot(pi/2)", F(0)), ("cot(3pi/4)", F(-1)),
    ("sinh(0)", F(0)), ("cosh(0)", F(1)), ("tanh(0)", F(0)), ("sech(0)", F(1)),
    ("asinh(0)", F(0)), ("acosh(1)", F(0)), ("atanh(0)", F(0)), ("asech(1)", F(0)),
    ("arcsin(1)", PI / 2), ("sin^-1(1)", PI / 2), ("tan⁻¹(1)", PI / 4),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value"), EXACT, ids=[t for t, _ in EXACT])
def test_exact_values(text: str, value: Fraction | Multiple) -> None:
    got = evaluate(parse(text), {})
    assert type(got) is type(value) and got == value


def test_exact_values_with_square_roots() -> None:
    """sin(π/3) = √3/2 read backwards: asin(√3/2) = π/3 (as the simplifier meets it)."""
    root3 = Multiple(F(1, 2), "sqrt", 3)
    assert symdiff.core.special.asin_exact([root3]) == PI / 3
    assert symdiff.core.special.atan_exact([Multiple(F(1), "sqrt", 3)]) == PI / 3
    assert evaluate(parse("csc(pi/3)"), {}) == Multiple(F(2, 3), "sqrt", 3)
    assert evaluate(parse("cot(pi/6)"), {}) == Multiple(F(1), "sqrt", 3)


SIMPLIFIED = [  # text, the simplified constant
    ("asin(1) + acos(0)", "pi"),
    ("atan(1)", "1/4*pi"),
    ("csc(pi/6) + cot(pi/4)", "3"),
    ("sinh(0) + cosh(0) + acosh(1)", "1"),
]


@pytest.mark.parametrize(("text", "value"), SIMPLIFIED)
def test_simplified_values(text: str, value: str) -> None:
    assert str(symdiff.simplify(text)) == value


# ----- domains ------------------------------------------------------------------------------
OUTSIDE = [  # text, the words of the DomainError
    ("asin(2)", "arcsine of a number outside [-1, 1]: 2 in asin(2)"),
    ("acos(-3/2)", "arccosine of a number outside [-1, 1]: -3/2 in acos(-3/2)"),
    ("asec(1/2)", "arcsecant of a number inside (-1, 1): 1/2 in asec(1/2)"),
    ("acsc(0)", "arccosecant of a number inside (-1, 1): 0 in acsc(0)"),
    ("acosh(1/2)", "inverse hyperbolic cosine of a number below 1: 1/2 in acosh(1/2)"),
    ("atanh(1)", "inverse hyperbolic tangent of a number outside (-1, 1): 1 in atanh(1)"),
    ("acoth(1/2)", "inverse hyperbolic cotangent of a number inside [-1, 1]: 1/2"),
    ("asech(2)", "inverse hyperbolic secant of a number outside (0, 1]: 2 in asech(2)"),
    ("asech(0)", "inverse hyperbolic secant of a number outside (0, 1]: 0"),
    ("acsch(0)", "pole of acsch at 0 in acsch(0)"),
    ("coth(0)", "pole of coth at 0 in coth(0)"),
    ("csch(0)", "pole of csch at 0 in csch(0)"),
    ("csc(pi)", "pole of csc at pi in csc(pi)"),
    ("cot(0)", "pole of cot at 0 in cot(0)"),
    ("cot(-2pi)", "pole of cot at -2*pi"),
    ("atan2(0, 0)", "atan2(0, 0): the angle of the origin is undefined"),
]


@pytest.mark.parametrize(("text", "words"), OUTSIDE, ids=[t for t, _ in OUTSIDE])
def test_outside_the_domain(text: str, words: str) -> None:
    with pytest.raises(DomainError, match=re.escape(words)):
        evaluate(parse(text), {})


def test_a_float_within_rounding_of_a_pole_is_a_pole() -> None:
    cot, csc = FUNCTIONS["cot"], FUNCTIONS["csc"]
    assert cot.outside([math.pi]) == "pole of cot within rounding of 3.141592653589793"
    assert csc.outside([0.0]) is not None and csc.outside([math.pi / 2]) is None
    assert cot.real([math.pi / 2]) == pytest.approx(0, abs=1e-15)


# ----- the inverse notation ---------------------------------------------------------------------
READS = [  # text, the same expression written with the function's name
    ("sin^-1(x)", "asin(x)"), ("sin⁻¹(x)", "asin(x)"), ("arcsin(x)", "asin(x)"),
    ("cos^-1(x)", "acos(x)"), ("tan⁻¹(2x)", "atan(2x)"), ("cot^-1(x)", "acot(x)"),
    ("sec⁻¹(x)", "asec(x)"), ("csc^-1(x)", "acsc(x)"), ("sinh^-1(x)", "asinh(x)"),
    ("cosh⁻¹(x)", "acosh(x)"), ("tanh^-1(x)", "atanh(x)"), ("coth⁻¹(x)", "acoth(x)"),
    ("sech^-1(x)", "asech(x)"), ("csch⁻¹(x)", "acsch(x)"), ("arsinh(x)", "asinh(x)"),
    ("arccosh(x)", "acosh(x)"), ("sin(x)^-1", "(sin(x))^(-1)"), ("sin^-1 x", "asin(x)"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "same"), READS, ids=[t for t, _ in READS])
def test_inverse_notation(text: str, same: str) -> None:
    assert parse(text) is parse(same)


# ----- the checkers ---------------------------------------------------------------------------
CHECKED = ["x asin(x/2)", "acos(x/3)^2", "atan(x^2) + acot(x)", "x^2 asec(x^2 + 1)",
           "acsc(x^2 + 2)/x", "atan2(x, 2 + sin(x))", "csc(x) + cot(x)", "sinh(x) cosh(2x)",
           "coth(x^2 + 1) + sech(x)", "csch(x^2 + 1)", "asinh(x) acosh(x^2 + 2)",
           "atanh(x/3) + acoth(x^2 + 2)", "asech(1/(x^2 + 2)) + acsch(x^2 + 1)"]  # fmt: skip


@pytest.mark.parametrize("text", CHECKED)
def test_verify_and_check_say_ok(text: str) -> None:
    source = parse(text)
    ours = symdiff.diff(source, "x")
    assert verify(source, ours, "x")
    assert check_with_sympy(source, ours, ["x"])
    assert symdiff.check_answer(text, str(ours), "x")


def test_a_wrong_answer_is_found_wrong() -> None:
    verdict = symdiff.check_answer("asin(x)", "1/sqrt(1 + x^2)", "x")
    assert not verdict and verdict.decided


COMMANDS = [  # arguments, output
    (["asin(x^2)", "--at", "x=0"], "2x/√(1 − x⁴) = 0 at x = 0\n"),
    (["atan2(y, x)", "--wrt", "y", "--at", "x=1,y=1"], "x/(x² + y²) = 1/2 at x = 1, y = 1\n"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "output"), COMMANDS)
def test_commands(args: list[str], output: str) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(args)
    assert (code, out.getvalue()) == (0, output)


# ----- compiled code -------------------------------------------------------------------------
COMPILED = [  # a composition, points inside its domain
    ("csc(x) + cot(2x)", [0.5, -1.25]), ("asin(x/2) + acos(x/3)", [0.5, -1.5]),
    ("atan(x) + acot(x)", [2.0, -0.75]), ("asec(x^2 + 1) + acsc(x - 3)", [0.5, -1.0]),
    ("atan2(x, x^2 - 2)", [0.5, -1.0, 2.0]), ("sinh(x) + cosh(x)", [0.5, -2.0]),
    ("coth(x) + sech(x) + csch(x)", [0.5, -2.0]), ("asinh(x) + atanh(x/2)", [0.5, -1.0]),
    ("acosh(x^2 + 1) + acoth(x^2 + 2)", [0.5, -1.0]), ("asech(x/2) + acsch(x)", [0.5, 1.5]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "points"), COMPILED, ids=[t for t, _ in COMPILED])
def test_compiled_code_agrees_with_evaluate(text: str, points: list[float]) -> None:
    for expr in (parse(text), symdiff.diff(text, "x")):
        f = symdiff.compile(expr, ["x"])
        batch = f(np.array(points))
        for i, p in enumerate(points):
            want = float(evaluate(expr, {"x": p}))
            assert math.isclose(f(x=p), want, rel_tol=1e-12, abs_tol=1e-13), (str(expr), p)
            assert math.isclose(float(batch[i]), want, rel_tol=1e-12, abs_tol=1e-13)


# ----- printed names ---------------------------------------------------------------------------
NAMES = ["csc", "cot", "asin", "acos", "atan", "acot", "asec", "acsc", "sinh", "cosh", "coth",
         "sech", "csch", "asinh", "acosh", "atanh", "acoth", "asech", "acsch"]  # fmt: skip
PRINTED = {"asin": ("arcsin", r"\arcsin"), "acot": ("arccot", r"\operatorname{arccot}"),
           "asinh": ("arsinh", r"\operatorname{arsinh}"), "csch": ("csch", r"\operatorname{csch}"),
           "cot": ("cot", r"\cot"), "coth": ("coth", r"\coth")}  # fmt: skip


def test_printed_names_parse_back_and_render() -> None:
    x = Var("x")
    exprs = [Call(n, (x,)) for n in NAMES] + [Call("atan2", (Var("y"), x))]
    exprs += [symdiff.diff(e, "x") for e in exprs] + [Call(n, (x,)) ** 2 for n in NAMES]
    for e in exprs:
        assert symdiff.simplify(parse(to_unicode(e))) is symdiff.simplify(e), to_unicode(e)
        assert parse(str(e)) is e, str(e)
    for name, (uni, latex) in PRINTED.items():
        printed = to_unicode(Call(name, (x,))), to_latex(Call(name, (x,)))
        assert printed == (f"{uni}(x)", f"{latex}(x)")
    assert render([(to_latex(e), False) for e in exprs]) == [None] * len(exprs)


# ----- the checker's intervals ----------------------------------------------------------------
INTERVALS = [  # name, mpmath's function, points inside the domain
    ("csc", mpmath.csc, ["1/3", "-2"]), ("cot", mpmath.cot, ["1/3", "-2"]),
    ("asin", mpmath.asin, ["1/3", "-1", "1"]), ("acos", mpmath.acos, ["1/3", "-1", "1"]),
    ("atan", mpmath.atan, ["3", "-1/7"]),
    ("acot", lambda u: mpmath.pi / 2 - mpmath.atan(u), ["3", "-1/7"]),
    ("asec", mpmath.asec, ["3", "-5/4", "1"]), ("acsc", mpmath.acsc, ["3", "-5/4", "-1"]),
    ("sinh", mpmath.sinh, ["1/1000", "-3"]), ("cosh", mpmath.cosh, ["1/1000", "-3"]),
    ("coth", mpmath.coth, ["1/3", "-3"]), ("sech", mpmath.sech, ["1/3", "-30"]),
    ("csch", mpmath.csch, ["1/3", "-3"]), ("asinh", mpmath.asinh, ["-1000", "1/1000"]),
    ("acosh", mpmath.acosh, ["1", "7/2"]), ("atanh", mpmath.atanh, ["-9/10", "1/1000"]),
    ("acoth", mpmath.acoth, ["11/10", "-5"]), ("asech", mpmath.asech, ["1", "1/1000"]),
    ("acsch", mpmath.acsch, ["-1/1000", "7"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "exact", "points"), INTERVALS, ids=[n for n, _, _ in INTERVALS])
def test_intervals_hold_the_value(name: str, exact: Any, points: list[str]) -> None:
    for p in points:
        expr = Call(name, (Num(F(p)),))
        interval = enclose([expr], {}, 128).values[expr]
        with mpmath.workdps(60):
            value = exact(mpmath.mpf(F(p).numerator) / F(p).denominator)
        assert interval.a <= value <= interval.b, (name, p)
        assert interval.delta < abs(value) * 2**-100 + 2**-110, (name, p)


def test_atan2_has_no_interval_on_its_branch_cut() -> None:
    y, x = Var("y"), Var("x")
    expr = Call("atan2", (y, x))
    assert enclose([expr], {"y": F(0), "x": F(-1)}, 64).values[expr] is None
    assert enclose([expr], {"y": F(0), "x": F(1)}, 64).values[expr] is not None
    assert enclose([expr], {"y": F(1, 10**9), "x": F(-1)}, 64).values[expr] is not None
