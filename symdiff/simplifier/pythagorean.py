"""Pass ``pythagorean``: the Pythagorean identities, where they shorten a sum.

``sin²u + cos²u = 1``, ``1 + tan²u = sec²u``, ``1 − sin²u = cos²u``,
``1 − cos²u = sin²u``, ``sec²u − tan²u = 1`` and ``sec²u − 1 = tan²u``, each
also with a common coefficient and common other factors (``3y·sin²x + 3y·cos²x``
is ``3y``).  The two terms become one, standing where the first stood; the other
terms keep their order.  A sum of more than ``MAX_TERMS`` terms is left alone
(the pairs are compared two by two).

>>> from symdiff.core.expr import Add, Call, Num, Pow, Var
>>> s, c = (Pow(Call(f, (Var("x"),)), Num(2)) for f in ("sin", "cos"))
>>> rewrite(Add((s, c)), (s, c)) is Num(1)
True
"""

from __future__ import annotations

from fractions import Fraction

from ..core.expr import Add, Call, Expr, Mul, Num, Pow, add, mul
from ..limits import DEFAULT_LIMITS, Limits
from .collect_terms import like
from .walk import rebuild, split_coefficient

ID = "pythagorean"
TITLE = "Pythagorean identity"
EXAMPLE = "sin(x)^2 + cos(x)^2 -> 1"
KINDS = (Add,)

MAX_TERMS = 64
SQUARED = frozenset(("sin", "cos", "tan", "sec", "cot", "csc", "sinh", "cosh"))

# (square in the first term, square in the second, sign of the second's coefficient
# relative to the first's) -> the square left (None: no square, the common part alone);
# "1" is a term without a square
RULES: dict[tuple[str, str, int], str | None] = {
    ("sin", "cos", 1): None,
    ("1", "tan", 1): "sec",
    ("1", "sin", -1): "cos",
    ("1", "cos", -1): "sin",
    ("sec", "tan", -1): None,
    ("sec", "1", -1): "tan",
    ("1", "cot", 1): "csc",
    ("csc", "cot", -1): None,
    ("csc", "1", -1): "cot",
    ("cosh", "sinh", -1): None,
}

Shape = tuple[Fraction, str, Expr | None, tuple[Expr, ...], tuple[Expr, ...]]


def _square(node: Expr) -> tuple[str, Expr] | None:
    """``(f, u)`` when ``node`` is ``f(u)^2`` for f among sin, cos, tan, sec."""
    if type(node) is not Pow:
        return None
    base, exp = node.children
    if type(base) is Call and type(exp) is Num and exp.value == 2:
        if base.name in SQUARED and not base.deriv and len(base.args) == 1:
            return base.name, base.args[0]
    return None


def _shape(term: Expr) -> Shape:
    """(coefficient, squared function or "1", its argument, the other factors, their key)."""
    coef, rest = split_coefficient(term)
    for i, f in enumerate(rest):
        sq = _square(f)
        if sq is not None:
            others = rest[:i] + rest[i + 1 :]
            return coef, sq[0], sq[1], others, like(others)
    return coef, "1", None, rest, like(rest)


def applies(node: Expr) -> bool:
    """Whether the sum ``node`` has a term with sin², cos², tan² or sec² of something.

    >>> from symdiff.core.expr import Var
    >>> s = Pow(Call("sin", (Var("x"),)), Num(2))
    >>> applies(Add((s, Num(1)))), applies(Add((Var("x"), Num(1))))
    (True, False)
    """
    if type(node) is not Add or len(node.children) > MAX_TERMS:
        return False
    for t in node.children:
        if type(t) is Pow:
            if _square(t) is not None:
                return True
        elif type(t) is Mul and Pow in map(type, t.children):
            if any(_square(f) is not None for f in t.children):
                return True
    return False


def _match(a: Shape, b: Shape) -> Expr | None:
    """The one term ``a + b`` is, by an identity, or None."""
    if a[4] != b[4] or a[0] == 0:
        return None
    if a[2] is not None and b[2] is not None and a[2] is not b[2]:
        return None
    sign = 1 if b[0] == a[0] else -1 if b[0] == -a[0] else 0
    if not sign:
        return None
    left = RULES.get((a[1], b[1], sign))
    if (a[1], b[1], sign) not in RULES:
        return None
    arg = a[2] if a[2] is not None else b[2]
    if arg is None:
        return None
    factors = list(a[3])
    if left is not None:
        factors.append(Pow(Call(left, (arg,)), Num(2)))
    body = mul(*factors)
    return body if a[0] == 1 else mul(Num(a[0]), *factors)


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Apply the first identity that matches two terms of the sum; else the node itself.

    >>> from symdiff.core.expr import Var
    >>> t = Pow(Call("tan", (Var("x"),)), Num(2))
    >>> str(rewrite(Add((Num(1), t)), (Num(1), t)))
    'sec(x)^2'
    """
    if not isinstance(node, Add) or not applies(node):
        return rebuild(node, kids)
    shapes = [_shape(t) for t in kids]
    for i, a in enumerate(shapes):
        for j in range(len(shapes)):
            if i == j:
                continue
            one = _match(a, shapes[j])
            if one is not None:
                first, second = min(i, j), max(i, j)
                terms = list(kids)
                terms[first] = one
                del terms[second]
                return add(*terms)
    return rebuild(node, kids)
