"""Where a curve must not be joined: jumps and poles, and the edges of its domain.

Both questions are answered by bisection on the function itself, so they work for any
function symdiff can evaluate (``tan``, ``1/x``, ``sign``, a future ``floor``), without a
list of discontinuities:

- a **jump** (or pole) between two samples is an interval whose change of value does not
  shrink as the interval does: halving it about 50 times, always keeping the half that
  changes more, leaves a change still larger than half a pixel;
- a **domain edge** between a sample with a value and one without is found to about
  1e-12 of the interval, so ``sqrt(1 - x^2)`` reaches ``x = ±1``.

>>> import math
>>> sign = lambda x: float((x > 0) - (x < 0))
>>> is_jump(Sampler(sign), -0.5, -1.0, 0.25, 1.0, pixels_per_unit=100)
True
>>> is_jump(Sampler(math.atan), -0.5, math.atan(-0.5), 0.25, math.atan(0.25), 100)
False
"""

from __future__ import annotations

from collections.abc import Callable

from ..limits import DEFAULT_LIMITS, Limits

Fn = Callable[[float], float | None]  # a function's value, None where it has none
MAX_HALVINGS = 60  # bisection steps of one jump or edge search (the float resolution)
SAMPLES_PER_CURVE = 6_000  # evaluations of one curve, all searches included...
WORK_PER_CURVE = 3_000_000  # ...fewer for a large expression: node evaluations per curve
MIN_SAMPLES = 600  # ...but never fewer than this
TIME_POLL = 64  # the call's clock is read every this many evaluations


def budget_for(size: int) -> int:
    """The evaluations allowed for a curve whose expression has ``size`` distinct nodes.

    >>> budget_for(10), budget_for(5_000), budget_for(10**6)
    (6000, 600, 600)
    """
    return max(MIN_SAMPLES, min(SAMPLES_PER_CURVE, WORK_PER_CURVE // max(size, 1)))


class Sampler:
    """A function counted as it is evaluated: at most ``budget`` values, the clock polled.

    >>> s = Sampler(lambda x: x * x, budget=2)
    >>> s(3.0), s.used, s.exhausted
    (9.0, 1, False)
    """

    def __init__(self, fn: Fn, limits: Limits = DEFAULT_LIMITS,
                 budget: int = SAMPLES_PER_CURVE) -> None:  # fmt: skip
        self.fn = fn
        self.limits = limits
        self.budget = budget
        self.used = 0

    @property
    def exhausted(self) -> bool:
        """Whether the budget of evaluations is spent."""
        return self.used >= self.budget

    def __call__(self, x: float) -> float | None:
        self.used += 1
        if self.used % TIME_POLL == 0:
            self.limits.check_time("plotting")
        return self.fn(x)


def is_jump(f: Sampler, a: float, fa: float, b: float, fb: float, pixels_per_unit: float) -> bool:
    """Whether ``f`` jumps (or has a pole, or no value) somewhere between ``a`` and ``b``.

    ``pixels_per_unit`` converts a change of value to pixels; a change under half a
    pixel on a small enough interval is continuity.  With the budget spent, undecided
    intervals count as jumps: a missing stroke is better than a false one.

    >>> is_jump(Sampler(lambda x: 1 / x if x else None), -1.0, -1.0, 0.5, 2.0, 10)
    True
    """
    for _ in range(MAX_HALVINGS):
        if abs(fb - fa) * pixels_per_unit <= 0.5:
            return False
        m = (a + b) / 2
        if f.exhausted or not a < m < b:
            return True
        fm = f(m)
        if fm is None:
            return True
        if abs(fm - fa) >= abs(fb - fm):
            b, fb = m, fm
        else:
            a, fa = m, fm
    return True


def domain_edge(f: Sampler, inside: float, outside: float) -> tuple[float, float] | None:
    """The point nearest ``outside`` where ``f`` still has a value (``inside`` has one).

    >>> import math
    >>> x, y = domain_edge(Sampler(lambda t: math.sqrt(1 - t * t) if t * t <= 1 else None),
    ...                    0.5, 1.5)
    >>> abs(x - 1) < 1e-9, abs(y) < 1e-4
    (True, True)
    """
    best: tuple[float, float] | None = None
    for _ in range(MAX_HALVINGS):
        m = (inside + outside) / 2
        if f.exhausted or m in (inside, outside):
            break
        fm = f(m)
        if fm is None:
            outside = m
        else:
            inside, best = m, (m, fm)
    return best


def crossing(
    f: Sampler, inside: float, f_inside: float, outside: float, level: float, above: bool
) -> tuple[float, float]:
    """The point of ``f`` where it crosses ``level`` between ``inside`` and ``outside``.

    ``above``: whether the outside lies above ``level`` (the inside is then at or below
    it; a value equal to ``level`` is inside).  The point returned is the last one found
    on the inside (on the curve, within float resolution of the crossing, or the start
    itself once the budget is spent).

    >>> import math
    >>> x, y = crossing(Sampler(math.exp), 0.0, 1.0, 3.0, 10.0, above=True)
    >>> round(x, 9) == round(math.log(10), 9), y <= 10
    (True, True)
    """
    best = (inside, f_inside)
    for _ in range(MAX_HALVINGS):
        m = (inside + outside) / 2
        if f.exhausted or m in (inside, outside):
            break
        fm = f(m)
        if fm is not None and (fm <= level if above else fm >= level):
            inside, best = m, (m, fm)
        else:
            outside = m
    return best
