"""A derivation's rows in the book's shape, each line labelled with its rules, and their layouts.

One line per rule level, then arithmetic, then the named simplification steps.
A *row* is one line as (math, note); the layouts below take rows, so a report can
add its own (a value at a point) and lay out simplifications the same way.

>>> import symdiff
>>> print(symdiff.derive("f(x, y) = x + y", "x").render("unicode"))
∂f/∂x = ∂/∂x[x + y]
      = ∂/∂x x + ∂/∂x y    sum
      = 1 + 0              variable
      = 1                  arithmetic
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..core.expr import Derivative
from .labels import latex_text, rule_name, rule_statement
from .latex import to_latex
from .text import to_text
from .unicode import to_unicode

if TYPE_CHECKING:
    from ..calculus.derivation import Derivation
    from ..core.expr import Expr

Row = tuple[str, str]  # (math in the output format, rule names or other note)


def math(expr: Expr, fmt: str, partial: bool = False) -> str:
    """``expr`` in a math format: ``text``, ``unicode`` or ``latex``.

    >>> from symdiff.core.expr import Var
    >>> math(Var("x") ** 2, "unicode"), math(Var("x") ** 2, "latex")
    ('x²', 'x^{2}')
    """
    if fmt == "text":
        return to_text(expr)
    if fmt == "latex":
        return to_latex(expr, partial=partial)
    return to_unicode(expr, partial=partial)


def derivation_rows(d: Derivation, fmt: str, labelled: bool = True) -> list[Row]:
    """One row per line of the derivation: (math, rule names).

    A line that prints like the line before it (the rule changed the tree, not what it
    shows: ``−1·1`` became ``−1``) is not repeated: its rules are named on that line.
    Without a label (``∂f/∂x =``) saying what is differentiated, the problem comes first,
    even where the first rule rewrote it already (``d/dx 3x``, then ``3·d/dx x``).

    >>> import symdiff
    >>> derivation_rows(symdiff.derive("x^2", "x"), "text")
    [('d/dx[x^2]', ''), ('2*x^1', 'power'), ('2*x', 'arithmetic')]
    >>> [m for m, _ in derivation_rows(symdiff.derive("3x", "x"), "unicode", labelled=False)]
    ['d/dx 3x', '3·d/dx x', '3·1', '3']
    """
    rows: list[Row] = []
    stated: set[str] = set()
    for i, line in enumerate(d.lines):
        shown = math(line.expr, fmt, d.partial)
        names = [_named(r, fmt, stated) for r in line.rules]
        if i == 0 and names and not labelled:
            problem = Derivative(d.definition.body, d.var)
            rows.append((math(problem, fmt, d.partial), ""))
        if rows and rows[-1][0] == shown:
            before = [n for n in rows[-1][1].split(", ") if n]
            rows[-1] = (shown, ", ".join(dict.fromkeys(before + names)))
            continue
        rows.append((shown, ", ".join(names)))
    return rows


def _named(rule_id: str, fmt: str, stated: set[str]) -> str:
    """A rule's name; the first time a function's chain rule is used, with its statement."""
    statement = None if rule_id in stated else rule_statement(rule_id, fmt)
    stated.add(rule_id)
    return rule_name(rule_id) + (f": {statement}" if statement else "")


def layout_rows(label: str, rows: Sequence[Row], dim: Callable[[str], str] | None = None) -> str:
    """Aligned ``=`` lines with the notes in a column; ``dim`` styles the notes.

    >>> print(layout_rows("f'(x)", [("d/dx x^2", ""), ("2*x", "power")]))
    f'(x) = d/dx x^2
          = 2*x         power
    """
    head = f"{label} = " if label else ""
    pad = " " * (len(label) + 1) + "= " if label else "  = "
    bodies = [(head if i == 0 else pad) + text for i, (text, _) in enumerate(rows)]
    width = max((len(b) for b in bodies), default=0)
    out = []
    for body, (_, note) in zip(bodies, rows, strict=True):
        out.append(f"{body.ljust(width)}    {dim(note) if dim else note}" if note else body)
    return "\n".join(out)


def latex_rows(label: str, rows: Sequence[Row]) -> str:
    r"""An ``aligned`` block, one ``&=`` row per line with the note in ``\text{}``.

    Without a label the first line stands alone and the others align on "=".

    >>> print(latex_rows("f'(x)", [("x^{2}", ""), ("2 x", "power")]))
    \begin{aligned}
    f'(x) &= x^{2} \\
     &= 2 x && \text{power}
    \end{aligned}
    >>> print(latex_rows("", [("y x", "product"), ("y", "")]).splitlines()[1])
    y x &&& \text{product} \\
    """
    out = []
    for i, (text, note) in enumerate(rows):
        tag = f"\\text{{{latex_text(note)}}}" if note else ""
        if i == 0 and not label:
            out.append(f"{text} &&& {tag}" if tag else text)
        else:
            out.append(f"{label if i == 0 else ''} &= {text}" + (f" && {tag}" if tag else ""))
    return "\\begin{aligned}\n" + " \\\\\n".join(out) + "\n\\end{aligned}"
