"""The lexer: the grammar's raw terminals, refined into the terminals its rules use.

The terminal patterns live in ``grammar/symdiff.lark``; :class:`Scanner` compiles them into one
regular expression and :func:`refine` classifies the raw tokens with the look-around the LALR
parser cannot do:

* Words become variables, constants or function names (:mod:`symdiff.parsing.words`).
* ``1(`` opening a group that holds a comparison starts an indicator: ``1(x > y)`` is one
  ``Indicator``, not ``1*Indicator``.  ``INT/INT`` at the start of a product chain and not
  followed by a power is one rational literal (``5/2*x``); ``x*5/2`` and ``5/2^2`` are not.
* Numbers in ``f'[...]`` become argument positions.
* A ``|`` closes an absolute value when it follows an operand while one is open, and
  opens one otherwise: ``||x| - 1|``, ``2|x|``, ``|x||y|`` (read left to right).
* A function name followed by neither "(" nor a prime takes the monomial after it as its
  argument (:mod:`symdiff.parsing.juxtaposed`): ``sin 2x`` is sin(2x).
* Literals longer than ``Limits.max_literal_digits`` and primes beyond ``Limits.max_order``
  raise ``LimitError`` before any number is built.

>>> from symdiff.parsing.parser import tokens
>>> [(t.type, t.value) for t in tokens("2yz + θ1 - 5/2")]
[('NUMBER', '2'), ('NAME', 'y'), ('NAME', 'z'), ('_PLUS', '+'), ('NAME', 'theta1'), \
('_MINUS', '-'), ('RATIONAL', '5/2')]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter

from ..errors import LimitError
from ..limits import DEFAULT_LIMITS, Limits
from .errors import where
from .juxtaposed import check_radicals, mark_arguments
from .scanning import Tok
from .words import GREEK_FUNCTIONS, word_tokens

_OPERAND_END = frozenset(
    {"NUMBER", "RATIONAL", "NAME", "CONST", "_RPAR", "SUPERSCRIPT", "_BAR_CLOSE", "_ARG_CLOSE"}
)
_CHAIN_OPENERS = frozenset({"_LPAR", "_INDICATOR_OPEN", "_COMMA", "_GT", "_LT", "_BAR_OPEN"})
_SIGNS = frozenset({"_PLUS", "_MINUS"})
_CALLS = frozenset({"_LPAR", "PRIME"})
# a power on a name, then "(": sin^2(x), ψ²(x), sin^-1(x)
_POWERED_CALLS = (("SUPERSCRIPT", "_LPAR"), ("POW", "NUMBER", "_LPAR"),
                  ("POW", "_MINUS", "NUMBER", "_LPAR"))  # fmt: skip
_COMPARED = re.compile(r"[()<>]")
# the raw tokens refined one by one; the others pass through as scanned (until a prime:
# argument positions f'[...] may follow one)
_REFINED = frozenset({"WORD", "NUMBER", "SUPERSCRIPT", "PRIME", "ROOT", "BAR"})
_kind = itemgetter(0)
_tok = tuple.__new__  # _tok(Tok, (type, value, start, end)) skips the Python-level call

__all__ = ["Source", "Tok", "refine"]  # Tok: the scanner's, re-exported


@dataclass(slots=True)
class Source:
    """One parse's input: the text (header blanked), limits and the definition's signature."""

    text: str
    limits: Limits = DEFAULT_LIMITS
    params: tuple[str, ...] = ()
    name: str | None = None
    tokens: list[Tok] = field(default_factory=list)  # the refined tokens, for error messages


def refine(raw: list[Tok], src: Source) -> list[Tok]:
    """Classify words, merge ``1(`` and rational literals, check the size of literals.

    ``raw`` are the scanner's tokens.  Only words, numbers, bars, radicals and primes are
    looked at one by one; an operator passes through as scanned, and what the rules ask of
    the tokens before a word or a number (is it an operand, does a product chain start
    here) is read from the tokens already refined.
    """
    text, limits = src.text, src.limits
    max_digits = limits.max_literal_digits
    if sys.get_int_max_str_digits():  # Python refuses longer int literals anyway
        max_digits = min(max_digits, sys.get_int_max_str_digits())
    compared = _compared(text) if ">" in text or "<" in text else set()
    kinds = list(map(_kind, raw))
    n = len(kinds)
    stops: range | compress[int] = range(n)
    if "PRIME" not in kinds:  # no argument positions: an operator changes no state
        stops = compress(range(n), map(_REFINED.__contains__, kinds))
    words: dict[tuple[str, bool, bool], list[tuple[str, str, int, int]]] = {}
    out: list[Tok] = []
    append = out.append
    done = 0  # raw[:done] are refined
    positions = False  # inside f'[...]
    bars = 0  # absolute values open
    roots = False  # a radical was written
    for i in stops:
        if i < done:  # merged into a rational literal
            continue
        if done < i:
            out += raw[done:i]
        token = raw[i]
        kind, value, a, b = token
        done = i + 1
        if kind == "WORD":
            calls = done < n and kinds[done] in _CALLS
            if not calls and value in GREEK_FUNCTIONS:  # gamma^2(x) as sin^2(x)
                calls = any(tuple(kinds[done : done + len(p)]) == p for p in _POWERED_CALLS)
            key = (value, calls, bool(out) and out[-1][0] in _OPERAND_END)
            made = words.get(key)
            if made is None:  # classify at the real offset, so that errors point right
                made = word_tokens(value, a, calls, key[2], src)
                words[key] = [(k, v, s - a, e - a) for k, v, s, e in made]
                out += [_tok(Tok, t) for t in made]
            elif len(made) == 1:
                k, v, s, e = made[0]
                append(_tok(Tok, (k, v, a + s, a + e)))
            else:
                out += [_tok(Tok, (k, v, a + s, a + e)) for k, v, s, e in made]
            continue
        if kind == "NUMBER" or kind == "SUPERSCRIPT":
            if b - a > max_digits or "e" in value or "E" in value:
                _check_digits(value, a, max_digits, text)
            if positions:
                token = _tok(Tok, ("POSITION", value, a, b))
            elif kind == "SUPERSCRIPT":
                pass
            elif (
                value == "1"
                and done < n
                and raw[done][2] in compared
                and not (out and out[-1][0] == "POW")
            ):
                token = _tok(Tok, ("_INDICATOR_OPEN", "1(", a, raw[done][3]))
                done += 1
            elif (
                done < n
                and kinds[done] == "SLASH"
                and value.isdigit()
                and _is_ratio(raw, i)
                and _chain_starts(out)
            ):
                den = raw[i + 2]
                value = f"{value}/{den[1]}"
                if len(value) > max_digits:
                    _check_digits(value, a, max_digits, text)
                token = _tok(Tok, ("RATIONAL", value, a, den[3]))
                done += 2
        elif kind == "PRIME" and len(value) > limits.max_order:
            raise LimitError(
                f"the derivative at {where(text, a)} has order {len(value)}, over "
                f"the limit {limits.max_order} (max_order)"
            )
        elif kind == "ROOT":
            roots = True
        elif kind == "BAR":
            closes = bars > 0 and bool(out) and out[-1][0] in _OPERAND_END
            token = _tok(Tok, ("_BAR_CLOSE" if closes else "_BAR_OPEN", value, a, b))
            bars += -1 if closes else 1
        elif positions or (out and out[-1][0] == "PRIME"):
            positions = kind != "_RSQB" and kind != "_LPAR"
        append(token)
    out += raw[done:]
    if roots:
        check_radicals(out, text)
    if any(t[0][0] == "FUNC" for t in words.values() if t):  # a function name was written
        return mark_arguments(out, text, _tok, Tok)
    return out


def _chain_starts(out: list[Tok]) -> bool:
    """Whether a product chain starts after the tokens ``out``.

    It does at the start of the input, after "(", ",", a comparison or an opening bar, and
    after a sign that is binary or follows one of those (``x - 5/2 y``, ``(-5/2 y)``).

    >>> from symdiff.parsing.parser import tokens
    >>> _chain_starts([]), _chain_starts(tokens("x -")), _chain_starts(tokens("x *"))
    (True, True, False)
    """
    j = len(out) - 1
    while j >= 0 and out[j][0] in _SIGNS:
        j -= 1
    if j < 0:
        return True
    kind = out[j][0]
    return kind in _CHAIN_OPENERS or (j < len(out) - 1 and kind in _OPERAND_END)


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


def _is_ratio(raw: list[Tok], i: int) -> bool:
    """Whether ``raw[i:i+3]`` is INT "/" INT (nonzero) not followed by a power."""
    if i + 2 >= len(raw) or raw[i + 1][0] != "SLASH" or raw[i + 1][1] != "/":
        return False
    kind, den, _, _ = raw[i + 2]
    if kind != "NUMBER" or not den.isdigit() or not den.strip("0"):
        return False
    return i + 3 >= len(raw) or raw[i + 3][0] not in ("POW", "SUPERSCRIPT")


def _check_digits(literal: str, pos: int, limit: int, text: str) -> None:
    """A literal written out in full may not have more than ``limit`` digits.

    >>> _check_digits("1e5000", 0, 1000, "1e5000")
    Traceback (most recent call last):
    symdiff.errors.LimitError: the number at line 1, column 1 has more than 1000 digits \
(max_literal_digits)
    """
    if len(literal) <= limit and "e" not in literal and "E" not in literal:
        return
    mantissa, _, exponent = literal.lower().partition("e")
    digits = max(sum(c.isdigit() for c in part) for part in mantissa.split("/"))
    exponent = exponent.lstrip("+-")
    if len(exponent) > 9 or digits + (int(exponent) if exponent else 0) > limit:
        raise LimitError(
            f"the number at {where(text, pos)} has more than {limit} digits (max_literal_digits)"
        )
