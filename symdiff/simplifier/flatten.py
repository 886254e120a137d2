"""Structural flattening: a sum inside a sum and a product inside a product are opened.

Flattening is not a named step; the driver applies it to its input and to the
output of every pass.  A chain ``((a + b) + c) + d`` is opened in one walk from
its top, without building the flattened inner sums, so a deep chain costs time
linear in its length.

>>> from symdiff.ast import Add, Var
>>> a, b, c = Var("a"), Var("b"), Var("c")
>>> flatten(Add((Add((a, b)), c))) is Add((a, b, c))
True
"""

from __future__ import annotations

from ..ast import Add, Expr, Mul
from ..errors import LimitError
from ..limits import DEFAULT_LIMITS, Limits
from .walk import pending, rebuild


def _opened(node: Add | Mul, memo: dict[Expr, Expr], cap: int) -> Expr:
    """``node`` with nested nodes of its own kind spliced in (their other children from memo)."""
    kind = type(node)
    if not any(type(c) is kind for c in node.children):
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


def flatten(
    expr: Expr, memo: dict[Expr, Expr] | None = None, limits: Limits = DEFAULT_LIMITS
) -> Expr:
    """``expr`` with every Add-in-Add and Mul-in-Mul opened; sharing preserved elsewhere.

    ``memo`` (node -> its flattened form) may be kept across calls.

    >>> from symdiff.ast import Mul, Var
    >>> x, y = Var("x"), Var("y")
    >>> flatten(Mul((x, Mul((y, Mul((x, y))))))) is Mul((x, y, x, y))
    True
    """
    memo = {} if memo is None else memo
    order = pending(expr, memo)
    needed: set[Expr] = {expr}
    for node in order:
        for child in node.children:
            if isinstance(child, Add | Mul) and type(child) is not type(node):
                needed.add(child)
    for node in order:
        if isinstance(node, Add | Mul):
            if node in needed:
                memo[node] = _opened(node, memo, limits.max_nodes)
        else:
            memo[node] = rebuild(node, tuple(memo[c] for c in node.children))
    return memo[expr]
