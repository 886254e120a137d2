"""Reports as Markdown: what was asked, the derivations in ``$$`` blocks, the result, checks.

It renders on code-hosting sites and in notebooks (``Derivation._repr_markdown_``).

>>> import symdiff
>>> print(render_report(symdiff.derive("x^2", "x").report()))
**Differentiate** `x^2` with respect to `x`
<BLANKLINE>
$$
\\begin{aligned}
\\frac{d}{dx} x^{2} \\\\
 &= 2 x^{1} && \\text{power} \\\\
 &= 2 x && \\text{arithmetic}
\\end{aligned}
$$
<BLANKLINE>
**Result:** $f'(x) = 2 x$
<BLANKLINE>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .derivation import math
from .items import label, unique
from .lines import blocks, matrix, matrix_title
from .lines import render_report as lines
from .values import show_point, show_value
from .verdicts import verdict_lines, verdict_text

if TYPE_CHECKING:
    from ..report import Report


def _code(texts: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"`{t.strip()}`" for t in texts)


def heading(report: Report) -> str:
    """What was asked: ``**Differentiate** `x^2` with respect to `x```, ``**Simplify** ...``.

    >>> import symdiff
    >>> heading(symdiff.derive("f(x, y) = x*y", "y").report())
    '**Differentiate** `f(x, y) = x*y` with respect to `y`'
    """
    inputs = _code(report.sources)
    if report.kind == "simplify":
        return f"**Simplify** {inputs}"
    wrt = list(dict.fromkeys(v for item in report.items for v in item.wrt))
    if report.kind == "check":
        answer = _code([report.answer or ""])
        return f"**Check** {answer} as the derivative of {inputs} with respect to {_code(wrt)}"
    names = list(report.variables) if report.kind != "derivative" else wrt
    return f"**Differentiate** {inputs} with respect to {_code(names)}"


def result_latex(report: Report) -> str:
    """The result as one LaTeX formula (an aligned block for several).

    >>> import symdiff
    >>> result_latex(symdiff.derive("h(x) = x^2", "x").report())
    "h'(x) = 2 x"
    """
    if report.kind in ("hessian", "jacobian"):
        return f"{matrix_title(report, 'latex')} = {matrix(report, 'latex')}"
    if report.kind == "simplify":
        return math(report.items[0].expr, "latex")
    rows = [f"{label(report, item, 'latex', r)} &= {math(item.expr, 'latex')}"
            for r, item in unique(report)]  # fmt: skip
    if len(rows) == 1:
        return rows[0].replace(" &= ", " = ")
    return "\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}"


def checks(report: Report) -> list[str]:
    """The verdict of ``check`` first, then each item's ``--check``/``--verify`` line.

    >>> from symdiff.results import check_report
    >>> checks(check_report("x^3", "3x^2"))
    ["yes: 3x² is f'(x) (same simplified expression)"]
    """
    out = [f"{method} check: {verdict_text(v, 'unicode', method)}"
           for _, item in unique(report) for method, v in item.checks]  # fmt: skip
    return verdict_lines(report, "unicode") + out


def render_report(report: Report, fmt: str = "markdown", color: bool = False) -> str:
    r"""A Markdown section, ending in a newline; ``fmt`` and ``color`` are not used.

    >>> from symdiff.results import simplify_report
    >>> render_report(simplify_report("x*x"))
    '**Simplify** `x*x`\n\n**Result:** $x^{2}$\n'
    """
    parts = [heading(report)]
    if report.kind == "simplify" and report.steps:
        parts.append("$$\n" + lines(report, "latex") + "\n$$")
    parts += [f"$$\n{block}\n$$" for block in blocks(report, "latex")]
    result = result_latex(report)
    if "\n" in result or report.kind in ("hessian", "jacobian"):
        parts.append(f"**Result:**\n\n$$\n{result}\n$$")
    else:
        parts.append(f"**Result:** ${result}$")
    if report.point is not None:
        values = [f"${show_value(i.value, 'latex')}$" for _, i in unique(report)
                  if i.value is not None]  # fmt: skip
        parts.append(f"**At** ${show_point(report.point, 'latex')}$: " + ", ".join(values))
    found = checks(report)
    if found:
        at = 1 if report.verdict is not None else len(parts)  # a verdict comes first
        parts.insert(at, "\n".join(f"- {line}" for line in found))
    return "\n\n".join(parts) + "\n"
