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

Not recording, a product over normal operands that the passes would only
fold and sort takes its normal form at once (:mod:`.products`), its steps counted.
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

from ..core.expr import Add, Expr, Mul
from ..core.steps import Step
from ..errors import LimitError
from ..limits import DEFAULT_LIMITS, Limits
from .flatten import CHAIN, depth_of, opened, spliced
from .products import joined
from .table import Pass, Row, rows_for
from .walk import pending

_PLAIN = (
    "identities",
    "indicators",
    "combine-powers",
    "combine-constants",
    "expand-numerator",
    "factor-numerator",
    "cancel-factors",
    "quotient-identities",
    "combine-roots",
    "clear-fractions",
    "positive-first",
    "distribute-number",
    "expand-fractions",
    "order-factors",
)


class _Engine:
    """What one call knows: the normal form of every node met, and the steps when recording."""

    def __init__(self, passes: Sequence[Pass], limits: Limits, record: bool) -> None:
        self.passes = passes if isinstance(passes, tuple) else tuple(passes)
        self.rows: dict[type, list[Row]] = {}
        rules = tuple(rule for rule, _, _ in rows_for(self.passes, Mul))
        self.limits = limits
        self.record = record
        self.joins = rules == _PLAIN and not record  # the shortcut of joined() holds
        self.steps: list[Step] = []
        self.memo: dict[Expr, Expr] = {}  # node -> its normal form (normal ones map to themselves)
        self.moved: set[Expr] = set()  # the nodes whose normal form is another node
        self.waiting: dict[Expr, Expr] = {}  # node -> the node whose normal form it takes
        self.busy: set[Expr] = set()  # nodes whose normal form is being computed
        # recording: where each node was met, as (parent, child index); the root's is (None, 0).
        # One link per node, so deep nesting costs linear memory; a step's path is read off
        # the links, and the paths' lengths (the nodes each book line rebuilds) are counted
        # against max_nodes before the step is kept.
        self.paths: dict[Expr, tuple[Expr | None, int]] = {}
        self.rebuilt = 0
        self.count = self.ticks = 0
        self.depth: dict[Expr, int] = {}  # sums (products): how deep their kind nests in them

    def joined(self, node: Expr | None, kids: tuple[Expr, ...]) -> Expr | None:
        """The normal form of a product over normal ``kids`` (:func:`.products.joined`), or None."""
        limits = self.limits
        got = joined(node, kids, limits.max_fold_bits, limits.max_nodes) if self.joins else None
        if got is None:
            return None
        result, steps = got
        if steps:
            self.counted(steps)  # the steps the passes would have taken
        if result is not node and result in self.busy:
            raise LimitError("simplification runs in a cycle")
        self.memo[result] = result
        return result

    def counted(self, rewrites: int = 1) -> None:
        """Count rewrites against ``max_simplify_steps``."""
        self.count += rewrites
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
                        self.steps.append(Step(rule, node, result, path=self.path(node)))
                    return result
        return node

    def path(self, node: Expr) -> tuple[int, ...]:
        """Where ``node`` was met: the child indices from the root, counted against max_nodes.

        Each recorded step makes its book line rebuild the expression along this path, so
        the lengths add up to the nodes the lines build (``max_nodes``), checked first.
        """
        paths = self.paths
        parent, i = paths[node]
        out: list[int] = []
        while parent is not None:
            out.append(i)
            parent, i = paths[parent]
        self.rebuilt += len(out) + 1
        if self.rebuilt > self.limits.max_nodes:
            raise LimitError(
                f"the simplification steps would rebuild more than {self.limits.max_nodes:,} "
                "nodes of the whole expression (max_nodes)"
            )
        return tuple(reversed(out))

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
                            paths[child] = (node, i)
                        stack.append(child)
                        pushed = True
                if pushed:
                    continue
            self.tick()
            current = node
            if children:
                kids = tuple([memo[c] for c in children])
                known = self.joined(node, kids) if type(node) is Mul else None
                if known is not None:
                    current = known
                else:
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
    memo: dict[Expr, Expr] | None = None,
) -> tuple[Expr, list[Step]]:
    """``root`` with every node at the fixpoint of ``passes``, and the steps when recording.

    A node's normal form depends on the node alone, so the order nodes are met
    in does not change it: recording walks from the root (to know each path);
    otherwise the nodes are taken children first from one list, and only those
    that change (or hold a sum in a sum, a product in a product) go through
    :meth:`_Engine.normalize`.  A sum nested more than ``CHAIN`` deep in sums
    (a product in products) is held: it is opened whole into its parents, and
    normalized on its own only when it is the root or under a node of another
    kind.  Nesting is opened at a node once its operands are normal, so the
    input is never copied flat first.

    ``memo``, not recording: normal forms known before the call (normal nodes, each
    mapped to itself: the walk does not enter them), which the call fills in.

    >>> from symdiff.core.expr import Add, Mul, Num, Var
    >>> from symdiff.simplifier import PASSES
    >>> x = Var("x")
    >>> run(Add((x, x)), PASSES[:-1], record=False)
    (<Mul 2*x>, [])
    """
    engine = _Engine(passes, limits, record)
    if memo is not None and not record:
        engine.memo = memo
    if record:
        engine.paths[root] = (None, 0)
        return engine.normalize(root), engine.steps
    memo, depth, cap, normalize = engine.memo, engine.depth, limits.max_nodes, engine.normalize
    moved = engine.moved  # also the held chains, whose normal form is not known yet
    rows_of, check, ticks = engine.rows, limits.check_time, 0
    for node in pending(root, memo):  # children first
        kind = type(node)
        if node in memo:
            if (kind is Add or kind is Mul) and node not in depth:
                depth_of(node, depth)  # its parents read it
            continue
        children = node.children
        if not children:
            memo[node] = node
            continue
        inner = False
        if kind is Add or kind is Mul:
            deep = 0  # the depths of its children are known (0 when not kept): they came first
            for c in children:
                if type(c) is kind:
                    d = depth.get(c, 0)
                    if d >= deep:
                        deep = d + 1
            if deep:
                depth[node] = deep
                if deep > CHAIN:  # held: opened into its parents of its kind
                    moved.add(node)
                    continue
                inner = True
        ticks += 1
        if not ticks & 1023:
            check("simplification")
        kids = children
        if moved and not moved.isdisjoint(children):
            for c in children:
                if c not in memo:  # a held chain under a node of another kind
                    normalize(c)
            kids = tuple([memo[c] for c in children])
        if kind is Mul:
            done = engine.joined(node, kids)
            if done is not None:
                memo[node] = done
                if done is not node:
                    moved.add(node)
                continue
        if inner or kids != children:
            new = spliced(node, kind, kids, cap)
            known = memo.get(new)
            done = memo[node] = normalize(new) if known is None else known
            if done is not node:
                moved.add(node)
            continue
        rows = rows_of.get(kind)
        if rows is None:
            rows = rows_of[kind] = rows_for(engine.passes, kind)
        for _, applies, rewrite in rows:
            if applies(node):
                result = rewrite(node, children, limits)
                if result is not node:
                    engine.counted()
                    memo[node] = normalize(result)
                    moved.add(node)
                    break
        else:
            memo[node] = node
    return memo[root] if root in memo else normalize(root), []
