"""A row of the function table: every fact symdiff uses about one function, one field each.

The table itself is :data:`symdiff.core.functions.FUNCTIONS`; the helpers here write its
rows briefly (``unary``, ``at``, ``real``, ``where``).

>>> from symdiff.core.expr import Var
>>> sin = Function("sin", 1, partial=unary(lambda u: Var("c")), exact=at(0, 0),
...                real=real(lambda t: t), outside=EVERYWHERE, kinks="smooth", unicode="sin",
...                latex="\\\\sin", sympy="sin", builder="sin")
>>> sin.accepts(1), sin.accepts(2), sin.exact([Fraction(0)]), sin.outside([Fraction(3)])
(True, False, Fraction(0, 1), None)
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from math import isqrt
from typing import Any, Literal

from .expr import Expr
from .multiple import Multiple

# a number as the evaluator computes it: exact (a rational, or a rational multiple of π or
# of e), or a float
Value = Fraction | Multiple | float
ExactValue = Fraction | Multiple  # an exact value: what an ``exact`` facet gives
Partial = Callable[[tuple[Expr, ...], int], Expr]
Exact = Callable[[Sequence[Value]], ExactValue | None]
Real = Callable[[Sequence[Value]], float]
Domain = Callable[[Sequence[Value]], str | None]
# where the derivative jumps: nowhere, where two arguments tie (max, min), where the
# argument is 0 (abs, relu, sign), where the argument is a whole number (floor, ceil: the
# function itself jumps there); the checker and the plots look for those points
Kinks = Literal["smooth", "ties", "zero", "integers"]
# what the simplifier may assume of the function's value: nothing, > 0, or ≥ 0
Image = Literal["real", "positive", "nonnegative"]
# the value as an mpmath interval, given the interval context and the argument intervals
Interval = Callable[[Any, Sequence[Any]], Any]

HALF = Fraction(1, 2)

__all__ = [
    "EVERYWHERE",
    "HALF",
    "ExactValue",
    "Function",
    "Image",
    "Interval",
    "Kinks",
    "Shorthand",
    "Value",
    "at",
    "code_for",
    "exact_sqrt",
    "mp_context",
    "mpmath_real",
    "real",
    "unary",
    "where",
]


@dataclass(frozen=True, slots=True)
class Function:
    """One known function and every facet of it; a missing facet is a ``TypeError``.

    - ``name``: as written in text, and its key in the table; ``spellings``: other names
      accepted on input, standing for this one (``ln`` for ``log``);
    - ``arity``: the number of arguments (None: any number, at least one);
    - ``partial``: ∂f/∂uᵢ, given the arguments and i, as an expression of the arguments
      (f'(u) for one argument; the chain rule multiplies by duᵢ; a 0 drops its term);
    - ``exact``: the exact value where the function has one, else None (and None outside
      the domain): an :data:`ExactValue`, a ``Fraction`` (``sin(π/6) = 1/2``, ``sqrt(9/4) =
      3/2``, ``log(e) = 1``) or a rational multiple of π or e, a
      :class:`~symdiff.core.multiple.Multiple` (``asin(1) = π/2``).  Its arguments are
      values as the evaluator computes them (``Value``): exact arguments (``π/2`` is
      ``Multiple(1/2)``) find the special points exactly; a float argument has no exact
      value.  The same facet serves the evaluator (``--at``) and the simplifier's
      ``function-values`` pass, which writes a value back as an expression
      (:func:`symdiff.core.exact.exact_expr`).  Irrational algebraic values (``sin(π/3) =
      √3/2``) are not exact values: the ``real`` facet gives them as floats;
    - ``real``: the float value (plain floats, from :mod:`math`), inside the domain; it
      accepts exact arguments too (``float()`` of any ``Value``);
    - ``outside``: why numbers are outside the domain (a phrase ending with the number), or None;
      poles included (``tan(π/2)``, found exactly at exact multiples of π, and for a float
      argument within rounding of the pole: :mod:`symdiff.core.special`);
    - ``kinks``: where the derivative jumps: ``"smooth"`` (nowhere), ``"ties"`` (where two
      arguments are equal), ``"zero"`` (where the argument is 0) or ``"integers"`` (where
      it is a whole number: floor and ceil jump there, and have no derivative);
    - ``unicode``, ``latex``: the printed names (the LaTeX one a command valid in KaTeX);
    - ``sympy``: SymPy's name for it, or, where SymPy has none, its definition as a
      formula in ``u`` in symdiff's language (``1/(1 + exp(-u))``);
    - ``builder``: the name of its Python builder in :mod:`symdiff.core.build`
      (``symdiff.<name>`` is that builder);
    - ``code``: the function in each code generation target (``python``, ``numpy``, ``c``,
      ``jax``, ``torch``) as a template: ``{0}`` is the one argument of a unary function; a
      template with ``{1}`` is binary and folded left over more arguments (``max(a, b, c)``
      is ``fmax(fmax(a, b), c)``); ``{args}`` takes every argument, comma-separated.  Each
      placeholder appears once, so an argument's code is never written twice.  A target
      missing here cannot compile the function (an ``UnsupportedError`` says so);
    - ``interval``: the value as an mpmath interval (the checker's high-precision values,
      :mod:`symdiff.check.precise`), given the interval context and the argument intervals;
      it raises ``ValueError`` where an argument interval reaches outside the domain.
      None: built by the checker itself (the piecewise functions, whose branch it records;
      ``log`` and ``sqrt``, whose domain edge it decides);
    - ``edges``: values of the argument where the domain ends or the derivative is
      unbounded (``log``: 0; ``asin``: -1 and 1); the checker samples on both sides of them;
    - ``image``: what the simplifier may assume of the value: ``"positive"`` (``exp``),
      ``"nonnegative"`` (``abs``, ``sqrt``) or ``"real"`` (nothing);
    - ``orders``: the positions of arguments that are orders (``polygamma(n, u)``,
      ``besselj(n, u)``): whole numbers, never differentiated (the partial by one raises
      ``UnsupportedError``); tests and samplers put small whole numbers there;
    - ``root``: n for the n-th root ``u^(1/n)`` (``sqrt``: 2, ``cbrt``: 3), whose n-th
      power is ``u`` wherever the root is defined (the simplifier's ``root-powers``); 0
      for every other function.

    >>> from symdiff.core.functions import FUNCTIONS
    >>> FUNCTIONS["max"].accepts(3), FUNCTIONS["log"].outside([Fraction(-2)])
    (True, 'logarithm of the non-positive number -2')
    """

    name: str
    arity: int | None
    partial: Partial
    exact: Exact
    real: Real
    outside: Domain
    kinks: Kinks
    unicode: str
    latex: str
    sympy: str
    builder: str
    spellings: tuple[str, ...] = ()
    code: Mapping[str, str] = field(default_factory=dict)
    interval: Interval | None = None
    edges: tuple[Fraction, ...] = ()
    image: Image = "real"
    orders: tuple[int, ...] = ()
    root: int = 0

    def accepts(self, count: int) -> bool:
        """Whether the function takes ``count`` arguments.

        >>> from symdiff.core.functions import FUNCTIONS
        >>> FUNCTIONS["sin"].accepts(2), FUNCTIONS["min"].accepts(1)
        (False, True)
        """
        return count >= 1 if self.arity is None else count == self.arity


@dataclass(frozen=True, slots=True)
class Shorthand:
    """A name that stands for an expression of the table's functions, expanded when read.

    ``log10(u)`` is ``log(u)/log(10)``, ``pow(a, b)`` is ``a^b``: the parser and the
    builders write ``means(args)`` in its place, so nothing downstream knows the name
    (and the printers print what it means).  ``arity`` as for :class:`Function`; a
    shorthand may share its name with a function of another arity (``log(u, b)``).

    >>> from symdiff.core.expr import Var, call
    >>> log10 = Shorthand("log10", 1, lambda a: call("log", a[0]) / call("log", Var("t")),
    ...                   "log10(x)", "logarithm to base 10")
    >>> str(log10.means((Var("x"),)))
    'log(x)/log(t)'
    """

    name: str
    arity: int | None
    means: Callable[[tuple[Expr, ...]], Expr]
    example: str  # how it is written, for the README's list
    summary: str  # what it is, in a few words

    def accepts(self, count: int) -> bool:
        """Whether the shorthand takes ``count`` arguments.

        >>> from symdiff.core.expr import Var
        >>> Shorthand("pow", 2, lambda a: a[0] ** a[1], "pow(a, b)", "a^b").accepts(2)
        True
        """
        return count >= 1 if self.arity is None else count == self.arity


def code_for(python: str, numpy: str, c: str, jax: str, torch: str) -> dict[str, str]:
    """A row's ``code`` facet, one template per target, in the targets' order.

    >>> code_for("f({0})", "np.f({0})", "f({0})", "jnp.f({0})", "torch.f({0})")["c"]
    'f({0})'
    """
    return {"python": python, "numpy": numpy, "c": c, "jax": jax, "torch": torch}


def unary(derivative: Callable[[Expr], Expr]) -> Partial:
    """The partial of a one-argument function from f'(u).

    >>> from symdiff.core.expr import Var
    >>> str(unary(lambda u: u ** 2)((Var("x"),), 0))
    'x^2'
    """
    return lambda args, i: derivative(args[0])


def at(point: int, value: Fraction | int) -> Exact:
    """Exact at one point only: ``value`` there (a float equal to the point counts), else None.

    >>> at(0, 1)([0.0]), at(0, 1)([Fraction(1, 2)])
    (Fraction(1, 1), None)
    """
    exact = Fraction(value)
    return lambda vs: exact if vs[0] == point else None


def real(f: Callable[[float], float]) -> Real:
    """The float value of a one-argument function from a function of floats.

    >>> real(abs)([Fraction(-3, 2)])
    1.5
    """
    return lambda vs: f(float(vs[0]))


def mpmath_real(name: str) -> Real:
    """The float value from mpmath's function ``name``, for what :mod:`math` lacks.

    mpmath is imported on first use; each thread computes in its own 53-bit context, so
    no thread sees another's working precision.

    >>> round(mpmath_real("besselj")([Fraction(0), 1.5]), 12)
    0.511827671736
    """

    def value(vs: Sequence[Value]) -> float:
        ctx = mp_context()
        result = getattr(ctx, name)(*[float(v) for v in vs])
        if isinstance(result, ctx.mpc):  # a real function's value off its real domain
            raise ValueError(f"{name} has no real value there")
        return float(result)

    return value


def mp_context(prec: int = 53) -> Any:
    """This thread's mpmath context at ``prec`` bits (one per thread and precision).

    mpmath keeps the working precision in its context, so threads never share one.

    >>> mp_context(80).prec, mp_context(80) is mp_context(80)
    (80, True)
    """
    made: dict[int, Any] = _CONTEXTS.__dict__.setdefault("by_precision", {})
    ctx = made.get(prec)
    if ctx is None:
        from mpmath.ctx_mp import MPContext

        ctx = made[prec] = MPContext()
        ctx.prec = prec
    return ctx


_CONTEXTS = threading.local()


def where(bad: Callable[[Value], bool], phrase: str) -> Domain:
    """Outside the domain where ``bad(u)``: the phrase followed by ``u``.

    >>> where(lambda v: v < 0, "square root of the negative number")([Fraction(-1)])
    'square root of the negative number -1'
    """
    return lambda vs: f"{phrase} {_shown(vs[0])}" if bad(vs[0]) else None


def _shown(v: Value) -> str:
    """A number in a message: exact as written (``1/2``, ``pi/2``), a float by its repr."""
    return repr(v) if isinstance(v, float) else str(v)


def _everywhere(vs: Sequence[Value]) -> str | None:
    """Defined at every real number."""
    return None


EVERYWHERE: Domain = _everywhere


def exact_sqrt(vs: Sequence[Value]) -> Fraction | None:
    """The rational square root of a rational ``u ≥ 0``, or None.

    >>> exact_sqrt([Fraction(9, 4)]), exact_sqrt([Fraction(2)]), exact_sqrt([Fraction(-4)])
    (Fraction(3, 2), None, None)
    """
    v = vs[0]
    if not isinstance(v, Fraction) or v < 0:
        return None
    n, d = isqrt(v.numerator), isqrt(v.denominator)
    if n * n == v.numerator and d * d == v.denominator:
        return Fraction(n, d)
    return None
