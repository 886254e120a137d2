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

from .labels import latex_text, rule_name
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


def derivation_rows(d: Derivation, fmt: str) -> list[Row]:
    """One row per line of the derivation: (math, rule names).

    >>> import symdiff
    >>> derivation_rows(symdiff.derive("x^2", "x"), "text")
    [('d/dx[x^2]', ''), ('2*x^1', 'power'), ('2*x', 'arithmetic')]
    """
    rows = []
    for i, line in enumerate(d.lines):
        note = "" if i == 0 and not line.rules else ", ".join(rule_name(r) for r in line.rules)
        rows.append((math(line.expr, fmt, d.partial), note))
    return rows


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
