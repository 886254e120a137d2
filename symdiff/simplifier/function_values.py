"""Pass ``function-values``: exact values of known functions (the values live in ``functions``).

exp(0) = 1, log(1) = 0, log(e) = 1, sqrt of a perfect square, abs/sign/relu/max/min
of numbers, max/min of one argument, and log(exp(u)) → u; see
:mod:`symdiff.simplifier.functions` for the table of values.

>>> from symdiff.core.expr import Call, Num
>>> rewrite(Call("cos", (Num(0),)), (Num(0),)) is Num(1)
True
"""

from __future__ import annotations

from ..core.expr import Call, Const, Expr, Num
from ..limits import DEFAULT_LIMITS, Limits
from .functions import function_values_node

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
    return function_values_node(node, kids)
