"""Pass ``function-values``: exact values of known functions.

The values at numbers come from the function table (each row's ``exact`` facet,
:mod:`symdiff.core.functions`): exp(0) = 1, log(1) = 0, sin(0) = 0, cos(0) = 1,
sigmoid(0) = 1/2, sqrt of a perfect square, abs/sign/relu/max/min of numbers, ...
Besides values, three identities: log(e) = 1, log(exp(u)) → u, and max/min of one
argument is that argument.  exp(log(u)) stays (it needs u > 0) and so does e^u.
Values outside a domain (log(0), sqrt(-1)) are left as they are.

>>> from symdiff.core.expr import Call, Num
>>> rewrite(Call("cos", (Num(0),)), (Num(0),)) is Num(1)
True
>>> function_values(Call("cos", (Num(0),))) is Num(1)
True
"""

from __future__ import annotations

from ..core.expr import ONE, ZERO, Call, Const, Expr, Num
from ..core.functions import FUNCTIONS
from ..core.walk import transform
from ..limits import DEFAULT_LIMITS, Limits
from .walk import rebuild

ID = "function-values"
TITLE = "function values"
EXAMPLE = "cos(0) + log(exp(x)) -> 1 + x"
KINDS = (Call,)


def applies(node: Expr) -> bool:
    """Whether ``node`` is a call at a shape with an exact value (a number argument, ...).

    >>> from symdiff.core.expr import Var
    >>> applies(Call("sin", (Num(0),))), applies(Call("sin", (Var("x"),)))
    (True, False)
    """
    if type(node) is not Call:
        return False
    args = node.args
    if node.deriv or not args:
        return False
    name = node.name
    if name == "max" or name == "min":
        return len(args) == 1 or all(type(a) is Num for a in args)
    if len(args) != 1:
        return False
    kind = type(args[0])
    return kind is Num or (name == "log" and (kind is Const or kind is Call))


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """The exact value of the call ``node`` over ``kids``, or the call itself.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> rewrite(Call("max", (x,)), (x,)) is x
    True
    """
    return _value(node, kids)


def _value(node: Expr, kids: tuple[Expr, ...]) -> Expr:
    """The exact function value at one node, if there is one."""
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
    return transform(expr, rewrite)
