"""Straight-line form of several expressions: their DAG as numbered steps, then the outputs.

The sharing is the common-subexpression form's (:func:`~symdiff.printers.cse.to_cse`):
a node used more than once gets its own step, so each distinct node is computed once,
and a node used once is written inline in its one parent.  Products are first written
as left-nested pairs, so products with the same leading factors share them.

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
from ..core.walk import natural_key, postorder, transform
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
    with bulk():
        cse = to_cse(list(_paired(bundle).children))
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


def _paired(bundle: Expr) -> Expr:
    """Products as left-nested pairs, ``a*b*c`` as ``(a*b)*c``: equal leading factors are one node.

    The code computes a product left to right either way (the same float operations in
    the same order), but ``t1*t2*x`` and ``t1*t2*y`` now share ``t1*t2``, which the
    common-subexpression form then computes once: a gradient's products share their
    leading factors (backpropagation's ``∂L/∂z · 1(z > 0)``) across a whole layer.
    """

    def pair(node: Expr, kids: tuple[Expr, ...]) -> Expr:
        if type(node) is Mul and len(kids) > 2:
            left = kids[0]
            for factor in kids[1:]:
                left = Mul.__new__(Mul, (left, factor))
            return left
        return node if kids == node.children else node.rebuild(kids)

    return transform(bundle, pair)


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
