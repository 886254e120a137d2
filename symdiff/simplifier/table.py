"""The rows of the ``PASSES`` table, and the passes that act on each kind of node.

A pass module names its rule (``ID``), the node classes it acts on (``KINDS``),
its ``TITLE`` and an ``EXAMPLE``, beside ``applies(node)`` and ``rewrite(node, kids)``.

>>> from symdiff.simplifier import PASSES
>>> [p.id for p in PASSES][:3]
['identities', 'function-values', 'indicators']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from ..core.expr import Expr
from ..limits import Limits

Rewrite = Callable[[Expr, tuple[Expr, ...], Limits], Expr]


@dataclass(frozen=True, slots=True)
class Pass:
    """One row of the ``PASSES`` table: a rule id and the module that holds its rewrite.

    >>> from symdiff.simplifier import identities
    >>> Pass.of(identities).id
    'identities'
    """

    id: str
    module: ModuleType
    kinds: tuple[type[Expr], ...]
    title: str
    example: str

    @classmethod
    def of(cls, module: ModuleType) -> Pass:
        """The row of a pass module (its ``ID``, ``KINDS``, ``TITLE`` and ``EXAMPLE``).

        >>> from symdiff.simplifier import order_factors
        >>> Pass.of(order_factors).title
        'order factors'
        """
        return cls(module.ID, module, module.KINDS, module.TITLE, module.EXAMPLE)


Row = tuple[str, Callable[[Expr], bool], Rewrite]
_TABLES: dict[int, tuple[tuple[Pass, ...], dict[type, list[Row]]]] = {}  # id -> rows by class
TABLES_KEPT = 64  # pass tuples remembered (the simplifier has two); emptied when full


def rows_for(passes: tuple[Pass, ...], kind: type) -> list[Row]:
    """The passes acting on nodes of class ``kind``, in order: (rule id, applies, rewrite).

    >>> from symdiff.simplifier import PASSES
    >>> from symdiff.core.expr import Call
    >>> [rule for rule, _, _ in rows_for(PASSES, Call)]
    ['function-values']
    """
    table = _TABLES.get(id(passes))
    if table is None or table[0] is not passes:
        if len(_TABLES) >= TABLES_KEPT:  # callers building tuples per call: stay bounded
            _TABLES.clear()
        table = _TABLES[id(passes)] = (passes, {})  # keeps passes alive: the id stays its own
    rows = table[1].get(kind)
    if rows is None:
        rows = table[1][kind] = [
            (p.id, p.module.applies, p.module.rewrite) for p in passes if issubclass(kind, p.kinds)
        ]
    return rows
