"""Pass ``distribute-exponent``: an integer power of a product or of a power.

For an integer n: (a·b)^n → a^n·b^n and (u^m)^n → u^(m·n); m·n is computed when
m is a number and the product fits in ``max_fold_bits`` (``(2x²)⁴ → 2⁴·x⁸``; 2⁴ is
left for combine-constants).

>>> from symdiff.core.expr import Mul, Num, Pow, Var
>>> x = Var("x")
>>> p = Pow(Mul((Num(2), Pow(x, Num(2)))), Num(4))
>>> rewrite(p, p.children) is Mul((Pow(Num(2), Num(4)), Pow(x, Num(8))))
True
"""

from __future__ import annotations

from ..core.expr import Expr, Mul, Num, Pow, mul
from ..core.numbers import fits
from ..core.walk import transform
from ..limits import DEFAULT_LIMITS, Limits
from .walk import is_int, rebuild

ID = "distribute-exponent"
TITLE = "distribute the exponent"
EXAMPLE = "(x^2*y)^3 -> x^6*y^3"
KINDS = (Pow,)


def _times(m: Expr, n: Num, max_bits: int) -> Expr:
    """The exponent m·n: n multiplied into a number factor of m where the product fits.

    Where no number of m can take n, n joins the power of n that m holds (``2^k·c`` times
    2 is ``2^(k+1)·c``), else n is a new factor.  So ``((…(x+1)^2…)^2`` nested far past
    ``max_bits`` keeps an exponent of a few factors, not one factor per level (memory and
    time linear in the depth, not quadratic).
    """
    factors = list(m.factors) if isinstance(m, Mul) else [m]
    for i, f in enumerate(factors):
        if isinstance(f, Num) and fits([f.value, n.value], max_bits):
            factors[i] = Num(f.value * n.value)
            return mul(*factors)
    for i, f in enumerate(factors):
        if isinstance(f, Pow) and f.base is n and is_int(f.exp):
            assert isinstance(f.exp, Num)
            factors[i] = Pow(n, Num(f.exp.value + 1))
            return mul(*factors)
        if f is n and i:  # n·…·n: the second n makes a power
            del factors[i]
            return mul(Pow(n, Num(2)), *factors)
    return mul(n, *factors)


def _distribute(base: Expr, n: Num, max_bits: int) -> Expr:
    """``base^n`` for an integer ``n``, taken into products and powers, iteratively."""
    out: list[Expr] = []
    stack: list[tuple[Expr, Num]] = [(base, n)]
    while stack:
        f, e = stack.pop()
        if isinstance(f, Mul):
            stack.extend((g, e) for g in reversed(f.factors))
        elif isinstance(f, Pow):
            k = _times(f.exp, e, max_bits)
            if isinstance(k, Num) and is_int(k) and isinstance(f.base, Mul | Pow):
                stack.append((f.base, k))
            else:
                out.append(Pow(f.base, k))
        else:
            out.append(Pow(f, e))
    return mul(*out)


def applies(node: Expr) -> bool:
    """Whether ``node`` is a product or a power raised to an integer.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> applies(Pow(Pow(x, Num(2)), Num(3))), applies(Pow(x, Num(3)))
    (True, False)
    """
    if type(node) is not Pow:
        return False
    base, exp = node.children
    return is_int(exp) and isinstance(base, Mul | Pow)


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Distribute an integer exponent over a product or a power at one node.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> p = Pow(Pow(x, Num(2)), Num(3))
    >>> rewrite(p, p.children) is Pow(x, Num(6))
    True
    """
    if isinstance(node, Pow):
        base, exp = kids
        if isinstance(exp, Num) and is_int(exp) and isinstance(base, Mul | Pow):
            return _distribute(base, exp, limits.max_fold_bits)
    return rebuild(node, kids)


def distribute_exponent(expr: Expr, limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Apply distribute-exponent everywhere in ``expr``.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> p = Pow(Mul((Num(2), Pow(x, Num(2)))), Num(4))
    >>> distribute_exponent(p) is Mul((Pow(Num(2), Num(4)), Pow(x, Num(8))))
    True
    """
    return transform(expr, lambda n, k: rewrite(n, k, limits))
