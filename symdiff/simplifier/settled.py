"""A quick look at a node: which default pass may change it first, if any.

The fast path (:mod:`symdiff.simplifier.fast`) tries the passes at every node;
most nodes of a large gradient are already normal, and calling every pass on
each one is most of the work.  :func:`first_rule` looks at a node once (its
children normal, none of its own kind) and names the first pass of
``simplify()`` (expand off) that may change it, or ``None`` when every pass
leaves it as it is; the passes before the named one certainly leave it.

- a product: identities when it has a 0 or 1 or fewer than two factors;
  indicators when an indicator repeats or meets its opposite; combine-powers
  when two other factors share a base; combine-constants when it has two
  numbers; order-factors when the factors are not in canonical order;
- a sum: identities when it has a 0 or fewer than two terms; combine-constants
  when it has two numbers; collect-terms when two terms are multiples of the
  same product (or a term has numbers past its first factor);
- a power: identities for 0 or 1 as base or exponent; for a number exponent,
  indicators over an indicator, distribute-exponent over a product or a power,
  combine-constants over a number;
- a function: function-values at the shapes it evaluates (a number argument,
  ``log(e)``, ``log(exp(u))``, ``max``/``min`` of one argument or of numbers);
- an indicator: indicators when both sides are one node or both are numbers.

A sum in a sum or a product in a product (spliced before the passes) gives the
first pass.  Other kinds of nodes give the first pass too.

>>> from symdiff.core.expr import Mul, Num, Pow, Var
>>> x, y = Var("x"), Var("y")
>>> first_rule(Mul((Num(2), x, Pow(y, Num(3))))), first_rule(Mul((y, x))), first_rule(Mul((x, x)))
(None, 'order-factors', 'combine-powers')
"""

from __future__ import annotations

from typing import Any

from ..core.expr import ONE, ZERO, Add, Call, Const, Expr, Indicator, Mul, Num, Pow, Var
from .order import NUMBER_KEY, OTHER_KEY, factor_key

FIRST = "identities"  # the first pass of every kind the screen does not know


def _product(factors: tuple[Expr, ...]) -> str | None:
    """The first pass that may change a product of these (normal) factors."""
    if len(factors) < 2 or ZERO in factors or ONE in factors:
        return "identities"
    bases: set[Expr] = set()
    pairs: set[tuple[Expr, Expr]] | None = None  # (lhs, rhs) of the indicators met
    last: tuple[Any, ...] = NUMBER_KEY
    numbers = 0
    shared = unordered = False
    for f in factors:
        kind = type(f)
        if kind is Num:
            numbers += 1
            unordered = unordered or last is not NUMBER_KEY
            continue
        if kind is Var:
            base: Expr = f
            key = factor_key(f)
        elif kind is Pow:
            base = f.base  # type: ignore[attr-defined]
            key = factor_key(f) if type(base) is Var else OTHER_KEY
        elif kind is Mul:
            return FIRST
        else:
            base = f
            key = OTHER_KEY
            if kind is Indicator:
                pair = (f.lhs, f.rhs)  # type: ignore[attr-defined]
                if pairs is None:
                    pairs = {pair}
                elif pair in pairs or (pair[1], pair[0]) in pairs:
                    return "indicators"
                else:
                    pairs.add(pair)
        if base in bases:
            shared = True
        else:
            bases.add(base)
        if not last <= key:
            unordered = True
        last = key
    if shared:
        return "combine-powers"
    if numbers > 1:
        return "combine-constants"
    return "order-factors" if unordered else None


def _sum(terms: tuple[Expr, ...]) -> str | None:
    """The first pass that may change a sum of these (normal) terms."""
    if len(terms) < 2 or ZERO in terms:
        return "identities"
    numbers = 0
    alike = False
    seen: set[Expr | tuple[Expr, ...]] = set()  # what each term is a multiple of
    for t in terms:
        kind = type(t)
        if kind is Num:
            numbers += 1
            continue
        if kind is Mul:
            factors = t.factors  # type: ignore[attr-defined]
            rest = factors[1:] if type(factors[0]) is Num else factors
            if Num in map(type, rest):
                alike = True
        elif kind is Add:
            return FIRST
        else:
            rest = (t,)
        if rest in seen:
            alike = True
        else:
            seen.add(rest)
    if numbers > 1:
        return "combine-constants"
    return "collect-terms" if alike else None


def _power(base: Expr, exp: Expr) -> str | None:
    """The first pass that may change ``base ^ exp`` (both normal)."""
    if base is ZERO or base is ONE or exp is ZERO or exp is ONE:
        return "identities"
    if type(exp) is Num:
        kind = type(base)
        if kind is Indicator:
            return "indicators"
        if kind is Mul or kind is Pow:
            return "distribute-exponent"
        if kind is Num:
            return "combine-constants"
    return None


def _call(node: Call) -> str | None:
    """Whether function-values may change a function application."""
    args = node.args
    if node.deriv or not args:
        return None
    name = node.name
    if name == "max" or name == "min":
        if len(args) == 1 or all(type(a) is Num for a in args):
            return "function-values"
        return None
    if len(args) != 1:
        return None
    u = args[0]
    kind = type(u)
    if kind is Num or (name == "log" and (kind is Const or kind is Call)):
        return "function-values"
    return None


def first_rule(node: Expr) -> str | None:
    """The first default pass that may change ``node`` (children normal), or None if none does.

    >>> from symdiff.core.expr import Add, Num, Pow, Var
    >>> x = Var("x")
    >>> first_rule(Pow(x, Num(2))), first_rule(Pow(x, Num(1))), first_rule(Add((x, Num(1))))
    (None, 'identities', None)
    >>> first_rule(Add((x, Num(2) * x)))
    'collect-terms'
    """
    kind = type(node)
    if kind is Mul:
        return _product(node.factors)  # type: ignore[attr-defined]
    if kind is Add:
        return _sum(node.terms)  # type: ignore[attr-defined]
    if kind is Pow:
        return _power(node.base, node.exp)  # type: ignore[attr-defined]
    if kind is Call:
        return _call(node)  # type: ignore[arg-type]
    if kind is Indicator:
        lhs, rhs = node.lhs, node.rhs  # type: ignore[attr-defined]
        both = type(lhs) is Num and type(rhs) is Num
        return "indicators" if lhs is rhs or both else None
    if kind is Num or kind is Var or kind is Const:
        return None
    return FIRST


def settled(node: Expr) -> bool:
    """Whether every default pass leaves ``node`` (its children normal) as it is.

    >>> from symdiff.core.expr import Mul, Var
    >>> settled(Mul((Var("x"), Var("y")))), settled(Mul((Var("y"), Var("x"))))
    (True, False)
    """
    return first_rule(node) is None
