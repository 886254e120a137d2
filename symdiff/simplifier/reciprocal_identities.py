"""Pass ``reciprocal-identities``: ``1/cos(u)^k`` is ``sec(u)^k`` (k ≥ 2), as textbooks write tan′.

Only powers from the square up are rewritten: ``1/cos(x)`` keeps its quotient (so
``sin(x)/cos(x)`` is not turned into ``sin(x)·sec(x)``), while ``cos(x)^-2``, the
derivative of ``tan(x)``, reads ``sec²(x)``.

>>> from symdiff.core.expr import Call, Num, Pow, Var
>>> u = Var("x")
>>> rewrite(Pow(Call("cos", (u,)), Num(-2)), ()) is Pow(Call("sec", (u,)), Num(2))
True
"""

from __future__ import annotations

from ..core.expr import Call, Expr, Num, Pow
from ..limits import DEFAULT_LIMITS, Limits

ID = "reciprocal-identities"
TITLE = "reciprocal identity"
EXAMPLE = "cos(x)^-2 -> sec(x)^2"
KINDS = (Pow,)

# a function and the name of its reciprocal (another helper adds csc and cot to the table)
RECIPROCALS = {"cos": "sec"}


def applies(node: Expr) -> bool:
    """Whether ``node`` is ``f(u)^-k`` for a function with a reciprocal and an integer k ≥ 2.

    >>> from symdiff.core.expr import Var
    >>> c = Call("cos", (Var("x"),))
    >>> applies(Pow(c, Num(-2))), applies(Pow(c, Num(-1))), applies(Pow(c, Num(2)))
    (True, False, False)
    """
    if type(node) is not Pow:
        return False
    base, exp = node.children
    return (
        type(base) is Call
        and base.name in RECIPROCALS
        and not base.deriv
        and type(exp) is Num
        and exp.value.denominator == 1
        and exp.value <= -2
    )


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """``sec(u)^k`` for ``cos(u)^-k``; any other node is returned itself.

    >>> from symdiff.core.expr import Var
    >>> rewrite(Var("x"), ()) is Var("x")
    True
    """
    if not applies(node):
        return node
    base, exp = node.children
    assert isinstance(base, Call) and isinstance(exp, Num)  # as applies() found them
    name = RECIPROCALS[base.name]
    return Pow(Call(name, base.args), Num(-exp.value))
