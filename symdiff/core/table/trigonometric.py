"""The trigonometric functions and their inverses.

The inverse functions take their principal values: ``asin`` in [−π/2, π/2], ``acos`` in
[0, π], ``atan`` in (−π/2, π/2), ``acot`` in (0, π) (so ``acot(u) = π/2 − atan(u)`` is
continuous, as calculus textbooks define it; SymPy's ``acot`` is ``atan(1/u)`` instead,
so the row's SymPy form is the formula), ``asec(u) = acos(1/u)`` and ``acsc(u) =
asin(1/u)``; ``atan2(y, x)`` is the angle of the point (x, y), in (−π, π].  ``atan2``
jumps by 2π across its branch cut, the negative x-axis (``y = 0``, ``x < 0``): its
derivative there is none (off the cut the partials are ``x/(x² + y²)`` and
``−y/(x² + y²)``); its kinks facet is ``"zero"`` (where an argument is 0, so the checker
and the plots look there), and its interval has no value where it cannot tell which
side of the cut it is on.

>>> [row.name for row in ROWS]
['sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'asin', 'acos', 'atan', 'acot', 'asec', 'acsc', 'atan2']
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from ..expr import ONE, Expr, add, call, mul, neg, pow_
from ..facets import EVERYWHERE, Function, Shorthand, Value, code_for, real, unary, where
from ..special import (
    COS,
    COT,
    CSC,
    SEC,
    SIN,
    TAN,
    acos_exact,
    acot_exact,
    acsc_exact,
    asec_exact,
    asin_exact,
    atan2_exact,
    atan_exact,
)

EDGES = (Fraction(-1), Fraction(1))


def beyond_one(v: Value) -> bool:
    """|v| > 1 (exact for exact v).

    >>> beyond_one(Fraction(-3, 2)), beyond_one(Fraction(1))
    (True, False)
    """
    return v > 1 or v < -1


def within_one(v: Value) -> bool:
    """|v| < 1 (exact for exact v).

    >>> within_one(Fraction(1, 2)), within_one(Fraction(-1))
    (True, False)
    """
    return -1 < v < 1


def _over_root(sign: int, u: Expr, root: Expr, absolute: bool = False) -> Expr:
    """±1/√root, or ±1/(|u|·√root)."""
    scale = [call("abs", u)] if absolute else []
    out = pow_(mul(*scale, call("sqrt", root)), -1)
    return out if sign > 0 else neg(out)


def _one_minus_square(u: Expr) -> Expr:
    return add(ONE, neg(pow_(u, 2)))


def _square_minus_one(u: Expr) -> Expr:
    return add(pow_(u, 2), neg(ONE))


def _atan2_partial(args: tuple[Expr, ...], i: int) -> Expr:
    """∂atan2(y, x)/∂y = x/(x² + y²), ∂/∂x = −y/(x² + y²)."""
    y, x = args
    over = mul(x if i == 0 else y, pow_(add(pow_(x, 2), pow_(y, 2)), -1))
    return over if i == 0 else neg(over)


def _atan2_outside(vs: Sequence[Value]) -> str | None:
    y, x = vs
    if x == 0 and y == 0:
        return f"atan2({y}, {x}): the angle of the origin is undefined"
    return None


# ----- intervals, from what mpmath's interval context has (atan2, sqrt) -----------------
def _cos_of_asin(ctx: Any, u: Any) -> Any:
    """√(1 − u²) = √((1 − u)(1 + u)) for |u| ≤ 1; ValueError where u may be beyond ±1."""
    low, high = 1 - u, 1 + u
    if (low >= 0) is not True or (high >= 0) is not True:
        raise ValueError("beyond ±1")
    return ctx.sqrt(low * high)


def _root_square_minus_one(ctx: Any, u: Any) -> Any:
    """√(u² − 1) = √((u − 1)(u + 1)) for |u| ≥ 1; ValueError where u may be inside (−1, 1)."""
    if (u >= 1) is not True and (u <= -1) is not True:
        raise ValueError("inside (-1, 1)")
    return ctx.sqrt((u - 1) * (u + 1))


def _atan2_interval(ctx: Any, a: Sequence[Any]) -> Any:
    """The angle, where the point is surely off the branch cut (y = 0, x ≤ 0)."""
    y, x = a
    if (x > 0) is not True and (y > 0) is not True and (y < 0) is not True:
        raise ValueError("on the branch cut of atan2")
    return ctx.atan2(y, x)


def _atan2_real(vs: Sequence[Value]) -> float:
    return math.atan2(float(vs[0]), float(vs[1]))


ROWS: tuple[Function, ...] = (
    Function("sin", 1, partial=unary(lambda u: call("cos", u)), exact=SIN.exact,
             real=SIN.real, outside=EVERYWHERE,
             kinks="smooth", unicode="sin", latex=r"\sin", sympy="sin", builder="sin",
             code={"python": "math.sin({0})", "numpy": "np.sin({0})", "c": "sin({0})",
                   "jax": "jnp.sin({0})", "torch": "torch.sin({0})"},
             interval=lambda ctx, a: ctx.sin(a[0])),
    Function("cos", 1, partial=unary(lambda u: neg(call("sin", u))), exact=COS.exact,
             real=COS.real, outside=EVERYWHERE,
             kinks="smooth", unicode="cos", latex=r"\cos", sympy="cos", builder="cos",
             code={"python": "math.cos({0})", "numpy": "np.cos({0})", "c": "cos({0})",
                   "jax": "jnp.cos({0})", "torch": "torch.cos({0})"},
             interval=lambda ctx, a: ctx.cos(a[0])),
    Function("tan", 1, partial=unary(lambda u: pow_(call("cos", u), -2)), exact=TAN.exact,
             real=TAN.real, outside=TAN.outside,
             kinks="smooth", unicode="tan", latex=r"\tan", sympy="tan", builder="tan",
             code={"python": "math.tan({0})", "numpy": "np.tan({0})", "c": "tan({0})",
                   "jax": "jnp.tan({0})", "torch": "torch.tan({0})"},
             interval=lambda ctx, a: ctx.tan(a[0])),
    Function("sec", 1, partial=unary(lambda u: mul(call("sec", u), call("tan", u))),
             exact=SEC.exact, real=SEC.real, outside=SEC.outside,
             kinks="smooth", unicode="sec", latex=r"\sec", sympy="sec", builder="sec",
             code={"python": "(1.0 / math.cos({0}))", "numpy": "(1.0 / np.cos({0}))",
                   "c": "(1.0 / cos({0}))", "jax": "(1.0 / jnp.cos({0}))",
                   "torch": "(1.0 / torch.cos({0}))"},
             interval=lambda ctx, a: ctx.sec(a[0])),
    Function("csc", 1, partial=unary(lambda u: neg(mul(call("csc", u), call("cot", u)))),
             exact=CSC.exact, real=CSC.real, outside=CSC.outside,
             kinks="smooth", unicode="csc", latex=r"\csc", sympy="csc", builder="csc",
             code=code_for("(1.0 / math.sin({0}))", "(1.0 / np.sin({0}))", "(1.0 / sin({0}))",
                           "(1.0 / jnp.sin({0}))", "(1.0 / torch.sin({0}))"),
             interval=lambda ctx, a: ctx.csc(a[0])),
    Function("cot", 1, partial=unary(lambda u: neg(pow_(call("csc", u), 2))),
             exact=COT.exact, real=COT.real, outside=COT.outside,
             kinks="smooth", unicode="cot", latex=r"\cot", sympy="cot", builder="cot",
             code=code_for("(1.0 / math.tan({0}))", "(1.0 / np.tan({0}))", "(1.0 / tan({0}))",
                           "(1.0 / jnp.tan({0}))", "(1.0 / torch.tan({0}))"),
             interval=lambda ctx, a: ctx.cot(a[0])),
    Function("asin", 1, partial=unary(lambda u: _over_root(1, u, _one_minus_square(u))),
             exact=asin_exact, real=real(math.asin),
             outside=where(beyond_one, "arcsine of a number outside [-1, 1]:"),
             kinks="smooth", unicode="arcsin", latex=r"\arcsin", sympy="asin", builder="asin",
             spellings=("arcsin",),
             code=code_for("math.asin({0})", "np.arcsin({0})", "asin({0})", "jnp.arcsin({0})",
                           "torch.asin({0})"),
             interval=lambda ctx, a: ctx.atan2(a[0], _cos_of_asin(ctx, a[0])), edges=EDGES),
    Function("acos", 1, partial=unary(lambda u: _over_root(-1, u, _one_minus_square(u))),
             exact=acos_exact, real=real(math.acos),
             outside=where(beyond_one, "arccosine of a number outside [-1, 1]:"),
             kinks="smooth", unicode="arccos", latex=r"\arccos", sympy="acos", builder="acos",
             spellings=("arccos",),
             code=code_for("math.acos({0})", "np.arccos({0})", "acos({0})", "jnp.arccos({0})",
                           "torch.acos({0})"),
             interval=lambda ctx, a: ctx.atan2(_cos_of_asin(ctx, a[0]), a[0]), edges=EDGES,
             image="nonnegative"),
    Function("atan", 1, partial=unary(lambda u: pow_(add(ONE, pow_(u, 2)), -1)),
             exact=atan_exact, real=real(math.atan), outside=EVERYWHERE,
             kinks="smooth", unicode="arctan", latex=r"\arctan", sympy="atan", builder="atan",
             spellings=("arctan",),
             code=code_for("math.atan({0})", "np.arctan({0})", "atan({0})", "jnp.arctan({0})",
                           "torch.atan({0})"),
             interval=lambda ctx, a: ctx.atan2(a[0], ctx.mpf(1))),
    Function("acot", 1, partial=unary(lambda u: neg(pow_(add(ONE, pow_(u, 2)), -1))),
             exact=acot_exact, real=real(lambda t: math.atan2(1.0, t)), outside=EVERYWHERE,
             kinks="smooth", unicode="arccot", latex=r"\operatorname{arccot}",
             sympy="pi/2 - atan(u)", builder="acot", spellings=("arccot",),
             code=code_for("math.atan2(1.0, {0})", "np.arctan2(1.0, {0})", "atan2(1.0, {0})",
                           "jnp.arctan2(1.0, {0})", "(1.5707963267948966 - torch.atan({0}))"),
             interval=lambda ctx, a: ctx.atan2(ctx.mpf(1), a[0]), image="positive"),
    Function("asec", 1,
             partial=unary(lambda u: _over_root(1, u, _square_minus_one(u), absolute=True)),
             exact=asec_exact, real=real(lambda t: math.acos(1 / t)),
             outside=where(within_one, "arcsecant of a number inside (-1, 1):"),
             kinks="smooth", unicode="arcsec", latex=r"\operatorname{arcsec}", sympy="asec",
             builder="asec", spellings=("arcsec",),
             code=code_for("math.acos(1.0 / ({0}))", "np.arccos(1.0 / ({0}))",
                           "acos(1.0 / ({0}))", "jnp.arccos(1.0 / ({0}))",
                           "torch.acos(1.0 / ({0}))"),
             interval=lambda ctx, a: ctx.atan2(abs(a[0]) * _root_square_minus_one(ctx, a[0]),
                                               a[0]),
             edges=EDGES, image="nonnegative"),
    Function("acsc", 1,
             partial=unary(lambda u: _over_root(-1, u, _square_minus_one(u), absolute=True)),
             exact=acsc_exact, real=real(lambda t: math.asin(1 / t)),
             outside=where(within_one, "arccosecant of a number inside (-1, 1):"),
             kinks="smooth", unicode="arccsc", latex=r"\operatorname{arccsc}", sympy="acsc",
             builder="acsc", spellings=("arccsc",),
             code=code_for("math.asin(1.0 / ({0}))", "np.arcsin(1.0 / ({0}))",
                           "asin(1.0 / ({0}))", "jnp.arcsin(1.0 / ({0}))",
                           "torch.asin(1.0 / ({0}))"),
             interval=lambda ctx, a: ctx.atan2(a[0],
                                               abs(a[0]) * _root_square_minus_one(ctx, a[0])),
             edges=EDGES),
    Function("atan2", 2, partial=_atan2_partial, exact=atan2_exact, real=_atan2_real,
             outside=_atan2_outside, kinks="zero", unicode="atan2",
             latex=r"\operatorname{atan2}", sympy="atan2", builder="atan2",
             code=code_for("math.atan2({0}, {1})", "np.arctan2({0}, {1})", "atan2({0}, {1})",
                           "jnp.arctan2({0}, {1})", "torch.atan2({0}, {1})"),
             interval=_atan2_interval),
)  # fmt: skip

SHORTHANDS: tuple[Shorthand, ...] = ()
