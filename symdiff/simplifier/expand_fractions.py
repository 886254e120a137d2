"""Pass ``expand-fractions``: a product of sums with fractions in them, multiplied out when shorter.

A number times two or more sums of a few terms each, every term a number times
integer powers of variables and some power negative (``2(x + 1/x)·(1 − 1/x²)``,
what the chain rule leaves for ``(x + 1/x)²``), is expanded and simplified; the
result replaces it when it has fewer nodes (``2x − 2/x³``).  Products of sums
without fractions keep their factored form (``2(x² + 3x)·(2x + 3)``).

>>> from symdiff.core.expr import Add, Mul, Num, Pow, Var
>>> x = Var("x")
>>> e = Mul((Num(2), Add((x, Pow(x, Num(-1)))), Add((Num(1), Mul((Num(-1), Pow(x, Num(-2))))))))
>>> str(rewrite(e, e.children))
'2*x - 2*x^-3'
"""

from __future__ import annotations

from ..core.expr import Expr, Mul
from ..limits import DEFAULT_LIMITS, Limits
from .expand_numerator import tree_size
from .polynomials import fraction_sums, shape

ID = "expand-fractions"
TITLE = "multiply out the fractions"
EXAMPLE = "(x + x^-1)*(x - x^-1) -> x^2 - x^-2"
KINDS = (Mul,)


def applies(node: Expr) -> bool:
    """Whether ``node`` is a product of numbers and sums with fractions (:func:`.fraction_sums`).

    >>> from symdiff.core.expr import Add, Num, Pow, Var
    >>> x = Var("x")
    >>> applies(Mul((Add((x, Pow(x, Num(-1)))), x + Num(1)))), applies(Mul((x, x + Num(1))))
    (True, False)
    """
    return type(node) is Mul and fraction_sums(node.children)


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """The product multiplied out and simplified, when that has fewer nodes; else the node.

    >>> from symdiff.core.expr import Add, Num, Pow, Var
    >>> x = Var("x")
    >>> e = Mul((Add((x, Pow(x, Num(-1)))), Add((x, Num(1)))))
    >>> rewrite(e, e.children) is e  # x² + x + 1 + x⁻¹ is no shorter
    True
    """
    if not applies(node):
        return node
    from . import expand_passes  # the simplifier's passes: imported when first needed
    from .engine import run

    size = tree_size(node)
    expanded = run(node, expand_passes(), limits=limits, record=False)[0]
    if shape(expanded) and tree_size(expanded, size) < size:
        return expanded
    return node
