"""The one simplifier engine: innermost-first over the DAG, each node to its fixpoint.

:func:`run` walks the expression children first (an explicit stack, no
recursion).  At a node whose children are normal it opens a sum in a sum (a
product in a product), which is structure and not a step, then asks the passes
in ``PASSES`` order: the first whose cheap guard ``applies(node)`` holds and
whose ``rewrite`` changes the node wins.  The new node is normalized in turn
(its new children first) before the original node takes its form.  Every
normal form is remembered for the whole call, so a sub-expression shared by
many partials is simplified once.

With ``record=True`` each change is kept as ``Step(rule, before, after, path)``
on the sub-expression it touched, ``path`` being the child indices from the
root where the engine met it.  ``simplify()`` and ``simplify_steps()`` are this
one call with recording off and on, so both give the same node.

Limits: every rewrite counts against ``max_simplify_steps``; the clock of the
call is polled every 1024 nodes (``limits.check_time``).

>>> from symdiff.core.expr import Mul, Num, Pow, Var
>>> from symdiff.simplifier import PASSES
>>> x = Var("x")
>>> result, steps = run(Mul((x, x, Num(1))), PASSES[:-1])
>>> result is Pow(x, Num(2)), [(s.rule, s.path) for s in steps]
(True, [('identities', ()), ('combine-powers', ())])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import ModuleType

from ..core.expr import Add, Expr, Mul
from ..core.steps import Step
from ..errors import LimitError
from ..limits import DEFAULT_LIMITS, Limits
from .flatten import flatten_order

Rewrite = Callable[[Expr, tuple[Expr, ...], Limits], Expr]


@dataclass(frozen=True, slots=True)
class Pass:
    """One row of the ``PASSES`` table: a rule id and the module that holds its rewrite.

    >>> from symdiff.simplifier import identities
    >>> Pass.of(identities).id
    'identities'
    """

    id: str
    module: ModuleType
    kinds: tuple[type[Expr], ...]
    title: str
    example: str

    @classmethod
    def of(cls, module: ModuleType) -> Pass:
        """The row of a pass module (its ``ID``, ``KINDS``, ``TITLE`` and ``EXAMPLE``)."""
        return cls(module.ID, module, module.KINDS, module.TITLE, module.EXAMPLE)


def spliced(node: Expr, kind: type, kids: tuple[Expr, ...], cap: int) -> Expr:
    """``node`` over ``kids``, a sum (product) among the kids of a sum (product) opened.

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> spliced(x * y, Mul, (x, Mul((x, y))), 10) is Mul((x, x, y))
    True
    """
    if kind is not Add and kind is not Mul:
        return node if kids == node.children else node.rebuild(kids)
    if kind not in map(type, kids):
        return node if kids == node.children else kind(kids)
    out: list[Expr] = []
    for k in kids:
        if type(k) is kind:
            out.extend(k.children)
        else:
            out.append(k)
    if len(out) > cap:
        raise LimitError(f"flattening would build a node of more than {cap} operands")
    return kind(tuple(out))


class _Table:
    """The passes acting on each node class, in order: (rule id, applies, rewrite)."""

    def __init__(self, passes: Sequence[Pass]) -> None:
        self.passes = passes
        self.by_kind: dict[type, list[tuple[str, Callable[[Expr], bool], Rewrite]]] = {}

    def get(self, kind: type) -> list[tuple[str, Callable[[Expr], bool], Rewrite]]:
        rows = self.by_kind.get(kind)
        if rows is None:
            rows = [
                (p.id, p.module.applies, p.module.rewrite)
                for p in self.passes
                if issubclass(kind, p.kinds)
            ]
            self.by_kind[kind] = rows
        return rows


def run(
    root: Expr,
    passes: Sequence[Pass],
    *,
    limits: Limits = DEFAULT_LIMITS,
    record: bool = True,
) -> tuple[Expr, list[Step]]:
    """``root`` with every node at the fixpoint of ``passes``, and the steps when recording.

    >>> from symdiff.core.expr import Add, Mul, Num, Var
    >>> from symdiff.simplifier import PASSES
    >>> x = Var("x")
    >>> run(Add((x, x)), PASSES[:-1], record=False)
    (<Mul 2*x>, [])
    """
    table = _Table(passes)
    cap = limits.max_nodes
    budget = limits.max_simplify_steps
    steps: list[Step] = []
    memo: dict[Expr, Expr] = {}  # node -> its normal form (normal forms map to themselves)
    waiting: dict[Expr, Expr] = {}  # node -> the node whose normal form it takes
    busy: set[Expr] = set()  # nodes whose normal form is being computed
    paths: dict[Expr, tuple[int, ...]] = {}  # recording: where the engine met each node
    flat, _ = flatten_order(root, {}, limits)  # a sum in a sum is structure, not a step
    if record:
        paths[flat] = ()
    count = ticks = 0
    stack = [flat]
    while stack:
        node = stack[-1]
        if node in memo:
            stack.pop()
            continue
        target = waiting.get(node)
        if target is not None:  # the form node takes is normal now
            stack.pop()
            memo[node] = memo[target]
            busy.discard(node)
            continue
        children = node.children
        if node not in busy:
            busy.add(node)
            pushed = False
            for i, child in enumerate(children):
                if child not in memo:
                    if child in busy:
                        raise LimitError("simplification runs in a cycle")
                    if record and child not in paths:
                        paths[child] = (*paths[node], i)
                    stack.append(child)
                    pushed = True
            if pushed:
                continue
        ticks += 1
        if not ticks & 1023:
            limits.check_time("simplification")
        if not children:
            stack.pop()
            memo[node] = node
            busy.discard(node)
            continue
        kind = type(node)
        kids = tuple([memo[c] for c in children])
        current = spliced(node, kind, kids, cap)
        if current is node:
            for rule, applies, rewrite in table.get(kind):
                if applies(node):
                    current = rewrite(node, children, limits)
                    if current is not node:
                        count += 1
                        if count > budget:
                            raise LimitError(f"simplification needs more than {budget} steps")
                        if record:
                            steps.append(Step(rule, node, current, path=paths[node]))
                        break
            if current is node:
                stack.pop()
                memo[node] = node
                busy.discard(node)
                continue
        if current in busy:
            raise LimitError("simplification runs in a cycle")
        if record and current not in paths:
            paths[current] = paths[node]
        waiting[node] = current
        stack.append(current)
    return memo[flat], steps
