"""Products: constant multiple, quotient and the n-ary product rule.

>>> from symdiff.core.expr import Var, Num, Mul
>>> from symdiff.calculus.rules import Dependence
>>> e = Mul((Num(3), Var("z"), Var("x")))
>>> r = mul_rule(e, "x", Dependence(e, "x"))
>>> r.id, str(r.build((Num(1),)))
('constant-multiple', '3*z*1')
"""

from __future__ import annotations

from typing import TypeGuard

from ...core.expr import Expr, Mul, Num, Pow, add, mul, neg, pow_
from . import Dependence, Rule, rule
from .power import pow_rule


def _is_reciprocal(factor: Expr) -> TypeGuard[Pow]:
    return isinstance(factor, Pow) and isinstance(factor.exp, Num) and factor.exp.value == -1


@rule(Mul)
def mul_rule(node: Expr, var: str, dep: Dependence) -> Rule:
    """Pick the product-family rule for a product that depends on the variable.

    * constant multiple: d(c·u) = c·du, every factor free of x moved in front;
    * quotient: d(u/v) = (du·v − u·dv)/v²;
    * product: d(f·g·h) = df·g·h + f·dg·h + f·g·dh.

    >>> from symdiff.core.expr import Var
    >>> from symdiff.calculus.rules import Dependence
    >>> e = Var("x") / (Var("x") + 1)
    >>> mul_rule(e, "x", Dependence(e, "x")).id
    'quotient'
    """
    assert isinstance(node, Mul)
    factors = node.factors
    free: list[Expr] = []
    live: list[Expr] = []
    for f in factors:
        (live if dep(f) else free).append(f)
    if free:
        inner = mul(*live)
        return Rule("constant-multiple", (inner,), lambda d: mul(*free, d[0]))
    denominators = tuple(f.base for f in factors if _is_reciprocal(f))
    numerators = tuple(f for f in factors if not _is_reciprocal(f))
    if denominators and numerators:
        return quotient(mul(*numerators), mul(*denominators))
    collected = collect_factors(factors)
    if collected is not factors and len(collected) == 1:  # u·…·u is u^n: one term, not n
        return pow_rule(collected[0], var, dep)
    return product(collected)


def collect_factors(factors: tuple[Expr, ...]) -> tuple[Expr, ...]:
    """Equal factors as one power, in the order each first occurs (``u·v·u → u²·v``).

    The product rule writes one term per factor, so ``(x+1)(x+1)…(x+1)`` with
    n factors would be n terms of n factors; collected, it is ``(x+1)^n``.

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> [str(f) for f in collect_factors((x, y, x, x))]
    ['x^3', 'y']
    >>> collect_factors((x, y)) == (x, y)
    True
    """
    if len(set(factors)) == len(factors):
        return factors
    counts: dict[Expr, int] = {}
    for f in factors:
        counts[f] = counts.get(f, 0) + 1
    return tuple(f if n == 1 else Pow(f, Num(n)) for f, n in counts.items())


def quotient(u: Expr, v: Expr) -> Rule:
    """d(u/v) = (du·v − u·dv)/v².

    >>> from symdiff.core.expr import Var
    >>> str(quotient(Var("x"), Var("y")).build((Var("a"), Var("b"))))
    '(a*y - x*b)/y^2'
    """
    return Rule(
        "quotient",
        (u, v),
        lambda d: mul(add(mul(d[0], v), neg(mul(u, d[1]))), pow_(pow_(v, 2), -1)),
    )


def product(factors: tuple[Expr, ...]) -> Rule:
    """d(f·g·h) = df·g·h + f·dg·h + f·g·dh.

    >>> from symdiff.core.expr import Var
    >>> str(product((Var("x"), Var("y"))).build((Var("a"), Var("b"))))
    'a*y + x*b'
    """

    def build(d: tuple[Expr, ...]) -> Expr:
        n = len(factors)
        return add(*(mul(*factors[:i], d[i], *factors[i + 1 : n]) for i in range(n)))

    return Rule("product", factors, build)
