"""symdiff against its strongest peers (CasADi, SymEngine, Symbolica): CPU time, interleaved.

Run from the repository root with the peers installed (each optional; a missing one is a
blank column)::

    pip install -e ".[bench]" casadi symbolica
    python benchmarks/peers.py                 # every workload, 7 rounds
    python benchmarks/peers.py --only network --rounds 5

Method.  Every library differentiates the *same expression graph*: the workload is built
once as a symdiff DAG and rebuilt children first with each peer's constructors, so shared
sub-expressions stay shared (CasADi ``SX``, SymEngine, Symbolica).  Only differentiation is
timed: for a gradient, CasADi's ``gradient`` (reverse mode over the SX graph), SymEngine's
and Symbolica's ``diff``/``derivative`` once per variable (their usual way); for one
partial, each library's single derivative.  symdiff's columns are the raw reverse sweep
(or forward rules for one partial) and what ``symdiff.gradient``/``symdiff.diff`` return,
simplified.  Each round runs every library once on the workload, one after the other, and
the times are CPU seconds of this process (``time.process_time``), so other work on a
shared machine adds little, and what it adds falls on every library alike; the table
shows medians.  Each timed run follows an untimed run of the same task, so that no
library pays for the memory the previous one returned to the system (freeing a large
SymEngine result made the next run, whatever it was, up to 50 ms slower).  A peer whose
first run exceeds ``--peer-timeout`` seconds (or that cannot
express the workload: Symbolica has no ``max``) is left out of that row.  Each peer's
result is checked at a random point against symdiff's (relative 1e-9).

``--compiled-python PATH``: a Python (a virtual environment's) with the compiled wheel of
symdiff installed (``SYMDIFF_COMPILE=1``, see the README) adds two columns, compiled raw and
compiled, measured in a worker process of that Python in the same rounds (after this
process's libraries, each timed run following an untimed one there too); the checks say
whether its results are the very DAGs this process's symdiff built (a hash of their nodes).
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import math
import operator
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backends import Program, convert, foreign_values, load, rebuild
from workloads import Workload, all_workloads

from symdiff.core.expr import Expr

Task = Callable[[], Any]


def _optional(name: str) -> Any:
    try:
        return __import__(name)
    except ImportError:
        return None


# ----- the same graph in CasADi and Symbolica -------------------------------------------


def to_casadi(expr: Expr, names: list[str]) -> tuple[Any, list[Any]]:
    """``expr`` as a CasADi SX expression, and the SX symbols of ``names`` (in order)."""
    ca = _optional("casadi")
    symbols = {n: ca.SX.sym(n) for n in names}

    def var(name: str) -> Any:
        if name not in symbols:
            symbols[name] = ca.SX.sym(name)
        return symbols[name]

    def fold(pair: Callable[[Any, Any], Any]) -> Callable[..., Any]:
        return lambda *args: functools.reduce(pair, args)

    lib: dict[str, Callable[..., Any]] = {
        "num": lambda v: ca.SX(float(v)), "var": var, "indicator": lambda a, b: a > b,
        "sin": ca.sin, "cos": ca.cos, "tan": ca.tan, "exp": ca.exp, "log": ca.log,
        "sqrt": ca.sqrt, "tanh": ca.tanh, "abs": ca.fabs, "sign": ca.sign,
        "sigmoid": lambda u: 1 / (1 + ca.exp(-u)), "relu": lambda u: ca.fmax(u, 0),
        "max": fold(ca.fmax), "min": fold(ca.fmin),
        "logsumexp": lambda *us: ca.logsumexp(ca.vertcat(*us)),  # CasADi's own: max-shifted
        "softplus": lambda u: ca.fmax(u, 0) + ca.log1p(ca.exp(-ca.fabs(u))),
        "logsigmoid": lambda u: ca.fmin(u, 0) - ca.log1p(ca.exp(-ca.fabs(u))),
    }  # fmt: skip
    (out,) = rebuild([expr], lib)
    return out, [symbols[n] for n in names]


def to_symbolica(expr: Expr) -> Any:
    """``expr`` as a Symbolica expression (TypeError where Symbolica has no such function)."""
    sb = _optional("symbolica")

    def no_constant(name: str) -> Any:
        raise TypeError(f"no Symbolica form for the constant {name}")

    lib: dict[str, Callable[..., Any]] = {
        "num": lambda v: sb.Expression.num(v.numerator) / sb.Expression.num(v.denominator),
        "const": no_constant, "var": sb.S,
        **{name: (lambda m: lambda u: getattr(u, m)())(name)
           for name in ("sin", "cos", "exp", "log", "sqrt", "tanh", "abs")},
        # Symbolica has none of these: written as their definitions
        "logsumexp": lambda *us: functools.reduce(operator.add, [u.exp() for u in us]).log(),
        "softplus": lambda u: (1 + u.exp()).log(),
        "logsigmoid": lambda u: -(1 + (-u).exp()).log(),
    }  # fmt: skip
    (out,) = rebuild([expr], lib)
    return out


# ----- one task per library ---------------------------------------------------------------


def tasks(w: Workload) -> dict[str, Task]:
    """What each library runs on ``w`` (built beforehand, so only differentiation is timed)."""
    import symdiff
    from symdiff.calculus.differentiate import differentiate
    from symdiff.calculus.reverse import gradient_reverse

    e, names = w.expr, w.wrt
    out: dict[str, Task] = {}
    if w.kind == "diff":
        out["symdiff raw"] = lambda: [differentiate(e, names[0])[0]]
        out["symdiff"] = lambda: [symdiff.diff(e, names[0])]
    else:
        out["symdiff raw"] = lambda: list(gradient_reverse(e, names).values())
        out["symdiff"] = lambda: list(symdiff.gradient(e, names).values())
    out["symdiff, first call"] = partial(_first_call, out["symdiff"])
    ca = _optional("casadi")
    if ca is not None:
        f, xs = to_casadi(e, names)
        if w.kind == "diff":
            out["CasADi"] = lambda: [ca.gradient(f, xs[0])]
        else:
            xv = ca.vertcat(*xs)
            out["CasADi"] = lambda: [ca.gradient(f, xv)]
    se = load("symengine")
    if se is not None:
        g = convert(e, "symengine")
        syms = [se.Symbol(n) for n in names]
        out["SymEngine"] = lambda: [g.diff(s) for s in syms]
    sb = _optional("symbolica")
    if sb is not None:
        try:
            h = to_symbolica(e)
        except TypeError:
            pass
        else:
            hs = [sb.S(n) for n in names]
            out["Symbolica"] = lambda: [h.derivative(s) for s in hs]
    return out


def _first_call(task: Task) -> Any:
    """``task`` as the first call on its input: nothing remembered of an earlier call."""
    from symdiff.simplifier.remembered import forget

    forget()
    return task()


def _agree(got: list[float], reference: list[float]) -> str:
    bad = [i for i, (a, b) in enumerate(zip(got, reference, strict=True))
           if not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)]  # fmt: skip
    return "ok" if not bad else f"{len(bad)} differ"


def check_symengine(result: list[Any], w: Workload, reference: list[float]) -> str:
    """SymEngine's partials at the workload's first point, against symdiff's."""
    return _agree(foreign_values(result, w.points(1)[0]), reference)


def check_symbolica(result: list[Any], w: Workload, reference: list[float]) -> str:
    """Symbolica's partials at the workload's first point, against symdiff's."""
    sb = _optional("symbolica")
    point = {sb.S(n): v for n, v in w.points(1)[0].items()}
    return _agree([complex(r.evaluate(point)).real for r in result], reference)


def check_casadi(w: Workload, reference: list[float]) -> str:
    """CasADi's gradient, made a Function and called at the point, against symdiff's values."""
    ca = _optional("casadi")
    point = w.points(1)[0]
    names = list(point)  # every variable is an input; the gradient is by w.wrt
    f, xs = to_casadi(w.expr, names)
    by = ca.vertcat(*[xs[names.index(n)] for n in w.wrt])
    fn = ca.Function("g", [ca.vertcat(*xs)], [ca.gradient(f, by)])
    got = [float(v) for v in ca.DM(fn([point[n] for n in names])).full().ravel()]
    return _agree(got, reference)


# The worker of --compiled-python: symdiff from that Python's own site-packages (the
# benchmarks and examples folders only are put on its path); reads "task<TAB>workload" lines
# and answers [CPU seconds of a timed run after an untimed one, hash of the result DAG].
_COMPILED = """
import gc, json, sys, time
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/../examples"]
import symdiff
from symdiff.calculus.differentiate import differentiate
from symdiff.calculus.local_partials import clear_cache
from symdiff.calculus.reverse import gradient_reverse
from symdiff.core.native import build
import network
import workloads
from dag_shape import shape

print(json.dumps([build(), symdiff.__file__]), flush=True)
build_by_name = dict(workloads.builders(sys.argv[2] == "quick"))
held = {}

def run(task, w):
    if task == "parse":
        return [symdiff.parse(w)]
    e, names = w.expr, w.wrt
    if task == "raw":
        if w.kind == "diff":
            return [differentiate(e, names[0])[0]]
        return list(gradient_reverse(e, names).values())
    if w.kind == "diff":
        return [symdiff.diff(e, names[0])]
    return list(symdiff.gradient(e, names).values())

def cpu(task, w):
    clear_cache()
    gc.collect()
    start = time.process_time()
    result = run(task, w)
    return time.process_time() - start, result

for line in sys.stdin:
    task, name = line.rstrip("\\n").split("\\t")
    if name not in held:
        held.clear()
        gc.collect()
        held[name] = (network.loss_text(tuple(map(int, name.split("-")))) if task == "parse"
                      else build_by_name[name]())
    cpu(task, held[name])  # untimed
    seconds, result = cpu(task, held[name])
    print(json.dumps([seconds, shape(result)]), flush=True)
    del result
"""


class Compiled:
    """symdiff's compiled build, in a worker process of another Python."""

    def __init__(self, python: str, quick: bool) -> None:
        here = str(Path(__file__).resolve().parent)
        self.proc = subprocess.Popen(
            [python, "-c", _COMPILED, here, "quick" if quick else "full"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=here,
        )  # fmt: skip
        kind, where = self._answer()
        if kind != "compiled":
            sys.exit(f"--compiled-python: that Python's symdiff is {kind} ({where})")

    def _answer(self) -> Any:
        assert self.proc.stdout is not None
        return json.loads(self.proc.stdout.readline())

    def time(self, task: str, name: str) -> tuple[float, str]:
        """CPU seconds of ``task`` on a workload, and its result's hash.

        ``task`` is "raw" or "symdiff" (``name`` a workload's), or "parse" (``name`` the
        widths of a network, ``6-28-28-10``, whose loss as text is parsed).
        """
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{task}\t{name}\n")
        self.proc.stdin.flush()
        seconds, digest = self._answer()
        return float(seconds), str(digest)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()


def cpu(task: Task) -> float:
    """CPU seconds of one run from a clean state: no earlier result alive, caches empty.

    symdiff interns nodes, so a result still alive would let the next run find its nodes
    instead of building them; its local-partial templates are cleared as well.
    """
    from symdiff.calculus.local_partials import clear_cache

    clear_cache()
    gc.collect()
    start = time.process_time()
    result = task()
    seconds = time.process_time() - start
    del result
    return seconds


def first_run(task: Task) -> tuple[float, Any]:
    """The untimed first run: its CPU seconds and result (for the checks)."""
    gc.collect()
    start = time.process_time()
    result = task()
    return time.process_time() - start, result


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return ""
    ms = seconds * 1000
    return f"{ms:,.2f}" if ms < 10 else f"{ms:,.1f}" if ms < 100 else f"{ms:,.0f}"


def main() -> None:
    """Print the table: medians of CPU milliseconds, and ratios against the best peer."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="workloads whose group/name contains this")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--peer-timeout", type=float, default=10.0)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--compiled-python", metavar="PATH",
                        help="a Python with symdiff's compiled wheel: two more columns")
    args = parser.parse_args()
    compiled = Compiled(args.compiled_python, args.quick) if args.compiled_python else None
    ours_cols = ["symdiff raw", "symdiff", "symdiff, first call"]
    if compiled:
        ours_cols += ["compiled raw", "compiled"]
    versions = {name: getattr(_optional(name), "__version__", "missing")
                for name in ("casadi", "symengine", "symbolica")}  # fmt: skip
    print(f"Python {platform.python_version()}; CasADi {versions['casadi']}, SymEngine "
          f"{versions['symengine']}, Symbolica {versions['symbolica']}; "
          f"{args.rounds} interleaved rounds, CPU ms (medians)\n")  # fmt: skip
    peers = ["CasADi", "SymEngine", "Symbolica"]
    extra = ["compiled ÷ best", "compiled raw ÷ best"] if compiled else []
    print("| workload | " + " | ".join(ours_cols) + " | " + " | ".join(peers)
          + " | best peer | symdiff ÷ best | first call ÷ best | raw ÷ best | "
          + "".join(f"{c} | " for c in extra) + "checks |")  # fmt: skip
    print("|---|" + "--:|" * (len(ours_cols) + len(peers)) + "---|--:|--:|--:|"
          + "--:|" * len(extra) + "---|")  # fmt: skip
    reached: dict[str, dict[str, float]] = {}
    for w in all_workloads(args.quick):
        if w.group == "worked examples" or (args.only and args.only not in f"{w.group} {w.name}"):
            continue
        run = tasks(w)
        times: dict[str, list[float]] = {name: [] for name in run}
        results: dict[str, Any] = {}
        for name, task in list(run.items()):  # a first, untimed run; drop peers too slow
            seconds, results[name] = first_run(task)
            if not name.startswith("symdiff") and seconds > args.peer_timeout:
                del run[name], times[name]
                results[name] = f"> {args.peer_timeout:g} s"
        point = w.points(1)[0]
        reference = Program(results["symdiff"])(point)
        checks = []
        if "CasADi" in run:
            checks.append(f"CasADi {check_casadi(w, reference)}")
        if "SymEngine" in run:
            checks.append(f"SymEngine {check_symengine(results['SymEngine'], w, reference)}")
        if "Symbolica" in run:
            checks.append(f"Symbolica {check_symbolica(results['Symbolica'], w, reference)}")
        if compiled:
            from dag_shape import shape

            mine = {"compiled raw": shape(results["symdiff raw"]),
                    "compiled": shape(results["symdiff"])}  # fmt: skip
            digests: dict[str, set[str]] = {name: set() for name in mine}
            times.update({name: [] for name in mine})
        results = {k: v for k, v in results.items() if isinstance(v, str)}  # free the nodes
        for _ in range(args.rounds):
            for name, task in run.items():
                cpu(task)  # untimed: what the previous library freed is not this one's cost
                times[name].append(cpu(task))
            if compiled:
                for name, kind in (("compiled raw", "raw"), ("compiled", "symdiff")):
                    seconds, digest = compiled.time(kind, w.name)
                    times[name].append(seconds)
                    digests[name].add(digest)
        if compiled:
            same = all(digests[name] == {mine[name]} for name in mine)
            checks.append(f"compiled {'same DAGs' if same else 'DIFFERENT DAGs'}")
        medians = {name: statistics.median(ts) for name, ts in times.items()}
        best = min((medians[p], p) for p in peers if p in medians) if any(
            p in medians for p in peers) else None  # fmt: skip
        cells = [fmt(medians.get(p)) or (results.get(p) if isinstance(results.get(p), str)
                                          else "") for p in peers]  # fmt: skip
        ratio = f"{medians['symdiff'] / best[0]:.2f}×" if best else ""
        first = f"{medians['symdiff, first call'] / best[0]:.2f}×" if best else ""
        raw = f"{medians['symdiff raw'] / best[0]:.2f}×" if best else ""
        ours = " | ".join(fmt(medians[c]) for c in ours_cols)
        more = "".join(f"{medians[c.split(' ÷ ')[0]] / best[0]:.2f}× | " if best else " | "
                       for c in extra)  # fmt: skip
        print(f"| {w.group}: {w.name} | {ours} | "
              + " | ".join(cells) + f" | {best[1] if best else ''} | {ratio} | {first} | {raw} | "
              f"{more}{', '.join(checks)} |", flush=True)  # fmt: skip
        reached[w.name] = medians
    print()
    print(targets(reached))
    print()
    print(parse_table(args.rounds, compiled))
    if compiled:
        compiled.close()


PARSE_WIDTHS = "6-28-28-10"  # its loss as text: 0.93 MB, just under the default input limit
PARSE_TARGET = 5.0  # the compiled build's parse: at most this many times SymEngine's


def parse_table(rounds: int, compiled: Compiled | None) -> str:
    """Parsing the network loss as text: symdiff (pure, compiled) against the peers' parsers.

    SymEngine's ``sympify`` of a string runs its C++ parser, Symbolica's
    ``Expression.parse`` its Rust one; neither knows ``logsumexp`` or ``max`` as functions
    and both read them as symbols' calls, which costs them nothing extra.  Same rounds,
    each timed run after an untimed one, CPU time, medians.
    """
    import network

    import symdiff

    text = network.loss_text(tuple(map(int, PARSE_WIDTHS.split("-"))))
    run: dict[str, Task] = {"symdiff": partial(symdiff.parse, text)}
    symengine, symbolica = _optional("symengine"), _optional("symbolica")
    if symengine is not None:
        run["SymEngine"] = partial(symengine.sympify, text)
    if symbolica is not None:
        run["Symbolica"] = partial(symbolica.Expression.parse, text)
    times: dict[str, list[float]] = {name: [] for name in run}
    if compiled:
        times["compiled"] = []
    for _ in range(rounds):
        for name, task in run.items():
            cpu(task)
            times[name].append(cpu(task))
        if compiled:
            times["compiled"].append(compiled.time("parse", PARSE_WIDTHS)[0])
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    names = list(medians)
    lines = [f"Parsing the {PARSE_WIDTHS} loss as text ({len(text):,} characters), CPU ms:",
             "", "| " + " | ".join(names) + " |", "|" + "--:|" * len(names),
             "| " + " | ".join(fmt(medians[n]) for n in names) + " |"]  # fmt: skip
    if "SymEngine" in medians:
        lines += ["", "| target | reached | met |", "|---|--:|:-:|"]
        pure = medians["symdiff"] / medians["SymEngine"]
        lines.append(f"| parse: symdiff (no target) | {pure:.2f}× | |")
        if "compiled" in medians:
            ratio = medians["compiled"] / medians["SymEngine"]
            met = "yes" if ratio <= PARSE_TARGET else "no"
            goal = f"≤ {PARSE_TARGET:g}× SymEngine"
            lines.append(f"| parse: compiled {goal} | {ratio:.2f}× | {met} |")
    return "\n".join(lines)


# The targets that this table measures: (workload, our column, peer, at most).
TARGETS = [
    ("8-32-32-10 (1,674 partials)", "symdiff", "CasADi", 1.0),
    ("8-32-32-10 (1,674 partials)", "symdiff raw", "CasADi", 0.5),
    ("depth 1,000", "symdiff", "CasADi", 2.0),
    ("10,000 terms, d/dx1", "symdiff", "Symbolica", 2.0),
    # the same with the compiled build (--compiled-python)
    ("8-32-32-10 (1,674 partials)", "compiled", "CasADi", 1.0),
    ("8-32-32-10 (1,674 partials)", "compiled raw", "CasADi", 0.5),
    ("depth 1,000", "compiled", "CasADi", 2.0),
    ("10,000 terms, d/dx1", "compiled", "Symbolica", 2.0),
]


def targets(reached: dict[str, dict[str, float]]) -> str:
    """The targets as ratios in this run: the figure reached and whether it is met."""
    lines = ["| target | reached | first call | met |", "|---|--:|--:|:-:|"]
    for name, ours, peer, most in TARGETS:
        got = reached.get(name, {})
        if ours.startswith("compiled") and not any(ours in r for r in reached.values()):
            continue  # run without --compiled-python
        if ours not in got or peer not in got:
            lines.append(f"| {name}: {ours} ≤ {most:g}× {peer} | not run | | |")
            continue
        ratio = got[ours] / got[peer]
        first = got["symdiff, first call"] / got[peer] if ours == "symdiff" else None
        cell = f"{first:.2f}×" if first is not None else ""
        met = "yes" if max(ratio, first or 0.0) <= most else "no"
        lines.append(f"| {name}: {ours} ≤ {most:g}× {peer} | {ratio:.2f}× | {cell} | {met} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
