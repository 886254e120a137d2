"""Powers: power rule, exponential and the general power u^v.

>>> from symdiff.core.expr import Var, Num, Pow
>>> from symdiff.calculus.rules import Dependence
>>> e = Pow(Var("x"), Num(2))
>>> str(pow_rule(e, "x", Dependence(e, "x")).build(()))
'2*x^1'
"""

from __future__ import annotations

from ...core.expr import ZERO, Const, Expr, Num, Pow, add, call, mul, pow_
from . import Dependence, Rule, rule
from .chain import chain


@rule(Pow)
def pow_rule(node: Expr, var: str, dep: Dependence) -> Rule:
    """Pick the rule for u^v by which of u and v depend on the variable.

    * power (v free): d u^n = n·u^(n−1)·du;
    * exponential (u free): d a^v = a^v·ln(a)·dv, and d e^v = e^v·dv;
    * general power: d u^v = u^v·(dv·ln(u) + v·du/u).

    >>> from symdiff.core.expr import Var
    >>> from symdiff.calculus.rules import Dependence
    >>> e = Var("x") ** Var("x")
    >>> pow_rule(e, "x", Dependence(e, "x")).id
    'general-power'
    """
    assert isinstance(node, Pow)
    u, v = node.base, node.exp
    if not dep(v):
        lower = Num(v.value - 1) if isinstance(v, Num) else add(v, Num(-1))
        return chain("power", mul(v, Pow(u, lower)), u, var)
    if not dep(u):
        if isinstance(u, Num) and u.value in (0, 1):
            return Rule("constant", (), lambda d: ZERO)  # 0^v and 1^v are constant where defined
        outer = node if u is Const("e") else mul(node, call("log", u))
        return chain("exponential", outer, v, var)
    return Rule(
        "general-power",
        (u, v),
        lambda d: mul(node, add(mul(d[1], call("log", u)), mul(v, d[0], pow_(u, -1)))),
    )
