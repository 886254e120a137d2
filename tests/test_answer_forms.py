"""Textbook answer forms: the passes that clear fractions, multiply out and order a numerator.

- ``clear-fractions``: a sum with fractions above or below a fraction's bar is brought
  over one denominator (``1/(1 + 1/x²)`` is ``x²/(x² + 1)``);
- ``common-denominator``: terms over one denominator are one fraction;
- ``positive-first``: a numerator of two terms starts with the positive one (``1 − x²``);
- ``distribute-number``: a number times a polynomial not in lowest terms is multiplied
  out (``3(2x + 2)`` is ``6x + 6``), while ``6(3x + 1)`` keeps its factored form;
- ``expand-fractions``: a product of sums with fractions is multiplied out when shorter.

Each derivative row asserts the printed Unicode answer, that it reads back to the very
node ``diff`` gave, that SymPy's derivative agrees, and that the steps end at it.
"""

from __future__ import annotations

import pytest

import symdiff
from oracle import assert_same, sympy_diff
from symdiff.printers.unicode import to_unicode
from symdiff.simplifier import simplify, simplify_steps

NEW_RULES = {
    "clear-fractions",
    "common-denominator",
    "positive-first",
    "distribute-number",
    "expand-fractions",
}

# exercise, d/dx printed in Unicode, a rule of this file among its steps
DERIVATIVES = [
    ("x/(x^2 + 1)", "(1 − x²)/(x² + 1)²", "positive-first"),
    ("(1 - x)/(1 + x^2)", "(x² − 2x − 1)/(1 + x²)²", "expand-polynomial"),
    ("ln(x)/x + 1/x", "−ln(x)/x²", "common-denominator"),
    ("3x(x + 2)", "6x + 6", "distribute-number"),
    ("2x(3x + 3)", "12x + 6", "distribute-number"),
    ("4(x/2 + 1)^2", "2x + 4", "distribute-number"),
    ("(x + 1/x)^2", "2x − 2/x³", "expand-fractions"),
    ("(x - 1/x)(x + 1/x)", "2x + 2/x³", "expand-fractions"),
    ("sqrt(x)/(x + 1)", "(1 − x)/(2√x·(x + 1)²)", "clear-fractions"),
    ("sqrt(x)/(x - 1)", "−(x + 1)/(2√x·(x − 1)²)", "clear-fractions"),
    ("tan^-1(x/2)", "2/(4 + x²)", "clear-fractions"),
    ("acot(x/3)", "−3/(9 + x²)", "clear-fractions"),
    ("atan(1/x)", "−1/(x² + 1)", "clear-fractions"),
    ("1/(1 + 1/x)", "1/(x + 1)²", "clear-fractions"),
    ("x/(1 + x/2)", "4/(2 + x)²", "clear-fractions"),
    ("(2 - 1/x)^2", "2(2x − 1)/x³", "clear-fractions"),
]


@pytest.mark.parametrize(("source", "expected", "rule"), DERIVATIVES)
def test_derivative_in_textbook_form(source: str, expected: str, rule: str) -> None:
    answer = symdiff.diff(source, "x")
    assert to_unicode(answer) == expected
    assert symdiff.simplify(symdiff.parse(to_unicode(answer))) is answer
    assert_same(answer, sympy_diff(symdiff.parse(source), "x"), ["x"], symbolic=False)


@pytest.mark.parametrize(("source", "expected", "rule"), DERIVATIVES)
def test_steps_end_at_the_answer(source: str, expected: str, rule: str) -> None:
    derivation = symdiff.derive(source, "x")
    lines = derivation.simplification
    assert lines and lines[-1].after is derivation.result
    assert rule in {s.rule for line in lines for s in line.substeps}


# rule, expression, its simplified form printed in Unicode
SIMPLIFIED = [
    ("clear-fractions", "1/(1 + 1/x^2)", "x²/(x² + 1)"),
    ("clear-fractions", "1/(1 + x^2/4)", "4/(4 + x²)"),
    ("clear-fractions", "(x/2 + 1)/(x + 1)", "(x + 2)/(2(x + 1))"),
    ("clear-fractions", "(1/x + 1)/(x + 1)", "1/x"),
    ("clear-fractions", "1/(y + z/x)", "x/(xy + z)"),
    ("common-denominator", "y/x^2 + z/x^2", "(y + z)/x²"),
    ("common-denominator", "1/x - ln(x)/x", "(1 − ln(x))/x"),
    ("positive-first", "(-x + y)/x^2", "(y − x)/x²"),
    ("positive-first", "(-sin(x) + 2)/x", "(2 − sin(x))/x"),
    ("distribute-number", "3(2x + 2)", "6x + 6"),
    ("distribute-number", "-2(2x - 4y)", "−4x + 8y"),
    ("distribute-number", "6(x/3 + 1/2)", "2x + 3"),
    ("expand-fractions", "(x + 1/x)(x - 1/x)", "x² − 1/x²"),
    ("expand-fractions", "3(1 + 1/x)(1 - 1/x)", "3 − 3/x²"),
]


@pytest.mark.parametrize(("rule", "source", "expected"), SIMPLIFIED)
def test_simplified_form(rule: str, source: str, expected: str) -> None:
    e = symdiff.parse(source)
    result, lines = simplify_steps(e)
    assert to_unicode(result) == expected
    assert result is simplify(e)
    assert rule in {s.rule for line in lines for s in line.substeps}
    assert_same(result, e, ["x", "y", "z"], symbolic=False)


# forms a textbook keeps: none of this file's passes touches them
KEPT = [
    "6(3x + 1)",  # a number times a sum in lowest terms
    "-5(1 - x)^4",
    "-(x - 1)",
    "2(x^2 + 3x)*(2x + 3)",  # a product of sums without fractions
    "2(x + 1/x)",  # multiplied out it would be longer
    "(x + 1/x)*(x + 1)",  # x² + x + 1 + 1/x is longer
    "-2y + 2z",  # a sum outside a fraction keeps its order
    "-10/x^3 + 2",
    "1/x - 1/x^2",  # different denominators
    "cos(x)*ln(x) + sin(x)/x",
    "(-x^2 + 2x + 1)/(x + 1)",  # three terms keep their order
    "x/(x + 1)^2",
    "1/(1 + (x + 1)^-1*y)",  # a sum below a sum's bar is not taken out
]


@pytest.mark.parametrize("source", KEPT)
def test_forms_kept(source: str) -> None:
    _, lines = simplify_steps(symdiff.parse(source))
    assert not NEW_RULES & {s.rule for line in lines for s in line.substeps}


@pytest.mark.parametrize("source", ["(x + 1/x)^2", "3x(x + 2)", "4(x/2 + 1)^2"])
def test_factor_leaves_out_the_passes_that_multiply_out(source: str) -> None:
    raw = symdiff.diff(source, "x", simplify=False)
    factored, lines = simplify_steps(raw, factor=True)
    rules = {s.rule for line in lines for s in line.substeps}
    assert not {"distribute-number", "expand-fractions"} & rules
    assert factored is not symdiff.diff(source, "x")
    assert_same(factored, symdiff.diff(source, "x"), ["x"], symbolic=False)


# sums with fractions where two passes once undid each other (the engine raised "runs in a cycle")
NO_CYCLE = [
    "(9(x^2/2 - x/4))^-1",  # clear-fractions below the bar, distribute-number on 1/4·(…)
    "(x/2 + 1/(2/3 + x^2/16))/(x + 1)",  # a numerator expanded with the expand passes
    "abs(x/4 - 37/10)/acot(x/4 - 37/10)",
]


@pytest.mark.parametrize("source", NO_CYCLE)
@pytest.mark.parametrize("form", [{}, {"expand": True}, {"factor": True}])
def test_no_two_passes_undo_each_other(source: str, form: dict[str, bool]) -> None:
    for e in (symdiff.parse(source), symdiff.diff(source, "x", simplify=False)):
        result = simplify(e, **form)
        assert simplify_steps(e, **form)[0] is result
        assert simplify(result, **form) is result
        assert_same(result, e, ["x"], symbolic=False)
