"""The piecewise functions: absolute value, sign, maximum and minimum, floor and ceiling.

``floor`` and ``ceil`` (also ``ceiling``) jump where their argument is a whole number
(``kinks="integers"``): their derivative is 0 between the jumps and does not exist at
them.  The rule's name says so in the steps, ``--at`` refuses a point on a jump, and the
checker and the plots look for the jumps.

>>> [row.name for row in ROWS]
['abs', 'sign', 'max', 'min', 'floor', 'ceil']
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction

from ..expr import ZERO, Expr, Indicator, call, mul
from ..facets import EVERYWHERE, ExactValue, Function, Partial, Shorthand, Value, real, unary
from ..multiple import Multiple


def _abs_exact(vs: Sequence[Value]) -> ExactValue | None:
    """|u| of an exact u."""
    u = vs[0]
    if isinstance(u, Fraction):
        return abs(u)
    return abs(u) if isinstance(u, Multiple) else None


def rational(v: Value) -> ExactValue | None:
    """The value itself when it is exact (a rational, or a multiple of π or e).

    >>> rational(Fraction(1, 2)), rational(0.5)
    (Fraction(1, 2), None)
    """
    return None if isinstance(v, float) else v


MAX_FLOOR_MULTIPLE = 2**50  # |q·π| (q·e, q·√n) up to which floor and ceil are exact


def _rounded(down: bool) -> Callable[[Sequence[Value]], ExactValue | None]:
    """floor (``down``) or ceil of an exact u: a rational, or a multiple of π, e or √n.

    >>> _rounded(True)([Fraction(7, 2)]), _rounded(False)([Multiple(Fraction(1))])
    (Fraction(3, 1), Fraction(4, 1))
    """

    def exact(vs: Sequence[Value]) -> ExactValue | None:
        u = vs[0]
        if isinstance(u, Fraction):
            return Fraction(math.floor(u) if down else math.ceil(u))
        if not isinstance(u, Multiple) or not abs(float(u.q)) < MAX_FLOOR_MULTIPLE:
            return None
        k = math.floor(float(u))  # then made exact by exact comparisons (u is irrational)
        while u < k:
            k -= 1
        while u > k + 1:
            k += 1
        return Fraction(k if down else k + 1)

    return exact


def _extremum(wins: bool) -> Partial:
    """∂max/∂uᵢ = Π 1(uᵢ > uⱼ) over the other distinct uⱼ (min: "<"); a repeat of uᵢ gets 0.

    The inequalities are strict: where two arguments tie the derivative is taken as 0
    (the book's convention; the true derivative is undefined there unless the tied
    arguments have equal derivatives).  Repeats count once: ``max(x, x)`` is ``x``.
    """

    def partial(args: tuple[Expr, ...], i: int) -> Expr:
        u = args[i]
        if args.index(u) != i:
            return ZERO
        others = [v for v in dict.fromkeys(args) if v is not u]
        if wins:
            return mul(*[Indicator(u, v) for v in others])
        return mul(*[Indicator(v, u) for v in others])

    return partial


ROWS: tuple[Function, ...] = (
    Function("abs", 1, partial=unary(lambda u: call("sign", u)),
             exact=_abs_exact,
             real=real(abs), outside=EVERYWHERE,
             kinks="zero", unicode="abs", latex=r"\operatorname{abs}", sympy="Abs", builder="abs_",
             code={"python": "abs({0})", "numpy": "np.abs({0})", "c": "fabs({0})",
                   "jax": "jnp.abs({0})", "torch": "torch.abs({0})"},
             image="nonnegative"),
    Function("sign", 1, partial=unary(lambda u: ZERO),
             exact=lambda vs: Fraction((vs[0] > 0) - (vs[0] < 0)),
             real=real(lambda t: float((t > 0) - (t < 0))), outside=EVERYWHERE, kinks="zero",
             unicode="sign", latex=r"\operatorname{sign}", sympy="sign", builder="sign",
             code={"python": "_sign({0})", "numpy": "np.sign({0})", "c": "symdiff_sign({0})",
                   "jax": "jnp.sign({0})", "torch": "torch.sign({0})"}),
    Function("max", None, partial=_extremum(True), exact=lambda vs: rational(max(vs)),
             real=lambda vs: float(max(vs)), outside=EVERYWHERE,
             kinks="ties", unicode="max", latex=r"\max", sympy="Max", builder="max_",
             code={"python": "max({args})", "numpy": "np.maximum({0}, {1})",
                   "c": "fmax({0}, {1})", "jax": "jnp.maximum({0}, {1})",
                   "torch": "torch.maximum({0}, {1})"}),
    Function("min", None, partial=_extremum(False), exact=lambda vs: rational(min(vs)),
             real=lambda vs: float(min(vs)), outside=EVERYWHERE,
             kinks="ties", unicode="min", latex=r"\min", sympy="Min", builder="min_",
             code={"python": "min({args})", "numpy": "np.minimum({0}, {1})",
                   "c": "fmin({0}, {1})", "jax": "jnp.minimum({0}, {1})",
                   "torch": "torch.minimum({0}, {1})"}),
    Function("floor", 1, partial=unary(lambda u: ZERO), exact=_rounded(True),
             real=real(lambda t: float(math.floor(t))), outside=EVERYWHERE, kinks="integers",
             unicode="floor", latex=r"\operatorname{floor}", sympy="floor", builder="floor",
             code={"python": "float(math.floor({0}))", "numpy": "np.floor({0})",
                   "c": "floor({0})", "jax": "jnp.floor({0})", "torch": "torch.floor({0})"}),
    Function("ceil", 1, partial=unary(lambda u: ZERO), exact=_rounded(False),
             real=real(lambda t: float(math.ceil(t))), outside=EVERYWHERE, kinks="integers",
             unicode="ceil", latex=r"\operatorname{ceil}", sympy="ceiling", builder="ceil",
             spellings=("ceiling",),
             code={"python": "float(math.ceil({0}))", "numpy": "np.ceil({0})",
                   "c": "ceil({0})", "jax": "jnp.ceil({0})", "torch": "torch.ceil({0})"}),
)  # fmt: skip

SHORTHANDS: tuple[Shorthand, ...] = ()
