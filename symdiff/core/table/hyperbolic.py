"""The hyperbolic functions and their inverses.

The inverses are the real ones: ``acosh`` on [1, ∞) with values ≥ 0, ``atanh`` on
(−1, 1), ``acoth`` on |u| > 1, ``asech`` on (0, 1] with values ≥ 0, ``acsch`` on u ≠ 0.
Each is also spelled ``ar…`` (ISO 80000-2, and the printed name) and ``arc…``.
Float values come from :mod:`math` where it has the function, else from mpmath;
intervals for the checker are built from ``exp``, ``log`` and ``sqrt``, using oddness
where a formula would cancel (``asinh(u) = −asinh(−u)`` for negative u).

>>> [row.name for row in ROWS][:6]
['sinh', 'cosh', 'tanh', 'coth', 'sech', 'csch']
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from ..expr import ONE, Expr, add, call, mul, neg, pow_
from ..facets import (
    EVERYWHERE,
    Domain,
    Function,
    Interval,
    Shorthand,
    Value,
    at,
    code_for,
    mpmath_real,
    real,
    unary,
    where,
)
from .trigonometric import beyond_one, within_one


def _reciprocal_of(name: str) -> dict[str, str]:
    """1/f(u) in every target, f spelled as in NumPy (``np.name``) and C."""
    return code_for(f"(1.0 / math.{name}({{0}}))", f"(1.0 / np.{name}({{0}}))",
                    f"(1.0 / {name}({{0}}))", f"(1.0 / jnp.{name}({{0}}))",
                    f"(1.0 / torch.{name}({{0}}))")  # fmt: skip


def _inverse_of(name: str, of_reciprocal: bool = False) -> dict[str, str]:
    """The inverse function ``a<name>`` in every target (of 1/u with ``of_reciprocal``)."""
    u = "1.0 / ({0})" if of_reciprocal else "{0}"
    return code_for(f"math.a{name}({u})", f"np.arc{name}({u})", f"a{name}({u})",
                    f"jnp.arc{name}({u})", f"torch.a{name}({u})")  # fmt: skip


def _over(sign: int, denominator: Expr) -> Expr:
    out = pow_(denominator, -1)
    return out if sign > 0 else neg(out)


OfOne = Callable[[Any, Any], Any]  # an interval function of (ctx, u)


def _odd(f: OfOne) -> OfOne:
    """An odd function from ``f`` on u ≥ 0: f(u), or −f(−u) for u < 0."""

    def odd(ctx: Any, u: Any) -> Any:
        return -f(ctx, -u) if (u < 0) is True else f(ctx, u)

    return odd


def _inside(ok: Callable[[Any], bool | None], f: OfOne) -> Interval:
    """``f`` where the interval is surely inside the domain (``ok``), else ValueError."""

    def interval(ctx: Any, a: Any) -> Any:
        if ok(a[0]) is not True:
            raise ValueError("reaches outside the domain")
        return f(ctx, a[0])

    return interval


def _sinh(ctx: Any, u: Any) -> Any:
    return (ctx.exp(u) - ctx.exp(-u)) / 2


def _cosh(ctx: Any, u: Any) -> Any:
    return (ctx.exp(u) + ctx.exp(-u)) / 2


def _asinh(ctx: Any, u: Any) -> Any:  # u ≥ 0 (or straddling 0: no cancellation in the sum)
    return ctx.log(u + ctx.sqrt(u * u + 1))


def _acsch(ctx: Any, u: Any) -> Any:  # asinh(1/u) = log((1 + √(1 + u²))/u), u > 0
    return ctx.log((1 + ctx.sqrt(1 + u * u)) / u)


def _inverse_domain(bad: Callable[[Value], bool], name: str, where_: str) -> Domain:
    return where(bad, f"{name} of a number {where_}:")


ROWS: tuple[Function, ...] = (
    Function("sinh", 1, partial=unary(lambda u: call("cosh", u)), exact=at(0, 0),
             real=real(math.sinh), outside=EVERYWHERE, kinks="smooth", unicode="sinh",
             latex=r"\sinh", sympy="sinh", builder="sinh",
             code=code_for("math.sinh({0})", "np.sinh({0})", "sinh({0})", "jnp.sinh({0})",
                           "torch.sinh({0})"),
             interval=lambda ctx, a: _sinh(ctx, a[0])),
    Function("cosh", 1, partial=unary(lambda u: call("sinh", u)), exact=at(0, 1),
             real=real(math.cosh), outside=EVERYWHERE, kinks="smooth", unicode="cosh",
             latex=r"\cosh", sympy="cosh", builder="cosh",
             code=code_for("math.cosh({0})", "np.cosh({0})", "cosh({0})", "jnp.cosh({0})",
                           "torch.cosh({0})"),
             interval=lambda ctx, a: _cosh(ctx, a[0]), image="positive"),
    Function("tanh", 1, partial=unary(lambda u: add(ONE, neg(pow_(call("tanh", u), 2)))),
             exact=at(0, 0), real=real(math.tanh), outside=EVERYWHERE,
             kinks="smooth", unicode="tanh", latex=r"\tanh", sympy="tanh", builder="tanh",
             code={"python": "math.tanh({0})", "numpy": "np.tanh({0})", "c": "tanh({0})",
                   "jax": "jnp.tanh({0})", "torch": "torch.tanh({0})"},
             interval=lambda ctx, a: 1 - 2 / (ctx.exp(2 * a[0]) + 1)),
    Function("coth", 1, partial=unary(lambda u: neg(pow_(call("csch", u), 2))),
             exact=lambda vs: None, real=mpmath_real("coth"),
             outside=where(lambda v: v == 0, "pole of coth at"), kinks="smooth",
             unicode="coth", latex=r"\coth", sympy="coth", builder="coth",
             code=_reciprocal_of("tanh"),
             interval=lambda ctx, a: 1 + 2 / (ctx.exp(2 * a[0]) - 1)),
    Function("sech", 1, partial=unary(lambda u: neg(mul(call("sech", u), call("tanh", u)))),
             exact=at(0, 1), real=mpmath_real("sech"), outside=EVERYWHERE, kinks="smooth",
             unicode="sech", latex=r"\operatorname{sech}", sympy="sech", builder="sech",
             code=_reciprocal_of("cosh"),
             interval=lambda ctx, a: 2 / (ctx.exp(a[0]) + ctx.exp(-a[0])), image="positive"),
    Function("csch", 1, partial=unary(lambda u: neg(mul(call("csch", u), call("coth", u)))),
             exact=lambda vs: None, real=mpmath_real("csch"),
             outside=where(lambda v: v == 0, "pole of csch at"), kinks="smooth",
             unicode="csch", latex=r"\operatorname{csch}", sympy="csch", builder="csch",
             code=_reciprocal_of("sinh"),
             interval=lambda ctx, a: 2 / (ctx.exp(a[0]) - ctx.exp(-a[0]))),
    Function("asinh", 1, partial=unary(lambda u: pow_(call("sqrt", add(pow_(u, 2), ONE)), -1)),
             exact=at(0, 0), real=real(math.asinh), outside=EVERYWHERE, kinks="smooth",
             unicode="arsinh", latex=r"\operatorname{arsinh}", sympy="asinh", builder="asinh",
             spellings=("arsinh", "arcsinh"), code=_inverse_of("sinh"),
             interval=_inside(lambda u: True, _odd(_asinh))),
    Function("acosh", 1,
             partial=unary(lambda u: pow_(call("sqrt", add(pow_(u, 2), neg(ONE))), -1)),
             exact=at(1, 0), real=real(math.acosh),
             outside=_inverse_domain(lambda v: v < 1, "inverse hyperbolic cosine", "below 1"),
             kinks="smooth", unicode="arcosh", latex=r"\operatorname{arcosh}", sympy="acosh",
             builder="acosh", spellings=("arcosh", "arccosh"), code=_inverse_of("cosh"),
             interval=_inside(lambda u: u >= 1,
                              lambda ctx, u: ctx.log(u + ctx.sqrt((u - 1) * (u + 1)))),
             edges=(Fraction(1),), image="nonnegative"),
    Function("atanh", 1, partial=unary(lambda u: pow_(add(ONE, neg(pow_(u, 2))), -1)),
             exact=at(0, 0), real=real(math.atanh),
             outside=_inverse_domain(lambda v: not within_one(v), "inverse hyperbolic tangent",
                                     "outside (-1, 1)"),
             kinks="smooth", unicode="artanh", latex=r"\operatorname{artanh}", sympy="atanh",
             builder="atanh", spellings=("artanh", "arctanh"), code=_inverse_of("tanh"),
             interval=_inside(lambda u: abs(u) < 1,
                              lambda ctx, u: ctx.log((1 + u) / (1 - u)) / 2),
             edges=(Fraction(-1), Fraction(1))),
    Function("acoth", 1, partial=unary(lambda u: pow_(add(ONE, neg(pow_(u, 2))), -1)),
             exact=lambda vs: None, real=mpmath_real("acoth"),
             outside=_inverse_domain(lambda v: not beyond_one(v), "inverse hyperbolic cotangent",
                                     "inside [-1, 1]"),
             kinks="smooth", unicode="arcoth", latex=r"\operatorname{arcoth}", sympy="acoth",
             builder="acoth", spellings=("arcoth", "arccoth"),
             code=_inverse_of("tanh", of_reciprocal=True),
             interval=_inside(lambda u: abs(u) > 1,
                              lambda ctx, u: ctx.log((u + 1) / (u - 1)) / 2),
             edges=(Fraction(-1), Fraction(1))),
    Function("asech", 1,
             partial=unary(lambda u: neg(pow_(mul(u, call("sqrt", add(ONE, neg(pow_(u, 2))))),
                                              -1))),
             exact=at(1, 0), real=mpmath_real("asech"),
             outside=_inverse_domain(lambda v: not 0 < v <= 1, "inverse hyperbolic secant",
                                     "outside (0, 1]"),
             kinks="smooth", unicode="arsech", latex=r"\operatorname{arsech}", sympy="asech",
             builder="asech", spellings=("arsech", "arcsech"),
             code=_inverse_of("cosh", of_reciprocal=True),
             interval=_inside(lambda u: (u > 0) is True and (u <= 1) is True,
                              lambda ctx, u: ctx.log((1 + ctx.sqrt((1 - u) * (1 + u))) / u)),
             edges=(Fraction(0), Fraction(1)), image="nonnegative"),
    Function("acsch", 1,
             partial=unary(lambda u: neg(pow_(mul(call("abs", u),
                                                  call("sqrt", add(ONE, pow_(u, 2)))), -1))),
             exact=lambda vs: None, real=mpmath_real("acsch"),
             outside=where(lambda v: v == 0, "pole of acsch at"), kinks="smooth",
             unicode="arcsch", latex=r"\operatorname{arcsch}", sympy="acsch", builder="acsch",
             spellings=("arcsch", "arccsch"), code=_inverse_of("sinh", of_reciprocal=True),
             interval=_inside(lambda u: (u > 0) is True or (u < 0) is True, _odd(_acsch)),
             edges=(Fraction(0),)),
)  # fmt: skip

SHORTHANDS: tuple[Shorthand, ...] = ()
