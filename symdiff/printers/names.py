"""Names as the book writes them: Greek letters, digit subscripts, and the labels of ∂g/∂h.

A name's digits right after its letters are a subscript: ``x1`` is ``x`` with ``1``
(Unicode ``x₁``, LaTeX ``x_{1}``).  A part after ``_`` is written as it is (``x_1``, LaTeX
``x\\_1``), so ``x1`` and ``x_1``, different variables, never print alike.  Greek names
print as letters or commands, longer words upright or italic.

>>> unicode_name("alpha"), unicode_name("w12"), unicode_name("w_12"), latex_name("x1")
('α', 'w₁₂', 'w_12', 'x_{1}')
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

    Only digits right after the letters become a subscript; a part after ``_`` is written
    as it is, so ``x_1`` never prints like ``x1`` (``x₁``): they are different variables.

    >>> unicode_name("theta2"), unicode_name("x_a"), unicode_name("rate"), unicode_name("x_1")
    ('θ₂', 'x_a', 'rate', 'x_1')
    """
    head, sep, rest = name.partition("_")
    base, subs = split_name(head)
    glyph = _GLYPH.get(base, base)
    if subs and all(_digits(s) for s in subs):
        glyph += ",".join(s.translate(SUBSCRIPT) for s in subs)
    elif subs:
        glyph = head
    return glyph + sep + rest


def compact(name: str) -> bool:
    """Whether a name prints as one letter, with digit subscripts.

    Two such names side by side read as a product: ``xy``, ``x₁y``, ``αβ`` but ``rate·y``,
    ``x_1·y``.

    >>> compact("x"), compact("alpha"), compact("w12"), compact("rate"), compact("x_1")
    (True, True, True, False, False)
    """
    base, subs = split_name(name)
    return "_" not in name and (len(base) == 1 or base in _GLYPH) and all(map(_digits, subs))


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

    >>> latex_name("w1"), latex_name("rate"), latex_name("loss", function=True)
    ('w_{1}', '\\\\mathit{rate}', '\\\\operatorname{loss}')
    """
    head, sep, rest = name.partition("_")
    base, subs = split_name(head)
    out = _latex_word(base, "operatorname" if function else "mathit")
    if subs:
        out += "_{" + ",".join(_latex_word(s, "mathit") for s in subs) + "}"
    if sep:  # x_1 is not x1 (x_{1}): the part after "_" is written as it is
        out += "\\_" + rest.replace("_", "\\_")
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
