"""Verdicts in words: ``--check``/``--verify`` lines, and the answer of ``check``.

>>> from symdiff.check.numeric import Verdict
>>> from symdiff.core.expr import Var
>>> verdict_text(Verdict(True, Var("x"), Var("x"), "agrees symbolically"), "unicode", "SymPy")
'ok, agrees symbolically'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .derivation import math
from .items import label
from .values import show_point, show_value

if TYPE_CHECKING:
    from ..check.numeric import Verdict
    from ..report import Item, Report

Style = Callable[[str], str]


def plain(text: str) -> str:
    """No style: the text as it is.

    >>> plain("ok")
    'ok'
    """
    return text


def styles(color: bool) -> tuple[Style, Style, Style]:
    """Dim (rule names), good and bad: ANSI codes on a colour terminal, else nothing.

    >>> [style("ok") for style in styles(False)]
    ['ok', 'ok', 'ok']
    """
    if not color:
        return plain, plain, plain
    return (lambda s: f"\x1b[2m{s}\x1b[0m", lambda s: f"\x1b[32m{s}\x1b[0m",
            lambda s: f"\x1b[1;31m{s}\x1b[0m")  # fmt: skip


def check_lines(item: Item, fmt: str, color: bool = False) -> list[str]:
    """One line per check of an item: ``SymPy check: ok, agrees symbolically``.

    >>> from symdiff.report import Item
    >>> from symdiff.core.expr import Var
    >>> check_lines(Item(("x",), Var("x")), "text")
    []
    """
    _, good, bad = styles(color)
    out = [f"{method} check: {verdict_text(v, fmt, method, good, bad)}"
           for method, v in item.checks]  # fmt: skip
    return [f"% {line}" for line in out] if fmt == "latex" else out


def verdict_text(v: Verdict, fmt: str, other: str, good: Style = plain,
                 bad: Style = plain) -> str:  # fmt: skip
    """``ok, agrees symbolically`` or ``FAILED at x = 2: symdiff 12, SymPy 13``.

    >>> from fractions import Fraction
    >>> from symdiff.check.numeric import Verdict
    >>> from symdiff.core.expr import Var
    >>> v = Verdict(False, Var("x"), Var("y"), "", {"x": Fraction(2)}, Fraction(12), Fraction(13))
    >>> verdict_text(v, "text", "SymPy")
    'FAILED at x = 2: symdiff 12, SymPy 13'
    """
    if v.correct:
        return f"{good('ok')}, {v.how}"
    if not v.decided:
        return v.how
    text = bad("FAILED")
    if v.point is not None and v.expected_value is not None and v.answer_value is not None:
        a, b = show_value(v.expected_value, fmt), show_value(v.answer_value, fmt)
        text += f" at {show_point(dict(v.point), fmt)}: symdiff {a}, {other} {b}"
    return text


def verdict_lines(report: Report, fmt: str, good: Style = plain, bad: Style = plain) -> list[str]:
    """``yes: 3x²z is ∂f/∂x`` or ``no: ...`` and where the answer differs.

    >>> from symdiff.results import check_report
    >>> verdict_lines(check_report("x^3", "3x^3"), "unicode")
    ["no: f'(x) = 3x², not 3x³", "at x = 2: f'(x) = 12, but the answer gives 24"]
    """
    v = report.verdict
    if v is None:
        return []
    what = label(report, report.items[0], fmt)
    answer, expected = math(v.answer, fmt), math(v.expected, fmt)
    if v.correct:
        return [f"{good('yes')}: {answer} is {what} ({v.how})"]
    lines = [f"{bad('no')}: {what} = {expected}, not {answer}"]
    if v.point is not None and v.expected_value is not None and v.answer_value is not None:
        lines.append(f"at {show_point(dict(v.point), fmt)}: {what} = "
                     f"{show_value(v.expected_value, fmt)}, but the answer gives "
                     f"{show_value(v.answer_value, fmt)}")  # fmt: skip
    return lines
