"""Checking results numerically and formatting the table cells."""

from __future__ import annotations

import math
from typing import Any

from backends import Program
from measure import Timing
from workloads import Workload

from symdiff.core.expr import Call
from symdiff.core.walk import count_nodes


def finite_differences(w: Workload, point: dict[str, float]) -> list[float]:
    """Central differences of the input by each variable of ``w.wrt``."""
    f = Program([w.expr])
    out = []
    for name in w.wrt:
        h = 1e-6 * max(1.0, abs(point[name]))
        up, down = dict(point), dict(point)
        up[name] += h
        down[name] -= h
        out.append((f(up)[0] - f(down)[0]) / (2 * h))
    return out


def worst_error(ours: list[float], ref: list[float]) -> float:
    """Largest error of ``ours`` against ``ref``, relative to each value.

    A value smaller than 1/1000 of the largest is compared relative to that
    instead (finite differences cannot resolve it better).
    """
    scale = max((abs(r) for r in ref), default=0.0)
    floor = 1e-3 * scale if scale > 0 else 1.0
    return max((abs(a - b) / max(abs(b), floor) for a, b in zip(ours, ref, strict=True)), default=0)


class Reference:
    """The values every result of one workload is checked against, computed once."""

    def __init__(
        self, w: Workload, points: list[dict[str, float]], sympy: Timing, symengine: Timing
    ) -> None:
        self.points = points
        if sympy.values is not None:
            self.values, self.label, self.tol = sympy.values, "SymPy", 1e-8
        elif symengine.values is not None:
            self.values, self.label, self.tol = symengine.values, "SymEngine", 1e-8
        else:
            self.values = [finite_differences(w, p) for p in points]
            self.label, self.tol = "finite diff.", 1e-4

    def check(self, *results: list[Any]) -> str:
        """``ok``/``FAIL`` for all ``results`` (lists of expressions) at every point."""
        err = 0.0
        try:
            for result in results:
                program = Program(result)
                for p, ref in zip(self.points, self.values, strict=True):
                    err = max(err, worst_error(program(p), ref))
        except (ArithmeticError, ValueError) as exc:
            return f"error: {type(exc).__name__}"
        ok = "ok" if err <= self.tol and not math.isnan(err) else "FAIL"
        return f"{ok} vs {self.label} ({len(self.points)} pt, err {err:.0e})"


def fmt_ms(t: Timing | None) -> str:
    """Milliseconds, or the reason there is no time."""
    if t is None:
        return "—"
    if t.median is None:
        return t.error or "—"
    ms = t.median * 1e3
    return f"{ms:,.3g}" if ms < 100 else f"{ms:,.0f}"


def ratio(theirs: Timing, ours: Timing | None) -> str:
    """theirs ÷ ours, or a lower bound when theirs timed out."""
    if ours is None or not ours.median:
        return "—"
    if theirs.median is not None:
        r = theirs.median / ours.median
        return f"{r:,.0f}×" if r >= 10 else f"{r:.2g}×"
    if theirs.error and ">" in theirs.error:
        limit = float(theirs.error.split(">")[1].split("s")[0])
        return f">{limit / ours.median:,.0f}×"
    return "—"


def size(results: list[Any] | None) -> str:
    """Distinct DAG nodes of all results together."""
    if results is None:
        return "—"
    return f"{count_nodes(Call('#all', tuple(results))) - 1:,}"
