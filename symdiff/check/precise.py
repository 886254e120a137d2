"""Values with an error bound: every node of an expression at a point, as a real interval.

The checker's high-precision evaluator.  It uses mpmath's interval arithmetic
(:mod:`mpmath.ctx_iv`, imported on first use), in a fresh context per call so that
calls on several threads never share a working precision.  Each interval is
guaranteed to contain the true value; a checker that sees two intervals apart
knows the values differ, and one that sees their difference shrink with the
precision knows they agree to that many bits.

A node has no value (None in :attr:`Enclosure.values`) where it is undefined, where the
interval cannot tell which side of a domain boundary or a kink it is on, or where its
value is too large to compute (:data:`MAX_EXP_ARGUMENT`, :data:`MAX_POWER_BITS`,
:data:`MAX_TRIG_BITS`: bounds checked before the work).  The functions whose
interval comes from the function table's ``interval`` facet (mpmath's interval function,
or the function's definition in them: ``tanh(u) = 1 - 2/(exp(2u) + 1)``); ``log`` and
``sqrt`` are built here, deciding their domain edge, and abs, relu, sign, max, min and
``1(a > b)`` by deciding which branch the interval is on.  Where it
cannot (a tie), the continuous ones (abs, relu, max, min) take the interval of all their
branches, and the jumps (sign, ``1(a > b)``) have no value: their derivative there is a
convention, not a fact.  The branch each of those took is recorded in
:attr:`Enclosure.sides`, so a finite difference can tell it crossed a kink.

>>> from fractions import Fraction
>>> from symdiff.core.expr import Var, call
>>> x = Var("x")
>>> e = enclose([call("sin", x) ** 2 + call("cos", x) ** 2], {"x": Fraction(1, 3)}, 100)
>>> e.values[e.roots[0]].delta < 2**-90
True
>>> enclose([call("log", x - 20)], {"x": Fraction(3)}, 64).why
'logarithm of a non-positive number in log(x - 20)'
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ..core.evaluate import evaluate_nodes
from ..core.expr import Add, Call, Const, Derivative, Expr, Indicator, Mul, Num, Pow, Var
from ..core.functions import FUNCTIONS, SPELLINGS
from ..core.walk import postorder
from ..errors import SymdiffError, UnsupportedError

MAX_EXP_ARGUMENT = 2**40  # |u| in exp(u): a result with a ~2^40-bit exponent is the most we compute
MAX_POWER_BITS = 2**40  # |log2 |b^n||: the same bound for powers
MAX_TRIG_BITS = 4096  # bits of a trigonometric argument (its reduction costs that many bits)

TIE = 2  # the side a piecewise function is on at its kink (abs, relu, max, min only)
MARGIN = 32  # bits a sum's smallest term must keep above its precision, or the sum is "lost"


class _NoValue(Exception):
    """A node has no value at this point; the message says why."""


@dataclass(frozen=True, slots=True)
class Enclosure:
    """Intervals for the nodes of ``roots`` at one point and precision.

    ``values`` maps each node to its interval, or None where it has none; ``why`` is
    the first reason a root has none; ``sides`` the branch each kink node took, in
    walk order.
    """

    roots: tuple[Expr, ...]
    values: dict[Expr, Any]
    sides: tuple[int, ...]
    why: str | None
    top: int = 0  # log2 of the largest magnitude met (at least 0): the computation's scale
    lost: bool = False  # a sum had a nonzero term below its precision (e.g. 2^(10^10) + 1)


def context(prec: int) -> Any:
    """An mpmath interval context at ``prec`` bits, this thread's own (thread safe).

    mpmath keeps the working precision in its context, so threads never share one:
    each thread keeps one context per precision, made on first use.

    >>> context(80).prec, context(80) is context(80)
    (80, True)
    """
    made: dict[int, Any] = _CONTEXTS.__dict__.setdefault("by_precision", {})
    ctx = made.get(prec)
    if ctx is None:
        from mpmath.ctx_iv import MPIntervalContext

        ctx = made[prec] = MPIntervalContext()
        ctx.prec = prec
    return ctx


_CONTEXTS = threading.local()


def rational(ctx: Any, value: Fraction) -> Any:
    """The interval of a rational number.

    >>> rational(context(53), Fraction(1, 4))
    mpi('0.25', '0.25')
    """
    num = ctx.mpf(value.numerator)
    return num if value.denominator == 1 else num / value.denominator


def enclose(roots: Sequence[Expr], point: Mapping[str, Fraction], prec: int) -> Enclosure:
    """Every node of ``roots`` at ``point`` with ``prec`` bits (iterative: any depth).

    Raises ``UnsupportedError`` for what has no numeric value at all (an abstract
    function, a pending derivative, a variable missing from the point).

    >>> from symdiff.core.expr import Var, call
    >>> x = Var("x")
    >>> e = enclose([call("max", x, 1 - x)], {"x": Fraction(2)}, 53)
    >>> e.values[e.roots[0]], e.sides
    (mpi('2.0', '2.0'), (0,))
    """
    ctx = context(prec)
    values: dict[Expr, Any] = {}
    sides: list[int] = []
    reasons: dict[Expr, str] = {}
    varies: set[Expr] = set()  # nodes that depend on a variable
    for root in roots:
        for node in postorder(root):
            if node in values:
                continue
            if isinstance(node, Var) or any(c in varies for c in node.children):
                varies.add(node)
            kids = [values[c] for c in node.children]
            if any(k is None for k in kids):
                values[node] = None
                reasons[node] = next(reasons[c] for c in node.children if values[c] is None)
                continue
            try:
                try:
                    value = _value(ctx, node, kids, point, sides, node not in varies)
                except _NoValue:
                    value = None if node in varies else _exact_constant(ctx, node)
                    if value is None:
                        raise
                    sides.append(0)
                values[node] = _finite(ctx, value)
            except _NoValue as exc:
                values[node] = None
                reasons[node] = f"{exc} in {_show(node)}"
    why = next((reasons[r] for r in roots if values[r] is None), None)
    top, lost = 0, False
    for node, v in values.items():
        if v is None:
            continue
        size = log2_size(v)
        top = max(top, size if size is not None else 0)
        if isinstance(node, Add) and not lost:
            sizes = [s for k in node.children
                     if _signed(values[k]) and (s := log2_size(values[k])) is not None]  # fmt: skip
            lost = bool(sizes) and min(sizes) < max(sizes) - prec + MARGIN
    return Enclosure(tuple(roots), values, tuple(sides), why, top, lost)


def _signed(u: Any) -> bool:
    """Whether the interval lies on one side of 0."""
    return positive(u) or negative(u)


def log2_size(u: Any) -> int | None:
    """log2 of the larger end's magnitude, rounded up; None for the point 0.

    Read from the raw ends (sign, mantissa, exponent, bit count): no conversions.

    >>> log2_size(context(53).mpf([-5, 3])), log2_size(context(53).mpf(0))
    (3, None)
    """
    tops = [int(e[2] + e[3]) for e in u._mpi_ if e[1]]
    return max(tops) if tops else None


def _exact_constant(ctx: Any, node: Expr) -> Any:
    """A constant's exact value from symdiff's evaluator, if rational (``max(4/3, 2/3 + 2/3)``).

    Decides a tie of a piecewise function of constants, which intervals cannot.
    """
    try:
        value = evaluate_nodes(node, {})[node]
    except SymdiffError:
        return None
    return rational(ctx, value) if isinstance(value, Fraction) else None


def _value(ctx: Any, node: Expr, kids: list[Any], point: Mapping[str, Fraction],
           sides: list[int], fixed: bool) -> Any:  # fmt: skip
    """One node's interval from its children's.

    A piecewise function of a constant (``fixed``) at its tie has its value there
    (``abs(0) = 0``, ``1(1 > 1) = 0``): it is no kink, nothing varies.
    """
    match node:
        case Num():
            return rational(ctx, node.value)
        case Var():
            if node.name not in point:
                raise UnsupportedError(f"no value given for {node.name}")
            return rational(ctx, point[node.name])
        case Const():
            return ctx.e if node.name == "e" else ctx.pi
        case Add():
            return ctx.fsum(kids) if kids else ctx.mpf(0)
        case Mul():
            total = ctx.mpf(1)
            for k in kids:
                total = total * k
            return total
        case Pow():
            return _power(ctx, kids[0], kids[1])
        case Indicator():
            side = _sign(kids[0] - kids[1], "at the tie", fixed=fixed)
            sides.append(side)
            return ctx.mpf(1 if side > 0 else 0)
        case Derivative():
            raise UnsupportedError(f"cannot evaluate the pending derivative {_show(node)}")
        case Call() if not node.deriv and node.name in SPELLINGS:
            return _call(ctx, SPELLINGS[node.name].name, kids, sides, fixed)
        case Call():
            raise UnsupportedError(f"cannot evaluate the abstract function {_show(node)}")
    raise UnsupportedError(f"cannot evaluate {_show(node)}")


def _call(ctx: Any, name: str, kids: list[Any], sides: list[int], fixed: bool) -> Any:
    """A known function's interval: mpmath's, or built from its definition."""
    u = kids[0]
    if name in ("exp", "tanh", "sigmoid", "sinh", "cosh", "coth", "sech", "csch") and (
        _bits(u) > MAX_EXP_ARGUMENT.bit_length()
    ):
        raise _NoValue("a value too large to compute")
    if name in ("softplus", "logsigmoid", "logsumexp") and any(
            _bits(k) > MAX_EXP_ARGUMENT.bit_length() for k in kids):  # fmt: skip
        raise _NoValue("a value too large to compute")
    if name in ("sin", "cos", "tan", "sec", "csc", "cot") and _bits(u) > MAX_TRIG_BITS:
        raise _NoValue("an argument too large to reduce")
    # the special functions: the last argument bounded as exp's (sinc, besselj: as sin's)
    special = ("gamma", "lgamma", "erf", "erfc", "digamma", "polygamma", "lambertw")
    if name in special and _bits(kids[-1]) > MAX_EXP_ARGUMENT.bit_length():
        raise _NoValue("a value too large to compute")
    if name in ("sinc", "besselj") and _bits(kids[-1]) > MAX_TRIG_BITS:
        raise _NoValue("an argument too large to reduce")
    row = FUNCTIONS[name]
    if row.interval is not None:
        try:
            return row.interval(ctx, kids)
        except (ValueError, ZeroDivisionError) as exc:  # an argument reaches outside the domain
            raise _NoValue("at the boundary of its domain") from exc
    if name == "log":
        _sign(u, "at the boundary of its domain", "logarithm of a non-positive number", True)
        return ctx.log(u)
    if name == "sqrt":
        if _is_zero(u):
            return ctx.mpf(0)
        _sign(u, "at the boundary of its domain", "square root of a negative number", True)
        return ctx.sqrt(u)
    if name in ("abs", "relu") and not (fixed or positive(u) or negative(u)):
        sides.append(TIE)  # continuous at its kink: the interval of both branches
        return abs(u) if name == "abs" else ctx.mpf([0, u.b])
    if name in ("abs", "relu", "sign"):
        side = _sign(u, "at its kink", fixed=fixed)
        sides.append(side)
        return {"abs": u * side, "relu": u if side > 0 else ctx.mpf(0), "sign": ctx.mpf(side)}[name]
    if name in ("max", "min"):
        try:
            pick = _winner(kids, name == "max", fixed)
        except _NoValue:
            if fixed:
                raise
            sides.append(TIE)  # continuous at a tie: the interval of every branch
            return _hull(ctx, kids, name == "max")
        sides.append(pick)
        return kids[pick]
    if name in ("floor", "ceil"):
        return _whole_part(ctx, u, name == "floor", sides)
    raise UnsupportedError(f"no high-precision value for {name}")


def _whole_part(ctx: Any, u: Any, down: bool, sides: list[int]) -> Any:
    """floor (``down``) or ceil of an interval strictly between whole numbers k and k + 1.

    An interval holding a whole number is on a jump: no value (a constant's comes from
    the evaluator).  The side recorded is k, so a finite difference sees a jump crossed.
    """
    if _bits(u) > MAX_TRIG_BITS:
        raise _NoValue("an argument too large to round")
    (k, lo_whole), (k_hi, _) = (_floor_end(end) for end in u._mpi_)
    if lo_whole or k != k_hi:
        raise _NoValue("at a jump")
    sides.append(k)
    return ctx.mpf(k if down else k + 1)


def _floor_end(end: Any) -> tuple[int, bool]:
    """floor of a raw mpmath number (sign, mantissa, exponent, bits), and whether it is whole."""
    sign, man, exp, _ = end
    if not man or exp >= 0:
        return (-1) ** sign * man << max(exp, 0), True
    whole, rest = divmod(man, 1 << -exp)
    if sign:
        return -whole - (1 if rest else 0), not rest
    return whole, not rest


def _hull(ctx: Any, kids: list[Any], largest: bool) -> Any:
    """An interval holding the max (min) of intervals that overlap."""

    def pick(a: Any, b: Any) -> Any:
        return a if (a > b) is largest else b

    lo, hi = kids[0].a, kids[0].b
    for k in kids[1:]:
        lo, hi = pick(lo, k.a), pick(hi, k.b)
    return ctx.mpf([lo, hi])


def _winner(kids: list[Any], largest: bool, fixed: bool) -> int:
    """The index of the argument that is definitely the largest (smallest); else no value.

    Constant arguments (``fixed``) that are all exactly equal give the first.
    """
    for i, k in enumerate(kids):
        others = [o for j, o in enumerate(kids) if j != i]
        if all(positive(k - o) if largest else negative(k - o) for o in others):
            return i
    if fixed and all(_is_zero(k - kids[0]) for k in kids):
        return 0
    raise _NoValue("at a tie")


def _sign(u: Any, tie: str, negative_text: str = "", positive_only: bool = False,
          fixed: bool = False) -> int:  # fmt: skip
    """+1 or -1 when the interval is on one side of 0; otherwise no value (``tie``).

    0 for a constant (``fixed``) exactly 0.
    """
    if positive(u):
        return 1
    if fixed and not positive_only and _is_zero(u):
        return 0
    if positive_only:
        hi = u._mpi_[1]
        raise _NoValue(negative_text if hi[0] == 1 or hi == (0, 0, 0, 0) else tie)
    if negative(u):
        return -1
    raise _NoValue(tie)


def positive(u: Any) -> bool:
    """Whether the interval lies above 0 (read from its raw ends: no conversions).

    >>> positive(context(53).mpf([1, 2])), positive(context(53).mpf([0, 2]))
    (True, False)
    """
    sign, man, _, _ = u._mpi_[0]
    return bool(sign == 0 and man)


def negative(u: Any) -> bool:
    """Whether the interval lies below 0.

    >>> negative(context(53).mpf([-2, -1])), negative(context(53).mpf([-2, 0]))
    (True, False)
    """
    sign, man, _, _ = u._mpi_[1]
    return bool(sign == 1 and man)


def _is_zero(u: Any) -> bool:
    return bool(u._mpi_[0] == u._mpi_[1] == (0, 0, 0, 0))


def _integer(u: Any) -> int | None:
    """The integer the interval is exactly, else None."""
    lo, hi = u._mpi_
    sign, man, exp, _ = lo
    if lo != hi or (man and exp < 0) or (not man and lo != (0, 0, 0, 0)):
        return None
    return int((-1) ** sign * man << exp) if man else 0


def _power(ctx: Any, b: Any, n: Any) -> Any:
    """``b^n``: integer exponents for any base, others for a positive base only."""
    k = _integer(n)
    if _is_zero(b):
        if positive(n):
            return ctx.mpf(0)
        if _is_zero(n):
            return ctx.mpf(1)
        raise _NoValue("division by zero")
    straddles = not (positive(b) or negative(b))
    if straddles and not (k is not None and k >= 0):
        raise _NoValue("division by zero" if k is not None else "a base at the edge of its domain")
    if k is None and negative(b):
        raise _NoValue("a negative base to a non-integer power")
    log_size = _bits(b) if straddles else max(_bits(b), _bits(1 / b))
    if _bits(n) + log_size.bit_length() > MAX_POWER_BITS.bit_length():
        raise _NoValue("a value too large to compute")
    return b**k if k is not None else ctx.exp(n * ctx.log(b))


def _bits(u: Any) -> int:
    """An upper bound on log2 of the interval's magnitude, at least 0."""
    out = 0
    for end in u._mpi_:
        _, man, exp, bc = end
        if man:
            out = max(out, exp + bc)
        elif exp or bc:  # inf or nan
            raise _NoValue("an unbounded value")
    return out


def _finite(ctx: Any, u: Any) -> Any:
    _bits(u)  # raises for an infinite or undefined end
    return u


def to_value(u: Any) -> Fraction | float | None:
    """The interval's midpoint: a Fraction when the interval is a point, else a float.

    None when it does not fit a float.

    >>> to_value(context(53).mpf(3)), to_value(context(53).mpf([1, 2]))
    (Fraction(3, 1), 1.5)
    """
    from mpmath.libmp import to_float, to_man_exp

    lo, hi = u._mpi_
    try:
        if lo == hi:
            man, exp = to_man_exp(lo)
            if abs(exp) < 4096:
                return Fraction(int(man)) * Fraction(2) ** int(exp)
        value: float = (to_float(lo) + to_float(hi)) / 2
    except OverflowError:
        return None
    return value if abs(value) != float("inf") else None


def _show(node: Expr) -> str:
    try:
        text = str(node)
    except Exception:  # a message must never hide the reason it gives
        text = f"a {type(node).__name__} node"
    return text if len(text) <= 60 else text[:57] + "..."
