"""The forward engine's fast path gives exactly the nodes of the recorded rule path.

Without ``record``, a node free of the variable is answered by
:func:`~symdiff.calculus.rules.free_derivative` instead of a chain of constant-multiple
rules; with ``record`` every rule is applied.  Both must build the same raw
derivative (the very same interned node), so ``diff`` and ``derive`` agree.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

import symdiff
from strategies import exprs
from symdiff.calculus.differentiate import differentiate
from symdiff.calculus.rules import free_derivative
from symdiff.core.expr import ONE, Add, Call, Expr, Mul, Num, Pow, Var
from symdiff.core.walk import postorder

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

x, y, z = Var("x"), Var("y"), Var("z")

FREE = [
    Num(3),
    ONE,
    y,
    Pow(y, Num(2)),
    Call("sin", (y,)),
    Mul((Num(3),)),
    Mul((ONE, Num(3), y)),
    Mul((Num(3), ONE, y)),
    Mul((Num(3), Num(2))),
    Mul((Num(3), Num(2), y)),
    Mul((Num(-5), y, Pow(z, Num(3)))),
    Mul((Num(3), Mul((Num(2), y)))),
    Mul((Num(3), Mul((Num(2), Mul((Num(7), z)))))),
    Mul((Num(3), Num(4), Mul((Num(2), y)))),
    Mul((Num(3), Mul((ONE, y)))),
    Mul((y, Num(3))),
    Mul((Mul((Num(2), y)), Num(3))),
]


def both(e: Expr, var: str) -> tuple[Expr, Expr]:
    fast, _ = differentiate(e, var)
    ruled, _ = differentiate(e, var, record=True)
    return fast, ruled


@pytest.mark.parametrize("node", FREE, ids=str)
def test_free_derivative_is_what_the_rules_build(node: Expr) -> None:
    assert free_derivative(node) is differentiate(node, "x", record=True)[0]
    fast, ruled = both(Add((node, Mul((Num(2), x)))), "x")
    assert fast is ruled


@given(exprs(("x", "y", "z"), max_leaves=16))
@settings(max_examples=300, deadline=None)
def test_fast_path_builds_the_recorded_raw_derivative(e: Expr) -> None:
    for var in ("x", "y", "w"):
        try:
            fast, ruled = both(e, var)
        except symdiff.SymdiffError:
            continue
        assert fast is ruled


def test_sparse_polynomial_every_partial() -> None:
    from workloads import polynomial

    p = polynomial(300)
    for var in ("x1", "x5", "x8", "x9"):
        fast, ruled = both(p, var)
        assert fast is ruled
    assert symdiff.derive(p, "x1").result is symdiff.diff(p, "x1")


def test_fast_path_keeps_sharing() -> None:
    u = Mul((Num(3), y, Pow(z, Num(2))))
    e = Add((u, Mul((x, u)), Call("exp", (Mul((Num(2), u, x)),))))
    fast, ruled = both(e, "x")
    assert fast is ruled
    assert len(postorder(fast)) == len(postorder(ruled))
