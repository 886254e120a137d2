"""The weak reference an interning table files a node under (see interning.py).

A subclass of ``weakref.ref`` with two slots: the key and the table it is filed in, so
one shared callback can drop a freed node's entry.  It is a module of its own because the
compiled build (mypyc) cannot compile a subclass of a built-in type: this module stays
Python in both builds, and the modules that use it may be compiled.

>>> from symdiff.core.expr import Var
>>> node = Var("entries_x")
>>> entry = Entry(node)
>>> entry() is node
True
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any, TypeVar
from weakref import ref

if TYPE_CHECKING:
    from .expr import Expr

_N = TypeVar("_N", bound="Expr")  # a node class


class Entry(ref[_N]):
    """A weak reference to an interned node that knows where it is filed."""

    __slots__ = ("key", "table")
    key: Hashable
    table: dict[Any, Entry[_N]]
