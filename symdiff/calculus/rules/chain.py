"""The chain rule, written once: d f(u) = f'(u)·du.

>>> from symdiff.core.expr import Var, call
>>> r = chain("sin", call("cos", Var("x") ** 2), Var("x") ** 2, "x")
>>> r.id, str(r.build((Var("du"),)))
('chain:sin', 'cos(x^2)*du')
"""

from __future__ import annotations

from ...core.expr import Expr, Mul, Var, mul
from . import Rule


def chain(rule_id: str, outer: Expr, inner: Expr, var: str) -> Rule:
    """``outer`` is f'(u) for ``inner`` = u; multiply by du unless u is the variable itself.

    The factors of a product ``outer`` are spliced in front of du, so the
    power rule reads ``5(2x²)⁴·d/dx 2x²`` rather than a nested product.

    >>> from symdiff.core.expr import Var
    >>> chain("power", Var("y"), Var("x"), "x").id
    'power'
    """
    if inner is Var(var):
        return Rule(rule_id, (), lambda d: outer)
    head = outer.factors if isinstance(outer, Mul) else (outer,)
    return Rule(f"chain:{rule_id}", (inner,), lambda d: mul(*head, d[0]))
