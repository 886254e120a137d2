"""The simplifier: named passes run to a fixpoint, one recorded ``Step`` per change.

The driver flattens sums in sums and products in products silently (that is
structure, not a step), then repeatedly tries the passes below in order,
applies the first that changes the expression (at all its places at once),
records one ``Step(rule, before, after)`` with whole expressions, and starts
again from the first pass.  It stops when no pass applies, so
``simplify(simplify(e)) is simplify(e)``.

Pass order (the rule ids are a stable contract): identities, function-values,
indicators, distribute-exponent, combine-powers, combine-constants,
collect-terms, order-factors, and expand when asked for.

Every pass is a memoized bottom-up rewrite of the DAG; the driver (see
:mod:`symdiff.simplifier.sweep`) keeps every pass's results for the whole call,
so an iteration computes a pass only on nodes it has not seen before.

``simplify()`` records no steps, so it takes a fast path when it can
(:mod:`symdiff.simplifier.fast`, engine in :mod:`symdiff.simplifier.machine`):
each node is brought to its own fixpoint in one walk, children first, trying
only the passes a quick look (:mod:`symdiff.simplifier.settled`) does not rule
out, with exactly the driver's result; where the two
orders could end in different nodes (:mod:`symdiff.simplifier.confluence`),
with ``expand=True``, a lowered ``max_simplify_steps``, or on any error it runs
the driver instead.  Set ``FAST_PATH = False`` to always run the driver.

>>> from symdiff.core.expr import Mul, Num, Pow, Var
>>> x = Var("x")
>>> e = Mul((Num(15), Pow(Mul((Num(2), Pow(x, Num(2)))), Num(4)), Mul((Num(4), x))))
>>> result, steps = simplify_steps(e)
>>> result is Mul((Num(960), Pow(x, Num(9))))
True
>>> [s.rule for s in steps]
['distribute-exponent', 'combine-powers', 'combine-constants']
"""

from __future__ import annotations

import time
from functools import partial

from ..core.expr import Add, Call, Expr, Indicator, Mul, Pow
from ..core.steps import Step
from ..errors import DomainError, LimitError
from ..limits import DEFAULT_LIMITS, Limits
from .arithmetic import arithmetic
from .collect import collect_terms_node
from .confluence import risky
from .expand import expand_node
from .fast import Fallback, normalize
from .flatten import flatten
from .functions import function_values_node
from .identities import identities_node
from .indicators import indicators_node
from .numbers import combine_constants_node
from .order import order_factors_node
from .powers import combine_powers_node, distribute_exponent_node
from .settled import first_rule
from .sweep import Kinds, Sweeper
from .walk import NodeFn

__all__ = ["FAST_PATH", "RULES", "arithmetic", "simplify", "simplify_steps"]

# simplify() takes the fast path (:mod:`symdiff.simplifier.fast`) when this is true
FAST_PATH = True

RULES: tuple[str, ...] = (
    "identities",
    "function-values",
    "indicators",
    "distribute-exponent",
    "combine-powers",
    "combine-constants",
    "collect-terms",
    "order-factors",
    "expand",
)


def _passes(limits: Limits, expand: bool) -> list[tuple[str, NodeFn, Kinds]]:
    """The named passes in order: rule id, node function, node classes it acts on."""
    table: list[tuple[str, NodeFn, Kinds]] = [
        ("identities", identities_node, (Add, Mul, Pow)),
        ("function-values", function_values_node, (Call,)),
        ("indicators", indicators_node, (Indicator, Pow, Mul)),
        ("distribute-exponent", distribute_exponent_node, (Pow,)),
        ("combine-powers", combine_powers_node, (Mul,)),
        ("combine-constants", partial(combine_constants_node, limits=limits), (Add, Mul, Pow)),
        ("collect-terms", collect_terms_node, (Add,)),
        ("order-factors", order_factors_node, (Mul,)),
    ]
    if expand:
        table.append(("expand", partial(expand_node, limits=limits), (Add, Mul, Pow)))
    return table


def simplify_steps(
    expr: Expr, *, expand: bool = False, limits: Limits = DEFAULT_LIMITS
) -> tuple[Expr, list[Step]]:
    """Simplify ``expr`` and return the result with one ``Step`` per named change.

    Each step's ``before`` and ``after`` are whole expressions; the first
    ``before`` is ``expr`` itself and every other one is the previous ``after``.

    >>> from symdiff.core.expr import Mul, Var
    >>> x = Var("x")
    >>> result, steps = simplify_steps(Mul((x, x)))
    >>> result is x**2, [s.rule for s in steps]
    (True, ['combine-powers'])
    """
    passes = _passes(limits, expand)
    sweeper = Sweeper([(fn, kinds) for _, fn, kinds in passes])
    flat_memo: dict[Expr, Expr] = {}

    def finish(e: Expr) -> Expr:
        return flatten(e, flat_memo, limits)

    deadline = None if limits.timeout is None else time.monotonic() + limits.timeout
    steps: list[Step] = []
    before = expr
    current = finish(expr)
    while True:
        change = sweeper.first_change(current, finish)
        if change is None:
            return current, steps
        if len(steps) >= limits.max_simplify_steps:
            raise LimitError(f"simplification needs more than {limits.max_simplify_steps} steps")
        if deadline is not None and time.monotonic() > deadline:
            raise LimitError(f"simplification exceeded the time limit of {limits.timeout} s")
        index, after = change
        steps.append(Step(passes[index][0], before, after))
        before = current = after


def simplify(expr: Expr, *, expand: bool = False, limits: Limits = DEFAULT_LIMITS) -> Expr:
    """The canonical simplified form of ``expr`` (a fixpoint of every pass).

    Always the node ``simplify_steps(expr)[0]`` gives (see the module docstring
    for the fast path).  With the default ``max_simplify_steps`` the fast path
    does not count steps, so an input that would need more than 10,000 driver
    iterations gets its result instead of ``LimitError``.

    >>> from symdiff.core.expr import Add, Mul, Num, Var
    >>> x = Var("x")
    >>> simplify(Add((Mul((Num(2), x)), Mul((Num(3), x))))) is Mul((Num(5), x))
    True
    """
    if FAST_PATH and not expand and limits.max_simplify_steps >= DEFAULT_LIMITS.max_simplify_steps:
        try:
            passes = _passes(limits, expand)
            return normalize(expr, passes, limits=limits, guard=risky, screen=first_rule)
        except (Fallback, DomainError):
            pass
    return simplify_steps(expr, expand=expand, limits=limits)[0]
