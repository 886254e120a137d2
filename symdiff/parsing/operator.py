"""A leading derivative operator: ``d/dx x^2``, ``d/dx(x^2)``, ``d/dx[...]``, ``d²/dx² ...``.

The operator names the variable and the order of differentiation; it applies to everything
after it.  It is found by a regular expression before parsing and blanked out of the text
(columns of the rest stay those of the full text), as are brackets ``[...]`` around the whole
rest.  A ``d/dx`` or ``∂`` anywhere else would be read as a product of letters, so it is an
error, as is ``d/dx (x + 1) + 2`` (does the operator stop at the parenthesis?).

>>> found = leading_operator("d²/dx² x^3")
>>> found.wrt, found.text
(('x', 'x'), '       x^3')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.functions import GREEK, GREEK_LETTERS
from ..errors import LimitError
from ..limits import DEFAULT_LIMITS, Limits
from .errors import error_at

_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_VAR = "|".join(sorted(GREEK, key=len, reverse=True)) + "|[" + "".join(GREEK_LETTERS) + "]"
_VAR += r"|[A-Za-z](?:[0-9]+|[₀-₉]+)?"
_OPERATOR = re.compile(
    rf"\s*(?P<d>d|∂)(?:\^(?P<n>[0-9]+)|(?P<ns>[{_SUP}]+))?\s*/\s*(?P=d)\s*(?P<var>{_VAR})"
    rf"(?:\^(?P<m>[0-9]+)|(?P<ms>[{_SUP}]+))?(?![A-Za-z0-9_₀-₉])"
)
_STRAY = re.compile(r"(?<![A-Za-z_])d\s*/\s*d(?=[A-Za-z" + "".join(GREEK_LETTERS) + "])|∂")
_DIGITS = str.maketrans(_SUP + "₀₁₂₃₄₅₆₇₈₉", "0123456789" * 2)


@dataclass(frozen=True, slots=True)
class Operator:
    """The variables a leading operator differentiates by, and the text left to parse."""

    wrt: tuple[str, ...]
    text: str
    shown: str  # the operator as written


def leading_operator(text: str, limits: Limits = DEFAULT_LIMITS) -> Operator | None:
    """The derivative operator at the start of ``text``, or None if there is none.

    >>> leading_operator("d/dθ sin θ").wrt, leading_operator("x^2") is None
    (('theta',), True)
    """
    found = _OPERATOR.match(text)
    if found is None:
        return None
    shown = found[0].strip()
    top, below = found["n"] or found["ns"], found["m"] or found["ms"]
    top, below = (o.translate(_DIGITS) if o else None for o in (top, below))
    if top != below:
        raise error_at(
            text,
            found.start("d") if top is None else found.end() - 1,
            f'the orders in "{shown}" differ: write d^n/dx^n with the same n, as in d²/dx²',
        )
    order = int(top) if top else 1
    if order > limits.max_order:
        raise LimitError(f"the derivative {shown} has order {order}, over the limit "
                         f"{limits.max_order} (max_order)")  # fmt: skip
    var = found["var"].translate(_DIGITS)
    var = GREEK_LETTERS.get(var[0], var[0]) + var[1:]
    rest = _blank(text, 0, found.end())
    rest = _unwrap(rest, found.end(), shown)
    if not rest.strip():
        raise error_at(text, len(text.rstrip()), f'expected an expression after "{shown}"',
                       "an expression")  # fmt: skip
    return Operator((var,) * order, rest, shown)


def check_stray(text: str, first: bool = True) -> None:
    """Refuse a derivative operator that does not start the input.

    >>> check_stray("x + d/dx x")
    Traceback (most recent call last):
    symdiff.errors.ParseError: line 1, column 5: a derivative operator such as d/dx may only \
start the input, and applies to everything after it
    """
    stray = _STRAY.search(text)
    if stray is not None and first and not text[: stray.start()].strip():
        raise error_at(text, stray.start(), "write a derivative operator as d/dx or d²/dx² "
                       "and a space or bracket before the expression, as in d/dx x^2")  # fmt: skip
    if stray is not None:
        raise error_at(
            text,
            stray.start(),
            "a derivative operator such as d/dx may only start the input, and applies to "
            "everything after it",
        )


def _blank(text: str, start: int, end: int) -> str:
    """``text`` with ``[start, end)`` replaced by spaces (line breaks kept)."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _unwrap(text: str, at: int, shown: str) -> str:
    """Blank brackets around the whole rest; refuse a group that a sum continues."""
    start = len(text) - len(text[at:].lstrip())
    if start >= len(text) or text[start] not in "([":
        return text
    close = _closing(text, start)
    after = text[close + 1 :].strip() if close is not None else ""
    if text[start] == "[":
        if close is None or after:
            raise error_at(text, start, f'the "[" after {shown} must enclose the whole '
                           "expression, with its \"]\" at the end")  # fmt: skip
        return _blank(_blank(text, start, start + 1), close, close + 1)
    if close is not None and after[:1] in ("+", "-", "−"):
        raise error_at(
            text,
            close + 1 + len(text[close + 1 :]) - len(text[close + 1 :].lstrip()),
            f"{shown} applies to everything after it, not only to the parentheses: write "
            f"{shown}[...] around the whole expression to say so",
        )
    return text


def _closing(text: str, start: int) -> int | None:
    """The offset of the bracket closing the one at ``start`` (None if it is not closed)."""
    opening, closing = text[start], ")" if text[start] == "(" else "]"
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch == opening:
            depth += 1
        elif ch == closing:
            depth -= 1
            if depth == 0:
                return i
    return None
