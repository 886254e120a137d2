"""Straight-line form of several expressions: their DAG as numbered steps, then the outputs.

The sharing is the common-subexpression form's (:func:`~symdiff.printers.cse.to_cse`):
a node used more than once gets its own step, so each distinct node is computed once,
and a node used once is written inline in its one parent.  Products are first written
as nested pairs (:func:`_paired`), so products with common factors share their pair.

Names in the program are identifiers made here, never the user's text: variable ``x`` is
the argument ``v_x`` when its name is plain ASCII letters, digits and ``_`` (else ``v1``,
``v2``, …, by position), and step ``k`` is ``t<k>``.

>>> from symdiff.core.expr import Var, call
>>> x, y = Var("x"), Var("y")
>>> p = program([call("sin", x * y) * y, call("sin", x * y) * x], ["x", "y"])
>>> p.arguments, [(name, str(e)) for name, e in p.steps], [str(e) for e in p.outputs]
(('v_x', 'v_y'), [('t1', 'sin(x*y)')], ['t1*y', 't1*x'])
>>> p.names["t1"], p.names["x"]
('t1', 'v_x')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..core.expr import Call, Derivative, Expr, Mul, Var
from ..core.functions import SPELLINGS
from ..core.interning import bulk
from ..core.walk import natural_key, postorder
from ..errors import UnsupportedError
from ..limits import DEFAULT_LIMITS, Limits
from ..printers.cse import to_cse

PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")  # a name safe to show in code or comments


def plain(name: str) -> bool:
    """Whether ``name`` may appear in generated code (in an identifier or a comment).

    >>> plain("w1_2"), plain("x*/ y"), plain("α")
    (True, False, False)
    """
    return PLAIN.fullmatch(name) is not None


@dataclass(frozen=True, slots=True)
class Program:
    """Steps ``(identifier, expression)`` and outputs, over the names in ``names``.

    ``inputs``: the variables in argument order; ``arguments``: their identifiers;
    ``names``: the identifier of each ``Var`` name the steps and outputs use (a variable
    or a step); ``labels``: a plain label per output (the user's key when plain, else its
    position); ``complete``: whether each output depends on every input.
    """

    inputs: tuple[str, ...]
    arguments: tuple[str, ...]
    names: Mapping[str, str]
    steps: tuple[tuple[str, Expr], ...]
    outputs: tuple[Expr, ...]
    labels: tuple[str, ...]
    complete: tuple[bool, ...]


def program(
    exprs: Sequence[Expr],
    inputs: Sequence[str],
    labels: Sequence[str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Program:
    """The straight-line program computing ``exprs`` from the variables ``inputs``.

    >>> from symdiff.core.expr import Var
    >>> program([Var("x") + Var("z")], ["x"])
    Traceback (most recent call last):
    symdiff.errors.UnsupportedError: the expression uses z, which is not among the variables (x)
    """
    if len(set(inputs)) != len(inputs):
        raise UnsupportedError("a variable is listed twice: " + ", ".join(inputs))
    bundle = Call("#outputs", tuple(exprs))
    order = postorder(bundle)
    limits.check_nodes(len(order), "the compiled function")
    position = {name: i for i, name in enumerate(inputs)}
    depends: dict[Expr, int] = {}  # node -> bit i set when it uses input i
    missing: set[str] = set()
    for node in order[:-1]:
        if type(node) is Var:
            bit = position.get(node.name)
            if bit is None:
                missing.add(node.name)
            depends[node] = 0 if bit is None else 1 << bit
            continue
        _check(node)
        mask = 0
        for child in node.children:
            mask |= depends[child]
        depends[node] = mask
    if missing:
        listed = ", ".join(sorted(missing, key=natural_key))
        raise UnsupportedError(f"the expression uses {listed}, which is not among the variables "
                               f"({', '.join(inputs)})")  # fmt: skip
    everything = (1 << len(inputs)) - 1
    limits.check_time("compiling")
    with bulk():
        cse = to_cse(list(_paired(order).children))
    limits.check_time("compiling")
    arguments = tuple(f"v_{n}" if plain(n) else f"v{i + 1}" for i, n in enumerate(inputs))
    names = dict(zip(inputs, arguments, strict=True))
    steps = []
    for k, (temp, expr) in enumerate(cse.definitions, 1):
        names[temp] = f"t{k}"
        steps.append((f"t{k}", expr))
    shown = [f"r{i + 1}" for i in range(len(exprs))] if labels is None else list(labels)
    return Program(
        inputs=tuple(inputs),
        arguments=arguments,
        names=names,
        steps=tuple(steps),
        outputs=tuple(e for _, e in cse.results),
        labels=tuple(label if plain(label) else f"#{i + 1}" for i, label in enumerate(shown)),
        complete=tuple(depends.get(e, 0) == everything for e in exprs),
    )


def _paired(order: list[Expr]) -> Expr:
    """The DAG (``order``: its postorder) with every product of 3+ factors as nested pairs.

    ``a*b*c`` becomes ``(a*b)*c``, so products with the same leading factors share them;
    and when two of its factors form a product the DAG computes anyway, that pair comes
    first: ``w*d*g`` is ``(d*g)*w`` where ``d*g`` is a node (backpropagation's
    ``∂L/∂z · 1(z > 0)``, shared by a whole layer).  The common-subexpression form then
    computes each pair once.  Regrouping may change a product's last bits, never more.
    """
    present = set(order)
    done: dict[Expr, Expr] = {}
    for node in order:
        old = node.children
        kids = tuple([done[c] for c in old])
        if type(node) is Mul and len(kids) > 2:
            done[node] = _pairs(old, kids, present)
        else:
            done[node] = node if kids == old else node.rebuild(kids)
    return done[order[-1]]


def _pairs(old: tuple[Expr, ...], kids: tuple[Expr, ...], present: set[Expr]) -> Expr:
    """One product as nested pairs, a pair the DAG has first (tried for up to 8 factors)."""
    rest = list(kids)
    left = rest.pop(0)
    if len(kids) <= 8:
        found = next(((i, j) for i in range(len(old)) for j in range(i + 1, len(old))
                      if Mul.__new__(Mul, (old[i], old[j])) in present), None)  # fmt: skip
        if found is not None:
            i, j = found
            left = Mul.__new__(Mul, (kids[i], kids[j]))
            rest = [k for n, k in enumerate(kids) if n not in found]
    for factor in rest:
        left = Mul.__new__(Mul, (left, factor))
    return left


def _check(node: Expr) -> None:
    """Refuse what has no numeric value: pending derivatives, abstract functions."""
    if isinstance(node, Derivative):
        raise UnsupportedError("cannot compile a pending derivative")
    if isinstance(node, Call):
        row = SPELLINGS.get(node.name)
        if node.deriv or row is None:
            raise UnsupportedError(f"cannot compile the abstract function {node.name}")
        if not row.accepts(len(node.args)):
            raise UnsupportedError(f"{row.name} cannot take {len(node.args)} arguments")


__all__ = ["Program", "plain", "program"]
