r"""The special functions: error function, gamma and its relatives, sinc, Lambert W, Bessel.

Float values come from :mod:`math` where it has the function (``erf``, ``erfc``,
``gamma``, ``lgamma``) and from mpmath (imported on first use) for the rest; the
checker's intervals from mpmath's interval context (``gamma``, ``lgamma``) or
:mod:`.enclosures`.  What each name means, where a convention had to be chosen:

- ``lgamma(u)`` (also ``loggamma``) is ``ln|Γ(u)|``, as C's and Python's ``lgamma``:
  defined wherever Γ is; its derivative is ``digamma(u)``.  SymPy's ``loggamma`` (its
  translation for the checker) is complex for u < 0, off by iπk: derivatives agree, and
  the SymPy check skips the points where a value is not real (``log(abs(gamma(u)))``
  would be exact, but SymPy evaluates its derivative's ``re``/``im`` parts for minutes);
- ``sinc(u) = sin(u)/u`` with ``sinc(0) = 1``, unnormalized as SymPy's (NumPy's
  ``np.sinc`` is ``sin(πu)/(πu)``); its derivative ``(u·cos(u) − sin(u))/u²`` is
  undefined at 0, where the function's derivative is 0 (no limit is taken);
- ``polygamma(n, u)`` and ``besselj(n, u)``: the first argument is the order, a whole
  number (``n ≥ 0`` for polygamma), and is never differentiated (the row's
  ``orders``): ``d/du ψ⁽ⁿ⁾(u) = ψ⁽ⁿ⁺¹⁾(u)``, ``d/du J_n(u) = (J_{n−1}(u) − J_{n+1}(u))/2``;
  differentiating by an order is an ``UnsupportedError``;
- ``lambertw(u)`` (also ``LambertW``) is the principal branch W₀, on ``u ≥ −1/e``.  A
  single letter ``W`` before "(" stays a variable times a group (``W(x + 1)`` is
  W·(x + 1)), as every single letter but f, g, h.  ``W′(u) = e^(−W(u))/(1 + W(u))``,
  which is ``W/(u(1 + W))`` for u ≠ 0 and 1 at 0;
- the textbook glyphs are spellings of their rows and what Unicode prints: ``Γ(u)`` is
  ``gamma(u)`` and ``ψ(u)`` is ``digamma(u)``.  ``Γ`` is only ever the function (``Γ x``
  is Γ(x), as ``sin x``); ``ψ`` is the function only right before "(" and elsewhere the
  Greek letter psi, a variable, as ``gamma`` is.  The lowercase ``γ`` is never the
  function: ``γ(x)`` is an error saying to write ``γ*(x)`` or ``Γ(x)``.  ``polygamma``
  keeps its name in Unicode (``ψ⁽ⁿ⁾`` would not parse back).

>>> [row.name for row in ROWS]
['erf', 'erfc', 'gamma', 'lgamma', 'digamma', 'polygamma', 'sinc', 'lambertw', 'besselj']
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction

from ...errors import UnsupportedError
from ..expr import ONE, Const, Expr, Num, add, call, mul, neg, pow_
from ..facets import (
    EVERYWHERE,
    HALF,
    ExactValue,
    Function,
    Partial,
    Shorthand,
    Value,
    at,
    mpmath_real,
    real,
    unary,
    where,
)
from ..multiple import Multiple
from . import enclosures

E = Multiple(Fraction(1), "e")
MAX_FACTORIAL = 171  # gamma(n) = (n - 1)! exactly for whole 1 <= n <= 171 (a float beyond)
MAX_ORDER = 10_000  # the largest order of polygamma and besselj computed
# -1/e to 12 digits: where lambertw's domain ends (the checker samples both sides)
LAMBERT_EDGE = Fraction(-367879441171, 10**12)


def whole(v: Value) -> bool:
    """Whether a value is a whole number (a multiple of π, e or √n never is).

    >>> whole(Fraction(-2)), whole(-2.0), whole(Fraction(1, 2)), whole(Multiple(Fraction(2)))
    (True, True, False, False)
    """
    if isinstance(v, Multiple):
        return False
    return v.denominator == 1 if isinstance(v, Fraction) else float(v).is_integer()


def _shown(v: Value) -> str:
    return repr(v) if isinstance(v, float) else str(v)


def _pole(v: Value) -> bool:
    """A pole of Γ, ln|Γ| and ψ⁽ⁿ⁾: a whole number ≤ 0."""
    return whole(v) and v <= 0


def _order(n: Expr, k: int) -> Expr:
    """The order ``n + k``, folded when ``n`` is a number."""
    return Num(n.value + k) if isinstance(n, Num) else add(n, Num(k))


def _in_order(name: str, derivative: Partial) -> Partial:
    """A partial by the second argument only: the first is an order, never differentiated."""

    def partial(args: tuple[Expr, ...], i: int) -> Expr:
        if i == 0:
            raise UnsupportedError(
                f"cannot differentiate {name}(n, u) with respect to its order n: the order "
                "is a whole number, fixed (write it as a number or a name held constant)"
            )
        return derivative(args, i)

    return partial


def _ordered(name: str, least: int | None) -> Callable[[Sequence[Value]], str | None]:
    """Outside the domain: an order that is not a whole number (``>= least``) or too large."""

    def outside(vs: Sequence[Value]) -> str | None:
        n = vs[0]
        if isinstance(n, Multiple) or not whole(n) or (least is not None and n < least):
            kind = "a whole number" if least is None else f"a whole number >= {least}"
            return f"{name} of the order {_shown(n)}, which is not {kind}"
        if abs(float(n)) > MAX_ORDER:
            return f"{name} of an order beyond {MAX_ORDER:,} (too large to compute): {_shown(n)}"
        return None

    return outside


def _gamma_exact(vs: Sequence[Value]) -> ExactValue | None:
    """Γ(n) = (n − 1)! for whole 1 ≤ n ≤ MAX_FACTORIAL (checked before the product)."""
    n = vs[0]
    if isinstance(n, Fraction) and n.denominator == 1 and 1 <= n <= MAX_FACTORIAL:
        return Fraction(math.factorial(int(n) - 1))
    return None


def _polygamma_outside(vs: Sequence[Value]) -> str | None:
    bad = _ordered("polygamma", 0)(vs)
    if bad is None and _pole(vs[1]):
        return f"polygamma at its pole, the non-positive whole number {_shown(vs[1])}"
    return bad


def _sinc_exact(vs: Sequence[Value]) -> ExactValue | None:
    """sinc(0) = 1, sinc(kπ) = 0 for whole k ≠ 0."""
    u = vs[0]
    if u == 0:
        return Fraction(1)
    if isinstance(u, Multiple) and u.name == "pi" and u.q.denominator == 1:
        return Fraction(0)
    return None


def _sinc(vs: Sequence[Value]) -> float:
    t = float(vs[0])
    return math.sin(t) / t if t else 1.0


def _below_lambert_edge(v: Value) -> bool:
    """u < −1/e, decided exactly for exact u (as u·e < −1)."""
    if isinstance(v, Multiple):
        return float(v) < -math.exp(-1)
    return bool(Multiple(Fraction(v), "e") < -1) if v != 0 else False


def _besselj_exact(vs: Sequence[Value]) -> ExactValue | None:
    """J_n(0) = 1 if n = 0, else 0 (n whole)."""
    return Fraction(1 if vs[0] == 0 else 0) if vs[1] == 0 else None


def _besselj_outside(vs: Sequence[Value]) -> str | None:
    return _ordered("besselj", None)(vs)


# the derivative of erf, 2·exp(−u²)/√π, and of erfc, its negative
def _erf_slope(u: Expr, sign: int) -> Expr:
    return mul(Num(2 * sign), call("exp", neg(pow_(u, 2))), pow_(call("sqrt", Const("pi")), -1))


def _lambertw_slope(u: Expr) -> Expr:
    w = call("lambertw", u)
    return mul(call("exp", neg(w)), pow_(add(ONE, w), -1))


def _sinc_slope(u: Expr) -> Expr:
    return mul(add(mul(u, call("cos", u)), neg(call("sin", u))), pow_(u, -2))


def _polygamma_slope(args: tuple[Expr, ...], i: int) -> Expr:
    return call("polygamma", _order(args[0], 1), args[1])


def _besselj_slope(args: tuple[Expr, ...], i: int) -> Expr:
    n, u = args
    if n is Num(0):  # J₀′ = −J₁, as J₋₁ = −J₁
        return neg(call("besselj", ONE, u))
    return mul(Num(HALF), add(call("besselj", _order(n, -1), u),
                              neg(call("besselj", _order(n, 1), u))))  # fmt: skip


_POLES = "at its pole, the non-positive whole number"

ROWS: tuple[Function, ...] = (
    Function("erf", 1, partial=unary(lambda u: _erf_slope(u, 1)), exact=at(0, 0),
             real=real(math.erf), outside=EVERYWHERE, kinks="smooth", unicode="erf",
             latex=r"\operatorname{erf}", sympy="erf", builder="erf",
             code={"python": "math.erf({0})", "numpy": '_special("erf", {0})', "c": "erf({0})",
                   "jax": '_jsp("erf")({0})', "torch": "torch.erf({0})"},
             interval=lambda ctx, a: enclosures.monotone(ctx, a, "erf", increasing=True)),
    Function("erfc", 1, partial=unary(lambda u: _erf_slope(u, -1)), exact=at(0, 1),
             real=real(math.erfc), outside=EVERYWHERE, kinks="smooth", unicode="erfc",
             latex=r"\operatorname{erfc}", sympy="erfc", builder="erfc",
             code={"python": "math.erfc({0})", "numpy": '_special("erfc", {0})',
                   "c": "erfc({0})", "jax": '_jsp("erfc")({0})',
                   "torch": "torch.erfc({0})"},
             interval=lambda ctx, a: enclosures.monotone(ctx, a, "erfc", increasing=False),
             image="positive"),
    Function("gamma", 1, partial=unary(lambda u: mul(call("gamma", u), call("digamma", u))),
             exact=_gamma_exact, real=real(math.gamma),
             outside=where(_pole, f"gamma function {_POLES}"), kinks="smooth",
             unicode="Γ", latex=r"\Gamma", sympy="gamma", builder="gamma", spellings=("Γ",),
             code={"python": "math.gamma({0})", "numpy": '_special("gamma", {0})',
                   "c": "tgamma({0})", "jax": '_jsp("gamma")({0})',
                   "torch": "_gamma({0})"},
             interval=enclosures.gamma, edges=(Fraction(0), Fraction(-1))),
    Function("lgamma", 1, partial=unary(lambda u: call("digamma", u)),
             exact=lambda vs: Fraction(0) if vs[0] in (1, 2) else None,
             real=real(math.lgamma), outside=where(_pole, f"lgamma {_POLES}"),
             kinks="smooth", unicode="lgamma", latex=r"\operatorname{lgamma}",
             sympy="loggamma", builder="lgamma", spellings=("loggamma",),
             code={"python": "math.lgamma({0})", "numpy": '_special("lgamma", {0})',
                   "c": "lgamma({0})", "jax": '_jsp("gammaln")({0})',
                   "torch": "torch.lgamma({0})"},
             interval=enclosures.lgamma,
             edges=(Fraction(0), Fraction(-1))),
    Function("digamma", 1, partial=unary(lambda u: call("polygamma", ONE, u)),
             exact=lambda vs: None, real=mpmath_real("digamma"),
             outside=where(_pole, f"digamma {_POLES}"), kinks="smooth", unicode="ψ",
             latex=r"\psi", sympy="digamma", builder="digamma", spellings=("ψ",),
             code={"python": '_special("digamma", {0})', "numpy": '_special("digamma", {0})',
                   "c": "symdiff_polygamma(0.0, {0})", "jax": '_jsp("digamma")({0})',
                   "torch": "torch.digamma({0})"},
             interval=lambda ctx, a: enclosures.polygamma(ctx, [ctx.mpf(0), a[0]]),
             edges=(Fraction(0), Fraction(-1))),
    Function("polygamma", 2, partial=_in_order("polygamma", _polygamma_slope),
             exact=lambda vs: None, real=mpmath_real("polygamma"),
             outside=_polygamma_outside, kinks="smooth", unicode="polygamma",
             latex=r"\psi", sympy="polygamma", builder="polygamma",
             code={"python": '_special("polygamma", {0}, {1})',
                   "numpy": '_special("polygamma", {0}, {1})',
                   "c": "symdiff_polygamma({0}, {1})",
                   "jax": '_jsp("polygamma")(jnp.asarray({0}).astype(jnp.int32), {1})',
                   "torch": "torch.polygamma(int({0}), {1})"},
             interval=enclosures.polygamma, edges=(Fraction(0), Fraction(-1)), orders=(0,)),
    Function("sinc", 1, partial=unary(_sinc_slope), exact=_sinc_exact, real=_sinc,
             outside=EVERYWHERE, kinks="smooth", unicode="sinc",
             latex=r"\operatorname{sinc}", sympy="sinc", builder="sinc",
             code={"python": "_sinc({0})", "numpy": "np.sinc({0} / np.pi)",
                   "c": "symdiff_sinc({0})", "jax": "jnp.sinc({0} / jnp.pi)",
                   "torch": "torch.sinc({0} / 3.141592653589793)"},
             interval=enclosures.sinc),
    Function("lambertw", 1, partial=unary(_lambertw_slope),
             exact=lambda vs: Fraction(0) if vs[0] == 0 else Fraction(1) if vs[0] == E else None,
             real=mpmath_real("lambertw"),
             outside=where(_below_lambert_edge, "Lambert W (principal branch) below -1/e:"),
             kinks="smooth",
             unicode="LambertW", latex=r"\operatorname{W}", sympy="LambertW",
             builder="lambertw", spellings=("LambertW",),
             code={"python": '_special("lambertw", {0})', "numpy": '_special("lambertw", {0})',
                   "c": "symdiff_lambertw({0})", "jax": '_unsupported("lambertw", {0})',
                   "torch": '_unsupported("lambertw", {0})'},
             interval=enclosures.lambertw, edges=(LAMBERT_EDGE,)),
    Function("besselj", 2, partial=_in_order("besselj", _besselj_slope),
             exact=_besselj_exact, real=mpmath_real("besselj"), outside=_besselj_outside,
             kinks="smooth", unicode="besselj", latex=r"\operatorname{J}", sympy="besselj",
             builder="besselj",
             code={"python": '_special("besselj", {0}, {1})',
                   "numpy": '_special("besselj", {0}, {1})', "c": "symdiff_besselj({0}, {1})",
                   "jax": '_unsupported("besselj", {0}, {1})',
                   "torch": '_unsupported("besselj", {0}, {1})'},
             interval=enclosures.besselj, orders=(0,)),
)  # fmt: skip

SHORTHANDS: tuple[Shorthand, ...] = ()
