"""The functions of neural networks, each evaluated in a form that cannot overflow.

sigmoid, ReLU, and the numerically safe functions of a classifier's loss:
``logsumexp(u1, …, un) = log(exp(u1) + … + exp(un))``, ``softplus(u) = log(1 + exp(u))``,
``logsigmoid(u) = log(sigmoid(u)) = -softplus(-u)``, and the shorthand
``softmax(k, u1, …, un) = exp(uk - logsumexp(u1, …, un))``, the k-th component of the
softmax (k a whole number from 1 to n, as in the subscript of ``z₁ … zₙ``).

Floats are computed shifted so that ``exp`` only ever sees a non-positive number: the
sigmoid from ``exp(-|u|)``, ``softplus(u) = max(u, 0) + log1p(exp(-|u|))`` and
``logsumexp(u…) = m + log1p(Σ exp(uᵢ - m))`` over the arguments other than the (first)
largest one, m.  A cross-entropy loss ``logsumexp(z…) - z_t`` is therefore finite and
right at logits near 800, where ``log(Σ exp(zᵢ))`` overflows.

>>> [row.name for row in ROWS]
['sigmoid', 'relu', 'logsumexp', 'softplus', 'logsigmoid']
>>> ROWS[2].real([800.0, 799.0]), ROWS[3].real([-30.0])
(800.3132616875182, 9.357622968839737e-14)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from ...errors import UnsupportedError
from ..expr import ONE, ZERO, Expr, Indicator, Num, add, call, mul, neg
from ..facets import EVERYWHERE, HALF, Function, Shorthand, Value, at, real, unary
from .piecewise import rational


def _sigmoid(vs: Sequence[Value]) -> float:
    t = math.exp(-abs(float(vs[0])))  # never overflows: exp of a non-positive number only
    return 1 / (1 + t) if vs[0] > 0 else t / (1 + t)


def _logsumexp(vs: Sequence[Value]) -> float:
    """m + log1p(Σ exp(uᵢ - m)) over every argument but the first largest one, m.

    Each ``exp`` sees a number ≤ 0, and ``log1p`` keeps the value's last bits when the
    others are far below m (``logsumexp(0, -40)`` is 4.2e-18, not 0).
    """
    floats = [float(v) for v in vs]
    top = max(range(len(floats)), key=floats.__getitem__)
    m = floats[top]
    if math.isinf(m):  # +inf: the sum is infinite; -inf: every term is 0
        return m
    rest = math.fsum(math.exp(t - m) for i, t in enumerate(floats) if i != top)
    return m + math.log1p(rest)


def _softplus(t: float) -> float:
    """log(1 + exp(t)) as max(t, 0) + log1p(exp(-|t|))."""
    return max(t, 0.0) + math.log1p(math.exp(-abs(t)))


def _logsumexp_partial(args: tuple[Expr, ...], i: int) -> Expr:
    """∂logsumexp/∂uᵢ = exp(uᵢ - logsumexp(u…)): the i-th component of the softmax.

    A repeated argument gets its share at each place (``logsumexp(x, x)`` is
    ``x + log(2)``, whose derivative 1 is the two halves).
    """
    return call("exp", add(args[i], neg(call("logsumexp", *args))))


def _logsumexp_interval(ctx: Any, a: Sequence[Any]) -> Any:
    """m + log(Σ exp(uᵢ - m)) with m the largest upper end (a point: the shift is exact)."""
    m = ctx.mpf(max(k.b for k in a))
    return m + ctx.log(ctx.fsum([ctx.exp(k - m) for k in a]))


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
    # C folds the stable two-argument form (logsumexp is associative); JAX and PyTorch
    # take the logsumexp of the arguments stacked on a new first axis
    Function("logsumexp", None, partial=_logsumexp_partial,
             exact=lambda vs: rational(vs[0]) if len(vs) == 1 else None,
             real=_logsumexp, outside=EVERYWHERE, kinks="smooth",
             unicode="logsumexp", latex=r"\operatorname{logsumexp}",
             sympy="log(exp(u) + exp(v))", builder="logsumexp",
             code={"python": "_logsumexp({args})", "numpy": "_logsumexp({args})",
                   "c": "symdiff_logaddexp({0}, {1})",
                   "jax": "jax.nn.logsumexp(jnp.stack(jnp.broadcast_arrays({args})), axis=0)",
                   "torch": "torch.logsumexp(torch.stack(torch.broadcast_tensors({args})), dim=0)"},
             interval=_logsumexp_interval),
    Function("softplus", 1, partial=unary(lambda u: call("sigmoid", u)),
             exact=lambda vs: None, real=real(_softplus), outside=EVERYWHERE, kinks="smooth",
             unicode="softplus", latex=r"\operatorname{softplus}", sympy="log(1 + exp(u))",
             builder="softplus",
             code={"python": "_softplus({0})", "numpy": "np.logaddexp(0.0, {0})",
                   "c": "symdiff_softplus({0})", "jax": "jax.nn.softplus({0})",
                   "torch": "torch.logaddexp({0}, torch.zeros((), dtype=torch.float64))"},
             interval=lambda ctx, a: ctx.log(1 + ctx.exp(a[0])), image="positive"),
    Function("logsigmoid", 1, partial=unary(lambda u: call("sigmoid", neg(u))),
             exact=lambda vs: None, real=real(lambda t: -_softplus(-t)), outside=EVERYWHERE,
             kinks="smooth", unicode="logsigmoid", latex=r"\operatorname{logsigmoid}",
             sympy="-log(1 + exp(-u))", builder="logsigmoid", spellings=("log_sigmoid",),
             code={"python": "_logsigmoid({0})", "numpy": "_logsigmoid({0})",
                   "c": "symdiff_logsigmoid({0})", "jax": "jax.nn.log_sigmoid({0})",
                   "torch": "torch.nn.functional.logsigmoid({0})"},
             interval=lambda ctx, a: -ctx.log(1 + ctx.exp(-a[0]))),
)  # fmt: skip


def _softmax(args: tuple[Expr, ...]) -> Expr:
    """``softmax(k, u1, …, un)`` is ``exp(uk - logsumexp(u1, …, un))``.

    The components share one ``logsumexp`` node, so a whole softmax layer computes it once.

    >>> from symdiff.core.expr import Var
    >>> str(_softmax((Num(2), Var("a"), Var("b"))))
    'exp(b - logsumexp(a, b))'
    """
    k, us = args[0], args[1:]
    n = len(us)
    usage = "softmax(k, u1, …, un) takes a component number k and the n arguments"
    if not us:
        raise UnsupportedError(f"{usage}: there are no arguments after k")
    if not (isinstance(k, Num) and k.value.denominator == 1 and 1 <= k.value <= n):
        raise UnsupportedError(f"{usage}: k must be a whole number from 1 to {n}, not {k}")
    return _logsumexp_partial(us, int(k.value) - 1)


SHORTHANDS: tuple[Shorthand, ...] = (
    Shorthand("softmax", None, _softmax, "softmax(2, u, v, w)",
              "softmax(k, u1, …, un): exp(uk − logsumexp(u1, …, un)), the k-th component "
              "of the softmax of u1, …, un (k a whole number from 1 to n)"),
)  # fmt: skip
