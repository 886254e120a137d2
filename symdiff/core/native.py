"""Which build is running: the compiled one (mypyc extension modules) or pure Python.

The accelerated wheel (``SYMDIFF_COMPILE=1``, see the README) ships the hot modules as
extension modules beside their ``.py`` files, and Python imports an extension module
first; any other install runs the ``.py`` files, the reference.

>>> build() in ("compiled", "pure Python")
True
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES

from . import expr


def is_extension(path: str | None) -> bool:
    """Whether a module's ``__file__`` is an extension module (compiled), not Python source.

    >>> is_extension("symdiff/core/expr.py"), is_extension(None)
    (False, False)
    """
    return path is not None and path.endswith(tuple(EXTENSION_SUFFIXES))


def compiled() -> bool:
    """Whether the node core runs compiled: ``symdiff.core.expr`` is an extension module.

    >>> compiled() == is_extension(expr.__file__)
    True
    """
    return is_extension(expr.__file__)


def build() -> str:
    """``"compiled"`` or ``"pure Python"``: the build ``symdiff --version`` names.

    >>> build() == ("compiled" if compiled() else "pure Python")
    True
    """
    return "compiled" if compiled() else "pure Python"
