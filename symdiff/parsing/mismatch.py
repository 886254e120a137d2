"""A grammar mismatch in words: the ``ParseError`` for a token the grammar cannot take.

The parser reports the terminals it would have accepted; this module names them the way
a reader would (a number, a variable or "("), says what came before, and adds a hint
when the input looks like Python code.

>>> describe({"NUMBER", "NAME", "_LPAR"})
'a number, a variable or "("'
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..errors import ParseError
from .errors import error_at, where
from .hygiene import python_hint

_PUNCTUATION = "_LPAR _COMMA _GT _LT _LSQB _RSQB PRIME _RPAR _BAR_CLOSE"

# how "expected ..." names the terminals, in the order it lists them; others go unnamed
_NAMED = {"NUMBER": "a number", "RATIONAL": "a number", "POSITION": "a number"}
_NAMED |= {"NAME": "a variable", "CONST": "a variable", "OPERATOR": "an operator"}
_NAMED |= {t: f'"{c}"' for t, c in zip(_PUNCTUATION.split(), "(,><[]')|", strict=True)}
_OPERATORS = frozenset({"_PLUS", "_MINUS", "_STAR", "SLASH", "POW", "SUPERSCRIPT"})
_ORDER = tuple(dict.fromkeys(_NAMED.values()))


def describe(names: set[str] | frozenset[str]) -> str:
    """What the parser would have accepted, in words.

    >>> describe({"NUMBER", "NAME", "_LPAR", "_MINUS", "FUNC"})
    'a number, a variable or "("'
    >>> describe({"_PLUS", "_STAR", "NAME", "_RPAR"})
    'an operator or ")"'
    """
    if "_ARG_OPEN" in names:  # after a function's name
        return '"(" or an argument'
    operand = "NUMBER" in names or "POSITION" in names
    if not operand and "NAME" in names:  # after an operand: names and "(" multiply implicitly
        names = names - {"NAME", "CONST", "_LPAR"}
    if not operand and names & _OPERATORS:
        names = names | {"OPERATOR"}
    words = {_NAMED[n] for n in names if n in _NAMED}
    ordered = [w for w in _ORDER if w in words]
    return ", ".join(ordered[:-1]) + " or " + ordered[-1] if len(ordered) > 1 else "".join(ordered)


def unexpected_token(
    names: frozenset[str],
    token: Any,
    text: str,
    tokens: list[Any],
    unclosed: int | None,
    start_text: str,
) -> ParseError:
    """The ``ParseError`` for a token (or the end: type ``$END``) the grammar cannot take.

    ``names`` are the terminals that could have come instead, ``tokens`` the tokens fed to
    the parser; ``start_text`` says what precedes the first one ("at the start", or
    'after "="' in a definition).

    >>> from symdiff.parsing.parser import parse
    >>> try:
    ...     parse("f(x) = x +")
    ... except ParseError as err:
    ...     print(err.message)
    unexpected end of input: expected a number, a variable or "(" after "+"
    """
    names = names - {"$END"}
    expected = describe(names) or "the end of the input"
    if token.type == "$END":
        index = len(tokens)
        pos = tokens[-1].end_pos if tokens else len(text)
    else:
        index = bisect_right([t.start_pos for t in tokens], token.start_pos) - 1
        pos = token.start_pos
    while index > 0 and tokens[index - 1].start_pos == tokens[index - 1].end_pos:
        index -= 1  # an empty _ARG_ token: say what was written before it
    prev = tokens[index - 1] if index > 0 else None
    after = f'after "{text[prev.start_pos : prev.end_pos]}"' if prev is not None else start_text
    if token.type == "$END":
        message = f"unexpected end of input: expected {expected}"
        message += f" {after}" if "NUMBER" in names or "POSITION" in names else ""
        if unclosed is not None:
            message += f' (the "(" at {where(text, unclosed)} is not closed)'
    else:
        shown = text[token.start_pos : token.end_pos]
        message = f'unexpected "{shown}" {after}: expected {expected}'
        if token.type in ("_GT", "_LT"):
            message += "; a comparison goes in parentheses, as in 1(x > y)"
    return error_at(text, pos, message + python_hint(text), expected)
