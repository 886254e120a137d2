"""Checking derivatives: an answer against symdiff's, and symdiff's against finite differences.

The points, the values there (None where undefined or at a tie of a piecewise function)
and the ``Verdict`` come from :mod:`symdiff.check.points`; ``--check`` (SymPy) lives in
:mod:`symdiff.check.symbolic`, which this module asks only when an expression has abstract
functions and so no values.

>>> from symdiff.core.expr import Var
>>> bool(compare(Var("x") * 2, Var("x") + Var("x"), ["x"]))
True
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from ..core.evaluate import Value
from ..core.expr import Expr
from ..core.walk import natural_key, variables
from ..errors import LimitError, UnsupportedError
from ..limits import DEFAULT_LIMITS, Limits
from ..simplifier import simplify
from .points import SMALL, TIE, Point, Verdict, close, points, value_at
from .symbolic import sympy_equal

__all__ = [  # the points and the verdict are read from here too
    "SMALL",
    "TIE",
    "Point",
    "Verdict",
    "close",
    "compare",
    "finite_difference",
    "points",
    "value_at",
    "verify",
]


def _names(*exprs: Expr, first: Sequence[str] = ()) -> list[str]:
    extra = {v for e in exprs for v in variables(e)} - set(first)
    return [*first, *sorted(extra, key=natural_key)]


def compare(
    expected: Expr,
    answer: Expr,
    names: Sequence[str] = (),
    *,
    seed: int = 0,
    limits: Limits = DEFAULT_LIMITS,
) -> Verdict:
    """Whether ``answer`` equals ``expected``: symbolically, else at random points.

    >>> from symdiff.core.expr import Var
    >>> v = compare(Var("x") ** 2, Var("x") * 2, ["x"])
    >>> bool(v), v.point, v.expected_value, v.answer_value
    (False, {'x': Fraction(1, 1)}, Fraction(1, 1), Fraction(2, 1))
    """

    def same(a: Expr, b: Expr, expand: bool) -> bool:
        try:
            return simplify(a, expand=expand, limits=limits) is simplify(
                b, expand=expand, limits=limits
            )
        except LimitError:
            return False

    if same(expected, answer, False) or same(expected, answer, True):
        return Verdict(True, expected, answer, "same simplified expression")
    agree = 0
    try:
        for point in points(_names(expected, answer, first=names), seed):
            a, b = value_at(expected, point), value_at(answer, point)
            if a is None or b is None:
                continue
            if not close(a, b):
                return Verdict(False, expected, answer, "values differ", point, a, b)
            agree += 1
    except UnsupportedError:  # abstract functions: no values
        equal = sympy_equal(expected, answer)
        return Verdict(equal, expected, answer, "SymPy: " + ("equal" if equal else "not equal"))
    if agree < 5:
        raise UnsupportedError(
            f"cannot decide: the expressions are defined at only {agree} of the sampled points"
        )
    return Verdict(True, expected, answer, f"equal at {agree} points")


def finite_difference(expr: Expr, var: str, point: Point, h: Fraction) -> Value | None:
    """∂expr/∂var at ``point`` by Richardson-extrapolated central differences (error O(h⁴)).

    >>> from symdiff.core.expr import Var
    >>> finite_difference(Var("x") ** 3, "x", {"x": Fraction(2)}, Fraction(1, 100))
    Fraction(12, 1)
    """

    def d(step: Fraction) -> Value | None:
        up = value_at(expr, {**point, var: point[var] + step}, 0)
        down = value_at(expr, {**point, var: point[var] - step}, 0)
        return None if up is None or down is None else (up - down) / (2 * step)

    coarse, fine = d(h), d(h / 2)
    return None if coarse is None or fine is None else (4 * fine - coarse) / 3


def verify(
    source: Expr, derivative: Expr, var: str, names: Sequence[str] = (), *, seed: int = 0
) -> Verdict:
    """Compare ``derivative`` with finite differences of ``source`` at random points.

    >>> from symdiff.core.expr import Var
    >>> bool(verify(Var("x") ** 3, 3 * Var("x") ** 2, "x"))
    True
    """
    h = Fraction(1, 1000)
    agree = 0
    for point in points(_names(source, derivative, first=names), seed):
        try:
            ours = value_at(derivative, point)
        except UnsupportedError as exc:  # abstract functions have no values
            return Verdict(False, derivative, source, f"undecided: {exc}", decided=False)
        if ours is None or value_at(source, point, margin=0.01) is None:
            continue  # undefined, or close enough to a kink to spoil the differences
        numeric = finite_difference(source, var, point, h)
        if numeric is None:
            continue
        if not close(ours, numeric, rel=1e-6):
            return Verdict(False, derivative, source, "the values differ", point,
                           ours, numeric)  # fmt: skip
        agree += 1
    if agree < 3:
        how = f"undecided: only {agree} usable points"
        return Verdict(False, derivative, source, how, decided=False)
    return Verdict(True, derivative, source, f"agree at {agree} points")
