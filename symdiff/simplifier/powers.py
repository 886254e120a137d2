"""Passes ``distribute-exponent`` and ``combine-powers``.

distribute-exponent, for an integer n: (a·b)^n → a^n·b^n and (u^m)^n → u^(m·n);
m·n is computed when m is a number (``(2x²)⁴ → 2⁴·x⁸``; 2⁴ is left for
combine-constants).

combine-powers: in a product, factors with the same base (x, x^a, x^b; bases
compared by identity, bare numbers excluded) become one power x^(1 + a + b) at
the place of the last of them.  Numeric exponents add exactly; symbolic ones
form a sum.  Numbers too big to multiply or add within ``max_fold_bits`` stay apart.

>>> from symdiff.core.expr import Mul, Num, Pow, Var
>>> x = Var("x")
>>> combine_powers(Mul((Pow(x, Num(8)), Num(4), x))) is Mul((Num(4), Pow(x, Num(9))))
True
"""

from __future__ import annotations

from fractions import Fraction

from ..core.expr import ONE, Add, Expr, Mul, Num, Pow, add, mul, transform
from ..core.numbers import fits
from ..limits import DEFAULT_LIMITS
from .walk import is_int, rebuild


def _times(m: Expr, n: Num) -> Expr:
    """The exponent m·n, computed when m is a number."""
    if isinstance(m, Num) and fits([m.value, n.value], DEFAULT_LIMITS.max_fold_bits):
        return Num(m.value * n.value)
    return mul(n, *(m.factors if isinstance(m, Mul) else (m,)))


def _distribute(base: Expr, n: Num) -> Expr:
    """``base^n`` for an integer ``n``, taken into products and powers, iteratively."""
    out: list[Expr] = []
    stack: list[tuple[Expr, Num]] = [(base, n)]
    while stack:
        f, e = stack.pop()
        if isinstance(f, Mul):
            stack.extend((g, e) for g in reversed(f.factors))
        elif isinstance(f, Pow):
            k = _times(f.exp, e)
            if isinstance(k, Num) and is_int(k) and isinstance(f.base, Mul | Pow):
                stack.append((f.base, k))
            else:
                out.append(Pow(f.base, k))
        else:
            out.append(Pow(f, e))
    return mul(*out)


def distribute_exponent_node(node: Expr, kids: tuple[Expr, ...]) -> Expr:
    """Distribute an integer exponent over a product or a power at one node.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> p = Pow(Pow(x, Num(2)), Num(3))
    >>> distribute_exponent_node(p, p.children) is Pow(x, Num(6))
    True
    """
    if isinstance(node, Pow):
        base, exp = kids
        if isinstance(exp, Num) and is_int(exp) and isinstance(base, Mul | Pow):
            return _distribute(base, exp)
    return rebuild(node, kids)


def distribute_exponent(expr: Expr) -> Expr:
    """Apply distribute-exponent everywhere in ``expr``.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> p = Pow(Mul((Num(2), Pow(x, Num(2)))), Num(4))
    >>> distribute_exponent(p) is Mul((Pow(Num(2), Num(4)), Pow(x, Num(8))))
    True
    """
    return transform(expr, distribute_exponent_node)


def _integer_sum(exps: list[Expr]) -> Expr | None:
    """The sum of integer exponents as a number (``None`` if one is not an integer or too big)."""
    total = 0
    size = 0
    for e in exps:
        if type(e) is not Num:
            return None
        value = e.value  # type: ignore[attr-defined]
        if value.denominator != 1:
            return None
        n = value.numerator
        total += n
        size = max(size, abs(n).bit_length())
    if size + len(exps).bit_length() > DEFAULT_LIMITS.max_fold_bits:  # as fits(total=True)
        return None
    return Num(total)


def _exponent_sum(exps: list[Expr]) -> Expr:
    """Sum of exponents: numbers added exactly (at the first number's place), others kept."""
    done = _integer_sum(exps)
    if done is not None:
        return done
    terms: list[Expr] = []
    total = Fraction(0)
    at: int | None = None
    numbers = [t.value for e in exps for t in (e.terms if isinstance(e, Add) else (e,))
               if isinstance(t, Num)]  # fmt: skip
    if numbers and not fits(numbers, DEFAULT_LIMITS.max_fold_bits, total=True):
        return add(*(t for e in exps for t in (e.terms if isinstance(e, Add) else (e,))))
    for e in exps:
        for t in e.terms if isinstance(e, Add) else (e,):
            if isinstance(t, Num):
                total += t.value
                if at is None:
                    at = len(terms)
                    terms.append(t)
            else:
                terms.append(t)
    if at is not None:
        if total == 0 and len(terms) > 1:
            del terms[at]
        else:
            terms[at] = Num(total)
    return add(*terms)


def _base_exp(f: Expr) -> tuple[Expr, Expr]:
    return (f.base, f.exp) if isinstance(f, Pow) else (f, ONE)


def combine_powers_node(node: Expr, kids: tuple[Expr, ...]) -> Expr:
    """Merge the factors of one product that share a base.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> combine_powers_node(Mul((x, x)), (x, x)) is Pow(x, Num(2))
    True
    """
    if not isinstance(node, Mul):
        return rebuild(node, kids)
    where: dict[Expr, list[int]] = {}  # base -> the places of its factors
    shared = False
    for i, f in enumerate(kids):
        kind = type(f)
        if kind is Num:
            continue
        base = f.base if kind is Pow else f  # type: ignore[attr-defined]
        places = where.get(base)
        if places is None:
            where[base] = [i]
        else:
            places.append(i)
            shared = True
    if not shared:
        return rebuild(node, kids)
    out: list[Expr | None] = list(kids)
    for base, places in where.items():
        if len(places) > 1:
            for i in places[:-1]:
                out[i] = None
            exps = [_base_exp(kids[i])[1] for i in places]
            out[places[-1]] = Pow(base, _exponent_sum(exps))
    return mul(*[f for f in out if f is not None])


def combine_powers(expr: Expr) -> Expr:
    """Apply combine-powers everywhere in ``expr``.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> combine_powers(x * Pow(x, Num(-1))) is Pow(x, Num(0))
    True
    """
    return transform(expr, combine_powers_node)
