"""Common-subexpression form: named intermediate definitions, then the results.

A gradient of 1,674 partials shares almost everything; printed as trees it
explodes, printed as definitions it stays proportional to its DAG::

    t1 = x*y
    t2 = sin(t1)
    dx = t2*y
    dy = t2*x

A node gets a name when it is used more than once (by several parents, several
results, or twice by one parent), or when writing it inline would nest more
than ``max_depth`` levels, so every line stays short enough to read and parse.
Every node is written once, so the output is proportional to the DAG.  Each
right-hand side is canonical text (:func:`~symdiff.printers.text.to_text`) over
the earlier names; :func:`parse_cse` reads the lines back to the very same nodes.

>>> from symdiff.core.expr import Var, call
>>> x, y = Var("x"), Var("y")
>>> s = call("sin", x * y)
>>> print(to_cse({"dx": s * y, "dy": s * x}).text())
t1 = sin(x*y)
dx = t1*y
dy = t1*x
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..core.expr import Call, Expr, Var
from ..core.interning import bulk
from ..core.walk import postorder, substitute
from .text import to_text

MAX_DEPTH = 24  # deepest inline nesting before a sub-expression gets its own line


@dataclass(frozen=True, slots=True)
class Cse:
    """Definitions ``(name, expr over earlier names)`` and results ``(label, expr)``.

    >>> from symdiff.core.expr import Var
    >>> Cse((), (("r1", Var("x")),)).text()
    'r1 = x'
    """

    definitions: tuple[tuple[str, Expr], ...]
    results: tuple[tuple[str, Expr], ...]

    def lines(self) -> list[str]:
        """One ``name = text`` line per definition, then per result."""
        return [f"{name} = {to_text(e)}" for name, e in (*self.definitions, *self.results)]

    def text(self) -> str:
        """All lines, joined by newlines."""
        return "\n".join(self.lines())

    def to_json(self) -> dict[str, Any]:
        """A JSON-able dict: ``{"format": "cse", "definitions": [...], "results": [...]}``.

        >>> from symdiff.core.expr import Var
        >>> Cse((), (("r1", Var("x")),)).to_json()["results"]
        [{'name': 'r1', 'text': 'x'}]
        """
        return {
            "format": "cse",
            "definitions": [{"name": n, "text": to_text(e)} for n, e in self.definitions],
            "results": [{"name": n, "text": to_text(e)} for n, e in self.results],
        }


def _fresh_prefix(used: set[str], wanted: str) -> str:
    """``wanted`` (or ``wanted_``, ``wanted__``…) such that no used name is it plus digits."""
    prefix = wanted
    while any(re.fullmatch(re.escape(prefix) + r"\d+", name) for name in used):
        prefix += "_"
    return prefix


def to_cse(exprs: Mapping[str, Expr] | Sequence[Expr], *, max_depth: int = MAX_DEPTH) -> Cse:
    """The common-subexpression form of several expressions (labels ``r1``… for a sequence).

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> print(to_cse([(x + 1) ** 2, (x + 1) ** 3]).text())
    t1 = x + 1
    r1 = t1^2
    r2 = t1^3
    """
    with bulk():
        return _to_cse(exprs, max_depth)


def _to_cse(exprs: Mapping[str, Expr] | Sequence[Expr], max_depth: int) -> Cse:
    roots = list(exprs.values()) if isinstance(exprs, Mapping) else list(exprs)
    bundle = Call("#cse", tuple(roots))
    order = postorder(bundle)
    order.pop()  # the bundle itself
    used = {node.name for node in order if type(node) is Var}
    if isinstance(exprs, Mapping):
        labels = [str(k) for k in exprs]
    else:
        result = _fresh_prefix(used, "r")
        labels = [f"{result}{i}" for i in range(1, len(roots) + 1)]
    temp = _fresh_prefix(used | set(labels), "t")
    uses: dict[Expr, int] = {}
    for node in (*order, bundle):
        for child in node.children:
            uses[child] = uses.get(child, 0) + 1
    written: dict[Expr, Expr] = {}  # node -> how later lines refer to it
    depth: dict[Expr, int] = {}
    definitions: list[tuple[str, Expr]] = []
    for node in order:
        kids = node.children
        if not kids:
            written[node], depth[node] = node, 0
            continue
        refs = tuple([written[c] for c in kids])
        inline = node if refs == kids else node.rebuild(refs)
        height = 0
        for c in kids:
            if depth[c] > height:
                height = depth[c]
        height += 1
        if uses[node] > 1 or height > max_depth:
            name = f"{temp}{len(definitions) + 1}"
            definitions.append((name, inline))
            written[node], depth[node] = Var(name), 0
        else:
            written[node], depth[node] = inline, height
    results = tuple((label, written[r]) for label, r in zip(labels, roots, strict=True))
    return Cse(tuple(definitions), results)


def parse_cse(text: str) -> dict[str, Expr]:
    """Read ``name = expr`` lines back: every name bound to its full expression.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> parse_cse(to_cse({"a": (x + 1) ** 2}).text())["a"] is (x + 1) ** 2
    True
    """
    from ..parsing.parser import parse

    bound: dict[Expr, Expr] = {}
    out: dict[str, Expr] = {}
    with bulk():
        for line in text.splitlines():
            _bind(line, bound, out, parse)
    return out


def _bind(line: str, bound: dict[Expr, Expr], out: dict[str, Expr], parse: Any) -> None:
    """Read one ``name = expr`` line, with earlier names replaced by their expressions."""
    if not line.strip():
        return
    name, _, rhs = line.partition(" = ")
    value = substitute(parse(rhs), bound)
    bound[Var(name)] = value
    out[name] = value


__all__ = ["MAX_DEPTH", "Cse", "parse_cse", "to_cse"]
