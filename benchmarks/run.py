"""symdiff against SymPy and SymEngine, in one run: medians, ratios, result sizes, checks.

Run from the repository root, with SymPy and (optionally) SymEngine installed,
e.g. ``pip install -e ".[bench]"``::

    python benchmarks/run.py            # the full table (about 6-9 minutes on 2 cores)
    python benchmarks/run.py --quick    # smaller sizes only
    python benchmarks/run.py --only network --sympy-timeout 10

Methods (one row each): *forward* is the forward engine one variable at a
time (``symdiff.diff`` per variable, what ``symdiff.gradient`` does today);
*reverse* is one reverse-mode sweep for all variables (``symdiff.gradient``'s
``gradient_reverse``).  Columns: *raw* is differentiation alone; *+arith* adds
the arithmetic line (one shared sweep over all partials); *simplified* is what
a user of ``diff`` gets: raw, arithmetic line and the full simplifier (for
reverse mode, all partials simplified together).  SymPy and SymEngine
differentiate one variable at a time (``diff`` in a loop), their usual way;
their automatic canonicalization is part of their time.  Expressions are
built beforehand and not timed; each timing is the median of several runs,
each from the same state (previous result freed, caches cleared).  Ratios are
theirs ÷ ours.  Sizes are distinct DAG nodes.  Every timed symdiff result is
checked numerically at random points: against SymPy's result where SymPy
finished, else SymEngine's, else central finite differences of the input.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backends import load
from coldstart import cold_start_report
from measure import Timing, clear_symdiff_caches, foreign, repeat
from parsing import parse_report
from report import Reference, fmt_ms, ratio, size
from workloads import Workload, all_workloads

from symdiff.core.walk import count_nodes

Task = Callable[[], list[Any]]
FORWARD_LIMIT = 100_000  # nodes × variables up to which the forward loop is also timed


def variants(w: Workload) -> list[tuple[str, Task, Task, Task]]:
    """(method, raw, +arithmetic, simplified) tasks for one workload."""
    from symdiff.api import diff
    from symdiff.calculus.differentiate import differentiate
    from symdiff.calculus.reverse import arithmetic_partials, gradient_reverse, simplify_partials
    from symdiff.simplifier import arithmetic

    e, names = w.expr, w.wrt
    out: list[tuple[str, Task, Task, Task]] = []
    if len(names) * count_nodes(e) <= FORWARD_LIMIT or w.kind == "diff":
        out.append((
            "forward",
            lambda: [differentiate(e, v)[0] for v in names],
            lambda: [arithmetic(differentiate(e, v)[0]) for v in names],
            lambda: [diff(e, v) for v in names],
        ))  # fmt: skip
    out.append((
        "reverse",
        lambda: list(gradient_reverse(e, names).values()),
        lambda: list(arithmetic_partials(gradient_reverse(e, names)).values()),
        lambda: list(simplify_partials(gradient_reverse(e, names)).values()),
    ))  # fmt: skip
    return out


def run_foreign(
    backend: str, w: Workload, points: list[Any], timeout: float, failed: dict[str, str]
) -> Timing:
    """``backend`` on ``w``, skipped when a smaller workload of its group already timed out."""
    if w.group in failed:
        return Timing(None, 0, error=f"skipped (>{failed[w.group]} at a smaller size)")
    t = foreign(backend, w, points, timeout)
    if t.median is None and t.error and "timeout" in t.error:
        failed[w.group] = f"{timeout:g}s"
    return t


def main() -> None:
    """Run the workloads and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes only")
    parser.add_argument("--only", default="", help="workloads whose group/name contains this")
    parser.add_argument("--sympy-timeout", type=float, default=30.0, help="seconds per phase")
    parser.add_argument("--symengine-timeout", type=float, default=120.0, help="seconds per phase")
    parser.add_argument("--runs", type=int, default=7, help="runs per timing (median)")
    args = parser.parse_args()
    started = time.perf_counter()
    sympy, symengine = load("sympy"), load("symengine")
    print(
        f"Python {platform.python_version()} ({platform.machine()}), "
        f"SymPy {getattr(sympy, '__version__', 'missing')}, "
        f"SymEngine {getattr(symengine, '__version__', 'missing')}, {time.strftime('%Y-%m-%d')}\n"
    )
    print(
        "| workload | method | input nodes | raw ms | +arith ms | simplified ms | SymPy ms "
        "| SymEngine ms | SymPy ÷ simplified | SymEngine ÷ simplified (÷ raw) "
        "| result nodes raw / simplified | check |"
    )
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|")
    failed_sympy: dict[str, str] = {}
    failed_engine: dict[str, str] = {}
    for w in all_workloads(args.quick):
        if args.only and args.only not in f"{w.group} {w.name}":
            continue
        points = w.points(1 if len(w.wrt) > 100 else 3)
        theirs = run_foreign("sympy", w, points, args.sympy_timeout, failed_sympy)
        engine = run_foreign("symengine", w, points, args.symengine_timeout, failed_engine)
        reference = Reference(w, points, theirs, engine)
        for method, raw_task, arith_task, full_task in variants(w):
            raw, arith, full = (
                repeat(task, args.runs, 5.0, clear_symdiff_caches)
                for task in (raw_task, arith_task, full_task)
            )
            verdict = reference.check(raw.result, arith.result, full.result)
            print(
                f"| {w.group}: {w.name} | {method} | {count_nodes(w.expr):,} | {fmt_ms(raw)} "
                f"| {fmt_ms(arith)} | {fmt_ms(full)} | {fmt_ms(theirs)} | {fmt_ms(engine)} "
                f"| {ratio(theirs, full)} | {ratio(engine, full)} ({ratio(engine, raw)}) "
                f"| {size(raw.result)} / {size(full.result)} | {verdict} |",
                flush=True,
            )
    if args.only in ("", "parse"):
        print()
        print(parse_report(args.sympy_timeout, args.quick))
    print()
    print(cold_start_report())
    print(f"\nTotal benchmark time: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
