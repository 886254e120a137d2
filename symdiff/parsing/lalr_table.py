"""The driver's table: the grammar's tables as data, and each rule bound to its callback.

:mod:`symdiff.parsing.regenerate` derives a :class:`TableData` from Lark and ships it as
:mod:`symdiff.parsing.tables`; :func:`compile_table` turns it into the :class:`Table` that
:func:`symdiff.parsing.lalr.run` runs, with each reduction calling the
:class:`symdiff.parsing.builder.Builder` method Lark would call, on the children Lark would pass.

>>> from symdiff.parsing.parser import table
>>> table().rules[0].origin
'start'
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Any

# the tokens that open a nesting level, counted against Limits.max_depth
OPENERS = frozenset({"_LPAR", "_INDICATOR_OPEN", "POW", "_BAR_OPEN", "ROOT"})
SIGNS = frozenset({"_MINUS", "_PLUS"})  # a level when unary: not after an operand


@dataclass(frozen=True, slots=True)
class Rule:
    """A grammar rule as the driver needs it."""

    size: int  # symbols on the right-hand side
    origin: str  # the nonterminal it reduces to
    callback: Any  # None: pass the single child through
    opens: int  # OPENERS among its symbols: the depth its reduction closes


@dataclass(frozen=True, slots=True)
class Table:
    """Actions per state: a shift to state ``s >= 0`` or a reduction by ``rules[~a]``."""

    actions: tuple[dict[str, int], ...]
    rules: tuple[Rule, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TableData:
    """The grammar's tables as plain data.

    :mod:`symdiff.parsing.regenerate` makes them; :mod:`symdiff.parsing.tables` ships them.
    ``actions[state][symbol]`` is a shift (or goto) to state ``s >= 0`` or a reduction by
    ``rules[~a]``; a rule is ``(size, origin, name, keep, expand1, opens)``.
    """

    grammar: str  # the text the tables were made from
    terminals: tuple[tuple[str, str], ...]  # raw terminals (name, regexp), in scanning order
    ignore: tuple[str, ...]  # terminals the scanner drops
    actions: tuple[dict[str, int], ...]
    rules: tuple[tuple[int, str, str, tuple[tuple[int, bool], ...] | None, bool, int], ...]
    start: int
    end: int


def compile_table(data: TableData, builder: Any) -> Table:
    """The driver's table: ``data`` with each rule's callback bound to ``builder``.

    A callback does what Lark's parse-tree builder does with a rule's children: drop the
    filtered terminals, splice in the children of inlined ``_rules``, pass a single child of a
    ``?rule`` through, and call ``builder``'s method of the rule's name with the rest.

    >>> from symdiff.parsing.builder import Builder
    >>> from symdiff.parsing import tables as t
    >>> data = TableData(t.GRAMMAR, t.TERMINALS, t.IGNORE, t.ACTIONS, t.RULES, t.START, t.END)
    >>> compile_table(data, Builder()).rules[2].origin
    'sum'
    """
    rules = tuple(
        Rule(size, origin, _callback(builder, name, keep, expand1, size), opens)
        for size, origin, name, keep, expand1, opens in data.rules
    )
    return Table(data.actions, rules, data.start, data.end)


def _callback(
    builder: Any, name: str, keep: tuple[tuple[int, bool], ...] | None, expand1: bool, size: int
) -> Any:
    """The reduction callback of one rule (None: pass the single child through)."""
    method = getattr(builder, name, None)  # none for an inlined _rule: its children, as a list
    if keep is None:
        if expand1 and size == 1:
            return None
        return method if method is not None else list
    if expand1 and len(keep) == 1 and not keep[0][1]:
        return itemgetter(keep[0][0])
    spliced = any(splice for _, splice in keep)
    spaced = None if spliced else _as_slice([i for i, _ in keep])
    if method is not None and not expand1 and spaced is not None:
        # the common case, x + y: no child spliced, the kept ones evenly spaced
        def call_spaced(children: list[Any]) -> Any:
            return method(children[spaced])

        return call_spaced

    def call(children: list[Any]) -> Any:
        kept: list[Any] = []
        for i, splice in keep:
            if splice:  # an inlined _rule's list; taken over, not copied, when it comes first
                if kept:
                    kept += children[i]
                else:
                    kept = children[i]  # (left recursion: a long list grows in place)
            else:
                kept.append(children[i])
        if expand1 and len(kept) == 1:
            return kept[0]
        return method(kept) if method is not None else kept

    return call


def _as_slice(positions: list[int]) -> slice | None:
    """``positions`` as one slice, when they are evenly spaced (else None).

    >>> _as_slice([0, 2]), _as_slice([1]), _as_slice([0, 1, 3])
    (slice(0, 3, 2), slice(1, 2, 1), None)
    """
    if not positions:
        return None
    step = positions[1] - positions[0] if len(positions) > 1 else 1
    if step > 0 and positions == list(range(positions[0], positions[-1] + 1, step)):
        return slice(positions[0], positions[-1] + 1, step)
    return None
