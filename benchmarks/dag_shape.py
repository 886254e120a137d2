"""A hash of the structure of result DAGs: two runs built the very same result or not.

Used by the worker processes of ``parsing.py --against`` and ``against.py``, which compare
two checkouts: node identities differ between processes, the structure must not.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from symdiff.core.expr import Expr
from symdiff.core.walk import postorder


def shape(results: Sequence[Expr]) -> str:
    """The first 16 hex digits of a hash of the results' nodes, children before parents."""
    index: dict[int, int] = {}
    rows: list[list[object]] = []
    for result in results:
        for node in postorder(result):
            if id(node) in index:
                continue
            row: list[object] = [type(node).__name__]
            for field in node._fields:
                value = getattr(node, field)
                if isinstance(value, Expr):
                    row.append(index[id(value)])
                elif isinstance(value, tuple) and value and isinstance(value[0], Expr):
                    row.append(tuple(index[id(v)] for v in value))
                else:
                    row.append(repr(value))
            index[id(node)] = len(rows)
            rows.append(row)
        rows.append(["result", index[id(result)]])
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:16]
