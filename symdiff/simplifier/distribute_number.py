"""Pass ``distribute-number``: a number times a polynomial not in lowest terms, multiplied out.

``3(2x + 2)`` is ``6x + 6``: a number times a sum of a few numbers times natural
powers of variables whose coefficients share a divisor, or are not all integers, is
multiplied out, as a textbook writes ``d/dx 3x(x + 2)``.  A number times a sum in
lowest terms keeps its factored form (``6(3x + 1)``, ``−5(1 − x)⁴``), as the chain
rule leaves it.

>>> from symdiff.core.expr import Add, Mul, Num, Var
>>> x = Var("x")
>>> e = Mul((Num(3), Add((Mul((Num(2), x)), Num(2)))))
>>> str(rewrite(e, e.children))
'6*x + 6'
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd

from ..core.expr import Add, Expr, Mul, Num, add, mul
from ..core.numbers import fits
from ..limits import DEFAULT_LIMITS, Limits
from .polynomials import polynomial
from .walk import split_coefficient

ID = "distribute-number"
TITLE = "multiply out the number"
EXAMPLE = "3*(2*x + 2) -> 6*x + 6"
KINDS = (Mul,)


def reducible(f: Expr) -> bool:
    """Whether ``f`` is a short polynomial sum whose coefficients are not coprime integers.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> reducible(Add((Mul((Num(2), x)), Num(2)))), reducible(Add((Mul((Num(3), x)), Num(1))))
    (True, False)
    >>> reducible(Add((Mul((Num("1/2"), x)), Num(1))))
    True
    """
    if type(f) is not Add or not polynomial(f):
        return False
    divisor = 0
    for term in f.children:
        coef = split_coefficient(term)[0]
        if coef.denominator != 1:
            return True
        divisor = gcd(divisor, coef.numerator)
    return divisor > 1


def _pair(factors: tuple[Expr, ...] | list[Expr]) -> tuple[Num, Add] | None:
    """The number and the sum of a product of exactly those two, the sum reducible."""
    if len(factors) != 2:
        return None
    a, b = factors
    if type(a) is Add:
        a, b = b, a
    if type(a) is Num and a.value != 0 and reducible(b):
        return a, b  # type: ignore[return-value]
    return None


def spreads(factors: list[Expr]) -> bool:
    """Whether the factors are numbers and one reducible polynomial sum.

    The product shortcut's test (:mod:`.products`), without making the product: its
    numbers, multiplied into one, may leave a number times the sum.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> spreads([Num(2), Num(3), Add((Mul((Num(2), x)), Num(2)))]), spreads([Num(2), x + Num(1)])
    (True, False)
    """
    sums = [f for f in factors if type(f) is not Num]
    return len(sums) == 1 and reducible(sums[0])


def applies(node: Expr) -> bool:
    """Whether ``node`` is a number times a reducible polynomial sum.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> applies(Mul((Num(3), Add((Mul((Num(2), x)), Num(2)))))), applies(Mul((Num(6), x + 1)))
    (True, False)
    """
    return type(node) is Mul and _pair(node.children) is not None


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """The sum with the number multiplied into each coefficient; else the node.

    >>> from symdiff.core.expr import Var
    >>> rewrite(Var("x"), ()) is Var("x")
    True
    """
    found = _pair(node.children) if type(node) is Mul else None
    if found is None:
        return node
    number, total = found
    parts = [split_coefficient(t) for t in total.children]
    if not all(fits([coef, number.value], limits.max_fold_bits) for coef, _ in parts):
        return node
    terms = []
    for coef, rest in parts:
        value: Fraction = coef * number.value
        terms.append(mul(*rest) if value == 1 else mul(Num(value), *rest))
    return add(*terms)
