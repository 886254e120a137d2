"""The tuned reverse sweep builds exactly what the plain algorithm builds.

:func:`symdiff.calculus.reverse.gradient_reverse` walks the DAG once for order and
liveness together, keeps a lone contribution without a list, and calls the node
constructors directly.  None of that may change a result: the reference below
is the plain statement of the algorithm (post-order, live set, one local
partial per edge), and both must give the very same interned nodes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from strategies import exprs
from symdiff.calculus.local_partials import local_partial
from symdiff.calculus.reverse import _live, gradient_reverse
from symdiff.core.expr import ONE, ZERO, Add, Expr, Mul, Num, Var
from symdiff.core.walk import postorder

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
import network


def reference(expr: Expr, names: list[str]) -> dict[str, Expr]:
    """Reverse mode as the module docstring states it, with no shortcuts."""
    wanted = {Var(n) for n in names}
    order = postorder(expr)
    live: set[Expr] = set()
    for node in order:
        if node in wanted or any(c in live for c in node.children):
            live.add(node)
    passed: dict[Expr, list[Expr]] = {expr: [ONE]} if expr in live else {}
    found: dict[Expr, Expr] = {}
    for node in reversed(order):
        parts = passed.pop(node, None)
        if parts is None:
            continue
        adjoint = parts[0] if len(parts) == 1 else Add(tuple(reversed(parts)))
        if isinstance(node, Var):
            found[node] = adjoint
            continue
        for i in range(len(node.children) - 1, -1, -1):
            child = node.children[i]
            if child not in live:
                continue
            local = local_partial(node, i)
            if local is ZERO:
                continue
            if local is ONE:
                part = adjoint
            elif adjoint is ONE:
                part = local
            elif isinstance(local, Num | Var):
                part = Mul((local, adjoint))
            else:
                part = Mul((adjoint, local))
            passed.setdefault(child, []).append(part)
    return {n: found.get(Var(n), ZERO) for n in names}


def same(a: dict[str, Expr], b: dict[str, Expr]) -> bool:
    return a.keys() == b.keys() and all(a[k] is b[k] for k in a)


@given(exprs(("x", "y", "z"), max_leaves=16), st.sampled_from([["x"], ["x", "y"], ["z", "w"]]))
@settings(max_examples=300, deadline=None)
def test_sweep_builds_the_reference_nodes(e: Expr, names: list[str]) -> None:
    assert same(gradient_reverse(e, names), reference(e, names))


def test_network_gradient_is_the_reference() -> None:
    widths = (2, 4, 4, 3)
    e = network.loss_expr(widths)
    names = network.parameters(widths)
    assert same(gradient_reverse(e, names), reference(e, names))
    assert same(gradient_reverse(e, names[:5]), reference(e, names[:5]))


def test_live_walk_is_the_postorder_of_the_live_nodes() -> None:
    x, y = Var("x"), Var("y")
    shared = Mul((Num(2), x, y))
    e = Add((shared, Mul((shared, Num(3))), Mul((Num(4), y)), x))
    for wanted in ({"x"}, {"y"}, {"x", "y"}, {"z"}, set()):
        order, live = _live(e, wanted)
        expected: list[Expr] = []
        for n in postorder(e):
            if n in {Var(v) for v in wanted} or any(c in expected for c in n.children):
                expected.append(n)
        assert order == expected
        assert live == set(expected)
