"""The fast path of ``simplify()``: every node brought to its own fixpoint, in one walk.

When no steps are recorded, the driver's whole-expression iterations are not
needed.  :func:`normalize` walks the DAG children first; at a node whose
children are already normal it splices nested sums and products (as
``flatten`` does), then tries the passes in the driver's order and takes the
first that changes the node.  The new node may hold new sub-nodes, so it is
normalized in turn (an explicit stack, no recursion) before the original node
takes its result.  Every result is remembered for the whole call, so a
sub-expression shared by many partials is simplified once.

The driver applies one pass to the whole expression at a time, so a parent
can be rewritten while a child is not yet in its final form; the fast path
always finishes the child first.  For most passes the two orders end in the
same node, but not for all (see :mod:`symdiff.simplifier.confluence`): the
caller gets :class:`Fallback` whenever the walk meets a shape where the orders
may disagree, or any error, and then runs the exact driver instead.

>>> from symdiff.ast import Mul, Num, Pow, Var
>>> from symdiff.simplifier import _passes
>>> x = Var("x")
>>> e = Mul((Num(15), Pow(Mul((Num(2), Pow(x, Num(2)))), Num(4)), Mul((Num(4), x))))
>>> normalize(e, _passes(DEFAULT_LIMITS, False)) is Mul((Num(960), Pow(x, Num(9))))
True
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from ..ast import Add, Const, Expr, Mul, Num, Var
from ..errors import LimitError
from ..limits import DEFAULT_LIMITS, Limits
from .flatten import flatten
from .sweep import Kinds
from .walk import NodeFn

ADD_GROUPED, MUL_GROUPED = 1, 2


def groups(rule: str, node: Expr) -> int:
    """Which kind of node ``rule`` groups operands of at ``node`` (a bit), else 0.

    >>> from symdiff.ast import Var
    >>> groups("collect-terms", Var("x") + Var("x")) == ADD_GROUPED
    True
    """
    if rule in ("collect-terms", "combine-constants") and type(node) is Add:
        return ADD_GROUPED
    return MUL_GROUPED if rule == "combine-powers" else 0


# a check before one rewrite: (rule id, node) -> True when the driver may end elsewhere
Guard = Callable[[str, Expr], bool]
Pass = tuple[str, NodeFn, Kinds]


class Fallback(Exception):
    """The fast path cannot promise the driver's result; run the driver.

    >>> str(Fallback("cycle"))
    'cycle'
    """


def splice(node: Expr, cap: int) -> Expr:
    """``node`` with children of its own kind (sum in sum, product in product) opened.

    The children must already be flat, as normal forms are.

    >>> from symdiff.ast import Var
    >>> x, y = Var("x"), Var("y")
    >>> splice(Add((Add((x, y)), x)), 10) is Add((x, y, x))
    True
    """
    kind = type(node)
    if kind is not Add and kind is not Mul:
        return node
    kids = node.children
    if not any(type(k) is kind for k in kids):
        return node
    out: list[Expr] = []
    for k in kids:
        if type(k) is kind:
            out.extend(k.children)
        else:
            out.append(k)
    if len(out) > cap:
        raise LimitError(f"flattening would build a node of more than {cap} operands")
    return kind(tuple(out))


def normalize(
    root: Expr,
    passes: Sequence[Pass],
    memo: dict[Expr, Expr] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    guard: Guard | None = None,
) -> Expr:
    """``root`` with every node at the fixpoint of ``passes`` (tried in order), children first.

    ``memo`` maps each node met to its normal form (normal forms map to
    themselves) and may be shared between calls with the same passes.
    ``guard(rule, node)`` is asked before every rewrite; ``True`` raises
    :class:`Fallback`, and so does a rewrite that leads back to a node being
    normalized (a cycle, where the driver would run out of steps).
    """
    memo = {} if memo is None else memo
    root = flatten(root, {}, limits)  # as the driver starts
    names = [name for name, _, _ in passes]
    fns = [fn for _, fn, _ in passes]
    kinds = [k for _, _, k in passes]
    by_kind: dict[type, list[int]] = {}  # node class -> the passes acting on it, in order
    cap = limits.max_nodes
    deadline = None if limits.timeout is None else time.monotonic() + limits.timeout
    busy: set[Expr] = set()  # nodes whose normal form is being computed
    waiting: dict[Expr, Expr] = {}  # node -> the rewritten node it takes its form from
    # nodes that turn into a number as they stand, before the terms of a sum (the
    # factors of a product) are grouped
    plain_add: set[Expr] = set()
    plain_mul: set[Expr] = set()
    before_collect = names.index("collect-terms") if "collect-terms" in names else len(names)
    before_powers = names.index("combine-powers") if "combine-powers" in names else len(names)
    grouped: dict[Expr, int] = {}  # node -> which kinds grouped operands on its way to normal
    stack: list[Expr] = [root]
    count = 0
    while stack:
        node = stack[-1]
        if node in memo:
            stack.pop()
            continue
        target = waiting.get(node)
        if target is not None:  # the rewrite of node is normal now
            stack.pop()
            memo[node] = memo[target]
            mark = grouped.get(node, 0) | grouped.get(target, 0)
            if mark:
                grouped[node] = mark
            busy.discard(node)
            continue
        if node not in busy:
            busy.add(node)
            pushed = False
            for child in node.children:
                if child not in memo:
                    if child in busy:
                        raise Fallback("a rewrite leads back to a node being normalized")
                    stack.append(child)
                    pushed = True
            if pushed:
                continue
        if type(node) is Num or type(node) is Var or type(node) is Const:
            stack.pop()
            memo[node] = node
            busy.discard(node)
            continue
        count += 1
        if deadline is not None and not count & 1023 and time.monotonic() > deadline:
            raise LimitError(f"simplification exceeded the time limit of {limits.timeout} s")
        children = node.children
        kids = tuple([memo[c] for c in children])
        kind = type(node)
        changed = kids != children
        if changed and guard is not None and (kind is Add or kind is Mul):  # "numbers"
            plain = plain_add if kind is Add else plain_mul
            for c, k in zip(children, kids, strict=True):
                if type(k) is Num and type(c) is not Num and c not in plain:
                    raise Fallback("an operand becomes a number that the driver may group first")
            bit = ADD_GROUPED if kind is Add else MUL_GROUPED  # and "grouped"
            if grouped and any(grouped.get(c, 0) & bit for c in children):
                raise Fallback("an operand was grouped before joining a node of its kind")
        current = splice(node.rebuild(kids) if changed else node, cap)
        if current is not node:  # take the form of the node over normal children
            if current in busy:
                raise Fallback("a rewrite leads back to a node being normalized")
            waiting[node] = current
            stack.append(current)
            continue
        result = node
        applicable = by_kind.get(kind)
        if applicable is None:
            applicable = by_kind[kind] = [k for k in range(len(fns)) if issubclass(kind, kinds[k])]
        for k in applicable:
            result = fns[k](node, children)
            if result is not node:
                if guard is not None and guard(names[k], node):
                    raise Fallback(f"{names[k]} at a shape where the orders may disagree")
                if type(result) is Num:  # a number before any pass could group it
                    if k < before_collect:
                        plain_add.add(node)
                    if k < before_powers:
                        plain_mul.add(node)
                mark = groups(names[k], node)
                if mark:
                    grouped[node] = mark
                break
        if result is node:
            stack.pop()
            memo[node] = node
            busy.discard(node)
            continue
        if result in busy:
            raise Fallback("a rewrite leads back to a node being normalized")
        waiting[node] = result
        stack.append(result)
    return memo[root]
