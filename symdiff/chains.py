"""Derivatives of derivatives, each computed once: ∂²f/∂y∂x reuses ∂f/∂x.

:class:`Chains` is what ``partial``, ``derivations``, ``hessian`` and ``jacobian``
(:mod:`symdiff.higher`) and the reports of :mod:`symdiff.results` differentiate with.

>>> from symdiff.api import as_definition
>>> str(Chains()(as_definition("x^3 y^2"), ("x", "y"))[0])
'6*x^2*y'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from math import log
from typing import TYPE_CHECKING

from .api import diff_by, gradient_by, only_variable, variables_of
from .core.definition import Definition
from .core.expr import ZERO, Expr
from .core.guards import derivative_size
from .core.walk import iter_vars
from .limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from .report import Derivation

Entry = tuple[Expr, tuple["Derivation", ...]]  # a derivative and its recorded derivations


def _wrt(definition: Definition, wrt: Sequence[str], limits: Limits) -> tuple[str, ...]:
    """The variables to differentiate by, in order (none: the only one), within the order limit.

    The names are taken as read already (:func:`~symdiff.api.variables_named`): the public
    calls check them once, not once per entry of a Hessian.
    """
    limits.check_order(len(wrt))  # before anything is built
    return tuple(wrt) or (only_variable(definition),)


def project(sizes: Sequence[int], order: int) -> int:
    """The size of the raw derivative of ``order``, projected from those of orders 1, 2, ….

    ``sizes[m - 1]`` estimates the raw derivative of order ``m`` (``derivative_size`` of
    the derivative of order ``m - 1``).  Growth is taken as polynomial, ``m^p``, with the
    smaller degree ``p`` that the last two orders show: exact for the Leibniz rule's
    polynomial growth, an underestimate of exponential growth (which it still stops a few
    orders later, long before the raw size itself would), and nothing while sizes fall.

    >>> project([10, 40, 90], 20)  # 10·m²: order 20 builds about 4,000 nodes
    4000
    >>> project([36, 98, 298, 686, 1630, 3277, 6784, 13619, 26934, 53748], 20) > 2_000_000
    True
    >>> project([50, 40, 30], 20), project([5, 9], 20)
    (30, 9)
    """
    m = len(sizes)
    if m < 3 or order <= m or not sizes[-3] < sizes[-2] < sizes[-1]:
        return sizes[-1] if sizes else 0
    degree = min(log(sizes[j] / sizes[j - 1]) / log((j + 1) / j) for j in (m - 2, m - 1))
    growth: float = (order / m) ** degree
    return round(sizes[-1] * growth)


class Chains:
    """Derivatives of derivatives, each computed once: ∂²f/∂y∂x reuses ∂f/∂x.

    Called with a definition and the variables in order, it gives the derivative and,
    with ``steps``, one recorded derivation per variable (each of the previous result;
    with ``simplify=False`` each stops at the rules' raw output).  The limits' clock
    starts when the Chains is made (one per call) unless it already runs, and is polled
    before each stage (and inside it); the order is checked before any work, and each
    stage from order 2 on is estimated (``max_nodes``) before it is differentiated,
    together with the last order, projected from the growth so far (:func:`project`):
    a 20th derivative that would grow past the limit stops at the 10th, not the 16th.

    >>> from symdiff.api import as_definition
    >>> chains = Chains(steps=True)
    >>> expr, stages = chains(as_definition("h(x) = x^3"), ("x", "x"))
    >>> str(expr), [str(d.result) for d in stages], [d.partial for d in stages]
    ('6*x', ['3*x^2', '6*x'], [False, False])
    """

    def __init__(
        self,
        *,
        simplify: bool = True,
        expand: bool = False,
        steps: bool = False,
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        self.simplify, self.expand, self.steps = simplify, expand, steps
        self.limits = limits.begin()
        # keyed by the definition's identity (hashing one with a long signature costs its length)
        self.memo: dict[tuple[int, tuple[str, ...]], tuple[Expr, Derivation | None]] = {}
        self.kept: dict[int, Definition] = {}  # the definitions the keys name, kept alive

    def _key(self, definition: Definition, names: tuple[str, ...]) -> tuple[int, tuple[str, ...]]:
        if id(definition) not in self.kept:
            self.kept[id(definition)] = definition
        return id(definition), names

    def fill(self, definition: Definition, prefix: Sequence[str], names: Sequence[str]) -> None:
        """Differentiate the derivative by ``prefix`` by every one of ``names`` at once.

        One gradient (:func:`symdiff.api.gradient`: reverse mode past a size, its products'
        growth estimated first) instead of one derivative per variable, so a report's
        gradient or Hessian row costs about one derivative, not one per variable.  Only
        without steps and with simplification (otherwise each is its own derivation).

        >>> from symdiff.api import as_definition
        >>> chains, d = Chains(), as_definition("x*y*z")
        >>> chains.fill(d, (), ["x", "y", "z"])
        >>> chains.fill(d, ("x",), ["x", "y", "z"])
        >>> [str(chains(d, ("x", v))[0]) for v in "xyz"]
        ['0', 'z', 'y']
        """
        if self.steps or not self.simplify:
            return
        before = tuple(prefix)
        todo = [
            v for v in dict.fromkeys(names) if self._key(definition, (*before, v)) not in self.memo
        ]
        if len(todo) < 2:
            return
        self.limits.check_order(len(before) + 1)
        expr = self(definition, before)[0] if before else definition.body
        self.limits.check_time(f"the derivatives of order {len(before) + 1}")
        if before:  # the names were read by the first derivatives: those absent give 0 here
            present = set(iter_vars(expr))
            for v in todo:
                if v not in present:
                    self.memo[self._key(definition, (*before, v))] = (ZERO, None)
            todo = [v for v in todo if v in present]
        partials = gradient_by(expr, todo, expand=self.expand, limits=self.limits)
        for v, partial in partials.items():
            self.memo[self._key(definition, (*before, v))] = (partial, None)

    def __call__(self, definition: Definition, wrt: Sequence[str]) -> Entry:
        """The derivative of ``definition`` by ``wrt`` in order, and its derivations."""
        if not self.steps:  # computed already (its order checked then): no stages to collect
            hit = self.memo.get((id(definition), tuple(wrt)))
            if hit is not None:
                return hit[0], ()
        names = _wrt(definition, wrt, self.limits)
        expr, stages = definition.body, []
        order = len(names)
        sizes: list[int] = []  # orders 4 and up: each order's raw size, estimated as they come
        for k in range(order):
            key = self._key(definition, names[: k + 1])
            if key not in self.memo:
                self.limits.check_time(f"the derivative of order {k + 1}")  # the call's clock
                if k or order > 3:
                    sizes.append(derivative_size(expr))
                if k:  # a derivative of a derivative: how large it may grow, before it is begun
                    self.limits.check_nodes(sizes[-1], f"the derivative of order {k + 1}")
                    self.limits.check_nodes(
                        project(sizes, order),
                        f"the derivative of order {order} (projected from orders 1 to "
                        f"{len(sizes)})",
                    )
                self.memo[key] = self._next(definition, expr, names[k], first=k == 0)
            elif order > 3:
                sizes.append(derivative_size(expr))
            expr, stage = self.memo[key]
            if stage is not None:
                stages.append(stage)
        return expr, tuple(stages)

    def _next(
        self, definition: Definition, expr: Expr, name: str, *, first: bool
    ) -> tuple[Expr, Derivation | None]:
        if not self.steps:
            return diff_by(expr, name, simplify=self.simplify, expand=self.expand,
                           limits=self.limits), None  # fmt: skip
        from .calculus.derivation import build_derivation  # the step machinery, loaded when used
        from .report import Derivation

        if first:
            stage = definition
        else:  # keeps ∂ for a function of several variables
            stage = Definition(expr, None, definition.params or tuple(variables_of(definition)))
        record = build_derivation(expr, name, stage, expand=self.expand, limits=self.limits)
        d = Derivation.of(record)
        if not self.simplify:
            raw = tuple(line for line in d.lines if line.kind == "derivative")
            d = replace(d, lines=raw, simplification=())
        return d.result, d
