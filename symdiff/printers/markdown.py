"""Reports as Markdown: what was asked, the derivations in ``$$`` blocks, the result, checks.

A one-variable derivative ends with its plot (:func:`plot_image`; ``--no-plot`` omits it).
Several reports (``symdiff - --format markdown``) are joined by :data:`RECORD_SEPARATOR`.

It renders on code-hosting sites and in notebooks (``Derivation._repr_markdown_``).

>>> import symdiff
>>> text = render_report(symdiff.derive("x^2", "x").report())
>>> head, plot = text.rsplit("\\n\\n", 1)
>>> print(head)
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
>>> plot[:40]
'![Plot of f(x) = x²](data:image/svg+xml;'
"""

from __future__ import annotations

import re
from base64 import b64encode
from html import unescape
from typing import TYPE_CHECKING

from .derivation import math
from .items import label, unique
from .lines import blocks, matrix, matrix_title
from .lines import render_report as lines
from .values import show_point, show_value
from .verdicts import verdict_lines, verdict_text

if TYPE_CHECKING:
    from ..report import Report

RECORD_SEPARATOR = "\n---\n\n"  # after a blank line: a rule, never a heading's underline


def _code(texts: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"`{t.strip()}`" for t in texts)


def question(report: Report) -> list[tuple[str, tuple[str, ...]]]:
    """What was asked, as (words, inputs as typed) pairs; the first words are the verb.

    Markdown and HTML write it (:func:`heading`, the page's input line) from these pairs.

    >>> import symdiff
    >>> question(symdiff.derive("f(x, y) = x*y", "y").report())
    [('Differentiate', ('f(x, y) = x*y',)), ('with respect to', ('y',))]
    """
    inputs = tuple(report.sources)
    if report.kind == "simplify":
        return [("Simplify", inputs)]
    wrt = tuple(dict.fromkeys(v for item in report.items for v in item.wrt))
    if report.kind == "check":
        return [("Check", (report.answer or "",)), ("as the derivative of", inputs),
                ("with respect to", wrt)]  # fmt: skip
    names = report.variables if report.kind != "derivative" else wrt
    return [("Differentiate", inputs), ("with respect to", names)]


def heading(report: Report) -> str:
    """What was asked: ``**Differentiate** `x^2` with respect to `x```, ``**Simplify** ...``.

    >>> import symdiff
    >>> heading(symdiff.derive("f(x, y) = x*y", "y").report())
    '**Differentiate** `f(x, y) = x*y` with respect to `y`'
    """
    parts = question(report)
    return " ".join(f"**{words}** {_code(inputs)}" if i == 0 else f"{words} {_code(inputs)}"
                    for i, (words, inputs) in enumerate(parts))  # fmt: skip


def plot_image(report: Report) -> str | None:
    """The report's plot as a Markdown image, the SVG inside it as a ``data:`` URI.

    One file, nothing to host: notebooks, editors' previews and pandoc show it; sites
    that refuse ``data:`` images (GitHub) need the SVG as a file (``symdiff plot -o``).

    >>> import symdiff
    >>> plot_image(symdiff.derive("x^2", "x").report())[:40]
    '![Plot of f(x) = x²](data:image/svg+xml;'
    """
    svg = report.plot.svg() if report.plot is not None else None
    if svg is None:
        return None
    found = re.search(r"<title>(.*?)</title>", svg)
    alt = unescape(found.group(1)) if found else "Plot"
    alt = re.sub(r"([\\\[\]])", r"\\\1", alt)
    return f"![{alt}](data:image/svg+xml;base64,{b64encode(svg.encode()).decode()})"


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
    image = plot_image(report)
    if image is not None:
        parts.append(image)
    return "\n\n".join(parts) + "\n"
