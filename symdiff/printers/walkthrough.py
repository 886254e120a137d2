"""A backpropagation walkthrough in every format: forward pass, backward pass, chains, gradient.

The lines read as the book reads them: each node's definition and value; then, parents
first, each node's ∂L/∂node as the sum of what its parents pass down (∂L/∂p · ∂p/∂node,
symbolically and in numbers); then each parameter's chain of local derivatives along
its paths from the output.  Big graphs get a per-layer summary instead of every node,
unless the full graph is asked for.  ``html`` is a page with the graph drawn as inline
SVG (:mod:`.graph_svg`); ``dot`` is the same graph for Graphviz.

>>> import symdiff
>>> w = symdiff.backprop("relu(x0*w0 + b)", {"x0": 1, "w0": -3, "b": 4}, wrt=["w0"])
>>> print(render_walkthrough(w, "text").splitlines()[-1])
  dL/dw0 = 1
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from .derivation import math
from .json import SCHEMA, expr_json, value_json
from .names import latex_name, unicode_name
from .values import show_point, show_value

if TYPE_CHECKING:
    from ..core.evaluate import Value
    from ..walkthrough import Walkthrough
    from ..walkthrough.graph import Edge, Graph
    from ..walkthrough.layers import Group
    from ..walkthrough.paths import Chain

FORMATS = ("text", "unicode", "latex", "markdown", "json", "html", "dot")


class _Style:
    """How one text-like format writes names, ∂, products and numbers."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.latex = fmt in ("latex", "markdown", "html")
        base = "latex" if self.latex else fmt
        self.base = base
        self.times = {"text": "*", "unicode": " · ", "latex": r" \cdot "}[base]
        self.eq = " = "

    def name(self, name: str) -> str:
        if self.base == "latex":
            return latex_name(name)
        return unicode_name(name) if self.base == "unicode" else name

    def d(self, top: str, bottom: str) -> str:
        """∂top/∂bottom."""
        if self.base == "latex":
            return rf"\frac{{\partial {self.name(top)}}}{{\partial {self.name(bottom)}}}"
        if self.base == "unicode":
            return f"∂{self.name(top)}/∂{self.name(bottom)}"
        return f"d{top}/d{bottom}"

    def expr(self, e: Any) -> str:
        return math(e, self.base)

    def value(self, v: Value) -> str:
        return show_value(v, self.base)

    def wrap(self, v: Value) -> str:
        """A value as a factor: negative numbers in parentheses."""
        text = self.value(v)
        if text.startswith(("-", "−")):
            return rf"\left({text}\right)" if self.base == "latex" else f"({text})"
        return text


def _factor(s: _Style, e: Any) -> str:
    text = s.expr(e)
    if " + " in text or " − " in text or " - " in text:
        return rf"\left({text}\right)" if s.base == "latex" else f"({text})"
    return text


def forward_lines(g: Graph, s: _Style) -> list[str]:
    """``name = definition = value`` for every node that computes (children first)."""
    out = []
    for n in g.nodes:
        if n.kind in ("number", "constant"):
            continue
        if n.kind == "variable":
            out.append(f"{s.name(n.name)}{s.eq}{s.value(n.value)}")
        else:
            out.append(f"{s.name(n.name)}{s.eq}{s.expr(n.definition)}{s.eq}{s.value(n.value)}")
    return out


def backward_lines(g: Graph, s: _Style) -> list[str]:
    """∂L/∂node as the sum over its parents of ∂L/∂p · ∂p/∂node, parents first."""
    into: dict[int, list[Edge]] = {}
    for e in g.edges:
        into.setdefault(e.child, []).append(e)
    out = []
    for n in g.backward_order():
        head = s.d(g.output, n.name)
        assert n.grad is not None
        if n.index == g.root.index:
            out.append(f"{head}{s.eq}{s.value(n.grad)}")
            continue
        edges = into.get(n.index, [])
        plus = " + "
        names = plus.join(f"{s.d(g.output, g.nodes[e.parent].name)}{s.times}"
                          f"{s.d(g.nodes[e.parent].name, n.name)}" for e in edges)  # fmt: skip
        symbolic = plus.join(f"{s.wrap(_grad(g, e.parent))}{s.times}{_factor(s, e.local)}"
                             for e in edges)  # fmt: skip
        numbers = plus.join(f"{s.wrap(_grad(g, e.parent))}{s.times}{s.wrap(e.local_value)}"
                            for e in edges)  # fmt: skip
        parts = [head, names, symbolic]
        if numbers != symbolic:
            parts.append(numbers)
        parts.append(s.value(n.grad))
        out.append(s.eq.join(_dedupe(parts)))
    return out


def _grad(g: Graph, index: int) -> Value:
    grad = g.nodes[index].grad
    assert grad is not None
    return grad


def _dedupe(parts: Sequence[str]) -> list[str]:
    out: list[str] = []
    for p in parts:
        if not out or out[-1] != p:
            out.append(p)
    return out


def chain_lines(w: Walkthrough, s: _Style) -> list[str]:
    """Each parameter's gradient as products along its paths, or by the recurrence."""
    g = w.graph
    out = []
    for chain in w.chains:
        out.append(_chain_line(g, chain, s))
    return out


def _chain_line(g: Graph, chain: Chain, s: _Style) -> str:
    head = s.d(g.output, chain.name)
    if chain.count == 0:
        return f"{head}{s.eq}0   ({s.name(chain.name)} does not occur)"
    if not chain.paths:
        parents = " + ".join(f"{s.d(g.output, g.nodes[e.parent].name)}{s.times}"
                             f"{s.d(g.nodes[e.parent].name, chain.name)}"
                             for e in chain.parents)  # fmt: skip
        numbers = " + ".join(f"{s.wrap(_grad(g, e.parent))}{s.times}{s.wrap(e.local_value)}"
                             for e in chain.parents)  # fmt: skip
        paths = "path" if chain.count == 1 else "paths"
        return (f"{head}{s.eq}{parents}{s.eq}{numbers}{s.eq}{s.value(chain.total)}   "
                f"({chain.count:,} {paths} from the output, summed by reverse mode)")  # fmt: skip
    names: list[str] = []
    symbolic: list[str] = []
    numbers_: list[str] = []
    for path in chain.paths:
        names.append(s.times.join(s.d(g.nodes[e.parent].name, g.nodes[e.child].name)
                                  for e in path))  # fmt: skip
        symbolic.append(s.times.join(_factor(s, e.local) for e in path))
        numbers_.append(s.times.join(s.wrap(e.local_value) for e in path))
    parts = [head, " + ".join(names), " + ".join(symbolic), " + ".join(numbers_),
             s.value(chain.total)]  # fmt: skip
    return s.eq.join(_dedupe(parts))


def gradient_lines(w: Walkthrough, s: _Style) -> list[str]:
    """``∂L/∂w = value`` for each parameter."""
    return [f"{s.d(w.graph.output, c.name)}{s.eq}{s.value(c.total)}" for c in w.chains]


def _range(s: _Style, pair: tuple[Value, Value] | None) -> str:
    if pair is None:
        return "–"
    low, high = pair
    return s.value(low) if low == high else f"{s.value(low)} … {s.value(high)}"


def _group_text(s: _Style, label: str, group: Group) -> str:
    kinds = ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in group.kinds)
    return (f"{label}: {group.count} ({kinds}); values {_range(s, group.values)}; "
            f"gradients {_range(s, group.grads)}")  # fmt: skip


def layer_lines(w: Walkthrough, s: _Style) -> list[str]:
    """The per-layer summary, one block per layer."""
    out = []
    for layer in w.layers:
        out.append(f"layer {layer.layer}:")
        if layer.activations.count:
            out.append("  " + _group_text(s, "activations", layer.activations))
            out.append("  " + _group_text(s, "pre-activations", layer.preactivations))
        if layer.parameters.count:
            out.append("  " + _group_text(s, "parameters", layer.parameters))
    return out


SUMMARY_CHAINS = 12  # parameters whose chains a summary shows (name them with --wrt)
TITLE_CHARS = 120  # a longer input is named by its size in the title


def _source(w: Walkthrough) -> str:
    """The input as typed, or its size where it is too long for a title."""
    if len(w.source) <= TITLE_CHARS:
        return w.source
    return f"an expression of {len(w.source):,} characters ({len(w.graph.nodes):,} nodes)"


def _title(w: Walkthrough, s: _Style) -> str:
    point = show_point(w.graph.point, s.base)
    if len(point) > TITLE_CHARS:
        point = f"a point ({len(w.graph.point):,} values)"
    return f"Backpropagation through {_source(w)} at {point}"


def _sections(w: Walkthrough, s: _Style) -> list[tuple[str, list[str]]]:
    g = w.graph
    sections: list[tuple[str, list[str]]] = []
    if w.full:
        sections.append(("Forward pass (each node once, children first)", forward_lines(g, s)))
        sections.append(("Backward pass (parents first: ∂L/∂node sums what its parents pass down)"
                         if s.base == "unicode" else
                         "Backward pass (parents first: each node sums what its parents pass down)",
                         backward_lines(g, s)))  # fmt: skip
    else:
        sections.append((f"Layers ({len(g.nodes):,} nodes; the full graph with --full)",
                         layer_lines(w, s)))  # fmt: skip
    if w.full or len(w.chains) <= SUMMARY_CHAINS:
        sections.append(("Chain rule for each parameter", chain_lines(w, s)))
    sections.append(("Gradient", gradient_lines(w, s)))
    return sections


def _plain(w: Walkthrough, fmt: str) -> str:
    s = _Style(fmt)
    out = [_title(w, s)]
    for heading, lines in _sections(w, s):
        out.append("")
        out.append(heading + ":")
        out.extend("  " + line for line in lines)
    return "\n".join(out)


def _latex(w: Walkthrough) -> str:
    s = _Style("latex")
    out = []
    for heading, lines in _sections(w, s):
        if not lines:
            continue
        if heading.startswith("Layers"):
            continue
        out.append(rf"\text{{{heading}}}\\")
        out.append("\\begin{aligned}\n" + " \\\\\n".join(
            line.replace(" = ", " &= ", 1) for line in lines) + "\n\\end{aligned}")  # fmt: skip
    return "\n".join(out)


def _markdown(w: Walkthrough) -> str:
    s = _Style("latex")
    out = [_title(w, _Style("unicode")).replace("Backpropagation", "**Backpropagation**", 1)]
    for heading, lines in _sections(w, s):
        out.append("")
        out.append(f"**{heading}**")
        out.append("")
        if heading.startswith("Layers"):
            text = _Style("unicode")
            out.extend(f"    {line}" for line in layer_lines(w, text))
            continue
        out.extend(f"- ${line}$" for line in lines)
    return "\n".join(out) + "\n"


def _json(w: Walkthrough) -> str:
    g = w.graph

    def val(v: Value | None) -> Any:
        return None if v is None else value_json(v)

    doc: dict[str, Any] = {
        "schema": SCHEMA,
        "kind": "backprop",
        "input": w.source,
        "point": {k: value_json(v) for k, v in g.point.items()},
        "output": g.output,
        "nodes": [
            {
                "id": n.index,
                "name": n.name,
                "kind": n.kind,
                "definition": expr_json(n.definition),
                "children": list(n.children),
                "value": value_json(n.value),
                "grad": val(n.grad),
            }
            for n in g.nodes
        ],
        "edges": [
            {
                "parent": e.parent,
                "child": e.child,
                "position": e.position,
                "local": expr_json(e.local),
                "local_value": value_json(e.local_value),
            }
            for e in g.edges
        ],
        "backward_order": [n.index for n in g.backward_order()],
        "chains": [
            {
                "wrt": c.name,
                "paths": c.count,
                "listed": [[[e.parent, e.child] for e in p] for p in c.paths],
                "grad": value_json(c.total),
            }
            for c in w.chains
        ],
        "gradient": {c.name: value_json(c.total) for c in w.chains},
    }
    return json.dumps(doc, ensure_ascii=False)


def _dot(w: Walkthrough) -> str:
    g = w.graph
    s = _Style("text")
    out = ["digraph backprop {", "  rankdir=BT;", '  node [shape=box, fontname="Helvetica"];']
    for n in g.nodes:
        label = f"{n.name}\\nvalue {s.value(n.value)}"
        if n.grad is not None:
            label += f"\\ngrad {s.value(n.grad)}"
        if n.kind not in ("variable", "number", "constant"):
            label = f"{n.name} = {s.expr(n.definition)}" + label[len(n.name) :]
        out.append(f"  n{n.index} [label={json.dumps(label).replace(chr(92) * 2, chr(92))}];")
    for e in g.edges:
        label = f"{s.expr(e.local)} = {s.value(e.local_value)}"
        out.append(f"  n{e.child} -> n{e.parent} [label={json.dumps(label)}];")
    out.append("}")
    return "\n".join(out) + "\n"


def _html(w: Walkthrough) -> str:
    from .graph_svg import svg
    from .html import katex_math, page

    s, text = _Style("latex"), _Style("unicode")
    where = w.graph.point
    point = (katex_math(show_point(where, "latex"), show_point(where, "unicode"))
             if len(where) <= 12 else f"a point of {len(where):,} values")  # fmt: skip
    parts = ["<style>ul.lines li { margin: .45rem 0; } figure.graph { overflow-x: auto; "
             "margin: 1rem 0; }</style>",
             f"<h1>Backpropagation through <code>{escape(_source(w))}</code></h1>",
             f"<p>at {point}</p>"]  # fmt: skip
    if w.full:
        parts.append("<h2>The computational graph</h2>")
        parts.append('<figure class="graph">' + svg(w.graph) + "<figcaption>Each node with its "
                     "value (forward) and ∂L/∂node (backward); each edge with its local "
                     "derivative at the point.</figcaption></figure>")  # fmt: skip
    for (heading, lines), (_, plain) in zip(_sections(w, s), _sections(w, text), strict=True):
        parts.append(f"<h2>{escape(heading)}</h2>")
        if heading.startswith("Layers"):
            parts.append("<pre>" + escape("\n".join(plain)) + "</pre>")
            continue
        rows = "".join(
            f"<li>{katex_math(line, u)}</li>" for line, u in zip(lines, plain, strict=True)
        )
        parts.append(f'<ul class="lines">{rows}</ul>')
    return page(f"Backpropagation: {w.source}", "\n".join(parts))


RENDERERS: dict[str, Callable[[Walkthrough], str]] = {
    "text": lambda w: _plain(w, "text"),
    "unicode": lambda w: _plain(w, "unicode"),
    "latex": _latex,
    "markdown": _markdown,
    "json": _json,
    "html": _html,
    "dot": _dot,
}


def render_walkthrough(w: Walkthrough, fmt: str) -> str:
    """The walkthrough in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r} (expected {', '.join(FORMATS)})")
    return RENDERERS[fmt](w)
