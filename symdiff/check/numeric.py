"""Checking derivatives: an answer against symdiff's, and symdiff's against finite differences.

``compare`` checks an answer, ``verify`` a derivative by finite differences.

``compare`` decides in this order, stopping at the first certain answer:

1. both sides simplify to the same expression (plain, then expanded): equal;
2. their simplified difference is a nonzero constant: not equal, everywhere;
3. at sample points (:func:`~symdiff.check.points.candidates`) where both are defined
   and not at a kink: exact rational values when both are rational (symdiff's
   evaluator), otherwise intervals from :mod:`symdiff.check.precise` at 128 bits,
   raised to 512 and 2048 while they cannot tell.  Intervals apart prove the values
   differ; a difference enclosing 0 narrower than 2^-(bits/2) of the values counts as
   agreement at that point.  Equal once 40 points agree and none differs;
   "cannot decide" (an ``UnsupportedError`` naming the reason) with fewer than 5.

``verify`` compares the derivative's interval at a point with Richardson-extrapolated
central differences of the source, computed in interval arithmetic with the step
h = 2^-48 of the point's scale (2^⌊log₂|x|⌋, 1 at 0) at 192 bits (768 when that cannot
tell).  The tolerance is derived from the difference itself: four times the gap
between the steps h and h/2 (the truncation error's size) plus 2^-64 of the values.
A point whose differences cross a kink (a piecewise function changes branch between
x - h and x + h) or leave the domain is skipped.

>>> from symdiff.core.expr import Var
>>> bool(compare(Var("x") * 2, Var("x") + Var("x"), ["x"]))
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from ..core.evaluate import Value, evaluate_nodes
from ..core.expr import Expr, neg
from ..core.walk import natural_key, variables
from ..errors import LimitError, SymdiffError, UnsupportedError
from ..limits import DEFAULT_LIMITS, Limits
from ..simplifier import simplify
from .points import SMALL, Point, Verdict, candidates
from .precise import context, enclose, rational, to_value
from .symbolic import sympy_equal

__all__ = ["SMALL", "Point", "Verdict", "compare", "finite_difference", "verify"]

ENOUGH = 40  # agreeing points after which a check stops
COMPARE_PRECISIONS = (128, 512, 2048)
VERIFY_PRECISIONS = (192, 768)
STEP_BITS = 48  # the finite-difference step is 2^-48 of the point's scale


def _names(*exprs: Expr, first: Sequence[str] = ()) -> list[str]:
    extra = {v for e in exprs for v in variables(e)} - set(first)
    return [*first, *sorted(extra, key=natural_key)]


def _apart(d: Any) -> bool:
    """Whether the interval ``d`` excludes 0."""
    return bool((d > 0) is True or (d < 0) is True)


def _magnitude(u: Any) -> Any:
    """An upper bound of ``|u|`` (a point interval)."""
    a, b = abs(u.a), abs(u.b)
    return a if (a > b) is True else b


def _exact(exprs: Sequence[Expr], point: Point) -> list[Fraction] | None:
    """The values of ``exprs`` at ``point`` if all are rational, else None."""
    out: list[Fraction] = []
    for e in exprs:
        try:
            v = evaluate_nodes(e, point)[e]
        except SymdiffError:
            return None
        if not isinstance(v, Fraction):
            return None
        out.append(v)
    return out


def _constant_gap(expected: Expr, answer: Expr, limits: Limits) -> Expr | None:
    """The simplified ``answer - expected`` when it is a constant proved nonzero, else None."""
    for expand in (False, True):
        try:
            gap = simplify(answer + neg(expected), expand=expand, limits=limits)
        except LimitError:
            continue
        if variables(gap):
            continue
        e = enclose([gap], {}, COMPARE_PRECISIONS[0])
        v = e.values[gap]
        if v is not None and _apart(v):
            return gap
    return None


def _compare_at(expected: Expr, answer: Expr, point: Point) -> tuple[str, Value | None,
                                                                   Value | None]:  # fmt: skip
    """``("agree" | "differ", value, value)`` at ``point``, or ``("skip: why", None, None)``."""
    for prec in COMPARE_PRECISIONS:
        e = enclose([expected, answer], point, prec)
        a, b = e.values[expected], e.values[answer]
        if a is None or b is None:
            return f"skip: {e.why}", None, None
        if prec == COMPARE_PRECISIONS[0]:
            exact = _exact([expected, answer], point)
            if exact is not None:
                return ("agree" if exact[0] == exact[1] else "differ"), exact[0], exact[1]
        d = a - b
        if _apart(d):
            return "differ", to_value(a), to_value(b)
        if (d.delta <= max(_magnitude(a), _magnitude(b)) / 2 ** (prec // 2)) is True:
            return "agree", to_value(a), to_value(b)
    return "skip: the values cannot be told apart at 2048 bits", None, None


def compare(
    expected: Expr,
    answer: Expr,
    names: Sequence[str] = (),
    *,
    seed: int = 0,
    limits: Limits = DEFAULT_LIMITS,
) -> Verdict:
    """Whether ``answer`` equals ``expected``: symbolically, else at sample points.

    >>> from symdiff.core.expr import Var, call
    >>> x = Var("x")
    >>> v = compare(x ** 2, x * 2, ["x"])
    >>> bool(v), v.point, v.expected_value, v.answer_value
    (False, {'x': Fraction(1, 1)}, Fraction(1, 1), Fraction(2, 1))
    >>> compare(call("cos", x), call("cos", x) + 10**-12, ["x"]).how
    'the answer is off by the constant 1/1000000000000'
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
    names = _names(expected, answer, first=names)
    try:
        gap = _constant_gap(expected, answer, limits)
        how = "values differ" if gap is None else f"the answer is off by the constant {gap}"
        agree, skipped = 0, Counter[str]()
        for point in candidates([expected, answer], names, seed, limits):
            limits.check_time("checking")
            outcome, a, b = _compare_at(expected, answer, point)
            if outcome == "differ":
                return Verdict(False, expected, answer, how, point, a, b)
            if outcome == "agree":
                agree += 1
                if agree >= ENOUGH:
                    break
            else:
                skipped[outcome.removeprefix("skip: ")] += 1
    except UnsupportedError as exc:  # abstract functions: no values
        if "abstract" not in str(exc) and "derivative" not in str(exc):
            raise UnsupportedError(f"cannot decide: {exc}") from None
        equal = sympy_equal(expected, answer)
        return Verdict(equal, expected, answer, "SymPy: " + ("equal" if equal else "not equal"))
    if gap is not None:
        return Verdict(False, expected, answer, how)
    if agree < 5:
        why = f" ({skipped.most_common(1)[0][0]})" if skipped else ""
        raise UnsupportedError(
            f"cannot decide: the expressions have comparable values at only {agree} of "
            f"{agree + sum(skipped.values())} sampled points{why}"
        )
    return Verdict(True, expected, answer, f"equal at {agree} points")


def _scale(x: Fraction) -> Fraction:
    """2^⌊log₂|x|⌋, or 1 at 0."""
    if x == 0:
        return Fraction(1)
    k = abs(x).numerator.bit_length() - abs(x).denominator.bit_length()
    return Fraction(2) ** k


def finite_difference(
    expr: Expr, var: str, point: Point, prec: int = VERIFY_PRECISIONS[0]
) -> tuple[Any, Any, tuple[int, ...]] | None:
    """∂expr/∂var at ``point`` by Richardson-extrapolated central differences, as an interval.

    Returns the estimate, the gap between the steps h and h/2 (the truncation error's
    size) and the branches the kink nodes took; None where a step leaves the domain or
    crosses a kink.

    >>> from symdiff.core.expr import Var
    >>> d, gap, _ = finite_difference(Var("x") ** 3, "x", {"x": Fraction(2)})
    >>> abs(d - 12) < 2**-100, gap < 2**-80
    (True, True)
    """
    x0 = point[var]
    h = _scale(x0) / 2**STEP_BITS
    at: dict[Fraction, Any] = {}
    sides: set[tuple[int, ...]] = set()
    for step in (h, -h, h / 2, -h / 2):
        e = enclose([expr], {**point, var: x0 + step}, prec)
        if e.values[expr] is None:
            return None
        at[step] = e.values[expr]
        sides.add(e.sides)
    if len(sides) > 1:
        return None
    ctx = context(prec)
    inverse = rational(ctx, 1 / h)  # exact: h is a power of 2
    coarse = (at[h] - at[-h]) * inverse / 2
    fine = (at[h / 2] - at[-h / 2]) * inverse
    return (4 * fine - coarse) / 3, _magnitude(fine - coarse), sides.pop()


def _verify_at(source: Expr, derivative: Expr, var: str, point: Point) -> tuple[str, Any, Any]:
    """``("agree" | "differ", ours, numeric)`` at ``point``, or ``("skip: why", None, None)``."""
    for prec in VERIFY_PRECISIONS:
        e = enclose([source, derivative], point, prec)
        ours = e.values[derivative]
        if ours is None or e.values[source] is None:
            return f"skip: {e.why}", None, None
        numeric = finite_difference(source, var, point, prec)
        if numeric is None or numeric[2] != e.sides[: len(numeric[2])]:
            return "skip: the differences cross a kink or the edge of the domain", None, None
        estimate, gap, _ = numeric
        d = ours - estimate
        size = max(_magnitude(ours), _magnitude(estimate))
        slack = 4 * gap + size / 2 ** (prec // 3)
        low = d.a if (d.a > 0) is True else (-d.b if (d.b < 0) is True else 0)
        if (low > slack) is True:
            return "differ", to_value(ours), to_value(estimate)
        if (_magnitude(d) <= slack) is True:
            return "agree", ours, estimate
    return "skip: the finite differences do not settle", None, None


def verify(
    source: Expr,
    derivative: Expr,
    var: str,
    names: Sequence[str] = (),
    *,
    seed: int = 0,
    limits: Limits = DEFAULT_LIMITS,
) -> Verdict:
    """Compare ``derivative`` with finite differences of ``source`` by ``var`` at sample points.

    >>> from symdiff.core.expr import Var
    >>> bool(verify(Var("x") ** 3, 3 * Var("x") ** 2, "x"))
    True
    >>> verify(Var("x") ** 3, 3 * Var("x") ** 2 + 10**-12, "x").how
    'the values differ'
    """
    agree, skipped = 0, Counter[str]()
    names = _names(source, derivative, first=[var, *(n for n in names if n != var)])
    try:
        for point in candidates([source, derivative], names, seed, limits):
            limits.check_time("checking")
            outcome, ours, numeric = _verify_at(source, derivative, var, point)
            if outcome == "differ":
                return Verdict(False, derivative, source, "the values differ", point, ours, numeric)
            if outcome == "agree":
                agree += 1
                if agree >= ENOUGH:
                    break
            else:
                skipped[outcome.removeprefix("skip: ")] += 1
    except UnsupportedError as exc:  # abstract functions have no values
        return Verdict(False, derivative, source, f"cannot decide: {exc}", decided=False)
    if agree < 3:
        why = f" ({skipped.most_common(1)[0][0]})" if skipped else ""
        how = f"cannot decide: only {agree} usable points{why}"
        return Verdict(False, derivative, source, how, decided=False)
    return Verdict(True, derivative, source, f"agree at {agree} points")
