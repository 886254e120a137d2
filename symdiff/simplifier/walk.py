"""Helpers shared by the passes: the node-function type, walks, and small node tests.

A pass is a *node function* ``fn(node, kids) -> Expr``: given a node and its
already-rewritten children, it returns the rewritten node (``node`` itself when
nothing applies).  ``symdiff.core.walk.transform(expr, fn)`` runs one over a whole
DAG, visiting each distinct node once and never recursing; the engine
(:mod:`symdiff.simplifier.engine`) runs them node by node.  A node's rewrite depends only on
the node (nodes are interned), so results can be remembered across steps.

>>> from symdiff.core.expr import Var
>>> from symdiff.core.walk import transform
>>> x, y = Var("x"), Var("y")
>>> transform(x + x, lambda n, k: y if n is x else rebuild(n, k)) is y + y
True
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator
from fractions import Fraction

from ..core.expr import Expr, Mul, Num

NodeFn = Callable[[Expr, tuple[Expr, ...]], Expr]

_ONE = Fraction(1)


def rebuild(node: Expr, kids: tuple[Expr, ...]) -> Expr:
    """``node`` over ``kids``: the very same node when the children did not change.

    >>> from symdiff.core.expr import Var
    >>> e = Var("x") + 1
    >>> rebuild(e, e.children) is e
    True
    """
    return node if kids == node.children else node.rebuild(kids)


def pending(root: Expr, memo: Container[Expr], known: Container[Expr] = ()) -> list[Expr]:
    """Distinct nodes of ``root`` not yet in ``memo``, children first, without recursion.

    The walk does not enter nodes already in ``memo`` (a dict or a set), nor in ``known``.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> len(pending(x * x + 1, {})), pending(x * x + 1, {x: x})[0] is x * x
    (4, True)
    """
    if root in memo or root in known:
        return []
    seen: set[Expr] = {root}
    order: list[Expr] = []
    stack: list[tuple[Expr, Iterator[Expr]]] = [(root, iter(root.children))]
    while stack:
        node, rest = stack[-1]
        for child in rest:
            if child not in seen and child not in memo and child not in known:
                seen.add(child)
                stack.append((child, iter(child.children)))
                break
        else:
            stack.pop()
            order.append(node)
    return order


def is_int(e: Expr) -> bool:
    """Whether ``e`` is an integer number.

    >>> is_int(Num(3)), is_int(Num("1/2"))
    (True, False)
    """
    return isinstance(e, Num) and e.value.denominator == 1


def split_coefficient(term: Expr) -> tuple[Fraction, tuple[Expr, ...]]:
    """A term as (product of its number factors, its other factors in order).

    >>> from symdiff.core.expr import Var
    >>> split_coefficient(Mul((Num(2), Var("x"), Num(3)))) == (Fraction(6), (Var("x"),))
    True
    """
    if isinstance(term, Num):
        return term.value, ()
    if not isinstance(term, Mul):
        return _ONE, (term,)
    factors = term.factors
    if Num not in map(type, factors):  # no number: nothing to multiply
        return _ONE, factors
    if type(factors[0]) is Num and Num not in map(type, factors[1:]):  # a leading coefficient
        return factors[0].value, factors[1:]
    coef = Fraction(1)
    rest: list[Expr] = []
    for f in term.factors:
        if isinstance(f, Num):
            coef *= f.value
        else:
            rest.append(f)
    return coef, tuple(rest)


def splice_muls(factors: tuple[Expr, ...]) -> list[Expr]:
    """Factors with every nested product opened (``a*(b*c)`` gives ``a, b, c``), iteratively.

    >>> from symdiff.core.expr import Var
    >>> a, b, c = Var("a"), Var("b"), Var("c")
    >>> splice_muls((a, Mul((b, Mul((c, a)))))) == [a, b, c, a]
    True
    """
    out: list[Expr] = []
    stack = list(reversed(factors))
    while stack:
        f = stack.pop()
        if isinstance(f, Mul):
            stack.extend(reversed(f.factors))
        else:
            out.append(f)
    return out
