"""Pass ``collect-terms``: like terms of a sum add their coefficients.

Two terms are alike when the products of their non-number factors are the same
node (identity).  The combined term stands where the first of them stood; a
zero total drops them all; the other terms keep their order (``3x³ + 5 + 2y``
is never reordered).  Grouping is by dictionary, so a sum of n terms costs O(n).

>>> from symdiff.core.expr import Add, Mul, Num, Var
>>> x = Var("x")
>>> collect_terms(Add((Mul((Num(2), x)), Mul((Num(3), x))))) is Mul((Num(5), x))
True
"""

from __future__ import annotations

from fractions import Fraction

from ..core.expr import Add, Expr, Num, add, mul, transform
from ..core.numbers import fits
from ..limits import DEFAULT_LIMITS
from .walk import rebuild, split_coefficient

MAX_BITS = DEFAULT_LIMITS.max_fold_bits


def collect_terms_node(node: Expr, kids: tuple[Expr, ...]) -> Expr:
    """Collect the like terms of one sum.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> collect_terms_node(Add((x, -x)), (x, -x)) is Num(0)
    True
    """
    if not isinstance(node, Add):
        return rebuild(node, kids)
    groups: dict[tuple[Expr, ...], list[int]] = {}
    parts: list[tuple[Fraction, tuple[Expr, ...]]] = []
    for i, term in enumerate(kids):
        coef, rest = split_coefficient(term)
        parts.append((coef, rest))
        if rest:
            groups.setdefault(rest, []).append(i)
    if all(len(places) < 2 for places in groups.values()):
        return rebuild(node, kids)
    out: list[Expr | None] = list(kids)
    for places in groups.values():
        if len(places) < 2 or not fits([parts[i][0] for i in places], MAX_BITS, total=True):
            continue  # a single term, or coefficients whose sum could be huge: left apart
        total = Fraction(0)
        for i in places:
            out[i] = None
            total += parts[i][0]
        if total != 0:
            rest = parts[places[0]][1]
            out[places[0]] = mul(*rest) if total == 1 else mul(Num(total), *rest)
    return add(*(t for t in out if t is not None))


def collect_terms(expr: Expr) -> Expr:
    """Apply collect-terms everywhere in ``expr``.

    >>> from symdiff.core.expr import Mul, Var
    >>> x, y = Var("x"), Var("y")
    >>> collect_terms(x + y + x) is Add((Mul((Num(2), x)), y))
    True
    """
    return transform(expr, collect_terms_node)
