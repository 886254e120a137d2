"""The numerically safe functions of a classifier's loss: logsumexp, softplus, logsigmoid, softmax.

``logsumexp(u1, …, un) = log(Σ exp(uᵢ))`` (any number of arguments), ``softplus(u) =
log(1 + exp(u))``, ``logsigmoid(u) = log(sigmoid(u))`` (also spelled ``log_sigmoid``) and
the shorthand ``softmax(k, u1, …, un) = exp(uk - logsumexp(u1, …, un))``.  Each table
states the spec: derivatives against SymPy expressions written here independently (not
through symdiff's bridge), values at ±800 against mpmath at 50 digits, compiled code
(Python, NumPy, C through the system compiler) against ``evaluate``, and the network
builder's loss, whose softmax cross-entropy is ``logsumexp(z) - z_t``.
"""

from __future__ import annotations

import dataclasses
import math
import os
import subprocess
import sys
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import mpmath
import numpy as np
import pytest
import sympy

import symdiff
from symdiff import LimitError, UnsupportedError
from symdiff.check.bridge import to_sympy
from symdiff.check.numeric import verify
from symdiff.check.precise import enclose
from symdiff.cli import main
from symdiff.core.evaluate import evaluate_nodes
from symdiff.core.expr import Call, Expr, Var
from symdiff.core.multiple import Multiple
from symdiff.core.walk import postorder
from symdiff.parsing.parser import parse
from symdiff.printers.latex import to_latex
from symdiff.printers.unicode import to_unicode
from test_compile import COMPILER, FRAMEWORKS, _framework_args, agrees, c_function, reference
from test_katex import render

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import network  # noqa: E402
from backends import CALLS  # noqa: E402

X, Y = sympy.symbols("x y", real=True)


def sp_softplus(u: Any) -> Any:
    return sympy.log(1 + sympy.exp(u))


def sp_logsumexp(*us: Any) -> Any:
    return sympy.log(sum(sympy.exp(u) for u in us))


# ----- derivatives, against SymPy ------------------------------------------------------------
DERIVATIVES = [  # source, the same function in SymPy (written here), symdiff's d/dx
    ("softplus(x^2)", sp_softplus(X**2), "2*x*sigmoid(x^2)"),
    ("sin(x)*softplus(3x)", sympy.sin(X) * sp_softplus(3 * X),
     "cos(x)*softplus(3*x) + 3*sin(x)*sigmoid(3*x)"),
    ("softplus(x)/x", sp_softplus(X) / X, "(x*sigmoid(x) - softplus(x))*x^-2"),
    ("logsigmoid(2x + 1)", -sp_softplus(-(2 * X + 1)), "2*sigmoid(-(2*x + 1))"),
    ("log_sigmoid(x)", sympy.log(1 / (1 + sympy.exp(-X))), "sigmoid(-x)"),
    ("x*logsigmoid(-x)", -X * sp_softplus(X), "logsigmoid(-x) - x*sigmoid(x)"),
    ("logsigmoid(x)/(1 + x^2)", -sp_softplus(-X) / (1 + X**2),
     "(sigmoid(-x)*(1 + x^2) - 2*x*logsigmoid(x))*(1 + x^2)^-2"),
    ("logsumexp(x, 2x, y)", sp_logsumexp(X, 2 * X, Y),
     "exp(x - logsumexp(x, 2*x, y)) + 2*exp(2*x - logsumexp(x, 2*x, y))"),
    ("logsumexp(sin(x), x^2)", sp_logsumexp(sympy.sin(X), X**2),
     "exp(sin(x) - logsumexp(sin(x), x^2))*cos(x) + 2*x*exp(x^2 - logsumexp(sin(x), x^2))"),
    ("x*logsumexp(x, y, 0)", X * sp_logsumexp(X, Y, 0),
     "logsumexp(x, y, 0) + x*exp(x - logsumexp(x, y, 0))"),
    ("logsumexp(x)/logsumexp(x, y)", X / sp_logsumexp(X, Y),
     "(exp(x - logsumexp(x))*logsumexp(x, y) - logsumexp(x)*exp(x - logsumexp(x, y)))"
     "*logsumexp(x, y)^-2"),
    ("logsumexp(x, x)", X + sympy.log(2), "2*exp(x - logsumexp(x, x))"),
    ("softmax(2, x, y, x^2)", sympy.exp(Y) / (sympy.exp(X) + sympy.exp(Y) + sympy.exp(X**2)),
     "-exp(y - logsumexp(x, y, x^2))*(exp(x - logsumexp(x, y, x^2)) + "
     "2*x*exp(x^2 - logsumexp(x, y, x^2)))"),
    ("softmax(1, x, y)*x", X * sympy.exp(X) / (sympy.exp(X) + sympy.exp(Y)),
     "x*exp(x - logsumexp(x, y))*(1 - exp(x - logsumexp(x, y))) + exp(x - logsumexp(x, y))"),
    ("softplus(logsumexp(x, y))", sp_softplus(sp_logsumexp(X, Y)),
     "sigmoid(logsumexp(x, y))*exp(x - logsumexp(x, y))"),
]  # fmt: skip

POINTS = [Fraction(-2), Fraction(-1, 2), Fraction(1, 3), Fraction(3)]  # x; y is 7/5


@pytest.mark.parametrize(("source", "function", "derivative"), DERIVATIVES,
                         ids=[c[0] for c in DERIVATIVES])  # fmt: skip
def test_derivative_against_sympy(source: str, function: Any, derivative: str) -> None:
    ours = symdiff.diff(source, "x")
    assert str(ours) == derivative
    theirs = sympy.diff(function, X)
    for x in POINTS:
        point = {"x": x, "y": Fraction(7, 5)}
        want = theirs.evalf(30, subs={X: sympy.Rational(str(x)), Y: sympy.Rational(7, 5)})
        assert math.isclose(float(ours.evaluate(point)), float(want), rel_tol=1e-12), x


VERIFIED = ["sin(x)*softplus(3x)", "logsigmoid(x)/(1 + x^2)", "logsumexp(sin(x), x^2)",
            "softmax(1, x, y)*x"]  # fmt: skip


@pytest.mark.parametrize("source", VERIFIED)
def test_finite_differences_agree(source: str) -> None:
    expr = parse(source)
    assert verify(expr, symdiff.diff(expr, "x"), "x")


CHECKED = [  # function, an answer written as a textbook would, is it d/dx
    ("softplus(x)", "1/(1 + exp(-x))", True),
    ("softplus(x)", "exp(x)/(1 + exp(x))", True),
    ("logsigmoid(x)", "1 - sigmoid(x)", True),
    ("logsumexp(x, y)", "exp(x)/(exp(x) + exp(y))", True),
    ("softmax(1, x, y, z)", "softmax(1, x, y, z)*(1 - softmax(1, x, y, z))", True),
    ("softmax(2, x, y, z)", "-softmax(1, x, y, z)*softmax(2, x, y, z)", True),
    ("softplus(x)", "sigmoid(-x)", False),
    ("logsumexp(x, y)", "exp(y)/(exp(x) + exp(y))", False),
]


@pytest.mark.parametrize(("source", "answer", "right"), CHECKED)
def test_check_answer(source: str, answer: str, right: bool) -> None:
    assert bool(symdiff.check_answer(source, answer, "x")) is right


def test_sympy_bridge_folds_the_n_ary_formula() -> None:
    a, b, c = (sympy.Symbol(n, real=True) for n in "abc")
    assert to_sympy(parse("logsumexp(a, b, c)")) == sympy.log(
        sympy.exp(a) + sympy.exp(b) + sympy.exp(c)
    )
    assert to_sympy(parse("logsumexp(a)")) == a
    assert to_sympy(parse("softplus(a) + logsigmoid(b)")) == sp_softplus(a) - sp_softplus(-b)


# ----- values: exact, and stable at ±800 ----------------------------------------------------
EXACT = [  # source, exact value
    ("logsumexp(3/2)", Fraction(3, 2)),
    ("logsumexp(-7)", Fraction(-7)),
    ("softmax(1, 5)", Fraction(1)),
    ("logsumexp(pi/2)", Multiple(Fraction(1, 2))),
]


@pytest.mark.parametrize(("source", "value"), EXACT)
def test_exact_values(source: str, value: Fraction | Multiple) -> None:
    got = parse(source).evaluate({})
    assert type(got) is type(value) and got == value
    assert not isinstance(parse("logsumexp(1, 2)").evaluate({}), Fraction | Multiple)


def mp_logsumexp(*us: Any) -> Any:
    return mpmath.log(mpmath.fsum(mpmath.exp(u) for u in us))


STABLE: list[tuple[str, dict[str, Fraction], Callable[[Any, Any], Any]]] = [
    # source, point, the value in mpmath (of x and y)
    ("logsumexp(x, y)", {"x": Fraction(800), "y": Fraction(799)}, mp_logsumexp),
    ("logsumexp(x, y)", {"x": Fraction(-800), "y": Fraction(-801)}, mp_logsumexp),
    ("logsumexp(x, y)", {"x": Fraction(800), "y": Fraction(-800)}, mp_logsumexp),
    ("logsumexp(x, y)", {"x": Fraction(0), "y": Fraction(-40)}, mp_logsumexp),
    ("logsumexp(x, y, x + y)", {"x": Fraction(801), "y": Fraction(-1)},
     lambda x, y: mp_logsumexp(x, y, x + y)),
    ("softplus(x) + y", {"x": Fraction(800), "y": Fraction(0)},
     lambda x, y: mpmath.log1p(mpmath.exp(x))),
    ("softplus(x) + y", {"x": Fraction(-800), "y": Fraction(0)},
     lambda x, y: mpmath.log1p(mpmath.exp(x))),
    ("softplus(x) + y", {"x": Fraction(-30), "y": Fraction(0)},
     lambda x, y: mpmath.log1p(mpmath.exp(x))),
    ("logsigmoid(x) + y", {"x": Fraction(-800), "y": Fraction(0)},
     lambda x, y: -mpmath.log1p(mpmath.exp(-x))),
    ("logsigmoid(x) + y", {"x": Fraction(30), "y": Fraction(0)},
     lambda x, y: -mpmath.log1p(mpmath.exp(-x))),
    ("softmax(1, x, y)", {"x": Fraction(800), "y": Fraction(802)},
     lambda x, y: mpmath.exp(x) / (mpmath.exp(x) + mpmath.exp(y))),
    ("logsumexp(x, y) - y", {"x": Fraction(800), "y": Fraction(802)},
     lambda x, y: mp_logsumexp(x, y) - y),
]  # fmt: skip


def _mp(function: Callable[[Any, Any], Any], point: dict[str, Fraction]) -> float:
    with mpmath.workdps(50):
        x, y = (mpmath.mpf(point[n].numerator) / point[n].denominator for n in "xy")
        return float(function(x, y))


@pytest.mark.parametrize(("source", "point", "function"), STABLE,
                         ids=[f"{s} at {p}" for s, p, _ in STABLE])  # fmt: skip
def test_stable_at_large_arguments(
    source: str, point: dict[str, Fraction], function: Callable[[Any, Any], Any], tmp_path: Path
) -> None:
    want = _mp(function, point)
    expr = parse(source)
    got = float(expr.evaluate(point))
    assert math.isfinite(got) and math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-300)
    f = symdiff.compile(expr, ["x", "y"])
    floats = [float(point["x"]), float(point["y"])]
    compiled = [f(*floats), float(f(np.array(floats[:1]), np.array(floats[1:]))[0])]
    if COMPILER is not None:
        compiled.append(c_function(f.source("c"), tmp_path)(floats, 1)[0])
    for value in compiled:  # Python, NumPy, C: the same value, finite
        assert math.isclose(value, want, rel_tol=1e-12, abs_tol=1e-300), (value, want)


def test_intervals_enclose_the_value_at_large_arguments() -> None:
    for source, point, function in STABLE:
        expr = parse(source)
        box = enclose([expr], point, 128).values[expr]
        with mpmath.workdps(50):
            x, y = (mpmath.mpf(point[n].numerator) / point[n].denominator for n in "xy")
            value = function(x, y)
        assert box.a <= value <= box.b and box.delta < 2**-100 * max(1, abs(value)), source


def test_the_benchmark_peers_float_values_agree() -> None:
    for name, args in (("logsumexp", (800.0, 799.0, -3.0)), ("softplus", (-30.0,)),
                       ("softplus", (800.0,)), ("logsigmoid", (-800.0,)),
                       ("logsigmoid", (2.5,))):  # fmt: skip
        want = float(Call(name, tuple(Var(f"a{i}") for i in range(len(args)))).evaluate(
            {f"a{i}": a for i, a in enumerate(args)}))  # fmt: skip
        assert math.isclose(CALLS[name](*args), want, rel_tol=1e-13), name


# ----- compiled code agrees with evaluate -------------------------------------------------
COMPILED = [
    "logsumexp(x, 2y, sin(x))",
    "softplus(x*y) - logsigmoid(x - y)",
    "softmax(2, x, y, x*y) + logsumexp(x)",
    "x*softplus(-x) + logsigmoid(y)^2",
    "logsumexp(x, y, x, 3)",
]
COMPILE_POINTS = [  # (x, y): moderate, and large enough that exp overflows
    (Fraction(-3, 2), Fraction(5, 4)), (Fraction(1, 8), Fraction(-1, 4)),
    (Fraction(0), Fraction(0)), (Fraction(800), Fraction(799)),
    (Fraction(-800), Fraction(801)), (Fraction(-750), Fraction(-760)),
]  # fmt: skip


@pytest.mark.parametrize("source", COMPILED)
def test_compiled_python_numpy_and_c_agree_with_evaluate(source: str, tmp_path: Path) -> None:
    expr = parse(source)
    roots = [expr, *symdiff.gradient(expr, ["x", "y"]).values()]
    f = symdiff.compile(roots, ["x", "y"])
    xs, ys = (np.array([float(p[i]) for p in COMPILE_POINTS]) for i in (0, 1))
    batch = f(xs, ys)
    run_c = c_function(f.source("c"), tmp_path) if COMPILER else None
    for i, (x, y) in enumerate(COMPILE_POINTS):
        point = {"x": x, "y": y}
        single = f(float(x), float(y))
        got_c = run_c([float(x), float(y)], len(roots)) if run_c else None
        for k, root in enumerate(roots):
            want = reference(root, point)
            assert want is not None and math.isfinite(want[0])
            assert agrees(single[k], want), (source, k, point)
            assert agrees(float(batch[k][i]), want), (source, k, point)
            if got_c is not None:
                assert agrees(got_c[k], want), (source, k, point)


def test_framework_sources_use_the_frameworks_safe_functions() -> None:
    expr = parse("logsumexp(x, y) + softplus(x) + logsigmoid(y)")
    f = symdiff.compile(expr, ["x", "y"])
    jax_source, torch_source = f.source("jax"), f.source("torch")
    assert "jax.nn.logsumexp(jnp.stack(jnp.broadcast_arrays(v_x, v_y)), axis=0)" in jax_source
    assert "jax.nn.softplus(v_x)" in jax_source and "jax.nn.log_sigmoid(v_y)" in jax_source
    assert "torch.logsumexp(torch.stack(torch.broadcast_tensors(v_x, v_y)), dim=0)" in torch_source
    assert "torch.nn.functional.logsigmoid(v_y)" in torch_source
    for framework in FRAMEWORKS:  # run where installed (JAX here; PyTorch is not installed)
        namespace: dict[str, Any] = {}
        exec(f.source(framework), namespace)
        for x, y in COMPILE_POINTS:
            got = namespace["f"](*_framework_args(framework, [float(x), float(y)]))
            want = reference(expr, {"x": x, "y": y})
            assert want is not None and agrees(float(got), want), (framework, x, y)


# ----- printing and parsing -------------------------------------------------------------------
PRINTED = [  # source, Unicode, LaTeX
    ("logsumexp(x, 2y)", "logsumexp(x, 2y)", r"\operatorname{logsumexp}(x, 2 y)"),
    ("softplus(x^2)", "softplus(x²)", r"\operatorname{softplus}(x^{2})"),
    ("log_sigmoid(-x)", "logsigmoid(−x)", r"\operatorname{logsigmoid}(-x)"),
    ("softmax(1, x, y)", "exp(x − logsumexp(x, y))",
     r"\exp(x - \operatorname{logsumexp}(x, y))"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "unicode", "latex"), PRINTED)
def test_printed_forms(source: str, unicode: str, latex: str) -> None:
    expr = parse(source)
    assert to_unicode(expr) == unicode and parse(unicode) is expr
    assert to_latex(expr) == latex


def test_latex_renders_in_katex() -> None:
    formulas = [(to_latex(parse(s)), False) for s, _, _ in PRINTED]
    formulas += [(to_latex(symdiff.diff(s, "x")), False) for s, _, _ in PRINTED]
    assert render(formulas) == [None] * len(formulas)


SOFTMAX_ERRORS = [  # source, the error's words
    ("softmax(0, a, b)", "k must be a whole number from 1 to 2, not 0"),
    ("softmax(3, a, b)", "k must be a whole number from 1 to 2, not 3"),
    ("softmax(x, a, b)", "k must be a whole number from 1 to 2, not x"),
    ("softmax(1/2, a)", "k must be a whole number from 1 to 1, not 1/2"),
    ("softmax(1)", "there are no arguments after k"),
]


@pytest.mark.parametrize(("source", "words"), SOFTMAX_ERRORS)
def test_softmax_needs_a_component_number(
    source: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(UnsupportedError, match=words):
        parse(source)
    assert main([source]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and err.count("\n") == 1


def test_softmax_components_share_one_logsumexp() -> None:
    parts = [parse(f"softmax({k}, a, b, c)") for k in (1, 2, 3)]
    lse = {n for p in parts for n in postorder(p) if isinstance(n, Call)
           and n.name == "logsumexp"}  # fmt: skip
    assert len(lse) == 1
    assert str(parts[2]) == "exp(c - logsumexp(a, b, c))"


# ----- the network builder: softmax cross-entropy as logsumexp(z) - z_t --------------------
WIDTHS = (2, 4, 4, 3)


def _large_logits_point() -> dict[str, Fraction]:
    """Small weights and hidden biases, output biases near 800: logits near 800."""
    names = network.parameters(WIDTHS)
    point = {n: Fraction((i % 7) - 3, 16) for i, n in enumerate(names)}
    point.update({f"b3_{i}": Fraction(800 + i) for i in range(1, WIDTHS[-1] + 1)})
    return point


def _logits(loss: Expr, point: dict[str, Fraction]) -> list[Fraction]:
    lse = next(n for n in postorder(loss) if isinstance(n, Call) and n.name == "logsumexp")
    values = evaluate_nodes(lse.args, point)
    return [Fraction(values[z]) for z in lse.args]  # exact: relu networks are piecewise linear


def test_the_loss_is_finite_and_right_at_logits_near_800() -> None:
    loss = network.loss_expr(WIDTHS)
    point = _large_logits_point()
    logits = _logits(loss, point)
    assert min(logits) > 790
    with mpmath.workdps(50):
        zs = [mpmath.mpf(z.numerator) / z.denominator for z in logits]
        want = float(mp_logsumexp(*zs) - zs[network.target(WIDTHS)])
    got = float(loss.evaluate(point))
    assert math.isclose(got, want, rel_tol=1e-12)
    compiled = symdiff.compile(loss, network.parameters(WIDTHS))
    assert math.isclose(compiled(**{n: float(v) for n, v in point.items()}), want, rel_tol=1e-12)
    # the same network with log(Σ exp(z)) (a backend without logsumexp) overflows there
    unsafe = network.loss(WIDTHS, dataclasses.replace(network.SYMDIFF, logsumexp=None))
    with pytest.raises(LimitError, match="too large for a float"):
        unsafe.evaluate(point)


@pytest.mark.parametrize("large", [False, True], ids=["moderate logits", "logits near 800"])
def test_backprop_through_the_network_is_the_gradient(large: bool) -> None:
    loss = network.loss_expr(WIDTHS)
    names = network.parameters(WIDTHS)
    point = _large_logits_point() if large else {
        n: Fraction((i % 9) - 4, 8) for i, n in enumerate(names)}  # fmt: skip
    walk = symdiff.backprop(loss, point)
    gradient = symdiff.gradient(loss, names)
    got = walk.gradient()
    for name in names:
        want = float(gradient[name].evaluate(point))
        assert math.isfinite(want)
        assert math.isclose(float(got[name]), want, rel_tol=1e-12, abs_tol=1e-12), name
    outputs = [float(got[f"b3_{i}"]) for i in range(1, WIDTHS[-1] + 1)]
    assert math.isclose(sum(outputs), 0, abs_tol=1e-12)  # softmax minus one-hot sums to 0


def test_the_loss_text_parses_back_to_the_loss() -> None:
    loss = network.loss_expr(WIDTHS)
    assert symdiff.parse(network.loss_text(WIDTHS)) is loss
    assert str(loss).startswith("logsumexp(")


EXAMPLE = ROOT / "examples" / "network.py"
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
       "PYTHONUTF8": "1"}  # fmt: skip
BAD_WIDTHS = [  # argument, the reason printed after the usage line
    ("4-x-3", "'x' is not one"),
    ("4--3", "an empty width is not one"),
    ("4", "need at least two positive layer widths, not '4'"),
    ("4-0-3", "need at least two positive layer widths, not '4-0-3'"),
]


def _run_example(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(EXAMPLE), *args], capture_output=True, text=True,
                          env=ENV, timeout=120, encoding="utf-8")  # fmt: skip


def test_the_example_has_help() -> None:
    done = _run_example("--help")
    assert done.returncode == 0 and done.stdout.startswith("usage: network.py [-h] [widths]")
    assert "logsumexp(z) - z_t" in done.stdout


@pytest.mark.parametrize(("widths", "reason"), BAD_WIDTHS)
def test_the_example_reports_a_bad_width(widths: str, reason: str) -> None:
    done = _run_example(widths)
    lines = done.stderr.splitlines()
    assert done.returncode == 2 and done.stdout == ""
    assert lines[0] == "usage: network.py [-h] [widths]" and len(lines) == 2
    assert lines[1].startswith("network.py: error: argument widths:") and lines[1].endswith(reason)


def test_the_example_prints_the_loss_and_its_size() -> None:
    done = _run_example("2-4-4-3")
    assert done.returncode == 0
    assert done.stdout.splitlines()[-1] == (
        "2-4-4-3: 47 parameters, 109 DAG nodes, 3,460 characters of text"
    )
