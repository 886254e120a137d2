"""Numbers and points in an output format: exact as a fraction, else as a float.

>>> from fractions import Fraction
>>> show_point({"x": Fraction(1, 2), "y": Fraction(-2)}, "unicode")
'x = 1/2, y = −2'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING

from ..core.exact import shown_expr
from ..core.expr import Num
from ..core.multiple import Multiple
from .derivation import math
from .names import latex_name, unicode_name

if TYPE_CHECKING:
    from ..core.evaluate import Value


def show_value(value: Value, fmt: str) -> str:
    """A number: exact as a fraction or a multiple of π or e, else as a float.

    >>> show_value(Fraction(-3, 2), "unicode"), show_value(-0.5, "unicode")
    ('−3/2', '−0.5')
    >>> from symdiff.core.multiple import Multiple
    >>> show_value(Multiple(Fraction(1, 2)), "unicode")
    'π/2'

    >>> print(show_value(1e-20, "latex"))
    1 \\times 10^{-20}
    """
    if isinstance(value, Fraction):
        return math(Num(value), fmt)
    if isinstance(value, Multiple):
        return math(shown_expr(value), fmt)
    text = repr(float(value))
    if fmt == "latex" and "e" in text:
        mantissa, exponent = text.split("e")
        mantissa = mantissa.removesuffix(".0")
        return f"{mantissa} \\times 10^{{{int(exponent)}}}"
    return text.replace("-", "−") if fmt == "unicode" else text


def show_point(point: Mapping[str, Value], fmt: str) -> str:
    """``x = 1, y = −2`` in the output format.

    >>> show_point({"alpha": Fraction(1)}, "latex")
    '\\\\alpha = 1'
    """
    name: Callable[[str], str] = {"latex": latex_name, "unicode": unicode_name}.get(fmt, str)
    sep = ",\\ " if fmt == "latex" else ", "
    return sep.join(f"{name(k)} = {show_value(v, fmt)}" for k, v in point.items())
