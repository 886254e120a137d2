"""Where an expression changes behaviour: its kinks and the edges of its domain, found by search.

The *critical* quantities of an expression are the arguments of its piecewise functions
(``abs``, ``relu``, ``sign``: the argument; ``max``, ``min``: the differences of their
arguments; ``1(a > b)``: ``a - b``) and of its partial functions (``log``, ``sqrt``, a
base raised to a non-integer power).  Along each variable in turn (the others held at
a base point) each quantity is evaluated on a grid of ±2^k, k = -6, -3, … 99; where its
sign, or whether it is defined at all, changes between neighbours, bisection finds the
place; :func:`near` gives points on both sides of it at several distances.  So
``max(x - 1000, 0)`` gets points beyond x = 1000, and ``sqrt(x - 20)`` points inside
its domain x ≥ 20.

>>> from symdiff.core.expr import Var, call
>>> x = Var("x")
>>> [(v, near(r)[-2:]) for v, r in boundaries([call("sqrt", x - 20)], ["x"], {"x": Fraction(1)})]
[('x', [Fraction(100, 1), Fraction(-60, 1)])]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from ..core.expr import Call, Expr, Indicator, Num, Pow, add, neg
from ..core.functions import SPELLINGS
from ..core.jumps import crossings
from ..core.walk import postorder
from ..limits import DEFAULT_LIMITS, Limits
from .precise import enclose

GRID = sorted({s * Fraction(2) ** k for k in range(-6, 101, 3) for s in (1, -1)} | {Fraction(0)})
MAX_QUANTITIES = 24  # critical quantities searched (the first ones in walk order)
MAX_PLACES = 24  # kinks and edges found in all
BISECTIONS = 48
MAX_ROOTS = 4  # places searched per quantity and variable, nearest 0 first
SEARCH_PREC = 64  # bits: the search only needs signs
OFFSETS = (Fraction(1, 2**20), Fraction(1, 100), Fraction(1, 4), Fraction(1), Fraction(4))


def quantities(exprs: Sequence[Expr]) -> list[Expr]:
    """The critical quantities of ``exprs``: where their sign changes, behaviour changes.

    >>> from symdiff.core.expr import Num, Var, call
    >>> x = Var("x")
    >>> [str(q) for q in quantities([call("max", x - 1000, Num(0)) + call("log", x)])]
    ['x - 1000', 'x']
    """
    found: dict[Expr, None] = {}
    for root in exprs:
        for node in postorder(root):
            if isinstance(node, Indicator):
                found[add(node.lhs, neg(node.rhs))] = None
            elif isinstance(node, Pow) and not (
                isinstance(node.exp, Num) and node.exp.value.denominator == 1
            ):
                found[node.base] = None
            elif isinstance(node, Call) and not node.deriv and node.name in SPELLINGS:
                row = SPELLINGS[node.name]
                for edge in row.edges:
                    found[add(node.args[0], Num(-edge)) if edge else node.args[0]] = None
                if row.kinks == "zero":
                    found[node.args[0]] = None
                elif row.kinks == "integers":  # floor, ceil: jumps where sin(πu) changes sign
                    found[crossings(node.args[0])] = None
                elif row.kinks == "ties":
                    args = node.args
                    for i, a in enumerate(args):
                        for b in args[i + 1 :]:
                            zero = isinstance(b, Num) and b.value == 0
                            found[a if zero else add(a, neg(b))] = None
            if len(found) >= MAX_QUANTITIES:
                return [q for q in found if not isinstance(q, Num)]
    return [q for q in found if not isinstance(q, Num)]


def _sign(q: Expr, point: Mapping[str, Fraction]) -> int | None:
    """-1, 0, +1, or None where ``q`` is undefined or its sign is unclear."""
    e = enclose([q], point, SEARCH_PREC)
    v = e.values[q]
    if v is None:
        return None
    if (v > 0) is True:
        return 1
    if (v < 0) is True:
        return -1
    return 0 if v.a == 0 and v.b == 0 else None


def _bisect(q: Expr, var: str, base: Point, lo: Fraction, hi: Fraction, limits: Limits) -> Fraction:
    """Where ``q``'s class changes between ``lo`` and ``hi`` (to about 2^-48 of the bracket)."""
    hi_class = _sign(q, {**base, var: hi})
    for _ in range(BISECTIONS):
        limits.check_time("checking")
        mid = (lo + hi) / 2
        c = _sign(q, {**base, var: mid})
        if c == 0:
            return mid
        if c == hi_class:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2


Point = dict[str, Fraction]


def near(r: Fraction, offsets: Sequence[Fraction] = OFFSETS) -> list[Fraction]:
    """Points on both sides of ``r`` at ``offsets`` relative to |r| (1 at 0), rounded short.

    >>> near(Fraction(20), [Fraction(1, 4)])
    [Fraction(25, 1), Fraction(15, 1)]
    """
    scale = abs(r) or Fraction(1)
    out: list[Fraction] = []
    for offset in offsets:
        step = scale * offset
        unit = Fraction(1, 10 ** max(0, -_decimal_exponent(step / 4)))
        for side in (1, -1):
            out.append(round((r + side * step) / unit) * unit)
    return out


def _decimal_exponent(v: Fraction) -> int:
    """floor(log10(v)) for v > 0, roughly."""
    return len(str(v.numerator)) - len(str(v.denominator))


def boundaries(
    exprs: Sequence[Expr], names: Sequence[str], base: Point, limits: Limits = DEFAULT_LIMITS
) -> list[tuple[str, Fraction]]:
    """Every kink and domain edge found along each variable: (variable, where).

    >>> from symdiff.core.expr import Var, call
    >>> x = Var("x")
    >>> boundaries([call("relu", x - 1000) + call("log", x)], ["x"], {"x": Fraction(1)})
    [('x', Fraction(1000, 1)), ('x', Fraction(0, 1))]
    """
    qs = quantities(exprs)
    out: list[tuple[str, Fraction]] = []
    for var in names:
        for q in qs:
            classes = [_sign(q, {**base, var: g}) for g in GRID]
            limits.check_time("checking")
            changes = [i for i in range(len(GRID) - 1) if classes[i] != classes[i + 1]]
            changes.sort(key=lambda i: min(abs(GRID[i]), abs(GRID[i + 1])))  # nearest 0 first
            for i in changes[:MAX_ROOTS]:
                if classes[i] == 0:
                    root = GRID[i]
                elif classes[i + 1] == 0:
                    root = GRID[i + 1]
                else:
                    root = _snap(q, var, base, _bisect(q, var, base, GRID[i], GRID[i + 1], limits))
                if (var, root) not in out:
                    out.append((var, root))
            if len(out) >= MAX_PLACES:
                return out
    return out


def _snap(q: Expr, var: str, base: Point, root: Fraction) -> Fraction:
    """``root`` rounded to the fewest decimals where ``q`` is exactly 0 (1000, not 999.9…)."""
    for digits in range(7):
        short = Fraction(round(root, digits))
        if _sign(q, {**base, var: short}) == 0:
            return short
    return root
