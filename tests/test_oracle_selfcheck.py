"""The oracle itself: it accepts true identities, and it can fail.

A checker that never fails proves nothing, so half of these tests feed it wrong
derivatives and assert that it rejects them.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable

from oracle import (
    Undecided,
    assert_numeric_equal,
    assert_same,
    numeric_equal,
    sympy_diff,
)
from strategies import exprs, text_exprs
from symdiff.core.expr import Call, Derivative, Expr, Indicator, Num, Var, add, call, mul, neg, pow_

x, y, z = Var("x"), Var("y"), Var("z")
X, Y = sympy.Symbol("x", real=True), sympy.Symbol("y", real=True)


def sin(u: Expr) -> Expr:
    return call("sin", u)


def cos(u: Expr) -> Expr:
    return call("cos", u)


ONE = add(pow_(sin(x), 2), pow_(cos(x), 2))  # 1, but not syntactically

IDENTITIES = [  # ours                                               theirs
    (ONE,                                                 Num(1)),
    (pow_(add(x, Num(1)), 2),                             add(pow_(x, 2), mul(Num(2), x), Num(1))),
    (call("exp", call("log", add(pow_(x, 2), Num(1)))),   add(pow_(x, 2), Num(1))),
    (call("sqrt", pow_(x, 2)),                            call("abs", x)),
    (add(call("max", x, y), call("min", x, y)),           add(x, y)),
    (add(Indicator(x, y), Indicator(y, x)),               Num(1)),
    (call("relu", x),                                     mul(x, Indicator(x, Num(0)))),
    (mul(call("tan", x), cos(x)),                         sin(x)),
    (mul(call("sigmoid", x), add(Num(1), call("exp", neg(x)))), Num(1)),
    (Derivative(pow_(x, 3), "x"),                         mul(Num(3), pow_(x, 2))),
]  # fmt: skip


@pytest.mark.parametrize(("ours", "theirs"), IDENTITIES)
@pytest.mark.parametrize("symbolic", [True, False])
def test_accepts_identities(ours: Expr, theirs: Expr, symbolic: bool) -> None:
    assert_same(ours, theirs, ["x", "y"], symbolic=symbolic)


@pytest.mark.parametrize(("ours", "theirs"), IDENTITIES)
def test_numeric_equal_accepts_identities(ours: Expr, theirs: Expr) -> None:
    assert numeric_equal(ours, theirs, ["x", "y"])


E2X, TANH = call("exp", mul(Num(2), x)), call("tanh", x)
BOOK = mul(Num(3), pow_(mul(Num(2), pow_(x, 2)), 5))  # h(x) = 3(2x²)⁵, h'(x) = 960x⁹

DERIVATIVES = [  # f                       d/dx f (right)                      a wrong answer
    (pow_(x, 3),               mul(Num(3), pow_(x, 2)),             mul(Num(3), pow_(x, 3))),
    (sin(x),                   cos(x),                              neg(cos(x))),
    (E2X,                      mul(Num(2), E2X),                    E2X),
    (call("log", x),           pow_(x, -1),                         pow_(x, -2)),
    (mul(x, y),                y,                                   x),
    (call("max", x, y),        Indicator(x, y),                     Indicator(y, x)),
    (call("max", x, Num(0)),   Indicator(x, Num(0)),                Num(1)),
    (call("abs", x),           call("sign", x),                     Num(1)),
    (TANH,                     add(Num(1), neg(pow_(TANH, 2))),     pow_(TANH, 2)),
    (BOOK,                     mul(Num(960), pow_(x, 9)),           mul(Num(960), pow_(x, 8))),
]  # fmt: skip


@pytest.mark.parametrize(("f", "right", "wrong"), DERIVATIVES)
def test_right_derivative_accepted(f: Expr, right: Expr, wrong: Expr) -> None:
    assert_same(right, sympy_diff(f, "x"), ["x", "y"])


@pytest.mark.parametrize(("f", "right", "wrong"), DERIVATIVES)
@pytest.mark.parametrize("symbolic", [True, False])
def test_wrong_derivative_rejected(f: Expr, right: Expr, wrong: Expr, symbolic: bool) -> None:
    with pytest.raises(AssertionError, match="not equal at") as failure:
        assert_same(wrong, sympy_diff(f, "x"), ["x", "y"], symbolic=symbolic)
    assert not isinstance(failure.value, Undecided)


@pytest.mark.parametrize(("f", "right", "wrong"), DERIVATIVES)
def test_numeric_equal_rejects_wrong(f: Expr, right: Expr, wrong: Expr) -> None:
    assert not numeric_equal(wrong, right, ["x", "y"])


def test_small_error_is_caught() -> None:
    slightly_off = add(mul(Num(3), pow_(x, 2)), Num(Fraction(1, 10**6)))
    with pytest.raises(AssertionError):
        assert_same(slightly_off, sympy_diff(pow_(x, 3), "x"), "x")
    assert not numeric_equal(slightly_off, mul(Num(3), pow_(x, 2)), "x")


# ----- abstract functions: the book's chain-rule examples --------------------------
def test_chain_rule_abstract() -> None:
    """d/dx f(g(x)) = f'(g(x))·g'(x)."""
    g = call("g", x)
    ours = mul(Call("f", (g,), (0,)), Call("g", (x,), (0,)))
    theirs = sympy_diff(call("f", g), "x")
    assert_same(ours, theirs, "x")
    assert_same(mul(ours, ONE), theirs, "x", symbolic=False).startswith("numeric")
    with pytest.raises(AssertionError, match="not equal"):
        assert_same(Call("f", (g,), (0,)), theirs, "x")


def test_chain_rule_several_arguments() -> None:
    """∂/∂x f(g(y, h(x, z))) = f'(g(y, h(x, z)))·∂g/∂h (y, h(x, z))·∂h/∂x (x, z)."""
    h = call("h", x, z)
    g = call("g", y, h)
    right = mul(Call("f", (g,), (0,)), Call("g", (y, h), (1,)), Call("h", (x, z), (0,)))
    wrong = mul(Call("f", (g,), (0,)), Call("g", (y, h), (0,)), Call("h", (x, z), (0,)))
    theirs = sympy_diff(call("f", g), "x")
    assert_same(right, theirs, ["x", "y", "z"])
    assert assert_numeric_equal(mul(right, ONE), right) == 8
    with pytest.raises(AssertionError, match="not equal"):
        assert_same(mul(wrong, ONE), theirs, symbolic=False)


def test_second_derivative_abstract() -> None:
    """(f(g(x)))'' = f''(g)·g'^2 + f'(g)·g''."""
    g = call("g", x)
    theirs = sympy.diff(sympy_diff(call("f", g), "x"), X)
    fpp, fp = Call("f", (g,), (0, 0)), Call("f", (g,), (0,))
    gp, gpp = Call("g", (x,), (0,)), Call("g", (x,), (0, 0))
    assert_same(add(mul(fpp, pow_(gp, 2)), mul(fp, gpp)), theirs, "x", symbolic=False)
    with pytest.raises(AssertionError, match="not equal"):
        assert_same(mul(fpp, pow_(gp, 2)), theirs, "x", symbolic=False)


# ----- undecidable comparisons are reported, not passed ---------------------------
def test_undefined_everywhere_is_undecided() -> None:
    nowhere = call("sqrt", add(neg(pow_(x, 2)), Num(-1)))
    with pytest.raises(Undecided):
        assert_same(nowhere, nowhere * 2, "x", symbolic=False)
    with pytest.raises(Undecided):
        numeric_equal(nowhere, Num(0), "x")


def test_tie_everywhere_is_undecided() -> None:
    with pytest.raises(Undecided):
        numeric_equal(call("max", x, mul(Num(1), x)), x, "x")


def test_reject_undecided_discards_hypothesis_example() -> None:
    nowhere = pow_(add(x, neg(x)), -1)

    @given(st.just(nowhere))
    def check(e: Expr) -> None:
        assert_same(e, Num(0), "x", symbolic=False, reject_undecided=True)

    with pytest.raises(Unsatisfiable):  # every example was discarded, none failed
        check()


def test_points_near_a_kink_are_skipped() -> None:
    """|x| and x agree for x > 0 only: never near 0, so the oracle must see the difference."""
    assert not numeric_equal(call("abs", x), x, "x")
    assert numeric_equal(call("abs", add(x, Num(-5))), add(Num(5), neg(x)), "x")  # x < 5 on [-3, 3]


def test_large_expression_skips_symbolic() -> None:
    big: Expr = x
    for k in range(1, 60):
        kx = mul(Num(k), x)
        big = add(big, pow_(sin(kx), 2), pow_(cos(kx), 2))
    assert assert_same(big, add(x, Num(59)), "x").startswith("numeric")


# ----- random expressions ----------------------------------------------------------
@given(exprs(("x", "y"), max_leaves=8))
def test_random_derivative_checks_against_itself(e: Expr) -> None:
    d = sympy_diff(e, "x")
    assert_same(
        d * (sympy.sin(Y) ** 2 + sympy.cos(Y) ** 2),
        d,
        ["x", "y"],
        symbolic=False,
        reject_undecided=True,
    )


@given(exprs(("x", "y"), max_leaves=8))
def test_random_wrong_derivative_rejected(e: Expr) -> None:
    """Scaling a derivative by 1 + x/7 and adding x/π is always wrong, and the oracle notices.

    The error is relative as well as absolute, so it stays above the oracle's
    relative tolerance even next to a huge constant (``-x*exp(27)``).
    """
    import sympy

    d = sympy_diff(e, "x")
    with pytest.raises(AssertionError) as failure:
        assert_same(d * (1 + X / 7) + X / sympy.pi, d, ["x", "y"], symbolic=False)
    assume(not isinstance(failure.value, Undecided))
    assert "not equal at" in str(failure.value)


@given(text_exprs())
def test_text_exprs_are_strings(text: str) -> None:
    assert isinstance(text, str) and text.strip() == text and text
    assert text.count("(") == text.count(")")


def test_text_exprs_parse_if_the_parser_exists() -> None:
    """Every generated string is valid input (once the parser is there)."""
    pytest.importorskip("symdiff.parsing.parser")
    from symdiff import DomainError, parse

    @given(text_exprs())
    def parses(text: str) -> None:
        try:
            parse(text)
        except DomainError:  # x/0 and 0^-1 are refused as soon as they are read (issue 4)
            assert "0" in text

    parses()
