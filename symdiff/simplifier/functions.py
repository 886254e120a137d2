"""Pass ``function-values``: exact values of known functions.

The values at numbers come from the function table (each row's ``exact`` facet,
:mod:`symdiff.core.functions`): exp(0) = 1, log(1) = 0, sin(0) = 0, cos(0) = 1,
sigmoid(0) = 1/2, sqrt of a perfect square, abs/sign/relu/max/min of numbers, ...
Besides values, three identities: log(e) = 1, log(exp(u)) → u, and max/min of one
argument is that argument.  exp(log(u)) stays (it needs u > 0) and so does e^u.
Values outside a domain (log(0), sqrt(-1)) are left as they are.

>>> from symdiff.core.expr import Call, Num
>>> function_values(Call("cos", (Num(0),))) is Num(1)
True
"""

from __future__ import annotations

from ..core.expr import ONE, ZERO, Call, Const, Expr, Num
from ..core.functions import FUNCTIONS
from ..core.walk import transform
from .walk import rebuild


def function_values_node(node: Expr, kids: tuple[Expr, ...]) -> Expr:
    """The exact function value at one node, if there is one.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> function_values_node(Call("max", (x,)), (x,)) is x
    True
    """
    if not isinstance(node, Call) or node.deriv or not kids:
        return rebuild(node, kids)
    name = node.name
    row = FUNCTIONS.get(name)
    if row is None or not row.accepts(len(kids)):
        return rebuild(node, kids)
    if len(kids) == 1 and name in ("max", "min"):
        return kids[0]
    u = kids[0]
    if name == "log":
        if u is Const("e"):
            return ONE
        if isinstance(u, Call) and u.name == "exp" and not u.deriv and len(u.args) == 1:
            return u.args[0]
    values = [k.value for k in kids if isinstance(k, Num)]
    if len(values) == len(kids):
        value = row.exact(values)
        if value is not None:
            return ZERO if value == 0 else Num(value)
    return rebuild(node, kids)


def function_values(expr: Expr) -> Expr:
    """Replace known functions of exact arguments by their exact values, everywhere.

    >>> from symdiff.core.expr import Call, Num, Var
    >>> function_values(Call("log", (Call("exp", (Var("x"),)),))) is Var("x")
    True
    """
    return transform(expr, function_values_node)
