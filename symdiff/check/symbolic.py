"""``--check``: compare symdiff's derivative with SymPy's, symbolically and at random points.

SymPy is an optional extra (``pip install "symdiff[check]"``) and is imported only
when a check runs, through :mod:`symdiff.check.bridge`.

>>> from symdiff.core.expr import Var
>>> x = Var("x")
>>> bool(check_with_sympy(x**3, 3 * x**2, ["x"]))
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.expr import Call, Const, Expr, Mul, Num, Pow, Var
from ..core.walk import count_nodes, postorder
from ..errors import SymdiffError, UnsupportedError
from ..limits import DEFAULT_LIMITS, Limits
from .points import Verdict, candidates
from .precise import context, enclose, to_value

INSTALL = 'pip install "symdiff[check]"'
MAX_SYMBOLIC_NODES = 400  # larger differences are compared numerically only
MAX_SYMPY_NODES = 20_000  # distinct nodes handed to SymPy at all (its trees do not share)
MAX_CONSTANT_BITS = 1 << 16  # bits of a constant SymPy is handed (it computes constants at once)
MAX_VALUE_BITS = 1 << 16  # bits of a value SymPy is asked to evaluate at a point
DIGITS = 40  # digits SymPy evaluates its derivative to


def _sympy() -> Any:
    try:
        import sympy
    except ImportError:
        raise SymdiffError(f"checking against SymPy needs SymPy: {INSTALL}") from None
    return sympy


def constant_bits(expr: Expr) -> float:
    """An upper bound on log2 of the largest constant in ``expr`` (inf: beyond counting).

    Estimated from the tree, without computing the constants: ``b^n`` has at most
    ``bits(b)·2^bits(n)`` bits, ``exp(u)`` at most ``2·2^bits(u)``.

    >>> from symdiff.parsing.parser import parse
    >>> constant_bits(parse("2^10 x")), constant_bits(parse("9^9^9^9 x"))
    (32.0, inf)
    """
    bits: dict[Expr, float | None] = {}  # None: depends on a variable
    largest = 0.0
    for node in postorder(expr):
        kids = [bits[c] for c in node.children]
        if isinstance(node, Var) or any(k is None for k in kids):
            bits[node] = None
            continue
        known = [k for k in kids if k is not None]
        match node:
            case Num():
                v = node.value
                b = float(max(v.numerator.bit_length(), v.denominator.bit_length()))
            case Const():
                b = 2.0
            case Pow():
                b = known[0] * 2.0 ** min(known[1], 1e4) if known[1] < 64 else float("inf")
            case Mul():
                b = sum(known)
            case Call() if node.name == "exp":
                b = 2.0 * 2.0 ** known[0] if known[0] < 64 else float("inf")
            case _:
                b = max(known, default=0.0) + 1.0
        bits[node] = b
        largest = max(largest, b)
    return largest


def refuse_large(*exprs: Expr) -> None:
    """Raise ``UnsupportedError`` ("cannot decide: …") for what SymPy could not finish.

    That is a constant of more than ``MAX_CONSTANT_BITS`` bits (SymPy computes
    ``9^9^9^9`` as soon as it is built) or more than ``MAX_SYMPY_NODES`` nodes.

    >>> from symdiff.parsing.parser import parse
    >>> refuse_large(parse("9^9^9^9 x"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    symdiff.errors.UnsupportedError: cannot decide: 9^(9^(9^9))*x has a constant of more ...
    """
    nodes = sum(count_nodes(e) for e in exprs)
    if nodes > MAX_SYMPY_NODES:
        raise UnsupportedError(
            f"cannot decide: {nodes} distinct nodes are more than SymPy is handed "
            f"({MAX_SYMPY_NODES})"
        )
    for e in exprs:
        if constant_bits(e) > MAX_CONSTANT_BITS:
            text = str(e)
            text = text if len(text) <= 60 else text[:57] + "..."
            raise UnsupportedError(
                f"cannot decide: {text} has a constant of more than {MAX_CONSTANT_BITS} bits, "
                "too large to hand to SymPy"
            )


def sympy_equal(a: Expr, b: Expr) -> bool:
    """Whether SymPy simplifies ``a - b`` to zero (constants too large for it are refused).

    >>> from symdiff.core.expr import Var, call
    >>> x = Var("x")
    >>> sympy_equal(call("sin", x) ** 2 + call("cos", x) ** 2, x ** 0)
    True
    """
    refuse_large(a, b)
    sympy = _sympy()
    return bool(sympy.simplify(a.to_sympy() - b.to_sympy()) == 0)


def check_with_sympy(
    source: Expr,
    result: Expr,
    wrt: Sequence[str],
    *,
    seed: int = 0,
    limits: Limits = DEFAULT_LIMITS,
) -> Verdict:
    """Compare ``result`` with SymPy's derivative of ``source`` by ``wrt`` (in order).

    Symbolically first (``simplify(ours - theirs) == 0``, for smaller expressions),
    else at sample points: symdiff's value as an interval (:mod:`symdiff.check.precise`)
    against SymPy's to 40 digits, agreeing within 10^-30 of their size.  Constants
    too large for SymPy are refused before it sees them (undecided, with the reason).

    >>> from symdiff.parsing.parser import parse
    >>> check_with_sympy(parse("9^9^9^9 x"), parse("9^9^9^9"), ["x"]).how[:40]
    'cannot decide: 9^(9^(9^9))*x has a const'
    """
    try:
        refuse_large(source, result)
    except UnsupportedError as exc:
        return Verdict(False, result, source, str(exc), decided=False)
    sympy = _sympy()
    theirs = source.to_sympy()
    for name in wrt:
        theirs = sympy.diff(theirs, sympy.Symbol(name, real=True))
    theirs = _flat_steps(sympy, theirs)
    ours = result.to_sympy()
    small = count_nodes(source) + count_nodes(result) <= MAX_SYMBOLIC_NODES
    if small and sympy.simplify(ours - theirs) == 0:
        return Verdict(True, result, source, "agrees symbolically")
    names = sorted({s.name for s in (ours - theirs).free_symbols}) or ["x"]
    agree = 0
    ctx = context(200)
    try:
        for point in candidates([result, source], names, seed, limits):
            limits.check_time("checking")
            e = enclose([result, source], point, 160)
            mine = e.values[result]
            if mine is None or e.values[source] is None or _bits(mine) > MAX_VALUE_BITS:
                continue
            subs = {sympy.Symbol(k, real=True): sympy.Rational(v.numerator, v.denominator)
                    for k, v in point.items()}  # fmt: skip
            other = _number(theirs.evalf(DIGITS, subs=subs))
            if other is None:
                continue
            value = ctx.mpf(other)
            size = abs(value) + abs(mine.a) + abs(mine.b)
            gap = mine - value
            low = gap.a if (gap.a > 0) is True else (-gap.b if (gap.b < 0) is True else 0)
            if (low > size / 10**30) is True:
                return Verdict(False, result, source, "the values differ", point,
                               to_value(mine), to_value(value))  # fmt: skip
            agree += 1
            if agree >= 40:
                break
    except UnsupportedError as exc:  # abstract functions: symbolic only
        return Verdict(False, result, source, f"cannot decide: {exc}", decided=False)
    if agree < 3:
        how = f"cannot decide: only {agree} usable points"
        return Verdict(False, result, source, how, decided=False)
    return Verdict(True, result, source, f"agrees at {agree} points")


def _flat_steps(sympy: Any, expr: Any) -> Any:
    """SymPy's unevaluated ``d/du floor(u)`` (``ceiling``) as 0, its value wherever it exists.

    Where it does not (u a whole number) symdiff's side has no value: the point is skipped.
    """

    def step_slope(e: Any) -> bool:
        inner = e.expr if isinstance(e, sympy.Subs) else e
        return isinstance(inner, sympy.Derivative) and isinstance(
            inner.expr, sympy.floor | sympy.ceiling
        )

    return expr.replace(step_slope, lambda e: sympy.Integer(0))


def _number(value: Any) -> str | None:
    """A finite real number from a SymPy value, as decimal text, or None."""
    if not getattr(value, "is_real", False) or not value.is_finite or not value.is_Number:
        return None
    return str(value)


def _bits(u: Any) -> int:
    """log2 of the interval's larger end, roughly."""
    from mpmath.libmp import mpf_abs

    return max(int(mpf_abs(e)[2] + mpf_abs(e)[3]) for e in u._mpi_)
