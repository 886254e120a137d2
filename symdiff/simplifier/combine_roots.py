"""Pass ``combine-roots``: ``u`` over ``√u`` is ``√u``, as a textbook cancels it.

In a product, a power of ``u`` and a power of an n-th root of ``u`` (the table's ``root``
facet: ``√u``, ``∛u``) of opposite signs are one power of the root: ``x⁻¹·√x`` is
``(√x)⁻¹`` (printed ``1/√x``), ``eˣ/√(eˣ)`` is ``√(eˣ)`` and ``x/(∛x)²`` is ``∛x``.
Powers of the same sign are left as they are (``x√x``).  Where ``ⁿ√u`` is defined,
``u = (ⁿ√u)ⁿ``.

>>> from symdiff.core.expr import Call, Mul, Num, Pow, Var
>>> x = Var("x")
>>> str(rewrite(Mul((Pow(x, Num(-1)), Call("sqrt", (x,)))), ()))
'sqrt(x)^-1'
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.expr import Expr, Mul, Num, Pow, mul, pow_
from ..core.functions import root_index
from ..limits import DEFAULT_LIMITS, Limits

ID = "combine-roots"
TITLE = "combine a root with its radicand"
EXAMPLE = "x^-1*sqrt(x) -> sqrt(x)^-1"
KINDS = (Mul,)


def _split(factor: Expr) -> tuple[Expr, int]:
    """``(base, k)`` for ``base^k`` with an integer k (k = 1 for a bare factor)."""
    if type(factor) is Pow and type(factor.exp) is Num and factor.exp.value.denominator == 1:
        return factor.base, int(factor.exp.value)
    return factor, 1


def _pair(factors: tuple[Expr, ...]) -> tuple[int, int] | None:
    """Positions (power of u, power of ⁿ√u) of the first pair of opposite signs, or None."""
    for f in factors:  # first, cheaply: is there a root at all?
        base = f.base if type(f) is Pow else f
        if root_index(base):
            break
    else:
        return None
    split = [_split(f) for f in factors]
    roots = {base.children[0]: (j, k) for j, (base, k) in enumerate(split)
             if root_index(base)}  # fmt: skip
    if not roots:
        return None
    for i, (base, k) in enumerate(split):
        found = roots.get(base)
        if found is not None and (found[1] > 0) != (k > 0):
            return i, found[0]
    return None


def root_pair(factors: Sequence[Expr]) -> bool:
    """Whether the factors of a product hold a pair this pass rewrites.

    The product shortcut's test (:mod:`.products`), without making the product.

    >>> from symdiff.core.expr import Var
    >>> root_pair([Var("x"), Var("y")])
    False
    """
    return _pair(tuple(factors)) is not None


def applies(node: Expr) -> bool:
    """Whether ``node`` is a product with ``u^a`` and ``(ⁿ√u)^b``, a and b of opposite signs.

    >>> from symdiff.core.expr import Call, Var
    >>> x = Var("x")
    >>> r = Call("sqrt", (x,))
    >>> applies(Mul((Pow(x, Num(-1)), r))), applies(Mul((x, r))), applies(Mul((x, Var("y"))))
    (True, False, False)
    """
    return type(node) is Mul and root_pair(node.factors)


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """The product with the pair as one power of ``ⁿ√u`` (``u^a·(ⁿ√u)^b = (ⁿ√u)^(na + b)``).

    >>> from symdiff.core.expr import Call, Var
    >>> e = Call("exp", (Var("x"),))
    >>> str(rewrite(Mul((Num(2), e, Pow(Call("sqrt", (e,)), Num(-1)))), ()))
    '2*sqrt(exp(x))'
    """
    if type(node) is not Mul:
        return node
    factors = node.factors
    found = _pair(factors)
    if found is None:
        return node
    i, j = found
    _, a = _split(factors[i])
    root, b = _split(factors[j])
    k = root_index(root) * a + b
    rest = [f for n, f in enumerate(factors) if n not in (i, j)]
    combined = [] if k == 0 else [root if k == 1 else pow_(root, k)]
    return mul(*rest, *combined)
