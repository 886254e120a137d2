"""Pass ``clear-fractions``: a sum with fractions in it, above or below a bar, over one denominator.

A sum holds fractions when a term has a negative power ``u^-k`` (``1/(2√x)``,
``1/x²``) or a coefficient that is not an integer (``(1/4)x²``).  Where such a sum
stands in a fraction, as a factor of a quotient (above the bar) or as the base
of a negative integer power (below it), the lowest power of each such ``u`` and
the least common denominator ``L`` of the coefficients are taken out:
``1/(2√x) − (1/2)√x`` is ``(1/2)·(√x)⁻¹·(1 − (√x)²)`` and ``1 + 1/x²`` is
``x⁻²·(x² + 1)``.  What is left keeps its terms in their order and has no
fraction.  Below the bar each part is raised to the power on its own (a power of
their product would have its number multiplied back in by distribute-number);
combine-powers and combine-constants then merge the parts taken out with the rest
of the fraction (``1/(1 + x⁻²)`` reads ``x²/(x² + 1)``, ``1/(1 + (1/4)x²)`` reads
``4/(4 + x²)``).

Bases that are numbers or sums are never taken out.  ``u^m·u^(e − m)`` is ``u^e``
wherever ``u^e`` is defined, so the sum keeps its value.

>>> from symdiff.core.expr import Add, Mul, Num, Pow, Var
>>> x = Var("x")
>>> below = Pow(Add((Num(1), Pow(x, Num(-2)))), Num(-1))
>>> str(rewrite(below, below.children))
'(x^-2)^-1/(x^2 + 1)'
"""

from __future__ import annotations

from fractions import Fraction
from math import lcm

from ..core.expr import Add, Expr, Mul, Num, Pow, add, mul
from ..core.numbers import fits
from ..limits import DEFAULT_LIMITS, Limits
from .factor import _powers, _term
from .quotients import quotient
from .walk import split_coefficient

ID = "clear-fractions"
TITLE = "bring over one denominator"
EXAMPLE = "(1 + x^-2)^-1 -> x^2/(x^2 + 1)"
KINDS = (Mul, Pow)

MAX_TERMS = 16  # a textbook's sum; larger sums (generated gradients) are left alone


def _below(f: Expr) -> bool:
    """Whether a factor of a term is ``u^-k`` (a number k < 0, ``u`` neither number nor sum)."""
    if type(f) is not Pow:
        return False
    base, exp = f.children
    return type(exp) is Num and exp.value < 0 and type(base) is not Num and type(base) is not Add


def has_fractions(node: Expr) -> bool:
    """Whether ``node`` is a sum of at most ``MAX_TERMS`` terms with a fraction in a term.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> has_fractions(Add((x, Pow(x, Num(-1))))), has_fractions(Add((Mul((Num("1/4"), x)), x)))
    (True, True)
    >>> has_fractions(Add((x, Num(1)))), has_fractions(Add((x, Pow(x + 1, Num(-1)))))
    (False, False)
    """
    if type(node) is not Add or len(node.children) > MAX_TERMS:
        return False
    for term in node.children:
        kind = type(term)
        if isinstance(term, Num):
            if term.value.denominator != 1:
                return True
        elif kind is Mul:
            for f in term.children:
                if (type(f) is Num and f.value.denominator != 1) or _below(f):
                    return True
        elif _below(term):
            return True
    return False


def cleared(node: Expr, max_bits: int) -> tuple[list[Expr], Expr] | None:
    """What a sum with fractions has in common (``1/L`` and each ``u^m``) and what is left.

    None when the numbers would not fit ``max_bits`` or nothing is taken out.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> front, rest = cleared(Add((Num(1), Mul((Num("1/4"), Pow(x, Num(2)))))), 4096)
    >>> [str(f) for f in front], str(rest)
    (['1/4'], '4 + x^2')
    """
    if not has_fractions(node):
        return None
    parts = [(coef, _powers(rest)) for coef, rest in map(split_coefficient, node.children)]
    low: dict[Expr, Fraction] = {}
    denominator = 1
    for coef, powers in parts:
        denominator = lcm(denominator, coef.denominator)
        for base, exp in powers.items():
            if exp < 0 and type(base) is not Num and type(base) is not Add:
                low[base] = min(low.get(base, exp), exp)
    if denominator.bit_length() > max_bits:
        return None
    scale = Fraction(denominator)
    if scale != 1 and not all(fits([coef, scale], max_bits) for coef, _ in parts):
        return None
    terms = []
    for coef, powers in parts:
        left = dict(powers)
        for base, m in low.items():
            left[base] = left.get(base, Fraction(0)) - m
        terms.append(_term(coef * scale, left))
    front: list[Expr] = [] if scale == 1 else [Num(1 / scale)]
    front += [Pow(base, Num(m)) for base, m in low.items()]
    return (front, add(*terms)) if front else None


def applies(node: Expr) -> bool:
    """Whether ``node`` is a quotient with a sum with fractions above, or a sum's power below.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> s = Add((Num(1), Pow(x, Num(-2))))
    >>> applies(Pow(s, Num(-1))), applies(Pow(s, Num(2))), applies(Mul((s, Pow(x, Num(-1)))))
    (True, False, True)
    """
    kind = type(node)
    if kind is Pow:
        base, exp = node.children
        return (
            type(exp) is Num
            and exp.value < 0
            and exp.value.denominator == 1
            and has_fractions(base)
        )
    return kind is Mul and quotient(node) and any(map(has_fractions, node.children))


def rewrite(node: Expr, kids: tuple[Expr, ...], limits: Limits = DEFAULT_LIMITS) -> Expr:
    """The first sum with fractions as its common part times the rest; else the node.

    >>> from symdiff.core.expr import Call, Var
    >>> x = Var("x")
    >>> r = Call("sqrt", (x,))
    >>> top = Add((Mul((Num("1/2"), Pow(r, Num(-1)))), Mul((Num("-1/2"), r))))
    >>> e = Mul((top, Pow(x + 1, Num(-2))))
    >>> str(rewrite(e, e.children))
    '1/2/sqrt(x)*(1 - sqrt(x)^2)*(x + 1)^-2'
    """
    if not applies(node):
        return node
    if type(node) is Pow:
        base, exp = node.children
        done = cleared(base, limits.max_fold_bits)
        if done is None:
            return node
        front, rest = done  # each part to the power (not a power of their product, whose
        return mul(*[Pow(f, exp) for f in front], Pow(rest, exp))  # number would multiply out)
    factors = list(node.children)
    for i, f in enumerate(factors):
        done = cleared(f, limits.max_fold_bits)
        if done is not None:
            front, rest = done
            return mul(*factors[:i], *front, rest, *factors[i + 1 :])
    return node
