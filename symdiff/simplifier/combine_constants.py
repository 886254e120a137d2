"""Pass ``combine-constants``: exact arithmetic on numbers, with a bound on their size.

In each product the number factors multiply into one leading coefficient (a
coefficient 1 is dropped); in each sum the number terms add into one number at
the place of the first.  A power of two numbers is folded when its result is
small: the size ``|exp|·log2|base|`` is estimated *before* computing, and a
power larger than ``limits.max_fold_bits`` bits stays a power (``2^(10^10)`` is
never computed); numbers whose product or sum could be larger stay apart.  A
fractional exponent folds only when the root is exact (``4^(1/2) → 2``).
``0^-1`` raises ``DomainError``.

>>> from symdiff.core.expr import Mul, Num, Pow, Var
>>> x = Var("x")
>>> combine_constants(Mul((Num(15), Pow(Num(2), Num(4)), Num(4), x))) is Mul((Num(960), x))
True
"""

from __future__ import annotations

from fractions import Fraction

from ..core.expr import ZERO, Add, Expr, Mul, Num, Pow, add, mul
from ..core.numbers import fits, fold_power
from ..core.walk import transform
from ..limits import DEFAULT_LIMITS, Limits
from .walk import rebuild

ID = "combine-constants"
TITLE = "combine constants"
EXAMPLE = "15*2^4*4*x -> 960*x"
KINDS = (Add, Mul, Pow)


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
    values = [k.value for k in kids if isinstance(k, Num)]
    if len(places) < 2 or not fits(values, max_bits, total=True):
        return None
    total = sum(values, Fraction(0))
    out = [k for k in kids if not isinstance(k, Num)]
    out.insert(places[0], Num(total))
    return add(*out)


def applies(node: Expr) -> bool:
    """Whether ``node`` is a sum or product with two numbers, or a power of two numbers.

    >>> from symdiff.core.expr import Var
    >>> applies(Mul((Num(2), Var("x"), Num(3)))), applies(Mul((Num(2), Var("x"))))
    (True, False)
    """
    kind = type(node)
    if kind is Pow:
        base, exp = node.children
        return type(base) is Num and type(exp) is Num
    if kind is Mul or kind is Add:
        return list(map(type, node.children)).count(Num) > 1
    return False


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Fold the numbers of one node whose children are already rewritten.

    >>> rewrite(Pow(Num(2), Num(3)), (Num(2), Num(3))) is Num(8)
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

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> combine_constants(Add((x, Num(2), Num(3)))) is Add((x, Num(5)))
    True
    """
    return transform(expr, lambda n, k: rewrite(n, k, limits))
