"""Where checks look and what they return: sample points, and the ``Verdict``.

Points come in this order: small integers (easy to read in a message), then the same
pattern spread over scales (|x| from 1 to 10⁷, random mantissas and signs), then
points on both sides of every kink and domain edge the search of
:mod:`symdiff.check.critical` finds, then by turns random rationals in [-3, 3], random
points spread over scales and random points on either side of a kink or edge.  Everything is
seeded: the same input gives the same points.  A checker takes points until it has
enough where both sides are defined (sample, reject, resample).

>>> [p["x"] for p in candidates([], ["x"])][:3]
[Fraction(1, 1), Fraction(2, 1), Fraction(-1, 1)]
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..core.evaluate import Value
from ..core.expr import Expr
from ..limits import DEFAULT_LIMITS, Limits
from .critical import boundaries, near

Point = dict[str, Fraction]
SMALL = (*(Fraction(n) for n in (1, 2, -1, 3, -2, 4, 5, -3)), Fraction(1, 2), Fraction(-5, 2))
SCALES = range(1, 8)  # powers of ten of the spread points
MAX_TRIES = 200  # points tried before a checker gives up looking for usable ones


@dataclass(frozen=True)
class Verdict:
    """The outcome of a comparison; true when the two agree.

    ``point`` (with both values) is where they were seen to differ, or None;
    ``decided`` is false when the checker cannot tell (then ``correct`` is false and
    ``how`` says why).

    >>> from symdiff.core.expr import Var
    >>> v = Verdict(True, Var("x"), Var("x"), "same simplified expression")
    >>> bool(v), v.point
    (True, None)
    """

    correct: bool
    expected: Expr
    answer: Expr
    how: str
    point: Point | None = None
    expected_value: Value | None = None
    answer_value: Value | None = None
    decided: bool = True

    def __bool__(self) -> bool:
        return self.correct


def small_point(names: Sequence[str], k: int = 0) -> Point:
    """The ``k``-th small-integer point: variables get different values (no accidental ties).

    >>> small_point(["x", "y"])
    {'x': Fraction(1, 1), 'y': Fraction(3, 1)}
    """
    return {v: SMALL[(k + 3 * i) % len(SMALL)] for i, v in enumerate(names)}


def candidates(
    exprs: Sequence[Expr],
    names: Sequence[str],
    seed: int = 0,
    limits: Limits = DEFAULT_LIMITS,
    tries: int = MAX_TRIES,
) -> Iterator[Point]:
    """Up to ``tries`` points: small, spread over scales, near kinks and domain edges, random.

    >>> [p["x"] for p in candidates([], ["x"])][10:12]
    [Fraction(-789, 100), Fraction(2621, 500)]
    """
    rng = random.Random(seed)
    made = 0

    def spread(k: int) -> Point:
        return {v: Fraction(rng.choice((1, -1)) * rng.randint(1000, 9999), 1000) * 10 ** (k - 1)
                for v in names}  # fmt: skip

    def stream() -> Iterator[Point]:
        for k in range(len(SMALL)):
            yield small_point(names, k)
        for k in SCALES:
            yield spread(k)
            yield spread(k)
        base = small_point(names)
        places = boundaries(exprs, names, base, limits)
        for var, where in places:
            yield from ({**base, var: v} for v in near(where))
        while True:  # resample: random points, at random scales, near random places
            yield {v: Fraction(rng.randint(-3000, 3000), rng.randint(1, 1000)) for v in names}
            yield spread(rng.choice(SCALES))
            if places:
                var, where = rng.choice(places)
                offset = Fraction(rng.randint(1, 999), 1000) * Fraction(10) ** rng.randint(-6, 1)
                yield {**base, var: near(where, [offset])[rng.randint(0, 1)]}

    for point in stream():
        if made >= tries:
            return
        made += 1
        yield point
