"""Axes a reader takes in at a glance: "nice" tick steps (1, 2 or 5 times a power of ten).

An :class:`Axis` is a range of values with its tick step; :func:`nice_axis` widens a
range outward to whole steps, :func:`fixed_axis` keeps a range the user chose and ticks
inside it.  Tick values are exact (``Fraction``), so a label never reads ``0.30000000000000004``.

>>> axis = nice_axis(-3.7, 3.7)
>>> axis.lo, axis.hi, [axis.label(t) for t in axis.ticks()]
(-4.0, 4.0, ['−4', '−3', '−2', '−1', '0', '1', '2', '3', '4'])
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

MANTISSAS = (1, 2, 5)  # a tick step is one of these times a power of ten
TARGET_TICKS = 8  # about this many ticks along an axis


def nice_step(span: float, target: int = TARGET_TICKS) -> tuple[int, int]:
    """The step ``m·10^e`` (m in 1, 2, 5) giving at most about ``target`` ticks over ``span``.

    >>> nice_step(10), nice_step(2.4), nice_step(0.003)
    ((2, 0), (5, -1), (5, -4))
    """
    raw = span / target
    exponent = math.floor(math.log10(raw))
    for mantissa in (*MANTISSAS, 10):
        if mantissa * 10.0**exponent >= raw * (1 - 1e-9):
            return (1, exponent + 1) if mantissa == 10 else (mantissa, exponent)
    raise AssertionError("unreachable: 10·10^e >= raw")  # pragma: no cover


@dataclass(frozen=True, slots=True)
class Axis:
    """A range ``lo..hi`` of one coordinate and its tick step ``mantissa·10^exponent``."""

    lo: float
    hi: float
    mantissa: int
    exponent: int

    @property
    def step(self) -> Fraction:
        """The tick step, exactly.

        >>> Axis(0, 1, 2, -1).step
        Fraction(1, 5)
        """
        return self.mantissa * Fraction(10) ** self.exponent

    def ticks(self) -> list[Fraction]:
        """The multiples of the step inside ``lo..hi``, exactly.

        >>> [str(t) for t in Axis(-0.5, 0.5, 2, -1).ticks()]
        ['-2/5', '-1/5', '0', '1/5', '2/5']
        """
        step = self.step
        first = math.ceil(Fraction(self.lo) / step - Fraction(1, 10**9))
        last = math.floor(Fraction(self.hi) / step + Fraction(1, 10**9))
        return [k * step for k in range(first, last + 1)]

    def label(self, value: Fraction) -> str:
        """A tick's text: as many decimals as the step has, a true minus sign.

        >>> Axis(0, 1, 5, -2).label(Fraction(-3, 20)), Axis(0, 1, 1, 3).label(Fraction(2000))
        ('−0.15', '2000')
        """
        decimals = max(0, -self.exponent)
        scaled = round(value * 10**decimals)
        digits = str(abs(scaled)).rjust(decimals + 1, "0")
        text = digits if decimals == 0 else f"{digits[:-decimals]}.{digits[-decimals:]}"
        return ("−" if scaled < 0 else "") + text


def nice_axis(lo: float, hi: float, target: int = TARGET_TICKS) -> Axis:
    """``lo..hi`` widened outward to whole tick steps (a zero-width range to ±1 around it).

    >>> a = nice_axis(-1.2, 1.2)
    >>> a.lo, a.hi, a.step
    (-1.5, 1.5, Fraction(1, 2))
    """
    if not hi - lo > 1e-12 * max(1.0, abs(lo), abs(hi)):
        lo, hi = lo - max(1.0, abs(lo) / 10), hi + max(1.0, abs(hi) / 10)
    mantissa, exponent = nice_step(hi - lo, target)
    step = mantissa * 10.0**exponent
    lo_ticks = math.floor(lo / step + 1e-9)
    hi_ticks = math.ceil(hi / step - 1e-9)
    return Axis(lo_ticks * step, hi_ticks * step, mantissa, exponent)


def fixed_axis(lo: float, hi: float, target: int = TARGET_TICKS) -> Axis:
    """``lo..hi`` exactly as given, ticked at a nice step inside it.

    >>> a = fixed_axis(-5, 5)
    >>> a.lo, a.hi, [a.label(t) for t in a.ticks()][:3]
    (-5, 5, ['−4', '−2', '0'])
    """
    mantissa, exponent = nice_step(hi - lo, target)
    return Axis(lo, hi, mantissa, exponent)


def robust_range(values: list[float], spread: float = 5.0) -> tuple[float, float] | None:
    """The range of ``values``, ignoring spikes (poles) that would flatten everything else.

    The whole range is kept unless it is more than ``spread`` times the range of the
    middle 80 % of the values; then that middle range, widened by half on each side
    (never beyond the values themselves).

    >>> robust_range([0.0, 1.0, 4.0])
    (0.0, 4.0)
    >>> robust_range([float(k) for k in range(-10, 11)] + [1e9])
    (-10.0, 17.5)
    """
    if not values:
        return None
    ordered = sorted(values)
    lo, hi = ordered[0], ordered[-1]
    inner_lo = ordered[len(ordered) // 10]
    inner_hi = ordered[-1 - len(ordered) // 10]
    inner = inner_hi - inner_lo
    if hi - lo <= spread * inner or (inner == 0 and hi - lo <= 1e-12):
        return lo, hi
    if inner == 0:
        return inner_lo - 1, inner_hi + 1
    return max(lo, inner_lo - inner / 2), min(hi, inner_hi + inner / 2)
