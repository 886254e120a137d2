"""The computational graph of an expression at a point: forward values, local derivatives, adjoints.

Each distinct node of the DAG is one node of the graph (a shared sub-expression once),
named by what it does: a variable by its name, a sum ``sum``, a product ``mul``, a power
``pow``, a call by its function, capitalized so that it is never read as the function
itself (``ReLU``, ``Exp``); numbered ``mul0, mul1, …`` where a kind occurs more than
once.  Its *definition* is the node over its children's names (``mul0 = x0·w0``,
``ReLU = relu(sum)``), so a big network reads one operation at a time.

The backward pass is reverse mode, as :mod:`symdiff.calculus.reverse` computes gradients:
the output's adjoint ∂L/∂L is 1, and visiting nodes parents first, each node passes
``∂L/∂node · ∂node/∂child`` to each child.  The local derivatives ∂node/∂child come from
the same rules (:func:`~symdiff.calculus.local_partials.local_partial`), applied to the
node's definition over names, so they read ``cos(u)`` or ``1(sum > 0)`` whatever the size
of the children; their values at the point come from the evaluator.  Numbers and the
constants ``e`` and ``π`` are leaves without an adjoint.

>>> g = build_graph("relu(x0*w0 + b)", {"x0": 1, "w0": -3, "b": 4})
>>> [(n.name, str(n.definition), str(n.value), str(n.grad)) for n in g.nodes]
... # doctest: +NORMALIZE_WHITESPACE
[('x0', 'x0', '1', '-3'), ('w0', 'w0', '-3', '1'), ('mul', 'x0*w0', '-3', '1'),
 ('b', 'b', '4', '1'), ('sum', 'mul + b', '1', '1'), ('ReLU', 'relu(sum)', '1', '1')]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from ..calculus.local_partials import TIES, local_partial
from ..calculus.ties import representatives
from ..core.evaluate import Value, evaluate, evaluate_nodes
from ..core.expr import Add, Call, Const, Expr, Indicator, Mul, Num, Pow, Var
from ..core.walk import natural_key, postorder
from ..limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from ..core.evaluate import Given

MAX_GRAPH_NODES = 200_000  # distinct nodes explained in one walkthrough


@dataclass(frozen=True, slots=True)
class Node:
    """One distinct node: its name, kind, definition over its children's names, value, adjoint.

    ``grad`` is ∂L/∂node (None for numbers and constants, which have none).
    """

    index: int
    name: str
    kind: str  # "variable", "number", "constant", "sum", "mul", "pow", a function's name, "1(>)"
    expr: Expr  # the node itself
    definition: Expr  # the node over its children's names (a leaf: itself)
    children: tuple[int, ...]
    value: Value
    grad: Value | None


@dataclass(frozen=True, slots=True)
class Edge:
    """A parent-child link: the local derivative ∂parent/∂child, over names and at the point.

    ``position`` is the child's place among the parent's children (``x·x`` has two edges).
    """

    parent: int
    child: int
    position: int
    local: Expr
    local_value: Value


@dataclass(frozen=True, slots=True)
class Graph:
    """The computational graph: nodes children first (the forward order), edges, the point."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    point: Mapping[str, Value]
    output: str  # the name of the output in ∂L/∂…: "L", or the definition's name

    @property
    def root(self) -> Node:
        """The output node."""
        return self.nodes[-1]

    def backward_order(self) -> list[Node]:
        """The nodes in the order the backward pass visits them: parents before children."""
        return [n for n in reversed(self.nodes) if n.grad is not None]

    def parents_of(self, index: int) -> list[Edge]:
        """The edges into node ``index`` from its parents, in forward order.

        >>> g = build_graph("x*y + x", {"x": 2, "y": 3})
        >>> [g.nodes[e.parent].name for e in g.parents_of(0)]
        ['mul', 'sum']
        """
        return [e for e in self.edges if e.child == index]

    def variable(self, name: str) -> Node | None:
        """The node of variable ``name``, or None when it does not occur."""
        for node in self.nodes:
            if node.kind == "variable" and node.name == name:
                return node
        return None


def _kind(node: Expr) -> str:
    if isinstance(node, Var):
        return "variable"
    if isinstance(node, Num):
        return "number"
    if isinstance(node, Const):
        return "constant"
    if isinstance(node, Add):
        return "sum"
    if isinstance(node, Mul):
        return "mul"
    if isinstance(node, Pow):
        return "pow"
    if isinstance(node, Indicator):
        return "step"
    if isinstance(node, Call):
        return node.name + "'" * len(node.deriv) if node.deriv else node.name
    return type(node).__name__.lower()


def _display(kind: str) -> str:
    """The base name of a node kind: ``sum``, ``mul``, ``pow``; a call capitalized (``ReLU``)."""
    if kind in ("sum", "mul", "pow", "step"):
        return kind
    base = kind.replace("'", "_d")
    return "ReLU" if base == "relu" else base[:1].upper() + base[1:]


def _names(order: Sequence[Expr], kinds: Sequence[str]) -> list[str]:
    """A name per node: variables keep theirs; other kinds are numbered where repeated."""
    taken = {n.name for n in order if isinstance(n, Var)}
    totals: dict[str, int] = {}
    for node, kind in zip(order, kinds, strict=True):
        if not isinstance(node, Var | Num | Const):
            totals[kind] = totals.get(kind, 0) + 1
    seen: dict[str, int] = {}
    names: list[str] = []
    for node, kind in zip(order, kinds, strict=True):
        if isinstance(node, Var):
            names.append(node.name)
            continue
        if isinstance(node, Num | Const):
            names.append(str(node))
            continue
        base = _display(kind)
        if totals[kind] > 1:
            k = seen.get(kind, 0)
            seen[kind] = k + 1
            name = f"{base}{k}"  # digits right after letters: printed as a subscript
        else:
            name = base
        while name in taken:  # never the name of a variable of the expression
            name += "_"
        taken.add(name)
        names.append(name)
    return names


def build_graph(
    source: Expr | str,
    at: Mapping[str, Given],
    *,
    output: str = "L",
    limits: Limits = DEFAULT_LIMITS,
) -> Graph:
    """The graph of ``source`` at the point ``at``, with every forward value and adjoint.

    >>> g = build_graph("sin(x)^2", {"x": 0})
    >>> [(n.name, str(n.definition)) for n in g.nodes]
    [('x', 'x'), ('Sin', 'sin(x)'), ('2', '2'), ('pow', 'Sin^2')]
    >>> [str(e.local) for e in g.edges]
    ['cos(x)', '2*Sin']
    """
    from ..api import as_expr

    limits = limits.begin()
    expr = as_expr(source, limits)
    order = postorder(expr)
    limits.check_nodes(len(order), "the computational graph")
    if len(order) > MAX_GRAPH_NODES:
        from ..errors import LimitError

        raise LimitError(
            f"the computational graph has {len(order):,} nodes; a walkthrough explains at most "
            f"{MAX_GRAPH_NODES:,}"
        )
    values = {n: _number(v) for n, v in evaluate_nodes(expr, at).items()}
    index = {node: i for i, node in enumerate(order)}
    kinds = [_kind(n) for n in order]
    names = _names(order, kinds)
    named = [n if isinstance(n, Var | Num | Const) else Var(names[i]) for i, n in enumerate(order)]
    env: dict[str, Value] = {names[i]: values[n] for i, n in enumerate(order)
                             if not isinstance(n, Num | Const)}  # fmt: skip
    # a node is inexact when it or a child has a float value: its local derivatives then
    # are floats too (not the exact rationals of the floats' decimal forms)
    inexact = [isinstance(values[n], float) or any(isinstance(values[c], float) for c in n.children)
               for n in order]  # fmt: skip
    definitions: list[Expr] = []
    edges: list[Edge] = []
    for i, node in enumerate(order):
        kids = node.children
        if not kids:
            definitions.append(node)
            continue
        shape = node.rebuild(tuple(named[index[c]] for c in kids))
        definitions.append(shape)
        if type(node) is Call and node.name in TIES:  # max/min: equal arguments count once
            same = representatives(kids)
            shape = node.rebuild(tuple(named[index[c]] for c in same))
        if i % 512 == 0:
            limits.check_time("the backward pass")
        for position, child in enumerate(kids):
            if isinstance(child, Num | Const):
                continue
            local = local_partial(shape, position)
            value = _number(evaluate(local, env))
            if inexact[i] and isinstance(value, Fraction):  # the evaluator reads floats exactly
                value = float(value) + 0.0
            edges.append(Edge(i, index[child], position, local, value))
    grads = _adjoints(len(order), edges, order)
    nodes = tuple(
        Node(
            i,
            names[i],
            kinds[i],
            n,
            definitions[i],
            tuple(index[c] for c in n.children),
            values[n],
            grads[i],
        )
        for i, n in enumerate(order)
    )
    present = {n.name: values[n] for n in order if isinstance(n, Var)}
    point = {k: present[k] for k in at if k in present}  # as given, the ones that occur
    point.update({k: present[k] for k in sorted(present, key=natural_key) if k not in point})
    return Graph(nodes, tuple(edges), point, output)


def _number(v: object) -> Value:
    """A value the backward pass can add and multiply: a rational, else a float.

    An exact irrational value (a multiple of π) is carried as its float: adjoints mix
    values of every kind, and only rationals and floats mix exactly as Python numbers.
    """
    if isinstance(v, Fraction | float):
        return v
    return float(v)  # type: ignore[arg-type]


def _adjoints(count: int, edges: Sequence[Edge], order: Sequence[Expr]) -> list[Value | None]:
    """∂L/∂node for every node: 1 at the output, summed over parents, parents first."""
    grads: list[Value | None] = [None] * count
    grads[-1] = Fraction(1)
    by_parent: dict[int, list[Edge]] = {}
    for e in edges:
        by_parent.setdefault(e.parent, []).append(e)
    for i in range(count - 1, -1, -1):
        g = grads[i]
        if g is None:
            continue
        for e in by_parent.get(i, ()):
            passed = g * e.local_value
            old = grads[e.child]
            new = passed if old is None else old + passed
            grads[e.child] = new + 0.0 if isinstance(new, float) else new  # no −0.0
    for i, node in enumerate(order):
        if isinstance(node, Num | Const):
            grads[i] = None
        elif grads[i] is None:  # no path to the output (cannot happen in one tree)
            grads[i] = Fraction(0)
    return grads
