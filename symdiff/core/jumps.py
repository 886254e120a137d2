"""The jumps of floor and ceil: where their argument is a whole number.

A function whose row has ``kinks="integers"`` (``floor``, ``ceil``) jumps wherever its
argument ``u`` crosses a whole number, so its derivative (0 between the jumps) does not
exist there.  :func:`crossings` is a quantity that changes sign at exactly those
places, ``sin(π·u)``, for the searches of the checker and the plots, which look for
sign changes; :func:`jump_at` finds a jump at a given point, so that ``--at`` never
gives a derivative where there is none.

>>> from fractions import Fraction
>>> from symdiff.core.expr import Var, call
>>> x = Var("x")
>>> str(crossings(x / 2))
'sin(pi*(x/2))'
>>> jump_at(call("floor", x / 2) * x, {"x"}, {"x": Fraction(4)})
'floor(x/2) jumps where its argument is a whole number (here 2)'
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from fractions import Fraction

from ..errors import SymdiffError
from .evaluate import Given, evaluate_nodes
from .expr import Call, Const, Expr, call, mul
from .functions import SPELLINGS
from .multiple import Multiple
from .walk import postorder, variables

__all__ = ["crossings", "jump_at"]


def crossings(u: Expr) -> Expr:
    """``sin(π·u)``: 0 where ``u`` is a whole number, changing sign as ``u`` crosses one.

    >>> from symdiff.core.expr import Var
    >>> str(crossings(Var("t")))
    'sin(pi*t)'
    """
    return call("sin", mul(Const("pi"), u))


def jump_at(expr: Expr, wrt: Collection[str], point: Mapping[str, Given]) -> str | None:
    """Why ``expr`` has no derivative by ``wrt`` at ``point`` (a floor or ceil on a jump), or None.

    Only jumps whose argument involves a variable of ``wrt`` count (``floor(y)·x`` has a
    derivative by x at y = 1).  Arguments with no value at the point are left to the
    evaluator.

    >>> from symdiff.core.expr import Var, call
    >>> jump_at(call("ceil", Var("y")) * Var("x"), {"x"}, {"x": 1, "y": 1}) is None
    True
    """
    for node in postorder(expr):
        if not (isinstance(node, Call) and not node.deriv and node.name in SPELLINGS):
            continue
        if SPELLINGS[node.name].kinks != "integers":
            continue
        u = node.args[0]
        if not set(variables(u)) & set(wrt):
            continue
        try:
            value = evaluate_nodes(u, point)[u]
        except SymdiffError:
            continue
        if isinstance(value, Multiple) or not float(value).is_integer():
            continue
        shown = value if isinstance(value, Fraction) else int(value)
        return f"{node} jumps where its argument is a whole number (here {shown})"
    return None
