"""HTML: a self-contained page (KaTeX inlined, readable offline) and notebook fragments.

Each input is one ``<section>``, in the order a student reads it: what was asked, the
input typeset as math; the derivation, one line per rule with the rule named beside it
(fractions at display size); then the answer, set apart, with the checks; then the plot.
The page's stylesheet (``assets/page.css``) keeps it readable on a phone (a formula
wider than the screen scrolls inside its own box) and on paper (black on white, no
buttons, no page break inside a line of the derivation or the answer).

Math is written as ``<span class="tex" data-tex="…">Unicode</span>``: the page's
script (``assets/page.js``) typesets each span with the vendored KaTeX (strict mode);
without JavaScript the Unicode form stays readable.  A notebook fragment instead writes
``\\(…\\)`` for the notebook's own MathJax, and carries no script.

>>> import symdiff
>>> html = symdiff.derive("h(x) = 3(2x^2)^5", "x").render("html")
>>> html.startswith("<!DOCTYPE html>"), "combine constants" in html
(True, True)
>>> html.index('class="derivation"') < html.index('class="answer"')
True
"""

from __future__ import annotations

import re
from base64 import b64encode
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from html import escape
from typing import TYPE_CHECKING

from ..core.expr import Var
from .derivation import Row, derivation_rows, math
from .items import label, stages, unique
from .lines import render_report as render_report_lines
from .lines import simplify_rows
from .markdown import checks, question, result_latex
from .values import show_point, show_value

if TYPE_CHECKING:
    from ..core.definition import Definition
    from ..report import Report

Math = Callable[[str, str, bool], str]  # (latex, unicode, display) -> HTML
DISPLAY_STYLE = "\\displaystyle "  # a derivation's line at display size (fractions full height)


def katex_math(latex: str, unicode: str, display: bool = False) -> str:
    """A span the page's KaTeX typesets; the Unicode form until it does.

    >>> katex_math("x^{2}", "x²")
    '<span class="tex" data-tex="x^{2}">x²</span>'
    """
    cls = "tex display" if display else "tex"
    return f'<span class="{cls}" data-tex="{escape(latex)}">{escape(unicode)}</span>'


def notebook_math(latex: str, unicode: str, display: bool = False) -> str:
    r"""Math for a notebook's MathJax: ``\(…\)``, or ``\[…\]`` on its own line.

    >>> notebook_math("x^{2}", "x²"), notebook_math("x", "x", True)
    ('\\(x^{2}\\)', '\\[x\\]')
    """
    if display:
        return "\\[" + escape(latex, quote=False) + "\\]"
    return "\\(" + escape(latex, quote=False) + "\\)"


def derivation_list(
    lead: tuple[str, str],
    rows_latex: Sequence[Row],
    rows_unicode: Sequence[Row],
    math: Math = katex_math,
) -> str:
    """One derivation as a list: label, "=", the line (display size), the rule beside it.

    A first line named by no rule is the question (``d/dx x²``); without a label it has no "=".

    >>> rows = [("x", ""), ("1", "variable")]
    >>> print(derivation_list(("", ""), rows, rows, math=notebook_math))
    <ol class="derivation">
    <li class="question"><span class="lhs"></span> <span class="eq"></span> \
<span class="math">\\(\\displaystyle x\\)</span> <span class="rule"></span></li>
    <li class="step"><span class="lhs"></span> <span class="eq">=</span> \
<span class="math">\\(\\displaystyle 1\\)</span> <span class="rule">variable</span></li>
    </ol>
    """
    out = ['<ol class="derivation">']
    for i, ((tex, note), (uni, _)) in enumerate(zip(rows_latex, rows_unicode, strict=True)):
        first = i == 0
        lhs = math(DISPLAY_STYLE + lead[0], lead[1], False) if first and lead[0] else ""
        kind = "question" if first and not note else "step"  # d/dx f, named by no rule
        out.append(  # spaces between the parts: read apart without the stylesheet (a notebook)
            f'<li class="{kind}"><span class="lhs">{lhs}</span> '
            f'<span class="eq">{"" if first and not lead[0] else "="}</span> '
            f'<span class="math">{math(DISPLAY_STYLE + tex, uni, False)}</span> '
            f'<span class="rule">{escape(note)}</span></li>'
        )
    out.append("</ol>")
    return "\n".join(out)


def definition_math(d: Definition, fmt: str) -> str:
    """The input as it was read, in ``latex`` or ``unicode``: ``h(x) = 3 \\left(…``.

    >>> import symdiff
    >>> definition_math(symdiff.as_definition("h(x) = 3(2x^2)^5"), "unicode")
    'h(x) = 3(2x²)⁵'
    >>> definition_math(symdiff.as_definition("y = x0^2"), "latex")
    'y = x_{0}^{2}'
    """
    body = math(d.body, fmt)
    if d.name is None:
        return body
    name = math(Var(d.name), fmt)
    if d.dependent or d.params is None:
        return f"{name} = {body}"
    return f"{name}({', '.join(math(Var(p), fmt) for p in d.params)}) = {body}"


@cache
def _assets() -> tuple[str, str, str, str]:
    """The vendored KaTeX script and stylesheet (fonts inlined as data URIs), the page's own."""
    from importlib.resources import files

    printers = files("symdiff").joinpath("printers")
    root, own = printers.joinpath("katex"), printers.joinpath("assets")
    script = root.joinpath("katex.min.js").read_text(encoding="utf-8")
    css = root.joinpath("katex.min.css").read_text(encoding="utf-8")

    def inline(match: re.Match[str]) -> str:
        data = root.joinpath("fonts", match.group(1) + ".woff2").read_bytes()
        return f'src:url(data:font/woff2;base64,{b64encode(data).decode()}) format("woff2")'

    css = re.sub(r'src:url\(fonts/([\w-]+)\.woff2\) format\("woff2"\)[^;}]*', inline, css)
    page_js, page_css = (own.joinpath(name).read_text(encoding="utf-8")
                         for name in ("page.js", "page.css"))  # fmt: skip
    return script, css, page_js, page_css


def page(title: str, body: str) -> str:
    """A complete HTML document with KaTeX inlined (no network needed to read it).

    >>> "<title>t &amp; u</title>" in page("t & u", "<p>x</p>")
    True
    """
    katex_js, katex_css, page_js, page_css = _assets()
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{katex_css}</style>\n<style>{page_css}</style>\n"
        f"</head>\n<body>\n{body}\n<script>{katex_js}</script>\n<script>{page_js}</script>\n"
        "</body>\n</html>\n"
    )


def _result_unicode(report: Report) -> str:
    if report.kind in ("hessian", "jacobian", "simplify"):
        return render_report_lines(report, "unicode").split("\n\n")[0]
    return "; ".join(f"{label(report, item, 'unicode', r)} = {math(item.expr, 'unicode')}"
                     for r, item in unique(report))  # fmt: skip


def _asked(report: Report, show: Math) -> str:
    """What was asked, in words (inputs as typed), then each input typeset as it was read."""
    words = []
    for i, (text, inputs) in enumerate(question(report)):
        codes = ", ".join(f"<code>{escape(s.strip())}</code>" for s in inputs)
        words.append(f"<strong>{escape(text)}</strong> {codes}" if i == 0 else f"{text} {codes}")
    typeset = [show(definition_math(d, "latex"), definition_math(d, "unicode"), True)
               for d in report.definitions]  # fmt: skip
    boxes = "".join(f'\n<div class="math input">{t}</div>' for t in typeset)
    return f'<h2>Input</h2>\n<p class="asked">{" ".join(words)}</p>{boxes}'


def _derivations(report: Report, show: Math) -> list[str]:
    """Every derivation (or the named simplification steps) as a list of lines."""
    if report.kind == "simplify":
        if not report.steps:
            return []
        rows = simplify_rows(report, "latex"), simplify_rows(report, "unicode")
        return [derivation_list(("", ""), *rows, math=show)]
    out = []
    for row, item, k, stage, labelled in stages(report):
        lead = [label(report, item, f, row, k) if labelled else "" for f in ("latex", "unicode")]
        rows = (derivation_rows(stage, "latex", labelled),
                derivation_rows(stage, "unicode", labelled))  # fmt: skip
        out.append(derivation_list((lead[0], lead[1]), *rows, math=show))
    return out


def _answer(report: Report, show: Math) -> str:
    """The answer, set apart: the result, its value at the point, the checks."""
    latex = result_latex(report)
    result = show(latex, _result_unicode(report), True)
    out = [f'<div class="answer" data-latex="{escape(latex)}">', "<h2>Answer</h2>",
           f'<div class="math">{result}</div>']  # fmt: skip
    if report.point is not None:
        values = ", ".join(show_value(i.value, "unicode") for _, i in unique(report)
                           if i.value is not None)  # fmt: skip
        out.append(f"<p>At {escape(show_point(report.point, 'unicode'))}: {escape(values)}</p>")
    lines = checks(report)
    if lines:
        out.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>")
    out.append("</div>")
    return "\n".join(out)


def section(report: Report, show: Math = katex_math) -> str:
    """An HTML ``<section>``: the input, the steps (each rule named), the answer, the plot.

    The plot is the one the report offers (a one-variable derivative), drawn here.

    >>> import symdiff
    >>> html = section(symdiff.derive("x^2", "x").report())
    >>> [html.index(h) < html.index('<div class="answer"') for h in ("Input", "Steps")]
    [True, True]
    """
    out = ["<section>", _asked(report, show)]
    lists = _derivations(report, show)
    if lists:
        out.append("<h2>Steps</h2>\n" + "\n".join(lists))
    out.append(_answer(report, show))
    svg = report.plot.svg() if report.plot is not None else None
    if svg is not None:  # inline SVG needs no namespace (and the page names no URL)
        svg = svg.replace(' xmlns="http://www.w3.org/2000/svg"', "", 1).rstrip("\n")
        out.append(f'<h2>Plot</h2>\n<figure class="plot">\n{svg}\n</figure>')
    out.append("</section>")
    return "\n".join(out)


def title(sources: Iterable[str]) -> str:
    """A page's title: ``symdiff:`` and the inputs, cut at 80 characters.

    >>> title(["x^2", " sin(x)"])
    'symdiff: x^2; sin(x)'
    """
    text = "; ".join(s.strip() for s in sources)
    return "symdiff: " + (text if len(text) <= 80 else text[:77] + "...")


def sections_page(sections: Sequence[str], sources: Iterable[str]) -> str:
    """Sections of HTML (one per input) as one self-contained page.

    >>> "<title>symdiff: x; y</title>" in sections_page(["<p>1</p>", "<p>2</p>"], ["x", "y"])
    True
    """
    return page(title(sources), "<h1>symdiff</h1>\n" + "\n".join(sections))


def render_report(report: Report, fmt: str = "html", color: bool = False) -> str:
    """A whole page for one report; ``fmt`` and ``color`` are not used.

    >>> import symdiff
    >>> render_report(symdiff.derive("x^2", "x").report()).startswith("<!DOCTYPE html>")
    True
    """
    return sections_page([section(report)], report.sources)


def notebook_html(report: Report) -> str:
    r"""``Derivation._repr_html_``: the section alone, math for the notebook's MathJax.

    >>> import symdiff
    >>> "\\(" in notebook_html(symdiff.derive("x^2", "x").report())
    True
    """
    return section(report, show=notebook_math)
