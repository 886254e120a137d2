"""Pass ``quotient-identities``: ``sin(u)/cos(u)`` is ``tan(u)``, as textbooks write it.

In a product, a power of ``f(u)`` over a power of ``g(u)`` with the same argument, where
``f/g`` is a function of the table, becomes that function: ``sin/cos = tan``, ``cos/sin =
cot``, ``sinh/cosh = tanh``, ``cosh/sinh = coth``.  As many factors pair as both powers
allow, and what is left of the denominator is written as its reciprocal function:
``sin(x)·cos(x)^-2`` is ``sec(x)·tan(x)`` and ``cos(x)·sin(x)^-2`` is ``csc(x)·cot(x)``
(a secant or cosecant in the product counts as the reciprocal it is).

>>> from symdiff.core.expr import Call, Mul, Num, Pow, Var
>>> x = Var("x")
>>> str(rewrite(Mul((Num(2), Call("cos", (x,)), Pow(Call("sin", (x,)), Num(-1)))), ()))
'2*cot(x)'
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.expr import Call, Expr, Mul, Num, Pow, mul, pow_
from ..limits import DEFAULT_LIMITS, Limits

ID = "quotient-identities"
TITLE = "quotient identity"
EXAMPLE = "sin(x)/cos(x) -> tan(x)"
KINDS = (Mul,)

# (numerator's function, denominator's function) -> their quotient
QUOTIENTS: dict[tuple[str, str], str] = {
    ("sin", "cos"): "tan",
    ("cos", "sin"): "cot",
    ("sinh", "cosh"): "tanh",
    ("cosh", "sinh"): "coth",
}
# reciprocals, read as negative powers: sec(u)^k is cos(u)^-k
RECIPROCALS: dict[str, str] = {"sec": "cos", "csc": "sin", "sech": "cosh", "csch": "sinh"}
RECIPROCAL_OF = {g: f for f, g in RECIPROCALS.items()}
_NAMES = frozenset(name for pair in QUOTIENTS for name in pair) | frozenset(RECIPROCALS)

Power = tuple[str, tuple[Expr, ...], int, Call]  # f, its arguments, k in f(u)^k, the base


def _power(factor: Expr) -> Power | None:
    """``(f, (u,), k, base)`` for a factor ``f(u)^k``, k a nonzero integer.

    Only functions of the pairs count; ``sec(u)^k`` is read as ``cos(u)^-k``.
    """
    base, k = (factor.base, factor.exp) if type(factor) is Pow else (factor, Num(1))
    if type(base) is not Call or base.name not in _NAMES or base.deriv or len(base.args) != 1:
        return None
    if type(k) is not Num or k.value.denominator != 1 or k.value == 0:
        return None
    if base.name in RECIPROCALS:
        return RECIPROCALS[base.name], base.args, -int(k.value), base
    return base.name, base.args, int(k.value), base


def _pair(factors: tuple[Expr, ...]) -> tuple[int, int] | None:
    """Positions (numerator, denominator) of the first pair with a quotient, or None."""
    for f in factors:  # first, cheaply: is there a function of the pairs at all?
        base = f.base if type(f) is Pow else f
        if type(base) is Call and base.name in _NAMES:
            break
    else:
        return None
    powers = [(i, p) for i, f in enumerate(factors) if (p := _power(f)) is not None]
    for i, (top, args, a, _) in powers:
        if a <= 0:
            continue
        for j, (bottom, args_b, b, _) in powers:
            if b < 0 and args == args_b and (top, bottom) in QUOTIENTS:
                return i, j
    return None


def quotient_pair(factors: Sequence[Expr]) -> bool:
    """Whether the factors of a product hold a pair this pass rewrites.

    The product shortcut's test (:mod:`.products`), without making the product.

    >>> from symdiff.core.expr import Var
    >>> quotient_pair([Var("x"), Var("y")])
    False
    """
    return _pair(tuple(factors)) is not None


def applies(node: Expr) -> bool:
    """Whether ``node`` is a product with ``f(u)^a·g(u)^-b`` (a, b > 0) for a pair above.

    >>> from symdiff.core.expr import Var
    >>> s, c = Call("sin", (Var("x"),)), Call("cos", (Var("x"),))
    >>> applies(Mul((s, Pow(c, Num(-1))))), applies(Mul((s, c))), applies(Mul((c, Pow(s, Num(-2)))))
    (True, False, True)
    """
    return type(node) is Mul and quotient_pair(node.factors)


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """The product with its first pair replaced by their quotient; any other node itself.

    >>> from symdiff.core.expr import Var
    >>> s, c = Call("sin", (Var("x"),)), Call("cos", (Var("x"),))
    >>> str(rewrite(Mul((Pow(s, Num(3)), Pow(c, Num(-2)))), ()))
    'tan(x)^2*sin(x)'
    >>> str(rewrite(Mul((s, Pow(Call("sec", (Var("x"),)), Num(2)))), ()))
    'sec(x)*tan(x)'
    """
    if type(node) is not Mul:
        return node
    factors = node.factors
    found = _pair(factors)
    if found is None:
        return node
    i, j = found
    top, args, a, top_base = _power(factors[i])  # type: ignore[misc]  # as _pair() found them
    bottom, _, b, _ = _power(factors[j])  # type: ignore[misc]
    k = min(a, -b)
    quotient = Call(QUOTIENTS[(top, bottom)], args)
    left = -(b + k)  # what is left of the denominator: 1/g(u)^left, written as its reciprocal
    below = _raised(Call(RECIPROCAL_OF[bottom], args), left)
    rest = [f for n, f in enumerate(factors) if n not in (i, j)]
    made = [below, _raised(quotient, k), _raised(top_base, a - k)]
    return mul(*rest, *[f for f in made if f is not None])


def _raised(base: Expr, k: int) -> Expr | None:
    """``base^k``: None for k = 0, ``base`` itself for k = 1."""
    return None if k == 0 else base if k == 1 else pow_(base, k)
