"""Plots of f and its derivatives, drawn as SVG by symdiff itself (no drawing library).

One job per module: :mod:`.sampling` (adaptive samples), :mod:`.breaks` (jumps, poles,
domain edges), :mod:`.kinks` (corners of the piecewise functions), :mod:`.window` (which
part of the plane to show), :mod:`.ticks` (nice axis steps), :mod:`.svg` (drawing) and
:mod:`.figure` (putting them together: :func:`plot_svg`).

>>> plot_svg("sin(x)").startswith("<svg")
True
"""

from __future__ import annotations

from .figure import figure, plot_svg

__all__ = ["figure", "plot_svg"]
