"""JSON for derivations (schema 1): a stable contract for programs.

Steps are a flat list (each names its sub-steps by index), so any depth of
derivation serializes without nesting limits and shared steps appear once.

>>> import json, symdiff
>>> doc = json.loads(symdiff.derive("x^2", "x").to_json())
>>> doc["schema"], doc["result"]["text"], doc["steps"][0]["rule"]
(1, '2*x', 'power')
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .latex import to_latex
from .text import to_text
from .unicode import to_unicode

if TYPE_CHECKING:
    from ..derivation import Derivation
    from ..steps import Step

SCHEMA = 1


def _expr(expr: Any, partial: bool) -> dict[str, str]:
    return {
        "text": to_text(expr),
        "unicode": to_unicode(expr, partial=partial),
        "latex": to_latex(expr, partial=partial),
    }


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


def derivation_json(d: Derivation) -> str:
    """The whole derivation as one JSON object (no trailing newline).

    >>> import json, symdiff
    >>> sorted(json.loads(symdiff.derive("x^2", "x").to_json()))
    ['definition', 'input', 'lines', 'partial', 'result', 'schema', 'simplification', 'steps', 'variable']
    """
    doc = {
        "schema": SCHEMA,
        "input": to_text(d.definition.body),
        "definition": {"name": d.definition.name, "params": d.definition.params},
        "variable": d.var,
        "partial": d.partial,
        "result": _expr(d.result, d.partial),
        "lines": [
            {"kind": line.kind, "rules": list(line.rules), **_expr(line.expr, d.partial)}
            for line in d.lines
        ],
        "steps": steps_table(d.tree),
        "simplification": [
            {"rule": s.rule, "before": to_text(s.before), "after": to_text(s.after)}
            for s in d.simplification
        ],
    }
    return json.dumps(doc, ensure_ascii=False)
