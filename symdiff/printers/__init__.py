"""Printers: read an expression and write it as text, Unicode or LaTeX; never compute.

Every printer walks the tree with an explicit stack (:mod:`.emit`), so a
100,000-deep expression prints in linear time.

>>> from symdiff.core.expr import Pow, Var
>>> [render(Pow(Var("x"), Var("n")), fmt) for fmt in FORMATS]
['x^n', 'x^n', 'x^{n}']
"""

from __future__ import annotations

from ..core.expr import Expr
from ..core.guards import check_output
from ..limits import DEFAULT_LIMITS, Limits
from .latex import to_latex
from .text import to_text
from .unicode import to_unicode

FORMATS = ("text", "unicode", "latex")

__all__ = ["FORMATS", "render", "to_latex", "to_text", "to_unicode"]


def render(expr: Expr, fmt: str, *, partial: bool = False, limits: Limits = DEFAULT_LIMITS) -> str:
    """``expr`` as ``text``, ``unicode`` or ``latex``; ``partial``: ∂/∂x for d/dx.

    Text has only d/dx.  Output beyond ``limits.max_output_chars`` is refused before printing.

    >>> from symdiff.core.expr import Derivative, Var
    >>> render(Derivative(Var("x"), "x"), "unicode", partial=True)
    '∂/∂x x'
    >>> render(Var("x"), "svg")
    Traceback (most recent call last):
    ...
    ValueError: unknown format 'svg' (expected text, unicode or latex)
    """
    check_output(expr, limits)
    if fmt == "text":
        return to_text(expr)
    if fmt == "unicode":
        return to_unicode(expr, partial=partial)
    if fmt == "latex":
        return to_latex(expr, partial=partial)
    raise ValueError(f"unknown format {fmt!r} (expected text, unicode or latex)")
