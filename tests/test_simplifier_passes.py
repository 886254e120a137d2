"""The simplifier's passes and its one engine: a text table per pass, and the guard property.

Each table row is input text -> the simplified text, and the pass of the table
must be among the rules the engine recorded (mathsteps style: one table per pass).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import symdiff
from strategies import exprs
from symdiff.calculus.differentiate import differentiate
from symdiff.core.expr import Add, Call, Const, Expr, Indicator, Mul, Num, Pow, Var
from symdiff.core.walk import postorder
from symdiff.errors import LimitError, SymdiffError
from symdiff.limits import Limits
from symdiff.simplifier import PASSES, RULES, arithmetic, simplify, simplify_steps
from symdiff.simplifier.engine import run

TABLES: dict[str, list[tuple[str, str]]] = {
    "identities": [
        ("x*1 + 0", "x"),
        ("x^1", "x"),
        ("x^0 + y", "1 + y"),
        ("1^x", "1"),
        ("0^3*x", "0"),
        ("0*x + y", "y"),
    ],
    "function-values": [
        ("cos(0) + x", "1 + x"),
        ("log(exp(x))", "x"),
        ("log(e)*x", "x"),
        ("sqrt(4)", "2"),
        ("max(x)", "x"),
        ("max(2, 3)", "3"),
        ("abs(-3)", "3"),
        ("sigmoid(0)", "1/2"),
    ],
    "indicators": [
        ("1(x > 0)*1(x > 0)", "1(x > 0)"),
        ("1(x > 0)*1(0 > x)", "0"),
        ("1(2 > 1)", "1"),
        ("1(x > x)", "0"),
        ("1(x > 0)^3", "1(x > 0)"),
    ],
    "distribute-exponent": [
        ("(2*x^2)^4", "16*x^8"),
        ("(x^2)^3", "x^6"),
        ("(x*y)^2", "x^2*y^2"),
        ("(x^a)^2", "x^(2*a)"),
        ("(x*x^a)^2", "x^(2*(1 + a))"),  # the product is combined first (innermost first)
        ("(x^a*x)^3*x", "x^(3*a + 4)"),  # the exponent multiplied out (expand-polynomial)
    ],
    "combine-powers": [
        ("x*x", "x^2"),
        ("x^2*x^3", "x^5"),
        ("x*x^(-1)", "1"),
        ("x^a*x^b", "x^(a + b)"),
        ("x^8*4*x", "4*x^9"),
        # a power with an exponent of its base's variable stays above the bar when the
        # quotient has another factor there; alone, or with a positive power, it merges
        ("x^(1/x)*(1 - ln(x))*x^(-3)*x", "x^(x^-1)*(1 - log(x))*x^-2"),
        ("x^(1/x)*x^(-2)", "x^(x^-1 - 2)"),
        ("x^x*y*x", "x^(x + 1)*y"),
        ("x^x*x^x*y*x^(-1)", "x^(2*x)*y/x"),
        ("x^a*y*x^(-1)", "x^(a - 1)*y"),  # a is not x: the exponent is a constant
    ],
    "combine-constants": [
        ("2*3*x", "6*x"),
        ("2 + x + 3", "5 + x"),
        ("2^10", "1024"),
        ("4^(1/2)", "2"),
        ("15*2^4*4*x", "960*x"),
        ("sin(2^2)*2^(1/2)*2^2*e", "4*sin(4)*2^(1/2)*e"),  # 2^2 is 4 before powers meet
        ("(5/2)^x*x*(5/2)^(-1)", "2/5*x*(5/2)^x"),  # (5/2)^-1 is a number first
        ("2^x*2*2^(-1)", "2^x"),
    ],
    "collect-terms": [
        ("2*x + 3*x", "5*x"),
        ("x + y + x", "2*x + y"),
        ("x*y - y*x", "0"),
        ("3x^3 + 5 + 2y + x^3", "4*x^3 + 5 + 2*y"),
        ("a*b + c + b*a*2 - 3*a*b", "c"),
        ("y*x + z + x*y - y*x", "x*y + z"),  # the survivor keeps the first place
        ("y*(a - a) + x + y", "x + y"),  # a - a is 0 before y*0 meets y
        ("2*sin(x)*cos(x) - 2*cos(x)*sin(x)", "0"),  # alike whatever the order of the factors
        ("exp(x)*sin(x) + 3*sin(x)*exp(x)", "4*exp(x)*sin(x)"),
    ],
    "pythagorean": [
        ("sin(x)^2 + cos(x)^2", "1"),
        ("3*y*cos(2*x)^2 + 3*y*sin(2*x)^2 + z", "3*y + z"),
        ("1 + tan(x)^2", "sec(x)^2"),
        ("1 - sin(x)^2", "cos(x)^2"),
        ("2 - 2*cos(x)^2", "2*sin(x)^2"),
        ("sec(x)^2 - tan(x)^2", "1"),
        ("x*sec(x)^2 - x", "x*tan(x)^2"),
    ],
    "expand-polynomial": [
        ("2*x*(x - 3) + x^2", "3*x^2 - 6*x"),
        ("2*(3*x - 2) + 3*(2*x + 1)", "12*x - 1"),
        ("(x + 1)^2 - (x - 1)^2", "4*x"),
        ("(2*x*(x - 1) - (x^2 + 1))/(x - 1)^2", "(x^2 - 2*x - 1)*(x - 1)^-2"),
    ],
    "expand-numerator": [
        ("((x + 1)*exp(x) - x*exp(x))/exp(x)^2", "exp(x)^-1"),
        ("(x*(sin(x) + 1) - x*sin(x))/x^3", "x^-2"),
        ("(3 + x*(x + 2))/x", "(x^2 + 2*x + 3)/x"),  # a short polynomial, by degree
    ],
    "factor-numerator": [
        ("(x*exp(x) - exp(x))/x^2", "exp(x)*(x - 1)*x^-2"),
        ("(x^2*exp(x) - 2*x*exp(x))/x^4", "exp(x)*(x - 2)*x^-3"),
        ("(-x*sin(x) - cos(x))/x^2", "-(x*sin(x) + cos(x))*x^-2"),  # the sign taken out
        ("(3*x^2*(x^2 - 4) - 2*x^4)/(x^2 - 4)^2", "x^2*(x^2 - 12)*(x^2 - 4)^-2"),
    ],
    "cancel-factors": [
        ("(x + 1)*(1 + x)^-2", "(1 + x)^-1"),
        ("(cos(x) + 1)/(1 + cos(x))^3", "(1 + cos(x))^-2"),
    ],
    "quotient-identities": [
        ("sin(x)/cos(x)", "tan(x)"),
        ("3*cos(2*x)/sin(2*x)", "3*cot(2*x)"),
        ("sinh(x)/cosh(x)^2", "sech(x)*tanh(x)"),  # what is left below: its reciprocal
        ("cos(x)/sin(x)^2", "csc(x)*cot(x)"),
        ("sin(x)*sec(x)^2", "sec(x)*tan(x)"),  # a secant counts as 1/cos
        ("sin(x)^3/cos(x)", "tan(x)*sin(x)^2"),
    ],
    "reciprocal-identities": [
        ("cos(x)^-2", "sec(x)^2"),
        ("3*cos(2*x)^-4", "3*sec(2*x)^4"),
    ],
    "combine-roots": [
        ("sqrt(x)/x", "sqrt(x)^-1"),
        ("exp(x)/sqrt(exp(x))", "sqrt(exp(x))"),
        ("3*(x + 1)^2/sqrt(x + 1)", "3*(x + 1)*sqrt(x + 1)"),
        ("x*cbrt(x)^-2", "cbrt(x)"),  # x = (∛x)³
        ("cbrt(x)^2/x", "cbrt(x)^-1"),
        ("x^2*cbrt(x)^-1", "x*cbrt(x)^2"),  # (∛x)⁵, then root-powers
    ],
    "root-powers": [
        ("sqrt(x)^2", "x"),
        ("sqrt(x + 1)^-2*y", "y/(x + 1)"),
        ("sqrt(x)^-3", "x^-1/sqrt(x)"),
        ("sqrt(x)^5", "x^2*sqrt(x)"),
        ("cbrt(x)^3", "x"),  # the cube root of the table's row (root=3), negative x too
        ("cbrt(x - 1)^-3", "(x - 1)^-1"),
        ("cbrt(x)^4", "x*cbrt(x)"),
        ("cbrt(x)^-5", "x^-1*cbrt(x)^-2"),
    ],
    "clear-fractions": [
        ("(1 + x^-2)^-1", "x^2/(x^2 + 1)"),
        ("1/(1 + x^2/4)", "4/(4 + x^2)"),
        ("(x/2 + 1)/(x + 1)", "1/2*(x + 2)/(x + 1)"),
    ],
    "common-denominator": [
        ("x^-2 - y*x^-2", "(1 - y)*x^-2"),
        ("y/x + z/x", "(y + z)/x"),
    ],
    "positive-first": [
        ("(-x^2 + 1)/(x^2 + 1)^2", "(1 - x^2)*(x^2 + 1)^-2"),
        ("(-y + x)/x", "(x - y)/x"),
    ],
    "distribute-number": [
        ("3*(2*x + 2)", "6*x + 6"),
        ("2*(x/2 + 1)", "x + 2"),
    ],
    "expand-fractions": [
        ("(x + x^-1)*(x - x^-1)", "x^2 - x^-2"),
        ("2*(x + 1/x)*(1 - 1/x^2)", "2*x - 2*x^-3"),
    ],
    "order-factors": [
        ("y*x", "x*y"),
        ("z*sin(x)*x*2", "2*x*z*sin(x)"),
        ("x10*x2", "x2*x10"),
        ("y^2*x", "x*y^2"),
    ],
    "expand": [
        ("a*(b + c)", "a*b + a*c"),
        ("(x + 1)^2", "x^2 + 2*x + 1"),
        ("(x + 1)*(x - 1)", "x^2 - 1"),
        ("(x + y)^2", "x^2 + 2*x*y + y^2"),
    ],
    "factor": [
        ("x*exp(x) - exp(x)", "exp(x)*(x - 1)"),
        ("6*x^2 + 3*x", "3*x*(2*x + 1)"),
        ("-2*x - 4", "-2*(x + 2)"),
        ("2*x*exp(x) + x^2*exp(x)", "x*exp(x)*(2 + x)"),
        ("(x*exp(x) - exp(x))/x^2", "exp(x)*(x - 1)*x^-2"),
    ],
}

ROWS = [(rule, source, expected) for rule, rows in TABLES.items() for source, expected in rows]

# the textbook-form passes leave these alone (the text is its own simplified form)
LEFT_ALONE = [
    "sin(x)^2 + cos(y)^2",  # different arguments: no Pythagorean identity
    "sin(x)^2 + 2*cos(x)^2",  # different coefficients
    "(x*cos(x) - sin(x))/x^2",  # no sum to multiply out above the bar
    "x*(x + 1)^2",  # a product, not a sum: expand only when asked
    "x*(x + 1) + x",  # x^2 + 2*x is no shorter
    "sin(x)*(x + 1) + x",  # not a polynomial
    "sin(x)/cos(y)",  # different arguments: no quotient identity
    "x*sqrt(x)",  # powers of one sign: x√x stays
]


def test_every_pass_has_a_table() -> None:
    assert list(TABLES) == list(RULES)


@pytest.mark.parametrize(("rule", "source", "expected"), ROWS)
def test_pass_table(rule: str, source: str, expected: str) -> None:
    e = symdiff.parse(source)
    form = {"expand": rule == "expand", "factor": rule == "factor"}
    result, lines = simplify_steps(e, **form)
    assert str(result) == expected
    assert result is simplify(e, **form)
    assert rule in {s.rule for line in lines for s in line.substeps}


@pytest.mark.parametrize("source", LEFT_ALONE)
def test_textbook_passes_leave_alone(source: str) -> None:
    e = symdiff.parse(source)
    _, lines = simplify_steps(e)
    textbook = {"pythagorean", "expand-polynomial", "expand-numerator", "cancel-factors",
                "quotient-identities", "combine-roots"}  # fmt: skip
    assert not (textbook | {"reciprocal-identities"}) & {
        s.rule for line in lines for s in line.substeps
    }


@pytest.mark.parametrize("row", PASSES, ids=RULES)
def test_pass_row_example(row: symdiff.simplifier.Pass) -> None:
    source, expected = row.example.split(" -> ")
    e = symdiff.parse(source)
    assert str(simplify(e, expand=row.id == "expand", factor=row.id == "factor")) == expected
    assert row.module.ID == row.id and row.module.__name__.endswith(row.id.replace("-", "_"))


# raw constructors too: one-factor products, numbers anywhere, nested products
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
        st.tuples(sub, st.sampled_from([Num(0), Num(1), Num(2), Num(-1), Num("1/2"), y])).map(
            lambda p: Pow(*p)
        ),
        st.tuples(sub, sub).map(lambda p: Pow(*p)),
        st.tuples(sub, sub).map(lambda p: Indicator(*p)),
        sub.map(lambda u: Call("sin", (u,))),
        sub.map(lambda u: Call("log", (u,))),
        st.tuples(sub, sub).map(lambda p: Call("max", p)),
    ),
    max_leaves=14,
)
ANY = RAW | exprs(("x", "y"), max_leaves=14)


def _nodes(e: Expr) -> list[Expr]:
    """``e``'s nodes and those of its raw derivatives."""
    out = postorder(e)
    for name in ("x", "y"):
        try:
            out += postorder(differentiate(e, name)[0])
        except SymdiffError:
            pass
    return out


@given(ANY)
def test_guard_false_means_rewrite_leaves_the_node(e: Expr) -> None:
    for node in _nodes(e):
        for row in PASSES:
            if isinstance(node, row.kinds) and not row.module.applies(node):
                assert row.module.rewrite(node, node.children) is node, (row.id, str(node))


@given(ANY)
def test_recording_is_the_same_call(e: Expr) -> None:
    try:
        plain = simplify(e)
    except SymdiffError:
        return
    result, lines = simplify_steps(e)
    assert result is plain
    before = e
    for line in lines:  # whole-expression lines, chained, each a change
        assert line.rule in RULES and line.before is before and line.after is not before
        before = line.after
    assert not lines or before is result
    assert simplify(result) is result


@pytest.mark.parametrize(
    ("source", "var"), [("3(2x^2)^5", "x"), ("x*y + y*x", "y"), ("max(x, 0)^2", "x")]
)
def test_derive_result_is_diff(source: str, var: str) -> None:
    assert symdiff.derive(source, var).result is symdiff.diff(source, var)


def test_steps_name_the_sub_expression_and_its_path() -> None:
    e = symdiff.parse("x + sin(y*y)")
    _, steps = run(e, PASSES[:-1])
    assert [(s.rule, str(s.before), str(s.after), s.path) for s in steps] == [
        ("combine-powers", "y*y", "y^2", (1, 0))
    ]


def test_step_limit_counts_rewrites_in_both_modes() -> None:
    e = symdiff.parse("15(2x^2)^4*4x")  # 4 rewrites
    for call in (simplify, lambda e, limits: simplify_steps(e, limits=limits)[0]):
        with pytest.raises(LimitError, match="more than 3 rewrites"):
            call(e, limits=Limits(max_simplify_steps=3))
        assert str(call(e, limits=Limits(max_simplify_steps=4))) == "960*x^9"


@pytest.mark.parametrize(
    ("source", "expected"),
    [  # max_fold_bits=64: every pass that computes numbers leaves big ones alone
        ("2^40*2^40*x", "1099511627776*1099511627776*x"),  # combine-constants
        ("2^70 + x", "2^70 + x"),  # combine-constants (a power)
        ("(x^(2^40))^(2^40)", "x^(1099511627776*1099511627776)"),  # distribute-exponent
        ("x^(2^62)*x^(2^62)", "x^(4611686018427387904 + 4611686018427387904)"),  # combine-powers
        ("2^62*x + 2^62*x", "4611686018427387904*x + 4611686018427387904*x"),  # collect-terms
    ],
)
def test_fold_bits_bound_every_pass(source: str, expected: str) -> None:
    limits = Limits(max_fold_bits=64)
    assert str(simplify(symdiff.parse(source), limits=limits)) == expected


def test_fold_bits_bound_the_arithmetic_line() -> None:
    big = Mul((Num(2**40), Num(2**40), x))
    assert arithmetic(big, Limits(max_fold_bits=64)) is big
    assert arithmetic(big) is Mul((Num(2**80), x))


def test_time_limit_is_polled() -> None:
    e = symdiff.parse("+".join(f"x{i}*y{i}" for i in range(3000)))
    with pytest.raises(LimitError, match="simplification exceeded the time limit"):
        simplify(e, limits=Limits(timeout=1e-9).begin())
