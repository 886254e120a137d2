"""A parsed input: an expression, optionally with a signature ``f(x, y) = ...`` or ``y = ...``.

A leading derivative operator (``d/dx x^2``, ``d²/dx² ...``) is kept in ``wrt``.

>>> from symdiff.core.expr import Var
>>> d = Definition(Var("x"), name="h", params=("x",))
>>> d.label, d.params
('h', ('x',))
"""

from __future__ import annotations

from dataclasses import dataclass

from .expr import Expr
from .walk import iter_vars, natural_key


@dataclass(frozen=True, slots=True)
class Definition:
    """An expression with the optional name and parameter list it was defined with.

    ``name`` and ``params`` are ``None`` for a bare expression; ``y = x^2`` has the name
    ``y``, no ``params`` and ``dependent`` set (its derivative is written dy/dx).  ``wrt`` holds
    the variables of a leading derivative operator, once per order (``d²/dx²``: x, x).

    >>> from symdiff.core.expr import Var
    >>> Definition(Var("x")).label
    'f'
    """

    body: Expr
    name: str | None = None
    params: tuple[str, ...] | None = None
    wrt: tuple[str, ...] = ()
    dependent: bool = False

    @property
    def label(self) -> str:
        """The function's name for output (``f`` when none was given)."""
        return self.name or "f"

    @property
    def variables(self) -> tuple[str, ...]:
        """The signature's parameters, else the variables in natural order (``x2`` before ``x10``).

        >>> from symdiff.core.expr import Var
        >>> Definition(Var("x10") + Var("x2")).variables
        ('x2', 'x10')
        >>> Definition(Var("x"), "g", ("y",)).variables
        ('y',)
        """
        if self.params is not None:
            return self.params
        return tuple(sorted(iter_vars(self.body), key=natural_key))
