"""Every worked example's LaTeX renders in KaTeX with ``throwOnError`` and strict mode.

Uses the ``katex`` npm package pinned in ``tests/js`` (``npm ci`` is run there when
it is missing).  Skipped only when Node.js is not installed.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from contextlib import redirect_stdout
from pathlib import Path

import pytest

import symdiff
from symdiff.cli import main
from symdiff.printers.latex import to_latex

JS = Path(__file__).resolve().parent / "js"
ROOT = JS.parent.parent

WORKED = [
    ("f(x, y) = x + y", "xy"),
    ("f(x, y) = 2x + 3y^2", "xy"),
    ("f(x, y) = 3x^3 - y^2 + 5x + 2", "xy"),
    ("f(x, y) = x*y", "xy"),
    ("f(x, y, z) = 3x^3z - y^2 + 5z + 2yz", "xyz"),
    ("3x^3z - y^2 + 5z + 2yz", "xyz"),
    ("f(x, y) = max(x, y)", "xy"),
    ("f(x) = max(x, 0)", "x"),
    ("f(g(x))", "x"),
    ("f(g(y, h(x, z)))", "x"),
    ("h(x) = 3(2x^2)^5", "x"),
]

COMMANDS = [  # command-line LaTeX and Markdown beyond single derivations
    ["3x^3z - y^2 + 5z + 2yz"],
    ["3x^3z - y^2 + 5z + 2yz", "--at", "x=1/2,y=-2,z=3"],
    ["x^2 y^3", "--wrt", "x,y", "--steps", "--at", "x=1,y=2"],
    ["h(x) = sin(x)^2", "--order", "3", "--steps"],
    ["hessian", "x^3 y^2 + alpha x", "--at", "x=1,y=2,alpha=3"],
    ["jacobian", "x*y", "w_12 + sqrt(x) + abs(y)"],
    ["simplify", "15(2x^2)^4 * 4x", "--steps"],
    ["check", "x^3 z", "--wrt", "x", "--answer", "3x^3z", "--steps"],
    ["sigmoid(theta x) + relu(x) + tanh(x) + log(x) + exp(-x) + x^(1/2) + sign(x)"],
    ["max(x, y, 0) + min(x, y) + 1(x > y) + e^x + pi x + 0.25/x"],
]


def node() -> str:
    path = shutil.which("node")
    if path is None:
        pytest.skip("Node.js is not installed (CI installs it); the KaTeX check needs it")
    if not (JS / "node_modules" / "katex").is_dir():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("tests/js has no node_modules and npm is missing: run npm ci in tests/js")
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=JS, capture_output=True,
                              text=True, timeout=600)  # fmt: skip
        if done.returncode != 0:
            pytest.fail(f"npm ci in tests/js failed:\n{done.stderr}")
    return path


def render(formulas: list[tuple[str, bool]]) -> list[str | None]:
    """KaTeX's error for each (tex, display) formula, or None."""
    payload = json.dumps([{"tex": tex, "display": display} for tex, display in formulas])
    done = subprocess.run([node(), str(JS / "render.js")], input=payload, capture_output=True,
                          text=True, cwd=JS, timeout=300, encoding="utf-8")  # fmt: skip
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout))


def cli(*args: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(list(args))
    assert code in (0, 3), (args, code)  # 3: check found the answer wrong, as intended
    return out.getvalue()


def math_of_markdown(text: str) -> list[tuple[str, bool]]:
    display = [(m, True) for m in re.findall(r"\$\$\n(.*?)\n\$\$", text, re.S)]
    rest = re.sub(r"\$\$\n.*?\n\$\$", "", text, flags=re.S)
    return display + [(m, False) for m in re.findall(r"\$([^$\n]+)\$", rest)]


def formulas() -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for source, names in WORKED:
        for name in names:
            d = symdiff.derive(source, name)
            out += [(d.render("latex"), True), (to_latex(d.result), False)]
            out += math_of_markdown(d.render("markdown"))
    for args in COMMANDS:
        out.append((cli(*args, "--format", "latex"), True))
        out += math_of_markdown(cli(*args, "--format", "markdown"))
    return out


def test_worked_examples_render_in_katex_strict_mode() -> None:
    cases = formulas()
    assert len(cases) > 100
    errors = [(tex, err) for (tex, _), err in zip(cases, render(cases), strict=True) if err]
    assert not errors, "\n\n".join(f"{tex}\n  -> {err}" for tex, err in errors)


def test_a_bad_formula_is_caught() -> None:
    assert render([("\\frac{1}{", False), ("x²", False)]) != [None, None]


def test_vendored_katex_matches_the_tested_version() -> None:
    pinned = json.loads((JS / "package.json").read_text())["dependencies"]["katex"]
    vendored = (ROOT / "symdiff" / "printers" / "katex" / "katex.min.js").read_text()
    assert f'version:"{pinned}"' in vendored
