"""Printers: read an expression or a Report and write it in a format; never compute.

:data:`FORMATS` is the one list of output formats: each names the module that
renders a :class:`~symdiff.report.Report` in it (imported on first use), and
whether it also prints a bare expression.  The command line's ``--format``
choices come from it.  Every printer walks the tree with an explicit stack
(:mod:`.emit`), so a 100,000-deep expression prints in linear time.

>>> from symdiff.core.expr import Pow, Var
>>> [render(Pow(Var("x"), Var("n")), fmt) for fmt in EXPRESSION_FORMATS]
['x^n', 'x^n', 'x^{n}']
>>> list(FORMATS)
['text', 'unicode', 'latex', 'markdown', 'json', 'html']
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from ..core.expr import Expr
from ..core.guards import check_output
from ..limits import DEFAULT_LIMITS, Limits
from .derivation import math
from .latex import to_latex
from .text import to_text
from .unicode import to_unicode

if TYPE_CHECKING:
    from ..report import Report

__all__ = ["EXPRESSION_FORMATS", "FORMATS", "Format", "render", "to_latex", "to_text", "to_unicode"]


class Reportable(Protocol):
    """Anything that is, or has, a Report: a Report itself, a recorded Derivation."""

    def report(self) -> Report: ...


@dataclass(frozen=True, slots=True)
class Format:
    """One output format: its name, the module rendering a Report, and whether it prints an Expr.

    >>> FORMATS["json"].module, FORMATS["latex"].expression
    ('json', True)
    """

    name: str
    module: str  # a module of this package with render_report(report, fmt, color)
    expression: bool = False  # also prints a bare expression (render(expr, fmt))

    def render_report(self, report: Report, color: bool = False) -> str:
        """The report in this format (``color`` dims rule names in text and unicode)."""
        printer = import_module(f"{__name__}.{self.module}")
        return str(printer.render_report(report, self.name, color))


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", "lines", expression=True),
        Format("unicode", "lines", expression=True),
        Format("latex", "lines", expression=True),
        Format("markdown", "markdown"),
        Format("json", "json"),
        Format("html", "html"),
    )
}
EXPRESSION_FORMATS = tuple(name for name, f in FORMATS.items() if f.expression)


def _expected(names: tuple[str, ...] | list[str]) -> str:
    return ", ".join(names[:-1]) + " or " + names[-1]


def render(
    obj: Expr | Reportable,
    fmt: str,
    *,
    partial: bool = False,
    color: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> str:
    """``obj`` in the format ``fmt``: an expression (``partial``: ∂/∂x for d/dx) or a report.

    A Report, or anything with a ``report()`` (a recorded Derivation), renders in
    every format of :data:`FORMATS`; a bare expression in ``text``, ``unicode`` and
    ``latex`` (text has only d/dx).  Output beyond ``limits.max_output_chars`` is
    refused before printing (``str()`` and ``_repr_latex_`` of an expression come here),
    by an estimate linear in the DAG; the time limit is checked after the estimate, so
    a clock handed down from the computation covers printing too.

    >>> from symdiff.core.expr import Derivative, Var
    >>> render(Derivative(Var("x"), "x"), "unicode", partial=True)
    '∂/∂x x'
    >>> render(Var("x"), "svg")
    Traceback (most recent call last):
    ...
    ValueError: unknown format 'svg' (expected text, unicode, latex, markdown, json or html)
    >>> render(Var("x"), "html")
    Traceback (most recent call last):
    ...
    ValueError: an expression prints as text, unicode or latex, not 'html'
    >>> render(Var("x") * Var("y"), "text", limits=Limits(max_output_chars=3))
    Traceback (most recent call last):
    ...
    symdiff.errors.LimitError: the result would print as about 6 characters or more; the limit \
is 3 (max_output_chars)
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (expected {_expected(list(FORMATS))})")
    limits = limits.begin()  # the caller's clock when it runs (the command's), else its own
    if isinstance(obj, Expr):
        if not FORMATS[fmt].expression:
            raise ValueError(
                f"an expression prints as {_expected(EXPRESSION_FORMATS)}, not {fmt!r}"
            )
        check_output(obj, limits)
        limits.check_time("printing")
        return math(obj, fmt, partial)
    report = obj.report()
    check_output(report.exprs(), limits)
    limits.check_time("printing")
    return FORMATS[fmt].render_report(report, color)
