"""The one post-order walk over the DAG and its relatives: transform, substitute, variables.

Every walk visits each distinct node once, children before parents, with an explicit
stack: depth is bounded by memory, never by Python's call stack.

>>> from symdiff.core.expr import Var
>>> x = Var("x")
>>> [str(n) for n in postorder(x * x + 1)]
['x', 'x*x', '1', 'x*x + 1']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .expr import Derivative, Expr, Var

_PLACED = Expr()  # postorder's marker on its stack: not a node of any expression


def postorder(root: Expr) -> list[Expr]:
    """Every distinct node of ``root``, children before parents, without recursion.

    >>> [str(n) for n in postorder(Var("x") * Var("x"))]
    ['x', 'x*x']
    """
    seen: set[Expr] = set()
    order: list[Expr] = []
    stack: list[Expr] = [root]
    push, pop, mark = stack.append, stack.pop, seen.add
    while stack:
        node = pop()
        if node is _PLACED:  # the marker above a node whose children are all placed
            order.append(pop())
        elif node not in seen:
            mark(node)
            kids = node.children
            if kids:
                push(node)
                push(_PLACED)
                for child in reversed(kids):
                    if child not in seen:
                        push(child)
            else:  # a leaf needs no marker
                order.append(node)
    return order


def transform(root: Expr, fn: Callable[[Expr, tuple[Expr, ...]], Expr]) -> Expr:
    """Rebuild bottom-up: ``fn(node, new_children)`` for each distinct node, memoized.

    >>> x, y = Var("x"), Var("y")
    >>> str(transform(x + y, lambda n, c: Var("z") if n is x else n.rebuild(c)))
    'z + y'
    """
    done: dict[Expr, Expr] = {}
    for node in postorder(root):
        kids = node.children
        done[node] = fn(node, tuple([done[c] for c in kids]) if kids else kids)
    return done[root]


def substitute(root: Expr, mapping: Mapping[Expr, Expr]) -> Expr:
    """Replace whole sub-expressions (keys) by values, sharing preserved.

    >>> str(substitute(Var("x") ** 2, {Var("x"): Var("y")}))
    'y^2'
    """
    if not mapping:
        return root

    def step(node: Expr, kids: tuple[Expr, ...]) -> Expr:
        hit = mapping.get(node)
        if hit is not None:
            return hit
        return node if kids == node.children else node.rebuild(kids)

    return transform(root, step)


def iter_vars(root: Expr) -> Iterator[str]:
    """Names of the variables in order of first appearance, each once.

    >>> list(iter_vars(Var("y") * Var("x") + Var("y")))
    ['y', 'x']
    """
    seen: set[str] = set()
    visited: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in visited:
            continue
        visited.add(id(node))
        if isinstance(node, Var):
            if node.name not in seen:
                seen.add(node.name)
                yield node.name
        elif isinstance(node, Derivative):
            stack.append(node.expr)
        else:
            stack.extend(reversed(node.children))


def natural_key(name: str) -> tuple[Any, ...]:
    """Sort key putting ``x2`` before ``x10`` and ``w_1_2`` before ``w_1_10``.

    A run of digits compares by its value without converting it to an int (a name may
    hold more digits than Python converts): shorter (leading zeros aside) is smaller.

    >>> sorted(["x10", "x2", "y", "x1"], key=natural_key)
    ['x1', 'x2', 'x10', 'y']
    >>> sorted(["x_" + "9" * 5000, "x_1" + "0" * 5000], key=natural_key)[0] == "x_" + "9" * 5000
    True
    """
    parts: list[Any] = []
    digits = ""
    letters = ""
    for ch in name:
        if ch.isdigit():
            if letters:
                parts.append((1, letters))
                letters = ""
            digits += ch
        else:
            if digits:
                parts.append(_number_key(digits))
                digits = ""
            letters += ch
    if letters:
        parts.append((1, letters))
    if digits:
        parts.append(_number_key(digits))
    return tuple(parts)


def _number_key(digits: str) -> tuple[int, int, str, str]:
    """Order of a digit run by value: length without leading zeros, then the digits."""
    value = digits.lstrip("0")
    return (0, len(value), value, digits)


def variables(root: Expr) -> list[str]:
    """The variable names of ``root`` in natural order.

    >>> variables(Var("x10") + Var("x2") + Var("b"))
    ['b', 'x2', 'x10']
    """
    return sorted(iter_vars(root), key=natural_key)


def count_nodes(root: Expr) -> int:
    """Number of distinct nodes (the size of the DAG).

    >>> x = Var("x"); count_nodes(x * x + x * x)
    3
    """
    return len(postorder(root))


def depends_on(root: Expr, var: str) -> set[int]:
    """``id``s of the nodes of ``root`` that contain the variable ``var``.

    >>> x = Var("x"); e = x * Var("y"); id(e) in depends_on(e, "x")
    True
    """
    target = Var(var)
    hit: set[int] = set()
    for node in postorder(root):
        if node is target or any(id(c) in hit for c in node.children):
            hit.add(id(node))
    return hit
