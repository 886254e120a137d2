"""Function calls: the known functions by their table rows, and abstract functions.

A known function's derivative is its row's partial (:mod:`symdiff.core.functions`):
one argument goes through the chain rule, several (``max``, ``min``) through
:func:`several`.

>>> from symdiff.core.expr import Var, call
>>> from symdiff.calculus.rules import Dependence
>>> e = call("max", Var("x") ** 2, Var("y"))
>>> str(call_rule(e, "x", Dependence(e, "x")).build((Var("du"),)))
'1(x^2 > y)*du'
"""

from __future__ import annotations

from ...core.expr import ONE, ZERO, Call, Expr, Mul, Var, add, mul
from ...core.facets import Function
from ...core.functions import FUNCTIONS
from ...errors import UnsupportedError
from ..ties import representatives
from . import Dependence, Rule, rule
from .chain import chain


@rule(Call)
def call_rule(node: Expr, var: str, dep: Dependence) -> Rule:
    """Dispatch on the function: its table row (+ the chain rule), or abstract.

    >>> from symdiff.core.expr import Var, call
    >>> from symdiff.calculus.rules import Dependence
    >>> e = call("sin", Var("x") ** 2)
    >>> call_rule(e, "x", Dependence(e, "x")).id
    'chain:sin'
    """
    assert isinstance(node, Call)
    row = FUNCTIONS.get(node.name)
    if row is None:
        return abstract(node, var, dep)
    args = node.args
    if row.arity == 1 and len(args) == 1:
        return chain(node.name, row.partial(args, 0), args[0], var)
    if not row.accepts(len(args)):
        raise UnsupportedError(f"no derivative rule for {node.name}() with {len(args)} argument(s)")
    return several(node, row, var, dep)


def _factors(e: Expr) -> tuple[Expr, ...]:
    if e is ONE:
        return ()
    return e.factors if isinstance(e, Mul) else (e,)


def several(node: Call, row: Function, var: str, dep: Dependence) -> Rule:
    """d f(u₁, …, uₙ) = Σᵢ ∂ᵢf·duᵢ over the uᵢ that involve x (a 0 partial drops its term).

    For max: ∂ᵢ max = 1(uᵢ > uⱼ for all j ≠ i); min with "<" (see the table's row).

    >>> from symdiff.core.expr import Var, Num, call
    >>> from symdiff.calculus.rules import Dependence
    >>> e = call("max", Var("x"), Num(0))
    >>> str(several(e, FUNCTIONS["max"], "x", Dependence(e, "x")).build(()))
    '1(x > 0)'
    """
    args, x = node.args, Var(var)
    # max/min: arguments that are one function, written differently, count once
    same = representatives(args) if row.kinks == "ties" else args
    live: list[tuple[int, Expr]] = []
    for i, a in enumerate(args):
        if dep(a):
            p = row.partial(same, i)
            if p is not ZERO:
                live.append((i, p))
    subs = tuple(args[i] for i, _ in live if args[i] is not x)

    def build(d: tuple[Expr, ...]) -> Expr:
        it = iter(d)
        return add(*[mul(*_factors(p)) if args[i] is x else mul(*_factors(p), next(it))
                     for i, p in live])  # fmt: skip

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
