"""Every script in examples/ runs to completion (exit 0) and prints something."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted((ROOT / "examples").glob("*.py"))
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
       "PYTHONUTF8": "1"}  # fmt: skip


def test_there_are_examples() -> None:
    names = {p.name for p in SCRIPTS}
    assert {"worked_examples.py", "relu_neuron.py", "softmax_cross_entropy.py",
            "notebook_walkthrough.py"} <= names  # fmt: skip


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_example_runs(script: Path, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                            env=ENV, cwd=tmp_path, timeout=300, encoding="utf-8")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_worked_examples_show_the_books_results() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "worked_examples.py")],
        capture_output=True,
        text=True,
        env=ENV,
        encoding="utf-8",
    ).stdout
    for result in ("= 9x²z", "= −2y + 2z", "= 3x³ + 5 + 2y", "= 960x⁹",
                   "gradient: [9x²z, −2y + 2z, 3x³ + 5 + 2y]", "f'(g(x))·g'(x)",
                   "∂g/∂h (y, h(x, z))·∂h/∂x (x, z)"):  # fmt: skip
        assert result in out, result


def test_walkthrough_is_markdown() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "notebook_walkthrough.py")],
        capture_output=True,
        text=True,
        env=ENV,
        encoding="utf-8",
    ).stdout
    assert out.startswith("# symdiff walkthrough") and out.count("$$") >= 6
