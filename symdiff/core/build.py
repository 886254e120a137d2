"""Builders for large expressions through the Python API, with sharing.

Python's operators already build nodes (``x**2 + 3*x``); these add the named
functions and an n-ary sum and product that take *any* number of operands in
linear time (the builtin ``sum`` re-copies the growing sum at every step).
Every builder accepts expressions and Python numbers, and returns interned
nodes, so a sub-expression used twice is stored once.

The package exports them as ``symdiff.max``, ``symdiff.min``, ``symdiff.exp``,
``symdiff.log``, ``symdiff.sum``, ``symdiff.prod`` and so on.

>>> from symdiff.core.expr import Var
>>> x, y = Var("x"), Var("y")
>>> h = max_(0, 2 * x + y)
>>> str(-log(exp(h) / sum_([exp(h), exp(y)])))
'-log(exp(max(0, 2*x + y))/(exp(max(0, 2*x + y)) + exp(y)))'
"""

from __future__ import annotations

from collections.abc import Iterable

from .expr import Call, Expr, as_expr
from .expr import add as _add
from .expr import mul as _mul

Operand = Expr | int | float

__all__ = [
    "abs_",
    "cos",
    "exp",
    "log",
    "max_",
    "min_",
    "prod",
    "relu",
    "sigmoid",
    "sin",
    "sqrt",
    "sum_",
    "tan",
    "tanh",
]


def _apply(name: str, *args: Operand) -> Expr:
    return Call(name, tuple(as_expr(a) for a in args))


def exp(u: Operand) -> Expr:
    """``exp(u)``.

    >>> from symdiff.core.expr import Var
    >>> str(exp(Var("x")))
    'exp(x)'
    """
    return _apply("exp", u)


def log(u: Operand) -> Expr:
    """``log(u)``, the natural logarithm.

    >>> from symdiff.core.expr import Var
    >>> str(log(Var("x") + 1))
    'log(x + 1)'
    """
    return _apply("log", u)


def sin(u: Operand) -> Expr:
    """``sin(u)``.

    >>> from symdiff.core.expr import Var
    >>> str(sin(Var("x")))
    'sin(x)'
    """
    return _apply("sin", u)


def cos(u: Operand) -> Expr:
    """``cos(u)``.

    >>> from symdiff.core.expr import Var
    >>> str(cos(Var("x")))
    'cos(x)'
    """
    return _apply("cos", u)


def tan(u: Operand) -> Expr:
    """``tan(u)``.

    >>> from symdiff.core.expr import Var
    >>> str(tan(Var("x")))
    'tan(x)'
    """
    return _apply("tan", u)


def sqrt(u: Operand) -> Expr:
    """``sqrt(u)``.

    >>> from symdiff.core.expr import Var
    >>> str(sqrt(Var("x")))
    'sqrt(x)'
    """
    return _apply("sqrt", u)


def tanh(u: Operand) -> Expr:
    """``tanh(u)``.

    >>> from symdiff.core.expr import Var
    >>> str(tanh(Var("x")))
    'tanh(x)'
    """
    return _apply("tanh", u)


def sigmoid(u: Operand) -> Expr:
    """``sigmoid(u)`` = 1/(1 + exp(−u)).

    >>> from symdiff.core.expr import Var
    >>> str(sigmoid(Var("x")))
    'sigmoid(x)'
    """
    return _apply("sigmoid", u)


def relu(u: Operand) -> Expr:
    """``relu(u)`` (the book writes ``max(0, u)``; :func:`max_` builds that form).

    >>> from symdiff.core.expr import Var
    >>> str(relu(Var("x")))
    'relu(x)'
    """
    return _apply("relu", u)


def abs_(u: Operand) -> Expr:
    """``abs(u)``.

    >>> from symdiff.core.expr import Var
    >>> str(abs_(Var("x")))
    'abs(x)'
    """
    return _apply("abs", u)


def max_(*args: Operand) -> Expr:
    """``max(u₁, …, uₙ)`` of one or more operands (``max_(0, u)`` is ReLU).

    >>> from symdiff.core.expr import Var
    >>> str(max_(0, Var("x")))
    'max(0, x)'
    """
    if not args:
        raise TypeError("max_() needs at least one operand")
    return _apply("max", *args)


def min_(*args: Operand) -> Expr:
    """``min(u₁, …, uₙ)`` of one or more operands.

    >>> from symdiff.core.expr import Var
    >>> str(min_(Var("x"), Var("y")))
    'min(x, y)'
    """
    if not args:
        raise TypeError("min_() needs at least one operand")
    return _apply("min", *args)


def sum_(terms: Iterable[Operand]) -> Expr:
    """One n-ary sum of ``terms`` in order (0 when empty), in time linear in their number.

    >>> from symdiff.core.expr import Var
    >>> str(sum_(Var(f"x{i}") for i in range(1, 4))), str(sum_([]))
    ('x1 + x2 + x3', '0')
    """
    return _add(*[as_expr(t) for t in terms])


def prod(factors: Iterable[Operand]) -> Expr:
    """One n-ary product of ``factors`` in order (1 when empty).

    >>> from symdiff.core.expr import Var
    >>> str(prod([2, Var("x"), Var("y")]))
    '2*x*y'
    """
    return _mul(*[as_expr(f) for f in factors])
