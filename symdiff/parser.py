"""Text -> expression: a lazily built Lark LALR parser that builds nodes while it parses.

The grammar is ``grammar/symdiff.lark``; ``symdiff/lexing.py`` refines its tokens (how words
split into variables, ``1(`` indicators, rational literals) and ``symdiff/parse_errors.py``
turns every failure into a ``ParseError`` that points at the original text.

Design:

* The grammar's callbacks run during the LALR reductions (``Lark(transformer=...)``), so no
  parse tree is built and nothing recurses: 100,000 nested parentheses parse.
* A chain of terms (``a + b - c``) is collected in a list and becomes ONE n-ary ``Add`` when
  the chain ends; likewise a chain of factors, explicit or implicit, is one ``Mul``.
  Parentheses end a chain, so ``x*(y*z)`` stays nested.
* A definition ``f(x, y) = body`` is recognised by a regular expression before parsing; the
  header is blanked out (columns of the body stay those of the full text) and the body is
  parsed knowing the parameters (multi-letter ones become atomic) and the defined name (an
  abstract function inside the body).
* Letter runs before "(": a single letter f, g, h (or the defined name) is a call, any other
  single letter multiplies; ``2yz(x+1)`` (a run continuing an implicit product) splits and its
  last letter decides; other unknown runs (``foo(x)``, ``sinh(x)``) are unknown functions.

>>> str(parse("3x^3z - y^2"))
'3*x^3*z - y^2'
>>> parse_definition("f(rate, time) = rate*time").params
('rate', 'time')
"""

from __future__ import annotations

import re
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from .ast import MINUS_ONE, Add, Call, Const, Expr, Indicator, Mul, Num, Pow, Var, neg
from .definition import Definition
from .errors import ParseError, SymdiffError, UnsupportedError
from .functions import ALIASES, GREEK, GREEK_LETTERS, KNOWN, arity_ok
from .limits import DEFAULT_LIMITS, Limits
from .parse_errors import check_text, error_at, from_lark, where

_GRAMMAR = ("grammar", "symdiff.lark")
_NAME = r"(?:[A-Za-z]+|[" + "".join(GREEK_LETTERS) + r"])[0-9]*(?:_(?:[0-9]+|[A-Za-z]+[0-9]*))*"
_HEADER = re.compile(r"\s*(?P<name>\w+)\s*\((?P<params>[^()=]*)\)\s*=")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789- ")
_LOCK = threading.Lock()
_CACHE: list[Any] = []


def _grammar_file() -> Any:
    """The grammar as a package resource (built wheel) or a file of the source tree."""
    try:
        packaged = resources.files("symdiff") / _GRAMMAR[0] / _GRAMMAR[1]
        if packaged.is_file():
            return packaged
    except (ModuleNotFoundError, TypeError, ValueError, OSError):  # pragma: no cover
        pass
    source = Path(__file__).resolve().parent.parent.joinpath(*_GRAMMAR)
    if source.is_file():
        return source
    raise FileNotFoundError(  # pragma: no cover - a broken installation
        "symdiff's grammar file grammar/symdiff.lark is missing: it is neither in the installed "
        "package (symdiff/grammar/) nor next to the source tree; reinstall symdiff"
    )


def grammar_path() -> Path:
    """Where ``symdiff.lark`` is: inside the installed package, else in the source tree.

    >>> grammar_path().name
    'symdiff.lark'
    """
    return Path(str(_grammar_file()))


def load_grammar() -> str:
    """The text of the grammar.

    >>> load_grammar().startswith("// The input language of symdiff")
    True
    """
    return str(_grammar_file().read_text(encoding="utf-8"))


def _lark() -> Any:
    """The Lark parser, built on first use (importing symdiff stays fast)."""
    if not _CACHE:
        with _LOCK:
            if not _CACHE:
                from lark import Lark

                from .lexing import KeepWords, Scanner

                _CACHE.append(
                    Lark(
                        load_grammar(),
                        parser="lalr",
                        lexer=Scanner,
                        transformer=_Builder(),
                        postlex=KeepWords(),
                    )
                )
    return _CACHE[0]


def parse(text: str, limits: Limits = DEFAULT_LIMITS) -> Expr:
    """The expression of ``text``; for a definition ``f(x) = body``, the body.

    >>> str(parse("2(x+1)(x-1)")), str(parse("f(x, y) = x*y"))
    ('2*(x + 1)*(x - 1)', 'x*y')
    """
    return parse_definition(text, limits).body


def parse_definition(text: str, limits: Limits = DEFAULT_LIMITS) -> Definition:
    """Parse an expression or a definition ``name(params) = body``.

    >>> d = parse_definition("h(x) = 3(2x^2)^5")
    >>> d.name, d.params, str(d.body)
    ('h', ('x',), '3*(2*x^2)^5')
    >>> parse_definition("x + 1").name is None
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() needs a str, not {type(text).__name__}")
    unclosed = check_text(text, limits)
    from .lexing import Source

    source = Source(text, limits)
    after = "at the start"
    header = _HEADER.match(text) if "=" in text else None
    if header is not None:
        source.name, source.params = _signature(text, header)
        source.text = re.sub(r"[^\n]", " ", header[0]) + text[header.end() :]
        after = 'after "="'
        if not source.text.strip():
            raise error_at(text, header.end(), 'expected an expression after "="', "an expression")
    elif "=" in text:
        raise error_at(
            text,
            text.index("="),
            'unexpected "=": only a definition such as "f(x, y) = x*y" contains "="',
        )
    lark = _lark()
    from lark.exceptions import UnexpectedToken

    try:
        body = lark.parse(source)
    except UnexpectedToken as exc:
        raise from_lark(exc, text, source.tokens, unclosed, after) from None
    except _Problem as problem:
        raise problem.located(text) from None
    return Definition(body, source.name, source.params if header is not None else None)


def _signature(text: str, header: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    """Name and parameters of a definition header, checked."""
    name = header["name"]
    if not re.fullmatch(_NAME, name) or not name.isascii():
        raise error_at(text, header.start("name"), f'"{name}" cannot name a function')
    if name in KNOWN or name in ALIASES or name in GREEK or name in ("e", "pi"):
        raise error_at(text, header.start("name"), f'"{name}" is built in; it cannot be defined')
    params: list[str] = []
    offset = header.start("params")
    for part in header["params"].split(","):
        pos = offset + len(part) - len(part.lstrip())
        offset += len(part) + 1
        param = part.strip()
        if not re.fullmatch(_NAME, param):
            what = f'"{param}" is not' if param else "expected"
            raise error_at(text, pos, f"{what} a parameter name", "a variable")
        param = GREEK_LETTERS.get(param[0], param[0]) + param[1:] if not param.isascii() else param
        if param in params or param == name or param in KNOWN or param in ALIASES:
            why = "repeated" if param in params else "not allowed as a parameter"
            raise error_at(text, pos, f'parameter "{param}" is {why}', "a variable")
        params.append(param)
    return name, tuple(params)


class _Problem(Exception):
    """An error found while building nodes; ``parse_definition`` adds where it is."""

    def __init__(self, error: type[SymdiffError], pos: int, message: str) -> None:
        super().__init__(message)
        self.error, self.pos, self.message = error, pos, message

    def located(self, text: str) -> SymdiffError:
        if self.error is ParseError:
            return error_at(text, self.pos, self.message)
        return self.error(f"{self.message} (at {where(text, self.pos)})")


class _Terms(list):  # type: ignore[type-arg]
    """The terms of a sum chain still being parsed."""

    __slots__ = ()


class _Factors(list):  # type: ignore[type-arg]
    """The factors of a product chain still being parsed."""

    __slots__ = ()


def _done(value: Any) -> Expr:
    """Close a chain: the collected terms or factors become one n-ary node."""
    kind = type(value)
    if kind is _Factors:
        return Mul(tuple(value))
    if kind is _Terms:
        return Add(tuple(value))
    return value  # type: ignore[no-any-return]


class _Builder:
    """One callback per grammar alias; each gets the rule's children as a list."""

    def start(self, c: list[Any]) -> Expr:
        return _done(c[0])

    def add(self, c: list[Any]) -> _Terms:
        left = c[0]
        if type(left) is _Terms:
            left.append(_done(c[1]))
            return left
        return _Terms((_done(left), _done(c[1])))

    def sub(self, c: list[Any]) -> _Terms:
        return self.add([c[0], neg(_done(c[1]))])

    def neg(self, c: list[Any]) -> Expr:
        return neg(_done(c[0]))

    def mul(self, c: list[Any]) -> _Factors:
        left = c[0]
        if type(left) is _Factors:
            left.append(c[1])
            return left
        return _Factors((left, c[1]))

    def div(self, c: list[Any]) -> _Factors:
        return self.mul([c[0], Pow(c[1], MINUS_ONE)])

    def pow(self, c: list[Any]) -> Expr:
        exp = c[1]
        if not isinstance(exp, Expr):  # a SUPERSCRIPT token
            exp = Num(int(exp.value.translate(_SUPERSCRIPTS).replace(" ", "")))
        return Pow(c[0], exp)

    def number(self, c: list[Any]) -> Expr:
        return Num(c[0].value)

    def rational(self, c: list[Any]) -> Expr:
        return Num(c[0].value)

    def variable(self, c: list[Any]) -> Expr:
        return Var(c[0].value)

    def constant(self, c: list[Any]) -> Expr:
        return Const(c[0].value)

    def group(self, c: list[Any]) -> Expr:
        return _done(c[0])

    def greater(self, c: list[Any]) -> Expr:
        return Indicator(_done(c[0]), _done(c[1]))

    def less(self, c: list[Any]) -> Expr:
        return Indicator(_done(c[1]), _done(c[0]))

    def args(self, c: list[Any]) -> tuple[Expr, ...]:
        return tuple(_done(a) for a in c)

    def derivative(self, c: list[Any]) -> list[Any]:
        return c

    def call(self, c: list[Any]) -> Expr:
        token, args = c
        if not arity_ok(token.value, len(args)):
            wanted = KNOWN[token.value]
            count = "at least 1 argument" if wanted is None else f"{wanted} argument"
            count += "s" if wanted not in (None, 1) else ""
            message = f"{token.value}() takes {count}, not {len(args)}"
            raise _Problem(UnsupportedError, token.start_pos, message)
        return Call(token.value, args)

    def abstract(self, c: list[Any]) -> Expr:
        token, args = c[0], c[-1]
        if len(c) == 2:
            return Call(token.value, args)
        return Call(token.value, args, _positions(token.value, c[1], len(args)))


def _positions(name: str, mark: list[Any], count: int) -> tuple[int, ...]:
    """0-based argument positions of ``f'``, ``f''``, ``g'[2]``, ``g''[1,2]``."""
    primes, given = mark[0], mark[1:]
    order = len(primes.value)
    if not given:
        if count != 1:
            message = f"{name}{primes.value} of {count} arguments needs argument positions"
            raise _Problem(ParseError, primes.start_pos, f"{message}, as in {name}'[1](...)")
        return (0,) * order
    if len(given) != order:
        raise _Problem(
            ParseError, primes.start_pos, f"{order} prime(s) but {len(given)} argument position(s)"
        )
    for pos in given:
        if not pos.value.isdigit() or not 1 <= int(pos.value) <= count:
            message = f"argument position {pos.value} is not one of 1..{count} of {name}"
            raise _Problem(ParseError, pos.start_pos, message)
    return tuple(int(p.value) - 1 for p in given)


__all__ = ["grammar_path", "load_grammar", "parse", "parse_definition"]
