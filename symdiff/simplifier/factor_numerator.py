"""Pass ``factor-numerator``: a quotient's numerator with its common factor taken out.

In a product with a factor ``u^-k`` (printed as a fraction), a sum whose terms
share a factor other than a number has it taken out (:func:`.factor.factored`):
``(x·exp(x) − exp(x))/x²`` is ``exp(x)·(x − 1)/x²``, and a factor shared with the
denominator then cancels (``(x²·exp(x) − 2x·exp(x))/x⁴`` → ``exp(x)·(x − 2)/x³``).

>>> from symdiff.core.expr import Add, Call, Mul, Num, Pow, Var
>>> x = Var("x")
>>> ex = Call("exp", (x,))
>>> e = Mul((Add((Mul((x, ex)), Mul((Num(-1), ex)))), Pow(x, Num(-2))))
>>> str(rewrite(e, e.children))
'exp(x)*(x - 1)*x^-2'
"""

from __future__ import annotations

from ..core.expr import Add, Expr, Mul
from ..limits import DEFAULT_LIMITS, Limits
from .factor import factored, shares_factor
from .quotients import factorable
from .walk import rebuild

ID = "factor-numerator"
TITLE = "take out the common factor"
EXAMPLE = "(x*exp(x) - exp(x))*x^-2 -> exp(x)*(x - 1)*x^-2"
KINDS = (Mul,)


def applies(node: Expr) -> bool:
    """Whether ``node`` is a quotient with a sum above whose terms share a factor.

    >>> from symdiff.core.expr import Num, Pow, Var
    >>> x = Var("x")
    >>> applies(Mul((Add((Mul((x, x + 1)), x)), Pow(x, Num(-1))))), applies(Mul((x, x + 1)))
    (True, False)
    """
    return factorable(node)


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Each numerator sum with a shared factor, factored; else the node itself.

    >>> from symdiff.core.expr import Var
    >>> rewrite(Var("x"), ()) is Var("x")
    True
    """
    if not isinstance(node, Mul) or not factorable(node):
        return rebuild(node, kids)
    factors: list[Expr] = []
    for f in node.children:
        done = factored(f, numbers=False) if type(f) is Add and shares_factor(f) else f
        factors.extend(done.children if type(done) is Mul else (done,))
    return Mul(tuple(factors))
