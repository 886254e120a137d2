"""The raw scanner: the grammar's terminal patterns compiled into one regular expression.

The patterns come from ``grammar/symdiff.lark`` (through :mod:`symdiff.parsing.tables`);
:func:`symdiff.parsing.lexing.refine` then turns the raw tokens into the ones the grammar's
rules use.

The text is cut into pieces by one ``findall`` of the terminals (and any other single
character) in C, and each distinct piece is classified once, by the pattern with the
terminals' names: a terminal matches the same way wherever it is, as its patterns look at
no context (no look-around and no anchors; :class:`Scanner` refuses those), so the piece
alone tells which terminal matched.  The pieces tile the text, so the offsets are the
running sums of their lengths, and the tokens are made in C too: no Python code runs per
token.

>>> from symdiff.parsing.parser import scanner
>>> [t.type for t in scanner().scan("2x^2")]
['NUMBER', 'WORD', 'POW', 'NUMBER']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import accumulate, compress
from operator import itemgetter

from .hygiene import unexpected_character

# what a pattern may not contain: look-around, anchors and word boundaries (a "^" that
# starts a character class or is escaped is a character, not an anchor)
_CONTEXT = re.compile(r"\(\?<?[=!]|\\[bBAZ]|(?<![\\\[])[$^]")


class Tok(tuple[str, str, int, int]):
    """A token ``(type, value, start_pos, end_pos)``; positions are 0-based text offsets.

    A tuple, so that making one is cheap (a 1 MB input has up to a million tokens).

    >>> t = Tok(("NAME", "x", 0, 1))
    >>> t.type, t.value, t.start_pos, t.end_pos
    ('NAME', 'x', 0, 1)
    """

    __slots__ = ()
    type = property(itemgetter(0))
    value = property(itemgetter(1))
    start_pos = property(itemgetter(2))
    end_pos = property(itemgetter(3))

    def __repr__(self) -> str:
        return f"Tok({self[0]}, {self[1]!r})"


_KINDS_KEPT = 4096  # pieces whose terminal is remembered: the scanner's memory is bounded
_PIECE_KEPT = 64  # characters of the longest piece remembered


class _Kinds(dict[str, str]):
    """The terminal of each piece of text met lately ("": an ignored one), found on a miss.

    Shared by the scans (and threads) of one :class:`Scanner`: an entry is the same for all,
    and a lookup or a new entry is one atomic dict operation; when full, it starts afresh.
    """

    __slots__ = ("ignore", "named")

    def __init__(self, named: re.Pattern[str], ignore: frozenset[str]) -> None:
        super().__init__()
        self.named, self.ignore = named, ignore

    def __missing__(self, piece: str) -> str:
        found = self.named.match(piece)
        assert found is not None and found.end() == len(piece)  # the pieces are its matches
        kind = "" if found.lastgroup in self.ignore else found.lastgroup or ""
        if len(piece) <= _PIECE_KEPT:  # a long piece (a huge name) is not kept
            if len(self) >= _KINDS_KEPT:
                self.clear()
            self[piece] = kind
        return kind


class Scanner:
    """Scans text with the grammar's terminals, tried in the order given."""

    def __init__(self, terminals: Iterable[tuple[str, str]], ignore: Iterable[str]) -> None:
        terminals = tuple(terminals)
        for name, regexp in terminals:
            if _CONTEXT.search(regexp):
                raise ValueError(f"terminal {name}: a pattern may not look at context: {regexp}")
        groups = "|".join(f"(?P<{name}>{regexp})" for name, regexp in terminals)
        self.pattern = re.compile(groups + "|(?P<ERROR>.)", re.DOTALL)
        pieces = "|".join(f"(?:{regexp})" for _, regexp in terminals)
        self.pieces = re.compile(pieces + "|.", re.DOTALL)
        if self.pieces.groups:
            raise ValueError("terminal patterns may not capture: write (?:...) for a group")
        self.ignore = frozenset(ignore)
        self.kinds = _Kinds(self.pattern, self.ignore)

    def scan(self, text: str) -> list[Tok]:
        """Raw tokens ``(terminal, value, start, end)``, whitespace dropped.

        >>> Scanner([("NUMBER", "[0-9]+"), ("WS", " +")], ["WS"]).scan("1 23")
        [Tok(NUMBER, '1'), Tok(NUMBER, '23')]
        >>> _[1].start_pos, _[1].end_pos
        (2, 4)
        """
        pieces = self.pieces.findall(text)
        kinds = list(map(self.kinds.__getitem__, pieces))
        if "ERROR" in kinds:
            raise unexpected_character(text, sum(map(len, pieces[: kinds.index("ERROR")])))
        sizes = list(map(len, pieces))
        starts, ends = accumulate(sizes, initial=0), accumulate(sizes)  # (one start too many)
        raw = zip(kinds, pieces, starts, ends, strict=False)
        return list(map(Tok, compress(raw, kinds)))  # an ignored piece's kind is ""
