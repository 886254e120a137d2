"""The driver's engine: the passes in order, each a memoized sweep, sharing one walk.

Each pass is a node function with the node classes it acts on (on any other
node it must act as :func:`~symdiff.simplifier.walk.rebuild`, and it is not
called there).  A :class:`Sweeper` keeps, for the whole simplification, what
each pass did to each node, and how many passes have seen each node, so an
iteration walks only the nodes not yet seen by every pass, computes pass 1 on
those that lack it, then pass 2, and so on, and stops at the first pass that
changes the root.  Memory and time stay proportional to the distinct nodes
created; nothing recurses.

>>> from symdiff.core.expr import Mul, Num, Var
>>> from symdiff.simplifier.identities import identities_node
>>> x = Var("x")
>>> sweeper = Sweeper([(identities_node, (Mul,))])
>>> sweeper.first_change(Mul((x, Num(1))), lambda e: e) == (0, x)
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..core.expr import Const, Expr, Num, Var
from .walk import NodeFn, pending

Kinds = tuple[type[Expr], ...]


class Sweeper:
    """Run passes in order over a changing DAG, remembering every result.

    >>> from symdiff.core.expr import Add, Num, Var
    >>> from symdiff.simplifier.identities import identities_node
    >>> Sweeper([(identities_node, (Add,))]).first_change(Var("x") + 1, lambda e: e) is None
    True
    """

    def __init__(self, passes: Sequence[tuple[NodeFn, Kinds]]) -> None:
        self.fns = [fn for fn, _ in passes]
        self.kinds = [kinds for _, kinds in passes]
        self.changed: list[dict[Expr, Expr]] = [{} for _ in passes]  # only results != node
        self.level: dict[Expr, int] = {}  # how many passes have seen the node
        self.complete: set[Expr] = set()  # seen by every pass

    def first_change(self, root: Expr, finish: Callable[[Expr], Expr]) -> tuple[int, Expr] | None:
        """The first pass whose result on ``root``, after ``finish``, differs from ``root``.

        Returns (pass index, finished result), or None when ``root`` is a
        fixpoint of every pass.
        """
        order = []
        for node in pending(root, self.complete):
            if isinstance(node, Num | Var | Const):
                self.complete.add(node)
            else:
                order.append(node)
        level = self.level
        for k, fn in enumerate(self.fns):
            memo, kinds = self.changed[k], self.kinds[k]
            for node in order:
                if level.get(node, 0) > k:
                    continue
                children = node.children
                kids = tuple([memo.get(c, c) for c in children])
                if isinstance(node, kinds):
                    result = fn(node, kids)
                else:
                    result = node if kids == children else node.rebuild(kids)
                if result is not node:
                    memo[node] = result
                level[node] = k + 1
            result = memo.get(root, root)
            if result is not root:
                after = finish(result)
                if after is not root:
                    return k, after
        self.complete.update(order)
        return None
