"""A network's graph, layer by layer: what stays readable when the full graph does not.

A node's *layer* is the number of function calls (activations: ``relu``, ``max``,
``exp``, ``log`` …) on the longest path below it, the call itself included; so the
first hidden layer's pre-activation sums are in layer 0 and their ReLUs in layer 1.  For
each layer the summary gives its activations (the calls), its pre-activations (the
calls' arguments) and the parameters that enter it (variables whose parents are in the
layer below the activations), each as a count and the range of values and gradients.

>>> from symdiff.walkthrough.graph import build_graph
>>> g = build_graph("relu(w1*x + b1) * w2 + b2", {"x": 1, "w1": 2, "b1": -1, "w2": 3, "b2": 0})
>>> rows = summarize(g, ["w1", "b1", "w2", "b2"])
>>> [(s.layer, s.activations.count, s.parameters.count) for s in rows]
[(1, 1, 2), (2, 0, 2)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..core.evaluate import Value
from ..core.expr import Call
from .graph import Graph, Node


@dataclass(frozen=True, slots=True)
class Group:
    """Some nodes of one layer: how many, their functions, and the range of values and grads."""

    count: int
    kinds: tuple[tuple[str, int], ...]  # (kind, how many), most common first
    values: tuple[Value, Value] | None  # (min, max)
    grads: tuple[Value, Value] | None


@dataclass(frozen=True, slots=True)
class LayerSummary:
    """One layer: its activations, pre-activations and parameters."""

    layer: int
    activations: Group
    preactivations: Group
    parameters: Group
    parameter_names: tuple[str, ...]


def layers(g: Graph) -> list[int]:
    """The layer of every node (calls on the longest path below it, itself included).

    >>> from symdiff.walkthrough.graph import build_graph
    >>> layers(build_graph("exp(sin(x) + y)", {"x": 0, "y": 0}))
    [0, 1, 0, 1, 2]
    """
    depth = [0] * len(g.nodes)
    for node in g.nodes:  # children first
        below = max((depth[c] for c in node.children), default=0)
        depth[node.index] = below + (1 if isinstance(node.expr, Call) else 0)
    return depth


def _group(nodes: Sequence[Node]) -> Group:
    counts: dict[str, int] = {}
    for n in nodes:
        counts[n.kind] = counts.get(n.kind, 0) + 1
    kinds = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    if not nodes:
        return Group(0, kinds, None, None)
    values = [n.value for n in nodes]
    grads = [n.grad for n in nodes if n.grad is not None]
    return Group(len(nodes), kinds, (min(values), max(values)),
                 (min(grads), max(grads)) if grads else None)  # fmt: skip


def summarize(g: Graph, parameters: Sequence[str]) -> list[LayerSummary]:
    """The layers of ``g`` that hold activations or parameters, bottom up."""
    depth = layers(g)
    wanted = set(parameters)
    parents: dict[int, list[int]] = {}
    for e in g.edges:
        parents.setdefault(e.child, []).append(e.parent)
    acts: dict[int, list[Node]] = {}
    pres: dict[int, list[Node]] = {}
    params: dict[int, list[Node]] = {}
    for node in g.nodes:
        if isinstance(node.expr, Call):
            layer = depth[node.index]
            acts.setdefault(layer, []).append(node)
            for c in dict.fromkeys(node.children):
                if g.nodes[c].grad is not None:  # not the numbers of max(0, u)
                    pres.setdefault(layer, []).append(g.nodes[c])
        elif node.kind == "variable" and node.name in wanted:
            layer = 1 + max((depth[p] for p in parents.get(node.index, ())), default=0)
            params.setdefault(layer, []).append(node)
    out = []
    for layer in sorted({*acts, *params}):
        ps = params.get(layer, [])
        out.append(LayerSummary(layer, _group(acts.get(layer, [])), _group(pres.get(layer, [])),
                                _group(ps), tuple(p.name for p in ps)))  # fmt: skip
    return out
