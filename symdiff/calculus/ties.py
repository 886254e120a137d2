"""Arguments of max and min that are the same function, written differently.

The table's partials of ``max``/``min`` take ties between arguments as strict (the book's
convention: ∂max(x, 0)/∂x at 0 is 0), and count an argument that repeats *as a node*
once (``max(x, x)`` is ``x``).  Two different nodes can still be one function: ``max(x,
--x)`` or ``max(x, 1*x)`` tie everywhere, and the strict partials would make the
derivative 0 where it is 1.  So before the partials are taken, each argument that the
simplifier proves equal to an earlier one (their difference simplifies to 0) is replaced
by that earlier one; the partials then count it once, as for a repeated node.

Proving costs a simplification, so it is tried only for pairs that could be equal: the
same node after the arithmetic line, or the same variables; never with a constant argument
(its derivative is 0, and so is that of anything equal to it: there is nothing to repair),
and only for calls of at most ``MAX_ARGS`` non-constant arguments (pairs grow as n²; a
max over 100,000 arguments is left as written).

>>> from symdiff.core.expr import Var, call, neg
>>> x = Var("x")
>>> [str(a) for a in representatives((x, neg(neg(x)), Var("y")))]
['x', 'x', 'y']
"""

from __future__ import annotations

from ..core.expr import ZERO, Call, Const, Expr, Num, add, neg
from ..core.functions import FUNCTIONS
from ..core.walk import postorder, variables
from ..errors import SymdiffError
from ..simplifier import simplify
from ..simplifier.arithmetic import arithmetic

MAX_ARGS = 16  # non-constant arguments compared pairwise; a wider max is left as written
_COMMUTING = frozenset(r.name for r in FUNCTIONS.values() if r.kinks == "ties")  # max, min


def representatives(args: tuple[Expr, ...]) -> tuple[Expr, ...]:
    """``args`` with each one equal (as a function) to an earlier one replaced by it.

    The tuple itself when no two are equal, so callers can test ``is args``.

    >>> from symdiff.core.expr import Var, Num, call
    >>> args = (Var("x"), Num(0))
    >>> representatives(args) is args
    True
    """
    if len(args) < 2:
        return args
    # a constant argument has derivative 0, as has anything equal to it: nothing to repair
    open_ = [i for i, a in enumerate(args) if not isinstance(a, Num | Const)]
    if not 2 <= len(open_) <= MAX_ARGS:
        return args
    tidy = {i: arithmetic(args[i]) for i in open_}
    names = {i: frozenset(variables(tidy[i])) for i in open_}
    out = list(args)
    changed = False
    for n, i in enumerate(open_):
        for j in open_[:n]:
            if out[j] is not args[j] or args[i] is args[j]:
                continue  # j itself stands for an earlier one; or a repeated node already
            if tidy[i] is tidy[j] or (names[i] == names[j] and _equal(tidy[i], tidy[j])):
                out[i] = args[j]
                changed = True
                break
    return tuple(out) if changed else args


def _equal(a: Expr, b: Expr) -> bool:
    """Whether ``a - b`` simplifies to 0 (a proof that they are one function).

    The arguments of every max and min are put in one order first, since they commute and
    the simplifier keeps them as written: ``max(x, 0)`` and ``max(0, x)`` are one function.
    """
    try:
        return simplify(add(sorted_extrema(a), neg(sorted_extrema(b)))) is ZERO
    except SymdiffError:  # a limit or a domain error: not proven equal
        return False


def sorted_extrema(e: Expr) -> Expr:
    """``e`` with the arguments of every max and min in one order (by their text).

    >>> from symdiff.core.expr import Num, Var, call
    >>> str(sorted_extrema(call("max", Var("x"), Num(0)) + call("min", Var("y"), Var("b"))))
    'max(0, x) + min(b, y)'
    """
    done: dict[Expr, Expr] = {}
    for node in postorder(e):
        kids = tuple([done[c] for c in node.children])
        if type(node) is Call and node.name in _COMMUTING and not node.deriv:
            kids = tuple(sorted(kids, key=str))
        done[node] = node if kids == node.children else node.rebuild(kids)
    return done[e]
