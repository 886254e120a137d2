"""Pass ``expand`` (only on request): products over sums, and (a + b)^n for 2 ≤ n ≤ 20.

A product of sums becomes the sum of all products of one term from each, in
order; (a + b + ...)^n becomes its multinomial expansion, highest power of the
first term first.  A node whose expansion would have more than
``MAX_EXPAND_TERMS`` terms is left as it is.  The raw terms (``5·x⁴·1``) are
cleaned by the other passes.

>>> from symdiff.core.expr import Add, Mul, Var
>>> a, b, c = Var("a"), Var("b"), Var("c")
>>> expand(Mul((a, Add((b, c))))) is Add((Mul((a, b)), Mul((a, c))))
True
"""

from __future__ import annotations

from itertools import combinations_with_replacement, product
from math import comb, factorial

from ..core.expr import Add, Expr, Mul, Num, Pow, add, mul
from ..core.walk import transform
from ..limits import DEFAULT_LIMITS, Limits
from .walk import is_int, rebuild, splice_muls

ID = "expand"
TITLE = "expand"
EXAMPLE = "a*(b + c) -> a*b + a*c"
KINDS = (Add, Mul, Pow)

MAX_EXPAND_TERMS = 10_000
MAX_EXPAND_POWER = 20


def _bound(limits: Limits) -> int:
    return min(MAX_EXPAND_TERMS, limits.max_nodes)


def _sum_terms(kids: tuple[Expr, ...]) -> list[Expr]:
    out: list[Expr] = []
    for k in kids:
        out.extend(k.terms if isinstance(k, Add) else (k,))
    return out


def _distribute(factors: list[Expr], bound: int) -> Expr | None:
    """The expanded product, or None when it has no sum factor or is too big."""
    choices = [f.terms if isinstance(f, Add) else (f,) for f in factors]
    count = 1
    for c in choices:
        count *= len(c)
    if count > bound or all(len(c) == 1 and not isinstance(c[0], Add) for c in choices):
        return None
    return add(*(mul(*splice_muls(pick)) for pick in product(*choices)))


def _multinomial(terms: tuple[Expr, ...], n: int, bound: int) -> Expr | None:
    """``(t1 + ... + tk)^n`` expanded, or None when too big."""
    k = len(terms)
    if comb(n + k - 1, k - 1) > bound:
        return None
    out: list[Expr] = []
    for pick in combinations_with_replacement(range(k), n):
        counts = [0] * k
        for i in pick:
            counts[i] += 1
        coef = factorial(n)
        factors: list[Expr] = []
        for t, m in zip(terms, counts, strict=True):
            coef //= factorial(m)
            if m == 1:
                factors.extend(splice_muls((t,)))
            elif m > 1:
                factors.append(Pow(t, Num(m)))
        out.append(mul(*factors) if coef == 1 else mul(Num(coef), *factors))
    return add(*out)


def applies(node: Expr) -> bool:
    """Whether ``node`` holds a sum to open: a sum or product of one, or a power of one.

    >>> from symdiff.core.expr import Var
    >>> a, b = Var("a"), Var("b")
    >>> applies(Mul((a, Add((a, b))))), applies(Mul((a, b)))
    (True, False)
    """
    kind = type(node)
    if kind is Add:
        return Add in map(type, node.children)
    if kind is Mul:
        kinds = set(map(type, node.children))
        return Add in kinds or Mul in kinds
    if kind is Pow:
        base, exp = node.children
        return type(base) is Add and is_int(exp)
    return False


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Expand one node whose children are already expanded (and flatten it).

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> p = Pow(Add((x, Num(1))), Num(2))
    >>> raw = Add((Pow(x, Num(2)), Mul((Num(2), x, Num(1))), Pow(Num(1), Num(2))))
    >>> rewrite(p, p.children) is raw
    True
    """
    done: Expr | None = None
    if isinstance(node, Add):
        terms = _sum_terms(kids)
        done = None if len(terms) == len(kids) else Add(tuple(terms))
    elif isinstance(node, Mul):
        factors = splice_muls(kids)
        done = _distribute(factors, _bound(limits))
        if done is None and len(factors) != len(kids):
            done = Mul(tuple(factors))
    elif isinstance(node, Pow):
        base, exp = kids
        if isinstance(base, Add) and is_int(exp) and isinstance(exp, Num):
            n = int(exp.value)
            if 2 <= n <= MAX_EXPAND_POWER:
                done = _multinomial(base.terms, n, _bound(limits))
    return rebuild(node, kids) if done is None else done


def expand(expr: Expr, limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Apply expand everywhere in ``expr``.

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> square = Add((Pow(x, Num(2)), Mul((Num(2), x, y)), Pow(y, Num(2))))
    >>> expand(Pow(Add((x, y)), Num(2))) is square
    True
    """
    return transform(expr, lambda n, k: rewrite(n, k, limits))
