"""The rule registry: one differentiation rule per node type, one family per module.

A rule looks at a node that depends on the variable and returns a :class:`Rule`:
its stable id, the sub-expressions whose derivatives it needs, and ``build``,
which assembles the result from those derivatives.  The engine calls ``build``
twice when recording: once with pending ``Derivative`` placeholders (the line
the book writes) and once with the finished derivatives (the answer), so the
steps and the answer come from the same code.

>>> from symdiff.core.expr import Var, Num, Pow
>>> r = rule_for(Pow(Var("x"), Num(3)), "x", Dependence(Var("x"), "x"))
>>> r.id, str(r.build(()))
('power', '3*x^2')
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ...core.expr import ONE, ZERO, Const, Expr, Indicator, Mul, Num, Var, mul
from ...core.walk import postorder
from ...errors import UnsupportedError

Build = Callable[[tuple[Expr, ...]], Expr]


class Rule(NamedTuple):
    """One rule application: ``build(derivatives of subs)`` is the derivative.

    >>> from symdiff.core.expr import Num
    >>> Rule("constant", (), lambda d: Num(0)).build(())
    <Num 0>
    """

    id: str
    subs: tuple[Expr, ...]
    build: Build


class Dependence:
    """Memoized test "does this expression contain the variable?" (no recursion).

    >>> from symdiff.core.expr import Var
    >>> dep = Dependence(Var("x") * Var("y"), "x")
    >>> dep(Var("y")), dep(Var("x") * Var("y"))
    (False, True)
    """

    def __init__(self, root: Expr, var: str) -> None:
        self.var = var
        self.target = Var(var)
        self.memo: dict[Expr, bool] = {}
        self._fill(root)

    def _fill(self, root: Expr) -> None:
        memo, target = self.memo, self.target
        for node in postorder(root):
            if node not in memo:
                hit = node is target
                if not hit:
                    for child in node.children:
                        if memo[child]:
                            hit = True
                            break
                memo[node] = hit

    def __call__(self, node: Expr) -> bool:
        hit = self.memo.get(node)
        return self._new(node) if hit is None else hit

    def _new(self, node: Expr) -> bool:
        # nodes the rules build are made of known nodes: one look at the children
        memo = self.memo
        kids = [memo.get(c) for c in node.children]
        if None in kids:
            self._fill(node)
            return memo[node]
        hit = memo[node] = node is self.target or any(kids)
        return hit


RuleFn = Callable[[Expr, str, Dependence], Rule]
RULES: dict[type[Expr], RuleFn] = {}


def rule(node_type: type[Expr]) -> Callable[[RuleFn], RuleFn]:
    """Register the rule family for one node type.

    >>> sorted(t.__name__ for t in RULES)
    ['Add', 'Call', 'Const', 'Indicator', 'Mul', 'Pow']
    """

    def register(fn: RuleFn) -> RuleFn:
        RULES[node_type] = fn
        return fn

    return register


def constant_rule(node: Expr) -> Rule:
    """d/dx c = 0 for any c free of x (a number, a constant, another variable).

    >>> constant_rule(Num(2)).id
    'constant'
    """
    return Rule("variable" if isinstance(node, Var) else "constant", (), lambda d: ZERO)


def rule_for(node: Expr, var: str, dep: Dependence) -> Rule:
    """The rule that differentiates ``node`` with respect to ``var``.

    A term free of the variable is a constant, except that a leading numeric
    coefficient is moved in front first (``∂/∂x 3y² = 3·∂/∂x y²``), as the book does.

    >>> from symdiff.core.expr import Var
    >>> rule_for(Var("y"), "x", Dependence(Var("y"), "x")).id
    'variable'
    """
    if not dep(node):
        lead = node.factors[0] if isinstance(node, Mul) else None
        if isinstance(lead, Num) and lead is not ONE:
            assert isinstance(node, Mul)
            coefficient, rest = lead, mul(*node.factors[1:])
            return Rule("constant-multiple", (rest,), lambda d: mul(coefficient, d[0]))
        return constant_rule(node)
    if isinstance(node, Var):
        return Rule("variable", (), lambda d: ONE)
    fn = RULES.get(type(node))
    if fn is None:
        raise UnsupportedError(f"cannot differentiate {type(node).__name__} node {node}")
    return fn(node, var, dep)


def free_derivative(node: Expr) -> Expr:
    """What the rules give for ``node`` free of the variable, without building their steps.

    :func:`rule_for` moves each leading coefficient out (``c·d(rest)``) until no number
    other than 1 leads, and what remains differentiates to 0.  The rests are never built.

    >>> from symdiff.core.expr import Var
    >>> str(free_derivative(Mul((Num(3), Num(2), Var("y"))))), str(free_derivative(Var("y")))
    ('3*(2*0)', '0')
    """
    coefficients: list[Expr] = []
    while type(node) is Mul:
        factors = node.factors
        last = len(factors) - 1
        start = 0  # the current rest is the product of factors[start:]
        while True:
            lead = factors[start]
            if type(lead) is not Num or lead is ONE:
                last = -1
                break
            coefficients.append(lead)
            start += 1
            if start >= last:
                break
        if last < 0:
            break
        # one factor left (a nested product goes round again) or none (the empty product)
        node = factors[start] if start == last else ONE
    result: Expr = ZERO
    for coefficient in reversed(coefficients):
        result = Mul.__new__(Mul, (coefficient, result))  # (the constructor, without the call)
    return result


@rule(Indicator)
def indicator(node: Expr, var: str, dep: Dependence) -> Rule:
    """d/dx 1(u > v) = 0 wherever u ≠ v (the indicator is piecewise constant).

    >>> from symdiff.core.expr import Var, Num
    >>> indicator(Indicator(Var("x"), Num(0)), "x", Dependence(Var("x"), "x")).id
    'indicator'
    """
    return Rule("indicator", (), lambda d: ZERO)


@rule(Const)
def constant(node: Expr, var: str, dep: Dependence) -> Rule:
    """d/dx e = d/dx π = 0.

    >>> constant(Const("e"), "x", Dependence(Const("e"), "x")).id
    'constant'
    """
    return constant_rule(node)


from . import calls, power, product, sum  # noqa: E402  (fills the registry)

__all__ = ["RULES", "Dependence", "Rule", "calls", "power", "product", "rule", "rule_for", "sum"]
