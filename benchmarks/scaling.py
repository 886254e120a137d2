"""How ``diff`` of a deep chain scales: depth 1,000 to 100,000, CPU time, and the exponent.

    python benchmarks/scaling.py              # depths 1,000, 10,000 and 100,000; 3 rounds
    python benchmarks/scaling.py --rounds 5

The chain is ``sin(cos(exp(…x…)))`` (``workloads.chain``); each depth is built once, and
the rounds go over the depths in turn, each timed run after an untimed one of the same
task.  symdiff's ``diff`` (simplified, as returned) and, when installed, CasADi's
``gradient`` on the same graph are timed (CPU seconds).  The exponent between two depths
is log(t₂/t₁)/log(d₂/d₁): 1 is linear.
"""

from __future__ import annotations

import argparse
import gc
import math
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from peers import _optional, to_casadi
from workloads import chain

import symdiff
from symdiff.limits import Limits

DEPTHS = (1_000, 10_000, 100_000)
LIMITS = Limits(max_nodes=10_000_000)  # the deepest result passes the default node limit


def main() -> None:
    """Print the table: CPU ms per depth, per level, and the exponents."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    ca = _optional("casadi")
    exprs = {d: chain(d) for d in DEPTHS}
    tasks = {
        d: {"symdiff": (lambda e=e: symdiff.diff(e, "x", limits=LIMITS))} for d, e in exprs.items()
    }
    if ca is not None:
        for d, e in exprs.items():
            f, xs = to_casadi(e, ["x"])
            tasks[d]["CasADi"] = lambda f=f, x=xs[0]: ca.gradient(f, x)
    times: dict[tuple[int, str], list[float]] = {}
    for _ in range(args.rounds):
        for d in DEPTHS:
            for name, task in tasks[d].items():
                task()  # untimed first: what the previous run freed is not this one's cost
                result = None
                gc.collect()
                start = time.process_time()
                result = task()
                times.setdefault((d, name), []).append(time.process_time() - start)
                del result
    names = list(tasks[DEPTHS[0]])
    print(f"CPU ms, medians of {args.rounds} rounds\n")
    print("| depth | " + " | ".join(f"{n} | {n} µs per level" for n in names) + " |")
    print("|--:|" + "--:|--:|" * len(names))
    med = {k: statistics.median(v) for k, v in times.items()}
    for d in DEPTHS:
        cells = [f"{med[d, n] * 1e3:,.1f} | {med[d, n] * 1e6 / d:.2f}" for n in names]
        print(f"| {d:,} | " + " | ".join(cells) + " |")
    print()
    for a, b in ((DEPTHS[0], DEPTHS[1]), (DEPTHS[1], DEPTHS[2]), (DEPTHS[0], DEPTHS[2])):
        exps = [math.log(med[b, n] / med[a, n]) / math.log(b / a) for n in names]
        print(
            f"exponent {a:,} to {b:,}: "
            + ", ".join(f"{n} {x:.3f}" for n, x in zip(names, exps, strict=True))
        )


if __name__ == "__main__":
    main()
