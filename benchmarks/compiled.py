"""Compiled gradients (``symdiff.compile``) against evaluate, SymEngine's Lambdify and CasADi.

Run from the repository root (NumPy needed; SymEngine, CasADi, JAX optional)::

    python benchmarks/compiled.py            # about a minute on 2 cores
    python benchmarks/compiled.py --rounds 3

Three tables, from one run, CPU time (``time.process_time``), each figure the median of
interleaved rounds (every method once per round, in turn):

(a) the 4-16-16-3 network's gradient (403 partials) at one point: ``evaluate`` on each
    partial (what a user had before) against the compiled function (compiled once,
    beforehand; and compile + one call);
(b) the 8-32-32-10 gradient (1,674 partials) at 1,000 and at 10,000 points: the compiled
    function on NumPy arrays against SymEngine's ``Lambdify`` (with ``cse=True``) and
    CasADi's ``Function`` (``map`` over the points; its DM input made beforehand) built from
    the same expression graph (the gradient's DAG, converted node by node with sharing
    kept), and JAX ``jit(vmap(grad))``
    of the same network written with dense layers (its compilation not timed); PyTorch is
    not timed; a peer that is not installed is skipped;
(c) compilation time (the gradient's DAG to a Python callable) for the three network sizes,
    with the DAG's size: linear means a steady time per node.

Ratios are the peer's time over ours (above 1: we are faster).
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import network
from backends import rebuild

import symdiff
from symdiff.core.evaluate import evaluate
from symdiff.core.expr import Call, Expr
from symdiff.core.walk import count_nodes


def cpu(fn: Callable[[], Any]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def interleaved(methods: dict[str, Callable[[], Any]], rounds: int) -> dict[str, float]:
    """Median CPU seconds of each method, the methods taking turns in every round."""
    times: dict[str, list[float]] = {name: [] for name in methods}
    for _ in range(rounds):
        for name, fn in methods.items():
            times[name].append(cpu(fn))
    return {name: statistics.median(ts) for name, ts in times.items()}


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.3f} ms" if seconds < 0.01 else f"{seconds * 1e3:,.1f} ms"


def gradient_of(widths: tuple[int, ...]) -> tuple[list[str], dict[str, Expr], Expr]:
    names = network.parameters(widths)
    loss = network.loss_expr(widths)
    return names, symdiff.gradient(loss, names), loss


# ----- the same DAG in SymEngine and CasADi (backends.rebuild: children first, sharing kept)
def symengine_lambdify(names: list[str], roots: list[Expr]) -> Callable[[Any], Any] | None:
    if importlib.util.find_spec("symengine") is None:
        return None
    import symengine as se

    symbols = {n: se.Symbol(n) for n in names}
    lib = {
        "num": lambda v: se.Rational(v.numerator, v.denominator) if hasattr(v, "numerator")
        else se.RealDouble(v),
        "var": symbols.__getitem__, "exp": se.exp, "log": se.log,
        "max": lambda a, b: se.Max(a, b),
        "logsumexp": lambda *us: se.log(se.Add(*[se.exp(u) for u in us])),  # SymEngine has none
        "indicator": lambda a, b: se.Piecewise((1, a > b), (0, True)),
    }  # fmt: skip
    exprs = rebuild(roots, lib)
    fn = se.Lambdify([symbols[n] for n in names], exprs, cse=True)
    return fn  # points: (count, len(names)) -> (count, outputs)


def casadi_function(names: list[str], roots: list[Expr]) -> Callable[[Any], Any] | None:
    if importlib.util.find_spec("casadi") is None:
        return None
    import casadi as ca

    x = ca.SX.sym("x", len(names))
    position = {n: i for i, n in enumerate(names)}
    lib = {
        "num": lambda v: ca.SX(float(v)), "var": lambda n: x[position[n]],
        "exp": ca.exp, "log": ca.log, "max": ca.fmax,
        "logsumexp": lambda *us: ca.logsumexp(ca.vertcat(*us)),
        "indicator": lambda a, b: ca.if_else(a > b, 1, 0),
    }  # fmt: skip
    out = ca.vertcat(*rebuild(roots, lib))
    fn = ca.Function("grad", [x], [out])
    batch: dict[int, Any] = {}

    def run(points: Any) -> Any:  # points: a DM (len(names), count) -> (outputs, count)
        count = points.shape[1]
        if count not in batch:
            batch[count] = fn.map(count)
        return batch[count](points)

    return run


def jax_gradient(widths: tuple[int, ...]) -> Callable[[Any], Any] | None:
    """JAX's own gradient of the same network (dense layers, the same loss formula)."""
    if importlib.util.find_spec("jax") is None:
        return None
    import jax
    import jax.numpy as jnp

    jax.config.update("jax_enable_x64", True)
    x0 = jnp.array([float(v) for v in network.inputs(widths[0])])
    t = network.target(widths)

    def loss(v: Any) -> Any:  # v: the parameters in network.parameters order
        a, at = x0, 0
        for layer in range(1, len(widths)):
            n_in, n_out = widths[layer - 1], widths[layer]
            w = v[at : at + n_in * n_out].reshape(n_out, n_in)
            b = v[at + n_in * n_out : at + n_in * n_out + n_out]
            at += n_in * n_out + n_out
            z = w @ a + b
            a = z if layer == len(widths) - 1 else jnp.maximum(0.0, z)
        e = jnp.exp(a)
        return -jnp.log(e[t] / jnp.sum(e))

    step = jax.jit(jax.vmap(jax.grad(loss)))
    return lambda points: step(points).block_until_ready()


# ----- the three tables -------------------------------------------------------------------------
def one_point(rounds: int) -> None:
    names, grad, _ = gradient_of((4, 16, 16, 3))
    rng = random.Random(1)
    point = {n: rng.randint(-38, 38) / 64 for n in names}
    f = symdiff.compile(grad, names)
    args = [point[n] for n in names]
    reps = 200
    times = interleaved({
        "evaluate, each partial": lambda: [evaluate(e, point) for e in grad.values()],
        "compiled (x200 calls)": lambda: [f(*args) for _ in range(reps)],
        "compile + one call": lambda: symdiff.compile(grad, names)(*args),
    }, rounds)  # fmt: skip
    call = times["compiled (x200 calls)"] / reps
    print("(a) 4-16-16-3 gradient (403 partials) at one point")
    print(f"    evaluate, each partial   {ms(times['evaluate, each partial'])}")
    print(f"    compiled, one call       {ms(call)}   "
          f"({times['evaluate, each partial'] / call:,.0f}x faster; target < 5 ms)")  # fmt: skip
    print(f"    compile + one call       {ms(times['compile + one call'])}")


def batch(rounds: int, count: int = 1_000) -> None:
    import numpy as np

    names, grad, _ = gradient_of((8, 32, 32, 10))
    roots = list(grad.values())
    rng = np.random.default_rng(1)
    points = rng.uniform(-0.6, 0.6, size=(count, len(names)))
    columns = [np.ascontiguousarray(c) for c in points.T]  # inputs prepared untimed, for all
    f = symdiff.compile(grad, names)
    f(*columns)  # the NumPy code is generated on first use: not timed
    methods: dict[str, Callable[[], Any]] = {"symdiff compile (NumPy)": lambda: f(*columns)}
    peers = {
        "SymEngine Lambdify (cse)": lambda: symengine_lambdify(names, roots),
        "CasADi Function (map)": lambda: casadi_function(names, roots),
        "JAX jit(vmap(grad))": lambda: jax_gradient((8, 32, 32, 10)),
    }
    reference = np.array([f(*points[0])[n] for n in names])
    for label, build in peers.items():
        start = time.process_time()
        peer = build()
        if peer is None:
            print(f"    ({label}: not installed, skipped)")
            continue
        data = points
        if label.startswith("CasADi"):
            import casadi

            data = casadi.DM(np.ascontiguousarray(points.T))  # its own input type, untimed
        peer(data)  # warm-up (JAX compiles here)
        built = time.process_time() - start
        got = peer(data)
        got = np.asarray(got.full() if hasattr(got, "full") else got)
        first = got[0] if got.shape[0] == count else got[:, 0]
        agree = np.allclose(first, reference, rtol=1e-9, atol=1e-12)
        print(f"    ({label}: built and warmed up in {built:.1f} s; agrees with ours: {agree})")
        methods[label] = lambda peer=peer, data=data: peer(data)
    times = interleaved(methods, rounds)
    ours = times["symdiff compile (NumPy)"]
    print(f"(b) 8-32-32-10 gradient ({len(names):,} partials) at {count:,} points")
    for label, t in times.items():
        note = "" if label.startswith("symdiff") else f"   ratio {t / ours:.2f} (theirs/ours)"
        print(f"    {label:<26} {ms(t)}{note}")


def compile_times(rounds: int) -> None:
    print("(c) compilation: gradient DAG -> Python callable")
    for widths in ((2, 4, 4, 3), (4, 16, 16, 3), (8, 32, 32, 10)):
        names, grad, _ = gradient_of(widths)
        nodes = count_nodes(Call("#", tuple(grad.values())))
        t = interleaved({"c": lambda grad=grad, names=names: symdiff.compile(grad, names)},
                        rounds)["c"]  # fmt: skip
        label = "-".join(map(str, widths))
        print(f"    {label:<11} {nodes:>6,} nodes  {ms(t):>10}  {t / nodes * 1e6:6.2f} µs/node")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    args = parser.parse_args()
    one_point(max(1, min(args.rounds, 3)))  # evaluate takes seconds per round
    batch(args.rounds, 1_000)
    batch(args.rounds, 10_000)
    compile_times(args.rounds)


if __name__ == "__main__":
    main()
