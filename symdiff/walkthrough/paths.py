"""The chain rule along the graph: each parameter's gradient as products of local derivatives.

∂L/∂w is the sum, over every path from the output down to ``w``, of the product of the
local derivatives on that path: the book's ``∂ReLU/∂sum · ∂sum/∂mul · ∂mul/∂w₀``.  Paths
are counted first (one pass, parents first); where there are more than ``MAX_PATHS``,
or they hold more than ``MAX_FACTORS`` local derivatives (a network has very many), the
gradient is shown by the recurrence reverse mode uses
instead: ``∂L/∂w = Σ ∂L/∂p · ∂p/∂w`` over the parents ``p`` of ``w``.

>>> from symdiff.walkthrough.graph import build_graph
>>> g = build_graph("relu(x0*w0 + b)", {"x0": 1, "w0": -3, "b": 4})
>>> chain = chains(g, ["w0"])[0]
>>> [[g.nodes[e.parent].name for e in path] for path in chain.paths], chain.total
([['ReLU', 'sum', 'mul']], Fraction(1, 1))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..core.evaluate import Value
from .graph import Edge, Graph

MAX_PATHS = 4  # paths listed for one parameter before the recurrence is shown instead
MAX_FACTORS = 24  # local derivatives in all the listed paths of one parameter


@dataclass(frozen=True, slots=True)
class Chain:
    """One parameter's gradient: its paths from the output (edges, output first), or none.

    ``paths`` is empty when there are too many to list (``count`` says how many);
    ``parents`` are then the edges into the parameter, for the recurrence.
    """

    name: str
    count: int
    paths: tuple[tuple[Edge, ...], ...]
    parents: tuple[Edge, ...]
    total: Value


def path_counts(g: Graph) -> list[int]:
    """How many paths lead from the output to each node.

    >>> from symdiff.walkthrough.graph import build_graph
    >>> path_counts(build_graph("x*x + x", {"x": 1}))
    [3, 1, 1]
    """
    counts = [0] * len(g.nodes)
    counts[-1] = 1
    for e in sorted(g.edges, key=lambda e: -e.parent):  # parents before children
        counts[e.child] += counts[e.parent]
    return counts


def chains(g: Graph, names: Sequence[str]) -> list[Chain]:
    """The chain of each named parameter (a name that does not occur: no path, gradient 0)."""
    counts = path_counts(g)
    into: dict[int, list[Edge]] = {}
    for e in g.edges:
        into.setdefault(e.child, []).append(e)
    out: list[Chain] = []
    for name in names:
        node = g.variable(name)
        if node is None:
            out.append(Chain(name, 0, (), (), 0))
            continue
        count = counts[node.index]
        paths = _paths(node.index, into, len(g.nodes) - 1) if count <= MAX_PATHS else []
        if sum(len(p) for p in paths) > MAX_FACTORS:
            paths = []
        total = node.grad if node.grad is not None else 0
        out.append(Chain(name, count, tuple(paths), tuple(into.get(node.index, ())), total))
    return out


def _paths(target: int, into: dict[int, list[Edge]], root: int) -> list[tuple[Edge, ...]]:
    """Every path from ``root`` down to ``target``, as edges from the root down (no recursion)."""
    found: list[tuple[Edge, ...]] = []
    stack: list[tuple[int, tuple[Edge, ...]]] = [(target, ())]
    while stack:
        node, below = stack.pop()
        if node == root:
            found.append(below)
            continue
        for e in reversed(into.get(node, [])):
            stack.append((e.parent, (e, *below)))
    found.sort(key=lambda path: [(e.parent, e.position) for e in path])
    return found
