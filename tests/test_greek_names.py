"""Greek letters and function names before "(": a function only where the table spells one.

``gamma(x)`` and ``Γ(x)`` are the gamma function and ``ψ(x)`` is digamma (their rows spell
them so); every other Greek letter before "(" (``γ(x)``, ``psi(x)``, ``θ(x)``, ``π(x)``) is
an error naming its line and column and how to write the product, and the product it
suggests parses.  Each spelling is checked against a SymPy expression written by hand
(through :mod:`oracle`); what symdiff prints in text and Unicode parses back to the same
expression, and LaTeX shows the textbook glyphs.  An unknown function's error is one line
(a "did you mean" only when a known name is close), and ``symdiff --functions`` lists the
table by family.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp

import symdiff
from oracle import assert_same
from symdiff.cli.function_names import function_names
from symdiff.core.functions import FUNCTIONS, GREEK, GREEK_LETTERS, WORDS, families, listed_names
from symdiff.errors import ParseError, SymdiffError, UnsupportedError
from symdiff.parsing.parser import parse, parse_definition
from symdiff.parsing.tables import TERMINALS
from symdiff.printers import render

ROOT = Path(__file__).resolve().parent.parent
x, y, gamma, psi, theta = sp.symbols("x y gamma psi theta", real=True)

# ----- each spelling -> the intended expression, written in SymPy ---------------------------
SPELLED = [  # input                 SymPy, written by hand
    ("gamma(x)",                     sp.gamma(x)),
    ("Γ(x)",                         sp.gamma(x)),
    ("Γ (x)",                        sp.gamma(x)),
    ("Γ(2x + 1)",                    sp.gamma(2 * x + 1)),
    ("Γ x",                          sp.gamma(x)),  # Γ is only a function, as sin
    ("Γ 2x",                         sp.gamma(2 * x)),
    ("Γ²(x)",                        sp.gamma(x) ** 2),
    ("Γ^2(x)",                       sp.gamma(x) ** 2),
    ("x Γ(x)",                       x * sp.gamma(x)),
    ("2Γ(x)/x",                      2 * sp.gamma(x) / x),
    ("Γ(x)ψ(x)",                     sp.gamma(x) * sp.polygamma(0, x)),
    ("ψ(x)",                         sp.polygamma(0, x)),
    ("ψ (x + 1)",                    sp.polygamma(0, x + 1)),
    ("digamma(x)",                   sp.polygamma(0, x)),
    ("x ψ(x^2)",                     x * sp.polygamma(0, x**2)),
    ("ψ(Γ(x))",                      sp.polygamma(0, sp.gamma(x))),
    ("x*ψ(x)",                       x * sp.polygamma(0, x)),
    ("y ψ(x)",                       y * sp.polygamma(0, x)),
    # a power on the name, then "(": the function's power, as sin^2(x)
    ("ψ²(x)",                        sp.polygamma(0, x) ** 2),
    ("ψ^2 (x + 1)",                  sp.polygamma(0, x + 1) ** 2),
    ("gamma^2(x)",                   sp.gamma(x) ** 2),
    ("gamma²(x)",                    sp.gamma(x) ** 2),
    ("θ²(x)",                        theta**2 * x),  # a letter that is no function: x²(x+1)
    ("gamma^2 x",                    gamma**2 * x),
    # not before "(": the Greek letters, variables
    ("ψ",                            psi),
    ("ψ x",                          psi * x),
    ("2ψ",                           2 * psi),
    ("ψ^2 + x",                      psi**2 + x),
    ("gamma x",                      gamma * x),
    ("γ",                            gamma),
    ("γ x",                          gamma * x),
    # the products the errors suggest
    ("γ*(x + 1)",                    gamma * (x + 1)),
    ("γ·(x + 1)",                    gamma * (x + 1)),
    ("gamma*(x + 1)",                gamma * (x + 1)),
    ("psi*(x + 1)",                  psi * (x + 1)),
    ("ψ*(x + 1)",                    psi * (x + 1)),
    ("θ*(x + 1)",                    theta * (x + 1)),
    ("π*(x + 1)",                    sp.pi * (x + 1)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "intended"), SPELLED, ids=[t for t, _ in SPELLED])
def test_spelling_means_the_intended_expression(text: str, intended: sp.Expr) -> None:
    assert_same(parse(text), intended, ["x", "y", "gamma", "psi", "theta"])


# ----- refused, with the line, the column and how to write it --------------------------------
REFUSED = [  # input, line, column, words in the message
    ("γ(x)", 1, 1, '"γ" before "(" is the Greek letter gamma, not a function; for the '
                   "product write γ*(...); for the gamma function write Γ(...) or gamma(...)"),
    ("γ (x)", 1, 1, "for the product write γ*(...)"),
    ("x + γ(x)", 1, 5, "for the gamma function write Γ(...) or gamma(...)"),
    ("y\n  2γ(x)", 2, 4, "for the product write γ*(...)"),
    ("psi(x)", 1, 1, '"psi" before "(" is the Greek letter psi, not a function; for the '
                     "product write psi*(...); for the digamma function write ψ(...) or "
                     "digamma(...)"),
    ("θ(x)", 1, 1, '"θ" before "(" is the Greek letter theta, not a function; for the '
                   "product write θ*(...)"),
    ("theta(x)", 1, 1, "for the product write theta*(...)"),
    ("π(x)", 1, 1, '"π" before "(" is the constant pi, not a function; for the product '
                   "write π*(...)"),
    ("Γx", 1, 1, '"Γx" is not a name: it contains the function "Γ"; write Γ(...)'),
    ("xΓ(x)", 1, 1, '"xΓ" is not a name: it ends with the function "Γ"; for the product '
                    "write x*Γ(...)"),
    ("2xψ(x)", 1, 2, '"xψ" is not a name: it ends with the function "ψ"; for the product '
                     "write x*ψ(...)"),
    ("αψ(x)", 1, 1, "for the product write α*ψ(...)"),
    ("Γ1 + x", 1, 1, '"Γ1" is not a name: it contains the function "Γ"'),
    ("Γ", 1, 2, "unexpected end of input"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "line", "column", "words"), REFUSED,
                         ids=[t for t, *_ in REFUSED])  # fmt: skip
def test_refused_with_line_column_and_how_to_write_it(
    text: str, line: int, column: int, words: str
) -> None:
    with pytest.raises(ParseError) as info:
        parse(text)
    assert (info.value.line, info.value.column) == (line, column)
    assert words in str(info.value)
    assert "\n" not in str(info.value)


def _function_glyphs() -> dict[str, str]:
    """Greek glyphs some row spells a function with, from the table: ψ -> digamma."""
    return {s: row.name for row in FUNCTIONS.values() for s in row.spellings if s in GREEK_LETTERS}


@pytest.mark.parametrize("glyph", list(GREEK_LETTERS))
def test_a_greek_glyph_before_parenthesis_is_a_function_only_if_the_table_spells_it(
    glyph: str,
) -> None:
    functions = _function_glyphs()
    if glyph in functions:
        assert parse(f"{glyph}(x)") is parse(f"{functions[glyph]}(x)")
        return
    with pytest.raises(ParseError) as info:
        parse(f"{glyph}(x)")
    product = re.search(r"for the product write (\S+)\(\.\.\.\)", str(info.value))
    assert product is not None and product[1] == f"{glyph}*"
    assert parse(f"{product[1]}(x + 1)") is parse(glyph) * parse("x + 1")


@pytest.mark.parametrize("name", GREEK)
def test_a_greek_name_before_parenthesis_is_a_function_only_if_the_table_names_it(
    name: str,
) -> None:
    if name in WORDS:  # gamma
        assert parse(f"{name}(x)") is parse(f"{WORDS[name]}(x)")
        assert parse(f"{name} x") is parse(f"{name}*x")  # elsewhere, the Greek letter
        return
    with pytest.raises(ParseError) as info:
        parse(f"{name}(x)")
    assert f"for the product write {name}*(...)" in str(info.value)
    assert parse(f"{name}*(x + 1)") is parse(name) * parse("x + 1")


def test_a_parameter_named_by_a_glyph_is_no_function() -> None:
    """In ``f(ψ) = ...``, ψ is the parameter: before "(" an error, never digamma."""
    assert parse_definition("f(ψ) = ψ^2 + ψ*(ψ + 1)").body is parse("psi^2 + psi*(psi + 1)")
    with pytest.raises(ParseError) as info:
        parse_definition("f(ψ) = ψ(ψ + 1)")
    assert "for the product write ψ*(...)" in str(info.value)
    assert "digamma" not in str(info.value)


def test_every_glyph_spelling_is_a_letter_of_the_grammar_and_allowed() -> None:
    """The grammar's WORD letters and the hygiene check accept every glyph of the table."""
    word = dict(TERMINALS)["WORD"]
    glyphs = sorted({c for s in WORDS for c in s if not c.isascii()})
    assert glyphs, "the table spells no function with a glyph"
    for glyph in glyphs:
        assert re.fullmatch(word, glyph), glyph
        assert parse(f"{glyph}(x)") is parse(f"{WORDS[glyph]}(x)")


# ----- printed, and read back ----------------------------------------------------------------
PRINTED = [  # input       text                  unicode             latex
    ("gamma(x)",           "gamma(x)",           "Γ(x)",             r"\Gamma(x)"),
    ("Γ(x^2 + 1)",         "gamma(x^2 + 1)",     "Γ(x² + 1)",        r"\Gamma(x^{2} + 1)"),
    ("digamma(x)",         "digamma(x)",         "ψ(x)",             r"\psi(x)"),
    ("ψ(2x)",              "digamma(2*x)",       "ψ(2x)",            r"\psi(2 x)"),
    ("gamma(x)^2",         "gamma(x)^2",         "Γ(x)²",            r"\Gamma(x)^{2}"),
    ("gamma*(x + 1)",      "gamma*(x + 1)",      "γ·(x + 1)",        None),
    ("psi*(x + 1)",        "psi*(x + 1)",        "ψ·(x + 1)",        None),
    ("polygamma(1, x)",    "polygamma(1, x)",    "polygamma(1, x)",  r"\psi^{(1)}(x)"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "plain", "uni", "latex"), PRINTED, ids=[r[0] for r in PRINTED])
def test_printed_forms_and_they_parse_back(
    text: str, plain: str, uni: str, latex: str | None
) -> None:
    e = parse(text)
    assert render(e, "text") == plain and plain.isascii()
    assert render(e, "unicode") == uni
    if latex is not None:
        assert render(e, "latex") == latex
    assert parse(plain) is e
    assert parse(uni) is e


ROUND_TRIPS = [
    "gamma(x)", "digamma(x)", "lgamma(x)", "x gamma(x)", "gamma(x)/x", "gamma(x^2) digamma(x)",
    "gamma(digamma(x))", "psi gamma(x)", "gamma digamma(x)",
    "gamma*(x + 1) + psi*(x - 1)", "exp(gamma(x))", "sqrt(gamma(x))", "gamma(x)^-1",
]  # fmt: skip


@pytest.mark.parametrize("source", ROUND_TRIPS)
def test_results_print_and_parse_back_in_text_and_unicode(source: str) -> None:
    """The expression and its derivative: text parses back to the same node, Unicode to the
    same simplified node (Unicode is the textbook form, u/v² for u·v⁻²)."""
    e = parse(source)
    for result in (e, symdiff.diff(e, "x")):
        plain = render(result, "text")
        assert plain.isascii() and parse(plain) is result
        assert symdiff.simplify(parse(render(result, "unicode"))) is symdiff.simplify(result)


def test_steps_name_the_rule_in_plain_letters() -> None:
    """A rule's name is ASCII in every format (text output may have to be ASCII)."""
    steps = symdiff.derive("gamma(x^2) + digamma(x)", "x")
    assert "chain rule with gamma" in steps.render("text")
    assert steps.render("text").isascii()
    assert "chain rule with gamma" in steps.render("latex")


# ----- unknown functions: one line, a "did you mean" only when close -------------------------
UNKNOWN = [  # input, position, "did you mean" (None: none is close), or the product hint
    ("x foo(x)", "line 1, column 3", None, "for a product, write f*o*o*(...)"),
    ("sen(x)", "line 1, column 1", "did you mean sin or sec?", None),
    ("gama(x)", "line 1, column 1", "did you mean gamma?", None),
    ("sqr(x)", "line 1, column 1", "did you mean sqrt?", None),
    ("soft(x)", "line 1, column 1", "did you mean softmax or softplus?", None),
    ("zork(x)", "line 1, column 1", None, "for a product, write z*o*r*k*(...)"),
    ("2yz(x+1)", "line 1, column 2", None, "for a product, write y*z*(...)"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "where", "meant", "product"), UNKNOWN,
                         ids=[r[0] for r in UNKNOWN])  # fmt: skip
def test_unknown_function_is_one_line(
    text: str, where: str, meant: str | None, product: str | None
) -> None:
    with pytest.raises(UnsupportedError) as info:
        parse(text)
    message = str(info.value)
    name = re.match(r"[0-9x ]*([a-z]+)\(", text)[1]  # type: ignore[index]
    assert message.startswith(f"unknown function {name!r} at {where}; ")
    assert message.endswith("(symdiff --functions lists the known functions)")
    assert ("did you mean" in message) == (meant is not None)
    assert (meant or product or "") in message
    assert "\n" not in message and len(message) < 160
    assert "LambertW" not in message  # the table is not spelled out


def test_the_command_prints_an_unknown_function_in_one_line() -> None:
    result = subprocess.run([sys.executable, "-m", "symdiff", "x foo(x)"], capture_output=True,
                            text=True, cwd=ROOT)  # fmt: skip
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "symdiff: error: unknown function 'foo' at line 1, column 3; for a product, write "
        "f*o*o*(...) (symdiff --functions lists the known functions)\n"
    )


def test_functions_lists_every_name_by_family() -> None:
    result = subprocess.run([sys.executable, "-m", "symdiff", "--functions"],
                            capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout == function_names() + "\n"
    shown = result.stdout.replace("(", " ").replace(")", " ").replace(";", " ").split()
    for name in listed_names():
        assert name in shown, name
    for family, _, _ in families():
        assert f"\n{family}: " in result.stdout
    assert "special functions: erf erfc gamma (Γ) lgamma (loggamma) digamma (ψ)" in result.stdout


def test_functions_errs_nothing_when_mixed_with_an_expression() -> None:
    """``--functions`` answers first, as ``--version``: the expression is not read."""
    result = subprocess.run([sys.executable, "-m", "symdiff", "x foo(x)", "--functions"],
                            capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert result.returncode == 0 and result.stdout == function_names() + "\n"


@pytest.mark.parametrize("command", ["grad", "plot", "check", "jacobian", "batch", "serve"])
def test_functions_answers_after_every_command(command: str) -> None:
    """A user who reaches for the list mid-command gets it, as ``--version``."""
    result = subprocess.run([sys.executable, "-m", "symdiff", command, "--functions"],
                            capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert result.returncode == 0 and result.stdout == function_names() + "\n"
    version = subprocess.run([sys.executable, "-m", "symdiff", command, "--version"],
                             capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert version.returncode == 0 and version.stdout.startswith("symdiff ")


def test_a_symdiff_error_never_lists_the_table() -> None:
    with pytest.raises(SymdiffError) as info:
        parse("x + sinn(x) + Foo(y)")
    assert "did you mean sin" in str(info.value) and "acos" not in str(info.value)
