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

With a screen (:mod:`symdiff.simplifier.settled`), the input is not flattened
first: the walk opens a sum in a sum (a product in a product) as it reaches
it, and builds the flattened node only when its operands are already normal
(otherwise it goes straight to the node over their normal forms), so a large
raw gradient is not copied once more before it is simplified.

>>> from symdiff.core.expr import Mul, Num, Pow, Var
>>> from symdiff.simplifier import _passes
>>> x = Var("x")
>>> e = Mul((Num(15), Pow(Mul((Num(2), Pow(x, Num(2)))), Num(4)), Mul((Num(4), x))))
>>> normalize(e, _passes(DEFAULT_LIMITS, False)) is Mul((Num(960), Pow(x, Num(9))))
True
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.expr import Add, Const, Expr, Indicator, Mul, Num, Pow, Var
from ..errors import LimitError
from ..limits import DEFAULT_LIMITS, Limits
from .flatten import flatten_order, flatten_walk
from .machine import (
    ADD_GROUPED,
    MUL_GROUPED,
    Fallback,
    Guard,
    Machine,
    Pass,
    Screen,
    groups,
    over,
    spliced,
)
from .order import factor_key

__all__ = [
    "ADD_GROUPED",
    "MUL_GROUPED",
    "Fallback",
    "Guard",
    "Pass",
    "Screen",
    "groups",
    "normalize",
    "splice",
]


def splice(node: Expr, cap: int) -> Expr:
    """``node`` with children of its own kind (sum in sum, product in product) opened.

    The children must already be flat, as normal forms are.

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> splice(Add((Add((x, y)), x)), 10) is Add((x, y, x))
    True
    """
    kind = type(node)
    if kind is not Add and kind is not Mul:
        return node
    return spliced(kind, node.children, cap) or node


def normalize(
    root: Expr,
    passes: Sequence[Pass],
    memo: dict[Expr, Expr] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    guard: Guard | None = None,
    screen: Screen | None = None,
) -> Expr:
    """``root`` with every node at the fixpoint of ``passes`` (tried in order), children first.

    ``memo`` maps each node met to its normal form (normal forms map to
    themselves) and may be shared between calls with the same passes.
    ``guard(rule, node)`` is asked before every rewrite; ``True`` raises
    :class:`Fallback`, and so does a rewrite that leads back to a node being
    normalized (a cycle, where the driver would run out of steps).
    ``screen(node)``, when given, names the first pass that may change a node
    whose children are normal (the passes before it must leave the node as it
    is), or gives None when no pass changes it; the passes before it are skipped.
    """
    machine = Machine(passes, {} if memo is None else memo, limits, guard, screen)
    if screen is None:
        flat, order = flatten_order(root, {}, limits)  # as the driver starts
        for node in order:
            if node not in machine.memo:
                machine.run([node])
        return machine.memo[flat]
    return _unflattened(machine, root)


def _operands(
    node: Expr, kind: type, bent: dict[Expr, tuple[Expr, ...]], cap: int
) -> tuple[Expr, ...]:
    """The operands of the flattened sum (product) ``node``: its own kind opened, in order.

    Nodes of its kind met before give their operands from ``bent`` (or their
    children, when flat already); others are opened here, without recursion.
    """
    out: list[Expr] = []
    stack = list(reversed(node.children))
    while stack:
        child = stack.pop()
        if type(child) is kind:
            known = bent.get(child)
            if known is not None:
                out.extend(known)
            else:
                stack.extend(reversed(child.children))
        else:
            out.append(child)
        if len(out) > cap:
            raise LimitError(f"flattening would build a node of more than {cap} operands")
    return tuple(out)


def _unflattened(machine: Machine, root: Expr) -> Expr:
    """``normalize`` with a screen: the flattening of the input done on the way (module doc).

    A node is "bent" when its flattened form is another node.  For a bent node
    the walk keeps its operands (the children of its flattened form, as nodes
    of the input), the normal form, the flattened form when it was built, and
    the grouping marks; the checks of :meth:`Machine.check_operands` then read
    those where the flattened form would stand.
    """
    memo = machine.memo
    moved = machine.moved
    screen = machine.screen
    assert screen is not None
    cap = machine.cap
    order, needed = flatten_walk(root)
    bent: dict[Expr, tuple[Expr, ...]] = {}  # bent node -> operands of its flattened form
    outer: dict[Expr, Expr] = {}  # bent node -> the normal form of its flattened form
    built: dict[Expr, Expr] = {}  # bent node -> its flattened form, where that was built
    marks: dict[Expr, int] = {}  # bent node -> the grouping marks of its flattened form
    heads: dict[Expr, Expr] = {}  # bent node -> the node whose normal form it took
    known = _Bent(bent, outer, built, marks, heads)
    for start in order:
        kind = type(start)
        if kind is Num or kind is Var or kind is Const:
            if start not in memo:
                memo[start] = start
            continue
        children = start.children
        ops: tuple[Expr, ...] | None = None
        if kind is Add or kind is Mul:
            if start not in needed:
                continue  # opened into its parents
            if kind in map(type, children):
                ops = _operands(start, kind, bent, cap)
            elif bent and not bent.keys().isdisjoint(children):
                ops = children
        elif bent and not bent.keys().isdisjoint(children):
            ops = children
        if ops is not None:
            bent[start] = ops
            outer[start] = _settle_bent(machine, start, kind, ops, known)
            continue
        if start in memo:
            continue
        # the common case: the node is its own flattened form, its children are normal
        machine.tick()
        kids = children
        if not moved.isdisjoint(children):
            kids = tuple([memo[c] for c in children])
        node = start
        if kids is not children and kids != children:
            if machine.guard is not None and (kind is Add or kind is Mul):
                machine.check_operands(kind, children, kids)
            node = over(start, kind, kids, cap)
            moved.add(start)
            machine.waiting[start] = node  # start takes the form of node (read by _carried)
            done = memo.get(node)
            if done is not None:
                memo[start] = done
                mark = machine.grouped.get(node, 0)
                if mark:
                    machine.grouped[start] = machine.grouped.get(start, 0) | mark
                continue
        rule = screen(node)
        if rule is None:
            memo[node] = node
            if node is not start:
                memo[start] = node
            continue
        if node is start:
            machine.run([start], node, rule)
        else:
            machine.busy.add(start)  # start waits for node
            machine.run([start, node], node, rule)
    return outer[root] if root in bent else memo[root]


class _Bent:
    """What the walk keeps about its bent nodes (see :func:`_unflattened`)."""

    __slots__ = ("bent", "built", "heads", "marks", "outer")

    def __init__(
        self,
        bent: dict[Expr, tuple[Expr, ...]],
        outer: dict[Expr, Expr],
        built: dict[Expr, Expr],
        marks: dict[Expr, int],
        heads: dict[Expr, Expr],
    ) -> None:
        self.bent, self.outer, self.built, self.marks, self.heads = bent, outer, built, marks, heads


def _settle_bent(
    machine: Machine, start: Expr, kind: type, ops: tuple[Expr, ...], known: _Bent
) -> Expr:
    """The normal form of the flattened form of ``start`` (over ``ops``), without building it.

    As the common case in :func:`_unflattened` on the flattened form: its
    operands' normal forms either are its operands (then it is built and
    normalized), or they are not (then the checks run on the operands'
    stand-ins and the node over the normal forms is normalized instead).  A
    factor times a product whose normal form is known may take a shortcut
    (:func:`_carried`).
    """
    memo = machine.memo
    grouped = machine.grouped
    bent, outer, built, marks = known.bent, known.outer, known.built, known.marks
    machine.tick()
    if kind is Mul and len(start.children) == 2:
        done = _carried(machine, start, known)
        if done is not None:
            return done
    kids = tuple([outer[c] if c in bent else memo[c] for c in ops])
    flat = tuple([built.get(c) if c in bent else c for c in ops])  # None: never built
    if kids == flat:  # the flattened form is over normal operands: build it
        node = over(start, kind, kids, machine.cap)
        built[start] = node
    else:
        if machine.guard is not None and (kind is Add or kind is Mul):
            if Num in map(type, kids):
                plain = machine.plain_add if kind is Add else machine.plain_mul
                for c, k, f in zip(ops, kids, flat, strict=True):
                    if type(k) is Num and type(c) is not Num and f not in plain:
                        raise Fallback(
                            "an operand becomes a number that the driver may group first"
                        )
            bit = ADD_GROUPED if kind is Add else MUL_GROUPED
            for c in ops:
                if (marks.get(c, 0) if c in bent else grouped.get(c, 0)) & bit:
                    raise Fallback("an operand was grouped before joining a node of its kind")
        node = over(start, kind, kids, machine.cap)
    known.heads[start] = node
    done = memo.get(node)
    if done is None:
        rule = machine.screen(node)  # type: ignore[misc]
        if rule is None:
            memo[node] = done = node
        else:
            done = machine.run([node], node, rule)
    mark = grouped.get(node, 0)
    if mark:
        marks[start] = mark
    return done


def _carried(machine: Machine, start: Expr, known: _Bent) -> Expr | None:
    """The normal form of ``v·R`` (or ``R·v``) from that of the product ``R``, or None.

    Flattened, the product is ``R``'s factors with ``v`` first (last).  When
    ``v`` is normal, is no number, indicator or product, and no factor met on
    ``R``'s way to its normal form (recorded in ``machine.waiting``, every step
    a product of two or more factors) has ``v``'s base, then no pass ever
    looks at ``v`` but order-factors: the passes take the same steps on the
    flattened product as on ``R`` (with the same checks, all passed), and the
    stable sort at the end puts ``v`` next to its equals, before them (after
    them).  The result is checked to be a normal form.
    """
    a, b = start.children
    if type(b) is Mul and type(a) is not Mul:
        product, v, first = b, a, True
    elif type(a) is Mul and type(b) is not Mul:
        product, v, first = a, b, False
    else:
        return None
    kind = type(v)
    memo = machine.memo
    if kind is Num or kind is Indicator or memo.get(v) is not v:
        return None
    if product in known.bent:
        head = known.heads.get(product)
        final = known.outer.get(product)
        mark = known.marks.get(product, 0)
    else:
        head = product
        final = memo.get(product)
        mark = machine.grouped.get(product, 0)
    if head is None or final is None or type(final) is not Mul:
        return None
    base = v.base if kind is Pow else v  # type: ignore[attr-defined]
    waiting = machine.waiting
    node = head
    while True:
        if type(node) is not Mul or len(node.factors) < 2:  # type: ignore[attr-defined]
            return None
        for f in node.factors:  # type: ignore[attr-defined]
            t = type(f)
            if t is not Num and (f.base if t is Pow else f) is base:  # type: ignore[attr-defined]
                return None
        if node is final:
            break
        node = waiting.get(node)  # type: ignore[assignment]
        if node is None:
            return None
    factors = list(final.factors)  # type: ignore[attr-defined]
    key = factor_key(v)
    if first:
        i = 0
        while i < len(factors) and factor_key(factors[i]) < key:
            i += 1
    else:
        i = len(factors)
        while i and key < factor_key(factors[i - 1]):
            i -= 1
    factors.insert(i, v)
    result = Mul(tuple(factors))
    if memo.get(result, result) is not result or machine.screen(result) is not None:  # type: ignore[misc]
        return None
    memo[result] = result
    if mark:
        known.marks[start] = mark
    return result
