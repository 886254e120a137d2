"""The trigonometric functions and their inverses.

>>> [row.name for row in ROWS]
['sin', 'cos', 'tan', 'sec']
"""

from __future__ import annotations

from ..expr import call, mul, neg, pow_
from ..facets import EVERYWHERE, Function, Shorthand, unary
from ..special import COS, SEC, SIN, TAN

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
)  # fmt: skip

SHORTHANDS: tuple[Shorthand, ...] = ()
