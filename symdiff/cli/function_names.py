"""``symdiff --functions``: every name the input language knows, by family of the table.

>>> print(function_names().splitlines()[1])
trigonometric: sin cos tan sec csc cot asin (arcsin) acos (arccos) atan (arctan) acot
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from typing import Any

from ..core.functions import families


def function_names(width: int = 88) -> str:
    """The known functions by family, each with its other spellings in parentheses.

    >>> "special functions: erf erfc gamma (Γ) lgamma (loggamma) digamma (ψ)" in function_names()
    True
    """
    lines = ["The functions symdiff knows (other spellings in parentheses):"]
    for family, rows, shorthands in families():
        names = [
            row.name + (f" ({' '.join(row.spellings)})" if row.spellings else "") for row in rows
        ]
        words = " ".join(names)
        if shorthands:
            words += "; read as what they stand for: " + " ".join(s.example for s in shorthands)
        lines += textwrap.wrap(f"{family}: {words}", width, subsequent_indent="  ",
                               break_on_hyphens=False)  # fmt: skip
    lines.append("Before ( also: f, g, h and any name given a definition (abstract functions).")
    return "\n".join(lines)


class ListFunctions(argparse.Action):
    """The ``--functions`` option: print :func:`function_names` and exit, as ``--version``."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        """An option that takes no value."""
        super().__init__(option_strings, dest=argparse.SUPPRESS, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:  # fmt: skip
        """Print the list on stdout and exit 0."""
        sys.stdout.write(function_names() + "\n")
        parser.exit(0)
