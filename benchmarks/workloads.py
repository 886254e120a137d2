"""The benchmark workloads, built as symdiff expressions (SymPy/SymEngine get conversions).

Each workload is one expression and the variables to differentiate by: one
(``kind="diff"``: one partial) or several (``kind="grad"``: the gradient).  All
are deterministic (fixed seeds).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from symdiff.core.build import cos, exp, sin, sum_
from symdiff.core.expr import Expr, Mul, Num, Pow, Var
from symdiff.core.walk import variables

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
import network

WORKED = [  # the textbook's worked examples: (source, variables)
    ("x + y", ["x", "y"]),
    ("2x + 3y^2", ["x", "y"]),
    ("3x^3 - y^2 + 5x + 2", ["x", "y"]),
    ("x*y", ["x", "y"]),
    ("3x^3z - y^2 + 5z + 2yz", ["x", "y", "z"]),
    ("max(x, y)", ["x", "y"]),
    ("max(x, 0)", ["x"]),
    ("3(2x^2)^5", ["x"]),
]


@dataclass
class Workload:
    """One timed task: differentiate ``expr`` by each of ``wrt``."""

    group: str
    name: str
    expr: Expr
    wrt: list[str]
    kind: str = "grad"  # "diff": one partial; "grad": all of wrt
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    default_range: tuple[float, float] = (-1.0, 1.0)

    def points(self, count: int, seed: int = 1) -> list[dict[str, float]]:
        """Random check points (each variable drawn from its range)."""
        rng = random.Random(seed)
        names = variables(self.expr)
        return [
            {n: rng.uniform(*self.ranges.get(n, self.default_range)) for n in names}
            for _ in range(count)
        ]


def polynomial(terms: int, nvars: int = 8, seed: int = 0) -> Expr:
    """A sparse polynomial: ``terms`` distinct monomials, 1–4 variables each, powers 1–5."""
    rng = random.Random(seed)
    xs = [Var(f"x{i}") for i in range(1, nvars + 1)]
    seen: set[tuple[tuple[int, int], ...]] = set()
    out: list[Expr] = []
    while len(out) < terms:
        chosen = sorted(rng.sample(range(nvars), rng.randint(1, 4)))
        mono = tuple((i, rng.randint(1, 5)) for i in chosen)
        if mono in seen:
            continue
        seen.add(mono)
        coefficient = rng.choice([-1, 1]) * rng.randint(2, 9)
        powers = [xs[i] if a == 1 else Pow(xs[i], Num(a)) for i, a in mono]
        out.append(Mul((Num(coefficient), *powers)))
    return sum_(out)


def chain(depth: int) -> Expr:
    """``sin(cos(exp(sin(…x…))))`` with ``depth`` function applications."""
    e: Expr = Var("x")
    fns = (exp, cos, sin)
    for k in range(depth):
        e = fns[(depth - 1 - k) % 3](e)
    return e


def product(n: int) -> Expr:
    """``x1*x2*…*xn``."""
    return Mul(tuple(Var(f"x{i}") for i in range(1, n + 1)))


def builders(quick: bool = False) -> list[tuple[str, Callable[[], Workload]]]:
    """Every workload of the table by name, each built only when called (in order).

    A workload built anew after the last one was freed has new nodes: nothing of an
    earlier call (interned nodes, remembered normal forms) is found in it.
    """
    from symdiff import parse

    out: list[tuple[str, Callable[[], Workload]]] = []
    for source, names in WORKED:
        out.append((source, partial(_worked, parse, source, names)))
    for n in (100, 1_000) if quick else (100, 1_000, 10_000):
        out.append((f"{n:,} terms, d/dx1", partial(_polynomial, n, True)))
        out.append((f"{n:,} terms, gradient (8)", partial(_polynomial, n, False)))
    for d in (10, 100) if quick else (10, 100, 1_000):
        out.append((f"depth {d:,}", partial(_chain, d)))
    for n in (10, 100) if quick else (10, 100, 500):
        out.append((f"{n} variables, gradient", partial(_product, n)))
    widths_list = ["2-4-4-3", "4-16-16-3"] if quick else ["2-4-4-3", "4-16-16-3", "8-32-32-10"]
    for text in widths_list:
        count = len(network.parameters(network.parse_widths(text)))
        out.append((f"{text} ({count:,} partials)", partial(_network, text)))
    return out


def all_workloads(quick: bool = False) -> list[Workload]:
    """Every workload of the table, in order (``quick``: the smaller sizes only)."""
    return [build() for _, build in builders(quick)]


def _worked(parse: Callable[[str], Expr], source: str, names: list[str]) -> Workload:
    return Workload("worked examples", source, parse(source), names)


def _polynomial(n: int, one: bool) -> Workload:
    p = polynomial(n)
    if one:
        w = Workload("polynomial", f"{n:,} terms, d/dx1", p, ["x1"], "diff")
    else:
        w = Workload("polynomial", f"{n:,} terms, gradient (8)", p, variables(p))
    w.default_range = (0.5, 1.2)
    return w


def _chain(d: int) -> Workload:
    return Workload("chain", f"depth {d:,}", chain(d), ["x"], "diff", {"x": (0.1, 0.9)})


def _product(n: int) -> Workload:
    e = product(n)
    w = Workload("product", f"{n} variables, gradient", e, variables(e))
    w.default_range = (0.9, 1.1)
    return w


def _network(text: str) -> Workload:
    widths = network.parse_widths(text)
    names = network.parameters(widths)
    w = Workload("network", f"{text} ({len(names):,} partials)", network.loss_expr(widths), names)
    w.default_range = (-0.6, 0.6)
    return w
