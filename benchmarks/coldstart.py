"""Cold start of the ``symdiff`` command: wall time of fresh processes, and the heaviest imports."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMAND = [sys.executable, "-m", "symdiff", "x^2", "--wrt", "x"]


def wall(cmd: list[str], runs: int = 7) -> float | None:
    """Median wall seconds of running ``cmd`` in the repository root (None if it fails)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            return None
    return statistics.median(times)


def heavy_imports(top: int = 8) -> list[tuple[int, str]]:
    """The modules with the largest cumulative import time (µs) for the command."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *COMMAND[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = (part.strip() for part in line[len("import time:") :].split("|"))
        if name.startswith("symdiff") or not name.startswith(" "):
            rows.append((int(cumulative), name.strip()))
    return sorted(rows, reverse=True)[:top]


def cold_start_report() -> str:
    """Markdown lines: command and ``import sympy`` medians, then the heaviest imports."""
    ours = wall(COMMAND)
    python = wall([sys.executable, "-c", "pass"])
    sympy = wall([sys.executable, "-c", "import sympy"])

    def ms(t: float | None) -> str:
        return "failed" if t is None else f"{t * 1e3:.0f} ms"

    lines = [
        f'Cold start (median of 7): `symdiff "x^2" --wrt x` {ms(ours)}; '
        f"bare `python -c pass` {ms(python)}; `python -c 'import sympy'` {ms(sympy)}.",
        "Heaviest imports of the command (cumulative): "
        + ", ".join(f"{name} {us / 1e3:.0f} ms" for us, name in heavy_imports()),
    ]
    return "\n".join(lines)
