"""Backpropagation, step by step: the graph, the forward pass, the backward pass, the chains.

:func:`backprop` (``symdiff.backprop``) explains the gradient of an expression at a point
the way the book explains one neuron: every distinct node with its value, then, in the
order reverse mode visits them, each node's local derivatives and accumulated gradient
∂L/∂node, then each parameter's chain of local derivatives.  The numbers are the
gradient's: they equal ``symdiff.gradient`` evaluated at the point.

>>> w = backprop("relu(x0*w0 + x1*w1 + x2*w2 + b)",
...              {"x0": 1, "x1": -2, "x2": 3, "w0": -3, "w1": -1, "w2": 2, "b": 1},
...              wrt=["w0", "w1", "w2", "b"])
>>> {c.name: str(c.total) for c in w.chains}
{'w0': '1', 'w1': '-2', 'w2': '3', 'b': '1'}
>>> print(w.render("unicode").splitlines()[-4])
  ∂L/∂w₀ = 1
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..limits import DEFAULT_LIMITS, Limits
from .graph import Graph, build_graph
from .layers import LayerSummary, summarize
from .paths import Chain, chains

if TYPE_CHECKING:
    from ..api import Source
    from ..core.evaluate import Given

__all__ = ["FULL_GRAPH_NODES", "Walkthrough", "backprop"]

FULL_GRAPH_NODES = 80  # up to this many nodes every node is shown; beyond, layers (unless full)


@dataclass(frozen=True)
class Walkthrough:
    """A backpropagation walkthrough: the graph with values and gradients, chains, layers.

    ``render(fmt)`` writes it as ``text``, ``unicode``, ``latex``, ``markdown``, ``json``,
    ``html`` (with the graph drawn as SVG) or ``dot``.
    """

    source: str
    graph: Graph
    parameters: tuple[str, ...]
    chains: tuple[Chain, ...]
    layers: tuple[LayerSummary, ...]
    full: bool

    def gradient(self) -> dict[str, object]:
        """∂L/∂w for each parameter, at the point.

        >>> backprop("x*y", {"x": 2, "y": 3}).gradient()
        {'x': Fraction(3, 1), 'y': Fraction(2, 1)}
        """
        return {c.name: c.total for c in self.chains}

    def render(self, fmt: str = "unicode", *, limits: Limits = DEFAULT_LIMITS) -> str:
        """The walkthrough in ``fmt``; refused beyond ``limits.max_output_chars`` (estimated first).

        >>> backprop("x*y", {"x": 2, "y": 3}).render("text").splitlines()[0]
        'Backpropagation through x*y at x = 2, y = 3'
        """
        from ..errors import LimitError
        from ..printers.walkthrough import render_walkthrough

        shown = len(self.graph.nodes) if self.full else len(self.layers) * 8
        estimate = 200 * (shown + len(self.chains)) + 40 * len(self.graph.edges) * self.full
        if estimate > limits.max_output_chars:
            raise LimitError(
                f"the walkthrough would print as about {estimate:,} characters; the limit is "
                f"{limits.max_output_chars:,} (max_output_chars)"
            )
        return render_walkthrough(self, fmt)

    def __str__(self) -> str:
        return self.render("unicode")

    def _repr_markdown_(self) -> str:
        return self.render("markdown")


def backprop(
    source: Source,
    at: Mapping[str, Given],
    wrt: Sequence[str] | None = None,
    *,
    full: bool | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Walkthrough:
    """Explain the gradient of ``source`` at the point ``at`` by backpropagation.

    ``wrt``: the parameters whose chains are shown (default: every variable, natural
    order); ``full``: show every node (default: when the graph has at most
    :data:`FULL_GRAPH_NODES` nodes; otherwise a per-layer summary).

    >>> w = backprop("f(x) = sin(x)^2", {"x": 0})
    >>> [(n.name, str(n.value)) for n in w.graph.nodes]
    [('x', '0'), ('Sin', '0'), ('2', '2'), ('pow', '0')]
    """
    from ..api import as_definition, variables_of

    limits = limits.begin()
    d = as_definition(source, limits)
    names = list(wrt) if wrt is not None else variables_of(d)
    output = d.name or "L"
    graph = build_graph(d.body, at, output=output, limits=limits)
    text = source if isinstance(source, str) else str(d.body)
    show_all = len(graph.nodes) <= FULL_GRAPH_NODES if full is None else full
    return Walkthrough(text.strip(), graph, tuple(names), tuple(chains(graph, names)),
                       tuple(summarize(graph, names)), show_all)  # fmt: skip
