"""Pickling: any depth, each shared node written once, loaded as the interned nodes.

``pickle.loads(pickle.dumps(e)) is e`` in one process; in another (``multiprocessing``
with ``spawn``) the loaded nodes are interned there, so the values of a gradient still
share their sub-expressions, and what comes back is interned here again.
"""

from __future__ import annotations

import copy
import io
import multiprocessing
import pickle
import sys
import threading
from fractions import Fraction
from pathlib import Path

import pytest

import symdiff
from symdiff.core.build import sin
from symdiff.core.expr import (
    Call,
    Const,
    Derivative,
    Expr,
    Indicator,
    Mul,
    Num,
    Var,
)
from symdiff.core.walk import count_nodes, postorder

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
import network

DEEP = 100_000
x, y = Var("x"), Var("y")

SMALL = [  # every node class, and the shapes of fields each can hold
    Num(3),
    Num(Fraction(-7, 12)),
    Num(10**40),
    x,
    Const("pi"),
    x + y + 1,
    Mul((Num(2), x, y)),
    x ** Num(Fraction(1, 2)),
    Call("max", (x, y, Num(0))),
    Call("f", (x, y), (0, 1)),
    Indicator(x, Num(0)),
    Derivative(x * y, "x"),
    symdiff.parse("sin(x)^2 * exp(-x/2) + log(1 + x^2) - y*x"),
    symdiff.parse("((((x + 1)^2 + y)^2 + 1)^2 + sin(y)^2)^2 * (x + 1)^2 / (y - 1)"),  # > 16 nodes
]


def nested_sin(depth: int) -> Expr:
    e: Expr = x
    for _ in range(depth):
        e = sin(e)
    return e


def nested_squares(depth: int) -> Expr:
    """``(…((x + 1)^2 + 1)^2…)``."""
    e: Expr = x
    for _ in range(depth):
        e = (e + 1) ** 2
    return e


def round_trip(value: object, protocol: int = pickle.DEFAULT_PROTOCOL) -> object:
    return pickle.loads(pickle.dumps(value, protocol=protocol))


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
@pytest.mark.parametrize("expr", SMALL, ids=[repr(e) for e in SMALL])
def test_round_trip_gives_the_interned_node(expr: Expr, protocol: int) -> None:
    assert round_trip(expr, protocol) is expr
    assert round_trip([expr, *expr.children, expr], protocol) == [expr, *expr.children, expr]


def test_past_sixteen_nodes_a_prelude_comes_first() -> None:
    e = SMALL[-1]
    assert count_nodes(e) > 16 and b"pickling" in pickle.dumps(e)


@pytest.fixture(scope="module")
def deep_squares() -> Expr:
    return nested_squares(DEEP)


def test_depth_100_000(deep_squares: Expr) -> None:
    deep_sin = nested_sin(DEEP)
    assert round_trip(deep_sin) is deep_sin
    inner = deep_squares.children[0].children[0]
    assert round_trip([deep_squares, inner, 7]) == [deep_squares, inner, 7]


def test_small_expressions_pickle_plainly() -> None:
    """No machinery for a small expression: its class, its fields and its children."""
    data = pickle.dumps(x**2 + 1)
    assert len(data) < 160
    assert b"pickling" not in data  # nothing of the deep-expression path


def test_copies_are_the_node_itself(deep_squares: Expr) -> None:
    deep = deep_squares
    assert copy.copy(deep) is deep and copy.deepcopy(deep) is deep
    assert copy.deepcopy({"a": [deep]})["a"][0] is deep


def test_the_network_gradient_pickles_each_shared_node_once() -> None:
    widths = network.parse_widths("8-32-32-10")
    partials = symdiff.gradient(network.loss_expr(widths), network.parameters(widths))
    assert len(partials) == 1_674
    data = pickle.dumps(partials)
    back = pickle.loads(data)
    assert list(back) == list(partials)
    assert all(back[name] is partial for name, partial in partials.items())
    # The values share nearly everything: 6,584 distinct nodes, 5.9 million counted per value.
    distinct = count_nodes(Call("#all", tuple(partials.values()))) - 1
    assert len(data) < 40 * distinct  # each distinct node written once


def test_picklers_that_interleave() -> None:
    """A pickler kept open while another pickles parts of what it wrote; a cleared memo."""
    deep = nested_squares(20_000)
    part = deep
    for _ in range(5_000):
        part = part.children[0].children[0]  # a node deep inside ``deep``
    stream = io.BytesIO()
    kept = pickle.Pickler(stream)
    kept.dump(deep)
    assert round_trip(part) is part  # another pickler while ``kept`` lives
    kept.dump(part)  # ``kept`` wrote it already: a reference
    kept.clear_memo()
    kept.dump(part)  # a fresh start: written again, at depth 15,000
    stream.seek(0)
    loader = pickle.Unpickler(stream)
    assert [loader.load() for _ in range(3)] == [deep, part, part]


def test_threads_pickle_at_once() -> None:
    exprs = [nested_sin(3_000), nested_squares(3_000), *SMALL]
    failures: list[object] = []

    def work() -> None:
        for _ in range(5):
            for e in exprs:
                back = round_trip(e)
                if back is not e:
                    failures.append((e, back))

    workers = [threading.Thread(target=work) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert not failures


def test_a_spawned_worker_receives_and_returns_expressions() -> None:
    """Through a ``spawn`` pool: sent deep, returned interned here, sharing kept there."""
    deep = nested_sin(20_000)
    loss = network.loss_expr(network.parse_widths("2-4-4-3"))
    names = network.parameters(network.parse_widths("2-4-4-3"))
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        echoed = pool.apply(copy.copy, (deep,))  # loaded there, pickled back
        partials = pool.apply(symdiff.gradient, (loss, names))
        derivative = pool.apply(symdiff.diff, (nested_sin(500), "x"))
    assert echoed is deep
    assert all(partials[n] is p for n, p in symdiff.gradient(loss, names).items())
    assert derivative is symdiff.diff(nested_sin(500), "x")
    shared = set(postorder(loss)) & {n for p in partials.values() for n in postorder(p)}
    assert len(shared) > count_nodes(loss) / 2  # computed there over the loaded loss
