"""The test oracle: check symdiff's answers against SymPy, or two answers against each other.

- ``sympy_diff(expr, "x")``: SymPy's derivative of a symdiff expression.
- ``assert_same(ours, theirs, variables)``: ``ours`` (symdiff) equals ``theirs`` (SymPy or
  symdiff).  First symbolically (``simplify(ours - theirs) == 0`` within a time budget,
  skipped for piecewise expressions and large ones), else numerically at random
  rational points in [-3, 3], through SymPy at 30 digits.  Returns how it decided.
- ``numeric_equal(a, b, variables)``: two symdiff expressions agree at random points,
  evaluated by symdiff's own ``evaluate`` (bool; ``assert_numeric_equal`` explains).

Numeric checks skip points where a side is undefined, complex or infinite, within
1e-3 of a tie (the compared arguments of max/min/abs/sign/relu/indicators, the
conditions of Piecewise/Heaviside) or within 1e-6 of a pole (bases of negative or
fractional powers, log and sqrt arguments, cos under tan).  Abstract functions
(``f(g(x))``, ``f'(u)``) are replaced by the same fixed smooth functions on both
sides.  Fewer than ``min_points`` usable points raises ``Undecided``; in a
Hypothesis test pass ``reject_undecided=True`` to discard such an example instead.
"""

from __future__ import annotations

import itertools
import math
import random
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from fractions import Fraction
from typing import Any

import sympy

from symdiff.check.bridge import to_sympy
from symdiff.core.evaluate import evaluate_nodes
from symdiff.core.expr import Call, Derivative, Expr, Indicator, Pow, Var
from symdiff.core.functions import KNOWN
from symdiff.core.walk import postorder, variables
from symdiff.errors import SymdiffError

TIE, POLE = 1e-3, 1e-6  # closeness to a tie (max, abs, ...) or a pole that rejects a point
MAX_SYMBOLIC_NODES = 300  # larger differences go straight to the numeric check
Point = dict[str, Fraction]
NONSMOOTH = (
    sympy.Max,
    sympy.Min,
    sympy.Abs,
    sympy.sign,
    sympy.Heaviside,
    sympy.Piecewise,
    sympy.DiracDelta,
)


class Undecided(AssertionError):
    """Too few points where both sides are defined and away from ties and poles."""


def sympy_diff(expr: Expr | Any, var: str) -> Any:
    """SymPy's derivative of a symdiff (or SymPy) expression with respect to ``var``."""
    source = to_sympy(expr) if isinstance(expr, Expr) else sympy.sympify(expr)
    return sympy.diff(source, sympy.Symbol(var, real=True))


def assert_same(
    ours: Expr | Any,
    theirs: Expr | Any,
    variables: Iterable[str] | str = (),
    *,
    points: int = 8,
    min_points: int = 3,
    seed: int = 0,
    symbolic: bool = True,
    budget: float = 1.0,
    rel_tol: float = 1e-9,
    abs_tol: float = 1e-12,
    reject_undecided: bool = False,
) -> str:
    """Assert two expressions are equal; return ``"symbolic"`` or ``"numeric (n points)"``."""
    a, b = _normal(_as_sympy(ours)), _normal(_as_sympy(theirs))
    if a == b or (symbolic and _symbolic_zero(a - b, budget)):
        return "symbolic"
    try:
        n = _numeric_sympy(a, b, variables, points, min_points, seed, rel_tol, abs_tol)
    except Undecided:
        if reject_undecided:
            from hypothesis import reject

            reject()
        raise
    return f"numeric ({n} points)"


def numeric_equal(a: Expr, b: Expr, variables: Iterable[str] | str = (), **options: Any) -> bool:
    """Whether two symdiff expressions agree at random points (symdiff's ``evaluate``).

    Raises ``Undecided`` when too few points are usable.
    """
    try:
        assert_numeric_equal(a, b, variables, **options)
    except Undecided:
        raise
    except AssertionError:
        return False
    return True


def assert_numeric_equal(
    a: Expr,
    b: Expr,
    variables: Iterable[str] | str = (),
    *,
    points: int = 8,
    min_points: int = 3,
    seed: int = 0,
    rel_tol: float = 1e-9,
    abs_tol: float = 1e-9,
) -> int:
    """Assert ``a`` and ``b`` agree numerically; return the number of points compared.

    Expressions with abstract functions or pending derivatives go through SymPy.
    """
    if any(_abstract(n) for n in (*postorder(a), *postorder(b))):
        sa, sb = _normal(to_sympy(a)), _normal(to_sympy(b))
        return _numeric_sympy(sa, sb, variables, points, min_points, seed, rel_tol, abs_tol)

    def values(point: Point) -> tuple[float, float] | None:
        try:
            memo_a, memo_b = evaluate_nodes(a, point), evaluate_nodes(b, point)
        except (SymdiffError, ArithmeticError, ValueError):
            return None
        if not (_clear(memo_a) and _clear(memo_b)):
            return None
        return float(memo_a[a]), float(memo_b[b])

    names = _names(variables, *variables_of(a), *variables_of(b))
    label = f"{_show(a)}  vs  {_show(b)}"
    return _compare(values, names, points, min_points, seed, rel_tol, abs_tol, label)


def variables_of(e: Expr) -> list[str]:
    """The variable names of a symdiff expression."""
    return variables(e)


# ----- numeric comparison ------------------------------------------------------
def _compare(
    values: Callable[[Point], tuple[float, float] | None],
    names: list[str],
    points: int,
    min_points: int,
    seed: int,
    rel_tol: float,
    abs_tol: float,
    label: str,
) -> int:
    """Compare at up to ``points`` usable random points; the number compared."""
    rng = random.Random(seed)
    used = 0
    for _ in range(points * 6 + 20):
        point: Point = {}
        for name in names:
            q = rng.choice((7, 11, 13, 17, 19, 23, 29))
            point[name] = Fraction(rng.randint(-3 * q, 3 * q), q)
        pair = values(point)
        if pair is None:
            continue
        va, vb = pair
        if not math.isclose(va, vb, rel_tol=rel_tol, abs_tol=abs_tol):
            where = ", ".join(f"{k}={v}" for k, v in point.items())
            raise AssertionError(f"not equal at {where}: {va!r} != {vb!r}\n  {label}")
        used += 1
        if used == points:
            break
    if used < min_points:
        raise Undecided(f"only {used} usable points (undefined or ties elsewhere)\n  {label}")
    return used


def _clear(memo: dict[Expr, Any]) -> bool:
    """No tie within TIE or pole within POLE among the evaluated nodes.

    Nodes free of variables are skipped: a constant tie (``min(1, 2 - 1)``) is no kink.
    """
    varying: set[Expr] = set()
    for node in memo:  # in postorder: children first
        kids = [memo[c] for c in node.children]
        if isinstance(node, Var) or any(c in varying for c in node.children):
            varying.add(node)
        else:
            continue
        if isinstance(node, Indicator):
            near = [(kids[0] - kids[1], TIE)]
        elif isinstance(node, Pow):
            bad = kids[1] < 0 or (kids[1] != int(kids[1]))
            near = [(kids[0], POLE)] if bad else []
        elif isinstance(node, Call):
            near = _call_guards(node.name, kids)
        else:
            continue
        if any(abs(v) < r for v, r in near):
            return False
    return True


def _call_guards(name: str, kids: list[Any]) -> list[tuple[Any, float]]:
    if name in ("max", "min"):
        return [(u - v, TIE) for u, v in itertools.combinations(kids, 2)]
    if name in ("abs", "relu", "sign"):
        return [(kids[0], TIE)]
    if name in ("log", "ln", "sqrt"):
        return [(kids[0], POLE)]
    if name == "tan":
        return [(math.cos(kids[0]), POLE)]
    return []


# ----- SymPy side --------------------------------------------------------------
def _numeric_sympy(
    a: Any,
    b: Any,
    variables: Iterable[str] | str,
    points: int,
    min_points: int,
    seed: int,
    rel_tol: float,
    abs_tol: float,
) -> int:
    """Compare two (normalized) SymPy expressions at random points."""
    concrete = _concretizer(seed, a, b)
    ca, cb = concrete(a), concrete(b)
    guards = dict.fromkeys([*_sympy_guards(ca), *_sympy_guards(cb)])

    def values(point: Point) -> tuple[float, float] | None:
        for g, radius in guards:
            v = _sympy_value(g, point)
            if v is None or abs(v) < radius:
                return None
        va, vb = _sympy_value(ca, point), _sympy_value(cb, point)
        return None if va is None or vb is None else (va, vb)

    found = (s.name for s in ca.free_symbols | cb.free_symbols if not isinstance(s, sympy.Dummy))
    label = f"{_short(a)}  vs  {_short(b)}"
    return _compare(
        values, _names(variables, *found), points, min_points, seed, rel_tol, abs_tol, label
    )


def _as_sympy(e: Expr | Any) -> Any:
    return to_sympy(e) if isinstance(e, Expr) else sympy.sympify(e)


def _normal(e: Any) -> Any:
    """Derivatives with respect to non-symbols (SymPy's ``d f(g(x))/d g(x)``) as ``Subs``."""

    def bad(d: Any) -> bool:
        return isinstance(d, sympy.Derivative) and not all(v.is_Symbol for v in d.variables)

    def fix(d: Any) -> Any:
        body, counts, old, new = d.expr, [], [], []
        for k, (v, n) in enumerate(d.variable_count):
            if not v.is_Symbol:
                xi = sympy.Dummy(f"xi{k}")
                body, old, new, v = body.xreplace({v: xi}), [*old, xi], [*new, v], xi
            counts.append((v, n))
        return sympy.Subs(sympy.Derivative(body, *counts), old, new)

    return e.replace(bad, fix) if e.has(sympy.Derivative) else e


def _concretizer(seed: int, *exprs: Any) -> Callable[[Any], Any]:
    """Replace each abstract function by one fixed smooth function, then ``doit``."""
    undef = sympy.core.function.AppliedUndef
    found = {(f.func, len(f.args)) for e in exprs for f in e.atoms(undef)}
    applied = sorted(found, key=lambda fa: (str(fa[0]), fa[1]))
    makers = {fa: _smooth(seed, str(fa[0]), fa[1]) for fa in applied}

    def concrete(e: Any) -> Any:
        for (f, k), make in makers.items():
            e = e.replace(
                lambda a, f=f, k=k: a.func == f and len(a.args) == k,
                lambda a, make=make: make(*a.args),
            )
        return e.doit() if e.has(sympy.Derivative, sympy.Subs) else e

    return concrete


def _smooth(seed: int, name: str, arity: int) -> Callable[..., Any]:
    rng = random.Random(f"{seed}:{name}:{arity}")
    pick = lambda: sympy.Rational(rng.choice((-3, -2, -1, 1, 2, 3)), rng.choice((2, 3, 5)))  # noqa: E731
    a, c, d = ([pick() for _ in range(arity)] for _ in range(3))
    b = pick()

    def make(*u: Any) -> Any:
        lin = lambda w: sum((wi * ui for wi, ui in zip(w, u, strict=True)), sympy.Integer(0))  # noqa: E731
        return sympy.sin(lin(a) + b) + lin(c) ** 3 / 7 + lin(d)

    return make


def _sympy_guards(e: Any) -> Iterator[tuple[Any, float]]:
    seen: dict[Any, float] = {}
    for node in sympy.preorder_traversal(e):
        if isinstance(node, sympy.Abs | sympy.sign | sympy.Heaviside | sympy.DiracDelta):
            seen.setdefault(node.args[0], TIE)
        elif isinstance(node, sympy.Max | sympy.Min):
            for u, v in itertools.combinations(node.args, 2):
                seen.setdefault(u - v, TIE)
        elif isinstance(node, sympy.core.relational.Relational):
            seen.setdefault(node.lhs - node.rhs, TIE)
        elif isinstance(node, sympy.Pow) and not (node.exp.is_integer and node.exp.is_nonnegative):
            seen.setdefault(node.base, POLE)
        elif isinstance(node, sympy.log):
            seen.setdefault(node.args[0], POLE)
        elif isinstance(node, sympy.tan):
            seen.setdefault(sympy.cos(node.args[0]), POLE)
    yield from ((g, r) for g, r in seen.items() if not g.is_number)  # constants are no kinks


def _sympy_value(e: Any, point: Point) -> float | None:
    """The real value of ``e`` at ``point``; None where undefined, complex or infinite."""
    subs = {
        s: sympy.Rational(point[s.name].numerator, point[s.name].denominator)
        for s in e.free_symbols
        if s.name in point
    }
    try:
        v = e.xreplace(subs)
    except ValueError:  # e.g. Max/Min handed zoo (1/0) at this point: undefined here
        return None
    try:
        c = complex(v.evalf(30))
    except TypeError as error:
        raise AssertionError(f"cannot evaluate {_short(v)} numerically") from error
    ok = math.isfinite(c.real) and abs(c.imag) <= 1e-15 * max(1.0, abs(c.real))
    return c.real if ok else None


def _symbolic_zero(d: Any, budget: float) -> bool:
    """Whether ``d`` simplifies to 0 within ``budget`` seconds (False if unsure)."""
    size = sum(1 for _ in itertools.islice(sympy.preorder_traversal(d), MAX_SYMBOLIC_NODES + 1))
    if size > MAX_SYMBOLIC_NODES or d.has(*NONSMOOTH):
        return False
    try:
        with _deadline(budget):
            for form in (d, d.doit()) if d.has(sympy.Derivative, sympy.Subs) else (d,):
                if sympy.expand(form) == 0 or sympy.simplify(form) == 0:
                    return True
    except _Timeout:
        pass
    return False


class _Timeout(Exception):
    pass


class _deadline:
    """Raise ``_Timeout`` in the block after ``seconds`` (main thread on Unix; else no limit)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        main = threading.current_thread() is threading.main_thread()
        self.armed = main and hasattr(signal, "setitimer")

    def __enter__(self) -> None:
        if self.armed:
            self.old = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.old)

    @staticmethod
    def _fire(signum: int, frame: object) -> None:
        raise _Timeout


# ----- small helpers -------------------------------------------------------------
def _abstract(node: Expr) -> bool:
    return isinstance(node, Derivative) or (
        isinstance(node, Call) and (bool(node.deriv) or node.name not in KNOWN)
    )


def _names(given: Iterable[str] | str, *found: str) -> list[str]:
    given = [given] if isinstance(given, str) else list(given)
    return list(dict.fromkeys([*given, *sorted(found)]))


def _short(e: Any, limit: int = 300) -> str:
    text = str(e)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _show(e: Expr) -> str:
    try:
        return _short(e)
    except Exception:  # the printer is not needed to compare values
        return _short(to_sympy(e))
