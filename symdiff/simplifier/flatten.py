"""Structural flattening: a sum inside a sum and a product inside a product are opened.

Flattening is not a named step.  The engine opens a sum in a sum once the inner
one is normal (:func:`spliced`), and a long chain whole (:func:`opened`); the
derivation lines show whole expressions flattened (:func:`flatten`), which opens
a chain ``((a + b) + c) + d`` in one walk from its top, without building the
flattened inner sums, so a deep chain costs time linear in its length.

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
            raise LimitError(
                f"flattening would build a node of more than {cap} operands (max_nodes)"
            )
    kids = tuple(out)
    return node if kids == node.children else kind(kids)


def _walk(root: Expr, memo: Container[Expr]) -> tuple[list[Expr], set[Expr]]:
    """The nodes of ``root`` not in ``memo``, children first, and the sums and products to open."""
    order = pending(root, memo)
    return order, needed_of(root, order) if order else set()


def needed_of(root: Expr, order: list[Expr]) -> set[Expr]:
    """The sums and products of ``order`` (nodes of ``root``) that must be opened on their own.

    A sum or product must be opened (is "needed") when it is the root or the
    child of a node of another kind; one only ever nested in a node of its own
    kind is spliced into that node instead.  No recursion.

    >>> from symdiff.core.expr import Mul, Var
    >>> x, y = Var("x"), Var("y")
    >>> e = Mul((x, Mul((y, x))))
    >>> needed_of(e, pending(e, ())) == {e}
    True
    """
    needed: set[Expr] = {root}
    for node in order:
        outer = type(node)
        for child in node.children:
            kind = type(child)
            if (kind is Add or kind is Mul) and kind is not outer:
                needed.add(child)
    return needed


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
        raise LimitError(f"flattening would build a node of more than {cap} operands (max_nodes)")
    return kind(tuple(out))


CHAIN = 8  # a sum nested this deep in sums (a product in products) is opened whole


def opened(node: Expr, cap: int, depth: dict[Expr, int]) -> Expr:
    """``node`` with its long chains opened: operands of its kind nested ``CHAIN`` deep or more.

    A shorter sum in a sum (product in a product) is brought to its normal form
    first and opened after, so a shared inner sum is simplified once; a long
    chain ``((a + b) + c) + ...`` is opened whole, so it costs time linear in its
    length.  The result depends on ``node`` alone (``depth`` only remembers).

    >>> from symdiff.core.expr import Var
    >>> e = Var("v0")
    >>> for i in range(1, 20):  # ((v0 + v1) + v2) + ... + v19: sums 18 deep in the top one
    ...     e = Add((e, Var(f"v{i}")))
    >>> kids = opened(e, 100, {}).children  # opened down to the sum of v0 ... v8
    >>> len(kids), len(flatten(kids[0]).children), str(kids[1])
    (12, 9, 'v9')
    >>> opened(Add((Add((Var("a"), Var("b"))), Var("c"))), 100, {}).children[0]
    <Add a + b>
    """
    kind = type(node)
    if kind is not Add and kind is not Mul:
        return node
    children = node.children
    if kind not in map(type, children):
        return node
    known = depth.get
    for c in children:
        if type(c) is kind and (known(c) or depth_of(c, depth)) >= CHAIN:
            break
    else:
        return node
    out: list[Expr] = []
    stack = list(reversed(children))
    while stack:
        c = stack.pop()
        if type(c) is kind and (known(c) or depth_of(c, depth)) >= CHAIN:
            stack.extend(reversed(c.children))
        else:
            out.append(c)
    if len(out) > cap:
        raise LimitError(f"flattening would build a node of more than {cap} operands (max_nodes)")
    return kind(tuple(out))


def depth_of(node: Expr, depth: dict[Expr, int]) -> int:
    """How deep sums are nested in the sum ``node`` (products in a product): 0 when not.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> depth_of(Add((Add((Add((x, x)), x)), x)), {})
    2
    """
    known = depth.get(node)
    if known is not None:
        return known
    kind = type(node)
    stack = [node]
    while stack:
        n = stack[-1]
        inner = [c for c in n.children if type(c) is kind and c not in depth]
        if inner:
            stack.extend(inner)
            continue
        stack.pop()
        depth[n] = max([depth[c] + 1 for c in n.children if type(c) is kind], default=0)
    return depth[node]
