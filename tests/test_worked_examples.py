"""The textbook's worked examples (../shared/worked-examples.md), verbatim: results,
gradient order, rule-id sequences and the rendered lines of each derivation."""

from __future__ import annotations

import pytest

import symdiff
from symdiff.printers.unicode import to_unicode

# example, definition, variable, expected Unicode lines of the derivation (first to last)
LINES = [
    ("1", "f(x, y) = x + y", "x", ["∂/∂x[x + y]", "∂/∂x x + ∂/∂x y", "1 + 0", "1"]),
    ("1", "f(x, y) = x + y", "y", ["∂/∂y[x + y]", "∂/∂y x + ∂/∂y y", "0 + 1", "1"]),
    ("2", "f(x, y) = 2x + 3y^2", "x",
     ["∂/∂x[2x + 3y²]", "2·∂/∂x x + 3·∂/∂x y²", "2·1 + 3·0", "2"]),
    ("2", "f(x, y) = 2x + 3y^2", "y",
     ["∂/∂y[2x + 3y²]", "2·∂/∂y x + 3·∂/∂y y²", "2·0 + 3·2y¹", "6y"]),
    ("3", "f(x, y) = 3x^3 - y^2 + 5x + 2", "x",
     ["∂/∂x[3x³ − y² + 5x + 2]", "3·∂/∂x x³ − ∂/∂x y² + 5·∂/∂x x + ∂/∂x 2",
      "3·3x² − 0 + 5·1 + 0", "9x² + 5"]),
    ("3", "f(x, y) = 3x^3 - y^2 + 5x + 2", "y",
     ["∂/∂y[3x³ − y² + 5x + 2]", "3·∂/∂y x³ − ∂/∂y y² + 5·∂/∂y x + ∂/∂y 2",
      "3·0 − 2y¹ + 5·0 + 0", "−2y"]),
    ("4", "f(x, y) = x*y", "x", ["y·∂/∂x x", "y·1", "y"]),
    ("4", "f(x, y) = x*y", "y", ["x·∂/∂y y", "x·1", "x"]),
    ("5", "f(x, y, z) = 3x^3z - y^2 + 5z + 2yz", "x",
     ["∂/∂x[3x³z − y² + 5z + 2yz]", "3z·∂/∂x x³ − ∂/∂x y² + 5·∂/∂x z + 2·∂/∂x yz",
      "3z·3x² − 0 + 5·0 + 2·0", "9x²z"]),
    ("5", "f(x, y, z) = 3x^3z - y^2 + 5z + 2yz", "y",
     ["∂/∂y[3x³z − y² + 5z + 2yz]", "3·∂/∂y x³z − ∂/∂y y² + 5·∂/∂y z + 2z·∂/∂y y",
      "3·0 − 2y¹ + 5·0 + 2z·1", "−2y + 2z"]),
    ("5", "f(x, y, z) = 3x^3z - y^2 + 5z + 2yz", "z",
     ["∂/∂z[3x³z − y² + 5z + 2yz]", "3x³·∂/∂z z − ∂/∂z y² + 5·∂/∂z z + 2y·∂/∂z z",
      "3x³·1 − 0 + 5·1 + 2y·1", "3x³ + 5 + 2y"]),
    ("8", "h(x) = 3(2x^2)^5", "x",
     ["3·d/dx (2x²)⁵", "3·5(2x²)⁴·2·d/dx x²", "3·5(2x²)⁴·2·2x¹", "15(2x²)⁴·4x",
      "15·2⁴·x⁸·4x", "15·2⁴·4x⁹", "960x⁹"]),
]  # fmt: skip


@pytest.mark.parametrize(("example", "source", "var", "lines"), LINES)
def test_derivation_lines(example: str, source: str, var: str, lines: list[str]) -> None:
    d = symdiff.derive(source, var)
    got = [to_unicode(line.expr, partial=d.partial) for line in d.lines]
    assert got == lines, f"example {example}"
    assert d.result is d.lines[-1].expr


# example, source, variable, result (Unicode, as printed in the book)
RESULTS = [
    ("1", "f(x, y) = x + y", "x", "1"),
    ("2", "f(x, y) = 2x + 3y^2", "y", "6y"),
    ("3", "f(x, y) = 3x^3 - y^2 + 5x + 2", "x", "9x² + 5"),
    ("3", "f(x, y) = 3x^3 - y^2 + 5x + 2", "y", "−2y"),
    ("4", "f(x, y) = x*y", "x", "y"),
    ("5", "3x^3z - y^2 + 5z + 2yz", "x", "9x²z"),
    ("5", "3x^3z - y^2 + 5z + 2yz", "y", "−2y + 2z"),
    ("5", "3x^3z - y^2 + 5z + 2yz", "z", "3x³ + 5 + 2y"),
    ("6", "f(x, y) = max(x, y)", "x", "1(x > y)"),
    ("6", "f(x, y) = max(x, y)", "y", "1(y > x)"),
    ("6", "f(x) = max(x, 0)", "x", "1(x > 0)"),
    ("7", "f(g(x))", "x", "f'(g(x))·g'(x)"),
    ("7", "f(g(y, h(x, z)))", "x", "f'(g(y, h(x, z)))·∂g/∂h (y, h(x, z))·∂h/∂x (x, z)"),
    ("8", "h(x) = 3(2x^2)^5", "x", "960x⁹"),
]


@pytest.mark.parametrize(("example", "source", "var", "expected"), RESULTS)
def test_results(example: str, source: str, var: str, expected: str) -> None:
    d = symdiff.derive(source, var)
    assert to_unicode(symdiff.diff(source, var)) == expected, f"example {example}"
    assert d.result is symdiff.diff(source, var)


def test_gradient_order_and_values_example_5() -> None:
    grad = symdiff.gradient("3x^3z - y^2 + 5z + 2yz")
    assert list(grad) == ["x", "y", "z"]
    assert [to_unicode(v) for v in grad.values()] == ["9x²z", "−2y + 2z", "3x³ + 5 + 2y"]


RULE_IDS = [
    ("f(x, y) = x + y", "x", ["sum", "variable", "variable"]),
    ("f(x, y) = x*y", "x", ["constant-multiple", "variable"]),
    ("h(x) = 3(2x^2)^5", "x",
     ["constant-multiple", "chain:power", "constant-multiple", "power"]),
    ("f(x) = max(x, 0)", "x", ["max"]),
    ("f(g(x))", "x", ["chain:abstract", "abstract"]),
]  # fmt: skip


@pytest.mark.parametrize(("source", "var", "rules"), RULE_IDS)
def test_rule_ids(source: str, var: str, rules: list[str]) -> None:
    tree = symdiff.derive(source, var).tree
    assert [s.rule for s in tree.walk()] == rules


def test_example_8_simplification_steps() -> None:
    d = symdiff.derive("h(x) = 3(2x^2)^5", "x")
    assert [s.rule for s in d.steps[1:]] == [
        "arithmetic",
        "distribute-exponent",
        "combine-powers",
        "combine-constants",
    ]


def test_example_8_rendered() -> None:
    text = symdiff.derive("h(x) = 3(2x^2)^5", "x").render("unicode")
    assert text.splitlines()[0].startswith("h'(x) = 3·d/dx (2x²)⁵")
    assert "distribute the exponent" in text and text.splitlines()[-1].split()[1] == "960x⁹"


def test_leibniz_d_for_one_variable_and_partial_for_several() -> None:
    assert symdiff.derive("f(x) = max(x, 0)", "x").render("unicode").startswith("f'(x) = d/dx")
    assert symdiff.derive("f(x, y) = max(x, y)", "x").render("unicode").startswith("∂f/∂x = ∂/∂x")


def test_max_step_states_the_tie_convention() -> None:
    assert "0 at a tie" in symdiff.derive("f(x, y) = max(x, y)", "x").render("unicode")
