"""Reverse-mode accumulation: every partial derivative in one backward sweep.

The adjoint of a node is ∂(root)/∂(node).  The root's adjoint is 1; walking the
DAG parents-first, each node passes ``adjoint · ∂node/∂child`` to each child
that depends on a wanted variable, and a node's adjoint is the sum of what its
parents passed it.  The adjoint of a variable is the partial derivative.  The
local partials ``∂node/∂child`` come from the forward rules
(:mod:`symdiff.rules.local`), so both modes agree on every rule, including
``max``/``min`` (indicators), abstract functions and powers.

Each distinct node is visited once, with constant work per edge: time and the
size of the result grow with the DAG, not with (size × number of variables).
The partials share sub-expressions with each other and with the input, and are
raw (``y·1``, nested sums); :func:`simplify_partials` tidies many at once with
shared memoization.

The terms of an adjoint come in the order of the parents in the input (its
post-order), so ``3x³z − y² + 5z + 2yz`` gives ∂/∂z with terms ``3x³, 5, 2y``.

>>> from symdiff import parse
>>> raw = gradient_reverse(parse("3x^3z - y^2 + 5z + 2yz"), ["x", "y", "z"])
>>> {name: str(p) for name, p in simplify_partials(raw).items()}
{'x': '9*x^2*z', 'y': '-2*y + 2*z', 'z': '3*x^3 + 5 + 2*y'}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .ast import ONE, ZERO, Add, Call, Expr, Mul, Var, bulk, postorder
from .limits import DEFAULT_LIMITS, Limits
from .rules.local import Compiled, compiled_partials, instantiate
from .rules.local import _compile as compile_partial

# The name of the node that carries many partials through the simplifier at
# once; it cannot be written in the input language, so it never clashes.
BUNDLE = "#partials"


def gradient_reverse(expr: Expr, names: Sequence[str]) -> dict[str, Expr]:
    """The raw partial derivatives of ``expr`` by each of ``names``, by reverse mode.

    A name that does not occur gets 0.

    >>> from symdiff.ast import Var, call
    >>> x, y = Var("x"), Var("y")
    >>> {k: str(v) for k, v in gradient_reverse(call("sin", x * y), ["x", "y", "z"]).items()}
    {'x': 'cos(x*y)*y', 'y': 'cos(x*y)*x', 'z': '0'}
    """
    with bulk():
        found = _sweep(expr, {Var(name) for name in names})
    return {name: found.get(Var(name), ZERO) for name in names}


def _live(order: list[Expr], wanted: set[Var]) -> set[Expr]:
    """The nodes that contain a wanted variable."""
    live: set[Expr] = set()
    for node in order:
        if node in wanted:
            live.add(node)
        else:
            for child in node.children:
                if child in live:
                    live.add(node)
                    break
    return live


def _sweep(expr: Expr, wanted: set[Var]) -> dict[Expr, Expr]:
    """The adjoint of every wanted variable that ``expr`` depends on."""
    order = postorder(expr)
    live = _live(order, wanted)
    if expr not in live:
        return {}
    # contributions to each node's adjoint, latest parent first
    passed: dict[Expr, list[Expr]] = {expr: [ONE]}
    found: dict[Expr, Expr] = {}
    for node in reversed(order):
        parts = passed.pop(node, None)
        if parts is None:
            continue  # constant, or every contribution was 0
        adjoint = parts[0] if len(parts) == 1 else Add(tuple(reversed(parts)))
        if type(node) is Var:
            found[node] = adjoint
            continue
        kids = node.children
        shape: Expr | None = None
        slots: list[Compiled | None] = []
        for i in range(len(kids) - 1, -1, -1):
            child = kids[i]
            if child not in live:
                continue
            if shape is None:
                shape, slots = compiled_partials(node)
            compiled = slots[i]
            if compiled is None:
                compiled = slots[i] = compile_partial(shape, i)
            local = instantiate(compiled, kids)
            if local is ZERO:
                continue
            if local is ONE:
                part = adjoint
            else:
                part = local if adjoint is ONE else Mul((adjoint, local))
            bucket = passed.get(child)
            if bucket is None:
                passed[child] = [part]
            else:
                bucket.append(part)
    return found


def simplify_partials(
    partials: Mapping[str, Expr], *, expand: bool = False, limits: Limits = DEFAULT_LIMITS
) -> dict[str, Expr]:
    """Arithmetic line and simplification of many partials at once, work shared.

    The partials travel through the simplifier as the arguments of one node,
    so a sub-expression they share is simplified once.  Each result is the
    one ``simplify(arithmetic(p))`` gives for that partial alone.

    >>> from symdiff.ast import Var, Num
    >>> x = Var("x")
    >>> {k: str(v) for k, v in simplify_partials({"x": x * Num(1) + x}).items()}
    {'x': '2*x'}
    """
    from .simplify import arithmetic, simplify

    names = list(partials)
    if not names:
        return {}
    bundle = Call(BUNDLE, tuple(partials[name] for name in names))
    with bulk():
        done = simplify(arithmetic(bundle), expand=expand, limits=limits)
    if not isinstance(done, Call) or done.name != BUNDLE:
        raise AssertionError("the simplifier rewrote the bundle of partials")
    return dict(zip(names, done.args, strict=True))
