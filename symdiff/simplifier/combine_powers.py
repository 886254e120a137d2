"""Pass ``combine-powers``: factors of a product with one base become one power.

In a product, factors with the same base (x, x^a, x^b; bases
compared by identity, bare numbers excluded) become one power x^(1 + a + b) at
the place of the last of them.  Numeric exponents add exactly; symbolic ones
form a sum.  Numbers too big to multiply or add within ``max_fold_bits`` stay apart.

One exception keeps a quotient a quotient: in a product with a factor of
another base, a power whose exponent shares a variable with its base
(``x^(1/x)``, the ``y`` of logarithmic differentiation) is not merged with a
number power of that base below the bar (``x⁻²``).  So the answer reads
``x^(1/x)·(1 − ln(x))/x²`` as a textbook prints it, not ``x^(1/x − 2)·(1 − ln(x))``,
while a lone ``x^x/x`` is ``x^(x − 1)``.  Such powers still merge with each other,
and the other factors of the base with each other.

>>> from symdiff.core.expr import Mul, Num, Pow, Var
>>> x = Var("x")
>>> combine_powers(Mul((Pow(x, Num(8)), Num(4), x))) is Mul((Num(4), Pow(x, Num(9))))
True
"""

from __future__ import annotations

from ..core.expr import ONE, Add, Expr, Mul, Num, Pow, mul
from ..core.walk import iter_vars, transform
from ..limits import DEFAULT_LIMITS, Limits
from .arithmetic import sum_numbers
from .walk import rebuild

ID = "combine-powers"
TITLE = "combine powers"
EXAMPLE = "x^8*4*x -> 4*x^9"
KINDS = (Mul,)


def _integer_sum(exps: list[Expr], max_bits: int) -> Expr | None:
    """The sum of integer exponents as a number (``None`` if one is not an integer or too big)."""
    total = 0
    size = 0
    for e in exps:
        if type(e) is not Num:
            return None
        value = e.value
        if value.denominator != 1:
            return None
        n = value.numerator
        total += n
        size = max(size, abs(n).bit_length())
    if size + len(exps).bit_length() > max_bits:  # as fits(total=True)
        return None
    return Num(total)


def _exponent_sum(exps: list[Expr], max_bits: int) -> Expr:
    """Sum of exponents: numbers added exactly (at the first number's place), others kept."""
    done = _integer_sum(exps, max_bits)
    if done is not None:
        return done
    terms = tuple(t for e in exps for t in (e.terms if isinstance(e, Add) else (e,)))
    return sum_numbers(terms, max_bits)


def _base_exp(f: Expr) -> tuple[Expr, Expr]:
    return (f.base, f.exp) if isinstance(f, Pow) else (f, ONE)


def _own_exponent(f: Expr) -> bool:
    """Whether ``f`` is a power whose exponent (not a number) shares a variable with its base."""
    if type(f) is not Pow or type(f.exp) is Num:
        return False
    return not set(iter_vars(f.base)).isdisjoint(iter_vars(f.exp))


def _below_bar(f: Expr) -> bool:
    """Whether ``f`` is a power with a negative number exponent (a denominator)."""
    return type(f) is Pow and type(f.exp) is Num and f.exp.value < 0


def groups(factors: tuple[Expr, ...]) -> list[list[int]]:
    """The places of the factors that merge, one list per new power (two places or more).

    Factors other than numbers with one base merge, except that powers with an
    exponent of their own base's variables stay apart from that base's denominators
    when the product has another factor above the bar.

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> own, below = Pow(x, Pow(x, Num(-1))), Pow(x, Num(-2))
    >>> groups((x, y, Pow(x, Num(2)))), groups((own, y, below)), groups((own, below))
    ([[0, 2]], [], [[0, 1]])
    """
    where: dict[Expr, list[int]] = {}  # base -> the places of its factors
    shared = False
    for i, f in enumerate(factors):
        kind = type(f)
        if kind is Num:
            continue
        base = f.base if kind is Pow else f  # type: ignore[attr-defined]
        places = where.get(base)
        if places is None:
            where[base] = [i]
        else:
            places.append(i)
            shared = True
    if not shared:
        return []
    out: list[list[int]] = []
    for places in where.values():
        if len(places) < 2:
            continue
        own = []  # powers with an exponent of their base's variables, when they stay apart
        if len(where) > 1 and any(_below_bar(factors[i]) for i in places):
            own = [i for i in places if _own_exponent(factors[i])]
        if own:
            rest = [i for i in places if i not in own]
            out.extend(g for g in (own, rest) if len(g) > 1)
        else:
            out.append(places)
    return out


def applies(node: Expr) -> bool:
    """Whether two factors of the product ``node`` (other than numbers) merge.

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> applies(Mul((x, Pow(x, Num(2))))), applies(Mul((x, y)))
    (True, False)
    """
    return type(node) is Mul and bool(groups(node.children))


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Merge the factors of one product that share a base.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> rewrite(Mul((x, x)), (x, x)) is Pow(x, Num(2))
    True
    """
    if not isinstance(node, Mul):
        return rebuild(node, kids)
    merging = groups(kids)
    if not merging:
        return rebuild(node, kids)
    out: list[Expr | None] = list(kids)
    for places in merging:
        for i in places[:-1]:
            out[i] = None
        base = _base_exp(kids[places[0]])[0]
        exps = [_base_exp(kids[i])[1] for i in places]
        out[places[-1]] = Pow(base, _exponent_sum(exps, limits.max_fold_bits))
    return mul(*[f for f in out if f is not None])


def combine_powers(expr: Expr, limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Apply combine-powers everywhere in ``expr``.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> combine_powers(x * Pow(x, Num(-1))) is Pow(x, Num(0))
    True
    """
    return transform(expr, lambda n, k: rewrite(n, k, limits))
