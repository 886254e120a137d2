"""Pass ``expand-numerator``: a quotient's numerator multiplied out when that is shorter.

In a product with a factor ``u^-k`` (a quotient, printed as a fraction), a sum
holding products or powers of sums (what the quotient rule leaves,
``2x·(x − 1) − (x² + 1)``) is expanded and simplified; the result, its terms by descending
degree, replaces it when it has fewer nodes (``x² − 2x − 1``) or is a short
polynomial (``x² + 2x + 3`` for ``3 + x·(x + 2)``).  Sums that would not shrink, and sums
of more than ``MAX_NODES`` nodes, are left as they are.

>>> from symdiff.core.expr import Add, Mul, Num, Pow, Var
>>> x = Var("x")
>>> top = Add((Mul((Num(2), x, Add((x, Num(-1))))), Mul((Num(-1), Add((Pow(x, Num(2)), Num(1)))))))
>>> quotient = Mul((top, Pow(Add((x, Num(-1))), Num(-2))))
>>> str(rewrite(quotient, quotient.children))
'(x^2 - 2*x - 1)*(x - 1)^-2'
"""

from __future__ import annotations

from ..core.expr import Add, Expr, Mul, Num, Pow, Var
from ..limits import DEFAULT_LIMITS, Limits
from .polynomials import leading_negative, polynomial
from .quotients import applies, numerator
from .walk import rebuild

ID = "expand-numerator"
TITLE = "expand the numerator"
EXAMPLE = "(2*x*(x - 1) - (x^2 + 1))*(x - 1)^-2 -> (x^2 - 2*x - 1)*(x - 1)^-2"
KINDS = (Mul,)

MAX_NODES = 200  # the largest numerator sum tried (nodes of its tree)


def tree_size(root: Expr, cap: int = MAX_NODES + 1) -> int:
    """The nodes of ``root`` as a tree (shared ones counted each time), up to ``cap``.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> tree_size(x * x + x * x), tree_size(x * x + x * x, 4)
    (7, 4)
    """
    count, stack = 0, [root]
    while stack and count < cap:
        node = stack.pop()
        count += 1
        stack.extend(node.children)
    return count


def degree(term: Expr) -> int:
    """The total degree of a term in its variables' integer powers (other factors: 0).

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> degree(Mul((Num(3), Pow(x, Num(2)), y))), degree(Num(5))
    (3, 0)
    """
    total = 0
    for f in term.children if type(term) is Mul else (term,):
        if type(f) is Var:
            total += 1
        elif type(f) is Pow and type(f.base) is Var and type(f.exp) is Num:
            value = f.exp.value
            if value.denominator == 1 and value > 0:
                total += int(value)
    return total


def by_degree(expr: Expr) -> Expr:
    """A sum's terms by descending degree, as a polynomial is written (stable otherwise).

    Two terms, the first negative and the second not, are written the other way round.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> str(by_degree(Add((Num(2), Mul((Num(-6), x)), Mul((Num(-2), Pow(x, Num(2))))))))
    '-2*x^2 - 6*x + 2'
    >>> str(by_degree(Add((Num(1), Mul((Num(-1), Pow(x, Num(2))))))))
    '1 - x^2'
    """
    if type(expr) is not Add:
        return expr
    terms = sorted(expr.children, key=lambda t: -degree(t))
    if len(terms) == 2 and leading_negative(terms[0]) and not leading_negative(terms[1]):
        terms.reverse()  # 1 − x², not −x² + 1
    return expr if tuple(terms) == expr.children else Add(tuple(terms))


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Replace each numerator sum by its simplified expansion when that has fewer nodes.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> e = Mul((Add((Mul((Num(2), x, x + 1)), Num(-1) * x)), Pow(x, Num(-1))))
    >>> str(rewrite(e, e.children))
    '(2*x^2 + x)/x'
    """
    if not isinstance(node, Mul) or not applies(node):
        return rebuild(node, kids)
    from . import expand_passes  # the simplifier's passes: imported when first needed
    from .engine import run

    out = list(kids)
    for i, f in enumerate(kids):
        if not numerator(f):
            continue
        size = tree_size(f)
        if size > MAX_NODES:
            continue
        expanded = run(f, expand_passes(), limits=limits, record=False)[0]
        if polynomial(expanded) or tree_size(expanded, size) < size:
            out[i] = by_degree(expanded)
    done = tuple(out)
    return node if done == node.children else Mul(done)
