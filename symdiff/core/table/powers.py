"""Exponentials, logarithms and roots.

>>> [row.name for row in ROWS]
['exp', 'log', 'sqrt']
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from ..expr import Num, call, mul, pow_
from ..facets import (
    EVERYWHERE,
    HALF,
    ExactValue,
    Function,
    Shorthand,
    Value,
    at,
    exact_sqrt,
    real,
    unary,
    where,
)
from ..multiple import Multiple

E = Multiple(Fraction(1), "e")


def _log(vs: Sequence[Value]) -> float:
    u = vs[0]
    if isinstance(u, Fraction):  # math.log takes ints of any size
        return math.log(u.numerator) - math.log(u.denominator)
    return math.log(u)


def _log_exact(vs: Sequence[Value]) -> ExactValue | None:
    """log(1) = 0, log(e) = 1."""
    u = vs[0]
    if u == 1:
        return Fraction(0)
    return Fraction(1) if u == E else None


ROWS: tuple[Function, ...] = (
    Function("exp", 1, partial=unary(lambda u: call("exp", u)), exact=at(0, 1),
             real=real(math.exp), outside=EVERYWHERE,
             kinks="smooth", unicode="exp", latex=r"\exp", sympy="exp", builder="exp",
             code={"python": "math.exp({0})", "numpy": "np.exp({0})", "c": "exp({0})",
                   "jax": "jnp.exp({0})", "torch": "torch.exp({0})"},
             interval=lambda ctx, a: ctx.exp(a[0]), image="positive"),
    Function("log", 1, partial=unary(lambda u: pow_(u, -1)), exact=_log_exact,
             real=_log, outside=where(lambda v: v <= 0, "logarithm of the non-positive number"),
             kinks="smooth",
             unicode="ln", latex=r"\ln", sympy="log", builder="log", spellings=("ln",),
             code={"python": "math.log({0})", "numpy": "np.log({0})", "c": "log({0})",
                   "jax": "jnp.log({0})", "torch": "torch.log({0})"},
             edges=(Fraction(0),)),
    Function("sqrt", 1, partial=unary(lambda u: mul(Num(HALF), pow_(call("sqrt", u), -1))),
             exact=exact_sqrt, real=real(lambda t: math.pow(t, 0.5)),
             outside=where(lambda v: v < 0, "square root of the negative number"), kinks="smooth",
             unicode="sqrt", latex=r"\operatorname{sqrt}", sympy="sqrt", builder="sqrt",
             code={"python": "math.sqrt({0})", "numpy": "np.sqrt({0})", "c": "sqrt({0})",
                   "jax": "jnp.sqrt({0})", "torch": "torch.sqrt({0})"},
             edges=(Fraction(0),), image="nonnegative"),
)  # fmt: skip

SHORTHANDS: tuple[Shorthand, ...] = ()
