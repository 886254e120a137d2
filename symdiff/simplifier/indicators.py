"""Pass ``indicators``: 1(a > b) takes only the values 0 and 1.

1(a > b) of two numbers is 1 or 0; 1(u > u) → 0; 1(c)^n → 1(c) for an integer
n ≥ 1; in a product 1(c)·1(c) → 1(c) (the first is kept) and
1(a > b)·1(b > a) → 0.

>>> from symdiff.core.expr import Indicator, Mul, Num, Var
>>> c = Indicator(Var("x"), Num(0))
>>> indicators(Mul((c, c))) is c
True
"""

from __future__ import annotations

from ..core.expr import ONE, ZERO, Expr, Indicator, Mul, Num, Pow, mul, transform
from .walk import rebuild


def _product(kids: tuple[Expr, ...]) -> Expr | None:
    """The product with repeated indicators dropped, 0 for opposite ones, None if unchanged."""
    if Indicator not in map(type, kids):
        return None
    present: set[tuple[Expr, Expr]] = set()
    out: list[Expr] = []
    for k in kids:
        if isinstance(k, Indicator):
            if (k.rhs, k.lhs) in present:
                return ZERO
            if (k.lhs, k.rhs) in present:
                continue
            present.add((k.lhs, k.rhs))
        out.append(k)
    return None if len(out) == len(kids) else mul(*out)


def indicators_node(node: Expr, kids: tuple[Expr, ...]) -> Expr:
    """The indicator rules at one node whose children are already rewritten.

    >>> indicators_node(Indicator(Num(2), Num(1)), (Num(2), Num(1))) is ONE
    True
    """
    if isinstance(node, Indicator):
        lhs, rhs = kids
        if lhs is rhs:
            return ZERO
        if isinstance(lhs, Num) and isinstance(rhs, Num):
            return ONE if lhs.value > rhs.value else ZERO
    elif isinstance(node, Pow):
        base, exp = kids
        if isinstance(base, Indicator) and isinstance(exp, Num):
            n = exp.value
            if n.denominator == 1 and n >= 1:
                return base
    elif isinstance(node, Mul):
        done = _product(kids)
        if done is not None:
            return done
    return rebuild(node, kids)


def indicators(expr: Expr) -> Expr:
    """Apply the indicator rules everywhere in ``expr``.

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> indicators(Mul((Indicator(x, y), Indicator(y, x)))) is ZERO
    True
    """
    return transform(expr, indicators_node)
