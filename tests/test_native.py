"""The two builds: compiled (the accelerated wheel) or pure Python, and what both must do.

The suite runs against both (.ci/run): here, which one is running is told right, every
hot module is compiled or none is, and nodes nobody holds are freed in either (the
compiled node classes get their weak references from a patch to mypyc's output).
"""

from __future__ import annotations

import gc
import importlib
import tomllib
import weakref
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import symdiff
from symdiff.core import expr as E
from symdiff.core.expr import Expr, Var
from symdiff.core.native import build, compiled, is_extension
from symdiff.core.walk import iter_vars, postorder

ROOT = Path(__file__).resolve().parent.parent
HOOK = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["build"]["targets"][
    "wheel"
]["hooks"]["custom"]
HOT = [path.removesuffix(".py").replace("/", ".") for path in HOOK["modules"]]


@pytest.mark.parametrize(
    ("path", "extension"),
    [
        ("symdiff/core/expr.py", False),
        ("symdiff/core/expr.pyc", False),
        *[(f"symdiff/core/expr{suffix}", True) for suffix in EXTENSION_SUFFIXES],
        (None, False),  # a module with no file
    ],
)
def test_an_extension_module_is_told_by_its_file(path: str | None, extension: bool) -> None:
    assert is_extension(path) is extension


def test_the_build_is_the_one_of_the_node_module() -> None:
    assert compiled() is is_extension(E.__file__)
    assert build() == ("compiled" if compiled() else "pure Python")


@pytest.mark.parametrize("module", HOT)
def test_every_hot_module_is_compiled_or_none_is(module: str) -> None:
    assert is_extension(importlib.import_module(module).__file__) is compiled()


def _fresh_loss(tag: str) -> Expr:
    """A small network-like loss over variables no other test uses."""
    w = [Var(f"{tag}_w{i}") for i in range(6)]
    x = [Var(f"{tag}_x{i}") for i in range(3)]
    hidden = [E.call("tanh", w[i] * x[0] + w[i + 3] * x[1] + x[2]) for i in range(3)]
    out = hidden[0] * w[0] + hidden[1] * w[1] + hidden[2] ** 2
    return (out - 1) ** 2 + E.call("exp", -out)


def test_nodes_nobody_holds_are_freed() -> None:
    """After a gradient is dropped, every node of it and of its input is freed and unfiled."""
    loss = _fresh_loss("freed")
    partials = symdiff.gradient(loss, [f"freed_w{i}" for i in range(6)])
    mine = {n for root in (loss, *partials.values()) for n in postorder(root)
            if any(v.startswith("freed_") for v in iter_vars(n))}
    assert len(mine) > 50
    refs = [weakref.ref(n) for n in mine]
    del loss, partials, mine
    gc.collect()
    assert [r for r in refs if r() is not None] == []
    tables = [E._NUMS, E._VARS, E._ADDS, E._MULS, E._POWS, E._CALLS, E._INDICATORS]
    assert all(entry() is not None for table in tables for entry in list(table.values()))
