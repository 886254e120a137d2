"""Exact arithmetic with size bounds, each estimated *before* the work it bounds.

Powers fold only when small; products and sums only when they fit.

>>> fold_power(Fraction(4), Fraction(1, 2))
Fraction(2, 1)
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from math import log2

from ..errors import DomainError


def _root(n: int, k: int) -> int | None:
    """The exact ``k``-th root of ``n >= 0``, or None (integer Newton iteration)."""
    if n < 2:
        return n
    size = n.bit_length()
    if k >= size:
        return None
    x = 1 << -(-size // k)
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            break
        x = y
    return x if x**k == n else None


def _too_big(base: Fraction, exp: Fraction, max_bits: int) -> bool:
    """Whether ``base^exp`` may need more than ``max_bits`` bits (base not 0 or ±1)."""
    # |base^exp| has floor(|exp|·log2|base|) + 1 bits: more than max_bits when the product
    # reaches max_bits (numerator or denominator, whichever is larger)
    if abs(exp) >= max_bits:  # |log2 base| >= 1 for any other base
        return True
    size = max(log2(abs(base.numerator)), log2(base.denominator))
    return float(abs(exp)) * size >= max_bits


def fold_power(base: Fraction, exp: Fraction, max_bits: int = 4096) -> Fraction | None:
    """``base^exp`` exactly, or None when it is irrational, not real, or too big.

    >>> fold_power(Fraction(2), Fraction(4)), fold_power(Fraction(4), Fraction(-1, 2))
    (Fraction(16, 1), Fraction(1, 2))
    >>> fold_power(Fraction(2), Fraction(10**10)) is None
    True
    """
    if base == 0:
        if exp < 0:
            raise DomainError(f"division by zero: 0^{exp}")
        return Fraction(1 if exp == 0 else 0)
    if base == 1:
        return Fraction(1)
    if exp.denominator == 1:
        if base == -1:
            return Fraction(-1 if exp.numerator % 2 else 1)
        if _too_big(base, exp, max_bits):
            return None
        return base**exp.numerator
    if base < 0 or _too_big(base, exp, max_bits):
        return None
    n = _root(base.numerator, exp.denominator)
    d = _root(base.denominator, exp.denominator)
    if n is None or d is None:
        return None
    return Fraction(n, d) ** exp.numerator


def fits(values: list[Fraction], max_bits: int, *, total: bool = False) -> bool:
    """Whether a product (with ``total``: a sum) of ``values`` fits in ``max_bits`` bits.

    The bound is estimated from the sizes of the values, before computing anything.

    >>> fits([Fraction(10**300)] * 4, 4096), fits([Fraction(10**300)] * 5, 4096)
    (True, False)
    """
    if len(values) == 1 and not total:  # a product of one value: that value (the common case)
        n, d = values[0].numerator, values[0].denominator
        return (-1 <= n <= 1 or abs(n).bit_length() <= max_bits) and (
            d == 1 or d.bit_length() <= max_bits
        )
    if total:  # the common denominator divides the product of the distinct ones
        dens = sum(d.bit_length() for d in {v.denominator for v in values} if d > 1)
        nums = max(abs(v.numerator).bit_length() for v in values) + len(values).bit_length()
        return nums + dens <= max_bits
    dens = sum(v.denominator.bit_length() for v in values if v.denominator > 1)
    nums = sum(abs(v.numerator).bit_length() for v in values if abs(v.numerator) > 1)
    return nums <= max_bits and dens <= max_bits


def product(values: list[Fraction]) -> Fraction | int:
    """The product of ``values`` (1 for none), in integers while they are whole.

    >>> product([Fraction(2), Fraction(3)]), product([Fraction(1, 2), Fraction(4)])
    (6, Fraction(2, 1))
    """
    if all(v.denominator == 1 for v in values):  # integers: no fractions to reduce
        coef = 1
        for v in values:
            coef *= v.numerator
        return coef
    total = Fraction(1)
    for v in values:
        total *= v
    return total


Scalar = int | Fraction | float | Decimal


def to_fraction(value: Scalar | str) -> Fraction:
    """Exact value of a Python number or numeric string (floats by their repr).

    >>> to_fraction(0.1), to_fraction("1e-3")
    (Fraction(1, 10), Fraction(1, 1000))
    """
    if isinstance(value, Fraction):
        return value
    if isinstance(value, bool):
        return Fraction(int(value))
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"not a finite number: {value}")
        return Fraction(repr(value))
    if isinstance(value, Decimal):
        return Fraction(value)
    if isinstance(value, str):
        return Fraction(value)
    raise TypeError(f"not a number: {value!r}")
