"""Drawing a :class:`Figure` as SVG text: axes, grid, ticks, labelled curves, markers, legend.

No drawing library: the SVG is written here.  Each curve is one ``<path class="curve NAME">``
whose path data holds only points of the curve (``M`` starts a piece, ``L`` continues it);
each tick label is a ``<text class="xtick">``/``<text class="ytick">`` centred on its
value, so a reader (or a test) can map coordinates back to values.  Colours are from the
Okabe–Ito palette, safe for colour-blind readers, and each curve also has its own dash
pattern, so the strokes differ in print and in grey too.

>>> from symdiff.plot.ticks import nice_axis
>>> fig = Figure(nice_axis(-1, 1), nice_axis(0, 1), (Curve("f", "f(x) = x²", [[(-1.0, 1.0),
...     (0.0, 0.0), (1.0, 1.0)]]),), title="f(x) = x²")
>>> svg = draw(fig)
>>> svg.startswith("<svg") and 'class="curve f"' in svg and "M60.00 20.00" in svg
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from .ticks import Axis

Point = tuple[float, float]
WIDTH, LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT = 640, 60, 20, 560, 340
ROW = 20  # height of a legend or caption row

# name -> (colour, dash pattern, stroke width): Okabe–Ito blue, vermillion, bluish green, black
STYLES: dict[str, tuple[str, str, float]] = {
    "f": ("#0072B2", "", 2.0),
    "df": ("#D55E00", "7 4", 2.0),
    "d2f": ("#009E73", "2 3", 2.0),
    "tangent": ("#000000", "10 3 2 3", 1.25),
}


@dataclass(frozen=True)
class Curve:
    """One labelled curve: its style name (a key of :data:`STYLES`) and its pieces."""

    name: str
    label: str
    pieces: list[list[Point]]


@dataclass(frozen=True)
class Marker:
    """A dot on the plot: ``kink`` (hollow: a corner of f), ``point`` (filled: f at a point)."""

    kind: str
    x: float
    y: float


@dataclass(frozen=True)
class Figure:
    """Everything drawn: the axes, the curves in legend order, markers, caption lines."""

    x: Axis
    y: Axis
    curves: tuple[Curve, ...]
    markers: tuple[Marker, ...] = ()
    caption: tuple[str, ...] = ()
    title: str = ""
    notes: tuple[str, ...] = field(default=())  # legend lines without a stroke

    def px(self, x: float) -> float:
        """The horizontal pixel of the value ``x``."""
        return LEFT + (x - self.x.lo) / (self.x.hi - self.x.lo) * PLOT_WIDTH

    def py(self, y: float) -> float:
        """The vertical pixel of the value ``y`` (down the page)."""
        return TOP + (self.y.hi - y) / (self.y.hi - self.y.lo) * PLOT_HEIGHT


def _path(fig: Figure, pieces: list[list[Point]]) -> str:
    parts = []
    for piece in pieces:
        if len(piece) < 2:
            continue
        coords = [f"{fig.px(x):.2f} {fig.py(y):.2f}" for x, y in piece]
        parts.append("M" + coords[0] + "".join(" L" + c for c in coords[1:]))
    return " ".join(parts)


def _stroke(name: str) -> str:
    colour, dash, width = STYLES[name]
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    return f'fill="none" stroke="{colour}" stroke-width="{width}"{dashes}'


def _axes(fig: Figure) -> list[str]:
    """Frame, grid lines, tick labels, and the lines x = 0 and y = 0 where they are seen."""
    bottom, right = TOP + PLOT_HEIGHT, LEFT + PLOT_WIDTH
    out = [f'<rect x="{LEFT}" y="{TOP}" width="{PLOT_WIDTH}" height="{PLOT_HEIGHT}" '
           'fill="#ffffff" stroke="#888888"/>']  # fmt: skip
    for t in fig.x.ticks():
        px = fig.px(float(t))
        out.append(f'<line class="grid" x1="{px:.2f}" y1="{TOP}" x2="{px:.2f}" y2="{bottom}"/>')
        out.append(f'<text class="xtick" x="{px:.2f}" y="{bottom + 16}" '
                   f'text-anchor="middle">{fig.x.label(t)}</text>')  # fmt: skip
    for t in fig.y.ticks():
        py = fig.py(float(t))
        out.append(f'<line class="grid" x1="{LEFT}" y1="{py:.2f}" x2="{right}" y2="{py:.2f}"/>')
        out.append(f'<text class="ytick" x="{LEFT - 6}" y="{py:.2f}" text-anchor="end" '
                   f'dominant-baseline="middle">{fig.y.label(t)}</text>')  # fmt: skip
    if fig.y.lo <= 0 <= fig.y.hi:
        out.append(f'<line class="axis" x1="{LEFT}" y1="{fig.py(0):.2f}" x2="{right}" '
                   f'y2="{fig.py(0):.2f}"/>')  # fmt: skip
    if fig.x.lo <= 0 <= fig.x.hi:
        out.append(f'<line class="axis" x1="{fig.px(0):.2f}" y1="{TOP}" x2="{fig.px(0):.2f}" '
                   f'y2="{bottom}"/>')  # fmt: skip
    return out


def _legend(fig: Figure, top: int) -> list[str]:
    out = []
    for k, curve in enumerate(fig.curves):
        y = top + k * ROW
        out.append(f'<line x1="{LEFT}" y1="{y}" x2="{LEFT + 36}" y2="{y}" {_stroke(curve.name)}/>')
        out.append(f'<text class="legend {curve.name}" x="{LEFT + 44}" y="{y}" '
                   f'dominant-baseline="middle">{escape(curve.label)}</text>')  # fmt: skip
    return out


def draw(fig: Figure) -> str:
    """The figure as a standalone SVG document (also valid inline in HTML).

    >>> from symdiff.plot.ticks import nice_axis
    >>> draw(Figure(nice_axis(0, 1), nice_axis(0, 1), ())).count("<svg")
    1
    """
    legend_top = TOP + PLOT_HEIGHT + 44
    caption_top = legend_top + len(fig.curves) * ROW
    height = caption_top + len(fig.caption) * ROW + 4
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="symdiff-plot" width="{WIDTH}" '
        f'height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" '
        'font-family="system-ui, sans-serif" font-size="12">',
        f"<title>{escape(fig.title)}</title>",
        "<style>.grid{stroke:#e4e4e4;stroke-width:1}.axis{stroke:#555555;stroke-width:1}"
        "text{fill:#1b1b1b}</style>",
        f'<g class="plot-area" data-x="{fig.x.lo!r} {fig.x.hi!r}" '
        f'data-y="{fig.y.lo!r} {fig.y.hi!r}">',
        *_axes(fig),
    ]
    for curve in fig.curves:
        data = _path(fig, curve.pieces)
        out.append(f'<path class="curve {curve.name}" d="{data}" {_stroke(curve.name)}/>')
    for m in fig.markers:
        fill = "#ffffff" if m.kind == "kink" else "#000000"
        out.append(f'<circle class="{m.kind}" cx="{fig.px(m.x):.2f}" cy="{fig.py(m.y):.2f}" '
                   f'r="3.5" fill="{fill}" stroke="#000000" stroke-width="1.25"/>')  # fmt: skip
    out.append("</g>")
    out.extend(_legend(fig, legend_top))
    for k, line in enumerate(fig.caption):
        out.append(f'<text class="caption" x="{LEFT}" y="{caption_top + k * ROW + 4}" '
                   f'dominant-baseline="middle">{escape(line)}</text>')  # fmt: skip
    out.append("</svg>")
    return "\n".join(out) + "\n"
