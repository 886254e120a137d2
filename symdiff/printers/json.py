"""JSON output (schema 1): a stable, versioned contract for programs.

Every document is one JSON object with ``"schema": 1`` and a ``"kind"``; the JSON
Schema that validates all of them ships with the package (:func:`schema`).  An
expression is an object with its ``text`` (parses back to the same expression),
``unicode`` and ``latex`` forms.  Derivation steps are a flat list in which each
step names its sub-steps by index, so any depth serializes without nesting
limits and a step shared by several parents appears once.

A report is one document whose ``kind`` names what was computed (``derivative``,
``gradient``, ``hessian``, ``jacobian``, ``simplify``, ``check``); a derivation in it
(with steps) is a record of kind ``derivation``.

>>> import json, symdiff
>>> doc = json.loads(symdiff.derive("x^2", "x").to_json())
>>> doc["schema"], doc["kind"], doc["result"]["text"], doc["derivations"][0]["steps"][0]["rule"]
(1, 'derivative', '2*x', 'power')
"""

from __future__ import annotations

import json
import math
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from .emit import fraction_text
from .latex import to_latex
from .text import to_text
from .unicode import to_unicode

if TYPE_CHECKING:
    from ..calculus.derivation import Derivation
    from ..check.numeric import Verdict
    from ..core.definition import Definition
    from ..core.evaluate import Value
    from ..core.expr import Expr
    from ..core.steps import Step
    from ..report import Item, Report

SCHEMA = 1
SCHEMA_FILE = "symdiff-1.json"


def expr_json(expr: Expr, partial: bool = False) -> dict[str, str]:
    """An expression as ``{"text", "unicode", "latex"}``.

    >>> from symdiff.core.expr import Var
    >>> expr_json(Var("x") ** 2)
    {'text': 'x^2', 'unicode': 'x²', 'latex': 'x^{2}'}
    """
    return {
        "text": to_text(expr),
        "unicode": to_unicode(expr, partial=partial),
        "latex": to_latex(expr, partial=partial),
    }


def value_json(value: Value) -> dict[str, Any]:
    """A number as ``{"text", "float", "exact"}``: exact values keep their text (``3*pi/4``).

    ``float`` is the nearest float, or ``null`` when the value is beyond the float range
    (an exact ``10^309``; ``text`` still holds it): JSON has no infinity.

    >>> value_json(Fraction(3, 2)), value_json(0.25)
    ({'text': '3/2', 'float': 1.5, 'exact': True}, {'text': '0.25', 'float': 0.25, 'exact': False})
    >>> value_json(Fraction(10) ** 309)["float"] is None
    True
    """
    if isinstance(value, float):
        return {"text": repr(value), "float": _float(value), "exact": False}
    text = fraction_text(value) if isinstance(value, Fraction) else str(value)
    return {"text": text, "float": _float(value), "exact": True}  # a rational, or q·π, q·e, q·√n


def _float(value: Value) -> float | None:
    """The nearest finite float, or None."""
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def steps_table(root: Step) -> list[dict[str, Any]]:
    """The step tree as a flat list; index 0 is the root.

    >>> import symdiff
    >>> [s["rule"] for s in steps_table(symdiff.derive("2x", "x").tree)]
    ['constant-multiple', 'variable']
    """
    index: dict[int, int] = {}
    order: list[Step] = []
    for step in root.walk():
        if id(step) not in index:
            index[id(step)] = len(order)
            order.append(step)
    return [
        {
            "id": index[id(s)],
            "rule": s.rule,
            "before": to_text(s.before),
            "after": to_text(s.after),
            "substeps": [index[id(c)] for c in s.substeps],
        }
        for s in order
    ]


def simplification_table(steps: tuple[Step, ...] | list[Step]) -> list[dict[str, str]]:
    """Named simplification steps as ``{"rule", "before", "after"}`` (whole expressions).

    >>> from symdiff.simplifier import simplify_steps
    >>> from symdiff.core.expr import Var
    >>> simplification_table(simplify_steps(Var("x") * Var("x"))[1])
    [{'rule': 'combine-powers', 'before': 'x*x', 'after': 'x^2'}]
    """
    return [{"rule": s.rule, "before": to_text(s.before), "after": to_text(s.after)} for s in steps]


def signature_json(d: Derivation) -> dict[str, Any]:
    """``{"name", "params"}`` of the function differentiated (both null for a bare expression).

    >>> import symdiff
    >>> signature_json(symdiff.derive("h(x) = x^2", "x"))
    {'name': 'h', 'params': ['x']}
    """
    params = d.definition.params
    return {"name": d.definition.name, "params": None if params is None else list(params)}


def derivation_record(d: Derivation) -> dict[str, Any]:
    """One derivation as a JSON-ready dict (kind ``derivation``, without ``schema``).

    >>> import symdiff
    >>> sorted(derivation_record(symdiff.derive("x^2", "x")))  # doctest: +NORMALIZE_WHITESPACE
    ['definition', 'input', 'kind', 'lines', 'partial', 'result', 'simplification', 'steps',
     'variable']
    """
    return {
        "kind": "derivation",
        "input": to_text(d.definition.body),
        "definition": signature_json(d),
        "variable": d.var,
        "partial": d.partial,
        "result": expr_json(d.result, d.partial),
        "lines": [
            {"kind": line.kind, "rules": list(line.rules), **expr_json(line.expr, d.partial)}
            for line in d.lines
        ],
        "steps": steps_table(d.tree),
        "simplification": simplification_table(d.simplification),
    }


def dumps(doc: dict[str, Any]) -> str:
    """A document as one line of JSON, ``schema`` first (UTF-8, no trailing newline).

    >>> dumps({"kind": "x"})
    '{"schema": 1, "kind": "x"}'
    """
    return json.dumps({"schema": SCHEMA, **doc}, ensure_ascii=False)


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of every document symdiff writes.

    >>> schema()["properties"]["schema"]["const"]
    1
    """
    from importlib.resources import files

    text = files("symdiff").joinpath("schema", SCHEMA_FILE).read_text(encoding="utf-8")
    return dict(json.loads(text))


def item_json(item: Item) -> dict[str, Any]:
    """One result: ``wrt``, ``result``, and its value, derivations and checks when present.

    >>> from symdiff.report import Item
    >>> from symdiff.core.expr import Var
    >>> item_json(Item(("x",), Var("y")))
    {'wrt': ['x'], 'result': {'text': 'y', 'unicode': 'y', 'latex': 'y'}}
    """
    doc: dict[str, Any] = {"wrt": list(item.wrt), "result": expr_json(item.expr)}
    if not item.wrt:
        del doc["wrt"]
    if item.value is not None:
        doc["value"] = value_json(item.value)
    if item.stages:
        doc["derivations"] = [derivation_record(d) for d in item.stages]
    if item.checks:
        doc["checks"] = [check_json(method, v) for method, v in item.checks]
    return doc


def check_json(method: str, v: Verdict) -> dict[str, Any]:
    """A ``--check``/``--verify`` verdict: method, ok (null: undecided), how, where it failed.

    >>> from symdiff.check.numeric import Verdict
    >>> from symdiff.core.expr import Var
    >>> check_json("SymPy", Verdict(True, Var("x"), Var("x"), "agrees symbolically"))
    {'method': 'SymPy', 'ok': True, 'how': 'agrees symbolically'}
    """
    doc: dict[str, Any] = {"method": method, "ok": v.correct if v.decided else None, "how": v.how}
    if v.point is not None and v.expected_value is not None and v.answer_value is not None:
        doc["point"] = {k: value_json(x) for k, x in v.point.items()}
        doc["value"], doc["reference_value"] = map(value_json, (v.expected_value, v.answer_value))
    return doc


def definition_json(d: Definition) -> dict[str, Any]:
    """``{"name", "params", "body"}`` of an input (name and params null for an expression).

    >>> from symdiff.core.definition import Definition
    >>> from symdiff.core.expr import Var
    >>> definition_json(Definition(Var("x")))["params"] is None
    True
    """
    params = list(d.params) if d.params is not None else None
    return {"name": d.name, "params": params, "body": expr_json(d.body)}


def error_json(text: str, exc: BaseException | str, kind: str | None = None) -> dict[str, Any]:
    """The error document of one input: its text and the error's type and one-line message.

    ``exc`` is the exception, or a message with its ``kind`` (a type name).

    >>> from symdiff.errors import DomainError
    >>> error_json("1/0", DomainError("division by zero"))["error"]
    {'type': 'DomainError', 'message': 'division by zero'}
    """
    name = kind or (type(exc).__name__ if isinstance(exc, BaseException) else "SymdiffError")
    message = " ".join(str(exc).split()) or name
    return {"kind": "error", "input": text, "error": {"type": name, "message": message}}


def report_json(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready dict (``schema`` is added when it is written).

    >>> from symdiff.results import gradient_report
    >>> [d["result"]["text"] for d in report_json(gradient_report("x*y"))["derivatives"]]
    ['y', 'x']
    """
    doc: dict[str, Any] = {"kind": report.kind}
    if report.kind == "jacobian":
        doc["input"] = [s.strip() for s in report.sources]
        doc["definitions"] = [definition_json(d) for d in report.definitions]
    else:
        doc["input"] = report.sources[0].strip()
        doc["definition"] = definition_json(report.definitions[0])
    doc["variables"] = list(report.variables)
    doc["partial"] = report.partial
    if report.point is not None:
        doc["point"] = {k: value_json(v) for k, v in report.point.items()}
    if report.kind == "gradient":
        doc["derivatives"] = [item_json(i) for i in report.items]
    elif report.kind in ("hessian", "jacobian"):
        n = len(report.variables)
        cells = [item_json(i) for i in report.items]
        doc["matrix"] = [cells[r * n : (r + 1) * n] for r in range(len(cells) // n)] if n else []
    else:
        doc.update(item_json(report.items[0]))
    if report.kind == "simplify" and report.steps:
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


def render_report(report: Report, fmt: str = "json", color: bool = False) -> str:
    """The report as one line of JSON; ``fmt`` and ``color`` are not used.

    >>> import json, symdiff
    >>> doc = json.loads(render_report(symdiff.derive("h(x) = x^2", "x").report()))
    >>> doc["kind"], doc["input"], doc["wrt"], doc["result"]["text"], len(doc["derivations"])
    ('derivative', 'h(x) = x^2', ['x'], '2*x', 1)
    """
    return dumps(report_json(report))
