"""The limits matrix, run as users run it: each hostile probe stops, naming its limit, in time.

Every probe runs in its own subprocess, once through the API (``python -c``) and once
through the command (``python -m symdiff``), and must stop with a ``SymdiffError`` naming
the limit it met (the command: exit 2 and one line on stderr) or, where the row expects
``None``, finish.  Its time and memory come from the operating system's account of that
one child (``os.wait4``):

* a limit known before the work (``max_nodes``, ``max_order``, ``max_output_chars``,
  estimated first) must stop within ``A_PRIORI`` CPU seconds of starting: CPU time,
  not wall time, so a loaded machine cannot make it fail;
* a ``timeout`` of T seconds must stop within T + ``MARGIN`` seconds of wall time, the
  command's start-up (measured once, on a trivial input) added;
* a probe that must finish does so within ``FINISH`` CPU seconds (its quadratic
  versions took minutes);
* the peak resident memory of every child stays under ``MEMORY_MB``.

A child that misbehaves is bounded too: 2 GB of address space (a regression fails with
a MemoryError instead of taking the machine) and a watchdog of ``WATCHDOG`` seconds.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
A_PRIORI = 2.0  # CPU seconds from the start of the work to the refusal
MARGIN = 2.0  # wall seconds past a timeout
MEMORY_MB = 512
FINISH = 10.0  # CPU seconds for a probe that must finish
WATCHDOG = 120
ADDRESS_SPACE = 2 << 30

GROWING = "x^x*sin(x)*exp(x)/(1 + x^2)"  # its 20th derivative: minutes and gigabytes unbounded
PRODUCT_1000 = "*".join(f"x{i}" for i in range(1000))  # 4.9 KB of text
PRODUCT_12000 = "*".join(f"x{i}" for i in range(12_000))
SQUARES_8000 = "+".join(f"x{i}^2" for i in range(8000))
NAMES_10000 = ",".join(f"v{i}" for i in range(10_000))
REPEATED_2000 = "*".join(["(x+1)"] * 2000)


def nested_squares(depth: int) -> str:
    """``((…(x+1)^2…)^2`` nested ``depth`` deep."""
    return "(" * depth + "x+1" + ")^2" * depth


@dataclass(frozen=True)
class Probe:
    """One row: what is run through the API and the command, and the limit expected.

    ``setup`` builds the input in the API child before its clock starts; ``call`` is the
    API expression; ``argv`` the command's arguments (``-``: the input on stdin).
    ``limit`` is the name the error must carry, ``None`` for a probe that must finish;
    ``timeout`` the configured seconds (``None``: an a-priori limit).
    """

    name: str
    setup: str
    call: str
    argv: tuple[str, ...]
    stdin: str | None
    limit: str | None
    timeout: float | None = None


PROBES: list[Probe] = [  # name, API setup, API call, command argv, stdin, limit, timeout
    Probe("20th derivative that grows", "", f'nth_derivative("{GROWING}", "x", 20)',
          (GROWING, "--wrt", "x", "--order", "20"), None, "max_nodes"),
    Probe("20th derivative, 1 s", "",
          f'nth_derivative("{GROWING}", "x", 20, limits=Limits(timeout=1, max_nodes=10**9))',
          (GROWING, "--order", "20", "--timeout", "1", "--max-nodes", "1000000000"), None,
          "timeout", 1),
    Probe("Hessian of a 4.9 KB product", f'P = "{PRODUCT_1000}"', "hessian(P)",
          ("hessian", "-"), PRODUCT_1000, "max_nodes"),
    Probe("Hessian of a 4.9 KB product, 1 s", f'P = "{PRODUCT_1000}"',
          "hessian(P, limits=Limits(timeout=1))",
          ("hessian", "-", "--timeout", "1"), PRODUCT_1000, "max_nodes", 1),
    Probe("gradient of a 12,000-variable product", f'P = "{PRODUCT_12000}"', "gradient(P)",
          ("grad", "-"), PRODUCT_12000, "max_nodes"),
    Probe("Hessian by 10,000 named variables", f'V = "{NAMES_10000}".split(",")',
          'hessian("x*y", V)', ("hessian", "x*y", "--vars", NAMES_10000), None, "max_nodes"),
    Probe("order 10^9", "", 'nth_derivative("x^2", "x", 10**9)',
          ("x^2", "--order", "1000000000"), None, "max_order"),
    Probe("order 10^20", "", 'nth_derivative("x^2", "x", 10**20)',
          ("x^2", "--order", "1" + "0" * 20), None, "max_order"),
    Probe("printing a 9th derivative of 70 M characters", "",
          f'str(nth_derivative("{GROWING}", "x", 9))',
          (GROWING, "--order", "9", "--format", "text"), None, "max_output_chars"),
    Probe("render() with max_output_chars", "",
          f'render(diff("{GROWING}", "x"), "latex", limits=Limits(max_output_chars=100))',
          (GROWING, "--format", "latex", "--max-output-chars", "100"), None,
          "max_output_chars"),
    Probe("nested squares 50,000 deep, 1 s: one clock for parsing and simplifying",
          "S = open(0).read()", "simplify(S, limits=Limits(timeout=1))",
          ("simplify", "-", "--timeout", "1"), nested_squares(50_000), "timeout", 1),
    Probe("nested squares 50,000 deep, with steps", "S = open(0).read()",
          "simplify_steps_of(S)",
          ("simplify", "-", "--steps", "--format", "text"), nested_squares(50_000),
          "max_nodes"),
    Probe("nested squares 16,000 deep: linear memory", "S = open(0).read()", "simplify(S)",
          ("simplify", "-", "--format", "text"), nested_squares(16_000), None),
    Probe("grad of 8,000 variables", f'S = "{SQUARES_8000}"', "gradient(S)",
          ("grad", "-", "--format", "text"), SQUARES_8000, None),
    Probe("(x+1)(x+1)...(x+1), 2,000 factors", f'P = "{REPEATED_2000}"', 'diff(P, "x")',
          ("-", "--format", "text"), REPEATED_2000, None),
]  # fmt: skip

API = """\
import sys, time
from symdiff import *
from symdiff.errors import SymdiffError
from symdiff.simplifier import simplify_steps

def simplify_steps_of(text):
    return simplify_steps(parse(text))

{setup}
wall, cpu = time.monotonic(), time.process_time()
try:
    {call}
except SymdiffError as exc:
    print(time.monotonic() - wall, time.process_time() - cpu)
    print(" ".join(str(exc).split()), file=sys.stderr)
    sys.exit(2)
print(time.monotonic() - wall, time.process_time() - cpu)
"""


@dataclass(frozen=True)
class Outcome:
    """What one child did: exit code, output, and the system's account of it."""

    code: int
    out: str
    err: str
    wall: float  # seconds from start to exit, as the parent saw it
    cpu: float  # user + system seconds of the child
    peak_mb: float


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_child(argv: list[str], stdin: str | None) -> Outcome:
    """Run ``argv`` from the project root; wait for exactly that child with ``os.wait4``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUTF8": "1"}
    with tempfile.TemporaryFile("w+") as given, tempfile.TemporaryFile("w+") as out, \
            tempfile.TemporaryFile("w+") as err:  # fmt: skip
        given.write(stdin or "")
        given.seek(0)
        start = time.monotonic()
        child = subprocess.Popen(argv, cwd=ROOT, env=env, stdin=given, stdout=out,
                                 stderr=err, preexec_fn=_limit_memory)  # fmt: skip
        watchdog = threading.Timer(WATCHDOG, child.kill)
        watchdog.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            watchdog.cancel()
        wall = time.monotonic() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        return Outcome(child.returncode, out.read(), err.read(), wall,
                       usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # fmt: skip


@pytest.fixture(scope="module")
def startup() -> float:
    """Wall seconds the command takes on a trivial input (interpreter, imports, output)."""
    return max(run_child([sys.executable, "-m", "symdiff", "x^2"], None).wall for _ in range(2))


def _judge(probe: Probe, outcome: Outcome, spent: float) -> None:
    """The verdict on one child: the limit named (or finished), in time, within memory."""
    where = f"{probe.name}: exit {outcome.code}, {outcome.err.strip()[:300]!r}"
    if probe.limit is None:
        assert outcome.code == 0, where
        assert outcome.err == "", where
    else:
        assert outcome.code == 2, where
        lines = outcome.err.splitlines()
        assert len(lines) == 1 and "Traceback" not in outcome.err, where
        assert f"({probe.limit})" in lines[0], where
    assert outcome.peak_mb < MEMORY_MB, f"{where}: {outcome.peak_mb:.0f} MB"
    if probe.limit is None:
        allowed = FINISH  # linear work: the quadratic versions took minutes
    else:
        allowed = probe.timeout + MARGIN if probe.timeout else A_PRIORI
    assert spent < allowed, f"{where}: {spent:.2f} s"


IDS = [p.name for p in PROBES]


@pytest.mark.parametrize("probe", PROBES, ids=IDS)
def test_api(probe: Probe) -> None:
    code = API.format(setup=probe.setup, call=probe.call)
    outcome = run_child([sys.executable, "-c", code], probe.stdin)
    wall, cpu = (float(v) for v in outcome.out.split()[-2:])  # measured around the call alone
    _judge(probe, outcome, wall if probe.timeout else cpu)


@pytest.mark.parametrize("probe", PROBES, ids=IDS)
def test_command(probe: Probe, startup: float) -> None:
    outcome = run_child([sys.executable, "-m", "symdiff", *probe.argv], probe.stdin)
    if probe.limit is not None and probe.stdin is not None:  # a batch names the line
        assert outcome.err.startswith("symdiff: error: line 1: "), outcome.err
    spent = outcome.wall - startup if probe.timeout else outcome.cpu
    _judge(probe, outcome, spent)


FINISHED: list[tuple[tuple[str, ...], str | None, str]] = [  # argv, stdin, the output
    (("-", "--format", "text"), REPEATED_2000, "2000*(x + 1)^1999\n"),
    (("simplify", "-", "--format", "text"), nested_squares(3), "(x + 1)^8\n"),
    (("x^2", "--timeout", "1e300", "--format", "text"), None, "2*x\n"),
]


@pytest.mark.parametrize(("argv", "stdin", "shown"), FINISHED, ids=[a[0] for a, _, _ in FINISHED])
def test_finished_probes_answer_right(argv: tuple[str, ...], stdin: str | None, shown: str) -> None:
    outcome = run_child([sys.executable, "-m", "symdiff", *argv], stdin)
    assert (outcome.code, outcome.out) == (0, shown), outcome.err


BAD_VALUES: list[tuple[tuple[str, ...], str]] = [  # absurd option values: one clear line, exit 2
    (("x^2", "--order", "10^20"), "--order"),
    (("x^2", "--timeout", "inf"), "--timeout"),
    (("x^2", "--timeout", "nan"), "--timeout"),
    (("x^2", "--timeout", "-1"), "--timeout"),
    (("x^2", "--max-nodes", "0"), "--max-nodes"),
]


@pytest.mark.parametrize(("argv", "option"), BAD_VALUES, ids=[" ".join(a) for a, _ in BAD_VALUES])
def test_absurd_values_are_clear_errors(argv: tuple[str, ...], option: str) -> None:
    outcome = run_child([sys.executable, "-m", "symdiff", *argv], None)
    assert outcome.code == 2 and outcome.err.count("\n") == 1, outcome.err
    assert option in outcome.err and "internal error" not in outcome.err


def test_batch_keeps_going_past_a_refused_line() -> None:
    lines = textwrap.dedent(f"""\
        x^3
        {GROWING}
        sin(x)
        """)
    outcome = run_child([sys.executable, "-m", "symdiff", "-", "--order", "20",
                         "--format", "text", "--max-order", "20"], lines)  # fmt: skip
    assert outcome.code == 2
    assert outcome.err.startswith("symdiff: error: line 2: ") and "(max_nodes)" in outcome.err
    first, refused, last = outcome.out.splitlines()  # one record per input, an error's too
    assert (first, last) == ("0", "sin(x)")
    assert refused.startswith("error: ") and refused.endswith("(max_nodes)")
