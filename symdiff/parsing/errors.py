"""Where an error is: a ``ParseError`` located at a character offset, with an excerpt.

Positions are character offsets into the ORIGINAL text; lines and columns are 1-based.
A grammar mismatch is put in words by :mod:`symdiff.parsing.mismatch`.

>>> str(error_at("x + * y", 4, 'unexpected "*" after "+"'))
'line 1, column 5: unexpected "*" after "+"'
"""

from __future__ import annotations

from ..errors import ParseError

_EXCERPT_HALF = 60  # characters kept on each side of the caret in an excerpt


def position(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of the character offset ``pos``.

    >>> position("x +\\n  * y", 6)
    (2, 3)
    """
    line_start = text.rfind("\n", 0, pos) + 1
    return text.count("\n", 0, pos) + 1, pos - line_start + 1


def excerpt(text: str, pos: int) -> str:
    """The line holding ``pos`` (cut to a window if long) and a caret under ``pos``.

    >>> print(excerpt("x + * y", 4))
    x + * y
        ^
    """
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : len(text) if end < 0 else end].rstrip("\r")
    col = pos - start
    lo, hi = max(0, col - _EXCERPT_HALF), min(len(line), col + _EXCERPT_HALF)
    shown = ("…" if lo else "") + line[lo:hi] + ("…" if hi < len(line) else "")
    lead = ("…" if lo else "") + line[lo:col]
    return shown + "\n" + "".join("\t" if c == "\t" else " " for c in lead) + "^"


def error_at(text: str, pos: int, message: str, expected: str = "") -> ParseError:
    """A ``ParseError`` located at character offset ``pos`` of ``text``.

    >>> error_at("ab", 1, "bad").column
    2
    """
    line, column = position(text, pos)
    return ParseError(
        message, line=line, column=column, excerpt=excerpt(text, pos), expected=expected
    )


def where(text: str, pos: int) -> str:
    """``line L, column C`` of an offset, for messages of errors without position fields.

    >>> where("x\\ny", 2)
    'line 2, column 1'
    """
    line, column = position(text, pos)
    return f"line {line}, column {column}"
