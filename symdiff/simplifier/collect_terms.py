"""Pass ``collect-terms``: like terms of a sum add their coefficients.

Two terms are alike when their non-number factors are the same nodes, in any
order (``2·sin(x)·cos(x) − 2·cos(x)·sin(x)`` is 0).  The combined term stands
where the first of them stood; a zero total drops them all; the other terms keep
their order (``3x³ + 5 + 2y`` is never reordered).  Grouping is by dictionary, so a
sum of n terms costs O(n).

>>> from symdiff.core.expr import Add, Mul, Num, Var
>>> x = Var("x")
>>> collect_terms(Add((Mul((Num(2), x)), Mul((Num(3), x))))) is Mul((Num(5), x))
True
"""

from __future__ import annotations

from fractions import Fraction

from ..core.expr import Add, Expr, Mul, Num, Pow, Var, add, mul
from ..core.numbers import fits
from ..core.walk import transform
from ..limits import DEFAULT_LIMITS, Limits
from .walk import rebuild, split_coefficient

ID = "collect-terms"
TITLE = "collect like terms"
EXAMPLE = "2*x + y + 3*x -> 5*x + y"
KINDS = (Add,)


def applies(node: Expr) -> bool:
    """Whether two terms of the sum ``node`` may be multiples of one product.

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> applies(Add((x, Mul((Num(2), x))))), applies(Add((x, y)))
    (True, False)
    """
    if type(node) is not Add:
        return False
    seen: set[Expr | tuple[Expr, ...]] = set()
    for t in node.children:
        kind = type(t)
        if kind is Num:
            continue
        if kind is Mul:
            factors = t.children
            rest = factors[1:] if type(factors[0]) is Num else factors
            if Num in map(type, rest):
                return True
        else:
            rest = (t,)
        key = like(rest)
        if key in seen:
            return True
        seen.add(key)
    return False


def like(rest: tuple[Expr, ...]) -> tuple[Expr, ...]:
    """The key of a term's non-number factors that does not depend on their order.

    Nodes are interned (equal nodes are one object), so sorting by identity puts
    equal multisets of factors in one order; the key is only compared, never shown.
    Normal products sort their variables and powers of variables (order-factors), so a
    term with at most one other factor is its own key (the common, fast case).

    >>> from symdiff.core.expr import Call, Var
    >>> s, c = Call("sin", (Var("x"),)), Call("cos", (Var("x"),))
    >>> like((s, c)) == like((c, s)), like((s,)) == like((c,))
    (True, False)
    """
    if len(rest) < 2:
        return rest
    others = 0  # factors order-factors leaves in their order: only they may differ in order
    for f in rest:
        kind = type(f)
        if kind is not Var and not (kind is Pow and type(f.children[0]) is Var):
            others += 1
            if others > 1:
                return tuple(sorted(rest, key=id))
    return rest  # variables and their powers: in order-factors' order already


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Collect the like terms of one sum.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> rewrite(Add((x, -x)), (x, -x)) is Num(0)
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
            groups.setdefault(like(rest), []).append(i)
    if all(len(places) < 2 for places in groups.values()):
        return rebuild(node, kids)
    out: list[Expr | None] = list(kids)
    for places in groups.values():
        if len(places) < 2 or not fits(
            [parts[i][0] for i in places], limits.max_fold_bits, total=True
        ):
            continue  # a single term, or coefficients whose sum could be huge: left apart
        total = Fraction(0)
        for i in places:
            out[i] = None
            total += parts[i][0]
        if total != 0:
            rest = parts[places[0]][1]
            out[places[0]] = mul(*rest) if total == 1 else mul(Num(total), *rest)
    return add(*(t for t in out if t is not None))


def collect_terms(expr: Expr, limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Apply collect-terms everywhere in ``expr``.

    >>> from symdiff.core.expr import Mul, Var
    >>> x, y = Var("x"), Var("y")
    >>> collect_terms(x + y + x) is Add((Mul((Num(2), x)), y))
    True
    """
    return transform(expr, lambda n, k: rewrite(n, k, limits))
