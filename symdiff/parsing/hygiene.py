"""Checks on raw input text before it is scanned: size, characters, LaTeX, parentheses.

Everything a user could paste by mistake gets a message in words: control characters
and NUL bytes (by code point), look-alike letters (Cyrillic ``х``, full-width ``ｘ``: "it
looks like x"), invisible characters (zero-width spaces), LaTeX (``\\frac{1}{x}``: "write
1/x") and unbalanced parentheses.  Nothing here allocates more than the text itself.

>>> check_text("sin((x)", Limits()), check_text("x", Limits())
(3, None)
"""

from __future__ import annotations

import re
import unicodedata

from ..core.functions import GREEK, GREEK_LETTERS, SPELLINGS, WORDS
from ..errors import LimitError, ParseError
from ..limits import Limits
from .builder import SUPERSCRIPT_LETTERS
from .errors import error_at, where

_UNICODE_OK = (
    "".join(GREEK_LETTERS) + "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺₀₁₂₃₄₅₆₇₈₉·×⋅−÷′√∛∜∂" + "".join(SUPERSCRIPT_LETTERS)
) + "".join(sorted({c for word in WORDS for c in word if not c.isascii()}))  # Γ: a spelling
_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_BAD_CHAR = re.compile(f"[^\t\n\r\x20-\x7e{_UNICODE_OK}{_SPACES}]")
_PARENS = re.compile(r"[()]")
_LATEX_FRAC = re.compile(r"\\d?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_LATEX_WORDS = {"sqrt": "sqrt(...)", "cdot": "*", "times": "*", "div": "/", "left": "(",
                "right": ")", "pi": "pi", "mathrm": "plain letters"}  # fmt: skip
_PYTHON = re.compile(r"__|\blambda\b[^:]*:|\bimport\b|\bdef\b|[A-Za-z)]\.[A-Za-z_]")
_LOOKALIKES = dict(zip("аеорсухіјѕԁɡАВЕКМНОРСТХ", "aeopcyxijsdgABEKMHOPCTX", strict=True))
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_SYMBOLS = {"–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-", "∗": "*", "∙": "*", "•": "*",
            "⁄": "/", "∕": "/", "≥": "1(x > y) for a comparison",
            "≤": "1(y > x) for a comparison", "｛": "(", "｝": ")"}  # fmt: skip


def check_text(text: str, limits: Limits) -> int | None:
    """Reject oversized, empty, non-mathematical or unbalanced text before parsing.

    Returns the offset of the innermost "(" left open (None if all are closed).

    >>> check_text("(x))", Limits())
    Traceback (most recent call last):
    symdiff.errors.ParseError: line 1, column 4: unbalanced ")": no "(" to close
    """
    if len(text) > limits.max_input_chars:
        raise LimitError(
            f"input has {len(text)} characters; the limit is {limits.max_input_chars} "
            "(max_input_chars)"
        )
    backslash = text.find("\\")
    if backslash >= 0:
        raise error_at(text, backslash, latex_message(text, backslash))
    bad = _BAD_CHAR.search(text)
    if bad:
        raise bad_character(text, bad.start())
    if not text.strip():
        raise error_at(text, 0, "empty input: expected an expression", "an expression")
    opened: list[int] = []
    for m in _PARENS.finditer(text):
        if m[0] == "(":
            opened.append(m.start())
            if len(opened) > limits.max_depth:
                raise LimitError(
                    f"nesting depth at {where(text, m.start())} exceeds the limit "
                    f"{limits.max_depth} (max_depth)"
                )
        elif opened:
            opened.pop()
        else:
            raise error_at(text, m.start(), 'unbalanced ")": no "(" to close')
    return opened[-1] if opened else None


def latex_message(text: str, pos: int) -> str:
    r"""What to write instead of the LaTeX command at ``pos``.

    >>> latex_message("\\frac{1}{x+1}", 0)
    'LaTeX input is not accepted; write 1/(x+1) for \\frac{1}{x+1}'
    >>> latex_message("2\\sin x", 1)
    'LaTeX input is not accepted; write sin(...) for \\sin'
    """
    frac = _LATEX_FRAC.match(text, pos)
    if frac:
        return f"LaTeX input is not accepted; write {_wrap(frac[1])}/{_wrap(frac[2])} for {frac[0]}"
    command = re.match(r"\\([A-Za-z]*)", text[pos:])[1]  # type: ignore[index]
    if command in _LATEX_WORDS:
        return f"LaTeX input is not accepted; write {_LATEX_WORDS[command]} for \\{command}"
    if command in SPELLINGS:
        return f"LaTeX input is not accepted; write {command}(...) for \\{command}"
    if command in GREEK:
        return f"LaTeX input is not accepted; write {command} for \\{command}"
    shown = f"\\{command}" if command else "a backslash"
    return f"LaTeX input is not accepted ({shown}); write plain text such as 3x^2 + sin(x)/2"


def _wrap(part: str) -> str:
    part = part.strip()
    return part if re.fullmatch(r"\w+", part) else f"({part})"


def bad_character(text: str, pos: int) -> ParseError:
    """The error for a character outside the language, with a hint when one helps.

    >>> bad_character("x\\x00", 1).message
    'a NUL byte (U+0000) is not allowed'

    >>> bad_character("x + \\u0445", 4).message
    'character "х" (CYRILLIC SMALL LETTER HA) is not allowed; it looks like "x", type that instead'
    """
    ch = text[pos]
    code = f"U+{ord(ch):04X}"
    if "\udc80" <= ch <= "\udcff":  # a byte that was not UTF-8, kept by "surrogateescape"
        return error_at(text, pos, f"invalid UTF-8: the byte 0x{ord(ch) - 0xDC00:02X} is not "
                        "part of any character (save the input as UTF-8)")  # fmt: skip
    if unicodedata.category(ch) == "Cc":
        what = "a NUL byte" if ch == "\0" else "the control character"
        return error_at(text, pos, f"{what} ({code}) is not allowed")
    name = unicodedata.name(ch, "")
    if ch in _INVISIBLE or unicodedata.category(ch) in ("Cf", "Co", "Cs", "Cn"):
        described = f"{code} ({name})" if name else code
        return error_at(text, pos, f"the invisible, private or unassigned character {described} "
                        "is not allowed; delete it")  # fmt: skip
    shown = f'"{ch}" ({name or code})' if ch.isprintable() and not ch.isspace() else code
    message = f"character {shown} is not allowed"
    plain = _LOOKALIKES.get(ch) or unicodedata.normalize("NFKC", ch)
    if ch in _SYMBOLS:
        message += f"; write {_SYMBOLS[ch]}"
    elif plain != ch and plain.strip() and not _BAD_CHAR.search(plain):
        message += f'; it looks like "{plain}", type that instead'
    return error_at(text, pos, message)


def python_hint(text: str) -> str:
    """A hint for input that looks like Python code, else "".

    >>> python_hint("__import__('os')")
    ' (symdiff reads mathematics, not Python code)'
    """
    return " (symdiff reads mathematics, not Python code)" if _PYTHON.search(text) else ""


def unexpected_character(text: str, pos: int) -> ParseError:
    """The error for a character no token starts with (``_``, ``.``, ``:``, ``=``...).

    >>> unexpected_character("x:y", 1).message
    'unexpected character ":"'
    """
    hint = "; use ( ) for grouping" if text[pos] in "{}" else ""
    return error_at(text, pos, f'unexpected character "{text[pos]}"{hint}' + python_hint(text))
