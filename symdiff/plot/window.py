"""Which part of the plane to show, when the user does not say: around what is interesting.

The horizontal window is chosen from a probe of ``−10..10``: it spans the features found
there (zeros of f and f′, sign changes at poles, domain edges, kinks, the ``--at`` point),
padded, and is cut near the edges of the domain (``sqrt(1 − x²)`` gets about ``−1.5..1.5``).
With no feature it is ``−5..5``.  The vertical window covers f, and of f′ and f″ as much
as fits in half f's height again on each side; spikes at poles are ignored
(:func:`~.ticks.robust_range`).

>>> import math
>>> x_window(lambda x: x * x - 1, lambda x: 2 * x, [])
(-3.0, 3.0)
>>> x_window(lambda x: math.sqrt(1 - x * x) if abs(x) <= 1 else None,
...          lambda x: -x / math.sqrt(1 - x * x) if abs(x) < 1 else None, [])
(-1.2, 1.2)
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from .breaks import Fn
from .sampling import grid
from .ticks import robust_range

PROBE = 10.0  # the probe spans -PROBE..PROBE
PROBE_GRID = 800  # intervals of the probe
DEFAULT = (-5.0, 5.0)  # the window when nothing stands out
MIN_PAD = 2.0  # the window reaches at least this far beyond the outermost feature


def _changes(xs: list[float], ys: list[float | None]) -> list[float]:
    """Where the values change sign (or reach 0 from a non-zero neighbour)."""
    out = []
    for (a, ya), (b, yb) in pairwise(zip(xs, ys, strict=True)):
        if ya is None or yb is None:
            continue
        if ya * yb < 0 or (ya == 0) != (yb == 0):
            out.append(a if ya == 0 else b if yb == 0 else (a + b) / 2)
    return out


def _edges(xs: list[float], ys: list[float | None]) -> list[float]:
    """The probe points with a value next to one without."""
    out = []
    for (a, ya), (b, yb) in pairwise(zip(xs, ys, strict=True)):
        if (ya is None) != (yb is None):
            out.append(a if ya is not None else b)
    return out


def x_window(f: Fn, df: Fn, extra: Sequence[float]) -> tuple[float, float]:
    """A horizontal window around the features of ``f`` (``extra``: kinks, a chosen point).

    >>> x_window(lambda x: 2.0, lambda x: 0.0, [])
    (-5.0, 5.0)
    """
    xs = grid(-PROBE, PROBE, PROBE_GRID)
    ys = [f(x) for x in xs]
    dys = [df(x) for x in xs]
    defined = [x for x, y in zip(xs, ys, strict=True) if y is not None]
    if not defined:
        return DEFAULT
    features = [*extra, *_changes(xs, ys), *_changes(xs, dys), *_edges(xs, ys)]
    features = [x for x in features if -PROBE <= x <= PROBE]
    if features:
        lo, hi = min(features), max(features)
        pad = max((hi - lo) / 2, MIN_PAD)
        lo, hi = lo - pad, hi + pad
    else:
        lo, hi = DEFAULT
    hull_lo, hull_hi = defined[0], defined[-1]
    margin = (hull_hi - hull_lo) / 10 or 1.0
    lo, hi = max(lo, hull_lo - margin, -PROBE), min(hi, hull_hi + margin, PROBE)
    return (round(lo, 12), round(hi, 12)) if hi > lo else DEFAULT


def y_window(f_values: list[float], other_values: Sequence[list[float]]) -> tuple[float, float]:
    """A vertical window: f's range, widened for f′ and f″ by at most half of it each way.

    >>> y_window([0.0, 1.0, 4.0], [[-4.0, 0.0, 4.0]])
    (-2.0, 4.0)
    >>> y_window([], [])
    (-1.0, 1.0)
    >>> y_window([5.0, 5.0], [[0.0, 0.0]])
    (0.0, 7.5)
    """
    own = robust_range(f_values)
    ranges = [r for r in (robust_range(v) for v in other_values) if r is not None]
    if own is None:
        if not ranges:
            return -1.0, 1.0
        own, ranges = ranges[0], ranges[1:]
    if own[0] == own[1]:  # a constant: room around it, for f′ too
        half = max(1.0, abs(own[0])) / 2
        own = own[0] - half, own[1] + half
    lo, hi = own
    span = hi - lo
    for r_lo, r_hi in ranges:
        lo, hi = min(lo, max(r_lo, own[0] - span / 2)), max(hi, min(r_hi, own[1] + span / 2))
    if 0 < lo < (hi - lo) / 4:
        lo = 0.0
    if 0 > hi > -(hi - lo) / 4:
        hi = 0.0
    return lo, hi
