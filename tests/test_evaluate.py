"""symdiff.core.evaluate: exact where possible, floats where needed, clear errors, any depth."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oracle import _sympy_value
from strategies import exprs
from symdiff.check.bridge import to_sympy
from symdiff.core import evaluate as evaluator
from symdiff.core.evaluate import MAX_EXACT_BITS, evaluate, evaluate_all, evaluate_nodes
from symdiff.core.expr import (
    Add,
    Call,
    Const,
    Derivative,
    Expr,
    Indicator,
    Mul,
    Num,
    Var,
    add,
    call,
    mul,
    neg,
    pow_,
)
from symdiff.core.multiple import Multiple
from symdiff.errors import DomainError, LimitError, SymdiffError, UnsupportedError
from symdiff.limits import Limits

x, y, z = Var("x"), Var("y"), Var("z")
F = Fraction


def fn(name: str, *args: Expr) -> Expr:
    return call(name, *args)


EXACT = [  # expression                                env                      value
    (add(mul(Num(3), pow_(x, 2)), Num(1)),            {"x": 2},                F(13)),
    (mul(x, pow_(y, -1)),                             {"x": 1, "y": 3},        F(1, 3)),
    (neg(x),                                          {"x": F(5, 7)},          F(-5, 7)),
    (add(x, neg(mul(Num(2), y))),                     {"x": 1, "y": 1},        F(-1)),
    (pow_(x, -2),                                     {"x": F(2, 3)},          F(9, 4)),
    (pow_(Num(0), 0),                                 {},                      F(1)),
    (pow_(Num(F(8, 27)), Num(F(-2, 3))),              {},                      F(9, 4)),
    (fn("sqrt", x),                                   {"x": F(9, 4)},          F(3, 2)),
    (fn("sqrt", pow_(x, 2)),                          {"x": -3},               F(3)),
    (pow_(x, Num(F(3, 2))),                           {"x": 4},                F(8)),
    (pow_(Num(0), Num(F(1, 2))),                      {},                      F(0)),
    (x,                                               {"x": 1.5},              F(3, 2)),
    (x,                                               {"x": 0.1},              F(1, 10)),
    (x,                                               {"x": Decimal("2.25")},  F(9, 4)),
    (x,                                               {"x": True},             F(1)),
    (fn("abs", x),                                    {"x": F(-7, 2)},         F(7, 2)),
    (fn("relu", x),                                   {"x": -2},               F(0)),
    (fn("relu", x),                                   {"x": F(1, 3)},          F(1, 3)),
    (fn("sign", x),                                   {"x": F(-1, 9)},         F(-1)),
    (fn("sign", x),                                   {"x": 0},                F(0)),
    (fn("max", x, y, z),                              {"x": 1, "y": 4, "z": 2}, F(4)),
    (fn("min", x, y, z),                              {"x": 1, "y": 4, "z": 2}, F(1)),
    (fn("max", x),                                    {"x": 5},                F(5)),
    (Indicator(x, y),                                 {"x": 2, "y": 1},        F(1)),
    (Indicator(x, y),                                 {"x": 1, "y": 1},        F(0)),  # strict
    (Indicator(x, y),                                 {"x": 0, "y": 1},        F(0)),
    (fn("sin", x),                                    {"x": 0},                F(0)),
    (fn("cos", x),                                    {"x": 0},                F(1)),
    (fn("tan", x),                                    {"x": 0},                F(0)),
    (fn("exp", x),                                    {"x": 0},                F(1)),
    (fn("log", x),                                    {"x": 1},                F(0)),
    (fn("ln", x),                                     {"x": 1},                F(0)),
    (fn("tanh", x),                                   {"x": 0},                F(0)),
    (fn("sigmoid", x),                                {"x": 0},                F(1, 2)),
    (pow_(Num(-1), Num(10**30 + 1)),                  {},                      F(-1)),
    (Add((Mul((x, x)), Mul((x, x)))),                 {"x": 3},                F(18)),
    (Add(()),                                         {},                      F(0)),
    (Mul(()),                                         {},                      F(1)),
]  # fmt: skip


@pytest.mark.parametrize(("expr", "env", "value"), EXACT)
def test_exact(expr: Expr, env: dict[str, object], value: Fraction) -> None:
    result = evaluate(expr, env)  # type: ignore[arg-type]
    assert type(result) is Fraction
    assert result == value


INEXACT = [  # expression                         env                 value
    (fn("sin", x),                               {"x": 1},           math.sin(1)),
    (fn("cos", x),                               {"x": F(1, 2)},     math.cos(0.5)),
    (fn("tan", x),                               {"x": 1},           math.tan(1)),
    (fn("exp", x),                               {"x": 2},           math.exp(2)),
    (fn("log", x),                               {"x": 10},          math.log(10)),
    (fn("log", x),                               {"x": F(10**400)},  400 * math.log(10)),
    (fn("sqrt", x),                              {"x": 2},           math.sqrt(2)),
    (fn("tanh", x),                              {"x": -1},          math.tanh(-1)),
    (fn("sigmoid", x),                           {"x": 2},           1 / (1 + math.exp(-2))),
    (fn("sigmoid", x),                           {"x": -2},          1 / (1 + math.exp(2))),
    (fn("sigmoid", x),                           {"x": -1000},       0.0),
    (fn("sigmoid", x),                           {"x": 1000},        1.0),
    (pow_(Const("e"), x),                        {"x": 2},           math.e**2),
    (pow_(x, Num(F(1, 3))),                      {"x": 2},           2 ** (1 / 3)),
    (pow_(Num(2), x),                            {"x": F(1, 2)},     math.sqrt(2)),
    (pow_(x, Const("pi")),                       {"x": 2},           2**math.pi),
    (pow_(Num(-2), fn("exp", Num(0))),           {},                 -2.0),
    (pow_(Num(F(10**6 + 1, 10**6)), Num(10**6)), {},                 math.e * (1 - 0.5e-6)),
    (Indicator(Const("pi"), x),                  {"x": F(314, 100)}, 1),
]  # fmt: skip


@pytest.mark.parametrize(("expr", "env", "value"), INEXACT)
def test_inexact(expr: Expr, env: dict[str, object], value: float) -> None:
    result = evaluate(expr, env)  # type: ignore[arg-type]
    assert result == pytest.approx(value, rel=1e-9)


Domain, Limit, Unsupported = DomainError, LimitError, UnsupportedError

ERRORS = [  # expression                    env              error        words in message
    (pow_(x, -1),                           {"x": 0},        Domain,      "division by zero"),
    (mul(Num(1), pow_(Num(0), -1)),         {},              Domain,      "division by zero"),
    (pow_(x, Num(F(-1, 2))),                {"x": 0},        Domain,      "division by zero"),
    (pow_(Num(0.0), fn("sin", Num(-1))),    {},              Domain,      "division by zero"),
    (fn("log", x),                          {"x": 0},        Domain,      "logarithm"),
    (fn("log", x),                          {"x": -2},       Domain,      "logarithm"),
    (fn("log", fn("sin", x)),               {"x": 4},        Domain,      "logarithm"),
    (fn("sqrt", x),                         {"x": -1},       Domain,      "square root"),
    (pow_(x, Num(F(1, 3))),                 {"x": -8},       Domain,      "negative base"),
    (pow_(x, Const("pi")),                  {"x": -1},       Domain,      "negative base"),
    (x,                                     {"x": math.inf}, Domain,      "finite"),
    (x,                                     {"x": math.nan}, Domain,      "finite"),
    (fn("sin", x),                          {"x": 10**400},  Limit,       "too large"),
    (fn("exp", x),                          {"x": 1000},     Limit,       "too large"),
    (pow_(Num(2), Num(10**7)),              {},              Limit,       "too large"),
    (mul(Num(10**2000), Num(10**2000), Const("e")), {},      Limit,       "too large"),
    (add(*[fn("exp", Num(709))] * 3),       {},              Limit,       "too large"),
    (Call("f", (x,)),                       {"x": 1},        Unsupported, "abstract function"),
    (Call("f", (x,), (0,)),                 {"x": 1},        Unsupported, "abstract function"),
    (Call("sin", (x, y)),                   {"x": 1, "y": 2}, Unsupported, "sin"),
    (Call("max", ()),                       {},              Unsupported, "max"),
    (Derivative(pow_(x, 2), "x"),           {"x": 1},        Unsupported, "pending derivative"),
    (add(x, y),                             {"x": 1},        Unsupported, "y"),
]  # fmt: skip


@pytest.mark.parametrize(("expr", "env", "error", "words"), ERRORS)
def test_errors(expr: Expr, env: dict[str, object], error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        evaluate(expr, env)  # type: ignore[arg-type]


def test_errors_are_symdiff_errors() -> None:
    assert issubclass(DomainError, SymdiffError) and issubclass(LimitError, SymdiffError)
    with pytest.raises(ArithmeticError):  # DomainError is also an ArithmeticError
        evaluate(pow_(x, -1), {"x": 0})


def test_missing_variables_named_in_natural_order() -> None:
    with pytest.raises(UnsupportedError, match="x2, x10, y"):
        evaluate(add(Var("y"), Var("x10"), Var("x2"), x), {"x": 1})


def test_abstract_function_reported_before_domain_error() -> None:
    with pytest.raises(UnsupportedError):
        evaluate(add(pow_(x, -1), Call("g", (x,))), {"x": 0})


def test_float_input_makes_no_float_error() -> None:
    assert evaluate(mul(x, Num(3)), {"x": 0.1}) == F(3, 10)  # not 0.30000000000000004


def test_method_on_expr() -> None:
    assert (x**2 + 1).evaluate({"x": 3}) == 10
    assert Num(F(1, 2)).evaluate() == F(1, 2)


def test_evaluate_nodes_has_every_node() -> None:
    e = mul(add(x, Num(1)), add(x, Num(1)))
    values = evaluate_nodes(e, {"x": 2})
    assert values[add(x, Num(1))] == 3 and values[e] == 9
    assert set(values) == {x, Num(1), add(x, Num(1)), e}


PI = Multiple(F(1))

CONSTANTS = [  # expression                       env                  exact value
    (Const("pi"),                                 {},                  PI),
    (Const("e"),                                  {},                  Multiple(F(1), "e")),
    (mul(Num(2), Const("pi")),                    {},                  PI * 2),
    (fn("max", x, Const("pi")),                   {"x": 3},            PI),
    (fn("min", x, Const("pi")),                   {"x": F(22, 7)},     PI),  # 22/7 > π
    (fn("sin", x),                                {"x": PI / 2},       F(1)),
    (fn("cos", mul(Num(2), x)),                   {"x": PI / 3},       F(-1, 2)),
    (fn("log", Const("e")),                       {},                  F(1)),
    (add(x, neg(Const("pi"))),                    {"x": PI},           F(0)),
    (pow_(fn("cos", x), Num(-2)),                 {"x": PI / 4},       F(2)),
    (mul(fn("sin", x), fn("cos", x)),            {"x": PI / 6},      Multiple(F(1, 4), "sqrt", 3)),
]  # fmt: skip


@pytest.mark.parametrize(("expr", "env", "value"), CONSTANTS)
def test_exact_constants(expr: Expr, env: dict[str, object], value: object) -> None:
    result = evaluate(expr, env)  # type: ignore[arg-type]
    assert result == value and type(result) is type(value)


def test_evaluate_all_walks_each_distinct_node_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A gradient's partials share nodes: one walk computes each of them once."""
    shared: Expr = x
    for i in range(50):
        shared = call("sin", add(shared, Num(i)))
    roots = [mul(shared, y), add(shared, y), shared, mul(shared, y)]
    calls: list[Expr] = []
    real = evaluator._value

    def counted(node: Expr, *rest: object) -> object:
        calls.append(node)
        return real(node, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(evaluator, "_value", counted)
    values = evaluate_all(roots, {"x": 1, "y": 2})
    assert len(calls) == len(set(calls)) == len(evaluate_nodes(roots, {"x": 1, "y": 2}))
    assert values[0] == values[3] == 2 * values[2] and values[1] == values[2] + 2


def test_evaluation_takes_the_limits() -> None:
    e: Expr = x
    for _ in range(5_000):
        e = Add((e, Num(1)))
    with pytest.raises(LimitError, match="evaluation exceeded the time limit"):
        evaluate(e, {"x": 1}, limits=Limits(timeout=1e-9).begin())
    small = Limits(max_fold_bits=64)  # exact values up to 128 bits
    assert isinstance(evaluate(pow_(x, 100), {"x": 3}, limits=small), float)
    assert isinstance(evaluate(pow_(x, 100), {"x": 3}), Fraction)


def test_huge_point_is_exact() -> None:
    assert evaluate(pow_(x, 2), {"x": 10**309}) == 10**618
    with pytest.raises(LimitError, match="too large"):
        evaluate(pow_(x, 2), {"x": F(10**3000)})


# ----- size and depth -------------------------------------------------------------
DEPTH = 100_000


def test_deep_sum_chain() -> None:
    e: Expr = x
    for _ in range(DEPTH):
        e = Add((e, Num(1)))
    assert evaluate(e, {"x": F(1, 2)}) == F(1, 2) + DEPTH


def test_deep_function_chain() -> None:
    e: Expr = x
    for i in range(DEPTH):
        e = call("sin" if i % 2 else "tanh", e)
    value = evaluate(e, {"x": 1})
    assert isinstance(value, float) and 0 < value < 0.01


def test_deep_power_chain_stays_exact() -> None:
    e: Expr = x
    for _ in range(DEPTH):
        e = pow_(e, -1)
    assert evaluate(e, {"x": F(2, 3)}) == F(2, 3)  # an even number of reciprocals


def test_shared_dag_is_linear() -> None:
    """x^(2^200) as 200 nested self-products: 201 distinct nodes, evaluated once each."""
    e: Expr = x
    for _ in range(200):
        e = Mul((e, e))
    assert evaluate(e, {"x": 1}) == 1
    assert evaluate(e, {"x": -1}) == 1
    assert evaluate(e, {"x": F(1, 2)}) == 0.0  # exactness given up; the float underflows
    with pytest.raises(LimitError):
        evaluate(e, {"x": 2})


@pytest.mark.parametrize(
    ("base", "exponent", "kind"),
    [  # the size of base^exponent is exponent * log2(base) bits
        (Num(3), MAX_EXACT_BITS // 4, Fraction),  # about 0.4 * MAX_EXACT_BITS bits
        (Num(F(1, 3)), MAX_EXACT_BITS // 2, Fraction),  # about 0.8 * MAX_EXACT_BITS bits
        (Num(F(1, 3)), MAX_EXACT_BITS // 2 + 1500, float),  # about 1.08 * MAX_EXACT_BITS bits
        (Num(F(1, 2)), MAX_EXACT_BITS + 1, float),  # (a float so small it is 0.0)
        (Num(F(4, 9)), F(3 * MAX_EXACT_BITS + 1, 2), float),  # an exact root, but too large
        (Num(F(9, 4)), F(1, 2), Fraction),
    ],
)
def test_exact_bits_guard(base: Num, exponent: int | F, kind: type) -> None:
    assert type(evaluate(pow_(base, Num(exponent)), {})) is kind


# ----- agreement with SymPy on random expressions ---------------------------------
@given(
    exprs(("x", "y"), max_leaves=10),
    st.fractions(-3, 3, max_denominator=12),
    st.fractions(-3, 3, max_denominator=12),
)
def test_agrees_with_sympy(e: Expr, a: Fraction, b: Fraction) -> None:
    point = {"x": a, "y": b}
    try:
        ours = evaluate(e, point)
    except (DomainError, LimitError):
        return
    theirs = _sympy_value(to_sympy(e), point)
    if theirs is None:  # SymPy's value is complex or infinite: we must have said so
        pytest.fail(f"evaluate gave {ours} where SymPy has no real value")
    assert float(ours) == pytest.approx(theirs, rel=1e-7, abs=1e-9)
