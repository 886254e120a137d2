"""Exponentials, logarithms and roots.

>>> [row.name for row in ROWS]
['exp', 'log', 'sqrt', 'cbrt']
>>> [short.name for short in SHORTHANDS]
['log', 'log10', 'log2', 'root', 'pow']
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from ..expr import Expr, Num, Pow, call, mul, pow_
from ..facets import (
    EVERYWHERE,
    HALF,
    ExactValue,
    Function,
    Shorthand,
    Value,
    at,
    exact_sqrt,
    real,
    unary,
    where,
)
from ..multiple import Multiple

E = Multiple(Fraction(1), "e")


def _log(vs: Sequence[Value]) -> float:
    u = vs[0]
    if isinstance(u, Fraction):  # math.log takes ints of any size
        return math.log(u.numerator) - math.log(u.denominator)
    return math.log(u)


def icbrt(n: int) -> int:
    """The integer cube root of ``n >= 0``, rounded down (Newton's method on integers).

    >>> icbrt(27), icbrt(28), icbrt(10**60 - 1), icbrt(0)
    (3, 3, 99999999999999999999, 0)
    """
    if n < 2:
        return n
    x = 1 << -(-n.bit_length() // 3)  # 2^⌈bits/3⌉ > ∛n: Newton decreases from above
    while True:
        y = (2 * x + n // (x * x)) // 3
        if y >= x:
            return x
        x = y


def exact_cbrt(vs: Sequence[Value]) -> Fraction | None:
    """The rational cube root of a rational u (negative too: ∛-8 = -2), or None.

    >>> exact_cbrt([Fraction(-27, 8)]), exact_cbrt([Fraction(2)]), exact_cbrt([1.0])
    (Fraction(-3, 2), None, None)
    """
    v = vs[0]
    if not isinstance(v, Fraction):
        return None
    top, bottom = abs(v.numerator), v.denominator
    n, d = icbrt(top), icbrt(bottom)
    if n**3 != top or d**3 != bottom:
        return None
    return Fraction(n if v >= 0 else -n, d)


def _cbrt_interval(ctx: Any, a: Sequence[Any]) -> Any:
    """∛ of an interval, from its ends (∛ increases): ∛c = ±exp(ln|c|/3), ∛0 = 0."""

    def end(c: Any) -> Any:
        if c == 0:
            return ctx.mpf(0)
        root = ctx.exp(ctx.log(abs(c)) / 3)
        return root if c > 0 else -root

    low, high = end(a[0].a), end(a[0].b)
    return ctx.mpf([low.a, high.b])


def perfect_power(n: int) -> tuple[int, int]:
    """``(b, k)`` with ``n = b^k`` and ``k`` as large as it goes, for an integer ``n >= 2``.

    >>> perfect_power(1000), perfect_power(64), perfect_power(12), perfect_power((2**100 + 1) ** 2)
    ((10, 3), (2, 6), (12, 1), (1267650600228229401496703205377, 2))
    """
    for k in range(n.bit_length(), 1, -1):
        b = round(n ** (1 / k)) if n.bit_length() <= 52 else _iroot(n, k)  # floats: exact
        for c in (b - 1, b, b + 1):
            if c >= 2 and c**k == n:
                return c, k
    return n, 1


def _iroot(n: int, k: int) -> int:
    """The integer k-th root of a large n, rounded down (Newton's method from above)."""
    x = 1 << -(-n.bit_length() // k)
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            return x
        x = y


MAX_LOG_BITS = 256  # log(n) is exact (a multiple of log(b)) for n or 1/n up to 2^256


def _log_exact(vs: Sequence[Value]) -> ExactValue | None:
    """log(1) = 0, log(e) = 1, and log(b^k) = k·log(b), log(1/b^k) = -k·log(b) for whole b.

    >>> _log_exact([Fraction(1000)]), _log_exact([Fraction(1, 8)]), _log_exact([Fraction(2, 3)])
    (Multiple(q=Fraction(3, 1), name='log', root=10), Multiple(q=Fraction(-3, 1), name='log', \
root=2), None)
    """
    u = vs[0]
    if u == 1:
        return Fraction(0)
    if u == E:
        return Fraction(1)
    if not isinstance(u, Fraction) or u <= 0 or 1 not in (u.numerator, u.denominator):
        return None
    n, sign = (u.numerator, 1) if u.denominator == 1 else (u.denominator, -1)
    if n.bit_length() > MAX_LOG_BITS:
        return None
    base, k = perfect_power(n)
    return Multiple(Fraction(sign * k), "log", base)


ROWS: tuple[Function, ...] = (
    Function("exp", 1, partial=unary(lambda u: call("exp", u)), exact=at(0, 1),
             real=real(math.exp), outside=EVERYWHERE,
             kinks="smooth", unicode="exp", latex=r"\exp", sympy="exp", builder="exp",
             code={"python": "math.exp({0})", "numpy": "np.exp({0})", "c": "exp({0})",
                   "jax": "jnp.exp({0})", "torch": "torch.exp({0})"},
             interval=lambda ctx, a: ctx.exp(a[0]), image="positive"),
    Function("log", 1, partial=unary(lambda u: pow_(u, -1)), exact=_log_exact,
             real=_log, outside=where(lambda v: v <= 0, "logarithm of the non-positive number"),
             kinks="smooth",
             unicode="ln", latex=r"\ln", sympy="log", builder="log", spellings=("ln",),
             code={"python": "math.log({0})", "numpy": "np.log({0})", "c": "log({0})",
                   "jax": "jnp.log({0})", "torch": "torch.log({0})"},
             edges=(Fraction(0),)),
    Function("sqrt", 1, partial=unary(lambda u: mul(Num(HALF), pow_(call("sqrt", u), -1))),
             exact=exact_sqrt, real=real(lambda t: math.pow(t, 0.5)),
             outside=where(lambda v: v < 0, "square root of the negative number"), kinks="smooth",
             unicode="sqrt", latex=r"\operatorname{sqrt}", sympy="sqrt", builder="sqrt",
             code={"python": "math.sqrt({0})", "numpy": "np.sqrt({0})", "c": "sqrt({0})",
                   "jax": "jnp.sqrt({0})", "torch": "torch.sqrt({0})"},
             edges=(Fraction(0),), image="nonnegative", root=2),
    Function("cbrt", 1,
             partial=unary(lambda u: mul(Num(Fraction(1, 3)), pow_(call("cbrt", u), -2))),
             exact=exact_cbrt, real=real(math.cbrt), outside=EVERYWHERE, kinks="smooth",
             unicode="cbrt", latex=r"\operatorname{cbrt}", sympy="sign(u)*abs(u)^(1/3)",
             builder="cbrt",
             code={"python": "math.cbrt({0})", "numpy": "np.cbrt({0})", "c": "cbrt({0})",
                   "jax": "jnp.cbrt({0})", "torch": "_cbrt({0})"},
             interval=_cbrt_interval, edges=(Fraction(0),), root=3),
)  # fmt: skip


def _log_base(a: tuple[Expr, ...]) -> Expr:
    """log(u, b) = ln(u)/ln(b)."""
    return mul(call("log", a[0]), pow_(call("log", a[1]), -1))


def _root(a: tuple[Expr, ...]) -> Expr:
    """root(u, n) = u^(1/n); the real roots sqrt(u) and cbrt(u) for n = 2, 3."""
    u, n = a
    if isinstance(n, Num) and n.value.denominator == 1 and n.value != 0:
        degree = n.value.numerator
        if degree in (2, 3):
            return call("sqrt" if degree == 2 else "cbrt", u)
        return Pow(u, Num(Fraction(1, degree)))
    return Pow(u, pow_(n, -1))


SHORTHANDS: tuple[Shorthand, ...] = (
    Shorthand("log", 2, _log_base, "log(x, b)", "logarithm to base b, ln(x)/ln(b)"),
    Shorthand("log10", 1, lambda a: _log_base((a[0], Num(10))), "log10(x)",
              "logarithm to base 10, also log_10(x), log₁₀ x"),
    Shorthand("log2", 1, lambda a: _log_base((a[0], Num(2))), "log2(x)",
              "logarithm to base 2, also log_2(x), log₂ x"),
    Shorthand("root", 2, _root, "root(x, n)",
              "x^(1/n): the real roots sqrt(x) for n = 2 and cbrt(x) for n = 3 (defined for "
              "x < 0); any other n, x^(1/n), defined for x ≥ 0 only"),
    Shorthand("pow", 2, lambda a: Pow(a[0], a[1]), "pow(a, b)", "a^b"),
)  # fmt: skip
