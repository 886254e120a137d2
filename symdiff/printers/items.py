"""What a Report shows, in order: each distinct item once, each derivation once, their labels.

>>> import symdiff
>>> report = symdiff.derive("h(x) = x^2", "x").report()
>>> [(row, item.wrt, k, labelled) for row, item, k, _, labelled in stages(report)]
[(0, ('x',), 1, True)]
>>> label(report, report.items[0], "unicode")
"h'(x)"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .labels import derivative_label

if TYPE_CHECKING:
    from ..report import Derivation, Item, Report


def unique(report: Report) -> Iterator[tuple[int, Item]]:
    """Each distinct item once (a Hessian's lower triangle repeats the upper), with its row.

    >>> import symdiff
    >>> [row for row, _ in unique(symdiff.derive("x^2", "x").report())]
    [0]
    """
    seen: set[int] = set()
    n = max(1, len(report.variables))
    for index, item in enumerate(report.items):
        if id(item) not in seen:
            seen.add(id(item))
            yield (index // n if report.kind == "jacobian" else 0), item


def stages(report: Report) -> Iterator[tuple[int, Item, int, Derivation, bool]]:
    """Every derivation to show, once: (row, item, order, derivation, labelled).

    A Hessian's ∂f/∂x appears once though three entries start with it.  The
    label is left out for the first derivation of a lone unnamed expression.

    >>> import symdiff
    >>> [labelled for *_, labelled in stages(symdiff.derive("x^2", "x").report())]
    [False]
    """
    shown: set[tuple[int, tuple[str, ...]]] = set()
    several = len(report.items) > 1
    for row, item in unique(report):
        named = report.definitions[row].name is not None
        for k, stage in enumerate(item.stages, 1):
            if (row, item.wrt[:k]) not in shown:
                shown.add((row, item.wrt[:k]))
                yield row, item, k, stage, named or several or len(item.stages) > 1


def label(report: Report, item: Item, fmt: str, row: int = 0, order: int | None = None) -> str:
    """``∂f/∂x``, ``h''(x)``: the name of an item's derivative (of its first ``order``).

    >>> import symdiff
    >>> r = symdiff.derive("x*y", "y").report()
    >>> label(r, r.items[0], "text")
    'df/dy'
    """
    wrt = item.wrt if order is None else item.wrt[:order]
    d = report.definitions[row]
    return derivative_label(d.label, wrt, report.partial, fmt, dependent=d.dependent)
