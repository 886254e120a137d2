"""Speed paths that must change no result: remembered normal nodes, integer arithmetic.

``simplify_derivative(raw, source)`` remembers the nodes of ``source`` that are normal and
skips them on the next derivative of the same ``source``; the arithmetic line skips them
too.  Both shortcuts must give the very node the plain ``simplify(arithmetic(raw))`` gives,
on the first call and on every later one, and the memory goes with the input.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import symdiff
from strategies import exprs
from symdiff.calculus.differentiate import differentiate
from symdiff.core.expr import ZERO, Add, Expr, Mul, Num, Var, mul
from symdiff.core.numbers import fits
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


@given(
    st.lists(st.fractions(), min_size=1, max_size=4),
    st.integers(min_value=0, max_value=80),
    st.booleans(),
)
@settings(max_examples=300, deadline=None)
def test_the_fold_bound_of_a_product_is_its_stated_rule(
    values: list[Fraction], max_bits: int, total: bool
) -> None:
    # fits() answers a lone value at once; the rule it states, in full, must agree
    if total:
        dens = sum(d.bit_length() for d in {v.denominator for v in values} if d > 1)
        nums = max(abs(v.numerator).bit_length() for v in values) + len(values).bit_length()
        expected = nums + dens <= max_bits
    else:
        dens = sum(v.denominator.bit_length() for v in values if v.denominator > 1)
        nums = sum(abs(v.numerator).bit_length() for v in values if abs(v.numerator) > 1)
        expected = nums <= max_bits and dens <= max_bits
    assert fits(values, max_bits, total=total) is expected


@given(st.lists(st.fractions(max_denominator=50) | st.integers(-99, 99), max_size=5))
@settings(max_examples=300, deadline=None)
def test_the_arithmetic_line_multiplies_and_adds_exactly(values: list[Fraction | int]) -> None:
    # integers are multiplied and added as integers, fractions as fractions: same numbers
    x = Var("x")
    product = Fraction(1)
    for v in values:
        product *= v
    got = arithmetic(Mul((*[Num(v) for v in values], x, x)))  # x·x is no monomial to open
    assert got is (ZERO if product == 0 else mul(*([] if product == 1 else [Num(product)]), x, x))
    terms = arithmetic(Add((*[Num(v) for v in values], x))) if values else None
    if terms is not None:
        total = sum(values, Fraction(0))
        assert terms is (x if total == 0 else Add((Num(total), x)))
