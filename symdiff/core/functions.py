"""The functions symdiff knows by name: one row each, every fact about a function in its row.

The lexer's word list, the derivative rules, the evaluator, the simplifier's exact values,
the printers, the SymPy bridge, the ``symdiff.<name>`` builders and the README's list of
functions all read :data:`FUNCTIONS` (a row's facets are described in
:class:`~symdiff.core.facets.Function`).  Adding a function is one row here, and its test rows.

Abstract functions (``f``, ``g``, ``h`` and any name given a definition) are not listed:
they are left undefined and differentiated by the chain rule.

>>> from symdiff.core.expr import Var
>>> row = FUNCTIONS["sin"]
>>> row.arity, str(row.partial((Var("x"),), 0)), row.latex, row.sympy
(1, 'cos(x)', '\\\\sin', 'sin')
>>> KNOWN["max"], ALIASES["ln"], listed_names()[:3]
(None, 'log', ('sin', 'cos', 'tan'))
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from .expr import ONE, ZERO, Expr, Indicator, Num, add, call, mul, neg, pow_
from .facets import (
    EVERYWHERE,
    HALF,
    ExactValue,
    Function,
    Partial,
    Value,
    at,
    exact_sqrt,
    real,
    unary,
    where,
)
from .multiple import Multiple
from .special import COS, SEC, SIN, TAN

E = Multiple(Fraction(1), "e")


def _log(vs: Sequence[Value]) -> float:
    u = vs[0]
    if isinstance(u, Fraction):  # math.log takes ints of any size
        return math.log(u.numerator) - math.log(u.denominator)
    return math.log(u)


def _log_exact(vs: Sequence[Value]) -> ExactValue | None:
    """log(1) = 0, log(e) = 1."""
    u = vs[0]
    if u == 1:
        return Fraction(0)
    return Fraction(1) if u == E else None


def _abs_exact(vs: Sequence[Value]) -> ExactValue | None:
    """|u| of an exact u."""
    u = vs[0]
    if isinstance(u, Fraction):
        return abs(u)
    return abs(u) if isinstance(u, Multiple) else None


def _sigmoid(vs: Sequence[Value]) -> float:
    t = math.exp(-abs(float(vs[0])))  # never overflows: exp of a non-positive number only
    return 1 / (1 + t) if vs[0] > 0 else t / (1 + t)


def _rational(v: Value) -> ExactValue | None:
    """The value itself when it is exact (a rational, or a multiple of π or e)."""
    return None if isinstance(v, float) else v


def _extremum(wins: bool) -> Partial:
    """∂max/∂uᵢ = Π 1(uᵢ > uⱼ) over the other distinct uⱼ (min: "<"); a repeat of uᵢ gets 0.

    The inequalities are strict: where two arguments tie the derivative is taken as 0
    (the book's convention; the true derivative is undefined there unless the tied
    arguments have equal derivatives).  Repeats count once: ``max(x, x)`` is ``x``.
    """

    def partial(args: tuple[Expr, ...], i: int) -> Expr:
        u = args[i]
        if args.index(u) != i:
            return ZERO
        others = [v for v in dict.fromkeys(args) if v is not u]
        if wins:
            return mul(*[Indicator(u, v) for v in others])
        return mul(*[Indicator(v, u) for v in others])

    return partial


_ROWS = (
    Function("sin", 1, partial=unary(lambda u: call("cos", u)), exact=SIN.exact,
             real=SIN.real, outside=EVERYWHERE,
             kinks="smooth", unicode="sin", latex=r"\sin", sympy="sin", builder="sin"),
    Function("cos", 1, partial=unary(lambda u: neg(call("sin", u))), exact=COS.exact,
             real=COS.real, outside=EVERYWHERE,
             kinks="smooth", unicode="cos", latex=r"\cos", sympy="cos", builder="cos"),
    Function("tan", 1, partial=unary(lambda u: pow_(call("cos", u), -2)), exact=TAN.exact,
             real=TAN.real, outside=TAN.outside,
             kinks="smooth", unicode="tan", latex=r"\tan", sympy="tan", builder="tan"),
    Function("sec", 1, partial=unary(lambda u: mul(call("sec", u), call("tan", u))),
             exact=SEC.exact, real=SEC.real, outside=SEC.outside,
             kinks="smooth", unicode="sec", latex=r"\sec", sympy="sec", builder="sec"),
    Function("exp", 1, partial=unary(lambda u: call("exp", u)), exact=at(0, 1),
             real=real(math.exp), outside=EVERYWHERE,
             kinks="smooth", unicode="exp", latex=r"\exp", sympy="exp", builder="exp"),
    Function("log", 1, partial=unary(lambda u: pow_(u, -1)), exact=_log_exact,
             real=_log, outside=where(lambda v: v <= 0, "logarithm of the non-positive number"),
             kinks="smooth",
             unicode="log", latex=r"\log", sympy="log", builder="log", spellings=("ln",)),
    Function("sqrt", 1, partial=unary(lambda u: mul(Num(HALF), pow_(call("sqrt", u), -1))),
             exact=exact_sqrt, real=real(lambda t: math.pow(t, 0.5)),
             outside=where(lambda v: v < 0, "square root of the negative number"), kinks="smooth",
             unicode="sqrt", latex=r"\operatorname{sqrt}", sympy="sqrt", builder="sqrt"),
    Function("tanh", 1, partial=unary(lambda u: add(ONE, neg(pow_(call("tanh", u), 2)))),
             exact=at(0, 0), real=real(math.tanh), outside=EVERYWHERE,
             kinks="smooth", unicode="tanh", latex=r"\tanh", sympy="tanh", builder="tanh"),
    Function("sigmoid", 1,
             partial=unary(lambda u: mul(call("sigmoid", u), add(ONE, neg(call("sigmoid", u))))),
             exact=at(0, HALF), real=_sigmoid, outside=EVERYWHERE, kinks="smooth",
             unicode="sigmoid", latex=r"\operatorname{sigmoid}", sympy="1/(1 + exp(-u))",
             builder="sigmoid"),
    Function("abs", 1, partial=unary(lambda u: call("sign", u)),
             exact=_abs_exact,
             real=real(abs), outside=EVERYWHERE,
             kinks="zero", unicode="abs", latex=r"\operatorname{abs}", sympy="Abs", builder="abs_"),
    Function("relu", 1, partial=unary(lambda u: Indicator(u, ZERO)),
             exact=lambda vs: Fraction(0) if vs[0] <= 0 else _rational(vs[0]),
             real=real(lambda t: max(t, 0.0)), outside=EVERYWHERE, kinks="zero",
             unicode="relu", latex=r"\operatorname{relu}", sympy="max(u, 0)", builder="relu"),
    Function("sign", 1, partial=unary(lambda u: ZERO),
             exact=lambda vs: Fraction((vs[0] > 0) - (vs[0] < 0)),
             real=real(lambda t: float((t > 0) - (t < 0))), outside=EVERYWHERE, kinks="zero",
             unicode="sign", latex=r"\operatorname{sign}", sympy="sign", builder="sign"),
    Function("max", None, partial=_extremum(True), exact=lambda vs: _rational(max(vs)),
             real=lambda vs: float(max(vs)), outside=EVERYWHERE,
             kinks="ties", unicode="max", latex=r"\max", sympy="Max", builder="max_"),
    Function("min", None, partial=_extremum(False), exact=lambda vs: _rational(min(vs)),
             real=lambda vs: float(min(vs)), outside=EVERYWHERE,
             kinks="ties", unicode="min", latex=r"\min", sympy="Min", builder="min_"),
)  # fmt: skip

FUNCTIONS: dict[str, Function] = {row.name: row for row in _ROWS}

# Views of the table, for readers that need only one facet.
KNOWN: dict[str, int | None] = {row.name: row.arity for row in _ROWS}  # name -> arity
ALIASES: dict[str, str] = {s: row.name for row in _ROWS for s in row.spellings}
SPELLINGS: dict[str, Function] = {**FUNCTIONS, **{s: FUNCTIONS[n] for s, n in ALIASES.items()}}


def listed_names() -> tuple[str, ...]:
    """Every accepted name in table order, each spelling after its function (the README's list).

    >>> " ".join(name for name in listed_names() if name.startswith("l"))
    'log ln'
    """
    return tuple(name for row in _ROWS for name in (row.name, *row.spellings))


def arity_ok(name: str, count: int) -> bool:
    """Whether a known function accepts ``count`` arguments.

    >>> arity_ok("sin", 1), arity_ok("sin", 2), arity_ok("max", 3)
    (True, False, True)
    """
    return FUNCTIONS[name].accepts(count)


# single letters that name abstract functions when followed by "("
ABSTRACT_LETTERS: tuple[str, ...] = ("f", "g", "h")

GREEK: tuple[str, ...] = (
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
    "kappa", "lambda", "mu", "nu", "xi", "omicron", "rho", "sigma", "tau",
    "upsilon", "phi", "chi", "psi", "omega",
)  # fmt: skip

GREEK_LETTERS: dict[str, str] = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon",
    "ζ": "zeta", "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa",
    "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "ο": "omicron", "ρ": "rho",
    "σ": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "χ": "chi",
    "ψ": "psi", "ω": "omega", "π": "pi",
}  # fmt: skip
