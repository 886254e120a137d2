"""The words of a plot: the legend's formulas, the tangent's equation, the caption.

>>> from symdiff.api import as_definition, diff
>>> d = as_definition("x^2 y")
>>> curve_labels(d, "x", [d.body, diff(d, "x")], Limits())
['f(x, y) = x²y', '∂f/∂x = 2xy']
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from fractions import Fraction

from ..core.definition import Definition
from ..core.evaluate import Value
from ..core.expr import Expr
from ..limits import Limits
from ..printers import render
from ..printers.names import unicode_name
from ..printers.values import show_value
from .svg import Curve, Marker

LABEL_CHARS = 70  # a legend's formula is cut to this many characters


def number(v: Value) -> str:
    """A number for a label: exact if it is, else 4 significant digits.

    >>> number(Fraction(-1, 2)), number(0.8414709848078965)
    ('−1/2', '0.8415')
    """
    if isinstance(v, Fraction):
        return show_value(v, "unicode")
    return f"{v:.4g}".replace("-", "−")


def curve_labels(d: Definition, var: str, exprs: Sequence[Expr], limits: Limits) -> list[str]:
    """``f(x) = …``, ``f′(x) = …``, ``f″(x) = …`` (``∂f/∂x`` with several variables).

    >>> from symdiff.api import as_definition, diff
    >>> d = as_definition("h(t) = t^3")
    >>> curve_labels(d, "t", [d.body, diff(d)], Limits())
    ['h(t) = t³', 'h′(t) = 3t²']
    """
    names = list(d.variables) or [var]
    f, v = d.label, unicode_name(var)
    several = len(names) > 1
    heads = [f"{f}({', '.join(unicode_name(n) for n in names)})",
             f"∂{f}/∂{v}" if several else f"{f}′({v})",
             f"∂²{f}/∂{v}²" if several else f"{f}″({v})"]  # fmt: skip
    out = []
    for head, expr in zip(heads, exprs, strict=False):
        text = render(expr, "unicode", limits=limits)
        out.append(f"{head} = {text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS] + '…'}")
    return out


def tangent_label(var: str, a: Value, fa: Value, slope: Value) -> str:
    """The tangent's legend: ``tangent at x = a: y = f(a) ± |f′(a)|·(x − a)``.

    >>> tangent_label("x", Fraction(-1), Fraction(1), Fraction(-2))
    'tangent at x = −1: y = 1 − 2·(x + 1)'
    """
    v = unicode_name(var)
    shifted = v if a == 0 else f"({v} − {number(a)})" if a > 0 else f"({v} + {number(-a)})"
    sign, size = ("−", -slope) if slope < 0 else ("+", slope)
    return f"tangent at {v} = {number(a)}: y = {number(fa)} {sign} {number(size)}·{shifted}"


def caption(var: str, fixed: Mapping[str, Value], curves: Sequence[Curve],
            markers: Sequence[Marker]) -> tuple[str, ...]:  # fmt: skip
    """The lines under the legend: the fixed variables, an empty plot, what the marks mean.

    >>> caption("x", {"y": Fraction(2)}, [Curve("f", "f", [[(0.0, 0.0), (1.0, 1.0)]])], [])
    ('along x, with y = 2 fixed',)
    """
    out = []
    if fixed:
        values = ", ".join(f"{unicode_name(n)} = {number(v)}" for n, v in fixed.items())
        out.append(f"along {unicode_name(var)}, with {values} fixed")
    if not any(curves[0].pieces):
        out.append("f has no real value in this window")
    if any(m.kind == "kink" for m in markers):
        out.append("○ a corner of f: f′ jumps there")
    if any(m.kind == "value" for m in markers):
        out.append("● the value of f where it jumps")
    return tuple(out)


def caption_of(svg: str) -> str:
    """The caption lines of a plot, one per line (for readers and tests).

    >>> caption_of('<svg><text class="caption" x="0" y="0">along x</text></svg>')
    'along x'
    """
    return "\n".join(re.findall(r'<text class="caption"[^>]*>([^<]*)</text>', svg))
