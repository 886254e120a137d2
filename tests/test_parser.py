"""The parser: every construct of the input language, its errors and its limits."""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import symdiff
from symdiff.core.expr import Add, Call, Const, Expr, Indicator, Mul, Num, Pow, Var
from symdiff.errors import LimitError, ParseError, SymdiffError, UnsupportedError
from symdiff.limits import Limits
from symdiff.parsing.parser import grammar_path, load_grammar, parse, parse_definition, tokens

x, y, z, u = Var("x"), Var("y"), Var("z"), Var("u")
a, b, c = Var("a"), Var("b"), Var("c")
E, PI = Const("e"), Const("pi")


def n(value: int | str) -> Num:
    return Num(Fraction(value))


def inv(e: Expr) -> Pow:
    return Pow(e, n(-1))


def f(name: str, *args: Expr, deriv: tuple[int, ...] = ()) -> Call:
    return Call(name, args, deriv)


# ----- the same tree as an explicit spelling ---------------------------------------------
SAME = [  # source                          explicit form
    ("3x^3z - y^2 + 5z + 2yz", "3*x^3*z - y^2 + 5*z + 2*y*z"),
    ("2x + 3y²", "2*x + 3*y^2"),
    ("3x³ − y² + 5x + 2", "3*x^3 - y^2 + 5*x + 2"),
    ("2(x+1)", "2*(x+1)"),
    ("(x+1)(x-1)", "(x+1)*(x-1)"),
    ("x^2 sin(x)", "x^2*sin(x)"),
    ("2sin(x)cos(x)", "2*sin(x)*cos(x)"),
    ("w1x1 + w2x2", "w1*x1 + w2*x2"),
    ("x(x+1)", "x*(x+1)"),
    ("2x f(x)", "2*x*f(x)"),
    ("x y", "x*y"),
    ("2 x", "2*x"),
    ("x^2(x+1)", "x^2*(x+1)"),
    ("x^2y", "x^2*y"),
    ("2x/3y", "2*x/3*y"),
    ("x**2", "x^2"),
    ("h(x) = 3(2x^2)^5", "3*(2*x^2)^5"),
    # Unicode
    ("3x³z", "3*x^3*z"),
    ("x⁻¹", "x^-1"),
    ("x²³", "x^23"),
    ("x·y × z ⋅ u", "x*y*z*u"),
    ("x ÷ y", "x/y"),
    ("x − y", "x - y"),
    ("−2y + 2z", "-2*y + 2*z"),
    ("15(2x²)⁴·4x", "15*(2*x^2)^4*4*x"),
    ("3·3x² − 0 + 5·1 + 0", "3*3*x^2 - 0 + 5*1 + 0"),
    ("f′(x)", "f'(x)"),
    ("θ₁ + x₁₂", "theta1 + x12"),
    ("α + θ + σ", "alpha + theta + sigma"),
    ("2πr", "2*pi*r"),
    # whitespace
    ("x\t+\n y\r\n* z", "x + y*z"),
    ("  sin ( x )  ", "sin(x)"),
]


@pytest.mark.parametrize(("source", "explicit"), SAME)
def test_same_tree_as_explicit_form(source: str, explicit: str) -> None:
    assert parse(source) is parse(explicit)


# ----- trees built with constructors ------------------------------------------------------
TREES = [
    # numbers and rational literals
    ("3", n(3)),
    ("2.5", n("5/2")),
    (".5", n("1/2")),
    ("1e-3", n("1/1000")),
    ("1E3", n(1000)),
    ("5/2", n("5/2")),
    ("6/4", n("3/2")),
    ("5/2*x", Mul((n("5/2"), x))),
    ("5/2x", Mul((n("5/2"), x))),
    ("5 / 2 x", Mul((n("5/2"), x))),
    ("-5/2x", Mul((n("-5/2"), x))),
    ("a - 5/2b", Add((a, Mul((n("-5/2"), b))))),
    ("x^(1/2)", Pow(x, n("1/2"))),
    ("x/2", Mul((x, inv(n(2))))),
    ("x*5/2", Mul((x, n(5), inv(n(2))))),
    ("5/2^2", Mul((n(5), inv(Pow(n(2), n(2)))))),
    ("x^5/2", Mul((Pow(x, n(5)), inv(n(2))))),
    ("2.5/2", Mul((n("5/2"), inv(n(2))))),
    ("5/0^2", Mul((n(5), inv(Pow(n(0), n(2)))))),  # 5/0 is a DomainError (test_hostile)
    # variables, constants, letter splitting
    ("x1", Var("x1")),
    ("w_12", Var("w_12")),
    ("b_1", Var("b_1")),
    ("w_1_2", Var("w_1_2")),
    ("x_i", Var("x_i")),
    ("alpha", Var("alpha")),
    ("alpha1", Var("alpha1")),
    ("α", Var("alpha")),
    ("λ", Var("lambda")),
    ("π", PI),
    ("pi", PI),
    ("e", E),
    ("e^x", Pow(E, x)),
    ("yz", Mul((y, z))),
    ("xyz", Mul((x, y, z))),
    ("xy1", Mul((x, Var("y1")))),
    ("w1x1", Mul((Var("w1"), Var("x1")))),
    ("αβ", Mul((Var("alpha"), Var("beta")))),
    ("xe", Mul((x, E))),
    ("e(x + 1)", Mul((E, Add((x, n(1)))))),
    ("f", Var("f")),
    # precedence and signs
    ("-x^2", Mul((n(-1), Pow(x, n(2))))),
    ("2^x^2", Pow(n(2), Pow(x, n(2)))),
    ("x^-1", Pow(x, n(-1))),
    ("2^-x^2", Pow(n(2), Mul((n(-1), Pow(x, n(2)))))),
    ("2*-3", Mul((n(2), n(-3)))),
    ("x*-y", Mul((x, Mul((n(-1), y))))),
    ("-x*y", Mul((n(-1), x, y))),
    ("-2x", Mul((n(-2), x))),
    ("-3", n(-3)),
    ("+x", x),
    ("a - b*c", Add((a, Mul((n(-1), b, c))))),
    ("a - 2x", Add((a, Mul((n(-2), x))))),
    ("x - y - z", Add((x, Mul((n(-1), y)), Mul((n(-1), z))))),
    ("-(x + y)", Mul((n(-1), Add((x, y))))),
    # n-ary chains, nesting kept by parentheses
    ("x + y + z", Add((x, y, z))),
    ("(x + y) + z", Add((Add((x, y)), z))),
    ("x + (y + z)", Add((x, Add((y, z))))),
    ("x*y*z", Mul((x, y, z))),
    ("x*(y*z)", Mul((x, Mul((y, z))))),
    ("(x*y)*z", Mul((Mul((x, y)), z))),
    ("((x))", x),
    # functions
    ("sin(x)", f("sin", x)),
    ("ln(x)", f("log", x)),
    ("relu(u)", f("relu", u)),
    ("max(x, y, 0)", f("max", x, y, n(0))),
    ("min(x)", f("min", x)),
    (
        "sqrt(x) + tanh(x) + sigmoid(x) + abs(x) + sign(x)",
        Add(tuple(f(name, x) for name in ("sqrt", "tanh", "sigmoid", "abs", "sign"))),
    ),
    ("f(g(x))", f("f", f("g", x))),
    ("f(g(y, h(x, z)))", f("f", f("g", y, f("h", x, z)))),
    ("f(x, y, z)", f("f", x, y, z)),
    # derivatives of abstract functions
    ("f'(u)", f("f", u, deriv=(0,))),
    ("f''(u)", f("f", u, deriv=(0, 0))),
    ("f'(g(x))", f("f", f("g", x), deriv=(0,))),
    ("g'[2](y, h(x, z))", f("g", y, f("h", x, z), deriv=(1,))),
    ("g''[1,2](x, y)", f("g", x, y, deriv=(0, 1))),
    ("g''[2, 1](x, y)", f("g", x, y, deriv=(0, 1))),
    ("f'[1](x)", f("f", x, deriv=(0,))),
    # indicators
    ("1(x > y)", Indicator(x, y)),
    ("1(x < y)", Indicator(y, x)),
    ("(x > y)", Indicator(x, y)),
    ("(x < y)", Indicator(y, x)),
    ("1(x + 1 > 2y)", Indicator(Add((x, n(1))), Mul((n(2), y)))),
    ("2*1(x > y)", Mul((n(2), Indicator(x, y)))),
    ("1(x > 0)*x", Mul((Indicator(x, n(0)), x))),
    ("1(x+1)", Mul((n(1), Add((x, n(1)))))),
    ("1(x+1)^2", Mul((n(1), Pow(Add((x, n(1))), n(2))))),
    ("x^1(x > y)", Mul((Pow(x, n(1)), Indicator(x, y)))),
]


@pytest.mark.parametrize(("source", "tree"), TREES)
def test_tree(source: str, tree: Expr) -> None:
    assert parse(source) is tree


# ----- definitions ----------------------------------------------------------------------
rate, time = Var("rate"), Var("time")
DEFINITIONS = [  # source, name, params, body
    ("f(x, y) = 3x^3 - y^2", "f", ("x", "y"), parse("3*x^3 - y^2")),
    ("h(x) = 3(2x^2)^5", "h", ("x",), parse("3*(2*x^2)^5")),
    ("f(rate, time) = rate*time", "f", ("rate", "time"), Mul((rate, time))),
    ("f(rate, time) = 2rate time", "f", ("rate", "time"), Mul((n(2), rate, time))),
    ("f(rate) = rate(rate + 1)", "f", ("rate",), Mul((rate, Add((rate, n(1)))))),
    ("f(x, y) = 2xy", "f", ("x", "y"), Mul((n(2), x, y))),
    ("f(e, x) = e*x", "f", ("e", "x"), Mul((Var("e"), x))),
    ("f(pi) = pi + π", "f", ("pi",), Add((Var("pi"), Var("pi")))),
    ("f(θ) = sin(θ)", "f", ("theta",), f("sin", Var("theta"))),
    ("f(x1, x2) = x1 x2", "f", ("x1", "x2"), Mul((Var("x1"), Var("x2")))),
    ("loss(w, b) = loss(w) + b", "loss", ("w", "b"), Add((f("loss", Var("w")), b))),
    ("k(x) = k'(x)", "k", ("x",), f("k", x, deriv=(0,))),
    ("g (x,y)=\n  x*y", "g", ("x", "y"), Mul((x, y))),
    ("x^2 + 1", None, None, parse("x^2 + 1")),
]


@pytest.mark.parametrize(("source", "name", "params", "body"), DEFINITIONS)
def test_definition(
    source: str, name: str | None, params: tuple[str, ...] | None, body: Expr
) -> None:
    d = parse_definition(source)
    assert (d.name, d.params, d.body) == (name, params, body)
    assert parse(source) is body


# ----- errors -----------------------------------------------------------------------------
BAD = [  # source, line, column, words in the message
    ("", 1, 1, "empty input"),
    ("  \n\t ", 1, 1, "empty input"),
    ("x^", 1, 3, 'unexpected end of input: expected a number, a variable or "(" after "^"'),
    ("x + * y", 1, 5, 'unexpected "*" after "+"'),
    ("x +", 1, 4, 'unexpected end of input: expected a number, a variable or "("'),
    ("*x", 1, 1, 'unexpected "*" at the start'),
    ("x^^2", 1, 3, 'unexpected "^" after "^": expected a number, a variable or "("'),
    ("3 +\n  * 4", 2, 3, 'unexpected "*" after "+"'),
    ("x)", 1, 2, 'unbalanced ")"'),
    ("(x + 1", 1, 7, 'expected an operator, ">", "<" or ")" (the "(" at line 1, column 1'),
    ("sin(x", 1, 6, "not closed"),
    ("x 2", 1, 3, 'unexpected "2" after "x": expected an operator'),
    ("2 3", 1, 3, 'unexpected "3"'),
    ("x > y", 1, 3, "parentheses"),
    ("(x > y > z)", 1, 8, 'unexpected ">" after "y"'),
    ("sin + x", 1, 5, 'unexpected "+" after "sin": expected "(" or an argument'),
    ("sin'(x)", 1, 4, 'unexpected "\'" after "sin"'),
    ("sinx", 1, 1, 'contains the function "sin"'),
    ("2xexp", 1, 2, '"exp"'),
    ("max()", 1, 5, 'unexpected ")"'),
    ("x[1]", 1, 2, 'unexpected "["'),
    ("x'", 1, 2, 'unexpected "\'"'),
    ("f'(x, y)", 1, 2, "argument positions"),
    ("g'[3](x, y)", 1, 4, "argument position 3"),
    ("g''[1](x, y)", 1, 2, "2 prime(s) but 1"),
    ("f'[1.5](x)", 1, 4, "argument position 1.5"),
    ("x\x00", 1, 2, "NUL byte"),
    ("x +\n\x07", 2, 1, "control character (U+0007)"),
    ("x + \u0445", 1, 5, "CYRILLIC SMALL LETTER HA"),
    ("\uff58^2", 1, 1, "FULLWIDTH LATIN SMALL LETTER X"),
    ("x \u2265 y", 1, 3, "GREATER-THAN OR EQUAL TO"),
    ("\\frac{1}{x}", 1, 1, "LaTeX input is not accepted; write 1/x"),
    ("2 + \\sin x", 1, 5, "LaTeX"),
    ("lambda: 1", 1, 7, "not Python"),
    ("__import__('os')", 1, 1, "not Python"),
    ("x.__class__", 1, 2, "not Python"),
    ("x + 1 = 3", 1, 7, 'unexpected "="'),
    ("f(x, x) = x", 1, 6, 'parameter "x" is repeated'),
    ("f(x, f) = x", 1, 6, "not allowed"),
    ("f(x,) = x", 1, 5, "expected a parameter name"),
    ("f(x+1) = x", 1, 3, "not a parameter name"),
    ("sin(x) = x", 1, 1, "built in"),
    ("f(x) =  ", 1, 7, 'expected an expression after "="'),
    ("f(x) = *x", 1, 8, 'unexpected "*" after "="'),
    ("f(x) = x = 1", 1, 10, 'unexpected character "="'),
]


@pytest.mark.parametrize(("source", "line", "column", "words"), BAD)
def test_parse_error(source: str, line: int, column: int, words: str) -> None:
    with pytest.raises(ParseError) as info:
        parse(source)
    err = info.value
    assert (err.line, err.column) == (line, column), str(err)
    assert words in err.message
    caret = err.excerpt.splitlines()[-1]
    assert caret.endswith("^") and len(caret) == column, err.excerpt


def test_parse_error_fields_and_excerpt() -> None:
    with pytest.raises(ParseError) as info:
        parse("x + * y")
    err = info.value
    assert str(err).startswith('line 1, column 5: unexpected "*" after "+": expected a number')
    assert err.expected == 'a number, a variable or "("'
    assert err.excerpt == "x + * y\n    ^"


def test_excerpt_keeps_tabs_and_cuts_long_lines() -> None:
    with pytest.raises(ParseError) as info:
        parse("\tx +\t*")
    assert info.value.excerpt == "\tx +\t*\n\t   \t^"
    with pytest.raises(ParseError) as info:
        parse("x + " * 5_000 + "*")
    assert info.value.column == 20_001
    assert len(info.value.excerpt) < 300


UNSUPPORTED = [  # source, words in the message
    ("sinz(x)", "unknown function 'sinz' at line 1, column 1"),
    ("sinz(x)", "did you mean sin"),
    ("cosz(x)", "did you mean cos"),
    ("foo(x)", "symdiff --functions lists the known functions"),
    ("2sinz(x)", "did you mean sin"),
    ("log3(x)", "did you mean log"),
    ("xy(x + 1)", "for a product, write x*y*(...)"),
    ("xf(x)", "for a product, write x*f(...)"),
    ("2yz(x+1)", "unknown function 'yz' at line 1, column 2"),  # a run before "(" never splits
    ("2xf(x)", "for a product, write x*f(...)"),
    ("sin(x, y)", "sin() takes 1 argument, not 2 (at line 1, column 1)"),
    ("x + log(x, 2, 3)", "log() takes 1 or 2 arguments, not 3 (at line 1, column 5)"),
]


@pytest.mark.parametrize(("source", "words"), UNSUPPORTED)
def test_unsupported(source: str, words: str) -> None:
    with pytest.raises(UnsupportedError, match=None) as info:
        parse(source)
    assert words in str(info.value)


LIMITS = [  # source, limits, words
    ("x + y", Limits(max_input_chars=4), "input has 5 characters; the limit is 4"),
    ("1" * 1001, Limits(), "more than 1000 digits"),
    ("x + 1." + "0" * 1000, Limits(), "more than 1000 digits"),
    ("1e5000", Limits(), "more than 1000 digits"),
    ("x^²²²²²", Limits(max_literal_digits=4), "more than 4 digits"),
    ("(" * 11 + "x" + ")" * 11, Limits(max_depth=10), "nesting depth"),
    ("f" + "'" * 21 + "(x)", Limits(), "order 21"),
    # the nesting depth counts powers, unary signs and calls as well as parentheses
    ("x^x^x^x", Limits(max_depth=2), "nesting depth at line 1, column 6"),
    ("---x", Limits(max_depth=2), "nesting depth at line 1, column 3"),
    ("sin(sin(sin(x)))", Limits(max_depth=2), "nesting depth at line 1, column 12"),
    ("x^-(-x)", Limits(max_depth=2), "nesting depth at line 1, column 4"),
    ("x1 + x2 + x3 + x4", Limits(max_nodes=4), "5 distinct nodes; the limit is 4"),
    ("x + y " * 5000, Limits(timeout=1e-9), "time limit"),
]


@pytest.mark.parametrize(("source", "limits", "words"), LIMITS)
def test_limits(source: str, limits: Limits, words: str) -> None:
    with pytest.raises(LimitError) as info:
        parse(source, limits)
    assert words in str(info.value)


def test_limits_are_inclusive() -> None:
    assert parse("x^x^x", Limits(max_depth=2)) is Pow(x, Pow(x, x))
    assert parse("a - b - c - d", Limits(max_depth=1)) is Add((a, -b, -c, -Var("d")))
    assert parse("x1 + x2 + x3", Limits(max_nodes=4)) is parse("x1 + x2 + x3")
    assert parse("1" * 1000) is n("1" * 1000)
    assert parse("(" * 10 + "x" + ")" * 10, Limits(max_depth=10)) is x
    assert parse("x + y", Limits(max_input_chars=5)) is Add((x, y))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from([*"xyefg12 .+-*/^()[],'<>=_:θ²⁻·", "sin", "1(", "5 / 2", "f(x) ="]),
                max_size=12).map("".join))  # fmt: skip
def test_any_text_parses_or_raises_a_symdiff_error(source: str) -> None:
    try:
        parse_definition(source)
    except SymdiffError:
        pass


def test_type_error_for_non_text() -> None:
    with pytest.raises(TypeError):
        parse(b"x")  # type: ignore[arg-type]


# ----- depth, size, speed -----------------------------------------------------------------
def test_100000_nested_parentheses() -> None:
    depth = 100_000
    assert parse("(" * depth + "x" + ")" * depth) is x
    with pytest.raises(LimitError):
        parse("(" * (depth + 1) + "x" + ")" * (depth + 1))


def test_100000_nested_one_parenthesis_short_reports_its_error() -> None:
    """The error is found on a view of the parser's stack, never a copy per candidate token."""
    depth = 100_000
    for head in ("(", "sin("):
        with pytest.raises(ParseError) as info:
            parse(head * depth + "x" + ")" * (depth - 1))
        assert info.value.message.startswith("unexpected end of input: expected an operator")
        assert info.value.message.endswith(
            '(the "(" at line 1, column ' + str(len(head)) + " is not closed)"
        )


def test_50000_nested_calls() -> None:
    node = parse("sin(" * 50_000 + "x" + ")" * 50_000)
    for _ in range(50_000):
        assert isinstance(node, Call) and node.name == "sin"
        node = node.args[0]
    assert node is x


def test_deep_power_tower_and_error_at_depth() -> None:
    node = parse("x^" * 10_000 + "y")
    for _ in range(10_000):
        assert isinstance(node, Pow) and node.base is x
        node = node.exp
    assert node is y
    with pytest.raises(ParseError) as info:
        parse("(" * 20_000 + "*")
    assert info.value.column == 20_001


def test_long_chains_are_one_node() -> None:
    terms = parse(" + ".join(f"3*x{i}^2*w_{i}" for i in range(2_000)))
    assert isinstance(terms, Add) and len(terms.terms) == 2_000
    factors = parse("*".join(f"x{i}" for i in range(2_000)))
    assert isinstance(factors, Mul) and len(factors.factors) == 2_000


# ----- printed forms parse back -----------------------------------------------------------
PRINTED = ["3*x^2 + 1", "x - 2*y", "-x^2", "x/y", "x^-1", "5/2", "sin(x)", "max(x, y)",
           "1(x > y)", "e", "pi", "f'(g(x))", "f''(x)", "g'[2](y, h(x, z))", "(x*y)*z",
           "x*(y*z)"]  # fmt: skip


@pytest.mark.parametrize("text", PRINTED)
def test_printed_form_round_trips(text: str) -> None:
    node = parse(text)
    assert parse(str(node)) is node


# ----- tokens and grammar loading ---------------------------------------------------------
def test_tokens() -> None:
    assert [(t.type, t.value) for t in tokens("2yz*(x) + 5/2 - 1(x > 0)")] == [
        ("NUMBER", "2"), ("NAME", "y"), ("NAME", "z"), ("_STAR", "*"), ("_LPAR", "("),
        ("NAME", "x"), ("_RPAR", ")"), ("_PLUS", "+"), ("RATIONAL", "5/2"), ("_MINUS", "-"),
        ("_INDICATOR_OPEN", "1("), ("NAME", "x"), ("_GT", ">"), ("NUMBER", "0"), ("_RPAR", ")"),
    ]  # fmt: skip


def test_grammar_is_found_beside_the_running_package() -> None:
    """Run from the source tree, the top-level grammar/; installed, the package's copy."""
    package = Path(symdiff.__file__).resolve().parent
    installed = package / "grammar" / "symdiff.lark"
    source = package.parent / "grammar" / "symdiff.lark"
    assert grammar_path().resolve() == (installed if installed.is_file() else source)
    assert "start: sum" in load_grammar()


def test_grammar_is_found_in_an_installed_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packaged = tmp_path / "grammar" / "symdiff.lark"
    packaged.parent.mkdir()
    packaged.write_text("// packaged\n", encoding="utf-8")
    monkeypatch.setattr("symdiff.parsing.grammar.resources.files", lambda _: tmp_path)
    assert grammar_path() == packaged
    assert load_grammar() == "// packaged\n"


def test_importing_the_parser_does_not_import_lark() -> None:
    code = "import sys, symdiff.parsing.parser; print('lark' in sys.modules)"
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr
