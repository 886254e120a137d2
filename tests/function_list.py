"""The README's list of functions, written from the function table.

``python tests/function_list.py`` rewrites the list between the README's markers;
``tests/test_readme.py`` checks that the README holds exactly what this writes, so the list
can never disagree with the table.  Each function's derivative is the statement the steps
show (:func:`symdiff.printers.labels.rule_statement`); a shorthand shows what its example
(written in the input language) stands for.
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's symdiff

from symdiff.core.expr import Call, Var
from symdiff.core.facets import Function
from symdiff.core.functions import FUNCTIONS, SHORTHANDS, listed_names
from symdiff.parsing.parser import parse
from symdiff.printers.labels import RULE_NAMES, rule_statement
from symdiff.printers.unicode import to_unicode

README = Path(__file__).resolve().parent.parent / "README.md"
BEGIN, END = "<!-- functions: written by tests/function_list.py -->", "<!-- end of functions -->"
U, V = Var("u"), Var("v")
KINKS = {
    "smooth": "",
    "zero": "corner or step where u = 0",
    "ties": "corner where two arguments are equal",
    "integers": "jumps where u is a whole number",
}


def _signature(row: Function) -> str:
    shown = {1: "u", 2: "n, u" if row.orders else "u, v", None: "u₁, …, uₙ"}.get(row.arity, "u, …")
    return f"`{row.name}({shown})`"


def _derivative(row: Function) -> str:
    statement = rule_statement(row.name, "unicode")
    if statement is not None:
        return statement
    if row.orders:  # polygamma(n, u), besselj(n, u): by u only, the order n fixed
        args = (Var("n"), U)
        shown = to_unicode(row.partial(args, 1) * Var("u′"))
        return f"d/dx {to_unicode(Call(row.name, args))} = {shown} (n fixed)"
    if row.arity == 2:
        args = (U, V)
        head = to_unicode(Call(row.name, args))
        return "; ".join(f"∂/∂{w} {head} = {to_unicode(row.partial(args, i))}"
                         for i, w in enumerate("uv"))  # fmt: skip
    return RULE_NAMES.get(row.name, "")


def _notes(row: Function) -> str:
    notes = [KINKS[row.kinks]] if KINKS[row.kinks] else []
    if row.edges:
        notes.append("domain edge at u = " + ", ".join(str(e) for e in row.edges))
    return "; ".join(notes)


def function_list() -> str:
    """The Markdown the README holds between its markers."""
    lines = ["| function | also written | derivative, as the steps state it | notes |",
             "|---|---|---|---|"]  # fmt: skip
    for row in FUNCTIONS.values():
        also = " ".join(f"`{s}`" for s in row.spellings)
        cells = (_signature(row), also, _derivative(row), _notes(row))
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    shorts = [s for forms in SHORTHANDS.values() for s in forms.values()]
    if shorts:
        lines += ["", "| shorthand | stands for | |", "|---|---|---|"]
        for s in shorts:
            cells = (f"`{s.example}`", to_unicode(parse(s.example)), s.summary)
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join([BEGIN, *lines, END])


def rewritten(text: str) -> str:
    """``text`` (the README): the list between the markers and the names in its notation
    section ("the known functions `...`", in table order) written from the table."""
    known = re.compile(r"(the known\s+functions )`[^`]*`")
    names = textwrap.fill(" ".join(listed_names()), 88).replace("\n", "\n  ")
    text = known.sub(lambda m: f"{m[1]}`{names}`", text, count=1)
    head, begin, rest = text.partition(BEGIN)
    _, end, tail = rest.partition(END)
    if not (begin and end) or BEGIN in tail:
        raise ValueError("the README must hold the markers once: " + BEGIN + " ... " + END)
    return head + function_list() + tail


if __name__ == "__main__":
    README.write_text(rewritten(README.read_text(encoding="utf-8")), encoding="utf-8")
    sys.stdout.write(function_list() + "\n")
