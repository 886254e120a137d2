"""Pass ``identities``: the neutral and absorbing elements.

u·1 → u, u·0 → 0, u + 0 → u, u^1 → u, u^0 → 1, 1^u → 1, 0^n → 0 (number n > 0),
and a sum or product of one operand (or none) is unwrapped.  ``0^n`` with a
negative number ``n`` is a division by zero and raises ``DomainError``.

>>> from symdiff.core.expr import Mul, Num, Var
>>> identities(Mul((Var("x"), Num(1)))) is Var("x")
True
"""

from __future__ import annotations

from ..core.expr import ONE, ZERO, Add, Expr, Mul, Num, Pow, add, mul
from ..core.walk import transform
from ..errors import DomainError
from ..limits import DEFAULT_LIMITS, Limits
from .walk import rebuild

ID = "identities"
TITLE = "identities"
EXAMPLE = "x*1 + 0 -> x"
KINDS = (Add, Mul, Pow)


def check_division(base: Expr, exp: Expr) -> None:
    """Raise ``DomainError`` for ``0^n`` with a negative number ``n`` (a division by zero).

    >>> check_division(Num(0), Num(-1))
    Traceback (most recent call last):
    ...
    symdiff.errors.DomainError: division by zero: 0^-1
    """
    if base is ZERO and isinstance(exp, Num) and exp.value < 0:
        raise DomainError(f"division by zero: 0^{exp.value}")


def power_identity(base: Expr, exp: Expr) -> Expr | None:
    """u^1 → u, u^0 → 1, 1^u → 1, 0^n → 0 (number n > 0); ``None`` when none applies.

    >>> from symdiff.core.expr import Var
    >>> power_identity(Var("x"), ONE) is Var("x"), power_identity(Var("x"), Num(2))
    (True, None)
    """
    if exp is ONE:
        return base
    if exp is ZERO or base is ONE:
        return ONE
    if base is ZERO and isinstance(exp, Num) and exp.value > 0:
        return ZERO
    return None


def applies(node: Expr) -> bool:
    """Whether an identity may change ``node`` (a 0 or 1 in place, or one operand).

    >>> from symdiff.core.expr import Var
    >>> applies(Mul((Var("x"), Num(1)))), applies(Mul((Var("x"), Num(2))))
    (True, False)
    """
    kind = type(node)
    if kind is Mul or kind is Add:
        kids = node.children
        return len(kids) < 2 or ZERO in kids or (kind is Mul and ONE in kids)
    if kind is Pow:
        base, exp = node.children
        return base is ZERO or base is ONE or exp is ZERO or exp is ONE
    return False


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """The identities at one node whose children are already rewritten.

    >>> from symdiff.core.expr import Var
    >>> rewrite(Pow(Var("x"), Num(0)), (Var("x"), Num(0))) is ONE
    True
    """
    if isinstance(node, Mul):
        if ZERO in kids:
            return ZERO
        if ONE in kids or len(kids) < 2:
            return mul(*(k for k in kids if k is not ONE))
    elif isinstance(node, Add):
        if ZERO in kids or len(kids) < 2:
            return add(*(k for k in kids if k is not ZERO))
    elif isinstance(node, Pow):
        base, exp = kids
        check_division(base, exp)
        known = power_identity(base, exp)
        if known is not None:
            return known
    return rebuild(node, kids)


def identities(expr: Expr) -> Expr:
    """Apply the identities everywhere in ``expr`` (one bottom-up sweep).

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> identities(x**1 + 0 * x) is x
    True
    """
    return transform(expr, rewrite)
