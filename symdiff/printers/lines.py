"""Reports as lines of text, Unicode or LaTeX (for a terminal, a file or a paper).

>>> import symdiff
>>> print(render_report(symdiff.derive("h(x) = 3x^2", "x").report(), "unicode"))
h'(x) = 3·d/dx x²    constant multiple
      = 3·2x¹        power
      = 6x           arithmetic
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.expr import Var
from .derivation import Row, derivation_rows, latex_rows, layout_rows, math
from .items import label, stages, unique
from .labels import rule_name
from .values import show_point, show_value
from .verdicts import Style, check_lines, plain, styles, verdict_lines

if TYPE_CHECKING:
    from ..report import Item, Report


def blocks(report: Report, fmt: str, dim: Style = plain) -> list[str]:
    """The derivations in a format (aligned lines, or LaTeX ``aligned`` blocks).

    >>> import symdiff
    >>> blocks(symdiff.derive("2x", "x").report(), "text")[0].splitlines()[-1]
    '  = 2            arithmetic'
    """
    out = []
    for row, item, k, stage, labelled in stages(report):
        lead = label(report, item, fmt, row, k) if labelled else ""
        rows: list[Row] = derivation_rows(stage, fmt, labelled)
        if k == len(item.stages) and item.value is not None and report.point is not None:
            where = show_point(report.point, "text" if fmt == "latex" else fmt)
            rows.append((show_value(item.value, fmt), f"at {where}"))
        out.append(latex_rows(lead, rows) if fmt == "latex" else layout_rows(lead, rows, dim))
    return out


def matrix(report: Report, fmt: str, values: bool = False) -> str:
    """A Hessian's or Jacobian's entries (or their values) as a matrix.

    >>> from symdiff.results import jacobian_report
    >>> print(matrix(jacobian_report(["x*y", "x + y^2"]), "text"))
    [y, x  ]
    [1, 2*y]
    """
    n = len(report.variables)
    cells = [show_value(i.value, fmt) if values and i.value is not None else math(i.expr, fmt)
             for i in report.items]  # fmt: skip
    rows = [cells[r * n : (r + 1) * n] for r in range(len(cells) // n)] if n else []
    if fmt == "latex":
        return "\\begin{bmatrix} " + " \\\\ ".join(" & ".join(r) for r in rows) + " \\end{bmatrix}"
    shown = [[text + ("," if c < n - 1 else "") for c, text in enumerate(r)] for r in rows]
    widths = [max(len(r[c]) for r in shown) for c in range(n)]
    return "\n".join("[" + " ".join(t.ljust(w) for t, w in zip(r, widths, strict=True)) + "]"
                     for r in shown)  # fmt: skip


def matrix_title(report: Report, fmt: str) -> str:
    """``Hessian of f in (x, y):``; in LaTeX the matrix's name, ``\\nabla^{2} f`` or ``J``.

    >>> from symdiff.results import hessian_report
    >>> matrix_title(hessian_report("x*y"), "unicode")
    'Hessian of f in (x, y):'
    """
    name = report.definitions[0].label
    if fmt == "latex":
        return f"\\nabla^{{2}} {math(Var(name), fmt)}" if report.kind == "hessian" else "J"
    names = ", ".join(math(Var(v), fmt) for v in report.variables)
    if report.kind == "hessian":
        return f"Hessian of {name} in ({names}):"
    return f"Jacobian in ({names}), one row per function:"


def _at(report: Report, item: Item, fmt: str) -> str:
    """`` = 12 at x = 2`` after a result, when a point was given."""
    if item.value is None or report.point is None:
        return ""
    where = show_point(report.point, fmt)
    if fmt == "latex":
        return f" = {show_value(item.value, fmt)} \\quad \\text{{at }} {where}"
    return f" = {show_value(item.value, fmt)} at {where}"


def render_report(report: Report, fmt: str, color: bool = False) -> str:
    """A report as ``text``, ``unicode`` or ``latex``; ``color`` dims the rule names.

    >>> from symdiff.results import gradient_report
    >>> print(render_report(gradient_report("x^2 y"), "unicode"))
    ∂f/∂x = 2xy
    ∂f/∂y = x²
    """
    dim, good, bad = styles(color)
    if report.kind == "simplify":
        return _simplify(report, fmt, dim)
    if report.kind == "check":
        return _check(report, fmt, good, bad, dim)
    if report.kind in ("hessian", "jacobian"):
        head = [_matrix_block(report, fmt)]
    elif report.items[0].stages:
        head = []
    elif len(report.items) == 1:
        item = report.items[0]
        head = [f"{math(item.expr, fmt)}{_at(report, item, fmt)}"]
    else:
        eq = " &= " if fmt == "latex" else " = "
        lines = [f"{label(report, i, fmt, r)}{eq}{math(i.expr, fmt)}{_at(report, i, fmt)}"
                 for r, i in unique(report)]  # fmt: skip
        head = ["\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}"
                if fmt == "latex" else "\n".join(lines)]  # fmt: skip
    checks = [line for _, item in unique(report) for line in check_lines(item, fmt, color)]
    parts = head + blocks(report, fmt, dim)
    return "\n\n".join(parts) + ("\n" + "\n".join(checks) if checks else "")


def _matrix_block(report: Report, fmt: str) -> str:
    title = matrix_title(report, fmt)
    where = show_point(report.point, fmt) if report.point is not None else ""
    if fmt == "latex":
        text = f"{title} = {matrix(report, fmt)}"
        return text + (f"\n% at {where}: {matrix(report, fmt, True)}" if where else "")
    text = f"{title}\n{matrix(report, fmt)}"
    return text + (f"\nat {where}:\n{matrix(report, fmt, values=True)}" if where else "")


def simplify_rows(report: Report, fmt: str) -> list[Row]:
    """A simplification's rows: the input, one named step per line, the value at a point.

    >>> import symdiff
    >>> from symdiff.report import Item, Report
    >>> d = symdiff.as_definition("x*x")
    >>> r = Report("simplify", ("x*x",), (d,), d.variables, False, (Item((), d.body),))
    >>> simplify_rows(r, "text")
    [('x*x', '')]
    """
    item = report.items[0]
    result = math(item.expr, fmt)
    rows = [(result, "")]
    if report.steps:
        rows = [(math(report.definitions[0].body, fmt), "")]
        rows += [(math(s.after, fmt), rule_name(s.rule)) for s in report.steps]
        if rows[-1][0] != result:
            rows.append((result, "flatten"))
    if item.value is not None and report.point is not None:
        rows.append((show_value(item.value, fmt), f"at {show_point(report.point, fmt)}"))
    return rows


def _simplify(report: Report, fmt: str, dim: Style) -> str:
    """The simplified expression; with steps, one named step per line."""
    rows = simplify_rows(report, fmt)
    if len(rows) == 1:
        return rows[0][0]
    return latex_rows("", rows) if fmt == "latex" else layout_rows("", rows, dim)


def _check(report: Report, fmt: str, good: Style, bad: Style, dim: Style) -> str:
    lines = verdict_lines(report, "unicode" if fmt == "latex" else fmt, good, bad)
    if fmt == "latex":
        lines = [f"% {line}" for line in lines]
    return "\n\n".join(["\n".join(lines), *blocks(report, fmt, dim)])
