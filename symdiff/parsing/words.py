"""Word classification: what a run of letters means (variables, a function, a constant).

A WORD is letters with optional digits and subscripts (``x1``, ``w_12``, ``θ₁``).  The whole
run is one name if it is a parameter of the definition, the defined function, a known
function or alias (``ln`` -> ``log``), a Greek name or ``pi``; otherwise it splits into single
letters (``yz`` is y*z), the digits staying with the last letter (``w1x1`` is w1*x1).
``e``, ``pi`` and ``π`` are constants unless they are parameters.  A run hiding a known
function name (``sinx``) is an error, not a silent product.

Digits right after the letters are a subscript: ``x1`` and ``x₁`` are one variable, printed
``x₁``.  ``x_1`` is another variable, printed ``x_1`` as written, never like ``x1``.

Before "(" a single letter f, g, h (or the defined name) calls an abstract function; any other
single letter multiplies (``x(x+1)``).  A longer run before "(" is never split into a
product: a known function calls (a Greek name that is also a function, only before "("),
a Greek name or ``pi`` is an error saying how to write the product (``gamma*(x)``), and any
other run (``sinh(x)``, ``foo(x)``, ``yz(x)``) is an unknown function (``UnsupportedError``:
named, with the known ones and a "did you mean" or how to write the product).

>>> from types import SimpleNamespace
>>> src = SimpleNamespace(text="yz2", params=(), name=None)
>>> word_tokens("yz2", 0, False, False, src)
[('NAME', 'y', 0, 1), ('NAME', 'z2', 1, 3)]
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from ..core.functions import ABSTRACT_LETTERS, GREEK, GREEK_LETTERS, SPELLINGS, WORDS
from ..errors import UnsupportedError
from .errors import error_at, where

Raw = tuple[str, str, int, int]  # token type, value, start offset, end offset

LETTERS = re.compile("[A-Za-z" + "".join(GREEK_LETTERS) + "]+")
SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"
_SUBSCRIPT_DIGITS = str.maketrans(SUBSCRIPTS, "0123456789")
_GREEK = frozenset(GREEK)
_CONSTANTS = frozenset({"e", "pi"})
FUNCTION_NAMES = tuple(sorted(WORDS))  # every spelling of every known function and shorthand
_LONG_NAMES = tuple(n for n in FUNCTION_NAMES if len(n) >= 3)


def word_tokens(word: str, at: int, calls: bool, after_operand: bool, src: Any) -> list[Raw]:
    """The tokens of the WORD at offset ``at``; ``calls``: a "(" or a prime follows it.

    ``src`` has the ``text``, the definition's ``params`` and its ``name``.

    >>> from types import SimpleNamespace
    >>> src = SimpleNamespace(text="2x f(x)", params=(), name=None)
    >>> word_tokens("f", 3, True, True, src)
    [('ABSTRACT', 'f', 3, 4)]
    """
    lead = LETTERS.match(word)  # a WORD token starts with a letter
    letters = lead[0] if lead else ""
    tail = _canonical_tail(word[len(letters) :])
    if word in src.params or letters + tail in src.params:
        return [("NAME", letters + tail, at, at + len(word))]
    if not letters.isascii():
        units = [GREEK_LETTERS.get(c, c) for c in letters]
        if calls and not tail:
            if len(units) == 1 and units[0] in SPELLINGS:
                return [("FUNC", SPELLINGS[units[0]].name, at, at + len(word))]
            if units[-1] not in ABSTRACT_LETTERS and len(units[-1]) > 1:
                raise _greek_call(units[-1], letters[-1], at + len(units) - 1, src)
    elif len(letters) == 1:
        units = [letters]
    else:
        known = _known(letters, tail, calls, at, src)
        if known is not None:
            return [(known[0], known[1], at, at + len(word))]
        _check_run(letters, word, at, calls, after_operand, src)
        units = list(letters)
    last = len(units) - 1
    params = src.params
    out = [  # every letter but the last: a variable, or the constant e (or π)
        ("CONST" if u in _CONSTANTS and u not in params else "NAME", u, at + k, at + k + 1)
        for k, u in enumerate(units[:last])
    ]
    out.append(_letter(units[last], tail, calls, at + last, len(word) - last, src))
    return out


def _known(run: str, tail: str, calls: bool, at: int, src: Any) -> tuple[str, str] | None:
    """Token type and value of a multi-letter ASCII run that is one name, else None."""
    if run in src.params:
        return "NAME", run + tail
    if not tail and run in WORDS and (calls or run not in _GREEK):
        return "FUNC", WORDS[run]
    if tail and calls and run + tail in WORDS:  # log10(x), atan2(y, x)
        return "FUNC", WORDS[run + tail]
    if calls and not tail and (run in _GREEK or run == "pi") and run != src.name:
        raise _greek_call(run, run, at, src)
    if run in _GREEK or (tail and run == "pi"):
        return "NAME", run + tail
    if tail:
        return None
    if run == src.name:
        return "ABSTRACT", run
    return ("CONST", run) if run == "pi" else None


def _greek_call(name: str, word: str, at: int, src: Any) -> Exception:
    """The error for a Greek letter (or pi) right before "(": not a function, not a product."""
    what = "the constant pi" if name == "pi" else f"the Greek letter {name}"
    return error_at(
        src.text,
        at,
        f'"{word}" before "(" is {what}, not a function; for the product write {word}*(...)',
    )


def _canonical_tail(tail: str) -> str:
    """Subscript digits are digits: ``x₁`` is the variable ``x1`` (printed ``x₁``)."""
    return tail.translate(_SUBSCRIPT_DIGITS) if tail and tail[0] in SUBSCRIPTS else tail


def _letter(unit: str, tail: str, calls: bool, at: int, width: int, src: Any) -> Raw:
    """The token of one letter (or Greek name) at offset ``at``."""
    kind = "NAME"
    if tail or unit in src.params:
        pass  # a variable
    elif calls and (unit == src.name or unit in ABSTRACT_LETTERS):
        kind = "ABSTRACT"
    elif unit in ("e", "pi"):
        kind = "CONST"
    return kind, unit + tail, at, at + width


def suggestions(word: str) -> list[str]:
    """Known function names that ``word`` contains or resembles, best first.

    >>> suggestions("sinh"), suggestions("lg"), suggestions("zzz")
    (['sin', 'sinc', 'sign'], ['log'], [])
    """
    hidden = [n for n in _LONG_NAMES if n in word]
    close = difflib.get_close_matches(word, FUNCTION_NAMES, n=3, cutoff=0.6)
    return list(dict.fromkeys(hidden + close))


def _check_run(run: str, word: str, at: int, calls: bool, after_operand: bool, src: Any) -> None:
    """Refuse a multi-letter run that reads as an unknown function or hides a known one."""
    if calls:  # never split into a product before "("
        similar = suggestions(word)
        if similar:
            hint = "did you mean " + " or ".join(similar) + "?"
        elif run[-1] in ABSTRACT_LETTERS or run[-1] == src.name:
            hint = f"for a product, write {'*'.join(run)}(...)"
        else:
            hint = f"for a product, write {'*'.join(run)}*(...)"
        raise UnsupportedError(
            f"unknown function {word!r} at {where(src.text, at)}; "
            f"known functions: {', '.join(FUNCTION_NAMES)}; {hint}"
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
