"""Local partial derivatives ∂node/∂child, derived from the forward rules.

Reverse mode needs, at each node, its partial derivative with respect to each
child, the children taken as independent variables.  These come from the very
rules that differentiate forward: the node's children are replaced by
placeholder variables ``#0, #1, …`` (a *template*: every binary product is
``Mul((#0, #1))``), the forward engine differentiates the template with respect
to one placeholder, the arithmetic line tidies the result (``#1·1`` → ``#1``),
and the result is instantiated with the actual children.  Templates are
interned nodes, so each shape is differentiated once and cached.  A number or
constant child of a power stays in its template, so ``u³`` gets ``3u²`` from
the power rule rather than ``3u^(3 − 1)``.

Sums and products are associative and commutative, so the partial by one
operand is that of a binary node whose other operand stands for the rest:
``∂(u₁ + … + uₙ)/∂uᵢ`` comes from ``#0 + #1`` and ``∂(u₁⋯uₙ)/∂uᵢ`` from
``#0·#1`` with ``#1`` the product of the other factors (in order), which is
what the n-ary rules give, at a cost independent of n.

>>> from symdiff.core.expr import Var, call
>>> x, y = Var("x"), Var("y")
>>> str(local_partial(x * y, 0)), str(local_partial(x**3, 0))
('y', '3*x^2')
>>> str(local_partial(call("max", x, y), 1)), str(local_partial(call("exp", x), 0))
('1(y > x)', 'exp(x)')
"""

from __future__ import annotations

import sys
import threading
from typing import Literal

from ..core.expr import Add, Call, Const, Expr, Mul, Num, Pow, Var, add, mul
from ..core.functions import FUNCTIONS
from ..core.walk import postorder
from ..simplifier.arithmetic import arithmetic
from ..simplifier.flatten import spliced
from .differentiate import differentiate
from .ties import representatives

TIES = frozenset(row.name for row in FUNCTIONS.values() if row.kinks == "ties")  # max, min

# A compiled local partial: (0, i) is child i itself, (1, e) the fixed
# expression e, (2, (result, nodes)) rebuilds the template nodes that contain
# placeholders (``nodes``, children first) over the actual children.
Compiled = (
    tuple[Literal[0], int] | tuple[Literal[1], Expr] | tuple[Literal[2], tuple[Expr, list[Expr]]]
)

_HOLES: list[Var] = []
_HOLE_INDEX: dict[Expr, int] = {}
_CACHE: dict[Expr, list[Compiled | None]] = {}
_BINARY: dict[type[Expr], Compiled] = {}  # Add and Mul: by #0 of ``#0 + #1``, ``#0·#1``
CACHE_LIMIT = 50_000  # templates kept; the cache is emptied when it grows past this
# Wider templates (a max of many arguments) are compiled per call, never kept: their
# partials together have about (children)² nodes, which a cache would hold forever.
CACHED_CHILDREN = 16
# Threads: _HOLES and _HOLE_INDEX grow together under this lock (two threads extending
# the list at once would file a placeholder at the wrong index); the caches' races are
# benign (each dict operation is atomic, and racing threads compile equal partials).
_HOLES_LOCK = threading.Lock()


def clear_cache() -> None:
    """Forget every compiled template (they are rebuilt on demand).

    >>> clear_cache()
    """
    _CACHE.clear()
    _BINARY.clear()


def _hole(i: int) -> Var:
    """The placeholder for child position ``i``."""
    if i >= len(_HOLES):
        with _HOLES_LOCK:
            while len(_HOLES) <= i:
                hole = Var(f"#{len(_HOLES)}")
                _HOLE_INDEX[hole] = len(_HOLES)
                _HOLES.append(hole)
    return _HOLES[i]


def template(node: Expr) -> Expr:
    """``node`` with its children replaced by placeholders (a power keeps number parts).

    >>> from symdiff.core.expr import Var, Num
    >>> str(template(Var("x") * Var("y") + 2)), str(template(Var("x") ** 3))
    ('#0 + #1', '#0^3')
    """
    kids = node.children
    if not kids:
        return node
    keep = isinstance(node, Pow)
    holes = tuple(
        kid if keep and isinstance(kid, Num | Const) else _hole(i) for i, kid in enumerate(kids)
    )
    return node.rebuild(holes)


def _compile(shape: Expr, position: int) -> Compiled:
    """Differentiate the template ``shape`` by the placeholder at ``position``, once."""
    raw, _ = differentiate(shape, _hole(position).name)
    result = arithmetic(raw)
    index = _HOLE_INDEX.get(result)
    if index is not None:
        return (0, index)
    holed: set[Expr] = set()
    nodes: list[Expr] = []
    for node in postorder(result):
        if node in _HOLE_INDEX or any(c in holed for c in node.children):
            holed.add(node)
            nodes.append(node)
    return (1, result) if not nodes else (2, (result, nodes))


def compiled_partials(node: Expr) -> tuple[Expr, list[Compiled | None]]:
    """The template of ``node`` and its (lazily filled) compiled partials by position.

    >>> from symdiff.core.expr import Var
    >>> shape, slots = compiled_partials(Var("x") * Var("y"))
    >>> str(shape), len(slots)
    ('#0*#1', 2)
    """
    shape = template(node)
    if len(shape.children) > CACHED_CHILDREN:
        return shape, [None] * len(shape.children)
    slots = _CACHE.get(shape)
    if slots is None:
        if len(_CACHE) >= CACHE_LIMIT:
            _CACHE.clear()
        slots = _CACHE[shape] = [None] * len(shape.children)
    return shape, slots


def instantiate(compiled: Compiled, kids: tuple[Expr, ...]) -> Expr:
    """A compiled partial over the actual children ``kids``.

    >>> from symdiff.core.expr import Var
    >>> x, y = Var("x"), Var("y")
    >>> shape, _ = compiled_partials(x**3)
    >>> str(instantiate(_compile(shape, 0), (y, Num(3))))
    '3*y^2'
    """
    if compiled[0] == 0:
        return kids[compiled[1]]
    if compiled[0] == 1:
        return compiled[1]
    result, nodes = compiled[1]
    index = _HOLE_INDEX
    made: dict[Expr, Expr] = {}
    for node in nodes:
        i = index.get(node)
        if i is not None:
            made[node] = kids[i]
            continue
        new = tuple([made.get(c, c) for c in node.children])
        # a template's sums and products are flat, so an operand of their kind is an actual
        # child: opened in place (``exp(#0 - logsumexp(…))`` over ``a + b`` is
        # ``exp(a + b - …)``, the simplifier's form), the adjoints that hold the partial are
        # already normal and are not rebuilt.  The operands are existing nodes': no new bound.
        made[node] = spliced(node, type(node), new, sys.maxsize)
    return made[result]


def binary_partial(cls: type[Add | Mul]) -> Compiled:
    """The compiled partial of ``#0 + #1`` or ``#0·#1`` by ``#0`` (``#1``: the other operands).

    >>> from symdiff.core.expr import Add, Mul
    >>> binary_partial(Add), binary_partial(Mul)
    ((1, <Num 1>), (0, 1))
    """
    compiled = _BINARY.get(cls)
    if compiled is None:
        compiled = _BINARY[cls] = _compile(cls((_hole(0), _hole(1))), 0)
    return compiled


def local_partial(node: Expr, position: int) -> Expr:
    """∂node/∂(child at ``position``), the other children held fixed.

    >>> from symdiff.core.expr import Var, call
    >>> x = Var("x")
    >>> str(local_partial(call("log", x + 1), 0)), str(local_partial(call("f", x), 0))
    ('(x + 1)^-1', "f'(x)")
    """
    kids = node.children
    cls = type(node)
    if cls is Add or cls is Mul:
        binary = binary_partial(cls)
        if binary[0] == 1:
            return binary[1]
        if len(kids) == 2:
            rest = kids[1 - position]
        else:
            rest = (add if cls is Add else mul)(*kids[:position], *kids[position + 1 :])
        return instantiate(binary, (kids[position], rest))
    if isinstance(node, Call) and node.name in TIES:  # max/min: equal arguments count once
        same = representatives(kids)
        if same is not kids or len(set(kids)) < len(kids):  # a repeat: only its first counts
            return FUNCTIONS[node.name].partial(same, position)
    shape, slots = compiled_partials(node)
    compiled = slots[position]
    if compiled is None:
        compiled = slots[position] = _compile(shape, position)
    return instantiate(compiled, kids)
