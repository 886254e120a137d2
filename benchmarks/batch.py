"""Batch jobs: throughput on 1 and 2 local workers and on Dask, and memory against input size.

Run from the repository root (Dask optional: ``pip install -e ".[dask]"``)::

    python benchmarks/batch.py                 # 20,000 items, 3 interleaved rounds; 200,000 once
    python benchmarks/batch.py --items 2000 --rounds 1 --no-memory   # a quick look

The items are a fixed mix of textbook tasks (derivatives with and without steps,
gradients, checks of right and wrong answers, a few parse errors), written to a file
once.  Each run is the ``symdiff batch`` command in a fresh process, so start-up of the
workers (and of the Dask cluster) is part of its time; the rounds interleave the
engines, so the machine's noise falls on all of them alike.  Throughput is wall-clock
(parallel work is the point); "peak RSS" is the largest resident size of any process of
the job (the command or one of its workers).  Every run's output is compared with the
first run's: the engines must write the same bytes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FUNCTIONS = [  # f(x): textbook exercises
    "3x^4 - 2x^2 + 7",
    "x^5",
    "1/x",
    "sqrt(x)",
    "(x^2 + 1)/(x - 1)",
    "x sin(x)",
    "sin(x) cos(x)",
    "tan(x)",
    "exp(2x)",
    "x^2 exp(x)",
    "log(x^2 + 1)",
    "sin(x^2)",
    "cos(3x + 1)^2",
    "(2x + 1)^10",
    "x/(1 + x^2)",
    "exp(sin(x))",
    "log(x)/x",
    "sqrt(1 + x^2)",
    "3(2x^2)^5",
    "max(x, 0)",
    "tanh(x)",
    "sigmoid(2x)",
    "x^3 - 3x",
    "exp(-x^2)",
    "sec(x)",
]
SEVERAL = [  # f(x, y, z): gradients
    "3x^3z - y^2 + 5z + 2yz",
    "x y + y z + z x",
    "x^2 y^3",
    "sin(x y) + z",
    "exp(x) y / z",
    "max(x, y) + z^2",
    "log(x^2 + y^2 + z^2)",
]


def items(n: int) -> Iterator[dict[str, object]]:
    """``n`` records cycling through the task mix (deterministic), one at a time.

    A generator, so that this process stays small: a child started from a large process
    can report the parent's peak memory as its own.
    """
    i = 0
    while i < n:
        f = FUNCTIONS[i % len(FUNCTIONS)]
        kind = i % 10
        if kind in (0, 1, 2):
            yield {"id": i, "input": f}
        elif kind == 3:
            yield {"id": i, "input": f, "steps": True}
        elif kind in (4, 5):
            yield {"id": i, "input": SEVERAL[i % len(SEVERAL)], "task": "gradient"}
        elif kind == 6:
            yield {"id": i, "input": "x^3", "task": "check", "answer": "3x^2"}
        elif kind == 7:
            yield {"id": i, "input": f, "task": "check", "answer": "2x"}
        elif kind == 8:
            yield {"id": i, "input": f, "order": 2}
        else:
            yield {"id": i, "input": f + " +* 1" if i % 50 == 9 else f, "task": "simplify"}
        i += 1


def write_items(path: Path, n: int) -> None:
    """The input file of ``n`` records."""
    with path.open("w") as f:
        for record in items(n):
            f.write(json.dumps(record) + "\n")


RUNNER = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:]).returncode
wall = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, kids.ru_utime + kids.ru_stime, kids.ru_maxrss, code)
"""


def run_job(src: Path, out: Path, engine: str, jobs: int) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak RSS in kB) of one ``symdiff batch`` run."""
    cmd = [sys.executable, "-c", RUNNER, sys.executable, "-m", "symdiff", "batch", str(src),
           "-o", str(out), "--jobs", str(jobs), "--engine", engine, "--quiet"]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=True)
    wall, cpu, rss, code = done.stdout.split()
    if code not in ("0", "2", "3"):  # 2: the parse errors in the mix; 3: wrong answers
        raise RuntimeError(f"batch failed (exit {code}): {done.stderr}")
    return float(wall), float(cpu), int(rss)


def main(argv: list[str] | None = None) -> None:
    """Print the throughput table and the memory rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-memory", dest="memory", action="store_false")
    args = parser.parse_args(argv)
    try:
        import distributed  # noqa: F401

        engines = [("local", 1), ("local", 2), ("dask", 2)]
    except ImportError:
        engines = [("local", 1), ("local", 2)]
        print("(Dask not installed: its row is left out)")
    print(f"{os.cpu_count()} cores; {args.items:,} items; {args.rounds} interleaved rounds")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        write_items(src, args.items)
        walls: dict[tuple[str, int], list[float]] = {e: [] for e in engines}
        cpus: dict[tuple[str, int], list[float]] = {e: [] for e in engines}
        reference: bytes | None = None
        for _ in range(args.rounds):
            for engine, jobs in engines:
                out = Path(tmp) / f"{engine}{jobs}.jsonl"
                wall, cpu, _ = run_job(src, out, engine, jobs)
                walls[engine, jobs].append(wall)
                cpus[engine, jobs].append(cpu)
                data = out.read_bytes()
                if reference is None:
                    reference = data
                elif data != reference:
                    raise RuntimeError(f"{engine} --jobs {jobs} wrote different output")
        base = statistics.median(walls["local", 1])
        print("\n| engine | workers | wall s (median) | items/s | items/s per core "
              "| CPU s | speed-up vs --jobs 1 |")  # fmt: skip
        print("|---|--:|--:|--:|--:|--:|--:|")
        for engine, jobs in engines:
            wall = statistics.median(walls[engine, jobs])
            rate = args.items / wall
            cpu = statistics.median(cpus[engine, jobs])
            print(f"| {engine} | {jobs} | {wall:.2f} | {rate:,.0f} | {rate / jobs:,.0f} "
                  f"| {cpu:.1f} | {base / wall:.2f}× |")  # fmt: skip
        if "dask" in {e for e, _ in engines}:
            ratio = statistics.median(walls["dask", 2]) / statistics.median(walls["local", 2])
            print(f"\nDask (LocalCluster, 2 workers) ÷ local pool (--jobs 2): {ratio:.2f}×")
        if args.memory:
            print("\n| items | wall s | peak RSS (MB) |")
            print("|--:|--:|--:|")
            peaks = []
            for n in (args.items, args.items * 10):
                write_items(src, n)
                start = time.perf_counter()
                _, _, rss = run_job(src, Path(tmp) / "mem.jsonl", "local", 2)
                peaks.append(rss)
                print(f"| {n:,} | {time.perf_counter() - start:.1f} | {rss / 1024:.1f} |")
            print(f"\npeak RSS, {args.items * 10:,} ÷ {args.items:,} items: "
                  f"{peaks[1] / peaks[0]:.2f}×")  # fmt: skip


if __name__ == "__main__":
    main()
