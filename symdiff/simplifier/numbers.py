"""Pass ``combine-constants``: exact arithmetic on numbers, with a bound on their size.

In each product the number factors multiply into one leading coefficient (a
coefficient 1 is dropped); in each sum the number terms add into one number at
the place of the first.  A power of two numbers is folded when its result is
small: the size ``|exp|·log2|base|`` is estimated *before* computing, and a
power larger than ``limits.max_fold_bits`` bits stays a power (``2^(10^10)`` is
never computed); numbers whose product or sum could be larger stay apart.  A
fractional exponent folds only when the root is exact (``4^(1/2) → 2``).
``0^-1`` raises ``DomainError``.

>>> from symdiff.ast import Mul, Num, Pow, Var
>>> x = Var("x")
>>> combine_constants(Mul((Num(15), Pow(Num(2), Num(4)), Num(4), x))) is Mul((Num(960), x))
True
"""

from __future__ import annotations

from fractions import Fraction
from math import log2

from ..ast import ZERO, Add, Expr, Mul, Num, Pow, add, mul, transform
from ..errors import DomainError
from ..limits import DEFAULT_LIMITS, Limits
from .walk import rebuild


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
    if abs(exp) > max_bits:  # |log2 base| >= 1 for any other base
        return True
    size = max(log2(abs(base.numerator)), log2(base.denominator))
    return float(abs(exp)) * size > max_bits


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
    if total:  # the common denominator divides the product of the distinct ones
        dens = sum(d.bit_length() for d in {v.denominator for v in values} if d > 1)
        nums = max(abs(v.numerator).bit_length() for v in values) + len(values).bit_length()
        return nums + dens <= max_bits
    dens = sum(v.denominator.bit_length() for v in values if v.denominator > 1)
    nums = sum(abs(v.numerator).bit_length() for v in values if abs(v.numerator) > 1)
    return nums <= max_bits and dens <= max_bits


def _product(kids: tuple[Expr, ...], max_bits: int = 4096) -> Expr | None:
    """One leading coefficient for a product with two or more numbers, else None."""
    numbers = [k.value for k in kids if isinstance(k, Num)]
    if len(numbers) < 2 or (ZERO not in kids and not fits(numbers, max_bits)):
        return None
    coef: Fraction | int = 1
    if all(v.denominator == 1 for v in numbers):  # integers: no fractions to reduce
        for v in numbers:
            coef *= v.numerator
    else:
        coef = Fraction(1)
        for v in numbers:
            coef *= v
    if coef == 0:
        return ZERO
    rest = [k for k in kids if not isinstance(k, Num)]
    return mul(*rest) if coef == 1 else mul(Num(coef), *rest)


def _sum(kids: tuple[Expr, ...], max_bits: int = 4096) -> Expr | None:
    """The number terms of a sum added at the place of the first, or None."""
    places = [i for i, k in enumerate(kids) if isinstance(k, Num)]
    if len(places) < 2 or not fits([kids[i].value for i in places], max_bits, total=True):
        return None
    total = sum((k.value for k in kids if isinstance(k, Num)), Fraction(0))
    out = [k for k in kids if not isinstance(k, Num)]
    out.insert(places[0], Num(total))
    return add(*out)


def combine_constants_node(
    node: Expr, kids: tuple[Expr, ...], *, limits: Limits = DEFAULT_LIMITS
) -> Expr:
    """Fold the numbers of one node whose children are already rewritten.

    >>> combine_constants_node(Pow(Num(2), Num(3)), (Num(2), Num(3))) is Num(8)
    True
    """
    done: Expr | None = None
    if isinstance(node, Pow):
        base, exp = kids
        if isinstance(base, Num) and isinstance(exp, Num):
            value = fold_power(base.value, exp.value, limits.max_fold_bits)
            done = None if value is None else Num(value)
    elif isinstance(node, Mul):
        done = _product(kids, limits.max_fold_bits)
    elif isinstance(node, Add):
        done = _sum(kids, limits.max_fold_bits)
    return rebuild(node, kids) if done is None else done


def combine_constants(expr: Expr, limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Apply combine-constants everywhere in ``expr``.

    >>> from symdiff.ast import Var
    >>> x = Var("x")
    >>> combine_constants(Add((x, Num(2), Num(3)))) is Add((x, Num(5)))
    True
    """
    return transform(expr, lambda n, k: combine_constants_node(n, k, limits=limits))
