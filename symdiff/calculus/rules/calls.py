"""Function calls: elementary functions, max/min, and abstract functions.

>>> from symdiff.core.expr import Var, call
>>> from symdiff.calculus.rules import Dependence
>>> e = call("max", Var("x") ** 2, Var("y"))
>>> str(call_rule(e, "x", Dependence(e, "x")).build((Var("du"),)))
'1(x^2 > y)*du'
"""

from __future__ import annotations

from ...core.expr import Call, Expr, Indicator, Var, add, mul
from ...core.functions import KNOWN
from ...errors import UnsupportedError
from . import Dependence, Rule, rule
from .chain import chain
from .elementary import OUTER


@rule(Call)
def call_rule(node: Expr, var: str, dep: Dependence) -> Rule:
    """Dispatch on the function: table entry + chain rule, max/min, or abstract.

    >>> from symdiff.core.expr import Var, call
    >>> from symdiff.calculus.rules import Dependence
    >>> e = call("sin", Var("x") ** 2)
    >>> call_rule(e, "x", Dependence(e, "x")).id
    'chain:sin'
    """
    assert isinstance(node, Call)
    name, args = node.name, node.args
    if name in ("max", "min"):
        return extremum(node, var, dep)
    if name not in KNOWN:
        return abstract(node, var, dep)
    if name not in OUTER or len(args) != 1:
        raise UnsupportedError(f"no derivative rule for {name}() with {len(args)} argument(s)")
    return chain(name, OUTER[name](args[0]), args[0], var)


def extremum(node: Call, var: str, dep: Dependence) -> Rule:
    """d max(u₁, …, uₙ) = Σᵢ 1(uᵢ > uⱼ for all j ≠ i)·duᵢ; min with "<".

    The inequalities are strict: where two arguments tie, the derivative is
    taken as 0 (the book's convention; the true derivative is undefined there
    unless the tied arguments have equal derivatives).  Repeated identical
    arguments count once, so ``max(x, x)`` differentiates like ``x``.

    >>> from symdiff.core.expr import Var, Num, call
    >>> from symdiff.calculus.rules import Dependence
    >>> e = call("max", Var("x"), Num(0))
    >>> str(extremum(e, "x", Dependence(e, "x")).build(()))
    '1(x > 0)'
    """
    args = tuple(dict.fromkeys(node.args))  # max(u, u, v) is max(u, v): no tie with itself
    live = tuple(i for i, a in enumerate(args) if dep(a))

    def wins(i: int) -> list[Expr]:
        others = (a for j, a in enumerate(args) if j != i)
        if node.name == "max":
            return [Indicator(args[i], a) for a in others]
        return [Indicator(a, args[i]) for a in others]

    subs = tuple(args[i] for i in live if args[i] is not Var(var))

    def build(d: tuple[Expr, ...]) -> Expr:
        it = iter(d)
        terms = [mul(*wins(i)) if args[i] is Var(var) else mul(*wins(i), next(it)) for i in live]
        return add(*terms)

    return Rule(node.name, subs, build)


def abstract(node: Call, var: str, dep: Dependence) -> Rule:
    """d f(u) = f'(u)·du; with several arguments, Σᵢ ∂ᵢf(u₁, …)·duᵢ over the uᵢ that involve x.

    >>> from symdiff.core.expr import Var, call
    >>> from symdiff.calculus.rules import Dependence
    >>> e = call("g", Var("y"), call("h", Var("x")))
    >>> str(abstract(e, "x", Dependence(e, "x")).build((Var("dh"),)))
    "g'[2](y, h(x))*dh"
    """
    args = node.args
    if len(args) == 1:
        return chain("abstract", Call(node.name, args, (*node.deriv, 0)), args[0], var)
    live = tuple(i for i, a in enumerate(args) if dep(a))
    partials = {i: Call(node.name, args, (*node.deriv, i)) for i in live}
    subs = tuple(args[i] for i in live if args[i] is not Var(var))

    def build(d: tuple[Expr, ...]) -> Expr:
        it = iter(d)
        return add(
            *(partials[i] if args[i] is Var(var) else mul(partials[i], next(it)) for i in live)
        )

    return Rule("abstract", subs, build)
