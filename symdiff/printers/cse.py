"""Common-subexpression form: named intermediate definitions, then the results.

A gradient of 1,674 partials shares almost everything; printed as trees it
explodes, printed as definitions it stays proportional to its DAG::

    t1 = sin(x*y)
    d_x = t1*y
    d_y = t1*x

A node gets a name when it is used more than once (by several parents, several
results, or twice by one parent), or when writing it inline would nest more
than ``max_depth`` levels, so every line stays short enough to read and parse.
Every node is written once, so the output is proportional to the DAG.  Each
right-hand side is canonical text (:func:`~symdiff.printers.text.to_text`) over
the earlier names; :func:`parse_cse` reads the lines back to the very same nodes.

No name on the left can be mistaken for a variable of the expressions: the partial
by ``w`` is ``d_w`` (``∂f/∂w`` in Unicode and LaTeX), never ``w`` itself, and the
prefixes of temporaries (``t``) and results (``d_``, ``r``) are fresh: lengthened
(``t_1``, ``t_t1``, ``d_d_w``) until no variable of the expressions has their form.
So the text, read back or pasted as code, overwrites no parameter.

>>> from symdiff.core.expr import Var, call
>>> x, y = Var("x"), Var("y")
>>> s = call("sin", x * y)
>>> print(to_cse({"x": s * y, "y": s * x}).text())
t1 = sin(x*y)
d_x = t1*y
d_y = t1*x
>>> print(to_cse({"x": y, "y": x}, function="L").render("unicode"))
∂L/∂x = y
∂L/∂y = x
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..core.expr import Call, Expr, Var
from ..core.interning import bulk
from ..core.walk import postorder, substitute
from .derivation import math
from .labels import derivative_label
from .names import latex_name, unicode_name
from .text import to_text

MAX_DEPTH = 24  # deepest inline nesting before a sub-expression gets its own line


@dataclass(frozen=True, slots=True)
class Cse:
    """Definitions ``(name, expr over earlier names)`` and results ``(label, expr)``.

    For a gradient, ``wrt`` holds the variable of each result and ``function`` the
    name of the function differentiated (``∂f/∂w`` in Unicode and LaTeX).

    >>> from symdiff.core.expr import Var
    >>> Cse((), (("r1", Var("x")),)).text()
    'r1 = x'
    """

    definitions: tuple[tuple[str, Expr], ...]
    results: tuple[tuple[str, Expr], ...]
    wrt: tuple[str, ...] = ()
    function: str = "f"

    def lines(self, fmt: str = "text") -> list[str]:
        """One ``name = expr`` line per definition, then per result, in ``fmt``.

        ``fmt`` is ``text`` (reads back with :func:`parse_cse`), ``unicode`` or ``latex``.
        """
        if fmt == "text":
            return [f"{name} = {to_text(e)}" for name, e in (*self.definitions, *self.results)]
        word = latex_name if fmt == "latex" else unicode_name
        eq = " &= " if fmt == "latex" else " = "
        lines = [f"{word(name)}{eq}{math(e, fmt)}" for name, e in self.definitions]
        for k, (label, e) in enumerate(self.results):
            if self.wrt:
                label = derivative_label(self.function, [self.wrt[k]], True, fmt)
            else:
                label = word(label)
            lines.append(f"{label}{eq}{math(e, fmt, bool(self.wrt))}")
        return lines

    def text(self) -> str:
        """All lines, joined by newlines."""
        return "\n".join(self.lines())

    def render(self, fmt: str = "text") -> str:
        r"""All lines in ``fmt``: text or Unicode lines, or one LaTeX ``aligned`` block.

        >>> from symdiff.core.expr import Var
        >>> print(to_cse({"w": Var("x")}).render("latex"))
        \begin{aligned}
        \frac{\partial f}{\partial w} &= x
        \end{aligned}
        """
        lines = self.lines(fmt)
        if fmt != "latex":
            return "\n".join(lines)
        return "\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}"

    def to_json(self) -> dict[str, Any]:
        """A JSON-able dict: ``{"format": "cse", "definitions": [...], "results": [...]}``.

        A result of a gradient also names its variable (``wrt``).

        >>> from symdiff.core.expr import Var
        >>> Cse((), (("r1", Var("x")),)).to_json()["results"]
        [{'name': 'r1', 'text': 'x'}]
        >>> to_cse({"w": Var("x")}).to_json()["results"]
        [{'name': 'd_w', 'text': 'x', 'wrt': 'w'}]
        """
        results: list[dict[str, str]] = []
        for k, (n, e) in enumerate(self.results):
            row = {"name": n, "text": to_text(e)}
            if self.wrt:
                row["wrt"] = self.wrt[k]
            results.append(row)
        return {
            "format": "cse",
            "definitions": [{"name": n, "text": to_text(e)} for n, e in self.definitions],
            "results": results,
        }


def _fresh_prefix(used: set[str], wanted: str) -> str:
    """``wanted`` (else ``wanted_``, ``wanted_wanted``…) such that no used name is it plus digits.

    Every candidate followed by digits is one variable name of the input language, and
    none may look like a used name in Unicode either (``t_1`` and ``t1`` both show as t₁).

    >>> _fresh_prefix({"x"}, "t"), _fresh_prefix({"t1"}, "t"), _fresh_prefix({"t1", "t_2"}, "t")
    ('t', 't_', 't_t')
    """
    shown = {unicode_name(name) for name in used}
    for prefix in _candidates(wanted, wanted + "_", wanted + "_" + wanted):
        form = re.compile(re.escape(prefix) + "[0-9]+")
        one = unicode_name(prefix + "1")  # its Unicode form: digits as subscripts or not
        digits = "[₀-₉]+" if one.endswith("₁") else "[0-9]+"
        looks = re.compile(re.escape(one[:-1]) + digits)
        if not any(form.fullmatch(n) for n in used) and not any(looks.fullmatch(u) for u in shown):
            return prefix
    raise AssertionError("unreachable: the candidates never end")  # pragma: no cover


def _fresh_label_prefix(used: set[str], keys: Sequence[str]) -> str:
    """``d_`` (else ``d_d_``, …) such that no ``prefix + key`` is a used name.

    >>> _fresh_label_prefix({"x", "d_x"}, ["x"])
    'd_d_'
    """
    for prefix in _candidates("d_", "d_d_", "d_d_d_"):
        if not any(prefix + key in used for key in keys):
            return prefix
    raise AssertionError("unreachable: the candidates never end")  # pragma: no cover


def _candidates(first: str, second: str, third: str) -> Iterable[str]:
    """``first``, ``second``, ``third``, then ever longer continuations of ``third``."""
    yield first
    yield second
    grow, prefix = third[len(second) :], third
    while True:
        yield prefix
        prefix += grow


def to_cse(
    exprs: Mapping[str, Expr] | Sequence[Expr], *, max_depth: int = MAX_DEPTH, function: str = "f"
) -> Cse:
    """The common-subexpression form of a gradient (keyed by variable) or of a sequence.

    A mapping is a gradient, ``{variable: partial}`` as :func:`symdiff.gradient` gives
    it: its results are labelled ``d_w`` (``∂f/∂w`` in Unicode and LaTeX, ``f`` being
    ``function``); a sequence's results are ``r1``, ``r2``….

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> print(to_cse([(x + 1) ** 2, (x + 1) ** 3]).text())
    t1 = x + 1
    r1 = t1^2
    r2 = t1^3
    """
    with bulk():
        return _to_cse(exprs, max_depth, function)


def _to_cse(exprs: Mapping[str, Expr] | Sequence[Expr], max_depth: int, function: str) -> Cse:
    roots = list(exprs.values()) if isinstance(exprs, Mapping) else list(exprs)
    bundle = Call("#cse", tuple(roots))
    order = postorder(bundle)
    order.pop()  # the bundle itself
    used = {node.name for node in order if type(node) is Var}
    wrt: tuple[str, ...] = ()
    if isinstance(exprs, Mapping):
        wrt = tuple(str(k) for k in exprs)
        prefix = _fresh_label_prefix(used, wrt)
        labels = [prefix + key for key in wrt]
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
    return Cse(tuple(definitions), results, wrt, function)


def parse_cse(text: str) -> dict[str, Expr]:
    """Read ``name = expr`` lines back: every name bound to its full expression.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> parse_cse(to_cse({"x": (x + 1) ** 2}).text())["d_x"] is (x + 1) ** 2
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
