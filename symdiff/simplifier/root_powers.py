"""Pass ``root-powers``: an integer power of a square root, as a power of what is under it.

``√u²`` is ``u``, ``(√u)⁻²`` is ``u⁻¹``; an odd power keeps one root:
``(√u)⁻³`` is ``u⁻¹·(√u)⁻¹`` (printed ``1/(u·√u)``).  ``√u`` is defined only where
``u ≥ 0``, and there these are equal; the input's own domain is checked before it is
differentiated.

>>> from symdiff.core.expr import Call, Num, Pow, Var
>>> r = Call("sqrt", (Var("x"),))
>>> str(rewrite(Pow(r, Num(2)), ())), str(rewrite(Pow(r, Num(-3)), ()))
('x', 'x^-1/sqrt(x)')
"""

from __future__ import annotations

from ..core.expr import Call, Expr, Mul, Num, Pow
from ..limits import DEFAULT_LIMITS, Limits

ID = "root-powers"
TITLE = "powers of a root"
EXAMPLE = "sqrt(x)^2 -> x"
KINDS = (Pow,)


def applies(node: Expr) -> bool:
    """Whether ``node`` is ``(√u)ⁿ`` for an integer n other than 1, -1 and 0.

    >>> from symdiff.core.expr import Var
    >>> r = Call("sqrt", (Var("x"),))
    >>> applies(Pow(r, Num(2))), applies(Pow(r, Num(-1))), applies(Pow(Var("x"), Num(2)))
    (True, False, False)
    """
    if type(node) is not Pow:
        return False
    base, exp = node.children
    if type(base) is not Call or type(exp) is not Num:
        return False
    value = exp.value
    return base.name == "sqrt" and not base.deriv and value.denominator == 1 and abs(value) >= 2


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """``u^(n/2)`` for an even n, ``u^((n∓1)/2)·(√u)^±1`` for an odd one; else the node.

    >>> from symdiff.core.expr import Var
    >>> rewrite(Var("x"), ()) is Var("x")
    True
    """
    if not applies(node):
        return node
    root, exp = node.children
    n = int(exp.value)  # type: ignore[attr-defined]
    inner = root.children[0]
    half, odd = divmod(abs(n), 2)
    sign = 1 if n > 0 else -1
    whole = inner if half == 1 and sign == 1 else Pow(inner, Num(sign * half))
    if not odd:
        return whole
    return Mul((whole, root if sign == 1 else Pow(root, Num(-1))))
