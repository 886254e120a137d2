"""Where a curve may have a corner or a step: the zeros and ties of the piecewise functions.

Which arguments matter is read from each function's row of the function table
(:attr:`~symdiff.core.facets.Function.kinks`): ``"zero"`` (``abs``, ``relu``, ``sign``:
where the argument is 0), ``"ties"`` (``max``, ``min``: where two arguments are equal);
``"integers"`` (``floor``, ``ceil``: steps where the argument crosses a whole number,
found as the sign changes of ``sin(πu)``);
an indicator ``1(u > v)`` (in derivatives) steps where ``u = v``.  The places are found
numerically: sign changes of ``u − v`` on a grid, then bisection.

>>> from symdiff.api import parse
>>> f = parse("max(x, 1 - x) + abs(x^2 - 1)")
>>> [(str(u), v if v is None else str(v)) for u, v in kink_arguments(f)]
[('x', '1 - x'), ('x^2 - 1', None)]
>>> [round(x, 9) for x in kink_points([f], "x", {}, -2.0, 2.0)]
[-1.0, 0.5, 1.0]
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import combinations, pairwise

from ..core.evaluate import Value, evaluate
from ..core.expr import Call, Expr, Indicator
from ..core.functions import SPELLINGS
from ..core.jumps import crossings
from ..core.walk import postorder
from ..errors import DomainError, LimitError
from ..limits import DEFAULT_LIMITS, Limits
from .sampling import grid

Argument = tuple[Expr, Expr | None]  # the kink is where u = v (v None: where u = 0)
KINK_GRID = 400  # intervals of the grid searched for sign changes
HALVINGS = 60


def kink_arguments(expr: Expr) -> list[Argument]:
    """The (u, v) pairs of ``expr`` whose equality may put a corner or a step in it.

    >>> from symdiff.api import parse
    >>> [(str(u), v) for u, v in kink_arguments(parse("relu(x - 1) * sin(x)"))]
    [('x - 1', None)]
    """
    out: list[Argument] = []
    for node in postorder(expr):
        if isinstance(node, Indicator):
            out.append((node.lhs, node.rhs))
        elif isinstance(node, Call) and not node.deriv and node.name in SPELLINGS:
            kinks = SPELLINGS[node.name].kinks
            if kinks == "zero":
                out.extend((u, None) for u in dict.fromkeys(node.args))
            elif kinks == "ties":
                out.extend(combinations(dict.fromkeys(node.args), 2))
            elif kinks == "integers":  # floor, ceil: steps where sin(πu) changes sign
                out.append((crossings(node.args[0]), None))
    return list(dict.fromkeys(out))


def _gap_at(arg: Argument, env: Mapping[str, Value], var: str, x: float) -> float | None:
    """``u − v`` at ``x`` (None where either has no value there)."""
    u, v = arg
    point = {**env, var: x}
    try:
        gap = float(evaluate(u, point)) - (float(evaluate(v, point)) if v is not None else 0.0)
    except (DomainError, LimitError, OverflowError):
        return None
    return gap if math.isfinite(gap) else None


def kink_points(
    exprs: Sequence[Expr],
    var: str,
    fixed: Mapping[str, Value],
    lo: float,
    hi: float,
    limits: Limits = DEFAULT_LIMITS,
) -> list[float]:
    """Every ``x`` in ``lo..hi`` where an argument pair of ``exprs`` changes sign (sorted).

    ``fixed`` gives the other variables' values.  Each pair is evaluated alone, so a kink
    where the whole expression has no value (``log(abs(x))`` at 0) is found too; zeros that
    are not crossings (``u = x²`` touching 0) are found only where the grid hits them.

    >>> from symdiff.api import parse
    >>> kink_points([parse("relu(x) + sign(x - 1/3)")], "x", {}, -1.0, 1.0)[0]
    0.0
    >>> kink_points([parse("log(abs(x))")], "x", {}, -3.0, 3.0)
    [0.0]
    """
    found: list[float] = []
    xs = grid(lo, hi, KINK_GRID)
    args = list(dict.fromkeys(arg for root in exprs for arg in kink_arguments(root)))
    for arg in args:
        gaps = []
        for x in xs:
            limits.check_time("plotting")
            gaps.append(_gap_at(arg, fixed, var, x))
        found.extend(_zeros(arg, fixed, var, xs, gaps, limits))
    return _merge(sorted(found), (hi - lo) * 1e-9)


def _zeros(
    arg: Argument,
    env: Mapping[str, Value],
    var: str,
    xs: list[float],
    gaps: list[float | None],
    limits: Limits,
) -> list[float]:
    """The sign changes of one argument pair along the grid, each refined by bisection."""
    around = zip(xs, gaps, [None, *gaps], [*gaps[1:], None], strict=False)
    out = [x for x, g, before, after in around if g == 0 and (before or after)]
    for (a, ga), (b, gb) in pairwise(zip(xs, gaps, strict=True)):
        if ga is None or gb is None or ga * gb >= 0:
            continue
        for _ in range(HALVINGS):
            limits.check_time("plotting")
            m = (a + b) / 2
            gm = _gap_at(arg, env, var, m)
            if gm is None or m in (a, b):
                break
            if gm == 0:
                a = b = m
                break
            if (gm < 0) == (ga < 0):
                a, ga = m, gm
            else:
                b = m
        out.append((a + b) / 2)
    return out


def _merge(points: list[float], tolerance: float) -> list[float]:
    """Points closer than ``tolerance`` counted once."""
    out: list[float] = []
    for x in points:
        if not out or x - out[-1] > tolerance:
            out.append(x)
    return out
