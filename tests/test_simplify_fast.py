"""The fast path of ``simplify()`` gives exactly the driver's result: ``simplify(e) is
simplify_steps(e)[0]`` on random trees, random text, every derivative table row, the
worked examples, shapes built to make the two orders disagree, and network gradients."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import symdiff.simplifier as simplifier
from strategies import exprs, text_exprs
from symdiff import parse
from symdiff.calculus.differentiate import differentiate
from symdiff.calculus.reverse import BUNDLE, gradient_reverse, simplify_partials
from symdiff.core.expr import Add, Call, Expr, Mul, Num, Pow, Var, bulk
from symdiff.errors import SymdiffError
from symdiff.limits import DEFAULT_LIMITS
from symdiff.simplifier import _passes, arithmetic, simplify, simplify_steps
from symdiff.simplifier.confluence import risky
from symdiff.simplifier.fast import Fallback, normalize
from test_derivatives import TABLES
from test_worked_examples import LINES, RESULTS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
import network

x, y, z, a, b = (Var(n) for n in "xyzab")


def agree(e: Expr) -> None:
    """``simplify(e)`` is the driver's result, or both raise the same kind of error."""
    try:
        slow = simplify_steps(e)[0]
    except SymdiffError as err:
        with pytest.raises(type(err)):
            simplify(e)
        return
    assert simplify(e) is slow, f"{e}: fast {simplify(e)}, driver {slow}"


def agree_with_derivatives(e: Expr) -> None:
    agree(e)
    for name in ("x", "y"):
        raw, _ = differentiate(e, name)
        agree(raw)
        agree(arithmetic(raw))


@given(exprs(("x", "y", "z"), max_leaves=16))
def test_random_trees(e: Expr) -> None:
    agree_with_derivatives(e)


@given(text_exprs())
def test_random_text(text: str) -> None:
    try:
        e = parse(text)
    except SymdiffError:
        return
    agree_with_derivatives(e)


# Pieces equal in value but not yet in the same form (factor order, powers, numbers to fold):
# sums and products of them make the two orders meet the shapes that confluence.py guards.
PIECES = [x, y, Mul((y, x)), Mul((x, y)), Mul((x, x)), Pow(x, a), Pow(x, b), Pow(x, Num(-1)),
          Call("sin", (Mul((y, x)),)), Call("sin", (Mul((x, y)),)), Mul((Num(2), Num(3), x)),
          Pow(Mul((x, Pow(x, a))), Num(2)), Add((a, Mul((Num(-1), a))))]  # fmt: skip
COEFS = st.sampled_from([Num(1), Num(-1), Num(2), Num(-3)])
TERMS = st.tuples(COEFS, st.sampled_from(PIECES)).map(lambda p: Mul(p))
SHAPES = st.recursive(
    st.sampled_from(PIECES) | TERMS,
    lambda sub: st.one_of(
        st.lists(sub, min_size=2, max_size=5).map(lambda t: Add(tuple(t))),
        st.lists(sub, min_size=2, max_size=5).map(lambda f: Mul(tuple(f))),
        st.tuples(sub, st.sampled_from([Num(2), Num(-1), Num(3), a])).map(lambda p: Pow(*p)),
        sub.map(lambda u: Call("sin", (u,))),
    ),
    max_leaves=14,
)


@given(SHAPES)
def test_shapes_where_the_orders_can_disagree(e: Expr) -> None:
    agree(e)


DISAGREE = [  # without the guards the fast path ends elsewhere on each of these
    Add((Mul((y, Add((a, Mul((Num(-1), a)))))), x, y)),
    Mul((Pow(Num("5/2"), x), x, Pow(Num("5/2"), Num(-1)))),
    Add((Mul((y, x)), z, Mul((x, y)), Mul((Num(-1), y, x)))),
    Pow(Mul((x, Pow(x, a))), Num(2)),
    Mul(
        (
            Pow(Call("sin", (Mul((y, x)),)), a),
            Pow(Call("sin", (Mul((x, y)),)), b),
            Pow(Call("sin", (Mul((y, x)),)), z),
        )
    ),
]


@pytest.mark.parametrize("e", DISAGREE)
def test_guarded_shapes(e: Expr) -> None:
    agree(e)
    unguarded = normalize(e, _passes(DEFAULT_LIMITS, False))
    assert unguarded is not simplify_steps(e)[0]
    with pytest.raises(Fallback):
        normalize(e, _passes(DEFAULT_LIMITS, False), guard=risky)


ROWS = [(s, v) for table in TABLES.values() for s, v, _ in table]


@pytest.mark.parametrize(("source", "var"), ROWS)
def test_derivative_table_rows(source: str, var: str) -> None:
    raw, _ = differentiate(parse(source), var)
    agree(arithmetic(raw))


@pytest.mark.parametrize(
    ("source", "var"), [(s, v) for _, s, v, _ in LINES] + [(s, v) for _, s, v, _ in RESULTS]
)
def test_worked_examples(source: str, var: str) -> None:
    raw, _ = differentiate(parse(source), var)
    agree(arithmetic(raw))


@pytest.mark.parametrize("widths", ["2-4-4-3", "4-16-16-3"])
def test_network_gradients(widths: str) -> None:
    shape = network.parse_widths(widths)
    raw = gradient_reverse(network.loss_expr(shape), network.parameters(shape))
    with bulk():
        bundle = arithmetic(Call(BUNDLE, tuple(raw.values())))
    slow = simplify_steps(bundle)[0]
    fast = normalize(bundle, _passes(DEFAULT_LIMITS, False), guard=risky)  # no fallback
    assert fast is slow
    together = simplify_partials(raw)
    assert tuple(together.values()) == slow.args  # type: ignore[attr-defined]


def test_flag_turns_the_fast_path_off(monkeypatch: pytest.MonkeyPatch) -> None:
    e = Mul((Num(15), Pow(Mul((Num(2), Pow(x, Num(2)))), Num(4)), Mul((Num(4), x))))
    monkeypatch.setattr(simplifier, "FAST_PATH", False)
    assert simplify(e) is Mul((Num(960), Pow(x, Num(9))))


def test_depth_100000() -> None:
    e: Expr = x
    for _ in range(100_000):
        e = Call("sin", (Add((Mul((e, Num(1))), Num(0))),))
    result = normalize(e, _passes(DEFAULT_LIMITS, False), guard=risky)
    assert result is simplify_steps(e)[0]
