"""The grammar file ``grammar/symdiff.lark``: found in the installed package or the source tree.

The grammar is the only definition of the language; the shipped parse table
(:mod:`symdiff.parsing.tables`) and Lark's parser (:mod:`symdiff.parsing.regenerate`) are both
derived from the text this module loads.

>>> grammar_path().name
'symdiff.lark'
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

_GRAMMAR = ("grammar", "symdiff.lark")


def _grammar_file() -> Traversable:
    """The grammar as a package resource (built wheel) or a file of the source tree."""
    try:
        packaged = resources.files("symdiff") / _GRAMMAR[0] / _GRAMMAR[1]
        if packaged.is_file():
            return packaged
    except (ModuleNotFoundError, TypeError, ValueError, OSError):  # pragma: no cover
        pass
    source = Path(__file__).resolve().parents[2].joinpath(*_GRAMMAR)
    if source.is_file():
        return source
    raise FileNotFoundError(  # pragma: no cover - a broken installation
        "symdiff's grammar file grammar/symdiff.lark is missing: it is neither in the installed "
        "package (symdiff/grammar/) nor next to the source tree; reinstall symdiff"
    )


def grammar_path() -> Path:
    """Where ``symdiff.lark`` is: inside the installed package, else in the source tree.

    >>> grammar_path().name
    'symdiff.lark'
    """
    return Path(str(_grammar_file()))


def load_grammar() -> str:
    """The text of the grammar.

    >>> load_grammar().startswith("// The input language of symdiff")
    True
    """
    return _grammar_file().read_text(encoding="utf-8")


__all__ = ["grammar_path", "load_grammar"]
