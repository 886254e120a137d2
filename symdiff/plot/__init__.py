"""Plots of f and its derivatives, drawn as SVG by symdiff itself (no drawing library).

One job per module: :mod:`.sampling` (adaptive samples), :mod:`.breaks` (jumps, poles,
domain edges), :mod:`.kinks` (corners of the piecewise functions), :mod:`.window` (which
part of the plane to show), :mod:`.ticks` (nice axis steps), :mod:`.svg` (drawing),
:mod:`.figure` (putting them together: :func:`plot_of`) and :mod:`.request` (a plot a
Report offers, drawn when a format shows it).  The derivatives are the caller's:
``symdiff.results.plot_svg`` parses and differentiates, then calls :func:`plot_of`.

>>> from symdiff.api import as_definition
>>> from symdiff.core.expr import Call, Var
>>> plot_of(as_definition("sin(x)"), "x", [Call("cos", (Var("x"),))]).startswith("<svg")
True
"""

from __future__ import annotations

from .figure import figure, plot_of
from .request import PlotRequest

__all__ = ["PlotRequest", "figure", "plot_of"]
