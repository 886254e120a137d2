"""Exact constant values and the expressions that write them: ``2``, ``π/2``, ``√3/2``.

An exact value (:data:`~symdiff.core.facets.ExactValue`) is a ``Fraction`` or a
rational multiple of π, e or a square root (:class:`~symdiff.core.multiple.Multiple`).
:func:`exact_of` reads one from a constant expression in the simplifier's normal
form; :func:`exact_expr` writes one back, so the function table's ``exact`` facet
serves the simplifier as it serves the evaluator.

>>> from fractions import Fraction
>>> from symdiff.core.multiple import Multiple
>>> str(exact_expr(Multiple(Fraction(3, 4)))), exact_of(exact_expr(Multiple(Fraction(-1))))
('3/4*pi', Multiple(q=Fraction(-1, 1), name='pi', root=1))
"""

from __future__ import annotations

from fractions import Fraction

from .expr import Call, Const, Expr, Mul, Num, Pow
from .facets import ExactValue
from .multiple import LOGS, Multiple, square_free


def _unit(expr: Expr) -> Multiple | None:
    """``pi``, ``e`` or ``sqrt(n)`` (n a square-free integer) as the unit multiple, else None."""
    if isinstance(expr, Const):
        return Multiple(Fraction(1), expr.name)
    if isinstance(expr, Call) and expr.name == "sqrt" and not expr.deriv:
        args = expr.args
        if len(args) == 1 and isinstance(args[0], Num):
            n = args[0].value
            if n.denominator == 1 and square_free(n.numerator):
                return Multiple(Fraction(1), "sqrt", n.numerator)
    return None


def exact_of(expr: Expr) -> ExactValue | None:
    """The exact value of a number, ``pi``, ``e``, ``sqrt(n)``, or a number times one; else None.

    >>> from symdiff.core.expr import Var
    >>> exact_of(Num(Fraction(1, 2))), exact_of(Const("e")), exact_of(Var("x"))
    (Fraction(1, 2), Multiple(q=Fraction(1, 1), name='e', root=1), None)
    """
    if isinstance(expr, Num):
        return expr.value
    if isinstance(expr, Mul):
        factors = expr.factors
        if len(factors) == 2 and isinstance(factors[0], Num):
            unit = _unit(factors[1])
            q = factors[0].value
            return None if unit is None else Multiple(q, unit.name, unit.root) if q else q
        return None
    return _unit(expr)


def exact_expr(value: ExactValue) -> Expr:
    """The expression in normal form for an exact value: ``Num``, ``Const``, or ``q·Const``.

    >>> str(exact_expr(Fraction(1, 2))), str(exact_expr(Multiple(Fraction(1), "e")))
    ('1/2', 'e')
    """
    if isinstance(value, Fraction):
        return Num(value)
    unit = _unit_expr(value)
    return unit if value.q == 1 else Mul((Num(value.q), unit))


def _unit_expr(value: Multiple) -> Expr:
    if value.name in LOGS:  # log(n), 1/log(n)
        log = Call("log", (Num(value.root),))
        return log if value.name == "log" else Pow(log, Num(-1))
    return Call("sqrt", (Num(value.root),)) if value.name == "sqrt" else Const(value.name)


def shown_expr(value: ExactValue) -> Expr:
    """An exact value as a reader writes it: ``3π/4``, ``√3/2`` (n·unit/d), for printing.

    >>> str(shown_expr(Multiple(Fraction(3, 4)))), str(shown_expr(Fraction(-1, 2)))
    ('3*pi/4', '-1/2')
    """
    if isinstance(value, Fraction):
        return Num(value)
    n, d = value.q.numerator, value.q.denominator
    if value.name == "inverse-log":  # n/(d·log(r))
        log = Call("log", (Num(value.root),))
        below = Pow(log if d == 1 else Mul((Num(d), log)), Num(-1))
        return Mul((Num(n), below))  # 1/(8·log(2)), not (8·log(2))⁻¹
    parts: list[Expr] = [] if n == 1 else [Num(n)]
    parts.append(_unit_expr(value))
    if d != 1:
        parts.append(Pow(Num(d), Num(-1)))
    return parts[0] if len(parts) == 1 else Mul(tuple(parts))
