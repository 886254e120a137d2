"""Timing: medians of repeated runs, and SymPy/SymEngine runs in a child process with a timeout.

Every run starts from the same state: the previous run's result is dropped
first (symdiff interns nodes, so a result still alive would make the next run
find its nodes instead of building them), garbage is collected, and the caches
of each library are cleared (symdiff's local-partial templates, SymPy's cache).
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from backends import convert, foreign_values, load
from workloads import Workload


@dataclass
class Timing:
    """Median seconds over ``runs`` runs, and the last run's result (None if it failed)."""

    median: float | None
    runs: int
    result: Any = None
    error: str | None = None  # "timeout >30s", "RecursionError", ...
    values: list[list[float]] | None = None  # results at the check points (foreign runs)


def clear_symdiff_caches() -> None:
    """Empty the local-partial template cache (a per-process memo of rule derivations)."""
    from symdiff.calculus.local_partials import clear_cache

    clear_cache()


def repeat(fn: Callable[[], Any], runs: int, budget: float, reset: Callable[[], None]) -> Timing:
    """Run ``fn`` up to ``runs`` times, stopping early once ``budget`` seconds are spent."""
    times: list[float] = []
    result = None
    spent = 0.0
    for _ in range(runs):
        result = None  # free the previous result's nodes before timing again
        reset()
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        spent += times[-1]
        if spent > budget:
            break
    return Timing(statistics.median(times), len(times), result)


def _foreign_task(
    conn: Any, backend: str, w: Workload, runs: int, budget: float, points: list[Any]
) -> None:
    """In the child: convert, differentiate (timed), evaluate the result at ``points``."""
    import sys

    sys.setrecursionlimit(10_000)
    lib = load(backend)
    e = convert(w.expr, backend)
    syms = [lib.Symbol(n) for n in w.wrt]
    if backend == "sympy":

        def run() -> list[Any]:
            return [lib.diff(e, s) for s in syms]

        def reset() -> None:
            lib.core.cache.clear_cache()
    else:

        def run() -> list[Any]:
            return [e.diff(s) for s in syms]

        def reset() -> None:
            pass

    conn.send(("built", None))
    t = repeat(run, runs, budget, reset)
    conn.send(("timed", (t.median, t.runs)))
    conn.send(("values", [foreign_values(t.result, p) for p in points]))


def _child(conn: Any, *args: Any) -> None:
    try:
        _foreign_task(conn, *args)
    except BaseException as exc:  # report any failure (RecursionError, unsupported...)
        conn.send(("error", f"{type(exc).__name__}: {str(exc)[:60]}"))
    finally:
        conn.close()


def foreign(
    backend: str, w: Workload, points: Sequence[Any], timeout: float, runs: int = 5
) -> Timing:
    """Time ``backend`` on ``w`` in a child process; ``Timing(None, error=...)`` on failure.

    ``timeout`` bounds each phase separately: building the expression, the first
    differentiation run, and evaluating the result at the check points.
    """
    if load(backend) is None:
        return Timing(None, 0, error="not installed")
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, backend, w, runs, timeout / 4, list(points)))
    proc.start()
    child.close()
    timing = Timing(None, 0, error="crashed")
    try:
        for phase in ("built", "timed", "values"):
            if not parent.poll(timeout):
                if phase == "timed":
                    timing.error = f"timeout >{timeout:g}s"
                elif phase == "built":
                    timing.error = f"build timeout >{timeout:g}s"
                break
            status, payload = parent.recv()
            if status == "error":
                timing.error = payload
                break
            if status == "timed":
                timing = Timing(payload[0], payload[1])
            elif status == "values":
                timing.values = payload
    except EOFError:
        pass
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
    return timing
