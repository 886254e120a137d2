"""The fast path's engine: brings one node at a time to its normal form, children first.

A :class:`Machine` holds what one call of
:func:`~symdiff.simplifier.fast.normalize` knows: the normal form of every
node met (``memo``), and the marks that tell where the driver could end
elsewhere (see :mod:`symdiff.simplifier.confluence`).  :meth:`Machine.run`
takes any node on an explicit stack: children first, then the passes in the
driver's order (from the first the screen names, if there is a screen), the
first that changes the node wins, and the new node is normalized in turn
before the original takes its form.  Nothing recurses.

>>> from symdiff.core.expr import Mul, Num, Pow, Var
>>> from symdiff.simplifier import _passes
>>> from symdiff.limits import DEFAULT_LIMITS
>>> x = Var("x")
>>> machine = Machine(_passes(DEFAULT_LIMITS, False), {}, DEFAULT_LIMITS)
>>> machine.run([Mul((x, x, Num(1)))]) is Pow(x, Num(2))
True
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from ..core.expr import Add, Const, Expr, Mul, Num, Var
from ..errors import LimitError
from ..limits import Limits
from .sweep import Kinds
from .walk import NodeFn

ADD_GROUPED, MUL_GROUPED = 1, 2

# a check before one rewrite: (rule id, node) -> True when the driver may end elsewhere
Guard = Callable[[str, Expr], bool]
# the first pass that may change a node whose children are normal (None: no pass does)
Screen = Callable[[Expr], str | None]
Pass = tuple[str, NodeFn, Kinds]


class Fallback(Exception):
    """The fast path cannot promise the driver's result; run the driver.

    >>> str(Fallback("cycle"))
    'cycle'
    """


def groups(rule: str, node: Expr) -> int:
    """Which kind of node ``rule`` groups operands of at ``node`` (a bit), else 0.

    >>> from symdiff.core.expr import Var
    >>> groups("collect-terms", Var("x") + Var("x")) == ADD_GROUPED
    True
    """
    if rule in ("collect-terms", "combine-constants") and type(node) is Add:
        return ADD_GROUPED
    return MUL_GROUPED if rule == "combine-powers" else 0


def spliced(kind: type, kids: tuple[Expr, ...], cap: int) -> Expr | None:
    """The sum (product) of ``kids`` with those of its kind opened, or None if there are none.

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> spliced(Mul, (x, Mul((x, y))), 10) is Mul((x, x, y)), spliced(Mul, (x, y), 10)
    (True, None)
    """
    if kind not in map(type, kids):
        return None
    out: list[Expr] = []
    for k in kids:
        if type(k) is kind:
            out.extend(k.children)
        else:
            out.append(k)
    if len(out) > cap:
        raise LimitError(f"flattening would build a node of more than {cap} operands")
    return kind(tuple(out))  # type: ignore[no-any-return]


def over(node: Expr, kind: type, kids: tuple[Expr, ...], cap: int) -> Expr:
    """``node`` over new children ``kids``, a sum (product) in a sum (product) opened.

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> over(x + y, Add, (x, Add((y, x))), 10) is Add((x, y, x))
    True
    """
    if kind is Add or kind is Mul:
        return spliced(kind, kids, cap) or kind(kids)  # type: ignore[no-any-return]
    return node.rebuild(kids)


class Machine:
    """Normal forms of nodes under the passes, remembered for one call (see the module doc).

    >>> from symdiff.core.expr import Var
    >>> from symdiff.limits import DEFAULT_LIMITS
    >>> from symdiff.simplifier import _passes
    >>> machine = Machine(_passes(DEFAULT_LIMITS, False), {}, DEFAULT_LIMITS)
    >>> machine.run([Var("x") * 0]), machine.count
    (<Num 0>, 1)
    """

    def __init__(
        self,
        passes: Sequence[Pass],
        memo: dict[Expr, Expr],
        limits: Limits,
        guard: Guard | None = None,
        screen: Screen | None = None,
    ) -> None:
        self.memo = memo  # node -> its normal form (normal forms map to themselves)
        self.names = [name for name, _, _ in passes]
        self.fns = [fn for _, fn, _ in passes]
        self.kinds = [k for _, _, k in passes]
        self.begin_at = {name: k for k, name in enumerate(self.names)}
        self.by_kind: dict[type, list[int]] = {}  # node class -> the passes acting on it
        self.limits = limits
        self.cap = limits.max_nodes
        self.deadline = None if limits.timeout is None else time.monotonic() + limits.timeout
        self.count = 0
        self.guard = guard
        self.screen = screen
        self.busy: set[Expr] = set()  # nodes whose normal form is being computed
        self.waiting: dict[Expr, Expr] = {}  # node -> the rewritten node it takes its form from
        # nodes that turn into a number as they stand, before the terms of a sum (the
        # factors of a product) are grouped
        self.plain_add: set[Expr] = set()
        self.plain_mul: set[Expr] = set()
        names = self.names
        self.before_collect = self.begin_at.get("collect-terms", len(names))
        self.before_powers = self.begin_at.get("combine-powers", len(names))
        self.grouped: dict[Expr, int] = {}  # node -> kinds it grouped operands of on its way
        # the nodes whose normal form is another node
        self.moved: set[Expr] = {k for k, v in memo.items() if k is not v}

    def tick(self) -> None:
        """Count one node; past the time limit raise ``LimitError``.

        >>> from symdiff.limits import DEFAULT_LIMITS
        >>> machine = Machine([], {}, DEFAULT_LIMITS)
        >>> machine.tick(); machine.count
        1
        """
        self.count += 1
        if self.deadline is not None and not self.count & 1023:
            if time.monotonic() > self.deadline:
                timeout = self.limits.timeout
                raise LimitError(f"simplification exceeded the time limit of {timeout} s")

    def check_operands(
        self, kind: type, children: tuple[Expr, ...], kids: tuple[Expr, ...]
    ) -> None:
        """Raise :class:`Fallback` where a sum or product over new operands may end elsewhere.

        "numbers": an operand became a number other than as it stands; "grouped":
        an operand grouped terms (factors) on its way to a normal form of the kind
        of its parent (see :mod:`symdiff.simplifier.confluence`).

        >>> from symdiff.core.expr import Var
        >>> from symdiff.limits import DEFAULT_LIMITS
        >>> x, y = Var("x"), Var("y")
        >>> machine = Machine([], {}, DEFAULT_LIMITS)
        >>> machine.check_operands(Add, (x * y - x * y, y), (Num(0), y))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        symdiff.simplifier.machine.Fallback: an operand becomes a number ...
        """
        if Num in map(type, kids):
            plain = self.plain_add if kind is Add else self.plain_mul
            for c, k in zip(children, kids, strict=True):
                if type(k) is Num and type(c) is not Num and c not in plain:
                    raise Fallback("an operand becomes a number that the driver may group first")
        grouped = self.grouped
        if grouped and not grouped.keys().isdisjoint(children):
            bit = ADD_GROUPED if kind is Add else MUL_GROUPED
            if any(grouped.get(c, 0) & bit for c in children):
                raise Fallback("an operand was grouped before joining a node of its kind")

    def run(
        self, stack: list[Expr], tried: Expr | None = None, tried_rule: str | None = None
    ) -> Expr:
        """Normalize the nodes on ``stack`` (top last); the normal form of the bottom one.

        ``tried`` was screened already, with ``tried_rule`` as the answer.

        >>> from symdiff.core.expr import Var
        >>> from symdiff.limits import DEFAULT_LIMITS
        >>> from symdiff.simplifier import _passes
        >>> x = Var("x")
        >>> machine = Machine(_passes(DEFAULT_LIMITS, False), {}, DEFAULT_LIMITS)
        >>> machine.run([x + x]) is 2 * x
        True
        """
        memo, waiting, busy, grouped = self.memo, self.waiting, self.busy, self.grouped
        guard = self.guard
        bottom = stack[0]
        while stack:
            node = stack[-1]
            if node in memo:
                stack.pop()
                continue
            target = waiting.get(node)
            if target is not None:  # the rewrite of node is normal now
                stack.pop()
                memo[node] = memo[target]
                self.moved.add(node)
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
            kind = type(node)
            if kind is Num or kind is Var or kind is Const:
                stack.pop()
                memo[node] = node
                busy.discard(node)
                continue
            self.tick()
            children = node.children
            kids = tuple([memo[c] for c in children])
            changed = kids != children
            if changed and guard is not None and (kind is Add or kind is Mul):
                self.check_operands(kind, children, kids)
            current = over(node, kind, kids, self.cap) if changed else node
            if current is node and (kind is Add or kind is Mul):
                current = spliced(kind, children, self.cap) or node
            if current is not node:  # take the form of the node over normal children
                if current in busy:
                    raise Fallback("a rewrite leads back to a node being normalized")
                waiting[node] = current
                stack.append(current)
                continue
            result = self.rewrite(node, kind, children, tried_rule if node is tried else None)
            if result is node:
                stack.pop()
                memo[node] = node
                busy.discard(node)
                continue
            if result in busy:
                raise Fallback("a rewrite leads back to a node being normalized")
            waiting[node] = result
            stack.append(result)
        return memo[bottom]

    def rewrite(self, node: Expr, kind: type, children: tuple[Expr, ...], rule: str | None) -> Expr:
        """The first pass's change of ``node`` (its children normal), or ``node`` itself.

        ``rule`` is the screen's answer when known already.

        >>> from symdiff.core.expr import Var
        >>> from symdiff.limits import DEFAULT_LIMITS
        >>> from symdiff.simplifier import _passes
        >>> x = Var("x")
        >>> machine = Machine(_passes(DEFAULT_LIMITS, False), {}, DEFAULT_LIMITS)
        >>> machine.rewrite(x * 1, Mul, (x, Num(1)), None) is x
        True
        """
        screen = self.screen
        if screen is not None:
            if rule is None:
                rule = screen(node)
            if rule is None:
                return node
            begin = self.begin_at.get(rule, 0)
        else:
            begin = 0
        applicable = self.by_kind.get(kind)
        if applicable is None:
            kinds = self.kinds
            applicable = [k for k in range(len(self.fns)) if issubclass(kind, kinds[k])]
            self.by_kind[kind] = applicable
        for k in applicable:
            if k < begin:
                continue
            result: Expr = self.fns[k](node, children)
            if result is not node:
                name = self.names[k]
                if self.guard is not None and self.guard(name, node):
                    raise Fallback(f"{name} at a shape where the orders may disagree")
                if type(result) is Num:  # a number before any pass could group it
                    if k < self.before_collect:
                        self.plain_add.add(node)
                    if k < self.before_powers:
                        self.plain_mul.add(node)
                mark = groups(name, node)
                if mark:
                    self.grouped[node] = mark
                return result
        return node
