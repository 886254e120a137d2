"""Pickling expressions at any depth, each distinct node once, interned on loading.

A node pickles *shallow*: its class and fields, the children by reference, so the
pickler's memo writes a node shared by many parents (or by many values of a dict)
once, and loading calls the interning constructors (``loads(dumps(e)) is e``).  The
pickler saves those references recursively, though, and overflows Python's stack some
hundreds of levels down.  So a node first hands the pickler a *prelude*: every node
below it that this pickling has not yet written, in post-order (children first).
Each prelude entry is then saved shallow with all of its children already in the
memo, so the pickler never recurses more than one node deep, at any depth.

The one piece of state is what this thread's current pickling has written (to keep
preludes short when many values share one DAG).  It lives on a small *session*
object that the pickler itself memoizes and so keeps alive; a pickler that has not
met the session (a new ``dumps``, a cleared memo) saves it anew, which starts a
fresh session, and the session goes with its pickler.  The state only ever shortens
a prelude, so what loading builds never depends on it.  (Where two picklers of one
thread interleave, a later prelude may list nodes a memo already has: a reference,
a few bytes each.)  Pickles are for exchange between processes of the same symdiff
version.

>>> import pickle
>>> from symdiff.core.expr import Var
>>> e = Var("x")
>>> for _ in range(5_000):
...     e = e * e + 1
>>> pickle.loads(pickle.dumps(e)) is e
True
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any
from weakref import ref

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .expr import Expr


class _Local(threading.local):
    """This thread's pickling state.

    Its current session (while the session's pickler lives), and the nodes of the last
    small expression it saved plainly (at most ``SMALL`` nodes kept).
    """

    session: ref[_Session] | None = None
    plain: set[Expr] | frozenset[Expr] = frozenset()


_here = _Local()


class _Session:
    """One pickling as its pickler sees it, alive while the pickler's memo holds it.

    ``written`` holds the nodes this pickling has saved or is about to (a prelude's
    nodes, and each node that handed out a prelude): the memo has them all.
    ``pending`` holds the nodes of the prelude being saved that are not saved yet.
    """

    __slots__ = ("__weakref__", "met", "pending", "written")

    def __init__(self) -> None:
        self.met = False
        self.written: set[Expr] = set()
        self.pending: set[Expr] = set()

    def __reduce__(self) -> tuple[Any, ...]:
        if not self.met:  # its first save, by the pickler of the node that created it
            self.met = True
            return (_nothing, ())
        # a pickler that never saw this session: what it has written is unknown, start afresh
        return (_nothing, (_start(),))


def _start() -> _Session:
    session = _Session()
    _here.session = ref(session)
    return session


def _nothing(*_: object) -> None:
    """What a session loads as: nothing (it only marks a pickling)."""


class _Prelude:
    """The nodes under ``root`` not yet written, children first, saved before ``root``."""

    __slots__ = ("root",)

    def __init__(self, root: Expr) -> None:
        self.root = root

    def __reduce__(self) -> tuple[Any, ...]:
        # Saved just after the session, so _here.session is this pickler's.
        session = _here.session() if _here.session is not None else None
        if session is None:  # (cannot happen: the pickler's memo holds the session)
            session = _Session()
        nodes = _unwritten_below(self.root, session.written)
        session.pending = set(nodes)
        return (list, (), None, iter(nodes))


def _unwritten_below(root: Expr, written: set[Expr]) -> list[Expr]:
    """The nodes under ``root`` not in ``written``, children first; all are then written.

    Like :func:`symdiff.core.walk.postorder` without recursion, but it stops at written
    nodes (whose whole DAG is written), leaves ``root`` out and adds what it lists, and
    ``root``, to ``written``.
    """
    written.add(root)
    order: list[Expr] = []
    stack: list[tuple[Expr, Iterator[Expr]]] = [(root, iter(root.children))]
    while stack:
        node, kids = stack[-1]
        for child in kids:
            if child not in written:
                written.add(child)
                stack.append((child, iter(child.children)))
                break
        else:
            stack.pop()
            order.append(node)
    order.pop()  # root
    return order


SMALL = 16  # distinct nodes of a DAG pickled plainly (no prelude): at most this deep


def _small(root: Expr) -> bool:
    """Whether ``root`` has at most ``SMALL`` distinct nodes.

    If so, so has each node below it: they are remembered, so that their own saves
    need not walk again.
    """
    kids = root.children
    if not kids:
        return True
    seen = {root}
    stack = list(kids)
    while stack:
        node = stack.pop()
        if node not in seen:
            if len(seen) == SMALL:
                return False
            seen.add(node)
            stack.extend(node.children)
    _here.plain = seen
    return True


def _rebuilt(session: None, prelude: list[Expr], cls: type[Expr], *fields: Any) -> Expr:
    """Load a node whose prelude came first: its children are built already."""
    return cls(*fields)


def reduce_node(node: Expr) -> tuple[Any, ...]:
    """How ``pickle`` saves ``node``: shallow, after a prelude where one is needed.

    >>> from symdiff.core.expr import Var
    >>> reduce_node(Var("x"))
    (<class 'symdiff.core.expr.Var'>, ('x',))
    """
    fields = tuple([getattr(node, f) for f in node._fields])
    if node in _here.plain:  # below a small expression being saved
        return (type(node), fields)
    session = _here.session() if _here.session is not None else None
    if session is not None and node in session.pending:  # its children are written
        session.pending.discard(node)
        return (type(node), fields)
    if _small(node):  # saved shallow all the way down: cheap, and no depth to fear
        return (type(node), fields)
    if session is None:
        session = _start()
    return (_rebuilt, (session, _Prelude(node), type(node), *fields))
