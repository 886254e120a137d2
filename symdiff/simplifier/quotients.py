"""The guard of ``expand-numerator``: a quotient with a sum above that holds a sum to open.

Kept apart from the pass so that the engine's shortcut for products
(:mod:`.products`) can ask it without importing the pass, which runs the engine.

>>> from symdiff.core.expr import Add, Mul, Num, Pow, Var
>>> x = Var("x")
>>> applies(Mul((Add((Mul((x, x + 1)), x)), Pow(x, Num(-2)))))
True
"""

from __future__ import annotations

from ..core.expr import Add, Expr, Mul, Num, Pow
from .factor import shares_factor


def _opens(term: Expr) -> bool:
    """Whether a term of a sum holds a sum to multiply out (``2x·(x − 1)``, ``(x + 1)²``)."""
    kind = type(term)
    if kind is Mul:
        return any(
            type(f) is Add or (type(f) is Pow and type(f.children[0]) is Add) for f in term.children
        )
    return kind is Pow and type(term.children[0]) is Add


def numerator(f: Expr) -> bool:
    """Whether ``f`` is a sum with a term that holds a sum to multiply out.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> numerator(Add((Mul((x, x + 1)), x))), numerator(x + 1)
    (True, False)
    """
    return type(f) is Add and any(map(_opens, f.children))


def quotient(node: Expr) -> bool:
    """Whether the product ``node`` has a factor ``u^-k`` (a negative number k).

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> quotient(Mul((x, Pow(x + 1, Num(-1))))), quotient(Mul((x, x + 1)))
    (True, False)
    """
    return any(
        type(f) is Pow and type(f.children[1]) is Num and f.children[1].value < 0
        for f in node.children
    )


def applies(node: Expr) -> bool:
    """Whether ``node`` is a quotient with a sum above that holds a sum to multiply out.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> applies(Mul((x + 1, Pow(x, Num(-1))))), applies(Mul((x, x + 1)))
    (False, False)
    """
    return type(node) is Mul and any(map(numerator, node.children)) and quotient(node)


def _terms_key(node: Expr) -> tuple[int, ...]:
    return tuple(sorted(map(id, node.children)))


def reordered_pair(node: Expr) -> tuple[int, int] | None:
    """Where ``node`` has a sum ``A`` and a power ``B^-k``, ``B`` being ``A`` reordered.

    The positions (i, j) of the first such pair (``(cos(x) + 1)·(1 + cos(x))^-2``), or None.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> reordered_pair(Mul((Add((x, Num(1))), Pow(Add((Num(1), x)), Num(-2)))))
    (0, 1)
    """
    if type(node) is not Mul:
        return None
    sums = [i for i, f in enumerate(node.children) if type(f) is Add]
    if not sums:
        return None
    for j, f in enumerate(node.children):
        if type(f) is Pow and type(f.children[1]) is Num and f.children[1].value < 0:
            below = f.children[0]
            if type(below) is not Add:
                continue
            key = _terms_key(below)
            for i in sums:
                above = node.children[i]
                if above is not below and len(above.children) == len(key):
                    if _terms_key(above) == key:
                        return i, j
    return None


def factorable(node: Expr) -> bool:
    """Whether ``node`` is a quotient with a sum above whose terms share a factor.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> factorable(Mul((Add((Mul((x, x + 1)), x)), Pow(x + 2, Num(-1)))))
    True
    """
    if type(node) is not Mul:
        return False
    sums = [f for f in node.children if type(f) is Add]
    return bool(sums) and quotient(node) and any(map(shares_factor, sums))


def reshapes(node: Expr) -> bool:
    """Whether expand-numerator, factor-numerator or cancel-factors may rewrite ``node``.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> reshapes(Mul((Add((x, Num(1))), Pow(Add((Num(1), x)), Num(-2))))), reshapes(Mul((x, x)))
    (True, False)
    """
    return applies(node) or factorable(node) or reordered_pair(node) is not None
