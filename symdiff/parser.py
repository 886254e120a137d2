"""Text -> expression: the grammar's LALR table, run by a lean driver that builds nodes.

The grammar is ``grammar/symdiff.lark``.  Lark builds its LALR(1) table once, lazily;
:mod:`symdiff.lexing` scans and refines the tokens (how words split into variables, ``1(``
indicators, rational literals), :mod:`symdiff.lalr` runs the table with the callbacks of
:mod:`symdiff.ast_builder`, and :mod:`symdiff.parse_errors` turns every failure into a
``ParseError`` that points at the original text.

Design:

* Nodes are built during the reductions, so no parse tree is built and nothing recurses:
  100,000 nested parentheses parse.  Every limit of :class:`~symdiff.limits.Limits` that
  concerns text (size, depth, digits, derivative order, distinct nodes, time) is checked
  while parsing, before anything large is built.
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

from .ast import Expr, bulk, count_nodes
from .ast_builder import Builder, Problem
from .definition import Definition
from .errors import LimitError
from .functions import ALIASES, GREEK, GREEK_LETTERS, KNOWN
from .hygiene import check_text
from .limits import DEFAULT_LIMITS, Limits
from .parse_errors import error_at, unexpected_token

_GRAMMAR = ("grammar", "symdiff.lark")
_NAME = r"(?:[A-Za-z]+|[" + "".join(GREEK_LETTERS) + r"])[0-9]*(?:_(?:[0-9]+|[A-Za-z]+[0-9]*))*"
_HEADER = re.compile(r"\s*(?P<name>\w+)\s*\((?P<params>[^()=]*)\)\s*=")
_LOCK = threading.Lock()
_CACHE: dict[str, Any] = {}


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


def _build() -> dict[str, Any]:
    """Lark's parser object, its table flattened for the driver, and the scanner."""
    if not _CACHE:
        with _LOCK:
            if not _CACHE:
                from lark import Lark

                from .lalr import compile_table
                from .scanning import KeepWords, Scanner

                lark = Lark(
                    load_grammar(),
                    parser="lalr",
                    lexer=Scanner,
                    transformer=Builder(),
                    postlex=KeepWords(),
                )
                _CACHE.update(table=compile_table(lark), scanner=Scanner(lark.lexer_conf))
                _CACHE["lark"] = lark
    return _CACHE


def table() -> Any:
    """The LALR table of the grammar, ready for :func:`symdiff.lalr.run`.

    >>> table().start >= 0
    True
    """
    return _build()["table"]


def grammar_object() -> Any:
    """The ``lark.Lark`` object of the grammar, e.g. for ``hypothesis.extra.lark.from_lark``.

    Its terminals listed by ``%declare`` (NAME, FUNC, ...) are made by the lexer, not by
    patterns, so a string generator needs explicit strategies for them.

    >>> sorted(grammar_object().options.start)
    ['start']
    """
    return _build()["lark"]


def scanner() -> Any:
    """The scanner compiled from the grammar's terminals.

    >>> [kind for kind, _, _ in scanner().scan("x^2")]
    ['WORD', 'POW', 'NUMBER']
    """
    return _build()["scanner"]


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
    from .lalr import Mismatch, run
    from .lexing import refine

    source.tokens = refine(scanner().scan(source.text), source)
    try:
        with bulk():  # no garbage-collector passes over the new nodes: they form no cycles
            body = run(table(), source.tokens, limits, text)
    except Mismatch as bad:
        raise unexpected_token(bad.names, bad.token, text, source.tokens, unclosed, after) from None
    except Problem as problem:
        raise problem.located(text) from None
    # a token makes at most 3 nodes (x/y: y, y^-1 and the product), so counting is rare
    if 3 * len(source.tokens) + 3 > limits.max_nodes:
        nodes = count_nodes(body)
        if nodes > limits.max_nodes:
            raise LimitError(
                f"the expression has {nodes} distinct nodes; the limit is {limits.max_nodes} "
                "(max_nodes)"
            )
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


__all__ = ["grammar_object", "grammar_path", "load_grammar", "parse", "parse_definition"]
