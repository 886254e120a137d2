"""Shapes of sums the answer-form passes read: polynomials, Laurent polynomials, a term's sign.

Kept apart from the passes that run the engine (expand-numerator, expand-fractions),
so that the engine's shortcut for products (:mod:`.products`) can ask them without
importing those passes.

>>> from symdiff.core.expr import Add, Num, Pow, Var
>>> x = Var("x")
>>> shape(Add((x, Num(1)))), shape(Add((x, Pow(x, Num(-1))))), shape(Pow(x, Num("1/2")))
(1, 2, 0)
"""

from __future__ import annotations

from ..core.expr import Add, Expr, Mul, Num, Pow, Var

MAX_POLYNOMIAL_TERMS = 8  # a polynomial numerator up to this many terms is written expanded

POLYNOMIAL = 1  # numbers times natural powers of variables
LAURENT = 2  # and some power negative


def leading_negative(term: Expr) -> bool:
    """Whether a term starts with a negative number (``−x²``, ``−3``).

    >>> from symdiff.core.expr import Var
    >>> leading_negative(Mul((Num(-1), Var("x")))), leading_negative(Var("x"))
    (True, False)
    """
    if type(term) is Num:
        return bool(term.value < 0)
    first = term.children[0] if type(term) is Mul else None
    return type(first) is Num and bool(first.value < 0)


def shape(expr: Expr) -> int:
    """``POLYNOMIAL``, ``LAURENT`` or 0, for a sum of at most ``MAX_POLYNOMIAL_TERMS`` terms.

    A term is a number times integer powers of variables: natural powers only make a
    polynomial; with a negative power it is a Laurent polynomial (``x + 1/x``).  Anything
    else is 0.

    >>> from symdiff.core.expr import Call, Var
    >>> x = Var("x")
    >>> shape(Add((Call("sin", (x,)), x))), shape(Mul((Num(3), Pow(x, Num(-2)))))
    (0, 2)
    """
    terms = expr.children if type(expr) is Add else (expr,)
    if len(terms) > MAX_POLYNOMIAL_TERMS:
        return 0
    found = POLYNOMIAL
    for term in terms:
        for f in term.children if type(term) is Mul else (term,):
            kind = type(f)
            if kind is Pow:
                base, exp = f.children
                if type(base) is not Var or type(exp) is not Num or exp.value.denominator != 1:
                    return 0
                if exp.value < 0:
                    found = LAURENT
            elif kind is not Num and kind is not Var:
                return 0
    return found


def polynomial(expr: Expr) -> bool:
    """Whether ``expr`` is a polynomial of at most ``MAX_POLYNOMIAL_TERMS`` expanded terms.

    Its terms are numbers times integer powers of variables: a textbook writes such a
    numerator multiplied out (``x² + 2x + 3``), even when that is a little longer.

    >>> from symdiff.core.expr import Call, Var
    >>> x = Var("x")
    >>> polynomial(Add((Pow(x, Num(2)), Num(3)))), polynomial(Add((Call("sin", (x,)), x)))
    (True, False)
    """
    return shape(expr) == POLYNOMIAL


def fraction_sums(factors: tuple[Expr, ...] | list[Expr]) -> bool:
    """Whether the factors are numbers and two or more such sums, one with a negative power.

    What expand-fractions multiplies out (when that is shorter).

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> fraction_sums([Add((x, Pow(x, Num(-1)))), x + Num(1)]), fraction_sums([x + 1, x + 2])
    (True, False)
    """
    sums = 0
    negative = False
    for f in factors:
        kind = type(f)
        if kind is Add:
            found = shape(f)
            if not found:
                return False
            sums += 1
            negative = negative or found == LAURENT
        elif kind is not Num:
            return False
    return sums >= 2 and negative
