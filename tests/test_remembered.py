"""A derivative's simplification takes its input's normal nodes as known, with no change.

``simplify_derivative(raw, source)`` remembers the nodes of ``source`` that are normal and
skips them on the next derivative of the same ``source``; the arithmetic line skips them
too.  Both shortcuts must give the very node the plain ``simplify(arithmetic(raw))`` gives,
on the first call and on every later one, and the memory goes with the input.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import symdiff
from strategies import exprs
from symdiff.calculus.differentiate import differentiate
from symdiff.core.expr import Expr, Var
from symdiff.errors import SymdiffError
from symdiff.limits import Limits
from symdiff.simplifier import arithmetic, remembered, simplify, simplify_derivative

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
import network


def outcome(compute: Callable[[Expr], Expr], raw: Expr) -> Expr | type[BaseException]:
    """The node computed from ``raw``, or the kind of error raised (0^-1: DomainError)."""
    try:
        return compute(raw)
    except SymdiffError as error:
        return type(error)


@given(exprs(("x", "y"), max_leaves=14), st.sampled_from(["x", "y"]))
@settings(max_examples=300, deadline=None)
def test_the_remembered_nodes_change_no_result(e: Expr, name: str) -> None:
    for var in (name, "y" if name == "x" else "x"):
        raw, _ = differentiate(e, var)
        plain = outcome(lambda r: simplify(arithmetic(r)), raw)
        assert outcome(lambda r: simplify_derivative(r, e), raw) is plain  # remembers
        assert outcome(lambda r: simplify_derivative(r, e), raw) is plain  # takes them as known


@given(exprs(("x", "y", "z"), max_leaves=16))
@settings(max_examples=300, deadline=None)
def test_the_arithmetic_line_leaves_a_normal_form_as_it_is(e: Expr) -> None:
    # what lets arithmetic() skip the remembered nodes: they are normal, and it changes none
    try:
        normal = simplify(e)
    except SymdiffError:
        return  # no normal form (0^-1)
    assert arithmetic(normal) is normal


def test_a_network_gradient_is_the_same_on_every_call_and_its_memory_goes_with_it() -> None:
    widths = (2, 4, 4, 3)
    loss = network.loss_expr(widths)
    names = network.parameters(widths)
    first = symdiff.gradient(loss, names)
    assert loss in remembered._NORMAL
    kept = remembered._NORMAL[loss]
    assert len(kept) > 100 and loss not in kept
    again = symdiff.gradient(loss, names)
    assert all(again[n] is first[n] for n in names)
    count = len(remembered._NORMAL)
    del loss, first, again, kept
    gc.collect()
    assert len(remembered._NORMAL) == count - 1


def test_only_the_default_setting_is_remembered() -> None:
    x = Var("x")
    e = (x + 1) ** 3 * symdiff.parse("sin(x^2)")
    symdiff.diff(e, "x", limits=Limits(max_fold_bits=64))
    assert e not in remembered._NORMAL
    symdiff.diff(e, "x", expand=True)
    assert e not in remembered._NORMAL
    symdiff.diff(e, "x")
    assert e in remembered._NORMAL
