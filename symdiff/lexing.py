"""The lexer: the grammar's raw terminals, refined into the terminals its rules use.

The terminal patterns live in ``grammar/symdiff.lark``; :class:`Scanner` compiles them into one
regular expression and :func:`_refine` classifies the raw tokens with the look-around the LALR
parser cannot do:

* Words.  A WORD is letters with optional digits and subscripts (``x1``, ``w_12``, ``θ₁``).
  The whole run of letters is one name if it is a parameter of the definition, the defined
  function, a known function or alias (``ln`` -> ``log``), a Greek name or ``pi``; otherwise
  it splits into single letters (``yz`` is y*z), the digits staying with the last letter
  (``w1x1`` is w1*x1).  ``e``, ``pi`` and ``π`` are constants unless they are parameters.
  A run hiding a known function name (``sinx``) is an error, not a silent product.
* Before "(" a single letter f, g, h (or the defined name) calls an abstract function; any
  other letter multiplies (``x(x+1)``).  A longer unknown run before "(" (``sinh(x)``,
  ``foo(x)``) is an unknown function (``UnsupportedError``) unless it continues an implicit
  product and resembles no known function: ``2yz(x+1)`` is 2*y*z*(x+1) and ``2xf(x)`` is
  2*x*f(x) -- the last letter decides whether "(" calls.
* ``1(`` opening a group that holds a comparison starts an indicator: ``1(x > y)`` is one
  ``Indicator``, not ``1*Indicator``.  ``INT/INT`` at the start of a product chain and not
  followed by a power is one rational literal (``5/2*x``); ``x*5/2`` and ``5/2^2`` are not.

>>> [(t.type, t.value) for t in tokens("2yz + θ1 - 5/2")]
[('NUMBER', '2'), ('NAME', 'y'), ('NAME', 'z'), ('_PLUS', '+'), ('NAME', 'theta1'), \
('_MINUS', '-'), ('RATIONAL', '5/2')]
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lark.lexer import Lexer

from .errors import LimitError, UnsupportedError
from .functions import ABSTRACT_LETTERS, ALIASES, GREEK, GREEK_LETTERS, KNOWN
from .limits import DEFAULT_LIMITS, Limits
from .parse_errors import error_at, unexpected_character, where

_OPERAND_END = frozenset({"NUMBER", "RATIONAL", "NAME", "CONST", "_RPAR", "SUPERSCRIPT"})
_CHAIN_OPENERS = frozenset({"_LPAR", "_INDICATOR_OPEN", "_COMMA", "_GT", "_LT"})
_COMPARED = re.compile(r"[()<>]")
_LETTERS = re.compile("[A-Za-z" + "".join(GREEK_LETTERS) + "]+")
_SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"
_SUBSCRIPT_DIGITS = str.maketrans(_SUBSCRIPTS, "0123456789")
_GREEK = frozenset(GREEK)
_FUNCTION_NAMES = tuple(sorted({*KNOWN, *ALIASES}))
_LONG_NAMES = tuple(n for n in _FUNCTION_NAMES if len(n) >= 3)


class Tok:
    """A token: Lark's parser reads ``type``; positions are 0-based offsets into the text.

    Lark also copies ``line``/``column`` into its own errors; symdiff computes lines and
    columns from ``start_pos`` instead, so those stay class-level placeholders.
    """

    __slots__ = ("end_pos", "start_pos", "type", "value")
    line = column = end_line = end_column = 0

    def __init__(self, kind: str, value: str, start: int, end: int) -> None:
        self.type, self.value, self.start_pos, self.end_pos = kind, value, start, end

    def __repr__(self) -> str:
        return f"Tok({self.type}, {self.value!r})"


@dataclass(slots=True)
class Source:
    """One parse's input: the text (header blanked), limits and the definition's signature."""

    text: str
    limits: Limits = DEFAULT_LIMITS
    params: tuple[str, ...] = ()
    name: str | None = None
    tokens: list[Tok] = field(default_factory=list)  # the refined tokens, for error messages


class Scanner(Lexer):
    """Lark custom lexer: scans a ``Source`` with the grammar's terminal patterns."""

    __future_interface__ = 2

    def __init__(self, conf: Any) -> None:
        terms = sorted(
            conf.terminals,
            key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name),
        )
        groups = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terms)
        self.pattern = re.compile(groups + "|(?P<ERROR>.)", re.DOTALL)
        self.ignore = frozenset(conf.ignore)

    def lex(self, state: Any, parser_state: Any) -> Iterator[Tok]:
        """Scan and refine the whole source (refinement looks ahead)."""
        source: Source = state.text
        source.tokens = _refine(self.scan(source.text), source)
        return iter(source.tokens)

    def scan(self, text: str) -> list[tuple[str, int, int]]:
        """Raw ``(terminal, start, end)`` triples, whitespace dropped."""
        ignore = self.ignore
        raw = [
            (m.lastgroup or "", m.start(), m.end())
            for m in self.pattern.finditer(text)
            if m.lastgroup not in ignore
        ]
        bad = next((start for kind, start, _ in raw if kind == "ERROR"), None)
        if bad is not None:
            raise unexpected_character(text, bad)
        return raw


class KeepWords:
    """A do-nothing post-lexer whose only job is to keep the WORD terminal in the grammar."""

    always_accept = ("WORD",)

    def process(self, stream: Iterator[Tok]) -> Iterator[Tok]:
        """Pass the tokens through."""
        return stream


def tokens(text: str, limits: Limits = DEFAULT_LIMITS) -> list[Tok]:
    """The refined tokens of an expression, without parsing it (for inspection and tests).

    >>> [t.type for t in tokens("1(x > y)")]
    ['_INDICATOR_OPEN', 'NAME', '_GT', 'NAME', '_RPAR']
    """
    from .parser import _lark

    return _refine(Scanner(_lark().lexer_conf).scan(text), Source(text, limits))


def _refine(raw: list[tuple[str, int, int]], src: Source) -> list[Tok]:
    """Classify words, merge ``1(`` and rational literals, check the size of literals."""
    text, limits = src.text, src.limits
    compared = _compared(text) if ">" in text or "<" in text else set()
    out: list[Tok] = []
    prev: str | None = None  # type of the last token emitted
    start = True  # the next token begins a product chain
    positions = False  # inside f'[...]
    i, n = 0, len(raw)
    while i < n:
        kind, a, b = raw[i]
        value = text[a:b]
        if kind == "WORD":
            nxt = raw[i + 1][0] if i + 1 < n else None
            out += _word_tokens(value, a, nxt, prev in _OPERAND_END, src)
            prev, start = out[-1].type, False
            i += 1
            continue
        if kind == "NUMBER" or kind == "SUPERSCRIPT":
            _check_digits(value, a, limits.max_literal_digits, text)
            if positions:
                kind = "POSITION"
            elif kind == "SUPERSCRIPT":
                pass
            elif value == "1" and i + 1 < n and raw[i + 1][1] in compared and prev != "_POW":
                kind, value, b = "_INDICATOR_OPEN", "1(", raw[i + 1][2]
                i += 1
            elif start and value.isdigit() and _is_ratio(raw, i, text):
                b = raw[i + 2][2]
                kind, value = "RATIONAL", text[a:b]
                _check_digits(value, a, limits.max_literal_digits, text)
                i += 2
        elif kind == "PRIME" and len(value) > limits.max_order:
            raise LimitError(
                f"the derivative at {where(text, a)} has order {len(value)}, over "
                f"the limit {limits.max_order}"
            )
        else:
            positions = (positions or prev == "PRIME") and kind != "_RSQB" and kind != "_LPAR"
        if kind == "_PLUS" or kind == "_MINUS":
            start = start or prev in _OPERAND_END  # a binary sign, or a sign opening a chain
        else:
            start = kind in _CHAIN_OPENERS
        prev = kind
        out.append(Tok(kind, value, a, b))
        i += 1
    return out


def _compared(text: str) -> set[int]:
    """Offsets of the "(" whose group holds a comparison at its own level."""
    found: set[int] = set()
    stack: list[int] = []
    for m in _COMPARED.finditer(text):
        ch = m[0]
        if ch == "(":
            stack.append(m.start())
        elif ch == ")":
            if stack:
                stack.pop()
        elif stack:
            found.add(stack[-1])
    return found


def _is_ratio(raw: list[tuple[str, int, int]], i: int, text: str) -> bool:
    """Whether ``raw[i:i+3]`` is INT "/" INT (nonzero) not followed by a power."""
    if i + 2 >= len(raw) or raw[i + 1][0] != "_SLASH" or text[raw[i + 1][1]] != "/":
        return False
    kind, a, b = raw[i + 2]
    den = text[a:b]
    if kind != "NUMBER" or not den.isdigit() or not den.strip("0"):
        return False
    return i + 3 >= len(raw) or raw[i + 3][0] not in ("_POW", "SUPERSCRIPT")


def _check_digits(literal: str, pos: int, limit: int, text: str) -> None:
    """A literal written out in full may not have more than ``limit`` digits."""
    if len(literal) <= limit and "e" not in literal and "E" not in literal:
        return
    mantissa, _, exponent = literal.lower().partition("e")
    digits = max(sum(c.isdigit() for c in part) for part in mantissa.split("/"))
    exponent = exponent.lstrip("+-")
    if len(exponent) > 9 or digits + (int(exponent) if exponent else 0) > limit:
        raise LimitError(f"the number at {where(text, pos)} has more than {limit} digits")


def _word_tokens(
    word: str, at: int, nxt: str | None, after_operand: bool, src: Source
) -> list[Tok]:
    """The tokens of the WORD at offset ``at`` (``nxt``: the type of the raw token after it)."""
    letters = _LETTERS.match(word)[0]  # type: ignore[index]
    tail = word[len(letters) :]
    if tail and tail[0] in _SUBSCRIPTS:
        tail = "_" + tail.translate(_SUBSCRIPT_DIGITS)
    calls = nxt == "_LPAR" or nxt == "PRIME"
    if word in src.params:
        return [Tok("NAME", word, at, at + len(word))]
    if not letters.isascii():
        units = [GREEK_LETTERS.get(c, c) for c in letters]
    elif len(letters) == 1:
        units = [letters]
    else:
        known = _known(letters, tail, src)
        if known is not None:
            return [Tok(known[0], known[1], at, at + len(word))]
        _check_run(letters, word, at, calls, after_operand, src)
        units = list(letters)
    last = len(units) - 1
    return [
        _letter(
            u,
            tail if k == last else "",
            calls and k == last,
            at + k,
            len(word) - last if k == last else 1,
            src,
        )
        for k, u in enumerate(units)
    ]


def _known(run: str, tail: str, src: Source) -> tuple[str, str] | None:
    """Token type and value of a multi-letter ASCII run that is one name, else None."""
    if run in src.params or run in _GREEK or (tail and run == "pi"):
        return "NAME", run + tail
    if tail:
        return None
    if run == src.name:
        return "ABSTRACT", run
    if run in KNOWN or run in ALIASES:
        return "FUNC", ALIASES.get(run, run)
    return ("CONST", run) if run == "pi" else None


def _letter(unit: str, tail: str, calls: bool, at: int, width: int, src: Source) -> Tok:
    """The token of one letter (or Greek name) at offset ``at``."""
    kind = "NAME"
    if tail or unit in src.params:
        pass  # a variable
    elif calls and (unit == src.name or unit in ABSTRACT_LETTERS):
        kind = "ABSTRACT"
    elif unit in ("e", "pi"):
        kind = "CONST"
    return Tok(kind, unit + tail, at, at + width)


def _check_run(run: str, word: str, at: int, calls: bool, after_operand: bool, src: Source) -> None:
    """Refuse a multi-letter run that reads as an unknown function or hides a known one."""
    hidden = [n for n in _LONG_NAMES if n in run]
    if calls:
        close = difflib.get_close_matches(word, _FUNCTION_NAMES, n=3, cutoff=0.6)
        if hidden or close or not after_operand:
            similar = list(dict.fromkeys(hidden + close))
            if similar:
                hint = "did you mean " + " or ".join(similar) + "?"
            elif run[-1] in ABSTRACT_LETTERS or run[-1] == src.name:
                hint = f"for a product, write {'*'.join(run)}(...)"
            else:
                hint = f"for a product, write {'*'.join(run)}*(...)"
            raise UnsupportedError(
                f"unknown function {word!r} at {where(src.text, at)}; "
                f"known functions: {', '.join(_FUNCTION_NAMES)}; {hint}"
            )
    elif hidden:
        raise error_at(
            src.text,
            at,
            f'"{word}" is not a name: it contains the function '
            f'"{hidden[0]}"; write {hidden[0]}(...) with parentheses, or separate '
            'factors with "*"',
        )
