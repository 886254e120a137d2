"""Render a derivation in the book's shape, each line labelled with its rules.

One line per rule level, then arithmetic, then the named simplification steps.
A *row* is one line as (math, note); the layouts below take rows, so the command
line can add its own (a value at a point) and render simplifications the same way.

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

from .labels import derivative_label, latex_text, rule_name
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


def default_label(d: Derivation, fmt: str) -> str:
    """The label of a derivation of a named function (``h'(x)``, ``∂f/∂x``), else "".

    >>> import symdiff
    >>> default_label(symdiff.derive("h(x) = x^2", "x"), "unicode")
    "h'(x)"
    """
    if d.definition.name is None:
        return ""
    return derivative_label(d.definition.name, [d.var], d.partial, fmt)


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


def render_lines(d: Derivation, fmt: str, *, label: str | None = None) -> str:
    """Aligned ``=`` lines for ``text`` and ``unicode``.

    >>> import symdiff
    >>> print(render_lines(symdiff.derive("x*y", "x"), "text"))
    y*d/dx[x]    constant multiple
      = y*1      variable
      = y        arithmetic
    """
    return layout_rows(default_label(d, fmt) if label is None else label, derivation_rows(d, fmt))


def render_latex(d: Derivation, *, label: str | None = None) -> str:
    r"""An ``aligned`` block, one ``&=`` row per line with the rule named in ``\text{}``.

    >>> import symdiff
    >>> render_latex(symdiff.derive("x^2", "x")).splitlines()[0]
    '\\begin{aligned}'
    """
    lead = default_label(d, "latex") if label is None else label
    return latex_rows(lead, derivation_rows(d, "latex"))


def definition_text(d: Derivation) -> str:
    """What was differentiated, as text: ``h(x) = 3*(2*x^2)^5`` or just the expression.

    >>> import symdiff
    >>> definition_text(symdiff.derive("h(x) = 3(2x^2)^5", "x"))
    'h(x) = 3*(2*x^2)^5'
    """
    body = to_text(d.definition.body)
    name, params = d.definition.name, d.definition.params
    return body if name is None else f"{name}({', '.join(params or ())}) = {body}"


def render_markdown(d: Derivation, *, label: str | None = None) -> str:
    """A Markdown section: the input, the derivation in a ``$$`` block, the result.

    >>> import symdiff
    >>> print(render_markdown(symdiff.derive("h(x) = x^2", "x")).splitlines()[-1])
    **Result:** $h'(x) = 2 x$
    """
    lead = default_label(d, "latex") if label is None else label
    result = to_latex(d.result, partial=d.partial)
    return (
        f"**Differentiate** `{definition_text(d)}` with respect to `{d.var}`\n\n"
        f"$$\n{render_latex(d, label=label)}\n$$\n\n"
        f"**Result:** ${lead + ' = ' if lead else ''}{result}$\n"
    )


def render_derivation(d: Derivation, fmt: str, *, label: str | None = None) -> str:
    """Dispatch on the format name: text, unicode, latex, markdown, json or html.

    >>> import symdiff
    >>> render_derivation(symdiff.derive("x^2", "x"), "text").splitlines()[-1].split()[:2]
    ['=', '2*x']
    """
    if fmt in ("text", "unicode"):
        return render_lines(d, fmt, label=label)
    if fmt == "latex":
        return render_latex(d, label=label)
    if fmt == "markdown":
        return render_markdown(d, label=label)
    if fmt == "json":
        from .json import derivation_json

        return derivation_json(d)
    if fmt == "html":
        from .html import derivation_page

        return derivation_page(d)
    raise ValueError(f"unknown format {fmt!r}: use text, unicode, latex, markdown, json or html")
