"""Reports as text, Unicode or LaTeX (for a terminal, a file or a paper).

>>> from symdiff.cli.compute import compute
>>> from symdiff.cli.options import parse_command
>>> print(render(compute(parse_command(["grad", "x^2 y"]), "x^2 y"), "unicode"))
∂f/∂x = 2xy
∂f/∂y = x²
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..calculus.derivation import Derivation
from ..core.expr import Var
from ..printers.derivation import (
    Row,
    derivation_rows,
    latex_rows,
    layout_rows,
    math,
    rule_name,
)
from .compute import Item, Report
from .values import show_point, show_value
from .verdicts import check_lines, label, plain, styles, verdict_lines

Style = Callable[[str], str]


def unique(report: Report) -> Iterator[tuple[int, Item]]:
    """Each distinct item once (a Hessian's lower triangle repeats the upper), with its row."""
    seen: set[int] = set()
    n = max(1, len(report.variables))
    for index, item in enumerate(report.items):
        if id(item) not in seen:
            seen.add(id(item))
            yield (index // n if report.kind == "jacobian" else 0), item


def stages(report: Report) -> Iterator[tuple[int, Item, int, Derivation, bool]]:
    """Every derivation to show, once: (row, item, order, derivation, labelled).

    A Hessian's ∂f/∂x appears once though three entries start with it.  The
    label is left out for the first derivation of a lone unnamed expression.
    """
    shown: set[tuple[int, tuple[str, ...]]] = set()
    several = len(report.items) > 1
    for row, item in unique(report):
        named = report.definitions[row].name is not None
        for k, stage in enumerate(item.stages, 1):
            if (row, item.wrt[:k]) not in shown:
                shown.add((row, item.wrt[:k]))
                yield row, item, k, stage, named or several or len(item.stages) > 1


def blocks(report: Report, fmt: str, dim: Style = plain) -> list[str]:
    """The derivations in a format (aligned lines, or LaTeX ``aligned`` blocks)."""
    out = []
    for row, item, k, stage, labelled in stages(report):
        lead = label(report, item, fmt, row, k) if labelled else ""
        rows: list[Row] = derivation_rows(stage, fmt)
        if k == len(item.stages) and item.value is not None and report.point is not None:
            where = show_point(report.point, "text" if fmt == "latex" else fmt)
            rows.append((show_value(item.value, fmt), f"at {where}"))
        out.append(latex_rows(lead, rows) if fmt == "latex" else layout_rows(lead, rows, dim))
    return out


def matrix(report: Report, fmt: str, values: bool = False) -> str:
    """A Hessian's or Jacobian's entries (or their values) as a matrix."""
    n = len(report.variables)
    cells = [show_value(i.value, fmt) if values and i.value is not None else math(i.expr, fmt)
             for i in report.items]  # fmt: skip
    rows = [cells[r * n : (r + 1) * n] for r in range(len(cells) // n)] if n else []
    if fmt == "latex":
        return "\\begin{bmatrix} " + " \\\\ ".join(" & ".join(r) for r in rows) + " \\end{bmatrix}"
    cells = [[text + ("," if c < n - 1 else "") for c, text in enumerate(r)] for r in rows]
    widths = [max(len(r[c]) for r in cells) for c in range(n)]
    return "\n".join("[" + " ".join(t.ljust(w) for t, w in zip(r, widths, strict=True)) + "]"
                     for r in cells)  # fmt: skip


def matrix_title(report: Report, fmt: str) -> str:
    """``Hessian of f in (x, y):``; in LaTeX the matrix's name, ``\\nabla^{2} f`` or ``J``."""
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


def render(report: Report, fmt: str, color: bool = False) -> str:
    """A report as ``text``, ``unicode`` or ``latex``."""
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


def _simplify(report: Report, fmt: str, dim: Style) -> str:
    """The simplified expression; with steps, one named step per line."""
    item = report.items[0]
    result = math(item.expr, fmt)
    rows = [(result, "")]
    if report.extra.get("steps"):
        rows = [(math(report.definitions[0].body, fmt), "")]
        rows += [(math(s.after, fmt), rule_name(s.rule)) for s in report.steps]
        if rows[-1][0] != result:
            rows.append((result, "flatten"))
    if item.value is not None and report.point is not None:
        rows.append((show_value(item.value, fmt), f"at {show_point(report.point, fmt)}"))
    if len(rows) == 1:
        return result
    return latex_rows("", rows) if fmt == "latex" else layout_rows("", rows, dim)


def _check(report: Report, fmt: str, good: Style, bad: Style, dim: Style) -> str:
    lines = verdict_lines(report, "unicode" if fmt == "latex" else fmt, good, bad)
    if fmt == "latex":
        lines = [f"% {line}" for line in lines]
    return "\n\n".join(["\n".join(lines), *blocks(report, fmt, dim)])
