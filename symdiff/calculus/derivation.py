"""A derivation: the recorded steps of one derivative, and the book-shaped lines they give.

Lines are computed *from* the step record: each line rewrites every pending
derivative of the previous one by its step, one rule level at a time (a
constant multiple is written on the line where its derivative appears, as the
book does); then comes the arithmetic line, then one line per named
simplification step.  The result is the last line, so steps and answer agree.

>>> from symdiff.core.expr import Var
>>> d = build_derivation(Var("x") + Var("y"), "x")
>>> [str(line.expr) for line in d.lines]
['d/dx[x + y]', 'd/dx[x] + d/dx[y]', '1 + 0', '1']
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..core.definition import Definition
from ..core.expr import Derivative, Expr
from ..core.steps import Step
from ..core.walk import iter_vars, postorder, substitute
from ..limits import DEFAULT_LIMITS, Limits
from ..simplifier import arithmetic, simplify_steps
from ..simplifier.domain import check_defined
from ..simplifier.flatten import flatten
from .differentiate import differentiate


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a derivation: the whole expression, what produced it, and its phase.

    ``kind`` is ``"derivative"``, ``"arithmetic"`` or ``"simplify"``.

    >>> from symdiff.core.expr import Num
    >>> Line(Num(1), ("arithmetic",), "arithmetic").kind
    'arithmetic'
    """

    expr: Expr
    rules: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class Derivation:
    """Everything ``derive()`` recorded; ``result`` is the expression of the last line.

    A record only: the public ``symdiff.report.Derivation`` adds the rendering methods
    (this layer does not import the printers).

    >>> from symdiff.core.expr import Var
    >>> str(build_derivation(Var("x") ** 2, "x").result)
    '2*x'
    """

    definition: Definition
    var: str
    tree: Step
    lines: tuple[Line, ...]
    simplification: tuple[Step, ...]
    partial: bool

    @property
    def result(self) -> Expr:
        """The derivative: the last line of the derivation."""
        return self.lines[-1].expr

    @property
    def raw(self) -> Expr:
        """The derivative before arithmetic: the last line of the rule levels."""
        return [line for line in self.lines if line.kind == "derivative"][-1].expr

    @property
    def steps(self) -> tuple[Step, ...]:
        """The record: the rule tree, the arithmetic step, then the named simplifications."""
        arithmetic_lines = [line for line in self.lines if line.kind == "arithmetic"]
        arith = arithmetic_lines[0].expr if arithmetic_lines else self.raw
        return (self.tree, Step("arithmetic", self.raw, arith), *self.simplification)


def _pending(expr: Expr) -> list[Expr]:
    return [n for n in postorder(expr) if isinstance(n, Derivative)]


def derivative_lines(tree: Step) -> list[Line]:
    """The rule levels of a step tree, each pending derivative rewritten one level per line.

    >>> from symdiff.core.expr import Var
    >>> _, tree = differentiate(Var("x") * Var("y"), "x", record=True)
    >>> [str(line.expr) for line in derivative_lines(tree)]
    ['y*d/dx[x]', 'y*1']
    """
    by_pending = {step.before: step for step in tree.walk()}

    def rewrite(expr: Expr, only_merged: bool) -> tuple[Expr, list[str]]:
        mapping: dict[Expr, Expr] = {}
        names: list[str] = []
        for node in _pending(expr):
            step = by_pending[node]
            if only_merged and step.rule != "constant-multiple":
                continue
            mapping[node] = step.after
            if step.rule not in names:
                names.append(step.rule)
        return substitute(expr, mapping), names

    def settle(expr: Expr, names: list[str]) -> Expr:
        while True:
            new, more = rewrite(expr, only_merged=True)
            if new is expr:
                return expr
            names.extend(n for n in more if n not in names)
            expr = new

    first: list[str] = []
    lines = [Line(settle(tree.before, first), tuple(first), "derivative")]
    while _pending(lines[-1].expr):
        expr, names = rewrite(lines[-1].expr, only_merged=False)
        expr = settle(expr, names)
        lines.append(Line(expr, tuple(names), "derivative"))
    return lines


def build_derivation(
    expr: Expr,
    var: str,
    definition: Definition | None = None,
    *,
    expand: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Derivation:
    """Differentiate ``expr`` by ``var``, recording every rule and simplification step.

    >>> from symdiff.core.expr import Var
    >>> [line.kind for line in build_derivation(Var("x") * Var("y"), "x").lines]
    ['derivative', 'derivative', 'arithmetic']
    """
    definition = definition or Definition(expr)
    check_defined(expr, limits)  # a derivative is defined only where its input is
    _, tree = differentiate(expr, var, record=True, limits=limits)
    assert tree is not None
    lines = derivative_lines(tree)
    raw = lines[-1].expr
    worked = arithmetic(raw, limits)  # what diff() simplifies: the result is diff()'s node
    arith = flatten(worked, limits=limits)  # nesting is structure, not a step
    if arith is not raw:
        lines.append(Line(arith, ("arithmetic",), "arithmetic"))
    _, simplification = simplify_steps(worked, expand=expand, limits=limits)
    if simplification:  # the first line starts from the arithmetic line as shown
        simplification[0] = replace(simplification[0], before=arith)
    lines.extend(Line(s.after, (s.rule,), "simplify") for s in simplification)
    params = definition.params
    count = len(params) if params is not None else len(list(iter_vars(expr)))
    return Derivation(definition, var, tree, tuple(lines), tuple(simplification), count > 1)
