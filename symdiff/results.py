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

from .api import Source, as_definition, variables_named, variables_of
from .chains import Chains
from .core.definition import Definition
from .errors import UnsupportedError
from .higher import hessian_cells, is_partial, jacobian_cells, jacobian_variables
from .higher import only_variable as _only_variable
from .limits import DEFAULT_LIMITS, Limits
from .report import Derivation, Item, Report, definition_text

if TYPE_CHECKING:
    from .check.numeric import Verdict
    from .core.evaluate import Value
    from .core.expr import Expr
    from .plot import PlotRequest


@dataclass(frozen=True)
class Options:
    """What to compute besides the result: steps, a value at a point, checks.

    ``simplify=False`` keeps the rules' raw output; ``check`` compares with SymPy,
    ``verify`` with finite differences.
    """

    steps: bool = False
    simplify: bool = True
    expand: bool = False
    factor: bool = False  # the result with common factors taken out (see :func:`factored`)
    point: Mapping[str, Value] | None = None
    check: bool = False
    verify: bool = False
    limits: Limits = DEFAULT_LIMITS
    plot: bool = True  # offer a plot of a one-variable derivative (the HTML page draws it)


class _Items:
    """The items of one report, sharing lower-order derivatives between them."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.chains = Chains(simplify=options.simplify, expand=options.expand,
                             steps=options.steps, limits=options.limits)  # fmt: skip

    def __call__(self, d: Definition, seq: Sequence[str]) -> Item:
        """One derivative, with its derivations, value and checks as asked."""
        expr, stages = self.chains(d, seq)
        if self.options.factor and self.options.simplify:
            expr, stages = factored(expr, stages, self.options.limits)
        return Item(tuple(seq), expr, stages, None, self.checks(d, seq))

    def checks(self, d: Definition, seq: Sequence[str]) -> tuple[tuple[str, Verdict], ...]:
        """``--check`` (SymPy) and ``--verify`` (finite differences, each order in turn)."""
        out: list[tuple[str, Verdict]] = []
        if not (self.options.check or self.options.verify):
            return ()
        chain = [d.body, *(self.chains(d, seq[: k + 1])[0] for k in range(len(seq)))]
        if self.options.check:
            from .check.symbolic import check_with_sympy

            limits = self.options.limits
            out.append(("SymPy", check_with_sympy(d.body, chain[-1], seq, limits=limits)))
        if self.options.verify:
            from .check.numeric import verify

            names = variables_of(d)
            verdicts = [verify(chain[k], chain[k + 1], v, names, limits=self.options.limits)
                        for k, v in enumerate(seq)]  # fmt: skip
            worst = sorted(verdicts, key=lambda v: (v.correct, not v.decided))[0]  # fail first
            out.append(("finite differences", worst))
        return tuple(out)


DEFAULT = Options()


def factored(
    expr: Expr, stages: tuple[Derivation, ...], limits: Limits = DEFAULT_LIMITS
) -> tuple[Expr, tuple[Derivation, ...]]:
    """``--factor``: the result with common factors taken out, its steps after the last stage's.

    >>> from symdiff.api import diff
    >>> str(factored(diff("x^2*exp(x)", "x"), ())[0])
    'x*exp(x)*(2 + x)'
    """
    from .calculus.derivation import Line
    from .simplifier import simplify, simplify_steps

    if not stages:
        return simplify(expr, factor=True, limits=limits), stages
    result, steps = simplify_steps(expr, factor=True, limits=limits)
    last = stages[-1]
    lines = last.lines + tuple(Line(s.after, (s.rule,), "simplify") for s in steps)
    done = replace(last, lines=lines, simplification=last.simplification + tuple(steps))
    return result, (*stages[:-1], done)


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
    sources: Sequence[Source],
    options: Options,
    typed: Sequence[str | None],
    derivative: bool = False,
) -> tuple[tuple[Definition, ...], Options, Any]:
    """The definitions, the options with the call's clock, the Report fields every command fills.

    ``typed`` is the input as the user typed it, where the caller parsed it already.  The
    limits' clock starts here (kept if it runs already): one clock per call.
    """
    limits = options.limits.begin()
    options = options if limits is options.limits else replace(options, limits=limits)
    defs = tuple(as_definition(s, options.limits) for s in sources)
    if any(d.wrt for d in defs) and not derivative:
        raise UnsupportedError(
            "a leading d/dx asks for one derivative: give it to the derivative command "
            "(symdiff EXPR), not to grad, hessian, jacobian or simplify"
        )
    texts = tuple((t if t is not None else s if isinstance(s, str) else definition_text(d)).strip()
                  for s, d, t in zip(sources, defs, typed, strict=True))  # fmt: skip
    point = None if options.point is None else dict(options.point)
    return defs, options, {"sources": texts, "definitions": defs, "point": point}


def _with_operator(d: Definition, wrt: Sequence[str], order: int) -> tuple[Sequence[str], int]:
    """``wrt`` and ``order`` as the input's leading ``d/dx`` says, if any (a conflict: error)."""
    if not d.wrt:
        return wrt, order
    if any(v != d.wrt[0] for v in wrt) or len(wrt) > 1 or order != 1:
        asked = ", ".join(wrt) if wrt else d.wrt[0]
        raise UnsupportedError(
            f"the input asks for d/d{d.wrt[0]} (order {len(d.wrt)}) but the derivative by "
            f"{asked} of order {order} is asked for as well (--wrt, --order): give it once"
        )
    return d.wrt, 1


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
    (d,), options, base = _base([source], options, [source_text], derivative=True)
    wrt, order = _with_operator(d, wrt, order)
    names = variables_of(d)
    if wrt:
        seqs = [variables_named(d, wrt) * order]
    elif len(names) > 1:
        seqs = [[v] * order for v in names]
    else:
        seqs = [[_only_variable(d)] * order]
    if options.point is not None:  # floor, ceil: no derivative where they jump
        from .core.jumps import jump_at
        from .errors import DomainError

        jump = jump_at(d.body, {v for seq in seqs for v in seq}, dict(options.point))
        if jump is not None:
            raise DomainError(f"no derivative at this point: {jump}")
    item = _Items(options)
    if len(seqs) > 1:
        item.chains.fill(d, (), names)  # the first partials as one gradient
    items = _valued(tuple(item(d, seq) for seq in seqs), options)
    kind = "derivative" if len(items) == 1 else "gradient"
    plot = _plot_request(d, items, order, options) if kind == "derivative" else None
    return Report(kind, variables=tuple(names), partial=is_partial(d), items=items, plot=plot,
                  **base)  # fmt: skip


def _plot_request(
    d: Definition, items: Sequence[Item], order: int, options: Options
) -> PlotRequest | None:
    """The plot a one-variable, first derivative offers (drawn only if a format shows it)."""
    (item,) = items
    if not options.plot or order != 1 or len(variables_of(d)) > 1 or len(item.wrt) != 1:
        return None
    from .plot import PlotRequest

    return PlotRequest(d, item.wrt[0], (item.expr,), options.point, options.limits)


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
    names = variables_named(d, vars) if vars else variables_of(d)
    item = _Items(options)
    item.chains.fill(d, (), names)  # one gradient (reverse mode when large), not one per name
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
    names = variables_named(d, vars) if vars else variables_of(d)
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
    names = variables_named(defs, vars) if vars else jacobian_variables(defs)
    entry = _Items(options)
    cells = jacobian_cells(defs, names, entry, limits=options.limits, chains=entry.chains)
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
    from .simplifier import simplify, simplify_steps

    (d,), options, base = _base([source], options, [source_text])
    limits, expand, factor = options.limits, options.expand, options.factor
    if options.steps:  # recorded only when asked for: steps cost memory with the depth
        result, steps = simplify_steps(d.body, expand=expand, factor=factor, limits=limits)
    else:
        result, steps = simplify(d.body, expand=expand, factor=factor, limits=limits), []
    item = Item((), result, value=_value(result, options))
    shown = tuple(steps)
    return Report("simplify", variables=tuple(variables_of(d)), partial=is_partial(d),
                  items=(item,), steps=shown, **base)  # fmt: skip


def plot_svg(
    source: Source,
    wrt: str | None = None,
    *,
    at: Mapping[str, Value] | None = None,
    xrange: tuple[float, float] | None = None,
    second: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> str:
    """An SVG plot of f and f′ (and f″ with ``second``) along ``wrt`` (``symdiff plot``).

    ``at`` fixes the other variables, and gives the tangent's point if it names ``wrt``;
    ``xrange`` sets the window (default: chosen around f's zeros, poles, corners, edges).
    The derivatives are :func:`symdiff.diff`'s; the drawing is :func:`symdiff.plot.plot_of`.

    >>> svg = plot_svg("tan(x)", xrange=(-5, 5), second=True)
    >>> svg.startswith("<svg"), svg.count('class="curve')
    (True, 3)
    """
    from .api import diff
    from .plot import plot_of

    limits = limits.begin()
    d = as_definition(source, limits)
    if wrt is None and len(variables_of(d)) > 1:
        return plot_of(d, wrt, (), at=at, limits=limits)  # which variable? it says
    var = wrt if wrt is not None else _only_variable(d)
    derivatives = [diff(d, var, limits=limits)]
    if second:
        derivatives.append(diff(derivatives[0], var, limits=limits))
    return plot_of(d, var, derivatives, at=at, xrange=xrange, limits=limits)


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

    (d,), options, base = _base([source], options, [source_text], derivative=True)
    wrt, _ = _with_operator(d, wrt, 1)
    seq = variables_named(d, wrt) if wrt else [_only_variable(d)]
    verdict = check_answer(d, answer, seq, limits=options.limits)
    if options.steps:
        (item,) = _valued((_Items(options)(d, seq),), options)
    else:
        item = Item(tuple(seq), verdict.expected)
    return Report("check", variables=tuple(variables_of(d)), partial=is_partial(d),
                  items=(item,), verdict=verdict, answer=answer.strip(), **base)  # fmt: skip


def codegen_source(
    source: Source,
    target: str = "python",
    wrt: Sequence[str] | None = None,
    vars: Sequence[str] | None = None,
    *,
    value: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> str:
    """The code of the gradient by ``wrt`` (default: every variable), or of the value.

    A function of ``vars`` (default: the signature's, else natural order) in ``target``;
    with ``value``, it computes the expression itself.

    >>> print(codegen_source("x^2 y", "c").splitlines()[-3])
        out[0] = 2.0 * v_x * v_y;
    """
    from .api import gradient
    from .codegen import generate_source
    from .errors import LimitError

    limits = limits.begin()
    d = as_definition(source, limits)
    names = list(vars) if vars else list(d.variables)
    if value:
        code = generate_source(d.body, names, target, "f", limits)
    else:
        partials = gradient(d, list(wrt) if wrt else names, limits=limits)
        code = generate_source(partials, names, target, "grad_f", limits)
    if len(code) > limits.max_output_chars:  # checked before anything is printed
        raise LimitError(f"the code has {len(code):,} characters, more than the limit of "
                         f"{limits.max_output_chars:,} (max_output_chars)")  # fmt: skip
    return code
