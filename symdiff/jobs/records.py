"""One batch record: a line of JSON in, a line of JSON out.

An input record names the task and its input; the output record is the ``--format json``
document of that task plus the record's ``id``, or an error document (``"kind": "error"``,
the same ``type`` and ``message`` the command prints).  Everything here is pure: the same
line gives the same output line on any worker, which is what lets a resumed or a
distributed run write byte for byte what a single uninterrupted run writes.

=========  ==============================  =============================================
field      default                         meaning
=========  ==============================  =============================================
id         the record's line number        any JSON number or string, copied to the output
input      (required)                      the expression or definition, as typed
task       ``"diff"``                      ``diff``, ``gradient``, ``hessian``, ``check``,
                                           ``simplify``
wrt        the only variable (``diff``)    a name or a list of names (``["x", "y"]``)
vars       every variable                  the variables of ``gradient``/``hessian``
order      1                               the order of ``diff``
answer     (required for ``check``)        the answer to check
steps      false                           record the derivation's steps
at         none                            a point, ``{"x": "1/2", "y": 3}``
simplify   true                            simplify the result
expand     false                           expand products of sums
verify     false                           also check by finite differences
=========  ==============================  =============================================

>>> import json
>>> out = run_record('{"id": 7, "input": "x^3", "wrt": "x"}', Limits())
>>> out.outcome, json.loads(out.line)["id"], json.loads(out.line)["result"]["text"]
('ok', 7, '3*x^2')
>>> run_record('{"id": "b", "input": "x^"}', Limits()).outcome
'error'
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..errors import LimitError, SymdiffError
from ..limits import Limits

if TYPE_CHECKING:
    from ..core.evaluate import Value
    from ..report import Report

Outcome = Literal["ok", "wrong", "error", "limit", "failed"]
OUTCOMES: tuple[Outcome, ...] = ("ok", "wrong", "error", "limit", "failed")

TASKS = ("diff", "gradient", "hessian", "check", "simplify")
FIELDS = frozenset(
    {"id", "input", "task", "wrt", "vars", "order", "answer", "steps", "at", "simplify",
     "expand", "verify"}
)  # fmt: skip
BOOLEAN_FIELDS = ("steps", "simplify", "expand", "verify")


class RecordError(SymdiffError):
    """A record that is not a valid task: bad JSON, a missing or misspelled field."""


@dataclass(frozen=True, slots=True)
class Result:
    """What one record gave: its outcome and the output line (JSON, no newline).

    >>> Result("ok", '{"id": 1}').outcome
    'ok'
    """

    outcome: Outcome
    line: str


def record_id(line: str, number: int) -> Any:
    """The ``id`` of an input line (its line number when it has none or is not JSON).

    >>> record_id('{"id": "q1"}', 3), record_id('{"input": "x"}', 3), record_id("{", 4)
    ('q1', 3, 4)
    """
    try:
        doc = json.loads(line)
    except ValueError:
        return number
    if isinstance(doc, dict) and _valid_id(doc.get("id")):
        return doc["id"]
    return number


def input_of(line: str) -> str:
    """The ``input`` text of a record, or "" where it has none (for its error record).

    >>> input_of('{"input": "x^2"}'), input_of("not json")
    ('x^2', '')
    """
    try:
        doc = json.loads(line)
    except ValueError:
        return ""
    text = doc.get("input") if isinstance(doc, dict) else None
    return text if isinstance(text, str) else ""


def _valid_id(value: Any) -> bool:
    return isinstance(value, str) or (
        isinstance(value, int | float) and not isinstance(value, bool)
    )


def run_record(line: str, limits: Limits, number: int = 0) -> Result:
    """Run the task of one input line under ``limits`` (the clock starts here).

    Never raises for bad input: a record that can't be run becomes an error document.

    >>> r = run_record('{"input": "x^2", "task": "check", "answer": "2x"}', Limits(), 1)
    >>> r.outcome, json.loads(r.line)["correct"]
    ('ok', True)
    >>> json.loads(run_record('{"input": "x", "tsk": "diff"}', Limits(), 2).line)["error"]
    {'type': 'RecordError', 'message': "unknown field 'tsk' (fields: answer, at, expand, id, \
input, order, simplify, steps, task, vars, verify, wrt)"}
    """
    ident = record_id(line, number)
    text = ""
    try:
        doc = _load(line)
        text = doc["input"]
        report = _report(doc, limits.begin())
        from ..core.guards import check_output
        from ..printers.json import dumps, report_json

        check_output(report.exprs(), limits)
        out = dumps({"id": ident, **report_json(report)})
    except (SymdiffError, RecursionError, MemoryError) as exc:
        return failure(ident, text, exc)
    wrong = report.verdict is not None and not report.verdict.correct
    failed = any(not v.correct and v.decided for i in report.items for _, v in i.checks)
    return Result("wrong" if wrong or failed else "ok", out)


def failure(ident: Any, text: str, exc: BaseException | str, kind: str | None = None) -> Result:
    """The error record of an item: the command's error fields plus the item's ``id``.

    >>> failure(3, "x^", "the worker process died", "WorkerError").line
    '{"schema": 1, "id": 3, "kind": "error", "input": "x^", "error": {"type": "WorkerError", \
"message": "the worker process died"}}'
    """
    from ..printers.json import dumps, error_json

    if isinstance(exc, RecursionError):
        exc = "nested too deeply"
    doc = error_json(text, exc, kind)
    outcome: Outcome = "limit" if isinstance(exc, LimitError) or kind == "LimitError" else "error"
    if kind == "WorkerError":
        outcome = "failed"
    return Result(outcome, dumps({"id": ident, **doc}))


def _load(line: str) -> dict[str, Any]:
    try:
        doc = json.loads(line)
    except ValueError as exc:
        raise RecordError(f"not a JSON record: {exc}") from None
    if not isinstance(doc, dict):
        raise RecordError("a record must be a JSON object")
    unknown = sorted(set(doc) - FIELDS)
    if unknown:
        raise RecordError(f"unknown field {unknown[0]!r} (fields: {', '.join(sorted(FIELDS))})")
    if not isinstance(doc.get("input"), str):
        raise RecordError('a record needs "input": the expression, as a string')
    task = doc.setdefault("task", "diff")
    if task not in TASKS:
        raise RecordError(f"unknown task {task!r} (tasks: {', '.join(TASKS)})")
    for name in BOOLEAN_FIELDS:
        if name in doc and not isinstance(doc[name], bool):
            raise RecordError(f'"{name}" must be true or false')
    order = doc.setdefault("order", 1)
    if isinstance(order, bool) or not isinstance(order, int) or order < 1:
        raise RecordError('"order" must be a positive integer')
    return doc


def _names(value: Any, field: str) -> list[str]:
    """A name or a list of names (the API checks that each is a variable name)."""
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise RecordError(f'"{field}" must be a name or a list of names')
    return [n.strip() for n in names]


def _point(value: Any) -> dict[str, Value] | None:
    """The point of ``at``: names to numbers (JSON numbers, or text such as ``"pi/2"``)."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise RecordError('"at" must be an object such as {"x": "1/2"}')
    from ..api import number

    point: dict[str, Value] = {}
    for name, given in value.items():
        found = None
        if not isinstance(given, bool) and isinstance(given, str | int | float):
            found = number(str(given))
        if found is None:
            raise RecordError(f'the value of {name} in "at" must be a number')
        point[name] = found
    return point


def _report(doc: Mapping[str, Any], limits: Limits) -> Report:
    from .. import results

    options = results.Options(
        steps=doc.get("steps", False), simplify=doc.get("simplify", True),
        expand=doc.get("expand", False), point=_point(doc.get("at")),
        verify=doc.get("verify", False), limits=limits,
    )  # fmt: skip
    text, task = doc["input"], doc["task"]
    wrt: Sequence[str] = _names(doc["wrt"], "wrt") if "wrt" in doc else ()
    names = _names(doc["vars"], "vars") if "vars" in doc else None
    if task == "gradient":
        return results.gradient_report(text, names, options)
    if task == "hessian":
        return results.hessian_report(text, names, options)
    if task == "simplify":
        return results.simplify_report(text, options)
    if task == "check":
        if not isinstance(doc.get("answer"), str):
            raise RecordError('a "check" record needs "answer": the answer, as a string')
        return results.check_report(text, doc["answer"], wrt, options)
    return results.derivative_report(text, wrt, doc["order"], options)
