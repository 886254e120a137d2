"""The functions of neural networks: sigmoid and ReLU.

Each is evaluated in a form that cannot overflow (the sigmoid takes ``exp`` of a
non-positive number only).

>>> [row.name for row in ROWS]
['sigmoid', 'relu']
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from ..expr import ONE, ZERO, Indicator, add, call, mul, neg
from ..facets import EVERYWHERE, HALF, Function, Shorthand, Value, at, real, unary
from .piecewise import rational


def _sigmoid(vs: Sequence[Value]) -> float:
    t = math.exp(-abs(float(vs[0])))  # never overflows: exp of a non-positive number only
    return 1 / (1 + t) if vs[0] > 0 else t / (1 + t)


ROWS: tuple[Function, ...] = (
    Function("sigmoid", 1,
             partial=unary(lambda u: mul(call("sigmoid", u), add(ONE, neg(call("sigmoid", u))))),
             exact=at(0, HALF), real=_sigmoid, outside=EVERYWHERE, kinks="smooth",
             unicode="sigmoid", latex=r"\operatorname{sigmoid}", sympy="1/(1 + exp(-u))",
             builder="sigmoid",
             code={"python": "_sigmoid({0})", "numpy": "_sigmoid({0})",
                   "c": "symdiff_sigmoid({0})", "jax": "jax.nn.sigmoid({0})",
                   "torch": "torch.sigmoid({0})"},
             interval=lambda ctx, a: 1 / (1 + ctx.exp(-a[0])), image="positive"),
    Function("relu", 1, partial=unary(lambda u: Indicator(u, ZERO)),
             exact=lambda vs: Fraction(0) if vs[0] <= 0 else rational(vs[0]),
             real=real(lambda t: max(t, 0.0)), outside=EVERYWHERE, kinks="zero",
             unicode="relu", latex=r"\operatorname{relu}", sympy="max(u, 0)", builder="relu",
             code={"python": "max({0}, 0.0)", "numpy": "np.maximum({0}, 0.0)",
                   "c": "fmax({0}, 0.0)", "jax": "jnp.maximum({0}, 0.0)",
                   "torch": "torch.relu({0})"},
             image="nonnegative"),
)  # fmt: skip

SHORTHANDS: tuple[Shorthand, ...] = ()
