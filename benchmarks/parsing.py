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

``python benchmarks/parsing.py --against DIR`` compares this checkout's parser with the one
in the checkout ``DIR`` (say, a worktree of main) on the same texts: each side parses in its
own child process, rounds interleaved (the order alternating), CPU time per parse; the
table gives the medians with their spread and the ratio, and checks that both sides parse
each text to the same DAG (a hash of its nodes in post-order).
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing as mp
import statistics
import subprocess
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


# A child that imports symdiff from the checkout given, parses the text named on each line of
# its input, and answers with the CPU seconds of the parse and a hash of the parsed DAG.
_SIDE = """
import gc, json, sys, time
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/examples", sys.argv[2]]
import network
from dag_shape import shape
from symdiff import parse
from symdiff.limits import Limits

texts = {}
for line in sys.stdin:
    widths = line.strip()
    if widths not in texts:
        texts[widths] = network.loss_text(network.parse_widths(widths))
    result = None
    gc.collect()
    start = time.process_time()
    result = parse(texts[widths], Limits(max_input_chars=4_000_000))
    seconds = time.process_time() - start
    print(json.dumps([seconds, shape([result])]), flush=True)
"""


def compare_report(other: Path, rounds: int = 9, sizes: list[str] = SIZES) -> str:
    """This checkout's parse against ``other``'s: CPU medians, interleaved rounds, same DAGs."""
    here = Path(__file__).resolve().parent.parent
    sides = {
        name: subprocess.Popen(
            [sys.executable, "-c", _SIDE, str(root), str(Path(__file__).resolve().parent)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name, root in (("this", here), ("other", other.resolve()))
    }

    def parse_on(name: str, widths: str) -> tuple[float, str]:
        side = sides[name]
        assert side.stdin is not None and side.stdout is not None
        side.stdin.write(widths + "\n")
        side.stdin.flush()
        seconds, shape = json.loads(side.stdout.readline())
        return seconds, shape

    lines = [
        f"| parse, CPU ms (median of {rounds}, [min–max]) | this checkout | {other.name} "
        "| ratio | same DAG |",
        "|---|--:|--:|--:|:-:|",
    ]
    try:
        for widths in sizes:
            for name in sides:  # a first parse each, untimed: imports and tables
                parse_on(name, widths)
            times: dict[str, list[float]] = {"this": [], "other": []}
            shapes: dict[str, set[str]] = {"this": set(), "other": set()}
            for turn in range(rounds):
                for name in ("this", "other") if turn % 2 == 0 else ("other", "this"):
                    seconds, shape = parse_on(name, widths)
                    times[name].append(seconds * 1e3)
                    shapes[name].add(shape)
            cells = [
                f"{statistics.median(t):,.0f} [{min(t):,.0f}–{max(t):,.0f}]"
                for t in (times["this"], times["other"])
            ]
            ratio = statistics.median(times["other"]) / statistics.median(times["this"])
            same = "yes" if shapes["this"] == shapes["other"] and len(shapes["this"]) == 1 else "NO"
            lines.append(f"| {widths} | {cells[0]} | {cells[1]} | {ratio:.2f}× | {same} |")
    finally:
        for side in sides.values():
            assert side.stdin is not None
            side.stdin.close()
            side.wait()
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sympy_timeout", nargs="?", type=float, default=30.0)
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    parser.add_argument("--rounds", type=int, default=9, help="interleaved rounds (--against)")
    args = parser.parse_args()
    if args.against:
        print(compare_report(args.against, args.rounds))
    else:
        print(parse_report(args.sympy_timeout))
