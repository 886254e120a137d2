"""A plot a Report offers: what to draw, drawn only when a format shows it (the HTML page).

A :class:`PlotRequest` is cheap to make (it holds expressions already computed), so every
single-variable derivative can carry one; :meth:`PlotRequest.svg` samples and draws, once,
when a printer asks.  An input that cannot be plotted (an abstract function ``f(x)``,
a tangent point outside the domain) gives no plot, never an error; nor does one too large
to plot quickly (``PAGE_MAX_NODES``: ``symdiff plot`` still draws it); a time limit still
stops it.

>>> from symdiff.api import as_definition, diff
>>> d = as_definition("x^2")
>>> PlotRequest(d, "x", (diff(d),)).svg().startswith("<svg")
True
>>> PlotRequest(as_definition("f(x)"), "x", (diff("f(x)"),)).svg() is None
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..core.definition import Definition
from ..core.evaluate import Value
from ..core.expr import Expr
from ..core.walk import count_nodes
from ..errors import DomainError, UnsupportedError
from ..limits import DEFAULT_LIMITS, Limits
from .figure import plot_of

PAGE_MAX_NODES = 400  # distinct nodes of f and f′ beyond which a page shows no plot


@dataclass(frozen=True)
class PlotRequest:
    """``definition`` and its ``derivatives`` along ``var``; ``point`` fixes values (tangent).

    Two requests are equal when they ask for the same plot (so are their Reports).
    """

    definition: Definition
    var: str
    derivatives: tuple[Expr, ...]
    point: Mapping[str, Value] | None = None
    limits: Limits = field(default=DEFAULT_LIMITS, repr=False, compare=False)
    _drawn: list[str | None] = field(default_factory=list, repr=False, compare=False)

    def svg(self) -> str | None:
        """The plot as an SVG document (drawn on the first call), or None if it has none."""
        if not self._drawn:
            self._drawn.append(self._draw())
        return self._drawn[0]

    def _draw(self) -> str | None:
        size = sum(count_nodes(e) for e in (self.definition.body, *self.derivatives))
        if size > PAGE_MAX_NODES:
            return None
        try:
            return plot_of(self.definition, self.var, self.derivatives, at=self.point,
                           limits=self.limits)  # fmt: skip
        except (UnsupportedError, DomainError):
            return None
        except OverflowError:  # a point beyond float range (--at x=10^309): nothing to draw
            return None
