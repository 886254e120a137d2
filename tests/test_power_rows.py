"""Exponentials, logarithms and roots: the cbrt row, the shorthands (log(x, b), log10, log2,
root, pow), the base written as a subscript (log_2 x), and logarithmic differentiation of u^v.

Each derivative is checked against SymPy's derivative of an independently written SymPy
expression, numerically at points inside the domain; exact values through the evaluator;
the notation against SymPy; the steps of logarithmic differentiation line by line.
"""

from __future__ import annotations

import io
import math
import re
from contextlib import redirect_stdout
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import symdiff
from symdiff.check.numeric import verify
from symdiff.check.symbolic import check_with_sympy
from symdiff.cli import main
from symdiff.core.evaluate import evaluate
from symdiff.core.multiple import Multiple
from symdiff.errors import DomainError, ParseError, SymdiffError, UnsupportedError
from symdiff.parsing.parser import parse
from symdiff.printers.latex import to_latex
from symdiff.printers.unicode import to_unicode
from test_katex import render

x, b, t = sp.symbols("x b theta", real=True)


def cbrt(u: sp.Expr) -> sp.Expr:
    """The real cube root, as SymPy writes it for a real u."""
    return sp.sign(u) * sp.Abs(u) ** sp.Rational(1, 3)


def log_to(u: sp.Expr, base: sp.Expr) -> sp.Expr:
    return sp.log(u) / sp.log(base)


# ----- derivatives against SymPy, at points inside the domain ------------------------------
DERIVATIVES = [  # source, the same function written in SymPy, points (x) inside the domain
    ("cbrt(x)",                    cbrt(x),                                  (-3, -0.5, 0.7, 5)),
    ("cbrt(x^2 + 1)",              cbrt(x**2 + 1),                           (-2, 0.3, 4)),
    ("cbrt(sin(x))",               cbrt(sp.sin(x)),                          (-1, 0.5, 2, 4)),
    ("x·cbrt(x - 3)",              x * cbrt(x - 3),                          (-2, 1, 5)),
    ("cbrt(x)/(x^2 + 1)",          cbrt(x) / (x**2 + 1),                     (-2, 0.5, 3)),
    ("exp(cbrt(x))",               sp.exp(cbrt(x)),                          (-8, 1, 27)),
    ("∛(x + 1)",                   cbrt(x + 1),                              (-4, 0.5, 3)),
    ("log(x, 2)",                  log_to(x, 2),                             (0.5, 2, 9)),
    ("log(x^2 + 1, 3)",            log_to(x**2 + 1, 3),                      (-2, 0.5, 3)),
    ("log(sin(x) + 2, x)",         log_to(sp.sin(x) + 2, x),                 (0.5, 2, 7)),
    ("log10(x)",                   log_to(x, 10),                            (0.1, 3, 100)),
    ("x·log10(x^2)",               x * log_to(x**2, 10),                     (-3, 0.5, 4)),
    ("log2(x)",                    log_to(x, 2),                             (0.5, 2, 8)),
    ("log2(cos(x) + 2)/x",         log_to(sp.cos(x) + 2, 2) / x,             (-1, 0.5, 3)),
    ("sin(log2(x))",               sp.sin(log_to(x, 2)),                     (0.5, 3)),
    ("root(x, 3)",                 cbrt(x),                                  (-2, 0.5, 3)),
    ("root(x^2 + 1, 5)",           (x**2 + 1) ** sp.Rational(1, 5),          (-2, 0.5, 3)),
    ("root(x, 4)·sin(x)",          x ** sp.Rational(1, 4) * sp.sin(x),       (0.5, 3)),
    ("root(x, 2)",                 sp.sqrt(x),                               (0.5, 3)),
    ("root(x + 1, x)",             (x + 1) ** (1 / x),                       (0.5, 3)),
    ("pow(x, 3)",                  x**3,                                     (-2, 0.5, 3)),
    ("pow(sin(x), 2)/x",           sp.sin(x) ** 2 / x,                       (-2, 0.5, 3)),
    ("pow(x, x)",                  x**x,                                     (0.5, 2)),
    ("pow(2, x^2)",                2 ** (x**2),                              (-1, 0.5, 2)),
    ("log_2(x)",                   log_to(x, 2),                             (0.5, 8)),
    ("log_b(x^2 + 1)",             log_to(x**2 + 1, b),                      (-1, 2)),
    ("x^x",                        x**x,                                     (0.5, 2)),
    ("x^sin(x)",                   x ** sp.sin(x),                           (0.5, 2)),
    ("sin(x)^x",                   sp.sin(x) ** x,                           (0.5, 2)),
    ("(x^2 + 1)^cos(x)",           (x**2 + 1) ** sp.cos(x),                  (-1, 0.5, 2)),
    ("x^x·log(x)",                 x**x * sp.log(x),                         (0.5, 2)),
    ("1/x^(2x)",                   1 / x ** (2 * x),                         (0.5, 2)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("source", "written", "points"), DERIVATIVES, ids=[r[0] for r in DERIVATIVES]
)
def test_derivative_agrees_with_sympy(
    source: str, written: sp.Expr, points: tuple[float, ...]
) -> None:
    ours = symdiff.diff(source, "x").to_sympy()
    theirs = sp.diff(written, x)
    named = {s.name: s for s in ours.free_symbols}
    theirs = theirs.subs({s: named.get(s.name, s) for s in theirs.free_symbols})
    at = {named.get("b", b): sp.Rational(5, 2)}
    for point in points:
        here = {**at, named.get("x", x): sp.nsimplify(point)}
        want = complex(sp.N(theirs.subs(here), 30))
        got = complex(sp.N(ours.subs(here), 30))
        assert abs(want.imag) < 1e-20 and abs(got.imag) < 1e-20, (source, point)
        assert math.isclose(got.real, want.real, rel_tol=1e-12, abs_tol=1e-12), (source, point)


CHECKED = ["cbrt(x^2 + 1)", "sin(x)·cbrt(x + 2)", "cbrt(x)/(x^2 + 1)", "log(x^2 + 1, 3)",
           "log2(sin(x) + 2)", "x·log10(x)", "root(x^2 + 1, 5)", "pow(x, sin(x))", "x^x",
           "(x^2 + 1)^x"]  # fmt: skip


@pytest.mark.parametrize("source", CHECKED)
def test_the_checkers_agree(source: str) -> None:
    expr = parse(source)
    result = symdiff.diff(expr, "x")
    assert check_with_sympy(expr, result, ["x"]), source
    assert verify(expr, result, "x"), source


# ----- exact values -------------------------------------------------------------------------
VALUES = [  # source, its exact value
    ("log(e)", Fraction(1)),
    ("ln(1)", Fraction(0)),
    ("log2(8)", Fraction(3)),
    ("log2(1/8)", Fraction(-3)),
    ("log10(1000)", Fraction(3)),
    ("log10(1/100)", Fraction(-2)),
    ("log(8, 4)", Fraction(3, 2)),
    ("log(81, 3)", Fraction(4)),
    ("log(1024, 2) + log(1, 7)", Fraction(10)),
    ("log_2(64)", Fraction(6)),
    ("log₂(1/4)", Fraction(-2)),
    ("log_e e", Fraction(1)),
    ("log(2^100)/log(2)", Fraction(100)),
    ("cbrt(-27)", Fraction(-3)),
    ("cbrt(-8)", Fraction(-2)),
    ("cbrt(8/27)", Fraction(2, 3)),
    ("cbrt(0)", Fraction(0)),
    ("∛64", Fraction(4)),
    ("cbrt(10^60)", Fraction(10**20)),
    ("root(-8, 3)", Fraction(-2)),
    ("root(16, 4)", Fraction(2)),
    ("root(9, 2)", Fraction(3)),
    ("pow(2, 10)", Fraction(1024)),
    ("log(1000)", Multiple(Fraction(3), "log", 10)),
    ("1/log2(e)", Multiple(Fraction(1), "log", 2)),
]


@pytest.mark.parametrize(("source", "value"), VALUES, ids=[v[0] for v in VALUES])
def test_exact_value(source: str, value: Fraction) -> None:
    got = parse(source).evaluate({})
    assert type(got) is type(value) and got == value


NOT_EXACT = [  # source, its float value
    ("cbrt(2)", 2 ** (1 / 3)),
    ("cbrt(-2)", -(2 ** (1 / 3))),
    ("log10(2)", math.log10(2)),
    ("log(2/3)", math.log(2 / 3)),
    ("log2(3)", math.log2(3)),
]


@pytest.mark.parametrize(("source", "number"), NOT_EXACT)
def test_float_value(source: str, number: float) -> None:
    got = parse(source).evaluate({})
    assert isinstance(got, float) and got == pytest.approx(number, rel=1e-15)


def test_the_simplifier_keeps_logarithms_of_numbers() -> None:
    assert str(symdiff.simplify("log(8)")) == "log(8)"  # not 3*log(2): no step chose that
    assert str(symdiff.simplify("cbrt(-27)")) == "-3"


def test_outside_the_domain() -> None:
    with pytest.raises(DomainError, match="negative base -32 to the non-integer power"):
        parse("root(x, 5)").evaluate({"x": -32})  # only cube roots are real for x < 0
    with pytest.raises(DomainError, match="logarithm of the non-positive number 0"):
        parse("log2(x)").evaluate({"x": 0})


COMMANDS = [  # the command's arguments, its output
    (["log2(x)", "--at", "x=8"], "1/(x·ln(2)) = 1/(8·ln(2)) at x = 8\n"),
    (["cbrt(x)", "--at", "x=-8"], "1/(3(∛x)²) = 1/12 at x = −8\n"),
    (["x^x", "--at", "x=1"], "x^x·(ln(x) + 1) = 1 at x = 1\n"),
]


@pytest.mark.parametrize(("args", "output"), COMMANDS)
def test_commands(args: list[str], output: str) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(args)
    assert (code, out.getvalue()) == (0, output)


# ----- notation -----------------------------------------------------------------------------
SPELLED = [  # input, SymPy, written by hand
    ("log(x, 2)",              log_to(x, 2)),
    ("log_2(x)",               log_to(x, 2)),
    ("log_2 x",                log_to(x, 2)),
    ("log₂(x)",                log_to(x, 2)),
    ("log₂ x",                 log_to(x, 2)),
    ("log2 x",                 log_to(x, 2)),
    ("log_10 x",               log_to(x, 10)),
    ("log₁₀(x)",               log_to(x, 10)),
    ("log10(x)",               log_to(x, 10)),
    ("log_3(x^2)",             log_to(x**2, 3)),
    ("log₃ x²",                log_to(x**2, 3)),
    ("log_b(x)",               log_to(x, b)),
    ("log_b x + 1",            log_to(x, b) + 1),
    ("x log_2 x",              x * log_to(x, 2)),
    ("log_e x",                sp.log(x)),
    ("log_pi(x)",              log_to(x, sp.pi)),
    ("log_theta(x)",           log_to(x, t)),
    ("log_2^2(x)",             log_to(x, 2) ** 2),
    ("log(x, e)",              sp.log(x)),
    ("cbrt(x)",                sp.real_root(x, 3)),
    ("∛x",                     sp.real_root(x, 3)),
    ("∛(x + 1)",               sp.real_root(x + 1, 3)),
    ("root(x, 3)",             sp.real_root(x, 3)),
    ("root(x, 4)",             x ** sp.Rational(1, 4)),
    ("root(x, b)",             x ** (1 / b)),
    ("pow(x, 3)",              x**3),
    ("pow(x + 1, x)",          (x + 1) ** x),
]  # fmt: skip


@pytest.mark.parametrize(("text", "intended"), SPELLED, ids=[s[0] for s in SPELLED])
def test_spelling_means_the_intended_expression(text: str, intended: sp.Expr) -> None:
    ours = parse(text).to_sympy()
    named = {s.name: s for s in ours.free_symbols}
    mine = intended.subs({s: named.get(s.name, s) for s in intended.free_symbols})
    assert sp.simplify(ours - mine) == 0, (ours, mine)


REFUSED = [  # input, error type, words of the message
    ("log_ab(x)", ParseError, 'the base of "log_ab" is not a number above 1'),
    ("log_1(x)", ParseError, 'the base of "log_1" is not a number above 1'),
    ("log₀ x", ParseError, 'the base of "log₀" is not a number above 1'),
    ("log_2(x, 3)", UnsupportedError, "log_2() takes 1 argument, not 2"),
    ("log(x, 2, 3)", UnsupportedError, "log() takes 1 or 2 arguments, not 3"),
    ("root(x)", UnsupportedError, "root() takes 2 arguments, not 1"),
    ("pow x", ParseError, 'unexpected "x" after "pow"'),
    ("cbrt(x, 2)", UnsupportedError, "cbrt() takes 1 argument, not 2"),
]


@pytest.mark.parametrize(("text", "error", "words"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refused(text: str, error: type[SymdiffError], words: str) -> None:
    with pytest.raises(error, match=re.escape(words)):
        parse(text)


PRINTED = [  # source, the source as printed in text, in Unicode, in LaTeX
    ("cbrt(x)", "cbrt(x)", "∛x", r"\sqrt[3]{x}"),
    ("cbrt(x^2 + 1)^2", "cbrt(x^2 + 1)^2", "(∛(x² + 1))²", r"\sqrt[3]{x^{2} + 1}^{2}"),
    ("log2(x)", "log(x)/log(2)", "ln(x)/ln(2)", r"\frac{\ln(x)}{\ln(2)}"),
    ("log_b(x)", "log(x)/log(b)", "ln(x)/ln(b)", r"\frac{\ln(x)}{\ln(b)}"),
]


@pytest.mark.parametrize(("source", "text", "uni", "latex"), PRINTED)
def test_printed_and_read_back(source: str, text: str, uni: str, latex: str) -> None:
    expr = parse(source)
    assert (str(expr), to_unicode(expr), to_latex(expr)) == (text, uni, latex)
    assert parse(text) is expr and parse(uni) is expr
    result = symdiff.diff(expr, "x")
    assert parse(str(result)) is result  # text reads back to the node; Unicode to its value
    assert symdiff.simplify(parse(to_unicode(result))) is symdiff.simplify(result)
    assert render([(latex, False), (to_latex(result), False)]) == [None, None]


# ----- builders and code generation --------------------------------------------------------
def test_builders_are_what_the_parser_reads() -> None:
    v = symdiff.Var("x")
    assert symdiff.cbrt(v) is parse("cbrt(x)")
    assert symdiff.log(v, 2) is parse("log(x, 2)") and symdiff.log(v) is parse("log(x)")
    assert symdiff.log10(v) is parse("log10(x)") and symdiff.log2(v) is parse("log2(x)")
    assert symdiff.root(v, 3) is parse("root(x, 3)") and symdiff.root(v, 5) is parse("root(x, 5)")
    assert symdiff.pow(v, v) is parse("pow(x, x)")
    assert {"log10", "log2", "root", "pow"} <= set(symdiff.__all__)
    with pytest.raises(TypeError, match="root"):
        symdiff.root(v)


COMPILED = ["cbrt(x)", "cbrt(x^2 - 4)·sin(x)", "log2(x^2 + 1) + log10(x^2 + 2)", "x^x·cbrt(x - 1)"]


@pytest.mark.parametrize("source", COMPILED)
def test_compiled_code_agrees_with_the_evaluator(source: str) -> None:
    for expr in (parse(source), symdiff.diff(source, "x")):
        f = symdiff.compile(expr, ["x"])
        points = [Fraction(-5, 2), Fraction(1, 3), Fraction(3, 2), Fraction(7)]
        inside = [p for p in points if "x^x" not in source or p > 0]
        want = [float(evaluate(expr, {"x": p})) for p in inside]
        batch = f(np.array([float(p) for p in inside]))
        for p, w, v in zip(inside, want, batch, strict=True):
            assert math.isclose(f(float(p)), w, rel_tol=1e-12, abs_tol=1e-300)
            assert math.isclose(float(v), w, rel_tol=1e-12, abs_tol=1e-300)


def test_every_target_has_a_cube_root() -> None:
    f = symdiff.compile("cbrt(x)", ["x"])
    assert "np.cbrt(v_x)" in f.source("numpy") and "cbrt(v_x)" in f.source("c")
    assert "def _cbrt(u):" in f.source("torch") and "jnp.cbrt" in f.source("jax")


# ----- logarithmic differentiation ----------------------------------------------------------
STEPS = [  # source, the printed lines of its derivation, the rules of each line
    ("x^x",
     ["d/dx x^x",
      "x^x·d/dx[x·ln(x)]",
      "x^x·(d/dx[x]·ln(x) + x·d/dx ln(x))",
      "x^x·(1·ln(x) + x/x)",
      "x^x·(ln(x) + x/x)",
      "x^x·(ln(x) + x⁰)",
      "x^x·(ln(x) + 1)"],
     [(), ("logarithmic-differentiation",), ("product",), ("variable", "log"), ("arithmetic",),
      ("combine-powers",), ("identities",)]),
    ("x^sin(x)",
     ["d/dx x^sin(x)",
      "x^sin(x)·d/dx[sin(x)·ln(x)]",
      "x^sin(x)·(d/dx[sin(x)]·ln(x) + sin(x)·d/dx ln(x))",
      "x^sin(x)·(cos(x)·ln(x) + sin(x)/x)"],
     [(), ("logarithmic-differentiation",), ("product",), ("sin", "log")]),
    ("sin(x)^x",
     ["d/dx sin(x)^x",
      "sin(x)^x·d/dx[x·ln(sin(x))]",
      "sin(x)^x·(d/dx[x]·ln(sin(x)) + x·d/dx ln(sin(x)))",
      "sin(x)^x·(1·ln(sin(x)) + x·d/dx[sin(x)]/sin(x))",
      "sin(x)^x·(1·ln(sin(x)) + x·cos(x)/sin(x))",
      "sin(x)^x·(ln(sin(x)) + x·cos(x)/sin(x))",
      "sin(x)^x·(ln(sin(x)) + x·cot(x))"],
     [(), ("logarithmic-differentiation",), ("product",), ("variable", "chain:log"), ("sin",),
      ("arithmetic",), ("quotient-identities",)]),
]  # fmt: skip


@pytest.mark.parametrize(("source", "lines", "rules"), STEPS, ids=[s[0] for s in STEPS])
def test_logarithmic_differentiation_steps(
    source: str, lines: list[str], rules: list[tuple[str, ...]]
) -> None:
    d = symdiff.derive(source, "x")
    assert [to_unicode(line.expr) for line in d.lines] == lines
    assert [line.rules for line in d.lines] == rules
    assert d.result is symdiff.diff(source, "x")


def test_the_rule_is_named_in_the_printed_steps() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["y = x^x", "--steps"]) == 0
    first, second = out.getvalue().splitlines()[:2]
    assert first == "dy/dx = d/dx x^x"
    assert second.split() == [
        "=", "x^x·d/dx[x·ln(x)]", "logarithmic", "differentiation:", "ln", "y", "=", "v·ln",
        "u,", "y'", "=", "y·(v·ln", "u)'",
    ]  # fmt: skip


# source, the answer (Unicode): as it was before the rule had its own steps.  (Where u is not
# the variable, the chain rule with ln now writes v·du/u as v·(1/u)·du, and the factors may
# come out in another order: x/sin(x)·cos(x) for x·cos(x)/sin(x); DERIVATIVES checks values.)
ANSWERS = [
    ("x^x", "x^x·(ln(x) + 1)"),
    ("x^(2x)", "x^(2x)·(2·ln(x) + 2)"),
    ("(x + 1)^x", "(x + 1)^x·(ln(x + 1) + x/(x + 1))"),
    ("x^(x^2)", "x^(x²)·(2x·ln(x) + x)"),
    ("3x^x", "3x^x·(ln(x) + 1)"),
    ("x^(x y)", "x^(xy)·(y·ln(x) + y)"),
    ("x^x^x", "x^(x^x)·(x^x·(ln(x) + 1)·ln(x) + x^(x − 1))"),
]


@pytest.mark.parametrize(("source", "answer"), ANSWERS)
def test_the_answer_is_unchanged(source: str, answer: str) -> None:
    assert to_unicode(symdiff.diff(source, "x")) == answer


# ----- a property: random compositions against SymPy -----------------------------------------
INNER = [  # an inside function, in symdiff's language and in SymPy; positive for every x
    ("x^2 + 1", x**2 + 1),
    ("2 + sin(3x)", 2 + sp.sin(3 * x)),
    ("exp(x/2)", sp.exp(x / 2)),
    ("(x - 1)^2 + 1/2", (x - 1) ** 2 + sp.Rational(1, 2)),
]
OUTER = [  # an outside function of u, in symdiff's language and in SymPy
    ("cbrt({u})", cbrt),
    ("cbrt(-({u}))", lambda u: cbrt(-u)),
    ("log({u}, 3)", lambda u: log_to(u, 3)),
    ("log2({u})", lambda u: log_to(u, 2)),
    ("log_10({u})", lambda u: log_to(u, 10)),
    ("root({u}, 5)", lambda u: u ** sp.Rational(1, 5)),
    ("pow({u}, x)", lambda u: u**x),
    ("({u})^sin(x)", lambda u: u ** sp.sin(x)),
]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(OUTER),
    st.sampled_from(INNER),
    st.sampled_from(["", "x·", "1/(x^2 + 3)·"]),
    st.fractions(min_value=-3, max_value=3, max_denominator=16),
)
def test_random_compositions_agree_with_sympy(
    outer: tuple[str, Any], inner: tuple[str, sp.Expr], factor: str, point: Fraction
) -> None:
    text = factor + "(" + outer[0].format(u=inner[0]) + ")"
    written = outer[1](inner[1]) * {"": 1, "x·": x, "1/(x^2 + 3)·": 1 / (x**2 + 3)}[factor]
    ours = symdiff.diff(text, "x")
    got = float(evaluate(ours, {"x": point}))
    want = float(
        sp.N(sp.diff(written, x).subs(x, sp.Rational(point.numerator, point.denominator)), 30)
    )
    assert math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12), (text, point)
