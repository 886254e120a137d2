"""The function table: every row has every facet, and every reader agrees with it.

A row of :data:`symdiff.core.functions.FUNCTIONS` is the only place a function's facts
live; these tests take each row through every reader (parser, derivative rule, simplifier,
evaluator, printers, SymPy bridge, builders, README), so a half-added function fails here.
The tables at the end pin each function's outputs, one row per case.
"""

from __future__ import annotations

import io
import math
import re
from contextlib import redirect_stdout
from fractions import Fraction
from pathlib import Path

import pytest
import sympy

import symdiff
from symdiff.check.numeric import verify
from symdiff.check.symbolic import check_with_sympy
from symdiff.cli import main
from symdiff.core import build
from symdiff.core.evaluate import evaluate
from symdiff.core.expr import Call, Expr, Num, Var
from symdiff.core.facets import Function
from symdiff.core.functions import ABSTRACT_LETTERS, FUNCTIONS, GREEK, SPELLINGS, listed_names
from symdiff.core.multiple import Multiple
from symdiff.errors import DomainError
from symdiff.parsing.parser import parse
from symdiff.printers.latex import to_latex
from symdiff.printers.unicode import to_unicode
from test_katex import render

ROOT = Path(__file__).resolve().parent.parent
ROWS = list(FUNCTIONS.values())
NAMES = list(FUNCTIONS)
x, y = Var("x"), Var("y")
POINTS = [Fraction(v) for v in ("-2", "-1/2", "0", "1/3", "1", "3")]
POINTS += [Fraction(1, 2), Fraction(2)]  # three points inside the domains of acosh, acoth, asech


def args_of(row: Function) -> tuple[Expr, ...]:
    return (x,) if row.arity is None or row.arity == 1 else (x,) * row.arity


def applied(row: Function, *args: Expr) -> Expr:
    if row.orders and len(args) == 1:  # the order first: polygamma(2, u), besselj(2, u)
        args = (Num(2), *args)
    elif row.arity is not None and len(args) not in (0, row.arity):  # atan2(u, u) for u
        args = (args[0],) * row.arity
    return Call(row.name, args or args_of(row))


def test_the_table_is_keyed_by_name_and_spellings_do_not_collide() -> None:
    assert all(key == row.name for key, row in FUNCTIONS.items())
    spelled = [n for row in ROWS for n in (row.name, *row.spellings)]
    assert len(spelled) == len(set(spelled)) == len(SPELLINGS)
    clash = set(spelled) & {*GREEK, *ABSTRACT_LETTERS, "e", "pi"}
    clash -= {"gamma"}  # the gamma function before "(", the Greek letter elsewhere (words.py)
    assert not clash


@pytest.mark.parametrize("name", NAMES)
def test_every_row_has_every_facet(name: str) -> None:
    row = FUNCTIONS[name]
    assert re.fullmatch("[a-z][a-z0-9]+", row.name), "a name the lexer reads as one word"
    assert row.arity is None or row.arity >= 1
    args = args_of(row)
    assert all(isinstance(row.partial(args, i), Expr) for i in range(len(args))
               if i not in row.orders)  # fmt: skip
    inside = 0
    for v in POINTS:
        values = [v] * len(args_of(row))
        if row.orders:  # an order is a whole number
            values = [Fraction(2) if i in row.orders else v for i in range(len(values))]
        reason = row.outside(values)
        exact = row.exact(values)
        if reason is not None:
            assert isinstance(reason, str) and str(v) in reason and exact is None
            continue
        inside += 1
        assert exact is None or isinstance(exact, Fraction | Multiple)  # asin(1) = π/2
        number = row.real(values)
        assert isinstance(number, float) and math.isfinite(number)
        if exact is not None:
            assert math.isclose(float(exact), number, abs_tol=1e-12)
    assert inside >= 3, "the domain test points must reach the function"
    assert row.kinks in ("smooth", "ties", "zero", "integers")
    assert row.kinks != "ties" or row.arity is None, "ties need two arguments to compare"
    for text in (row.unicode, row.latex, row.sympy, row.builder):
        assert isinstance(text, str) and text.strip() == text and text
    assert re.fullmatch(r"\\[A-Za-z]+|\\operatorname\{[A-Za-z0-9]+\}", row.latex)


@pytest.mark.parametrize("name", NAMES)
def test_every_spelling_parses_to_the_row(name: str) -> None:
    row = FUNCTIONS[name]
    for spelling in (row.name, *row.spellings):
        text = f"{spelling}({', '.join(['x'] * len(args_of(row)))})"
        assert parse(text) is applied(row)


@pytest.mark.parametrize("name", NAMES)
def test_every_builder_is_the_package_name(name: str) -> None:
    row = FUNCTIONS[name]
    builder = getattr(build, row.builder)
    assert getattr(symdiff, row.name) is builder and row.name in symdiff.__all__
    assert builder(*args_of(row)) is applied(row)


@pytest.mark.parametrize("name", NAMES)
def test_every_sympy_name_translates(name: str) -> None:
    row = FUNCTIONS[name]
    if row.sympy.isidentifier():
        assert callable(getattr(sympy, row.sympy))
    else:  # a definition in u, in symdiff's language
        assert symdiff.variables_of(row.sympy) == (["u"] if row.arity == 1 else ["u", "v"])
    assert applied(row).to_sympy().free_symbols == {sympy.Symbol("x", real=True)}


def sources(row: Function) -> list[Expr]:
    """Compositions of the row's function, inside the chain and product rules.

    Each has a transcendental part: ``verify`` compares two exact values exactly, and the
    (exact) finite differences of a rational function never equal its derivative.
    """
    sin = Call("sin", (x,))
    if row.orders:  # an order and one argument: polygamma(2, u)
        return [applied(row, sin / 2 + 1), sin * applied(row, (x**2 + 1) / (x**2 + 2))]
    if row.arity == 1 and row.outside([Fraction(1, 2)]) is not None:  # asec, acosh: |u| ≥ 1
        return [applied(row, sin / 2 + 2), sin * applied(row, (x**2 + 3) / (x**2 + 2))]
    if row.arity == 1:
        return [applied(row, sin / 2 + 1), sin * applied(row, (x**2 + 1) / (x**2 + 2))]
    return [applied(row, sin + 1, 3 * x + y), sin * applied(row, x, y, Num(0))]


@pytest.mark.parametrize("name", NAMES)
def test_every_derivative_agrees_with_sympy_and_finite_differences(name: str) -> None:
    for source in sources(FUNCTIONS[name]):
        result = symdiff.diff(source, "x")
        assert check_with_sympy(source, result, ["x"]), str(source)
        assert verify(source, result, "x"), str(source)


def test_every_function_prints_and_renders_in_katex() -> None:
    formulas = [(to_latex(applied(row, x + 1)), False) for row in ROWS]
    formulas += [(to_latex(symdiff.diff(applied(row, x**2), "x")), False) for row in ROWS]
    assert render(formulas) == [None] * len(formulas)
    for row in ROWS:
        shown = ", ".join(["x"] * len(args_of(row)))  # atan2(x, x)
        named = (f"{row.unicode}({shown})", f"{row.unicode}(2, x)")  # (2, x): an order first
        assert to_unicode(applied(row, x)) in (*named, "√x", "∛x", "|x|")


def test_the_readme_lists_the_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"the known\s+functions `([^`]*)`", readme)
    assert listed is not None
    assert tuple(listed[1].split()) == listed_names()


# ----- each function's outputs, one row per case ---------------------------------------------
DERIVATIVES = [  # source, d/dx in text, in Unicode, in LaTeX
    ("tan(x)", "sec(x)^2", "sec²(x)", r"\sec^{2}(x)"),
    ("sigmoid(2x)", "2*sigmoid(2*x)*(1 - sigmoid(2*x))", "2·sigmoid(2x)·(1 − sigmoid(2x))",
     r"2 \cdot \operatorname{sigmoid}(2 x) \cdot \left(1 - \operatorname{sigmoid}(2 x)\right)"),
    ("ln(x)", "x^-1", "1/x", r"\frac{1}{x}"),
    ("sec(2x)", "2*sec(2*x)*tan(2*x)", "2·sec(2x)·tan(2x)", r"2 \cdot \sec(2 x) \cdot \tan(2 x)"),
]  # fmt: skip

VALUES = [  # source, the simplified (exact) value, its value by the evaluator
    ("sin(0)", "0", Fraction(0)),
    ("sigmoid(0)", "1/2", Fraction(1, 2)),
    ("sqrt(9/4)", "3/2", Fraction(3, 2)),
    ("log(1) + exp(0)", "1", Fraction(1)),
    ("sec(0)", "1", Fraction(1)),
]

AT = [  # source, x, value of the source at x
    ("tan(x)", Fraction(1), math.tan(1)),
    ("log(x)", Fraction(1, 2), math.log(0.5)),
    ("sec(x)", Fraction(1), 1 / math.cos(1)),
]

OUTSIDE = [  # source, x, the words of the DomainError
    ("log(x)", Fraction(0), "logarithm of the non-positive number 0 in log(x)"),
    ("sqrt(x)", Fraction(-1), "square root of the negative number -1 in sqrt(x)"),
]


PARSES = [  # source, how it reads
    ("ln(x) + 2sqrt(x)", "log(x) + 2*sqrt(x)"),
    ("x sec(x)", "x*sec(x)"),
]

COMMANDS = [  # the command's arguments, its output
    (["tanh(2x)", "--at", "x=0"], "2(1 − tanh²(2x)) = 2 at x = 0\n"),
    (["log(x) + exp(x/3)", "--verify"],
     "1/x + (1/3)·exp((1/3)x)\nfinite differences check: ok, agree at 40 points\n"),
    (["sec(x)", "--at", "x=0"], "sec(x)·tan(x) = 0 at x = 0\n"),
    (["x sec(x)", "--check"], "sec(x) + x·sec(x)·tan(x)\nSymPy check: ok, agrees symbolically\n"),
    (["x sec(x/4)", "--verify"], "sec((1/4)x) + (1/4)x·sec((1/4)x)·tan((1/4)x)\n"
                                 "finite differences check: ok, agree at 40 points\n"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "text", "uni", "latex"), DERIVATIVES)
def test_derivatives_print(source: str, text: str, uni: str, latex: str) -> None:
    result = symdiff.diff(source, "x")
    assert (str(result), to_unicode(result), to_latex(result)) == (text, uni, latex)


@pytest.mark.parametrize(("source", "value", "number"), VALUES)
def test_exact_values(source: str, value: str, number: Fraction) -> None:
    assert str(symdiff.simplify(source)) == value
    assert evaluate(parse(source), {}) == number


@pytest.mark.parametrize(("source", "at", "number"), AT)
def test_values_at_a_point(source: str, at: Fraction, number: float) -> None:
    assert evaluate(parse(source), {"x": at}) == pytest.approx(number, rel=1e-15)


@pytest.mark.parametrize(("source", "at", "words"), OUTSIDE)
def test_values_outside_the_domain(source: str, at: Fraction, words: str) -> None:
    with pytest.raises(DomainError, match=re.escape(words)):
        evaluate(parse(source), {"x": at})


@pytest.mark.parametrize(("source", "reads"), PARSES)
def test_parsing(source: str, reads: str) -> None:
    assert str(parse(source)) == reads


@pytest.mark.parametrize(("args", "output"), COMMANDS)
def test_commands(args: list[str], output: str) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(args)
    assert (code, out.getvalue()) == (0, output)
