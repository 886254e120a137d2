"""Derive the parser's tables from ``grammar/symdiff.lark`` with Lark, and write them out.

The grammar file is the only definition of the language.  Lark builds its LALR(1) table
from it; this module flattens that table into plain data
(:class:`symdiff.parsing.lalr_table.TableData`)
and writes it as the Python module :mod:`symdiff.parsing.tables`, so that a parse needs neither
Lark nor the ~100 ms its table construction takes.  ``python -m symdiff.parsing.regenerate``
regenerates the module after the grammar changes; ``--check`` only reports whether it is
current (the tests run that check), and a parse falls back to deriving the tables here when
the shipped module does not match the grammar file.

The data is canonical: states are numbered breadth-first from the start state, following
symbols in sorted order, so the same grammar always gives the same text (Lark's own
numbering depends on string hashing).  Rules keep the grammar's order.

Each rule records what Lark's parse-tree builder would do with its children, so the driver
can run :class:`symdiff.parsing.builder.Builder` exactly as Lark would:

* ``keep``: the positions passed on (terminals named ``_X`` are dropped) and whether the
  child is an inlined ``_rule`` whose children are spliced in; ``None`` when all are kept;
* ``expand1``: a ``?rule`` without alias, whose single remaining child passes through;
* ``name``: the callback (the alias, else the rule's name).

>>> data = derive(lark_parser())
>>> data.rules[2][:3], data.start
((3, 'sum', 'add'), 0)
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lark import Lark
from lark.lexer import Lexer, Token
from lark.parsers.lalr_analysis import Shift

from .builder import Builder
from .grammar import load_grammar
from .lalr_table import OPENERS, SIGNS, TableData
from .lexing import Source, Tok, refine
from .scanning import Scanner

MODULE = Path(__file__).with_name("tables.py")
_HEADER = '''"""The parser's tables, generated from grammar/symdiff.lark.

Do not edit: run ``python -m symdiff.parsing.regenerate`` after changing the grammar.
"""

# fmt: off
'''


class LarkScanner(Lexer):
    """Lark's custom-lexer hook around :class:`~symdiff.parsing.scanning.Scanner`."""

    __future_interface__ = 2

    def __init__(self, conf: Any) -> None:
        self.scanner = Scanner(_terminals(conf), tuple(conf.ignore))

    def lex(self, state: Any, parser_state: Any) -> Iterator[Token]:
        """Scan and refine the whole source (refinement looks ahead)."""
        source: Source = state.text
        source.tokens = refine(self.scanner.scan(source.text), source)
        for kind, value, start, end in source.tokens:
            yield Token(kind, value, start, 1, start + 1, end_pos=end)


class KeepWords:
    """A do-nothing post-lexer whose only job is to keep the raw WORD and BAR terminals."""

    always_accept = ("WORD", "BAR")

    def process(self, stream: Iterator[Tok]) -> Iterator[Tok]:
        """Pass the tokens through."""
        return stream


def lark_parser() -> Lark:
    """Lark's LALR parser of the grammar, building nodes with :class:`Builder` callbacks.

    Its ``parse`` takes a :class:`symdiff.parsing.lexing.Source` (tests compare it with the driver).

    >>> from symdiff.parsing.lexing import Source
    >>> str(lark_parser().parse(Source("2x + 1")))
    '2*x + 1'
    """
    return Lark(
        load_grammar(),
        parser="lalr",
        lexer=LarkScanner,
        transformer=Builder(),
        postlex=KeepWords(),
    )


def _terminals(conf: Any) -> tuple[tuple[str, str], ...]:
    """The raw terminals as ``(name, regexp)``, in the order the scanner must try them."""
    terms = sorted(
        conf.terminals,
        key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name),
    )
    return tuple((t.name, t.pattern.to_regexp()) for t in terms)


def _rule_row(rule: Any) -> tuple[int, str, str, tuple[tuple[int, bool], ...] | None, bool, int]:
    """``(size, origin, name, keep, expand1, opens)`` of one Lark rule."""
    options = rule.options
    if options.keep_all_tokens or options.empty_indices:
        raise ValueError(f"{rule}: '!' rules and [optional] placeholders are not supported")
    names = [s.name for s in rule.expansion]
    keep = tuple(
        (i, not s.is_term and s.name.startswith("_"))
        for i, s in enumerate(rule.expansion)
        if not (s.is_term and s.filter_out)
    )
    expand1 = bool(options.expand1 and not rule.alias)
    name = str(rule.alias or rule.origin.name)
    passes_through = expand1 and len(keep) == 1 and not keep[0][1]
    if not (passes_through or name.startswith("_") or hasattr(Builder, name)):
        raise ValueError(f"{rule}: symdiff.parsing.builder.Builder has no method {name!r}")
    opens = sum(n in OPENERS for n in names) + (bool(names) and names[0] in SIGNS)
    plain = len(keep) == len(names) and not any(splice for _, splice in keep)
    return (len(names), str(rule.origin.name), name, None if plain else keep, expand1, opens)


def derive(lark: Lark) -> TableData:
    """The tables of a ``Lark(parser="lalr")`` object, canonically numbered."""
    table = lark.parser.parser.parser.parse_table
    states = table.states
    (start,) = table.start_states.values()
    (end,) = table.end_states.values()
    number = {start: 0}
    queue = deque([start])
    while queue:
        for _, (action, arg) in sorted(states[queue.popleft()].items()):
            if action is Shift and arg not in number:
                number[arg] = len(number)
                queue.append(arg)
    rule_index = {id(rule): i for i, rule in enumerate(lark.rules)}
    actions: list[dict[str, int]] = [{} for _ in number]
    for old, new in number.items():
        for symbol, (action, arg) in sorted(states[old].items()):
            actions[new][str(symbol)] = number[arg] if action is Shift else ~rule_index[id(arg)]
    return TableData(
        grammar=load_grammar(),
        terminals=_terminals(lark.lexer_conf),
        ignore=tuple(sorted(lark.lexer_conf.ignore)),
        actions=tuple(actions),
        rules=tuple(_rule_row(rule) for rule in lark.rules),
        start=number[start],
        end=number[end],
    )


def render(data: TableData) -> str:
    """The text of the :mod:`symdiff.parsing.tables` module for ``data``."""
    lines = [_HEADER]
    lines.append(f"GRAMMAR = {data.grammar!r}\n")
    lines.append(f"TERMINALS = {data.terminals!r}\n")
    lines.append(f"IGNORE = {data.ignore!r}\n")
    lines.append(
        "ACTIONS: tuple[dict[str, int], ...] = (\n"
        + "".join(f"    {row!r},\n" for row in data.actions)
        + ")\n"
    )
    lines.append("RULES = (\n" + "".join(f"    {row!r},\n" for row in data.rules) + ")\n")
    lines.append(f"START = {data.start!r}\nEND = {data.end!r}\n")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Write :mod:`symdiff.parsing.tables` (``--check``: exit 1 if it is not current)."""
    args = sys.argv[1:] if argv is None else argv
    text = render(derive(lark_parser()))
    current = MODULE.read_text(encoding="utf-8") if MODULE.exists() else ""
    if "--check" in args:
        if current != text:
            print(f"{MODULE.name} is out of date: run python -m symdiff.parsing.regenerate")
            return 1
        print(f"{MODULE.name} is current")
        return 0
    if current != text:
        MODULE.write_text(text, encoding="utf-8")
    print(f"wrote {MODULE.name}" if current != text else f"{MODULE.name} was current")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
