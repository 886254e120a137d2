"""Adaptive sampling of one curve: dense where it bends, broken where it jumps or has no value.

:func:`sample_curve` starts from an even grid, halves every interval whose midpoint is
more than a quarter pixel off the chord (where the curve bends or changes fast), finds the
edges of the domain, then breaks the line at every sample without a value and at every
jump (:mod:`.breaks`).  :func:`clip` cuts the pieces at the top and bottom of the window,
ending each at a point of the curve on the border.  Every point returned is a point of
the function (within float resolution), never an interpolation.

>>> import math
>>> pieces = sample_curve(Sampler(lambda x: 1 / x if x else None), -2.0, 2.0, View(100, -4, 4))
>>> len(pieces), all(x < 0 for x, _ in pieces[0]), all(x > 0 for x, _ in pieces[1])
(2, True, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from .breaks import Sampler, crossing, domain_edge, is_jump

Point = tuple[float, float]
Piece = list[Point]  # points joined by straight lines
Sample = tuple[float, float | None]  # x and the value there, None where there is none
GRID = 240  # intervals of the starting grid
MAX_PASSES = 16  # halvings of a starting interval (a 2^16-th of it, at the finest)
FLATNESS_PX = 0.25  # a midpoint this far off the chord asks for more samples
REFINE_SHARE = 0.7  # refinement may spend this share of the budget; searches the rest


@dataclass(frozen=True, slots=True)
class View:
    """The window's vertical scale: pixels per unit of value, and the visible values."""

    pixels_per_unit: float
    lo: float
    hi: float

    def side(self, y: float) -> int:
        """-1 below the window, 0 inside, 1 above.

        >>> View(1, 0, 1).side(2), View(1, 0, 1).side(0.5)
        (1, 0)
        """
        return 1 if y > self.hi else -1 if y < self.lo else 0


def grid(lo: float, hi: float, intervals: int = GRID) -> list[float]:
    """``intervals + 1`` evenly spaced points from ``lo`` to ``hi`` (both included).

    >>> grid(0, 1, 4)
    [0.0, 0.25, 0.5, 0.75, 1.0]
    """
    return [lo + (hi - lo) * k / intervals for k in range(intervals + 1)]


def sample_curve(
    f: Sampler, lo: float, hi: float, view: View, intervals: int = GRID
) -> list[Piece]:
    """The curve of ``f`` over ``lo..hi`` as pieces, each to be drawn as one line.

    >>> pieces = sample_curve(Sampler(lambda x: x * x), -1.0, 1.0, View(100, 0, 1))
    >>> len(pieces), pieces[0][0], pieces[0][-1]
    (1, (-1.0, 1.0), (1.0, 1.0))
    """
    xs = grid(lo, hi, intervals)
    points = _refine([(x, f(x)) for x in xs], f, view, (hi - lo) / intervals / 2**MAX_PASSES)
    points = _edges(points, f)
    return _split(points, f, view)


def _bends(a: Point, m: Point, b: Point, view: View) -> bool:
    """Whether the midpoint ``m`` is far enough off the chord from ``a`` to ``b``."""
    if view.side(a[1]) == view.side(b[1]) == view.side(m[1]) != 0:
        return False  # all three beyond the same border: nothing of it is visible
    return abs(m[1] - (a[1] + b[1]) / 2) * view.pixels_per_unit > FLATNESS_PX


def _refine(points: list[Sample], f: Sampler, view: View, min_width: float) -> list[Sample]:
    """Halve intervals whose midpoint bends away from the chord, pass after pass."""
    settled: set[float] = set()  # left ends of intervals known to be flat
    limit = int(f.budget * REFINE_SHARE)
    for _ in range(MAX_PASSES):
        out = [points[0]]
        grew = False
        for (a, fa), (b, fb) in pairwise(points):
            if a not in settled and fa is not None and fb is not None and b - a > min_width:
                if f.used < limit:
                    m = (a + b) / 2
                    fm = f(m)
                    out.append((m, fm))
                    grew = True
                    if fm is not None and not _bends((a, fa), (m, fm), (b, fb), view):
                        settled.update((a, m))
            out.append((b, fb))
        points = out
        if not grew:
            break
    return points


def _edges(points: list[Sample], f: Sampler) -> list[Sample]:
    """Add the last point with a value next to each neighbour without one."""
    out: list[Sample] = [points[0]]
    for (a, fa), (b, fb) in pairwise(points):
        if (fa is None) != (fb is None):
            edge = domain_edge(f, a, b) if fb is None else domain_edge(f, b, a)
            if edge is not None:
                out.append(edge)
        out.append((b, fb))
    return out


def _split(points: list[Sample], f: Sampler, view: View) -> list[Piece]:
    """Pieces between samples without a value and between the two sides of each jump."""
    pieces: list[Piece] = []
    current: Piece = []
    for x, y in points:
        if y is None:
            if current:
                pieces.append(current)
            current = []
            continue
        if current and _breaks(f, current[-1], (x, y), view):
            pieces.append(current)
            current = []
        current.append((x, y))
    if current:
        pieces.append(current)
    return pieces


def _breaks(f: Sampler, a: Point, b: Point, view: View) -> bool:
    """Whether the line from ``a`` to ``b`` must break: a jump on its visible part.

    A line leaving the window is tested up to its border crossing only, so a curve
    running off to infinity at the edge of its domain (``log(x)`` at 0) reaches the border.
    """
    sa, sb = view.side(a[1]), view.side(b[1])
    if sa == sb != 0:
        return False  # wholly beyond one border: clipped away
    if (sa == 0) != (sb == 0):
        inside, outside = (a, b) if sa == 0 else (b, a)
        up = view.side(outside[1]) > 0
        level = view.hi if up else view.lo
        edge = crossing(f, inside[0], inside[1], outside[0], level, up)
        if abs(edge[1] - level) * view.pixels_per_unit <= 1:  # a border crossing, no pole
            a, b = (inside, edge) if sa == 0 else (edge, inside)
    return is_jump(f, a[0], a[1], b[0], b[1], view.pixels_per_unit)


def _border(f: Sampler, inside: Point, outside: float, up: bool, view: View) -> Point:
    """The point of the curve at the window's top (``up``) or bottom, next to ``inside``."""
    return crossing(f, inside[0], inside[1], outside, view.hi if up else view.lo, up)


def clip(pieces: list[Piece], f: Sampler, view: View) -> list[Piece]:
    """The pieces cut to the window's values, each cut ending at a point of the curve.

    >>> import math
    >>> [[(round(x, 6), round(y, 6)) for x, y in p]
    ...  for p in clip([[(0.0, 1.0), (3.0, math.exp(3))]], Sampler(math.exp), View(1, 0, 10))]
    [[(0.0, 1.0), (2.302585, 10.0)]]
    """
    out: list[Piece] = []
    for piece in pieces:
        current: Piece = []
        for (a, fa), (b, fb) in pairwise([piece[0], *piece]):
            sa, sb = view.side(fa), view.side(fb)
            if a == b:  # the first point: starts a line if it is inside
                if sb == 0:
                    current.append((b, fb))
                continue
            if sa == 0 and sb == 0:
                current.append((b, fb))
                continue
            if sa == 0:  # leaving the window
                current.append(_border(f, (a, fa), b, sb > 0, view))
                out.append(current)
                current = []
                continue
            if sb == 0:  # entering it
                current = [_border(f, (b, fb), a, sa > 0, view), (b, fb)]
                continue
            if sa != sb:  # across the whole window
                enter = _border(f, (b, fb), a, sa > 0, view)
                leave = _border(f, (a, fa), b, sb > 0, view)
                out.append([enter, leave])
        if current:
            out.append(current)
    return [piece for piece in out if len(piece) > 1]
