"""The shipped parse table: current with the grammar, canonical, and the same parser as Lark's.

``symdiff/parsing/tables.py`` is generated from ``grammar/symdiff.lark`` (``python -m
symdiff.parsing.regenerate``) so that parsing needs neither Lark nor its table construction.
These tests keep the grammar file the only definition of the language: the shipped module
must be what the grammar gives today, under any string hashing; the driver must build the
very nodes Lark's own LALR parser builds with the same callbacks; a grammar file that no
longer matches is noticed and the tables are derived afresh; and parsing imports no Lark.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import symdiff.parsing.parser as parser
import symdiff.parsing.regenerate as grammar_tables
from strategies import grammar_texts, text_exprs
from symdiff.errors import SymdiffError
from symdiff.parsing.lexing import Source
from test_parser import SAME, TREES
from test_worked_examples import RESULTS

ROOT = Path(__file__).resolve().parent.parent
LARK = grammar_tables.lark_parser()


@pytest.mark.parametrize("seed", ["0", "1", "123"])
def test_shipped_table_is_current_under_any_string_hashing(seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-m", "symdiff.parsing.regenerate", "--check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "is current" in done.stdout


def test_check_reports_a_stale_module(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    stale = tmp_path / "parse_table.py"
    stale.write_text("GRAMMAR = 'an older grammar'\n", encoding="utf-8")
    monkeypatch.setattr(grammar_tables, "MODULE", stale)
    assert grammar_tables.main(["--check"]) == 1
    assert grammar_tables.main([]) == 0  # regenerates it
    assert grammar_tables.main(["--check"]) == 0


def same_as_lark(text: str) -> None:
    """Our driver and Lark's parser, with the same callbacks, agree on ``text``."""
    try:
        ours = parser.parse(text)
    except SymdiffError:
        with pytest.raises(Exception):  # noqa: B017 - Lark raises its own error classes
            LARK.parse(Source(text))
        return
    assert LARK.parse(Source(text)) is ours


SOURCES = sorted(  # expressions: a definition's header is read before the grammar runs
    {source.split("=")[-1] for source, _ in SAME}
    | {source.split("=")[-1] for source, _ in TREES}
    | {source.split("=")[-1] for _, source, _, _ in RESULTS}
    | {"- -x", "+-+x", "2x/3y", "x^-y^2", "f'[2](x, y)", "g''[1,2](x, y)", "1(x > y)(x+1)"}
)


@pytest.mark.parametrize("source", SOURCES)
def test_driver_builds_the_nodes_lark_builds(source: str) -> None:
    same_as_lark(source)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(grammar_texts())
def test_driver_agrees_with_lark_on_grammar_strings(text: str) -> None:
    same_as_lark(text)


@settings(max_examples=200, deadline=None)
@given(text_exprs())
def test_driver_agrees_with_lark_on_typed_text(text: str) -> None:
    same_as_lark(text)


@pytest.fixture
def fresh_parser() -> Iterator[None]:
    """Forget the built tables before and after the test."""
    saved = dict(parser._CACHE)
    parser._CACHE.clear()
    yield
    parser._CACHE.clear()
    parser._CACHE.update(saved)


def test_an_edited_grammar_is_derived_afresh(
    fresh_parser: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited = parser.load_grammar().replace('_STAR: "*"', '_STAR: "*" | "@"')
    assert edited != parser.load_grammar()
    monkeypatch.setattr(parser, "load_grammar", lambda: edited)
    monkeypatch.setattr(grammar_tables, "load_grammar", lambda: edited)
    assert str(parser.parse("2@x")) == "2*x"


def test_parsing_imports_no_lark() -> None:
    code = (
        "import sys, symdiff; symdiff.diff('3(2x^2)^5', 'x'); symdiff.parse('f(x, y) = x*y'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'lark'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
