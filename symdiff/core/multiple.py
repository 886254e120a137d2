"""Exact irrational numbers: a rational multiple of π, of e, of a square root or of a logarithm.

:class:`Multiple` is the exact value type beside ``Fraction``: the evaluator carries
``pi/2`` as ``Multiple(1/2)`` so that functions meet their special points exactly
(``sin(pi/2) = 1``, ``tan(pi/2)`` a pole), and the function table's ``exact`` facet
gives values such as ``asin(1) = π/2`` or ``sin(π/3) = √3/2`` as one.

>>> str(Multiple(Fraction(3, 4)) * 2), str(Multiple(Fraction(1, 2), "sqrt", 3))
('3*pi/2', 'sqrt(3)/2')

Logarithms of whole numbers are exact too, as multiples of ``log(n)`` and of ``1/log(n)``
(``n`` not a perfect power): ``log(8)/log(2)`` is exactly 3, so ``log2(8) = 3``.

>>> three_log2, per_log2 = Multiple(Fraction(3), "log", 2), Multiple(Fraction(1), "inverse-log", 2)
>>> three_log2 * per_log2, three_log2 / Multiple(Fraction(1), "log", 2), str(per_log2)
(Fraction(3, 1), Fraction(3, 1), '1/log(2)')
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

# π and e to 60 digits after the point: enough to order q·π (or q·e) against a rational
# exactly unless the two agree to some 55 digits (then their floats are compared)
_DIGITS = {
    "pi": "3.141592653589793238462643383279502884197169399375105820974944",
    "e": "2.718281828459045235360287471352662497757247093699959574966967",
}
_BOUNDS = {k: (Fraction(v), Fraction(v) + Fraction(1, 10**60)) for k, v in _DIGITS.items()}
_FLOATS = {"pi": math.pi, "e": math.e}
# the logarithm units: q·log(n) and q/log(n), for an integer n >= 2 that is not a perfect power
LOGS = ("log", "inverse-log")
MAX_RADICAND = 10**6  # √n is an exact unit for a square-free integer 2 <= n < MAX_RADICAND


def square_free(n: int) -> bool:
    """Whether ``2 <= n < MAX_RADICAND`` has no square factor (so √n is a unit).

    >>> square_free(6), square_free(12), square_free(1)
    (True, False, False)
    """
    if not 2 <= n < MAX_RADICAND:
        return False
    k = 2
    while k * k <= n:
        if n % (k * k) == 0:
            return False
        k += 1
    return True


Rational = int | Fraction


@dataclass(frozen=True, slots=True)
class Multiple:
    """The real number ``q·π``, ``q·e`` or ``q·√n``: a nonzero rational ``q`` times a unit.

    ``name`` is ``"pi"``, ``"e"`` or ``"sqrt"`` (then ``root`` is the square-free
    integer ``n >= 2``).  The exact values of functions at their special points that
    are not rational (``asin(1) = π/2``, ``sin(π/3) = √3/2``) and the exact arguments
    that reach them (``sin(π/2) = 1``).  Sums of multiples of one unit and products
    with rationals stay exact, as do products and integer powers of square roots
    (``(√2/2)^-2 = 2``); anything else gives a float (``π + 1``, ``π·π``).
    Comparisons with numbers are exact.

    >>> half_pi = Multiple(Fraction(1, 2))
    >>> half_pi * 2, -half_pi + half_pi, str(half_pi * 3)
    (Multiple(q=Fraction(1, 1), name='pi', root=1), Fraction(0, 1), '3*pi/2')
    >>> half_pi > Fraction(157, 100), float(half_pi), half_pi + 1, int(-half_pi * 3)
    (True, 1.5707963267948966, 2.5707963267948966, -4)
    >>> r2 = Multiple(Fraction(1, 2), "sqrt", 2)
    >>> str(r2), r2 * r2, r2.power(-2), str(r2 * Multiple(Fraction(1), "sqrt", 3))
    ('sqrt(2)/2', Fraction(1, 2), Fraction(2, 1), 'sqrt(6)/2')
    """

    q: Fraction
    name: str = "pi"
    root: int = 1

    def __float__(self) -> float:
        if self.name in LOGS:
            log = math.log(self.root)
            return float(self.q) * log if self.name == "log" else float(self.q) / log
        if self.name == "sqrt":
            return float(self.q) * math.sqrt(self.root)
        return float(self.q) * _FLOATS[self.name]

    def __int__(self) -> int:
        """Truncated toward 0, exactly (as ``int`` of a ``Fraction``)."""
        q = self.q
        if self.name in LOGS:
            return math.trunc(float(self))
        if self.name == "sqrt":  # floor(√y) = isqrt(floor(y)) for y = q²·n
            whole = math.isqrt(math.floor(q * q * self.root))
            return whole if q > 0 else -whole
        low, high = (math.trunc(q * b) for b in _BOUNDS[self.name])
        return low if low == high else math.trunc(float(self))

    __trunc__ = __int__

    def unit_text(self) -> str:
        """The unit as written: ``pi``, ``e``, ``sqrt(2)``, ``log(2)``, ``1/log(2)``."""
        if self.name in LOGS:
            return f"{'' if self.name == 'log' else '1/'}log({self.root})"
        return f"sqrt({self.root})" if self.name == "sqrt" else self.name

    def __str__(self) -> str:
        n, d = self.q.numerator, self.q.denominator
        unit = self.unit_text()
        if self.name == "inverse-log":  # n/(d·log(r))
            below = f"log({self.root})" if d == 1 else f"({d}*log({self.root}))"
            return f"{n}/{below}"
        head = unit if abs(n) == 1 else f"{abs(n)}*{unit}"
        return ("-" if n < 0 else "") + head + (f"/{d}" if d != 1 else "")

    def _like(self, q: Rational) -> Fraction | Multiple:
        """``q`` times this unit (0 when q is)."""
        return Multiple(Fraction(q), self.name, self.root) if q else Fraction(0)

    def _same(self, other: object) -> Fraction | None:
        """``other``'s q when it is a multiple of the same unit."""
        if isinstance(other, Multiple) and (other.name, other.root) == (self.name, self.root):
            return other.q
        return None

    def __neg__(self) -> Multiple:
        return Multiple(-self.q, self.name, self.root)

    def __abs__(self) -> Multiple:
        return Multiple(abs(self.q), self.name, self.root)

    def __add__(self, other: object) -> Fraction | float | Multiple:
        q = self._same(other)
        if q is not None:
            return self._like(self.q + q)
        if other == 0 and isinstance(other, int | Fraction):
            return self
        if isinstance(other, int | Fraction | float | Multiple):
            return float(self) + float(other)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other: object) -> Fraction | float | Multiple:
        if isinstance(other, int | Fraction | float | Multiple):
            return self + (-other)
        return NotImplemented

    def __rsub__(self, other: object) -> Fraction | float | Multiple:
        return -self + other

    def __mul__(self, other: object) -> Fraction | float | Multiple:
        if isinstance(other, int | Fraction):
            return self._like(self.q * other)
        if isinstance(other, Multiple) and self.name == other.name == "sqrt":
            g = math.gcd(self.root, other.root)  # √a·√b = g·√(a·b/g²), a and b square-free
            rest = (self.root // g) * (other.root // g)
            q = self.q * other.q * g
            return q if rest == 1 else Multiple(q, "sqrt", rest)
        if isinstance(other, Multiple) and {self.name, other.name} == set(LOGS):
            if self.root == other.root:  # q·log(n) · r/log(n) = q·r
                return self.q * other.q
        if isinstance(other, float | Multiple):
            return float(self) * float(other)
        return NotImplemented

    __rmul__ = __mul__

    def inverse(self) -> float | Multiple:
        """``1/self``: exact for a square root (1/(q√n) = √n/(q·n)) or a logarithm, else a float."""
        if self.name in LOGS:
            return Multiple(1 / self.q, LOGS[self.name == "log"], self.root)
        if self.name == "sqrt":
            return Multiple(1 / (self.q * self.root), "sqrt", self.root)
        return 1 / float(self)

    def power(self, k: int) -> Fraction | float | Multiple:
        """``self^k`` for an integer ``k``: exact for a square root, else a float (k not 0, 1)."""
        if k == 0:
            return Fraction(1)
        if k == 1:
            return self
        if k == -1 and self.name in LOGS:
            return self.inverse()
        if self.name != "sqrt":
            return math.pow(float(self), k)
        base = self if k > 0 else self.inverse()
        assert isinstance(base, Multiple)  # a square root's inverse is one
        k = abs(k)
        whole = base.q**k * Fraction(base.root) ** (k // 2)
        return whole if k % 2 == 0 else Multiple(whole, "sqrt", base.root)

    def __truediv__(self, other: object) -> Fraction | float | Multiple:
        if isinstance(other, int | Fraction):
            return Multiple(self.q / other, self.name, self.root)  # ZeroDivisionError for 0
        if isinstance(other, Multiple):
            return self * other.inverse()
        if isinstance(other, float):
            return float(self) / other
        return NotImplemented

    def __rtruediv__(self, other: object) -> Fraction | float | Multiple:
        if isinstance(other, int | Fraction | float):
            return other * self.inverse()
        return NotImplemented

    def _compare(self, other: object) -> int | None:
        """-1, 0 or 1 as ``self`` is below, equal to or above ``other`` (None: not a number)."""
        q = self._same(other)
        if q is not None:
            return (self.q > q) - (self.q < q)
        if isinstance(other, int | Fraction) and self.name not in LOGS:
            if self.name == "sqrt":  # q√n against r: by sign, then by square
                if (self.q > 0) != (other > 0):
                    return 1 if self.q > 0 else -1
                bigger = self.q * self.q * self.root > other * other
                return (1 if bigger else -1) * (1 if self.q > 0 else -1)
            low, high = (self.q * b for b in _BOUNDS[self.name])
            low, high = min(low, high), max(low, high)
            if high < other:
                return -1
            if low > other:
                return 1
        if isinstance(other, int | Fraction | float | Multiple):
            a, b = float(self), float(other)
            return (a > b) - (a < b)
        return None

    def __eq__(self, other: object) -> bool:
        c = self._compare(other)
        return c == 0 if c is not None else NotImplemented

    def __hash__(self) -> int:
        return hash((self.q, self.name, self.root))

    def __lt__(self, other: object) -> bool:
        c = self._compare(other)
        return c < 0 if c is not None else NotImplemented

    def __le__(self, other: object) -> bool:
        c = self._compare(other)
        return c <= 0 if c is not None else NotImplemented

    def __gt__(self, other: object) -> bool:
        c = self._compare(other)
        return c > 0 if c is not None else NotImplemented

    def __ge__(self, other: object) -> bool:
        c = self._compare(other)
        return c >= 0 if c is not None else NotImplemented


def pi_turns(value: object) -> Fraction | None:
    """The rational ``q`` with ``value = q·π`` exactly (0 for the number 0), or None.

    >>> pi_turns(Multiple(Fraction(1, 2))), pi_turns(Fraction(0)), pi_turns(1.5)
    (Fraction(1, 2), Fraction(0, 1), None)
    """
    if isinstance(value, Multiple):
        return value.q if value.name == "pi" else None
    if isinstance(value, Fraction) and value == 0:
        return Fraction(0)
    return None
