"""Pass ``expand-polynomial``: a polynomial sum with sums inside, multiplied out when shorter.

A sum whose every leaf is a number or a variable (a polynomial) and which holds a
product or power of a sum (``2x·(x − 3) + x²``, what the product rule leaves) is
expanded and simplified; the result, its terms by descending degree, replaces it
when it has fewer nodes (``3x² − 6x``).  Sums with anything else in them (calls,
symbolic exponents) and sums of more than ``MAX_NODES`` nodes are left alone.

>>> from symdiff.core.expr import Add, Mul, Num, Pow, Var
>>> x = Var("x")
>>> e = Add((Mul((Num(2), x, Add((x, Num(-3))))), Pow(x, Num(2))))
>>> str(rewrite(e, e.children))
'3*x^2 - 6*x'
"""

from __future__ import annotations

from ..core.expr import Add, Expr, Mul, Num, Pow, Var
from ..limits import DEFAULT_LIMITS, Limits
from .expand_numerator import by_degree, tree_size
from .polynomials import polynomial
from .quotients import numerator
from .walk import rebuild

ID = "expand-polynomial"
TITLE = "multiply out"
EXAMPLE = "2*x*(x - 3) + x^2 -> 3*x^2 - 6*x"
KINDS = (Add,)

# the largest sum tried (nodes of its tree): a textbook's, not a generated polynomial's
# (multiplying out the sums reverse mode shares in a large gradient would cost, not help)
MAX_NODES = 60


def polynomial_shape(root: Expr) -> bool:
    """Whether ``root`` is built of numbers, variables, sums, products and natural powers.

    At most ``MAX_NODES`` nodes are looked at (a larger tree is not taken).

    >>> from symdiff.core.expr import Call
    >>> x = Var("x")
    >>> polynomial_shape(Mul((x, x + 1))), polynomial_shape(Mul((x, Call("sin", (x,)))))
    (True, False)
    """
    stack, seen = [root], 0
    while stack:
        node = stack.pop()
        seen += 1
        if seen > MAX_NODES:
            return False
        kind = type(node)
        if kind is Pow:
            exp = node.children[1]
            if type(exp) is not Num or exp.value.denominator != 1 or exp.value < 0:
                return False
            stack.append(node.children[0])
        elif kind is Add or kind is Mul:
            stack.extend(node.children)
        elif kind is not Num and kind is not Var:
            return False
    return True


def applies(node: Expr) -> bool:
    """Whether ``node`` is a polynomial sum holding a product or power of a sum.

    >>> x = Var("x")
    >>> applies(Add((Mul((x, x + 1)), x))), applies(Add((x, Num(1))))
    (True, False)
    """
    return type(node) is Add and numerator(node) and polynomial_shape(node)


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """The sum multiplied out and simplified, when that has fewer nodes; else the sum.

    >>> x = Var("x")
    >>> e = Add((Mul((x, x + 1)), x))
    >>> rewrite(e, e.children) is e  # x² + 2x is no shorter than x·(x + 1) + x
    True
    """
    if not applies(node):
        return rebuild(node, kids)
    from . import expand_passes  # the simplifier's passes: imported when first needed
    from .engine import run

    size = tree_size(node)
    expanded = run(node, expand_passes(), limits=limits, record=False)[0]
    if polynomial(expanded) and tree_size(expanded, size) < size:
        return by_degree(expanded)
    return node
