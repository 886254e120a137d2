"""Pass ``root-powers``: an integer power of a root, as a power of what is under it.

For the n-th roots of the function table (its ``root`` facet: ``sqrt`` 2, ``cbrt`` 3),
``(ⁿ√u)ᵏ`` with ``|k| ≥ n`` takes the whole powers of ``u`` out: ``√u²`` is ``u``,
``(√u)⁻²`` is ``u⁻¹``, ``(∛u)³`` is ``u``; a remainder keeps a root: ``(√u)⁻³`` is
``u⁻¹·(√u)⁻¹`` (printed ``1/(u·√u)``), ``(∛u)⁴`` is ``u·∛u``.  ``√u`` is defined only
where ``u ≥ 0``, and there these are equal (``∛u`` everywhere); the input's own domain
is checked before it is differentiated.

>>> from symdiff.core.expr import Call, Num, Pow, Var
>>> r = Call("sqrt", (Var("x"),))
>>> str(rewrite(Pow(r, Num(2)), ())), str(rewrite(Pow(r, Num(-3)), ()))
('x', 'x^-1/sqrt(x)')
>>> str(rewrite(Pow(Call("cbrt", (Var("x"),)), Num(-5)), ()))
'x^-1*cbrt(x)^-2'
"""

from __future__ import annotations

from ..core.expr import Expr, Mul, Num, Pow
from ..core.functions import root_index
from ..limits import DEFAULT_LIMITS, Limits

ID = "root-powers"
TITLE = "powers of a root"
EXAMPLE = "sqrt(x)^2 -> x"
KINDS = (Pow,)


def applies(node: Expr) -> bool:
    """Whether ``node`` is ``(ⁿ√u)ᵏ`` for an integer k with ``|k| ≥ n``.

    >>> from symdiff.core.expr import Call, Var
    >>> r, c = Call("sqrt", (Var("x"),)), Call("cbrt", (Var("x"),))
    >>> applies(Pow(r, Num(2))), applies(Pow(r, Num(-1))), applies(Pow(Var("x"), Num(2)))
    (True, False, False)
    >>> applies(Pow(c, Num(2))), applies(Pow(c, Num(-3)))
    (False, True)
    """
    if type(node) is not Pow:
        return False
    base, exp = node.children
    if type(exp) is not Num:
        return False
    value = exp.value
    index = root_index(base)
    return index > 0 and value.denominator == 1 and abs(value) >= index


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """``(ⁿ√u)ᵏ`` as ``u^(k/n)`` for k a multiple of n, else ``u^q·(ⁿ√u)^r``; else the node.

    ``k = qn + r`` with r of k's sign and ``|r| < n``.

    >>> from symdiff.core.expr import Var
    >>> rewrite(Var("x"), ()) is Var("x")
    True
    """
    if not applies(node):
        return node
    root, exp = node.children
    n = int(exp.value)  # type: ignore[attr-defined]
    inner = root.children[0]
    whole, rest = divmod(abs(n), root_index(root))
    sign = 1 if n > 0 else -1
    out = inner if whole == 1 and sign == 1 else Pow(inner, Num(sign * whole))
    if not rest:
        return out
    return Mul((out, root if sign * rest == 1 else Pow(root, Num(sign * rest))))
