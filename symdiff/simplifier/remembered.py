"""The normal sub-expressions of an input, remembered while the input lives.

A derivative shares most of its nodes with its input: the 1,674 partials of a network's
loss hold the loss's own 3,425 nodes.  The simplifier finds those nodes normal on every
call, at the cost of visiting each.  Here an input's nodes that are their own normal form
(under the default passes and fold limit) are kept after the first call, and later calls
on the same input take them as known and do not enter them.

The store holds the input weakly and, for each, a tuple of its normal proper
sub-expressions (never the input itself, which would then live forever): the entry goes
with the input.  A node's normal form depends on the node alone, so what is remembered
stays true.

>>> from symdiff.core.expr import Var
>>> x = Var("x")
>>> f = x * x + 1
>>> remember(f, {x: x, x * x: x**2, f: f}, True)
>>> known(f, True) == {x: x}
True
"""

from __future__ import annotations

import threading
from weakref import WeakKeyDictionary

from ..core.expr import Expr
from ..core.walk import postorder

_NORMAL: WeakKeyDictionary[Expr, tuple[Expr, ...]] = WeakKeyDictionary()
_LOCK = threading.Lock()  # the weak dictionary is not safe for concurrent writers


def known(source: Expr, default: bool) -> dict[Expr, Expr]:
    """A memo that maps each remembered normal node of ``source`` to itself (``{}`` if none).

    ``default``: the call simplifies with the default passes and fold limit, the only
    setting remembered.

    >>> from symdiff.core.expr import Var
    >>> known(Var("x") + 2, True)
    {}
    """
    if not default:
        return {}
    with _LOCK:
        nodes = _NORMAL.get(source)
    return dict(zip(nodes, nodes, strict=True)) if nodes else {}


def remember(source: Expr, memo: dict[Expr, Expr], default: bool) -> None:
    """Keep the proper sub-expressions of ``source`` that ``memo`` maps to themselves.

    ``memo``: a finished simplification's normal forms.  Nothing is kept when
    ``default`` is false, or when ``source`` is already remembered.

    >>> from symdiff.core.expr import Var
    >>> y = Var("y")
    >>> g = y + 3
    >>> remember(g, {y: y}, False)
    >>> known(g, True)
    {}
    """
    if not default or not source.children:
        return
    with _LOCK:
        if source in _NORMAL:
            return
    nodes = tuple([n for n in postorder(source) if n is not source and memo.get(n) is n])
    with _LOCK:
        _NORMAL[source] = nodes


def forget() -> None:
    """Forget every input's remembered nodes (benchmarks time a first call so).

    >>> forget()
    """
    with _LOCK:
        _NORMAL.clear()
