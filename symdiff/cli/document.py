"""Reports as documents: Markdown, an HTML section, a JSON object (schema 1).

>>> from symdiff.cli.compute import compute
>>> from symdiff.cli.options import parse_command
>>> print(markdown(compute(parse_command(["x^2", "--format", "markdown"]), "x^2")))
**Input:** `x^2`
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
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..check.numeric import Verdict
from ..core.definition import Definition
from ..printers.derivation import derivation_rows, math
from ..printers.html import katex_math, steps_table
from ..printers.json import derivation_record, expr_json, simplification_table, value_json
from .compute import Item, Report
from .render import blocks, matrix, matrix_title, render, stages, unique
from .values import show_point, show_value
from .verdicts import label, verdict_lines, verdict_text


def _result_latex(report: Report) -> str:
    """The result as one LaTeX formula (an aligned block for several)."""
    if report.kind in ("hessian", "jacobian"):
        return f"{matrix_title(report, 'latex')} = {matrix(report, 'latex')}"
    if report.kind == "simplify":
        return math(report.items[0].expr, "latex")
    rows = [f"{label(report, item, 'latex', r)} &= {math(item.expr, 'latex')}"
            for r, item in unique(report)]  # fmt: skip
    if len(rows) == 1:
        return rows[0].replace(" &= ", " = ")
    return "\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}"


def _result_unicode(report: Report) -> str:
    if report.kind in ("hessian", "jacobian", "simplify"):
        return render(report, "unicode").split("\n\n")[0]
    return "; ".join(f"{label(report, item, 'unicode', r)} = {math(item.expr, 'unicode')}"
                     for r, item in unique(report))  # fmt: skip


def _verdicts(report: Report) -> list[str]:
    out = [f"{method} check: {verdict_text(v, 'unicode', method)}"
           for _, item in unique(report) for method, v in item.checks]  # fmt: skip
    return (verdict_lines(report, "unicode") if report.verdict is not None else []) + out


def markdown(report: Report) -> str:
    """A Markdown section: input, derivation in ``$$`` blocks, result, checks."""
    inputs = ", ".join(f"`{s.strip()}`" for s in report.sources)
    parts = [f"**Input:** {inputs}"]
    if report.verdict is not None:
        parts.append(f"**Answer:** `{str(report.extra.get('answer', '')).strip()}`")
    if report.kind == "simplify":
        parts.append("$$\n" + render(report, "latex") + "\n$$")
    parts += [f"$$\n{block}\n$$" for block in blocks(report, "latex")]
    result = _result_latex(report)
    if "\n" in result or report.kind in ("hessian", "jacobian"):
        parts.append(f"**Result:**\n\n$$\n{result}\n$$")
    else:
        parts.append(f"**Result:** ${result}$")
    if report.point is not None:
        values = [f"${show_value(i.value, 'latex')}$" for _, i in unique(report)
                  if i.value is not None]  # fmt: skip
        parts.append(f"**At** ${show_point(report.point, 'latex')}$: " + ", ".join(values))
    lines = _verdicts(report)
    if lines:
        at = 2 if report.verdict is not None else len(parts)  # a verdict comes first
        parts.insert(at, "\n".join(f"- {line}" for line in lines))
    return "\n\n".join(parts)


def html_section(report: Report) -> str:
    """An HTML ``<section>``: input, result, steps (rule named on each line), checks."""
    inputs = ", ".join(f"<code>{escape(s.strip())}</code>" for s in report.sources)
    out = ["<section>", f"<h2>Input</h2>\n<p>{inputs}</p>"]
    result = katex_math(_result_latex(report), _result_unicode(report), display=True)
    out.append(f"<h2>Result</h2>\n<p>{result}</p>")
    if report.point is not None:
        values = ", ".join(show_value(i.value, "unicode") for _, i in unique(report)
                           if i.value is not None)  # fmt: skip
        out.append(f"<p>At {escape(show_point(report.point, 'unicode'))}: {escape(values)}</p>")
    tables = []
    for row, item, k, stage, labelled in stages(report):
        lead = [label(report, item, f, row, k) if labelled else "" for f in ("latex", "unicode")]
        rows = derivation_rows(stage, "latex"), derivation_rows(stage, "unicode")
        tables.append(steps_table((lead[0], lead[1]), *rows))
    if tables:
        out.append("<h2>Steps</h2>\n" + "\n".join(tables))
    lines = _verdicts(report)
    if lines:
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        out.append(f"<h2>Checks</h2>\n<ul>{items}</ul>")
    out.append("</section>")
    return "\n".join(out)


def _item_json(item: Item) -> dict[str, Any]:
    doc: dict[str, Any] = {"wrt": list(item.wrt), "result": expr_json(item.expr)}
    if not item.wrt:
        del doc["wrt"]
    if item.value is not None:
        doc["value"] = value_json(item.value)
    if item.stages:
        doc["derivations"] = [derivation_record(d) for d in item.stages]
    if item.checks:
        doc["checks"] = [_check_json(method, v) for method, v in item.checks]
    return doc


def _check_json(method: str, v: Verdict) -> dict[str, Any]:
    doc: dict[str, Any] = {"method": method, "ok": v.correct if v.decided else None, "how": v.how}
    if v.point is not None and v.expected_value is not None and v.answer_value is not None:
        doc["point"] = {k: value_json(x) for k, x in v.point.items()}
        doc["value"], doc["reference_value"] = map(value_json, (v.expected_value, v.answer_value))
    return doc


def _definition_json(d: Definition) -> dict[str, Any]:
    params = list(d.params) if d.params is not None else None
    return {"name": d.name, "params": params, "body": expr_json(d.body)}


def json_doc(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready dict (``schema`` is added when it is written)."""
    doc: dict[str, Any] = {"kind": report.kind}
    if report.kind == "jacobian":
        doc["input"] = list(report.sources)
        doc["definitions"] = [_definition_json(d) for d in report.definitions]
    else:
        doc["input"] = report.sources[0]
        doc["definition"] = _definition_json(report.definitions[0])
    doc["variables"] = list(report.variables)
    doc["partial"] = report.partial
    if report.point is not None:
        doc["point"] = {k: value_json(v) for k, v in report.point.items()}
    if report.kind == "gradient":
        doc["derivatives"] = [_item_json(i) for i in report.items]
    elif report.kind in ("hessian", "jacobian"):
        n = len(report.variables)
        cells = [_item_json(i) for i in report.items]
        doc["matrix"] = [cells[r * n : (r + 1) * n] for r in range(len(cells) // n)] if n else []
    else:
        doc.update(_item_json(report.items[0]))
    if report.kind == "simplify" and report.extra.get("steps"):
        doc["steps"] = simplification_table(report.steps)
    v = report.verdict
    if v is not None:
        doc.update(answer=expr_json(v.answer), correct=v.correct, how=v.how)
        if v.point is not None and v.expected_value is not None and v.answer_value is not None:
            doc["counterexample"] = {
                "point": {k: value_json(x) for k, x in v.point.items()},
                "expected_value": value_json(v.expected_value),
                "answer_value": value_json(v.answer_value),
            }
    return doc
