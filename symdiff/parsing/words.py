"""Word classification: what a run of letters means (variables, a function, a constant).

A WORD is letters with optional digits and subscripts (``x1``, ``w_12``, ``θ₁``).  The whole
run is one name if it is a parameter of the definition, the defined function, a known
function or alias (``ln`` -> ``log``), a Greek name or ``pi``; otherwise it splits into single
letters (``yz`` is y*z), the digits staying with the last letter (``w1x1`` is w1*x1).
``e``, ``pi`` and ``π`` are constants unless they are parameters.  A run hiding a known
function name (``sinx``) is an error, not a silent product.

Digits right after the letters are a subscript: ``x1`` and ``x₁`` are one variable, printed
``x₁``.  ``x_1`` is another variable, printed ``x_1`` as written, never like ``x1``.

A logarithm's base is written as a subscript on ``log``: ``log_2(x)``, ``log₂ x``,
``log_10 x``, ``log_b(x)``, ``log_e x`` are log(x, 2), log(x, 10), log(x, b), ln x (the
token ``log_2`` carries the base; :func:`log_base` reads it).  The base is a number, ``e``,
``pi`` or one variable (a letter with digits, or a Greek name); ``log₁₀`` and ``log₂`` are
the names ``log10`` and ``log2``.  A function name with digits (``log10 x``, ``log₂ x``)
takes an argument without parentheses like any other.

Before "(" a single letter f, g, h (or the defined name) calls an abstract function; any other
single letter multiplies (``x(x+1)``).  A longer run before "(" is never split into a
product: a known function calls (a Greek name that is also a function, only before "("),
a Greek name or ``pi`` is an error saying how to write the product (``gamma*(x)``), and any
other run (``sinh(x)``, ``foo(x)``, ``yz(x)``) is an unknown function (:mod:`.unknown`).

A Greek letter is a function only where the table spells one with it: ``gamma`` (a row's
name) and the glyphs ``Γ`` and ``ψ`` (spellings of gamma and digamma).  ``ψ`` and ``gamma``
are the function only before "(" and the Greek letter elsewhere; ``Γ``, which is no
variable, is always the function (``Γ x`` as ``sin x``) and refused inside a longer word.
``γ(x)`` and ``psi(x)`` are errors saying how to write the product and the function.

>>> from types import SimpleNamespace
>>> src = SimpleNamespace(text="yz2", params=(), name=None)
>>> word_tokens("yz2", 0, False, False, src)
[('NAME', 'y', 0, 1), ('NAME', 'z2', 1, 3)]
"""

from __future__ import annotations

import re
from typing import Any

from ..core.expr import Const, Expr, Num, Var
from ..core.facets import Function
from ..core.functions import (
    ABSTRACT_LETTERS,
    FUNCTIONS,
    GREEK,
    GREEK_LETTERS,
    KNOWN,
    WORDS,
    shorthand,
)
from .errors import error_at
from .unknown import check_run

Raw = tuple[str, str, int, int]  # token type, value, start offset, end offset

# a function's spellings that are glyphs (Γ -> gamma, ψ -> digamma), from the table; those
# that are not Greek variable letters (Γ) are only ever the function
GLYPHS: dict[str, str] = {s: name for s, name in WORDS.items() if not s.isascii()}
_ONLY_FUNCTIONS = "".join(g for g in GLYPHS if g not in GREEK_LETTERS)
LETTERS = re.compile("[A-Za-z" + "".join(GREEK_LETTERS) + _ONLY_FUNCTIONS + "]+")
SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"
_SUBSCRIPT_DIGITS = str.maketrans(SUBSCRIPTS, "0123456789")
_GREEK = frozenset(GREEK)
# a Greek letter's name -> the row whose name or glyph spelling is that letter (gamma ->
# the gamma row, psi -> digamma, spelled ψ): the hint of the error for the letter before "("
_LETTER_FUNCTIONS: dict[str, Function] = {
    GREEK_LETTERS.get(spelling, spelling): row
    for row in FUNCTIONS.values()
    for spelling in (row.name, *row.spellings)
    if GREEK_LETTERS.get(spelling, spelling) in _GREEK
}
# the spellings that are a function only before "(", and the Greek letter elsewhere
# (gamma, ψ): a power written on them before "(" (gamma^2(x), ψ²(x)) makes them the function
GREEK_FUNCTIONS = frozenset(s for s in WORDS if s in _GREEK or s in GREEK_LETTERS)
_CONSTANTS = frozenset({"e", "pi"})
BASE_PREFIX = "log_"  # a logarithm's token with its base: log_2, log_b
_BASE = re.compile(r"[0-9]+|[A-Za-z][0-9]*|" + "|".join(GREEK) + "|pi")


def log_base(name: str) -> Expr | None:
    """The base a logarithm's token carries (``log_2`` -> 2, ``log_b`` -> b), else None.

    >>> str(log_base("log_10")), str(log_base("log_b")), str(log_base("log_e")), log_base("log")
    ('10', 'b', 'e', None)
    """
    if not name.startswith(BASE_PREFIX):
        return None
    base = name[len(BASE_PREFIX) :]
    if base.isdigit():
        return Num(int(base))
    return Const(base) if base in _CONSTANTS else Var(base)


def takes_one(name: str) -> bool:
    """Whether the function (or shorthand) a token names takes one argument.

    >>> takes_one("sin"), takes_one("log10"), takes_one("log_2"), takes_one("pow")
    (True, True, True, False)
    """
    return KNOWN.get(name) == 1 or shorthand(name, 1) is not None or name.startswith(BASE_PREFIX)


def _subscript_base(letters: str, rest: str, at: int, src: Any) -> str | None:
    """The token value ``log_B`` for ``log_B`` or ``log`` with subscript digits, else None."""
    if letters != "log" or not rest or rest in ("10", "2", "₁₀", "₂") or letters + rest in WORDS:
        return None  # log10, log2 and log_sigmoid are names of their own
    if rest[0] in SUBSCRIPTS:
        base = _canonical_tail(rest)
    elif rest[0] == "_":
        base = rest[1:]
    else:
        return None
    if _BASE.fullmatch(base) is None or (base.isdigit() and int(base) < 2):
        raise error_at(
            src.text,
            at,
            f'the base of "log{rest}" is not a number above 1, e, pi or one variable; '
            "write log(x, base)",
        )
    return BASE_PREFIX + base


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
    based = _subscript_base(letters, word[len(letters) :], at, src)
    if based is not None:
        return [("FUNC", based, at, at + len(word))]
    if not letters.isascii():
        glyph = _glyph_function(letters, tail, calls, at, src)
        if glyph is not None:
            return [("FUNC", glyph, at, at + len(word))]
        units = [GREEK_LETTERS.get(c, c) for c in letters]
        if calls and not tail and units[-1] not in ABSTRACT_LETTERS and len(units[-1]) > 1:
            raise _greek_call(units[-1], letters[-1], at + len(units) - 1, src)
    elif len(letters) == 1:
        units = [letters]
    else:
        known = _known(letters, tail, calls, at, src)
        if known is not None:
            return [(known[0], known[1], at, at + len(word))]
        check_run(letters, word, at, calls, after_operand, src)
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
    if tail and run + tail in WORDS:  # log10(x), atan2(y, x), log₂ x
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


def _glyph_function(letters: str, tail: str, calls: bool, at: int, src: Any) -> str | None:
    """The function a glyph spells (``Γ``; ``ψ`` only before "("), else None.

    A glyph is a function only where the table spells a function with it; ``Γ``, which is
    no variable, is refused inside a longer word (``Γx``, ``Γ1``) as ``sinx`` is, and so is
    a function's glyph ending a longer word before "(" (``xψ(x)``: write ``x*ψ(x)``).
    """
    if letters in GLYPHS and not tail and GREEK_LETTERS.get(letters) not in src.params:
        if calls or letters in _ONLY_FUNCTIONS:
            return GLYPHS[letters]
    last = letters[-1]
    if calls and not tail and len(letters) > 1 and last in GLYPHS:
        if GREEK_LETTERS.get(last) not in src.params:
            raise error_at(
                src.text,
                at,
                f'"{letters}" is not a name: it ends with the function "{last}"; for the '
                f"product write {letters[:-1]}*{last}(...)",
            )
    hidden = next((c for c in letters if c in _ONLY_FUNCTIONS), None)
    if hidden is not None:
        raise error_at(
            src.text,
            at + letters.index(hidden),
            f'"{letters + tail}" is not a name: it contains the function "{hidden}"; write '
            f'{hidden}(...) with parentheses, or separate factors with "*"',
        )
    return None


def _greek_call(name: str, word: str, at: int, src: Any) -> Exception:
    """The error for a Greek letter (or pi) right before "(": not a function, not a product.

    Where the table has a function written with that letter, the error says how to write it:
    ``γ(x)``: "... for the gamma function write Γ(...) or gamma(...)".
    """
    what = "the constant pi" if name == "pi" else f"the Greek letter {name}"
    message = f'"{word}" before "(" is {what}, not a function; for the product write {word}*(...)'
    row = _LETTER_FUNCTIONS.get(name)
    if row is not None and name not in src.params:
        glyphs = [s for s in row.spellings if not s.isascii()]
        spelled = " or ".join(f"{s}(...)" for s in (*glyphs, row.name))
        message += f"; for the {row.name} function write {spelled}"
    return error_at(src.text, at, message)


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
