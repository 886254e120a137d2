"""Render a derivation in the book's shape, each line labelled with its rules.

One line per rule level, then arithmetic, then the named simplification steps.

>>> import symdiff
>>> print(symdiff.derive("f(x, y) = x + y", "x").render("unicode"))
∂f/∂x = ∂/∂x[x + y]
      = ∂/∂x x + ∂/∂x y    sum
      = 1 + 0              variable
      = 1                  arithmetic
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .latex import to_latex
from .text import to_text
from .unicode import to_unicode

if TYPE_CHECKING:
    from ..derivation import Derivation

RULE_NAMES: dict[str, str] = {
    "constant": "constant",
    "variable": "variable",
    "sum": "sum",
    "constant-multiple": "constant multiple",
    "product": "product",
    "quotient": "quotient",
    "power": "power",
    "exponential": "exponential",
    "general-power": "general power",
    "abstract": "abstract function",
    "indicator": "indicator (piecewise constant)",
    "max": "max: 1(u > v), taken as 0 at a tie",
    "min": "min: 1(u < v), taken as 0 at a tie",
    "arithmetic": "arithmetic",
    "identities": "identities",
    "function-values": "function values",
    "indicators": "indicator algebra",
    "distribute-exponent": "distribute the exponent",
    "combine-powers": "combine powers",
    "combine-constants": "combine constants",
    "collect-terms": "collect like terms",
    "order-factors": "order factors",
    "expand": "expand",
}


def rule_name(rule_id: str) -> str:
    """Human name of a rule id (``chain:sin`` is "chain rule with sin").

    >>> rule_name("chain:power"), rule_name("constant-multiple")
    ('chain rule with power', 'constant multiple')
    """
    if rule_id.startswith("chain:"):
        return f"chain rule with {rule_name(rule_id[6:])}"
    return RULE_NAMES.get(rule_id, rule_id.replace("-", " "))


def _label(d: Derivation, fmt: str) -> str:
    name, params = d.definition.name, d.definition.params
    if name is None:
        return ""
    if params is not None and len(params) == 1 and not d.partial:
        return {"latex": f"{name}'({d.var})"}.get(fmt, f"{name}'({d.var})")
    mark = {"unicode": "∂", "latex": "\\partial ", "text": "d"}[fmt]
    if fmt == "latex":
        return f"\\frac{{{mark}{name}}}{{{mark}{d.var}}}"
    return f"{mark}{name}/{mark}{d.var}"


def _expr(d: Derivation, fmt: str, i: int) -> str:
    expr = d.lines[i].expr
    if fmt == "text":
        return to_text(expr)
    if fmt == "latex":
        return to_latex(expr, partial=d.partial)
    return to_unicode(expr, partial=d.partial)


def _notes(d: Derivation, i: int) -> str:
    if i == 0 and d.lines[0].rules == ():
        return ""
    return ", ".join(rule_name(r) for r in d.lines[i].rules)


def render_lines(d: Derivation, fmt: str) -> str:
    """Aligned ``=`` lines for ``text`` and ``unicode``.

    >>> import symdiff
    >>> print(render_lines(symdiff.derive("x*y", "x"), "text"))
    y*d/dx[x]    constant multiple
      = y*1      variable
      = y        arithmetic
    """
    label = _label(d, fmt)
    head = f"{label} = " if label else ""
    pad = " " * (len(label) + 1) + "= " if label else "  = "
    bodies = [(head if i == 0 else pad) + _expr(d, fmt, i) for i in range(len(d.lines))]
    width = max(len(b) for b in bodies)
    out = []
    for i, body in enumerate(bodies):
        note = _notes(d, i)
        out.append(f"{body.ljust(width)}    {note}".rstrip() if note else body.rstrip())
    return "\n".join(out)


def render_latex(d: Derivation) -> str:
    r"""An ``aligned`` block, one ``&=`` row per line with the rule named in ``\text{}``.

    >>> import symdiff
    >>> render_latex(symdiff.derive("x^2", "x")).splitlines()[0]
    '\\begin{aligned}'
    """
    label = _label(d, "latex")
    rows = []
    for i in range(len(d.lines)):
        note = _notes(d, i)
        tag = f" && \\text{{{note}}}" if note else ""
        lead = label if i == 0 else ""
        rows.append(f"{lead} &= {_expr(d, 'latex', i)}{tag}")
    return "\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}"


def render_markdown(d: Derivation) -> str:
    """A Markdown section: the input, the derivation in a ``$$`` block, the result.

    >>> import symdiff
    >>> "$$" in render_markdown(symdiff.derive("x^2", "x"))
    True
    """
    source = to_text(d.definition.body)
    result = to_latex(d.result)
    return (
        f"**Differentiate** `{source}` with respect to `{d.var}`\n\n"
        f"$$\n{render_latex(d)}\n$$\n\n"
        f"**Result:** ${result}$\n"
    )


def render_derivation(d: Derivation, fmt: str) -> str:
    """Dispatch on the format name: text, unicode, latex, markdown or json.

    >>> import symdiff
    >>> render_derivation(symdiff.derive("x^2", "x"), "text").splitlines()[-1].split()[:2]
    ['=', '2*x']
    """
    if fmt in ("text", "unicode"):
        return render_lines(d, fmt)
    if fmt == "latex":
        return render_latex(d)
    if fmt == "markdown":
        return render_markdown(d)
    if fmt == "json":
        from .json import derivation_json

        return derivation_json(d)
    raise ValueError(f"unknown format {fmt!r}: use text, unicode, latex, markdown or json")
