"""The special functions: error function, gamma and its relatives, Bessel, Lambert W, sinc.

Their float values come from :mod:`math` where it has the function and from mpmath
(imported on first use) for the rest.

>>> ROWS
()
"""

from __future__ import annotations

from ..facets import Function, Shorthand

ROWS: tuple[Function, ...] = ()

SHORTHANDS: tuple[Shorthand, ...] = ()
