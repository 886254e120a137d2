"""The one error family of symdiff: every failure a user can cause is a ``SymdiffError``.

>>> issubclass(ParseError, ValueError) and issubclass(ParseError, SymdiffError)
True
"""

from __future__ import annotations


class SymdiffError(Exception):
    """Base class of every error symdiff raises on purpose.

    >>> str(SymdiffError("bad"))
    'bad'
    """


class ParseError(SymdiffError, ValueError):
    """Input text that is not an expression.

    ``line`` and ``column`` are 1-based; ``excerpt`` is the offending line with a
    caret under the column; ``expected`` says in words what could have come next.

    >>> err = ParseError("unexpected '*'", line=1, column=5, excerpt="x + * y\\n    ^")
    >>> err.line, err.column
    (1, 5)
    """

    def __init__(
        self,
        message: str,
        *,
        line: int = 1,
        column: int = 1,
        excerpt: str = "",
        expected: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.excerpt = excerpt
        self.expected = expected

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}"


class UnsupportedError(SymdiffError, ValueError):
    """A function symdiff does not know, or one called with the wrong arguments.

    >>> str(UnsupportedError("unknown function 'sinh'"))
    "unknown function 'sinh'"
    """


class DomainError(SymdiffError, ValueError, ArithmeticError):
    """A value outside a function's domain: ``1/0``, ``log(0)``, ``0^-1``.

    >>> isinstance(DomainError("division by zero"), ArithmeticError)
    True
    """


class LimitError(SymdiffError):
    """A configured limit (input size, depth, constant size, steps, time) was exceeded.

    >>> str(LimitError("nesting depth 200001 exceeds the limit 100000"))
    'nesting depth 200001 exceeds the limit 100000'
    """
