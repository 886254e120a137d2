"""Plots: the SVG's own path data, read back through its axes, agrees with f and f′.

Every check maps the drawing's pixel coordinates back to values through the axes' tick
labels (the transform a reader uses), then compares with symdiff's evaluator within a
pixel: no stroke joins the two sides of a pole or a jump, no point lies outside the
domain, every point lies on its curve.
"""

from __future__ import annotations

import math
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise
from pathlib import Path

import pytest

import symdiff
from symdiff.cli import main
from symdiff.core.evaluate import evaluate
from symdiff.errors import DomainError, LimitError, UnsupportedError
from symdiff.limits import Limits
from symdiff.plot.breaks import MIN_SAMPLES, SAMPLES_PER_CURVE, TIME_POLL, Sampler, budget_for
from symdiff.plot.sampling import View, clip, sample_curve
from symdiff.plot.ticks import MANTISSAS, nice_axis
from symdiff.results import plot_svg

SVG = "{http://www.w3.org/2000/svg}"
Point = tuple[float, float]


def _number(text: str) -> float:
    return float(text.replace("−", "-"))


@dataclass
class Drawing:
    """A plot read back: the axes' transform and each curve's pieces in values."""

    root: ET.Element
    x_ticks: list[tuple[float, float]]  # (pixel, value)
    y_ticks: list[tuple[float, float]]

    @classmethod
    def of(cls, svg: str) -> Drawing:
        root = ET.fromstring(svg)
        texts = list(root.iter(SVG + "text"))
        xs = [
            (float(t.get("x", "")), _number(t.text or ""))
            for t in texts
            if t.get("class") == "xtick"
        ]
        ys = [
            (float(t.get("y", "")), _number(t.text or ""))
            for t in texts
            if t.get("class") == "ytick"
        ]
        return cls(root, xs, ys)

    @staticmethod
    def _affine(ticks: list[tuple[float, float]]) -> tuple[float, float]:
        (p0, v0), (p1, v1) = ticks[0], ticks[-1]
        scale = (p1 - p0) / (v1 - v0)
        for p, v in ticks:  # every tick sits where the transform puts its value
            assert abs(p0 + (v - v0) * scale - p) < 0.02
        return p0 - v0 * scale, scale

    @property
    def x_transform(self) -> tuple[float, float]:
        return self._affine(self.x_ticks)

    @property
    def y_transform(self) -> tuple[float, float]:
        return self._affine(self.y_ticks)

    def value(self, px: float, py: float) -> Point:
        (x0, xs), (y0, ys) = self.x_transform, self.y_transform
        return (px - x0) / xs, (py - y0) / ys

    def pixel_size(self) -> tuple[float, float]:
        return 1 / abs(self.x_transform[1]), 1 / abs(self.y_transform[1])

    def pieces(self, name: str) -> list[list[Point]]:
        (path,) = [p for p in self.root.iter(SVG + "path") if p.get("class") == f"curve {name}"]
        out: list[list[Point]] = []
        for op, px, py in re.findall(r"([ML])([-\d.]+) ([-\d.]+)", path.get("d", "")):
            if op == "M":
                out.append([])
            out[-1].append(self.value(float(px), float(py)))
        return out

    def circles(self, kind: str) -> list[Point]:
        return [self.value(float(c.get("cx", "")), float(c.get("cy", "")))
                for c in self.root.iter(SVG + "circle") if c.get("class") == kind]  # fmt: skip

    def area(self) -> ET.Element:
        (g,) = [g for g in self.root.iter(SVG + "g") if g.get("class") == "plot-area"]
        return g

    def texts(self, kind: str) -> list[str]:
        return [t.text or "" for t in self.root.iter(SVG + "text") if t.get("class") == kind]


def numeric(expr: symdiff.Expr, var: str = "x", **fixed: float) -> Callable[[float], float | None]:
    def value(x: float) -> float | None:
        try:
            v = float(evaluate(expr, {**fixed, var: x}))
        except (DomainError, LimitError, OverflowError):
            return None
        return v if math.isfinite(v) else None

    return value


def poles_of_tan(lo: float, hi: float) -> list[float]:
    return [
        (k + 0.5) * math.pi
        for k in range(math.floor(lo / math.pi) - 1, math.ceil(hi / math.pi) + 1)
    ]


# source, where f jumps or has a pole or a domain edge, where f′ does (callables of the window)
Breaks = Callable[[float, float], list[float]]


def NONE(lo: float, hi: float) -> list[float]:
    return []


CASES = [
    ("x^3 - 3x", NONE, NONE),
    ("x^4 - 2x^2 + 1/2", NONE, NONE),
    ("tan(x)", poles_of_tan, poles_of_tan),
    ("1/x", lambda lo, hi: [0.0], lambda lo, hi: [0.0]),
    ("log(x)", lambda lo, hi: [0.0], lambda lo, hi: [0.0]),
    ("sqrt(1 - x^2)", lambda lo, hi: [-1.0, 1.0], lambda lo, hi: [-1.0, 1.0]),
    ("relu(x)", NONE, lambda lo, hi: [0.0]),
    ("abs(x)", NONE, lambda lo, hi: [0.0]),
    ("sign(x)", lambda lo, hi: [0.0], NONE),
    ("sin(1/x)", lambda lo, hi: [0.0], lambda lo, hi: [0.0]),
    ("max(x, 2 - x)", NONE, lambda lo, hi: [1.0]),
]
IDS = [source for source, _, _ in CASES]


@pytest.fixture(scope="module")
def drawings() -> dict[str, Drawing]:
    return {source: Drawing.of(plot_svg(source)) for source, _, _ in CASES}


def _curves(source: str) -> dict[str, symdiff.Expr]:
    f = symdiff.parse(source)
    return {"f": f, "df": symdiff.diff(f, "x")}


@pytest.mark.parametrize(("source", "f_breaks", "df_breaks"), CASES, ids=IDS)
def test_no_stroke_across_a_pole_or_jump(
    source: str, f_breaks: Breaks, df_breaks: Breaks, drawings: dict[str, Drawing]
) -> None:
    drawing = drawings[source]
    dx, dy = drawing.pixel_size()
    r = dx / 50  # the path data's rounding (0.005 px), with a margin
    lo, hi = drawing.x_ticks[0][1], drawing.x_ticks[-1][1]
    for name, breaks in (("f", f_breaks), ("df", df_breaks)):
        for piece in drawing.pieces(name):
            for (a, ya), (b, yb) in pairwise(piece):
                for c in breaks(lo - 1, hi + 1):
                    across = a < c - r and b > c + r
                    # or a (near) vertical stroke at c: both ends within rounding of c
                    wall = abs(a - c) <= 2 * r and abs(b - c) <= 2 * r and abs(yb - ya) > 20 * dy
                    assert not (across or wall), (
                        f"{name} of {source}: ({a}, {ya})–({b}, {yb}) crosses {c}"
                    )


@pytest.mark.parametrize("source", IDS)
def test_points_are_in_the_domain_and_on_the_curves(
    source: str, drawings: dict[str, Drawing]
) -> None:
    drawing = drawings[source]
    dx, dy = drawing.pixel_size()
    for name, expr in _curves(source).items():
        f = numeric(expr)
        pieces = drawing.pieces(name)
        assert sum(len(p) for p in pieces) > 20, f"{name} of {source} is drawn"
        for piece in pieces:
            for x, y in piece:
                at = f(x)
                if at is not None and abs(at - y) <= dy:
                    continue
                for n in (20, 200):  # x within half a pixel: through a value of f within one
                    near = [f(x + dx * k / n) for k in range(-n // 2, n // 2 + 1)]
                    values = [v for v in near if v is not None]
                    if values and min(values) - dy <= y <= max(values) + dy:
                        break
                assert values, f"{name} of {source} has no value near x = {x} (outside the domain)"
                on_curve = min(values) - dy <= y <= max(values) + dy
                assert on_curve, f"({x}, {y}) is not on {name} of {source}: {values[:3]}..."


@pytest.mark.parametrize("source", IDS)
def test_every_point_is_inside_the_window(source: str, drawings: dict[str, Drawing]) -> None:
    drawing = drawings[source]
    dx, dy = drawing.pixel_size()
    (x_lo, x_hi), (y_lo, y_hi) = (
        (float(v) for v in drawing.area().get(axis, "").split()) for axis in ("data-x", "data-y")
    )
    for name in ("f", "df"):
        for x, y in [p for piece in drawing.pieces(name) for p in piece]:
            assert x_lo - dx <= x <= x_hi + dx and y_lo - dy <= y <= y_hi + dy, (name, x, y)


@pytest.mark.parametrize("source", IDS)
def test_the_window_is_finite_and_the_ticks_nice(source: str, drawings: dict[str, Drawing]) -> None:
    drawing = drawings[source]
    for ticks in (drawing.x_ticks, drawing.y_ticks):
        values = [Fraction(str(v)) for _, v in ticks]
        assert len(values) >= 3 and all(math.isfinite(v) for _, v in ticks)
        steps = {b - a for a, b in pairwise(values)}
        assert len(steps) == 1, steps
        (step,) = steps
        exponent = math.floor(math.log10(step))
        assert step / Fraction(10) ** exponent in MANTISSAS
    assert -10 <= drawing.x_ticks[0][1] < drawing.x_ticks[-1][1] <= 10


@pytest.mark.parametrize(("source", "edges"), [("sqrt(1 - x^2)", [-1, 1]), ("sqrt(x)", [0])])
def test_curves_reach_the_edges_of_the_domain(source: str, edges: list[float]) -> None:
    drawing = Drawing.of(plot_svg(source))
    dx, _ = drawing.pixel_size()
    xs = [x for piece in drawing.pieces("f") for x, _ in piece]
    for edge in edges:
        assert min(abs(x - edge) for x in xs) < dx, edge


@pytest.mark.parametrize("source", ["log(x)", "log(abs(x))", "1/x", "tan(x)"])
def test_curves_running_to_infinity_reach_the_border(source: str) -> None:
    drawing = Drawing.of(plot_svg(source))
    _, dy = drawing.pixel_size()
    bottom, top = drawing.y_ticks[0][1], drawing.y_ticks[-1][1]
    ys = [y for piece in drawing.pieces("f") for y in (piece[0][1], piece[-1][1])]
    assert any(abs(y - bottom) < dy for y in ys) and (
        source.startswith("log") or any(abs(y - top) < dy for y in ys)
    ), (bottom, top, ys)


WINDOWS = [  # source, the window chosen for it
    ("x^2", (-2, 2)),
    ("x^3 - 3x", (-4, 4)),
    ("sqrt(1 - x^2)", (-1.5, 1.5)),
    ("log(x)", (-1, 3)),
    ("1/x", (-3, 3)),
    ("relu(x)", (-2, 2)),
    ("exp(x)", (-6, 6)),
]


@pytest.mark.parametrize(("source", "window"), WINDOWS)
def test_window_chosen_around_what_matters(source: str, window: tuple[float, float]) -> None:
    drawing = Drawing.of(plot_svg(source))
    assert (drawing.x_ticks[0][1], drawing.x_ticks[-1][1]) == window  # nice axes end on ticks


def test_xrange_is_kept_exactly() -> None:
    drawing = Drawing.of(plot_svg("x^2", xrange=(-5, 5)))
    assert drawing.area().get("data-x") == "-5 5"
    xs = [x for piece in drawing.pieces("f") for x, _ in piece]
    assert (min(xs), max(xs)) == (-5, 5)
    assert [label for _, label in drawing.x_ticks] == [-4, -2, 0, 2, 4]


CORNERS = [("relu(x)", 0), ("abs(x - 1)", 1), ("max(x, 2 - x)", 1), ("min(x^2, 1)", -1)]


@pytest.mark.parametrize(("source", "corner"), CORNERS)
def test_corners_are_marked_on_f(source: str, corner: float) -> None:
    drawing = Drawing.of(plot_svg(source))
    dx, dy = drawing.pixel_size()
    kinks = drawing.circles("kink")
    f = numeric(symdiff.parse(source))
    assert any(abs(x - corner) < dx and abs(y - (f(corner) or 0)) < dy for x, y in kinks), kinks
    assert "corner of f" in "".join(drawing.texts("caption"))


def test_smooth_functions_have_no_corner_marks() -> None:
    for source in ("abs(x)^2", "x^3", "relu(x)^2"):
        assert Drawing.of(plot_svg(source)).circles("kink") == [], source


def test_tangent_at_a_point() -> None:
    drawing = Drawing.of(plot_svg("x^2", at={"x": 1}))
    (line,) = drawing.pieces("tangent")
    dx, dy = drawing.pixel_size()
    for x, y in line:
        assert abs(y - (1 + 2 * (x - 1))) < 2 * dy
    assert drawing.circles("point") == [pytest.approx((1, 1), abs=2 * max(dx, dy))]
    assert drawing.texts("legend tangent") == ["tangent at x = 1: y = 1 + 2·(x − 1)"]


def test_second_derivative_on_request() -> None:
    plain, second = plot_svg("x^3"), plot_svg("x^3", second=True)
    assert 'class="curve d2f"' not in plain and 'class="curve d2f"' in second
    drawing = Drawing.of(second)
    _, dy = drawing.pixel_size()
    for piece in drawing.pieces("d2f"):
        for x, y in piece:
            assert abs(y - 6 * x) < 2 * dy
    assert drawing.texts("legend d2f") == ["f″(x) = 6x"]


def test_legend_names_each_stroke_in_its_own_style() -> None:
    root = ET.fromstring(plot_svg("sin(x)", at={"x": 0}, second=True))
    strokes = {p.get("class"): (p.get("stroke"), p.get("stroke-dasharray"))
               for p in root.iter(SVG + "path")}  # fmt: skip
    assert len(set(strokes.values())) == 4, strokes  # colour and dash both differ
    assert len({colour for colour, _ in strokes.values()}) == 4
    labels = [
        t.text for t in root.iter(SVG + "text") if (t.get("class") or "").startswith("legend")
    ]
    assert labels == ["f(x) = sin(x)", "f′(x) = cos(x)", "f″(x) = −sin(x)",
                      "tangent at x = 0: y = 0 + 1·x"]  # fmt: skip


def test_partial_along_one_variable_with_the_others_fixed() -> None:
    drawing = Drawing.of(plot_svg("x^2 y", "x", at={"y": 2}))
    _, dy = drawing.pixel_size()
    for x, y in [p for piece in drawing.pieces("f") for p in piece]:
        assert abs(y - 2 * x * x) < 2 * dy
    for x, y in [p for piece in drawing.pieces("df") for p in piece]:
        assert abs(y - 4 * x) < 2 * dy
    assert drawing.texts("caption") == ["along x, with y = 2 fixed"]
    assert drawing.texts("legend df") == ["∂f/∂x = 2xy"]


@pytest.mark.parametrize(("args", "message"), [
    (("x^2 y",), "several variables (x, y): say which one to plot along with --wrt"),
    (("x^2 y", "x"), "plotting along x: fix the other variables with --at, e.g. --at y=1"),
])  # fmt: skip
def test_several_variables_need_wrt_and_values(args: tuple[str, ...], message: str) -> None:
    with pytest.raises(UnsupportedError, match=re.escape(message)):
        plot_svg(*args)


def test_no_real_value_in_the_window_is_said() -> None:
    drawing = Drawing.of(plot_svg("log(-x^2 - 1)"))
    assert drawing.pieces("f") == []
    assert "f has no real value in this window" in drawing.texts("caption")


def test_generic_jump_detection_without_the_function_table() -> None:
    # floor is not in symdiff's function table yet: the bisection finds its steps anyway
    view = View(pixels_per_unit=40, lo=-4, hi=4)
    f = Sampler(lambda x: float(math.floor(x)))
    pieces = clip(sample_curve(f, -3.3, 3.3, view), f, view)
    for piece in pieces:
        xs = [x for x, _ in piece]
        assert math.floor(min(xs)) == math.floor(max(xs) - 1e-12), (min(xs), max(xs))
        assert {y for _, y in piece} == {float(math.floor(min(xs)))}
    assert len(pieces) == 8  # a step at each integer from -3 to 3
    assert f.used <= f.budget


def test_sampling_polls_the_call_clock() -> None:
    running = Limits(timeout=1e-9).begin()
    time.sleep(0.001)
    f = Sampler(math.sin, running)
    with pytest.raises(LimitError, match="plotting exceeded the time limit"):
        sample_curve(f, -1, 1, View(100, -1, 1))
    assert f.used == TIME_POLL  # stopped at the first look at the clock


def test_samples_are_bounded() -> None:
    f = Sampler(lambda x: math.sin(1 / x) if x else None, budget=2_000)
    view = View(100, -1.5, 1.5)
    clip(sample_curve(f, -1, 1, view), f, view)
    assert f.used <= 2_000


@pytest.mark.parametrize(("lo", "hi"), [(-3.7, 3.7), (0.001, 0.0093), (-1234, 87), (0, 1e6)])
def test_nice_axes(lo: float, hi: float) -> None:
    axis = nice_axis(lo, hi)
    assert axis.lo <= lo and axis.hi >= hi and axis.mantissa in MANTISSAS
    assert 4 <= len(axis.ticks()) <= 9
    assert axis.hi - axis.lo <= 2.5 * (hi - lo)


# ----- the command ---------------------------------------------------------------


def test_command_writes_svg_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plot", "tan(x)", "--xrange", "-5,5"]) == 0
    out = capsys.readouterr().out
    drawing = Drawing.of(out)
    assert [v for _, v in drawing.x_ticks] == [-4, -2, 0, 2, 4]


def test_command_writes_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "f.svg"
    args = ["plot", "x^2 y", "--wrt", "x", "--at", "y=-1", "--second", "-o", str(target)]
    assert main(args) == 0
    assert capsys.readouterr().out == ""
    drawing = Drawing.of(target.read_text(encoding="utf-8"))
    assert drawing.texts("caption") == ["along x, with y = −1 fixed"]


@pytest.mark.parametrize(("args", "message"), [
    (["--xrange", "5,1"], "--xrange expects A,B with A < B (e.g. -5,5), not '5,1'"),
    (["--xrange", "1"], "--xrange expects A,B with A < B (e.g. -5,5), not '1'"),
    (["--xrange", "a,b"], "--xrange expects A,B with A < B (e.g. -5,5), not 'a,b'"),
    (["--xrange", "1/0,1"], "--xrange expects A,B with A < B (e.g. -5,5), not '1/0,1'"),
    (["--at", "x=0", "--expr-is", "log(x)"], "no tangent at x = 0: logarithm of the non-positive"),
    (["--wrt", "x,y"], "plot takes one --wrt variable"),
    (["--timeout", "0.000001"], "exceeded the time limit of 1e-06 s (timeout)"),
])  # fmt: skip
def test_command_errors_are_one_line(args: list[str], message: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    expr = "x^2"
    if "--expr-is" in args:
        expr, args = args[-1], args[:-2]
    assert main(["plot", expr, *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith("symdiff: error: ") and message in line, line


# ----- the HTML page ---------------------------------------------------------------


def test_html_page_shows_the_plot_of_a_one_variable_derivative(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["h(x) = 3(2x^2)^5", "--steps", "--format", "html"]) == 0
    page = capsys.readouterr().out
    (figure,) = re.findall(r'<figure class="plot">\n(<svg .*?</svg>)\n</figure>', page, re.S)
    drawing = Drawing.of(figure.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    assert drawing.texts("legend f") == ["h(x) = 3(2x²)⁵"]
    assert drawing.texts("legend df") == ["h′(x) = 960x⁹"]
    assert page.index("<h2>Steps</h2>") < page.index("<h2>Plot</h2>")


NO_PLOT = [["x^2", "--no-plot"], ["x^2 y"], ["x*y", "--wrt", "x"], ["sin(x)", "--order", "2"],
           ["f(x)"], ["grad", "x^2"]]  # fmt: skip


@pytest.mark.parametrize("args", NO_PLOT)
def test_html_page_without_a_plot(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*args, "--format", "html"]) == 0
    assert '<figure class="plot">' not in capsys.readouterr().out


def test_a_plot_is_drawn_only_for_the_page() -> None:
    report = symdiff.derive("x^2", "x").report()
    assert report.plot is not None
    assert "<svg" not in report.render("json")
    assert "](data:image/svg+xml;base64," in report.render("markdown")  # the plot as an image
    assert '<figure class="plot">' in report.render("html")
    assert '<figure class="plot">' in symdiff.derive("x^2", "x")._repr_html_()


def test_a_page_leaves_out_the_plot_of_a_large_expression() -> None:
    large = " + ".join(f"sin({k}x)" for k in range(1, 120))
    report = symdiff.derive(large, "x").report()
    assert report.plot is not None and report.plot.svg() is None
    assert '<figure class="plot">' not in report.render("html")


def test_large_expressions_get_fewer_samples() -> None:
    assert budget_for(10) == SAMPLES_PER_CURVE
    assert MIN_SAMPLES <= budget_for(2_000) < SAMPLES_PER_CURVE
    assert budget_for(10**6) == MIN_SAMPLES
