"""Nothing mutates: an ``Expr`` passed to any API function is unchanged afterwards.

Nodes are immutable and interned, so "unchanged" means: setting or deleting an attribute
raises, and after every call the expression prints the same, has the same structure (the same
children, node by node) and is still the very node that parsing its text gives.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest

import symdiff
from symdiff.core.expr import Expr, Num, Var
from symdiff.core.walk import postorder
from symdiff.printers import render

SOURCES = [
    "3x^3z - y^2 + 5z + 2yz",
    "h(x) = 3(2x^2)^5",
    "f(g(y, h(x, z)))",
    "max(x, y) + relu(x - 1) + 1(x > y)",
    "-log(exp(x*y + 1) / (exp(x*y + 1) + exp(z)))",
    "x^(1/2) + sqrt(x)/x - sin(x)cos(y)tan(z)",
    "(x + 1)^3 (y - 2)^2",
]


def snapshot(e: Expr) -> tuple[Any, ...]:
    """Everything observable about ``e``: its text and every node's class and children."""
    return (
        str(e),
        tuple((type(n).__name__, tuple(id(c) for c in n.children)) for n in postorder(e)),
    )


CALLS: list[tuple[str, Callable[[Expr], object]]] = [
    ("diff", lambda e: symdiff.diff(e, "x")),
    ("diff-raw", lambda e: symdiff.diff(e, "x", simplify=False)),
    ("gradient", lambda e: symdiff.gradient(e)),
    ("derive", lambda e: symdiff.derive(e, "x").render("unicode")),
    ("derive-latex", lambda e: symdiff.derive(e, "x").render("latex")),
    ("simplify", lambda e: symdiff.simplify(e)),
    ("simplify-expand", lambda e: symdiff.simplify(e, expand=True)),
    ("partial", lambda e: symdiff.partial(e, "x", "y")),
    ("nth_derivative", lambda e: symdiff.nth_derivative(e, "x", 2)),
    ("derivations", lambda e: symdiff.derivations(e, ["x", "y"])),
    ("hessian", lambda e: symdiff.hessian(e, ["x", "y"])),
    ("jacobian", lambda e: symdiff.jacobian([e, e], ["x", "z"])),
    ("check_answer", lambda e: symdiff.check_answer(e, e, "x")),
    ("variables_of", lambda e: symdiff.variables_of(e)),
    ("as_definition", lambda e: symdiff.as_definition(e)),
    ("render", lambda e: [render(e, fmt) for fmt in ("text", "unicode", "latex")]),
    ("evaluate", lambda e: e.evaluate(dict.fromkeys(("x", "y", "z"), Fraction(1, 3)))),
    ("to_sympy", lambda e: e.to_sympy()),
    ("operators", lambda e: (e + 1, e * e, e**2, -e, e / 2)),
]


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize(("name", "call"), CALLS, ids=[c[0] for c in CALLS])
def test_api_functions_leave_their_input_unchanged(
    source: str, name: str, call: Callable[[Expr], object]
) -> None:
    e = symdiff.parse(source)
    before = snapshot(e)
    try:
        call(e)
    except symdiff.SymdiffError:
        pass  # an abstract function cannot be evaluated, say; the input must still be intact
    except ImportError:
        pytest.skip("SymPy is not installed")
    assert snapshot(e) == before
    assert symdiff.parse(source) is e


@pytest.mark.parametrize("source", SOURCES)
def test_nodes_refuse_assignment(source: str) -> None:
    for node in postorder(symdiff.parse(source)):
        for field in (*node._fields, "anything"):
            with pytest.raises(AttributeError):
                setattr(node, field, Num(0))
            if field in node._fields:
                with pytest.raises(AttributeError):
                    delattr(node, field)


def test_children_are_tuples_and_values_are_exact() -> None:
    e = symdiff.parse("3*x^2 + 5/2 + max(x, y, 1)")
    for node in postorder(e):
        assert isinstance(node.children, tuple)
        if isinstance(node, Num):
            assert isinstance(node.value, Fraction)  # immutable, unlike a list or a float array
    assert Var("x") is symdiff.var("x")
