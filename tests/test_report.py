"""One document model: the API and the command line write the same bytes in every format.

A derivation is a one-item Report; ``derive(...).render(fmt)`` and
``symdiff SOURCE --wrt VAR --steps --format FMT`` render that one Report, so the
command's output is the API's rendering followed by a newline (none is added when
the document already ends in one, as Markdown and HTML do).
"""

from __future__ import annotations

import pytest

import symdiff
from symdiff.cli import main
from symdiff.cli.options import build_parser
from symdiff.printers import FORMATS

DERIVATIONS = [  # source                            variable
    ("f(x, y) = x + y",                              "x"),
    ("f(x, y) = 2x + 3y^2",                          "y"),
    ("f(x, y) = 3x^3 - y^2 + 5x + 2",                "x"),
    ("f(x, y) = x*y",                                "y"),
    ("f(x, y, z) = 3x^3z - y^2 + 5z + 2yz",          "z"),
    ("f(x, y) = max(x, y)",                          "x"),
    ("f(x) = max(x, 0)",                             "x"),
    ("f(g(y, h(x, z)))",                             "x"),
    ("h(x) = 3(2x^2)^5",                             "x"),
    ("3x^3z - y^2 + 5z + 2yz",                       "y"),
    ("sin(x)^2 * exp(-x) / (1 + x^2)",               "x"),
]  # fmt: skip

ALL_FORMATS = ["text", "unicode", "latex", "markdown", "json", "html"]


def test_the_registry_has_the_six_formats_and_the_cli_offers_them() -> None:
    assert list(FORMATS) == ALL_FORMATS
    (action,) = [a for a in build_parser()._actions if a.dest == "format"]
    assert list(action.choices or ()) == ALL_FORMATS


@pytest.mark.parametrize("fmt", ALL_FORMATS)
@pytest.mark.parametrize(("source", "var"), DERIVATIONS, ids=[s for s, _ in DERIVATIONS])
def test_api_and_cli_render_the_same_bytes(source: str, var: str, fmt: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    rendered = symdiff.derive(source, var).render(fmt)
    assert main([source, "--wrt", var, "--steps", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert out == (rendered if rendered.endswith("\n") else rendered + "\n")
    assert rendered.rstrip("\n") == rendered.removesuffix("\n")  # at most one newline at the end


@pytest.mark.parametrize(("source", "var"), DERIVATIONS[:3])
def test_a_derivation_is_a_one_item_report(source: str, var: str) -> None:
    d = symdiff.derive(source, var)
    report = d.report()
    assert (report.kind, len(report.items)) == ("derivative", 1)
    (item,) = report.items
    assert item.wrt == (var,) and item.expr is d.result and item.stages == (d,)
    for fmt in ALL_FORMATS:
        assert report.render(fmt) == d.render(fmt) == symdiff.render(d, fmt)
    assert str(d) == d.render("unicode") and d.to_json() == d.render("json")
