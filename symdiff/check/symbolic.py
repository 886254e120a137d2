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

from ..core.expr import Expr
from ..core.walk import count_nodes
from ..errors import SymdiffError, UnsupportedError
from .points import Verdict, close, points, value_at

INSTALL = 'pip install "symdiff[check]"'
MAX_SYMBOLIC_NODES = 400  # larger differences are compared numerically only


def _sympy() -> Any:
    try:
        import sympy
    except ImportError:
        raise SymdiffError(f"checking against SymPy needs SymPy: {INSTALL}") from None
    return sympy


def sympy_equal(a: Expr, b: Expr) -> bool:
    """Whether SymPy simplifies ``a - b`` to zero.

    >>> from symdiff.core.expr import Var, call
    >>> x = Var("x")
    >>> sympy_equal(call("sin", x) ** 2 + call("cos", x) ** 2, x ** 0)
    True
    """
    sympy = _sympy()
    return bool(sympy.simplify(a.to_sympy() - b.to_sympy()) == 0)


def _number(value: Any) -> float | None:
    """A finite real float from a SymPy value, or None."""
    try:
        number = complex(value)
    except (TypeError, ValueError):
        return None
    ok = number.imag == 0 and abs(number.real) != float("inf") and number.real == number.real
    return number.real if ok else None


def check_with_sympy(source: Expr, result: Expr, wrt: Sequence[str], *, seed: int = 0) -> Verdict:
    """Compare ``result`` with SymPy's derivative of ``source`` by ``wrt`` (in order).

    Symbolically first (``simplify(ours - theirs) == 0``, for smaller expressions),
    else numerically at points away from ties and singularities.
    """
    sympy = _sympy()
    theirs = source.to_sympy()
    for name in wrt:
        theirs = sympy.diff(theirs, sympy.Symbol(name, real=True))
    ours = result.to_sympy()
    small = count_nodes(source) + count_nodes(result) <= MAX_SYMBOLIC_NODES
    if small and sympy.simplify(ours - theirs) == 0:
        return Verdict(True, result, source, "agrees symbolically")
    names = sorted({s.name for s in (ours - theirs).free_symbols}) or ["x"]
    agree = 0
    for point in points(names, seed):
        try:
            mine = value_at(result, point)
        except UnsupportedError as exc:  # abstract functions: symbolic only
            return Verdict(False, result, source, f"undecided: {exc}", decided=False)
        if mine is None or value_at(source, point) is None:
            continue
        subs = {sympy.Symbol(k, real=True): sympy.Rational(v.numerator, v.denominator)
                for k, v in point.items()}  # fmt: skip
        other = _number(theirs.subs(subs).evalf(30))
        if other is None:
            continue
        if not close(float(mine), other, rel=1e-9):
            return Verdict(False, result, source, "the values differ", point, mine, other)
        agree += 1
    if agree < 3:
        how = f"undecided: only {agree} usable points"
        return Verdict(False, result, source, how, decided=False)
    return Verdict(True, result, source, f"agrees at {agree} points")
