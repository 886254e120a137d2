"""A lean LALR(1) driver over the parse table of ``grammar/symdiff.lark``.

Lark computes the table from the grammar; :mod:`symdiff.parsing.regenerate` flattens it into
plain data, shipped as :mod:`symdiff.parsing.tables`, and
:mod:`symdiff.parsing.lalr_table` binds each rule to its :mod:`symdiff.parsing.builder`
callback as Lark would.  This loop only runs them.  It is Lark's own algorithm with the
bookkeeping a hostile input needs and without per-token overhead, so a 1 MB input parses
in about a second:

* the *nesting depth* -- open parentheses, calls, powers and unary signs whose operand is not yet
  complete -- is counted as tokens are shifted and reduced, and more than
  ``Limits.max_depth`` raises ``LimitError`` at the token that opens one level too many
  (``x^x^...``, ``----x`` and ``sin(sin(...))`` as much as ``((( )))``);
* the call's deadline (``Limits.check_time``) is polled every few thousand tokens;
* on a token the grammar cannot take, :func:`accepted` lists what could have come instead
  (by simulating the reductions on a copy of the state stack), for the error message.

Unit rules (``?sum: term``) pass their child through without a call.

>>> from symdiff.parsing.parser import parse
>>> str(parse("-x^2 + 2(y+1)"))
'-x^2 + 2*(y + 1)'
"""

from __future__ import annotations

from typing import Any

from ..errors import LimitError
from ..limits import Limits
from .errors import where
from .lalr_table import OPENERS, SIGNS, Table
from .scanning import Tok

_OPERAND_END = frozenset(
    {"NUMBER", "RATIONAL", "NAME", "CONST", "_RPAR", "SUPERSCRIPT", "_BAR_CLOSE", "_ARG_CLOSE"}
)
_END = "$END"
_CHECK_EVERY = 4096  # tokens between two looks at the clock
_tok = tuple.__new__


class Mismatch(Exception):
    """The grammar cannot take ``token``; ``names`` are the terminals it could take."""

    def __init__(self, token: Tok, names: frozenset[str]) -> None:
        super().__init__(token.type)
        self.token, self.names = token, names


def run(table: Table, tokens: list[Tok], limits: Limits, text: str) -> Any:
    """Parse ``tokens``; the value the start rule's callback returns.

    Raises :class:`Mismatch` on a token the grammar cannot take (the end of the input is a
    token of type ``$END``), ``LimitError`` when the nesting is too deep or time runs out.
    """
    actions, rules, end = table.actions, table.rules, table.end
    chains: dict[tuple[int, str, str], int] = {}
    states: list[int] = [table.start]
    values: list[Any] = []
    depth, max_depth = 0, limits.max_depth
    last = ""  # the type of the previous token
    at = tokens[-1][3] if tokens else len(text)
    stream = [*tokens, _tok(Tok, (_END, "", at, at))]  # the end, just after the last token
    for chunk in range(0, len(stream), _CHECK_EVERY):
        limits.check_time("parsing")
        for token in stream[chunk : chunk + _CHECK_EVERY]:
            kind = token[0]
            row = actions[states[-1]]
            while True:
                act = row.get(kind)
                if act is None:
                    raise Mismatch(token, accepted(table, states))
                if act >= 0:
                    states.append(act)
                    values.append(token)
                    if kind in OPENERS or (kind in SIGNS and last not in _OPERAND_END):
                        depth += 1
                        if depth > max_depth:
                            raise LimitError(
                                f"nesting depth at {where(text, token[2])} exceeds the "
                                f"limit {max_depth} (max_depth)"
                            )
                    last = kind
                    break
                rule = rules[~act]
                callback = rule.callback
                if callback is None:
                    states.pop()
                else:
                    size = rule.size
                    if size == 1:
                        values[-1] = callback(values[-1:])
                        states.pop()
                    else:
                        kids = values[-size:]
                        del values[-size:]
                        del states[-size:]
                        values.append(callback(kids))
                    depth -= rule.opens
                key = (states[-1], rule.origin, kind)
                target = chains.get(key)
                if target is None:
                    target = chains[key] = _settle(table, key)
                states.append(target)
                if target == end and kind == _END:
                    return values[-1]
                row = actions[target]
    raise AssertionError("the end token is always accepted or refused")  # pragma: no cover


def _settle(table: Table, key: tuple[int, str, str]) -> int:
    """The state after the goto of ``key = (state, nonterminal, lookahead)``.

    Unit reductions that follow it (``?sum: term``) change no value and are taken at once.
    """
    below, origin, kind = key
    target = table.actions[below][origin]
    while target != table.end:
        act = table.actions[target].get(kind)
        if act is None or act >= 0 or table.rules[~act].callback is not None:
            break
        target = table.actions[below][table.rules[~act].origin]
    return target


def accepted(table: Table, states: list[int]) -> frozenset[str]:
    """The terminals the parser in ``states`` can shift next (after any reductions).

    Each candidate is tried on a view of the stack (the untouched part of ``states``
    below an index, plus the states pushed since), never on a copy: the cost is the
    reductions taken, not the depth of the stack, however deep the input nests.

    >>> from symdiff.parsing.parser import table
    >>> sorted(accepted(table(), [table().start]))[:4]
    ['ABSTRACT', 'CONST', 'FUNC', 'NAME']
    """
    found = set()
    for kind in table.actions[states[-1]]:
        if kind.isupper() and kind != _END and _shifts(table, states, kind):
            found.add(kind)
    return frozenset(found)


def _shifts(table: Table, states: list[int], kind: str) -> bool:
    """Whether ``kind`` is shifted after the reductions it causes (``states`` is not changed)."""
    below = len(states)  # states[:below] are untouched
    pushed: list[int] = []  # the states pushed on top of them
    while True:
        top = pushed[-1] if pushed else states[below - 1]
        act = table.actions[top].get(kind)
        if act is None:
            return False
        if act >= 0:
            return True
        rule = table.rules[~act]
        size = rule.size
        if size:
            dropped = min(size, len(pushed))
            del pushed[len(pushed) - dropped :]
            below -= size - dropped
        top = pushed[-1] if pushed else states[below - 1]
        pushed.append(table.actions[top][rule.origin])
