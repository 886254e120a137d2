"""Checks on raw input text, and the conversion of every parse failure into a ``ParseError``.

Positions are character offsets into the ORIGINAL text; lines and columns are 1-based.

>>> str(error_at("x + * y", 4, 'unexpected "*" after "+"'))
'line 1, column 5: unexpected "*" after "+"'
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import Any

from .errors import LimitError, ParseError
from .functions import GREEK_LETTERS
from .limits import Limits

_EXCERPT_HALF = 60  # characters kept on each side of the caret in an excerpt
_UNICODE_OK = "".join(GREEK_LETTERS) + "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺₀₁₂₃₄₅₆₇₈₉·×⋅−÷′"
_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_BAD_CHAR = re.compile(f"[^\t\n\r\x20-\x7e{_UNICODE_OK}{_SPACES}]")
_PARENS = re.compile(r"[()]")
_LATEX_FRAC = re.compile(r"\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_PYTHON = re.compile(r"__|\blambda\b[^:]*:|\bimport\b|\bdef\b|[A-Za-z)]\.[A-Za-z_]")
_PUNCTUATION = "_LPAR _COMMA _GT _LT _LSQB _RSQB PRIME _RPAR"
_LOOKALIKES = dict(zip("аеорсухіјѕԁɡАВЕКМНОРСТХ", "aeopcyxijsdgABEKMHOPCTX", strict=True))

# how "expected ..." names the terminals, in the order it lists them; others go unnamed
_NAMED = {"NUMBER": "a number", "RATIONAL": "a number", "POSITION": "a number"}
_NAMED |= {"NAME": "a variable", "CONST": "a variable", "OPERATOR": "an operator"}
_NAMED |= {t: f'"{c}"' for t, c in zip(_PUNCTUATION.split(), "(,><[]')", strict=True)}
_OPERATORS = frozenset({"_PLUS", "_MINUS", "_STAR", "_SLASH", "_POW", "SUPERSCRIPT"})
_ORDER = tuple(dict.fromkeys(_NAMED.values()))


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


def check_text(text: str, limits: Limits) -> int | None:
    """Reject oversized, empty, non-mathematical or unbalanced text before parsing.

    Returns the offset of the innermost "(" left open (None if all are closed).

    >>> check_text("sin((x)", Limits()) , check_text("x", Limits())
    (3, None)
    """
    if len(text) > limits.max_input_chars:
        raise LimitError(f"input has {len(text)} characters; the limit is {limits.max_input_chars}")
    backslash = text.find("\\")
    if backslash >= 0:
        frac = _LATEX_FRAC.search(text)
        hint = f"{_wrap(frac[1])}/{_wrap(frac[2])}" if frac else "1/x for \\frac{1}{x}"
        raise error_at(text, backslash, f"LaTeX input is not accepted; write {hint}")
    bad = _BAD_CHAR.search(text)
    if bad:
        raise _bad_character(text, bad.start())
    if not text.strip():
        raise error_at(text, 0, "empty input", "an expression")
    opened: list[int] = []
    for m in _PARENS.finditer(text):
        if m[0] == "(":
            opened.append(m.start())
            if len(opened) > limits.max_depth:
                raise LimitError(
                    f"nesting depth at {where(text, m.start())} exceeds the limit "
                    f"{limits.max_depth}"
                )
        elif opened:
            opened.pop()
        else:
            raise error_at(text, m.start(), 'unbalanced ")": no "(" to close')
    return opened[-1] if opened else None


def _wrap(part: str) -> str:
    part = part.strip()
    return part if re.fullmatch(r"\w+", part) else f"({part})"


def _bad_character(text: str, pos: int) -> ParseError:
    ch = text[pos]
    if unicodedata.category(ch) == "Cc":
        line, column = position(text, pos)
        return error_at(
            text,
            pos,
            f"control character U+{ord(ch):04X} at line {line}, column {column} is not allowed",
        )
    name = unicodedata.name(ch, f"U+{ord(ch):04X}")
    message = f'character "{ch}" ({name}) is not allowed'
    plain = _LOOKALIKES.get(ch) or unicodedata.normalize("NFKC", ch)
    if plain != ch and plain.strip() and not _BAD_CHAR.search(plain):
        message += f'; it looks like "{plain}", type that instead'
    return error_at(text, pos, message)


def describe(names: set[str] | frozenset[str]) -> str:
    """What the parser would have accepted, in words.

    >>> describe({"NUMBER", "NAME", "_LPAR", "_MINUS", "FUNC"})
    'a number, a variable or "("'
    >>> describe({"_PLUS", "_STAR", "NAME", "_RPAR"})
    'an operator or ")"'
    """
    operand = "NUMBER" in names or "POSITION" in names
    if not operand and "NAME" in names:  # after an operand: names and "(" multiply implicitly
        names = names - {"NAME", "CONST", "_LPAR"}
    if not operand and names & _OPERATORS:
        names = names | {"OPERATOR"}
    words = {_NAMED[n] for n in names if n in _NAMED}
    ordered = [w for w in _ORDER if w in words]
    return ", ".join(ordered[:-1]) + " or " + ordered[-1] if len(ordered) > 1 else "".join(ordered)


def unexpected_character(text: str, pos: int) -> ParseError:
    """The error for a character no token starts with (``_``, ``.``, ``:``, ``=``...).

    >>> unexpected_character("x:y", 1).message
    'unexpected character ":"'
    """
    return error_at(text, pos, f'unexpected character "{text[pos]}"' + _python_hint(text))


def _python_hint(text: str) -> str:
    return " (symdiff reads mathematics, not Python code)" if _PYTHON.search(text) else ""


def from_lark(
    exc: Any, text: str, tokens: list[Any], unclosed: int | None, start_text: str
) -> ParseError:
    """Turn Lark's ``UnexpectedToken`` into a ``ParseError`` in words.

    ``tokens`` are the tokens fed to the parser; ``start_text`` says what precedes the first
    one ("at the start", or 'after "="' in a definition).

    >>> from symdiff.parser import parse
    >>> try:
    ...     parse("f(x) = x +")
    ... except ParseError as err:
    ...     print(err.message)
    unexpected end of input: expected a number, a variable or "(" after "+"
    """
    try:  # the terminals that can really come next (Lark's own set over-approximates)
        names = frozenset(exc.interactive_parser.accepts()) - {"$END"}
    except Exception:  # pragma: no cover - fall back to the parse table's set
        names = frozenset(exc.expected)
    expected = describe(names) or "the end of the input"
    token = exc.token
    if token.type == "$END":
        index = len(tokens)
        pos = tokens[-1].end_pos if tokens else len(text)
    else:
        index = bisect_right([t.start_pos for t in tokens], token.start_pos) - 1
        pos = token.start_pos
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
    return error_at(text, pos, message + _python_hint(text), expected)
