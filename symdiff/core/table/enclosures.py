r"""Interval values of the special functions mpmath's interval context lacks.

The checker (:mod:`symdiff.check.precise`) needs each function's value as an interval
sure to hold it.  mpmath's interval context has ``gamma`` and ``loggamma``, but reaches
u < 0 by recursion on ``Γ(u) = Γ(u + 1)/u`` (one call deep per unit: ``gamma(-8000.5)``
overflows Python's stack), so here u ≤ 0 goes through the reflection formula
``Γ(u) = π/(sin(πu)·Γ(1 − u))``.  Its ``erf`` does not converge, and it has no
``digamma``, ``polygamma``, ``besselj`` or ``lambertw``.  These are built here from
mpmath's point values (:data:`GUARD` bits beyond the interval's precision ``p``), each
widened by ``2^-p`` of its size plus ``2^-2p``:

- a function monotone on the interval (``erf``, ``erfc``, ``lambertw``, ``ψ⁽ⁿ⁾`` for
  x > 0) lies between its values at the interval's ends;
- ``ψ⁽ⁿ⁾`` at x ≤ 0 is shifted right by its recurrence, ``ψ⁽ⁿ⁾(x) = ψ⁽ⁿ⁾(x + k) −
  (−1)ⁿ n! Σ_{j<k} (x + j)^-(n+1)``, the sum in interval arithmetic;
- ``J_n`` (n a whole number) is within the interval's radius of its value at the
  midpoint, since ``|J_n′| = |J_{n−1} − J_{n+1}|/2 ≤ 1``;
- ``sinc(u) = sin(u)/u`` in interval arithmetic away from 0, and ``[1 − m²/6, 1]``
  (m = max |u|) on an interval holding 0.

The bounds assume mpmath's point values are good to ``2^-p`` when computed with
``p + GUARD`` bits (its target is the working precision).  Where an interval reaches a
pole or outside the domain a ``ValueError`` says so (the checker then has no value).

>>> from mpmath.ctx_iv import MPIntervalContext
>>> iv = MPIntervalContext()
>>> y = monotone(iv, [iv.mpf([0.5, 0.75])], "erf", increasing=True)
>>> bool(y.a < 0.52049988 < 0.71115563 < y.b), bool(y.delta < 0.2)
(True, True)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ..facets import mp_context

GUARD = 40  # bits beyond the interval's precision for mpmath's point values
MAX_SHIFT = 1000  # steps of the polygamma recurrence (x ≥ -MAX_SHIFT), each a power
MAX_ORDER = 1000  # polygamma orders enclosed (higher: no value, the checker skips)

__all__ = ["besselj", "gamma", "lambertw", "lgamma", "monotone", "polygamma", "sinc"]


def _ends(mp: Any, u: Any) -> tuple[Any, Any]:
    """The interval's two ends as mpmath numbers of ``mp``."""
    lo, hi = u._mpi_
    return mp.make_mpf(lo), mp.make_mpf(hi)


def _widened(ctx: Any, mp: Any, value: Any) -> Any:
    """An interval around mpmath's point value: ±(2^-p·|value| + 2^-2p)."""
    if not isinstance(value, mp.mpf) or not mp.isfinite(value):
        raise ValueError("no real value here")
    point = ctx.mpf(value)
    unit = ctx.mpf(2) ** (-ctx.prec)
    return point + ctx.mpf([-1, 1]) * (abs(point) * unit + unit * unit)


def monotone(ctx: Any, a: Sequence[Any], name: str, *, increasing: bool) -> Any:
    """``name(u)`` for a function monotone on the interval ``u = a[-1]`` (earlier: fixed args).

    >>> from mpmath.ctx_iv import MPIntervalContext
    >>> iv = MPIntervalContext()
    >>> y = monotone(iv, [iv.mpf(1)], "erfc", increasing=False)
    >>> bool(y.a < 0.15729920705028513 < y.b)
    True
    """
    mp = mp_context(ctx.prec + GUARD)
    fixed = [mp.make_mpf(v._mpi_[0]) for v in a[:-1]]
    lo, hi = _ends(mp, a[-1])
    f = getattr(mp, name)
    low = _widened(ctx, mp, f(*fixed, lo))
    high = low if lo == hi else _widened(ctx, mp, f(*fixed, hi))
    if not increasing:
        low, high = high, low
    return ctx.mpf([low.a, high.b])


def gamma(ctx: Any, a: Sequence[Any]) -> Any:
    """Γ(u): mpmath's for u > 0, else by reflection, ``π/(sin(πu)·Γ(1 − u))``.

    >>> from mpmath.ctx_iv import MPIntervalContext
    >>> iv = MPIntervalContext()
    >>> y = gamma(iv, [iv.mpf(-8000.5)])
    >>> str(y)  # Γ(-8000.5) = -6.77492296501239...e-27755
    '[-6.774922965012392078e-27755, -6.774922965012387271e-27755]'
    """
    u = a[0]
    if (u > 0) is True:
        return ctx.gamma(u)
    return ctx.pi / (ctx.sin(ctx.pi * u) * ctx.gamma(1 - u))


def lgamma(ctx: Any, a: Sequence[Any]) -> Any:
    """ln|Γ(u)|: mpmath's for u > 0, else ``ln π − ln|sin(πu)| − ln Γ(1 − u)``.

    >>> from mpmath.ctx_iv import MPIntervalContext
    >>> iv = MPIntervalContext()
    >>> y = lgamma(iv, [iv.mpf(-2.5)])
    >>> bool(y.a < -0.05624371649767405 < y.b)
    True
    """
    u = a[0]
    if (u > 0) is True:
        return ctx.loggamma(u)
    return ctx.log(ctx.pi) - ctx.log(abs(ctx.sin(ctx.pi * u))) - ctx.loggamma(1 - u)


def _whole(mp: Any, u: Any) -> int | None:
    """The whole number the interval is exactly, else None."""
    lo, hi = _ends(mp, u)
    return int(lo) if lo == hi and mp.isint(lo) else None


def lambertw(ctx: Any, a: Sequence[Any]) -> Any:
    """W(u), the principal branch, for an interval above −1/e (W is increasing there).

    >>> from mpmath.ctx_iv import MPIntervalContext
    >>> iv = MPIntervalContext()
    >>> y = lambertw(iv, [iv.mpf(1)])
    >>> bool(y.a < 0.5671432904097838 < y.b)
    True
    """
    u = a[0]
    above = u.a + ctx.exp(-1) > 0  # True, False or None (not sure): an interval comparison
    if above is not True:
        raise ValueError("Lambert W below -1/e")
    return monotone(ctx, a, "lambertw", increasing=True)


def polygamma(ctx: Any, a: Sequence[Any]) -> Any:
    """ψ⁽ⁿ⁾(u) for a whole number n ≥ 0 (``a = [n, u]``); a ``ValueError`` at a pole.

    >>> from mpmath.ctx_iv import MPIntervalContext
    >>> iv = MPIntervalContext()
    >>> y = polygamma(iv, [iv.mpf(0), iv.mpf(-0.5)])
    >>> bool(y.a < 0.03648997397857652 < y.b)
    True
    """
    mp = mp_context(ctx.prec + GUARD)
    n = _whole(mp, a[0])
    if n is None or n < 0:
        raise ValueError("polygamma of an order that is not a whole number >= 0")
    if n > MAX_ORDER:
        raise ValueError("polygamma of an order too large to enclose")
    u = a[1]
    lo, hi = _ends(mp, u)
    shift = 0
    if lo <= 0:
        first = mp.ceil(lo)
        if first <= 0 and first <= hi:
            raise ValueError("polygamma at a pole")
        if -lo > MAX_SHIFT:
            raise ValueError("polygamma too far left of 0 to compute")
        shift = int(mp.ceil(-lo)) + 1
    base = monotone(ctx, [a[0], u + shift], "polygamma", increasing=n % 2 == 0)
    if not shift:
        return base
    total = ctx.mpf(0)
    for j in range(shift):
        total += 1 / (u + j) ** (n + 1)
    return base - (-1) ** n * math.factorial(n) * total


def besselj(ctx: Any, a: Sequence[Any]) -> Any:
    """J_n(u) for a whole number n (``a = [n, u]``): the midpoint's value ± the radius.

    >>> from mpmath.ctx_iv import MPIntervalContext
    >>> iv = MPIntervalContext()
    >>> y = besselj(iv, [iv.mpf(0), iv.mpf(1.5)])
    >>> bool(y.a < 0.5118276717359181 < y.b)
    True
    """
    mp = mp_context(ctx.prec + GUARD)
    n = _whole(mp, a[0])
    if n is None:
        raise ValueError("Bessel function of an order that is not a whole number")
    u = a[1]
    lo, hi = _ends(mp, u)
    mid = lo if lo == hi else (lo + hi) / 2
    value = _widened(ctx, mp, mp.besselj(n, mid))
    if lo == hi:
        return value
    radius = max(abs(u.b - ctx.mpf(mid)).b, abs(ctx.mpf(mid) - u.a).b)
    return value + ctx.mpf([-1, 1]) * radius


def sinc(ctx: Any, a: Sequence[Any]) -> Any:
    """sin(u)/u, and 1 − m²/6 ≤ sinc ≤ 1 on an interval holding 0 (m = max |u|).

    >>> from mpmath.ctx_iv import MPIntervalContext
    >>> iv = MPIntervalContext()
    >>> y = sinc(iv, [iv.mpf([-0.25, 0.5])])
    >>> bool(y.a <= 1 - 0.5**2 / 6 < 0.9589 < y.b == 1)
    True
    """
    u = a[0]
    if (u > 0) is True or (u < 0) is True:
        return ctx.sin(u) / u
    m = abs(u).b
    return ctx.mpf([(1 - m * m / 6).a, 1])
