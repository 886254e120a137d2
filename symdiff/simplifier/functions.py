"""Pass ``function-values``: exact values of known functions.

exp(0) = 1, log(1) = 0, log(e) = 1, sin(0) = 0, cos(0) = 1, tan(0) = 0, tanh(0) = 0,
sigmoid(0) = 1/2, sqrt of a perfect square, abs/sign/relu/max/min of numbers,
max/min of one argument, and log(exp(u)) → u.  exp(log(u)) stays (it needs
u > 0) and so does e^u.  Values outside a domain (log(0), sqrt(-1)) are left
as they are.

>>> from symdiff.core.expr import Call, Num
>>> function_values(Call("cos", (Num(0),))) is Num(1)
True
"""

from __future__ import annotations

from fractions import Fraction
from math import isqrt

from ..core.expr import ONE, ZERO, Call, Const, Expr, Num, transform
from .walk import rebuild

# f(0) for the functions whose value at 0 is a rational number
AT_ZERO: dict[str, Fraction] = {
    "exp": Fraction(1),
    "sin": Fraction(0),
    "cos": Fraction(1),
    "tan": Fraction(0),
    "tanh": Fraction(0),
    "sigmoid": Fraction(1, 2),
}


def _exact_sqrt(v: Fraction) -> Fraction | None:
    """The rational square root of ``v``, or None."""
    if v < 0:
        return None
    n, d = isqrt(v.numerator), isqrt(v.denominator)
    if n * n == v.numerator and d * d == v.denominator:
        return Fraction(n, d)
    return None


def _of_number(name: str, v: Fraction) -> Fraction | None:
    """The exact value of a one-argument known function at the number ``v``, or None."""
    if name in AT_ZERO:
        return AT_ZERO[name] if v == 0 else None
    if name == "log":
        return Fraction(0) if v == 1 else None
    if name == "sqrt":
        return _exact_sqrt(v)
    if name == "abs":
        return abs(v)
    if name == "sign":
        return Fraction((v > 0) - (v < 0))
    if name == "relu":
        return max(v, Fraction(0))
    return None


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
    if name in ("max", "min"):
        if len(kids) == 1:
            return kids[0]
        values = [k.value for k in kids if isinstance(k, Num)]
        if len(values) == len(kids):
            return Num(max(values) if name == "max" else min(values))
        return rebuild(node, kids)
    if len(kids) != 1:
        return rebuild(node, kids)
    (u,) = kids
    if name == "log":
        if u is Const("e"):
            return ONE
        if isinstance(u, Call) and u.name == "exp" and not u.deriv and len(u.args) == 1:
            return u.args[0]
    if isinstance(u, Num):
        value = _of_number(name, u.value)
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
