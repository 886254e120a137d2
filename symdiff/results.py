"""The API calls that answer with a :class:`~symdiff.report.Report`, one per command.

``source_text`` (optional) is the input as typed, shown in the report when the
caller passes an already parsed ``Definition``.

Each takes inputs (text, an ``Expr`` or a ``Definition``) and :class:`Options`,
computes through :mod:`symdiff.api` and :mod:`symdiff.higher` (which assembles
Hessians and Jacobians), and returns the Report every output format renders.
What is computed depends on the options only: steps are recorded when
``steps`` is set, whatever the format they will be written in.

>>> r = gradient_report("3x^3z - y^2 + 5z + 2yz")
>>> r.kind, [item.wrt for item in r.items], str(r.items[0].expr)
('gradient', [('x',), ('y',), ('z',)], '9*x^2*z')
>>> print(hessian_report("x^2 y").render("text"))
Hessian of f in (x, y):
[2*y, 2*x]
[2*x, 0  ]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .api import Source, as_definition, variables_of
from .chains import Chains
from .core.definition import Definition
from .higher import hessian_cells, is_partial, jacobian_cells, jacobian_variables
from .higher import only_variable as _only_variable
from .limits import DEFAULT_LIMITS, Limits
from .report import Item, Report, definition_text

if TYPE_CHECKING:
    from .check.numeric import Verdict
    from .core.evaluate import Value
    from .core.expr import Expr


@dataclass(frozen=True)
class Options:
    """What to compute besides the result: steps, a value at a point, checks.

    ``simplify=False`` keeps the rules' raw output; ``check`` compares with SymPy,
    ``verify`` with finite differences.
    """

    steps: bool = False
    simplify: bool = True
    expand: bool = False
    point: Mapping[str, Value] | None = None
    check: bool = False
    verify: bool = False
    limits: Limits = DEFAULT_LIMITS


class _Items:
    """The items of one report, sharing lower-order derivatives between them."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.chains = Chains(simplify=options.simplify, expand=options.expand,
                             steps=options.steps, limits=options.limits)  # fmt: skip

    def __call__(self, d: Definition, seq: Sequence[str]) -> Item:
        """One derivative, with its derivations, value and checks as asked."""
        expr, stages = self.chains(d, seq)
        return Item(tuple(seq), expr, stages, None, self.checks(d, seq))

    def checks(self, d: Definition, seq: Sequence[str]) -> tuple[tuple[str, Verdict], ...]:
        """``--check`` (SymPy) and ``--verify`` (finite differences, each order in turn)."""
        out: list[tuple[str, Verdict]] = []
        if not (self.options.check or self.options.verify):
            return ()
        chain = [d.body, *(self.chains(d, seq[: k + 1])[0] for k in range(len(seq)))]
        if self.options.check:
            from .check.symbolic import check_with_sympy

            out.append(("SymPy", check_with_sympy(d.body, chain[-1], seq)))
        if self.options.verify:
            from .check.numeric import verify

            names = variables_of(d)
            verdicts = [verify(chain[k], chain[k + 1], v, names) for k, v in enumerate(seq)]
            worst = sorted(verdicts, key=lambda v: (v.correct, not v.decided))[0]  # fail first
            out.append(("finite differences", worst))
        return tuple(out)


DEFAULT = Options()


def _value(expr: Expr, options: Options) -> Value | None:
    """``expr`` at the point, if one was given (the evaluator is loaded only then)."""
    if options.point is None:
        return None
    from .core.evaluate import evaluate

    return evaluate(expr, dict(options.point), limits=options.limits)


def _valued(items: tuple[Item, ...], options: Options) -> tuple[Item, ...]:
    """The items with their values at the point, if one was given: one walk for them all.

    The partials of a gradient (the cells of a Hessian) share most of their nodes:
    :func:`~symdiff.core.evaluate.evaluate_all` computes each distinct node once.  An
    item repeated (the Hessian's lower triangle) stays one object.
    """
    if options.point is None:
        return items
    from .core.evaluate import evaluate_all

    values = evaluate_all([i.expr for i in items], dict(options.point), limits=options.limits)
    done: dict[int, Item] = {}
    for item, value in zip(items, values, strict=True):
        if id(item) not in done:
            done[id(item)] = replace(item, value=value)
    return tuple(done[id(item)] for item in items)


def _base(
    sources: Sequence[Source], options: Options, typed: Sequence[str | None]
) -> tuple[tuple[Definition, ...], Options, Any]:
    """The definitions, the options with the call's clock, the Report fields every command fills.

    ``typed`` is the input as the user typed it, where the caller parsed it already.  The
    limits' clock starts here (kept if it runs already): one clock per call.
    """
    limits = options.limits.begin()
    options = options if limits is options.limits else replace(options, limits=limits)
    defs = tuple(as_definition(s, options.limits) for s in sources)
    texts = tuple((t if t is not None else s if isinstance(s, str) else definition_text(d)).strip()
                  for s, d, t in zip(sources, defs, typed, strict=True))  # fmt: skip
    point = None if options.point is None else dict(options.point)
    return defs, options, {"sources": texts, "definitions": defs, "point": point}


def derivative_report(
    source: Source,
    wrt: Sequence[str] = (),
    order: int = 1,
    options: Options = DEFAULT,
    *,
    source_text: str | None = None,
) -> Report:
    """The derivative by ``wrt`` in order, repeated ``order`` times.

    With no variable named: by the only one, or every partial (kind ``gradient``)
    when there are several.

    >>> str(derivative_report("x^3 y", ["x", "y"]).items[0].expr)
    '3*x^2'
    >>> derivative_report("sin(x)", order=3).render("unicode")
    '−cos(x)'
    """
    options.limits.check_order(max(len(wrt), 1) * order)  # before a list of that many names
    (d,), options, base = _base([source], options, [source_text])
    names = variables_of(d)
    if wrt:
        seqs = [list(wrt) * order]
    elif len(names) > 1:
        seqs = [[v] * order for v in names]
    else:
        seqs = [[_only_variable(d)] * order]
    items = _valued(tuple(_Items(options)(d, seq) for seq in seqs), options)
    kind = "derivative" if len(items) == 1 else "gradient"
    return Report(kind, variables=tuple(names), partial=is_partial(d), items=items, **base)


def gradient_report(
    source: Source,
    vars: Sequence[str] | None = None,
    options: Options = DEFAULT,
    *,
    source_text: str | None = None,
) -> Report:
    """Every partial derivative, in the order of ``vars`` (default: signature, else natural).

    >>> gradient_report("x*y").render("text")
    'df/dx = y\\ndf/dy = x'
    """
    (d,), options, base = _base([source], options, [source_text])
    names = list(vars) if vars else variables_of(d)
    item = _Items(options)
    items = _valued(tuple(item(d, [v]) for v in names), options)
    return Report("gradient", variables=tuple(names), partial=is_partial(d), items=items, **base)


def hessian_report(
    source: Source,
    vars: Sequence[str] | None = None,
    options: Options = DEFAULT,
    *,
    source_text: str | None = None,
) -> Report:
    """The Hessian (row-major items; the lower triangle repeats the upper's objects).

    >>> r = hessian_report("x^2 y")
    >>> [str(i.expr) for i in r.items], r.items[1] is r.items[2]
    (['2*y', '2*x', '2*x', '0'], True)
    """
    (d,), options, base = _base([source], options, [source_text])
    names = list(vars) if vars else variables_of(d)
    entry = _Items(options)
    cells = hessian_cells(d, names, entry, entry.chains)
    items = _valued(tuple(item for row in cells for item in row), options)
    return Report("hessian", variables=tuple(names), partial=is_partial(d), items=items, **base)


def jacobian_report(
    sources: Sequence[Source],
    vars: Sequence[str] | None = None,
    options: Options = DEFAULT,
    *,
    source_texts: Sequence[str] | None = None,
) -> Report:
    """The Jacobian of several functions: one row of items per function.

    >>> jacobian_report(["x*y", "x + y"]).render("text").splitlines()[1:]
    ['[y, x]', '[1, 1]']
    """
    defs, options, base = _base(sources, options, source_texts or [None] * len(sources))
    names = list(vars) if vars else jacobian_variables(defs)
    cells = jacobian_cells(defs, names, _Items(options), limits=options.limits)
    items = _valued(tuple(item for row in cells for item in row), options)
    return Report("jacobian", variables=tuple(names), partial=len(names) > 1, items=items, **base)


def simplify_report(
    source: Source, options: Options = DEFAULT, *, source_text: str | None = None
) -> Report:
    """The simplified expression; with ``steps``, the named simplification steps.

    >>> print(simplify_report("x*x", Options(steps=True)).render("text"))
    x*x
      = x^2    combine powers
    """
    from .simplifier import simplify_steps

    (d,), options, base = _base([source], options, [source_text])
    result, steps = simplify_steps(d.body, expand=options.expand, limits=options.limits)
    item = Item((), result, value=_value(result, options))
    shown = tuple(steps) if options.steps else ()
    return Report("simplify", variables=tuple(variables_of(d)), partial=is_partial(d),
                  items=(item,), steps=shown, **base)  # fmt: skip


def check_report(
    source: Source,
    answer: str,
    wrt: Sequence[str] = (),
    options: Options = DEFAULT,
    *,
    source_text: str | None = None,
) -> Report:
    """Whether ``answer`` is the derivative by ``wrt``; if not, a point where it differs.

    >>> check_report("x^3", "3x^2").render("unicode")
    "yes: 3x² is f'(x) (same simplified expression)"
    """
    from .higher import check_answer

    (d,), options, base = _base([source], options, [source_text])
    seq = list(wrt) or [_only_variable(d)]
    verdict = check_answer(d, answer, seq, limits=options.limits)
    if options.steps:
        (item,) = _valued((_Items(options)(d, seq),), options)
    else:
        item = Item(tuple(seq), verdict.expected)
    return Report("check", variables=tuple(variables_of(d)), partial=is_partial(d),
                  items=(item,), verdict=verdict, answer=answer.strip(), **base)  # fmt: skip
