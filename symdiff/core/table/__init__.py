"""The rows of the function table, one module per family of functions.

Each module holds ``ROWS`` (its :class:`~symdiff.core.facets.Function` rows, in the order
the README lists them) and ``SHORTHANDS`` (names that stand for expressions of those
functions).  :mod:`symdiff.core.functions` puts the families together into the one table.
"""
