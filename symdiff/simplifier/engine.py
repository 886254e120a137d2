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

from collections.abc import Sequence

from ..core.expr import Add, Expr, Indicator, Mul, Num
from ..core.steps import Step
from ..errors import LimitError
from ..limits import DEFAULT_LIMITS, Limits
from .flatten import CHAIN, depth_of, needed_of, opened, spliced
from .order_factors import place_factor
from .table import Pass, Row, rows_for
from .walk import pending

_PLAIN = ("identities", "indicators", "combine-powers", "combine-constants", "order-factors")


class _Engine:
    """What one call knows: the normal form of every node met, and the steps when recording."""

    def __init__(self, passes: Sequence[Pass], limits: Limits, record: bool) -> None:
        self.passes = passes if isinstance(passes, tuple) else tuple(passes)
        self.rows: dict[type, list[Row]] = {}
        rules = tuple(rule for rule, _, _ in rows_for(self.passes, Mul))
        self.plain_products = rules == _PLAIN  # the shortcut of carried() holds
        self.limits = limits
        self.record = record
        self.steps: list[Step] = []
        self.memo: dict[Expr, Expr] = {}  # node -> its normal form (normal ones map to themselves)
        self.moved: set[Expr] = set()  # the nodes whose normal form is another node
        self.waiting: dict[Expr, Expr] = {}  # node -> the node whose normal form it takes
        self.busy: set[Expr] = set()  # nodes whose normal form is being computed
        self.paths: dict[Expr, tuple[int, ...]] = {}  # recording: where each node was met
        self.count = self.ticks = 0
        self.depth: dict[Expr, int] = {}  # sums (products): how deep their kind nests in them

    def carried(self, kids: tuple[Expr, ...]) -> Expr | None:
        """The normal form of ``v·R`` (or ``R·v``) over normal ``kids``, or None if not known.

        When no factor of the normal product ``R`` has the base of the normal
        factor ``v`` (no number, indicator or product), the only pass that acts
        on ``R`` with ``v`` spliced in is order-factors, whose stable sort puts
        ``v`` before (after) the factors of its key: so ``v`` is put there at
        once, and the rewrite counted when the order changed.
        """
        a, b = kids
        if type(b) is Mul and type(a) is not Mul:
            v, factors, first = a, b.children, True
        elif type(a) is Mul and type(b) is not Mul:
            v, factors, first = b, a.children, False
        else:
            return None
        if type(v) is Num or type(v) is Indicator or not self.plain_products:
            return None
        placed = place_factor(v, factors, first)
        if placed is None:
            return None
        result, i = placed
        if i != (0 if first else len(factors)):
            self.counted()  # order-factors, as the passes would have done
        self.memo[result] = result
        return result

    def counted(self) -> None:
        """Count one rewrite against ``max_simplify_steps``."""
        self.count += 1
        if self.count > self.limits.max_simplify_steps:
            raise LimitError(
                f"simplification needs more than {self.limits.max_simplify_steps} rewrites"
                " (max_simplify_steps)"
            )

    def tick(self) -> None:
        """Count one node; poll the clock every 1024."""
        self.ticks += 1
        if not self.ticks & 1023:
            self.limits.check_time("simplification")

    def rewrite(self, node: Expr) -> Expr:
        """The first pass's change of ``node`` (its children normal), or ``node`` itself."""
        rows = self.rows.get(type(node))
        if rows is None:
            rows = self.rows[type(node)] = rows_for(self.passes, type(node))
        for rule, applies, rewrite in rows:
            if applies(node):
                result = rewrite(node, node.children, self.limits)
                if result is not node:
                    self.counted()
                    if self.record:
                        self.steps.append(Step(rule, node, result, path=self.paths[node]))
                    return result
        return node

    def normalize(self, start: Expr) -> Expr:
        """The normal form of ``start``: children first, on an explicit stack."""
        memo, moved, waiting, busy = self.memo, self.moved, self.waiting, self.busy
        record, paths, cap = self.record, self.paths, self.limits.max_nodes
        stack = [start]
        while stack:
            node = stack[-1]
            if node in memo:
                stack.pop()
                continue
            target = waiting.get(node)
            if target is not None:  # node takes the normal form of target
                if target not in memo:
                    if target in busy:
                        raise LimitError("simplification runs in a cycle")
                    stack.append(target)
                    continue
                stack.pop()
                done = memo[node] = memo[target]
                if done is not node:
                    moved.add(node)
                busy.discard(node)
                continue
            children = node.children
            if node not in busy:
                busy.add(node)
                flat = opened(node, cap, self.depth)
                if flat is not node:  # structure, not a step
                    if record and flat not in paths:
                        paths[flat] = paths[node]
                    waiting[node] = flat
                    stack.append(flat)
                    continue
                pushed = False
                for i, child in enumerate(children):
                    if child not in memo:
                        if not child.children:
                            memo[child] = child
                            continue
                        if child in busy:
                            raise LimitError("simplification runs in a cycle")
                        if record and child not in paths:
                            paths[child] = (*paths[node], i)
                        stack.append(child)
                        pushed = True
                if pushed:
                    continue
            self.tick()
            current = node
            if children:
                kids = tuple([memo[c] for c in children])
                current = spliced(node, type(node), kids, cap)
                if current is node:
                    current = self.rewrite(node)
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
        return memo[start]


def run(
    root: Expr,
    passes: Sequence[Pass],
    *,
    limits: Limits = DEFAULT_LIMITS,
    record: bool = True,
) -> tuple[Expr, list[Step]]:
    """``root`` with every node at the fixpoint of ``passes``, and the steps when recording.

    A node's normal form depends on the node alone, so the order nodes are met
    in does not change it: recording walks from the root (to know each path);
    otherwise the nodes are taken children first from one list, and only those
    that change (or hold a sum in a sum, a product in a product) go through
    :meth:`_Engine.normalize`.  Nesting is opened at a node once its operands
    are normal, so the input is never copied flat first.

    >>> from symdiff.core.expr import Add, Mul, Num, Var
    >>> from symdiff.simplifier import PASSES
    >>> x = Var("x")
    >>> run(Add((x, x)), PASSES[:-1], record=False)
    (<Mul 2*x>, [])
    """
    engine = _Engine(passes, limits, record)
    if record:
        engine.paths[root] = ()
        return engine.normalize(root), engine.steps
    memo, moved, depth, cap = engine.memo, engine.moved, engine.depth, limits.max_nodes
    needed: set[Expr] | None = None  # the nodes not only inside their own kind
    order = pending(root, memo)
    for node in order:  # children first
        if node in memo:
            continue
        children = node.children
        kind = type(node)
        if not children:
            memo[node] = node
            continue
        inner = (kind is Add or kind is Mul) and kind in map(type, children)
        if inner:  # its children's depths are known: they came first
            deep = depth[node] = 1 + max(
                [
                    depth[c] if c in depth else depth_of(c, depth)
                    for c in children
                    if type(c) is kind
                ]
            )
        if inner and deep > CHAIN:
            if needed is None:
                needed = needed_of(root, order)
            if node in needed:  # else it is opened into its parents
                memo[node] = done = engine.normalize(node)
                if done is not node:
                    moved.add(node)
        elif inner or (moved and not moved.isdisjoint(children)):
            engine.tick()
            kids = tuple([memo[c] for c in children])
            if kind is Mul and len(kids) == 2:
                done_ = engine.carried(kids)
                if done_ is not None:
                    memo[node] = done_
                    if done_ is not node:
                        moved.add(node)
                    continue
            new = spliced(node, kind, kids, cap)
            known = memo.get(new)
            done = engine.normalize(new) if known is None else known
            memo[node] = done
            if done is not node:
                moved.add(node)
        else:
            engine.tick()
            result = engine.rewrite(node)
            if result is node:
                memo[node] = node
            else:
                memo[node] = engine.normalize(result)
                moved.add(node)
    return memo[root], []
