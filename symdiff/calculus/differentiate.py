"""The differentiation engine: apply the rule for each node, once per distinct node.

Work is proportional to the number of distinct nodes (the DAG), with an explicit
stack instead of recursion.  With ``record=True`` every rule application is kept
as a :class:`~symdiff.core.steps.Step` whose ``after`` is the line the book writes.

>>> from symdiff.core.expr import Var
>>> raw, _ = differentiate(Var("x") ** 3, "x")
>>> str(raw)
'3*x^2'
"""

from __future__ import annotations

from ..core.expr import Derivative, Expr
from ..core.interning import bulk
from ..core.steps import Step
from ..errors import LimitError
from ..limits import DEFAULT_LIMITS, Limits
from .rules import Dependence, Rule, free_derivative, rule_for

_CLOCK_EVERY = 1024  # nodes visited between two looks at the clock


def differentiate(
    expr: Expr, var: str, *, record: bool = False, limits: Limits = DEFAULT_LIMITS
) -> tuple[Expr, Step | None]:
    """The raw (unsimplified) derivative of ``expr`` and, if asked, its step tree.

    >>> from symdiff.core.expr import Var
    >>> raw, tree = differentiate(Var("x") * Var("y"), "x", record=True)
    >>> str(raw), tree.rule
    ('y*1', 'constant-multiple')
    """
    with bulk():  # rules, closures and nodes form no cycles: the collector has nothing to do
        return _differentiate(expr, var, record, limits.begin())


def _differentiate(expr: Expr, var: str, record: bool, limits: Limits) -> tuple[Expr, Step | None]:
    dep = Dependence(expr, var)
    known = dep.memo
    done: dict[Expr, Expr] = {}
    chosen: dict[Expr, Rule] = {}
    steps: dict[Expr, Step] = {}
    stack: list[Expr] = [expr]
    # The n-ary product rule writes n terms of n factors, the one rule whose output can be
    # quadratic in its input: charge it n*n, so that x*x*...*x (a million factors) is refused
    # instead of filling memory.  Every other rule's output is linear in the input.
    budget = limits.max_nodes
    applied = 0
    while stack:
        node = stack[-1]
        if node in done:
            stack.pop()
            continue
        applied += 1
        if applied % _CLOCK_EVERY == 0:
            limits.check_time("differentiation")
        if not record and known.get(node) is False:
            # free of the variable: the rules' answer without their intermediate steps
            done[node] = free_derivative(node)
            stack.pop()
            continue
        rule = chosen.get(node)
        if rule is None:
            rule = chosen[node] = rule_for(node, var, dep)
        subs = rule.subs
        missing = [s for s in subs if s not in done]
        if missing:
            stack.extend(reversed(missing))
            continue
        stack.pop()
        if rule.id == "product":
            budget -= len(subs) ** 2 * (2 if record else 1)
            if budget < 0:
                raise LimitError(
                    f"the product rule on {len(subs)} factors would build more than "
                    f"{limits.max_nodes:,} nodes (max_nodes): one term per factor"
                )
        done[node] = rule.build(tuple([done[s] for s in subs]))
        if record:
            line = rule.build(tuple([Derivative(s, var) for s in subs]))
            below = tuple([steps[s] for s in subs])
            steps[node] = Step(rule.id, Derivative(node, var), line, below)
    return done[expr], steps.get(expr)
