"""Backpropagation, step by step: the book's neuron, agreement with gradient(), every format.

The book walks one ReLU neuron with inputs 1, −2, 3, weights −3, −1, 2 and bias 1 through
the forward and backward passes; ``symdiff backprop`` must give its numbers and read like
it.  For random expressions and the network builder, the walkthrough's gradient is
``symdiff.gradient`` evaluated at the point.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import symdiff
from strategies import exprs
from symdiff.core.expr import Add, Call, Expr, Mul, Num, Var
from symdiff.errors import DomainError, LimitError
from symdiff.printers.json import schema
from symdiff.walkthrough.graph import build_graph
from symdiff.walkthrough.layers import summarize
from test_html_browser import browse, chromium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples"))
import network  # noqa: E402

NEURON = "relu(x0*w0 + x1*w1 + x2*w2 + b)"
BOOK_POINT = {"x0": 1, "x1": -2, "x2": 3, "w0": -3, "w1": -1, "w2": 2, "b": 1}
PARAMETERS = ["w0", "w1", "w2", "b"]


@pytest.fixture(scope="module")
def neuron() -> symdiff.walkthrough.Walkthrough:  # type: ignore[name-defined]
    return symdiff.backprop(NEURON, BOOK_POINT, wrt=PARAMETERS)


# the book's forward values and gradients (∂ReLU/∂node), node by node
BOOK = [
    ("mul0", "x0*w0", -3, 1),
    ("mul1", "x1*w1", 2, 1),
    ("mul2", "x2*w2", 6, 1),
    ("sum", "mul0 + mul1 + mul2 + b", 6, 1),
    ("ReLU", "relu(sum)", 6, 1),
    ("x0", "x0", 1, -3),
    ("x1", "x1", -2, -1),
    ("x2", "x2", 3, 2),
    ("w0", "w0", -3, 1),
    ("w1", "w1", -1, -2),
    ("w2", "w2", 2, 3),
    ("b", "b", 1, 1),
]


@pytest.mark.parametrize(("name", "definition", "value", "grad"), BOOK)
def test_the_books_neuron_node_by_node(neuron, name: str, definition: str, value: int,  # type: ignore[no-untyped-def]
                                       grad: int) -> None:  # fmt: skip
    node = next(n for n in neuron.graph.nodes if n.name == name)
    assert (str(node.definition), node.value, node.grad) == (definition, value, grad)


def test_the_books_neuron_reads_like_the_book(neuron) -> None:  # type: ignore[no-untyped-def]
    text = neuron.render("unicode")
    chains = text.split("Chain rule for each parameter:\n", 1)[1].split("\n\n", 1)[0]
    assert chains.splitlines() == [
        "  ∂L/∂w₀ = ∂ReLU/∂sum · ∂sum/∂mul₀ · ∂mul₀/∂w₀ = 1(sum > 0) · 1 · x₀ = 1 · 1 · 1 = 1",
        "  ∂L/∂w₁ = ∂ReLU/∂sum · ∂sum/∂mul₁ · ∂mul₁/∂w₁ = 1(sum > 0) · 1 · x₁ = 1 · 1 · (−2) = −2",
        "  ∂L/∂w₂ = ∂ReLU/∂sum · ∂sum/∂mul₂ · ∂mul₂/∂w₂ = 1(sum > 0) · 1 · x₂ = 1 · 1 · 3 = 3",
        "  ∂L/∂b = ∂ReLU/∂sum · ∂sum/∂b = 1(sum > 0) · 1 = 1 · 1 = 1",
    ]
    assert "  ReLU = relu(sum) = 6" in text.splitlines()
    assert "  ∂L/∂sum = ∂L/∂ReLU · ∂ReLU/∂sum = 1 · 1(sum > 0) = 1 · 1 = 1" in text.splitlines()
    assert "  ∂L/∂x₁ = ∂L/∂mul₁ · ∂mul₁/∂x₁ = 1 · w₁ = 1 · (−1) = −1" in text.splitlines()
    assert text.splitlines()[0] == ("Backpropagation through " + NEURON + " at x₀ = 1, x₁ = −2, "
                                    "x₂ = 3, w₀ = −3, w₁ = −1, w₂ = 2, b = 1")  # fmt: skip


def test_the_backward_pass_visits_parents_before_children(neuron) -> None:  # type: ignore[no-untyped-def]
    seen: set[int] = set()
    for node in neuron.graph.backward_order():
        for e in neuron.graph.parents_of(node.index):
            assert e.parent in seen
        seen.add(node.index)


def test_an_inactive_neuron_passes_no_gradient() -> None:
    w = symdiff.backprop(NEURON, {**BOOK_POINT, "b": -10}, wrt=PARAMETERS)
    assert w.gradient() == {"w0": 0, "w1": 0, "w2": 0, "b": 0}
    assert "= 1(sum > 0) · 1 · x₀ = 0 · 1 · 1 = 0" in w.render("unicode")


def _close(a: object, b: object) -> bool:
    fa, fb = float(a), float(b)  # type: ignore[arg-type]
    return math.isclose(fa, fb, rel_tol=1e-12, abs_tol=1e-12)


POINT_VALUES = st.sampled_from([Fraction(1, 2), Fraction(-3, 4), Fraction(5, 3), 2, -1])


@settings(max_examples=150, deadline=None)
@given(exprs(("x", "y", "z"), max_leaves=10), POINT_VALUES, POINT_VALUES, POINT_VALUES)
def test_backprop_gives_the_gradient_at_the_point(expr, x, y, z) -> None:  # type: ignore[no-untyped-def]
    point = {"x": x, "y": y, "z": z}
    names = ["x", "y", "z"]
    try:
        expected = {n: p.evaluate(point) for n, p in symdiff.gradient(expr, names).items()}
        w = symdiff.backprop(expr, point, wrt=names)
    except (DomainError, LimitError):
        return  # a pole or a value too big at this point: nothing to compare
    got = w.gradient()
    assert all(_close(got[n], expected[n]) for n in names), (str(expr), got, expected)


@pytest.mark.parametrize("widths", [(2, 4, 4, 3), (4, 16, 16, 3)])
def test_the_network_builder_gradient_and_its_layers(widths: tuple[int, ...]) -> None:
    loss = network.loss_expr(widths)
    params = network.parameters(widths)
    point = {p: Fraction((i % 7) - 3, 8) for i, p in enumerate(params)}
    w = symdiff.backprop(loss, point)
    gradient = symdiff.gradient(loss, params)
    for p in params[:: max(1, len(params) // 40)]:
        assert _close(w.gradient()[p], gradient[p].evaluate(point)), p
    assert not w.full  # a network is summarized by layers unless asked
    text = w.render("unicode")
    assert len(text) < 60_000 and "layer 1:" in text and "activations:" in text
    layers = summarize(w.graph, params)
    hidden = [s for s in layers if s.activations.kinds and s.activations.kinds[0][0] == "max"]
    assert [s.activations.count for s in hidden] == list(widths[1:-1])
    assert sum(s.parameters.count for s in layers) == len(params)


FORMATS = ["text", "unicode", "latex", "markdown", "json", "html", "dot"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_the_gradient(neuron, fmt: str) -> None:  # type: ignore[no-untyped-def]
    out = neuron.render(fmt)
    assert out
    if fmt == "json":
        doc = json.loads(out)
        jsonschema.Draft202012Validator(schema()).validate(doc)
        assert {k: v["text"] for k, v in doc["gradient"].items()} == {
            "w0": "1", "w1": "-2", "w2": "3", "b": "1"}  # fmt: skip
        assert len(doc["nodes"]) == len(neuron.graph.nodes)
    if fmt == "dot":
        assert out.startswith("digraph backprop {") and out.count("->") == len(neuron.graph.edges)
    if fmt == "html":
        assert out.count('class="node"') == len(neuron.graph.nodes)


def test_the_svg_has_a_node_per_distinct_node() -> None:
    w = symdiff.backprop("sin(x*y) + x*y + x", {"x": 1, "y": 2})
    html = w.render("html")
    assert html.count('<g class="node"') == len(w.graph.nodes) == 5  # x, y, x*y, sin, the sum


def test_a_big_walkthrough_is_refused_before_printing() -> None:
    w = symdiff.backprop(NEURON, BOOK_POINT)
    with pytest.raises(LimitError, match="max_output_chars"):
        w.render("unicode", limits=symdiff.Limits(max_output_chars=100))


def test_a_pole_at_the_point_is_a_domain_error() -> None:
    with pytest.raises(DomainError):
        build_graph("1/(x - 1)", {"x": 1})


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "symdiff", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)  # fmt: skip


def test_the_command() -> None:
    at = ",".join(f"{k}={v}" for k, v in BOOK_POINT.items())
    done = _run("backprop", NEURON, "--at", at, "--wrt", "w0,w1,w2,b", "--format", "text")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-4:] == ["  dL/dw0 = 1", "  dL/dw1 = -2", "  dL/dw2 = 3",
                                             "  dL/db = 1"]  # fmt: skip
    missing = _run("backprop", NEURON)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "--at" in missing.stderr
    unset = _run("backprop", NEURON, "--at", "x0=1")
    assert unset.returncode == 2 and "no value given for" in unset.stderr


def test_the_page_renders_in_chromium(neuron, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    chromium()
    page = tmp_path / "neuron.html"
    page.write_text(neuron.render("html"), encoding="utf-8")
    shot = tmp_path / "neuron.png"
    result = browse(page, "--virtual-time-budget=5000", "--window-size=1200,1400",
                    f"--screenshot={shot}")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
    dom = browse(page, "--virtual-time-budget=5000", "--dump-dom").stdout
    body = dom.split("<body>", 1)[1]
    assert not re.search(r'class="[^"]*katex-error', body)
    assert body.count('class="katex"') >= 20 and body.count('class="node"') == 12


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        (Call("max", (Var("x"), Add((Var("x"), Num(0))))), 1),  # x + 0 is x: counted once
        (Call("max", (Var("x"), Mul((Var("x"), Num(1))))), 1),
        (Call("min", (Var("x"), Var("x"), Var("y"))), 1),  # a repeat counts once
        (Call("max", (Var("x"), Var("x"), Var("y"))), 0),  # y = 3 wins
    ],
    ids=str,
)
def test_equal_arguments_of_max_count_once_in_the_backward_pass(expr: Expr, expected: int) -> None:
    point = {"x": Fraction(1), "y": Fraction(3)}
    assert symdiff.gradient(expr, ["x"])["x"].evaluate(point) == expected
    assert symdiff.backprop(expr, point, wrt=["x"]).gradient()["x"] == expected
