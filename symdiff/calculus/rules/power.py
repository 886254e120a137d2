"""Powers: power rule, exponential and logarithmic differentiation of u^v.

>>> from symdiff.core.expr import Var, Num, Pow
>>> from symdiff.calculus.rules import Dependence
>>> e = Pow(Var("x"), Num(2))
>>> str(pow_rule(e, "x", Dependence(e, "x")).build(()))
'2*x^1'
"""

from __future__ import annotations

from ...core.expr import ZERO, Const, Expr, Num, Pow, add, call, mul
from . import Dependence, Rule, rule
from .chain import chain


@rule(Pow)
def pow_rule(node: Expr, var: str, dep: Dependence) -> Rule:
    """Pick the rule for u^v by which of u and v depend on the variable.

    * power (v free): d u^n = n·u^(n−1)·du;
    * exponential (u free): d a^v = a^v·ln(a)·dv, and d e^v = e^v·dv;
    * logarithmic differentiation (u and v both depend on x): y = u^v, ln y = v·ln(u), so
      y′/y = d(v·ln(u)) and d u^v = u^v·d(v·ln(u)) = u^v·(dv·ln(u) + v·du/u).

    >>> from symdiff.core.expr import Var
    >>> from symdiff.calculus.rules import Dependence
    >>> e = Var("x") ** Var("x")
    >>> pow_rule(e, "x", Dependence(e, "x")).id
    'logarithmic-differentiation'
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
    return logarithmic(node, u, v)


def logarithmic(node: Expr, u: Expr, v: Expr) -> Rule:
    """d u^v = u^v·d(v·ln(u)): the logarithm of y = u^v is v·ln(u), and y′ = y·(ln y)′.

    The line the book writes is ``u^v·d/dx[v·ln(u)]``; the product rule and the chain
    rule with ln then give ``u^v·(dv·ln(u) + v·du/u)``.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> r = logarithmic(x ** x, x, x)
    >>> [str(s) for s in r.subs], str(r.build((Var("w"),)))
    (['x*log(x)'], 'x^x*w')
    """
    return Rule("logarithmic-differentiation", (mul(v, call("log", u)),), lambda d: mul(node, d[0]))
