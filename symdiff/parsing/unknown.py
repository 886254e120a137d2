"""Runs of letters that are no name: unknown functions, and runs hiding a function's name.

Before "(" a run that is not a known function (``foo(x)``, ``yz(x)``) is an unknown
function, never a product: an ``UnsupportedError`` naming it and its position, with a
"did you mean" only when a known name is close (:func:`suggestions`), else how to write
the product, and where the known names are listed (``symdiff --functions``).  Elsewhere a
run containing a function's name (``sinx``) is a ``ParseError``.

>>> suggestions("sen"), suggestions("foo")
(['sin', 'sec'], [])
"""

from __future__ import annotations

import difflib
from typing import Any

from ..core.functions import ABSTRACT_LETTERS, WORDS
from ..errors import UnsupportedError
from .errors import error_at, where

FUNCTION_NAMES = tuple(sorted(WORDS))  # every spelling of every known function and shorthand
_LONG_NAMES = tuple(n for n in FUNCTION_NAMES if len(n) >= 3)

# where the known functions are listed, for the unknown-function error
LISTED = "symdiff --functions lists the known functions"


def suggestions(word: str) -> list[str]:
    """Known function names that ``word`` contains or is close to, best first.

    Close: a difflib match (ratio at least 0.6) that starts with ``word`` or is at most one
    edit away, or one per four letters of ``word`` (``sen`` -> sin, ``soft`` -> softmax;
    ``foo`` is two edits from floor, not close).

    >>> suggestions("cosz"), suggestions("lg"), suggestions("foo"), suggestions("zzz")
    (['cos', 'cosh'], ['log'], [], [])
    """
    hidden = [n for n in _LONG_NAMES if n in word]
    matches = difflib.get_close_matches(word, FUNCTION_NAMES, n=3, cutoff=0.6)
    most = max(1, len(word) // 4)
    close = [n for n in matches if n.startswith(word) or _edits(word, n) <= most]
    return list(dict.fromkeys(hidden + close))


def _edits(word: str, name: str) -> int:
    """The characters to insert, delete or replace to turn ``word`` into ``name`` (difflib)."""
    opcodes = difflib.SequenceMatcher(None, word, name).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in opcodes if tag != "equal")


def check_run(run: str, word: str, at: int, calls: bool, after_operand: bool, src: Any) -> None:
    """Refuse a multi-letter run that reads as an unknown function or hides a known one.

    >>> from types import SimpleNamespace
    >>> try:
    ...     check_run("foo", "foo", 2, True, True, SimpleNamespace(text="x foo(x)", name=None))
    ... except UnsupportedError as error:
    ...     print(str(error)[:60])
    unknown function 'foo' at line 1, column 3; for a product, w
    """
    if calls:  # never split into a product before "("
        similar = suggestions(word)
        if similar:
            hint = "did you mean " + " or ".join(similar) + "?"
        elif run[-1] in ABSTRACT_LETTERS or run[-1] == src.name:
            hint = f"for a product, write {'*'.join(run)}(...)"
        else:
            hint = f"for a product, write {'*'.join(run)}*(...)"
        raise UnsupportedError(
            f"unknown function {word!r} at {where(src.text, at)}; {hint} ({LISTED})"
        )
    hidden = [n for n in _LONG_NAMES if n in run] or (["ln"] if run.startswith("ln") else [])
    if hidden:
        raise error_at(
            src.text,
            at,
            f'"{word}" is not a name: it contains the function '
            f'"{hidden[0]}"; write {hidden[0]}(...) with parentheses, or separate '
            'factors with "*"',
        )
