"""A plot of f, f′ (and f″) as SVG: the derivatives given, the values from symdiff's evaluator.

:func:`plot_of` draws a definition and its derivatives along one variable (the derivatives
come from the caller: ``symdiff.results.plot_svg`` differentiates with ``symdiff.diff``; a
recorded derivation brings its own result).  Each curve is sampled adaptively
(:mod:`.sampling`), split at the corners and steps of the piecewise functions
(:mod:`.kinks`) and joined again where it is continuous there; a corner of f (f′ jumps) is
marked with a hollow circle.  A function of several variables is plotted along ``var``
with the others fixed by ``at``.

>>> from symdiff.api import as_definition, diff
>>> d = as_definition("relu(x)")
>>> svg = plot_of(d, "x", [diff(d)], at={"x": 1})
>>> [name in svg for name in ('class="curve f"', 'class="curve df"', 'class="kink"', "tangent")]
[True, True, True, True]
>>> d = as_definition("x^2 y")
>>> "along x, with y = 2 fixed" in plot_of(d, "x", [diff(d, "x")], at={"y": 2})
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import pairwise

from ..core.definition import Definition
from ..core.evaluate import Value, evaluate
from ..core.expr import Expr
from ..core.walk import count_nodes
from ..errors import DomainError, LimitError, UnsupportedError
from ..limits import DEFAULT_LIMITS, Limits
from .breaks import Fn, Sampler, budget_for
from .kinks import kink_points
from .legend import caption, curve_labels, number, tangent_label
from .sampling import GRID, Piece, View, clip, grid, sample_curve
from .svg import PLOT_HEIGHT, Curve, Figure, Marker, draw
from .ticks import fixed_axis, nice_axis
from .window import PROBE, x_window, y_window

SIDE = 1e-9  # a kink's sides are sampled this fraction of the window away from it


def numeric(expr: Expr, var: str, fixed: Mapping[str, Value]) -> Fn:
    """``expr`` as a function of ``var``: its float value, None where it has none.

    Outside the domain (``DomainError``), too large for a float, or not finite: no value.

    >>> from symdiff.api import parse
    >>> f = numeric(parse("1/x"), "x", {})
    >>> f(4.0), f(0.0)
    (0.25, None)
    """

    def value(x: float) -> float | None:
        try:
            v = float(evaluate(expr, {**fixed, var: x}))
        except (DomainError, LimitError, OverflowError):
            return None
        return v if math.isfinite(v) else None

    return value


def _along(
    d: Definition, wrt: str | None, point: Mapping[str, Value]
) -> tuple[str, dict[str, Value]]:
    """The variable plotted along, and the others' fixed values (all must be given)."""
    names = list(d.variables)
    if wrt is None and len(names) > 1:
        raise UnsupportedError(f"the expression has several variables ({', '.join(names)}): "
                               "say which one to plot along with --wrt, and fix the others "
                               "with --at")  # fmt: skip
    var = wrt if wrt is not None else names[0] if names else "x"
    for name in point:
        if name != var and name not in names:
            raise UnsupportedError(f"--at gives {name}, which is not a variable of the expression")
    missing = [n for n in names if n != var and n not in point]
    if missing:
        raise UnsupportedError(f"plotting along {var}: fix the other variables with --at, "
                               f"e.g. --at {missing[0]}=1")  # fmt: skip
    return var, {n: v for n, v in point.items() if n != var}


def _close(a: float | None, b: float | None, view: View) -> bool:
    return a is not None and b is not None and abs(a - b) * view.pixels_per_unit <= 1


def _curve(f: Sampler, lo: float, hi: float, cuts: Sequence[float], view: View) -> list[Piece]:
    """The curve sampled between the cuts, joined across a cut where it is continuous."""
    bounds = [lo, *cuts, hi]
    side = (hi - lo) * SIDE
    pieces: list[Piece] = []
    for k, (p, q) in enumerate(pairwise(bounds)):
        a, b = p + (side if k > 0 else 0), q - (side if k < len(bounds) - 2 else 0)
        intervals = max(16, round(GRID * (b - a) / (hi - lo)))
        run = sample_curve(f, a, b, view, intervals) if b > a else []
        if pieces and run and run[0][0][0] == a and pieces[-1][-1][0] == p - side:
            at_cut = f(p)
            if _close(at_cut, pieces[-1][-1][1], view) and _close(at_cut, run[0][0][1], view):
                assert at_cut is not None
                pieces[-1].extend([(p, at_cut), *run[0]])
                run = run[1:]
        pieces.extend(run)
    return clip(pieces, f, view)


def _markers(f: Fn, df: Fn, cuts: Sequence[float], width: float, view: View) -> list[Marker]:
    """A hollow circle where f has a corner (f′ jumps), a dot on f's value at a step."""
    out = []
    side = width * SIDE
    for c in cuts:
        value = f(c)
        if value is None or view.side(value) != 0:
            continue
        if _close(f(c - side), value, view) and _close(f(c + side), value, view):
            left, right = df(c - side), df(c + side)
            if left is not None and right is not None and not _close(left, right, view):
                out.append(Marker("kink", c, value))
        else:
            out.append(Marker("value", c, value))
    return out


def figure(
    d: Definition,
    wrt: str | None,
    derivatives: Sequence[Expr],
    *,
    at: Mapping[str, Value] | None = None,
    xrange: tuple[float, float] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Figure:
    """The :class:`~.svg.Figure` of ``d`` and its ``derivatives`` (f′, then f″) along ``wrt``.

    ``wrt`` may be None when ``d`` has at most one variable.  ``at`` fixes the other
    variables and, if it gives ``wrt`` too, the tangent's point; ``xrange`` overrides the
    window chosen by :func:`~.window.x_window`.

    >>> from symdiff.api import as_definition, diff
    >>> d = as_definition("sqrt(1 - x^2)")
    >>> fig = figure(d, None, [diff(d)])
    >>> fig.x.lo, fig.x.hi, [c.name for c in fig.curves]
    (-1.5, 1.5, ['f', 'df'])
    """
    limits = limits.begin()
    point = dict(at or {})
    var, fixed = _along(d, wrt, point)
    exprs = [d.body, *derivatives[:2]]
    fns = [numeric(e, var, fixed) for e in exprs]
    a = point.get(var)
    if xrange is None:
        found = kink_points(exprs, var, fixed, -PROBE, PROBE, limits)
        f, df = (Sampler(fn, limits, budget=10**9) for fn in fns[:2])  # polls the clock
        x_axis = nice_axis(*x_window(f, df, [*found, *([float(a)] if a is not None else [])]))
    else:
        x_axis = fixed_axis(*xrange)
    lo, hi = float(x_axis.lo), float(x_axis.hi)
    cuts = [c for c in kink_points(exprs, var, fixed, lo, hi, limits) if lo < c < hi]
    coarse = [[y for y in map(fn, grid(lo, hi)) if y is not None] for fn in fns]
    y_axis = nice_axis(*y_window(coarse[0], coarse[1:]), target=6)
    view = View(PLOT_HEIGHT / (y_axis.hi - y_axis.lo), y_axis.lo, y_axis.hi)
    labels = curve_labels(d, var, exprs, limits)
    samplers = [
        Sampler(fn, limits, budget_for(count_nodes(e))) for fn, e in zip(fns, exprs, strict=True)
    ]
    curves = [
        Curve(name, label, _curve(sampler, lo, hi, cuts, view))
        for name, label, sampler in zip(("f", "df", "d2f"), labels, samplers, strict=False)
    ]
    markers = _markers(fns[0], fns[1], cuts, hi - lo, view)
    if a is not None:
        curves.append(_tangent(exprs, var, fixed, a, (lo, hi), view, limits))
        fa = fns[0](float(a))
        if fa is not None and lo <= a <= hi and view.side(fa) == 0:
            markers.append(Marker("point", float(a), fa))
    return Figure(x_axis, y_axis, tuple(curves), tuple(markers),
                  caption(var, fixed, curves, markers), title=f"Plot of {labels[0]}")  # fmt: skip


def _tangent(
    exprs: Sequence[Expr],
    var: str,
    fixed: Mapping[str, Value],
    a: Value,
    window: tuple[float, float],
    view: View,
    limits: Limits,
) -> Curve:
    """The tangent line at ``var = a``: y = f(a) + f′(a)·(var − a), cut to the window."""
    env = {**fixed, var: a}
    try:
        fa, slope = evaluate(exprs[0], env), evaluate(exprs[1], env)
    except DomainError as exc:
        raise DomainError(f"no tangent at {var} = {number(a)}: {exc}") from None

    def line(x: float) -> float:
        return float(fa) + float(slope) * (x - float(a))

    lo, hi = window
    pieces = clip([[(lo, line(lo)), (hi, line(hi))]], Sampler(line, limits), view)
    return Curve("tangent", tangent_label(var, a, fa, slope), pieces)


def plot_of(
    d: Definition,
    wrt: str | None,
    derivatives: Sequence[Expr],
    *,
    at: Mapping[str, Value] | None = None,
    xrange: tuple[float, float] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> str:
    """The plot of :func:`figure` as an SVG document.

    Output beyond ``limits.max_output_chars`` is refused (``LimitError``).

    >>> from symdiff.api import as_definition
    >>> from symdiff.core.expr import Var
    >>> plot_of(as_definition("x^2"), "x", [2 * Var("x")], xrange=(-2, 2)).count('class="curve')
    2
    """
    limits = limits.begin()
    svg = draw(figure(d, wrt, derivatives, at=at, xrange=xrange, limits=limits))
    if len(svg) > limits.max_output_chars:
        raise LimitError(f"the plot would be {len(svg):,} characters; the limit is "
                         f"{limits.max_output_chars:,} (max_output_chars)")  # fmt: skip
    return svg
