"""The arithmetic line of a derivation: the sums and products a student works out at once.

One bottom-up sweep, no steps recorded, and no flattening beyond monomials:

- identities: u·1 → u, u·0 → 0, u + 0 → u, u^1 → u, u^0 → 1, 1^u → 1, 0^n → 0;
- the number factors of each product multiply into one leading coefficient (unless it
  could exceed ``max_fold_bits``: then they stay apart);
- c·(d·rest) → (c·d)·rest for numbers c and d;
- a product inside a product is opened only when the result is a monomial
  (numbers, variables, constants, and their powers with number exponents),
  whose variables are then put in name order;
- the number terms of a sum are added.

``3·3x² − 0 + 5·1 + 0`` becomes ``9x² + 5``; ``15(2x²)⁴·4x`` is left for the simplifier.

>>> from symdiff.core.expr import Add, Mul, Num, Pow, Var
>>> x = Var("x")
>>> raw = Add((Mul((Num(3), Mul((Num(3), Pow(x, Num(2)))))), Mul((Num(-1), Num(0))), Num(5)))
>>> arithmetic(raw) is Add((Mul((Num(9), Pow(x, Num(2)))), Num(5)))
True
"""

from __future__ import annotations

from collections.abc import Container
from fractions import Fraction

from ..core.expr import ONE, ZERO, Add, Const, Expr, Mul, Num, Pow, Var, add, mul
from ..core.numbers import fits, product
from ..limits import DEFAULT_LIMITS, Limits
from .identities import power_identity
from .order_factors import factor_key
from .walk import pending, rebuild


def _is_monomial_factor(f: Expr) -> bool:
    kind = type(f)
    if kind is Num or kind is Var or kind is Const:
        return True
    return kind is Pow and type(f.base) in (Var, Const) and type(f.exp) is Num  # type: ignore[attr-defined]


def _power(node: Expr, base: Expr, exp: Expr) -> Expr:
    known = power_identity(base, exp)
    return rebuild(node, (base, exp)) if known is None else known


def _product(kids: tuple[Expr, ...], max_bits: int) -> Expr:
    if ZERO in kids:  # nodes compare by identity
        return ZERO
    factors: tuple[Expr, ...] | list[Expr] = kids
    monomial = False
    if Mul in map(type, kids):
        opened = [g for k in kids for g in (k.children if type(k) is Mul else (k,))]
        if all(map(_is_monomial_factor, opened)):
            factors, monomial = opened, True
    numbers = [f.value for f in factors if type(f) is Num]
    if numbers and not fits(numbers, max_bits):  # too big to fold: left as they are
        return Mul(tuple(factors))
    coef = product(numbers)
    rest = [f for f in factors if type(f) is not Num] if numbers else list(factors)
    if len(rest) == 1 and len(rest) < len(factors):
        inner = rest[0]
        if (
            type(inner) is Mul
            and type(lead := inner.children[0]) is Num
            and fits([Fraction(coef), lead.value], max_bits)
        ):
            coef *= lead.value
            rest = list(inner.children[1:])
    if coef == 0:
        return ZERO
    if monomial:
        rest.sort(key=factor_key)
    return mul(*rest) if coef == 1 else mul(Num(coef), *rest)


def sum_numbers(kids: tuple[Expr, ...], max_bits: int) -> Expr:
    """The sum of ``kids`` with its numbers added at the first one's place (a 0 total dropped).

    Numbers whose sum may need more than ``max_bits`` bits are left as they are.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> str(sum_numbers((Num(2), x, Num(3)), 64)), str(sum_numbers((Num(2), x, Num(-2)), 64))
    ('5 + x', 'x')
    """
    at: int | None = None
    out: list[Expr] = []
    numbers = [k.value for k in kids if type(k) is Num]
    if numbers and not fits(numbers, max_bits, total=True):
        return add(*kids)  # too big to add up: left as they are
    total: Fraction | int = (
        sum(v.numerator for v in numbers)  # whole numbers: added as integers, much faster
        if all(v.denominator == 1 for v in numbers)
        else sum(numbers, Fraction(0))
    )
    for k in kids:
        if type(k) is Num:
            if at is None:
                at = len(out)
                out.append(k)
        else:
            out.append(k)
    if at is not None:
        if total == 0:
            del out[at]
        else:
            out[at] = Num(total)
    return add(*out)


def arithmetic_node(
    node: Expr, kids: tuple[Expr, ...], max_bits: int = DEFAULT_LIMITS.max_fold_bits
) -> Expr:
    """The arithmetic at one node whose children are already worked out.

    >>> from symdiff.core.expr import Var
    >>> y = Var("y")
    >>> arithmetic_node(Mul((y, Num(1))), (y, Num(1))) is y
    True
    """
    if isinstance(node, Mul):
        return _product(kids, max_bits)
    if isinstance(node, Add):
        return sum_numbers(kids, max_bits)
    if isinstance(node, Pow):
        return _power(node, kids[0], kids[1])
    return rebuild(node, kids)


def _kept_product(kids: tuple[Expr, ...]) -> bool:
    """Whether :func:`_product` leaves a product of ``kids`` as it is (``False``: maybe not).

    One look at each factor instead of the full computation: true when nothing
    is 0 or 1, a number (at most one) stands first, and no factor is opened.
    """
    if len(kids) < 2:
        return False
    products = False
    monomial = True  # so far every factor other than a product is a monomial factor
    for i, k in enumerate(kids):
        kind = type(k)
        if kind is Num:
            if i or k is ZERO or k is ONE:
                return False
        elif kind is Mul:
            products = True
        elif monomial and not _is_monomial_factor(k):
            monomial = False
    if not products:
        return True
    if monomial and all(_is_monomial_factor(g) for k in kids if type(k) is Mul for g in k.factors):
        return False  # the products are opened into one monomial
    first, second = kids[0], kids[1]
    return not (  # c·(d·rest) is folded
        type(first) is Num
        and len(kids) == 2
        and type(second) is Mul
        and type(second.factors[0]) is Num
    )


def _kept_sum(kids: tuple[Expr, ...]) -> bool:
    """Whether :func:`_sum` leaves a sum of ``kids`` as it is (``False``: maybe not)."""
    if len(kids) < 2:
        return False
    numbers = 0
    for k in kids:
        if type(k) is Num:
            if numbers or k is ZERO:
                return False
            numbers = 1
    return True


def arithmetic(expr: Expr, limits: Limits = DEFAULT_LIMITS, known: Container[Expr] = ()) -> Expr:
    """The arithmetic line of a raw derivative (see the module docstring).

    >>> from symdiff.core.expr import Add, Mul, Num, Pow, Var
    >>> y = Var("y")
    >>> raw = Add((Mul((Num(2), Num(0))), Mul((Num(3), Mul((Num(2), Pow(y, Num(1))))))))
    >>> arithmetic(raw) is Mul((Num(6), y))
    True

    ``known``: nodes left as they are, not entered (the simplifier's normal forms, which
    the arithmetic line never changes).
    """
    # What transform(expr, arithmetic_node) gives, with results kept only for the
    # nodes that change: most nodes of a large derivative do not.
    max_bits = limits.max_fold_bits
    done: dict[Expr, Expr] = {}
    for node in pending(expr, done, known):
        children = node.children
        if not children:
            continue
        if done and not done.keys().isdisjoint(children):
            result = arithmetic_node(node, tuple([done.get(c, c) for c in children]), max_bits)
        else:
            kind = type(node)
            if kind is Mul:
                result = node if _kept_product(children) else _product(children, max_bits)
            elif kind is Add:
                result = node if _kept_sum(children) else sum_numbers(children, max_bits)
            elif kind is Pow:
                result = _power(node, children[0], children[1])
            else:
                result = node
        if result is not node:
            done[node] = result
    return done.get(expr, expr)
