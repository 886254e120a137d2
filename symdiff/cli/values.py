"""Variable names and points given on the command line.

>>> parse_point(["x=1/2, y=-2"])
{'x': Fraction(1, 2), 'y': Fraction(-2, 1)}
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .options import ArgumentError

if TYPE_CHECKING:
    from ..core.definition import Definition
    from ..core.evaluate import Value


def variable_name(text: str, d: Definition | None = None) -> str:
    """A variable as typed (``θ`` is ``theta``; a parameter of ``d`` is taken whole).

    The name is read as :func:`symdiff.api.only_variable` reads it: the lexer's rule.

    >>> from symdiff.api import as_definition
    >>> rate = as_definition("f(rate) = 1")
    >>> variable_name("θ"), variable_name("w_12"), variable_name("rate", rate)
    ('theta', 'w_12', 'rate')
    """
    from ..api import as_definition, variables_named

    return variables_named(d if d is not None else as_definition("0"), [text.strip()])[0]


def _split(text: str) -> list[str]:
    """Split at commas outside parentheses: ``x=max(1,2),y=3``."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += (ch in "([") - (ch in ")]")
        if ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p for p in parts if p.strip()]


def parse_point(texts: Sequence[str], d: Definition | None = None) -> dict[str, Value]:
    """The point of ``--at`` options: ``x=1,y=-2`` (values may be expressions: ``pi/2``).

    Names are read in the context of ``d`` (its parameters), as :func:`variable_name` does.

    >>> parse_point(["x=1", "y=2.5"])
    {'x': Fraction(1, 1), 'y': Fraction(5, 2)}
    >>> parse_point(["x"])
    Traceback (most recent call last):
    symdiff.cli.options.ArgumentError: --at expects NAME=VALUE, not 'x'
    """
    from ..api import number

    point: dict[str, Value] = {}
    for text in texts:
        for part in _split(text):
            name, sep, value = part.partition("=")
            if not sep or not name.strip() or not value.strip():
                raise ArgumentError(f"--at expects NAME=VALUE, not {part.strip()!r}")
            given = number(value)
            if given is None:
                raise ArgumentError(f"the value of {name.strip()} must be a number")
            point[variable_name(name, d)] = given
    return point


def parse_range(text: str) -> tuple[float, float]:
    """The window of ``--xrange``: ``A,B`` with ``A < B`` (values may be expressions: ``pi``).

    >>> parse_range("-5,5"), parse_range(" -pi, pi")[1] > 3.14
    ((-5.0, 5.0), True)
    >>> parse_range("5,1")
    Traceback (most recent call last):
    symdiff.cli.options.ArgumentError: --xrange expects A,B with A < B (e.g. -5,5), not '5,1'
    """
    from ..api import number
    from ..errors import SymdiffError

    wrong = ArgumentError(f"--xrange expects A,B with A < B (e.g. -5,5), not {text.strip()!r}")
    parts = _split(text)
    if len(parts) != 2:
        raise wrong
    try:
        ends = [number(part) for part in parts]
        if None in ends:
            raise wrong
        lo, hi = (float(e) for e in ends if e is not None)
    except (SymdiffError, OverflowError):
        raise wrong from None
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
        raise wrong
    return lo, hi
