"""Structural flattening: a sum inside a sum and a product inside a product are opened.

Flattening is not a named step; the driver applies it to its input and to the
output of every pass.  A chain ``((a + b) + c) + d`` is opened in one walk from
its top, without building the flattened inner sums, so a deep chain costs time
linear in its length.

>>> from symdiff.core.expr import Add, Var
>>> a, b, c = Var("a"), Var("b"), Var("c")
>>> flatten(Add((Add((a, b)), c))) is Add((a, b, c))
True
"""

from __future__ import annotations

from collections.abc import Container

from ..core.expr import Add, Expr, Mul
from ..errors import LimitError
from ..limits import DEFAULT_LIMITS, Limits
from .walk import pending, rebuild


def _opened(node: Add | Mul, memo: dict[Expr, Expr], cap: int) -> Expr:
    """``node`` with nested nodes of its own kind spliced in (their other children from memo)."""
    kind = type(node)
    if kind not in map(type, node.children):
        return rebuild(node, tuple([memo[c] for c in node.children]))
    out: list[Expr] = []
    stack = list(reversed(node.children))
    while stack:
        child = stack.pop()
        if type(child) is kind:
            done = memo.get(child)
            if done is not None:
                out.extend(done.children)
            else:
                stack.extend(reversed(child.children))
        else:
            out.append(memo[child])
        if len(out) > cap:
            raise LimitError(f"flattening would build a node of more than {cap} operands")
    kids = tuple(out)
    return node if kids == node.children else kind(kids)


def _walk(root: Expr, memo: Container[Expr]) -> tuple[list[Expr], set[Expr]]:
    """The nodes of ``root`` not in ``memo``, children first, and the sums and products to open.

    A sum or product must be opened (is "needed") when it is the root or the
    child of a node of another kind; one nested in a node of its own kind is
    spliced into that node instead.  No recursion.
    """
    order = pending(root, memo)
    if not order:
        return order, set()
    needed: set[Expr] = {root}
    for node in order:
        outer = type(node)
        for child in node.children:
            kind = type(child)
            if (kind is Add or kind is Mul) and kind is not outer:
                needed.add(child)
    return order, needed


def flatten_walk(root: Expr) -> tuple[list[Expr], set[Expr]]:
    """Every distinct node of ``root``, children first, and the sums and products to open.

    A sum or product is "needed" (opened on its own) when it is the root or the
    child of a node of another kind; one only ever nested in nodes of its own
    kind is spliced into them.

    >>> from symdiff.core.expr import Mul, Var
    >>> x, y = Var("x"), Var("y")
    >>> order, needed = flatten_walk(Mul((x, Mul((y, x)))))
    >>> len(order), needed == {Mul((x, Mul((y, x))))}
    (4, True)
    """
    return _walk(root, ())


def flatten_order(
    expr: Expr, memo: dict[Expr, Expr], limits: Limits = DEFAULT_LIMITS
) -> tuple[Expr, list[Expr]]:
    """:func:`flatten` that also returns new flattened nodes, children first (repeats possible).

    Every node of the flattened expression that was not in ``memo`` before
    appears in the list after its children.

    >>> from symdiff.core.expr import Mul, Var
    >>> x, y = Var("x"), Var("y")
    >>> root, order = flatten_order(Mul((x, Mul((y, x)))), {})
    >>> root is Mul((x, y, x)), order == [x, y, root]
    (True, True)
    """
    fresh = not memo  # then a child's form is another node only if the child is in moved
    order, needed = _walk(expr, memo)
    out: list[Expr] = []
    cap = limits.max_nodes
    moved: set[Expr] = set()  # nodes of order whose flattened form is another node
    for node in order:
        kind = type(node)
        children = node.children
        if kind is Add or kind is Mul:
            if node not in needed:
                continue
            if not fresh or kind in map(type, children):
                done = _opened(node, memo, cap)  # type: ignore[arg-type]
            elif moved and not moved.isdisjoint(children):
                done = kind(tuple([memo[c] for c in children]))
            else:
                done = node
        elif not fresh or (moved and not moved.isdisjoint(children)):
            done = rebuild(node, tuple([memo[c] for c in children]))
        else:
            done = node
        memo[node] = done
        if done is not node:
            moved.add(node)
        out.append(done)
    return memo[expr], out


def flatten(
    expr: Expr, memo: dict[Expr, Expr] | None = None, limits: Limits = DEFAULT_LIMITS
) -> Expr:
    """``expr`` with every Add-in-Add and Mul-in-Mul opened; sharing preserved elsewhere.

    ``memo`` (node -> its flattened form) may be kept across calls.

    >>> from symdiff.core.expr import Mul, Var
    >>> x, y = Var("x"), Var("y")
    >>> flatten(Mul((x, Mul((y, Mul((x, y))))))) is Mul((x, y, x, y))
    True
    """
    return flatten_order(expr, {} if memo is None else memo, limits)[0]
