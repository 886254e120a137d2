"""Reverse-mode accumulation: every partial derivative in one backward sweep.

The adjoint of a node is ∂(root)/∂(node).  The root's adjoint is 1; walking the
DAG parents-first, each node passes ``adjoint · ∂node/∂child`` to each child
that depends on a wanted variable, and a node's adjoint is the sum of what its
parents passed it.  The adjoint of a variable is the partial derivative.  The
local partials ``∂node/∂child`` come from the forward rules
(:mod:`symdiff.calculus.local_partials`), so both modes agree on every rule, including
``max``/``min`` (indicators), abstract functions and powers.

Each distinct node is visited once, with constant work per edge: time and the
size of the result grow with the DAG, not with (size × number of variables).
The partials share sub-expressions with each other and with the input, and are
raw (nested sums and products, unsimplified); :func:`arithmetic_partials` and
:func:`simplify_partials` tidy many at once with shared memoization.  A product
``adjoint · local`` puts a number or variable first, as the simplifier orders
factors, which spares it a reordering step.

The terms of an adjoint come in the order of the parents in the input (its
post-order), so ``3x³z − y² + 5z + 2yz`` gives ∂/∂z with terms ``3x³, 5, 2y``.

>>> from symdiff import parse
>>> raw = gradient_reverse(parse("3x^3z - y^2 + 5z + 2yz"), ["x", "y", "z"])
>>> {name: str(p) for name, p in simplify_partials(raw).items()}
{'x': '9*x^2*z', 'y': '-2*y + 2*z', 'z': '3*x^3 + 5 + 2*y'}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..core.expr import ONE, ZERO, Add, Call, Expr, Mul, Num, Var, mul
from ..core.interning import bulk
from ..limits import DEFAULT_LIMITS, Limits
from .local_partials import binary_partial, local_partial

# The name of the node that carries many partials through the simplifier at
# once; it cannot be written in the input language, so it never clashes.
BUNDLE = "#partials"


def gradient_reverse(
    expr: Expr, names: Sequence[str], *, limits: Limits = DEFAULT_LIMITS
) -> dict[str, Expr]:
    """The raw partial derivatives of ``expr`` by each of ``names``, by reverse mode.

    A name that does not occur gets 0.  The call's deadline is polled as the sweep goes;
    ``max_nodes`` bounds the one growth reverse mode has (an ``n``-factor product passes
    each factor a product of the other ``n - 1``) before the sweep begins.

    >>> from symdiff.core.expr import Var, call
    >>> x, y = Var("x"), Var("y")
    >>> {k: str(v) for k, v in gradient_reverse(call("sin", x * y), ["x", "y", "z"]).items()}
    {'x': 'y*cos(x*y)', 'y': 'x*cos(x*y)', 'z': '0'}
    """
    limits = limits.begin()
    with bulk():
        found = _sweep(expr, set(names), limits)
    return {name: found.get(name, ZERO) for name in names}


_CLOCK_EVERY = 4096  # nodes between two looks at the clock


def _live(
    expr: Expr, wanted: set[str], limits: Limits = DEFAULT_LIMITS
) -> tuple[list[Expr], set[Expr]]:
    """The nodes that contain a variable named in ``wanted``, children first, and as a set.

    One walk in the order of :func:`~symdiff.core.walk.postorder`, keeping the live nodes.
    """
    seen: set[Expr] = set()
    live: set[Expr] = set()
    order: list[Expr] = []
    stack: list[Expr | None] = [expr]
    push, pop, mark, keep = stack.append, stack.pop, seen.add, live.add
    countdown = _CLOCK_EVERY
    while stack:
        node = pop()
        if node is None:  # the marker above a node whose children are all placed
            node = pop()
            for child in node.children:  # type: ignore[union-attr]
                if child in live:  # (a wanted variable is a leaf: never here)
                    keep(node)  # type: ignore[arg-type]
                    order.append(node)  # type: ignore[arg-type]
                    break
        elif node not in seen:
            mark(node)
            countdown -= 1
            if not countdown:
                countdown = _CLOCK_EVERY
                limits.check_time("the gradient")
            kids = node.children
            if kids:
                push(node)
                push(None)
                for child in reversed(kids):
                    if child not in seen:
                        push(child)
            elif type(node) is Var and node.name in wanted:  # a leaf needs no marker
                keep(node)
                order.append(node)
    return order, live


def _growth(order: list[Expr], live: set[Expr]) -> int:
    """Factors the sweep will write into the local partials of products of 3 or more."""
    total = 0
    for node in order:
        if type(node) is Mul and len(node.children) > 2:
            total += sum(1 for c in node.children if c in live) * (len(node.children) - 1)
    return total


def _sweep(expr: Expr, wanted: set[str], limits: Limits) -> dict[str, Expr]:
    """The adjoint of every wanted variable that ``expr`` depends on, by name."""
    order, live = _live(expr, wanted, limits)
    if expr not in live:
        return {}
    limits.check_nodes(_growth(order, live), "the gradient's products")
    # contributions to each node's adjoint: the one so far, or a list (latest parent first)
    passed: dict[Expr, Expr | list[Expr]] = {expr: ONE}
    take = passed.pop
    # the sum and product rules' partials, ∂(#0 + #1)/∂#0 and ∂(#0·#1)/∂#0
    sum_is_one = binary_partial(Add) == (1, ONE)
    product_is_rest = binary_partial(Mul) == (0, 1)
    new_add, new_mul = Add.__new__, Mul.__new__  # the constructors, without the class call
    found: dict[str, Expr] = {}
    for stop in range(len(order), 0, -_CLOCK_EVERY):  # parents first, a clock look per chunk
        limits.check_time("the gradient")
        for node in reversed(order[max(0, stop - _CLOCK_EVERY) : stop]):
            parts = take(node, None)
            if parts is None:
                continue  # every contribution was 0
            adjoint: Expr = (
                new_add(Add, tuple(reversed(parts))) if isinstance(parts, list) else parts
            )
            cls = type(node)
            if cls is Var:
                found[node.name] = adjoint  # type: ignore[attr-defined]
                continue
            kids = node.children
            last = len(kids) - 1
            through = cls is Add and sum_is_one  # ∂(u + v)/∂u = 1: each live term gets the adjoint
            rest = cls is Mul and product_is_rest  # ∂(u·v)/∂u = v
            for i in range(last, -1, -1):
                child = kids[i]
                if child not in live:
                    continue
                if through:
                    part = adjoint
                else:
                    if rest:
                        local = kids[1 - i] if last == 1 else mul(*kids[:i], *kids[i + 1 :])
                    else:
                        local = local_partial(node, i)
                    if local is ZERO:
                        continue
                    if local is ONE:
                        part = adjoint
                    elif adjoint is ONE:
                        part = local
                    elif type(local) is Num or type(local) is Var:  # the simplifier's factor order
                        part = new_mul(Mul, (local, adjoint))
                    else:
                        part = new_mul(Mul, (adjoint, local))
                before = passed.get(child)
                if before is None:
                    passed[child] = part
                elif isinstance(before, list):
                    before.append(part)
                else:
                    passed[child] = [before, part]
    return found


def arithmetic_partials(partials: Mapping[str, Expr]) -> dict[str, Expr]:
    """The arithmetic line of many partials at once (one memoized sweep over their DAG).

    Much cheaper than :func:`simplify_partials`: no fixpoint, no reordering.

    >>> from symdiff.core.expr import Var, Num
    >>> x = Var("x")
    >>> {k: str(v) for k, v in arithmetic_partials({"x": x * Num(1) + Num(0)}).items()}
    {'x': 'x'}
    """
    from ..simplifier import arithmetic

    names = list(partials)
    with bulk():
        done = arithmetic(Call(BUNDLE, tuple(partials[name] for name in names)))
    return dict(zip(names, done.args, strict=True))  # type: ignore[attr-defined]


def simplify_partials(
    partials: Mapping[str, Expr],
    *,
    expand: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    source: Expr | None = None,
) -> dict[str, Expr]:
    """Arithmetic line and simplification of many partials at once, work shared.

    The partials travel through the simplifier as the arguments of one node,
    so a sub-expression they share is simplified once.  Each result is the
    one ``simplify(arithmetic(p))`` gives for that partial alone.  ``source``: the
    expression differentiated, whose normal nodes are then remembered while it lives
    (``simplify_derivative``), so a later gradient of it does not visit them again.

    >>> from symdiff.core.expr import Var, Num
    >>> x = Var("x")
    >>> {k: str(v) for k, v in simplify_partials({"x": x * Num(1) + x}).items()}
    {'x': '2*x'}
    """
    from ..simplifier import arithmetic, simplify, simplify_derivative

    names = list(partials)
    if not names:
        return {}
    bundle = Call(BUNDLE, tuple(partials[name] for name in names))
    with bulk():
        if source is None:
            done = simplify(arithmetic(bundle, limits), expand=expand, limits=limits)
        else:
            done = simplify_derivative(bundle, source, expand=expand, limits=limits)
    if not isinstance(done, Call) or done.name != BUNDLE:
        raise AssertionError("the simplifier rewrote the bundle of partials")
    return dict(zip(names, done.args, strict=True))
