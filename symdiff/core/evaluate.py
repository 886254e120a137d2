"""Numeric value of an expression at a point: exact where it can be, float where it must.

Sums, products, integer powers, roots of perfect powers and the piecewise functions
(abs, relu, sign, max, min, indicators) of rationals stay exact ``Fraction``s.
``e``, ``pi``, the transcendental functions and irrational roots give ``float``s,
and a float operand makes its parent a float.  A known function's value, exact or
float, and its domain come from its row of the function table
(:mod:`symdiff.core.functions`).  Inputs are read exactly: the float
``1.5`` is 3/2 (floats by their decimal repr, as everywhere in symdiff).

The walk is over :func:`~symdiff.core.walk.postorder` with one value per distinct node:
time is linear in the size of the DAG, and depth is unlimited.

Policies:

- ``0^0`` is 1.  A negative base to a non-integer power is a ``DomainError``
  (the principal value is complex), as are ``1/0``, ``log`` of a non-positive
  number and ``sqrt`` of a negative one; the message names the sub-expression.
- An exact value needing more than ``MAX_EXACT_BITS`` bits (numerator or
  denominator) is carried as a float instead: exactness is given up, not memory.
- The result is always finite: a value too large for a float raises
  ``LimitError`` naming the sub-expression, never returns ``inf`` or ``nan``.

>>> from symdiff.core.expr import Var, call
>>> x = Var("x")
>>> evaluate(x**2 / 4 + 1, {"x": 1.5})
Fraction(25, 16)
>>> evaluate(call("sqrt", x), {"x": Fraction(9, 4)}), evaluate(call("exp", x), {"x": 0})
(Fraction(3, 2), Fraction(1, 1))
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction

from ..errors import DomainError, LimitError, UnsupportedError
from .expr import Add, Call, Const, Derivative, Expr, Indicator, Mul, Num, Pow, Var
from .facets import Function
from .facets import Value as Value  # the type of a value, for the evaluator's readers
from .functions import SPELLINGS
from .numbers import Scalar, fold_power, to_fraction
from .walk import natural_key, postorder

MAX_EXACT_BITS = 1 << 13  # ~2,500 digits: printable (Python refuses int -> str past 4,300)

ZERO, ONE = Fraction(0), Fraction(1)


def evaluate(expr: Expr, env: Mapping[str, Scalar]) -> Value:
    """The value of ``expr`` with each variable set from ``env``.

    >>> from symdiff.core.expr import Var, Num, call
    >>> x, y = Var("x"), Var("y")
    >>> evaluate(call("max", x, y) * 2, {"x": 1, "y": Fraction(3, 2)})
    Fraction(3, 1)
    >>> round(evaluate(call("sin", x), {"x": 1}), 6)
    0.841471
    >>> evaluate(1 / x, {"x": 0})
    Traceback (most recent call last):
    symdiff.errors.DomainError: division by zero in x^-1
    """
    return evaluate_nodes(expr, env)[expr]


def evaluate_nodes(expr: Expr, env: Mapping[str, Scalar]) -> dict[Expr, Value]:
    """The value of every distinct node of ``expr`` (a memo keyed by node).

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> values = evaluate_nodes(x * x + x, {"x": 3})
    >>> values[x * x], values[x * x + x]
    (Fraction(9, 1), Fraction(12, 1))
    """
    order = postorder(expr)
    point = _point(order, env)
    values: dict[Expr, Value] = {}
    for node in order:
        try:
            value = _value(node, [values[c] for c in node.children], point)
            if isinstance(value, float) and not math.isfinite(value):
                raise OverflowError
            values[node] = value
        except ZeroDivisionError:
            raise DomainError(f"division by zero in {_show(node)}") from None
        except OverflowError:
            raise LimitError(f"the value of {_show(node)} is too large for a float") from None
    return values


def _point(order: list[Expr], env: Mapping[str, Scalar]) -> dict[str, Value]:
    """Check the tree can be evaluated; the exact value of each of its variables."""
    point: dict[str, Value] = {}
    missing: list[str] = []
    for node in order:
        if isinstance(node, Derivative):
            raise UnsupportedError(f"cannot evaluate the pending derivative {_show(node)}")
        if isinstance(node, Call):
            row = SPELLINGS.get(node.name)
            if node.deriv or row is None:
                raise UnsupportedError(f"cannot evaluate the abstract function {_show(node)}")
            if not row.accepts(len(node.args)):
                raise UnsupportedError(f"{row.name} cannot take {len(node.args)} arguments")
        if isinstance(node, Var) and node.name not in point:
            if node.name not in env:
                missing.append(node.name)
                continue
            try:
                point[node.name] = _fit(to_fraction(env[node.name]))
            except (ValueError, ArithmeticError):
                message = f"the value given for {node.name} is not a finite number"
                raise DomainError(message) from None
    if missing:
        names = ", ".join(sorted(missing, key=natural_key))
        raise UnsupportedError(f"no value given for {names}")
    return point


def _value(node: Expr, kids: list[Value], point: Mapping[str, Value]) -> Value:
    """One node's value from its children's."""
    match node:
        case Num():
            return node.value
        case Var():
            return point[node.name]
        case Const():
            return math.e if node.name == "e" else math.pi
        case Add():  # only sums and products grow exact values without warning
            total = kids[0] if kids else ZERO
            for term in kids[1:]:
                total = _fit(total + term)
            return total
        case Mul():
            product = kids[0] if kids else ONE
            for factor in kids[1:]:
                product = _fit(product * factor)
            return product
        case Pow():
            return _power(kids[0], kids[1], node)
        case Indicator():
            return ONE if kids[0] > kids[1] else ZERO
        case Call():
            return _call(SPELLINGS[node.name], kids, node)
    raise UnsupportedError(f"cannot evaluate {_show(node)}")


def _call(row: Function, kids: list[Value], node: Expr) -> Value:
    """A known function's value: exact where its row has one, else its float value."""
    outside = row.outside(kids)
    if outside is not None:
        raise DomainError(f"{outside} in {_show(node)}")
    exact = row.exact(kids)
    return row.real(kids) if exact is None else exact


def _power(b: Value, n: Value, node: Expr) -> Value:
    """``b^n`` exactly when both are rational and the result is (and not too large), else a float.

    The exact case is :func:`~symdiff.core.numbers.fold_power`.
    """
    if b == 0 and n < 0:
        raise DomainError(f"division by zero in {_show(node)}")
    if b < 0 and not (n == int(n)):
        raise DomainError(f"negative base {b} to the non-integer power {n} in {_show(node)}")
    if isinstance(b, Fraction) and isinstance(n, Fraction):
        exact = fold_power(b, n, MAX_EXACT_BITS)
        if exact is not None:
            return exact
    return math.pow(b, n)


def _bits(v: Fraction) -> int:
    return max(v.numerator.bit_length(), v.denominator.bit_length())


def _fit(v: Value) -> Value:
    """Give up exactness for a float when a Fraction grows past ``MAX_EXACT_BITS``."""
    if isinstance(v, Fraction) and _bits(v) > MAX_EXACT_BITS:
        return float(v)
    return v


def _show(node: Expr) -> str:
    """A short text of ``node`` for messages."""
    try:
        text = str(node)
    except Exception:  # a message must never hide the error it reports
        text = f"a {type(node).__name__} node"
    return text if len(text) <= 80 else text[:77] + "..."
