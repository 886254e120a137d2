"""Pass ``cancel-factors``: a sum above the bar that is a sum below, its terms reordered.

``(cos(x) + 1)·(1 + cos(x))^-2`` is ``(1 + cos(x))·(1 + cos(x))^-2``: the sum above
takes the form of the one below, and combine-powers then cancels them
(``1/(1 + cos(x))``).  The terms are compared as a multiset (nodes are interned).

>>> from symdiff.core.expr import Add, Call, Mul, Num, Pow, Var
>>> c = Call("cos", (Var("x"),))
>>> e = Mul((Add((c, Num(1))), Pow(Add((Num(1), c)), Num(-2))))
>>> str(rewrite(e, e.children))
'(1 + cos(x))*(1 + cos(x))^-2'
"""

from __future__ import annotations

from ..core.expr import Expr, Mul
from ..limits import DEFAULT_LIMITS, Limits
from .quotients import reordered_pair
from .walk import rebuild

ID = "cancel-factors"
TITLE = "cancel common factors"
EXAMPLE = "(x + 1)*(1 + x)^-2 -> (1 + x)^-1"
KINDS = (Mul,)


def applies(node: Expr) -> bool:
    """Whether a sum above is a sum below with its terms in another order.

    >>> from symdiff.core.expr import Add, Num, Pow, Var
    >>> x = Var("x")
    >>> applies(Mul((Add((x, Num(1))), Pow(Add((Num(1), x)), Num(-1))))), applies(Mul((x, x)))
    (True, False)
    """
    return reordered_pair(node) is not None


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Give the sum above the order of the sum below (the first such pair).

    >>> from symdiff.core.expr import Var
    >>> rewrite(Var("x"), ()) is Var("x")
    True
    """
    pair = reordered_pair(node)
    if pair is None:
        return rebuild(node, kids)
    i, j = pair
    factors = list(node.children)
    factors[i] = factors[j].children[0]
    return Mul(tuple(factors))
