"""Interning: one table per node class, weak references, and the one helper that files a node.

Equal trees are one object: a constructor looks its key up and, only when no live node
has it, makes the node and files it with :func:`file`.  Freed nodes drop out of their
table by themselves.

>>> from symdiff.core.expr import Var
>>> Var("x") is Var("x")
True
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Hashable
from importlib import import_module
from typing import TYPE_CHECKING, Any, TypeVar

from .entries import Entry

if TYPE_CHECKING:
    from .expr import Expr

# The primitive weakref.WeakValueDictionary uses: removes ``table[key]`` if it is a dead
# weak reference, atomically (C; typeshed does not list it, so it is typed here).
_weakref = import_module("_weakref")
_remove_dead_weakref: Callable[[dict[Any, Any], Hashable], None] = _weakref._remove_dead_weakref

# One table per node class maps a key (the field values) to a weak reference to
# the one node with those fields, so nodes nobody holds are freed and forgotten.
# The reference carries its own key and table, and one shared callback drops the
# entry: no closure, key tuple or cell per node, which keeps both the time per
# new node and the garbage collector's work small.  Node classes are final: the
# tables are not keyed by class.  Every constructor is the same two steps: look
# the key up (``table.get(key, GONE)()``, C calls only: finding a node runs no
# Python function) or else make the node and hand it to :func:`file`, the one
# helper that files.
#
# Threads (no reliance on the GIL): a table is only ever changed by two atomic dict
# operations, each one C call that the dict performs whole (under its own lock on a
# free-threaded build): ``setdefault`` files a new entry only where the key has none,
# and ``_remove_dead_weakref`` (the primitive ``weakref.WeakValueDictionary`` uses)
# removes an entry only if its node is dead.  So a live node's entry is never
# replaced or removed, and a node is handed out only if it is the one its table
# holds: two threads building equal trees get one object.  No lock is taken, so a
# callback that runs in the middle of :func:`file` (a collection, on any thread)
# can neither deadlock nor raise.

_K = TypeVar("_K", bound=Hashable)
_N = TypeVar("_N", bound="Expr")  # a node class


def _drop(entry: Entry[Any]) -> None:
    """Forget a freed node: its key's entry goes if (and only if) that entry is dead."""
    _remove_dead_weakref(entry.table, entry.key)


def file(table: dict[_K, Entry[_N]], key: _K, node: _N) -> _N:
    """The node filed under ``key``: ``node``, new with its fields set, unless one was filed first.

    The one way a node enters a table.  A constructor calls it as
    ``return file(table, key, node)`` after ``table.get(key, GONE)()`` found no live node
    and it made ``node`` with ``object.__new__(cls)`` and set its fields (in ``__new__``
    itself, where a compiled build makes the node natively).  If another thread filed
    the key in the meantime, its node is returned and the new one is dropped.

    >>> from symdiff.core.expr import Var
    >>> table: dict[str, Entry[Var]] = {}
    >>> node = Var("filed_v")
    >>> file(table, "v", node) is node and table["v"]() is node
    True
    """
    entry = Entry(node, _drop)
    entry.key = key
    entry.table = table
    while True:
        filed = table.setdefault(key, entry)  # atomic: files ours only where none is
        if filed is entry:
            return node
        found = filed()
        if found is not None:  # another thread filed this key first: use its node
            return found
        _remove_dead_weakref(table, key)  # a freed node's entry not yet dropped


# What ``get`` gives for a missing key: like a dead reference, it returns None when called
# (NoneType() is None, a C call, so a look-up never runs Python code of its own).
GONE: Callable[[], None] = type(None)


class bulk:
    """Pause the cyclic garbage collector while building many nodes.

    Nodes never form reference cycles (children exist before their parents), so
    reference counting frees them all; the collector's passes over millions of
    young nodes are pure overhead during a large build.  Nesting is allowed, and
    the collector is re-enabled only if it was enabled on entry.

    >>> import gc
    >>> with bulk():
    ...     gc.isenabled()
    False
    """

    __slots__ = ("_was",)

    def __enter__(self) -> None:
        self._was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self._was:
            gc.enable()
