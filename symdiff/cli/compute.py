"""What each command computes, as a :class:`Report` that every output format reads.

>>> from symdiff.cli.options import parse_command
>>> report = compute(parse_command(["3x^3z - y^2 + 5z + 2yz"]), "3x^3z - y^2 + 5z + 2yz")
>>> report.kind, [item.wrt for item in report.items], str(report.items[0].expr)
('gradient', [('x',), ('y',), ('z',)], '9*x^2*z')
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..api import as_definition, diff, variables_of
from ..core.definition import Definition
from ..core.expr import Expr
from ..errors import LimitError, SymdiffError
from ..higher import derivations, is_partial, jacobian_variables, only_variable
from ..limits import Limits
from .options import ArgumentError, limits_from
from .values import parse_point, variable_name

if TYPE_CHECKING:
    from ..calculus.derivation import Derivation
    from ..check.numeric import Verdict
    from ..core.evaluate import Value
    from ..core.steps import Step


@dataclass(frozen=True)
class Item:
    """One result: the variables differentiated by (in order), the expression, extras."""

    wrt: tuple[str, ...]
    expr: Expr
    stages: tuple[Derivation, ...] = ()
    value: Value | None = None
    checks: tuple[tuple[str, Verdict], ...] = ()


@dataclass(frozen=True)
class Report:
    """Everything shown for one input; matrices (hessian, jacobian) are row-major items."""

    kind: str  # derivative, gradient, hessian, jacobian, simplify or check
    sources: tuple[str, ...]
    definitions: tuple[Definition, ...]
    variables: tuple[str, ...]
    partial: bool
    items: tuple[Item, ...] = ()
    point: dict[str, Value] | None = None
    steps: tuple[Step, ...] = ()
    verdict: Verdict | None = None
    extra: dict[str, object] = field(default_factory=dict)


class _Builder:
    """Computes items, sharing lower-order derivatives between them."""

    def __init__(self, args: argparse.Namespace, limits: Limits, point: dict[str, Value] | None):
        self.args, self.limits, self.point = args, limits, point
        self.steps = args.steps or args.format in ("markdown", "html")
        self.memo: dict[tuple[Definition, tuple[str, ...]], Expr] = {}

    def chain(self, d: Definition, seq: Sequence[str]) -> list[Expr]:
        out = [d.body]
        for k, name in enumerate(seq):
            key = (d, tuple(seq[: k + 1]))
            if key not in self.memo:
                self.memo[key] = diff(out[-1], name, simplify=self.args.simplify,
                                      expand=self.args.expand, limits=self.limits)  # fmt: skip
            out.append(self.memo[key])
        return out

    def item(self, d: Definition, seq: Sequence[str]) -> Item:
        if len(seq) > self.limits.max_order:
            raise LimitError(f"a derivative of order {len(seq)} exceeds the limit of "
                             f"{self.limits.max_order}")  # fmt: skip
        stages: tuple[Derivation, ...] = ()
        if self.steps:
            stages = derivations(d, seq, simplify=self.args.simplify, expand=self.args.expand,
                                 limits=self.limits)  # fmt: skip
            chain = [d.body, *(s.result for s in stages)]
        else:
            chain = self.chain(d, seq)
        value = None if self.point is None else _evaluate(chain[-1], self.point)
        return Item(tuple(seq), chain[-1], stages, value, self.checks(d, chain, seq))

    def checks(self, d: Definition, chain: list[Expr], seq: Sequence[str]) -> tuple:
        out: list[tuple[str, Verdict]] = []
        if getattr(self.args, "check", False):
            from ..check.symbolic import check_with_sympy

            out.append(("SymPy", check_with_sympy(d.body, chain[-1], seq)))
        if getattr(self.args, "verify", False):
            from ..check.numeric import verify

            names = variables_of(d)
            verdicts = [verify(chain[k], chain[k + 1], v, names) for k, v in enumerate(seq)]
            worst = sorted(verdicts, key=lambda v: (v.correct, not v.decided))[0]  # fail first
            out.append(("finite differences", worst))
        return tuple(out)


def _point(args: argparse.Namespace, params: Sequence[str]) -> dict[str, Value] | None:
    return parse_point(args.at, params) if getattr(args, "at", None) else None


def _names(texts: Sequence[str] | None, d: Definition) -> list[str] | None:
    if texts is None:
        return None
    return [variable_name(t, d.params or ()) for t in texts]


def compute(
    args: argparse.Namespace, text: str | Sequence[str], limits: Limits | None = None
) -> Report:
    """The report of one command on one input (``jacobian``: several).

    >>> from symdiff.cli.options import parse_command
    >>> r = compute(parse_command(["hessian", "x^2 y"]), "x^2 y")
    >>> [str(i.expr) for i in r.items]
    ['2*y', '2*x', '2*x', '0']
    """
    limits = (limits_from(args) if limits is None else limits).begin()
    texts = (text,) if isinstance(text, str) else tuple(text)
    defs = tuple(as_definition(t, limits) for t in texts)
    d = defs[0]
    point = _point(args, d.params or ())
    build = _Builder(args, limits, point)
    base = {"sources": texts, "definitions": defs, "partial": is_partial(d), "point": point}
    if args.command == "jacobian":
        names = _names(args.vars, d) or jacobian_variables(defs)
        items = tuple(build.item(f, [v]) for f in defs for v in names)
        return Report("jacobian", variables=tuple(names), items=items,
                      **{**base, "partial": len(names) > 1})  # fmt: skip
    names = _names(getattr(args, "vars", None), d) or variables_of(d)
    if args.command == "grad":
        items = tuple(build.item(d, [v]) for v in names)
        return Report("gradient", variables=tuple(names), items=items, **base)
    if args.command == "hessian":
        n = len(names)
        upper = {(i, j): build.item(d, [names[i], names[j]]) for i in range(n) for j in range(i, n)}
        items = tuple(upper[min(i, j), max(i, j)] for i in range(n) for j in range(n))
        return Report("hessian", variables=tuple(names), items=items, **base)
    if args.command == "simplify":
        return _simplify(args, d, limits, base)
    if args.command == "check":
        return _check(args, d, limits, build, base)
    return _derivative(args, d, build, base)


def _derivative(args: argparse.Namespace, d: Definition, build: _Builder, base: dict) -> Report:
    wrt = _names(args.wrt, d) or []
    names = variables_of(d)
    if len(wrt) > 1 and args.order > 1:
        raise ArgumentError("--order takes one variable; for a mixed partial list each "
                            "variable in order, e.g. --wrt x,x,y")  # fmt: skip
    if wrt:
        seqs = [wrt * args.order]
    elif len(names) > 1:
        seqs = [[v] * args.order for v in names]
    else:
        seqs = [[only_variable(d)] * args.order]
    items = tuple(build.item(d, seq) for seq in seqs)
    kind = "derivative" if len(items) == 1 else "gradient"
    return Report(kind, variables=tuple(names), items=items, **base)


def _simplify(args: argparse.Namespace, d: Definition, limits: Limits, base: dict) -> Report:
    from ..simplifier import simplify_steps

    result, steps = simplify_steps(d.body, expand=args.expand, limits=limits)
    value = None if base["point"] is None else _evaluate(result, base["point"])
    item = Item((), result, value=value)
    shown = tuple(steps) if args.steps or args.format in ("markdown", "html") else ()
    return Report("simplify", variables=tuple(variables_of(d)), items=(item,), steps=shown,
                  extra={"steps": bool(shown)}, **base)  # fmt: skip


def _check(
    args: argparse.Namespace, d: Definition, limits: Limits, build: _Builder, base: dict
) -> Report:
    from ..higher import check_answer

    wrt = _names(args.wrt, d) or [only_variable(d)]
    try:
        answer = as_definition(args.answer, limits)
    except SymdiffError as exc:
        raise ArgumentError(f"in --answer: {exc}") from None
    verdict = check_answer(d, answer, wrt, limits=limits)
    item = build.item(d, wrt) if build.steps else Item(tuple(wrt), verdict.expected)
    return Report("check", variables=tuple(variables_of(d)), items=(item,), verdict=verdict,
                  extra={"answer": args.answer}, **base)  # fmt: skip


def _evaluate(expr: Expr, point: dict[str, Value]) -> Value:
    """``expr``'s value at ``point`` (the evaluator is loaded only for ``--at``)."""
    from ..core.evaluate import evaluate

    return evaluate(expr, point)
