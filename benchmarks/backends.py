"""The same expression in SymPy and SymEngine, and float values of results from all three.

``convert(expr, backend)`` rebuilds a symdiff DAG with the other library's
constructors, children first, so shared sub-expressions stay shared Python
objects.  ``max(0, u)`` becomes ``Max(0, u)`` in SymPy (its derivative is a
Heaviside) and ``Piecewise((u, u > 0), (0, True))`` in SymEngine, whose ``diff``
leaves ``Derivative(max(0, u), u)`` unevaluated.

The float evaluators are independent of symdiff's own ``evaluate`` (which is
exact where it can be): one walk per point over distinct nodes, no recursion.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from symdiff.core.expr import Add, Call, Const, Expr, Indicator, Mul, Num, Pow, Var
from symdiff.core.walk import postorder

Point = Mapping[str, float]


def load(name: str) -> Any:
    """The module ``sympy`` or ``symengine``, or None when it is not installed."""
    try:
        if name == "sympy":
            import sympy

            return sympy
        import symengine

        return symengine
    except ImportError:
        return None


def convert(expr: Expr, backend: str) -> Any:
    """``expr`` built with ``backend``'s constructors (``"sympy"`` or ``"symengine"``)."""
    lib = load(backend)
    fns: dict[str, Callable[..., Any]] = {
        "sin": lib.sin, "cos": lib.cos, "tan": lib.tan, "exp": lib.exp, "log": lib.log,
        "sqrt": lib.sqrt, "tanh": lib.tanh, "abs": lib.Abs,
    }  # fmt: skip
    symbols: dict[str, Any] = {}
    done: dict[Expr, Any] = {}
    for node in postorder(expr):
        kids = [done[c] for c in node.children]
        if isinstance(node, Num):
            v = node.value
            out = (
                lib.Integer(v.numerator)
                if v.denominator == 1
                else lib.Rational(v.numerator, v.denominator)
            )
        elif isinstance(node, Var):
            out = symbols.get(node.name)
            if out is None:
                out = symbols[node.name] = lib.Symbol(node.name)
        elif isinstance(node, Const):
            out = lib.E if node.name == "e" else lib.pi
        elif isinstance(node, Add):
            out = lib.Add(*kids)
        elif isinstance(node, Mul):
            out = lib.Mul(*kids)
        elif isinstance(node, Pow):
            out = lib.Pow(kids[0], kids[1])
        elif isinstance(node, Indicator):
            out = lib.Piecewise((1, kids[0] > kids[1]), (0, True))
        elif isinstance(node, Call) and node.name in ("max", "min") and not node.deriv:
            out = _extremum(lib, backend, node.name, kids)
        elif isinstance(node, Call) and node.name in fns and not node.deriv:
            out = fns[node.name](kids[0])
        elif isinstance(node, Call) and node.name == "sigmoid":
            out = 1 / (1 + lib.exp(-kids[0]))
        elif isinstance(node, Call) and node.name == "logsumexp" and not node.deriv:
            out = lib.log(lib.Add(*[lib.exp(k) for k in kids]))  # neither has logsumexp
        elif isinstance(node, Call) and node.name == "softplus" and not node.deriv:
            out = lib.log(1 + lib.exp(kids[0]))
        elif isinstance(node, Call) and node.name == "logsigmoid" and not node.deriv:
            out = -lib.log(1 + lib.exp(-kids[0]))
        else:
            raise TypeError(f"no {backend} form for {type(node).__name__} {node}")
        done[node] = out
    return done[expr]


def rebuild(roots: Sequence[Expr], lib: Mapping[str, Callable[..., Any]]) -> list[Any]:
    """``roots`` built children first with another library's constructors, sharing kept.

    ``lib`` maps ``num`` (a Fraction, or the float of ``e``/``pi`` when there is no
    ``const``), ``const`` (optional, by name), ``var`` (by name), ``indicator`` (a, b) and
    each function by name to a constructor; sums and products fold with ``+`` and ``*``,
    powers use ``**``.  A node ``lib`` has no constructor for is a ``TypeError``.
    """
    done: dict[Expr, Any] = {}
    for node in postorder(Call("#roots", tuple(roots)))[:-1]:
        kids = [done[c] for c in node.children]
        if isinstance(node, Num):
            out = lib["num"](node.value)
        elif isinstance(node, Var):
            out = lib["var"](node.name)
        elif isinstance(node, Const):
            const = lib.get("const")
            out = const(node.name) if const else lib["num"](math.e if node.name == "e" else math.pi)
        elif isinstance(node, Add | Mul):
            out = kids[0]
            for k in kids[1:]:
                out = out + k if isinstance(node, Add) else out * k
        elif isinstance(node, Pow):
            out = kids[0] ** kids[1]
        else:
            key = "indicator" if isinstance(node, Indicator) else getattr(node, "name", "")
            if key not in lib or (isinstance(node, Call) and node.deriv):
                raise TypeError(f"no form for {type(node).__name__} {node}")
            out = lib[key](*kids)
        done[node] = out
    return [done[r] for r in roots]


def _extremum(lib: Any, backend: str, name: str, kids: list[Any]) -> Any:
    if backend == "sympy":
        return (lib.Max if name == "max" else lib.Min)(*kids)
    if len(kids) != 2:
        raise TypeError("SymEngine form only for max/min of two arguments")
    a, b = kids
    return (
        lib.Piecewise((a, a > b), (b, True))
        if name == "max"
        else lib.Piecewise((a, a < b), (b, True))
    )


# ----- float values ---------------------------------------------------------------
def _logsumexp(u: Sequence[float]) -> float:
    """log(Σ exp(uᵢ)) shifted by the largest uᵢ, so that exp never overflows."""
    m = max(u)
    return m + math.log(math.fsum(math.exp(t - m) for t in u))


CALLS: dict[str, Callable[..., float]] = {
    "sin": math.sin, "cos": math.cos, "tan": math.tan, "exp": math.exp, "log": math.log,
    "sqrt": math.sqrt, "tanh": math.tanh, "abs": abs, "max": max, "min": min,
    "sigmoid": lambda u: 1 / (1 + math.exp(-u)), "relu": lambda u: max(u, 0.0),
    "sign": lambda u: float((u > 0) - (u < 0)),
    "logsumexp": lambda *u: _logsumexp(u),
    "softplus": lambda u: max(u, 0.0) + math.log1p(math.exp(-abs(u))),
    "logsigmoid": lambda u: min(u, 0.0) - math.log1p(math.exp(-abs(u))),
}  # fmt: skip


class Program:
    """A symdiff DAG compiled for repeated float evaluation (one list walk per point)."""

    def __init__(self, roots: Sequence[Expr]) -> None:
        self.roots = list(roots)
        order = postorder(Call("#roots", tuple(self.roots)))[:-1]
        slot = {node: i for i, node in enumerate(order)}
        self.steps: list[tuple[str, Any, list[int]]] = []
        for node in order:
            kids = [slot[c] for c in node.children]
            if isinstance(node, Num):
                self.steps.append(("num", float(node.value), kids))
            elif isinstance(node, Var):
                self.steps.append(("var", node.name, kids))
            elif isinstance(node, Const):
                self.steps.append(("num", math.e if node.name == "e" else math.pi, kids))
            elif isinstance(node, Call):
                if node.deriv or node.name not in CALLS:
                    raise TypeError(f"cannot evaluate {node}")
                self.steps.append(("call", CALLS[node.name], kids))
            else:
                self.steps.append((type(node).__name__, None, kids))
        self.outputs = [slot[r] for r in self.roots]

    def __call__(self, point: Point) -> list[float]:
        """The value of every root at ``point``."""
        v: list[float] = []
        push = v.append
        for op, data, kids in self.steps:
            if op == "Mul":
                p = 1.0
                for k in kids:
                    p *= v[k]
                push(p)
            elif op == "Add":
                push(math.fsum([v[k] for k in kids]))
            elif op == "var":
                push(point[data])
            elif op == "num":
                push(data)
            elif op == "call":
                push(data(*[v[k] for k in kids]))
            elif op == "Pow":
                push(v[kids[0]] ** v[kids[1]])
            elif op == "Indicator":
                push(1.0 if v[kids[0]] > v[kids[1]] else 0.0)
            else:
                raise TypeError(f"cannot evaluate {op}")
        return [v[i] for i in self.outputs]


def foreign_values(results: Sequence[Any], point: Point) -> list[float]:
    """Float values of SymPy or SymEngine expressions (equal sub-expressions evaluated once).

    Keyed by the objects themselves (structural hash and equality): SymEngine makes
    new Python wrappers on every ``.args``, so object ids are not stable.
    """
    memo: dict[Any, float] = {}
    out = []
    for root in results:
        stack: list[tuple[Any, bool]] = [(root, False)]
        while stack:
            e, ready = stack.pop()
            if e in memo:
                continue
            if not ready and _has_args(e):
                stack.append((e, True))
                stack.extend((a, False) for a in e.args if a not in memo)
                continue
            memo[e] = _foreign_node(e, [memo[a] for a in e.args], point)
        out.append(memo[root])
    return out


def _has_args(e: Any) -> bool:
    return bool(e.args) and not getattr(e, "is_Number", False)


def _foreign_node(e: Any, a: list[float], point: Point) -> float:
    kind = type(e).__name__
    if getattr(e, "is_Number", False) or kind in ("Exp1", "Pi", "BooleanTrue", "BooleanFalse"):
        return float(bool(e)) if kind.startswith("Boolean") else float(e)
    if getattr(e, "is_Symbol", False):
        return float(point[str(e)])
    simple: dict[str, Callable[[list[float]], float]] = {
        "Add": math.fsum, "Mul": math.prod, "Pow": lambda a: a[0] ** a[1],
        "StrictLessThan": lambda a: float(a[0] < a[1]),
        "StrictGreaterThan": lambda a: float(a[0] > a[1]),
        "LessThan": lambda a: float(a[0] <= a[1]), "GreaterThan": lambda a: float(a[0] >= a[1]),
        "Heaviside": lambda a: 1.0 if a[0] > 0 else (0.0 if a[0] < 0 else a[1]),
        "Max": max, "Min": min,
    }  # fmt: skip
    if kind in simple:
        return simple[kind](a)
    if kind == "ExprCondPair":  # SymPy's (expr, condition) pair: its value, or None
        return a[0] if a[1] else None  # type: ignore[return-value]
    if kind == "Piecewise":
        if type(e.args[0]).__name__ == "ExprCondPair":  # SymPy: pairs
            return next(v for v in a if v is not None)
        return next(a[k] for k in range(0, len(a), 2) if a[k + 1])  # SymEngine: flat
    name = kind.lower()
    if name in CALLS:
        return CALLS[name](*a)
    raise TypeError(f"cannot evaluate a {kind}: {e}")
