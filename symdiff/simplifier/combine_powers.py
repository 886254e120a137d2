"""Pass ``combine-powers``: factors of a product with one base become one power.

In a product, factors with the same base (x, x^a, x^b; bases
compared by identity, bare numbers excluded) become one power x^(1 + a + b) at
the place of the last of them.  Numeric exponents add exactly; symbolic ones
form a sum.  Numbers too big to multiply or add within ``max_fold_bits`` stay apart.

>>> from symdiff.core.expr import Mul, Num, Pow, Var
>>> x = Var("x")
>>> combine_powers(Mul((Pow(x, Num(8)), Num(4), x))) is Mul((Num(4), Pow(x, Num(9))))
True
"""

from __future__ import annotations

from ..core.expr import ONE, Add, Expr, Mul, Num, Pow, mul
from ..core.walk import transform
from ..limits import DEFAULT_LIMITS, Limits
from .arithmetic import sum_numbers
from .walk import rebuild

ID = "combine-powers"
TITLE = "combine powers"
EXAMPLE = "x^8*4*x -> 4*x^9"
KINDS = (Mul,)


def _integer_sum(exps: list[Expr], max_bits: int) -> Expr | None:
    """The sum of integer exponents as a number (``None`` if one is not an integer or too big)."""
    total = 0
    size = 0
    for e in exps:
        if type(e) is not Num:
            return None
        value = e.value
        if value.denominator != 1:
            return None
        n = value.numerator
        total += n
        size = max(size, abs(n).bit_length())
    if size + len(exps).bit_length() > max_bits:  # as fits(total=True)
        return None
    return Num(total)


def _exponent_sum(exps: list[Expr], max_bits: int) -> Expr:
    """Sum of exponents: numbers added exactly (at the first number's place), others kept."""
    done = _integer_sum(exps, max_bits)
    if done is not None:
        return done
    terms = tuple(t for e in exps for t in (e.terms if isinstance(e, Add) else (e,)))
    return sum_numbers(terms, max_bits)


def _base_exp(f: Expr) -> tuple[Expr, Expr]:
    return (f.base, f.exp) if isinstance(f, Pow) else (f, ONE)


def applies(node: Expr) -> bool:
    """Whether two factors of the product ``node`` (other than numbers) share a base.

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> applies(Mul((x, Pow(x, Num(2))))), applies(Mul((x, y)))
    (True, False)
    """
    if type(node) is not Mul:
        return False
    bases = [f.base if type(f) is Pow else f for f in node.children if type(f) is not Num]
    return len(set(bases)) < len(bases)


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Merge the factors of one product that share a base.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> rewrite(Mul((x, x)), (x, x)) is Pow(x, Num(2))
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
            out[places[-1]] = Pow(base, _exponent_sum(exps, limits.max_fold_bits))
    return mul(*[f for f in out if f is not None])


def combine_powers(expr: Expr, limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Apply combine-powers everywhere in ``expr``.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> combine_powers(x * Pow(x, Num(-1))) is Pow(x, Num(0))
    True
    """
    return transform(expr, lambda n, k: rewrite(n, k, limits))
