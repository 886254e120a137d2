"""HTML: a self-contained page (KaTeX inlined, readable offline) and notebook fragments.

Math is written as ``<span class="tex" data-tex="…">Unicode</span>``: the page's
script typesets each span with the vendored KaTeX (strict mode); without
JavaScript the Unicode form stays readable.  A notebook fragment instead writes
``\\(…\\)`` for the notebook's own MathJax, and carries no script.

>>> import symdiff
>>> html = derivation_page(symdiff.derive("h(x) = 3(2x^2)^5", "x"))
>>> html.startswith("<!DOCTYPE html>"), "combine constants" in html
(True, True)
"""

from __future__ import annotations

import re
from base64 import b64encode
from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..calculus.derivation import Derivation

Math = Callable[[str, str], str]  # (latex, unicode) -> HTML

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


def notebook_math(latex: str, unicode: str) -> str:
    r"""Math for a notebook's MathJax: ``\(…\)``.

    >>> notebook_math("x^{2}", "x²")
    '\\(x^{2}\\)'
    """
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
        lhs = math(*label) if i == 0 and label[0] else ""
        eq = "" if i == 0 and not label[0] else "="
        out.append(
            f'<tr><td class="lhs">{lhs}</td><td>{eq}</td><td class="rhs">{math(tex, uni)}</td>'
            f'<td class="rule">{escape(note)}</td></tr>'
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


def derivation_section(d: Derivation, math: Math = katex_math) -> str:
    """A derivation's input, steps (rule named on each line) and result.

    >>> import symdiff
    >>> "<h2>Steps</h2>" in derivation_section(symdiff.derive("x^2", "x"))
    True
    """
    from .derivation import default_label, derivation_rows
    from .latex import to_latex
    from .unicode import to_unicode

    label = (default_label(d, "latex"), default_label(d, "unicode"))
    body = d.definition.body
    rows = derivation_rows(d, "latex"), derivation_rows(d, "unicode")
    result = to_latex(d.result, partial=d.partial), to_unicode(d.result, partial=d.partial)
    return (
        f"<section>\n<h2>Input</h2>\n<p>{math(to_latex(body), to_unicode(body))} "
        f"(differentiate by {escape(d.var)})</p>\n"
        f"<h2>Steps</h2>\n{steps_table(label, *rows, math=math)}\n"
        f"<h2>Result</h2>\n<p>{math(*result)}</p>\n</section>"
    )


def derivation_page(d: Derivation) -> str:
    """``Derivation.render("html")``: a whole page for one derivation."""
    return page(f"symdiff: d/d{d.var}", "<h1>symdiff</h1>\n" + derivation_section(d))


def notebook_html(d: Derivation) -> str:
    r"""``Derivation._repr_html_``: the section alone, math for the notebook's MathJax.

    >>> import symdiff
    >>> "\\(" in notebook_html(symdiff.derive("x^2", "x"))
    True
    """
    return derivation_section(d, math=notebook_math)
