"""Names: variable arguments, the CSE form's names, batch records, and numbers of any size.

A variable argument is a variable name as the lexer reads it (in the expression's context);
anything else is a ``SymdiffError`` naming it.  A valid name that does not occur gives 0,
and the command says so on stderr.  Every probe that once ended in an internal error now
ends in one line on stderr (exit 2) or in a correct answer.
"""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import symdiff
from symdiff import diff, gradient, hessian, jacobian, partial, var
from symdiff.api import as_definition
from symdiff.cli import main
from symdiff.core.expr import Expr, Var
from symdiff.core.walk import substitute
from symdiff.errors import SymdiffError, UnsupportedError
from symdiff.naming import read_names
from symdiff.printers.cse import to_cse

SHAPE = "a variable name is a letter (Latin or Greek)"

# ----- the API: a variable argument -> its derivative, or the error naming it ----------------
EXPR = "x^2 + x_1*y + theta*z1"
NAMES = [  # name        expected derivative, or the start of the error message
    ("x",               "2*x"),
    ("y",               "x_1"),
    ("x_1",             "y"),
    ("x₁",              "0"),            # subscript digits: the lexer's x1 (not x_1)
    ("θ",               "z1"),           # Greek: the lexer's theta
    ("theta",           "z1"),
    ("z1",              "theta"),
    ("w",               "0"),            # valid, absent: 0
    ("w_12",            "0"),
    ("f",               "0"),            # a letter that calls only before "("
    ("",                "'' is not a variable name: " + SHAPE),
    ("x+y",             "'x+y' is not a variable name: " + SHAPE),
    ("2",               "'2' is not a variable name: " + SHAPE),
    ("__class__",       "'__class__' is not a variable name: " + SHAPE),
    ("x y",             "'x y' is not a variable name (it reads as x*y): " + SHAPE),
    ("xy",              "'xy' is not a variable name (it reads as x*y): " + SHAPE),
    ("rate",            "'rate' is not a variable name (it reads as r*a*t*e): " + SHAPE),
    ("e",               "'e' is not a variable name (it is the constant e): " + SHAPE),
    ("pi",              "'pi' is not a variable name (it is the constant pi): " + SHAPE),
    ("sin",             "'sin' is not a variable name (it is the function sin): " + SHAPE),
    ("x'",              "\"x'\" is not a variable name: " + SHAPE),
    (" x",              "' x' is not a variable name: " + SHAPE),
    ("(x)",             "'(x)' is not a variable name: " + SHAPE),
    ("x^1",             "'x^1' is not a variable name: " + SHAPE),
]  # fmt: skip


@pytest.mark.parametrize(("name", "expected"), NAMES)
def test_diff_by_a_variable_argument(name: str, expected: str) -> None:
    if "not a variable name" in expected:
        with pytest.raises(UnsupportedError) as error:
            diff(EXPR, name)
        assert str(error.value).startswith(expected)
    else:
        assert str(diff(EXPR, name)) == expected


@pytest.mark.parametrize(("name", "expected"), [n for n in NAMES if "not a" in n[1]])
def test_every_call_taking_variables_refuses_a_bad_name(name: str, expected: str) -> None:
    calls = [
        lambda: gradient(EXPR, vars=["x", name]),
        lambda: hessian(EXPR, ["x", name]),
        lambda: jacobian([EXPR, "x"], ["x", name]),
        lambda: partial(EXPR, "x", name),
        lambda: symdiff.nth_derivative(EXPR, name, 2),
        lambda: symdiff.derive(EXPR, name),
        lambda: symdiff.check_answer(EXPR, "0", [name]),
    ]
    for call in calls:
        with pytest.raises(SymdiffError, match="is not a variable name"):
            call()


def test_gradient_with_a_numeral_among_its_variables() -> None:
    with pytest.raises(UnsupportedError, match="'1' is not a variable name"):
        gradient("x^2", vars=["x", "1"])


def test_names_in_context_parameters_and_built_variables() -> None:
    assert str(diff("f(rate, x) = rate^2 x", "rate")) == "2*rate*x"
    assert str(diff("f(e) = e^2", "e")) == "2*e"  # a parameter, not the constant
    assert str(diff("f(xy) = xy^3", "xy")) == "3*xy^2"
    rate, x = var("rate"), var("x")
    assert str(diff(rate**2 * x, "rate")) == "2*rate*x"  # built with var(): it occurs
    assert [[str(e) for e in row] for row in hessian(rate * x, ["rate", "x"])] == [
        ["0", "1"],
        ["1", "0"],
    ]
    # a Jacobian reads a name in the context of any of its functions
    assert [[str(e) for e in r] for r in jacobian(["f(rate) = rate", "x"], ["rate", "x"])] == [
        ["1", "0"],
        ["0", "1"],
    ]


def test_a_name_that_is_not_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="a variable name is a str"):
        diff("x^2", 1)  # type: ignore[arg-type]


# ----- the command: the same table, and the note for an absent name ------------------------
def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


COMMAND = [  # --wrt         stdout            stderr
    ("x",                 "2*x\n",           ""),
    ("x₁",                "0\n",             "symdiff: note: x1 does not occur in the "
                                             "expression; the derivative by x1 is 0"),
    ("θ",                 "z1\n",            ""),
    ("w",                 "0\n",  "symdiff: note: w does not occur in the expression; "
                                  "the derivative by w is 0\n"),
    ("x+y",               "",     "symdiff: error: 'x+y' is not a variable name: " + SHAPE),
    ("2",                 "",     "symdiff: error: '2' is not a variable name: " + SHAPE),
    ("__class__",         "",     "symdiff: error: '__class__' is not a variable name: " + SHAPE),
    ("x y",               "",     "symdiff: error: 'x y' is not a variable name (it reads "
                                  "as x*y): " + SHAPE),
]  # fmt: skip


@pytest.mark.parametrize(("name", "out", "err"), COMMAND)
def test_command_wrt(capsys: pytest.CaptureFixture[str], name: str, out: str, err: str) -> None:
    code, shown, errors = run(capsys, EXPR, "--wrt", name, "--format", "text")
    assert (code, shown) == ((2, "") if "error" in err else (0, out))
    assert errors.startswith(err) and errors.count("\n") == (1 if err else 0)


def test_command_notes_every_absent_variable_once(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "grad", "x*y", "--vars", "x,y,z,w", "--format", "text")
    assert code == 0 and out.splitlines()[2:] == ["df/dz = 0", "df/dw = 0"]
    assert err == (
        "symdiff: note: z and w do not occur in the expression; derivatives by them are 0\n"
    )
    code, out, err = run(capsys, "f(x, y) = x^2", "--wrt", "y", "--format", "text")
    assert (code, out, err) == (0, "0\n", "")  # a declared parameter: no note
    code, out, err = run(capsys, "jacobian", "x", "y", "--vars", "x,y,q", "--format", "text")
    assert code == 0 and err == (
        "symdiff: note: q does not occur in the expressions; the derivative by q is 0\n"
    )


def test_command_at_reads_names_as_the_lexer_does(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "θ^2", "--at", "θ=3", "--format", "text")[1] == "2*theta = 6 at theta = 3\n"
    code, _, err = run(capsys, "x^2", "--at", "x y=3")
    assert code == 2 and err.startswith("symdiff: error: 'x y' is not a variable name")


# ----- the CSE form reads back to the gradient ---------------------------------------------
def read_back(text: str) -> dict[str, Expr]:
    """Each line's right-hand side parsed, earlier temporaries substituted (not the results)."""
    temporaries: dict[Expr, Expr] = {}
    results: dict[str, Expr] = {}
    for line in text.splitlines():
        name, _, rhs = line.partition(" = ")
        value = substitute(symdiff.parse(rhs), temporaries)
        if name.startswith("t"):
            temporaries[Var(name)] = value
        else:
            results[name] = value
    return results


CSE_INPUTS = [
    "x*w",  # the partials swap the variables: "w = x", "x = w" read back wrongly
    "sin(x*w)*exp(x*w) + w^2",
    "t1*t2 + sin(t1*x)*sin(t1*x)",  # variables shaped like the temporaries
    "d_w*w + d_x*x*w + cos(w*x)^2",  # variables shaped like the results
    "t_1*t1 + log(1 + t1^2)*log(1 + t1^2)",  # t_1 and t1 both print as t₁ in Unicode
]


@pytest.mark.parametrize("source", CSE_INPUTS)
def test_cse_text_reads_back_to_the_gradient(source: str) -> None:
    partials = gradient(source)
    form = to_cse(partials)
    back = read_back(form.text())
    variables = set(symdiff.variables_of(source))
    labels = [label for label, _ in form.results]
    assert not variables & {name for name, _ in (*form.definitions, *form.results)}
    assert all(label.startswith("d_") for label in labels)
    assert [back[label] for label in labels] == list(partials.values())
    assert form.wrt == tuple(partials)


def test_cse_names_results_d_w_and_partials_in_unicode_and_latex() -> None:
    form = to_cse(gradient("x*w"), function="L")
    assert form.text() == "d_w = x\nd_x = w"
    assert form.render("unicode") == "∂L/∂w = x\n∂L/∂x = w"
    assert form.render("latex") == (
        "\\begin{aligned}\n\\frac{\\partial L}{\\partial w} &= x \\\\\n"
        "\\frac{\\partial L}{\\partial x} &= w\n\\end{aligned}"
    )
    assert to_cse(gradient("d_w*w")).text() == "d_d_d_w = w\nd_d_w = d_w"
    shown = to_cse(gradient("t_1*t1 + log(1 + t1^2)^2")).render("unicode")
    assert "t_t1 = " in shown  # not t1 or t_1: both already print as t₁


# ----- batch: one record per input, in order --------------------------------------------------
BATCH = ["x^2", "x +", "sin(x)", "# a comment", "", "foo(x)", "x*y", "3x", "x^2 --"]
FAILING = [False, True, False, True, False, False, True]  # per input (comments, blanks skipped)


def batch(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
          *argv: str) -> tuple[int, str, str]:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(BATCH) + "\n"))
    return run(capsys, "-", *argv)


def test_batch_text_prints_one_line_per_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = batch(capsys, monkeypatch, "--wrt", "x", "--format", "text")
    assert code == 2
    lines = out.splitlines()
    assert [lines[0], lines[2], lines[4], lines[5]] == ["2*x", "cos(x)", "y", "3"]
    assert lines[1].startswith("error: line 1, column 4: unexpected end of input")
    assert lines[3].startswith("error: unknown function 'foo'")
    assert lines[6].startswith("error: line 1, column 7:") and len(lines) == 7
    assert [e.split(": ")[2] for e in err.splitlines()] == ["line 2", "line 6", "line 9"]


@pytest.mark.parametrize("fmt", ["text", "unicode", "latex", "json", "markdown"])
def test_batch_keeps_one_record_per_input_in_every_format(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    code, out, _ = batch(capsys, monkeypatch, "--format", fmt)
    inputs = [t for t in BATCH if t and not t.startswith("#")]
    if fmt == "json":
        docs = [json.loads(line) for line in out.splitlines()]
        assert [d["input"] for d in docs] == inputs
        assert [d["kind"] == "error" for d in docs] == FAILING
    elif fmt == "markdown":
        records = out.split("---\n")
        assert len(records) == len(inputs)
        assert [r.lstrip().startswith("**Error**") for r in records] == FAILING
    else:  # multi-line records (the gradient of x*y) are set apart by a blank line
        gradient_lines = run(capsys, "x*y", "--format", fmt)[1].count("\n")
        flat = [line for line in out.splitlines() if line]
        assert [line.startswith("error: ") for line in flat] == (
            [False, True, False, True] + [False] * (gradient_lines + 1) + [True]
        )
    assert code == 2


def test_batch_goes_on_past_an_internal_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import symdiff.cli.run as batch_run

    real = batch_run.report_for

    def report_for(args: object, text: str, *rest: object) -> object:
        if text == "x^3":
            raise RuntimeError("a bug")
        return real(args, text, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_run, "report_for", report_for)
    monkeypatch.setattr("sys.stdin", io.StringIO("x^2\nx^3\nx^4\n"))
    code, out, err = run(capsys, "-", "--format", "text")
    assert (code, out.splitlines()) == (1, ["2*x", "error: RuntimeError: a bug", "4*x^3"])
    assert err == (
        "symdiff: error: line 2: internal error: RuntimeError: a bug "
        "(run with --debug for the traceback)\n"
    )


def test_batch_reports_absent_names_per_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("x^2\ny^2\n"))
    code, out, err = run(capsys, "-", "--wrt", "y", "--format", "text")
    assert (code, out.splitlines()) == (0, ["0", "2*y"])
    assert err == (
        "symdiff: note: line 1: y does not occur in the expression; the derivative by y is 0\n"
    )


# ----- numbers and names of any size: an answer or one line, never an internal error ------------
DIGITS = "1" * 5000
PROBES = [  # argv                                                        exit
    (["x_" + DIGITS + " + y"],                                            0),
    (["x" + DIGITS + "*y"],                                               0),
    (["x" + "₁" * 5000 + "*y", "--format", "unicode"],                    0),
    (["grad", "x_" + DIGITS + "*x_" + DIGITS[:-1] + "2"],                 0),
    (["x^3", "--order", "10^20"],                                         2),
    (["x^3", "--order", "100000000000000000000"],                         2),
    (["x^3", "--order", DIGITS],                                          2),
    (["x^3", "--max-order", "100000000000000000000", "--order", "100000000000000000000"], 2),
    (["x^3", "--max-nodes", DIGITS],                                      2),
    (["x^3", "--timeout", "1e300"],                                       0),  # finite: allowed
    (["x^3", "--timeout", "1e400"],                                       2),
    (["x^3", "--timeout", "nan"],                                         2),
    (["x^3", "--timeout", DIGITS],                                        2),
    (["x^2", "--at", "x=10^309", "--format", "json"],                     0),
    (["x^2", "--at", "x=10^309", "--format", "markdown"],                 0),
    (["2^20000*x", "--max-fold-bits", "30000", "--format", "latex"],      0),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "expected"), PROBES, ids=[str(i) for i in range(len(PROBES))])
def test_probe_ends_in_an_answer_or_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: int
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == expected, err[:300]
    if expected:
        assert out == "" and err.count("\n") == 1 and err.startswith("symdiff: error: ")
        assert "internal error" not in err
    else:
        assert err == "" and out


def test_json_value_beyond_the_float_range_is_null_with_exact_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "x^2", "--at", "x=10^309", "--format", "json")
    doc = json.loads(out)
    assert doc["value"] == {"text": "2" + "0" * 309, "float": None, "exact": True}
    assert doc["point"]["x"]["float"] is None


def test_long_digit_runs_in_names_through_the_api() -> None:
    a, b = "x_" + DIGITS, "x_" + DIGITS[:-1] + "2"
    assert symdiff.variables_of(f"{b} + {a}") == [a, b]  # natural order, no int() of the digits
    assert str(diff(f"{a}^2", a)) == f"2*{a}"
    assert list(gradient(f"{a}*{b}")) == [a, b]


@given(st.from_regex(r"[A-Za-z][0-9]{0,3}(?:_[0-9]{1,3}){0,3}", fullmatch=True))
@settings(max_examples=300, deadline=None)
def test_a_plain_name_is_read_as_the_parser_reads_it(name: str) -> None:
    # one letter with digits and _digits: taken without the lexer, so it must be what
    # the parser makes of the same text
    parsed = symdiff.parse(name)
    expected = [parsed.name] if isinstance(parsed, Var) else None
    try:
        got = read_names([as_definition("x")], [name])
    except UnsupportedError:
        got = None
    assert got == expected
