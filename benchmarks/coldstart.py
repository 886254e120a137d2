"""Cold start of the ``symdiff`` command: wall time of fresh processes, and the heaviest imports.

Two settings:

* *compiled*: a private bytecode cache (``PYTHONPYCACHEPREFIX`` in a temporary directory,
  so nothing is written into the checkout), filled by a first, untimed run, as
  ``pip install`` fills it for an installed package (pip compiles every module it installs);
* *as is*: the environment the benchmark runs in, unchanged.  A machine that sets
  ``PYTHONDONTWRITEBYTECODE`` and has no bytecode for a module compiles it on every start.

Each setting reports ``python -c pass`` and ``python -c "import sympy"`` beside the command.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMAND = [sys.executable, "-m", "symdiff", "x^2", "--wrt", "x"]


def _compiled_env(cache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def wall(cmd: list[str], env: dict[str, str], runs: int = 7) -> float | None:
    """Median wall seconds of running ``cmd`` in the repository root (None if it fails)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            return None
    return statistics.median(times)


def heavy_imports(env: dict[str, str], top: int = 8) -> list[tuple[int, str]]:
    """The modules with the largest cumulative import time (µs) for the command."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *COMMAND[1:]],
        cwd=ROOT,
        env=env,
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
    """Markdown lines: the command and the comparisons in both settings, then heavy imports."""
    runs = {
        "command": COMMAND,
        "python": [sys.executable, "-c", "pass"],
        "sympy": [sys.executable, "-c", "import sympy"],
    }
    with tempfile.TemporaryDirectory() as cache:
        compiled = _compiled_env(cache)
        for cmd in runs.values():
            subprocess.run(cmd, cwd=ROOT, env=compiled, capture_output=True, check=False)
        settings = {"compiled": compiled, "as is": dict(os.environ)}
        times = {(s, k): wall(cmd, env) for s, env in settings.items() for k, cmd in runs.items()}
        heavy = heavy_imports(compiled)

    def ms(t: float | None) -> str:
        return "failed" if t is None else f"{t * 1e3:.0f} ms"

    lines = [
        f'Cold start, {name} (median of 7): `symdiff "x^2" --wrt x` '
        f"{ms(times[name, 'command'])}; bare `python -c pass` {ms(times[name, 'python'])}; "
        f"`python -c 'import sympy'` {ms(times[name, 'sympy'])}."
        for name in settings
    ]
    lines.append(
        "Heaviest imports of the command, compiled (cumulative): "
        + ", ".join(f"{name} {us / 1e3:.0f} ms" for us, name in heavy)
    )
    return "\n".join(lines)


if __name__ == "__main__":
    print(cold_start_report())
