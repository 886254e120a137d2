"""Trigonometric values at rational multiples of π, and the poles.

The ``exact``, ``real`` and ``outside`` facets of the function table's trigonometric rows.
At a multiple of π/6 or π/4 each of sin, cos, tan, sec is ``c·√n`` (``c`` rational, ``n``
1, 2 or 3) or a pole.  The ``exact`` facet gives these values exactly: a ``Fraction``
(``sin(π/6) = 1/2``, ``tan(π/4) = 1``) or ``c·√n`` as a
:class:`~symdiff.core.multiple.Multiple` (``sin(π/3) = √3/2``), so that
``sec(π/4)² = 2`` exactly; a pole (``tan(π/2)``) is outside the domain.  Other
rational multiples of π (``π/5``) are evaluated as floats.

A *float* argument counts as a pole when it is within rounding of one:
``|cos u| ≤ 4·ulp(u)`` (the float nearest π/2 is 6e-17 from it, and ulp(π/2) is
2.2e-16); a float computation cannot tell such an argument from the pole.  Past
``|u| ≈ 2^50`` floats are too coarse for this to mean anything, and every one counts.

>>> from fractions import Fraction
>>> from symdiff.core.multiple import Multiple
>>> SIN.exact([Multiple(Fraction(5, 6))]), COS.exact([Multiple(Fraction(1))])
(Fraction(1, 2), Fraction(-1, 1))
>>> TAN.outside([Multiple(Fraction(1, 2))])
'pole of tan at pi/2'
>>> str(SIN.exact([Multiple(Fraction(1, 3))])), TAN.exact([Multiple(Fraction(-1, 4))])
('sqrt(3)/2', Fraction(-1, 1))
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


def _never(q: Fraction) -> bool:
    return False


def _never_float(u: float) -> bool:
    return False


SIN = Trig("sin", _sin, _never, math.sin, _never_float)
COS = Trig("cos", _cos, _never, math.cos, _never_float)
TAN = Trig("tan", _tan, _cos_pole, math.tan, _near_cos_zero)
SEC = Trig("sec", _sec, _cos_pole, lambda t: 1 / math.cos(t), _near_cos_zero)
