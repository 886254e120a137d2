"""Parsing big input: symdiff's ``parse`` against SymPy's ``parse_expr`` on network-loss text.

The inputs are the loss of the networks 2-4-4-3, 4-16-16-3 and 8-32-32-10 as text
(``examples/network.py``; the text is a tree, so it repeats every hidden unit
wherever it is used), and 6-28-28-10, about 0.93 MB, just under the default
``max_input_chars`` of 1,000,000 (8-32-32-10, 1.55 MB, is parsed with that limit
raised).  Sizes are characters and the distinct DAG nodes of the parsed expression.

symdiff is timed in this process, each run from the same state: the previous
result is freed first (nodes are interned, so a live result would be found
instead of built).  SymPy's ``parse_expr`` (with ``^`` read as a power and
``max`` as ``Max``, its automatic evaluation on) runs in a child process with a
timeout; a group that times out skips its larger sizes.

Run ``python benchmarks/parsing.py`` alone, or as part of ``benchmarks/run.py``.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))

import network

from symdiff.core.walk import count_nodes
from symdiff.limits import Limits

SIZES = ["2-4-4-3", "4-16-16-3", "6-28-28-10", "8-32-32-10"]
BIG = Limits(max_input_chars=4_000_000)


def _sympy_child(conn: Any, text: str, runs: int, budget: float) -> None:
    """In the child: time ``parse_expr`` on ``text`` (median of up to ``runs`` runs)."""
    try:
        import sympy
        from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations

        names = {"max": sympy.Max, "exp": sympy.exp, "log": sympy.log}
        rules = (*standard_transformations, convert_xor)
        times: list[float] = []
        for _ in range(runs):
            sympy.core.cache.clear_cache()
            start = time.perf_counter()
            parse_expr(text, local_dict=dict(names), transformations=rules)
            times.append(time.perf_counter() - start)
            if sum(times) > budget:
                break
        conn.send(("ok", statistics.median(times)))
    except BaseException as exc:  # RecursionError on deep text, MemoryError, ...
        conn.send(("error", f"{type(exc).__name__}"))
    finally:
        conn.close()


def sympy_parse_time(text: str, timeout: float, runs: int = 3) -> tuple[float | None, str]:
    """Median seconds of SymPy's ``parse_expr`` on ``text``, or (None, why not)."""
    try:
        import sympy  # noqa: F401
    except ImportError:
        return None, "not installed"
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_sympy_child, args=(child, text, runs, timeout / 2))
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout):
            return None, f"timeout >{timeout:g}s"
        status, payload = parent.recv()
        return (payload, "") if status == "ok" else (None, payload)
    except EOFError:
        return None, "crashed"
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()


def symdiff_parse_time(text: str, runs: int = 5, budget: float = 10.0) -> tuple[float, int]:
    """Median seconds of ``symdiff.parse`` on ``text``, and the parsed DAG's node count."""
    from symdiff import parse

    times: list[float] = []
    result = None
    for _ in range(runs):
        result = None  # free the previous result first
        gc.collect()
        start = time.perf_counter()
        result = parse(text, BIG)
        times.append(time.perf_counter() - start)
        if sum(times) > budget:
            break
    assert result is not None
    return statistics.median(times), count_nodes(result)


def _ms(seconds: float | None, why: str) -> str:
    if seconds is None:
        return why
    ms = seconds * 1e3
    return f"{ms:,.3g}" if ms < 100 else f"{ms:,.0f}"


def parse_report(sympy_timeout: float = 30.0, quick: bool = False) -> str:
    """The parse table as Markdown."""
    lines = [
        "| parse: network loss text | characters | DAG nodes | symdiff ms | SymPy ms "
        "| SymPy ÷ symdiff |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    skip = ""
    for widths in SIZES[:2] if quick else SIZES:
        text = network.loss_text(network.parse_widths(widths))
        gc.collect()  # the expression built to write the text is freed
        ours, nodes = symdiff_parse_time(text)
        if skip:
            theirs, why = None, f"skipped ({skip} at a smaller size)"
        else:
            theirs, why = sympy_parse_time(text, sympy_timeout)
            if theirs is None and why.startswith("timeout"):
                skip = why.split()[-1]
        ratio = "—" if theirs is None else f"{theirs / ours:,.0f}×"
        if theirs is None and why.startswith(("timeout", "skipped")):
            ratio = f">{sympy_timeout / ours:,.0f}×"
        lines.append(
            f"| {widths} | {len(text):,} | {nodes:,} | {_ms(ours, '')} | {_ms(theirs, why)} "
            f"| {ratio} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    timeout = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
    print(parse_report(timeout))
