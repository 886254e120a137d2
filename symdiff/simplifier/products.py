"""The normal form of a product of normal factors, where the passes only fold and sort.

Splice normal products and normal factors into one product ``F`` (a product in
a product opened, as the engine does).  Under the default passes, when

- ``F`` has two factors or more, none of them 0 or 1 (identities does not apply),
- no two indicators of ``F`` are equal or opposite (indicators does not apply),
- no two factors of ``F`` other than numbers share a base (combine-powers does not),
- its numbers, when two or more, fit ``max_fold_bits`` multiplied,
- it is not a quotient that expand-numerator, factor-numerator, cancel-factors,
  clear-fractions or positive-first may rewrite,
- it is not a product that distribute-number or expand-fractions may multiply out,

the engine takes at most two steps on ``F``: combine-constants multiplies its
numbers into one leading coefficient (dropped when it is 1), then
order-factors sorts the other factors (a stable sort by ``factor_key``).  The
result is normal: every guard fails on it.  :func:`joined` gives that result
and the number of steps at once, without building the forms in between, or
None when a condition fails (the engine then takes the steps itself).

>>> from symdiff.core.expr import Call, Var
>>> x, y = Var("x"), Var("y")
>>> s = Call("sin", (x,))
>>> joined(None, (Mul((Num(-1), s)), Mul((Num(2), y)), x), 4096, 100)
(<Mul -2*x*y*sin(x)>, 2)
>>> joined(None, (Mul((Num(2), y)), y), 4096, 100) is None  # y·y: combine-powers
True
"""

from __future__ import annotations

from typing import Any

from ..core.expr import ONE, ZERO, Add, Call, Expr, Indicator, Mul, Num, Pow, Var, mul
from ..core.numbers import fits
from ..core.numbers import product as product_of
from . import clear_fractions, positive_first
from .combine_roots import root_pair
from .distribute_number import spreads
from .order_factors import BELOW_KEY, NUMBER_KEY, OTHER_KEY, _name_key, factor_key
from .polynomials import fraction_sums
from .quotient_identities import quotient_pair
from .quotients import reshapes

_NUMBERS_AND_SUMS = frozenset((Num, Add))  # what distribute-number and expand-fractions read


def joined(
    node: Expr | None, kids: tuple[Expr, ...], max_bits: int, cap: int
) -> tuple[Expr, int] | None:
    """The normal form of the product of the normal ``kids`` spliced, and its steps, or None.

    ``node``, when given, is a product whose children's normal forms are ``kids``:
    it is returned itself when it is that normal form.  None also when the
    spliced product would have more than ``cap`` factors (the engine raises).

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> e = Mul((Num(3), x, y))
    >>> joined(e, e.children, 4096, 100) == (e, 0), joined(None, (y, Mul((Num(3), x))), 4096, 100)
    (True, (<Mul 3*x*y>, 1))
    """
    factors: list[Expr] = []
    for k in kids:
        if type(k) is Mul:
            factors.extend(k.children)
        else:
            factors.append(k)
    if len(factors) < 2 or len(factors) > cap or ZERO in factors or ONE in factors:
        return None
    kinds = set(map(type, factors))
    if Var not in kinds and Pow not in kinds and Indicator not in kinds:
        if Add in kinds and kinds <= _NUMBERS_AND_SUMS:
            if spreads(factors) or fraction_sums(factors):
                return None  # distribute-number or expand-fractions
        return _plain(node, factors, max_bits)
    if Add in kinds and Pow in kinds:
        product = Mul(tuple(factors))
        if reshapes(product):
            return None  # expand-numerator, factor-numerator or cancel-factors
        if clear_fractions.applies(product) or positive_first.applies(product):
            return None  # clear-fractions or positive-first
    if (Call in kinds or Pow in kinds) and (quotient_pair(factors) or root_pair(factors)):
        return None  # quotient-identities or combine-roots
    numbers: list[Num] = []
    rest: list[Expr] = []
    bases: set[Expr] = set()
    pairs: set[tuple[Expr, Expr]] | None = None  # (lhs, rhs) of the indicators met
    last: tuple[Any, ...] = NUMBER_KEY
    ordered = True  # the factors other than numbers in order-factors' order
    late = False  # a number after another factor
    for f in factors:
        kind = type(f)
        if kind is Num:
            numbers.append(f)  # type: ignore[arg-type]
            late = late or bool(rest)
            continue
        if kind is Var:
            base, key = f, _name_key(f.name)  # type: ignore[attr-defined]
        elif kind is Pow:
            base, exp = f.children
            if type(exp) is Num and exp.value.numerator < 0:
                key = (3, *_name_key(base.name)) if type(base) is Var else BELOW_KEY
            else:
                key = _name_key(base.name) if type(base) is Var else OTHER_KEY
        else:
            base, key = f, OTHER_KEY
            if kind is Indicator:
                pair = (f.lhs, f.rhs)  # type: ignore[attr-defined]
                if pairs is None:
                    pairs = set()
                elif pair in pairs or (pair[1], pair[0]) in pairs:
                    return None
                pairs.add(pair)
        if base in bases:
            return None
        bases.add(base)
        if key is not last and not last <= key:
            ordered = False
        last = key
        rest.append(f)
    steps = 0
    lead: list[Expr] = list(numbers)
    if len(numbers) > 1:
        values = [n.value for n in numbers]
        if not fits(values, max_bits):
            return None
        lead = [] if (coef := product_of(values)) == 1 else [Num(coef)]
        steps = 1
        if len(rest) < 2:  # nothing to sort (or no product left for order-factors)
            return mul(*lead, *rest), steps
    elif late:
        ordered = False  # order-factors puts the number first
    if ordered:
        if steps == 0:
            if node is not None and tuple(factors) == node.children:
                return node, 0
            return Mul(tuple(factors)), 0
    else:
        rest.sort(key=factor_key)
        steps += 1
    return Mul((*lead, *rest)), steps


def _plain(node: Expr | None, factors: list[Expr], max_bits: int) -> tuple[Expr, int] | None:
    """:func:`joined` where no factor is a variable, a power or an indicator.

    Each factor is then its own base and every key but a number's is ``OTHER_KEY``.
    """
    rest = [f for f in factors if type(f) is not Num]
    if len(set(rest)) < len(rest):
        return None  # combine-powers
    if len(rest) + 1 >= len(factors):  # one number or none: order-factors puts it first
        if len(rest) == len(factors) or type(factors[0]) is Num:
            if node is not None and tuple(factors) == node.children:
                return node, 0
            return Mul(tuple(factors)), 0
        return Mul((*[f for f in factors if type(f) is Num], *rest)), 1
    values = [f.value for f in factors if type(f) is Num]
    if not fits(values, max_bits):
        return None
    coef = product_of(values)  # combine-constants; the rest stays in order
    return (mul(*rest) if coef == 1 else mul(Num(coef), *rest)), 1
