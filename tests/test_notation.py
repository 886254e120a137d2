"""Notation as students write it: every spelling read one documented way, or refused.

Each spelling is checked against a SymPy expression written independently of symdiff's
parser; each refusal against its exact message and position; what symdiff prints (text and
Unicode) parses back to the same expression; and ``d/dx`` drives the API and the command.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings

import symdiff
from strategies import exprs
from symdiff.core.functions import SPELLINGS
from symdiff.errors import ParseError, SymdiffError, UnsupportedError
from symdiff.parsing.parser import parse, parse_definition
from symdiff.printers import render

ROOT = Path(__file__).resolve().parent.parent
x, y, r, x1 = sp.symbols("x y r x1")

# ----- every spelling -> the intended expression, written in SymPy ------------------------
SPELLED = [  # input                  SymPy, written by hand
    ("sin x",                         sp.sin(x)),
    ("sin 2x",                        sp.sin(2 * x)),
    ("x sin x",                       x * sp.sin(x)),
    ("sin x cos x",                   sp.sin(x) * sp.cos(x)),
    ("2 sin x",                       2 * sp.sin(x)),
    ("sin x^2",                       sp.sin(x**2)),
    ("sin x²",                        sp.sin(x**2)),
    ("sin 2πx",                       sp.sin(2 * sp.pi * x)),
    ("sin xy",                        sp.sin(x * y)),
    ("sin x + 1",                     sp.sin(x) + 1),
    ("ln x",                          sp.log(x)),
    ("x ln x",                        x * sp.log(x)),
    ("sec x",                         sp.sec(x)),
    ("sqrt x",                        sp.sqrt(x)),
    ("sin^2 x",                       sp.sin(x) ** 2),
    ("sin^2(x)",                      sp.sin(x) ** 2),
    ("sin²x",                         sp.sin(x) ** 2),
    ("sin² x + cos² x",               sp.sin(x) ** 2 + sp.cos(x) ** 2),
    ("cos^3(2x)",                     sp.cos(2 * x) ** 3),
    ("cos³(2x)",                      sp.cos(2 * x) ** 3),
    ("ln^2 x",                        sp.log(x) ** 2),
    ("|x|",                           sp.Abs(x)),
    ("||x| − 1|",                     sp.Abs(sp.Abs(x) - 1)),
    ("||x| - 1| + |y|",               sp.Abs(sp.Abs(x) - 1) + sp.Abs(y)),
    ("2|x|",                          2 * sp.Abs(x)),
    ("|x||y|",                        sp.Abs(x) * sp.Abs(y)),
    ("|x|^2",                         sp.Abs(x) ** 2),
    ("|-x|",                          sp.Abs(-x)),
    ("√x",                            sp.sqrt(x)),
    ("√(x+1)",                        sp.sqrt(x + 1)),
    ("2√x",                           2 * sp.sqrt(x)),
    ("√x·y",                          sp.sqrt(x) * y),
    ("√|x|",                          sp.sqrt(sp.Abs(x))),
    ("√√x",                           sp.sqrt(sp.sqrt(x))),
    ("(√x)²",                         x),
    ("∛x",                            sp.real_root(x, 3)),  # the real cube root, cbrt
    ("∜(x+1)",                        (x + 1) ** sp.Rational(1, 4)),
    ("e^x",                           sp.exp(x)),
    ("eˣ",                            sp.exp(x)),
    ("e⁻²ˣ",                          sp.exp(-2 * x)),
    ("e^(x²)",                        sp.exp(x**2)),
    ("π",                             sp.pi),
    ("2πr",                           2 * sp.pi * r),
    ("x₁ + x1",                       2 * x1),
    ("x⁻¹",                           1 / x),
    ("3x³ − y² · 2 ÷ x",              3 * x**3 - 2 * y**2 / x),
]  # fmt: skip


def same(ours: sp.Expr, intended: sp.Expr) -> bool:
    """Equal, with the symbols matched by name (symdiff's carry assumptions such as real)."""
    named = {s.name: s for s in ours.free_symbols}
    mine = intended.subs({s: named.get(s.name, s) for s in intended.free_symbols})
    return bool(sp.simplify(ours - mine) == 0)


@pytest.mark.parametrize(("text", "intended"), SPELLED, ids=[t for t, _ in SPELLED])
def test_spelling_means_the_intended_expression(text: str, intended: sp.Expr) -> None:
    ours = parse(text).to_sympy()
    assert same(ours, intended), (ours, intended)


def test_arc_spelling_is_the_inverse_function() -> None:
    """sin^-1(x) and sin⁻¹(x) are arcsin (as textbooks write it), read from the table."""
    for text in ("sin^-1(x)", "sin⁻¹(x)", "sin^-1 x"):
        if "asin" in SPELLINGS or "arcsin" in SPELLINGS:
            assert same(parse(text).to_sympy(), sp.asin(x))
        else:
            with pytest.raises(UnsupportedError) as info:
                parse(text)
            assert str(info.value).startswith(
                "sin^-1 is the inverse function of sin (arcsin), which symdiff does not know "
                "yet; for the reciprocal 1/sin(u) write sin(u)^-1 (at line 1, column 4)"
            )


# ----- refusals: exact message and position -----------------------------------------------
REFUSED = [  # input, line, column, message
    ("sin x/2", 1, 6, '"sin x/" is ambiguous: write sin(x/...) or sin(x)/...'),
    ("sin 2(x+1)", 1, 6, '"sin 2(" is ambiguous: write sin(2(...)) or sin(2)·(...)'),
    ("ln x*y", 1, 5, '"ln x*" is ambiguous: write ln(x*...) or ln(x)*...'),
    ("sin x^y^z", 1, 8, "a tower of powers in an argument written without parentheses is "
     "ambiguous: write the argument in parentheses, as in sin(x^y^z)"),
    ("sin^-2(x)", 1, 4, "only a positive whole power (sin^2(x) is sin(x)^2) or -1 (the inverse "
     "function) may be written on a function's name; write sin(...)^-2"),
    ("sin + x", 1, 5, 'unexpected "+" after "sin": expected "(" or an argument'),
    ("√x^2", 1, 3, '"√x^" is ambiguous: write √(x^...) or (√x)^...'),
    ("√x²", 1, 3, '"√x²" is ambiguous: write √(x²) or (√x)²'),
    ("√2x", 1, 3, '"√2x" is ambiguous: write √(2x) or √2·x'),
    ("|x", 1, 3, 'unexpected end of input: expected an operator or "|"'),
    ("theta(x)", 1, 1, '"theta" before "(" is the Greek letter theta, not a function; '
     "for the product write theta*(...)"),
    ("θ(x)", 1, 1, '"θ" before "(" is the Greek letter theta, not a function; '
     "for the product write θ*(...)"),
    ("2π(x+1)", 1, 2, '"π" before "(" is the constant pi, not a function; '
     "for the product write π*(...)"),
    ("d/dx (x+1) + 2", 1, 12, "d/dx applies to everything after it, not only to the "
     "parentheses: write d/dx[...] around the whole expression to say so"),
    ("d/dx[x] + 1", 1, 5, 'the "[" after d/dx must enclose the whole expression, with its "]" '
     "at the end"),
    ("d²/dx x", 1, 5, 'the orders in "d²/dx" differ: write d^n/dx^n with the same n, as in '
     "d²/dx²"),
    ("x + d/dx x^2", 1, 5, "a derivative operator such as d/dx may only start the input, and "
     "applies to everything after it"),
    ("d/dxx^2", 1, 1, "write a derivative operator as d/dx or d²/dx² and a space or bracket "
     "before the expression, as in d/dx x^2"),
    ("d/dx", 1, 5, 'expected an expression after "d/dx"'),
    ("y = y^2 + x", 1, 1, '"y = ..." defines y, so y cannot appear on the right of "=" '
     "(implicit equations are not supported)"),
    ("sin = x", 1, 1, '"sin" is built in; it cannot be defined'),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "line", "column", "message"), REFUSED, ids=[r[0] for r in REFUSED]
)
def test_refused_with_its_message(text: str, line: int, column: int, message: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_definition(text)
    assert (info.value.line, info.value.column, info.value.message) == (line, column, message)


UNKNOWN = [  # a run of letters before "(" is never split into a product
    ("x foo(x)", "unknown function 'foo' at line 1, column 3"),
    ("2yz(x+1)", "unknown function 'yz' at line 1, column 2"),
    ("xy(x + 1)", "for a product, write x*y*(...)"),
    ("sinz(x)", "did you mean sin"),
]


@pytest.mark.parametrize(("text", "words"), UNKNOWN)
def test_letter_run_before_parenthesis_is_an_unknown_function(text: str, words: str) -> None:
    with pytest.raises(UnsupportedError) as info:
        parse(text)
    assert words in str(info.value)


def test_x1_and_x_1_are_different_variables_and_never_print_alike() -> None:
    e = parse("x1 + x_1 + x₁")
    assert str(e) == "x1 + x_1 + x1"
    assert render(e, "unicode") == "x₁ + x_1 + x₁"
    assert render(parse("x1"), "latex") != render(parse("x_1"), "latex")


# ----- the derivative operator and y = ... ------------------------------------------------
OPERATORS = [  # input                         derivative, in SymPy
    ("d/dx x^2",                               2 * x),
    ("d/dx(x^2)",                              2 * x),
    ("d/dx[x^2 + 1]",                          2 * x),
    ("d/dx (x+1)(x-1)",                        2 * x),
    ("∂/∂y (x*y^2)",                           2 * x * y),
    ("d²/dx² x^3",                             6 * x),
    ("d^2/dx^2 sin x",                         -sp.sin(x)),
    ("d/dx x sin x",                           sp.sin(x) + x * sp.cos(x)),
    ("d/dθ sin θ",                             sp.cos(sp.Symbol("theta"))),
]  # fmt: skip


@pytest.mark.parametrize(("text", "derivative"), OPERATORS, ids=[t for t, _ in OPERATORS])
def test_operator_sets_variable_and_order(text: str, derivative: sp.Expr) -> None:
    assert same(symdiff.diff(text).to_sympy(), derivative)


def test_d_dx_x_squared_is_2x_through_api_and_command() -> None:
    assert str(symdiff.diff("d/dx x^2")) == "2*x"
    assert symdiff.render(symdiff.diff("d/dx x^2"), "unicode") == "2x"
    assert str(symdiff.derive("d/dx x^2").result) == "2*x"
    assert str(symdiff.diff("d/dx x^2", "x")) == "2*x"  # the same variable agrees
    done = subprocess.run(
        [sys.executable, "-m", "symdiff", "d/dx x^2"], cwd=ROOT, capture_output=True, text=True
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "2x\n", "")


def test_a_conflicting_variable_is_an_error() -> None:
    with pytest.raises(SymdiffError) as info:
        symdiff.diff("d/dx x^2 y", "y")
    assert str(info.value) == (
        "the input asks for d/dx but d/dy is asked for as well (wrt, --wrt): give the variable once"
    )
    done = subprocess.run(
        [sys.executable, "-m", "symdiff", "d/dx x^2 y", "--wrt", "y"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        "symdiff: error: the input asks for d/dx (order 1) but the derivative by y of order 1 "
        "is asked for as well (--wrt, --order): give it once\n"
    )


def test_y_equals_names_the_derivative_dy_dx() -> None:
    d = parse_definition("y = x^3")
    assert (d.name, d.params, d.dependent) == ("y", None, True)
    lines = symdiff.derive("y = x^3").render("unicode").splitlines()
    assert lines[0].startswith("dy/dx = d/dx x³")
    steps = subprocess.run(
        [sys.executable, "-m", "symdiff", "y = x^3", "--order", "2", "--steps"],
        cwd=ROOT, capture_output=True, text=True,
    ).stdout  # fmt: skip
    assert "d²y/dx² = " in steps


# ----- what symdiff prints parses back to the same expression ------------------------------
EXERCISES = [
    "x^2",
    "3x^4 - 2x + 7",
    "x^2 sin(x)",
    "sin(x)/x",
    "(x^2+1)/(x-1)",
    "sqrt(x)",
    "1/sqrt(x)",
    "sqrt(x^2 + 1)",
    "abs(x)",
    "abs(x - 1)^3",
    "exp(2x)",
    "e^(x^2)",
    "x e^x",
    "ln(x)",
    "x ln(x)",
    "ln(x^2 + 1)",
    "tan(x)",
    "sec(x)",
    "x sec(x)",
    "sin(x)^2",
    "cos(3x)^2",
    "sin(x) cos(x)",
    "tanh(x)",
    "sigmoid(x)",
    "2^x",
    "x^x",
    "x^(1/3)",
    "x^(-2)",
    "1/x^2",
    "(2x + 1)^5",
    "pi x^2",
    "x_1^2 + x1 x_1",
    "theta1^2",
    "alpha x^2",
    "relu(x) x",
    "max(x, 0)",
    "exp(-x^2/2)",
    "sqrt(abs(x))",
    "log(sqrt(x))",
    "sin(sqrt(x))",
]


def _results() -> list[symdiff.Expr]:
    out = []
    for text in EXERCISES:
        d = parse_definition(text)
        out += [d.body, symdiff.diff(d, d.variables[-1] if d.variables else "x")]
    return out


RESULTS = _results()


@pytest.mark.parametrize("expr", RESULTS, ids=[str(e) for e in RESULTS])
def test_printed_text_and_unicode_parse_back(expr: symdiff.Expr) -> None:
    assert parse(render(expr, "text")) is expr
    # Unicode is the textbook form (u/v² for u·v⁻²): it reads back to the same simplified node
    assert symdiff.simplify(parse(render(expr, "unicode"))) is symdiff.simplify(expr)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(exprs(("x", "y", "alpha", "x1", "w_12")))
def test_printed_unicode_of_any_simplified_expression_parses_back(tree: symdiff.Expr) -> None:
    try:
        result = symdiff.simplify(tree)
    except SymdiffError:
        return
    # Unicode is the textbook form (u/v² for u·v⁻²): the same node once simplified
    assert symdiff.simplify(parse(render(result, "unicode"))) is symdiff.simplify(result)
