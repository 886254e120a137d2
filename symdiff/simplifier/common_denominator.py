"""Pass ``common-denominator``: terms over one denominator written as one fraction.

When every term of a sum has the same factor ``x^-k`` (a variable to a negative
number, the same node in each), it is taken out once: ``−ln(x)/x² + 1/x²`` is
``(−ln(x) + 1)/x²``, as a textbook adds fractions with one denominator.  Terms over
different denominators (``1/x + 1/x²``, ``cos(x)·ln(x) + sin(x)/x``) are left as
they are.

>>> from symdiff.core.expr import Add, Call, Mul, Num, Pow, Var
>>> x = Var("x")
>>> below = Pow(x, Num(-2))
>>> e = Add((Mul((Num(-1), Call("ln", (x,)), below)), below))
>>> str(rewrite(e, e.children))
'x^-2*(-ln(x) + 1)'
"""

from __future__ import annotations

from ..core.expr import Add, Expr, Mul, Num, Pow, Var, add, mul
from ..limits import DEFAULT_LIMITS, Limits

ID = "common-denominator"
TITLE = "add over the common denominator"
EXAMPLE = "x^-2 - y*x^-2 -> (1 - y)*x^-2"
KINDS = (Add,)

MAX_TERMS = 16  # a textbook's sum; larger sums (generated gradients) are left alone


def _factors(term: Expr) -> tuple[Expr, ...]:
    return term.children if type(term) is Mul else (term,)


def shared(node: Expr) -> list[Expr]:
    """The factors ``x^-k`` (a variable, a negative number k) every term of a sum has.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> shared(Add((Pow(x, Num(-1)), Mul((Num(2), Pow(x, Num(-1)))))))
    [<Pow x^-1>]
    >>> shared(Add((Pow(x, Num(-1)), Pow(x, Num(-2)))))
    []
    """
    terms = node.children
    if type(node) is not Add or len(terms) > MAX_TERMS:
        return []
    found: list[Expr] = [
        f
        for f in dict.fromkeys(_factors(terms[0]))
        if type(f) is Pow
        and type(f.children[0]) is Var
        and type(f.children[1]) is Num
        and f.children[1].value < 0
    ]
    for term in terms[1:]:
        if not found:
            break
        factors = _factors(term)
        found = [f for f in found if f in factors]
    return found


def applies(node: Expr) -> bool:
    """Whether every term of the sum ``node`` has one factor ``x^-k``.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> applies(Add((Pow(x, Num(-2)), Mul((x, Pow(x, Num(-2))))))), applies(Add((x, Num(1))))
    (True, False)
    """
    return bool(shared(node))


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """The shared factors times the sum of what is left of each term; else the node.

    >>> from symdiff.core.expr import Var
    >>> rewrite(Var("x"), ()) is Var("x")
    True
    """
    common = shared(node)
    if not common:
        return node
    left = []
    for term in node.children:
        factors = list(_factors(term))
        for f in common:
            factors.remove(f)  # one of each: a term holds it (shared() found it)
        left.append(mul(*factors))
    return mul(*common, add(*left))
