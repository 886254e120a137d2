"""Printers: constructor-built trees -> exact strings, for text, Unicode and LaTeX.

Trees are built with the node classes (never the parser), so nested sums and products
are exactly as written here.  ``M(2, x)`` is ``Mul((Num(2), x))``; ints and strings
become ``Num``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given

from strategies import exprs
from symdiff.core.expr import (
    Add,
    Call,
    Const,
    Derivative,
    Expr,
    Indicator,
    Mul,
    Num,
    Pow,
    Var,
)
from symdiff.printers import EXPRESSION_FORMATS, FORMATS, render, to_latex, to_text, to_unicode

try:  # the parser is written in parallel; only the round-trip test needs it
    from symdiff.parsing.parser import parse
except ImportError:
    parse = None  # type: ignore[assignment]

Arg = Expr | int | str


def _e(v: Arg) -> Expr:
    return v if isinstance(v, Expr) else Num(v)


def A(*terms: Arg) -> Expr:
    return Add(tuple(_e(t) for t in terms))


def M(*factors: Arg) -> Expr:
    return Mul(tuple(_e(f) for f in factors))


def P(base: Arg, exp: Arg) -> Expr:
    return Pow(_e(base), _e(exp))


def F(name: str, *args: Arg, d: tuple[int, ...] = ()) -> Expr:
    return Call(name, tuple(_e(a) for a in args), d)


def D(inner: Arg, var: str = "x") -> Expr:
    return Derivative(_e(inner), var)


def I(lhs: Arg, rhs: Arg) -> Expr:  # noqa: E743
    return Indicator(_e(lhs), _e(rhs))


x, y, z, a, b = (Var(n) for n in "xyzab")
E, PI = Const("e"), Const("pi")
X2 = P(x, 2)
TWO_X2 = M(2, X2)

# ----- text: the canonical, parseable form ---------------------------------------------
TEXT = [
    # numbers, names, constants
    (Num(3), "3"),
    (Num(-3), "-3"),
    (Num("5/2"), "5/2"),
    (Num("-5/2"), "-5/2"),
    (Num(0), "0"),
    (E, "e"),
    (PI, "pi"),
    (Var("alpha"), "alpha"),
    (Var("w_12"), "w_12"),
    # sums: signs only where neg() rebuilds the term
    (A(M(3, X2), 1), "3*x^2 + 1"),
    (A(x, M(-2, y)), "x - 2*y"),
    (A(x, M(-1, y)), "x - y"),
    (A(x, -3), "x - 3"),
    (A(x, "-5/2"), "x - 5/2"),
    (A(x, M(-1, 3, y)), "x - 1*3*y"),
    (A(x, M(-1, 3)), "x - 1*3"),
    (A(x, M(-1, M(2, x))), "x - 1*(2*x)"),
    (A(x, M(-1, -3)), "x - 1*(-3)"),
    (A(x, M(-1, A(y, z))), "x - (y + z)"),
    (A(x, M("-5/2", y)), "x - 5/2*y"),
    (A(-3, x), "-3 + x"),
    (A(M(-2, y), M(2, z)), "-2*y + 2*z"),
    (A(A(x, 1), 1), "(x + 1) + 1"),
    (A(x, A(y, z)), "x + (y + z)"),
    (A(1, 2), "1 + 2"),  # printers never compute
    (A(x, M(-1, X2)), "x - x^2"),
    # products
    (M(-1, X2), "-x^2"),
    (M(-1, x, y), "-x*y"),
    (M(-2, x), "-2*x"),
    (M(-1, 3), "(-1)*3"),
    (M(-1, 3, y), "(-1)*3*y"),
    (M(-1, M(-1, x)), "(-1)*(-x)"),
    (M(-1, A(x, y)), "-(x + y)"),
    (M(M(x, y), z), "(x*y)*z"),
    (M(x, M(y, z)), "x*(y*z)"),
    (M(x, -3), "x*(-3)"),
    (M(x, "5/2"), "x*(5/2)"),
    (M("5/2", x), "5/2*x"),
    (M(2, I(x, 0)), "2*1(x > 0)"),
    # division
    (M(x, P(y, -1)), "x/y"),
    (M(1, P(x, -1)), "1/x"),
    (P(x, -1), "x^-1"),
    (M(P(x, -1), y), "x^-1*y"),
    (M(x, P(y, -1), z), "x/y*z"),
    (M(A(x, 1), P(A(x, -1), -1)), "(x + 1)/(x - 1)"),
    (M(x, P(M(2, y), -1)), "x/(2*y)"),
    (M(x, P(X2, -1)), "x/x^2"),
    (M(x, P(P(y, -1), -1)), "x/y^-1"),
    (M(5, P(P(2, 2), -1)), "5/2^2"),
    (M(x, P(P(-3, 2), -1)), "x/(-3)^2"),
    (M(x, P(-3, -1)), "x/(-3)"),
    (M(5, P(2, -1)), "5*2^-1"),  # "5/2" would read back as a rational literal
    (M(-5, P(2, -1)), "-5*2^-1"),
    (M(x, 5, P(2, -1)), "x*5/2"),
    (M(-1, x, P(y, -1)), "-x/y"),
    (M(-1, P(x, -1)), "-x^-1"),
    (M(x, P(F("sin", x), -1)), "x/sin(x)"),
    # powers
    (X2, "x^2"),
    (P(x, "1/2"), "x^(1/2)"),
    (P(x, "-1/2"), "x^(-1/2)"),
    (P(2, x), "2^x"),
    (P(2, X2), "2^(x^2)"),
    (P(E, M(-1, x)), "e^(-x)"),
    (P(E, F("sin", x)), "e^sin(x)"),
    (P(X2, 3), "(x^2)^3"),
    (P(-3, 2), "(-3)^2"),
    (P("5/2", 2), "(5/2)^2"),
    (P(A(x, 1), 2), "(x + 1)^2"),
    (P(M(2, x), 2), "(2*x)^2"),
    (P(I(x, y), 2), "(1(x > y))^2"),
    (P(F("sin", x), 2), "sin(x)^2"),
    # calls, indicator, pending derivatives
    (F("sin", x), "sin(x)"),
    (F("max", x, y), "max(x, y)"),
    (F("f", F("g", x), d=(0,)), "f'(g(x))"),
    (F("f", x, d=(0, 0)), "f''(x)"),
    (F("g", y, F("h", x, z), d=(1,)), "g'[2](y, h(x, z))"),
    (F("g", x, y, d=(0, 1)), "g''[1,2](x, y)"),
    (I(x, y), "1(x > y)"),
    (D(A(x, y)), "d/dx[x + y]"),
    (D(x, "y"), "d/dy[x]"),
    (M(3, D(X2)), "3*d/dx[x^2]"),
]


@pytest.mark.parametrize(("tree", "expected"), TEXT, ids=[t for _, t in TEXT])
def test_text(tree: Expr, expected: str) -> None:
    assert to_text(tree) == expected
    assert str(tree) == expected


# ----- Unicode: the book's notation --------------------------------------------------
DERIV_ROW = A(M(3, D(P(x, 3))), M(-1, D(P(y, 2))), M(5, D(x)), D(2))
UNICODE = [
    # the shapes of the worked examples
    (M(9, X2, z), False, "9x²z"),
    (A(M(-2, y), M(2, z)), False, "−2y + 2z"),
    (A(M(3, P(x, 3)), 5, M(2, y)), False, "3x³ + 5 + 2y"),
    (M(960, P(x, 9)), False, "960x⁹"),
    (M(y, 1), False, "y·1"),
    (M(15, P(TWO_X2, 4), M(4, x)), False, "15(2x²)⁴·4x"),
    (A(M(3, M(3, X2)), M(-1, 0), M(5, 1), 0), False, "3·3x² − 0 + 5·1 + 0"),
    (A(M(3, z, M(3, X2)), M(-1, 0), M(5, 0), M(2, 0)), False, "3z·3x² − 0 + 5·0 + 2·0"),
    (A(M(3, 0), M(-1, M(2, P(y, 1))), M(5, 0), M(2, z, 1)), False, "3·0 − 2y¹ + 5·0 + 2z·1"),
    (M(15, P(2, 4), P(x, 8), 4, x), False, "15·2⁴·x⁸·4x"),
    (M(15, P(2, 4), 4, P(x, 9)), False, "15·2⁴·4x⁹"),
    # pending derivatives
    (D(A(x, y)), True, "∂/∂x[x + y]"),
    (D(A(x, y)), False, "d/dx[x + y]"),
    (A(D(x), D(y)), True, "∂/∂x x + ∂/∂x y"),
    (M(3, z, D(P(x, 3))), True, "3z·∂/∂x x³"),
    (DERIV_ROW, True, "3·∂/∂x x³ − ∂/∂x y² + 5·∂/∂x x + ∂/∂x 2"),
    (M(2, D(M(y, z))), True, "2·∂/∂x yz"),
    (M(3, M(5, P(TWO_X2, 4), D(TWO_X2))), False, "3·5(2x²)⁴·d/dx 2x²"),
    (M(3, D(P(TWO_X2, 5))), False, "3·d/dx (2x²)⁵"),
    (M(y, D(x)), True, "y·∂/∂x x"),
    (M(D(M(y, z)), x), True, "∂/∂x[yz]·x"),  # followed: always brackets
    (M(D(x), y), True, "∂/∂x[x]·y"),
    (M(M(2, D(X2)), y), False, "2·d/dx[x²]·y"),  # followed through a nested product
    (M(D(F("sin", x)), y), False, "d/dx[sin(x)]·y"),
    (D(M(-1, P(y, 2))), False, "d/dx[−y²]"),
    (D(x, "alpha"), False, "d/dα x"),
    (D(x, "w1"), True, "∂/∂w₁ x"),
    (D(x, "w_1"), True, "∂/∂w_1 x"),  # x_1 is not x1: it never prints like it
    # juxtaposition and the dot
    (M(2, F("sin", x)), False, "2·sin(x)"),
    (M(X2, F("sin", x)), False, "x²·sin(x)"),
    (M(x, y), False, "xy"),
    (M(P(x, 2), P(y, 3)), False, "x²y³"),
    (M(Var("x1"), Var("x2")), False, "x₁x₂"),
    (M(2, Var("alpha"), Var("beta")), False, "2αβ"),
    (M(x, Var("rate")), False, "x·rate"),
    (M(2, PI), False, "2π"),
    (M(2, P(E, x)), False, "2e^x"),
    (M(2, A(x, 1)), False, "2(x + 1)"),
    (M(x, A(x, 1)), False, "x·(x + 1)"),
    (M(2, 3), False, "2·3"),
    (M(15, P(2, 4)), False, "15·2⁴"),
    (M(P(x, y), z), False, "x^y·z"),
    (M(2, I(x, 0)), False, "2·1(x > 0)"),
    # signs and grouping
    (M(-1, x, y), False, "−xy"),
    (M(-1, 0), False, "−0"),
    (M(-1, A(x, y)), False, "−(x + y)"),
    (M(M(-2, x), y), False, "(−2x)·y"),
    (M(3, M(-1, x)), False, "3·(−x)"),
    (M(x, -3), False, "x·(−3)"),
    (A(x, A(y, z)), False, "x + (y + z)"),
    (A(A(x, y), z), False, "(x + y) + z"),
    (A(x, -3), False, "x − 3"),
    (A(1, 2), False, "1 + 2"),
    # numbers and rationals: (3/4) in parentheses inside a product, first or not
    (Num(-3), False, "−3"),
    (Num("3/4"), False, "3/4"),
    (M("3/4", x), False, "(3/4)x"),
    (M(x, "3/4"), False, "x·(3/4)"),
    (M("-3/4", x), False, "−(3/4)x"),
    # powers
    (P(x, -1), False, "1/x"),  # textbook form: positive exponents in a fraction
    (P(x, -2), False, "1/x²"),
    (P(x, 1), False, "x¹"),
    (P(2, 4), False, "2⁴"),
    (P(x, "1/2"), False, "x^(1/2)"),
    (P(x, "-1/2"), False, "1/x^(1/2)"),
    (P(2, X2), False, "2^(x²)"),
    (P(E, x), False, "e^x"),
    (P(E, M(-1, x)), False, "e^(−x)"),
    (P(X2, 3), False, "(x²)³"),
    (P(-3, 2), False, "(−3)²"),
    (P(F("sin", x), 2), False, "sin²(x)"),
    (P(F("sec", x), 2), False, "sec²(x)"),
    (P(F("log", x), 2), False, "ln(x)²"),
    (P(F("sqrt", x), 2), False, "(√x)²"),
    # division
    (M(x, P(y, -1)), False, "x/y"),
    (M(A(x, 1), P(A(x, -1), -1)), False, "(x + 1)/(x − 1)"),
    (M(1, P(x, -1)), False, "1/x"),
    (M(2, x, P(y, -1)), False, "2x/y"),
    (M(x, P(M(2, y), -1)), False, "x/(2y)"),
    (M(1, P(P(A(x, 1), 2), -1)), False, "1/(x + 1)²"),
    (M(x, P(y, -1), z), False, "xz/y"),
    (M("1/2", P(F("sqrt", x), -1)), False, "1/(2√x)"),
    (M(-2, P(A(x, -1), -3)), False, "−2/(x − 1)³"),
    (M(x, P(A(x, 1), 2), P(A(x, -1), -2)), False, "x·(x + 1)²/(x − 1)²"),
    (M(P(x, -1), P(F("log", 2), -1)), False, "1/(x·ln(2))"),
    (M(-1, x, P(y, -1)), False, "−x/y"),
    # names
    (Var("alpha"), False, "α"),
    (PI, False, "π"),
    (Var("x1"), False, "x₁"),
    (Var("w12"), False, "w₁₂"),
    (Var("w_12"), False, "w_12"),
    (Var("w_1_2"), False, "w_1_2"),
    (Var("theta2"), False, "θ₂"),
    (Var("x_a"), False, "x_a"),
    # functions
    (I(x, y), False, "1(x > y)"),
    (F("abs", A(x, -1)), False, "|x − 1|"),
    (F("sqrt", x), False, "√x"),
    (F("sqrt", 2), False, "√2"),
    (F("sqrt", A(x, 1)), False, "√(x + 1)"),
    (F("sin", x), False, "sin(x)"),
    (F("max", x, y), False, "max(x, y)"),
    (F("relu", x), False, "relu(x)"),
    # abstract derivatives
    (F("f", F("g", x), d=(0,)), False, "f'(g(x))"),
    (F("f", x, d=(0, 0)), False, "f''(x)"),
    (F("g", y, F("h", x, z), d=(1,)), True, "∂g/∂h (y, h(x, z))"),
    (F("h", x, z, d=(0,)), True, "∂h/∂x (x, z)"),
    (F("g", a, A(b, 1), d=(1,)), False, "∂₂g (a, b + 1)"),
    (F("g", x, y, d=(0, 1)), False, "∂²g/∂x∂y (x, y)"),
    (F("g", x, y, d=(0, 0)), False, "∂²g/∂x² (x, y)"),
    (F("g", x, x, d=(0,)), False, "∂₁g (x, x)"),  # two arguments named x: by position
    (F("phi", x, d=(0,)), False, "φ'(x)"),
    (
        M(F("f", F("g", y, F("h", x, z)), d=(0,)), F("g", y, F("h", x, z), d=(1,)),
          F("h", x, z, d=(0,))),
        True,
        "f'(g(y, h(x, z)))·∂g/∂h (y, h(x, z))·∂h/∂x (x, z)",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("tree", "partial", "expected"), UNICODE, ids=[u for *_, u in UNICODE])
def test_unicode(tree: Expr, partial: bool, expected: str) -> None:
    assert to_unicode(tree, partial=partial) == expected


# ----- LaTeX --------------------------------------------------------------------------
LATEX = [
    (M(9, X2, z), False, "9 x^{2} z"),
    (A(M(-2, y), M(2, z)), False, "-2 y + 2 z"),
    (M(y, 1), False, r"y \cdot 1"),
    (M(15, P(TWO_X2, 4), M(4, x)), False, r"15 \left(2 x^{2}\right)^{4} \cdot 4 x"),
    (A(M(3, M(3, X2)), M(-1, 0), M(5, 1), 0), False, r"3 \cdot 3 x^{2} - 0 + 5 \cdot 1 + 0"),
    (M(15, P(2, 4), P(x, 8), 4, x), False, r"15 \cdot 2^{4} \cdot x^{8} \cdot 4 x"),
    (D(A(x, y)), True, r"\frac{\partial}{\partial x}\left[ x + y \right]"),
    (D(X2), False, r"\frac{d}{dx} x^{2}"),
    (M(2, D(M(y, z))), True, r"2 \cdot \frac{\partial}{\partial x} y z"),
    (M(D(M(y, z)), x), False, r"\frac{d}{dx}\left[ y z \right] \cdot x"),
    (D(x, "alpha"), True, r"\frac{\partial}{\partial \alpha} x"),
    (F("sin", x), False, r"\sin(x)"),
    (F("log", x), False, r"\ln(x)"),
    (F("tanh", x), False, r"\tanh(x)"),
    (F("max", x, y), False, r"\max(x, y)"),
    (F("sigmoid", x), False, r"\operatorname{sigmoid}(x)"),
    (F("relu", x), False, r"\operatorname{relu}(x)"),
    (F("sign", x), False, r"\operatorname{sign}(x)"),
    (F("sqrt", A(x, 1)), False, r"\sqrt{x + 1}"),
    (F("abs", x), False, r"\left| x \right|"),
    (I(x, y), False, r"\mathbf{1}(x > y)"),
    (M(x, P(y, -1)), False, r"\frac{x}{y}"),
    (M(A(x, 1), P(A(x, -1), -1)), False, r"\frac{x + 1}{x - 1}"),
    (M(1, P(x, -1)), False, r"\frac{1}{x}"),
    (M(x, P(y, -1), z), False, r"\frac{x z}{y}"),
    (M(5, P(x, -1), P(y, -1)), False, r"\frac{5}{x y}"),
    (M(-1, x, P(y, -1)), False, r"-\frac{x}{y}"),
    (P(x, -1), False, r"\frac{1}{x}"),
    (P(F("sec", x), 2), False, r"\sec^{2}(x)"),
    (P(x, "1/2"), False, r"x^{\frac{1}{2}}"),
    (P(E, M(-1, x)), False, "e^{-x}"),
    (P(2, X2), False, "2^{x^{2}}"),
    (P("3/4", 2), False, r"\left(\frac{3}{4}\right)^{2}"),
    (Num("-3/4"), False, r"-\frac{3}{4}"),
    (M("3/4", x), False, r"\frac{3}{4} x"),
    (M(x, "3/4"), False, r"x \cdot \frac{3}{4}"),
    (M(x, -3), False, r"x \cdot \left(-3\right)"),
    (M(2, PI, Var("alpha")), False, r"2 \pi \cdot \alpha"),
    (Var("w12"), False, "w_{12}"),
    (Var("w_12"), False, "w\\_12"),
    (Var("w_1_2"), False, "w\\_1\\_2"),
    (Var("x1"), False, "x_{1}"),
    (Var("rate"), False, r"\mathit{rate}"),
    (Var("omicron"), False, "o"),
    (F("f", F("g", x), d=(0,)), False, "f'(g(x))"),
    (F("g", y, F("h", x, z), d=(1,)), True, r"\frac{\partial g}{\partial h}(y, h(x, z))"),
    (F("g", x, y, d=(0, 1)), True, r"\frac{\partial^{2} g}{\partial x \partial y}(x, y)"),
    (F("g", a, A(b, 1), d=(1,)), True, r"\partial_{2} g(a, b + 1)"),
    (F("loss", x), False, r"\operatorname{loss}(x)"),
]


@pytest.mark.parametrize(("tree", "partial", "expected"), LATEX, ids=[t for *_, t in LATEX])
def test_latex(tree: Expr, partial: bool, expected: str) -> None:
    assert to_latex(tree, partial=partial) == expected


def test_latex_uses_no_custom_macros() -> None:
    allowed = {
        "frac", "partial", "left", "right", "cdot", "sin", "cos", "tan", "exp", "log", "tanh",
        "ln", "sec", "max", "min", "sqrt", "operatorname", "mathbf", "mathit", "pi", "alpha", "_",
    }  # fmt: skip
    import re

    for tree, partial, _ in LATEX:
        for command in re.findall(r"\\([A-Za-z]+|.)", to_latex(tree, partial=partial)):
            assert command in allowed or command in ("|", "[", "]"), command


# ----- render --------------------------------------------------------------------------
def test_render_dispatches_on_format() -> None:
    tree = M(2, D(X2))
    assert render(tree, "text") == to_text(tree)
    assert render(tree, "unicode", partial=True) == "2·∂/∂x x²"
    assert render(tree, "latex") == to_latex(tree)
    assert list(FORMATS) == ["text", "unicode", "latex", "markdown", "json", "html"]
    assert EXPRESSION_FORMATS == ("text", "unicode", "latex")
    with pytest.raises(ValueError, match="an expression prints as text, unicode or latex"):
        render(tree, "html")
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        render(tree, "pdf")


# ----- depth: 100,000 levels, no recursion, linear time -------------------------------
DEPTH = 100_000


def _chain(step: Callable[[Expr], Expr]) -> Expr:
    node: Expr = x
    for _ in range(DEPTH):
        node = step(node)
    return node


@pytest.fixture(scope="module")
def chains() -> dict[str, Expr]:
    return {
        "sin": _chain(lambda u: Call("sin", (u,))),
        "sum": _chain(lambda u: Add((u, Num(1)))),
        "power": _chain(lambda u: Pow(u, Num(2))),
        "negation": _chain(lambda u: Mul((Num(-1), u))),
    }


_N = DEPTH - 1
DEEP = [
    ("sin", to_text, "sin(" * DEPTH + "x" + ")" * DEPTH),
    ("sin", to_unicode, "sin(" * DEPTH + "x" + ")" * DEPTH),
    ("sin", to_latex, "\\sin(" * DEPTH + "x" + ")" * DEPTH),
    ("sum", to_text, "(" * _N + "x + 1" + ") + 1" * _N),
    ("sum", to_unicode, "(" * _N + "x + 1" + ") + 1" * _N),
    ("sum", to_latex, "\\left(" * _N + "x + 1" + "\\right) + 1" * _N),
    ("power", to_text, "(" * _N + "x^2" + ")^2" * _N),
    ("power", to_unicode, "(" * _N + "x²" + ")²" * _N),
    ("power", to_latex, "\\left(" * _N + "x^{2}" + "\\right)^{2}" * _N),
    ("negation", to_text, "(-1)*(" * (_N - 1) + "(-1)*(-x)" + ")" * (_N - 1)),
    ("negation", to_unicode, "−(" * _N + "−x" + ")" * _N),
    ("negation", to_latex, "-\\left(" * _N + "-x" + "\\right)" * _N),
]


@pytest.mark.parametrize(
    ("kind", "printer", "expected"), DEEP, ids=[f"{k}-{p.__name__}" for k, p, _ in DEEP]
)
def test_deep_chain_prints(
    chains: dict[str, Expr], kind: str, printer: Callable[[Expr], str], expected: str
) -> None:
    assert printer(chains[kind]) == expected


# ----- round trip: parse(to_text(e)) is e -----------------------------------------------
ROUND_TRIP = [
    x, Num(0), Num(-3), Num("5/2"), Num("-5/2"), E, PI, Var("alpha"), Var("x1"), Var("w_12"),
    Var("w_1_2"),
    A(x, 1), A(M(3, X2), 1), A(x, M(-2, y)), A(x, M(-1, y)), A(x, -3), A(x, M(-1, 3, y)),
    A(x, M(-1, 3)), A(x, M(-1, M(2, x))), A(x, M(-1, -3)), A(x, M(-1, A(y, z))),
    A(x, M("-5/2", y)), A(x, "-5/2"), A(-3, x), A(M(-1, x), y), A(A(x, 1), 1), A(x, A(y, z)),
    A(M(3, P(x, 3), z), M(-1, P(y, 2)), M(5, z), M(2, y, z)),
    M(-1, X2), M(-1, x, y), M(-2, x), M(-1, 3), M(-1, 3, y), M(-1, M(-1, x)), M(-1, A(x, y)),
    M(M(x, y), z), M(x, M(y, z)), M(x, -3), M(x, "5/2"), M("5/2", x), M("-5/2", x),
    M(2, I(x, 0)), M(3, P(TWO_X2, 5)), M(2, F("sqrt", x)),
    M(x, P(y, -1)), M(1, P(x, -1)), P(x, -1), M(P(x, -1), y), M(x, P(y, -1), z),
    M(A(x, 1), P(A(x, -1), -1)), M(x, P(M(2, x), -1)), M(x, P(P(y, 2), -1)),
    M(x, P(P(y, -1), -1)), M(5, P(P(2, 2), -1)), M(x, P(P(-3, 2), -1)), M(1, P(P(A(x, 1), 2), -1)),
    M(X2, P(3, -1)), M(x, P(5, -1), P(2, -1)), M(5, P(2, -1)), M(-5, P(2, -1)),
    M(x, 5, P(2, -1)), M("5/2", P(3, -1)), M(-1, x, P(y, -1)), M(-1, P(x, -1)),
    M(-1, P(2, -1)), M(x, P(-3, -1)), M(x, P("5/2", -1)),
    P(-3, 2), P("5/2", 2), P(x, "1/2"), P(x, "-1/2"), P(2, X2), P(E, M(-1, x)), P(X2, 3),
    P(F("sin", x), 2), P(x, F("sin", x)), P(I(x, y), 2), P(A(x, 1), 2), P(2, x),
    F("max", x, y, z), F("exp", M(-1, X2)), F("sin", M(-1, x)), F("abs", A(x, -1)),
    F("f", F("g", x), d=(0,)), F("f", x, d=(0, 0)), F("g", y, F("h", x, z), d=(1,)),
    F("g", x, y, d=(0, 1)), I(x, y), I(A(x, 1), M(-1, y)),
]  # fmt: skip


@pytest.mark.skipif(parse is None, reason="symdiff.parsing.parser is not importable yet")
@pytest.mark.parametrize("tree", ROUND_TRIP, ids=[to_text(t) for t in ROUND_TRIP])
def test_text_round_trips(tree: Expr) -> None:
    assert parse(to_text(tree)) is tree  # type: ignore[misc]


@pytest.mark.skipif(parse is None, reason="symdiff.parsing.parser is not importable yet")
@given(exprs(("x", "y", "alpha", "w_12")))
def test_text_round_trips_random(tree: Expr) -> None:
    assert parse(to_text(tree)) is tree  # type: ignore[misc]


@given(exprs(("x", "y", "theta_1")))
def test_book_printers_accept_any_tree(tree: Expr) -> None:
    for partial in (False, True):
        assert to_unicode(Derivative(tree, "x"), partial=partial)
        assert to_latex(Derivative(tree, "x"), partial=partial)
