"""Interning: every node class is built through the one helper, so each behaves the same.

Equal fields give one object; a node nobody holds is freed and its table entry dropped;
building it again gives a new node with the same fields.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest

from symdiff.core import expr as E
from symdiff.core.entries import Entry
from symdiff.core.expr import Add, Call, Const, Derivative, Expr, Indicator, Mul, Num, Pow, Var
from symdiff.core.interning import _drop, file

x, y = Var("intern_x"), Var("intern_y")  # names no other test uses: nothing else holds these nodes

CASES: list[tuple[str, Callable[[], Expr], dict[Any, Any], tuple[object, ...]]] = [
    # name        builder (fresh fields each call)                 its table           fields
    ("Num int", lambda: Num(123456789), E._NUMS, (Fraction(123456789),)),
    ("Num ratio", lambda: Num(Fraction(7, 123456)), E._NUMS, (Fraction(7, 123456),)),
    ("Num float", lambda: Num(0.625), E._NUMS, (Fraction(5, 8),)),
    ("Var", lambda: Var("interning_test"), E._VARS, ("interning_test",)),
    ("Add", lambda: Add((x, y, Num(9))), E._ADDS, ((x, y, Num(9)),)),
    ("Mul", lambda: Mul((y, x, x)), E._MULS, ((y, x, x),)),
    ("Pow", lambda: Pow(y, x), E._POWS, (y, x)),
    ("Call", lambda: Call("f", (y, x), (1, 0)), E._CALLS, ("f", (y, x), (0, 1))),
    ("Indicator", lambda: Indicator(y, x), E._INDICATORS, (y, x)),
    ("Derivative", lambda: Derivative(y * x, "y"), E._DERIVATIVES, (y * x, "y")),
]


@pytest.mark.parametrize(("name", "build", "table", "fields"), CASES, ids=[c[0] for c in CASES])
def test_one_node_per_fields_freed_when_unused(
    name: str, build: Callable[[], Expr], table: dict[object, Any], fields: tuple[object, ...]
) -> None:
    node = build()
    assert build() is node
    assert tuple(getattr(node, f) for f in node._fields) == fields
    (key,) = [k for k, entry in table.items() if entry() is node]
    ref = weakref.ref(node)
    del node
    gc.collect()
    assert ref() is None and key not in table  # the entry went with the node
    again = build()
    assert tuple(getattr(again, f) for f in again._fields) == fields and build() is again
    assert table[key]() is again


def test_constants_are_interned() -> None:
    assert Const("pi") is Const("pi") and Const("pi").name == "pi"


@pytest.mark.parametrize(
    ("node", "field"),
    [(Add((x, y)), "terms"), (Mul((x, y)), "factors"), (Call("g", (x, y)), "args")],
    ids=["Add", "Mul", "Call"],
)
def test_children_are_the_terms_factors_or_arguments(node: Expr, field: str) -> None:
    assert node.children is getattr(node, field)


# ----- threads: what a constructor sees when another thread got there first -----------------
def test_a_key_filed_meanwhile_gives_the_filed_node() -> None:
    """Two threads that both missed a key: the later ``file`` hands out the earlier node."""
    first = Var("filed_first")
    assert file(E._VARS, "filed_first", Var("filed_second")) is first
    assert E._VARS["filed_first"]() is first


def test_a_freed_duplicate_never_unfiles_the_live_node() -> None:
    """The weakref callback of a node that lost the race removes only a dead entry."""
    live = Var("filed_live")
    loser = Var("filed_loser")  # stands for a node made for the same key by another thread
    entry = Entry(loser, _drop)  # as file makes it, but never filed
    entry.key, entry.table = "filed_live", E._VARS
    del loser
    gc.collect()
    assert entry() is None and E._VARS["filed_live"]() is live
