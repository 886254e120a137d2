"""Property: every row of the function table differentiates correctly inside compositions.

Hypothesis draws compositions of the rows present at run time (``FUNCTIONS``: whatever
rows exist, new ones included) in the shapes a calculus course uses: a chain of up to
three functions, and a product or a quotient of two chains.  symdiff differentiates the
composition; the oracle is independent of symdiff's rules: SymPy's own derivative of each
function (``sympy.diff`` of the row's SymPy form, lambdified to mpmath at 30 digits, or
mpmath's numerical derivative of that SymPy form where SymPy leaves the derivative
unevaluated, as for ``floor``), combined by forward-mode (dual number) evaluation of the
composition: sum, product and power rules written here.

Every function is evaluated near a *probe*: an argument found once per row where its
``outside`` facet allows it, away from its ``edges`` and its ``kinks`` (zero, ties,
integers), and where SymPy's value and partials are real and moderate.  Each argument of
a call is ``c + q·(inner − inner(0))`` with ``c`` a probe and ``q`` small enough that
the argument stays near ``c`` for the sample points |x| ≤ 1/8; at each point the oracle
checks the margins again (a point near an edge, a kink, a tie, the branch cut of
``atan2`` (kinks: zero) or a pole is skipped).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cache
from typing import Any

import mpmath
import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import symdiff
from symdiff.check.bridge import to_sympy
from symdiff.core.evaluate import evaluate
from symdiff.core.expr import Add, Call, Expr, Mul, Num, Pow, Var, add, call, mul, pow_
from symdiff.core.facets import Function
from symdiff.core.functions import FUNCTIONS
from symdiff.core.walk import postorder
from symdiff.errors import UnsupportedError

x = Var("x")
DPS = 30  # digits of the oracle's arithmetic
CANDIDATES = [Fraction(v) for v in ("-37/10", "-11/5", "-13/10", "-4/5", "-11/20", "-3/10",
                                    "-1/10", "3/20", "7/20", "3/5", "9/10", "7/5", "23/10",
                                    "31/10", "9/2", "0", "1", "2", "3")]  # fmt: skip
PAIRED = [Fraction(v) for v in ("-13/10", "-3/10", "7/20", "9/10", "23/10", "0", "1", "2")]
PROBE_MARGIN = 0.05  # probes keep this far from edges, kinks, ties and integers
POINT_MARGIN = 0.005  # sample points keep this far
LARGE = 1e6  # a value or partial beyond this is near a pole: not a probe, not a point
# three sample points in [-1/8, 1/8]
POINTS = st.integers(-8, 4).map(lambda k: [Fraction(k + 2 * i, 64) for i in range(3)])


class Skip(Exception):
    """The point is too near an edge, a kink or a pole of some call."""


@dataclass(frozen=True)
class Oracle:
    """SymPy's value and partials of one row, and where to evaluate it."""

    row: Function
    arity: int
    value: Callable[..., Any]
    partials: tuple[Callable[..., Any], ...]
    probes: tuple[tuple[Fraction, ...], ...]  # arguments inside the domain, with margins
    varying: tuple[int, ...]  # argument positions symdiff differentiates by


def _real(v: Any) -> Any:
    """An mpmath number as a real mpf; Skip where it is complex or not finite."""
    if isinstance(v, mpmath.mpc):
        if abs(v.imag) > 1e-20 * max(1, abs(v.real)):
            raise Skip("complex")
        v = v.real
    v = mpmath.mpf(v)
    if not mpmath.isfinite(v) or abs(v) > LARGE:
        raise Skip("large")
    return v


def _clear(row: Function, args: Sequence[Any], margin: float) -> None:
    """Skip unless ``args`` are inside the row's domain and ``margin`` from its edges and kinks."""
    floats = [float(a) for a in args]
    if row.outside(floats) is not None:
        raise Skip("outside")
    for i, a in enumerate(floats):
        if _discrete(row, floats, i, margin):
            continue  # a whole-number parameter (an order): no neighbours to keep away from
        for moved in (a - margin, a + margin):
            if row.outside([*floats[:i], moved, *floats[i + 1 :]]) is not None:
                raise Skip("near the end of the domain")
        if any(abs(a - float(e)) < margin * max(1, abs(e)) for e in row.edges):
            raise Skip("near an edge")
        if row.kinks == "zero" and abs(a) < margin:
            raise Skip("near a kink")
        if row.kinks == "integers" and abs(a - round(a)) < margin:
            raise Skip("near a jump")
    if row.kinks == "ties" and any(abs(a - b) < margin for a in floats for b in floats if a != b):
        raise Skip("near a tie")
    if row.kinks == "ties" and len(set(floats)) < len(floats):
        raise Skip("a tie")


def _discrete(row: Function, floats: list[float], i: int, margin: float) -> bool:
    """Whether argument ``i`` is a whole number whose neighbours are outside the domain."""
    a = floats[i]
    if a != round(a):
        return False
    return all(row.outside([*floats[:i], moved, *floats[i + 1 :]]) is not None
               for moved in (a - margin, a + margin))  # fmt: skip


def _numeric_partial(value: Callable[..., Any], i: int) -> Callable[..., Any]:
    """∂value/∂uᵢ by mpmath's numerical differentiation (SymPy left it unevaluated)."""

    def partial(*args: Any) -> Any:
        return mpmath.diff(lambda t: value(*args[:i], t, *args[i + 1 :]), args[i])

    return partial


@cache
def oracle(name: str) -> Oracle:
    """The oracle of one row: SymPy's derivative, lambdified to mpmath, and probes."""
    row = FUNCTIONS[name]
    arity = row.arity or 2
    names = [f"u{i}" for i in range(arity)]
    symbols = [sympy.Symbol(n, real=True) for n in names]
    form = to_sympy(Call(name, tuple(Var(n) for n in names)))
    value = sympy.lambdify(symbols, form, modules="mpmath")
    partials = []
    for i, s in enumerate(symbols):
        derivative = sympy.diff(form, s)
        try:
            exact = sympy.lambdify(symbols, derivative, modules="mpmath")
            with mpmath.workdps(DPS):
                exact(*[mpmath.mpf("0.37")] * arity)
            partials.append(exact)
        except (NameError, TypeError, NotImplementedError):  # DiracDelta, Derivative(floor(u))
            partials.append(_numeric_partial(value, i))
        except (ValueError, ZeroDivisionError):
            partials.append(exact)
    pool = CANDIDATES if arity == 1 else PAIRED
    tuples: list[tuple[Fraction, ...]] = [(c,) for c in pool]
    for _ in range(arity - 1):
        tuples = [(*t, c) for t in tuples for c in pool]
    probes = []
    with mpmath.workdps(DPS):
        for t in tuples:
            try:
                _clear(row, t, PROBE_MARGIN)
                args = [mpmath.mpf(c.numerator) / c.denominator for c in t]
                _real(value(*args))
                for p in partials:
                    _real(p(*args))
            except (Skip, ValueError, ZeroDivisionError, OverflowError):
                continue
            probes.append(t)
    varying = tuple(
        i
        for i in range(arity)
        if probes
        and _differentiable(name, probes[0], i)
        and not _discrete(row, [float(c) for c in probes[0]], i, PROBE_MARGIN)
    )
    return Oracle(row, arity, value, tuple(partials), tuple(probes), varying)


def _differentiable(name: str, probe: tuple[Fraction, ...], i: int) -> bool:
    """Whether symdiff differentiates ``name`` by its argument ``i`` (not: polygamma's order)."""
    args = [Num(c) for c in probe]
    args[i] = add(Num(probe[i]), x)
    try:
        symdiff.diff(Call(name, tuple(args)), "x", simplify=False)
    except UnsupportedError:
        return False
    return True


# ----- the oracle: forward-mode evaluation with SymPy's partials ----------------------------
def dual(expr: Expr, at: Fraction, margin: float) -> tuple[Any, Any, Any]:
    """(value, d/dx, the largest |d/dx| of a node) of ``expr`` at x = ``at``; Skip near trouble."""
    done: dict[Expr, tuple[Any, Any]] = {}
    largest = mpmath.mpf(1)
    for node in postorder(expr):
        kids = [done[c] for c in node.children]
        match node:
            case Num():
                v = node.value
                pair = (mpmath.mpf(v.numerator) / v.denominator, mpmath.mpf(0))
            case Var():
                pair = (mpmath.mpf(at.numerator) / at.denominator, mpmath.mpf(1))
            case Add():
                pair = (mpmath.fsum(k[0] for k in kids), mpmath.fsum(k[1] for k in kids))
            case Mul():
                values = [k[0] for k in kids]
                terms = [k[1] * mpmath.fprod(values[:i] + values[i + 1 :])
                         for i, k in enumerate(kids)]  # fmt: skip
                pair = (mpmath.fprod(values), mpmath.fsum(terms))
            case Pow() if isinstance(node.exp, Num):
                (b, db), e = kids[0], node.exp.value
                n = mpmath.mpf(e.numerator) / e.denominator
                if abs(b) < margin * 10:
                    raise Skip("near a pole of a quotient")
                pair = (b**n, n * b ** (n - 1) * db)
            case Call():
                o = oracle(node.name)
                args = [k[0] for k in kids]
                _clear(o.row, args, margin)
                slope = mpmath.fsum(o.partials[i](*args) * k[1] for i, k in enumerate(kids)
                                    if k[1] != 0)  # fmt: skip
                pair = (_real(o.value(*args)), _real(slope))
            case _:
                raise AssertionError(f"the oracle has no rule for {node}")
        largest = max(largest, abs(pair[1]))
        done[node] = pair
    return (*done[expr], largest)


# ----- compositions ----------------------------------------------------------------------
Link = tuple[str, int]  # a row's name and which of its probes to evaluate it near


def chain(links: Sequence[Link]) -> Expr:
    """f₁(… fₖ(x)): each argument that varies is ``c + q·(inner − inner(0))``."""
    inner: Expr = x
    for name, pick in links:
        o = oracle(name)
        probe = o.probes[pick % len(o.probes)]
        with mpmath.workdps(DPS):
            v, slope, _ = dual(inner, Fraction(0), 0.0)
        q = Fraction(1, 2 ** math.ceil(math.log2(4 * max(1.0, abs(float(slope))))))
        shift = Fraction(float(v)).limit_denominator(10**9)
        args = [add(Num(c - q * shift), mul(Num(q), inner)) if i in o.varying else Num(c)
                for i, c in enumerate(probe)]  # fmt: skip
        inner = Call(name, tuple(args))
    return inner


def composition(shape: str, first: Sequence[Link], second: Sequence[Link]) -> Expr:
    if shape == "chain":
        return chain(first)
    top, bottom = chain(first), chain(second)
    if shape == "product":
        return mul(top, bottom)
    with mpmath.workdps(DPS):
        v = float(dual(bottom, Fraction(0), 0.0)[0])
    if abs(v) < 0.5:
        bottom = add(bottom, Num(1 if v >= 0 else -1))
    return mul(top, pow_(bottom, -1))


def compare(expr: Expr, points: Sequence[Fraction], simplify: bool) -> int:
    """Check symdiff's d/dx of ``expr`` against the oracle at ``points``; how many compared."""
    derivative = symdiff.diff(expr, "x", simplify=simplify)
    compared = 0
    for at in points:
        try:
            with mpmath.workdps(DPS):
                _, theirs, scale = dual(expr, at, POINT_MARGIN)
        except (Skip, ValueError, ZeroDivisionError, OverflowError):
            continue
        ours = float(evaluate(derivative, {"x": at}))
        tolerance = 1e-9 * float(max(scale, abs(theirs)))
        assert abs(ours - float(theirs)) <= tolerance, (str(expr), str(derivative), at, ours,
                                                        float(theirs))  # fmt: skip
        compared += 1
    return compared


def rows_under_test() -> list[str]:
    return sorted(n for n in FUNCTIONS if oracle(n).probes and oracle(n).varying)


def links(most: int) -> st.SearchStrategy[list[Link]]:
    names = st.sampled_from(sorted(FUNCTIONS))
    return st.lists(st.tuples(names, st.integers(0, 10**6)), min_size=1, max_size=most)


# ----- the tests --------------------------------------------------------------------------
def test_every_row_has_probes_and_an_argument_to_vary() -> None:
    """No row escapes the property: each has points inside its domain and a derivative."""
    assert rows_under_test() == sorted(FUNCTIONS)


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_row_alone_agrees_with_the_oracle(name: str) -> None:
    """Each row at each of its probes (the property draws from these)."""
    o = oracle(name)
    compared = sum(compare(chain([(name, i)]), [Fraction(1, 16), Fraction(-1, 32)], True)
                   for i in range(0, len(o.probes), max(1, len(o.probes) // 6)))  # fmt: skip
    assert compared >= 4


@settings(max_examples=1000)
@given(shape=st.sampled_from(["chain", "product", "quotient"]), first=links(3),
       second=links(2), points=POINTS, simplify=st.booleans())  # fmt: skip
def test_compositions_of_the_whole_table_agree_with_sympy(
    shape: str, first: list[Link], second: list[Link], points: list[Fraction], simplify: bool
) -> None:
    expr = composition(shape, first, second)
    assume(compare(expr, points, simplify) > 0)


def test_a_wrong_partial_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The property can fail: asinh with the partial 1/√(u² + 2) instead of 1/√(u² + 1)."""
    row = FUNCTIONS["asinh"]
    wrong = replace(row, partial=lambda a, i: pow_(call("sqrt", add(pow_(a[0], 2), Num(2))), -1))
    monkeypatch.setitem(FUNCTIONS, "asinh", wrong)
    with pytest.raises(AssertionError, match="asinh"):
        compare(chain([("sin", 0), ("asinh", 3)]), [Fraction(1, 16)], True)
