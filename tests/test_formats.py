"""Output formats: JSON validates against the shipped schema; LaTeX, Markdown and HTML are sound."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

import symdiff
from symdiff.cli import main
from symdiff.printers.html import notebook_html
from symdiff.printers.json import schema

WORKED = [  # the worked examples: definition, variables
    ("f(x, y) = x + y", "xy"),
    ("f(x, y) = 2x + 3y^2", "xy"),
    ("f(x, y) = 3x^3 - y^2 + 5x + 2", "xy"),
    ("f(x, y) = x*y", "xy"),
    ("f(x, y, z) = 3x^3z - y^2 + 5z + 2yz", "xyz"),
    ("f(x, y) = max(x, y)", "xy"),
    ("f(x) = max(x, 0)", "x"),
    ("f(g(x))", "x"),
    ("f(g(y, h(x, z)))", "x"),
    ("h(x) = 3(2x^2)^5", "x"),
]

COMMANDS = [
    ["h(x) = 3(2x^2)^5"],
    ["h(x) = 3(2x^2)^5", "--steps"],
    ["3x^3z - y^2 + 5z + 2yz", "--steps", "--at", "x=1,y=2,z=1/3"],
    ["x^2 y^3", "--wrt", "x,y", "--steps", "--verify"],
    ["sin(x)", "--order", "2", "--at", "x=1"],
    ["max(x, 0)", "--check"],
    ["grad", "f(w, b) = max(0, 3w + b)", "--steps"],
    ["hessian", "x^3 y^2", "--at", "x=1,y=2"],
    ["jacobian", "x*y", "f(x, y) = x + y^2", "--steps"],
    ["simplify", "15(2x^2)^4 * 4x", "--steps"],
    ["simplify", "(x+1)^2", "--expand", "--at", "x=3"],
    ["check", "x^3 z", "--wrt", "x", "--answer", "3x^3z"],
    ["check", "x^3 z", "--wrt", "x", "--answer", "3x^2z", "--steps"],
]


@pytest.fixture(scope="module")
def validator() -> object:
    doc = schema()
    jsonschema.Draft202012Validator.check_schema(doc)
    return jsonschema.Draft202012Validator(doc)


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    main([*args, "--format", "json"])
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_cli_json_validates(args: list[str], validator, capsys) -> None:  # type: ignore[no-untyped-def]
    for doc in run_json(capsys, *args):
        validator.validate(doc)
        assert doc["schema"] == 1


@pytest.mark.parametrize(("source", "names"), WORKED)
def test_derivation_json_validates(source: str, names: str, validator) -> None:  # type: ignore[no-untyped-def]
    for name in names:
        doc = json.loads(symdiff.derive(source, name).to_json())
        validator.validate(doc)
        assert doc["kind"] == "derivative" and doc["wrt"] == [name]
        (record,) = doc["derivations"]
        validator.validate({"schema": 1, **record})
        assert record["kind"] == "derivation" and record["result"] == doc["result"]
        doc = record
        ids = [s["id"] for s in doc["steps"]]
        assert ids == list(range(len(ids)))
        assert all(0 < k < len(ids) for s in doc["steps"] for k in s["substeps"])
        assert doc["lines"][-1]["text"] == doc["result"]["text"]


def test_batch_json_lines_validate(validator, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("x^2\nx +* y\nx*y\n"))
    docs = run_json(capsys, "-")
    assert [d["kind"] for d in docs] == ["derivative", "error", "gradient"]
    for doc in docs:
        validator.validate(doc)


def test_schema_rejects_a_broken_document(validator) -> None:  # type: ignore[no-untyped-def]
    good = json.loads(symdiff.derive("x^2", "x").to_json())
    for broken in ({**good, "schema": 2}, {k: v for k, v in good.items() if k != "result"},
                   {**good, "result": {"text": "2*x"}}, {**good, "kind": "poem"}):  # fmt: skip
        assert not validator.is_valid(broken)


def test_json_text_parses_back(capsys) -> None:  # type: ignore[no-untyped-def]
    for doc in run_json(capsys, "3x^3z - y^2 + 5z + 2yz"):
        for entry in doc["derivatives"]:
            name = entry["wrt"][0]
            assert symdiff.parse(entry["result"]["text"]) is symdiff.diff(doc["input"], name)


def test_values_are_exact_where_possible(capsys) -> None:  # type: ignore[no-untyped-def]
    (doc,) = run_json(capsys, "x^3", "--at", "x=1/3")
    assert doc["value"] == {"text": "1/3", "float": 1 / 3, "exact": True}
    (doc,) = run_json(capsys, "exp(x)", "--at", "x=1")
    assert doc["value"]["exact"] is False


def test_latex_has_no_unicode_and_balanced_braces(capsys) -> None:  # type: ignore[no-untyped-def]
    for source, names in WORKED:
        for name in names:
            tex = symdiff.derive(source, name).render("latex")
            assert tex.isascii(), tex
            assert tex.count("{") == tex.count("}")


def test_markdown_blocks_are_closed(capsys) -> None:  # type: ignore[no-untyped-def]
    main(["grad", "3x^3z - y^2 + 5z + 2yz", "--format", "markdown", "--steps"])
    out = capsys.readouterr().out
    assert out.count("$$") % 2 == 0 and out.count("$$") >= 8
    assert out.startswith(
        "**Differentiate** `3x^3z - y^2 + 5z + 2yz` with respect to `x`, `y`, `z`"
    )


def test_steps_depend_on_the_options_not_the_format(capsys) -> None:  # type: ignore[no-untyped-def]
    for fmt in ("markdown", "html"):
        main(["h(x) = 3(2x^2)^5", "--format", fmt])
        assert "combine constants" not in capsys.readouterr().out
        main(["h(x) = 3(2x^2)^5", "--format", fmt, "--steps"])
        assert "combine constants" in capsys.readouterr().out


def test_html_page_names_every_rule(capsys) -> None:  # type: ignore[no-untyped-def]
    main(["h(x) = 3(2x^2)^5", "--format", "html", "--steps"])
    page = capsys.readouterr().out
    d = symdiff.derive("h(x) = 3(2x^2)^5", "x")
    from symdiff.printers.labels import rule_name

    for line in d.lines[1:]:
        for rule in line.rules:
            assert f">{rule_name(rule)}" in page or f", {rule_name(rule)}" in page
    assert re.search(r"url\(data:font/woff2;base64,", page)  # fonts inlined: works offline
    head = page.split("<script>")[0]
    assert "http://" not in head and "https://" not in head  # nothing fetched from the network


def test_notebook_fragments() -> None:
    d = symdiff.derive("h(x) = 3(2x^2)^5", "x")
    html = d._repr_html_()
    assert html == notebook_html(d.report())
    assert "<script" not in html and "\\(" in html and "combine constants" in html
    assert d._repr_markdown_().startswith("**Differentiate** `h(x) = 3(2x^2)^5`")
    from symdiff.core.expr import Var

    built = symdiff.derive(Var("x") ** 2, "x")._repr_markdown_()  # no text typed: its own text
    assert built.startswith("**Differentiate** `x^2` with respect to `x`")
    assert symdiff.parse("x^2")._repr_latex_() == "$x^{2}$"


def test_derivation_render_formats() -> None:
    d = symdiff.derive("x*y", "x")
    assert d.render("text").splitlines()[:2] == ["d/dx[x*y]", "  = y*d/dx[x]    constant multiple"]
    assert d.render("html").startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError, match="unknown format"):
        d.render("pdf")
