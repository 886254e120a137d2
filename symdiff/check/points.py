"""Where checks look and what they return: sample points, values there, and the ``Verdict``.

Points come first from small integers (easy to read in a message), then from
random rationals (seeded: the same input gives the same output).  A value is
None where an expression is undefined or sits at a tie of a piecewise function
(``max``, ``abs``, an indicator), since the derivative there is a convention,
not a fact.  Both checks, :mod:`symdiff.check.numeric` and
:mod:`symdiff.check.symbolic`, read these.

>>> from symdiff.core.expr import Var
>>> [value_at(Var("x") ** 2, p) for p in points(["x"], count=3)]
[Fraction(1, 1), Fraction(4, 1), Fraction(1, 1)]
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..core.evaluate import Value, evaluate_nodes
from ..core.expr import Call, Expr, Indicator
from ..core.functions import FUNCTIONS
from ..errors import DomainError, LimitError

Point = dict[str, Fraction]
SMALL = (*(Fraction(n) for n in (1, 2, -1, 3, -2, 4, 5, -3)), Fraction(1, 2), Fraction(-5, 2))
TIE = 1e-9  # relative closeness that counts as a tie (exact rationals tie only when equal)


@dataclass(frozen=True)
class Verdict:
    """The outcome of a comparison; true when the two agree.

    ``point`` (with both values) is where they were seen to differ, or None;
    ``decided`` is false when too few points could be used (then ``correct`` is false).

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


def points(names: Sequence[str], seed: int = 0, count: int = 40) -> Iterator[Point]:
    """Small integer points first, then random rationals in [-3, 3].

    >>> [p["x"] for p in points(["x"], count=3)]
    [Fraction(1, 1), Fraction(2, 1), Fraction(-1, 1)]
    """
    rng = random.Random(seed)
    for k in range(count):
        if k < len(SMALL):  # variables get different values: no accidental ties
            yield {v: SMALL[(k + 3 * i) % len(SMALL)] for i, v in enumerate(names)}
        else:
            yield {v: Fraction(rng.randint(-3000, 3000), rng.randint(1, 1000)) for v in names}


def close(a: Value, b: Value, rel: float = 1e-9) -> bool:
    """Equal if both are exact, else within a relative tolerance.

    >>> close(Fraction(1, 3), Fraction(1, 3)), close(0.1 + 0.2, 0.3), close(1.0, 1.1)
    (True, True, False)
    """
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return a == b
    return math.isclose(a, b, rel_tol=rel, abs_tol=rel)


def _at_tie(values: Mapping[Expr, Value], margin: float) -> bool:
    """Whether a piecewise function's compared arguments are within ``margin``."""
    pairs: list[tuple[Value, Value]]
    for node in values:
        if isinstance(node, Indicator):
            pairs = [(values[node.lhs], values[node.rhs])]
        elif isinstance(node, Call) and node.name in FUNCTIONS and not node.deriv:
            kinks = FUNCTIONS[node.name].kinks
            args = [values[a] for a in node.args]
            if kinks == "ties":
                pairs = [(a, b) for i, a in enumerate(args) for b in args[i + 1 :]]
            elif kinks == "zero":
                pairs = [(args[0], Fraction(0))]
            else:
                continue
        else:
            continue
        if any(_size(a - b) <= margin * (1 + _size(a) + _size(b)) for a, b in pairs):
            return True
    return False


def _size(value: Value) -> Value:
    """``abs(value)``, typed: mypy cannot resolve ``abs`` over ``Fraction | float``."""
    return -value if value < 0 else value


def value_at(expr: Expr, point: Mapping[str, Value], margin: float = TIE) -> Value | None:
    """The value of ``expr`` at ``point``, or None where undefined or at a tie.

    >>> from symdiff.core.expr import Var
    >>> value_at(Var("x") ** 2, {"x": 3}), value_at(1 / Var("x"), {"x": 0})
    (Fraction(9, 1), None)
    """
    try:
        values = evaluate_nodes(expr, point)
    except (DomainError, LimitError):
        return None
    return None if _at_tie(values, margin) else values[expr]
