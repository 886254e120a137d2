"""HTML: a self-contained page (KaTeX inlined, readable offline) and notebook fragments.

Math is written as ``<span class="tex" data-tex="…">Unicode</span>``: the page's
script typesets each span with the vendored KaTeX (strict mode); without
JavaScript the Unicode form stays readable.  A notebook fragment instead writes
``\\(…\\)`` for the notebook's own MathJax, and carries no script.

>>> import symdiff
>>> html = symdiff.derive("h(x) = 3(2x^2)^5", "x").render("html")
>>> html.startswith("<!DOCTYPE html>"), "combine constants" in html
(True, True)
"""

from __future__ import annotations

import re
from base64 import b64encode
from collections.abc import Callable, Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

from .derivation import derivation_rows, math
from .items import label, stages, unique
from .lines import render_report as render_report_lines
from .markdown import checks, result_latex
from .values import show_point, show_value

if TYPE_CHECKING:
    from ..report import Report

Math = Callable[[str, str, bool], str]  # (latex, unicode, display) -> HTML

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #1b1b1b; line-height: 1.5; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
section { border-top: 1px solid #ddd; padding-top: .5rem; }
table.steps { border-collapse: collapse; margin: .5rem 0 1rem; }
table.steps td { padding: .25rem .6rem; vertical-align: middle; }
td.lhs { text-align: right; } td.rule { color: #666; font-size: .9rem; }
code { background: #f4f4f4; padding: 0 .25rem; }
.ok { color: #14702a; } .bad { color: #b00020; font-weight: bold; }
figure.plot { margin: .5rem 0 1rem; } figure.plot svg { max-width: 100%; height: auto; }
"""

SCRIPT = """
document.querySelectorAll(".tex").forEach(function (el) {
  katex.render(el.getAttribute("data-tex"), el, {
    displayMode: el.classList.contains("display"), throwOnError: false, strict: "error"
  });
});
"""


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


def steps_table(
    label: tuple[str, str],
    rows_latex: Sequence[tuple[str, str]],
    rows_unicode: Sequence[tuple[str, str]],
    math: Math = katex_math,
) -> str:
    """One derivation as a table: label, "=", the line, the rule that produced it.

    >>> print(steps_table(("", ""), [("x", "")], [("x", "")]).splitlines()[1][-53:])
    data-tex="x">x</span></td><td class="rule"></td></tr>
    """
    out = ['<table class="steps">']
    for i, ((tex, note), (uni, _)) in enumerate(zip(rows_latex, rows_unicode, strict=True)):
        lhs = math(*label, False) if i == 0 and label[0] else ""
        eq = "" if i == 0 and not label[0] else "="
        out.append(
            f'<tr><td class="lhs">{lhs}</td><td>{eq}</td>'
            f'<td class="rhs">{math(tex, uni, False)}</td><td class="rule">{escape(note)}</td></tr>'
        )
    out.append("</table>")
    return "\n".join(out)


def _assets() -> tuple[str, str]:
    """The vendored KaTeX script and stylesheet, fonts inlined as data URIs."""
    from importlib.resources import files

    root = files("symdiff").joinpath("printers", "katex")
    script = root.joinpath("katex.min.js").read_text(encoding="utf-8")
    css = root.joinpath("katex.min.css").read_text(encoding="utf-8")

    def inline(match: re.Match[str]) -> str:
        data = root.joinpath("fonts", match.group(1) + ".woff2").read_bytes()
        return f'src:url(data:font/woff2;base64,{b64encode(data).decode()}) format("woff2")'

    css = re.sub(r'src:url\(fonts/([\w-]+)\.woff2\) format\("woff2"\)[^;}]*', inline, css)
    return script, css


def page(title: str, body: str) -> str:
    """A complete HTML document with KaTeX inlined (no network needed to read it).

    >>> "<title>t &amp; u</title>" in page("t & u", "<p>x</p>")
    True
    """
    script, css = _assets()
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{css}</style>\n<style>{STYLE}</style>\n"
        f"</head>\n<body>\n{body}\n<script>{script}</script>\n<script>{SCRIPT}</script>\n"
        "</body>\n</html>\n"
    )


def _result_unicode(report: Report) -> str:
    if report.kind in ("hessian", "jacobian", "simplify"):
        return render_report_lines(report, "unicode").split("\n\n")[0]
    return "; ".join(f"{label(report, item, 'unicode', r)} = {math(item.expr, 'unicode')}"
                     for r, item in unique(report))  # fmt: skip


def section(report: Report, show: Math = katex_math) -> str:
    """An HTML ``<section>``: input, result, steps (rule named on each line), checks, plot.

    The plot is the one the report offers (a one-variable derivative), drawn here.

    >>> import symdiff
    >>> "<h2>Steps</h2>" in section(symdiff.derive("x^2", "x").report())
    True
    """
    inputs = ", ".join(f"<code>{escape(s.strip())}</code>" for s in report.sources)
    out = ["<section>", f"<h2>Input</h2>\n<p>{inputs}</p>"]
    result = show(result_latex(report), _result_unicode(report), True)
    out.append(f"<h2>Result</h2>\n<p>{result}</p>")
    if report.point is not None:
        values = ", ".join(show_value(i.value, "unicode") for _, i in unique(report)
                           if i.value is not None)  # fmt: skip
        out.append(f"<p>At {escape(show_point(report.point, 'unicode'))}: {escape(values)}</p>")
    tables = []
    for row, item, k, stage, labelled in stages(report):
        lead = [label(report, item, f, row, k) if labelled else "" for f in ("latex", "unicode")]
        rows = (derivation_rows(stage, "latex", labelled),
                derivation_rows(stage, "unicode", labelled))  # fmt: skip
        tables.append(steps_table((lead[0], lead[1]), *rows, math=show))
    if tables:
        out.append("<h2>Steps</h2>\n" + "\n".join(tables))
    lines = checks(report)
    if lines:
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        out.append(f"<h2>Checks</h2>\n<ul>{items}</ul>")
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
