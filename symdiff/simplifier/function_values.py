"""Pass ``function-values``: exact values of known functions.

The values at exact arguments (numbers, ``pi``, ``e``, and rational multiples of them:
:func:`symdiff.core.exact.exact_of`) come from the function table (each row's ``exact``
facet, :mod:`symdiff.core.functions`), the same facet the evaluator reads: exp(0) = 1,
log(1) = 0, log(e) = 1, sin(0) = 0, cos(0) = 1, sin(π/6) = 1/2, tan(3π/4) = -1,
cos(π) = -1, sigmoid(0) = 1/2, sqrt of a perfect square, abs/sign/relu/max/min of
exact values, ...  An exact value that is a multiple of π or e is written back as
``q·pi`` (:func:`symdiff.core.exact.exact_expr`).  Besides values, two identities:
log(exp(u)) → u, and max/min of one argument is that argument.  exp(log(u)) stays (it
needs u > 0) and so does e^u.  Square-root values (sin(π/3) = √3/2, exact in the
evaluator) stay as calls here: no pass folds √3² yet, so writing them would leave
``1/4*sqrt(3)^2`` where ``sin(pi/3)^2`` reads better.  Values outside
a domain (log(0), sqrt(-1), tan(π/2)) are left as they are: a derivative may hold
them where a factor 0 cancels them (0^(x²+1) has the derivative 0), and the input's
own domain is checked before it is differentiated (:mod:`symdiff.simplifier.domain`).

>>> from symdiff.core.expr import Call, Num
>>> rewrite(Call("cos", (Num(0),)), (Num(0),)) is Num(1)
True
>>> function_values(Call("cos", (Num(0),))) is Num(1)
True
"""

from __future__ import annotations

from ..core.exact import exact_expr, exact_of
from ..core.expr import ONE, ZERO, Call, Const, Expr, Mul, Num
from ..core.functions import FUNCTIONS
from ..core.multiple import LOGS, Multiple
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
        return len(args) == 1 or all(_exact_shape(a) for a in args)
    if name in FUNCTIONS and FUNCTIONS[name].orders:  # besselj(0, 0) = 1
        return all(_exact_shape(a) for a in args)
    if len(args) != 1:
        return False
    return _exact_shape(args[0]) or (name == "log" and type(args[0]) is Call)


def _exact_shape(arg: Expr) -> bool:
    """Whether ``arg`` may have an exact value (a number, a constant, a number times one)."""
    kind = type(arg)
    return kind is Num or kind is Const or (kind is Mul and exact_of(arg) is not None)


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
    if name == "log" and isinstance(u, Call) and u.name == "exp" and not u.deriv:
        if len(u.args) == 1:
            return u.args[0]
    values = [v for v in map(exact_of, kids) if v is not None]
    if len(values) == len(kids) and row.outside(values) is None:
        value = row.exact(values)
        if isinstance(value, Multiple) and value.name in LOGS:  # log(8) = 3·log(2): kept
            value = None
        if value is not None and not (isinstance(value, Multiple) and value.name == "sqrt"):
            return ZERO if value == 0 else ONE if value == 1 else exact_expr(value)
    return rebuild(node, kids)


def function_values(expr: Expr) -> Expr:
    """Replace known functions of exact arguments by their exact values, everywhere.

    >>> from symdiff.core.expr import Call, Num, Var
    >>> function_values(Call("log", (Call("exp", (Var("x"),)),))) is Var("x")
    True
    """
    return transform(expr, rewrite)
