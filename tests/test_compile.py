"""Compiled expressions and gradients (symdiff.compile, symdiff codegen) agree with evaluate.

Every target that can run here is run: Python always, NumPy (a test dependency), C
through the system compiler, JAX and PyTorch when importable; their sources are always
parsed.  Agreement is 1e-12 relative to symdiff's exact-where-possible ``evaluate``, with
an absolute floor of 1e-12 times the largest intermediate value (the rounding of a float
computation is relative to what it adds up, and exact arithmetic cancels perfectly).
Points are dyadic (k/64), so a float argument is exactly the rational evaluate reads.
"""

from __future__ import annotations

import ast
import ctypes
import importlib.util
import math
import random
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import symdiff
from strategies import exprs
from symdiff import DomainError, LimitError, UnsupportedError
from symdiff.cli import main
from symdiff.codegen import TARGETS, generate_source
from symdiff.core.evaluate import evaluate_nodes
from symdiff.core.expr import Call, Expr, Var, call
from symdiff.core.functions import FUNCTIONS
from symdiff.core.walk import count_nodes

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
import network

COMPILER = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
needs_cc = pytest.mark.skipif(COMPILER is None, reason="no C compiler (cc, gcc, clang) on PATH")
FRAMEWORKS = [name for name in ("jax", "torch") if importlib.util.find_spec(name) is not None]


# ----- reference values ---------------------------------------------------------------
def reference(expr: Expr, point: dict[str, Fraction]) -> tuple[float, float] | None:
    """evaluate's value and the largest intermediate magnitude; None outside the domain."""
    try:
        values = evaluate_nodes(expr, point)
    except (DomainError, LimitError):
        return None
    scale = max([1.0, *(abs(float(v)) for v in values.values())])
    return float(values[expr]), scale


def agrees(got: float, want: tuple[float, float]) -> bool:
    value, scale = want
    return math.isclose(got, value, rel_tol=1e-12, abs_tol=1e-12 * scale)


def dyadic(rng: random.Random, names: Sequence[str], bound: int = 128) -> dict[str, Fraction]:
    return {n: Fraction(rng.randint(-bound, bound), 64) for n in names}


# ----- C through the system compiler --------------------------------------------------
def c_function(
    source: str, tmp: Path, name: str = "f"
) -> Callable[[list[float], int], list[float]]:
    """Compile generated C to a shared object and call it through ctypes."""
    (tmp / "f.c").write_text(source)
    lib = tmp / "f.so"
    subprocess.run([COMPILER, "-O1", "-shared", "-fPIC", "-o", str(lib), str(tmp / "f.c"), "-lm"],
                   check=True, capture_output=True)  # fmt: skip
    fn = getattr(ctypes.CDLL(str(lib)), name)
    fn.restype = None

    def run(inputs: list[float], outputs: int) -> list[float]:
        arg = (ctypes.c_double * max(len(inputs), 1))(*inputs)
        out = (ctypes.c_double * outputs)()
        fn(arg, out)
        return list(out)

    return run


# ----- the generated code, as the spec --------------------------------------------------
CODE = [  # expression, target, the function's last lines
    ("x^2 y", "python", ["def grad_f(v_x, v_y):", "    return (",
                         "        2.0 * v_x * v_y,", "        v_x ** 2,", "    )"]),
    ("x^2 y", "c", ["    const double v_x = in[0];", "    const double v_y = in[1];",
                    "    out[0] = 2.0 * v_x * v_y;", "    out[1] = v_x * v_x;", "}"]),
    ("max(x, y)", "numpy", ["    return (", "        np.where(v_x > v_y, 1.0, 0.0),",
                            "        np.where(v_y > v_x, 1.0, 0.0),", "    )"]),
    ("relu(x) + sin(x)", "jax", ["def grad_f(v_x):", "    return (",
                                  "        jnp.where(v_x > 0.0, 1.0, 0.0) + jnp.cos(v_x),",
                                  "    )"]),
    ("sin(x)^2 + sin(x)", "torch", ["def grad_f(v_x):", "    t1 = torch.cos(v_x)",
                                    "    return (", "        2.0 * torch.sin(v_x) * t1 + t1,",
                                    "    )"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "target", "tail"), CODE)
def test_generated_code(text: str, target: str, tail: list[str]) -> None:
    from symdiff.results import codegen_source

    source = codegen_source(text, target)
    assert source.splitlines()[-len(tail) :] == tail
    assert "1(u > v) is 1 where u > v strictly, else 0" in source  # the tie convention


def test_shared_nodes_are_computed_once() -> None:
    x, y = Var("x"), Var("y")
    s = call("sin", x * y)
    source = generate_source({"x": s * y, "y": s * x}, ["x", "y"])
    assert source.count("math.sin(") == 1
    assert "    t1 = math.sin(v_x * v_y)" in source.splitlines()


def test_every_function_of_the_table_has_a_spelling_in_every_target() -> None:
    for name in FUNCTIONS:
        assert set(FUNCTIONS[name].code) == set(TARGETS), name


# ----- one function of the table at a time, every target ---------------------------------
ARGUMENTS = [Fraction(-3, 2), Fraction(-1, 4), Fraction(0), Fraction(1, 8), Fraction(5, 4)]


def _function_cases() -> list[tuple[str, Expr]]:
    x, y, z = Var("x"), Var("y"), Var("z")
    cases = []
    for row in FUNCTIONS.values():
        args = (x,) if row.arity == 1 else (x, y, z) if row.arity is None else (x, y)[: row.arity]
        cases.append((row.name, Call(row.name, args)))
    return cases


@pytest.mark.parametrize(("name", "expr"), _function_cases(), ids=[n for n, _ in _function_cases()])
def test_each_function_agrees_with_evaluate(name: str, expr: Expr, tmp_path: Path) -> None:
    names = ["x", "y", "z"]
    f = symdiff.compile(expr, names)
    points = [{"x": a, "y": ARGUMENTS[(i + 2) % 5], "z": ARGUMENTS[(i + 4) % 5]}
              for i, a in enumerate(ARGUMENTS)]  # fmt: skip
    wanted = [reference(expr, p) for p in points]
    with np.errstate(all="ignore"):  # outside the domain NumPy gives nan, as documented
        batch = f(*[np.array([float(p[n]) for p in points]) for n in names])
    run_c = c_function(f.source("c"), tmp_path) if COMPILER else None
    for i, (point, want) in enumerate(zip(points, wanted, strict=True)):
        if want is None:
            with pytest.raises((DomainError, LimitError)):
                f(**{n: float(v) for n, v in point.items()})
            continue
        assert agrees(f(**{n: float(v) for n, v in point.items()}), want), point
        assert agrees(float(batch[i]), want), point
        if run_c is not None:
            assert agrees(run_c([float(point[n]) for n in names], 1)[0], want), point


# ----- random expressions -----------------------------------------------------------------
@settings(max_examples=200)
@given(exprs(("x", "y")), st.integers(0, 2**32))
def test_random_expressions_python_and_numpy(expr: Expr, seed: int) -> None:
    rng = random.Random(seed)
    points = [dyadic(rng, ["x", "y"]) for _ in range(4)]
    f = symdiff.compile(expr, ["x", "y"])
    try:
        with np.errstate(all="ignore"):  # outside the domain: nan, as documented
            batch = f(np.array([float(p["x"]) for p in points]), [float(p["y"]) for p in points])
    except DomainError:  # a part without variables is undefined: so is every point
        assert all(reference(expr, p) is None for p in points)
        return
    assert batch.shape == (4,)
    for i, point in enumerate(points):
        want = reference(expr, point)
        if want is None:
            continue
        assert agrees(f(float(point["x"]), float(point["y"])), want), (str(expr), point)
        assert agrees(float(batch[i]), want), (str(expr), point)


@needs_cc
@settings(max_examples=3)
@given(roots=st.lists(exprs(("x", "y", "z")), min_size=25, max_size=25),
       seed=st.integers(0, 2**32))  # fmt: skip
def test_random_expressions_in_c(
    tmp_path_factory: pytest.TempPathFactory, roots: list[Expr], seed: int
) -> None:
    rng = random.Random(seed)
    names = ["x", "y", "z"]
    f = symdiff.compile(roots, names)
    run = c_function(f.source("c"), tmp_path_factory.mktemp("c"))
    for point in [dyadic(rng, names) for _ in range(3)]:
        got = run([float(point[n]) for n in names], len(roots))
        for root, value in zip(roots, got, strict=True):
            want = reference(root, point)
            if want is not None:
                assert agrees(value, want), (str(root), point)


def _framework_args(framework: str, values: list[float]) -> list[object]:
    if framework == "jax":
        import jax

        jax.config.update("jax_enable_x64", True)  # doubles, as the other targets
        return [jax.numpy.asarray(v) for v in values]
    import torch

    return [torch.tensor(v, dtype=torch.float64) for v in values]


@settings(max_examples=8)
@given(st.lists(exprs(("x", "y")), min_size=1, max_size=4))
def test_framework_sources_parse_and_run(roots: list[Expr]) -> None:
    f = symdiff.compile(roots, ["x", "y"])
    for target in ("jax", "torch", "numpy", "python"):
        ast.parse(f.source(target))
    point = {"x": Fraction(3, 8), "y": Fraction(-5, 4)}
    for framework in FRAMEWORKS:  # run where installed
        namespace: dict[str, Any] = {}
        exec(f.source(framework), namespace)
        got = namespace["f"](*_framework_args(framework, [float(v) for v in point.values()]))
        for root, value in zip(roots, got, strict=True):
            want = reference(root, point)
            if want is not None:
                assert agrees(float(value), want), (framework, str(root))


# ----- the network builder ----------------------------------------------------------------
@pytest.mark.parametrize("widths", [(2, 4, 4, 3), (4, 16, 16, 3)], ids=["2-4-4-3", "4-16-16-3"])
def test_network_gradient_every_target(widths: tuple[int, ...], tmp_path: Path) -> None:
    names = network.parameters(widths)
    grad = symdiff.gradient(network.loss_expr(widths), names)
    f = symdiff.compile(grad, names)
    rng = random.Random(len(names))
    points = [dyadic(rng, names, bound=38) for _ in range(3)]  # inside (-0.6, 0.6)
    batch = f(*[np.array([float(p[n]) for p in points]) for n in names])
    run_c = c_function(f.source("c"), tmp_path) if COMPILER else None
    checked = names if len(names) < 100 else names[:: len(names) // 25]  # evaluate is slow
    for i, point in enumerate(points):
        floats = [float(point[n]) for n in names]
        got, got_c = f(*floats), run_c(floats, len(names)) if run_c else None
        for name in checked:
            want = reference(grad[name], point)
            assert want is not None
            assert agrees(got[name], want), name
            assert agrees(float(batch[name][i]), want), name
            if got_c is not None:
                assert agrees(got_c[names.index(name)], want), name
    for target in ("jax", "torch"):
        ast.parse(f.source(target))


def test_compiled_code_is_linear_in_the_dag() -> None:
    """Straight-line code: a bounded number of characters per distinct node, at any depth."""
    x = Var("x")
    deep: Expr = x
    for k in range(5_000):
        deep = call(("sin", "cos", "exp")[k % 3], deep) * Fraction(1, 2)
    grad = symdiff.gradient(network.loss_expr((4, 16, 16, 3)))
    for roots, nodes in ((deep, count_nodes(deep)),
                         (grad, count_nodes(Call("#", tuple(grad.values()))))):  # fmt: skip
        for target in TARGETS:
            assert len(generate_source(roots, target=target)) < 80 * nodes, target
    assert math.isfinite(symdiff.compile(deep)(0.25))


# ----- calling conventions and errors ------------------------------------------------------
def test_shapes_keywords_and_batches() -> None:
    g = symdiff.compile(symdiff.gradient("x^2 y + 3z"), ["x", "y", "z"])
    assert g(1, 2, 3) == {"x": 4.0, "y": 1.0, "z": 3.0}
    assert g(x=1, y=2, z=3) == g(1, 2, z=3)
    assert symdiff.compile(["x + y", "x*y"])(2, 5) == [7.0, 10.0]
    batch = g(np.array([1.0, 2.0]), np.array([[1.0], [3.0]]), 0.5)
    assert batch["z"].shape == batch["x"].shape == (2, 2)  # constants broadcast too
    assert batch["z"].tolist() == [[3.0, 3.0], [3.0, 3.0]]


BAD_CALLS = [  # compiled expression, arguments, the error
    ("log(x)", {"x": 0.0}, DomainError),
    ("1/x", {"x": 0.0}, DomainError),
    ("sqrt(x)", {"x": -1.0}, DomainError),
    ("exp(x)", {"x": 1000.0}, LimitError),
    ("x*y", {"x": 1.0}, UnsupportedError),
    ("x*y", {"x": 1.0, "y": 2.0, "z": 3.0}, UnsupportedError),
]


@pytest.mark.parametrize(("text", "kwargs", "error"), BAD_CALLS)
def test_bad_calls(text: str, kwargs: dict[str, float], error: type[Exception]) -> None:
    with pytest.raises(error):
        symdiff.compile(text)(**kwargs)


@pytest.mark.parametrize(("source", "error"), [
    ("f(x) + 1", "abstract function f"),
    ("x + y", "uses y, which is not among the variables (x)"),
])  # fmt: skip
def test_what_cannot_be_compiled(source: str, error: str) -> None:
    with pytest.raises(UnsupportedError, match=error.replace("(", r"\(").replace(")", r"\)")):
        symdiff.compile(symdiff.parse(source), ["x"])


def test_user_names_never_reach_the_code() -> None:
    hostile = "x'); import os; os.system('echo') #\n*/"
    names = [hostile, "t1", "v_x", "x", "np", "f"]
    expr = symdiff.prod([Var(n) for n in names])
    f = symdiff.compile(expr, names)
    assert f(**{n: 2.0 for n in names}) == 64.0
    for target in TARGETS:
        source = f.source(target)
        assert "import os" not in source and "os.system" not in source and "x'" not in source
    assert f.source().splitlines()[-2] == "def f(v1, v_t1, v_v_x, v_x, v_np, v_f):"


# ----- the command line -----------------------------------------------------------------------
def test_cli_codegen(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["codegen", "x^2 y", "--target", "c", "--wrt", "y"]) == 0
    assert capsys.readouterr().out.splitlines()[-2] == "    out[0] = v_x * v_x;"
    assert main(["codegen", "sin(x)", "--value"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "    return math.sin(v_x)"
    assert main(["codegen", "x", "--target", "fortran"]) == 2
    assert main(["codegen", "x*y", "--value", "--wrt", "x"]) == 2
    assert main(["codegen", "f(x)"]) == 2
    assert "abstract function" in capsys.readouterr().err
    assert main(["codegen", "x^2 y", "--max-output-chars", "100"]) == 2
    assert "(max_output_chars)" in capsys.readouterr().err
