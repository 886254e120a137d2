"""Names as the book writes them: Greek letters, digit subscripts, and the labels of ∂g/∂h.

A name splits into a base and subscripts: ``x1`` and ``x_1`` are ``x`` with ``1``,
``w_1_2`` is ``w`` with ``1`` and ``2``.  Unicode shows digit subscripts as
subscript digits (``w₁,₂``) and leaves any other name as written; LaTeX writes
``w_{1,2}``, Greek names as commands and longer words upright or italic.

>>> unicode_name("alpha"), unicode_name("w_12"), unicode_name("w_1_2"), latex_name("x1")
('α', 'w₁₂', 'w₁,₂', 'x_{1}')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from ..core.expr import Call, Expr
from ..core.functions import GREEK, GREEK_LETTERS

T = TypeVar("T")

_GLYPH = {name: glyph for glyph, name in GREEK_LETTERS.items()}  # "alpha" -> "α", "pi" -> "π"
_LATEX_GREEK = {name: "\\" + name for name in (*GREEK, "pi")} | {"omicron": "o"}  # no \omicron
_DIGITS = "0123456789"
SUPERSCRIPT = str.maketrans(_DIGITS + "-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
SUBSCRIPT = str.maketrans(_DIGITS, "₀₁₂₃₄₅₆₇₈₉")


def split_name(name: str) -> tuple[str, tuple[str, ...]]:
    """Base and subscripts of a name; unusual names (``_x``, ``x__1``) stay whole.

    >>> split_name("x12"), split_name("w_1_2"), split_name("alpha")
    (('x', ('12',)), ('w', ('1', '2')), ('alpha', ()))
    """
    head, *subs = name.split("_")
    base = head.rstrip(_DIGITS)
    if not base or not all(subs):
        return name, ()
    if base != head:
        subs.insert(0, head[len(base) :])
    return base, tuple(subs)


def _digits(part: str) -> bool:
    return part.isascii() and part.isdigit()


def unicode_name(name: str) -> str:
    """A variable or function name in Unicode: ``alpha`` → ``α``, ``x1`` → ``x₁``.

    >>> unicode_name("theta_2"), unicode_name("x_a"), unicode_name("rate")
    ('θ₂', 'x_a', 'rate')
    """
    base, subs = split_name(name)
    glyph = _GLYPH.get(base, base)
    if not subs:
        return glyph
    if all(_digits(s) for s in subs):
        return glyph + ",".join(s.translate(SUBSCRIPT) for s in subs)
    return glyph + name[len(base) :]


def compact(name: str) -> bool:
    """Whether a name prints as one letter, with digit subscripts.

    Two such names side by side read as a product: ``xy``, ``x₁y``, ``αβ`` but ``rate·y``.

    >>> compact("x"), compact("alpha"), compact("w_12"), compact("rate"), compact("x_a")
    (True, True, True, False, False)
    """
    base, subs = split_name(name)
    return (len(base) == 1 or base in _GLYPH) and all(_digits(s) for s in subs)


def _latex_word(word: str, command: str) -> str:
    if word in _LATEX_GREEK:
        return _LATEX_GREEK[word]
    if len(word) == 1 or _digits(word):
        return word
    escaped = word.replace("_", "\\_")
    return f"\\{command}{{{escaped}}}"


def latex_name(name: str, *, function: bool = False) -> str:
    """A name in LaTeX: ``alpha`` → ``\\alpha``, ``w_12`` → ``w_{12}``.

    Longer words are set in ``\\mathit`` (variables) or ``\\operatorname`` (functions).

    >>> latex_name("w_1_2"), latex_name("rate"), latex_name("loss", function=True)
    ('w_{1,2}', '\\\\mathit{rate}', '\\\\operatorname{loss}')
    """
    base, subs = split_name(name)
    out = _latex_word(base, "operatorname" if function else "mathit")
    if subs:
        out += "_{" + ",".join(_latex_word(s, "mathit") for s in subs) + "}"
    return out


def derivative_labels(node: Call, label: Callable[[Expr], str | None]) -> list[str] | None:
    """The names of the differentiated arguments (``∂g/∂h``), or None for positions.

    None when a differentiated argument has no name or shares it with another
    argument: then the printer numbers positions (``∂₂g``).

    >>> from symdiff.core.expr import Num, Var
    >>> name = lambda a: a.name if isinstance(a, Var) else None
    >>> x, y = Var("x"), Var("y")
    >>> derivative_labels(Call("g", (x, y), (0, 1)), name), derivative_labels(
    ...     Call("g", (x, Num(1)), (1,)), name)
    (['x', 'y'], None)
    """
    labels = [label(arg) for arg in node.args]
    picked: list[str] = []
    for position in node.deriv:
        found = labels[position] if position < len(labels) else None
        if found is None or labels.count(found) > 1:
            return None
        picked.append(found)
    return picked


def runs(items: Sequence[T]) -> list[tuple[T, int]]:
    """Consecutive equal items with their counts (``∂x²`` for x, x).

    >>> runs(["x", "x", "y"])
    [('x', 2), ('y', 1)]
    """
    out: list[tuple[T, int]] = []
    for item in items:
        if out and out[-1][0] == item:
            out[-1] = (item, out[-1][1] + 1)
        else:
            out.append((item, 1))
    return out
