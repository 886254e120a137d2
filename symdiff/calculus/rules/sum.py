"""Sum rule: the derivative of a sum is the sum of the derivatives.

>>> from symdiff.core.expr import Var
>>> from symdiff.calculus.rules import Dependence
>>> e = Var("x") + Var("y")
>>> str(sum_rule(e, "x", Dependence(e, "x")).build((Var("a"), Var("b"))))
'a + b'
"""

from __future__ import annotations

from ...core.expr import Add, Expr
from . import Dependence, Rule, rule


@rule(Add)
def sum_rule(node: Expr, var: str, dep: Dependence) -> Rule:
    """d(u + v − w) = du + dv − dw (differences are sums of negated terms).

    >>> from symdiff.core.expr import Var
    >>> from symdiff.calculus.rules import Dependence
    >>> e = Var("x") - Var("y")
    >>> sum_rule(e, "x", Dependence(e, "x")).id
    'sum'
    """
    assert isinstance(node, Add)
    return Rule("sum", node.terms, lambda d: Add(d))
