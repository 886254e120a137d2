"""Scale: sharing, deep input, reverse mode against forward mode, the CSE form, the network.

Untimed: the benchmarks (``benchmarks/run.py``) measure speed; these check that
the machinery behind it is right.
"""

from __future__ import annotations

import gc
import json
import random
import subprocess
import sys
import weakref
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

import symdiff
from oracle import Undecided, assert_numeric_equal, assert_same
from strategies import exprs
from symdiff.calculus.differentiate import differentiate
from symdiff.calculus.reverse import arithmetic_partials, gradient_reverse, simplify_partials
from symdiff.core.build import exp, log, max_, sum_
from symdiff.core.evaluate import evaluate
from symdiff.core.expr import Add, Call, Expr, Mul, Num, Var
from symdiff.core.walk import count_nodes, postorder
from symdiff.errors import DomainError
from symdiff.printers.cse import parse_cse, to_cse
from symdiff.printers.unicode import to_unicode
from symdiff.simplifier import arithmetic, simplify

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
import network

DEEP = 100_000


def union_size(exprs_: list[Expr]) -> int:
    return count_nodes(Call("#all", tuple(exprs_))) - 1


# ----- sharing -------------------------------------------------------------------
def test_equal_trees_are_one_object() -> None:
    x, y = Var("x"), Var("y")
    assert Add((Mul((Num(3), x)), y)) is Add((Mul((Num(3), x)), y))
    assert Num(0.5) is Num(Fraction(1, 2)) is Num("1/2")
    assert Num(2) is Num(Fraction(2)) and Num(True) is Num(1)
    assert Call("f", (x,), (0,)) is Call("f", (x,), [0])


def test_interned_nodes_are_freed() -> None:
    node = Add((Var("only_here"), Num(12345)))
    ref = weakref.ref(node)
    del node
    gc.collect()
    assert ref() is None
    again = Add((Var("only_here"), Num(12345)))
    assert again is Add((Var("only_here"), Num(12345)))


_BULK_NESTING = """
import gc
from symdiff.core.interning import bulk
seen = [gc.isenabled()]
with bulk():
    seen.append(gc.isenabled())
    with bulk():
        seen.append(gc.isenabled())
    seen.append(gc.isenabled())
seen.append(gc.isenabled())
gc.disable()
with bulk():
    pass
seen.append(gc.isenabled())
print(seen)
"""


def test_bulk_pauses_and_restores_the_collector() -> None:
    """In a process of its own: another test's thread inside bulk() would pause it here."""
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", _BULK_NESTING], capture_output=True,
                            text=True, check=True, cwd=root)  # fmt: skip
    assert result.stdout.split("\n")[0] == "[True, False, False, False, True, False]"


def test_network_is_built_with_sharing() -> None:
    widths = (2, 4, 4, 3)
    loss = network.loss_expr(widths)
    text = network.loss_text(widths)
    assert network.loss_expr(widths) is loss
    assert count_nodes(loss) < len(text) / 20  # the text repeats every hidden unit
    assert symdiff.parse(text) is loss


def test_builders_accept_numbers_and_build_linear_sums() -> None:
    terms = [Var(f"x{i}") for i in range(1, 5001)]
    total = sum_(terms)
    assert isinstance(total, Add) and len(total.terms) == 5000
    assert str(-log(exp(max_(0, Var("x"))) / 2)) == "-log(exp(max(0, x))/2)"


# ----- deep input ------------------------------------------------------------------
def deep_chain(depth: int) -> Expr:
    x = Var("x")
    e: Expr = x
    for k in range(depth):
        e = Call("sin" if k % 2 else "cos", (e,)) if k % 3 else e * x + 1
    return e


def paren_depth(text: str) -> int:
    depth = deepest = 0
    for ch in text:
        if ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == ")":
            depth -= 1
    return deepest


def test_depth_100000_gradient_and_cse() -> None:
    e = deep_chain(DEEP)
    assert len(postorder(e)) > DEEP
    partial = gradient_reverse(e, ["x"])["x"]
    text = to_cse({"dx": partial}).text()
    assert len(text) < 40 * union_size([partial])  # proportional to the DAG
    assert paren_depth(text) <= 2 * 24  # every line stays shallow


def test_deep_reverse_equals_forward() -> None:
    e = deep_chain(3_000)
    partial = gradient_reverse(e, ["x"])["x"]
    raw, _ = differentiate(e, "x")
    assert evaluate(partial, {"x": 1}) == pytest.approx(evaluate(raw, {"x": 1}), rel=1e-9)


def test_deep_chain_is_freed_without_crashing() -> None:
    e = deep_chain(DEEP)
    ref = weakref.ref(e)
    del e
    gc.collect()
    assert ref() is None


# ----- reverse mode against forward mode -------------------------------------------------
@given(exprs(("x", "y", "z"), max_leaves=14))
def test_reverse_partials_equal_forward_diff(e: Expr) -> None:
    reverse = gradient_reverse(e, ["x", "y", "z"])
    for name in ("x", "y", "z"):
        forward, _ = differentiate(e, name)
        try:
            assert_numeric_equal(reverse[name], forward, ["x", "y", "z"])
        except Undecided:
            reject()


@given(exprs(("x", "y"), max_leaves=10))
def test_simplified_partials_equal_forward(e: Expr) -> None:
    try:
        together = simplify_partials(gradient_reverse(e, ["x", "y"]))
    except DomainError:  # the input divides by zero (x/(0 + 0)); so does diff()
        reject()
    tidy = arithmetic_partials(gradient_reverse(e, ["x", "y"]))
    for name in ("x", "y"):
        forward, _ = differentiate(e, name)
        try:
            assert_numeric_equal(together[name], forward, ["x", "y"])
            assert_numeric_equal(tidy[name], forward, ["x", "y"])
        except Undecided:
            reject()


@given(exprs(("x", "y", "z"), max_leaves=12))
def test_bundled_simplification_equals_one_at_a_time(e: Expr) -> None:
    raw = gradient_reverse(e, ["x", "y", "z"])
    try:
        together = simplify_partials(raw)
    except DomainError:
        reject()
    for name, partial in raw.items():
        assert together[name] is simplify(arithmetic(partial))


@pytest.mark.parametrize(
    "source",
    ["f(g(x))", "f(g(y, h(x, z)))", "f'(x*y) + g(x, x)", "x^x * y", "x/(x + y)", "max(x, y, z)"],
)
def test_reverse_handles_abstract_functions_powers_quotients(source: str) -> None:
    e = symdiff.parse(source)
    names = ["x", "y", "z"]
    reverse = simplify_partials(gradient_reverse(e, names))
    for name in names:
        assert_same(reverse[name], symdiff.diff(e, name), names)


def test_worked_example_5_by_reverse_mode() -> None:
    e = symdiff.parse("3x^3z - y^2 + 5z + 2yz")
    partials = simplify_partials(gradient_reverse(e, ["x", "y", "z"]))
    assert [to_unicode(p) for p in partials.values()] == ["9x²z", "−2y + 2z", "3x³ + 5 + 2y"]
    assert all(partials[n] is symdiff.diff(e, n) for n in "xyz")


def test_missing_variable_and_constant_input() -> None:
    assert gradient_reverse(Var("x") ** 2, ["y"]) == {"y": Num(0)}
    assert gradient_reverse(Num(3), ["x"]) == {"x": Num(0)}
    assert gradient_reverse(Var("x"), ["x"]) == {"x": Num(1)}


def test_partials_share_with_each_other_and_the_input() -> None:
    widths = (4, 16, 16, 3)
    loss = network.loss_expr(widths)
    partials = gradient_reverse(loss, network.parameters(widths))
    nodes = union_size(list(partials.values()))
    assert nodes <= 4 * count_nodes(loss)
    shared = set(postorder(loss)) & set(postorder(Call("#all", tuple(partials.values()))))
    assert len(shared) > count_nodes(loss) / 2


# ----- the CSE form --------------------------------------------------------------
def test_cse_text_parses_back_to_the_same_nodes() -> None:
    widths = (2, 4, 4, 3)
    partials = gradient_reverse(network.loss_expr(widths), network.parameters(widths))
    form = to_cse(partials)
    back = parse_cse(form.text())
    assert all(back[f"d_{name}"] is p for name, p in partials.items())
    doc = json.loads(json.dumps(form.to_json()))
    lines = [f"{d['name']} = {d['text']}" for d in doc["definitions"] + doc["results"]]
    assert parse_cse("\n".join(lines))["d_w1_1_1"] is partials["w1_1_1"]
    assert len(form.text()) < 10 * union_size(list(partials.values())) * 8


@given(st.lists(exprs(("x", "y", "t1"), max_leaves=12), min_size=1, max_size=4))
def test_cse_round_trip_random(items: list[Expr]) -> None:
    form = to_cse(items, max_depth=3)
    back = parse_cse(form.text())
    assert [back[label] for label, _ in form.results] == items


# ----- the network against finite differences ------------------------------------------
def test_network_gradient_agrees_with_finite_differences() -> None:
    widths = (2, 4, 4, 3)
    loss = network.loss_expr(widths)
    names = network.parameters(widths)
    rng = random.Random(7)
    point = {n: Fraction(rng.randint(-60, 60), 100) for n in names}
    partials = simplify_partials(gradient_reverse(loss, names))
    h = Fraction(1, 10**6)
    for name in names:
        up, down = dict(point), dict(point)
        up[name] += h
        down[name] -= h
        slope = (float(evaluate(loss, up)) - float(evaluate(loss, down))) / float(2 * h)
        assert float(evaluate(partials[name], point)) == pytest.approx(slope, rel=1e-5, abs=1e-7)
