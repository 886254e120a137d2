"""The record of a computation: one ``Step`` per rule application.

A derivative produces a tree of steps: ``before`` is the pending derivative
``d/dx u``, ``after`` the rule's one-level rewrite, in which every pending
derivative left is the ``before`` of one of the ``substeps``.  The simplifier
produces a flat list: ``before`` and ``after`` are the whole expression.

>>> from symdiff.core.expr import Derivative, Var, Num
>>> s = Step("variable", Derivative(Var("x"), "x"), Num(1))
>>> s.rule, str(s.after)
('variable', '1')
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .expr import Expr


@dataclass(frozen=True, slots=True)
class Step:
    """One named rule application: ``before`` equals ``after``.

    >>> from symdiff.core.expr import Var
    >>> Step("arithmetic", Var("x"), Var("x")).substeps
    ()
    """

    rule: str
    before: Expr
    after: Expr
    substeps: tuple[Step, ...] = ()
    path: tuple[int, ...] = ()

    def walk(self) -> Iterator[Step]:
        """This step and all its sub-steps, depth first, without recursion.

        >>> from symdiff.core.expr import Var
        >>> [s.rule for s in Step("a", Var("x"), Var("x"), (Step("b", Var("x"), Var("x")),)).walk()]
        ['a', 'b']
        """
        stack: list[Step] = [self]
        while stack:
            step = stack.pop()
            yield step
            stack.extend(reversed(step.substeps))
