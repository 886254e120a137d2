"""Variable arguments: a name is what the lexer reads as one variable, in the input's context.

``diff(f, "x+y")`` once returned 0.  Here a variable argument is read by the parsing
layer's own lexer, with the definition's parameters declared, and must come out as one
variable: ``θ`` is ``theta``, ``x₁`` is ``x_1``, ``rate`` is one name only where it is
a parameter.  A name that occurs in the input as it is (a variable built with
``symdiff.var("rate")``) is taken as it is.  Anything else is an ``UnsupportedError``
naming it and saying what a name looks like.

>>> from symdiff.api import as_definition
>>> read_names([as_definition("f(rate) = rate*x")], ["rate", "θ", "x₁"])
['rate', 'theta', 'x1']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from .core.definition import Definition
from .core.walk import iter_vars
from .errors import SymdiffError, UnsupportedError

NAME_SHAPE = (
    "a variable name is a letter (Latin or Greek) with optional digits and _subscripts "
    "(x, x2, w_12, θ, x₁), or a parameter of the definition"
)

Reader = Callable[[str, tuple[str, ...]], tuple[str | None, str]]

# One Latin letter with digits and _digit subscripts (x, x2, w1_2_3): the lexer reads such
# a name as itself in every context (``e`` alone is the constant), so it is taken without
# lexing.  A gradient by the 1,674 weights of a network read each name through the lexer
# in 4 µs: 7 ms, a fifth of the whole call.
_PLAIN_NAME = re.compile(r"[A-Za-z][0-9]*(?:_[0-9]+)*")


def read_names(defs: Sequence[Definition], names: Iterable[str]) -> list[str]:
    """Each name as the lexer reads it where one of ``defs`` declares its parameters.

    >>> from symdiff.api import as_definition
    >>> read_names([as_definition("x")], ["2"])
    Traceback (most recent call last):
    symdiff.errors.UnsupportedError: '2' is not a variable name: a variable name is a letter \
(Latin or Greek) with optional digits and _subscripts (x, x2, w_12, θ, x₁), or a parameter \
of the definition
    """
    contexts = list(dict.fromkeys(d.params or () for d in defs))
    occurring: set[str] | None = None  # the variables of the inputs, gathered only if needed
    read = _reader()
    out: list[str] = []
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"a variable name is a str, not {type(name).__name__}")
        spelled, why = None, ""
        for params in contexts:
            spelled, why = read(name, params)
            if spelled is not None:
                break
        if spelled is None:
            if occurring is None:
                occurring = {v for d in defs for v in iter_vars(d.body)}
            if name not in occurring:
                raise UnsupportedError(f"{name!r} is not a variable name{why}: {NAME_SHAPE}")
            spelled = name  # built with var(): the expression names it so
        out.append(spelled)
    return out


def _reader() -> Reader:
    """How the lexer reads a text where some parameters are declared: one variable, or why not.

    The parser is imported here (not when symdiff is), once per :func:`read_names`.
    """
    from .parsing.lexing import Source, Tok, refine
    from .parsing.parser import scanner
    from .parsing.words import word_tokens

    scan = scanner().scan

    def read(text: str, params: tuple[str, ...]) -> tuple[str | None, str]:
        if text != "e" and _PLAIN_NAME.fullmatch(text) is not None:
            return text, ""
        source = Source(text, params=params)
        try:
            raw = scan(text)
            if len(raw) == 1 and raw[0] == ("WORD", text, 0, len(text)):  # what refine does
                tokens = [Tok(t) for t in word_tokens(text, 0, False, False, source)]
            else:
                tokens = refine(raw, source)
        except SymdiffError:
            return None, ""
        if len(tokens) == 1 and tokens[0].type == "NAME" and tokens[0][2:] == (0, len(text)):
            return tokens[0].value, ""
        if len(tokens) > 1 and all(t.type in ("NAME", "CONST") for t in tokens):
            return None, f" (it reads as {'*'.join(t.value for t in tokens)})"
        if len(tokens) == 1 and tokens[0].type in ("CONST", "FUNC"):
            what = "constant" if tokens[0].type == "CONST" else "function"
            return None, f" (it is the {what} {tokens[0].value})"
        return None, ""

    return read
