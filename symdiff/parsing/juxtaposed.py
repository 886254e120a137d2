"""Function arguments written without parentheses: ``sin x``, ``sin 2x``, ``x ln x``, ``sin² x``.

A one-argument function's name followed by neither "(" nor a prime takes the *monomial*
after it as its argument: an optional number, then letters (variables, constants), each
with an optional power (``x^2``, ``x²``, ``x^-1``, ``x^(n+1)``).  So ``sin 2x`` is sin(2x),
``sin x^2`` is sin(x²), ``sin xy`` is sin(x·y), ``sin x cos x`` is sin(x)·cos(x) and
``ln x + 1`` is ln(x) + 1.  The argument is marked with the empty tokens ``_ARG_OPEN`` and
``_ARG_CLOSE``, which the grammar reads like parentheses.

A radical takes the one symbol, number or bracketed group after it: ``√x``, ``√2``,
``√(x+1)``, ``√|x|``, ``√sin(x)``.  A power or a juxtaposed factor right after a radical's
symbol (``√x²``, ``√2x``) would be a guess between ``√(x²)`` and ``(√x)²``, so it is refused.

Where the reading would be a guess the input is refused: an argument followed by "(",
"*", "/", a number, "|" or "√" (``sin x(x+1)``, ``sin x/2``: write ``sin(x/2)`` or
``sin(x)/2``), and a tower of powers (``sin x^y^z``).

>>> from symdiff.parsing.parser import tokens
>>> [t.type for t in tokens("sin 2x")]
['FUNC', '_ARG_OPEN', 'NUMBER', 'NAME', '_ARG_CLOSE']
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import compress, count
from operator import itemgetter
from typing import Any

from .errors import error_at
from .words import takes_one

_FACTORS = frozenset({"NAME", "CONST"})
_EXPONENTS = frozenset({"NUMBER", "NAME", "CONST"})
# what may follow an argument written without parentheses
_FOLLOWERS = frozenset(
    {"_PLUS", "_MINUS", "_RPAR", "_COMMA", "_BAR_CLOSE", "_GT", "_LT", "FUNC", "ABSTRACT", "_RSQB"}
)


def mark_arguments(tokens: list[Any], text: str, make: Callable[..., Any], cls: type) -> list[Any]:
    """``tokens`` with ``_ARG_OPEN``/``_ARG_CLOSE`` around each argument written bare.

    ``make(cls, (type, value, start, end))`` makes a token.

    >>> from symdiff.parsing.parser import tokens
    >>> [t.type for t in tokens("sin^2 x + 1")][:6]
    ['FUNC', 'POW', 'NUMBER', '_ARG_OPEN', 'NAME', '_ARG_CLOSE']
    """
    opens: dict[int, int] = {}  # token index -> arguments opening before it
    closes: dict[int, int] = {}  # token index -> arguments closing before it
    n = len(tokens)
    for i in compress(count(), map("FUNC".__eq__, map(itemgetter(0), tokens))):
        token = tokens[i]
        j = _after_power(tokens, i + 1)
        if j >= n or tokens[j][0] in ("_LPAR", "PRIME") or not takes_one(token[1]):
            continue
        end = _monomial_end(tokens, j, text)
        if end == j:
            continue  # no argument: the grammar says what it expected
        if end < n and tokens[end][0] not in _FOLLOWERS:
            raise _ambiguous(tokens, i, j, end, text)
        opens[j] = opens.get(j, 0) + 1
        closes[end] = closes.get(end, 0) + 1
    if not opens:
        return tokens
    out: list[Any] = []
    for k, token in enumerate([*tokens, None]):
        if k in closes:
            at = tokens[k - 1][3]
            out += [make(cls, ("_ARG_CLOSE", "", at, at))] * closes[k]
        if k in opens:
            at = tokens[k][2]
            out += [make(cls, ("_ARG_OPEN", "", at, at))] * opens[k]
        if token is not None:
            out.append(token)
    return out


def _after_power(tokens: list[Any], j: int) -> int:
    """Past a power written on the function's name (``^2``, ``^-1``, ``²``), if any."""
    n = len(tokens)
    if j < n and tokens[j][0] == "SUPERSCRIPT":
        return j + 1
    if j + 1 < n and tokens[j][0] == "POW":
        if tokens[j + 1][0] == "NUMBER":
            return j + 2
        if j + 2 < n and tokens[j + 1][0] == "_MINUS" and tokens[j + 2][0] == "NUMBER":
            return j + 3
    return j


def _monomial_end(tokens: list[Any], j: int, text: str) -> int:
    """The index after the monomial starting at ``j`` (``j`` itself if there is none)."""
    n, k = len(tokens), j
    if k < n and tokens[k][0] == "NUMBER":
        k = _power_end(tokens, k + 1, text)
    while k < n and tokens[k][0] in _FACTORS:
        k = _power_end(tokens, k + 1, text)
    return k


def _power_end(tokens: list[Any], k: int, text: str) -> int:
    """Past the power of a factor of the monomial (``k`` if it has none)."""
    n = len(tokens)
    if k < n and tokens[k][0] == "SUPERSCRIPT":
        return k + 1
    if k + 1 >= n or tokens[k][0] != "POW":
        return k
    e = k + 1
    if tokens[e][0] in ("_MINUS", "_PLUS") and e + 1 < n:
        e += 1
    if tokens[e][0] in _EXPONENTS:
        e += 1
    elif tokens[e][0] == "_LPAR":
        depth = 0
        while e < n:
            kind = tokens[e][0]
            depth += kind in ("_LPAR", "_INDICATOR_OPEN")
            depth -= kind == "_RPAR"
            e += 1
            if depth == 0:
                break
    else:
        return k  # the grammar reports the missing exponent
    if e < n and tokens[e][0] in ("POW", "SUPERSCRIPT"):
        raise error_at(
            text,
            tokens[e][2],
            "a tower of powers in an argument written without parentheses is ambiguous: "
            "write the argument in parentheses, as in sin(x^y^z)",
        )
    return e


def _ambiguous(tokens: list[Any], func: int, j: int, end: int, text: str) -> Exception:
    """The error for an argument without parentheses that something follows ambiguously.

    >>> from symdiff.parsing.parser import parse
    >>> parse("sin x/2")
    Traceback (most recent call last):
    symdiff.errors.ParseError: line 1, column 6: "sin x/" is ambiguous: write sin(x/...) or \
sin(x)/...
    """
    start = tokens[func][2]
    name = text[start : tokens[func][3]]
    arg = text[tokens[j][2] : tokens[end - 1][3]]
    nxt = tokens[end]
    shown = text[nxt[2] : nxt[3]]
    if shown == "(":
        inside, outside = f"{arg}(...)", "·(...)"
    else:
        inside, outside = f"{arg}{shown}...", f"{shown}..."
    return error_at(
        text,
        nxt[2],
        f'"{text[start : nxt[3]]}" is ambiguous: write {name}({inside}) or {name}({arg}){outside}',
    )


_GLUED = frozenset({"POW", "SUPERSCRIPT", "NAME", "CONST", "NUMBER", "_LPAR"})


def check_radicals(tokens: list[Any], text: str) -> None:
    """Refuse ``√x²``, ``√2x``, ``√x(x+1)``: what the radical covers would be a guess.

    >>> from symdiff.parsing.parser import parse
    >>> parse("√x^2")
    Traceback (most recent call last):
    symdiff.errors.ParseError: line 1, column 3: "√x^" is ambiguous: write √(x^...) or (√x)^...
    """
    n = len(tokens)
    for i, token in enumerate(tokens):
        if token[0] != "ROOT" or i + 2 >= n or tokens[i + 1][0] not in ("NAME", "CONST", "NUMBER"):
            continue
        nxt = tokens[i + 2]
        if nxt[0] not in _GLUED or nxt[2] == nxt[3]:
            continue
        sign, arg = token[1], text[tokens[i + 1][2] : tokens[i + 1][3]]
        shown = text[nxt[2] : nxt[3]]
        if nxt[0] in ("POW", "SUPERSCRIPT"):
            power = "^..." if nxt[0] == "POW" else shown
            fix = f"{sign}({arg}{power}) or ({sign}{arg}){power}"
        elif nxt[0] == "_LPAR":
            fix = f"{sign}({arg}(...)) or {sign}{arg}·(...)"
        else:
            fix = f"{sign}({arg}{shown}) or {sign}{arg}·{shown}"
        raise error_at(text, nxt[2], f'"{text[token[2] : nxt[3]]}" is ambiguous: write {fix}')
