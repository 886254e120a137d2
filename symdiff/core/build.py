"""Builders for large expressions through the Python API, with sharing.

Python's operators already build nodes (``x**2 + 3*x``); these add the named
functions and an n-ary sum and product that take *any* number of operands in
linear time (the builtin ``sum`` re-copies the growing sum at every step).
Every builder accepts expressions and Python numbers, and returns interned
nodes, so a sub-expression used twice is stored once.

There is one builder per row of the function table, named by the row's ``builder``
facet (``sin``, ``abs_``, ``max_``: a trailing ``_`` where the name is a Python
builtin), made here from the row.  The package exports them under the function's
name: ``symdiff.sin``, ``symdiff.abs``, ``symdiff.max``, and ``symdiff.sum``,
``symdiff.prod``.

>>> from symdiff.core.expr import Var
>>> x, y = Var("x"), Var("y")
>>> h = max_(0, 2 * x + y)
>>> str(-log(exp(h) / sum_([exp(h), exp(y)])))
'-log(exp(max(0, 2*x + y))/(exp(max(0, 2*x + y)) + exp(y)))'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .expr import Call, Expr, Num, Var, as_expr
from .expr import add as _add
from .expr import mul as _mul
from .facets import Function
from .functions import FUNCTIONS, SHORTHANDS, shorthand, shorthand_builder, takes

Operand = Expr | int | float
Builder = Callable[..., Expr]


def _builder(row: Function) -> Builder:
    """The builder of one function, with its docstring and a doctest."""
    arity = row.arity

    def build(*args: Operand) -> Expr:
        if arity is None and not args:
            raise TypeError(f"{row.builder}() needs at least one operand")
        if arity is not None and len(args) != arity:
            raise TypeError(f"{row.builder}() takes {arity} operand(s) but {len(args)} were given")
        return Call(row.name, tuple(as_expr(a) for a in args))

    operands = "u" if arity == 1 else "u₁, …, uₙ" if arity is None else "u₁, …"
    shown = ", ".join(["x"] * (arity or 2))
    build.__name__ = build.__qualname__ = row.builder
    build.__doc__ = f"""``{row.name}({operands})``.

    >>> from symdiff.core.expr import Var
    >>> str({row.builder}({", ".join(['Var("x")'] * (arity or 2))}))
    '{row.name}({shown})'
    """
    return build


def _shorthand_builder(name: str) -> Builder:
    """The builder of a shorthand (``log10``, ``pow_``): what the name stands for."""

    def build(*args: Operand) -> Expr:
        short = shorthand(name, len(args))
        if short is None:
            raise TypeError(f"{name}() takes {takes(name)} but {len(args)} were given")
        return short.means(tuple(as_expr(a) for a in args))

    build.__name__ = build.__qualname__ = shorthand_builder(name)
    build.__doc__ = _shorthand_doc(name, build.__name__)
    return build


def _shorthand_doc(name: str, builder: str) -> str:
    """A shorthand builder's docstring: what it stands for, with a doctest."""
    short = next(iter(SHORTHANDS[name].values()))
    inside = short.example[short.example.index("(") + 1 : short.example.rindex(")")]
    words = [w.strip() for w in inside.split(",")]  # the example's arguments: numbers, names
    args = tuple(Num(int(w)) if w.isdigit() else Var(w) for w in words)
    written = ", ".join(w if w.isdigit() else f'Var("{w}")' for w in words)
    return f"""``{short.example}``: {short.summary}, as the parser reads it.

    >>> from symdiff.core.expr import Var
    >>> str({builder}({written}))
    '{short.means(args)}'
    """


def _with_shorthand(row_builder: Builder, name: str) -> Builder:
    """A function's builder that also takes its shorthand's argument counts (``log(x, b)``)."""

    def build(*args: Operand) -> Expr:
        if FUNCTIONS[name].accepts(len(args)):
            return row_builder(*args)
        short = shorthand(name, len(args))
        if short is None:
            raise TypeError(f"{name}() takes {takes(name)} but {len(args)} were given")
        return short.means(tuple(as_expr(a) for a in args))

    build.__name__ = build.__qualname__ = row_builder.__name__
    build.__doc__ = row_builder.__doc__
    return build


BUILDERS: dict[str, Builder] = {row.builder: _builder(row) for row in FUNCTIONS.values()}
for _name in SHORTHANDS:  # log10, log2, root, pow_; log(x, b) through log's own builder
    if _name in FUNCTIONS:
        _builds = FUNCTIONS[_name].builder
        BUILDERS[_builds] = _with_shorthand(BUILDERS[_builds], _name)
    else:
        BUILDERS[shorthand_builder(_name)] = _shorthand_builder(_name)
globals().update(BUILDERS)  # sin, cos, ..., abs_, max_, min_: module functions, for imports

if TYPE_CHECKING:

    def __getattr__(name: str) -> Builder: ...  # the builders above, for type checkers


def sum_(terms: Iterable[Operand]) -> Expr:
    """One n-ary sum of ``terms`` in order (0 when empty), in time linear in their number.

    >>> from symdiff.core.expr import Var
    >>> str(sum_(Var(f"x{i}") for i in range(1, 4))), str(sum_([]))
    ('x1 + x2 + x3', '0')
    """
    return _add(*[as_expr(t) for t in terms])


def prod(factors: Iterable[Operand]) -> Expr:
    """One n-ary product of ``factors`` in order (1 when empty).

    >>> from symdiff.core.expr import Var
    >>> str(prod([2, Var("x"), Var("y")]))
    '2*x*y'
    """
    return _mul(*[as_expr(f) for f in factors])
