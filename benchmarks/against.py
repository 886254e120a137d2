"""This checkout against another, workload by workload: CPU time, interleaved, same results.

    python benchmarks/against.py OTHER_CHECKOUT            # every workload, 7 rounds
    python benchmarks/against.py OTHER --only network --rounds 9

Each side runs in a worker process of its own with that checkout's ``symdiff`` (the
workloads are this checkout's ``workloads.py``, built by each side's ``symdiff``).  A
round asks each side in turn (the order alternating) to differentiate one workload as a
user does (``symdiff.gradient`` or ``symdiff.diff``, simplified), and each side answers
with the CPU seconds of the call and a hash of the result DAG's structure: the table
shows medians and whether the two sides built the very same result.

Two ways to call, one column each:

- **repeat**: the same input expression every round, held between calls, as a program
  that differentiates one loss many times (what symdiff remembers of an input counts);
- **fresh**: a new input every round (the previous one and its results freed first, so
  none of its nodes is found again): the first call on an input.

Building the input and hashing are not timed; each timed call follows an untimed one.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# One side: reads "mode<TAB>workload name" lines, answers [cpu seconds, result hash].
_SIDE = """
import gc, json, sys, time
root, bench = sys.argv[1], sys.argv[2]
sys.path[:0] = [root, bench, bench + "/../examples"]
import symdiff
import workloads
from dag_shape import shape

build = dict(workloads.builders())
held = {}

def call(w):
    if w.kind == "grad":
        return list(symdiff.gradient(w.expr, w.wrt).values())
    return [symdiff.diff(w.expr, w.wrt[0])]

for line in sys.stdin:
    mode, name = line.rstrip("\\n").split("\\t")
    if mode == "fresh" or name not in held:
        held.pop(name, None)
        gc.collect()
        held[name] = build[name]()
    w = held[name]
    result = None
    gc.collect()
    start = time.process_time()
    result = call(w)
    seconds = time.process_time() - start
    print(json.dumps([seconds, shape(result)]), flush=True)
    if mode == "fresh":
        del w, result
        held.pop(name)
"""


def compare(other: Path, rounds: int, only: str | None) -> str:
    """The table: each workload's medians on both sides, their ratio, and same result."""
    sys.path.insert(0, str(HERE))
    import workloads

    names = [n for n, _ in workloads.builders() if only is None or only in n]
    sides = {
        label: subprocess.Popen(
            [sys.executable, "-c", _SIDE, str(root), str(HERE)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for label, root in (("this", HERE.parent), ("other", other.resolve()))
    }

    def ask(label: str, mode: str, name: str) -> tuple[float, str]:
        side = sides[label]
        assert side.stdin is not None and side.stdout is not None
        side.stdin.write(f"{mode}\t{name}\n")
        side.stdin.flush()
        seconds, digest = json.loads(side.stdout.readline())
        return float(seconds) * 1e3, str(digest)

    lines = [
        f"CPU ms, medians of {rounds} interleaved rounds; ratio = {other.name} ÷ this checkout",
        "",
        "| workload | repeat: this | repeat: other | ratio | fresh: this | fresh: other "
        "| ratio | same result |",
        "|---|--:|--:|--:|--:|--:|--:|:-:|",
    ]
    try:
        for name in names:
            cells: list[str] = []
            digests: set[str] = set()
            for mode in ("repeat", "fresh"):
                for label in sides:
                    ask(label, mode, name)  # untimed
                times: dict[str, list[float]] = {"this": [], "other": []}
                for turn in range(rounds):
                    for label in ("this", "other") if turn % 2 == 0 else ("other", "this"):
                        ms, digest = ask(label, mode, name)
                        times[label].append(ms)
                        digests.add(digest)
                mine, theirs = (statistics.median(times[k]) for k in ("this", "other"))
                cells += [f"{mine:,.2f}", f"{theirs:,.2f}", f"{theirs / mine:.2f}×"]
            same = "yes" if len(digests) == 1 else "NO"
            lines.append(f"| {name} | {' | '.join(cells)} | {same} |")
    finally:
        for side in sides.values():
            assert side.stdin is not None
            side.stdin.close()
            side.wait()
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout (its root folder)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--only", help="workloads whose name contains this")
    args = parser.parse_args()
    print(compare(args.other, args.rounds, args.only))
