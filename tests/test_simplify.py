"""Tests of the simplifier: arithmetic, each named pass, the driver, limits, scale, properties."""

from __future__ import annotations

import time
from collections.abc import Callable
from fractions import Fraction

import mpmath
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from symdiff.core.expr import Add, Call, Const, Expr, Indicator, Mul, Num, Pow, Var
from symdiff.core.walk import count_nodes, postorder, transform
from symdiff.errors import DomainError, LimitError
from symdiff.limits import Limits
from symdiff.simplifier import PASSES, RULES, arithmetic, simplify, simplify_steps
from symdiff.simplifier.combine_powers import combine_powers
from symdiff.simplifier.flatten import flatten
from symdiff.simplifier.order_factors import order_factors

x, y, z = Var("x"), Var("y"), Var("z")
a, b, c, d = Var("a"), Var("b"), Var("c"), Var("d")
E = Const("e")


def N(v: int | str) -> Num:
    return Num(v)


def A(*t: Expr) -> Expr:
    return Add(t)


def M(*f: Expr) -> Expr:
    return Mul(f)


def P(u: Expr, n: Expr | int) -> Expr:
    return Pow(u, n if isinstance(n, Expr) else Num(n))


def F(name: str, *args: Expr) -> Expr:
    return Call(name, args)


def show(e: Expr) -> str:
    """A tiny structural printer for failure messages (independent of the real printers)."""
    text: dict[Expr, str] = {}
    for node in postorder(e):
        kids = ", ".join(text[k] for k in node.children)
        if isinstance(node, Num):
            text[node] = str(node.value)
        elif isinstance(node, Var | Const):
            text[node] = node.name
        elif isinstance(node, Call):
            text[node] = f"{node.name}{list(node.deriv) if node.deriv else ''}({kids})"
        else:
            text[node] = f"{type(node).__name__}({kids})"
    return text[e]


def check(got: Expr, want: Expr) -> None:
    assert got is want, f"got {show(got)}, want {show(want)}"


# ----- arithmetic -----------------------------------------------------------------
ARITHMETIC = [
    (  # book: 3·3x² − 0 + 5·1 + 0 = 9x² + 5
        A(M(N(3), M(N(3), P(x, 2))), M(N(-1), N(0)), M(N(5), N(1)), N(0)),
        A(M(N(9), P(x, 2)), N(5)),
    ),
    (  # 3z·3x² − 0 + 5·0 + 2·0 = 9x²z
        A(M(N(3), z, M(N(3), P(x, 2))), M(N(-1), N(0)), M(N(5), N(0)), M(N(2), N(0))),
        M(N(9), P(x, 2), z),
    ),
    (  # 3·0 − 2y¹ + 5·0 + 2z·1 = −2y + 2z
        A(M(N(3), N(0)), M(N(-1), M(N(2), P(y, 1))), M(N(5), N(0)), M(N(2), z, N(1))),
        A(M(N(-2), y), M(N(2), z)),
    ),
    (  # 3x³·1 − 0 + 5·1 + 2y·1 = 3x³ + 5 + 2y
        A(M(N(3), P(x, 3), N(1)), M(N(-1), N(0)), M(N(5), N(1)), M(N(2), y, N(1))),
        A(M(N(3), P(x, 3)), N(5), M(N(2), y)),
    ),
    (A(M(N(2), N(0)), M(N(3), M(N(2), P(y, 1)))), M(N(6), y)),
    (A(N(1), N(0)), N(1)),
    (M(y, N(1)), y),
    (  # book example 8: 3·5(2x²)⁴·2·2x¹ = 15(2x²)⁴·4x
        M(N(3), M(N(5), P(M(N(2), P(x, 2)), 4), M(N(2), M(N(2), P(x, 1))))),
        M(N(15), P(M(N(2), P(x, 2)), 4), M(N(4), x)),
    ),
    (M(N(-1), M(N(-1), x)), x),
    (A(x, N(2), N(-2)), x),
    (P(x, 0), N(1)),
    (M(x, N(3)), M(N(3), x)),
    (M(y, M(x, N(2))), M(N(2), x, y)),  # monomial: opened and put in name order
    (M(F("sin", x), M(N(2), x)), M(F("sin", x), M(N(2), x))),  # not a monomial: kept
]


@pytest.mark.parametrize(("raw", "want"), ARITHMETIC)
def test_arithmetic(raw: Expr, want: Expr) -> None:
    check(arithmetic(raw), want)


@pytest.mark.parametrize("want", [w for _, w in ARITHMETIC[:7]])
def test_arithmetic_results_are_already_simple(want: Expr) -> None:
    result, steps = simplify_steps(want)
    assert steps == []
    check(result, want)


def test_book_example_8_steps() -> None:
    start = M(N(15), P(M(N(2), P(x, 2)), 4), M(N(4), x))
    result, steps = simplify_steps(start)
    assert [s.rule for s in steps] == ["distribute-exponent", "combine-powers", "combine-constants"]
    afters = [
        M(N(15), P(N(2), 4), P(x, 8), N(4), x),
        M(N(15), P(N(2), 4), N(4), P(x, 9)),
        M(N(960), P(x, 9)),
    ]
    for step, want in zip(steps, afters, strict=True):
        check(step.after, want)
    assert steps[0].before is start
    assert steps[1].before is steps[0].after and steps[2].before is steps[1].after
    check(result, M(N(960), P(x, 9)))


# ----- the passes, through the driver ------------------------------------------------
SIMPLIFY = [
    # identities
    (A(x, N(0)), x, ["identities"]),
    (P(x, 1), x, ["identities"]),
    (P(x, 0), N(1), ["identities"]),
    (P(N(1), x), N(1), ["identities"]),
    (P(N(0), N(3)), N(0), ["identities"]),
    (M(N(-1), N(0)), N(0), ["identities"]),
    (A(M(x, N(1)), M(y, N(0))), x, ["identities"]),
    # function-values
    (F("exp", N(0)), N(1), ["function-values"]),
    (F("log", N(1)), N(0), ["function-values"]),
    (F("log", E), N(1), ["function-values"]),
    (F("sin", N(0)), N(0), ["function-values"]),
    (F("cos", N(0)), N(1), ["function-values"]),
    (F("tan", N(0)), N(0), ["function-values"]),
    (F("tanh", N(0)), N(0), ["function-values"]),
    (F("sigmoid", N(0)), N("1/2"), ["function-values"]),
    (F("sqrt", N("9/4")), N("3/2"), ["function-values"]),
    (F("sqrt", N(2)), F("sqrt", N(2)), []),
    (F("sqrt", N(-4)), F("sqrt", N(-4)), []),
    (F("abs", N(-3)), N(3), ["function-values"]),
    (F("sign", N(-2)), N(-1), ["function-values"]),
    (F("relu", N(-2)), N(0), ["function-values"]),
    (F("relu", N(5)), N(5), ["function-values"]),
    (F("max", N(1), N(3), N(2)), N(3), ["function-values"]),
    (F("min", N(1), N(3), N(2)), N(1), ["function-values"]),
    (F("max", x), x, ["function-values"]),
    (F("max", x, N(0)), F("max", x, N(0)), []),
    (F("log", F("exp", x)), x, ["function-values"]),
    (F("exp", F("log", x)), F("exp", F("log", x)), []),
    (P(E, x), P(E, x), []),
    (F("log", N(0)), F("log", N(0)), []),
    (Call("f", (N(0),)), Call("f", (N(0),)), []),
    # indicators
    (Indicator(N(2), N(1)), N(1), ["indicators"]),
    (Indicator(N(1), N(2)), N(0), ["indicators"]),
    (Indicator(N(1), N(1)), N(0), ["indicators"]),
    (Indicator(x, x), N(0), ["indicators"]),
    (M(Indicator(x, N(0)), Indicator(x, N(0))), Indicator(x, N(0)), ["indicators"]),
    (P(Indicator(x, N(0)), 3), Indicator(x, N(0)), ["indicators"]),
    (M(Indicator(x, y), Indicator(y, x)), N(0), ["indicators"]),
    (
        M(N(2), Indicator(x, y), z, Indicator(x, y)),
        M(N(2), z, Indicator(x, y)),
        ["indicators", "order-factors"],
    ),
    # distribute-exponent
    (P(M(x, y), 2), M(P(x, 2), P(y, 2)), ["distribute-exponent"]),
    (P(P(x, 2), 3), P(x, 6), ["distribute-exponent"]),
    (P(P(x, N("1/2")), 4), P(x, 2), ["distribute-exponent"]),
    (P(P(x, y), 2), P(x, M(N(2), y)), ["distribute-exponent"]),
    (P(P(x, 2), N("1/2")), P(P(x, 2), N("1/2")), []),  # (x²)^½ = |x|: not x
    (P(M(x, y), N("1/2")), P(M(x, y), N("1/2")), []),
    (
        P(M(N(2), x), -1),
        M(N("1/2"), P(x, -1)),
        ["distribute-exponent", "combine-constants"],
    ),
    # combine-powers (placed at the last occurrence; order-factors then sorts)
    (M(x, x), P(x, 2), ["combine-powers"]),
    (M(x, y, x), M(P(x, 2), y), ["combine-powers", "order-factors"]),
    (M(x, P(x, -1)), N(1), ["combine-powers", "identities"]),
    (M(P(x, 2), P(x, -1)), x, ["combine-powers", "identities"]),
    (M(P(x, a), P(x, b)), P(x, A(a, b)), ["combine-powers"]),
    (M(x, P(x, a), P(x, 2)), P(x, A(N(3), a)), ["combine-powers"]),
    (M(F("sin", x), F("sin", x)), P(F("sin", x), 2), ["combine-powers"]),
    (M(N(2), N(2)), N(4), ["combine-constants"]),  # bare numbers are not powers
    # combine-constants
    (M(N(2), x, N(3)), M(N(6), x), ["combine-constants"]),
    (M(N("1/2"), x, N(2)), x, ["combine-constants"]),
    (P(N(2), 10), N(1024), ["combine-constants"]),
    (P(N(2), -2), N("1/4"), ["combine-constants"]),
    (P(N(4), N("1/2")), N(2), ["combine-constants"]),
    (P(N(8), N("2/3")), N(4), ["combine-constants"]),
    (P(N("4/9"), N("-1/2")), N("3/2"), ["combine-constants"]),
    (P(N(2), N("1/2")), P(N(2), N("1/2")), []),
    (P(N(-8), N("1/3")), P(N(-8), N("1/3")), []),
    (P(N(-1), N(10**30 + 1)), N(-1), ["combine-constants"]),
    (A(x, N(2), y, N(3)), A(x, N(5), y), ["combine-constants"]),
    (A(x, N(2), N(-2)), x, ["combine-constants", "identities"]),
    (P(x, A(N(1), N(2))), P(x, 3), ["combine-constants"]),
    # collect-terms (placed at the first occurrence; order otherwise kept)
    (A(M(N(2), x), M(N(3), x)), M(N(5), x), ["collect-terms"]),
    (A(x, M(N(-1), x)), N(0), ["collect-terms"]),
    (A(x, y, x), A(M(N(2), x), y), ["collect-terms"]),
    (A(y, M(x, y), M(N(-1), y), M(N(2), x, y)), M(N(3), x, y), ["collect-terms"]),
    (A(M(N(3), P(x, 3)), N(5), M(N(2), y)), A(M(N(3), P(x, 3)), N(5), M(N(2), y)), []),
    (
        A(M(x, y), M(y, x)),
        M(N(2), x, y),
        ["order-factors", "collect-terms"],
    ),
    # order-factors
    (M(z, x, N(2)), M(N(2), x, z), ["order-factors"]),
    (M(Var("x10"), Var("x2")), M(Var("x2"), Var("x10")), ["order-factors"]),
    (M(F("sin", x), y), M(y, F("sin", x)), ["order-factors"]),
    (M(P(y, 2), F("cos", x), x, E), M(x, P(y, 2), F("cos", x), E), ["order-factors"]),
    (A(M(y, x), x), A(M(x, y), x), ["order-factors"]),
    # book shapes are already canonical
    (A(M(N(-2), y), M(N(2), z)), A(M(N(-2), y), M(N(2), z)), []),
    (P(A(x, N(1)), 5), P(A(x, N(1)), 5), []),
    # nesting is flattened silently
    (A(A(x, y), z), A(x, y, z), []),
    (M(x, M(y, z)), M(x, y, z), []),
]


@pytest.mark.parametrize(("source", "want", "rules"), SIMPLIFY)
def test_simplify(source: Expr, want: Expr, rules: list[str]) -> None:
    result, steps = simplify_steps(source)
    check(result, want)
    assert [s.rule for s in steps] == rules


def test_big_power_is_never_computed() -> None:
    start = time.perf_counter()
    huge = P(N(2), P(N(10), N(10)))
    result = simplify(huge)
    assert result is P(N(2), N(10**10))
    assert simplify(M(N(3), huge, N(2))) is M(N(6), P(N(2), N(10**10)))
    assert simplify(P(N(3), N(10**10))) is P(N(3), N(10**10))
    assert time.perf_counter() - start < 0.5


def test_fold_bits_limit_is_honoured() -> None:
    small = Limits(max_fold_bits=8)  # 2^7 = 128 has 8 bits, 2^8 = 256 has 9
    assert simplify(P(N(2), 7), limits=small) is N(128)
    assert simplify(P(N(2), 8), limits=small) is P(N(2), 8)


@pytest.mark.parametrize(
    "source",
    [
        M(x, P(N(0), -1)),
        P(N(0), -1),
        P(N(0), N("-1/2")),
        M(x, P(A(y, M(N(-1), y)), -1)),
        M(N(0), P(N(0), -1)),
    ],
)
def test_division_by_zero(source: Expr) -> None:
    with pytest.raises(DomainError, match="division by zero"):
        simplify(source)


def test_step_limit() -> None:
    start = M(N(15), P(M(N(2), P(x, 2)), 4), M(N(4), x))
    with pytest.raises(LimitError):
        simplify(start, limits=Limits(max_simplify_steps=3))
    assert simplify(start, limits=Limits(max_simplify_steps=4)) is M(N(960), P(x, 9))


# ----- expand ------------------------------------------------------------------------
QUINTIC = A(P(x, 5), M(N(5), P(x, 4)), M(N(10), P(x, 3)), M(N(10), P(x, 2)), M(N(5), x), N(1))

EXPAND = [
    (P(A(x, N(1)), 5), QUINTIC),
    (M(A(a, b), A(c, d)), A(M(a, c), M(a, d), M(b, c), M(b, d))),
    (M(N(2), A(x, N(1))), A(M(N(2), x), N(2))),
    (P(A(x, y), 2), A(P(x, 2), M(N(2), x, y), P(y, 2))),
    (M(A(x, N(1)), A(x, N(-1))), A(P(x, 2), N(-1))),
    (P(A(M(N(2), x), N(1)), 2), A(M(N(4), P(x, 2)), M(N(4), x), N(1))),
    (P(A(x, N(1)), 21), P(A(x, N(1)), 21)),  # above the bound on the power
    (P(A(x, N(1)), -2), P(A(x, N(1)), -2)),
]


@pytest.mark.parametrize(("source", "want"), EXPAND)
def test_expand(source: Expr, want: Expr) -> None:
    check(simplify(source, expand=True), want)


def test_expand_is_off_by_default() -> None:
    check(simplify(P(A(x, N(1)), 5)), P(A(x, N(1)), 5))
    _, steps = simplify_steps(P(A(x, N(1)), 5), expand=True)
    assert steps[0].rule == "expand"


def test_expand_twentieth_power_is_bounded() -> None:
    result = simplify(P(A(x, N(1)), 20), expand=True)
    assert isinstance(result, Add) and len(result.terms) == 21
    assert result.terms[10] is M(N(184756), P(x, 10))


# ----- each pass alone: idempotent on its own output -----------------------------------
PASS_FUNCTIONS = [  # each row of the PASSES table as one bottom-up sweep over a whole DAG
    pytest.param(lambda e, p=p: transform(e, lambda n, k: p.module.rewrite(n, k)), id=p.id)
    for p in PASSES
]
SAMPLES = [s for s, _, _ in SIMPLIFY] + [s for s, _ in EXPAND] + [r for r, _ in ARITHMETIC]


@pytest.mark.parametrize("run", PASS_FUNCTIONS)
def test_pass_is_idempotent(run: Callable[[Expr], Expr]) -> None:
    for sample in SAMPLES:
        try:
            once = flatten(run(flatten(sample)))
        except DomainError:
            continue
        twice = flatten(run(once))
        assert twice is once, f"{show(sample)}: {show(once)} then {show(twice)}"


def test_order_factors_and_combine_powers_agree() -> None:
    start = M(y, x, z, x, F("sin", x), x)
    combined = combine_powers(start)
    check(combined, M(y, z, F("sin", x), P(x, 3)))
    ordered = order_factors(combined)
    check(ordered, M(P(x, 3), y, z, F("sin", x)))
    assert combine_powers(ordered) is ordered
    result, steps = simplify_steps(start)
    check(result, ordered)
    assert [s.rule for s in steps] == ["combine-powers", "order-factors"]


# ----- scale -------------------------------------------------------------------------
def test_ten_thousand_term_sum_is_fast() -> None:
    terms: list[Expr] = []
    for i in range(10_000):
        v = Var(f"w{i % 100}")
        terms.append(M(N(i % 7 + 1), v) if i % 3 else v)
        if i % 1000 == 1:
            terms.append(N(i))
    start = time.perf_counter()
    result = simplify(Add(tuple(terms)))
    elapsed = time.perf_counter() - start
    assert isinstance(result, Add) and len(result.terms) == 101
    w0 = sum(i % 7 + 1 if i % 3 else 1 for i in range(0, 10_000, 100))
    assert result.terms[0] is M(N(w0), Var("w0"))  # first occurrence keeps its place
    assert result.terms[2] is N(45010)
    assert elapsed < 1.0


@pytest.mark.parametrize("kind", ["add", "mul", "sin", "pow"])
def test_depth_100000_chain(kind: str) -> None:
    e: Expr = x
    for _ in range(100_000):
        if kind == "add":
            e = A(e, N(1))
        elif kind == "mul":
            e = M(x, e)
        elif kind == "sin":
            e = F("sin", M(e, N(1)))
        else:
            e = P(x, e)
    result = simplify(e)  # a rewrite per level: within the default max_simplify_steps
    if kind == "add":
        check(result, A(x, N(100_000)))
    elif kind == "mul":
        check(result, P(x, 100_001))
    elif kind == "sin":
        assert isinstance(result, Call) and count_nodes(result) == 100_001
    else:
        assert result is e


def test_shared_dag_is_not_unshared() -> None:
    e: Expr = x
    for _ in range(300):  # as a tree: about 2^300 nodes
        e = M(A(F("sin", e), F("cos", e), N(0)), N(1))
    start = time.perf_counter()
    result = simplify(e)
    assert time.perf_counter() - start < 2.0
    assert count_nodes(result) == 3 * 300 + 1


# ----- properties ----------------------------------------------------------------------
def _extend(children: st.SearchStrategy[Expr]) -> st.SearchStrategy[Expr]:
    operands = st.lists(children, min_size=2, max_size=3).map(tuple)
    return st.one_of(
        operands.map(Add),
        operands.map(Mul),
        st.tuples(children, st.integers(-2, 4)).map(lambda p: Pow(p[0], Num(p[1]))),
        children.map(lambda u: Call("sin", (u,))),
        children.map(lambda u: Call("exp", (u,))),
        children.map(lambda u: Mul((Num(-1), u))),
    )


LEAVES = st.one_of(st.sampled_from([x, y]), st.integers(-3, 3).map(Num))
EXPRS = st.recursive(LEAVES, _extend, max_leaves=10)
POINTS = [{"x": "0.7", "y": "-1.3"}, {"x": "1.9", "y": "0.45"}]


class Undefined(Exception):
    """The expression has no (reasonable) value at the point."""


def value(e: Expr, env: dict[str, str]) -> tuple[mpmath.mpf, mpmath.mpf]:
    """Value at a point with 60 digits, and the largest magnitude met on the way."""
    got: dict[Expr, mpmath.mpf] = {}
    scale = mpmath.mpf(1)
    with mpmath.workdps(60):
        for node in postorder(e):
            k = [got[c] for c in node.children]
            try:
                if isinstance(node, Num):
                    v = mpmath.mpf(node.value.numerator) / node.value.denominator
                elif isinstance(node, Var):
                    v = mpmath.mpf(env[node.name])
                elif isinstance(node, Add):
                    v = mpmath.fsum(k)
                elif isinstance(node, Mul):
                    v = mpmath.fprod(k)
                elif isinstance(node, Pow):
                    if k[1] != int(k[1]) or abs(k[1]) > 64 or abs(k[0]) > 10**40:
                        raise Undefined
                    v = k[0] ** int(k[1])
                elif isinstance(node, Call) and node.name == "sin":
                    if abs(k[0]) > 10**6:
                        raise Undefined
                    v = mpmath.sin(k[0])
                elif isinstance(node, Call) and node.name == "exp":
                    if k[0] > 200:
                        raise Undefined
                    v = mpmath.exp(k[0])
                else:
                    raise AssertionError(f"no value for {show(node)}")
            except ZeroDivisionError as err:
                raise Undefined from err
            got[node] = v
            scale = max(scale, abs(v))
    return got[e], scale


def same_value(original: Expr, simplified: Expr) -> None:
    for env in POINTS:
        try:
            want, scale1 = value(original, env)
        except Undefined:
            assume(False)
            return
        try:
            got, scale2 = value(simplified, env)
        except Undefined:
            assume(False)
            return
        tolerance = mpmath.mpf(10) ** -40 * max(scale1, scale2)
        assert abs(got - want) <= tolerance, f"{show(original)} -> {show(simplified)} at {env}"


@given(EXPRS)
def test_simplify_preserves_value(e: Expr) -> None:
    try:
        result = simplify(e)
    except DomainError:
        with pytest.raises(Undefined):
            for env in POINTS:
                value(e, env)
        return
    same_value(e, result)


@given(EXPRS)
def test_expand_preserves_value(e: Expr) -> None:
    try:
        result = simplify(e, expand=True)
    except DomainError:
        return
    same_value(e, result)


@given(EXPRS, st.booleans())
def test_simplify_is_idempotent(e: Expr, expand_too: bool) -> None:
    try:
        once = simplify(e, expand=expand_too)
    except DomainError:
        return
    assert simplify(once, expand=expand_too) is once


@given(EXPRS)
def test_steps_chain_and_end_in_the_result(e: Expr) -> None:
    try:
        result, steps = simplify_steps(e)
    except DomainError:
        return
    before = e
    for step in steps:
        assert step.rule in RULES
        assert step.before is before and step.after is not step.before
        before = step.after
    assert before is result or (not steps and result is flatten(e))


@given(EXPRS)
def test_arithmetic_preserves_value(e: Expr) -> None:
    same_value(e, arithmetic(e))


def test_fractions_stay_exact() -> None:
    result = simplify(A(M(N("1/3"), x), M(N("1/6"), x)))
    check(result, M(N(Fraction(1, 2)), x))
