"""The hyperbolic functions and their inverses.

>>> [row.name for row in ROWS]
['tanh']
"""

from __future__ import annotations

import math

from ..expr import ONE, add, call, neg, pow_
from ..facets import EVERYWHERE, Function, Shorthand, at, real, unary

ROWS: tuple[Function, ...] = (
    Function("tanh", 1, partial=unary(lambda u: add(ONE, neg(pow_(call("tanh", u), 2)))),
             exact=at(0, 0), real=real(math.tanh), outside=EVERYWHERE,
             kinks="smooth", unicode="tanh", latex=r"\tanh", sympy="tanh", builder="tanh",
             code={"python": "math.tanh({0})", "numpy": "np.tanh({0})", "c": "tanh({0})",
                   "jax": "jnp.tanh({0})", "torch": "torch.tanh({0})"},
             interval=lambda ctx, a: 1 - 2 / (ctx.exp(2 * a[0]) + 1)),
)  # fmt: skip

SHORTHANDS: tuple[Shorthand, ...] = ()
