"""Checking derivatives: an answer against symdiff's, and symdiff's against finite differences.

Points come first from small integers (easy to read in a message), then from
random rationals (seeded: the same input gives the same output).  A point is
skipped where an expression is undefined there or sits at a tie of a piecewise
function (``max``, ``abs``, an indicator), since the derivative there is a
convention, not a fact.  ``--check`` (SymPy) lives in :mod:`symdiff.check.symbolic`.

>>> from symdiff.core.expr import Var
>>> bool(compare(Var("x") * 2, Var("x") + Var("x"), ["x"]))
True
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..core.evaluate import Value, evaluate_nodes
from ..core.expr import Call, Expr, Indicator, natural_key, variables
from ..errors import DomainError, LimitError, UnsupportedError
from ..limits import DEFAULT_LIMITS, Limits

Point = dict[str, Fraction]
SMALL = (*(Fraction(n) for n in (1, 2, -1, 3, -2, 4, 5, -3)), Fraction(1, 2), Fraction(-5, 2))
TIE = 1e-9  # relative closeness that counts as a tie (exact rationals tie only when equal)


@dataclass(frozen=True)
class Verdict:
    """The outcome of a comparison; true when the two agree.

    ``point`` (with both values) is where they were seen to differ, or None;
    ``decided`` is false when too few points could be used (then ``correct`` is false).

    >>> from symdiff.core.expr import Var
    >>> v = Verdict(True, Var("x"), Var("x"), "same simplified expression")
    >>> bool(v), v.point
    (True, None)
    """

    correct: bool
    expected: Expr
    answer: Expr
    how: str
    point: Point | None = None
    expected_value: Value | None = None
    answer_value: Value | None = None
    decided: bool = True

    def __bool__(self) -> bool:
        return self.correct


def points(names: Sequence[str], seed: int = 0, count: int = 40) -> Iterator[Point]:
    """Small integer points first, then random rationals in [-3, 3].

    >>> [p["x"] for p in points(["x"], count=3)]
    [Fraction(1, 1), Fraction(2, 1), Fraction(-1, 1)]
    """
    rng = random.Random(seed)
    for k in range(count):
        if k < len(SMALL):  # variables get different values: no accidental ties
            yield {v: SMALL[(k + 3 * i) % len(SMALL)] for i, v in enumerate(names)}
        else:
            yield {v: Fraction(rng.randint(-3000, 3000), rng.randint(1, 1000)) for v in names}


def close(a: Value, b: Value, rel: float = 1e-9) -> bool:
    """Equal if both are exact, else within a relative tolerance.

    >>> close(Fraction(1, 3), Fraction(1, 3)), close(0.1 + 0.2, 0.3), close(1.0, 1.1)
    (True, True, False)
    """
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return a == b
    return math.isclose(a, b, rel_tol=rel, abs_tol=rel)


def _at_tie(values: Mapping[Expr, Value], margin: float) -> bool:
    """Whether a piecewise function's compared arguments are within ``margin``."""
    for node, _ in values.items():
        if isinstance(node, Indicator):
            pairs = [(values[node.lhs], values[node.rhs])]
        elif isinstance(node, Call) and node.name in ("max", "min"):
            args = [values[a] for a in node.args]
            pairs = [(a, b) for i, a in enumerate(args) for b in args[i + 1 :]]
        elif isinstance(node, Call) and node.name in ("abs", "relu", "sign"):
            pairs = [(values[node.args[0]], Fraction(0))]
        else:
            continue
        if any(abs(a - b) <= margin * (1 + abs(a) + abs(b)) for a, b in pairs):
            return True
    return False


def value_at(expr: Expr, point: Mapping[str, Value], margin: float = TIE) -> Value | None:
    """The value of ``expr`` at ``point``, or None where undefined or at a tie.

    >>> from symdiff.core.expr import Var
    >>> value_at(Var("x") ** 2, {"x": 3}), value_at(1 / Var("x"), {"x": 0})
    (Fraction(9, 1), None)
    """
    try:
        values = evaluate_nodes(expr, point)
    except (DomainError, LimitError):
        return None
    return None if _at_tie(values, margin) else values[expr]


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
    from ..simplifier import simplify

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
        from .symbolic import sympy_equal

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
