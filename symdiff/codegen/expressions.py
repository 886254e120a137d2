"""The code of one expression in one target language, over the program's identifiers.

Numbers are written as float literals (``repr`` of the nearest double), constants as
their double values, and every sum, product, power or literal that is not a plain
name or call is parenthesized where it is an operand, so precedence never depends on
the language.  Integer powers use the language's power operator (``**``) or ``pow``
(``b*b`` and ``1.0 / b`` in C for squares and reciprocals of a name); any other power is
the target's ``power``.  ``1(u > v)`` is 1 where ``u > v`` holds strictly, else 0.

>>> from symdiff.core.expr import Num, Var, call
>>> x = Var("x")
>>> code(3 * x**2 + call("sin", x), {"x": "v_x"}, TARGETS["python"])
'3.0 * v_x ** 2 + math.sin(v_x)'
>>> code(x**-1 + x**2 * x**5, {"x": "v_x"}, TARGETS["c"])
'1.0 / v_x + v_x * v_x * pow(v_x, 5.0)'
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from ..core.expr import Add, Call, Const, Expr, Indicator, Mul, Num, Pow, Var
from ..core.functions import SPELLINGS as ROWS
from ..core.walk import postorder
from ..errors import LimitError, UnsupportedError
from .targets import TARGETS, Target

__all__ = ["TARGETS", "code", "literal"]


def literal(value: float) -> str:
    """A float literal every target reads as ``value`` (a double).

    >>> literal(0.125), literal(3.0), literal(1e300)
    ('0.125', '3.0', '1e+300')
    """
    if not math.isfinite(value):
        raise LimitError(f"the number {value} is too large for a float")
    return repr(value)


def code(expr: Expr, names: Mapping[str, str], target: Target) -> str:
    """The code computing ``expr``, with each ``Var`` written as ``names[its name]``."""
    done: dict[Expr, Code] = {}
    try:
        for node in postorder(expr):
            done[node] = _one(node, [done[c] for c in node.children], names, target)
    except OverflowError:  # an exact number past the largest double
        raise LimitError("a number in the expression is too large for a float") from None
    return done[expr][0]


# A node's code, how tightly it binds, and whether it holds no variable.  Binding: 1 a sum,
# 2 a product (or C's ``1.0 / b``), 2.5 a negative literal, 3 a ``**`` power, 4 a name,
# a call or a parenthesized form.  An operand binding no tighter than its operator is
# parenthesized, so the code computes exactly the tree's operations, in the tree's order.
Code = tuple[str, float, bool]
ATOM = 4.0


def _one(node: Expr, kids: list[Code], names: Mapping[str, str], target: Target) -> Code:
    """One node's code from its children's."""
    fixed = all(k[2] for k in kids)
    if isinstance(node, Num):
        return literal(float(node.value)), ATOM if node.value >= 0 else 2.5, True
    if isinstance(node, Var):
        return names[node.name], ATOM, False
    if isinstance(node, Const):
        return literal(math.e if node.name == "e" else math.pi), ATOM, True
    if isinstance(node, Add):
        return _chain(" + ", kids, 1), 1, fixed
    if isinstance(node, Mul):
        return _chain(" * ", kids, 2), 2, fixed
    if isinstance(node, Pow):
        text, binding = _power(node, kids, target)
        return text, binding, fixed
    if isinstance(node, Indicator):
        lhs, rhs = (_lifted(k, target) for k in kids)
        return target.indicator.format(lhs, rhs), ATOM, fixed
    if isinstance(node, Call):
        args = [_lifted(k, target) for k in kids]
        return target.call(ROWS[node.name].name, args), ATOM, fixed
    raise UnsupportedError(f"cannot compile a {type(node).__name__} node")


def _chain(operator: str, kids: list[Code], binding: float) -> str:
    """``a op b op c``, computed left to right: a first operand binding as tightly needs none."""
    first = kids[0][0] if kids[0][1] >= binding else f"({kids[0][0]})"
    return operator.join([first, *(_operand(k, binding) for k in kids[1:])])


def _operand(kid: Code, operator: float) -> str:
    return kid[0] if kid[1] > operator else f"({kid[0]})"


def _lifted(kid: Code, target: Target) -> str:
    """An argument of a call: constants made arrays where the target needs it (torch)."""
    return target.lift.format(kid[0]) if kid[2] and target.lift != "{0}" else kid[0]


def _power(node: Pow, kids: list[Code], target: Target) -> tuple[str, float]:
    base, exponent = kids
    n = node.exp.value if isinstance(node.exp, Num) else None
    if n is None or n.denominator != 1:
        return target.power.format(base[0], exponent[0]), ATOM
    if target.name != "c":
        return f"{_operand(base, 3)} ** {n if n >= 0 else f'({n})'}", 3
    if n == 2 and base[1] == ATOM:
        return f"{base[0]} * {base[0]}", 2
    if n == -1:
        return f"1.0 / {_operand(base, 2)}", 2
    return f"pow({base[0]}, {literal(float(n))})", ATOM
