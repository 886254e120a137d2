"""Pass ``order-factors``: the canonical order of the factors of a product.

Numbers first, then the variables and powers of variables sorted by the
variable's natural name order (``x2`` before ``x10``; stable), then every other
factor in its original order, and last the negative powers ``u^-k`` (what a
fraction has below its bar): of variables by name, then the others in their
order.  So a product reads as its textbook fraction does, and the fraction read
back is the same product.  Terms of a sum are never reordered.

>>> from symdiff.core.expr import Call, Mul, Num, Var
>>> x, z = Var("x"), Var("z")
>>> order_factors(Mul((z, Call("sin", (x,)), x, Num(2)))) is Mul((Num(2), x, z, Call("sin", (x,))))
True
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from ..core.expr import Expr, Mul, Num, Pow, Var
from ..core.walk import natural_key, transform
from ..limits import DEFAULT_LIMITS, Limits
from .walk import rebuild

ID = "order-factors"
TITLE = "order factors"
EXAMPLE = "z*sin(x)*x*2 -> 2*x*z*sin(x)"
KINDS = (Mul,)

NUMBER_KEY: tuple[Any, ...] = (0,)  # the key of every number
OTHER_KEY: tuple[Any, ...] = (2,)  # the key of every factor not sorted by a name
BELOW_KEY: tuple[Any, ...] = (3, 2)  # a negative power (below a fraction bar) of a non-variable


# The sort keys of short names, kept: one key costs about ten times a look-up, and
# the simplifier asks for the same few names over and over (about 7% of simplifying
# a network gradient).  Bounded by entries and by size: only names of at most
# NAME_KEY_CHARS characters are kept, and the table is emptied when full, so a
# long-running server that meets unboundedly many (or huge) names holds at most
# about NAME_KEY_ENTRIES short keys.  Each dict operation is atomic; threads that
# race to fill it compute equal keys.
NAME_KEY_ENTRIES = 4096
NAME_KEY_CHARS = 64
_NAME_KEYS: dict[str, tuple[Any, ...]] = {}


def _name_key(name: str) -> tuple[Any, ...]:
    """The sort key of a variable's name (kept for short names).

    >>> _name_key("x10") > _name_key("x2")
    True
    """
    key = _NAME_KEYS.get(name)
    if key is None:
        key = (1, natural_key(name))
        if len(name) <= NAME_KEY_CHARS:
            if len(_NAME_KEYS) >= NAME_KEY_ENTRIES:
                _NAME_KEYS.clear()
            _NAME_KEYS[name] = key
    return key


def factor_key(f: Expr) -> tuple[Any, ...]:
    """Sort key of a factor: numbers, variables by name, the rest, negative powers.

    >>> from symdiff.core.expr import Var
    >>> x2, x10 = Var("x2"), Var("x10")
    >>> factor_key(Num(3)) < factor_key(x2) < factor_key(x10) < factor_key(x2 + 1)
    True
    >>> factor_key(x2 + 1) < factor_key(Pow(x2, Num(-1)))
    True
    """
    kind = type(f)
    if kind is Num:
        return NUMBER_KEY
    if kind is Var:
        return _name_key(f.name)  # type: ignore[attr-defined]
    if kind is Pow:
        base, exp = f.children
        if type(exp) is Num and exp.value.numerator < 0:
            return (3, *_name_key(base.name)) if type(base) is Var else BELOW_KEY
        if type(base) is Var:
            return _name_key(base.name)
    return OTHER_KEY


def applies(node: Expr) -> bool:
    """Whether the factors of the product ``node`` are out of canonical order.

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> applies(Mul((y, x))), applies(Mul((Num(2), x, y)))
    (True, False)
    """
    if type(node) is not Mul:
        return False
    last = NUMBER_KEY
    for f in node.children:
        kind = type(f)
        if kind is Num:
            if last is not NUMBER_KEY:
                return True
            continue
        if kind is Var:
            key = _name_key(f.name)  # type: ignore[attr-defined]
        elif kind is Pow:
            key = factor_key(f)
        else:
            key = OTHER_KEY
        if key is not last and not last <= key:
            return True
        last = key
    return False


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Put the factors of one product in canonical order.

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> rewrite(Mul((y, x)), (y, x)) is Mul((x, y))
    True
    """
    if not isinstance(node, Mul):
        return rebuild(node, kids)
    keys = [factor_key(f) for f in kids]
    if all(a <= b for a, b in pairwise(keys)):
        return rebuild(node, kids)
    return Mul(tuple(sorted(kids, key=factor_key)))


def order_factors(expr: Expr) -> Expr:
    """Apply order-factors everywhere in ``expr``.

    >>> from symdiff.core.expr import Add, Var
    >>> x, y = Var("x"), Var("y")
    >>> order_factors(Add((y * x, x))) is Add((x * y, x))
    True
    """
    return transform(expr, rewrite)
