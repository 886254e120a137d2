"""The raw scanner: the grammar's terminal patterns compiled into one regular expression.

The patterns come from ``grammar/symdiff.lark`` (through :mod:`symdiff.parsing.tables`);
:func:`symdiff.parsing.lexing.refine` then turns the raw tokens into the ones the grammar's
rules use.

>>> from symdiff.parsing.parser import scanner
>>> [kind for kind, _, _ in scanner().scan("2x^2")]
['NUMBER', 'WORD', 'POW', 'NUMBER']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .hygiene import unexpected_character


class Scanner:
    """Scans text with the grammar's terminals, tried in the order given."""

    def __init__(self, terminals: Iterable[tuple[str, str]], ignore: Iterable[str]) -> None:
        groups = "|".join(f"(?P<{name}>{regexp})" for name, regexp in terminals)
        self.pattern = re.compile(groups + "|(?P<ERROR>.)", re.DOTALL)
        self.ignore = frozenset(ignore)

    def scan(self, text: str) -> list[tuple[str, int, int]]:
        """Raw ``(terminal, start, end)`` triples, whitespace dropped.

        >>> Scanner([("NUMBER", "[0-9]+"), ("WS", " +")], ["WS"]).scan("1 2")
        [('NUMBER', 0, 1), ('NUMBER', 2, 3)]
        """
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
