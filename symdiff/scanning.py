"""The glue between Lark and symdiff's lexer: the grammar's terminals compiled into one scanner.

Lark builds the LALR table from ``grammar/symdiff.lark``; its lexer configuration gives the raw
terminal patterns, which :class:`Scanner` joins into one regular expression.
:func:`symdiff.lexing.refine` then turns the raw tokens into the ones the grammar's rules use.

>>> from symdiff.parser import scanner
>>> [kind for kind, _, _ in scanner().scan("2x^2")]
['NUMBER', 'WORD', 'POW', 'NUMBER']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lark.lexer import Lexer

from .hygiene import unexpected_character
from .lexing import Source, Tok, refine


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
        source.tokens = refine(self.scan(source.text), source)
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
