"""The chains the parse callbacks are still collecting: terms of a sum, factors of a product.

Lists of their own types, so that a callback tells an open chain from a finished node by
type alone.  A module of their own because the compiled build (mypyc) cannot compile a
subclass of a built-in type: this one stays Python in both builds, and the builder that
uses it may be compiled.

>>> from symdiff.core.expr import Var
>>> type(Terms([Var("x")])) is Terms, Terms([Var("x")]) == [Var("x")]
(True, True)
"""

from __future__ import annotations

from ..core.expr import Expr


class Terms(list[Expr]):
    """The terms of a sum chain still being parsed."""

    __slots__ = ()


class Factors(list[Expr]):
    """The factors of a product chain still being parsed."""

    __slots__ = ()
