"""JSON output (schema 1): a stable, versioned contract for programs.

Every document is one JSON object with ``"schema": 1`` and a ``"kind"``; the JSON
Schema that validates all of them ships with the package (:func:`schema`).  An
expression is an object with its ``text`` (parses back to the same expression),
``unicode`` and ``latex`` forms.  Derivation steps are a flat list in which each
step names its sub-steps by index, so any depth serializes without nesting
limits and a step shared by several parents appears once.

>>> import json, symdiff
>>> doc = json.loads(symdiff.derive("x^2", "x").to_json())
>>> doc["schema"], doc["kind"], doc["result"]["text"], doc["steps"][0]["rule"]
(1, 'derivation', '2*x', 'power')
"""

from __future__ import annotations

import json
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from .latex import to_latex
from .text import to_text
from .unicode import to_unicode

if TYPE_CHECKING:
    from ..calculus.derivation import Derivation
    from ..core.expr import Expr
    from ..core.steps import Step

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


def value_json(value: Fraction | float) -> dict[str, Any]:
    """A number as ``{"text", "float", "exact"}``: exact rationals keep their text.

    >>> value_json(Fraction(3, 2)), value_json(0.25)
    ({'text': '3/2', 'float': 1.5, 'exact': True}, {'text': '0.25', 'float': 0.25, 'exact': False})
    """
    if isinstance(value, Fraction):
        return {"text": str(value), "float": float(value), "exact": True}
    return {"text": repr(float(value)), "float": float(value), "exact": False}


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


def definition_json(d: Derivation) -> dict[str, Any]:
    """``{"name", "params"}`` of the function differentiated (both null for a bare expression).

    >>> import symdiff
    >>> definition_json(symdiff.derive("h(x) = x^2", "x"))
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
        "definition": definition_json(d),
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


def derivation_json(d: Derivation) -> str:
    """The whole derivation as one JSON object (schema 1, kind ``derivation``).

    >>> import json, symdiff
    >>> json.loads(symdiff.derive("x^2", "x").to_json())["variable"]
    'x'
    """
    return dumps(derivation_record(d))


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of every document symdiff writes.

    >>> schema()["properties"]["schema"]["const"]
    1
    """
    from importlib.resources import files

    text = files("symdiff").joinpath("schema", SCHEMA_FILE).read_text(encoding="utf-8")
    return dict(json.loads(text))
