"""The computational graph drawn as inline SVG: no script, no fonts to load, readable offline.

Nodes are placed in rows by height (leaves at the bottom, the output at the top), and
ordered within each row by the mean position of their children (a few barycentre
sweeps, the usual way of drawing layered graphs with few crossings).  Each node shows
its name and definition, its value and ∂L/∂node; each edge its local derivative's value.
Graphs over :data:`MAX_DRAWN` nodes are not drawn (``--format dot`` has any size).

>>> import symdiff
>>> w = symdiff.backprop("x*y + x", {"x": 2, "y": 3})
>>> picture = svg(w.graph)
>>> picture.startswith("<svg"), picture.count('class="node"')
(True, 4)
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from .derivation import math
from .names import unicode_name
from .values import show_value

if TYPE_CHECKING:
    from ..walkthrough.graph import Graph

MAX_DRAWN = 400  # nodes
ROW, GAP, CHAR, PAD, LINE = 110, 24, 7.2, 8, 16  # pixels
INK, GRAD, EDGE = "#1b1b1b", "#b3005a", "#8a8a8a"  # the gradient's colour reads as distinct


def _heights(g: Graph) -> list[int]:
    h = [0] * len(g.nodes)
    for n in g.nodes:
        if n.children:
            h[n.index] = 1 + max(h[c] for c in n.children)
    return h


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _labels(g: Graph) -> list[list[str]]:
    out = []
    for n in g.nodes:
        head = name = unicode_name(n.name) if n.kind != "number" else n.name
        if n.children:
            head = f"{name} = {_short(math(n.definition, 'unicode'))}"
        lines = [head, f"value {show_value(n.value, 'unicode')}"]
        if n.grad is not None:
            lines.append(f"∂{unicode_name(g.output)}/∂{name} = {show_value(n.grad, 'unicode')}")
        out.append([_short(x, 34) for x in lines])
    return out


def svg(g: Graph) -> str:
    """The graph as one ``<svg>`` element (a note instead when it is too big to draw)."""
    if len(g.nodes) > MAX_DRAWN:
        return (f"<p>The graph has {len(g.nodes):,} nodes, too many to draw here; "
                "<code>--format dot</code> writes it for Graphviz.</p>")  # fmt: skip
    heights = _heights(g)
    top = max(heights)
    rows: list[list[int]] = [[] for _ in range(top + 1)]
    for n in g.nodes:
        rows[heights[n.index]].append(n.index)
    labels = _labels(g)
    width = [max(len(x) for x in lab) * CHAR + 2 * PAD for lab in labels]
    parents: dict[int, list[int]] = {}
    for e in g.edges:
        parents.setdefault(e.child, []).append(e.parent)
    x = [0.0] * len(g.nodes)

    def place() -> None:
        for row in rows:
            pos = 0.0
            for i in row:
                x[i] = pos + width[i] / 2
                pos += width[i] + GAP

    place()
    for sweep in range(4):  # barycentres: up from the leaves, then down from the output
        order = rows[1:] if sweep % 2 == 0 else rows[-2::-1]
        for row in order:

            def key(i: int, up: bool = sweep % 2 == 0) -> float:
                near = g.nodes[i].children if up else parents.get(i, [])
                return sum(x[j] for j in near) / len(near) if near else x[i]

            row.sort(key=key)
        place()
    total = max(sum(width[i] + GAP for i in row) for row in rows)
    for row in rows:  # centre each row
        used = sum(width[i] + GAP for i in row)
        for i in row:
            x[i] += (total - used) / 2
    height = (top + 1) * ROW
    y = [(top - heights[n.index]) * ROW + ROW / 2 for n in g.nodes]
    box_h = 3 * LINE + PAD
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total:.0f} {height:.0f}" '
             f'width="{total:.0f}" height="{height:.0f}" role="img" '
             'font-family="system-ui, sans-serif" font-size="12">',
             f"<title>the computational graph, {len(g.nodes)} nodes</title>"]  # fmt: skip
    for e in g.edges:
        x1, y1 = x[e.child], y[e.child] - box_h / 2
        x2, y2 = x[e.parent], y[e.parent] + box_h / 2
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        parts.append(f'<g class="edge"><line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" '
                     f'y2="{y2:.1f}" stroke="{EDGE}"/><text x="{mx:.1f}" y="{my:.1f}" '
                     f'fill="{EDGE}" text-anchor="middle" paint-order="stroke" stroke="white" '
                     f'stroke-width="3">{escape(show_value(e.local_value, "unicode"))}</text>'
                     "</g>")  # fmt: skip
    for n in g.nodes:
        w, cx, cy = width[n.index], x[n.index], y[n.index]
        lab = labels[n.index]
        texts = []
        for k, line in enumerate(lab):
            colour = GRAD if k == 2 else INK
            weight = ' font-weight="bold"' if k == 0 else ""
            ty = cy - box_h / 2 + PAD + LINE * (k + 0.75)
            texts.append(f'<text x="{cx:.1f}" y="{ty:.1f}" text-anchor="middle" '
                         f'fill="{colour}"{weight}>{escape(line)}</text>')  # fmt: skip
        parts.append(f'<g class="node" data-name="{escape(n.name)}"><rect x="{cx - w / 2:.1f}" '
                     f'y="{cy - box_h / 2:.1f}" width="{w:.1f}" height="{box_h}" rx="6" '
                     f'fill="#fafafa" stroke="{INK}"/>' + "".join(texts) + "</g>")  # fmt: skip
    parts.append("</svg>")
    return "\n".join(parts)
