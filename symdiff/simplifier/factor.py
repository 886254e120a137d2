"""Pass ``factor`` (only on request, ``--factor``): the common factor of a sum taken out.

The factors every term of a sum shares (the lowest positive power of each common
base) and the greatest common divisor of integer coefficients are written once,
in front of the sum of what is left: ``x·exp(x) − exp(x)`` is ``exp(x)·(x − 1)``,
``6x² + 3x`` is ``3x·(2x + 1)``, ``−2x − 4`` is ``−2(x + 2)``.  A quotient's numerator
factored this way may then cancel against its denominator (``(x − 2)·exp(x)/x³``).
With it the passes that multiply sums out (expand, expand-polynomial,
expand-numerator) are left out.

>>> from symdiff.core.expr import Add, Call, Mul, Num, Var
>>> x = Var("x")
>>> ex = Call("exp", (x,))
>>> str(rewrite(Add((Mul((x, ex)), Mul((Num(-1), ex)))), ()))
'exp(x)*(x - 1)'
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd

from ..core.expr import Add, Expr, Num, Pow, add, mul
from ..limits import DEFAULT_LIMITS, Limits
from .walk import split_coefficient

ID = "factor"
TITLE = "take out the common factor"
EXAMPLE = "x*exp(x) - exp(x) -> exp(x)*(x - 1)"
KINDS = (Add,)

MAX_TERMS = 64  # larger sums are left alone


def _powers(rest: tuple[Expr, ...]) -> dict[Expr, Fraction]:
    """The factors of a term as base -> exponent (numbers as exponents only)."""
    out: dict[Expr, Fraction] = {}
    for f in rest:
        if type(f) is Pow and type(f.children[1]) is Num:
            base, exp = f.children[0], f.children[1].value
        else:
            base, exp = f, Fraction(1)
        out[base] = out.get(base, Fraction(0)) + exp
    return out


Parts = list[tuple[Fraction, dict[Expr, Fraction]]]


def _common(node: Expr, numbers: bool = True) -> tuple[int, dict[Expr, Fraction], Parts] | None:
    """The integer divisor, the common factors and each term's parts (None: none common).

    ``numbers=False`` looks for common factors other than numbers only (and the sign:
    a sum of negative terms has -1 taken out).
    """
    terms = node.children
    if type(node) is not Add or not 2 <= len(terms) <= MAX_TERMS:
        return None
    parts = [(coef, _powers(rest)) for coef, rest in map(split_coefficient, terms)]
    common = dict(parts[0][1])
    for _, powers in parts[1:]:
        for base in list(common):
            low = min(common[base], powers.get(base, Fraction(0)))
            if low > 0:
                common[base] = low
            else:
                del common[base]
        if not common:
            break
    divisor = 0
    if numbers and all(coef.denominator == 1 for coef, _ in parts):
        for coef, _ in parts:
            divisor = gcd(divisor, coef.numerator)
    divisor = max(divisor, 1)
    if all(coef < 0 for coef, _ in parts):  # -x·sin(x) - cos(x) is -(x·sin(x) + cos(x))
        divisor = -divisor
    if not common and divisor == 1:
        return None
    return divisor, common, parts


def applies(node: Expr) -> bool:
    """Whether the terms of the sum ``node`` share a factor or an integer divisor.

    >>> from symdiff.core.expr import Mul, Var
    >>> x, y = Var("x"), Var("y")
    >>> applies(Add((Mul((x, y)), x))), applies(Add((x, y)))
    (True, False)
    >>> applies(Add((Mul((Num(2), x)), Num(4))))
    True
    """
    return _common(node) is not None


def _term(coef: Fraction, powers: dict[Expr, Fraction]) -> Expr:
    factors = [b if e == 1 else Pow(b, Num(e)) for b, e in powers.items() if e != 0]
    return mul(*factors) if coef == 1 else mul(Num(coef), *factors)


def shares_factor(node: Expr) -> bool:
    """Whether the terms of the sum ``node`` share a factor other than a number (or a sign).

    A sum of negative terms shares -1.

    >>> from symdiff.core.expr import Mul, Var
    >>> x = Var("x")
    >>> shares_factor(Add((Mul((x, x + 1)), x))), shares_factor(Add((Mul((Num(2), x)), Num(4))))
    (True, False)
    """
    return _common(node, numbers=False) is not None


def factored(node: Expr, numbers: bool = True) -> Expr:
    """The common factor of the sum ``node`` in front of the rest (``node`` if none).

    >>> from symdiff.core.expr import Mul, Var
    >>> x = Var("x")
    >>> str(factored(Add((Mul((Num(2), x)), Num(4))))), str(factored(Add((x, Num(4))), False))
    ('2*(x + 2)', 'x + 4')
    """
    found = _common(node, numbers)
    if found is None:
        return node
    divisor, common, parts = found
    left = []
    for coef, powers in parts:
        rest = {b: e - common.get(b, Fraction(0)) for b, e in powers.items()}
        left.append(_term(coef / divisor, rest))
    front = [Num(divisor)] if divisor != 1 else []
    shared = [b if e == 1 else Pow(b, Num(e)) for b, e in common.items()]
    return mul(*front, *shared, add(*left))


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """The common factor in front of the sum of what is left; else the node itself.

    >>> from symdiff.core.expr import Mul, Var
    >>> x = Var("x")
    >>> str(rewrite(Add((Mul((Num(6), Pow(x, Num(2)))), Mul((Num(3), x)))), ()))
    '3*x*(2*x + 1)'
    """
    return factored(node)
