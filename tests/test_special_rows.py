"""The special functions and floor/ceil: derivatives, values, domains, checks, code, printing.

Each derivative is compared with an independently written SymPy expression at points
inside the function's domain (away from floor's jumps, W's branch point, sinc's 0);
exact values through the evaluator and the simplifier; domains by their messages;
``check_answer`` (intervals) and ``verify`` (finite differences) on compositions; the
compiled Python, NumPy and C functions against ``evaluate``; printing round trips.
"""

from __future__ import annotations

import ast
import importlib.util
import io
import math
import re
from contextlib import redirect_stderr, redirect_stdout
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import symdiff
from symdiff.check.critical import boundaries
from symdiff.check.numeric import finite_difference, verify
from symdiff.check.precise import context, enclose
from symdiff.check.symbolic import check_with_sympy
from symdiff.cli import main
from symdiff.core.expr import Call, Var
from symdiff.core.functions import FUNCTIONS
from symdiff.core.table import enclosures
from symdiff.errors import DomainError, UnsupportedError
from symdiff.parsing.parser import parse
from symdiff.plot.kinks import kink_points
from symdiff.printers.latex import to_latex
from symdiff.printers.unicode import to_unicode
from test_compile import COMPILER, c_function
from test_katex import render

X = sympy.Symbol("x", real=True)
POSITIVE = ["3/10", "7/5", "5/2"]
ANYWHERE = ["-13/10", "3/10", "7/5", "5/2"]
NEGATIVE_TOO = ["-13/10", "-1/2", "3/10", "5/2"]  # the gamma family, away from its poles

# ----- d/dx against an independently written SymPy expression --------------------------
DERIVATIVES = [  # source, d/dx written for SymPy, points (inside the domain)
    ("erf(x)", "2*exp(-x**2)/sqrt(pi)", ANYWHERE),
    ("erf(x^2 + 1)", "4*x*exp(-(x**2 + 1)**2)/sqrt(pi)", ANYWHERE),
    ("x erf(x)", "erf(x) + 2*x*exp(-x**2)/sqrt(pi)", ANYWHERE),
    ("erf(x)/x", "(2*x*exp(-x**2)/sqrt(pi) - erf(x))/x**2", ANYWHERE),
    ("erfc(x)", "-2*exp(-x**2)/sqrt(pi)", ANYWHERE),
    ("erfc(3x)", "-6*exp(-9*x**2)/sqrt(pi)", ANYWHERE),
    ("exp(x) erfc(x)", "exp(x)*erfc(x) - 2*exp(x - x**2)/sqrt(pi)", ANYWHERE),
    ("gamma(x)", "gamma(x)*polygamma(0, x)", NEGATIVE_TOO),
    ("gamma(2x + 1)", "2*gamma(2*x + 1)*polygamma(0, 2*x + 1)", POSITIVE),
    ("x gamma(x)", "gamma(x) + x*gamma(x)*polygamma(0, x)", NEGATIVE_TOO),
    ("gamma(x)/x", "(x*gamma(x)*polygamma(0, x) - gamma(x))/x**2", NEGATIVE_TOO),
    ("lgamma(x)", "polygamma(0, x)", NEGATIVE_TOO),
    ("loggamma(x^2 + 1)", "2*x*polygamma(0, x**2 + 1)", ANYWHERE),
    ("x lgamma(x)", "log(abs(gamma(x))) + x*polygamma(0, x)", NEGATIVE_TOO),
    ("digamma(x)", "polygamma(1, x)", NEGATIVE_TOO),
    ("digamma(1/x)", "-polygamma(1, 1/x)/x**2", POSITIVE),
    ("x digamma(x)", "polygamma(0, x) + x*polygamma(1, x)", NEGATIVE_TOO),
    ("polygamma(2, x)", "polygamma(3, x)", NEGATIVE_TOO),
    ("polygamma(1, x^2)", "2*x*polygamma(2, x**2)", POSITIVE),
    ("polygamma(0, x)/x", "(x*polygamma(1, x) - polygamma(0, x))/x**2", NEGATIVE_TOO),
    ("sinc(x)", "(x*cos(x) - sin(x))/x**2", ANYWHERE),
    ("sinc(2x)", "(2*x*cos(2*x) - sin(2*x))/(2*x**2)", ANYWHERE),
    ("x sinc(x)", "cos(x)", ANYWHERE),
    ("sinc(x)/x", "(x*cos(x) - 2*sin(x))/x**3", ANYWHERE),
    ("LambertW(x)", "LambertW(x)/(x*(1 + LambertW(x)))", ["-3/10", "3/10", "7/5", "5/2"]),
    ("lambertw(x^2)", "2*LambertW(x**2)/(x*(1 + LambertW(x**2)))", ANYWHERE),
    ("x LambertW(x)", "LambertW(x) + LambertW(x)/(1 + LambertW(x))", ANYWHERE[1:]),
    ("LambertW(exp(x))", "LambertW(exp(x))/(1 + LambertW(exp(x)))", ANYWHERE),
    ("besselj(0, x)", "-besselj(1, x)", ANYWHERE),
    ("besselj(2, 3x)", "3*(besselj(1, 3*x) - besselj(3, 3*x))/2", ANYWHERE),
    ("x besselj(1, x)", "x*besselj(0, x)", ANYWHERE),
    ("besselj(1, x)/x", "-besselj(2, x)/x", ANYWHERE),
    ("floor(x)", "0", ANYWHERE),
    ("x floor(x)", "floor(x)", ANYWHERE),
    ("x^2 ceil(x)", "2*x*ceiling(x)", ANYWHERE),
    ("ceiling(sin(x))/x", "-ceiling(sin(x))/x**2", ANYWHERE),
]


@pytest.mark.parametrize(("source", "expected", "points"), DERIVATIVES,
                         ids=[row[0] for row in DERIVATIVES])  # fmt: skip
def test_derivative_against_sympy(source: str, expected: str, points: list[str]) -> None:
    result = symdiff.diff(source, "x")
    theirs = sympy.sympify(expected, locals={"x": X})
    for text in points:
        at = Fraction(text)
        want = float(theirs.evalf(30, subs={X: sympy.Rational(at.numerator, at.denominator)}))
        got = float(result.evaluate({"x": at}))
        assert math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-14), (source, text, got, want)


# ----- the answers as printed ---------------------------------------------------------
PRINTED = [  # source, d/dx in Unicode
    ("erf(x)", "2·exp(−x²)/√π"),
    ("gamma(x)", "Γ(x)·ψ(x)"),
    ("lgamma(x)", "ψ(x)"),
    ("digamma(x)", "polygamma(1, x)"),
    ("polygamma(2, x)", "polygamma(3, x)"),
    ("besselj(0, x)", "−besselj(1, x)"),
    ("LambertW(x)", "exp(−LambertW(x))/(1 + LambertW(x))"),
    ("floor(x)", "0"),
]


@pytest.mark.parametrize(("source", "printed"), PRINTED)
def test_printed_derivatives(source: str, printed: str) -> None:
    result = symdiff.diff(source, "x")
    assert to_unicode(result) == printed
    assert parse(to_unicode(result)) is result and parse(str(result)) is result


def test_latex_renders_in_katex() -> None:
    sources = ["gamma(x)", "lgamma(x)", "besselj(2, x^2)", "polygamma(1, x)", "floor(x/2)",
               "ceil(x)", "LambertW(x)", "sinc(x)", "erfc(x)", "digamma(x)"]  # fmt: skip
    formulas = [to_latex(parse(s)) for s in sources]
    formulas += [to_latex(symdiff.diff(s, "x")) for s in sources]
    assert render([(f, False) for f in formulas]) == [None] * len(formulas)
    floor = r"\left\lfloor \frac{x}{2} \right\rfloor"
    assert formulas[:5] == [r"\Gamma(x)", r"\operatorname{lgamma}(x)", "J_{2}(x^{2})",
                            r"\psi^{(1)}(x)", floor]  # fmt: skip


# ----- exact values, values, domains --------------------------------------------------
EXACT = [  # source, exact value (evaluate and simplify)
    ("erf(0)", Fraction(0)), ("erfc(0)", Fraction(1)), ("gamma(5)", Fraction(24)),
    ("gamma(1)", Fraction(1)), ("lgamma(1)", Fraction(0)), ("loggamma(2)", Fraction(0)),
    ("sinc(0)", Fraction(1)), ("sinc(pi)", Fraction(0)), ("sinc(-3pi)", Fraction(0)),
    ("LambertW(0)", Fraction(0)), ("LambertW(e)", Fraction(1)),
    ("besselj(0, 0)", Fraction(1)), ("besselj(3, 0)", Fraction(0)),
    ("floor(7/2)", Fraction(3)), ("ceil(7/2)", Fraction(4)), ("floor(-7/2)", Fraction(-4)),
    ("ceiling(-7/2)", Fraction(-3)), ("floor(pi)", Fraction(3)), ("ceil(-pi/2)", Fraction(-1)),
    ("floor(5)", Fraction(5)), ("ceil(5)", Fraction(5)),
]  # fmt: skip

FLOATS = [  # source, value (not exact)
    ("gamma(1/2)", math.sqrt(math.pi)),
    ("gamma(-1/2)", -2 * math.sqrt(math.pi)),
    ("lgamma(-1/2)", math.log(2 * math.sqrt(math.pi))),
    ("digamma(1)", -0.5772156649015329),
    ("polygamma(1, 1)", math.pi**2 / 6),
    ("erf(1/2)", math.erf(0.5)),
    ("sinc(1)", math.sin(1)),
    ("LambertW(1)", 0.5671432904097838),
    ("LambertW(-1/4)", -0.35740295618138893),
    ("besselj(1, 2)", 0.5767248077568734),
    ("besselj(-1, 2)", -0.5767248077568734),
]

OUTSIDE = [  # source, the words of the DomainError
    ("gamma(0)", "gamma function at its pole, the non-positive whole number 0"),
    ("gamma(-2)", "gamma function at its pole, the non-positive whole number -2"),
    ("lgamma(-1)", "lgamma at its pole, the non-positive whole number -1"),
    ("digamma(0)", "digamma at its pole, the non-positive whole number 0"),
    ("polygamma(1, -3)", "polygamma at its pole, the non-positive whole number -3"),
    ("polygamma(-1, 2)", "polygamma of the order -1, which is not a whole number >= 0"),
    ("polygamma(1/2, 2)", "polygamma of the order 1/2, which is not a whole number >= 0"),
    ("polygamma(10^5, 2)", "polygamma of an order beyond 10,000"),
    ("LambertW(-1)", "Lambert W (principal branch) below -1/e: -1"),
    ("LambertW(-3679/10000)", "Lambert W (principal branch) below -1/e: -3679/10000"),
    ("besselj(1/2, 1)", "besselj of the order 1/2, which is not a whole number"),
]


@pytest.mark.parametrize(("source", "value"), EXACT, ids=[row[0] for row in EXACT])
def test_exact_values(source: str, value: Fraction) -> None:
    assert parse(source).evaluate({}) == value
    assert symdiff.simplify(source) is symdiff.parse(str(value))


def test_gamma_of_a_whole_number_is_bounded_before_the_factorial() -> None:
    assert parse("gamma(171)").evaluate({}) == math.factorial(170)
    with pytest.raises(symdiff.LimitError, match="too large for a float"):
        parse("gamma(10^40)").evaluate({})


@pytest.mark.parametrize(("source", "value"), FLOATS, ids=[row[0] for row in FLOATS])
def test_float_values(source: str, value: float) -> None:
    got = parse(source).evaluate({})
    assert isinstance(got, float) and got == pytest.approx(value, rel=1e-14)


@pytest.mark.parametrize(("source", "words"), OUTSIDE, ids=[row[0] for row in OUTSIDE])
def test_outside_the_domain(source: str, words: str) -> None:
    with pytest.raises(DomainError, match=re.escape(words)):
        parse(source).evaluate({})


def test_lambert_w_just_above_its_branch_point() -> None:
    assert parse("LambertW(-3678/10000)").evaluate({}) == pytest.approx(-0.9793, abs=1e-4)


# ----- names and orders --------------------------------------------------------------
def test_names_and_spellings() -> None:
    x = Var("x")
    assert parse("gamma(x)") is Call("gamma", (x,)) and str(parse("gamma x")) == "gamma*x"
    assert parse("loggamma(x)") is parse("lgamma(x)") is Call("lgamma", (x,))
    assert parse("LambertW(x)") is parse("lambertw(x)") is Call("lambertw", (x,))
    assert str(parse("W(x + 1)")) == "W*(x + 1)"  # a single letter multiplies
    assert parse("ceiling(x)") is Call("ceil", (x,))
    assert symdiff.gamma(x) is Call("gamma", (x,))
    assert symdiff.besselj(2, x) is parse("besselj(2, x)")


@pytest.mark.parametrize("source", ["polygamma(x, 2)", "besselj(x, x)", "polygamma(x^2, 3)"])
def test_an_order_is_never_differentiated(source: str) -> None:
    with pytest.raises(UnsupportedError, match="with respect to its order n"):
        symdiff.diff(source, "x")


def test_an_order_held_constant() -> None:
    assert str(symdiff.diff("polygamma(n, x)", "x")) == "polygamma(n + 1, x)"
    assert symdiff.diff("besselj(n, x) + polygamma(3, y)", "y") is parse("polygamma(4, y)")
    assert symdiff.gradient("besselj(2, x*y)")["y"] is not None


# ----- checks: SymPy, intervals, finite differences ----------------------------------
COMPOSITIONS = [  # one or two per function, checked three ways
    "erf(x/sqrt(2))",
    "x erfc(x^2)",
    "gamma(x^2 + 1)",
    "lgamma(sin(x) + 2)",
    "digamma(exp(x))",
    "polygamma(2, x^2 + 1)",
    "sinc(3x) + x",
    "LambertW(x^2)",
    "besselj(2, 3x) x",
    "floor(sin(x) + 1/3) x",
    "ceil(2x)/x",
]


@pytest.mark.parametrize("source", COMPOSITIONS)
def test_compositions_check_three_ways(source: str) -> None:
    f = symdiff.parse(source)
    d = symdiff.diff(f, "x")
    assert check_with_sympy(f, d, ["x"]), source
    assert symdiff.check_answer(f, d, "x"), source
    assert verify(f, d, "x"), source


WRONG = [  # source, a wrong answer the checker must catch
    ("erf(x)", "exp(-x^2)/sqrt(pi)"),
    ("gamma(x)", "gamma(x)*digamma(x + 1)"),
    ("polygamma(1, x)", "polygamma(1, x)"),
    ("besselj(2, x)", "(besselj(1, x) + besselj(3, x))/2"),
    ("LambertW(x)", "LambertW(x)/(1 + LambertW(x))"),
    ("sinc(x)", "cos(x)/x"),
    ("x floor(x)", "floor(x) + x"),
]


@pytest.mark.parametrize(("source", "answer"), WRONG, ids=[row[0] for row in WRONG])
def test_wrong_answers_are_caught(source: str, answer: str) -> None:
    verdict = symdiff.check_answer(source, answer, "x")
    assert not verdict and verdict.decided and verdict.point is not None


def test_gelu() -> None:
    gelu = "x*(1 + erf(x/sqrt(2)))/2"
    d = symdiff.diff(gelu, "x")
    theirs = (1 + sympy.erf(X / sympy.sqrt(2))) / 2 + X * sympy.exp(-(X**2) / 2) / sympy.sqrt(
        2 * sympy.pi
    )
    for at in (Fraction(-3, 2), Fraction(0), Fraction(1, 3), Fraction(2)):
        want = float(theirs.evalf(30, subs={X: sympy.Rational(at.numerator, at.denominator)}))
        assert float(d.evaluate({"x": at})) == pytest.approx(want, rel=1e-13, abs=1e-15)
    assert parse("x*(1 + erf(x/sqrt(2)))/2").evaluate({"x": 0}) == 0
    out = io.StringIO()
    with redirect_stdout(out):
        assert main([gelu, "--verify", "--check"]) == 0
    assert out.getvalue().splitlines()[1:] == [
        "SymPy check: ok, agrees symbolically",
        "finite differences check: ok, agree at 40 points",
    ]


# ----- the checker's intervals ------------------------------------------------------
INTERVALS = [  # function, arguments (exact), for enclosures against mpmath at 600 bits
    ("erf", [Fraction(-7, 3)]), ("erf", [Fraction(1, 10**9)]), ("erfc", [Fraction(25)]),
    ("lambertw", [Fraction(-36, 100)]), ("lambertw", [Fraction(10**6)]),
    ("digamma", [Fraction(-27, 10)]), ("digamma", [Fraction(1461632, 10**6)]),
    ("polygamma", [Fraction(3), Fraction(-1, 3)]), ("polygamma", [Fraction(1), Fraction(50)]),
    ("besselj", [Fraction(0), Fraction(2404825557695773, 10**15)]),
    ("besselj", [Fraction(-3), Fraction(-17, 2)]), ("sinc", [Fraction(0)]),
    ("sinc", [Fraction(1, 10**12)]), ("gamma", [Fraction(-5, 2)]), ("lgamma", [Fraction(-5, 2)]),
    ("gamma", [Fraction(-16001, 2)]), ("lgamma", [Fraction(-16001, 2)]),
    ("gamma", [Fraction(146, 100)]), ("lgamma", [Fraction(10**7 + 1, 3)]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "args"), INTERVALS, ids=[f"{n}{a}" for n, a in INTERVALS])
def test_intervals_hold_the_value_and_are_narrow(name: str, args: list[Fraction]) -> None:
    import mpmath

    mpmath.mp.prec = 600
    try:
        exact = {
            "sinc": lambda u: mpmath.sin(u) / u if u else mpmath.mpf(1),
            "lgamma": lambda u: mpmath.log(abs(mpmath.gamma(u))),
        }.get(name)
        f = exact or getattr(mpmath, name)
        truth = f(*[mpmath.mpf(a.numerator) / a.denominator for a in args])
    finally:
        mpmath.mp.prec = 53
    expr = Call(name, tuple(symdiff.parse(str(a)) for a in args))
    for prec in (64, 256):
        value = enclose([expr], {}, prec).values[expr]
        lo, hi = (mpmath.mp.make_mpf(end) for end in value._mpi_)  # exact ends
        assert lo <= truth <= hi, (prec, value)
        assert hi - lo <= (abs(truth) + 1) * 2.0 ** (-prec + 8), (prec, value)


def test_intervals_refuse_the_edges() -> None:
    iv = context(64)
    with pytest.raises(ValueError, match="pole"):
        enclosures.polygamma(iv, [iv.mpf(0), iv.mpf([-2.5, -1.5])])
    with pytest.raises(ValueError, match="below -1/e"):
        enclosures.lambertw(iv, [iv.mpf([-0.4, -0.3])])
    with pytest.raises(ValueError, match="whole number"):
        enclosures.besselj(iv, [iv.mpf(0.5), iv.mpf(1)])
    wide = enclosures.besselj(iv, [iv.mpf(1), iv.mpf([1, 1.25])])
    assert wide.a <= 0.44005058574493355 and 0.5106 <= wide.b  # J₁(1), J₁(1.25)


# ----- floor and ceil: the jumps -----------------------------------------------------
def test_at_a_jump_there_is_no_derivative() -> None:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["x floor(x)", "--at", "x=2"])
    assert (code, out.getvalue()) == (2, "")
    assert err.getvalue() == ("symdiff: error: no derivative at this point: floor(x) jumps "
                              "where its argument is a whole number (here 2)\n")  # fmt: skip
    with redirect_stdout(out):
        assert main(["x floor(x)", "--at", "x=5/2"]) == 0
        assert main(["x floor(y)", "--wrt", "x", "--at", "x=2,y=2"]) == 0
    assert out.getvalue() == "floor(x) = 2 at x = 5/2\nfloor(y) = 2 at x = 2, y = 2\n"


def test_the_steps_state_the_jumps() -> None:
    text = symdiff.derive("ceil(x)").render("text")
    assert "ceil: 0, except where u is a whole number (ceil jumps there: no derivative)" in text


def test_the_checker_sees_the_jumps() -> None:
    x = Var("x")
    f = parse("floor(2x)")
    e = enclose([f], {"x": Fraction(1, 2)}, 64)
    assert e.values[f] is None and e.why == "at a jump in floor(2*x)"
    e = enclose([f], {"x": Fraction(3, 4)}, 64)
    assert float(e.values[f].a) == 1 and e.sides == (1,)
    assert finite_difference(f, "x", {"x": Fraction(1, 2) + Fraction(1, 2**45)}) is None
    assert parse("floor(2x)").evaluate({"x": Fraction(1, 2)}) == 1  # the function has a value
    places = [where for _, where in boundaries([call_floor(x)], ["x"], {"x": Fraction(1)})]
    for jump in (-1, 0, 1):  # found to within rounding (sin(πu) is 0 there)
        assert any(abs(p - jump) < Fraction(1, 10**12) for p in places), places


def call_floor(u: symdiff.Expr) -> symdiff.Expr:
    return Call("floor", (u,))


def test_the_plot_finds_every_jump() -> None:
    points = kink_points([parse("floor(x) + ceil(x/2)")], "x", {}, -2.5, 3.5)
    assert [round(p, 9) for p in points] == [-2.0, -1.0, 0.0, 1.0, 2.0, 3.0]


# ----- code generation ---------------------------------------------------------------
CODE = [  # source, points inside the domain
    ("erf(x) + erfc(x/2)", ANYWHERE),
    ("gamma(x) + lgamma(x)", NEGATIVE_TOO),
    ("digamma(x) + polygamma(2, x) + polygamma(5, x^2 + 1)", NEGATIVE_TOO),
    ("sinc(x) + sinc(0*x)", ANYWHERE),
    ("LambertW(x) + LambertW(x^2 + 10)", ["-3/10", "0", "7/5", "1000"]),
    ("besselj(0, x) + besselj(3, x) + besselj(-2, 5x)", ANYWHERE),
    ("floor(x) + ceil(3x)", ANYWHERE),
    ("x*(1 + erf(x/sqrt(2)))/2", ANYWHERE),
]


@pytest.mark.parametrize(("source", "points"), CODE, ids=[row[0] for row in CODE])
def test_compiled_code_agrees(source: str, points: list[str], tmp_path: Path) -> None:
    f = symdiff.parse(source)
    roots = [f, symdiff.diff(f, "x")]
    fn = symdiff.compile(roots, ["x"])
    at = [Fraction(p) for p in points]
    wanted = [[float(r.evaluate({"x": a})) for r in roots] for a in at]
    batch = fn(np.array([float(a) for a in at]))
    run_c = c_function(fn.source("c"), tmp_path) if COMPILER else None
    for i, a in enumerate(at):
        got = [fn(float(a)), [float(b[i]) for b in batch]]
        if run_c is not None:
            got.append(run_c([float(a)], len(roots)))
        for values in got:
            for value, want in zip(values, wanted[i], strict=True):
                assert math.isclose(value, want, rel_tol=1e-12, abs_tol=1e-12), (a, values)


def test_compiled_code_outside_the_domain() -> None:
    fn = symdiff.compile(parse("gamma(x) + polygamma(1, x) + LambertW(x)"), ["x"])
    with pytest.raises(DomainError):
        fn(-1.0)
    assert np.isnan(fn(np.array([-1.0, -0.5]))).all()


def test_every_target_spells_every_row() -> None:
    for name in ("erf", "gamma", "polygamma", "besselj", "lambertw", "floor", "ceil"):
        assert set(FUNCTIONS[name].code) == {"python", "numpy", "c", "jax", "torch"}
    source = symdiff.compile(parse("besselj(1, x) + LambertW(x)"), ["x"]).source("torch")
    assert "NotImplementedError" in source and "jn(" not in source


# ----- a property: random inner functions, SymPy's own derivative ---------------------
INNER = st.tuples(st.integers(-3, 3).filter(bool), st.integers(-4, 4), st.integers(1, 3))
OUTER = {  # name -> (symdiff text of f(u), SymPy f(u), whether u must be > 0)
    "erf": ("erf({})", sympy.erf, False), "erfc": ("erfc({})", sympy.erfc, False),
    "gamma": ("gamma({})", sympy.gamma, True), "lgamma": ("lgamma({})", sympy.loggamma, True),
    "digamma": ("digamma({})", sympy.digamma, True),
    "polygamma": ("polygamma(2, {})", lambda u: sympy.polygamma(2, u), True),
    "sinc": ("sinc({})", sympy.sinc, False), "lambertw": ("LambertW({})", sympy.LambertW, True),
    "besselj": ("besselj(3, {})", lambda u: sympy.besselj(3, u), False),
}  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(OUTER)), INNER, st.fractions(Fraction(1, 10), 3, max_denominator=16))
def test_random_chains_agree_with_sympy(name: str, inner: tuple[int, ...], at: Fraction) -> None:
    """d/dx f(a·x^k + b) against SymPy's diff, at a point where a·x^k + b > 0 if f needs it."""
    a, b, k = inner
    text, theirs, positive = OUTER[name]
    u = a * at**k + b
    assume(u > Fraction(1, 10) if positive else u != 0)
    d = symdiff.diff(text.format(f"({a}x^{k} + {b})"), "x")
    expected = sympy.diff(theirs(a * X**k + b), X)
    want = float(expected.evalf(30, subs={X: sympy.Rational(at.numerator, at.denominator)}))
    assert float(d.evaluate({"x": at})) == pytest.approx(want, rel=1e-11, abs=1e-13)


@pytest.mark.parametrize(("source", "expected"), [row[:2] for row in DERIVATIVES],
                         ids=[row[0] for row in DERIVATIVES])  # fmt: skip
def test_the_textbook_answer_is_checked_right(source: str, expected: str) -> None:
    """The SymPy-written answer, read by symdiff, passes check_answer (by intervals)."""
    verdict = symdiff.check_answer(source, expected, "x")
    assert verdict and verdict.decided, verdict.how


def test_sympy_catches_a_wrong_lgamma_answer() -> None:
    """SymPy's loggamma is complex for u < 0: those points are skipped, the others decide."""
    verdict = check_with_sympy(parse("x lgamma(x)"), parse("lgamma(x) + digamma(x)"), ["x"])
    assert not verdict and verdict.decided and verdict.point is not None
    assert verdict.point["x"] > 0


JAX_FUNCTIONS = ["erf(x)", "erfc(x)", "gamma(x)", "lgamma(x)", "digamma(x)", "polygamma(2, x)",
                 "sinc(x)", "floor(x)", "ceil(x)"]  # fmt: skip


@pytest.mark.parametrize("source", JAX_FUNCTIONS)
def test_jax_code_agrees_where_jax_is_installed(source: str) -> None:
    f = symdiff.parse(source)
    roots = [f, symdiff.diff(f, "x")]
    code = symdiff.compile(roots, ["x"]).source("jax")
    ast.parse(code)
    if importlib.util.find_spec("jax") is None:
        return  # the source parses; there is no jax to run it
    import jax

    jax.config.update("jax_enable_x64", True)
    namespace: dict[str, object] = {}
    exec(code, namespace)
    run = namespace["f"]
    assert callable(run)
    for text in NEGATIVE_TOO:
        at = Fraction(text)
        got = [float(v) for v in run(jax.numpy.asarray(float(at)))]
        want = [float(r.evaluate({"x": at})) for r in roots]
        assert got == pytest.approx(want, rel=1e-10, abs=1e-12), (source, text)
