"""A parsed input: an expression, optionally with a signature ``f(x, y) = ...``.

>>> from symdiff.core.expr import Var
>>> d = Definition(Var("x"), name="h", params=("x",))
>>> d.label, d.params
('h', ('x',))
"""

from __future__ import annotations

from dataclasses import dataclass

from .expr import Expr


@dataclass(frozen=True, slots=True)
class Definition:
    """An expression with the optional name and parameter list it was defined with.

    ``name`` and ``params`` are ``None`` for a bare expression.

    >>> from symdiff.core.expr import Var
    >>> Definition(Var("x")).label
    'f'
    """

    body: Expr
    name: str | None = None
    params: tuple[str, ...] | None = None

    @property
    def label(self) -> str:
        """The function's name for output (``f`` when none was given)."""
        return self.name or "f"
