"""Derivatives of the named elementary functions: one table row each.

``OUTER[name](u)`` is f'(u); the chain rule (``chain.py``) multiplies by du.
Adding a function takes one row here and one row in the test table.

>>> from symdiff.core.expr import Var
>>> str(OUTER["sin"](Var("x")))
'cos(x)'
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from ...core.expr import ONE, ZERO, Expr, Indicator, Num, add, call, mul, neg, pow_

OUTER: dict[str, Callable[[Expr], Expr]] = {
    "sin": lambda u: call("cos", u),
    "cos": lambda u: neg(call("sin", u)),
    "tan": lambda u: pow_(call("cos", u), -2),
    "exp": lambda u: call("exp", u),
    "log": lambda u: pow_(u, -1),
    "sqrt": lambda u: mul(Num(Fraction(1, 2)), pow_(call("sqrt", u), -1)),
    "tanh": lambda u: add(ONE, neg(pow_(call("tanh", u), 2))),
    "sigmoid": lambda u: mul(call("sigmoid", u), add(ONE, neg(call("sigmoid", u)))),
    "abs": lambda u: call("sign", u),
    "relu": lambda u: Indicator(u, ZERO),
    "sign": lambda u: ZERO,
}
