r"""Generated-code helpers for the special functions a target lacks (see ``HELPERS``).

- Python: ``math`` has erf, erfc, gamma, lgamma; ``_special`` takes digamma, polygamma,
  besselj and lambertw from mpmath (imported when called), raising ``ValueError`` where
  there is no real value (an order that is not a whole number, a pole, u < −1/e).
- NumPy: ``_special`` applies math's or mpmath's function point by point (``nan``
  outside the domain, as NumPy does); ``np.sinc`` is normalized, so ``sinc`` is
  ``np.sinc(u/π)`` in the table.
- C: C99 has erf, erfc, tgamma, lgamma; POSIX has ``jn`` (Bessel J of a whole order);
  polygamma (the recurrence up to x ≥ 20 + n, then the asymptotic series with ten
  Bernoulli numbers) and Lambert W (Halley's iteration) are written out here.  NAN
  outside the domain.
- jax: ``jax.scipy.special`` (imported by ``_jsp``, as ``import jax`` does not bind it).
- torch: Γ as ``exp(lgamma)`` with Γ's sign; jax and torch have no Lambert W and no
  Bessel J of any order: ``_unsupported`` raises ``NotImplementedError`` saying which
  targets have them.

>>> sorted(SPECIAL_HELPERS["c"])
['symdiff_besselj', 'symdiff_lambertw', 'symdiff_polygamma', 'symdiff_sinc']
"""

from __future__ import annotations

from textwrap import dedent

_PYTHON_SPECIAL = """\
def _special(name, *args):
    import mpmath
    if name in ('polygamma', 'besselj'):
        n = float(args[0])
        if not n.is_integer() or (name == 'polygamma' and n < 0):
            raise ValueError(f'{name} of an order that is not a whole number')
        args = (int(n), *args[1:])
    value = getattr(mpmath, name)(*args)
    if isinstance(value, mpmath.mpc):
        raise ValueError(f'{name} has no real value here')
    return float(value)
"""

_NUMPY_SPECIAL = """\
def _special(name, *args):
    import math
    import mpmath

    def one(*a):
        if name in ('polygamma', 'besselj'):
            if not (math.isfinite(a[0]) and a[0] == int(a[0])):
                return math.nan
            if name == 'polygamma' and a[0] < 0:
                return math.nan
            a = (int(a[0]), *a[1:])
        f = getattr(math, name, None) or getattr(mpmath, name)
        try:
            v = f(*a)
        except (ValueError, ZeroDivisionError, OverflowError):
            return math.nan
        return math.nan if isinstance(v, mpmath.mpc) else float(v)

    return np.vectorize(one, otypes=[float])(*args)
"""

_C_POLYGAMMA = """\
static double symdiff_polygamma(double n, double x)
{
    static const double b[] = {1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66,
                               -691.0 / 2730, 7.0 / 6, -3617.0 / 510, 43867.0 / 798,
                               -174611.0 / 330};
    if (!(n >= 0 && n <= 170 && n == floor(n)) || (x <= 0 && x == floor(x)))
        return NAN;
    double fact = tgamma(n + 1.0), shift = 0.0, sum;
    while (x < 20.0 + n) {  /* psi(n, x) = psi(n, x + 1) - (-1)^n n!/x^(n+1) */
        shift += fact / pow(x, n + 1.0);
        x += 1.0;
    }
    if (n == 0) {
        sum = log(x) - 0.5 / x;
        for (int k = 1; k <= 10; k++)
            sum -= b[k - 1] / (2.0 * k * pow(x, 2.0 * k));
    } else {
        sum = exp(lgamma(n) - n * log(x)) + fact / (2.0 * pow(x, n + 1.0));
        for (int k = 1; k <= 10; k++)
            sum += b[k - 1] * exp(lgamma(2.0 * k + n) - lgamma(2.0 * k + 1.0)
                                  - (2.0 * k + n) * log(x));
        if (fmod(n, 2.0) == 0.0)
            sum = -sum;
    }
    return fmod(n, 2.0) == 0.0 ? sum - shift : sum + shift;
}
"""

_C_LAMBERTW = """\
static double symdiff_lambertw(double u)
{
    double w;
    if (!(u >= -0.36787944117144233))
        return NAN;
    if (u < -0.25) {  /* near the branch point -1/e */
        double p = sqrt(fmax(0.0, 2.0 * (2.718281828459045 * u + 1.0)));
        w = -1.0 + p - p * p / 3.0 + 11.0 / 72.0 * p * p * p;
    } else if (u < 3.0) {
        w = log1p(u);
    } else {
        double l1 = log(u), l2 = log(l1);
        w = l1 - l2 + l2 / l1;
    }
    for (int i = 0; i < 64; i++) {  /* Halley's iteration on w e^w - u */
        double e = exp(w), f = w * e - u;
        double step = f / (e * (w + 1.0) - (w + 2.0) * f / (2.0 * w + 2.0));
        w -= step;
        if (!(fabs(step) > 1e-16 * (1.0 + fabs(w))))
            break;
    }
    return w;
}
"""

_C_SINC = """\
static double symdiff_sinc(double u)
{
    return u == 0.0 ? 1.0 : sin(u) / u;
}
"""

_C_BESSELJ = """\
static double symdiff_besselj(double n, double u)
{
    return n == floor(n) && fabs(n) <= 10000.0 ? jn((int)n, u) : NAN;
}
"""

_TORCH_GAMMA = """\
def _gamma(u):
    odd = torch.remainder(torch.floor(u), 2.0) == 1.0
    return torch.where((u < 0) & odd, -1.0, 1.0) * torch.exp(torch.lgamma(u))
"""


# ``import jax`` does not bind ``jax.scipy``: the module is imported where it is used
_JAX_SPECIAL = """\
def _jsp(name):
    import jax.scipy.special
    return getattr(jax.scipy.special, name)
"""


def _unsupported(target: str) -> str:
    return dedent(f"""\
        def _unsupported(name, *args):
            raise NotImplementedError(f'{{name}} has no {target} spelling: compile for '
                                      'the python, numpy or c target')
        """)


SPECIAL_HELPERS: dict[str, dict[str, str]] = {
    "python": {"_special": _PYTHON_SPECIAL,
               "_sinc": "def _sinc(u):\n    return math.sin(u) / u if u else 1.0\n"},
    "numpy": {"_special": _NUMPY_SPECIAL},
    "c": {"symdiff_polygamma": _C_POLYGAMMA, "symdiff_lambertw": _C_LAMBERTW,
          "symdiff_sinc": _C_SINC, "symdiff_besselj": _C_BESSELJ},
    "torch": {"_gamma": _TORCH_GAMMA, "_unsupported": _unsupported("torch")},
    "jax": {"_jsp": _JAX_SPECIAL, "_unsupported": _unsupported("jax")},
}  # fmt: skip
