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

from ..core.expr import ONE, ZERO, Expr, Indicator, Mul, Num, Pow, mul
from ..core.walk import transform
from ..limits import DEFAULT_LIMITS, Limits
from .walk import rebuild

ID = "indicators"
TITLE = "indicator algebra"
EXAMPLE = "1(x > 0)*1(x > 0) -> 1(x > 0)"
KINDS = (Indicator, Pow, Mul)


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


def applies(node: Expr) -> bool:
    """Whether an indicator rule may change ``node``.

    >>> from symdiff.core.expr import Var
    >>> c = Indicator(Var("x"), Num(0))
    >>> applies(Mul((c, c))), applies(Mul((c, Var("x"))))
    (True, False)
    """
    kind = type(node)
    if kind is Indicator:
        lhs, rhs = node.children
        return lhs is rhs or (type(lhs) is Num and type(rhs) is Num)
    if kind is Pow:
        base, exp = node.children
        return type(base) is Indicator and type(exp) is Num
    if kind is Mul:
        kinds = list(map(type, node.children))
        if kinds.count(Indicator) < 2:
            return False
        pairs: set[tuple[Expr, Expr]] = set()
        for f in node.children:
            if type(f) is Indicator:
                pair = (f.lhs, f.rhs)
                if pair in pairs or (pair[1], pair[0]) in pairs:
                    return True
                pairs.add(pair)
    return False


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """The indicator rules at one node whose children are already rewritten.

    >>> rewrite(Indicator(Num(2), Num(1)), (Num(2), Num(1))) is ONE
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
    return transform(expr, rewrite)
