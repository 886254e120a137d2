"""Book lines from the engine's steps: whole expressions, one line per run of one rule.

The engine records each change on the sub-expression it touched, innermost
first.  A book line applies one rule everywhere it is due at once, the earliest
rule in ``PASSES`` order first, as a student simplifies.  :func:`book_lines`
replays the steps on the whole expression in that order: it applies every step
of the earliest rule that can be applied now, then the steps of the same rule
that this makes possible, writes one line, and starts again.  A step applies
where its ``before`` stands in the expression, or an earlier form of it whose
differing operands the step only carries along (``15·2⁴·x⁸·4x`` combines its
powers before ``2⁴`` is folded: the engine folded it first, but the powers never
looked at it).  Nesting is opened silently, as in the engine.

>>> from symdiff.core.expr import Mul, Num, Pow, Var
>>> from symdiff.simplifier import simplify_steps
>>> x = Var("x")
>>> e = Mul((Num(15), Pow(Mul((Num(2), Pow(x, Num(2)))), Num(4)), Mul((Num(4), x))))
>>> [str(s.after) for s in simplify_steps(e)[1]]
['15*2^4*x^8*4*x', '15*2^4*4*x^9', '960*x^9']
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.expr import Add, Expr, Mul, add, mul
from ..core.steps import Step
from ..core.walk import postorder, substitute
from ..limits import DEFAULT_LIMITS, Limits
from .flatten import flatten

MAX_CHAIN = 64  # forms of one operand followed back through the steps


def _earlier(node: Expr, later: Expr, forward: dict[Expr, Expr]) -> bool:
    """Whether ``node`` turns into ``later`` through the pending steps."""
    for _ in range(MAX_CHAIN):
        nxt = forward.get(node)
        if nxt is None:
            return False
        if nxt is later:
            return True
        node = nxt
    return False


def _run(
    ops: tuple[Expr, ...], want: tuple[Expr, ...], keep: set[Expr], forward: dict[Expr, Expr]
) -> dict[Expr, Expr] | None:
    """How ``ops`` stand for ``want``: operand for operand the same, or an earlier form kept."""
    swap: dict[Expr, Expr] = {}
    for old, new in zip(ops, want, strict=True):
        if old is new:
            continue
        if new not in keep or swap.get(new, old) is not old or not _earlier(old, new, forward):
            return None
        swap[new] = old
    return swap


def _match(
    step: Step, nodes: Sequence[Expr], present: set[Expr], forward: dict[Expr, Expr]
) -> tuple[Expr, Expr] | None:
    """Where ``step`` applies in an expression of the ``nodes`` (a set: ``present``).

    Returns (node, its rewrite).  A sum (product) the engine rewrote may stand opened
    in a larger one: then the step rewrites that run of operands, in the first node
    in walk order (never in set order, which follows memory addresses).
    """
    before, after = step.before, step.after
    if before in present:
        return before, after
    kind = type(before)
    if kind is not Add and kind is not Mul:
        return None
    want = before.children
    width = len(want)
    new_ops = after.children if type(after) is kind else (after,)
    keep = set(new_ops)
    for node in nodes:
        if type(node) is not kind:
            continue
        ops = node.children
        for i in range(len(ops) - width + 1):
            swap = _run(ops[i : i + width], want, keep, forward)
            if swap is not None:
                kids = (*ops[:i], *[swap.get(k, k) for k in new_ops], *ops[i + width :])
                return node, (add if kind is Add else mul)(*kids)
    return None


def book_lines(
    start: Expr,
    steps: Sequence[Step],
    result: Expr,
    order: Sequence[str],
    limits: Limits = DEFAULT_LIMITS,
) -> list[Step]:
    """The whole-expression lines of ``steps`` (see the module doc), ending at ``result``.

    ``order`` is the rule ids by priority.  Each line's ``substeps`` are the
    engine's steps it applies.

    >>> from symdiff.core.expr import Mul, Var
    >>> from symdiff.simplifier.engine import run
    >>> from symdiff.simplifier import PASSES, RULES
    >>> x, y = Var("x"), Var("y")
    >>> e = Mul((y, x, x))
    >>> result, steps = run(e, PASSES)
    >>> [(s.rule, str(s.after)) for s in book_lines(e, steps, result, RULES)]
    [('combine-powers', 'y*x^2'), ('order-factors', 'x^2*y')]
    """
    rank = {rule: i for i, rule in enumerate(order)}
    memo: dict[Expr, Expr] = {}
    whole = flatten(start, memo, limits)
    pending = list(steps)
    lines: list[Step] = []
    before = start
    while pending:
        forward = {s.before: s.after for s in pending}
        nodes = postorder(whole)
        present = set(nodes)
        ready = [(i, m) for i, s in enumerate(pending) if (m := _match(s, nodes, present, forward))]
        if not ready:  # a step whose place is gone: the last line goes to the result
            break
        rule = min((pending[i].rule for i, _ in ready), key=lambda r: rank.get(r, len(rank)))
        done: list[Step] = []
        while ready:
            mapping = {}
            for i, (node, new) in ready:
                if pending[i].rule == rule and node not in mapping:
                    mapping[node] = new
                    done.append(pending[i])
            if not mapping:
                break
            taken = {id(s) for s in done}
            pending = [s for s in pending if id(s) not in taken]
            whole = flatten(substitute(whole, mapping), memo, limits)
            forward = {s.before: s.after for s in pending}
            nodes = postorder(whole)
            present = set(nodes)
            ready = [
                (i, m)
                for i, s in enumerate(pending)
                if s.rule == rule and (m := _match(s, nodes, present, forward))
            ]
        if whole is not before:
            lines.append(Step(rule, before, whole, tuple(done)))
        before = whole
    if (pending or steps) and whole is not result:  # never a line that changes nothing
        rule = pending[0].rule if pending else steps[-1].rule
        lines.append(Step(rule, before, result, tuple(pending)))
    return lines
