"""Pass ``positive-first``: a numerator of two terms, the negative one first, turned round.

Above a fraction's bar (a sum that is a factor of a product with a factor ``u^-k``),
``−x² + 1`` is written ``1 − x²``, as :func:`.expand_numerator.by_degree` writes
the numerators it expands: two terms, the first negative and the second not, the
other way round.  Sums of more terms, and sums outside a fraction (``−2y + 2z``),
keep their order.

>>> from symdiff.core.expr import Add, Mul, Num, Pow, Var
>>> x = Var("x")
>>> e = Mul((Add((Mul((Num(-1), Pow(x, Num(2)))), Num(1))), Pow(x + 1, Num(-2))))
>>> str(rewrite(e, e.children))
'(1 - x^2)*(x + 1)^-2'
"""

from __future__ import annotations

from ..core.expr import Add, Expr, Mul
from ..limits import DEFAULT_LIMITS, Limits
from .polynomials import leading_negative
from .quotients import quotient

ID = "positive-first"
TITLE = "a positive term first"
EXAMPLE = "(-x^2 + 1)*(x^2 + 1)^-2 -> (1 - x^2)*(x^2 + 1)^-2"
KINDS = (Mul,)


def turned(f: Expr) -> bool:
    """Whether ``f`` is a sum of two terms, the first negative and the second not.

    >>> from symdiff.core.expr import Num, Var
    >>> x = Var("x")
    >>> turned(Add((-x, Num(1)))), turned(Add((Num(1), -x))), turned(Add((-x, Num(-1))))
    (True, False, False)
    """
    if type(f) is not Add:
        return False
    terms = f.children
    return len(terms) == 2 and leading_negative(terms[0]) and not leading_negative(terms[1])


def applies(node: Expr) -> bool:
    """Whether ``node`` is a quotient with such a sum above the bar.

    >>> from symdiff.core.expr import Num, Pow, Var
    >>> x = Var("x")
    >>> applies(Mul((Add((-x, Num(1))), Pow(x, Num(-1))))), applies(Mul((Add((-x, Num(1))), x)))
    (True, False)
    """
    return type(node) is Mul and any(map(turned, node.children)) and quotient(node)


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Each such sum above the bar with its two terms the other way round; else the node.

    >>> from symdiff.core.expr import Var
    >>> rewrite(Var("x"), ()) is Var("x")
    True
    """
    if not applies(node):
        return node
    return Mul(tuple(Add(f.children[::-1]) if turned(f) else f for f in node.children))
