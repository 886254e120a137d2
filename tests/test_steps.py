"""The step-by-step output as a textbook lays it out: input → the lines, rule names included.

- the problem comes first when no label (``∂f/∂x =``) states it, even where the first rule
  rewrote it already (the book's ``∂f/∂x = y·∂/∂x x`` keeps its label instead);
- no line repeats the line before it: a rule that changed the tree but not what it shows
  is named on that line;
- no glyph reads two ways: ``1·(x + 1)`` (not the indicator ``1(x + 1)``), ``1·e^x`` (not
  ``1e^x``), ``d/dx[x]·(x + 1)`` (not the derivative of the whole product);
- a function's rule is stated the way a textbook states it, the first time it is used.
"""

from __future__ import annotations

import itertools

import pytest

import symdiff
from symdiff.printers.derivation import derivation_rows

STEPS = [  # input, variable, the Unicode lines (math, rules) of its derivation
    ("3x", "x", [
        ("d/dx 3x", ""),
        ("3·d/dx x", "constant multiple"),
        ("3·1", "variable"),
        ("3", "arithmetic"),
    ]),
    ("-x", "x", [
        ("d/dx[−x]", ""),
        ("−d/dx x", "constant multiple"),
        ("−1", "variable, arithmetic"),
    ]),
    ("x*(x+1)", "x", [
        ("d/dx[x·(x + 1)]", ""),
        ("d/dx[x]·(x + 1) + x·d/dx[x + 1]", "product"),
        ("1·(x + 1) + x·(d/dx x + d/dx 1)", "variable, sum"),
        ("1·(x + 1) + x·(1 + 0)", "variable, constant"),
        ("x + 1 + x", "arithmetic"),
        ("2x + 1", "collect like terms"),
    ]),
    ("x*e^x", "x", [
        ("d/dx[x·e^x]", ""),
        ("d/dx[x]·e^x + x·d/dx e^x", "product"),
        ("1·e^x + x·e^x", "variable, exponential"),
        ("e^x + x·e^x", "arithmetic"),
    ]),
    ("sin(x^2)", "x", [
        ("d/dx sin(x²)", ""),
        ("cos(x²)·d/dx x²", "chain rule with sin: d/dx sin(u) = cos(u)·u′"),
        ("cos(x²)·2x¹", "power"),
        ("cos(x²)·2x", "arithmetic"),
        ("2x·cos(x²)", "order factors"),
    ]),
    ("sin(x) + sin(2x)", "x", [
        ("d/dx[sin(x) + sin(2x)]", ""),
        ("d/dx sin(x) + d/dx sin(2x)", "sum"),
        ("cos(x) + cos(2x)·2·d/dx x",
         "sin: d/dx sin(u) = cos(u)·u′, chain rule with sin: d/dx sin(u) = cos(u)·u′,"
         " constant multiple"),
        ("cos(x) + cos(2x)·2·1", "variable"),
        ("cos(x) + 2·cos(2x)", "arithmetic"),
    ]),
]  # fmt: skip


@pytest.mark.parametrize(("source", "var", "lines"), STEPS, ids=[s for s, *_ in STEPS])
def test_steps_read_like_a_textbook(source: str, var: str, lines: list[tuple[str, str]]) -> None:
    rows = derivation_rows(symdiff.derive(source, var), "unicode", labelled=False)
    assert rows == lines


def test_a_named_function_keeps_the_books_label_instead_of_a_problem_line() -> None:
    d = symdiff.derive("f(x, y) = x*y", "x")
    assert d.render("unicode").splitlines() == [
        "∂f/∂x = y·∂/∂x x    constant multiple",
        "      = y·1         variable",
        "      = y           arithmetic",
    ]


@pytest.mark.parametrize(
    ("rule", "fmt", "statement"),
    [
        ("chain:log", "unicode", "d/dx ln(u) = u′/u"),
        ("chain:log", "text", "d/dx log(u) = u'/u"),
        ("exp", "unicode", "d/dx exp(u) = exp(u)·u′"),
        ("chain:relu", "unicode", "d/dx relu(u) = 1(u > 0)·u′"),
    ],
)
def test_rules_are_stated_from_the_function_table(rule: str, fmt: str, statement: str) -> None:
    from symdiff.printers.labels import rule_statement

    assert rule_statement(rule, fmt) == statement


def test_no_line_repeats_the_one_before_it() -> None:
    for source in ("-x", "-max(x^3, 0)", "-(-x^-1 - x^-1)", "-2*(x/3)", "relu(min(max(4, x), y))"):
        rows = derivation_rows(symdiff.derive(source, "x"), "unicode", labelled=False)
        shown = [m for m, _ in rows]
        assert all(a != b for a, b in itertools.pairwise(shown)), source
