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
central differences of the source, computed in interval arithmetic with the steps
h, h/2, h/4, h = 2^-40 of the point's scale (2^⌊log₂|x|⌋, 1 at 0), at 256 bits; where
they have not settled (error above 2^-64 of the derivative's scale: a fast-varying
function) with h = 2^-120 at 512 bits, then 2^-360 at 1280.  The tolerance is derived
from the differences themselves: 16 times the gap between the two extrapolations (an
over-estimate of the truncation error) plus 2^-(bits - 2·step - 16) of the scale.  A
point whose differences cross a kink (a piecewise function changes branch between
x - h and x + h), leave the domain or never settle is skipped.

>>> from symdiff.core.expr import Var
>>> bool(compare(Var("x") * 2, Var("x") + Var("x"), ["x"]))
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from fractions import Fraction
from math import prod
from typing import Any

from ..core.evaluate import Value, evaluate_nodes
from ..core.expr import Add, Call, Const, Expr, Mul, Num, Pow, neg
from ..core.walk import natural_key, postorder, variables
from ..errors import LimitError, SymdiffError, UnsupportedError
from ..limits import DEFAULT_LIMITS, Limits
from ..simplifier import simplify
from .points import SMALL, Point, Verdict, candidates
from .precise import context, enclose, log2_size, rational, to_value
from .symbolic import sympy_equal

__all__ = ["SMALL", "Point", "Verdict", "compare", "finite_difference", "verify"]

ENOUGH = 40  # agreeing points after which a check stops
COMPARE_PRECISIONS = (128, 512, 2048)
# (step, bits): the finite-difference step is 2^-step of the point's scale, computed at bits
VERIFY_STEPS = ((40, 256), (120, 512), (360, 1280))
SETTLED_BITS = 64  # the differences have settled when their error is below 2^-64 of the scale
VERIFY_TRIES = 100  # points verify tries (each costs seven evaluations)
MARGIN_BITS = 16  # bits of the working precision the tolerance leaves to rounding


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
        v = enclose([gap], {}, COMPARE_PRECISIONS[0]).values[gap]
        if (v is not None and _apart(v)) or (v is None and constant_sign(gap)):
            return gap
    return None


def constant_sign(expr: Expr) -> int:
    """+1 or -1 when the sign of a constant follows from its shape alone, else 0.

    For constants too large to evaluate: a positive base to any power is positive,
    and so on through products, sums of one sign, ``exp`` and ``sqrt``.

    >>> from symdiff.parsing.parser import parse
    >>> constant_sign(parse("-2 * 9^9^9^9")), constant_sign(parse("9^9^9^9 - 1"))
    (-1, 0)
    """
    signs: dict[Expr, int] = {}
    for node in postorder(expr):
        kids = [signs[c] for c in node.children]
        match node:
            case Num():
                s = (node.value > 0) - (node.value < 0)
            case Const():
                s = 1
            case Pow() | Call() if isinstance(node, Pow) or node.name in ("exp", "sqrt"):
                s = 1 if (isinstance(node, Call) and node.name == "exp") or kids[0] == 1 else 0
            case Mul():
                s = prod(kids)
            case Add():
                s = kids[0] if kids and all(k == kids[0] for k in kids) else 0
            case _:
                s = 0
        signs[node] = s
    return signs[expr]


def _compare_at(expected: Expr, answer: Expr, within: Sequence[Expr],
                point: Point) -> tuple[str, Value | None, Value | None]:  # fmt: skip
    """``("agree" | "differ", value, value)`` at ``point``, or ``("skip: why", None, None)``."""
    for prec in COMPARE_PRECISIONS:
        e = enclose([expected, answer, *within], point, prec)
        a, b = e.values[expected], e.values[answer]
        if a is None or b is None or any(e.values[w] is None for w in within):
            return f"skip: {e.why}", None, None
        if prec == COMPARE_PRECISIONS[0]:
            exact = _exact([expected, answer], point)
            if exact is not None:
                return ("agree" if exact[0] == exact[1] else "differ"), exact[0], exact[1]
        d = a - b
        if _apart(d):
            return "differ", to_value(a), to_value(b)
        width = log2_size(d.delta)
        if not e.lost and (width is None or width <= e.top - prec // 2):
            return "agree", to_value(a), to_value(b)
    return "skip: the values cannot be told apart at 2048 bits", None, None


def compare(
    expected: Expr,
    answer: Expr,
    names: Sequence[str] = (),
    *,
    seed: int = 0,
    limits: Limits = DEFAULT_LIMITS,
    within: Sequence[Expr] = (),
) -> Verdict:
    """Whether ``answer`` equals ``expected``: symbolically, else at sample points.

    Points where an expression of ``within`` (the function differentiated) is
    undefined are skipped: an answer need only be right where the function is defined.

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
    names = _names(expected, answer, *within, first=names)
    try:
        gap = _constant_gap(expected, answer, limits)
        how = "values differ" if gap is None else f"the answer is off by the constant {gap}"
        agree, skipped = 0, Counter[str]()
        for point in candidates([expected, answer, *within], names, seed, limits):
            limits.check_time("checking")
            outcome, a, b = _compare_at(expected, answer, within, point)
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
    expr: Expr, var: str, point: Point, step_bits: int = 40, prec: int = 256
) -> tuple[Any, Any, bool] | None:
    """∂expr/∂var at ``point`` by Richardson-extrapolated central differences, as an interval.

    The steps are h, h/2, h/4 with h = 2^-step_bits of the point's scale.  Returns the
    estimate (from h/2 and h/4), the size of its truncation error (its gap to the
    estimate from h and h/2, an over-estimate: the error falls as h⁴), and whether a
    sum lost a term to rounding; None where a step leaves the domain or crosses a
    kink (a piecewise function takes another branch).

    >>> from symdiff.core.expr import Var
    >>> d, gap, lost = finite_difference(Var("x") ** 3, "x", {"x": Fraction(2)})
    >>> abs(d - 12) < 2**-150, gap < 2**-150, lost
    (True, True, False)
    """
    x0 = point[var]
    h = _scale(x0) / 2**step_bits
    steps = (h, h / 2, h / 4)
    at: dict[Fraction, Any] = {}
    sides: set[tuple[int, ...]] = set()
    lost = False
    for step in (*steps, *(-s for s in steps)):
        e = enclose([expr], {**point, var: x0 + step}, prec)
        if e.values[expr] is None:
            return None
        at[step] = e.values[expr]
        sides.add(e.sides)
        lost = lost or e.lost
    if len(sides) > 1:
        return None
    inverse = rational(context(prec), 1 / h)  # exact: h is a power of 2
    d = [(at[s] - at[-s]) * inverse * int(h / s) / 2 for s in steps]
    coarse, fine = (4 * d[1] - d[0]) / 3, (4 * d[2] - d[1]) / 3
    return fine, _magnitude(fine - coarse), lost


def _verify_at(source: Expr, derivative: Expr, var: str, point: Point) -> tuple[str, Any, Any]:
    """``("agree" | "differ", ours, numeric)`` at ``point``, or ``("skip: why", None, None)``.

    Tries ever smaller steps at ever higher precision (:data:`VERIFY_STEPS`) until the
    differences settle: their truncation error below 2^-64 of the derivative's scale
    (the larger of the estimate and |f(x)|/scale of x).
    """
    for step_bits, prec in VERIFY_STEPS:
        e = enclose([source, derivative], point, prec)
        ours, value = e.values[derivative], e.values[source]
        if ours is None or value is None:
            return f"skip: {e.why}", None, None
        numeric = finite_difference(source, var, point, step_bits, prec)
        if numeric is None:
            return "skip: the differences cross a kink or the edge of the domain", None, None
        estimate, gap, lost = numeric
        size = max(_magnitude(estimate),  # not ours: a wrong value must not widen the slack
                   _magnitude(value) * rational(context(prec), 1 / _scale(point[var])))  # fmt: skip
        if lost or e.lost or (gap > size / 2**SETTLED_BITS) is not False:
            continue  # not settled: smaller steps, more bits
        d = ours - estimate
        slack = 16 * gap + size / 2 ** (prec - 2 * step_bits - MARGIN_BITS)
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
        for point in candidates([source, derivative], names, seed, limits, VERIFY_TRIES):
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
