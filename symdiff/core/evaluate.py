"""Numeric value of an expression at a point: exact where it can be, float where it must.

Sums, products, integer powers, roots of perfect powers and the piecewise functions
(abs, relu, sign, max, min, indicators) of rationals stay exact ``Fraction``s.
``pi`` and ``e`` are exact too, as rational multiples of themselves
(:class:`~symdiff.core.multiple.Multiple`: ``pi/2`` is ``Multiple(1/2)``), so a
function meets its special points exactly: ``sin(pi/2)`` is 1, ``tan(pi/4)`` is 1,
``log(e)`` is 1, and ``tan(pi/2)`` or ``x/sin(pi)`` is a ``DomainError`` (a pole, a
division by the exact 0), never a huge float.  A known function's exact value, float
value and domain (poles included) come from its row of the function table
(:mod:`symdiff.core.functions`).  Other values give ``float``s (``sin(1)``,
``sqrt(2)``, ``pi + 1``, ``pi^2``), and a float operand makes its parent a float.
Inputs are read exactly: the float ``1.5`` is 3/2 (floats by their decimal repr, as
everywhere in symdiff).

The walk is over :func:`~symdiff.core.walk.postorder` with one value per distinct node:
time is linear in the size of the DAG, and depth is unlimited.

Policies:

- ``0^0`` is 1.  A negative base to a non-integer power is a ``DomainError``
  (the principal value is complex), as are ``1/0``, ``log`` of a non-positive
  number and ``sqrt`` of a negative one; the message names the sub-expression.
- An exact value needing more than twice ``limits.max_fold_bits`` bits (numerator or
  denominator; ``MAX_EXACT_BITS`` = 8,192 by default) is carried as a float instead:
  exactness is given up, not memory.  The clock of the call (``limits.timeout``) is
  polled every 1,024 nodes.
- The result is always finite: a value too large for a float raises
  ``LimitError`` naming the sub-expression, never returns ``inf`` or ``nan``.
- A float argument within rounding of a pole (``tan`` of the float nearest π/2) is a
  pole: ``DomainError`` (the rule is in :mod:`symdiff.core.special`).  A float that
  merely comes close to 0 is divided by: only an exact 0 is a division by zero.

>>> from symdiff.core.expr import Var, call
>>> x = Var("x")
>>> evaluate(x**2 / 4 + 1, {"x": 1.5})
Fraction(25, 16)
>>> evaluate(call("sqrt", x), {"x": Fraction(9, 4)}), evaluate(call("exp", x), {"x": 0})
(Fraction(3, 2), Fraction(1, 1))
>>> from symdiff.core.expr import Const
>>> evaluate(call("sin", x), {"x": Const("pi").evaluate() / 2})
Fraction(1, 1)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction

from ..errors import DomainError, LimitError, UnsupportedError
from ..limits import DEFAULT_LIMITS, Limits
from .expr import Add, Call, Const, Derivative, Expr, Indicator, Mul, Num, Pow, Var
from .facets import Function
from .facets import Value as Value  # the type of a value, for the evaluator's readers
from .functions import SPELLINGS
from .multiple import Multiple
from .numbers import Scalar, fold_power, to_fraction
from .walk import natural_key

# bits of an exact value: twice max_fold_bits (~2,500 digits by default: printable, as
# Python refuses int -> str past 4,300 digits)
MAX_EXACT_BITS = 2 * DEFAULT_LIMITS.max_fold_bits

ZERO, ONE = Fraction(0), Fraction(1)

Given = Scalar | Multiple  # a value given for a variable


def evaluate(expr: Expr, env: Mapping[str, Given], *, limits: Limits = DEFAULT_LIMITS) -> Value:
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
    return evaluate_nodes(expr, env, limits=limits)[expr]


def evaluate_all(
    exprs: Sequence[Expr], env: Mapping[str, Given], *, limits: Limits = DEFAULT_LIMITS
) -> list[Value]:
    """The values of several expressions at one point, in one walk: each distinct node once.

    For a gradient, whose partials share most of their nodes.

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> evaluate_all([x * y, x * y + 1, x], {"x": 2, "y": Fraction(1, 3)})
    [Fraction(2, 3), Fraction(5, 3), Fraction(2, 1)]
    """
    values = evaluate_nodes(exprs, env, limits=limits)
    return [values[e] for e in exprs]


def evaluate_nodes(
    expr: Expr | Sequence[Expr], env: Mapping[str, Given], *, limits: Limits = DEFAULT_LIMITS
) -> dict[Expr, Value]:
    """The value of every distinct node of ``expr`` (or of several roots; a memo keyed by node).

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> values = evaluate_nodes(x * x + x, {"x": 3})
    >>> values[x * x], values[x * x + x]
    (Fraction(9, 1), Fraction(12, 1))
    """
    order = _postorder([expr] if isinstance(expr, Expr) else expr)
    max_bits = 2 * limits.max_fold_bits
    point = _point(order, env, max_bits)
    values: dict[Expr, Value] = {}
    for count, node in enumerate(order):
        if not count & 1023:
            limits.check_time("evaluation")
        try:
            value = _value(node, [values[c] for c in node.children], point, max_bits)
            if isinstance(value, float) and not math.isfinite(value):
                raise OverflowError
            values[node] = value
        except ZeroDivisionError:
            raise DomainError(f"division by zero in {_show(node)}") from None
        except OverflowError:
            raise LimitError(f"the value of {_show(node)} is too large for a float") from None
    return values


def _postorder(roots: Sequence[Expr]) -> list[Expr]:
    """Every distinct node of all ``roots``, children before parents (an explicit stack)."""
    seen: set[Expr] = set()
    order: list[Expr] = []
    for root in roots:
        if root in seen:
            continue
        seen.add(root)
        stack: list[tuple[Expr, int]] = [(root, 0)]
        while stack:
            node, i = stack[-1]
            kids = node.children
            while i < len(kids) and kids[i] in seen:
                i += 1
            if i == len(kids):
                stack.pop()
                order.append(node)
                continue
            stack[-1] = (node, i + 1)
            seen.add(kids[i])
            stack.append((kids[i], 0))
    return order


def _point(order: list[Expr], env: Mapping[str, Given], max_bits: int) -> dict[str, Value]:
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
            given = env[node.name]
            try:
                if isinstance(given, Multiple):
                    point[node.name] = given
                else:
                    point[node.name] = _fit(to_fraction(given), max_bits)
            except OverflowError:
                message = (f"the value given for {node.name} is too large: over {max_bits:,} bits"
                           " exact (twice max_fold_bits), and beyond a float")  # fmt: skip
                raise LimitError(message) from None
            except (ValueError, ArithmeticError, TypeError):
                message = f"the value given for {node.name} is not a finite number"
                raise DomainError(message) from None
    if missing:
        names = ", ".join(sorted(missing, key=natural_key))
        raise UnsupportedError(f"no value given for {names}")
    return point


def _value(node: Expr, kids: list[Value], point: Mapping[str, Value], max_bits: int) -> Value:
    """One node's value from its children's."""
    match node:
        case Num():
            return node.value
        case Var():
            return point[node.name]
        case Const():
            return Multiple(ONE, node.name)
        case Add():  # only sums and products grow exact values without warning
            total = kids[0] if kids else ZERO
            for term in kids[1:]:
                total = _fit(total + term, max_bits)
            return total
        case Mul():
            product = kids[0] if kids else ONE
            for factor in kids[1:]:
                product = _fit(product * factor, max_bits)
            return product
        case Pow():
            return _power(kids[0], kids[1], node, max_bits)
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


def _power(b: Value, n: Value, node: Expr, max_bits: int) -> Value:
    """``b^n`` exactly when both are rational and the result is (and not too large), else a float.

    The exact case is :func:`~symdiff.core.numbers.fold_power`; a multiple of a square
    root stays exact to integer powers, of π or e to the powers 0 and 1 only.
    """
    if b == 0 and n < 0:
        raise DomainError(f"division by zero in {_show(node)}")
    if isinstance(n, Multiple):
        n = float(n)
    if b < 0 and not (n == int(n)):
        raise DomainError(f"negative base {b} to the non-integer power {n} in {_show(node)}")
    if isinstance(b, Multiple):
        if isinstance(n, Fraction) and n.denominator == 1 and abs(n) < max_bits:
            return _fit(b.power(n.numerator), max_bits)
        b = float(b)
    if isinstance(b, Fraction) and isinstance(n, Fraction):
        exact = fold_power(b, n, max_bits)
        if exact is not None:
            return exact
    return math.pow(b, n)


def _bits(v: Fraction) -> int:
    return max(v.numerator.bit_length(), v.denominator.bit_length())


def _fit(v: Value, max_bits: int) -> Value:
    """Give up exactness for a float when an exact value grows past ``max_bits``."""
    if isinstance(v, Fraction) and _bits(v) > max_bits:
        return float(v)
    if isinstance(v, Multiple) and _bits(v.q) > max_bits:
        return float(v)
    return v


def _show(node: Expr) -> str:
    """A short text of ``node`` for messages."""
    try:
        text = str(node)
    except Exception:  # a message must never hide the error it reports
        text = f"a {type(node).__name__} node"
    return text if len(text) <= 80 else text[:77] + "..."
