"""The simplifier's shortcuts give exactly what the plain computations give.

- ``arithmetic`` (which skips nodes it can tell are left alone) is
  ``transform(e, arithmetic_node)``;
- ``first_rule(node)`` never names a pass after the first that changes the node,
  and gives None only where every default pass leaves it;
- ``flatten_order`` gives ``flatten``'s result and every node of it, children first;
- ``normalize`` with the screen is ``normalize`` without it.

Raw constructors are used (one-factor products, numbers anywhere, nested products,
indicators), so the shapes the thin constructors never build are covered too.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategies import exprs
from symdiff.calculus.differentiate import differentiate
from symdiff.calculus.reverse import BUNDLE, gradient_reverse
from symdiff.core.expr import (
    Add,
    Call,
    Const,
    Expr,
    Indicator,
    Mul,
    Num,
    Pow,
    Var,
    bulk,
    postorder,
    transform,
)
from symdiff.errors import SymdiffError
from symdiff.limits import DEFAULT_LIMITS
from symdiff.simplifier import _passes, arithmetic, simplify, simplify_steps
from symdiff.simplifier.arithmetic import arithmetic_node
from symdiff.simplifier.confluence import risky
from symdiff.simplifier.fast import Fallback, normalize
from symdiff.simplifier.flatten import flatten, flatten_order
from symdiff.simplifier.settled import first_rule, settled

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
import network

x, y = Var("x"), Var("y")
LEAVES = st.sampled_from(
    [x, y, Var("x10"), Var("x2"), Const("e"), Num(0), Num(1), Num(-1), Num(2), Num("1/2"),
     Num(2**5000), Indicator(x, y), Indicator(y, x), Indicator(x, x)]
)  # fmt: skip
RAW = st.recursive(
    LEAVES,
    lambda sub: st.one_of(
        st.lists(sub, min_size=1, max_size=4).map(lambda t: Add(tuple(t))),
        st.lists(sub, min_size=1, max_size=5).map(lambda f: Mul(tuple(f))),
        st.lists(sub, min_size=1, max_size=5).map(lambda f: Mul(tuple(f))),
        st.tuples(sub, st.sampled_from([Num(0), Num(1), Num(2), Num(-1), Num("1/2"), y])).map(
            lambda p: Pow(*p)
        ),
        st.tuples(sub, sub).map(lambda p: Pow(*p)),
        st.tuples(sub, sub).map(lambda p: Indicator(*p)),
        sub.map(lambda u: Call("sin", (u,))),
        st.tuples(sub, sub).map(lambda p: Call("max", p)),
    ),
    max_leaves=14,
)
ANY = RAW | exprs(("x", "y"), max_leaves=14)


def raw_derivatives(e: Expr) -> list[Expr]:
    """``e`` and its raw derivatives by x and y."""
    out = [e]
    for name in ("x", "y"):
        try:
            out.append(differentiate(e, name)[0])
        except SymdiffError:
            pass
    return out


@given(ANY)
def test_arithmetic_is_the_plain_transform(e: Expr) -> None:
    for d in raw_derivatives(e):
        assert arithmetic(d) is transform(d, arithmetic_node)


def first_change(node: Expr) -> str | None:
    """The first default pass acting on the node's kind that does not return the node itself."""
    for name, fn, kinds in _passes(DEFAULT_LIMITS, False):
        if isinstance(node, kinds):
            try:
                if fn(node, node.children) is not node:
                    return name
            except SymdiffError:
                return name
    return None


ORDER = [name for name, _, _ in _passes(DEFAULT_LIMITS, False)]


def check_settled(e: Expr) -> None:
    """The screen never skips a pass that would change a node."""
    for node in postorder(e):
        changed = first_change(node)
        rule = first_rule(node)
        if rule is None:
            assert changed is None, f"{node}: {changed} changes it"
        elif changed is not None:
            assert ORDER.index(rule) <= ORDER.index(changed), f"{node}: {rule} after {changed}"
        assert settled(node) is (rule is None)


@given(ANY)
def test_settled_nodes_are_left_by_every_pass(e: Expr) -> None:
    for d in raw_derivatives(e):
        check_settled(d)
        check_settled(arithmetic(d))
        try:
            check_settled(simplify(d))
        except SymdiffError:
            pass


def test_settled_examples() -> None:
    assert settled(Mul((Num(2), x, Pow(y, Num(3)), Call("sin", (x,)))))
    assert settled(Mul((Indicator(x, y), Indicator(y, Num(0)))))
    assert not settled(Mul((Indicator(x, y), Indicator(y, x))))
    assert not settled(Mul((x, Num(2))))
    assert not settled(Mul((Num(2), Num(3), x)))
    assert not settled(Mul((x, Mul((x, y)))))
    assert not settled(Mul((Var("x10"), Var("x2"))))
    assert not settled(Mul((x, Pow(x, y))))
    assert not settled(Pow(Mul((x, y)), Num(2)))
    assert not settled(Pow(Num(0), x))
    assert settled(Pow(Add((x, y)), Num(-1)))
    assert settled(Add((x, y, Num(3), Mul((Num(2), x, y)))))
    assert not settled(Add((x, Mul((Num(2), x)))))
    assert not settled(Add((Mul((y, x)), Mul((Num(-1), y, x)))))
    assert not settled(Add((x, Num(0))))
    assert not settled(Add((x, Num(1), Num(2))))
    assert not settled(Add((x, Add((x, y)))))
    assert not settled(Add((Mul((x, Num(2))), x)))


@given(ANY)
def test_flatten_order_lists_every_node_children_first(e: Expr) -> None:
    memo: dict[Expr, Expr] = {}
    root, order = flatten_order(e, memo)
    assert root is flatten(e)
    position = {}
    for i, node in enumerate(order):
        position.setdefault(node, i)
    for node in postorder(root):
        assert node in position
        assert all(position[c] < position[node] for c in node.children)


def both_ways(e: Expr) -> None:
    """``normalize`` with and without the screen: the same result, or both fall back."""
    passes = _passes(DEFAULT_LIMITS, False)
    try:
        plain = normalize(e, passes, guard=risky)
    except (Fallback, SymdiffError) as err:
        with pytest.raises(type(err)):
            normalize(e, passes, guard=risky, screen=first_rule)
        return
    assert normalize(e, passes, guard=risky, screen=first_rule) is plain


@given(ANY)
def test_screen_does_not_change_normalize(e: Expr) -> None:
    for d in raw_derivatives(e):
        both_ways(d)
        both_ways(arithmetic(d))


def agree(e: Expr) -> None:
    """``simplify(e)`` is the driver's result, or both raise the same kind of error."""
    try:
        slow = simplify_steps(e)[0]
    except SymdiffError as err:
        with pytest.raises(type(err)):
            simplify(e)
        return
    assert simplify(e) is slow


# factors that may or may not share a base with a product, and products whose way to
# normal form merges powers, drops ones, folds numbers, sorts, or ends in one factor
a, b = Var("a"), Var("b")
FACTORS = st.sampled_from(
    [x, y, a, Var("x10"), Var("x2"), Pow(x, Num(2)), Pow(x, y), Pow(y, Num(-1)), Num(2),
     Num(-1), Call("sin", (x,)), Call("sin", (y,)), Pow(Call("sin", (x,)), Num(-1)),
     Indicator(x, y), Indicator(y, x), Add((x, y)), Pow(Add((x, y)), Num(-2)),
     Pow(Mul((x, y)), a), Pow(Mul((x, y)), b), Mul((Num(-1), a)), Mul((x, y)),
     Pow(Mul((x, Pow(y, Num(-1)))), Num(-1)), Pow(x, Add((a, Mul((Num(-1), a)))))]
)  # fmt: skip
PRODUCTS = st.recursive(
    st.lists(FACTORS, min_size=2, max_size=6).map(lambda f: Mul(tuple(f))),
    lambda sub: st.lists(sub | FACTORS, min_size=2, max_size=4).map(lambda f: Mul(tuple(f))),
    max_leaves=4,
)


@given(PRODUCTS, FACTORS, FACTORS)
def test_a_factor_times_a_known_product(r: Expr, v: Expr, w: Expr) -> None:
    for e in (
        Call(BUNDLE, (r, Mul((v, r)), Mul((r, v)))),
        Call(BUNDLE, (Mul((v, r)), r, Mul((w, Mul((v, r)))))),
        Call(BUNDLE, (r, Add((Mul((v, r)), Mul((r, w)))))),
        Call(BUNDLE, (Mul((v, r)),)),
    ):
        agree(e)
        both_ways(e)


def test_network_bundle() -> None:
    shape = network.parse_widths("4-16-16-3")
    raw = gradient_reverse(network.loss_expr(shape), network.parameters(shape))
    with bulk():
        bundle = Call(BUNDLE, tuple(raw.values()))
        assert arithmetic(bundle) is transform(bundle, arithmetic_node)
        both_ways(arithmetic(bundle))
        check_settled(simplify(arithmetic(bundle)))
