"""Trigonometric values at rational multiples of π, the poles, and the inverse functions' values.

The ``exact``, ``real`` and ``outside`` facets of the function table's trigonometric rows.
At a multiple of π/6 or π/4 each of sin, cos, tan, sec, csc, cot is ``c·√n`` (``c``
rational, ``n`` 1, 2 or 3) or a pole.  The ``exact`` facet gives these values exactly: a
``Fraction`` (``sin(π/6) = 1/2``, ``tan(π/4) = 1``) or ``c·√n`` as a
:class:`~symdiff.core.multiple.Multiple` (``sin(π/3) = √3/2``), so that
``sec(π/4)² = 2`` exactly; a pole (``tan(π/2)``) is outside the domain.  Other
rational multiples of π (``π/5``) are evaluated as floats.

A *float* argument counts as a pole when it is within rounding of one:
``|cos u| ≤ 4·ulp(u)`` (the float nearest π/2 is 6e-17 from it, and ulp(π/2) is
2.2e-16); a float computation cannot tell such an argument from the pole.  Past
``|u| ≈ 2^50`` floats are too coarse for this to mean anything, and every one counts.

The inverse functions read the same table backwards: ``asin(c·√n)`` is the multiple of
π whose sine is ``c·√n`` (``asin(1) = π/2``, ``atan(√3/3) = π/6``), and the others follow
from asin and atan: ``acos = π/2 − asin``, ``acot = π/2 − atan`` (values in (0, π), so acot
is continuous), ``asec(u) = acos(1/u)``, ``acsc(u) = asin(1/u)``; ``atan2(y, x)`` is
``atan(y/x)`` moved to the quadrant of (x, y), in (−π, π].

>>> from fractions import Fraction
>>> from symdiff.core.multiple import Multiple
>>> SIN.exact([Multiple(Fraction(5, 6))]), COS.exact([Multiple(Fraction(1))])
(Fraction(1, 2), Fraction(-1, 1))
>>> TAN.outside([Multiple(Fraction(1, 2))])
'pole of tan at pi/2'
>>> str(SIN.exact([Multiple(Fraction(1, 3))])), TAN.exact([Multiple(Fraction(-1, 4))])
('sqrt(3)/2', Fraction(-1, 1))
>>> str(asin_exact([Fraction(1)])), str(acot_exact([Fraction(-1)])), CSC.outside([Fraction(0)])
('pi/2', '3*pi/4', 'pole of csc at 0')
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .multiple import Multiple, pi_turns

Number = Fraction | float | Multiple
Surd = tuple[Fraction, int]  # c·√n

# sin(k·π/12) for k = 0..6 where it is c·√n (multiples of π/6 and of π/4 only)
_FIRST_QUADRANT: dict[int, Surd] = {
    0: (Fraction(0), 1),
    2: (Fraction(1, 2), 1),
    3: (Fraction(1, 2), 2),
    4: (Fraction(1, 2), 3),
    6: (Fraction(1), 1),
}


def _sin(q: Fraction) -> Surd | None:
    """sin(q·π) as c·√n, or None when q is not a multiple of 1/6 or 1/4."""
    k12 = q * 12
    if k12.denominator != 1:
        return None
    k = k12.numerator % 24  # sin has period 2π = 24 twelfths
    sign = 1
    if k >= 12:  # sin(t + π) = −sin(t)
        k, sign = k - 12, -1
    if k > 6:  # sin(π − t) = sin(t)
        k = 12 - k
    known = _FIRST_QUADRANT.get(k)
    return None if known is None else (sign * known[0], known[1])


def _cos(q: Fraction) -> Surd | None:
    return _sin(q + Fraction(1, 2))


def _ratio(top: Surd, bottom: Surd) -> Surd | None:
    """(a·√m)/(b·√n) as c·√r; None when b is 0 (a pole)."""
    (a, m), (b, n) = top, bottom
    if b == 0:
        return None
    if m == n:
        return (a / b, 1)
    return (a / (b * n), m * n)  # one of m, n is 1 at these points


def _tan(q: Fraction) -> Surd | None:
    s, c = _sin(q), _cos(q)
    return None if s is None or c is None else _ratio(s, c)


def _sec(q: Fraction) -> Surd | None:
    c = _cos(q)
    return None if c is None else _ratio((Fraction(1), 1), c)


def _csc(q: Fraction) -> Surd | None:
    s = _sin(q)
    return None if s is None else _ratio((Fraction(1), 1), s)


def _cot(q: Fraction) -> Surd | None:
    s, c = _sin(q), _cos(q)
    return None if s is None or c is None else _ratio(c, s)


@dataclass(frozen=True, slots=True)
class Trig:
    """One trigonometric function's facets at exact multiples of π.

    ``at`` gives f(q·π) as c·√n (None: not a special point, or a pole); ``pole`` says
    whether q·π is a pole; ``float_pole`` whether a float argument is within rounding of one.
    """

    name: str
    at: Callable[[Fraction], Surd | None]
    pole: Callable[[Fraction], bool]
    function: Callable[[float], float]
    float_pole: Callable[[float], bool]

    def exact(self, vs: Sequence[Number]) -> Fraction | Multiple | None:
        """The exact value c·√n at a special multiple of π (0 included), else None."""
        q = pi_turns(vs[0])
        if q is None or self.pole(q):
            return None
        known = self.at(q)
        if known is None:
            return None
        c, n = known
        return c if n == 1 or c == 0 else Multiple(c, "sqrt", n)

    def real(self, vs: Sequence[Number]) -> float:
        """The float value (of the exact one at a special multiple of π)."""
        exact = self.exact(vs)
        return self.function(float(vs[0])) if exact is None else float(exact)

    def outside(self, vs: Sequence[Number]) -> str | None:
        """``pole of tan at pi/2`` at an exact pole or a float within rounding of one."""
        v = vs[0]
        q = pi_turns(v)
        if q is not None:
            return f"pole of {self.name} at {v}" if self.pole(q) else None
        if isinstance(v, float) and self.float_pole(v):
            return f"pole of {self.name} within rounding of {v!r}"
        return None


def _cos_pole(q: Fraction) -> bool:
    return (q - Fraction(1, 2)).denominator == 1


def _near_cos_zero(u: float) -> bool:
    return abs(math.cos(u)) <= 4 * math.ulp(u)


def _sin_pole(q: Fraction) -> bool:
    return q.denominator == 1


def _near_sin_zero(u: float) -> bool:
    return abs(math.sin(u)) <= 4 * math.ulp(u)


def _never(q: Fraction) -> bool:
    return False


def _never_float(u: float) -> bool:
    return False


SIN = Trig("sin", _sin, _never, math.sin, _never_float)
COS = Trig("cos", _cos, _never, math.cos, _never_float)
TAN = Trig("tan", _tan, _cos_pole, math.tan, _near_cos_zero)
SEC = Trig("sec", _sec, _cos_pole, lambda t: 1 / math.cos(t), _near_cos_zero)
CSC = Trig("csc", _csc, _sin_pole, lambda t: 1 / math.sin(t), _near_sin_zero)
COT = Trig("cot", _cot, _sin_pole, lambda t: math.cos(t) / math.sin(t), _near_sin_zero)


# ----- the inverse functions: the tables above read backwards ------------------------------
def _surd(v: Number) -> Surd | None:
    """An exact argument as c·√n (a rational, or a rational multiple of a square root)."""
    if isinstance(v, Fraction):
        return (v, 1)
    if isinstance(v, Multiple) and v.name == "sqrt":
        return (v.q, v.root)
    return None


def _reciprocal(v: Number) -> Number | None:
    """1/v exactly (None for 0 or a float)."""
    if isinstance(v, float) or v == 0:
        return None
    if isinstance(v, Multiple):
        return v.inverse()
    return 1 / v


# sin(q·π) -> q for q in [-1/2, 1/2], tan(q·π) -> q for q in (-1/2, 1/2)
_ASIN: dict[Surd, Fraction] = {
    s: Fraction(k, 12) for k in range(-6, 7) if (s := _sin(Fraction(k, 12))) is not None
}
_ATAN: dict[Surd, Fraction] = {
    t: Fraction(k, 12) for k in range(-5, 6) if (t := _tan(Fraction(k, 12))) is not None
}


def _turns(table: dict[Surd, Fraction], v: Number | None) -> Fraction | None:
    surd = None if v is None else _surd(v)
    return None if surd is None else table.get(surd)


def _pi_times(q: Fraction | None) -> Fraction | Multiple | None:
    """q·π as an exact value (0 as the Fraction 0)."""
    if q is None:
        return None
    return Multiple(q) if q else Fraction(0)


def asin_exact(vs: Sequence[Number]) -> Fraction | Multiple | None:
    """asin(c·√n) at the special values: asin(1/2) = π/6, asin(−√2/2) = −π/4.

    >>> str(asin_exact([Fraction(1, 2)])), str(asin_exact([Multiple(Fraction(-1, 2), "sqrt", 2)]))
    ('pi/6', '-pi/4')
    """
    return _pi_times(_turns(_ASIN, vs[0]))


def acos_exact(vs: Sequence[Number]) -> Fraction | Multiple | None:
    """acos = π/2 − asin: acos(0) = π/2, acos(−1) = π, acos(1) = 0.

    >>> str(acos_exact([Fraction(0)])), str(acos_exact([Fraction(-1)])), acos_exact([Fraction(1)])
    ('pi/2', 'pi', Fraction(0, 1))
    """
    q = _turns(_ASIN, vs[0])
    return None if q is None else _pi_times(Fraction(1, 2) - q)


def atan_exact(vs: Sequence[Number]) -> Fraction | Multiple | None:
    """atan(c·√n) at the special values: atan(1) = π/4, atan(√3) = π/3.

    >>> str(atan_exact([Fraction(1)])), str(atan_exact([Multiple(Fraction(1), "sqrt", 3)]))
    ('pi/4', 'pi/3')
    """
    return _pi_times(_turns(_ATAN, vs[0]))


def acot_exact(vs: Sequence[Number]) -> Fraction | Multiple | None:
    """acot = π/2 − atan, in (0, π): acot(0) = π/2, acot(−1) = 3π/4.

    >>> str(acot_exact([Fraction(0)])), str(acot_exact([Fraction(-1)])), acot_exact([0.5])
    ('pi/2', '3*pi/4', None)
    """
    q = _turns(_ATAN, vs[0])
    return None if q is None else _pi_times(Fraction(1, 2) - q)


def asec_exact(vs: Sequence[Number]) -> Fraction | Multiple | None:
    """asec(u) = acos(1/u): asec(2) = π/3, asec(−1) = π.

    >>> str(asec_exact([Fraction(2)])), str(asec_exact([Fraction(-1)]))
    ('pi/3', 'pi')
    """
    return acos_exact([r]) if (r := _reciprocal(vs[0])) is not None else None


def acsc_exact(vs: Sequence[Number]) -> Fraction | Multiple | None:
    """acsc(u) = asin(1/u): acsc(2) = π/6, acsc(−1) = −π/2.

    >>> str(acsc_exact([Fraction(2)])), str(acsc_exact([Fraction(-1)]))
    ('pi/6', '-pi/2')
    """
    return asin_exact([r]) if (r := _reciprocal(vs[0])) is not None else None


def atan2_exact(vs: Sequence[Number]) -> Fraction | Multiple | None:
    """atan2(y, x), the angle of (x, y) in (−π, π], where atan(y/x) is special (or x = 0).

    >>> str(atan2_exact([Fraction(1), Fraction(-1)])), str(atan2_exact([Fraction(0), Fraction(-2)]))
    ('3*pi/4', 'pi')
    """
    y, x = vs
    if isinstance(y, float) or isinstance(x, float) or (x == 0 and y == 0):
        return None
    if x == 0:
        return Multiple(Fraction(1 if y > 0 else -1, 2))
    if y == 0:
        return Fraction(0) if x > 0 else Multiple(Fraction(1))
    q = _turns(_ATAN, y / x)
    if q is None:
        return None
    return _pi_times(q if x > 0 else q + 1 if y > 0 else q - 1)
